"""Re-execute notebooks in place, deterministically (``make notebooks``).

Each notebook runs top to bottom in a fresh kernel from its own folder, with a
throw-away exercise-progress folder (so the outputs never depend on a
learner's history), a fixed hash seed and the inline matplotlib backend.
Timing metadata is dropped so a re-run changes a file only when its outputs do.
Widget state is stored, so an exported slide deck shows the widgets.

Each notebook runs in a child process with a time limit and is tried up to three times: on
this project's machines a kernel now and then died or stopped answering under nbclient (never
under nbval), and a fresh try always went through.

Usage: python tools/run_notebooks.py [NOTEBOOK ...]   (default: every notebook)
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


ATTEMPTS = 3
WALL_SECONDS = 300


def run(path: Path, *, timeout: int = 120) -> float:
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as home:
        env_before = dict(os.environ)
        os.environ.update({"CRMLEARN_HOME": home, "PYTHONHASHSEED": "0", "MPLBACKEND": "module://matplotlib_inline.backend_inline"})
        try:
            t0 = time.perf_counter()
            client = NotebookClient(nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}},
                                    store_widget_state=True, record_timing=False)
            client.execute()
            elapsed = time.perf_counter() - t0
        finally:
            os.environ.clear()
            os.environ.update(env_before)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    nb.metadata.pop("widgets", None) if not _has_widgets(nb) else None
    nbformat.write(nb, path)
    return elapsed


def _has_widgets(nb) -> bool:
    return any("application/vnd.jupyter.widget-view+json" in o.get("data", {})
               for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))


def run_isolated(path: Path) -> bool:
    """Run one notebook in a child process, retrying when the kernel dies or hangs."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            done = subprocess.run([sys.executable, __file__, "--one", str(path)], timeout=WALL_SECONDS)
            if done.returncode == 0:
                return True
            why = f"exit code {done.returncode}"
        except subprocess.TimeoutExpired:
            why = f"no answer within {WALL_SECONDS} s"
        print(f"{path}: attempt {attempt} failed ({why})" + ("; trying again" if attempt < ATTEMPTS else ""), flush=True)
    return False


def main(argv: list[str]) -> int:
    if argv[:1] == ["--one"]:
        path = Path(argv[1]).resolve()
        print(f"{argv[1]}: executed in {run(path):.1f} s", flush=True)
        os._exit(0)  # do not wait for the kernel client's threads
    paths = [Path(p) for p in argv] or sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb"))
    failed = [p for p in paths if not run_isolated(p)]
    if failed:
        print("could not execute: " + ", ".join(map(str, failed)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
