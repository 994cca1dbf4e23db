"""Widgets for key accounts (Chapters 05 and 06): controls wired to :mod:`crmlearn.accounts` and its plots.

Each builder hands its controls and a view function to :func:`crmlearn.widgets._base.try_it`:
``.controls`` holds the controls, ``.summary`` the text line, ``.result`` the last computed value.
"""
from __future__ import annotations

from ._base import STYLE, View, try_it

__all__ = ["ka_threshold_widget", "largest_account_leaves_widget", "care_plan_widget"]


def ka_threshold_widget(concentration, *, top: int = 20):
    """Slider for the key-account threshold (the number of largest customers on the list).

    ``concentration`` is the table of :func:`crmlearn.accounts.ka_concentration`. Shows who is on
    the list at the margin and the revenue share the list covers.
    """
    import ipywidgets as widgets

    from ..plots.accounts import concentration_plot

    order = concentration.sort_values("revenue", ascending=False)
    n = len(order)
    slider = widgets.IntSlider(value=min(top, n), min=1, max=min(200, n), description="Key accounts", style=STYLE)

    def view(top):
        share = order["revenue_share"].iloc[:top].sum()
        last = ", ".join(map(str, order.index[max(0, top - 3):top]))
        return View(summary=(f"The {top} largest customers ({top / n:.1%} of customers) cover <b>{share:.1%}</b> "
                             f"of revenue; the last on the list: {last}"),
                    draw=lambda ax: concentration_plot(order, top=min(top, 30), ax=ax), result=share)

    return try_it({"top": slider}, view, title="the key-account threshold")


def largest_account_leaves_widget(revenue, *, top: int = 5):
    """How concentrated revenue is, and what is left when the largest k accounts leave.

    ``revenue`` is a Series of revenue per account (>= 0).
    """
    import ipywidgets as widgets
    import pandas as pd

    from ..accounts import concentration_risk

    s = pd.Series(revenue).clip(lower=0).sort_values(ascending=False)
    slider = widgets.IntSlider(value=1, min=0, max=min(20, len(s) - 1), description="Accounts that leave",
                               style=STYLE)

    def view(leave):
        left = s.iloc[leave:]
        r = concentration_risk(left, top=top)
        return View(summary=(f"{leave} largest leave: revenue falls by <b>{1 - left.sum() / s.sum():.1%}</b>; the "
                             f"remaining top {top} hold {r['top_share']:.1%}, Herfindahl {r['herfindahl']:.3f}."),
                    result=r)

    return try_it({"leave": slider}, view, title="the largest accounts leave")


def care_plan_widget(year: int = 2025):
    """Pick an account type and see its care calendar (:func:`crmlearn.accounts.care_plan`)."""
    import ipywidgets as widgets
    import pandas as pd

    from ..accounts import KA_TYPES, care_plan
    from ..plots.accounts import care_calendar_plot

    pick = widgets.Dropdown(options=list(KA_TYPES), value=KA_TYPES[0], description="Account type", style=STYLE)

    def view(ka_type):
        plan = care_plan(pd.DataFrame({"customer_id": ["A"], "ka_type": [ka_type]}), year=year)
        kinds = plan["kind"].value_counts()
        detail = ", ".join(f"{kinds.get(k, 0)} {k}" for k in ("common", "group", "personalised"))
        return View(summary=f"<b>{len(plan)}</b> care actions in {year} for a {ka_type} account ({detail})",
                    draw=lambda ax: care_calendar_plot(plan, ax=ax), result=plan)

    return try_it({"ka_type": pick}, view, title="the care plan by account type")
