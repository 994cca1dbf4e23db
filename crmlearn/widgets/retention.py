"""Widgets for chapter 9: relationship stages, early warning, the sBG retention curve, one customer's CLV.

Each builder returns an ipywidgets box with the sliders in ``.controls`` (a dict by name) and the
text line in ``.result``; figures are drawn with :func:`crmlearn.widgets._base.show_figure`.
"""
from __future__ import annotations

__all__ = ["stage_threshold_widget", "early_warning_widget", "sbg_curve_widget", "customer_clv_widget"]

_STYLE = {"description_width": "initial"}


def _box(controls, result, out, rows):
    import ipywidgets as widgets

    box = widgets.VBox([widgets.HBox([controls[k] for k in row]) for row in rows] + [result, out])
    box.controls, box.result = controls, result
    return box


def stage_threshold_widget(share_of_wallet, *, share: str = "share", cuts=(0.5, 0.8)):
    """Move the two stage boundaries and see how many account-categories fall in each stage."""
    import ipywidgets as widgets

    from ..plots.clv import wallet_stage_plot
    from ..retention import wallet_stage
    from ._base import show_figure

    controls = {
        "low": widgets.FloatSlider(value=cuts[0], min=0.05, max=0.9, step=0.05, description="initial | stable",
                                   style=_STYLE),
        "high": widgets.FloatSlider(value=cuts[1], min=0.1, max=0.95, step=0.05, description="stable | strategic",
                                    style=_STYLE),
    }
    result, out = widgets.HTML(), widgets.Output()

    def update(change=None):
        lo, hi = controls["low"].value, controls["high"].value
        if hi <= lo:
            result.value = "<b>The upper boundary must be above the lower one.</b>"
            return
        staged = wallet_stage(share_of_wallet, share=share, cuts=(lo, hi))
        counts = staged["wallet_stage"].value_counts(sort=False)
        result.value = " &nbsp;|&nbsp; ".join(f"{k}: <b>{v:,}</b>" for k, v in counts.items())
        show_figure(out, lambda ax: wallet_stage_plot(staged, share=share, cuts=(lo, hi), ax=ax))

    for c in controls.values():
        c.observe(update, names="value")
    update()
    return _box(controls, result, out, [["low", "high"]])


def early_warning_widget(transactions, truth, *, as_of="2024-09-30"):
    """Sensitivity of the early warning: its two thresholds against the known (planted) slowdowns.

    Shows precision (share of warnings that are real slowdowns) and recall (share of slowdowns warned).
    """
    import ipywidgets as widgets

    from ..plots.clv import early_warning_plot
    from ..retention import early_warning
    from ._base import show_figure

    truth = set(truth)
    controls = {
        "max_value_ratio": widgets.FloatSlider(value=0.35, min=0.1, max=1.0, step=0.05,
                                               description="Order value at most", style=_STYLE),
        "alpha": widgets.FloatSlider(value=0.6, min=0.05, max=0.95, step=0.05, description="Slowness p at most",
                                     style=_STYLE),
        "window": widgets.IntSlider(value=90, min=30, max=180, step=15, description="Window (days)", style=_STYLE),
    }
    result, out = widgets.HTML(), widgets.Output()

    def update(change=None):
        c = {k: v.value for k, v in controls.items()}
        ew = early_warning(transactions, as_of=as_of, **c)
        flagged = set(ew.index[ew["flagged"]])
        tp = len(flagged & truth)
        prec = tp / len(flagged) if flagged else float("nan")
        rec = tp / len(truth) if truth else float("nan")
        result.value = (f"flagged <b>{len(flagged)}</b>, of which real slowdowns <b>{tp}</b>: "
                        f"precision <b>{prec:.0%}</b>, recall <b>{rec:.0%}</b>")
        show_figure(out, lambda ax: early_warning_plot(ew, truth=truth, max_value_ratio=c["max_value_ratio"], ax=ax))

    for v in controls.values():
        v.observe(update, names="value")
    update()
    return _box(controls, result, out, [["max_value_ratio", "alpha"], ["window"]])


def sbg_curve_widget(alpha: float = 0.7, beta: float = 1.2, *, periods: int = 12):
    """The shifted-beta-geometric retention curve as its two parameters move (a heterogeneous cohort)."""
    import ipywidgets as widgets
    import numpy as np

    from ._base import show_figure

    controls = {
        "alpha": widgets.FloatSlider(value=alpha, min=0.1, max=5.0, step=0.1, description="alpha", style=_STYLE),
        "beta": widgets.FloatSlider(value=beta, min=0.1, max=5.0, step=0.1, description="beta", style=_STYLE),
    }
    result, out = widgets.HTML(), widgets.Output()

    def update(change=None):
        a, b = controls["alpha"].value, controls["beta"].value
        t = np.arange(periods + 1)
        # S(t) = B(a, b + t) / B(a, b), by the recursion S(t) = S(t-1) (b + t - 1) / (a + b + t - 1)
        surv = np.r_[1.0, np.cumprod((b + t[1:] - 1) / (a + b + t[1:] - 1))]
        rr = surv[1:] / surv[:-1]
        result.value = (f"mean churn probability a/(a+b) = <b>{a / (a + b):.1%}</b>; retention rate "
                        f"year 1 <b>{rr[0]:.1%}</b> rising to <b>{rr[-1]:.1%}</b> in period {periods}")

        def draw(ax):
            ax.plot(t, 100 * surv, marker="o", color="C1")
            ax.set(xlabel="Period", ylabel="% of the cohort still active", ylim=(0, 105))

        show_figure(out, draw)

    for v in controls.values():
        v.observe(update, names="value")
    update()
    return _box(controls, result, out, [["alpha", "beta"]])


def customer_clv_widget(bg, gg, *, frequency: int = 4, recency: float = 20.0, T: float = 24.0,
                        monetary_value: float = 500.0, margin: float = 0.25, horizon: int = 12,
                        discount_rate: float = 0.01, unit: str = "M"):
    """The CLV of one customer (BG/NBD + Gamma-Gamma) as frequency, recency and margin change."""
    import ipywidgets as widgets
    import pandas as pd

    from ..clv import customer_lifetime_value

    controls = {
        "frequency": widgets.IntSlider(value=frequency, min=1, max=30, description="Repeat purchases", style=_STYLE),
        "recency": widgets.FloatSlider(value=recency, min=0.0, max=T, step=1.0, description=f"Recency ({unit})",
                                       style=_STYLE),
        "margin": widgets.FloatSlider(value=margin, min=0.05, max=0.6, step=0.05, description="Margin",
                                      style=_STYLE),
    }
    result, out = widgets.HTML(), widgets.Output()

    def update(change=None):
        c = {k: v.value for k, v in controls.items()}
        one = pd.DataFrame({"frequency": [c["frequency"]], "recency": [c["recency"]], "T": [T],
                            "monetary_value": [monetary_value]})
        p = float(bg.probability_alive(one).iloc[0])
        e = float(bg.expected_purchases(one, horizon).iloc[0])
        v = float(customer_lifetime_value(bg, gg, one, horizon=horizon, discount_rate=discount_rate, unit=unit,
                                          margin=c["margin"]).iloc[0])
        result.value = (f"P(alive) <b>{p:.0%}</b>; expected purchases in {horizon} {unit}: <b>{e:.2f}</b>; "
                        f"CLV (margin {c['margin']:.0%}, discounted): <b>{v:,.0f}</b>")

    for v in controls.values():
        v.observe(update, names="value")
    update()
    return _box(controls, result, out, [["frequency", "recency"], ["margin"]])
