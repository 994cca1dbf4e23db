"""Plots for the one-to-one (I.D.I.C) process (chapter 3). Each takes a computed table and ``ax=``, returns the Axes."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_columns
from ._base import get_ax

__all__ = ["duplicate_score_hist", "data_quality_bars", "fcr_chart"]


def duplicate_score_hist(pairs: pd.DataFrame, *, threshold: float = 0.6, truth: pd.Series | None = None,
                         bins: int = 20, ax=None):
    """Histogram of candidate-pair scores (``find_duplicates(..., threshold=0)``) with the threshold line.

    ``truth`` (bool per pair, optional) splits the bars into true duplicates and different customers.
    """
    check_columns(pairs, ["score"], func="duplicate_score_hist", param="pairs")
    ax = get_ax(ax)
    edges = np.linspace(0, 1, bins + 1)
    if truth is None:
        ax.hist(pairs["score"], bins=edges, color="#4C72B0")
    else:
        t = np.asarray(truth, dtype=bool)
        ax.hist([pairs["score"][t], pairs["score"][~t]], bins=edges, stacked=True,
                color=["#4C72B0", "#DD8452"], label=["same customer", "different customers"])
        ax.legend(fontsize=12)
    ax.axvline(threshold, color="black", linestyle="--")
    ax.text(threshold, ax.get_ylim()[1] * 0.9, f" threshold {threshold:.2f}", fontsize=12)
    ax.set(xlabel="pair score", ylabel="candidate pairs", title="Duplicate scores")
    return ax


def data_quality_bars(quality: pd.DataFrame, *, ax=None):
    """Bars of completeness, validity, uniqueness and freshness per column (from ``data_quality``)."""
    cols = ["completeness", "validity", "uniqueness", "freshness"]
    check_columns(quality, cols, func="data_quality_bars", param="quality")
    ax = get_ax(ax)
    q = quality.drop(index="overall", errors="ignore")[cols]
    x = np.arange(len(q))
    w = 0.2
    for i, c in enumerate(cols):
        ax.bar(x + (i - 1.5) * w, q[c].fillna(0).to_numpy(), width=w, label=c)
    ax.set_xticks(x, [str(i) for i in q.index], rotation=30, ha="right")
    ax.set_ylim(0, 1.22)  # head room: the legend sits above the bars, not on them
    ax.set_yticks(np.linspace(0, 1, 6))
    ax.legend(fontsize=11, ncol=4, loc="upper center", frameon=False)
    ax.set(ylabel="share of records", title="Data quality (no bar: not measured for that column)")
    return ax


def fcr_chart(fcr: pd.DataFrame, *, ax=None):
    """Complaints per period (bars) and the first-contact-resolution rate (line, right axis)."""
    check_columns(fcr, ["complaints", "fcr_rate"], func="fcr_chart", param="fcr")
    ax = get_ax(ax)
    x = np.arange(len(fcr))
    ax.bar(x, fcr["complaints"], color="#C0C0C0", label="complaints")
    ax2 = ax.twinx()
    ax2.plot(x, fcr["fcr_rate"], color="#C44E52", marker="o", label="solved at first contact")
    ax2.set_ylim(0, 1)
    ax2.set_ylabel("first-contact resolution")
    step = max(1, len(fcr) // 8)
    ax.set_xticks(x[::step], [str(p) for p in fcr.index[::step]], rotation=30, ha="right")
    ax.set(ylabel="complaints", title="Complaints and first-contact resolution")
    return ax
