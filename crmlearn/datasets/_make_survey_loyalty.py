"""Survey columns for Chapter 8 (switching cost, purchasing risk) and the psychological needs of Chapter 7.

The end-2023 survey (``_plan_survey`` in :mod:`crmlearn.datasets.generate`) already says who
switched within 12 months. This module adds, after the fact and from its OWN random stream
(``np.random.default_rng([SEED, 7])``), so that no existing column of any table changes:

- five switching-cost items ``sc_<item>`` and six purchasing-risk items ``risk_<item>`` (1-5), the
  keys of :data:`crmlearn.loyalty.SWITCHING_COST_ITEMS` / :data:`~crmlearn.loyalty.PURCHASE_RISK_ITEMS`;
- three psychological needs ``emotional_need``, ``security_need``, ``respect_need`` (1-5, how much
  each matters to the respondent; syllabus D5).

Planted: a respondent's perceived switching barrier is lower when it went on to switch, higher for key
accounts and club members and for customers who are not price sensitive. So among the satisfied
respondents, those with a low switching-cost index switch far more often than those with a high one:
the barrier explains part of the "satisfied but switching" group. The purchase risk works the same way,
more weakly. Security matters most on average, and more to key accounts (a big buyer's decision maker
carries personal risk); emotional needs matter more to club members.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

SC_ITEMS = ["sc_retraining", "sc_setup", "sc_rebate_loss", "sc_technical", "sc_differentiation"]
RISK_ITEMS = ["risk_price", "risk_quality", "risk_supply", "risk_capacity", "risk_after_sales", "risk_compliance"]
NEED_ITEMS = ["emotional_need", "security_need", "respect_need"]
# item means on 1-5 (before the respondent's latent barrier)
SC_MEAN = {"sc_retraining": 2.9, "sc_setup": 2.7, "sc_rebate_loss": 3.0, "sc_technical": 2.6, "sc_differentiation": 2.4}
RISK_MEAN = {"risk_price": 3.1, "risk_quality": 3.3, "risk_supply": 3.0, "risk_capacity": 2.8,
             "risk_after_sales": 3.2, "risk_compliance": 2.0}
NEED_MEAN = {"emotional_need": 3.4, "security_need": 4.0, "respect_need": 3.7}


def _likert(rng, centre, n, sd=0.75):
    return np.clip(np.round(centre + rng.normal(0, sd, n)), 1, 5).astype(int)


def add_loyalty_columns(survey: pd.DataFrame, customers: pd.DataFrame, seed: int) -> pd.DataFrame:
    """The survey with the switching-cost, purchase-risk and need columns appended (a new table)."""
    rng = np.random.default_rng([seed, 7])
    info = customers.set_index("customer_id").loc[
        survey["customer_id"], ["is_key_account", "club_member", "price_sensitivity"]
    ]
    m = len(survey)
    ka = info["is_key_account"].to_numpy(dtype=float)
    club = info["club_member"].to_numpy(dtype=float)
    ps = info["price_sensitivity"].to_numpy(dtype=float)
    switched = survey["switched_within_12m"].to_numpy(dtype=float)
    out = survey.copy()
    barrier = -0.8 * switched + 0.5 * ka + 0.35 * club - 1.0 * (ps - 0.5) + rng.normal(0, 0.65, m)
    for it in SC_ITEMS:
        out[it] = _likert(rng, SC_MEAN[it] + 0.5 + 0.9 * barrier, m)
    risk = -0.5 * switched + 0.4 * ka + rng.normal(0, 0.6, m)
    for it in RISK_ITEMS:
        out[it] = _likert(rng, RISK_MEAN[it] + 0.25 + 0.8 * risk, m)
    out["emotional_need"] = _likert(rng, NEED_MEAN["emotional_need"] + 0.5 * club, m, sd=0.8)
    out["security_need"] = _likert(rng, NEED_MEAN["security_need"] + 0.4 * ka, m, sd=0.7)
    out["respect_need"] = _likert(rng, NEED_MEAN["respect_need"] + 0.2 * ka, m, sd=0.8)
    return out
