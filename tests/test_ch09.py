"""Chapter 9: relationship stages, opportunities, early warning, churn cost and value groups.

Reference figures: the source of chapter 9 (syllabus [003_e3e9ec8661af876a.txt]): telecom churn
Europe 25%, US 30% a year; US operators lose US$9 bn revenue + US$7.5 bn extra acquisition cost.
"""
import numpy as np
import pandas as pd
import pytest

from crmlearn import retention as r
from crmlearn._validation import CRMDataError
from crmlearn.datasets import load_dataset as load

AS_OF = "2024-09-30"


@pytest.fixture(scope="module")
def tx():
    return load("transactions")


@pytest.fixture(scope="module")
def planted():
    c = load("customers")
    return set(c.loc[c["slowdown_start"].notna(), "customer_id"])


# ---------------------------------------------------------------- stages (hand-worked boundaries)
def test_wallet_stage_boundaries():
    d = pd.DataFrame({"share": [0.0, 0.3, 0.499, 0.5, 0.65, 0.799, 0.8, 0.9, 1.0]})
    got = r.wallet_stage(d)["wallet_stage"].astype(str).tolist()
    assert got == ["development", "initial", "initial", "stable", "stable", "stable",
                   "strategic", "strategic", "strategic"]


def test_wallet_stage_syllabus_exercise_and_input_kept():
    # syllabus exercise 2: 3.6 of 8 million -> 45% -> initial cooperation
    d = pd.DataFrame({"share": [3.6 / 8]}, index=["X"])
    out = r.wallet_stage(d)
    assert out.index.tolist() == ["X"] and list(out.columns)[:1] == ["share"]
    assert out["wallet_stage"].iloc[0] == "initial"
    assert "offensive" in out["stage_strategy"].iloc[0]
    assert list(d.columns) == ["share"]          # input not mutated


def test_wallet_stage_agrees_with_course_data():
    sow = load("share_of_wallet")
    out = r.wallet_stage(sow)
    assert (out["wallet_stage"].astype(str) == sow["stage"].astype(str)).all()


def test_wallet_stage_custom_cuts_and_errors():
    d = pd.DataFrame({"share": [0.6, 0.7]})
    assert r.wallet_stage(d, cuts=(0.6, 0.7))["wallet_stage"].astype(str).tolist() == ["stable", "strategic"]
    with pytest.raises(CRMDataError, match="wallet_stage.*between 0 and 1"):
        r.wallet_stage(pd.DataFrame({"share": [65.0]}))
    with pytest.raises(CRMDataError, match="cuts"):
        r.wallet_stage(d, cuts=(0.8, 0.5))
    with pytest.raises(CRMDataError, match="share"):
        r.wallet_stage(pd.DataFrame({"pct": [0.1]}))


def test_stage_transitions_hand_worked():
    d = pd.DataFrame({"customer_id": ["A", "A", "B", "B", "C", "C", "D"],
                      "year": [2023, 2024] * 3 + [2024],
                      "share": [0.499, 0.5, 0.8, 0.799, 1.0, 1.0, 0.3]})
    moves = r.stage_transitions(d, category=None, output="moves").set_index("customer_id")
    assert moves.loc["A", "move"] == "up" and moves.loc["B", "move"] == "down" and moves.loc["C", "move"] == "same"
    assert "D" not in moves.index                       # one year only: no move
    table = r.stage_transitions(d, category=None)
    assert table.loc["initial", "stable"] == 1 and table.loc["strategic", "stable"] == 1
    assert table.loc["strategic", "strategic"] == 1 and table.to_numpy().sum() == 3


def test_stage_transitions_course_data_has_moves_both_ways():
    moves = r.stage_transitions(load("share_of_wallet"), output="moves")
    counts = moves["move"].value_counts()
    assert counts.get("up", 0) > 0 and counts.get("down", 0) > 0


def test_opportunities_eight_found_in_events():
    op = r.opportunities(load("share_of_wallet"))
    assert len(op) == 8 and (op["customers"] > 0).all()
    with pytest.raises(CRMDataError, match="eight opportunities"):
        r.opportunities(pd.DataFrame({"customer_id": ["A"], "events": ["bribe"]}))


def test_opportunities_hand_counted():
    # rows with two events, a repeated customer, an empty and a missing events cell, spaces around codes
    d = pd.DataFrame({"customer_id": ["A", "B", "A", "C", "D", "E"],
                      "events": ["cost_pressure; personnel_change", "cost_pressure", " cost_pressure ", "", None,
                                 "personnel_change"]})
    op = r.opportunities(d).set_index("opportunity")
    assert op.loc["cost_pressure", ["rows", "customers"]].tolist() == [3, 2]
    assert op.loc["cost_pressure", "example_customers"] == "A, B"
    assert op.loc["personnel_change", ["rows", "customers", "example_customers"]].tolist() == [2, 2, "A, E"]
    assert op.loc["new_product_launch", ["rows", "customers", "example_customers"]].tolist() == [0, 0, ""]
    assert d["events"].isna().sum() == 1        # input not changed


# ---------------------------------------------------------------- early warning vs the planted slowdowns
def test_early_warning_precision_recall_default(tx, planted):
    ew = r.early_warning(tx, as_of=AS_OF)
    flagged = set(ew.index[ew["flagged"]])
    tp = len(flagged & planted)
    assert tp / len(flagged) >= 0.8, (tp, len(flagged))
    assert tp / len(planted) >= 0.8, (tp, len(planted))
    assert ew.loc[list(flagged), "reason"].str.contains("usual").all()


def test_group_median_and_orders_match_pandas():
    # the vectorised helpers of early_warning against pandas' own groupby (odd, even and empty groups, ties)
    rng = np.random.default_rng(3)
    g = rng.integers(0, 50, 2000)
    v = np.round(rng.lognormal(3, 1, 2000), 0)          # rounded: many ties
    med = r._group_median(g, v, 60)
    want = pd.Series(v).groupby(g).median().reindex(range(60)).to_numpy()
    np.testing.assert_array_equal(med, want)
    assert np.isnan(med[50:]).all()
    c, d = rng.integers(0, 30, 2000), rng.integers(0, 100, 2000)
    o = rng.integers(0, 400, 2000)
    oc, od, ov = r._orders(c, d, v, o)
    got = pd.DataFrame({"c": oc, "d": od, "v": ov}).sort_values(["c", "d", "v"]).reset_index(drop=True)
    ref = (pd.DataFrame({"c": c, "o": o, "d": d, "v": v}).groupby(["c", "o"]).agg(d=("d", "min"), v=("v", "sum"))
           .reset_index()[["c", "d", "v"]].sort_values(["c", "d", "v"]).reset_index(drop=True))
    pd.testing.assert_frame_equal(got, ref, check_dtype=False)
    o_missing = np.where(np.arange(2000) % 7 == 0, np.nan, o)   # missing ids: one order per customer, as groupby
    oc, od, ov = r._orders(c, d, v, o_missing)
    ref = (pd.DataFrame({"c": c, "o": pd.factorize(o_missing)[0], "d": d, "v": v}).groupby(["c", "o"])
           .agg(d=("d", "min"), v=("v", "sum")).reset_index()[["c", "d", "v"]].sort_values(["c", "d", "v"]))
    got = pd.DataFrame({"c": oc, "d": od, "v": ov}).sort_values(["c", "d", "v"])
    pd.testing.assert_frame_equal(got.reset_index(drop=True), ref.reset_index(drop=True), check_dtype=False)
    oc, od, ov = r._orders(c, d, v)                        # no order id: one order per customer and day
    assert len(oc) == len(pd.DataFrame({"c": c, "d": d}).drop_duplicates())
    assert np.isclose(ov.sum(), v.sum())


def test_early_warning_backtest_lead_days(tx, planted):
    buy = tx[~tx["is_return"] & (tx["tender_result"] != "lost")]
    last = buy.groupby("customer_id")["order_date"].max()
    first_flag = {}
    for as_of in pd.date_range("2024-01-31", "2024-12-31", freq="ME"):
        ew = r.early_warning(tx, as_of=as_of)
        for c in planted & set(ew.index[ew["flagged"]]):
            first_flag.setdefault(c, as_of)
    assert len(first_flag) >= 0.8 * len(planted)
    lead = [(last[c] - d).days for c, d in first_flag.items()]
    assert np.mean(lead) >= 60, lead


def test_early_warning_purchase_rule_and_errors(tx):
    small = tx[tx["customer_id"].isin(tx["customer_id"].unique()[:50])]
    a = r.early_warning(small, as_of=AS_OF)
    # a return line never counts as an order
    extra = small.iloc[:1].copy()
    extra["order_id"], extra["is_return"], extra["amount"] = "RX", True, -10.0
    extra["order_date"] = pd.Timestamp(AS_OF)
    b = r.early_warning(pd.concat([small, extra]), as_of=AS_OF)
    pd.testing.assert_frame_equal(a, b)
    with pytest.raises(CRMDataError, match="as_of"):
        r.early_warning(small, as_of="not a date")
    with pytest.raises(TypeError, match="window"):
        r.early_warning(small, as_of=AS_OF, window=1.5)


def test_early_warning_hand_worked():
    days = pd.to_datetime("2024-01-01") + pd.to_timedelta(np.r_[np.arange(0, 260, 10), [300, 340]], "D")
    amt = np.r_[np.full(26, 100.0), [20.0, 20.0]]
    t = pd.DataFrame({"customer_id": "A", "order_date": days, "amount": amt, "order_id": np.arange(28)})
    ew = r.early_warning(t, as_of="2024-12-31", window=90)      # window: 2 small orders where 8.5 were usual
    assert ew.loc["A", "orders_window"] == 2 and ew.loc["A", "value_ratio"] == pytest.approx(0.2)
    assert ew.loc["A", "expected"] == pytest.approx(90 / (276 / 26))
    assert bool(ew.loc["A", "flagged"])
    t2 = t.assign(amount=100.0)                                  # same pace, same value: slower only
    assert not bool(r.early_warning(t2, as_of="2024-12-31", window=90).loc["A", "flagged"])


# ---------------------------------------------------------------- churn figures of the source
def test_churn_rate_simple_and_cost_source_figures():
    assert r.churn_rate_simple(4_000_000, 1_000_000) == pytest.approx(r.TELECOM_CHURN["Europe"])
    eu = r.churn_cost(n_subscribers=4_000_000, churn_rate=r.TELECOM_CHURN["Europe"])
    us = r.churn_cost(n_subscribers=4_000_000, churn_rate=r.TELECOM_CHURN["US"])
    assert eu["lost"] == pytest.approx(1_000_000) and us["lost"] == pytest.approx(1_200_000)
    # US$9 bn + US$7.5 bn: per churner revenue and acquisition reproduce the source's total
    n_us = 1e8
    lost = n_us * 0.30
    cost = r.churn_cost(n_subscribers=n_us, churn_rate=0.30,
                        revenue_per_churner=r.US_CHURN_COST_USD["lost_revenue"] / lost,
                        acquisition_cost=r.US_CHURN_COST_USD["extra_acquisition_cost"] / lost)
    assert cost["revenue_lost"] == pytest.approx(9.0e9) and cost["total"] == pytest.approx(16.5e9)
    with pytest.raises(CRMDataError, match="0.25"):
        r.churn_cost(n_subscribers=10, churn_rate=25)
    with pytest.raises(CRMDataError, match="lost"):
        r.churn_rate_simple(100, 120)


def test_churn_cost_table():
    s = pd.DataFrame({"churned": [True, False, True], "arpu_cny": [10.0, 20.0, 30.0],
                      "acquisition_cost_cny": [100.0, 200.0, 300.0]})
    c = r.churn_cost(s)
    assert c["lost"] == 2 and c["churn_rate"] == pytest.approx(2 / 3)
    assert c["revenue_lost"] == pytest.approx(12 * 40.0) and c["replacement_cost"] == pytest.approx(400.0)


def test_value_groups_match_syllabus_cases_and_data():
    # syllabus exercise 6: high margin stable; low spend fast-growing; zero use minimum fee; complaints + rival
    d = pd.DataFrame({"margin_cny": [150.0, 20.0, -10.0, 60.0, 5.0, 30.0],
                      "growth_rate": [0.02, 0.4, 0.0, 0.01, 0.0, 0.0],
                      "complaints_90d": [0, 0, 0, 3, 0, 0], "competitor_offer_flag": [False] * 3 + [True] + [False] * 2})
    got = r.value_groups(d)["value_group_rule"].astype(str).tolist()
    assert got[:4] == ["most_valuable", "growth", "negative_value", "pre_churn"]
    subs = load("subscribers")
    agree = (r.value_groups(subs)["value_group_rule"].astype(str) == subs["value_group"].astype(str)).mean()
    assert agree >= 0.7, agree


def test_churn_model_holdout():
    pytest.importorskip("sklearn")
    res = r.churn_model(load("subscribers"))
    assert 0.6 <= res["auc"] <= 1.0
    cal = res["calibration"]
    assert cal["customers"].sum() == res["n_test"]
    assert cal["observed"].iloc[-1] > cal["observed"].iloc[0]


# ---------------------------------------------------------------- plots and widgets
def test_plots_return_axes(tx, planted):
    import matplotlib.pyplot as plt

    from crmlearn.plots import early_warning_plot, wallet_stage_plot

    fig, ax = plt.subplots()
    staged = r.wallet_stage(load("share_of_wallet"))
    assert wallet_stage_plot(staged, ax=ax) is ax
    assert len(ax.get_legend().get_texts()) == 4
    fig2, ax2 = plt.subplots()
    ew = r.early_warning(tx, as_of=AS_OF)
    assert early_warning_plot(ew, truth=planted, max_value_ratio=0.35, ax=ax2) is ax2
    plt.close("all")


def test_widgets_update(tx, planted):
    pytest.importorskip("ipywidgets")
    from crmlearn import widgets as w

    box = w.stage_threshold_widget(load("share_of_wallet"))
    before = box.summary.value
    box.controls["low"].value = 0.3
    assert box.summary.value != before
    ew = w.early_warning_widget(tx, planted)
    assert "precision" in ew.summary.value
    ew.controls["max_value_ratio"].value = 0.9
    assert "precision" in ew.summary.value
    s = w.sbg_curve_widget()
    v = s.summary.value
    s.controls["beta"].value = 3.0
    assert s.summary.value != v


def test_warning_quality_counts_by_hand():
    from crmlearn.retention import warning_quality

    w = pd.DataFrame({"flagged": [True, True, True, False]}, index=["A", "B", "C", "D"])
    q = warning_quality(w, {"B", "D", "E"}).iloc[0]
    assert (q["warnings"], q["real"], q["found"]) == (3, 3, 1)
    assert q["precision"] == pytest.approx(1 / 3) and q["recall"] == pytest.approx(1 / 3)
    none = warning_quality(w.assign(flagged=False), {"B"}).iloc[0]
    assert np.isnan(none["precision"]) and none["recall"] == 0
    with pytest.raises(TypeError, match="warning_quality: truth"):
        warning_quality(w, "B")
    with pytest.raises(CRMDataError, match="flagged"):
        warning_quality(w.drop(columns="flagged"), {"B"})
