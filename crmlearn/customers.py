"""Knowing customers: from transactions to one row per customer (认识客户).

The course grades and segments *customers*, but a company records *transactions*,
payments and contacts. This module turns each of those tables into one row per
customer, indexed by customer id, so the results join on the index:

- :func:`summarize_customers` — recency, frequency, monetary value, tenure, margin and returns
  (the input of RFM, ABC, the pyramid and most of Chapter 4);
- the four families of grading indicators of the textbook (客户分级指标):
  :func:`transaction_indicators` (交易类), :func:`financial_indicators` (财务类),
  :func:`contact_indicators` (联络类) and :func:`characteristic_indicators` (特征类);
- :func:`sales_by_year` — net sales of each customer in each calendar year.

Every function is vectorised (one pass of ``numpy.bincount`` / ``ufunc.at`` over integer
customer codes), so ten million transactions take seconds.

How returns count (the same everywhere in this module)
-----------------------------------------------------
A *return* is a row whose ``is_return`` column is true; a table without that column has no
flag, so a row with a negative amount counts as a return. On a flagged row the amount (and the
cost) is taken as a negative number whatever sign it was recorded with, so both bookkeeping
conventions give the same figures.

- ``frequency`` / ``n_transactions`` counts purchase orders: distinct order ids among the
  purchase rows when the table has an order column (``order_id``; order lines of one order
  count once), else purchase rows. Returns are not orders.
- ``monetary`` / ``amount`` is **net**: purchases minus returns.
- ``first_purchase``, ``last_purchase``, recency and tenure look at purchases only: sending
  goods back is not buying.
- A row whose ``tender_result`` column says ``lost`` is a bid that never became a sale: it is
  neither a purchase nor a return (it counts in no frequency, date or order total).
- ``n_returns`` (distinct orders with a return line, or return rows without an order column)
  and ``return_amount`` (a positive number) report the returns.
"""
from __future__ import annotations

import warnings
from typing import Any, Iterable

import numpy as np
import pandas as pd

from ._validation import (
    plain_value as _py,
    rows_have as _rows,
    CRMDataError,
    check_columns,
    check_no_missing,
    check_numeric,
    check_table,
    first_offender,
)

__all__ = [
    "summarize_customers",
    "transaction_indicators",
    "sales_by_year",
    "financial_indicators",
    "contact_indicators",
    "characteristic_indicators",
    "ORGANISATION_CHARACTERISTICS",
    "INDIVIDUAL_CHARACTERISTICS",
]


#: The textbook's characteristic indicators of an organisation (企业规模, 注册资金, 区域, 行业, 年销售额, 是否上市).
ORGANISATION_CHARACTERISTICS = ("size", "registered_capital_cny", "region", "industry", "annual_sales_cny", "is_listed")
#: The textbook's characteristic indicators of an individual (年龄, 学历, 婚姻状况, 月收入, 喜好颜色, 是否有车, 有无子女).
INDIVIDUAL_CHARACTERISTICS = (
    "age", "education", "marital_status", "monthly_income_cny", "favourite_colour", "has_car", "has_children",
)

from ._core.purchases import DEFAULT as _DEFAULT, bool_column as _bool_column, customer_keys, optional_column as _optional_column, purchase_rule  # noqa: E402
from ._core.dates import read_date_param, read_dates  # noqa: E402
from ._core.duck import is_source as _is_source  # noqa: E402  (light: duckdb loads on first use)


# --------------------------------------------------------------------------------------------
# shared machinery
# --------------------------------------------------------------------------------------------
def _group_codes(keys: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes 0..n-1 for the customer keys, in ascending key order, and the sorted keys.

    Whole-number ids in a compact range take a counting fast path (no hashing).
    """
    values = keys.to_numpy() if pd.api.types.is_integer_dtype(keys.dtype) else None
    if values is not None and values.dtype.kind in "iu" and len(values):
        lo, hi = int(values.min()), int(values.max())
        span = hi - lo + 1
        if span <= max(4 * len(values), 1024):
            shifted = (values - lo).astype(np.intp, copy=False)
            present = np.bincount(shifted, minlength=span) > 0
            remap = np.cumsum(present) - 1
            codes = remap[shifted]
            uniques = (np.flatnonzero(present) + lo).astype(values.dtype)
            return codes, pd.Index(uniques, name=keys.name)
    # hash once without sorting (fast on Arrow strings), then sort only the few distinct ids
    codes, uniques = pd.factorize(keys, sort=False)
    uniques = pd.Index(uniques, name=keys.name)
    try:
        order = uniques.argsort(kind="stable")
    except TypeError:   # ids that cannot be compared keep first-seen order
        return codes.astype(np.intp, copy=False), uniques
    rank = np.empty(len(order), dtype=np.intp)
    rank[order] = np.arange(len(order), dtype=np.intp)
    return rank[codes], uniques.take(order)


def _datetime_column(data: pd.DataFrame, col: str, *, func: str, customer: str | None = None) -> pd.Series:
    """The column as naive (UTC) datetime64 through the one date reader."""
    return read_dates(data, col, func=func, customer=customer)


def _as_i8(dates: pd.Series) -> tuple[np.ndarray, np.dtype]:
    arr = dates.to_numpy()
    return arr.view("i8"), arr.dtype


def _timestamp_i8(value: Any, dtype: np.dtype, *, func: str, param: str = "as_of") -> int:
    ts = read_date_param(value, func=func, param=param)
    return int(np.datetime64(ts.to_datetime64()).astype(dtype).view("i8"))


def _day_units(dtype: np.dtype) -> int:
    return int(np.timedelta64(1, "D") / np.timedelta64(1, np.datetime_data(dtype)[0]))


def _to_dates(i8: np.ndarray, valid: np.ndarray, dtype: np.dtype) -> np.ndarray:
    out = i8.view(dtype).copy()
    out[~valid] = np.datetime64("NaT")
    return out


def _whole_days(delta_i8: np.ndarray, valid: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """Whole days (floor) as int64, or float64 with NaN where ``valid`` is false."""
    days = delta_i8 // _day_units(dtype)
    if valid.all():
        return days
    out = days.astype(np.float64)
    out[~valid] = np.nan
    return out


def _customer_ids(customers: Any, customer: str, *, func: str) -> pd.Index:
    """The ids of the ``customers`` argument: an Index, a list-like, or a table (its column or index)."""
    if isinstance(customers, pd.DataFrame):
        ids = pd.Index(customers[customer]) if customer in customers.columns else customers.index
    elif isinstance(customers, (pd.Index, pd.Series, np.ndarray, list, tuple)):
        ids = pd.Index(customers)
    else:
        raise TypeError(
            f"{func}: customers must be a table, an Index or a list of customer ids, got {type(customers).__name__}."
        )
    if ids.hasnans:
        raise CRMDataError(f"{func}: customers has missing ids. Drop them first.")
    if not ids.is_unique:
        dup = ids[ids.duplicated()][0]
        raise CRMDataError(f"{func}: customers lists customer {_py(dup)!r} more than once. Pass each id once.")
    return ids.rename(customer)


def _align(out: pd.DataFrame, customers: Any, customer: str, *, func: str, zero: Iterable[str]) -> pd.DataFrame:
    """Reindex ``out`` to the ``customers`` ids: counts and sums become 0, the rest NaN/NaT."""
    if customers is None:
        return out
    ids = _customer_ids(customers, customer, func=func)
    if len(out.index) and ids.dtype != out.index.dtype:
        try:
            ids = ids.astype(out.index.dtype)
        except (TypeError, ValueError):
            pass
    extra = out.index.difference(ids)
    if len(extra):
        warnings.warn(
            f"{func}: customers in the table but not in `customers`: {len(extra):,} (first: {_py(extra[0])!r}); "
            "they are left out of the result.",
            UserWarning,
            stacklevel=3,
        )
    res = out.reindex(ids)
    for col in zero:
        if col in res.columns:
            filled = res[col].fillna(0)
            if pd.api.types.is_integer_dtype(out[col].dtype):
                filled = filled.astype(out[col].dtype)
            res[col] = filled
    res.index.name = customer
    return res


class _Tx:
    """A validated transactions table as numpy arrays over integer customer codes."""

    def __init__(self, transactions, *, func, customer, date, amount, cost, is_return, order, as_of,
                 tender=_DEFAULT, product_line=None):
        tx = check_table(transactions, func=func, name="transactions")
        check_columns(tx, [customer], func=func, param="customer")
        check_columns(tx, [date], func=func, param="date")
        check_columns(tx, [amount], func=func, param="amount")
        cost = _optional_column(tx, cost, "cost", func=func, param="cost")
        is_return = _optional_column(tx, is_return, "is_return", func=func, param="is_return")
        order = _optional_column(tx, order, "order_id", func=func, param="order")
        tender = _optional_column(tx, tender, "tender_result", func=func, param="tender")
        product_line = _optional_column(tx, product_line, "product_line", func=func, param="product_line")
        numeric = [amount] + ([cost] if cost else [])
        check_numeric(tx, numeric, func=func, customer=customer)
        check_no_missing(tx, [customer, date, *numeric] + ([order] if order else [])
                         + ([product_line] if product_line else []), func=func, customer=customer)

        dates = _datetime_column(tx, date, func=func, customer=customer)
        d8, self.dtype = _as_i8(dates)
        self.as_of = int(d8.max()) if as_of is None else _timestamp_i8(as_of, self.dtype, func=func)
        rule = purchase_rule(tx, func=func, is_return=is_return, tender=tender, amount=amount, customer=customer)
        amt, ret, lost = rule.amount, rule.ret, rule.lost
        cst = tx[cost].to_numpy(dtype=np.float64) if cost else None
        if cst is not None and rule.flagged and ret.any():   # a flagged return's cost goes back too
            cst = np.where(ret, -np.abs(cst), cst)
        if cst is not None and lost is not None and lost.any():
            cst = np.where(lost, 0.0, cst)
        is_return = rule.flagged

        keys = customer_keys(tx, customer, func=func)
        orders = tx[order] if order else None
        lines = tx[product_line] if product_line else None
        after = d8 > self.as_of
        self.n_excluded = int(after.sum())
        self.n_excluded_customers = 0
        if self.n_excluded:
            keep = ~after
            if not keep.any():
                raise CRMDataError(
                    f"{func}: every transaction is after as_of={pd.Timestamp(self.as_of_value)}; nothing to summarise. "
                    "Pass a later as_of."
                )
            before = pd.Index(keys[keep].unique())
            self.n_excluded_customers = int((~pd.Index(keys[after].unique()).isin(before)).sum())
            keys, d8, amt, ret = keys[keep], d8[keep], amt[keep], ret[keep]
            lost = lost[keep] if lost is not None else None
            cst = cst[keep] if cst is not None else None
            orders = orders[keep] if orders is not None else None
            lines = lines[keep] if lines is not None else None

        self.codes, self.index = _group_codes(keys)
        self.index.name = customer
        self.n = len(self.index)
        self.dates, self.amount, self.cost, self.ret, self.orders = d8, amt, cst, ret, orders
        self.lines = lines
        self.has_returns = bool(ret.any())
        self.buy = ~ret if lost is None else ~ret & ~lost
        self.all_buy = bool(self.buy.all())
        self.has_cost = cst is not None
        self.has_return_flag = bool(is_return)

    @property
    def as_of_value(self):
        return np.int64(self.as_of).view(self.dtype)

    # ---- per-customer aggregates -------------------------------------------------------------
    def purchase_codes(self) -> np.ndarray:
        return self.codes if self.all_buy else self.codes[self.buy]

    def _order_groups(self, mask: np.ndarray):
        """Codes of the distinct (customer, order) pairs among rows in ``mask``, and each pair's customer."""
        ocodes, uniq = pd.factorize(self.orders.to_numpy()[mask])
        key = self.codes[mask].astype(np.int64) * max(len(uniq), 1) + ocodes
        group, keys = pd.factorize(key)
        return group, (np.asarray(keys) // max(len(uniq), 1)).astype(np.intp)

    def count(self, returns: bool = False) -> np.ndarray:
        """Purchase orders (or return orders) per customer."""
        mask = self.ret if returns else self.buy
        if self.orders is not None:
            if not mask.any():
                return np.zeros(self.n, dtype=np.int64)
            _, owner = self._order_groups(mask)
            return np.bincount(owner, minlength=self.n)
        if returns:
            return np.bincount(self.codes[mask], minlength=self.n)
        return np.bincount(self.purchase_codes(), minlength=self.n)

    def largest_purchase(self):
        """The largest single purchase per customer (order total with an order column), and who bought."""
        buy = None if self.all_buy else self.buy
        if self.orders is None:
            return self.extreme(self.amount, "max", buy)
        mask = self.buy
        group, owner = self._order_groups(mask)
        totals = np.bincount(group, weights=self.amount[mask])
        out = np.full(self.n, -np.inf)
        np.maximum.at(out, owner, totals)
        return out, np.bincount(owner, minlength=self.n) > 0

    def distinct_lines(self) -> np.ndarray:
        """Number of distinct product lines among each customer's purchase rows."""
        mask = self.buy
        if not mask.any():
            return np.zeros(self.n, dtype=np.int64)
        lcodes, uniq = pd.factorize(self.lines.to_numpy()[mask])
        key = self.codes[mask].astype(np.int64) * max(len(uniq), 1) + lcodes
        pairs = np.unique(key)
        return np.bincount((pairs // max(len(uniq), 1)).astype(np.intp), minlength=self.n)

    def total(self, weights: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        if mask is None:
            return np.bincount(self.codes, weights=weights, minlength=self.n)
        return np.bincount(self.codes[mask], weights=weights[mask], minlength=self.n)

    def extreme(self, values: np.ndarray, kind: str, mask: np.ndarray | None = None):
        """Per-customer min or max of ``values`` over rows in ``mask``; also which customers had a row."""
        if mask is not None:
            codes, values = self.codes[mask], values[mask]
        else:
            codes = self.codes
        if values.dtype.kind == "f":
            fill = np.inf if kind == "min" else -np.inf
        else:
            info = np.iinfo(values.dtype)
            fill = info.max if kind == "min" else info.min
        out = np.full(self.n, fill, dtype=values.dtype)
        (np.minimum if kind == "min" else np.maximum).at(out, codes, values)
        seen = np.bincount(codes, minlength=self.n) > 0
        return out, seen

    def purchase_dates(self):
        mask = None if self.all_buy else self.buy
        first, seen = self.extreme(self.dates, "min", mask)
        last, _ = self.extreme(self.dates, "max", mask)
        return first, last, seen

    def returns(self):
        if not self.has_returns:
            return np.zeros(self.n, dtype=np.int64), np.zeros(self.n)
        n_ret = self.count(returns=True)
        amt = np.bincount(self.codes[self.ret], weights=-self.amount[self.ret], minlength=self.n)
        return n_ret, amt

    def finish(self, out: pd.DataFrame) -> pd.DataFrame:
        out.attrs["as_of"] = pd.Timestamp(self.as_of_value)
        out.attrs["excluded_rows"] = self.n_excluded
        out.attrs["excluded_customers"] = self.n_excluded_customers
        return out


def _safe_ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    out = np.full(num.shape, np.nan)
    np.divide(num, den, out=out, where=den != 0)
    return out


# --------------------------------------------------------------------------------------------
# summarize_customers
# --------------------------------------------------------------------------------------------
def summarize_customers(
    transactions: pd.DataFrame,
    *,
    customer: str = "customer_id",
    date: str = "order_date",
    amount: str = "amount",
    as_of: Any = None,
    cost: Any = _DEFAULT,
    is_return: Any = _DEFAULT,
    order: Any = _DEFAULT,
    tender: Any = _DEFAULT,
    customers: Any = None,
) -> pd.DataFrame:
    """Summarise transactions into one row per customer: recency, frequency, monetary value, tenure.

    This is the customer table behind RFM, ABC analysis, the customer pyramid and the other
    grading methods of Chapter 4: how recently each customer bought, how often, how much
    (net of returns), for how long, and at what margin.

    Parameters
    ----------
    transactions : DataFrame, path(s) or DuckDB relation
        One row per transaction (order or order line). A path to Parquet or CSV files (a glob
        such as ``"data/*.parquet"``, or a list of paths) or a DuckDB relation is summarised in
        DuckDB, out of core, into the same table (see :mod:`crmlearn._core.duck`).
    customer, date, amount : str, default "customer_id", "order_date", "amount"
        Columns with the customer id, the date (datetime or text) and the amount (CNY, numeric).
    as_of : date-like, optional
        The date the summary is made at. Default: the last date in ``transactions``.
        **Transactions after ``as_of`` are left out** (so you can summarise a calibration
        period); how many were left out is in ``result.attrs["excluded_rows"]`` and
        ``result.attrs["excluded_customers"]`` (customers who only bought later).
    cost : str or None, default "cost"
        Column with the cost of goods; when present, ``margin`` and ``margin_rate`` are added.
        Left at the default, a missing ``cost`` column is simply skipped; pass None to ignore one.
    is_return : str or None, default "is_return"
        True/false column flagging returns (see "How returns count" in the module help).
        Without it, rows with a negative amount are returns.
    order : str or None, default "order_id"
        Column with the order id: ``frequency`` and ``n_returns`` count distinct orders, so the
        lines of one order count once. Left at the default, a missing ``order_id`` column is
        skipped (each row is an order); pass None to count rows.
    tender : str or None, default "tender_result"
        Column with the outcome of a tender (won / lost / n/a): rows marked ``lost`` are bids,
        not sales, and are left out of every purchase count and date. Left at the default, a
        missing column is skipped; pass None to ignore one.
    customers : DataFrame, Index or list, optional
        The full customer list: customers with no transaction are kept, with ``frequency``,
        ``monetary``, ``n_returns`` and ``return_amount`` 0 and dates, recency and ratios missing.
        Customers of ``transactions`` not in the list are left out with a warning.

    Returns
    -------
    DataFrame
        Indexed by customer id (sorted), with columns

        - ``first_purchase``, ``last_purchase``: dates of the first and last purchase;
        - ``recency_days``: whole days from the last purchase to ``as_of``;
        - ``frequency``: number of purchase orders (returns do not count);
        - ``monetary``: net amount, purchases minus returns;
        - ``avg_order_value``: ``monetary / frequency``;
        - ``tenure_days``: whole days from the first purchase to ``as_of``;
        - ``n_returns``, ``return_amount``: number of orders with returns and amount returned (positive);
        - ``margin`` = net amount minus net cost and ``margin_rate`` = margin / monetary,
          when there is a cost column.

        A customer with returns but no purchase in the period has missing dates and recency;
        then ``recency_days`` and ``tenure_days`` are float (whole numbers or NaN), else int.

    Raises
    ------
    TypeError
        If ``transactions`` is not a DataFrame.
    CRMDataError
        If a column is missing, an amount or cost is not numeric, a value is missing,
        a date cannot be read, the table is empty or every row is after ``as_of``.

    See Also
    --------
    transaction_indicators : the textbook's transaction indicators (交易类指标).
    crmlearn.grading.rfm_scores : scores the recency, frequency and monetary columns.

    Notes
    -----
    recency = as_of - last purchase; tenure = as_of - first purchase (both in whole days);
    monetary = sum(purchases) - sum(|returns|); margin = sum(amount - cost) with returns negative.

    References
    ----------
    Hughes, A. M. (1994). *Strategic Database Marketing*. Probus. (recency, frequency, monetary)

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": ["C1", "C1", "C2", "C1"],
    ...     "order_date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-02-01", "2024-03-05"]),
    ...     "amount": [100.0, 50.0, 80.0, -20.0],
    ... })
    >>> s = summarize_customers(tx)
    >>> s[["recency_days", "frequency", "monetary", "tenure_days"]]
                 recency_days  frequency  monetary  tenure_days
    customer_id
    C1                      4          2     130.0           64
    C2                     33          1      80.0           33
    >>> s[["n_returns", "return_amount"]]
                 n_returns  return_amount
    customer_id
    C1                   1           20.0
    C2                   0            0.0
    """
    func = "summarize_customers"
    if _is_source(transactions):   # Parquet/CSV files or a DuckDB relation: reduced in DuckDB, out of core
        from ._core import duck
        return duck.summarize_customers(transactions, customer=customer, date=date, amount=amount, as_of=as_of,
                                        cost=cost, is_return=is_return, order=order, tender=tender,
                                        customers=customers)
    t = _Tx(transactions, func=func, customer=customer, date=date, amount=amount, cost=cost,
            is_return=is_return, order=order, as_of=as_of, tender=tender)
    first, last, seen = t.purchase_dates()
    freq = t.count()
    monetary = t.total(t.amount)
    n_ret, ret_amt = t.returns()
    cols: dict[str, Any] = {
        "first_purchase": _to_dates(first, seen, t.dtype),
        "last_purchase": _to_dates(last, seen, t.dtype),
        "recency_days": _whole_days(t.as_of - last, seen, t.dtype),
        "frequency": freq,
        "monetary": monetary,
        "avg_order_value": _safe_ratio(monetary, freq),
        "tenure_days": _whole_days(t.as_of - first, seen, t.dtype),
        "n_returns": n_ret,
        "return_amount": ret_amt,
    }
    if t.has_cost:
        margin = t.total(t.amount - t.cost)
        cols["margin"] = margin
        cols["margin_rate"] = _safe_ratio(margin, monetary)
    out = pd.DataFrame(cols, index=t.index, copy=False)
    out = _align(out, customers, customer, func=func,
                 zero=["frequency", "monetary", "n_returns", "return_amount", "margin"])
    return t.finish(out)


# --------------------------------------------------------------------------------------------
# 1. transaction indicators
# --------------------------------------------------------------------------------------------
def transaction_indicators(
    transactions: pd.DataFrame,
    *,
    customer: str = "customer_id",
    date: str = "order_date",
    amount: str = "amount",
    cost: Any = _DEFAULT,
    is_return: Any = _DEFAULT,
    order: Any = _DEFAULT,
    tender: Any = _DEFAULT,
    product_line: Any = _DEFAULT,
    as_of: Any = None,
    period_days: int = 365,
    customers: Any = None,
) -> pd.DataFrame:
    """The transaction indicators of customer grading (交易类指标), one row per customer.

    Parameters
    ----------
    transactions : DataFrame
        One row per transaction.
    customer, date, amount : str, default "customer_id", "order_date", "amount"
        Column names, as in :func:`summarize_customers`.
    cost, is_return, order, tender : str or None
        Optional columns, as in :func:`summarize_customers` (profit needs ``cost``).
    product_line : str or None, default "product_line"
        Column naming the product line of each row; when present, ``n_product_lines`` is added.
        Left at the default, a missing ``product_line`` column is simply skipped; pass None to
        ignore one.
    as_of : date-like, optional
        End of the period; later transactions are left out. Default: the last date.
    period_days : int, default 365
        Length of the period used for ``expected_sales``.
    customers : DataFrame, Index or list, optional
        The full customer list (customers without transactions get zero counts and amounts,
        missing averages).

    Returns
    -------
    DataFrame
        Indexed by customer id, with

        ==========================  ====================  =========================================
        column                      indicator             computation
        ==========================  ====================  =========================================
        ``n_transactions``          交易次数              purchase orders (not returns)
        ``amount``                  交易额                net amount (purchases - returns)
        ``profit``                  利润                  net amount - net cost (needs ``cost``)
        ``gross_margin_rate``       毛利率                profit / amount (needs ``cost``)
        ``avg_transaction_amount``  平均单笔交易额        amount / n_transactions
        ``max_transaction_amount``  最大单笔交易额        largest purchase (order total)
        ``return_amount``           退货金额              amount returned (positive)
        ``n_returns``               退货次数              orders with a return line
        ``tenure_days``             已交易时间            as_of - first purchase (days)
        ``avg_cycle_days``          平均交易周期          mean days between consecutive purchases
        ``expected_sales``          销售预期金额          net amount of the last ``period_days``
        ``n_product_lines``         购买品种数            distinct product lines bought (needs
                                                          ``product_line``)
        ==========================  ====================  =========================================

    Raises
    ------
    TypeError, CRMDataError
        As :func:`summarize_customers`; also if ``period_days`` is not a positive whole number.

    See Also
    --------
    summarize_customers, financial_indicators, contact_indicators, characteristic_indicators

    Notes
    -----
    The mean gap between consecutive purchases telescopes: with purchase dates
    t1 <= ... <= tn, mean(t[i+1] - t[i]) = (tn - t1) / (n - 1), so no sorting is needed.
    It is missing for customers with fewer than two purchases.
    ``expected_sales`` is the naive forecast "next period repeats the last": the net amount
    bought in the ``period_days`` before ``as_of``.
    ``n_product_lines`` counts the distinct product lines among the purchase rows (returns and
    lost tenders are not purchases); a customer who buys one or two of the firm's lines has
    room for cross-selling.

    References
    ----------
    The indicator list follows the textbook chapter on customer grading (客户分级指标).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": ["C1", "C1", "C1", "C2"],
    ...     "order_date": pd.to_datetime(["2024-01-01", "2024-01-11", "2024-01-31", "2024-01-31"]),
    ...     "amount": [100.0, 300.0, 200.0, 50.0],
    ...     "cost": [60.0, 150.0, 150.0, 40.0],
    ... })
    >>> ind = transaction_indicators(tx)
    >>> ind[["n_transactions", "profit", "gross_margin_rate", "avg_cycle_days"]]
                 n_transactions  profit  gross_margin_rate  avg_cycle_days
    customer_id
    C1                        3   240.0                0.4            15.0
    C2                        1    10.0                0.2             NaN

    With a product line on each row, the number of distinct lines bought:

    >>> tx["product_line"] = ["paper", "ink", "paper", "paper"]
    >>> transaction_indicators(tx)["n_product_lines"]
    customer_id
    C1    2
    C2    1
    Name: n_product_lines, dtype: int64
    """
    func = "transaction_indicators"
    from ._validation import check_positive_int

    check_positive_int(period_days, func=func, param="period_days")
    t = _Tx(transactions, func=func, customer=customer, date=date, amount=amount, cost=cost,
            is_return=is_return, order=order, as_of=as_of, tender=tender, product_line=product_line)
    first, last, seen = t.purchase_dates()
    n = t.count()
    net = t.total(t.amount)
    n_ret, ret_amt = t.returns()
    biggest, bought = t.largest_purchase()
    biggest = np.where(bought, biggest, np.nan)
    span_days = (last - first) / _day_units(t.dtype)
    cycle = np.where(n >= 2, span_days / np.maximum(n - 1, 1), np.nan)
    recent = t.dates > t.as_of - period_days * _day_units(t.dtype)
    cols: dict[str, Any] = {"n_transactions": n, "amount": net}
    if t.has_cost:
        profit = t.total(t.amount - t.cost)
        cols["profit"] = profit
        cols["gross_margin_rate"] = _safe_ratio(profit, net)
    cols.update({
        "avg_transaction_amount": _safe_ratio(net, n),
        "max_transaction_amount": biggest,
        "return_amount": ret_amt,
        "n_returns": n_ret,
        "tenure_days": _whole_days(t.as_of - first, seen, t.dtype),
        "avg_cycle_days": cycle,
        "expected_sales": t.total(t.amount, recent),
    })
    if t.lines is not None:
        cols["n_product_lines"] = t.distinct_lines()
    out = pd.DataFrame(cols, index=t.index, copy=False)
    out = _align(out, customers, customer, func=func,
                 zero=["n_transactions", "amount", "profit", "return_amount", "n_returns", "expected_sales",
                       "n_product_lines"])
    return t.finish(out)


def _yearly_net(transactions, *, func, customer, date, amount, is_return):
    """Net amount per customer and calendar year: (matrix customers x years, customer index, years)."""
    t = _Tx(transactions, func=func, customer=customer, date=date, amount=amount, cost=None,
            is_return=is_return, order=None, as_of=None, tender=None)
    years = t.dates.view(t.dtype).astype("datetime64[Y]").astype(np.int64) + 1970
    y0, y1 = int(years.min()), int(years.max())
    k = y1 - y0 + 1
    cell = t.codes.astype(np.int64) * k + (years - y0)
    net = np.bincount(cell, weights=t.amount, minlength=t.n * k).reshape(t.n, k)
    return net, t.index, np.arange(y0, y1 + 1)


def sales_by_year(
    transactions: pd.DataFrame,
    *,
    customer: str = "customer_id",
    date: str = "order_date",
    amount: str = "amount",
    is_return: Any = _DEFAULT,
    customers: Any = None,
) -> pd.DataFrame:
    """Net sales of each customer in each calendar year: one row per customer, one column per year.

    The year-by-year view behind "use last year's sales to predict this year's gold customers",
    sales growth and share-of-wallet comparisons.

    Parameters
    ----------
    transactions : DataFrame
        One row per transaction.
    customer, date, amount : str, default "customer_id", "order_date", "amount"
        Column names, as in :func:`summarize_customers`.
    is_return : str or None, default "is_return"
        True/false column flagging returns, as in :func:`summarize_customers` (returns count
        negative whatever sign they were booked with).
    customers : DataFrame, Index or list, optional
        The full customer list; customers without transactions get 0 in every year.

    Returns
    -------
    DataFrame
        Indexed by customer id (sorted), one column per calendar year from the first to the last
        year in ``transactions`` (whole numbers; years without any transaction included), holding
        the customer's net amount in that year (0 when it bought nothing). The columns are named
        ``year``.

    Raises
    ------
    TypeError, CRMDataError
        As :func:`summarize_customers`.

    See Also
    --------
    summarize_customers, crmlearn.grading.gold_persistence

    Notes
    -----
    net sales(customer, year) = sum of the amounts of the customer's rows dated in that year,
    returns negative. Adding up the columns gives ``monetary`` of :func:`summarize_customers`.
    The first and last years may be partial: compare like with like.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": ["C1", "C1", "C2", "C2"],
    ...     "order_date": pd.to_datetime(["2023-05-01", "2024-02-01", "2023-07-01", "2023-08-01"]),
    ...     "amount": [100.0, 250.0, 80.0, -20.0],
    ... })
    >>> sales_by_year(tx)
    year          2023   2024
    customer_id
    C1           100.0  250.0
    C2            60.0    0.0
    """
    func = "sales_by_year"
    net, index, years = _yearly_net(transactions, func=func, customer=customer, date=date, amount=amount,
                                    is_return=is_return)
    out = pd.DataFrame(net, index=index, columns=pd.Index(years, name="year"), copy=False)
    out = _align(out, customers, customer, func=func, zero=list(out.columns))
    out.columns.name = "year"
    return out


# --------------------------------------------------------------------------------------------
# 2. financial indicators
# --------------------------------------------------------------------------------------------
def financial_indicators(
    payments: pd.DataFrame,
    *,
    customer: str = "customer_id",
    invoice_date: str = "invoice_date",
    invoice_amount: str = "invoice_amount",
    payment_date: str = "payment_date",
    payment_amount: str = "payment_amount",
    due_date: Any = _DEFAULT,
    grace_days: int = 0,
    as_of: Any = None,
    customers: Any = None,
) -> pd.DataFrame:
    """The financial indicators of customer grading (财务类指标), one row per customer.

    Parameters
    ----------
    payments : DataFrame
        One row per invoice, with the payment received for it (empty when unpaid).
    customer : str, default "customer_id"
    invoice_date, invoice_amount : str, default "invoice_date", "invoice_amount"
        When and how much was invoiced (the invoice columns must be complete).
    payment_date, payment_amount : str, default "payment_date", "payment_amount"
        When and how much was paid; both missing on an unpaid invoice. A payment date without an
        amount counts as full payment of the invoice.
    due_date : str or None, default "due_date"
        Column with the date each invoice is due; when present, ``on_time_share`` is added.
        Left at the default, a missing ``due_date`` column is simply skipped; pass None to
        ignore one.
    grace_days : int, default 0
        Days after the due date within which a payment still counts as on time (0: paid on or
        before the due date).
    as_of : date-like, optional
        The date of the analysis; invoices and payments after it are ignored.
        Default: the last invoice or payment date.
    customers : DataFrame, Index or list, optional
        The full customer list (customers without invoices get zero amounts and missing averages).

    Returns
    -------
    DataFrame
        Indexed by customer id, with

        =======================  ==============  ==============================================
        column                   indicator       computation
        =======================  ==============  ==============================================
        ``n_invoices``                           invoices up to ``as_of``
        ``invoiced_amount``                      total invoiced
        ``paid_amount``                          total paid up to ``as_of``
        ``max_payment``          最大单笔收款额  largest single payment
        ``avg_payment``          平均收款额      mean payment
        ``avg_collection_days``  平均收款周期    mean (payment date - invoice date), in days
        ``outstanding``                          invoiced - paid at ``as_of``
        ``avg_amount_owed``      平均欠款额      mean outstanding balance over month ends
        ``arrears_rate``         平均欠款率      owed / invoiced-to-date, over month ends
        ``on_time_share``                        invoices paid in full by due date + grace /
                                                 invoices settled or overdue (with a due date)
        =======================  ==============  ==============================================

    Raises
    ------
    TypeError
        If ``payments`` is not a DataFrame.
    CRMDataError
        If a column is missing, amounts are not numeric or negative, invoice values or due
        dates are missing, a payment date comes before its invoice, ``grace_days`` is negative,
        or the table is empty.

    See Also
    --------
    transaction_indicators, contact_indicators, characteristic_indicators

    Notes
    -----
    The balance owed at a month end M is B(M) = sum of invoices dated <= M minus payments
    dated <= M. The month ends are those from the first invoice to ``as_of`` (``as_of``
    itself when there is none). Averaging B over the K month ends needs no customer-by-month
    grid: each invoice adds its amount times the number of month ends on or after its date,
    each payment subtracts likewise, so the work is linear in the rows.
    ``arrears_rate`` = sum_M B(M) / sum_M invoiced-to-date(M), the arrears rate of each month
    weighted by the amount invoiced so far (missing before any invoice).

    ``on_time_share``: an invoice is *on time* when it is paid in full (to within half a cent)
    no later than ``due date + grace_days``, and *late* when it is not, once that deadline is
    before ``as_of``. An unpaid or part-paid invoice whose deadline has not passed at ``as_of``
    is still open and counts in neither; so on_time_share = on time / (on time + late),
    missing for a customer with no settled or overdue invoice.

    References
    ----------
    The indicator list follows the textbook chapter on customer grading (客户分级指标).

    Examples
    --------
    >>> import pandas as pd
    >>> pay = pd.DataFrame({
    ...     "customer_id": ["C1", "C1", "C2"],
    ...     "invoice_date": pd.to_datetime(["2024-01-10", "2024-02-10", "2024-01-15"]),
    ...     "invoice_amount": [1000.0, 500.0, 800.0],
    ...     "payment_date": pd.to_datetime(["2024-02-09", None, "2024-01-25"]),
    ...     "payment_amount": [1000.0, None, 800.0],
    ... })
    >>> fin = financial_indicators(pay, as_of="2024-03-31")
    >>> fin[["avg_collection_days", "outstanding", "avg_amount_owed", "arrears_rate"]]
                 avg_collection_days  outstanding  avg_amount_owed  arrears_rate
    customer_id
    C1                          30.0        500.0       666.666667           0.5
    C2                          10.0          0.0         0.000000           0.0

    With due dates, the share of invoices paid on time (C1's second invoice is overdue):

    >>> pay["due_date"] = pd.to_datetime(["2024-02-09", "2024-03-11", "2024-02-14"])
    >>> financial_indicators(pay, as_of="2024-03-31")["on_time_share"]
    customer_id
    C1    0.5
    C2    1.0
    Name: on_time_share, dtype: float64
    """
    func = "financial_indicators"
    pay, due_date, grace_days = _check_payments(
        payments, customer=customer, invoice_date=invoice_date, invoice_amount=invoice_amount,
        payment_date=payment_date, payment_amount=payment_amount, due_date=due_date, grace_days=grace_days,
        func=func)
    a = _payment_arrays(pay, customer=customer, invoice_date=invoice_date, invoice_amount=invoice_amount,
                        payment_date=payment_date, payment_amount=payment_amount, due_date=due_date,
                        as_of=as_of, func=func)
    codes, n, paid, day = a["codes"], a["n"], a["paid"], _day_units(a["dtype"])
    inv8, inv_amt, pay8_p, pay_amt_p = a["inv8"], a["inv_amt"], a["pay8"], a["pay_amt"]
    n_inv = np.bincount(codes, minlength=n)
    invoiced = np.bincount(codes, weights=inv_amt, minlength=n)
    n_paid = np.bincount(codes[paid], minlength=n)
    paid_total = np.bincount(codes[paid], weights=pay_amt_p[paid], minlength=n)
    biggest = np.full(n, -np.inf)
    np.maximum.at(biggest, codes[paid], pay_amt_p[paid])
    biggest[n_paid == 0] = np.nan
    days_to_pay = (pay8_p[paid] - inv8[paid]) / day
    collect = _safe_ratio(np.bincount(codes[paid], weights=days_to_pay, minlength=n), n_paid)
    owed_sum, invoiced_sum, k, as_ts = _owed_at_month_ends(a)
    out = pd.DataFrame({
        "n_invoices": n_inv,
        "invoiced_amount": invoiced,
        "paid_amount": paid_total,
        "max_payment": biggest,
        "avg_payment": _safe_ratio(paid_total, n_paid),
        "avg_collection_days": collect,
        "outstanding": invoiced - paid_total,
        "avg_amount_owed": owed_sum / k,
        "arrears_rate": _safe_ratio(owed_sum, invoiced_sum),
    }, index=a["index"], copy=False)
    if a["due8"] is not None:
        out["on_time_share"] = _on_time_share(a, grace_days)
    out = _align(out, customers, customer, func=func,
                 zero=["n_invoices", "invoiced_amount", "paid_amount", "outstanding", "avg_amount_owed"])
    out.attrs["as_of"] = as_ts
    out.attrs["excluded_rows"] = a["excluded"]
    return out


def _check_payments(payments, *, customer, invoice_date, invoice_amount, payment_date, payment_amount,
                    due_date, grace_days, func):
    """financial_indicators' checks: the table, its columns, amounts that are numbers and not negative."""
    from ._validation import check_positive_int

    pay = check_table(payments, func=func, name="payments")
    for col, param in ((customer, "customer"), (invoice_date, "invoice_date"), (invoice_amount, "invoice_amount"),
                       (payment_date, "payment_date"), (payment_amount, "payment_amount")):
        check_columns(pay, [col], func=func, param=param)
    due_date = _optional_column(pay, due_date, "due_date", func=func, param="due_date")
    grace_days = check_positive_int(grace_days, func=func, param="grace_days", minimum=0)
    check_numeric(pay, [invoice_amount, payment_amount], func=func, customer=customer)
    check_no_missing(pay, [customer, invoice_date, invoice_amount] + ([due_date] if due_date else []), func=func,
                     customer=customer)
    for col in (invoice_amount, payment_amount):
        neg = pay[col].to_numpy(dtype=np.float64, na_value=np.nan) < 0
        if neg.any():
            raise CRMDataError(
                f"{func}: {_rows(int(neg.sum()))} a negative '{col}' (first: {first_offender(pay, neg, customer=customer)}). "
                "Book credit notes as separate negative transactions, not as invoices."
            )
    return pay, due_date, grace_days


def _payment_arrays(pay, *, customer, invoice_date, invoice_amount, payment_date, payment_amount, due_date,
                    as_of, func):
    """The invoices up to as_of as arrays over customer codes (dates as int64 in the column's unit)."""
    inv8, dtype = _as_i8(_datetime_column(pay, invoice_date, func=func, customer=customer))
    pay_dates = _datetime_column(pay, payment_date, func=func, customer=customer).to_numpy().astype(dtype)
    pay_nat = np.isnat(pay_dates)
    pay8 = pay_dates.view("i8")
    due8 = (_datetime_column(pay, due_date, func=func, customer=customer).to_numpy().astype(dtype).view("i8")
            if due_date else None)
    inv_amt = pay[invoice_amount].to_numpy(dtype=np.float64)
    pay_amt = pay[payment_amount].to_numpy(dtype=np.float64, na_value=np.nan)
    pay_amt = np.where(np.isnan(pay_amt) & ~pay_nat, inv_amt, pay_amt)  # dated but no amount: paid in full
    paid = ~pay_nat & ~np.isnan(pay_amt)
    early = paid & (pay8 < inv8)
    if early.any():
        raise CRMDataError(
            f"{func}: {int(early.sum())} payments are dated before their invoice "
            f"(first: {first_offender(pay, early, customer=customer)}). Check the '{payment_date}' column."
        )
    if as_of is None:
        as8 = int(max(inv8.max(), pay8[paid].max() if paid.any() else inv8.max()))
    else:
        as8 = _timestamp_i8(as_of, dtype, func=func)
    in_period = inv8 <= as8
    if not in_period.any():
        raise CRMDataError(f"{func}: every invoice is after as_of; pass a later as_of.")
    paid = paid & in_period & (pay8 <= as8)
    codes, index = _group_codes(customer_keys(pay, customer, func=func)[in_period])
    index.name = customer
    return {"codes": codes, "index": index, "n": len(index), "dtype": dtype, "as8": as8,
            "inv8": inv8[in_period], "inv_amt": inv_amt[in_period], "pay8": pay8[in_period],
            "pay_amt": pay_amt[in_period], "paid": paid[in_period],
            "due8": due8[in_period] if due8 is not None else None, "excluded": int((~in_period).sum())}


def _owed_at_month_ends(a):
    """Amount owed summed over month-end snapshots from the first invoice to as_of (and invoiced)."""
    dtype, codes, n, paid = a["dtype"], a["codes"], a["n"], a["paid"]
    day = _day_units(dtype)
    as_ts = pd.Timestamp(np.int64(a["as8"]).view(dtype))
    start = pd.Timestamp(np.int64(a["inv8"].min()).view(dtype))
    ends = pd.date_range(start.normalize(), as_ts, freq="ME")
    if len(ends) == 0:
        ends = pd.DatetimeIndex([as_ts])
    # a month end "counts" a row dated at or before it; snapshots at the end of day
    end8 = ends.to_numpy().astype(dtype).view("i8") + day - 1
    k = len(end8)
    inv_weight = k - np.searchsorted(end8, a["inv8"], side="left")
    pay_weight = k - np.searchsorted(end8, a["pay8"][paid], side="left")
    invoiced_sum = np.bincount(codes, weights=a["inv_amt"] * inv_weight, minlength=n)
    owed_sum = invoiced_sum - np.bincount(codes[paid], weights=a["pay_amt"][paid] * pay_weight, minlength=n)
    return owed_sum, invoiced_sum, k, as_ts


def _on_time_share(a, grace_days):
    """Share of the invoices due by as_of that were paid in full by the due date (plus grace days)."""
    day = _day_units(a["dtype"])
    deadline = a["due8"] + (grace_days + 1) * day - 1     # the end of the last day that is on time
    in_full = a["paid"] & (a["pay_amt"] >= a["inv_amt"] - 0.005)
    on_time = in_full & (a["pay8"] <= deadline)
    settled = on_time | (deadline < a["as8"])             # on time, or overdue at as_of
    return _safe_ratio(np.bincount(a["codes"][on_time], minlength=a["n"]),
                       np.bincount(a["codes"][settled], minlength=a["n"]))


# --------------------------------------------------------------------------------------------
# 3. contact indicators
# --------------------------------------------------------------------------------------------
#: How the course's ``contact_type`` values map to the textbook's contact indicators.
CONTACT_TYPES = {
    "task": "task",
    "process": "process_step",
    "praise": "praise",
    "complaint": "complaint",
    "suggestion": "suggestion",
}


def contact_indicators(
    contacts: pd.DataFrame,
    *,
    customer: str = "customer_id",
    contact_type: str = "contact_type",
    types: dict[str, str] | None = None,
    customers: Any = None,
) -> pd.DataFrame:
    """The contact indicators of customer grading (联络类指标), one row per customer.

    Parameters
    ----------
    contacts : DataFrame
        The contact and complaint log, one row per contact.
    customer : str, default "customer_id"
    contact_type : str, default "contact_type"
        Column saying what each contact was.
    types : dict, optional
        Which ``contact_type`` value stands for each indicator: keys among ``task``, ``process``,
        ``praise``, ``complaint``, ``suggestion``; default :data:`CONTACT_TYPES`
        (``{"task": "task", "process": "process_step", ...}``). Values not mentioned still count
        in ``n_contacts``.
    customers : DataFrame, Index or list, optional
        The full customer list; customers never contacted get zero counts and missing ratios.

    Returns
    -------
    DataFrame
        Indexed by customer id: ``n_contacts``; ``n_tasks`` (相关任务数); ``n_processes``
        (相关进程数); ``n_praise``, ``n_complaints``, ``n_suggestions`` (表扬、投诉、建议次数);
        ``praise_ratio``, ``complaint_ratio``, ``suggestion_ratio`` (each count / ``n_contacts``).

    Raises
    ------
    TypeError
        If ``contacts`` is not a DataFrame or ``types`` is not a dict.
    CRMDataError
        If a column is missing, a value is missing, ``types`` has an unknown key, or the table is empty.

    See Also
    --------
    transaction_indicators, financial_indicators, characteristic_indicators

    Notes
    -----
    ratio = count of that type / all contacts of the customer.

    References
    ----------
    The indicator list follows the textbook chapter on customer grading (客户分级指标).

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": ["C1", "C1", "C1", "C2"],
    ...                     "contact_type": ["complaint", "praise", "inquiry", "complaint"]})
    >>> contact_indicators(log)[["n_contacts", "n_complaints", "complaint_ratio", "praise_ratio"]]
                 n_contacts  n_complaints  complaint_ratio  praise_ratio
    customer_id
    C1                    3             1         0.333333      0.333333
    C2                    1             1         1.000000      0.000000
    """
    func = "contact_indicators"
    log = check_table(contacts, func=func, name="contacts")
    check_columns(log, [customer], func=func, param="customer")
    check_columns(log, [contact_type], func=func, param="contact_type")
    check_no_missing(log, [customer, contact_type], func=func)
    mapping = dict(CONTACT_TYPES)
    if types is not None:
        if not isinstance(types, dict):
            raise TypeError(f"{func}: types must be a dict like {CONTACT_TYPES}, got {type(types).__name__}.")
        unknown = set(types) - set(CONTACT_TYPES)
        if unknown:
            raise CRMDataError(
                f"{func}: types has unknown key {sorted(unknown)[0]!r}. Use keys among {list(CONTACT_TYPES)}."
            )
        mapping.update(types)
    codes, index = _group_codes(log[customer])
    index.name = customer
    n = len(index)
    kind = log[contact_type].to_numpy()
    total = np.bincount(codes, minlength=n)
    names = {"task": "n_tasks", "process": "n_processes", "praise": "n_praise",
             "complaint": "n_complaints", "suggestion": "n_suggestions"}
    cols: dict[str, Any] = {"n_contacts": total}
    for key, col in names.items():
        cols[col] = np.bincount(codes[kind == mapping[key]], minlength=n)
    for key in ("praise", "complaint", "suggestion"):
        cols[f"{key}_ratio"] = _safe_ratio(cols[names[key]], total)
    out = pd.DataFrame(cols, index=index, copy=False)
    return _align(out, customers, customer, func=func, zero=["n_contacts", *names.values()])


# --------------------------------------------------------------------------------------------
# 4. characteristic indicators
# --------------------------------------------------------------------------------------------
def characteristic_indicators(
    customers: pd.DataFrame,
    *,
    customer: str = "customer_id",
    kind: str | None = "customer_kind",
    organisation: Iterable[str] | None = None,
    individual: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The characteristic indicators of customer grading (特征类指标), one row per customer.

    Organisations are described by size, registered capital, region, industry, annual sales and
    whether they are listed; individuals by age, education, marital status, monthly income,
    favourite colour, car and children. This picks those columns from the customer master,
    indexes them by customer id and blanks the ones that do not apply to the customer's kind.

    Parameters
    ----------
    customers : DataFrame
        The customer master, one row per customer.
    customer : str, default "customer_id"
    kind : str or None, default "customer_kind"
        Column with ``organisation`` / ``individual``; when given, organisation indicators are
        set missing for individuals and vice versa. None keeps every value.
    organisation, individual : list of str, optional
        The indicator columns; default :data:`ORGANISATION_CHARACTERISTICS` and
        :data:`INDIVIDUAL_CHARACTERISTICS`, each used when the column exists. Columns you name
        yourself must exist.

    Returns
    -------
    DataFrame
        Indexed by customer id (in the input order): the ``kind`` column, then the organisation
        and the individual indicator columns.

    Raises
    ------
    TypeError
        If ``customers`` is not a DataFrame.
    CRMDataError
        If a named column is missing, a customer id is missing or repeated, or the table is empty.

    See Also
    --------
    transaction_indicators, financial_indicators, contact_indicators

    References
    ----------
    The indicator list follows the textbook chapter on customer grading (客户分级指标).

    Examples
    --------
    >>> import pandas as pd
    >>> master = pd.DataFrame({"customer_id": ["C1", "C2"], "customer_kind": ["organisation", "individual"],
    ...                        "size": ["large", "small"], "age": [None, 35]})
    >>> characteristic_indicators(master)
                customer_kind   size   age
    customer_id
    C1           organisation  large   NaN
    C2             individual    NaN  35.0
    """
    func = "characteristic_indicators"
    master = check_table(customers, func=func, name="customers")
    check_columns(master, [customer], func=func, param="customer")
    check_no_missing(master, [customer], func=func)
    if not master[customer].is_unique:
        dup = master[customer][master[customer].duplicated()].iloc[0]
        raise CRMDataError(
            f"{func}: customer {_py(dup)!r} appears more than once in '{customer}'. "
            "Remove duplicate records first (see crmlearn.idic)."
        )
    if kind is not None:
        check_columns(master, [kind], func=func, param="kind")

    def pick(cols, default):
        if cols is None:
            return [c for c in default if c in master.columns]
        cols = [cols] if isinstance(cols, str) else list(cols)
        check_columns(master, cols, func=func)
        return cols

    org = pick(organisation, ORGANISATION_CHARACTERISTICS)
    ind = [c for c in pick(individual, INDIVIDUAL_CHARACTERISTICS) if c not in org]
    out = master.set_index(customer)[([kind] if kind else []) + org + ind].copy()
    if kind is not None:
        k = out[kind].astype(str).str.lower()
        is_org, is_ind = k.eq("organisation").to_numpy(), k.eq("individual").to_numpy()
        for c in org:
            out[c] = out[c].where(~is_ind)
        for c in ind:
            out[c] = out[c].where(~is_org)
    return out
