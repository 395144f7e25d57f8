"""CSV import/export and the SQLAlchemy store: all-or-nothing imports, round trips, seeding."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from record_helpers import LEDGER, SRC, agreement, event, record

from detente.record import (
    Record,
    RecordError,
    load_shipped_record,
    open_store,
    read_record_dir,
    write_record_dir,
)
from detente.record._store import default_url

AG_HEADER = "id,name,kind,parties,domain,signed,in_force,source,note\n"
EV_HEADER = ("id,agreement,date,actors,type,alleged_by,established_by,evidence,lawful,disputed,"
             "conduct,source,note\n")


def test_default_location_honours_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DETENTE_DB", str(tmp_path / "x.sqlite"))
    assert default_url() == f"sqlite:///{tmp_path / 'x.sqlite'}"
    monkeypatch.delenv("DETENTE_DB")
    assert default_url() == f"sqlite:///{tmp_path / 'xdg' / 'detente' / 'record.sqlite'}"


def test_fresh_store_is_seeded_once(tmp_path: Path) -> None:
    url = str(tmp_path / "r.sqlite")
    with open_store(url) as s:
        assert s.record() == load_shipped_record().sorted()
    from sqlalchemy import text

    with open_store(url) as s, s.engine.begin() as c:
        c.execute(text("DELETE FROM events"))
        c.execute(text("DELETE FROM agreements"))
    with open_store(url) as s:  # emptied by the user: not refilled behind their back
        assert s.is_empty()


def test_export_then_import_gives_the_same_record(tmp_path: Path) -> None:
    with open_store(str(tmp_path / "a.sqlite")) as a:
        a.export_csv(tmp_path / "out")
        original = a.record()
    with open_store(str(tmp_path / "b.sqlite"), seed=False) as b:
        assert b.is_empty()
        report = b.import_csv(tmp_path / "out")
        assert report.added == {"agreements": len(original.agreements),
                                "events": len(original.events)}
        assert b.record() == original
    assert read_record_dir(tmp_path / "out") == original.sorted()


def _bad_events(tmp_path: Path) -> Path:
    p = tmp_path / "events.csv"
    p.write_text(
        EV_HEADER
        + f"e1,t,2001-01-01,USA,kept,,,,,false,,{SRC},fine\n"
        + f"e2,t,2001-13-01,USA,kept,,,,,false,,{SRC},bad month\n"
        + f"e3,t,2001-02-01,USA,exploded,,,,,false,,{SRC},bad type\n"
        + f"e4,t,2001-02-01,USA,violation_alleged,,,,,false,,{SRC},no accuser\n"
        + f"e5,nowhere,2001-02-01,USA,kept,,,,,maybe,,{SRC},bad bool\n"
        + "e6,t,2001-02-01,USA,kept,,,,,false,,not-a-url,bad source\n",
        encoding="utf-8",
    )
    return p


def test_import_reports_every_bad_row_and_writes_nothing(tmp_path: Path) -> None:
    ag = tmp_path / "agreements.csv"
    ag.write_text(AG_HEADER + f"t,T,treaty,USA;RUS,arms_control,2000-01-01,,{SRC},\n")
    with open_store(str(tmp_path / "s.sqlite"), seed=False) as s:
        with pytest.raises(RecordError) as err:
            s.import_csv(ag, _bad_events(tmp_path))
        assert s.is_empty()  # all or nothing: the good agreement was not written either
    rows = {(p.row, p.field) for p in err.value.problems}
    assert (3, "date") in rows
    assert (4, "type") in rows
    assert (5, "") in rows or any(r == 5 for r, _ in rows)
    assert (6, "disputed/lawful") in rows
    assert (7, "source") in rows
    assert all(p.file and p.file.endswith("events.csv") for p in err.value.problems)
    assert not any(p.row == 2 for p in err.value.problems)


def test_import_events_against_stored_agreements(tmp_path: Path) -> None:
    p = tmp_path / "ev.csv"
    p.write_text(EV_HEADER + f"X1,new_start_2010,2026-02-06,USA,kept,,,,,false,,{SRC},t\n"
                 + f"X2,no_such_deal,2026-02-06,USA,kept,,,,,false,,{SRC},t\n")
    with open_store(str(tmp_path / "s.sqlite")) as s:
        with pytest.raises(RecordError, match="unknown agreement 'no_such_deal'"):
            s.import_csv(p)
        assert not s.record().has("X1")
        p.write_text(EV_HEADER + f"X1,new_start_2010,2026-02-06,USA,kept,,,,,false,,{SRC},t\n")
        assert s.import_csv(p).added["events"] == 1
        assert s.record().event("X1").agreement == "new_start_2010"
        assert s.import_csv(p).replaced["events"] == 1  # same id again: replaced, not doubled


def test_research_ledger_imports_through_aliases(tmp_path: Path) -> None:
    """The shared fact table (other column names, ``finding_by``) loads as it stands."""
    if not LEDGER.exists():
        pytest.skip("../shared is not beside the checkout")
    with open_store(str(tmp_path / "s.sqlite"), seed=False) as s:
        report = s.import_csv(LEDGER / "agreements.csv", LEDGER / "events.csv")
        rec = s.record()
    assert report.added == {"agreements": 50, "events": 235}
    ev = rec.event("EV0003")  # a US compliance report is a party determination, not a finding
    assert (ev.evidence.value, ev.established_by) == ("determination", ())
    assert rec.event("EV0006").evidence.value == "admission"
    assert rec.event("EV0077").type.value == "violation_established"


def test_bad_header_and_missing_file(tmp_path: Path) -> None:
    p = tmp_path / "x.csv"
    p.write_text("a,b\n1,2\n")
    with open_store(str(tmp_path / "s.sqlite"), seed=False) as s:
        with pytest.raises(RecordError, match="cannot tell agreements from events"):
            s.import_csv(p)
        with pytest.raises(RecordError, match="no such file"):
            s.import_csv(tmp_path / "missing.csv")


_codes = st.sampled_from(["AAA", "BBB", "CCC", "SUN", "NATO"])
_types = st.sampled_from(["kept", "signed", "withdrew", "violation_alleged", "suspended",
                          "violation_established", "extended"])


@st.composite
def _records(draw: st.DrawFn) -> Record:
    n = draw(st.integers(0, 8))
    evs = []
    for i in range(n):
        t = draw(_types)
        kw: dict[str, object] = {
            "disputed": draw(st.booleans()),
            "note": draw(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)),
            "conduct": draw(st.sampled_from(["", "c1", "c2"])),
        }
        if t in ("withdrew", "suspended"):
            kw["lawful"] = draw(st.sampled_from([None, True, False]))
        d = draw(st.sampled_from(["1999-12-31", "2004-02", "2010", "2020-06-15"]))
        evs.append(event(f"e{i}", d, actors=draw(_codes), type=t, **kw))
    return record(*evs, agreements=(agreement(), agreement("u", "CCC;NATO", "memorandum")))


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rec=_records())
def test_csv_round_trip_property(rec: Record, tmp_path: Path) -> None:
    out = tmp_path / "rt"
    write_record_dir(rec, out)
    assert read_record_dir(out) == rec.sorted()
