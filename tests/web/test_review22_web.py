"""Review 22: a lecturer's class exercise on the dashboard, and a teaching assistant grading
through the HTTP API with httpx."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient
from web_helpers import detail

CLASS = """\
name: class test
actors:
  - {id: A, name: Alpha, capability: 50}
  - {id: B, name: Beta, capability: 30}
  - {id: C, name: Gamma, capability: 20}
issues:
  - {id: tariff, name: Tariff level, low: free, high: closed, status_quo: 60}
  - {id: quota, name: Fish quota, status_quo: 20}
stances:
  - {actor: A, issue: tariff, position: 10, salience: 80}
  - {actor: B, issue: tariff, position: 70, salience: 60}
  - {actor: C, issue: tariff, position: 50, salience: 40}
  - {actor: A, issue: quota, position: 30, salience: 50}
  - {actor: B, issue: quota, position: 80, salience: 90}
  - {actor: C, issue: quota, position: 60, salience: 30}
"""


def _specs(page: str) -> str:
    return html.unescape(page)


# -- issue names, not ids, on the forecast page ------------------------------------------------
def test_the_rounds_figure_is_titled_with_the_issue_name(client: TestClient) -> None:
    r = client.get("/forecast", params={"s": "geneva-2022", "model": "eum",
                                        "issue": "open_door"})
    assert r.status_code == 200, r.text
    page = _specs(r.text)
    assert "eum: positions by round on NATO open door for Ukraine" in page
    assert "positions by round on open_door" not in page


def test_the_exchange_trades_table_names_the_issues(client: TestClient) -> None:
    r = client.get("/forecast", params={"s": "geneva-2022", "model": "exchange"})
    assert r.status_code == 200, r.text
    table = r.text.split('id="trades"', 1)[1].split("</table>", 1)[0]
    cells = set(re.findall(r"<td>([^<]*)</td>", table))
    ids = {"open_door", "eastern_posture", "inf_missiles"}
    assert not cells & ids, cells & ids
    assert cells & {"NATO open door for Ukraine", "Intermediate-range missiles in Europe",
                    html.escape("Allied force posture in post-1997 members")}


# -- every API error is located and has the documented shape -----------------------------------
def test_a_bad_option_value_is_at_the_models_options(client: TestClient) -> None:
    r = client.post("/api/forecast", json={"scenario": "geneva-2022", "models": ["eum"],
                                           "options": {"eum": {"rounds": -5}}})
    assert r.status_code == 422, r.text
    (d,) = detail(r)
    assert d["loc"] == ["options", "eum"], d
    assert "rounds" in d["msg"] and "-5" in d["msg"]
    assert d["line"] is None


def test_bargain_from_the_record_with_a_party_it_does_not_know_is_at_that_party(
        client: TestClient) -> None:
    h = client.post("/api/scenarios", json={"yaml": CLASS}).json()["hash"]
    r = client.post("/api/bargain", json={"scenario": h, "a": "A", "b": "B",
                                          "as_of": "2022-01-10"})
    assert r.status_code == 404, r.text
    d = detail(r)[0]
    assert d["loc"] == ["a"], d
    assert "'A' does not appear in the record" in d["msg"]
    assert d["line"] is None


# -- FastAPI's own answers in the API's shape ---------------------------------------------------
def test_a_body_not_in_utf8_is_located_at_the_body(client: TestClient) -> None:
    body = '{"scenario": "genève"}'.encode("latin-1")
    r = client.post("/api/forecast", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 400, r.text
    (d,) = detail(r)
    assert d["loc"] == ["body"] and "JSON object in UTF-8" in d["msg"], d


def test_an_unknown_operation_is_a_located_404_and_a_page_for_the_browser(
        client: TestClient) -> None:
    r = client.get("/api/forecasts")
    assert r.status_code == 404
    assert "/api/forecasts" in detail(r)[0]["msg"]
    r = client.get("/forcast")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no page or operation at /forcast" in r.text


def test_every_error_documented_in_the_schema_has_the_shape_given(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    op = schema["paths"]["/api/forecast"]["post"]["responses"]
    assert {"400", "404", "413", "422"} <= set(op)
    ref = op["422"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    item = schema["components"]["schemas"]["ErrorItem"]
    assert ref == "ErrorOut" and set(item["properties"]) == {"loc", "msg", "type", "line"}


# -- downloading the results -------------------------------------------------------------------
def test_the_forecast_page_downloads_what_the_command_line_writes(client: TestClient) -> None:
    import csv
    import io
    import json

    from detente._format import forecasts_csv, forecasts_doc
    from detente.collective import forecast
    from detente.examples import example_path
    from detente.scenario import load_scenario

    page = client.get("/forecast", params={"s": "geneva-2022", "model": ["eum", "median"],
                                           "seed": 3})
    assert page.status_code == 200
    links = dict(re.findall(r'id="download-(csv|json)" href="([^"]+)"', page.text))
    assert set(links) == {"csv", "json"}
    sc = load_scenario(example_path("geneva-2022"))
    fs = [forecast(sc, m, rng=3) for m in ("eum", "median")]
    r = client.get(html.unescape(links["csv"]))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert 'filename="geneva-2022-forecasts.csv"' in r.headers["content-disposition"]
    assert r.text == forecasts_csv(fs)
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 2 * len(sc.issues)
    assert {row["model"] for row in rows} == {"eum", "median"}
    r = client.get(html.unescape(links["json"]))
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert json.loads(r.text) == json.loads(json.dumps(forecasts_doc(sc.name, fs)))
    bad = client.get("/forecast/download", params={"s": "geneva-2022", "format": "xlsx"})
    assert bad.status_code == 422


# -- the Monte Carlo's errors located as the forecast's --------------------------------------
def test_simulate_names_a_missing_model_as_forecast_does(client: TestClient) -> None:
    r = client.post("/api/simulate", json={"scenario": "geneva-2022", "models": ["eumm"],
                                           "draws": 50})
    assert r.status_code == 404, r.text
    assert detail(r)[0]["loc"] == ["models", 0]


def test_simulate_and_sensitivity_put_a_bad_option_value_at_the_options(
        client: TestClient) -> None:
    r = client.post("/api/simulate", json={"scenario": "geneva-2022", "models": ["eum"],
                                           "draws": 20, "options": {"eum": {"rounds": -5}}})
    assert r.status_code == 422, r.text
    (d,) = detail(r)
    assert d["loc"] == ["options"] and "rounds" in d["msg"], d
    r = client.post("/api/sensitivity", json={"scenario": "geneva-2022", "model": "eum",
                                              "n": 4, "jitter": "position=10",
                                              "options": {"rounds": -5}})
    assert r.status_code == 422, r.text
    (d,) = detail(r)
    assert d["loc"] == ["options"] and "rounds" in d["msg"], d


def test_the_bargaining_solutions_table_names_the_issues(client: TestClient) -> None:
    r = client.get("/bargain", params={"s": "geneva-2022", "a": "USA", "b": "RUS",
                                       "trust": 0.6})
    assert r.status_code == 200
    table = r.text.split('id="solutions"', 1)[1].split("</thead>", 1)[0]
    heads = re.findall(r"<th>([^<]*)</th>", table)
    assert "NATO open door for Ukraine" in heads and "open_door" not in heads, heads


def test_an_issue_without_a_name_is_named_by_its_id_as_in_the_simulation(
        client: TestClient) -> None:
    doc = {"name": "x", "actors": [{"id": "A", "capability": 1}, {"id": "B", "capability": 2}],
           "issues": [{"id": "fish"}],
           "stances": [{"actor": "A", "issue": "fish", "position": 5, "salience": 5},
                       {"actor": "B", "issue": "fish", "position": 50, "salience": 50}]}
    f = client.post("/api/forecast", json={"document": doc, "models": ["median"]}).json()
    s = client.post("/api/simulate", json={"document": doc, "models": ["median"],
                                           "draws": 10}).json()
    assert f["issues"][0]["name"] == s["models"][0]["issues"][0]["name"] == "fish"


def test_the_uncertainty_page_downloads_what_detente_simulate_writes(
        client: TestClient) -> None:
    import json

    from typer.testing import CliRunner

    from detente.cli import app

    page = client.get("/uncertainty", params={
        "s": "geneva-2022", "model": ["compromise", "median"], "draws": 200, "seed": 5,
        "jitter": "position=10", "above": 50, "set": "RUS.open_door.salience=90",
        "method": "none", "run": 1})
    assert page.status_code == 200, page.text
    links = dict(re.findall(r'id="download-(csv|json)" href="([^"]+)"', page.text))
    assert set(links) == {"csv", "json"}
    got = client.get(html.unescape(links["csv"]))
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    assert "geneva-2022-simulation.csv" in got.headers["content-disposition"]
    args = ["simulate", "geneva-2022", "-m", "compromise", "-m", "median", "-n", "200",
            "--seed", "5", "--jitter", "position=10", "--above", "50",
            "--set", "RUS.open_door.salience=90"]
    cli = CliRunner().invoke(app, [*args, "-f", "csv"])
    assert cli.exit_code == 0, cli.output
    assert got.text == cli.stdout
    js = client.get(html.unescape(links["json"]))
    cli = CliRunner().invoke(app, [*args, "-f", "json"])
    mine, theirs = json.loads(js.text), json.loads(cli.stdout)
    assert mine["models"] == theirs["models"] and mine["draws"] == 200


def test_an_upload_without_a_filename_says_a_file_was_expected(client: TestClient) -> None:
    r = client.post("/api/scenarios/upload", files={"file": ("", CLASS.encode())})
    assert r.status_code == 422, r.text
    (d,) = detail(r)
    assert d["loc"] == ["body", "file"] and "expected a file" in d["msg"], d
    assert "UploadFile" not in d["msg"] and "class" not in d["msg"]
