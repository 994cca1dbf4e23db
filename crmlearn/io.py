"""Your own customer file in: :func:`read_transactions` and its import report.

Real exports are not the course's tidy table. They come with a byte-order mark, ``;`` or tab
separators and decimal commas, thousands separators and currency signs, Chinese headers, ids
that a spreadsheet turned into ``17850.0``, day-first dates, cancellations booked as negative
quantities or as invoice numbers with a prefix, and lines without a customer.
:func:`read_transactions` turns such a file into the transaction table every crmlearn function
reads (``customer_id``, ``order_date``, ``amount``, ``is_return`` and, where the file has them,
``order_id``, ``product_line``, ``quantity``, ``unit_price``), and says what it did.

Nothing is lost silently: a line that cannot be used (no customer, a zero price, an amount or
date that cannot be read) is set aside with its reason, counted with its value in the
:class:`ImportReport`, and kept in ``report.set_aside`` to look at or fix.

Conventions it applies (all reported):

- Column roles are found from the header names, in English or Chinese (``CustomerID``, ``客户编号``,
  ``InvoiceDate``, ``下单日期``, ``Quantity``/``数量``, ...). Give ``columns={"customer": "Kunde"}``
  for names it does not know; an ambiguous or missing role is an error listing the candidates.
- Amount: the amount column if there is one, else quantity x unit price.
- Returns: an ``is_return``-like column if present; else lines with a negative quantity (or
  amount), and lines whose invoice number carries a letter prefix the other invoices lack
  (``C536379`` beside ``536365``). A return's amount is negative.
- Dates: ISO dates as they are; other layouts are read day-first only when the data prove it (a
  first field above 12), month-first when they prove that, and otherwise ``dayfirst=`` must be
  given: a date is never silently misread. Time-zone offsets are converted to UTC and dropped.
"""
from __future__ import annotations

import csv
import io as _io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import numpy as np
import pandas as pd

from ._validation import CRMDataError

__all__ = ["read_transactions", "ImportReport", "ROLE_NAMES"]

FUNC = "read_transactions"

#: Header names (normalised: lower case, no spaces, dashes or underscores) recognised per role.
ROLE_NAMES: dict[str, tuple[str, ...]] = {
    "customer": ("customerid", "customer", "customerno", "customernumber", "custid", "clientid",
                 "client", "memberid", "buyerid", "accountid", "客户编号", "客户id", "客户代码",
                 "客户号", "客户", "顾客编号", "顾客id", "会员编号", "会员id", "会员号", "买家id"),
    "date": ("orderdate", "invoicedate", "date", "transactiondate", "purchasedate", "saledate",
             "orderdatetime", "datetime", "订单日期", "下单日期", "交易日期", "购买日期", "销售日期",
             "日期", "下单时间", "交易时间", "订单时间"),
    "amount": ("amount", "netamount", "lineamount", "linetotal", "total", "revenue", "sales",
               "salesamount", "value", "金额", "销售额", "订单金额", "交易金额", "实付金额", "成交金额",
               "销售金额"),
    "quantity": ("quantity", "qty", "units", "数量", "销售数量", "购买数量"),
    "unit_price": ("unitprice", "price", "unitcost", "单价", "价格", "销售单价"),
    "order": ("orderid", "invoiceno", "invoice", "invoiceid", "invoicenumber", "orderno",
              "ordernumber", "order", "transactionid", "订单号", "订单编号", "发票号", "单号"),
    "product": ("productline", "product", "productid", "stockcode", "sku", "item", "itemid",
                "category", "产品线", "产品", "商品", "商品编号", "品类", "产品编号"),
    "is_return": ("isreturn", "return", "returned", "isreturned", "退货", "是否退货"),
}
#: The library's name for each role's output column.
OUTPUT = {"customer": "customer_id", "date": "order_date", "amount": "amount",
          "quantity": "quantity", "unit_price": "unit_price", "order": "order_id",
          "product": "product_line", "is_return": "is_return"}
_CURRENCY_SIGNS = {"¥": "CNY", "￥": "CNY", "元": "CNY", "rmb": "CNY", "cny": "CNY", "$": "USD",
                   "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP"}
_TRUE = {"true", "1", "yes", "y", "t", "是", "退货", "return", "returned"}
_FALSE = {"false", "0", "no", "n", "f", "否", "", "nan", "none"}
_ID_FLOAT = re.compile(r"^(-?\d+)\.0+$")
_PREFIXED = re.compile(r"^([A-Za-z])(\d+)$")


@dataclass
class ImportReport:
    """What :func:`read_transactions` did to a file: roles, conventions, lines set aside.

    ``set_aside`` holds the lines that were not used, as read, with a ``reason`` column;
    ``summary()`` counts them with their value. Shown in a notebook it renders as a table.
    """

    source: str
    currency: str
    roles: dict[str, str]
    lines_read: int
    lines_kept: int
    value_kept: float
    set_aside: pd.DataFrame
    notes: list[str] = field(default_factory=list)

    def summary(self) -> pd.DataFrame:
        """One row per outcome: kept, and each reason lines were set aside, with lines and value."""
        rows = [("kept", self.lines_kept, self.value_kept)]
        if len(self.set_aside):
            g = self.set_aside.groupby("reason", sort=True)["_value"]
            rows += [(f"set aside: {r}", int(n), float(v)) for r, n, v in
                     zip(g.size().index, g.size().to_numpy(), g.sum().to_numpy())]
        return pd.DataFrame(rows, columns=["outcome", "lines", f"value ({self.currency})"])

    @property
    def lines_set_aside(self) -> int:
        return int(len(self.set_aside))

    @property
    def value_set_aside(self) -> float:
        return float(self.set_aside["_value"].sum()) if len(self.set_aside) else 0.0

    def __str__(self) -> str:
        lines = [f"Imported {self.source}: {self.lines_read:,} lines read, {self.lines_kept:,} kept "
                 f"({self.value_kept:,.2f} {self.currency}), {self.lines_set_aside:,} set aside "
                 f"({self.value_set_aside:,.2f} {self.currency})."]
        lines.append("Columns: " + ", ".join(f"{OUTPUT[r]} <- {c!r}" for r, c in self.roles.items()))
        lines += [f"- {n}" for n in self.notes]
        if self.lines_set_aside:
            for _, row in self.summary().iloc[1:].iterrows():
                lines.append(f"- {row['outcome']}: {row['lines']:,} lines, {row.iloc[2]:,.2f} {self.currency}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        import html
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in self.notes)
        return (f"<p>{html.escape(str(self).splitlines()[0])}</p><ul>{notes}</ul>"
                + self.summary().to_html(index=False, float_format=lambda v: f"{v:,.2f}"))


def _norm(name: Any) -> str:
    text = unicodedata.normalize("NFKC", str(name)).strip().lower()
    return re.sub(r"[\s_\-./()（）]+", "", text)


def _read_source(source, *, sheet) -> tuple[pd.DataFrame, str, list[str]]:
    """The raw table, every cell as text where the format allows, and how it was read."""
    notes: list[str] = []
    if isinstance(source, pd.DataFrame):
        return source.copy(), "a DataFrame", notes
    if hasattr(source, "to_pandas") and not isinstance(source, (str, Path)):
        raise TypeError(f"{FUNC}: got a {type(source).__name__}; convert it with .to_pandas() first.")
    if not isinstance(source, (str, Path)):
        raise TypeError(f"{FUNC}: source must be a file path or a pandas DataFrame, "
                        f"got {type(source).__name__}.")
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"{FUNC}: no file {str(path)!r}.")
    suffix = path.suffix.lower()
    if suffix in (".parquet", ".pq"):
        return pd.read_parquet(path), path.name, notes
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return pd.read_excel(path, sheet_name=sheet or 0, dtype=str), path.name, notes
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = raw.decode("latin-1")
        encoding = "latin-1"
    if raw.startswith(b"\xef\xbb\xbf"):
        notes.append("the file starts with a byte-order mark (removed)")
    if encoding != "utf-8-sig":
        notes.append(f"text encoding {encoding}")
    sample = "\n".join(text.splitlines()[:50])
    try:
        sep = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        sep = ","
    if sep != ",":
        notes.append(f"columns separated by {'tab' if sep == chr(9) else repr(sep)}")
    table = pd.read_csv(_io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    table.attrs["_sep"] = sep
    return table, path.name, notes


def _find_roles(table: pd.DataFrame, columns: Mapping[str, str] | None) -> dict[str, str]:
    names = [str(c) for c in table.columns]
    dup = sorted({c for c in names if names.count(c) > 1})
    if dup:
        raise CRMDataError(f"{FUNC}: the file has duplicate column names {dup}; rename them first.")
    given = dict(columns or {})
    unknown = sorted(set(given) - set(ROLE_NAMES))
    if unknown:
        raise CRMDataError(f"{FUNC}: unknown role(s) {unknown} in columns=. Roles: {sorted(ROLE_NAMES)}.")
    for role, col in given.items():
        if not isinstance(col, str):
            raise TypeError(f"{FUNC}: columns[{role!r}] must be a column name, got {type(col).__name__}.")
        if col not in names:
            raise CRMDataError(f"{FUNC}: columns[{role!r}] = {col!r} is not a column. Available: {names}.")
    roles = dict(given)
    taken = set(given.values())
    normalised = {c: _norm(c) for c in names if c not in taken}
    for role, known in ROLE_NAMES.items():
        if role in roles:
            continue
        hits = [c for c, n in normalised.items() if n in known and c not in roles.values()]
        if len(hits) > 1:  # prefer the earliest name in the role's list (the most specific)
            rank = {c: known.index(normalised[c]) for c in hits}
            best = min(rank.values())
            hits = [c for c in hits if rank[c] == best]
        if len(hits) > 1:
            raise CRMDataError(f"{FUNC}: more than one column could be the {role}: {hits}. "
                               f"Pass columns={{'{role}': '...'}} to choose.")
        if hits:
            roles[role] = hits[0]
    if "customer" not in roles:
        raise CRMDataError(f"{FUNC}: no customer column found among {names}. "
                           "Pass columns={'customer': '<your column>'}.")
    if "date" not in roles:
        raise CRMDataError(f"{FUNC}: no date column found among {names}. "
                           "Pass columns={'date': '<your column>'}.")
    if "amount" not in roles and not {"quantity", "unit_price"} <= set(roles):
        raise CRMDataError(f"{FUNC}: no amount column, and not both quantity and unit price, found "
                           f"among {names}. Pass columns={{'amount': '...'}} (or 'quantity' and 'unit_price').")
    return roles


def _as_text(s: pd.Series) -> pd.Series:
    out = s.astype("string").str.strip()
    if out.str.isascii().fillna(True).all():
        return out
    return out.str.normalize("NFKC")


def _by_unique(s: pd.Series, parse) -> pd.Series:
    """``parse`` applied to the distinct values only (exports repeat ids and dates a lot)."""
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    parsed = parse(pd.Series(uniques, dtype=s.dtype))
    values = parsed.to_numpy()
    taken = values.take(np.where(codes < 0, 0, codes)) if len(values) else np.full(len(s), None)
    out = pd.Series(taken, index=s.index, dtype=parsed.dtype)
    return out.mask(codes < 0)


def _decimal_comma(text: pd.Series, sep: str, decimal: str | None) -> bool:
    """Whether numbers in this column write the decimal with a comma."""
    if decimal is not None:
        return decimal == ","
    t = text.dropna()
    t = t[t.str.contains(r"\d", regex=True)]
    if t.empty:
        return False
    both = t[t.str.contains(",", regex=False) & t.str.contains(".", regex=False)]
    if len(both):
        return bool((both.str.rfind(",") > both.str.rfind(".")).mean() > 0.5)
    commas = t[t.str.contains(",", regex=False)]
    if commas.empty:
        return False
    thousands_like = commas.str.fullmatch(r"[^\d]*-?\d{1,3}(,\d{3})+[^\d]*")
    if not thousands_like.all():
        return True
    return sep == ";"


def _parse_numbers(s: pd.Series, *, role: str, sep: str, decimal: str | None, notes: list[str]):
    """Numbers from text with currency signs, thousands separators and decimal commas.

    Returns (values as float with NaN where unreadable, the currency sign found or None).
    """
    if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        return pd.to_numeric(s, errors="coerce").astype("float64"), None
    t = _as_text(s)
    low = t.str.lower()
    sign = None
    for mark, code in _CURRENCY_SIGNS.items():
        if low.str.contains(mark, regex=False).any():
            sign = code
            break
    if t.str.contains(r"[^0-9.,()+\-]", regex=True).fillna(False).any():
        t = _by_unique(t, lambda u: u.str.replace(r"(?i)(us\$|rmb|cny|usd|eur|gbp|[¥￥$€£元\s'])", "", regex=True))
    negative = t.str.fullmatch(r"\(.*\)").fillna(False)
    t = t.str.strip("()")
    if _decimal_comma(t, sep, decimal):
        t = t.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        notes.append(f"{role}: decimal commas read as decimal points")
    elif t.str.contains(",", regex=False).any():
        t = t.str.replace(",", "", regex=False)
        notes.append(f"{role}: thousands separators removed")
    values = pd.to_numeric(t.replace("", pd.NA), errors="coerce").astype("float64")
    values = values.where(~negative.to_numpy(), -values)
    return values, sign


def _parse_ids(s: pd.Series, role: str, notes: list[str]) -> pd.Series:
    if pd.api.types.is_float_dtype(s):
        whole = s.dropna()
        if len(whole) and (whole == np.floor(whole)).all():
            notes.append(f"{role}: numeric ids written as whole numbers (17850.0 -> '17850')")
            return s.map(lambda v: pd.NA if pd.isna(v) else str(int(v))).astype("string")
    t = _as_text(s)
    fixed = _by_unique(t, lambda u: u.str.replace(_ID_FLOAT.pattern, r"\1", regex=True))
    if (fixed != t).fillna(False).any():
        notes.append(f"{role}: float-looking ids such as '17850.0' read as '17850'")
    return fixed.replace({"": pd.NA, "nan": pd.NA, "NaN": pd.NA, "None": pd.NA})


def _parse_dates(s: pd.Series, *, dayfirst: bool | None, notes: list[str]) -> pd.Series:
    """Dates: ISO as is; other layouts day- or month-first only when proved or told."""
    if pd.api.types.is_datetime64_any_dtype(s):
        values = s
    else:
        t = _as_text(s).replace("", pd.NA)
        values = _by_unique(t, lambda u: _parse_date_text(u, dayfirst=dayfirst, notes=notes))
    tz = getattr(values.dt, "tz", None)
    if tz is not None:
        if not pd.api.types.is_datetime64_any_dtype(s) and _has_offsets(s):
            notes.append("date: time-zone offsets converted to UTC")
        values = values.dt.tz_convert("UTC").dt.tz_localize(None)
    return values.astype("datetime64[ns]")


def _parse_date_text(t: pd.Series, *, dayfirst: bool | None, notes: list[str]) -> pd.Series:
    values = pd.to_datetime(t, format="ISO8601", errors="coerce", utc=True)
    bad = values.isna() & t.notna()
    if bad.any():
        values = values.where(~bad, _parse_non_iso(t[bad], dayfirst=dayfirst, notes=notes))
    return values


def _has_offsets(s: pd.Series) -> bool:
    return bool(_as_text(s).str.contains(r"(?:[+-]\d{2}:?\d{2}|Z)$", regex=True).fillna(False).any())


def _parse_non_iso(t: pd.Series, *, dayfirst: bool | None, notes: list[str]) -> pd.Series:
    parts = t.str.extract(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})(.*)$")
    first = pd.to_numeric(parts[0], errors="coerce")
    second = pd.to_numeric(parts[1], errors="coerce")
    proves_day = bool((first > 12).any())
    proves_month = bool((second > 12).any())
    if proves_day and proves_month:
        raise CRMDataError(f"{FUNC}: the date column mixes day-first and month-first dates "
                           f"(e.g. {t[first > 12].iloc[0]!r} and {t[second > 12].iloc[0]!r}); "
                           "fix the file or split it.")
    if dayfirst is None:
        if proves_day:
            dayfirst = True
            notes.append(f"date: day-first dates (e.g. {t[first > 12].iloc[0]!r} has no month {int(first[first > 12].iloc[0])})")
        elif proves_month:
            dayfirst = False
            notes.append(f"date: month-first dates (e.g. {t[second > 12].iloc[0]!r} has no month {int(second[second > 12].iloc[0])})")
        elif parts[0].notna().any() and bool(((first <= 12) & (second <= 12) & (first != second)).any()):
            example = t[(first <= 12) & (second <= 12) & (first != second)].iloc[0]
            raise CRMDataError(f"{FUNC}: dates such as {example!r} could be day-first or month-first, "
                               "and no date in the file tells which. Pass dayfirst=True or dayfirst=False.")
        else:
            dayfirst = False
    else:
        if (dayfirst and proves_month) or (not dayfirst and proves_day):
            raise CRMDataError(f"{FUNC}: dayfirst={dayfirst} contradicts the file's dates "
                               f"(e.g. {t[(second if dayfirst else first) > 12].iloc[0]!r}).")
        notes.append(f"date: read {'day' if dayfirst else 'month'}-first as told (dayfirst={dayfirst})")
    day, month = (first, second) if dayfirst else (second, first)
    year = pd.to_numeric(parts[2], errors="coerce")
    year = year.where(year >= 100, year + 2000)
    rest = parts[3].fillna("").str.strip()
    iso = (year.astype("Int64").astype("string") + "-" + month.astype("Int64").astype("string").str.zfill(2)
           + "-" + day.astype("Int64").astype("string").str.zfill(2) + " " + rest)
    return pd.to_datetime(iso.str.strip(), format="ISO8601", errors="coerce", utc=True)


def _parse_flags(s: pd.Series) -> pd.Series:
    if pd.api.types.is_bool_dtype(s):
        return s.fillna(False).astype(bool)
    t = _as_text(s).str.lower().fillna("")
    unknown = ~t.isin(_TRUE | _FALSE)
    if unknown.any():
        raise CRMDataError(f"{FUNC}: the return column has values that are not yes/no, "
                           f"e.g. {t[unknown].iloc[0]!r} in row {int(np.flatnonzero(unknown.to_numpy())[0])}. "
                           "Use True/False (or yes/no, 是/否), or map another column with columns={'is_return': ...}.")
    return t.isin(_TRUE)


def read_transactions(source, *, columns: Mapping[str, str] | None = None, dayfirst: bool | None = None,
                      currency: str | None = None, decimal: str | None = None, sheet=None):
    """Read your own transaction file (CSV, Excel, Parquet or a DataFrame) into crmlearn's table.

    Parameters
    ----------
    source : str, Path or pandas.DataFrame
        A ``.csv``/``.txt`` file (any of ``,`` ``;`` tab ``|`` separators, UTF-8 with or without
        a byte-order mark, or GB18030), ``.xlsx``, ``.parquet``, or a DataFrame (not changed).
    columns : dict, optional
        Roles to columns where the names are not recognised, e.g. ``{"customer": "Kunde",
        "date": "Datum"}``. Roles: customer, date, amount, quantity, unit_price, order, product,
        is_return.
    dayfirst : bool, optional
        How to read dates like ``03/04/2024``. Needed only when no date in the file proves it.
    currency : str, optional
        The file's currency (e.g. ``"GBP"``), used in every label of the report. Without it the
        currency sign in the amounts is used if there is one, else the labels say "money".
    decimal : {",", "."}, optional
        The decimal mark, when the file cannot tell (``"1,234"`` with ``;`` separators).
    sheet : str or int, optional
        The Excel sheet (default the first).

    Returns
    -------
    transactions : pandas.DataFrame
        ``customer_id`` (text), ``order_date`` (datetime), ``amount`` (float, negative on returns),
        ``is_return`` (bool), and ``order_id``, ``product_line``, ``quantity``, ``unit_price`` when
        the file has them, then the file's other columns unchanged.
    report : ImportReport
        What was read, the conventions applied, and the lines set aside (``report.set_aside``).

    Raises
    ------
    CRMDataError
        A role is missing or ambiguous, dates cannot be told apart (pass ``dayfirst=``), or a
        column mapping is wrong. TypeError for a source of the wrong type.

    Examples
    --------
    >>> import pandas as pd
    >>> raw = pd.DataFrame({"Invoice": ["536365", "C536379"], "CustomerID": [17850.0, 17850.0],
    ...                     "InvoiceDate": ["2010-12-01", "2010-12-02"], "Quantity": [6, -1],
    ...                     "UnitPrice": [2.55, 2.55]})
    >>> tx, report = read_transactions(raw, currency="GBP")
    >>> tx[["customer_id", "amount", "is_return"]]
      customer_id  amount  is_return
    0       17850   15.30      False
    1       17850   -2.55       True
    """
    if currency is not None and not isinstance(currency, str):
        raise TypeError(f"{FUNC}: currency must be text such as 'CNY', got {type(currency).__name__}.")
    if dayfirst is not None and not isinstance(dayfirst, bool):
        raise TypeError(f"{FUNC}: dayfirst must be True, False or None, got {dayfirst!r}.")
    if decimal not in (None, ",", "."):
        raise CRMDataError(f"{FUNC}: decimal must be ',' or '.', got {decimal!r}.")
    raw, name, notes = _read_source(source, sheet=sheet)
    sep = raw.attrs.pop("_sep", ",")
    roles = _find_roles(raw, columns)
    reasons = pd.Series(pd.NA, index=raw.index, dtype="string")

    def set_aside(mask, why):
        mask = pd.Series(mask, index=raw.index).fillna(False).astype(bool) & reasons.isna()
        reasons[mask] = why

    out = pd.DataFrame(index=raw.index)
    out["customer_id"] = _parse_ids(raw[roles["customer"]], "customer_id", notes)
    set_aside(out["customer_id"].isna(), "no customer")
    dates_text = raw[roles["date"]]
    out["order_date"] = _parse_dates(dates_text, dayfirst=dayfirst, notes=notes)
    set_aside(out["order_date"].isna(), "date not readable")
    signs = []
    for role in ("quantity", "unit_price", "amount"):
        if role in roles:
            out[OUTPUT[role]], sign = _parse_numbers(raw[roles[role]], role=OUTPUT[role], sep=sep,
                                                     decimal=decimal, notes=notes)
            signs.append(sign)
            finite = np.isfinite(out[OUTPUT[role]].to_numpy(dtype=float, na_value=np.nan))
            set_aside(~finite, f"{OUTPUT[role]} not readable")
    if "amount" not in roles:
        out["amount"] = out["quantity"] * out["unit_price"]
        notes.append("amount = quantity x unit price (the file has no amount column)")
    if "order" in roles:
        out["order_id"] = _parse_ids(raw[roles["order"]], "order_id", notes)
    if "product" in roles:
        out["product_line"] = _as_text(raw[roles["product"]])
    out["is_return"] = _find_returns(raw, out, roles, notes)
    out.loc[out["is_return"], "amount"] = -out.loc[out["is_return"], "amount"].abs()
    if "unit_price" in roles:
        set_aside(out["unit_price"] == 0, "zero price")
    elif "amount" in roles:
        set_aside((out["amount"] == 0) & ~out["is_return"], "zero amount")
    value = out["amount"].where(np.isfinite(out["amount"].to_numpy(dtype=float, na_value=np.nan)), 0.0).fillna(0.0)
    extra = raw[[c for c in raw.columns if c not in roles.values()]].apply(_typed_extra)
    table = pd.concat([out, extra], axis=1)
    aside = reasons.notna()
    kept = table[~aside].reset_index(drop=True)
    dropped = raw[aside].copy()
    dropped["reason"] = reasons[aside].astype(str)
    dropped["_value"] = value[aside].to_numpy()
    if currency is None:
        found = [s for s in signs if s]
        currency = found[0] if found else "money"
        if found:
            notes.append(f"currency {currency} from the currency signs in the amounts")
    report = ImportReport(source=name, currency=currency, roles=roles, lines_read=len(raw),
                          lines_kept=len(kept), value_kept=float(kept["amount"].sum()),
                          set_aside=dropped, notes=list(dict.fromkeys(notes)))
    return kept, report


def _typed_extra(s: pd.Series) -> pd.Series:
    """Another column of the file: numbers as numbers when every filled cell is one, else text."""
    if s.dtype != object and not pd.api.types.is_string_dtype(s):
        return s
    t = _as_text(s).replace("", pd.NA)
    numbers = pd.to_numeric(t, errors="coerce")
    if t.notna().any() and (numbers.notna() == t.notna()).all():
        return numbers
    return t


def _find_returns(raw: pd.DataFrame, out: pd.DataFrame, roles: dict[str, str], notes: list[str]) -> pd.Series:
    if "is_return" in roles:
        return _parse_flags(raw[roles["is_return"]]).set_axis(raw.index)
    flags = pd.Series(False, index=raw.index)
    for col in ("quantity", "amount"):
        if col in out and (out[col] < 0).any():
            neg = (out[col] < 0).fillna(False)
            flags |= neg
            notes.append(f"{int(neg.sum()):,} lines with a negative {col} read as returns")
            break
    if "order_id" in out:
        ids = out["order_id"].fillna("")
        prefixed = ids.str.fullmatch(_PREFIXED.pattern).fillna(False)
        plain = ids.str.fullmatch(r"\d+").fillna(False)
        if prefixed.any() and plain.sum() >= prefixed.sum():
            letters = ids[prefixed].str[0].str.upper().value_counts()
            letter = letters.index[0]
            marked = prefixed & ids.str.upper().str.startswith(letter)
            new = marked & ~flags
            flags |= marked
            notes.append(f"{int(marked.sum()):,} lines whose order number starts with {letter!r} "
                         f"read as cancellations ({int(new.sum()):,} of them without a negative quantity)")
    return flags.astype(bool)
