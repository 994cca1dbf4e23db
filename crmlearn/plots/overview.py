"""Plots of crmlearn.overview (the welcome chapter): the business over time and one column at a glance."""
from __future__ import annotations

import pandas as pd

from .._core.compat import renamed_kwargs
from ._base import get_ax

__all__ = ["revenue_chart", "column_chart"]


def revenue_chart(monthly: pd.DataFrame, *, ax=None, stacked: bool = True):
    """Draw :func:`crmlearn.overview.monthly_revenue` output: one area (or line) per column.

    Amounts are shown in thousands of CNY. Returns the Axes.
    """
    ax = get_ax(ax, figsize=(8, 4))
    k = monthly / 1_000
    if stacked and k.shape[1] > 1:
        ax.stackplot(k.index, *[k[c].clip(lower=0) for c in k.columns], labels=[str(c) for c in k.columns], alpha=0.85)
    else:
        for c in k.columns:
            ax.plot(k.index, k[c], marker="o", ms=3, label=str(c))
    ax.set(xlabel="month", ylabel="net revenue (thousand CNY)", ylim=(0, None))
    if k.shape[1] > 1:
        ax.legend(title=k.columns.name, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="small", frameon=False)
        ax.figure.subplots_adjust(right=0.78)
    ax.grid(axis="y", alpha=0.3)
    return ax


@renamed_kwargs(top="max_categories")
def column_chart(data: pd.DataFrame, column: str, *, ax=None, max_categories: int = 10, bins: int = 30):
    """A quick look at one column: a histogram for numbers, a bar chart of the commonest values otherwise."""
    from ..overview import column_profile

    ax = get_ax(ax, figsize=(7, 3.5))
    s = data[column]
    if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        ax.hist(s.dropna(), bins=bins, color="tab:blue", alpha=0.8)
        ax.set(xlabel=column, ylabel="rows")
    elif pd.api.types.is_datetime64_any_dtype(s):
        per_month = s.dropna().dt.to_period("M").value_counts().sort_index()
        ax.bar(per_month.index.to_timestamp(), per_month.to_numpy(), width=20, color="tab:blue")
        ax.set(xlabel=column, ylabel="rows per month")
    else:
        counts = column_profile(data, column, max_categories=max_categories)
        ax.barh(counts.index[::-1], counts.to_numpy()[::-1], color="tab:blue")
        ax.set(xlabel="rows", ylabel=column)
    ax.grid(axis="x" if not pd.api.types.is_numeric_dtype(s) else "y", alpha=0.3)
    return ax
