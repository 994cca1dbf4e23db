"""Every question of every chapter module ``crmlearn.exercises.chNN``, found automatically.

For each question: the official solution passes its own check; the untouched ``____``
placeholder reads "not attempted"; each typical wrong answer fails with a message. A new
chapter module is tested as soon as it exists.
"""
from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import crmlearn.exercises as exercises
from crmlearn.exercises import Question, ____

CHAPTER_MODULES = sorted(info.name for info in pkgutil.iter_modules(exercises.__path__)
                         if re.fullmatch(r"ch\d\d", info.name))


def _questions():
    found = []
    for mod_name in CHAPTER_MODULES:
        module = importlib.import_module(f"crmlearn.exercises.{mod_name}")
        for q in module.questions():
            found.append(pytest.param(mod_name, q, id=f"{mod_name}-{q.name}"))
    return found


QUESTIONS = _questions()
WRONG = [pytest.param(p.values[0], p.values[1], i, id=f"{p.id}-wrong{i + 1}")
         for p in QUESTIONS for i in range(len(p.values[1].wrong))]


def test_chapter_modules_exist():
    assert "ch00" in CHAPTER_MODULES


@pytest.mark.parametrize("mod_name", CHAPTER_MODULES)
def test_chapter_module_interface(mod_name):
    module = importlib.import_module(f"crmlearn.exercises.{mod_name}")
    assert (module.__doc__ or "").strip(), f"{mod_name} needs a module docstring"
    qs = module.questions()
    assert qs, f"{mod_name} defines no questions"
    names = [q.name for q in qs]
    assert len(names) == len(set(names)), f"{mod_name}: repeated question names {names}"
    for q in qs:
        assert isinstance(q, Question)
        assert q.chapter == mod_name, f"{q!r} says chapter {q.chapter!r} but lives in {mod_name}"
        assert getattr(module, q.name) is q, f"{mod_name}.{q.name} should be the question itself"
        assert q.hints, f"{q.label} has no hints"
        assert q.answer_name in q.solution_code
    assert callable(module.progress) and callable(module.reset_progress)


@pytest.mark.parametrize("mod_name, q", QUESTIONS)
def test_official_solution_passes(mod_name, q, capsys):
    answer = q.run_solution()
    assert q.check(answer) is True, capsys.readouterr().out
    assert "✅" in capsys.readouterr().out


@pytest.mark.parametrize("mod_name, q", QUESTIONS)
def test_placeholder_reads_not_attempted(mod_name, q, capsys):
    assert q.check(____) is False
    out = capsys.readouterr().out
    assert "not attempted" in out and "❌" not in out


@pytest.mark.parametrize("mod_name, q, i", WRONG)
def test_typical_wrong_answer_fails_with_a_message(mod_name, q, i, capsys):
    wrong = q.wrong_answers()[i]
    assert q.check(wrong) is False
    out = capsys.readouterr().out
    assert out.startswith(f"❌ {q.label}: "), out
    message = out.split(": ", 1)[1].splitlines()[0]
    assert len(message) > 15, f"the message for a wrong answer is too thin: {out!r}"
    assert "Traceback" not in out


@pytest.mark.parametrize("mod_name, q", QUESTIONS)
def test_hints_and_solution_print(mod_name, q, capsys):
    q.hint()
    assert "Hint 1 of" in capsys.readouterr().out
    q.hint(len(q.hints) + 1)
    assert "that was the last" in capsys.readouterr().out
    q.solution()
    assert q.solution_code.splitlines()[0].strip() in capsys.readouterr().out
