"""Widgets for grading (Chapter 4): move a slider, see the grades change.

Each builder wires sliders to a function of :mod:`crmlearn.grading` and a plot of :mod:`crmlearn.plots`, and returns an
``ipywidgets.VBox``: the sliders, a line of text, the figure and (for some) a table. The
sliders are in ``.controls`` (a dict by name), the last computed result in ``.result``, the
text line in ``.summary`` and the table in ``.table`` (both HTML widgets). A setting the
function refuses (e.g. ABC cut-offs that do not increase) shows its error message in place of
the figure and is kept in ``.error``.
"""
from __future__ import annotations

import html as _html
from typing import Any, Callable, Mapping, Sequence

from ._base import STYLE as _STYLE, View, table_html as _table_html, try_it

__all__ = [
    "top_share_widget",
    "abc_widget",
    "scorecard_widget",
    "pyramid_widget",
    "rfm_widget",
]


def top_share_widget(data, *, value: str = "monetary", top: float = 0.2, value_name: str = "value"):
    """Slide the top share of customers and read the share of value they bring (the 80/20 check).

    Uses :func:`crmlearn.grading.pareto_table`, :func:`crmlearn.grading.top_share` and
    :func:`crmlearn.plots.pareto_chart`.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    value : str, default "monetary"
    top : float, default 0.2
        Starting top share (the slider runs from 1% to 99%).
    value_name : str, default "value"
        What the value is ("net revenue", ...), for the chart and the text line.

    Returns
    -------
    ipywidgets.VBox
        ``.result`` is the share of value of the top customers (a float).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"monetary": [500, 300, 60, 40, 30, 25, 20, 15, 6, 4]})
    >>> w = top_share_widget(df)
    >>> w.result
    0.8
    >>> w.controls["top"].value = 0.1
    >>> w.result
    0.5
    """
    import ipywidgets as W

    from ..grading import pareto_table, top_share
    from ..plots.grading import pareto_chart

    table = pareto_table(data, value=value)
    controls = {"top": W.FloatSlider(value=top, min=0.01, max=0.99, step=0.01, readout_format=".0%",
                                     description="Top share of customers", style=_STYLE,
                                     layout=W.Layout(width="420px"))}

    def view(top):
        share = top_share(data, value=value, top=top)
        return View(summary=(f"The top <b>{top:.0%}</b> of customers bring <b>{share:.1%}</b> "
                             f"of the {_html.escape(value_name)} ({len(table):,} customers)."),
                    draw=lambda ax: pareto_chart(table, top=top, value_name=value_name, ax=ax), result=share)

    positions = sorted({round(0.05 * i, 2) for i in range(1, 20)} | {round(float(top), 2)})
    return try_it(controls, view, title="the top share of customers and their share of value",
                  deck={"top": positions})


def abc_widget(data, *, value: str = "monetary", cutoffs: Sequence[float] = (0.8, 0.95)):
    """Move the A and B cut-offs and see how many customers, and how much value, each class holds.

    Uses :func:`crmlearn.grading.abc_classify`, :func:`crmlearn.segmentation.segment_by` and
    :func:`crmlearn.plots.abc_chart`.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    value : str, default "monetary"
    cutoffs : (float, float), default (0.8, 0.95)
        Starting cut-offs (a range slider: the left handle ends A, the right one ends B).

    Returns
    -------
    ipywidgets.VBox
        ``.result`` is the classified table; ``.table`` shows customers and value per class.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"monetary": [500, 300, 60, 40, 30, 25, 20, 15, 6, 4]})
    >>> w = abc_widget(df)
    >>> w.result["abc_class"].value_counts().tolist()
    [4, 4, 2]
    >>> w.controls["cutoffs"].value = (0.5, 0.9)
    >>> w.result["abc_class"].astype(str).tolist()[:3]
    ['A', 'B', 'B']
    """
    import ipywidgets as W

    from ..grading import abc_classify
    from ..plots.grading import abc_chart
    from ..segmentation import segment_by

    controls = {"cutoffs": W.FloatRangeSlider(value=tuple(cutoffs), min=0.05, max=1.0, step=0.01,
                                              readout_format=".0%", description="A | B cut-offs", style=_STYLE,
                                              layout=W.Layout(width="480px"))}

    def view(cutoffs):
        cutoffs = tuple(cutoffs)
        abc = abc_classify(data, value=value, cutoffs=cutoffs)
        table = segment_by(abc, by="abc_class", value=value)[["customers", "customer_share", "value", "value_share"]]
        return View(summary=f"A: the customers who bring the first <b>{cutoffs[0]:.0%}</b> of the value; "
                            f"B: up to <b>{cutoffs[1]:.0%}</b>; C: the rest.",
                    draw=lambda ax: abc_chart(abc, cutoffs=cutoffs, ax=ax), table=table, result=abc)

    # on a slide: the A cut-off moves, B stays where it starts
    b = round(float(cutoffs[1]), 2)
    a_positions = sorted({round(x / 100, 2) for x in range(50, int(b * 100), 5)} | {round(float(cutoffs[0]), 2)})
    return try_it(controls, view, figsize=(6.2, 4.0), title="the A and B cut-offs of the ABC analysis",
                  deck={"cutoffs": [(a, b) for a in a_positions if a < b]})


def scorecard_widget(data, *, financial: Any = "margin", service: Any = None, potential: Any = None,
                     sales: Any = "monetary", top_n: int = 10, method: str = "rank"):
    """Weigh the four perspectives of the value scorecard and watch the top customers re-rank.

    One slider per perspective that has columns (financial, service, customer potential,
    sales; 0 switches it off). Shows the top ``top_n`` customers by overall score and the 2x2
    of current against potential value. Uses :func:`crmlearn.grading.value_scorecard` and
    :func:`crmlearn.plots.scorecard_plot`.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    financial, service, potential, sales, method :
        As in :func:`crmlearn.grading.value_scorecard`.
    top_n : int, default 10

    Returns
    -------
    ipywidgets.VBox
        ``.result`` is the scorecard table; ``.table`` the top customers.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"margin": [90, 80, 10, 5], "monetary": [900, 700, 100, 60],
    ...                    "satisfaction": [4, 2, 5, 1], "growth": [0.3, 0.0, 0.4, 0.1]},
    ...                   index=["C1", "C2", "C3", "C4"])
    >>> w = scorecard_widget(df, service="satisfaction", potential="growth", top_n=2)
    >>> w.result.sort_values("rank").index[0]
    'C1'
    >>> w.controls["service"].value = 3.0
    >>> w.result.sort_values("rank").index[0]
    'C3'
    """
    import ipywidgets as W

    from ..grading import value_scorecard
    from ..plots.grading import scorecard_plot

    columns = {"financial": financial, "service": service, "customer": potential, "sales": sales}
    labels = {"financial": "Financial", "service": "Service", "customer": "Customer potential", "sales": "Sales"}
    controls = {k: W.FloatSlider(value=1.0, min=0.0, max=3.0, step=0.25, description=labels[k], style=_STYLE)
                for k, cols in columns.items() if cols is not None}
    shown = [c for cols in columns.values() if cols is not None for c in ([cols] if isinstance(cols, str) else cols)]

    def view(**weights):
        sc = value_scorecard(data, financial=financial, service=service, potential=potential, sales=sales,
                             weights=weights, method=method)
        table = sc.sort_values("rank", kind="stable").head(top_n)[["rank", "score", "current_value",
                                                                    "potential_value", "quadrant"]]
        summary = f"Top {top_n} customers by overall score (weights: " + ", ".join(
            f"{labels[k]} {weights[k]:g}" for k in controls) + ")"
        return View(summary=summary, draw=lambda ax: scorecard_plot(sc, ax=ax), table=table, result=sc)

    items = list(controls.values())
    rows = [W.HBox(items[:2]), W.HBox(items[2:])]
    first = next(iter(controls))
    return try_it(controls, view, rows=rows, figsize=(6.2, 4.0), title="the weights of the value scorecard",
                  deck={first: [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]})


def pyramid_widget(data, *, value: str = "monetary", levels: Any = "vip"):
    """Resize the levels of the customer pyramid and see customers and value per level.

    One slider per level except the last, which takes the rest of the customers. Uses
    :func:`crmlearn.grading.customer_pyramid`, :func:`crmlearn.grading.pyramid_summary` and
    :func:`crmlearn.plots.pyramid_plot`.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    value : str, default "monetary"
    levels : str or dict, default "vip"
        Starting levels, as in :func:`crmlearn.grading.customer_pyramid`.

    Returns
    -------
    ipywidgets.VBox
        ``.result`` is the pyramid summary; ``.table`` shows it.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"monetary": range(1, 101)})
    >>> w = pyramid_widget(df)
    >>> int(w.result.loc["top", "customers"])
    1
    >>> w.controls["top"].value = 0.05
    >>> int(w.result.loc["top", "customers"])
    5
    """
    import ipywidgets as W

    from ..grading import PYRAMID_LEVELS, customer_pyramid, pyramid_summary
    from ..plots.grading import pyramid_plot

    start = dict(PYRAMID_LEVELS[levels]) if isinstance(levels, str) else dict(levels)
    names = list(start)
    controls = {name: W.FloatSlider(value=start[name], min=0.005, max=0.9, step=0.005, readout_format=".1%",
                                    description=f"{name} (share of customers)", style=_STYLE)
                for name in names[:-1]}

    def view(**shares):
        rest = 1.0 - sum(shares.values())
        if rest <= 1e-9:
            raise ValueError(f"The upper levels take {sum(shares.values()):.1%} of customers, leaving nothing for "
                             f"'{names[-1]}'. Make them smaller.")
        lv = {**shares, names[-1]: rest}
        summary = pyramid_summary(customer_pyramid(data, value=value, levels=lv), value=value)
        table = summary[["customers", "customer_share", "value_share"]]
        return View(summary=f"'{_html.escape(names[-1])}' takes the rest: {rest:.1%} of the customers who bought.",
                    draw=lambda ax: pyramid_plot(summary, ax=ax), table=table, result=summary)

    items = list(controls.values())
    rows = [W.HBox(items[i:i + 2]) for i in range(0, len(items), 2)]
    top_level = names[0]
    cur = round(float(start[top_level]), 3)
    positions = sorted({0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, cur})
    return try_it(controls, view, rows=rows, figsize=(6.2, 3.8), title="the levels of the customer pyramid",
                  deck={top_level: positions})


def rfm_widget(data, *, value: str = "monetary", bins: int = 5, recency: str = "recency_days",
               frequency: str = "frequency", monetary: str = "monetary", value_label: str | None = None):
    """Change the number of RFM score levels and see the R x F heatmap of average value.

    Uses :func:`crmlearn.grading.rfm_scores` and :func:`crmlearn.plots.rfm_heatmap`.

    Parameters
    ----------
    data : DataFrame
        One row per customer with recency, frequency and monetary columns.
    value : str, default "monetary"
        The value averaged in each cell.
    bins : int, default 5
        Starting number of levels (slider 2-9).
    recency, frequency, monetary : str
        As in :func:`crmlearn.grading.rfm_scores`.
    value_label : str, optional
        Colour-bar label, as in :func:`crmlearn.plots.rfm_heatmap`.

    Returns
    -------
    ipywidgets.VBox
        ``.result`` is the scored table; ``.table`` shows customers and value per RFM score.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"recency_days": range(20), "frequency": range(20), "monetary": range(20)})
    >>> w = rfm_widget(df)
    >>> int(w.result["R"].max())
    5
    >>> w.controls["bins"].value = 3
    >>> int(w.result["R"].max())
    3
    """
    import ipywidgets as W

    from ..grading import rfm_scores
    from ..plots.grading import rfm_heatmap
    from ..segmentation import segment_by

    controls = {"bins": W.IntSlider(value=bins, min=2, max=9, description="Score levels (bins)", style=_STYLE)}

    def view(bins):
        scores = rfm_scores(data, bins=bins, recency=recency, frequency=frequency, monetary=monetary)
        groups = segment_by(scores, by="rfm_score", value=value)[["customers", "customer_share", "value_share",
                                                                  "avg_value"]]
        table = groups.sort_values("value_share", ascending=False, kind="stable").head(8)
        return View(summary=f"{bins} levels per letter: {len(groups):,} RFM scores in use; "
                            "the 8 that bring most value:",
                    draw=lambda ax: rfm_heatmap(scores, value=value, value_label=value_label, ax=ax),
                    table=table, result=scores)

    return try_it(controls, view, figsize=(6.2, 4.0), title="the number of RFM score levels")
