"""Readers and writers: shared real cases, located errors, round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.scenario import (
    Scenario,
    ScenarioError,
    load_scenario,
    read_deu,
    read_one_issue_csv,
    write_scenario,
)

CASES = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "cases"


@pytest.mark.parametrize(
    ("name", "n_actors", "n_issues", "scale"),
    [
        pytest.param("bdm/jmckib_ExampleActors_EC_emissions.csv", 10, 1, (4, 10), id="ec-0-1-sal"),
        pytest.param("bdm/dmasad_ExampleActors.csv", 10, 1, (4, 10), id="ec-0-100-sal"),
        pytest.param("bdm/decisionmechanics_emission-standards.tsv", 10, 1, (4, 10), id="tsv"),
        pytest.param("bdm/dmasad_ChinaData.csv", 24, 1, (10, 100), id="stakeholder"),
        pytest.param("bdm/havenawilliams_ukraine_data.csv", 13, 1, (0.01, 1), id="extra-cols"),
        pytest.param("bdm/jmckib_Sultan.csv", 17, 1, (12.85, 14.25), id="sultan"),
        pytest.param("ktab/dummyData_3Dim.csv", 7, 3, (0, 100), id="ktab-3d"),
        pytest.param("ktab/SOE-Policy.csv", 26, 1, (0, 100), id="ktab-soe"),
        pytest.param("decide/sample_data.txt", 10, 6, None, id="decide-quoted"),
        pytest.param("decide/copenhagen.csv", 11, 7, (0, 100), id="decide-copenhagen"),
        pytest.param("decide/cop21.csv", 15, 13, None, id="decide-cop21"),
    ],
)
def test_reads_shared_cases(
    name: str, n_actors: int, n_issues: int, scale: tuple[float, float] | None
) -> None:
    sc = load_scenario(CASES / name)
    assert len(sc.actors) == n_actors
    assert len(sc.issues) == n_issues
    if scale is not None:
        assert (sc.issues[0].scale_min, sc.issues[0].scale_max) == pytest.approx(scale)


def test_one_issue_salience_scales_agree() -> None:
    """The same case coded with salience on 0-1 and on 0-100 reads the same."""
    a = load_scenario(CASES / "bdm/jmckib_ExampleActors_EC_emissions.csv")
    b = load_scenario(CASES / "bdm/dmasad_ExampleActors.csv")
    assert [s.salience for s in a.stances] == pytest.approx([s.salience for s in b.stances])
    assert a.stances[0].salience == pytest.approx(80.0)


def test_decide_keeps_its_scale_and_power() -> None:
    sc = load_scenario(CASES / "decide/sample_data.txt")
    toll = sc.issue("tol-hoogte")
    assert (toll.scale_min, toll.scale_max) == (0.5, 7.0)
    st_ = sc.stance("Willems", "tol-hoogte")
    assert st_ is not None
    assert (st_.position, st_.salience, st_.capability) == pytest.approx((3.0, 70.0, 1.0))


def test_deu3_dataset() -> None:
    ds = read_deu(CASES / "deu3/deu3.csv")
    assert len(ds) == 364
    assert len(ds.scored()) == 353
    odd, even = ds.scored().subset("odd"), ds.scored().subset("even")
    assert len(odd) + len(even) == 353 and len(odd) > 0 and len(even) > 0
    grouped = ds.by_group()
    assert len(grouped) == 141
    assert sum(len(c.scenario.issues) for c in grouped) == 364
    gdp = read_deu(CASES / "deu3/deu3.csv", capability="gdp")
    assert gdp.cases[0].scenario.actor("de").capability == pytest.approx(4.1)
    assert gdp.cases[0].scenario.actor("fr").capability == pytest.approx(2.8)


def test_copenhagen_with_errors_names_line_and_field() -> None:
    with pytest.raises(ScenarioError) as info:
        load_scenario(CASES / "decide/copenhagen_with_errors.csv")
    text = str(info.value)
    assert "line 86: field 'position': position 160 is outside issue 'Control'" in text
    assert "line 87: field 'power': must be ≥ 0, got -0.247" in text
    files = {p.file for p in info.value.problems}
    assert all(f and f.endswith("copenhagen_with_errors.csv") for f in files)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        pytest.param("e.csv", "", "the file is empty", id="empty"),
        pytest.param("e.yaml", "  \n", "the file is empty", id="empty-yaml"),
        pytest.param("d.csv", "Actor|Capability|Position|Salience\nA|1|2|3\n",
                     "line 1: cannot split the header", id="wrong-delimiter"),
        pytest.param("m.csv", "Actor,Capability,Position\nA,1,2\n",
                     "line 1: field 'salience': missing column 'Salience'", id="missing-column"),
        pytest.param("n.csv", "Actor,Capability,Position,Salience\nA,1,2,3\nB,1,nan,3\n",
                     "line 3: field 'Position': expected a finite number", id="nan"),
        pytest.param("t.csv", "Actor,Capability,Position,Salience\nA,1,x,3\n",
                     "line 2: field 'Position': expected a number, got 'x'", id="text"),
        pytest.param("c.csv", "Actor,Capability,Position,Salience\nA,-1,2,3\n",
                     "line 2: field 'Capability': must be ≥ 0", id="negative"),
        pytest.param("s.csv", "Actor,Capability,Position,Salience\nA,1,2\n",
                     "line 2: expected 4 columns", id="short-row"),
        pytest.param("y.yaml", "name: x\nactors: [\n", "not valid YAML", id="bad-yaml"),
        pytest.param("y.yaml", "name: x\nactors: []\nissues: []\n", "missing section 'stances'",
                     id="missing-section"),
    ],
)
def test_bad_input_messages(tmp_path: Path, name: str, text: str, expected: str) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert expected in str(info.value)
    assert str(path) in str(info.value)


YAML_BAD = """\
name: bad
actors:
  - {id: A, capability: 1}
  - {id: B, capability: 2}
issues:
  - {id: x, status_quo: 50}
stances:
  - {actor: A, issue: x, position: 10, salience: 50}
  - {actor: C, issue: x, position: 10, salience: 50}
  - actor: B
    issue: x
    position: 140
    salience: 50
"""


def test_yaml_errors_carry_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.yaml", YAML_BAD)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    msgs = [str(p) for p in info.value.problems]
    assert any("line 9: field 'actor': unknown actor 'C'" in m for m in msgs), msgs
    assert any("line 12: field 'position': position 140" in m for m in msgs), msgs


def test_yaml_field_error_line(tmp_path: Path) -> None:
    text = YAML_BAD.replace("position: 140", "position: 40").replace(
        "{id: B, capability: 2}", "{id: B, capability: -2}"
    )
    with pytest.raises(ScenarioError) as info:
        load_scenario(_write(tmp_path, "bad.yaml", text))
    assert "line 4: field 'capability'" in str(info.value)


# -- round trips ----------------------------------------------------------------------------
_ids = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ_-é", min_size=1, max_size=6)
_text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20).map(
    str.strip
)


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    actor_ids = draw(st.lists(_ids, min_size=1, max_size=5, unique=True))
    issue_ids = draw(st.lists(_ids, min_size=1, max_size=3, unique=True))
    issues = []
    for i in issue_ids:
        lo = draw(st.sampled_from([0.0, -5.0, 0.5]))
        hi = lo + draw(st.sampled_from([1.0, 10.0, 100.0]))
        sq = draw(st.none() | st.floats(lo, hi))
        issues.append({"id": i, "name": draw(_text), "low": draw(_text), "status_quo": sq,
                       "scale_min": lo, "scale_max": hi})
    stances = []
    for a in actor_ids:
        for iss in issues:
            if draw(st.booleans()):
                stances.append({
                    "actor": a, "issue": iss["id"],
                    "position": draw(st.floats(iss["scale_min"], iss["scale_max"])),
                    "salience": draw(st.floats(0, 100)),
                    "capability": draw(st.none() | st.floats(0, 1e6)),
                    "note": draw(_text),
                })
    return Scenario.model_validate({
        "name": draw(_text) or "s",
        "description": draw(_text),
        "actors": [{"id": a, "name": draw(_text), "capability": draw(st.floats(0, 1e6))}
                   for a in actor_ids],
        "issues": issues,
        "stances": stances,
    })


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sc=scenarios(), suffix=st.sampled_from([".yaml", ".csv"]))
def test_write_then_read_gives_the_same_scenario(
    tmp_path: Path, sc: Scenario, suffix: str
) -> None:
    path = tmp_path / f"s{suffix}"
    write_scenario(sc, path)
    back = load_scenario(path)
    if suffix == ".csv":
        # CSV keeps actors and issues in order of first use; compare as sets of values
        assert {a.id: a for a in back.actors} == {a.id: a for a in sc.actors}
        assert {i.id: i for i in back.issues} == {i.id: i for i in sc.issues}
        assert back.stances == sc.stances
        # one comment line per field: line breaks in the name or description become spaces
        flat = [" ".join(x.splitlines()).strip() for x in (sc.name, sc.description)]
        assert [back.name, back.description] == flat
    else:
        assert back == sc


def test_one_issue_scale_can_be_given(tmp_path: Path) -> None:
    p = _write(tmp_path, "a.csv", "Actor,Capability,Position,Salience\nA,1,2,0.5\nB,1,4,1\n")
    sc = read_one_issue_csv(p, scale=(0, 10), status_quo=3)
    assert (sc.issues[0].scale_min, sc.issues[0].scale_max, sc.issues[0].status_quo) == (0, 10, 3)
    assert [s.salience for s in sc.stances] == [50.0, 100.0]
