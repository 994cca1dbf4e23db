"""Widgets for loyalty (Chapter 8): the loyalty-matrix cut-offs and the switch decision.

Each builder wires sliders to a function of :mod:`crmlearn.loyalty` and a plot of
:mod:`crmlearn.plots`, and returns a VBox with the last result as ``.result``.
"""
from __future__ import annotations

from ._base import show_figure

__all__ = ["loyalty_matrix_widget", "switch_decision_widget"]


def _matrix_data(survey, transactions):
    """The survey with each respondent's orders in the 12 months before the survey."""
    from ..datasets import load_dataset
    from ..loyalty import orders_before_survey

    sv = load_dataset("survey") if survey is None else survey
    tx = load_dataset("transactions") if transactions is None else transactions
    return orders_before_survey(sv, tx)


def loyalty_matrix_widget(survey=None, transactions=None, *, attitude_threshold: int = 4,
                          patronage_threshold: int = 7):
    """Move the cut-offs of the loyalty matrix and watch customers change cell.

    Attitude: emotional attachment (1-5); patronage: orders in the 12 months before the survey.
    Uses :func:`crmlearn.loyalty.loyalty_matrix` and :func:`crmlearn.plots.loyalty_matrix_chart`.

    Examples
    --------
    >>> w = loyalty_matrix_widget()
    >>> sorted(w.result["loyalty"].astype(str).unique())
    ['latent', 'none', 'spurious', 'true']
    """
    import ipywidgets as W

    from ..loyalty import loyalty_matrix
    from ..plots.satisfaction import loyalty_matrix_chart

    data = _matrix_data(survey, transactions)
    style = {"description_width": "initial"}
    s_att = W.IntSlider(value=attitude_threshold, min=2, max=5, description="Attachment from", style=style)
    s_pat = W.IntSlider(value=patronage_threshold, min=1, max=int(data["frequency"].quantile(0.95)),
                        description="Orders from", style=style)
    out = W.Output()
    box = W.VBox([W.HBox([s_att, s_pat]), out])

    def update(*_):
        table = loyalty_matrix(data, attitude="emotional_attachment", patronage="frequency",
                               min_attitude=s_att.value, min_patronage=s_pat.value)
        box.result = table
        show_figure(out, lambda ax: loyalty_matrix_chart(table, ax=ax), figsize=(6, 4.5))

    for s in (s_att, s_pat):
        s.observe(update, names="value")
    box.controls = {"attitude_threshold": s_att, "patronage_threshold": s_pat}
    update()
    return box


def switch_decision_widget(*, saving: float = 80_000, switching_cost: float = 150_000, risk: float = 0,
                           horizon: float = 1):
    """A competitor's saving against switching cost and risk: does the customer switch?

    Uses :func:`crmlearn.loyalty.switch_decision`; the bars show the saving over the horizon
    against the barrier.

    Examples
    --------
    >>> w = switch_decision_widget()
    >>> bool(w.result["switches"].iloc[0])
    False
    """
    import ipywidgets as W
    import pandas as pd

    from ..loyalty import switch_decision

    style = {"description_width": "initial"}
    s_save = W.IntSlider(value=saving, min=0, max=300_000, step=10_000, description="Saving per year", style=style)
    s_cost = W.IntSlider(value=switching_cost, min=0, max=300_000, step=10_000, description="Switching cost",
                         style=style)
    s_risk = W.IntSlider(value=risk, min=0, max=200_000, step=10_000, description="Risk (money value)", style=style)
    s_h = W.FloatSlider(value=horizon, min=0.5, max=5, step=0.5, description="Horizon (years)", style=style)
    out = W.Output()
    box = W.VBox([W.HBox([s_save, s_cost]), W.HBox([s_risk, s_h]), out])

    def update(*_):
        df = pd.DataFrame({"annual_saving": [s_save.value], "switching_cost": [s_cost.value],
                           "risk_cost": [s_risk.value]})
        res = switch_decision(df, horizon=s_h.value)
        box.result = res

        def draw(ax):
            r = res.iloc[0]
            ax.barh(["barrier"], [s_cost.value], color="#5dade2", label="switching cost")
            ax.barh(["barrier"], [s_risk.value], left=[s_cost.value], color="#f5b041", label="purchasing risk")
            ax.barh(["saving"], [r["total_saving"]], color="#27ae60", label="saving over the horizon")
            verdict = "switches" if r["switches"] else "stays"
            ax.set_title(f"The customer {verdict} (net gain {r['net_gain']:,.0f} CNY)", fontweight="bold")
            ax.set(xlabel="CNY")
            ax.legend(frameon=False, fontsize="small", loc="lower right")

        show_figure(out, draw, figsize=(8, 3.2))

    for s in (s_save, s_cost, s_risk, s_h):
        s.observe(update, names="value")
    box.controls = {"saving": s_save, "switching_cost": s_cost, "risk": s_risk, "horizon": s_h}
    update()
    return box
