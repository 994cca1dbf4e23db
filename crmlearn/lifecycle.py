"""CRM foundations (客户关系管理基础): the customer lifecycle, revenue at risk, ARPU.

Functions for chapter 1:

- :func:`lifecycle_stage`: acquisition, growth, maturity, decline or lost per customer;
- :func:`revenue_at_risk`: revenue whose only relationship owner is one account manager;
- :func:`arpu_change`: ARPU growth from subscriber and revenue growth (增量不增收 flag);
- :func:`package_uplift` (extension): revenue from adding services to an existing line.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ._validation import CRMDataError, check_columns, check_table

__all__ = ["lifecycle_stage", "lifecycle_mix", "revenue_at_risk", "arpu_change", "package_uplift", "STAGES"]

STAGES = ("acquisition", "growth", "maturity", "decline", "lost")


def _as_of(as_of: Any, func: str) -> pd.Timestamp:
    try:
        ts = pd.Timestamp(as_of)
    except (TypeError, ValueError):
        ts = pd.NaT
    if pd.isna(ts):
        raise CRMDataError(f"{func}: as_of must be a date, got {as_of!r}. Pass e.g. as_of='2024-12-31'.")
    return ts


def lifecycle_stage(transactions: pd.DataFrame, *, as_of: Any, customer: str = "customer_id",
                    date: str = "order_date", amount: str = "amount", window_days: int = 365,
                    min_change: float = 0.25, customers: pd.DataFrame | None = None,
                    first_order: str = "first_order_date") -> pd.DataFrame:
    """Lifecycle stage per customer, from purchases up to ``as_of``.

    Rule (in this order): ``lost`` if no purchase in the last ``window_days``;
    ``acquisition`` if the first purchase is within the last ``window_days``;
    otherwise compare the revenue of the last window with the window before:
    ``growth`` if it rose by more than ``min_change`` (25%: B2B revenue swings a lot from year to
    year, so a narrower band would call almost no customer mature), ``decline`` if it fell by
    more than ``min_change``, else ``maturity``.

    The data start (the earliest date in ``transactions``): both windows must lie inside
    the data, or "growth" would only mean "the window before was not observed"; an
    ``as_of`` earlier than data start + 2 windows raises an error naming the earliest
    possible cut-off. A customer's first purchase in the data is not its first order
    when it bought before the data start: pass ``customers`` with its first-order
    column ``first_order`` (the course's ``customers.first_order_date``) and the earlier of
    the two dates is used, so a long-standing customer is not called "acquisition".

    Returns one row per customer (index = customer) with ``first_purchase``,
    ``last_purchase``, ``revenue_last``, ``revenue_before``, ``stage`` (ordered categorical).

    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "B", "C", "C", "D"],
    ...     "order_date": pd.to_datetime(["2023-03-01", "2024-03-01", "2024-06-01", "2023-02-01", "2024-02-01", "2022-01-01"]),
    ...     "amount": [100.0, 200.0, 50.0, 100.0, 50.0, 10.0]})
    >>> lifecycle_stage(tx, as_of="2024-12-31")["stage"].tolist()
    ['growth', 'acquisition', 'decline', 'lost']
    """
    func = "lifecycle_stage"
    tx = check_table(transactions, func=func, name="transactions")
    check_columns(tx, [customer], func=func, param="customer")
    check_columns(tx, [date], func=func, param="date")
    check_columns(tx, [amount], func=func, param="amount")
    ts = _as_of(as_of, func)
    if not pd.api.types.is_numeric_dtype(tx[amount]):
        raise TypeError(f"{func}: column {amount!r} must be numeric, found {tx[amount].dtype}. Convert it with pd.to_numeric.")
    d = pd.to_datetime(tx[date], errors="coerce")
    if d.isna().any():
        raise CRMDataError(f"{func}: {int(d.isna().sum())} rows have a missing or unreadable {date!r}. Drop or fix them first.")
    if isinstance(window_days, bool) or not isinstance(window_days, (int, np.integer)) or window_days < 1:
        raise CRMDataError(f"{func}: window_days must be a whole number of days >= 1, got {window_days!r}.")
    keep = d <= ts
    t = pd.DataFrame({"c": tx[customer].to_numpy(), "d": d.to_numpy(), "a": tx[amount].to_numpy()})[keep.to_numpy()]
    if t.empty:
        raise CRMDataError(f"{func}: no purchases on or before as_of={ts.date()}. Pass a later as_of.")
    w = pd.Timedelta(days=window_days)
    start = d.min()
    if ts - 2 * w < start - pd.Timedelta(days=1):
        earliest = (start + 2 * w - pd.Timedelta(days=1)).date()
        raise CRMDataError(f"{func}: the data start on {start.date()}, so with window_days={window_days} the window "
                           f"before as_of={ts.date()} is not fully observed. Pass as_of >= {earliest} or a "
                           "shorter window_days.")
    g = t.groupby("c", sort=True)
    out = pd.DataFrame({"first_purchase": g["d"].min(), "last_purchase": g["d"].max()})
    if customers is not None:
        cu = check_table(customers, func=func, name="customers")
        check_columns(cu, [customer], func=func, param="customer")
        check_columns(cu, [first_order], func=func, param="first_order")
        first = pd.to_datetime(cu.drop_duplicates(customer).set_index(customer)[first_order], errors="coerce")
        out["first_purchase"] = np.fmin(out["first_purchase"], first.reindex(out.index)).astype(out["last_purchase"].dtype)
    last = t["d"] > ts - w
    before = (t["d"] > ts - 2 * w) & ~last
    out["revenue_last"] = t[last].groupby("c")["a"].sum().reindex(out.index, fill_value=0.0)
    out["revenue_before"] = t[before].groupby("c")["a"].sum().reindex(out.index, fill_value=0.0)
    ratio = out["revenue_last"] / out["revenue_before"].where(out["revenue_before"] > 0)
    stage = np.select(
        [out["last_purchase"] <= ts - w, out["first_purchase"] > ts - w,
         (ratio > 1 + min_change) | out["revenue_before"].le(0), ratio < 1 - min_change],
        ["lost", "acquisition", "growth", "decline"], default="maturity")
    out["stage"] = pd.Categorical(stage, categories=list(STAGES), ordered=True)
    out.index.name = customer
    return out


def lifecycle_mix(transactions: pd.DataFrame, *, cutoffs: Any, normalize: bool = True, **kwargs: Any) -> pd.DataFrame:
    """The stage mix at each cut-off: one row per cut-off, one column per stage (shares, or counts).

    ``kwargs`` go to :func:`lifecycle_stage` (``window_days``, ``customers``, ...).

    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "B"], "amount": [1.0, 2.0, 1.0],
    ...     "order_date": pd.to_datetime(["2023-01-01", "2024-06-01", "2024-07-01"])})
    >>> lifecycle_mix(tx, cutoffs=["2024-12-31"], normalize=False).iloc[0].tolist()
    [1, 1, 0, 0, 0]
    """
    if isinstance(cutoffs, (str, pd.Timestamp)) or not hasattr(cutoffs, "__iter__"):
        raise TypeError(f"lifecycle_mix: cutoffs must be a list of dates, got {type(cutoffs).__name__}.")
    rows = {}
    for c in cutoffs:
        ts = _as_of(c, "lifecycle_mix")
        st = lifecycle_stage(transactions, as_of=ts, **kwargs)["stage"]
        rows[ts.date().isoformat()] = st.value_counts(normalize=normalize, sort=False).reindex(list(STAGES), fill_value=0)
    if not rows:
        raise CRMDataError("lifecycle_mix: cutoffs is empty; pass at least one date.")
    out = pd.DataFrame(rows).T
    out.index.name = "as_of"
    out.columns.name = "stage"
    return out


def revenue_at_risk(transactions: pd.DataFrame, customers: pd.DataFrame, *, owner: str = "account_manager_id",
                    customer: str = "customer_id", amount: str = "amount") -> pd.DataFrame:
    """Revenue per relationship owner: what leaves with that person if the customer relationship is theirs alone.

    Every customer in ``customers`` has one owner (``owner``); its revenue in
    ``transactions`` is at risk if that owner leaves. Customers without an owner
    are shown as ``"(none)"`` so no revenue is lost from the table.
    Returns one row per owner (sorted by revenue, largest first) with
    ``customers``, ``revenue`` and ``share`` of all revenue.

    >>> tx = pd.DataFrame({"customer_id": ["A", "B", "C"], "amount": [60.0, 30.0, 10.0]})
    >>> cu = pd.DataFrame({"customer_id": ["A", "B", "C"], "account_manager_id": ["AM1", "AM2", "AM1"]})
    >>> revenue_at_risk(tx, cu)["share"].tolist()
    [0.7, 0.3]
    """
    func = "revenue_at_risk"
    tx = check_table(transactions, func=func, name="transactions")
    cu = check_table(customers, func=func, name="customers")
    check_columns(tx, [customer], func=func, param="customer")
    check_columns(tx, [amount], func=func, param="amount")
    check_columns(cu, [customer], func=func, param="customer")
    check_columns(cu, [owner], func=func, param="owner")
    if cu[customer].duplicated().any():
        raise CRMDataError(f"{func}: customers has {int(cu[customer].duplicated().sum())} repeated {customer!r} values; "
                           "each customer needs exactly one owner row.")
    rev = tx.groupby(customer)[amount].sum()
    own = cu.set_index(customer)[owner].astype("string").fillna("(none)")
    missing = ~rev.index.isin(own.index)
    if missing.any():
        raise CRMDataError(f"{func}: {int(missing.sum())} customers in transactions are not in customers "
                           f"(first: {rev.index[missing][0]}). Pass the full customer table.")
    df = pd.DataFrame({"owner": own.reindex(rev.index).to_numpy(), "revenue": rev.to_numpy()})
    out = df.groupby("owner").agg(customers=("revenue", "size"), revenue=("revenue", "sum"))
    total = out["revenue"].sum()
    out["share"] = (out["revenue"] / total).round(6) if total else 0.0
    out.index.name = owner
    return out.sort_values("revenue", ascending=False)


def arpu_change(subscriber_growth: float, revenue_growth: float) -> pd.Series:
    """ARPU growth implied by subscriber and revenue growth, and the 增量不增收 flag.

    ARPU = revenue / subscribers, so ARPU growth = (1 + revenue growth) / (1 + subscriber growth) - 1.
    ``volume_without_revenue`` is True when subscribers grow faster than revenue
    (more users, lower revenue per user).

    >>> r = arpu_change(0.2, 0.05)
    >>> round(r["arpu_growth"], 4), r["volume_without_revenue"]
    (-0.125, True)
    """
    func = "arpu_change"
    for nm, v in (("subscriber_growth", subscriber_growth), ("revenue_growth", revenue_growth)):
        if isinstance(v, bool) or not isinstance(v, (int, float, np.number)):
            raise TypeError(f"{func}: {nm} must be a number (0.1 = 10%), got {type(v).__name__}.")
        if v <= -1:
            raise CRMDataError(f"{func}: {nm} must be above -1 (-100%), got {v}.")
    arpu = (1 + revenue_growth) / (1 + subscriber_growth) - 1
    return pd.Series({"subscriber_growth": float(subscriber_growth), "revenue_growth": float(revenue_growth),
                      "arpu_growth": float(arpu), "volume_without_revenue": bool(subscriber_growth > revenue_growth)},
                     dtype=object)


def package_uplift(subscribers: pd.DataFrame, *, services: str = "value_added_services", fee: str = "monthly_fee_cny",
                   price_per_service: float = 10.0, add: int = 1, take_up: float = 0.2) -> pd.Series:
    """Extension: monthly revenue from adding ``add`` services to existing lines.

    Assumes a share ``take_up`` of subscribers accepts, each paying
    ``price_per_service`` per added service per month. Returns current revenue,
    added revenue and the uplift share.
    """
    func = "package_uplift"
    s = check_table(subscribers, func=func, name="subscribers")
    check_columns(s, [services], func=func, param="services")
    check_columns(s, [fee], func=func, param="fee")
    if not 0 <= take_up <= 1:
        raise CRMDataError(f"{func}: take_up must be a share from 0 to 1, got {take_up!r}.")
    if price_per_service < 0 or add < 0:
        raise CRMDataError(f"{func}: price_per_service and add must be >= 0, got {price_per_service!r} and {add!r}.")
    current = float(s[fee].sum())
    added = float(len(s) * take_up * add * price_per_service)
    return pd.Series({"current_revenue": current, "added_revenue": added,
                      "uplift": added / current if current else np.nan})
