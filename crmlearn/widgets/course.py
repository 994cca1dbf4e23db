"""Widgets of the welcome chapter."""
from __future__ import annotations

__all__ = ["dataset_explorer"]


def dataset_explorer(name: str = "customers", column: str | None = None):
    """Pick a course dataset and one of its columns; see a chart and a profile of that column.

    Returns an ``ipywidgets.VBox``: two drop-downs and an output area that redraws on every change.
    """
    import ipywidgets as w
    import matplotlib.pyplot as plt
    from IPython.display import display

    from ..datasets import list_datasets, load_dataset
    from ..overview import column_profile
    from ..plots.course import column_chart

    cache: dict = {}

    def table(n):
        if n not in cache:
            cache[n] = load_dataset(n)
        return cache[n]

    names = list_datasets()
    pick = w.Dropdown(options=names, value=name, description="dataset")
    col = w.Dropdown(options=list(table(name).columns), description="column")
    if column is not None:
        col.value = column
    out = w.Output()
    last: dict = {}

    def redraw(*_):
        out.clear_output(wait=True)
        with out:
            data = table(pick.value)
            fig, ax = plt.subplots(figsize=(7, 3.2))
            column_chart(data, col.value, ax=ax)
            ax.set_title(f"{pick.value}.{col.value}  ({len(data):,} rows)")
            profile = column_profile(data, col.value)
            last.update(dataset=pick.value, column=col.value, profile=profile, axes=ax)
            plt.show()
            display(profile.to_frame())

    def new_table(change):
        col.options = list(table(change["new"]).columns)  # triggers redraw through col

    pick.observe(new_table, names="value")
    col.observe(redraw, names="value")
    redraw()
    box = w.VBox([w.HBox([pick, col]), out])
    box.controls = (pick, col)
    box.output = out
    box.last = last  # what is shown now: dataset, column, profile, axes
    return box
