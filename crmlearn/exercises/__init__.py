"""Self-checking exercises: one module per chapter, and the engine that checks answers.

In an exercise notebook::

    from crmlearn.exercises import ____, ch00 as ex
    n_customers = ____            # the starter cell: replace ____ with your code
    ex.q1.check(n_customers)      # prints a verdict, returns True/False
    ex.q1.hint(); ex.q1.hint(2)   # hints in steps
    ex.q1.solution()              # the worked solution
    ex.progress()                 # what you have solved so far (this chapter)

``crmlearn.exercises.progress()`` shows every chapter; ``reset_progress()`` forgets the
record (it lives in ``$CRMLEARN_HOME/progress.json``, by default ``~/.crmlearn``).
How to write a chapter module is explained in :mod:`crmlearn.exercises._engine`.
"""
from __future__ import annotations

import importlib
import re

from ._engine import (
    Case,
    CategoryQuestion,
    FunctionQuestion,
    ListQuestion,
    NumberQuestion,
    Question,
    SetQuestion,
    TableQuestion,
    all_questions,
    progress,
    reset_progress,
)
from ._placeholder import ____
from ._progress import progress_file

__all__ = [
    "____",
    "Question",
    "NumberQuestion",
    "CategoryQuestion",
    "SetQuestion",
    "ListQuestion",
    "TableQuestion",
    "FunctionQuestion",
    "Case",
    "all_questions",
    "progress",
    "reset_progress",
    "progress_file",
]


def __getattr__(name: str):
    """``crmlearn.exercises.ch04`` works without importing the chapter module first."""
    if re.fullmatch(r"ch\d\d", name):
        try:
            module = importlib.import_module(f".{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{name}":
                raise AttributeError(f"crmlearn.exercises has no chapter module {name!r} (yet).") from None
            raise
        globals()[name] = module
        return module
    raise AttributeError(f"module 'crmlearn.exercises' has no attribute {name!r}")
