"""Targeted messages attached by wrapping a question's comparison (chapters 01 and 03).

The engine's own way is :func:`crmlearn.exercises._engine.teach` (chapters 00, 02, 04, 07-09);
chapters 01 and 03 were written before it and still use this wrapper.
"""
from __future__ import annotations


def targeted(q, mistakes):
    """Give ``q`` targeted messages for typical wrong answers (kept to the engine's public API).

    ``mistakes`` is a list of ``(wrong answer or zero-argument callable, message)``. When a learner's
    answer is wrong and matches one of them (by the question's own comparison), that message is shown
    instead of the generic one. The wrong answers also become ``q.wrong``, which the test suite checks.
    """
    base = q._compare

    def compare(answer, expected):
        ok, message = base(answer, expected)
        if ok is False:
            for wrong, text in mistakes:
                try:
                    same, _ = base(answer, wrong() if callable(wrong) else wrong)
                except Exception:  # a mistake that cannot be compared is simply skipped
                    same = False
                if same:
                    return False, text
        return ok, message

    q._compare = compare
    q.wrong = [w for w, _ in mistakes]
    return q
