"""The survey's switching-cost, purchase-risk and need columns (crmlearn/datasets/_make_survey_loyalty.py)."""
import numpy as np
import pandas as pd
import pytest

import crmlearn
from crmlearn.datasets import _make_survey_loyalty as mk
from crmlearn.loyalty import PURCHASE_RISK_ITEMS, SWITCHING_COST_ITEMS, purchase_risk_index, switching_cost_index


@pytest.fixture(scope="module")
def survey():
    return crmlearn.load_dataset("survey")


def test_columns_are_the_library_items(survey):
    assert mk.SC_ITEMS == list(SWITCHING_COST_ITEMS)
    assert mk.RISK_ITEMS == list(PURCHASE_RISK_ITEMS)
    for c in mk.SC_ITEMS + mk.RISK_ITEMS + mk.NEED_ITEMS:
        assert survey[c].between(1, 5).all() and survey[c].notna().all()
        assert survey[c].nunique() >= 4, c


def _satisfied_thirds(survey, index):
    s = survey.assign(idx=index(survey))
    sat = s[s["overall_satisfaction"] >= 4]
    thirds = pd.qcut(sat["idx"], 3, labels=["low", "mid", "high"])
    return sat.groupby(thirds, observed=True)["switched_within_12m"].mean()


def test_switching_cost_explains_satisfied_switching(survey):
    rate = _satisfied_thirds(survey, switching_cost_index)
    assert rate["low"] > rate["mid"] > rate["high"]
    assert rate["low"] >= 3 * rate["high"]
    assert rate["low"] - rate["high"] >= 0.3


def test_purchase_risk_works_the_same_way_more_weakly(survey):
    sc = _satisfied_thirds(survey, switching_cost_index)
    pr = _satisfied_thirds(survey, purchase_risk_index)
    assert pr["low"] > pr["high"] + 0.15
    assert (pr["low"] - pr["high"]) < (sc["low"] - sc["high"])


def test_switching_cost_index_ranks_switchers(survey):
    # a real but partial explanation: the index separates switchers, not perfectly
    from sklearn.metrics import roc_auc_score

    auc = roc_auc_score(survey["switched_within_12m"], -switching_cost_index(survey))
    assert 0.7 < auc < 0.95


def test_needs_planted(survey):
    means = survey[mk.NEED_ITEMS].mean()
    assert means.idxmax() == "security_need"
    ka = crmlearn.load_dataset("customers").set_index("customer_id")["is_key_account"]
    is_ka = survey["customer_id"].map(ka).astype(bool)
    assert survey.loc[is_ka, "security_need"].mean() > survey.loc[~is_ka, "security_need"].mean() + 0.2


def test_separate_stream_leaves_other_columns_alone(survey):
    # the added columns come from their own stream: the function only appends
    cust = crmlearn.load_dataset("customers")
    base = survey.drop(columns=mk.SC_ITEMS + mk.RISK_ITEMS + mk.NEED_ITEMS)
    from crmlearn.datasets._schema import SEED

    again = mk.add_loyalty_columns(base, cust, SEED)
    pd.testing.assert_frame_equal(again[base.columns], base)
    for c in mk.SC_ITEMS + mk.RISK_ITEMS + mk.NEED_ITEMS:
        np.testing.assert_array_equal(again[c].to_numpy(), survey[c].to_numpy())
