"""``detente serve``: the command's own checks (the server itself runs in the browser and
hostile-request tests)."""

from __future__ import annotations

import importlib.util

from typer.testing import CliRunner

from detente.cli import app


def test_serve_without_the_web_extra_says_how_to_install(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name in ("fastapi", "uvicorn") else
                        real(name, *a))
    r = CliRunner().invoke(app, ["serve"])
    assert r.exit_code == 2
    assert "pip install 'detente[web]'" in r.output and "fastapi, uvicorn" in r.output


def test_serve_option_mistakes_exit_2():
    r = CliRunner().invoke(app, ["serve", "--token", "x"])
    assert r.exit_code == 2 and "--allow-writes" in r.output
    r = CliRunner().invoke(app, ["serve", "--db", "shipped", "--allow-writes"])
    assert r.exit_code == 2 and "not 'shipped'" in r.output


def test_writes_need_a_token_in_the_settings():
    import pytest

    from detente.web import WebSettings

    with pytest.raises(ValueError, match="token"):
        WebSettings(allow_writes=True)


def test_a_port_in_use_is_a_usage_error_before_serving():
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        r = CliRunner().invoke(app, ["serve", "--host", "127.0.0.1", "--port", str(port)])
    assert r.exit_code == 2, r.output
    assert f"cannot listen on 127.0.0.1:{port}" in r.output
    assert "serving" not in r.output


def test_a_host_that_does_not_resolve_is_a_usage_error(monkeypatch):
    import socket

    def no(*_a, **_k):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no)
    r = CliRunner().invoke(app, ["serve", "--host", "no-such-host.invalid"])
    assert r.exit_code == 2, r.output
    assert "--host no-such-host.invalid" in r.output and "serving" not in r.output
