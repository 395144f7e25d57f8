"""A simulation's result reads as one notebook line; a bad sensitivity seed is named first."""

from __future__ import annotations

import pytest

from detente.errors import InputError
from detente.examples import load_example
from detente.uncertainty import sensitivity, simulate


def test_simulation_result_and_model_summary_reprs_are_one_line() -> None:
    sc = load_example("geneva-2022")
    res = simulate(sc, ["compromise", "median"], draws=40, rng=3, jitter="position=10")
    r = repr(res)
    assert "\n" not in r and len(r) < 300
    assert "geneva-2022" in r and "draws=40" in r and "seed=3" in r
    assert "['compromise', 'median']" in r
    s = res.summary("compromise")
    rs = repr(s)
    assert "\n" not in rs and len(rs) < 400
    # the figures shown are the summary's own mean and sd, per issue
    for i, m, d in zip(s.issue_ids, s.mean, s.sd, strict=True):
        assert f"{i!r}: {float(m):.4g} ± {float(d):.3g}" in rs


@pytest.mark.parametrize("seed", [-1, 1.5, "0", True])
def test_sensitivity_names_a_bad_seed_before_anything_else(seed: object) -> None:
    # a scenario with nothing uncertain: the seed is still the first thing named
    sc = load_example("geneva-2022")
    with pytest.raises(InputError, match="seed must be a whole number"):
        sensitivity(sc, seed=seed)  # type: ignore[arg-type]
