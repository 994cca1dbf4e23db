"""Chapter 9 plants in the course data: slowdowns before churn in `transactions`.

A few steady customers slow down before they stop: from their slowdown start they order less often
(about one order in two is kept) and buy less per order (only the smallest line, at about a fifth of its quantity), and after their
last order they buy nothing more.  The slowdown start is recorded in ``customers.slowdown_start``
so that `crmlearn.retention.early_warning` can be checked for precision and recall.

Drawn from its own stream ``np.random.default_rng([SEED, 9])`` so that nothing else in the
generator moves when it changes.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

N_PLANTED = 20
KEEP_ORDER = 0.6
SHRINK = 0.2


def plant_slowdowns(seed: int, tx: pd.DataFrame, lat: dict, n_customers: int, n_days: int):
    """Return (transactions with the slowdowns, slowdown start day per customer or -1)."""
    rng = np.random.default_rng([seed, 9])
    start = np.full(n_customers, -1, dtype=np.int64)
    buy = tx[~tx["is_return"].to_numpy() & (tx["order_type"].to_numpy() == "regular")]
    per = buy.drop_duplicates("_order").groupby("_cust")["_day"]
    n2023 = buy[buy["_day"] < 365].drop_duplicates("_order").groupby("_cust").size()
    last = per.max()
    ok = pd.DataFrame({"n2023": n2023, "last": last}).fillna(0)
    steady = ((ok["n2023"] >= 18) & (ok["n2023"] <= 60) & (ok["last"] >= n_days - 20)).to_numpy()
    big_lines = (buy.groupby("_cust")["quantity"].median() >= 8).reindex(ok.index, fill_value=False).to_numpy()
    cand = ok.index.to_numpy()[steady & big_lines]
    cand = cand[(lat["switch_day"][cand] > n_days) & ~lat["declining"][cand] & ~lat["churner"][cand]]
    chosen = np.sort(rng.choice(cand, size=min(N_PLANTED, len(cand)), replace=False))
    s0 = rng.integers(430, 480, len(chosen))            # 2024-03-06 .. 2024-04-24
    s1 = np.minimum(s0 + rng.integers(190, 250, len(chosen)), n_days - 3)
    start[chosen] = s0

    orders = tx[["_order", "_cust", "_day"]].drop_duplicates("_order")
    o_s0 = np.full(n_customers, n_days + 1)
    o_s1 = np.full(n_customers, n_days + 1)
    o_s0[chosen], o_s1[chosen] = s0, s1
    oc, od = orders["_cust"].to_numpy(), orders["_day"].to_numpy()
    in_slow = (od >= o_s0[oc]) & (od <= o_s1[oc])
    after = od > o_s1[oc]
    keep = ~after & (~in_slow | (rng.random(len(orders)) < KEEP_ORDER))
    kept_orders = orders["_order"].to_numpy()[keep]
    slow_orders = orders["_order"].to_numpy()[in_slow & keep]

    out = tx[np.isin(tx["_order"].to_numpy(), kept_orders)].copy()
    # a slowed order is smaller: only its smallest line stays, at about a fifth of its quantity;
    # its returns are dropped
    slow = np.isin(out["_order"].to_numpy(), slow_orders)
    out = out[~(slow & out["is_return"].to_numpy())].copy()
    slow = np.isin(out["_order"].to_numpy(), slow_orders)
    smallest = out["amount"].to_numpy() == out.groupby("_order")["amount"].transform("min").to_numpy()
    first_small = smallest & ~pd.Series(smallest & slow).groupby(out["_order"].to_numpy()).cumsum().gt(1).to_numpy()
    out = out[~slow | first_small].copy()
    slow = np.isin(out["_order"].to_numpy(), slow_orders) & (out["quantity"].to_numpy() > 0)
    q = out["quantity"].to_numpy()
    q_new = np.where(slow, np.maximum(1, np.round(q * SHRINK)).astype(q.dtype), q)
    ratio = np.where(q > 0, q_new / np.maximum(q, 1), 1.0)
    out["quantity"] = q_new
    out["amount"] = np.where(slow, np.round(q_new * out["unit_price"].to_numpy() * (1 - out["discount"].to_numpy()), 2),
                             out["amount"].to_numpy())
    out["cost"] = np.where(slow, np.round(out["cost"].to_numpy() * ratio, 2), out["cost"].to_numpy())
    return out.reset_index(drop=True), start
