"""The scenario language: validation of values and cross-references."""

from __future__ import annotations

import math

import numpy as np
import pytest
from pydantic import ValidationError

from detente.scenario import Actor, Issue, Scenario, ScenarioError, Stance


def _scenario(**over: object) -> Scenario:
    data: dict[str, object] = {
        "name": "t",
        "actors": [{"id": "A", "capability": 2}, {"id": "B", "capability": 1}],
        "issues": [{"id": "x", "status_quo": 10}],
        "stances": [
            {"actor": "A", "issue": "x", "position": 20, "salience": 50},
            {"actor": "B", "issue": "x", "position": 80, "salience": 100},
        ],
    }
    data.update(over)
    return Scenario.model_validate(data)


def test_values_are_frozen() -> None:
    sc = _scenario()
    with pytest.raises(ValidationError):
        sc.actors[0].capability = 5  # type: ignore[misc]


@pytest.mark.parametrize(
    ("override", "message"),
    [
        pytest.param(
            {"stances": [{"actor": "Z", "issue": "x", "position": 1, "salience": 1}]},
            "unknown actor 'Z'",
            id="unknown-actor",
        ),
        pytest.param(
            {"stances": [{"actor": "A", "issue": "y", "position": 1, "salience": 1}]},
            "unknown issue 'y'",
            id="unknown-issue",
        ),
        pytest.param(
            {"actors": [{"id": "A"}, {"id": "A"}], "stances": []},
            "duplicate actor id 'A'",
            id="duplicate-actor",
        ),
        pytest.param(
            {"issues": [{"id": "x"}, {"id": "x"}], "stances": []},
            "duplicate issue id 'x'",
            id="duplicate-issue",
        ),
        pytest.param(
            {"stances": [{"actor": "A", "issue": "x", "position": 120, "salience": 1}]},
            "outside issue 'x''s scale [0, 100]",
            id="position-out-of-range",
        ),
        pytest.param(
            {
                "stances": [
                    {"actor": "A", "issue": "x", "position": 1, "salience": 1},
                    {"actor": "A", "issue": "x", "position": 2, "salience": 1},
                ]
            },
            "second stance for actor 'A' on issue 'x'",
            id="duplicate-stance",
        ),
    ],
)
def test_cross_reference_errors(override: dict[str, object], message: str) -> None:
    with pytest.raises(ScenarioError) as info:
        _scenario(**override)
    assert message in str(info.value)
    assert all(p.loc for p in info.value.problems)


@pytest.mark.parametrize(
    ("model", "data"),
    [
        pytest.param(Actor, {"id": "A", "capability": -1}, id="negative-capability"),
        pytest.param(Actor, {"id": "A", "capability": math.nan}, id="nan-capability"),
        pytest.param(Actor, {"id": "", "capability": 1}, id="empty-id"),
        pytest.param(Stance, {"actor": "A", "issue": "x", "position": math.nan, "salience": 5},
                     id="nan-position"),
        pytest.param(Stance, {"actor": "A", "issue": "x", "position": 5, "salience": 101},
                     id="salience-above-100"),
        pytest.param(Issue, {"id": "x", "status_quo": 101}, id="status-quo-off-scale"),
        pytest.param(Issue, {"id": "x", "scale_min": 5, "scale_max": 5}, id="empty-scale"),
        pytest.param(Actor, {"id": "A", "power": 1}, id="unknown-field"),
    ],
)
def test_field_errors(model: type, data: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        model.model_validate(data)  # type: ignore[attr-defined]


def test_compiled_form_maps_to_unit_scale() -> None:
    sc = Scenario.model_validate(
        {
            "actors": [{"id": "A", "capability": 3}, {"id": "B"}, {"id": "C"}],
            "issues": [{"id": "x", "scale_min": 2, "scale_max": 12, "status_quo": 7},
                       {"id": "y"}],
            "stances": [
                {"actor": "A", "issue": "x", "position": 2, "salience": 50},
                {"actor": "B", "issue": "x", "position": 12, "salience": 100, "capability": 5},
                {"actor": "C", "issue": "y", "position": 40, "salience": 10},
            ],
        }
    )
    c = sc.compile()
    assert c.position.shape == (3, 2)
    np.testing.assert_allclose(c.position[:2, 0], [0.0, 1.0])
    assert np.isnan(c.position[2, 0]) and not c.present[2, 0]
    np.testing.assert_allclose(c.salience[:, 0], [0.5, 1.0, 0.0])
    np.testing.assert_allclose(c.capability[:, 0], [3.0, 5.0, 0.0])  # stance override
    np.testing.assert_allclose(c.status_quo[0], 0.5)
    assert np.isnan(c.status_quo[1])
    np.testing.assert_allclose(c.to_scale(np.array([0.5, 0.25])), [7.0, 25.0])
