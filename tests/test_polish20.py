"""Round polish20: review20's leftovers, on a small scenario of its own (a lake shared by three
riparian states)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from detente.cli import app

#: BBB's red line (quota not below 40) excludes AAA's stated position 0 on the quota.
LAKE = """\
name: lake-2025
date: "2025-03-01"
as_of: "2025-03-01"
actors:
  - {id: AAA, name: Alder, capability: 50}
  - {id: BBB, name: Birch, capability: 40}
  - {id: CCC, name: Cedar, capability: 20}
issues:
  - {id: quota, name: Fishing quota, status_quo: 50}
  - {id: dam, name: Dam height, status_quo: 30}
stances:
  - {actor: AAA, issue: quota, position: 0, salience: 80}
  - {actor: AAA, issue: dam, position: 20, salience: 50}
  - {actor: BBB, issue: quota, position: 90, salience: 70, red_line: {side: below, value: 40}}
  - {actor: BBB, issue: dam, position: 60, salience: 60}
  - {actor: CCC, issue: quota, position: 60, salience: 30}
  - {actor: CCC, issue: dam, position: 40, salience: 40}
"""


def _write(tmp_path: Path, text: str = LAKE) -> Path:
    f = tmp_path / "lake.yaml"
    f.write_text(text, encoding="utf-8")
    return f


# -- 1: a best option the red lines moved is not called the party's ideal -----------------------

def test_bargain_does_not_call_a_point_moved_by_red_lines_an_ideal(tmp_path: Path) -> None:
    f = str(_write(tmp_path))
    r = CliRunner().invoke(app, ["bargain", f, "--a", "AAA", "--b", "BBB"],
                           env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    assert "AAA ideal" not in r.output  # its stated position is 0, the row shows 40
    assert "AAA's best within the red lines" in r.output
    assert "BBB ideal" in r.output  # BBB's own position is allowed: its ideal it is
    assert "exclude AAA's stated position on quota" in r.output
    j = CliRunner().invoke(app, ["bargain", f, "--a", "AAA", "--b", "BBB", "-f", "json"])
    parties = {p["id"]: p for p in json.loads(j.stdout)["domain"]["parties"]}
    assert parties["AAA"]["ideal_excluded_by_red_lines"] == ["quota"]
    assert parties["BBB"]["ideal_excluded_by_red_lines"] == []


# -- 2: the status-quo baseline is not a second status-quo column --------------------------------

def test_the_status_quo_column_is_not_repeated_by_the_baseline(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from detente.report import build_report
    from detente.scenario import load_scenario
    from detente.web import create_app
    from detente.web._settings import WebSettings

    f = _write(tmp_path)
    r = CliRunner().invoke(app, ["forecast", str(f), "-m", "status_quo", "-m", "compromise"],
                           env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    header = next(ln for ln in r.output.splitlines() if "issue" in ln and "scale" in ln)
    assert "status quo" in header and "status_quo" not in header and "compromise" in header
    assert "status_quo: its forecast is the status quo column" in r.output
    # the report's forecast and outcome tables
    rep = build_report(load_scenario(f), models=["status_quo", "compromise"])
    body = next(s for s in rep.sections if s.key == "forecasts").body
    head = body.split("<table", 1)[1].split("</tr>", 1)[0]
    assert "status quo" in head and "status_quo" not in head and "compromise" in head
    assert "-m status_quo -m compromise" in body  # the command still reproduces the run
    # the web's forecast table
    client = TestClient(create_app(WebSettings(db="shipped")))
    up = client.post("/scenarios/upload", files={"file": ("lake.yaml", LAKE.encode(),
                                                          "application/x-yaml")},
                     follow_redirects=False)
    assert up.status_code == 303, up.text
    h = up.headers["location"].split("s=", 1)[1]
    page = client.get(f"/forecast?s={h}&model=status_quo&model=compromise").text
    thead = page.split('id="forecast-table"', 1)[1].split("</thead>", 1)[0]
    assert "<th>status quo</th>" in thead and "<th>status_quo</th>" not in thead
    assert "<th>compromise</th>" in thead


# -- 3: a duplicate id is one error, not one plus its consequences -------------------------------

def test_a_duplicate_issue_id_is_reported_once_with_what_follows_from_it(tmp_path: Path) -> None:
    # the dam issue copied from the quota line, its id left unchanged
    f = _write(tmp_path, LAKE.replace("  - {id: dam, name: Dam height, status_quo: 30}",
                                      "  - {id: quota, name: Dam height, status_quo: 30}"))
    r = CliRunner().invoke(app, ["forecast", str(f)])
    assert r.exit_code == 2, r.output
    assert "Traceback" not in r.output
    errors = [ln for ln in r.output.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1, r.output
    assert "line 10" in errors[0] and "duplicate issue id 'quota'" in errors[0]
    assert "first defined on line 9" in errors[0]
    assert "3 references elsewhere name 'dam'" in errors[0]
    assert "unknown issue" not in r.output


def test_a_duplicate_actor_id_is_reported_once(tmp_path: Path) -> None:
    f = _write(tmp_path, LAKE.replace("  - {id: CCC, name: Cedar, capability: 20}",
                                      "  - {id: BBB, name: Cedar, capability: 20}"))
    r = CliRunner().invoke(app, ["forecast", str(f)])
    assert r.exit_code == 2, r.output
    errors = [ln for ln in r.output.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1, r.output
    assert "duplicate actor id 'BBB'" in errors[0] and "'CCC'" in errors[0]
    assert "unknown actor" not in r.output


# -- 4: issue names, not ids, in the crisis explanation, the indicators and the web menu ---------

#: AAA can close the sluices on BBB; AAA's red line (quota not above 35) meets BBB's (not below 40)
CRISIS = LAKE.replace(
    "  - {actor: AAA, issue: quota, position: 0, salience: 80}",
    "  - {actor: AAA, issue: quota, position: 0, salience: 80, red_line: {side: above, value: 35}}"
) + """outside_options:
  - {actor: AAA, target: [BBB], action: close the sluices, cost: 0.3, target_cost: 0.3,
     imposes: {dam: 0}}
"""


def test_the_crisis_explanation_names_issues(tmp_path: Path) -> None:
    def why(text: str) -> str:
        r = CliRunner().invoke(app, ["crisis", str(_write(tmp_path, text)), "--draws", "200",
                                     "-f", "json"])
        assert r.exit_code == 0, r.output
        return " ".join(json.loads(r.stdout)["explanation"])

    shut = why(CRISIS)
    assert "Red lines leave no deal on 'Fishing quota'" in shut
    assert "The status quo on 'Fishing quota' (50) crosses AAA's red line" in shut
    assert "'quota'" not in shut
    # without AAA's red line a zone exists: the expected deal names the issues
    deal = why(CRISIS.replace(", red_line: {side: above, value: 35}", ""))
    assert "the expected deal: Fishing quota at " in deal and ", Dam height at " in deal
    assert "quota " not in deal.replace("Fishing quota", "")


def test_the_reports_indicators_name_issues(tmp_path: Path) -> None:
    from detente.report import build_report
    from detente.scenario import load_scenario

    open_zone = CRISIS.replace(", red_line: {side: above, value: 35}", "")
    rep = build_report(load_scenario(_write(tmp_path, open_zone)), a="AAA", b="BBB",
                       models=["compromise"])
    body = next(s for s in rep.sections if s.key == "indicators").body
    assert "stated position on Fishing quota moves past" in body
    assert "on quota" not in body and "salience of quota" not in body
    assert "If Fishing quota comes to matter" in body
    assert "toward “”" not in body  # the issue names no ends: no empty quote


def test_the_web_issue_menu_shows_names(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from detente.web import create_app
    from detente.web._settings import WebSettings

    client = TestClient(create_app(WebSettings(db="shipped")))
    up = client.post("/scenarios/upload", files={"file": ("lake.yaml", LAKE.encode(),
                                                          "application/x-yaml")},
                     follow_redirects=False)
    h = up.headers["location"].split("s=", 1)[1]
    page = client.get(f"/forecast?s={h}&model=eum&issue=dam").text
    menu = page.split('<select name="issue">', 1)[1].split("</select>", 1)[0]
    assert '<option value="quota">Fishing quota</option>' in menu
    assert '<option value="dam" selected>Dam height</option>' in menu
    assert "<h2>Rounds on Dam height</h2>" in page


# -- 5: a message shown as a sentence starts with a capital --------------------------------------

def test_the_trust_note_reads_as_a_sentence_after_a_full_stop(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["crisis", str(_write(tmp_path, CRISIS)), "--draws", "200",
                                 "-f", "json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["trust"]["how"] == "No events for AAA–BBB in the record: full trust assumed"
    first = doc["explanation"][0]
    assert "to each target). No events for AAA–BBB in the record" in first
    r = CliRunner().invoke(app, ["crisis", str(_write(tmp_path, CRISIS)), "--draws", "200",
                                 "--trust", "0.4", "-f", "json"])
    assert "). Trust 0.4 (given)." in json.loads(r.stdout)["explanation"][0]
