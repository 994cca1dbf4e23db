"""Tests for crmlearn.loyalty."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crmlearn import CRMDataError
from crmlearn.loyalty import (
    BAIN_PRESETS,
    PURCHASE_RISK_ITEMS,
    SWITCHING_COST_ITEMS,
    bain_switchers,
    loyalty_matrix,
    loyalty_types,
    purchase_risk_index,
    satisfied_switchers,
    simulate_bain,
    switch_decision,
    switching_cost_index,
)


def test_loyalty_types_syllabus_exercise_5():
    # ch. 8 exercise 5: (a) reordered five times -> behavioural, (b) "will buy again" -> intentional,
    # (c) recommended us -> emotional
    df = pd.DataFrame({"frequency": [5, 0, 0], "repurchase_intent": [2, 5, 2],
                       "likelihood_to_recommend": [5, 5, 10]}, index=["a", "b", "c"])
    out = loyalty_types(df)
    assert out["loyalty_type"].astype(str).to_dict() == {"a": "behavioural", "b": "intentional", "c": "emotional"}
    assert out["n_types"].tolist() == [1, 1, 1]
    assert out["loyalty_type"].cat.ordered


def test_loyalty_types_thresholds_and_missing_behaviour():
    df = pd.DataFrame({"repurchase_intent": [3, 4], "likelihood_to_recommend": [8, 9]})
    out = loyalty_types(df, repeat=None)
    assert "behavioural" not in out and out["emotional"].tolist() == [False, True]
    looser = loyalty_types(df, repeat=None, min_intention=3, min_recommendation=8)
    assert looser["n_types"].tolist() == [2, 2]
    with pytest.raises(CRMDataError, match="all None"):
        loyalty_types(df, repeat=None, intention=None, recommendation=None)
    with pytest.raises(CRMDataError, match="column 'frequency' not found"):
        loyalty_types(df)


def test_loyalty_matrix_cells_and_thresholds():
    df = pd.DataFrame({"emotional_attachment": [5, 5, 2, 1, 4], "frequency": [8, 1, 9, 0, 3]})
    out = loyalty_matrix(df)   # attitude >= 4, patronage >= median (3)
    assert out.attrs["thresholds"] == {"attitude": 4.0, "patronage": 3.0}
    assert out["loyalty"].astype(str).tolist() == ["true", "latent", "spurious", "none", "true"]
    assert list(out["loyalty"].cat.categories) == ["true", "latent", "spurious", "none"]
    mean = loyalty_matrix(df, min_attitude="mean", min_patronage=9)
    assert mean.attrs["thresholds"]["attitude"] == pytest.approx(3.4)
    assert mean["patronage_high"].tolist() == [False, False, True, False, False]
    with pytest.raises(CRMDataError, match="min_patronage='top' is not allowed"):
        loyalty_matrix(df, min_patronage="top")


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 60), st.integers(0, 10_000))
def test_loyalty_matrix_partitions(n, seed):
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({"emotional_attachment": rng.integers(1, 6, n), "frequency": rng.poisson(3, n)})
    out = loyalty_matrix(df)
    assert out["loyalty"].notna().all() and out["loyalty"].value_counts().sum() == n
    true = out["loyalty"] == "true"
    assert (true == (out["attitude_high"] & out["patronage_high"])).all()


def test_satisfied_switchers_hand_worked():
    # 4 satisfied (2 switch), 2 dissatisfied (both switch)
    df = pd.DataFrame({"overall_satisfaction": [5, 5, 4, 4, 2, 1],
                       "switched_within_12m": [1, 0, 1, 0, 1, 1]})
    out = satisfied_switchers(df)
    assert out["satisfied_share"] == pytest.approx(4 / 6)
    assert out["satisfied_switch_rate"] == pytest.approx(0.5)
    assert out["dissatisfied_switch_rate"] == pytest.approx(1.0)
    assert out["switchers_satisfied_share"] == pytest.approx(0.5)
    assert out["repurchase_rate"] == pytest.approx(2 / 6)
    assert out["satisfaction_loyalty_gap"] == pytest.approx(4 / 6 - 2 / 6)
    nobody = satisfied_switchers(df.assign(overall_satisfaction=1))
    assert np.isnan(nobody["satisfied_switch_rate"])


def test_satisfied_switchers_errors():
    df = pd.DataFrame({"overall_satisfaction": [5, 4], "switched_within_12m": [0, 2]})
    with pytest.raises(CRMDataError, match="must be True/False or 0/1 .*value 2"):
        satisfied_switchers(df)
    with pytest.raises(CRMDataError, match="column 'switched' not found"):
        satisfied_switchers(df, switched="switched")


@pytest.mark.parametrize("preset", ["generic", "car", "restaurant"])
def test_simulate_bain_lands_in_the_quoted_ranges(preset):
    # Bain & Company figures quoted by source 003: generic 65-85% of switchers were satisfied;
    # cars 85-95% satisfied, 30-40% repurchase; restaurants 60-80% of satisfied switch
    out = satisfied_switchers(simulate_bain(preset, n_customers=20_000, random_state=3))
    figure, low, high = BAIN_PRESETS[preset]["target"]
    assert low <= out[figure] <= high
    if preset == "car":
        assert 0.85 <= out["satisfied_share"] <= 0.95


def test_simulate_bain_is_seeded():
    a, b = simulate_bain(random_state=5, n_customers=500), simulate_bain(random_state=5, n_customers=500)
    pd.testing.assert_frame_equal(a, b)
    assert not simulate_bain(random_state=6, n_customers=500).equals(a)
    assert a["customer_id"].is_unique and a["overall_satisfaction"].between(1, 5).all()
    assert (a["satisfied"] == (a["overall_satisfaction"] >= 4)).all()
    with pytest.raises(CRMDataError, match="preset='bank' is not allowed"):
        simulate_bain("bank")


def test_bain_switchers_exercise_1():
    # ch. 8 exercise 1: 2,000 satisfied customers -> 1,300 to 1,700 switch
    out = bain_switchers(2000)
    assert out["low"] == 1300 and out["high"] == 1700
    with pytest.raises(CRMDataError, match="low=0.9 is above high=0.8"):
        bain_switchers(100, low=0.9, high=0.8)


def test_switch_decision_exercise_6():
    # ch. 8 exercise 6: 80k a year saving vs 150k retraining and spares, 1 year -> do not switch;
    # over 2 years the saving (160k) beats the switching cost
    df = pd.DataFrame({"annual_saving": [80_000.0], "switching_cost": [150_000.0], "risk_cost": [0.0]})
    assert not switch_decision(df)["switches"].iloc[0]
    two = switch_decision(df, horizon=2)
    assert two["switches"].iloc[0] and two["net_gain"].iloc[0] == 10_000
    risky = switch_decision(df.assign(risk_cost=20_000.0), horizon=2)
    assert not risky["switches"].iloc[0]
    with pytest.raises(CRMDataError, match="horizon must be positive"):
        switch_decision(df, horizon=0)
    with pytest.raises(CRMDataError, match="negative 'switching_cost'"):
        switch_decision(df.assign(switching_cost=-1.0))


def test_switching_and_risk_indices():
    sc = pd.DataFrame({c: [5, 1, 3] for c in SWITCHING_COST_ITEMS})
    assert switching_cost_index(sc).tolist() == [100.0, 0.0, 50.0]
    risk = pd.DataFrame({c: [1, 5] for c in PURCHASE_RISK_ITEMS})
    risk["risk_quality"] = [5, 5]
    weighted = purchase_risk_index(risk, weights={c: (5 if c == "risk_quality" else 1) for c in PURCHASE_RISK_ITEMS})
    assert weighted.tolist() == [50.0, 100.0]
    assert weighted.name == "purchase_risk_index"
    bad = sc.copy()
    bad.loc[1, "sc_setup"] = 9
    with pytest.raises(CRMDataError, match="'sc_setup' answer outside the scale 1-5"):
        switching_cost_index(bad)
    with pytest.raises(CRMDataError, match="column 'risk_price' not found"):
        purchase_risk_index(sc)


def test_inputs_not_mutated():
    df = pd.DataFrame({"frequency": [5, 1], "repurchase_intent": [3, 5], "likelihood_to_recommend": [6, 10],
                       "emotional_attachment": [2, 5], "overall_satisfaction": [4, 2],
                       "switched_within_12m": [True, False]})
    before = df.copy()
    loyalty_types(df)
    loyalty_matrix(df)
    satisfied_switchers(df)
    pd.testing.assert_frame_equal(df, before)


def test_course_survey_satisfied_switchers_and_loyalty_matrix():
    """Planted: about 85-90% top-2-box satisfied, yet a good share of satisfied customers switch."""
    import crmlearn

    survey = crmlearn.load_dataset("survey")
    out = satisfied_switchers(survey)
    assert 0.85 <= out["satisfied_share"] <= 0.90
    assert out["satisfied_switch_rate"] > 0.2                    # a good share of satisfied customers switch
    assert 0.65 <= out["switchers_satisfied_share"] <= 0.85      # Bain: 65-85% of switchers were satisfied
    assert out["dissatisfied_switch_rate"] > out["satisfied_switch_rate"]
    tx = crmlearn.load_dataset("transactions")
    orders = tx.loc[~tx["is_return"]].groupby("customer_id")["order_id"].nunique().rename("frequency")
    data = survey.join(orders, on="customer_id").fillna({"frequency": 0})
    types = loyalty_types(data)
    assert types.index.equals(survey.index) and types["loyalty_type"].notna().all()
    cells = loyalty_matrix(data)
    switch = data.groupby(cells["loyalty"], observed=True)["switched_within_12m"].mean()
    # true loyalty keeps customers best, no loyalty worst
    assert switch["true"] == switch.min() and switch["none"] == switch.max()
