"""Review 14: a challenger named where no actor has an outside option is refused."""

from __future__ import annotations

import pytest

from detente.crisis import analyse
from detente.errors import InputError
from detente.scenario import scenario_from_data

DOC = {
    "name": "talks",
    "actors": [{"id": "IRN", "capability": 30}, {"id": "USA", "capability": 100}],
    "issues": [{"id": "enrich", "status_quo": 80}],
    "stances": [{"actor": "IRN", "issue": "enrich", "position": 90, "salience": 95},
                {"actor": "USA", "issue": "enrich", "position": 10, "salience": 90}],
}


def test_a_challenger_without_any_outside_option_is_refused() -> None:
    sc = scenario_from_data(DOC)
    assert analyse(sc, trust=0.5).dyad is None  # no options: no dyad, no error
    with pytest.raises(InputError, match="no actor in the scenario has one"):
        analyse(sc, trust=0.5, challenger="IRN")
