"""Re-execute notebooks in place, deterministically (``make notebooks``).

Each notebook runs top to bottom in a fresh kernel from its own folder, with a
throw-away exercise-progress folder (so the outputs never depend on a
learner's history), a fixed hash seed and the inline matplotlib backend.
Timing metadata is dropped so a re-run changes a file only when its outputs do.
Widget state is stored, so an exported slide deck shows the widgets.

Usage: python tools/run_notebooks.py [NOTEBOOK ...]   (default: every notebook)
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def run(path: Path, *, timeout: int = 600) -> float:
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


def main(argv: list[str]) -> int:
    paths = [Path(p) for p in argv] or sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted((ROOT / "exercises").glob("*.ipynb"))
    for p in paths:
        secs = run(p.resolve())
        print(f"{p}: executed in {secs:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
