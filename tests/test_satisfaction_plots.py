"""Tests for crmlearn.plots.satisfaction and crmlearn.widgets.satisfaction."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from crmlearn import CRMDataError  # noqa: E402
from crmlearn.loyalty import loyalty_matrix  # noqa: E402
from crmlearn.plots import (  # noqa: E402
    expectation_chart,
    ipa_chart,
    kano_chart,
    loyalty_matrix_chart,
    nps_chart,
    path_diagram,
    servqual_chart,
)
from crmlearn.satisfaction import (  # noqa: E402
    PLSPathModel,
    expectation_update,
    ipa,
    kano,
    nps,
    restaurant_story,
    servqual,
)

DIMS = {"d1": ["a", "b"], "d2": ["c"]}


@pytest.fixture
def sq_data():
    rng = np.random.default_rng(0)
    n = 50
    return pd.DataFrame({
        "exp_a": rng.integers(3, 6, n), "per_a": rng.integers(5, 8, n),
        "exp_b": rng.integers(4, 7, n), "per_b": rng.integers(2, 5, n),
        "exp_c": rng.integers(4, 6, n), "per_c": rng.integers(4, 6, n),
        "imp_a": rng.integers(1, 3, n), "imp_b": rng.integers(4, 6, n), "imp_c": rng.integers(3, 5, n),
    })


def test_servqual_chart_bars_colours_and_levels(sq_data):
    table = servqual(sq_data, dimensions=DIMS)
    fig, ax = plt.subplots()
    assert servqual_chart(table, ax=ax) is ax
    bars = ax.patches
    assert len(bars) == 3
    widths = [b.get_width() for b in bars]
    assert widths == pytest.approx(table[table.level == "item"]["gap"].tolist())
    # a negative gap is drawn red, a positive one blue
    colours = {w > 0: b.get_facecolor()[:3] for w, b in zip(widths, bars)}
    assert colours[False][0] > colours[False][2] and colours[True][2] > colours[True][0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a (d1)", "b (d1)", "c (d2)"]
    ax2 = servqual_chart(table, ax=plt.figure().gca(), level="dimension")
    assert len(ax2.patches) == 2 and ax2.get_ylabel() == "Dimension"
    with pytest.raises(CRMDataError, match="level='overall' is not allowed"):
        servqual_chart(table, level="overall")
    with pytest.raises(TypeError, match="pass the table crmlearn.satisfaction.servqual returns"):
        servqual_chart([1, 2])


def test_ipa_chart_points_and_crosshair(sq_data):
    table = ipa(sq_data, importance=["imp_a", "imp_b", "imp_c"], performance=["per_a", "per_b", "per_c"])
    ax = ipa_chart(table, ax=plt.figure().gca())
    offsets = ax.collections[0].get_offsets()
    assert np.allclose(offsets[:, 0], table["performance"]) and np.allclose(offsets[:, 1], table["importance"])
    ci, cp = table.attrs["crosshair"]
    assert ax.lines[0].get_xdata()[0] == pytest.approx(cp) and ax.lines[1].get_ydata()[0] == pytest.approx(ci)
    texts = [t.get_text() for t in ax.texts]
    assert {"a", "b", "c", "Concentrate here", "Possible overkill"} <= set(texts)
    assert ax.get_xlabel() == "Performance (mean)"


def test_kano_chart_positions():
    df = pd.DataFrame({"f": [1, 1, 2, 1], "d": [3, 5, 5, 3]})
    table = kano(df, functional="f", dysfunctional="d")
    ax = kano_chart(table, ax=plt.figure().gca())
    (x, y), = ax.collections[0].get_offsets()
    assert x == pytest.approx(-table["worse"].iloc[0]) and y == pytest.approx(table["better"].iloc[0])
    assert ax.get_xlim() == (0, 1) and ax.get_ylim() == (0, 1)
    assert "d (A)" in [t.get_text() for t in ax.texts]


def test_nps_chart_single_and_groups():
    res = nps([10, 10, 9, 8, 3])
    ax = nps_chart(res, ax=plt.figure().gca())
    assert [round(p.get_width()) for p in ax.patches] == [20, 20, 60]
    assert any(t.get_text().startswith("NPS +40") for t in ax.texts)
    groups = pd.DataFrame({"A": nps([10, 9, 3]), "B": nps([5, 6, 7])}).T
    ax2 = nps_chart(groups, ax=plt.figure().gca())
    assert len(ax2.patches) == 6
    assert [t.get_text() for t in ax2.get_yticklabels()] == ["A", "B"]
    with pytest.raises(TypeError, match="pass the Series"):
        nps_chart([1, 2])


def test_path_diagram_from_model_and_table():
    rng = np.random.default_rng(1)
    q = rng.normal(size=200)
    s = 0.6 * q + rng.normal(scale=0.8, size=200)
    df = pd.DataFrame({"q1": q + rng.normal(scale=.4, size=200), "q2": q + rng.normal(scale=.4, size=200),
                       "s1": s + rng.normal(scale=.4, size=200), "s2": s + rng.normal(scale=.4, size=200)})
    model = PLSPathModel({"Q": ["q1", "q2"], "S": ["s1", "s2"]}, [("Q", "S")]).fit(df)
    ax = path_diagram(model, ax=plt.figure().gca())
    texts = [t.get_text() for t in ax.texts]
    assert "Q" in texts and "S" in texts
    assert f"{model.path_coefficients_['coefficient'].iloc[0]:.2f}" in texts
    assert any(t.startswith("R² = ") for t in texts)
    table = pd.DataFrame({"from": ["A", "A", "B"], "to": ["B", "C", "C"], "coefficient": [0.5, -0.2, 0.3]})
    ax2 = path_diagram(table, ax=plt.figure().gca(), positions={"C": (3, 0)})
    assert len(ax2.patches) == 3
    neg = [p for p in ax2.patches if p.get_linestyle() not in ("-", "solid")]
    assert len(neg) == 1  # the negative path is dashed
    with pytest.raises(CRMDataError, match="not fitted yet"):
        path_diagram(PLSPathModel({"Q": ["q1"], "S": ["s1"]}, [("Q", "S")]))


def test_path_diagram_layout_keeps_arrows_out_of_boxes():
    from crmlearn.plots.satisfaction import _layout, _seg_dist

    lvs = ["IMAG", "EXPE", "QUAL", "VAL", "SAT", "LOY"]
    paths = [("IMAG", "EXPE"), ("IMAG", "SAT"), ("IMAG", "LOY"), ("EXPE", "QUAL"), ("EXPE", "VAL"),
             ("EXPE", "SAT"), ("QUAL", "VAL"), ("QUAL", "SAT"), ("VAL", "SAT"), ("SAT", "LOY")]
    pos = {k: np.array(v) for k, v in _layout(lvs, paths).items()}
    for a, b in paths:
        for c in lvs:
            if c not in (a, b):
                assert _seg_dist(pos[c], pos[a], pos[b]) >= 0.5, (a, b, c)


def test_loyalty_matrix_chart_counts():
    df = pd.DataFrame({"emotional_attachment": [5, 5, 2, 1, 5], "frequency": [8, 1, 9, 0, 9]})
    ax = loyalty_matrix_chart(loyalty_matrix(df, min_patronage=3), ax=plt.figure().gca())
    texts = [t.get_text() for t in ax.texts]
    assert "2 customers\n40.0%" in texts and texts.count("1 customers\n20.0%") == 3
    assert ax.get_xlabel() == "Repeat patronage" and ax.get_ylabel() == "Relative attitude"


def test_expectation_chart_accepts_both_tables():
    ax = expectation_chart(expectation_update([0.2, 0, 0], initial=0), ax=plt.figure().gca())
    assert list(ax.lines[0].get_ydata()) == [0.0, 0.1, 0.05]
    ax2 = expectation_chart(restaurant_story(), ax=plt.figure().gca())
    assert list(ax2.lines[0].get_ydata()) == [0.0, 0.2]


def test_plots_default_to_current_axes(sq_data):
    plt.close("all")
    ax = servqual_chart(servqual(sq_data, dimensions=DIMS))
    assert ax is plt.gca()


# ----------------------------------------------------------------------------------------------
# widgets
# ----------------------------------------------------------------------------------------------
def test_expectation_widget_reacts_to_sliders():
    from crmlearn.widgets import expectation_widget

    w = expectation_widget(discount=0.2, learning_rate=1.0, visits=3)
    assert w.result["expectation"].tolist() == [0.0, 0.2, 0.0]
    w.controls["learning_rate"].value = 0.5
    assert w.result["expectation"].tolist() == [0.0, 0.1, 0.05]
    w.controls["visits"].value = 6
    assert len(w.result) == 6


def test_nps_widget_reacts_to_sliders():
    from crmlearn.widgets import nps_widget

    w = nps_widget(promoters=50, detractors=20, n=100)
    assert w.result["nps"] == pytest.approx(30)
    w.controls["detractors"].value = 40
    assert w.result["nps"] == pytest.approx(10)
    w.controls["promoters"].value = 80   # 80 + 40 > 100: detractors are cut to 20
    assert w.controls["detractors"].value == 20 and w.result["nps"] == pytest.approx(60)
    width_100 = w.result["ci_high"] - w.result["ci_low"]
    w.controls["n"].value = 1000
    assert w.result["ci_high"] - w.result["ci_low"] < width_100
