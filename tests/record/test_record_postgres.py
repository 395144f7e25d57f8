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


_OPEN = ("import sys\nfrom detente.record import open_store\n"
         "with open_store(sys.argv[1]) as s: print(len(s.record().agreements))")


def test_processes_opening_a_new_postgres_store_at_once_all_succeed(clean: str) -> None:
    """review23: of 6 processes opening a brand-new PostgreSQL store together, all but one
    failed (a unique constraint on the seeded rows or on CREATE TABLE) before the write lock."""
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    procs = [subprocess.Popen([sys.executable, "-c", _OPEN, clean], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env) for _ in range(6)]
    results = [(p.wait(timeout=300), p.stdout.read() if p.stdout else "",
                p.stderr.read() if p.stderr else "") for p in procs]
    shipped = len(load_shipped_record().agreements)
    for code, out, err in results:
        assert code == 0, err[-500:]
        assert out.strip() == str(shipped)
    with open_store(clean) as s:
        assert s.record() == load_shipped_record().sorted()


def test_concurrent_postgres_imports_of_the_same_rows_queue(clean: str, tmp_path: Path) -> None:
    """Two threads importing the same new ids: both succeed one after the other (before the
    write lock the second could fail with a duplicate key)."""
    import threading

    ag = tmp_path / "agreements.csv"
    ag.write_text(
        "id,name,kind,parties,domain,signed,in_force,source,note\n"
        + "".join(f"t{i},T{i},treaty,USA;RUS,arms_control,2000-01-01,,{SRC},\n"
                  for i in range(300)),
        encoding="utf-8",
    )
    open_store(clean).close()
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def work() -> None:
        try:
            with open_store(clean) as s:
                start.wait()
                s.import_csv(ag)
        except BaseException as e:  # noqa: BLE001 - collected and asserted on
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    with open_store(clean) as s:
        rec = s.record()
    assert len(rec.agreements) == len(load_shipped_record().agreements) + 300


def test_a_postgres_write_lock_held_too_long_is_a_busy_error(
        clean: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another session holding the write lock: the import waits the busy timeout, then says
    the database is busy and that nothing was written (not a driver traceback)."""
    from sqlalchemy import create_engine, text

    from detente.record import _store
    from detente.record._store import StoreBusyError

    open_store(clean).close()
    monkeypatch.setattr(_store, "BUSY_TIMEOUT_S", 0.5)
    ag = tmp_path / "agreements.csv"
    ag.write_text("id,name,kind,parties,domain,signed,in_force,source,note\n"
                  f"t,T,treaty,USA;RUS,arms_control,2000-01-01,,{SRC},\n", encoding="utf-8")
    holder = create_engine(clean)
    with open_store(clean) as s:
        with holder.begin() as c:
            c.execute(text(f"SELECT pg_advisory_xact_lock({_store._PG_WRITE_LOCK})"))
            with pytest.raises(StoreBusyError, match="nothing was written"):
                s.import_csv(ag)
    holder.dispose()
    with open_store(clean) as s:
        assert not s.record().has("t")


def test_the_connect_timeout_does_not_cut_off_a_long_query(clean: str) -> None:
    """The connect timeout (pg8000's socket timeout) is lifted once connected: a statement
    longer than it (an import into a busy server) is not cut off as a "network error"."""
    from sqlalchemy import text

    with open_store(clean + "&connect_timeout=1") as store:
        with store.engine.connect() as c:
            assert c.execute(text("SELECT pg_sleep(1.5), 7")).one()[1] == 7
