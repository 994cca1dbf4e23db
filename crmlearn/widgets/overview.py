"""Widgets of the welcome chapter (:mod:`crmlearn.overview`): explore the course datasets."""
from __future__ import annotations

from ._base import View, try_it

__all__ = ["dataset_explorer"]


def _positions(options: list, current, limit: int = 21) -> list:
    """At most ``limit`` options for the slide, always with the one the notebook shows.

    >>> _positions(list("abcdef"), "f", limit=3)
    ['a', 'b', 'f']
    """
    keep = options[:limit]
    if current not in keep:
        keep = [*keep[:limit - 1], current]
    return keep


def dataset_explorer(name: str = "customers", column: str | None = None):
    """Pick a course dataset and one of its columns; see a chart and a profile of that column.

    Uses :func:`crmlearn.overview.column_profile` and :func:`crmlearn.plots.column_chart`.

    Returns
    -------
    ipywidgets.VBox
        Two drop-downs (``.controls["dataset"]``, ``.controls["column"]``), a line of text, the
        chart and the profile table. ``.result`` (also ``.last``) holds the dataset and column
        shown, the profile and the chart's Axes. On a slide the column drop-down works (every
        column of the starting dataset is precomputed); the dataset stays fixed.
    """
    import ipywidgets as w

    from ..datasets import list_datasets, load_dataset
    from ..overview import column_profile
    from ..plots.course import column_chart

    cache: dict = {}

    def table(n):
        if n not in cache:
            cache[n] = load_dataset(n)
        return cache[n]

    pick = w.Dropdown(options=list_datasets(), value=name, description="dataset")
    col = w.Dropdown(options=list(table(name).columns), description="column")
    if column is not None:
        col.value = column

    def new_table(change):
        col.options = list(table(change["new"]).columns)  # moves col.value, which redraws

    pick.observe(new_table, names="value")  # registered first: the options change before the redraw

    def view(dataset, column):
        data = table(dataset)
        if column not in data.columns:
            raise ValueError(f"dataset_explorer: {dataset} has no column {column!r}")
        profile = column_profile(data, column)
        last = {"dataset": dataset, "column": column, "profile": profile}

        def draw(ax):
            column_chart(data, column, ax=ax)
            ax.set_title(f"{dataset}.{column}  ({len(data):,} rows)")
            last["axes"] = ax

        return View(summary=f"<b>{dataset}</b>: {len(data):,} rows; column <b>{column}</b>",
                    draw=draw, table=profile.to_frame(), result=last)

    box = try_it({"dataset": pick, "column": col}, view, figsize=(6.4, 3.6),
                 title="the course datasets, column by column", deck={"column": _positions(list(col.options), col.value)})
    return box
