"""Every chapter and exercise notebook follows the course's conventions (DESIGN.md, "Notebooks").

The outputs themselves are compared by nbval (`make test` runs it on notebooks/); this file
checks the shape: one H1 with the Chinese title, learning objectives, key terms, a slide on
every H2, a summary and discussion questions, short code cells, outputs committed, no errors.
"""
from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
EXERCISES = sorted((ROOT / "exercises").glob("ex[0-9][0-9]_*.ipynb"))
CJK = re.compile(r"[\u4e00-\u9fff]")
MAX_CODE_LINES = 20


def _src(cell) -> str:
    return cell.source if isinstance(cell.source, str) else "".join(cell.source)


def _headings(nb, level: int):
    prefix = "#" * level + " "
    return [c for c in nb.cells if c.cell_type == "markdown" and _src(c).lstrip().startswith(prefix)]


def _has_section(nb, *names: str) -> bool:
    pat = re.compile(r"^#{2,3} .*(" + "|".join(map(re.escape, names)) + ")", re.I | re.M)
    return any(pat.search(_src(c)) for c in nb.cells if c.cell_type == "markdown")


def test_there_are_notebooks():
    assert (ROOT / "notebooks" / "00_welcome.ipynb").exists()
    assert (ROOT / "exercises" / "ex00_welcome.ipynb").exists()


def _common_checks(path: Path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code, f"{path.name}: no code cells"
    unexecuted = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and _src(c).strip() and c.execution_count is None]
    assert not unexecuted, f"{path.name}: cells {unexecuted} have no committed output (run `make notebooks`)"
    for i, c in enumerate(nb.cells):
        for out in c.get("outputs", []):
            assert out.output_type != "error", f"{path.name}: cell {i} has an error output"
            text = out.get("text", "") if out.output_type == "stream" else ""
            assert "Glyph" not in text and "missing from" not in text, f"{path.name}: cell {i} warns about a missing glyph"
            plain = out.get("data", {}).get("text/plain", "")
            plain = plain if isinstance(plain, str) else "".join(plain)
            assert not re.search(r"<(matplotlib|Axes|Figure).* at 0x", plain), (
                f"{path.name}: cell {i} shows a memory address; end plot cells with plt.show()")
    long = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and len(_src(c).splitlines()) > MAX_CODE_LINES]
    assert not long, f"{path.name}: code cells {long} are over {MAX_CODE_LINES} lines; move the logic into crmlearn"
    return nb


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapter_notebook_structure(path):
    nb = _common_checks(path)
    h1 = _headings(nb, 1)
    assert len(h1) == 1, f"{path.name}: {len(h1)} H1 cells, want exactly one title"
    title = _src(h1[0]).strip().splitlines()[0]
    assert re.match(r"# \d+ .+ · .+", title) and CJK.search(title), f"{path.name}: title {title!r} should read '# N English · 中文'"
    assert nb.cells.index(h1[0]) == 0, f"{path.name}: the title should be the first cell"
    for level, kind in ((2, "slide"), (3, "subslide")):
        for c in _headings(nb, level):
            got = c.metadata.get("slideshow", {}).get("slide_type")
            assert got == kind, f"{path.name}: heading {_src(c).strip().splitlines()[0]!r} has slide_type {got!r}, want {kind!r}"
    assert nb.cells[0].metadata.get("slideshow", {}).get("slide_type") == "slide"
    for names in (("Learning objectives",), ("Key terms",), ("Summary",), ("Discussion questions",)):
        assert _has_section(nb, *names), f"{path.name}: no '{names[0]}' section"
    sources = "\n".join(_src(c) for c in nb.cells if c.cell_type == "code")
    assert "key_terms_table(" in sources, f"{path.name}: the key terms should come from crmlearn.glossary.key_terms_table"
    assert "crmlearn.widgets" in sources or "from crmlearn import widgets" in sources, f"{path.name}: no live widget"
    for c in nb.cells:
        lines = [l for l in _src(c).splitlines() if l.strip() and not l.startswith("#")]
        if c.cell_type == "code" and lines and all(l.startswith(("import ", "from ", "%")) for l in lines):
            got = c.metadata.get("slideshow", {}).get("slide_type")
            assert got == "skip", f"{path.name}: set-up cell {lines[0]!r} should have slide_type 'skip', got {got!r}"

@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.name)
def test_exercise_notebook_structure(path):
    nb = _common_checks(path)
    assert len(_headings(nb, 1)) == 1
    sources = "\n".join(_src(c) for c in nb.cells if c.cell_type == "code")
    chapter = path.name[2:4]
    assert f"crmlearn.exercises import ch{chapter}" in sources, f"{path.name}: should import crmlearn.exercises.ch{chapter}"
    checks = set(re.findall(r"\b(q\d+)\.check\(", sources))
    assert checks, f"{path.name}: no q.check(...) calls"
    assert sources.count("____") >= len(checks), f"{path.name}: each question needs a starter cell with ____"
    assert "progress()" in sources, f"{path.name}: should end by showing progress()"
    from importlib import import_module
    module = import_module(f"crmlearn.exercises.ch{chapter}")
    missing = [q for q in checks if not hasattr(module, q)]
    assert not missing, f"{path.name}: questions {missing} do not exist in crmlearn.exercises.ch{chapter}"


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.name)
def test_exercise_notebook_in_step_with_its_chapter_module(path):
    """The exercise notebook is what tools/build_exercises.py makes from crmlearn.exercises.chNN."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_exercises", ROOT / "tools" / "build_exercises.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    committed = nbformat.read(path, as_version=4)
    title = _src(committed.cells[0]).splitlines()[0].split(" · ", 1)[1]
    fresh = tool.build(f"ch{path.name[2:4]}", title)
    got = [(c.cell_type, _src(c)) for c in committed.cells]
    want = [(c.cell_type, _src(c)) for c in fresh.cells]
    assert got == want, (f"{path.name} differs from its chapter module; run "
                         f"tools/build_exercises.py ch{path.name[2:4]} {path.relative_to(ROOT)} then make notebooks")
