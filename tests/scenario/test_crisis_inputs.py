"""Crisis inputs in the scenario language: decision, private stance, red line, commitment,
outside options, linkage — validation with located errors and write → read round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.scenario import (
    Joint,
    Linkage,
    RedLine,
    Scenario,
    ScenarioError,
    Unilateral,
    load_scenario,
    write_scenario,
)

GOOD = """\
name: t
outside_options:
  - actor: RUS
    target: [UKR]
    cost: 0.25
    target_cost: 0.4
    imposes: {forces: 100}
    date: 2021-12-21
linkage:
  - conditional: sanctions
    on: escalation
  - package: [forces, open_door]
actors: [{id: RUS, capability: 3}, {id: USA, capability: 5}, {id: UKR, capability: 1}]
issues:
  - {id: forces, status_quo: 50, decision: {unilateral: RUS}}
  - {id: open_door, status_quo: 100, decision: {joint: [USA, RUS]}}
  - {id: sanctions, status_quo: 0}
stances:
  - {actor: RUS, issue: open_door, position: 0, salience: 95, commitment: 0.9,
     private: {position: 20}, red_line: {side: above, value: 60}}
  - {actor: USA, issue: open_door, position: 100, salience: 80}
"""


def _write(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_reads_every_crisis_field(tmp_path: Path) -> None:
    sc = load_scenario(_write(tmp_path, GOOD))
    assert sc.issue("forces").decision == Unilateral(unilateral="RUS")
    assert sc.issue("open_door").decision == Joint(joint=("USA", "RUS"))
    assert sc.issue("sanctions").decision == "collective"
    st_ = sc.stance("RUS", "open_door")
    assert st_ is not None and st_.commitment == 0.9
    assert st_.private is not None and st_.private.position == 20
    assert st_.private.salience is None
    assert st_.red_line == RedLine(side="above", value=60)
    assert st_.red_line.allows(60) and not st_.red_line.allows(60.1)
    o = sc.outside_options[0]
    assert (o.actor, o.target, o.cost, o.target_cost, o.p_prevail) == ("RUS", ("UKR",), 0.25,
                                                                       0.4, None)
    assert o.date == "2021-12-21"  # an unquoted YAML date stays text
    # YAML 1.1 reads the key `on` as True: still understood
    assert sc.linkage[0] == Linkage(conditional="sanctions", on="escalation")
    assert sc.linkage[1].package == ("forces", "open_door")


def test_a_single_target_may_be_written_without_a_list(tmp_path: Path) -> None:
    alone = load_scenario(_write(tmp_path, GOOD.replace("target: [UKR]", "target: UKR")))
    assert alone.outside_options[0].target == ("UKR",)
    assert alone == load_scenario(_write(tmp_path, GOOD))
    with pytest.raises(ScenarioError, match="cannot be its own target"):
        load_scenario(_write(tmp_path, GOOD.replace("target: [UKR]", "target: RUS")))


def test_old_files_read_unchanged(tmp_path: Path) -> None:
    sc = load_scenario(_write(tmp_path, "actors: [{id: A}]\nissues: [{id: x}]\n"
                              "stances: [{actor: A, issue: x, position: 1, salience: 2}]\n"))
    assert sc.outside_options == () and sc.linkage == ()
    assert sc.issues[0].decision == "collective" and sc.stances[0].commitment == 0.0


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("unilateral: RUS", "unilateral: XX", "line 15: field 'unilateral': unknown actor 'XX'"),
        ("joint: [USA, RUS]", "joint: [USA, ZZ]", "field 'joint': unknown actor 'ZZ'"),
        ("joint: [USA, RUS]", "joint: [USA, USA]", "listed twice"),
        ("value: 60", "value: 160", "line 20: field 'value': red line 160 is outside"),
        ("side: above", "side: over", "line 20: field 'side'"),
        ("position: 20}", "position: -3}", "private position -3 is outside"),
        ("forces: 100}", "forces: 200}", "line 7: field 'forces': imposed position 200"),
        ("imposes: {forces: 100}", "imposes: {nope: 1}", "line 7: field 'imposes': unknown "
                                                         "issue 'nope'"),
        ("cost: 0.25", "cost: 1.25", "line 5: field 'cost'"),
        ("target_cost: 0.4", "target_cost: -0.1", "line 6: field 'target_cost'"),
        ("target: [UKR]", "target: [RUS]", "cannot be its own target"),
        ("target: [UKR]", "target: [FRA]", "unknown actor 'FRA'"),
        ("- actor: RUS\n", "- actor: FRA\n", "line 3: field 'actor': unknown actor 'FRA'"),
        ("[forces, open_door]", "[forces, nope]", "line 12: field 'package': unknown issue"),
        ("[forces, open_door]", "[forces, forces]", "at least two different issues"),
        ("conditional: sanctions", "conditional: sanction", "unknown issue 'sanction'"),
        ("    on: escalation\n", "", "needs 'on'"),
        ("commitment: 0.9", "commitment: 1.9", "line 19: field 'commitment'"),
    ],
)
def test_located_errors(tmp_path: Path, old: str, new: str, expected: str) -> None:
    assert old in GOOD
    with pytest.raises(ScenarioError) as info:
        load_scenario(_write(tmp_path, GOOD.replace(old, new, 1)))
    assert expected in str(info.value), str(info.value)


def test_csv_decision_error_is_located(tmp_path: Path) -> None:
    sc = load_scenario(_write(tmp_path, GOOD))
    write_scenario(sc, tmp_path / "s.csv")
    text = (tmp_path / "s.csv").read_text().replace("unilateral:RUS", "dictator:RUS")
    bad = _write(tmp_path, text, "bad.csv")
    with pytest.raises(ScenarioError) as info:
        load_scenario(bad)
    assert "field 'decision'" in str(info.value) and "line 8" in str(info.value)


def test_with_stances_keeps_crisis_inputs(tmp_path: Path) -> None:
    sc = load_scenario(_write(tmp_path, GOOD))
    back = sc.with_stances(sc.stances[:1])
    assert back.outside_options == sc.outside_options and back.linkage == sc.linkage


# -- round trip property ----------------------------------------------------------------------
_ids = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ_-é", min_size=1, max_size=5)
_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=12).map(
    str.strip
)
_unit = st.floats(0, 1)


@st.composite
def crisis_scenarios(draw: st.DrawFn) -> Scenario:
    actors = draw(st.lists(_ids, min_size=2, max_size=4, unique=True))
    issue_ids = draw(st.lists(_ids, min_size=2, max_size=4, unique=True))
    issues = []
    for i in issue_ids:
        lo = draw(st.sampled_from([0.0, -5.0]))
        hi = lo + draw(st.sampled_from([10.0, 100.0]))
        dec = draw(st.sampled_from(["collective", "unilateral", "joint"]))
        decision: object = "collective"
        if dec == "unilateral":
            decision = {"unilateral": draw(st.sampled_from(actors))}
        elif dec == "joint":
            decision = {"joint": draw(st.lists(st.sampled_from(actors), min_size=1,
                                               unique=True))}
        issues.append({"id": i, "status_quo": draw(st.none() | st.floats(lo, hi)),
                       "scale_min": lo, "scale_max": hi, "decision": decision})
    stances = []
    for a in actors:
        for iss in issues:
            if not draw(st.booleans()):
                continue
            lo, hi = iss["scale_min"], iss["scale_max"]
            own = [draw(st.floats(lo, hi))]
            s: dict[str, object] = {"actor": a, "issue": iss["id"],
                                    "position": own[0],
                                    "salience": draw(st.floats(0, 100)),
                                    "commitment": draw(_unit)}
            if draw(st.booleans()):
                own.append(draw(st.floats(lo, hi)))
                s["private"] = {"position": own[1],
                                "salience": draw(st.none() | st.floats(0, 100)),
                                "note": draw(_text), "source": draw(_text)}
            if draw(st.booleans()):  # a red line its own actor's positions respect
                side = draw(st.sampled_from(["above", "below"]))
                s["red_line"] = {"side": side,
                                 "value": draw(st.floats(max(own), hi) if side == "above"
                                               else st.floats(lo, min(own))),
                                 "note": draw(_text)}
            stances.append(s)
    options = []
    for _ in range(draw(st.integers(0, 2))):
        who = draw(st.sampled_from(actors))
        iss = draw(st.sampled_from(issues))
        options.append({
            "actor": who, "target": [a for a in actors if a != who][:1],
            "action": draw(_text), "p_prevail": draw(st.none() | _unit),
            "cost": draw(_unit), "target_cost": draw(_unit),
            "imposes": {iss["id"]: draw(st.floats(iss["scale_min"], iss["scale_max"]))},
            "note": draw(_text),
        })
    linkage: list[dict[str, object]] = [{"package": issue_ids[:2], "note": draw(_text)}]
    if len(issue_ids) > 2:
        linkage.append({"conditional": issue_ids[2],
                        "on": draw(st.sampled_from(["escalation", "agreement",
                                                    "no_agreement"]))})
    return Scenario.model_validate({
        "name": "s", "actors": [{"id": a} for a in actors], "issues": issues,
        "stances": stances, "outside_options": options, "linkage": linkage,
    })


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sc=crisis_scenarios(), suffix=st.sampled_from([".yaml", ".csv"]))
def test_crisis_inputs_round_trip(tmp_path: Path, sc: Scenario, suffix: str) -> None:
    path = tmp_path / f"s{suffix}"
    write_scenario(sc, path)
    back = load_scenario(path)
    if suffix == ".csv":
        assert {i.id: i for i in back.issues} == {i.id: i for i in sc.issues}
        assert back.stances == sc.stances
        assert back.outside_options == sc.outside_options
        assert back.linkage == sc.linkage
    else:
        assert back == sc
