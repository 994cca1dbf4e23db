"""The one date reader every crmlearn function uses.

Rules (the same in every module):

- a datetime column is used as it is; a tz-aware one is converted to UTC and the zone dropped,
  so day counts do not depend on the zone the data were exported in;
- text is parsed with :func:`pandas.to_datetime`; text with mixed UTC offsets
  (``2024-01-01T10:00+08:00`` next to ``2024-01-01T03:00Z``) is converted to UTC; text without an
  offset is taken as it is (as UTC);
- a value that is not a date (including the strings ``''`` and ``'NaT'``) raises
  :class:`~crmlearn._validation.CRMDataError` naming the function, the column and the first
  customer; numbers or booleans where dates are due raise ``TypeError``.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._validation import CRMDataError, first_offender, plain_value, rows_have

__all__ = ["read_dates", "read_date_param", "day_numbers"]


def _naive_utc(s: pd.Series) -> pd.Series:
    if isinstance(s.dtype, pd.DatetimeTZDtype):
        return s.dt.tz_convert("UTC").dt.tz_localize(None)
    return s


def read_dates(data: pd.DataFrame, col: str, *, func: str, customer: str | None = None) -> pd.Series:
    """``data[col]`` as naive (UTC) datetime64; missing values stay NaT (check them before)."""
    s = data[col]
    if isinstance(s.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(s.dtype):
        return _naive_utc(s)
    if pd.api.types.is_numeric_dtype(s.dtype) or pd.api.types.is_bool_dtype(s.dtype):
        raise TypeError(
            f"{func}: column '{col}' must hold dates, found dtype {s.dtype}. "
            f"Convert it with pandas.to_datetime(data['{col}'], format=...) first "
            "(e.g. format='%Y%m%d' for 19970101)."
        )
    try:
        parsed = pd.to_datetime(s)
    except (ValueError, TypeError, OverflowError):
        try:   # mixed UTC offsets, or mixed formats: read each value, convert to UTC
            parsed = pd.to_datetime(s, utc=True, format="mixed", errors="coerce")
        except (ValueError, TypeError, OverflowError):
            parsed = pd.Series(pd.NaT, index=s.index, dtype="datetime64[ns]")
    if not (isinstance(parsed.dtype, pd.DatetimeTZDtype) or pd.api.types.is_datetime64_dtype(parsed.dtype)):
        parsed = pd.to_datetime(s, utc=True, format="mixed", errors="coerce")   # datetime objects of mixed zones
    bad = (parsed.isna() & s.notna()).to_numpy()
    if bad.any():
        raise CRMDataError(
            f"{func}: column '{col}' must hold dates; {rows_have(int(bad.sum()))} a value that is not a date "
            f"(first: {first_offender(data, bad, customer=customer)}, value {plain_value(s[bad].iloc[0])!r}). "
            f"Fix or drop them, or convert with pandas.to_datetime(data['{col}'], format=...) first."
        )
    return _naive_utc(parsed)


def read_date_param(value: Any, *, func: str, param: str, example: str = "2024-12-31") -> pd.Timestamp:
    """A date parameter (text, Timestamp, datetime) as a naive UTC Timestamp."""
    if isinstance(value, (bool, np.bool_)) or isinstance(value, (int, float, np.number)):
        raise TypeError(f"{func}: {param} must be a date, got {type(value).__name__} {plain_value(value)!r}. "
                        f"Pass e.g. {param}='{example}'.")
    try:
        ts = pd.Timestamp(value)
    except (TypeError, ValueError):
        ts = pd.NaT
    if ts is pd.NaT or pd.isna(ts):
        raise CRMDataError(f"{func}: {param}={value!r} is not a date. Pass e.g. {param}='{example}'.")
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts


def day_numbers(dates: pd.Series) -> np.ndarray:
    """Whole days since 1970-01-01 (int64) of naive datetimes; times within a day collapse."""
    return dates.to_numpy().astype("datetime64[D]").astype(np.int64)
