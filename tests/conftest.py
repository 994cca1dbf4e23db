"""Shared pytest set-up: headless matplotlib, a private progress folder, the reference data."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(autouse=True)
def _private_progress(tmp_path, monkeypatch):
    """Exercise progress goes to a temporary folder, never to the learner's home."""
    monkeypatch.setenv("CRMLEARN_HOME", str(tmp_path / "crmlearn-home"))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import sys

    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


@pytest.fixture
def shared_data() -> Path:
    """The real reference data in ../shared/data; the test skips when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"reference data not found at {SHARED_DATA} (../shared/data is absent in this checkout)")
    return SHARED_DATA
