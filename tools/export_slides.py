"""Export the chapter notebooks as reveal.js slide decks that open without the internet.

``jupyter nbconvert --to slides`` writes a deck that fetches reveal.js, require.js, jQuery,
the widget renderer, MathJax, a mermaid module and the theme's web fonts from CDNs, so it
shows a blank page (or raw TeX, or no widgets) in a lecture hall without a network. This
script exports the same deck with every one of those addresses pointing at a local copy in
``<out>/_vendor/``, so the output folder is self-contained: copy it to a USB stick and open
``<name>.slides.html`` in any browser, offline.

The local copies come from the npm registry (``npm pack <name>@<version>``, exact versions
below; only the files a deck loads are kept). They are fetched once and reused while the
folder exists; nothing is committed (``slides/.gitignore``).

Usage::

    python tools/export_slides.py [NOTEBOOK ...] [--out slides] [--theme simple]

With no NOTEBOOK every chapter notebook ``notebooks/[0-9][0-9]_*.ipynb`` is exported.
What a deck shows (the notebook stays the reading text):

- slides are 1280x720 (reveal.js ``width``/``height``, no margin); H2 starts a slide, H3 a
  sub-slide, ``notes`` cells become speaker notes (press ``s``), ``skip`` cells are left out;
- code inputs are hidden, outputs shown; a code cell tagged ``show-code`` shows its input
  (keep it to a few lines);
- a table output longer than ``MAX_TABLE_ROWS`` rows is cut on the slide with a line
  "... N more rows in the notebook"; wide tables wrap their cells;
- a "try it" widget of crmlearn.widgets shows its flipbook (precomputed frames for every
  position of its control, so the slide tells the truth without a kernel). Any other widget
  is shown as a still picture of its outputs, without controls, and the build says so;
- Chinese is drawn with a subset of Noto Sans SC holding exactly the characters of the deck
  (``_vendor/cjk/<deck>-400.woff2`` and ``-700``), made with fonttools from the font of the
  npm package ``@expo-google-fonts/noto-sans-sc`` (fetched once into ``slides/.font-source``).
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "slides"
VENDOR_DIRNAME = "_vendor"
CHAPTER_GLOB = "[0-9][0-9]_*.ipynb"


@dataclass(frozen=True)
class Package:
    """One npm package to vendor: which files to keep and which must be there."""

    name: str
    version: str
    keep: tuple[str, ...]  # fnmatch patterns relative to the package root ("*" crosses "/")
    required: tuple[str, ...]  # files a deck loads directly; extraction fails without them
    drop: tuple[str, ...] = ()

    @property
    def spec(self) -> str:
        return f"{self.name}@{self.version}"

    @property
    def folder(self) -> str:
        return f"{self.name.lstrip('@').replace('/', '-')}-{self.version}"

    def wanted(self, rel: str) -> bool:
        return any(fnmatch.fnmatchcase(rel, p) for p in self.keep) and not any(
            fnmatch.fnmatchcase(rel, p) for p in self.drop
        )


# Web fonts of the default reveal theme ("simple": Lato and News Cycle), from Fontsource.
LATO = Package(
    "@fontsource/lato", "5.3.0",
    keep=("LICENSE", "[47]00.css", "[47]00-italic.css", "files/*-[47]00-*.woff*"),
    required=("400.css", "700.css", "400-italic.css", "700-italic.css"),
)
NEWS_CYCLE = Package(
    "@fontsource/news-cycle", "5.3.0",
    keep=("LICENSE", "[47]00.css", "files/*-[47]00-*.woff*"),
    required=("400.css", "700.css"),
)
# nbconvert 7.17's default deck loads reveal.js 4.0.2 from a CDN
REVEAL = Package(
    "reveal.js", "4.0.2",
    keep=("LICENSE", "dist/reveal.js", "dist/reveal.css", "dist/theme/*.css", "dist/theme/fonts/*",
          "plugin/notes/notes.js"),
    required=("dist/reveal.js", "dist/reveal.css", "dist/theme/simple.css", "plugin/notes/notes.js"),
)
REQUIREJS = Package("requirejs", "2.3.8", keep=("require.js", "README.md"), required=("require.js",))
# nbconvert's default is jQuery 2.0.3 from cdnjs, which npm does not have; the template only
# uses $(...).height()/find()/css(), which 3.7 keeps.
JQUERY = Package("jquery", "3.7.1", keep=("LICENSE.txt", "dist/jquery.min.js"), required=("dist/jquery.min.js",))
# html-manager 1.x renders the widget state of ipywidgets 8 (controls 2.x / base 2.x models).
HTML_MANAGER = Package(
    "@jupyter-widgets/html-manager", "1.0.15",
    keep=("LICENSE", "dist/embed-amd.js", "dist/*.woff2", "dist/*.woff", "dist/*.ttf", "dist/*.eot",
          "dist/*.svg"),
    required=("dist/embed-amd.js",),
)
# MathJax 2.7 with the CommonHTML output nbconvert configures (TeX-AMS_CHTML-full, Safe);
# the other output processors (HTML-CSS, SVG) and their fonts are left out (about 60 MB).
MATHJAX = Package(
    "mathjax", "2.7.9",
    keep=("LICENSE", "MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions/*",
          "jax/input/TeX/*", "jax/element/*", "jax/output/CommonHTML/*", "fonts/HTML-CSS/TeX/woff/*",
          "localization/en/*"),
    drop=("extensions/a11y/*", "extensions/HTML-CSS/*"),
    required=("MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions/Safe.js",
              "jax/output/CommonHTML/jax.js", "fonts/HTML-CSS/TeX/woff/MathJax_Main-Regular.woff"),
)
# The source of the Chinese font subsets (Google's Noto Sans SC, SIL Open Font License); only
# the two weights the decks use are kept. Kept outside the deck folder (about 20 MB).
CJK_FONT = Package(
    "@expo-google-fonts/noto-sans-sc", "0.4.3",
    keep=("LICENSE_FONT", "400Regular/NotoSansSC_400Regular.ttf", "700Bold/NotoSansSC_700Bold.ttf"),
    required=("LICENSE_FONT", "400Regular/NotoSansSC_400Regular.ttf", "700Bold/NotoSansSC_700Bold.ttf"),
)
CJK_FAMILY = "Course CJK"  # the family name the deck CSS gives the bundled subset
FONT_CACHE = ROOT / "slides" / ".font-source"
MAX_TABLE_ROWS = 10
SHOW_CODE_TAG = "show-code"
SLIDE_W, SLIDE_H = 1280, 720

# Fonts first: the reveal themes are rewritten to point at them.
PACKAGES = (LATO, NEWS_CYCLE, REVEAL, REQUIREJS, JQUERY, HTML_MANAGER, MATHJAX)
FONT_PACKAGES = {"Lato": LATO, "News Cycle": NEWS_CYCLE}

# Replaces nbconvert's mermaid block (an ES-module import from cdnjs, emitted into every deck)
# and tells the widget renderer where its icon fonts are (it otherwise looks next to the page).
TEMPLATE = r"""{%- extends 'index.html.j2' -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{% block jupyter_widgets %}
{%- if "widgets" in nb.metadata -%}
<script>
(function () {
  // The widget renderer finds its icon fonts next to where require.js thinks its modules live.
  var dist = {{ resources.offline_widget_assets | json_dumps }};
  window.__jupyter_widgets_assets_path__ = dist;
  require.config({paths: {
    "@jupyter-widgets/base": dist + "base", "@jupyter-widgets/controls": dist + "controls",
    "@jupyter-widgets/base7": dist + "base7", "@jupyter-widgets/controls7": dist + "controls7",
    "@jupyter-widgets/html-manager": dist + "html-manager",
    "@jupyter-widgets/html-manager/dist": dist.replace(/\/$/, "")
  }});
}());
</script>
{{ super() }}
{%- endif -%}
{% endblock jupyter_widgets %}
{%- block html_head_css -%}
<style type="text/css">
{{ resources.crmlearn_css }}
</style>
{%- endblock html_head_css -%}
{% block footer_js %}
<script>
(function () {
  // text columns read from the left, number columns line up on the right (JupyterLab right-aligns all)
  var num = /^[-+\u2212(]*\s*(CNY|US\$|\$|\u00a5|\u20ac|\u00a3)?\s*[-+\u2212]?\d[\d,]*(\.\d+)?(e[-+]?\d+)?\s*(%|x|pp|k|m|bn)?\)?$/i;
  var blank = /^(|nan|NaN|<NA>|None|NaT|\u2014|-|True|False)$/;
  window.crmAlignTables = function (root) { root.querySelectorAll('table').forEach(function (t) {
    var numeric = {};
    t.querySelectorAll('tbody tr').forEach(function (r) {
      Array.prototype.forEach.call(r.children, function (c, j) {
        var v = c.textContent.trim();
        if (c.tagName === 'TH' || blank.test(v)) return;
        numeric[j] = numeric[j] !== false && num.test(v);
      });
    });
    t.querySelectorAll('tr').forEach(function (r) {
      if (r.querySelector('[colspan]')) return;
      Array.prototype.forEach.call(r.children, function (c, j) { c.style.textAlign = numeric[j] ? 'right' : 'left'; });
    });
  }); };
  window.crmAlignTables(document.querySelector('.reveal') || document);
}());
</script>
<script>
require({waitSeconds: 15},
  ["{{ resources.reveal.url_prefix }}/dist/reveal.js", "{{ resources.reveal.url_prefix }}/plugin/notes/notes.js"],
  function (Reveal, RevealNotes) {
    // a fixed 1280x720 slide, scaled as a whole to the window; nothing shrinks or hides what overflows
    Reveal.initialize({controls: true, progress: true, hash: true, history: false, center: false,
                       transition: "none", slideNumber: "c/t", plugins: [RevealNotes],
                       width: {{ resources.slide_width }}, height: {{ resources.slide_height }}, margin: 0});
    window.Reveal = Reveal;
    Reveal.addEventListener('slidechanged', function () {
      if (window.MathJax && MathJax.Hub && MathJax.Hub.getAllJax(Reveal.getCurrentSlide())) {
        MathJax.Hub.Rerender(Reveal.getCurrentSlide());
      }
    });
  });
</script>
{% endblock footer_js %}
"""

DECK_CSS = """
@font-face { font-family: "%(family)s"; font-weight: 400; font-style: normal; font-display: block;
             src: url("%(regular)s") format("woff2"); }
@font-face { font-family: "%(family)s"; font-weight: 700; font-style: normal; font-display: block;
             src: url("%(bold)s") format("woff2"); }
:root {
  --crm-cjk: "%(family)s";
  --jp-content-font-family: "Lato", "%(family)s", sans-serif;
  --jp-ui-font-family: "Lato", "%(family)s", sans-serif;
  --jp-code-font-family: "DejaVu Sans Mono", monospace, "%(family)s";
  --jp-ui-font-size1: 20px; --jp-content-font-size1: 22px; --jp-code-font-size: 18px;
  --jp-cell-prompt-width: 0px;
}
.reveal { font-family: "Lato", "%(family)s", sans-serif !important; font-size: 26px; }
.reveal h1, .reveal h2, .reveal h3, .reveal h4 { font-family: "News Cycle", "%(family)s", sans-serif !important;
  text-transform: none; margin: 0 0 0.4em 0; }
.reveal h1 { font-size: 52px; } .reveal h2 { font-size: 42px; } .reveal h3 { font-size: 34px; }
.reveal pre, .reveal code, .reveal kbd { font-family: "DejaVu Sans Mono", monospace, "%(family)s"; }
.reveal pre { white-space: pre-wrap; overflow-wrap: anywhere; max-width: 100%%; box-sizing: border-box; }
/* what a cell prints is a sentence of the slide: the slide's own font, not a typewriter's */
.reveal .jp-RenderedText pre { font-family: "Lato", "%(family)s", sans-serif !important; font-size: 24px;
  line-height: 1.3; margin: 0.3em 0; }
.reveal .slides > section, .reveal .slides > section > section { padding: 28px 44px; box-sizing: border-box;
  width: %(w)dpx; height: %(h)dpx; }
/* a stack of vertical slides is only a frame: its padding would push every sub-slide right by 44 px */
.reveal .slides > section.stack { padding: 0; }
.reveal .slides section .jp-Cell { padding: 0; }
.reveal .jp-InputPrompt, .reveal .jp-OutputPrompt { display: none; }
.reveal .jp-OutputArea-output, .reveal .jp-RenderedHTMLCommon { padding: 0; }
.reveal p, .reveal li { line-height: 1.3; margin: 0.3em 0; }
.reveal table { font-size: 18px; max-width: 100%%; border-collapse: collapse; table-layout: auto; }
.reveal table td, .reveal table th { padding: 2px 8px; overflow-wrap: anywhere; }
.reveal section img { max-width: 100%%; height: auto; margin: 0; }
.reveal .crm-more-rows { font-size: 16px; color: #555; margin: 2px 0 0 0; }
.reveal .crmlearn-flipbook .tryit-controls { display: flex; flex-wrap: wrap; gap: 8px 24px; align-items: center;
  font-size: 20px; margin-bottom: 4px; }
.reveal .crmlearn-flipbook .tryit-control { display: flex; align-items: center; gap: 10px; }
.reveal .crmlearn-flipbook input[type=range] { min-width: 300px; }
.reveal .crmlearn-flipbook select { font: inherit; font-size: 20px; padding: 2px 6px; }
.reveal .crmlearn-flipbook .tryit-fixed { font-size: 16px; color: #555; }
.reveal .crmlearn-flipbook .tryit-summary { font-size: 20px; margin: 2px 0 6px 0; }
.reveal .crmlearn-flipbook .tryit-body { display: flex; gap: 18px; align-items: flex-start; }
.reveal .crmlearn-flipbook .tryit-table table { font-size: 16px; }
.reveal .crm-static-widget .crm-static-note { font-size: 16px; color: #555; }
"""


class SlidesError(RuntimeError):
    """A deck could not be built; the message says what to do."""


# --------------------------------------------------------------------------- vendor folder
def ensure_vendor(vendor_dir: Path, *, log=print) -> list[Path]:
    """Make sure ``vendor_dir`` holds every package in PACKAGES; fetch what is missing."""
    vendor_dir.mkdir(parents=True, exist_ok=True)
    wanted = {p.folder for p in PACKAGES} | {"cjk"}  # cjk/: the font subsets the decks write
    for old in sorted(vendor_dir.iterdir()):  # other versions, interrupted extractions
        if old.name not in wanted:
            shutil.rmtree(old) if old.is_dir() else old.unlink()
            log(f"removed {old} (not used by this version of {Path(__file__).name})")
    missing = [p for p in PACKAGES if not (vendor_dir / p.folder).is_dir()]
    if missing:
        t0 = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="crmlearn-npm-") as tmp:
            tarballs = _npm_pack([p.spec for p in missing], Path(tmp))
            for pkg, tgz in zip(missing, tarballs):
                _extract(pkg, tgz, vendor_dir)
        size = _tree_size(vendor_dir)
        log(f"fetched {', '.join(p.spec for p in missing)} into {vendor_dir} "
            f"({size / 1e6:.1f} MB in all, {time.perf_counter() - t0:.1f} s)")
    return [vendor_dir / p.folder for p in PACKAGES]


def _npm_pack(specs: list[str], dest: Path) -> list[Path]:
    npm = shutil.which("npm")
    if npm is None:
        raise SlidesError(
            "tools/export_slides.py needs npm to fetch reveal.js, require.js, jQuery, MathJax and the "
            "widget renderer once (they are copied next to the slides so the deck works offline). "
            "Install Node.js with npm (Debian/Ubuntu: `apt-get install npm`; macOS: `brew install node`; "
            "Windows: the installer from nodejs.org) and run it again."
        )
    cmd = [npm, "pack", *specs, "--json", "--pack-destination", str(dest)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=dest)
    except subprocess.TimeoutExpired as exc:
        raise SlidesError(f"`npm pack` did not finish in {exc.timeout} s; is the npm registry reachable?") from exc
    if proc.returncode != 0:
        tail = "\n".join(line for line in proc.stderr.splitlines() if "Unknown user config" not in line)[-1500:]
        raise SlidesError(f"`npm pack {' '.join(specs)}` failed (is the npm registry reachable?):\n{tail}")
    try:
        info = json.loads(proc.stdout)
    except json.JSONDecodeError as exc:
        raise SlidesError(f"could not read the output of `npm pack --json`: {proc.stdout[:500]!r}") from exc
    by_id = {f"{item['name']}@{item['version']}": dest / item["filename"] for item in info}
    try:
        return [by_id[s] for s in specs]
    except KeyError as exc:
        raise SlidesError(f"`npm pack` did not return {exc.args[0]} (got {sorted(by_id)})") from exc


def _extract(pkg: Package, tgz: Path, vendor_dir: Path) -> None:
    """Extract the wanted files of ``tgz`` into ``vendor_dir/pkg.folder`` (all or nothing)."""
    target = vendor_dir / pkg.folder
    partial = vendor_dir / f".{pkg.folder}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    with tarfile.open(tgz, "r:gz") as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            parts = PurePosixPath(member.name).parts
            if len(parts) < 2 or ".." in parts or member.name.startswith("/"):
                continue
            rel = "/".join(parts[1:])  # drop the tarball's top folder ("package/")
            if not pkg.wanted(rel):
                continue
            dest = partial / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            with tar.extractfile(member) as src, open(dest, "wb") as out:
                shutil.copyfileobj(src, out)
    absent = [r for r in pkg.required if not (partial / r).is_file()]
    if absent:
        shutil.rmtree(partial, ignore_errors=True)
        raise SlidesError(f"{pkg.spec} from npm lacks {absent}; its layout changed, update PACKAGES in {__file__}")
    if pkg is REVEAL:
        _localise_theme_fonts(partial / "dist" / "theme", vendor_dir)
    if pkg is HTML_MANAGER:
        _patch_public_path(partial / "dist" / "embed-amd.js")
    partial.rename(target)


_GOOGLE_FONTS = re.compile(r"""@import\s+url\(\s*(['"]?)(https?://fonts\.googleapis\.com/css\?family=[^)'"]+)\1\s*\)\s*;""")


def _localise_theme_fonts(theme_dir: Path, vendor_dir: Path) -> None:
    """Point the reveal themes' Google Fonts imports at the vendored Fontsource copies.

    Families that are not vendored (only the default theme's are) are dropped: the theme's
    font stack then falls back to the next font named in it.
    """
    for css in sorted(theme_dir.glob("*.css")):
        text = css.read_text(encoding="utf-8")

        def replace(match: re.Match) -> str:
            url = match.group(2)
            local, dropped = [], []
            for family in url.split("family=", 1)[1].split("|"):
                name, _, weights = family.partition(":")
                name = name.replace("+", " ")
                pkg = FONT_PACKAGES.get(name)
                for w in (weights or "400").split(","):
                    m = re.fullmatch(r"(\d+)(italic)?", w)
                    if not m:
                        continue
                    sheet = f"{m.group(1)}{'-italic' if m.group(2) else ''}.css"
                    if pkg and (vendor_dir / pkg.folder / sheet).is_file():
                        local.append(f"@import url(../../../{pkg.folder}/{sheet});")
                    else:
                        dropped.append(f"{name} {w}")
            note = f"/* offline copy: was {url}" + (f"; not bundled: {', '.join(dropped)}" if dropped else "") + " */"
            return "\n".join([note, *local])

        new = _GOOGLE_FONTS.sub(replace, text)
        if new != text:
            css.write_text(new, encoding="utf-8")


_PUBLIC_PATH = re.compile(r"`\$\{(\w+)\.origin\}\$\{\1\.pathname\}`")


def _patch_public_path(js: Path) -> None:
    """Let the widget renderer find its icon fonts when the deck is opened from a file.

    Each bundled module sets its asset folder to ``origin + pathname`` of its own URL; for a
    ``file://`` page the origin is the string "null", so the fonts are looked for under
    ``null/...``. ``url.href`` is the same folder for http(s) and right for ``file://``.
    """
    text = js.read_text(encoding="utf-8")
    new, n = _PUBLIC_PATH.subn(r"\1.href", text)
    if n == 0:
        raise SlidesError(f"{js}: the public-path code to patch was not found; update _patch_public_path")
    js.write_text(new, encoding="utf-8")


def _tree_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


# ------------------------------------------------------------------------ slide preparation
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
_ROW = re.compile(r"<tr\b.*?</tr>\s*", re.S)
_TBODY = re.compile(r"(<tbody>\s*)(.*?)(</tbody>)", re.S)


def truncate_table_html(html: str, max_rows: int = MAX_TABLE_ROWS) -> tuple[str, int]:
    """Keep the first ``max_rows`` body rows of each table in ``html``; return (html, rows cut).

    >>> body = "<table><tbody>" + "".join(f"<tr><td>{i}</td></tr>" for i in range(12)) + "</tbody></table>"
    >>> new, cut = truncate_table_html(body)
    >>> cut, new.count("<tr>"), "2 more rows in the notebook" in new
    (2, 10, True)
    """
    cut_total = 0

    def one(m: re.Match) -> str:
        nonlocal cut_total
        rows = _ROW.findall(m.group(2))
        if len(rows) <= max_rows:
            return m.group(0)
        cut = len(rows) - max_rows
        cut_total += cut
        return m.group(1) + "".join(rows[:max_rows]) + m.group(3) + f"\x00MORE{cut}\x00"

    new = _TBODY.sub(one, html)
    new = re.sub(r"(</tbody>)\x00MORE(\d+)\x00(.*?</table>)",
                 lambda m: f"{m.group(1)}{m.group(3)}<p class='crm-more-rows'>… {int(m.group(2)):,} more rows "
                           "in the notebook</p>", new, flags=re.S)
    return new, cut_total


def _static_widget_html(model_id: str, state: dict) -> str:
    """A still picture of a widget from its stored state: HTML values and Output images, no controls."""
    parts: list[str] = []

    def walk(mid: str, depth: int = 0) -> None:
        model = state.get(mid)
        if model is None or depth > 20:
            return
        st = model.get("state", {})
        name = st.get("_model_name", "")
        if name in ("HTMLModel", "HTMLMathModel", "LabelModel") and st.get("value"):
            parts.append(f"<div>{st['value']}</div>")
        elif name == "OutputModel":
            for o in st.get("outputs", []):
                data = o.get("data", {})
                if "image/png" in data:
                    parts.append(f"<img alt='figure' src='data:image/png;base64,{data['image/png']}'>")
                elif "text/html" in data:
                    html = data["text/html"]
                    parts.append(html if isinstance(html, str) else "".join(html))
        for child in st.get("children", []):
            walk(child.split("IPY_MODEL_", 1)[-1], depth + 1)

    walk(model_id)
    note = ("<p class='crm-static-note'>A still picture of the widget as the notebook left it; "
            "move its controls in the notebook.</p>")
    return f"<div class='crm-static-widget'>{''.join(parts)}{note}</div>"


def prepare_for_slides(nb) -> dict:
    """Change ``nb`` (a copy read for the export) into what the deck shows; return counts and warnings.

    Hides code inputs (except cells tagged ``show-code``), shows crmlearn flipbooks instead of
    live widget views, turns any other widget view into a still picture without controls, and
    cuts long tables. Nothing is written back to the notebook.
    """
    warnings: list[str] = []
    stats = {"code_hidden": 0, "code_shown": 0, "flipbooks": 0, "static_widgets": 0, "rows_cut": 0}
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if SHOW_CODE_TAG in cell.metadata.get("tags", []):
            stats["code_shown"] += 1
            lines = len(cell.source.splitlines())
            if lines > 8:
                warnings.append(f"cell {i} is tagged {SHOW_CODE_TAG} but has {lines} lines: a slide shows a few")
        else:
            cell.metadata["transient"] = {"remove_source": True}
            stats["code_hidden"] += 1
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_VIEW in data:
                html = data.get("text/html", "")
                html = html if isinstance(html, str) else "".join(html)
                if "crmlearn-flipbook" in html:
                    stats["flipbooks"] += 1
                else:
                    mid = data[WIDGET_VIEW].get("model_id", "")
                    data["text/html"] = _static_widget_html(mid, state)
                    stats["static_widgets"] += 1
                    warnings.append(f"cell {i}: a widget without a slide version is shown as a still picture "
                                    "(re-run the notebook so crmlearn.widgets adds its flipbook)")
                del data[WIDGET_VIEW]
            if "text/html" in data:
                html = data["text/html"]
                html = html if isinstance(html, str) else "".join(html)
                if "crmlearn-flipbook" in html:
                    continue
                new, cut = truncate_table_html(html)
                if cut:
                    data["text/html"] = new
                    stats["rows_cut"] += cut
    if not any(WIDGET_VIEW in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])):
        nb.metadata.pop("widgets", None)  # nothing left for the widget renderer: do not load it
    stats["warnings"] = warnings
    return stats


# ------------------------------------------------------------------------ the Chinese font
def ensure_cjk_source(cache: Path = FONT_CACHE, *, log=print) -> Path:
    """The folder with the Noto Sans SC source fonts; fetched with ``npm pack`` once."""
    folder = cache / CJK_FONT.folder
    if folder.is_dir():
        return folder
    cache.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="crmlearn-npm-") as tmp:
        (tgz,) = _npm_pack([CJK_FONT.spec], Path(tmp))
        _extract(CJK_FONT, tgz, cache)
    log(f"fetched {CJK_FONT.spec} (the source of the Chinese font subsets) into {cache} "
        f"in {time.perf_counter() - t0:.1f} s")
    return folder


_TAGS = re.compile(r"<[^>]*>")
_DATA_URI = re.compile(r"data:[a-z/+.-]+;base64,[A-Za-z0-9+/=]+")


def deck_characters(html: str) -> set[str]:
    """Every character the deck can show: its text, its flipbook frames, its notes (not tags, not base64)."""
    import html as html_lib

    text = _DATA_URI.sub(" ", html)
    text = html_lib.unescape(_TAGS.sub(" ", text))
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return {ch for ch in text if ch.isprintable() and ch != " "} | {" "}


def write_font_subsets(html: str, folder: Path, stem: str, *, source: Path | None = None) -> int:
    """Write ``<stem>-400.woff2`` and ``<stem>-700.woff2`` with exactly the deck's characters; return how many CJK."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    source = source or ensure_cjk_source()
    chars = deck_characters(html)
    folder.mkdir(parents=True, exist_ok=True)
    for weight, rel in (("400", CJK_FONT.required[1]), ("700", CJK_FONT.required[2])):
        font = TTFont(source / rel)
        cmap = font.getBestCmap()
        unicodes = sorted(ord(c) for c in chars if ord(c) in cmap)
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]
        options.name_IDs = ["*"]
        options.notdef_outline = True
        sub = subset.Subsetter(options)
        sub.populate(unicodes=unicodes)
        sub.subset(font)
        font.flavor = "woff2"
        font.save(folder / f"{stem}-{weight}.woff2")
    return sum(1 for c in chars if _is_cjk(c))


def _is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x3000 <= o <= 0x303F or 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF


# --------------------------------------------------------------------------------- export
def _rel(target: Path, start: Path) -> str:
    return PurePosixPath(Path(os.path.relpath(target, start))).as_posix()


def export_deck(notebook: Path, out_dir: Path, *, theme: str = "simple") -> tuple[Path, dict]:
    """Export one notebook to ``out_dir/<name>.slides.html`` using the vendored libraries.

    Returns the written path and a summary dict (size, widget views, widget models, warnings).
    The vendor folder must exist already (see ``ensure_vendor``).
    """
    import nbformat
    from nbconvert import SlidesExporter
    from traitlets.config import Config

    vendor = out_dir / VENDOR_DIRNAME
    v = {p.name: _rel(vendor / p.folder, out_dir) for p in PACKAGES}
    c = Config()
    c.SlidesExporter.reveal_url_prefix = v["reveal.js"]
    c.SlidesExporter.reveal_theme = theme
    c.SlidesExporter.require_js_url = f"{v['requirejs']}/require.js"
    c.SlidesExporter.jquery_url = f"{v['jquery']}/dist/jquery.min.js"
    c.SlidesExporter.widget_renderer_url = f"{v['@jupyter-widgets/html-manager']}/dist/embed-amd.js"
    c.SlidesExporter.jupyter_widgets_base_url = f"{_rel(vendor, out_dir)}/"
    c.SlidesExporter.mathjax_url = f"{v['mathjax']}/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
    if not (vendor / REVEAL.folder / "dist" / "theme" / f"{theme}.css").is_file():
        themes = sorted(p.stem for p in (vendor / REVEAL.folder / "dist" / "theme").glob("*.css"))
        raise SlidesError(f"unknown reveal theme {theme!r}; choose one of {themes}")

    nb = nbformat.read(notebook, as_version=4)
    warnings = _notebook_warnings(nb)
    stats = prepare_for_slides(nb)
    warnings.extend(stats.pop("warnings"))
    c.SlidesExporter.exclude_input_prompt = True
    c.SlidesExporter.exclude_output_prompt = True
    exporter = SlidesExporter(config=c)
    exporter.raw_template = TEMPLATE
    fonts = {"family": CJK_FAMILY, "w": SLIDE_W, "h": SLIDE_H,
             "regular": f"{_rel(vendor, out_dir)}/cjk/{notebook.stem}-400.woff2",
             "bold": f"{_rel(vendor, out_dir)}/cjk/{notebook.stem}-700.woff2"}
    resources = {
        "metadata": {"name": notebook.stem, "path": str(notebook.parent)},
        "offline_widget_assets": f"{v['@jupyter-widgets/html-manager']}/dist/",
        "crmlearn_css": DECK_CSS % fonts,
        "slide_width": SLIDE_W, "slide_height": SLIDE_H,
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    stats["cjk_chars"] = write_font_subsets(body, vendor / "cjk", notebook.stem)
    remote = remote_resources(body)
    if remote:
        warnings.append("still loads from the internet: " + ", ".join(sorted(set(remote))[:5]))
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"{notebook.stem}.slides.html"
    out.write_text(body, encoding="utf-8")
    views, models = _widget_counts(nb)
    return out, {"bytes": out.stat().st_size, "widget_views": views, "widget_models": models, "warnings": warnings,
                 **stats}


def _widget_counts(nb) -> tuple[int, int]:
    views = sum("application/vnd.jupyter.widget-view+json" in o.get("data", {})
                for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", []))
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    return views, len(state.get("state", {}))


def _notebook_warnings(nb) -> list[str]:
    warnings = []
    views, models = _widget_counts(nb)
    if views and not models:
        warnings.append(f"{views} widget(s) but no stored widget state: re-run it with tools/run_notebooks.py "
                        "(store_widget_state=True), else the widgets show as nothing")
    if not any(cell.metadata.get("slideshow", {}).get("slide_type") for cell in nb.cells):
        warnings.append("no slide metadata (metadata.slideshow.slide_type): the whole notebook is one slide")
    if any("```mermaid" in cell.source for cell in nb.cells if cell.cell_type == "markdown") or any(
        "text/vnd.mermaid" in o.get("data", {}) for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])
    ):
        warnings.append("mermaid diagrams are not rendered offline (they show as source text)")
    return warnings


class _ResourceFinder(HTMLParser):
    """Collects the URLs a page loads (scripts, stylesheets, images, frames, CSS imports)."""

    LOADS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "video": "src", "audio": "src",
             "embed": "src", "link": "href"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        key = self.LOADS.get(tag)
        if key and attrs.get(key):
            self.urls.append(attrs[key])
        if attrs.get("style"):
            self.urls.extend(css_urls(attrs["style"]))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.urls.extend(css_urls(data))


_CSS_URL = re.compile(r"""@import\s+(?:url\(\s*)?['"]?([^'")\s;]+)|url\(\s*['"]?([^'")]+?)['"]?\s*\)""")


def css_urls(css: str) -> list[str]:
    """The URLs in CSS ``@import`` rules and ``url(...)`` values, comments removed."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return [a or b for a, b in _CSS_URL.findall(css)]


def remote_resources(html: str) -> list[str]:
    """URLs with a network scheme that ``html`` loads (plain ``<a href>`` links are not loads)."""
    finder = _ResourceFinder()
    finder.feed(html)
    return [u for u in finder.urls if re.match(r"(?i)^(https?:)?//", u.strip())]


# ----------------------------------------------------------------------------------- CLI
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=Path,
                        help=f"notebooks to export (default: notebooks/{CHAPTER_GLOB})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: slides/)")
    parser.add_argument("--theme", default="simple", help="reveal.js theme (default: simple)")
    args = parser.parse_args(argv)

    notebooks = args.notebooks or sorted((ROOT / "notebooks").glob(CHAPTER_GLOB))
    if not notebooks:
        print(f"no chapter notebooks found (looked for notebooks/{CHAPTER_GLOB})", file=sys.stderr)
        return 1
    absent = [str(p) for p in notebooks if not p.is_file()]
    if absent:
        print(f"no such notebook: {', '.join(absent)}", file=sys.stderr)
        return 1
    out_dir = args.out.resolve()
    try:
        ensure_vendor(out_dir / VENDOR_DIRNAME)
        ensure_cjk_source()
        t_all = time.perf_counter()
        for nb_path in notebooks:
            t0 = time.perf_counter()
            out, info = export_deck(nb_path.resolve(), out_dir, theme=args.theme)
            widgets = (f", {info['flipbooks']} try-it flipbook(s), {info['static_widgets']} still widget(s), "
                       f"{info['code_shown']} code input(s) shown, {info['rows_cut']} table row(s) cut, "
                       f"{info['cjk_chars']} Chinese characters in the font")
            print(f"wrote {_display(out)} ({info['bytes'] / 1e6:.1f} MB{widgets}) in {time.perf_counter() - t0:.1f} s")
            for w in info["warnings"]:
                print(f"  warning: {nb_path.name}: {w}", file=sys.stderr)
    except SlidesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    vendor_mb = _tree_size(out_dir / VENDOR_DIRNAME) / 1e6
    print(f"{len(notebooks)} deck(s) in {time.perf_counter() - t_all:.1f} s; libraries in "
          f"{_display(out_dir / VENDOR_DIRNAME)} ({vendor_mb:.1f} MB). The folder {_display(out_dir)} "
          "works offline: copy all of it, open a .slides.html file in a browser.")
    return 0


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


if __name__ == "__main__":
    sys.exit(main())
