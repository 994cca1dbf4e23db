"""Look-alike key accounts for Chapter 05 (小思考7-1), planted after the fact.

Applied to the finished tables of :mod:`crmlearn.datasets.generate`, from its OWN random stream
(``np.random.default_rng([SEED, 5])``), so nothing else in the generator moves:

- ``one_off_group_buyer``: the business customers the generator already gave one bulk ``group_buy``
  order (nothing is changed, they are only recorded);
- ``volume_without_profit``: 10 frequent non-key-account organisations whose goods now cost 99% of the
  price (1% gross margin, below their cost to serve);
- ``squeezer`` (扒皮大户): 10 other non-key-account organisations that get a 25% discount on every
  line (from a higher list price: what they pay is unchanged) and pay every invoice 45 days after the due date.

The generator's hidden "lead" tier (very price sensitive, 30-38% discount, about 13% of lines returned,
slow payers) is exploitative by construction, so its non-key-account organisations are recorded as
``squeezer`` too.

The truth is the column ``customers.planted_lookalike`` ("none" for everyone else); tests check that
:func:`crmlearn.accounts.ka_screen` finds these customers.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

N_VOLUME = 10
N_SQUEEZER = 10


def plant(tables: dict, seed: int, tier: pd.Series | None = None) -> dict:
    """The tables with the look-alikes planted (new DataFrames; the input is not changed)."""
    rng = np.random.default_rng([seed, 5])
    cust = tables["customers"].copy()
    tx = tables["transactions"].copy()
    pay = tables["payments"].copy()
    group = tx.loc[tx["order_type"] == "group_buy", "customer_id"].unique()
    buy = tx[~tx["is_return"] & (tx["tender_result"] != "lost")]
    n_orders = buy.groupby("customer_id")["order_id"].nunique()
    c = cust.set_index("customer_id")
    pool = c.index[(c["customer_kind"] == "organisation") & ~c["is_key_account"].astype(bool)
                   & (c["nature_type"] != "internal") & ~c.index.isin(group)]
    freq = n_orders.reindex(pool).fillna(0)
    frequent = np.sort(freq.index[freq >= freq.quantile(0.8)].to_numpy())
    chosen = rng.choice(frequent, N_VOLUME + N_SQUEEZER, replace=False)
    volume, squeeze = np.sort(chosen[:N_VOLUME]), np.sort(chosen[N_VOLUME:])

    m = tx["customer_id"].isin(volume).to_numpy()
    tx.loc[m, "cost"] = (tx.loc[m, "amount"] * 0.99).round(2)
    s = tx["customer_id"].isin(squeeze).to_numpy() & (tx["quantity"] != 0).to_numpy()
    # same amounts paid (so share of wallet is unchanged), from a list price a 25% discount away
    tx.loc[s, "discount"] = 0.25
    tx.loc[s, "unit_price"] = (tx.loc[s, "amount"] / (tx.loc[s, "quantity"] * 0.75)).round(6)
    p = pay["customer_id"].isin(squeeze).to_numpy() & pay["payment_date"].notna().to_numpy()
    pay.loc[p, "payment_date"] = pay.loc[p, "due_date"] + pd.Timedelta(days=45)
    pay.loc[p, "days_to_pay"] = (pay.loc[p, "payment_date"] - pay.loc[p, "invoice_date"]).dt.days

    truth = np.full(len(cust), "none", dtype=object)
    ids = cust["customer_id"].to_numpy()
    if tier is not None:  # the generator's lead-tier organisations squeeze by construction (discounts, returns, slow pay)
        lead = tier.reindex(ids).to_numpy() == "lead"
        org = cust["customer_kind"].to_numpy() == "organisation"
        truth[lead & org & ~cust["is_key_account"].to_numpy(dtype=bool)] = "squeezer"
    truth[np.isin(ids, group)] = "one_off_group_buyer"
    truth[np.isin(ids, volume)] = "volume_without_profit"
    truth[np.isin(ids, squeeze)] = "squeezer"
    cust["planted_lookalike"] = truth
    return {**tables, "customers": cust, "transactions": tx, "payments": pay}
