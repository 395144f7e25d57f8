"""The audit's numeric fixes and the stated work bounds (issue 18)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from detente.bargaining import commitment_problem, rubinstein_split
from detente.bargaining._domain import MAX_OUTCOMES, check_outcomes
from detente.collective import forecast
from detente.collective._budget import WORK_BOUNDS, check_work, estimate_work
from detente.errors import InputError, LimitError
from detente.scenario import Scenario


def test_rubinstein_split_is_defined_with_one_patient_player() -> None:
    assert rubinstein_split(1.0, 0.5) == (1.0, 0.0)  # (1 - 0.5) / (1 - 0.5)
    assert rubinstein_split(0.5, 1.0) == (0.0, 1.0)
    x1, x2 = rubinstein_split(0.9, 0.8)
    assert x1 == pytest.approx(0.2 / 0.28) and x1 + x2 == pytest.approx(1.0)
    with pytest.raises(InputError):
        rubinstein_split(1.0, 1.0)
    with pytest.raises(InputError):
        rubinstein_split(math.nan, 0.5)


@pytest.mark.parametrize("args", [
    (0.9, 0.1, 0.0, 0.0, 0.95),  # a big shift: raw lower bound far above 1
    (0.2, 0.8, 0.5, 0.5, 0.5),
    (0.5, 0.5, 0.1, 0.1, 0.9),
    (0.0, 1.0, 0.0, 0.0, 0.0),
])
def test_commitment_bounds_stay_in_unit_interval(args: tuple[float, ...]) -> None:
    c = commitment_problem(*args)
    assert 0.0 <= c.low <= 1.0 and 0.0 <= c.high <= 1.0
    p_now, p_later, ca, cb, d = args
    k = d / (1 - d)
    raw_low = (p_now - ca) / (1 - d) - k * min(1.0, p_later + cb)
    raw_high = 1 - (1 - p_now - cb) / (1 - d) + k * (1 - min(1.0, p_later + cb))
    assert c.war == (raw_low > raw_high or raw_low > 1 or raw_high < 0)


def test_commitment_war_when_the_declining_side_prefers_war_now() -> None:
    c = commitment_problem(0.9, 0.1, 0.0, 0.0, 0.95)
    assert c.war and c.low == 1.0


def _scenario(n: int, m: int, capability: float = 1.0, salience: float = 50.0) -> Scenario:
    rng = np.random.default_rng(0)
    return Scenario.model_validate({
        "name": "s",
        "actors": [{"id": f"a{i}", "capability": capability} for i in range(n)],
        "issues": [{"id": f"i{k}", "status_quo": 50} for k in range(m)],
        "stances": [{"actor": f"a{i}", "issue": f"i{k}", "position": float(rng.uniform(0, 100)),
                     "salience": salience} for i in range(n) for k in range(m)],
    })


def test_nash_without_weight_gives_nan_and_a_note() -> None:
    fc = forecast(_scenario(3, 1, capability=0.0), "nash")
    assert math.isnan(fc.outcomes[0])
    assert any("no actor has both capability and salience" in n for n in fc.notes)


def test_work_bounds_refuse_before_running() -> None:
    with pytest.raises(LimitError, match="beyond the bound"):
        forecast(_scenario(3000, 1), "eum")  # 10 · 3000² · 1 = 9e7 > 5e7
    est = check_work("eum", 3000, 1, {"pairs": False})
    assert est.units == 9e7 and est.units <= WORK_BOUNDS["eum-nopairs"]
    with pytest.raises(LimitError, match="exchange"):
        check_work("exchange", 30, 400)  # 10 · 900 · 160000 = 1.44e9 > 2e8
    assert estimate_work("compromise", 10, 2).bound is None


def test_outcome_count_does_not_overflow() -> None:
    class Huge:
        name = "huge"
        issues = [object()] * 20
        n_outcomes = 100**20  # past 2**63: a 64-bit product would wrap around

    with pytest.raises(LimitError, match="outcomes"):
        check_outcomes(Huge())  # type: ignore[arg-type]
    Huge.n_outcomes = MAX_OUTCOMES
    check_outcomes(Huge())  # type: ignore[arg-type]


def test_red_lines_that_exclude_every_option_are_a_user_error(tmp_path) -> None:
    """Two red lines that leave no outcome and no status quo: the scenario's mistake, reported
    as an InputError naming the issue (not a ValueError from deep inside the domain)."""
    from detente.bargaining import domain_from_scenario
    from detente.scenario import load_scenario

    p = tmp_path / "lines.yaml"
    p.write_text(
        "name: x\nactors:\n- {id: A, capability: 1}\n- {id: B, capability: 1}\n"
        "issues:\n- {id: i}\nstances:\n"
        "- {actor: A, issue: i, position: 10, salience: 50, red_line: {side: above, value: 30}}\n"
        "- {actor: B, issue: i, position: 90, salience: 50, red_line: {side: below, value: 70}}\n",
        encoding="utf-8")
    with pytest.raises(InputError, match="'i'.*leave no option"):
        domain_from_scenario(load_scenario(p), "A", "B")
