"""The table contract of the per-customer functions, written once.

A per-customer function returns a new DataFrame on the input's index, the input's columns
first (same order), its own columns appended; a new column with the name of an input column
replaces it in place. So calls chain with ``.pipe`` and nothing is lost on the way.
"""
from __future__ import annotations

from typing import Any, Mapping

import pandas as pd

__all__ = ["append_columns"]


def append_columns(data: pd.DataFrame, columns: "Mapping[str, Any] | pd.DataFrame") -> pd.DataFrame:
    """A copy of ``data`` with ``columns`` (a dict of arrays, or a DataFrame on ``data``'s index) added.

    >>> df = pd.DataFrame({"a": [1, 2]}, index=["x", "y"])
    >>> append_columns(df, {"b": [3, 4]})
       a  b
    x  1  3
    y  2  4
    """
    out = data.copy()
    if isinstance(columns, pd.DataFrame):
        if not columns.index.equals(data.index):
            raise ValueError("append_columns: the new columns are not on the input's index.")
        columns = {c: columns[c].to_numpy() if not isinstance(columns[c].dtype, pd.CategoricalDtype)
                   else columns[c].array for c in columns.columns}
    for name, col in columns.items():
        out[name] = col
    return out
