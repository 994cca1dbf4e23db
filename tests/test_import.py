"""`import crmlearn` stays light: no heavy libraries at import time (its time: benchmarks/bench_import.py)."""
from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ["matplotlib", "scipy", "sklearn", "ipywidgets", "duckdb"]


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_import_does_not_load_heavy_libraries():
    out = _run("import sys, json, crmlearn; print(json.dumps([m for m in %r if m in sys.modules]))" % HEAVY)
    assert json.loads(out) == []


def test_subject_modules_load_on_first_use():
    out = _run("import sys, crmlearn; m = crmlearn.glossary; print('crmlearn.glossary' in sys.modules)")
    assert out.strip() == "True"



def test_every_name_in_all_resolves():
    out = _run("import crmlearn; print(all(getattr(crmlearn, n, None) is not None for n in crmlearn.__all__))")
    assert out.strip() == "True"
