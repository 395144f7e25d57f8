"""The record store on PostgreSQL, by URL: a throw-away server started for these tests.

Set ``DETENTE_TEST_PG_URL`` to run them against a server of your own instead. Without one and
without PostgreSQL's server programs (``initdb``, ``pg_ctl``) on the machine, they are skipped
with the reason. The driver is pg8000 (pure Python, BSD), a test extra.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from record_helpers import SRC

from detente.record import RecordError, load_shipped_record, open_store

pytest.importorskip("pg8000")


def _program(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    given = os.environ.get("DETENTE_TEST_PG_URL")
    if given:
        yield given
        return
    initdb, pg_ctl = _program("initdb"), _program("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("no PostgreSQL server programs (initdb, pg_ctl); set DETENTE_TEST_PG_URL")
    as_user: list[str] = []
    owner = None
    if os.geteuid() == 0:  # the server refuses to run as root
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server")
        as_user = ["runuser", "-u", "postgres", "--"]
    folder = Path(tempfile.mkdtemp(prefix="detente-pg-"))
    if owner is not None:
        os.chown(folder, owner.pw_uid, owner.pw_gid)
    data, log = folder / "data", folder / "server.log"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*as_user, *args], capture_output=True, text=True, check=False,
                              timeout=120)

    init = run(initdb, "-D", str(data), "-A", "trust", "-U", "detente", "-E", "UTF8",
               "--no-sync")
    if init.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"initdb failed: {init.stderr.strip()[-300:]}")
    start = run(pg_ctl, "-D", str(data), "-l", str(log), "-w", "-o",
                f"-k {folder} -c listen_addresses='' -p 5432 -c fsync=off", "start")
    if start.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"the PostgreSQL server did not start: {start.stderr.strip()[-300:]}")
    try:
        yield f"postgresql+pg8000://detente@/postgres?unix_sock={folder}/.s.PGSQL.5432"
    finally:
        run(pg_ctl, "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture()
def clean(pg_url: str) -> Iterator[str]:
    """The server's database with detente's tables dropped before and after each test."""
    from sqlalchemy import create_engine, text

    def drop() -> None:
        engine = create_engine(pg_url)
        with engine.begin() as c:
            for table in ("events", "agreements", "meta"):
                c.execute(text(f"DROP TABLE IF EXISTS {table} CASCADE"))
        engine.dispose()

    drop()
    yield pg_url
    drop()


def test_fresh_postgres_store_holds_the_shipped_record(clean: str) -> None:
    with open_store(clean) as s:
        assert s.record() == load_shipped_record().sorted()
    with open_store(clean) as s:  # seeded once, read back by a new connection
        assert len(s.record().events) == len(load_shipped_record().events)


def test_sqlite_export_imports_into_postgres_unchanged(clean: str, tmp_path: Path) -> None:
    with open_store(str(tmp_path / "a.sqlite")) as a:
        a.export_csv(tmp_path / "out")
        original = a.record()
    with open_store(clean, seed=False) as pg:
        assert pg.is_empty()
        pg.import_csv(tmp_path / "out")
        assert pg.record() == original


def test_postgres_import_is_all_or_nothing(clean: str, tmp_path: Path) -> None:
    ag = tmp_path / "agreements.csv"
    ag.write_text(
        "id,name,kind,parties,domain,signed,in_force,source,note\n"
        f"t,T,treaty,USA;RUS,arms_control,2000-01-01,,{SRC},\n",
        encoding="utf-8",
    )
    ev = tmp_path / "events.csv"
    ev.write_text(
        "id,agreement,date,actors,type,alleged_by,established_by,evidence,lawful,disputed,"
        "conduct,source,note\n"
        f"e1,t,2001-01-01,USA,kept,,,,,false,,{SRC},fine\n"
        f"e2,t,2001-13-01,USA,kept,,,,,false,,{SRC},bad month\n",
        encoding="utf-8",
    )
    with open_store(clean, seed=False) as pg:
        with pytest.raises(RecordError) as err:
            pg.import_csv(ag, ev)
        assert pg.is_empty()  # the good agreement and event were not written either
    assert any(p.row == 3 and p.field == "date" for p in err.value.problems)
