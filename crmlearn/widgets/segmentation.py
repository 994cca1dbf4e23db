"""Widgets for segmentation (Chapter 2): choose the number of k-means segments, see the profiles.

The builder wires a slider to :mod:`crmlearn.segmentation` and a plot of :mod:`crmlearn.plots`
through :func:`crmlearn.widgets._base.try_it` (``.controls``, ``.result``, ``.summary``,
``.table``, ``.error`` as for every course widget).
"""
from __future__ import annotations

from typing import Sequence

from ._base import STYLE as _STYLE, View, try_it

__all__ = ["kmeans_widget"]


def kmeans_widget(data, *, features: Sequence[str], k: int = 4, log: bool = True, scale: bool = True,
                  value: str | None = None):
    """Choose the number of k-means segments with a slider and compare the segment profiles.

    Uses :func:`crmlearn.segmentation.kmeans_segments`, :func:`crmlearn.segmentation.segment_profiles`
    and :func:`crmlearn.plots.segment_profile_plot`.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    features : list of str
        Numeric columns to cluster on.
    k : int, default 4
        Starting number of segments (slider 2-10).
    log, scale :
        As in :func:`crmlearn.segmentation.kmeans_segments`.
    value : str, optional
        A value column to add up per segment in the table.

    Returns
    -------
    ipywidgets.VBox
        ``.result`` is the profile table (one row per segment); ``.table`` shows it.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"frequency": [1, 2, 1, 20, 22, 25, 50, 55], "monetary": [5, 8, 6, 90, 99, 120, 400, 420]})
    >>> w = kmeans_widget(df, features=["frequency", "monetary"], k=2)
    >>> len(w.result)
    2
    >>> w.controls["k"].value = 3
    >>> len(w.result)
    3
    """
    import ipywidgets as W

    from ..plots.grading import segment_profile_plot
    from ..segmentation import kmeans_segments, segment_profiles

    features = [features] if isinstance(features, str) else list(features)
    controls = {"k": W.IntSlider(value=k, min=2, max=10, description="Number of segments k", style=_STYLE)}

    def view(k):
        seg = kmeans_segments(data, features=features, k=k, log=log, scale=scale)
        profiles = segment_profiles(seg, features=features, value=value)
        return View(summary=f"<b>{k}</b> segments of {len(data):,} customers (k-means on "
                            f"{', '.join(features)}{', log scale' if log else ''}).",
                    draw=lambda ax: segment_profile_plot(profiles, features=features, ax=ax),
                    table=profiles, result=profiles)

    return try_it(controls, view, figsize=(6.2, 4.0), title="the number of k-means segments")
