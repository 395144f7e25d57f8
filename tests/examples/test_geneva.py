"""The shipped ``geneva-2022`` example: it loads, every number is documented, capabilities follow
the formula stated in the file (recomputed from the shared capability indicators), the review
changes are exactly the documented ones, and the baseline models forecast every issue.
"""

from __future__ import annotations

import csv
import json
import math
import re
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.collective import forecast
from detente.examples import example_path, list_examples, load_example
from detente.scenario import Scenario, load_scenario

REF = Path(__file__).resolve().parents[3] / "shared" / "reference" / "geneva-2022"
CAPS_CSV = REF / "geneva-2022-capabilities.csv"
ESTIMATES_CSV = REF / "geneva-2022-estimates.csv"
needs_shared = pytest.mark.skipif(
    not CAPS_CSV.is_file(), reason=f"shared reference data not found at {REF}"
)

ACTORS = ("USA", "RUS", "UKR", "DEU", "FRA", "GBR", "POL", "EST", "LVA", "LTU", "BLR", "CHN",
          "TUR", "HUN")
ISSUES = ("open_door", "eastern_posture", "inf_missiles", "russian_forces", "sanctions",
          "transparency")
SHEET_CODES = {
    "a_open_door_ukraine": "open_door",
    "b_forces_post1997_members": "eastern_posture",
    "c_inf_missiles_europe": "inf_missiles",
    "d_russian_forces_near_ukraine": "russian_forces",
    "e_sanctions_if_escalation": "sanctions",
    "f_exercises_transparency": "transparency",
}
# indicator name in the shared CSV -> how the actor note states it
INDICATORS = {
    "military_expenditure": re.compile(r"milex ([\d.]+) USD bn \(SIPRI 2021, ([^)]*)\)"),
    "gdp": re.compile(r"GDP ([\d.]+) USD bn \(World Bank 2021, ([^)]*)\)"),
    "nuclear_warheads_total_inventory": re.compile(
        r"warheads (\d+) \(SIPRI Yearbook 2022[^)]*?(verified|unverified)\)"
    ),
    "active_military_personnel": re.compile(
        r"personnel (\d+) \(IISS Military Balance 2022, ([^)]*)\)"
    ),
}
# The review changes recorded in docs/geneva-2022.md: (actor, issue) -> {field: (sheet, file)}.
REVIEW_CHANGES = {
    ("DEU", "open_door"): {"position": (50, 55)},
    ("HUN", "open_door"): {"position": (40, 50)},
    ("HUN", "eastern_posture"): {"position": (30, 40)},
    ("CHN", "russian_forces"): {"position": (35, 45)},
    ("BLR", "sanctions"): {"salience": (70, 50)},
}
MODELS = ("compromise", "median", "nash")


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    return load_example("geneva-2022")


def capability_formula(
    values: dict[tuple[str, str], float], actors: tuple[str, ...]
) -> dict[str, float]:
    """The file's formula: 100 x the mean over the four indicators of the actor's share."""
    totals = {i: sum(values[(a, i)] for a in actors) for i in INDICATORS}
    return {a: 100.0 * sum(values[(a, i)] / totals[i] for i in INDICATORS) / len(INDICATORS)
            for a in actors}


def shared_indicators() -> tuple[dict[tuple[str, str], float], set[tuple[str, str]]]:
    values: dict[tuple[str, str], float] = {}
    unverified: set[tuple[str, str]] = set()
    with CAPS_CSV.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = (row["actor_iso3"], row["indicator"])
            if row["indicator"] not in INDICATORS:
                continue
            values[key] = float(row["value"])
            if not row["source"].startswith("[verified]"):
                unverified.add(key)
    return values, unverified


def note_indicators(sc: Scenario) -> dict[tuple[str, str], tuple[float, str]]:
    out = {}
    for a in sc.actors:
        for ind, pattern in INDICATORS.items():
            m = pattern.search(a.note)
            assert m, f"actor {a.id}: note does not state {ind} in the documented form"
            out[(a.id, ind)] = (float(m.group(1)), m.group(2))
    return out


def _is_url_list(text: str) -> bool:
    parts = [p.strip() for p in text.split(" ; ")]
    return bool(parts) and all(re.match(r"https?://\S+$", p) for p in parts)


# -- loading ----------------------------------------------------------------------------------
def test_loads_by_name_and_by_path(scenario: Scenario) -> None:
    assert "geneva-2022" in list_examples()
    assert load_scenario(example_path("geneva-2022")) == scenario
    assert scenario.actor_ids == ACTORS
    assert scenario.issue_ids == ISSUES
    assert scenario.date == "2022-01-10"
    pairs = {(s.actor, s.issue) for s in scenario.stances}
    assert pairs == {(a, i) for a in ACTORS for i in ISSUES}  # every actor on every issue


def test_description_says_it_is_illustrative(scenario: Scenario) -> None:
    text = scenario.description.lower()
    assert "illustrative" in text
    assert "not a claim of truth" in text
    assert "estimate" in text


# -- documentation of every number ------------------------------------------------------------
def test_every_actor_issue_and_stance_has_note_and_url_source(scenario: Scenario) -> None:
    items = [("actor", a.id, a.note, a.source) for a in scenario.actors]
    items += [("issue", i.id, i.note, i.source) for i in scenario.issues]
    items += [("stance", f"{s.actor}/{s.issue}", s.note, s.source) for s in scenario.stances]
    bad = [f"{kind} {key}" for kind, key, note, source in items
           if not note.strip() or not _is_url_list(source)]
    assert not bad, f"missing note or http(s) source: {bad}"


def test_stance_notes_say_they_are_estimates(scenario: Scenario) -> None:
    for s in scenario.stances:
        assert "Analyst estimate, not a fact" in s.note, (s.actor, s.issue)
        assert re.search(r"Confidence: (high|medium|low)\b", s.note), (s.actor, s.issue)


def test_each_issue_has_meanings_and_status_quo(scenario: Scenario) -> None:
    for i in scenario.issues:
        assert i.low and i.high and i.low != i.high
        assert i.status_quo is not None
        assert i.scale_min == 0 and i.scale_max == 100
        assert 0 <= i.status_quo <= 100
        assert f"Status quo {i.status_quo:g}" in i.note  # the reasoning names the value


# -- capability: documented formula over the listed indicators ---------------------------------
def test_capability_recomputed_from_the_notes(scenario: Scenario) -> None:
    stated = {k: v for k, (v, _) in note_indicators(scenario).items()}
    expected = capability_formula(stated, scenario.actor_ids)
    for a in scenario.actors:
        assert a.capability == pytest.approx(round(expected[a.id], 2), abs=1e-9), a.id
        assert f"Capability {a.capability:.2f}" in a.note
    assert sum(a.capability for a in scenario.actors) == pytest.approx(100.0, abs=0.005 * 14)


@needs_shared
def test_capability_recomputed_from_the_shared_csv(scenario: Scenario) -> None:
    values, _ = shared_indicators()
    expected = capability_formula(values, scenario.actor_ids)
    got = {a.id: a.capability for a in scenario.actors}
    assert got == {a: round(v, 2) for a, v in expected.items()}


@needs_shared
def test_note_indicators_match_the_csv_and_flag_unverified_cells(scenario: Scenario) -> None:
    values, unverified = shared_indicators()
    for (actor, ind), (value, status) in note_indicators(scenario).items():
        assert value == values[(actor, ind)], (actor, ind)
        if (actor, ind) in unverified:
            assert "unverified" in status, (actor, ind)
        else:
            assert status == "verified", (actor, ind)


@needs_shared
def test_unverified_indicators_move_capability_by_less_than_documented_bound(
    scenario: Scenario,
) -> None:
    # docs/geneva-2022.md: +-25% on any single unverified cell moves no capability by > 1.6
    values, unverified = shared_indicators()
    cells = [c for c in unverified if c[0] in scenario.actor_ids]
    assert len(cells) == 22
    base = capability_formula(values, scenario.actor_ids)
    worst = 0.0
    for cell in cells:
        for factor in (0.75, 1.25):
            changed = dict(values)
            changed[cell] *= factor
            caps = capability_formula(changed, scenario.actor_ids)
            worst = max(worst, max(abs(caps[a] - base[a]) for a in base))
    assert 1.5 < worst < 1.6


# -- the review of the estimates --------------------------------------------------------------
@needs_shared
def test_stances_equal_the_estimates_sheet_except_documented_changes(scenario: Scenario) -> None:
    sheet: dict[tuple[str, str], tuple[float, float]] = {}
    with ESTIMATES_CSV.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["actor_code"] in ACTORS:
                key = (row["actor_code"], SHEET_CODES[row["issue"]])
                sheet[key] = (float(row["position_0_100"]), float(row["salience_0_100"]))
    assert len(sheet) == len(scenario.stances)
    for s in scenario.stances:
        pos, sal = sheet[(s.actor, s.issue)]
        change = REVIEW_CHANGES.get((s.actor, s.issue), {})
        if "position" in change:
            assert (pos, s.position) == change["position"], (s.actor, s.issue)
        else:
            assert s.position == pos, (s.actor, s.issue)
        if "salience" in change:
            assert (sal, s.salience) == change["salience"], (s.actor, s.issue)
        else:
            assert s.salience == sal, (s.actor, s.issue)
        assert ("REVIEW:" in s.note) == bool(change), (s.actor, s.issue)


# -- the models on this file ------------------------------------------------------------------
@pytest.mark.parametrize("model", MODELS)
def test_baselines_forecast_every_issue(scenario: Scenario, model: str) -> None:
    f = forecast(scenario, model)
    assert f.issue_ids == ISSUES
    assert np.all(np.isfinite(f.outcomes)), f.notes
    for k, iss in enumerate(ISSUES):
        positions = [s.position for s in scenario.stances if s.issue == iss]
        assert min(positions) <= f.outcomes[k] <= max(positions), (model, iss)


def test_nash_keeps_status_quo_exactly_where_some_actor_loses_from_any_move(
    scenario: Scenario,
) -> None:
    # Nash with the status quo q as disagreement point: the solution is q when no outcome
    # improves on q for every actor, i.e. when actors sit on both sides of q or at q.
    f = forecast(scenario, "nash")
    for k, iss in enumerate(scenario.issues):
        q = iss.status_quo
        assert q is not None
        positions = [s.position for s in scenario.stances if s.issue == iss.id]
        straddles = min(positions) <= q <= max(positions)
        if straddles:
            assert f.outcomes[k] == pytest.approx(q), iss.id
        else:
            assert min(positions) < f.outcomes[k] < max(positions), iss.id
    # both issues on which every actor wants to move from the status quo in one direction
    assert {i.id for k, i in enumerate(scenario.issues) if f.outcomes[k] != i.status_quo} == {
        "inf_missiles", "transparency"}


def test_usa_rus_bilateral_reading(scenario: Scenario) -> None:
    """Documented reading: shared gains on missiles and transparency, opposed elsewhere; Russia
    cares more about the open door and posture, the US about forces and sanctions."""
    for iss in scenario.issues:
        us = scenario.stance("USA", iss.id)
        ru = scenario.stance("RUS", iss.id)
        assert us is not None and ru is not None
        assert us.salience > 0 and ru.salience > 0
        q = iss.status_quo
        assert q is not None
        same_side = (us.position - q) * (ru.position - q) > 0
        assert same_side == (iss.id in {"inf_missiles", "transparency"}), iss.id

    def sal(actor: str, issue: str) -> float:
        s = scenario.stance(actor, issue)
        assert s is not None
        return s.salience

    for issue in ("open_door", "eastern_posture"):
        assert sal("RUS", issue) > sal("USA", issue)
    for issue in ("russian_forces", "sanctions"):
        assert sal("USA", issue) > sal("RUS", issue)


def test_cli_forecast_json_on_the_file(scenario: Scenario) -> None:
    result = CliRunner().invoke(
        app, ["forecast", str(example_path("geneva-2022")), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["scenario"] == "geneva-2022"
    for fc in doc["forecasts"]:
        direct = forecast(scenario, fc["model"]).outcomes
        got = [row["outcome"] for row in fc["issues"]]
        assert [row["issue"] for row in fc["issues"]] == list(ISSUES)
        assert all(isinstance(x, float) and math.isfinite(x) for x in got)
        assert got == pytest.approx(list(direct))
