"""The course's sample data: one invented company, Huaxin Office Supplies Co. (华信办公用品).

Eleven tables about the same customers (plus a separate telecom subscriber base and a small airline
table), generated with a fixed seed by :mod:`crmlearn.datasets.generate`.

>>> from crmlearn.datasets import list_datasets, load_dataset
>>> list_datasets()[:3]
['customers', 'customers_raw', 'transactions']
>>> customers = load_dataset("customers")
>>> customers.shape
(1500, 35)
>>> customers["first_order_date"].dtype.kind
'M'

Where the files are: :func:`data_dir`. Every table has a data card (:func:`describe_dataset`) and
the whole set is described in ``datapackage.json`` (:func:`dataset_overview`).
"""
from __future__ import annotations

import difflib
import io
import json
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .._validation import CRMDataError
from ._schema import DATASETS, DATETIME_FORMAT, dataset_names, render_card

__all__ = ["list_datasets", "dataset_overview", "load_dataset", "describe_dataset", "data_dir"]

_CACHE: dict[tuple, pd.DataFrame] = {}


def data_dir() -> Path:
    """The folder the dataset files are read from.

    ``$CRMLEARN_DATA`` if that environment variable is set, else the ``datasets`` folder of the
    repository (next to the ``crmlearn`` package). When a CSV file is not there (for instance after
    a non-editable install, which does not ship the CSVs), :func:`load_dataset` generates the table
    in memory instead: the generator is deterministic, so the result is the same data.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> data_dir().name
    'datasets'
    """
    env = os.environ.get("CRMLEARN_DATA")
    if env:
        return Path(env).expanduser()
    return Path(__file__).resolve().parents[2] / "datasets"


def list_datasets() -> list[str]:
    """Names of the course datasets, in the order of ``datapackage.json``.

    Returns
    -------
    list of str

    See Also
    --------
    dataset_overview : rows, columns and a one-line description of each.
    load_dataset : load one as a DataFrame.

    Examples
    --------
    >>> list_datasets()
    ['customers', 'customers_raw', 'transactions', 'payments', 'contacts', 'survey',
     'share_of_wallet', 'subscribers', 'ka_cards', 'ka_contacts', 'cabin_fares', 'mystery_shopper']
    """
    return dataset_names()


def _check_name(name, func: str) -> str:
    if not isinstance(name, str):
        raise TypeError(f"{func}: name must be a string such as 'customers', got {type(name).__name__} {name!r}.")
    if name in DATASETS:
        return name
    names = dataset_names()
    guess = difflib.get_close_matches(name.lower().strip().removesuffix(".csv"), names, n=1, cutoff=0.4)
    hint = f" Did you mean '{guess[0]}'?" if guess else ""
    raise CRMDataError(f"{func}: no dataset named {name!r}.{hint} Available: {names}.")


def _read_csv_text(source, name: str) -> pd.DataFrame:
    """Read one dataset's CSV (a path or the CSV text) and type its columns from the schema."""
    fields = DATASETS[name]["fields"]
    dtype = {}
    for f in fields:
        dtype[f["name"]] = {"boolean": "boolean", "integer": "Int64", "number": "float64"}.get(f["type"], "str")
    if isinstance(source, str) and "\n" in source:
        source = io.StringIO(source)
    # keep_default_na=False: 'n/a' is a real value (tender_result); only empty cells are missing
    df = pd.read_csv(source, dtype=dtype, keep_default_na=False, na_values=[""], encoding="utf-8")
    expected = [f["name"] for f in fields]
    if list(df.columns) != expected:
        raise CRMDataError(
            f"load_dataset: the file for {name!r} has columns {list(df.columns)}, expected {expected}. "
            "Regenerate the data with `python -m crmlearn.datasets.generate datasets`."
        )
    for f in fields:
        col, kind = f["name"], f["type"]
        s = df[col]
        if kind == "category":
            cats = list(f["categories"])
            extra = sorted(set(s.dropna()) - set(cats))
            df[col] = pd.Categorical(s, categories=cats + extra, ordered=f.get("ordered", False))
        elif kind == "date":
            df[col] = pd.to_datetime(s, format="%Y-%m-%d")
        elif kind == "datetime":
            df[col] = pd.to_datetime(s, format=DATETIME_FORMAT)
        elif kind == "integer" and not s.isna().any():
            df[col] = s.astype("int64")
        elif kind == "boolean" and not s.isna().any():
            df[col] = s.astype(bool)
    return df


@lru_cache(maxsize=1)
def _generated() -> dict[str, pd.DataFrame]:
    from .generate import generate_all

    return generate_all()


def load_dataset(name: str) -> pd.DataFrame:
    """Load one course dataset as a typed DataFrame.

    Dates are ``datetime64``, category columns pandas ``category`` (with the documented values as
    categories, ordered where the values have an order), booleans ``bool`` (``boolean`` where some
    are missing), whole numbers ``int64`` (``Int64`` where some are missing), ids and text strings.
    The index is a fresh ``RangeIndex``. Each call returns a new copy, so changing it is safe.

    Parameters
    ----------
    name : str
        One of :func:`list_datasets`, e.g. ``"customers"`` or ``"transactions"``.

    Returns
    -------
    pandas.DataFrame
        The columns described in the data card (:func:`describe_dataset`).

    Raises
    ------
    TypeError
        If ``name`` is not a string.
    CRMDataError
        If there is no dataset of that name (the message lists the names and the closest match).

    See Also
    --------
    list_datasets, describe_dataset, dataset_overview

    Notes
    -----
    Files are read from :func:`data_dir`. If the CSV is not there, the table is generated in
    memory with :func:`crmlearn.datasets.generate.generate_all` (deterministic, a few seconds).

    Examples
    --------
    >>> tx = load_dataset("transactions")
    >>> tx.columns[:4].tolist()
    ['order_id', 'customer_id', 'order_date', 'product_line']
    >>> str(tx["product_line"].dtype)
    'category'
    >>> load_dataset("customer")
    Traceback (most recent call last):
    ...
    crmlearn._validation.CRMDataError: load_dataset: no dataset named 'customer'. Did you mean 'customers'? ...
    """
    name = _check_name(name, "load_dataset")
    path = data_dir() / f"{name}.csv"
    if path.is_file():
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
        if key not in _CACHE:
            for old in [k for k in _CACHE if k[0] == key[0]]:
                del _CACHE[old]
            _CACHE[key] = _read_csv_text(path, name)
        df = _CACHE[key]
    else:
        df = _generated()[name]
    return df.copy(deep=True)


def _package() -> dict | None:
    path = data_dir() / "datapackage.json"
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return None


def dataset_overview() -> pd.DataFrame:
    """One line per dataset: name, rows, columns and a short description (from ``datapackage.json``).

    Returns
    -------
    pandas.DataFrame
        Columns ``name``, ``rows``, ``columns``, ``description``; one row per dataset, in
        :func:`list_datasets` order. No CSV file is read.

    Examples
    --------
    >>> overview = dataset_overview()
    >>> overview.columns.tolist()
    ['name', 'rows', 'columns', 'description']
    >>> int(overview.set_index("name").loc["subscribers", "rows"])
    10000
    """
    pkg = _package()
    if pkg is not None:
        rows = [{"name": r["name"], "rows": int(r["rows"]), "columns": len(r["schema"]["fields"]),
                 "description": r["description"]} for r in pkg["resources"]]
    else:
        gen = _generated()
        rows = [{"name": n, "rows": len(gen[n]), "columns": len(spec["fields"]), "description": spec["description"]}
                for n, spec in DATASETS.items()]
    return pd.DataFrame(rows, columns=["name", "rows", "columns", "description"])


def describe_dataset(name: str) -> str:
    """The data card of a dataset (Markdown): what it is, every column, how it was made, chapters, licence.

    Parameters
    ----------
    name : str
        One of :func:`list_datasets`.

    Returns
    -------
    str
        The Markdown text of ``datasets/<name>.md``.

    Raises
    ------
    TypeError, CRMDataError
        As :func:`load_dataset`.

    Examples
    --------
    >>> print(describe_dataset("cabin_fares").splitlines()[0])
    # cabin_fares: Airline cabins (case 7-3: economy, business, first)
    """
    name = _check_name(name, "describe_dataset")
    path = data_dir() / f"{name}.md"
    if path.is_file():
        return path.read_text(encoding="utf-8")
    return render_card(name, len(_generated()[name]))
