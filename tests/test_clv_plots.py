"""Tests for the chapter-9 plots (crmlearn.plots.clv) and the simple-CLV widget (crmlearn.widgets.clv)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from crmlearn import CRMDataError, NotFittedError  # noqa: E402
from crmlearn.clv import BetaGeo, calibration_holdout, simple_clv_schedule, simulate_bgnbd  # noqa: E402
from crmlearn.plots import (  # noqa: E402
    calibration_holdout_plot,
    clv_schedule_plot,
    cohort_heatmap,
    expected_purchases_heatmap,
    probability_alive_heatmap,
    sbg_survival_plot,
)
from crmlearn.retention import ShiftedBetaGeometric, cohort_table  # noqa: E402

PARAMS = {"r": 0.5, "alpha": 4.0, "a": 0.8, "b": 2.5}


@pytest.fixture(scope="module")
def data():
    return simulate_bgnbd(2000, PARAMS, T=39, holdout=39, random_state=1)


@pytest.fixture(scope="module")
def bg(data):
    return BetaGeo().fit(data)


@pytest.fixture
def tx():
    rng = np.random.default_rng(0)
    n = 400
    return pd.DataFrame({"customer_id": rng.integers(0, 80, n),
                         "order_date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 300, n), unit="D")})


def test_heatmaps_draw_on_the_given_axes(bg):
    fig, (ax1, ax2) = plt.subplots(1, 2)
    out1 = expected_purchases_heatmap(bg, t=4, max_frequency=12, n_recency=20, ax=ax1)
    out2 = probability_alive_heatmap(bg, max_frequency=12, n_recency=20, ax=ax2)
    assert out1 is ax1 and out2 is ax2
    for ax in (ax1, ax2):
        assert ax.get_xlabel() == "Recency (time of last repeat purchase)"
        assert ax.get_ylabel() == "Frequency (repeat purchases)"
        mesh = ax.collections[0]
        assert mesh.get_array().shape == (13 * 20,) or mesh.get_array().shape == (13, 20)
    assert "Expected purchases in the next 4" in fig.axes[2].get_ylabel()      # colour bar
    assert fig.axes[3].get_ylabel().startswith("P(still active)")
    values = np.ma.filled(ax2.collections[0].get_array(), np.nan)
    assert np.nanmin(values) >= 0 and np.nanmax(values) <= 1


def test_heatmap_without_ax_uses_a_new_figure(bg):
    ax = probability_alive_heatmap(bg, max_frequency=5)
    assert ax.figure is plt.gcf()


def test_heatmap_needs_a_fitted_model():
    with pytest.raises(NotFittedError, match="BetaGeo is not fitted yet"):
        expected_purchases_heatmap(BetaGeo())


def test_calibration_holdout_plot(bg, data):
    table = calibration_holdout(bg, data, max_frequency=5)
    fig, ax = plt.subplots()
    assert calibration_holdout_plot(table, ax=ax) is ax
    actual, model = ax.get_lines()
    np.testing.assert_allclose(actual.get_ydata(), table["actual"])
    np.testing.assert_allclose(model.get_ydata(), table["predicted"])
    assert [t.get_text() for t in ax.get_xticklabels()][-1] == "5+"
    with pytest.raises(CRMDataError, match="column 'actual' not found"):
        calibration_holdout_plot(table.drop(columns="actual"), ax=ax)


def test_sbg_survival_plot():
    alive = [1000, 631, 468, 382, 326, 289, 262, 241]
    full = alive + [223, 207, 194, 183, 173]
    model = ShiftedBetaGeometric().fit(alive)
    fig, ax = plt.subplots()
    assert sbg_survival_plot(model, actual=full, ax=ax) is ax
    points, curve = [line for line in ax.get_lines() if not line.get_label().startswith("_")]
    np.testing.assert_allclose(points.get_ydata(), np.array(full) / 10)
    assert len(curve.get_xdata()) == 13
    np.testing.assert_allclose(curve.get_ydata(), 100 * model.survival(np.arange(13)))
    with pytest.raises(NotFittedError):
        sbg_survival_plot(ShiftedBetaGeometric(), ax=ax)


def test_cohort_heatmap(tx):
    table = cohort_table(tx)
    fig, ax = plt.subplots()
    assert cohort_heatmap(table, ax=ax) is ax
    assert ax.get_xlabel() == "Periods since first purchase"
    image = ax.get_images()[0]
    assert image.get_array().shape == table.shape
    assert len(ax.texts) == int(np.isfinite(table.to_numpy()).sum())          # annotated: small table
    fig2, ax2 = plt.subplots()
    cohort_heatmap(cohort_table(tx, values="count"), ax=ax2, annotate=False)
    assert len(ax2.texts) == 0
    assert fig2.axes[1].get_ylabel() == "Customers buying"


def test_clv_schedule_plot():
    sched = simple_clv_schedule(100, 0.8, 0.1, periods=8)
    fig, ax = plt.subplots()
    assert clv_schedule_plot(sched, ax=ax) is ax
    assert len(ax.patches) == 8
    labels = [line.get_label() for line in ax.get_lines()]
    assert "Cumulative CLV" in labels and any(lab.startswith("Infinite horizon: 266.7") for lab in labels)


def test_plots_do_not_change_their_input(bg, data):
    table = calibration_holdout(bg, data)
    before = table.copy()
    calibration_holdout_plot(table)
    pd.testing.assert_frame_equal(table, before)


# ------------------------------------------------------------------------------------------
# widget
# ------------------------------------------------------------------------------------------
def test_simple_clv_widget_builds_and_updates():
    import ipywidgets

    from crmlearn.clv import simple_clv
    from crmlearn.widgets import simple_clv_widget

    box = simple_clv_widget(margin=100, retention=0.8, discount_rate=0.1, periods=10)
    assert isinstance(box, ipywidgets.VBox)
    assert set(box.controls) == {"margin", "retention", "discount_rate", "periods"}
    first = box.summary.value
    assert f"{simple_clv(100, 0.8, 0.1, periods=10):,.2f}" in first
    assert f"{simple_clv(100, 0.8, 0.1):,.2f}" in first
    box.controls["retention"].value = 0.9
    assert box.summary.value != first
    assert f"{simple_clv(100, 0.9, 0.1):,.2f}" in box.summary.value
    box.controls["periods"].value = 3
    assert f"{simple_clv(100, 0.9, 0.1, periods=3):,.2f}" in box.summary.value
    box.controls["margin"].value = 0.0
    assert "0.00" in box.summary.value
    assert plt.get_fignums() == []                     # each redraw closes its figure
