"""Look-alike key accounts for Chapter 05 (小思考7-1), planted after the fact.

Applied to the finished tables of :mod:`crmlearn.datasets.generate`, from its OWN random stream
(``np.random.default_rng([SEED, 5])``), so nothing else in the generator moves:

- ``one_off_group_buyer``: the business customers the generator already gave one bulk ``group_buy``
  order (nothing is changed, they are only recorded);
- ``volume_without_profit``: 10 frequent non-key-account organisations whose goods now cost 99% of the
  price (1% gross margin, below their cost to serve);
- ``squeezer`` (扒皮大户): up to 10 other frequent non-key-account organisations that already get
  a mean discount of 25% or more, now paying every invoice 45 days after the due date.

The generator's hidden "lead" tier (very price sensitive, 30-38% discount, about 13% of lines returned,
slow payers) squeezes by construction, but a squeezer is a *big* buyer (扒皮**大户**: one that could pass
for a key account). So only its non-key-account organisations that are big buyers (orders in the top
quartile of all buying customers, the rule ``ka_screen`` applies to volume too) are recorded as
``squeezer``; a small lead-tier organisation haggles but would never be mistaken for a key account.

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
    if tier is not None:
        pool = pool[tier.reindex(pool).to_numpy() != "lead"]  # lead organisations already squeeze
    freq = n_orders.reindex(pool).fillna(0)
    frequent = np.sort(freq.index[freq >= freq.quantile(0.8)].to_numpy())
    disc = buy.groupby("customer_id")["discount"].mean().reindex(frequent)
    haggler = np.sort(disc.index[disc >= 0.25].to_numpy())          # heavy discounts already
    squeeze = np.sort(rng.choice(haggler, min(N_SQUEEZER, len(haggler)), replace=False))
    rest = np.setdiff1d(frequent, squeeze)
    volume = np.sort(rng.choice(rest, N_VOLUME, replace=False))

    m = tx["customer_id"].isin(volume).to_numpy()
    tx.loc[m, "cost"] = (tx.loc[m, "amount"] * 0.99).round(2)
    p = pay["customer_id"].isin(squeeze).to_numpy() & pay["payment_date"].notna().to_numpy()
    pay.loc[p, "payment_date"] = pay.loc[p, "due_date"] + pd.Timedelta(days=45)
    pay.loc[p, "days_to_pay"] = (pay.loc[p, "payment_date"] - pay.loc[p, "invoice_date"]).dt.days

    truth = np.full(len(cust), "none", dtype=object)
    ids = cust["customer_id"].to_numpy()
    if tier is not None:  # the generator's lead-tier organisations squeeze by construction (discounts, returns, slow pay)
        lead = tier.reindex(ids).to_numpy() == "lead"
        org = cust["customer_kind"].to_numpy() == "organisation"
        big = n_orders.reindex(ids).fillna(0).to_numpy() >= n_orders.quantile(0.75)  # 大户: a big buyer
        truth[lead & org & big & ~cust["is_key_account"].to_numpy(dtype=bool)] = "squeezer"
    truth[np.isin(ids, group)] = "one_off_group_buyer"
    truth[np.isin(ids, volume)] = "volume_without_profit"
    truth[np.isin(ids, squeeze)] = "squeezer"
    cust["planted_lookalike"] = truth
    cards, kcon = _shanghai_tobacco(cust, tables["ka_cards"], tables["ka_contacts"])
    return {**tables, "customers": cust, "transactions": tx, "payments": pay, "ka_cards": cards, "ka_contacts": kcon}


#: The textbook's key-account information card (上海烟草工业印刷厂), given to a Shanghai key account
#: whose generated log already has three contacts (phone, visit, visit): dates and methods are kept
#: (they are also in `contacts`), the text is the source's.
TOBACCO_ID = "C00415"
TOBACCO_NAME = "上海烟草工业印刷厂"
_TOBACCO_CONTACTS = [
    ("唐军", "office director", "Phone call to office director Tang Jun (唐军) about assessment (testing) software; "
     "meeting set for next week.", "Prepare the visit.", 0),
    ("唐军", "office director", "Visit: the customer uses company X's talent-assessment software and wants a "
     "cheaper supplier with faster service.", "Send a proposal.", 0),
    ("唐军", "office director", "Proposal handed over; feedback 'looks good'; will discuss it with the HR director "
     "and call back within two weeks.", "Wait for the call back; call again if none within two weeks.", 14),
]


def _shanghai_tobacco(cust, cards, kcon):
    cards, kcon = cards.copy(), kcon.copy()
    rc = cards["customer_id"] == TOBACCO_ID
    rk = (kcon["customer_id"] == TOBACCO_ID).to_numpy()
    if rc.sum() != 1 or rk.sum() != 3:  # pragma: no cover - the generator changed
        raise RuntimeError("generator: the Shanghai Tobacco card needs a key account with three contacts")
    cust.loc[cust["customer_id"] == TOBACCO_ID, "name"] = TOBACCO_NAME
    cards.loc[rc, ["company_name", "company_nature", "industry", "potential_project", "incumbent_supplier",
                   "needs", "email", "website"]] = [TOBACCO_NAME, "state_owned", "manufacturing", "assessment software", "X公司",
                                                  "lower price, faster service", "office@shtobacco-print.com.cn",
                                                  "www.shtobacco-print.com.cn"]
    idx = np.flatnonzero(rk)
    for i, (who, pos, text, plan, days) in zip(idx, _TOBACCO_CONTACTS):
        kcon.loc[kcon.index[i], ["contacted_person", "content", "next_step_plan"]] = [who, text, plan]
        kcon.loc[kcon.index[i], "position"] = pos
        d = kcon.loc[kcon.index[i], "contact_date"]
        kcon.loc[kcon.index[i], "promised_callback_date"] = d + pd.Timedelta(days=days) if days else pd.NaT
    return cards, kcon
