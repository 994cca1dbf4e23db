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
   similarity 0-1 from rapidfuzz, phone equal 0/1, e-mail equal 0/1); a pair is
   a duplicate when the score reaches ``threshold``.
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
]

DEFAULT_THRESHOLD = 0.6

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
    by_pos = df.sort_values("_pos").groupby("_g", sort=True)[id_col]
    golden.insert(0, "golden_id", by_pos.first())
    golden["record_ids"] = by_pos.agg(lambda s: ",".join(map(str, s)))
    golden["n_records"] = by_pos.size()
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
