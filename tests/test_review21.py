"""Review 21: results as values and errors as documented, from the Python API."""

from __future__ import annotations

import copy
import json
import pickle

import numpy as np
import pytest

from detente import forecast, list_models, load_example
from detente.collective._lazy import LazyMapping, LazyTuple


def _run(name: str):  # type: ignore[no-untyped-def]
    sc = load_example("geneva-2022")
    return forecast(sc, name, rng=1, **({"draws": 200} if name == "crisis" else {}))


@pytest.mark.parametrize("name", [m.name for m in list_models()])
def test_every_forecast_pickles_with_its_values(name: str) -> None:
    f = _run(name)
    g = pickle.loads(pickle.dumps(f))
    assert g.model == f.model and g.issue_ids == f.issue_ids
    np.testing.assert_array_equal(g.outcomes, f.outcomes)
    assert list(g.explanation) == list(f.explanation)
    assert set(g.diagnostics) == set(f.diagnostics)
    assert g.as_dict() == f.as_dict()
    # JSON round trip of the summary, strict (no NaN literal)
    assert json.loads(json.dumps(f.as_dict(), allow_nan=False)) == f.as_dict()
    h = copy.deepcopy(f)
    np.testing.assert_array_equal(h.outcomes, f.outcomes)


def test_lazy_containers_pickle_as_their_values() -> None:
    calls: list[int] = []

    def make() -> list[int]:
        calls.append(1)
        return [1, 2]

    t = LazyTuple(make)
    assert pickle.loads(pickle.dumps(t)) == (1, 2)
    m = LazyMapping({"a": 1}, {"b": lambda: np.arange(3)})
    back = pickle.loads(pickle.dumps(m))
    assert isinstance(back, LazyMapping) and back["a"] == 1
    np.testing.assert_array_equal(back["b"], np.arange(3))
    assert calls == [1]


@pytest.mark.parametrize(("build", "field"), [
    (lambda: __import__("detente.scenario", fromlist=["Stance"]).Stance(
        actor="a", issue="x", position=1, salience=150), "salience"),
    (lambda: __import__("detente.scenario", fromlist=["Stance"]).Stance(
        actor="a", issue="x", position=float("nan"), salience=10), "position"),
    (lambda: __import__("detente.scenario", fromlist=["Actor"]).Actor(id="a", capability=-1),
     "capability"),
    (lambda: __import__("detente.scenario", fromlist=["Actor"]).Actor(id=""), "id"),
    (lambda: __import__("detente.scenario", fromlist=["Issue"]).Issue(
        id="x", scal_max=1), "scal_max"),
    (lambda: __import__("detente.scenario", fromlist=["Scenario"]).Scenario(
        name="s", actors=[{"id": "a", "capability": -2}], issues=[{"id": "x"}],
        stances=[]), "capability"),
])
def test_building_scenario_values_in_python_raises_the_documented_error(build, field) -> None:  # type: ignore[no-untyped-def]
    """docs/api.md: DetenteError is the base of every error raised on bad input; a value
    built in code names its field (was pydantic's ValidationError, a bare ValueError)."""
    from detente import DetenteError
    from detente.scenario import ScenarioError

    with pytest.raises(ScenarioError) as info:
        build()
    assert isinstance(info.value, DetenteError) and not isinstance(info.value, ValueError)
    assert any(p.field == field for p in info.value.problems), info.value.problems
    assert f"field '{field}'" in str(info.value)


@pytest.mark.parametrize("given", ["scenario", "list", "text"])
def test_top_level_evaluate_says_what_it_needs(given: str) -> None:
    """``detente.evaluate`` scores a Dataset (read_deu); given a scenario it said
    ``AttributeError: 'Scenario' object has no attribute 'scored'``."""
    from detente import evaluate
    from detente.errors import InputError

    sc = load_example("geneva-2022")
    arg = {"scenario": sc, "list": [sc], "text": "deu3.csv"}[given]
    with pytest.raises(InputError, match="Dataset.*detente.evaluation.evaluate"):
        evaluate(arg, "compromise")


@pytest.mark.parametrize(("fit", "words"), [
    ("scenarios", "pair"),
    ("unknown-issue", "no issue 'nope'"),
    ("nan", "finite"),
])
def test_calibrate_checks_its_cases(fit: str, words: str) -> None:
    from detente import calibrate
    from detente.errors import InputError

    sc = load_example("geneva-2022")
    iid = sc.issue_ids[0]
    cases = {"scenarios": [sc],
             "unknown-issue": [(sc, {"nope": 40.0})],
             "nan": [(sc, {iid: float("nan")})]}[fit]
    with pytest.raises(InputError, match=words):
        calibrate(cases, [(sc, {iid: 40.0})], "compromise", draws=10)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", [m.name for m in list_models()])
def test_a_forecast_is_frozen_down_to_its_arrays(name: str) -> None:
    """Forecast is a frozen value: its arrays cannot be changed in place either (a notebook's
    ``f.outcomes[0] = 50`` changed the result and everything later read from it)."""
    f = _run(name)
    before = f.as_dict()
    for arr in (f.outcomes, f.trajectory, f.round_outcomes):
        if arr is not None:
            with pytest.raises(ValueError, match="read-only"):
                arr[0] = 50.0
    assert f.as_dict() == before
