"""Tests for crmlearn.satisfaction (everything but the PLS path model, which is in test_pls.py)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from crmlearn import CRMDataError
from crmlearn.satisfaction import (
    KANO_TABLE,
    SERVQUAL_DIMENSIONS,
    SURVEY_ITEMS,
    cronbach_alpha,
    delivered_value,
    disconfirmation,
    expectation_update,
    ipa,
    kano,
    kano_categories,
    nps,
    restaurant_story,
    satisfaction_index,
    servqual,
    servqual_scores,
)


# ----------------------------------------------------------------------------------------------
# a small survey in the course layout, built here so the tests do not depend on datasets/
# ----------------------------------------------------------------------------------------------
GAPS = {"facilities": 0.6, "materials": 0.4, "quality": 0.0, "delivery": -0.5, "response_speed": -1.2,
        "tech_support": -0.5, "expertise": 0.0, "attitude": 0.0, "personalisation": -1.2, "after_sales": -0.5}


def make_survey(n=400, seed=0):
    rng = np.random.default_rng(seed)
    d = {}
    for it in SURVEY_ITEMS:
        e = np.clip(np.round(rng.normal(5.2, 0.7, n)), 1, 7)
        p = np.clip(np.round(e + GAPS[it] + rng.normal(0, 0.7, n)), 1, 7)
        d[f"exp_{it}"], d[f"per_{it}"] = e, p
        d[f"imp_{it}"] = np.clip(np.round(rng.normal(3.5, 0.7, n)), 1, 5)
    d["likelihood_to_recommend"] = rng.integers(0, 11, n)
    return pd.DataFrame(d, index=pd.Index([f"R{i:04d}" for i in range(n)], name="response_id"))


@pytest.fixture
def small_survey():
    return make_survey()


# ----------------------------------------------------------------------------------------------
# disconfirmation and expectations
# ----------------------------------------------------------------------------------------------
def test_disconfirmation_syllabus_exercise():
    # syllabus ch. 7 exercise 2: 3.8 -> 4.2 satisfied (+0.4); 4.0 -> 3.5 dissatisfied (-0.5)
    df = pd.DataFrame({"exp_x": [3.8, 4.0], "per_x": [4.2, 3.5]})
    out = disconfirmation(df, expected=["exp_x"], perceived=["per_x"], tolerance=0.4)
    assert out["gap_x"].round(6).tolist() == [0.4, -0.5]
    # +0.4 lies on the tolerance edge (float error 4.2 - 3.8 = 0.40000000000000036 must not matter)
    assert out["verdict"].astype(str).tolist() == ["satisfied", "dissatisfied"]


def test_disconfirmation_overall_and_verdicts():
    df = pd.DataFrame({"exp_a": [5, 5, 5], "per_a": [7, 5, 2], "exp_b": [5, 5, 5], "per_b": [6, 5, 4]})
    out = disconfirmation(df, expected=["exp_a", "exp_b"], perceived=["per_a", "per_b"], tolerance=0.5)
    assert list(out.columns) == ["exp_a", "per_a", "exp_b", "per_b", "gap_a", "gap_b", "gap", "verdict"]
    assert out["gap"].tolist() == [1.5, 0.0, -2.0]
    assert out["verdict"].astype(str).tolist() == ["delighted", "satisfied", "dissatisfied"]
    assert out["verdict"].cat.ordered


def test_disconfirmation_defaults_use_survey_items(small_survey):
    out = disconfirmation(small_survey)
    assert out.index.equals(small_survey.index)
    assert [c for c in out.columns if c.startswith("gap_")] == [f"gap_{it}" for it in SURVEY_ITEMS]
    assert out["gap_response_speed"].mean() < -0.9


def test_disconfirmation_errors(small_survey):
    with pytest.raises(CRMDataError, match="expected has 2 columns but perceived has 1"):
        disconfirmation(small_survey, expected=["exp_quality", "exp_delivery"], perceived=["per_quality"])
    with pytest.raises(CRMDataError, match="column 'exp_nothing' not found"):
        disconfirmation(small_survey, expected=["exp_nothing"], perceived=["per_quality"])
    with pytest.raises(CRMDataError, match="tolerance must be zero or positive"):
        disconfirmation(small_survey, tolerance=-1)
    with pytest.raises(TypeError, match="must be a pandas DataFrame"):
        disconfirmation([1, 2])


def test_expectation_update_restaurant():
    out = expectation_update([0.2, 0.0, 0.0], initial=0.0, learning_rate=0.5)
    assert out["expectation"].tolist() == [0.0, 0.1, 0.05]
    assert out["next_expectation"].tolist() == [0.1, 0.05, 0.025]
    assert out["verdict"].astype(str).tolist() == ["delighted", "dissatisfied", "dissatisfied"]
    # learning rate 0: expectations never move
    still = expectation_update([0.2, 0.0], initial=0.0, learning_rate=0.0)
    assert still["expectation"].tolist() == [0.0, 0.0]


def test_restaurant_story_matches_syllabus_exercise_3():
    # ¥300 at 8折: pays 240, saves 60; next ¥1,500 in full: expected 1,200, pays 300 more
    out = restaurant_story()
    assert out.loc[1, "paid"] == pytest.approx(240)
    assert out.loc[1, "surprise"] == pytest.approx(60)
    assert out.loc[2, "expected_to_pay"] == pytest.approx(1200)
    assert out.loc[2, "paid"] - out.loc[2, "expected_to_pay"] == pytest.approx(300)
    assert out["verdict"].astype(str).tolist() == ["delighted", "dissatisfied"]


def test_expectation_update_errors():
    with pytest.raises(CRMDataError, match="learning_rate must be \\[0, 1\\]"):
        expectation_update([1, 2], initial=0, learning_rate=1.5)
    with pytest.raises(CRMDataError, match="empty"):
        expectation_update([], initial=0)
    with pytest.raises(TypeError, match="experiences must be a list"):
        expectation_update("abc", initial=0)
    with pytest.raises(CRMDataError, match="one discount per bill"):
        restaurant_story(bills=(300,), discounts=(0.2, 0.1))
    with pytest.raises(CRMDataError, match="fractions in \\[0, 1\\]"):
        restaurant_story(discounts=(20, 0))


# ----------------------------------------------------------------------------------------------
# delivered value
# ----------------------------------------------------------------------------------------------
def test_delivered_value_exercise_and_components():
    # syllabus ch. 7 exercise 1: value 1,000, cost 700 -> 300
    two = pd.DataFrame({"v": [1000.0], "c": [700.0]})
    assert delivered_value(two, value="v", cost="c")["delivered_value"].iloc[0] == 300
    df = pd.DataFrame({
        "product_value": [500, 300], "service_value": [200, 100], "personnel_value": [100, 50], "image_value": [200, 50],
        "money_cost": [500, 400], "time_cost": [100, 20], "energy_cost": [50, 20], "psychic_cost": [50, 60],
    }, index=["offer_A", "offer_B"])
    out = delivered_value(df)
    assert out.loc["offer_A", "total_value"] == 1000 and out.loc["offer_A", "total_cost"] == 700
    assert out.loc["offer_B", "delivered_value"] == 0
    assert out.loc["offer_A", "value_ratio"] == pytest.approx(1000 / 700)


def test_delivered_value_zero_cost_and_errors():
    df = pd.DataFrame({"v": [10.0, 0.0], "c": [0.0, 0.0]})
    out = delivered_value(df, value="v", cost="c")
    assert np.isinf(out["value_ratio"].iloc[0]) and np.isnan(out["value_ratio"].iloc[1])
    with pytest.raises(CRMDataError, match="negative 'c'"):
        delivered_value(pd.DataFrame({"v": [1.0], "c": [-1.0]}), value="v", cost="c")
    with pytest.raises(CRMDataError, match="column 'product_value' not found"):
        delivered_value(df)


# ----------------------------------------------------------------------------------------------
# SERVQUAL
# ----------------------------------------------------------------------------------------------
def test_servqual_hand_worked():
    # two respondents, two dimensions; gaps worked by hand:
    # d1 = item a: (6-5, 6-6) -> mean 0.5; d2 = items b, c: respondent 1 (-2, 0) -> -1, respondent 2 (-1, 1) -> 0
    df = pd.DataFrame({"exp_a": [5, 6], "per_a": [6, 6], "exp_b": [7, 7], "per_b": [5, 6],
                       "exp_c": [4, 3], "per_c": [4, 4]})
    out = servqual(df, dimensions={"d1": ["a"], "d2": ["b", "c"]}, weights={"d1": 3, "d2": 1})
    items = out[out.level == "item"].set_index("item")
    assert items["gap"].to_dict() == {"a": 0.5, "b": -1.5, "c": 0.5}
    assert items.loc["b", "expectation"] == 7 and items.loc["b", "perception"] == 5.5
    dims = out[out.level == "dimension"].set_index("dimension")
    assert dims["gap"].to_dict() == {"d1": 0.5, "d2": -0.5}
    assert dims["weight"].to_dict() == {"d1": 0.75, "d2": 0.25}
    overall = out[out.level == "overall"].iloc[0]
    assert overall["gap"] == pytest.approx(0.75 * 0.5 + 0.25 * -0.5)
    # standard error of the d2 gap: respondent gaps -1 and 0 -> sd 0.7071, se 0.5
    assert dims.loc["d2", "gap_se"] == pytest.approx(0.5)
    assert list(out.columns) == ["level", "dimension", "item", "expectation", "perception", "gap", "gap_se", "weight", "n"]
    scores = servqual_scores(df, dimensions={"d1": ["a"], "d2": ["b", "c"]}, weights={"d1": 3, "d2": 1})
    assert scores["d2"].tolist() == [-1.0, 0.0]
    assert scores["overall"].mean() == pytest.approx(overall["gap"])


def test_servqual_default_dimensions_on_survey_layout(small_survey):
    out = servqual(small_survey)
    assert (out.level == "item").sum() == 10 and (out.level == "dimension").sum() == 5
    dims = out[out.level == "dimension"].set_index("dimension")["gap"]
    assert list(dims.index) == list(SERVQUAL_DIMENSIONS)
    assert dims["tangibles"] > 0.3 and dims["responsiveness"] < -0.6 and dims["empathy"] < -0.6
    scores = servqual_scores(small_survey)
    assert scores.index.equals(small_survey.index)


def test_servqual_errors(small_survey):
    bad = small_survey.copy()
    bad.iloc[3, bad.columns.get_loc("per_quality")] = 8
    with pytest.raises(CRMDataError, match="outside the scale 1-7 .*customer R0003, value 8"):
        servqual(bad)
    with pytest.raises(CRMDataError, match="column 'exp_speed' not found"):
        servqual(small_survey, dimensions={"x": ["speed"]})
    with pytest.raises(CRMDataError, match="'quality' is in both dimension"):
        servqual(small_survey, dimensions={"x": ["quality"], "y": ["quality"]})
    with pytest.raises(CRMDataError, match="weights must have one entry per dimension"):
        servqual(small_survey, weights={"tangibles": 1})
    with pytest.raises(TypeError, match="dimensions must be a dict"):
        servqual(small_survey, dimensions=["quality"])
    missing = small_survey.copy()
    missing.iloc[0, 0] = np.nan
    with pytest.raises(CRMDataError, match="missing 'exp_facilities'"):
        servqual(missing)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 30), st.integers(0, 10_000), st.lists(st.floats(0.1, 10), min_size=2, max_size=2))
def test_servqual_levels_agree(n, seed, w):
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({f"{p}_{it}": rng.integers(1, 8, n) for it in "abc" for p in ("exp", "per")})
    out = servqual(df, dimensions={"x": ["a", "b"], "y": ["c"]}, weights=w)
    items = out[out.level == "item"].set_index("item")["gap"]
    dims = out[out.level == "dimension"].set_index("dimension")["gap"]
    assert dims["x"] == pytest.approx((items["a"] + items["b"]) / 2)
    wn = np.array(w) / sum(w)
    assert out[out.level == "overall"]["gap"].iloc[0] == pytest.approx(wn @ dims.to_numpy())
    assert out["gap"].between(-6, 6).all()


# ----------------------------------------------------------------------------------------------
# IPA
# ----------------------------------------------------------------------------------------------
def _ipa_frame():
    # attribute means worked by hand: a (4.5, 2.5), b (2, 6), c (4.5, 5.5), d (1.5, 2.5)
    return pd.DataFrame({"imp_a": [5, 4], "per_a": [2, 3], "imp_b": [2, 2], "per_b": [6, 6],
                         "imp_c": [4, 5], "per_c": [6, 5], "imp_d": [1, 2], "per_d": [2, 3]})


def test_ipa_hand_worked_mean_crosshair():
    df = _ipa_frame()
    out = ipa(df, importance=["imp_a", "imp_b", "imp_c", "imp_d"], performance=["per_a", "per_b", "per_c", "per_d"])
    assert out["importance"].tolist() == [4.5, 2.0, 4.5, 1.5]
    assert out["performance"].tolist() == [2.5, 6.0, 5.5, 2.5]
    # crosshair = grand means: importance 3.125, performance 4.125
    assert out.attrs["crosshair"] == (3.125, 4.125)
    assert out["quadrant"].astype(str).to_dict() == {
        "a": "concentrate here", "b": "possible overkill", "c": "keep up the good work", "d": "low priority"}


def test_ipa_median_and_fixed_crosshair():
    df = _ipa_frame()
    cols = dict(importance=["imp_a", "imp_b", "imp_c", "imp_d"], performance=["per_a", "per_b", "per_c", "per_d"])
    med = ipa(df, crosshair="median", **cols)
    assert med.attrs["crosshair"] == (3.25, 4.0)
    fixed = ipa(df, crosshair=(1.0, 1.0), **cols)  # everything is high on both axes
    assert set(fixed["quadrant"].astype(str)) == {"keep up the good work"}
    # a point exactly on the crosshair counts as high
    edge = ipa(df, crosshair=(4.5, 5.5), **cols)
    assert edge.loc["c", "quadrant"] == "keep up the good work"


def test_ipa_errors(small_survey):
    with pytest.raises(CRMDataError, match="importance has 1 columns but performance has 2"):
        ipa(small_survey, importance=["imp_quality"], performance=["per_quality", "per_delivery"])
    with pytest.raises(CRMDataError, match="crosshair='middle' is not allowed"):
        ipa(small_survey, crosshair="middle")
    with pytest.raises(CRMDataError, match="crosshair must be"):
        ipa(small_survey, crosshair=(1, 2, 3))


# ----------------------------------------------------------------------------------------------
# Kano
# ----------------------------------------------------------------------------------------------
def test_kano_table_is_the_standard_one():
    # Berger et al. (1993), Table 1: like/dislike -> O, like/neutral -> A, neutral/dislike -> M, like/like -> Q
    assert KANO_TABLE.loc["like", "dislike"] == "O"
    assert KANO_TABLE.loc["like", "neutral"] == "A"
    assert KANO_TABLE.loc["neutral", "dislike"] == "M"
    assert KANO_TABLE.loc["neutral", "neutral"] == "I"
    assert KANO_TABLE.loc["like", "like"] == "Q" and KANO_TABLE.loc["dislike", "dislike"] == "Q"
    assert KANO_TABLE.loc["dislike", "like"] == "R"
    counts = pd.Series(KANO_TABLE.to_numpy().ravel()).value_counts().to_dict()
    assert counts == {"I": 9, "R": 7, "A": 3, "M": 3, "Q": 2, "O": 1}


def test_kano_hand_worked():
    # one answer pair per category, plus two more A and one more M:
    # (1,5) O, (1,3) A, (1,2) A, (1,4) A, (2,5) M, (4,5) M, (3,3) I, (5,1) R, (1,1) Q
    df = pd.DataFrame({"kano_func_x": [1, 1, 1, 1, 2, 4, 3, 5, 1], "kano_dys_x": [5, 3, 2, 4, 5, 5, 3, 1, 1]})
    out = kano(df, functional=["kano_func_x"], dysfunctional=["kano_dys_x"])
    row = out.loc["x"]
    assert row[["A", "O", "M", "I", "R", "Q"]].tolist() == [3, 1, 2, 1, 1, 1]
    assert row["n"] == 9 and row["category"] == "A"
    assert row["better"] == pytest.approx(4 / 7)   # (A + O) / (A + O + M + I)
    assert row["worse"] == pytest.approx(-3 / 7)   # -(O + M) / (A + O + M + I)
    cats = kano_categories(df, functional=["kano_func_x"], dysfunctional=["kano_dys_x"])
    assert cats["kano_x"].tolist() == ["O", "A", "A", "A", "M", "M", "I", "R", "Q"]


def test_kano_labels_and_ties():
    df = pd.DataFrame({
        "f": ["like", "Like", " expect", "I like it", "喜欢", "3"],
        "d": ["dislike", "can_live_with", "DISLIKE", "neutral", "不喜欢", "5"],
    })
    assert kano_categories(df, functional="f", dysfunctional="d")["kano_d"].tolist() == ["O", "A", "M", "A", "O", "M"]
    # a tie between A and M is resolved as M (Berger's rule M > O > A > I)
    tie = pd.DataFrame({"f": [1, 3], "d": [3, 5]})
    assert kano(tie, functional="f", dysfunctional="d")["category"].iloc[0] == "M"


def test_kano_all_reverse_gives_nan_coefficients():
    df = pd.DataFrame({"f": [5, 5], "d": [1, 2]})
    out = kano(df, functional="f", dysfunctional="d")
    assert out["R"].iloc[0] == 2 and np.isnan(out["better"].iloc[0]) and np.isnan(out["worse"].iloc[0])


def test_kano_errors():
    df = pd.DataFrame({"f": [1, 6], "d": [5, 5]})
    with pytest.raises(CRMDataError, match="outside the Kano scale 1-5 \\(first: row 1, value 6\\)"):
        kano(df, functional="f", dysfunctional="d")
    with pytest.raises(CRMDataError, match="not Kano answers .*'love it'"):
        kano(pd.DataFrame({"f": ["like", "love it"], "d": [5, 5]}), functional="f", dysfunctional="d")
    with pytest.raises(CRMDataError, match="missing 'd'"):
        kano(pd.DataFrame({"f": [1, 2], "d": [5, None]}), functional="f", dysfunctional="d")
    with pytest.raises(CRMDataError, match="functional has 2 columns but dysfunctional has 1"):
        kano(pd.DataFrame({"f": [1], "g": [1], "d": [5]}), functional=["f", "g"], dysfunctional=["d"])
    with pytest.raises(CRMDataError, match="column 'kano_func_quality_certificate' not found"):
        kano(df)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 40), st.integers(1, 4), st.integers(0, 10_000))
def test_kano_invariants(n, k, seed):
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({f"{p}_{j}": rng.integers(1, 6, n) for j in range(k) for p in ("func", "dys")})
    f, d = [f"func_{j}" for j in range(k)], [f"dys_{j}" for j in range(k)]
    out = kano(df, functional=f, dysfunctional=d)
    cats = kano_categories(df, functional=f, dysfunctional=d)
    # the six categories partition the respondents, and the counts match the per-respondent table
    assert (out[["A", "O", "M", "I", "R", "Q"]].sum(axis=1) == n).all()
    for attr in out.index:
        vc = cats[f"kano_{attr}"].value_counts()
        assert all(out.loc[attr, c] == vc.get(c, 0) for c in "AOMIRQ")
    better, worse = out["better"].dropna(), out["worse"].dropna()
    assert better.between(0, 1).all() and worse.between(-1, 0).all()
    assert out["category"].isin(list("AOMIRQ")).all()
    assert all(out.loc[a, out.loc[a, "category"]] == out.loc[a, list("AOMIRQ")].max() for a in out.index)


# ----------------------------------------------------------------------------------------------
# NPS
# ----------------------------------------------------------------------------------------------
def test_nps_hand_worked():
    scores = [10, 9, 9, 8, 7, 6, 3, 10, 9, 5]   # 5 promoters, 2 passives, 3 detractors
    out = nps(scores)
    assert out["nps"] == pytest.approx(20) and out["promoters"] == 50 and out["detractors"] == 30
    assert out["passives"] == 20 and out["n"] == 10
    # variance of the +1/0/-1 score: (p + d - (p - d)^2) / n = (0.8 - 0.04) / 10
    half = 100 * stats.norm.ppf(0.975) * np.sqrt(0.076)
    assert out["ci_low"] == pytest.approx(20 - half) and out["ci_high"] == pytest.approx(20 + half)
    assert list(out.index) == ["nps", "promoters", "passives", "detractors", "n", "ci_low", "ci_high"]


def test_nps_boundaries_and_dataframe(small_survey):
    assert nps([9, 10, 10])["nps"] == 100 and nps([0, 6])["nps"] == -100
    assert nps([7, 8])["nps"] == 0
    from_frame = nps(small_survey)
    assert from_frame["nps"] == pytest.approx(nps(small_survey["likelihood_to_recommend"])["nps"])
    narrow = nps([10] * 50 + [0] * 50, confidence=0.5)
    wide = nps([10] * 50 + [0] * 50, confidence=0.99)
    assert wide["ci_high"] - wide["ci_low"] > narrow["ci_high"] - narrow["ci_low"]


def test_nps_errors():
    with pytest.raises(CRMDataError, match="not whole numbers from 0 to 10 \\(first: row 2, value 11\\)"):
        nps([1, 5, 11])
    with pytest.raises(CRMDataError, match="value 8.5"):
        nps([8.5])
    with pytest.raises(CRMDataError, match="missing"):
        nps(pd.Series([1, None, 5]))
    with pytest.raises(CRMDataError, match="no answers"):
        nps([])
    with pytest.raises(TypeError, match="scores must be a Series"):
        nps("9")
    with pytest.raises(CRMDataError, match="column 'likelihood_to_recommend' not found"):
        nps(pd.DataFrame({"x": [1]}))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 10), min_size=1, max_size=300), st.floats(0.5, 0.99))
def test_nps_invariants(scores, conf):
    out = nps(scores, confidence=conf)
    assert -100 <= out["nps"] <= 100
    assert -100 <= out["ci_low"] <= out["nps"] + 1e-9 and out["nps"] - 1e-9 <= out["ci_high"] <= 100
    assert out[["promoters", "passives", "detractors"]].sum() == pytest.approx(100)
    assert out["nps"] == pytest.approx(out["promoters"] - out["detractors"])


# ----------------------------------------------------------------------------------------------
# Cronbach's alpha and the index
# ----------------------------------------------------------------------------------------------
def test_cronbach_alpha_ecsi_image_block(shared_data):
    # R psych::alpha and pingouin.cronbach_alpha on the plspm 'satisfaction' data, items imag1-5:
    # raw_alpha 0.822, std.alpha 0.830
    df = pd.read_csv(shared_data / "ecsi_bank" / "satisfaction.csv", index_col=0)
    out = cronbach_alpha(df[[f"imag{i}" for i in range(1, 6)]])
    assert out["alpha"] == pytest.approx(0.822, abs=0.0005)
    assert out["alpha_std"] == pytest.approx(0.830, abs=0.0005)
    assert out["ci_low"] < out["alpha"] < out["ci_high"]


def test_cronbach_alpha_feldt_interval_and_extremes():
    rng = np.random.default_rng(1)
    t = rng.normal(size=200)
    items = pd.DataFrame({f"q{i}": t + rng.normal(scale=0.8, size=200) for i in range(4)})
    out = cronbach_alpha(items, confidence=0.9)
    # Feldt: (1 - bound) / (1 - alpha) are the F(n - 1, (n - 1)(k - 1)) quantiles
    df1, df2 = 199, 199 * 3
    assert (1 - out["ci_low"]) / (1 - out["alpha"]) == pytest.approx(stats.f.ppf(0.95, df1, df2))
    assert (1 - out["ci_high"]) / (1 - out["alpha"]) == pytest.approx(stats.f.ppf(0.05, df1, df2))
    # identical items: alpha is 1
    same = pd.DataFrame({"a": [1, 2, 3, 4], "b": [1, 2, 3, 4]})
    assert cronbach_alpha(same)["alpha"] == pytest.approx(1)


def test_cronbach_alpha_errors():
    with pytest.raises(CRMDataError, match="at least two items, got 1"):
        cronbach_alpha(pd.DataFrame({"q1": [1, 2, 3]}))
    with pytest.raises(CRMDataError, match="item 'q2' has the same answer from everyone"):
        cronbach_alpha(pd.DataFrame({"q1": [1, 2, 3], "q2": [2, 2, 2]}))
    with pytest.raises(CRMDataError, match="missing 'q2'"):
        cronbach_alpha(pd.DataFrame({"q1": [1, 2, 3], "q2": [2, None, 2]}))
    with pytest.raises(TypeError, match="items must be a pandas DataFrame"):
        cronbach_alpha([[1, 2], [3, 4]])


def test_satisfaction_index_hand_worked():
    # syllabus ch. 7 exercise 4: ten answers on 1-5 with mean 3.9 -> 100 * (3.9 - 1) / 4 = 72.5
    df = pd.DataFrame({"overall_satisfaction": [5, 4, 4, 3, 5, 2, 4, 5, 3, 4]})
    assert satisfaction_index(df).mean() == pytest.approx(72.5)
    two = pd.DataFrame({"a": [1, 10], "b": [10, 10]})
    out = satisfaction_index(two, items=["a", "b"], weights={"a": 1, "b": 3}, scale=(1, 10))
    assert out.tolist() == [75.0, 100.0]
    mixed = pd.DataFrame({"a": [5], "b": [10]})
    assert satisfaction_index(mixed, items=["a", "b"], scale={"a": (1, 5), "b": (0, 10)}).iloc[0] == 100


def test_satisfaction_index_errors():
    df = pd.DataFrame({"overall_satisfaction": [5, 6]})
    with pytest.raises(CRMDataError, match="outside the scale 1-5"):
        satisfaction_index(df)
    with pytest.raises(TypeError, match="scale must be a \\(lowest, highest\\) pair"):
        satisfaction_index(df, scale=7)
    with pytest.raises(CRMDataError, match="weights has 2 values but there are 1 items"):
        satisfaction_index(df, weights=[1, 2], scale=(1, 7))
    with pytest.raises(CRMDataError, match="weights must be non-negative"):
        satisfaction_index(df, weights=[-1], scale=(1, 7))


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 50), st.integers(0, 10_000))
def test_index_in_range_and_verdicts_consistent(n, seed):
    rng = np.random.default_rng(seed)
    df = pd.DataFrame({"a": rng.integers(1, 8, n), "b": rng.integers(1, 8, n)})
    idx = satisfaction_index(df, items=["a", "b"], scale=(1, 7))
    assert idx.between(0, 100).all()
    out = disconfirmation(df, expected=["a"], perceived=["b"], tolerance=1)
    v = out["verdict"].astype(str)
    assert (v[out["gap"] > 1] == "delighted").all() and (v[out["gap"] < -1] == "dissatisfied").all()
    assert (v[out["gap"].abs() <= 1] == "satisfied").all()


# ----------------------------------------------------------------------------------------------
# inputs are never changed
# ----------------------------------------------------------------------------------------------
def test_inputs_not_mutated(small_survey):
    before = small_survey.copy()
    disconfirmation(small_survey)
    servqual(small_survey)
    servqual_scores(small_survey)
    ipa(small_survey)
    nps(small_survey)
    satisfaction_index(small_survey, items=["per_quality"], scale=(1, 7))
    cronbach_alpha(small_survey[["per_quality", "per_delivery"]])
    pd.testing.assert_frame_equal(small_survey, before)
    k = pd.DataFrame({"f": ["like", "expect"], "d": [5, 5]})
    kb = k.copy()
    kano(k, functional="f", dysfunctional="d")
    pd.testing.assert_frame_equal(k, kb)


# ----------------------------------------------------------------------------------------------
# the course survey: the planted structure (.briefs/schema.md, "survey") comes out
# ----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def survey():
    import crmlearn

    return crmlearn.load_dataset("survey")


def test_survey_servqual_gaps_as_planted(survey):
    out = servqual(survey)
    gap = out[out.level == "item"].set_index("item")["gap"]
    # clearly negative (about -1.2) for response_speed and personalisation: the two largest shortfalls
    assert gap[["response_speed", "personalisation"]].between(-1.5, -0.9).all()
    assert set(gap.nsmallest(2).index) == {"response_speed", "personalisation"}
    # mildly negative for delivery, tech_support and after_sales
    assert gap[["delivery", "tech_support", "after_sales"]].between(-0.8, -0.2).all()
    # near zero for quality, expertise, attitude; positive for facilities and materials
    assert gap[["quality", "expertise", "attitude"]].abs().max() < 0.2
    assert (gap[["facilities", "materials"]] > 0.3).all()
    dims = out[out.level == "dimension"].set_index("dimension")["gap"]
    assert dims["tangibles"] > 0 > dims["responsiveness"] and dims["empathy"] < -0.5
    assert out[out.level == "overall"]["gap"].iloc[0] < 0


def test_survey_kano_categories_as_planted(survey):
    out = kano(survey)
    assert out["category"].to_dict() == {
        "quality_certificate": "M", "fast_delivery": "O", "online_tracking": "O",
        "dedicated_manager": "A", "gift_packaging": "I"}
    assert (out["n"] == len(survey)).all()
    # Better-Worse: must-be hurts when absent, attractive delights when present, indifferent does neither
    assert out.loc["quality_certificate", "worse"] < -0.5 and out.loc["quality_certificate", "better"] < 0.4
    assert out.loc["dedicated_manager", "better"] > 0.5 and out.loc["dedicated_manager", "worse"] > -0.3
    assert out.loc["gift_packaging", ["better"]].iloc[0] < 0.4 and out.loc["gift_packaging", "worse"] > -0.2
    assert (out.loc[["fast_delivery", "online_tracking"], "better"] > 0.5).all()
    assert (out.loc[["fast_delivery", "online_tracking"], "worse"] < -0.5).all()


def test_survey_ipa_as_planted(survey):
    out = ipa(survey)
    ci, cp = out.attrs["crosshair"]
    q = out["quadrant"].astype(str)
    assert q["response_speed"] == "concentrate here" and q["personalisation"] == "concentrate here"
    assert q["facilities"] == "possible overkill"
    assert (out.loc[["quality", "delivery", "response_speed"], "importance"] > ci).all()
    assert set(out["importance"].nsmallest(2).index) == {"facilities", "materials"}
    assert set(out["performance"].nsmallest(2).index) == {"response_speed", "personalisation"}


def test_survey_satisfaction_nps_and_reliability(survey):
    top2 = (survey["overall_satisfaction"] >= 4).mean()
    assert 0.85 <= top2 <= 0.90
    idx = satisfaction_index(survey)
    assert idx.between(0, 100).all() and 70 < idx.mean() < 90
    res = nps(survey)
    assert -100 < res["nps"] < 100 and res["ci_high"] - res["ci_low"] < 15
    # the disconfirmation verdicts follow the overall (negative) gap
    verdicts = disconfirmation(survey)["verdict"].value_counts()
    assert verdicts["dissatisfied"] > verdicts["delighted"]
    # the ten perception items form a reliable scale
    assert cronbach_alpha(survey[[f"per_{it}" for it in SURVEY_ITEMS]])["alpha"] > 0.8
