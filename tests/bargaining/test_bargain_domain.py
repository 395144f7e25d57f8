"""Domains: the bargaining YAML (values, errors with lines) and domains built from scenarios."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from detente.bargaining import domain_from_dict, domain_from_scenario, load_domain
from detente.errors import InputError
from detente.scenario import Actor, Issue, Scenario, ScenarioError, Stance

DATA = Path(__file__).resolve().parent / "data"


def test_arms_yaml_values_by_hand() -> None:
    d = load_domain(DATA / "arms-talks.yaml")
    assert d.shape == (11, 3, 3) and d.n_outcomes == 99 and d.deadline == 40
    a, b = d.a, d.b
    np.testing.assert_allclose(a.weights, [0.5, 0.3, 0.2])
    # piecewise linear: 1.0 at 1000, 0.9 at 1400, 0 at 2000 -> 1200 is 0.95, 1700 is 0.45
    ceil = d.issues[0]
    assert ceil.options[2] == "1200" and a.values[0][2] == pytest.approx(0.95)
    assert a.values[0][7] == pytest.approx(0.45)
    np.testing.assert_allclose(a.values[2], [0.0, 0.5, 1.0])  # increasing
    np.testing.assert_allclose(b.values[2], [1.0, 0.5, 0.0])  # decreasing
    # ideal 1800 on a 1000-wide range: value 1 - |x - 1800| / 1000
    np.testing.assert_allclose(b.values[0], 1 - np.abs(np.linspace(1000, 2000, 11) - 1800) / 1000)
    # reservation value = utility of the status quo (1500, none, 5)
    assert d.status_quo == (5, 0, 0)
    assert a.reservation_value == pytest.approx(0.5 * 0.75 + 0.3 * 0.0 + 0.2 * 0.0)
    assert a.discount == 0.99 and b.discount == 1.0


def test_utilities_match_outcome_by_outcome_and_chunks() -> None:
    d = load_domain(DATA / "arms-talks.yaml")
    ua, ub = d.utilities()
    for k in (0, 17, 50, 98):
        opts = np.unravel_index(k, d.shape)
        want = sum(w * v[o] for w, v, o in zip(d.a.weights, d.a.values, opts, strict=False))
        assert ua[k] == pytest.approx(want)
        assert d.utility_of("a", k) == pytest.approx(want)
    got_a = np.concatenate([c[1] for c in d.chunks(size=7)])
    got_b = np.concatenate([c[2] for c in d.chunks(size=7)])
    np.testing.assert_allclose(got_a, ua)
    np.testing.assert_allclose(got_b, ub)


BASE = {
    "issues": [{"id": "x", "options": ["lo", "hi"]}],
    "parties": [
        {"id": "A", "weights": {"x": 1}, "values": {"x": {"lo": 0, "hi": 1}},
         "reservation_value": 0.2},
        {"id": "B", "weights": {"x": 1}, "values": {"x": [1, 0]}, "reservation_value": 0.2},
    ],
}


def _with(path: tuple[object, ...], value: object) -> dict[str, object]:
    doc = yaml.safe_load(yaml.safe_dump(BASE))
    node = doc
    for p in path[:-1]:
        node = node[p]
    node[path[-1]] = value
    return doc


@pytest.mark.parametrize(
    ("path", "value", "expect"),
    [
        pytest.param(("parties", 0, "values", "x", "hi"), 1.5, "value in [0, 1]", id="value>1"),
        pytest.param(("parties", 0, "values", "x"), {"lo": 0.1}, "no value for option",
                     id="missing-option"),
        pytest.param(("parties", 1, "values", "x"), [1], "expected 2 values", id="short-list"),
        pytest.param(("parties", 0, "weights"), {"y": 1}, "unknown issue", id="weight-issue"),
        pytest.param(("parties", 0, "discount"), 0, "discount", id="discount-0"),
        pytest.param(("parties", 0, "reservation_value"), "high", "reservation value",
                     id="rv-text"),
        pytest.param(("deadline",), 0, "number of offers", id="deadline"),
        pytest.param(("issues", 0, "range"), [0, 1], "either options", id="both-options-range"),
        pytest.param(("parties", 0, "values", "x"), {"ideal": 3}, "non-numeric options",
                     id="ideal-on-labels"),
    ],
)
def test_yaml_errors_are_located(path: tuple[object, ...], value: object, expect: str) -> None:
    with pytest.raises(ScenarioError) as ei:
        domain_from_dict(_with(path, value), file="d.yaml")
    text = str(ei.value)
    assert expect in text and "d.yaml" in text


def test_yaml_error_carries_line(tmp_path: Path) -> None:
    p = tmp_path / "bad.yaml"
    doc = _with(("parties", 1, "values", "x"), [1, 7])
    p.write_text(yaml.safe_dump(doc, sort_keys=False))
    with pytest.raises(ScenarioError) as ei:
        load_domain(p)
    prob = ei.value.problems[0]
    assert prob.file == str(p) and prob.line is not None
    assert "7" in p.read_text().splitlines()[prob.line - 1]


def test_missing_reservation_without_status_quo() -> None:
    doc = yaml.safe_load(yaml.safe_dump(BASE))
    del doc["parties"][0]["reservation_value"]
    with pytest.raises(ScenarioError, match="give reservation_value"):
        domain_from_dict(doc)


def _scenario(sq: float | None = 50.0) -> Scenario:
    return Scenario(
        name="toy",
        actors=(Actor(id="A"), Actor(id="B"), Actor(id="C")),
        issues=(Issue(id="x", status_quo=sq), Issue(id="y", status_quo=None if sq is None
                                                     else 20.0)),
        stances=(
            Stance(actor="A", issue="x", position=10, salience=60),
            Stance(actor="A", issue="y", position=100, salience=20),
            Stance(actor="B", issue="x", position=90, salience=30),
            Stance(actor="B", issue="y", position=0, salience=30),
            Stance(actor="C", issue="x", position=50, salience=10),
        ),
    )


def test_domain_from_scenario_spatial_utilities() -> None:
    d = domain_from_scenario(_scenario(), "A", "B", steps=11)
    np.testing.assert_allclose(d.a.weights, [0.75, 0.25])
    np.testing.assert_allclose(d.b.weights, [0.5, 0.5])
    x = d.issues[0].points
    assert x is not None
    np.testing.assert_allclose(d.a.values[0], 1 - np.abs(x - 10) / 100)
    # reservation value = utility of the status quo (x=50, y=20)
    assert d.a.reservation_value == pytest.approx(0.75 * 0.6 + 0.25 * 0.2)
    assert d.b.reservation_value == pytest.approx(0.5 * 0.6 + 0.5 * 0.8)
    # explicit outside option
    d2 = domain_from_scenario(_scenario(None), "A", "B", reservation=(0.3, 0.4))
    assert (d2.a.reservation_value, d2.b.reservation_value) == (0.3, 0.4)


@pytest.mark.parametrize(
    ("a", "b", "sq", "match"),
    [
        pytest.param("A", "Z", 50.0, "no actor 'Z'", id="unknown-actor"),
        pytest.param("A", "A", 50.0, "must differ", id="same"),
        pytest.param("A", "B", None, "no status_quo", id="no-status-quo"),
    ],
)
def test_domain_from_scenario_errors(a: str, b: str, sq: float | None, match: str) -> None:
    with pytest.raises(InputError, match=match):
        domain_from_scenario(_scenario(sq), a, b)
