"""Retention and churn (客户保持与流失): cohorts, churn rates and the shifted-beta-geometric model.

- :func:`cohort_table`: the share of each acquisition cohort still buying, period by period.
- :func:`churn_rate`: per period, the share of active customers who do not buy in the next one.
- :class:`ShiftedBetaGeometric`: the sBG model of contractual retention (Fader & Hardie 2007):
  fit it on the number of customers still active at the start of each period and project
  survival beyond the data. :func:`simulate_sbg` draws cohorts from it.

Cohorts and churn count purchases only, by the rule of :mod:`crmlearn.customers` ("How returns
count"): a return (an ``is_return`` row, or a negative ``amount`` in a table without that flag)
is not a purchase, and neither is a lost tender (``tender_result == "lost"``, a bid that never
became a sale). Sending goods back or losing a bid does not make a customer active.

Tables (the contract of DESIGN.md): :func:`cohort_table` and :func:`churn_rate` are tables of
cohorts and periods that document their columns (``.attrs`` carries provenance notes only: pass
``values=`` to the cohort heatmap); :class:`ShiftedBetaGeometric` follows the model conventions of
:mod:`crmlearn._core.model` (``get_params``/``set_params``, ``summary()``, fitted values ending in ``_``).
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ._validation import (
    CRMDataError,
    check_choice,
    check_columns,
    check_fitted,
    check_no_missing,
    check_numeric,
    check_positive_int,
    check_table,
)
from ._core.compat import renamed_kwargs
from ._core.model import Model
from ._core.dates import day_numbers, read_dates
from ._core.purchases import DEFAULT as _DEFAULT, bool_column, customer_keys, optional_column, purchase_rule  # the one purchase rule

__all__ = ["ShiftedBetaGeometric", "cohort_table", "churn_rate", "simulate_sbg",
           "wallet_stage", "stage_transitions", "opportunities", "early_warning", "warning_quality", "churn_rate_simple",
           "churn_cost", "value_groups", "churn_model"]

_PERIODS = ["D", "W", "M", "Q", "Y"]


# --------------------------------------------------------------------------------------------
# transactions -> active (customer, period) pairs
# --------------------------------------------------------------------------------------------
def _purchases(tx, *, is_return, tender, amount, func, customer=None):
    """Which rows are purchases, by the one purchase rule of :mod:`crmlearn._core.purchases`."""
    amount = optional_column(tx, amount, "amount", func=func, param="amount")
    if amount:
        check_numeric(tx, [amount], func=func, customer=customer)
        check_no_missing(tx, [amount], func=func, customer=customer)
    return purchase_rule(tx, func=func, is_return=is_return, tender=tender, amount=amount, customer=customer).buy


def _active_periods(transactions, *, period, customer, date, func, is_return=_DEFAULT, tender=_DEFAULT,
                    amount=_DEFAULT):
    """Distinct (customer code, period ordinal) pairs of the purchases, sorted by customer then period.

    The first and last periods are those of every row (the window the data observe), so a last
    month with only returns still counts as observed. Also returns how many rows were left out
    (returns and lost tenders).
    """
    check_table(transactions, func=func, name="transactions")
    if not isinstance(period, str):
        raise TypeError(f"{func}: period must be one of {_PERIODS}, got {type(period).__name__}.")
    check_choice(period, _PERIODS, func=func, param="freq")
    check_columns(transactions, [customer], func=func, param="customer")
    check_columns(transactions, [date], func=func, param="date")
    check_no_missing(transactions, [customer, date], func=func, customer=customer)
    buy = _purchases(transactions, is_return=is_return, tender=tender, amount=amount, func=func, customer=customer)
    excluded = int((~buy).sum())
    if excluded == len(buy):
        raise CRMDataError(f"{func}: every row is a return or a lost tender, so no customer ever bought. "
                           "Pass is_return=None, tender=None and amount=None to count every row.")
    days = day_numbers(read_dates(transactions, date, func=func, customer=customer))
    freq = period
    if period == "D":
        ordinal = days
    elif period == "M":
        ordinal = days.astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
    elif period == "Y":
        ordinal = days.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64)
    else:                                      # W (ending Sunday) and Q through pandas periods
        ordinal = pd.PeriodIndex(days.astype("datetime64[D]"), freq=freq).asi8
    omin = int(ordinal.min())
    span = int(ordinal.max()) - omin + 1
    keys = customer_keys(transactions, customer, func=func)
    if excluded:
        keys, ordinal = keys[buy], ordinal[buy]
    codes, _ = pd.factorize(keys, sort=False)
    key = np.unique(codes.astype(np.int64) * span + (ordinal - omin))
    return key // span, key % span + omin, omin, omin + span - 1, freq, excluded


def _period_index(ordinals, freq, name):
    if freq == "D":
        return pd.PeriodIndex(np.asarray(ordinals).astype("datetime64[D]"), freq="D", name=name)
    return pd.PeriodIndex.from_ordinals(np.asarray(ordinals, dtype=np.int64), freq=freq).rename(name)


@renamed_kwargs(period="freq")
def cohort_table(transactions: pd.DataFrame, *, freq: str = "M", customer: str = "customer_id",
                 date: str = "order_date", values: str = "share", is_return: Any = _DEFAULT,
                 tender: Any = _DEFAULT, amount: Any = _DEFAULT) -> pd.DataFrame:
    """Share of each acquisition cohort still buying, period by period.

    A customer's cohort is the period of her first purchase. Cell (c, k) counts the customers
    of cohort c who buy at least once in the k-th period after it (k = 0 is the cohort's own
    period, always 100%). Returns and lost tenders are not purchases (see the module help).

    Parameters
    ----------
    transactions : pandas.DataFrame
        One row per transaction (order or order line).
    freq : {"D", "W", "M", "Q", "Y"}, default "M"
        Calendar period (weeks end on Sunday).
    customer, date : str
        Column names.
    values : {"share", "count"}, default "share"
        Share of the cohort's size, or the number of customers.
    is_return : str or None, default "is_return"
        True/false column flagging returns, which are left out. Left at the default, a missing
        ``is_return`` column is skipped (then rows with a negative ``amount`` are the returns);
        pass None to ignore one.
    tender : str or None, default "tender_result"
        Column with the outcome of a tender: rows marked ``lost`` are bids, not sales, and are
        left out. Left at the default, a missing column is skipped; pass None to ignore one.
    amount : str or None, default "amount"
        Without a return flag, rows with a negative amount here are returns. Left at the
        default, a missing column is skipped; pass None to ignore one.

    Returns
    -------
    pandas.DataFrame
        Index ``cohort`` (a PeriodIndex), columns ``periods_since_first`` 0, 1, 2, ...; NaN where
        the period lies after the last period of the data. The cohort sizes are in
        ``attrs["cohort_size"]`` (a Series), the number of rows left out as returns or lost
        tenders in ``attrs["excluded_rows"]``.

    Raises
    ------
    TypeError, CRMDataError
        Not a DataFrame, missing columns or values, dates that cannot be read, an unknown
        ``freq`` or ``values``, a return flag that is not true/false, or no purchase at all.

    See Also
    --------
    churn_rate, ShiftedBetaGeometric

    Notes
    -----
    The last period of the data may be incomplete (a month that has only started): its
    shares are then too low. Trim the data to whole periods first.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "B", "B", "C", "A"],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-02-11", "2024-01-20",
    ...                                                  "2024-03-02", "2024-02-14", "2024-03-30"])})
    >>> cohort_table(tx)
    periods_since_first    0    1    2
    cohort
    2024-01              1.0  0.5  1.0
    2024-02              1.0  0.0  NaN

    A return is not a purchase: B sending goods back in February does not make her active.

    >>> tx["is_return"] = [False, False, False, False, False, False]
    >>> more = pd.DataFrame({"customer_id": ["B"], "order_date": pd.to_datetime(["2024-02-20"]),
    ...                      "is_return": [True]})
    >>> cohort_table(pd.concat([tx, more])).loc["2024-01"].tolist()
    [1.0, 0.5, 1.0]
    """
    func = "cohort_table"
    check_choice(values, ["share", "count"], func=func, param="values")
    cust, ordinal, omin, omax, freq, excluded = _active_periods(
        transactions, period=freq, customer=customer, date=date, func=func, is_return=is_return,
        tender=tender, amount=amount)
    starts = np.flatnonzero(np.r_[True, cust[1:] != cust[:-1]])
    sizes = np.diff(np.r_[starts, len(cust)])
    first = np.repeat(ordinal[starts], sizes)      # cohort of each (customer, period) pair
    age = ordinal - first
    cohorts, cidx = np.unique(first, return_inverse=True)
    n_age = int(omax - omin + 1)
    counts = np.bincount(cidx * n_age + age, minlength=len(cohorts) * n_age).reshape(len(cohorts), n_age)
    counts = counts[:, : int(omax - cohorts[0]) + 1].astype(float)   # every age the data observe
    observed = (cohorts[:, None] + np.arange(counts.shape[1])[None, :]) <= omax
    size = counts[:, 0].copy()
    table = counts / size[:, None] if values == "share" else counts
    table = np.where(observed, table, np.nan)
    index = _period_index(cohorts, freq, "cohort")
    out = pd.DataFrame(table, index=index, columns=pd.RangeIndex(counts.shape[1], name="periods_since_first"))
    out.attrs["cohort_size"] = pd.Series(size.astype(np.int64), index=index, name="cohort_size")
    out.attrs["values"] = values
    out.attrs["excluded_rows"] = excluded
    return out


@renamed_kwargs(period="freq")
def churn_rate(transactions: pd.DataFrame, *, freq: str = "M", customer: str = "customer_id",
               date: str = "order_date", is_return: Any = _DEFAULT, tender: Any = _DEFAULT,
               amount: Any = _DEFAULT) -> pd.DataFrame:
    """Churn rate per period: active customers who do not buy in the next period.

    A customer is *active* in a period when she buys at least once in it. Of the customers
    active in period p, those who also buy in p+1 are *retained*, the others *churned*.
    Returns and lost tenders are not purchases (see the module help).

    Parameters
    ----------
    transactions : pandas.DataFrame
        One row per transaction (order or order line).
    freq : {"D", "W", "M", "Q", "Y"}, default "M"
    customer, date : str
        Column names.
    is_return, tender, amount : str or None
        Optional columns that tell returns and lost tenders, as in :func:`cohort_table`.

    Returns
    -------
    pandas.DataFrame
        Index ``period`` (a PeriodIndex, every period from the first to the last but one; the
        last has no following period), columns ``active``, ``retained``, ``churned``,
        ``churn_rate`` = churned / active and ``retention_rate`` = retained / active (NaN when
        nobody was active). ``attrs["excluded_rows"]``: rows left out as returns or lost tenders.

    Raises
    ------
    TypeError, CRMDataError
        As :func:`cohort_table`; also when the data span a single period.

    See Also
    --------
    cohort_table

    Notes
    -----
    .. math::

        \\text{churn}_p = \\frac{|A_p \\setminus A_{p+1}|}{|A_p|}

    with :math:`A_p` the customers active in period :math:`p`. A churned customer may come
    back later (non-contractual setting); in a subscription business use cancellations instead.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "B", "B", "C", "A"],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-02-11", "2024-01-20",
    ...                                                  "2024-03-02", "2024-02-14", "2024-03-30"])})
    >>> churn_rate(tx)
             active  retained  churned  churn_rate  retention_rate
    period
    2024-01       2         1        1    0.500000        0.500000
    2024-02       2         1        1    0.500000        0.500000
    """
    func = "churn_rate"
    asked = freq
    cust, ordinal, omin, omax, freq, excluded = _active_periods(
        transactions, period=freq, customer=customer, date=date, func=func, is_return=is_return,
        tender=tender, amount=amount)
    if omax == omin:
        raise CRMDataError(f"{func}: the data span a single period ({asked}), so there is no next period to "
                           "compare with. Use a shorter period or more data.")
    nxt = np.zeros(len(cust), dtype=bool)
    nxt[:-1] = (cust[1:] == cust[:-1]) & (ordinal[1:] == ordinal[:-1] + 1)
    n = int(omax - omin)                          # periods omin .. omax-1
    keep = ordinal < omax
    active = np.bincount(ordinal[keep] - omin, minlength=n)
    retained = np.bincount(ordinal[keep & nxt] - omin, minlength=n)
    churned = active - retained
    with np.errstate(invalid="ignore", divide="ignore"):
        rate = np.where(active > 0, churned / np.maximum(active, 1), np.nan)
    out = pd.DataFrame({"active": active, "retained": retained, "churned": churned, "churn_rate": rate,
                        "retention_rate": 1.0 - rate},
                       index=_period_index(np.arange(omin, omax), freq, "period"))
    out.attrs["excluded_rows"] = excluded
    return out


# --------------------------------------------------------------------------------------------
# shifted-beta-geometric
# --------------------------------------------------------------------------------------------
def _alive_array(alive, *, func):
    if isinstance(alive, (str, bytes)) or isinstance(alive, pd.DataFrame):
        raise TypeError(f"{func}: alive must be a list, array or Series of counts, got {type(alive).__name__}.")
    try:
        arr = np.asarray(alive, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{func}: alive must hold numbers (customers still active at the start of each "
                        f"period), got {alive!r}.") from None
    if arr.ndim != 1:
        raise CRMDataError(f"{func}: alive must be one-dimensional, got shape {arr.shape}.")
    if len(arr) < 2:
        raise CRMDataError(f"{func}: alive needs at least two values (the cohort size and the survivors of "
                           f"period 1), got {len(arr)}.")
    if not np.all(np.isfinite(arr)):
        raise CRMDataError(f"{func}: alive has missing or infinite values. Drop or fill them first.")
    if np.any(arr < 0):
        raise CRMDataError(f"{func}: alive has a negative count ({float(arr[arr < 0][0]):g}).")
    if arr[0] <= 0:
        raise CRMDataError(f"{func}: alive[0] is the cohort size and must be positive, got {float(arr[0]):g}.")
    up = np.flatnonzero(np.diff(arr) > 0)
    if len(up):
        i = int(up[0])
        raise CRMDataError(f"{func}: alive must not increase (customers who left do not come back in a "
                           f"contract), but it goes from {float(arr[i]):g} in period {i} to {float(arr[i + 1]):g} in "
                           f"period {i + 1}. Pass the counts of one cohort.")
    return arr


class ShiftedBetaGeometric(Model):
    """The shifted-beta-geometric (sBG) model of contractual retention.

    Every customer has her own constant probability :math:`\\theta` of cancelling at each
    renewal; the :math:`\\theta` vary across customers as Beta(alpha, beta). Because the most
    likely to leave go first, the cohort's retention rate rises over time, as real data do.

    Parameters
    ----------
    penalizer : float, default 0.0
        L2 penalty ``penalizer * (alpha^2 + beta^2)`` added to the mean negative log-likelihood.
    max_iter : int, default 1000
    tol : float, default 1e-12

    Attributes
    ----------
    params_ : pandas.Series
        Fitted alpha and beta.
    log_likelihood_ : float
    covariance_ : pandas.DataFrame
    alive_ : numpy.ndarray
        The counts fitted on (alive[0] = cohort size).
    n_periods_ : int
        Number of periods in the data (len(alive) - 1).

    See Also
    --------
    cohort_table, churn_rate, crmlearn.clv.simple_clv

    Notes
    -----
    With :math:`T` the period in which a customer cancels (Fader & Hardie 2007):

    .. math::

        P(T=t) = \\frac{B(\\alpha+1, \\beta+t-1)}{B(\\alpha,\\beta)},\\quad
        S(t) = \\frac{B(\\alpha, \\beta+t)}{B(\\alpha,\\beta)},\\quad
        r_t = \\frac{S(t)}{S(t-1)} = \\frac{\\beta+t-1}{\\alpha+\\beta+t-1}.

    The log-likelihood of :math:`n_t` customers lost in period :math:`t = 1..n` and
    :math:`N_n` still active after period :math:`n` is
    :math:`\\sum_t n_t \\log P(T=t) + N_n \\log S(n)`, maximised over the log-parameters with
    the analytic gradient.

    References
    ----------
    Fader, P. S. & Hardie, B. G. S. (2007). How to project customer retention.
    *Journal of Interactive Marketing* 21(1), 76-90.

    Examples
    --------
    >>> sbg = ShiftedBetaGeometric().fit([1000, 631, 468, 382, 326, 289, 262, 241])
    >>> sbg.params_.round(3)
    alpha    0.704
    beta     1.182
    Name: estimate, dtype: float64
    >>> sbg.survival([8, 12]).round(3)
    array([0.22, 0.17])
    >>> round(sbg.retention_rate(1), 3)
    0.627
    """

    _names = ("alpha", "beta")

    def __init__(self, penalizer: float = 0.0, *, max_iter: int = 1000, tol: float = 1e-12):
        self.penalizer = penalizer
        self.max_iter = max_iter
        self.tol = tol

    def __repr__(self) -> str:
        if getattr(self, "params_", None) is None:
            return f"{type(self).__name__}(penalizer={self.penalizer!r})"
        return (f"{type(self).__name__}(alpha={self.params_['alpha']:.4g}, beta={self.params_['beta']:.4g}; "
                f"fitted on {self.n_periods_} periods)")

    @staticmethod
    def _ll_grad(p, lost, t, survivors, n):
        from scipy.special import betaln, digamma

        al, be = p
        base = betaln(al, be)
        psi_ab = digamma(al + be)
        ll = np.dot(lost, betaln(al + 1, be + t - 1) - base) + survivors * (betaln(al, be + n) - base)
        psi_abt = digamma(al + be + t)
        da = np.dot(lost, digamma(al + 1) - psi_abt - digamma(al) + psi_ab) + survivors * (psi_ab - digamma(al + be + n))
        db = (np.dot(lost, digamma(be + t - 1) - psi_abt - digamma(be) + psi_ab)
              + survivors * (digamma(be + n) - digamma(al + be + n) - digamma(be) + psi_ab))
        return float(ll), np.array([da, db])

    def fit(self, alive) -> "ShiftedBetaGeometric":
        """Fit the model to one cohort's survivors.

        Parameters
        ----------
        alive : array-like
            Customers still active at the start of periods 0, 1, ..., n; ``alive[0]`` is the
            cohort size. Counts, not percentages (631 of 1,000, not 63.1).

        Returns
        -------
        ShiftedBetaGeometric
            ``self``, fitted.

        Raises
        ------
        TypeError
            If ``alive`` is not a sequence of numbers.
        CRMDataError
            Fewer than two values, negative or missing counts, a count that goes up.
        crmlearn.clv.ConvergenceError
            When the optimiser does not converge.
        """
        from .clv import _check_real, _covariance, _hessian_fd, _minimize

        func = f"{type(self).__name__}.fit"
        penalizer = _check_real(self.penalizer, func=func, param="penalizer", minimum=0.0)
        max_iter = check_positive_int(self.max_iter, func=func, param="max_iter")
        tol = _check_real(self.tol, func=func, param="tol", minimum=0.0, strict=True)
        arr = _alive_array(alive, func=func)
        n = len(arr) - 1
        lost = arr[:-1] - arr[1:]
        t = np.arange(1, n + 1, dtype=float)
        survivors = arr[-1]
        size = arr[0]

        def objective(logp):
            p = np.exp(logp)
            ll, g = self._ll_grad(p, lost, t, survivors, n)
            f = -ll / size + penalizer * np.dot(p, p)
            if not np.isfinite(f):
                return np.inf, np.zeros_like(p)
            return f, -g * p / size + 2 * penalizer * p * p

        res = _minimize(objective, np.zeros(2), model=type(self).__name__, max_iter=max_iter, tol=tol,
                        hint="ShiftedBetaGeometric(penalizer=0.001); check that alive holds counts of one "
                        "cohort that never increase.")
        p = np.exp(res.x)
        self.params_ = pd.Series(p, index=list(self._names), name="estimate")
        self.log_likelihood_ = self._ll_grad(p, lost, t, survivors, n)[0]
        cov = _covariance(_hessian_fd(lambda q: -self._ll_grad(q, lost, t, survivors, n)[1]
                                      + 2 * penalizer * size * q, p), type(self).__name__)
        self.covariance_ = pd.DataFrame(cov, index=list(self._names), columns=list(self._names))
        self.alive_ = arr
        self.n_periods_ = n
        self.n_iter_ = int(res.nit)
        return self

    def summary(self) -> pd.DataFrame:
        """The fitted alpha and beta with standard errors (``estimate``, ``std_error``, ``lower_95``, ``upper_95``)."""
        from .clv import _summary_table

        check_fitted(self)
        return _summary_table(self.params_, self.covariance_.to_numpy())

    def _t(self, t, func, minimum):
        tt = np.asarray(t, dtype=float)
        if not np.all(np.isfinite(tt)) or np.any(tt < minimum) or np.any(tt != np.round(tt)):
            raise CRMDataError(f"{func}: t must be whole periods >= {minimum}, got {t!r}.")
        return tt

    def survival(self, t):
        """Share of the cohort still active at the start of period ``t`` (S(0) = 1).

        Parameters
        ----------
        t : int or array-like of int
            Periods (>= 0).

        Returns
        -------
        float or numpy.ndarray
        """
        from scipy.special import betaln

        check_fitted(self)
        tt = self._t(t, f"{type(self).__name__}.survival", 0)
        al, be = self.params_[list(self._names)].to_numpy()
        out = np.exp(betaln(al, be + tt) - betaln(al, be))
        return float(out) if out.ndim == 0 else out

    def retention_rate(self, t):
        """Share of the customers active at the start of period ``t - 1`` still active at ``t`` (t >= 1).

        Returns
        -------
        float or numpy.ndarray
            :math:`(\\beta + t - 1) / (\\alpha + \\beta + t - 1)`.
        """
        check_fitted(self)
        tt = self._t(t, f"{type(self).__name__}.retention_rate", 1)
        al, be = self.params_[list(self._names)].to_numpy()
        out = (be + tt - 1) / (al + be + tt - 1)
        return float(out) if out.ndim == 0 else out

    def project(self, periods: int) -> pd.DataFrame:
        """Survival and retention from period 0 to ``periods``, beyond the data if asked.

        Parameters
        ----------
        periods : int
            Last period shown (e.g. 12 after fitting on 7).

        Returns
        -------
        pandas.DataFrame
            Index ``period`` 0..periods, columns ``survival``, ``retention_rate`` (NaN at 0),
            ``expected_alive`` (cohort size x survival), ``actual_alive`` (the fitted counts,
            NaN beyond them) and ``in_sample`` (bool).

        Examples
        --------
        >>> sbg = ShiftedBetaGeometric().fit([1000, 631, 468, 382, 326, 289, 262, 241])
        >>> sbg.project(9).tail(3).round(3)
                survival  retention_rate  expected_alive  actual_alive  in_sample
        period
        7          0.239           0.911         239.024         241.0       True
        8          0.220           0.921         220.085           NaN      False
        9          0.204           0.929         204.411           NaN      False
        """
        check_fitted(self)
        n = check_positive_int(periods, func=f"{type(self).__name__}.project", param="periods")
        t = np.arange(n + 1)
        surv = self.survival(t)
        ret = np.r_[np.nan, self.retention_rate(t[1:])]
        actual = np.full(n + 1, np.nan)
        k = min(n, self.n_periods_)
        actual[: k + 1] = self.alive_[: k + 1]
        return pd.DataFrame({"survival": surv, "retention_rate": ret, "expected_alive": self.alive_[0] * surv,
                             "actual_alive": actual, "in_sample": t <= self.n_periods_},
                            index=pd.RangeIndex(n + 1, name="period"))

    def expected_lifetime(self) -> float:
        """Mean number of periods a new customer stays, :math:`(\\alpha+\\beta-1)/(\\alpha-1)` (inf if alpha <= 1).

        Counts the first period: a customer who cancels at the first renewal stays one period.
        """
        check_fitted(self)
        al, be = self.params_[list(self._names)].to_numpy()
        return float((al + be - 1) / (al - 1)) if al > 1 else float("inf")


@renamed_kwargs(seed="random_state")
def simulate_sbg(n: int, alpha: float, beta: float, *, periods: int, random_state=None) -> np.ndarray:
    """Draw one cohort from the sBG story: customers active at the start of periods 0..periods.

    Parameters
    ----------
    n : int
        Cohort size.
    alpha, beta : float
        Beta parameters of the cancellation probability.
    periods : int
    random_state : int or numpy.random.Generator, optional

    Returns
    -------
    numpy.ndarray
        ``periods + 1`` non-increasing counts, the first equal to ``n``.

    Examples
    --------
    >>> simulate_sbg(1000, 0.7, 1.2, periods=4, random_state=0)
    array([1000,  664,  512,  417,  359])
    """
    func = "simulate_sbg"
    from .clv import _check_real

    n = check_positive_int(n, func=func, param="n")
    al = _check_real(alpha, func=func, param="alpha", minimum=0.0, strict=True)
    be = _check_real(beta, func=func, param="beta", minimum=0.0, strict=True)
    k = check_positive_int(periods, func=func, param="periods")
    rng = np.random.default_rng(random_state)
    theta = np.clip(rng.beta(al, be, n), 1e-300, 1.0)
    lifetime = rng.geometric(theta)              # the period in which each customer cancels (1, 2, ...)
    lost = np.bincount(np.minimum(lifetime, k + 1), minlength=k + 2)
    return (n - np.cumsum(lost)[: k + 1]).astype(np.int64)


# ============================================================================================
# Chapter 9: relationship stages, opportunities, early warning, churn cost, value groups
# ============================================================================================
STAGES = ["development", "initial", "stable", "strategic"]
STAGE_STRATEGY = {
    "development": "find the entry point and the key person; build trust; technical breakthrough",
    "initial": "offensive: weave a relationship network, raise expectations, create opportunities",
    "stable": "defensive: upgrade the relationship, high-level selling, raise loyalty",
    "strategic": "lock-in: strategic complementarity, bilateral lock-in, high-level coordination",
}
OPPORTUNITIES = {   # the source's eight opportunities for growing share (event code -> name, 中文)
    "new_product_launch": ("New product launch: everyone restarts from zero", "新产品推出"),
    "annual_supplier_review": ("Purchasing timing: the annual supplier evaluation", "采购时机(年度供应商评审)"),
    "personnel_change": ("Personnel changes at the rival or among the customer's key people", "人事变动"),
    "rival_quality_issue": ("Product quality problems at the rival", "竞争对手质量问题"),
    "service_complaint": ("Service complaints about the main supplier", "服务投诉"),
    "single_contact_rival": ("Relationship weakness: the rival relies on a single contact", "关系薄弱(单线联系)"),
    "relationship_breakdown": ("Relationship deterioration: unresolved complaints or demands", "关系恶化"),
    "cost_pressure": ("Cost-reduction pressure favouring a low-cost supplier", "降低成本压力"),
}
#: The source's telecom churn figures (yearly churn rate; US yearly loss in US dollars).
TELECOM_CHURN = {"Europe": 0.25, "US": 0.30}
US_CHURN_COST_USD = {"lost_revenue": 9.0e9, "extra_acquisition_cost": 7.5e9}


def wallet_stage(share_of_wallet: pd.DataFrame, *, share: str = "share", cuts=(0.5, 0.8)) -> pd.DataFrame:
    """The relationship development stage from the supplier's share of the customer's purchases.

    Boundaries (the source's ranges touch at 50% and 80%; each boundary belongs to the HIGHER stage):
    share == 0 -> development; 0 < share < 0.5 -> initial; 0.5 <= share < 0.8 -> stable;
    0.8 <= share <= 1 -> strategic.  Returns a new table (input columns first) with
    ``wallet_stage`` (ordered category) and ``stage_strategy`` appended.
    """
    func = "wallet_stage"
    data = check_table(share_of_wallet, func=func, name="share_of_wallet")
    check_columns(data, [share], func=func, param="share")
    check_numeric(data, [share], func=func)
    check_no_missing(data, [share], func=func)
    try:
        lo, hi = (float(c) for c in cuts)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{func}: cuts must be two numbers, e.g. cuts=(0.5, 0.8); found {cuts!r}.") from exc
    if not 0 < lo < hi <= 1:
        raise CRMDataError(f"{func}: cuts must satisfy 0 < low < high <= 1, found {cuts!r}. Use e.g. (0.5, 0.8).")
    s = data[share].to_numpy(dtype=np.float64)
    bad = (s < 0) | (s > 1)
    if bad.any():
        raise CRMDataError(f"{func}: column '{share}' must be a share between 0 and 1, found {s[bad][0]!r} "
                           f"({int(bad.sum())} rows). Divide percentages by 100.")
    code = np.where(s == 0, 0, np.where(s < lo, 1, np.where(s < hi, 2, 3)))
    out = data.copy()
    out["wallet_stage"] = pd.Categorical.from_codes(code, categories=STAGES, ordered=True)
    out["stage_strategy"] = np.array([STAGE_STRATEGY[k] for k in STAGES], dtype=object)[code]
    return out


def stage_transitions(share_of_wallet: pd.DataFrame, *, customer: str = "customer_id", year: str = "year",
                      category: str | None = "category", share: str = "share", cuts=(0.5, 0.8),
                      output: str = "table") -> pd.DataFrame:
    """Stage moves between consecutive years of the same customer (and category).

    ``output="table"``: counts from stage (rows) to stage (columns); ``output="moves"``: one row per
    customer (and category) and pair of consecutive years with ``stage_from``, ``stage_to`` and
    ``move`` (up / same / down; down = relationship regression).
    """
    func = "stage_transitions"
    check_choice(output, ["table", "moves"], func=func, param="output")
    data = check_table(share_of_wallet, func=func, name="share_of_wallet")
    keys = [customer] + ([category] if category is not None else [])
    check_columns(data, keys + [year, share], func=func)
    check_numeric(data, [year], func=func)
    staged = wallet_stage(data[keys + [year, share]], share=share, cuts=cuts)
    if staged.duplicated(keys + [year]).any():
        raise CRMDataError(f"{func}: more than one row per {keys + [year]}; pass category= to tell rows apart.")
    staged = staged.sort_values(keys + [year], kind="stable")
    nxt = staged.groupby(keys, sort=False).shift(-1)
    ok = nxt[year].notna().to_numpy() & (nxt[year].to_numpy(dtype=float) - staged[year].to_numpy(dtype=float) == 1)
    moves = staged.loc[ok, keys + [year]].rename(columns={year: "year_from"}).copy()
    moves["year_to"] = moves["year_from"] + 1
    moves["stage_from"] = pd.Categorical(staged.loc[ok, "wallet_stage"].to_numpy(), categories=STAGES, ordered=True)
    moves["stage_to"] = pd.Categorical(nxt.loc[ok, "wallet_stage"].to_numpy(), categories=STAGES, ordered=True)
    d = moves["stage_to"].cat.codes.to_numpy() - moves["stage_from"].cat.codes.to_numpy()
    moves["move"] = np.where(d > 0, "up", np.where(d < 0, "down", "same"))
    moves = moves.reset_index(drop=True)
    if output == "moves":
        return moves
    table = pd.crosstab(moves["stage_from"], moves["stage_to"], dropna=False)
    return table.reindex(index=STAGES, columns=STAGES, fill_value=0).rename_axis(index="from", columns="to")


def opportunities(share_of_wallet: pd.DataFrame, *, events: str = "events", customer: str = "customer_id",
                  sep: str = ";") -> pd.DataFrame:
    """The source's eight opportunities, one row each, with how often the course data's events show them.

    Columns: opportunity (code), name, name_zh, rows (account-years with the event), customers
    (distinct customers), example_customers (up to three ids).
    """
    func = "opportunities"
    data = check_table(share_of_wallet, func=func, name="share_of_wallet")
    check_columns(data, [events, customer], func=func)
    # split each distinct events text once (there are few), then count through the row codes
    text = data[events].astype("string").fillna("").to_numpy(dtype=object, na_value="")
    row_code, texts = pd.factorize(text)
    parts = [[p.strip() for p in str(t).split(sep)] for t in texts]
    parts = [[p for p in ps if p] for ps in parts]
    unknown = sorted({p for ps in parts for p in ps} - set(OPPORTUNITIES))
    if unknown:
        raise CRMDataError(f"{func}: column '{events}' holds events that are not one of the eight opportunities: "
                           f"{unknown[:5]}. Use the codes {list(OPPORTUNITIES)}.")
    codes = list(OPPORTUNITIES)
    per_text = np.array([[ps.count(k) for k in codes] for ps in parts], dtype=np.int64).reshape(len(texts), len(codes))
    rows = np.bincount(row_code, minlength=len(texts)) @ per_text
    cust_code, _ = pd.factorize(data[customer].to_numpy())
    cust_vals = data[customer].to_numpy()
    n_cust, examples = [], []
    for j in range(len(codes)):
        idx = np.flatnonzero(per_text[row_code, j] > 0)
        known = cust_code[idx] >= 0                       # a missing customer id counts as no customer
        n_cust.append(int(np.unique(cust_code[idx][known]).size))
        first = pd.unique(cust_vals[idx[known][:1000]])[:3]
        if len(first) < 3 and known.sum() > 1000:
            first = pd.unique(cust_vals[idx[known]])[:3]
        examples.append(", ".join(map(str, first)))
    out = pd.DataFrame({"opportunity": list(OPPORTUNITIES),
                        "name": [v[0] for v in OPPORTUNITIES.values()],
                        "name_zh": [v[1] for v in OPPORTUNITIES.values()]})
    out["rows"] = rows.astype(int)
    out["customers"] = np.array(n_cust, dtype=int)
    out["example_customers"] = np.array(examples, dtype=object)
    return out


def _orders(c, d, v, o=None):
    """Rows -> orders: (customer code, first day, summed value) per order (or per customer and day).

    Vectorised on integer codes (no groupby): a row whose order id is unique is an order by itself;
    otherwise rows are grouped by (customer, order) through one hash factorisation.
    """
    if o is not None:
        o_codes, o_uniq = pd.factorize(o)
        if len(o_uniq) == len(o):          # one row per order: nothing to add up
            return c, d, v
        # +1: a missing order id (code -1) is an order of its own per customer, as in a groupby
        key = c.astype(np.int64) * np.int64(len(o_uniq) + 1) + (o_codes + 1)
    else:
        if len(d) == 0:
            return c, d, v
        key = c.astype(np.int64) * np.int64(d.max() - d.min() + 1) + (d - d.min())
    g, uniq = pd.factorize(key)
    k = len(uniq)
    oc = np.empty(k, dtype=c.dtype)
    oc[g] = c
    od = np.full(k, np.iinfo(np.int64).max)
    np.minimum.at(od, g, d)
    return oc, od, np.bincount(g, weights=v, minlength=k)


def _group_median(g, v, n_groups):
    """Median of v per integer group code 0..n_groups-1 (NaN for an empty group).

    The codes are handed to pandas as a categorical grouper, so they are used as they are (no
    hashing of the keys again) and pandas' linear-time grouped median does the rest.
    """
    groups = pd.Categorical.from_codes(np.asarray(g, dtype=np.int64), categories=pd.RangeIndex(n_groups))
    return pd.Series(v, dtype=np.float64).groupby(groups, observed=False).median().to_numpy(dtype=np.float64)


def early_warning(transactions: pd.DataFrame, *, as_of, customer: str = "customer_id", date: str = "order_date",
                  amount: str = "amount", order: Any = _DEFAULT, window: int = 90, min_orders: int = 8,
                  min_expected: float = 3.0, alpha: float = 0.6, max_value_ratio: float = 0.35,
                  lost_after: int | None = None, is_return: Any = _DEFAULT, tender: Any = _DEFAULT) -> pd.DataFrame:
    """Customers whose ordering has slowed against their own rhythm (ex-ante early warning, 事前预警).

    For each customer, the orders before ``as_of - window`` set the usual rhythm (``usual_gap_days``
    = days from the first order to the window start / orders) and the usual order value; the last
    ``window`` days are compared with it:

    * ``expected`` orders in the window at the usual rhythm, ``orders_window`` seen, ``pace`` = their ratio;
    * ``p_slow`` = P(so few orders or fewer | usual rhythm) under a Poisson model;
    * ``score`` = 0.5 (1 - p_slow) + 0.5 (1 - min(value_ratio, 1)) in [0, 1], to rank the warnings;
    * ``value_ratio`` = median order value in the window / usual median order value;
    * ``gap_ratio`` = days since the last order / usual gap.

    ``flagged`` when the customer has a rhythm (``min_orders`` earlier orders and ``min_expected``
    expected in the window), still orders (at least one order in the window) but fewer than usual
    (``p_slow <= alpha``) and for much less (``value_ratio <= max_value_ratio``).  A customer with
    no order in the window is ``silent`` (not flagged: a stop is no longer an early sign), and one
    whose last order is more than ``lost_after`` days ago (default ``2 * window``) is ``lost``.
    ``reason`` says why.  Purchases only: returns and lost tenders are not orders.  One row per
    customer with a purchase on or before ``as_of``, indexed by ``customer``.
    """
    from scipy.special import pdtr

    from .customers import _datetime_column

    func = "early_warning"
    tx = check_table(transactions, func=func, name="transactions")
    check_columns(tx, [customer, date, amount], func=func)
    check_numeric(tx, [amount], func=func)
    window = check_positive_int(window, func=func, param="window")
    min_orders = check_positive_int(min_orders, func=func, param="min_orders")
    lost_after = 2 * window if lost_after is None else check_positive_int(lost_after, func=func, param="lost_after")
    for name, v in (("alpha", alpha), ("max_value_ratio", max_value_ratio), ("min_expected", min_expected)):
        if isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)):
            raise TypeError(f"{func}: {name} must be a number, got {type(v).__name__} {v!r}.")
    if not 0 < alpha < 1:
        raise CRMDataError(f"{func}: alpha must be between 0 and 1 (a probability), found {alpha!r}; e.g. 0.05.")
    order = optional_column(tx, order, "order_id", func=func, param="order")
    try:
        t_end = pd.Timestamp(as_of)
    except (TypeError, ValueError) as exc:
        raise CRMDataError(f"{func}: as_of={as_of!r} is not a date. Pass e.g. as_of='2024-09-30'.") from exc
    if t_end is pd.NaT:
        raise CRMDataError(f"{func}: as_of is missing (NaT). Pass a date, e.g. as_of='2024-09-30'.")
    t_end = int(np.datetime64(t_end.to_datetime64(), "D").astype(np.int64))
    buy = _purchases(tx, is_return=is_return, tender=tender, amount=amount, func=func)
    day = _datetime_column(tx, date, func=func).to_numpy().astype("datetime64[D]").astype(np.int64)
    keep = buy & (day <= t_end)
    cust_codes, cust_ids = pd.factorize(tx[customer].to_numpy()[keep])
    n = len(cust_ids)
    oc, od, ov = _orders(cust_codes, day[keep], tx[amount].to_numpy(dtype=np.float64, na_value=0.0)[keep],
                         tx[order].to_numpy()[keep] if order else None)
    t0 = t_end - window
    recent = od > t0
    n_base = np.bincount(oc[~recent], minlength=n)
    n_recent = np.bincount(oc[recent], minlength=n)
    med = _group_median(oc * 2 + recent, ov, 2 * n)      # customer c: base at 2c, window at 2c + 1
    v_base, v_recent = med[0::2], med[1::2]
    first = np.full(n, np.iinfo(np.int64).max)
    last = np.full(n, np.iinfo(np.int64).min)
    np.minimum.at(first, oc, od)
    np.maximum.at(last, oc, od)
    with np.errstate(divide="ignore", invalid="ignore"):
        usual_gap = np.where(n_base > 0, (t0 - first + 1) / np.maximum(n_base, 1), np.nan)
        expected = window / usual_gap
        pace = n_recent / expected
        value_ratio = np.where(v_base > 0, v_recent / v_base, np.nan)
        days_since = t_end - last
        gap_ratio = days_since / usual_gap
    eligible = (n_base >= min_orders) & (np.nan_to_num(expected) >= min_expected)
    p_slow = np.where(eligible, pdtr(n_recent, np.where(eligible, expected, 1.0)), np.nan)
    lost = eligible & (days_since > lost_after)
    # score in [0, 1]: half from the slower pace, half from the smaller orders
    score = np.where(eligible, 0.5 * (1 - p_slow) + 0.5 * (1 - np.clip(np.nan_to_num(value_ratio, nan=0.0), 0, 1)),
                     np.nan)
    silent = eligible & ~lost & (n_recent == 0)
    value_down = np.nan_to_num(value_ratio, nan=np.inf) <= max_value_ratio
    flagged = eligible & (n_recent > 0) & (p_slow <= alpha) & value_down
    reason = np.full(n, "no warning", dtype=object)
    reason[~eligible] = (f"fewer than {min_orders} earlier orders or fewer than {min_expected:g} expected "
                         f"in {window} days: no usual rhythm to compare with")
    reason[lost] = f"last order more than {lost_after} days ago: already lost, past early warning"
    reason[silent] = f"no order in the last {window} days: silent, call now (a stop, not a slowdown)"
    for i in np.flatnonzero(flagged):   # text only for the few flagged customers
        reason[i] = (f"{n_recent[i]} orders in {window} days where {expected[i]:.1f} were usual "
                     f"(pace {pace[i]:.0%}); order value {value_ratio[i]:.0%} of usual; "
                     f"{days_since[i]} days since the last order "
                     f"(usual gap {usual_gap[i]:.0f})")
    return pd.DataFrame({
        "orders_before": n_base, "orders_window": n_recent, "expected": expected, "usual_gap_days": usual_gap,
        "days_since_last": days_since.astype(np.int64), "gap_ratio": gap_ratio, "pace": pace,
        "value_ratio": value_ratio, "p_slow": p_slow, "score": score, "silent": silent, "lost": lost,
        "flagged": flagged, "reason": reason,
    }, index=pd.Index(cust_ids, name=customer))



def warning_quality(warnings: pd.DataFrame, truth) -> pd.DataFrame:
    """How well the warnings of :func:`early_warning` match known cases (e.g. planted slowdowns).

    Parameters
    ----------
    warnings : DataFrame
        The table of :func:`early_warning` (its ``flagged`` column, indexed by customer).
    truth : iterable of customer ids
        The customers known to be real cases.

    Returns
    -------
    DataFrame
        One row: ``warnings`` (customers flagged), ``real`` (known cases), ``found`` (flagged and
        real), ``precision`` = found / warnings and ``recall`` = found / real (NaN when the
        denominator is 0).

    Examples
    --------
    >>> import pandas as pd
    >>> w = pd.DataFrame({"flagged": [True, True, False]}, index=["A", "B", "C"])
    >>> warning_quality(w, ["B", "C"])
       warnings  real  found  precision  recall
    0         2     2      1        0.5     0.5
    """
    func = "warning_quality"
    check_table(warnings, func=func, name="warnings")
    check_columns(warnings, ["flagged"], func=func, param="warnings")
    if isinstance(truth, (str, bytes)) or not hasattr(truth, "__iter__"):
        raise TypeError(f"{func}: truth must be a collection of customer ids, got {type(truth).__name__}.")
    flagged = set(warnings.index[warnings["flagged"].to_numpy(dtype=bool)])
    real = set(truth)
    found = len(flagged & real)
    return pd.DataFrame({"warnings": [len(flagged)], "real": [len(real)], "found": [found],
                         "precision": [found / len(flagged) if flagged else np.nan],
                         "recall": [found / len(real) if real else np.nan]})


def churn_rate_simple(start: float, lost: float) -> float:
    """Telecom-style churn rate: customers lost in the period / customers at its start (客户流失率)."""
    func = "churn_rate_simple"
    for name, v in (("start", start), ("lost", lost)):
        if isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)):
            raise TypeError(f"{func}: {name} must be a number, found {type(v).__name__}.")
    if start <= 0:
        raise CRMDataError(f"{func}: start must be > 0 customers, found {start!r}.")
    if not 0 <= lost <= start:
        raise CRMDataError(f"{func}: lost must be between 0 and start ({start!r}), found {lost!r}.")
    return float(lost) / float(start)


def churn_cost(subscribers=None, *, n_subscribers: float | None = None, churn_rate: float | None = None,
               revenue_per_churner: float | None = None, acquisition_cost: float | None = None,
               churned: str = "churned", revenue: str = "arpu_cny",
               acquisition: str = "acquisition_cost_cny", months: int = 12) -> pd.Series:
    """Yearly cost of churn: revenue lost plus the cost of replacing the churned customers.

    With a table (``subscribers``): churned = the ``churned`` flag, revenue lost = ``months`` x monthly
    ``revenue`` of the churned, replacement cost = their ``acquisition`` cost.  With numbers:
    ``n_subscribers`` x ``churn_rate`` customers lost, each costing ``revenue_per_churner`` and
    ``acquisition_cost``.  Returns subscribers, lost, churn_rate, revenue_lost, replacement_cost, total.
    The source's US figures: US$9 bn lost revenue + US$7.5 bn extra acquisition cost = US$16.5 bn.
    """
    func = "churn_cost"
    if subscribers is not None:
        data = check_table(subscribers, func=func, name="subscribers")
        check_columns(data, [churned, revenue, acquisition], func=func)
        check_numeric(data, [revenue, acquisition], func=func)
        lost_mask = bool_column(data, churned, func=func)
        n = len(data)
        lost = int(lost_mask.sum())
        rev = float(data[revenue].to_numpy(dtype=np.float64, na_value=0.0)[lost_mask].sum()) * months
        acq = float(data[acquisition].to_numpy(dtype=np.float64, na_value=0.0)[lost_mask].sum())
    else:
        vals = {"n_subscribers": n_subscribers, "churn_rate": churn_rate}
        for k, v in vals.items():
            if v is None:
                raise TypeError(f"{func}: pass a subscribers table, or {k}= (a number).")
        if not 0 <= churn_rate <= 1:
            raise CRMDataError(f"{func}: churn_rate must be between 0 and 1, found {churn_rate!r}. "
                               "Write 25% as 0.25.")
        n = float(n_subscribers)
        lost = n * churn_rate
        rev = lost * (revenue_per_churner or 0.0)
        acq = lost * (acquisition_cost or 0.0)
    return pd.Series({"subscribers": n, "lost": lost, "churn_rate": lost / n if n else np.nan,
                      "revenue_lost": rev, "replacement_cost": acq, "total": rev + acq}, name="churn_cost")


def value_groups(subscribers: pd.DataFrame, *, margin: str = "margin_cny", growth: str = "growth_rate",
                 complaints: str = "complaints_90d", competitor_offer: str = "competitor_offer_flag",
                 min_growth: float = 0.15, min_complaints: int = 2, top: float = 0.25) -> pd.DataFrame:
    """The telecom case's four customer-value groups, by rules checked in this order:

    pre_churn (预流失客户): ``complaints >= min_complaints`` or a competitor offer with a complaint;
    negative_value (负值客户): margin <= 0; growth (最具成长性客户): growth >= ``min_growth``;
    most_valuable (最有价值客户): margin in the top ``top`` share; everyone else ``growth`` if growth > 0
    else ``most_valuable`` if margin above the median, else ``negative_value``.  Appends ``value_group_rule``.
    """
    func = "value_groups"
    data = check_table(subscribers, func=func, name="subscribers")
    check_columns(data, [margin, growth, complaints, competitor_offer], func=func)
    check_numeric(data, [margin, growth, complaints], func=func)
    check_no_missing(data, [margin, growth, complaints], func=func)
    m = data[margin].to_numpy(dtype=np.float64)
    g = data[growth].to_numpy(dtype=np.float64)
    c = data[complaints].to_numpy(dtype=np.float64)
    offer = bool_column(data, competitor_offer, func=func)
    cut = np.quantile(m, 1 - top)
    med = np.median(m)
    group = np.select(
        [(c >= min_complaints) | (offer & (c >= 1)), m <= 0, g >= min_growth, m >= cut, g > 0, m > med],
        ["pre_churn", "negative_value", "growth", "most_valuable", "growth", "most_valuable"],
        "negative_value")
    out = data.copy()
    out["value_group_rule"] = pd.Categorical(group, categories=["most_valuable", "growth", "negative_value",
                                                                "pre_churn"])
    return out


def churn_model(subscribers: pd.DataFrame, *, features=("tenure_months", "monthly_fee_cny", "minutes",
                "data_gb", "complaints_90d", "competitor_offer_flag", "growth_rate", "margin_cny"),
                target: str = "churned", test_size: float = 0.3, bins: int = 10, random_state=0) -> dict:
    """Extension: a scikit-learn logistic regression of churn with an honest holdout.

    Fits on a stratified training part only; reports the holdout AUC and a calibration table (mean
    predicted vs observed churn per predicted-probability decile).  Returns a dict with ``model``,
    ``auc``, ``calibration`` (DataFrame), ``coefficients`` (standardised, Series) and ``n_train``/``n_test``.
    """
    func = "churn_model"
    data = check_table(subscribers, func=func, name="subscribers")
    features = list(features)
    check_columns(data, features + [target], func=func)
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import train_test_split
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    X = data[features].astype(float)
    if X.isna().any().any():
        bad = X.columns[X.isna().any()].tolist()
        raise CRMDataError(f"{func}: features {bad} have missing values. Fill or drop them first.")
    y = bool_column(data, target, func=func).astype(int)
    if y.min() == y.max():
        raise CRMDataError(f"{func}: column '{target}' has one class only; a churn model needs both.")
    Xtr, Xte, ytr, yte = train_test_split(X, y, test_size=test_size, stratify=y, random_state=random_state)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000)).fit(Xtr, ytr)
    p = model.predict_proba(Xte)[:, 1]
    dec = pd.qcut(p, bins, labels=False, duplicates="drop")
    cal = pd.DataFrame({"bin": dec, "predicted": p, "observed": yte}).groupby("bin").agg(
        customers=("observed", "size"), predicted=("predicted", "mean"), observed=("observed", "mean"))
    coef = pd.Series(model[-1].coef_[0], index=features, name="coefficient").sort_values()
    return {"model": model, "auc": float(roc_auc_score(yte, p)), "calibration": cal, "coefficients": coef,
            "n_train": len(ytr), "n_test": len(yte)}
