"""Widgets for satisfaction (Chapter 7): the moving expectation and the NPS.

Each builder wires sliders to a function of :mod:`crmlearn.satisfaction` and a plot of
:mod:`crmlearn.plots`, and returns a VBox (sliders above, the figure below). The last
computed table is kept on the widget as ``.result``.
"""
from __future__ import annotations

import numpy as np

from ._base import show_figure

__all__ = ["expectation_widget", "nps_widget"]


def expectation_widget(*, discount: float = 0.2, learning_rate: float = 0.6, visits: int = 5,
                       tolerance: float = 0.0):
    """Try the restaurant story: a one-off discount, then none, and the expectation it leaves behind.

    Sliders: the discount on the first visit, how fast expectations follow experience
    (learning rate), the number of visits and the tolerance band. Uses
    :func:`crmlearn.satisfaction.expectation_update` and
    :func:`crmlearn.plots.expectation_chart`.

    Returns
    -------
    ipywidgets.VBox
        With ``.result``, the table of the current settings.

    Examples
    --------
    >>> w = expectation_widget()
    >>> w.result["verdict"].iloc[1]
    'dissatisfied'
    """
    import ipywidgets as W

    from ..plots.satisfaction import expectation_chart
    from ..satisfaction import expectation_update

    style = {"description_width": "initial"}
    s_discount = W.FloatSlider(value=discount, min=0.0, max=0.5, step=0.05, description="First-visit discount",
                               readout_format=".0%", style=style)
    s_rate = W.FloatSlider(value=learning_rate, min=0.0, max=1.0, step=0.1, description="Learning rate", style=style)
    s_visits = W.IntSlider(value=visits, min=2, max=10, description="Visits", style=style)
    s_tol = W.FloatSlider(value=tolerance, min=0.0, max=0.1, step=0.01, description="Tolerance", style=style)
    out = W.Output()
    box = W.VBox([W.HBox([s_discount, s_rate]), W.HBox([s_visits, s_tol]), out])

    def update(*_):
        experiences = [s_discount.value] + [0.0] * (s_visits.value - 1)
        table = expectation_update(experiences, initial=0.0, learning_rate=s_rate.value, tolerance=s_tol.value)
        box.result = table

        def draw(ax):
            expectation_chart(table, ax=ax)
            ax.set(ylabel="Discount (expected vs received)")

        show_figure(out, draw)

    for s in (s_discount, s_rate, s_visits, s_tol):
        s.observe(update, names="value")
    box.controls = {"discount": s_discount, "learning_rate": s_rate, "visits": s_visits, "tolerance": s_tol}
    update()
    return box


def nps_widget(*, promoters: int = 50, detractors: int = 20, n: int = 200):
    """Move the shares of promoters and detractors and watch the NPS and its interval.

    Sliders: promoters (%), detractors (%) and the number of respondents (the interval narrows
    as it grows). Passives are the rest. Uses :func:`crmlearn.satisfaction.nps` and
    :func:`crmlearn.plots.nps_chart`.

    Returns
    -------
    ipywidgets.VBox
        With ``.result``, the Series :func:`~crmlearn.satisfaction.nps` returns for the current settings.

    Examples
    --------
    >>> w = nps_widget(promoters=50, detractors=20, n=100)
    >>> float(w.result["nps"])
    30.0
    """
    import ipywidgets as W

    from ..plots.satisfaction import nps_chart
    from ..satisfaction import nps

    style = {"description_width": "initial"}
    s_pro = W.IntSlider(value=promoters, min=0, max=100, description="Promoters %", style=style)
    s_det = W.IntSlider(value=detractors, min=0, max=100, description="Detractors %", style=style)
    s_n = W.IntSlider(value=n, min=10, max=2000, step=10, description="Respondents", style=style)
    out = W.Output()
    box = W.VBox([W.HBox([s_pro, s_det, s_n]), out])

    def update(*_):
        if s_pro.value + s_det.value > 100:  # the three groups cannot exceed everyone
            s_det.value = 100 - s_pro.value  # re-enters update through observe
            return
        k_pro = int(round(s_n.value * s_pro.value / 100))
        k_det = int(round(s_n.value * s_det.value / 100))
        scores = np.repeat([10, 8, 3], [k_pro, s_n.value - k_pro - k_det, k_det])
        result = nps(scores)
        box.result = result
        show_figure(out, lambda ax: nps_chart(result, ax=ax))

    for s in (s_pro, s_det, s_n):
        s.observe(update, names="value")
    box.controls = {"promoters": s_pro, "detractors": s_det, "n": s_n}
    update()
    return box


__all__ += ["disconfirmation_widget", "servqual_weights_widget", "nps_threshold_widget"]


def disconfirmation_widget(*, expectation: float = 5.0, performance: float = 5.5, tolerance: float = 0.5):
    """Move the expectation and the perceived performance: the verdict follows live.

    Uses :func:`crmlearn.satisfaction.disconfirmation` (through
    :func:`crmlearn.plots.disconfirmation_chart`). ``.result`` is the verdict table.

    Examples
    --------
    >>> w = disconfirmation_widget(expectation=5, performance=3)
    >>> str(w.result["verdict"].iloc[0])
    'dissatisfied'
    """
    import ipywidgets as W
    import pandas as pd

    from ..plots.satisfaction import disconfirmation_chart
    from ..satisfaction import disconfirmation

    style = {"description_width": "initial"}
    s_exp = W.FloatSlider(value=expectation, min=1, max=7, step=0.1, description="Expectation", style=style)
    s_per = W.FloatSlider(value=performance, min=1, max=7, step=0.1, description="Perceived performance",
                          style=style)
    s_tol = W.FloatSlider(value=tolerance, min=0, max=1.5, step=0.1, description="Tolerance", style=style)
    out = W.Output()
    box = W.VBox([W.HBox([s_exp, s_per, s_tol]), out])

    def update(*_):
        df = pd.DataFrame({"exp_item": [s_exp.value], "per_item": [s_per.value]})
        box.result = disconfirmation(df, expected=["exp_item"], perceived=["per_item"], tolerance=s_tol.value)
        show_figure(out, lambda ax: disconfirmation_chart(s_exp.value, s_per.value, tolerance=s_tol.value, ax=ax),
                    figsize=(8, 3.2))

    for s in (s_exp, s_per, s_tol):
        s.observe(update, names="value")
    box.controls = {"expectation": s_exp, "performance": s_per, "tolerance": s_tol}
    update()
    return box


def servqual_weights_widget(survey=None):
    """Give the five SERVQUAL dimensions importance points and watch the weighted overall gap.

    Sliders: points (0-50) per dimension, normalised to weights. Uses
    :func:`crmlearn.satisfaction.servqual` and :func:`crmlearn.plots.servqual_chart`. ``.result`` is
    the SERVQUAL table; ``.result_overall`` its weighted overall gap.

    Examples
    --------
    >>> w = servqual_weights_widget()
    >>> w.result["level"].iloc[-1]
    'overall'
    """
    import ipywidgets as W

    from ..datasets import load_dataset
    from ..plots.satisfaction import servqual_chart
    from ..satisfaction import SERVQUAL_DIMENSIONS, servqual

    data = load_dataset("survey") if survey is None else survey
    style = {"description_width": "initial"}
    sliders = {d: W.IntSlider(value=20, min=0, max=50, description=d, style=style) for d in SERVQUAL_DIMENSIONS}
    label = W.HTML()
    out = W.Output()
    box = W.VBox([W.HBox(list(sliders.values())[:3]), W.HBox(list(sliders.values())[3:] + [label]), out])

    def update(*_):
        pts = {d: s.value for d, s in sliders.items()}
        if sum(pts.values()) == 0:
            pts = {d: 1 for d in pts}
        table = servqual(data, weights=pts)
        box.result = table
        box.result_overall = float(table["gap"].iloc[-1])
        label.value = f"<b>Weighted overall gap: {box.result_overall:+.2f}</b>"
        show_figure(out, lambda ax: servqual_chart(table, ax=ax, level="dimension"), figsize=(8, 3.6))

    for s in sliders.values():
        s.observe(update, names="value")
    box.controls = sliders
    update()
    return box


def nps_threshold_widget(survey=None, *, min_promoter: int = 9, max_detractor: int = 6):
    """Move the promoter and detractor cut-offs on the course survey and watch the NPS change.

    Uses :func:`crmlearn.satisfaction.nps_cutoffs` and :func:`crmlearn.plots.nps_chart`.

    Examples
    --------
    >>> w = nps_threshold_widget(min_promoter=9, max_detractor=6)
    >>> bool(w.result["min_promoter"] == 9)
    True
    """
    import ipywidgets as W

    from ..datasets import load_dataset
    from ..plots.satisfaction import nps_chart
    from ..satisfaction import nps_cutoffs

    data = load_dataset("survey") if survey is None else survey
    style = {"description_width": "initial"}
    s_pro = W.IntSlider(value=min_promoter, min=1, max=10, description="Promoter from", style=style)
    s_det = W.IntSlider(value=max_detractor, min=0, max=9, description="Detractor up to", style=style)
    out = W.Output()
    box = W.VBox([W.HBox([s_pro, s_det]), out])

    def update(*_):
        if s_det.value >= s_pro.value:  # keep the passives between
            s_det.value = s_pro.value - 1
            return
        result = nps_cutoffs(data["likelihood_to_recommend"], min_promoter=s_pro.value, max_detractor=s_det.value)
        box.result = result
        show_figure(out, lambda ax: nps_chart(result, ax=ax))

    for s in (s_pro, s_det):
        s.observe(update, names="value")
    box.controls = {"min_promoter": s_pro, "max_detractor": s_det}
    update()
    return box
