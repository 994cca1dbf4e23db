"""Tests for the grading and segmentation plots and widgets."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from crmlearn import CRMDataError  # noqa: E402
from crmlearn import grading as g  # noqa: E402
from crmlearn import segmentation as s  # noqa: E402
from crmlearn.plots import grading as p  # noqa: E402
from crmlearn.widgets import grading as w  # noqa: E402


@pytest.fixture
def customers():
    """300 customers with a skewed value, RFM columns and scorecard inputs."""
    rng = np.random.default_rng(7)
    n = 300
    monetary = np.round(rng.pareto(1.2, n) * 1000 + 50, 2)
    return pd.DataFrame({
        "recency_days": rng.integers(0, 700, n),
        "frequency": 1 + rng.poisson(monetary / 800),
        "monetary": monetary,
        "margin": monetary * rng.uniform(-0.05, 0.35, n),
        "satisfaction": rng.integers(1, 6, n),
        "growth": rng.normal(0.05, 0.1, n),
        "region": rng.choice(["East", "North", "South"], n),
    }, index=pd.Index([f"C{i:04d}" for i in range(n)], name="customer_id"))


def save(ax, tmp_path, name):
    path = tmp_path / f"{name}.png"
    ax.figure.savefig(path, dpi=60)
    assert path.stat().st_size > 2000


def texts(ax):
    return " ".join(t.get_text() for t in ax.texts)


def test_pareto_chart(customers, tmp_path):
    ax = p.pareto_chart(g.pareto_table(customers), top=0.2)
    assert isinstance(ax, Axes)
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "80% of value" in labels and any(lab.startswith("top 20% bring") for lab in labels)
    assert any(np.allclose(line.get_ydata(), 0.8) for line in ax.lines)  # the 80% line
    assert "bring 80% of value" in texts(ax)
    assert ax.get_xlabel().startswith("Share of customers")
    assert len(ax.patches) == 0  # 300 customers: no bars
    save(ax, tmp_path, "pareto")


def test_pareto_chart_bars_for_few_customers(tmp_path):
    ten = pd.DataFrame({"monetary": [500, 300, 60, 40, 30, 25, 20, 15, 6, 4]})
    fig, ax = plt.subplots()
    assert p.pareto_chart(g.pareto_table(ten), ax=ax) is ax
    assert len(ax.patches) == 10
    assert "top 20% of customers" in texts(ax)
    save(ax, tmp_path, "pareto10")


def test_lorenz_plot(customers, tmp_path):
    value = g.gini(customers)
    ax = p.lorenz_plot(g.lorenz_curve(customers))
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert f"Lorenz curve (Gini = {value:.2f})" in labels and "Perfect equality" in labels
    assert len(ax.collections) == 1  # the shaded inequality area
    save(ax, tmp_path, "lorenz")


def test_abc_chart(customers, tmp_path):
    ax = p.abc_chart(g.abc_classify(customers))
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert [lab[0] for lab in labels] == ["A", "B", "C"]
    assert "80%" in texts(ax) and "95%" in texts(ax)
    save(ax, tmp_path, "abc")


def test_pyramid_plot(customers, tmp_path):
    summary = g.pyramid_summary(g.customer_pyramid(customers.assign(monetary=customers["monetary"].where(
        customers.index != "C0000", 0.0))))
    ax = p.pyramid_plot(summary)
    assert len(ax.patches) == 5  # top, big, medium, small + the inactive base
    for level in ("top", "big", "medium", "small", "inactive"):
        assert level in texts(ax)
    assert "of customers" in texts(ax) and "of value" in texts(ax)
    save(ax, tmp_path, "pyramid")


def test_rfm_heatmap(customers, tmp_path):
    ax = p.rfm_heatmap(g.rfm_scores(customers))
    assert len(ax.images) == 1
    assert ax.images[0].get_array().shape == (5, 5)
    assert ax.get_xlabel().startswith("F score") and ax.get_ylabel().startswith("R score")
    assert "(n=" in texts(ax)
    save(ax, tmp_path, "rfm")


def test_scorecard_plot(customers, tmp_path):
    sc = g.value_scorecard(customers, service="satisfaction", potential="growth")
    ax = p.scorecard_plot(sc, max_points=100)
    assert len(ax.collections) == 4  # one scatter per quadrant
    assert sum(len(c.get_offsets()) for c in ax.collections) == 100
    for name in ("core", "maintain", "develop", "reduce"):
        assert name in texts(ax)
    assert ax.get_xlabel().startswith("Current value") and ax.get_ylabel().startswith("Potential value")
    save(ax, tmp_path, "scorecard")


def test_segment_share_chart(customers, tmp_path):
    ax = p.segment_share_chart(s.segment_by(g.abc_classify(customers), by="abc_class"))
    assert len(ax.patches) == 6
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A", "B", "C"]
    save(ax, tmp_path, "shares")


def _tick_labels(ax):
    ax.figure.canvas.draw()
    return [t.get_text() for t in ax.get_yticklabels() if t.get_text()]


def test_segment_share_chart_legend_names_the_value(customers):
    profile = s.segment_by(customers, by="region", value="margin")
    labels = [t.get_text() for t in p.segment_share_chart(profile).get_legend().get_texts()]
    assert labels == ["Share of customers", "Share of value"]           # the default text
    fig, ax = plt.subplots()
    p.segment_share_chart(profile, value_name="margin", ax=ax)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Share of customers", "Share of margin"]
    with pytest.raises(TypeError, match="value_name must be a string"):
        p.segment_share_chart(profile, value_name=None)


@pytest.mark.parametrize("top", [0.35, 0.4, 0.6, 0.75])
def test_segment_share_chart_ticks_are_whole_percents(top):
    """matplotlib's own formatter wrote "35.0%" on a 0-40% axis and "60%" on a 0-70% one."""
    profile = pd.DataFrame({"customer_share": [top, 1 - top], "value_share": [1 - top, top]},
                           index=["a", "b"]) / (2 if top < 0.5 else 1)
    labels = _tick_labels(p.segment_share_chart(profile))
    assert len(labels) >= 3
    assert all(lab.endswith("%") and "." not in lab for lab in labels), labels
    assert "0%" in labels


def test_segment_share_chart_small_shares_keep_decimals():
    profile = pd.DataFrame({"customer_share": [0.02, 0.03], "value_share": [0.012, 0.034]}, index=["a", "b"])
    labels = _tick_labels(p.segment_share_chart(profile))
    values = [float(lab.rstrip("%")) for lab in labels]
    assert len(set(labels)) == len(labels)                              # no two ticks read the same
    assert len({len(lab.split(".")[1]) for lab in labels}) == 1         # the same decimals on every tick
    assert values == sorted(values) and max(values) >= 3.0


def test_segment_profile_plot(customers, tmp_path):
    feats = ["recency_days", "frequency", "monetary"]
    prof = s.segment_profiles(s.kmeans_segments(customers, features=feats, k=3, log=True), features=feats)
    ax = p.segment_profile_plot(prof)
    assert len(ax.patches) == 9
    assert [t.get_text() for t in ax.get_xticklabels()] == ["recency days", "frequency", "monetary"]
    # the bars are indices: the customer-weighted mean of each feature's index is 100
    heights = np.array([b.get_height() for b in ax.patches]).reshape(3, 3)
    np.testing.assert_allclose(heights.T @ prof["customer_share"].to_numpy(), [100, 100, 100])
    save(ax, tmp_path, "profiles")


def test_elbow_plot(customers, tmp_path):
    table = s.choose_k(customers, features=["frequency", "monetary"], k_range=range(2, 6), log=True)
    ax = p.elbow_plot(table)
    assert list(ax.lines[0].get_xdata()) == [2, 3, 4, 5]
    assert ax.right_ax.get_ylabel().startswith("Silhouette")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert f"Best silhouette: k = {table.attrs['best_k']}" in labels
    save(ax, tmp_path, "elbow")


def test_plots_reject_wrong_tables(customers):
    with pytest.raises(CRMDataError, match="column 'cum_customer_share' not found.*pareto_table"):
        p.pareto_chart(customers)
    with pytest.raises(CRMDataError, match="rfm_scores"):
        p.rfm_heatmap(customers)
    with pytest.raises(TypeError, match="expected the table"):
        p.lorenz_plot([0, 1])
    with pytest.raises(CRMDataError, match="empty"):
        p.abc_chart(g.abc_classify(customers).iloc[:0])


def test_plots_are_exported():
    import crmlearn.plots as plots

    for name in p.__all__:
        assert getattr(plots, name) is getattr(p, name)


# ---------------------------------------------------------------------------------------------
# widgets
# ---------------------------------------------------------------------------------------------
def test_top_share_widget(customers):
    box = w.top_share_widget(customers)
    first = box.result
    assert first == pytest.approx(g.top_share(customers, top=0.2))
    box.controls["top"].value = 0.5
    assert box.result == pytest.approx(g.top_share(customers, top=0.5)) and box.result > first
    assert "50%" in box.summary.value


def test_abc_widget(customers):
    box = w.abc_widget(customers)
    a_before = (box.result["abc_class"] == "A").sum()
    box.controls["cutoffs"].value = (0.6, 0.9)
    assert (box.result["abc_class"] == "A").sum() < a_before
    assert "<table" in box.table.value and box.error is None
    box.controls["cutoffs"].value = (0.9, 0.9)  # not increasing: the error is shown, the last result kept
    assert "must increase" in box.error and "must increase" in box.summary.value
    assert (box.result["abc_class"] == "A").sum() < a_before


def test_scorecard_widget_reranks_top_ten(customers):
    box = w.scorecard_widget(customers, service="satisfaction", potential="growth")
    assert set(box.controls) == {"financial", "service", "customer", "sales"}
    top_before = list(box.result.sort_values("rank").index[:10])
    assert box.table.value.count("<tr>") == 11  # header + 10 customers
    box.controls["service"].value = 3.0
    box.controls["financial"].value = 0.0
    top_after = list(box.result.sort_values("rank").index[:10])
    assert top_after != top_before
    assert top_after[0] in box.table.value


def test_pyramid_widget(customers):
    box = w.pyramid_widget(customers)
    assert set(box.controls) == {"top", "big", "medium"}
    assert box.result.loc["top", "customers"] == 3
    box.controls["top"].value = 0.1
    assert box.result.loc["top", "customers"] == 30
    box.controls["medium"].value = 0.9  # leaves nothing for 'small'
    assert "leaving nothing for 'small'" in box.error


def test_rfm_widget(customers):
    box = w.rfm_widget(customers)
    assert box.result["R"].max() == 5
    box.controls["bins"].value = 3
    assert box.result["R"].max() == 3 and box.result.attrs["rfm_bins"] == 3


def test_kmeans_widget(customers):
    from crmlearn.widgets.segmentation import kmeans_widget

    box = kmeans_widget(customers, features=["recency_days", "frequency", "monetary"], value="monetary")
    assert len(box.result) == 4
    box.controls["k"].value = 6
    assert len(box.result) == 6 and box.result["customers"].sum() == len(customers)


# ---------------------------------------------------------------------------------------------
# naming the value: pareto_chart(value_name=...), rfm_heatmap(value_label=...)
# ---------------------------------------------------------------------------------------------
def test_pareto_chart_names_the_value(customers):
    ax = p.pareto_chart(g.pareto_table(customers), top=0.2, value_name="net revenue")
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "Cumulative share of net revenue" in labels and "80% of net revenue" in labels
    assert "bring 80% of net revenue" in texts(ax)
    assert ax.get_ylabel() == "Cumulative share of net revenue"
    assert ax.get_xlabel() == "Share of customers, ranked by net revenue (largest first)"
    with pytest.raises(TypeError, match="value_name must be a string"):
        p.pareto_chart(g.pareto_table(customers), value_name=3)


def test_pareto_chart_whale_curve_marks_the_first_crossing():
    # profits 60, 50, 10, -20: cumulative 0.6, 1.1, 1.2, 1.0 of the total 100
    df = pd.DataFrame({"net_profit": [60.0, 50.0, 10.0, -20.0]})
    ax = p.pareto_chart(g.pareto_table(df, value="net_profit", negative="allow"), cutoff=1.0,
                        value_name="net profit")
    assert "top 50% of customers\nbring 100% of net profit" in texts(ax)   # the second customer crosses 100%
    assert ax.get_ylim()[1] >= 1.2


def test_rfm_heatmap_colour_bar_label_and_separators(customers):
    scores = g.rfm_scores(customers.assign(monetary=customers["monetary"] * 100))
    fig, ax = plt.subplots()
    p.rfm_heatmap(scores, value_label="Average net revenue (CNY)", ax=ax)
    bar = ax.images[0].colorbar
    assert bar.ax.get_ylabel() == "Average net revenue (CNY)"
    fig.canvas.draw()
    ticks = [t.get_text() for t in bar.ax.get_yticklabels() if t.get_text()]
    assert any("," in t for t in ticks) and all("." not in t for t in ticks), ticks
    fig2, ax2 = plt.subplots()
    default = p.rfm_heatmap(g.rfm_scores(customers), value="frequency", ax=ax2)
    assert "." in texts(default)                 # small averages keep two decimals in the cells
    assert default.images[0].colorbar.ax.get_ylabel() == "Average frequency"
    with pytest.raises(TypeError, match="value_label must be a string"):
        p.rfm_heatmap(scores, value_label=5)
    plt.close("all")


def test_widgets_pass_the_value_names(customers):
    box = w.top_share_widget(customers, value_name="net revenue")
    assert "of the net revenue" in box.summary.value
    box.controls["top"].value = 0.3
    assert "30%" in box.summary.value and "net revenue" in box.summary.value
    rfm = w.rfm_widget(customers, value_label="Average net revenue (CNY)")
    rfm.controls["bins"].value = 4
    assert rfm.result["R"].max() == 4 and rfm.error is None


def test_widget_tables_show_percentages(customers):
    box = w.abc_widget(customers)
    share = box.result["abc_class"].eq("A").mean()
    assert f"{share:.1%}" in box.table.value      # customer_share shown as a percentage
