"""The one-to-one (I.D.I.C) process: Identify, Differentiate, Interact, Customize (一对一营销).

This module covers the Identify step (识别): finding duplicate customer records,
merging them into golden records, and measuring data quality.

Why rapidfuzz: it is a small, well-kept C++ string-similarity library with a
vectorised pairwise scorer (``process.cpdist``), so scoring millions of
candidate pairs stays fast without pulling in a whole record-linkage framework
(and without the pandas downgrade some of those need).

Method (stated so learners can check it):

1. Normalise: names to NFKC (full-width to half-width), spaces removed, text in
   brackets removed, legal-form suffixes (股份有限公司, 有限责任公司, 有限公司, 公司,
   Co., Ltd.) removed; phones to digits without the +86 / 86 country code and
   without the leading trunk 0; e-mails lower case and stripped.
2. Block: only records that share a normalised phone, a normalised e-mail or a
   name key (the normalised name, or the name without a two-character city
   prefix) become candidate pairs.
3. Score: the mean of the field scores available on both records (name
   similarity 0-1 from rapidfuzz, phone equal 0/1, e-mail equal 0/1); when the
   name is the only field both records have, the score is halved unless the
   names agree at 0.9 or more (a name alone is weak evidence). A pair is a
   duplicate when the score reaches ``threshold``.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

import numpy as np
import pandas as pd

from ._validation import CRMDataError, check_columns, check_table

__all__ = [
    "normalise_name",
    "normalise_phone",
    "find_duplicates",
    "merge_duplicates",
    "pair_quality",
    "data_quality",
    "stale_records",
    "DEFAULT_THRESHOLD",
    "profile_questions",
    "cross_sell_targets",
    "resource_shift",
    "differentiate",
    "first_contact_resolution",
    "contacts_per_company",
    "mystery_shopper_score",
    "contact_level_match",
    "next_best_offer",
    "contact_preferences",
    "idic_run",
]

DEFAULT_THRESHOLD = 0.6
NAME_ONLY_MIN = 0.9

_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "公司", "co.,ltd.", "co.,ltd", "co.ltd", "ltd.", "ltd")
_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
_NON_DIGIT = re.compile(r"\D")
_PHONE_OK = re.compile(r"^(1\d{10}|[2-9]\d{8,10})$")
_EMAIL_OK = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")


def _text(s: pd.Series) -> pd.Series:
    return s.astype("string")


def normalise_name(names: pd.Series) -> pd.Series:
    """Normalised names: full-width to half-width, lower case, no spaces, no brackets, no legal suffix.

    >>> normalise_name(pd.Series(["荣凯汽车零部件股份有限公司（福州）", "广州 达泰 Co., Ltd."])).tolist()
    ['荣凯汽车零部件', '广州达泰']
    """
    s = _text(names).map(lambda x: unicodedata.normalize("NFKC", x) if isinstance(x, str) else x, na_action="ignore")
    s = s.astype("string").str.lower().str.replace(_BRACKETS, "", regex=True).str.replace(r"\s+", "", regex=True)
    for suf in _SUFFIXES:
        s = s.str.removesuffix(suf)
    return s.mask(s == "")


def normalise_phone(phones: pd.Series) -> pd.Series:
    """Phone numbers as digits without +86 and without the leading trunk 0.

    >>> normalise_phone(pd.Series(["+86-20-76599378", "020-76599378", "+86 136 2476 6061", None])).tolist()
    ['2076599378', '2076599378', '13624766061', <NA>]
    """
    s = _text(phones).str.replace(_NON_DIGIT, "", regex=True)
    s = s.mask(s.str.startswith("86") & (s.str.len() >= 12), s.str.slice(2))
    s = s.str.lstrip("0")
    return s.mask(s == "")


def _normalise_email(emails: pd.Series) -> pd.Series:
    s = _text(emails).str.strip().str.lower()
    return s.mask(s == "")


def _check_records(records: Any, cols: dict[str, str], *, func: str) -> pd.DataFrame:
    records = check_table(records, func=func, name="records")
    for param, col in cols.items():
        if not isinstance(col, str):
            raise TypeError(f"{func}: {param} must be a column name (str), got {type(col).__name__}. Pass e.g. {param}={param!r}.")
        check_columns(records, [col], func=func, param=param)
    return records


def _block_pairs(keys: list[np.ndarray], max_block: int) -> np.ndarray:
    """Candidate pairs (positions i < j) of rows sharing any key; blocks larger than max_block are skipped."""
    out = []
    for key in keys:
        k = pd.Series(key)
        ok = k.notna().to_numpy()
        pos = np.flatnonzero(ok)
        if pos.size == 0:
            continue
        codes, _ = pd.factorize(k.iloc[pos].to_numpy())
        sizes = np.bincount(codes)
        keep = sizes[codes] <= max_block
        keep &= sizes[codes] >= 2
        pos, codes = pos[keep], codes[keep]
        order = np.argsort(codes, kind="stable")
        pos, codes = pos[order], codes[order]
        df = pd.DataFrame({"c": codes, "p": pos})
        m = df.merge(df, on="c", suffixes=("_a", "_b"))
        m = m[m["p_a"] < m["p_b"]]
        out.append(m[["p_a", "p_b"]].to_numpy())
    if not out:
        return np.empty((0, 2), dtype=np.int64)
    allp = np.concatenate(out).astype(np.int64)
    return np.unique(allp, axis=0)


def find_duplicates(records: pd.DataFrame, *, name: str = "name", phone: str = "phone", email: str = "email",
                    city: str = "city", threshold: float = DEFAULT_THRESHOLD, id_col: str = "record_id",
                    max_block: int = 50) -> pd.DataFrame:
    """Pairs of records that are probably the same customer (one row per pair).

    Returns columns ``record_a``, ``record_b`` (values of ``id_col``, or the index
    when ``id_col`` is missing), ``name_score`` (0-1), ``phone_match``,
    ``email_match``, ``city_match`` (bool; False when missing), ``score`` (the
    mean of the name, phone and e-mail scores available on both records),
    ``agreed`` (the fields that agreed) and ``is_duplicate`` (score >= threshold).
    Only pairs with ``is_duplicate`` are returned unless ``threshold=0``.

    >>> recs = pd.DataFrame({"record_id": ["R1", "R2", "R3"],
    ...     "name": ["北京天光有限公司", "天光（北京）", "上海海瑞商行"],
    ...     "phone": ["010-73357084", "+86 10 7335 7084", "021-11112222"], "email": [None, None, "a@b.cn"],
    ...     "city": ["Beijing", "Beijing", "Shanghai"]})
    >>> find_duplicates(recs)[["record_a", "record_b", "agreed"]].to_dict("records")
    [{'record_a': 'R1', 'record_b': 'R2', 'agreed': 'name,phone,city'}]
    """
    func = "find_duplicates"
    records = _check_records(records, {"name": name, "phone": phone, "email": email, "city": city}, func=func)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0 <= threshold <= 1:
        raise CRMDataError(f"{func}: threshold must be a number from 0 to 1, got {threshold!r}. Pass e.g. threshold=0.6.")
    from rapidfuzz import fuzz, process

    nm = normalise_name(records[name])
    ph = normalise_phone(records[phone])
    em = _normalise_email(records[email])
    ct = _text(records[city]).str.strip().str.lower()
    nm_arr = nm.to_numpy(dtype=object, na_value=None)
    strip_city = nm.str.slice(2).mask(nm.str.len() < 6)
    ids = records[id_col].to_numpy() if id_col in records.columns else records.index.to_numpy()
    pairs = _block_pairs([ph.to_numpy(dtype=object, na_value=None), em.to_numpy(dtype=object, na_value=None),
                          nm_arr, strip_city.to_numpy(dtype=object, na_value=None)], max_block)
    a, b = pairs[:, 0], pairs[:, 1]
    na, nb = nm_arr[a], nm_arr[b]
    have_name = np.array([x is not None for x in na], dtype=bool) & np.array([x is not None for x in nb], dtype=bool)
    name_score = np.zeros(len(a))
    if have_name.any():
        sa = [str(x) for x in na[have_name]]
        sb = [str(x) for x in nb[have_name]]
        # partial ratio tolerates a city prefix on one of the two names
        r1 = process.cpdist(sa, sb, scorer=fuzz.ratio, workers=1)
        r2 = process.cpdist(sa, sb, scorer=fuzz.partial_ratio, workers=1)
        name_score[have_name] = np.maximum(r1, 0.95 * r2) / 100.0

    def _eq(s: pd.Series):
        v = s.to_numpy(dtype=object, na_value=None)
        va, vb = v[a], v[b]
        have = np.array([x is not None and y is not None for x, y in zip(va, vb)], dtype=bool)
        eq = have & (va == vb)
        return have, eq.astype(bool)

    have_ph, eq_ph = _eq(ph)
    have_em, eq_em = _eq(em)
    have_ct, eq_ct = _eq(ct)
    total = name_score * have_name + eq_ph * 1.0 + eq_em * 1.0
    n_fields = have_name.astype(int) + have_ph + have_em
    score = np.where(n_fields > 0, total / np.maximum(n_fields, 1), 0.0)
    # a name alone is weak evidence: halve it unless the names agree at NAME_ONLY_MIN or more
    name_only = have_name & ~have_ph & ~have_em
    score = np.where(name_only & (name_score < NAME_ONLY_MIN), score / 2, score)
    agreed_parts = [(have_name & (name_score >= 0.85), "name"), (eq_ph, "phone"), (eq_em, "email"), (eq_ct, "city")]
    agreed = np.full(len(a), "", dtype=object)
    for mask, label in agreed_parts:
        agreed = np.where(mask, np.where(agreed == "", label, agreed + "," + label), agreed)
    out = pd.DataFrame({
        "record_a": ids[a], "record_b": ids[b], "name_score": name_score.round(4),
        "phone_match": eq_ph, "email_match": eq_em, "city_match": eq_ct,
        "score": score.round(4), "agreed": agreed.astype(str),
    })
    out["is_duplicate"] = out["score"] >= threshold
    if threshold > 0:
        out = out[out["is_duplicate"]]
    return out.sort_values(["record_a", "record_b"]).reset_index(drop=True)


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    g = coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
    _, labels = connected_components(g, directed=False)
    return labels


_RULES = ("newest", "most_complete")


def merge_duplicates(records: pd.DataFrame, pairs: pd.DataFrame, *, rules: str = "newest",
                     id_col: str = "record_id", updated: str = "last_updated") -> pd.DataFrame:
    """Golden records: one row per group of records linked by ``pairs`` (transitively).

    Survivorship rules (``rules=``):

    - ``"newest"``: each field takes the newest non-missing value (by ``updated``).
    - ``"most_complete"``: the record with the most non-missing fields survives as a
      whole; ties go to the newest record.

    Every input record appears in exactly one golden record: ``record_ids`` lists
    them (comma-separated, in input order), ``n_records`` counts them and
    ``golden_id`` is the first of them.
    """
    func = "merge_duplicates"
    records = check_table(records, func=func, name="records")
    check_columns(records, [id_col, updated], func=func, param="id_col" if id_col not in records.columns else "updated")
    if not isinstance(pairs, pd.DataFrame):
        raise TypeError(f"{func}: pairs must be a DataFrame from find_duplicates, got {type(pairs).__name__}.")
    check_columns(pairs, ["record_a", "record_b"], func=func, param="pairs")
    if rules not in _RULES:
        raise CRMDataError(f"{func}: rules must be one of {list(_RULES)}, got {rules!r}.")
    ids = records[id_col]
    if ids.isna().any() or ids.duplicated().any():
        raise CRMDataError(f"{func}: column {id_col!r} must be a unique record id without gaps; "
                           f"found {int(ids.duplicated().sum())} repeated and {int(ids.isna().sum())} missing ids.")
    pos = pd.Series(np.arange(len(records)), index=pd.Index(ids.to_numpy()))
    unknown = ~pairs["record_a"].isin(pos.index) | ~pairs["record_b"].isin(pos.index)
    if unknown.any():
        bad = pairs.loc[unknown, ["record_a", "record_b"]].iloc[0].tolist()
        raise CRMDataError(f"{func}: {int(unknown.sum())} pairs name records not in records (first: {bad}). "
                           f"Pass the same records you gave to find_duplicates.")
    a = pos.loc[pairs["record_a"].to_numpy()].to_numpy()
    b = pos.loc[pairs["record_b"].to_numpy()].to_numpy()
    group = _components(len(records), a, b)
    df = records.reset_index(drop=True).copy()
    df["_g"] = group
    df["_pos"] = np.arange(len(df))
    fields = [c for c in records.columns if c != id_col]
    if rules == "newest":
        srt = df.sort_values([updated, "_pos"], ascending=[False, True], kind="stable")
        golden = srt.groupby("_g", sort=True)[fields].first()  # first non-missing = newest non-missing
    else:
        df["_filled"] = df[fields].notna().sum(axis=1)
        srt = df.sort_values(["_filled", updated, "_pos"], ascending=[False, False, True], kind="stable")
        golden = srt.drop_duplicates("_g").set_index("_g").sort_index()[fields]
    order = np.lexsort((df["_pos"].to_numpy(), group))       # by group, then input order
    sid = df[id_col].astype(str).to_numpy(dtype=object)[order]
    sizes = np.bincount(group)
    starts = np.r_[0, np.cumsum(sizes)[:-1]]
    golden.insert(0, "golden_id", df[id_col].to_numpy()[order][starts])
    golden["record_ids"] = [",".join(sid[a:a + k]) for a, k in zip(starts, sizes)]
    golden["n_records"] = sizes
    golden = golden.sort_values("golden_id").reset_index(drop=True)
    return golden


def pair_quality(golden: pd.DataFrame, records: pd.DataFrame, *, truth: str = "customer_id_true",
                 id_col: str = "record_id") -> pd.Series:
    """Precision and recall on record pairs: predicted pairs (same golden record) vs true pairs (same ``truth``).

    Returns a Series with ``true_pairs``, ``predicted_pairs``, ``correct_pairs``, ``precision``, ``recall``.
    """
    func = "pair_quality"
    check_columns(golden, ["record_ids"], func=func, param="golden")
    check_columns(records, [truth, id_col], func=func, param="truth")
    exploded = golden[["record_ids"]].assign(_g=np.arange(len(golden)))
    exploded = exploded.assign(rid=exploded["record_ids"].str.split(",")).explode("rid")
    t = records.set_index(records[id_col].astype(str))[truth]
    exploded["t"] = t.reindex(exploded["rid"].to_numpy()).to_numpy()

    def npairs(sizes):
        sizes = np.asarray(sizes, dtype=np.int64)
        return int((sizes * (sizes - 1) // 2).sum())

    predicted = npairs(exploded.groupby("_g").size())
    true = npairs(records.groupby(truth).size())
    correct = npairs(exploded.groupby(["_g", "t"]).size())
    return pd.Series({
        "true_pairs": true, "predicted_pairs": predicted, "correct_pairs": correct,
        "precision": correct / predicted if predicted else 1.0,
        "recall": correct / true if true else 1.0,
    })


def _as_of(as_of: Any, func: str) -> pd.Timestamp:
    try:
        ts = pd.Timestamp(as_of)
    except (TypeError, ValueError):
        raise CRMDataError(f"{func}: as_of must be a date, got {as_of!r}. Pass e.g. as_of='2024-12-31'.") from None
    if pd.isna(ts):
        raise CRMDataError(f"{func}: as_of must be a date, got {as_of!r}. Pass e.g. as_of='2024-12-31'.")
    return ts


def stale_records(records: pd.DataFrame, *, as_of: Any, max_age_days: int = 365,
                  updated: str = "last_updated") -> pd.DataFrame:
    """Records not updated for more than ``max_age_days`` before ``as_of``, with ``age_days`` appended."""
    func = "stale_records"
    records = check_table(records, func=func, name="records")
    check_columns(records, [updated], func=func, param="updated")
    ts = _as_of(as_of, func)
    if isinstance(max_age_days, bool) or not isinstance(max_age_days, (int, np.integer)) or max_age_days < 0:
        raise CRMDataError(f"{func}: max_age_days must be a whole number >= 0, got {max_age_days!r}.")
    d = pd.to_datetime(records[updated], errors="coerce")
    age = (ts - d).dt.days
    out = records.copy()
    out["age_days"] = age
    return out[age > max_age_days]


def data_quality(records: pd.DataFrame, *, as_of: Any, max_age_days: int = 365, phone: str = "phone",
                 email: str = "email", name: str = "name", updated: str = "last_updated") -> pd.DataFrame:
    """Completeness, validity, uniqueness and freshness per column, and an ``overall`` row.

    - completeness: share of non-missing values;
    - validity: share of non-missing values in a valid format (phone: 11-digit mobile
      or area code + number after normalising; e-mail: ``x@y.z``); NaN for other columns;
    - uniqueness: distinct normalised values / non-missing values (phone, e-mail, name), NaN otherwise;
    - freshness: share of records updated within ``max_age_days`` before ``as_of`` (same for every column).
    """
    func = "data_quality"
    records = _check_records(records, {"phone": phone, "email": email, "name": name, "updated": updated}, func=func)
    ts = _as_of(as_of, func)
    fresh = float(((ts - pd.to_datetime(records[updated], errors="coerce")).dt.days <= max_age_days).mean())
    rows = []
    for col in records.columns:
        s = records[col]
        nn = s.notna()
        comp = float(nn.mean()) if len(s) else np.nan
        valid = uniq = np.nan
        if col == phone:
            p = normalise_phone(s)[nn]
            valid = float(p.str.fullmatch(_PHONE_OK).mean()) if nn.any() else np.nan
            uniq = p.nunique() / max(nn.sum(), 1)
        elif col == email:
            e = _normalise_email(s)[nn]
            valid = float(e.str.fullmatch(_EMAIL_OK).mean()) if nn.any() else np.nan
            uniq = e.nunique() / max(nn.sum(), 1)
        elif col == name:
            uniq = normalise_name(s)[nn].nunique() / max(nn.sum(), 1)
        rows.append({"column": col, "completeness": comp, "validity": valid, "uniqueness": uniq, "freshness": fresh})
    out = pd.DataFrame(rows).set_index("column")
    out.loc["overall"] = out.mean(numeric_only=True)
    return out.round(4)


# --------------------------------------------------------------------------------------------
# Identify: the gradual approach to completing a profile (渐入法)

def profile_questions(records: pd.DataFrame, *, questions_per_contact: int = 2,
                      fields: list[str] | None = None, id_col: str = "record_id") -> pd.DataFrame:
    """With 1-2 questions per contact, how many contacts each record needs before its profile is complete.

    ``fields`` are the profile fields to fill (default: every column except ``id_col``).
    Returns the records' ids with ``missing_fields`` (count), ``contacts_needed``
    (ceil(missing / questions_per_contact)) and ``ask_next`` (the first missing fields,
    ``questions_per_contact`` of them, comma-separated, in the order of ``fields``).

    >>> r = pd.DataFrame({"record_id": ["R1"], "phone": [None], "email": [None], "city": [None]})
    >>> profile_questions(r)[["missing_fields", "contacts_needed", "ask_next"]].values.tolist()
    [[3, 2, 'phone,email']]
    """
    func = "profile_questions"
    records = check_table(records, func=func, name="records")
    if isinstance(questions_per_contact, bool) or not isinstance(questions_per_contact, (int, np.integer)) \
            or questions_per_contact < 1:
        raise CRMDataError(f"{func}: questions_per_contact must be a whole number >= 1, got {questions_per_contact!r}. "
                           "The gradual approach asks 1-2 questions per contact.")
    fields = [c for c in records.columns if c != id_col] if fields is None else list(fields)
    check_columns(records, fields, func=func, param="fields")
    miss = records[fields].isna()
    n = miss.sum(axis=1).astype(int)
    names = np.array(fields, dtype=object)
    m = miss.to_numpy()
    ask = [",".join(names[row][:questions_per_contact]) for row in m]
    out = records[[id_col]].copy() if id_col in records.columns else pd.DataFrame(index=records.index)
    out["missing_fields"] = n
    out["contacts_needed"] = -(-n // questions_per_contact)
    out["ask_next"] = ask
    return out


# --------------------------------------------------------------------------------------------
# Differentiate (差异分析)

def cross_sell_targets(transactions: pd.DataFrame, *, max_lines: int = 2, customer: str = "customer_id",
                       product: str = "product_line") -> pd.DataFrame:
    """Customers who buy only ``max_lines`` or fewer of our product lines (cross-selling targets).

    Returns one row per such customer (index = customer) with ``n_lines`` and ``lines`` (sorted, comma-separated).

    >>> tx = pd.DataFrame({"customer_id": ["A", "A", "A", "B"], "product_line": ["paper", "ink", "desk", "paper"]})
    >>> cross_sell_targets(tx).to_dict("index")
    {'B': {'n_lines': 1, 'lines': 'paper'}}
    """
    func = "cross_sell_targets"
    tx = check_table(transactions, func=func, name="transactions")
    check_columns(tx, [customer], func=func, param="customer")
    check_columns(tx, [product], func=func, param="product")
    if isinstance(max_lines, bool) or not isinstance(max_lines, (int, np.integer)) or max_lines < 1:
        raise CRMDataError(f"{func}: max_lines must be a whole number >= 1, got {max_lines!r}.")
    u = tx[[customer, product]].dropna().drop_duplicates()
    u = u.assign(**{product: u[product].astype(str)}).sort_values([customer, product])
    g = u.groupby(customer, sort=True)[product]
    out = pd.DataFrame({"n_lines": g.size(), "lines": g.agg(",".join)})
    return out[out["n_lines"] <= max_lines]


def resource_shift(classes: pd.DataFrame, *, grade: str = "grade", effort: str = "cost_to_serve_cny",
                   shift: float = 0.2, source: str = "C", target: str = "A") -> pd.DataFrame:
    """Effort per class before and after moving a share ``shift`` of class ``source``'s effort to ``target``.

    Returns one row per class with ``customers``, ``effort_before``, ``effort_after``,
    ``per_customer_before``, ``per_customer_after``; total effort stays the same.

    >>> d = pd.DataFrame({"grade": ["A", "B", "C", "C"], "cost_to_serve_cny": [10.0, 10.0, 10.0, 10.0]})
    >>> resource_shift(d)["effort_after"].tolist()
    [14.0, 10.0, 16.0]
    """
    func = "resource_shift"
    classes = check_table(classes, func=func, name="classes")
    check_columns(classes, [grade], func=func, param="grade")
    check_columns(classes, [effort], func=func, param="effort")
    if not pd.api.types.is_numeric_dtype(classes[effort]):
        raise TypeError(f"{func}: column {effort!r} must be numeric, found {classes[effort].dtype}.")
    if not 0 <= shift <= 1:
        raise CRMDataError(f"{func}: shift must be a share from 0 to 1, got {shift!r}.")
    g = classes.groupby(classes[grade].astype(str), sort=True)[effort]
    out = pd.DataFrame({"customers": g.size(), "effort_before": g.sum()})
    for lab in (source, target):
        if lab not in out.index:
            raise CRMDataError(f"{func}: class {lab!r} not found in column {grade!r}; found {list(out.index)}.")
    moved = out.loc[source, "effort_before"] * shift
    out["effort_after"] = out["effort_before"]
    out.loc[source, "effort_after"] -= moved
    out.loc[target, "effort_after"] += moved
    out["per_customer_before"] = out["effort_before"] / out["customers"]
    out["per_customer_after"] = out["effort_after"] / out["customers"]
    out.index.name = grade
    return out


# --------------------------------------------------------------------------------------------
# Interact (互动)

def first_contact_resolution(contacts: pd.DataFrame, *, freq: str = "D", date: str = "contact_datetime",
                             kind: str = "contact_type", resolved: str = "resolved_first_time") -> pd.DataFrame:
    """The 一次即圆满 rate over time: complaints per period and the share solved at the first contact.

    Only rows with ``kind == "complaint"`` count. Returns one row per period with
    ``complaints``, ``resolved_first`` and ``fcr_rate`` (NaN where a period has no
    complaint with a known outcome).
    """
    func = "first_contact_resolution"
    c = check_table(contacts, func=func, name="contacts")
    for p, col in (("date", date), ("kind", kind), ("resolved", resolved)):
        check_columns(c, [col], func=func, param=p)
    comp = c[c[kind].astype(str) == "complaint"]
    if comp.empty:
        raise CRMDataError(f"{func}: no row has {kind}='complaint'. Pass the contact log with complaints.")
    d = pd.to_datetime(comp[date], errors="coerce")
    try:
        per = d.dt.to_period(freq)
    except (ValueError, TypeError):
        raise CRMDataError(f"{func}: freq must be a pandas period alias such as 'D', 'W' or 'M', got {freq!r}.") from None
    r = comp[resolved].astype("boolean")
    df = pd.DataFrame({"p": per.to_numpy(), "known": r.notna().to_numpy(), "yes": r.fillna(False).to_numpy(dtype=bool)})
    g = df.groupby("p", sort=True)
    out = pd.DataFrame({"complaints": g.size(), "resolved_first": g["yes"].sum().astype(int)})
    known = g["known"].sum()
    out["fcr_rate"] = out["resolved_first"] / known.where(known > 0)
    out.index.name = "period"
    return out


def contacts_per_company(contacts: pd.DataFrame, *, min_contacts: int = 3, customer: str = "customer_id",
                         person: str = "contacted_person") -> pd.DataFrame:
    """Named contacts per company, flagging companies with fewer than ``min_contacts`` (多线联系).

    >>> k = pd.DataFrame({"customer_id": ["A", "A", "A", "B"], "contacted_person": ["x", "y", "z", "x"]})
    >>> contacts_per_company(k)["too_few"].tolist()
    [False, True]
    """
    func = "contacts_per_company"
    c = check_table(contacts, func=func, name="contacts")
    check_columns(c, [customer], func=func, param="customer")
    check_columns(c, [person], func=func, param="person")
    if isinstance(min_contacts, bool) or not isinstance(min_contacts, (int, np.integer)) or min_contacts < 1:
        raise CRMDataError(f"{func}: min_contacts must be a whole number >= 1, got {min_contacts!r}.")
    n = c.dropna(subset=[person]).groupby(customer)[person].nunique()
    n = n.reindex(pd.Index(c[customer].unique(), name=customer).sort_values(), fill_value=0)
    out = pd.DataFrame({"named_contacts": n.astype(int)})
    out["too_few"] = out["named_contacts"] < min_contacts
    return out


def mystery_shopper_score(scores: pd.DataFrame, *, competitor: str = "competitor", scenario: str = "scenario",
                          score: str = "score", min_scenarios: int = 8, max_scenarios: int = 10) -> pd.DataFrame:
    """Mean mystery-shopper score per competitor, with a flag when fewer than 8 or more than 10 scenarios ran.

    >>> s = pd.DataFrame({"competitor": ["X"] * 8 + ["Y"] * 2, "scenario": list(range(8)) + [0, 1],
    ...                   "score": [4] * 8 + [2, 3]})
    >>> mystery_shopper_score(s).to_dict("index")
    {'X': {'scenarios': 8, 'mean_score': 4.0, 'scenario_count_ok': True}, 'Y': {'scenarios': 2, 'mean_score': 2.5, 'scenario_count_ok': False}}
    """
    func = "mystery_shopper_score"
    s = check_table(scores, func=func, name="scores")
    for p, col in (("competitor", competitor), ("scenario", scenario), ("score", score)):
        check_columns(s, [col], func=func, param=p)
    if not pd.api.types.is_numeric_dtype(s[score]):
        raise TypeError(f"{func}: column {score!r} must be numeric, found {s[score].dtype}.")
    g = s.groupby(competitor, sort=True)
    out = pd.DataFrame({"scenarios": g[scenario].nunique().astype(int), "mean_score": g[score].mean().astype(float)})
    out["scenario_count_ok"] = out["scenarios"].between(min_scenarios, max_scenarios)
    return out


_STAFF_RANK = {"inside_sales": 1, "sales": 1, "manager": 2, "VP": 3}
_TITLE_RANK = {"private customer": 1, "buyer": 1, "administration assistant": 1, "purchasing manager": 2,
               "office director": 2, "IT manager": 2, "finance manager": 2, "administration manager": 2,
               "HR director": 2, "IT director": 2, "general manager": 3, "vice president": 3}


def contact_level_match(contacts: pd.DataFrame, *, staff_level: str = "staff_level",
                        counterpart: str = "counterpart_title") -> pd.Series:
    """Share of contacts where our level matched the customer's (staff to buyer, manager to manager, VP to VP).

    Levels: 1 = sales / inside sales vs buyer, assistant, private customer; 2 = manager vs
    managers and directors; 3 = VP vs vice president, general manager. Returns a
    Series with ``contacts``, ``matched``, ``ours_lower``, ``ours_higher``, ``match_rate``.
    """
    func = "contact_level_match"
    c = check_table(contacts, func=func, name="contacts")
    check_columns(c, [staff_level], func=func, param="staff_level")
    check_columns(c, [counterpart], func=func, param="counterpart")
    ours = c[staff_level].astype(str).map(_STAFF_RANK)
    theirs = c[counterpart].astype(str).map(_TITLE_RANK)
    unknown = c[staff_level].notna() & ours.isna()
    if unknown.any():
        raise CRMDataError(f"{func}: unknown {staff_level!r} value {c.loc[unknown, staff_level].iloc[0]!r}; "
                           f"known: {list(_STAFF_RANK)}.")
    ok = ours.notna() & theirs.notna()
    o, t = ours[ok], theirs[ok]
    n = int(ok.sum())
    return pd.Series({"contacts": n, "matched": int((o == t).sum()), "ours_lower": int((o < t).sum()),
                      "ours_higher": int((o > t).sum()), "match_rate": float((o == t).mean()) if n else np.nan})


# --------------------------------------------------------------------------------------------
# Customize (定制)

def next_best_offer(transactions: pd.DataFrame, *, customer: str = "customer_id", product: str = "product_line",
                    top: int = 3) -> pd.DataFrame:
    """For each customer, up to ``top`` product lines it does not buy, ranked by co-purchase lift.

    For a candidate line Y and a line X the customer buys, lift(X→Y) = P(Y | X) / P(Y)
    over customers. A candidate's score is its largest lift over the customer's lines;
    ``reason`` names that line. Only lifts above 1 are offered. Returns one row per
    (customer, offer) with ``rank``, ``offer``, ``lift``, ``reason``.
    """
    func = "next_best_offer"
    tx = check_table(transactions, func=func, name="transactions")
    check_columns(tx, [customer], func=func, param="customer")
    check_columns(tx, [product], func=func, param="product")
    if isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1:
        raise CRMDataError(f"{func}: top must be a whole number >= 1, got {top!r}.")
    u = tx[[customer, product]].dropna().drop_duplicates()
    m = pd.crosstab(u[customer], u[product].astype(str)).clip(upper=1)
    X = m.to_numpy(dtype=float)
    n = X.shape[0]
    co = X.T @ X                               # customers buying both
    p = X.sum(axis=0) / n                      # P(Y)
    with np.errstate(divide="ignore", invalid="ignore"):
        lift = (co / np.diag(co)[:, None]) / p[None, :]   # lift[x, y] = P(y|x)/P(y)
    np.fill_diagonal(lift, 0.0)
    lift = np.nan_to_num(lift)
    # score[c, y] = max over x bought of lift[x, y]
    best = np.zeros_like(X)
    arg = np.zeros(X.shape, dtype=int)
    for xi in range(X.shape[1]):
        cand = X[:, [xi]] * lift[xi][None, :]
        better = cand > best
        best = np.where(better, cand, best)
        arg = np.where(better, xi, arg)
    best[X > 0] = 0.0
    lines = m.columns.to_numpy()
    rows_c, rows_y = np.nonzero(best > 1.0)
    out = pd.DataFrame({customer: m.index.to_numpy()[rows_c], "offer": lines[rows_y],
                        "lift": best[rows_c, rows_y].round(4), "reason_line": lines[arg[rows_c, rows_y]]})
    out = out.sort_values([customer, "lift", "offer"], ascending=[True, False, True])
    out["rank"] = out.groupby(customer).cumcount() + 1
    out = out[out["rank"] <= top]
    out["reason"] = "buys " + out["reason_line"] + "; buyers of it are " + out["lift"].round(2).astype(str) \
        + "x as likely to buy " + out["offer"]
    return out[[customer, "rank", "offer", "lift", "reason"]].reset_index(drop=True)


def contact_preferences(contacts: pd.DataFrame, *, customer: str = "customer_id", channel: str = "channel",
                        date: str = "contact_datetime", direction: str = "direction") -> pd.DataFrame:
    """Channel and contact frequency each customer answers (from its inbound contacts, else all).

    Returns one row per customer with ``preferred_channel`` (most frequent channel of its
    inbound contacts; all contacts when it has none), ``contacts`` and ``contacts_per_month``.
    """
    func = "contact_preferences"
    c = check_table(contacts, func=func, name="contacts")
    for p, col in (("customer", customer), ("channel", channel), ("date", date)):
        check_columns(c, [col], func=func, param=p)
    d = pd.to_datetime(c[date], errors="coerce")
    inbound = (c[direction].astype(str) == "inbound") if direction in c.columns else pd.Series(True, index=c.index)
    df = pd.DataFrame({"c": c[customer].to_numpy(), "ch": c[channel].astype(str).to_numpy(),
                       "w": np.where(inbound.to_numpy(), 1000, 1) })
    cnt = df.groupby(["c", "ch"]).agg(w=("w", "sum")).reset_index().sort_values(["c", "w", "ch"], ascending=[True, False, True])
    pref = cnt.drop_duplicates("c").set_index("c")["ch"]
    g = pd.DataFrame({"c": c[customer].to_numpy(), "d": d.to_numpy()}).groupby("c")
    n = g.size()
    months = ((g["d"].max() - g["d"].min()).dt.days / 30.44).clip(lower=1.0)
    out = pd.DataFrame({"preferred_channel": pref, "contacts": n, "contacts_per_month": (n / months).round(3)})
    out.index.name = customer
    return out


# --------------------------------------------------------------------------------------------
# Differentiate in one call, and the whole I.D.I.C pass

def differentiate(transactions: pd.DataFrame, contacts: pd.DataFrame, *, as_of: Any, gold_share: float = 0.05,
                  big_share: float = 0.2, min_complaints: int = 2, max_lines: int = 2,
                  customer: str = "customer_id", date: str = "order_date",
                  contact_date: str = "contact_datetime") -> pd.DataFrame:
    """What the source's Differentiate step asks for, in one table (one row per question).

    Uses :func:`crmlearn.grading.gold_persistence`, :func:`crmlearn.grading.bad_customers`,
    :func:`crmlearn.grading.abc_classify` and :func:`crmlearn.customers.summarize_customers`.
    Rows: gold customers kept from last year, share of "bad" customers, big customers
    (top ``big_share`` by last year's revenue) with at least ``min_complaints`` complaints
    last year, last year's top customers that still ordered in the last 90 days,
    customers buying <= ``max_lines`` product lines, and the number of A/B/C customers.
    """
    from .customers import summarize_customers
    from .grading import abc_classify, bad_customers, gold_persistence

    func = "differentiate"
    tx = check_table(transactions, func=func, name="transactions")
    ct = check_table(contacts, func=func, name="contacts")
    check_columns(tx, [customer, date], func=func, param="customer")
    check_columns(ct, [customer, contact_date], func=func, param="contact_date")
    ts = _as_of(as_of, func)
    tx = tx[pd.to_datetime(tx[date]) <= ts]
    summary = summarize_customers(tx, as_of=ts)
    gp = gold_persistence(tx, top=gold_share).iloc[-1]
    bad = bad_customers(summary, tx)
    year = ts.year
    last_year = tx[pd.to_datetime(tx[date]).dt.year == year]
    rev = last_year.groupby(customer)["amount"].sum().sort_values(ascending=False)
    big = rev.index[: max(1, int(round(big_share * len(rev))))]
    cdt = pd.to_datetime(ct[contact_date])
    comp = ct[(ct["contact_type"].astype(str) == "complaint") & (cdt.dt.year == year)].groupby(customer).size()
    big_complain = int((comp.reindex(big, fill_value=0) >= min_complaints).sum())
    prev = tx[pd.to_datetime(tx[date]).dt.year == year - 1].groupby(customer)["amount"].sum().sort_values(ascending=False)
    prev_big = prev.index[: max(1, int(round(gold_share * len(prev))))]
    recent = summary["recency_days"].reindex(prev_big) <= 90
    abc = abc_classify(summary, value="monetary")["abc_class"].value_counts()
    rows = [
        ("gold kept", f"gold {int(gp['year_from'])} still gold {int(gp['year_to'])}", int(gp["kept"]), int(gp["gold_from"])),
        ("bad customers", "no order > 1 year or lost tenders", int(bad["bad"].sum()), len(bad)),
        ("big complainers", f"top {big_share:.0%} of {year} with >= {min_complaints} complaints", big_complain, len(big)),
        ("biggest still order", f"top {gold_share:.0%} of {year - 1} with an order in the last 90 days",
         int(recent.sum()), len(prev_big)),
        ("cross-sell targets", f"buy <= {max_lines} product lines", len(cross_sell_targets(tx, max_lines=max_lines)),
         int(tx[customer].nunique())),
        ("A customers", "ABC by net revenue", int(abc.get("A", 0)), int(abc.sum())),
    ]
    out = pd.DataFrame(rows, columns=["question", "rule", "customers", "out_of"])
    out["share"] = (out["customers"] / out["out_of"]).round(3)
    return out.set_index("question")


def idic_run(records: pd.DataFrame, transactions: pd.DataFrame, contacts: pd.DataFrame, *, as_of: Any,
             threshold: float = DEFAULT_THRESHOLD) -> dict[str, pd.DataFrame]:
    """One pass of Identify, Differentiate, Interact and Customize over the course data: a table per step."""
    func = "idic_run"
    _as_of(as_of, func)
    pairs = find_duplicates(records, threshold=threshold)
    golden = merge_duplicates(records, pairs)
    ident = pd.DataFrame({"value": [float(len(records)), len(pairs), len(golden),
                                    len(stale_records(records, as_of=as_of, max_age_days=3 * 365))]},
                         index=["records", "duplicate pairs", "golden records", "stale (> 3 years)"])
    if "customer_id_true" in records.columns:
        q = pair_quality(golden, records)
        ident.loc["pair precision"] = round(float(q["precision"]), 3)
        ident.loc["pair recall"] = round(float(q["recall"]), 3)
    fcr = first_contact_resolution(contacts, freq="M")
    lv = contact_level_match(contacts)
    inter = pd.DataFrame({"value": [int(fcr["complaints"].sum()),
                                    round(float(fcr["resolved_first"].sum() / fcr["complaints"].sum()), 3),
                                    round(float(lv["match_rate"]), 3)]},
                         index=["complaints", "solved at first contact (share of all)", "contact levels matched"])
    nbo = next_best_offer(transactions, top=1)
    cust = nbo["offer"].value_counts().rename("customers").to_frame()
    _as_of(as_of, func)
    return {"identify": ident, "differentiate": differentiate(transactions, contacts, as_of=as_of),
            "interact": inter, "customize": cust}
