"""Knowing and segmenting customers (认识、选择与细分客户), Chapter 2.

- Customers by nature (按客户性质分类): :func:`classify_by_nature` and :func:`nature_summary`
  for the four types — retail (零售客户), business (商家), channel distributors and licensed
  agents (渠道经销商与持牌代理人) and internal customers (内部客户) — and the value each brings.
- Customer groups (识别客户群体): :func:`revenue_crosstab` answers "where does the revenue come
  from?" (revenue by customer type, channel, product line...); :func:`contact_roles` sorts the
  people a firm talks to into decision makers, buyers and users ("who decides?");
  :data:`REVENUE_SOURCES` lists who pays each link of the supply chain.
- Quality customers (优质客户): :func:`quality_traits` measures the three traits (reliable and
  long-term, more profitable, sees our value) per customer with documented proxies.
- The four segmentation bases (客户细分方法): behaviour (购买行为), demographics (人口统计),
  geography (地理位置) and psychographics (心理特征). :func:`segment_by` profiles customers by
  any column(s) (binning numbers such as age or income); :func:`behaviour_segments` labels
  one-time, repeat and frequent buyers. :data:`SEGMENTATION_BASES` lists the course-data
  columns of each base; :func:`basis_spread` compares how well each base separates customer value.
- Data-driven segments: :func:`kmeans_segments` (k-means from scikit-learn),
  :func:`segment_profiles` and :func:`choose_k` (elbow and silhouette).

scikit-learn is imported inside the functions that need it, so importing this module is cheap.

Tables (the contract of DESIGN.md): :func:`classify_by_nature`, :func:`quality_traits`,
:func:`behaviour_segments` and :func:`kmeans_segments` return a new DataFrame on the input's
index, the input's columns first and their own appended (so they chain with ``.pipe``); the input
is never changed and ``.attrs`` holds provenance notes only. :func:`nature_summary`,
:func:`revenue_crosstab`, :func:`segment_by`, :func:`basis_spread`, :func:`segment_profiles` and
:func:`choose_k` return one row per segment (or per k) and document their columns;
:func:`contact_roles` returns a Series on the contacts' index.
"""
from __future__ import annotations

import math
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from ._threads import single_thread
from ._core.compat import renamed_kwargs
from ._core.defaults import MAX_PRICE_SENSITIVITY, MAX_SUPPLIERS
from ._core.tables import append_columns
from ._core.dates import read_date_param, read_dates
from ._validation import (
    plain_value as _py,
    rows_have as _rows,
    CRMDataError,
    check_choice,
    check_columns,
    check_fraction,
    check_no_missing,
    check_numeric,
    check_positive_int,
    check_table,
    first_offender,
)

__all__ = [
    "NATURE_TYPES",
    "SEGMENTATION_BASES",
    "classify_by_nature",
    "nature_summary",
    "REVENUE_SOURCES",
    "CONTACT_ROLES",
    "revenue_crosstab",
    "contact_roles",
    "quality_traits",
    "segment_by",
    "behaviour_segments",
    "basis_spread",
    "kmeans_segments",
    "segment_profiles",
    "choose_k",
]


#: The four customer types by nature: name -> (中文, description).
NATURE_TYPES = {
    "retail": ("零售客户", "individuals or households buying final products and services"),
    "business": ("商家", "firms that add our product to their own offering and sell it on"),
    "channel": ("渠道经销商与持牌代理人",
                "distributors and licensed agents, not employed by us, who buy to resell as our local representative"),
    "internal": ("内部客户", "individuals or departments inside the firm"),
}

#: Who provides the revenue of each link of a supply chain (收入来源): position -> payers.
REVENUE_SOURCES = {
    "manufacturer": ("wholesalers", "retailers"),
    "wholesaler": ("retailers", "second-tier wholesalers"),
    "retailer": ("consumers",),
}

#: The role of each contact title of the course data in a purchase: who decides, who buys, who uses.
CONTACT_ROLES = {
    "general manager": "decision maker",
    "deputy general manager": "decision maker",
    "vice president": "decision maker",
    "office director": "decision maker",
    "finance director": "decision maker",
    "IT director": "decision maker",
    "HR director": "decision maker",
    "purchasing manager": "buyer",
    "buyer": "buyer",
    "IT manager": "user / influencer",
    "finance manager": "user / influencer",
    "administration manager": "user / influencer",
    "administration assistant": "user / influencer",
    "private customer": "consumer",
}

#: The four segmentation bases and the course-data columns that carry them.
SEGMENTATION_BASES = {
    "behaviour": ("frequency", "monetary", "recency_days", "behaviour_segment"),
    "demographic": ("age", "gender", "education", "marital_status", "monthly_income_cny", "has_children"),
    "geographic": ("region", "city", "city_tier"),
    "psychographic": ("lifestyle_segment", "values_segment"),
}


# --------------------------------------------------------------------------------------------
# customers by nature
# --------------------------------------------------------------------------------------------
def _flag(data: pd.DataFrame, col: str, *, func: str, param: str) -> np.ndarray:
    check_columns(data, [col], func=func, param=param)
    check_no_missing(data, [col], func=func)
    s = data[col]
    if pd.api.types.is_bool_dtype(s.dtype):
        return s.to_numpy(dtype=bool)
    if pd.api.types.is_numeric_dtype(s.dtype) and s.isin([0, 1]).all():
        return s.to_numpy().astype(bool)
    raise CRMDataError(
        f"{func}: column '{col}' must be true/false, found dtype {s.dtype} "
        f"(first value {_py(s.iloc[0])!r}). Convert it, e.g. data['{col}'] == 'yes'."
    )


def classify_by_nature(
    data: pd.DataFrame,
    *,
    internal: str = "is_internal",
    agent: str = "is_agent",
    adds_to_offering: str = "adds_to_offering",
) -> pd.DataFrame:
    """Classify customers into the four types by nature with three yes/no questions.

    The rules, in order: a unit inside the firm is **internal**; otherwise one that buys to
    resell as our local representative (a distributor or licensed agent) is **channel**;
    otherwise one that adds our product to its own offering and sells it on is **business**;
    everyone else (individuals, households buying for their own use) is **retail**.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    internal, agent, adds_to_offering : str
        True/false columns answering the three questions.

    Returns
    -------
    DataFrame
        A copy of ``data`` with ``nature_type`` (categorical: retail, business, channel,
        internal) and ``nature_type_zh``.

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame.
    CRMDataError
        If a column is missing, has missing values or is not true/false, or the table is empty.

    See Also
    --------
    nature_summary

    References
    ----------
    The four customer types by nature (按客户性质分类) of the course text, Chapter 2.

    Examples
    --------
    Exercise 1 of Chapter 2: a family buying a washing machine, a car maker buying tyres, a
    licensed dealer, the firm's own IT department.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"is_internal": [False, False, False, True],
    ...                    "is_agent": [False, False, True, False],
    ...                    "adds_to_offering": [False, True, False, False]})
    >>> classify_by_nature(df)["nature_type"].tolist()
    ['retail', 'business', 'channel', 'internal']
    """
    func = "classify_by_nature"
    data = check_table(data, func=func)
    is_internal = _flag(data, internal, func=func, param="internal")
    is_agent = _flag(data, agent, func=func, param="agent")
    adds = _flag(data, adds_to_offering, func=func, param="adds_to_offering")
    codes = np.where(is_internal, 3, np.where(is_agent, 2, np.where(adds, 1, 0))).astype(np.int8)
    out = data.copy()
    out["nature_type"] = pd.Categorical.from_codes(codes, categories=list(NATURE_TYPES))
    out["nature_type_zh"] = np.asarray([v[0] for v in NATURE_TYPES.values()], dtype=object)[codes]
    return out


def _value(data: pd.DataFrame, value: str | None, *, func: str) -> np.ndarray | None:
    if value is None:
        return None
    check_columns(data, [value], func=func, param="value")
    check_numeric(data, [value], func=func)
    check_no_missing(data, [value], func=func)
    return data[value].to_numpy(dtype=np.float64)


def _profile(keys: pd.Series | list, data: pd.DataFrame, value: np.ndarray | None) -> pd.DataFrame:
    """Customers, shares and value per group of ``keys`` (groups in key order, missing as a group)."""
    frame = pd.DataFrame({"_n": np.ones(len(data), dtype=np.int64)}, index=data.index)
    if value is not None:
        frame["_v"] = value
    grouped = frame.groupby(keys, observed=True, dropna=False, sort=True)
    counts = grouped["_n"].sum()
    out = pd.DataFrame({"customers": counts, "customer_share": counts / len(data)})
    if value is not None:
        total = value.sum()
        sums = grouped["_v"].sum()
        out["value"] = sums
        out["value_share"] = sums / total if total != 0 else np.nan
        out["avg_value"] = sums / counts
        overall = total / len(data)
        out["value_index"] = out["avg_value"] / overall * 100 if overall != 0 else np.nan
    return out


def nature_summary(
    data: pd.DataFrame,
    *,
    nature: str = "nature_type",
    value: str | None = "monetary",
) -> pd.DataFrame:
    """Customers and value by type of customer (retail, business, channel, internal).

    Parameters
    ----------
    data : DataFrame
        One row per customer with the nature column (e.g. the customer master joined with
        :func:`crmlearn.customers.summarize_customers`).
    nature : str, default "nature_type"
    value : str or None, default "monetary"
        The value to add up per type; None gives counts only.

    Returns
    -------
    DataFrame
        Indexed by type — the four types always, in the order of :data:`NATURE_TYPES`, then any
        other value found — with ``name_zh``, ``customers``, ``customer_share`` and, with a value,
        ``value``, ``value_share``, ``avg_value`` and ``value_index`` (average value of the type
        / average value of all customers x 100).

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame.
    CRMDataError
        If a column is missing, the value is not numeric, a value is missing, or the table is empty.

    See Also
    --------
    classify_by_nature, segment_by

    Notes
    -----
    value_index = 100 * (value of the type / customers of the type) / (total value / customers).

    References
    ----------
    The four customer types by nature (按客户性质分类) of the course text, Chapter 2.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"nature_type": ["retail", "retail", "business", "channel"],
    ...                    "monetary": [100.0, 100.0, 600.0, 200.0]})
    >>> nature_summary(df)[["customers", "value_share", "value_index"]]
                 customers  value_share  value_index
    nature_type
    retail               2          0.2         40.0
    business             1          0.6        240.0
    channel              1          0.2         80.0
    internal             0          0.0          NaN
    """
    func = "nature_summary"
    data = check_table(data, func=func)
    check_columns(data, [nature], func=func, param="nature")
    check_no_missing(data, [nature], func=func)
    v = _value(data, value, func=func)
    prof = _profile(data[nature].astype(str), data, v)
    order = list(NATURE_TYPES) + sorted(set(prof.index) - set(NATURE_TYPES))
    prof = prof.reindex(order)
    prof["customers"] = prof["customers"].fillna(0).astype(np.int64)
    prof["customer_share"] = prof["customer_share"].fillna(0.0)
    if v is not None:
        prof["value"] = prof["value"].fillna(0.0)
        prof["value_share"] = prof["value_share"].fillna(0.0)
    prof.insert(0, "name_zh", [NATURE_TYPES.get(k, ("",))[0] for k in order])
    prof.index.name = nature
    return prof


# --------------------------------------------------------------------------------------------
# customer groups: who pays, who decides
# --------------------------------------------------------------------------------------------
def _lookup(transactions: pd.DataFrame, customers: pd.DataFrame | None, name: str, *, customer: str,
            func: str, param: str) -> pd.Series:
    """Column ``name`` of the transactions, or of the customers looked up by customer id."""
    if name in transactions.columns:
        return transactions[name].reset_index(drop=True)
    if customers is None:
        raise CRMDataError(f"{func}: {param}='{name}' is not a column of transactions. If it is a customer "
                           "property, pass the customer table as the second argument.")
    if name not in customers.columns:
        raise CRMDataError(f"{func}: {param}='{name}' is a column of neither transactions nor customers. "
                           "Check the spelling.")
    check_columns(transactions, [customer], func=func, param="customer")
    ids = pd.Index(customers[customer]) if customer in customers.columns else customers.index
    if ids.hasnans or not ids.is_unique:
        what = "missing ids" if ids.hasnans else f"customer {_py(ids[ids.duplicated()][0])!r} more than once"
        raise CRMDataError(f"{func}: customers has {what}; it must have one row per customer.")
    codes = ids.get_indexer(transactions[customer])
    unknown = codes < 0
    if unknown.any():
        raise CRMDataError(
            f"{func}: {_rows(int(unknown.sum()))} a customer that is not in customers "
            f"(first: {_py(transactions[customer].to_numpy()[unknown][0])!r}). Pass the full customer table, "
            f"or drop those transactions first."
        )
    return customers[name].take(codes).reset_index(drop=True)


def revenue_crosstab(
    transactions: pd.DataFrame,
    customers: pd.DataFrame | None = None,
    *,
    rows: str = "nature_type",
    columns: str | None = "channel",
    customer: str = "customer_id",
    amount: str = "amount",
    normalize: str | None = None,
) -> pd.DataFrame:
    """Revenue by two properties of the transactions or their customers (收入来源).

    The first question for identifying a firm's customer groups is *where does the revenue
    come from?* This adds up the revenue of every transaction by, e.g., the type of customer
    (a customer property, looked up in ``customers``) and the sales channel (a transaction
    property).

    Parameters
    ----------
    transactions : DataFrame
        One row per transaction line.
    customers : DataFrame, optional
        One row per customer, with the customer id as a column (``customer``) or as the index.
        Needed only when ``rows`` or ``columns`` is a customer property.
    rows : str, default "nature_type"
        Column giving the rows of the table: a column of ``transactions`` or, if it is not one,
        of ``customers``.
    columns : str or None, default "channel"
        Column giving the columns of the table, looked up the same way; None gives one column
        (named after ``amount``): the revenue per row group.
    customer : str, default "customer_id"
        The customer id in ``transactions`` (and in ``customers`` if it is a column there).
    amount : str, default "amount"
        The revenue of each line. It is added up as it is: net of returns when returns are booked
        as negative amounts, as in the course data.
    normalize : {None, "all", "index", "columns"}, default None
        None gives amounts; "all" shares of the grand total; "index" shares of each row's total
        (each row adds up to 1); "columns" shares of each column's total.

    Returns
    -------
    DataFrame
        Revenue (or shares) with one row per value of ``rows`` and one column per value of
        ``columns``; the index and columns are named after them. Combinations without a
        transaction are 0. Categories keep their order (observed ones only); other values are
        sorted. A missing value is a group of its own. A total of 0 gives NaN shares.

    Raises
    ------
    TypeError
        If ``transactions`` or ``customers`` is not a DataFrame.
    CRMDataError
        If a column is in neither table, ``amount`` is not numeric or has missing values, a
        customer of the transactions is not in ``customers``, customer ids repeat,
        ``normalize`` is not allowed, or a table is empty.

    See Also
    --------
    nature_summary : customers and value per type, from one row per customer.
    contact_roles : who decides to buy.

    Notes
    -----
    With normalize="index": share(r, c) = revenue(r, c) / sum over c' of revenue(r, c').

    References
    ----------
    Identifying customer groups (识别客户群体), question 1 "where does the revenue come from?",
    of the course text, Chapter 2.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "B", "C"],
    ...                    "channel": ["web", "phone", "web", "web"],
    ...                    "amount": [100.0, 50.0, 300.0, 50.0]})
    >>> cust = pd.DataFrame({"nature_type": ["retail", "business", "retail"]},
    ...                     index=pd.Index(["A", "B", "C"], name="customer_id"))
    >>> revenue_crosstab(tx, cust)
    channel      phone    web
    nature_type
    business       0.0  300.0
    retail        50.0  150.0
    >>> revenue_crosstab(tx, cust, normalize="index")
    channel      phone   web
    nature_type
    business      0.00  1.00
    retail        0.25  0.75
    """
    func = "revenue_crosstab"
    transactions = check_table(transactions, func=func, name="transactions")
    if customers is not None:
        customers = check_table(customers, func=func, name="customers")
    normalize = check_choice(normalize, [None, "all", "index", "columns"], func=func, param="normalize")
    check_columns(transactions, [amount], func=func, param="amount")
    check_numeric(transactions, [amount], func=func)
    check_no_missing(transactions, [amount], func=func)
    if not isinstance(rows, str) or not (columns is None or isinstance(columns, str)):
        raise TypeError(f"{func}: rows and columns must be column names (text), got {rows!r} and {columns!r}.")
    r = _lookup(transactions, customers, rows, customer=customer, func=func, param="rows")
    frame = pd.DataFrame({"_r": r, "_a": transactions[amount].to_numpy(dtype=np.float64)})
    if columns is None:
        out = frame.groupby("_r", observed=True, dropna=False, sort=True)["_a"].sum().to_frame(amount)
    else:
        frame["_c"] = _lookup(transactions, customers, columns, customer=customer, func=func, param="columns")
        sums = frame.groupby(["_r", "_c"], observed=True, dropna=False, sort=True)["_a"].sum()
        out = sums.unstack("_c", fill_value=0.0)
        seen_r, seen_c = pd.unique(frame["_r"]), pd.unique(frame["_c"])
        out = out.loc[out.index.isin(seen_r) | out.index.isna(), out.columns.isin(seen_c) | out.columns.isna()]
        out = out.fillna(0.0)
        out.columns = pd.Index(list(out.columns), name=columns)
    out.index = pd.Index(list(out.index), name=rows)
    if normalize == "all":
        total = float(out.to_numpy().sum())
        out = out / total if total != 0 else out * np.nan
    elif normalize == "index":
        out = out.div(out.sum(axis=1).replace(0, np.nan), axis=0)
    elif normalize == "columns":
        out = out.div(out.sum(axis=0).replace(0, np.nan), axis=1)
    return out


def contact_roles(
    contacts: pd.DataFrame,
    *,
    title: str = "counterpart_title",
    roles: Mapping[str, str] | None = None,
    other: str = "other",
) -> pd.Series:
    """The role in the purchase of each person a contact reached (购买决策者): who decides?

    Sorting job titles into roles is a judgement: by default (:data:`CONTACT_ROLES`) executives
    and directors, including the office director who usually signs off office purchases, are
    **decision makers**; purchasing staff are **buyers**; other staff (IT, finance and
    administration managers and assistants) are **users / influencers**; a private customer is a
    **consumer**, who decides for himself or herself. Titles are matched ignoring case and
    surrounding spaces.

    Parameters
    ----------
    contacts : DataFrame
        One row per contact (the course's ``contacts`` table).
    title : str, default "counterpart_title"
        The job title of the person reached.
    roles : dict title -> role, optional
        Your own sorting; default :data:`CONTACT_ROLES`.
    other : str, default "other"
        The role of a title that ``roles`` does not name.

    Returns
    -------
    Series
        Named ``role``, indexed like ``contacts`` (every contact kept): a categorical with the
        roles in the order they first appear in ``roles``, then ``other``. A missing title
        gives a missing role.

    Raises
    ------
    TypeError
        If ``contacts`` is not a DataFrame, ``roles`` is not a dict of text, or ``other`` is not text.
    CRMDataError
        If the title column is missing, ``roles`` is empty or names one title twice with different
        roles (ignoring case), or the table is empty.

    See Also
    --------
    revenue_crosstab : where the revenue comes from.

    References
    ----------
    Identifying customer groups (识别客户群体), question 2 "who decides to buy?", of the course
    text, Chapter 2.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"counterpart_title": ["General Manager", "buyer", "IT manager",
    ...                                           "intern", None]})
    >>> contact_roles(log).tolist()
    ['decision maker', 'buyer', 'user / influencer', 'other', nan]
    >>> contact_roles(log, roles={"buyer": "buyer", "general manager": "boss"}).cat.categories.tolist()
    ['buyer', 'boss', 'other']
    """
    func = "contact_roles"
    contacts = check_table(contacts, func=func, name="contacts")
    check_columns(contacts, [title], func=func, param="title")
    mapping = CONTACT_ROLES if roles is None else roles
    if not isinstance(mapping, Mapping) or not all(isinstance(k, str) and isinstance(v, str)
                                                    for k, v in mapping.items()):
        raise TypeError(f"{func}: roles must be a dict of title -> role (both text), e.g. "
                        f"{{'purchasing manager': 'buyer'}}; got {mapping!r}.")
    if not isinstance(other, str):
        raise TypeError(f"{func}: other must be text (the role of unknown titles), got {other!r}.")
    if not mapping:
        raise CRMDataError(f"{func}: roles is empty; give at least one title -> role, or leave it out.")
    norm: dict[str, str] = {}
    for k, v in mapping.items():
        key = k.strip().casefold()
        if norm.get(key, v) != v:
            raise CRMDataError(f"{func}: roles gives title {k!r} two roles ({norm[key]!r} and {v!r}) "
                               "when case is ignored; keep one.")
        norm[key] = v
    categories = list(dict.fromkeys(list(norm.values()) + [other]))
    codes, uniques = pd.factorize(contacts[title], use_na_sentinel=True)   # distinct titles only
    found = pd.Series(pd.Index(uniques).astype(str).str.strip().str.casefold()).map(norm).fillna(other)
    lookup = np.append(pd.Index(categories).get_indexer(found.to_numpy()), -1)
    role = pd.Categorical.from_codes(lookup[codes], categories=categories)
    return pd.Series(role, index=contacts.index, name="role")


# --------------------------------------------------------------------------------------------
# quality customers
# --------------------------------------------------------------------------------------------
def _real(value: Any, *, func: str, param: str, strict: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{func}: {param} must be a number, got {type(value).__name__} {value!r}.")
    if not np.isfinite(value) or value < 0 or (strict and value == 0):
        raise CRMDataError(f"{func}: {param} must be {'positive' if strict else 'zero or more'}, got {value!r}.")
    return float(value)


def _numbers(data: pd.DataFrame, col: str) -> np.ndarray:
    return data[col].to_numpy(dtype=np.float64, na_value=np.nan)


def quality_traits(
    data: pd.DataFrame,
    *,
    payments: pd.DataFrame | None = None,
    customer: str = "customer_id",
    first_order: str = "first_order_date",
    n_suppliers: str = "n_suppliers",
    on_time: str = "on_time_share",
    cost_to_serve: str = "cost_to_serve_cny",
    value: str = "monetary",
    price_sensitivity: str = "price_sensitivity",
    as_of: Any = None,
    min_years: int = 3,
    max_suppliers: int = MAX_SUPPLIERS,
    min_on_time: float = 0.8,
    grace_days: int = 7,
    max_cost_share: float = 0.10,
    cost_periods: float = 1.0,
    max_price_sensitivity: float = MAX_PRICE_SENSITIVITY,
) -> pd.DataFrame:
    """Measure the three traits of quality customers (优质客户), one row per customer.

    The sources give three typical traits of quality customers; a customer may fit one, two or
    all three. None of them is a column in a database, so each is measured by a stand-in (a
    proxy). The proxies and their thresholds are this course's choice, not the sources':

    1. **long_term** (reliable and honest, preferring stable long-term relationships): a
       customer for at least ``min_years`` years at ``as_of`` (first order on or before
       ``as_of`` minus ``min_years`` years).
    2. **profitable** (higher potential profit: buys in one place, pays on time, needs simple
       service): uses at most ``max_suppliers`` suppliers, **and** pays at least ``min_on_time``
       of its invoices in full no later than ``grace_days`` after the due date, **and** costs at
       most ``max_cost_share`` of its revenue to serve.
    3. **sees_value** (believes our offer is better value than the competitors'): price
       sensitivity at most ``max_price_sensitivity`` (it does not shop around on price).

    Parameters
    ----------
    data : DataFrame
        One row per customer: the customer master joined with
        :func:`crmlearn.customers.summarize_customers` (for ``monetary``).
    payments : DataFrame, optional
        The invoices and payments, one row per invoice with the course's column names
        (``invoice_date``, ``invoice_amount``, ``due_date``, ``payment_date``,
        ``payment_amount``): the on-time share is measured from them with
        :func:`crmlearn.customers.financial_indicators`. Without them, ``data`` must have the
        ``on_time`` column (e.g. that function's ``on_time_share`` for other column names).
    customer : str, default "customer_id"
        The customer id: a column of ``data`` if there is one, else its index; and the
        customer column of ``payments``.
    first_order : str, default "first_order_date"
        Date of the customer's first order ever (dates or text dates).
    n_suppliers : str, default "n_suppliers"
        How many suppliers the customer buys from.
    on_time : str, default "on_time_share"
        Share of invoices paid on time (0-1); used only when ``payments`` is not given.
    cost_to_serve : str, default "cost_to_serve_cny"
        Cost of serving the customer per period (visits, support, handling).
    value : str, default "monetary"
        Revenue of the customer over ``cost_periods`` periods.
    price_sensitivity : str, default "price_sensitivity"
        Price sensitivity, 0 (indifferent to price) to 1.
    as_of : date-like, optional
        Date of the analysis. Default: the last invoice or payment date in ``payments``;
        required without ``payments``.
    min_years : int, default 3
        Years as a customer that make a long-term customer.
    max_suppliers : int, default 2
        Most suppliers a customer concentrating its purchases uses.
    min_on_time : float, default 0.8
        Least share of invoices paid on time.
    grace_days : int, default 7
        Days after the due date that still count as on time (with ``payments``).
    max_cost_share : float, default 0.10
        Largest cost to serve as a share of revenue, per period.
    cost_periods : float, default 1.0
        How many cost periods ``value`` covers (2 when the revenue spans two years and the
        cost to serve is per year).
    max_price_sensitivity : float, default 0.4 (``MAX_PRICE_SENSITIVITY``, shared with tier_classify)
        Largest price sensitivity of a customer who sees our value.

    Returns
    -------
    DataFrame
        Indexed like ``data`` (every customer kept): ``long_term``, ``profitable``,
        ``sees_value`` (bool) and ``n_traits`` (0-3). A missing input value means the trait is
        not met (it cannot be shown). ``attrs["as_of"]`` and ``attrs["thresholds"]`` record
        the settings.

    Raises
    ------
    TypeError
        If ``data`` or ``payments`` is not a DataFrame, or a threshold has the wrong type.
    CRMDataError
        If a column is missing or not numeric, a date cannot be read, customer ids repeat,
        ``payments`` has no due dates, a threshold is out of range, ``as_of`` is missing
        without ``payments``, or a table is empty.

    See Also
    --------
    crmlearn.customers.financial_indicators : the on-time share (``on_time_share``).
    crmlearn.grading.tier_classify : tiers that use the same supplier and price rules.
    segment_by : profile customers by ``n_traits``.

    Notes
    -----
    profitable = (n_suppliers <= max_suppliers) and (on-time share >= min_on_time) and
    (cost_to_serve x cost_periods <= max_cost_share x value).

    References
    ----------
    The quality-customer traits (优质客户的特征) of the course text, Chapter 2.

    Examples
    --------
    Exercise 3 of Chapter 2 in data: C2 is reliable and pays on time, but not a customer for
    long enough.

    >>> import pandas as pd
    >>> df = pd.DataFrame({
    ...     "first_order_date": pd.to_datetime(["2019-05-01", "2023-03-01", "2020-01-10"]),
    ...     "n_suppliers": [1, 2, 4], "on_time_share": [0.95, 1.0, 0.5],
    ...     "cost_to_serve_cny": [500.0, 300.0, 800.0], "monetary": [20000.0, 9000.0, 5000.0],
    ...     "price_sensitivity": [0.2, 0.3, 0.7],
    ... }, index=pd.Index(["C1", "C2", "C3"], name="customer_id"))
    >>> quality_traits(df, as_of="2024-12-31")[["long_term", "profitable", "sees_value", "n_traits"]]
                 long_term  profitable  sees_value  n_traits
    customer_id
    C1                True        True        True         3
    C2               False        True        True         2
    C3                True       False       False         1
    """
    func = "quality_traits"
    from .customers import _datetime_column, financial_indicators

    data = check_table(data, func=func)
    min_years = check_positive_int(min_years, func=func, param="min_years", minimum=0)
    max_suppliers = check_positive_int(max_suppliers, func=func, param="max_suppliers")
    min_on_time = check_fraction(min_on_time, func=func, param="min_on_time", inclusive=True)
    grace_days = check_positive_int(grace_days, func=func, param="grace_days", minimum=0)
    max_cost_share = _real(max_cost_share, func=func, param="max_cost_share")
    cost_periods = _real(cost_periods, func=func, param="cost_periods", strict=True)
    max_price_sensitivity = check_fraction(max_price_sensitivity, func=func, param="max_price_sensitivity",
                                           inclusive=True)
    check_columns(data, [first_order], func=func, param="first_order")
    check_columns(data, [n_suppliers], func=func, param="n_suppliers")
    check_columns(data, [cost_to_serve], func=func, param="cost_to_serve")
    check_columns(data, [value], func=func, param="value")
    check_columns(data, [price_sensitivity], func=func, param="price_sensitivity")
    check_numeric(data, [n_suppliers, cost_to_serve, value, price_sensitivity], func=func)

    if payments is not None:
        ids = pd.Index(data[customer]) if customer in data.columns else data.index
        if ids.hasnans or not ids.is_unique:
            what = "missing ids" if ids.hasnans else f"customer {_py(ids[ids.duplicated()][0])!r} more than once"
            raise CRMDataError(f"{func}: data has {what}; the traits need one row per customer.")
        if not isinstance(payments, pd.DataFrame):
            raise TypeError(f"{func}: payments must be a DataFrame (the invoices), got {type(payments).__name__}.")
        if "due_date" not in payments.columns:
            raise CRMDataError(f"{func}: payments has no 'due_date' column, so on-time payment cannot be measured. "
                               f"Add the due dates, or pass the share yourself as column '{on_time}' of data.")
        # the day of judgement: as_of, or the last invoice or payment date (as financial_indicators does)
        as_ts = (read_date_param(as_of, func=func, param="as_of") if as_of is not None else
                 max(read_dates(payments, col, func=func, customer=customer).max()
                     for col in ("invoice_date", "payment_date")))
        fin = financial_indicators(payments, customer=customer, grace_days=grace_days, as_of=as_ts,
                                   customers=ids)
        share = fin["on_time_share"].to_numpy(dtype=np.float64)
    else:
        if on_time not in data.columns:
            raise CRMDataError(f"{func}: column '{on_time}' (share of invoices paid on time) not found. Pass "
                               "payments=crmlearn.load_dataset('payments'), or name the column with on_time=.")
        check_numeric(data, [on_time], func=func)
        share = _numbers(data, on_time)
        if as_of is None:
            raise CRMDataError(f"{func}: as_of is needed to tell how long customers have been customers. "
                               "Pass as_of='2024-12-31' (or payments=, whose last date is used).")
        as_ts = read_date_param(as_of, func=func, param="as_of")

    first = _datetime_column(data, first_order, func=func)
    long_term = (first <= as_ts - pd.DateOffset(years=min_years)).to_numpy(dtype=bool)
    profitable = ((_numbers(data, n_suppliers) <= max_suppliers) & (share >= min_on_time)
                  & (_numbers(data, cost_to_serve) * cost_periods <= max_cost_share * _numbers(data, value)))
    sees_value = _numbers(data, price_sensitivity) <= max_price_sensitivity
    out = pd.DataFrame({"long_term": long_term, "profitable": profitable, "sees_value": sees_value},
                       index=data.index)
    out["n_traits"] = (long_term.astype(np.int64) + profitable + sees_value).astype(np.int64)
    out = append_columns(data, out)
    out.attrs["as_of"] = as_ts
    out.attrs["thresholds"] = {"min_years": min_years, "max_suppliers": max_suppliers, "min_on_time": min_on_time,
                               "grace_days": grace_days, "max_cost_share": max_cost_share,
                               "cost_periods": cost_periods, "max_price_sensitivity": max_price_sensitivity}
    return out


# --------------------------------------------------------------------------------------------
# segmentation bases
# --------------------------------------------------------------------------------------------
def _range_labels(bands: pd.IntervalIndex) -> list[str]:
    """Bands as readable ranges, '1,100–5,000': the fewest decimals that move no edge by more
    than 1% of the narrowest band (so qcut's 1099.999 reads 1,100, but 0.15 stays 0.15)."""
    left, right = bands.left.to_numpy(dtype=np.float64), bands.right.to_numpy(dtype=np.float64)
    edges = np.r_[left, right]
    slack = 0.01 * float(np.min(right - left))
    for digits in range(0, 7):
        if np.abs(np.round(edges, digits) - edges).max() <= slack:
            names = [f"{lo:,.{digits}f}–{hi:,.{digits}f}" for lo, hi in zip(left, right)]
            if len(set(names)) == len(names):
                return names
    return [str(b) for b in bands]


def segment_by(
    data: pd.DataFrame,
    *,
    by: str | Sequence[str],
    value: str | None = "monetary",
    bins: int | Sequence[float] | Mapping[str, Any] | None = None,
    labels: str = "interval",
) -> pd.DataFrame:
    """Profile customers by one or more columns: how many, what share, how much value.

    This is the table behind every segmentation base: by behaviour (e.g. ``behaviour_segment``),
    demographics (``age``, ``gender``, ``monthly_income_cny``), geography (``region``,
    ``city_tier``) or psychographics (``lifestyle_segment``) — see :data:`SEGMENTATION_BASES`.
    It works as well for grades (``abc_class``, ``tier``, ``level``, ``segment``).

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    by : str or list of str
        Column(s) to segment by. Missing values form their own group.
    value : str or None, default "monetary"
        The value to add up per segment; None gives counts only.
    bins : int, list of edges, or dict column -> int / edges, optional
        How to cut numeric ``by`` columns into bands: an int makes that many equal-count bands
        (quantiles), a list gives the band edges (e.g. ages ``[0, 25, 35, 50, 120]``). A dict sets
        it per column. Without bins, each distinct value is a segment.
    labels : {"interval", "range"}, default "interval"
        How bands are named: "interval" keeps pandas' intervals (``(25, 35]``: above 25, up to
        35); "range" writes them for reading, with rounded edges and thousands separators
        (``25–35``, ``1,100–5,000``; still above the first edge, up to the second).

    Returns
    -------
    DataFrame
        One row per segment (an Index, or a MultiIndex for several columns) with ``customers``,
        ``customer_share`` and, with a value, ``value``, ``value_share``, ``avg_value`` and
        ``value_index`` (segment average / overall average x 100).

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame or ``bins`` has the wrong type.
    CRMDataError
        If a column is missing, the value is not numeric or has missing values, bins are given for
        a non-numeric column, or the table is empty.

    See Also
    --------
    behaviour_segments, nature_summary, segment_profiles

    Notes
    -----
    customer_share = customers / n; value_share = segment value / total value.

    References
    ----------
    Kotler, P. & Keller, K. L. (2016). *Marketing Management* (15th ed.), ch. 9, bases for
    segmenting consumer markets.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"age": [22, 31, 38, 45, 61], "monetary": [100.0, 200.0, 300.0, 300.0, 100.0]})
    >>> segment_by(df, by="age", bins=[0, 30, 50, 120])[["customers", "value_share"]]
               customers  value_share
    age
    (0, 30]            1          0.1
    (30, 50]           3          0.8
    (50, 120]          1          0.1
    >>> segment_by(df, by="age", bins=2, labels="range")["customers"]
    age
    22–38    3
    38–61    2
    Name: customers, dtype: int64
    """
    func = "segment_by"
    data = check_table(data, func=func)
    labels = check_choice(labels, ["interval", "range"], func=func, param="labels")
    cols = [by] if isinstance(by, str) else list(by)
    if not cols:
        raise CRMDataError(f"{func}: by is empty; name at least one column.")
    check_columns(data, cols, func=func, param="by")
    if bins is not None and not isinstance(bins, Mapping):
        if len(cols) != 1:
            raise TypeError(f"{func}: with several by columns, give bins as a dict column -> bins.")
        bins = {cols[0]: bins}
    bins = dict(bins or {})
    unknown = set(bins) - set(cols)
    if unknown:
        raise CRMDataError(f"{func}: bins names column {sorted(unknown)[0]!r}, which is not in by={cols}.")
    keys = []
    for col in cols:
        s = data[col]
        if col in bins:
            b = bins[col]
            if not pd.api.types.is_numeric_dtype(s.dtype) or pd.api.types.is_bool_dtype(s.dtype):
                raise CRMDataError(f"{func}: bins given for '{col}', which is not numeric (dtype {s.dtype}).")
            if isinstance(b, (int, np.integer)) and not isinstance(b, bool):
                check_positive_int(int(b), func=func, param="bins")
                s = pd.qcut(s, int(b), duplicates="drop")
            elif isinstance(b, Iterable) and not isinstance(b, (str, bytes)):
                s = pd.cut(s, list(b))
                outside = s.isna() & data[col].notna()
                if outside.any():
                    raise CRMDataError(
                        f"{func}: {int(outside.sum())} values of '{col}' fall outside the bins {list(b)} "
                        f"(first: {first_offender(data, outside)}, value {_py(data[col][outside].iloc[0])!r}). Widen the edges."
                    )
            else:
                raise TypeError(f"{func}: bins for '{col}' must be a number of bands or a list of edges, got {b!r}.")
            if labels == "range":
                s = s.cat.rename_categories(_range_labels(s.cat.categories))
        keys.append(s.rename(col))
    v = _value(data, value, func=func)
    return _profile(keys if len(keys) > 1 else keys[0], data, v)


@renamed_kwargs(frequent="min_frequent")
def behaviour_segments(
    data: pd.DataFrame,
    *,
    frequency: str = "frequency",
    min_frequent: int = 5,
) -> pd.DataFrame:
    """Label buyers by purchase behaviour: one-time, repeat or frequent (基于购买行为).

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    frequency : str, default "frequency"
        Number of purchases.
    min_frequent : int, default 5
        Purchases from which a buyer counts as frequent.

    Returns
    -------
    DataFrame
        A copy of ``data`` with ``behaviour_segment`` (ordered categorical): ``none`` (0 purchases),
        ``one-time`` (1), ``repeat`` (2 to ``min_frequent`` - 1), ``frequent`` (>= ``min_frequent``).

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame or ``min_frequent`` is not a whole number.
    CRMDataError
        If the column is missing, not numeric, negative or has missing values; if ``min_frequent`` < 2;
        or the table is empty.

    See Also
    --------
    segment_by

    References
    ----------
    Purchase-behaviour segmentation (基于购买行为) in the course text, Chapter 2.

    Examples
    --------
    Exercise 4 of Chapter 2: twelve customers, frequent = 5 or more purchases.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"frequency": [1, 1, 2, 5, 9, 1, 3, 12, 1, 6, 2, 8]})
    >>> behaviour_segments(df)["behaviour_segment"].value_counts(sort=False)
    behaviour_segment
    none        0
    one-time    4
    repeat      3
    frequent    5
    Name: count, dtype: int64
    """
    func = "behaviour_segments"
    data = check_table(data, func=func)
    min_frequent = check_positive_int(min_frequent, func=func, param="min_frequent", minimum=2)
    check_columns(data, [frequency], func=func, param="frequency")
    check_numeric(data, [frequency], func=func)
    check_no_missing(data, [frequency], func=func)
    f = data[frequency].to_numpy(dtype=np.float64)
    neg = f < 0
    if neg.any():
        raise CRMDataError(
            f"{func}: {_rows(int(neg.sum()))} a negative '{frequency}' (first: {first_offender(data, neg)}). "
            "A number of purchases cannot be negative."
        )
    codes = np.select([f < 1, f < 2, f < min_frequent], [0, 1, 2], 3).astype(np.int8)
    out = data.copy()
    out["behaviour_segment"] = pd.Categorical.from_codes(
        codes, categories=["none", "one-time", "repeat", "frequent"], ordered=True
    )
    return out


def basis_spread(
    data: pd.DataFrame,
    bases: str | Sequence[str],
    *,
    value: str = "monetary",
    bins: Mapping[str, Any] | None = None,
    labels: str = "interval",
) -> pd.DataFrame:
    """How much average customer value differs between the groups of each segmentation basis.

    A basis is worth segmenting by when its groups differ in what the customers are worth: the
    Dell case segments accounts by size rather than by industry because size separates value.
    For each basis (a column such as ``size`` or ``industry``) this profiles the customers with
    :func:`segment_by` and reports the lowest and highest group average, their ratio, and the
    share of the variance of the value that lies *between* the groups.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    bases : str or list of str
        The columns to compare, one basis each. Missing values form a group of their own.
    value : str, default "monetary"
        The customer value (e.g. net revenue).
    bins : dict column -> int or list of edges, optional
        Bands for numeric bases, as in :func:`segment_by` (e.g. ``{"age": [0, 30, 50, 120]}``).
    labels : {"interval", "range"}, default "interval"
        How bands are named, as in :func:`segment_by`.

    Returns
    -------
    DataFrame
        Indexed by ``basis``, in the order given: ``groups`` (number of groups), ``lowest`` and
        ``highest`` (the groups with the lowest and highest average value), ``lowest_avg`` and
        ``highest_avg`` (their average value per customer), ``ratio`` (highest_avg / lowest_avg;
        NaN when the lowest average is 0 or below) and ``between_share`` (0-1, the share of the
        variance of ``value`` explained by the groups; NaN when every customer has the same value).

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame or ``bases`` is not a column name or a list of them.
    CRMDataError
        If a basis or the value column is missing, the value is not numeric or has missing
        values, ``bases`` is empty or names a column twice, or the table is empty.

    See Also
    --------
    segment_by : the profile of one basis.

    Notes
    -----
    between_share = sum_g n_g (mean_g - mean)^2 / sum_i (x_i - mean)^2, the correlation ratio
    eta squared of a one-way analysis of variance: 0 when every group has the same average,
    1 when the customers within each group are all alike.

    References
    ----------
    Fisher, R. A. (1925). *Statistical Methods for Research Workers*, ch. 7 (the correlation ratio).
    Dell's segmentation by size rather than industry, in the course text, Chapters 2 and 6.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"size": ["small", "small", "large", "large"],
    ...                    "industry": ["IT", "retail", "IT", "retail"],
    ...                    "monetary": [10.0, 30.0, 90.0, 110.0]})
    >>> basis_spread(df, ["size", "industry"])[["lowest", "highest", "ratio", "between_share"]].round(3)
             lowest highest  ratio  between_share
    basis
    size      small   large    5.0          0.941
    industry     IT  retail    1.4          0.059

    Size: averages 20 and 100 around a mean of 60, so 2 x 40^2 + 2 x 40^2 = 6,400 of the total
    50^2 + 30^2 + 30^2 + 50^2 = 6,800 lies between the groups (0.941).
    """
    func = "basis_spread"
    data = check_table(data, func=func)
    if isinstance(bases, str):
        bases = [bases]
    elif isinstance(bases, Iterable) and not isinstance(bases, (bytes, Mapping)):
        bases = list(bases)
    else:
        raise TypeError(f"{func}: bases must be a column name or a list of them, got {bases!r}.")
    if not bases:
        raise CRMDataError(f"{func}: bases is empty; name at least one column, e.g. ['size', 'industry'].")
    if not all(isinstance(b, str) for b in bases):
        raise TypeError(f"{func}: bases must be column names (text), got {bases!r}.")
    if len(set(bases)) < len(bases):
        raise CRMDataError(f"{func}: bases names a column twice ({bases}); name each basis once.")
    if bins is not None and not isinstance(bins, Mapping):
        raise TypeError(f"{func}: bins must be a dict column -> bins, e.g. {{'age': [0, 30, 50, 120]}}.")
    check_columns(data, bases, func=func, param="bases")
    unknown = set(bins or {}) - set(bases)
    if unknown:
        raise CRMDataError(f"{func}: bins names column {sorted(unknown)[0]!r}, which is not in bases={bases}.")
    x = _value(data, value, func=func)
    mean = x.mean()
    total_ss = float(((x - mean) ** 2).sum())
    rows = []
    for basis in bases:                     # a few bases: each is one vectorised group-by
        prof = segment_by(data, by=basis, value=value,
                          bins=None if not bins or basis not in bins else bins[basis], labels=labels)
        avg = prof["avg_value"]
        between = float((prof["customers"] * (avg - mean) ** 2).sum())
        low, high = avg.idxmin(), avg.idxmax()
        with np.errstate(over="ignore"):       # a near-zero lowest average gives an infinite ratio
            ratio = float(avg[high] / avg[low]) if avg[low] > 0 else math.nan
        rows.append({
            "basis": basis, "groups": len(prof),
            "lowest": _py(low), "lowest_avg": float(avg[low]),
            "highest": _py(high), "highest_avg": float(avg[high]),
            "ratio": ratio,
            "between_share": between / total_ss if total_ss > 0 else math.nan,
        })
    out = pd.DataFrame(rows).set_index("basis")
    out["groups"] = out["groups"].astype(np.int64)
    return out


# --------------------------------------------------------------------------------------------
# k-means
# --------------------------------------------------------------------------------------------
def _feature_matrix(data: pd.DataFrame, features: Any, *, func: str, scale: bool, log: bool) -> np.ndarray:
    if isinstance(features, str):
        features = [features]
    if not isinstance(features, Iterable):
        raise TypeError(f"{func}: features must be a list of column names, got {type(features).__name__}.")
    features = list(features)
    if not features:
        raise CRMDataError(f"{func}: features is empty; name at least one numeric column.")
    check_columns(data, features, func=func, param="features")
    check_numeric(data, features, func=func)
    check_no_missing(data, features, func=func)
    X = data[features].to_numpy(dtype=np.float64)
    bad = ~np.isfinite(X).all(axis=1)
    if bad.any():
        raise CRMDataError(f"{func}: {_rows(int(bad.sum()))} infinite feature values "
                           f"(first: {first_offender(data, bad)}). Replace them first.")
    if log:
        neg = (X < 0).any(axis=1)
        if neg.any():
            raise CRMDataError(
                f"{func}: log=True needs features >= 0, but {_rows(int(neg.sum()))} a negative value "
                f"(first: {first_offender(data, neg)}). Pass log=False or clip the values."
            )
        X = np.log1p(X)
    if scale:
        sd = X.std(axis=0)
        sd[sd == 0] = 1.0
        X = (X - X.mean(axis=0)) / sd
    return X


def _check_k(k: Any, n: int, *, func: str, param: str = "k") -> int:
    k = check_positive_int(k, func=func, param=param, minimum=1)
    if k > n:
        raise CRMDataError(f"{func}: {param}={k} is more than the {n} customers; pass {param} <= {n}.")
    return k


def kmeans_segments(
    data: pd.DataFrame,
    *,
    features: Sequence[str],
    k: int,
    scale: bool = True,
    log: bool = False,
    random_state: int = 0,
    n_init: int = 4,
) -> pd.DataFrame:
    """Segment customers with k-means clustering on numeric features (scikit-learn).

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    features : list of str
        Numeric columns to cluster on, e.g. ``["recency_days", "frequency", "monetary"]``.
    k : int
        Number of segments (1 to the number of customers).
    scale : bool, default True
        Standardise each feature (mean 0, standard deviation 1) first, so a feature in CNY does
        not outweigh one counted in days.
    log : bool, default False
        Take log(1 + x) of each feature first (before scaling): money amounts and counts are
        skewed, and k-means on raw values puts the few big customers alone in segments.
    random_state : int, default 0
        Seed, so the segments are the same on every run.
    n_init : int, default 4
        Number of k-means starts (the best is kept).

    Returns
    -------
    DataFrame
        A copy of ``data`` with ``segment`` (int 0..k-1), numbered by the mean of the first
        feature, largest first. ``result.attrs["centers"]`` holds the feature means per segment
        and ``result.attrs["inertia"]`` the within-cluster sum of squares.

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame or ``features``/``k`` have the wrong type.
    CRMDataError
        If a feature is missing, not numeric, has missing or infinite values (or negative ones
        with ``log=True``), k is larger than the number of customers, or the table is empty.

    See Also
    --------
    segment_profiles, choose_k, crmlearn.plots.segment_profile_plot

    Notes
    -----
    k-means minimises the within-segment sum of squared distances to the segment means. It is
    linear in the number of customers per iteration (a million customers on three features take
    about 3 s). The fit runs on one thread: scikit-learn's thread pool only slows fits of this
    size down on a busy machine.

    References
    ----------
    Lloyd, S. P. (1982). Least squares quantization in PCM. *IEEE Transactions on Information
    Theory*, 28(2), 129-137. Arthur, D. & Vassilvitskii, S. (2007). k-means++: the advantages of
    careful seeding. *SODA*, 1027-1035.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"frequency": [1, 2, 1, 20, 22, 25], "monetary": [50, 80, 60, 900, 1000, 1200]})
    >>> kmeans_segments(df, features=["frequency", "monetary"], k=2)["segment"].tolist()
    [1, 1, 1, 0, 0, 0]
    """
    func = "kmeans_segments"
    from sklearn.cluster import KMeans

    data = check_table(data, func=func)
    X = _feature_matrix(data, features, func=func, scale=scale, log=log)
    k = _check_k(k, len(X), func=func)
    n_init = check_positive_int(n_init, func=func, param="n_init")
    features = [features] if isinstance(features, str) else list(features)
    model = KMeans(n_clusters=k, random_state=random_state, n_init=n_init)
    with single_thread(), np.errstate(all="ignore"):   # one thread: see crmlearn._threads
        labels = model.fit_predict(X)
    raw = data[features].to_numpy(dtype=np.float64)
    counts = np.bincount(labels, minlength=k)
    first_mean = np.bincount(labels, weights=raw[:, 0], minlength=k) / np.maximum(counts, 1)
    order = np.argsort(-first_mean, kind="stable")
    relabel = np.empty(k, dtype=np.int64)
    relabel[order] = np.arange(k)
    seg = relabel[labels]
    out = data.copy()
    out["segment"] = seg
    centers = pd.DataFrame(
        {f: np.bincount(seg, weights=raw[:, j], minlength=k) / np.maximum(np.bincount(seg, minlength=k), 1)
         for j, f in enumerate(features)},
        index=pd.RangeIndex(k, name="segment"),
    )
    out.attrs["centers"] = centers
    out.attrs["inertia"] = float(model.inertia_)
    return out


def segment_profiles(
    data: pd.DataFrame,
    *,
    segment: str = "segment",
    features: Sequence[str] | None = None,
    value: str | None = None,
) -> pd.DataFrame:
    """Profile each segment: size, share and the mean of each feature.

    Parameters
    ----------
    data : DataFrame
        One row per customer with a segment column (e.g. from :func:`kmeans_segments`).
    segment : str, default "segment"
    features : list of str, optional
        Numeric columns to average; default every numeric column except ``segment``.
    value : str, optional
        A value column to add up per segment (``value`` and ``value_share`` columns).

    Returns
    -------
    DataFrame
        Indexed by segment: ``customers``, ``customer_share``, [``value``, ``value_share``],
        then the mean of each feature (named after the feature).

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame.
    CRMDataError
        If a column is missing, a feature is not numeric, a value is missing, or the table is empty.

    See Also
    --------
    kmeans_segments, segment_by

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"segment": [0, 0, 1], "monetary": [100.0, 300.0, 50.0]})
    >>> segment_profiles(df)
             customers  customer_share  monetary
    segment
    0                2        0.666667     200.0
    1                1        0.333333      50.0
    """
    func = "segment_profiles"
    data = check_table(data, func=func)
    check_columns(data, [segment], func=func, param="segment")
    check_no_missing(data, [segment], func=func)
    if features is None:
        features = [c for c in data.columns if c != segment and pd.api.types.is_numeric_dtype(data[c].dtype)
                    and not pd.api.types.is_bool_dtype(data[c].dtype)]
    else:
        features = [features] if isinstance(features, str) else list(features)
        check_columns(data, features, func=func, param="features")
        check_numeric(data, features, func=func)
    v = _value(data, value, func=func)
    prof = _profile(data[segment], data, v)
    keep = ["customers", "customer_share"] + (["value", "value_share"] if v is not None else [])
    prof = prof[keep]
    if features:
        means = data[features].groupby(data[segment], observed=True, sort=True).mean()
        means.columns = [f"{c}_mean" if c in prof.columns else c for c in means.columns]
        prof = prof.join(means)
    prof.index.name = segment
    return prof


def choose_k(
    data: pd.DataFrame,
    *,
    features: Sequence[str],
    k_range: Iterable[int] = range(2, 9),
    scale: bool = True,
    log: bool = False,
    random_state: int = 0,
    n_init: int = 4,
    sample_size: int = 10_000,
) -> pd.DataFrame:
    """Help choose the number of k-means segments: inertia (elbow) and silhouette for each k.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    features, scale, log, random_state, n_init :
        As in :func:`kmeans_segments`.
    k_range : iterable of int, default range(2, 9)
        The numbers of segments to try (each at least 2 and below the number of customers).
    sample_size : int, default 10000
        The silhouette compares every pair of customers, so its cost grows with the square of
        their number; it is computed on a random sample of this many customers (all of them when
        there are fewer). Inertia uses every customer.

    Returns
    -------
    DataFrame
        Indexed by ``k``: ``inertia`` (within-segment sum of squares; look for the "elbow" where it
        stops falling fast) and ``silhouette`` (-1..1, higher = better separated). The k with the
        highest silhouette is in ``result.attrs["best_k"]``.

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame or ``k_range`` does not hold whole numbers.
    CRMDataError
        As :func:`kmeans_segments`, and if a k is below 2 or not below the number of customers.

    See Also
    --------
    kmeans_segments, crmlearn.plots.elbow_plot

    Notes
    -----
    silhouette(i) = (b_i - a_i) / max(a_i, b_i), with a_i the mean distance to the customer's own
    segment and b_i to the nearest other segment, averaged over customers. The fits run on one
    thread, as in :func:`kmeans_segments`.

    References
    ----------
    Rousseeuw, P. J. (1987). Silhouettes: a graphical aid to the interpretation and validation
    of cluster analysis. *Journal of Computational and Applied Mathematics*, 20, 53-65.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"x": [1.0, 1.1, 0.9, 5.0, 5.1, 4.9, 9.0, 9.1, 8.9]})
    >>> choose_k(df, features=["x"], k_range=[2, 3, 4]).attrs["best_k"]
    3
    """
    func = "choose_k"
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    data = check_table(data, func=func)
    X = _feature_matrix(data, features, func=func, scale=scale, log=log)
    n = len(X)
    if isinstance(k_range, (str, bytes)) or not isinstance(k_range, Iterable):
        raise TypeError(f"{func}: k_range must be a range or list of whole numbers, got {k_range!r}.")
    ks = [check_positive_int(k, func=func, param="k_range", minimum=2) for k in k_range]
    if not ks:
        raise CRMDataError(f"{func}: k_range is empty; give e.g. range(2, 9).")
    too_big = [k for k in ks if k >= n]
    if too_big:
        raise CRMDataError(f"{func}: k={too_big[0]} needs more than {n} customers (the silhouette needs k < n). "
                           f"Use k_range=range(2, {n}).")
    sample_size = check_positive_int(sample_size, func=func, param="sample_size", minimum=2)
    rng = np.random.default_rng(random_state)
    sample = rng.choice(n, size=sample_size, replace=False) if n > sample_size else np.arange(n)
    rows = []
    with single_thread():                 # threads only slow small fits down on a busy machine
        for k in ks:
            model = KMeans(n_clusters=k, random_state=random_state, n_init=n_init)
            with np.errstate(all="ignore"):
                labels = model.fit_predict(X)
            lab = labels[sample]
            sil = float(silhouette_score(X[sample], lab)) if len(np.unique(lab)) > 1 else math.nan
            rows.append((k, float(model.inertia_), sil))
    out = pd.DataFrame(rows, columns=["k", "inertia", "silhouette"]).set_index("k")
    best = out["silhouette"].idxmax() if out["silhouette"].notna().any() else None
    out.attrs["best_k"] = int(best) if best is not None else None
    return out
