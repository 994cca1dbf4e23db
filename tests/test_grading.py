"""Tests for crmlearn.grading: 80/20, Lorenz and Gini, ABC, tiers, scorecards, pyramid, RFM."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from crmlearn import CRMDataError
from crmlearn.grading import (
    abc_classify,
    attendants_needed,
    bad_customers,
    cabin_fares,
    cost_to_serve_by_class,
    customer_pyramid,
    gini,
    gold_persistence,
    lorenz_curve,
    multi_indicator_score,
    pareto_table,
    pyramid_summary,
    rfm_scores,
    rfm_segments,
    single_indicator_grade,
    tier_classify,
    tier_profile,
    top_share,
    value_scorecard,
)

# Exercise 2 of Chapter 4 (syllabus): revenues in CNY thousand, total 1,000; the top 20% bring 80%.
TEN = [500, 300, 60, 40, 30, 25, 20, 15, 6, 4]


@pytest.fixture
def ten():
    return pd.DataFrame({"monetary": [float(v) for v in TEN]}, index=[f"C{i:02d}" for i in range(1, 11)])


@pytest.fixture
def course():
    import crmlearn
    from crmlearn.customers import summarize_customers

    tx = crmlearn.load_dataset("transactions")
    master = crmlearn.load_dataset("customers")
    return master.set_index("customer_id").join(summarize_customers(tx))


def values_frame(min_size=1, max_size=80, lo=0.0, hi=1e6):
    # no subnormal values (below 2.2e-308): the library scales values by a power of two before summing,
    # which sends a subnormal to 0 (a tie with 0), and the pairwise Gini reference here overflows on them
    return st.lists(st.floats(lo, hi, allow_nan=False, allow_infinity=False, allow_subnormal=False), min_size=min_size,
                    max_size=max_size).filter(lambda v: sum(v) > 0).map(
        lambda v: pd.DataFrame({"monetary": v}, index=[f"K{i}" for i in range(len(v))]))


# ---------------------------------------------------------------------------------------------
# 80/20, Pareto, Lorenz, Gini
# ---------------------------------------------------------------------------------------------
def test_top_share_exercise(ten):
    assert top_share(ten, top=0.2) == pytest.approx(0.8)
    assert top_share(ten, top=0.1) == pytest.approx(0.5)
    assert top_share(ten, top=0.15) == pytest.approx(0.8)  # ceil(1.5) = 2 customers
    assert top_share(ten.sample(frac=1, random_state=3), top=0.2) == pytest.approx(0.8)


def test_top_share_edge_cases(ten):
    assert top_share(ten.iloc[:1], top=0.2) == 1.0  # one customer brings everything
    equal = pd.DataFrame({"monetary": [5.0] * 10})
    assert top_share(equal, top=0.2) == pytest.approx(0.2)
    with pytest.raises(CRMDataError, match="top must be between 0 and 1"):
        top_share(ten, top=20)
    with pytest.raises(TypeError, match="top must be a number"):
        top_share(ten, top="20%")


def test_pareto_table_by_hand(ten):
    p = pareto_table(ten.iloc[::-1])  # order of the table does not matter
    assert list(p.index[:3]) == ["C01", "C02", "C03"]
    assert list(p["rank"]) == list(range(1, 11))
    np.testing.assert_allclose(p["cum_share"], np.cumsum(TEN) / 1000)
    np.testing.assert_allclose(p["cum_customer_share"], np.arange(1, 11) / 10)
    assert p.loc["C02", "cum_share"] == pytest.approx(0.8)
    assert set(p.index) == set(ten.index)


def test_pareto_ties_keep_table_order():
    df = pd.DataFrame({"monetary": [5.0, 9.0, 5.0, 5.0]}, index=["w", "x", "y", "z"])
    assert list(pareto_table(df).index) == ["x", "w", "y", "z"]


def test_negative_values(ten):
    neg = ten.assign(monetary=ten["monetary"].where(ten.index != "C10", -4.0))
    with pytest.raises(CRMDataError, match=r"1 row has a negative 'monetary' value \(first: customer C10.*negative='clip'"):
        pareto_table(neg)
    with pytest.raises(CRMDataError, match="negative='clip'"):
        abc_classify(neg)
    with pytest.raises(CRMDataError, match="negative"):
        gini(neg)
    clipped = pareto_table(neg, negative="clip")
    assert clipped.loc["C10", "share"] == 0 and clipped.loc["C10", "value"] == -4.0
    assert clipped["cum_share"].iloc[-1] == pytest.approx(1.0)
    # profit with loss-makers: the whale curve rises above 100%
    whale = pareto_table(neg.assign(monetary=neg["monetary"] - 30), negative="allow")
    assert whale["cum_share"].max() > 1 and whale["cum_share"].iloc[-1] == pytest.approx(1.0)
    assert top_share(neg.assign(monetary=neg["monetary"] - 30), top=0.2, negative="allow") > 1
    with pytest.raises(CRMDataError, match="negative='bogus' is not allowed"):
        pareto_table(ten, negative="bogus")


def test_shares_need_a_positive_total():
    zero = pd.DataFrame({"monetary": [0.0, 0.0]})
    for f in (pareto_table, top_share, gini, lorenz_curve, abc_classify):
        with pytest.raises(CRMDataError, match="the total of 'monetary' is 0.0, so shares"):
            f(zero)


def test_gini_by_hand():
    assert gini(pd.DataFrame({"monetary": [1.0, 2.0, 3.0, 4.0]})) == pytest.approx(0.25)
    assert gini(pd.DataFrame({"monetary": [0.0, 0.0, 0.0, 10.0]})) == pytest.approx(0.75)  # (n-1)/n
    assert gini(pd.DataFrame({"monetary": [7.0] * 5})) == 0.0
    assert gini(pd.DataFrame({"monetary": [7.0]})) == 0.0


def test_lorenz_by_hand():
    lc = lorenz_curve(pd.DataFrame({"monetary": [4.0, 1.0, 3.0, 2.0]}))
    assert lc.iloc[0].tolist() == [0.0, 0.0]
    np.testing.assert_allclose(lc["cum_value_share"], [0, 0.1, 0.3, 0.6, 1.0])
    np.testing.assert_allclose(lc["cum_customer_share"], [0, 0.25, 0.5, 0.75, 1.0])


@settings(max_examples=80, deadline=None)
@given(values_frame())
def test_concentration_invariants(df):
    before = df.copy()
    p = pareto_table(df)
    assert p["share"].sum() == pytest.approx(1.0)
    assert p["cum_share"].iloc[-1] == pytest.approx(1.0)
    assert (np.diff(p["value"]) <= 0).all()
    assert sorted(p.index) == sorted(df.index)
    g = gini(df)
    x = df["monetary"].to_numpy()
    pairwise = np.abs(x[:, None] - x[None, :]).sum() / (2 * len(x) ** 2 * x.mean())
    assert g == pytest.approx(pairwise, abs=1e-9)
    lc = lorenz_curve(df)
    area = np.trapezoid(lc["cum_value_share"], lc["cum_customer_share"])
    assert g == pytest.approx(1 - 2 * area, abs=1e-9)
    assert (lc["cum_value_share"].to_numpy() <= lc["cum_customer_share"].to_numpy() + 1e-12).all()
    t = top_share(df, top=0.2)
    k = max(1, math.ceil(0.2 * len(df) - 1e-9))
    assert k / len(df) - 1e-9 <= t <= 1 + 1e-12  # the top k bring at least their head-count share
    assert t == pytest.approx(p["cum_share"].iloc[k - 1])
    pd.testing.assert_frame_equal(df, before)


# ---------------------------------------------------------------------------------------------
# ABC
# ---------------------------------------------------------------------------------------------
def test_abc_by_hand(ten):
    # cumulative share before each: 0, .5, .8, .86, .90, .93, .955, .975, .99, .996
    out = abc_classify(ten)
    assert out["abc_class"].astype(str).tolist() == list("AABBBBCCCC")
    assert out.index.equals(ten.index)
    assert out.loc["C02", "cum_share"] == pytest.approx(0.8)
    assert out.loc["C01", "share"] == pytest.approx(0.5)
    assert abc_classify(ten, cutoffs=(0.5, 0.9))["abc_class"].astype(str).tolist() == list("ABBBCCCCCC")


def test_abc_boundary_rule_customer_crossing_the_cutoff_is_a():
    df = pd.DataFrame({"monetary": [70.0, 20.0, 10.0]})
    assert abc_classify(df)["abc_class"].astype(str).tolist() == ["A", "A", "B"]


def test_abc_ties_and_order():
    df = pd.DataFrame({"monetary": [10.0] * 5}, index=list("vwxyz"))
    out = abc_classify(df.iloc[[4, 2, 0, 1, 3]])
    # five equal customers, 20% each: the fifth in table order has 80% before it -> B
    assert out["abc_class"].astype(str).tolist() == ["A", "A", "A", "A", "B"]
    assert list(out.index) == list("zxvwy")


def test_abc_edge_cases(ten):
    assert abc_classify(ten.iloc[:1])["abc_class"].tolist() == ["A"]
    with pytest.raises(CRMDataError, match="cutoffs must increase"):
        abc_classify(ten, cutoffs=(0.9, 0.8))
    with pytest.raises(CRMDataError, match="must have 2 values"):
        abc_classify(ten, cutoffs=(0.8,))
    with pytest.raises(CRMDataError, match=r"must be in \(0, 1\], got 80"):
        abc_classify(ten, cutoffs=(80, 95))
    with pytest.raises(TypeError, match="cutoffs must be a sequence"):
        abc_classify(ten, cutoffs=0.8)


def test_abc_bad_input(ten):
    with pytest.raises(CRMDataError, match=r"abc_classify: column 'revenue' not found\. Available: \['monetary'\]"):
        abc_classify(ten, value="revenue")
    with pytest.raises(CRMDataError, match="must be numeric"):
        abc_classify(ten.assign(monetary=["x"] * 10))
    with pytest.raises(CRMDataError, match=r"1 row has a missing 'monetary' value \(first: customer C03\)"):
        abc_classify(ten.assign(monetary=ten["monetary"].where(ten.index != "C03")))
    with pytest.raises(CRMDataError, match="infinite"):
        abc_classify(ten.assign(monetary=ten["monetary"].replace(4.0, np.inf)))
    with pytest.raises(CRMDataError, match="empty"):
        abc_classify(ten.iloc[:0])
    with pytest.raises(TypeError, match="DataFrame"):
        abc_classify(ten["monetary"])


@settings(max_examples=80, deadline=None)
@given(values_frame(), st.floats(0.05, 0.9), st.floats(0.01, 0.09))
def test_abc_invariants(df, a, gap):
    before = df.copy()
    out = abc_classify(df, cutoffs=(a, a + gap))
    pd.testing.assert_frame_equal(df, before)
    assert out.index.equals(df.index)
    assert out["share"].sum() == pytest.approx(1.0)
    assert set(out["abc_class"].astype(str)) <= {"A", "B", "C"}
    v = out["monetary"]
    cls = out["abc_class"].astype(str)
    # classes are bands of value: every A >= every B >= every C
    for hi, lo in (("A", "B"), ("B", "C"), ("A", "C")):
        if (cls == hi).any() and (cls == lo).any():
            assert v[cls == hi].min() >= v[cls == lo].max()
    assert (cls == "A").any()  # the largest customer is always A
    # A holds at least the cutoff share of value (the crossing customer is included)
    assert v[cls == "A"].sum() / v.sum() >= min(a, 1) - 1e-9 or (cls == "A").all()


# ---------------------------------------------------------------------------------------------
# tiers, single and multi indicator, scorecard
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def four():
    # Exercise 3 of Chapter 4: (a) loyal heavy user, (b) discount hunter with three suppliers,
    # (c) small standard buyer, (d) loses money -> platinum, gold, iron, lead
    return pd.DataFrame({"margin": [900.0, 700.0, 50.0, 30.0], "cost_to_serve_cny": [100.0, 100.0, 20.0, 80.0],
                         "price_sensitivity": [0.1, 0.8, 0.5, 0.6], "n_suppliers": [1, 3, 2, 2]},
                        index=list("abcd"))


def test_tiers_exercise(four):
    out = tier_classify(four, top=0.5)
    assert out["tier"].astype(str).tolist() == ["platinum", "gold", "iron", "lead"]
    assert out["tier_zh"].tolist() == ["铂金", "黄金", "钢铁", "重铅"]
    assert out["net_profit"].tolist() == [800.0, 600.0, 30.0, -50.0]
    assert out["tier"].cat.ordered


def test_tier_rules_are_adjustable(four):
    assert tier_classify(four, top=0.5, n_suppliers=None, max_price_sensitivity=0.9)["tier"].astype(str).tolist() == [
        "platinum", "platinum", "iron", "lead"]
    assert tier_classify(four, top=0.25)["tier"].astype(str).tolist() == ["platinum", "iron", "iron", "lead"]
    assert tier_classify(four, cost_to_serve=None, top=0.5)["tier"].astype(str).tolist()[3] == "iron"
    assert tier_classify(four, top=0.5, cost_periods=8)["tier"].astype(str).tolist() == [
        "platinum", "lead", "lead", "lead"]


def test_tier_errors(four):
    with pytest.raises(CRMDataError, match="column 'n_suppliers' not found.*n_suppliers=None"):
        tier_classify(four.drop(columns="n_suppliers"))
    with pytest.raises(CRMDataError, match="missing 'price_sensitivity'"):
        tier_classify(four.assign(price_sensitivity=[0.1, None, 0.3, 0.2]))
    with pytest.raises(CRMDataError, match="top must be between 0 and 1"):
        tier_classify(four, top=1.5)
    with pytest.raises(TypeError, match="max_suppliers must be a number"):
        tier_classify(four, max_suppliers="two")


def test_single_indicator_grade(ten):
    cards = single_indicator_grade(ten, thresholds={"platinum": 300, "gold": 50, "silver": 20})
    assert cards["grade"].astype(str).tolist() == ["platinum"] * 2 + ["gold"] + ["silver"] * 4 + ["standard"] * 3
    by_share = single_indicator_grade(ten, shares=(0.1, 0.3, 0.6))
    assert by_share["grade"].astype(str).tolist() == ["platinum", "gold", "gold", "silver", "silver", "silver",
                                                       "standard", "standard", "standard", "standard"]
    ties = pd.DataFrame({"monetary": [5.0, 5.0, 5.0, 1.0]})
    assert single_indicator_grade(ties, shares=(0.25,), labels=["gold", "other"])["grade"].astype(str).tolist() == [
        "gold", "gold", "gold", "other"]  # equal values, equal grade
    with pytest.raises(CRMDataError, match="thresholds must decrease"):
        single_indicator_grade(ten, thresholds=[10, 50])
    with pytest.raises(CRMDataError, match="labels must have 4 names"):
        single_indicator_grade(ten, labels=["a", "b"])
    with pytest.raises(TypeError, match="thresholds must be numbers"):
        single_indicator_grade(ten, thresholds=["high", "low"])


def test_multi_indicator_score_by_hand():
    df = pd.DataFrame({"monetary": [100.0, 300.0, 200.0], "recency_days": [10, 200, 50]}, index=["C1", "C2", "C3"])
    out = multi_indicator_score(df, weights={"monetary": 1, "recency_days": -1})
    # min-max: monetary 0, 1, .5; recency reversed 1, 0, 1 - 40/190
    np.testing.assert_allclose(out["score"], [0.5, 0.5, (0.5 + 1 - 40 / 190) / 2])
    assert out["rank"].tolist() == [2, 2, 1]
    z = multi_indicator_score(df, weights={"monetary": 2}, method="zscore")
    assert z["score"].mean() == pytest.approx(0.0) and z.loc["C2", "rank"] == 1
    r = multi_indicator_score(df, weights={"monetary": 1, "recency_days": 1}, method="rank")
    np.testing.assert_allclose(r["score"], [0.0, 1.0, 0.5])
    const = multi_indicator_score(df.assign(flat=3.0), weights={"flat": 1})
    assert (const["score"] == 0.5).all() and (const["rank"] == 1).all()


def test_multi_indicator_errors():
    df = pd.DataFrame({"monetary": [1.0, 2.0]})
    with pytest.raises(TypeError, match="weights must be a dict"):
        multi_indicator_score(df, weights=["monetary"])
    with pytest.raises(CRMDataError, match="every weight in weights is 0"):
        multi_indicator_score(df, weights={"monetary": 0})
    with pytest.raises(CRMDataError, match="column 'frequency' not found"):
        multi_indicator_score(df, weights={"frequency": 1})
    with pytest.raises(CRMDataError, match="method='pca' is not allowed"):
        multi_indicator_score(df, weights={"monetary": 1}, method="pca")


@pytest.fixture
def card():
    return pd.DataFrame({"margin": [90, 80, 10, 5], "monetary": [900, 700, 100, 60],
                         "satisfaction": [4, 2, 5, 1], "growth": [0.3, 0.0, 0.4, 0.1]},
                        index=["C1", "C2", "C3", "C4"])


def test_value_scorecard_quadrants(card):
    sc = value_scorecard(card, service="satisfaction", potential="growth")
    assert sc["quadrant"].astype(str).tolist() == ["core", "maintain", "develop", "reduce"]
    assert sc["quadrant_zh"].tolist()[0] == "核心客户"
    assert sc.loc["C3", "action"].startswith("Develop")
    np.testing.assert_allclose(sc["current_value"], [1.0, 2 / 3, 1 / 3, 0.0])
    np.testing.assert_allclose(sc["financial_score"], [1.0, 2 / 3, 1 / 3, 0.0])
    assert sc.index.equals(card.index)


def test_value_scorecard_weights_rerank(card):
    base = value_scorecard(card, service="satisfaction", potential="growth")
    assert base["rank"].idxmin() == "C1"
    service_heavy = value_scorecard(card, service="satisfaction", potential="growth", weights={"service": 5})
    assert service_heavy["rank"].idxmin() == "C3"
    off = value_scorecard(card, service="satisfaction", potential="growth", weights={"financial": 0, "sales": 1})
    assert np.isfinite(off["current_value"]).all()


def test_value_scorecard_errors(card):
    with pytest.raises(CRMDataError, match="potential value needs at least one column"):
        value_scorecard(card)
    with pytest.raises(CRMDataError, match="unknown key 'profit'"):
        value_scorecard(card, service="satisfaction", weights={"profit": 1})
    with pytest.raises(CRMDataError, match="weights must be >= 0"):
        value_scorecard(card, service="satisfaction", weights={"service": -1})
    with pytest.raises(CRMDataError, match="column 'nps' not found"):
        value_scorecard(card, service="nps")
    fixed = value_scorecard(card, service="satisfaction", split=0.9)
    assert (fixed["quadrant"].astype(str) == "reduce").sum() >= 2


# ---------------------------------------------------------------------------------------------
# pyramid
# ---------------------------------------------------------------------------------------------
def test_vip_pyramid_on_100_customers():
    df = pd.DataFrame({"monetary": np.arange(100, 0, -1, dtype=float)})
    pyr = customer_pyramid(df)
    assert pyr["level"].value_counts(sort=False).tolist() == [1, 4, 15, 80, 0]
    assert pyr["level"].iloc[0] == "top" and pyr["rank"].iloc[0] == 1
    plat = customer_pyramid(df, levels="platinum")
    assert plat["level"].value_counts(sort=False).tolist() == [5, 15, 50, 30, 0]


def test_pyramid_inactive_and_summary(ten):
    df = ten.assign(monetary=ten["monetary"].where(ten.index != "C10", 0.0))
    pyr = customer_pyramid(df, levels={"gold": 0.2, "silver": 0.3, "bronze": 0.5})
    assert pyr.loc["C10", "level"] == "inactive"
    s = pyramid_summary(pyr)
    assert s["customers"].tolist() == [2, 3, 4, 1]
    assert s["customer_share"].sum() == pytest.approx(1.0) and s["value_share"].sum() == pytest.approx(1.0)
    assert s["core"].tolist() == [True, False, False, False]
    assert s.loc["silver", "management"].startswith("convert")
    assert s.loc["bronze", "management"].startswith("transfer")
    assert s.loc["inactive", "management"].startswith("give up")
    custom = pyramid_summary(pyr, core=["gold", "silver"], options={"bronze": "serve online only"})
    assert custom["core"].tolist() == [True, True, False, False]
    assert custom.loc["bronze", "management"] == "serve online only"
    with pytest.raises(CRMDataError, match="core level 'platinum' is not a level"):
        pyramid_summary(pyr, core=["platinum"])
    assert (customer_pyramid(df, inactive=None)["level"] != "inactive").all()


def test_pyramid_errors(ten):
    with pytest.raises(CRMDataError, match="must add up to 1"):
        customer_pyramid(ten, levels={"a": 0.5, "b": 0.4})
    with pytest.raises(CRMDataError, match="levels='diamond' is not allowed"):
        customer_pyramid(ten, levels="diamond")
    with pytest.raises(CRMDataError, match="at least two levels"):
        customer_pyramid(ten, levels={"all": 1.0})
    with pytest.raises(TypeError, match="share of level 'a' must be a number"):
        customer_pyramid(ten, levels={"a": "half", "b": 0.5})
    with pytest.raises(CRMDataError, match="also a level name"):
        customer_pyramid(ten, levels={"inactive": 0.5, "b": 0.5})
    with pytest.raises(CRMDataError, match="column 'level' not found"):
        pyramid_summary(ten)


def test_pyramid_single_customer_and_all_equal():
    one = customer_pyramid(pd.DataFrame({"monetary": [10.0]}))
    assert one["level"].tolist() == ["top"]
    eq = customer_pyramid(pd.DataFrame({"monetary": [3.0] * 10}), levels={"hi": 0.3, "lo": 0.7})
    assert eq["level"].astype(str).tolist() == ["hi"] * 3 + ["lo"] * 7  # ties in table order


@settings(max_examples=60, deadline=None)
@given(values_frame(max_size=120, lo=-50.0))
def test_pyramid_invariants(df):
    before = df.copy()
    pyr = customer_pyramid(df)
    pd.testing.assert_frame_equal(df, before)
    assert pyr.index.equals(df.index)
    active = (df["monetary"] > 0).to_numpy()
    m = active.sum()
    counts = pyr["level"].value_counts(sort=False)
    expected = np.diff([0] + [min(m, math.ceil(c * m - 1e-9)) for c in (0.01, 0.05, 0.2)] + [m])
    assert counts[["top", "big", "medium", "small"]].tolist() == expected.tolist()
    assert counts["inactive"] == (~active).sum()
    assert sorted(pyr["rank"]) == list(range(1, len(df) + 1))
    s = pyramid_summary(pyr)
    assert s["customers"].sum() == len(df)


# ---------------------------------------------------------------------------------------------
# RFM
# ---------------------------------------------------------------------------------------------
def test_rfm_quintiles_of_distinct_values():
    df = pd.DataFrame({"recency_days": np.arange(100), "frequency": np.arange(100), "monetary": np.arange(100.0)})
    out = rfm_scores(df)
    for col in "RFM":
        assert out[col].value_counts().sort_index().tolist() == [20] * 5
    assert out["R"].iloc[0] == 5 and out["F"].iloc[0] == 1  # most recent is best, fewest purchases worst
    assert out.loc[99, "rfm_code"] == "155" and out.loc[99, "rfm_score"] == 11
    assert out["rfm_score"].between(3, 15).all()


def test_rfm_ties_share_a_score_and_every_score_is_used():
    # 60% bought once: a rank-based split would give equal customers different scores
    freq = [1] * 12 + [2, 2, 3, 3, 4, 5, 8, 13]
    df = pd.DataFrame({"recency_days": range(20), "frequency": freq, "monetary": np.linspace(1, 20, 20)})
    out = rfm_scores(df)
    assert out.loc[:11, "F"].nunique() == 1
    assert sorted(out["F"].unique()) == [1, 2, 3, 4, 5]
    assert out.loc[19, "F"] == 5


def test_rfm_few_distinct_values():
    eq = rfm_scores(pd.DataFrame({"recency_days": [3] * 6, "frequency": [2] * 6, "monetary": [10.0] * 6}))
    assert set(eq["rfm_code"]) == {"333"}  # all equal: the middle score
    one = rfm_scores(pd.DataFrame({"recency_days": [3], "frequency": [2], "monetary": [10.0]}))
    assert one["rfm_code"].tolist() == ["333"]
    two = rfm_scores(pd.DataFrame({"recency_days": [1, 9], "frequency": [5, 1], "monetary": [10.0, 1.0]}))
    assert two["R"].tolist() == [4, 2] and two["F"].tolist() == [4, 2]


def test_rfm_codes_with_many_bins():
    df = pd.DataFrame({"recency_days": range(30), "frequency": range(30), "monetary": range(30)})
    out = rfm_scores(df, bins=10)
    assert out.loc[29, "rfm_code"] == "1-10-10"
    assert out.attrs["rfm_bins"] == 10


def test_rfm_errors():
    df = pd.DataFrame({"recency_days": [1, 2], "frequency": [1, 2], "monetary": [1.0, 2.0]}, index=["C1", "C2"])
    with pytest.raises(CRMDataError, match="negative 'recency_days'.*first: customer C2"):
        rfm_scores(df.assign(recency_days=[1, -2]))
    with pytest.raises(CRMDataError, match=r"1 row has a missing 'monetary' value \(first: customer C1\)"):
        rfm_scores(df.assign(monetary=[None, 2.0]))
    with pytest.raises(CRMDataError, match="bins must be at least 2"):
        rfm_scores(df, bins=1)
    with pytest.raises(TypeError, match="bins must be a whole number"):
        rfm_scores(df, bins=2.5)
    with pytest.raises(CRMDataError, match="column 'recency_days' not found.*Pass recency='recency'"):
        rfm_scores(df.rename(columns={"recency_days": "recency"}))
    with pytest.raises(CRMDataError, match="empty"):
        rfm_scores(df.iloc[:0])


@settings(max_examples=80, deadline=None)
@given(st.integers(2, 9), st.data())
def test_rfm_invariants(bins, data):
    n = data.draw(st.integers(1, 120))
    r = data.draw(arrays(np.int64, n, elements=st.integers(0, 30)))
    f = data.draw(arrays(np.int64, n, elements=st.integers(1, 12)))
    m = data.draw(arrays(np.float64, n, elements=st.floats(-100, 1e5, allow_nan=False)))
    df = pd.DataFrame({"recency_days": r, "frequency": f, "monetary": m})
    before = df.copy()
    out = rfm_scores(df, bins=bins)
    pd.testing.assert_frame_equal(df, before)
    assert out.index.equals(df.index)
    for col, src, sign in (("R", r, -1), ("F", f, 1), ("M", m, 1)):
        s = out[col].to_numpy()
        assert s.min() >= 1 and s.max() <= bins
        order = np.argsort(sign * src, kind="stable")
        assert (np.diff(s[order]) >= 0).all()  # better value, never a lower score
        for v in np.unique(src):  # equal values, equal score
            assert len(np.unique(s[src == v])) == 1
        if len(np.unique(src)) >= bins:
            assert len(np.unique(s)) == bins  # every score used when the data allow
    assert (out["rfm_score"] == out["R"] + out["F"] + out["M"]).all()


def test_rfm_segments_default():
    df = pd.DataFrame({"recency_days": [5, 40, 200, 300, 10], "frequency": [9, 3, 1, 8, 1],
                       "monetary": [900.0, 150.0, 40.0, 700.0, 30.0]})
    seg = rfm_segments(rfm_scores(df))
    assert seg["segment"].astype(str).tolist() == ["important value", "general win-back", "general win-back",
                                                   "important retention", "general development"]
    assert seg["segment_zh"].tolist()[0] == "重要价值客户"


def test_rfm_segments_all_eight():
    rows = [(r, f, m) for r in (5, 1) for f in (5, 1) for m in (5, 1)]
    scores = pd.DataFrame(rows, columns=["R", "F", "M"]).assign(
        rfm_code=lambda d: d["R"].astype(str) + d["F"].astype(str) + d["M"].astype(str))
    scores.attrs["rfm_bins"] = 5
    seg = rfm_segments(scores)
    assert seg["segment"].nunique() == 8
    assert seg.loc[seg["rfm_code"] == "151", "segment"].item() == "general retention"
    assert seg.loc[seg["rfm_code"] == "511", "segment"].item() == "general development"
    assert seg.loc[seg["rfm_code"] == "115", "segment_zh"].item() == "重要挽留客户"


def test_rfm_segments_custom_map():
    df = pd.DataFrame({"recency_days": range(10), "frequency": range(10), "monetary": range(10)})
    scores = rfm_scores(df)
    seg = rfm_segments(scores, segment_map={"5..": ("recent", "最近"), "[34]..": "middle"})
    assert set(seg["segment"].astype(str)) == {"recent", "middle", "other"}
    assert seg.loc[0, "segment_zh"] == "最近" and seg.loc[9, "segment_zh"] == "其他"
    assert seg.loc[5, "segment_zh"] == "middle"
    with pytest.raises(CRMDataError, match="not a valid regular expression"):
        rfm_segments(scores, segment_map={"[5": "x"})
    with pytest.raises(TypeError, match="name or a \\(name, Chinese name\\) pair"):
        rfm_segments(scores, segment_map={"5..": 5})
    with pytest.raises(CRMDataError, match="Run rfm_scores\\(data\\) first"):
        rfm_segments(df)


# ---------------------------------------------------------------------------------------------
# the course data
# ---------------------------------------------------------------------------------------------
def test_course_concentration(course):
    share = top_share(course, top=0.2)
    assert 0.75 <= share <= 0.85  # planted 80/20 (DESIGN.md, data)
    assert 0.5 < gini(course) < 0.95
    abc = abc_classify(course)
    a = abc["abc_class"] == "A"
    assert abc.loc[a, "monetary"].sum() / abc["monetary"].sum() == pytest.approx(0.8, abs=0.01)
    assert 0.1 < a.mean() < 0.3


def test_course_grades(course):
    tiers = tier_classify(course, cost_periods=2)
    assert set(tiers["tier"].astype(str)) == {"platinum", "gold", "iron", "lead"}
    assert (tiers.loc[tiers["tier"] == "lead", "net_profit"] < 0).all()
    pyr = pyramid_summary(customer_pyramid(course))
    assert pyr.loc["top", "value_share"] > pyr.loc["top", "customer_share"] * 5
    seg = rfm_segments(rfm_scores(course))
    assert seg["segment"].nunique() == 8
    assert seg.loc[seg["segment"] == "important value", "monetary"].mean() > course["monetary"].mean()


# ---------------------------------------------------------------------------------------------
# empty table, one customer, all-equal values: every function
# ---------------------------------------------------------------------------------------------
EDGE_CALLS = {
    "pareto_table": lambda d: pareto_table(d),
    "top_share": lambda d: top_share(d),
    "lorenz_curve": lambda d: lorenz_curve(d),
    "gini": lambda d: gini(d),
    "abc_classify": lambda d: abc_classify(d),
    "tier_classify": lambda d: tier_classify(d, cost_to_serve=None, price_sensitivity=None, n_suppliers=None),
    "single_indicator_grade": lambda d: single_indicator_grade(d),
    "multi_indicator_score": lambda d: multi_indicator_score(d, weights={"monetary": 1, "frequency": 1}),
    "value_scorecard": lambda d: value_scorecard(d, financial="margin", potential="frequency"),
    "customer_pyramid": lambda d: customer_pyramid(d),
    "rfm_scores": lambda d: rfm_scores(d),
}


def edge_table(n, value=50.0):
    return pd.DataFrame({"monetary": [value] * n, "margin": [10.0] * n, "frequency": [3] * n,
                         "recency_days": [30] * n}, index=[f"E{i}" for i in range(n)])


@pytest.mark.parametrize("name", list(EDGE_CALLS))
def test_empty_table_is_a_clear_error(name):
    with pytest.raises(CRMDataError, match=f"{name}: data is empty"):
        EDGE_CALLS[name](edge_table(0))


@pytest.mark.parametrize("n", [1, 7])
@pytest.mark.parametrize("name", list(EDGE_CALLS))
def test_single_customer_and_equal_values_are_defined(name, n):
    data = edge_table(n)
    out = EDGE_CALLS[name](data)
    expected = {
        "top_share": math.ceil(0.2 * n) / n,
        "gini": 0.0,
    }
    if name in expected:
        assert out == pytest.approx(expected[name])
        return
    if name == "lorenz_curve":
        np.testing.assert_allclose(out["cum_value_share"], out["cum_customer_share"])
        return
    assert sorted(out.index) == sorted(data.index)
    if name == "pareto_table":
        np.testing.assert_allclose(out["share"], 1 / n)
    elif name == "abc_classify":
        # equal customers: A while the share before them is below 80%
        assert (out["abc_class"] == "A").sum() == (1 if n == 1 else 6)
    elif name == "tier_classify":
        assert out["tier"].astype(str).tolist() == ["platinum"] * math.ceil(0.2 * n) + ["iron"] * (n - math.ceil(0.2 * n))
    elif name == "single_indicator_grade":
        assert set(out["grade"].astype(str)) == {"platinum"}  # equal values, equal grade
    elif name == "multi_indicator_score":
        assert (out["score"] == 0.5).all() and (out["rank"] == 1).all()
    elif name == "value_scorecard":
        assert (out["current_value"] == 0.5).all() and set(out["quadrant"].astype(str)) == {"reduce"}
    elif name == "customer_pyramid":
        assert out["level"].iloc[0] == "top"
    elif name == "rfm_scores":
        assert set(out["rfm_code"]) == {"333"}


# ---------------------------------------------------------------------------------------------
# tier profile
# ---------------------------------------------------------------------------------------------
def test_tier_profile_by_hand(four):
    tiers = tier_classify(four.assign(frequency=[40, 30, 5, 2]), top=0.5)
    before = tiers.copy()
    prof = tier_profile(tiers)
    pd.testing.assert_frame_equal(tiers, before)  # input not mutated
    assert list(prof.index) == ["platinum", "gold", "iron", "lead"] and prof.index.name == "tier"
    assert list(prof.columns) == ["customers", "customer_share", "net_profit", "profit_share",
                                  "avg_price_sensitivity", "avg_n_suppliers", "avg_frequency"]
    assert prof["customers"].tolist() == [1, 1, 1, 1]
    # net profit 800, 600, 30, -50: total 1,380
    assert prof["net_profit"].tolist() == [800.0, 600.0, 30.0, -50.0]
    np.testing.assert_allclose(prof["profit_share"], [800 / 1380, 600 / 1380, 30 / 1380, -50 / 1380])
    assert prof["avg_frequency"].tolist() == [40.0, 30.0, 5.0, 2.0]


def test_tier_profile_averages_and_empty_tiers():
    tiers = pd.DataFrame({
        "tier": pd.Categorical(["gold", "gold", "lead", "gold"], categories=["platinum", "gold", "iron", "lead"],
                               ordered=True),
        "net_profit": [100.0, 300.0, -40.0, 200.0],
        "price_sensitivity": [0.2, np.nan, 0.9, 0.5],          # a missing value is left out of the mean
    }, index=["x", "y", "z", "w"])
    prof = tier_profile(tiers)
    assert prof["customers"].tolist() == [0, 3, 0, 1]            # empty tiers are listed
    np.testing.assert_allclose(prof["customer_share"], [0, 0.75, 0, 0.25])
    assert prof.loc["gold", "net_profit"] == 600.0 and prof.loc["platinum", "net_profit"] == 0.0
    assert prof.loc["gold", "avg_price_sensitivity"] == pytest.approx(0.35)
    assert np.isnan(prof.loc["iron", "avg_price_sensitivity"])
    assert "avg_n_suppliers" not in prof.columns                  # default columns the table lacks: skipped
    # text tiers follow the tier order; other names are sorted
    text = tier_profile(tiers.assign(tier=tiers["tier"].astype(str)))
    assert list(text.index) == ["platinum", "gold", "iron", "lead"]
    named = tier_profile(tiers.assign(tier=["b", "b", "a", "c"]), columns=["price_sensitivity"])
    assert list(named.index) == ["a", "b", "c"]


def test_tier_profile_other_profit_and_no_positive_total():
    df = pd.DataFrame({"tier": ["gold", "lead"], "margin": [10.0, -30.0]})
    prof = tier_profile(df, profit="margin", columns=[])
    assert list(prof.columns) == ["customers", "customer_share", "margin", "profit_share"]
    assert prof["profit_share"].isna().all()                     # total -20: a share of it means nothing


def test_tier_profile_errors(four):
    tiers = tier_classify(four, top=0.5)
    with pytest.raises(CRMDataError, match="tier_profile: column 'segment' not found"):
        tier_profile(tiers, tier="segment")
    with pytest.raises(CRMDataError, match="column 'age' not found.*Pass columns="):
        tier_profile(tiers, columns=["age"])
    with pytest.raises(CRMDataError, match="column 'tier_zh' must be numeric"):
        tier_profile(tiers, columns=["tier_zh"])
    with pytest.raises(CRMDataError, match="missing 'tier'"):
        tier_profile(tiers.assign(tier=["gold", None, "iron", "lead"]))
    with pytest.raises(TypeError, match="columns must be a list"):
        tier_profile(tiers, columns=3)
    with pytest.raises(TypeError, match="tiers must be a pandas DataFrame"):
        tier_profile([1, 2])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.floats(-1e4, 1e4, allow_nan=False), st.floats(0, 1), st.integers(1, 6)),
                min_size=1, max_size=60))
def test_tier_profile_invariants(rows):
    df = pd.DataFrame(rows, columns=["margin", "price_sensitivity", "n_suppliers"])
    prof = tier_profile(tier_classify(df, cost_to_serve=None))
    assert prof["customers"].sum() == len(df)
    assert prof["customer_share"].sum() == pytest.approx(1.0)
    assert prof["net_profit"].sum() == pytest.approx(df["margin"].sum(), abs=1e-6)
    if df["margin"].sum() > 0:
        assert prof["profit_share"].sum() == pytest.approx(1.0)


# ---------------------------------------------------------------------------------------------
# cost to serve by class
# ---------------------------------------------------------------------------------------------
@pytest.fixture
def served():
    return pd.DataFrame({"abc_class": pd.Categorical(["A", "C", "B", "C"], categories=["A", "B", "C"]),
                         "monetary": [800.0, 30.0, 150.0, 20.0],
                         "cost_to_serve_cny": [20.0, 5.0, 10.0, 5.0]}, index=["k1", "k2", "k3", "k4"])


def test_cost_to_serve_by_hand(served):
    before = served.copy()
    out = cost_to_serve_by_class(served)
    pd.testing.assert_frame_equal(served, before)
    assert list(out.index) == ["A", "B", "C"] and out.index.name == "abc_class"
    assert out["customers"].tolist() == [1, 1, 2]
    np.testing.assert_allclose(out["revenue_share"], [0.8, 0.15, 0.05])
    np.testing.assert_allclose(out["cost_share"], [0.5, 0.25, 0.25])
    # C: cost 10 for revenue 50 -> 20 per 100 of revenue
    np.testing.assert_allclose(out["cost_per_100_revenue"], [2.5, 10 / 150 * 100, 20.0])
    two = cost_to_serve_by_class(served, cost_periods=2)       # two years of cost against the revenue
    np.testing.assert_allclose(two["cost"], 2 * out["cost"])
    np.testing.assert_allclose(two["cost_per_100_revenue"], 2 * out["cost_per_100_revenue"])
    np.testing.assert_allclose(two["cost_share"], out["cost_share"])


def test_cost_to_serve_empty_class_and_other_names(served):
    no_b = served[served["abc_class"] != "B"]
    out = cost_to_serve_by_class(no_b)
    assert out.loc["B", "customers"] == 0 and np.isnan(out.loc["B", "cost_per_100_revenue"])
    tiers = served.rename(columns={"abc_class": "tier", "monetary": "sales", "cost_to_serve_cny": "service"})
    out2 = cost_to_serve_by_class(tiers, by="tier", value="sales", cost="service")
    np.testing.assert_allclose(out2["cost_share"], [0.5, 0.25, 0.25])


def test_cost_to_serve_errors(served):
    with pytest.raises(CRMDataError, match="negative 'cost_to_serve_cny'.*customer k2"):
        cost_to_serve_by_class(served.assign(cost_to_serve_cny=[1.0, -2.0, 1.0, 1.0]))
    with pytest.raises(CRMDataError, match="cost_periods must be a positive number"):
        cost_to_serve_by_class(served, cost_periods=0)
    with pytest.raises(TypeError, match="cost_periods must be a number"):
        cost_to_serve_by_class(served, cost_periods="2")
    with pytest.raises(CRMDataError, match="column 'tier' not found"):
        cost_to_serve_by_class(served, by="tier")
    with pytest.raises(CRMDataError, match="missing 'monetary'"):
        cost_to_serve_by_class(served.assign(monetary=[1.0, None, 2.0, 3.0]))


# ---------------------------------------------------------------------------------------------
# gold persistence and bad customers (the Chapter 3 rules)
# ---------------------------------------------------------------------------------------------
def yearly_tx(rows):
    """rows: (customer, year, amount) -> a transactions table dated mid-year."""
    c, y, a = zip(*rows)
    return pd.DataFrame({"customer_id": c, "order_date": pd.to_datetime([f"{v}-06-30" for v in y]),
                         "amount": [float(v) for v in a]})


def test_gold_persistence_by_hand():
    # 2023: 10 buyers, top 20% = 2 -> A, B.  2024: 10 buyers, top 2 -> B, K. One of two kept.
    rows = [(f"{k}", 2023, v) for k, v in zip("ABCDEFGHIJ", [900, 800, 70, 60, 50, 40, 30, 20, 10, 5])]
    rows += [(f"{k}", 2024, v) for k, v in zip("ABCDEFGHIK", [50, 700, 60, 40, 30, 20, 10, 9, 8, 1000])]
    tx = yearly_tx(rows)
    before = tx.copy()
    out = gold_persistence(tx, top=0.2)
    pd.testing.assert_frame_equal(tx, before)
    assert out.to_dict("records") == [{"year_from": 2023, "year_to": 2024, "gold_from": 2, "gold_to": 2,
                                       "kept": 1, "kept_share": 0.5}]
    # the 5% rule on 10 buyers: ceil(0.5) = 1 gold customer a year (A, then K)
    assert gold_persistence(tx)["kept"].tolist() == [0]


def test_gold_persistence_returns_ties_and_gaps():
    # B's 2023 purchase is cancelled by a return: B is not a buyer; A and C tie (ties by customer id)
    tx = yearly_tx([("A", 2023, 100), ("C", 2023, 100), ("B", 2023, 500), ("B", 2023, -500),
                    ("C", 2025, 10), ("A", 2025, 5)])
    out = gold_persistence(tx, top=0.5)
    assert out["year_from"].tolist() == [2023, 2024] and out["year_to"].tolist() == [2024, 2025]
    assert out["gold_from"].tolist() == [1, 0]      # ceil(0.5 x 2 buyers) = 1: A (before C); nobody in 2024
    assert out["kept"].tolist() == [0, 0] and np.isnan(out.loc[1, "kept_share"])
    # a flagged return counts negative whatever its sign
    flagged = tx.assign(amount=tx["amount"].abs(), is_return=[False, False, False, True, False, False])
    pd.testing.assert_frame_equal(gold_persistence(flagged, top=0.5), out)


def test_gold_persistence_errors():
    tx = yearly_tx([("A", 2024, 10), ("B", 2024, 5)])
    with pytest.raises(CRMDataError, match="gold_persistence: the transactions cover only 2024"):
        gold_persistence(tx)
    with pytest.raises(CRMDataError, match="top must be between 0 and 1"):
        gold_persistence(tx, top=5)
    with pytest.raises(CRMDataError, match="gold_persistence: column 'sales' not found"):
        gold_persistence(tx, amount="sales")
    with pytest.raises(TypeError, match="gold_persistence: transactions must be a pandas DataFrame"):
        gold_persistence(None)


@pytest.fixture
def bad_inputs():
    summary = pd.DataFrame({"recency_days": [10.0, 366.0, 365.0, np.nan, 30.0]},
                           index=pd.Index(["C1", "C2", "C3", "C4", "C5"], name="customer_id"))
    tx = pd.DataFrame({"customer_id": ["C5", "C5", "C5", "C1", "C3", "C9", "C9"],
                       "order_id": ["T1", "T1", "T2", "T3", "T4", "T5", "T6"],
                       "tender_result": ["lost", "lost", "LOST", "lost", "won", "lost", "lost"]})
    return summary, tx


def test_bad_customers_by_hand(bad_inputs):
    summary, tx = bad_inputs
    before_s, before_t = summary.copy(), tx.copy()
    out = bad_customers(summary, tx)
    pd.testing.assert_frame_equal(summary, before_s)
    pd.testing.assert_frame_equal(tx, before_t)
    assert list(out.index) == list(summary.index)                         # same customers, same order
    assert out["recency_days"].equals(summary["recency_days"])
    # C5: tender T1 (two lines) and T2 -> 2 lost tenders; C1: 1; C9 is not in the summary
    assert out["n_lost_tenders"].tolist() == [1, 0, 0, 0, 2]
    # more than 365 days, or never bought in the period (missing recency)
    assert out["no_recent_order"].tolist() == [False, True, False, True, False]
    assert out["many_lost_tenders"].tolist() == [False, False, False, False, True]
    assert out["bad"].tolist() == [False, True, False, True, True]


def test_bad_customers_options(bad_inputs):
    summary, tx = bad_inputs
    rows = bad_customers(summary, tx.drop(columns="order_id"))          # without orders each row is a tender
    assert rows.loc["C5", "n_lost_tenders"] == 3
    assert bad_customers(summary, tx, order=None).loc["C5", "n_lost_tenders"] == 3
    assert bad_customers(summary, tx, min_lost_tenders=1)["many_lost_tenders"].sum() == 2
    assert bad_customers(summary, tx, max_recency_days=30)["no_recent_order"].tolist() == [False, True, True, True,
                                                                                        False]
    no_tender = bad_customers(summary, tx.drop(columns="tender_result"), tender=None)
    assert not no_tender["many_lost_tenders"].any() and no_tender["bad"].sum() == 2


def test_bad_customers_errors(bad_inputs):
    summary, tx = bad_inputs
    with pytest.raises(CRMDataError, match="none of the 3 customers with a lost tender.*set_index"):
        bad_customers(summary.reset_index(), tx)
    with pytest.raises(CRMDataError, match="column 'tender_result' not found.*Pass tender="):
        bad_customers(summary, tx.rename(columns={"tender_result": "result"}))
    with pytest.raises(CRMDataError, match="column 'recency' not found"):
        bad_customers(summary, tx, recency="recency")
    with pytest.raises(CRMDataError, match="min_lost_tenders must be at least 1"):
        bad_customers(summary, tx, min_lost_tenders=0)
    with pytest.raises(CRMDataError, match="max_recency_days must be 0 or more"):
        bad_customers(summary, tx, max_recency_days=-1)
    with pytest.raises(TypeError, match="max_recency_days must be a number"):
        bad_customers(summary, tx, max_recency_days="a year")
    with pytest.raises(TypeError, match="transactions must be a pandas DataFrame"):
        bad_customers(summary, [1])
    with pytest.raises(CRMDataError, match="lists customer 'C1' more than once"):
        bad_customers(pd.concat([summary, summary.iloc[:1]]), tx)


def test_course_gold_and_bad_customers(course):
    import crmlearn

    tx = crmlearn.load_dataset("transactions")
    # independent check of the 5% rule with plain pandas: buyers = positive net revenue in the year
    net = tx.assign(year=tx["order_date"].dt.year).groupby(["year", "customer_id"])["amount"].sum()
    gold = {}
    for year in (2023, 2024):
        buyers = net.loc[year][net.loc[year] > 0].sort_index()
        gold[year] = set(buyers.sort_values(ascending=False, kind="stable").index[:math.ceil(0.05 * len(buyers))])
    out = gold_persistence(tx).iloc[0]
    assert (out["gold_from"], out["gold_to"]) == (len(gold[2023]), len(gold[2024]))
    assert out["kept"] == len(gold[2023] & gold[2024]) and 0.3 < out["kept_share"] < 0.95
    flags = bad_customers(course, tx)
    lost = tx[tx["tender_result"] == "lost"].groupby("customer_id")["order_id"].nunique()
    assert flags["many_lost_tenders"].sum() == (lost >= 2).sum()
    assert flags["no_recent_order"].sum() == (course["recency_days"] > 365).sum() + course["recency_days"].isna().sum()


# ---------------------------------------------------------------------------------------------
# the airline cabins
# ---------------------------------------------------------------------------------------------
def test_cabin_fares_from_the_case():
    # Case 7-3 (textbook, syllabus Chapter 4): business 1.3x and first 1.5x the economy fare
    fares = cabin_fares(1200)
    assert fares.to_dict() == {"economy": 1200.0, "business": 1560.0, "first": 1800.0}
    assert fares.index.name == "cabin" and fares.name == "fare"
    assert cabin_fares(900)["first"] == pytest.approx(1350.0)


def test_cabin_fares_custom_and_errors():
    mult = pd.Series({"economy": 1.0, "premium": 1.2})
    assert cabin_fares(500, multipliers=mult).tolist() == [500.0, 600.0]
    assert mult.tolist() == [1.0, 1.2]                     # not mutated
    with pytest.raises(CRMDataError, match="economy_fare must be a positive number"):
        cabin_fares(-5)
    with pytest.raises(TypeError, match="economy_fare must be a number"):
        cabin_fares("1200")
    with pytest.raises(CRMDataError, match="multiplier of 'first' must be a positive number"):
        cabin_fares(100, multipliers={"economy": 1.0, "first": 0})
    with pytest.raises(TypeError, match="multiplier of 'first' must be a number"):
        cabin_fares(100, multipliers={"first": "1.5x"})
    with pytest.raises(CRMDataError, match="multipliers is empty"):
        cabin_fares(100, multipliers={})
    with pytest.raises(TypeError, match="multipliers must be a dict"):
        cabin_fares(100, multipliers=[1.0, 1.3])


def test_attendants_needed():
    # one first-class attendant per 10-15 passengers (case 7-3): 30 passengers need 2 to 3
    assert attendants_needed(30) == (2, 3)
    assert attendants_needed(30, per_attendant=(15, 10)) == (2, 3)         # either order
    assert attendants_needed(31) == (3, 4) and attendants_needed(0) == (0, 0)
    assert attendants_needed(45, per_attendant=(40, 50)) == (1, 2)
    assert attendants_needed(10, per_attendant=(2.5, 5)) == (2, 4)
    with pytest.raises(CRMDataError, match="passengers must be at least 0"):
        attendants_needed(-1)
    with pytest.raises(TypeError, match="passengers must be a whole number"):
        attendants_needed(30.5)
    with pytest.raises(CRMDataError, match="two numbers"):
        attendants_needed(30, per_attendant=(10, 12, 15))
    with pytest.raises(CRMDataError, match="per_attendant must be a positive number"):
        attendants_needed(30, per_attendant=(0, 15))
    with pytest.raises(TypeError, match="per_attendant must be a pair"):
        attendants_needed(30, per_attendant=10)


def test_new_functions_reject_empty_tables(four, served):
    with pytest.raises(CRMDataError, match="tier_profile: tiers is empty"):
        tier_profile(tier_classify(four).iloc[:0])
    with pytest.raises(CRMDataError, match="cost_to_serve_by_class: data is empty"):
        cost_to_serve_by_class(served.iloc[:0])
    with pytest.raises(CRMDataError, match="gold_persistence: transactions is empty"):
        gold_persistence(yearly_tx([("A", 2023, 1)]).iloc[:0])
    with pytest.raises(CRMDataError, match="bad_customers: summary is empty"):
        bad_customers(pd.DataFrame({"recency_days": []}), pd.DataFrame({"customer_id": ["A"]}))


def test_pyramid_summary_top_replaces_core_share_with_a_warning():
    df = pd.DataFrame({"monetary": [500, 300, 60, 40, 30, 25, 20, 15, 6, 0]})
    pyr = customer_pyramid(df, levels={"gold": 0.2, "silver": 0.3, "bronze": 0.5})
    new = pyramid_summary(pyr, top=0.5)
    with pytest.warns(FutureWarning, match="top="):
        old = pyramid_summary(pyr, core_share=0.5)
    pd.testing.assert_frame_equal(new, old)
    # a wider top fraction makes more levels core: gold alone at 0.2, gold and silver at 0.5
    assert list(pyramid_summary(pyr)["core"]) == [True, False, False, False]
    assert list(new["core"]) == [True, True, False, False]
