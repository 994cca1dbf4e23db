"""Open exported decks in Chromium at 1280x720, offline, and measure (and photograph) every slide.

For each slide and sub-slide: how far it runs past the bottom and the right edge (and any
content clipped inside a scrolling box), visible code inputs not tagged ``show-code``, images
shown smaller than the course figure style allows (text < 14 px), the fonts Chromium really
used for the Chinese text (DevTools ``CSS.getPlatformFontsForNode``) while the system's CJK
fonts are hidden (a fontconfig file that lists only DejaVu), and whether every control
changes what the slide shows. Network requests are blocked and counted.

Usage::

    python tools/deck_screenshots.py [slides/*.slides.html] [--out slides/screenshots] [--no-shots]

Writes ``<out>/<deck>/<h>-<v>.png`` per slide and prints a report; tests/test_decks_browser.py
uses :func:`inspect_deck`. Needs Debian's chromium and the playwright Python package (never
``playwright install``).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
WIDTH, HEIGHT = 1280, 720
#: The slide's right padding in the deck CSS (tools/export_slides.py); less 4 px of tolerance.
RIGHT_PADDING = 40
CJK_FAMILY_FILE = "NotoSansSC"  # the bundled subset's PostScript/family names start with this
MIN_TEXT_PX = 14.0


def fontconfig_without_cjk(folder: Path) -> Path:
    """A fonts.conf listing only DejaVu, so Chromium cannot find any CJK font of the system."""
    folder.mkdir(parents=True, exist_ok=True)
    dirs = [d for d in ("/usr/share/fonts/truetype/dejavu",) if Path(d).is_dir()]
    conf = folder / "fonts.conf"
    conf.write_text(
        "<?xml version='1.0'?>\n<!DOCTYPE fontconfig SYSTEM 'fonts.dtd'>\n<fontconfig>\n"
        + "".join(f"  <dir>{d}</dir>\n" for d in dirs)
        + f"  <cachedir>{folder / 'cache'}</cachedir>\n</fontconfig>\n", encoding="utf-8")
    return conf


_MEASURE = r"""() => {
  const s = Reveal.getCurrentSlide();
  const box = document.querySelector('.reveal .slides').getBoundingClientRect();
  const W = %(w)d, H = %(h)d, EDGE = %(edge)d;  // nothing may reach into the right padding
  let bottom = 0, right = 0, worstB = '', worstR = '', clipped = 0, clippedWhat = '';
  const visible = el => { const r = el.getBoundingClientRect(); const cs = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && cs.display !== 'none'; };
  const name = el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ?
    '.' + el.className.trim().split(/\s+/).slice(0, 2).join('.') : '') + ' "' +
    (el.textContent || '').trim().slice(0, 40) + '"';
  for (const el of s.querySelectorAll('*')) {
    if (el.closest('aside.notes') || el.closest('section') !== s) continue;
    if (!visible(el)) continue;
    const r = el.getBoundingClientRect();
    const b = r.bottom - box.top, rt = r.right - box.left;
    if (b > bottom) { bottom = b; worstB = name(el); }
    if (rt > right) { right = rt; worstR = name(el); }
    const cs = getComputedStyle(el);
    for (const [ov, sz, cl] of [[cs.overflowX, el.scrollWidth, el.clientWidth], [cs.overflowY, el.scrollHeight, el.clientHeight]]) {
      if (['auto', 'scroll', 'hidden'].includes(ov) && sz - cl > 2 && el.tagName !== 'MJX-CONTAINER' && cl > 0) {
        if (sz - cl > clipped) { clipped = sz - cl; clippedWhat = name(el); }
      }
    }
  }
  const code = [...s.querySelectorAll('.jp-CodeCell:not(.celltag_show-code) .jp-InputArea-editor')].filter(visible).length;
  const shownCode = [...s.querySelectorAll('.jp-CodeCell.celltag_show-code .jp-InputArea-editor')].filter(visible).length;
  const dpiOf = src => {  // the PNG's pHYs chunk (matplotlib writes the figure's dpi there); 72 when absent
    const m = src.match(/^data:image\/png;base64,(.{0,2000})/); if (!m) return 72;
    let b; try { b = atob(m[1].slice(0, m[1].length - m[1].length %% 4)); } catch (e) { return 72; }
    const at = b.indexOf('pHYs'); if (at < 0) return 72;
    const ppm = ((b.charCodeAt(at + 4) << 24) >>> 0) + (b.charCodeAt(at + 5) << 16) + (b.charCodeAt(at + 6) << 8) + b.charCodeAt(at + 7);
    return Math.round(ppm * 0.0254); };
  const imgs = [...s.querySelectorAll('img')].filter(visible).map(i => ({w: i.getBoundingClientRect().width,
    nw: i.naturalWidth, dpi: dpiOf(i.src)}));
  const cjk = [...s.querySelectorAll('h1,h2,h3,h4,p,li,td,th,span,div,label,output')].filter(el =>
    !el.closest('aside.notes') && visible(el) && [...el.childNodes].some(n => n.nodeType === 3 && /[\u3400-\u9fff]/.test(n.textContent)));
  const cjkCounts = cjk.slice(0, 6).map((el, i) => { el.setAttribute('data-crm-cjk', String(i));
    return [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('')
      .split('').filter(c => /[\u3400-\u9fff]/.test(c)).length; });
  const controls = [...s.querySelectorAll('input, select, textarea, .widget-slider, .widget-dropdown, button')]
    .filter(el => !el.closest('aside.notes') && visible(el) && !el.closest('.controls'));
  const flip = controls.filter(el => el.closest('.crmlearn-flipbook'));
  return {overflow_bottom: Math.max(0, Math.round(bottom - H)), overflow_right: Math.max(0, Math.round(right - (W - EDGE))),
          worst_bottom: worstB, worst_right: worstR, clipped: Math.round(clipped), clipped_what: clippedWhat,
          code_inputs: code, shown_code: shownCode, images: imgs, cjk_elements: cjkCounts.length, cjk_counts: cjkCounts,
          controls: controls.length, flipbook_controls: flip.length,
          range_widths: [...s.querySelectorAll('.crmlearn-flipbook input[type=range]')].map(i => i.getBoundingClientRect().width),
          title: ((s.querySelector('h1,h2,h3') || {}).textContent || '').trim().slice(0, 60)};
}""" % {"w": WIDTH, "h": HEIGHT, "edge": RIGHT_PADDING}

_MOVE = r"""(idx) => {
  const s = Reveal.getCurrentSlide();
  const inp = s.querySelectorAll('.crmlearn-flipbook .tryit-input')[idx];
  const root = inp.closest('.crmlearn-flipbook'), frame = root.querySelector('.tryit-frame');
  const before = frame.innerHTML;
  const n = inp.tagName === 'SELECT' ? inp.options.length : parseInt(inp.max, 10) + 1;
  const cur = parseInt(inp.value, 10), next = cur + 1 < n ? cur + 1 : cur - 1;
  inp.value = String(next); inp.dispatchEvent(new Event('input', {bubbles: true}));
  const changed = frame.innerHTML !== before;
  inp.value = String(cur); inp.dispatchEvent(new Event('input', {bubbles: true}));
  return changed;
}"""


def inspect_deck(html: Path, *, shots: Path | None = None, chromium: str | None = None,
                 hide_cjk: bool = True, check_keys: bool = True) -> dict:
    """Open ``html`` offline at 1280x720 and measure every slide; returns a report dict."""
    from playwright.sync_api import sync_playwright

    chromium = chromium or shutil.which("chromium")
    if chromium is None:
        raise RuntimeError("Debian's chromium is not installed (apt-get install chromium)")
    t0 = time.perf_counter()
    env = dict(os.environ)
    tmp = Path(tempfile.mkdtemp(prefix="crmlearn-deck-"))
    if hide_cjk:
        env["FONTCONFIG_FILE"] = str(fontconfig_without_cjk(tmp / "fc"))
    report = {"deck": html.name, "requests": [], "slides": [], "errors": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS, env=env)
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})

        def route(r):
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                report["requests"].append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda e: report["errors"].append(str(e)))
        page.goto(html.as_uri())
        page.wait_for_function("window.Reveal && Reveal.isReady && Reveal.isReady()", timeout=30000)
        page.evaluate("document.fonts.ready.then(() => true)")
        if page.evaluate("!!window.MathJax && !!MathJax.Hub"):
            page.wait_for_function("MathJax.Hub.queue.pending === 0 && MathJax.Hub.queue.running === 0",
                                   timeout=30000)
        cdp = page.context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        # the hiding works: a system CJK font named outright is not found
        page.evaluate("""() => { const d = document.createElement('div'); d.id = 'crm-probe';
            d.style.fontFamily = '"Noto Sans CJK SC", "Noto Sans CJK JP", sans-serif'; d.textContent = '客户';
            document.body.appendChild(d); }""")
        report["system_cjk_fonts"] = _fonts_of(cdp, "#crm-probe")
        page.evaluate("document.getElementById('crm-probe').remove()")
        indices = page.evaluate("""() => Reveal.getHorizontalSlides().map((h, i) =>
            [i, Math.max(1, h.querySelectorAll(':scope > section').length)])""")
        keys_done = False
        for h, nv in indices:
            for v in range(nv):
                page.evaluate(f"Reveal.slide({h}, {v})")
                page.wait_for_timeout(30)
                m = page.evaluate(_MEASURE)
                m["h"], m["v"] = h, v
                m["cjk_fonts"] = [_fonts_of(cdp, f"[data-crm-cjk='{i}']") for i in range(m["cjk_elements"])]
                page.evaluate("document.querySelectorAll('[data-crm-cjk]').forEach(e => e.removeAttribute('data-crm-cjk'))")
                m["dead_controls"] = m["controls"] - m["flipbook_controls"]
                m["unchanged_controls"] = sum(not page.evaluate(_MOVE, i) for i in range(
                    page.evaluate("Reveal.getCurrentSlide().querySelectorAll('.crmlearn-flipbook .tryit-input').length")))
                if check_keys and not keys_done and m["flipbook_controls"]:
                    page.focus(".present .crmlearn-flipbook .tryit-input")
                    before = page.evaluate("[Reveal.getIndices(), document.activeElement.value]")
                    page.keyboard.press("ArrowRight")
                    page.keyboard.press("ArrowLeft")
                    page.keyboard.press("ArrowRight")
                    after = page.evaluate("[Reveal.getIndices(), document.activeElement.value]")
                    report["arrow_keys"] = {"slide_kept": before[0] == after[0], "value_moved": before[1] != after[1]}
                    page.evaluate(f"document.activeElement.blur(); Reveal.slide({h}, {v})")
                    keys_done = True
                if shots is not None:
                    shots.mkdir(parents=True, exist_ok=True)
                    page.screenshot(path=str(shots / f"{h:02d}-{v}.png"))
                report["slides"].append(m)
        report["font_faces"] = page.evaluate(
            "[...document.fonts].map(f => [f.family.replace(/\"/g, ''), f.weight, f.status])")
        browser.close()
    shutil.rmtree(tmp, ignore_errors=True)
    report["seconds"] = round(time.perf_counter() - t0, 1)
    return report


def _fonts_of(cdp, selector: str, *, all_nodes: bool = False) -> list[dict]:
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    ids = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]
    out = []
    for nid in ids if all_nodes else ids[:1]:
        try:
            fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": nid})["fonts"]
        except Exception:  # noqa: BLE001 - a node that is not rendered has no fonts
            continue
        out.extend({"family": f["familyName"], "ps": f.get("postScriptName", ""), "custom": f["isCustomFont"],
                    "glyphs": f["glyphCount"]} for f in fonts)
    return out


def summarize(report: dict, *, min_pt: float) -> dict:
    """The numbers a test asserts on, with the slides that break each rule."""
    over = [s for s in report["slides"] if s["overflow_bottom"] > 0 or s["overflow_right"] > 0 or s["clipped"] > 0]
    code = [s for s in report["slides"] if s["code_inputs"]]
    # text px of the smallest course-style font in each figure: MIN_FONT_PT at the PNG's dpi, times the shown scale
    small = [(s, i) for s in report["slides"] for i in s["images"]
             if i["nw"] and min_pt * i["dpi"] / 72.0 * i["w"] / i["nw"] < MIN_TEXT_PX]
    cjk_bad, cjk_system = [], []
    for s in report["slides"]:
        for count, fonts in zip(s["cjk_counts"], s["cjk_fonts"]):
            bundled = sum(f["glyphs"] for f in fonts if f["custom"] and f["family"].replace(" ", "").startswith(CJK_FAMILY_FILE))
            if fonts and bundled < count:  # fewer glyphs from the bundled font than Chinese characters
                cjk_bad.append(s)
                break
        if any(not f["custom"] and "CJK" in f["family"] for fonts in s["cjk_fonts"] for f in fonts):
            cjk_system.append(s)
    dead = [s for s in report["slides"] if s["dead_controls"] or s["unchanged_controls"]]
    narrow = [s for s in report["slides"] if any(w < 300 for w in s["range_widths"])]
    return {"slides": len(report["slides"]), "overflowing": over, "code": code, "small_images": small,
            "cjk_not_bundled": cjk_bad, "cjk_system": cjk_system, "dead_controls": dead, "narrow_sliders": narrow}


def describe(s: dict) -> str:
    parts = []
    if s["overflow_bottom"]:
        parts.append(f"{s['overflow_bottom']} px below the bottom ({s['worst_bottom']})")
    if s["overflow_right"]:
        parts.append(f"{s['overflow_right']} px past the right edge ({s['worst_right']})")
    if s["clipped"]:
        parts.append(f"{s['clipped']} px clipped inside {s['clipped_what']}")
    return f"slide {s['h']}.{s['v']} '{s['title']}': " + "; ".join(parts)


def main(argv=None) -> int:
    from crmlearn.plots import _style

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("decks", nargs="*", type=Path)
    ap.add_argument("--out", type=Path, default=ROOT / "slides" / "screenshots")
    ap.add_argument("--no-shots", action="store_true")
    args = ap.parse_args(argv)
    decks = args.decks or sorted((ROOT / "slides").glob("*.slides.html"))
    if not decks:
        print("no decks: run `make slides` first", file=sys.stderr)
        return 1
    min_pt = _style.MIN_FONT_PT
    for deck in decks:
        rep = inspect_deck(deck, shots=None if args.no_shots else args.out / deck.name.split(".")[0])
        s = summarize(rep, min_pt=min_pt)
        print(f"{deck.name}: {s['slides']} slides, {len(s['overflowing'])} overflowing, {len(rep['requests'])} "
              f"network requests, {len(s['code'])} with code inputs, {len(s['small_images'])} small figures, "
              f"{len(s['cjk_not_bundled'])} with Chinese not in the bundled font, {len(s['dead_controls'])} with "
              f"dead controls, {rep['seconds']} s")
        for sl in s["overflowing"]:
            print("  " + describe(sl))
    return 0


if __name__ == "__main__":
    sys.exit(main())
