"""Customer grading (客户分级): who brings the value, and how to treat each group.

Customers differ greatly in the value they bring, customers of different value need
different things, so a firm grades them and treats them differently (差别待遇 — which is
not abandonment). This module holds the grading methods of Chapter 4, each taking a
per-customer table (e.g. from :func:`crmlearn.customers.summarize_customers`):

- concentration: :func:`pareto_table`, :func:`top_share` (the 80/20 rule, 二八法则),
  :func:`lorenz_curve`, :func:`gini`;
- :func:`abc_classify` (A/B/C by cumulative share of value) and :func:`cost_to_serve_by_class`
  (each class's share of the cost to serve against its share of revenue);
- the Chapter 3 rules: :func:`gold_persistence` (do last year's top 5% stay gold?) and
  :func:`bad_customers` (烂户: no order for over a year, or lost tenders);
- :func:`tier_classify` (platinum / gold / iron / lead, 铂金 / 黄金 / 钢铁 / 重铅) and
  :func:`tier_profile` (customers, profit and attributes per tier);
- :func:`single_indicator_grade` (单一指标分类法), :func:`multi_indicator_score` (多重指标分析法),
  :func:`value_scorecard` (客户价值记分卡);
- :func:`customer_pyramid` and :func:`pyramid_summary` (客户金字塔);
- :func:`rfm_scores` and :func:`rfm_segments` (RFM);
- graded service in the airline case: :func:`cabin_fares` and :func:`attendants_needed`.

Every function returns a new table, leaves its input unchanged, keeps every customer and
works on a million customers (sorting once, no loop over customers).

Ranking rule (everywhere in this module): customers are ranked by value, largest first;
equal values keep the order they have in the table (a stable sort), so the results are
reproducible. Rules that use "the top x% of customers" take ceil(x * n) customers.

Tables (the contract of DESIGN.md): the per-customer functions -- :func:`abc_classify`,
:func:`tier_classify`, :func:`single_indicator_grade`, :func:`multi_indicator_score`,
:func:`value_scorecard`, :func:`customer_pyramid`, :func:`rfm_scores`, :func:`rfm_segments`,
:func:`bad_customers` -- return a new DataFrame on the input's index, the input's columns first
and their own appended, so they chain with ``.pipe``; the input is never changed. Nothing a later
step needs is kept in ``.attrs`` (pass ``bins=`` to :func:`rfm_segments`, ``split=`` to the
scorecard plot); attrs hold provenance notes only. The other tables are not per customer and
document their columns: :func:`pareto_table` (customers in rank order), :func:`lorenz_curve`
(n + 1 points), :func:`cost_to_serve_by_class`, :func:`tier_profile`, :func:`pyramid_summary`
(one row per class, tier or level), :func:`gold_persistence` (one row per pair of years).
"""
from __future__ import annotations

import math
import re
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from ._core.compat import renamed_kwargs
from ._core.defaults import MAX_PRICE_SENSITIVITY, MAX_SUPPLIERS
from .customers import _DEFAULT
from ._core.duck import is_source as _is_source
from ._validation import (
    plain_value as _py,
    rows_have as _rows,
    CRMDataError,
    check_choice,
    check_columns,
    check_fraction,
    check_no_missing,
    check_numeric,
    check_positive_int,
    check_table,
    first_offender,
    clip_round_off,
)

__all__ = [
    "pareto_table",
    "top_share",
    "lorenz_curve",
    "gini",
    "abc_classify",
    "cost_to_serve_by_class",
    "gold_persistence",
    "bad_customers",
    "tier_classify",
    "tier_profile",
    "single_indicator_grade",
    "multi_indicator_score",
    "value_scorecard",
    "customer_pyramid",
    "pyramid_summary",
    "rfm_scores",
    "rfm_segments",
    "cabin_fares",
    "attendants_needed",
    "TIERS",
    "TIER_PROFILE_COLUMNS",
    "PYRAMID_LEVELS",
    "SCORECARD_QUADRANTS",
    "NON_CORE_OPTIONS",
    "RFM_SEGMENTS",
]


_EPS = 1e-9  # tolerance for float round-off when comparing shares with cut-offs

#: The four tiers of the customer tier model (Zeithaml, Rust & Lemon 2001), best first, with Chinese names.
TIERS = {"platinum": "铂金", "gold": "黄金", "iron": "钢铁", "lead": "重铅"}

#: Preset pyramids: level -> share of (active) customers, top first.
PYRAMID_LEVELS = {
    # Curry's customer pyramid (VIP grading, VIP分级): top 1%, big 4%, medium 15%, small 80%
    "vip": {"top": 0.01, "big": 0.04, "medium": 0.15, "small": 0.80},
    # platinum grading (铂金分级): the four tiers as fixed shares of customers ranked by value
    "platinum": {"platinum": 0.05, "gold": 0.15, "iron": 0.50, "lead": 0.30},
}

#: The three options for non-core customers (非核心客户) in the textbook.
NON_CORE_OPTIONS = {
    "convert": "convert: upgrade them into core customers (转化为核心客户)",
    "transfer": "transfer: hand them over to a third party, e.g. a distributor (转移给第三方)",
    "give_up": "give up: stop spending resources on them (放弃)",
}

#: Quadrants of the value scorecard: (current high?, potential high?) -> (name, 中文, action).
SCORECARD_QUADRANTS = {
    (True, True): ("core", "核心客户", "Invest and retain: serve intensively and deepen the relationship"),
    (True, False): ("maintain", "维持客户", "Maintain: keep the service efficient and protect the margin"),
    (False, True): ("develop", "发展客户", "Develop: invest selectively to turn the potential into sales"),
    (False, False): ("reduce", "低价值客户", "Reduce cost to serve: standardise, hand over to a partner or let go"),
}

#: The eight RFM segments of the Chinese RFM literature: (R high?, F high?, M high?) -> (name, 中文).
RFM_SEGMENTS = {
    (True, True, True): ("important value", "重要价值客户"),
    (True, False, True): ("important development", "重要发展客户"),
    (False, True, True): ("important retention", "重要保持客户"),
    (False, False, True): ("important win-back", "重要挽留客户"),
    (True, True, False): ("general value", "一般价值客户"),
    (True, False, False): ("general development", "一般发展客户"),
    (False, True, False): ("general retention", "一般保持客户"),
    (False, False, False): ("general win-back", "一般挽留客户"),
}


# --------------------------------------------------------------------------------------------
# shared helpers
# --------------------------------------------------------------------------------------------
def _numeric_column(data: pd.DataFrame, col: str, *, func: str, param: str) -> np.ndarray:
    """A complete, finite numeric column as float64 (clear errors otherwise)."""
    check_columns(data, [col], func=func, param=param)
    check_numeric(data, [col], func=func)
    check_no_missing(data, [col], func=func)
    arr = data[col].to_numpy(dtype=np.float64)
    return arr   # check_numeric refused inf already


def _shares_input(data: Any, value: str, negative: str, *, func: str, allow: bool = False) -> np.ndarray:
    """The value column, ready to be turned into shares of a total."""
    data = check_table(data, func=func)
    choices = ["raise", "clip", "allow"] if allow else ["raise", "clip"]
    check_choice(negative, choices, func=func, param="negative")
    _refuse_transactions(data, value, func=func)
    x = clip_round_off(_numeric_column(data, value, func=func, param="value"))   # -5.7e-14 is 0
    neg = x < 0
    if neg.any():
        if negative == "raise":
            others = "" if not allow else ", negative='allow' to keep them (a 'whale curve' above 100%)"
            raise CRMDataError(
                f"{func}: {_rows(int(neg.sum()))} a negative '{value}' value (first: {first_offender(data, neg)}, "
                f"value {_py(x[neg][0])!r}). Shares of a total need values >= 0: pass negative='clip' to count "
                f"them as 0{others}, or use a column that cannot be negative."
            )
        if negative == "clip":
            x = np.where(neg, 0.0, x)
    x = _scaled(x)
    total = x.sum()
    if not total > 0:
        raise CRMDataError(
            f"{func}: the total of '{value}' is {_py(total)!r}, so shares of it are undefined. "
            "Pass a column with a positive total."
        )
    return x


def _scaled(x: np.ndarray) -> np.ndarray:
    """``x`` divided by a power of two so its largest magnitude is below 1 (exact: ties, order and
    ratios unchanged), so sums of up to millions of values near 1e308 stay finite."""
    top = float(np.max(np.abs(x))) if len(x) else 0.0
    if top == 0.0 or not np.isfinite(top):
        return x
    return np.ldexp(x, -int(np.frexp(top)[1]))


def _refuse_transactions(data: pd.DataFrame, value: str, *, func: str) -> None:
    """A transaction table (one row per order line) passed where customers are graded: say so."""
    if value in data.columns:
        return
    ids = data["customer_id"] if "customer_id" in data.columns else None
    dated = any(c in data.columns for c in ("order_date", "date", "invoice_date"))
    if (ids is not None and not ids.is_unique) or ("amount" in data.columns and dated):
        raise CRMDataError(
            f"{func}: column '{value}' not found, and this looks like a transaction table (one row per "
            "order line), not one row per customer. Grade customers, not order lines: first "
            f"summary = crmlearn.customers.summarize_customers(transactions), then {func}(summary)."
        )


def _desc_order(x: np.ndarray) -> np.ndarray:
    """Positions sorted by value, largest first; equal values keep table order.

    The same order as ``np.argsort(-x, kind="stable")``, faster on millions of customers: a quick
    (unstable) argsort, then one sort of (run of equal values, position) packed in an int64 puts
    each run of equal values back in table order.
    """
    order = np.argsort(-x)
    n = len(order)
    if n < 2:
        return order
    v = x[order]
    new_run = np.empty(n, dtype=bool)
    new_run[0] = True
    np.not_equal(v[1:], v[:-1], out=new_run[1:])
    if new_run.all():
        return order
    key = (np.cumsum(new_run, dtype=np.int64) - 1) * n + order
    key.sort()
    return key % n


def _n_top(share: float, n: int) -> int:
    """How many customers "the top ``share``" means: ceil(share * n), at least 1."""
    return int(min(n, max(1, math.ceil(share * n - _EPS))))


def _result(data: pd.DataFrame, columns: Mapping[str, Any]) -> pd.DataFrame:
    """A copy of ``data`` with ``columns`` added (replacing any of the same name)."""
    out = data.copy()
    for name, col in columns.items():
        out[name] = col
    return out


def _cutoffs(cutoffs: Any, *, func: str, param: str, n: int | None = None) -> tuple[float, ...]:
    """Increasing fractions in (0, 1]."""
    if isinstance(cutoffs, (str, bytes)) or not isinstance(cutoffs, Iterable):
        raise TypeError(f"{func}: {param} must be a sequence of fractions like (0.8, 0.95), got {cutoffs!r}.")
    vals = tuple(cutoffs)
    if n is not None and len(vals) != n:
        raise CRMDataError(f"{func}: {param} must have {n} values, got {len(vals)}: {vals!r}.")
    if not vals:
        raise CRMDataError(f"{func}: {param} is empty; give at least one fraction, e.g. (0.2,).")
    out = []
    for v in vals:
        if isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)):
            raise TypeError(f"{func}: {param} must hold numbers, got {type(v).__name__} {v!r}.")
        if not (0 < v <= 1) or math.isnan(v):
            raise CRMDataError(f"{func}: every value of {param} must be in (0, 1], got {v!r}. For 80% pass 0.8.")
        out.append(float(v))
    if any(b <= a for a, b in zip(out, out[1:])):
        raise CRMDataError(f"{func}: {param} must increase, got {vals!r}; e.g. (0.8, 0.95).")
    return tuple(out)


def _grade_by_thresholds(x: np.ndarray, thresholds: Sequence[float], labels: Sequence[str]) -> pd.Categorical:
    """labels[j] for the first j with x >= thresholds[j] (thresholds decreasing), else the last label."""
    codes = np.full(len(x), len(thresholds), dtype=np.int8)
    for j in range(len(thresholds) - 1, -1, -1):
        codes[x >= thresholds[j]] = j
    return pd.Categorical.from_codes(codes, categories=list(labels), ordered=True)


def _share_thresholds(x: np.ndarray, shares: Sequence[float]) -> list[float]:
    """Value of the ceil(s*n)-th best customer for each cumulative share s."""
    ranked = np.sort(x)[::-1]
    return [float(ranked[_n_top(s, len(x)) - 1]) for s in shares]


def _labels(labels: Any, n: int, *, func: str) -> list[str]:
    if isinstance(labels, str) or not isinstance(labels, Iterable):
        raise TypeError(f"{func}: labels must be a sequence of names, got {labels!r}.")
    labels = [str(v) for v in labels]
    if len(labels) != n:
        raise CRMDataError(f"{func}: labels must have {n} names (one per grade, the rest last), got {len(labels)}.")
    if len(set(labels)) != len(labels):
        raise CRMDataError(f"{func}: labels must be distinct, got {labels}.")
    return labels


# --------------------------------------------------------------------------------------------
# concentration: Pareto, top share, Lorenz, Gini
# --------------------------------------------------------------------------------------------
def pareto_table(data: pd.DataFrame, *, value: str = "monetary", negative: str = "raise") -> pd.DataFrame:
    """Rank customers by value and accumulate their shares: the table behind the 80/20 rule.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    value : str, default "monetary"
        The value to rank by (revenue, margin, ...).
    negative : {"raise", "clip", "allow"}, default "raise"
        What to do with negative values: raise an error; ``"clip"`` counts them as 0;
        ``"allow"`` keeps them, so with profit the cumulative share rises above 1 and comes
        back down (Kaplan's "whale curve" of customer profitability).

    Returns
    -------
    DataFrame
        The same customers (same index labels) **in rank order**, largest value first, with
        ``rank`` (1 = largest), ``value``, ``share`` (value / total), ``cum_share`` and
        ``cum_customer_share`` (rank / n). Sort by index to get the table order back.

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame.
    CRMDataError
        If the column is missing, not numeric, has missing or infinite values, has negative
        values (with ``negative="raise"``), the total is not positive, or the table is empty.

    See Also
    --------
    top_share, lorenz_curve, abc_classify, crmlearn.plots.pareto_chart

    Notes
    -----
    share_i = v_i / sum(v); cum_share_k = sum of the k largest shares; ties keep table order.

    References
    ----------
    Koch, R. (1998). *The 80/20 Principle*. Currency. Kaplan, R. S. & Narayanan, V. G. (2001).
    Measuring and managing customer profitability. *Journal of Cost Management*, 15(5).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"monetary": [30.0, 50.0, 20.0]}, index=["C1", "C2", "C3"])
    >>> pareto_table(df)
        rank  value  share  cum_share  cum_customer_share
    C2     1   50.0    0.5        0.5            0.333333
    C1     2   30.0    0.3        0.8            0.666667
    C3     3   20.0    0.2        1.0            1.000000
    """
    func = "pareto_table"
    x = _shares_input(data, value, negative, func=func, allow=True)
    order = _desc_order(x)
    v = x[order]
    total = v.sum()
    n = len(v)
    rank = np.arange(1, n + 1)
    share = v / total
    return pd.DataFrame(
        {
            "rank": rank,
            "value": data[value].to_numpy(dtype=np.float64)[order],
            "share": share,
            "cum_share": np.cumsum(v) / total,
            "cum_customer_share": rank / n,
        },
        index=data.index[order],
    )


def top_share(data: pd.DataFrame, *, value: str = "monetary", top: float = 0.2, negative: str = "raise") -> float:
    """Share of the total value brought by the top ``top`` fraction of customers (the 80/20 check).

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    value : str, default "monetary"
    top : float, default 0.2
        Fraction of customers, strictly between 0 and 1. "The top 20% of n customers" means the
        ceil(0.2 n) customers with the largest values (at least one).
    negative : {"raise", "clip", "allow"}, default "raise"
        As in :func:`pareto_table` (with ``"allow"`` the share can exceed 1).

    Returns
    -------
    float
        sum of the top ceil(top * n) values / sum of all values.

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame or ``top`` is not a number.
    CRMDataError
        As :func:`pareto_table`, and if ``top`` is not strictly between 0 and 1.

    See Also
    --------
    pareto_table, gini

    Notes
    -----
    One customer brings all of the value (1.0); n equal customers give ceil(top n) / n.

    References
    ----------
    Koch, R. (1998). *The 80/20 Principle*. Currency.

    Examples
    --------
    Exercise 2 of Chapter 4: ten customers with revenues (CNY k) 500, 300, 60, 40, 30, 25, 20, 15, 6, 4.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"monetary": [500, 300, 60, 40, 30, 25, 20, 15, 6, 4]})
    >>> top_share(df, top=0.2)
    0.8
    """
    func = "top_share"
    top = check_fraction(top, func=func, param="top")
    x = _shares_input(data, value, negative, func=func, allow=True)
    k = _n_top(top, len(x))
    if k == len(x):
        best = x.sum()
    else:
        best = np.partition(x, len(x) - k)[len(x) - k:].sum()
    return float(best / x.sum())


def lorenz_curve(data: pd.DataFrame, *, value: str = "monetary", negative: str = "raise") -> pd.DataFrame:
    """The Lorenz curve of the value: cumulative share of customers against cumulative share of value.

    Customers are taken from the smallest value up, so the curve lies below the diagonal of
    perfect equality; the further below, the more concentrated the value.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    value : str, default "monetary"
    negative : {"raise", "clip"}, default "raise"
        As in :func:`pareto_table` (a Lorenz curve needs values >= 0).

    Returns
    -------
    DataFrame
        n + 1 rows (a RangeIndex, not customers): ``cum_customer_share`` and
        ``cum_value_share``, from (0, 0) to (1, 1).

    Raises
    ------
    TypeError, CRMDataError
        As :func:`pareto_table`.

    See Also
    --------
    gini, pareto_table, crmlearn.plots.lorenz_plot

    Notes
    -----
    Point k is (k / n, sum of the k smallest values / total).

    References
    ----------
    Lorenz, M. O. (1905). Methods of measuring the concentration of wealth.
    *Publications of the American Statistical Association*, 9(70), 209-219.

    Examples
    --------
    >>> import pandas as pd
    >>> lorenz_curve(pd.DataFrame({"monetary": [3.0, 1.0]}))
       cum_customer_share  cum_value_share
    0                 0.0             0.00
    1                 0.5             0.25
    2                 1.0             1.00
    """
    func = "lorenz_curve"
    x = np.sort(_shares_input(data, value, negative, func=func))
    n = len(x)
    return pd.DataFrame({
        "cum_customer_share": np.arange(n + 1) / n,
        "cum_value_share": np.concatenate([[0.0], np.cumsum(x) / x.sum()]),
    })


def gini(data: pd.DataFrame, *, value: str = "monetary", negative: str = "raise") -> float:
    """Gini coefficient of the value across customers: 0 = all equal, near 1 = one customer has all.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    value : str, default "monetary"
    negative : {"raise", "clip"}, default "raise"
        As in :func:`lorenz_curve`.

    Returns
    -------
    float
        The Gini coefficient, in [0, (n - 1) / n]. One customer, or equal values, give 0.

    Raises
    ------
    TypeError, CRMDataError
        As :func:`pareto_table`.

    See Also
    --------
    lorenz_curve, top_share

    Notes
    -----
    With values sorted ascending x_(1) <= ... <= x_(n):
    G = 2 * sum(i * x_(i)) / (n * sum(x)) - (n + 1) / n,
    which equals 1 - 2 * (area under the piecewise-linear Lorenz curve) and
    sum_i sum_j |x_i - x_j| / (2 n^2 mean(x)).

    References
    ----------
    Gini, C. (1912). *Variabilità e mutabilità*. Bologna: Tipografia di Paolo Cuppini.

    Examples
    --------
    >>> import pandas as pd
    >>> gini(pd.DataFrame({"monetary": [1.0, 2.0, 3.0, 4.0]}))
    0.25
    """
    func = "gini"
    x = np.sort(_shares_input(data, value, negative, func=func))
    n = len(x)
    i = np.arange(1, n + 1)
    g = 2.0 * np.dot(i, x) / (n * x.sum()) - (n + 1) / n
    return float(round(max(g, 0.0), 15))


# --------------------------------------------------------------------------------------------
# ABC
# --------------------------------------------------------------------------------------------
def abc_classify(
    data: pd.DataFrame,
    *,
    value: str = "monetary",
    cutoffs: Sequence[float] = (0.8, 0.95),
    negative: str = "raise",
) -> pd.DataFrame:
    """Classify customers A/B/C by their cumulative share of total value (A、B、C三类).

    A customers are the few who bring most of the value (serve them first, move resources
    from C to A); B customers the next group; C customers the many who bring little.

    Parameters
    ----------
    data : DataFrame, path(s) or DuckDB relation
        One row per customer (a Parquet or CSV file of it, or a DuckDB relation, is read through DuckDB).
    value : str, default "monetary"
    cutoffs : (float, float), default (0.8, 0.95)
        Cumulative shares of value that end classes A and B.
    negative : {"raise", "clip"}, default "raise"
        As in :func:`pareto_table`; clipped customers have share 0 (and land in C).

    Returns
    -------
    DataFrame
        A copy of ``data`` (same index and order) with ``share`` (value / total), ``cum_share``
        (cumulative share, customers ranked by value, this customer included) and ``abc_class``
        (categorical "A", "B", "C").

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame or ``cutoffs`` is not a sequence of numbers.
    CRMDataError
        As :func:`pareto_table`, and if ``cutoffs`` are not two increasing fractions in (0, 1].

    See Also
    --------
    pareto_table, cost_to_serve_by_class, customer_pyramid, crmlearn.plots.abc_chart

    Notes
    -----
    Boundary rule: a customer is A when the cumulative share **before** it is below the first
    cut-off, so the customer that crosses 80% is still A; B when the share before it is below
    the second cut-off; C otherwise. (Shares are compared to within 1e-9 to absorb round-off.)
    Ranking is by value, largest first; equal values keep table order.

    References
    ----------
    Dickie, H. F. (1951). ABC inventory analysis shoots for dollars, not pennies.
    *Factory Management and Maintenance*, 109(7), 92-94.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"monetary": [500, 300, 60, 40, 30, 25, 20, 15, 6, 4]})
    >>> abc_classify(df)["abc_class"].tolist()
    ['A', 'A', 'B', 'B', 'B', 'B', 'C', 'C', 'C', 'C']
    """
    func = "abc_classify"
    if _is_source(data):   # Parquet/CSV files or a DuckDB relation, read through DuckDB
        from ._core.duck import read_table
        data = read_table(data, func=func)
    a_cut, b_cut = _cutoffs(cutoffs, func=func, param="cutoffs", n=2)
    x = _shares_input(data, value, negative, func=func)
    order = _desc_order(x)
    v = x[order]
    total = v.sum()
    cum = np.cumsum(v)
    before = (cum - v) / total
    codes_sorted = np.where(before < a_cut - _EPS, 0, np.where(before < b_cut - _EPS, 1, 2)).astype(np.int8)
    codes = np.empty_like(codes_sorted)
    codes[order] = codes_sorted
    cum_share = np.empty(len(x))
    cum_share[order] = cum / total
    return _result(data, {
        "share": x / total,
        "cum_share": cum_share,
        "abc_class": pd.Categorical.from_codes(codes, categories=["A", "B", "C"]),
    })


def _positive_number(value: Any, *, func: str, param: str) -> float:
    """A finite number > 0 (TypeError for a non-number, CRMDataError otherwise)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{func}: {param} must be a number, got {type(value).__name__} {value!r}.")
    if not (math.isfinite(value) and value > 0):
        raise CRMDataError(f"{func}: {param} must be a positive number, got {value!r}.")
    return float(value)


def _groups(data: pd.DataFrame, col: str, *, func: str, param: str,
            known: Sequence[str] | None = None) -> tuple[np.ndarray, list]:
    """Integer codes of the groups in ``col`` and the group names, in a stable order.

    A categorical column keeps its categories (empty ones included); text whose values are all
    in ``known`` follows that order (all of ``known`` listed); anything else is sorted.
    """
    check_columns(data, [col], func=func, param=param)
    check_no_missing(data, [col], func=func)
    s = data[col]
    if isinstance(s.dtype, pd.CategoricalDtype):
        cats = list(s.cat.categories)
    else:
        uniq = list(pd.unique(s))
        if known is not None and all(u in known for u in uniq):
            cats = list(known)
        else:
            try:
                cats = sorted(uniq)
            except TypeError:
                cats = uniq
    codes = pd.Categorical(s, categories=cats).codes.astype(np.intp)
    return codes, cats


@renamed_kwargs(revenue="value")
def cost_to_serve_by_class(
    data: pd.DataFrame,
    *,
    by: str = "abc_class",
    cost: str = "cost_to_serve_cny",
    value: str = "monetary",
    cost_periods: float = 1,
) -> pd.DataFrame:
    """Where the cost to serve goes: each class's share of the cost against its share of revenue.

    Serving a customer costs money (visits, support, handling). A class that absorbs a larger
    share of that cost than of the revenue earns each yuan expensively: the sources' advice to
    move resources from class C to class A (and the tier model's first benefit, a more
    efficient use of resources) rests on this comparison.

    Parameters
    ----------
    data : DataFrame
        One row per customer with a class, the cost to serve and the revenue, e.g.
        :func:`abc_classify` applied to the customer summary joined with the customer master.
    by : str, default "abc_class"
        The class (or tier, grade, segment) column.
    cost : str, default "cost_to_serve_cny"
        Cost of serving the customer per cost period (must not be negative).
    value : str, default "monetary"
        Revenue of the customer over the whole period analysed.
    cost_periods : float, default 1
        How many cost periods the revenue covers (e.g. 2 when the revenue spans two years and
        the cost to serve is per year); the cost is multiplied by it.

    Returns
    -------
    DataFrame
        Indexed by class (the categories of a categorical column, empty ones included; else
        sorted): ``customers``, ``revenue`` and ``cost`` (totals), ``revenue_share`` and
        ``cost_share`` (of all customers) and ``cost_per_100_revenue`` (cost per 100 of revenue,
        e.g. CNY per 100 CNY).

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame or ``cost_periods`` is not a number.
    CRMDataError
        If a column is missing, the cost or revenue is not numeric or has missing values, a cost
        is negative, ``cost_periods`` is not positive, or the table is empty.

    See Also
    --------
    abc_classify, tier_profile, crmlearn.segmentation.segment_by

    Notes
    -----
    cost = cost_periods x sum of the class's cost to serve;
    cost_share = cost / total cost; revenue_share = revenue / total revenue;
    cost_per_100_revenue = 100 x cost / revenue (missing when the class's revenue is not
    positive). Shares are missing when the total is not positive.

    References
    ----------
    Kaplan, R. S. & Narayanan, V. G. (2001). Measuring and managing customer profitability.
    *Journal of Cost Management*, 15(5), 5-15. The A/B/C advice (move resources from C to A)
    is from the course's Chapter 3 slides.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"abc_class": ["A", "B", "C", "C"],
    ...                    "monetary": [800.0, 150.0, 30.0, 20.0],
    ...                    "cost_to_serve_cny": [20.0, 10.0, 5.0, 5.0]})
    >>> cost_to_serve_by_class(df)[["customers", "revenue_share", "cost_share", "cost_per_100_revenue"]]
               customers  revenue_share  cost_share  cost_per_100_revenue
    abc_class
    A                  1           0.80        0.50              2.500000
    B                  1           0.15        0.25              6.666667
    C                  2           0.05        0.25             20.000000
    """
    func = "cost_to_serve_by_class"
    data = check_table(data, func=func)
    periods = _positive_number(cost_periods, func=func, param="cost_periods")
    codes, cats = _groups(data, by, func=func, param="by")
    c = _numeric_column(data, cost, func=func, param="cost")
    r = _numeric_column(data, value, func=func, param="value")
    neg = c < 0
    if neg.any():
        raise CRMDataError(
            f"{func}: {_rows(int(neg.sum()))} a negative '{cost}' value (first: {first_offender(data, neg)}, "
            f"value {_py(c[neg][0])!r}). A cost to serve cannot be negative; check the column."
        )
    k = len(cats)
    counts = np.bincount(codes, minlength=k)
    rev = np.bincount(codes, weights=r, minlength=k)
    cst = periods * np.bincount(codes, weights=c, minlength=k)
    nan = np.full(k, np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = pd.DataFrame({
            "customers": counts,
            "revenue": rev,
            "cost": cst,
            "revenue_share": rev / rev.sum() if rev.sum() > 0 else nan,
            "cost_share": cst / cst.sum() if cst.sum() > 0 else nan,
            "cost_per_100_revenue": np.where(rev > 0, 100 * cst / np.where(rev > 0, rev, 1.0), np.nan),
        }, index=pd.Index(cats, name=by))
    return out


# --------------------------------------------------------------------------------------------
# the Chapter 3 rules: gold customers and bad customers
# --------------------------------------------------------------------------------------------
@renamed_kwargs(share="top")
def gold_persistence(
    transactions: pd.DataFrame,
    *,
    top: float = 0.05,
    customer: str = "customer_id",
    date: str = "order_date",
    amount: str = "amount",
    is_return: Any = _DEFAULT,
) -> pd.DataFrame:
    """Do last year's gold customers stay gold? The top ``top`` fraction by net revenue, year after year.

    The sources' rule: use **last year's sales** to predict the 5% of customers who will be gold
    (金牌客户) this year. This takes the top ``top`` fraction of customers by net revenue in each
    calendar year and counts, for each pair of consecutive years, how many gold customers of the
    first year are gold again in the second: how well last year's list predicts this year's.

    Parameters
    ----------
    transactions : DataFrame
        One row per transaction, covering at least two calendar years.
    top : float, default 0.05
        Share of the year's buyers that are gold (0.05 for the 5% rule, 0.2 for the 2/8 ratio).
    customer, date, amount : str, default "customer_id", "order_date", "amount"
        Column names, as in :func:`crmlearn.customers.summarize_customers`.
    is_return : str or None, default "is_return"
        True/false column flagging returns (they count negative), as in
        :func:`crmlearn.customers.summarize_customers`; left at the default, a missing column is
        skipped.

    Returns
    -------
    DataFrame
        One row per pair of consecutive calendar years (a RangeIndex): ``year_from``,
        ``year_to``, ``gold_from`` and ``gold_to`` (gold customers in each year), ``kept``
        (gold in both years) and ``kept_share`` = kept / gold_from.

    Raises
    ------
    TypeError
        If ``transactions`` is not a DataFrame or ``top`` is not a number.
    CRMDataError
        As :func:`crmlearn.customers.summarize_customers`; if ``top`` is not between 0 and 1,
        or the transactions cover a single calendar year.

    See Also
    --------
    crmlearn.customers.sales_by_year, top_share, single_indicator_grade

    Notes
    -----
    The buyers of a year are the customers with a positive net revenue in it; the gold
    customers are the ceil(top x buyers) with the largest net revenue (ties broken by
    customer id). A first or last year that is only partly covered gives fewer, different
    gold customers: compare whole years.

    References
    ----------
    The 5% gold-customer rule and the 2/8 alternative are from the course's Chapter 3 slides
    (the "Differentiate" step of the IDIC model; Peppers, D. & Rogers, M. (2004). *Managing
    Customer Relationships*. Wiley).

    Examples
    --------
    Four customers over three years; with top=0.5 the top two of each year are gold:

    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": ["A", "B", "C", "D"] * 3,
    ...     "order_date": pd.to_datetime(["2022-06-01"] * 4 + ["2023-06-01"] * 4 + ["2024-06-01"] * 4),
    ...     "amount": [90.0, 80.0, 10.0, 5.0,  95.0, 7.0, 60.0, 4.0,  3.0, 2.0, 70.0, 50.0],
    ... })
    >>> gold_persistence(tx, top=0.5)
       year_from  year_to  gold_from  gold_to  kept  kept_share
    0       2022     2023          2        2     1         0.5
    1       2023     2024          2        2     1         0.5
    """
    func = "gold_persistence"
    top = check_fraction(top, func=func, param="top")
    from .customers import _yearly_net

    net, _, years = _yearly_net(transactions, func=func, customer=customer, date=date, amount=amount,
                                is_return=is_return)
    if len(years) < 2:
        raise CRMDataError(
            f"{func}: the transactions cover only {int(years[0])}; comparing gold customers needs at "
            "least two calendar years."
        )
    gold = np.zeros(net.shape, dtype=bool)
    for j in range(len(years)):  # a few years: one sort per year, no loop over customers
        x = net[:, j]
        buyers = int((x > 0).sum())
        if buyers:
            gold[_desc_order(x)[:_n_top(top, buyers)], j] = True
    both = gold[:, :-1] & gold[:, 1:]
    gold_from = gold[:, :-1].sum(axis=0)
    kept = both.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        kept_share = np.where(gold_from > 0, kept / np.maximum(gold_from, 1), np.nan)
    return pd.DataFrame({
        "year_from": years[:-1].astype(np.int64),
        "year_to": years[1:].astype(np.int64),
        "gold_from": gold_from.astype(np.int64),
        "gold_to": gold[:, 1:].sum(axis=0).astype(np.int64),
        "kept": kept.astype(np.int64),
        "kept_share": kept_share,
    })


@renamed_kwargs(inactive_days="max_recency_days")
def bad_customers(
    summary: pd.DataFrame,
    transactions: pd.DataFrame,
    *,
    max_recency_days: float = 365,
    min_lost_tenders: int = 2,
    recency: str = "recency_days",
    tender: str | None = "tender_result",
    lost: str = "lost",
    customer: str = "customer_id",
    order: Any = _DEFAULT,
) -> pd.DataFrame:
    """Flag the "bad" customers (烂户): no order for over a year, or tenders the firm keeps losing.

    The sources' Chapter 3 slides ask the firm to find the 20% "bad" customers who often go more
    than a year without an order or keep making the firm lose tenders, and to spend less on
    them (e.g. send them less mail). Two rules make that operational.

    Parameters
    ----------
    summary : DataFrame
        One row per customer, **indexed by customer id**, with a recency column, e.g. from
        :func:`crmlearn.customers.summarize_customers`.
    transactions : DataFrame
        One row per transaction, with the customer and the tender outcome.
    max_recency_days : float, default 365
        A customer whose last order is **more** than this many days old has no recent order.
    min_lost_tenders : int, default 2
        A customer with at least this many lost tenders "makes the firm lose tenders".
    recency : str, default "recency_days"
        Days since the last purchase, in ``summary``. Missing (never bought in the period) counts
        as no recent order.
    tender : str or None, default "tender_result"
        Column of ``transactions`` with the tender outcome. None leaves the tender rule out.
    lost : str, default "lost"
        The value of ``tender`` that marks a lost tender (compared without case).
    customer : str, default "customer_id"
        Customer id column of ``transactions``.
    order : str or None, default "order_id"
        Order column: the lines of one tender count once. Left at the default, a missing column
        is skipped (each lost row is a tender); pass None to count rows.

    Returns
    -------
    DataFrame
        A copy of ``summary`` (same index and order) with ``n_lost_tenders``,
        ``no_recent_order``, ``many_lost_tenders`` and ``bad`` (either rule) added.

    Raises
    ------
    TypeError
        If a table is not a DataFrame or a parameter has the wrong type.
    CRMDataError
        If a column is missing, recency is not numeric, a customer id is missing or repeated in
        the summary, the thresholds are negative, or there are lost tenders but none of their
        customers is in the summary's index (index the summary by customer id).

    See Also
    --------
    gold_persistence, crmlearn.customers.summarize_customers, rfm_scores

    Notes
    -----
    no_recent_order = recency > max_recency_days (or recency missing);
    many_lost_tenders = distinct lost tenders >= min_lost_tenders; bad = either.
    The sources' "20%" is a rule of thumb: compare it with ``bad.mean()``.

    References
    ----------
    The "bad customer" (烂户) rule is from the course's Chapter 3 slides (the "Differentiate"
    step of the IDIC model; Peppers, D. & Rogers, M. (2004). *Managing Customer Relationships*.
    Wiley).

    Examples
    --------
    >>> import pandas as pd
    >>> summary = pd.DataFrame({"recency_days": [10, 400, 30]},
    ...                        index=pd.Index(["C1", "C2", "C3"], name="customer_id"))
    >>> tx = pd.DataFrame({"customer_id": ["C1", "C3", "C3", "C3"],
    ...                    "order_id": ["O1", "O2", "O3", "O3"],
    ...                    "tender_result": ["won", "lost", "lost", "lost"]})
    >>> bad_customers(summary, tx)[["n_lost_tenders", "no_recent_order", "many_lost_tenders", "bad"]]
                 n_lost_tenders  no_recent_order  many_lost_tenders    bad
    customer_id
    C1                        0            False              False  False
    C2                        0             True              False   True
    C3                        2            False               True   True
    """
    func = "bad_customers"
    summ = check_table(summary, func=func, name="summary")
    tx = check_table(transactions, func=func, name="transactions")
    if isinstance(max_recency_days, bool) or not isinstance(max_recency_days, (int, float, np.integer, np.floating)):
        raise TypeError(f"{func}: max_recency_days must be a number of days, got {type(max_recency_days).__name__}.")
    if not max_recency_days >= 0:
        raise CRMDataError(f"{func}: max_recency_days must be 0 or more, got {max_recency_days!r}. E.g. 365 for a year.")
    min_lost = check_positive_int(min_lost_tenders, func=func, param="min_lost_tenders")
    if not summ.index.is_unique:
        dup = summ.index[summ.index.duplicated()][0]
        raise CRMDataError(f"{func}: the summary lists customer {_py(dup)!r} more than once. "
                           "Pass one row per customer, indexed by customer id.")
    check_columns(summ, [recency], func=func, param="recency")
    check_numeric(summ, [recency], func=func)
    rec = summ[recency].to_numpy(dtype=np.float64, na_value=np.nan)
    no_recent = ~(rec <= max_recency_days)          # missing recency: no order in the period at all
    n_lost = np.zeros(len(summ), dtype=np.int64)
    if tender is not None:
        from .customers import _optional_column

        check_columns(tx, [customer], func=func, param="customer")
        check_columns(tx, [tender], func=func, param="tender")
        order = _optional_column(tx, order, "order_id", func=func, param="order")
        check_no_missing(tx, [customer], func=func)
        is_lost = tx[tender].astype("string").str.lower().eq(str(lost).lower()).fillna(False).to_numpy(bool)
        if is_lost.any():
            rows = tx.loc[is_lost, [customer] + ([order] if order else [])]
            if order:
                rows = rows.drop_duplicates()
            counts = rows[customer].value_counts()
            matched = counts.index.isin(summ.index)
            if not matched.any():
                raise CRMDataError(
                    f"{func}: none of the {len(counts):,} customers with a lost tender (first: "
                    f"{_py(counts.index[0])!r}) is in the summary's index. Index the summary by customer id, "
                    f"e.g. summary.set_index('{customer}')."
                )
            n_lost = counts.reindex(summ.index, fill_value=0).to_numpy(dtype=np.int64)
    many = n_lost >= min_lost
    return _result(summ, {
        "n_lost_tenders": n_lost,
        "no_recent_order": no_recent,
        "many_lost_tenders": many,
        "bad": no_recent | many,
    })


# --------------------------------------------------------------------------------------------
# platinum / gold / iron / lead
# --------------------------------------------------------------------------------------------
def _optional_numeric(data, col, *, func, param):
    if col is None:
        return None
    if col not in data.columns:
        available = [str(c) for c in data.columns]
        raise CRMDataError(
            f"{func}: column '{col}' not found. Available: {available}. "
            f"Pass {param}=<column name>, or {param}=None to leave this rule out."
        )
    return _numeric_column(data, col, func=func, param=param)


def tier_classify(
    data: pd.DataFrame,
    *,
    profit: str = "margin",
    cost_to_serve: str | None = "cost_to_serve_cny",
    price_sensitivity: str | None = "price_sensitivity",
    n_suppliers: str | None = "n_suppliers",
    top: float = 0.2,
    max_price_sensitivity: float = MAX_PRICE_SENSITIVITY,
    max_suppliers: int = MAX_SUPPLIERS,
    cost_periods: float = 1.0,
) -> pd.DataFrame:
    """Sort customers into the four tiers platinum, gold, iron and lead (铂金、黄金、钢铁、重铅).

    The textbook's tier model describes the tiers by profitability, price sensitivity and
    discounts, how the customer spreads its purchases over suppliers, and what it costs to
    serve. These rules make that operational (every threshold is a parameter):

    1. **lead** (重铅): net profit < 0 — loses money after the cost to serve ("problem customers").
    2. **platinum** (铂金): among the top ``top`` share of customers by net profit, not price
       sensitive (price_sensitivity <= ``max_price_sensitivity``) and concentrating purchases
       with us (n_suppliers <= ``max_suppliers``): the most profitable, loyal heavy users.
    3. **gold** (黄金): the rest of the top group: profitable, but they want discounts or spread
       their business over several suppliers to reduce their own risk.
    4. **iron** (钢铁): everyone else — many customers, break-even or modestly profitable, whose
       spending, loyalty and profit do not justify special treatment.

    Parameters
    ----------
    data : DataFrame
        One row per customer, e.g. the customer summary joined with the customer master.
    profit : str, default "margin"
        Gross profit of the customer in the period.
    cost_to_serve : str or None, default "cost_to_serve_cny"
        Cost of serving the customer per period; subtracted (times ``cost_periods``) to get net
        profit. None: net profit = profit.
    price_sensitivity : str or None, default "price_sensitivity"
        0-1 price sensitivity. None leaves the price rule out.
    n_suppliers : str or None, default "n_suppliers"
        Number of suppliers the customer uses. None leaves the supplier rule out.
    top : float, default 0.2
        Share of customers (by net profit, largest first) forming the platinum + gold group;
        only customers with positive net profit qualify.
    max_price_sensitivity : float, default 0.4 (``MAX_PRICE_SENSITIVITY``, shared with quality_traits)
    max_suppliers : int, default 2
    cost_periods : float, default 1.0
        How many cost periods the profit covers (e.g. 2 when ``profit`` spans two years and the
        cost to serve is per year).

    Returns
    -------
    DataFrame
        A copy of ``data`` with ``net_profit``, ``tier`` (ordered categorical platinum > gold >
        iron > lead) and ``tier_zh`` (the Chinese name).

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame or a parameter has the wrong type.
    CRMDataError
        If a named column is missing (pass None to leave its rule out), not numeric or has
        missing values; if ``top`` is not in (0, 1) or the table is empty.

    See Also
    --------
    tier_profile, abc_classify, customer_pyramid, single_indicator_grade

    Notes
    -----
    net_profit = profit - cost_periods * cost_to_serve. The top group is the ceil(top * n)
    customers with the largest net profit (ties in table order) that have net_profit > 0.

    References
    ----------
    Zeithaml, V. A., Rust, R. T. & Lemon, K. N. (2001). The customer pyramid: creating and
    serving profitable customers. *California Management Review*, 43(4), 118-142.

    Examples
    --------
    Exercise 3 of Chapter 4 (a long-time user who is not price sensitive, a discount hunter with
    three suppliers, a small standard buyer, a loss-maker):

    >>> import pandas as pd
    >>> df = pd.DataFrame({"margin": [900.0, 700.0, 50.0, 30.0],
    ...                    "cost_to_serve_cny": [100.0, 100.0, 20.0, 80.0],
    ...                    "price_sensitivity": [0.1, 0.8, 0.5, 0.6],
    ...                    "n_suppliers": [1, 3, 2, 2]}, index=["a", "b", "c", "d"])
    >>> tier_classify(df, top=0.5)["tier"].tolist()
    ['platinum', 'gold', 'iron', 'lead']
    """
    func = "tier_classify"
    data = check_table(data, func=func)
    top = check_fraction(top, func=func, param="top")
    for name, v in (("max_price_sensitivity", max_price_sensitivity), ("max_suppliers", max_suppliers),
                    ("cost_periods", cost_periods)):
        if isinstance(v, bool) or not isinstance(v, (int, float, np.integer, np.floating)):
            raise TypeError(f"{func}: {name} must be a number, got {type(v).__name__} {v!r}.")
    prof = _numeric_column(data, profit, func=func, param="profit")
    cts = _optional_numeric(data, cost_to_serve, func=func, param="cost_to_serve")
    ps = _optional_numeric(data, price_sensitivity, func=func, param="price_sensitivity")
    ns = _optional_numeric(data, n_suppliers, func=func, param="n_suppliers")
    net = prof - cost_periods * cts if cts is not None else prof.copy()
    n = len(net)
    order = _desc_order(net)
    in_top = np.zeros(n, dtype=bool)
    in_top[order[:_n_top(top, n)]] = True
    in_top &= net > 0
    loyal = np.ones(n, dtype=bool)
    if ps is not None:
        loyal &= ps <= max_price_sensitivity
    if ns is not None:
        loyal &= ns <= max_suppliers
    codes = np.full(n, 2, dtype=np.int8)  # iron
    codes[in_top] = 1  # gold
    codes[in_top & loyal] = 0  # platinum
    codes[net < 0] = 3  # lead
    names = list(TIERS)
    tier = pd.Categorical.from_codes(codes, categories=names, ordered=True)
    return _result(data, {
        "net_profit": net,
        "tier": tier,
        "tier_zh": np.asarray(list(TIERS.values()), dtype=object)[codes],
    })


#: The columns :func:`tier_profile` averages by default (those present are used).
TIER_PROFILE_COLUMNS = ("price_sensitivity", "n_suppliers", "frequency")


def tier_profile(
    tiers: pd.DataFrame,
    *,
    tier: str = "tier",
    profit: str = "net_profit",
    columns: Sequence[str] = TIER_PROFILE_COLUMNS,
) -> pd.DataFrame:
    """Profile the tiers: how many customers, how much of the profit, and what they are like.

    The tier model works only if the tiers really differ (the first of its four conditions).
    This table shows it: each tier's customers and net profit, their shares of the whole, and
    the average of the attributes that define the tiers (price sensitivity, number of
    suppliers, purchase frequency, ...).

    Parameters
    ----------
    tiers : DataFrame
        One row per customer with a tier, e.g. the result of :func:`tier_classify`.
    tier : str, default "tier"
        The tier column. A categorical column keeps its order and lists every category (empty
        tiers included); text with the names of :data:`TIERS` is put in that order.
    profit : str, default "net_profit"
        Profit of each customer (the output keeps this column name).
    columns : sequence of str, default ("price_sensitivity", "n_suppliers", "frequency")
        Numeric columns to average per tier. Left at the default, the ones the table lacks are
        skipped; columns you name yourself must exist. Missing values are left out of the
        averages.

    Returns
    -------
    DataFrame
        Indexed by tier: ``customers``, ``customer_share``, the total ``profit`` column (e.g.
        ``net_profit``), ``profit_share`` and ``avg_<column>`` for each column.

    Raises
    ------
    TypeError
        If ``tiers`` is not a DataFrame or ``columns`` is not a list of names.
    CRMDataError
        If a column is missing, the profit or an averaged column is not numeric, the tier or the
        profit has missing values, or the table is empty.

    See Also
    --------
    tier_classify, pyramid_summary, cost_to_serve_by_class

    Notes
    -----
    customer_share = customers / all customers; profit_share = tier profit / total profit
    (missing when the total is not positive; with loss-making tiers the profitable tiers'
    shares add up to more than 1, the whale curve); avg_x = mean of x over the tier's
    customers with a value.

    References
    ----------
    Zeithaml, V. A., Rust, R. T. & Lemon, K. N. (2001). The customer pyramid: creating and
    serving profitable customers. *California Management Review*, 43(4), 118-142.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"margin": [900.0, 700.0, 50.0, 30.0],
    ...                    "cost_to_serve_cny": [100.0, 100.0, 20.0, 80.0],
    ...                    "price_sensitivity": [0.1, 0.8, 0.5, 0.6],
    ...                    "n_suppliers": [1, 3, 2, 2]}, index=["a", "b", "c", "d"])
    >>> profile = tier_profile(tier_classify(df, top=0.5))
    >>> profile[["customers", "net_profit", "profit_share", "avg_n_suppliers"]]
              customers  net_profit  profit_share  avg_n_suppliers
    tier
    platinum          1       800.0      0.579710              1.0
    gold              1       600.0      0.434783              3.0
    iron              1        30.0      0.021739              2.0
    lead              1       -50.0     -0.036232              2.0
    """
    func = "tier_profile"
    data = check_table(tiers, func=func, name="tiers")
    if isinstance(columns, str):
        columns = [columns]
    elif not isinstance(columns, Iterable):
        raise TypeError(f"{func}: columns must be a list of column names, got {type(columns).__name__}.")
    if columns is TIER_PROFILE_COLUMNS:
        cols = [c for c in columns if c in data.columns]
    else:
        cols = list(columns)
        check_columns(data, cols, func=func, param="columns")
    codes, cats = _groups(data, tier, func=func, param="tier", known=list(TIERS))
    x = _numeric_column(data, profit, func=func, param="profit")
    check_numeric(data, cols, func=func)
    k = len(cats)
    counts = np.bincount(codes, minlength=k)
    total = np.bincount(codes, weights=x, minlength=k)
    out: dict[str, Any] = {
        "customers": counts,
        "customer_share": counts / len(x),
        profit: total,
        "profit_share": total / x.sum() if x.sum() > 0 else np.full(k, np.nan),
    }
    for col in cols:
        v = data[col].to_numpy(dtype=np.float64, na_value=np.nan)
        have = ~np.isnan(v)
        n = np.bincount(codes[have], minlength=k)
        s = np.bincount(codes[have], weights=v[have], minlength=k)
        with np.errstate(invalid="ignore", divide="ignore"):
            out[f"avg_{col}"] = np.where(n > 0, s / np.maximum(n, 1), np.nan)
    return pd.DataFrame(out, index=pd.Index(cats, name=tier))


# --------------------------------------------------------------------------------------------
# single- and multi-indicator grading, value scorecard
# --------------------------------------------------------------------------------------------
def single_indicator_grade(
    data: pd.DataFrame,
    *,
    value: str = "monetary",
    thresholds: Sequence[float] | Mapping[str, float] | None = None,
    shares: Sequence[float] = (0.05, 0.2, 0.5),
    labels: Sequence[str] = ("platinum", "gold", "silver", "standard"),
) -> pd.DataFrame:
    """Grade customers on one indicator, e.g. platinum, gold and silver cards (单一指标分类法).

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    value : str, default "monetary"
        The single indicator; larger is better.
    thresholds : sequence of float, or dict label -> float, optional
        Minimum value for each grade, best grade first (decreasing), e.g.
        ``{"platinum": 50000, "gold": 10000, "silver": 2000}``. Customers below the last one get
        the last label. When given, ``shares`` is ignored.
    shares : sequence of float, default (0.05, 0.2, 0.5)
        Without thresholds: cumulative shares of customers for each grade (top 5% platinum, the
        next up to 20% gold, up to 50% silver). The threshold of a grade is the value of the
        ceil(share * n)-th best customer, and every customer with at least that value gets the
        grade, so **equal values always get the same grade** (a grade can then hold a little
        more than its share).
    labels : sequence of str, default ("platinum", "gold", "silver", "standard")
        One name per grade, best first, plus the name for everyone else.

    Returns
    -------
    DataFrame
        A copy of ``data`` with ``grade`` (ordered categorical, best first).

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame or a parameter has the wrong type.
    CRMDataError
        If the column is missing, not numeric or has missing values; if thresholds do not
        decrease, shares do not increase within (0, 1], or the number of labels does not match.

    See Also
    --------
    multi_indicator_score, abc_classify

    Notes
    -----
    grade = labels[j] for the first j with value >= threshold_j, else labels[-1].

    References
    ----------
    The platinum / gold / silver card example of the textbook chapter on customer grading.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"monetary": [60000, 12000, 3000, 500]})
    >>> single_indicator_grade(df, thresholds={"platinum": 50000, "gold": 10000, "silver": 2000},
    ...                        labels=["platinum", "gold", "silver", "standard"])["grade"].tolist()
    ['platinum', 'gold', 'silver', 'standard']
    """
    func = "single_indicator_grade"
    data = check_table(data, func=func)
    x = _numeric_column(data, value, func=func, param="value")
    if thresholds is not None:
        if isinstance(thresholds, Mapping):
            if labels is not None and list(thresholds) != list(labels)[: len(thresholds)]:
                labels = [*thresholds, list(labels)[-1]]
            cuts = list(thresholds.values())
        elif isinstance(thresholds, (str, bytes)) or not isinstance(thresholds, Iterable):
            raise TypeError(f"{func}: thresholds must be a list of numbers or a dict label -> number, got {thresholds!r}.")
        else:
            cuts = list(thresholds)
        for c in cuts:
            if isinstance(c, bool) or not isinstance(c, (int, float, np.integer, np.floating)) or math.isnan(c):
                raise TypeError(f"{func}: thresholds must be numbers, got {c!r}.")
        if any(b >= a for a, b in zip(cuts, cuts[1:])):
            raise CRMDataError(f"{func}: thresholds must decrease, best grade first, got {cuts}.")
        cuts = [float(c) for c in cuts]
    else:
        cuts = _share_thresholds(x, _cutoffs(shares, func=func, param="shares"))
    labels = _labels(labels, len(cuts) + 1, func=func)
    return _result(data, {"grade": _grade_by_thresholds(x, cuts, labels)})


def _normalise(x: np.ndarray, method: str) -> np.ndarray:
    """Min-max to [0, 1], z-score, or percentile rank in [0, 1] (average ranks for ties)."""
    n = len(x)
    if method == "minmax":
        lo, hi = x.min(), x.max()
        return np.full(n, 0.5) if hi == lo else (x - lo) / (hi - lo)
    if method == "zscore":
        sd = x.std()
        return np.zeros(n) if sd == 0 else (x - x.mean()) / sd
    if n == 1:
        return np.full(1, 0.5)
    ranks = pd.Series(x).rank(method="average").to_numpy()
    return (ranks - 1) / (n - 1)


def _weights(weights: Any, *, func: str, param: str = "weights") -> dict:
    if not isinstance(weights, Mapping):
        raise TypeError(f"{func}: {param} must be a dict column -> weight, e.g. {{'monetary': 2, 'frequency': 1}}, "
                        f"got {type(weights).__name__}.")
    if not weights:
        raise CRMDataError(f"{func}: {param} is empty; give at least one column and its weight.")
    out = {}
    for k, w in weights.items():
        if isinstance(w, bool) or not isinstance(w, (int, float, np.integer, np.floating)) or math.isnan(w):
            raise TypeError(f"{func}: the weight of {k!r} must be a number, got {w!r}.")
        out[k] = float(w)
    if sum(abs(w) for w in out.values()) == 0:
        raise CRMDataError(f"{func}: every weight in {param} is 0; give at least one non-zero weight.")
    return out


def multi_indicator_score(
    data: pd.DataFrame,
    *,
    weights: Mapping[str, float],
    method: str = "minmax",
    shares: Sequence[float] = (0.05, 0.2, 0.5),
    labels: Sequence[str] = ("platinum", "gold", "silver", "standard"),
) -> pd.DataFrame:
    """Grade customers on several indicators at once (多重指标分析法): normalise, weight, rank, grade.

    Parameters
    ----------
    data : DataFrame
        One row per customer with the indicator columns (e.g. the four indicator families joined).
    weights : dict column -> weight
        Importance of each indicator. A **negative weight means "lower is better"** (e.g.
        ``{"recency_days": -1}``); its size is the importance.
    method : {"minmax", "zscore", "rank"}, default "minmax"
        How each column is put on a common scale: min-max to [0, 1] (a constant column gives 0.5);
        z-score (a constant column gives 0); or percentile rank in [0, 1] (robust to outliers).
    shares, labels :
        How the score is cut into grades, as in :func:`single_indicator_grade`.

    Returns
    -------
    DataFrame
        A copy of ``data`` with ``score`` (in [0, 1] for minmax and rank), ``rank`` (1 = best;
        equal scores share the best rank) and ``grade``.

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame, ``weights`` is not a dict of numbers.
    CRMDataError
        If a weighted column is missing, not numeric or has missing values, every weight is 0,
        ``method`` is unknown, or the table is empty.

    See Also
    --------
    single_indicator_grade, value_scorecard

    Notes
    -----
    With z_j the normalised column j, oriented o_j = z_j for w_j > 0 and o_j = 1 - z_j
    (``-z_j`` for zscore) for w_j < 0: score = sum_j |w_j| o_j / sum_j |w_j|.

    References
    ----------
    Saaty-style weighted scoring; see e.g. Kumar, V. & Reinartz, W. (2018). *Customer
    Relationship Management* (3rd ed.), Springer, ch. 5.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"monetary": [100.0, 300.0, 200.0], "recency_days": [10, 200, 50]},
    ...                   index=["C1", "C2", "C3"])
    >>> multi_indicator_score(df, weights={"monetary": 1, "recency_days": -1})[["score", "rank"]]
           score  rank
    C1  0.500000     2
    C2  0.500000     2
    C3  0.644737     1
    """
    func = "multi_indicator_score"
    data = check_table(data, func=func)
    w = _weights(weights, func=func)
    check_choice(method, ["minmax", "zscore", "rank"], func=func, param="method")
    check_columns(data, list(w), func=func, param="weights")
    total = sum(abs(v) for v in w.values())
    score = np.zeros(len(data))
    for col, wt in w.items():
        z = _normalise(_numeric_column(data, col, func=func, param="weights"), method)
        if wt < 0:
            z = -z if method == "zscore" else 1.0 - z
        score += abs(wt) * z
    score /= total
    rank = pd.Series(-score).rank(method="min").to_numpy().astype(np.int64)
    cuts = _share_thresholds(score, _cutoffs(shares, func=func, param="shares"))
    labels = _labels(labels, len(cuts) + 1, func=func)
    return _result(data, {"score": score, "rank": rank, "grade": _grade_by_thresholds(score, cuts, labels)})


def value_scorecard(
    data: pd.DataFrame,
    *,
    financial: str | Sequence[str] | None = "margin",
    service: str | Sequence[str] | None = None,
    potential: str | Sequence[str] | None = None,
    sales: str | Sequence[str] | None = "monetary",
    weights: Mapping[str, float] | None = None,
    method: str = "rank",
    split: str | float = "median",
) -> pd.DataFrame:
    """The customer value scorecard (客户价值记分卡): current value, potential value and a 2x2 quadrant.

    Like a balanced scorecard, it looks at each customer from four perspectives: **financial**
    (the value the customer creates for us, e.g. margin), **service** (how we look in the
    customer's eyes, e.g. satisfaction), **customer** (the customer's development potential,
    e.g. growth or purchases we do not have yet) and **sales** (sales achieved). Financial and
    sales make the current value (现实价值); service and customer potential the potential
    value (潜在价值). The quadrant says what to do with each customer.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    financial, service, potential, sales : str or list of str or None
        Column(s) measuring each perspective (larger is better). Current value needs
        ``financial`` or ``sales``; potential value needs ``service`` or ``potential``.
    weights : dict, optional
        Weight of each perspective, keys among "financial", "service", "customer", "sales"
        (default 1 each; 0 switches a perspective off).
    method : {"rank", "minmax", "zscore"}, default "rank"
        How each column is put on a 0-1 scale (as in :func:`multi_indicator_score`; rank is
        robust to the skew of money amounts; zscore is squashed to 0-1 by the normal CDF).
    split : "median", "mean" or float, default "median"
        Where the quadrant lines are: above the median (or mean) of current and of potential
        value is "high"; a float in [0, 1] is a fixed score.

    Returns
    -------
    DataFrame
        A copy of ``data`` with ``financial_score``, ``service_score``, ``customer_score``,
        ``sales_score`` (0-1; missing for a perspective without columns), ``current_value``,
        ``potential_value``, ``score`` (weighted mean of the four), ``rank`` (1 = best),
        ``quadrant`` (core / maintain / develop / reduce), ``quadrant_zh`` and ``action``
        (see :data:`SCORECARD_QUADRANTS`).

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame or ``weights`` is not a dict of numbers.
    CRMDataError
        If a column is missing, not numeric or has missing values, current or potential value
        has no column, a weight key is unknown, or the table is empty.

    See Also
    --------
    multi_indicator_score, crmlearn.plots.scorecard_plot

    Notes
    -----
    perspective score = mean of its normalised columns;
    current = (w_f f + w_s s) / (w_f + w_s); potential = (w_v v + w_c c) / (w_v + w_c);
    high = strictly above the split, so customers exactly at the median are "low" (with one
    customer, or all customers equal, everybody is in "reduce").

    References
    ----------
    Kaplan, R. S. & Norton, D. P. (1992). The balanced scorecard: measures that drive
    performance. *Harvard Business Review*, 70(1), 71-79.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"margin": [90, 80, 10, 5], "monetary": [900, 700, 100, 60],
    ...                    "satisfaction": [4, 2, 5, 1], "growth": [0.3, 0.0, 0.4, 0.1]},
    ...                   index=["C1", "C2", "C3", "C4"])
    >>> sc = value_scorecard(df, service="satisfaction", potential="growth")
    >>> sc["quadrant"].tolist()
    ['core', 'maintain', 'develop', 'reduce']
    """
    func = "value_scorecard"
    data = check_table(data, func=func)
    check_choice(method, ["rank", "minmax", "zscore"], func=func, param="method")
    persp = {"financial": financial, "service": service, "customer": potential, "sales": sales}
    w = _scorecard_weights(weights, list(persp), func=func)
    scores = {name: _perspective_score(data, cols, method, func=func, param=_SCORECARD_PARAM[name])
              for name, cols in persp.items()}

    def combine(names, label, hint):
        used = [k for k in names if scores[k] is not None and w[k] > 0]
        if not used:
            raise CRMDataError(f"{func}: {label} needs at least one column with a positive weight: pass {hint}.")
        return sum(w[k] * scores[k] for k in used) / sum(w[k] for k in used)

    current = combine(("financial", "sales"), "current value", "financial=... or sales=...")
    potential_v = combine(("service", "customer"), "potential value", "service=... or potential=...")
    used = [k for k in persp if scores[k] is not None and w[k] > 0]
    score = sum(w[k] * scores[k] for k in used) / sum(w[k] for k in used)

    c_cut, p_cut = _scorecard_split(split, current, potential_v, func=func)
    hi_c, hi_p = current > c_cut + _EPS, potential_v > p_cut + _EPS
    code = np.where(hi_c, np.where(hi_p, 0, 1), np.where(hi_p, 2, 3)).astype(np.int8)
    quads = [SCORECARD_QUADRANTS[k] for k in ((True, True), (True, False), (False, True), (False, False))]
    out_cols = {f"{k}_score": (scores[k] if scores[k] is not None else np.full(len(data), np.nan)) for k in persp}
    out_cols.update({
        "current_value": current,
        "potential_value": potential_v,
        "score": score,
        "rank": pd.Series(-score).rank(method="min").to_numpy().astype(np.int64),
        "quadrant": pd.Categorical.from_codes(code, categories=[q[0] for q in quads]),
        "quadrant_zh": np.asarray([q[1] for q in quads], dtype=object)[code],
        "action": np.asarray([q[2] for q in quads], dtype=object)[code],
    })
    out = _result(data, out_cols)
    out.attrs["split"] = {"current": c_cut, "potential": p_cut}   # provenance only; plots take split=
    return out


#: The scorecard's perspectives and the keyword that names their columns.
_SCORECARD_PARAM = {"financial": "financial", "service": "service", "customer": "potential", "sales": "sales"}


def _scorecard_weights(weights: Any, perspectives: list[str], *, func: str) -> dict[str, float]:
    """Weights of the four perspectives: 1 each unless given (0 switches one off)."""
    w = {k: 1.0 for k in perspectives}
    if weights is not None:
        given = _weights(weights, func=func)
        unknown = set(given) - set(perspectives)
        if unknown:
            raise CRMDataError(f"{func}: weights has unknown key {sorted(unknown)[0]!r}. Use keys among {perspectives}.")
        if any(v < 0 for v in given.values()):
            raise CRMDataError(f"{func}: weights must be >= 0 (0 switches a perspective off), got {given}.")
        w.update(given)
    return w


def _perspective_score(data: pd.DataFrame, cols: Any, method: str, *, func: str, param: str) -> np.ndarray | None:
    """One perspective's score in [0, 1]: the mean of its normalised columns (None when it has none)."""
    if cols is None:
        return None
    cols = [cols] if isinstance(cols, str) else list(cols)
    if not cols:
        return None
    parts = []
    for c in cols:
        z = _normalise(_numeric_column(data, c, func=func, param=param), method)
        if method == "zscore":
            from scipy.special import ndtr

            z = ndtr(z)
        parts.append(z)
    return np.mean(parts, axis=0)


def _scorecard_split(split: Any, current: np.ndarray, potential: np.ndarray, *, func: str) -> tuple[float, float]:
    """Where current and potential value count as high: their median or mean, or one fixed score."""
    if isinstance(split, str):
        check_choice(split, ["median", "mean"], func=func, param="split")
        agg = np.median if split == "median" else np.mean
        return float(agg(current)), float(agg(potential))
    cut = check_fraction(split, func=func, param="split", inclusive=True)
    return cut, cut


# --------------------------------------------------------------------------------------------
# customer pyramid
# --------------------------------------------------------------------------------------------
def _levels(levels: Any, *, func: str) -> dict[str, float]:
    if isinstance(levels, str):
        check_choice(levels, list(PYRAMID_LEVELS), func=func, param="levels")
        return dict(PYRAMID_LEVELS[levels])
    if isinstance(levels, Mapping):
        items = list(levels.items())
    elif isinstance(levels, Iterable):
        items = list(levels)
        if not all(isinstance(i, (tuple, list)) and len(i) == 2 for i in items):
            raise TypeError(f"{func}: levels must be a preset name, a dict level -> share or (level, share) pairs.")
    else:
        raise TypeError(f"{func}: levels must be a preset name {list(PYRAMID_LEVELS)}, a dict level -> share "
                        f"or (level, share) pairs, got {type(levels).__name__}.")
    if len(items) < 2:
        raise CRMDataError(f"{func}: levels needs at least two levels, got {items!r}.")
    out = {}
    for name, share in items:
        if isinstance(share, bool) or not isinstance(share, (int, float, np.integer, np.floating)):
            raise TypeError(f"{func}: the share of level {name!r} must be a number, got {share!r}.")
        if not (0 < share <= 1):
            raise CRMDataError(f"{func}: the share of level {name!r} must be in (0, 1], got {share!r}.")
        out[str(name)] = float(share)
    if len(out) != len(items):
        raise CRMDataError(f"{func}: level names must be distinct, got {[i[0] for i in items]}.")
    total = sum(out.values())
    if abs(total - 1) > 1e-6:
        raise CRMDataError(f"{func}: the level shares must add up to 1, got {total:g} from {out}.")
    return out


def customer_pyramid(
    data: pd.DataFrame,
    *,
    value: str = "monetary",
    levels: str | Mapping[str, float] | Sequence[tuple[str, float]] = "vip",
    inactive: str | None = "inactive",
) -> pd.DataFrame:
    """Place each customer in a level of the customer pyramid (客户金字塔), top level first.

    Customers are ranked by value and cut into levels holding given shares of customers: a
    small top, a wide base. Two presets (see :data:`PYRAMID_LEVELS`): ``"vip"`` (VIP grading,
    VIP分级: top 1%, big 4%, medium 15%, small 80%) and ``"platinum"`` (platinum grading,
    铂金分级: platinum 5%, gold 15%, iron 50%, lead 30%).

    Parameters
    ----------
    data : DataFrame, path(s) or DuckDB relation
        One row per customer (a Parquet or CSV file of it, or a DuckDB relation, is read through DuckDB).
    value : str, default "monetary"
    levels : str, dict or sequence of (name, share), default "vip"
        A preset name, or level -> share of customers, top level first; shares add up to 1.
    inactive : str or None, default "inactive"
        Name of an extra bottom level for customers whose value is zero or negative (no net
        purchase in the period); the shares then apply to the others. None ranks them with
        everybody else.

    Returns
    -------
    DataFrame
        A copy of ``data`` with ``rank`` (1 = largest value; equal values in table order) and
        ``level`` (ordered categorical, top level first, ``inactive`` last).

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame or ``levels`` has the wrong form.
    CRMDataError
        If the column is missing, not numeric or has missing values; if the shares do not add up
        to 1, a preset is unknown, or the table is empty.

    See Also
    --------
    pyramid_summary, abc_classify, tier_classify, crmlearn.plots.pyramid_plot

    Notes
    -----
    With m ranked (active) customers and cumulative shares S_1 < ... < S_L = 1, level j holds
    ranks ceil(S_{j-1} m) + 1 .. ceil(S_j m) (a level can be empty when m is small).

    References
    ----------
    Curry, J. & Curry, A. (2000). *The Customer Marketing Method*. Free Press.
    Zeithaml, V. A., Rust, R. T. & Lemon, K. N. (2001). The customer pyramid. *California
    Management Review*, 43(4), 118-142.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"monetary": [500, 300, 60, 40, 30, 25, 20, 15, 6, 0]})
    >>> customer_pyramid(df, levels={"gold": 0.2, "silver": 0.3, "bronze": 0.5})["level"].tolist()
    ['gold', 'gold', 'silver', 'silver', 'silver', 'bronze', 'bronze', 'bronze', 'bronze', 'inactive']
    """
    func = "customer_pyramid"
    if _is_source(data):   # Parquet/CSV files or a DuckDB relation, read through DuckDB
        from ._core.duck import read_table
        data = read_table(data, func=func)
    data = check_table(data, func=func)
    lv = _levels(levels, func=func)
    x = _numeric_column(data, value, func=func, param="value")
    names = list(lv)
    if inactive is not None:
        inactive = str(inactive)
        if inactive in lv:
            raise CRMDataError(f"{func}: inactive={inactive!r} is also a level name; pick another name.")
    n = len(x)
    order = _desc_order(x)
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(1, n + 1)
    active = x > 0 if inactive is not None else np.ones(n, dtype=bool)
    m = int(active.sum())
    # active customers come first in `order` (values > 0 sort before values <= 0)
    cum = np.cumsum(list(lv.values()))
    bounds = np.array([min(m, math.ceil(c * m - _EPS)) for c in cum])
    bounds[-1] = m
    level_sorted = np.searchsorted(bounds, np.arange(n), side="right").astype(np.int8)
    level_sorted[m:] = len(names)  # inactive
    codes = np.empty(n, dtype=np.int8)
    codes[order] = level_sorted
    cats = names + ([inactive] if inactive is not None else [])
    out = _result(data, {"rank": rank, "level": pd.Categorical.from_codes(codes, categories=cats, ordered=True)})
    out.attrs["levels"] = lv
    return out


@renamed_kwargs(core_share="top")
def pyramid_summary(
    pyramid: pd.DataFrame,
    *,
    value: str = "monetary",
    level: str = "level",
    core: Sequence[str] | None = None,
    top: float = 0.2,
    options: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Customers and value per level of the pyramid, with what to do with non-core customers.

    Core customers (核心客户) are managed intensively; for non-core customers (非核心客户) the
    textbook gives three options: convert them into core customers, transfer them to a third
    party, or give them up (:data:`NON_CORE_OPTIONS`).

    Parameters
    ----------
    pyramid : DataFrame
        The output of :func:`customer_pyramid` (or any table with a level column).
    value : str, default "monetary"
    level : str, default "level"
    core : list of str, optional
        The core levels. Default: the top levels holding the first ``top`` share of the active
        customers (a level is core when the share of active customers above it is below ``top``).
    top : float, default 0.2
        (Was ``core_share``; the old keyword still works with a FutureWarning.)
    options : dict level -> text, optional
        The suggested option for each non-core level. Default: the highest non-core level
        "convert", the lowest "give up", those in between "transfer".

    Returns
    -------
    DataFrame
        Indexed by level (top first, every level even if empty): ``customers``,
        ``customer_share``, ``value`` (total), ``value_share``, ``avg_value``, ``core`` (bool)
        and ``management`` (what to do).

    Raises
    ------
    TypeError
        If ``pyramid`` is not a DataFrame.
    CRMDataError
        If a column is missing, the value is not numeric or has missing values, a core level is
        unknown, or the table is empty.

    See Also
    --------
    customer_pyramid

    Notes
    -----
    customer_share = customers / all customers; value_share = value / total value.

    References
    ----------
    The customer pyramid and its management (客户金字塔分类管理) in the textbook chapter on
    customer grading; Zeithaml, Rust & Lemon (2001).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"monetary": [500, 300, 60, 40, 30, 25, 20, 15, 6, 0]})
    >>> pyr = customer_pyramid(df, levels={"gold": 0.2, "silver": 0.3, "bronze": 0.5})
    >>> pyramid_summary(pyr)[["customers", "value_share", "core"]]
              customers  value_share   core
    level
    gold              2     0.803213   True
    silver            3     0.130522  False
    bronze            4     0.066265  False
    inactive          1     0.000000  False
    """
    func = "pyramid_summary"
    pyr = check_table(pyramid, func=func, name="pyramid")
    check_columns(pyr, [level], func=func, param="level")
    check_no_missing(pyr, [level], func=func)
    x = _numeric_column(pyr, value, func=func, param="value")
    lev = pyr[level]
    cats = list(lev.cat.categories) if isinstance(lev.dtype, pd.CategoricalDtype) else list(pd.unique(lev))
    codes = pd.Categorical(lev, categories=cats).codes
    k = len(cats)
    counts = np.bincount(codes, minlength=k)
    totals = np.bincount(codes, weights=x, minlength=k)
    n = len(x)
    total_value = x.sum()
    cust_share = counts / n
    if core is None:
        check_fraction(top, func=func, param="top")
        # inactive customers (the level customer_pyramid names 'inactive', or any level with no
        # value) are never core, and the core share is a share of the active customers only
        idle = np.array([str(c) == "inactive" for c in cats]) | ((totals == 0) & (counts > 0))
        active_share = np.where(idle, 0, counts) / max(int(np.where(idle, 0, counts).sum()), 1)
        above = np.concatenate([[0.0], np.cumsum(active_share)[:-1]])
        is_core = (above < top - _EPS) & ~idle & (counts > 0)
    else:
        core = [core] if isinstance(core, str) else list(core)
        unknown = [c for c in core if c not in cats]
        if unknown:
            raise CRMDataError(f"{func}: core level {unknown[0]!r} is not a level. Levels: {cats}.")
        is_core = np.array([c in core for c in cats])
    manage = []
    non_core = [i for i in range(k) if not is_core[i]]
    for i in range(k):
        if is_core[i]:
            manage.append("core: manage intensively (核心客户)")
        elif options is not None and cats[i] in options:
            manage.append(str(options[cats[i]]))
        elif i == non_core[-1] and len(non_core) > 1:
            manage.append(NON_CORE_OPTIONS["give_up"])
        elif i == non_core[0]:
            manage.append(NON_CORE_OPTIONS["convert"])
        else:
            manage.append(NON_CORE_OPTIONS["transfer"])
    with np.errstate(invalid="ignore", divide="ignore"):
        out = pd.DataFrame({
            "customers": counts,
            "customer_share": cust_share,
            "value": totals,
            "value_share": totals / total_value if total_value != 0 else np.full(k, np.nan),
            "avg_value": np.where(counts > 0, totals / np.maximum(counts, 1), np.nan),
            "core": is_core,
            "management": manage,
        }, index=pd.Index(cats, name=level))
    return out


# --------------------------------------------------------------------------------------------
# RFM
# --------------------------------------------------------------------------------------------
_MAX_RFM_BINS = 99  # scores and the 'R-F-M' code are stored in two decimal digits each


def _tie_aware_scores(x: np.ndarray, bins: int) -> np.ndarray:
    """Scores 1..bins, higher for larger x, in near-equal-count bins, equal values in one bin.

    Cut j sits where the cumulative count of customers (by distinct value) is closest to
    j * n / bins. When there are at least ``bins`` distinct values, the cuts are then nudged so
    every bin holds at least one distinct value (every score is used). With fewer distinct
    values some scores stay unused (all-equal values all get the middle score).
    """
    # One sort (no argsort): the distinct values and, for each, how many customers lie below it.
    xs = np.sort(x)
    n = len(xs)
    starts = np.flatnonzero(np.concatenate([[True], xs[1:] != xs[:-1]])) if n else np.zeros(0, np.int64)
    uniq = xs[starts]
    d = len(uniq)
    cum = np.concatenate([starts, [n]])
    targets = np.arange(1, bins) * n / bins
    hi = np.searchsorted(cum, targets, side="left")
    lo = np.maximum(hi - 1, 0)
    hi = np.minimum(hi, d)
    cuts = np.where(targets - cum[lo] <= cum[hi] - targets, lo, hi).astype(np.int64)
    if d >= bins:
        for j in range(bins - 1):
            cuts[j] = max(cuts[j], cuts[j - 1] + 1 if j else 1)
        for j in range(bins - 2, -1, -1):
            cuts[j] = min(cuts[j], d - (bins - 1 - j))
    # A customer's score is 1 + the number of cuts at or below its value's rank: compare with the
    # value at each cut (the same scores as ranking every value, without the per-customer lookup).
    score = np.ones(n, dtype=np.int8)
    for c in cuts:
        if c < d:
            score += x >= uniq[c]
    return score


def rfm_scores(
    data: pd.DataFrame,
    *,
    bins: int = 5,
    recency: str = "recency_days",
    frequency: str = "frequency",
    monetary: str = "monetary",
) -> pd.DataFrame:
    """Score each customer 1..bins on recency, frequency and monetary value (RFM).

    Higher is better on each: the most recent buyers get R = bins, the most frequent F = bins,
    the biggest spenders M = bins. Customers are split into near-equal groups, but **equal
    values always get the same score** (a customer who bought once is never scored above
    another who bought once); whenever a column has at least ``bins`` different values, every
    score 1..bins is used.

    Parameters
    ----------
    data : DataFrame, path(s) or DuckDB relation
        One row per customer, e.g. from :func:`crmlearn.customers.summarize_customers` (a Parquet
        or CSV file of it, or a DuckDB relation, is read through DuckDB).
    bins : int, default 5
        Number of score levels (2 or more).
    recency, frequency, monetary : str
        Columns: days since the last purchase (lower is better), number of purchases, value.

    Returns
    -------
    DataFrame
        A copy of ``data`` with ``R``, ``F``, ``M`` (int8, 1..bins), ``rfm_code`` (categorical
        text such as "545"; "10-3-5" style when bins > 9) and ``rfm_score`` = R + F + M.

    Raises
    ------
    TypeError
        If ``data`` is not a DataFrame or ``bins`` is not a whole number.
    CRMDataError
        If a column is missing, not numeric or has missing values (e.g. customers without a
        purchase have no recency), recency or frequency is negative, bins < 2, or the table is empty.

    See Also
    --------
    rfm_segments, crmlearn.customers.summarize_customers, crmlearn.plots.rfm_heatmap

    Notes
    -----
    Cut j (j = 1..bins-1) is placed between distinct values where the number of customers
    below it is closest to j n / bins; with at least ``bins`` distinct values the cuts are moved
    the least needed so every score is used. With fewer distinct values (e.g. all equal, or a
    single customer) scores fall where their quantile puts them: all-equal values get the
    middle score. Recency is scored on -recency.

    References
    ----------
    Hughes, A. M. (1994). *Strategic Database Marketing*. Probus.
    Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using iso-value curves for
    customer base analysis. *Journal of Marketing Research*, 42(4), 415-430.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"recency_days": [5, 40, 200], "frequency": [9, 3, 1],
    ...                    "monetary": [900.0, 150.0, 40.0]}, index=["C1", "C2", "C3"])
    >>> rfm_scores(df, bins=3)[["R", "F", "M", "rfm_code", "rfm_score"]]
        R  F  M rfm_code  rfm_score
    C1  3  3  3      333          9
    C2  2  2  2      222          6
    C3  1  1  1      111          3
    """
    func = "rfm_scores"
    if _is_source(data):   # Parquet/CSV files or a DuckDB relation, read through DuckDB
        from ._core.duck import read_table
        data = read_table(data, func=func)
    data = check_table(data, func=func)
    bins = check_positive_int(bins, func=func, param="bins", minimum=2)
    if bins > _MAX_RFM_BINS:
        raise CRMDataError(
            f"{func}: bins={bins} is more than {_MAX_RFM_BINS}; RFM scores are 1..bins on each of R, F and M "
            "(the usual choice is 5). Pass bins between 2 and 99."
        )
    r = _numeric_column(data, recency, func=func, param="recency")
    f = _numeric_column(data, frequency, func=func, param="frequency")
    m = _numeric_column(data, monetary, func=func, param="monetary")
    for col, arr in ((recency, r), (frequency, f)):
        neg = arr < 0
        if neg.any():
            raise CRMDataError(
                f"{func}: {_rows(int(neg.sum()))} a negative '{col}' value (first: {first_offender(data, neg)}, "
                f"value {_py(arr[neg][0])!r}). Recency is days since the last purchase and frequency a count, "
                "so neither can be negative; check the as_of date and the columns."
            )
    R = _tie_aware_scores(-r, bins)
    F = _tie_aware_scores(f, bins)
    M = _tie_aware_scores(m, bins)
    combined = (R.astype(np.int32) * 10_000 + F.astype(np.int32) * 100 + M)
    present = np.bincount(combined, minlength=1)   # the codes used, sorted (as np.unique, without a sort)
    uniq = np.flatnonzero(present)
    lookup = np.zeros(len(present), dtype=np.int32)
    lookup[uniq] = np.arange(len(uniq), dtype=np.int32)
    inv = lookup[combined]
    if bins <= 9:
        names = [f"{u // 10_000}{u // 100 % 100}{u % 100}" for u in uniq]
    else:
        names = [f"{u // 10_000}-{u // 100 % 100}-{u % 100}" for u in uniq]
    code = pd.Categorical.from_codes(inv.ravel().astype(np.int32), categories=names)
    out = _result(data, {
        "R": R,
        "F": F,
        "M": M,
        "rfm_code": code,
        "rfm_score": (R.astype(np.int16) + F + M).astype(np.int16),
    })
    out.attrs["rfm_bins"] = bins
    return out


def rfm_segments(scores: pd.DataFrame, *, bins: int | None = None,
                 segment_map: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Name the RFM segment of each customer, in English and Chinese.

    The default is the eight-segment scheme of the Chinese RFM literature (:data:`RFM_SEGMENTS`):
    each of R, F and M is "high" when strictly above the middle score (4 or 5 of 5), and the
    combination gives the segment, e.g. high R, F, M = important value customer (重要价值客户);
    low R, high F and M = important retention customer (重要保持客户: valuable but drifting away).

    Parameters
    ----------
    scores : DataFrame
        The output of :func:`rfm_scores` (columns ``R``, ``F``, ``M``, ``rfm_code``).
    bins : int, optional
        The ``bins`` given to :func:`rfm_scores` (pass it when not the default 5 and some top
        score may be absent). Default: the largest score present (at least 2).
    segment_map : dict, optional
        Replaces the default: regular expression on ``rfm_code`` -> segment name, or -> (name,
        Chinese name). Patterns are tried in order and the first full match wins; codes no
        pattern matches get "other" / "其他". E.g. ``{"5[45].": "champions", "[12]..": ("lost", "流失")}``.

    Returns
    -------
    DataFrame
        A copy of ``scores`` with ``segment`` (categorical) and ``segment_zh`` (the Chinese name;
        the English name when the map gives none).

    Raises
    ------
    TypeError
        If ``scores`` is not a DataFrame or ``segment_map`` is not a dict of names.
    CRMDataError
        If ``R``, ``F``, ``M`` or ``rfm_code`` is missing (run :func:`rfm_scores` first), a pattern
        is not a valid regular expression, or the table is empty.

    See Also
    --------
    rfm_scores

    Notes
    -----
    high = score > (bins + 1) / 2, with ``bins`` as passed (else the largest score present;
    nothing is read from ``scores.attrs``). A pattern is matched with
    :func:`re.fullmatch` once per distinct code, so a million customers cost no more than a hundred.

    References
    ----------
    Hughes, A. M. (1994). *Strategic Database Marketing*. Probus.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"recency_days": [5, 40, 200, 300, 10], "frequency": [9, 3, 1, 8, 1],
    ...                    "monetary": [900.0, 150.0, 40.0, 700.0, 30.0]})
    >>> rfm_segments(rfm_scores(df))[["rfm_code", "segment_zh"]]
      rfm_code segment_zh
    0      555     重要价值客户
    1      333     一般挽留客户
    2      222     一般挽留客户
    3      144     重要保持客户
    4      421     一般发展客户
    """
    func = "rfm_segments"
    sc = check_table(scores, func=func, name="scores")
    missing = [c for c in ("R", "F", "M", "rfm_code") if c not in sc.columns]
    if missing:
        raise CRMDataError(
            f"{func}: column '{missing[0]}' not found. Run rfm_scores(data) first and pass its result."
        )
    check_no_missing(sc, ["R", "F", "M", "rfm_code"], func=func)
    if segment_map is None:
        if bins is None:
            bins = int(max(sc["R"].max(), sc["F"].max(), sc["M"].max(), 2))
        else:
            bins = check_positive_int(bins, func=func, param="bins", minimum=2)
        return _result(sc, _rfm_default_segments(sc, bins))
    if bins is not None:
        raise CRMDataError(f"{func}: bins is used only by the default scheme; with segment_map the "
                           "patterns decide. Drop bins= or segment_map=.")
    return _result(sc, _rfm_mapped_segments(sc["rfm_code"], _rfm_compile_map(segment_map, func=func)))


def _rfm_default_segments(sc: pd.DataFrame, bins: int) -> dict[str, Any]:
    """The eight segments of :data:`RFM_SEGMENTS`: each score is high when above (bins + 1) / 2."""
    mid = (bins + 1) / 2
    hr = sc["R"].to_numpy() > mid
    hf = sc["F"].to_numpy() > mid
    hm = sc["M"].to_numpy() > mid
    keys = list(RFM_SEGMENTS)
    key_code = (~hr).astype(np.int8) * 4 + (~hf).astype(np.int8) * 2 + (~hm).astype(np.int8)
    # order of RFM_SEGMENTS by (R, F, M) bits
    lookup = np.empty(8, dtype=np.int8)
    for i, (a, b, c) in enumerate(keys):
        lookup[(not a) * 4 + (not b) * 2 + (not c)] = i
    seg = lookup[key_code]
    en = [RFM_SEGMENTS[k][0] for k in keys]
    zh = [RFM_SEGMENTS[k][1] for k in keys]
    return {
        "segment": pd.Categorical.from_codes(seg, categories=en),
        "segment_zh": np.asarray(zh, dtype=object)[seg],
    }


def _rfm_compile_map(segment_map: Any, *, func: str) -> list[tuple[re.Pattern, str, str]]:
    """Check ``segment_map`` and compile it to (pattern, English name, Chinese name) triples."""
    if not isinstance(segment_map, Mapping):
        raise TypeError(f"{func}: segment_map must be a dict pattern -> name, got {type(segment_map).__name__}.")
    if not segment_map:
        raise CRMDataError(f"{func}: segment_map is empty; give at least one pattern -> name.")
    rules = []
    for pattern, name in segment_map.items():
        try:
            compiled = re.compile(str(pattern))
        except re.error as exc:
            raise CRMDataError(f"{func}: segment_map pattern {pattern!r} is not a valid regular expression: {exc}.") from exc
        if isinstance(name, str):
            en, zh = name, name
        elif isinstance(name, (tuple, list)) and len(name) == 2 and all(isinstance(s, str) for s in name):
            en, zh = name
        else:
            raise TypeError(f"{func}: segment_map values must be a name or a (name, Chinese name) pair, got {name!r}.")
        rules.append((compiled, en, zh))
    return rules


def _rfm_mapped_segments(code: pd.Series, rules: list[tuple[re.Pattern, str, str]]) -> dict[str, Any]:
    """Segments from compiled rules: the first full match per distinct code wins, else "other"."""
    if not isinstance(code.dtype, pd.CategoricalDtype):
        code = code.astype(str).astype("category")
    categories = [str(c) for c in code.cat.categories]
    codes = code.cat.codes.to_numpy()
    names_en = [en for _, en, _ in rules]
    seg_en = list(dict.fromkeys(names_en + ["other"]))
    zh_of = {en: zh for _, en, zh in rules}
    zh_of.setdefault("other", "其他")
    per_cat = np.empty(len(categories), dtype=np.int32)
    for i, c in enumerate(categories):
        hit = next((j for j, (p, _, _) in enumerate(rules) if p.fullmatch(c)), None)
        per_cat[i] = seg_en.index(names_en[hit] if hit is not None else "other")
    seg = per_cat[codes]
    used = [s for s in seg_en if s != "other" or (seg == seg_en.index("other")).any()]
    final = pd.Categorical.from_codes(seg, categories=seg_en)
    final = final.remove_categories([s for s in seg_en if s not in used])
    return {
        "segment": final,
        "segment_zh": np.asarray([zh_of[s] for s in seg_en], dtype=object)[seg],
    }


# --------------------------------------------------------------------------------------------
# graded service: the airline cabins
# --------------------------------------------------------------------------------------------
def cabin_fares(economy_fare: float, *, multipliers: Mapping[str, float] | pd.Series | None = None) -> pd.Series:
    """The fare of each cabin when economy costs ``economy_fare``: graded service, graded prices.

    Case 7-3 of the textbook: on domestic routes business class costs 1.3 times and first class
    1.5 times the economy fare. Passengers' needs are alike within a cabin and differ between
    cabins, and the richer service of the higher cabins justifies their higher price.

    Parameters
    ----------
    economy_fare : float
        The economy fare (e.g. CNY), a positive number.
    multipliers : dict or Series, optional
        Cabin -> fare as a multiple of economy. Default: the ``fare_multiplier`` column of the
        course's ``cabin_fares`` table (economy 1.0, business 1.3, first 1.5).

    Returns
    -------
    Series
        The fare of each cabin (float), indexed by cabin (named ``cabin``), named ``fare``.

    Raises
    ------
    TypeError
        If ``economy_fare`` or a multiplier is not a number, or ``multipliers`` is not a dict.
    CRMDataError
        If the fare or a multiplier is not positive, or ``multipliers`` is empty.

    See Also
    --------
    attendants_needed

    Notes
    -----
    fare(cabin) = economy_fare x multiplier(cabin).

    References
    ----------
    The airline cabin case (经济舱、公务舱、头等舱, case 7-3) of the textbook chapter on key-account
    service; the multipliers are the source's claim for Chinese domestic routes.

    Examples
    --------
    >>> cabin_fares(1200)
    cabin
    economy     1200.0
    business    1560.0
    first       1800.0
    Name: fare, dtype: float64
    >>> cabin_fares(1000, multipliers={"economy": 1.0, "premium": 1.6}).to_dict()
    {'economy': 1000.0, 'premium': 1600.0}
    """
    func = "cabin_fares"
    fare = _positive_number(economy_fare, func=func, param="economy_fare")
    if multipliers is None:
        from .datasets import load_dataset

        table = load_dataset("cabin_fares")
        multipliers = pd.Series(table["fare_multiplier"].to_numpy(), index=table["cabin"].astype(str))
    elif isinstance(multipliers, Mapping):
        multipliers = pd.Series(dict(multipliers), dtype=object)
    elif not isinstance(multipliers, pd.Series):
        raise TypeError(f"{func}: multipliers must be a dict cabin -> multiple of the economy fare, "
                        f"e.g. {{'economy': 1.0, 'business': 1.3}}, got {type(multipliers).__name__}.")
    if len(multipliers) == 0:
        raise CRMDataError(f"{func}: multipliers is empty; give at least one cabin and its multiple.")
    values = [_positive_number(v, func=func, param=f"the multiplier of {k!r}") for k, v in multipliers.items()]
    out = pd.Series(fare * np.asarray(values, dtype=np.float64), index=pd.Index(multipliers.index, name="cabin"),
                    name="fare")
    return out


def attendants_needed(passengers: int, *, per_attendant: Sequence[float] = (10, 15)) -> tuple[int, int]:
    """How many flight attendants a cabin needs: (fewest, most), in whole attendants.

    In the textbook's airline case one first-class attendant serves 10 to 15 passengers: the
    fewest attendants are needed when each serves the most passengers, the most when each
    serves the fewest.

    Parameters
    ----------
    passengers : int
        Passengers in the cabin (0 or more).
    per_attendant : (float, float), default (10, 15)
        The fewest and the most passengers one attendant serves (either order).

    Returns
    -------
    (int, int)
        (ceil(passengers / most), ceil(passengers / fewest)).

    Raises
    ------
    TypeError
        If ``passengers`` is not a whole number or ``per_attendant`` not a pair of numbers.
    CRMDataError
        If ``passengers`` is negative or a ratio is not positive.

    See Also
    --------
    cabin_fares

    Notes
    -----
    An attendant cannot be split, so each count is rounded up.

    References
    ----------
    The airline cabin case (case 7-3) of the textbook chapter on key-account service.

    Examples
    --------
    >>> attendants_needed(30)
    (2, 3)
    >>> attendants_needed(31, per_attendant=(10, 15))
    (3, 4)
    """
    func = "attendants_needed"
    p = check_positive_int(passengers, func=func, param="passengers", minimum=0)
    if isinstance(per_attendant, (str, bytes)) or not isinstance(per_attendant, Iterable):
        raise TypeError(f"{func}: per_attendant must be a pair of numbers like (10, 15), got {per_attendant!r}.")
    pair = list(per_attendant)
    if len(pair) != 2:
        raise CRMDataError(f"{func}: per_attendant must hold two numbers (fewest, most), got {len(pair)}: {pair!r}.")
    lo, hi = sorted(_positive_number(v, func=func, param="per_attendant") for v in pair)

    def ceil_div(a: int, b: float) -> int:
        if float(b).is_integer():
            return -(-a // int(b))
        return math.ceil(a / b - _EPS)

    return ceil_div(p, hi), ceil_div(p, lo)
