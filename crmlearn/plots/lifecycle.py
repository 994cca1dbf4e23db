"""Plots for CRM foundations (chapter 1): lifecycle stages and revenue at risk. ``ax=`` keyword-only, return the Axes."""
from __future__ import annotations

import numpy as np
import pandas as pd

from .._validation import check_columns
from ._base import get_ax

__all__ = ["lifecycle_mix_plot", "revenue_at_risk_bars"]


def lifecycle_mix_plot(mix: pd.DataFrame, *, ax=None):
    """Stacked bars of the lifecycle-stage mix: rows = cut-off dates, columns = stages (shares or counts)."""
    if not isinstance(mix, pd.DataFrame) or mix.empty:
        raise TypeError("lifecycle_mix_plot: mix must be a non-empty DataFrame (rows = dates, columns = stages).")
    ax = get_ax(ax)
    bottom = np.zeros(len(mix))
    x = np.arange(len(mix))
    for c in mix.columns:
        ax.bar(x, mix[c].to_numpy(dtype=float), bottom=bottom, label=str(c))
        bottom += mix[c].to_numpy(dtype=float)
    ax.set_xticks(x, [str(i)[:10] for i in mix.index])
    ax.legend(fontsize=11, ncol=5, loc="upper center", bbox_to_anchor=(0.5, -0.12))
    shares = bool(np.allclose(mix.sum(axis=1).to_numpy(dtype=float), 1.0))
    ax.set(ylabel="share of customers" if shares else "customers", title="Lifecycle stages")
    if shares:
        ax.set_ylim(0, 1)
    return ax


def revenue_at_risk_bars(risk: pd.DataFrame, *, top: int = 10, highlight: str | None = None, ax=None):
    """Revenue share per relationship owner (from ``revenue_at_risk``), largest first; ``highlight`` one owner."""
    check_columns(risk, ["share"], func="revenue_at_risk_bars", param="risk")
    ax = get_ax(ax)
    r = risk.head(top)
    colours = ["#C44E52" if str(i) == highlight else "#4C72B0" for i in r.index]
    ax.bar([str(i) for i in r.index], r["share"] * 100, color=colours)
    ax.set(xlabel="account manager", ylabel="% of revenue", title="Revenue that leaves with its manager")
    if len(r) > 8:   # ids side by side would run into each other
        ax.tick_params(axis="x", labelrotation=45)
    return ax
