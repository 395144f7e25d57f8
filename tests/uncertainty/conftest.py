"""Shared scenarios of the uncertainty tests."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from detente.scenario import Scenario


def _random_scenario(n_actors: int = 6, n_issues: int = 2, seed: int = 0, sd: float = 8.0,
                    prefix: str = "A") -> Scenario:
    """Actors with positions inside the scale given as ``mean ± sd`` and plain saliences."""
    rng = np.random.default_rng(seed)
    actors = [{"id": f"{prefix}{i}", "capability": float(rng.uniform(10, 100))}
              for i in range(n_actors)]
    issues = [{"id": f"i{k}", "status_quo": float(rng.uniform(20, 80))} for k in range(n_issues)]
    stances = [{"actor": f"{prefix}{i}", "issue": f"i{k}",
                "position": f"{rng.uniform(25, 75):.3f} ± {sd:g}",
                "salience": float(rng.uniform(20, 100))}
               for i in range(n_actors) for k in range(n_issues)]
    return Scenario.model_validate({"name": "synthetic", "actors": actors, "issues": issues,
                                    "stances": stances})


@pytest.fixture
def random_scenario() -> Callable[..., Scenario]:
    """``random_scenario(n_actors, n_issues, seed, sd)``: a scenario with ``mean ± sd``
    positions inside the scale."""
    return _random_scenario
