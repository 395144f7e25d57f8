"""polish22: the items review22 left (its findings, "Not fixed")."""

from __future__ import annotations

import pytest
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


CSV = "Actor,Capability,Position,Salience\nRUS,40,30,90\nUKR,20,90,95\nTUR,15,60,70\n"
NAMELESS_YAML = """\
actors:
  - {id: RUS, capability: 40}
  - {id: UKR, capability: 20}
issues:
  - {id: corridor, status_quo: 10}
stances:
  - {actor: RUS, issue: corridor, position: 30, salience: 90}
  - {actor: UKR, issue: corridor, position: 90, salience: 95}
"""


@pytest.mark.parametrize(("filename", "body", "name"), [
    ("grain deal.csv", CSV, "grain_deal"),
    ("C:\\\\class\\\\week-3/grain.csv", CSV, "grain"),
    ("../../étude 2.yaml", NAMELESS_YAML, "étude_2"),
    ("grain.json", '{"actors": [{"id": "A"}, {"id": "B"}], "issues": [{"id": "i"}], '
     '"stances": [{"actor": "A", "issue": "i", "position": 10, "salience": 50}, '
     '{"actor": "B", "issue": "i", "position": 90, "salience": 50}]}', "grain"),
    ("...csv", CSV, "upload"),
])
def test_an_upload_is_named_after_its_file(client: TestClient, filename: str, body: str,
                                           name: str) -> None:
    r = client.post("/api/scenarios/upload", files={"file": (filename, body.encode())})
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["name"] == name
    page = client.post("/scenarios/upload", files={"file": (filename, body.encode())},
                       follow_redirects=False)
    assert page.status_code == 303
    dl = client.get("/scenarios/download", params={"s": got["hash"]})
    assert dl.status_code == 200
    assert f"{name}.yaml" in dl.headers["content-disposition"].replace("%C3%A9", "é")


def test_a_yaml_upload_that_names_itself_keeps_its_name(client: TestClient) -> None:
    r = client.post("/api/scenarios/upload",
                    files={"file": ("grain.yaml", ("name: corridor talks\n" + NAMELESS_YAML)
                                    .encode())})
    assert r.status_code == 200 and r.json()["name"] == "corridor talks"


def test_bargain_gives_the_trust_each_solution_needs_as_the_command_line(
        client: TestClient) -> None:
    import json

    from typer.testing import CliRunner

    from detente.cli import app

    r = client.post("/api/bargain", json={"scenario": "falklands-1982", "a": "GBR", "b": "ARG",
                                          "trust": 0.6})
    assert r.status_code == 200, r.text
    api = r.json()
    cli = CliRunner().invoke(app, ["bargain", "falklands-1982", "--a", "GBR", "--b", "ARG",
                                   "--trust", "0.6", "-f", "json"])
    assert cli.exit_code == 0, cli.output
    doc = json.loads(cli.stdout)
    assert api["solution_trust_needed"] == doc["solution_trust_needed"]
    assert set(api["solution_trust_needed"]) == set(api["solutions"])
    # not all alike here: the utilitarian deal needs more trust than the Nash one
    need = api["solution_trust_needed"]
    assert need["utilitarian"] > need["nash"] > 0


def test_the_schema_describes_the_trust_each_solution_needs(client: TestClient) -> None:
    op = client.get("/openapi.json").json()["paths"]["/api/bargain"]["post"]
    assert "solution_trust_needed" in op["description"]


def test_the_documented_classroom_server_runs_more_simulations_at_once() -> None:
    import re
    from pathlib import Path

    from detente.web import WebSettings, create_app
    from detente.web._uncertainty import Busy

    doc = (Path(__file__).resolve().parents[2] / "docs" / "web.md").read_text(encoding="utf-8")
    (script,) = re.findall(r"```python\n(# classroom\.py.*?)```", doc, re.S)
    assert "$ python classroom.py" in doc
    ns: dict[str, object] = {"__name__": "classroom"}  # imported, as uvicorn classroom:app does
    exec(compile(script, "classroom.py", "exec"), ns)  # noqa: S102 - the docs' own example
    jobs = ns["app"].state.jobs  # type: ignore[attr-defined]
    default = create_app(WebSettings(db="shipped")).state.jobs

    def fits(j: object, k: int) -> bool:
        taken = 0
        try:
            for _ in range(k):
                j._take()  # type: ignore[attr-defined]
                taken += 1
            return True
        except Busy:
            return False
        finally:
            for _ in range(taken):
                j._slots.release()  # type: ignore[attr-defined]

    assert not fits(default, 3)
    assert fits(jobs, 8) and not fits(jobs, 9)
