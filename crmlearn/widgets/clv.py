"""Widgets for lifetime value (chapter 9): sliders wired to :mod:`crmlearn.clv` and its plots."""
from __future__ import annotations

from ._base import STYLE, View, try_it

__all__ = ["simple_clv_widget"]


def simple_clv_widget(margin: float = 100.0, retention: float = 0.8, discount_rate: float = 0.1,
                      periods: int = 10):
    """Sliders for margin, retention, discount rate and horizon of the simple CLV formula.

    Shows the finite- and infinite-horizon values (:func:`crmlearn.clv.simple_clv`) and the
    period-by-period chart (:func:`crmlearn.plots.clv_schedule_plot`); both update as a slider
    moves. On a slide the retention slider works (0.50-0.95 precomputed), the others stay fixed.

    Parameters
    ----------
    margin, retention, discount_rate : float
        Starting values (margin 0-1,000, retention 0-0.99, discount 0-0.5).
    periods : int, default 10
        Starting horizon (1-50 periods).

    Returns
    -------
    ipywidgets.VBox
        Two rows of sliders (also in ``.controls``, a dict by name), an HTML line with the
        values (``.summary``), the chart; ``.result`` is the schedule table.

    Examples
    --------
    >>> box = simple_clv_widget()
    >>> box.controls["retention"].value = 0.9
    >>> "450.00" in box.summary.value
    True
    """
    import ipywidgets as widgets

    from ..clv import simple_clv, simple_clv_schedule
    from ..plots.clv import clv_schedule_plot

    controls = {
        "margin": widgets.FloatSlider(value=margin, min=0.0, max=1000.0, step=10.0, description="Margin per period",
                                      style=STYLE),
        "retention": widgets.FloatSlider(value=retention, min=0.0, max=0.99, step=0.01, description="Retention rate",
                                         style=STYLE),
        "discount_rate": widgets.FloatSlider(value=discount_rate, min=0.0, max=0.5, step=0.01,
                                             description="Discount rate", style=STYLE),
        "periods": widgets.IntSlider(value=periods, min=1, max=50, description="Periods", style=STYLE),
    }

    def view(margin, retention, discount_rate, periods):
        schedule = simple_clv_schedule(margin, retention, discount_rate, periods=periods)
        finite = schedule["cumulative_clv"].iloc[-1]
        infinite = simple_clv(margin, retention, discount_rate)
        return View(summary=(f"CLV over {periods} periods: <b>{finite:,.2f}</b> &nbsp;|&nbsp; "
                             f"infinite horizon m&middot;r/(1+d&minus;r): <b>{infinite:,.2f}</b>"),
                    draw=lambda ax: clv_schedule_plot(schedule, ax=ax), result=schedule)

    rows = [widgets.HBox([controls["margin"], controls["retention"]]),
            widgets.HBox([controls["discount_rate"], controls["periods"]])]
    positions = sorted({round(0.5 + 0.05 * i, 2) for i in range(10)} | {round(float(retention), 2)})
    return try_it(controls, view, rows=rows, title="the simple CLV formula", deck={"retention": positions})
