"""Plots for satisfaction and loyalty (Chapters 7 and 8).

Each function takes the table a :mod:`crmlearn.satisfaction` or :mod:`crmlearn.loyalty`
function returns, draws on ``ax`` (or the current Axes) and returns the Axes.
"""
from __future__ import annotations

from typing import Any, Mapping

import numpy as np
import pandas as pd

from .._validation import CRMDataError, check_choice, check_columns
from .._core.compat import renamed_kwargs
from ._base import get_ax

__all__ = [
    "servqual_chart",
    "ipa_chart",
    "kano_chart",
    "nps_chart",
    "path_diagram",
    "expectation_chart",
]

NEG, POS, NEUTRAL = "#c0392b", "#2e86c1", "#95a5a6"
_VERDICT_COLOURS = {"dissatisfied": NEG, "satisfied": NEUTRAL, "delighted": POS}


def _need_table(table: Any, columns: list[str], *, func: str, made_by: str) -> pd.DataFrame:
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{func}: pass the table {made_by} returns, got {type(table).__name__}.")
    check_columns(table, columns, func=func)
    return table


def _label_points(ax, names, x, y) -> None:
    """Write names next to points, nudging a label down when it would overlap one already placed."""
    fig = ax.figure
    px = fig.dpi / 72.0
    placed: list[tuple[float, float, float, float]] = []
    order = np.argsort(-np.asarray(y, dtype=float), kind="stable")
    for i in order:
        text = str(names[i])
        X, Y = ax.transData.transform((x[i], y[i]))
        w, h = 5.0 * len(text) * px, 10.0 * px
        for dy in (3.0, -9.0, 13.0, -19.0, 23.0, -29.0, 33.0, -39.0):  # right of the point, then below / above
            box = (X + 4 * px, Y + dy * px, X + 4 * px + w, Y + dy * px + h)
            if not any(b[0] < box[2] and box[0] < b[2] and b[1] < box[3] and box[1] < b[3] for b in placed):
                break
        placed.append(box)
        ax.annotate(text, (x[i], y[i]), xytext=(4, dy), textcoords="offset points", fontsize="small")


# ----------------------------------------------------------------------------------------------
@renamed_kwargs(keyword_only=("ax",))
def servqual_chart(table: pd.DataFrame, *, ax=None, level: str = "item"):
    """Horizontal bars of the SERVQUAL gaps (perception - expectation), shortfalls in red.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`crmlearn.satisfaction.servqual`.
    ax : matplotlib Axes, optional
    level : {"item", "dimension"}, default "item"
        Bars per item (grouped and labelled by dimension) or per dimension. The overall gap is drawn
        as a dotted line; error bars are 95% intervals (1.96 standard errors).

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> from crmlearn.satisfaction import servqual
    >>> df = pd.DataFrame({"exp_a": [5, 6], "per_a": [6, 6], "exp_b": [7, 7], "per_b": [5, 6]})
    >>> ax = servqual_chart(servqual(df, dimensions={"d1": ["a"], "d2": ["b"]}))
    >>> ax.get_xlabel()
    'Gap: perception - expectation'
    """
    func = "servqual_chart"
    _need_table(table, ["level", "dimension", "item", "gap"], func=func, made_by="crmlearn.satisfaction.servqual")
    check_choice(level, ["item", "dimension"], func=func, param="level")
    rows = table[table["level"] == level]
    if rows.empty:
        raise CRMDataError(f"{func}: the table has no '{level}' rows. Pass the table servqual(...) returns.")
    ax = get_ax(ax)
    labels = (
        [f"{r.item} ({r.dimension})" for r in rows.itertuples()] if level == "item" else list(rows["dimension"])
    )
    gaps = rows["gap"].to_numpy(dtype=float)
    y = np.arange(len(rows))[::-1]
    err = 1.96 * rows["gap_se"].to_numpy(dtype=float) if "gap_se" in rows else None
    colours = [NEG if g < 0 else POS for g in gaps]
    ax.barh(y, gaps, color=colours, xerr=err, ecolor="#555555", capsize=2, height=0.7)
    ax.axvline(0, color="black", linewidth=0.8)
    overall = table.loc[table["level"] == "overall", "gap"]
    if len(overall):
        ax.axvline(float(overall.iloc[0]), color="#555555", linestyle=":", linewidth=1.2,
                   label=f"overall gap {float(overall.iloc[0]):+.2f}")
        ax.legend(loc="lower right", fontsize="small", frameon=False)
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    lim = max(0.5, float(np.nanmax(np.abs(gaps) + (err if err is not None else 0)))) * 1.15
    ax.set(xlim=(-lim, lim), xlabel="Gap: perception - expectation",
           ylabel="Item (dimension)" if level == "item" else "Dimension")
    return ax


# ----------------------------------------------------------------------------------------------
@renamed_kwargs(keyword_only=("ax",))
def ipa_chart(table: pd.DataFrame, *, ax=None, annotate: bool = True, crosshair: str | tuple[float, float] = "mean"):
    """The importance-performance grid: attributes as points, the crosshair and the four quadrants.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`crmlearn.satisfaction.ipa` (one row per attribute).
    ax : matplotlib Axes, optional
    annotate : bool, default True
        Write each attribute's name next to its point.
    crosshair : "mean", "median" or (importance, performance), default "mean"
        Where the quadrant lines cross: pass what you gave ``ipa(crosshair=...)``.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> from crmlearn.satisfaction import ipa
    >>> df = pd.DataFrame({"imp_a": [5, 4], "per_a": [2, 3], "imp_b": [2, 2], "per_b": [6, 6]})
    >>> ax = ipa_chart(ipa(df, importance=["imp_a", "imp_b"], performance=["per_a", "per_b"]))
    >>> ax.get_ylabel()
    'Importance (mean)'
    """
    func = "ipa_chart"
    _need_table(table, ["importance", "performance"], func=func, made_by="crmlearn.satisfaction.ipa")
    ax = get_ax(ax)
    imp = table["importance"].to_numpy(dtype=float)
    perf = table["performance"].to_numpy(dtype=float)
    from ..satisfaction import _crosshair

    ci, cp = _crosshair(crosshair, imp, perf, func=func)
    colours = {"concentrate here": NEG, "keep up the good work": POS, "low priority": NEUTRAL,
               "possible overkill": "#e67e22"}
    if "quadrant" in table:
        c = [colours.get(str(q), NEUTRAL) for q in table["quadrant"]]
    else:
        c = POS
    ax.scatter(perf, imp, c=c, s=45, zorder=3, edgecolor="white")
    ax.axvline(cp, color="#555555", linewidth=0.9, linestyle="--")
    ax.axhline(ci, color="#555555", linewidth=0.9, linestyle="--")
    # limits with room for the labels, then the quadrant names in the corners
    dx = max(np.ptp(np.append(perf, cp)), 0.5) * 0.25
    dy = max(np.ptp(np.append(imp, ci)), 0.5) * 0.25
    x0, x1 = min(perf.min(), cp) - dx, max(perf.max(), cp) + dx
    y0, y1 = min(imp.min(), ci) - dy, max(imp.max(), ci) + dy
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    corner = dict(fontsize="small", fontweight="bold", alpha=0.8)
    ax.text(x0 + 0.02 * (x1 - x0), y1 - 0.03 * (y1 - y0), "Concentrate here", va="top", ha="left", color=NEG, **corner)
    ax.text(x1 - 0.02 * (x1 - x0), y1 - 0.03 * (y1 - y0), "Keep up the good work", va="top", ha="right", color=POS, **corner)
    ax.text(x0 + 0.02 * (x1 - x0), y0 + 0.03 * (y1 - y0), "Low priority", va="bottom", ha="left", color="#555555", **corner)
    ax.text(x1 - 0.02 * (x1 - x0), y0 + 0.03 * (y1 - y0), "Possible overkill", va="bottom", ha="right", color="#e67e22", **corner)
    ax.set(xlabel="Performance (mean)", ylabel="Importance (mean)")
    if annotate:
        _label_points(ax, [str(v) for v in table.index], perf, imp)
    return ax


# ----------------------------------------------------------------------------------------------
@renamed_kwargs(keyword_only=("ax",))
def kano_chart(table: pd.DataFrame, *, ax=None, annotate: bool = True):
    """The Kano Better-Worse diagram: |Worse| across, Better up, split at 0.5.

    Top left: attractive (delights, little harm when absent); top right: one-dimensional;
    bottom right: must-be; bottom left: indifferent.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`crmlearn.satisfaction.kano`.
    ax : matplotlib Axes, optional
    annotate : bool, default True
        Write each attribute's name (and dominant category) next to its point.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> from crmlearn.satisfaction import kano
    >>> df = pd.DataFrame({"f": [1, 1, 2], "d": [3, 5, 5]})
    >>> ax = kano_chart(kano(df, functional=["f"], dysfunctional=["d"]))
    >>> ax.get_xlabel()
    'Worse: dissatisfaction if absent, |Worse|'
    """
    func = "kano_chart"
    _need_table(table, ["better", "worse"], func=func, made_by="crmlearn.satisfaction.kano")
    ax = get_ax(ax)
    x = -table["worse"].to_numpy(dtype=float)
    y = table["better"].to_numpy(dtype=float)
    colours = {"A": "#27ae60", "O": POS, "M": NEG, "I": NEUTRAL, "R": "#8e44ad", "Q": "#8e44ad"}
    cats = table["category"].astype(str).tolist() if "category" in table else ["I"] * len(table)
    ax.scatter(x, y, c=[colours.get(c, NEUTRAL) for c in cats], s=50, zorder=3, edgecolor="white")
    ax.axvline(0.5, color="#555555", linewidth=0.9, linestyle="--")
    ax.axhline(0.5, color="#555555", linewidth=0.9, linestyle="--")
    style = dict(fontsize="small", fontweight="bold", alpha=0.8)
    ax.text(0.02, 0.98, "Attractive (A)", ha="left", va="top", color="#27ae60", **style)
    ax.text(0.98, 0.98, "One-dimensional (O)", ha="right", va="top", color=POS, **style)
    ax.text(0.98, 0.02, "Must-be (M)", ha="right", va="bottom", color=NEG, **style)
    ax.text(0.02, 0.02, "Indifferent (I)", ha="left", va="bottom", color="#555555", **style)
    ax.set(xlim=(0, 1), ylim=(0, 1), xlabel="Worse: dissatisfaction if absent, |Worse|",
           ylabel="Better: satisfaction if present")
    if annotate:
        _label_points(ax, [f"{name} ({c})" for name, c in zip(table.index, cats)], x, y)
    return ax


# ----------------------------------------------------------------------------------------------
@renamed_kwargs(keyword_only=("ax",))
def nps_chart(result: pd.Series | pd.DataFrame, *, ax=None):
    """Stacked bar of detractors, passives and promoters, with the NPS and its interval.

    Parameters
    ----------
    result : Series or DataFrame
        The Series :func:`crmlearn.satisfaction.nps` returns, or a DataFrame with one such row per
        group (e.g. ``survey.groupby("segment")["likelihood_to_recommend"].apply(nps).unstack()``).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from crmlearn.satisfaction import nps
    >>> ax = nps_chart(nps([10, 9, 8, 7, 3]))
    >>> ax.get_xlabel()
    'Share of respondents (%)'
    """
    func = "nps_chart"
    if isinstance(result, pd.Series):
        table = result.to_frame().T
        if result.name is None or result.name == "nps":
            table.index = ["all"]
    elif isinstance(result, pd.DataFrame):
        table = result
    else:
        raise TypeError(f"{func}: pass the Series crmlearn.satisfaction.nps returns, got {type(result).__name__}.")
    check_columns(table, ["nps", "promoters", "passives", "detractors"], func=func)
    ax = get_ax(ax)
    y = np.arange(len(table))[::-1]
    d = table["detractors"].to_numpy(dtype=float)
    p = table["passives"].to_numpy(dtype=float)
    pr = table["promoters"].to_numpy(dtype=float)
    ax.barh(y, d, color=NEG, label="Detractors (0-6)", height=0.6)
    ax.barh(y, p, left=d, color=NEUTRAL, label="Passives (7-8)", height=0.6)
    ax.barh(y, pr, left=d + p, color=POS, label="Promoters (9-10)", height=0.6)
    for yi, row in zip(y, table.itertuples()):
        text = f"NPS {row.nps:+.0f}"
        if hasattr(row, "ci_low") and hasattr(row, "ci_high"):
            text += f"  [{row.ci_low:+.0f}, {row.ci_high:+.0f}]"
        ax.text(101, yi, text, va="center", ha="left", fontsize="small")
        for left, width in ((0, row.detractors), (row.detractors, row.passives),
                            (row.detractors + row.passives, row.promoters)):
            if width >= 6:
                ax.text(left + width / 2, yi, f"{width:.0f}%", ha="center", va="center", color="white",
                        fontsize="small")
    ax.set_yticks(y)
    ax.set_yticklabels([str(i) for i in table.index])
    ax.set(xlim=(0, 130), xlabel="Share of respondents (%)", ylim=(-0.7, len(table) - 0.3 + 0.5))
    ax.set_xticks([0, 20, 40, 60, 80, 100])
    ax.legend(loc="upper center", ncol=3, fontsize="small", frameon=False, bbox_to_anchor=(0.4, 1.0))
    return ax


# ----------------------------------------------------------------------------------------------
def _seg_dist(p: np.ndarray, a: np.ndarray, b: np.ndarray) -> float:
    ab = b - a
    t = float(np.clip(np.dot(p - a, ab) / max(np.dot(ab, ab), 1e-12), 0, 1))
    return float(np.hypot(*(a + t * ab - p)))


def _crosses(a, b, c, d) -> bool:
    def orient(p, q, r):
        return np.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]))

    return orient(a, b, c) * orient(a, b, d) < 0 and orient(c, d, a) * orient(c, d, b) < 0


def _layout_cost(pos: dict, latents: list[str], paths: list[tuple[str, str]]) -> float:
    P = {lv: np.asarray(pos[lv]) for lv in latents}
    cost = 0.0
    for i, u in enumerate(latents):  # boxes must not overlap
        for v in latents[i + 1:]:
            if abs(P[u][0] - P[v][0]) < 0.9 and abs(P[u][1] - P[v][1]) < 0.6:
                cost += 100.0
    for a, b in paths:  # an arrow must not run through another box
        for c in latents:
            if c not in (a, b):
                d = _seg_dist(P[c], P[a], P[b])
                if d < 0.5:
                    cost += 10.0 * (0.5 - d) / 0.5 + 2.0
        cost += 0.15 * abs(P[a][1] - P[b][1])
    mids = [(P[a] + P[b]) / 2 for a, b in paths]
    for i in range(len(paths)):  # few crossings, coefficient labels apart
        for j in range(i + 1, len(paths)):
            (a, b), (c, d) = paths[i], paths[j]
            if len({a, b, c, d}) == 4 and _crosses(P[a], P[b], P[c], P[d]):
                cost += 3.0
            if np.hypot(*(mids[i] - mids[j])) < 0.35:
                cost += 2.0
    return cost


def _layout(latents: list[str], paths: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Columns by causal order (longest path from a source); rows chosen by a small search.

    The search (coordinate descent over a few row levels, deterministic) keeps arrows out of
    other boxes, avoids crossings and keeps the coefficient labels apart.
    """
    depth = {lv: 0 for lv in latents}
    for _ in range(len(latents)):
        for a, b in paths:
            depth[b] = max(depth[b], depth[a] + 1)
    levels = [0.0, 1.2, -1.2, 2.4, -2.4]
    layer_size: dict[int, int] = {}
    for lv in latents:
        layer_size[depth[lv]] = layer_size.get(depth[lv], 0) + 1
    seen: dict[int, int] = {}
    pos = {}
    for lv in latents:  # start: members of a column spread over the first levels
        k = seen.get(depth[lv], 0)
        seen[depth[lv]] = k + 1
        pos[lv] = (float(depth[lv]), levels[k % len(levels)])
    best = _layout_cost(pos, latents, paths)
    for _ in range(6):
        improved = False
        for lv in latents:
            for yv in levels:
                if yv == pos[lv][1]:
                    continue
                trial = dict(pos)
                trial[lv] = (pos[lv][0], yv)
                c = _layout_cost(trial, latents, paths)
                if c < best - 1e-9:
                    pos, best, improved = trial, c, True
        if not improved:
            break
    return pos


@renamed_kwargs(keyword_only=("ax",))
def path_diagram(model: Any, *, ax=None, positions: Mapping[str, tuple[float, float]] | None = None,
                 r2: Mapping[str, float] | pd.Series | None = None):
    """The inner (structural) model as a diagram: latent variables, arrows and path coefficients.

    Arrow width grows with the size of the coefficient; negative paths are red and dashed.
    Each endogenous latent variable shows its R-squared.

    Parameters
    ----------
    model : PLSPathModel or DataFrame
        A fitted :class:`crmlearn.satisfaction.PLSPathModel`, or a table with ``from``, ``to`` and
        ``coefficient`` columns.
    ax : matplotlib Axes, optional
    positions : dict, optional
        Latent -> (x, y) to place the boxes yourself; default: columns by causal order.
    r2 : dict or Series, optional
        R-squared per latent when ``model`` is a table.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> paths = pd.DataFrame({"from": ["QUAL", "QUAL", "SAT"], "to": ["SAT", "LOY", "LOY"],
    ...                       "coefficient": [0.7, 0.1, 0.5]})
    >>> ax = path_diagram(paths, r2={"SAT": 0.49, "LOY": 0.3})
    >>> sorted(t.get_text() for t in ax.texts if t.get_text().startswith("0."))
    ['0.10', '0.50', '0.70']
    """
    from matplotlib.patches import FancyArrowPatch

    func = "path_diagram"
    if hasattr(model, "blocks") and hasattr(model, "paths"):
        if getattr(model, "path_coefficients_", None) is None:
            raise CRMDataError(f"{func}: the model is not fitted yet. Call .fit(data) first.")
        table = model.path_coefficients_
        r2 = model.r2_ if r2 is None else r2
        latents = list(model.latents_)
    elif isinstance(model, pd.DataFrame):
        table = model
        check_columns(table, ["from", "to", "coefficient"], func=func)
        latents = list(dict.fromkeys(list(table["from"]) + list(table["to"])))
    else:
        raise TypeError(f"{func}: pass a fitted PLSPathModel or its path_coefficients_ table, got {type(model).__name__}.")
    paths = list(zip(table["from"].astype(str), table["to"].astype(str)))
    pos = dict(_layout(latents, paths))
    if positions is not None:
        pos.update({str(k): (float(v[0]), float(v[1])) for k, v in positions.items()})
    missing = [lv for lv in latents if lv not in pos]
    if missing:
        raise CRMDataError(f"{func}: positions has no place for {missing}.")
    r2 = {} if r2 is None else dict(r2)
    ax = get_ax(ax, figsize=(9, 4.5))
    box = dict(boxstyle="round,pad=0.45", facecolor="#eaf2f8", edgecolor=POS, linewidth=1.2)
    for lv in latents:
        x, y = pos[lv]
        ax.text(x, y, lv, ha="center", va="center", fontweight="bold", bbox=box, zorder=4)
        if lv in r2 and np.isfinite(r2[lv]):
            ax.text(x, y - 0.25, f"R² = {r2[lv]:.2f}", ha="center", va="top", fontsize="small", color="#333333", zorder=4)
    coefs = table["coefficient"].to_numpy(dtype=float)
    big = max(float(np.nanmax(np.abs(coefs))), 1e-9)
    for (a, b), c in zip(paths, coefs):
        (x0, y0), (x1, y1) = pos[a], pos[b]
        colour = NEG if c < 0 else "#34495e"
        arrow = FancyArrowPatch(
            (x0, y0), (x1, y1), arrowstyle="-|>", mutation_scale=14, linewidth=0.8 + 3.2 * abs(c) / big,
            color=colour, linestyle="--" if c < 0 else "-", shrinkA=22, shrinkB=22, zorder=2,
        )
        ax.add_patch(arrow)
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        ax.text(mx, my, f"{c:.2f}", ha="center", va="center", fontsize="small", color=colour,
                bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.9), zorder=3)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 0.5, max(xs) + 0.5)
    ax.set_ylim(min(ys) - 0.6, max(ys) + 0.45)
    ax.set(xticks=[], yticks=[], xlabel="", ylabel="")
    for side in ax.spines.values():
        side.set_visible(False)
    return ax


# ----------------------------------------------------------------------------------------------
# ----------------------------------------------------------------------------------------------
@renamed_kwargs(keyword_only=("ax",))
def expectation_chart(table: pd.DataFrame, *, ax=None):
    """Expectation before each visit against what was experienced, coloured by the verdict.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`crmlearn.satisfaction.expectation_update` (or ``restaurant_story``'s
        ``expected_discount`` / ``discount`` columns).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> from crmlearn.satisfaction import expectation_update
    >>> ax = expectation_chart(expectation_update([0.2, 0, 0], initial=0, learning_rate=0.5))
    >>> ax.get_xlabel()
    'Visit'
    """
    func = "expectation_chart"
    if isinstance(table, pd.DataFrame) and "expected_discount" in table and "expectation" not in table:
        table = table.rename(columns={"expected_discount": "expectation", "discount": "experience"})
    _need_table(table, ["expectation", "experience"], func=func,
                made_by="crmlearn.satisfaction.expectation_update")
    ax = get_ax(ax)
    visits = np.asarray(table.index, dtype=float)
    ax.plot(visits, table["expectation"], color="#34495e", marker="s", label="Expectation before the visit")
    verdict = table["verdict"].astype(str) if "verdict" in table else pd.Series(["satisfied"] * len(table))
    ax.scatter(visits, table["experience"], c=[_VERDICT_COLOURS.get(v, NEUTRAL) for v in verdict], s=70,
               zorder=3, label="Experience")
    for x, e, p in zip(visits, table["expectation"], table["experience"]):
        ax.plot([x, x], [e, p], color="#aaaaaa", linewidth=1, zorder=1)
    from matplotlib.lines import Line2D

    handles = [Line2D([], [], color="#34495e", marker="s", label="Expectation before the visit")] + [
        Line2D([], [], linestyle="", marker="o", color=c, markersize=8, label=f"Experience: {v}")
        for v, c in _VERDICT_COLOURS.items()
    ]
    ax.legend(handles=handles, fontsize="small", frameon=False, loc="best")
    ax.set_xticks(visits)
    ax.set(xlabel="Visit", ylabel="Level (expected vs experienced)")
    return ax


# ----------------------------------------------------------------------------------------------
# Chapter 7-8 additions (appended)
# ----------------------------------------------------------------------------------------------
__all__ += ["disconfirmation_chart", "complaint_trend_chart", "needs_chart", "barrier_chart"]


def disconfirmation_chart(expectation: float, performance: float, *, tolerance: float = 0.5,
                          scale: tuple[float, float] = (1, 7), ax=None):
    """Expectation against performance on one item, with the tolerance band and the verdict.

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = disconfirmation_chart(5, 6.5)
    >>> ax.get_title()
    'Verdict: delighted (gap +1.5)'
    """
    from ..satisfaction import disconfirmation

    df = pd.DataFrame({"exp_item": [float(expectation)], "per_item": [float(performance)]})
    res = disconfirmation(df, expected=["exp_item"], perceived=["per_item"], tolerance=tolerance)
    verdict, gap = str(res["verdict"].iloc[0]), float(res["gap"].iloc[0])
    ax = get_ax(ax, figsize=(8, 3.5))
    ax.axvspan(expectation - tolerance, expectation + tolerance, color=NEUTRAL, alpha=0.25,
               label="as expected (tolerance)")
    ax.axvline(expectation, color="#34495e", linewidth=3, label=f"expected {expectation:g}")
    ax.scatter([performance], [0.5], s=300, color=_VERDICT_COLOURS[verdict], zorder=3,
               label=f"perceived {performance:g}")
    ax.annotate("", xy=(performance, 0.5), xytext=(expectation, 0.5),
                arrowprops={"arrowstyle": "->", "color": "#555555", "linewidth": 1.5})
    ax.set(xlim=(scale[0] - 0.5, scale[1] + 0.5), ylim=(0, 1), yticks=[], xlabel="Rating")
    ax.set_title(f"Verdict: {verdict} (gap {gap:+.1f})", color=_VERDICT_COLOURS[verdict], fontweight="bold")
    # inside the axes, under the dot: the figure keeps its size in every frame of a flipbook
    ax.legend(loc="lower center", fontsize="small", frameon=True, framealpha=0.95, edgecolor="none", ncol=3)
    return ax


def complaint_trend_chart(table: pd.DataFrame, *, ax=None, rolling: int = 1):
    """Complaints per period (bars) and the first-contact resolution rate (line, right axis).

    Parameters
    ----------
    table : DataFrame
        The result of :func:`crmlearn.satisfaction.complaint_trend`.
    rolling : int, default 1
        Smooth both series with a centred rolling mean of this many periods (1: none).

    Returns
    -------
    matplotlib Axes (the left one; the rate is on ``ax.right_ax``)
    """
    func = "complaint_trend_chart"
    _need_table(table, ["complaints"], func=func, made_by="crmlearn.satisfaction.complaint_trend")
    ax = get_ax(ax, figsize=(8, 4.5))
    x = table.index
    c = table["complaints"].rolling(rolling, center=True, min_periods=1).mean()
    width = (x[1] - x[0]) * 0.8 if len(x) > 1 else 1
    ax.bar(x, c, width=width, color=NEG, alpha=0.6, label="complaints")
    ax.set(ylabel="Complaints per period", xlabel="")
    if "first_time_rate" in table:
        r = table["first_time_rate"].rolling(rolling, center=True, min_periods=1).mean()
        ax2 = ax.twinx()
        ax2.plot(x, 100 * r, color=POS, linewidth=2.5, label="first-contact resolution")
        ax2.set_ylabel("Solved at first contact (%)", color=POS)
        ax2.set_ylim(0, 100)
        ax.right_ax = ax2
        h1, l1 = ax.get_legend_handles_labels()
        h2, l2 = ax2.get_legend_handles_labels()
        ax.legend(h1 + h2, l1 + l2, loc="lower left", fontsize="small", frameon=False)
    return ax


def needs_chart(table: pd.DataFrame, *, ax=None):
    """Top-2-box share of each psychological need (from :func:`crmlearn.satisfaction.psychological_needs`).

    With a grouping column (``by=``) the groups are drawn side by side.

    Returns
    -------
    matplotlib Axes
    """
    func = "needs_chart"
    _need_table(table, ["need", "top_box_share"], func=func, made_by="crmlearn.satisfaction.psychological_needs")
    ax = get_ax(ax, figsize=(8, 4.5))
    extra = [c for c in table.columns if c not in ("need", "chinese", "mean", "top_box_share", "n")]
    order = list(dict.fromkeys(table["need"]))
    if extra:
        by = extra[0]
        groups = list(dict.fromkeys(table[by]))
        w = 0.8 / len(groups)
        for k, g in enumerate(groups):
            sub = table[table[by] == g].set_index("need").reindex(order)
            ax.bar(np.arange(len(order)) + k * w - 0.4 + w / 2, 100 * sub["top_box_share"], width=w,
                   label=str(g))
        ax.legend(frameon=False, fontsize="small")
    else:
        sub = table.set_index("need").reindex(order)
        bars = ax.bar(np.arange(len(order)), 100 * sub["top_box_share"], color=POS)
        ax.bar_label(bars, fmt="%.0f%%")
    ax.set_xticks(np.arange(len(order)))
    ax.set_xticklabels(order)
    ax.set(ylabel="Say it matters (4-5 of 5), %", ylim=(0, 100), xlabel="Psychological need")
    return ax


def barrier_chart(table: pd.DataFrame, *, ax=None, barrier_name: str = "switching cost"):
    """Switch rate of satisfied customers by barrier level (from :func:`crmlearn.loyalty.switching_by_barrier`).

    Returns
    -------
    matplotlib Axes
    """
    func = "barrier_chart"
    _need_table(table, ["switch_rate", "n"], func=func, made_by="crmlearn.loyalty.switching_by_barrier")
    ax = get_ax(ax, figsize=(8, 4.5))
    bars = ax.bar([str(i) for i in table.index], 100 * table["switch_rate"], color=[NEG, NEUTRAL, POS][: len(table)]
                  if len(table) == 3 else POS)
    ax.bar_label(bars, fmt="%.0f%%")
    if "switched" in table.columns and table["n"].sum() > 0:
        # every satisfied customer is in one group: the overall rate is switched / n over the groups
        ax.axhline(100 * table["switched"].sum() / table["n"].sum(), color="#34495e", linestyle="--",
                   label="all satisfied customers")
        ax.legend(frameon=False, fontsize="small")
    ax.set(xlabel=f"{barrier_name.capitalize()} (thirds of the satisfied customers)",
           ylabel="Switched within 12 months, %", ylim=(0, 100))
    return ax


# moved to crmlearn.plots.loyalty; importable from here as before
from .loyalty import loyalty_matrix_chart  # noqa: E402,F401
