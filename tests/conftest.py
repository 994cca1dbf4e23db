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


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium for the browser tests: skipped without it, a failure when CI requires it.

    ``.ci/run`` installs chromium and sets CRMLEARN_REQUIRE_BROWSER=1, so a missing browser
    there fails the run instead of skipping the deck checks.
    """
    import shutil

    path = shutil.which("chromium")
    missing = None
    if path is None:
        missing = "Debian's chromium is not installed (apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "the playwright Python package is not installed (pip install playwright; no browser download)"
    if missing:
        if os.environ.get("CRMLEARN_REQUIRE_BROWSER") == "1":
            pytest.fail(f"CRMLEARN_REQUIRE_BROWSER=1 but {missing}")
        pytest.skip(f"{missing}: the browser checks of the slide decks are skipped")
    return path
