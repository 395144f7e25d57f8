"""Distributions in the scenario language: parsing, point values, files, located errors."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.examples import load_example
from detente.scenario import (
    Scenario,
    ScenarioError,
    dump_scenario_yaml,
    load_scenario,
    read_yaml,
    write_scenario,
)
from detente.uncertainty import Distribution, InputSpace, parse_distribution
from detente.uncertainty._inputs import ppf

finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)
positive = st.floats(1e-3, 1e3, allow_nan=False, allow_infinity=False)


@st.composite
def distributions(draw: st.DrawFn) -> Distribution:
    kind = draw(st.sampled_from(["normal", "uniform", "triangular", "beta", "discrete"]))
    if kind == "normal":
        return Distribution(kind=kind, params=(draw(finite), draw(st.floats(0, 1e3))))
    if kind == "uniform":
        a, b = sorted((draw(finite), draw(finite)))
        return Distribution(kind=kind, params=(a, b))
    if kind == "triangular":
        a, m, b = sorted((draw(finite), draw(finite), draw(finite)))
        return Distribution(kind=kind, params=(a, m, b))
    if kind == "beta":
        return Distribution(kind=kind, params=(draw(positive), draw(positive)))
    vals = draw(st.lists(finite, min_size=1, max_size=5))
    ws = draw(st.lists(positive, min_size=len(vals), max_size=len(vals)))
    return Distribution(kind=kind, params=tuple(vals), weights=tuple(ws))


@given(distributions())
def test_text_form_reads_back(d: Distribution) -> None:
    back = parse_distribution(d.text)
    assert back.kind == d.kind
    np.testing.assert_allclose(back.params, d.params, rtol=1e-5, atol=1e-6)
    if d.kind == "discrete":
        np.testing.assert_allclose(back.weights or (1.0,) * len(d.params),
                                   d.weights or (1.0,) * len(d.params), rtol=1e-5)


@given(finite, st.floats(0, 1e3), st.sampled_from(["±", "+-", " ± ", " +- "]))
def test_plus_minus_is_a_normal(mean: float, sd: float, sign: str) -> None:
    d = parse_distribution(f"{mean!r}{sign}{sd!r}")
    assert d.kind == "normal"
    assert d.params == (mean, sd)
    assert d.point() == mean


@given(distributions(), st.floats(0, 1, exclude_max=True))
def test_values_stay_in_the_support(d: Distribution, u: float) -> None:
    if d.kind == "beta":
        lo, hi = 0.0, 100.0
    else:
        lo, hi = min(d.params), max(d.params)
    x = float(ppf(d, -math.inf if d.kind == "normal" else lo,
                  math.inf if d.kind == "normal" else hi, np.array([u]))[0])
    assert math.isfinite(x)
    if d.kind != "normal":
        assert lo - 1e-9 * max(1, abs(lo)) <= x <= hi + 1e-9 * max(1, abs(hi))


@given(st.text(max_size=30))
def test_garbage_is_a_value_error_or_a_distribution(text: str) -> None:
    try:
        d = parse_distribution(text)
    except ValueError:
        return
    assert isinstance(d, Distribution)


def test_point_values() -> None:
    assert parse_distribution("normal(60, 10)").point() == 60
    assert parse_distribution("uniform(40, 80)").point() == 60
    assert parse_distribution("triangular(10, 20, 40)").point() == 20
    assert parse_distribution("beta(2, 6)").point(0, 100) == 25
    assert parse_distribution("beta(2, 6, 20, 60)").point(0, 100) == 30
    assert parse_distribution("discrete(40:0.3, 60:0.7)").point() == 60
    assert parse_distribution({"normal": {"mean": 50, "sd": 5}, "value": 45}).point() == 45
    assert parse_distribution({"discrete": {40: 1, 70: 3}}).point() == 70
    assert parse_distribution({"uniform": [1, 3]}).point() == 2


@pytest.mark.parametrize("text, words", [
    ("normal(60, -3)", "sd must be ≥ 0"),
    ("uniform(80, 40)", "must not exceed"),
    ("triangular(10, 50, 40)", "low ≤ mode ≤ high"),
    ("beta(0, 2)", "must be > 0"),
    ("gamma(1, 2)", "unknown distribution"),
    ("normal(60)", "missing sd"),
    ("discrete()", "at least one value"),
])
def test_bad_distributions_say_what_is_expected(text: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        parse_distribution(text)


YAML = """name: t
actors:
  - {id: A, capability: "normal(50, 10)"}
  - {id: B, capability: 30}
issues:
  - {id: x, status_quo: 20}
stances:
  - {actor: A, issue: x, position: 60 ± 10, salience: {uniform: [40, 80]}}
  - {actor: B, issue: x, position: {triangular: [10, 20, 40]},
     salience: {beta: {a: 2, b: 2}, value: 55}}
"""


def test_yaml_and_csv_round_trip(tmp_path: Path) -> None:
    p = tmp_path / "s.yaml"
    p.write_text(YAML)
    sc = read_yaml(p)
    a, b = sc.stances
    assert (a.position, a.salience, b.position, b.salience) == (60, 60, 20, 55)
    assert sc.actors[0].capability == 50
    assert a.uncertain is not None and a.uncertain.position is not None
    assert a.uncertain.position.params == (60, 10)
    q = tmp_path / "t.yaml"
    q.write_text(dump_scenario_yaml(sc))
    assert read_yaml(q) == sc
    write_scenario(sc, tmp_path / "s.csv")
    assert load_scenario(tmp_path / "s.csv") == sc
    assert "normal(60, 10)" in (tmp_path / "s.csv").read_text()


def test_point_values_are_what_models_see(tmp_path: Path) -> None:
    """A scenario with distributions forecasts as the same scenario with the point values."""
    from detente.collective import forecast

    p = tmp_path / "s.yaml"
    p.write_text(YAML)
    sc = read_yaml(p)
    plain = YAML.replace('"normal(50, 10)"', "50").replace("60 ± 10", "60").replace(
        "{uniform: [40, 80]}", "60").replace("{triangular: [10, 20, 40]}", "20").replace(
        "{beta: {a: 2, b: 2}, value: 55}", "55")
    q = tmp_path / "plain.yaml"
    q.write_text(plain)
    ref = read_yaml(q)
    for m in ("compromise", "median", "nash", "eum"):
        assert forecast(sc, m).outcomes.tolist() == forecast(ref, m).outcomes.tolist()


def test_shipped_scenarios_unchanged() -> None:
    g = load_example("geneva-2022")
    assert all(s.uncertain is None for s in g.stances)
    assert "uncertain" not in dump_scenario_yaml(g)
    assert InputSpace.of(g).inputs == ()


def test_errors_are_located(tmp_path: Path) -> None:
    p = tmp_path / "bad.yaml"
    p.write_text(YAML.replace("60 ± 10", '"normal(60, -3)"'))
    with pytest.raises(ScenarioError) as e:
        read_yaml(p)
    prob = e.value.problems[0]
    assert prob.line == 8 and prob.field == "position" and "sd must be ≥ 0" in prob.message
    q = tmp_path / "off.yaml"
    q.write_text(YAML.replace("60 ± 10", "160 ± 10"))
    with pytest.raises(ScenarioError, match="outside issue 'x'"):
        read_yaml(q)


def test_csv_errors_are_located(tmp_path: Path) -> None:
    p = tmp_path / "s.yaml"
    p.write_text(YAML)
    write_scenario(read_yaml(p), tmp_path / "s.csv")
    text = (tmp_path / "s.csv").read_text().replace("triangular(10, 20, 40)",
                                                    "triangular(10, 50, 40)")
    (tmp_path / "bad.csv").write_text(text)
    with pytest.raises(ScenarioError) as e:
        load_scenario(tmp_path / "bad.csv")
    assert e.value.problems[0].line == 4
    assert "low ≤ mode ≤ high" in e.value.problems[0].message


def test_python_api_accepts_distributions() -> None:
    sc = Scenario.model_validate({
        "actors": [{"id": "A"}], "issues": [{"id": "x"}],
        "stances": [{"actor": "A", "issue": "x", "position": "uniform(20, 40)",
                     "salience": 50}]})
    assert sc.stances[0].position == 30


def test_crisis_inputs_take_distributions() -> None:
    sc = Scenario.model_validate({
        "actors": [{"id": "A"}, {"id": "B"}], "issues": [{"id": "x", "status_quo": 50}],
        "stances": [{"actor": "A", "issue": "x", "position": 20, "salience": 50,
                     "private": {"position": "30 ± 5"}},
                    {"actor": "B", "issue": "x", "position": 80, "salience": 50}],
        "outside_options": [{"actor": "A", "target": ["B"], "p_prevail": "uniform(0.2, 0.6)",
                             "cost": "0.1 ± 0.05", "imposes": {"x": 10}}]})
    o = sc.outside_options[0]
    assert o.p_prevail == pytest.approx(0.4) and o.cost == 0.1
    assert sc.stances[0].private is not None and sc.stances[0].private.position == 30
    names = InputSpace.of(sc).names
    assert set(names) == {"A.x.private_position", "A.option0.p_prevail", "A.option0.cost"}
