"""Fixtures of the web tests: an in-process client, and a real ``detente serve`` process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed (pip install '.[web]')")

from fastapi.testclient import TestClient  # noqa: E402
from web_helpers import TOKEN, Server, start_server, stop_server  # noqa: E402

from detente.web import WebSettings, create_app  # noqa: E402


@pytest.fixture(scope="session")
def client() -> Iterator[TestClient]:
    """Read-only, on the shipped dataset (no database)."""
    with TestClient(create_app(WebSettings(db="shipped"))) as c:
        yield c


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[TestClient]:
    """Writes allowed with :data:`TOKEN`, on a fresh SQLite record (seeded with the shipped
    dataset)."""
    settings = WebSettings(db=f"sqlite:///{tmp_path / 'record.db'}", allow_writes=True,
                           token=TOKEN)
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A real uvicorn (``detente serve --allow-writes --token``) on a temporary SQLite record."""
    s = start_server(tmp_path_factory.mktemp("serve"), "--allow-writes", "--token", TOKEN)
    yield s
    stop_server(s)


