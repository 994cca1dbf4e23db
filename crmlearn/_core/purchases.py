"""The one purchase rule every function that counts purchases follows.

- A *return* is a row whose ``is_return`` column is true; a table without that column has no
  flag, so a row with a negative amount is a return. On a flagged row the amount is taken as
  negative whatever sign it was booked with.
- A *lost tender* (``tender_result == "lost"``, any case) is a bid that never became a sale: it
  is neither a purchase nor a return and adds nothing to spend.
- A *purchase* is every other row. Returns are not purchases (they count in no frequency and
  no purchase date), but their amounts are netted against the same customer's spend, so an
  order that was cancelled adds no value.

Used by :func:`crmlearn.customers.summarize_customers` and the indicator families,
:func:`crmlearn.clv.rfm_summary`, :func:`crmlearn.retention.cohort_table` /
:func:`~crmlearn.retention.churn_rate` and :func:`crmlearn.overview.monthly_revenue`.
"""
from __future__ import annotations

import warnings
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from .._validation import CRMDataError, check_columns, check_no_missing, first_offender, plain_value

__all__ = ["DEFAULT", "Purchases", "optional_column", "bool_column", "purchase_rule", "customer_keys"]

DEFAULT = object()  # marks an optional column left at its default name


def optional_column(data: pd.DataFrame, name: Any, default: str, *, func: str, param: str) -> str | None:
    """Resolve an optional column: None -> unused; the default name -> used when present; else must exist."""
    if name is None:
        return None
    if name is DEFAULT:
        return default if default in data.columns else None
    check_columns(data, [name], func=func, param=param)
    return name


def bool_column(data: pd.DataFrame, col: str, *, func: str, customer: str | None = None) -> np.ndarray:
    """A true/false column (bool, 0/1, or the words true/false/yes/no) as a numpy bool array."""
    s = data[col]
    if pd.api.types.is_bool_dtype(s.dtype) and not s.isna().any():
        return s.to_numpy(dtype=bool)
    check_no_missing(data, [col], func=func, customer=customer)
    if pd.api.types.is_numeric_dtype(s.dtype) and s.isin([0, 1]).all():
        return s.to_numpy().astype(bool)
    codes, uniq = pd.factorize(s)   # map the few distinct values, not millions of rows
    mapping = {"true": True, "false": False, "1": True, "0": False, "yes": True, "no": False}
    words = pd.Index(uniq).astype(str).str.strip().str.lower().map(mapping)
    if words.isna().any():
        bad = np.isin(codes, np.flatnonzero(np.asarray(words.isna())))
        raise CRMDataError(
            f"{func}: column '{col}' must be true/false, found {plain_value(s[bad].iloc[0])!r} "
            f"(first: {first_offender(data, bad, customer=customer)}). Convert it, e.g. data['{col}'] == 'yes'."
        )
    return np.asarray(words, dtype=bool)[codes]


class Purchases(NamedTuple):
    ret: np.ndarray            # bool: a return row
    lost: np.ndarray | None    # bool: a lost tender (None when the table has no tender column)
    buy: np.ndarray            # bool: a purchase row (neither)
    amount: np.ndarray | None  # float64 net amount (returns negative, lost tenders 0); None without amount
    flagged: bool              # returns came from an is_return column (not from the sign)


def _lost(tx: pd.DataFrame, tender: str) -> np.ndarray:
    codes, outcomes = pd.factorize(tx[tender])
    lost = np.asarray(pd.Index(outcomes).astype("string").str.lower() == "lost", dtype=bool)
    if not len(lost):
        return np.zeros(len(tx), dtype=bool)
    return np.where(codes >= 0, lost[np.maximum(codes, 0)], False)


def purchase_rule(tx: pd.DataFrame, *, func: str, is_return: Any = DEFAULT, tender: Any = DEFAULT,
                  amount: str | None = None, customer: str | None = None) -> Purchases:
    """Apply the purchase rule to a checked transaction table (``amount`` numeric, no missing)."""
    is_return = optional_column(tx, is_return, "is_return", func=func, param="is_return")
    tender = optional_column(tx, tender, "tender_result", func=func, param="tender")
    amt = tx[amount].to_numpy(dtype=np.float64) if amount is not None else None
    if is_return:
        ret = bool_column(tx, is_return, func=func, customer=customer)
        if amt is not None and ret.any():
            amt = np.where(ret, -np.abs(amt), amt)
    elif amt is not None:
        ret = amt < 0
    else:
        ret = np.zeros(len(tx), dtype=bool)
    lost = _lost(tx, tender) if tender else None
    buy = ~ret if lost is None else ~ret & ~lost
    if lost is not None and amt is not None and lost.any():
        amt = np.where(lost, 0.0, amt)
    return Purchases(ret, lost, buy, amt, bool(is_return))


def customer_keys(tx: pd.DataFrame, customer: str, *, func: str) -> pd.Series:
    """The customer column, with ids of mixed types (the number 1 and the text "1") merged as text.

    A file read in pieces, or ids typed by hand, can hold 1 and "1" for the same customer; kept
    apart they would be two customers that both print as 1. They are merged (every id becomes
    text) and a warning says how many ids were numbers.
    """
    keys = tx[customer]
    if keys.dtype != object:
        return keys
    kinds = keys.map(type).value_counts()
    if len(kinds) <= 1:
        return keys
    names = sorted(t.__name__ for t in kinds.index)
    text = keys.map(lambda v: v if isinstance(v, str) else (str(int(v)) if isinstance(v, float) and float(v).is_integer() else str(v)))
    merged = int(keys.nunique() - text.nunique())
    warnings.warn(
        f"{func}: column '{customer}' mixes id types {names}; every id is read as text, so 1 and '1' are one "
        f"customer ({merged:,} ids merged). Convert the column yourself (e.g. data['{customer}'].astype(str)) "
        "to silence this warning.",
        UserWarning, stacklevel=4,
    )
    return text
