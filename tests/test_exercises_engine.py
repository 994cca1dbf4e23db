"""The exercise engine on toy questions: every kind of answer, right, wrong, unfinished or odd.

The rule under test: ``check`` prints a verdict and returns True/False, and never lets a
traceback reach the learner. Progress goes to $CRMLEARN_HOME (a temporary folder, set by
conftest.py).
"""
from __future__ import annotations

import copy
import json
import math
import pickle
import warnings

import numpy as np
import pandas as pd
import pytest

from crmlearn.exercises import (
    Case,
    CategoryQuestion,
    FunctionQuestion,
    ListQuestion,
    NumberQuestion,
    SetQuestion,
    TableQuestion,
    ____,
    progress,
    reset_progress,
)
from crmlearn.exercises import _engine, _progress

CH = "toy"


@pytest.fixture(autouse=True)
def _forget_toy_questions():
    yield
    _engine._REGISTRY.pop(CH, None)
    _progress._warned.clear()


def make(cls, name="q1", **kw):
    base = dict(chapter=CH, name=name, prompt="A toy question.", solution_code="answer = 1",
                answer_name="answer", hints=["first hint", "second hint"])
    base.update(kw)
    return cls(**base)


def verdict(q, answer, capsys):
    """Check, and return (result, printed text); fail the test if anything was raised."""
    result = q.check(answer)
    out = capsys.readouterr().out
    assert isinstance(result, bool)
    assert "Traceback" not in out
    return result, out


# ------------------------------------------------------------------------------------------------
# the placeholder
# ------------------------------------------------------------------------------------------------
def test_placeholder_absorbs_starter_cell_operations():
    total = np.float64(10.0)
    assert ____ / total is ____
    assert total / ____ is ____
    assert ____.sum() is ____
    assert ____["amount"].mean() is ____
    assert pd.Series([1.0, 2.0]) * ____ is ____
    assert np.sqrt(____) is ____
    assert repr(____) == "____" and f"{____:.2f}" == "____"
    assert copy.deepcopy(____) is ____ and pickle.loads(pickle.dumps(____)) is ____
    assert not ____
    with pytest.raises(TypeError, match="placeholder"):
        float(____)


def test_placeholder_is_a_singleton():
    from crmlearn.exercises._placeholder import _Placeholder

    assert _Placeholder() is ____


# ------------------------------------------------------------------------------------------------
# numbers
# ------------------------------------------------------------------------------------------------
def test_number_right_wrong_and_numpy(capsys):
    q = make(NumberQuestion, expected=lambda: 1500, tol=0)
    assert verdict(q, 1500, capsys)[0]
    assert verdict(q, np.int64(1500), capsys)[0]
    assert verdict(q, pd.Series([1500]), capsys)[0]
    assert verdict(q, np.array(1500.0), capsys)[0]
    ok, out = verdict(q, 1499, capsys)
    assert not ok and "❌" in out and "lower" in out and "q1.hint()" in out


def test_number_tolerance(capsys):
    q = make(NumberQuestion, expected=lambda: 0.8123, tol=0.0005)
    assert verdict(q, 0.812, capsys)[0]
    ok, out = verdict(q, 0.811, capsys)
    assert not ok and "close" in out


def test_number_percentage_is_recognised(capsys):
    q = make(NumberQuestion, expected=lambda: 0.8, tol=0.001)
    ok, out = verdict(q, 80, capsys)
    assert not ok and "looks like a percentage" in out and "0.8" in out


@pytest.mark.parametrize("answer, words", [
    (None, "None"),
    ("1500", "without quotes"),
    ("many", "number is expected"),
    (True, "truth value"),
    ([1, 2, 3], "single number"),
    (pd.DataFrame({"a": [1, 2]}), "single number"),
    (float("nan"), "NaN"),
    (math.inf, "infinite"),
    (-1500, "wrong sign"),
    (object(), "number is expected"),
])
def test_number_odd_answers_get_a_message(answer, words, capsys):
    q = make(NumberQuestion, expected=lambda: 1500)
    ok, out = verdict(q, answer, capsys)
    assert not ok and "❌" in out and words in out


def test_placeholder_reads_not_attempted_everywhere(capsys):
    q = make(NumberQuestion, expected=lambda: 3)
    for answer in (____, ____ / 2, [____], (1, ____), {"x": ____}, pd.Series([1, ____])):
        ok, out = verdict(q, answer, capsys)
        assert not ok
        assert "not attempted" in out and "❌" not in out and "wrong" not in out.lower()
    # not attempted is not an attempt
    assert "toy/q1" not in _progress.load_progress()["questions"]


def test_expected_is_computed_when_checked_and_cached(capsys):
    calls = []

    def expected():
        calls.append(1)
        return 42

    q = make(NumberQuestion, expected=expected)
    assert calls == []          # nothing computed at definition time
    verdict(q, 41, capsys)
    verdict(q, 42, capsys)
    assert calls == [1]         # computed once, then cached


def test_failure_to_compute_expected_is_not_blamed_on_the_learner(capsys):
    def broken():
        raise FileNotFoundError("datasets/customers.csv")

    q = make(NumberQuestion, expected=broken)
    ok, out = verdict(q, 1, capsys)
    assert not ok and "not your fault" in out and "❌" not in out


# ------------------------------------------------------------------------------------------------
# categories
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["A", "a", " A ", "A类", "a class", "Ａ"])
def test_category_spellings(answer, capsys):
    q = make(CategoryQuestion, expected=lambda: "A", choices=["A", "B", "C"])
    assert verdict(q, answer, capsys)[0]


def test_category_chinese_synonyms(capsys):
    q = make(CategoryQuestion, expected=lambda: "retail", choices=["retail", "business", "channel", "internal"])
    assert verdict(q, "零售客户", capsys)[0]
    assert verdict(q, np.str_("Retail"), capsys)[0]
    assert verdict(q, pd.Series(["retail"]), capsys)[0]
    q2 = make(CategoryQuestion, name="q2", expected=lambda: "strategic", synonyms={"strategic": ["战略客户"]})
    assert verdict(q2, "战略客户", capsys)[0]


def test_category_wrong_and_odd(capsys):
    q = make(CategoryQuestion, expected=lambda: "retail", choices=["retail", "business"])
    ok, out = verdict(q, "business", capsys)
    assert not ok and "not the right label for this case" in out and "'A'" not in out
    ok, out = verdict(q, "wholesale", capsys)
    assert not ok and "not one of the options" in out and "retail, business" in out
    ok, out = verdict(q, pd.Series([5, 3], index=["retail", "business"]), capsys)
    assert not ok and "idxmax" in out
    ok, out = verdict(q, None, capsys)
    assert not ok and "None" in out


# ------------------------------------------------------------------------------------------------
# sets and lists
# ------------------------------------------------------------------------------------------------
def test_set_any_order_and_containers(capsys):
    q = make(SetQuestion, expected=lambda: ["paper", "ink_toner", "software"])
    for answer in (["software", "paper", "ink_toner"], {"Paper", "ink toner", "SOFTWARE"},
                   np.array(["paper", "software", "ink_toner", "paper"]), pd.Series(["paper", "software", "ink_toner"]),
                   pd.Index(["paper", "software", "ink_toner"])):
        assert verdict(q, answer, capsys)[0], answer


def test_set_names_missing_and_extra(capsys):
    q = make(SetQuestion, expected=lambda: ["paper", "ink_toner", "software"])
    ok, out = verdict(q, ["paper", "ink_toner", "toys"], capsys)
    assert not ok and "missing 1 item" in out and "'toys'" in out and "software" not in out  # never name the answer


def test_set_limits_the_list_of_missing_items(capsys):
    q = make(SetQuestion, expected=lambda: [f"item{i}" for i in range(20)])
    ok, out = verdict(q, ["item0"], capsys)
    assert not ok and "missing 19 items" in out


def test_set_odd_answers(capsys):
    q = make(SetQuestion, expected=lambda: ["paper", "software"])
    for answer, words in (("paper", "single text"), (None, "None"), (3, "collection"),
                          (pd.DataFrame({"x": [1]}), "column")):
        ok, out = verdict(q, answer, capsys)
        assert not ok and words in out, (answer, out)
    counts = pd.Series([3, 2], index=["paper", "software"])
    ok, out = verdict(q, counts, capsys)
    assert not ok and ".index" in out


def test_ordered_list(capsys):
    q = make(ListQuestion, expected=lambda: ["gold", "silver", "bronze"])
    assert verdict(q, ("Gold", "silver", "bronze"), capsys)[0]
    ok, out = verdict(q, ["silver", "gold", "bronze"], capsys)
    assert not ok and "not in the right order" in out and "position 1" in out
    ok, out = verdict(q, ["gold", "silver"], capsys)
    assert not ok and "Expected 3 items" in out and "bronze" not in out
    ok, out = verdict(q, {"gold", "silver", "bronze"}, capsys)
    assert not ok and "no order" in out
    qn = make(ListQuestion, name="q2", expected=lambda: [0.5, 0.25], tol=0.01)
    assert verdict(qn, [0.501, np.float64(0.249)], capsys)[0]


# ------------------------------------------------------------------------------------------------
# tables
# ------------------------------------------------------------------------------------------------
def _expected_table():
    idx = pd.Index(["C00001", "C00002", "C00003"], name="customer_id")
    return pd.DataFrame({"monetary": [100.0, 50.0, 10.0], "abc_class": ["A", "B", "C"]}, index=idx)


def test_table_right_in_any_row_and_column_order(capsys):
    q = make(TableQuestion, expected=_expected_table)
    answer = _expected_table().iloc[::-1][["abc_class", "monetary"]]
    assert verdict(q, answer, capsys)[0]
    answer = _expected_table().assign(extra=1, monetary=lambda d: d["monetary"] + 1e-12)
    assert verdict(q, answer, capsys)[0]


def test_table_names_first_differing_column_and_customer(capsys):
    q = make(TableQuestion, expected=_expected_table)
    answer = _expected_table()
    answer.loc["C00002", "monetary"] = 55.0
    ok, out = verdict(q, answer, capsys)
    assert not ok and "'monetary'" in out and "customer_id C00002" in out and "55" in out
    answer = _expected_table()
    answer.loc["C00003", "abc_class"] = "B"
    ok, out = verdict(q, answer, capsys)
    assert not ok and "'abc_class'" in out and "C00003" in out


def test_table_wrong_shape_index_and_kind(capsys):
    q = make(TableQuestion, expected=_expected_table)
    ok, out = verdict(q, _expected_table().iloc[:2], capsys)
    assert not ok and "Expected 3 rows" in out and "C00003" in out
    ok, out = verdict(q, _expected_table().reset_index(), capsys)
    assert not ok and "set_index('customer_id')" in out
    ok, out = verdict(q, _expected_table().drop(columns="abc_class"), capsys)
    assert not ok and "Missing column: 'abc_class'" in out
    ok, out = verdict(q, pd.concat([_expected_table(), _expected_table().iloc[:1]]), capsys)
    assert not ok and "repeated index labels" in out
    ok, out = verdict(q, [[100, "A"]], capsys)
    assert not ok and "DataFrame" in out
    ok, out = verdict(q, None, capsys)
    assert not ok and "None" in out
    ok, out = verdict(q, _expected_table().assign(monetary=["a", "b", "c"]), capsys)
    assert not ok and "numbers are expected" in out


def test_table_series_answers(capsys):
    expected = pd.Series([3, 2], index=pd.Index(["East", "North"], name="region"))
    q = make(TableQuestion, expected=lambda: expected)
    assert verdict(q, pd.Series({"North": 2, "East": 3}), capsys)[0]   # index name and order do not matter
    assert verdict(q, expected.to_frame("n"), capsys)[0]               # a one-column table is fine
    ok, out = verdict(q, pd.Series({"North": 2, "East": 4}), capsys)
    assert not ok and "East" in out and "yours is 4 (too high)" in out and "3" not in out.split("East")[1]
    ok, out = verdict(q, 5, capsys)
    assert not ok and "Series" in out


def test_table_row_order_when_required(capsys):
    q = make(TableQuestion, expected=_expected_table, check_row_order=True)
    ok, out = verdict(q, _expected_table().iloc[::-1], capsys)
    assert not ok and "order" in out


# ------------------------------------------------------------------------------------------------
# functions
# ------------------------------------------------------------------------------------------------
def _ref_revenue(tx):
    return tx.groupby("line")["amount"].sum()


def _cases():
    tx = pd.DataFrame({"line": ["a", "a", "b"], "amount": [1.0, 2.0, 5.0]})
    return [Case(tx, label="tiny"), Case(tx.iloc[:2].copy(), label="two rows")]


def make_fq(**kw):
    base = dict(reference=_ref_revenue, cases=_cases, answer_name="f",
                solution_code="def f(tx):\n    return tx.groupby('line')['amount'].sum()")
    base.update(kw)
    return make(FunctionQuestion, **base)


def test_function_right_and_wrong(capsys):
    q = make_fq()
    assert verdict(q, lambda tx: tx.groupby("line").amount.sum(), capsys)[0]
    ok, out = verdict(q, lambda tx: tx.groupby("line").amount.mean(), capsys)
    assert not ok and "test case 1 (tiny)" in out and "line a" in out and "your function" in out


def test_function_exception_is_reported_not_raised(capsys):
    q = make_fq()

    def broken(tx):
        return tx["no_such_column"]

    ok, out = verdict(q, broken, capsys)
    assert not ok and "KeyError" in out and "broken" in out


def test_function_inputs_are_fresh_copies_and_not_mutated(capsys):
    originals = _cases()
    snapshot = [c.args[0].copy() for c in originals]
    q = make_fq(cases=lambda: originals)
    seen = []

    def mutating(tx):
        seen.append(id(tx))
        tx["amount"] = tx["amount"] * 0
        return _ref_revenue(tx)

    ok, out = verdict(q, mutating, capsys)
    assert not ok
    for case, before in zip(originals, snapshot):       # the test cases themselves are untouched
        pd.testing.assert_frame_equal(case.args[0], before)
    assert id(originals[0].args[0]) not in seen         # the learner got a copy

    def adds_column(tx):
        tx["x"] = 1
        return _ref_revenue(tx)

    ok, out = verdict(q, adds_column, capsys)
    assert not ok and "changed its input" in out and "copy" in out


def test_function_not_callable_placeholder_and_unfinished(capsys):
    q = make_fq()
    ok, out = verdict(q, 3, capsys)
    assert not ok and "a function is expected" in out
    ok, out = verdict(q, ____, capsys)
    assert not ok and "not attempted" in out
    ok, out = verdict(q, lambda tx: ____, capsys)
    assert not ok and "not attempted" in out and "❌" not in out


def test_function_reference_result_cached_and_cases_not_mutated_by_reference(capsys):
    calls = []

    def ref(tx):
        calls.append(1)
        tx["amount"] = 0.0   # a careless reference must not spoil the learner's copy
        return tx["amount"].sum()

    q = make(FunctionQuestion, reference=ref, cases=_cases, solution_code="f = None", answer_name="f")
    assert verdict(q, lambda tx: 0.0, capsys)[0]
    assert verdict(q, lambda tx: 0.0, capsys)[0]
    assert len(calls) == 2     # once per case, then cached


# ------------------------------------------------------------------------------------------------
# hints and solutions
# ------------------------------------------------------------------------------------------------
def test_hints_step_through_and_stop(capsys):
    q = make(NumberQuestion, expected=lambda: 1)
    q.hint()
    out = capsys.readouterr().out
    assert "Hint 1 of 2" in out and "first hint" in out and "q1.hint(2)" in out
    q.hint(2)
    out = capsys.readouterr().out
    assert "Hint 2 of 2" in out and "second hint" in out
    q.hint(3)
    out = capsys.readouterr().out
    assert "only 2 hints" in out and "solution()" in out
    q.hint(0)
    assert "from 1 to 2" in capsys.readouterr().out
    make(NumberQuestion, name="q9", expected=lambda: 1, hints=[]).hint()
    assert "no hints" in capsys.readouterr().out


def test_solution_prints_code_and_explanation(capsys):
    q = make(NumberQuestion, expected=lambda: 1, solution_code="answer = 1", explanation="Because one.")
    q.solution()
    out = capsys.readouterr().out
    assert "answer = 1" in out and "Because one." in out
    assert q.run_solution() == 1


def test_bad_question_definitions_fail_early():
    with pytest.raises(ValueError, match="answer_name"):
        make(NumberQuestion, expected=lambda: 1, answer_name="not a name")
    with pytest.raises(TypeError, match="hints"):
        make(NumberQuestion, expected=lambda: 1, hints="one string")
    with pytest.raises(ValueError, match="tol"):
        make(NumberQuestion, expected=lambda: 1, tol=-1)


# ------------------------------------------------------------------------------------------------
# progress
# ------------------------------------------------------------------------------------------------
def test_progress_is_recorded_under_crmlearn_home(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CRMLEARN_HOME", str(tmp_path / "home"))
    q1 = make(NumberQuestion, expected=lambda: 1)
    q2 = make(NumberQuestion, name="q2", expected=lambda: 2)
    make(NumberQuestion, name="q3", expected=lambda: 3)
    q1.check(0)
    q1.check(1)
    q1.check(0)     # solved stays solved
    q2.check(5)
    path = tmp_path / "home" / "progress.json"
    data = json.loads(path.read_text(encoding="utf-8"))["questions"]
    assert data["toy/q1"]["solved"] is True and data["toy/q1"]["attempts"] == 3
    assert data["toy/q1"]["chapter"] == "toy" and data["toy/q1"]["question"] == "q1"
    assert "last_attempt" in data["toy/q1"] and "solved_at" in data["toy/q1"]
    assert data["toy/q2"]["solved"] is False and data["toy/q2"]["attempts"] == 1
    capsys.readouterr()
    table = progress(CH)
    out = capsys.readouterr().out
    assert list(table["status"]) == ["solved", "tried", "not attempted"]
    assert list(table["attempts"]) == [3, 1, 0]
    assert "toy: 1 of 3 solved, 1 tried, 1 not attempted" in out
    reset_progress(CH)
    assert "toy/q1" not in json.loads(path.read_text(encoding="utf-8"))["questions"]
    assert list(progress(CH)["status"]) == ["not attempted"] * 3


def test_corrupt_progress_file_is_backed_up(tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    home.mkdir()
    (home / "progress.json").write_text("{ this is not json", encoding="utf-8")
    monkeypatch.setenv("CRMLEARN_HOME", str(home))
    q = make(NumberQuestion, expected=lambda: 1)
    assert q.check(1) is True
    err = capsys.readouterr().err
    assert len([line for line in err.splitlines() if "damaged" in line]) == 1
    backups = list(home.glob("progress.json.corrupt-*"))
    assert len(backups) == 1 and backups[0].read_text(encoding="utf-8") == "{ this is not json"
    data = json.loads((home / "progress.json").read_text(encoding="utf-8"))
    assert data["questions"]["toy/q1"]["solved"] is True


@pytest.mark.parametrize("content", [
    "[1, 2, 3]",
    '{"attempts": "many"}',
    '{"version": 1, "questions": {"ch00/q1": {"attempts": "many"}}}',
    '{"version": 1, "questions": {"ch00/q1": {"attempts": -2}}}',
    '{"version": 1, "questions": {"ch00/q1": {"solved": "yes"}}}',
    '{"version": 1, "questions": {"ch00/q1": {"last_attempt": 5}}}',
    '{"version": 1, "questions": {"ch00/q1": [1]}}',
    '{"version": "one", "questions": {}}',
    '{"version": 1, "questions": {"ch00/q1": {"chapter": "ch00", "attem',   # truncated
    "",
])
def test_wrong_structure_counts_as_corrupt(tmp_path, monkeypatch, capsys, content):
    monkeypatch.setenv("CRMLEARN_HOME", str(tmp_path))
    (tmp_path / "progress.json").write_text(content, encoding="utf-8")
    assert _progress.load_progress()["questions"] == {}
    err = capsys.readouterr().err
    notice = [line for line in err.splitlines() if "damaged" in line]
    assert len(notice) == 1 and "fresh record" in notice[0] and "Traceback" not in err
    assert len(list(tmp_path.glob("progress.json.corrupt-*"))) == 1
    # progress() and a new attempt work on the fresh record
    q = make(NumberQuestion, expected=lambda: 1)
    assert list(progress(CH)["status"]) == ["not attempted"]
    assert q.check(1) is True
    assert json.loads((tmp_path / "progress.json").read_text(encoding="utf-8"))["questions"]["toy/q1"]["solved"]


def test_unwritable_home_warns_once_and_keeps_working(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CRMLEARN_HOME", str(blocker / "sub"))
    q = make(NumberQuestion, expected=lambda: 1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert q.check(1) is True
        assert q.check(2) is False
    messages = [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]
    assert len(messages) == 1 and "could not save your progress" in messages[0]
    assert "✅" in capsys.readouterr().out


def test_atomic_write_leaves_no_temporary_files(tmp_path, monkeypatch):
    monkeypatch.setenv("CRMLEARN_HOME", str(tmp_path))
    for i in range(5):
        _progress.record_attempt("toy", f"q{i}", bool(i % 2))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["progress.json"]
    assert len(_progress.load_progress()["questions"]) == 5


def test_record_false_writes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CRMLEARN_HOME", str(tmp_path))
    q = make(NumberQuestion, expected=lambda: 1, record=False)
    assert q.check(1)
    assert not (tmp_path / "progress.json").exists()


# ------------------------------------------------------------------------------------------------
# invariants on many generated answers
# ------------------------------------------------------------------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_anything = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
    | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answer=_anything)
def test_check_never_raises_and_always_says_something(answer, capsys):
    kinds = [
        make(NumberQuestion, name="n", expected=lambda: 0.8, record=False),
        make(CategoryQuestion, name="c", expected=lambda: "A", choices=["A", "B"], record=False),
        make(SetQuestion, name="s", expected=lambda: ["a", 1], record=False),
        make(ListQuestion, name="l", expected=lambda: [1, 2], record=False),
        make(TableQuestion, name="t", expected=_expected_table, record=False),
        make_fq(name="f", record=False),
    ]
    for q in kinds:
        result = q.check(answer)
        out = capsys.readouterr().out
        assert isinstance(result, bool)
        assert out.strip() and out[0] in "✅❌⏳"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(st.text(alphabet="abcdefgh", min_size=1, max_size=5), min_size=1, max_size=8, unique=True),
       data=st.data())
def test_set_accepts_any_order_and_rejects_any_missing_item(items, data, capsys):
    q = make(SetQuestion, name="s", expected=lambda: items, record=False)
    shuffled = data.draw(st.permutations(items))
    assert q.check(shuffled) is True
    if len(items) > 1:
        dropped = data.draw(st.sampled_from(items))
        assert q.check([i for i in items if i != dropped]) is False
        assert "missing 1 item" in capsys.readouterr().out


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(expected=st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
       offset=st.floats(min_value=-1, max_value=1))
def test_number_within_tolerance_passes(expected, offset, capsys):
    q = make(NumberQuestion, name="n", expected=lambda: expected, tol=0.01, rtol=0, record=False)
    assert q.check(expected + offset * 0.0099) is True
    assert q.check(expected + 0.02 + abs(offset)) is False


def test_forgotten_brackets_are_pointed_out(capsys):
    s = pd.Series([1.0, 2.0])
    q = make(NumberQuestion, expected=lambda: 1.5)
    ok, out = verdict(q, s.mean, capsys)
    assert not ok and "forget the brackets" in out and ".mean()" in out
    q2 = make(TableQuestion, name="q2", expected=lambda: s)
    ok, out = verdict(q2, s.copy, capsys)
    assert not ok and "forget the brackets" in out


# ------------------------------------------------------------------------------------------------
# the learner's code cannot hang or end the session (issue 8)
# ------------------------------------------------------------------------------------------------
import sys  # noqa: E402
import time  # noqa: E402


def _fq(limit=1.0, **kw):
    return make(FunctionQuestion, name="f", reference=lambda x: 2 * x, cases=[Case(1), Case(5)],
                solution_code="def double(x):\n    return 2 * x", answer_name="double", record=False,
                time_limit=limit, **kw)


def test_endless_loop_gets_a_timeout_verdict_within_the_limit(capsys):
    q = _fq(limit=1.0)

    def double(x):
        while True:
            pass

    t0 = time.monotonic()
    ok, out = verdict(q, double, capsys)
    elapsed = time.monotonic() - t0
    assert not ok and "time limit of 1 s" in out and "loop" in out
    assert elapsed < 1.0 + 1.5, f"check took {elapsed:.1f} s"
    # the stopped loop does not keep running: the next check is quick and right
    ok, out = verdict(q, lambda x: 2 * x, capsys)
    assert ok


def test_default_time_limit_is_ten_seconds():
    from crmlearn.exercises._engine import DEFAULT_TIME_LIMIT

    assert DEFAULT_TIME_LIMIT == 10.0
    assert _fq(limit=10.0).time_limit == 10.0
    with pytest.raises(ValueError, match="time_limit"):
        _fq(limit=0)


def test_a_blocking_call_cannot_hang_check(capsys):
    q = _fq(limit=0.5)
    t0 = time.monotonic()
    ok, out = verdict(q, lambda x: time.sleep(4), capsys)
    assert not ok and "time limit" in out and time.monotonic() - t0 < 2.5


@pytest.mark.parametrize("exc, words", [(SystemExit(3), "sys.exit()"), (KeyboardInterrupt(), "KeyboardInterrupt"),
                                        (RecursionError("deep"), "RecursionError"),
                                        (GeneratorExit(), "GeneratorExit")])
def test_exits_and_odd_exceptions_become_a_verdict(exc, words, capsys):
    q = _fq()

    def double(x):
        raise exc

    ok, out = verdict(q, double, capsys)
    assert not ok and words in out and out.startswith("❌")


def test_exit_inside_an_answer_object_does_not_escape(capsys):
    class Weird:
        def __float__(self):
            sys.exit(1)

    q = make(NumberQuestion, expected=lambda: 1.0, record=False)
    ok, out = verdict(q, Weird(), capsys)
    assert not ok and out.startswith("❌")


def test_interrupt_while_checking_is_a_verdict(capsys, monkeypatch):
    q = make(NumberQuestion, expected=lambda: 1.0, record=False)

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(q, "_compare", interrupted)
    ok, out = verdict(q, 2.0, capsys)
    assert not ok and "interrupted" in out


def test_run_limited_reports_each_outcome():
    from crmlearn.exercises._engine import run_limited

    assert run_limited(lambda: 42, 1) == ("ok", 42)
    status, exc = run_limited(lambda: sys.exit(2), 1)
    assert status == "raised" and isinstance(exc, SystemExit)
    assert run_limited(lambda: time.sleep(2), 0.2)[0] == "timeout"


# ------------------------------------------------------------------------------------------------
# one normalisation for every kind of answer
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("spelling", ["platinum", "Platinum", " PLATINUM ", "ｐｌａｔｉｎｕｍ", "铂金", "鉑金",
                                      "platinum tier", "铂金客户"])
def test_a_label_is_accepted_the_same_way_in_every_kind(spelling, capsys):
    cat = make(CategoryQuestion, name="c", expected=lambda: "platinum", record=False)
    st_ = make(SetQuestion, name="s", expected=lambda: ["platinum", "gold"], record=False)
    ls = make(ListQuestion, name="l", expected=lambda: ["platinum", "gold"], record=False)
    values = make(TableQuestion, name="t", record=False,
                  expected=lambda: pd.Series(["platinum", "gold"], index=pd.Index(["C1", "C2"], name="customer_id")))
    index = make(TableQuestion, name="i", record=False,
                 expected=lambda: pd.Series([3, 5], index=pd.Index(["platinum", "gold"], name="tier")))
    assert verdict(cat, spelling, capsys)[0]
    assert verdict(st_, [spelling, "Gold"], capsys)[0]
    assert verdict(ls, [spelling, "GOLD"], capsys)[0]
    assert verdict(values, pd.Series([spelling, "gold "], index=pd.Index(["C1", "C2"], name="customer_id")), capsys)[0]
    assert verdict(index, pd.Series([5, 3], index=pd.Index(["gold", spelling], name="tier")), capsys)[0]
    # and a wrong label is wrong everywhere
    assert not verdict(cat, "gold", capsys)[0]
    assert not verdict(values, pd.Series(["gold", "gold"], index=pd.Index(["C1", "C2"], name="customer_id")), capsys)[0]


def test_function_results_are_normalised_too(capsys):
    q = make(FunctionQuestion, name="f", record=False, reference=lambda x: pd.Series(["platinum"], index=["a"]),
             cases=[Case(1)], solution_code="f = 1", answer_name="f")
    assert verdict(q, lambda x: pd.Series(["Platinum"], index=["a"]), capsys)[0]


# ------------------------------------------------------------------------------------------------
# targeted messages, help(), record=False
# ------------------------------------------------------------------------------------------------
def test_a_listed_mistake_gets_its_targeted_message(capsys):
    q = make(NumberQuestion, expected=lambda: 0.25, record=False,
             wrong=[(lambda: 0.75, "You computed the share kept, not the share lost."), (12, "That is a count.")])
    assert q.mistakes and len(q.wrong) == 2
    ok, out = verdict(q, 0.75, capsys)
    assert not ok and "share kept, not the share lost" in out and "0.25" not in out
    ok, out = verdict(q, 12, capsys)
    assert "That is a count." in out
    ok, out = verdict(q, 0.5, capsys)   # not a listed mistake: the generic message
    assert not ok and "higher than expected" in out


def test_help_shows_readable_defaults():
    import pydoc
    import re as _re

    from crmlearn.exercises import ch00, ch02, ch04

    texts = [pydoc.render_doc(obj, renderer=pydoc.plaintext)
             for obj in (ch00, ch02, ch04, ch04.q1, ch04.q13, NumberQuestion, FunctionQuestion, ____)]
    for text in texts:
        assert not _re.search(r"at 0x[0-9a-f]+", text), _re.search(r".{60}at 0x[0-9a-f]+", text)
    assert repr(____) == "____" and repr(ch04.____) == "____"


def test_starter_functions_have_readable_help():
    import importlib.util
    import pydoc
    from pathlib import Path

    spec = importlib.util.spec_from_file_location("build_exercises", Path(__file__).parents[1] / "tools" / "build_exercises.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    from crmlearn.exercises import ch00, ch02, ch04

    for module in (ch00, ch02, ch04):
        for q in module.questions():
            code = tool.starter(q)
            assert "ex.____" in code and "load_dataset" not in code
            if q.kind == "function":
                namespace = {"ex": module}
                exec(code, namespace)
                text = pydoc.render_doc(namespace[q.answer_name], renderer=pydoc.plaintext)
                assert " at 0x" not in text


def test_record_false_on_check_writes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("CRMLEARN_HOME", str(tmp_path))
    q = make(NumberQuestion, expected=lambda: 1)      # a recording question
    assert q.check(1, record=False) is True
    assert q.check(2, record=False) is False
    assert not (tmp_path / "progress.json").exists()
    assert q.check(1) is True                           # the default still records
    assert (tmp_path / "progress.json").exists()
