"""Widgets for chapter 9: relationship stages, early warning, the sBG retention curve, one customer's CLV.

Each builder names its controls and a view function and hands them to
:func:`crmlearn.widgets._base.try_it`: ``.controls`` holds the sliders by name, ``.summary`` the
text line, ``.result`` the last computed table or value.
"""
from __future__ import annotations

from ._base import STYLE, View, try_it

__all__ = ["stage_threshold_widget", "early_warning_widget", "sbg_curve_widget", "customer_clv_widget"]


def stage_threshold_widget(share_of_wallet, *, share: str = "share", cuts=(0.5, 0.8)):
    """Move the two stage boundaries and see how many account-categories fall in each stage."""
    import ipywidgets as widgets

    from ..plots.retention import wallet_stage_plot
    from ..retention import wallet_stage

    controls = {
        "low": widgets.FloatSlider(value=cuts[0], min=0.05, max=0.9, step=0.05, description="initial | stable",
                                   style=STYLE),
        "high": widgets.FloatSlider(value=cuts[1], min=0.1, max=0.95, step=0.05, description="stable | strategic",
                                    style=STYLE),
    }

    def view(low, high):
        if high <= low:
            return View(error="The upper boundary must be above the lower one.")
        staged = wallet_stage(share_of_wallet, share=share, cuts=(low, high))
        counts = staged["wallet_stage"].value_counts(sort=False)
        return View(summary=" &nbsp;|&nbsp; ".join(f"{k}: <b>{v:,}</b>" for k, v in counts.items()),
                    draw=lambda ax: wallet_stage_plot(staged, share=share, cuts=(low, high), ax=ax), result=staged)

    return try_it(controls, view, title="the stage boundaries",
                  deck={"low": [round(0.1 * i, 1) for i in range(1, 8)]})


def early_warning_widget(transactions, truth, *, as_of="2024-09-30"):
    """Sensitivity of the early warning: its two thresholds against the known (planted) slowdowns.

    Shows precision (share of warnings that are real slowdowns) and recall (share of slowdowns warned).
    """
    import ipywidgets as widgets

    from ..plots.retention import early_warning_plot
    from ..retention import early_warning, warning_quality

    truth = set(truth)
    controls = {
        "max_value_ratio": widgets.FloatSlider(value=0.35, min=0.1, max=1.0, step=0.05,
                                               description="Order value at most", style=STYLE),
        "alpha": widgets.FloatSlider(value=0.6, min=0.05, max=0.95, step=0.05, description="Slowness p at most",
                                     style=STYLE),
        "window": widgets.IntSlider(value=90, min=30, max=180, step=15, description="Window (days)", style=STYLE),
    }

    def view(max_value_ratio, alpha, window):
        ew = early_warning(transactions, as_of=as_of, max_value_ratio=max_value_ratio, alpha=alpha, window=window)
        q = warning_quality(ew, truth).iloc[0]
        return View(summary=(f"flagged <b>{int(q['warnings'])}</b>, "
                             f"of which real slowdowns <b>{int(q['found'])}</b>: "
                             f"precision <b>{q['precision']:.0%}</b>, recall <b>{q['recall']:.0%}</b>"),
                    draw=lambda ax: early_warning_plot(ew, truth=truth, max_value_ratio=max_value_ratio, ax=ax),
                    result=ew)

    return try_it(controls, view, rows=[widgets.HBox([controls["max_value_ratio"], controls["alpha"]]),
                                        widgets.HBox([controls["window"]])],
                  title="early-warning sensitivity",
                  deck={"max_value_ratio": [round(0.1 + 0.05 * i, 2) for i in range(19)]})


def sbg_curve_widget(alpha: float = 0.7, beta: float = 1.2, *, periods: int = 12):
    """The shifted-beta-geometric retention curve as its two parameters move (a heterogeneous cohort)."""
    import ipywidgets as widgets
    import numpy as np

    controls = {
        "alpha": widgets.FloatSlider(value=alpha, min=0.1, max=5.0, step=0.1, description="alpha", style=STYLE),
        "beta": widgets.FloatSlider(value=beta, min=0.1, max=5.0, step=0.1, description="beta", style=STYLE),
    }

    def view(alpha, beta):
        t = np.arange(periods + 1)
        # S(t) = B(a, b + t) / B(a, b), by the recursion S(t) = S(t-1) (b + t - 1) / (a + b + t - 1)
        surv = np.r_[1.0, np.cumprod((beta + t[1:] - 1) / (alpha + beta + t[1:] - 1))]
        rr = surv[1:] / surv[:-1]

        def draw(ax):
            ax.plot(t, 100 * surv, marker="o", color="C1")
            ax.set(xlabel="Period", ylabel="% of the cohort still active", ylim=(0, 105))

        return View(summary=(f"mean churn probability a/(a+b) = <b>{alpha / (alpha + beta):.1%}</b>; retention "
                             f"rate year 1 <b>{rr[0]:.1%}</b> rising to <b>{rr[-1]:.1%}</b> in period {periods}"),
                    draw=draw, result=surv)

    return try_it(controls, view, title="the sBG retention curve",
                  deck={"beta": [round(0.25 * i, 2) for i in range(1, 21)]})


def customer_clv_widget(bg, gg, *, frequency: int = 4, recency: float = 20.0, T: float = 24.0,
                        monetary_value: float = 500.0, margin: float = 0.25, horizon: int = 12,
                        discount_rate: float = 0.01, unit: str = "M"):
    """The CLV of one customer (BG/NBD + Gamma-Gamma) as frequency, recency and margin change."""
    import ipywidgets as widgets
    import numpy as np
    import pandas as pd

    from ..clv import customer_lifetime_value

    controls = {
        "frequency": widgets.IntSlider(value=frequency, min=1, max=30, description="Repeat purchases", style=STYLE),
        "recency": widgets.FloatSlider(value=recency, min=0.0, max=T, step=1.0, description=f"Recency ({unit})",
                                       style=STYLE),
        "margin": widgets.FloatSlider(value=margin, min=0.05, max=0.6, step=0.05, description="Margin",
                                      style=STYLE),
    }

    def view(frequency, recency, margin):
        one = pd.DataFrame({"frequency": [frequency], "recency": [recency], "T": [T],
                            "monetary_value": [monetary_value]})
        p = float(bg.probability_alive(one).iloc[0])
        e = float(bg.expected_purchases(one, horizon).iloc[0])
        v = float(customer_lifetime_value(bg, gg, one, horizon=horizon, discount_rate=discount_rate, unit=unit,
                                          margin=margin).iloc[0])
        grid = pd.DataFrame({"frequency": frequency, "recency": np.linspace(0, T, 40), "T": T,
                             "monetary_value": monetary_value})
        curve = bg.probability_alive(grid).to_numpy()

        def draw(ax):
            ax.plot(grid["recency"], 100 * curve, color="C0")
            ax.plot([recency], [100 * p], "o", color="C3", markersize=9)
            ax.set(xlabel=f"Recency: time of the last purchase ({unit})", ylabel="P(alive), %", ylim=(0, 105))

        return View(summary=(f"P(alive) <b>{p:.0%}</b>; expected purchases in {horizon} {unit}: <b>{e:.2f}</b>; "
                             f"CLV (margin {margin:.0%}, discounted): <b>{v:,.0f}</b>"), draw=draw, result=v)

    return try_it(controls, view, rows=[widgets.HBox([controls["frequency"], controls["recency"]]),
                                        widgets.HBox([controls["margin"]])],
                  title="one customer's lifetime value",
                  deck={"recency": sorted({float(round(T * i / 12)) for i in range(13)})})
