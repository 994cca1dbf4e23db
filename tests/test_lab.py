"""``make lab`` for real: start JupyterLab with the command it runs and talk to the server.

Checks that the welcome notebook is served WITH the server's own token, refused WITHOUT it
(token protection is on), and that the server listens on 127.0.0.1 only. Jupyter's runtime,
config and settings folders are temporary, so the learner's own Jupyter set-up is neither
used nor touched.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from crmlearn.cli import WELCOME_NOTEBOOK, lab_command

ROOT = Path(__file__).resolve().parents[1]
TIME_LIMIT = 60.0


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, token: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"token {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def _listening_addresses(port: int) -> list[str]:
    """Local addresses in LISTEN state on ``port`` (Linux /proc/net), as hex 'ADDR' strings."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            local, state = fields[1], fields[3]
            addr, port_hex = local.rsplit(":", 1)
            if state == "0A" and int(port_hex, 16) == port:
                found.append(addr)
    return found


def _non_loopback_ip() -> str | None:
    """An address of this machine that is not loopback (no packet is sent)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))
            ip = s.getsockname()[0]
    except OSError:
        return None
    return None if ip.startswith("127.") else ip


def test_make_lab_serves_the_welcome_notebook_with_token_only(tmp_path):
    deadline = time.monotonic() + TIME_LIMIT
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER", "JPY_"))}
    for var in ("JUPYTER_RUNTIME_DIR", "JUPYTER_CONFIG_DIR", "JUPYTERLAB_SETTINGS_DIR",
                "JUPYTERLAB_WORKSPACES_DIR"):
        folder = tmp_path / var.lower()
        folder.mkdir()
        env[var] = str(folder)
    runtime = Path(env["JUPYTER_RUNTIME_DIR"])
    log_path = tmp_path / "lab.log"
    cmd = lab_command(port=port, open_browser=False)
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        # 1. the server writes its runtime file (port and token) once it is up
        info = None
        while info is None and time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited with {proc.returncode}:\n{log_path.read_text(errors='replace')}")
            for path in runtime.glob("jpserver-*.json"):
                try:
                    info = json.loads(path.read_text())
                except ValueError:
                    pass  # half written; read again
            time.sleep(0.3)
        assert info is not None, f"no server info after {TIME_LIMIT}s:\n{log_path.read_text(errors='replace')}"
        assert info["port"] == port
        assert info["hostname"] == "127.0.0.1"
        token = info["token"]
        assert len(token) >= 32, "the server must generate a real token"
        assert info["root_dir"] == str(ROOT)

        # 2. WITH the token: the welcome notebook comes back as a notebook with one H1 title
        url = f"http://127.0.0.1:{port}/api/contents/{WELCOME_NOTEBOOK}"
        status, body = 0, b""
        while time.monotonic() < deadline:
            try:
                status, body = _get(url, token)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                status = 0
            if status == 200:
                break
            time.sleep(0.3)
        assert status == 200, f"GET {url} with token gave {status}: {body[:300]!r}"
        model = json.loads(body)
        assert model["type"] == "notebook"
        cells = model["content"]["cells"]
        h1 = [c for c in cells if c["cell_type"] == "markdown"
              and any(line.startswith("# ") for line in "".join(c["source"]).splitlines())]
        assert len(h1) >= 1, "the welcome notebook has no H1 title"

        # 3. WITHOUT a token: refused
        status, _ = _get(url)
        assert status in (401, 403), f"the server answered {status} without a token: protection is off"
        status, _ = _get(url, token="not-the-token")
        assert status in (401, 403)

        # 4. it listens on 127.0.0.1 only
        listening = _listening_addresses(port)
        if listening:  # Linux: read the socket table
            assert listening == ["0100007F"], f"listening on {listening} (hex), expected only 127.0.0.1"
        other_ip = _non_loopback_ip()
        if other_ip:
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
                s.settimeout(2)
                assert s.connect_ex((other_ip, port)) != 0, f"the server answers on {other_ip}"
        assert time.monotonic() < deadline, f"took longer than {TIME_LIMIT}s"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
