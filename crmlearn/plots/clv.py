"""Plots for lifetime value and retention (chapter 9).

Each function takes a computed table (or a fitted model, which is the computed object of a
model) and ``ax=None``, draws on it, labels it in English and returns the Axes.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._core.compat import renamed_kwargs
from ._base import get_ax

__all__ = [
    "expected_purchases_heatmap",
    "probability_alive_heatmap",
    "calibration_holdout_plot",
    "clv_schedule_plot",
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
    >>> bg = BetaGeo().fit(simulate_bgnbd(500, {"r": 0.5, "alpha": 4.0, "a": 0.8, "b": 2.5}, T=52, random_state=0))
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
                         label=f"Expected purchases in the next {float(t):.4g} (T = {float(grid.columns.max()):.4g})")


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
    >>> bg = BetaGeo().fit(simulate_bgnbd(500, {"r": 0.5, "alpha": 4.0, "a": 0.8, "b": 2.5}, T=52, random_state=0))
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
                         label=f"P(still active) at T = {float(grid.columns.max()):.4g}")


@renamed_kwargs(keyword_only=("ax",))
def calibration_holdout_plot(table: pd.DataFrame, *, ax=None):
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
    >>> data = simulate_bgnbd(500, {"r": 0.5, "alpha": 4.0, "a": 0.8, "b": 2.5}, T=39, holdout=39, random_state=0)
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


def _infinite_clv(schedule: pd.DataFrame) -> float:
    """The infinite-horizon CLV m r / (1 + d - r), read back from the schedule's first period."""
    first = schedule.iloc[0]
    r = float(first["survival"])
    if r <= 0:
        return 0.0
    d = 1.0 / float(first["discount_factor"]) - 1.0
    m = float(first["expected_margin"]) / r
    return m * r / (1 + d - r) if (1 + d - r) > 0 else np.inf


@renamed_kwargs(keyword_only=("ax",))
def clv_schedule_plot(schedule: pd.DataFrame, *, ax=None):
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
    check_columns(schedule, ["survival", "discount_factor", "expected_margin", "present_value", "cumulative_clv"], func="clv_schedule_plot")
    ax = get_ax(ax)
    t = schedule.index.to_numpy()
    ax.bar(t, schedule["present_value"], color="C0", alpha=0.6, label="Discounted expected margin")
    ax.plot(t, schedule["cumulative_clv"], color="C1", marker="o", label="Cumulative CLV")
    total = _infinite_clv(schedule)
    if np.isfinite(total):
        ax.axhline(total, color="grey", linestyle="--", label=f"Infinite horizon: {total:,.1f}")
    ax.set(xlabel="Period", ylabel="Value")
    ax.legend()
    return ax


# moved to crmlearn.plots.retention; importable from here as before
from .retention import cohort_heatmap, sbg_survival_plot  # noqa: E402,F401
