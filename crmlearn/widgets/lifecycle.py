"""Try-it widgets for chapter 1: which account manager leaves, and the gold percentage.

Both go through :func:`crmlearn.widgets._base.try_it`: ``.controls``, ``.summary`` (the text
line) and ``.result`` (the last computed table).
"""
from __future__ import annotations

from ._base import STYLE, View, try_it

__all__ = ["manager_leaves_widget", "gold_share_widget"]


def manager_leaves_widget(transactions=None, customers=None):
    """Pick an account manager: the revenue and customers that leave with that person."""
    import ipywidgets as W

    from .. import load_dataset
    from ..lifecycle import revenue_at_risk
    from ..plots.lifecycle import revenue_at_risk_bars

    tx = load_dataset("transactions") if transactions is None else transactions
    cu = load_dataset("customers") if customers is None else customers
    risk = revenue_at_risk(tx, cu)
    dd = W.Dropdown(options=[str(i) for i in risk.index], description="leaves", style=STYLE)

    def view(manager):
        row = risk.loc[manager]
        return View(summary=(f"If <b>{manager}</b> leaves: {int(row['customers'])} customers and "
                             f"<b>{row['share']:.1%}</b> of revenue ({row['revenue']:,.0f} CNY) have no other "
                             "relationship owner."),
                    draw=lambda ax: revenue_at_risk_bars(risk, top=12, highlight=manager, ax=ax), result=risk)

    return try_it({"manager": dd}, view, title="which account manager leaves")


def gold_share_widget(transactions=None):
    """Slider for the gold percentage (5% rule, 2/8 ratio): how many of last year's gold stay gold."""
    import ipywidgets as W

    from .. import load_dataset
    from ..grading import gold_persistence

    tx = load_dataset("transactions") if transactions is None else transactions
    slider = W.FloatSlider(value=0.05, min=0.01, max=0.5, step=0.01, description="gold share",
                           readout_format=".0%", style=STYLE)

    def view(top):
        g = gold_persistence(tx, top=top)
        last = g.iloc[-1]

        def draw(ax):
            ax.bar([f"{int(a)}→{int(b)}" for a, b in zip(g["year_from"], g["year_to"])], g["kept_share"] * 100)
            ax.set(ylim=(0, 100), ylabel="% still gold")

        return View(summary=(f"Top {top:.0%}: {int(last['gold_from'])} gold customers in {int(last['year_from'])}, "
                             f"<b>{last['kept_share']:.0%}</b> still gold in {int(last['year_to'])}."),
                    draw=draw, result=g)

    return try_it({"top": slider}, view, title="the gold percentage",
                  deck={"top": [0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5]})
