"""Every question of every chapter module ``crmlearn.exercises.chNN``, found automatically.

For each question: the official solution passes its own check; the untouched ``____``
placeholder reads "not attempted"; each typical wrong answer fails with a message, and each
listed mistake with its own targeted message (at least two per question); at least 40% of a
chapter's questions ask for a judgement (``judgement=True``). A new chapter module is tested as
soon as it exists. (The answer leak test is tests/test_answer_leak.py.)
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
MISTAKES = [pytest.param(p.values[0], p.values[1], i, id=f"{p.id}-mistake{i + 1}")
            for p in QUESTIONS for i in range(len(p.values[1].mistakes))]
#: chapters whose questions follow the "exercises that teach" rules (issue 9); later chapters join here
TEACHING_CHAPTERS = {"ch00", "ch01", "ch02", "ch03", "ch04", "ch05", "ch06", "ch07", "ch08", "ch09"}
MIN_QUESTIONS = {"ch00": 7, "ch01": 10, "ch02": 10, "ch03": 10, "ch04": 10, "ch05": 10, "ch06": 10, "ch07": 10,
                 "ch08": 10, "ch09": 12}


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


@pytest.mark.parametrize("mod_name, q", QUESTIONS)
def test_at_least_two_targeted_messages(mod_name, q):
    if mod_name not in TEACHING_CHAPTERS:
        pytest.skip(f"{mod_name} is not yet written to the exercises-that-teach rules")
    assert len(q.mistakes) >= 2, f"{q.label} needs two or more (wrong answer, message) pairs"
    messages = [m for _, m in q.mistakes]
    assert len(set(messages)) == len(messages), f"{q.label}: each mistake needs its own message"


@pytest.mark.parametrize("mod_name, q, i", MISTAKES)
def test_each_mistake_gets_its_targeted_message(mod_name, q, i, capsys):
    wrong, message = q.mistakes[i]
    value = wrong if q.kind == "function" else (wrong() if callable(wrong) else wrong)
    assert q.check(value, record=False) is False
    out = capsys.readouterr().out
    assert message in out, f"{q.label}: expected the targeted message {message!r}, got {out!r}"
    # the message must not give the answer away
    if q.kind not in ("function", "table"):
        expected = q.expected()
        shown = [expected] if isinstance(expected, (str, int, float)) else []
        choices = [str(c).lower() for c in (getattr(q, "choices", None) or [])]
        names_all_choices = choices and all(c in message.lower() for c in choices)
        for e in shown:
            if isinstance(e, str) and len(e) > 2 and not names_all_choices:
                assert e.lower() not in message.lower(), f"{q.label}: the message names the answer {e!r}"


@pytest.mark.parametrize("mod_name", sorted(TEACHING_CHAPTERS & set(CHAPTER_MODULES)))
def test_judgement_share_and_question_count(mod_name):
    qs = importlib.import_module(f"crmlearn.exercises.{mod_name}").questions()
    assert len(qs) >= MIN_QUESTIONS[mod_name]
    share = sum(q.judgement for q in qs) / len(qs)
    print(f"{mod_name}: {len(qs)} questions, {share:.0%} judgement")
    assert share >= 0.4, f"{mod_name}: only {share:.0%} of the questions ask for a judgement"


@pytest.mark.parametrize("mod_name", sorted(TEACHING_CHAPTERS & set(CHAPTER_MODULES)))
def test_one_setup_cell_and_clean_starters(mod_name):
    module = importlib.import_module(f"crmlearn.exercises.{mod_name}")
    assert module.SETUP.strip() and "____" not in module.SETUP
    for q in module.questions():
        assert q.setup == module.SETUP.strip("\n"), f"{q.label} should use the chapter's SETUP"
        starter = getattr(q, "starter", "")
        assert "ex.____" in starter, f"{q.label}: the starter should leave ex.____ to fill in"
        assert "load_dataset" not in starter, f"{q.label}: loading data belongs in the setup cell"
