"""The one widget helper (crmlearn.widgets._base.try_it): live updates and the slide flipbook agree."""
from __future__ import annotations

import json
import re

import pandas as pd

import crmlearn
import pytest

ipywidgets = pytest.importorskip("ipywidgets")

from crmlearn.widgets import _base  # noqa: E402
from crmlearn.grading import top_share  # noqa: E402

DF = pd.DataFrame({"monetary": [500, 300, 60, 40, 30, 25, 20, 15, 6, 4]})


def _frames(html: str) -> dict:
    data = re.search(r"<script type='application/json' class='tryit-data'>(.*?)</script>", html, re.S).group(1)
    return json.loads(data.replace("<\\/", "</"))


def test_slider_positions_thin_and_keep_the_current_value():
    s = ipywidgets.FloatSlider(value=0.33, min=0.0, max=1.0, step=0.01)
    pos = _base.slider_positions(s, max_frames=11)
    assert len(pos) <= 11 and 0.33 in pos and pos == sorted(pos) and pos[0] == 0.0
    assert _base.slider_positions(ipywidgets.IntSlider(value=3, min=2, max=4)) == [2, 3, 4]
    assert _base.slider_positions(ipywidgets.Dropdown(options=["a", "b"], value="b")) == ["a", "b"]
    with pytest.raises(TypeError, match="range slider"):
        _base.slider_positions(ipywidgets.FloatRangeSlider(value=(0.2, 0.5)))


def test_every_flipbook_frame_is_the_view_at_that_position():
    from crmlearn.widgets import top_share_widget

    box = top_share_widget(DF, value_name="net revenue")
    bundle = box._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle  # JupyterLab still gets the live widget
    assert bundle["text/plain"].startswith("Try it:")  # where widgets do not run, no VBox(children=...) text
    data = _frames(bundle["text/html"])
    labels = data["dims"][0]["labels"]
    positions = _base.deck_positions(box)["top"]
    assert len(labels) == len(positions) == len(data["frames"]) >= 10
    for top, idx in zip(positions, data["frames"]):
        frame = data["uniq"][idx]
        assert f"The top <b>{top:.0%}</b> of customers bring <b>{top_share(DF, top=top):.1%}</b>" in frame
        assert "data:image/png;base64," in frame
    assert "stopPropagation" in bundle["text/html"] and f"width:{_base.SLIDER_PX}px" in bundle["text/html"]
    assert _base.SLIDER_PX >= 300


def test_live_update_puts_the_figure_into_the_output_model():
    from crmlearn.widgets import rfm_widget

    df = pd.DataFrame({"recency_days": range(30), "frequency": range(30), "monetary": range(30)})
    box = rfm_widget(df)
    first = box.output.outputs[0]["data"]["image/png"]
    box.controls["bins"].value = 3
    assert box.output.outputs[0]["data"]["image/png"] != first  # the state holds the new picture
    assert box.result["R"].max() == 3
    assert box.table.value.count("<tr>") <= 9  # header + at most 8 scores on a slide


def test_refused_setting_shows_the_message_in_the_frame_and_keeps_the_result():
    def view(k):
        if k > 3:
            raise ValueError(f"k={k} is too large for this demo")
        return _base.View(summary=f"k is {k}", result=k)

    box = _base.try_it({"k": ipywidgets.IntSlider(value=2, min=1, max=5)}, view, title="demo")
    box.controls["k"].value = 5
    assert box.error == "k=5 is too large for this demo" and box.result == 2
    data = _frames(box.flipbook_html())
    assert len(data["frames"]) == 5 and "too large" in data["uniq"][data["frames"][4]]
    assert "k is 1" in data["uniq"][data["frames"][0]]


def test_fixed_controls_are_named_on_the_slide_and_grids_are_bounded():
    def view(a, b):
        return _base.View(summary=f"{a}+{b}={a + b}")

    box = _base.try_it({"a": ipywidgets.IntSlider(value=1, min=0, max=9, description="a"),
                        "b": ipywidgets.IntSlider(value=2, min=0, max=9, description="b")}, view)
    html = box.flipbook_html()
    assert "fixed here: b 2" in html and len(_frames(html)["frames"]) == 10
    box.deck = {"a": list(range(10)), "b": list(range(10))}
    box._flipbook = None
    with pytest.raises(ValueError, match="100 frames"):
        box.flipbook_html()
    with pytest.raises(ValueError, match="controls is empty"):
        _base.try_it({}, view)


def test_every_course_widget_goes_through_the_helper():
    import crmlearn.widgets as W

    df = pd.DataFrame({"monetary": [500, 300, 60, 40, 30, 25, 20, 15, 6, 4],
                       "margin": [90, 80, 10, 5, 4, 3, 2, 1, 1, 0], "recency_days": range(10),
                       "frequency": [1, 2, 1, 20, 22, 25, 50, 55, 3, 4],
                       "satisfaction": [4, 2, 5, 1, 3, 4, 2, 5, 1, 3], "growth": [.3, 0, .4, .1, .2, .5, 0, .1, .3, .2]})
    built = {"top_share_widget": W.top_share_widget(df), "abc_widget": W.abc_widget(df),
             "scorecard_widget": W.scorecard_widget(df, service="satisfaction", potential="growth"), "pyramid_widget": W.pyramid_widget(df),
             "rfm_widget": W.rfm_widget(df), "kmeans_widget": W.kmeans_widget(df, features=["frequency", "monetary"]),
             "simple_clv_widget": W.simple_clv_widget(), "expectation_widget": W.expectation_widget(),
             "nps_widget": W.nps_widget(), "disconfirmation_widget": W.disconfirmation_widget(),
             "servqual_weights_widget": W.servqual_weights_widget(), "nps_threshold_widget": W.nps_threshold_widget(),
             "loyalty_matrix_widget": W.loyalty_matrix_widget(), "switch_decision_widget": W.switch_decision_widget()}
    sow = crmlearn.load_dataset("share_of_wallet")
    built["stage_threshold_widget"] = W.stage_threshold_widget(sow)
    built["sbg_curve_widget"] = W.sbg_curve_widget()
    built["largest_account_leaves_widget"] = W.largest_account_leaves_widget(df["monetary"])
    built["care_plan_widget"] = W.care_plan_widget()
    built["gold_share_widget"] = W.gold_share_widget()
    built["manager_leaves_widget"] = W.manager_leaves_widget()
    built["duplicate_threshold_widget"] = W.duplicate_threshold_widget()
    # these two need fitted models or the planted truth: built in tests/test_ch09.py
    assert set(W.__all__) == set(built) | {"dataset_explorer", "early_warning_widget", "customer_clv_widget",
                                         "ka_threshold_widget"}  # needs ka_concentration's table: tests/test_accounts.py
    for name, box in built.items():
        assert type(box).__name__ == "TryIt", name
        html = box.flipbook_html()
        data = _frames(html)
        assert len(set(data["frames"])) >= 2, f"{name}: moving the slide's control changes nothing"


def test_flipbook_opens_at_the_position_nearest_the_notebook_value():
    from crmlearn.widgets import disconfirmation_widget
    from crmlearn.widgets._base import flipbook_html

    # the deck offers 1.0, 1.5, ..., 7.0; the notebook set 6.2, so the slide opens at 6.0, not at 1.0
    html = flipbook_html(disconfirmation_widget(expectation=5.0, performance=6.2, tolerance=0.5))
    assert "<output class='tryit-readout'>6.00</output>" in html
