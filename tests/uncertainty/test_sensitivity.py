"""Sensitivity: Sobol indices of the compromise model against their closed form, Ishigami."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats

from detente.errors import InputError
from detente.scenario import Scenario
from detente.uncertainty import InputSpace, sensitivity
from detente.uncertainty._sensitivity import indices


def _scenario() -> Scenario:
    rng = np.random.default_rng(4)
    n = 5
    sds = [4.0, 8.0, 12.0, 6.0, 10.0]
    return Scenario.model_validate({
        "actors": [{"id": f"A{i}", "capability": float(rng.uniform(20, 90))} for i in range(n)],
        "issues": [{"id": "x"}],
        "stances": [{"actor": f"A{i}", "issue": "x",
                     "position": f"{rng.uniform(35, 65):.2f} ± {sds[i]}",
                     "salience": float(rng.uniform(30, 100))} for i in range(n)]})


def test_sobol_first_order_of_the_compromise_is_its_closed_form() -> None:
    """The compromise is linear in the positions: S1_i = w_i² σ_i² / Σ_j w_j² σ_j², with w the
    normalised capability × salience weights and σ² each (truncated) input's variance."""
    sc = _scenario()
    c = sc.compile()
    w = (c.capability * c.salience)[:, 0]
    w = w / w.sum()
    var = []
    for s in sc.stances:
        assert s.uncertain is not None and s.uncertain.position is not None
        mu, sd = s.uncertain.position.params
        var.append(stats.truncnorm.var((0 - mu) / sd, (100 - mu) / sd, loc=mu, scale=sd))
    expected = w**2 * np.array(var) / np.sum(w**2 * np.array(var))
    res = sensitivity(sc, "compromise", method="sobol", n=4096, seed=1)
    got = np.array([res.index("x", f"A{i}.x.position").s1 for i in range(5)])
    np.testing.assert_allclose(got, expected, atol=0.03)
    st = np.array([res.index("x", f"A{i}.x.position").st for i in range(5)])
    np.testing.assert_allclose(st, expected, atol=0.03)  # additive: no interactions
    assert res.ranking["x"][0].input == f"A{int(np.argmax(expected))}.x.position"
    assert res.actors["x"][0][0] == f"A{int(np.argmax(expected))}"


def test_ishigami_through_the_wiring() -> None:
    """SALib's reference: Ishigami on three uniforms on [−π, π] (a = 7, b = 0.1)."""
    pi = f"uniform({-math.pi!r}, {math.pi!r})"
    sc = Scenario.model_validate({
        "actors": [{"id": "x1"}, {"id": "x2"}, {"id": "x3"}],
        "issues": [{"id": "i", "scale_min": -4, "scale_max": 4}],
        "stances": [{"actor": a, "issue": "i", "position": pi, "salience": 50}
                    for a in ("x1", "x2", "x3")]})
    space = InputSpace.of(sc)

    def ishigami(v: np.ndarray) -> np.ndarray:
        return (np.sin(v[:, 0]) + 7 * np.sin(v[:, 1]) ** 2
                + 0.1 * v[:, 2] ** 4 * np.sin(v[:, 0]))[:, None]

    _, ranking, _ = indices(space, ishigami, ["i"], method="sobol", n=8192, seed=3)
    by = {x.input: x for x in ranking["i"]}
    a, b = 7.0, 0.1
    v = a**2 / 8 + b * math.pi**4 / 5 + b**2 * math.pi**8 / 18 + 0.5
    s1 = (0.5 * (1 + b * math.pi**4 / 5) ** 2 / v, a**2 / 8 / v, 0.0)
    st1 = (0.5 * (1 + b * math.pi**4 / 5) ** 2 + 8 * b**2 * math.pi**8 / 225) / v
    for name, expect in zip(("x1.i.position", "x2.i.position", "x3.i.position"), s1,
                            strict=True):
        assert by[name].s1 == pytest.approx(expect, abs=0.03)
    assert by["x1.i.position"].st == pytest.approx(st1, abs=0.03)


def test_morris_ranks_the_heaviest_input_first() -> None:
    sc = _scenario()
    res = sensitivity(sc, "compromise", method="morris", n=40, seed=2)
    c = sc.compile()
    w = (c.capability * c.salience)[:, 0]
    sds = np.array([4.0, 8.0, 12.0, 6.0, 10.0])
    # an elementary effect moves an input across (most of) its range: ∝ w_i σ_i
    assert res.ranking["x"][0].input == f"A{int(np.argmax(w * sds))}.x.position"
    assert all(x.mu_star >= 0 for x in res.ranking["x"])


def test_sensitivity_needs_inputs() -> None:
    sc = Scenario.model_validate({"actors": [{"id": "A"}], "issues": [{"id": "x"}],
                                  "stances": [{"actor": "A", "issue": "x", "position": 1,
                                               "salience": 1}]})
    with pytest.raises(InputError, match="at least two varying inputs"):
        sensitivity(sc)
    with pytest.raises(InputError, match="sobol"):
        sensitivity(_scenario(), method="fast")


def test_credibility_sensitivity_follows_the_record() -> None:
    from detente.record import CredibilitySettings, credibility, load_shipped_record
    from detente.uncertainty import credibility_sensitivity

    rec = load_shipped_record()
    res = credibility_sensitivity(rec, "RUS", "USA", "2022-01-01",
                                  settings=("half_life_years", "prior_kept"), n=4, seed=1)
    assert res.runs == 4 * 3
    assert res.base == credibility(rec, "RUS", "USA", "2022-01-01").mean
    # more prior weight on keeping can only raise the mean; a longer half-life changes it
    hi = credibility(rec, "RUS", "USA", "2022-01-01", CredibilitySettings(prior_kept=2.0)).mean
    lo = credibility(rec, "RUS", "USA", "2022-01-01", CredibilitySettings(prior_kept=0.5)).mean
    assert lo < res.base < hi
    assert {s for s, _, _ in res.indices} == {"half_life_years", "prior_kept"}
    assert all(a >= 0 for _, a, _ in res.indices)
    with pytest.raises(InputError, match="unknown credibility setting"):
        credibility_sensitivity(rec, "RUS", settings=("nope", "prior_kept"))
