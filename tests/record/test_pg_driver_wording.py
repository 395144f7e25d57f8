"""A PostgreSQL URL whose driver is not installed: one plain line naming what to install (or
write), exit 2; the drivers are hidden from the import system so the test holds wherever they
are installed."""

from __future__ import annotations

import re
import sys

import pytest
from typer.testing import CliRunner

from detente.cli import app


def _run(url: str, monkeypatch: pytest.MonkeyPatch, *hidden: str) -> str:
    for name in hidden:
        monkeypatch.setitem(sys.modules, name, None)  # `import name` raises ImportError
    r = CliRunner().invoke(app, ["record", "agreements", "--db", url])
    out = re.sub(r"\s+", " ", r.stderr + r.stdout)
    assert r.exit_code == 2, out
    assert "Traceback" not in out and "cannot open the record store" in out
    return out


def test_pg8000_missing_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run("postgresql+pg8000://team:s3cret@127.0.0.1:1/rec", monkeypatch, "pg8000")
    assert "the PostgreSQL driver pg8000 is not installed" in out
    assert "pip install 'detente[postgres]'" in out
    assert "write postgresql+pg8000" not in out  # not "write what you wrote"
    assert "s3cret" not in out


def test_a_package_pg8000_needs_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pg8000")
    monkeypatch.delitem(sys.modules, "pg8000", raising=False)
    for name in [m for m in sys.modules if m.startswith("pg8000.")]:
        monkeypatch.delitem(sys.modules, name)
    out = _run("postgresql+pg8000://team@127.0.0.1:1/rec", monkeypatch, "scramp")
    assert "pg8000 cannot load: the package 'scramp' it needs is not installed" in out


def test_plain_postgresql_says_which_driver_it_means(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run("postgresql://team:s3cret@127.0.0.1:1/rec?connect_timeout=3", monkeypatch,
               "psycopg", "psycopg2")
    assert "postgresql:// without a driver means 'psycopg', SQLAlchemy's default" in out
    # the same URL with pg8000, ready to paste (the password kept hidden)
    assert "write postgresql+pg8000://team:***@127.0.0.1:1/rec?connect_timeout=3" in out
    assert "pip install 'detente[postgres]'" in out and "s3cret" not in out


def test_another_named_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run("postgresql+psycopg2://team@127.0.0.1:1/rec", monkeypatch, "psycopg2")
    assert "its driver 'psycopg2' is not installed;" in out
    assert "write postgresql+pg8000://team@127.0.0.1:1/rec" in out


def test_postgres_scheme_gets_the_url_to_write(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run("postgres://team@db.example/rec", monkeypatch)
    assert "write postgresql+pg8000://team@db.example/rec" in out


def test_another_database_is_not_supported(monkeypatch: pytest.MonkeyPatch) -> None:
    out = _run("mysql://team@db.example/rec", monkeypatch, "MySQLdb")
    assert "mysql databases are not supported" in out and "pg8000" in out
