"""Review 14: a second demanding API and dashboard user."""

from __future__ import annotations

from typing import Any

import pytest
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


@pytest.mark.parametrize(("body", "loc", "named"), [
    ({"jitter": "position=ten"}, ["jitter"], "jitter: "),
    ({"set": ["RUS.line.position=40", "RUS.line.position=lots"]}, ["set", 1], "set[1] "),
    ({"set": ["XYZ.line.position=40"]}, ["set", 0], "set[0] "),
    ({"drop": ["XYZ"]}, ["drop", 0], "drop[0] "),
])
def test_api_errors_name_the_api_fields_not_cli_options(
        client: TestClient, body: dict[str, Any], loc: list[Any], named: str) -> None:
    # the shared parsing had said '--jitter:' and '--set ...', options an API user never saw
    r = client.post("/api/simulate", json={"document": DOC, "draws": 20, **body})
    assert r.status_code == 422, r.text
    d = detail(r)
    assert d[0]["loc"] == loc
    assert d[0]["msg"].startswith(named), d[0]["msg"]
    assert "--" not in d[0]["msg"]


def test_api_refuses_an_above_off_the_scale(client: TestClient) -> None:
    r = client.post("/api/simulate", json={"document": DOC, "draws": 20, "above": 150,
                                           "jitter": "position=10"})
    assert r.status_code == 422, r.text
    d = detail(r)
    assert d[0]["loc"] == ["above"]
    assert d[0]["msg"].startswith("above 150 is outside the issue's scale (line 0–100)")


def test_api_refuses_a_credibility_as_of_after_today(client: TestClient) -> None:
    r = client.get("/api/credibility", params={"actor": "RUS", "as_of": "2999-01-01"})
    assert r.status_code == 422, r.text
    d = detail(r)
    assert d[0]["loc"][-1] == "as_of" and "2999-01-01 is after today" in d[0]["msg"]
    r = client.post("/api/bargain", json={"document": DOC, "a": "ARM", "b": "AZE",
                                          "as_of": "2999-01-01"})
    assert r.status_code == 422, r.text
    assert "after today" in detail(r)[0]["msg"]
    r = client.get("/credibility", params={"actor": "RUS", "as_of": "2999-01-01"})
    assert r.status_code == 422 and "after today" in r.text
    r = client.get("/api/credibility", params={"actor": "RUS", "as_of": "2015-01-01"})
    assert r.status_code == 200, r.text
