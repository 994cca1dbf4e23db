"""Readable tables for notebooks and slides: shares as percentages, money with separators.

The computation functions return plain numbers (a share is 0.458, an amount 458068.2) so
that they can be computed with; :func:`pretty` makes a copy for showing.

:func:`pretty` returns a formatted copy for display (same index and columns); the input is not changed.
"""
from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from ._validation import check_columns

__all__ = ["pretty"]


def _names(table, cols) -> list:
    if cols is None:
        return []
    if isinstance(cols, str):
        return [cols]
    return list(cols)


def pretty(table: "pd.DataFrame | pd.Series", *, percent: Iterable[str] | str | None = None,
           money: Iterable[str] | str | None = None, digits: int = 1, money_digits: int = 0,
           other_digits: int = 2) -> "pd.DataFrame | pd.Series":
    """A copy of ``table`` formatted for reading: shares as percentages, money with separators.

    Parameters
    ----------
    table : DataFrame or Series
        The computed table (left unchanged).
    percent : str or list of str, optional
        Columns holding shares (0.458) to show as percentages ("45.8%"). For a Series, pass
        ``percent=True`` to format the whole Series.
    money : str or list of str, optional
        Columns holding amounts to show with thousands separators ("458,068").
    digits : int, default 1
        Decimals of the percentages.
    money_digits : int, default 0
        Decimals of the amounts.
    other_digits : int, default 2
        Other float columns are rounded to this many decimals; integer, text and date columns
        are left as they are.

    Returns
    -------
    DataFrame or Series
        Formatted text in the named columns (missing values stay empty), rounded numbers elsewhere.

    Raises
    ------
    CRMDataError
        When a named column is not in the table.

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"customers": [300, 1200], "share": [0.7991, 0.2009],
    ...                   "revenue": [59912345.678, 15062493.1], "index": [1.23456, 0.5]},
    ...                  index=pd.Index(["top 20%", "rest"], name="group"))
    >>> pretty(t, percent="share", money="revenue")
             customers  share     revenue  index
    group
    top 20%        300  79.9%  59,912,346   1.23
    rest          1200  20.1%  15,062,493   0.50
    >>> pretty(pd.Series([0.5, 0.25], index=["a", "b"]), percent=True).tolist()
    ['50.0%', '25.0%']
    """
    def pct(x):
        return "" if pd.isna(x) else f"{x:.{digits}%}"

    def cny(x):
        return "" if pd.isna(x) else f"{x:,.{money_digits}f}"

    if isinstance(table, pd.Series):
        if percent:
            return table.map(pct)
        if money:
            return table.map(cny)
        return table.round(other_digits) if pd.api.types.is_float_dtype(table) else table.copy()
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"pretty: table must be a pandas DataFrame or Series, got {type(table).__name__}.")
    percent, money = _names(table, percent), _names(table, money)
    check_columns(table, percent, func="pretty", param="percent")
    check_columns(table, money, func="pretty", param="money")
    out = table.copy()
    for col in out.columns:
        if col in percent:
            out[col] = out[col].map(pct)
        elif col in money:
            out[col] = out[col].map(cny)
        elif pd.api.types.is_float_dtype(out[col]):
            out[col] = out[col].round(other_digits)
    return out
