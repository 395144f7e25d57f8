"""Review 24: the operator's and analyst's leftovers of review 23 (a record export killed
between its two files, a PostgreSQL server that does not answer, huge inputs, option values of
the wrong kind, exact ties in a forecast)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.record import Record, load_shipped_record, write_record_dir
from detente.record import _csv as record_csv

runner = CliRunner()


@pytest.fixture(autouse=True)
def _private_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_DB", str(tmp_path / "default.sqlite"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


def _err(args: list[str]) -> tuple[int, str]:
    r = runner.invoke(app, args)
    return r.exit_code, r.stderr + r.stdout


# --- 1. record export: two files, one pair ---------------------------------------------------
def _two_records() -> tuple[Record, Record]:
    """The shipped record and the same with one agreement's and one event's note changed: both
    exported files differ, and the ids stay the same (a mixed pair would import silently)."""
    old = load_shipped_record()
    a0, e0 = old.agreements[0], old.events[0]
    new = Record(
        agreements=(a0.model_copy(update={"note": a0.note + " (revised)"}), *old.agreements[1:]),
        events=(e0.model_copy(update={"note": e0.note + " (revised)"}), *old.events[1:]),
    )
    return old, new


def _export_killed_at(monkeypatch: pytest.MonkeyPatch, folder: Path, new: Record,
                      rename_no: int) -> None:
    """Export ``new`` over ``folder`` with the ``rename_no``-th ``os.replace`` of the export
    failing as a kill there would stop it (nothing after it runs)."""
    calls = {"n": 0}
    real = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls["n"] += 1
        if calls["n"] == rename_no:
            raise KeyboardInterrupt("killed")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        write_record_dir(new, folder)
    monkeypatch.setattr(os, "replace", real)


def test_an_export_stopped_between_its_two_files_is_refused_by_import(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: a new agreements.csv beside an old events.csv was imported as if one record.
    The renames of one export: 1 the manifest (both pairs), 2 agreements.csv, 3 events.csv,
    4 the manifest (new pair). Stopped at 3: a mix, which every import now refuses."""
    old, new = _two_records()
    out = tmp_path / "backup"
    write_record_dir(old, out)
    old_events = (out / "events.csv").read_bytes()
    _export_killed_at(monkeypatch, out, new, rename_no=3)
    assert (out / "agreements.csv").read_text(encoding="utf-8").count("(revised)") == 1
    assert (out / "events.csv").read_bytes() == old_events  # the mix really is there
    assert not list(out.glob(".*.tmp"))  # the temporary files were removed
    db = tmp_path / "r.sqlite"
    code, err = _err(["record", "import", str(out), "--db", str(db)])
    assert code == 2, err
    assert "two different exports" in err and "record export" in err and str(out) in err
    code, err = _err(["record", "import", str(out / "agreements.csv"), str(out / "events.csv"),
                      "--db", str(db)])
    assert code == 2 and "two different exports" in err
    with pytest.raises(record_csv.RecordError, match="two different exports"):
        record_csv.read_record_dir(out)
    # the export run again repairs the folder
    write_record_dir(new, out)
    assert record_csv.read_record_dir(out).sorted() == new.sorted()
    code, err = _err(["record", "import", str(out), "--db", str(db)])
    assert code == 0, err


@pytest.mark.parametrize("rename_no", [1, 2, 4])
def test_an_export_stopped_elsewhere_leaves_a_whole_pair_that_imports(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rename_no: int) -> None:
    old, new = _two_records()
    out = tmp_path / "backup"
    write_record_dir(old, out)
    _export_killed_at(monkeypatch, out, new, rename_no)
    assert record_csv.read_record_dir(out).sorted() == (new if rename_no == 4 else old).sorted()
    assert not list(out.glob(".*.tmp"))
    code, err = _err(["record", "import", str(out), "--db", str(tmp_path / "r.sqlite")])
    assert code == 0, err


def test_an_exported_file_edited_by_hand_still_imports(tmp_path: Path) -> None:
    """The manifest only questions two files that are each from an export but of no pair
    together; a file edited after the export is the user's and imports as before."""
    old, _ = _two_records()
    out = tmp_path / "backup"
    write_record_dir(old, out)
    ev = out / "events.csv"
    ev.write_text(ev.read_text(encoding="utf-8").replace("\n", "\r\n"), encoding="utf-8")
    code, err = _err(["record", "import", str(out), "--db", str(tmp_path / "r.sqlite")])
    assert code == 0, err


def test_a_damaged_export_manifest_is_named(tmp_path: Path) -> None:
    old, _ = _two_records()
    out = tmp_path / "backup"
    write_record_dir(old, out)
    (out / record_csv.EXPORT_MANIFEST).write_text("{not json", encoding="utf-8")
    code, err = _err(["record", "import", str(out), "--db", str(tmp_path / "r.sqlite")])
    assert code == 2 and record_csv.EXPORT_MANIFEST in err and "delete it" in err


# --- 2. PostgreSQL by URL: a server that does not answer ------------------------------------
def test_a_postgres_server_that_does_not_answer_times_out_plainly(tmp_path: Path) -> None:
    """A port that accepts the connection and never answers (a hung server; a firewall that
    drops packets behaves the same for the client). Before: pg8000 waited without limit."""
    import socket
    import time

    pytest.importorskip("pg8000")
    with socket.socket() as hung:
        hung.bind(("127.0.0.1", 0))
        hung.listen(1)
        port = hung.getsockname()[1]
        started = time.monotonic()
        code, err = _err(["record", "agreements", "--db",
                          f"postgresql+pg8000://u:pw@127.0.0.1:{port}/x?connect_timeout=1"])
        took = time.monotonic() - started
    assert code == 2, err
    assert "did not answer within 1 s" in err and "connect_timeout" in err
    assert ":pw@" not in err and ":***@" in err
    assert "Traceback" not in err
    assert took < 20


def test_a_closed_postgres_port_and_a_bad_connect_timeout_are_plain(tmp_path: Path) -> None:
    import socket

    pytest.importorskip("pg8000")
    with socket.socket() as s:  # a port that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, err = _err(["record", "agreements", "--db", f"postgresql+pg8000://u@127.0.0.1:{port}/x"])
    assert code == 2 and "cannot reach the server" in err and "refused" in err.lower(), err
    assert "timeout is None" not in err  # pg8000's own wording, before
    code, err = _err(["record", "agreements", "--db",
                      f"postgresql+pg8000://u@127.0.0.1:{port}/x?connect_timeout=soon"])
    assert code == 2 and "connect_timeout='soon'" in err and "number of seconds" in err, err


def test_the_default_connect_timeout_is_stated_and_overridable() -> None:
    from detente.record._store import CONNECT_TIMEOUT_S, _pg_connect_timeout

    url, seconds = _pg_connect_timeout("postgresql+pg8000://u@h/db")
    assert seconds == CONNECT_TIMEOUT_S == 10.0
    url, seconds = _pg_connect_timeout("postgresql+pg8000://u@h/db?connect_timeout=3&x=1")
    assert seconds == 3.0 and "connect_timeout" not in str(url) and "x=1" in str(url)
    assert _pg_connect_timeout("postgresql+pg8000://u@h/db?connect_timeout=0")[1] is None
