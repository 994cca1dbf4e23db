"""Plots for lifetime value and retention (chapter 9).

Each function takes a computed table (or a fitted model, which is the computed object of a
model) and ``ax=None``, draws on it, labels it in English and returns the Axes.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ._base import get_ax

__all__ = [
    "expected_purchases_heatmap",
    "probability_alive_heatmap",
    "calibration_holdout_plot",
    "sbg_survival_plot",
    "cohort_heatmap",
    "clv_schedule_plot",
    "wallet_stage_plot",
    "early_warning_plot",
]


def _grid_heatmap(grid: pd.DataFrame, ax, *, cmap: str, label: str, vmin=None, vmax=None):
    rec = grid.columns.to_numpy(dtype=float)
    freq = grid.index.to_numpy(dtype=float)
    # cell edges halfway between the grid points
    redges = np.r_[rec[0] - (rec[1] - rec[0]) / 2, (rec[1:] + rec[:-1]) / 2, rec[-1] + (rec[-1] - rec[-2]) / 2]
    fedges = np.r_[freq - 0.5, freq[-1] + 0.5]
    mesh = ax.pcolormesh(redges, fedges, np.ma.masked_invalid(grid.to_numpy(dtype=float)), cmap=cmap,
                         vmin=vmin, vmax=vmax, shading="flat")
    ax.figure.colorbar(mesh, ax=ax, label=label)
    ax.set(xlabel="Recency (time of last repeat purchase)", ylabel="Frequency (repeat purchases)",
           xlim=(redges[0], redges[-1]), ylim=(fedges[0], fedges[-1]))
    return ax


def expected_purchases_heatmap(model, *, T: float | None = None, t: float = 1.0, max_frequency: int | None = None,
                               n_recency: int = 40, ax=None):
    """Heatmap of a fitted BG/NBD model's expected purchases over frequency and recency.

    Parameters
    ----------
    model : crmlearn.clv.BetaGeo
        Fitted model.
    T : float, optional
        Customer age (default: the largest T in the fitted data).
    t : float, default 1.0
        Horizon of the expected purchases, in the data's time unit.
    max_frequency : int, optional
    n_recency : int, default 40
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    See Also
    --------
    crmlearn.clv.frequency_recency_grid : the table drawn.

    Examples
    --------
    >>> from crmlearn.clv import BetaGeo, simulate_bgnbd
    >>> bg = BetaGeo().fit(simulate_bgnbd(500, {"r": 0.5, "alpha": 4.0, "a": 0.8, "b": 2.5}, T=52, seed=0))
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> ax = expected_purchases_heatmap(bg, t=10, max_frequency=10, ax=ax)
    >>> ax.get_ylabel()
    'Frequency (repeat purchases)'
    >>> plt.close(fig)
    """
    from ..clv import frequency_recency_grid

    grid = frequency_recency_grid(model, T=T, t=t, what="expected_purchases", max_frequency=max_frequency,
                                  n_recency=n_recency)
    ax = get_ax(ax)
    return _grid_heatmap(grid, ax, cmap="viridis",
                         label=f"Expected purchases in the next {grid.attrs['t']:.4g} (T = {grid.attrs['T']:.4g})")


def probability_alive_heatmap(model, *, T: float | None = None, max_frequency: int | None = None,
                              n_recency: int = 40, ax=None):
    """Heatmap of a fitted BG/NBD model's probability that a customer is still active.

    Parameters
    ----------
    model : crmlearn.clv.BetaGeo
        Fitted model.
    T : float, optional
        Customer age (default: the largest T in the fitted data).
    max_frequency : int, optional
    n_recency : int, default 40
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from crmlearn.clv import BetaGeo, simulate_bgnbd
    >>> bg = BetaGeo().fit(simulate_bgnbd(500, {"r": 0.5, "alpha": 4.0, "a": 0.8, "b": 2.5}, T=52, seed=0))
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> ax = probability_alive_heatmap(bg, max_frequency=10, ax=ax)
    >>> ax.get_xlabel()
    'Recency (time of last repeat purchase)'
    >>> plt.close(fig)
    """
    from ..clv import frequency_recency_grid

    grid = frequency_recency_grid(model, T=T, what="probability_alive", max_frequency=max_frequency,
                                  n_recency=n_recency)
    ax = get_ax(ax)
    return _grid_heatmap(grid, ax, cmap="RdYlGn", vmin=0.0, vmax=1.0,
                         label=f"P(still active) at T = {grid.attrs['T']:.4g}")


def calibration_holdout_plot(table: pd.DataFrame, ax=None):
    """Mean actual vs predicted holdout purchases by calibration frequency.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`crmlearn.clv.calibration_holdout` (index frequency, columns ``actual`` and
        ``predicted``).
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from crmlearn.clv import BetaGeo, calibration_holdout, simulate_bgnbd
    >>> data = simulate_bgnbd(500, {"r": 0.5, "alpha": 4.0, "a": 0.8, "b": 2.5}, T=39, holdout=39, seed=0)
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> ax = calibration_holdout_plot(calibration_holdout(BetaGeo().fit(data), data), ax=ax)
    >>> [line.get_label() for line in ax.get_lines()]
    ['Actual', 'Model']
    >>> plt.close(fig)
    """
    from .._validation import check_columns, check_table

    check_table(table, func="calibration_holdout_plot", name="table")
    check_columns(table, ["actual", "predicted"], func="calibration_holdout_plot")
    ax = get_ax(ax)
    x = np.arange(len(table))
    ax.plot(x, table["actual"].to_numpy(), marker="o", label="Actual")
    ax.plot(x, table["predicted"].to_numpy(), marker="s", linestyle="--", label="Model")
    labels = [str(v) for v in table.index]
    if len(labels):
        labels[-1] = f"{labels[-1]}+"
    ax.set_xticks(x, labels)
    ax.set(xlabel="Purchases in the calibration period", ylabel="Mean purchases in the holdout period")
    ax.legend()
    return ax


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


def cohort_heatmap(table: pd.DataFrame, ax=None, *, annotate: bool | None = None):
    """Heatmap of a cohort table: share of each cohort still buying, period by period.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`crmlearn.retention.cohort_table`.
    ax : matplotlib.axes.Axes, optional
    annotate : bool, optional
        Write the values in the cells (default: when the table has at most 15 x 15 cells).

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

    check_table(table, func="cohort_heatmap", name="table")
    values = table.to_numpy(dtype=float)
    share = table.attrs.get("values", "share") == "share"
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


def clv_schedule_plot(schedule: pd.DataFrame, ax=None):
    """Bars of each period's discounted expected margin and the cumulative CLV line.

    Parameters
    ----------
    schedule : pandas.DataFrame
        From :func:`crmlearn.clv.simple_clv_schedule`.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> from crmlearn.clv import simple_clv_schedule
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> ax = clv_schedule_plot(simple_clv_schedule(100, 0.8, 0.1, periods=10), ax=ax)
    >>> ax.get_ylabel()
    'Value'
    >>> plt.close(fig)
    """
    from .._validation import check_columns, check_table

    check_table(schedule, func="clv_schedule_plot", name="schedule")
    check_columns(schedule, ["present_value", "cumulative_clv"], func="clv_schedule_plot")
    ax = get_ax(ax)
    t = schedule.index.to_numpy()
    ax.bar(t, schedule["present_value"], color="C0", alpha=0.6, label="Discounted expected margin")
    ax.plot(t, schedule["cumulative_clv"], color="C1", marker="o", label="Cumulative CLV")
    total = schedule.attrs.get("clv_infinite")
    if total is not None and np.isfinite(total):
        ax.axhline(total, color="grey", linestyle="--", label=f"Infinite horizon: {total:,.1f}")
    ax.set(xlabel="Period", ylabel="Value")
    ax.legend()
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
