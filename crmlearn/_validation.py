"""Input checks shared by every public crmlearn function.

Every message names the function, the column or parameter, what was found and
how to fix it, as ``DESIGN.md`` asks::

    abc_classify: column 'monetary' not found. Available: ['customer_id', 'amount']. Pass value=<the column that holds it>.
    rfm_scores: 12 rows have a missing 'monetary' value (first: customer C00017). Drop or fill them first.
    BetaGeo is not fitted yet. Call .fit(data) first.

Examples
--------
>>> import pandas as pd
>>> df = pd.DataFrame({"customer_id": ["C1", "C2"], "amount": [10.0, 20.0]})
>>> check_columns(df, ["amout"], func="abc_classify", param="value")
Traceback (most recent call last):
...
crmlearn._validation.CRMDataError: abc_classify: column 'amout' not found. Available: ['customer_id', 'amount']. Pass value='amount'.
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
    "check_number",
    "check_finite",
    "clip_round_off",
    "round_off_tolerance",
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
        return _label(plain_value(data[customer].iloc[pos]))
    idx = plain_value(data.index[pos])
    if data.index.name or not isinstance(data.index, pd.RangeIndex):
        return _label(idx)   # a per-customer table: the index is the customer id
    return f"row {idx}"


def check_table(data: Any, *, func: str, name: str = "data", allow_empty: bool = False) -> pd.DataFrame:
    """Check that ``data`` is a non-empty DataFrame and return it.

    >>> check_table([1, 2], func="summarize_customers")
    Traceback (most recent call last):
    ...
    TypeError: summarize_customers: data must be a pandas DataFrame, got list. Load it with pandas.read_csv(...) or crmlearn.load_dataset(...).
    """
    if not isinstance(data, pd.DataFrame):
        module = type(data).__module__.split(".")[0]
        if module in ("polars", "pyarrow", "modin", "dask", "cudf") and hasattr(data, "to_pandas"):
            raise TypeError(
                f"{func}: {name} must be a pandas DataFrame, got a {module} {type(data).__name__}. "
                f"Convert it with {name}.to_pandas() first."
            )
        if isinstance(data, np.ndarray):
            raise TypeError(
                f"{func}: {name} must be a pandas DataFrame with named columns, got a numpy array of shape "
                f"{data.shape}. Wrap it with pandas.DataFrame({name}, columns=[...]) first."
            )
        if isinstance(data, pd.Series):
            raise TypeError(
                f"{func}: {name} must be a pandas DataFrame, got a Series ('{data.name}'). "
                f"Use {name}.to_frame() or pass the table it came from."
            )
        raise TypeError(
            f"{func}: {name} must be a pandas DataFrame, got {type(data).__name__}. "
            "Load it with pandas.read_csv(...) or crmlearn.load_dataset(...)."
        )
    dup = data.columns[data.columns.duplicated()]
    if len(dup):
        raise CRMDataError(
            f"{func}: {name} has duplicate column names {sorted(map(str, dup.unique()))}. "
            "Rename or drop the copies first (e.g. data.loc[:, ~data.columns.duplicated()])."
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
    if isinstance(columns, str):
        columns = [columns]
    for col in columns:
        what = f"{param}=" if param is not None else "a column name "
        if not isinstance(col, str) and not (np.ndim(col) == 0 and _hashable(col) and col in data.columns):
            raise TypeError(
                f"{func}: {what}{plain_value(col)!r} must be one column name (a string), got {type(col).__name__}. "
                f"Pass one of {available[:10]}{' ...' if len(available) > 10 else ''}."
            )
        if col in data.columns:
            continue
        msg = f"{func}: column '{col}' not found. Available: {available}."
        guess = difflib.get_close_matches(str(col), available, n=1, cutoff=_CLOSE)
        if not guess:   # a difference of case or separators only ('CustomerID' for 'customer_id')
            squash = {c.lower().replace("_", "").replace(" ", ""): c for c in available}
            key = str(col).lower().replace("_", "").replace(" ", "")
            guess = [squash[key]] if key in squash else []
        if not guess:   # the name is one word of exactly one column ('date' -> 'order_date')
            words = set(str(col).lower().split("_"))
            parts = [c for c in available
                     if str(col).lower() in c.lower().split("_") or c.lower() in words]
            guess = parts if len(parts) == 1 else []
        if guess:
            msg += f" Pass {param}='{guess[0]}'." if param is not None else f" Did you mean '{guess[0]}'?"
        elif param is not None:
            msg += f" Pass {param}=<the column that holds it>."
        raise CRMDataError(msg)


_CLOSE = 0.75  # difflib ratio above which a column name is suggested ('amout' -> 'amount')


def _hashable(v: Any) -> bool:
    try:
        hash(v)
    except TypeError:
        return False
    return True


def check_numeric(data: pd.DataFrame, columns: Iterable[str], *, func: str, customer: str | None = None,
                  finite: bool = True) -> None:
    """Check that the columns hold numbers (bool counts as numeric); with ``finite``, no inf."""
    for col in columns:
        s = data[col]
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_complex_dtype(s):
            if finite:
                check_finite(data, [col], func=func, customer=customer)
            continue
        converted = pd.to_numeric(s, errors="coerce")
        bad = converted.isna() & s.notna()
        example = s[bad].iloc[0] if bad.any() else s.dropna().iloc[0] if s.notna().any() else None
        where = (f" (first: {first_offender(data, bad, customer=customer)}, value {plain_value(example)!r})"
                 if bad.any() else "")
        raise CRMDataError(
            f"{func}: column '{col}' must be numeric, found dtype {s.dtype}{where}. "
            f"Convert it with pandas.to_numeric(data['{col}'])."
        )


def check_finite(data: pd.DataFrame, columns: Iterable[str], *, func: str, customer: str | None = None) -> None:
    """Check that numeric columns hold no inf or -inf (NaN is left to :func:`check_no_missing`)."""
    for col in columns:
        s = data[col]
        if pd.api.types.is_bool_dtype(s) or pd.api.types.is_integer_dtype(s):
            continue
        arr = s.to_numpy(dtype=np.float64, na_value=np.nan)
        inf = np.isinf(arr)
        n = int(inf.sum())
        if n:
            raise CRMDataError(
                f"{func}: {rows_have(n)} an infinite '{col}' value (first: "
                f"{first_offender(data, inf, customer=customer)}, value {plain_value(arr[inf][0])!r}). "
                "Infinity is not an amount: fix the source (a division by zero?) or drop those rows."
            )


def check_no_missing(data: pd.DataFrame, columns: Iterable[str], *, func: str, customer: str | None = None) -> None:
    """Check that the columns have no missing values; count them and name the first one."""
    for col in columns:
        miss = data[col].isna()
        n = int(miss.sum())
        if n:
            raise CRMDataError(
                f"{func}: {rows_have(n)} a missing '{col}' value (first: {first_offender(data, miss, customer=customer)}). "
                "Drop or fill them first."
            )


def round_off_tolerance(x: np.ndarray) -> float:
    """How far below zero a value may be and still be zero: float round-off of sums of ``x``.

    >>> round_off_tolerance(np.array([100.0, -5.7e-14])) > 5.7e-14
    True
    """
    x = np.asarray(x, dtype=np.float64)
    finite = x[np.isfinite(x)]
    scale = float(np.max(np.abs(finite))) if finite.size else 0.0
    return max(1e-9, 1e-12 * scale)


def clip_round_off(x: np.ndarray) -> np.ndarray:
    """``x`` with values within round-off of zero (e.g. -5.7e-14 left by summing) set to 0 (a copy)."""
    x = np.array(x, dtype=np.float64)
    tiny = (x < 0) & (x >= -round_off_tolerance(x))
    x[tiny] = 0.0
    return x


def check_non_negative(data: pd.DataFrame, columns: Iterable[str], *, func: str, customer: str | None = None) -> None:
    """Check that the columns have no negative values (values within float round-off of zero pass)."""
    for col in columns:
        arr = data[col].to_numpy(dtype=np.float64, na_value=np.nan)
        neg = arr < -round_off_tolerance(arr)
        n = int(neg.sum())
        if n:
            raise CRMDataError(
                f"{func}: {rows_have(n)} a negative '{col}' value (first: {first_offender(data, neg, customer=customer)}, "
                f"value {plain_value(arr[neg][0])!r}). Remove returns or credit notes first, "
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
    value = plain_value(value)
    ok = 0 <= value <= 1 if inclusive else 0 < value < 1
    if not ok or np.isnan(value):
        rng = "[0, 1]" if inclusive else "between 0 and 1 (exclusive)"
        raise CRMDataError(f"{func}: {param} must be {rng}, got {value!r}. For 20% pass {param}=0.2.")
    return float(value)


def check_positive_int(value: Any, *, func: str, param: str, minimum: int = 1) -> int:
    """Check that a parameter is a whole number of at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{func}: {param} must be a whole number, got {type(value).__name__} {value!r}.")
    value = plain_value(value)
    if value < minimum:
        raise CRMDataError(f"{func}: {param} must be at least {minimum}, got {value}.")
    return int(value)


def check_number(value: Any, *, func: str, param: str, minimum: float | None = None,
                 maximum: float | None = None, inclusive: bool = True, integer: bool = False) -> float:
    """Check a scalar parameter: a real, finite number (TypeError otherwise) within the range given.

    >>> check_number(float("inf"), func="simple_clv", param="margin")
    Traceback (most recent call last):
    ...
    crmlearn._validation.CRMDataError: simple_clv: margin must be a finite number, got inf.
    """
    kinds = (int, np.integer) if integer else (int, float, np.integer, np.floating)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, kinds):
        what = "a whole number" if integer else "a number"
        raise TypeError(f"{func}: {param} must be {what}, got {type(value).__name__} {plain_value(value)!r}.")
    v = plain_value(value)
    if not np.isfinite(v):
        raise CRMDataError(f"{func}: {param} must be a finite number, got {v!r}.")
    lo_bad = minimum is not None and (v < minimum if inclusive else v <= minimum)
    hi_bad = maximum is not None and (v > maximum if inclusive else v >= maximum)
    if lo_bad or hi_bad:
        op_lo, op_hi = (">=", "<=") if inclusive else (">", "<")
        rng = " and ".join(x for x in (f"{op_lo} {minimum}" if minimum is not None else "",
                                      f"{op_hi} {maximum}" if maximum is not None else "") if x)
        raise CRMDataError(f"{func}: {param} must be {rng}, got {v!r}.")
    return int(v) if integer else float(v)


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
