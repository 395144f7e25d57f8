"""Hostile requests against a real ``detente serve``: each answered 4xx within a second, while
other requests keep being served."""

from __future__ import annotations

import os
import socket
import threading
import time
from urllib.parse import urlsplit

import httpx
import pytest


def yaml_bomb() -> bytes:
    """351 bytes of nested aliases: nine levels of nine references, 9⁹ ≈ 387 million values
    once expanded."""
    names = "abcdefghi"
    lines = ["a: &a [x,x,x,x,x,x,x,x,x]"]
    for prev, name in zip(names, names[1:], strict=False):
        lines.append(f"{name}: &{name} [{','.join([f'*{prev}'] * 9)}]")
    text = "\n".join(lines) + "\n"
    pad = 351 - len(text.encode()) - 1
    assert pad >= 2
    return (text + "#" + "x" * (pad - 1) + "\n").encode()


def test_the_bomb_is_351_bytes():
    assert len(yaml_bomb()) == 351


def _post(url: str, **kw: object) -> tuple[int, float]:
    t = time.monotonic()
    r = httpx.post(url, timeout=30, **kw)  # type: ignore[arg-type]
    return r.status_code, time.monotonic() - t


def _raw_huge(url: str, declared: bool) -> tuple[int, float]:
    """Send up to 100 MB (declared in Content-Length, or chunked without it); the status and
    the seconds until the answer came."""
    u = urlsplit(url)
    s = socket.create_connection((u.hostname, u.port), timeout=10)
    head = (f"POST /api/scenarios HTTP/1.1\r\nHost: {u.netloc}\r\n"
            "Content-Type: application/json\r\n")
    head += (f"Content-Length: {100 * 1024 * 1024}\r\n" if declared
             else "Transfer-Encoding: chunked\r\n")
    t = time.monotonic()
    s.sendall((head + "\r\n").encode())
    chunk = b"[" * 65536
    sent = 0
    s.setblocking(False)
    answer = b""
    try:
        while sent < 100 * 1024 * 1024 and time.monotonic() - t < 20:
            try:
                answer += s.recv(4096)
                if answer:
                    break
            except BlockingIOError:
                pass
            try:
                if declared:
                    s.send(chunk)
                else:
                    s.send(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                sent += len(chunk)
            except BlockingIOError:
                time.sleep(0.001)
            except (BrokenPipeError, ConnectionResetError):
                break
        s.setblocking(True)
        s.settimeout(5)
        while b"\r\n" not in answer:
            more = s.recv(4096)
            if not more:
                break
            answer += more
    finally:
        s.close()
    elapsed = time.monotonic() - t
    status = int(answer.split(b" ", 2)[1]) if answer.startswith(b"HTTP/1.1") else 0
    return status, elapsed


HOSTILE = {
    "yaml bomb": lambda url: _post(f"{url}/api/scenarios/upload",
                                   files={"file": ("bomb.yaml", yaml_bomb())}),
    "yaml bomb (json)": lambda url: _post(f"{url}/api/scenarios",
                                          json={"yaml": yaml_bomb().decode()}),
    "10,000-deep yaml": lambda url: _post(
        f"{url}/api/scenarios/upload",
        files={"file": ("deep.yaml", b"[" * 10_000 + b"]" * 10_000)}),
    "10,000-deep json": lambda url: _post(
        f"{url}/api/forecast", content=b'{"document": ' + b"[" * 10_000 + b"]" * 10_000 + b"}",
        headers={"content-type": "application/json"}),
    "10,000-deep form": lambda url: _post(
        f"{url}/scenarios/edit", data={"base_json": "[" * 10_000 + "]" * 10_000,
                                       "action": "save"}),
    "binary garbage": lambda url: _post(f"{url}/api/scenarios/upload",
                                        files={"file": ("g.yaml", os.urandom(200_000))}),
    "binary garbage (csv)": lambda url: _post(f"{url}/api/scenarios/upload",
                                              files={"file": ("g.csv", os.urandom(200_000))}),
    "binary garbage (json)": lambda url: _post(
        f"{url}/api/forecast", content=os.urandom(200_000),
        headers={"content-type": "application/json"}),
    "100 MB declared": lambda url: _raw_huge(url, declared=True),
    "100 MB chunked": lambda url: _raw_huge(url, declared=False),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_request_is_refused_fast_while_others_are_served(server, name):
    served: list[tuple[int, float]] = []
    stop = threading.Event()

    def other_requests() -> None:
        with httpx.Client(base_url=server.url, timeout=30) as c:
            while not stop.is_set():
                t = time.monotonic()
                r = c.get("/api/scenarios/geneva-2022")
                served.append((r.status_code, time.monotonic() - t))

    worker = threading.Thread(target=other_requests)
    worker.start()
    try:
        time.sleep(0.1)
        status, seconds = HOSTILE[name](server.url)
        time.sleep(0.1)
    finally:
        stop.set()
        worker.join(30)
    assert 400 <= status < 500, (name, status)
    assert seconds < 1.0, (name, seconds)
    assert served and all(code == 200 for code, _ in served)
    assert max(t for _, t in served) < 2.0
    # the server is still up and answering
    assert httpx.get(f"{server.url}/api/scenarios", timeout=10).status_code == 200
