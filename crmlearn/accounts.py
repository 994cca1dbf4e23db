"""Key accounts (大客户, Chapter 05) and the service system around them (大客户服务体系, Chapter 06).

Chapter 05 — who is a key account:

- :func:`ka_concentration` — share of transactions against share of revenue and margin (the key-account
  signature: few transactions, much revenue);
- :func:`ka_screen` — the five basic standards (大客户基本标准) judged on data, the three look-alikes
  of "小思考7-1" (one-off group buyer, volume without profit, squeezer 扒皮大户) and the candidate list;
- :func:`ka_type` — economic, important, group, strategic (the source only names the types; the
  rules here are the course's);
- :func:`ka_potential` — future value from BG/NBD + Gamma-Gamma (a prediction, not a guess);
- :func:`concentration_risk` — top-k share, Herfindahl index, what happens if the largest account leaves;
- the small rules of the cases: :func:`fee_applies` (Citibank's fee on deposits below US$5,000),
  :func:`distributor_eligible` (P&G's CNY 6 million deposit benchmark), :func:`coverage_ratio`
  (Xerox: 250 representatives + 250 executives for 250 accounts).

Chapter 06 — serving them:

- :func:`account_card` — the key-account information card (大客户资料卡) with its contact timeline;
- :func:`overdue_followups` — promised call-backs that passed without a contact;
- :func:`managers_needed` — one manager per key account, small accounts shared;
- :func:`care_plan` — a calendar of care actions by account type;
- :func:`account_stage` — Dell's acquisition / expansion / retention stages;
- :func:`delivery_sla` — Nippon Paint PAS delivery within 7 days;
- :func:`service_tiers` — airline-style levels of service by account value;
- :func:`bmw_campaign` — what a visit earns in BMW's 2012 winter care campaign;
- :data:`CITIC_MILESTONES` and :func:`days_between` — the CITIC co-branded cards on a time line.

Purchases follow the course rule of :mod:`crmlearn.customers`: returns (``is_return``) are not
purchases and lost tenders (``tender_result == "lost"``) are neither purchases nor returns.
"""
from __future__ import annotations

import html
import math
from typing import Any

import numpy as np
import pandas as pd

from ._validation import CRMDataError, check_columns, check_table

__all__ = [
    "KA_TYPES", "BASIC_STANDARDS", "LOOKALIKES", "CARE_COMMON", "CARE_GROUP", "CARE_PERSONALISED",
    "ka_concentration", "ka_screen", "ka_type", "ka_potential", "concentration_risk",
    "AccountCard", "account_card", "overdue_followups", "managers_needed", "care_plan",
    "account_stage", "delivery_sla", "service_tiers", "bmw_campaign",
    "fee_applies", "distributor_eligible", "coverage_ratio", "CITIC_MILESTONES", "days_between",
]

#: The four types of key account (大客户类型), in the order the rules of :func:`ka_type` test them last to first.
KA_TYPES = ("economic", "important", "group", "strategic")

#: The five basic standards (大客户基本标准) and the data :func:`ka_screen` judges each on.
BASIC_STANDARDS = {
    "leading_profit": "few leading customers creating current and future profit: in the top 10% (`top`) "
                      "of customers by margin, with positive margin after cost to serve",
    "sales_target": "critical to the sales target: among the largest customers that together make up "
                    "`sales_cover` (80%) of net revenue",
    "expansion_resource": "a resource for expansion: net revenue in the last 12 months at least that of "
                          "the 12 months before (or bought >= 2 product lines)",
    "loss_hurts": "its loss would hurt results: margin share at least `min_loss_multiple` (5) times the "
                  "average customer's",
    "most_time": "the firm spends most of its time on it: contacts in the top 10% (`top`) of customers "
                 "(needs `contacts`; otherwise the top 10% by number of orders)",
}

#: The three look-alikes of "小思考7-1".
LOOKALIKES = {
    "one_off_group_buyer": "偶然大量消费的团购客户: one order makes >= `min_single_share` of gross revenue, it is "
                           "in the top 10% (`top`) of the customers' largest orders, and purchases after it are <= "
                           "`max_after_share` of gross revenue",
    "volume_without_profit": "大量重复购买但不赚钱: orders in the top quartile, gross margin rate <= "
                             "`max_thin_margin` but not negative, and margin after cost to serve <= 0",
    "squeezer": "扒皮大户: a big buyer (orders in the top quartile, as for volume_without_profit: it could pass "
                "for a key account) showing at least two of heavy discounts (mean >= `min_discount`), many "
                "returns (return share >= `min_return_share`) and late payment (mean >= `min_days_late` days late)",
}

#: Four common care actions (常用关怀措施).
CARE_COMMON = ("family_like_service", "product_recommendation", "customer_club", "preferential_offers")
#: Six forms of group care activities (团体关怀活动).
CARE_GROUP = ("seminar", "exchange_meeting", "academic_symposium", "industry_study_tour", "training", "travel")
#: Personalised measures (个性化措施).
CARE_PERSONALISED = ("hotline_7x24", "technical_support", "needs_workshop", "needs_assessment")


# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------
def _purchases_mask(tx: pd.DataFrame, *, is_return: str = "is_return", tender: str = "tender_result"):
    """(purchase, return) boolean arrays under the course's purchase rule."""
    n = len(tx)
    lost = (tx[tender].astype(str).to_numpy() == "lost") if tender in tx.columns else np.zeros(n, bool)
    if is_return in tx.columns:
        ret = tx[is_return].fillna(False).to_numpy(dtype=bool)
    else:
        ret = np.zeros(n, bool)
    return ~ret & ~lost, ret & ~lost


def _codes(keys: pd.Series):
    codes, uniques = pd.factorize(keys, sort=True)
    if (codes < 0).any():
        raise CRMDataError(f"missing customer id in {int((codes < 0).sum())} rows; fill or drop them first")
    return codes, pd.Index(uniques, name=keys.name)


def _num(tx: pd.DataFrame, col: str, *, func: str) -> np.ndarray:
    if not pd.api.types.is_numeric_dtype(tx[col]) or pd.api.types.is_bool_dtype(tx[col]):
        raise TypeError(f"{func}: column {col!r} must be numeric, found dtype {tx[col].dtype}; "
                        f"convert it with pd.to_numeric first")
    v = tx[col].to_numpy(dtype=float)
    if np.isnan(v).any():
        raise CRMDataError(f"{func}: column {col!r} has {int(np.isnan(v).sum())} missing values; fill or drop them")
    return v


def _frac(value: Any, *, func: str, param: str, low_open: bool = True) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{func}: {param} must be a number, found {type(value).__name__}")
    v = float(value)
    if not (0 < v <= 1 if low_open else 0 <= v <= 1):
        raise CRMDataError(f"{func}: {param} must be a share in (0, 1], found {v}; e.g. 0.2 for 20%")
    return v


def _count(value: Any, *, func: str, param: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{func}: {param} must be a whole number, found {type(value).__name__} {value!r}")
    if value < minimum:
        raise CRMDataError(f"{func}: {param} must be >= {minimum}, found {value}")
    return int(value)


def _per_customer(transactions, *, func, customer, date, amount, cost, as_of=None):
    tx = check_table(transactions, func=func, name="transactions")
    need = [customer, amount] + ([date] if date else []) + ([cost] if cost else [])
    check_columns(tx, need, func=func)
    buy, ret = _purchases_mask(tx)
    codes, ids = _codes(tx[customer])
    k = len(ids)
    amt = np.abs(_num(tx, amount, func=func))
    signed = np.where(ret, -amt, np.where(buy, amt, 0.0))
    out = pd.DataFrame(index=ids)
    orders = tx["order_id"].to_numpy() if "order_id" in tx.columns else None
    if orders is not None:
        key = pd.DataFrame({"c": codes[buy], "o": orders[buy], "a": amt[buy]})
        per_order = key.groupby(["c", "o"], sort=False)["a"].sum()
        cc = per_order.index.get_level_values(0).to_numpy()
        out["n_transactions"] = np.bincount(cc, minlength=k)
        largest = np.zeros(k)
        np.maximum.at(largest, cc, per_order.to_numpy())
    else:
        out["n_transactions"] = np.bincount(codes[buy], minlength=k)
        largest = np.zeros(k)
        np.maximum.at(largest, codes[buy], amt[buy])
    out["revenue"] = np.bincount(codes, weights=signed, minlength=k)
    out["gross_revenue"] = np.bincount(codes[buy], weights=amt[buy], minlength=k)
    out["return_amount"] = np.bincount(codes[ret], weights=amt[ret], minlength=k)
    out["largest_order"] = largest
    if cost:
        cst = np.abs(_num(tx, cost, func=func))
        scost = np.where(ret, -cst, np.where(buy, cst, 0.0))
        out["margin"] = out["revenue"] - np.bincount(codes, weights=scost, minlength=k)
    if date:
        d = pd.to_datetime(tx[date]).to_numpy().astype("datetime64[D]").astype(np.int64)
        # date of the largest order (or row), and what was bought after it
        key = pd.DataFrame({"c": codes[buy], "o": orders[buy] if orders is not None else np.arange(buy.sum()),
                            "a": amt[buy], "d": d[buy]})
        po = key.groupby(["c", "o"], sort=False).agg(a=("a", "sum"), d=("d", "min")).reset_index()
        po = po.sort_values(["c", "a", "d"], ascending=[True, False, True], kind="stable")
        big = po.drop_duplicates("c")
        big_day = np.full(k, np.iinfo(np.int64).max)
        big_day[big["c"].to_numpy()] = big["d"].to_numpy()
        after = buy & (d > big_day[codes])
        out["revenue_after_largest"] = np.bincount(codes[after], weights=amt[after], minlength=k)
        last = np.full(k, np.iinfo(np.int64).min)
        np.maximum.at(last, codes[buy], d[buy])
        end = d.max() if as_of is None else pd.Timestamp(as_of).to_datetime64().astype("datetime64[D]").astype(np.int64)
        out["recency_days"] = np.where(last == np.iinfo(np.int64).min, np.nan, end - last)
        recent = buy & (d > end - 365)
        before = buy & (d <= end - 365) & (d > end - 730)
        out["revenue_last_12m"] = np.bincount(codes[recent], weights=amt[recent], minlength=k)
        out["revenue_prev_12m"] = np.bincount(codes[before], weights=amt[before], minlength=k)
    if "discount" in tx.columns:
        disc = _num(tx, "discount", func=func)
        w = np.bincount(codes[buy], weights=amt[buy] * disc[buy], minlength=k)
        out["mean_discount"] = np.divide(w, out["gross_revenue"].to_numpy(), out=np.zeros(k),
                                         where=out["gross_revenue"].to_numpy() > 0)
    if "product_line" in tx.columns:
        pl = pd.DataFrame({"c": codes[buy], "p": tx["product_line"].to_numpy()[buy]}).drop_duplicates()
        out["n_product_lines"] = np.bincount(pl["c"].to_numpy(), minlength=k)
    return out


# ---------------------------------------------------------------------------------------------
# Chapter 05
# ---------------------------------------------------------------------------------------------
def ka_concentration(transactions: pd.DataFrame, *, customer: str = "customer_id", amount: str = "amount",
                     cost: str | None = "cost", min_ratio: float = 3.0, min_revenue_share: float = 0.002
                     ) -> pd.DataFrame:
    """Each customer's share of the number of transactions against its share of revenue (and margin).

    The key-account signature (大客户特征): a small share of the transactions but a large share of
    revenue. ``ka_signature`` is true when ``revenue_share / transaction_share >= min_ratio`` and
    ``revenue_share >= min_revenue_share``.

    Returns a DataFrame indexed by customer (sorted): ``n_transactions``, ``revenue`` (net),
    ``margin`` (with ``cost``), ``transaction_share``, ``revenue_share``, ``margin_share``,
    ``ratio``, ``ka_signature``.
    """
    func = "ka_concentration"
    if isinstance(min_ratio, bool) or not isinstance(min_ratio, (int, float)) or min_ratio <= 0:
        raise CRMDataError(f"{func}: min_ratio must be a positive number, found {min_ratio!r}")
    min_revenue_share = _frac(min_revenue_share, func=func, param="min_revenue_share", low_open=False)
    tx = check_table(transactions, func=func, name="transactions")
    if cost is not None and cost not in tx.columns:
        cost = None
    pc = _per_customer(tx, func=func, customer=customer, date=None, amount=amount, cost=cost)
    cols = ["n_transactions", "revenue"] + (["margin"] if cost else [])
    out = pc[cols].copy()
    n_tot = out["n_transactions"].sum()
    r_tot = out["revenue"].sum()
    out["transaction_share"] = out["n_transactions"] / n_tot if n_tot else 0.0
    out["revenue_share"] = out["revenue"] / r_tot if r_tot else 0.0
    if cost:
        m_tot = out["margin"].sum()
        out["margin_share"] = out["margin"] / m_tot if m_tot else 0.0
    ts = out["transaction_share"].to_numpy(dtype=float)
    rs = out["revenue_share"].to_numpy(dtype=float)
    out["ratio"] = np.divide(rs, ts, out=np.full(len(out), np.nan), where=ts > 0)
    out["ka_signature"] = (out["ratio"].fillna(0) >= min_ratio) & (out["revenue_share"] >= min_revenue_share)
    return out


def ka_screen(transactions: pd.DataFrame, *, customers: pd.DataFrame | None = None,
              payments: pd.DataFrame | None = None, contacts: pd.DataFrame | None = None,
              customer: str = "customer_id", date: str = "order_date", amount: str = "amount",
              cost: str = "cost", as_of: Any = None, top: float = 0.1, sales_cover: float = 0.8,
              min_loss_multiple: float = 5.0, min_standards: int = 4, min_single_share: float = 0.6,
              max_after_share: float = 0.4, max_thin_margin: float = 0.05, min_discount: float = 0.25,
              min_return_share: float = 0.15, min_days_late: float = 20.0) -> pd.DataFrame:
    """Screen customers against the five basic standards and the three look-alikes.

    The standards (:data:`BASIC_STANDARDS`) and look-alike rules (:data:`LOOKALIKES`) say which data
    each is judged on. Cost to serve comes from ``customers.cost_to_serve_cny`` (yearly; counted for
    the years the transactions span) when given; late payment from ``payments`` (``payment_date``
    after ``due_date``; unpaid invoices are late until ``as_of``).

    Returns a DataFrame indexed by customer: the figures used, one boolean column per standard,
    ``n_standards``, one boolean per look-alike, ``lookalike`` (any) and ``candidate``
    (``n_standards >= min_standards`` and not a look-alike).
    """
    func = "ka_screen"
    top = _frac(top, func=func, param="top")
    sales_cover = _frac(sales_cover, func=func, param="sales_cover")
    min_standards = _count(min_standards, func=func, param="min_standards", minimum=1)
    if min_standards > 5:
        raise CRMDataError(f"{func}: min_standards must be 1..5 (there are five standards), found {min_standards}")
    pc = _per_customer(transactions, func=func, customer=customer, date=date, amount=amount, cost=cost, as_of=as_of)
    k = len(pc)
    tx_dates = pd.to_datetime(transactions[date])
    end = tx_dates.max() if as_of is None else pd.Timestamp(as_of)
    years = max((tx_dates.max() - tx_dates.min()).days / 365.25, 1.0)
    cts = np.zeros(k)
    if customers is not None:
        cu = check_table(customers, func=func, name="customers")
        check_columns(cu, [customer], func=func, param="customers")
        if "cost_to_serve_cny" in cu.columns:
            cts = cu.set_index(customer)["cost_to_serve_cny"].reindex(pc.index).fillna(0).to_numpy(float) * years
    out = pc.copy()
    out["cost_to_serve"] = cts
    out["net_margin"] = out["margin"] - cts
    rev = out["revenue"].to_numpy(float)
    # standards
    n_top = max(1, int(math.ceil(top * k)))
    nm = out["net_margin"].to_numpy(float)
    rank_m = (-nm).argsort(kind="stable").argsort(kind="stable")
    out["leading_profit"] = (rank_m < n_top) & (nm > 0)
    order = (-rev).argsort(kind="stable")
    cum_before = np.empty(k)
    cum_before[order] = np.concatenate([[0.0], np.cumsum(np.clip(rev[order], 0, None))[:-1]])
    tot = np.clip(rev, 0, None).sum()
    out["sales_target"] = (cum_before < sales_cover * tot) & (rev > 0)
    grow = out["revenue_last_12m"] >= out["revenue_prev_12m"]
    lines = out["n_product_lines"] >= 2 if "n_product_lines" in out else False
    out["expansion_resource"] = (out["revenue_last_12m"] > 0) & (grow | lines)
    m_tot = nm.sum()
    share = nm / m_tot if m_tot > 0 else np.zeros(k)
    out["loss_hurts"] = share >= min_loss_multiple / k
    if contacts is not None:
        ct = check_table(contacts, func=func, name="contacts")
        check_columns(ct, [customer], func=func, param="contacts")
        nct = ct.groupby(customer).size().reindex(pc.index).fillna(0).to_numpy(float)
    else:
        nct = out["n_transactions"].to_numpy(float)
    out["n_contacts_or_orders"] = nct
    rank_c = (-nct).argsort(kind="stable").argsort(kind="stable")
    out["most_time"] = (rank_c < n_top) & (nct > 0)
    std = list(BASIC_STANDARDS)
    out["n_standards"] = out[std].sum(axis=1).astype(int)
    # look-alikes
    largest_share = np.divide(out["largest_order"].to_numpy(float), out["gross_revenue"].to_numpy(float),
                              out=np.zeros(k), where=out["gross_revenue"].to_numpy(float) > 0)
    out["largest_order_share"] = largest_share
    gross = out["gross_revenue"].to_numpy(float)
    after_share = np.divide(out["revenue_after_largest"].to_numpy(float), gross, out=np.zeros(k), where=gross > 0)
    out["one_off_group_buyer"] = ((largest_share >= min_single_share) & (after_share <= max_after_share)
                                  & (out["largest_order"] >= np.quantile(out["largest_order"], 1 - top)))
    q75 = np.quantile(out["n_transactions"], 0.75)
    gm = np.divide(out["margin"].to_numpy(float), gross, out=np.zeros(k), where=gross > 0)
    out["gross_margin_rate"] = gm
    thin = (nm <= 0) & (gm >= 0) & (gm <= max_thin_margin)  # gm < 0: a loss maker, not a volume buyer
    out["volume_without_profit"] = (out["n_transactions"] >= max(q75, 1)) & thin & (rev > 0)
    ret_share = np.divide(out["return_amount"].to_numpy(float), out["gross_revenue"].to_numpy(float),
                          out=np.zeros(k), where=out["gross_revenue"].to_numpy(float) > 0)
    out["return_share"] = ret_share
    late = np.zeros(k)
    if payments is not None:
        pay = check_table(payments, func=func, name="payments")
        check_columns(pay, [customer, "due_date", "payment_date"], func=func, param="payments")
        due = pd.to_datetime(pay["due_date"])
        paid = pd.to_datetime(pay["payment_date"]).fillna(end)
        days = (paid - due).dt.days.clip(lower=0)
        late = days.groupby(pay[customer].to_numpy()).mean().reindex(pc.index).fillna(0).to_numpy(float)
    out["mean_days_late"] = late
    disc = out["mean_discount"].to_numpy(float) if "mean_discount" in out else np.zeros(k)
    signs = (disc >= min_discount).astype(int) + (ret_share >= min_return_share) + (late >= min_days_late)
    out["squeezer"] = (signs >= 2) & (out["n_transactions"] >= max(q75, 1))  # 大户: a big buyer
    look = list(LOOKALIKES)
    out["lookalike"] = out[look].any(axis=1)
    out["candidate"] = (out["n_standards"] >= min_standards) & ~out["lookalike"]
    return out


def ka_type(accounts: pd.DataFrame, *, industry: str = "industry", is_listed: str = "is_listed",
            size: str = "size", ownership: str = "ownership", growth: str | None = None,
            min_growth: float = 0.2) -> pd.Series:
    """The type of each key account: economic, important, group or strategic.

    The source only names the four types; **these rules are the course's**, tested in this order
    (the first that applies wins):

    1. ``strategic`` — a fast-growing account (``growth >= min_growth``, when a ``growth`` column is given):
       important for the firm's future strategy;
    2. ``group`` — a large state-owned or listed corporate group (``size == "large"`` and ownership
       ``state`` or listed): many units buying;
    3. ``important`` — government or finance customers, or listed firms: important for reasons
       beyond money (reputation, radiation effect);
    4. ``economic`` — otherwise: large by purchase value.
    """
    func = "ka_type"
    a = check_table(accounts, func=func, name="accounts")
    check_columns(a, [industry, is_listed, size, ownership] + ([growth] if growth else []), func=func)
    listed = a[is_listed].fillna(False).astype(bool).to_numpy()
    ind = a[industry].astype(str).to_numpy()
    large = a[size].astype(str).to_numpy() == "large"
    state = a[ownership].astype(str).to_numpy() == "state"
    out = np.full(len(a), "economic", dtype=object)
    out[np.isin(ind, ["government", "finance"]) | listed] = "important"
    out[large & (state | listed)] = "group"
    if growth:
        g = _num(a, growth, func=func)
        out[g >= min_growth] = "strategic"
    return pd.Series(pd.Categorical(out, categories=list(KA_TYPES)), index=a.index, name="ka_type")


def ka_potential(transactions: pd.DataFrame, *, horizon: int = 12, customer: str = "customer_id",
                 date: str = "order_date", amount: str = "amount", as_of: Any = None,
                 discount_rate: float = 0.01, margin: float = 1.0, penalizer: float = 0.001, gg_penalizer: float = 0.0,
                 candidates: Any = None) -> pd.DataFrame:
    """Future value of each customer (or of ``candidates``) from BG/NBD and Gamma-Gamma.

    Purchases only (returns and lost tenders dropped); :func:`crmlearn.clv.rfm_summary` in weeks,
    :class:`~crmlearn.clv.BetaGeo` and :class:`~crmlearn.clv.GammaGamma` fitted on all customers,
    then :func:`~crmlearn.clv.customer_lifetime_value` over ``horizon`` months. Returns the summary
    columns plus ``expected_purchases`` (in ``horizon`` months) and ``potential``.
    """
    from .clv import BetaGeo, GammaGamma, customer_lifetime_value, rfm_summary

    func = "ka_potential"
    horizon = _count(horizon, func=func, param="horizon", minimum=1)
    tx = check_table(transactions, func=func, name="transactions")
    check_columns(tx, [customer, date, amount], func=func)
    buy, _ = _purchases_mask(tx)
    s = rfm_summary(tx.loc[buy, [customer, date, amount]], customer=customer, date=date, amount=amount,
                    as_of=as_of, unit="W")
    bg = BetaGeo(penalizer).fit(s)
    gg = GammaGamma(gg_penalizer).fit(s)
    if candidates is not None:
        ids = pd.Index(candidates)
        missing = ids.difference(s.index)
        if len(missing):
            raise CRMDataError(f"{func}: {len(missing)} candidates have no purchase, e.g. {missing[0]!r}; "
                               f"drop them or check the ids")
        s = s.loc[ids]
    out = s.copy()
    out["expected_purchases"] = bg.expected_purchases(s, horizon * 365.25 / 12 / 7)
    out["potential"] = customer_lifetime_value(bg, gg, s, horizon=horizon, discount_rate=discount_rate,
                                               unit="W", margin=margin)
    return out


def concentration_risk(values: Any, *, top: int = 5, value: str | None = None) -> pd.Series:
    """Revenue concentration of accounts: top-k share, Herfindahl index, the largest account leaving.

    ``values`` is a Series of revenue per account (or a DataFrame with ``value=`` column). Returns a
    Series: ``n_accounts``, ``total``, ``top_share`` (share of the ``top`` largest), ``herfindahl``
    (sum of squared shares, 1/n for equal accounts, 1 for one account), ``equivalent_accounts``
    (1/Herfindahl), ``largest_account``, ``largest_share``, ``total_without_largest``.
    """
    func = "concentration_risk"
    top = _count(top, func=func, param="top", minimum=1)
    if isinstance(values, pd.DataFrame):
        if value is None:
            raise TypeError(f"{func}: a DataFrame needs value= naming the revenue column")
        check_columns(values, [value], func=func)
        values = values[value]
    if not isinstance(values, pd.Series):
        raise TypeError(f"{func}: values must be a pandas Series of revenue per account, found {type(values).__name__}")
    if values.empty:
        raise CRMDataError(f"{func}: values is empty; pass at least one account")
    v = _num(values.to_frame("v"), "v", func=func)
    if (v < 0).any():
        raise CRMDataError(f"{func}: values has {int((v < 0).sum())} negative revenues; "
                           f"concentration needs revenue >= 0 (clip net returns at 0)")
    tot = v.sum()
    if tot <= 0:
        raise CRMDataError(f"{func}: total revenue is 0; nothing to concentrate")
    sh = v / tot
    i = int(np.argmax(v))
    hhi = float((sh ** 2).sum())
    return pd.Series({
        "n_accounts": len(v), "total": tot,
        "top_share": float(np.sort(sh)[::-1][:top].sum()),
        "herfindahl": hhi, "equivalent_accounts": 1 / hhi,
        "largest_account": values.index[i], "largest_share": float(sh[i]),
        "total_without_largest": tot - v[i],
    }, name="concentration_risk", dtype=object)


# ---------------------------------------------------------------------------------------------
# Chapter 06
# ---------------------------------------------------------------------------------------------
class AccountCard:
    """HTML of a key-account information card; shows itself in a notebook."""

    def __init__(self, html_text: str, customer_id: Any):
        self.html = html_text
        self.customer_id = customer_id

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"AccountCard({self.customer_id!r})"


_CARD_FIELDS = [("company_name", "Company"), ("company_nature", "Nature"), ("industry", "Industry"),
                ("potential_project", "Possible project"), ("incumbent_supplier", "Incumbent supplier"),
                ("needs", "Needs"), ("cooperation_intent", "Cooperation intent"), ("address", "Address"),
                ("phone", "Phone"), ("email", "E-mail"), ("account_manager_id", "Account manager")]


def account_card(customer_id: Any, *, cards: pd.DataFrame, contacts: pd.DataFrame,
                 customer: str = "customer_id") -> AccountCard:
    """The key-account information card (大客户资料卡) of one customer as HTML.

    Basic profile from ``cards`` and the contact timeline from ``contacts`` (method, date, people,
    content, next step, promised call-back). Every text is escaped with :func:`html.escape`.
    """
    func = "account_card"
    cards = check_table(cards, func=func, name="cards")
    contacts = check_table(contacts, func=func, name="contacts", allow_empty=True)
    check_columns(cards, [customer], func=func, param="cards")
    check_columns(contacts, [customer], func=func, param="contacts")
    row = cards.loc[cards[customer] == customer_id]
    if row.empty:
        raise CRMDataError(f"{func}: customer_id {customer_id!r} has no card in cards; "
                           f"pick one of cards[{customer!r}], e.g. {cards[customer].iloc[0]!r}")
    r = row.iloc[0]
    e = lambda x: "" if x is None or (not isinstance(x, str) and pd.isna(x)) else html.escape(str(x))  # noqa: E731
    d = lambda x: "" if pd.isna(x) else pd.Timestamp(x).strftime("%Y-%m-%d")  # noqa: E731
    parts = ['<div class="crm-account-card" style="font-size:14px;max-width:1150px">',
             f"<b>大客户资料卡 · {e(r.get('company_name', customer_id))} ({e(customer_id)})</b>",
             '<div style="display:flex;gap:20px;align-items:flex-start">',
             '<table style="border-collapse:collapse;flex:0 0 38%">']
    for col, label in _CARD_FIELDS:
        if col in cards.columns and col != "company_name":
            parts.append(f"<tr><th style='text-align:left;padding-right:12px'>{e(label)}</th><td>{e(r[col])}</td></tr>")
    parts.append("</table>")
    c = contacts.loc[contacts[customer] == customer_id]
    if "contact_no" in c.columns:
        c = c.sort_values("contact_no")
    parts.append('<div style="flex:1"><b>Contact timeline</b><ol style="margin-top:4px">')
    for _, x in c.iterrows():
        parts.append(
            f"<li><b>{e(d(x.get('contact_date')))}</b> {e(x.get('method'))}: {e(x.get('our_person'))} → "
            f"{e(x.get('contacted_person'))} ({e(x.get('position'))}). {e(x.get('content'))}"
            f"<br><i>Next step:</i> {e(x.get('next_step_plan'))}"
            + (f" <i>Call-back promised by</i> {e(d(x.get('promised_callback_date')))}"
               if pd.notna(x.get("promised_callback_date", pd.NaT)) else "") + "</li>")
    parts.append("</ol></div></div></div>")
    return AccountCard("".join(parts), customer_id)


def overdue_followups(contacts: pd.DataFrame, *, as_of: Any, customer: str = "customer_id",
                      date: str = "contact_date", promised: str = "promised_callback_date") -> pd.DataFrame:
    """Promised call-backs that passed without a contact.

    A contact with a promise date before ``as_of`` is overdue when the same customer has no later
    contact up to ``as_of``. Returns those contact rows (input columns) plus ``days_overdue``
    (``as_of`` minus the promise date), most overdue first.
    """
    func = "overdue_followups"
    c = check_table(contacts, func=func, name="contacts", allow_empty=True)
    check_columns(c, [customer, date, promised], func=func)
    try:
        end = pd.Timestamp(as_of)
    except (TypeError, ValueError) as exc:
        raise CRMDataError(f"{func}: as_of must be a date, found {as_of!r}") from exc
    if pd.isna(end):
        raise CRMDataError(f"{func}: as_of must be a date, found {as_of!r}")
    d = pd.to_datetime(c[date])
    p = pd.to_datetime(c[promised])
    seen = d <= end
    last = d.where(seen).groupby(c[customer].to_numpy()).transform("max")
    is_last = seen & (d == last)
    mask = is_last & p.notna() & (p < end)
    out = c.loc[mask].copy()
    out["days_overdue"] = (end - p[mask]).dt.days.astype(int)
    return out.sort_values("days_overdue", ascending=False, kind="stable")


def managers_needed(n_key_accounts: int, n_small: int, *, small_per_manager: int = 5) -> int:
    """Account managers needed: one per important key account, small accounts shared.

    ``n_key_accounts + ceil(n_small / small_per_manager)`` (syllabus: 6 + 40/5 = 14).
    """
    func = "managers_needed"
    k = _count(n_key_accounts, func=func, param="n_key_accounts")
    s = _count(n_small, func=func, param="n_small")
    per = _count(small_per_manager, func=func, param="small_per_manager", minimum=1)
    return k + -(-s // per)


# care actions by type: (action, kind, month)
_CARE_RULES = {
    "strategic": [("seminar", 3), ("academic_symposium", 6), ("industry_study_tour", 9), ("training", 11)],
    "group": [("training", 4), ("exchange_meeting", 7), ("travel", 10)],
    "important": [("exchange_meeting", 5), ("seminar", 10)],
    "economic": [("exchange_meeting", 6)],
}
_PERSONAL_RULES = {"strategic": CARE_PERSONALISED, "important": ("hotline_7x24", "technical_support"),
                   "group": ("hotline_7x24", "needs_assessment"), "economic": ("hotline_7x24",)}
_COMMON_MONTHS = dict(zip(CARE_COMMON, (1, 4, 8, 12)))  # Spring Festival care, spring offer, club, year-end


def _care_template() -> pd.DataFrame:
    rows = []
    for t in KA_TYPES:
        for a in CARE_COMMON:
            rows.append((t, a, "common", _COMMON_MONTHS[a]))
        for a, m in _CARE_RULES[t]:
            rows.append((t, a, "group", m))
        for a in _PERSONAL_RULES[t]:
            rows.append((t, a, "personalised", 1))
    return pd.DataFrame(rows, columns=["ka_type", "action", "kind", "month"])


def care_plan(accounts: pd.DataFrame, *, year: int, customer: str = "customer_id",
              type_col: str = "ka_type") -> pd.DataFrame:
    """A calendar of care actions for each key account, by account type (the course's plan).

    Every type gets the four common actions (:data:`CARE_COMMON`) in January, April, August and
    December; group activities (:data:`CARE_GROUP`): strategic 4, group 3, important 2, economic 1;
    personalised measures (:data:`CARE_PERSONALISED`) from January: all four for strategic accounts,
    two for important and group accounts, the 7x24 hotline for economic ones.
    Returns one row per account and action: customer, ka_type, action, kind, date (first of the month).
    """
    func = "care_plan"
    year = _count(year, func=func, param="year", minimum=1900)
    a = check_table(accounts, func=func, name="accounts")
    check_columns(a, [customer, type_col], func=func)
    t = a[type_col].astype(str)
    bad = ~t.isin(KA_TYPES)
    if bad.any():
        raise CRMDataError(f"{func}: column {type_col!r} has {int(bad.sum())} values that are not key-account "
                           f"types, e.g. {t[bad].iloc[0]!r}; use one of {list(KA_TYPES)} (drop non-key accounts)")
    tpl = _care_template()
    left = pd.DataFrame({customer: a[customer].to_numpy(), "ka_type": t.to_numpy()})
    out = left.merge(tpl, on="ka_type", how="left")
    out["date"] = pd.to_datetime(dict(year=np.full(len(out), year), month=out.pop("month").to_numpy(),
                                      day=np.ones(len(out), int)))
    return out.sort_values([customer, "date", "kind"], kind="stable").reset_index(drop=True)


def account_stage(data: pd.DataFrame, *, share: str = "share", retention: str = "retention",
                  growth: str = "growth", min_share: float = 0.2, max_share: float = 0.5,
                  min_retention: float = 0.5, min_growth: float = 0.1) -> pd.DataFrame:
    """Dell's stages of a key account: acquisition, expansion or retention (获得/拓展/保持).

    From our share of the account's wallet, its retention rate and its sales growth. The source
    names the inputs, not the cut-offs; **these rules are the course's**:

    - ``acquisition`` — share < ``min_share`` or retention < ``min_retention`` (we still have to win it);
    - ``retention`` — share >= ``max_share`` and growth < ``min_growth`` (a mature account to keep);
    - ``expansion`` — everything else (room to grow our share, or still growing fast).
    """
    func = "account_stage"
    d = check_table(data, func=func, name="data")
    check_columns(d, [share, retention, growth], func=func)
    s = _num(d, share, func=func)
    r = _num(d, retention, func=func)
    g = _num(d, growth, func=func)
    if ((s < 0) | (s > 1)).any():
        raise CRMDataError(f"{func}: column {share!r} must be a share in [0, 1], found {s[(s < 0) | (s > 1)][0]}")
    stage = np.where((s < min_share) | (r < min_retention), "acquisition",
                     np.where((s >= max_share) & (g < min_growth), "retention", "expansion"))
    out = d.copy()
    out["stage"] = pd.Categorical(stage, categories=["acquisition", "expansion", "retention"])
    return out


def delivery_sla(orders: Any, *, max_days: int = 7, days: str = "delivery_days") -> pd.Series:
    """Share of orders delivered within ``max_days`` days of the order (Nippon Paint PAS: 7 days).

    ``orders`` is a DataFrame with a ``days`` column (or ``order_date`` and ``delivery_date``), or
    a sequence of delivery times in days. Returns ``n_orders``, ``on_time``, ``late``, ``attainment``.
    """
    func = "delivery_sla"
    max_days = _count(max_days, func=func, param="max_days", minimum=0)
    if isinstance(orders, pd.DataFrame):
        if days in orders.columns:
            v = _num(orders, days, func=func)
        elif {"order_date", "delivery_date"} <= set(orders.columns):
            v = (pd.to_datetime(orders["delivery_date"]) - pd.to_datetime(orders["order_date"])).dt.days
            if v.isna().any():
                raise CRMDataError(f"{func}: {int(v.isna().sum())} orders have no delivery_date; "
                                   f"drop undelivered orders or count them as late")
            v = v.to_numpy(float)
        else:
            raise CRMDataError(f"{func}: orders needs a {days!r} column or order_date and delivery_date; "
                               f"found {list(orders.columns)}")
    else:
        try:
            v = np.asarray(orders, dtype=float)
        except (TypeError, ValueError) as exc:
            raise TypeError(f"{func}: orders must be a DataFrame or numbers of days, found {type(orders).__name__}") from exc
        if v.ndim != 1 or np.isnan(v).any():
            raise CRMDataError(f"{func}: orders must be a flat list of delivery days without missing values")
    if len(v) == 0:
        raise CRMDataError(f"{func}: no orders; pass at least one")
    if (v < 0).any():
        raise CRMDataError(f"{func}: {int((v < 0).sum())} orders were delivered before they were placed; check the dates")
    on = int((v <= max_days).sum())
    return pd.Series({"n_orders": len(v), "on_time": on, "late": len(v) - on, "attainment": on / len(v)},
                     name="delivery_sla", dtype=object)


def service_tiers(values: pd.Series, *, cutoffs: tuple = (0.01, 0.05, 0.2),
                  labels: tuple = ("platinum", "gold", "silver", "standard"),
                  cost: tuple = (20000.0, 6000.0, 1500.0, 200.0)) -> pd.DataFrame:
    """Airline-style levels of service by account value, with the yearly cost to serve per tier.

    Accounts are ranked by value (largest first); the top ``cutoffs[0]`` share is the first tier
    (Air China's "platinum service" for the largest contract customers), up to ``cutoffs[1]`` the
    second, and so on; the rest get the last tier. Returns ``value``, ``tier``, ``service_cost``,
    ``net_value`` (value minus cost to serve) on the input index.
    """
    func = "service_tiers"
    if not isinstance(values, pd.Series):
        raise TypeError(f"{func}: values must be a pandas Series of value per account, found {type(values).__name__}")
    cut = list(cutoffs)
    if len(labels) != len(cut) + 1 or len(cost) != len(labels):
        raise CRMDataError(f"{func}: need one label and one cost per tier: {len(cut) + 1} tiers from "
                           f"{len(cut)} cutoffs, found {len(labels)} labels and {len(cost)} costs")
    if any(not (0 < c < 1) for c in cut) or any(b <= a for a, b in zip(cut, cut[1:])):
        raise CRMDataError(f"{func}: cutoffs must be increasing shares in (0, 1), found {cutoffs}")
    v = _num(values.to_frame("v"), "v", func=func)
    n = len(v)
    rank = (-v).argsort(kind="stable").argsort(kind="stable")
    bounds = np.ceil(np.array(cut) * n)
    tier = np.searchsorted(bounds, rank, side="right")
    out = pd.DataFrame({"value": v}, index=values.index)
    out["tier"] = pd.Categorical(np.asarray(labels, dtype=object)[tier], categories=list(labels))
    out["service_cost"] = np.asarray(cost, dtype=float)[tier]
    out["net_value"] = out["value"] - out["service_cost"]
    return out


#: BMW's 2012 winter care campaign ("悦行冬季, 一路温馨"), as stated in the source.
BMW_2012 = {"start": "2012-11-15", "end": "2012-12-15", "checks": 30, "calendar_min_spend": 1000.0}


def bmw_campaign(visit_date: Any, spend: float, tyre_change: bool = False) -> list[str]:
    """What a visit earns in BMW's 2012 winter care campaign (15 Nov - 15 Dec 2012).

    Inside the window: 30 free winter checks; any spend, a New Year gift pack; spend >= CNY 1,000,
    also the 2013 after-sales desk calendar; a tyre change, a free tyre-pressure gauge. Outside the
    window: nothing (an empty list).
    """
    func = "bmw_campaign"
    try:
        d = pd.Timestamp(visit_date)
    except (TypeError, ValueError) as exc:
        raise CRMDataError(f"{func}: visit_date must be a date, found {visit_date!r}") from exc
    if isinstance(spend, bool) or not isinstance(spend, (int, float)) or spend < 0:
        raise CRMDataError(f"{func}: spend must be a number >= 0 (CNY), found {spend!r}")
    if not (pd.Timestamp(BMW_2012["start"]) <= d <= pd.Timestamp(BMW_2012["end"])):
        return []
    got = [f"{BMW_2012['checks']} free winter checks"]
    if spend > 0:
        got.append("BMW New Year gift pack")
    if spend >= BMW_2012["calendar_min_spend"]:
        got.append("2013 BMW after-sales desk calendar")
    if tyre_change:
        got.append("tyre-pressure gauge")
    return got


# ---------------------------------------------------------------------------------------------
# the small rules of the cases (Chapters 05 and 06)
# ---------------------------------------------------------------------------------------------
def _amounts(values: Any, *, func: str, param: str) -> pd.Series:
    if isinstance(values, (str, bytes)) or isinstance(values, bool):
        raise TypeError(f"{func}: {param} must be numbers (a list or Series), found {type(values).__name__}")
    if isinstance(values, (int, float, np.integer, np.floating)):
        values = [values]
    if isinstance(values, pd.Series):
        s = values.copy()
    elif isinstance(values, np.ndarray):
        s = pd.Series(values)
    else:
        s = pd.Series(list(values), dtype=object)
    try:
        v = pd.to_numeric(s, errors="raise").astype(float)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{func}: {param} must be numbers, found {s.tolist()[:3]!r}...") from exc
    if v.isna().any() or (v < 0).any():
        raise CRMDataError(f"{func}: {param} must be amounts >= 0 without missing values; "
                           f"found {v[v.isna() | (v < 0)].tolist()[:3]}")
    return v


def fee_applies(balances: Any, *, min_balance: float = 5000.0) -> pd.Series:
    """Citibank Puxi branch's rule: a management fee on deposits **below** ``min_balance`` (US$5,000).

    ``balances`` is a number, a list or a Series of balances in US$. Returns a boolean Series (on the
    Series' index, else 0..n-1): True where the fee applies. A balance of exactly 5,000 pays no fee.

    >>> fee_applies([3000, 4999, 8000]).tolist()
    [True, True, False]
    """
    v = _amounts(balances, func="fee_applies", param="balances")
    return (v < float(min_balance)).rename("fee_applies")


def distributor_eligible(deposits: Any, *, min_deposit: float = 6_000_000.0) -> pd.Series:
    """P&G's distributor benchmark: a deposit of at least ``min_deposit`` (CNY 6 million) to enter the tender.

    Returns a boolean Series: True where the distributor may take part (deposit >= the benchmark).

    >>> distributor_eligible([4.5e6, 6.0e6, 7.2e6]).tolist()
    [False, True, True]
    """
    v = _amounts(deposits, func="distributor_eligible", param="deposits")
    return (v >= float(min_deposit)).rename("distributor_eligible")


def coverage_ratio(n_accounts: int, *, n_reps: int, n_execs: int = 0) -> pd.Series:
    """Staffing of key accounts (Xerox: 250 representatives and 250 executives for 250 accounts).

    Returns ``people`` (representatives + executives), ``people_per_account`` and
    ``accounts_per_rep``.

    >>> float(coverage_ratio(250, n_reps=250, n_execs=250)["people_per_account"])
    2.0
    """
    func = "coverage_ratio"
    a = _count(n_accounts, func=func, param="n_accounts", minimum=1)
    r = _count(n_reps, func=func, param="n_reps", minimum=0)
    e = _count(n_execs, func=func, param="n_execs", minimum=0)
    return pd.Series({"people": float(r + e), "people_per_account": (r + e) / a,
                      "accounts_per_rep": a / r if r else float("inf")}, name="coverage_ratio")


#: CITIC Bank's co-branded cards and "Cloud Reading" (中信信用卡, 云端阅读), as dated in the source.
CITIC_MILESTONES = pd.DataFrame({
    "date": pd.to_datetime(["2006-03-28", "2009-05-08", "2010-10-29", "2011-04-22"]),
    "event": ["CITIC-Air China co-branded card", "CITIC-Xiamen Airlines 'direct flight' cross-Strait card "
              "(first in China)", "CITIC Air China Zhiyin World card (first with the Star Alliance gold label)",
              "'Cloud Reading' launched at Beijing Capital Airport"],
})


def days_between(start: Any, end: Any) -> int:
    """Whole days from ``start`` to ``end`` (negative when ``end`` comes first).

    >>> days_between("2006-03-28", "2010-10-29")
    1676
    """
    func = "days_between"
    try:
        a, b = pd.Timestamp(start), pd.Timestamp(end)
    except (TypeError, ValueError) as exc:
        raise CRMDataError(f"{func}: start and end must be dates, found {start!r} and {end!r}") from exc
    if pd.isna(a) or pd.isna(b):
        raise CRMDataError(f"{func}: start and end must be dates, found {start!r} and {end!r}")
    return int((b.normalize() - a.normalize()).days)
