"""Calibration: CRPS, coverage, and the odd/even protocol on synthetic data."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from scipy import stats

from detente.collective import forecast
from detente.uncertainty import InputSpace, calibrate, calibrate_cases, coverage, crps


def test_crps_of_a_point_is_the_absolute_error() -> None:
    assert crps(np.full(10, 3.0), 7.5) == pytest.approx(4.5)


def test_crps_of_a_normal_sample_is_the_closed_form() -> None:
    """Gneiting & Raftery (2007): CRPS(N(μ, σ²), y) = σ[z(2Φ(z) − 1) + 2φ(z) − 1/√π]."""
    rng = np.random.default_rng(0)
    x = rng.normal(2.0, 3.0, 200_000)
    for y in (-1.0, 2.0, 6.5):
        z = (y - 2.0) / 3.0
        exact = 3.0 * (z * (2 * stats.norm.cdf(z) - 1) + 2 * stats.norm.pdf(z)
                       - 1 / math.sqrt(math.pi))
        assert crps(x, y) == pytest.approx(exact, rel=0.01)


def test_coverage_counts_interval_hits() -> None:
    d = np.tile(np.arange(101.0)[:, None], (1, 4))
    assert coverage(d, np.array([50.0, 30.0, 80.0, 95.0]), 0.5) == 0.5
    assert coverage(d, np.array([50.0, 10.0, 80.0, 96.0]), 0.9) == 0.75


def _synthetic(random_scenario: Any, n: int, sigma: float, seed: int
               ) -> list[tuple[Any, dict[str, float]]]:
    """Cases whose outcome is the compromise at positions moved by independent N(0, σ²)
    noise (truncated to the scale): the truth the calibration should find."""
    rng = np.random.default_rng(seed)
    out = []
    for t in range(n):
        sc = random_scenario(n_actors=3, n_issues=1, seed=1000 + t, sd=0.0)
        plain = sc.model_copy(update={"stances": tuple(
            s.model_copy(update={"uncertain": None}) for s in sc.stances)})
        from detente.uncertainty import Jitter

        space = InputSpace.of(plain, Jitter(position=sigma))
        truth = forecast(space.scenario_at(space.sample(1, rng)[0]), "compromise").outcomes[0]
        out.append((plain, {"i0": float(truth)}))
    return out


def test_calibration_finds_the_noise_and_covers(random_scenario: Any) -> None:
    cases = _synthetic(random_scenario, 160, sigma=20.0, seed=5)
    rep = calibrate(cases[0::2], cases[1::2], "compromise", draws=300, seed=1,
                    grid=(0.0, 5.0, 10.0, 20.0, 40.0), common=(0.0,))
    assert rep.scale == 20.0
    assert abs(rep.coverage50 - 0.5) < 0.12 and abs(rep.coverage90 - 0.9) < 0.08
    assert rep.crps < rep.mae  # a right spread beats the point forecast
    assert rep.as_dict()["test"]["coverage90"] == rep.coverage90


def test_case_bank_runs() -> None:
    rep = calibrate_cases(draws=40, grid=(0.0, 30.0), seed=0)
    assert rep.n_fit + rep.n_test >= 10 and 0 <= rep.coverage90 <= 1
    assert math.isfinite(rep.crps) and math.isfinite(rep.mae)
