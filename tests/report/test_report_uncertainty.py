"""The report's intervals feed the key judgements' confidence: wider intervals, lower confidence
(never higher), and the likelihood terms are untouched."""

from __future__ import annotations

import numpy as np

from detente.examples import load_example
from detente.report._uncertainty_section import (
    UncertaintyData,
    confidence_min,
    interval_confidence,
)
from detente.uncertainty import simulate

ORDER = {"low": 0, "moderate": 1, "high": 2}


def _ud(jitter: str | None) -> UncertaintyData:
    sc = load_example("geneva-2022")
    return UncertaintyData(sim=simulate(sc, ["compromise", "median"], 200, seed=3,
                                        jitter=jitter))


def test_no_noise_is_high_and_more_noise_never_raises_confidence() -> None:
    sc = load_example("geneva-2022")
    levels = []
    for jit in (None, "position=5%", "position=30%", "position=80%,censor=1,common=0.95"):
        ud = _ud(jit)
        got = [interval_confidence(sc, ud, i) for i in sc.issue_ids]
        assert all(g is not None for g in got)
        levels.append([ORDER[g[0]] for g in got if g is not None])
        if jit is None:  # every draw is the point forecast: zero width
            assert all(g is not None and g[0] == "high" and "span 0%" in g[1] for g in got)
    arr = np.array(levels)
    assert (np.diff(arr, axis=0) <= 0).all()
    assert arr[-1].max() == ORDER["low"]


def test_interval_width_is_the_mean_of_the_models_50_percent_intervals() -> None:
    sc = load_example("geneva-2022")
    ud = _ud("position=30%")
    for k, iss in enumerate(sc.issue_ids):
        span = sc.issue(iss).scale_max - sc.issue(iss).scale_min
        w = np.mean([float(m.interval(0.5)[1][k] - m.interval(0.5)[0][k]) / span
                     for m in ud.sim.models])
        got = interval_confidence(sc, ud, iss)
        assert got is not None and f"span {w:.0%} of the scale" in got[1]
        assert got[0] == ("high" if w <= 0.25 else "moderate" if w <= 0.5 else "low")


def test_confidence_min_takes_the_lower_level() -> None:
    for a in ORDER:
        for b in ORDER:
            assert ORDER[confidence_min(a, b)] == min(ORDER[a], ORDER[b])
