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
from ._core.purchases import DEFAULT as _DEFAULT, customer_keys, optional_column, purchase_rule  # the one purchase rule

__all__ = ["ShiftedBetaGeometric", "cohort_table", "churn_rate", "simulate_sbg"]

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
