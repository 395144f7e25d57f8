"""Observed outcomes in the scenario language: ``as_of``, the episode ``outcome``, per-issue
``observed``, per-stance ``date`` and ``confidence``; YAML and long-CSV round trips; located
errors for hindsight, values off the scale, unknown kinds and malformed dates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.scenario import (
    OUTCOME_KINDS,
    Scenario,
    ScenarioError,
    date_span,
    load_scenario,
    write_scenario,
)

BASE = """\
name: t
as_of: "2022-01-10"
outcome:
  kind: escalation
  date: "2022-02-24"
  note: "force used"
  source: "https://example.org/a"
actors:
  - id: A
  - id: B
issues:
  - id: x
    status_quo: 60
    observed:
      value: 60
      date: "2022-02-28"
      note: "no change"
      source: "https://example.org/b"
  - id: y
    status_quo: 50
stances:
  - actor: A
    issue: x
    position: 0
    salience: 90
    date: "2021-12-17"
    confidence: high
  - actor: B
    issue: x
    position: 100
    salience: 50
  - actor: A
    issue: y
    position: 40
    salience: 50
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_reads_every_new_field(tmp_path: Path) -> None:
    sc = load_scenario(_write(tmp_path, "a.yaml", BASE))
    assert sc.as_of == "2022-01-10"
    assert sc.outcome is not None and sc.outcome.kind == "escalation"
    assert sc.outcome.date == "2022-02-24"
    x = sc.issue("x")
    assert x.observed is not None and x.observed.value == 60 and x.observed.note == "no change"
    assert sc.issue("y").observed is None
    assert sc.observed == {"x": 60.0}
    a = sc.stance("A", "x")
    b = sc.stance("B", "x")
    assert a is not None and a.date == "2021-12-17" and a.confidence == "high"
    assert b is not None and b.date is None and b.confidence == "medium"


def test_unquoted_yaml_dates_and_years_are_text(tmp_path: Path) -> None:
    text = BASE.replace('as_of: "2022-01-10"', "as_of: 2022-01-10").replace(
        'date: "2021-12-17"', "date: 2021")
    sc = load_scenario(_write(tmp_path, "a.yaml", text))
    assert sc.as_of == "2022-01-10"
    assert sc.stance("A", "x").date == "2021"  # type: ignore[union-attr]


def test_files_without_the_new_fields_still_read(tmp_path: Path) -> None:
    lines = [ln for ln in BASE.splitlines()
             if not ln.strip().startswith(("as_of", "date:", "confidence"))]
    text = "\n".join(lines)
    text = text.split("outcome:")[0] + "actors:" + text.split("actors:")[1]
    text = text.replace("""    observed:
      value: 60
      note: "no change"
      source: "https://example.org/b"
""", "")
    sc = load_scenario(_write(tmp_path, "a.yaml", text))
    assert sc.as_of is None and sc.outcome is None and sc.observed == {}


@pytest.mark.parametrize(
    ("old", "new", "line", "field", "expected"),
    [
        pytest.param("      value: 60", "      value: 160", 15, "value",
                     "outside issue 'x''s scale [0, 100]", id="observed-off-scale"),
        pytest.param('    date: "2021-12-17"', '    date: "2022-01-11"', 26, "date",
                     "after as_of 2022-01-10", id="stance-after-as_of"),
        pytest.param('      date: "2022-02-28"', '      date: "2021-12"', 16, "date",
                     "before as_of", id="observed-before-as_of"),
        pytest.param('  date: "2022-02-24"', '  date: "2022-01-09"', 5, "date",
                     "outcome date 2022-01-09 is before as_of", id="outcome-before-as_of"),
        pytest.param("  kind: escalation", "  kind: war", 4, "kind",
                     "'agreement', 'no_agreement' or 'escalation'", id="unknown-kind"),
        pytest.param('as_of: "2022-01-10"', 'as_of: "2022-13-10"', 2, "as_of",
                     "month 13 out of range", id="bad-month"),
        pytest.param('as_of: "2022-01-10"', 'as_of: "10/01/2022"', 2, "as_of",
                     "expected a date YYYY, YYYY-MM or YYYY-MM-DD", id="bad-format"),
        pytest.param('    date: "2021-12-17"', '    date: "2021-02-30"', 26, "date",
                     "no such day", id="no-such-day"),
        pytest.param("    confidence: high", "    confidence: certain", 27, "confidence",
                     "'low', 'medium' or 'high'", id="bad-confidence"),
        pytest.param("    issue: x\n    position: 0", "    issue: z\n    position: 0", 23,
                     "issue", "unknown issue 'z'", id="unknown-issue"),
    ],
)
def test_located_errors(
    tmp_path: Path, old: str, new: str, line: int, field: str, expected: str
) -> None:
    assert old in BASE
    p = _write(tmp_path, "bad.yaml", BASE.replace(old, new, 1))
    with pytest.raises(ScenarioError) as info:
        load_scenario(p)
    text = str(info.value)
    assert f"{p}, line {line}: field '{field}':" in text, text
    assert expected in text


def test_partial_dates_compare_by_the_days_they_cover(tmp_path: Path) -> None:
    # a stance dated "2022-01" may be from before as_of 2022-01-10: not an error
    sc = load_scenario(_write(tmp_path, "a.yaml", BASE.replace('"2021-12-17"', '"2022-01"')))
    assert sc.stance("A", "x").date == "2022-01"  # type: ignore[union-attr]
    # ... but "2022-02" is certainly after
    with pytest.raises(ScenarioError, match="after as_of"):
        load_scenario(_write(tmp_path, "b.yaml", BASE.replace('"2021-12-17"', '"2022-02"')))


def test_date_span() -> None:
    assert date_span("2024") == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert date_span("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert date_span("2023-12") == (dt.date(2023, 12, 1), dt.date(2023, 12, 31))
    assert date_span("1938-09-30") == (dt.date(1938, 9, 30),) * 2
    with pytest.raises(ValueError):
        date_span("2024-1-5")


def test_csv_errors_are_located(tmp_path: Path) -> None:
    sc = load_scenario(_write(tmp_path, "a.yaml", BASE))
    out = tmp_path / "a.csv"
    write_scenario(sc, out)
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    # the outcome kind is a comment line
    k = next(n for n, ln in enumerate(lines, 1) if ln.startswith("# outcome: "))
    bad = text.replace("# outcome: escalation", "# outcome: war")
    with pytest.raises(ScenarioError) as info:
        load_scenario(_write(tmp_path, "b.csv", bad))
    assert f"line {k}: field 'kind'" in str(info.value)
    # an observed value off the scale, on the first row of issue x
    bad = text.replace(",60.0,2022-02-28,", ",160.0,2022-02-28,", 1)
    assert bad != text
    row = next(n for n, ln in enumerate(bad.splitlines(), 1) if ",160.0," in ln)
    with pytest.raises(ScenarioError) as info:
        load_scenario(_write(tmp_path, "c.csv", bad))
    assert f"line {row}: field 'value'" in str(info.value)
    assert "observed value 160" in str(info.value)
    # outcome fields without a kind
    bad = text.replace("# outcome: escalation\n", "")
    with pytest.raises(ScenarioError, match="without an '# outcome: KIND' line"):
        load_scenario(_write(tmp_path, "d.csv", bad))


# -- round trip ------------------------------------------------------------------------------
_ids = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ_-é", min_size=1, max_size=6)
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=20
).map(str.strip)
_days = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


def _partial(d: dt.date, kind: int) -> str:
    return [d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]][kind]


@st.composite
def observed_scenarios(draw: st.DrawFn) -> Scenario:
    as_of_day = draw(_days)
    as_of = draw(st.none() | st.just(as_of_day.isoformat()))
    before = st.builds(
        _partial,
        st.dates(min_value=dt.date(1850, 1, 1), max_value=as_of_day),
        st.integers(0, 2) if as_of is None else st.just(0),
    )
    after = st.builds(
        _partial,
        st.dates(min_value=as_of_day, max_value=dt.date(2150, 1, 1)),
        st.integers(0, 2) if as_of is None else st.just(0),
    )
    actor_ids = draw(st.lists(_ids, min_size=1, max_size=4, unique=True))
    issue_ids = draw(st.lists(_ids, min_size=1, max_size=3, unique=True))
    issues = []
    for i in issue_ids:
        lo = draw(st.sampled_from([0.0, -5.0, 0.5]))
        hi = lo + draw(st.sampled_from([1.0, 10.0, 100.0]))
        iss: dict[str, object] = {"id": i, "name": draw(_text), "scale_min": lo, "scale_max": hi,
                                  "status_quo": draw(st.none() | st.floats(lo, hi))}
        if draw(st.booleans()):
            iss["observed"] = {"value": draw(st.floats(lo, hi)), "date": draw(st.none() | after),
                               "note": draw(_text), "source": draw(_text)}
        issues.append(iss)
    stances = []
    for a in actor_ids:
        for iss in issues:
            if draw(st.booleans()):
                stances.append({
                    "actor": a, "issue": iss["id"],
                    "position": draw(st.floats(iss["scale_min"], iss["scale_max"])),  # type: ignore[arg-type]
                    "salience": draw(st.floats(0, 100)),
                    "note": draw(_text), "source": draw(_text),
                    "date": draw(st.none() | before),
                    "confidence": draw(st.sampled_from(["low", "medium", "high"])),
                })
    outcome = draw(st.none() | st.fixed_dictionaries({
        "kind": st.sampled_from(OUTCOME_KINDS), "date": st.none() | after,
        "note": _text, "source": _text,
    }))
    return Scenario.model_validate({
        "name": draw(_text) or "s", "as_of": as_of, "outcome": outcome,
        "actors": [{"id": a} for a in actor_ids], "issues": issues, "stances": stances,
    })


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sc=observed_scenarios(), suffix=st.sampled_from([".yaml", ".csv"]))
def test_observed_outcomes_round_trip(tmp_path: Path, sc: Scenario, suffix: str) -> None:
    path = tmp_path / f"s{suffix}"
    write_scenario(sc, path)
    back = load_scenario(path)
    assert (back.as_of, back.outcome) == (sc.as_of, sc.outcome)
    assert {i.id: i.observed for i in back.issues} == {i.id: i.observed for i in sc.issues}
    assert back.stances == sc.stances
    if suffix == ".yaml":
        assert back == sc


_partial_dates = st.builds(_partial, st.dates(min_value=dt.date(2019, 11, 1),
                                              max_value=dt.date(2021, 2, 28)),
                           st.integers(0, 2))


@settings(max_examples=80, deadline=None)
@given(as_of=_partial_dates, stance=_partial_dates, seen=_partial_dates)
def test_hindsight_rule_matches_calendar_order(as_of: str, stance: str, seen: str) -> None:
    """A stance is refused iff it certainly follows as_of; an observation iff it certainly
    precedes it (checked against plain calendar arithmetic on the days each date covers)."""
    def first(d: str) -> dt.date:
        return dt.date(int(d[:4]), int(d[5:7]) if len(d) > 4 else 1,
                       int(d[8:10]) if len(d) > 7 else 1)

    def last(d: str) -> dt.date:
        if len(d) == 10:
            return first(d)
        if len(d) == 4:
            return dt.date(int(d), 12, 31)
        y, m = int(d[:4]), int(d[5:7])
        return dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)

    data = {
        "as_of": as_of, "actors": [{"id": "A"}],
        "issues": [{"id": "x", "observed": {"value": 1, "date": seen}}],
        "stances": [{"actor": "A", "issue": "x", "position": 1, "salience": 1, "date": stance}],
    }
    stance_bad = first(stance) > last(as_of)
    seen_bad = last(seen) < first(as_of)
    if stance_bad or seen_bad:
        with pytest.raises(ScenarioError) as info:
            Scenario.model_validate(data)
        text = str(info.value)
        assert ("after as_of" in text) == stance_bad
        assert ("before as_of" in text) == seen_bad
    else:
        Scenario.model_validate(data)
