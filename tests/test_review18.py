"""Round review18: a political-risk analyst's first scenario (South China Sea code of conduct),
the newcomer's mistakes and the faces' agreement."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app

SCS = """\
name: scs-coc-2025
date: "DATE"
as_of: "2025-06-01"
actors:
  - {id: CHN, name: China, capability: "60 ± 10"}
  - {id: PHL, name: Philippines, capability: 8}
  - {id: VNM, name: Vietnam, capability: 10}
issues:
  - {id: binding, name: Legally binding code, status_quo: 10}
  - {id: scope, name: Geographic scope, status_quo: 20}
stances:
  - {actor: CHN, issue: binding, position: 20, salience: 60, commitment: 0.6}
  - {actor: CHN, issue: scope, position: 0, salience: 90, red_line: {side: above, value: 40}}
  - {actor: PHL, issue: binding, position: "normal(90, 5)", salience: 80}
  - {actor: PHL, issue: scope, position: 100, salience: 95}
  - {actor: VNM, issue: binding, position: 85, salience: 70}
  - {actor: VNM, issue: scope, position: 80, salience: 70}
outside_options:
  - {actor: CHN, target: [PHL], action: blockade, cost: 0.2, target_cost: 0.5,
     imposes: {scope: 0}, date: "2025-03-01"}
"""


def _scs(tmp_path: Path, date: str = "2025-06-01") -> Path:
    f = tmp_path / "scs.yaml"
    f.write_text(SCS.replace("DATE", date), encoding="utf-8")
    return f


@pytest.mark.parametrize("bad", ["01/06/2025", "June 1, 2025", "2025-13-01", "1.6.2025"])
def test_a_scenario_date_in_the_wrong_format_is_refused_even_beside_an_as_of(
        tmp_path: Path, bad: str) -> None:
    # with as_of present the scenario's date was never read, so "01/06/2025" passed silently
    # (forecast, crisis and the web alike), while an outside option's date was refused
    res = CliRunner().invoke(app, ["forecast", str(_scs(tmp_path, bad)), "-m", "compromise"])
    assert res.exit_code == 2, res.output
    assert "scs.yaml, line 2: field 'date':" in res.stderr, res.stderr
    assert "YYYY, YYYY-MM or YYYY-MM-DD" in res.stderr
    assert "Traceback" not in res.output


@pytest.mark.parametrize("good", ["2025-06-01", "2025-06", "2025", ""])
def test_a_scenario_date_that_is_a_date_or_empty_still_reads(tmp_path: Path, good: str) -> None:
    from detente.scenario import load_scenario

    assert load_scenario(_scs(tmp_path, good)).date == good


def _long_csv(tmp_path: Path) -> Path:
    from detente.scenario import load_scenario, write_scenario

    out = tmp_path / "scs.csv"
    write_scenario(load_scenario(_scs(tmp_path)), out)
    return out


def test_an_error_in_a_long_csv_comment_line_names_its_line(tmp_path: Path) -> None:
    # '# date:', '# linkage:' and '# outside_options:' errors named the file but no line
    csv = _long_csv(tmp_path)
    text = csv.read_text(encoding="utf-8")
    assert "# date: 2025-06-01" in text and "# outside_options: [" in text
    lines = text.splitlines()
    n_date = 1 + next(k for k, x in enumerate(lines) if x.startswith("# date:"))
    n_oo = 1 + next(k for k, x in enumerate(lines) if x.startswith("# outside_options:"))
    csv.write_text(text.replace("# date: 2025-06-01", "# date: 06/01/2025"), encoding="utf-8")
    res = CliRunner().invoke(app, ["forecast", str(csv), "-m", "compromise"])
    assert res.exit_code == 2, res.output
    assert f"scs.csv, line {n_date}: field 'date': not a date" in res.stderr, res.stderr
    bad = text.replace('"imposes": {"scope": 0.0}', '"imposes": {"scop": 0.0}')
    assert bad != text
    csv.write_text(bad, encoding="utf-8")
    res = CliRunner().invoke(app, ["forecast", str(csv), "-m", "compromise"])
    assert res.exit_code == 2, res.output
    assert f"scs.csv, line {n_oo}: field 'imposes': unknown issue 'scop'" in res.stderr
    # a comment line that is not JSON at all
    csv.write_text(text.replace('# outside_options: [', '# outside_options: [;'),
                   encoding="utf-8")
    res = CliRunner().invoke(app, ["forecast", str(csv), "-m", "compromise"])
    assert res.exit_code == 2, res.output
    assert f"scs.csv, line {n_oo}: field 'outside_options': expected a JSON list" in res.stderr


def test_a_typo_in_an_actor_id_on_one_long_csv_row_is_said(tmp_path: Path) -> None:
    # the long CSV repeats ids on every row: 'CNH' for 'CHN' on one row made a second China
    # (with the red line), read in silence
    csv = _long_csv(tmp_path)
    lines = csv.read_text(encoding="utf-8").splitlines()
    k = next(k for k, x in enumerate(lines) if x.startswith("CHN,") and ",scope," in x)
    lines[k] = "CNH" + lines[k][3:]
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["forecast", str(csv), "-m", "compromise"])
    assert res.exit_code == 0, res.output
    first = 1 + next(j for j, x in enumerate(lines) if x.startswith("CHN,"))
    assert (f"note: {csv}, line {k + 1}: field 'actor': actor 'CNH' has the name 'China' of "
            f"actor 'CHN' (line {first}): a typo in one of the two ids?") in res.stderr, res.stderr
    # and an issue id
    lines[k] = "CHN" + lines[k][3:].replace(",scope,", ",scpoe,")
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["forecast", str(csv), "-m", "compromise"])
    assert "field 'issue': issue" in res.stderr and "'scpoe'" in res.stderr, res.stderr
    # a file without the typo says nothing of the kind
    res = CliRunner().invoke(app, ["forecast", str(_long_csv(tmp_path)), "-m", "compromise"])
    assert "a typo in one of the two ids" not in res.stderr


def test_a_what_if_says_so_in_every_face_that_titles_with_the_scenario(tmp_path: Path) -> None:
    # `forecast --set ... --drop ...` printed "scs-coc-2025: forecast per issue" and the JSON
    # "scenario": "scs-coc-2025": a what-if's table read as the file's own forecast
    import json

    from detente.scenario import load_scenario
    from detente.uncertainty import apply_whatif

    f = str(_scs(tmp_path))
    sc = apply_whatif(load_scenario(f), ["PHL.binding.position=60"], ["VNM"])
    assert sc.name == "scs-coc-2025 (what-if: set PHL.binding.position=60; drop VNM)"
    res = CliRunner().invoke(app, ["forecast", f, "-m", "compromise", "--set",
                                   "PHL.binding.position=60", "--drop", "VNM"])
    assert res.exit_code == 0, res.output
    assert "scs-coc-2025 (what-if: set PHL.binding.position=60; drop VNM): forecast" in res.stdout
    res = CliRunner().invoke(app, ["forecast", f, "-m", "compromise", "-f", "json", "--set",
                                   "PHL.binding.position=60"])
    want = "scs-coc-2025 (what-if: set PHL.binding.position=60)"
    assert json.loads(res.stdout)["scenario"] == want
    # without edits the name is the file's
    assert apply_whatif(load_scenario(f)).name == "scs-coc-2025"


def test_dropping_an_actor_says_what_else_went_with_it(tmp_path: Path) -> None:
    # --drop PHL silently removed CHN's only threat (PHL its sole target) and turned an issue
    # PHL decided alone into a collective one: P(escalation) fell to 0 with no word why
    text = SCS.replace("DATE", "2025-06-01").replace(
        "{id: scope, name: Geographic scope, status_quo: 20}",
        "{id: scope, name: Geographic scope, status_quo: 20, decision: {unilateral: PHL}}")
    f = tmp_path / "scs.yaml"
    f.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(app, ["forecast", str(f), "-m", "compromise", "--drop", "PHL"])
    assert res.exit_code == 0, res.output
    assert ("note: --drop PHL: CHN's outside option (blockade) had no target left and is "
            "removed; 'scope' was PHL's alone to decide and is now decided collectively"
            ) in res.stderr, res.stderr
    res = CliRunner().invoke(app, ["forecast", str(f), "-m", "compromise", "--drop", "VNM"])
    assert res.exit_code == 0 and "note:" not in res.stderr, res.stderr


def test_the_ultimatum_judgement_is_a_conditional_not_a_fact(tmp_path: Path) -> None:
    # the report's key judgements said "CHN's public demand was not meant to be accepted: it
    # announces, or prepares, the outside option" right under "Almost no chance: CHN carries
    # out its outside option" — CHN made no ultimatum; the reading is of a hypothetical one
    # (its public positions as a take-it-or-leave-it demand), refused here because it crosses
    # PHL's red line on scope
    text = SCS.replace("DATE", "2025-06-01").replace(
        "{actor: PHL, issue: scope, position: 100, salience: 95}",
        "{actor: PHL, issue: scope, position: 100, salience: 95, "
        "red_line: {side: below, value: 50}}")
    f = tmp_path / "scs.yaml"
    f.write_text(text, encoding="utf-8")
    out = tmp_path / "r.md"
    res = CliRunner().invoke(app, ["report", str(f), "--a", "CHN", "--b", "PHL", "-m",
                                   "compromise", "-m", "crisis", "-o", str(out)])
    assert res.exit_code == 0, res.output
    md = out.read_text(encoding="utf-8")
    judgements = md[:md.index("## Contents")]
    assert "public demand was not meant to be accepted" not in judgements
    assert ("Were CHN to make its public positions an ultimatum (a public take-it-or-leave-it "
            "demand, commitment 0.9), it would be accepted with probability 0.00, as it "
            "crosses PHL's red line on scope: it would not be meant to be accepted"
            ) in judgements, judgements


@pytest.mark.parametrize("name", ["e.yaml", "e.json", "e.csv"])
def test_an_empty_upload_is_refused_in_the_command_lines_words(tmp_path: Path,
                                                                name: str) -> None:
    # the command line said "the file is empty: expected a scenario"; an empty YAML upload
    # (or POST /api/scenarios {"yaml": ""}) said "line 1: expected a mapping ...; got NoneType"
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from detente.web import create_app

    f = tmp_path / name
    f.write_text("\n", encoding="utf-8")
    cli = CliRunner().invoke(app, ["forecast", str(f)])
    assert cli.exit_code == 2 and "the file is empty: expected a scenario" in cli.stderr
    c = TestClient(create_app())
    r = c.post("/api/scenarios/upload", files={"file": (name, b"\n", "text/plain")})
    assert r.status_code == 422, r.text
    assert [d["msg"] for d in r.json()["detail"]] == ["the file is empty: expected a scenario"]
    if name == "e.yaml":
        r = c.post("/api/scenarios", json={"yaml": "  \n"})
        assert r.status_code == 422
        assert "NoneType" not in r.text and "the file is empty" in r.text


def test_a_yaml_file_of_comments_only_says_so(tmp_path: Path) -> None:
    f = tmp_path / "c.yaml"
    f.write_text("# to do: the actors\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["forecast", str(f)])
    assert res.exit_code == 2
    assert "got no document (only comments or blank lines)" in res.stderr, res.stderr
    assert "NoneType" not in res.output


def test_the_web_forecast_of_a_what_if_is_named_so_and_carries_the_drop_note(
        tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from detente.web import create_app

    c = TestClient(create_app())
    r = c.post("/api/scenarios/upload",
               files={"file": ("scs.yaml", _scs(tmp_path).read_bytes(), "text/plain")})
    assert r.status_code == 200, r.text
    h = r.json()["hash"]
    body = {"scenario": h, "models": ["compromise"], "set": ["CHN.binding.position=30"],
            "drop": ["PHL"]}
    doc = c.post("/api/forecast", json=body).json()
    assert doc["scenario"] == "scs-coc-2025 (what-if: set CHN.binding.position=30; drop PHL)"
    assert any("CHN's outside option (blockade) had no target left" in n
               for n in doc["notes"]), doc["notes"]
    # the same numbers as the command line's what-if
    res = CliRunner().invoke(app, ["forecast", str(_scs(tmp_path)), "-m", "compromise",
                                   "-f", "json", "--set", "CHN.binding.position=30",
                                   "--drop", "PHL"])
    import json
    cli = json.loads(res.stdout)["forecasts"][0]["issues"]
    web = doc["models"][0]["issues"] if "models" in doc else doc["forecasts"][0]["issues"]
    assert [x["outcome"] for x in cli] == [x["outcome"] for x in web]


def test_bargain_says_what_scale_its_utilities_are_on(tmp_path: Path) -> None:
    # "reservation values (walking away): CHN 0.615, PHL 0.486" and a table of u(CHN), V(PHL)
    # with no word of what 0.615 is on
    res = CliRunner().invoke(app, ["bargain", str(_scs(tmp_path)), "--a", "CHN", "--b", "PHL"])
    assert res.exit_code == 0, res.output
    line = next(x for x in res.stdout.splitlines() if x.startswith("reservation values"))
    assert "utilities on 0–1: 1 at a party's own position on every issue" in line, line


@pytest.mark.parametrize("model", ["compromise", "median", "nash"])
def test_explain_explains_the_baseline_models_too(tmp_path: Path, model: str) -> None:
    # `forecast -m median --explain` printed the table and nothing else: --explain was
    # silently a no-op for compromise, median and nash
    from detente.collective import forecast
    from detente.scenario import load_scenario

    sc = load_scenario(_scs(tmp_path))
    fc = forecast(sc, model)
    lines = list(fc.explanation)
    assert len(lines) == 1 + len(sc.issues), lines
    for k, iss in enumerate(sc.issues):
        x = float(fc.outcomes[k])
        assert lines[1 + k].startswith(f"{iss.name}: {x:.2f}".rstrip("0").rstrip(".")), lines
        assert "CHN" in lines[1 + k]
    res = CliRunner().invoke(app, ["forecast", str(_scs(tmp_path)), "-m", model, "--explain"])
    assert res.exit_code == 0 and f"{model}: why" in res.stdout, res.stdout
    if model == "median":
        # the actor whose position is the forecast is named as the median voter
        assert "Legally binding code: 20" in lines[1] and "median voter" in lines[1]
        assert "is CHN" in lines[1], lines[1]
    if model == "nash":
        assert "status quo 20 (held there" in lines[2], lines[2]


def test_a_setting_on_an_actor_the_same_what_if_drops_is_refused(tmp_path: Path) -> None:
    # `--set PHL.binding.position=60 --drop PHL` ran as a plain --drop PHL, the --set lost
    f = str(_scs(tmp_path))
    for setting in ("PHL.binding.position=60", "PHL.capability=6"):
        res = CliRunner().invoke(app, ["forecast", f, "-m", "compromise", "--set", setting,
                                       "--drop", "PHL"])
        assert res.exit_code == 2, res.output
        assert (f"--set {setting}: actor 'PHL' is left out by --drop PHL" in res.stderr
                ), res.stderr
    ok = CliRunner().invoke(app, ["forecast", f, "-m", "compromise", "--set",
                                  "PHL.binding.position=60", "--drop", "VNM"])
    assert ok.exit_code == 0, ok.output
