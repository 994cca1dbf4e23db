"""Customer satisfaction: disconfirmation, delivered value, SERVQUAL, IPA, Kano, NPS and index models.

Satisfaction is a comparison: what a customer perceives against what they
expected (客户满意 = f(感知 - 期望)). This module turns survey tables into the
numbers Chapter 7 of the course teaches:

- :func:`disconfirmation` -- gap per item and overall, and a verdict per customer
  (dissatisfied / satisfied / delighted); :func:`expectation_update` and
  :func:`restaurant_story` -- how expectations move after each experience;
- :func:`delivered_value` -- customer delivered value (客户让渡价值): total value
  minus total cost, and their ratio;
- :func:`servqual` / :func:`servqual_scores` -- gap scores per item, dimension and
  overall for the five SERVQUAL dimensions;
- :func:`ipa` -- importance-performance analysis with its four quadrants;
- :func:`kano` / :func:`kano_categories` -- Kano categories and Better-Worse
  coefficients;
- :func:`nps` -- Net Promoter Score with a confidence interval;
- :func:`cronbach_alpha` -- reliability of a multi-item scale;
- :func:`satisfaction_index` -- a 0-100 index from rating items;
- :class:`PLSPathModel` -- partial least squares path modelling for index models
  in the ACSI / ECSI layout.

The defaults follow the course survey (``crmlearn.load_dataset("survey")``): ten
service items ``exp_<item>`` / ``per_<item>`` (1-7), ``imp_<item>`` (1-5), Kano
pairs ``kano_func_<feature>`` / ``kano_dys_<feature>`` (1-5) and
``likelihood_to_recommend`` (0-10).

Tables (the contract of DESIGN.md): the per-respondent functions :func:`disconfirmation`,
:func:`delivered_value`, :func:`servqual_scores` and :func:`kano_categories` return a new
DataFrame on the input's index, the input's columns first and their own appended; the input is
never changed. Per-respondent indices (:func:`satisfaction_index`) are a Series on the input's
index. :func:`servqual`, :func:`ipa` and :func:`kano` return one row per item or attribute,
:func:`nps` and :func:`cronbach_alpha` a Series of statistics; each documents its columns.
Nothing a later step needs is kept in ``.attrs`` (``ipa_chart`` takes ``crosshair=``).
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from ._core.compat import renamed_kwargs
from ._core.model import Model
from ._core.tables import append_columns
from ._validation import (
    CRMDataError,
    check_choice,
    check_columns,
    check_fitted,
    check_fraction,
    check_no_missing,
    check_non_negative,
    check_numeric,
    check_positive_int,
    check_table,
    first_offender,
)

__all__ = [
    "SERVQUAL_DIMENSIONS",
    "SURVEY_ITEMS",
    "KANO_FEATURES",
    "KANO_TABLE",
    "disconfirmation",
    "expectation_update",
    "restaurant_story",
    "delivered_value",
    "servqual",
    "servqual_scores",
    "ipa",
    "kano",
    "kano_categories",
    "nps",
    "cronbach_alpha",
    "satisfaction_index",
    "PLSPathModel",
]

#: The five SERVQUAL dimensions and the course survey's two items in each.
SERVQUAL_DIMENSIONS: dict[str, list[str]] = {
    "tangibles": ["facilities", "materials"],
    "reliability": ["quality", "delivery"],
    "responsiveness": ["response_speed", "tech_support"],
    "assurance": ["expertise", "attitude"],
    "empathy": ["personalisation", "after_sales"],
}

#: The ten service items of the course survey, in dimension order.
SURVEY_ITEMS: list[str] = [it for items in SERVQUAL_DIMENSIONS.values() for it in items]

#: The five Kano features of the course survey.
KANO_FEATURES: list[str] = [
    "quality_certificate", "fast_delivery", "online_tracking", "dedicated_manager", "gift_packaging",
]

_KANO_CODES = ("A", "O", "M", "I", "R", "Q")
_KANO_ANSWERS = ("like", "expect", "neutral", "can live with", "dislike")

#: The standard Kano evaluation table (Berger et al. 1993): rows are the answer to the
#: functional question, columns the answer to the dysfunctional one, both in the order
#: like, expect, neutral, can live with, dislike.
KANO_TABLE = pd.DataFrame(
    [
        ["Q", "A", "A", "A", "O"],
        ["R", "I", "I", "I", "M"],
        ["R", "I", "I", "I", "M"],
        ["R", "I", "I", "I", "M"],
        ["R", "R", "R", "R", "Q"],
    ],
    index=pd.Index(list(_KANO_ANSWERS), name="functional"),
    columns=pd.Index(list(_KANO_ANSWERS), name="dysfunctional"),
)
_KANO_TABLE_CODES = np.array(
    [[_KANO_CODES.index(c) for c in row] for row in KANO_TABLE.to_numpy()], dtype=np.int8
)

# Accepted spellings of the five Kano answers (case and spacing are ignored).
_KANO_LABELS = {
    "like": 1, "i like it": 1, "i like it that way": 1, "delighted": 1, "喜欢": 1,
    "expect": 2, "expected": 2, "must-be": 2, "must be": 2, "it must be that way": 2,
    "i expect it": 2, "理应如此": 2, "必须如此": 2,
    "neutral": 3, "indifferent": 3, "i am neutral": 3, "无所谓": 3,
    "can live with": 4, "live with": 4, "live with it": 4, "tolerate": 4, "i can live with it": 4,
    "能忍受": 4, "可以忍受": 4,
    "dislike": 5, "i dislike it": 5, "i dislike it that way": 5, "不喜欢": 5,
}

_VERDICTS = ["dissatisfied", "satisfied", "delighted"]
_QUADRANTS = ["concentrate here", "keep up the good work", "low priority", "possible overkill"]
_EPS = 1e-9  # so that 4.2 - 3.8 = 0.4000000000000004 still counts as 0.4


# ----------------------------------------------------------------------------------------------
# small shared helpers
# ----------------------------------------------------------------------------------------------
def _column_list(value: Any, *, func: str, param: str) -> list[str]:
    """A column name or a list of them, as a list; TypeError otherwise."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple, pd.Index)) and all(isinstance(v, str) for v in value):
        if len(value) == 0:
            raise CRMDataError(f"{func}: {param} is empty. Pass at least one column name.")
        return list(value)
    raise TypeError(
        f"{func}: {param} must be a column name or a list of column names, got {type(value).__name__} {value!r}."
    )


def _paired(a: list[str], b: list[str], *, func: str, names: tuple[str, str]) -> None:
    if len(a) != len(b):
        raise CRMDataError(
            f"{func}: {names[0]} has {len(a)} columns but {names[1]} has {len(b)}; they are paired by "
            f"position, one pair per item. Pass lists of the same length."
        )


def _strip(col: str, prefixes: Sequence[str]) -> str:
    for p in prefixes:
        if col.startswith(p) and len(col) > len(p):
            return col[len(p):]
    return col


def _item_names(first: list[str], second: list[str], prefixes: Sequence[str]) -> list[str]:
    """Name each pair after what its two columns share (``exp_quality``/``per_quality`` -> ``quality``)."""
    names = []
    for a, b in zip(first, second):
        sa, sb = _strip(a, prefixes), _strip(b, prefixes)
        names.append(sa if sa == sb else b)
    if len(set(names)) < len(names):  # fall back to the second column's full name
        names = list(second)
    return names


def _check_numeric_items(data: pd.DataFrame, cols: list[str], *, func: str, param: str) -> None:
    check_columns(data, cols, func=func, param=param)
    check_numeric(data, cols, func=func)
    check_no_missing(data, cols, func=func)


def _check_scale_pair(scale: Any, *, func: str, param: str = "scale") -> tuple[float, float]:
    if (
        not isinstance(scale, (tuple, list))
        or len(scale) != 2
        or not all(isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) for v in scale)
    ):
        raise TypeError(f"{func}: {param} must be a (lowest, highest) pair of numbers such as (1, 7), got {scale!r}.")
    lo, hi = float(scale[0]), float(scale[1])
    if not lo < hi:
        raise CRMDataError(f"{func}: {param}={scale!r} must have lowest < highest, e.g. (1, 7).")
    return lo, hi


def _check_in_scale(data: pd.DataFrame, cols: list[str], lo: float, hi: float, *, func: str) -> None:
    """Every value of ``cols`` must lie on the answer scale [lo, hi]."""
    for col in cols:
        v = data[col].to_numpy(dtype=float)
        bad = (v < lo) | (v > hi)
        if bad.any():
            n = int(bad.sum())
            rows = "row has" if n == 1 else "rows have"
            lo_s, hi_s = f"{lo:g}", f"{hi:g}"
            raise CRMDataError(
                f"{func}: {n} {rows} a '{col}' answer outside the scale {lo_s}-{hi_s} "
                f"(first: {first_offender(data, bad)}, value {v[bad][0]:g}). "
                f"Recode those answers or pass scale=({lo_s}, <highest>) if the scale is different."
            )


def _weights_for(keys: list[str], weights: Any, *, func: str, what: str) -> np.ndarray:
    """Weights as an array aligned with ``keys``, non-negative, normalised to sum to one."""
    if weights is None:
        return np.full(len(keys), 1.0 / len(keys))
    if isinstance(weights, Mapping):
        missing = [k for k in keys if k not in weights]
        extra = [k for k in weights if k not in keys]
        if missing or extra:
            raise CRMDataError(
                f"{func}: weights must have one entry per {what}: missing {missing}, unknown {extra}. "
                f"Expected keys {keys}."
            )
        w = np.array([weights[k] for k in keys], dtype=float)
    elif isinstance(weights, (list, tuple, np.ndarray, pd.Series)):
        w = np.asarray(weights, dtype=float)
        if w.shape != (len(keys),):
            raise CRMDataError(
                f"{func}: weights has {w.size} values but there are {len(keys)} {what}s ({keys}). "
                "Pass one weight per " + what + "."
            )
    else:
        raise TypeError(f"{func}: weights must be a dict, a list or None, got {type(weights).__name__}.")
    if not np.all(np.isfinite(w)) or (w < 0).any() or w.sum() <= 0:
        raise CRMDataError(
            f"{func}: weights must be non-negative numbers that do not all equal zero, got {list(w)}."
        )
    return w / w.sum()


def _series_of_scores(scores: Any, *, func: str, column: str) -> pd.Series:
    if isinstance(scores, pd.DataFrame):
        check_columns(scores, [column], func=func, param="column")
        s = scores[column]
    elif isinstance(scores, pd.Series):
        s = scores
    elif isinstance(scores, (list, tuple, np.ndarray)):
        s = pd.Series(np.asarray(scores))
    else:
        raise TypeError(
            f"{func}: scores must be a Series, a list or an array of 0-10 answers (or a DataFrame with "
            f"column={column!r}), got {type(scores).__name__}."
        )
    return s


# ----------------------------------------------------------------------------------------------
# disconfirmation and expectations
# ----------------------------------------------------------------------------------------------
def disconfirmation(
    data: pd.DataFrame,
    *,
    expected: Sequence[str] | str = tuple(f"exp_{it}" for it in SURVEY_ITEMS),
    perceived: Sequence[str] | str = tuple(f"per_{it}" for it in SURVEY_ITEMS),
    tolerance: float = 0.5,
) -> pd.DataFrame:
    """Gap between perceived and expected performance, per item and overall, with a verdict.

    The expectation-disconfirmation view of satisfaction: a customer whose
    perception falls short of the expectation is dissatisfied, one whose
    perception clearly beats it is delighted, and one within the tolerance
    band is satisfied (expectation met).

    Parameters
    ----------
    data : DataFrame
        One row per customer (or response).
    expected, perceived : list of str or str, default the course survey's ``exp_<item>`` / ``per_<item>``
        Expectation and perception columns, paired by position (one pair per item), on the same scale.
    tolerance : float, default 0.5
        Half-width of the "expectation met" band, in scale points. 0 gives a strict comparison.

    Returns
    -------
    DataFrame
        Indexed like ``data``: ``gap_<item>`` (perceived - expected) for each item, ``gap`` (the mean of
        the item gaps) and ``verdict`` (ordered categorical: dissatisfied < satisfied < delighted).
        ``<item>`` is what the two column names share after ``exp_`` / ``per_`` (else the perceived
        column's name).

    Raises
    ------
    CRMDataError
        A column is missing, not numeric or has missing values; the lists differ in length; the
        tolerance is negative.

    See Also
    --------
    servqual : the same gaps averaged per item and per SERVQUAL dimension.
    expectation_update : how the expectation moves after an experience.

    Notes
    -----
    ``gap_i = perceived_i - expected_i``, ``gap = mean_i gap_i``;
    verdict = dissatisfied if ``gap < -tolerance``, delighted if ``gap > tolerance``, else satisfied.

    References
    ----------
    Oliver, R. L. (1980). A cognitive model of the antecedents and consequences of satisfaction
    decisions. *Journal of Marketing Research*, 17(4), 460-469.
    Kotler, P. & Keller, K. L. *Marketing Management*, chapter on customer value and satisfaction.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"exp_speed": [3.8, 4.0, 5.0], "per_speed": [4.2, 3.5, 6.5]})
    >>> disconfirmation(df, expected=["exp_speed"], perceived=["per_speed"], tolerance=0.25)[["gap_speed", "gap", "verdict"]]
       gap_speed  gap       verdict
    0        0.4  0.4     delighted
    1       -0.5 -0.5  dissatisfied
    2        1.5  1.5     delighted
    """
    func = "disconfirmation"
    check_table(data, func=func)
    exp_cols = _column_list(expected, func=func, param="expected")
    per_cols = _column_list(perceived, func=func, param="perceived")
    _paired(exp_cols, per_cols, func=func, names=("expected", "perceived"))
    _check_numeric_items(data, exp_cols, func=func, param="expected")
    _check_numeric_items(data, per_cols, func=func, param="perceived")
    tol = _non_negative_number(tolerance, func=func, param="tolerance")
    names = _item_names(exp_cols, per_cols, ("exp_", "per_", "expected_", "perceived_"))
    gaps = data[per_cols].to_numpy(dtype=float) - data[exp_cols].to_numpy(dtype=float)
    out = pd.DataFrame(gaps, index=data.index, columns=[f"gap_{n}" for n in names])
    overall = gaps.mean(axis=1)
    out["gap"] = overall
    out["verdict"] = _verdict(overall, tol)
    return append_columns(data, out)


def _non_negative_number(value: Any, *, func: str, param: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{func}: {param} must be a number, got {type(value).__name__} {value!r}.")
    if not np.isfinite(value) or value < 0:
        raise CRMDataError(f"{func}: {param} must be zero or positive, got {value!r}.")
    return float(value)


def _verdict(gap: np.ndarray, tol: float) -> pd.Categorical:
    codes = np.where(gap < -tol - _EPS, 0, np.where(gap > tol + _EPS, 2, 1))
    return pd.Categorical.from_codes(codes, categories=_VERDICTS, ordered=True)


def expectation_update(
    experiences: Sequence[float] | np.ndarray | pd.Series,
    *,
    initial: float,
    learning_rate: float = 0.5,
    tolerance: float = 0.0,
) -> pd.DataFrame:
    """Follow a customer's expectation through a sequence of experiences.

    Expectations are learned: after each experience the expectation moves a
    fraction ``learning_rate`` of the way towards what was just experienced
    (adaptive expectations). A pleasant surprise therefore raises the bar for
    the next visit, and the same service that delighted once can disappoint
    later -- the restaurant story of the course (see :func:`restaurant_story`).

    Parameters
    ----------
    experiences : sequence of float
        What the customer experienced on each visit, in order (any scale: a rating, a discount, ...).
    initial : float
        The expectation before the first visit.
    learning_rate : float, default 0.5
        In [0, 1]. 0: expectations never move; 1: the next expectation equals the last experience.
    tolerance : float, default 0.0
        Half-width of the "expectation met" band for the verdict (as in :func:`disconfirmation`).

    Returns
    -------
    DataFrame
        One row per visit (index ``visit`` = 1, 2, ...): ``expectation`` (before the visit),
        ``experience``, ``gap`` (experience - expectation), ``verdict`` and ``next_expectation``.

    Raises
    ------
    TypeError
        ``experiences`` is not a sequence of numbers.
    CRMDataError
        ``experiences`` is empty or has missing values; ``learning_rate`` outside [0, 1].

    See Also
    --------
    restaurant_story : the course's restaurant discount case in money terms.
    disconfirmation : verdicts for a table of customers.

    Notes
    -----
    ``E_1 = initial``; ``gap_t = P_t - E_t``; ``E_{t+1} = E_t + learning_rate * (P_t - E_t)``.

    References
    ----------
    Oliver, R. L. (1980), the expectation-disconfirmation model; the restaurant discount case of the
    course sources (syllabus, Chapter 7).

    Examples
    --------
    A 20% anniversary discount on the first visit, none on the second:

    >>> expectation_update([0.2, 0.0], initial=0.0, learning_rate=1.0)
           expectation  experience  gap       verdict  next_expectation
    visit
    1              0.0         0.2  0.2     delighted               0.2
    2              0.2         0.0 -0.2  dissatisfied               0.0
    """
    func = "expectation_update"
    if isinstance(experiences, (str, bytes)) or not isinstance(
        experiences, (list, tuple, np.ndarray, pd.Series, range)
    ):
        raise TypeError(
            f"{func}: experiences must be a list or array of numbers (one per visit), got "
            f"{type(experiences).__name__}."
        )
    try:
        p = np.asarray(experiences, dtype=float).ravel()
    except (TypeError, ValueError):
        raise TypeError(f"{func}: experiences must hold numbers, got {list(experiences)[:5]!r}.") from None
    if p.size == 0:
        raise CRMDataError(f"{func}: experiences is empty. Pass at least one visit.")
    if np.isnan(p).any():
        raise CRMDataError(f"{func}: experiences has a missing value at visit {int(np.flatnonzero(np.isnan(p))[0]) + 1}.")
    if isinstance(initial, bool) or not isinstance(initial, (int, float, np.integer, np.floating)):
        raise TypeError(f"{func}: initial must be a number, got {type(initial).__name__} {initial!r}.")
    rate = check_fraction(learning_rate, func=func, param="learning_rate", inclusive=True)
    tol = _non_negative_number(tolerance, func=func, param="tolerance")
    # E_{t+1} = (1 - a) E_t + a P_t, a short loop over visits (never over customers)
    expect = np.empty(p.size + 1)
    expect[0] = float(initial)
    for t in range(p.size):
        expect[t + 1] = expect[t] + rate * (p[t] - expect[t])
    gap = p - expect[:-1]
    return pd.DataFrame(
        {
            "expectation": expect[:-1],
            "experience": p,
            "gap": gap,
            "verdict": _verdict(gap, tol),
            "next_expectation": expect[1:],
        },
        index=pd.RangeIndex(1, p.size + 1, name="visit"),
    )


def restaurant_story(
    *,
    bills: Sequence[float] = (300.0, 1500.0),
    discounts: Sequence[float] = (0.2, 0.0),
    initial_discount: float = 0.0,
    learning_rate: float = 1.0,
) -> pd.DataFrame:
    """The course's restaurant discount case (饭店打折) as a small simulation.

    Eating alone, a customer is told the bill is 20% off (8折) for the
    restaurant's first anniversary and is delighted. Next week he brings a
    big group, expects the same discount and is charged in full: he feels
    cheated. The experience is the discount; the expectation follows
    :func:`expectation_update`.

    Parameters
    ----------
    bills : sequence of float, default (300, 1500)
        The bill before discount on each visit (CNY).
    discounts : sequence of float, default (0.2, 0.0)
        The discount actually given on each visit (fraction of the bill).
    initial_discount : float, default 0.0
        The discount expected before the first visit.
    learning_rate : float, default 1.0
        How far the expected discount moves towards the last one received (1: fully).

    Returns
    -------
    DataFrame
        One row per visit: ``bill``, ``expected_discount``, ``discount``, ``expected_to_pay``,
        ``paid``, ``surprise`` (expected_to_pay - paid, CNY; positive is a pleasant surprise)
        and ``verdict``.

    Raises
    ------
    CRMDataError
        ``bills`` and ``discounts`` differ in length, a bill is negative or a discount is outside [0, 1].

    See Also
    --------
    expectation_update : the general rule.

    Notes
    -----
    ``expected_to_pay_t = bill_t (1 - E_t)`` with ``E_t`` the expected discount; ``paid_t = bill_t (1 - d_t)``;
    ``surprise_t = expected_to_pay_t - paid_t``.

    References
    ----------
    The restaurant discount case of the course source 003 (syllabus, Chapter 7, exercise 3).

    Examples
    --------
    >>> restaurant_story()[["expected_to_pay", "paid", "surprise", "verdict"]]
           expected_to_pay    paid  surprise       verdict
    visit
    1                300.0   240.0      60.0     delighted
    2               1200.0  1500.0    -300.0  dissatisfied
    """
    func = "restaurant_story"
    b = np.asarray(bills, dtype=float).ravel()
    d = np.asarray(discounts, dtype=float).ravel()
    if b.size != d.size or b.size == 0:
        raise CRMDataError(
            f"{func}: bills has {b.size} values and discounts {d.size}; pass one discount per bill (at least one)."
        )
    if (b < 0).any() or np.isnan(b).any():
        raise CRMDataError(f"{func}: bills must be non-negative amounts, got {list(b)}.")
    if ((d < 0) | (d > 1)).any() or np.isnan(d).any():
        raise CRMDataError(f"{func}: discounts must be fractions in [0, 1] (20% off = 0.2), got {list(d)}.")
    path = expectation_update(d, initial=initial_discount, learning_rate=learning_rate)
    expected_pay = b * (1 - path["expectation"].to_numpy())
    paid = b * (1 - d)
    return pd.DataFrame(
        {
            "bill": b,
            "expected_discount": path["expectation"].to_numpy(),
            "discount": d,
            "expected_to_pay": expected_pay,
            "paid": paid,
            "surprise": expected_pay - paid,
            "verdict": path["verdict"].to_numpy(),
        },
        index=path.index,
    )


# ----------------------------------------------------------------------------------------------
# customer delivered value
# ----------------------------------------------------------------------------------------------
def delivered_value(
    data: pd.DataFrame,
    *,
    value: Sequence[str] | str = ("product_value", "service_value", "personnel_value", "image_value"),
    cost: Sequence[str] | str = ("money_cost", "time_cost", "energy_cost", "psychic_cost"),
) -> pd.DataFrame:
    """Customer delivered value (客户让渡价值): total customer value minus total customer cost.

    Kotler's model: the customer weighs what an offer gives (product, service,
    personnel and image value) against what it takes (money, time, energy and
    psychic cost) and chooses the offer that delivers most. Works for many
    offers or customers at once, one per row.

    Parameters
    ----------
    data : DataFrame
        One row per offer or customer, values in one currency (e.g. CNY).
    value : list of str or str, default the four value components
        Columns that add up to the total customer value (a single column is fine).
    cost : list of str or str, default the four cost components
        Columns that add up to the total customer cost.

    Returns
    -------
    DataFrame
        Indexed like ``data``: ``total_value``, ``total_cost``, ``delivered_value``
        (total_value - total_cost) and ``value_ratio`` (total_value / total_cost; ``inf`` when the cost is 0).

    Raises
    ------
    CRMDataError
        A column is missing, not numeric, missing a value or negative.

    Notes
    -----
    ``TCV = product + service + personnel + image``; ``TCC = money + time + energy + psychic``;
    delivered value ``= TCV - TCC``; ratio ``= TCV / TCC``. The four-by-four split is an extension of the
    source's two-term definition.

    References
    ----------
    Kotler, P. (1997). *Marketing Management*, 9th ed., "customer delivered value".

    Examples
    --------
    >>> import pandas as pd
    >>> offers = pd.DataFrame({"total_value": [1000, 800], "total_cost": [700, 500]}, index=["A", "B"])
    >>> delivered_value(offers, value="total_value", cost="total_cost")
       total_value  total_cost  delivered_value  value_ratio
    A       1000.0       700.0            300.0     1.428571
    B        800.0       500.0            300.0     1.600000
    """
    func = "delivered_value"
    check_table(data, func=func)
    vcols = _column_list(value, func=func, param="value")
    ccols = _column_list(cost, func=func, param="cost")
    for cols, param in ((vcols, "value"), (ccols, "cost")):
        _check_numeric_items(data, cols, func=func, param=param)
        check_non_negative(data, cols, func=func)
    tv = data[vcols].to_numpy(dtype=float).sum(axis=1)
    tc = data[ccols].to_numpy(dtype=float).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(tc > 0, tv / np.where(tc > 0, tc, 1.0), np.where(tv > 0, np.inf, np.nan))
    return append_columns(data, {"total_value": tv, "total_cost": tc, "delivered_value": tv - tc,
                                 "value_ratio": ratio})


# ----------------------------------------------------------------------------------------------
# SERVQUAL
# ----------------------------------------------------------------------------------------------
def _servqual_setup(data, dimensions, expected_prefix, perceived_prefix, scale, func):
    check_table(data, func=func)
    if dimensions is None:
        dimensions = SERVQUAL_DIMENSIONS
    if not isinstance(dimensions, Mapping) or not dimensions:
        raise TypeError(
            f"{func}: dimensions must be a dict mapping each dimension to its items, e.g. "
            "{'tangibles': ['facilities', 'materials'], ...}, got " + f"{type(dimensions).__name__}."
        )
    dims: dict[str, list[str]] = {}
    seen: dict[str, str] = {}
    for dim, items in dimensions.items():
        items = _column_list(items, func=func, param=f"dimensions[{dim!r}]")
        for it in items:
            if it in seen:
                raise CRMDataError(
                    f"{func}: item '{it}' is in both dimension '{seen[it]}' and '{dim}'. Put each item in one dimension."
                )
            seen[it] = str(dim)
        dims[str(dim)] = items
    items = [it for its in dims.values() for it in its]
    exp_cols = [f"{expected_prefix}{it}" for it in items]
    per_cols = [f"{perceived_prefix}{it}" for it in items]
    _check_numeric_items(data, exp_cols, func=func, param="expected_prefix")
    _check_numeric_items(data, per_cols, func=func, param="perceived_prefix")
    if scale is not None:
        lo, hi = _check_scale_pair(scale, func=func)
        _check_in_scale(data, exp_cols + per_cols, lo, hi, func=func)
    return dims, items, exp_cols, per_cols


def servqual_scores(
    data: pd.DataFrame,
    *,
    dimensions: Mapping[str, Sequence[str]] | None = None,
    weights: Mapping[str, float] | Sequence[float] | None = None,
    expected_prefix: str = "exp_",
    perceived_prefix: str = "per_",
    scale: tuple[float, float] | None = (1, 7),
) -> pd.DataFrame:
    """SERVQUAL gap scores for each respondent: per dimension and weighted overall.

    Parameters
    ----------
    data : DataFrame
        One row per respondent with ``<expected_prefix><item>`` and ``<perceived_prefix><item>`` columns.
    dimensions : dict, default :data:`SERVQUAL_DIMENSIONS`
        Dimension name -> list of its items (item names without the prefixes).
    weights : dict or list, optional
        Importance weight of each dimension (e.g. points out of 100); normalised to sum to one.
        Default: equal weights.
    expected_prefix, perceived_prefix : str, default "exp_", "per_"
        Column prefixes of the expectation and perception answers.
    scale : (float, float) or None, default (1, 7)
        The answer scale; answers outside it raise an error. None skips the check.

    Returns
    -------
    DataFrame
        Indexed like ``data``: one column per dimension (the mean item gap of that dimension) and
        ``overall`` (the weighted mean of the dimension gaps).

    Raises
    ------
    CRMDataError
        Missing item columns, answers outside the scale, missing answers, bad weights.

    See Also
    --------
    servqual : the summary over respondents.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"exp_a": [5, 6], "per_a": [6, 6], "exp_b": [7, 7], "per_b": [5, 6]})
    >>> servqual_scores(df, dimensions={"d1": ["a"], "d2": ["b"]}, weights={"d1": 1, "d2": 3})[["d1", "d2", "overall"]]
        d1   d2  overall
    0  1.0 -2.0    -1.25
    1  0.0 -1.0    -0.75
    """
    func = "servqual_scores"
    dims, items, exp_cols, per_cols = _servqual_setup(
        data, dimensions, expected_prefix, perceived_prefix, scale, func
    )
    w = _weights_for(list(dims), weights, func=func, what="dimension")
    gaps = data[per_cols].to_numpy(dtype=float) - data[exp_cols].to_numpy(dtype=float)
    pos = {it: i for i, it in enumerate(items)}
    dim_gaps = np.column_stack([gaps[:, [pos[it] for it in its]].mean(axis=1) for its in dims.values()])
    out = pd.DataFrame(dim_gaps, index=data.index, columns=list(dims))
    out["overall"] = dim_gaps @ w
    return append_columns(data, out)


def servqual(
    data: pd.DataFrame,
    *,
    dimensions: Mapping[str, Sequence[str]] | None = None,
    weights: Mapping[str, float] | Sequence[float] | None = None,
    expected_prefix: str = "exp_",
    perceived_prefix: str = "per_",
    scale: tuple[float, float] | None = (1, 7),
) -> pd.DataFrame:
    """SERVQUAL gaps (perception - expectation) per item, per dimension and weighted overall.

    SERVQUAL measures service quality as the gap between what customers expect
    and what they perceive, on items grouped in five dimensions: tangibles,
    reliability, responsiveness, assurance and empathy. A negative gap is a
    shortfall to fix.

    Parameters
    ----------
    data : DataFrame
        One row per respondent with ``<expected_prefix><item>`` and ``<perceived_prefix><item>`` columns
        (the course survey: ``exp_quality``, ``per_quality``, ...).
    dimensions : dict, default :data:`SERVQUAL_DIMENSIONS`
        Dimension name -> list of its items (item names without the prefixes).
    weights : dict or list, optional
        Importance weight of each dimension (e.g. the 100 points respondents split over the five
        dimensions); normalised to sum to one. Default: equal weights.
    expected_prefix, perceived_prefix : str, default "exp_", "per_"
        Column prefixes of the expectation and perception answers.
    scale : (float, float) or None, default (1, 7)
        The answer scale; answers outside it raise an error. None skips the check.

    Returns
    -------
    DataFrame
        One tidy table, one row per item, then one per dimension, then one ``overall`` row:

        - ``level``: "item", "dimension" or "overall";
        - ``dimension``: the dimension (``"overall"`` on the last row);
        - ``item``: the item name (empty string on dimension and overall rows);
        - ``expectation``, ``perception``: mean answers (for a dimension: the mean over its items;
          overall: weighted over the dimensions);
        - ``gap``: perception - expectation, the mean gap;
        - ``gap_se``: standard error of the mean gap over respondents;
        - ``weight``: the dimension's normalised weight (dimension rows; 1 on the overall row; the
          dimension's weight on its item rows);
        - ``n``: number of respondents.

        Select a level with ``table[table.level == "dimension"]``.

    Raises
    ------
    CRMDataError
        An item column is missing (named), answers are missing or outside ``scale``, an item is in two
        dimensions, the weights do not match the dimensions.
    TypeError
        ``dimensions`` is not a dict.

    See Also
    --------
    servqual_scores : the gap scores of each respondent.
    ipa : importance against performance.
    crmlearn.plots.servqual_chart : the gap bars.

    Notes
    -----
    For respondent ``r`` and item ``i``: ``G_ri = P_ri - E_ri``. Dimension gap ``G_rd = mean_{i in d} G_ri``;
    overall ``G_r = sum_d w_d G_rd`` with ``sum_d w_d = 1``. The table reports the means over
    respondents and ``gap_se = sd(G) / sqrt(n)``.

    References
    ----------
    Parasuraman, A., Zeithaml, V. A. & Berry, L. L. (1988). SERVQUAL: a multiple-item scale for
    measuring consumer perceptions of service quality. *Journal of Retailing*, 64(1), 12-40.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"exp_a": [5, 6], "per_a": [6, 6], "exp_b": [7, 7], "per_b": [5, 6]})
    >>> servqual(df, dimensions={"d1": ["a"], "d2": ["b"]})[["level", "dimension", "item", "gap"]]
           level dimension item   gap
    0       item        d1    a  0.50
    1       item        d2    b -1.50
    2  dimension        d1       0.50
    3  dimension        d2      -1.50
    4    overall   overall      -0.50
    """
    func = "servqual"
    dims, items, exp_cols, per_cols = _servqual_setup(
        data, dimensions, expected_prefix, perceived_prefix, scale, func
    )
    w = _weights_for(list(dims), weights, func=func, what="dimension")
    n = len(data)
    E = data[exp_cols].to_numpy(dtype=float)
    P = data[per_cols].to_numpy(dtype=float)
    G = P - E
    pos = {it: i for i, it in enumerate(items)}
    dim_of = {it: d for d, its in dims.items() for it in its}
    wd = dict(zip(dims, w))

    def se(x: np.ndarray) -> np.ndarray:
        return x.std(axis=0, ddof=1) / np.sqrt(n) if n > 1 else np.full(x.shape[1:], np.nan)

    rows = []
    item_se = se(G)
    for it in items:
        j = pos[it]
        rows.append(("item", dim_of[it], it, E[:, j].mean(), P[:, j].mean(), G[:, j].mean(), item_se[j], wd[dim_of[it]]))
    dE = np.column_stack([E[:, [pos[it] for it in its]].mean(axis=1) for its in dims.values()])
    dP = np.column_stack([P[:, [pos[it] for it in its]].mean(axis=1) for its in dims.values()])
    dG = dP - dE
    dim_se = se(dG)
    for k, d in enumerate(dims):
        rows.append(("dimension", d, "", dE[:, k].mean(), dP[:, k].mean(), dG[:, k].mean(), dim_se[k], wd[d]))
    oG = dG @ w
    rows.append(("overall", "overall", "", (dE @ w).mean(), (dP @ w).mean(), oG.mean(), se(oG[:, None])[0], 1.0))
    out = pd.DataFrame(
        rows, columns=["level", "dimension", "item", "expectation", "perception", "gap", "gap_se", "weight"]
    )
    out["n"] = n
    return out


# ----------------------------------------------------------------------------------------------
# Importance-performance analysis
# ----------------------------------------------------------------------------------------------
def _crosshair(crosshair: Any, imp: np.ndarray, perf: np.ndarray, *, func: str) -> tuple[float, float]:
    """The IPA crosshair (importance, performance): the mean or median of the items, or a given pair."""
    if isinstance(crosshair, str):
        check_choice(crosshair, ["mean", "median"], func=func, param="crosshair")
        agg = np.mean if crosshair == "mean" else np.median
        return float(agg(imp)), float(agg(perf))
    elif (
        isinstance(crosshair, (tuple, list))
        and len(crosshair) == 2
        and all(isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) for v in crosshair)
    ):
        return float(crosshair[0]), float(crosshair[1])
    else:
        raise CRMDataError(
            f"{func}: crosshair must be 'mean', 'median' or an (importance, performance) pair such as (3, 4), "
            f"got {crosshair!r}."
        )


def ipa(
    data: pd.DataFrame,
    *,
    importance: Sequence[str] | str = tuple(f"imp_{it}" for it in SURVEY_ITEMS),
    performance: Sequence[str] | str = tuple(f"per_{it}" for it in SURVEY_ITEMS),
    crosshair: str | tuple[float, float] = "mean",
) -> pd.DataFrame:
    """Importance-performance analysis: where to concentrate, where to hold back.

    Each attribute is placed by its mean importance and mean performance; a
    crosshair splits the plane in four quadrants (Martilla & James 1977):

    ========================  ==================  ====================
    quadrant                  importance          performance
    ========================  ==================  ====================
    concentrate here          high                low
    keep up the good work     high                high
    low priority              low                 low
    possible overkill         low                 high
    ========================  ==================  ====================

    Parameters
    ----------
    data : DataFrame
        One row per respondent.
    importance, performance : list of str, default the course survey's ``imp_<item>`` / ``per_<item>``
        Importance and performance columns, paired by position, one pair per attribute.
    crosshair : "mean", "median" or (float, float), default "mean"
        Where the quadrants split: the grand mean (or median) of the attribute means, or a fixed
        ``(importance, performance)`` point such as the scale midpoints.

    Returns
    -------
    DataFrame
        One row per attribute (index ``attribute``: what the two column names share after
        ``imp_`` / ``per_``): ``importance``, ``performance`` (means), ``quadrant`` (categorical) and
        ``n``. The crosshair used is in ``result.attrs["crosshair"]``.

    Raises
    ------
    CRMDataError
        Missing or non-numeric columns, missing answers, lists of different lengths, a bad crosshair.

    See Also
    --------
    servqual : gaps instead of levels.
    crmlearn.plots.ipa_chart : the grid.

    Notes
    -----
    An attribute exactly on a crosshair line counts as high on that axis. Importance can be stated
    (as in the course survey) or derived (e.g. correlation with overall satisfaction) -- pass whatever
    columns hold it.

    References
    ----------
    Martilla, J. A. & James, J. C. (1977). Importance-performance analysis. *Journal of Marketing*,
    41(1), 77-79.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"imp_a": [5, 4], "per_a": [2, 3], "imp_b": [2, 2], "per_b": [6, 6],
    ...                    "imp_c": [4, 5], "per_c": [6, 5], "imp_d": [1, 2], "per_d": [2, 3]})
    >>> ipa(df, importance=["imp_a", "imp_b", "imp_c", "imp_d"],
    ...     performance=["per_a", "per_b", "per_c", "per_d"])
               importance  performance               quadrant  n
    attribute
    a                 4.5          2.5       concentrate here  2
    b                 2.0          6.0      possible overkill  2
    c                 4.5          5.5  keep up the good work  2
    d                 1.5          2.5           low priority  2
    """
    func = "ipa"
    check_table(data, func=func)
    imp_cols = _column_list(importance, func=func, param="importance")
    per_cols = _column_list(performance, func=func, param="performance")
    _paired(imp_cols, per_cols, func=func, names=("importance", "performance"))
    _check_numeric_items(data, imp_cols, func=func, param="importance")
    _check_numeric_items(data, per_cols, func=func, param="performance")
    imp = data[imp_cols].to_numpy(dtype=float).mean(axis=0)
    perf = data[per_cols].to_numpy(dtype=float).mean(axis=0)
    ci, cp = _crosshair(crosshair, imp, perf, func=func)
    hi_imp = imp >= ci - _EPS
    hi_perf = perf >= cp - _EPS
    code = np.where(hi_imp, np.where(hi_perf, 1, 0), np.where(hi_perf, 3, 2))
    names = _item_names(imp_cols, per_cols, ("imp_", "per_", "importance_", "performance_"))
    out = pd.DataFrame(
        {
            "importance": imp,
            "performance": perf,
            "quadrant": pd.Categorical.from_codes(code, categories=_QUADRANTS),
            "n": len(data),
        },
        index=pd.Index(names, name="attribute"),
    )
    out.attrs["crosshair"] = (ci, cp)
    return out


# ----------------------------------------------------------------------------------------------
# Kano
# ----------------------------------------------------------------------------------------------
def _kano_codes(data: pd.DataFrame, col: str, *, func: str) -> np.ndarray:
    """Answers of one Kano column as integers 1..5 (numbers or labels accepted)."""
    s = data[col]
    if pd.api.types.is_bool_dtype(s):
        raise CRMDataError(f"{func}: column '{col}' holds True/False; Kano answers are 1..5 or their labels.")
    if pd.api.types.is_numeric_dtype(s):
        v = s.to_numpy(dtype=float)
        bad = ~np.isin(v, [1, 2, 3, 4, 5])
        if bad.any():
            raise CRMDataError(
                f"{func}: column '{col}' has {int(bad.sum())} answer(s) outside the Kano scale 1-5 "
                f"(first: {first_offender(data, bad)}, value {v[bad][0]:g}). Code them 1=like, 2=expect, "
                "3=neutral, 4=can live with, 5=dislike."
            )
        return v.astype(np.int8)
    keys = s.astype(str).str.strip().str.lower().str.replace(r"[\s_]+", " ", regex=True)
    codes = keys.map(_KANO_LABELS)
    # numbers stored as text ("1".."5")
    as_num = pd.to_numeric(keys, errors="coerce")
    codes = codes.where(codes.notna(), as_num.where(as_num.isin([1, 2, 3, 4, 5])))
    bad = codes.isna().to_numpy()
    if bad.any():
        raise CRMDataError(
            f"{func}: column '{col}' has {int(bad.sum())} answer(s) that are not Kano answers "
            f"(first: {first_offender(data, bad)}, value {s[bad].iloc[0]!r}). Use 1..5 or the labels "
            f"{list(_KANO_ANSWERS)}."
        )
    return codes.to_numpy(dtype=float).astype(np.int8)


def _kano_setup(data, functional, dysfunctional, func):
    check_table(data, func=func)
    f_cols = _column_list(functional, func=func, param="functional")
    d_cols = _column_list(dysfunctional, func=func, param="dysfunctional")
    _paired(f_cols, d_cols, func=func, names=("functional", "dysfunctional"))
    check_columns(data, f_cols, func=func, param="functional")
    check_columns(data, d_cols, func=func, param="dysfunctional")
    check_no_missing(data, f_cols + d_cols, func=func)
    names = _item_names(
        f_cols, d_cols, ("kano_func_", "kano_dys_", "func_", "dys_", "functional_", "dysfunctional_")
    )
    cats = np.column_stack(
        [
            _KANO_TABLE_CODES[_kano_codes(data, fc, func=func) - 1, _kano_codes(data, dc, func=func) - 1]
            for fc, dc in zip(f_cols, d_cols)
        ]
    )
    return names, cats


def kano_categories(
    data: pd.DataFrame,
    *,
    functional: Sequence[str] | str = tuple(f"kano_func_{f}" for f in KANO_FEATURES),
    dysfunctional: Sequence[str] | str = tuple(f"kano_dys_{f}" for f in KANO_FEATURES),
) -> pd.DataFrame:
    """The Kano category of every respondent's answer pair, per attribute.

    Parameters
    ----------
    data : DataFrame
        One row per respondent.
    functional, dysfunctional : list of str, default the course survey's ``kano_func_<f>`` / ``kano_dys_<f>``
        The answers to "how do you feel if the feature is present / absent", paired by position.
        Answers are 1..5 (1 like, 2 expect, 3 neutral, 4 can live with, 5 dislike) or those labels.

    Returns
    -------
    DataFrame
        A copy of ``data`` with one column ``kano_<attribute>`` per attribute appended, holding
        "A", "O", "M", "I", "R" or "Q".

    Raises
    ------
    CRMDataError
        Missing columns or answers, answers that are not on the Kano scale.

    See Also
    --------
    kano : the counts, dominant category and Better-Worse coefficients.
    KANO_TABLE : the evaluation table used.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"f": [1, 2, 1], "d": [5, 5, "neutral"]})
    >>> kano_categories(df, functional=["f"], dysfunctional=["d"])
       f        d kano_d
    0  1        5      O
    1  2        5      M
    2  1  neutral      A
    """
    names, cats = _kano_setup(data, functional, dysfunctional, "kano_categories")
    labels = np.array(_KANO_CODES, dtype=object)
    return append_columns(data, {f"kano_{n}": labels[cats[:, j]] for j, n in enumerate(names)})


def kano(
    data: pd.DataFrame,
    *,
    functional: Sequence[str] | str = tuple(f"kano_func_{f}" for f in KANO_FEATURES),
    dysfunctional: Sequence[str] | str = tuple(f"kano_dys_{f}" for f in KANO_FEATURES),
) -> pd.DataFrame:
    """Kano analysis: category counts, the dominant category and Better-Worse coefficients.

    Each respondent answers two questions per feature: how they would feel if it
    were present (functional) and if it were absent (dysfunctional). The pair is
    read off the Kano evaluation table (:data:`KANO_TABLE`):

    - **A** attractive (delighter, 魅力质量): liked when present, no harm when absent;
    - **O** one-dimensional (performance, 一元质量): the more the better;
    - **M** must-be (basic, 必备质量): expected; its absence dissatisfies;
    - **I** indifferent (无差异质量);
    - **R** reverse (反向质量): the respondent prefers it absent;
    - **Q** questionable (可疑结果): a contradictory answer pair.

    Parameters
    ----------
    data : DataFrame
        One row per respondent.
    functional, dysfunctional : list of str, default the course survey's ``kano_func_<f>`` / ``kano_dys_<f>``
        Paired by position, one pair per attribute. Answers 1..5 (1 like, 2 expect, 3 neutral,
        4 can live with, 5 dislike) or their labels (English or Chinese; case ignored).

    Returns
    -------
    DataFrame
        One row per attribute (index ``attribute``): counts ``A``, ``O``, ``M``, ``I``, ``R``, ``Q``;
        ``n``; ``category`` (the most frequent; ties broken in the order M, O, A, I, R, Q);
        ``better`` and ``worse``.

    Raises
    ------
    CRMDataError
        Missing columns or answers, answers outside 1..5 or unknown labels, lists of different lengths.

    See Also
    --------
    kano_categories : the category of each respondent.
    crmlearn.plots.kano_chart : the Better-Worse scatter.

    Notes
    -----
    Customer satisfaction coefficients (Berger et al. 1993):
    ``better = (A + O) / (A + O + M + I)`` in [0, 1], how much satisfaction rises with the feature;
    ``worse = -(O + M) / (A + O + M + I)`` in [-1, 0], how much it falls without it
    (NaN when an attribute has only R and Q answers).
    The tie rule M > O > A > I follows Berger et al.: when in doubt, prefer the category with the
    larger effect on dissatisfaction.

    References
    ----------
    Kano, N., Seraku, N., Takahashi, F. & Tsuji, S. (1984). Attractive quality and must-be quality.
    *Journal of the Japanese Society for Quality Control*, 14(2), 39-48.
    Berger, C. et al. (1993). Kano's methods for understanding customer-defined quality.
    *Center for Quality Management Journal*, 2(4), 3-36.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"func_x": [1, 1, 1, 2], "dys_x": [3, 3, 5, 5]})
    >>> kano(df, functional=["func_x"], dysfunctional=["dys_x"])
               A  O  M  I  R  Q  n category  better  worse
    attribute
    x          2  1  1  0  0  0  4        A    0.75   -0.5
    """
    names, cats = _kano_setup(data, functional, dysfunctional, "kano")
    n, k = cats.shape
    # counts per attribute: offset the codes per column and count once (vectorised)
    counts = np.bincount((cats + 6 * np.arange(k)[None, :]).ravel(), minlength=6 * k).reshape(k, 6)
    out = pd.DataFrame(counts, index=pd.Index(names, name="attribute"), columns=list(_KANO_CODES))
    out["n"] = n
    priority = [2, 1, 0, 3, 4, 5]  # M, O, A, I, R, Q
    best = np.argmax(counts[:, priority], axis=1)
    out["category"] = np.array(_KANO_CODES, dtype=object)[np.array(priority)[best]]
    A, O, M, I = (counts[:, i].astype(float) for i in range(4))
    denom = A + O + M + I
    with np.errstate(invalid="ignore", divide="ignore"):
        out["better"] = np.where(denom > 0, (A + O) / np.where(denom > 0, denom, 1), np.nan)
        out["worse"] = np.where(denom > 0, -(O + M) / np.where(denom > 0, denom, 1), np.nan)
    return out


# ----------------------------------------------------------------------------------------------
# Net Promoter Score
# ----------------------------------------------------------------------------------------------
def nps(
    scores: pd.Series | Sequence[float] | np.ndarray | pd.DataFrame,
    *,
    column: str = "likelihood_to_recommend",
    confidence: float = 0.95,
) -> pd.Series:
    """Net Promoter Score: promoters minus detractors, with a confidence interval.

    Customers answer "How likely is it that you would recommend us to a friend
    or colleague?" on 0-10. Promoters answer 9-10, passives 7-8, detractors 0-6.

    Parameters
    ----------
    scores : Series, list, array or DataFrame
        The 0-10 answers (whole numbers). A DataFrame is accepted with ``column`` naming the answers.
    column : str, default "likelihood_to_recommend"
        The answer column when ``scores`` is a DataFrame.
    confidence : float, default 0.95
        Confidence level of the interval.

    Returns
    -------
    Series
        ``nps`` (-100..100), ``promoters``, ``passives``, ``detractors`` (shares **in percent** of the
        respondents, so ``nps = promoters - detractors``), ``n`` (respondents), ``ci_low``, ``ci_high``.

    Raises
    ------
    TypeError
        ``scores`` is not a Series, list, array or DataFrame.
    CRMDataError
        Missing answers, answers outside 0-10 or not whole numbers, no answers at all.

    See Also
    --------
    crmlearn.plots.nps_chart : the stacked bar.

    Notes
    -----
    With shares ``p`` (promoters) and ``d`` (detractors) of ``n`` answers, each answer scores +1, 0
    or -1 and ``NPS = 100 (p - d)``. Its variance is that of a mean of such scores,
    ``Var = (p + d - (p - d)^2) / n`` (the trinomial difference), and the interval is the normal
    approximation (Wald) ``100 (p - d) +- z sqrt(Var)``, clipped to [-100, 100]. It is too narrow
    for very small samples or when nearly everyone is in one group.

    References
    ----------
    Reichheld, F. F. (2003). The one number you need to grow. *Harvard Business Review*, 81(12), 46-54.
    Rocks, B. (2016). Margin of error for NPS (the variance formula above).

    Examples
    --------
    >>> nps([10, 9, 9, 8, 7, 6, 3, 10, 9, 5])
    nps           20.000000
    promoters     50.000000
    passives      20.000000
    detractors    30.000000
    n             10.000000
    ci_low       -34.032478
    ci_high       74.032478
    Name: nps, dtype: float64
    """
    from scipy.stats import norm

    func = "nps"
    s = _series_of_scores(scores, func=func, column=column)
    conf = check_fraction(confidence, func=func, param="confidence")
    if len(s) == 0:
        raise CRMDataError(f"{func}: no answers given. Pass at least one 0-10 score.")
    frame = s.to_frame(name=s.name if s.name is not None else "score")
    col = frame.columns[0]
    check_numeric(frame, [col], func=func)
    check_no_missing(frame, [col], func=func)
    v = frame[col].to_numpy(dtype=float)
    bad = (v < 0) | (v > 10) | (v != np.round(v))
    if bad.any():
        raise CRMDataError(
            f"{func}: {int(bad.sum())} answer(s) are not whole numbers from 0 to 10 "
            f"(first: {first_offender(frame, bad)}, value {v[bad][0]:g}). The NPS question is answered on 0-10; "
            "rescale other scales first."
        )
    n = v.size
    p = float((v >= 9).mean())
    d = float((v <= 6).mean())
    score = p - d
    var = max(p + d - score**2, 0.0) / n
    half = norm.ppf(0.5 + conf / 2) * np.sqrt(var)
    return pd.Series(
        {
            "nps": 100 * score,
            "promoters": 100 * p,
            "passives": 100 * (1 - p - d),
            "detractors": 100 * d,
            "n": float(n),
            "ci_low": max(-100.0, 100 * (score - half)),
            "ci_high": min(100.0, 100 * (score + half)),
        },
        name="nps",
    )


# ----------------------------------------------------------------------------------------------
# Reliability and indices
# ----------------------------------------------------------------------------------------------
def cronbach_alpha(items: pd.DataFrame, *, confidence: float = 0.95) -> pd.Series:
    """Cronbach's alpha of a multi-item scale, raw and standardised, with Feldt's interval.

    Alpha says how consistently a set of items measures one thing (0.7 is the usual floor for
    research use, 0.8 and above is good).

    Parameters
    ----------
    items : DataFrame
        One column per item (at least two), one row per respondent, no missing answers.
    confidence : float, default 0.95
        Confidence level of the interval.

    Returns
    -------
    Series
        ``alpha`` (raw, from covariances), ``alpha_std`` (standardised, from the mean inter-item
        correlation), ``ci_low``, ``ci_high`` (for the raw alpha), ``n_items``, ``n``.

    Raises
    ------
    TypeError
        ``items`` is not a DataFrame.
    CRMDataError
        Fewer than two items or respondents, non-numeric or missing answers, an item (or the total)
        with no variance.

    Notes
    -----
    ``alpha = k / (k - 1) * (1 - sum_i var(x_i) / var(sum_i x_i))``;
    ``alpha_std = k rbar / (1 + (k - 1) rbar)`` with ``rbar`` the mean off-diagonal correlation.
    The interval is Feldt's F-based one (as in pingouin): with ``df1 = n - 1`` and
    ``df2 = (n - 1)(k - 1)``, ``[1 - (1 - alpha) F_{1-a/2}(df1, df2), 1 - (1 - alpha) F_{a/2}(df1, df2)]``.
    These agree with R's psych::alpha (raw_alpha, std.alpha) and pingouin.cronbach_alpha.

    References
    ----------
    Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests. *Psychometrika*,
    16(3), 297-334.
    Feldt, L. S., Woodruff, D. J. & Salih, F. A. (1987). Statistical inference for coefficient alpha.
    *Applied Psychological Measurement*, 11(1), 93-103.

    Examples
    --------
    >>> import pandas as pd
    >>> items = pd.DataFrame({"q1": [1, 2, 3, 4, 5], "q2": [2, 2, 3, 5, 5], "q3": [1, 3, 3, 4, 4]})
    >>> cronbach_alpha(items).round(3)
    alpha        0.954
    alpha_std    0.958
    ci_low       0.766
    ci_high      0.995
    n_items      3.000
    n            5.000
    Name: cronbach_alpha, dtype: float64
    """
    from scipy.stats import f as f_dist

    func = "cronbach_alpha"
    check_table(items, func=func, name="items")
    conf = check_fraction(confidence, func=func, param="confidence")
    cols = list(items.columns)
    k = len(cols)
    if k < 2:
        raise CRMDataError(
            f"{func}: alpha needs at least two items, got {k} ({cols}). A one-item block has no "
            "internal consistency to measure; add items or skip alpha for it."
        )
    check_numeric(items, cols, func=func)
    check_no_missing(items, cols, func=func)
    X = items.to_numpy(dtype=float)
    n = X.shape[0]
    if n < 2:
        raise CRMDataError(f"{func}: alpha needs at least two respondents, got {n}.")
    var_i = X.var(axis=0, ddof=1)
    if (var_i == 0).any():
        raise CRMDataError(
            f"{func}: item '{cols[int(np.flatnonzero(var_i == 0)[0])]}' has the same answer from everyone "
            "(no variance), so it cannot be correlated with the others. Drop it."
        )
    var_t = X.sum(axis=1).var(ddof=1)
    alpha = k / (k - 1) * (1 - var_i.sum() / var_t)
    R = np.corrcoef(X, rowvar=False)
    rbar = (R.sum() - k) / (k * (k - 1))
    alpha_std = k * rbar / (1 + (k - 1) * rbar)
    df1, df2 = n - 1, (n - 1) * (k - 1)
    a = 1 - conf
    lo = 1 - (1 - alpha) * f_dist.isf(a / 2, df1, df2)
    hi = 1 - (1 - alpha) * f_dist.isf(1 - a / 2, df1, df2)
    return pd.Series(
        {"alpha": alpha, "alpha_std": alpha_std, "ci_low": lo, "ci_high": hi, "n_items": float(k), "n": float(n)},
        name="cronbach_alpha",
    )


def satisfaction_index(
    data: pd.DataFrame,
    *,
    items: Sequence[str] | str = ("overall_satisfaction",),
    weights: Mapping[str, float] | Sequence[float] | None = None,
    scale: tuple[float, float] | Mapping[str, tuple[float, float]] = (1, 5),
) -> pd.Series:
    """A 0-100 satisfaction index per respondent from rating items.

    Each item is rescaled from its answer scale to 0-100 (lowest answer = 0,
    highest = 100) and the items are averaged with the given weights -- the
    way the ACSI and ECSI report their indices.

    Parameters
    ----------
    data : DataFrame
        One row per respondent.
    items : list of str or str, default ("overall_satisfaction",)
        The rating columns.
    weights : dict or list, optional
        Weight of each item, normalised to sum to one (e.g. the rescaled outer weights of a
        :class:`PLSPathModel`). Default: equal weights.
    scale : (float, float) or dict, default (1, 5)
        The answer scale of the items, or a dict item -> (lowest, highest) when they differ.

    Returns
    -------
    Series
        ``satisfaction_index`` (0-100), indexed like ``data``.

    Raises
    ------
    CRMDataError
        Missing or non-numeric items, missing answers, answers outside the scale, bad weights.

    See Also
    --------
    PLSPathModel : estimates the weights from a path model (``index_``).

    Notes
    -----
    ``index = 100 * sum_i w_i (x_i - lo_i) / (hi_i - lo_i)`` with ``sum_i w_i = 1``.

    References
    ----------
    Fornell, C. et al. (1996). The American Customer Satisfaction Index: nature, purpose, and findings.
    *Journal of Marketing*, 60(4), 7-18.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"sat1": [10, 1, 7], "sat2": [10, 1, 4]})
    >>> satisfaction_index(df, items=["sat1", "sat2"], scale=(1, 10))
    0    100.0
    1      0.0
    2     50.0
    Name: satisfaction_index, dtype: float64
    """
    func = "satisfaction_index"
    check_table(data, func=func)
    cols = _column_list(items, func=func, param="items")
    _check_numeric_items(data, cols, func=func, param="items")
    if isinstance(scale, Mapping):
        missing = [c for c in cols if c not in scale]
        if missing:
            raise CRMDataError(f"{func}: scale has no (lowest, highest) entry for {missing}. Add one per item.")
        bounds = [_check_scale_pair(scale[c], func=func, param=f"scale[{c!r}]") for c in cols]
    else:
        bounds = [_check_scale_pair(scale, func=func)] * len(cols)
    for c, (lo, hi) in zip(cols, bounds):
        _check_in_scale(data, [c], lo, hi, func=func)
    w = _weights_for(cols, weights, func=func, what="item")
    lo = np.array([b[0] for b in bounds])
    hi = np.array([b[1] for b in bounds])
    X = (data[cols].to_numpy(dtype=float) - lo) / (hi - lo)
    return pd.Series(100 * (X @ w), index=data.index, name="satisfaction_index")


# ----------------------------------------------------------------------------------------------
# PLS path modelling
# ----------------------------------------------------------------------------------------------
def _topological_order(latents: list[str], paths: list[tuple[str, str]]) -> list[str] | None:
    """Kahn's algorithm; None when the paths contain a cycle."""
    indeg = {lv: 0 for lv in latents}
    succ: dict[str, list[str]] = {lv: [] for lv in latents}
    for a, b in paths:
        indeg[b] += 1
        succ[a].append(b)
    order, ready = [], [lv for lv in latents if indeg[lv] == 0]
    while ready:
        lv = ready.pop(0)
        order.append(lv)
        for nxt in succ[lv]:
            indeg[nxt] -= 1
            if indeg[nxt] == 0:
                ready.append(nxt)
    return order if len(order) == len(latents) else None


def _find_cycle(latents: list[str], paths: list[tuple[str, str]]) -> list[str]:
    succ: dict[str, list[str]] = {lv: [] for lv in latents}
    for a, b in paths:
        succ[a].append(b)
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(v: str) -> list[str] | None:
        state[v] = 1
        stack.append(v)
        for w in succ[v]:
            if state.get(w) == 1:
                return stack[stack.index(w):] + [w]
            if w not in state:
                found = visit(w)
                if found:
                    return found
        stack.pop()
        state[v] = 2
        return None

    for v in latents:
        if v not in state:
            found = visit(v)
            if found:
                return found
    return []


def _pls_inner_weights(Y: np.ndarray, A: np.ndarray, conn: np.ndarray, scheme: str) -> np.ndarray:
    """Inner weights E (L x L) of the PLS iteration: path, centroid or factorial scheme."""
    n, L = Y.shape
    if scheme == "path":
        E = np.zeros((L, L))
        for k in range(L):
            pred = np.flatnonzero(A[:, k])
            if pred.size:
                E[pred, k] = np.linalg.lstsq(Y[:, pred], Y[:, k], rcond=None)[0]
            succ = np.flatnonzero(A[k, :])
            if succ.size:
                E[succ, k] = (Y[:, succ].T @ Y[:, k]) / n
        return E
    C = (Y.T @ Y) / n
    return (np.sign(C) if scheme == "centroid" else C) * conn


def _pls_outer_update(X: np.ndarray, W: np.ndarray, Z: np.ndarray, members: list[slice], mode_b: list[bool]) -> None:
    """New outer weights, in place: covariances (mode A) or a regression (mode B) on the inner proxies Z."""
    n = X.shape[0]
    for j, idx in enumerate(members):
        if mode_b[j]:
            W[idx, j] = np.linalg.lstsq(X[:, idx], Z[:, j], rcond=None)[0]
        else:
            W[idx, j] = X[:, idx].T @ Z[:, j] / n


def _pls_orient(X: np.ndarray, W: np.ndarray, members: list[slice], bidx: np.ndarray, sd: np.ndarray,
                *, scaled: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Standardise the latent scores and orient each so most of its items load positively."""
    n = X.shape[0]
    L = W.shape[1]
    LV = X @ W
    sd_lv = LV.std(axis=0)
    if (sd_lv == 0).any():
        raise CRMDataError("PLSPathModel: a latent score came out constant; check the blocks and paths.")
    W = W / sd_lv
    LV = X @ W
    # loading = cor(item, own score) = cov / sd(item), as the score has unit variance
    loadings = np.concatenate([X[:, members[j]].T @ LV[:, j] for j in range(L)]) / n
    if not scaled:
        loadings = loadings / sd
    sign = np.sign(np.bincount(bidx, weights=np.sign(loadings), minlength=L))
    sign[sign == 0] = 1.0
    return W * sign, LV * sign, loadings * sign[bidx]


def _pls_paths(LV: np.ndarray, A: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Path coefficients by OLS on the standardised scores, and the R2 of each endogenous variable."""
    L = A.shape[0]
    coef = np.zeros((L, L))
    r2 = np.full(L, np.nan)
    for k in range(L):
        pred = np.flatnonzero(A[:, k])
        if pred.size:
            b = np.linalg.lstsq(LV[:, pred], LV[:, k], rcond=None)[0]
            coef[pred, k] = b
            resid = LV[:, k] - LV[:, pred] @ b
            r2[k] = 1 - (resid @ resid) / (LV[:, k] @ LV[:, k])
    return coef, r2


class PLSPathModel(Model):
    """Partial least squares path model (PLS-PM) for satisfaction index models.

    The ACSI / ECSI layout: latent variables (image, expectations, perceived
    quality, perceived value, satisfaction, loyalty) each measured by a block of
    survey items, linked by directed paths. PLS estimates the latent scores as
    weighted sums of their items (Wold's algorithm with Lohmoller's
    implementation, mode A), then the paths by least squares between the scores.

    Parameters
    ----------
    blocks : dict
        Latent variable -> list of its item columns (reflective, mode A). Every item in one block only.
    paths : list of (str, str)
        Directed paths ``(from, to)`` between latent variables; the model must be recursive (no cycle)
        and every latent variable must be on at least one path.
    scheme : {"centroid", "factorial", "path"}, default "centroid"
        Inner weighting scheme: the sign of the correlation of adjacent latent variables (centroid),
        the correlation itself (factorial), or regression weights for predecessors and correlations
        for successors (path).
    modes : dict, optional
        Latent -> "A" (reflective, the default) or "B" (formative) outer estimation.
    scaled : bool, default False
        Standardise the items before estimation. False (items centred only) is right when all items
        share one scale, as in the ACSI/ECSI surveys, and is what the reference results use
        (R plspm with ``scaled = FALSE``); True gives every item the same variance.
    scale : (float, float) or dict, optional
        The items' answer scale for the 0-100 indices (``index_``), e.g. ``(1, 10)``, or a dict
        item -> (lowest, highest) when the items use different scales (then also pass ``scaled=True``);
        answers outside it raise an error. Default: the lowest and highest answer in the data.
    tol : float, default 1e-6
        Convergence tolerance on the change of the outer weights.
    max_iter : int, default 100
        Maximum number of iterations.

    Attributes
    ----------
    path_coefficients_ : DataFrame
        One row per path: ``from``, ``to``, ``coefficient`` (standardised).
    r2_ : Series
        R-squared of each endogenous latent variable.
    outer_model_ : DataFrame
        One row per item: ``block``, ``weight`` (outer weight for the standardised latent score),
        ``loading`` (correlation item-latent), ``communality`` (loading squared) and ``index_weight``
        (the item's weight in the 0-100 index: the unstandardised weight times the item's scale range,
        normalised to sum to one within the block).
    outer_weights_, loadings_ : Series
        The same weights and loadings, indexed by item.
    scores_ : DataFrame
        Latent scores (mean 0, variance 1), indexed like the data.
    index_ : DataFrame
        Latent scores as 0-100 indices on the item scale (ACSI style), indexed like the data:
        ``100 * sum_i index_weight_i * (x_i - low_i) / (high_i - low_i)`` over the block's items.
    index_scale_ : DataFrame
        The ``low`` and ``high`` answer used for each item.
    ave_, composite_reliability_ : Series
        Average variance extracted and composite reliability of each block.
    gof_ : float
        Goodness of fit (Tenenhaus et al. 2004).
    effects_ : DataFrame
        ``from``, ``to``, ``direct``, ``indirect``, ``total`` effects between latent variables.
    n_iter_ : int
        Iterations used.
    bootstrap_ : DataFrame or None
        None after ``fit``; set by :meth:`bootstrap`.

    Raises
    ------
    CRMDataError
        On ``fit``: a path names an unknown block, the paths contain a cycle, a latent variable is on
        no path, an item is in two blocks, item columns are missing, non-numeric, with missing values
        or without variance, or the algorithm does not converge.

    See Also
    --------
    cronbach_alpha : reliability of a block.
    satisfaction_index : 0-100 index with given weights.
    crmlearn.plots.path_diagram : the model drawn with its coefficients.

    Notes
    -----
    With items centred (and standardised if ``scaled``), starting from unit weights:

    1. outer estimate ``Y_j = X_j w_j``, standardised;
    2. inner estimate ``Z_j = sum_i e_ji Y_i`` over the latents adjacent to ``j``, with
       ``e_ji = sign(cor(Y_j, Y_i))`` (centroid), ``cor(Y_j, Y_i)`` (factorial) or, for the path
       scheme, the regression weight of a predecessor and the correlation of a successor;
    3. mode A: ``w_j = X_j' Z_j / n``; mode B: ``w_j = (X_j' X_j)^{-1} X_j' Z_j``;
    4. repeat until ``sum (|w_old| - |w_new|)^2 < tol``; then scale ``w_j`` so that ``Y_j`` has unit
       variance (population) and orient each latent so that most of its items correlate positively.

    Paths: OLS of each endogenous score on its predecessors' scores. ``AVE_j = mean(loading^2)``,
    ``CR_j = (sum loading)^2 / ((sum loading)^2 + sum (1 - loading^2))``,
    ``GoF = sqrt(mean communality (blocks of 2+ items) * mean R2 (endogenous))``.
    On the ECSI bank survey this reproduces R plspm (centroid, mode A, ``scaled = FALSE``) to 0.001.

    References
    ----------
    Tenenhaus, M., Esposito Vinzi, V., Chatelin, Y.-M. & Lauro, C. (2005). PLS path modeling.
    *Computational Statistics & Data Analysis*, 48(1), 159-205.
    Lohmoller, J.-B. (1989). *Latent Variable Path Modeling with Partial Least Squares*. Physica.
    Fornell, C. et al. (1996). The American Customer Satisfaction Index. *Journal of Marketing*, 60(4).
    Sanchez, G. (2013). *PLS Path Modeling with R*. Trowchez Editions.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> rng = np.random.default_rng(0)
    >>> q = rng.normal(size=300); s = 0.7 * q + rng.normal(scale=0.7, size=300)
    >>> df = pd.DataFrame({f"q{i}": q + rng.normal(scale=0.5, size=300) for i in (1, 2, 3)}
    ...                   | {f"s{i}": s + rng.normal(scale=0.5, size=300) for i in (1, 2)})
    >>> model = PLSPathModel({"QUAL": ["q1", "q2", "q3"], "SAT": ["s1", "s2"]}, [("QUAL", "SAT")]).fit(df)
    >>> model.path_coefficients_.round(2)
       from   to  coefficient
    0  QUAL  SAT         0.69
    >>> round(float(model.r2_["SAT"]), 2)
    0.48
    """

    _fitted_attribute = "path_coefficients_"

    def __init__(
        self,
        blocks: Mapping[str, Sequence[str]],
        paths: Sequence[tuple[str, str]],
        scheme: str = "centroid",
        *,
        modes: Mapping[str, str] | None = None,
        scaled: bool = False,
        scale: tuple[float, float] | None = None,
        tol: float = 1e-6,
        max_iter: int = 100,
    ) -> None:
        self.blocks = blocks
        self.paths = paths
        self.scheme = scheme
        self.modes = modes
        self.scaled = scaled
        self.scale = scale
        self.tol = tol
        self.max_iter = max_iter

    # -- specification ------------------------------------------------------------------------
    def _spec(self):
        func = "PLSPathModel"
        if not isinstance(self.blocks, Mapping) or not self.blocks:
            raise TypeError(
                f"{func}: blocks must be a dict mapping each latent variable to its item columns, e.g. "
                "{'SAT': ['sat1', 'sat2']}, " + f"got {type(self.blocks).__name__}."
            )
        latents = [str(k) for k in self.blocks]
        blocks: dict[str, list[str]] = {}
        owner: dict[str, str] = {}
        for lv, cols in self.blocks.items():
            cols = _column_list(cols, func=func, param=f"blocks[{lv!r}]")
            for c in cols:
                if c in owner:
                    raise CRMDataError(
                        f"{func}: item '{c}' is in block '{owner[c]}' and in block '{lv}'. Each item measures one latent variable."
                    )
                owner[c] = str(lv)
            blocks[str(lv)] = cols
        if isinstance(self.paths, (str, bytes)) or not isinstance(self.paths, (list, tuple)):
            raise TypeError(f"{func}: paths must be a list of (from, to) pairs, got {type(self.paths).__name__}.")
        paths: list[tuple[str, str]] = []
        for p in self.paths:
            if not isinstance(p, (list, tuple)) or len(p) != 2:
                raise TypeError(f"{func}: each path must be a (from, to) pair, got {p!r}.")
            a, b = str(p[0]), str(p[1])
            for end in (a, b):
                if end not in blocks:
                    raise CRMDataError(
                        f"{func}: path {a!r} -> {b!r} names the unknown block {end!r}. Known blocks: {latents}."
                    )
            if (a, b) in paths:
                raise CRMDataError(f"{func}: path {a!r} -> {b!r} is listed twice. List each path once.")
            paths.append((a, b))
        if not paths:
            raise CRMDataError(f"{func}: paths is empty. Give at least one (from, to) pair.")
        if _topological_order(latents, paths) is None:
            cycle = _find_cycle(latents, paths)
            raise CRMDataError(
                f"{func}: the paths contain a cycle ({' -> '.join(cycle)}). A PLS path model must be "
                "recursive: remove one path of the cycle."
            )
        on_path = {a for a, _ in paths} | {b for _, b in paths}
        lonely = [lv for lv in latents if lv not in on_path]
        if lonely:
            raise CRMDataError(
                f"{func}: latent variable(s) {lonely} are on no path; every block must be connected. "
                "Add a path or drop the block."
            )
        check_choice(self.scheme, ["centroid", "factorial", "path"], func=func, param="scheme")
        modes = {lv: "A" for lv in latents}
        if self.modes is not None:
            if not isinstance(self.modes, Mapping):
                raise TypeError(f"{func}: modes must be a dict latent -> 'A' or 'B', got {type(self.modes).__name__}.")
            for lv, m in self.modes.items():
                if str(lv) not in blocks:
                    raise CRMDataError(f"{func}: modes names the unknown block {lv!r}. Known blocks: {latents}.")
                modes[str(lv)] = check_choice(m, ["A", "B"], func=func, param=f"modes[{lv!r}]")
        if isinstance(self.tol, bool) or not isinstance(self.tol, (int, float)) or not 0 < self.tol < 1:
            raise CRMDataError(f"{func}: tol must be a small positive number such as 1e-6, got {self.tol!r}.")
        check_positive_int(self.max_iter, func=func, param="max_iter")
        return latents, blocks, paths, modes

    # -- the algorithm on a matrix ---------------------------------------------------------------
    def _estimate(self, M: np.ndarray, latents, blocks, paths, modes):
        """Fit on the raw item matrix M (n x p). Returns a dict of arrays.

        Steps: centre (and scale) the items; iterate inner and outer weights until they settle
        (:func:`_pls_inner_weights`, :func:`_pls_outer_update`); standardise and orient the
        latent scores (:func:`_pls_orient`); estimate the paths by OLS (:func:`_pls_paths`).
        """
        n, p = M.shape
        L = len(latents)
        pos = {lv: i for i, lv in enumerate(latents)}
        bidx = np.concatenate([np.full(len(blocks[lv]), pos[lv]) for lv in latents])
        A = np.zeros((L, L))
        for a, b in paths:
            A[pos[a], pos[b]] = 1.0
        conn = A + A.T
        mean = M.mean(axis=0)
        sd = M.std(axis=0)
        if (sd == 0).any():
            cols = [c for lv in latents for c in blocks[lv]]
            raise CRMDataError(
                f"PLSPathModel: item '{cols[int(np.flatnonzero(sd == 0)[0])]}' has the same value for every "
                "respondent (no variance). Drop it from its block."
            )
        X = (M - mean) / sd if self.scaled else M - mean
        odm = np.eye(L)[bidx]  # p x L outer design
        W = odm / (X @ odm).std(axis=0)
        w_old = W.sum(axis=1)
        # items are laid out block by block, so each block is a contiguous slice (a view, no copy)
        starts = np.searchsorted(bidx, np.arange(L + 1))
        members = [slice(int(starts[j]), int(starts[j + 1])) for j in range(L)]
        mode_b = [modes[lv] == "B" for lv in latents]
        converged = False
        for it in range(1, self.max_iter + 1):
            Y = X @ W
            Y = (Y - Y.mean(axis=0)) / Y.std(axis=0)
            Z = Y @ _pls_inner_weights(Y, A, conn, self.scheme)
            _pls_outer_update(X, W, Z, members, mode_b)
            w_new = W.sum(axis=1)
            if np.sum((np.abs(w_old) - np.abs(w_new)) ** 2) < self.tol:
                converged = True
                break
            w_old = w_new
        if not converged:
            raise CRMDataError(
                f"PLSPathModel: the algorithm did not converge in max_iter={self.max_iter} iterations. "
                "Raise max_iter, or check the blocks (items that do not measure their latent variable)."
            )
        W, LV, loadings = _pls_orient(X, W, members, bidx, sd, scaled=self.scaled)
        coef, r2 = _pls_paths(LV, A)
        w = W[np.arange(p), bidx]
        return {"w": w, "loadings": loadings, "scores": LV, "coef": coef, "r2": r2, "iter": it,
                "bidx": bidx, "A": A, "sd": sd}

    # -- public API -----------------------------------------------------------------------------
    def _matrix(self, data, blocks, latents, func="PLSPathModel.fit"):
        check_table(data, func=func)
        cols = [c for lv in latents for c in blocks[lv]]
        check_columns(data, cols, func=func)
        check_numeric(data, cols, func=func)
        check_no_missing(data, cols, func=func)
        return data[cols].to_numpy(dtype=float), cols

    def _bounds(self, data, cols, M):
        """Lowest and highest answer of each item: from ``scale`` (checked) or the data."""
        func = "PLSPathModel"
        if self.scale is None:
            return np.full(len(cols), float(M.min())), np.full(len(cols), float(M.max()))
        if isinstance(self.scale, Mapping):
            missing = [c for c in cols if c not in self.scale]
            if missing:
                raise CRMDataError(f"{func}: scale has no (lowest, highest) entry for {missing}. Add one per item.")
            pairs = [_check_scale_pair(self.scale[c], func=func, param=f"scale[{c!r}]") for c in cols]
        else:
            pairs = [_check_scale_pair(self.scale, func=func)] * len(cols)
        for c, (a, b) in zip(cols, pairs):
            _check_in_scale(data, [c], a, b, func="PLSPathModel.fit")
        return np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])

    def fit(self, data: pd.DataFrame) -> "PLSPathModel":
        """Estimate the model on ``data`` (one row per respondent). Returns self.

        Raises
        ------
        CRMDataError
            See the class docstring.
        """
        latents, blocks, paths, modes = self._spec()
        M, cols = self._matrix(data, blocks, latents)
        lo, hi = self._bounds(data, cols, M)
        if M.shape[0] < 3:
            raise CRMDataError(f"PLSPathModel.fit: needs at least 3 respondents, got {M.shape[0]}.")
        res = self._estimate(M, latents, blocks, paths, modes)
        self.latents_ = latents
        self.blocks_ = blocks
        self.paths_ = paths
        self._modes = modes
        self.n_iter_ = int(res["iter"])
        bidx = res["bidx"]
        block_of = [latents[i] for i in bidx]
        pos = {lv: i for i, lv in enumerate(latents)}
        self.path_coefficients_ = pd.DataFrame(
            {
                "from": [a for a, _ in paths],
                "to": [b for _, b in paths],
                "coefficient": [res["coef"][pos[a], pos[b]] for a, b in paths],
            }
        )
        endo = [lv for lv in latents if res["A"][:, pos[lv]].any()]
        self.r2_ = pd.Series([res["r2"][pos[lv]] for lv in endo], index=pd.Index(endo, name="latent"), name="r2")
        # index weights: the score is sum_i (w_i / sd_i) x_i (+ const) (sd_i = 1 unscaled); on items
        # rescaled to 0-1, r_i = (x_i - lo_i) / (hi_i - lo_i), the weights are (w_i / sd_i)(hi_i - lo_i),
        # normalised to sum to one within each block (the ACSI index weights)
        raw = (res["w"] / res["sd"] if self.scaled else res["w"].copy()) * (hi - lo)
        share = raw / np.bincount(bidx, weights=raw)[bidx]
        self.outer_model_ = pd.DataFrame(
            {
                "block": block_of,
                "weight": res["w"],
                "loading": res["loadings"],
                "communality": res["loadings"] ** 2,
                "index_weight": share,
            },
            index=pd.Index(cols, name="item"),
        )
        self.outer_weights_ = self.outer_model_["weight"].rename("outer_weight")
        self.loadings_ = self.outer_model_["loading"].rename("loading")
        self.scores_ = pd.DataFrame(res["scores"], index=data.index, columns=latents)
        R = (M - lo) / (hi - lo)
        idx = np.column_stack([R[:, bidx == j] @ share[bidx == j] for j in range(len(latents))])
        self.index_ = pd.DataFrame(100 * idx, index=data.index, columns=latents)
        self.index_scale_ = pd.DataFrame({"low": lo, "high": hi}, index=pd.Index(cols, name="item"))
        comm = self.outer_model_.groupby("block", sort=False)["communality"]
        load = self.outer_model_.groupby("block", sort=False)["loading"]
        self.ave_ = comm.mean().reindex(latents).rename("ave")
        s = load.sum().reindex(latents)
        err = (1 - self.outer_model_["communality"]).groupby(self.outer_model_["block"], sort=False).sum().reindex(latents)
        self.composite_reliability_ = (s**2 / (s**2 + err)).rename("composite_reliability")
        multi = self.outer_model_.groupby("block", sort=False)["communality"].transform("size") > 1
        self.gof_ = float(np.sqrt(self.outer_model_.loc[multi, "communality"].mean() * self.r2_.mean()))
        # direct, indirect and total effects: T = (I - B)^-1 - I with B[i, j] the path i -> j
        B = res["coef"]
        T = np.linalg.inv(np.eye(len(latents)) - B) - np.eye(len(latents))
        rows = [
            (a, b, B[i, j], T[i, j] - B[i, j], T[i, j])
            for i, a in enumerate(latents)
            for j, b in enumerate(latents)
            if abs(T[i, j]) > 0 or res["A"][i, j]
        ]
        self.effects_ = pd.DataFrame(rows, columns=["from", "to", "direct", "indirect", "total"])
        alphas = []
        for lv in latents:
            X = M[:, bidx == pos[lv]]
            k = X.shape[1]
            if k < 2:
                alphas.append(np.nan)
                continue
            alphas.append(k / (k - 1) * (1 - X.var(axis=0, ddof=1).sum() / X.sum(axis=1).var(ddof=1)))
        self._alphas = alphas
        self.bootstrap_ = None
        self._n_obs = M.shape[0]
        return self

    def summary(self) -> pd.DataFrame:
        """One row per latent variable: items, R2, AVE, composite reliability, Cronbach's alpha, mean index.

        Cronbach's alpha is NaN for one-item blocks (it needs two items).
        """
        check_fitted(self, "path_coefficients_")
        return pd.DataFrame(
            {
                "n_items": [len(self.blocks_[lv]) for lv in self.latents_],
                "mode": [self._modes[lv] for lv in self.latents_],
                "r2": self.r2_.reindex(self.latents_).to_numpy(),
                "ave": self.ave_.to_numpy(),
                "composite_reliability": self.composite_reliability_.to_numpy(),
                "cronbach_alpha": self._alphas,
                "mean_index": self.index_.mean().to_numpy(),
            },
            index=pd.Index(self.latents_, name="latent"),
        )

    @renamed_kwargs(seed="random_state")
    def bootstrap(self, data: pd.DataFrame, *, n_boot: int = 200, confidence: float = 0.95, random_state: int = 0) -> pd.DataFrame:
        """Bootstrap percentile intervals for the path coefficients (seeded, reproducible).

        Parameters
        ----------
        data : DataFrame
            The data the model was fitted on.
        n_boot : int, default 200
            Number of resamples (respondents drawn with replacement).
        confidence : float, default 0.95
            Level of the percentile intervals.
        random_state : int, default 0
            Seed of the random generator.

        Returns
        -------
        DataFrame
            One row per path: ``from``, ``to``, ``coefficient`` (on the full data), ``boot_mean``,
            ``boot_se``, ``ci_low``, ``ci_high``; also stored as ``bootstrap_``. Resamples in which an
            item has no variance are skipped; their number is in ``bootstrap_.attrs["n_skipped"]``.
        """
        check_fitted(self, "path_coefficients_")
        func = "PLSPathModel.bootstrap"
        n_boot = check_positive_int(n_boot, func=func, param="n_boot", minimum=2)
        conf = check_fraction(confidence, func=func, param="confidence")
        M, _ = self._matrix(data, self.blocks_, self.latents_, func=func)
        if M.shape[0] != self._n_obs:
            raise CRMDataError(
                f"{func}: the model was fitted on {self._n_obs} rows but data has {M.shape[0]}. "
                "Pass the data the model was fitted on (or call .fit(data) first)."
            )
        rng = np.random.default_rng(random_state)
        pos = {lv: i for i, lv in enumerate(self.latents_)}
        ij = [(pos[a], pos[b]) for a, b in self.paths_]
        draws, skipped = [], 0
        n = M.shape[0]
        for _ in range(n_boot):  # a loop over resamples, not over respondents
            sample = M[rng.integers(0, n, n)]
            try:
                res = self._estimate(sample, self.latents_, self.blocks_, self.paths_, self._modes)
            except CRMDataError:
                skipped += 1
                continue
            draws.append([res["coef"][i, j] for i, j in ij])
        if not draws:
            raise CRMDataError(f"{func}: every resample failed (items without variance); the data are too small.")
        D = np.array(draws)
        a = (1 - conf) / 2
        out = self.path_coefficients_.copy()
        out["boot_mean"] = D.mean(axis=0)
        out["boot_se"] = D.std(axis=0, ddof=1) if len(D) > 1 else np.nan
        out["ci_low"] = np.quantile(D, a, axis=0)
        out["ci_high"] = np.quantile(D, 1 - a, axis=0)
        out.attrs["n_boot"] = len(D)
        out.attrs["n_skipped"] = skipped
        self.bootstrap_ = out
        return out

    def __repr__(self) -> str:
        return (
            f"PLSPathModel(blocks={list(self.blocks) if isinstance(self.blocks, Mapping) else self.blocks!r}, "
            f"paths={len(self.paths) if isinstance(self.paths, (list, tuple)) else self.paths!r} paths, "
            f"scheme={self.scheme!r})"
        )


# ----------------------------------------------------------------------------------------------
# Complaint trend and psychological needs (Chapter 7, appended)
# ----------------------------------------------------------------------------------------------
__all__ += ["PSYCHOLOGICAL_NEEDS", "complaint_trend", "psychological_needs"]

#: The three psychological needs the course source 003 lists beyond functional benefits
#: (情感需求、安全需求、尊重需求), what each means for a supplier, an example of meeting it, and the
#: course survey column that measures how much it matters (1-5).
PSYCHOLOGICAL_NEEDS = pd.DataFrame(
    {
        "need": ["emotional", "security", "respect"],
        "chinese": ["情感需求", "安全需求", "尊重需求"],
        "meaning": [
            "to be cared about as a person, a pleasant relationship",
            "to feel safe with the choice: no risk to the firm or to the buyer personally",
            "to be taken seriously and treated with courtesy",
        ],
        "how_to_meet_it": [
            "remember the customer, regular follow-up, care activities",
            "strong brand, guarantees, returns, reliable delivery",
            "prompt polite answers, senior staff for senior counterparts",
        ],
        "survey_column": ["emotional_need", "security_need", "respect_need"],
    }
).set_index("need")


def complaint_trend(
    contacts: pd.DataFrame,
    *,
    freq: str = "W",
    date: str = "contact_datetime",
    kind: str = "contact_type",
    complaint: str = "complaint",
    resolved: str = "resolved_first_time",
    hours: str = "resolution_hours",
    by: str | None = None,
) -> pd.DataFrame:
    """Complaints per period with the first-contact resolution rate: the feedback trend to watch.

    The source's advice (chart daily complaints and raise the first-time resolution rate) as a
    table: every period of the calendar from the first to the last contact, also the quiet ones.

    Parameters
    ----------
    contacts : DataFrame
        The contact log, one row per contact (course data: ``crmlearn.load_dataset("contacts")``).
    freq : str, default "W"
        Calendar frequency (pandas alias: "D", "W", "MS", "QS", ...).
    date : str, default "contact_datetime"
        Date or date-time of the contact.
    kind : str, default "contact_type"
        Column saying what kind of contact it was.
    complaint : str, default "complaint"
        The value of ``kind`` that marks a complaint.
    resolved : str or None, default "resolved_first_time"
        Bool column: solved at the first contact. None to leave the rate out.
    hours : str or None, default "resolution_hours"
        Hours until solved. None to leave it out.
    by : str, optional
        A column (e.g. "channel" or "topic") to count complaints per group as extra columns
        ``complaints_<group>``.

    Returns
    -------
    DataFrame
        One row per period (index ``period``: the label pandas resampling gives, the week's Sunday for "W",
        the first day for "MS"), every period from the first contact to the last: ``contacts``, ``complaints``,
        ``complaint_share`` (complaints / contacts), ``first_time_rate`` (share of complaints solved at
        the first contact, NaN in a period without complaints), ``median_hours``; plus
        ``complaints_<group>`` columns when ``by`` is given.

    Raises
    ------
    CRMDataError
        A column is missing, the dates cannot be read or are missing, no contacts, a bad ``freq``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"contact_datetime": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-20"]),
    ...                     "contact_type": ["complaint", "task", "complaint"],
    ...                     "resolved_first_time": [True, None, False], "resolution_hours": [4.0, None, 30.0]})
    >>> complaint_trend(log, freq="MS")[["contacts", "complaints", "first_time_rate"]]
                contacts  complaints  first_time_rate
    period
    2024-01-01         3           2              0.5
    """
    func = "complaint_trend"
    check_table(contacts, func=func, name="contacts")
    if not isinstance(freq, str):
        raise TypeError(f"{func}: freq must be a pandas frequency such as 'W' or 'MS', got {type(freq).__name__}.")
    need = [date, kind] + [c for c in (resolved, hours, by) if c is not None]
    check_columns(contacts, need, func=func)
    when = pd.to_datetime(contacts[date], errors="coerce")
    if when.isna().any():
        bad = when.isna().to_numpy()
        raise CRMDataError(
            f"{func}: {int(bad.sum())} row(s) have a missing or unreadable '{date}' "
            f"(first: {first_offender(contacts, bad)}). Fix or drop them first."
        )
    is_c = (contacts[kind].astype(str) == str(complaint)).to_numpy()
    cols = {"contacts": np.ones(len(contacts)), "complaints": is_c.astype(float)}
    if resolved is not None:
        r = contacts[resolved].astype("boolean")
        cols["_fcr_num"] = (is_c & r.fillna(False).to_numpy(dtype=bool)).astype(float)
        cols["_fcr_den"] = (is_c & r.notna().to_numpy()).astype(float)
    frame = pd.DataFrame(cols, index=pd.DatetimeIndex(when.to_numpy(), name="period"))
    if by is not None:
        groups = contacts[by].astype(str).to_numpy()
        for g in pd.unique(groups[is_c]):
            frame[f"complaints_{g}"] = (is_c & (groups == g)).astype(float)
    try:
        res = frame.sort_index().resample(freq)
        out = res.sum()
    except (ValueError, TypeError) as exc:
        raise CRMDataError(f"{func}: freq={freq!r} is not a calendar frequency pandas knows ({exc}). "
                           "Use 'D', 'W', 'MS' or 'QS'.") from None
    out.index.name = "period"
    with np.errstate(invalid="ignore", divide="ignore"):
        out.insert(2, "complaint_share", out["complaints"] / out["contacts"].where(out["contacts"] > 0))
        if resolved is not None:
            out.insert(3, "first_time_rate", out.pop("_fcr_num") / out.pop("_fcr_den").where(lambda d: d > 0))
    if hours is not None:
        check_numeric(contacts, [hours], func=func)
        h = pd.Series(contacts[hours].to_numpy(dtype=float)[is_c], index=pd.DatetimeIndex(when.to_numpy()[is_c]))
        med = h.sort_index().resample(freq).median().reindex(out.index)
        out.insert(4 if resolved is not None else 3, "median_hours", med.to_numpy())
    for c in out.columns:
        if c in ("contacts", "complaints") or c.startswith("complaints_"):
            out[c] = out[c].astype(int)
    return out


def psychological_needs(
    survey: pd.DataFrame,
    *,
    needs: Sequence[str] | None = None,
    by: str | None = None,
    min_top_box: float = 4,
) -> pd.DataFrame:
    """How much the emotional, security and respect needs matter: mean and top-2-box share.

    Parameters
    ----------
    survey : DataFrame
        One row per respondent with a 1-5 rating per need (course survey: ``emotional_need``,
        ``security_need``, ``respect_need``).
    needs : list of str, optional
        The need columns; default the ``survey_column`` of :data:`PSYCHOLOGICAL_NEEDS`.
    by : str, optional
        A grouping column (e.g. whether the respondent is a key account): one row per group and need.
    min_top_box : float, default 4
        An answer from this value on counts as "matters" (top-2-box on 1-5).

    Returns
    -------
    DataFrame
        One row per need (and group): ``need``, ``chinese`` (when the need is one of the three),
        ``mean``, ``top_box_share`` (0-1) and ``n``; rows ordered by mean, highest first, within a group.

    Raises
    ------
    CRMDataError
        Missing or non-numeric columns or missing answers.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"emotional_need": [3, 4], "security_need": [5, 5], "respect_need": [2, 4]})
    >>> psychological_needs(df)[["need", "mean", "top_box_share"]]
            need  mean  top_box_share
    0   security   5.0            1.0
    1  emotional   3.5            0.5
    2    respect   3.0            0.5
    """
    func = "psychological_needs"
    check_table(survey, func=func, name="survey")
    cols = list(PSYCHOLOGICAL_NEEDS["survey_column"]) if needs is None else _column_list(needs, func=func, param="needs")
    _check_numeric_items(survey, cols, func=func, param="needs")
    label = {c: n for n, c in PSYCHOLOGICAL_NEEDS["survey_column"].items()}
    long = survey[cols].rename(columns=label).melt(var_name="need", value_name="answer")
    if by is not None:
        check_columns(survey, [by], func=func, param="by")
        long[by] = np.tile(survey[by].to_numpy(), len(cols))
        keys = [by, "need"]
    else:
        keys = ["need"]
    long["top"] = long["answer"] >= min_top_box
    g = long.groupby(keys, sort=False)
    out = pd.DataFrame({"mean": g["answer"].mean(), "top_box_share": g["top"].mean(), "n": g.size()}).reset_index()
    out = out.sort_values(([by] if by else []) + ["mean"], ascending=[True] * (1 if by else 0) + [False],
                          kind="stable").reset_index(drop=True)
    cn = PSYCHOLOGICAL_NEEDS["chinese"]
    out.insert(out.columns.get_loc("need") + 1, "chinese", out["need"].map(cn).fillna(""))
    return out


__all__ += ["nps_cutoffs"]


def nps_cutoffs(
    scores: pd.Series | Sequence[float] | np.ndarray | pd.DataFrame,
    *,
    min_promoter: int = 9,
    max_detractor: int = 6,
    column: str = "likelihood_to_recommend",
    confidence: float = 0.95,
) -> pd.Series:
    """The NPS with other cut-offs than 9-10 / 0-6: how much the score depends on the thresholds.

    Parameters
    ----------
    scores, column, confidence
        As in :func:`nps`.
    min_promoter : int, default 9
        A promoter answers this or more.
    max_detractor : int, default 6
        A detractor answers this or less (must be below ``min_promoter``).

    Returns
    -------
    Series
        As :func:`nps`, plus ``min_promoter`` and ``max_detractor``.

    Examples
    --------
    >>> round(float(nps_cutoffs([10, 9, 8, 7, 6, 3], min_promoter=8)["nps"]), 1)
    16.7
    """
    func = "nps_cutoffs"
    for v, p in ((min_promoter, "min_promoter"), (max_detractor, "max_detractor")):
        if isinstance(v, bool) or not isinstance(v, (int, np.integer)) or not 0 <= v <= 10:
            raise CRMDataError(f"{func}: {p} must be a whole number from 0 to 10, got {v!r}.")
    if max_detractor >= min_promoter:
        raise CRMDataError(
            f"{func}: max_detractor={max_detractor} must be below min_promoter={min_promoter} "
            "(the passives lie between)."
        )
    s = _series_of_scores(scores, func=func, column=column)
    base = nps(s, confidence=confidence)  # validates the answers
    v = np.asarray(s, dtype=float)
    recoded = np.where(v >= min_promoter, 10, np.where(v <= max_detractor, 0, 8))
    out = nps(recoded, confidence=confidence)
    out["n"] = base["n"]
    out["min_promoter"] = float(min_promoter)
    out["max_detractor"] = float(max_detractor)
    return out


__all__ += ["customer_costs"]


def customer_costs(
    transactions: pd.DataFrame,
    contacts: pd.DataFrame,
    *,
    customers: Sequence[str] | pd.Series | None = None,
    year: int | None = None,
    hour_cost: float = 150.0,
    contact_cost: float = 80.0,
    customer: str = "customer_id",
    date: str = "order_date",
    amount: str = "amount",
) -> pd.DataFrame:
    """The cost side of customer delivered value from the logs: money, time and energy cost per customer.

    - money cost: what the customer paid (net of returns);
    - time cost: hours its complaints stayed open, times ``hour_cost``;
    - energy cost: contacts the customer had to start (inbound), times ``contact_cost``.

    The psychic cost is not in the logs and is left out. ``hour_cost`` and ``contact_cost`` are
    assumptions to state, not data.

    Parameters
    ----------
    transactions, contacts : DataFrame
        Order lines (``customer``, ``date``, ``amount``; lost tenders in ``tender_result`` are left
        out) and the contact log (``contact_datetime``,
        ``direction``, ``contact_type``, ``resolution_hours``).
    customers : list of ids, optional
        The customers to report (e.g. the survey respondents), in this order; default every customer
        in ``transactions``. A customer without orders or contacts gets zero costs.
    year : int, optional
        Only this calendar year.
    hour_cost, contact_cost : float, default 150 and 80
        CNY per hour of the customer's time and per contact it had to start.

    Returns
    -------
    DataFrame
        Indexed by customer: ``money_cost``, ``time_cost``, ``energy_cost``, ``total_cost``.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "B"], "order_date": pd.to_datetime(["2023-01-05"] * 3),
    ...                    "amount": [1000.0, -100.0, 500.0]})
    >>> log = pd.DataFrame({"customer_id": ["A", "A"], "contact_datetime": pd.to_datetime(["2023-02-01"] * 2),
    ...                     "direction": ["inbound", "outbound"], "contact_type": ["complaint", "task"],
    ...                     "resolution_hours": [10.0, None]})
    >>> customer_costs(tx, log)
                 money_cost  time_cost  energy_cost  total_cost
    customer_id
    A                 900.0     1500.0         80.0      2480.0
    B                 500.0        0.0          0.0       500.0
    """
    func = "customer_costs"
    check_table(transactions, func=func, name="transactions")
    check_table(contacts, func=func, name="contacts", allow_empty=True)
    check_columns(transactions, [customer, date, amount], func=func)
    check_numeric(transactions, [amount], func=func)
    check_columns(contacts, [customer, "contact_datetime", "direction", "contact_type", "resolution_hours"], func=func)
    for v, p in ((hour_cost, "hour_cost"), (contact_cost, "contact_cost")):
        _non_negative_number(v, func=func, param=p)
    tx_when = pd.to_datetime(transactions[date])
    c_when = pd.to_datetime(contacts["contact_datetime"])
    tx, con = transactions, contacts
    if year is not None:
        if isinstance(year, bool) or not isinstance(year, (int, np.integer)):
            raise TypeError(f"{func}: year must be a whole number such as 2023, got {type(year).__name__}.")
        tx, con = tx[tx_when.dt.year == year], con[c_when.dt.year == year]
    if "tender_result" in tx.columns:  # a lost tender is a bid, not a purchase
        tx = tx[tx["tender_result"].astype(str) != "lost"]
    money = tx.groupby(customer)[amount].sum()
    comp = con[con["contact_type"].astype(str) == "complaint"]
    hours = comp.groupby(customer)["resolution_hours"].sum()
    inbound = con[con["direction"].astype(str) == "inbound"].groupby(customer).size()
    ids = pd.Index(pd.unique(np.asarray(customers)) if customers is not None else money.index, name=customer)
    out = pd.DataFrame(
        {
            "money_cost": money.reindex(ids, fill_value=0.0).astype(float),
            "time_cost": hour_cost * hours.reindex(ids, fill_value=0.0).astype(float),
            "energy_cost": contact_cost * inbound.reindex(ids, fill_value=0).astype(float),
        },
        index=ids,
    )
    out["total_cost"] = out.sum(axis=1)
    return out
