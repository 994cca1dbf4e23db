"""Each chapter notebook covers its syllabus chapter, by concept name.

Generic over chapters: add a chapter number to COVERED once its notebook has a "Syllabus
coverage" front-matter cell. The syllabus lives outside the repository (../shared/syllabus.md, or
the file named by CRMLEARN_SYLLABUS); without it only the notebook's own list is checked:

1. the notebook has a "Syllabus coverage" markdown cell listing concepts;
2. every listed concept appears again elsewhere in the notebook's markdown (it is taught, not only listed);
3. with the syllabus: every bold concept of the chapter's "Concepts" and "Cases and examples"
   sections is in that list, and every discussion question of the chapter appears in the notebook.
"""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
COVERED = [1, 3, 5, 6, 7, 8, 9]


def _syllabus() -> Path | None:
    for cand in (os.environ.get("CRMLEARN_SYLLABUS"), ROOT.parent / "shared" / "syllabus.md"):
        if cand and Path(cand).is_file():
            return Path(cand)
    return None


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'").replace("–", "-")
    text = re.sub(r"[*_`>]", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def _notebook(chapter: int) -> nbformat.NotebookNode:
    found = sorted((ROOT / "notebooks").glob(f"{chapter:02d}_*.ipynb"))
    assert found, f"no notebook for chapter {chapter}"
    return nbformat.read(found[0], as_version=4)


def _coverage_cell(nb) -> tuple[int, list[str]]:
    for i, c in enumerate(nb.cells):
        if c.cell_type == "markdown" and c.source.lstrip().startswith("Syllabus coverage"):
            items = [m.strip() for m in re.findall(r"^- (.+)$", c.source, re.M)]
            return i, items
    raise AssertionError("no markdown cell starting with 'Syllabus coverage'")


def _chapter_section(text: str, chapter: int) -> str:
    m = re.search(rf"^## Chapter {chapter} .*?(?=^## |\Z)", text, re.M | re.S)
    assert m, f"the syllabus has no '## Chapter {chapter}' section"
    return m.group(0)


def _subsection(section: str, name: str) -> str:
    m = re.search(rf"^### {re.escape(name)}.*?(?=^### |\Z)", section, re.M | re.S)
    return m.group(0) if m else ""


def syllabus_concepts(text: str, chapter: int) -> list[str]:
    """The bold names at the start of the bullets of "Concepts" and "Cases and examples", without the Chinese."""
    section = _chapter_section(text, chapter)
    names = []
    for sub in ("Concepts", "Cases and examples"):
        for bold in re.findall(r"^\* \*\*(.+?)\*\*", _subsection(section, sub), re.M):
            name = re.sub(r"\s*\([^)]*\)", "", bold)        # drop "(客户满意)", "(Jill Griffin)"
            name = re.sub(r"\s*[,:;—-]+\s*$", "", name).strip()
            names.append(name)
    return names


def syllabus_discussion(text: str, chapter: int) -> list[str]:
    section = _chapter_section(text, chapter)
    return [q.strip() for q in re.findall(r"^\* (.+)$", _subsection(section, "Discussion questions"), re.M)]


def _markdown(nb, skip: int | None = None) -> str:
    return _norm("\n".join(c.source for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and i != skip))


@pytest.mark.parametrize("chapter", COVERED)
def test_listed_concepts_are_taught(chapter):
    nb = _notebook(chapter)
    i, items = _coverage_cell(nb)
    assert len(items) >= 5, f"chapter {chapter}: the coverage list is too short ({items})"
    body = _markdown(nb, skip=i)
    missing = [it for it in items if _norm(it) not in body]
    assert not missing, f"chapter {chapter}: listed but not taught in the text: {missing}"


@pytest.mark.parametrize("chapter", COVERED)
def test_syllabus_concepts_are_listed(chapter):
    path = _syllabus()
    if path is None:
        pytest.skip("the syllabus is not available (../shared/syllabus.md or CRMLEARN_SYLLABUS)")
    text = path.read_text(encoding="utf-8")
    concepts = syllabus_concepts(text, chapter)
    assert len(concepts) >= 5, f"parsed too few concepts for chapter {chapter}: {concepts}"
    _, items = _coverage_cell(_notebook(chapter))
    listed = [_norm(it) for it in items]
    missing = [c for c in concepts if not any(_norm(c).startswith(l) or l.startswith(_norm(c)) for l in listed)]
    assert not missing, f"chapter {chapter}: syllabus concepts not in the coverage list: {missing}"


@pytest.mark.parametrize("chapter", COVERED)
def test_syllabus_discussion_questions_are_asked(chapter):
    path = _syllabus()
    if path is None:
        pytest.skip("the syllabus is not available (../shared/syllabus.md or CRMLEARN_SYLLABUS)")
    questions = syllabus_discussion(path.read_text(encoding="utf-8"), chapter)
    assert questions, f"no discussion questions parsed for chapter {chapter}"
    body = _markdown(_notebook(chapter))
    missing = [q for q in questions if _norm(q) not in body]
    assert not missing, f"chapter {chapter}: discussion questions missing: {missing}"


def test_parser_on_a_small_syllabus():
    text = ("## Chapter 3 — X\n### Concepts\n* **Alpha (阿)** — text\n* **Beta idea (Someone)** [src]\n"
            "### Cases and examples\n* **Gamma case (伽)** — t\n### Discussion questions\n* Why?\n## Chapter 4 — Y\n"
            "### Concepts\n* **Delta** — no\n")
    assert syllabus_concepts(text, 3) == ["Alpha", "Beta idea", "Gamma case"]
    assert syllabus_discussion(text, 3) == ["Why?"]
