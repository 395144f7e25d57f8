"""Inputs nobody had written tests for (review9): each test failed before its fix.

Scenarios written as a demanding user would write them (a YAML boolean where a number goes, an
issue without a status quo under Monte Carlo, hypothetical actors absent from the record, tiny
scales, two files with nothing in common, an unquoted distribution in a flow mapping).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.scenario import ScenarioError, load_scenario

runner = CliRunner()

TWO = """\
name: two
as_of: "2023-05-01"
actors:
  - {id: P, capability: 1}
  - {id: Q, capability: 1}
issues:
  - {id: border, status_quo: 50}
stances:
  - {actor: P, issue: border, position: 20, salience: 100}
  - {actor: Q, issue: border, position: 80, salience: 100}
"""


def _write(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# -- a YAML boolean is not a number ---------------------------------------------------------------
@pytest.mark.parametrize(("old", "new", "field"), [
    ("position: 20", "position: yes", "position"),
    ("salience: 100}", "salience: on}", "salience"),
    ("capability: 1}", "capability: true}", "capability"),
    ("status_quo: 50}", "status_quo: no}", "status_quo"),
])
def test_a_yaml_boolean_where_a_number_goes_is_an_error(tmp_path: Path, old: str, new: str,
                                                        field: str) -> None:
    # YAML 1.1 reads yes/on/true as True; pydantic took it for 1.0 and the forecast ran on it
    p = _write(tmp_path, TWO.replace(old, new, 1))
    with pytest.raises(ScenarioError) as e:
        load_scenario(p)
    prob = e.value.problems[0]
    assert prob.field == field
    assert prob.line is not None
    assert "boolean" in prob.message
    r = runner.invoke(app, ["forecast", str(p)])
    assert r.exit_code == 2
    assert "Traceback" not in r.output
    assert "Value error" not in r.output  # pydantic's prefix is not for the user


def test_booleans_in_crisis_inputs_are_errors(tmp_path: Path) -> None:
    text = TWO.replace(
        "salience: 100}\n  - {actor: Q",
        "salience: 100, commitment: yes, red_line: {side: below, value: off}}\n  - {actor: Q", 1)
    with pytest.raises(ScenarioError) as e:
        load_scenario(_write(tmp_path, text))
    assert {p.field for p in e.value.problems} == {"commitment", "value"}


def test_numbers_still_read(tmp_path: Path) -> None:
    sc = load_scenario(_write(tmp_path, TWO))
    assert sc.stance("P", "border").position == 20.0  # type: ignore[union-attr]


def test_the_got_part_of_a_message_is_not_repeated(tmp_path: Path) -> None:
    p = _write(tmp_path, TWO.replace('as_of: "2023-05-01"', "as_of: yesterday"))
    r = runner.invoke(app, ["show", str(p)])
    assert r.exit_code == 2
    assert r.output.count("'yesterday'") == 1, r.output


# -- Monte Carlo where a model gives no forecast ---------------------------------------------------
NO_SQ = TWO.replace("  - {id: border, status_quo: 50}", "  - {id: border}").replace(
    "position: 20", "position: 20 ± 5")


def test_simulate_gives_no_mean_where_no_draw_gave_a_forecast(tmp_path: Path) -> None:
    from detente.uncertainty import simulate

    sc = load_scenario(_write(tmp_path, NO_SQ))
    res = simulate(sc, ["nash", "compromise"], 64, seed=1)
    nash = next(m for m in res.models if m.model == "nash")
    comp = next(m for m in res.models if m.model == "compromise")
    assert int(nash.n[0]) == 0
    # before: mean 0.0, sd 0.0 — a number on the scale that no draw produced
    assert math.isnan(nash.mean[0]) and math.isnan(nash.sd[0]) and math.isnan(nash.mcse[0])
    d = res.as_dict()["models"][0]["issues"][0]
    assert d["mean"] is None and d["sd"] is None and d["n"] == 0
    # the model that does forecast is untouched: its mean is the draws' mean
    assert comp.n[0] == 64 and 20 < comp.mean[0] < 80


def test_simulate_cli_does_not_ask_for_more_draws_when_draws_cannot_help(tmp_path: Path) -> None:
    p = _write(tmp_path, NO_SQ)
    r = runner.invoke(app, ["simulate", str(p), "-m", "nash", "-n", "200"])
    assert r.exit_code == 0, r.output
    assert "add draws" not in r.output
    assert "no draw gave a forecast" in r.output
    assert "0.00" not in r.output.split("\n", 3)[3]  # no fake mean in the table
    j = runner.invoke(app, ["simulate", str(p), "-m", "nash", "-n", "20", "-f", "json"])
    assert json.loads(j.output)["models"][0]["issues"][0]["mean"] is None


# -- the report bargains hypothetical actors, as `detente bargain` does ------------------------
CEASEFIRE = """\
name: ceasefire
as_of: "2024-03-01"
actors:
  - {id: A, capability: 60}
  - {id: B, capability: 30}
issues:
  - {id: line, status_quo: 100}
  - {id: monitors, status_quo: 0}
stances:
  - {actor: A, issue: line, position: 100, salience: 90}
  - {actor: B, issue: line, position: 0, salience: 95}
  - {actor: A, issue: monitors, position: 10, salience: 30}
  - {actor: B, issue: monitors, position: 90, salience: 60}
"""


def test_report_bargains_actors_the_record_does_not_know(tmp_path: Path) -> None:
    from detente.report import build_report

    p = _write(tmp_path, CEASEFIRE)
    sc = load_scenario(p)
    rep = build_report(sc, a="A", b="B", models=["compromise"])
    sections = {s.key: s for s in rep.sections}
    # before: skipped ("actor 'A' does not appear in the record") while `detente bargain`
    # and the crisis model went on at full trust
    assert not sections["bargaining"].skipped
    assert "does not appear in the record" in (sections["credibility"].skipped or "")
    r = runner.invoke(app, ["bargain", str(p), "--a", "A", "--b", "B", "--grid", "11",
                            "--trust", "1", "-f", "json"])
    assert r.exit_code == 0, r.output
    cli = json.loads(r.output)
    bd = rep.data["bargaining"]
    assert bd["trust"] == [1.0, 1.0]
    assert bd["threshold"] == pytest.approx(cli["trust_threshold"])
    assert bd["frontier_size"] == cli["frontier_size"]


# -- tables: numbers shown whole, to the precision of their scale -------------------------------
DATA = Path(__file__).parent / "data" / "review9"

TINY = """\
name: tiny
actors:
  - {id: GRC, capability: 0.3}
  - {id: TUR, capability: 0.7}
issues:
  - {id: tiny, scale_min: 0, scale_max: 0.001, status_quo: 0.0005}
stances:
  - {actor: GRC, issue: tiny, position: 0.0001, salience: 50}
  - {actor: TUR, issue: tiny, position: 0.0009, salience: 50}
"""


def test_forecast_on_a_tiny_scale_is_not_printed_as_zero(tmp_path: Path) -> None:
    p = _write(tmp_path, TINY)
    r = runner.invoke(app, ["forecast", str(p), "-m", "compromise"])
    assert r.exit_code == 0, r.output
    # capability × salience weighted mean: (0.3·0.0001 + 0.7·0.0009) / (0.3 + 0.7)
    expected = (0.3 * 0.0001 + 0.7 * 0.0009) / 1.0
    row = next(line for line in r.output.splitlines() if "tiny" in line and "0.001" in line)
    shown = float(row.split("│")[-2])  # before: "0.00"
    assert shown == pytest.approx(expected, rel=1e-3)
    s = runner.invoke(app, ["simulate", str(p), "-m", "compromise", "-n", "50"])
    assert s.exit_code == 0, s.output
    assert f"{expected:.6f}" in s.output


def test_a_0_100_scale_keeps_two_decimals() -> None:
    from detente._format import scale_digits

    assert scale_digits(100.0) == 2 and scale_digits(10.0) == 2 and scale_digits(1000.0) == 2
    assert scale_digits(1.0) == 3 and scale_digits(0.001) == 6


def test_wide_forecast_table_in_a_pipe_shows_every_number_whole() -> None:
    f = DATA / "trade-climate-7.csv"
    r = runner.invoke(app, ["forecast", str(f), "-m", "compromise", "-m", "median", "-m", "nash",
                            "-m", "eum", "-m", "exchange", "-m", "crisis"], terminal_width=80)
    assert r.exit_code == 0, r.output
    table = r.output.split("crisis: P(")[0]
    assert "…" not in table  # before: "Clima… finan…", "370.…"
    sc = load_scenario(f)
    c = sc.compile()
    w = np.where(c.present, c.capability * c.salience, 0.0)
    k = sc.issue_ids.index("finance")
    unit = float((w[:, k] * c.position[:, k]).sum() / w[:, k].sum())  # positions on [0, 1]
    assert f"{sc.issue('finance').from_unit(unit):.2f}" in table  # the compromise, whole


def test_diff_of_scenarios_with_no_issue_in_common_says_so(tmp_path: Path) -> None:
    a = _write(tmp_path, TWO, "a.yaml")
    b = _write(tmp_path, TINY, "b.yaml")
    r = runner.invoke(app, ["diff", str(a), str(b)])
    assert r.exit_code == 0, r.output
    assert "no issue in common" in r.output  # before: an empty table


def test_sensitivity_says_why_an_issue_has_no_indices(tmp_path: Path) -> None:
    from detente.uncertainty import sensitivity

    # quota: Nash stays at the status quo whatever the positions (both sides of it, and no
    # outcome both prefer); zone: no status quo, so no Nash forecast at all
    text = """\
name: s
actors:
  - {id: X, capability: "normal(50, 10)"}
  - {id: Y, capability: 40 ± 5}
issues:
  - {id: quota, status_quo: 50}
  - {id: zone}
stances:
  - {actor: X, issue: quota, position: 10 ± 5, salience: 80}
  - {actor: Y, issue: quota, position: 90 ± 5, salience: 80}
  - {actor: X, issue: zone, position: 20 ± 5, salience: 60}
  - {actor: Y, issue: zone, position: 70, salience: 60}
"""
    p = _write(tmp_path, text)
    res = sensitivity(load_scenario(p), "nash", n=16)
    assert res.ranking == {}
    assert "50 in every run" in res.skipped["quota"]
    assert "no forecast" in res.skipped["zone"]
    assert res.as_dict()["skipped"] == dict(res.skipped)
    r = runner.invoke(app, ["sensitivity", str(p), "-m", "nash", "-n", "16"])
    assert r.exit_code == 0, r.output
    assert "quota: no indices" in r.output and "zone: no indices" in r.output  # before: silence


def test_an_unquoted_distribution_in_a_flow_mapping_gets_a_hint(tmp_path: Path) -> None:
    p = _write(tmp_path, TWO.replace("position: 20,", "position: uniform(10, 30),"))
    with pytest.raises(ScenarioError) as e:
        load_scenario(p)
    probs = e.value.problems
    # before: "got 'uniform(10'" and "field '30)': Extra inputs are not permitted"
    assert len(probs) == 1 and probs[0].field == "position" and probs[0].line == 9
    assert "quote it" in probs[0].message
    quoted = TWO.replace("position: 20,", 'position: "uniform(10, 30)",')
    sc = load_scenario(_write(tmp_path, quoted, "q.yaml"))
    assert sc.stance("P", "border").position == pytest.approx(20.0)  # type: ignore[union-attr]


def test_bargain_says_when_red_lines_leave_an_issue_one_option(tmp_path: Path) -> None:
    text = CEASEFIRE.replace(
        "{actor: A, issue: line, position: 100, salience: 90}",
        "{actor: A, issue: line, position: 100, salience: 90, red_line: {side: below, value: 70}}"
    ).replace(
        "{actor: B, issue: line, position: 0, salience: 95}",
        "{actor: B, issue: line, position: 0, salience: 95, red_line: {side: above, value: 50}}")
    p = _write(tmp_path, text)
    r = runner.invoke(app, ["bargain", str(p), "--a", "A", "--b", "B"])
    assert r.exit_code == 0, r.output
    # before: "B ideal" showed line = 100 (B's position is 0) with no word on why
    assert "on line only 100 is left" in r.output
    assert "on monitors only" not in r.output


# -- web: a scenario with a non-Latin name downloads -------------------------------------------
UNICODE = """\
name: "Ελλάδα–Türkiye: Ege"
actors:
  - {id: GRC, name: "Ελλάδα", capability: 0.3}
  - {id: TUR, name: "Türkiye", capability: 0.7}
  - {id: 中国, capability: 0}
issues:
  - {id: ege, name: "Ege / Αιγαίο", scale_min: -5, scale_max: 5, status_quo: 0}
stances:
  - {actor: GRC, issue: ege, position: -5, salience: 100}
  - {actor: TUR, issue: ege, position: 4.5, salience: 0}
  - {actor: 中国, issue: ege, position: 0, salience: 5}
"""


def test_web_download_of_a_scenario_with_a_non_latin_name() -> None:
    pytest.importorskip("fastapi")
    from urllib.parse import unquote

    from fastapi.testclient import TestClient

    from detente.web import WebSettings, create_app

    with TestClient(create_app(WebSettings(db="shipped")), raise_server_exceptions=False) as c:
        up = c.post("/api/scenarios", json={"yaml": UNICODE})
        assert up.status_code == 200, up.text
        h = up.json()["hash"]
        r = c.get("/scenarios/download", params={"s": h})
        assert r.status_code == 200  # before: 500, a non-Latin-1 filename in the header
        cd = r.headers["content-disposition"]
        assert 'filename="' in cd and cd.isascii()
        assert unquote(cd.split("filename*=UTF-8''")[1]).startswith("Ελλάδα")
        assert load_scenario_text(r.text).name == "Ελλάδα–Türkiye: Ege"


def load_scenario_text(text: str) -> object:
    from detente.scenario import read_yaml_text

    return read_yaml_text(text, "download")


# -- what-if errors name the --set that caused them --------------------------------------------
@pytest.mark.parametrize(("sets", "blamed", "not_blamed"), [
    (["P.border.position=50", "border.status_quo=-1"], "--set border.status_quo=-1",
     "--set P.border.position=50"),
    (["P.border.salience=-5", "Q.capability=2"], "--set P.border.salience=-5",
     "--set Q.capability=2"),
    (["Q.capability=-1", "P.border.position=30"], "--set Q.capability=-1",
     "--set P.border.position=30"),
])
def test_a_what_if_error_names_its_set(tmp_path: Path, sets: list[str], blamed: str,
                                       not_blamed: str) -> None:
    from detente.errors import InputError
    from detente.uncertainty import apply_whatif

    sc = load_scenario(_write(tmp_path, TWO))
    with pytest.raises(InputError) as e:
        apply_whatif(sc, sets)
    msg = str(e.value)
    # before: "what-if: issues.0: Value error, status_quo -1.0 is outside ..." (no --set named)
    assert blamed in msg and not_blamed not in msg
    assert "Value error" not in msg and "issues.0" not in msg


# -- every command on the review's scenarios: no traceback, no internal error ---------------------
SCENARIOS = sorted(p.name for p in DATA.glob("*") if p.suffix in (".yaml", ".csv"))


@pytest.mark.parametrize("name", SCENARIOS)
@pytest.mark.parametrize("argv", [
    ["forecast", "{f}", "-m", "compromise", "-m", "median", "-m", "nash", "-m", "eum",
     "-m", "crisis", "--explain"],
    ["forecast", "{f}", "-m", "compromise", "-f", "json"],
    ["simulate", "{f}", "-m", "compromise", "-m", "nash", "-n", "40", "--jitter", "position=10"],
    ["sensitivity", "{f}", "-n", "8", "--method", "morris", "--jitter", "position=10"],
    ["diff", "{f}", "{f}", "--set", "{first}.capability=0.5"],
    ["show", "{f}"],
])
def test_every_command_runs_on_the_review_scenarios(name: str, argv: list[str]) -> None:
    f = DATA / name
    first = load_scenario(f).actor_ids[0]
    r = runner.invoke(app, [a.format(f=f, first=first) for a in argv])
    assert r.exit_code == 0, r.output
    assert "Traceback" not in r.output and "internal error" not in r.output


def test_web_forecast_page_shows_a_tiny_scale_to_its_precision() -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from detente.web import WebSettings, create_app

    with TestClient(create_app(WebSettings(db="shipped"))) as c:
        h = c.post("/api/scenarios", json={"yaml": TINY}).json()["hash"]
        page = c.get("/forecast", params={"s": h, "model": "compromise"}).text
        api = c.post("/api/forecast", json={"scenario": h, "models": ["compromise"]}).json()
    value = next(m for m in api["models"] if m["model"] == "compromise")
    expected = (0.3 * 0.0001 + 0.7 * 0.0009) / 1.0  # capability × salience weighted mean
    assert value["issues"][0]["outcome"] == pytest.approx(expected)
    # before: <td>0.0</td> for the status quo and every model
    assert "<td>0.00050</td>" in page and f"<td>{expected:.5f}</td>" in page


def test_report_on_a_tiny_scale_keeps_its_precision(tmp_path: Path) -> None:
    from detente.report import build_report, render_html

    sc = load_scenario(_write(tmp_path, TINY))
    rep = build_report(sc, models=["compromise", "median"])
    expected = (0.3 * 0.0001 + 0.7 * 0.0009) / 1.0  # the compromise: weighted mean
    html = render_html(rep)
    assert f"{expected:.6f}" in html  # forecast table; before: 0.00
    text = next(j.text for j in rep.judgements if j.text.startswith("tiny"))
    # before: "between 0 and 0 (median 0), 0 points from the status quo toward “”"
    assert "between 0 and 0" not in text and "“”" not in text
    assert "toward the top of the scale" in text


def test_bargain_at_full_trust_shows_the_zone_once(tmp_path: Path) -> None:
    p = _write(tmp_path, CEASEFIRE)
    r = runner.invoke(app, ["bargain", str(p), "--a", "A", "--b", "B"])
    assert r.exit_code == 0, r.output
    zone = r.output.split("zone of possible agreement")[1].split("trust:")[0]
    assert "1 (full)" in zone
    assert "│ 1.000" not in zone  # before: the full-trust row printed twice
    r2 = runner.invoke(app, ["bargain", str(p), "--a", "A", "--b", "B", "--trust", "0.5"])
    assert "│ 0.500" in r2.output.split("zone of possible agreement")[1]


def test_diff_shows_how_the_episode_probabilities_move() -> None:
    from detente.collective import forecast
    from detente.uncertainty import diff_scenarios

    f = DATA / "ceasefire-hypothetical.yaml"
    a = load_scenario(f)
    text = f.read_text(encoding="utf-8").replace("cost: 0.2", "cost: 0.0").replace(
        "target_cost: 0.5", "target_cost: 0.9")
    b = load_scenario_text(text)
    d = diff_scenarios(a, b, ["crisis"])  # type: ignore[arg-type]
    fa, fb = forecast(a, "crisis", rng=0), forecast(b, "crisis", rng=0)  # type: ignore[arg-type]
    got = {(k): (x, y) for _, k, x, y in d.episodes}
    assert set(got) == {"agreement", "no_agreement", "escalation"}  # before: not shown at all
    for k, (x, y) in got.items():
        assert x == pytest.approx(fa.episode[k]) and y == pytest.approx(fb.episode[k])
    assert [e["outcome"] for e in d.as_dict()["episodes"]] == list(got)
    r = runner.invoke(app, ["diff", str(f), str(f), "-m", "crisis", "--set", "A.capability=5"])
    assert r.exit_code == 0, r.output
    assert "episode probabilities" in r.output and "escalation" in r.output


def test_report_without_status_quo_keeps_credibility_and_skips_only_bargaining(
        tmp_path: Path) -> None:
    from detente.report import build_report

    text = """\
name: usa-rus-no-sq
as_of: "2022-01-10"
actors:
  - {id: USA, capability: 42}
  - {id: RUS, capability: 18}
issues:
  - {id: arms}
stances:
  - {actor: USA, issue: arms, position: 70, salience: 80}
  - {actor: RUS, issue: arms, position: 20, salience: 90}
"""
    rep = build_report(load_scenario(_write(tmp_path, text)), a="USA", b="RUS",
                       models=["compromise"])
    sections = {s.key: s for s in rep.sections}
    # before: the bargaining's InputError (no status quo) failed the whole report
    assert "no status_quo" in (sections["bargaining"].skipped or "")
    assert not sections["credibility"].skipped
    assert set(rep.data["credibility"]) == {"USA->RUS", "RUS->USA"}
    assert sum("keeps a commitment" in j.text for j in rep.judgements) == 2
