"""The ``crmlearn`` command, run as a learner runs it: ``python -m crmlearn ...`` in a subprocess."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crmlearn.cli import course_root, lab_command, main

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "crmlearn", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, cwd=cwd, timeout=120)


def test_datasets_lists_every_dataset_with_rows_and_description():
    import crmlearn.datasets as ds

    if not hasattr(ds, "dataset_overview"):
        pytest.fail("crmlearn.datasets.dataset_overview() is missing")
    overview = ds.dataset_overview()
    res = run("datasets")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0].split()[:3] == ["name", "rows", "columns"]
    names = list(overview["name"] if "name" in overview.columns else overview.index)
    assert {"customers", "transactions"} <= set(names)
    for name in names:
        assert any(line.split()[0] == name for line in lines[1:]), f"{name} not listed"
    n_tx = len(__import__("crmlearn").load_dataset("transactions"))
    tx_line = next(line for line in lines if line.split()[0] == "transactions")
    assert str(n_tx) in tx_line.replace(",", "")


def test_glossary_english_term():
    res = run("glossary", "RFM")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("RFM analysis · RFM分析")
    assert "Recency" in res.stdout and "Chapter: 4" in res.stdout


def test_glossary_chinese_term():
    res = run("glossary", "客户分级")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("Customer grading · 客户分级")


def test_glossary_several_words():
    res = run("glossary", "churn", "rate")
    assert res.returncode == 0 and res.stdout.startswith("Churn rate · 客户流失率")


def test_glossary_unknown_term_fails_with_suggestions():
    res = run("glossary", "sillhouete")
    assert res.returncode == 1
    assert res.stdout == ""
    assert "No glossary entry for 'sillhouete'" in res.stderr and "Did you mean: Silhouette coefficient" in res.stderr
    res = run("glossary", "qqqqqq")
    assert res.returncode == 1 and "No glossary entry" in res.stderr and "Traceback" not in res.stderr


def test_glossary_chapter_list():
    res = run("glossary", "--chapter", "7")
    assert res.returncode == 0
    assert "SERVQUAL" in res.stdout and "Kano model · 卡诺模型" in res.stdout


def test_no_command_prints_help(capsys):
    assert main([]) == 0
    out = capsys.readouterr().out
    for command in ("datasets", "glossary", "progress", "lab"):
        assert command in out


def test_progress_command_reads_crmlearn_home(tmp_path, monkeypatch):
    monkeypatch.setenv("CRMLEARN_HOME", str(tmp_path))
    res = run("progress", "--chapter", "0")
    assert res.returncode == 0, res.stderr
    assert "ch00: 0 of" in res.stdout and str(tmp_path) in res.stdout


def test_lab_command_is_what_make_lab_runs():
    cmd = lab_command(root=ROOT)
    assert cmd[:5] == [sys.executable, "-m", "jupyterlab", "--ServerApp.ip=127.0.0.1",
                       f"--ServerApp.root_dir={ROOT}"]
    assert cmd[-1] == "notebooks/00_welcome.ipynb"
    assert ("--allow-root" in cmd) == (os.geteuid() == 0)
    # the token stays on: nothing that disables it
    joined = " ".join(cmd).lower()
    assert "token=" not in joined and "password" not in joined and "disable_check_xsrf" not in joined
    assert "--no-browser" not in cmd and not any(c.startswith("--port") for c in cmd)
    cmd = lab_command(port=8899, open_browser=False, root=ROOT)
    assert "--port=8899" in cmd and "--no-browser" in cmd
    assert course_root() == ROOT
    with pytest.raises(ValueError, match="port"):
        lab_command(port=70000)


def test_lab_dry_run_passes_options_through(tmp_path):
    res = run("lab", "--dry-run", "--port", "8891", "--no-browser")
    assert res.returncode == 0, res.stderr
    assert "-m jupyterlab --ServerApp.ip=127.0.0.1" in res.stdout
    assert "--port=8891" in res.stdout and "--no-browser" in res.stdout
    res = run("lab", "--dry-run", "--root", str(tmp_path))
    assert res.returncode == 1 and "does not look like the course folder" in res.stderr
    (tmp_path / "notebooks").mkdir()
    res = run("lab", "--dry-run", "--root", str(tmp_path))
    assert res.returncode == 0 and f"--ServerApp.root_dir={tmp_path}" in res.stdout
    assert "00_welcome" not in res.stdout and "not found" in res.stderr


@pytest.mark.parametrize("port", ["abc", "-1", "0", "70000", "80.5", ""])
def test_bad_port_is_a_usage_error_not_a_traceback(port):
    res = run("lab", "--dry-run", "--port", port)
    assert res.returncode == 2, (res.stdout, res.stderr)
    assert "Traceback" not in res.stderr
    assert "--port" in res.stderr and "1 to 65535" in res.stderr and "usage:" in res.stderr


@pytest.mark.parametrize("chapter", ["abc", "12", "-3", "ch4x"])
def test_bad_chapter_is_a_usage_error(chapter):
    for command in (["progress", "--chapter", chapter], ["glossary", "--chapter", chapter]):
        res = run(*command)
        assert res.returncode == 2 and "Traceback" not in res.stderr, (command, res.stderr)
        assert "chapter from 0 to 9" in res.stderr


@pytest.mark.parametrize("content", ['{"questions": {"ch00/q1": {"attempts": "many"}}}',
                                     '{"version": 1, "questions": {"ch00/q1": {"solved": "yes", "attempts": 2}}}',
                                     '{"version": 1, "questions": {"ch00/q1": {"chapter": "ch00", "attem',
                                     '[1, 2, 3]', '\x00\xff garbage'])
def test_progress_command_on_a_damaged_file_prints_a_notice_and_works(tmp_path, monkeypatch, content):
    monkeypatch.setenv("CRMLEARN_HOME", str(tmp_path))
    (tmp_path / "progress.json").write_text(content, encoding="utf-8", errors="surrogateescape")
    res = run("progress", "--chapter", "ch00")
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr
    notice = [line for line in res.stderr.splitlines() if "damaged" in line]
    assert len(notice) == 1 and "fresh record" in notice[0], res.stderr
    assert "ch00: 0 of" in res.stdout
    assert len(list(tmp_path.glob("progress.json.corrupt-*"))) == 1
    res = run("progress")   # the fresh record reads cleanly: no second notice
    assert res.returncode == 0 and "damaged" not in res.stderr
