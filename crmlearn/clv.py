"""Customer lifetime value (客户生命周期价值): simple CLV, BG/NBD and Gamma-Gamma.

The chapter's path from a formula to models fitted on a transaction log:

1. :func:`simple_clv`: the textbook formula ``m r / (1 + d - r)`` for a customer with a
   constant margin ``m``, retention rate ``r`` and discount rate ``d`` (and its finite-horizon
   sum, shown period by period by :func:`simple_clv_schedule`).
2. :func:`rfm_summary`: a transaction log -> one row per customer with ``frequency`` (repeat
   purchases), ``recency`` (first to last purchase), ``T`` (age) and ``monetary_value``, the input
   of the models, with an optional holdout period to check them.
3. :class:`BetaGeo`: the BG/NBD model of how often a customer buys and when a customer has
   silently left (Fader, Hardie & Lee 2005); :class:`GammaGamma`: how much a customer spends per
   purchase (Fader & Hardie 2013); :func:`customer_lifetime_value` combines them by discounted
   expected cash flow.

Models follow scikit-learn's conventions: ``__init__`` stores settings only, ``fit`` returns
``self``, learned values end in ``_`` (``params_``, ``log_likelihood_``), ``summary()`` is a
DataFrame and predictions are Series indexed by customer. :func:`simulate_bgnbd` and
:func:`simulate_gamma_gamma` draw data from the models' own stories (for teaching and tests).

Tables (the contract of DESIGN.md): :func:`rfm_summary` builds one row per customer from the
transactions (indexed by customer id); the models' predictions and
:func:`customer_lifetime_value` are Series on the index of the summary passed in;
:func:`simple_clv_schedule`, :func:`frequency_recency_grid` and :func:`calibration_holdout` are
tables of periods, grid points and frequencies that document their columns. Nothing a later
step needs is kept in ``.attrs``.
"""
from __future__ import annotations

import warnings
from numbers import Real
from typing import Any

import numpy as np
import pandas as pd

from ._core.compat import renamed_kwargs
from ._core.model import Model
from ._core.dates import day_numbers, read_date_param, read_dates
from ._core.duck import is_source as _is_source
from ._core.purchases import DEFAULT as _DEFAULT, customer_keys, optional_column, purchase_rule
from ._threads import single_thread
from ._validation import (
    CRMDataError,
    check_choice,
    check_columns,
    check_fitted,
    check_no_missing,
    check_non_negative,
    clip_round_off,
    check_numeric,
    check_positive_int,
    check_table,
    first_offender,
)

__all__ = [
    "ConvergenceError",
    "rfm_summary",
    "simple_clv",
    "simple_clv_schedule",
    "BetaGeo",
    "GammaGamma",
    "customer_lifetime_value",
    "frequency_recency_grid",
    "calibration_holdout",
    "simulate_bgnbd",
    "simulate_gamma_gamma",
]

#: Length of each time unit in days (a month is an average Gregorian month).
UNIT_DAYS = {"D": 1.0, "W": 7.0, "M": 365.25 / 12, "Y": 365.25}
_UNIT_NAMES = {"D": "days", "W": "weeks", "M": "months", "Y": "years"}
_DAY_NS = 86_400 * 10**9


class ConvergenceError(RuntimeError):
    """Raised when a model's likelihood maximisation did not converge; the message says what to try."""


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------
def _day_numbers(values: pd.Series, *, func: str, column: str, customer: str | None = None,
                 data: pd.DataFrame | None = None) -> np.ndarray:
    """Whole days since 1970-01-01 (int64) of a date column, through the one date reader."""
    frame = values.to_frame(column) if data is None else data
    return day_numbers(read_dates(frame, column, func=func, customer=customer))


def _day_number(value: Any, *, func: str, param: str) -> int:
    """A date parameter (string, Timestamp, datetime) as a whole day number (UTC)."""
    ts = read_date_param(value, func=func, param=param, example="1997-09-30")
    return int(np.datetime64(ts.normalize().to_datetime64(), "D").astype(np.int64))


def _as_day_string(day: int) -> str:
    return str(np.datetime64(int(day), "D"))


def _check_real(value: Any, *, func: str, param: str, minimum: float | None = None,
                strict: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{func}: {param} must be a number, got {type(value).__name__} {value!r}.")
    value = float(value)
    if not np.isfinite(value):
        raise CRMDataError(f"{func}: {param} must be a finite number, got {value!r}.")
    if minimum is not None and (value <= minimum if strict else value < minimum):
        word = "greater than" if strict else "at least"
        raise CRMDataError(f"{func}: {param} must be {word} {minimum:g}, got {value!r}.")
    return value


def _params_tuple(params: Any, names: tuple[str, ...], *, func: str) -> tuple[float, ...]:
    """Read model parameters from a dict, Series or sequence, in the order of ``names``."""
    if isinstance(params, (dict, pd.Series)):
        missing = [n for n in names if n not in params]
        if missing:
            raise CRMDataError(f"{func}: params lacks {missing}. Pass e.g. {dict.fromkeys(names, 1.0)}.")
        values = [params[n] for n in names]
    else:
        try:
            values = list(params)
        except TypeError:
            raise TypeError(f"{func}: params must be a dict, Series or sequence of {list(names)}, "
                            f"got {type(params).__name__}.") from None
        if len(values) != len(names):
            raise CRMDataError(f"{func}: params needs {len(names)} values {list(names)}, got {len(values)}.")
    out = []
    for n, v in zip(names, values):
        out.append(_check_real(v, func=func, param=f"params['{n}']", minimum=0.0, strict=True))
    return tuple(out)


def _summary_arrays(summary: Any, *, func: str, columns: dict[str, str], integer: tuple[str, ...] = (),
                    weights: str | None = None) -> dict[str, np.ndarray]:
    """Validate the numeric columns of a customer summary and return them as float arrays.

    ``columns`` maps a role ("frequency", "recency", "T", ...) to the column name the user passed;
    the keyword parameter to pass is the role's name.
    """
    check_table(summary, func=func, name="summary")
    for role, col in columns.items():
        check_columns(summary, [col], func=func, param=role)
    cols = list(columns.values())
    if weights is not None:
        check_columns(summary, [weights], func=func, param="weights")
        cols.append(weights)
    check_numeric(summary, cols, func=func)
    check_no_missing(summary, cols, func=func)
    out = {}
    for role, col in list(columns.items()) + ([("weights", weights)] if weights is not None else []):
        arr = summary[col].to_numpy(dtype=float)
        inf = ~np.isfinite(arr)
        if inf.any():
            raise CRMDataError(f"{func}: column '{col}' has {int(inf.sum())} infinite values "
                               f"(first: {first_offender(summary, inf)}). Drop or fix them first.")
        out[role] = arr
    check_non_negative(summary, cols, func=func)
    for role in integer:
        arr = out[role]
        frac = arr != np.round(arr)
        if frac.any():
            col = columns[role]
            raise CRMDataError(
                f"{func}: column '{col}' must hold whole numbers of repeat purchases; "
                f"{int(frac.sum())} rows do not (first: {first_offender(summary, frac)}, value {float(arr[frac][0]):g}). "
                "Build the summary with crmlearn.clv.rfm_summary(transactions)."
            )
    return out


def _check_recency_T(summary: pd.DataFrame, x: np.ndarray, tx: np.ndarray, T: np.ndarray, *, func: str,
                     recency: str, T_col: str, frequency: str) -> None:
    bad = tx > T * (1 + 1e-9) + 1e-12
    if bad.any():
        raise CRMDataError(
            f"{func}: {int(bad.sum())} rows have '{recency}' greater than '{T_col}' "
            f"(first: {first_offender(summary, bad)}, recency {float(tx[bad][0]):g} > T {float(T[bad][0]):g}). "
            "Recency is the time from the first to the last purchase and T the time from the first "
            "purchase to the end of the period, in the same unit; rebuild them with crmlearn.clv.rfm_summary."
        )
    bad = (x == 0) & (tx > 0)
    if bad.any():
        raise CRMDataError(
            f"{func}: {int(bad.sum())} rows have '{frequency}' 0 but '{recency}' > 0 "
            f"(first: {first_offender(summary, bad)}). Here recency is the time from the first to the "
            "last purchase (0 without repeat purchases), not the RFM 'time since the last purchase'. "
            "Rebuild the summary with crmlearn.clv.rfm_summary."
        )


def _time_arg(t: Any, summary: pd.DataFrame, *, func: str) -> np.ndarray | float:
    """A prediction horizon: a number, a column name, or one value per customer."""
    if isinstance(t, str):
        check_columns(summary, [t], func=func, param="t")
        check_numeric(summary, [t], func=func)
        check_no_missing(summary, [t], func=func)
        arr = summary[t].to_numpy(dtype=float)
    elif isinstance(t, (pd.Series, np.ndarray, list, tuple)):
        arr = np.asarray(t, dtype=float)
        if arr.ndim != 1 or len(arr) != len(summary):
            raise CRMDataError(f"{func}: t must be a number or hold one value per customer "
                               f"({len(summary)}), got shape {arr.shape}.")
    else:
        return _check_real(t, func=func, param="t", minimum=0.0)
    if np.any(~np.isfinite(arr)) or np.any(arr < 0):
        raise CRMDataError(f"{func}: t must be finite and non-negative; found {float(arr[(~np.isfinite(arr)) | (arr < 0)][0]):g}.")
    return arr


def _hessian_fd(grad_nat, p: np.ndarray, rel_step: float = 1e-5) -> np.ndarray:
    """Hessian of a function from central differences of its analytic gradient (natural scale)."""
    k = len(p)
    H = np.empty((k, k))
    with single_thread("blas"):
        for i in range(k):
            h = rel_step * p[i]
            up = p.copy()
            dn = p.copy()
            up[i] += h
            dn[i] -= h
            H[:, i] = (grad_nat(up) - grad_nat(dn)) / (2 * h)
    return (H + H.T) / 2


def _covariance(H: np.ndarray, model: str) -> np.ndarray:
    try:
        cov = np.linalg.inv(H)
    except np.linalg.LinAlgError:
        cov = np.full_like(H, np.nan)
    if not np.all(np.isfinite(np.diag(cov))) or np.any(np.diag(cov) <= 0):
        warnings.warn(f"{model}: the Hessian at the optimum is not positive definite, so standard errors "
                      "are not available (NaN). The data may not identify every parameter; try a penalizer.",
                      RuntimeWarning, stacklevel=3)
        cov = np.where(np.isfinite(cov), cov, np.nan)
    return cov


def _summary_table(params: pd.Series, cov: np.ndarray) -> pd.DataFrame:
    var = np.diag(cov)
    se = np.sqrt(np.where(var > 0, var, np.nan))
    est = params.to_numpy()
    # Wald interval on the log scale (delta method), so the bounds stay positive.
    half = 1.959963984540054 * se / est
    return pd.DataFrame({
        "estimate": est,
        "std_error": se,
        "lower_95": est * np.exp(-half),
        "upper_95": est * np.exp(half),
    }, index=pd.Index(params.index, name="parameter"))


#: A restarted fit whose gradient is this small (relative to the log-likelihood) has converged.
STATIONARY_GRADIENT = 1e-5


def _minimize(fun, x0: np.ndarray, *, model: str, max_iter: int, tol: float, hint: str):
    from scipy.optimize import minimize

    def run(start):
        return minimize(fun, start, jac=True, method="L-BFGS-B", bounds=[(-25.0, 25.0)] * len(x0),
                        options={"maxiter": max_iter, "ftol": tol, "gtol": 1e-7, "maxcor": 20})

    with single_thread("blas"), np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        res = run(x0)
        if not res.success and np.all(np.isfinite(res.x)) and np.isfinite(res.fun):
            # L-BFGS-B's line search can stop "ABNORMAL" on a flat likelihood; a restart from where
            # it stopped, with fresh curvature memory, settles it or confirms a stationary point
            again = run(res.x)
            if again.success or (np.isfinite(again.fun) and again.fun <= res.fun
                                 and np.max(np.abs(again.jac)) <= STATIONARY_GRADIENT * max(1.0, abs(again.fun))):
                again.success = True
                res = again
    if not res.success or not np.all(np.isfinite(res.x)) or not np.isfinite(res.fun):
        raise ConvergenceError(
            f"{model}.fit: the optimiser did not converge after {res.nit} iterations "
            f"(scipy says: {res.message}). Try: {hint}"
        )
    at_bound = np.abs(res.x) >= 25.0 - 1e-6
    if at_bound.any():
        warnings.warn(f"{model}.fit: a parameter ran to an extreme value (e^±25); the data hardly identify "
                      "it. Consider penalizer=0.001.", RuntimeWarning, stacklevel=3)
    return res


# --------------------------------------------------------------------------------------------
# RFM summary
# --------------------------------------------------------------------------------------------
def rfm_summary(transactions: pd.DataFrame, *, customer: str = "customer_id", date: str = "order_date",
                amount: str | None = None, as_of: Any = None, unit: str = "D", calibration_end: Any = None,
                holdout_end: Any = None, is_return: Any = _DEFAULT, tender: Any = _DEFAULT) -> pd.DataFrame:
    """Summarise a transaction log into the frequency / recency / T table the CLV models use.

    One row per customer. Purchases on the same day count as one purchase (their amounts add
    up). Times run from the customer's first purchase and are expressed in days (``unit="D"``)
    or weeks (``unit="W"``).

    Parameters
    ----------
    transactions : pandas.DataFrame, path(s) or DuckDB relation
        One row per transaction (Parquet or CSV files, or a DuckDB relation, are reduced in DuckDB,
        out of core, into the same table). Returns and lost tenders are not purchases (the purchase rule of
        :mod:`crmlearn.customers`): they count in no frequency, recency or ``T``; returns are
        netted against the customer's repeat spend (``monetary_value`` never below 0), so an
        order that was cancelled adds no lifetime value.
    customer : str, default "customer_id"
        Column with the customer id.
    date : str, default "order_date"
        Column with the purchase date (datetime, or text that ``pandas.to_datetime`` reads).
    amount : str, optional
        Column with the purchase amount; when given, ``monetary_value`` is added.
    as_of : date-like, optional
        End of the observation period (default: the last purchase date). Purchases after it are
        ignored. Use ``calibration_end`` instead when you split calibration and holdout.
    unit : {"D", "W", "M", "Y"}, default "D"
        Time unit of ``recency``, ``T`` and ``duration_holdout``: days, weeks, average months
        (30.44 days) or years (365.25 days).
    calibration_end : date-like, optional
        Last day of the calibration period (included). ``T`` runs to this day.
    holdout_end : date-like, optional
        Last day of the holdout period (included); needs ``calibration_end``. Adds the
        holdout columns.
    is_return : str or None, default "is_return"
        Column flagging returns (used when present); without it a row with a negative amount
        (``amount``, or an ``amount`` column) is a return. None: no return flag.
    tender : str or None, default "tender_result"
        Column whose value ``lost`` marks a bid that never became a sale (used when present).

    Returns
    -------
    pandas.DataFrame
        Indexed by customer (sorted), columns:

        - ``frequency``: repeat purchases = distinct purchase days minus one (int).
        - ``recency``: time from the first to the last purchase (0 without repeat purchases).
        - ``T``: time from the first purchase to the end of the (calibration) period.
        - ``monetary_value``: mean amount of the repeat purchases (0 without repeats); with ``amount``.
        - ``frequency_holdout``: distinct purchase days in the holdout period; with ``holdout_end``.
        - ``monetary_value_holdout``: mean amount per holdout purchase day (0 if none); with
          ``holdout_end`` and ``amount``.
        - ``duration_holdout``: length of the holdout period; with ``holdout_end``.

    Raises
    ------
    TypeError
        If ``transactions`` is not a DataFrame or the date column holds numbers.
    CRMDataError
        Missing columns or values, negative amounts, dates that cannot be read, an unknown
        ``unit``, ``as_of`` together with ``calibration_end``, ``holdout_end`` without or before
        ``calibration_end``, or no purchase in the (calibration) period.

    Warns
    -----
    UserWarning
        When customers whose first purchase falls after the (calibration) period are left out.

    See Also
    --------
    BetaGeo, GammaGamma : the models fitted on this table.

    Notes
    -----
    With purchase days :math:`d_0 < d_1 < \\dots < d_x` in the period ending on day :math:`E`:
    frequency :math:`= x`, recency :math:`= (d_x - d_0)/u`, :math:`T = (E - d_0)/u` with
    :math:`u` days per unit. This reproduces the CDNOW summary of Fader, Hardie & Lee (2005)
    (calibration ending 1997-09-30 included, weeks = days / 7). Customers first seen after the
    calibration period are left out: the models describe customers acquired in it.

    References
    ----------
    Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers" the easy way:
    an alternative to the Pareto/NBD model. *Marketing Science* 24(2), 275-284.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": ["A", "A", "A", "A", "B", "C", "C"],
    ...     "order_date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-15", "2024-02-10",
    ...                                   "2024-01-20", "2024-01-25", "2024-03-05"]),
    ...     "amount": [10.0, 5.0, 20.0, 40.0, 8.0, 12.0, 30.0]})
    >>> rfm_summary(tx, amount="amount")
                 frequency  recency     T  monetary_value
    customer_id
    A                    2     40.0  64.0            30.0
    B                    0      0.0  45.0             0.0
    C                    1     40.0  40.0            30.0

    Customer A bought twice on 1 January (one purchase of 15), then on 15 January (20) and
    10 February (40): two repeat purchases of mean 30. With a holdout, in weeks:

    >>> rfm_summary(tx, calibration_end="2024-01-31", holdout_end="2024-03-31", unit="W").round(2)
                 frequency  recency     T  frequency_holdout  duration_holdout
    customer_id
    A                    1      2.0  4.29                  1              8.57
    B                    0      0.0  1.57                  0              8.57
    C                    0      0.0  0.86                  1              8.57
    """
    func = "rfm_summary"
    if _is_source(transactions):   # Parquet/CSV files or a DuckDB relation: reduced in DuckDB, out of core
        from ._core import duck
        return duck.rfm_summary(transactions, customer=customer, date=date, amount=amount, as_of=as_of, unit=unit,
                                calibration_end=calibration_end, holdout_end=holdout_end, is_return=is_return,
                                tender=tender)
    sign = _rfm_check(transactions, customer=customer, date=date, amount=amount, unit=unit, as_of=as_of,
                      calibration_end=calibration_end, holdout_end=holdout_end, func=func)
    rule = purchase_rule(transactions, func=func, is_return=is_return, tender=tender, amount=sign,
                         customer=customer)
    if amount is not None:
        check_non_negative(transactions.loc[rule.buy], [amount], func=func, customer=customer)
    days = _day_numbers(transactions[date], func=func, column=date, customer=customer, data=transactions)
    end_day, end_name, hold_day = _rfm_period(days, as_of=as_of, calibration_end=calibration_end,
                                              holdout_end=holdout_end, func=func)
    codes, uniques = pd.factorize(customer_keys(transactions, customer, func=func), sort=False)
    n_buyers = len(np.unique(codes[rule.buy]))
    values = rule.amount if amount is not None else None
    in_cal = rule.buy & (days <= end_day)
    if not in_cal.any():
        first_day = _as_day_string(days[rule.buy].min()) if rule.buy.any() else "never (no purchase rows)"
        raise CRMDataError(f"{func}: no purchase on or before {end_name} ({_as_day_string(end_day)}); "
                           f"the first purchase is on {first_day}. Pass a later date.")
    cust, first, last, freq, dmin = _rfm_purchase_days(codes[in_cal], days[in_cal], end_day)
    scale = UNIT_DAYS[unit]
    out = {"frequency": freq, "recency": (last - first) / scale, "T": ((end_day - dmin) - first) / scale}
    if values is not None:
        returned = rule.ret & (days <= end_day)
        out["monetary_value"] = _rfm_repeat_value(codes, days, values, in_cal, returned, cust, first + dmin,
                                                  freq, len(uniques))
    if hold_day is not None:
        out.update(_rfm_holdout(codes, days, values, rule, end_day, hold_day, cust, len(uniques), scale))
    result = _rfm_frame(out, uniques, cust, customer)
    left_out = n_buyers - len(cust)
    if left_out:
        warnings.warn(f"{func}: {left_out} customers first bought after {end_name} "
                      f"({_as_day_string(end_day)}) and are left out: the summary describes customers "
                      "acquired by then.", UserWarning, stacklevel=2)
    return result


def _rfm_check(transactions, *, customer, date, amount, unit, as_of, calibration_end, holdout_end, func):
    """rfm_summary's input checks; returns the column whose sign marks returns (or None)."""
    check_table(transactions, func=func, name="transactions")
    if not isinstance(unit, str):
        raise TypeError(f"{func}: unit must be a string such as 'D' or 'W', got {type(unit).__name__}.")
    check_choice(unit, list(UNIT_DAYS), func=func, param="unit")
    check_columns(transactions, [customer], func=func, param="customer")
    check_columns(transactions, [date], func=func, param="date")
    sign = amount if amount is not None else optional_column(transactions, _DEFAULT, "amount", func=func,
                                                               param="amount")
    if amount is not None:
        check_columns(transactions, [amount], func=func, param="amount")
    cols = [customer, date] + ([sign] if sign else [])
    if sign:
        check_numeric(transactions, [sign], func=func, customer=customer)
    check_no_missing(transactions, cols, func=func, customer=customer)
    _check_period_args(as_of, calibration_end, holdout_end, func=func)
    return sign


def _check_period_args(as_of, calibration_end, holdout_end, *, func: str) -> None:
    """The observation period is named one way: as_of, or calibration_end (with holdout_end after it)."""
    if as_of is not None and calibration_end is not None:
        raise CRMDataError(f"{func}: pass either as_of or calibration_end, not both "
                           "(calibration_end is the end of the observation period when a holdout follows).")
    if holdout_end is not None and calibration_end is None:
        raise CRMDataError(f"{func}: holdout_end needs calibration_end (the holdout starts the day after it). "
                           "Pass e.g. calibration_end='1997-09-30'.")


def _rfm_period(days, *, as_of, calibration_end, holdout_end, func):
    """The last day of the (calibration) period, its parameter name, and the holdout's last day."""
    if calibration_end is not None:
        end_day, end_name = _day_number(calibration_end, func=func, param="calibration_end"), "calibration_end"
    elif as_of is not None:
        end_day, end_name = _day_number(as_of, func=func, param="as_of"), "as_of"
    else:
        end_day, end_name = int(days.max()), None
    hold_day = None
    if holdout_end is not None:
        hold_day = _day_number(holdout_end, func=func, param="holdout_end")
        if hold_day <= end_day:
            raise CRMDataError(f"{func}: holdout_end ({_as_day_string(hold_day)}) must be after "
                               f"calibration_end ({_as_day_string(end_day)}).")
    return end_day, end_name, hold_day


def _rfm_purchase_days(c, d, end_day):
    """Distinct purchase days per customer: customer codes (ascending), first and last day, repeats."""
    dmin = int(d.min())
    span = end_day - dmin + 1
    key = c.astype(np.int64)                 # one (customer, day) key per purchase, built in place
    key *= span
    key += d
    key -= dmin
    key.sort()
    new = np.empty(len(key), dtype=bool)
    new[0] = True
    np.not_equal(key[1:], key[:-1], out=new[1:])
    ukey = key[new]                           # distinct purchase days, by customer then day
    del key, new
    ucust = ukey // span
    change = np.empty(len(ucust), dtype=bool)
    change[0] = True
    np.not_equal(ucust[1:], ucust[:-1], out=change[1:])
    starts = np.flatnonzero(change)
    del change
    ends = np.r_[starts[1:], len(ucust)] - 1
    cust = ucust[starts]
    first = ukey[starts] % span
    last = ukey[ends] % span
    return cust, first, last, (ends - starts).astype(np.int64), dmin


def _rfm_repeat_value(codes, days, values, buy, returned, cust, first_day, freq, n_cust):
    """Mean net spend of the repeat purchase days: repeat purchases minus returns, never below 0."""
    c = codes[buy]
    v = values[buy]
    total = np.bincount(c, weights=v, minlength=n_cust)
    first_all = np.full(n_cust, -1, dtype=np.int64)
    first_all[cust] = first_day
    on_first = first_all[c] == days[buy]
    first_amt = np.bincount(c[on_first], weights=v[on_first], minlength=n_cust)
    rep = total - first_amt
    if returned.any():                        # returns (negative amounts) net against the repeat spend
        rep += np.bincount(codes[returned], weights=values[returned], minlength=n_cust)
    rep = np.maximum(clip_round_off(rep), 0.0)[cust]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(freq > 0, rep / np.maximum(freq, 1), 0.0)


def _rfm_holdout(codes, days, values, rule, end_day, hold_day, cust, n_cust, scale):
    """The holdout columns: purchase days, mean net spend per purchase day, and the length."""
    window = (days > end_day) & (days <= hold_day)
    in_hold = window & rule.buy
    hc = codes[in_hold]
    hspan = hold_day - end_day
    hkey = np.unique(hc.astype(np.int64) * hspan + (days[in_hold] - (end_day + 1)))
    hn = np.bincount(hkey // hspan, minlength=n_cust)[cust].astype(np.int64)
    out = {"frequency_holdout": hn}
    if values is not None:
        spent = window & (rule.buy | rule.ret)
        htotal = np.bincount(codes[spent], weights=values[spent], minlength=n_cust)[cust]
        htotal = np.maximum(clip_round_off(htotal), 0.0)
        out["monetary_value_holdout"] = np.where(hn > 0, htotal / np.maximum(hn, 1), 0.0)
    out["duration_holdout"] = np.full(len(cust), (hold_day - end_day) / scale)
    return out


def _rfm_frame(out, uniques, cust, customer):
    """The summary table on the customer index, sorted by id when the ids can be sorted."""
    index = pd.Index(uniques.take(cust), name=customer)
    result = pd.DataFrame(out, index=index)
    try:
        order = np.argsort(index.to_numpy(), kind="stable")
    except TypeError:                         # ids of mixed types cannot be sorted: keep first-seen order
        order = None
    if order is not None and not (np.diff(order) > 0).all():
        result = result.iloc[order]
    return result


# --------------------------------------------------------------------------------------------
# simple CLV
# --------------------------------------------------------------------------------------------
def _simple_clv_inputs(margin, retention, discount_rate, func, infinite=True):
    arrays = {}
    for name, value in (("margin", margin), ("retention", retention), ("discount_rate", discount_rate)):
        if isinstance(value, bool) or isinstance(value, str):
            raise TypeError(f"{func}: {name} must be a number or an array of numbers, got {type(value).__name__}.")
        try:
            arr = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(f"{func}: {name} must be a number or an array of numbers, got {value!r}.") from None
        if np.isnan(arr).any():
            raise CRMDataError(f"{func}: {name} has missing values. Drop or fill them first.")
        arrays[name] = arr
    r, d = arrays["retention"], arrays["discount_rate"]
    if ((r < 0) | (r > 1)).any():
        raise CRMDataError(f"{func}: retention must be between 0 and 1, found {float(r[(r < 0) | (r > 1)].flat[0]):g}. "
                           "For 80% pass retention=0.8.")
    if (d <= -1).any() or not np.isfinite(d).all():
        raise CRMDataError(f"{func}: discount_rate must be greater than -1 (e.g. 0.1 for 10%), "
                           f"found {float(d[(d <= -1) | ~np.isfinite(d)].flat[0]):g}.")
    if infinite and ((r >= 1) & (d <= 0)).any():
        raise CRMDataError(f"{func}: with retention 1 and discount_rate <= 0 the infinite-horizon value is "
                           "unbounded. Pass periods=... or a positive discount_rate.")
    return arrays["margin"], r, d


def simple_clv(margin, retention, discount_rate, *, periods: int | None = None):
    """Customer lifetime value with a constant margin, retention rate and discount rate.

    The textbook formula: a customer brings ``margin`` at the end of each period she is still a
    customer, stays from one period to the next with probability ``retention``, and money is
    discounted at ``discount_rate`` per period.

    Parameters
    ----------
    margin : float or array-like
        Margin (profit contribution) per period of a retained customer.
    retention : float or array-like
        Retention rate per period, in [0, 1].
    discount_rate : float or array-like
        Discount rate per period (0.1 for 10%), greater than -1.
    periods : int, optional
        Horizon in periods; ``None`` (default) for an infinite horizon.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        The value, broadcast over the inputs: a float for scalars, a Series (with the first
        Series' index) when any input is a Series, else an array.

    Raises
    ------
    TypeError
        For text or other non-numeric inputs.
    CRMDataError
        Retention outside [0, 1], discount rate <= -1, missing values, an unbounded value
        (retention 1 without discounting over an infinite horizon).

    See Also
    --------
    simple_clv_schedule : the same sum period by period.
    customer_lifetime_value : CLV from fitted BG/NBD and Gamma-Gamma models.

    Notes
    -----
    Assumptions: the margin :math:`m` and retention :math:`r` are the same every period and for
    every customer in the group; the customer has just been acquired (the acquisition margin is
    not counted) and is retained into period :math:`t` with probability :math:`r^t`; the margin of
    period :math:`t` arrives at its end and is discounted by :math:`(1+d)^t`.

    .. math::

        CLV = \\sum_{t=1}^{n} \\frac{m\\,r^t}{(1+d)^t}
            = m\\,q\\,\\frac{1-q^n}{1-q},\\quad q = \\frac{r}{1+d},
        \\qquad CLV_{n\\to\\infty} = \\frac{m\\,r}{1+d-r}.

    References
    ----------
    Gupta, S. & Lehmann, D. R. (2003). Customers as assets. *Journal of Interactive Marketing*
    17(1), 9-24. Berger, P. D. & Nasr, N. I. (1998). Customer lifetime value: marketing models
    and applications. *Journal of Interactive Marketing* 12(1), 17-30.

    Examples
    --------
    >>> simple_clv(100, 0.8, 0.1)
    266.666...
    >>> round(simple_clv(100, 0.8, 0.1, periods=5), 2)
    212.41
    >>> simple_clv([100, 200], [0.8, 0.9], 0.1)
    array([266.66666667, 900.        ])
    """
    func = "simple_clv"
    series = next((v for v in (margin, retention, discount_rate) if isinstance(v, pd.Series)), None)
    m, r, d = _simple_clv_inputs(margin, retention, discount_rate, func, infinite=periods is None)
    if periods is not None:
        n = check_positive_int(periods, func=func, param="periods", minimum=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        if periods is None:
            value = m * r / (1 + d - r)
        else:
            q = r / (1 + d)
            geometric = np.where(np.isclose(q, 1.0), n, q * (1 - q**n) / np.where(np.isclose(q, 1.0), 1.0, 1 - q))
            value = m * np.where(np.isclose(q, 1.0), n * q, geometric)
    value = np.asarray(value, dtype=float)
    if series is not None:
        return pd.Series(np.broadcast_to(value, (len(series),)) if value.ndim == 0 else value,
                         index=series.index, name="clv")
    if value.ndim == 0:
        return float(value)
    return value


def simple_clv_schedule(margin: float, retention: float, discount_rate: float, *, periods: int = 10) -> pd.DataFrame:
    """The simple CLV sum period by period, for teaching and plots.

    Parameters
    ----------
    margin, retention, discount_rate : float
        As in :func:`simple_clv` (scalars).
    periods : int, default 10
        Number of periods shown.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``period`` 1..periods, columns ``survival`` (:math:`r^t`), ``discount_factor``
        (:math:`(1+d)^{-t}`), ``expected_margin`` (:math:`m r^t`), ``present_value`` (discounted
        expected margin) and ``cumulative_clv``. ``attrs["clv_infinite"]`` holds the
        infinite-horizon value.

    Raises
    ------
    TypeError, CRMDataError
        As :func:`simple_clv`.

    See Also
    --------
    simple_clv

    Examples
    --------
    >>> schedule = simple_clv_schedule(100, 0.8, 0.1, periods=3)
    >>> schedule[["survival", "present_value", "cumulative_clv"]].round(2)
            survival  present_value  cumulative_clv
    period
    1           0.80          72.73           72.73
    2           0.64          52.89          125.62
    3           0.51          38.47          164.09
    >>> round(schedule.attrs["clv_infinite"], 2)
    266.67
    """
    func = "simple_clv_schedule"
    for name, value in (("margin", margin), ("retention", retention), ("discount_rate", discount_rate)):
        _check_real(value, func=func, param=name)
    m, r, d = (float(a) for a in _simple_clv_inputs(margin, retention, discount_rate, func, infinite=False))
    n = check_positive_int(periods, func=func, param="periods")
    t = np.arange(1, n + 1)
    survival = r**t
    disc = (1 + d) ** -t.astype(float)
    pv = m * survival * disc
    out = pd.DataFrame({"survival": survival, "discount_factor": disc, "expected_margin": m * survival,
                        "present_value": pv, "cumulative_clv": np.cumsum(pv)},
                       index=pd.RangeIndex(1, n + 1, name="period"))
    out.attrs["clv_infinite"] = m * r / (1 + d - r) if (1 + d - r) > 0 else np.inf
    return out


# --------------------------------------------------------------------------------------------
# BG/NBD
# --------------------------------------------------------------------------------------------
class _FittedModel(Model):
    """Settings, printing and the parameter summary shared by :class:`BetaGeo` and :class:`GammaGamma`.

    ``get_params``/``set_params`` and the fitted check come from :class:`crmlearn._core.model.Model`.
    """

    _names: tuple = ()

    def __init__(self, penalizer: float = 0.0, *, max_iter: int = 2000, tol: float = 1e-12,
                 initial_params: dict | None = None):
        self.penalizer = penalizer
        self.max_iter = max_iter
        self.tol = tol
        self.initial_params = initial_params

    def __repr__(self) -> str:
        if getattr(self, "params_", None) is None:
            return f"{type(self).__name__}(penalizer={self.penalizer!r})"
        p = ", ".join(f"{k}={v:.4g}" for k, v in self.params_.items())
        return f"{type(self).__name__}({p}; fitted on {self.n_customers_:,} customers)"

    def summary(self) -> pd.DataFrame:
        """The fitted parameters with standard errors.

        Returns
        -------
        pandas.DataFrame
            Indexed by parameter, columns ``estimate``, ``std_error`` (from the inverse Hessian),
            ``lower_95``, ``upper_95`` (Wald interval on the log scale).
        """
        check_fitted(self)
        return _summary_table(self.params_, self.covariance_.to_numpy())


class BetaGeo(_FittedModel):
    """The BG/NBD model: how often customers buy and whether they are still "alive".

    Each customer buys at a steady rate while active (Poisson, rate :math:`\\lambda`); after each
    repeat purchase she may leave for good, with probability :math:`p`. Rates vary across
    customers as Gamma(r, alpha), dropout probabilities as Beta(a, b). The model sees only the
    frequency, recency and age of each customer (:func:`rfm_summary`).

    Parameters
    ----------
    penalizer : float, default 0.0
        L2 penalty on the parameters, ``penalizer * (r^2 + alpha^2 + a^2 + b^2)`` added to the
        mean negative log-likelihood per customer. Try 0.001-0.1 when a fit does not converge or
        a parameter runs away (small data).
    max_iter : int, default 2000
        Maximum optimiser iterations.
    tol : float, default 1e-12
        Relative tolerance on the objective (scipy L-BFGS-B ``ftol``).
    initial_params : dict, optional
        Starting values of r, alpha, a, b (default: r=1, alpha = mean T / mean repeat rate, a=1, b=1).

    Attributes
    ----------
    params_ : pandas.Series
        Fitted r, alpha, a, b.
    log_likelihood_ : float
        Log-likelihood at the fit (without the penalty).
    covariance_ : pandas.DataFrame
        Inverse Hessian of the negative log-likelihood (penalty included when used).
    n_customers_ : int
        Number of customers (sum of weights) fitted.
    max_frequency_, max_T_ : float
        Largest frequency and age in the fitted data (defaults for the plots).
    n_iter_ : int
        Optimiser iterations.

    See Also
    --------
    rfm_summary : builds the input table.
    GammaGamma : the spend model that goes with it.
    customer_lifetime_value

    Notes
    -----
    Likelihood of a customer with :math:`x` repeat purchases, the last at :math:`t_x`, observed
    for :math:`T` (Fader, Hardie & Lee 2005, eq. 6):

    .. math::

        L = \\frac{B(a, b+x)}{B(a, b)} \\frac{\\Gamma(r+x)\\,\\alpha^r}{\\Gamma(r)}
            \\left[(\\alpha+T)^{-(r+x)} + \\delta_{x>0}\\frac{a}{b+x-1}(\\alpha+t_x)^{-(r+x)}\\right]

    computed on the log scale (``gammaln``, ``betaln``, ``logaddexp``) and maximised over the
    log-parameters with scipy's L-BFGS-B and the analytic gradient. Standard errors come from
    the Hessian (central differences of the analytic gradient). Conditional expectations use
    the Euler transform of the Gauss hypergeometric function, whose parameters do not grow
    with :math:`x`, so large frequencies stay finite.

    References
    ----------
    Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers" the easy way:
    an alternative to the Pareto/NBD model. *Marketing Science* 24(2), 275-284.

    Examples
    --------
    >>> data = simulate_bgnbd(5000, {"r": 0.25, "alpha": 4.0, "a": 0.8, "b": 2.5}, T=52, random_state=1)
    >>> bg = BetaGeo().fit(data)
    >>> bg.summary().round(2)
               estimate  std_error  lower_95  upper_95
    parameter
    r              0.25       0.01      0.23      0.26
    alpha          3.77       0.19      3.42      4.17
    a              0.76       0.08      0.62      0.93
    b              2.17       0.30      1.66      2.84
    >>> bool(bg.probability_alive(data).between(0, 1).all())
    True
    >>> round(bg.expected_purchases_new(52), 2)
    1.59
    """

    _names = ("r", "alpha", "a", "b")


    # --- data ---------------------------------------------------------------------------
    def _arrays(self, summary, frequency, recency, T, func, weights=None):
        arr = _summary_arrays(summary, func=func, columns={"frequency": frequency, "recency": recency, "T": T},
                              integer=("frequency",), weights=weights)
        _check_recency_T(summary, arr["frequency"], arr["recency"], arr["T"], func=func, recency=recency,
                         T_col=T, frequency=frequency)
        return arr

    # --- likelihood -------------------------------------------------------------------------
    @staticmethod
    def _prepare(x, tx, T, w):
        ux, inv = np.unique(x, return_inverse=True)
        W_u = np.bincount(inv, weights=w, minlength=len(ux))
        pos = x > 0
        zero = ~pos
        return {
            "ux": ux, "W_u": W_u, "W": float(w.sum()),
            "T0": T[zero], "w0": w[zero],
            "xp": x[pos], "txp": tx[pos], "Tp": T[pos], "wp": w[pos],
            "invp": inv[pos], "upos": ux > 0,
        }

    @staticmethod
    def _ll_grad(p, D):
        """Total log-likelihood and its gradient in natural parameters."""
        from scipy.special import betaln, digamma, gammaln

        r, al, a, b = p
        ux, W_u = D["ux"], D["W_u"]
        ll = np.dot(W_u, gammaln(r + ux) - gammaln(r) + betaln(a, b + ux) - betaln(a, b)) + D["W"] * r * np.log(al)
        dr = np.dot(W_u, digamma(r + ux) - digamma(r)) + D["W"] * np.log(al)
        dal = D["W"] * r / al
        psi_ab = digamma(a + b)
        psi_abx = digamma(a + b + ux)
        da = np.dot(W_u, psi_ab - psi_abx)
        db = np.dot(W_u, digamma(b + ux) - psi_abx - digamma(b) + psi_ab)
        # customers without repeat purchases: -r log(alpha + T)
        if len(D["T0"]):
            lT0 = np.log(al + D["T0"])
            ll -= r * np.dot(D["w0"], lT0)
            dr -= np.dot(D["w0"], lT0)
            dal -= r * np.dot(D["w0"], 1.0 / (al + D["T0"]))
        if len(D["xp"]):
            xp, wp, invp = D["xp"], D["wp"], D["invp"]
            # per unique x > 0 (the zero slot is never indexed by invp)
            bx1 = np.where(D["upos"], b + ux - 1.0, 1.0)
            log_a_bx1 = np.log(a) - np.log(bx1)
            aT = al + D["Tp"]
            at = al + D["txp"]
            lT = np.log(aT)
            lt = np.log(at)
            rx = r + xp
            u3 = -rx * lT
            u4 = log_a_bx1[invp] - rx * lt
            m = np.logaddexp(u3, u4)
            w4 = np.exp(u4 - m)
            w3 = 1.0 - w4
            ll += np.dot(wp, m)
            dr -= np.dot(wp, w3 * lT + w4 * lt)
            dal -= np.dot(wp, rx * (w3 / aT + w4 / at))
            ww4 = wp * w4
            da += ww4.sum() / a
            db -= np.dot(ww4, (1.0 / bx1)[invp])
        return ll, np.array([dr, dal, da, db])

    def _initial(self, x, T, w):
        if self.initial_params is not None:
            return np.log(_params_tuple(self.initial_params, self._names, func=f"{type(self).__name__}.fit"))
        mean_T = max(float(np.average(T, weights=w)), 1e-8)
        mean_x = max(float(np.average(x, weights=w)), 0.1)
        return np.log([1.0, mean_T / mean_x, 1.0, 1.0])

    def fit(self, summary: pd.DataFrame, *, frequency: str = "frequency", recency: str = "recency",
            T: str = "T", weights: str | None = None) -> "BetaGeo":
        """Fit the model by maximum likelihood.

        Parameters
        ----------
        summary : pandas.DataFrame
            One row per customer (see :func:`rfm_summary`).
        frequency, recency, T : str
            Columns with the repeat purchases (whole numbers), the time of the last purchase
            since the first, and the age, in the same unit.
        weights : str, optional
            Column counting customers with that row's pattern (for aggregated data).

        Returns
        -------
        BetaGeo
            ``self``, fitted.

        Raises
        ------
        CRMDataError
            Missing columns, missing or negative values, non-integer frequency, recency > T,
            recency > 0 with frequency 0, an empty table.
        ConvergenceError
            When the optimiser does not converge (the message names what to try).
        """
        func = f"{type(self).__name__}.fit"
        penalizer = _check_real(self.penalizer, func=func, param="penalizer", minimum=0.0)
        max_iter = check_positive_int(self.max_iter, func=func, param="max_iter")
        tol = _check_real(self.tol, func=func, param="tol", minimum=0.0, strict=True)
        arr = self._arrays(summary, frequency, recency, T, func, weights=weights)
        x, tx, TT = arr["frequency"], arr["recency"], arr["T"]
        w = arr.get("weights", np.ones_like(x))
        D = self._prepare(x, tx, TT, w)
        n = D["W"]
        if n <= 0:
            raise CRMDataError(f"{func}: the weights sum to 0. Pass positive counts of customers.")

        def objective(logp):
            p = np.exp(logp)
            ll, g = self._ll_grad(p, D)
            f = -ll / n + penalizer * np.dot(p, p)
            grad = -g * p / n + 2 * penalizer * p * p
            if not np.isfinite(f):
                return np.inf, np.zeros_like(p)
            return f, grad

        res = _minimize(objective, self._initial(x, TT, w), model=type(self).__name__, max_iter=max_iter,
                        tol=tol, hint="BetaGeo(penalizer=0.001) to shrink extreme parameters; check that "
                        "recency and T use the same unit and that recency is first-to-last purchase; "
                        "measure time in weeks rather than days; or raise max_iter.")
        p = np.exp(res.x)
        self.params_ = pd.Series(p, index=list(self._names), name="estimate")
        self.log_likelihood_ = float(self._ll_grad(p, D)[0])

        def grad_nat(q):
            return -self._ll_grad(q, D)[1] + 2 * penalizer * n * q

        cov = _covariance(_hessian_fd(grad_nat, p), type(self).__name__)
        self.covariance_ = pd.DataFrame(cov, index=list(self._names), columns=list(self._names))
        self.n_customers_ = int(round(n))
        self.max_frequency_ = float(x.max())
        self.max_T_ = float(TT.max())
        self.n_iter_ = int(res.nit)
        return self

    # --- predictions ----------------------------------------------------------------------
    def _p(self):
        check_fitted(self)
        return tuple(float(self.params_[n]) for n in self._names)

    @staticmethod
    def _log_alive_odds(x, tx, T, r, al, a, b):
        """log of a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x) for x > 0 (-inf for x = 0)."""
        with np.errstate(divide="ignore", invalid="ignore"):
            out = (np.log(a) - np.log(b + x - 1.0)) + (r + x) * (np.log(al + T) - np.log(al + tx))
        return np.where(x > 0, out, -np.inf)

    @classmethod
    def _conditional_expected(cls, x, tx, T, t, r, al, a, b):
        from scipy.special import expit, hyp2f1

        x, tx, T, t = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (x, tx, T, t)))
        z = t / (al + T + t)
        c = a + b + x - 1.0
        # Euler transform: (1-z)^(r+x) 2F1(r+x, b+x; c; z) = (1-z)^(a-1) 2F1(a+b-1-r, a-1; c; z);
        # its parameters do not grow with x.
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            F = hyp2f1(a + b - 1.0 - r, a - 1.0, c, z)
            Q = c / (a - 1.0) * (1.0 - np.exp((a - 1.0) * np.log1p(-z)) * F)
            # Q = E[(1 - (1 + p s)^-(r+x)) / p] over p ~ Beta(a, b+x), s = t / (alpha+T): it lies in
            # [0, (r+x) s] and below E[1/p] = c/(a-1) when a > 1. Where scipy's hyp2f1 fails (extreme
            # parameters, z near 1, a near 1) the value is recomputed by quadrature.
            k = r + x
            s = t / (al + T)
            bad = ~np.isfinite(Q) | (Q < -1e-12) | (Q > k * s * (1 + 1e-8) + 1e-300)
            if a > 1:
                bad |= Q > c / (a - 1.0) * (1 + 1e-8)
            if abs(a - 1.0) < 1e-6:
                bad[...] = True
            bad &= t > 0
        if bad.any():
            Q = np.array(Q, dtype=float)
            Q[bad] = _beta_expectation(k[bad], (b + x)[bad], s[bad], a)
        alive = expit(-cls._log_alive_odds(x, tx, T, r, al, a, b))
        return np.where(t > 0, np.maximum(Q, 0.0) * alive, 0.0)

    def expected_purchases(self, summary: pd.DataFrame, t, *, frequency: str = "frequency",
                           recency: str = "recency", T: str = "T") -> pd.Series:
        """Expected number of purchases of each customer in the next ``t`` time units.

        Parameters
        ----------
        summary : pandas.DataFrame
            One row per customer (as for :meth:`fit`).
        t : float, array-like or str
            Horizon in the summary's time unit: one number, one per customer, or a column name
            (e.g. ``"duration_holdout"``).
        frequency, recency, T : str
            Column names.

        Returns
        -------
        pandas.Series
            ``expected_purchases``, indexed like ``summary``.

        Notes
        -----
        Fader, Hardie & Lee (2005), eq. 10:

        .. math::

            E[Y(t)\\mid x, t_x, T] = \\frac{\\frac{a+b+x-1}{a-1}\\left[1 -
            \\left(\\frac{\\alpha+T}{\\alpha+T+t}\\right)^{r+x}
            {}_2F_1\\!\\left(r+x, b+x; a+b+x-1; \\tfrac{t}{\\alpha+T+t}\\right)\\right]}
            {1 + \\delta_{x>0}\\frac{a}{b+x-1}\\left(\\frac{\\alpha+T}{\\alpha+t_x}\\right)^{r+x}}
        """
        func = f"{type(self).__name__}.expected_purchases"
        params = self._p()
        arr = self._arrays(summary, frequency, recency, T, func)
        tt = _time_arg(t, summary, func=func)
        out = self._conditional_expected(arr["frequency"], arr["recency"], arr["T"], tt, *params)
        return pd.Series(out, index=summary.index, name="expected_purchases")

    def probability_alive(self, summary: pd.DataFrame, *, frequency: str = "frequency", recency: str = "recency",
                          T: str = "T") -> pd.Series:
        """Probability that each customer is still active at the end of the observation period.

        Returns
        -------
        pandas.Series
            ``probability_alive`` in [0, 1], indexed like ``summary`` (1 for customers without a
            repeat purchase: in BG/NBD a customer can only leave right after a repeat purchase).

        Notes
        -----
        .. math::

            P(\\text{alive}\\mid x, t_x, T) = \\left[1 + \\delta_{x>0}\\frac{a}{b+x-1}
            \\left(\\frac{\\alpha+T}{\\alpha+t_x}\\right)^{r+x}\\right]^{-1}
        """
        from scipy.special import expit

        func = f"{type(self).__name__}.probability_alive"
        r, al, a, b = self._p()
        arr = self._arrays(summary, frequency, recency, T, func)
        lo = self._log_alive_odds(arr["frequency"], arr["recency"], arr["T"], r, al, a, b)
        return pd.Series(expit(-lo), index=summary.index, name="probability_alive")

    def expected_purchases_new(self, t):
        """Expected number of repeat purchases of a new customer in her first ``t`` time units.

        Parameters
        ----------
        t : float or array-like
            Time since the first purchase, in the unit of the fitted data.

        Returns
        -------
        float or numpy.ndarray

        Notes
        -----
        .. math::

            E[X(t)] = \\frac{a+b-1}{a-1}\\left[1 - \\left(\\frac{\\alpha}{\\alpha+t}\\right)^r
            {}_2F_1\\!\\left(r, b; a+b-1; \\tfrac{t}{\\alpha+t}\\right)\\right]
        """
        func = f"{type(self).__name__}.expected_purchases_new"
        params = self._p()
        tt = np.asarray(t, dtype=float)
        if not np.all(np.isfinite(tt)) or np.any(tt < 0):
            raise CRMDataError(f"{func}: t must be finite and non-negative, got {t!r}.")
        out = self._conditional_expected(0.0, 0.0, 0.0, tt, *params)
        return float(out) if out.ndim == 0 else out

    def probability_of_n_purchases(self, t, n):
        """Probability that a new customer makes exactly ``n`` repeat purchases in ``(0, t]``.

        Parameters
        ----------
        t : float
            Length of the period, in the unit of the fitted data.
        n : int or array-like of int
            Number(s) of repeat purchases.

        Returns
        -------
        float or numpy.ndarray

        Notes
        -----
        Fader, Hardie & Lee (2005), eq. 8, with the negative binomial sum written as a
        regularised incomplete beta function :math:`I`:

        .. math::

            P(X(t)=n) = \\frac{B(a,b+n)}{B(a,b)}\\frac{\\Gamma(r+n)}{\\Gamma(r)\\,n!}
            \\left(\\frac{\\alpha}{\\alpha+t}\\right)^r\\left(\\frac{t}{\\alpha+t}\\right)^n
            + \\delta_{n>0}\\frac{B(a+1,b+n-1)}{B(a,b)}\\,I_{t/(\\alpha+t)}(n, r)
        """
        from scipy.special import betainc, betaln, gammaln, xlogy

        func = f"{type(self).__name__}.probability_of_n_purchases"
        r, al, a, b = self._p()
        t = _check_real(t, func=func, param="t", minimum=0.0)
        nn = np.asarray(n)
        if nn.dtype.kind not in "iu" and not (nn.dtype.kind == "f" and np.all(nn == np.round(nn))):
            raise TypeError(f"{func}: n must be a whole number or an array of whole numbers, got {n!r}.")
        nn = nn.astype(float)
        if np.any(nn < 0):
            raise CRMDataError(f"{func}: n must be non-negative, got {n!r}.")
        q = t / (al + t)
        first = np.exp(betaln(a, b + nn) - betaln(a, b) + gammaln(r + nn) - gammaln(r) - gammaln(nn + 1)
                       + r * (np.log(al) - np.log(al + t)) + xlogy(nn, q))
        with np.errstate(invalid="ignore", divide="ignore"):
            second = np.where(nn > 0, np.exp(betaln(a + 1, np.maximum(b + nn - 1, 1e-300)) - betaln(a, b))
                              * betainc(np.maximum(nn, 1), r, q), 0.0)
        out = first + second
        return float(out) if out.ndim == 0 else out


def _beta_expectation(k, beta, s, a, *, max_nodes: int = 4001) -> np.ndarray:
    """E[(1 - (1 + p s)^-k) / p] for p ~ Beta(a, beta), by the trapezoid rule on y = logit(p).

    The fallback of :meth:`BetaGeo._conditional_expected` where scipy's hyp2f1 fails. On the
    logit scale the integrand is smooth (analytic in a strip of half-width pi) and decays
    exponentially, so the trapezoid rule converges geometrically; the grid spans the mode
    +/- 8 sd plus the exponential tails (40/a to the left, 40/beta to the right).
    """
    from scipy.special import betaln, polygamma

    k, beta, s = (np.asarray(v, dtype=float).ravel() for v in (k, beta, s))
    out = np.empty(len(k))
    ystar = np.log(a) - np.log(beta)
    sd = np.minimum(np.sqrt(polygamma(1, a) + polygamma(1, beta)), 50.0)
    lo = ystar - 8 * sd - 40.0 / a
    hi = ystar + 8 * sd + 40.0 / beta
    step = np.minimum(0.5, sd / 3)
    n = int(min(max_nodes, np.max(np.ceil((hi - lo) / step)) + 1))
    h = (hi - lo) / (n - 1)
    w = np.ones(n)
    w[0] = w[-1] = 0.5
    j = np.arange(n)
    chunk = max(1, 2_000_000 // n)
    for start in range(0, len(k), chunk):         # chunks of customers bound the memory (n nodes each)
        sl = slice(start, start + chunk)
        y = lo[sl, None] + h[sl, None] * j[None, :]
        softplus = np.logaddexp(0.0, y)            # -log(1 - p)
        logdens = a * y - (a + beta[sl, None]) * softplus - betaln(a, beta[sl])[:, None]
        u = np.exp(y - softplus + np.log(s[sl])[:, None])     # p s
        kk = k[sl, None]
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            ratio = np.where(u < 1e-8, kk * (1 - (kk + 1) * u / 2), -np.expm1(-kk * np.log1p(u)) / u)
        out[sl] = s[sl] * h[sl] * ((np.exp(logdens) * ratio) @ w)
    return out


# --------------------------------------------------------------------------------------------
# Gamma-Gamma
# --------------------------------------------------------------------------------------------
class GammaGamma(_FittedModel):
    """The Gamma-Gamma model of spend per purchase.

    Each purchase of a customer is Gamma(p, nu) around her own mean p/nu; the nu vary across
    customers as Gamma(q, gamma). Fitted on the customers with at least one repeat purchase,
    from their number of repeat purchases and mean repeat spend. It assumes spend per purchase
    does not depend on how often a customer buys (check the correlation first).

    Parameters
    ----------
    penalizer : float, default 0.0
        L2 penalty ``penalizer * (p^2 + q^2 + gamma^2)`` added to the mean negative
        log-likelihood.
    max_iter : int, default 2000
    tol : float, default 1e-12
    initial_params : dict, optional
        Starting values of p, q, gamma.

    Attributes
    ----------
    params_ : pandas.Series
        Fitted p, q, gamma.
    log_likelihood_ : float
    covariance_ : pandas.DataFrame
    n_customers_ : int
        Customers used in the fit (those with frequency > 0).
    mean_spend_ : float
        Population mean spend per purchase, :math:`p\\gamma/(q-1)` (infinite when q <= 1).

    See Also
    --------
    BetaGeo, customer_lifetime_value

    Notes
    -----
    For a customer with :math:`x` repeat purchases of mean :math:`\\bar z` (Fader & Hardie 2013):

    .. math::

        f(\\bar z\\mid x) = \\frac{\\Gamma(px+q)}{\\Gamma(px)\\Gamma(q)}
        \\frac{\\gamma^q\\,x^{px}\\,\\bar z^{px-1}}{(\\gamma + x\\bar z)^{px+q}},
        \\qquad E[M\\mid x, \\bar z] = \\frac{q-1}{px+q-1}\\frac{p\\gamma}{q-1}
        + \\frac{px}{px+q-1}\\bar z.

    References
    ----------
    Fader, P. S. & Hardie, B. G. S. (2013). The Gamma-Gamma model of monetary value.
    http://brucehardie.com/notes/025/. Colombo, R. & Jiang, W. (1999). A stochastic RFM model.
    *Journal of Interactive Marketing* 13(3), 2-12.

    Examples
    --------
    >>> data = simulate_bgnbd(3000, {"r": 0.5, "alpha": 4.0, "a": 0.8, "b": 2.5}, T=52, random_state=2)
    >>> data["monetary_value"] = simulate_gamma_gamma(data["frequency"], {"p": 6.0, "q": 4.0, "gamma": 15.0},
    ...                                               random_state=3)
    >>> gg = GammaGamma().fit(data)
    >>> gg.n_customers_
    2181
    >>> gg.expected_spend(data).head(3).round(2)
    customer_id
    0    29.62
    1    20.11
    2    19.96
    Name: expected_spend, dtype: float64
    """

    _names = ("p", "q", "gamma")


    @staticmethod
    def _arrays(summary, frequency, monetary_value, func, weights=None):
        return _summary_arrays(summary, func=func, columns={"frequency": frequency, "monetary_value": monetary_value},
                               integer=("frequency",), weights=weights)

    @staticmethod
    def _ll_grad(p_, D):
        from scipy.special import digamma, gammaln

        p, q, g = p_
        ux, W_u = D["ux"], D["W_u"]
        px = p * ux
        ll = (np.dot(W_u, gammaln(px + q) - gammaln(px)) - D["W"] * gammaln(q) + D["W"] * q * np.log(g)
              + p * D["sum_wx_lxm"] - D["sum_w_lm"])
        dig_pxq = digamma(px + q)
        dp = np.dot(W_u, ux * (dig_pxq - digamma(px))) + D["sum_wx_lxm"]
        dq = np.dot(W_u, dig_pxq) - D["W"] * digamma(q) + D["W"] * np.log(g)
        xmg = D["xm"] + g
        lxmg = np.log(xmg)
        pxq = p * D["x"] + q
        ll -= np.dot(D["w"], pxq * lxmg)
        dp -= np.dot(D["wx"], lxmg)
        dq -= np.dot(D["w"], lxmg)
        dg = D["W"] * q / g - np.dot(D["w"], pxq / xmg)
        return ll, np.array([dp, dq, dg])

    def fit(self, summary: pd.DataFrame, *, frequency: str = "frequency",
            monetary_value: str = "monetary_value", weights: str | None = None) -> "GammaGamma":
        """Fit the model on the customers with repeat purchases.

        Parameters
        ----------
        summary : pandas.DataFrame
            One row per customer (see :func:`rfm_summary` with ``amount=``).
        frequency : str, default "frequency"
            Repeat purchases (whole numbers); rows with 0 are skipped.
        monetary_value : str, default "monetary_value"
            Mean spend of the repeat purchases (must be positive where frequency > 0).
        weights : str, optional
            Column counting customers with that row's pattern.

        Returns
        -------
        GammaGamma
            ``self``, fitted.

        Raises
        ------
        CRMDataError
            Missing columns or values, negative values, non-integer frequency, zero spend with
            repeat purchases, no customer with a repeat purchase.
        ConvergenceError
            When the optimiser does not converge.
        """
        func = f"{type(self).__name__}.fit"
        penalizer = _check_real(self.penalizer, func=func, param="penalizer", minimum=0.0)
        max_iter = check_positive_int(self.max_iter, func=func, param="max_iter")
        tol = _check_real(self.tol, func=func, param="tol", minimum=0.0, strict=True)
        arr = self._arrays(summary, frequency, monetary_value, func, weights)
        x, m = arr["frequency"], arr["monetary_value"]
        w = arr.get("weights", np.ones_like(x))
        use = (x > 0) & (w > 0)
        if not use.any():
            raise CRMDataError(f"{func}: no customer has a repeat purchase ('{frequency}' > 0), so spend per "
                               "repeat purchase cannot be estimated. Use a longer period.")
        bad = use & (m <= 0)
        if bad.any():
            raise CRMDataError(f"{func}: {int(bad.sum())} customers with repeat purchases have '{monetary_value}' "
                               f"<= 0 (first: {first_offender(summary, bad)}). Spend per purchase must be "
                               "positive: drop returns and free orders first.")
        x, m, w = x[use], m[use], w[use]
        ux, inv = np.unique(x, return_inverse=True)
        lm, lx = np.log(m), np.log(x)
        D = {"ux": ux, "W_u": np.bincount(inv, weights=w), "W": float(w.sum()), "x": x, "w": w, "wx": w * x,
             "xm": x * m, "sum_wx_lxm": float(np.dot(w * x, lx + lm)), "sum_w_lm": float(np.dot(w, lm))}
        n = D["W"]

        def objective(logp):
            p = np.exp(logp)
            ll, g = self._ll_grad(p, D)
            f = -ll / n + penalizer * np.dot(p, p)
            if not np.isfinite(f):
                return np.inf, np.zeros_like(p)
            return f, -g * p / n + 2 * penalizer * p * p

        if self.initial_params is not None:
            x0 = np.log(_params_tuple(self.initial_params, self._names, func=func))
        else:
            x0 = np.log([1.0, 2.0, float(np.average(m, weights=w))])
        res = _minimize(objective, x0, model=type(self).__name__, max_iter=max_iter, tol=tol,
                        hint="GammaGamma(penalizer=0.001); check that monetary_value is the mean spend per "
                        "repeat purchase (not the total); or raise max_iter.")
        p = np.exp(res.x)
        self.params_ = pd.Series(p, index=list(self._names), name="estimate")
        self.log_likelihood_ = float(self._ll_grad(p, D)[0])
        cov = _covariance(_hessian_fd(lambda q: -self._ll_grad(q, D)[1] + 2 * penalizer * n * q, p),
                          type(self).__name__)
        self.covariance_ = pd.DataFrame(cov, index=list(self._names), columns=list(self._names))
        self.n_customers_ = int(round(n))
        self.n_iter_ = int(res.nit)
        return self

    @property
    def mean_spend_(self) -> float:
        check_fitted(self)
        p, q, g = self.params_[list(self._names)].to_numpy()
        return float(p * g / (q - 1)) if q > 1 else np.inf

    def expected_spend(self, summary: pd.DataFrame, *, frequency: str = "frequency",
                       monetary_value: str = "monetary_value") -> pd.Series:
        """Expected spend per future purchase of each customer.

        A weighted average of the population mean and the customer's own mean: the more repeat
        purchases, the more weight on her own mean. Customers without repeat purchases get the
        population mean.

        Returns
        -------
        pandas.Series
            ``expected_spend``, indexed like ``summary``.

        Raises
        ------
        CRMDataError
            When q <= 1 (the population mean spend is infinite) and some customers need it.
        """
        func = f"{type(self).__name__}.expected_spend"
        check_fitted(self)
        p, q, g = self.params_[list(self._names)].to_numpy()
        arr = self._arrays(summary, frequency, monetary_value, func)
        x, m = arr["frequency"], arr["monetary_value"]
        x = np.where(x > 0, x, 0.0)
        denom = p * x + q - 1.0
        if np.any(denom <= 0):
            raise CRMDataError(f"{func}: the fitted q = {q:.3g} <= 1 makes the mean spend infinite for customers "
                               "with few repeat purchases. Refit with a penalizer or more data.")
        out = p * (g + x * m) / denom
        return pd.Series(out, index=summary.index, name="expected_spend")


# --------------------------------------------------------------------------------------------
# CLV from the models
# --------------------------------------------------------------------------------------------
def customer_lifetime_value(bg: BetaGeo, gg: GammaGamma, summary: pd.DataFrame, *, horizon: int,
                            discount_rate: float, unit: str, period: str = "M", margin: float = 1.0,
                            frequency: str = "frequency", recency: str = "recency", T: str = "T",
                            monetary_value: str = "monetary_value") -> pd.Series:
    """Customer lifetime value by discounted expected cash flow from BG/NBD and Gamma-Gamma.

    For each future period, the expected number of purchases (BG/NBD) times the expected spend
    per purchase (Gamma-Gamma) times ``margin``, discounted to today, summed over ``horizon``
    periods.

    Parameters
    ----------
    bg : BetaGeo
        Fitted purchase model.
    gg : GammaGamma
        Fitted spend model.
    summary : pandas.DataFrame
        One row per customer with frequency, recency, T and monetary_value.
    horizon : int
        Number of periods to add up (e.g. 12 months).
    discount_rate : float
        Discount rate per period (e.g. 0.01 a month), >= 0.
    unit : {"D", "W", "M", "Y"}
        Time unit of ``summary`` (the ``unit`` given to :func:`rfm_summary`).
    period : {"D", "W", "M", "Y"}, default "M"
        Length of a discounting period.
    margin : float, default 1.0
        Profit margin as a share of revenue (1.0 gives revenue value).
    frequency, recency, T, monetary_value : str
        Column names.

    Returns
    -------
    pandas.Series
        ``clv``, indexed like ``summary``.

    Raises
    ------
    NotFittedError
        If a model is not fitted.
    TypeError, CRMDataError
        Bad parameters or columns.

    See Also
    --------
    simple_clv : the textbook formula with constant retention.

    Notes
    -----
    With :math:`k` = period length in the summary's unit and :math:`E(t)` the expected
    purchases in :math:`(T, T+t]`:

    .. math::

        CLV = \\text{margin}\\; E[M] \\sum_{i=1}^{h} \\frac{E(ik) - E((i-1)k)}{(1+d)^i}

    References
    ----------
    Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using iso-value curves for
    customer base analysis. *Journal of Marketing Research* 42(4), 415-430.

    Examples
    --------
    >>> data = simulate_bgnbd(2000, {"r": 0.5, "alpha": 4.0, "a": 0.8, "b": 2.5}, T=52, random_state=2)
    >>> data["monetary_value"] = simulate_gamma_gamma(data["frequency"], {"p": 6.0, "q": 4.0, "gamma": 15.0},
    ...                                               random_state=3)
    >>> bg, gg = BetaGeo().fit(data), GammaGamma().fit(data)
    >>> clv = customer_lifetime_value(bg, gg, data, horizon=12, discount_rate=0.01, unit="W")
    >>> bool((clv >= 0).all()), clv.name
    (True, 'clv')
    """
    func = "customer_lifetime_value"
    if not isinstance(bg, BetaGeo):
        raise TypeError(f"{func}: bg must be a fitted BetaGeo, got {type(bg).__name__}.")
    if not isinstance(gg, GammaGamma):
        raise TypeError(f"{func}: gg must be a fitted GammaGamma, got {type(gg).__name__}.")
    check_fitted(bg)
    check_fitted(gg)
    h = check_positive_int(horizon, func=func, param="horizon")
    d = _check_real(discount_rate, func=func, param="discount_rate", minimum=0.0)
    m = _check_real(margin, func=func, param="margin")
    for name, value in (("unit", unit), ("period", period)):
        if not isinstance(value, str):
            raise TypeError(f"{func}: {name} must be one of {list(UNIT_DAYS)}, got {type(value).__name__}.")
        check_choice(value, list(UNIT_DAYS), func=func, param=name)
    spend = gg.expected_spend(summary, frequency=frequency, monetary_value=monetary_value).to_numpy()
    arr = bg._arrays(summary, frequency, recency, T, func)
    params = bg._p()
    k = UNIT_DAYS[period] / UNIT_DAYS[unit]
    value = np.zeros(len(summary))
    previous = np.zeros(len(summary))
    for i in range(1, h + 1):                 # a loop over periods, vectorised over customers
        cum = bg._conditional_expected(arr["frequency"], arr["recency"], arr["T"], i * k, *params)
        value += (cum - previous) / (1 + d) ** i
        previous = cum
    return pd.Series(m * spend * value, index=summary.index, name="clv")


# --------------------------------------------------------------------------------------------
# tables for the plots
# --------------------------------------------------------------------------------------------
def frequency_recency_grid(model: BetaGeo, *, T: float | None = None, t: float = 1.0,
                           what: str = "expected_purchases", max_frequency: int | None = None,
                           n_recency: int = 40) -> pd.DataFrame:
    """A BG/NBD prediction over a grid of frequency and recency, for a customer of age ``T``.

    Parameters
    ----------
    model : BetaGeo
        Fitted model.
    T : float, optional
        Customer age (default: the largest T in the fitted data).
    t : float, default 1.0
        Horizon for ``what="expected_purchases"``.
    what : {"expected_purchases", "probability_alive"}
    max_frequency : int, optional
        Largest frequency shown (default: the largest in the fitted data, at most 50).
    n_recency : int, default 40
        Number of recency values from 0 to T.

    Returns
    -------
    pandas.DataFrame
        Index ``frequency`` 0..max_frequency, columns ``recency`` (floats from 0 to T); frequency 0
        has a value only at recency 0 (NaN elsewhere). ``attrs["what"]`` names the quantity.

    Examples
    --------
    >>> bg = BetaGeo().fit(simulate_bgnbd(2000, {"r": 0.5, "alpha": 4.0, "a": 0.8, "b": 2.5}, T=52, random_state=2))
    >>> grid = frequency_recency_grid(bg, what="probability_alive", max_frequency=3, n_recency=3)
    >>> grid.round(3)
    recency     0.0    26.0   52.0
    frequency
    0          1.000    NaN    NaN
    1          0.051  0.557  0.762
    2          0.005  0.483  0.817
    3          0.000  0.389  0.852
    """
    from scipy.special import expit

    func = "frequency_recency_grid"
    check_fitted(model)
    check_choice(what, ["expected_purchases", "probability_alive"], func=func, param="what")
    TT = model.max_T_ if T is None else _check_real(T, func=func, param="T", minimum=0.0, strict=True)
    if max_frequency is None:
        max_frequency = int(min(model.max_frequency_, 50))
    fmax = check_positive_int(max_frequency, func=func, param="max_frequency", minimum=1)
    nr = check_positive_int(n_recency, func=func, param="n_recency", minimum=2)
    tt = _check_real(t, func=func, param="t", minimum=0.0)
    rec = np.linspace(0.0, TT, nr)
    x = np.arange(fmax + 1, dtype=float)[:, None]
    X, R = np.broadcast_arrays(x, rec[None, :])
    params = model._p()
    if what == "probability_alive":
        vals = expit(-model._log_alive_odds(X, R, TT, *params))
    else:
        vals = model._conditional_expected(X, R, TT, tt, *params)
    vals = np.array(vals, dtype=float)
    vals[0, 1:] = np.nan
    out = pd.DataFrame(vals, index=pd.RangeIndex(fmax + 1, name="frequency"),
                       columns=pd.Index(np.round(rec, 10), name="recency"))
    out.attrs.update({"what": what, "T": TT, "t": tt})
    return out


def calibration_holdout(model: BetaGeo, summary: pd.DataFrame, *, max_frequency: int = 7,
                        frequency: str = "frequency", recency: str = "recency", T: str = "T",
                        frequency_holdout: str = "frequency_holdout",
                        duration_holdout: str = "duration_holdout") -> pd.DataFrame:
    """Mean actual vs predicted holdout purchases, by calibration frequency.

    Parameters
    ----------
    model : BetaGeo
        Model fitted on the calibration period.
    summary : pandas.DataFrame
        From :func:`rfm_summary` with ``holdout_end``.
    max_frequency : int, default 7
        Customers with more repeat purchases are pooled in the last row.
    frequency, recency, T, frequency_holdout, duration_holdout : str
        Column names.

    Returns
    -------
    pandas.DataFrame
        Index ``frequency`` (0..max_frequency, the last meaning "at least"), columns
        ``n_customers``, ``actual`` and ``predicted`` (mean holdout purchases).

    Examples
    --------
    >>> data = simulate_bgnbd(3000, {"r": 0.5, "alpha": 4.0, "a": 0.8, "b": 2.5}, T=39, holdout=39, random_state=4)
    >>> bg = BetaGeo().fit(data)
    >>> calibration_holdout(bg, data, max_frequency=3).round(2)
               n_customers  actual  predicted
    frequency
    0                  901    0.35       0.39
    1                  798    0.41       0.43
    2                  423    0.78       0.74
    3                  878    2.97       2.66
    """
    func = "calibration_holdout"
    check_table(summary, func=func, name="summary")
    check_columns(summary, [frequency_holdout], func=func, param="frequency_holdout")
    check_columns(summary, [duration_holdout], func=func, param="duration_holdout")
    check_numeric(summary, [frequency_holdout, duration_holdout], func=func)
    check_no_missing(summary, [frequency_holdout, duration_holdout], func=func)
    fmax = check_positive_int(max_frequency, func=func, param="max_frequency")
    pred = model.expected_purchases(summary, duration_holdout, frequency=frequency, recency=recency, T=T)
    group = np.minimum(summary[frequency].to_numpy(), fmax).astype(np.int64)
    frame = pd.DataFrame({"frequency": group, "actual": summary[frequency_holdout].to_numpy(dtype=float),
                          "predicted": pred.to_numpy()})
    out = frame.groupby("frequency").agg(n_customers=("actual", "size"), actual=("actual", "mean"),
                                         predicted=("predicted", "mean"))
    return out.reindex(pd.RangeIndex(fmax + 1, name="frequency")).astype(
        {"n_customers": "float"}).fillna({"n_customers": 0}).astype({"n_customers": "int64"})


# --------------------------------------------------------------------------------------------
# simulation
# --------------------------------------------------------------------------------------------
@renamed_kwargs(seed="random_state")
def simulate_bgnbd(n: int, params, *, T=52.0, holdout: float = 0.0, random_state=None) -> pd.DataFrame:
    """Draw customers from the BG/NBD story (for teaching, tests and benchmarks).

    Parameters
    ----------
    n : int
        Number of customers.
    params : dict, Series or sequence
        r, alpha, a, b.
    T : float or array-like, default 52.0
        Length of the calibration period of each customer (a number or one per customer).
    holdout : float, default 0.0
        Length of a holdout period after T; when positive, ``frequency_holdout`` and
        ``duration_holdout`` are added.
    random_state : int or numpy.random.Generator, optional

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id`` 0..n-1, columns ``frequency``, ``recency``, ``T`` (and
        ``frequency_holdout``, ``duration_holdout``).

    Notes
    -----
    A customer's rate is :math:`\\lambda \\sim` Gamma(r, rate alpha), her dropout probability
    :math:`p \\sim` Beta(a, b); she leaves right after her :math:`K`-th repeat purchase,
    :math:`K \\sim` Geometric(p). Given :math:`N` Poisson(:math:`\\lambda T`) purchase times in
    (0, T], she makes :math:`x = \\min(N, K)` of them and the :math:`x`-th of :math:`N` uniform
    order statistics is :math:`T\\,`Beta(x, N - x + 1), so the draw is exact and vectorised.

    Examples
    --------
    >>> simulate_bgnbd(3, {"r": 0.5, "alpha": 4.0, "a": 0.8, "b": 2.5}, T=52, random_state=0).round(2)
                 frequency  recency     T
    customer_id
    0                    1     5.84  52.0
    1                    0     0.00  52.0
    2                    3    13.79  52.0
    """
    func = "simulate_bgnbd"
    n = check_positive_int(n, func=func, param="n")
    r, al, a, b = _params_tuple(params, BetaGeo._names, func=func)
    H = _check_real(holdout, func=func, param="holdout", minimum=0.0)
    TT = np.broadcast_to(np.asarray(T, dtype=float), (n,)).copy()
    if not np.all(np.isfinite(TT)) or np.any(TT < 0):
        raise CRMDataError(f"{func}: T must be finite and non-negative.")
    rng = np.random.default_rng(random_state)
    lam = rng.gamma(r, 1.0 / al, n)
    p = rng.beta(a, b, n)
    K = rng.geometric(np.clip(p, 1e-300, 1.0))
    total = TT + H
    N = rng.poisson(lam * total)
    N_cal = rng.binomial(N, np.divide(TT, total, out=np.zeros(n), where=total > 0)) if H > 0 else N
    x = np.minimum(N_cal, K)
    pos = x > 0
    rec = np.zeros(n)
    rec[pos] = TT[pos] * rng.beta(x[pos], N_cal[pos] - x[pos] + 1)
    out = {"frequency": x.astype(np.int64), "recency": rec, "T": TT}
    if H > 0:
        out["frequency_holdout"] = (np.minimum(N, K) - x).astype(np.int64)
        out["duration_holdout"] = np.full(n, H)
    return pd.DataFrame(out, index=pd.RangeIndex(n, name="customer_id"))


@renamed_kwargs(seed="random_state")
def simulate_gamma_gamma(frequency, params, *, random_state=None) -> np.ndarray | pd.Series:
    """Draw each customer's mean spend per repeat purchase from the Gamma-Gamma story.

    Parameters
    ----------
    frequency : array-like or Series of int
        Repeat purchases per customer.
    params : dict, Series or sequence
        p, q, gamma.
    random_state : int or numpy.random.Generator, optional

    Returns
    -------
    numpy.ndarray or pandas.Series
        Mean spend (0 where frequency is 0); a Series ``monetary_value`` when ``frequency`` is one.

    Notes
    -----
    :math:`\\nu \\sim` Gamma(q, rate gamma) per customer; each purchase is Gamma(p, rate nu), so
    the mean of :math:`x` purchases is Gamma(px, rate x nu).

    Examples
    --------
    >>> simulate_gamma_gamma([0, 1, 5], {"p": 6.0, "q": 4.0, "gamma": 15.0}, random_state=0).round(2)
    array([ 0.  , 27.92, 28.53])
    """
    func = "simulate_gamma_gamma"
    p, q, g = _params_tuple(params, GammaGamma._names, func=func)
    x = np.asarray(frequency, dtype=float)
    if x.ndim != 1 or np.any(~np.isfinite(x)) or np.any(x < 0) or np.any(x != np.round(x)):
        raise CRMDataError(f"{func}: frequency must be a 1-D array of non-negative whole numbers.")
    rng = np.random.default_rng(random_state)
    nu = rng.gamma(q, 1.0 / g, len(x))
    pos = x > 0
    out = np.zeros(len(x))
    out[pos] = rng.gamma(p * x[pos], 1.0 / (x[pos] * nu[pos]))
    if isinstance(frequency, pd.Series):
        return pd.Series(out, index=frequency.index, name="monetary_value")
    return out
