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

# --- The slide template (issue 9): what can be checked from the notebook JSON. The deck export
# and its browser tests measure the rest (overflow in pixels, hidden inputs, fonts).
SLIDE_TYPES = {"slide", "subslide", "fragment", "-", "skip", "notes"}
MAX_TABLE_ROWS = 10       # data rows of a table shown on a slide
MAX_TABLE_CELLS = 7       # cells in a row of such a table, index included
MAX_MARKDOWN_TABLE_ROWS = 10
TBODY = re.compile(r"<tbody>(.*?)</tbody>", re.S)
ROW = re.compile(r"<tr\b.*?</tr>", re.S)
CELL = re.compile(r"<t[hd]\b")


def _slide_type(cell) -> str | None:
    return cell.metadata.get("slideshow", {}).get("slide_type")


def _slides(nb):
    """The cells shown on each slide or sub-slide, as (title, [(index, cell), ...]); skip and notes left out."""
    slides = []
    for i, c in enumerate(nb.cells):
        kind = _slide_type(c)
        if kind in ("slide", "subslide") or not slides:
            title = _src(c).strip().splitlines()[0] if _src(c).strip() else f"cell {i}"
            slides.append((title, []))
        if kind not in ("skip", "notes"):
            slides[-1][1].append((i, c))
    return slides


def _is_widget(out) -> bool:
    return "application/vnd.jupyter.widget-view+json" in out.get("data", {})


def _html_tables(out):
    html = out.get("data", {}).get("text/html", "")
    html = html if isinstance(html, str) else "".join(html)
    for body in TBODY.findall(html):
        rows = ROW.findall(body)
        yield len(rows), max((len(CELL.findall(r)) for r in rows), default=0)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_every_cell_says_where_it_goes_in_the_deck(path):
    nb = nbformat.read(path, as_version=4)
    missing = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and _slide_type(c) is None]
    assert not missing, f"{path.name}: code cells {missing} have no slideshow slide_type (use '-' to continue a slide)"
    odd = [(i, _slide_type(c)) for i, c in enumerate(nb.cells) if _slide_type(c) not in SLIDE_TYPES | {None}]
    assert not odd, f"{path.name}: unknown slide types {odd}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_slides_hold_one_figure_or_one_small_table(path):
    nb = nbformat.read(path, as_version=4)
    problems = []
    for title, cells in _slides(nb):
        figures = tables = 0
        for i, c in cells:
            if c.cell_type == "markdown":
                rows = [l for l in _src(c).splitlines() if l.lstrip().startswith("|")]
                if len(rows) - 2 > MAX_MARKDOWN_TABLE_ROWS:
                    problems.append(f"{title!r}: cell {i} has a markdown table of {len(rows) - 2} rows")
                continue
            for out in c.get("outputs", []):
                if _is_widget(out):     # a widget's saved view is the deck exporter's business
                    continue
                figures += "image/png" in out.get("data", {}) or "image/svg+xml" in out.get("data", {})
                for n_rows, n_cells in _html_tables(out):
                    tables += 1
                    if n_rows > MAX_TABLE_ROWS:
                        problems.append(f"{title!r}: cell {i} shows a table of {n_rows} rows (at most {MAX_TABLE_ROWS})")
                    if n_cells > MAX_TABLE_CELLS:
                        problems.append(f"{title!r}: cell {i} shows a table {n_cells} cells wide (at most {MAX_TABLE_CELLS})")
        if figures + tables > 1:
            problems.append(f"{title!r}: {figures} figure(s) and {tables} table(s) on one slide; split it with ### sub-slides")
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_a_slide_with_results_says_what_they_show(path):
    """Code is hidden in the deck, so a slide showing outputs needs words besides its heading."""
    nb = nbformat.read(path, as_version=4)
    mute = []
    for title, cells in _slides(nb):
        has_output = any(c.cell_type == "code" and c.get("outputs") for _, c in cells)
        words = "\n".join(_src(c) for _, c in cells if c.cell_type == "markdown")
        body = [l for l in words.splitlines() if l.strip() and not l.lstrip().startswith("#")]
        if has_output and not body and not title.startswith("### Key terms"):
            mute.append(title)
    assert not mute, f"{path.name}: slides with results but no text: {mute}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_summary_and_discussion_close_the_chapter(path):
    nb = nbformat.read(path, as_version=4)
    h2 = [_src(c).strip().splitlines()[0] for c in _headings(nb, 2)]
    assert len(h2) >= 2 and re.match(r"## Summary", h2[-2]) and re.match(r"## Discussion questions", h2[-1]), (
        f"{path.name}: the last two slides should be '## Summary' and '## Discussion questions', got {h2[-2:]}")
    last = _src(_headings(nb, 2)[-1])
    assert re.search(r"^\s*1\. ", last, re.M), f"{path.name}: the discussion slide has no numbered questions"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_chapters_use_the_course_numbering(path):
    """Prose names chapters by the course's two-digit numbers (00-09); sources' numbers only as citations."""
    nb = nbformat.read(path, as_version=4)
    found = []
    for i, c in enumerate(nb.cells):
        if c.cell_type == "markdown":
            found += [(i, m.group(0)) for m in re.finditer(r"\bChapters? \d\b(?!-\d)|\bChapters \d-\d\b", _src(c))]
    assert not found, f"{path.name}: write chapter numbers as 00-09 (e.g. 'Chapter 04'): {found}"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_running_a_chapter_records_no_progress_and_no_date(path):
    nb = nbformat.read(path, as_version=4)
    code = "\n".join(_src(c) for c in nb.cells if c.cell_type == "code")
    assert not re.search(r"\bprogress\(", code), f"{path.name}: a chapter notebook should not show the learner's progress"
    assert not re.search(r"\bch\d\d\b[^\n]*\.q\d+\.check\(|\bex\.q\d+\.check\(", code), (
        f"{path.name}: checks of the chapter's exercise questions record progress; demonstrate with a "
        "question made with record=False")
    stamp = re.compile(r"\b20\d\d-\d\d-\d\dT\d\d:\d\d")
    for i, c in enumerate(nb.cells):
        for out in c.get("outputs", []):
            text = out.get("text", "") if out.output_type == "stream" else out.get("data", {}).get("text/plain", "")
            text = text if isinstance(text, str) else "".join(text)
            assert not stamp.search(text), f"{path.name}: cell {i} prints a time stamp ({stamp.search(text).group(0)})"


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name)
def test_widget_cells_are_tagged_for_nbval(path):
    nb = nbformat.read(path, as_version=4)
    untagged = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"
                and any(_is_widget(o) for o in c.get("outputs", []))
                and "nbval-ignore-output" not in c.metadata.get("tags", [])]
    assert not untagged, f"{path.name}: widget cells {untagged} should be tagged nbval-ignore-output"


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
