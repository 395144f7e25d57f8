"""polish22: the items review22 left (its findings, "Not fixed")."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_an_empty_models_list_is_refused_at_models(client: TestClient) -> None:
    r = client.post("/api/forecast", json={"scenario": "geneva-2022", "models": []})
    assert r.status_code == 422, r.text
    (d,) = r.json()["detail"]
    assert d["loc"] == ["models"]
    assert "at least one model" in d["msg"]
    # leaving the field out still runs every registered model
    r = client.post("/api/forecast", json={"scenario": "geneva-2022", "explanation": False,
                                           "trajectory": False})
    assert r.status_code == 200, r.text


def test_a_red_line_what_if_with_its_side_names_the_form_in_the_api(client: TestClient) -> None:
    r = client.post("/api/forecast", json={"scenario": "falklands-1982", "models": ["median"],
                                           "set": ["GBR.withdrawal.red_line=below:90"]})
    assert r.status_code == 422, r.text
    (d,) = r.json()["detail"]
    assert d["loc"] == ["set", 0]
    assert "ACTOR.ISSUE.red_line=VALUE" in d["msg"]
    r = client.post("/api/simulate", json={"scenario": "falklands-1982", "models": ["median"],
                                           "draws": 10,
                                           "set": ["GBR.withdrawal.red_line=below:90"]})
    assert r.status_code == 422, r.text
    assert "ACTOR.ISSUE.red_line=VALUE" in r.json()["detail"][0]["msg"]
