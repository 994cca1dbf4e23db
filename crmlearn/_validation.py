"""Input checks shared by every public crmlearn function.

Every message names the function, the column or parameter, what was found and
how to fix it, as ``DESIGN.md`` asks::

    abc_classify: column 'monetary' not found. Available: ['customer_id', 'amount']. Pass value='amount'.
    rfm_scores: 12 rows have a missing 'monetary' value (first: customer C00017). Drop or fill them first.
    BetaGeo is not fitted yet. Call .fit(data) first.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"customer_id": ["C1", "C2"], "amount": [10.0, 20.0]})
>>> check_columns(df, ["monetary"], func="abc_classify", param="value")
Traceback (most recent call last):
...
crmlearn._validation.CRMDataError: abc_classify: column 'monetary' not found. Available: ['customer_id', 'amount']. Pass value='amount'.
"""
from __future__ import annotations

import difflib
from typing import Any, Iterable, Sequence

import numpy as np
import pandas as pd

__all__ = [
    "CRMDataError",
    "NotFittedError",
    "check_table",
    "check_columns",
    "check_numeric",
    "check_no_missing",
    "check_non_negative",
    "check_choice",
    "check_fitted",
    "check_fraction",
    "check_positive_int",
    "first_offender",
    "plain_value",
    "rows_have",
]


class CRMDataError(ValueError):
    """Raised when a table or parameter given to crmlearn cannot be used as it is."""


class NotFittedError(CRMDataError, AttributeError):
    """Raised when a model is asked for results before ``fit`` was called."""


def rows_have(n: int) -> str:
    """'1 row has' or 'n rows have', for messages.

    >>> rows_have(1), rows_have(1200)
    ('1 row has', '1,200 rows have')
    """
    return "1 row has" if n == 1 else f"{n:,} rows have"


def plain_value(v: Any) -> Any:
    """A numpy scalar as the plain Python value, so messages read 5.0, not np.float64(5.0)."""
    return v.item() if isinstance(v, np.generic) else v


def _label(index_value: Any) -> str:
    """How a row is named in a message: 'customer C00017' or 'row 3'."""
    return f"customer {index_value}"


def first_offender(data: pd.DataFrame, mask: "pd.Series | np.ndarray", *, customer: str | None = None) -> str:
    """Name the first row where ``mask`` is true: by the customer column if present, else the index."""
    mask = np.asarray(mask, dtype=bool)
    pos = int(np.flatnonzero(mask)[0])
    if customer is None:
        customer = "customer_id" if "customer_id" in getattr(data, "columns", []) else None
    if customer is not None and customer in data.columns:
        return _label(data[customer].iloc[pos])
    idx = data.index[pos]
    if data.index.name or not isinstance(data.index, pd.RangeIndex):
        return _label(idx)
    return f"row {idx}"


def check_table(data: Any, *, func: str, name: str = "data", allow_empty: bool = False) -> pd.DataFrame:
    """Check that ``data`` is a non-empty DataFrame and return it.

    >>> check_table([1, 2], func="summarize_customers")
    Traceback (most recent call last):
    ...
    TypeError: summarize_customers: data must be a pandas DataFrame, got list. Load it with pandas.read_csv(...) or crmlearn.load_dataset(...).
    """
    if not isinstance(data, pd.DataFrame):
        raise TypeError(
            f"{func}: {name} must be a pandas DataFrame, got {type(data).__name__}. "
            "Load it with pandas.read_csv(...) or crmlearn.load_dataset(...)."
        )
    if not allow_empty and len(data) == 0:
        raise CRMDataError(f"{func}: {name} is empty (0 rows). Pass a table with at least one customer.")
    return data


def check_columns(data: pd.DataFrame, columns: Iterable[str], *, func: str, param: str | None = None) -> None:
    """Check that every column in ``columns`` is in ``data``.

    The message lists the available columns and, where one looks close, suggests
    passing it (``param`` names the keyword to pass).
    """
    available = [str(c) for c in data.columns]
    for col in columns:
        if col in data.columns:
            continue
        msg = f"{func}: column '{col}' not found. Available: {available}."
        guess = difflib.get_close_matches(str(col), available, n=1, cutoff=0.5)
        if param is not None:
            candidates = guess or [c for c in available if c not in ("customer_id",)]
            if candidates:
                msg += f" Pass {param}='{candidates[0]}'."
            else:
                msg += f" Pass {param}=<column name>."
        elif guess:
            msg += f" Did you mean '{guess[0]}'?"
        raise CRMDataError(msg)


def check_numeric(data: pd.DataFrame, columns: Iterable[str], *, func: str) -> None:
    """Check that the columns hold numbers (bool counts as numeric)."""
    for col in columns:
        s = data[col]
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_complex_dtype(s):
            continue
        converted = pd.to_numeric(s, errors="coerce")
        bad = converted.isna() & s.notna()
        example = s[bad].iloc[0] if bad.any() else s.dropna().iloc[0] if s.notna().any() else None
        where = f" (first: {first_offender(data, bad)}, value {example!r})" if bad.any() else ""
        raise CRMDataError(
            f"{func}: column '{col}' must be numeric, found dtype {s.dtype}{where}. "
            f"Convert it with pandas.to_numeric(data['{col}'])."
        )


def check_no_missing(data: pd.DataFrame, columns: Iterable[str], *, func: str) -> None:
    """Check that the columns have no missing values; count them and name the first one."""
    for col in columns:
        miss = data[col].isna()
        n = int(miss.sum())
        if n:
            raise CRMDataError(
                f"{func}: {rows_have(n)} a missing '{col}' value (first: {first_offender(data, miss)}). "
                "Drop or fill them first."
            )


def check_non_negative(data: pd.DataFrame, columns: Iterable[str], *, func: str) -> None:
    """Check that the columns have no negative values."""
    for col in columns:
        neg = data[col].to_numpy() < 0
        n = int(neg.sum())
        if n:
            raise CRMDataError(
                f"{func}: {rows_have(n)} a negative '{col}' value (first: {first_offender(data, neg)}, "
                f"value {data[col].to_numpy()[neg][0]!r}). Remove returns or credit notes first, "
                "or pass a column that cannot be negative."
            )


def check_choice(value: Any, choices: Sequence[Any], *, func: str, param: str) -> Any:
    """Check that a parameter is one of the allowed choices.

    >>> check_choice("median", ["mean", "fixed"], func="ipa", param="crosshair")
    Traceback (most recent call last):
    ...
    crmlearn._validation.CRMDataError: ipa: crosshair='median' is not allowed. Choose one of ['mean', 'fixed'].
    """
    if value not in choices:
        raise CRMDataError(f"{func}: {param}={value!r} is not allowed. Choose one of {list(choices)}.")
    return value


def check_fraction(value: Any, *, func: str, param: str, inclusive: bool = False) -> float:
    """Check that a parameter is a number strictly between 0 and 1 (or in [0, 1] if ``inclusive``)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{func}: {param} must be a number between 0 and 1, got {type(value).__name__} {value!r}.")
    ok = 0 <= value <= 1 if inclusive else 0 < value < 1
    if not ok or np.isnan(value):
        rng = "[0, 1]" if inclusive else "between 0 and 1 (exclusive)"
        raise CRMDataError(f"{func}: {param} must be {rng}, got {value!r}. For 20% pass {param}=0.2.")
    return float(value)


def check_positive_int(value: Any, *, func: str, param: str, minimum: int = 1) -> int:
    """Check that a parameter is a whole number of at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{func}: {param} must be a whole number, got {type(value).__name__} {value!r}.")
    if value < minimum:
        raise CRMDataError(f"{func}: {param} must be at least {minimum}, got {value}.")
    return int(value)


def check_fitted(model: Any, attribute: str = "params_") -> None:
    """Raise :class:`NotFittedError` unless ``model`` has the fitted ``attribute``.

    >>> class BetaGeo: pass
    >>> check_fitted(BetaGeo())
    Traceback (most recent call last):
    ...
    crmlearn._validation.NotFittedError: BetaGeo is not fitted yet. Call .fit(data) first.
    """
    if getattr(model, attribute, None) is None:
        raise NotFittedError(f"{type(model).__name__} is not fitted yet. Call .fit(data) first.")
