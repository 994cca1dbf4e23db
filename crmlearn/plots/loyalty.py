"""Plots for loyalty (Chapter 8): the loyalty matrix.

Each function takes a :mod:`crmlearn.loyalty` table, draws on ``ax`` (or the current Axes),
labels it in English and returns the Axes.
"""
from __future__ import annotations

import pandas as pd

from .._core.compat import renamed_kwargs
from ._base import get_ax
from .satisfaction import _need_table

__all__ = ["loyalty_matrix_chart"]


@renamed_kwargs(keyword_only=("ax",))
def loyalty_matrix_chart(table: pd.DataFrame, *, ax=None):
    """The 2x2 loyalty matrix with the number and share of customers in each cell.

    Parameters
    ----------
    table : DataFrame
        The result of :func:`crmlearn.loyalty.loyalty_matrix` (a ``loyalty`` column).
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> import pandas as pd
    >>> from crmlearn.loyalty import loyalty_matrix
    >>> df = pd.DataFrame({"emotional_attachment": [5, 5, 2, 1], "frequency": [8, 1, 9, 0]})
    >>> ax = loyalty_matrix_chart(loyalty_matrix(df, min_patronage=3))
    >>> ax.get_xlabel()
    'Repeat patronage'
    """
    from matplotlib.patches import Rectangle

    func = "loyalty_matrix_chart"
    _need_table(table, ["loyalty"], func=func, made_by="crmlearn.loyalty.loyalty_matrix")
    counts = table["loyalty"].astype(str).value_counts()
    n = int(counts.sum())
    ax = get_ax(ax, figsize=(6, 5))
    cells = {  # name: (x, y, colour, title)
        "true": (1, 1, "#27ae60", "True loyalty"),
        "latent": (0, 1, "#f5b041", "Latent loyalty"),
        "spurious": (1, 0, "#5dade2", "Spurious loyalty"),
        "none": (0, 0, "#cacfd2", "No loyalty"),
    }
    for name, (x, y, colour, title) in cells.items():
        k = int(counts.get(name, 0))
        ax.add_patch(Rectangle((x, y), 1, 1, facecolor=colour, edgecolor="white", linewidth=3, alpha=0.85))
        ax.text(x + 0.5, y + 0.62, title, ha="center", va="center", fontweight="bold")
        share = 100 * k / n if n else 0.0
        ax.text(x + 0.5, y + 0.38, f"{k:,} customers\n{share:.1f}%", ha="center", va="center", fontsize="small")
    ax.set_xlim(0, 2)
    ax.set_ylim(0, 2)
    ax.set_xticks([0.5, 1.5])
    ax.set_xticklabels(["low", "high"])
    ax.set_yticks([0.5, 1.5])
    ax.set_yticklabels(["low", "high"])
    ax.set(xlabel="Repeat patronage", ylabel="Relative attitude")
    ax.set_aspect("equal")
    for side in ax.spines.values():
        side.set_visible(False)
    ax.tick_params(length=0)
    return ax
