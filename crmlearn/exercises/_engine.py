"""The self-checking exercise engine.

How to write a chapter module
=============================

A chapter's questions live in ``crmlearn/exercises/chNN.py`` (``NN`` = the chapter,
two digits). ``tests/test_exercises_all.py`` finds every such module by itself and
checks that each official solution passes, that the untouched ``____`` placeholder
reads "not attempted" and that each typical wrong answer fails with a message. So a
new chapter is tested as soon as the file exists. A module looks like this::

    '''Exercises for chapter 4, customer grading (客户分级).'''
    from ._engine import NumberQuestion, CategoryQuestion, chapter_functions

    CHAPTER = "ch04"

    def _top20_share():                       # the expected answer, computed when checked
        import crmlearn
        from crmlearn.grading import pareto_table
        ...
        return share

    q1 = NumberQuestion(
        chapter=CHAPTER, name="q1",
        prompt="What share of net revenue do the top 20% of customers bring? Give a share (0-1), 3 decimals.",
        expected=_top20_share,
        solution_code='''
            import crmlearn
            ...
            top20_share = ...
        ''',
        answer_name="top20_share",            # the variable the solution code defines
        hints=["Sum the revenue per customer first.", "Sort descending and take the first 20%."],
        explanation="About 80% of revenue from 20% of customers: the 80/20 rule.",
        tol=0.0005,                           # rounded to 3 decimals is fine
        wrong=[lambda: _top20_share() * 100], # typical mistakes: values or zero-argument callables
    )

    questions, progress, reset_progress = chapter_functions(CHAPTER)

Rules of thumb:

* ``expected`` is a zero-argument callable that computes the answer with ``crmlearn`` and the
  course data (``crmlearn.load_dataset``); never type the number in. It runs on the first
  check and is cached for the session.
* ``solution_code`` is complete, runnable code (imports included) that defines
  ``answer_name`` when executed in a fresh namespace; ``q.solution()`` prints it.
* ``hints`` go from a nudge to nearly the answer. ``explanation`` is shown with the solution
  and after a correct answer.
* ``wrong`` lists typical wrong answers: the test asserts each one fails with a message. For a
  :class:`FunctionQuestion` they are wrong *functions*; for the other kinds, values or
  zero-argument callables returning a value.
* Kinds: :class:`NumberQuestion` (``tol`` absolute, ``rtol`` relative),
  :class:`CategoryQuestion` (``synonyms={"A": ["A class", "A类"]}``, ``choices=[...]``),
  :class:`SetQuestion`, :class:`ListQuestion` (ordered), :class:`TableQuestion` (DataFrame or
  Series), :class:`FunctionQuestion` (``reference=`` a function, ``cases=`` a callable returning
  a list of :class:`Case`).

In an exercise notebook::

    from crmlearn.exercises import ____, ch04 as ex
    top20_share = ____ / total      # starter cell: runs, and reads "not attempted"
    ex.q1.check(top20_share)
    ex.q1.hint(); ex.q1.hint(2); ex.q1.solution()
    ex.progress()

Examples
--------
A toy question (``record=False`` keeps it out of the progress file):

>>> from crmlearn.exercises import NumberQuestion, ____
>>> q = NumberQuestion(chapter="demo", name="q1", prompt="What is 6 x 7?", expected=lambda: 42,
...                    solution_code="answer = 6 * 7", answer_name="answer",
...                    hints=["Multiply."], record=False)
>>> q.check(____)
⏳ demo q1: not attempted yet. Replace ____ with your answer and run the cell again.
False
>>> q.check(41)
❌ demo q1: Your answer 41 is lower than expected.
   Stuck? q1.hint() gives a hint.
False
>>> q.check(42)
✅ demo q1: correct!
True
"""
from __future__ import annotations

import copy
import ctypes
import keyword
import numbers
import re
import textwrap
import threading
import time
from typing import Any, Callable, Iterable, Mapping, Sequence

from ._compare import (
    SynonymMap,
    compare_auto,
    compare_category,
    compare_list,
    compare_number,
    compare_set,
    compare_table,
    describe,
)
from ._placeholder import ____, contains_placeholder
from ._progress import clear_progress, load_progress, progress_file, record_attempt

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
    "chapter_functions",
    "teach",
    "LazyList",
    "all_questions",
    "progress",
    "reset_progress",
]

_NOT_ATTEMPTED = "not attempted yet. Replace ____ with your answer and run the cell again."

# chapter -> {question name -> Question}, in the order the questions were made
_REGISTRY: dict[str, dict[str, "Question"]] = {}


def _short(text: str, width: int = 70) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


# ----------------------------------------------------------------------------------------
# running the learner's code: a time limit, and nothing escapes
# ----------------------------------------------------------------------------------------
#: Seconds a learner's function may run on all test cases of one check together.
DEFAULT_TIME_LIMIT = 10.0


class _StopLearnerCode(BaseException):
    """Raised inside a learner's function that ran past its time limit (or was interrupted)."""


def _stop_thread(thread: threading.Thread) -> None:
    """Ask ``thread`` to stop by raising :class:`_StopLearnerCode` in it at its next Python instruction.

    This ends pure-Python loops such as ``while True: pass``. A thread blocked inside C code
    (a long ``time.sleep``) stops when that call returns; it is a daemon thread, so it never keeps
    the kernel from exiting, and ``check`` has already returned its verdict.
    """
    ident = thread.ident
    if ident is None or not thread.is_alive():
        return
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(_StopLearnerCode))


def run_limited(func: Callable[[], Any], seconds: float) -> tuple[str, Any]:
    """Run ``func()`` in a worker thread for at most ``seconds``.

    Returns ``("ok", result)``, ``("raised", exception)`` for any exception (``SystemExit`` and
    ``KeyboardInterrupt`` raised by the code included), ``("timeout", still_running)`` when the time
    ran out, or ``("interrupted", None)`` when the learner pressed the interrupt key while waiting.
    Never raises, never waits much longer than ``seconds`` (plus about one second to stop the code).
    A thread works the same in a Jupyter kernel, a terminal and the test suite (nothing has to be
    pickled or forked).

    >>> run_limited(lambda: 6 * 7, 1)
    ('ok', 42)
    >>> run_limited(lambda: 1 / 0, 1)[0]
    'raised'
    """
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = func()
        except _StopLearnerCode:
            box["stopped"] = True
        except BaseException as exc:  # SystemExit, KeyboardInterrupt and the rest become a verdict
            box["error"] = exc

    worker = threading.Thread(target=target, name="crmlearn-check", daemon=True)
    worker.start()
    try:
        worker.join(max(0.0, float(seconds)))
    except KeyboardInterrupt:
        _stop_thread(worker)
        worker.join(1.0)
        return "interrupted", None
    if worker.is_alive():
        _stop_thread(worker)
        worker.join(1.0)
        return "timeout", worker.is_alive()
    if "error" in box:
        return "raised", box["error"]
    if "stopped" in box:
        return "timeout", False
    return "ok", box.get("value")


class Question:
    """One self-checking question (the base class; use one of the kinds below).

    Parameters
    ----------
    chapter, name : str
        Where the question belongs, e.g. ``"ch04"`` and ``"q1"``; together they key the progress record.
    prompt : str
        The task, as shown to the learner (``print(q)`` or ``q`` in a notebook).
    expected : callable or value
        Zero-argument callable computing the expected answer from the course data (cached per
        session after the first check). A plain value is accepted for toy questions.
    solution_code : str
        Runnable code that defines ``answer_name``; printed by :meth:`solution`.
    answer_name : str
        The variable the solution code defines (and the learner is asked to fill in).
    hints : sequence of str
        Hints in steps, from gentle to explicit.
    explanation : str
        A short explanation shown with the solution and after a correct answer.
    wrong : sequence
        Typical wrong answers: values or zero-argument callables, or pairs ``(wrong, message)`` whose
        message says what the mistake probably was (without giving the answer); a learner's answer
        that matches ``wrong`` gets that message. The test suite checks each fails with its message.
    judgement : bool, default False
        The question asks for a judgement (classify a case, choose an action, pick the customers
        that fit a rule, interpret a figure) rather than a number read off a table.
    setup : str, optional
        The chapter's setup code (one cell in the exercise notebook), run before ``solution_code``
        by :meth:`run_solution`.
    leak_context : sequence of str, optional
        Words that identify the case asked about (a customer id, a scenario's key word). The answer
        leak test counts a label that is one of the taught options as leaked only when it appears
        together with these words in the chapter notebook.
    title : str, optional
        A short title for the progress table; defaults to the start of the prompt.
    record : bool, default True
        Record attempts in the progress file.
    """

    kind = "answer"

    def __init__(self, *, chapter: str, name: str, prompt: str, expected: Any, solution_code: str,
                 answer_name: str, hints: Sequence[str] = (), explanation: str = "",
                 wrong: Sequence[Any] = (), title: str | None = None, record: bool = True,
                 judgement: bool = False, setup: str = "", leak_context: Sequence[str] = (),
                 starter: str | None = None):
        for param, value in (("chapter", chapter), ("name", name), ("prompt", prompt)):
            if not isinstance(value, str) or not value.strip():
                raise TypeError(f"{type(self).__name__}: {param} must be a non-empty string, got {value!r}.")
        if not isinstance(solution_code, str):
            raise TypeError(f"{type(self).__name__} {chapter} {name}: solution_code must be a string of code.")
        if not (isinstance(answer_name, str) and answer_name.isidentifier() and not keyword.iskeyword(answer_name)):
            raise ValueError(f"{type(self).__name__} {chapter} {name}: answer_name must be a Python variable name, "
                             f"got {answer_name!r}.")
        if isinstance(hints, str) or not all(isinstance(h, str) for h in hints):
            raise TypeError(f"{type(self).__name__} {chapter} {name}: hints must be a list of strings.")
        self.chapter = chapter
        self.name = name
        self.prompt = textwrap.dedent(prompt).strip()
        self._expected_source = expected
        self.solution_code = textwrap.dedent(solution_code).strip("\n")
        self.answer_name = answer_name
        self.hints = list(hints)
        self.explanation = textwrap.dedent(explanation).strip()
        # ``wrong`` items are a value (or zero-argument callable) or a pair (value, message): the
        # message is what the learner sees when the answer matches that typical mistake.
        self.wrong = []
        self.mistakes: list[tuple[Any, str]] = []
        for item in wrong:
            if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], str):
                self.wrong.append(item[0])
                self.mistakes.append(item)
            else:
                self.wrong.append(item)
        self.judgement = bool(judgement)
        self.setup = textwrap.dedent(setup).strip("\n")
        self.leak_context = tuple(leak_context)
        if starter is not None:
            self.starter = starter
        self.title = title or _short(self.prompt, 60)
        self.record = record
        self._cache: dict[str, Any] = {}
        if record:
            _REGISTRY.setdefault(chapter, {})[name] = self

    # ------------------------------------------------------------------ display
    @property
    def label(self) -> str:
        return f"{self.chapter} {self.name}"

    @property
    def _ref(self) -> str:
        """How an exercise notebook refers to the question (chapter modules are imported as ``ex``)."""
        return f"ex.{self.name}" if _CHAPTER_RE.match(self.chapter) else self.name

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.label}: {_short(self.prompt, 60)}>"

    def __str__(self) -> str:
        return f"{self.label}: {self.prompt}"

    def _repr_markdown_(self) -> str:
        return f"**{self.chapter} · {self.name}** — {self.prompt}"

    # ------------------------------------------------------------------ expected answer
    def expected(self) -> Any:
        """The expected answer (computed on first use, then cached for the session)."""
        if "expected" not in self._cache:
            source = self._expected_source
            self._cache["expected"] = source() if callable(source) else source
        return self._cache["expected"]

    def clear_cache(self) -> None:
        """Forget the cached expected answer (it is recomputed on the next check)."""
        self._cache.clear()

    # ------------------------------------------------------------------ checking
    def _compare(self, answer: Any, expected: Any) -> tuple[bool, str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _evaluate(self, answer: Any) -> tuple[str, str]:
        """Return (status, message): status is 'correct', 'wrong', 'not attempted' or 'error'."""
        if contains_placeholder(answer):
            return "not attempted", ""
        try:
            expected = self.expected()
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # the course data, not the learner, is at fault
            return "error", (f"the expected answer could not be computed ({type(exc).__name__}: {exc}). "
                             "This is not your fault: check that the course data is in place "
                             "(crmlearn.load_dataset) and tell your instructor.")
        try:
            ok, message = self._compare(answer, expected)
        except KeyboardInterrupt:
            raise
        except BaseException as exc:  # SystemExit too: an odd answer object must not end the session
            return "wrong", (f"Your answer ({describe(answer)}) could not be compared with the expected one "
                             f"({type(exc).__name__}: {exc}).")
        if ok is None:  # the comparison found the answer unfinished (e.g. a function returning ____)
            return "not attempted", message
        if not ok:
            targeted = self._targeted_message(answer)
            if targeted:
                return "wrong", targeted
        return ("correct", message) if ok else ("wrong", message or "That is not the expected answer.")

    def _targeted_message(self, answer: Any) -> str:
        """The message of the first typical mistake that ``answer`` matches ('' when none does)."""
        for wrong, message in self.mistakes:
            try:
                value = self._mistake_value(wrong)
                if self._compare(answer, value)[0]:
                    return message
            except Exception:
                continue
        return ""

    def _mistake_value(self, wrong: Any) -> Any:
        return wrong() if callable(wrong) else wrong

    def check(self, answer: Any, *, record: bool | None = None) -> bool:
        """Check ``answer``: print a verdict and return True when it is correct.

        Never raises on a learner's answer: the untouched ``____`` reads "not attempted", and
        ``None``, text where a number is due or a table of the wrong shape get a message. Code of
        the learner's that raises (even ``SystemExit``), loops past the time limit or is stopped
        with the interrupt key gives a verdict too.

        Parameters
        ----------
        answer
            The learner's answer (a value, a table or a function, by the kind of question).
        record : bool, optional
            Record the attempt in the learner's progress file. ``None`` (the default) follows the
            question's own setting (on for the exercise notebooks). Chapter notebooks that
            demonstrate a check pass ``record=False``, so running them never writes a
            learner's progress.
        """
        try:
            status, message = self._evaluate(answer)
        except KeyboardInterrupt:
            status, message = "error", ("the check was interrupted before it finished. Run the cell "
                                        "again to check your answer.")
        except BaseException as exc:  # last line of defence: a learner never sees a traceback
            status, message = "error", f"the checker failed ({type(exc).__name__}: {exc})."
        if status == "not attempted":
            print(f"⏳ {self.label}: {message or _NOT_ATTEMPTED}")
            return False
        if status == "error":
            print(f"⚠️ {self.label}: {message}")
            return False
        solved = status == "correct"
        if self.record if record is None else (bool(record) and self.record):
            try:
                record_attempt(self.chapter, self.name, solved)
            except Exception:  # progress is a convenience; never block the exercise
                pass
        if solved:
            print(f"✅ {self.label}: correct!" + (f" {message}" if message else ""))
            if self.explanation:
                print(textwrap.indent(textwrap.fill(self.explanation, 88), "   "))
            return True
        print(f"❌ {self.label}: {message}")
        tip = f"{self._ref}.hint() gives a hint." if self.hints else f"{self._ref}.solution() shows the solution."
        print(f"   Stuck? {tip}")
        return False

    # ------------------------------------------------------------------ help
    def hint(self, n: int = 1) -> None:
        """Print hint number ``n`` (1 = the gentlest)."""
        total = len(self.hints)
        if total == 0:
            print(f"💡 {self.label} has no hints. {self._ref}.solution() shows the worked solution.")
            return
        if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
            print(f"💡 Ask for a hint by number, from 1 to {total}: {self._ref}.hint(1).")
            return
        if n > total:
            print(f"💡 {self.label} has only {total} hint{'s' if total > 1 else ''}; that was the last. "
                  f"{self._ref}.solution() shows the worked solution.")
            return
        more = f" (next: {self._ref}.hint({n + 1}))" if n < total else ""
        print(f"💡 Hint {n} of {total}{more}:")
        print(textwrap.indent(textwrap.fill(self.hints[n - 1], 88), "   "))

    def solution(self) -> None:
        """Print the worked solution: the code and a short explanation."""
        print(f"📘 Solution to {self.label}:\n")
        print(textwrap.indent(self.solution_code, "    "))
        if self.explanation:
            print()
            print(textwrap.fill(self.explanation, 92))

    def run_solution(self) -> Any:
        """Execute the chapter setup and the official solution in a fresh namespace; return ``answer_name``."""
        namespace: dict[str, Any] = {"__name__": f"crmlearn_solution_{self.chapter}_{self.name}"}
        if _CHAPTER_RE.match(self.chapter):  # as in the exercise notebook: the chapter module is ``ex``
            import importlib

            namespace["ex"] = importlib.import_module(f"crmlearn.exercises.{self.chapter}")
        if self.setup:
            exec(compile(self.setup, f"<setup {self.chapter}>", "exec"), namespace)
        exec(compile(self.solution_code, f"<solution {self.label}>", "exec"), namespace)
        if self.answer_name not in namespace:
            raise NameError(f"{self.label}: the solution code does not define {self.answer_name!r}.")
        return namespace[self.answer_name]

    def wrong_answers(self) -> list[Any]:
        """The typical wrong answers, computed (for tests)."""
        return [w() if callable(w) else w for w in self.wrong]


class NumberQuestion(Question):
    """A question whose answer is one number, checked within a tolerance.

    ``tol`` is the absolute tolerance, ``rtol`` the relative one (either is enough). NumPy
    numbers and one-element Series/lists are accepted. When the expected value is a share in
    (0, 1) and the answer equals it in percent, the learner is told so.
    """

    kind = "number"

    def __init__(self, *, tol: float = 1e-9, rtol: float = 1e-6, percent_hint: bool | None = None, **kwargs: Any):
        if not (isinstance(tol, numbers.Real) and tol >= 0 and isinstance(rtol, numbers.Real) and rtol >= 0):
            raise ValueError(f"NumberQuestion: tol and rtol must be non-negative numbers, got {tol!r}, {rtol!r}.")
        self.tol, self.rtol, self.percent_hint = float(tol), float(rtol), percent_hint
        super().__init__(**kwargs)

    def _compare(self, answer: Any, expected: Any) -> tuple[bool, str]:
        return compare_number(answer, expected, tol=self.tol, rtol=self.rtol, percent_hint=self.percent_hint)


class CategoryQuestion(Question):
    """A question whose answer is one label (case, spaces and ``_``/``-`` do not matter).

    ``synonyms`` maps a canonical label to other accepted spellings (English or Chinese),
    on top of common ones (customer types, tiers, stages, Kano categories, yes/no).
    ``choices`` lists the options so a wrong answer can be told apart from an unknown one.
    ``expected`` may return one label or a list of labels that are all accepted.
    """

    kind = "category"

    def __init__(self, *, synonyms: Mapping[str, Iterable[str]] | None = None,
                 choices: Iterable[Any] | None = None, **kwargs: Any):
        self.synonyms = SynonymMap(synonyms)
        self.choices = list(choices) if choices is not None else None
        super().__init__(**kwargs)

    def _compare(self, answer: Any, expected: Any) -> tuple[bool, str]:
        return compare_category(answer, expected, synonyms=self.synonyms, choices=self.choices)


class SetQuestion(Question):
    """A question whose answer is a collection in any order (list, set, Series, array...).

    Text items are compared like categories (case, spaces, synonyms). The message names up to
    five missing and five extra items.
    """

    kind = "set"

    def __init__(self, *, synonyms: Mapping[str, Iterable[str]] | None = None, **kwargs: Any):
        self.synonyms = SynonymMap(synonyms)
        super().__init__(**kwargs)

    def _compare(self, answer: Any, expected: Any) -> tuple[bool, str]:
        return compare_set(answer, list(expected), synonyms=self.synonyms)


class ListQuestion(Question):
    """A question whose answer is a sequence in a given order (numbers within ``tol``/``rtol``)."""

    kind = "list"

    def __init__(self, *, synonyms: Mapping[str, Iterable[str]] | None = None, tol: float = 1e-9,
                 rtol: float = 1e-6, **kwargs: Any):
        self.synonyms = SynonymMap(synonyms)
        self.tol, self.rtol = float(tol), float(rtol)
        super().__init__(**kwargs)

    def _compare(self, answer: Any, expected: Any) -> tuple[bool, str]:
        return compare_list(answer, list(expected), synonyms=self.synonyms, tol=self.tol, rtol=self.rtol)


class TableQuestion(Question):
    """A question whose answer is a DataFrame or a Series.

    Compares the kind, the row labels (index), the columns and then the values (numbers within
    ``tol``/``rtol``; text ignoring case and spaces), naming the first differing column and row.
    Row order matters only with ``check_row_order=True``; extra columns are allowed unless
    ``allow_extra_columns=False``.
    """

    kind = "table"

    def __init__(self, *, tol: float = 1e-9, rtol: float = 1e-6, check_row_order: bool = False,
                 check_column_order: bool = False, allow_extra_columns: bool = True,
                 synonyms: Mapping[str, Iterable[str]] | None = None, **kwargs: Any):
        self.tol, self.rtol = float(tol), float(rtol)
        self.synonyms = SynonymMap(synonyms)
        self.table_options = dict(check_row_order=check_row_order, check_column_order=check_column_order,
                                  allow_extra_columns=allow_extra_columns)
        super().__init__(**kwargs)

    def _compare(self, answer: Any, expected: Any) -> tuple[bool, str]:
        return compare_table(answer, expected, tol=self.tol, rtol=self.rtol, synonyms=self.synonyms,
                             **self.table_options)


class Case:
    """One test case for a :class:`FunctionQuestion`: the arguments, and a label for messages.

    >>> Case(3, 4, label="small numbers")
    Case('small numbers')
    """

    def __init__(self, *args: Any, label: str | None = None, **kwargs: Any):
        self.args = args
        self.kwargs = kwargs
        self.label = label

    def __repr__(self) -> str:
        return f"Case({self.label!r})"


def _same_input(before: Any, after: Any) -> bool:
    """True when a function left its input as it was (tables compared with .equals)."""
    import numpy as np
    import pandas as pd

    if isinstance(before, (pd.DataFrame, pd.Series)):
        return (type(before) is type(after) and before.shape == after.shape
                and before.equals(after) and before.index.equals(after.index)
                and (not isinstance(before, pd.DataFrame) or list(before.columns) == list(after.columns)))
    if isinstance(before, np.ndarray):
        return before.shape == after.shape and bool(np.array_equal(before, after, equal_nan=before.dtype.kind == "f"))
    if isinstance(before, (list, tuple)):
        return len(before) == len(after) and all(_same_input(b, a) for b, a in zip(before, after))
    if isinstance(before, dict):
        return before.keys() == after.keys() and all(_same_input(before[k], after[k]) for k in before)
    try:
        return bool(before == after)
    except Exception:
        return True


class FunctionQuestion(Question):
    """A question whose answer is a function the learner writes.

    The learner's function and ``reference`` are both run on fresh deep copies of each test
    case (``cases``: a zero-argument callable returning a list of :class:`Case`, computed when
    checked) and the results compared (``compare="auto"`` picks the comparison from the kind of
    the reference result; ``tol``/``rtol`` and the table options apply). An exception inside the
    learner's function is reported, not raised. With ``check_no_mutation=True`` (the default) a
    function that changes its input table fails: the course's rule is "never mutate the input".

    ``expected`` is not used: pass ``reference=`` instead.
    """

    kind = "function"

    def __init__(self, *, reference: Callable[..., Any], cases: Callable[[], Sequence[Case]] | Sequence[Case],
                 tol: float = 1e-9, rtol: float = 1e-6, check_no_mutation: bool = True,
                 synonyms: Mapping[str, Iterable[str]] | None = None, time_limit: float = DEFAULT_TIME_LIMIT,
                 **kwargs: Any):
        if not callable(reference):
            raise TypeError("FunctionQuestion: reference must be a function.")
        if isinstance(time_limit, bool) or not isinstance(time_limit, numbers.Real) or not time_limit > 0:
            raise ValueError(f"FunctionQuestion: time_limit must be a positive number of seconds, got {time_limit!r}.")
        self.time_limit = float(time_limit)
        kwargs.setdefault("expected", None)
        self.reference = reference
        self._cases_source = cases
        self.tol, self.rtol = float(tol), float(rtol)
        self.check_no_mutation = check_no_mutation
        self.synonyms = SynonymMap(synonyms)
        self.table_options = {k: kwargs.pop(k) for k in ("check_row_order", "check_column_order",
                                                         "allow_extra_columns") if k in kwargs}
        super().__init__(**kwargs)

    def cases(self) -> list[Case]:
        """The test cases (computed once per session)."""
        if "cases" not in self._cache:
            source = self._cases_source
            raw = source() if callable(source) else source
            self._cache["cases"] = [c if isinstance(c, Case) else Case(*c) if isinstance(c, tuple) else Case(c)
                                    for c in raw]
        return self._cache["cases"]

    def expected(self) -> list[Any]:
        """The reference function's result on each test case (computed once per session)."""
        if "expected" not in self._cache:
            results = []
            for case in self.cases():
                args, kwargs = copy.deepcopy((case.args, case.kwargs))
                results.append(self.reference(*args, **kwargs))
            self._cache["expected"] = results
        return self._cache["expected"]

    def _compare(self, answer: Any, expected: list[Any]) -> tuple[bool | None, str]:
        if not callable(answer):
            return False, (f"Your answer is {describe(answer)}; a function is expected. Define it with "
                           f"def {self.answer_name}(...): ... and pass its name without brackets.")
        fname = getattr(answer, "__name__", "")
        fname = fname if isinstance(fname, str) and fname.isidentifier() else "your function"
        deadline = time.monotonic() + self.time_limit
        self._ran_cleanly = False
        for i, (case, exp) in enumerate(zip(self.cases(), expected), start=1):
            where = f"test case {i}" + (f" ({case.label})" if case.label else "")
            args, kwargs = copy.deepcopy((case.args, case.kwargs))
            pristine = copy.deepcopy((args, kwargs)) if self.check_no_mutation else None
            status, result = run_limited(lambda: answer(*args, **kwargs), deadline - time.monotonic())
            if status != "ok":
                self._ran_cleanly = False
            if status == "timeout":
                still = (" It is still running in the background: restart the kernel if the notebook "
                         "becomes slow." if result else "")
                return False, (f"{fname} did not finish within the time limit of {self.time_limit:g} s "
                               f"(stopped on {where}). Look for a loop that never ends, e.g. a while loop "
                               f"whose condition never becomes false.{still}")
            if status == "interrupted":
                return False, f"{fname} was interrupted on {where} before it finished; nothing was checked."
            if status == "raised":
                exc = result
                if isinstance(exc, SystemExit):
                    return False, (f"{fname} called sys.exit() (or exit()) on {where}. A function should "
                                   "return its result, not end the program.")
                if isinstance(exc, KeyboardInterrupt):
                    return False, f"{fname} raised KeyboardInterrupt on {where}; nothing was checked."
                return False, f"{fname} raised {type(exc).__name__} on {where}: {exc}"
            self._ran_cleanly = True
            if contains_placeholder(result):
                return None, f"{fname} still returns ____: {_NOT_ATTEMPTED}"
            ok, message = compare_auto(result, exp, tol=self.tol, rtol=self.rtol, synonyms=self.synonyms,
                                       **self.table_options)
            if not ok:
                message = message.replace("Your answer", "The result", 1)
                return False, f"On {where}, {fname} gives a wrong result. {message}"
            if self.check_no_mutation and not _same_input(pristine, (args, kwargs)):
                return False, (f"{fname} changed its input on {where}. Work on a copy "
                               "(e.g. data = data.copy()) so the caller's table stays as it was.")
        return True, ""

    def wrong_answers(self) -> list[Any]:
        """Typical wrong functions (they are answers themselves, not producers of answers)."""
        return list(self.wrong)

    def _targeted_message(self, answer: Any) -> str:
        """The message of the typical wrong function that gives the same results as ``answer``."""
        if not callable(answer) or not getattr(self, "_ran_cleanly", False):
            return ""   # a function that timed out or raised already has its verdict; do not run it again
        learner = self._results(answer)
        if learner is None:
            return ""
        for wrong, message in self.mistakes:
            theirs = self._results(wrong)
            if theirs is not None and all(compare_auto(a, b, tol=self.tol, rtol=self.rtol, synonyms=self.synonyms,
                                                       **self.table_options)[0] for a, b in zip(learner, theirs)):
                return message
        return ""

    def _results(self, func: Callable[..., Any]) -> list[Any] | None:
        """``func`` on fresh copies of every case (None when it fails, is slow or returns ____)."""
        out = []
        deadline = time.monotonic() + min(self.time_limit, 5.0)
        for case in self.cases():
            args, kwargs = copy.deepcopy((case.args, case.kwargs))
            status, result = run_limited(lambda: func(*args, **kwargs), deadline - time.monotonic())
            if status != "ok" or contains_placeholder(result):
                return None
            out.append(result)
        return out


# ----------------------------------------------------------------------------------------
# chapters and progress
# ----------------------------------------------------------------------------------------
_CHAPTER_RE = re.compile(r"^ch\d\d$")


def _load_chapter_modules() -> None:
    """Import every ``crmlearn.exercises.chNN`` module so its questions are registered."""
    import importlib
    import pkgutil
    import warnings

    from . import __path__ as pkg_path

    for info in pkgutil.iter_modules(pkg_path):
        if _CHAPTER_RE.match(info.name):
            try:
                importlib.import_module(f"crmlearn.exercises.{info.name}")
            except Exception as exc:  # one broken chapter must not hide the others
                warnings.warn(f"crmlearn.exercises.{info.name} could not be loaded: {exc}", RuntimeWarning,
                              stacklevel=3)


def all_questions(chapter: str | None = None) -> list[Question]:
    """Every registered question (of one chapter), in chapter and definition order."""
    _load_chapter_modules()
    chapters = sorted(_REGISTRY) if chapter is None else [chapter]
    return [q for ch in chapters for q in _REGISTRY.get(ch, {}).values()]


def _chapter_key(chapter: Any) -> str | None:
    if chapter is None:
        return None
    if isinstance(chapter, numbers.Integral) and not isinstance(chapter, bool):
        return f"ch{int(chapter):02d}"
    text = str(chapter).strip().lower()
    if text.isdigit():
        return f"ch{int(text):02d}"
    return text


def progress(chapter: Any = None):
    """Show what this learner has solved: print a line per chapter and return a table.

    Parameters
    ----------
    chapter : str or int, optional
        ``"ch04"`` or ``4`` for one chapter; all chapters by default.

    Returns
    -------
    pandas.DataFrame
        One row per question: chapter, question, title, status ('solved', 'tried' or
        'not attempted'), attempts, last_attempt (UTC time of the last check).
    """
    import pandas as pd

    key = _chapter_key(chapter)
    record = load_progress()["questions"]
    rows = []
    for q in all_questions(key):
        entry = record.get(f"{q.chapter}/{q.name}", {})
        attempts = int(entry.get("attempts", 0))
        status = "solved" if entry.get("solved") else "tried" if attempts else "not attempted"
        rows.append({"chapter": q.chapter, "question": q.name, "title": q.title, "status": status,
                     "attempts": attempts, "last_attempt": entry.get("last_attempt", "")})
    table = pd.DataFrame(rows, columns=["chapter", "question", "title", "status", "attempts", "last_attempt"])
    if table.empty:
        print("No exercises found" + (f" for {key}." if key else "."))
        return table
    for ch, grp in table.groupby("chapter", sort=True):
        counts = grp["status"].value_counts()
        print(f"{ch}: {counts.get('solved', 0)} of {len(grp)} solved, {counts.get('tried', 0)} tried, "
              f"{counts.get('not attempted', 0)} not attempted")
    return table


def reset_progress(chapter: Any = None) -> None:
    """Forget the record of one chapter (``"ch04"`` or ``4``), or of every chapter."""
    key = _chapter_key(chapter)
    removed = clear_progress(key)
    where = f"for {key}" if key else "for all chapters"
    print(f"Progress {where} reset ({removed} question{'s' if removed != 1 else ''} forgotten; file: {progress_file()}).")


class LazyList(list):
    """A list whose items are computed from the course data on first use (e.g. ``ex.PANEL``).

    A chapter module can offer a list of customer ids at import time without loading any data:

    >>> ids = LazyList(lambda: ["C1", "C2"])
    >>> ids, len(ids), ids[0]
    (['C1', 'C2'], 2, 'C1')
    """

    def __init__(self, make: Callable[[], Iterable[Any]]):
        super().__init__()
        self._make = make

    def _fill(self) -> None:
        if self._make is not None:
            make, self._make = self._make, None
            self.extend(make())

    def __iter__(self):
        self._fill()
        return super().__iter__()

    def __len__(self) -> int:
        self._fill()
        return super().__len__()

    def __getitem__(self, i):
        self._fill()
        return super().__getitem__(i)

    def __contains__(self, item: Any) -> bool:
        self._fill()
        return super().__contains__(item)

    def __repr__(self) -> str:
        self._fill()
        return super().__repr__()


def teach(q: Question, *, mistakes: Sequence[tuple[Any, str]], judgement: bool = False,
          setup: str | None = None, leak_context: Sequence[str] = (), starter: str | None = None,
          choices: Iterable[Any] | None = None) -> Question:
    """Give a question its teaching parts after it was made (used by the chapter modules).

    ``mistakes`` replaces ``wrong``: pairs (typical wrong answer, targeted message); ``judgement``,
    ``setup``, ``leak_context`` and ``starter`` as in :class:`Question`; ``choices`` names the taught
    options of a list or set question (for the answer leak test).
    """
    q.wrong = [w for w, _ in mistakes]
    q.mistakes = [(w, m) for w, m in mistakes]
    q.judgement = bool(judgement)
    if setup is not None:
        q.setup = textwrap.dedent(setup).strip("\n")
        # the setup cell already loads what a solution needs: do not print it again
        prefix = q.setup.strip()
        if q.solution_code.strip().startswith(prefix):
            q.solution_code = textwrap.dedent(q.solution_code.strip()[len(prefix):]).strip("\n")
    q.leak_context = tuple(leak_context)
    if starter is not None:
        q.starter = starter
    if choices is not None:
        q.choices = list(choices)
    return q


def chapter_functions(chapter: str) -> tuple[Callable[[], list[Question]], Callable[[], Any], Callable[[], None]]:
    """``questions()``, ``progress()`` and ``reset_progress()`` bound to one chapter.

    A chapter module ends with ``questions, progress, reset_progress = chapter_functions(CHAPTER)``.
    """
    if not _CHAPTER_RE.match(chapter):
        raise ValueError(f"chapter_functions: chapter must look like 'ch04', got {chapter!r}.")

    def questions() -> list[Question]:
        return list(_REGISTRY.get(chapter, {}).values())

    def chapter_progress():
        return progress(chapter)

    def chapter_reset() -> None:
        reset_progress(chapter)

    questions.__doc__ = f"The questions of {chapter}, in order."
    chapter_progress.__doc__ = f"What this learner has solved in {chapter} (a table; a summary line is printed)."
    chapter_reset.__doc__ = f"Forget this learner's record for {chapter}."
    chapter_progress.__name__, chapter_reset.__name__ = "progress", "reset_progress"
    return questions, chapter_progress, chapter_reset
