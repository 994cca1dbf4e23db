"""Self-checking exercises: one module per chapter, and the engine that checks answers.

In an exercise notebook::

    from crmlearn.exercises import ch00 as ex
    # one setup cell (the chapter module's SETUP) loads the data every question uses
    n_buyers_2023 = ex.____       # the starter cell: replace ex.____ with your code
    ex.q1.check(n_buyers_2023)    # prints a verdict, returns True/False
    ex.q1.hint(); ex.q1.hint(2)   # hints in steps
    ex.q1.solution()              # the worked solution
    ex.progress()                 # what you have solved so far (this chapter)

A learner's function answer runs with a time limit (10 s by default); an endless loop,
``sys.exit()`` or any exception in it gives a verdict, never a traceback.

In a chapter notebook, demonstrate a check with ``record=False`` so that running the chapter never
writes the learner's progress: ``ex.demo.check(len(customers), record=False)`` (chapter 0 has a
``demo`` question for this; it is not one of the exercises).

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
