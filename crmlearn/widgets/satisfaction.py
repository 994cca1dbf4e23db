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
