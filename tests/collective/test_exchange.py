"""The exchange model: closed forms, properties, options, CLI."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from detente.collective import forecast, list_models
from detente.collective._exchange_engine import run_exchange_rounds
from detente.errors import InputError
from detente.scenario import Actor, Issue, Scenario, Stance

CASES = Path(__file__).resolve().parents[2] / ".." / "shared" / "reference" / "cases" / "decide"


def _scenario(rows: list[tuple[str, str, float, float]], caps: dict[str, float] | None = None,
              issues: tuple[str, ...] = ("p", "q")) -> Scenario:
    actors = sorted({r[0] for r in rows}, key=[r[0] for r in rows].index)
    return Scenario(
        name="t",
        actors=tuple(Actor(id=a, capability=(caps or {}).get(a, 1.0)) for a in actors),
        issues=tuple(Issue(id=i) for i in issues),
        stances=tuple(Stance(actor=a, issue=i, position=x, salience=s) for a, i, x, s in rows),
    )


# A and B disagree on both issues; A cares about p (0.8) more than q (0.2), B the reverse.
TWO = [("A", "p", 100, 80), ("A", "q", 100, 20), ("B", "p", 0, 20), ("B", "q", 0, 80)]


def test_two_actor_trade_by_hand() -> None:
    """Stokman & Van Oosten's equal-gain exchange worked by hand.

    Weights c·s: p: A 0.8, B 0.2; q: A 0.2, B 0.8 (Σ = 1 on both), so the outcomes are 80 and
    20. A (ratio s_p/s_q = 4 > 1/4) demands p and supplies q. B moving all the way on p (100
    points) shifts p's outcome by dp = 100·0.2 = 20; equal gain needs dq = dp (0.8+0.2)/(0.2+0.8)
    = 20, i.e. A moves 20/0.2 = 100 points on q: all the way. Gains: 20·0.8 − 20·0.2 = 12 each.
    The next round starts at x + (0.1 + 0.4·(1 − s))(y − x): A on q 100 − 0.42·100 = 58, B on p
    0 + 0.42·100 = 42.
    """
    fc = forecast(_scenario(TWO), "exchange", rounds=1)
    np.testing.assert_allclose(fc.round_outcomes, [[80, 20], [100, 0]], atol=1e-12)
    (t,) = fc.diagnostics["exchanges"]
    assert (t["actor_i"], t["issue_i"], t["from_i"], t["to_i"]) == ("A", "q", 100, 0)
    assert (t["actor_j"], t["issue_j"], t["from_j"], t["to_j"]) == ("B", "p", 0, 100)
    assert t["gain_i"] == pytest.approx(12) and t["gain_j"] == pytest.approx(12)
    assert t["shift_i"] == pytest.approx(-20) and t["shift_j"] == pytest.approx(20)
    start = fc.diagnostics["start_positions"][1]
    np.testing.assert_allclose(start, [[100, 58], [42, 0]], atol=1e-12)
    assert any("A gave way on q (100 → 0) for B giving way on p (0 → 100)" in line
               for line in fc.explanation)


def test_one_sided_exchange_rate_limited_by_the_partner() -> None:
    """When the equal-gain move of I would pass J, I moves all the way and J returns less.

    Here q's weights are A 0.5, B 0.5 (outcome 50), p's A 0.8, B 0.2. B moving all the way on p
    gives dp = 20, dq = 20·(0.8+0.2)/(0.5+0.5) = 20 and A would move 20/0.5 = 40 < 100 points:
    no cut. With A's salience on q at 0.1 (weight 0.1, Σ 0.6) A would move 20·0.6/0.1 = 120 >
    100, so A moves 100 (dq = 100·0.1/0.6) and dp = dq·(0.1+0.5)/(0.8+0.2).
    """
    rows = [("A", "p", 100, 80), ("A", "q", 100, 10), ("B", "p", 0, 20), ("B", "q", 0, 50)]
    fc = forecast(_scenario(rows), "exchange", rounds=1)
    (t,) = fc.diagnostics["exchanges"]
    dq = 100 * 0.1 / 0.6
    dp = dq * 0.6 / 1.0
    assert t["to_i"] == pytest.approx(0)
    assert t["to_j"] == pytest.approx(dp * 1.0 / 0.2)
    assert t["gain_i"] == pytest.approx(dp * 0.8 - dq * 0.1)
    assert t["gain_j"] == pytest.approx(dq * 0.5 - dp * 0.2)
    assert t["gain_i"] == pytest.approx(t["gain_j"])


def test_no_trade_between_actors_on_the_same_side() -> None:
    rows = [("A", "p", 100, 80), ("A", "q", 100, 20), ("C", "p", 90, 20), ("C", "q", 90, 80),
            ("B", "p", 0, 50), ("B", "q", 0, 50)]
    fc = forecast(_scenario(rows), "exchange", rounds=1)
    pairs = {frozenset((t["actor_i"], t["actor_j"])) for t in fc.diagnostics["exchanges"]}
    assert frozenset(("A", "C")) not in pairs
    assert pairs  # B trades with one of them


def test_equal_salience_ratios_do_not_trade() -> None:
    rows = [("A", "p", 100, 50), ("A", "q", 100, 50), ("B", "p", 0, 50), ("B", "q", 0, 50)]
    fc = forecast(_scenario(rows), "exchange")
    assert fc.diagnostics["exchanges"] == []
    np.testing.assert_allclose(fc.outcomes, [50, 50])
    assert fc.rounds == 1  # stops when no exchange pays
    assert any("no exchange pays" in line for line in fc.explanation)


def test_one_issue_is_the_weighted_mean() -> None:
    sc = _scenario([("A", "p", 100, 80), ("B", "p", 0, 20)], issues=("p",))
    fc = forecast(sc, "exchange")
    np.testing.assert_allclose(fc.outcomes, forecast(sc, "compromise").outcomes)
    assert any("one issue" in n for n in fc.notes)


def test_registered_with_options() -> None:
    spec = {m.name: m for m in list_models()}["exchange"]
    assert {"rounds", "variant", "tie_break", "edge", "outcome"} <= set(spec.options)
    assert "Stokman" in spec.reference


@pytest.mark.parametrize(
    "opts",
    [
        pytest.param({"rounds": 0}, id="rounds-zero"),
        pytest.param({"rounds": 2.5}, id="rounds-fraction"),
        pytest.param({"variant": "bogus"}, id="variant"),
        pytest.param({"salience_weight": 0.8, "fixed_weight": 0.5}, id="weights-sum"),
        pytest.param({"nope": 1}, id="unknown"),
    ],
)
def test_bad_options_are_clear_errors(opts: dict) -> None:
    with pytest.raises(InputError, match="exchange"):
        forecast(_scenario(TWO), "exchange", **opts)


def test_outcome_start_uses_the_adjusted_positions() -> None:
    fc = forecast(_scenario(TWO), "exchange", rounds=1, outcome="start")
    # start positions after round 1: A (100, 58), B (42, 0); weights as in the hand example
    np.testing.assert_allclose(fc.outcomes, [0.8 * 100 + 0.2 * 42, 0.2 * 58], atol=1e-12)


# -- properties on random scenarios ------------------------------------------------------------
@st.composite
def scenarios(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    n_a = draw(st.integers(2, 6))
    n_i = draw(st.integers(2, 4))
    grid = st.integers(0, 20).map(lambda v: v * 5.0)
    pos = np.array(draw(st.lists(grid, min_size=n_a * n_i, max_size=n_a * n_i))).reshape(n_a, n_i)
    sal = np.array(draw(st.lists(st.integers(1, 20), min_size=n_a * n_i,
                                 max_size=n_a * n_i))).reshape(n_a, n_i) / 20.0
    cap = np.array(draw(st.lists(st.integers(1, 10), min_size=n_a, max_size=n_a)), float)
    return pos, sal, np.repeat(cap[:, None], n_i, axis=1)


@settings(max_examples=60, deadline=None)
@given(scenarios(), st.sampled_from(["equal_gain", "random_rate"]), st.integers(0, 3))
@example(
    (np.array([[0, 0, 0, 0], [35, 0, 0, 45], [45, 0, 0, 0], [0, 5, 5, 0]], float),
     np.array([[1, 1, 1, 1], [8, 1, 1, 2], [2, 1, 1, 1], [11, 2, 2, 3]]) / 20.0,
     np.repeat(np.array([1.0, 8, 2, 2])[:, None], 4, axis=1)),
    "equal_gain", 0,
)
def test_exchange_properties(sc: tuple, variant: str, seed: int) -> None:
    pos, sal, cap = sc
    present = np.ones(pos.shape, dtype=bool)
    run = run_exchange_rounds(pos, sal, cap, present, rounds=3, variant=variant,
                              rng=np.random.default_rng(seed))
    w = sal * cap
    for r, rows in enumerate(run.exchanges):
        x = run.start_positions[r]
        out = run.start_outcomes[r]
        np.testing.assert_allclose(out, (w * x).sum(0) / w.sum(0), atol=1e-9)
        for e in rows:
            # traders sit on opposite sides of both outcomes (or on them)
            for k in (e.issue_i, e.issue_j):
                assert (x[e.actor_i, k] - out[k]) * (x[e.actor_j, k] - out[k]) <= 1e-9
            # each moves towards the other's side; not necessarily short of its position: an
            # actor in several exchanges on one issue carries its earlier moves, and the shift
            # that moves the outcome enough can pass the demander (decide does the same, e.g.
            # on the scenario in the @example below)
            for a, b, k, y in ((e.actor_i, e.actor_j, e.issue_i, e.y_i),
                               (e.actor_j, e.actor_i, e.issue_j, e.y_j)):
                assert (y - x[a, k]) * (x[b, k] - x[a, k]) >= -1e-9
                assert 0 - 1e-9 <= y <= 100 + 1e-9
            assert e.gain_i > -1e-9 and e.gain_j > -1e-9
            if variant == "equal_gain":
                assert e.gain_i == pytest.approx(e.gain_j, rel=1e-9, abs=1e-12)
        v = run.voting_positions[r]
        assert np.all((v >= -1e-9) & (v <= 100 + 1e-9))
        # the next start lies between the start and the voting position
        nxt = run.start_positions[r + 1]
        assert np.all((nxt - x) * (v - nxt) >= -1e-9)


@settings(max_examples=20, deadline=None)
@given(scenarios(), st.integers(0, 10))
def test_random_options_are_seeded(sc: tuple, seed: int) -> None:
    pos, sal, cap = sc
    present = np.ones(pos.shape, dtype=bool)
    runs = [
        run_exchange_rounds(pos, sal, cap, present, rounds=3, variant="random_rate",
                            tie_break="random", rng=np.random.default_rng(seed))
        for _ in range(2)
    ]
    np.testing.assert_array_equal(runs[0].voting_positions, runs[1].voting_positions)


def test_missing_stances_do_not_trade_on_that_issue() -> None:
    rows = TWO + [("C", "p", 50, 50)]  # C has no stance on q
    fc = forecast(_scenario(rows), "exchange", rounds=1)
    assert all("C" not in (t["actor_i"], t["actor_j"]) for t in fc.diagnostics["exchanges"])


# -- command line --------------------------------------------------------------------------------
@pytest.mark.skipif(not CASES.is_dir(), reason="decide's inputs (../shared) not found")
def test_cli_explain() -> None:
    from detente.cli import app

    res = CliRunner().invoke(app, ["forecast", str(CASES / "sample_data.txt"), "--model",
                                   "exchange", "--explain", "--option", "tie_break=second"])
    assert res.exit_code == 0, res.output
    assert "gave way on" in res.output and "forecast's path" in res.output
    bad = CliRunner().invoke(app, ["forecast", str(CASES / "sample_data.txt"), "--model",
                                   "exchange", "--option", "rounds=0"])
    assert bad.exit_code == 2
    assert "rounds" in bad.output


@pytest.mark.skipif(not CASES.is_dir(), reason="decide's inputs (../shared) not found")
def test_batch_equals_one_by_one() -> None:
    """forecast_many runs scenarios side by side; each result is the one-by-one result."""
    from detente.collective import forecast_many
    from detente.scenario import load_scenario

    base = load_scenario(CASES / "copenhagen.csv")
    rng = np.random.default_rng(7)
    scs = [base]
    for _ in range(4):  # perturbed positions, as in a Monte Carlo run
        scs.append(base.with_stances(
            s.model_copy(update={"position": float(np.clip(s.position + rng.normal(0, 8), 0, 100))})
            for s in base.stances
        ))
    scs.append(_scenario(TWO))
    many = forecast_many(scs, "exchange", tie_break="second")
    for sc, fc in zip(scs, many, strict=True):
        one = forecast(sc, "exchange", tie_break="second")
        np.testing.assert_array_equal(fc.round_outcomes, one.round_outcomes)
        assert fc.diagnostics["exchanges"] == one.diagnostics["exchanges"]
