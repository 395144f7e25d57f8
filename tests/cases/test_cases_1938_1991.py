"""The 1938-1991 cases of the bank follow the coding protocol (docs/case-protocol.md).

Read as plain YAML (independent of the scenario reader) and then through the reader: size,
no hindsight (every input dated on or before ``as_of``, every observation on or after it, the
episode outcome after it), a public source and a note for every coded number, every value on its
issue's scale, no actor stating a position across its own red line, commitments on the
protocol's grid, and every collective model runs on each case without NaN.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "src" / "detente" / "cases" / "data"

IDS = [
    "fashoda-1898",
    "agadir-1911",
    "july-1914",
    "munich-1938",
    "danzig-1939",
    "soviet-finnish-1939",
    "berlin-1948",
    "korea-armistice-1953",
    "suez-1956",
    "berlin-1961",
    "cuba-1962",
    "sino-indian-1962",
    "tiran-1967",
    "czechoslovakia-1968",
    "salt-abm-1972",
    "paris-peace-1973",
    "cyprus-1974",
    "beagle-1978",
    "camp-david-1978",
    "algiers-accords-1981",
    "falklands-1982",
    "sismik-1987",
    "iraq-kuwait-1990",
    "gulf-geneva-1991",
]
PRESENT = [i for i in IDS if (CASES / f"{i}.yaml").is_file()]
COMMITMENT_GRID = {0.0, 0.3, 0.6, 0.9}


def _load(case_id: str) -> dict[str, Any]:
    doc = yaml.safe_load((CASES / f"{case_id}.yaml").read_text(encoding="utf-8"))
    assert isinstance(doc, dict)
    return doc


def _day(text: str) -> dt.date:
    parts = [int(p) for p in str(text).split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)


def _sourced(obj: dict[str, Any], what: str) -> None:
    parts = [p.strip() for p in str(obj.get("source", "")).split(" ; ")]
    assert parts and all(re.match(r"https?://\S+$", p) for p in parts), (
        f"{what}: source must be one or more public URLs separated by ' ; '"
    )
    assert len(str(obj.get("note", "")).strip()) >= 20, f"{what}: no note"


def _on_scale(value: float, what: str) -> None:
    assert 0 <= value <= 100, f"{what}: {value} off the 0-100 scale"


def _crosses(value: float, red_line: dict[str, Any]) -> bool:
    if red_line["side"] == "above":
        return bool(value > red_line["value"])
    return bool(value < red_line["value"])


def test_all_seven_cases_are_present() -> None:
    assert PRESENT == IDS


def test_the_bank_mixes_outcomes() -> None:
    kinds = {_load(i)["outcome"]["kind"] for i in PRESENT}
    assert {"agreement", "escalation"} <= kinds


@pytest.mark.parametrize("case_id", PRESENT)
def test_size_and_header(case_id: str) -> None:
    doc = _load(case_id)
    text = (CASES / f"{case_id}.yaml").read_text(encoding="utf-8")
    assert text.startswith("#"), "a header comment says what the case is and what the scales mean"
    assert doc["name"] == case_id
    assert 3 <= len(doc["actors"]) <= 8
    assert 3 <= len(doc["issues"]) <= 6
    assert doc["date"] == doc["as_of"]


@pytest.mark.parametrize("case_id", PRESENT)
def test_no_hindsight(case_id: str) -> None:
    doc = _load(case_id)
    as_of = _day(doc["as_of"])
    assert _day(doc["outcome"]["date"]) > as_of, "the episode outcome comes after as_of"
    for s in doc["stances"]:
        assert "date" in s, f"{s['actor']}/{s['issue']}: stance without a date"
        assert _day(s["date"]) <= as_of, f"{s['actor']}/{s['issue']}: evidence after as_of"
    for o in doc.get("outside_options", []):
        assert _day(o["date"]) <= as_of, f"outside option of {o['actor']}: evidence after as_of"
    for i in doc["issues"]:
        assert _day(i["observed"]["date"]) >= as_of, f"{i['id']}: observed before as_of"


@pytest.mark.parametrize("case_id", PRESENT)
def test_every_number_has_a_source_and_a_note(case_id: str) -> None:
    doc = _load(case_id)
    _sourced(doc["outcome"], "outcome")
    assert doc["outcome"]["kind"] in {"agreement", "no_agreement", "escalation"}
    for a in doc["actors"]:
        _sourced(a, f"actor {a['id']}")
    for i in doc["issues"]:
        _sourced(i, f"issue {i['id']}")
        _sourced(i["observed"], f"observed {i['id']}")
        assert i.get("low") and i.get("high"), f"{i['id']}: scale ends not described"
    for s in doc["stances"]:
        who = f"{s['actor']}/{s['issue']}"
        _sourced(s, who)
        assert s.get("confidence", "medium") in {"low", "medium", "high"}
        for extra in ("private", "red_line"):
            if extra in s:
                _sourced(s[extra], f"{who} {extra}")
    for o in doc.get("outside_options", []):
        _sourced(o, f"outside option of {o['actor']}")


@pytest.mark.parametrize("case_id", PRESENT)
def test_values_on_their_scales(case_id: str) -> None:
    doc = _load(case_id)
    issues = {i["id"]: i for i in doc["issues"]}
    actors = {a["id"] for a in doc["actors"]}
    for i in doc["issues"]:
        _on_scale(i["status_quo"], f"{i['id']} status quo")
        _on_scale(i["observed"]["value"], f"{i['id']} observed")
        decision = i.get("decision", "collective")
        if isinstance(decision, dict):
            named = decision.get("unilateral", decision.get("joint"))
            for who in [named] if isinstance(named, str) else named:
                assert who in actors, f"{i['id']}: decider {who} is not an actor"
    for s in doc["stances"]:
        who = f"{s['actor']}/{s['issue']}"
        assert s["actor"] in actors and s["issue"] in issues, who
        _on_scale(s["position"], who)
        _on_scale(s["salience"], f"{who} salience")
        if "private" in s:
            for key in ("position", "salience"):
                if key in s["private"]:
                    _on_scale(s["private"][key], f"{who} private {key}")
        if "red_line" in s:
            assert s["red_line"]["side"] in {"above", "below"}
            _on_scale(s["red_line"]["value"], f"{who} red line")
            assert not _crosses(s["position"], s["red_line"]), f"{who}: crosses own red line"
        if "commitment" in s:
            assert s["commitment"] in COMMITMENT_GRID, f"{who}: commitment off the grid"
    for o in doc.get("outside_options", []):
        assert o["actor"] in actors
        assert all(t in actors for t in o.get("target", []))
        assert 0 <= o["cost"] <= 1 and 0 <= o["target_cost"] <= 1
        assert "p_prevail" not in o or "p_prevail" in o["note"], "p_prevail only when sourced"
        for issue_id, value in o.get("imposes", {}).items():
            assert issue_id in issues
            _on_scale(value, f"{o['actor']} imposes {issue_id}")


@pytest.mark.parametrize("case_id", PRESENT)
def test_loads_with_the_scenario_reader_and_every_model_runs(case_id: str) -> None:
    from detente.scenario import read_yaml

    sc = read_yaml(CASES / f"{case_id}.yaml")
    assert sc.as_of is not None and sc.outcome is not None
    assert all(i.observed is not None for i in sc.issues)
    from detente.collective import forecast, list_models

    for spec in list_models():
        fc = forecast(sc, model=spec.name, rng=0)
        for issue_id, value in zip(fc.issue_ids, fc.outcomes, strict=True):
            assert math.isfinite(float(value)), f"{spec.name} on {issue_id}: not finite"
