"""The table contract of DESIGN.md ("Tables"), checked on every per-customer function.

A per-customer function returns a NEW DataFrame on the input's index, with the input's columns
first (same order, same values) and its own columns appended, so calls chain with ``.pipe``;
the input is not changed; and nothing a later function needs travels in ``.attrs``: the next
step of each chain below runs on a copy of the result whose attrs were cleared and must give
the same answer.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

import crmlearn
from crmlearn import grading, loyalty, satisfaction, segmentation
from crmlearn.customers import summarize_customers

warnings.filterwarnings("ignore", category=FutureWarning)


@pytest.fixture(scope="module")
def graded():
    """One row per customer with the grading columns, indexed by customer id."""
    tx = crmlearn.load_dataset("transactions")
    cust = crmlearn.load_dataset("customers").set_index("customer_id")
    summary = summarize_customers(tx, as_of="2024-12-31", customers=cust.index)
    return summary.join(cust[["cost_to_serve_cny", "price_sensitivity", "n_suppliers", "first_order_date",
                              "nature_type"]])


@pytest.fixture(scope="module")
def transactions():
    return crmlearn.load_dataset("transactions")


@pytest.fixture(scope="module")
def survey():
    # a non-default index, so a function that resets it is caught
    return crmlearn.load_dataset("survey").set_index("response_id")


@pytest.fixture(scope="module")
def customers():
    return crmlearn.load_dataset("customers")


@pytest.fixture(scope="module")
def flagged(customers):
    rng = np.random.default_rng(0)
    n = len(customers)
    return customers.drop(columns="nature_type").assign(is_internal=rng.random(n) < 0.1, is_agent=rng.random(n) < 0.2,
                            adds_to_offering=rng.random(n) < 0.5)


@pytest.fixture(scope="module")
def values():
    rng = np.random.default_rng(1)
    return pd.DataFrame(rng.uniform(0, 10, (50, 3)), columns=["v1", "v2", "c1"],
                        index=pd.Index([f"K{i:03d}" for i in range(50)][::-1], name="customer_id"))


def _cases():
    """(name, table fixture, call) for each per-customer function."""
    return [
        ("abc_classify", "graded", lambda d: grading.abc_classify(d)),
        ("tier_classify", "graded", lambda d: grading.tier_classify(d, cost_periods=2)),
        ("single_indicator_grade", "graded", lambda d: grading.single_indicator_grade(d)),
        ("multi_indicator_score", "graded",
         lambda d: grading.multi_indicator_score(d, weights={"monetary": 0.6, "frequency": 0.4})),
        ("value_scorecard", "graded", lambda d: grading.value_scorecard(d, potential="frequency")),
        ("customer_pyramid", "graded", lambda d: grading.customer_pyramid(d)),
        ("rfm_scores", "graded", lambda d: grading.rfm_scores(d)),
        ("rfm_segments", "graded", lambda d: grading.rfm_segments(grading.rfm_scores(d).pipe(_drop_attrs))),
        ("bad_customers", "graded",
         lambda d: grading.bad_customers(d, crmlearn.load_dataset("transactions"))),
        ("quality_traits", "graded",
         lambda d: segmentation.quality_traits(d, payments=crmlearn.load_dataset("payments"))),
        ("behaviour_segments", "graded", lambda d: segmentation.behaviour_segments(d)),
        ("kmeans_segments", "graded",
         lambda d: segmentation.kmeans_segments(d, features=["frequency", "monetary"], k=3, log=True)),
        ("classify_by_nature", "flagged", lambda d: segmentation.classify_by_nature(d)),
        ("delivered_value", "values", lambda d: satisfaction.delivered_value(d, value=["v1", "v2"], cost=["c1"])),
        ("switch_decision", "values",
         lambda d: loyalty.switch_decision(d, saving="v1", switching_cost="v2", risk="c1")),
        ("disconfirmation", "survey", lambda d: satisfaction.disconfirmation(d)),
        ("servqual_scores", "survey", lambda d: satisfaction.servqual_scores(d)),
        ("kano_categories", "survey", lambda d: satisfaction.kano_categories(d)),
        ("loyalty_types", "survey", lambda d: loyalty.loyalty_types(d, repeat=None)),
        ("loyalty_matrix", "survey", lambda d: loyalty.loyalty_matrix(d, patronage="repurchase_intent")),
    ]


def _drop_attrs(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out.attrs.clear()
    return out


@pytest.mark.parametrize("name,fixture,call", _cases(), ids=[c[0] for c in _cases()])
def test_per_customer_contract(name, fixture, call, request):
    data = request.getfixturevalue(fixture)
    before = data.copy(deep=True)
    out = call(data)
    assert isinstance(out, pd.DataFrame), f"{name} returned {type(out).__name__}"
    assert out is not data, f"{name} returned its input"
    assert out.index.equals(data.index), f"{name}: the index changed"
    n = len(data.columns)
    assert list(out.columns[:n]) == list(data.columns), f"{name}: the input columns are not first, in order"
    assert len(out.columns) > n, f"{name}: added no column"
    pd.testing.assert_frame_equal(out.iloc[:, :n], data, check_freq=False, obj=f"{name} input columns")
    pd.testing.assert_frame_equal(data, before, obj=f"{name} input (mutated?)")


def test_pipe_chain_keeps_everything(graded):
    """The chain of the grading chapter, written with .pipe, keeps every column of every step."""
    out = (graded.pipe(grading.abc_classify)
                 .pipe(grading.rfm_scores)
                 .pipe(grading.rfm_segments)
                 .pipe(grading.customer_pyramid))
    for col in list(graded.columns) + ["abc_class", "R", "F", "M", "rfm_code", "segment", "level"]:
        assert col in out.columns, col
    assert out.index.equals(graded.index)


def test_rfm_segments_needs_no_attrs(graded):
    """rfm_segments reads the bins from its argument, not from the scores' attrs."""
    scores = grading.rfm_scores(graded, bins=3)
    with_attrs = grading.rfm_segments(scores, bins=3)
    without = grading.rfm_segments(_drop_attrs(scores), bins=3)
    pd.testing.assert_series_equal(with_attrs["segment"], without["segment"])
    # bins=3: high means a score of 3; with bins=5 on the same scores nothing is high
    assert (with_attrs["segment"] == "important value").any() or with_attrs["segment"].nunique() > 1
    five = grading.rfm_segments(_drop_attrs(scores), bins=5)
    assert five["segment"].nunique() == 1


def test_plots_need_no_attrs(graded):
    """Plots draw the same from a table whose attrs were cleared (the settings come as arguments)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from crmlearn import plots
    from crmlearn.clv import simple_clv_schedule
    from crmlearn.retention import cohort_table

    sc = grading.value_scorecard(graded, potential="frequency", split=0.4)
    fig, (a1, a2) = plt.subplots(1, 2)
    plots.scorecard_plot(sc, split=0.4, ax=a1)
    plots.scorecard_plot(_drop_attrs(sc), split=0.4, ax=a2)
    assert [l.get_xdata()[0] for l in a1.lines] == [l.get_xdata()[0] for l in a2.lines] == [0.4, 0.0]
    plt.close(fig)

    sched = simple_clv_schedule(100, 0.8, 0.1, periods=5)
    fig, ax = plt.subplots()
    plots.clv_schedule_plot(_drop_attrs(sched), ax=ax)
    line = [l for l in ax.lines if l.get_linestyle() == "--"][0]
    assert line.get_ydata()[0] == pytest.approx(sched.attrs["clv_infinite"])
    plt.close(fig)

    tx = crmlearn.load_dataset("transactions").head(3000)
    counts = cohort_table(tx, values="count")
    fig, ax = plt.subplots()
    plots.cohort_heatmap(_drop_attrs(counts), ax=ax)
    assert ax.images[0].colorbar.ax.get_ylabel() == "Customers buying"
    plt.close(fig)


def test_ipa_chart_crosshair_is_an_argument(survey):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from crmlearn.plots import ipa_chart

    table = satisfaction.ipa(survey, crosshair="median")
    fig, ax = plt.subplots()
    ipa_chart(_drop_attrs(table), crosshair="median", ax=ax)
    xs = sorted({float(l.get_xdata()[0]) for l in ax.lines})
    assert table.attrs["crosshair"][1] in [pytest.approx(x) for x in xs]
    plt.close(fig)
