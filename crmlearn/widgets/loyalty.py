"""Widgets for loyalty (Chapter 8): the loyalty-matrix cut-offs and the switch decision.

Each builder wires sliders to a function of :mod:`crmlearn.loyalty` and a plot of
:mod:`crmlearn.plots`, and returns a VBox (through :func:`crmlearn.widgets._base.try_it`) with the last result as ``.result``.
"""
from __future__ import annotations

from ._base import STYLE, View, try_it

__all__ = ["loyalty_matrix_widget", "switch_decision_widget"]


def _matrix_data(survey, transactions):
    """The survey with each respondent's orders in the 12 months before the survey."""
    from ..datasets import load_dataset
    from ..loyalty import orders_before_survey

    sv = load_dataset("survey") if survey is None else survey
    tx = load_dataset("transactions") if transactions is None else transactions
    return orders_before_survey(sv, tx)


def loyalty_matrix_widget(survey=None, transactions=None, *, min_attitude: int = 4, min_patronage: int = 7):
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
    from ..plots.loyalty import loyalty_matrix_chart

    data = _matrix_data(survey, transactions)
    top = int(data["frequency"].quantile(0.95))
    s_att = W.IntSlider(value=min_attitude, min=2, max=5, description="Attachment from", style=STYLE)
    s_pat = W.IntSlider(value=min_patronage, min=1, max=top, description="Orders from", style=STYLE)

    def view(min_attitude, min_patronage):
        table = loyalty_matrix(data, attitude="emotional_attachment", patronage="frequency",
                               min_attitude=min_attitude, min_patronage=min_patronage)
        true = int((table["loyalty"] == "true").sum())
        return View(summary=f"Attachment {min_attitude}+ and {min_patronage}+ orders: <b>{true:,}</b> truly loyal",
                    draw=lambda ax: loyalty_matrix_chart(table, ax=ax), result=table)

    return try_it({"min_attitude": s_att, "min_patronage": s_pat}, view, title="the loyalty matrix",
                  deck={"min_patronage": sorted({max(1, round(top * i / 10)) for i in range(1, 11)})})


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

    s_save = W.IntSlider(value=saving, min=0, max=300_000, step=10_000, description="Saving per year", style=STYLE)
    s_cost = W.IntSlider(value=switching_cost, min=0, max=300_000, step=10_000, description="Switching cost",
                         style=STYLE)
    s_risk = W.IntSlider(value=risk, min=0, max=200_000, step=10_000, description="Risk (money value)", style=STYLE)
    s_h = W.FloatSlider(value=horizon, min=0.5, max=5, step=0.5, description="Horizon (years)", style=STYLE)

    def view(saving, switching_cost, risk, horizon):
        df = pd.DataFrame({"annual_saving": [saving], "switching_cost": [switching_cost], "risk_cost": [risk]})
        res = switch_decision(df, horizon=horizon)
        r = res.iloc[0]
        verdict = "switches" if r["switches"] else "stays"

        def draw(ax):
            ax.barh(["barrier"], [switching_cost], color="#5dade2", label="switching cost")
            ax.barh(["barrier"], [risk], left=[switching_cost], color="#f5b041", label="purchasing risk")
            ax.barh(["saving"], [r["total_saving"]], color="#27ae60", label="saving over the horizon")
            ax.set(xlabel="CNY")
            ax.legend(frameon=False, fontsize="small", loc="lower right")

        return View(summary=f"The customer <b>{verdict}</b> (net gain {r['net_gain']:,.0f} CNY)", draw=draw, result=res)

    return try_it({"saving": s_save, "switching_cost": s_cost, "risk": s_risk, "horizon": s_h}, view,
                  rows=[W.HBox([s_save, s_cost]), W.HBox([s_risk, s_h])], title="the switch decision",
                  deck={"saving": list(range(0, 300_001, 20_000))})
