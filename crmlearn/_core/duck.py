"""The DuckDB path: the same customer tables from files larger than memory (written once, in SQL).

:func:`~crmlearn.customers.summarize_customers`, :func:`~crmlearn.clv.rfm_summary`,
:func:`~crmlearn.grading.rfm_scores`, :func:`~crmlearn.grading.abc_classify` and
:func:`~crmlearn.grading.customer_pyramid` also take a *source*: a path to Parquet or CSV files
(a ``str`` / ``Path``, a glob such as ``"data/*.parquet"``, or a list of paths) or a DuckDB
relation. Then:

- the transaction functions (``summarize_customers``, ``rfm_summary``) reduce the transactions
  to one row per customer inside DuckDB, out of core (DuckDB spills to disk when the data do not
  fit in ``memory_limit``), and finish the few per-customer formulas (day counts, ratios) with the
  same numpy code as the pandas path;
- the per-customer functions (``rfm_scores``, ``abc_classify``, ``customer_pyramid``) read the
  customer table through DuckDB and grade it with the pandas code: their result holds every
  customer anyway, and the tie rules (equal values in one RFM bin, table order for equal values)
  stay exactly those of the pandas path.

The purchase rule of :mod:`crmlearn._core.purchases` is written once here, in SQL
(:func:`purchase_rule_sql`): a row flagged ``is_return`` (or, without that column, a negative
amount) is a return and its amount is negative; a lost tender is no purchase and adds nothing;
every other row is a purchase. Dates follow :mod:`crmlearn._core.dates`: tz-aware timestamps are
converted to UTC, text with an offset is converted to UTC, text without one is taken as it is.
Dates come back at the resolution DuckDB reads them: nanoseconds for a ``TIMESTAMP_NS`` column,
else microseconds (DuckDB keeps tz-aware timestamps in microseconds, so a pandas column of
``datetime64[ns, tz]`` written to Parquet comes back as ``datetime64[us]``). A CSV file's dates
are read by DuckDB's sniffer, so they arrive as dates even where ``pandas.read_csv`` gives text.

Settings: ``CRMLEARN_DUCKDB_MEMORY_LIMIT`` (e.g. ``"4GB"``) and ``CRMLEARN_DUCKDB_THREADS`` set
DuckDB's ``memory_limit`` and ``threads`` for the connections opened on files (default: 60% of
the memory, at most 2 GB, see :func:`default_memory_limit`; every core). A relation runs on its own
connection and settings. ``CRMLEARN_DUCKDB_DEBUG=1`` prints every statement with its wall and CPU
time to stderr.

Speed: ``summarize_customers`` runs two statements on clean files: one scan without a GROUP BY
(cheap) counts the bad rows (missing values, infinite amounts, unreadable dates or flags), the
rows after ``as_of``, the returns and the rows that are no purchase; then one GROUP BY computes
only the aggregates these data need (no ``FILTER`` for returns when there are none, for
example). Only when a bad row is counted do the checks run one by one, to name the column and
the first offender as the pandas path does.

duckdb is imported on first use only, so ``import crmlearn`` stays light.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .._validation import CRMDataError, check_columns, rows_have

__all__ = ["is_source", "Source", "purchase_rule_sql", "summarize_customers", "rfm_summary", "read_table"]

_PARQUET = (".parquet", ".parq", ".pq")
_CSV = (".csv", ".tsv", ".txt", ".csv.gz", ".tsv.gz", ".txt.gz", ".csv.zst")
_GLOB = re.compile(r"[*?\[]")
_INTS = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
         "UBIGINT", "UHUGEINT"}
_FLOATS = {"FLOAT", "DOUBLE", "REAL"}
_UNITS = {"TIMESTAMP_NS": "ns", "TIMESTAMP_MS": "ms", "TIMESTAMP_S": "s"}   # anything else: microseconds
_EPOCH = {"ns": "epoch_ns", "us": "epoch_us", "ms": "epoch_ms"}


# --------------------------------------------------------------------------------------------
# what counts as a source, and opening one
# --------------------------------------------------------------------------------------------
def _is_relation(obj: Any) -> bool:
    t = type(obj)
    # the class lives in duckdb._relation (2.x), _duckdb (1.4-1.5) or duckdb.duckdb (older)
    return t.__module__.split(".")[0] in ("duckdb", "_duckdb") and t.__name__ == "DuckDBPyRelation"


def is_source(obj: Any) -> bool:
    """True for a path (str / Path), a list of paths, or a DuckDB relation; never imports duckdb."""
    if isinstance(obj, (str, os.PathLike)):
        return True
    if isinstance(obj, (list, tuple)) and len(obj) > 0 and all(isinstance(p, (str, os.PathLike)) for p in obj):
        return True
    return _is_relation(obj)


def _duckdb(func: str):
    try:
        import duckdb
    except ImportError as exc:   # a core dependency; said plainly if an install lost it
        raise ImportError(
            f"{func}: reading files or DuckDB relations needs the duckdb package, which is not installed. "
            "Install it with `pip install duckdb` (or `conda install -c conda-forge python-duckdb`), "
            "or read the file into a pandas DataFrame first."
        ) from exc
    return duckdb


def _q(name: str) -> str:
    """A column name as a quoted SQL identifier."""
    return '"' + str(name).replace('"', '""') + '"'


def _lit(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


@contextlib.contextmanager
def _timed(func: str, sql: str):
    """With ``CRMLEARN_DUCKDB_DEBUG`` set, print each statement's wall and CPU time to stderr."""
    if not os.environ.get("CRMLEARN_DUCKDB_DEBUG"):
        yield
        return
    t0, c0 = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        print(f"[crmlearn duckdb] {func}: {time.perf_counter() - t0:.2f} s wall, "
              f"{time.process_time() - c0:.2f} s CPU: {_shorten(sql)}", file=sys.stderr, flush=True)


def _shorten(sql: str) -> str:
    """A statement on one line, its middle cut when long (the start and the end tell which it is)."""
    one = " ".join(sql.split())
    return one if len(one) <= 400 else one[:250] + " ... " + one[-140:]


def default_memory_limit() -> str:
    """DuckDB's ``memory_limit`` on files: 60% of the machine's memory, at most 2 GB.

    The cap keeps the whole process (DuckDB's buffers, then the pandas table of the customers)
    under 4 GB on 100 million transactions of 10 million customers; DuckDB spills the rest to disk.
    """
    try:
        ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):   # not POSIX: DuckDB's own default
        ram = 0
    mb = int(min(0.6 * ram, 2 * 1024**3) // 1024**2) if ram else 2048
    return f"{max(mb, 256)}MB"


def _connect(duckdb):
    config: dict[str, Any] = {
        "temp_directory": os.path.join(tempfile.gettempdir(), f"crmlearn-duckdb-{os.getpid()}"),
        "memory_limit": os.environ.get("CRMLEARN_DUCKDB_MEMORY_LIMIT") or default_memory_limit(),
        "threads": int(os.environ.get("CRMLEARN_DUCKDB_THREADS") or os.cpu_count() or 1),
        "preserve_insertion_order": False,   # no result here depends on it; it saves memory
    }
    return duckdb.connect(":memory:", config=config)


class Source:
    """A table behind a path, a glob, a list of files or a relation, queried as ``t``."""

    def __init__(self, source: Any, *, func: str, name: str = "transactions"):
        self.func, self.name = func, name
        duckdb = _duckdb(func)
        self.con = None
        self.files: list[str] = []
        if _is_relation(source):
            self.rel = source
        else:
            paths = [source] if isinstance(source, (str, os.PathLike)) else list(source)
            self.files = [os.fspath(p) for p in paths]
            kinds = {self._kind(p) for p in self.files}
            if len(kinds) > 1:
                raise CRMDataError(f"{func}: {name} mixes Parquet and CSV files ({self.files[:4]}). "
                                   "Pass files of one kind.")
            for p in self.files:
                if not _GLOB.search(p) and not Path(p).exists():
                    raise FileNotFoundError(f"{func}: {name} file {p!r} not found. Check the path "
                                            f"(current folder: {os.getcwd()}).")
            self.con = _connect(duckdb)
            listed = "[" + ", ".join(_lit(p) for p in self.files) + "]"
            reader = "read_parquet" if kinds == {"parquet"} else "read_csv"
            try:
                self.rel = self.con.sql(f"SELECT * FROM {reader}({listed})")
            except duckdb.IOException as exc:
                raise FileNotFoundError(f"{func}: no {name} file matches {self.files}: {exc}") from exc
        self.columns = [str(c) for c in self.rel.columns]
        self.types = {c: str(t) for c, t in zip(self.columns, self.rel.types)}
        empty = self.rel.limit(0).df()   # the column names and pandas dtypes, for the shared checks
        text = {c: "str" for c in self.columns if self.types[c] == "VARCHAR"}
        self.empty = empty.astype(text) if text else empty

    def _kind(self, path: str) -> str:
        low = path.lower()
        if low.endswith(_PARQUET) or low.endswith((".parquet/", "*.parquet")):
            return "parquet"
        if low.endswith(_CSV):
            return "csv"
        raise CRMDataError(f"{self.func}: {self.name} file {path!r} is neither Parquet (.parquet) nor CSV (.csv); "
                           "read it with crmlearn.io.read_transactions(...) and pass the DataFrame.")

    def close(self) -> None:
        """Close the connection this source opened (a relation's own connection stays open)."""
        if self.con is not None:
            self.con.close()
            self.con = None

    def query(self, sql: str):
        """Run ``sql`` with the source as the table ``t``."""
        return self.rel.query("t", sql)

    def one(self, sql: str) -> tuple:
        with _timed(self.func, sql):
            return self.query(sql).fetchall()[0]

    def fetchnumpy(self, sql: str) -> dict:
        with _timed(self.func, sql):
            return self.query(sql).fetchnumpy()

    def numeric(self, col: str) -> bool:
        t = self.types[col]
        return t in _INTS or t in _FLOATS or t.startswith("DECIMAL") or t == "BOOLEAN"

    def pandas_metadata_index(self) -> list[str]:
        """The index columns pandas recorded in the Parquet files (restored as pandas.read_parquet does)."""
        if not self.files or self._kind(self.files[0]) != "parquet" or self.con is None:
            return []
        listed = "[" + ", ".join(_lit(p) for p in self.files) + "]"
        try:
            rows = self.con.sql(f"SELECT value FROM parquet_kv_metadata({listed}) WHERE key = 'pandas' LIMIT 1").fetchall()
        except Exception:   # noqa: BLE001 - metadata is optional
            return []
        if not rows:
            return []
        meta = json.loads(rows[0][0].decode() if isinstance(rows[0][0], bytes) else rows[0][0])
        names = [c for c in meta.get("index_columns", []) if isinstance(c, str)]
        return names if all(c in self.columns for c in names) else []


# --------------------------------------------------------------------------------------------
# the checks, with the messages of the pandas path
# --------------------------------------------------------------------------------------------
def _first(src: Source, where: str, *, customer: str | None, col: str | None = None) -> tuple[str, Any]:
    """'customer X' (or 'row i') of the first row where ``where`` holds, and that row's ``col``."""
    sel = _q(col) if col else "NULL"
    if customer is not None and customer in src.columns:
        row = src.one(f"SELECT {_q(customer)}, {sel} FROM t WHERE {where} LIMIT 1")
        return f"customer {row[0]}", row[1]
    row = src.one(f"SELECT n, v FROM (SELECT row_number() OVER () - 1 AS n, {sel} AS v, * FROM t) WHERE {where} LIMIT 1")
    return f"row {row[0]}", row[1]


def _check_rows(src: Source, func: str, n: int | None = None) -> int:
    n = src.one("SELECT count(*) FROM t")[0] if n is None else n
    if n == 0:
        raise CRMDataError(f"{func}: {src.name} is empty (0 rows). Pass a table with at least one customer.")
    return int(n)


def _profile(src: Source, *, numeric: list[str], complete: list[str], extra: str = "NULL") -> dict:
    """One scan: the row count, infinite values per float column, missing values per column, ``extra``."""
    infs = [c for c in numeric if c in src.columns and src.types[c] in _FLOATS]
    parts = ["count(*)"] + [f"count(*) FILTER (WHERE isinf({_q(c)}))" for c in infs]
    parts += [f"count(*) - count({_q(c)})" for c in complete] + [extra]
    row = src.one("SELECT " + ", ".join(parts) + " FROM t")
    return {"rows": int(row[0]), "inf": dict(zip(infs, row[1:1 + len(infs)])),
            "missing": dict(zip(complete, row[1 + len(infs):-1])), "extra": row[-1]}


def _check_numeric(src: Source, cols: list[str], *, func: str, customer: str, inf: dict | None = None) -> None:
    for col in cols:
        if src.numeric(col):
            if src.types[col] in _FLOATS:
                n = (inf or {}).get(col, 0) if inf is not None else src.one(f"SELECT count(*) FROM t WHERE isinf({_q(col)})")[0]
                if n:
                    who, v = _first(src, f"isinf({_q(col)})", customer=customer, col=col)
                    raise CRMDataError(
                        f"{func}: {rows_have(int(n))} an infinite '{col}' value (first: {who}, value {v!r}). "
                        "Infinity is not an amount: fix the source (a division by zero?) or drop those rows.")
            continue
        bad = f"{_q(col)} IS NOT NULL AND TRY_CAST({_q(col)} AS DOUBLE) IS NULL"
        where = ""
        if src.one(f"SELECT count(*) FROM t WHERE {bad}")[0]:
            who, v = _first(src, bad, customer=customer, col=col)
            where = f" (first: {who}, value {v!r})"
        raise CRMDataError(f"{func}: column '{col}' must be numeric, found dtype {src.empty[col].dtype}{where}. "
                           f"Convert it with pandas.to_numeric(data['{col}']).")


def _check_no_missing(src: Source, cols: list[str], *, func: str, customer: str, missing: dict | None = None) -> None:
    if not cols:
        return
    if missing is not None:
        counts = [missing[c] for c in cols]
    else:
        counts = src.one("SELECT " + ", ".join(f"count(*) - count({_q(c)})" for c in cols) + " FROM t")
    for col, n in zip(cols, counts):
        if n:
            who, _ = _first(src, f"{_q(col)} IS NULL", customer=customer)
            raise CRMDataError(f"{func}: {rows_have(int(n))} a missing '{col}' value (first: {who}). "
                               "Drop or fill them first.")


def _date_sql(src: Source, col: str, *, func: str, customer: str) -> tuple[str, str]:
    """SQL for the column as a naive UTC timestamp, and the numpy unit it comes back in."""
    t = src.types[col]
    c = _q(col)
    if t.startswith("TIMESTAMP WITH TIME ZONE") or t == "TIMESTAMPTZ":
        return f"timezone('UTC', {c})", "us"
    if t.startswith("TIMESTAMP"):
        return c, _UNITS.get(t, "us")
    if t == "DATE":
        return f"CAST({c} AS TIMESTAMP)", "us"
    if t == "VARCHAR":
        expr = _varchar_dates(c)
        bad = f"{c} IS NOT NULL AND ({expr}) IS NULL"
        n = src.one(f"SELECT count(*) FROM t WHERE {bad}")[0]
        if n:
            who, v = _first(src, bad, customer=customer, col=col)
            raise CRMDataError(
                f"{func}: column '{col}' must hold dates; {rows_have(int(n))} a value that is not a date "
                f"(first: {who}, value {v!r}). "
                f"Fix or drop them, or convert with pandas.to_datetime(data['{col}'], format=...) first.")
        return expr, "us"
    if src.numeric(col):
        raise TypeError(
            f"{func}: column '{col}' must hold dates, found dtype {src.empty[col].dtype}. "
            f"Convert it with pandas.to_datetime(data['{col}'], format=...) first "
            "(e.g. format='%Y%m%d' for 19970101).")
    raise CRMDataError(f"{func}: column '{col}' must hold dates, found the DuckDB type {t}. "
                       f"Cast it to TIMESTAMP first.")


def _date_sql_unchecked(src: Source, col: str) -> str:
    """The date SQL of :func:`_date_sql` without its check (for a scan that the check follows)."""
    t, c = src.types[col], _q(col)
    if t.startswith("TIMESTAMP WITH TIME ZONE") or t == "TIMESTAMPTZ":
        return f"timezone('UTC', {c})"
    if t.startswith("TIMESTAMP"):
        return c
    if t == "DATE":
        return f"CAST({c} AS TIMESTAMP)"
    return _varchar_dates(c)


def _varchar_dates(c: str) -> str:
    return (f"CASE WHEN regexp_matches({c}, '\\d[T ]?\\d{{1,2}}:\\d{{2}}(:\\d{{2}}(\\.\\d+)?)?\\s*(Z|[+-]\\d{{2}}(:?\\d{{2}})?)$') "
            f"THEN timezone('UTC', TRY_CAST({c} AS TIMESTAMPTZ)) ELSE TRY_CAST({c} AS TIMESTAMP) END")


def _epoch(expr: str, unit: str) -> str:
    if unit == "s":
        return f"CAST(epoch({expr}) AS BIGINT)"
    return f"{_EPOCH[unit]}({expr})"


def _optional(src: Source, name: Any, default: str, *, func: str, param: str) -> str | None:
    from .purchases import DEFAULT

    if name is None:
        return None
    if name is DEFAULT:
        return default if default in src.columns else None
    check_columns(src.empty, [name], func=func, param=param)
    return name


# --------------------------------------------------------------------------------------------
# the purchase rule, once, in SQL
# --------------------------------------------------------------------------------------------
_WORDS_TRUE = ("true", "1", "yes")
_WORDS = ("true", "false", "1", "0", "yes", "no")


def _flag_parts(src: Source, col: str) -> tuple[str, str | None]:
    """SQL for a true/false column (bool, 0/1, or the words true/false/yes/no), and SQL that is true
    on a value that is none of these (None for a boolean column)."""
    t, c = src.types[col], _q(col)
    if t == "BOOLEAN":
        return c, None
    if t in _INTS or t in _FLOATS or t.startswith("DECIMAL"):
        return f"({c} = 1)", f"{c} NOT IN (0, 1)"
    words = ", ".join(_lit(w) for w in _WORDS)
    low = f"lower(trim(CAST({c} AS VARCHAR)))"
    return f"({low} IN ({', '.join(_lit(w) for w in _WORDS_TRUE)}))", f"{low} NOT IN ({words})"


def _flag_sql(src: Source, col: str, *, func: str, customer: str) -> str:
    """The SQL of :func:`_flag_parts`, after a scan that bad values raise."""
    expr, bad = _flag_parts(src, col)
    if bad is not None and src.one(f"SELECT count(*) FROM t WHERE {bad}")[0]:
        who, v = _first(src, bad, customer=customer, col=col)
        raise CRMDataError(
            f"{func}: column '{col}' must be true/false, found {v!r} "
            f"(first: {who}). Convert it, e.g. data['{col}'] == 'yes'.")
    return expr


def purchase_rule_sql(amount: str | None, *, is_return: str | None, tender: str | None,
                      flag: str | None = None) -> dict[str, str]:
    """The purchase rule as SQL expressions over one row: ``ret``, ``lost``, ``buy`` and the net ``amt``.

    ``flag`` is the SQL of the ``is_return`` column as a boolean (from the column check); without
    the column a negative amount marks a return. ``amt`` is NULL without an amount column.

    >>> rule = purchase_rule_sql('"amount"', is_return=None, tender=None)
    >>> rule["ret"], rule["buy"]
    ('("amount" < 0)', '(NOT ("amount" < 0))')
    """
    a = amount
    if is_return is not None:
        ret = f"({flag})"
    elif amount is not None:
        ret = f"({a} < 0)"
    else:
        ret = "FALSE"
    lost = f"coalesce(lower(CAST({_q(tender)} AS VARCHAR)) = 'lost', FALSE)" if tender is not None else None
    buy = f"(NOT {ret})" if lost is None else f"(NOT {ret} AND NOT {lost})"
    amt = None
    if amount is not None:
        amt = f"CAST({a} AS DOUBLE)"
        if is_return is not None:
            amt = f"(CASE WHEN {ret} THEN -abs({amt}) ELSE {amt} END)"
        if lost is not None:
            amt = f"(CASE WHEN {lost} THEN 0.0 ELSE {amt} END)"
    return {"ret": ret, "lost": lost or "FALSE", "buy": buy, "amt": amt}


def _index(values: np.ndarray, src: Source, col: str) -> pd.Index:
    """Customer ids as pandas reads them: text as pandas' string dtype, numbers as they are."""
    if src.types[col] == "VARCHAR":
        return pd.Index(values, dtype=src.empty[col].dtype, name=col)
    return pd.Index(values, name=col)


def _sorting_order(ids: np.ndarray) -> np.ndarray | None:
    """Positions that sort ``ids`` (distinct: one row per customer), or None if they do not sort.

    Integer ids in a dense range (the usual 1..n) are placed by a counting pass, in linear time;
    others go through numpy's sort (ids are distinct, so any sort gives the one order).
    """
    if ids.dtype.kind in "iu" and len(ids):
        lo, hi = int(ids.min()), int(ids.max())
        if hi - lo < 4 * len(ids) + 1024:
            slot = np.full(hi - lo + 1, -1, dtype=np.int64)
            slot[ids - lo] = np.arange(len(ids), dtype=np.int64)
            return slot[slot >= 0]
    try:
        return np.argsort(ids)
    except TypeError:   # e.g. mixed types: keep DuckDB's order
        return None


# --------------------------------------------------------------------------------------------
# summarize_customers
# --------------------------------------------------------------------------------------------
def summarize_customers(source: Any, *, customer, date, amount, as_of, cost, is_return, order, tender,
                        customers) -> pd.DataFrame:
    """:func:`crmlearn.customers.summarize_customers` on a file or relation, reduced in DuckDB."""
    func = "summarize_customers"
    src = Source(source, func=func)
    for col, param in ((customer, "customer"), (date, "date"), (amount, "amount")):
        check_columns(src.empty, [col], func=func, param=param)
    cost = _optional(src, cost, "cost", func=func, param="cost")
    is_return = _optional(src, is_return, "is_return", func=func, param="is_return")
    order = _optional(src, order, "order_id", func=func, param="order")
    tender = _optional(src, tender, "tender_result", func=func, param="tender")
    plan = _summary_plan(src, customer=customer, date=date, amount=amount, cost=cost, is_return=is_return,
                         order=order, tender=tender, as_of=as_of, func=func)
    base, dtype = plan["base"], plan["dtype"]
    _, n_not_buy, n_ret_rows, n_after, as_of_i8 = _summary_scan(src, plan, customer=customer, date=date,
                                                                       is_return=is_return, func=func)
    aggs, inside = _summary_aggregates(n_not_buy=n_not_buy, n_ret_rows=n_ret_rows, n_after=n_after,
                                       as_of_i8=as_of_i8, order=order, cst=plan["cst"])
    text_ids = src.types[customer] == "VARCHAR"   # text sorts faster in DuckDB; numbers in numpy
    sql = f"SELECT c, {', '.join(aggs)} FROM ({base}) GROUP BY c" + (" ORDER BY c" if text_ids else "")
    get = src.fetchnumpy(sql)
    get = {k: np.asarray(v) for k, v in get.items()}
    if not n_ret_rows:   # no return anywhere: no customer has one
        get["n_ret"] = np.zeros(len(get["c"]), dtype=np.int64)
        get["ret_amt"] = np.zeros(len(get["c"]), dtype=np.float64)
    excluded_customers = 0
    if inside:
        keep = get.pop("n_in") > 0   # customers who only bought later drop out, as on the pandas path
        excluded_customers = int((~keep).sum())
        if not keep.all():
            get = {k: v[keep] for k, v in get.items()}
    if "freq" not in get:
        get["freq"] = get["nb"]
    src.close()   # DuckDB's memory goes back before pandas builds the table
    index = _index(get.pop("c"), src, customer)
    if not index.is_monotonic_increasing:   # the pandas path's order (sorted ids)
        order_ix = _sorting_order(index.to_numpy())
        if order_ix is not None:
            index = index.take(order_ix)
            get = {k: np.asarray(v)[order_ix] for k, v in get.items()}
    get = {k: np.asarray(v) for k, v in get.items()}
    return _summary_frame(get, index, as_of_i8=as_of_i8, dtype=dtype, cost=plan["cst"] is not None,
                          customers=customers, customer=customer, n_after=n_after,
                          excluded_customers=excluded_customers, func=func)


def _summary_plan(src: "Source", *, customer, date, amount, cost, is_return, order, tender, as_of, func) -> dict:
    """summarize_customers, step: the checks before any scan and the per-row SQL (``base``) of the reduction."""
    from ..customers import _timestamp_i8

    numeric = [amount] + ([cost] if cost else [])
    complete = [customer, date, *numeric] + ([order] if order else [])
    for col in numeric:   # a column of the wrong type is refused before any scan
        if not src.numeric(col):
            _check_numeric(src, [col], func=func, customer=customer)
    if not src.types[date].startswith(("TIMESTAMP", "DATE", "VARCHAR")):
        _date_sql(src, date, func=func, customer=customer)   # raises the pandas path's error
    unit = _UNITS.get(src.types[date], "us") if src.types[date].startswith("TIMESTAMP") else "us"
    dtype = np.dtype(f"datetime64[{unit}]")
    # Two statements on clean data: the checks are one count of bad rows (a missing value, an
    # infinite amount, an unreadable date or flag) in a scan without GROUP BY; only when it is not
    # zero do the checks run one by one, to name the column and the first offender in the error.
    dsql = _date_sql_unchecked(src, date)
    flag, bad_flag = _flag_parts(src, is_return) if is_return else (None, None)
    rule = purchase_rule_sql(_q(amount), is_return=is_return, tender=tender, flag=flag)
    problems = [f"{_q(c)} IS NULL" for c in complete + ([is_return] if is_return else [])]
    problems += [f"isinf({_q(c)})" for c in numeric if src.types[c] in _FLOATS]
    if src.types[date] == "VARCHAR":
        problems.append(f"({dsql}) IS NULL")
    if bad_flag:
        problems.append(f"coalesce({bad_flag}, FALSE)")
    cst = None
    if cost:
        cst = f"CAST({_q(cost)} AS DOUBLE)"
        if is_return:
            cst = f"(CASE WHEN {rule['ret']} THEN -abs({cst}) ELSE {cst} END)"
        if tender:
            cst = f"(CASE WHEN {rule['lost']} THEN 0.0 ELSE {cst} END)"
    as_of_i8 = None if as_of is None else _timestamp_i8(as_of, dtype, func=func)
    base = (f"SELECT {_q(customer)} AS c, {_epoch(dsql, unit)} AS d, {rule['amt']} AS a, {rule['ret']} AS r, "
            f"{rule['buy']} AS b, ({' OR '.join(problems)}) AS bad" + (f", {cst} AS k" if cst else "")
            + (f", {_q(order)} AS o" if order else "") + " FROM t")
    return {"base": base, "dtype": dtype, "as_of_i8": as_of_i8, "cst": cst, "numeric": numeric,
            "complete": complete}


def _summary_scan(src: "Source", plan: dict, *, customer, date, is_return, func) -> tuple[int, int, int, int, int]:
    """summarize_customers, step 1: one scan without a GROUP BY (cheap: no hash table) for the checks,
    as_of, and whether there are returns, lost tenders or rows after as_of at all (if not, the GROUP BY
    needs no FILTER for them). Returns the row count, non-purchases, return rows, rows after as_of, as_of."""
    base, as_of_i8, dtype = plan["base"], plan["as_of_i8"], plan["dtype"]
    numeric, complete = plan["numeric"], plan["complete"]
    after = "0" if as_of_i8 is None else f"count(*) FILTER (WHERE d > {as_of_i8})"
    n_rows, n_bad, d_max, n_not_buy, n_ret_rows, n_after = src.one(
        f"SELECT count(*), count(*) FILTER (WHERE bad), max(d), count(*) FILTER (WHERE NOT b), "
        f"count(*) FILTER (WHERE r), {after} FROM ({base})")
    if n_bad:   # name the column and the first offender, as the pandas path does
        stats = _profile(src, numeric=numeric, complete=complete + ([is_return] if is_return else []))
        _check_numeric(src, numeric, func=func, customer=customer, inf=stats["inf"])
        _check_no_missing(src, complete, func=func, customer=customer, missing=stats["missing"])
        _date_sql(src, date, func=func, customer=customer)
        if is_return:
            _check_no_missing(src, [is_return], func=func, customer=customer, missing=stats["missing"])
            _flag_sql(src, is_return, func=func, customer=customer)
        raise AssertionError(f"{func}: a bad row was counted but no check named it; please report this.")
    _check_rows(src, func, n_rows)
    if as_of_i8 is None:
        as_of_i8 = int(d_max)
    elif n_after == n_rows:
        raise CRMDataError(
            f"{func}: every transaction is after as_of={pd.Timestamp(np.int64(as_of_i8).view(dtype))}; "
            "nothing to summarise. Pass a later as_of.")
    return int(n_rows), int(n_not_buy), int(n_ret_rows), int(n_after), int(as_of_i8)


def _summary_aggregates(*, n_not_buy, n_ret_rows, n_after, as_of_i8, order, cst) -> tuple[list[str], str]:
    """summarize_customers, step 2: the GROUP BY's aggregates, only those these data need."""
    inside = f" AND d <= {as_of_i8}" if n_after else ""
    b, r = f"b{inside}", f"r{inside}"
    if n_not_buy == 0 and not inside:   # every row is a purchase
        aggs = ["count(*) AS nb", "min(d) AS first", "max(d) AS last"]
        if order:
            aggs.append("count(DISTINCT o) AS freq")
    else:
        aggs = [f"count(*) FILTER (WHERE {b}) AS nb", f"coalesce(min(d) FILTER (WHERE {b}), 0) AS first",
                f"coalesce(max(d) FILTER (WHERE {b}), 0) AS last"]
        if order:
            aggs.append(f"count(DISTINCT o) FILTER (WHERE {b}) AS freq")
    aggs.append(f"sum(a) FILTER (WHERE TRUE{inside}) AS monetary" if inside else "sum(a) AS monetary")
    if n_ret_rows:
        aggs += [(f"count(DISTINCT o) FILTER (WHERE {r})" if order else f"count(*) FILTER (WHERE {r})") + " AS n_ret",
                 f"coalesce(sum(-a) FILTER (WHERE {r}), 0.0) AS ret_amt"]
    if cst:
        aggs.append(f"sum(a - k) FILTER (WHERE TRUE{inside}) AS margin" if inside else "sum(a - k) AS margin")
    if inside:
        aggs.append(f"count(*) FILTER (WHERE d <= {as_of_i8}) AS n_in")
    return aggs, inside


def _summary_frame(get: dict, index: pd.Index, *, as_of_i8, dtype, cost: bool, customers, customer, n_after,
                   excluded_customers, func) -> pd.DataFrame:
    """summarize_customers, last step: the pandas path's table from the grouped arrays."""
    from ..customers import _align, _safe_ratio, _to_dates, _whole_days

    seen = get["nb"] > 0
    first, last = get["first"].astype(np.int64), get["last"].astype(np.int64)
    freq = get["freq"].astype(np.int64)
    monetary = get["monetary"].astype(np.float64)
    cols: dict[str, Any] = {
        "first_purchase": _to_dates(first, seen, dtype),
        "last_purchase": _to_dates(last, seen, dtype),
        "recency_days": _whole_days(as_of_i8 - last, seen, dtype),
        "frequency": freq,
        "monetary": monetary,
        "avg_order_value": _safe_ratio(monetary, freq),
        "tenure_days": _whole_days(as_of_i8 - first, seen, dtype),
        "n_returns": get["n_ret"].astype(np.int64),
        "return_amount": get["ret_amt"].astype(np.float64),
    }
    if cost:
        margin = get["margin"].astype(np.float64)
        cols["margin"] = margin
        cols["margin_rate"] = _safe_ratio(margin, monetary)
    out = pd.DataFrame(cols, index=index, copy=False)
    out = _align(out, customers, customer, func=func,
                 zero=["frequency", "monetary", "n_returns", "return_amount", "margin"])
    out.attrs["as_of"] = pd.Timestamp(np.int64(as_of_i8).view(dtype))
    out.attrs["excluded_rows"] = int(n_after)
    out.attrs["excluded_customers"] = int(excluded_customers)
    return out


# --------------------------------------------------------------------------------------------
# rfm_summary
# --------------------------------------------------------------------------------------------
def rfm_summary(source: Any, *, customer, date, amount, as_of, unit, calibration_end, holdout_end,
                is_return, tender) -> pd.DataFrame:
    """:func:`crmlearn.clv.rfm_summary` on a file or relation, reduced in DuckDB."""
    import warnings

    from .._validation import check_choice
    from ..clv import UNIT_DAYS, _as_day_string, _rfm_period

    func = "rfm_summary"
    src = Source(source, func=func)
    if not isinstance(unit, str):
        raise TypeError(f"{func}: unit must be a string such as 'D' or 'W', got {type(unit).__name__}.")
    check_choice(unit, list(UNIT_DAYS), func=func, param="unit")
    sign, rule = _rfm_checks(src, customer=customer, date=date, amount=amount, as_of=as_of,
                             calibration_end=calibration_end, holdout_end=holdout_end, is_return=is_return,
                             tender=tender, func=func)
    dsql, _ = _date_sql(src, date, func=func, customer=customer)
    day = f"(CAST({dsql} AS DATE) - DATE '1970-01-01')"
    amt = rule["amt"] if amount is not None else "0.0"
    base = f"SELECT {_q(customer)} AS c, {day} AS day, {amt} AS a, {rule['ret']} AS r, {rule['buy']} AS b FROM t"
    max_day = int(src.one(f"SELECT max(day) FROM ({base})")[0])
    end_day, end_name, hold_day = _rfm_period(np.array([max_day]), as_of=as_of, calibration_end=calibration_end,
                                              holdout_end=holdout_end, func=func)
    E = int(end_day)
    H = int(hold_day) if hold_day is not None else E
    res = src.query(_rfm_grouped_sql(base, E, H)).fetchnumpy()
    get = {k: np.asarray(v) for k, v in res.items()}
    n_buyers = int((get["buy_days"] > 0).sum())
    keep = get["n_days"] > 0
    if not keep.any():
        buy_days = src.one(f"SELECT min(day) FROM ({base}) WHERE b")[0]
        first_day = _as_day_string(buy_days) if buy_days is not None else "never (no purchase rows)"
        raise CRMDataError(f"{func}: no purchase on or before {end_name} ({_as_day_string(end_day)}); "
                           f"the first purchase is on {first_day}. Pass a later date.")
    out = _rfm_columns(get, keep, E=E, end_day=end_day, hold_day=hold_day, scale=UNIT_DAYS[unit],
                       with_amount=amount is not None)
    index = _index(get["c"][keep], src, customer)
    result = pd.DataFrame(out, index=index)
    try:
        order_ix = np.argsort(index.to_numpy(), kind="stable")
        result = result.iloc[order_ix]
    except TypeError:
        pass
    left_out = n_buyers - int(keep.sum())
    if left_out:
        warnings.warn(f"{func}: {left_out} customers first bought after {end_name} "
                      f"({_as_day_string(end_day)}) and are left out: the summary describes customers "
                      "acquired by then.", UserWarning, stacklevel=3)
    return result


def _rfm_checks(src: "Source", *, customer, date, amount, as_of, calibration_end, holdout_end, is_return, tender,
                func) -> tuple[str | None, dict]:
    """rfm_summary, step: the checks of the pandas path, and the purchase rule in SQL."""
    from .._validation import round_off_tolerance
    from ..clv import _check_period_args
    from .purchases import DEFAULT

    check_columns(src.empty, [customer], func=func, param="customer")
    check_columns(src.empty, [date], func=func, param="date")
    sign = amount if amount is not None else _optional(src, DEFAULT, "amount", func=func, param="amount")
    if amount is not None:
        check_columns(src.empty, [amount], func=func, param="amount")
    _check_rows(src, func)
    if sign:
        _check_numeric(src, [sign], func=func, customer=customer)
    _check_no_missing(src, [customer, date] + ([sign] if sign else []), func=func, customer=customer)
    _check_period_args(as_of, calibration_end, holdout_end, func=func)
    is_return = _optional(src, is_return, "is_return", func=func, param="is_return")
    tender = _optional(src, tender, "tender_result", func=func, param="tender")
    flag = _flag_sql(src, is_return, func=func, customer=customer) if is_return else None
    if is_return:
        _check_no_missing(src, [is_return], func=func, customer=customer)
    rule = purchase_rule_sql(_q(sign) if sign else None, is_return=is_return, tender=tender, flag=flag)
    if amount is not None:
        raw = f"CAST({_q(amount)} AS DOUBLE)"
        top = src.one(f"SELECT max(abs({raw})) FROM t WHERE {rule['buy']}")[0]
        tol = round_off_tolerance(np.array([top if top is not None else 0.0]))
        neg = f"{rule['buy']} AND {raw} < {-tol!r}"
        n = src.one(f"SELECT count(*) FROM t WHERE {neg}")[0]
        if n:
            who, v = _first(src, neg, customer=customer, col=amount)
            raise CRMDataError(
                f"{func}: {rows_have(int(n))} a negative '{amount}' value (first: {who}, value {float(v)!r}). "
                "Remove returns or credit notes first, or pass a column that cannot be negative.")
    return sign, rule


def _rfm_grouped_sql(base: str, E: int, H: int) -> str:
    """rfm_summary, step: purchase days per customer and day, then per customer (calibration to day E,
    holdout to day H)."""
    daily = (f"SELECT c, day, count(*) FILTER (WHERE b) AS nb, sum(a) FILTER (WHERE b) AS buy_amt, "
             f"sum(a) FILTER (WHERE r) AS ret_amt, sum(a) FILTER (WHERE b OR r) AS any_amt "
             f"FROM ({base}) GROUP BY c, day")
    cal = f"nb > 0 AND day <= {E}"
    sql = (f"SELECT c, count(*) FILTER (WHERE {cal}) AS n_days, coalesce(min(day) FILTER (WHERE {cal}), 0) AS first, "
           f"coalesce(max(day) FILTER (WHERE {cal}), 0) AS last, "
           f"coalesce(sum(buy_amt) FILTER (WHERE {cal}), 0.0) AS total, "
           f"coalesce(arg_min(buy_amt, day) FILTER (WHERE {cal}), 0.0) AS first_amt, "
           f"coalesce(sum(ret_amt) FILTER (WHERE day <= {E}), 0.0) AS returned, "
           f"count(*) FILTER (WHERE nb > 0) AS buy_days, "
           f"count(*) FILTER (WHERE nb > 0 AND day > {E} AND day <= {H}) AS hn, "
           f"coalesce(sum(any_amt) FILTER (WHERE day > {E} AND day <= {H}), 0.0) AS htotal "
           f"FROM ({daily}) GROUP BY c")
    return sql


def _rfm_columns(get: dict, keep: np.ndarray, *, E, end_day, hold_day, scale, with_amount) -> dict:
    """rfm_summary, step: the summary's columns from the grouped arrays (customers in ``keep``)."""
    from .._validation import clip_round_off

    first, last = get["first"].astype(np.int64), get["last"].astype(np.int64)
    freq = (get["n_days"] - 1).astype(np.int64)
    out: dict[str, Any] = {"frequency": freq[keep], "recency": ((last - first) / scale)[keep],
                           "T": ((E - first) / scale)[keep]}
    if with_amount:
        rep = get["total"] - get["first_amt"] + get["returned"]
        rep = np.maximum(clip_round_off(rep), 0.0)[keep]
        with np.errstate(invalid="ignore", divide="ignore"):
            out["monetary_value"] = np.where(freq[keep] > 0, rep / np.maximum(freq[keep], 1), 0.0)
    if hold_day is not None:
        hn = get["hn"][keep].astype(np.int64)
        out["frequency_holdout"] = hn
        if with_amount:
            htotal = np.maximum(clip_round_off(get["htotal"][keep]), 0.0)
            out["monetary_value_holdout"] = np.where(hn > 0, htotal / np.maximum(hn, 1), 0.0)
        out["duration_holdout"] = np.full(int(keep.sum()), (hold_day - end_day) / scale)
    return out


# --------------------------------------------------------------------------------------------
# per-customer tables
# --------------------------------------------------------------------------------------------
def read_table(source: Any, *, func: str) -> pd.DataFrame:
    """A per-customer table from files or a relation, read through DuckDB into pandas.

    Parquet files written by pandas get their index back (as :func:`pandas.read_parquet` does);
    CSV files and relations get a fresh RangeIndex (as :func:`pandas.read_csv` does).
    """
    src = Source(source, func=func, name="data")
    if src.con is not None:   # the table's own row order matters here (ties keep table order)
        src.con.execute("SET preserve_insertion_order = true")
    df = src.rel.df()
    index = src.pandas_metadata_index()
    if index:
        df = df.set_index(index)
        df.index.names = [None if str(n).startswith("__index_level_") else n for n in df.index.names]
    return df
