"""Customer loyalty: loyalty types, the loyalty matrix, the satisfaction-loyalty gap, switching barriers.

Chapter 8 of the course (客户忠诚): a satisfied customer is not necessarily a
loyal one. This module measures the difference:

- :func:`loyalty_types` -- Jill Griffin's behavioural, intentional and emotional
  loyalty (行为忠诚、意识忠诚、情感忠诚) per customer;
- :func:`loyalty_matrix` -- Dick & Basu's relative attitude against repeat
  patronage: true, latent, spurious or no loyalty;
- :func:`satisfied_switchers` -- how many satisfied customers still switch (the
  Bain figures), from a survey; :func:`simulate_bain` builds a seeded survey that
  follows the "generic", "car" and "restaurant" figures the sources quote, and
  :func:`bain_switchers` gives the quoted range for a number of satisfied customers;
- :func:`switching_cost_index`, :func:`purchase_risk_index` -- 0-100 indices from
  rating items on the switching costs (转换成本) and purchasing risks (采购风险) of
  the syllabus lists; :func:`switch_decision` -- does a price saving beat them?

Tables (the contract of DESIGN.md): :func:`loyalty_types`, :func:`loyalty_matrix` and
:func:`switch_decision` return a new DataFrame on the input's index, the input's columns first
and their own appended; the indices are Series on the input's index; the input is never changed
and ``.attrs`` holds provenance notes only (the thresholds used).
"""
from __future__ import annotations

import contextlib

from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd

from ._core.compat import renamed_kwargs
from ._core.tables import append_columns
from ._validation import (
    CRMDataError,
    check_choice,
    check_columns,
    check_fraction,
    check_no_missing,
    check_non_negative,
    check_numeric,
    check_positive_int,
    check_table,
    first_offender,
)
from .satisfaction import _column_list, satisfaction_index

__all__ = [
    "LOYALTY_TYPES",
    "LOYALTY_MATRIX",
    "BAIN_PRESETS",
    "SWITCHING_COST_ITEMS",
    "PURCHASE_RISK_ITEMS",
    "loyalty_types",
    "loyalty_matrix",
    "satisfied_switchers",
    "simulate_bain",
    "bain_switchers",
    "switching_cost_index",
    "purchase_risk_index",
    "switch_decision",
]

#: Griffin's loyalty types, from the shallowest to the deepest, and "none".
LOYALTY_TYPES = ["none", "behavioural", "intentional", "emotional"]

#: Dick & Basu's four cells: (relative attitude high?, repeat patronage high?) -> name.
LOYALTY_MATRIX = {(True, True): "true", (True, False): "latent", (False, True): "spurious", (False, False): "none"}
_MATRIX_ORDER = ["true", "latent", "spurious", "none"]

#: Presets for :func:`simulate_bain`, with the figures of the sources (Bain & Company, quoted in the
#: course source 003): ``satisfied_share`` of customers satisfied (top-2-box), ``satisfied_switch_rate``
#: P(switch | satisfied) and ``dissatisfied_switch_rate`` P(switch | dissatisfied).
BAIN_PRESETS: dict[str, dict[str, Any]] = {
    "generic": {
        "satisfied_share": 0.80,
        "satisfied_switch_rate": 0.45,
        "dissatisfied_switch_rate": 0.60,
        "quote": "65%-85% of customers who switch say they were satisfied or very satisfied",
        "target": ("switchers_satisfied_share", 0.65, 0.85),
    },
    "car": {
        "satisfied_share": 0.90,
        "satisfied_switch_rate": 0.62,
        "dissatisfied_switch_rate": 0.90,
        "quote": "car buyers: 85%-95% satisfied, yet only 30%-40% buy the same make again",
        "target": ("repurchase_rate", 0.30, 0.40),
    },
    "restaurant": {
        "satisfied_share": 0.80,
        "satisfied_switch_rate": 0.70,
        "dissatisfied_switch_rate": 0.90,
        "quote": "restaurants: 60%-80% of satisfied or very satisfied customers still switch",
        "target": ("satisfied_switch_rate", 0.60, 0.80),
    },
}

#: Switching-cost rating items (1 = no cost, 5 = very high cost) and what each asks.
SWITCHING_COST_ITEMS: dict[str, str] = {
    "sc_retraining": "learning the new supplier's products, retraining staff (Boeing/Airbus mechanics)",
    "sc_setup": "new equipment, spare parts, set-up and integration",
    "sc_rebate_loss": "year-end rebates (年终返利), points and other benefits lost by leaving",
    "sc_technical": "technical barriers (技术壁垒): compatibility, certification, data migration",
    "sc_differentiation": "no equivalent product elsewhere (differentiated product)",
}

#: Purchasing-risk rating items (1 = no risk, 5 = very high risk): the six risks of the syllabus list.
PURCHASE_RISK_ITEMS: dict[str, str] = {
    "risk_price": "inflated prices",
    "risk_quality": "quality problems",
    "risk_supply": "late supply",
    "risk_capacity": "insufficient supplier capacity",
    "risk_after_sales": "poor after-sales service",
    "risk_compliance": "illegal dealings between buyer and supplier staff (a compliance risk)",
}


def _number(value: Any, *, func: str, param: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError(f"{func}: {param} must be a number, got {type(value).__name__} {value!r}.")
    if not np.isfinite(value):
        raise CRMDataError(f"{func}: {param} must be a finite number, got {value!r}.")
    return float(value)


def _numeric_column(data: pd.DataFrame, col: str, *, func: str, param: str) -> np.ndarray:
    check_columns(data, [col], func=func, param=param)
    check_numeric(data, [col], func=func)
    check_no_missing(data, [col], func=func)
    return data[col].to_numpy(dtype=float)


def _threshold(value: Any, x: np.ndarray, *, func: str, param: str) -> float:
    if isinstance(value, str):
        check_choice(value, ["median", "mean"], func=func, param=param)
        return float(np.median(x) if value == "median" else np.mean(x))
    return _number(value, func=func, param=param)


# ----------------------------------------------------------------------------------------------
# loyalty types
# ----------------------------------------------------------------------------------------------
def loyalty_types(
    data: pd.DataFrame,
    *,
    repeat: str | None = "frequency",
    intention: str | None = "repurchase_intent",
    recommendation: str | None = "likelihood_to_recommend",
    min_repeat: float = 2,
    min_intention: float = 4,
    min_recommendation: float = 9,
) -> pd.DataFrame:
    """Behavioural, intentional and emotional loyalty of each customer (Jill Griffin).

    - **behavioural** (行为忠诚): the customer actually buys again (repeat purchases);
    - **intentional** (意识忠诚): the customer intends to buy again;
    - **emotional** (情感忠诚): the customer is attached enough to recommend us.

    Parameters
    ----------
    data : DataFrame
        One row per customer (e.g. the survey joined with purchase counts).
    repeat : str or None, default "frequency"
        Number of purchases in the period. None when not available (then ``behavioural`` is left out).
    intention : str or None, default "repurchase_intent"
        Stated repurchase intention (course survey: 1-5). None to leave it out.
    recommendation : str or None, default "likelihood_to_recommend"
        Likelihood to recommend (course survey: 0-10), or any attachment rating. None to leave it out.
    min_repeat : float, default 2
        Behaviourally loyal from this many purchases on.
    min_intention : float, default 4
        Intentionally loyal from this answer on (top-2-box on 1-5).
    min_recommendation : float, default 9
        Emotionally loyal from this answer on (a promoter on 0-10).

    Returns
    -------
    DataFrame
        Indexed like ``data``: a bool column per type used (``behavioural``, ``intentional``,
        ``emotional``), ``n_types`` (how many hold) and ``loyalty_type``, the deepest type reached
        (ordered categorical none < behavioural < intentional < emotional).

    Raises
    ------
    CRMDataError
        A column is missing, not numeric or has missing values; all three columns are None.

    See Also
    --------
    loyalty_matrix : attitude against behaviour.

    Notes
    -----
    The three types are not exclusive: a customer can buy again without any intention to stay
    (spurious loyalty, see :func:`loyalty_matrix`) or recommend us without buying. ``loyalty_type``
    reports the deepest one held, reading the types as Griffin's ladder.

    References
    ----------
    Griffin, J. (2002). *Customer Loyalty: How to Earn It, How to Keep It*. Jossey-Bass.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"frequency": [5, 1, 3, 0], "repurchase_intent": [3, 5, 4, 2],
    ...                    "likelihood_to_recommend": [6, 7, 10, 3]})
    >>> loyalty_types(df)[["behavioural", "intentional", "emotional", "n_types", "loyalty_type"]]
       behavioural  intentional  emotional  n_types loyalty_type
    0         True        False      False        1  behavioural
    1        False         True      False        1  intentional
    2         True         True       True        3    emotional
    3        False        False      False        0         none
    """
    func = "loyalty_types"
    check_table(data, func=func)
    spec = [
        ("behavioural", repeat, "repeat", min_repeat, "min_repeat"),
        ("intentional", intention, "intention", min_intention, "min_intention"),
        ("emotional", recommendation, "recommendation", min_recommendation, "min_recommendation"),
    ]
    if all(col is None for _, col, *_ in spec):
        raise CRMDataError(f"{func}: repeat, intention and recommendation are all None. Pass at least one column.")
    out = pd.DataFrame(index=data.index)
    level = np.zeros(len(data), dtype=np.int8)
    for k, (name, col, param, threshold, tparam) in enumerate(spec, start=1):
        if col is None:
            continue
        if not isinstance(col, str):
            raise TypeError(f"{func}: {param} must be a column name or None, got {type(col).__name__}.")
        x = _numeric_column(data, col, func=func, param=param)
        flag = x >= _number(threshold, func=func, param=tparam)
        out[name] = flag
        level = np.where(flag, k, level).astype(np.int8)
    out["n_types"] = out.sum(axis=1).astype(int)
    out["loyalty_type"] = pd.Categorical.from_codes(level, categories=LOYALTY_TYPES, ordered=True)
    return append_columns(data, out)


@renamed_kwargs(attitude_threshold="min_attitude", patronage_threshold="min_patronage")
def loyalty_matrix(
    data: pd.DataFrame,
    *,
    attitude: str = "emotional_attachment",
    patronage: str = "frequency",
    min_attitude: float | str = 4,
    min_patronage: float | str = "median",
) -> pd.DataFrame:
    """The loyalty matrix: relative attitude against repeat patronage (Dick & Basu 1994).

    =================  ===================  ==================
    attitude \\\\ buys   high repeat          low repeat
    =================  ===================  ==================
    high attitude      true loyalty         latent loyalty
    low attitude       spurious loyalty     no loyalty
    =================  ===================  ==================

    Spurious loyalty is inertia or lock-in (high switching cost, no alternative): it ends when
    the barrier does. Latent loyalty is goodwill that does not (yet) show in purchases.

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    attitude : str, default "emotional_attachment"
        The relative attitude (course survey: attachment, 1-5; a preference or recommendation score works too).
    patronage : str, default "frequency"
        Repeat patronage: purchases in the period, or share of wallet.
    min_attitude, min_patronage : float or "median" or "mean", default 4 and "median"
        A customer is "high" on an axis from this value on.

    Returns
    -------
    DataFrame
        Indexed like ``data``: ``attitude_high``, ``patronage_high`` (bool) and ``loyalty``
        (categorical: true, latent, spurious, none). The thresholds used are in
        ``result.attrs["thresholds"]``.

    Raises
    ------
    CRMDataError
        A column is missing, not numeric or has missing values; a bad threshold.

    See Also
    --------
    loyalty_types : Griffin's three types.
    crmlearn.plots.loyalty_matrix_chart : the 2x2 chart.

    References
    ----------
    Dick, A. S. & Basu, K. (1994). Customer loyalty: toward an integrated conceptual framework.
    *Journal of the Academy of Marketing Science*, 22(2), 99-113.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"emotional_attachment": [5, 5, 2, 1], "frequency": [8, 1, 9, 0]})
    >>> loyalty_matrix(df, min_patronage=3)[["attitude_high", "patronage_high", "loyalty"]]
       attitude_high  patronage_high   loyalty
    0           True            True      true
    1           True           False    latent
    2          False            True  spurious
    3          False           False      none
    """
    func = "loyalty_matrix"
    check_table(data, func=func)
    a = _numeric_column(data, attitude, func=func, param="attitude")
    p = _numeric_column(data, patronage, func=func, param="patronage")
    ta = _threshold(min_attitude, a, func=func, param="min_attitude")
    tp = _threshold(min_patronage, p, func=func, param="min_patronage")
    hi_a = a >= ta
    hi_p = p >= tp
    code = np.where(hi_a, np.where(hi_p, 0, 1), np.where(hi_p, 2, 3))
    out = pd.DataFrame(
        {
            "attitude_high": hi_a,
            "patronage_high": hi_p,
            "loyalty": pd.Categorical.from_codes(code, categories=_MATRIX_ORDER),
        },
        index=data.index,
    )
    out = append_columns(data, out)
    out.attrs["thresholds"] = {"attitude": ta, "patronage": tp}   # provenance only
    return out


# ----------------------------------------------------------------------------------------------
# satisfaction is not loyalty
# ----------------------------------------------------------------------------------------------
@renamed_kwargs(satisfied_min="min_satisfaction")
def satisfied_switchers(
    data: pd.DataFrame,
    *,
    satisfaction: str = "overall_satisfaction",
    switched: str = "switched_within_12m",
    min_satisfaction: float = 4,
) -> pd.Series:
    """How many satisfied customers still switch: the satisfaction-loyalty gap in a survey.

    Bain & Company's figures, quoted by the course sources, say that a high
    satisfaction score does not keep customers. This function measures the same
    figures on your own survey, both ways round (they are easily confused):

    - of the customers who switched, the share who were satisfied
      (``switchers_satisfied_share``; Bain's "65-85%");
    - of the satisfied customers, the share who switched (``satisfied_switch_rate``;
      the restaurant figure "60-80%").

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    satisfaction : str, default "overall_satisfaction"
        The satisfaction rating (course survey: 1-5).
    switched : str, default "switched_within_12m"
        Whether the customer switched supplier (bool or 0/1).
    min_satisfaction : float, default 4
        "Satisfied" from this rating on (top-2-box on a 1-5 scale).

    Returns
    -------
    Series
        Shares as fractions (0-1): ``n``, ``satisfied_share``, ``switch_rate`` (all customers),
        ``satisfied_switch_rate`` P(switch | satisfied), ``dissatisfied_switch_rate``
        P(switch | not satisfied), ``switchers_satisfied_share`` P(satisfied | switched),
        ``repurchase_rate`` (1 - switch_rate) and ``satisfaction_loyalty_gap``
        (satisfied_share - repurchase_rate). A rate with no customers behind it is NaN.

    Raises
    ------
    CRMDataError
        A column is missing or has missing values; ``switched`` is not 0/1 or bool.

    See Also
    --------
    simulate_bain : a seeded survey that follows the quoted figures.
    bain_switchers : the quoted range for a number of satisfied customers.

    References
    ----------
    Reichheld, F. F. (1993). Loyalty-based management. *Harvard Business Review*, 71(2), 64-73.
    Jones, T. O. & Sasser, W. E. (1995). Why satisfied customers defect. *Harvard Business Review*,
    73(6), 88-99.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"overall_satisfaction": [5, 5, 4, 4, 2, 1],
    ...                    "switched_within_12m": [True, False, True, False, True, True]})
    >>> satisfied_switchers(df).round(3)
    n                            6.000
    satisfied_share              0.667
    switch_rate                  0.667
    satisfied_switch_rate        0.500
    dissatisfied_switch_rate     1.000
    switchers_satisfied_share    0.500
    repurchase_rate              0.333
    satisfaction_loyalty_gap     0.333
    Name: satisfied_switchers, dtype: float64
    """
    func = "satisfied_switchers"
    check_table(data, func=func)
    sat = _numeric_column(data, satisfaction, func=func, param="satisfaction")
    check_columns(data, [switched], func=func, param="switched")
    check_no_missing(data, [switched], func=func)
    sw_raw = data[switched]
    if pd.api.types.is_bool_dtype(sw_raw):
        sw = sw_raw.to_numpy(dtype=bool)
    else:
        check_numeric(data, [switched], func=func)
        v = sw_raw.to_numpy(dtype=float)
        bad = ~np.isin(v, [0, 1])
        if bad.any():
            raise CRMDataError(
                f"{func}: column '{switched}' must be True/False or 0/1 (first other value: "
                f"{first_offender(data, bad)}, value {v[bad][0]:g})."
            )
        sw = v.astype(bool)
    is_sat = sat >= _number(min_satisfaction, func=func, param="min_satisfaction")

    def rate(num: int, den: int) -> float:
        return num / den if den else float("nan")

    n = len(sat)
    n_sat, n_sw = int(is_sat.sum()), int(sw.sum())
    both = int((is_sat & sw).sum())
    switch_rate = n_sw / n
    return pd.Series(
        {
            "n": float(n),
            "satisfied_share": n_sat / n,
            "switch_rate": switch_rate,
            "satisfied_switch_rate": rate(both, n_sat),
            "dissatisfied_switch_rate": rate(n_sw - both, n - n_sat),
            "switchers_satisfied_share": rate(both, n_sw),
            "repurchase_rate": 1 - switch_rate,
            "satisfaction_loyalty_gap": n_sat / n - (1 - switch_rate),
        },
        name="satisfied_switchers",
    )


@renamed_kwargs(seed="random_state")
def simulate_bain(preset: str = "generic", *, n_customers: int = 10_000, random_state: int = 0) -> pd.DataFrame:
    """A seeded survey in which satisfied customers switch as the Bain figures say.

    Each customer is satisfied with probability ``satisfied_share`` (then rates 4 or 5 on 1-5,
    else 1-3) and switches with ``satisfied_switch_rate`` or ``dissatisfied_switch_rate``
    (:data:`BAIN_PRESETS`). Feed the result to :func:`satisfied_switchers`.

    Parameters
    ----------
    preset : {"generic", "car", "restaurant"}, default "generic"
        "generic": 65-85% of switchers were satisfied; "car": 85-95% satisfied, 30-40% buy the same
        make again; "restaurant": 60-80% of satisfied customers switch.
    n_customers : int, default 10000
        Number of simulated customers.
    random_state : int, default 0
        Seed of the random generator.

    Returns
    -------
    DataFrame
        ``customer_id``, ``overall_satisfaction`` (1-5), ``satisfied`` (bool), ``switched_within_12m`` (bool).
        ``result.attrs["preset"]`` holds the preset's parameters, quote and target range.

    Raises
    ------
    CRMDataError
        An unknown preset.

    See Also
    --------
    satisfied_switchers : the figures of a survey.

    References
    ----------
    Reichheld, F. F. (1993). Loyalty-based management. *Harvard Business Review*, 71(2), 64-73;
    the Bain figures as quoted by the course source 003 (syllabus, Chapter 8).

    Examples
    --------
    >>> sim = simulate_bain("car", n_customers=20_000, random_state=1)
    >>> figures = satisfied_switchers(sim)
    >>> bool(0.85 <= figures["satisfied_share"] <= 0.95), bool(0.30 <= figures["repurchase_rate"] <= 0.40)
    (True, True)
    """
    func = "simulate_bain"
    check_choice(preset, list(BAIN_PRESETS), func=func, param="preset")
    n = check_positive_int(n_customers, func=func, param="n_customers")
    if isinstance(random_state, bool) or not isinstance(random_state, (int, np.integer)):
        raise TypeError(f"{func}: random_state must be a whole number, got {type(random_state).__name__}.")
    par = BAIN_PRESETS[preset]
    rng = np.random.default_rng(random_state)
    satisfied = rng.random(n) < par["satisfied_share"]
    rating = np.where(satisfied, rng.integers(4, 6, n), rng.integers(1, 4, n))
    p_switch = np.where(satisfied, par["satisfied_switch_rate"], par["dissatisfied_switch_rate"])
    switched = rng.random(n) < p_switch
    width = max(5, len(str(n)))
    out = pd.DataFrame(
        {
            "customer_id": [f"S{i:0{width}d}" for i in range(1, n + 1)],
            "overall_satisfaction": rating.astype(int),
            "satisfied": satisfied,
            "switched_within_12m": switched,
        }
    )
    out.attrs["preset"] = dict(par, name=preset)
    return out


def bain_switchers(n_satisfied: int | float, *, low: float = 0.65, high: float = 0.85) -> pd.Series:
    """The number of satisfied customers who may switch, by the Bain range (65%-85%).

    Parameters
    ----------
    n_satisfied : int or float
        How many customers say they are satisfied.
    low, high : float, default 0.65 and 0.85
        The range of the switching share.

    Returns
    -------
    Series
        ``low`` and ``high`` numbers of switchers.

    Raises
    ------
    CRMDataError
        A negative count or a range outside [0, 1] or with low > high.

    See Also
    --------
    simulate_bain, satisfied_switchers

    References
    ----------
    Reichheld, F. F. (1993). Loyalty-based management. *Harvard Business Review*, 71(2), 64-73.

    Examples
    --------
    >>> bain_switchers(2000)
    low     1300.0
    high    1700.0
    Name: switchers, dtype: float64
    """
    func = "bain_switchers"
    n = _number(n_satisfied, func=func, param="n_satisfied")
    if n < 0:
        raise CRMDataError(f"{func}: n_satisfied must be zero or more, got {n_satisfied!r}.")
    lo = check_fraction(low, func=func, param="low", inclusive=True)
    hi = check_fraction(high, func=func, param="high", inclusive=True)
    if lo > hi:
        raise CRMDataError(f"{func}: low={low} is above high={high}. Pass low <= high.")
    return pd.Series({"low": round(n * lo, 10), "high": round(n * hi, 10)}, name="switchers")


# ----------------------------------------------------------------------------------------------
# switching barriers
# ----------------------------------------------------------------------------------------------
@contextlib.contextmanager
def _as_called(func: str):
    """Errors raised by the shared index computation name the function the user called."""
    try:
        yield
    except (TypeError, ValueError) as exc:
        msg = str(exc)
        if msg.startswith("satisfaction_index:"):
            exc.args = (func + msg[len("satisfaction_index"):],) + exc.args[1:]
        raise


def switching_cost_index(
    data: pd.DataFrame,
    *,
    items: Sequence[str] | str = tuple(SWITCHING_COST_ITEMS),
    weights: Mapping[str, float] | Sequence[float] | None = None,
    scale: tuple[float, float] = (1, 5),
) -> pd.Series:
    """A 0-100 switching-cost index (转换成本) per customer from rating items.

    The higher it is, the more it would cost the customer to move to another
    supplier -- and the less price-sensitive the customer is (Boeing vs Airbus:
    retraining mechanics and new spare parts keep an airline with its maker).

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    items : list of str, default the keys of :data:`SWITCHING_COST_ITEMS`
        Rating columns (1 = no cost, 5 = very high cost by default).
    weights : dict or list, optional
        Weight of each item (normalised); default equal.
    scale : (float, float), default (1, 5)
        The rating scale.

    Returns
    -------
    Series
        ``switching_cost_index`` (0-100), indexed like ``data``.

    Raises
    ------
    CRMDataError
        Missing items or answers, answers outside the scale, bad weights.

    See Also
    --------
    purchase_risk_index, switch_decision

    Notes
    -----
    ``index = 100 * sum_i w_i (x_i - lo) / (hi - lo)`` (see :func:`crmlearn.satisfaction.satisfaction_index`).

    References
    ----------
    Burnham, T. A., Frels, J. K. & Mahajan, V. (2003). Consumer switching costs: a typology,
    antecedents, and consequences. *Journal of the Academy of Marketing Science*, 31(2), 109-126.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"sc_retraining": [5, 1], "sc_setup": [5, 1], "sc_rebate_loss": [3, 1],
    ...                    "sc_technical": [4, 2], "sc_differentiation": [3, 1]})
    >>> switching_cost_index(df)
    0    75.0
    1     5.0
    Name: switching_cost_index, dtype: float64
    """
    with _as_called("switching_cost_index"):
        out = satisfaction_index(data, items=items, weights=weights, scale=scale)
    return out.rename("switching_cost_index")


def purchase_risk_index(
    data: pd.DataFrame,
    *,
    items: Sequence[str] | str = tuple(PURCHASE_RISK_ITEMS),
    weights: Mapping[str, float] | Sequence[float] | None = None,
    scale: tuple[float, float] = (1, 5),
) -> pd.Series:
    """A 0-100 perceived purchasing-risk index (采购风险) of switching, per customer.

    The six risks of the course list: inflated prices, quality problems, late
    supply, insufficient capacity, poor after-sales service and illegal dealings.
    A strong incumbent brand and good cooperation raise the perceived risk of any
    substitute ("I chose the big brand").

    Parameters
    ----------
    data : DataFrame
        One row per customer.
    items : list of str, default the keys of :data:`PURCHASE_RISK_ITEMS`
        Rating columns (1 = no risk, 5 = very high risk by default).
    weights : dict or list, optional
        Weight of each item (normalised); default equal.
    scale : (float, float), default (1, 5)
        The rating scale.

    Returns
    -------
    Series
        ``purchase_risk_index`` (0-100), indexed like ``data``.

    Raises
    ------
    CRMDataError
        Missing items or answers, answers outside the scale, bad weights.

    See Also
    --------
    switching_cost_index, switch_decision

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({c: [1, 5] for c in PURCHASE_RISK_ITEMS})
    >>> purchase_risk_index(df)
    0      0.0
    1    100.0
    Name: purchase_risk_index, dtype: float64
    """
    with _as_called("purchase_risk_index"):
        out = satisfaction_index(data, items=items, weights=weights, scale=scale)
    return out.rename("purchase_risk_index")


def switch_decision(
    data: pd.DataFrame,
    *,
    saving: str = "annual_saving",
    switching_cost: str = "switching_cost",
    risk: str | None = "risk_cost",
    horizon: float = 1.0,
) -> pd.DataFrame:
    """Does a competitor's price saving outweigh the cost and risk of switching?

    A customer switches only if the saving over the planning horizon beats the
    one-off switching cost plus the money value it puts on the purchasing risk
    ("painful to leave": 离开很痛苦).

    Parameters
    ----------
    data : DataFrame
        One row per customer (or scenario), amounts in one currency.
    saving : str, default "annual_saving"
        Saving per year from the competitor's offer.
    switching_cost : str, default "switching_cost"
        One-off cost of switching (retraining, new equipment, lost rebates).
    risk : str or None, default "risk_cost"
        Money value of the perceived purchasing risk; None for none.
    horizon : float, default 1.0
        Planning horizon in years.

    Returns
    -------
    DataFrame
        Indexed like ``data``: ``total_saving`` (saving x horizon), ``barrier`` (switching cost + risk),
        ``net_gain`` (total_saving - barrier) and ``switches`` (net_gain > 0).

    Raises
    ------
    CRMDataError
        Missing, non-numeric or negative amounts; a non-positive horizon.

    Examples
    --------
    The syllabus case: 4% lower prices worth 80k a year against 150k of retraining and spares.

    >>> import pandas as pd
    >>> df = pd.DataFrame({"annual_saving": [80_000], "switching_cost": [150_000], "risk_cost": [0]})
    >>> switch_decision(df)[["total_saving", "barrier", "net_gain", "switches"]]
       total_saving   barrier  net_gain  switches
    0       80000.0  150000.0  -70000.0     False
    """
    func = "switch_decision"
    check_table(data, func=func)
    cols = [saving, switching_cost] + ([risk] if risk is not None else [])
    for c, p in zip(cols, ["saving", "switching_cost", "risk"]):
        if not isinstance(c, str):
            raise TypeError(f"{func}: {p} must be a column name, got {type(c).__name__}.")
        _numeric_column(data, c, func=func, param=p)
    check_non_negative(data, cols, func=func)
    h = _number(horizon, func=func, param="horizon")
    if h <= 0:
        raise CRMDataError(f"{func}: horizon must be positive (years), got {horizon!r}.")
    total = data[saving].to_numpy(dtype=float) * h
    barrier = data[switching_cost].to_numpy(dtype=float)
    if risk is not None:
        barrier = barrier + data[risk].to_numpy(dtype=float)
    net = total - barrier
    return append_columns(data, {"total_saving": total, "barrier": barrier, "net_gain": net, "switches": net > 0})


# ----------------------------------------------------------------------------------------------
# Chapter 8 additions: switching cost on a survey, the rate war, tactics by quadrant (appended)
# ----------------------------------------------------------------------------------------------
__all__ += ["LOYALTY_TACTICS", "switching_by_barrier", "rate_war"]

#: The sources' loyalty and trust tactics, each with the loyalty-matrix cell it works on and the
#: route it takes ("happy to stay" or "painful to leave"), syllabus chapter 8.
LOYALTY_TACTICS = pd.DataFrame(
    [
        ("regular communication and follow-up visits", "定期沟通与回访", "latent", "happy to stay",
         "turns goodwill into repeat orders"),
        ("personalised service", "个性化服务", "true", "happy to stay", "keeps the best customers delighted"),
        ("reward programme: points, coupons, membership levels", "客户奖励计划", "latent", "happy to stay",
         "gives a reason to buy again now"),
        ("sharing customer success stories", "客户成功案例分享", "none", "happy to stay",
         "removes prospects' doubts"),
        ("remove doubts in advance (guarantee, returns)", "消除疑虑", "none", "happy to stay",
         "the hardware store: browsers become customers"),
        ("staff as experts", "让客户相信员工是专家", "latent", "happy to stay", "trust in the advice"),
        ("value return: share profit with loyal customers", "价值回报", "true", "happy to stay",
         "makes loyal customers more loyal"),
        ("year-end rebates", "年终返利", "spurious", "painful to leave", "raises switching cost"),
        ("technical barriers, differentiated products", "技术壁垒", "spurious", "painful to leave",
         "raises switching cost"),
        ("brand, reputation, scale, R&D publicised", "品牌与声誉", "spurious", "painful to leave",
         "raises the purchasing risk of any substitute"),
        ("price cuts alone (rate war)", "价格竞争", "none", "neither", "copied at once; wins no loyalty"),
    ],
    columns=["tactic", "chinese", "quadrant", "route", "why"],
)


def switching_by_barrier(
    data: pd.DataFrame,
    *,
    barrier: str = "switching_cost_index",
    satisfaction: str = "overall_satisfaction",
    switched: str = "switched_within_12m",
    min_satisfaction: float = 4,
    bins: int = 3,
) -> pd.DataFrame:
    """Switch rate of satisfied customers by level of a switching barrier (low .. high).

    The satisfied customers are cut into ``bins`` groups of about equal size by the barrier (a
    switching-cost or purchase-risk index); the table shows how often each group switched. If the
    barrier keeps customers, the rate falls from the low group to the high one.

    Parameters
    ----------
    data : DataFrame
        One row per customer, with the barrier, a satisfaction rating and a switched flag.
    barrier : str, default "switching_cost_index"
        The barrier column (e.g. ``survey.assign(switching_cost_index=switching_cost_index(survey))``).
    satisfaction, switched, min_satisfaction
        As in :func:`satisfied_switchers`.
    bins : int, default 3
        Number of groups (quantiles of the barrier among the satisfied).

    Returns
    -------
    DataFrame
        One row per group (index ``level``: "low", "mid", "high" for 3 groups, else "Q1".."Qk"):
        ``min_barrier``, ``max_barrier``, ``n``, ``switched`` (count) and ``switch_rate`` (0-1).
        ``result.attrs["all_satisfied_rate"]`` notes the rate over all satisfied customers
        (provenance; it equals ``switched.sum() / n.sum()``).

    Raises
    ------
    CRMDataError
        Missing or non-numeric columns; fewer satisfied customers than groups.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"switching_cost_index": [10, 20, 30, 70, 80, 90],
    ...                    "overall_satisfaction": [5, 4, 5, 4, 5, 4],
    ...                    "switched_within_12m": [True, True, False, False, True, False]})
    >>> switching_by_barrier(df, bins=2)[["n", "switched", "switch_rate"]].round(3)
           n  switched  switch_rate
    level
    Q1     3         2        0.667
    Q2     3         1        0.333
    """
    func = "switching_by_barrier"
    check_table(data, func=func)
    b = _numeric_column(data, barrier, func=func, param="barrier")
    sat = _numeric_column(data, satisfaction, func=func, param="satisfaction")
    check_columns(data, [switched], func=func, param="switched")
    check_no_missing(data, [switched], func=func)
    sw = data[switched].to_numpy().astype(bool)
    k = check_positive_int(bins, func=func, param="bins", minimum=2)
    keep = sat >= _number(min_satisfaction, func=func, param="min_satisfaction")
    if keep.sum() < k:
        raise CRMDataError(f"{func}: only {int(keep.sum())} satisfied customers for bins={k} groups. Use fewer bins.")
    labels = ["low", "mid", "high"] if k == 3 else [f"Q{i}" for i in range(1, k + 1)]
    rank = pd.Series(b[keep]).rank(method="first", pct=True).to_numpy()
    grp = np.minimum((rank * k - 1e-12).astype(int), k - 1)
    frame = pd.DataFrame({"g": grp, "b": b[keep], "s": sw[keep]})
    g = frame.groupby("g")
    out = pd.DataFrame(
        {"min_barrier": g["b"].min(), "max_barrier": g["b"].max(), "n": g.size(), "switched": g["s"].sum().astype(int)}
    )
    out["switch_rate"] = out["switched"] / out["n"]
    out.index = pd.Index([labels[i] for i in out.index], name="level")
    out.attrs["all_satisfied_rate"] = float(sw[keep].mean())
    return out


def rate_war(benchmark_rate: float, *, spread: float = 0.03, portfolio_yield: float | None = None) -> pd.Series:
    """The insurers' rate war: promise ``spread`` above the bank benchmark and see the margin.

    Parameters
    ----------
    benchmark_rate : float
        The bank benchmark deposit rate, as a fraction (2.25% = 0.0225).
    spread : float, default 0.03
        How much above the benchmark the insurer promises (3 percentage points in the source).
    portfolio_yield : float, optional
        What the insurer earns on the money; the margin is yield - promised rate.

    Returns
    -------
    Series
        ``benchmark_rate``, ``promised_rate`` and, when ``portfolio_yield`` is given, ``portfolio_yield``
        and ``margin`` (negative: every customer won loses money).

    Examples
    --------
    >>> rate_war(0.0225, portfolio_yield=0.045).round(4)
    benchmark_rate     0.0225
    promised_rate      0.0525
    portfolio_yield    0.0450
    margin            -0.0075
    Name: rate_war, dtype: float64
    """
    func = "rate_war"
    base = _number(benchmark_rate, func=func, param="benchmark_rate")
    sp = _number(spread, func=func, param="spread")
    if not 0 <= base < 1 or not -1 < sp < 1:
        raise CRMDataError(
            f"{func}: rates are fractions (2.25% = 0.0225); got benchmark_rate={benchmark_rate!r}, spread={spread!r}."
        )
    out = {"benchmark_rate": base, "promised_rate": base + sp}
    if portfolio_yield is not None:
        y = _number(portfolio_yield, func=func, param="portfolio_yield")
        out["portfolio_yield"] = y
        out["margin"] = y - (base + sp)
    return pd.Series(out, name="rate_war")


__all__ += ["orders_before_survey"]


def orders_before_survey(
    survey: pd.DataFrame,
    transactions: pd.DataFrame,
    *,
    days: int = 365,
    customer: str = "customer_id",
    survey_date: str = "survey_date",
    date: str = "order_date",
    order: str = "order_id",
) -> pd.DataFrame:
    """The survey with ``frequency``: each respondent's orders in the ``days`` before its answer.

    Repeat patronage for :func:`loyalty_types` and :func:`loyalty_matrix`, measured before the
    survey so it is not confounded with the switching that came after. Returns lines with a
    non-positive amount are not counted when an ``is_return`` column is present; lost tenders
    (``tender_result == "lost"``) neither.

    Returns
    -------
    DataFrame
        A copy of ``survey`` with a ``frequency`` column (distinct orders; 0 when none).

    Examples
    --------
    >>> import pandas as pd
    >>> sv = pd.DataFrame({"customer_id": ["A", "B"], "survey_date": pd.to_datetime(["2023-12-01"] * 2)})
    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "A"], "order_id": ["o1", "o2", "o3"],
    ...                    "order_date": pd.to_datetime(["2023-01-10", "2023-11-01", "2023-12-20"])})
    >>> orders_before_survey(sv, tx)["frequency"].tolist()
    [2, 0]
    """
    func = "orders_before_survey"
    check_table(survey, func=func, name="survey")
    check_table(transactions, func=func, name="transactions")
    check_columns(survey, [customer, survey_date], func=func)
    check_columns(transactions, [customer, date, order], func=func)
    d = check_positive_int(days, func=func, param="days")
    tx = transactions
    if "is_return" in tx.columns:
        tx = tx[~tx["is_return"].astype(bool)]
    if "tender_result" in tx.columns:
        tx = tx[tx["tender_result"].astype(str) != "lost"]
    sv = survey[[customer, survey_date]].copy()
    sv[survey_date] = pd.to_datetime(sv[survey_date])
    m = sv.drop_duplicates(customer).merge(tx[[customer, date, order]], on=customer)
    when = pd.to_datetime(m[date])
    keep = (when <= m[survey_date]) & (when > m[survey_date] - pd.Timedelta(days=d))
    counts = m[keep].groupby(customer)[order].nunique()
    return survey.assign(frequency=survey[customer].map(counts).fillna(0).astype(int))
