"""Review 13: what an API user hits first."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from web_helpers import detail

DOC: dict[str, Any] = {
    "name": "ceasefire",
    "actors": [{"id": "ARM", "capability": 30}, {"id": "AZE", "capability": 60},
               {"id": "RUS", "name": "mediator", "capability": 80}],
    "issues": [{"id": "line", "status_quo": 50}],
    "stances": [{"actor": "ARM", "issue": "line", "position": 20, "salience": 90},
                {"actor": "AZE", "issue": "line", "position": 90, "salience": 90},
                {"actor": "RUS", "issue": "line", "position": 60, "salience": 50}],
}


def test_a_document_under_scenario_is_pointed_at_document(client: TestClient) -> None:
    # had been "Input should be a valid string", which does not say where a scenario goes
    for path, extra in (("/api/forecast", {}), ("/api/bargain", {"a": "ARM", "b": "AZE"}),
                        ("/api/simulate", {})):
        r = client.post(path, json={"scenario": DOC, **extra})
        assert r.status_code == 422, (path, r.text)
        d = detail(r)
        assert d[0]["loc"] == ["body", "scenario"]
        assert "'document'" in d[0]["msg"] and "name or hash" in d[0]["msg"]


def _median(r: Any) -> float:
    m = next(m for m in r.json()["models"] if m["model"] == "median")
    return float(m["issues"][0]["outcome"])


def test_forecast_takes_set_and_drop_like_the_command_line(client: TestClient) -> None:
    base = client.post("/api/forecast", json={"document": DOC, "models": ["median"]})
    assert base.status_code == 200, base.text
    # weights capability × salience: ARM 2700 at 20, RUS 4000 at 60, AZE 5400 at 90 (of 12100)
    assert _median(base) == 60.0
    moved = client.post("/api/forecast", json={"document": DOC, "models": ["median"],
                                               "set": ["RUS.line.position=40"]})
    assert moved.status_code == 200, moved.text
    assert _median(moved) == 40.0
    assert moved.json()["hash"] != base.json()["hash"]
    dropped = client.post("/api/forecast", json={"document": DOC, "models": ["median"],
                                                 "drop": ["RUS"]})
    assert dropped.status_code == 200, dropped.text
    assert _median(dropped) == 90.0  # ARM 2700 against AZE 5400


def test_forecast_what_if_typos_are_located(client: TestClient) -> None:
    r = client.post("/api/forecast", json={"document": DOC, "set": ["AZE.line.postion=70"]})
    assert r.status_code == 422
    assert detail(r)[0]["loc"] == ["set", 0] and "postion" in detail(r)[0]["msg"]
    r = client.post("/api/forecast", json={"document": DOC, "drop": ["ARM", "RUSS"]})
    assert r.status_code == 422
    assert detail(r)[0]["loc"] == ["drop", 1] and "RUSS" in detail(r)[0]["msg"]


def test_sensitivity_refuses_an_unknown_input(client: TestClient) -> None:
    r = client.post("/api/sensitivity", json={"document": DOC, "jitter": "position=10",
                                              "inputs": ["line", "lines"], "n": 8})
    assert r.status_code == 422, r.text
    assert "'lines' names nothing" in detail(r)[0]["msg"]


def test_a_json_file_can_be_uploaded(client: TestClient) -> None:
    import json

    r = client.post("/api/scenarios/upload",
                    files={"file": ("ceasefire.json", json.dumps(DOC).encode(), "text/plain")})
    assert r.status_code == 200, r.text
    assert r.json()["actors"] == ["ARM", "AZE", "RUS"]
    bad = {**DOC, "actors": DOC["actors"][:2]}
    r = client.post("/api/scenarios/upload",
                    files={"file": ("ceasefire.json", json.dumps(bad).encode(), "text/plain")})
    assert r.status_code == 422
    assert "unknown actor 'RUS'" in detail(r)[0]["msg"]
