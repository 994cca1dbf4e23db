"""Small descriptive views of a table, used by the welcome chapter's tour of the data.

These are the first things an analyst does with a new customer file: how the
business develops month by month, and what one column looks like.

Tables: :func:`monthly_revenue` returns one row per period (and group); :func:`column_profile` a
Series of counts or statistics. Neither is per customer.
"""
from __future__ import annotations

import pandas as pd

from ._core.compat import renamed_kwargs
from ._core.dates import read_dates
from ._core.purchases import DEFAULT as _DEFAULT, purchase_rule
from ._validation import check_columns, check_no_missing, check_numeric, check_table, check_choice

__all__ = ["monthly_revenue", "column_profile"]


def monthly_revenue(transactions: pd.DataFrame, *, date: str = "order_date", amount: str = "amount",
                    by: str | None = None, freq: str = "MS") -> pd.DataFrame:
    """Net revenue per month (or another period), optionally split by a column.

    Parameters
    ----------
    transactions : DataFrame
        One row per order line.
    date, amount : str, default "order_date", "amount"
        The order date column and the net amount column (returns negative).
    by : str, optional
        A column to split by (e.g. "channel"); one output column per value.
    freq : str, default "MS"
        A pandas period alias: "MS" months, "QS" quarters, "YS" years.

    Returns
    -------
    DataFrame
        Indexed by period start; one column "revenue", or one column per value of ``by``.
        Periods without orders show 0. Revenue follows the purchase rule of
        :mod:`crmlearn.customers`: returns (``is_return`` rows, taken as negative) are netted,
        lost tenders (``tender_result == "lost"``) add nothing.

    Raises
    ------
    CRMDataError
        When a column is missing, the amounts are not numeric or are missing (a missing amount
        is not a zero: fill or drop it first), or dates are missing or not dates.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"order_date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-03-02"]),
    ...                    "amount": [100.0, 50.0, 80.0]})
    >>> monthly_revenue(tx)
                revenue
    order_date
    2024-01-01    150.0
    2024-02-01      0.0
    2024-03-01     80.0
    """
    func = "monthly_revenue"
    check_table(transactions, func=func, name="transactions")
    check_columns(transactions, [date], func=func, param="date")
    check_columns(transactions, [amount], func=func, param="amount")
    if by is not None:
        check_columns(transactions, [by], func=func, param="by")
    check_numeric(transactions, [amount], func=func)
    check_no_missing(transactions, [date, amount], func=func)
    check_choice(freq, ["MS", "QS", "YS", "W", "D"], func=func, param="freq")
    dates = read_dates(transactions, date, func=func)
    net = pd.Series(purchase_rule(transactions, func=func, amount=amount).amount, index=transactions.index)
    keys = [dates.dt.to_period(freq.rstrip("S") or "D").dt.start_time.rename(date)]
    if by is None:
        out = net.groupby(keys).sum().to_frame("revenue")
    else:
        keys.append(transactions[by])
        out = net.groupby(keys, observed=True).sum().unstack(by, fill_value=0.0)
        out.columns = out.columns.astype(str)
        out.columns.name = by
    full = pd.date_range(out.index.min(), out.index.max(), freq=freq, name=date)
    return out.reindex(full, fill_value=0.0)


@renamed_kwargs(top="max_categories")
def column_profile(data: pd.DataFrame, column: str, *, max_categories: int = 10) -> pd.Series:
    """What one column holds: counts of its most common values, or a numeric summary.

    Parameters
    ----------
    data : DataFrame
    column : str
        The column to profile.
    max_categories : int, default 10
        For a categorical or text column, how many of the most common values to show
        (the rest are added up as "(other)").

    Returns
    -------
    Series
        For a numeric column: count, missing, mean, std, min, 25%, 50%, 75%, max.
        For a date column: count, missing, first, last. Otherwise: the count per value.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"region": ["East", "East", "North", None]})
    >>> column_profile(df, "region")
    region
    East         2
    North        1
    (missing)    1
    Name: count, dtype: int64
    """
    func = "column_profile"
    check_table(data, func=func)
    check_columns(data, [column], func=func, param="column")
    s = data[column]
    missing = int(s.isna().sum())
    if pd.api.types.is_bool_dtype(s) or not (pd.api.types.is_numeric_dtype(s) or pd.api.types.is_datetime64_any_dtype(s)):
        counts = s.astype("object").value_counts(sort=True)
        counts.index = counts.index.map(str)
        if len(counts) > max_categories:
            counts = pd.concat([counts.iloc[:max_categories], pd.Series({"(other)": counts.iloc[max_categories:].sum()})])
        if missing:
            counts = pd.concat([counts, pd.Series({"(missing)": missing})])
        return counts.rename("count").rename_axis(column).astype("int64")
    if pd.api.types.is_datetime64_any_dtype(s):
        return pd.Series({"count": int(s.notna().sum()), "missing": missing, "first": s.min(), "last": s.max()}, name=column)
    desc = s.describe()
    return pd.concat([pd.Series({"count": desc["count"], "missing": float(missing)}), desc.drop("count")]).rename(column)
