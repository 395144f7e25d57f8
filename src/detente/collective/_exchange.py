"""The exchange model (Stokman & Van Oosten 1994), registered as ``exchange``.

Actors trade voting positions across issues: each gives way where it cares less in return for a
move it values more where it cares more. Per round: the outcome of each issue is the capability ×
salience weighted mean of positions (the "Nash bargaining solution" of Stokman & Van Oosten and of
the decide program); every pair of actors on opposite sides of the outcome on two issues, with
different salience ratios, can exchange; the equal-gain exchange rate fixes how far each moves;
exchanges are realised best first, the ones touched by a realised exchange are recalculated;
the moves give the round's voting positions and outcome, and the next round starts from a partial
adjustment towards them. The round loop lives in :mod:`._exchange_engine`.

References: Stokman, F. N. & Van Oosten, R. (1994), "The exchange of voting positions: an
object-oriented model of policy networks", in Bueno de Mesquita & Stokman (eds.), *European
Community Decision Making*, Yale University Press; the decide program (University of Groningen,
``decide-exchange-model`` 2022.1.28), whose results this implementation reproduces.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from detente.collective._exchange_engine import ExchangeRun, run_exchange_batch
from detente.collective._forecast import Forecast
from detente.collective._lazy import LazyMapping, LazyTuple
from detente.collective._registry import Option, register
from detente.errors import InputError
from detente.scenario import CompiledScenario, Scenario

__all__ = ["exchange", "exchange_many"]

_SHOW_TRADES = 3  # trades listed per round in the explanation


def _fmt(x: float) -> str:
    return f"{x:.4g}" if abs(x) < 1e4 else f"{x:.0f}"


_OPTIONS = {
    "rounds": Option(10, "rounds of exchange (decide's default 10); fewer if none pays"),
    "variant": Option(
        "equal_gain",
        "exchange rate: equal_gain (both gain the same) or random_rate (drawn uniformly "
        "between the rates at which one side gains nothing; uses the seed)",
        choices=("equal_gain", "random_rate"),
    ),
    "tie_break": Option(
        "first",
        "between exchanges of equal gain: first (earlier in issue-pair, actor order), "
        "second (decide with its coin fixed at 0.75), random (a fair coin; uses the seed)",
        choices=("first", "second", "random"),
    ),
    "edge": Option(
        "pass",
        "when the outcome already sits on the demander's position: pass (decide's rule in "
        "exact arithmetic: a further move may push it past) or cap (cut such moves to zero)",
        choices=("pass", "cap"),
    ),
    "outcome": Option(
        "voting",
        "forecast: voting (outcome of the last round's voting positions) or start (of the "
        "positions the next round would start from)",
        choices=("voting", "start"),
    ),
    "salience_weight": Option(
        0.4, "next round starts at x + (fixed_weight + salience_weight·(1 − s))·(y − x)"
    ),
    "fixed_weight": Option(0.1, "see salience_weight (decide's values 0.4 and 0.1)"),
}


def _options(
    rounds: int, variant: str, tie_break: str, edge: str, outcome: str,
    salience_weight: float, fixed_weight: float,
) -> dict[str, Any]:
    if int(rounds) != rounds or rounds < 1:
        raise InputError(
            f"model 'exchange' option 'rounds' must be a whole number ≥ 1, got {rounds}"
        )
    for name, v in (("salience_weight", salience_weight), ("fixed_weight", fixed_weight)):
        if not 0 <= float(v) <= 1:
            raise InputError(f"model 'exchange' option '{name}' must be between 0 and 1, got {v}")
    if float(salience_weight) + float(fixed_weight) > 1:
        raise InputError(
            "model 'exchange' options salience_weight + fixed_weight must not exceed 1 "
            f"(got {salience_weight} + {fixed_weight})"
        )
    return {
        "rounds": int(rounds),
        "variant": variant,
        "tie_break": tie_break,
        "edge": edge,
        "outcome": outcome,
        "salience_weight": float(salience_weight),
        "fixed_weight": float(fixed_weight),
    }


def _run(
    pairs: list[tuple[Scenario, CompiledScenario]],
    opts: dict[str, Any],
    rng: np.random.Generator | None,
) -> list[Forecast]:
    inputs = [
        (c.position * 100.0, c.salience, np.where(c.present, c.capability, 0.0), c.present)
        for _, c in pairs
    ]
    runs = run_exchange_batch(
        inputs,
        rounds=opts["rounds"],
        variant=opts["variant"],
        tie_break=opts["tie_break"],
        salience_weight=opts["salience_weight"],
        fixed_weight=opts["fixed_weight"],
        stop_when_stable=True,
        edge=opts["edge"],
        rng=rng if rng is not None else np.random.default_rng(0),
    )
    return [_forecast(sc, c, run, opts) for (sc, c), run in zip(pairs, runs, strict=True)]


def exchange_many(
    scenarios: list[Scenario],
    *,
    rng: np.random.Generator | None = None,
    rounds: int = 10,
    variant: str = "equal_gain",
    tie_break: str = "first",
    edge: str = "pass",
    outcome: str = "voting",
    salience_weight: float = 0.4,
    fixed_weight: float = 0.1,
) -> list[Forecast]:
    """Many scenarios at once (``forecast_many``, ``evaluate``, Monte Carlo): the same results
    as one by one, with the recalculations of all of them batched."""
    opts = _options(rounds, variant, tie_break, edge, outcome, salience_weight, fixed_weight)
    return _run([(sc, sc.compile()) for sc in scenarios], opts, rng)


@register(
    "exchange",
    summary="Vote trading across issues (equal-gain exchange model); needs two or more issues.",
    reference="Stokman, F. N. & Van Oosten, R. (1994). The exchange of voting positions. In "
    "Bueno de Mesquita & Stokman (eds.), European Community Decision Making. Yale University "
    "Press. Results equal to decide-exchange-model 2022.1.28 (University of Groningen).",
    options=_OPTIONS,
    batch=exchange_many,
)
def exchange(
    scenario: Scenario,
    c: CompiledScenario,
    *,
    rng: np.random.Generator | None = None,
    rounds: int = 10,
    variant: str = "equal_gain",
    tie_break: str = "first",
    edge: str = "pass",
    outcome: str = "voting",
    salience_weight: float = 0.4,
    fixed_weight: float = 0.1,
) -> Forecast:
    """Forecast with the exchange model (see the module docstring)."""
    opts = _options(rounds, variant, tie_break, edge, outcome, salience_weight, fixed_weight)
    return _run([(scenario, c)], opts, rng)[0]


def _forecast(
    scenario: Scenario, c: CompiledScenario, run: ExchangeRun, opts: dict[str, Any]
) -> Forecast:
    def scale(a: np.ndarray) -> np.ndarray:
        return c.to_scale(np.asarray(a) / 100.0)

    weight = np.where(c.present, c.capability * c.salience, 0.0).sum(axis=0)
    dead = weight <= 0  # no actor with capability and salience: no forecast
    start_out = np.where(dead, np.nan, scale(run.start_outcomes))
    vote_out = np.where(dead, np.nan, scale(run.voting_outcomes))
    start_pos = scale(run.start_positions)
    vote_pos = scale(run.voting_positions)
    if opts["outcome"] == "voting":
        rounds_out = np.concatenate([start_out[:1], vote_out])
        traj = np.concatenate([start_pos[:1], vote_pos])
    else:
        rounds_out, traj = start_out, start_pos
    notes = []
    for k, iss in enumerate(c.issue_ids):
        if dead[k]:
            notes.append(
                f"issue '{iss}': no actor has both capability and salience above zero; no forecast"
            )
    if c.n_issues < 2:
        notes.append("one issue only: no exchange is possible, the forecast is the weighted mean")
    if run.ties:
        notes.append(
            f"{run.ties} tie(s) between exchanges of equal gain, broken by "
            f"tie_break={opts['tie_break']} (decide breaks them with an unseeded coin)"
        )
    def externalities() -> np.ndarray:
        ext = run.externalities
        return ext if ext is not None else np.zeros((0, c.n_actors))

    ready: dict[str, Any] = {
        "start_outcomes": start_out,
        "voting_outcomes": vote_out,
        "start_positions": start_pos,
        "voting_positions": vote_pos,
    }
    # the externalities, the realised exchanges with names and the account in words: on first
    # access (the evaluation and Monte Carlo read only outcomes); the keys keep their order
    trades = LazyTuple(lambda: _trades(scenario, c, run))
    candidates, realised = list(run.candidates), list(run.realised)
    diagnostics = LazyMapping(ready, {
        "externalities": lambda: {a: externalities()[:, i].tolist()
                                  for i, a in enumerate(c.actor_ids)},
        "candidates": lambda: candidates,
        "realised": lambda: realised,
        "ties": lambda: run.ties,
        "edge_events": lambda: run.edge_events,
        "converged": lambda: run.converged,
        "exchanges": lambda: list(trades),
    })
    return Forecast(
        model="exchange",
        options=opts,
        scenario=scenario.name,
        issue_ids=c.issue_ids,
        outcomes=rounds_out[-1],
        actor_ids=c.actor_ids,
        trajectory=traj,
        round_outcomes=rounds_out,
        diagnostics=diagnostics,
        notes=tuple(notes),
        explanation=LazyTuple(lambda: _explain(scenario, c, run, list(trades), rounds_out,
                                               externalities(), opts)),
    )


def _trades(scenario: Scenario, c: CompiledScenario, run: ExchangeRun) -> list[dict[str, Any]]:
    """The realised exchanges on the issues' own scales."""
    lo, hi = c.scale_min.tolist(), c.scale_max.tolist()  # Python floats: the same arithmetic
    width = [h - low for low, h in zip(lo, hi, strict=True)]
    actors, issues = c.actor_ids, c.issue_ids
    out = []
    for rnd in run.exchanges:
        for e in rnd:
            ki, kj = e.issue_i, e.issue_j
            out.append(
                {
                    "round": e.round,
                    "actor_i": actors[e.actor_i],
                    "issue_i": issues[ki],
                    "from_i": lo[ki] + e.start_i / 100.0 * width[ki],
                    "to_i": lo[ki] + e.y_i / 100.0 * width[ki],
                    "shift_i": e.shift_i / 100.0 * width[ki],
                    "actor_j": actors[e.actor_j],
                    "issue_j": issues[kj],
                    "from_j": lo[kj] + e.start_j / 100.0 * width[kj],
                    "to_j": lo[kj] + e.y_j / 100.0 * width[kj],
                    "shift_j": e.shift_j / 100.0 * width[kj],
                    "gain_i": e.gain_i,
                    "gain_j": e.gain_j,
                }
            )
    return out


def _explain(
    scenario: Scenario,
    c: CompiledScenario,
    run: ExchangeRun,
    trades: list[dict[str, Any]],
    rounds_out: np.ndarray,
    ext: np.ndarray,
    opts: dict[str, Any],
) -> tuple[str, ...]:
    label = {a.id: a.label for a in scenario.actors}
    ilabel = {i.id: i.label for i in scenario.issues}
    lines = []
    n_rounds = len(run.exchanges)
    if c.n_issues < 2:
        return ("With one issue there is nothing to trade: the forecast is the capability × "
                "salience weighted mean of positions.",)
    rate = "equal gain" if opts["variant"] == "equal_gain" else "random rate"
    lines.append(
        f"Actors traded voting positions for {n_rounds} round(s) ({rate}); each round the "
        "outcome of an issue is the capability × salience weighted mean of positions."
    )
    by_round: dict[int, list[dict[str, Any]]] = {}
    for t in trades:
        by_round.setdefault(t["round"], []).append(t)
    for r in range(1, n_rounds + 1):
        rows = by_round.get(r, [])
        if not rows:
            lines.append(f"Round {r}: no exchange pays any more; the forecast is stable.")
            continue
        lines.append(
            f"Round {r}: {len(rows)} exchange(s) of {run.candidates[r - 1]} possible; "
            f"the largest:"
        )
        for t in sorted(rows, key=lambda t: -min(t["gain_i"], t["gain_j"]))[:_SHOW_TRADES]:
            lines.append(
                f"  {label[t['actor_i']]} gave way on {ilabel[t['issue_i']]} "
                f"({_fmt(t['from_i'])} → {_fmt(t['to_i'])}) for {label[t['actor_j']]} giving "
                f"way on {ilabel[t['issue_j']]} ({_fmt(t['from_j'])} → {_fmt(t['to_j'])}); "
                f"gains {_fmt(t['gain_i'])} and {_fmt(t['gain_j'])}."
            )
    lines.append("The forecast's path per issue (start, then after each round):")
    for k, iss in enumerate(c.issue_ids):
        path = rounds_out[:, k]
        if np.isnan(path).all():
            continue
        lines.append(f"  {ilabel[iss]}: " + " → ".join(_fmt(float(v)) for v in path))
    if ext.size:
        total = ext.sum(axis=0)
        order = np.argsort(total)
        best, worst = int(order[-1]), int(order[0])
        if total[best] > 0:
            lines.append(
                f"Externalities: {label[c.actor_ids[best]]} gained most from others' trades "
                f"({_fmt(float(total[best]))} salience-weighted)."
            )
        if total[worst] < 0:
            lines.append(
                f"Externalities: {label[c.actor_ids[worst]]} lost most from others' trades "
                f"({_fmt(float(total[worst]))})."
            )
    return tuple(lines)
