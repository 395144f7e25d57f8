"""Review 13: an issue's own checks (status quo on its scale, a scale the right way round) are
reported at the field, not at the issue as a whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.scenario import ScenarioError, load_scenario

DOC = """\
name: trade dispute
actors:
  - {{id: USA, capability: 100}}
  - {{id: CHN, capability: 80}}
issues:
  - id: tariffs
    name: Tariff level
    scale_min: {lo}
    scale_max: {hi}
    status_quo: {sq}
stances:
  - {{actor: USA, issue: tariffs, position: 40, salience: 80}}
  - {{actor: CHN, issue: tariffs, position: 10, salience: 90}}
"""


@pytest.mark.parametrize(("lo", "hi", "sq", "field", "line"), [
    (0, 100, 180, "status_quo", 10),
    (50, 10, 30, "scale_max", 9),
])
def test_an_issue_check_names_its_field_and_line(
        lo: int, hi: int, sq: int, field: str, line: int, tmp_path: Path) -> None:
    f = tmp_path / "trade.yaml"
    f.write_text(DOC.format(lo=lo, hi=hi, sq=sq), encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_scenario(f)
    first = e.value.messages[0]
    assert f"trade.yaml, line {line}: field '{field}':" in first, first


LONG = """\
# name: ceasefire
actor,actor_name,capability,issue,issue_name,status_quo,position,salience
ARM,Armenia,30,line,Line of contact,50,20,90
AZE,Azerbaijan,60,line,Line of contact,{sq},90,90
ARM,Armenia,{cap},prisoners,Prisoner exchange,,80,40
AZE,Azerbaijan,60,prisoners,,,70,30
"""


@pytest.mark.parametrize(("sq", "cap", "line", "field", "said"), [
    ("60", "30", 4, "status_quo", "'60' differs from '50' given for issue 'line' on line 3"),
    ("50", "35", 5, "capability", "'35' differs from '30' given for actor 'ARM' on line 3"),
])
def test_long_csv_refuses_a_repeated_column_that_changes(
        sq: str, cap: str, line: int, field: str, said: str, tmp_path: Path) -> None:
    # the first row's value had been kept and the other dropped in silence
    f = tmp_path / "c.csv"
    f.write_text(LONG.format(sq=sq, cap=cap), encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_scenario(f)
    assert e.value.messages == (f"{f}, line {line}: field '{field}': {said}: expected the same "
                                f"{field} on each of its rows (or the cell left blank)",)


def test_long_csv_takes_repeats_blanks_and_the_same_number_written_otherwise(
        tmp_path: Path) -> None:
    f = tmp_path / "c.csv"
    f.write_text(LONG.format(sq="50.0", cap="30"), encoding="utf-8")
    sc = load_scenario(f)
    assert [a.capability for a in sc.actors] == [30, 60]
    assert sc.issues[0].status_quo == 50 and sc.issues[1].name == "Prisoner exchange"


def test_a_json_scenario_is_read_with_lines(tmp_path: Path) -> None:
    # a .json file (the API's 'document', saved) had gone to the one-issue CSV reader, which
    # answered with its whole text as 'missing column' three times over
    import json

    doc = {"name": "trade", "actors": [{"id": "USA", "capability": 100},
                                       {"id": "CHN", "capability": 80}],
           "issues": [{"id": "tariffs", "status_quo": 25}],
           "stances": [{"actor": "USA", "issue": "tariffs", "position": 60, "salience": 80},
                       {"actor": "CHN", "issue": "tariffs", "position": 1e-05,
                        "salience": 90}]}
    f = tmp_path / "trade.json"
    f.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    sc = load_scenario(f)
    assert [s.position for s in sc.stances] == [60, 1e-05]
    doc["stances"][1]["salience"] = 170
    f.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_scenario(f)
    text = json.dumps(doc, indent=2).splitlines()
    line = next(k for k, t in enumerate(text, 1) if '"salience": 170' in t)
    assert e.value.messages == (f"{f}, line {line}: field 'salience': Input should be less than "
                                "or equal to 100 (got 170)",)
    f.write_text(json.dumps(doc, indent=2)[:-10], encoding="utf-8")
    with pytest.raises(ScenarioError, match="not valid JSON"):
        load_scenario(f)
    g = tmp_path / "trade.txt"  # no telling suffix: '{' on the first line says JSON
    g.write_text(json.dumps({**doc, "stances": doc["stances"][:1]}), encoding="utf-8")
    assert load_scenario(g).name == "trade"


def test_a_missing_column_message_shows_the_header_cut_short(tmp_path: Path) -> None:
    f = tmp_path / "wide.csv"
    f.write_text("Actor,Power," + ",".join(f"c{i}" for i in range(20)) + "," + "x" * 80
                 + "\na,1\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_scenario(f)
    first = e.value.messages[0]
    assert "found 'Actor', 'Power', 'c0'" in first and "(23 cells in all)" in first
    assert "x" * 31 not in first and len(first) < 400


def test_a_duplicate_points_at_the_line_of_the_first(tmp_path: Path) -> None:
    # '(first defined as actors[0])' named a list index, which a CSV file does not have
    f = tmp_path / "dup.csv"
    f.write_text("Actor,Capability,Position,Salience\nUSA,100,90,80\nCHN,80,10,90\n"
                 "USA,80,10,90\n", encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_scenario(f)
    assert e.value.messages == (
        f"{f}, line 4: field 'id': duplicate actor id 'USA' (first defined on line 2)",
        f"{f}, line 4: field 'actor': second stance for actor 'USA' on issue 'issue' "
        "(first on line 2)",
    )
    g = tmp_path / "dup.yaml"
    g.write_text(DOC.format(lo=0, hi=100, sq=20).replace(
        "  - {id: CHN, capability: 80}", "  - {id: CHN, capability: 80}\n"
        "  - {id: USA, capability: 5}"), encoding="utf-8")
    with pytest.raises(ScenarioError) as e:
        load_scenario(g)
    assert "line 5: field 'id': duplicate actor id 'USA' (first defined on line 3)" in \
        e.value.messages[0]


def test_an_outcomes_csv_with_semicolons_takes_a_decimal_comma(tmp_path: Path) -> None:
    # a spreadsheet saved in a European locale: ';' between cells, ',' in numbers; the
    # scenario CSVs read it, the outcomes file had refused '25,5' as not a number
    from detente.scenario import read_outcomes

    sc = tmp_path / "trade.yaml"
    sc.write_text(DOC.format(lo=0, hi=100, sq=20), encoding="utf-8")
    obs = tmp_path / "obs.csv"
    obs.write_bytes("\ufeffissue;value;date\r\ntariffs;25,5;2019-12-13\r\n".encode())
    out = read_outcomes(obs, load_scenario(sc))
    assert out.issues[0].observed is not None and out.issues[0].observed.value == 25.5
