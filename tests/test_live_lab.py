"""Live JupyterLab in a real browser: every chapter runs, and its "try it" widgets recompute.

One JupyterLab server (started with :func:`crmlearn.cli.lab_command`, as ``make lab`` does, so with
the course's lab settings) serves COPIES of the chapter notebooks in a temporary folder; the
committed notebooks are never opened by the server. For every chapter notebook
``notebooks/NN_*.ipynb`` the test opens it in Chromium, runs all cells, checks that no cell wrote
an error or a warning, moves the first slider (or, in a chapter without one, picks another entry
of the first drop-down) and checks that the output beside it changes. A second test presents a
chapter with jupyterlab-slideshow (the live presenting route, README "Presenting"), moves a slider
on a slide and checks that the slide's output changes and the slide stays put. The page must make
no request outside the local server.

The browser is Debian's ``chromium`` driven by playwright; without it the tests skip, and with
``CRMLEARN_REQUIRE_BROWSER=1`` (CI) its absence is a failure.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from crmlearn._lab import prepare_presentation
from crmlearn.cli import lab_command

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted(ROOT.glob("notebooks/[0-9][0-9]_*.ipynb"))
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]
SERVER_START_LIMIT = 120.0   # s, JupyterLab up on a busy 2-core machine
KERNEL_IDLE_LIMIT = 120.0    # s, a kernel started and idle
RUN_ALL_LIMIT = 300.0        # s, one chapter run (5-17 s when the machine is free)
RECOMPUTE_LIMIT = 60.0       # s, a widget's output redrawn after a move
PRESENT_CHAPTER = "04"       # the chapter presented in the slides test: it has several sliders


def require_browser() -> str:
    """The chromium executable; skip without it, or fail when CRMLEARN_REQUIRE_BROWSER=1."""
    required = os.environ.get("CRMLEARN_REQUIRE_BROWSER") == "1"
    problem = None
    chromium = shutil.which("chromium")
    if chromium is None:
        problem = "chromium is not installed (Debian: apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright Python package is not installed (pip install playwright)"
    if problem:
        if required:
            pytest.fail(f"CRMLEARN_REQUIRE_BROWSER=1 but {problem}")
        pytest.skip(f"live JupyterLab browser test skipped: {problem}")
    return chromium


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Lab:
    """A running JupyterLab on a temporary copy of the course's notebooks."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.course = folder / "course"
        (self.course / "notebooks").mkdir(parents=True)
        for nb in CHAPTERS:
            shutil.copyfile(nb, self.course / "notebooks" / nb.name)
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("JUPYTER", "JPY_")) and k != "MPLBACKEND"}  # inline figures
        for var in ("JUPYTER_RUNTIME_DIR", "JUPYTER_CONFIG_DIR", "JUPYTERLAB_SETTINGS_DIR",
                    "JUPYTERLAB_WORKSPACES_DIR"):
            (folder / var.lower()).mkdir()
            env[var] = str(folder / var.lower())
        # the test's own user setting: no autosave, so a save seen by the test was asked for
        user = folder / "jupyterlab_settings_dir" / "@jupyterlab" / "docmanager-extension"
        user.mkdir(parents=True)
        (user / "plugin.jupyterlab-settings").write_text(json.dumps({"autosave": False}))
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in [os.environ.get("PYTHONPATH")] if p])
        env["CRMLEARN_HOME"] = str(folder / "crmlearn-home")
        self.runtime = Path(env["JUPYTER_RUNTIME_DIR"])
        self.port = _free_port()
        # as `make lab` runs it (course settings included); the test only adds window.jupyterapp
        cmd = lab_command(port=self.port, open_browser=False, root=self.course, notebook=None)
        cmd.append("--LabApp.expose_app_in_browser=True")
        self.log_path = folder / "lab.log"
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(cmd, cwd=self.course, env=env, stdout=log, stderr=subprocess.STDOUT)
        self.token = self._wait_for_token()
        self.base = f"http://127.0.0.1:{self.port}"

    def log(self, tail: int = 3000) -> str:
        return self.log_path.read_text(errors="replace")[-tail:]

    def _wait_for_token(self) -> str:
        deadline = time.monotonic() + SERVER_START_LIMIT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with {self.proc.returncode}:\n{self.log()}")
            for path in self.runtime.glob("jpserver-*.json"):
                try:
                    info = json.loads(path.read_text())
                except ValueError:
                    continue  # half written
                if info.get("port") == self.port:
                    url = f"http://127.0.0.1:{self.port}/api/status"
                    try:
                        self._get(url, info["token"])
                        return info["token"]
                    except (OSError, urllib.error.URLError):
                        pass
            time.sleep(0.5)
        raise RuntimeError(f"JupyterLab did not start within {SERVER_START_LIMIT:.0f}s:\n{self.log()}")

    def _get(self, url: str, token: str | None = None):
        request = urllib.request.Request(url, headers={"Authorization": f"token {token or self.token}"})
        with urllib.request.urlopen(request, timeout=15) as response:
            return json.loads(response.read())

    def kernel_state(self, path: str) -> str | None:
        """The execution state of the kernel of the notebook at ``path`` (None: no kernel yet)."""
        try:
            sessions = self._get(f"{self.base}/api/sessions")
        except (OSError, urllib.error.URLError, ValueError):
            return None
        for s in sessions:
            if s.get("path") == path and s.get("kernel"):
                return s["kernel"].get("execution_state")
        return None

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    chromium = require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def lab(browser, tmp_path_factory):
    committed = {nb: _sha(nb) for nb in CHAPTERS}
    server = Lab(tmp_path_factory.mktemp("live-lab"))
    try:
        yield server
    finally:
        server.stop()
    changed = [nb.name for nb in CHAPTERS if _sha(nb) != committed[nb]]
    assert not changed, f"the live test changed committed notebooks: {changed}"


# ---------------------------------------------------------------------------------------------
# driving the page
# ---------------------------------------------------------------------------------------------
class Page:
    """One notebook open in a browser tab, with the requests it made to other hosts."""

    def __init__(self, lab: Lab, browser, path: str):
        self.lab, self.path = lab, path
        self.external: list[str] = []
        self.context = browser.new_context(viewport={"width": 1280, "height": 720})
        self.page = self.context.new_page()
        self.page.set_default_timeout(60_000)

        def note(request):
            url = request.url
            if not url.startswith((lab.base, "data:", "blob:", "about:")):
                self.external.append(url)

        self.page.on("request", note)

    def close(self) -> None:
        self.context.close()

    def open(self) -> None:
        """Open the notebook and wait until its kernel is idle (reload once if it never starts)."""
        for attempt in (1, 2, 3):
            self.page.goto(f"{self.lab.base}/lab/tree/{self.path}?token={self.lab.token}")
            self.page.wait_for_function("""() => {
                const app = window.jupyterapp, panel = app && app.shell.currentWidget;
                return panel && panel.context && panel.context.isReady && panel.content
                    && panel.content.widgets && panel.content.widgets.length > 0
                    && app.commands.hasCommand('notebook:run-all-cells');
            }""", timeout=120_000)
            deadline = time.monotonic() + KERNEL_IDLE_LIMIT
            while time.monotonic() < deadline:
                if self.lab.kernel_state(self.path) == "idle":
                    return
                time.sleep(1.0)
            if attempt < 3:  # a slow kernel start on a busy machine: shut it down and try again
                self._shutdown_kernel()
        pytest.fail(f"{self.path}: the kernel did not become idle within {KERNEL_IDLE_LIMIT:.0f}s "
                    f"after 3 attempts.\nServer log:\n{self.lab.log()}")

    def _shutdown_kernel(self) -> None:
        try:
            for s in self.lab._get(f"{self.lab.base}/api/sessions"):
                if s.get("path") == self.path:
                    request = urllib.request.Request(f"{self.lab.base}/api/sessions/{s['id']}", method="DELETE",
                                                     headers={"Authorization": f"token {self.lab.token}"})
                    urllib.request.urlopen(request, timeout=30).close()
        except (OSError, urllib.error.URLError):
            pass

    def cells(self) -> list[dict]:
        """Every cell: index, type, first source line, execution count and state, stderr/error outputs."""
        return self.page.evaluate("""() => {
            const panel = window.jupyterapp.shell.currentWidget;
            const nb = panel.content;
            return nb.widgets.map((cell, i) => {
                const node = cell.node;
                const errors = [...node.querySelectorAll(
                    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
                    .map(e => e.innerText.slice(0, 400));
                const src = cell.model.sharedModel.getSource();
                return {index: i, type: cell.model.type, first_line: src.split('\\n')[0].slice(0, 80),
                        count: cell.model.type === 'code' ? cell.model.executionCount : null,
                        state: cell.model.type === 'code' ? (cell.model.executionState || '') : '', errors, empty: src.trim() === ''};
            });
        }""")

    def run_all(self) -> float:
        """Run all cells and wait until every code cell has run; return the seconds it took."""
        start = time.monotonic()
        self.page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        deadline = start + RUN_ALL_LIMIT
        idle_polls = 0
        while time.monotonic() < deadline:
            time.sleep(1.0)
            cells = self.cells()
            code = [c for c in cells if c["type"] == "code" and not c["empty"]]
            waiting = [c for c in code if c["count"] is None or c["state"] == "running"]
            idle = self.lab.kernel_state(self.path) == "idle" and not [c for c in code if c["state"] == "running"]
            idle_polls = idle_polls + 1 if idle else 0
            if not waiting and idle_polls >= 2:
                return time.monotonic() - start
            if idle_polls >= 5 and [c for c in cells if c["errors"]]:
                return time.monotonic() - start  # Run All stopped at an error: the caller names the cell
        still = [f"cell {c['index']} ({c['first_line']!r}, execution count {c['count']}, {c['state'] or 'not run'})" for c in waiting[:5]]
        pytest.fail(f"{self.path}: Run All did not finish within {RUN_ALL_LIMIT:.0f}s; still waiting for "
                    f"{', '.join(still)}.\nServer log:\n{self.lab.log()}")

    def output_signature(self, cell_index: int) -> str:
        """What a cell's output shows, without the controls' own state (slider positions, readouts)."""
        return self.page.evaluate("""(i) => {
            const cell = window.jupyterapp.shell.currentWidget.content.widgets[i];
            const out = cell.node.querySelector('.jp-OutputArea');
            if (!out) return '';
            const copy = out.cloneNode(true);
            copy.querySelectorAll('.widget-slider, .widget-hslider, .widget-readout, .widget-dropdown, select, input')
                .forEach(e => e.remove());
            return copy.innerHTML;
        }""", cell_index)

    def first_control(self) -> tuple[int, str] | None:
        """(cell index, kind) of the first slider, else of the first drop-down; None if neither."""
        return self.page.evaluate("""() => {
            const cells = window.jupyterapp.shell.currentWidget.content.widgets;
            for (const kind of ['slider', 'dropdown']) {
                const sel = kind === 'slider' ? '.widget-slider .noUi-handle' : '.widget-dropdown select';
                for (let i = 0; i < cells.length; i++) {
                    if (cells[i].node.querySelector(sel)) return [i, kind];
                }
            }
            return null;
        }""")

    def move(self, cell_index: int, kind: str) -> None:
        """Move the first control of that kind in the cell as a user would (keyboard on the control)."""
        selector = ".widget-slider .noUi-handle" if kind == "slider" else ".widget-dropdown select"
        marked = self.page.evaluate("""([i, sel]) => {
            document.querySelectorAll('[data-live-test]').forEach(e => e.removeAttribute('data-live-test'));
            const cell = window.jupyterapp.shell.currentWidget.content.widgets[i];
            const el = cell.node.querySelector(sel);
            if (!el) return false;
            el.setAttribute('data-live-test', 'control');
            return true;
        }""", [cell_index, selector])
        assert marked, f"{self.path}: cell {cell_index} has no {kind} to move"
        control = self.page.locator("[data-live-test=control]")
        control.scroll_into_view_if_needed()
        if kind == "slider":
            control.focus()
            for _ in range(3):
                control.press("ArrowRight")
        else:
            current = control.input_value()
            values = control.evaluate("s => [...s.options].map(o => o.value)")
            others = [v for v in values if v != current]
            assert others, f"{self.path}: cell {cell_index}: the first drop-down has one option only"
            control.select_option(others[0])

    def wait_for_change(self, cell_index: int, before: str) -> bool:
        deadline = time.monotonic() + RECOMPUTE_LIMIT
        while time.monotonic() < deadline:
            if self.output_signature(cell_index) != before:
                return True
            time.sleep(0.5)
        return False


@pytest.mark.parametrize("notebook", CHAPTERS, ids=[nb.stem for nb in CHAPTERS])
def test_chapter_runs_in_jupyterlab_and_its_first_control_recomputes(lab, browser, notebook):
    path = f"notebooks/{notebook.name}"
    page = Page(lab, browser, path)
    try:
        page.open()
        seconds = page.run_all()
        cells = page.cells()
        n_cells = len(json.loads((lab.course / path).read_text())["cells"])
        assert len(cells) == n_cells, f"{path}: JupyterLab shows {len(cells)} cells, the file has {n_cells}"
        bad = [f"cell {c['index']} ({c['first_line']!r}): {c['errors'][0]!r}" for c in cells if c["errors"]]
        assert not bad, f"{path}: error or warning output after Run All ({seconds:.0f}s):\n" + "\n".join(bad)

        control = page.first_control()
        assert control is not None, f"{path}: no slider or drop-down widget after Run All (a 'try it' is required)"
        index, kind = control
        before = page.output_signature(index)
        assert before, f"{path}: cell {index} ({cells[index]['first_line']!r}) shows no output beside its {kind}"
        page.move(index, kind)
        assert page.wait_for_change(index, before), (
            f"{path}: cell {index} ({cells[index]['first_line']!r}): moving the first {kind} changed nothing "
            f"within {RECOMPUTE_LIMIT:.0f}s")
        errors_after = [c for c in page.cells() if c["errors"]]
        assert not errors_after, f"{path}: error output after moving the {kind}: {errors_after[0]}"
        assert page.external == [], f"{path}: the page asked other hosts: {page.external[:5]}"
    finally:
        page.close()


def test_presenting_live_with_slideshow_keeps_widgets_working(lab, browser):
    """The README's route: a copy of the chapter, Run All, the deck button, a slider on a slide."""
    folder = lab.course / "present"
    copy = prepare_presentation(ROOT, PRESENT_CHAPTER, folder=folder)
    path = copy.relative_to(lab.course).as_posix()
    page = Page(lab, browser, path)
    try:
        page.open()
        page.run_all()
        mtime = copy.stat().st_mtime_ns
        # the deck starts at the active cell: go to the title first, as a presenter would
        page.page.evaluate("""() => { const nb = window.jupyterapp.shell.currentWidget.content;
                                      nb.activeCellIndex = 0; nb.mode = 'command'; }""")
        button = page.page.locator(".jp-NotebookPanel:visible [data-command='deck:toggle']")
        assert button.count() == 1, "jupyterlab-slideshow's deck button is missing from the notebook toolbar"
        button.first.click()
        page.page.wait_for_function("() => document.body.dataset.jpDeckMode === 'presenting'", timeout=30_000)

        def visible_slider_cell() -> int | None:
            return page.page.evaluate("""() => {
                const cells = window.jupyterapp.shell.currentWidget.content.widgets;
                for (let i = 0; i < cells.length; i++) {
                    const h = cells[i].node.querySelector('.widget-slider .noUi-handle');
                    if (!h) continue;
                    const r = h.getBoundingClientRect();
                    const style = getComputedStyle(cells[i].node);
                    if (r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight
                        && style.visibility !== 'hidden' && style.display !== 'none') return i;
                }
                return null;
            }""")

        index = None
        for step in range(300):  # through the deck with the presenter's key
            index = visible_slider_cell()
            if index is not None:
                break
            page.page.keyboard.press("ArrowRight")
            time.sleep(0.3)
        assert index is not None, f"{path}: no slide with a visible slider after 300 steps through the deck"
        page.page.screenshot(path=str(lab.folder / "present-slide-before.png"))
        def on_screen() -> list[int]:
            return page.page.evaluate("""() => window.jupyterapp.shell.currentWidget.content.widgets
                .map((c, i) => [i, c.node]).filter(([i, n]) => {
                    const r = n.getBoundingClientRect();
                    return getComputedStyle(n).visibility !== 'hidden' && r.height > 0
                        && r.bottom > 0 && r.top < innerHeight;
                }).map(([i]) => i)""")

        slide = on_screen()
        assert index in slide
        before = page.output_signature(index)
        assert before, f"{path}: the widget on the slide (cell {index}) shows no output"
        page.move(index, "slider")
        assert page.wait_for_change(index, before), (
            f"{path}: on the slide, moving the slider of cell {index} changed nothing within {RECOMPUTE_LIMIT:.0f}s")
        page.page.screenshot(path=str(lab.folder / "present-slide-after.png"))
        assert page.page.evaluate("document.body.dataset.jpDeckMode") == "presenting"
        assert on_screen() == slide, (
            f"the arrow keys on the focused slider also changed the slide: cells {slide} before, {on_screen()} after")
        assert not [c for c in page.cells() if c["errors"]], f"{path}: error output while presenting"
        # with the focus on the slider, the deck's own > button still goes on (README)
        page.page.locator(".jp-Deck-Remote-directions .jp-deck-mod-direction-forward").click()
        page.page.wait_for_function("""(i) => {
            const n = window.jupyterapp.shell.currentWidget.content.widgets[i].node;
            return getComputedStyle(n).visibility === 'hidden' || n.getBoundingClientRect().bottom <= 0;
        }""", arg=index, timeout=30_000)
        assert copy.stat().st_mtime_ns == mtime, "entering the slideshow saved the notebook"
        assert page.external == [], f"presenting asked other hosts: {page.external[:5]}"
    finally:
        page.close()


# ---------------------------------------------------------------------------------------------
# no browser needed
# ---------------------------------------------------------------------------------------------
def test_course_lab_settings_turn_off_internet_requests_and_autostart_the_kernel():
    from crmlearn._lab import LAB_SETTINGS_DIR

    overrides = json.loads((LAB_SETTINGS_DIR / "overrides.json").read_text())
    assert overrides["@jupyterlab/docmanager-extension:plugin"]["autoStartDefaultKernel"] is True
    news = overrides["@jupyterlab/apputils-extension:notification"]
    assert news["fetchNews"] == "false" and news["checkForUpdates"] is False
    assert overrides["@jupyterlab/extensionmanager-extension:plugin"]["enabled"] is False
    assert f"--LabApp.app_settings_dir={LAB_SETTINGS_DIR}" in lab_command(open_browser=False)


def test_crmlearn_present_opens_a_copy_not_the_course_notebook(capsys):
    from crmlearn.cli import main

    committed = {nb: _sha(nb) for nb in CHAPTERS}
    assert main(["present", "4", "--dry-run", "--no-browser"]) == 0
    line = capsys.readouterr().out.strip()
    root_arg = next(a for a in line.split() if a.startswith("--ServerApp.root_dir="))
    folder = Path(root_arg.split("=", 1)[1])
    try:
        assert folder != ROOT and not str(folder).startswith(str(ROOT))
        copy = folder / "notebooks" / "04_customer_grading.ipynb"
        assert copy.is_file() and line.endswith("notebooks/04_customer_grading.ipynb")
        cells = json.loads(copy.read_text())["cells"]
        assert not [c for c in cells if c["metadata"].get("slideshow", {}).get("slide_type") == "-"]
        assert all(c["metadata"].get("jupyter", {}).get("source_hidden") for c in cells if c["cell_type"] == "code"
                   and "show-input" not in c["metadata"].get("tags", []))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert {nb: _sha(nb) for nb in CHAPTERS} == committed
    assert main(["present", "99", "--dry-run"]) == 1
    assert "no chapter '99'" in capsys.readouterr().err
