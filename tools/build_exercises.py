"""Write an exercise notebook from its chapter module: ``exercises/exNN_name.ipynb``.

The questions' prompts, answer names and starters live in ``crmlearn.exercises.chNN``; this
script lays them out the same way for every chapter, so the notebook and the checks never
drift apart. Run it after changing a chapter module, then ``make notebooks`` to execute it.

Usage: python tools/build_exercises.py ch00 exercises/ex00_welcome.ipynb ["Title · 中文"]
"""
from __future__ import annotations

import importlib
import inspect
import sys
import textwrap
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def starter(q) -> str:
    """The starter cell: the answer variable set to ____ (a function stub for function questions)."""
    custom = getattr(q, "starter", None)
    if custom:
        return textwrap.dedent(custom).strip("\n")
    if q.kind == "function":
        signature = inspect.signature(q.reference).replace(return_annotation=inspect.Signature.empty)
        return f"def {q.answer_name}{signature}:\n    # your code here\n    return ____"
    return f"{q.answer_name} = ____"


def build(chapter: str, title: str | None = None) -> nbformat.NotebookNode:
    module = importlib.import_module(f"crmlearn.exercises.{chapter}")
    doc = inspect.getdoc(module) or ""
    intro = doc.split("\n\n")[0].strip()
    number = int(chapter[2:])
    title = title or intro.split(":", 1)[-1].strip().rstrip(".")
    cells = [
        new_markdown_cell(
            f"# Exercises {number} · {title}\n\n{intro}\n\n"
            "Fill in each `____`, run the cell, then run the check below it. Stuck? "
            "`ex.qN.hint()` gives a hint (`ex.qN.hint(2)` the next one) and `ex.qN.solution()` the worked "
            "solution. Your progress is kept between sessions: `ex.progress()` at the end shows it."),
        new_code_cell(f"import crmlearn\nfrom crmlearn.exercises import ____\nfrom crmlearn.exercises import {chapter} as ex"),
    ]
    for i, q in enumerate(module.questions(), start=1):
        cells.append(new_markdown_cell(f"## Question {i} · {q.title}\n\n{q.prompt}"))
        cells.append(new_code_cell(starter(q)))
        cells.append(new_code_cell(f"ex.{q.name}.check({q.answer_name})"))
        cells.append(new_markdown_cell(
            f"Stuck? Run `ex.{q.name}.hint()` (then `ex.{q.name}.hint(2)`), or `ex.{q.name}.solution()`."))
    cells.append(new_markdown_cell("## Your progress"))
    cells.append(new_code_cell("ex.progress()"))
    cells[-1].metadata["tags"] = ["nbval-ignore-output"]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    chapter, path = argv[0], Path(argv[1])
    nb = build(chapter, argv[2] if len(argv) > 2 else None)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    print(f"wrote {path} ({sum(c.cell_type == 'code' for c in nb.cells)} code cells)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
