"""Comparisons behind the question kinds: each returns ``(correct, message)``.

The message explains what is wrong in the learner's terms (what was given, what
was expected in kind, where the first difference is); it is empty when correct.
None of these functions raises on a learner's answer: odd input gives a message.
"""
from __future__ import annotations

import math
import numbers
import unicodedata
from typing import Any, Iterable, Mapping

import numpy as np
import pandas as pd

__all__ = [
    "describe",
    "normalize_text",
    "label_key",
    "SynonymMap",
    "COMMON_SYNONYMS",
    "compare_number",
    "compare_category",
    "compare_set",
    "compare_list",
    "compare_table",
    "compare_auto",
]

_MAX_SHOWN = 5


# --------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------
def describe(value: Any) -> str:
    """A short learner-friendly description of what a value is."""
    if value is None:
        return "None"
    if isinstance(value, pd.DataFrame):
        return f"a DataFrame with {value.shape[0]:,} rows and {value.shape[1]} columns"
    if isinstance(value, pd.Series):
        return f"a Series with {len(value):,} values"
    if isinstance(value, pd.Index):
        return f"an Index with {len(value):,} labels"
    if isinstance(value, np.ndarray):
        return f"a numpy array of shape {value.shape}"
    if isinstance(value, bool) or isinstance(value, np.bool_):
        return f"the truth value {bool(value)}"
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {text!r}"
    if isinstance(value, (list, tuple, set, frozenset, dict)):
        return f"a {type(value).__name__} of {len(value)} items"
    if callable(value):
        return f"a function ({getattr(value, '__name__', type(value).__name__)})"
    return f"a {type(value).__name__}"


def _fmt(value: Any) -> str:
    """Format a value for a message: numbers with thousands separators, text quoted."""
    if isinstance(value, (bool, np.bool_)):
        return str(bool(value))
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}"
    if isinstance(value, numbers.Real):
        v = float(value)
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return str(v)
        if v.is_integer() and abs(v) < 1e15:
            return f"{int(v):,}"
        if abs(v) >= 1000:
            return f"{v:,.2f}"
        return f"{v:.6g}"
    if isinstance(value, str):
        return repr(value)
    return repr(value)


def _fmt_items(items: Iterable[Any], limit: int = _MAX_SHOWN) -> str:
    items = list(items)
    shown = ", ".join(_fmt(v) for v in items[:limit])
    if len(items) > limit:
        shown += f" and {len(items) - limit} more"
    return shown


def _uncalled(answer: Any) -> str:
    """A message when the answer is a function or method instead of its result ('' otherwise)."""
    if callable(answer) and not isinstance(answer, type):
        name = getattr(answer, "__name__", "")
        call = f".{name}()" if name.isidentifier() else "f()"
        return (f"Your answer is a function ({name or 'unnamed'}), not its result. "
                f"Did you forget the brackets, e.g. {call}?")
    return ""


def _as_python_scalar(value: Any) -> Any:
    """numpy scalars become Python ones (so sets and messages behave)."""
    if isinstance(value, np.generic):
        return value.item()
    return value


_T2S = None


def _to_simplified(text: str) -> str:
    """Traditional Chinese characters to simplified ones (OpenCC's Python port, loaded on first use)."""
    global _T2S
    if not any("\u3400" <= ch <= "\u9fff" for ch in text):
        return text
    if _T2S is None:
        try:
            import opencc

            _T2S = opencc.OpenCC("t2s").convert
        except Exception:  # the package is optional here: without it traditional text stays as it is
            _T2S = lambda t: t  # noqa: E731
    return _T2S(text)


def normalize_text(value: Any) -> str:
    """Lower-case text without spaces, underscores or hyphens (full-width folded, traditional → simplified).

    >>> normalize_text("  Ink_Toner ")
    'inktoner'
    >>> normalize_text("Ａ类")
    'a类'
    >>> normalize_text("鉑金") == normalize_text("铂金")
    True
    """
    text = _to_simplified(unicodedata.normalize("NFKC", str(value)).casefold())
    return "".join(ch for ch in text if not ch.isspace() and ch not in "_-")


# Suffixes that name a class or tier without changing it: "A类" = "A", "gold tier" = "gold".
_SUFFIXES = ("类客户", "级客户", "类", "级", "型", "层级", "客户", "class", "tier", "customers", "customer", "type")

# Aliases that hold in every chapter (canonical label -> accepted spellings).
COMMON_SYNONYMS: dict[str, list[str]] = {
    # customer types by nature (chapter 2)
    "retail": ["零售", "零售客户", "retail customer", "consumer", "individual"],
    "business": ["商家", "商业客户", "business customer", "merchant"],
    "channel": ["渠道", "渠道经销商", "渠道客户", "distributor", "channel distributor"],
    "internal": ["内部", "内部客户", "internal customer"],
    # platinum / gold / iron / lead tiers (chapter 4)
    "platinum": ["铂金", "白金"],
    "gold": ["黄金", "金牌", "金"],
    "iron": ["钢铁", "铁"],
    "lead": ["重铅", "铅"],
    # relationship stages (chapter 9)
    "development": ["开发", "开发阶段", "客户开发阶段", "development stage"],
    "initial": ["初期", "初期合作", "初期合作阶段", "initial cooperation"],
    "stable": ["稳定", "稳定合作", "稳定合作阶段", "stable cooperation"],
    "strategic": ["战略", "战略合作", "战略合作阶段", "strategic cooperation"],
    # Kano categories (chapter 7)
    "M": ["must-be", "must be", "必备", "必备质量", "基本型", "basic"],
    "O": ["one-dimensional", "one dimensional", "performance", "一元", "一维", "期望型", "一元质量"],
    "A": ["attractive", "delighter", "魅力", "魅力质量", "兴奋型"],
    "I": ["indifferent", "无差异", "无差异质量"],
    "R": ["reverse", "反向", "反向质量"],
    # yes / no
    "yes": ["y", "true", "是", "对"],
    "no": ["n", "false", "否", "不是", "不对"],
}


class SynonymMap:
    """Maps any accepted spelling of a label to its canonical label.

    >>> m = SynonymMap({"A": ["A class"]})
    >>> m.canonical("a类"), m.canonical(" A CLASS "), m.canonical("attractive")
    ('A', 'A', 'A')
    >>> m.canonical("gift") is None
    True
    """

    def __init__(self, synonyms: Mapping[str, Iterable[str]] | None = None, *, common: bool = True):
        table: dict[str, list[str]] = {}
        if common:
            for label, aliases in COMMON_SYNONYMS.items():
                table.setdefault(label, []).extend(aliases)
        for label, aliases in (synonyms or {}).items():
            if isinstance(aliases, str):
                aliases = [aliases]
            table.setdefault(str(label), []).extend(str(a) for a in aliases)
        self._map: dict[str, str] = {}
        # the question's own synonyms win over the common ones, labels over aliases
        for label, aliases in table.items():
            for alias in aliases:
                self._map.setdefault(normalize_text(alias), label)
        for label in table:
            self._map[normalize_text(label)] = label
        for label, aliases in (synonyms or {}).items():
            for alias in ([aliases] if isinstance(aliases, str) else aliases):
                self._map[normalize_text(alias)] = str(label)
            self._map[normalize_text(label)] = str(label)

    @staticmethod
    def _forms(text: str) -> list[str]:
        norm = normalize_text(text)
        forms = [norm]
        for suffix in _SUFFIXES:
            if norm.endswith(suffix) and len(norm) > len(suffix):
                forms.append(norm[: -len(suffix)])
        return forms

    def canonical(self, value: Any) -> str | None:
        """The canonical label for ``value``, or None when it is no known spelling."""
        for form in self._forms(str(value)):
            if form in self._map:
                return self._map[form]
        return None

    def key(self, value: Any) -> str:
        """A comparison key: the canonical label if known, else the normalised text."""
        label = self.canonical(value)
        if label is not None:
            return normalize_text(label)
        return min(self._forms(str(value)), key=len)


_DEFAULT_MAP: "SynonymMap | None" = None


def _DEFAULT_SYNONYMS() -> SynonymMap:
    global _DEFAULT_MAP
    if _DEFAULT_MAP is None:
        _DEFAULT_MAP = SynonymMap()
    return _DEFAULT_MAP


def label_key(value: Any, synonyms: SynonymMap | None = None) -> str:
    """The one comparison key of a text label, used by every kind of answer.

    Case, spaces, ``_``/``-``, full-width forms, traditional characters and the English/Chinese
    synonyms (the common ones and the question's own) do not matter:

    >>> label_key("Platinum") == label_key(" platinum ") == label_key("铂金") == label_key("鉑金")
    True
    """
    return (synonyms if synonyms is not None else _DEFAULT_SYNONYMS()).key(value)


# --------------------------------------------------------------------------------------
# numbers
# --------------------------------------------------------------------------------------
def _to_number(answer: Any) -> tuple[float | None, str]:
    """Turn an answer into a float, or explain why it is not a number."""
    if answer is None:
        return None, ("Your answer is None. Did the cell assign the result to the variable, "
                      "or did a function print instead of return?")
    if _uncalled(answer):
        return None, _uncalled(answer)
    if isinstance(answer, (bool, np.bool_)):
        return None, f"Your answer is {bool(answer)} (a truth value); a number is expected."
    if isinstance(answer, str):
        try:
            float(answer.replace(",", "").replace("%", ""))
        except ValueError:
            return None, f"Your answer is {describe(answer)}; a number is expected."
        return None, (f"Your answer is {describe(answer)}, a number written as text. "
                      "Give the number itself, without quotes.")
    if isinstance(answer, np.ndarray) and answer.ndim == 0:
        return _to_number(answer.item())
    if isinstance(answer, (pd.Series, pd.Index, np.ndarray, list, tuple)):
        if len(answer) == 1:
            inner = answer.iloc[0] if isinstance(answer, pd.Series) else list(answer)[0] if not isinstance(
                answer, np.ndarray) else answer.ravel()[0]
            return _to_number(inner)
        return None, (f"Your answer is {describe(answer)}; a single number is expected. "
                      "Reduce it to one value, e.g. with .sum(), .mean() or len(...).")
    if isinstance(answer, pd.DataFrame):
        if answer.size == 1:
            return _to_number(answer.iloc[0, 0])
        return None, f"Your answer is {describe(answer)}; a single number is expected."
    if isinstance(answer, numbers.Number) or isinstance(answer, np.generic):
        try:
            value = float(answer)
        except (TypeError, ValueError):
            return None, f"Your answer is {describe(answer)}; a real number is expected."
        return value, ""
    if hasattr(answer, "__float__"):
        try:
            return float(answer), ""
        except Exception:
            pass
    return None, f"Your answer is {describe(answer)}; a number is expected."


def compare_number(answer: Any, expected: Any, *, tol: float = 1e-9, rtol: float = 1e-6,
                   percent_hint: bool | None = None) -> tuple[bool, str]:
    """Compare a number within ``tol`` (absolute) or ``rtol`` (relative to the expected value).

    >>> compare_number(0.8000001, 0.8)
    (True, '')
    >>> compare_number(80, 0.8)[1]
    'Your answer 80 looks like a percentage; give a share like 0.8 instead.'
    >>> compare_number("12", 12)[0]
    False
    """
    value, problem = _to_number(answer)
    if value is None:
        return False, problem
    exp = float(expected)
    if math.isnan(value):
        return False, ("Your answer is NaN (not a number). Look for missing values or a division "
                       "by zero in your calculation.")
    if math.isinf(value):
        return False, "Your answer is infinite. Look for a division by zero."
    if math.isclose(value, exp, rel_tol=rtol, abs_tol=tol):
        return True, ""
    allowed = max(tol, rtol * abs(exp))
    if percent_hint is None:
        percent_hint = 0 < exp < 1
    if percent_hint and abs(value) > 1 and abs(value / 100 - exp) <= max(allowed, 0.01 * abs(exp), 0.001):
        return False, (f"Your answer {_fmt(value)} looks like a percentage; "
                       f"give a share like {_fmt(round(value / 100, 4))} instead.")
    if exp != 0 and math.isclose(-value, exp, rel_tol=rtol, abs_tol=tol):
        return False, f"Your answer {_fmt(value)} has the wrong sign."
    direction = "higher" if value > exp else "lower"
    rel = abs(value - exp) / abs(exp) if exp != 0 else math.inf
    if rel <= 0.02:
        allowance = "it must be exact" if allowed == 0 else f"the allowed difference is {_fmt(allowed)}"
        return False, (f"Your answer {_fmt(value)} is close but slightly {direction} than expected "
                       f"({allowance}). Check rounding and which rows you included.")
    return False, f"Your answer {_fmt(value)} is {direction} than expected."


# --------------------------------------------------------------------------------------
# categories
# --------------------------------------------------------------------------------------
def _as_label(answer: Any) -> tuple[Any, str]:
    if answer is None:
        return None, "Your answer is None. Assign the label (a text such as 'A') to the variable."
    if _uncalled(answer):
        return None, _uncalled(answer)
    if isinstance(answer, np.ndarray) and answer.ndim == 0:
        return _as_label(answer.item())
    if isinstance(answer, (pd.Series, pd.Index, np.ndarray, list, tuple, set, frozenset)):
        items = list(answer.ravel()) if isinstance(answer, np.ndarray) else list(answer)
        if len(items) == 1:
            return _as_label(items[0])
        extra = ""
        if isinstance(answer, pd.Series):
            extra = " If it counts values per label, take the label of the largest with .idxmax()."
        return None, f"Your answer is {describe(answer)}; a single label is expected.{extra}"
    if isinstance(answer, pd.DataFrame):
        return None, f"Your answer is {describe(answer)}; a single label is expected."
    if isinstance(answer, (float, np.floating)) and math.isnan(float(answer)):
        return None, "Your answer is NaN (a missing value); a label is expected."
    return _as_python_scalar(answer), ""


def compare_category(answer: Any, expected: Any, *, synonyms: SynonymMap,
                     choices: Iterable[Any] | None = None) -> tuple[bool, str]:
    """Compare a label case-insensitively, accepting synonyms in English or Chinese.

    ``expected`` may be one label or a collection of labels that are all accepted.

    >>> m = SynonymMap()
    >>> compare_category("零售客户", "retail", synonyms=m)
    (True, '')
    >>> compare_category("business", "retail", synonyms=m, choices=["retail", "business"])[1]
    "'business' is not the right label for this case. Go back to the rule or definition and check it point by point."
    """
    label, problem = _as_label(answer)
    if problem:
        return False, problem
    accepted = [expected] if isinstance(expected, (str, numbers.Number)) else list(expected)
    keys = {synonyms.key(e) for e in accepted}
    if synonyms.key(label) in keys:
        return True, ""
    choice_list = list(choices) if choices is not None else []
    choice_keys = {synonyms.key(c) for c in choice_list}
    if choice_list and synonyms.key(label) in choice_keys:
        return False, (f"{_fmt(str(label))} is not the right label for this case. Go back to the rule or "
                       "definition and check it point by point.")
    if choice_list:
        return False, (f"{_fmt(str(label))} is not one of the options. "
                       f"Choose one of: {', '.join(str(c) for c in choice_list)}.")
    return False, f"{_fmt(str(label))} is not the right label."


# --------------------------------------------------------------------------------------
# sets and lists
# --------------------------------------------------------------------------------------
def _as_items(answer: Any, *, what: str) -> tuple[list | None, str]:
    if answer is None:
        return None, f"Your answer is None; {what} is expected."
    if _uncalled(answer):
        return None, _uncalled(answer)
    if isinstance(answer, str):
        return None, (f"Your answer is {describe(answer)}; {what} is expected, e.g. ['a', 'b'] "
                      "(a single text is not a collection).")
    if isinstance(answer, pd.DataFrame):
        return None, (f"Your answer is {describe(answer)}; {what} is expected. "
                      "Pick one column and take its values, e.g. df['col'].unique().")
    if isinstance(answer, dict):
        return list(answer.keys()), ""
    if isinstance(answer, np.ndarray):
        return [_as_python_scalar(v) for v in answer.ravel()], ""
    if isinstance(answer, (pd.Series, pd.Index, list, tuple, set, frozenset)) or (
            hasattr(answer, "__iter__") and not isinstance(answer, (bytes, numbers.Number))):
        try:
            return [_as_python_scalar(v) for v in answer], ""
        except Exception:
            pass
    return None, f"Your answer is {describe(answer)}; {what} is expected."


def _item_key(value: Any, synonyms: SynonymMap | None) -> Any:
    if isinstance(value, str):
        return ("s", label_key(value, synonyms))
    if isinstance(value, (bool, np.bool_)):
        return ("b", bool(value))
    if isinstance(value, numbers.Real):
        v = float(value)
        return ("n", int(v) if v.is_integer() else v)
    return ("o", value)


def compare_set(answer: Any, expected: Iterable[Any], *, synonyms: SynonymMap | None = None) -> tuple[bool, str]:
    """Compare two collections without regard to order or repeats; name missing and extra items.

    >>> compare_set(["Paper", "ink toner"], ["paper", "ink_toner", "software"])
    (False, 'You are missing 1 item.')
    """
    expected = list(expected)
    items, problem = _as_items(answer, what="a collection of items (list or set)")
    if items is None:
        return False, problem
    exp_keys = {_item_key(e, synonyms): e for e in expected}
    ans_keys = {}
    for a in items:
        ans_keys.setdefault(_item_key(a, synonyms), a)
    missing = [exp_keys[k] for k in exp_keys if k not in ans_keys]
    extra = [ans_keys[k] for k in ans_keys if k not in exp_keys]
    if not missing and not extra:
        return True, ""
    parts = []
    if (isinstance(answer, pd.Series) and missing
            and {_item_key(v, synonyms) for v in answer.index} == set(exp_keys)):
        return False, ("Your Series holds the right items in its index, not in its values: "
                       "use .index (e.g. list(counts.index)).")
    # The missing items are never named (that would give the answer away); the learner's own
    # extra items may be.
    if missing:
        parts.append(f"You are missing {len(missing)} item{'s' if len(missing) > 1 else ''}.")
    if extra:
        parts.append(f"{len(extra)} item{'s' if len(extra) > 1 else ''} should not be there: {_fmt_items(extra)}.")
    return False, " ".join(parts)


def compare_list(answer: Any, expected: Iterable[Any], *, synonyms: SynonymMap | None = None,
                 tol: float = 1e-9, rtol: float = 1e-6) -> tuple[bool, str]:
    """Compare two sequences item by item, in order.

    >>> print(compare_list(["b", "a"], ["a", "b"])[1])
    The right items, but not in the right order: position 1 should not be 'b'.
    """
    expected = list(expected)
    items, problem = _as_items(answer, what="a list of items in order")
    if items is None:
        return False, problem
    if isinstance(answer, (set, frozenset)):
        return False, "Your answer is a set, which has no order; give a list in the right order."

    def same(a: Any, e: Any) -> bool:
        if isinstance(e, numbers.Real) and not isinstance(e, bool) and isinstance(a, numbers.Real) \
                and not isinstance(a, bool):
            return math.isclose(float(a), float(e), rel_tol=rtol, abs_tol=tol)
        return _item_key(a, synonyms) == _item_key(e, synonyms)

    if len(items) == len(expected) and all(same(a, e) for a, e in zip(items, expected)):
        return True, ""
    ok_set, set_msg = compare_set(items, expected, synonyms=synonyms)
    if len(items) != len(expected) and not ok_set:
        return False, f"Expected {len(expected)} items, you gave {len(items)}. {set_msg}"
    if len(items) != len(expected):
        return False, f"Expected {len(expected)} items, you gave {len(items)} (some are repeated)."
    pos = next(i for i, (a, e) in enumerate(zip(items, expected)) if not same(a, e))
    if ok_set:
        return False, (f"The right items, but not in the right order: position {pos + 1} "
                       f"should not be {_fmt(items[pos])}.")
    return False, f"Position {pos + 1} is wrong ({_fmt(items[pos])}). {set_msg}"


# --------------------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------------------
def _row_name(index: pd.Index, label: Any) -> str:
    name = index.name if index.name is not None else None
    if name is None and isinstance(index, pd.MultiIndex) and any(n is not None for n in index.names):
        name = "/".join(str(n) for n in index.names)
    if name:
        return f"{name} {label}"
    return f"row {label!r}" if not isinstance(label, (int, np.integer)) else f"row {label}"


def _is_numeric(s: pd.Series) -> bool:
    return pd.api.types.is_numeric_dtype(s.dtype) or pd.api.types.is_bool_dtype(s.dtype)


def _compare_column(a: pd.Series, e: pd.Series, *, col_label: str, tol: float, rtol: float,
                    synonyms: "SynonymMap | None" = None) -> tuple[bool, str]:
    """Compare two aligned columns; name the first row that differs."""
    if _is_numeric(e):
        if not _is_numeric(a):
            converted = pd.to_numeric(a, errors="coerce")
            if converted.isna().sum() > e.isna().sum():
                what = "Your values are" if col_label == "Values" else f"{col_label} holds"
                return False, f"{what} of type {a.dtype}; numbers are expected."
            a = converted
        av = a.to_numpy(dtype=float, na_value=np.nan)
        ev = e.to_numpy(dtype=float, na_value=np.nan)
        ok = np.isclose(av, ev, rtol=rtol, atol=tol, equal_nan=True)
    elif pd.api.types.is_datetime64_any_dtype(e.dtype):
        conv = pd.to_datetime(a, errors="coerce")
        ok = ((conv == e) | (conv.isna() & e.isna())).to_numpy()
    else:
        ae = a.astype(object)
        ee = e.astype(object)
        both_na = (ae.isna() & ee.isna()).to_numpy()
        a_txt = ae.map(lambda v: label_key(v, synonyms) if isinstance(v, str) else v)
        e_txt = ee.map(lambda v: label_key(v, synonyms) if isinstance(v, str) else v)
        ok = (a_txt.to_numpy() == e_txt.to_numpy()) | both_na
    ok = np.asarray(ok, dtype=bool)
    if ok.all():
        return True, ""
    pos = int(np.flatnonzero(~ok)[0])
    n_bad = int((~ok).sum())
    more = f" ({n_bad - 1:,} more rows differ)" if n_bad > 1 else ""
    verb = "differ" if col_label == "Values" else "differs"
    got, exp = _as_python_scalar(a.iloc[pos]), _as_python_scalar(e.iloc[pos])
    how = ""
    if isinstance(got, numbers.Real) and isinstance(exp, numbers.Real) and not isinstance(got, bool):
        if not (math.isnan(float(got)) or math.isnan(float(exp))):
            how = " (too high)" if float(got) > float(exp) else " (too low)"
    # the expected value is not shown: that would give the answer away
    return False, (f"{col_label} {verb} for {_row_name(e.index, e.index[pos])}: yours is {_fmt(got)}{how}"
                   f"{more}.")


def _label_index(index: pd.Index, synonyms: "SynonymMap | None") -> pd.Index:
    """Text index labels replaced by their label key (so 'Platinum ' and '铂金' match 'platinum')."""
    if isinstance(index, pd.MultiIndex) or not any(isinstance(v, str) for v in index[:1000]):
        return index
    return pd.Index([label_key(v, synonyms) if isinstance(v, str) else v for v in index], name=index.name)


def _as_expected_kind(answer: Any, expected: pd.DataFrame | pd.Series) -> tuple[Any, str]:
    """Table step: the answer turned into the expected kind (Series or DataFrame), or why it cannot be."""
    is_series = isinstance(expected, pd.Series)
    kind = "a Series" if is_series else "a DataFrame"
    index_desc = _index_desc(expected)
    if answer is None:
        return None, f"Your answer is None; {kind} with {len(expected):,} rows is expected."
    if _uncalled(answer):
        return None, _uncalled(answer)
    if isinstance(answer, pd.Index):
        answer = answer.to_series()
    if (expected.index.name is not None and isinstance(answer, pd.DataFrame)
            and expected.index.name in answer.columns and answer.index.name != expected.index.name):
        return None, (f"Your table has {expected.index.name!r} as a column; the expected table is indexed by it. "
                      f"Use .set_index({expected.index.name!r}).")
    if is_series:
        if isinstance(answer, pd.DataFrame):
            if answer.shape[1] == 1:
                return answer.iloc[:, 0], ""
            if expected.name is not None and expected.name in answer.columns:
                return answer[expected.name], ""
            return None, (f"Your answer is {describe(answer)}; a Series (one column) {index_desc} is expected. "
                          "Pick the column you need, e.g. df['col'].")
        if isinstance(answer, dict):
            return pd.Series(answer), ""
        if not isinstance(answer, pd.Series):
            return None, (f"Your answer is {describe(answer)}; a pandas Series with {len(expected):,} values "
                          f"{index_desc} is expected.")
        return answer, ""
    if isinstance(answer, pd.Series):
        if expected.shape[1] == 1:
            return answer.to_frame(expected.columns[0]), ""
        return None, (f"Your answer is {describe(answer)}; a DataFrame with columns "
                      f"{list(expected.columns)} is expected.")
    if not isinstance(answer, pd.DataFrame):
        return None, (f"Your answer is {describe(answer)}; a pandas DataFrame with {len(expected):,} rows and "
                      f"columns {list(expected.columns)} is expected.")
    return answer, ""


def _index_desc(expected: pd.DataFrame | pd.Series) -> str:
    return f"indexed by {expected.index.name!r}" if expected.index.name else "with a plain index"


def _align_rows(answer, expected, *, synonyms: "SynonymMap", check_row_order: bool):
    """Table step: the answer's rows in the expected order (text labels compared like categories).

    Returns ``(answer, expected, message)``; the message is empty when the rows match.
    """
    exp_keys = _label_index(expected.index, synonyms)
    if exp_keys is not expected.index and exp_keys.is_unique:
        shown = dict(zip(exp_keys, expected.index))
        ans_keys = _label_index(answer.index, synonyms)
        expected = expected.set_axis(pd.Index(list(shown.values()), name=expected.index.name), axis=0)
        answer = answer.set_axis(pd.Index([shown.get(k, orig) for k, orig in zip(ans_keys, answer.index)],
                                          name=answer.index.name), axis=0)
    idx_name = expected.index.name
    if not answer.index.is_unique:
        dup = answer.index[answer.index.duplicated()][0]
        return answer, expected, (f"Your table has repeated index labels (first: {dup!r}); one row per "
                                  f"{idx_name or 'label'} is expected. Did you forget a groupby?")
    missing = expected.index.difference(answer.index, sort=False)
    extra = answer.index.difference(expected.index, sort=False)
    if len(missing) or len(extra):
        parts = [f"Expected {len(expected):,} rows {_index_desc(expected)}, your table has {len(answer):,}."]
        if (isinstance(answer.index, pd.RangeIndex) and not isinstance(expected.index, pd.RangeIndex)
                and len(missing) == len(expected)):
            parts.append(f"Your table has a plain 0, 1, 2, ... index; expected labels like "
                         f"{_fmt_items(expected.index[:3], 3)}.")
        else:
            if len(missing):
                parts.append(f"Missing: {_fmt_items(missing)}.")
            if len(extra):
                parts.append(f"Not expected: {_fmt_items(extra)}.")
        return answer, expected, " ".join(parts)
    if check_row_order and not answer.index.equals(expected.index):
        pos = int(np.flatnonzero(answer.index.to_numpy() != expected.index.to_numpy())[0])
        return answer, expected, (f"The right rows, but not in the expected order: position {pos + 1} holds "
                                  f"{_row_name(answer.index, answer.index[pos])}. "
                                  "Sort the table (e.g. .sort_values(...)).")
    return answer.loc[expected.index], expected, ""


def compare_table(answer: Any, expected: pd.DataFrame | pd.Series, *, tol: float = 1e-9, rtol: float = 1e-6,
                  check_row_order: bool = False, check_column_order: bool = False,
                  allow_extra_columns: bool = True, synonyms: "SynonymMap | None" = None) -> tuple[bool, str]:
    """Compare a DataFrame or Series: kind, shape, index labels, columns, then values.

    >>> e = pd.Series([1.0, 2.0], index=pd.Index(["C1", "C2"], name="customer_id"), name="x")
    >>> compare_table(pd.Series([1.0, 2.5], index=e.index), e)
    (False, 'Values differ for customer_id C2: yours is 2.5 (too high).')
    """
    answer, msg = _as_expected_kind(answer, expected)
    if msg:
        return False, msg
    if synonyms is None:
        synonyms = _DEFAULT_SYNONYMS()
    answer, expected, msg = _align_rows(answer, expected, synonyms=synonyms, check_row_order=check_row_order)
    if msg:
        return False, msg

    # --- columns ------------------------------------------------------------------------
    if isinstance(expected, pd.Series):
        return _compare_column(answer, expected, col_label="Values", tol=tol, rtol=rtol, synonyms=synonyms)
    missing_cols = [c for c in expected.columns if c not in answer.columns]
    if missing_cols:
        return False, (f"Missing column{'s' if len(missing_cols) > 1 else ''}: {_fmt_items(missing_cols)}. "
                       f"Your columns: {list(answer.columns)}.")
    extra_cols = [c for c in answer.columns if c not in expected.columns]
    if extra_cols and not allow_extra_columns:
        return False, f"Column{'s' if len(extra_cols) > 1 else ''} not expected: {_fmt_items(extra_cols)}."
    if check_column_order and [c for c in answer.columns if c in expected.columns] != list(expected.columns):
        return False, f"The columns are not in the expected order: {list(expected.columns)}."
    for col in expected.columns:
        ok, msg = _compare_column(answer[col], expected[col], col_label=f"Column {col!r}", tol=tol, rtol=rtol,
                                  synonyms=synonyms)
        if not ok:
            return False, msg
    return True, ""


def compare_auto(answer: Any, expected: Any, *, tol: float = 1e-9, rtol: float = 1e-6,
                 synonyms: SynonymMap | None = None, **table_options: Any) -> tuple[bool, str]:
    """Pick the comparison from the kind of the expected value (used for function questions)."""
    if isinstance(expected, (pd.DataFrame, pd.Series)):
        return compare_table(answer, expected, tol=tol, rtol=rtol, synonyms=synonyms, **table_options)
    if isinstance(expected, (bool, np.bool_)):
        if isinstance(answer, (bool, np.bool_)):
            return (bool(answer) == bool(expected)), ("" if bool(answer) == bool(expected)
                                                      else f"Your function returned {bool(answer)}.")
        return False, f"Your function returned {describe(answer)}; True or False is expected."
    if isinstance(expected, (numbers.Number, np.number)):
        return compare_number(answer, expected, tol=tol, rtol=rtol)
    if isinstance(expected, str):
        return compare_category(answer, expected, synonyms=synonyms or SynonymMap())
    if isinstance(expected, (set, frozenset)):
        return compare_set(answer, expected, synonyms=synonyms)
    if isinstance(expected, (list, tuple, np.ndarray)):
        return compare_list(answer, list(expected), synonyms=synonyms, tol=tol, rtol=rtol)
    try:
        ok = bool(answer == expected)
    except Exception:
        ok = False
    return ok, ("" if ok else f"Your function returned {describe(answer)}, not the expected result.")
