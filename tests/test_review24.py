"""Review 24: the operator's and analyst's leftovers of review 23 (a record export killed
between its two files, a PostgreSQL server that does not answer, huge inputs, option values of
the wrong kind, exact ties in a forecast)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
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


# --- 3. huge inputs ---------------------------------------------------------------------------
def _events_csv(path: Path, n: int, start: int = 0, note: str = "") -> Path:
    head = ("id,agreement,date,actors,type,alleged_by,established_by,evidence,lawful,disputed,"
            "conduct,source,note\n")
    path.write_text(head + "".join(
        f"T{i:06d},abm_1972,1990-01-{1 + i % 28:02d},USA;RUS,violation_alleged,USA,,"
        f"corroborated,,false,,https://example.org/{i},row {i}{note}\n"
        for i in range(start, start + n)), encoding="utf-8")
    return path


def test_an_import_is_written_in_batches_in_one_transaction(tmp_path: Path) -> None:
    """Before: two statements per row (a lookup and a merge), some 450 rows/s; now a few
    statements per 500 rows. The counts of added and replaced rows, and the rows, as before."""
    from sqlalchemy import event

    from detente.record import open_store

    statements: list[str] = []
    with open_store(str(tmp_path / "r.sqlite")) as store:
        before = len(store.record().events)

        @event.listens_for(store.engine, "before_cursor_execute")
        def _count(conn: object, cur: object, sql: str, *_: object) -> None:
            statements.append(sql)

        report = store.import_csv(_events_csv(tmp_path / "a.csv", 1200))
        assert report.added["events"] == 1200 and report.replaced["events"] == 0
        assert len(statements) < 30, len(statements)
        # 600 stored rows given again with a new note, and 600 new ones
        report = store.import_csv(_events_csv(tmp_path / "b.csv", 1200, start=600,
                                              note=" (again)"))
        assert (report.added["events"], report.replaced["events"]) == (600, 600)
        events = {e.id: e for e in store.record().events}
    assert len(events) == before + 1800
    assert events["T000599"].note == "row 599" and events["T000600"].note == "row 600 (again)"
    assert events["T001799"].note == "row 1799 (again)"


def test_an_id_given_twice_in_one_import_counts_as_replaced_and_the_last_wins(
        tmp_path: Path) -> None:
    from detente.record import open_store

    with open_store(str(tmp_path / "r.sqlite")) as store:
        report = store.import_csv(_events_csv(tmp_path / "a.csv", 3),
                                  _events_csv(tmp_path / "b.csv", 3, note=" (second)"))
        assert (report.added["events"], report.replaced["events"]) == (3, 3)
        assert {e.id: e.note for e in store.record().events}["T000002"] == "row 2 (second)"


def test_a_failing_batch_leaves_the_record_as_it_was(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """All or nothing kept: a failure in the third batch of inserts rolls back the first two."""
    from sqlalchemy.orm import Session

    from detente.record import open_store

    with open_store(str(tmp_path / "r.sqlite")) as store:
        before = store.record()
        real, calls = Session.execute, {"n": 0}

        def execute(self: Session, stmt: object, params: object = None, *a: object,
                    **k: object) -> object:
            if isinstance(params, list):
                calls["n"] += 1
                if calls["n"] == 3:
                    raise OSError("disk full")
            return real(self, stmt, params, *a, **k)  # type: ignore[arg-type]

        monkeypatch.setattr(Session, "execute", execute)
        with pytest.raises(OSError):
            store.import_csv(_events_csv(tmp_path / "a.csv", 1400))
        monkeypatch.setattr(Session, "execute", real)
        assert calls["n"] == 3
        assert store.record() == before


def test_a_scenario_over_the_scenario_cap_is_refused_at_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: a 50 MB YAML scenario (under the 64 MiB file cap) was parsed for minutes. Now
    anything over 4 MiB (DETENTE_MAX_SCENARIO_BYTES) is refused before parsing."""
    import time

    from detente._limits import MAX_SCENARIO_BYTES

    assert MAX_SCENARIO_BYTES == 4 * 1024 * 1024
    geneva = Path(__file__).resolve().parents[1] / "src/detente/examples/data/geneva-2022.yaml"
    text = geneva.read_text(encoding="utf-8")
    big = tmp_path / "big.yaml"
    pad = "# padding\n" * ((MAX_SCENARIO_BYTES - len(text.encode())) // 10 + 10)
    big.write_text(text + pad, encoding="utf-8")
    assert MAX_SCENARIO_BYTES < big.stat().st_size < 2 * MAX_SCENARIO_BYTES
    for args in (["show", str(big)], ["forecast", str(big)], ["bargain", str(big)]):
        started = time.monotonic()
        code, err = _err(args)
        assert code == 2, (args, err)
        assert f"larger than the limit of {MAX_SCENARIO_BYTES:,} bytes" in err, err
        assert "DETENTE_MAX_SCENARIO_BYTES" in err and str(big) in err
        assert time.monotonic() - started < 5
    big_csv = tmp_path / "big.csv"
    big_csv.write_text("actor,issue,position\n" + "A,x,1\n" * 800_000, encoding="utf-8")
    code, err = _err(["show", str(big_csv)])
    assert code == 2 and "DETENTE_MAX_SCENARIO_BYTES" in err, err
    # the variable raises the cap (read when the file is read): the padded file is accepted
    monkeypatch.setenv("DETENTE_MAX_SCENARIO_BYTES", str(8 * 1024 * 1024))
    code, err = _err(["show", str(big)])
    assert code == 0, err


# --- 4. option values of the wrong kind or absurd size ----------------------------------------
@pytest.mark.parametrize(("args", "expected"), [
    # before: "must be a whole number, got 1000000000.0" (it is one; the exponent was refused)
    (["-m", "eum", "-o", "rounds=1e9"], "work 1000000000 rounds × 14² actors × 6 issues"),
    (["-m", "eum", "-o", "rounds=abc"], "option 'rounds' must be a whole number (default 10)"),
    (["-m", "eum", "-o", "q=inf"], "option 'q' must be a finite number (default 1), got inf"),
    (["-m", "exchange", "-o", "salience_weight=nan"],
     "option 'salience_weight' must be a finite number (default 0.4)"),
    # before: these two ran (tolerance=inf: no stopping rule; contest_exponent=nan: NaN odds)
    (["-m", "eum", "-o", "tolerance=inf"], "option 'tolerance' must be a finite number"),
    (["-m", "crisis", "-o", "contest_exponent=nan"],
     "option 'contest_exponent' must be a finite number"),
    # before: "internal error: out of memory" (exit 70) after minutes
    (["-m", "crisis", "-o", "draws=99999999999"],
     "99,999,999,999 draws, beyond the bound of 5e+04"),
    (["-m", "crisis", "-o", "draws=1e9"], "1,000,000,000 draws, beyond the bound"),
])
def test_an_option_value_of_the_wrong_kind_or_size_is_one_plain_line(
        args: list[str], expected: str) -> None:
    code, err = _err(["forecast", "geneva-2022", *args])
    assert code == 2, err
    assert expected in err, err
    assert "internal error" not in err and "Traceback" not in err


def test_a_whole_number_in_exponent_form_is_read_as_one() -> None:
    from detente.cli._forecast import _coerce

    assert _coerce("1e3") == 1000 and isinstance(_coerce("1e3"), int)
    assert _coerce("1e-3") == 0.001 and _coerce("2.5") == 2.5 and _coerce("5.0") == 5.0
    code, err = _err(["forecast", "geneva-2022", "-m", "eum", "-o", "rounds=2e1", "--format",
                      "json"])
    assert code == 0, err


def test_an_ultimatum_spread_wider_than_the_utility_scale_is_refused() -> None:
    """Before: `--spread 5` (a 0–100 issue scale's number) ran on the 0–1 utility scale with
    no word; the belief is then flat."""
    for opt in (["--spread", "5"], ["--sweep", "0.1,20"]):
        code, err = _err(["ultimatum", "geneva-2022", "--a", "USA", "--b", "RUS", *opt])
        assert code == 2, err
        assert "wider than the whole utility scale" in err and "(0, 1]" in err
    code, err = _err(["ultimatum", "geneva-2022", "--a", "USA", "--b", "RUS", "--spread", "1",
                      "--format", "json"])
    assert code == 0, err


# --- 5. a median forecast resting on an exact tie --------------------------------------------
_TIED = {  # four actors of equal weight at 10, 20, 30, 40: every point of [20, 30] is a median
    "name": "tied",
    "actors": [{"id": f"a{k}", "capability": 1} for k in range(4)],
    "issues": [{"id": "x", "scale_min": 0, "scale_max": 100, "status_quo": 0},
               {"id": "y", "scale_min": 0, "scale_max": 100, "status_quo": 0}],
    "stances": [{"actor": f"a{k}", "issue": "x", "position": 10 * (k + 1), "salience": 50}
                for k in range(4)]
    + [{"actor": f"a{k}", "issue": "y", "position": 10 * (k + 1), "salience": 50 + k}
       for k in range(4)],
}


def test_a_median_on_an_exact_tie_is_flagged_and_its_number_unchanged() -> None:
    from detente.collective import forecast
    from detente.collective._baselines import weighted_median
    from detente.scenario import Scenario

    sc = Scenario.model_validate(_TIED)
    c = sc.compile()
    for model, opts in (("median", {}), ("eum", {"rounds": 0}), ("eum", {})):
        f = forecast(sc, model, **opts)
        assert dict(f.ties) == {"x": (20.0, 30.0)}, (model, opts, f.ties)  # y: a3 outweighs
        doc = f.as_dict()
        assert doc["issues"][0]["tie"] == [20.0, 30.0] and "tie" not in doc["issues"][1]
        assert any("issue 'x': the median rests on an exact tie" in n for n in f.notes)
        assert not any("issue 'y'" in n for n in f.notes)
    # the numbers are the models' own: the median is the midpoint, as before
    assert forecast(sc, "median").outcomes[0] == 25.0
    unit = weighted_median(c.position, np.where(c.present, c.capability * c.salience, 0.0))
    assert forecast(sc, "median").outcomes.tolist() == c.to_scale(unit).tolist()
    assert forecast(sc, "eum", outcome="mean").ties == {}
    assert forecast(sc, "compromise").ties == {}


def test_the_faces_say_which_issue_rests_on_a_tie(tmp_path: Path) -> None:
    import json

    import yaml

    path = tmp_path / "tied.yaml"
    path.write_text(yaml.safe_dump(_TIED), encoding="utf-8")
    r = runner.invoke(app, ["forecast", str(path), "-m", "median", "-m", "eum", "-f", "json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    for f in doc["forecasts"]:
        assert f["issues"][0]["tie"] == [20.0, 30.0], f
    r = runner.invoke(app, ["forecast", str(path), "-m", "median"])
    assert r.exit_code == 0 and "issue 'x': the median rests on an exact tie" in r.stdout
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from detente.web import WebSettings, create_app

    with TestClient(create_app(WebSettings(db="shipped"))) as client:
        api = client.post("/api/forecast", json={"document": _TIED, "models": ["median"]})
        assert api.status_code == 200, api.text
        assert api.json()["models"][0]["issues"][0]["tie"] == [20.0, 30.0]


def test_the_crisis_command_bounds_draws_as_the_model_option_does() -> None:
    """Before: `crisis --draws` took up to 200,000 (11 GB on Geneva); now the model's bound."""
    code, err = _err(["crisis", "geneva-2022", "--draws", "100000"])
    assert code == 2 and "--draws must be between 1 and 50,000, got 100000" in err, err
