"""The slide decks written by tools/export_slides.py open without the internet.

The deck is checked statically (nothing is loaded from http(s), every local file it loads is
there, each H2 starts a slide) and, when Debian's chromium is installed, in a headless browser
with networking blocked (reveal.js starts, MathJax typesets, the widget renders).

The libraries come from the npm registry once per session (the ``vendor`` fixture); every
other deck reuses that copy, which also checks that the tool skips a complete vendor folder.
"""
from __future__ import annotations

import base64
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "export_slides.py"
WELCOME = ROOT / "notebooks" / "00_welcome.ipynb"


def _load_tool():
    spec = importlib.util.spec_from_file_location("export_slides", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("export_slides", module)
    spec.loader.exec_module(module)
    return module


def _run_tool(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *args], capture_output=True, text=True,
                          timeout=900, cwd=ROOT, env=env)


# ------------------------------------------------------------------------------ fixtures
@pytest.fixture(scope="session")
def vendor(tmp_path_factory) -> Path:
    """The npm libraries, fetched once for the whole test session."""
    if shutil.which("npm") is None:
        pytest.skip("npm is not installed, so the slide libraries cannot be fetched (install Node.js with npm)")
    folder = tmp_path_factory.mktemp("slides-vendor") / "_vendor"
    _load_tool().ensure_vendor(folder, log=lambda msg: None)
    return folder


def _png_output():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(3, 2))
    ax.plot([1, 2, 3], [3, 1, 2])
    ax.set(title="demo")
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return new_output("display_data", data={"image/png": base64.b64encode(buf.getvalue()).decode("ascii"),
                                            "text/plain": "<Figure size 300x200 with 1 Axes>"})


def _slide(cell, slide_type):
    cell.metadata["slideshow"] = {"slide_type": slide_type}
    return cell


def _small_notebook(path: Path) -> Path:
    """A chapter-like notebook: slide metadata, H2 slides, a PNG plot, math and a stored widget."""
    import ipywidgets
    from ipywidgets.embed import dependency_state, embed_data

    slider = ipywidgets.IntSlider(value=7, min=0, max=10, description="k")
    data = embed_data(views=[slider], state=dependency_state(slider))  # the slider, its layout and style
    widget_out = new_output("execute_result", execution_count=3, data={
        "application/vnd.jupyter.widget-view+json": data["view_specs"][0],
        "text/plain": "IntSlider(value=7, description='k', max=10)"})
    cells = [
        _slide(new_markdown_cell("# 0 Demo deck · 演示\n\nA title slide."), "slide"),
        _slide(new_code_cell("import matplotlib.pyplot as plt", execution_count=1), "skip"),
        _slide(new_markdown_cell("## Customer value · 客户价值\n\n"
                                 "$$CLV = \\sum_{t=1}^{T} \\frac{m\\,r^{t-1}}{(1+d)^{t}}$$"), "slide"),
        _slide(new_code_cell("fig, ax = plt.subplots()\nax.plot([1, 2, 3], [3, 1, 2])\nplt.show()",
                             execution_count=2, outputs=[_png_output()]), "-"),
        _slide(new_markdown_cell("## Try it\n\nMove the slider."), "slide"),
        _slide(new_code_cell("IntSlider(value=7, max=10, description='k')", execution_count=3,
                             outputs=[widget_out]), "-"),
        _slide(new_markdown_cell("### Sub-slide\n\nMore [on the web](https://example.org) is a plain link."),
               "subslide"),
        _slide(new_markdown_cell("Speaker notes."), "notes"),
    ]
    nb = new_notebook(cells=cells, metadata={
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "widgets": {"application/vnd.jupyter.widget-state+json": data["manager_state"]},
    })
    nbformat.write(nb, path)
    return path


DECKS = ["small", "welcome"]


@pytest.fixture(scope="session", params=DECKS)
def deck(request, vendor, tmp_path_factory) -> Path:
    """An exported deck in its own output folder (the vendor folder copied in beforehand)."""
    out = tmp_path_factory.mktemp(f"slides-{request.param}")
    if request.param == "welcome":
        notebook = WELCOME
    else:
        notebook = _small_notebook(tmp_path_factory.mktemp("nb") / "00_small.ipynb")
    shutil.copytree(vendor, out / "_vendor")
    proc = _run_tool(str(notebook), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "fetched" not in proc.stdout, "the tool fetched again although the vendor folder was complete"
    html = out / f"{notebook.stem}.slides.html"
    assert html.is_file() and "wrote" in proc.stdout
    return html


# ------------------------------------------------------------------------ HTML inspection
_CSS_URL = re.compile(r"""@import\s+(?:url\(\s*)?['"]?([^'")\s;]+)|url\(\s*['"]?([^'")]+?)['"]?\s*\)""")
_QUOTED_URL = re.compile(r"""["']((?:https?:)?//[^"'\s]+|_vendor/[^"'\s]+)["']""")
LOADING_ATTRS = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src",
                 "video": "src", "audio": "src", "embed": "src"}


def _css_urls(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [a or b for a, b in _CSS_URL.findall(css)]


class _Page(HTMLParser):
    """What a page loads, and where its H2 headings sit relative to the <section>s."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.loads: list[tuple[str, str]] = []  # (how, url)
        self.script_strings: list[str] = []  # quoted URLs inside inline scripts
        self.sections: list[dict] = []  # open <section>s: cells seen so far
        self.section_depths: list[int] = []  # nesting depth of every <section>: 0 slide, 1 sub-slide
        self.notes_depth = 0
        self.h2: list[dict] = []  # for each H2: cells seen in its section before it (incl. its own)
        self._tag_stack: list[str] = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = LOADING_ATTRS.get(tag)
        if key and attrs.get(key):
            self.loads.append((f"<{tag} {key}>", attrs[key]))
        if attrs.get("style"):
            self.loads.extend(("style attribute", u) for u in _css_urls(attrs["style"]))
        classes = (attrs.get("class") or "").split()
        if tag == "section":
            self.section_depths.append(len(self.sections))
            self.sections.append({"cells": 0})
        elif tag == "div" and "jp-Cell" in classes and self.sections:
            self.sections[-1]["cells"] += 1
        elif tag == "aside" and "notes" in classes:
            self.notes_depth += 1
        elif tag == "h2" and not self.notes_depth:
            self.h2.append({"in_section": bool(self.sections),
                            "cells_before": self.sections[-1]["cells"] if self.sections else None})
        self._in = tag if tag in ("style", "script") else None
        self._tag_stack.append(tag)

    def handle_endtag(self, tag):
        if tag == "section" and self.sections:
            self.sections.pop()
        elif tag == "aside" and self.notes_depth:
            self.notes_depth -= 1
        self._in = None

    def handle_data(self, data):
        if self._in == "style":
            self.loads.extend(("<style>", u) for u in _css_urls(data))
        elif self._in == "script":
            self.script_strings.extend(_QUOTED_URL.findall(data))


def _parse(html: Path) -> _Page:
    page = _Page()
    page.feed(html.read_text(encoding="utf-8"))
    return page


def _is_remote(url: str) -> bool:
    return bool(re.match(r"(?i)^\s*(https?:)?//", url))


def _local_file(base: Path, url: str) -> Path | None:
    """The file a relative URL points at, or None for data:/anchor URLs."""
    if url.startswith(("data:", "#", "about:", "blob:")):
        return None
    return (base / unquote(urlsplit(url).path)).resolve()


# --------------------------------------------------------------------------------- tests
def test_deck_loads_nothing_from_the_internet(deck):
    page = _parse(deck)
    assert page.loads, "found no <script src>/<link href> at all: the parser is not looking at a deck"
    remote = [f"{how}: {url}" for how, url in page.loads if _is_remote(url)]
    remote += [f"inline script: {url}" for url in page.script_strings if _is_remote(url)]
    assert not remote, "the deck still loads from the internet:\n" + "\n".join(remote)
    html = deck.read_text(encoding="utf-8")
    for marker in ("cdnjs.cloudflare.com", "fonts.googleapis.com"):
        assert marker not in html, f"{marker} still appears in the deck"


def test_every_local_file_the_deck_loads_exists(deck):
    page = _parse(deck)
    out = deck.parent
    urls = [url for _, url in page.loads] + [u for u in page.script_strings if not _is_remote(u)]
    todo = [(deck, u) for u in urls]
    seen: set[Path] = set()
    checked = 0
    while todo:
        origin, url = todo.pop()
        target = _local_file(origin.parent, url)
        if target is None:
            continue
        assert not _is_remote(url), f"{origin.name} loads {url} from the internet"
        exists = target.is_dir() if urlsplit(url).path.endswith("/") else target.is_file()  # "dir/": a base path
        assert exists, f"{origin.name} loads {url}, which is not in the output folder"
        assert out.resolve() in target.parents, f"{url} points outside the output folder {out}"
        checked += 1
        if target.suffix == ".css" and target not in seen:  # follow @import and url() in stylesheets
            seen.add(target)
            todo.extend((target, u) for u in _css_urls(target.read_text(encoding="utf-8")))
    assert checked >= 6  # jQuery, require.js, reveal css/js/theme/notes, MathJax, fonts ...


def test_the_libraries_nbconvert_loads_point_at_the_vendor_folder(deck):
    page = _parse(deck)
    loaded = [url for _, url in page.loads] + page.script_strings
    for needle in ("reveal.js-4.0.2/dist/reveal.css", "reveal.js-4.0.2/dist/reveal.js", "requirejs-", "jquery-",
                   "mathjax-2.7.9/MathJax.js"):
        assert any(u.startswith("_vendor/") and needle in u for u in loaded), f"no local {needle} in the deck"


def test_each_h2_starts_a_slide(deck):
    page = _parse(deck)
    assert page.h2, "the deck has no H2 heading"
    for i, h in enumerate(page.h2, 1):
        assert h["in_section"], f"H2 number {i} is outside every <section>"
        assert h["cells_before"] == 1, (
            f"H2 number {i} is not the first cell of its <section> ({h['cells_before'] - 1} cells before it): "
            "give its cell metadata.slideshow.slide_type 'slide'")


def test_small_deck_structure(vendor, tmp_path):
    notebook = _small_notebook(tmp_path / "00_small.ipynb")
    out = tmp_path / "out"
    shutil.copytree(vendor, out / "_vendor")
    proc = _run_tool(str(notebook), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "0 try-it flipbook(s), 1 still widget(s)" in proc.stdout  # a plain ipywidget: no slide version
    assert "shown as a still picture" in proc.stderr
    html = (out / "00_small.slides.html").read_text(encoding="utf-8")
    page = _parse(out / "00_small.slides.html")
    assert len(page.h2) == 2
    assert page.section_depths.count(0) == 3  # title, "Customer value", "Try it"
    assert page.section_depths.count(1) == 4  # one sub-slide in each, plus the H3 sub-slide
    assert 'type="application/vnd.jupyter.widget-state+json"' not in html  # no live control left on the slide
    assert "crm-static-widget" in html
    assert not re.search(r"class=\"[^\"]*jp-InputArea-editor", html)  # code inputs hidden
    assert "width: 1280" in html and "height: 720" in html and "margin: 0" in html
    assert "data:image/png;base64," in html
    assert '<aside class="notes">' in html
    assert 'href="https://example.org"' in html  # plain hyperlinks stay


def test_tool_finds_remote_resources_but_not_links():
    tool = _load_tool()
    html = ('<a href="https://example.org">x</a><img src="https://x.org/a.png">'
            '<style>@import url("https://fonts.googleapis.com/css?family=Lato"); /* url(http://c) */</style>'
            '<link rel="stylesheet" href="local.css"><script src="//cdn.example/x.js"></script>')
    assert sorted(tool.remote_resources(html)) == sorted(
        ["https://x.org/a.png", "https://fonts.googleapis.com/css?family=Lato", "//cdn.example/x.js"])


def test_theme_fonts_are_local(vendor):
    theme = vendor / "reveal.js-4.0.2" / "dist" / "theme"
    for css in theme.glob("*.css"):
        urls = _css_urls(css.read_text(encoding="utf-8"))
        assert not [u for u in urls if _is_remote(u)], f"{css.name} imports a web font from the internet"
    simple = _css_urls((theme / "simple.css").read_text(encoding="utf-8"))
    assert any("fontsource-news-cycle" in u for u in simple) and any("fontsource-lato" in u for u in simple)


def test_vendor_folder_is_complete_and_small(vendor):
    tool = _load_tool()
    for pkg in tool.PACKAGES:
        for rel in pkg.required:
            assert (vendor / pkg.folder / rel).is_file(), f"{pkg.spec}: {rel} missing"
    size = sum(f.stat().st_size for f in vendor.rglob("*") if f.is_file())
    assert 2e6 < size < 25e6, f"vendor folder is {size / 1e6:.1f} MB"
    embed = (vendor / tool.HTML_MANAGER.folder / "dist" / "embed-amd.js").read_text(encoding="utf-8")
    assert ".origin}${" not in embed  # patched so the icon fonts are found from a file:// page


def test_missing_npm_is_a_clear_error(tmp_path):
    notebook = _small_notebook(tmp_path / "00_small.ipynb")
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    env = {**os.environ, "PATH": str(empty_bin)}
    proc = _run_tool(str(notebook), "--out", str(tmp_path / "out"), env=env)
    assert proc.returncode == 2
    assert "needs npm" in proc.stderr and "Install Node.js" in proc.stderr
    assert not (tmp_path / "out" / "00_small.slides.html").exists()


def test_missing_notebook_is_a_clear_error(tmp_path):
    proc = _run_tool(str(tmp_path / "nope.ipynb"), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert "no such notebook" in proc.stderr and "nope.ipynb" in proc.stderr


def test_unknown_theme_is_a_clear_error(vendor, tmp_path):
    notebook = _small_notebook(tmp_path / "00_small.ipynb")
    shutil.copytree(vendor, tmp_path / "out" / "_vendor")
    proc = _run_tool(str(notebook), "--out", str(tmp_path / "out"), "--theme", "neon")
    assert proc.returncode == 2
    assert "unknown reveal theme 'neon'" in proc.stderr and "simple" in proc.stderr


def test_slides_folder_keeps_only_its_gitignore_in_git():
    lines = (ROOT / "slides" / ".gitignore").read_text(encoding="utf-8").split()
    assert "*" in lines and "!.gitignore" in lines


# ------------------------------------------------------------------------------ browser
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
    # networking blocked: no name resolves and every http(s) request goes to a closed port
    "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
    "--virtual-time-budget=20000",
]


def _dump_dom(html: Path, profile: Path) -> str:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium): the browser check is skipped")
    proc = subprocess.run([chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", html.as_uri()],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def test_deck_starts_in_a_browser_without_network(deck, tmp_path):
    dom = _dump_dom(deck, tmp_path / "profile")
    reveal = re.search(r'<div class="([^"]*\breveal\b[^"]*)"', dom)
    assert reveal and "ready" in reveal.group(1).split(), "reveal.js did not initialise offline"
    assert re.search(r'<section[^>]*class="[^"]*\bpresent\b', dom), "no slide is shown"


def test_math_and_widget_render_without_network(vendor, tmp_path):
    notebook = _small_notebook(tmp_path / "00_small.ipynb")
    out = tmp_path / "out"
    shutil.copytree(vendor, out / "_vendor")
    assert _run_tool(str(notebook), "--out", str(out)).returncode == 0
    dom = _dump_dom(out / "00_small.slides.html", tmp_path / "profile")
    assert "mjx-chtml" in dom, "MathJax did not typeset the formula offline"
    assert "widget-slider" not in dom, "a slider that recomputes nothing is on the slide"


def test_show_code_tag_long_tables_and_font_subset(vendor, tmp_path):
    """Only cells tagged show-code keep their input; long tables are cut; the font has the deck's characters."""
    from fontTools.ttLib import TTFont

    nb = nbformat.read(_small_notebook(tmp_path / "00_small.ipynb"), as_version=4)
    shown = new_code_cell("summary.head(3)", execution_count=4)
    shown.metadata["tags"] = ["show-code"]
    rows = "".join(f"<tr><th>C{i}</th><td>{i}</td></tr>" for i in range(25))
    table = new_code_cell("big", execution_count=5, outputs=[new_output(
        "execute_result", execution_count=5,
        data={"text/html": f"<table><thead><tr><th></th><th>x</th></tr></thead><tbody>{rows}</tbody></table>",
              "text/plain": "big"})])
    nb.cells[4:4] = [shown, table]
    nbformat.write(nb, tmp_path / "00_small.ipynb")
    out = tmp_path / "out"
    shutil.copytree(vendor, out / "_vendor")
    proc = _run_tool(str(tmp_path / "00_small.ipynb"), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "1 code input(s) shown, 15 table row(s) cut" in proc.stdout
    html = (out / "00_small.slides.html").read_text(encoding="utf-8")
    assert len(re.findall(r"class=\"[^\"]*jp-InputArea-editor", html)) == 1
    assert "summary.head(3)" in re.sub(r"<[^>]+>", "", html)
    assert "ax.plot([1, 2, 3]" not in html  # an untagged input stays in the notebook only
    assert "<th>C9</th>" in html and "<th>C10</th>" not in html and "15 more rows in the notebook" in html
    font = TTFont(out / "_vendor" / "cjk" / "00_small-400.woff2")
    cmap = font.getBestCmap()
    for ch in "演示客户价值":
        assert ord(ch) in cmap, f"{ch} is in the deck but not in its font"
    assert ord("龍") not in cmap and len([c for c in cmap if c > 0x3000]) < 40  # only what the deck uses
    assert font.flavor == "woff2"
    assert 'font-family: "Course CJK"' in html and '"Lato", "Course CJK"' in html
