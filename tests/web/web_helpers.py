"""Helpers of the web tests (constants, a real ``detente serve`` process)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "build" / "test-artifacts" / "web"
TOKEN = "test-token-4f9a"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    def __init__(self, url: str, proc: subprocess.Popen[bytes], db: Path) -> None:
        self.url = url
        self.proc = proc
        self.db = db


def start_server(tmp: Path, *args: str) -> Server:
    """``detente serve`` on 127.0.0.1 and a free port, as a user would start it."""
    port = free_port()
    db = tmp / "record.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("DETENTE_TOKEN", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "detente", "serve", "--port", str(port), "--db", str(db), *args],
        stdout=subprocess.DEVNULL, stderr=open(tmp / "server.log", "wb"), env=env)  # noqa: SIM115
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError((tmp / "server.log").read_text())
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return Server(url, proc, db)
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("detente serve did not start within 60 s")


def stop_server(s: Server) -> None:
    s.proc.terminate()
    try:
        s.proc.wait(10)
    except subprocess.TimeoutExpired:
        s.proc.kill()
        s.proc.wait(10)


def detail(resp: Any) -> list[dict[str, Any]]:
    body = resp.json()
    assert isinstance(body["detail"], list), body
    return body["detail"]  # type: ignore[no-any-return]
