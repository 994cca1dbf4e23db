"""Write an exercise notebook from its chapter module: ``exercises/exNN_name.ipynb``.

The questions' prompts, answer names, starters and the chapter's setup live in
``crmlearn.exercises.chNN``; this script lays them out the same way for every chapter, so the
notebook and the checks never drift apart:

* one import cell (``from crmlearn.exercises import chNN as ex``: no ``____`` in any import) and
  one setup cell (the module's ``SETUP``: the data every question uses, loaded once);
* per question: the prompt (with "judgement" marked), a starter cell that leaves ``ex.____`` to
  fill in, and a check cell;
* the learner's progress at the end.

The builder refuses a starter whose default arguments would print as ``<object object at 0x...>``
in ``help()``, and a starter that loads data (that belongs in the setup cell).

Run it after changing a chapter module, then execute the notebook with tools/run_notebooks.py.

Usage: python tools/build_exercises.py ch00 exercises/ex00_welcome.ipynb ["Title · 中文"]
"""
from __future__ import annotations

import importlib
import inspect
import re
import sys
import textwrap
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

_ADDRESS = re.compile(r" at 0x[0-9a-f]+", re.I)


def starter(q) -> str:
    """The starter cell: the answer variable set to ex.____ (a function stub for function questions)."""
    custom = getattr(q, "starter", None)
    if custom:
        text = textwrap.dedent(custom).strip("\n")
    elif q.kind == "function":
        signature = inspect.signature(q.reference).replace(return_annotation=inspect.Signature.empty)
        for p in signature.parameters.values():
            if p.default is not inspect.Parameter.empty and _ADDRESS.search(repr(p.default)):
                raise ValueError(f"{q.label}: the default of {p.name!r} has no readable repr ({p.default!r}); "
                                 "give it one or write the starter by hand.")
        text = f"def {q.answer_name}{signature}:\n    # your code here\n    return ex.____"
    else:
        text = f"{q.answer_name} = ex.____"
    if "load_dataset" in text:
        raise ValueError(f"{q.label}: the starter loads data; that belongs in the chapter's SETUP.")
    if re.search(r"(?<![\w.])____", text):
        raise ValueError(f"{q.label}: write the blank as ex.____ (the notebook imports nothing named ____).")
    return text


def build(chapter: str, title: str | None = None) -> nbformat.NotebookNode:
    module = importlib.import_module(f"crmlearn.exercises.{chapter}")
    doc = inspect.getdoc(module) or ""
    intro = doc.split("\n\n")[0].strip()
    number = int(chapter[2:])
    title = title or intro.split(":", 1)[-1].strip().rstrip(".")
    setup = textwrap.dedent(getattr(module, "SETUP", "")).strip("\n")
    cells = [
        new_markdown_cell(
            f"# Exercises {number} · {title}\n\n{intro}\n\n"
            "Run the two cells below first (the second loads the data every question uses). Then, for "
            "each question, replace `ex.____` with your code, run the cell, then run the check below it. "
            "Stuck? `ex.qN.hint()` gives a hint (`ex.qN.hint(2)` the next one) and `ex.qN.solution()` the "
            "worked solution. Your progress is kept between sessions: `ex.progress()` at the end shows it."),
        new_code_cell(f"from crmlearn.exercises import {chapter} as ex"),
    ]
    if setup:
        cells.append(new_code_cell(setup))
    for i, q in enumerate(module.questions(), start=1):
        kind = " · *judgement*" if getattr(q, "judgement", False) else ""
        cells.append(new_markdown_cell(f"## Question {i} · {q.title}{kind}\n\n{q.prompt}"))
        cells.append(new_code_cell(starter(q)))
        cells.append(new_code_cell(f"ex.{q.name}.check({q.answer_name})"))
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
