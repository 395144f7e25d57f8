"""Review 15: a third demanding user of the dashboard and API, with scenarios of their own."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_helpers import detail

YAML = """\
name: grain-2022
actors:
  - {id: RUS, capability: 40}
  - {id: UKR, capability: 20}
  - {id: TUR, capability: 15}
issues:
  - {id: corridor, status_quo: 10}
stances:
  - {actor: RUS, issue: corridor, position: 30, salience: 90}
  - {actor: UKR, issue: corridor, position: 90, salience: 0.95}
  - {actor: TUR, issue: corridor, position: 60, salience: 70}
"""
CSV = "Actor,Capability,Position,Salience\nRUS,40,30,190\nUKR,20,90,95\nTUR,15,60,70\n"


# -- the reader's notes (salience rescaled, or below 1 among 0-100) on the web ---------------
@pytest.mark.parametrize(("name", "body", "said"), [
    ("grain.yaml", YAML, "grain.yaml, line 10: field 'salience': 0.95 is below 1"),
    ("grain.csv", CSV, "grain.csv: salience divided by its maximum 190"),
])
def test_an_upload_gives_the_notes_the_command_line_prints(
        client: TestClient, name: str, body: str, said: str) -> None:
    r = client.post("/api/scenarios/upload", files={"file": (name, body.encode())})
    assert r.status_code == 200, r.text
    notes = r.json()["notes"]
    assert len(notes) == 1 and notes[0].startswith(said), notes
    assert "detente-web-" not in notes[0]  # the server's temporary path is not shown
    key = r.json()["hash"]
    assert client.get(f"/api/scenarios/{key}").json()["notes"] == notes
    # the page: upload, follow the redirect to the view, the note is on it
    page = client.post("/scenarios/upload", files={"file": (name, body.encode())})
    assert page.status_code == 200, page.text
    assert 'id="read-notes"' in page.text
    assert said.split(": ", 1)[1] in html.unescape(page.text)


def test_a_clean_upload_has_no_notes(client: TestClient) -> None:
    clean = YAML.replace("salience: 0.95", "salience: 95")
    r = client.post("/api/scenarios/upload", files={"file": ("g.yaml", clean.encode())})
    assert r.status_code == 200 and r.json()["notes"] == []
    page = client.get(f"/scenarios/view?s={r.json()['hash']}")
    assert 'id="read-notes"' not in page.text


def test_posted_yaml_and_document_give_their_notes(client: TestClient) -> None:
    r = client.post("/api/scenarios", json={"yaml": YAML})
    assert r.status_code == 200
    assert r.json()["notes"][0].startswith("yaml, line 10: field 'salience': 0.95 is below 1")
    import yaml

    doc: dict[str, Any] = yaml.safe_load(YAML)
    r = client.post("/api/scenarios", json={"document": doc})
    assert r.status_code == 200
    assert "0.95 is below 1" in r.json()["notes"][0]


# -- the scenario's own as_of where the crisis model reads the record at it -----------------
def test_a_future_as_of_in_a_document_is_a_422_at_as_of(client: TestClient) -> None:
    later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    doc: dict[str, Any] = {
        "name": "x", "as_of": later,
        "actors": [{"id": "USA", "capability": 50}, {"id": "IRN", "capability": 10}],
        "issues": [{"id": "s", "status_quo": 0}],
        "stances": [{"actor": "USA", "issue": "s", "position": 40, "salience": 60},
                    {"actor": "IRN", "issue": "s", "position": 100, "salience": 90}],
        "outside_options": [{"actor": "USA", "target": ["IRN"], "cost": 0.1,
                             "target_cost": 0.2, "imposes": {"s": 0}}]}
    r = client.post("/api/forecast", json={"document": doc, "models": ["crisis"]})
    assert r.status_code == 422, r.text
    d = detail(r)
    assert d[0]["loc"][-1] == "as_of" and "after today" in d[0]["msg"], d
    r = client.post("/api/forecast", json={"document": doc, "models": ["compromise"]})
    assert r.status_code == 200, r.text


# -- error pages --------------------------------------------------------------------------------
def test_an_error_page_shows_no_placeholder_for_a_missing_file(client: TestClient) -> None:
    # "<input>: field 'b': unknown actor 'SAU'" on the bargaining page: the placeholder the
    # library put where a file name goes, shown to a dashboard user who gave no file
    r = client.get("/bargain?s=geneva-2022&a=USA&b=SAU")
    assert r.status_code == 422
    text = html.unescape(r.text)
    assert "field 'b': unknown actor 'SAU'" in text
    assert "<input>" not in text


def test_an_unknown_model_is_named_at_the_models_field(client: TestClient) -> None:
    # "field 'nosuch': unknown model 'nosuch'": the model's name had been put where the field goes
    r = client.get("/forecast?s=geneva-2022&model=nosuch")
    assert r.status_code == 404
    assert "field 'models': unknown model 'nosuch'" in html.unescape(r.text)
    r = client.post("/api/forecast", json={"scenario": "geneva-2022", "models": ["nosuch"]})
    assert detail(r)[0]["loc"] == ["models", 0]


def test_an_unknown_scenario_lists_each_shipped_name_once(client: TestClient) -> None:
    # geneva-2022 is an example and a case: it was listed twice
    r = client.post("/api/forecast", json={"scenario": "nosuch", "models": ["compromise"]})
    assert r.status_code == 404
    listed = detail(r)[0]["msg"].split("shipped: ", 1)[1].split(", ")
    assert "geneva-2022" in listed and len(listed) == len(set(listed))


def test_a_forecast_gives_the_notes_on_its_scenario(client: TestClient) -> None:
    import yaml

    doc: dict[str, Any] = yaml.safe_load(YAML)
    r = client.post("/api/forecast", json={"document": doc, "models": ["compromise"]})
    assert r.status_code == 200, r.text
    assert "0.95 is below 1" in r.json()["notes"][0]
    key = client.post("/api/scenarios/upload",
                      files={"file": ("grain.csv", CSV.encode())}).json()["hash"]
    r = client.post("/api/forecast", json={"scenario": key, "models": ["compromise"]})
    assert r.json()["notes"][0].startswith("grain.csv: salience divided by its maximum 190")
    r = client.post("/api/forecast", json={"scenario": "geneva-2022", "models": ["median"]})
    assert r.json()["notes"] == []
