"""Run the unit tests with the LOWEST versions pyproject.toml allows.

Reads the floors (``>=X``) of pandas, numpy, scipy, scikit-learn, matplotlib, pyarrow and duckdb from
pyproject.toml, creates ``.venv-min`` (once; again when the floors change), installs exactly those
versions plus the rest of the dependencies, and runs the unit tests and doctests there (not the
notebooks: their stored outputs belong to the current versions).

    python tools/test_min_versions.py            # or: make test-min
    python tools/test_min_versions.py -k grading # extra arguments go to pytest
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv-min"
PINNED = ("pandas", "numpy", "scipy", "scikit-learn", "matplotlib", "pyarrow", "duckdb")
# Tests that need the notebooks' tool chain (jupyter, nbconvert, a browser) or regenerate data
# whose bytes depend on the library versions: they run in the main environment only.
NOT_HERE = ("tests/test_lab.py", "tests/test_slides.py", "tests/test_notebook_structure.py",
            "tests/test_decks_browser.py", "tests/test_live_lab.py")  # the browser tests run in make test


def floors() -> dict[str, str]:
    """{'pandas': '2.1', ...}: the lower bound of each pinned dependency."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    out = {}
    for req in deps:
        m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*>=\s*([0-9][0-9.]*)", req)
        if m and m.group(1).lower() in PINNED:
            out[m.group(1).lower()] = m.group(2)
    missing = sorted(set(PINNED) - set(out))
    if missing:
        sys.exit(f"test_min_versions: pyproject.toml has no '>=' floor for {missing}")
    return out


def main(argv: list[str]) -> int:
    start = time.monotonic()
    pins = [f"{name}=={version}" for name, version in floors().items()]
    py = VENV / "bin" / "python"
    stamp = VENV / ".floors"
    if not py.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    if not stamp.exists() or stamp.read_text() != "\n".join(pins):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write("\n".join(pins) + "\n")
            constraints = f.name
        pip = [str(py), "-m", "pip", "install", "--quiet", "--only-binary=:all:", "-c", constraints]
        subprocess.run(pip + pins, check=True)
        meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
        rest = list(meta["dependencies"]) + list(meta["optional-dependencies"]["test"])
        subprocess.run(pip + rest, check=True)   # crmlearn itself runs from the work tree (PYTHONPATH)
        os.unlink(constraints)
        stamp.write_text("\n".join(pins))
    print("test-min:", " ".join(pins), flush=True)
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=str(ROOT))
    env.setdefault("CRMLEARN_HOME", tempfile.mkdtemp(prefix="crmlearn-min-"))
    ignore = [f"--ignore={p}" for p in NOT_HERE]
    rc = subprocess.run([str(py), "-m", "pytest", "-q", *ignore, *argv], cwd=ROOT, env=env).returncode
    print(f"test-min: {time.monotonic() - start:.0f} s, exit {rc}")
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
