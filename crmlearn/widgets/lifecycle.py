"""Try-it widgets for chapter 1: which account manager leaves, and the gold percentage."""
from __future__ import annotations

from ._base import show_figure

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
    dd = W.Dropdown(options=[str(i) for i in risk.index], description="leaves")
    text = W.HTML()
    out = W.Output()
    box = W.VBox([dd, text, out])
    box.controls = {"manager": dd}
    box.summary = text
    box.result = risk

    def update(*_):
        m = dd.value
        row = risk.loc[m]
        text.value = (f"If <b>{m}</b> leaves: {int(row['customers'])} customers and "
                      f"<b>{row['share']:.1%}</b> of revenue ({row['revenue']:,.0f} CNY) have no other relationship owner.")
        show_figure(out, lambda ax: revenue_at_risk_bars(risk, top=12, highlight=m, ax=ax))

    dd.observe(update, names="value")
    update()
    return box


def gold_share_widget(transactions=None):
    """Slider for the gold percentage (5% rule, 2/8 ratio): how many of last year's gold stay gold."""
    import ipywidgets as W

    from .. import load_dataset
    from ..grading import gold_persistence

    tx = load_dataset("transactions") if transactions is None else transactions
    slider = W.FloatSlider(value=0.05, min=0.01, max=0.5, step=0.01, description="gold share",
                           continuous_update=False, readout_format=".0%")
    text = W.HTML()
    out = W.Output()
    box = W.VBox([slider, text, out])
    box.controls = {"share": slider}
    box.summary = text

    def update(*_):
        g = gold_persistence(tx, share=slider.value)
        box.result = g
        last = g.iloc[-1]
        text.value = (f"Top {slider.value:.0%}: {int(last['gold_from'])} gold customers in {int(last['year_from'])}, "
                      f"<b>{last['kept_share']:.0%}</b> still gold in {int(last['year_to'])}.")

        def draw(ax):
            ax.bar([f"{int(a)}→{int(b)}" for a, b in zip(g["year_from"], g["year_to"])], g["kept_share"] * 100)
            ax.set(ylim=(0, 100), ylabel="% still gold", title="Does last year's gold stay gold?")
        show_figure(out, draw)

    slider.observe(update, names="value")
    update()
    return box
