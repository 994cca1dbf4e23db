"""Widgets for satisfaction (Chapter 7): the moving expectation and the NPS.

Each builder wires sliders to a function of :mod:`crmlearn.satisfaction` and a plot of
:mod:`crmlearn.plots` through :func:`crmlearn.widgets._base.try_it`, and returns a VBox
(sliders above, the figure below). The last computed table is kept on the widget as ``.result``.
"""
from __future__ import annotations

import numpy as np

from ._base import STYLE, View, try_it

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

    style = STYLE
    s_discount = W.FloatSlider(value=discount, min=0.0, max=0.5, step=0.05, description="First-visit discount",
                               readout_format=".0%", style=style)
    s_rate = W.FloatSlider(value=learning_rate, min=0.0, max=1.0, step=0.1, description="Learning rate", style=style)
    s_visits = W.IntSlider(value=visits, min=2, max=10, description="Visits", style=style)
    s_tol = W.FloatSlider(value=tolerance, min=0.0, max=0.1, step=0.01, description="Tolerance", style=style)
    controls = {"discount": s_discount, "learning_rate": s_rate, "visits": s_visits, "tolerance": s_tol}

    def view(discount, learning_rate, visits, tolerance):
        experiences = [discount] + [0.0] * (visits - 1)
        table = expectation_update(experiences, initial=0.0, learning_rate=learning_rate, tolerance=tolerance)

        def draw(ax):
            expectation_chart(table, ax=ax)
            ax.set(ylabel="Discount (expected vs received)")

        return View(draw=draw, result=table,
                    summary=f"After a one-off discount of <b>{discount:.0%}</b>, visit 2 feels "
                            f"<b>{table['verdict'].iloc[1]}</b>.")

    return try_it(controls, view, rows=[W.HBox([s_discount, s_rate]), W.HBox([s_visits, s_tol])],
                  title="the moving expectation", deck={"learning_rate": [round(0.1 * i, 1) for i in range(11)]})


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

    style = STYLE
    s_pro = W.IntSlider(value=promoters, min=0, max=100, description="Promoters %", style=style)
    s_det = W.IntSlider(value=detractors, min=0, max=100, description="Detractors %", style=style)
    s_n = W.IntSlider(value=n, min=10, max=2000, step=10, description="Respondents", style=style)

    def clamp(*_):  # the three groups cannot exceed everyone; registered before the redraw
        if s_pro.value + s_det.value > 100:
            s_det.value = 100 - s_pro.value

    s_pro.observe(clamp, names="value")
    s_det.observe(clamp, names="value")

    def view(promoters, detractors, n):
        cut = promoters + detractors > 100
        detractors = min(detractors, 100 - promoters)
        k_pro = int(round(n * promoters / 100))
        k_det = int(round(n * detractors / 100))
        scores = np.repeat([10, 8, 3], [k_pro, n - k_pro - k_det, k_det])
        result = nps(scores)
        summary = (f"{promoters}% promoters, {detractors}% detractors"
                   f"{' (cut so the groups add up to 100%)' if cut else ''}, {n:,} respondents: "
                   f"NPS <b>{float(result['nps']):.0f}</b>")
        return View(summary=summary, draw=lambda ax: nps_chart(result, ax=ax), result=result)

    return try_it({"promoters": s_pro, "detractors": s_det, "n": s_n}, view, rows=[W.HBox([s_pro, s_det, s_n])],
                  title="the net promoter score", deck={"promoters": list(range(0, 101, 5))})


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

    s_exp = W.FloatSlider(value=expectation, min=1, max=7, step=0.1, description="Expectation", style=STYLE)
    s_per = W.FloatSlider(value=performance, min=1, max=7, step=0.1, description="Perceived performance",
                          style=STYLE)
    s_tol = W.FloatSlider(value=tolerance, min=0, max=1.5, step=0.1, description="Tolerance", style=STYLE)

    def view(expectation, performance, tolerance):
        df = pd.DataFrame({"exp_item": [expectation], "per_item": [performance]})
        table = disconfirmation(df, expected=["exp_item"], perceived=["per_item"], tolerance=tolerance)
        verdict = str(table["verdict"].iloc[0])
        return View(summary=f"Expected {expectation:.1f}, perceived {performance:.1f}: <b>{verdict}</b>",
                    draw=lambda ax: disconfirmation_chart(expectation, performance, tolerance=tolerance, ax=ax),
                    result=table)

    return try_it({"expectation": s_exp, "performance": s_per, "tolerance": s_tol}, view,
                  title="expectation against performance",
                  deck={"performance": [round(1 + 0.5 * i, 1) for i in range(13)]})


def servqual_weights_widget(survey=None):
    """Give the five SERVQUAL dimensions importance points and watch the weighted overall gap.

    Sliders: points (0-50) per dimension, normalised to weights. Uses
    :func:`crmlearn.satisfaction.servqual` and :func:`crmlearn.plots.servqual_chart`. ``.result`` is
    the SERVQUAL table.

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
    sliders = {d: W.IntSlider(value=20, min=0, max=50, step=5, description=d, style=STYLE)
               for d in SERVQUAL_DIMENSIONS}

    def view(**points):
        pts = points if sum(points.values()) else {d: 1 for d in points}
        table = servqual(data, weights=pts)
        overall = float(table["gap"].iloc[-1])
        return View(summary=f"Weighted overall gap: <b>{overall:+.2f}</b>",
                    draw=lambda ax: servqual_chart(table, ax=ax, level="dimension"), result=table)

    first = next(iter(sliders))
    return try_it(sliders, view, rows=[W.HBox(list(sliders.values()))], title="SERVQUAL weights",
                  deck={first: list(range(0, 51, 5))})


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
    s_pro = W.IntSlider(value=min_promoter, min=1, max=10, description="Promoter from", style=STYLE)
    s_det = W.IntSlider(value=max_detractor, min=0, max=9, description="Detractor up to", style=STYLE)

    def keep_passives_between(change):
        if s_det.value >= s_pro.value:
            s_det.value = s_pro.value - 1

    s_pro.observe(keep_passives_between, names="value")
    s_det.observe(keep_passives_between, names="value")

    def view(min_promoter, max_detractor):
        max_detractor = min(max_detractor, min_promoter - 1)
        result = nps_cutoffs(data["likelihood_to_recommend"], min_promoter=min_promoter, max_detractor=max_detractor)
        return View(summary=f"Promoters {min_promoter}-10, detractors 0-{max_detractor}: NPS <b>{float(result['nps']):.0f}</b>",
                    draw=lambda ax: nps_chart(result, ax=ax), result=result)

    return try_it({"min_promoter": s_pro, "max_detractor": s_det}, view, title="NPS cut-offs",
                  deck={"min_promoter": list(range(6, 11))})
