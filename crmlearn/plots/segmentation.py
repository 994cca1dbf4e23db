"""Plots for customer segmentation (Chapter 2): segment shares, profiles and the choice of k.

Each function takes the table a :mod:`crmlearn.segmentation` function returns, draws on ``ax``
(or the current Axes), labels it in English and returns the Axes.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from .._validation import CRMDataError, check_columns
from ._base import get_ax
from .grading import CLASS_COLOURS, _need, _whole_percent_ticks

__all__ = ["segment_share_chart", "segment_profile_plot", "elbow_plot"]


def segment_share_chart(profile: pd.DataFrame, *, value_name: str = "value", ax=None):
    """Share of customers against share of value for each segment, grade or class (grouped bars).

    Parameters
    ----------
    profile : DataFrame
        A table with ``customer_share`` and ``value_share`` per row, e.g. from
        :func:`crmlearn.segmentation.segment_by`, :func:`crmlearn.segmentation.nature_summary` or
        :func:`crmlearn.grading.pyramid_summary`.
    value_name : str, default "value"
        What the value is, for the legend: "Share of {value_name}" (e.g. "revenue", "margin").
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        The y axis is labelled in whole percents (one decimal only when the ticks need it).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> import pandas as pd
    >>> profile = pd.DataFrame({"customer_share": [0.8, 0.2], "value_share": [0.35, 0.65]},
    ...                        index=pd.Index(["small", "big"], name="size"))
    >>> fig, ax = plt.subplots()
    >>> ax = segment_share_chart(profile, value_name="revenue", ax=ax)
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['Share of customers', 'Share of revenue']
    >>> plt.close(fig)
    """
    func = "segment_share_chart"
    _need(profile, ["customer_share", "value_share"], func, "crmlearn.segmentation.segment_by(data, by=...)")
    if not isinstance(value_name, str):
        raise TypeError(f"{func}: value_name must be a string such as 'revenue', got {type(value_name).__name__}.")
    ax = get_ax(ax)
    labels = [" / ".join(map(str, i)) if isinstance(i, tuple) else str(i) for i in profile.index]
    x = np.arange(len(labels))
    ax.bar(x - 0.2, profile["customer_share"].to_numpy(dtype=float), width=0.4, color="#90a4ae",
           label="Share of customers")
    ax.bar(x + 0.2, profile["value_share"].to_numpy(dtype=float), width=0.4, color=CLASS_COLOURS[0],
           label=f"Share of {value_name}")
    name = profile.index.name if isinstance(profile.index.name, str) else "segment"
    ax.set(xticks=x, xlabel=name.replace("_", " "), ylabel="Share")
    ax.set_xticklabels(labels, rotation=30 if max(map(len, labels), default=0) > 8 else 0, ha="right"
                       if max(map(len, labels), default=0) > 8 else "center")
    ax.axhline(0, color="black", lw=0.8)
    _whole_percent_ticks(ax)
    ax.legend(fontsize=9)
    return ax


def segment_profile_plot(profiles: pd.DataFrame, *, features: Sequence[str] | None = None, ax=None):
    """Profile of each segment: the mean of each feature as an index (100 = all customers).

    Parameters
    ----------
    profiles : DataFrame
        The result of :func:`crmlearn.segmentation.segment_profiles`.
    features : list of str, optional
        The features to show; default every column after the size and value columns.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        Grouped bars: one group per feature, one bar per segment (labelled with its share of customers).
    """
    func = "segment_profile_plot"
    _need(profiles, ["customers"], func, "crmlearn.segmentation.segment_profiles(data)")
    skip = {"customers", "customer_share", "value", "value_share"}
    if features is None:
        features = [c for c in profiles.columns if c not in skip]
    else:
        features = [features] if isinstance(features, str) else list(features)
        check_columns(profiles, features, func=func, param="features")
    if not features:
        raise CRMDataError(f"{func}: no feature columns to draw; pass features=[...].")
    ax = get_ax(ax)
    counts = profiles["customers"].to_numpy(dtype=float)
    means = profiles[features].to_numpy(dtype=float)
    overall = (means * counts[:, None]).sum(axis=0) / counts.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        index = np.where(overall != 0, means / overall * 100, np.nan)
    k = len(profiles)
    width = 0.8 / k
    x = np.arange(len(features))
    shares = counts / counts.sum()
    for i, (seg, share) in enumerate(zip(profiles.index, shares)):
        ax.bar(x - 0.4 + width * (i + 0.5), index[i], width=width, color=CLASS_COLOURS[i % len(CLASS_COLOURS)],
               label=f"segment {seg} ({share:.0%})")
    ax.axhline(100, color="black", lw=0.8, ls="--")
    ax.set(xticks=x, ylabel="Segment mean / mean of all customers x 100", xlabel="Feature")
    ax.set_xticklabels([f.replace("_", " ") for f in features])
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return ax


def elbow_plot(k_table: pd.DataFrame, *, ax=None):
    """Elbow and silhouette for choosing the number of segments.

    Inertia (left axis, falling) and silhouette (right axis) against k; the k with the highest
    silhouette is marked.

    Parameters
    ----------
    k_table : DataFrame
        The result of :func:`crmlearn.segmentation.choose_k`.
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.axes.Axes
        The inertia axes; the silhouette axes is ``ax.right_ax``.
    """
    func = "elbow_plot"
    _need(k_table, ["inertia", "silhouette"], func, "crmlearn.segmentation.choose_k(data, features=...)")
    ax = get_ax(ax)
    k = k_table.index.to_numpy()
    ax.plot(k, k_table["inertia"].to_numpy(dtype=float), "o-", color=CLASS_COLOURS[0], label="Inertia (elbow)")
    ax.set(xlabel="Number of segments k", ylabel="Inertia (within-segment sum of squares)", xticks=k)
    right = ax.twinx()
    sil = k_table["silhouette"].to_numpy(dtype=float)
    right.plot(k, sil, "s--", color="#f9a825", label="Silhouette")
    right.set(ylabel="Silhouette (higher = better separated)")
    if np.isfinite(sil).any():
        best = int(np.nanargmax(sil))
        right.plot([k[best]], [sil[best]], "*", ms=16, color="#b71c1c", label=f"Best silhouette: k = {k[best]}")
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = right.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, loc="upper right", fontsize=9)
    ax.right_ax = right
    return ax
