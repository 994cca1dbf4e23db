"""JupyterLab set-up for the course: its settings, and presenting a chapter live.

``crmlearn lab`` and ``crmlearn present`` start JupyterLab with the course's settings
(``crmlearn/labsettings/overrides.json``): a new notebook starts its kernel without asking, and
JupyterLab neither fetches news nor checks for updates nor lists extensions from the internet.
They are *defaults*: a learner's own settings (Settings > Settings Editor) still win.

Presenting live uses the jupyterlab-slideshow extension (installed with the course): it turns the
open notebook into slides inside JupyterLab itself, so the "try it" widgets are the real ones and
recompute. ``crmlearn present N`` copies chapter N into a fresh folder and opens the copy, so a
presentation never rewrites the course's notebook.

Only the standard library is imported here (``import crmlearn`` stays light).
"""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

__all__ = ["LAB_SETTINGS_DIR", "lab_settings_args", "find_chapter", "prepare_presentation"]

#: Code cells with this tag keep their input visible in a presentation copy.
SHOW_INPUT_TAG = "show-input"

#: The folder JupyterLab reads the course's setting defaults from (``overrides.json``).
LAB_SETTINGS_DIR = Path(__file__).resolve().parent / "labsettings"


def lab_settings_args() -> list[str]:
    """Command-line options that make JupyterLab use the course's setting defaults.

    Examples
    --------
    >>> args = lab_settings_args()
    >>> args[0].startswith("--LabApp.app_settings_dir=") and args[0].endswith("labsettings")
    True
    """
    return [f"--LabApp.app_settings_dir={LAB_SETTINGS_DIR}"]


def find_chapter(root: str | Path, chapter: str | int) -> Path:
    """The chapter notebook ``notebooks/NN_*.ipynb`` of the course folder ``root``.

    ``chapter`` is a number (``4``, ``"04"``) or a notebook name (``"04_customer_grading"``,
    with or without ``.ipynb``, with or without ``notebooks/``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp()); (root / "notebooks").mkdir()
    >>> _ = (root / "notebooks" / "04_customer_grading.ipynb").write_text("{}")
    >>> find_chapter(root, 4).name
    '04_customer_grading.ipynb'
    >>> find_chapter(root, "notebooks/04_customer_grading.ipynb").name
    '04_customer_grading.ipynb'
    """
    folder = Path(root) / "notebooks"
    chapters = sorted(folder.glob("[0-9][0-9]_*.ipynb"))
    text = str(chapter).strip()
    if re.fullmatch(r"\d{1,2}", text):
        found = [p for p in chapters if int(p.name[:2]) == int(text)]
    else:
        name = Path(text).name
        found = [p for p in chapters if p.name in (name, name + ".ipynb")]
    if not found:
        names = ", ".join(p.stem for p in chapters) or "none"
        raise ValueError(f"find_chapter: no chapter {chapter!r} in {folder}. Chapters: {names}. "
                         "Give the chapter number (e.g. 4) or the notebook name.")
    return found[0]


def prepare_presentation(root: str | Path, chapter: str | int, folder: str | Path | None = None) -> Path:
    """Copy chapter ``chapter`` into a fresh presentation folder; return the copy's path.

    The copy sits in ``folder/notebooks/`` (default: a new temporary folder), so everything done
    while presenting (running cells, moving widgets, JupyterLab's autosave) changes the copy,
    never the course's notebook.

    In the copy, cells marked ``slide_type: "-"`` ("continue the slide", what JupyterLab's
    property inspector writes) lose that mark: jupyterlab-slideshow 0.3 shows a continuing cell
    only when it has no slide type, and would leave every such cell (most of the course's code
    outputs and widgets) off the slides. Code inputs are collapsed in the copy (the audience sees
    the outputs and the widgets; click the bar on the left of a cell to show its code), except in
    cells tagged ``show-input``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp()); (root / "notebooks").mkdir()
    >>> cells = [{"cell_type": "code", "metadata": {"slideshow": {"slide_type": "-"}}, "source": "1"},
    ...          {"cell_type": "markdown", "metadata": {"slideshow": {"slide_type": "slide"}}, "source": "# A"}]
    >>> original = root / "notebooks" / "00_welcome.ipynb"
    >>> _ = original.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    >>> copy = prepare_presentation(root, 0, folder=root / "present")
    >>> copy.name, copy.parent.name, copy != original
    ('00_welcome.ipynb', 'notebooks', True)
    >>> [c["metadata"] for c in json.loads(copy.read_text())["cells"]]
    [{'jupyter': {'source_hidden': True}}, {'slideshow': {'slide_type': 'slide'}}]
    >>> json.loads(original.read_text())["cells"][0]["metadata"]
    {'slideshow': {'slide_type': '-'}}
    """
    source = find_chapter(root, chapter)
    target_root = Path(folder) if folder is not None else Path(tempfile.mkdtemp(prefix="crmlearn-present-"))
    target = target_root / "notebooks" / source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    notebook = json.loads(source.read_text(encoding="utf-8"))
    for cell in notebook.get("cells", []):
        show = cell.get("metadata", {}).get("slideshow")
        if isinstance(show, dict) and show.get("slide_type") == "-":
            del show["slide_type"]
            if not show:
                del cell["metadata"]["slideshow"]
        if cell.get("cell_type") == "code" and SHOW_INPUT_TAG not in cell.get("metadata", {}).get("tags", []):
            cell.setdefault("metadata", {}).setdefault("jupyter", {})["source_hidden"] = True
    target.write_text(json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def present(chapter: str | int, *, port: int | None = None, open_browser: bool = True,
            dry_run: bool = False, root: str | Path | None = None) -> int:
    """``crmlearn present N``: open a copy of chapter N in JupyterLab, ready to present.

    Then: Run > Run All Cells, and start the slides with the deck button in the notebook's
    toolbar (README, "Presenting"). Returns the exit status of JupyterLab.
    """
    import subprocess
    import sys

    from crmlearn.cli import course_root, lab_command

    course = Path(root) if root is not None else course_root()
    try:
        copy = prepare_presentation(course, chapter)
    except ValueError as exc:
        print(f"crmlearn present: {exc}", file=sys.stderr)
        return 1
    folder = copy.parent.parent
    cmd = lab_command(port=port, open_browser=open_browser, root=folder, notebook=f"notebooks/{copy.name}")
    if dry_run:
        print(subprocess.list2cmdline(cmd))
        return 0
    print(f"crmlearn present: presenting a copy of {copy.name} in {folder} "
          "(the course's notebook is not changed).", file=sys.stderr)
    proc = subprocess.Popen(cmd, cwd=folder)
    while True:
        try:
            return proc.wait()
        except KeyboardInterrupt:  # Jupyter handles Ctrl-C itself (it asks to confirm)
            continue
