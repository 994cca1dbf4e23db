"""Every chapter deck, opened the way the audience sees it: Chromium at 1280x720, offline.

`make test` builds all chapter decks with tools/export_slides.py into a temporary folder and
measures every slide and sub-slide with tools/deck_screenshots.py: nothing below the bottom or
past the right edge, no network request attempted (every non-file request is aborted and
counted), no code input unless tagged ``show-code``, Chinese drawn with the bundled font while
the system's CJK fonts are hidden from the browser, figures shown large enough for 14 px text,
every control changes what its slide shows, slider tracks >= 300 px, arrow keys stay with a
focused control. The failure message names each slide and by how much it breaks the rule.
"""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _tool(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def built_decks(tmp_path_factory, chromium) -> Path:
    out = tmp_path_factory.mktemp("decks")
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "export_slides.py"), "--out", str(out)],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


_REPORTS: dict = {}


@pytest.fixture(scope="session", params=[p.stem for p in CHAPTERS])
def deck_report(request, built_decks, chromium):
    from crmlearn.plots import _style

    if request.param not in _REPORTS:
        shots = _tool("deck_screenshots")
        report = shots.inspect_deck(built_decks / f"{request.param}.slides.html", chromium=chromium)
        summary = shots.summarize(report, min_pt=_style.MIN_FONT_PT)
        _REPORTS[request.param] = (report, summary, shots)
    return _REPORTS[request.param]


def test_deck_has_slides_and_no_script_errors(deck_report):
    report, summary, _ = deck_report
    assert summary["slides"] >= 3, f"{report['deck']}: only {summary['slides']} slides measured"
    assert not report["errors"], f"{report['deck']}: JavaScript errors: {report['errors'][:3]}"


def test_deck_makes_no_network_request(deck_report):
    report, _, _ = deck_report
    assert report["requests"] == [], f"{report['deck']}: {len(report['requests'])} requests: {report['requests'][:5]}"


def test_every_slide_fits_1280x720(deck_report):
    report, summary, shots = deck_report
    bad = summary["overflowing"]
    assert not bad, (f"{report['deck']}: {len(bad)} of {summary['slides']} slides do not fit 1280x720:\n"
                     + "\n".join(shots.describe(s) for s in bad))


def test_no_code_input_unless_tagged(deck_report):
    report, summary, _ = deck_report
    bad = [f"slide {s['h']}.{s['v']} '{s['title']}': {s['code_inputs']}" for s in summary["code"]]
    assert not bad, f"{report['deck']}: visible code inputs not tagged show-code:\n" + "\n".join(bad)


def test_chinese_is_drawn_with_the_bundled_font(deck_report):
    report, summary, _ = deck_report
    assert not any("CJK" in f["family"] and f["glyphs"] for f in report["system_cjk_fonts"]), (
        f"the system CJK fonts are not hidden from the browser: {report['system_cjk_fonts']}")
    faces = {(fam, status) for fam, _, status in report["font_faces"]}
    assert ("Course CJK", "loaded") in faces, f"{report['deck']}: the bundled font did not load: {faces}"
    bad = [f"slide {s['h']}.{s['v']} '{s['title']}': {s['cjk_fonts']}" for s in summary["cjk_not_bundled"]]
    bad += [f"slide {s['h']}.{s['v']}: system font {s['cjk_fonts']}" for s in summary["cjk_system"]]
    assert not bad, f"{report['deck']}: Chinese text not drawn with the bundled font:\n" + "\n".join(bad)
    assert sum(s["cjk_elements"] for s in report["slides"]) > 0, "no Chinese text found to check"


def test_figures_are_large_enough_for_14px_text(deck_report):
    from crmlearn.plots import _style

    report, summary, _ = deck_report
    bad = [f"slide {s['h']}.{s['v']} '{s['title']}': {i['nw']} px image at {i['dpi']} dpi shown {i['w']:.0f} px wide: "
           f"{_style.MIN_FONT_PT * i['dpi'] / 72 * i['w'] / i['nw']:.1f} px text"
           for s, i in summary["small_images"]]
    assert not bad, f"{report['deck']}: figures shrunk below 14 px text:\n" + "\n".join(bad)


def test_every_control_changes_its_slide(deck_report):
    report, summary, _ = deck_report
    bad = [f"slide {s['h']}.{s['v']} '{s['title']}': {s['dead_controls']} control(s) without a slide version, "
           f"{s['unchanged_controls']} that change nothing" for s in summary["dead_controls"]]
    bad += [f"slide {s['h']}.{s['v']}: slider track {s['range_widths']} px (< 300)" for s in summary["narrow_sliders"]]
    assert not bad, f"{report['deck']}:\n" + "\n".join(bad)
    if "arrow_keys" in report:
        assert report["arrow_keys"] == {"slide_kept": True, "value_moved": True}, report["arrow_keys"]


def test_a_try_it_flipbook_tells_the_truth_on_a_slide(tmp_path, chromium):
    """A real crmlearn widget in a small deck: the slide's control moves the result, keys stay with it."""
    import nbformat
    import pandas as pd
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    from crmlearn.grading import top_share
    from crmlearn.widgets import top_share_widget

    df = pd.DataFrame({"monetary": [500, 300, 60, 40, 30, 25, 20, 15, 6, 4]})
    box = top_share_widget(df, value_name="net revenue")
    bundle = box._repr_mimebundle_()
    cells = [new_markdown_cell("# 0 Demo · 演示"),
             new_markdown_cell("## Try it · 试一试"),
             new_code_cell("top_share_widget(df)", outputs=[new_output("execute_result", data=bundle, execution_count=1)])]
    for c, t in zip(cells, ["slide", "slide", "-"]):
        c.metadata["slideshow"] = {"slide_type": t}
    nbformat.write(new_notebook(cells=cells), tmp_path / "00_demo.ipynb")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "export_slides.py"), str(tmp_path / "00_demo.ipynb"),
                           "--out", str(out)], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "1 try-it flipbook(s), 0 still widget(s)" in proc.stdout
    shots = _tool("deck_screenshots")
    report = shots.inspect_deck(out / "00_demo.slides.html", chromium=chromium)
    slide = [s for s in report["slides"] if s["flipbook_controls"]]
    assert len(slide) == 1 and slide[0]["unchanged_controls"] == 0 and slide[0]["dead_controls"] == 0
    assert min(slide[0]["range_widths"]) >= 300
    assert report["arrow_keys"] == {"slide_kept": True, "value_moved": True}
    assert report["requests"] == []
    # each frame states the truth for its position: 30% of customers -> the share top_share computes
    html = (out / "00_demo.slides.html").read_text(encoding="utf-8")
    assert f"The top <b>30%</b> of customers bring <b>{top_share(df, top=0.3):.1%}</b>" in html.replace("<\\/", "</")
