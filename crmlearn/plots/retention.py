"""Plots for retention (Chapter 9): the sBG survival curve and the cohort heatmap.

Each function takes a :mod:`crmlearn.retention` model or table, draws on ``ax`` (or the current
Axes), labels it in English and returns the Axes.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._core.compat import renamed_kwargs
from ._base import get_ax

__all__ = ["sbg_survival_plot", "cohort_heatmap", "wallet_stage_plot", "early_warning_plot"]


def sbg_survival_plot(model, *, periods: int | None = None, actual=None, ax=None):
    """A fitted shifted-beta-geometric model's survival curve against the actual survival.

    Parameters
    ----------
    model : crmlearn.retention.ShiftedBetaGeometric
        Fitted model.
    periods : int, optional
        Last period drawn (default: the fitted periods, or those of ``actual``).
    actual : array-like, optional
        The actual share (0-1) or count still active at the start of periods 0, 1, ... beyond
        the fitted ones (e.g. the later years kept back); counts are scaled by the first value.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from crmlearn.retention import ShiftedBetaGeometric
    >>> sbg = ShiftedBetaGeometric().fit([1000, 631, 468, 382, 326, 289, 262, 241])
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> actual = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173]
    >>> ax = sbg_survival_plot(sbg, actual=actual, ax=ax)
    >>> [line.get_label() for line in ax.get_lines() if not line.get_label().startswith("_")]
    ['Actual', 'sBG model']
    >>> plt.close(fig)
    """
    from .._validation import check_fitted

    check_fitted(model)
    if actual is not None:
        act = np.asarray(actual, dtype=float)
        act = act / act[0]
    else:
        act = model.alive_ / model.alive_[0]
    if periods is None:
        periods = max(len(act) - 1, model.n_periods_)
    proj = model.project(periods)
    ax = get_ax(ax)
    t_act = np.arange(len(act))
    ax.plot(t_act, 100 * act, marker="o", linestyle="none", color="black", label="Actual")
    ax.plot(proj.index, 100 * proj["survival"], color="C1", label="sBG model")
    ax.axvline(model.n_periods_, color="grey", linestyle=":", linewidth=1)
    ax.annotate("end of fitted data", (model.n_periods_, 100), xytext=(4, -12), textcoords="offset points",
                color="grey", fontsize=8)
    ax.set(xlabel="Period", ylabel="% of the cohort still active", ylim=(0, 105))
    ax.legend()
    return ax


@renamed_kwargs(keyword_only=("ax",))
def cohort_heatmap(table: pd.DataFrame, *, ax=None, annotate: bool | None = None, values: str | None = None):
    """Heatmap of a cohort table: share of each cohort still buying, period by period.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`crmlearn.retention.cohort_table`.
    ax : matplotlib.axes.Axes, optional
    annotate : bool, optional
        Write the values in the cells (default: when the table has at most 15 x 15 cells).
    values : {"share", "count"}, optional
        What the table holds, as passed to ``cohort_table(values=...)``. Default: "share" when
        every value lies between 0 and 1, else "count".

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import pandas as pd
    >>> from crmlearn.retention import cohort_table
    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "B", "B", "C", "A"],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-02-11", "2024-01-20",
    ...                                                  "2024-03-02", "2024-02-14", "2024-03-30"])})
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> ax = cohort_heatmap(cohort_table(tx), ax=ax)
    >>> ax.get_xlabel()
    'Periods since first purchase'
    >>> plt.close(fig)
    """
    from .._validation import check_table

    from .._validation import check_choice

    check_table(table, func="cohort_heatmap", name="table")
    kind = values
    values = table.to_numpy(dtype=float)
    if kind is None:
        finite = values[np.isfinite(values)]
        kind = "share" if finite.size == 0 or (finite.min() >= 0 and finite.max() <= 1) else "count"
    share = check_choice(kind, ["share", "count"], func="cohort_heatmap", param="values") == "share"
    ax = get_ax(ax)
    # period 0 is 100% by definition: scale the colours on the later periods so they show
    later = values[:, 1:] if values.shape[1] > 1 else values
    vmax = np.nanmax(later) if np.isfinite(later).any() else 1.0
    im = ax.imshow(np.ma.masked_invalid(values), aspect="auto", cmap="Blues", interpolation="nearest",
                   vmin=0, vmax=vmax if vmax > 0 else 1.0)
    ax.figure.colorbar(im, ax=ax, label="Share of the cohort buying" if share else "Customers buying")
    if annotate is None:
        annotate = values.shape[0] <= 15 and values.shape[1] <= 15
    if annotate:
        for (i, j), v in np.ndenumerate(values):
            if np.isfinite(v):
                ax.text(j, i, f"{v:.0%}" if share else f"{v:,.0f}", ha="center", va="center", fontsize=7,
                        color="white" if v > 0.6 * vmax else "black")
    step = max(1, len(table.index) // 15)
    ax.set_yticks(np.arange(0, len(table.index), step), [str(c) for c in table.index[::step]])
    ax.set(xlabel="Periods since first purchase", ylabel="Cohort (first purchase)")
    return ax


_STAGE_COLOURS = {"development": "#bbbbbb", "initial": "C0", "stable": "C2", "strategic": "C3"}


def wallet_stage_plot(staged: pd.DataFrame, *, share: str = "share", cuts=(0.5, 0.8), bins: int = 20, ax=None):
    """Histogram of share of wallet, coloured by relationship stage, with the stage boundaries.

    ``staged`` is the table of :func:`crmlearn.retention.wallet_stage` (column ``wallet_stage``).
    Returns the Axes.
    """
    ax = get_ax(ax)
    edges = np.linspace(0, 1, bins + 1)
    for stage, colour in _STAGE_COLOURS.items():
        vals = staged.loc[staged["wallet_stage"].astype(str) == stage, share].to_numpy(dtype=float)
        ax.hist(100 * vals, bins=100 * edges, color=colour, label=f"{stage} ({len(vals):,})", alpha=0.9)
    for c in cuts:
        ax.axvline(100 * c, color="black", linestyle="--", linewidth=1)
    ax.set(xlabel="Our share of the customer's purchases (%)", ylabel="Account-categories")
    ax.legend(fontsize=10)
    return ax


def early_warning_plot(warnings: pd.DataFrame, *, truth=None, max_value_ratio: float | None = None, ax=None):
    """Pace against order value of the customers :func:`crmlearn.retention.early_warning` can judge.

    Flagged customers are drawn in red; ``truth`` (ids of known slowdowns) is circled.  Returns the Axes.
    """
    ax = get_ax(ax)
    w = warnings[warnings["score"].notna() & (warnings["orders_window"] > 0)]
    x = np.clip(w["pace"].to_numpy(dtype=float), 0, 3)
    y = np.clip(w["value_ratio"].to_numpy(dtype=float), 0, 3)
    f = w["flagged"].to_numpy(dtype=bool)
    ax.scatter(x[~f], y[~f], s=12, color="grey", alpha=0.5, label="no warning")
    ax.scatter(x[f], y[f], s=22, color="C3", label=f"flagged ({int(f.sum())})")
    if truth is not None:
        t = w.index.isin(list(truth))
        ax.scatter(x[t], y[t], s=80, facecolors="none", edgecolors="black", label="planted slowdown")
    if max_value_ratio is not None:
        ax.axhline(max_value_ratio, color="C3", linestyle="--", linewidth=1)
    ax.axvline(1, color="grey", linestyle=":", linewidth=1)
    ax.set(xlabel="Pace: orders in the window / usual", ylabel="Order value / usual (median)")
    ax.legend(fontsize=10)
    return ax
