"""The ``crmlearn report`` and ``crmlearn grade`` subcommands (registered by :mod:`crmlearn.cli`).

::

    crmlearn report my_orders.csv                      -> my_orders.report.html
    crmlearn report export.xlsx --map customer=Kunde --map date=Datum -o report.html --currency EUR
    crmlearn grade my_orders.csv -o customers.xlsx     (or .csv, .parquet)

Exit codes: 0 done, 1 the file could not be used (the message says why), 2 a usage error.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..io import ROLE_NAMES

GRADE_FORMATS = (".csv", ".xlsx", ".parquet")


def _role_map(items: list[str] | None) -> dict[str, str]:
    roles: dict[str, str] = {}
    for item in items or []:
        role, sep, column = item.partition("=")
        role = role.strip()
        if not sep or not column or role not in ROLE_NAMES:
            raise argparse.ArgumentTypeError(
                f"--map takes ROLE=COLUMN with ROLE one of {', '.join(ROLE_NAMES)}; got {item!r}.")
        roles[role] = column
    return roles


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="your transactions: .csv, .txt, .xlsx or .parquet")
    p.add_argument("--map", action="append", metavar="ROLE=COLUMN",
                   help="which column plays a role when its name is not recognised "
                        f"(roles: {', '.join(ROLE_NAMES)}); repeat for several")
    p.add_argument("--currency", default=None, help="the file's currency, e.g. CNY, GBP (used in every label)")
    p.add_argument("--dayfirst", choices=("yes", "no"), default=None,
                   help="how to read dates like 03/04/2024 when the file does not tell")
    p.add_argument("--as-of", default=None, help="reference day (default: the last order date)")


def register(sub) -> None:
    """Add the two subcommands to the ``crmlearn`` parser's subparsers."""
    p = sub.add_parser("report", help="one self-contained HTML report on your own transaction file")
    _add_input_options(p)
    p.add_argument("-o", "--output", default=None, help="the HTML file (default: FILE.report.html)")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("grade", help="the customer table with every grade (ABC, pyramid, RFM, k-means, CLV)")
    _add_input_options(p)
    p.add_argument("-o", "--output", required=True, help="customers.csv, .xlsx or .parquet")
    p.set_defaults(func=_cmd_grade)


def _read(args, command: str):
    from .._validation import CRMDataError
    from ..io import read_transactions

    try:
        roles = _role_map(args.map)
    except argparse.ArgumentTypeError as e:
        print(f"crmlearn {command}: {e}", file=sys.stderr)
        return None, None, 2
    dayfirst = None if args.dayfirst is None else args.dayfirst == "yes"
    try:
        tx, report = read_transactions(args.file, columns=roles, dayfirst=dayfirst, currency=args.currency)
    except (CRMDataError, FileNotFoundError, TypeError, UnicodeError) as e:
        print(f"crmlearn {command}: {e}", file=sys.stderr)
        return None, None, 1
    if tx.empty:
        print(f"crmlearn {command}: no usable line in {args.file}.\n{report}", file=sys.stderr)
        return None, None, 1
    return tx, report, 0


def _cmd_report(args) -> int:
    from .._validation import CRMDataError
    from . import build_report

    tx, report, status = _read(args, "report")
    if status:
        return status
    out = Path(args.output) if args.output else Path(args.file).with_suffix(".report.html")
    try:
        page = build_report(tx, import_report=report, as_of=args.as_of, progress=not args.quiet,
                            title=f"Customer report: {Path(args.file).name}")
    except CRMDataError as e:
        print(f"crmlearn report: {e}", file=sys.stderr)
        return 1
    out.write_text(page, encoding="utf-8")
    print(report)
    print(f"Report written to {out}")
    return 0


def _cmd_grade(args) -> int:
    from .._validation import CRMDataError
    from . import customer_grades

    out = Path(args.output)
    if out.suffix.lower() not in GRADE_FORMATS:
        print(f"crmlearn grade: -o must end in {', '.join(GRADE_FORMATS)}; got {out.name!r}.", file=sys.stderr)
        return 2
    tx, report, status = _read(args, "grade")
    if status:
        return status
    try:
        grades = customer_grades(tx, as_of=args.as_of)
    except CRMDataError as e:
        print(f"crmlearn grade: {e}", file=sys.stderr)
        return 1
    grades.attrs = {}          # provenance notes stay out of the file (parquet cannot store them)
    suffix = out.suffix.lower()
    if suffix == ".csv":
        grades.to_csv(out)
    elif suffix == ".xlsx":
        grades.to_excel(out)
    else:
        grades.to_parquet(out)
    print(report)
    print(f"{len(grades):,} customers written to {out}")
    return 0
