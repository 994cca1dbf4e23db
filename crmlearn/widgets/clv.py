"""Widgets for lifetime value (chapter 9): sliders wired to :mod:`crmlearn.clv` and its plots."""
from __future__ import annotations

__all__ = ["simple_clv_widget"]


def simple_clv_widget(margin: float = 100.0, retention: float = 0.8, discount_rate: float = 0.1,
                      periods: int = 10):
    """Sliders for margin, retention, discount rate and horizon of the simple CLV formula.

    Shows the finite- and infinite-horizon values (:func:`crmlearn.clv.simple_clv`) and the
    period-by-period chart (:func:`crmlearn.plots.clv_schedule_plot`); both update as a slider
    moves.

    Parameters
    ----------
    margin, retention, discount_rate : float
        Starting values (margin 0-1,000, retention 0-0.99, discount 0-0.5).
    periods : int, default 10
        Starting horizon (1-50 periods).

    Returns
    -------
    ipywidgets.VBox
        Children: two rows of sliders, an HTML line with the values, the chart's Output. The
        sliders are also in ``.controls`` (a dict by name) and the HTML line in ``.result``.

    Examples
    --------
    >>> box = simple_clv_widget()
    >>> box.controls["retention"].value = 0.9
    >>> "450.00" in box.result.value
    True
    """
    import ipywidgets as widgets

    from ..clv import simple_clv_schedule
    from ..plots.clv import clv_schedule_plot
    from ._base import show_figure

    style = {"description_width": "initial"}
    controls = {
        "margin": widgets.FloatSlider(value=margin, min=0.0, max=1000.0, step=10.0, description="Margin per period",
                                      style=style),
        "retention": widgets.FloatSlider(value=retention, min=0.0, max=0.99, step=0.01, description="Retention rate",
                                         style=style),
        "discount_rate": widgets.FloatSlider(value=discount_rate, min=0.0, max=0.5, step=0.01,
                                             description="Discount rate", style=style),
        "periods": widgets.IntSlider(value=periods, min=1, max=50, description="Periods", style=style),
    }
    result = widgets.HTML()
    out = widgets.Output()

    def update(change=None):
        c = {k: v.value for k, v in controls.items()}
        schedule = simple_clv_schedule(c["margin"], c["retention"], c["discount_rate"], periods=c["periods"])
        finite = schedule["cumulative_clv"].iloc[-1]
        infinite = schedule.attrs["clv_infinite"]
        result.value = (f"CLV over {c['periods']} periods: <b>{finite:,.2f}</b> &nbsp;|&nbsp; "
                        f"infinite horizon m&middot;r/(1+d&minus;r): <b>{infinite:,.2f}</b>")
        show_figure(out, lambda ax: clv_schedule_plot(schedule, ax=ax))

    for control in controls.values():
        control.observe(update, names="value")
    update()
    box = widgets.VBox([
        widgets.HBox([controls["margin"], controls["retention"]]),
        widgets.HBox([controls["discount_rate"], controls["periods"]]),
        result,
        out,
    ])
    box.controls = controls
    box.result = result
    return box
