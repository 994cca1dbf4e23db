"""Widgets for key accounts (Chapters 05 and 06): sliders wired to :mod:`crmlearn.accounts` and its plots."""
from __future__ import annotations

__all__ = ["ka_threshold_widget", "largest_account_leaves_widget", "care_plan_widget"]


def ka_threshold_widget(concentration, *, top: int = 20):
    """Slider for the key-account threshold (the number of largest customers on the list).

    ``concentration`` is the table of :func:`crmlearn.accounts.ka_concentration`. Shows who enters
    and who leaves the list as the slider moves and the revenue share the list covers.
    Returns an ``ipywidgets.VBox`` with ``.controls`` and ``.result``.
    """
    import ipywidgets as widgets

    from ..plots.accounts import concentration_plot
    from ._base import show_figure

    order = concentration.sort_values("revenue", ascending=False)
    n = len(order)
    slider = widgets.IntSlider(value=min(top, n), min=1, max=min(200, n), description="Key accounts",
                               style={"description_width": "initial"})
    result = widgets.HTML()
    out = widgets.Output()
    state = {"prev": slider.value}

    def update(change=None):
        k = slider.value
        share = order["revenue_share"].iloc[:k].sum()
        prev = state["prev"]
        if k > prev:
            moved = "enter: " + ", ".join(map(str, order.index[prev:k][:8]))
        elif k < prev:
            moved = "leave: " + ", ".join(map(str, order.index[k:prev][:8]))
        else:
            moved = ""
        state["prev"] = k
        result.value = (f"The {k} largest customers ({k / n:.1%} of customers) cover <b>{share:.1%}</b> of "
                        f"revenue. {moved}")
        show_figure(out, lambda ax: concentration_plot(order, top=min(k, 30), ax=ax))

    slider.observe(update, names="value")
    update()
    box = widgets.VBox([slider, result, out])
    box.controls = {"top": slider}
    box.result = result
    return box


def largest_account_leaves_widget(revenue, *, top: int = 5):
    """How concentrated revenue is, and what is left when the largest k accounts leave.

    ``revenue`` is a Series of revenue per account (>= 0). Returns a VBox with ``.controls`` and ``.result``.
    """
    import ipywidgets as widgets
    import pandas as pd

    from ..accounts import concentration_risk

    s = pd.Series(revenue).clip(lower=0).sort_values(ascending=False)
    slider = widgets.IntSlider(value=1, min=0, max=min(20, len(s) - 1), description="Accounts that leave",
                               style={"description_width": "initial"})
    result = widgets.HTML()

    def update(change=None):
        k = slider.value
        left = s.iloc[k:]
        r = concentration_risk(left, top=top)
        result.value = (f"{k} largest leave: revenue falls by <b>{1 - left.sum() / s.sum():.1%}</b>; the remaining "
                        f"top {top} hold {r['top_share']:.1%}, Herfindahl {r['herfindahl']:.3f}.")

    slider.observe(update, names="value")
    update()
    box = widgets.VBox([slider, result])
    box.controls = {"leave": slider}
    box.result = result
    return box


def care_plan_widget(year: int = 2025):
    """Pick an account type and see its care calendar (:func:`crmlearn.accounts.care_plan`)."""
    import ipywidgets as widgets
    import pandas as pd

    from ..accounts import KA_TYPES, care_plan
    from ..plots.accounts import care_calendar_plot
    from ._base import show_figure

    pick = widgets.Dropdown(options=list(KA_TYPES), value="strategic", description="Account type")
    result = widgets.HTML()
    out = widgets.Output()

    def update(change=None):
        plan = care_plan(pd.DataFrame({"customer_id": ["A"], "ka_type": [pick.value]}), year=year)
        rows = "".join(f"<li>{d:%b}: {a.replace('_', ' ')} ({k})</li>"
                       for d, a, k in zip(plan["date"], plan["action"], plan["kind"]))
        result.value = f"<b>{len(plan)}</b> care actions in {year}:<ul>{rows}</ul>"
        show_figure(out, lambda ax: care_calendar_plot(plan, ax=ax))

    pick.observe(update, names="value")
    update()
    box = widgets.VBox([pick, result, out])
    box.controls = {"ka_type": pick}
    box.result = result
    return box
