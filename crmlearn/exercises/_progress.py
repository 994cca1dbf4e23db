"""The learner's record of progress: a small JSON file.

Where: ``$CRMLEARN_HOME/progress.json`` if the variable is set, else ``~/.crmlearn/progress.json``
(looked up on every read and write, so a test or a notebook may change it at any time).

What: one entry per question, keyed ``"ch04/q1"``::

    {"version": 1,
     "questions": {"ch04/q1": {"chapter": "ch04", "question": "q1", "solved": true,
                               "attempts": 3, "first_attempt": "2025-01-01T10:00:00+00:00",
                               "last_attempt": "...", "solved_at": "..."}}}

``solved`` stays true once a question was answered correctly. Writes are atomic (a
temporary file, then ``os.replace``). A damaged file (not JSON, truncated, or with fields of the
wrong type such as ``"attempts": "many"``) is kept as ``progress.json.corrupt-<time>``, a fresh
record is started, and a one-line notice says so on standard error (once per session); a home
folder that cannot be written to gives one warning per session, and the exercises keep working.
Nothing here raises on a damaged or unreadable file.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

__all__ = ["progress_home", "progress_file", "load_progress", "record_attempt", "clear_progress"]

_VERSION = 1
_warned: set[str] = set()


def progress_home() -> Path:
    """The folder holding ``progress.json``: ``$CRMLEARN_HOME`` or ``~/.crmlearn``."""
    env = os.environ.get("CRMLEARN_HOME")
    return Path(env).expanduser() if env else Path.home() / ".crmlearn"


def progress_file() -> Path:
    """Full path of the progress file."""
    return progress_home() / "progress.json"


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def _warn_once(key: str, message: str) -> None:
    if key not in _warned:
        _warned.add(key)
        warnings.warn(message, RuntimeWarning, stacklevel=3)


def _empty() -> dict[str, Any]:
    return {"version": _VERSION, "questions": {}}


def _notice_once(key: str, message: str) -> None:
    """A one-line notice on standard error (once per session and key): no warning machinery, no traceback."""
    if key not in _warned:
        _warned.add(key)
        try:
            print(" ".join(message.split()), file=sys.stderr)
        except Exception:  # a closed stderr must not break the exercises
            pass


_TEXT_FIELDS = ("chapter", "question", "first_attempt", "last_attempt", "solved_at")
_BOOL_FIELDS = ("solved", "last_correct")


def _valid_entry(entry: Any) -> bool:
    if not isinstance(entry, dict):
        return False
    attempts = entry.get("attempts", 0)
    if isinstance(attempts, bool) or not isinstance(attempts, int) or attempts < 0:
        return False
    if any(k in entry and not isinstance(entry[k], str) for k in _TEXT_FIELDS):
        return False
    return not any(k in entry and not isinstance(entry[k], bool) for k in _BOOL_FIELDS)


def _valid(data: Any) -> bool:
    """True when ``data`` has the shape this module writes (every field of the right type)."""
    if not isinstance(data, dict) or not isinstance(data.get("questions"), dict):
        return False
    if "version" in data and (isinstance(data["version"], bool) or not isinstance(data["version"], int)):
        return False
    return all(isinstance(k, str) and _valid_entry(v) for k, v in data["questions"].items())


def load_progress() -> dict[str, Any]:
    """Read the progress record; a missing file is an empty record, a damaged one is set aside."""
    path = progress_file()
    try:
        text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return _empty()
    except UnicodeDecodeError:
        text = ""
    except OSError as exc:
        _warn_once(f"read:{path}", f"crmlearn could not read your progress file {path} ({exc}); "
                                   "progress is not shown.")
        return _empty()
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        data = None
    if _valid(data):
        return data
    backup = path.with_name(f"{path.name}.corrupt-{_dt.datetime.now():%Y%m%d-%H%M%S-%f}")
    try:
        os.replace(path, backup)
        note = f"it was kept as {backup.name}"
    except OSError:
        note = "it could not be moved aside"
    _notice_once(f"corrupt:{backup}", f"crmlearn: your progress file {path} was damaged; {note} and a fresh "
                                    "record was started.")
    return _empty()


def _write(data: dict[str, Any]) -> bool:
    """Write atomically; warn once and return False when the folder is not writable."""
    path = progress_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".progress-", suffix=".json", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(data, fh, ensure_ascii=False, indent=1, sort_keys=True)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except OSError as exc:
        _warn_once(f"write:{path}", f"crmlearn could not save your progress to {path} ({exc}). The exercises "
                                    "still work; set the environment variable CRMLEARN_HOME to a writable "
                                    "folder to keep a record.")
        return False
    return True


def record_attempt(chapter: str, question: str, solved: bool) -> None:
    """Add one attempt at ``chapter/question`` to the record."""
    data = load_progress()
    key = f"{chapter}/{question}"
    now = _now()
    entry = data["questions"].setdefault(key, {"chapter": chapter, "question": question, "solved": False,
                                               "attempts": 0, "first_attempt": now})
    entry["attempts"] = int(entry.get("attempts", 0)) + 1
    entry["last_attempt"] = now
    entry["last_correct"] = bool(solved)
    if solved and not entry.get("solved"):
        entry["solved"] = True
        entry["solved_at"] = now
    entry.setdefault("solved", False)
    _write(data)


def clear_progress(chapter: str | None = None) -> int:
    """Forget the record of one chapter (or of all); return how many entries were removed."""
    data = load_progress()
    keys = [k for k, v in data["questions"].items() if chapter is None or v.get("chapter") == chapter]
    for k in keys:
        del data["questions"][k]
    if keys:
        _write(data)
    return len(keys)
