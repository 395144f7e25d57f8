"""Value objects: dates with precision, event consistency rules, record references."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError
from record_helpers import SRC, agreement, event, record

from detente.record import Event, PartialDate, Precision, Record, RecordError


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        pytest.param("2022-02-24", date(2022, 2, 24), date(2022, 2, 24), Precision.day, id="day"),
        pytest.param("2024-02", date(2024, 2, 1), date(2024, 2, 29), Precision.month, id="leap"),
        pytest.param("2023-02", date(2023, 2, 1), date(2023, 2, 28), Precision.month, id="feb"),
        pytest.param("2025", date(2025, 1, 1), date(2025, 12, 31), Precision.year, id="year"),
    ],
)
def test_partial_date(text: str, start: date, end: date, precision: Precision) -> None:
    d = PartialDate.model_validate(text)
    assert (d.start, d.end, d.precision) == (start, end, precision)
    assert str(d) == text


@pytest.mark.parametrize("bad", ["2022-13-01", "2022-02-30", "22-01-01", "2022/01/01", "soon"])
def test_partial_date_rejects(bad: str) -> None:
    with pytest.raises(ValidationError):
        PartialDate.model_validate(bad)


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        pytest.param({"type": "violation_established", "established_by": ""},
                     "needs established_by", id="finding-without-authority"),
        pytest.param({"type": "violation_established", "established_by": "IAEA",
                      "evidence": "allegation"}, "finding' or 'admission", id="weak-evidence"),
        pytest.param({"type": "violation_alleged", "alleged_by": ""}, "needs alleged_by",
                     id="allegation-without-accuser"),
        pytest.param({"type": "violation_alleged", "evidence": "finding",
                      "established_by": "IAEA"}, "use violation_established", id="alleged-found"),
        pytest.param({"type": "kept", "lawful": True}, "lawful applies only", id="lawful-kept"),
        pytest.param({"actors": "usa"}, "not a actor code", id="lower-case-code"),
        pytest.param({"actors": ""}, "at least one actor", id="no-actor"),
        pytest.param({"source": "www.example.org"}, "http(s) URL", id="no-url"),
        pytest.param({"type": "broken"}, "Input should be", id="unknown-type"),
    ],
)
def test_event_rules(kw: dict[str, object], message: str) -> None:
    data: dict[str, object] = {"id": "e", "agreement": "t", "date": "2000-01-01",
                               "actors": "AAA", "type": "kept", "source": SRC}
    data.update(kw)
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Event.model_validate(data)


def test_evidence_defaults_follow_the_type() -> None:
    assert event("a", "2000-01-01", type="violation_alleged").evidence.value == "allegation"
    assert event("b", "2000-01-01", type="violation_established").evidence.value == "finding"
    assert event("c", "2000-01-01", type="withdrew").evidence.value == "record"


def test_record_checks_references_and_ids() -> None:
    with pytest.raises(RecordError) as err:
        Record(agreements=(agreement(),), events=(
            event("e1", "2000-01-01"), event("e1", "2001-01-01"),
            event("e2", "2000-01-01", agreement="nope")))
    text = str(err.value)
    assert "duplicate event id 'e1'" in text
    assert "unknown agreement 'nope'" in text


def test_record_lookup_and_replace() -> None:
    r = record(event("e1", "2000-01-01"))
    assert r.event("e1").date.start == date(2000, 1, 1)
    with pytest.raises(KeyError, match="no event"):
        r.event("zz")
    r2 = r.with_items(events=[event("e1", "2005-05-05")])
    assert r2.event("e1").date.start == date(2005, 5, 5)
    assert r.event("e1").date.start == date(2000, 1, 1)  # the original is unchanged
