"""The project's setup files agree with each other: environment.yml against pyproject.toml, Makefile, CI."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")


def _split(req: str) -> tuple[str, str]:
    """'pandas>=2.1' -> ('pandas', '>=2.1'); names normalised as pip does."""
    m = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", req)
    name = re.sub(r"[-_.]+", "-", m.group(1)).lower()
    return name, m.group(2).replace(" ", "")


def pyproject_requirements() -> dict[str, str]:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(meta["dependencies"]) + list(meta["optional-dependencies"]["test"])
    return dict(_split(r) for r in reqs)


def environment_requirements() -> tuple[str, dict[str, str]]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    deps = {}
    for item in env["dependencies"]:
        if isinstance(item, str):
            name, spec = _split(item)
            if name not in ("python", "pip"):
                deps[name] = spec
    return env["name"], deps


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    name, env_deps = environment_requirements()
    assert name == "crmlearn"
    py_deps = pyproject_requirements()
    missing = sorted(set(py_deps) - set(env_deps))
    extra = sorted(set(env_deps) - set(py_deps))
    assert not missing, f"in pyproject.toml but not in environment.yml: {missing}"
    assert not extra, f"in environment.yml but not in pyproject.toml: {extra}"
    differ = {k: (py_deps[k], env_deps[k]) for k in py_deps if py_deps[k] != env_deps[k]}
    assert not differ, f"version ranges differ (pyproject, environment.yml): {differ}"


def test_dependencies_are_ranges_not_pins():
    for name, spec in pyproject_requirements().items():
        assert spec and "==" not in spec, f"{name} should have a version range, got {spec!r}"


def test_required_dependencies_present():
    deps = pyproject_requirements()
    for name in ["jupyterlab", "pandas", "numpy", "matplotlib", "ipywidgets", "scipy", "scikit-learn",
                 "pytest", "nbval", "hypothesis"]:
        assert name in deps


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make lab" in readme and "make test" in readme
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_makefile_sets_up_the_venv_for_both_commands():
    text = (ROOT / "Makefile").read_text()
    assert re.search(r"^lab: \$\(STAMP\)", text, re.M)
    assert re.search(r"^test: \$\(STAMP\)", text, re.M)
    assert "-m venv" in text


def test_no_lock_file_with_download_addresses():
    for lock in ["uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock"]:
        assert not (ROOT / lock).exists(), f"{lock} records download addresses; do not commit it"
