"""The ``crmlearn`` command (also ``python -m crmlearn``).

::

    crmlearn datasets              the course's datasets: name, rows, columns, what it is
    crmlearn glossary RFM          look a term up (English or Chinese: crmlearn glossary 客户分级)
    crmlearn glossary --chapter 4  the key terms of a chapter
    crmlearn progress              what you have solved in the exercises
    crmlearn lab                   start JupyterLab on the course (what `make lab` runs)
    crmlearn present 4             present chapter 4 live (a copy, in JupyterLab's slides)
    crmlearn report orders.csv     one HTML report on your own transaction file
    crmlearn grade orders.csv -o customers.xlsx   the customer table with every grade

Heavy libraries (pandas, Jupyter) are imported only by the subcommand that needs them.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from typing import Sequence

__all__ = ["main", "lab_command", "course_root", "WELCOME_NOTEBOOK"]

WELCOME_NOTEBOOK = "notebooks/00_welcome.ipynb"


def course_root() -> Path:
    """The course folder: the one holding ``crmlearn/`` and ``notebooks/``.

    With an editable install (``make lab``) that is the parent of the package folder; otherwise
    the current folder if it has a ``notebooks/`` folder.
    """
    here = Path(__file__).resolve().parent.parent
    if (here / "notebooks").is_dir():
        return here
    cwd = Path.cwd()
    if (cwd / "notebooks").is_dir():
        return cwd
    return here


def _is_root() -> bool:
    geteuid = getattr(os, "geteuid", None)
    return bool(geteuid is not None and geteuid() == 0)


def lab_command(port: int | None = None, open_browser: bool = True, root: str | os.PathLike | None = None,
                notebook: str | None = WELCOME_NOTEBOOK) -> list[str]:
    """The command that starts JupyterLab on the course, as ``make lab`` runs it.

    JupyterLab listens on 127.0.0.1 only and keeps its token protection (a random token,
    printed in the log and in the link it opens). Run the command from the course folder
    (``cwd=root``): Jupyter resolves the notebook path against the current folder.

    Parameters
    ----------
    port : int, optional
        The port; Jupyter picks one (8888 or the next free) by default.
    open_browser : bool, default True
        Open the welcome notebook in the browser.
    root : path, optional
        The course folder (default :func:`course_root`).
    notebook : str or None, default ``"notebooks/00_welcome.ipynb"``
        The notebook to open, relative to ``root``; None opens the file browser.

    Examples
    --------
    >>> cmd = lab_command(port=8890, open_browser=False, root="/course")
    >>> cmd[1:5]
    ['-m', 'jupyterlab', '--ServerApp.ip=127.0.0.1', '--ServerApp.root_dir=/course']
    >>> "--port=8890" in cmd and "--no-browser" in cmd
    True
    """
    root_dir = Path(root) if root is not None else course_root()
    cmd = [sys.executable, "-m", "jupyterlab", "--ServerApp.ip=127.0.0.1", f"--ServerApp.root_dir={root_dir}"]
    if port is not None:
        if isinstance(port, bool) or not isinstance(port, int) or not 0 < port < 65536:
            raise ValueError(f"lab_command: port must be a whole number from 1 to 65535, got {port!r}.")
        cmd.append(f"--port={port}")
    if not open_browser:
        cmd.append("--no-browser")
    if _is_root():
        cmd.append("--allow-root")
    from crmlearn._lab import lab_settings_args  # the course's setting defaults (README, "Presenting")

    cmd.extend(lab_settings_args())
    if notebook:
        cmd.append(notebook)
    return cmd


# ---------------------------------------------------------------------------------------------
# subcommands
# ---------------------------------------------------------------------------------------------
def _cmd_datasets(args: argparse.Namespace) -> int:
    try:
        from crmlearn.datasets import dataset_overview

        table = dataset_overview()
    except Exception as exc:
        print(f"crmlearn datasets: could not list the datasets ({type(exc).__name__}: {exc}).", file=sys.stderr)
        return 1
    import pandas as pd

    if not isinstance(table, pd.DataFrame):
        table = pd.DataFrame(table)
    wanted = [c for c in ("name", "rows", "columns", "description") if c in table.columns]
    if "name" not in table.columns and table.index.name == "name":
        table = table.reset_index()
        wanted = ["name"] + wanted
    shown = table[wanted] if len(wanted) >= 2 else table
    with pd.option_context("display.max_colwidth", 80, "display.width", 200):
        print(shown.to_string(index=False))
    return 0


def _cmd_glossary(args: argparse.Namespace) -> int:
    from crmlearn import glossary

    if args.chapter is not None:
        if not 0 <= args.chapter <= 9:
            print("crmlearn glossary: --chapter must be from 0 to 9.", file=sys.stderr)
            return 2
        print(glossary.key_terms_table(args.chapter))
        return 0
    query = " ".join(args.term).strip()
    if not query:
        print("crmlearn glossary: give a term, e.g. `crmlearn glossary RFM` or `crmlearn glossary 客户分级`, "
              "or --chapter N for a chapter's key terms.", file=sys.stderr)
        return 2
    entry = glossary.lookup(query)
    if entry is None:
        close = glossary.suggest(query)
        message = f"No glossary entry for {query!r}."
        if close:
            message += " Did you mean: " + "; ".join(close) + "?"
        else:
            message += " Try a shorter or different word, or `crmlearn glossary --chapter N` to list a chapter's terms."
        print(message, file=sys.stderr)
        return 1
    print(entry)
    return 0


def _cmd_progress(args: argparse.Namespace) -> int:
    from crmlearn.exercises import progress
    from crmlearn.exercises._progress import progress_file

    table = progress(args.chapter)
    if args.verbose and not table.empty:
        print()
        print(table[["chapter", "question", "status", "attempts", "title"]].to_string(index=False))
    print(f"(record: {progress_file()})")
    return 0


def _cmd_lab(args: argparse.Namespace) -> int:
    root = Path(args.root).expanduser().resolve() if args.root else course_root()
    if not (root / "notebooks").is_dir():
        print(f"crmlearn lab: {root} does not look like the course folder (no notebooks/ in it). "
              "Run the command inside the course folder or pass --root PATH.", file=sys.stderr)
        return 1
    notebook: str | None = WELCOME_NOTEBOOK
    if not (root / WELCOME_NOTEBOOK).is_file():
        print(f"crmlearn lab: {WELCOME_NOTEBOOK} not found; opening the course folder instead.", file=sys.stderr)
        notebook = None
    cmd = lab_command(port=args.port, open_browser=not args.no_browser, root=root, notebook=notebook)
    if args.dry_run:
        print(subprocess.list2cmdline(cmd))
        return 0
    proc = subprocess.Popen(cmd, cwd=root)
    while True:
        try:
            return proc.wait()
        except KeyboardInterrupt:  # Jupyter handles Ctrl-C itself (it asks to confirm); keep waiting
            continue


def _port(text: str) -> int:
    """``--port``: a whole number from 1 to 65535 (argparse turns the error into a usage message, exit 2)."""
    try:
        value = int(str(text).strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to 65535, got {text!r}") from None
    if not 0 < value < 65536:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to 65535, got {value}")
    return value


def _chapter_number(text: str) -> int:
    """``--chapter`` of the glossary: 0 to 9 (``4``, ``04`` or ``ch04``)."""
    raw = str(text).strip().lower()
    digits = raw[2:] if raw.startswith("ch") else raw
    if not digits.isdigit() or not 0 <= int(digits) <= 9:
        raise argparse.ArgumentTypeError(f"must be a chapter from 0 to 9 (e.g. 4 or ch04), got {text!r}")
    return int(digits)


def _chapter_key(text: str) -> str:
    """``--chapter`` of progress: the chapter key ``chNN``."""
    return f"ch{_chapter_number(text):02d}"


def _cmd_present(args: argparse.Namespace) -> int:
    from crmlearn._lab import present

    return present(args.chapter, port=args.port, open_browser=not args.no_browser, dry_run=args.dry_run)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``crmlearn`` command."""
    parser = argparse.ArgumentParser(
        prog="crmlearn",
        description="crmlearn: a hands-on course in customer relationship management (客户关系管理).",
    )
    from crmlearn import __version__

    parser.add_argument("--version", action="version", version=f"crmlearn {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("datasets", help="list the course's datasets (name, rows, columns, description)")
    p.set_defaults(func=_cmd_datasets)

    p = sub.add_parser("glossary", help="look up a term in the English-Chinese glossary")
    p.add_argument("term", nargs="*", help="the term, in English or Chinese (e.g. RFM, 客户分级, 'churn rate')")
    p.add_argument("--chapter", type=_chapter_number, default=None, help="list the key terms of a chapter (0-9)")
    p.set_defaults(func=_cmd_glossary)

    p = sub.add_parser("progress", help="show what you have solved in the exercises")
    p.add_argument("--chapter", type=_chapter_key, default=None, help="one chapter, e.g. 4 or ch04")
    p.add_argument("-v", "--verbose", action="store_true", help="list every question")
    p.set_defaults(func=_cmd_progress)

    p = sub.add_parser("lab", help="start JupyterLab on the course (opens the welcome notebook)")
    p.add_argument("--port", type=_port, default=None, help="port to listen on (default: Jupyter's choice)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")
    p.add_argument("--root", default=None, help="the course folder (default: found automatically)")
    p.add_argument("--dry-run", action="store_true", help="print the command instead of running it")
    p.set_defaults(func=_cmd_lab)

    p = sub.add_parser("present", help="present a chapter live: a copy of it in JupyterLab, with working widgets")
    p.add_argument("chapter", help="the chapter number (e.g. 4) or notebook name")
    p.add_argument("--port", type=_port, default=None, help="port to listen on (default: Jupyter's choice)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")
    p.add_argument("--dry-run", action="store_true", help="print the command instead of running it")
    p.set_defaults(func=_cmd_present)
    _register_analysis(sub)
    return parser


def _register_analysis(sub) -> None:
    from crmlearn.report.commands import register

    register(sub)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``crmlearn`` command; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        sys.stderr.close()
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
