"""Plots for customer grading and segmentation (Chapters 2 and 4).

Each function takes the table a :mod:`crmlearn.grading` or :mod:`crmlearn.segmentation`
function returns, draws on ``ax`` (or the current Axes), labels it in English and returns
the Axes. Lines over many customers are thinned to a few thousand points, so a million
customers draw as fast as a thousand.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from .._validation import CRMDataError, check_columns
from ._base import _need, get_ax

__all__ = [
    "pareto_chart",
    "lorenz_plot",
    "abc_chart",
    "pyramid_plot",
    "rfm_heatmap",
    "scorecard_plot",
]

CLASS_COLOURS = ("#1b5e20", "#f9a825", "#b71c1c", "#5c6bc0", "#8d6e63", "#78909c")
MAX_POINTS = 2000


def _thin(n: int, max_points: int = MAX_POINTS) -> np.ndarray:
    """Indices 0..n-1 thinned to about ``max_points`` (first and last kept)."""
    if n <= max_points:
        return np.arange(n)
    return np.unique(np.linspace(0, n - 1, max_points).round().astype(np.int64))


def _percent_axes(ax, x: bool = True, y: bool = True) -> None:
    from matplotlib.ticker import PercentFormatter

    if x:
        ax.xaxis.set_major_formatter(PercentFormatter(1.0))
    if y:
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))




def pareto_chart(pareto: pd.DataFrame, *, cutoff: float = 0.8, top: float | None = None, max_bars: int = 40,
                 value_name: str = "value", ax=None):
    """Pareto chart: cumulative share of value against share of customers ranked by value.

    Draws the cumulative curve, a dashed line at ``cutoff`` (80%) and where the curve crosses
    it ("the top x% of customers bring 80%"); with ``max_bars`` or fewer customers, each
    customer's own share as a bar.

    Parameters
    ----------
    pareto : DataFrame
        The result of :func:`crmlearn.grading.pareto_table`.
    cutoff : float, default 0.8
        The share of value to mark.
    top : float, optional
        Also mark the share of value of the top ``top`` of customers (e.g. 0.2).
    max_bars : int, default 40
    value_name : str, default "value"
        What the value is ("net revenue", "net profit", ...), used in the legend, the
        annotation and the axis labels.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from crmlearn.grading import pareto_table
    >>> ten = pd.DataFrame({"monetary": [500, 300, 60, 40, 30, 25, 20, 15, 6, 4]})
    >>> fig, ax = plt.subplots()
    >>> ax = pareto_chart(pareto_table(ten), value_name="revenue", ax=ax)
    >>> ax.get_ylabel()
    'Cumulative share of revenue'
    >>> plt.close(fig)
    """
    func = "pareto_chart"
    _need(pareto, ["cum_customer_share", "cum_share", "share"], func, "crmlearn.grading.pareto_table(data)")
    if not isinstance(value_name, str):
        raise TypeError(f"{func}: value_name must be a string such as 'net revenue', got {type(value_name).__name__}.")
    ax = get_ax(ax)
    x = pareto["cum_customer_share"].to_numpy(dtype=float)
    y = pareto["cum_share"].to_numpy(dtype=float)
    n = len(x)
    if n <= max_bars:
        ax.bar(x - 0.5 / n, pareto["share"].to_numpy(dtype=float), width=1.0 / n, color="#90a4ae",
               edgecolor="white", label="Share of each customer")
    idx = _thin(n)
    ax.plot(np.r_[0.0, x[idx]], np.r_[0.0, y[idx]], color=CLASS_COLOURS[0], lw=2,
            label=f"Cumulative share of {value_name}")
    ax.axhline(cutoff, color="#b71c1c", ls="--", lw=1, label=f"{cutoff:.0%} of {value_name}")
    above = y >= cutoff - 1e-9      # the first crossing (a profit "whale curve" rises, then falls)
    reach = int(np.argmax(above)) if above.any() else n
    if reach < n:
        xr = x[reach]
        ax.axvline(xr, color="#b71c1c", ls=":", lw=1)
        ax.annotate(f"top {xr:.0%} of customers\nbring {cutoff:.0%} of {value_name}", xy=(xr, cutoff),
                    xytext=(min(xr + 0.05, 0.55), max(cutoff - 0.3, 0.05)),
                    arrowprops={"arrowstyle": "->", "color": "#444444"}, fontsize=9)
    if top is not None:
        k = min(n, max(1, int(np.ceil(top * n - 1e-9))))
        share = y[k - 1]
        ax.plot([x[k - 1]], [share], "o", color="#f9a825", ms=8, zorder=5,
                label=f"top {top:.0%} bring {share:.0%}")
    ax.set(xlim=(0, 1), ylim=(0, max(1.02, float(np.nanmax(y)) * 1.02)),
           xlabel=f"Share of customers, ranked by {value_name} (largest first)",
           ylabel=f"Cumulative share of {value_name}")
    _percent_axes(ax)
    ax.legend(loc="lower right", fontsize=9)
    return ax


def lorenz_plot(lorenz: pd.DataFrame, *, gini: float | None = None, ax=None):
    """Lorenz curve of the value with the line of perfect equality; the Gini in the legend.

    Parameters
    ----------
    lorenz : DataFrame
        The result of :func:`crmlearn.grading.lorenz_curve`.
    gini : float, optional
        The Gini coefficient; computed from the curve when not given (1 - 2 x area under it).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    func = "lorenz_plot"
    _need(lorenz, ["cum_customer_share", "cum_value_share"], func, "crmlearn.grading.lorenz_curve(data)")
    ax = get_ax(ax)
    x = lorenz["cum_customer_share"].to_numpy(dtype=float)
    y = lorenz["cum_value_share"].to_numpy(dtype=float)
    if gini is None:
        gini = float(1 - 2 * np.sum((x[1:] - x[:-1]) * (y[1:] + y[:-1]) / 2))
    idx = _thin(len(x))
    ax.plot([0, 1], [0, 1], color="#777777", ls="--", lw=1, label="Perfect equality")
    ax.fill_between(x[idx], y[idx], x[idx], color="#f9a825", alpha=0.3, label="Inequality area")
    ax.plot(x[idx], y[idx], color=CLASS_COLOURS[0], lw=2, label=f"Lorenz curve (Gini = {gini:.2f})")
    ax.set(xlim=(0, 1), ylim=(0, 1), aspect="equal",
           xlabel="Share of customers, smallest value first", ylabel="Share of total value")
    _percent_axes(ax)
    ax.legend(loc="upper left", fontsize=9)
    return ax


def abc_chart(abc: pd.DataFrame, *, cutoffs: Sequence[float] = (0.8, 0.95), ax=None):
    """ABC classes on the cumulative value curve: A, B and C coloured, the cut-offs dashed.

    Parameters
    ----------
    abc : DataFrame
        The result of :func:`crmlearn.grading.abc_classify`.
    cutoffs : (float, float), default (0.8, 0.95)
        The cut-offs used (drawn as lines).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    func = "abc_chart"
    _need(abc, ["cum_share", "abc_class"], func, "crmlearn.grading.abc_classify(data)")
    ax = get_ax(ax)
    order = np.argsort(abc["cum_share"].to_numpy(dtype=float), kind="stable")
    y = abc["cum_share"].to_numpy(dtype=float)[order]
    cls = np.asarray(abc["abc_class"].astype(str))[order]
    n = len(y)
    x = np.arange(1, n + 1) / n
    for colour, name in zip(CLASS_COLOURS, ["A", "B", "C"]):
        pos = np.flatnonzero(cls == name)
        if len(pos) == 0:
            continue
        seg = np.r_[max(pos[0] - 1, -1), pos]
        seg = seg[_thin(len(seg))]
        xs = np.where(seg < 0, 0.0, x[np.maximum(seg, 0)])
        ys = np.where(seg < 0, 0.0, y[np.maximum(seg, 0)])
        ax.fill_between(xs, ys, color=colour, alpha=0.25)
        ax.plot(xs, ys, color=colour, lw=2.5,
                label=f"{name}: {len(pos) / n:.0%} of customers, {y[pos[-1]] - (y[pos[0] - 1] if pos[0] else 0):.0%} of value")
    for c in cutoffs:
        ax.axhline(c, color="#555555", ls="--", lw=0.8)
        ax.text(0.99, c, f"{c:.0%}", ha="right", va="bottom", fontsize=8, color="#555555")
    ax.set(xlim=(0, 1), ylim=(0, 1.02), xlabel="Share of customers, ranked by value (largest first)",
           ylabel="Cumulative share of value")
    _percent_axes(ax)
    ax.legend(loc="lower right", fontsize=9)
    return ax


def pyramid_plot(summary: pd.DataFrame, *, inactive: str = "inactive", ax=None):
    """The customer pyramid: one layer per level, top level at the apex, shares written beside.

    The layers are drawn with equal heights (the shape is a picture, not a scale); beside each
    layer are its share of customers and of value. Core levels are green, non-core grey; an
    ``inactive`` level is drawn as a flat base under the pyramid.

    Parameters
    ----------
    summary : DataFrame
        The result of :func:`crmlearn.grading.pyramid_summary`.
    inactive : str, default "inactive"
        Name of the level drawn as the base.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        One patch per level in ``ax.patches``, top level first.
    """
    func = "pyramid_plot"
    _need(summary, ["customers", "customer_share", "value_share"], func,
          "crmlearn.grading.pyramid_summary(customer_pyramid(data))")
    ax = get_ax(ax)
    names = [str(i) for i in summary.index]
    shares = summary["customer_share"].to_numpy(dtype=float)
    vshare = summary["value_share"].to_numpy(dtype=float)
    core = summary["core"].to_numpy(dtype=bool) if "core" in summary.columns else np.zeros(len(names), dtype=bool)
    layers = [i for i, nm in enumerate(names) if nm != inactive]
    k = len(layers)

    def half(y):  # half-width of the triangle at height y (apex at y = k)
        return 0.5 * (k - y) / k

    for j, i in enumerate(layers):
        top, bottom = k - j, k - j - 1
        colour = CLASS_COLOURS[0] if core[i] else "#90a4ae"
        ax.fill([-half(bottom), half(bottom), half(top), -half(top)], [bottom, bottom, top, top],
                color=colour, edgecolor="white", lw=2)
        if j > 0:  # the apex is too narrow for a name: it is in the text beside
            ax.text(0, bottom + 0.5, names[i], ha="center", va="center", fontsize=9, color="white",
                    fontweight="bold")
        ax.text(0.58, bottom + 0.5, f"{names[i]}: {shares[i]:.1%} of customers, {vshare[i]:.1%} of value",
                ha="left", va="center", fontsize=9)
    base = [i for i, nm in enumerate(names) if nm == inactive]
    for i in base:
        ax.fill([-0.5, 0.5, 0.5, -0.5], [-0.9, -0.9, -0.1, -0.1], color="#d7ccc8", edgecolor="white", lw=2)
        ax.text(0, -0.5, names[i], ha="center", va="center", fontsize=9, color="#4e342e", fontweight="bold")
        ax.text(0.58, -0.5, f"{names[i]}: {shares[i]:.1%} of customers, {vshare[i]:.1%} of value", ha="left",
                va="center", fontsize=9)
    ax.set(xlim=(-0.55, 1.6), ylim=(-1.0 if base else -0.1, k + 0.1), xticks=[], yticks=[])
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    from matplotlib.patches import Patch

    handles = [Patch(color=CLASS_COLOURS[0], label="core"), Patch(color="#90a4ae", label="non-core")]
    ax.legend(handles=handles, loc="upper left", fontsize=8, frameon=False)
    return ax


def rfm_heatmap(scores: pd.DataFrame, *, value: str = "monetary", value_label: str | None = None,
                bins: int | None = None, ax=None):
    """R x F heatmap of the average value (monetary) of the customers in each cell.

    Parameters
    ----------
    scores : DataFrame
        The result of :func:`crmlearn.grading.rfm_scores`.
    value : str, default "monetary"
        The column to average in each cell.
    value_label : str, optional
        Label of the colour bar, with its unit, e.g. "Average net revenue (CNY)". Default
        "Average <value>".
    bins : int, optional
        The ``bins`` given to ``rfm_scores`` (the grid's size). Default: the largest R or F present.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        The image is ``ax.images[0]``; each cell shows its average and a colour bar is added
        (``ax.images[0].colorbar``), its ticks with thousands separators ("12,000") when the
        averages reach 1,000.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> from crmlearn.grading import rfm_scores
    >>> df = pd.DataFrame({"recency_days": [5, 40, 200, 300], "frequency": [9, 3, 1, 2],
    ...                    "monetary": [90000.0, 15000.0, 4000.0, 6000.0]})
    >>> fig, ax = plt.subplots()
    >>> ax = rfm_heatmap(rfm_scores(df, bins=2), value_label="Average net revenue (CNY)", ax=ax)
    >>> ax.images[0].colorbar.ax.get_ylabel()
    'Average net revenue (CNY)'
    >>> plt.close(fig)
    """
    func = "rfm_heatmap"
    _need(scores, ["R", "F"], func, "crmlearn.grading.rfm_scores(data)")
    check_columns(scores, [value], func=func, param="value")
    if value_label is not None and not isinstance(value_label, str):
        raise TypeError(f"{func}: value_label must be a string such as 'Average net revenue (CNY)', "
                        f"got {type(value_label).__name__}.")
    ax = get_ax(ax)
    if bins is None:
        bins = int(max(scores["R"].max(), scores["F"].max()))
    elif isinstance(bins, bool) or not isinstance(bins, (int, np.integer)) or bins < 1:
        raise TypeError(f"{func}: bins must be the whole number given to rfm_scores, got {bins!r}.")
    levels = np.arange(1, bins + 1)
    grid = (scores.groupby(["R", "F"], observed=True)[value].mean().unstack("F")
            .reindex(index=levels, columns=levels))
    counts = (scores.groupby(["R", "F"], observed=True).size().unstack("F").reindex(index=levels, columns=levels))
    data = grid.to_numpy(dtype=float)
    im = ax.imshow(np.ma.masked_invalid(data), origin="lower", cmap="YlGn", aspect="auto",
                   extent=(0.5, bins + 0.5, 0.5, bins + 0.5))
    finite = data[np.isfinite(data)]
    mid = (finite.min() + finite.max()) / 2 if finite.size else 0
    big = bool(finite.size) and np.abs(finite).max() >= 100
    for i, r in enumerate(levels):
        for j, f in enumerate(levels):
            v = data[i, j]
            if np.isfinite(v):
                shown = f"{v:,.0f}" if big else f"{v:.2f}"
                ax.text(f, r, f"{shown}\n(n={int(counts.iloc[i, j])})", ha="center", va="center", fontsize=7.5,
                        color="white" if v > mid else "black")
    bar = ax.figure.colorbar(im, ax=ax, label=value_label if value_label is not None else f"Average {value}")
    if finite.size and np.abs(finite).max() >= 1000:
        from matplotlib.ticker import StrMethodFormatter

        bar.formatter = StrMethodFormatter("{x:,.0f}")
        bar.update_ticks()
    ax.set(xticks=levels, yticks=levels, xlabel="F score (frequency; higher = more purchases)",
           ylabel="R score (recency; higher = more recent)")
    return ax


def scorecard_plot(scorecard: pd.DataFrame, *, max_points: int = 5000, split: str | float = "median", ax=None):
    """The value scorecard's 2x2: current value against potential value, one dot per customer.

    Parameters
    ----------
    scorecard : DataFrame
        The result of :func:`crmlearn.grading.value_scorecard`.
    max_points : int, default 5000
        At most this many customers are drawn (a fixed random sample), so large tables stay readable.
    split : "median", "mean" or float, default "median"
        Where the dashed lines are drawn: pass what you gave ``value_scorecard(split=...)``.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    func = "scorecard_plot"
    _need(scorecard, ["current_value", "potential_value", "quadrant"], func,
          "crmlearn.grading.value_scorecard(data, ...)")
    ax = get_ax(ax)
    n = len(scorecard)
    rows = np.arange(n)
    if n > max_points:
        rows = np.sort(np.random.default_rng(0).choice(n, max_points, replace=False))
    cur = scorecard["current_value"].to_numpy(dtype=float)
    pot = scorecard["potential_value"].to_numpy(dtype=float)
    quad = np.asarray(scorecard["quadrant"].astype(str))
    from ..grading import _scorecard_split

    c_cut, p_cut = _scorecard_split(split, cur, pot, func=func)
    split = {"current": c_cut, "potential": p_cut}
    colours = {"core": CLASS_COLOURS[0], "maintain": "#5c6bc0", "develop": "#f9a825", "reduce": "#b71c1c"}
    for name, colour in colours.items():
        sel = rows[quad[rows] == name]
        share = (quad == name).mean()
        ax.scatter(cur[sel], pot[sel], s=12, alpha=0.6, color=colour, label=f"{name} ({share:.0%})")
    ax.axvline(split["current"], color="#555555", lw=1, ls="--")
    ax.axhline(split["potential"], color="#555555", lw=1, ls="--")
    corners = {"core": (0.98, 0.98, "right", "top"), "maintain": (0.98, 0.02, "right", "bottom"),
               "develop": (0.02, 0.98, "left", "top"), "reduce": (0.02, 0.02, "left", "bottom")}
    short = {"core": "invest and retain", "maintain": "keep it efficient", "develop": "invest selectively",
             "reduce": "cut the cost to serve"}
    for name, (x, y, ha, va) in corners.items():
        ax.text(x, y, f"{name}: {short[name]}", transform=ax.transAxes, ha=ha, va=va, fontsize=8.5,
                color=colours[name], fontweight="bold")
    lo = min(cur.min(), pot.min())
    hi = max(cur.max(), pot.max())
    pad = (hi - lo) * 0.08 or 0.1
    ax.set(xlim=(lo - pad, hi + pad), ylim=(lo - pad, hi + pad), xlabel="Current value (financial + sales)",
           ylabel="Potential value (service + customer potential)")
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8, title="Quadrant")
    return ax


def _whole_percent_ticks(ax) -> None:
    """Percent tick labels on the y axis with as few decimals as the ticks need, the same for all.

    matplotlib's PercentFormatter picks its decimals from the axis range, so one chart reads
    "35.0%" and the next "60%". Here the decimals follow the tick step instead: "0%, 10%, 20%"
    for steps of a whole percent, "0.5%" only when the ticks fall between whole percents.
    """
    from matplotlib.ticker import Formatter

    class _Percent(Formatter):
        decimals = 0

        def set_locs(self, locs):
            super().set_locs(locs)
            pct = np.asarray(locs, dtype=float) * 100
            pct = pct[np.isfinite(pct)]
            self.decimals = next((d for d in range(4) if np.allclose(pct, np.round(pct, d), atol=1e-6)), 4)

        def __call__(self, x, pos=None):
            return f"{x * 100:.{self.decimals}f}%"

    ax.yaxis.set_major_formatter(_Percent())


# moved to crmlearn.plots.segmentation; importable from here as before
from .segmentation import elbow_plot, segment_profile_plot, segment_share_chart  # noqa: E402,F401
