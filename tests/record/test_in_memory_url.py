"""An in-memory SQLite database as the record store: refused everywhere with one plain message.

Before: ``--db sqlite://`` (or ``sqlite:///:memory:``) ran, seeded a database that ended with
the command (an import "succeeded" and was gone), the store's second thread saw no tables (an
OperationalError, as the web server's thread pool would), and ``--db :memory:`` created a file
named ``:memory:`` in the working folder.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente._dburl import in_memory_sqlite
from detente.cli import app
from detente.errors import InputError
from detente.record import open_store

MEMORY = ["sqlite://", "sqlite:///:memory:", ":memory:", "sqlite+pysqlite://",
          "sqlite:///file:rec?mode=memory&uri=true", "sqlite:///file::memory:?cache=shared"]
FILES = ["sqlite:///record.sqlite", "record.sqlite", "sqlite:////tmp/x/memory.sqlite",
         "postgresql+pg8000://u@h/db", "shipped", "sqlite:///file:rec?mode=ro&uri=true"]


@pytest.mark.parametrize("url", MEMORY)
def test_in_memory_urls_are_told(url: str) -> None:
    assert in_memory_sqlite(url)


@pytest.mark.parametrize("url", FILES)
def test_file_urls_are_not(url: str) -> None:
    assert not in_memory_sqlite(url)


@pytest.mark.parametrize("url", MEMORY)
def test_the_cli_refuses_an_in_memory_record(url: str, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ev.csv").write_text("id,name,kind,parties,domain,signed,in_force,source\n"
                                     "x_1,X,treaty,USA;RUS,arms,2000,,https://example.org\n")
    for args in (["record", "agreements"], ["record", "import", "ev.csv"]):
        r = CliRunner().invoke(app, [*args, "--db", url])
        out = r.stderr + r.stdout
        assert r.exit_code == 2, out
        assert "in-memory SQLite" in re.sub(r"[\s│]+", " ", out), out
        assert "Traceback" not in out
    assert not list(tmp_path.glob("*memory*"))  # no file named after it


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///:memory:", ":memory:"])
def test_open_store_and_the_environment_refuse_it(url: str, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match="in-memory SQLite database is not a record store"):
        open_store(url)
    monkeypatch.setenv("DETENTE_DB", url)
    with pytest.raises(InputError, match=r"\$DETENTE_DB"):
        open_store()
    r = CliRunner().invoke(app, ["record", "agreements"])
    assert r.exit_code == 2 and "in-memory" in r.stderr + r.stdout
    assert not list(tmp_path.glob("*memory*"))  # no file named after it


def test_the_web_server_refuses_it(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from detente.web import WebSettings, create_app

    with pytest.raises(ValueError, match="in-memory SQLite"):
        WebSettings(db="sqlite://")
    r = CliRunner().invoke(app, ["serve", "--db", "sqlite://", "--port", "0"])
    assert r.exit_code == 2 and "in-memory" in r.stderr + r.stdout
    monkeypatch.setenv("DETENTE_DB", "sqlite:///:memory:")
    r = CliRunner().invoke(app, ["serve", "--port", "0"])
    assert r.exit_code == 2 and "$DETENTE_DB" in r.stderr + r.stdout
    # a server built by hand on that environment: a 503 naming it (the server's database, not
    # the request, is at fault), never a 500
    with TestClient(create_app(WebSettings()), raise_server_exceptions=False) as client:
        res = client.get("/api/record/agreements")
    assert res.status_code == 503, res.text
    assert "in-memory SQLite" in res.text
