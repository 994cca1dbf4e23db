"""Chapter 03 plants in the course data: a mystery-shopper table and multi-threaded key accounts.

Applied to the finished tables of :mod:`crmlearn.datasets.generate`, from its OWN random stream
(``np.random.default_rng([SEED, 3])``), so nothing else in the generator moves:

- ``mystery_shopper`` (new table): Huaxin's own service centre and five competitors, each phoned
  under the source's scripted scenarios (8-10, 神秘客户); one competitor was only called under
  6 scenarios, so :func:`crmlearn.idic.mystery_shopper_score` has a plan to flag.
- ``ka_contacts``: the generator meets one or two people per key account. About 40% of the key
  accounts with four or more card entries now meet a new person from the third entry on (another
  position in the same company), so they reach three or more named contacts (多线联系) and
  :func:`crmlearn.idic.contacts_per_company` separates them from the single-threaded rest. The
  contact log (``contacts.counterpart_title``) is updated for the same entries. The Shanghai
  Tobacco printing factory card (C00415, the textbook's example) is left as it is.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

#: The scripted mystery-shopper scenarios (the source asks for 8-10 of them).
SCENARIOS = ["price inquiry", "toner out of stock", "printer repair request", "invoice error", "new office set-up",
             "after-hours call", "voice-menu navigation", "late delivery complaint", "product comparison",
             "cancel a contract"]
#: Who was phoned: our own service centre first, then the competitors of the course vocabulary.
SHOPPED = ["Huaxin (own service centre)", "Company X", "金帆办公", "远景办公设备", "博众文仪", "晨曦办公服务"]
#: Mean score (1-5) of each, and how many scenarios were run (晨曦办公服务: a short plan).
_MEANS = [3.5, 3.9, 3.3, 3.7, 2.9, 3.4]
_N_SCENARIOS = [10, 9, 10, 8, 9, 6]
KEEP_CARD = "C00415"          # the textbook's example card stays untouched
SHARE_MULTI = 0.4             # share of the eligible key accounts that become multi-threaded


def mystery_shopper(rng) -> pd.DataFrame:
    rows = []
    for who, mean, k in zip(SHOPPED, _MEANS, _N_SCENARIOS):
        chosen = sorted(rng.choice(len(SCENARIOS), k, replace=False))
        day = np.sort(rng.choice(np.arange(0, 28), k, replace=False))
        score = np.clip(np.round(rng.normal(mean, 0.8, k)), 1, 5).astype(int)
        wait = np.round(rng.lognormal(np.log(60 + 25 * (5 - mean)), 0.5, k)).astype(int)
        for s, d, sc, w in zip(chosen, day, score, wait):
            rows.append({"competitor": who, "scenario": SCENARIOS[s],
                         "call_date": pd.Timestamp("2024-11-04") + pd.Timedelta(days=int(d)),
                         "score": int(sc), "wait_seconds": int(w)})
    return pd.DataFrame(rows)


def _multi_thread(rng, kcon: pd.DataFrame, contacts: pd.DataFrame, positions: list[str]):
    from .generate import _person_names

    kc = kcon.copy()
    con = contacts.copy()
    n = kc.groupby("customer_id").size()
    eligible = np.sort(n.index[(n >= 4) & (n.index != KEEP_CARD)].to_numpy())
    chosen = np.sort(rng.choice(eligible, int(round(SHARE_MULTI * len(eligible))), replace=False))
    rows = np.flatnonzero(kc["customer_id"].isin(chosen).to_numpy() & (kc["contact_no"].to_numpy() >= 3))
    names, _ = _person_names(rng, len(rows))
    new_pos = kc["position"].astype(object).to_numpy().copy()
    new_name = kc["contacted_person"].astype(object).to_numpy().copy()
    for r, nm in zip(rows, names):
        c = kc["customer_id"].iat[r]
        used = set(new_pos[(kc["customer_id"] == c).to_numpy()])
        free = [p for p in positions if p not in used]
        new_pos[r] = free[int(rng.integers(len(free)))] if free else new_pos[r]
        new_name[r] = nm
    # the same entries in the contact log: same customer, day, staff member and channel
    log = con[con["contact_type"].astype(str).isin(["task", "process_step"])]
    day = log["contact_datetime"].dt.normalize()
    for r in rows:
        m = ((log["customer_id"] == kc["customer_id"].iat[r]) & (day == kc["contact_date"].iat[r])
             & (log["staff_id"] == kc["our_person"].iat[r]) & (log["channel"].astype(str) == str(kc["method"].iat[r])))
        idx = log.index[m.to_numpy()]
        if len(idx):
            con.loc[idx[:1], "counterpart_title"] = new_pos[r]
    kc["contacted_person"] = new_name
    kc["position"] = pd.Categorical(new_pos, categories=kc["position"].cat.categories) \
        if isinstance(kc["position"].dtype, pd.CategoricalDtype) else new_pos
    return kc, con


def plant(tables: dict, seed: int) -> dict:
    """The tables with chapter 03's plants (new DataFrames; the input is not changed)."""
    from ._schema import KA_POSITIONS

    rng = np.random.default_rng([seed, 3])
    out = dict(tables)
    out["mystery_shopper"] = mystery_shopper(rng)
    out["ka_contacts"], out["contacts"] = _multi_thread(rng, tables["ka_contacts"], tables["contacts"], KA_POSITIONS)
    return out
