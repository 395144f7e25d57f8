"""Baseline forecasters: the status quo, compromise (weighted mean), weighted median, Nash
bargaining.

Each works on every issue at once (numpy over the issue axis). Weights are capability ×
salience, as in Achen (2006). Positions are on [0, 1] inside, on each issue's scale outside.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from detente.collective._forecast import Forecast, median_tie, tie_note
from detente.collective._lazy import LazyTuple
from detente.collective._registry import Option, register
from detente.scenario import CompiledScenario, Scenario

__all__ = ["nash_bargaining", "weighted_mean", "weighted_median"]


def _weights(c: CompiledScenario) -> np.ndarray:
    return np.where(c.present, c.capability * c.salience, 0.0)


def weighted_mean(position: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Weighted mean over axis -2 (actors); NaN where the weights sum to zero.

    ``position`` and ``weight`` have shape ``(..., n_actors, n_issues)``; absent stances carry
    weight 0 (their position may be NaN).
    """
    w = np.where(np.isnan(position), 0.0, weight)
    total = w.sum(axis=-2)
    num = (np.nan_to_num(position) * w).sum(axis=-2)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, num / np.where(total > 0, total, 1.0), np.nan)


def weighted_median(position: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Weighted median over axis -2 (actors); NaN where the weights sum to zero.

    The position at which the cumulative weight (positions sorted ascending) first reaches half
    the total. When it reaches exactly half at one position, the median is the midpoint between
    that position and the next, as for the ordinary median of an even count.
    """
    w = np.where(np.isnan(position), 0.0, weight)
    p = np.where(np.isnan(position), np.inf, position)
    order = np.argsort(p, axis=-2, kind="stable")
    ps = np.take_along_axis(p, order, axis=-2)
    ws = np.take_along_axis(w, order, axis=-2)
    cum = np.cumsum(ws, axis=-2)
    total = cum[..., -1:, :]
    half = total / 2.0
    tol = 1e-12 * total  # relative: capability is any non-negative scale
    reach = cum >= half - tol
    k = np.argmax(reach, axis=-2)[..., None, :]
    lower = np.take_along_axis(ps, k, axis=-2)[..., 0, :]
    exact = np.abs(np.take_along_axis(cum, k, axis=-2) - half) <= tol
    # next position carrying positive weight after k
    n = ps.shape[-2]
    idx = np.arange(n).reshape((1,) * (ps.ndim - 2) + (n, 1))
    later = (idx > k) & (ws > 0)
    has_next = later.any(axis=-2)
    nxt_k = np.argmax(later, axis=-2)[..., None, :]
    upper = np.take_along_axis(ps, nxt_k, axis=-2)[..., 0, :]
    med = np.where(exact[..., 0, :] & has_next, (lower + upper) / 2.0, lower)
    return np.where(total[..., 0, :] > 0, med, np.nan)


def nash_bargaining(
    position: np.ndarray,
    salience: np.ndarray,
    weight: np.ndarray,
    status_quo: np.ndarray,
    exponent: float = 2.0,
    iterations: int = 100,
) -> np.ndarray:
    """Asymmetric Nash bargaining solution per issue (Nash 1950; Achen 2006).

    Maximises ``sum_i w_i log(u_i(x) - u_i(q))`` with ``u_i(x) = -s_i |x - p_i|^k`` and the status
    quo ``q`` as disagreement point, over the outcomes every actor with positive weight and
    salience prefers to ``q``. If no outcome improves on ``q`` for all of them (e.g. an actor sits
    at the status quo, or the status quo lies between actors), the solution is ``q`` itself. An
    issue on which no actor has both weight and salience above zero has no solution (NaN), as
    in the other baselines. Arrays are ``(n_actors, n_issues)``; ``status_quo`` is
    ``(n_issues,)`` and NaN gives NaN.

    The objective is strictly concave on the feasible interval, so its derivative is decreasing
    there and bisection on it converges to the unique maximum.
    """
    active = (weight > 0) & (salience > 0) & ~np.isnan(position)
    p = np.where(active, position, 0.0)
    q = np.nan_to_num(status_quo, nan=0.0)[None, :]
    r = np.abs(q - p)  # each actor's gain region is |x - p| < r
    lo = np.where(active, p - r, -np.inf).max(axis=0)
    hi = np.where(active, p + r, np.inf).min(axis=0)
    feasible = (hi > lo) & active.any(axis=0) & ~np.isnan(status_quo)
    lo_f = np.where(feasible, lo, 0.0)
    hi_f = np.where(feasible, hi, 1.0)
    k = float(exponent)

    def slope(x: np.ndarray) -> np.ndarray:
        d = x[None, :] - p
        gain = r**k - np.abs(d) ** k  # > 0 inside the feasible interval (salience cancels)
        dgain = -k * np.abs(d) ** (k - 1) * np.sign(d)
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            term = np.where(active, weight * dgain / gain, 0.0)
            return term.sum(axis=0)

    a, b = lo_f.copy(), hi_f.copy()
    for _ in range(iterations):
        mid = (a + b) / 2.0
        up = slope(mid) > 0
        a = np.where(up, mid, a)
        b = np.where(up, b, mid)
    x = (a + b) / 2.0
    out = np.where(feasible, x, status_quo)
    return np.where(np.isnan(status_quo) | ~active.any(axis=0), np.nan, out)


def _result(
    scenario: Scenario, c: CompiledScenario, model: str, opts: dict[str, Any], unit: np.ndarray,
    notes: tuple[str, ...] = (),
) -> Forecast:
    ties: dict[str, tuple[float, float]] = {}
    if model == "median":
        w = _weights(c)
        for i, issue_id in enumerate(c.issue_ids):
            span = float(c.scale_max[i] - c.scale_min[i])  # positions: unit -> the scale
            tie = median_tie(c.scale_min[i] + c.position[:, i] * span, w[:, i], span)
            if tie is not None:
                ties[issue_id] = tie
    return Forecast(
        model=model,
        options=opts,
        scenario=scenario.name,
        issue_ids=c.issue_ids,
        outcomes=c.to_scale(unit),
        actor_ids=c.actor_ids,
        ties=ties,
        notes=notes + _no_weight_notes(scenario, c, unit)
        + tuple(tie_note(i, t) for i, t in ties.items()),
        # built on first read (``--explain``, the report, the web page), not in a batch run
        explanation=LazyTuple(lambda: _explain(scenario, c, model, unit)),
    )


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".") if math.isfinite(x) else "—"


def _explain(sc: Scenario, c: CompiledScenario, model: str, unit: np.ndarray) -> list[str]:
    """Per issue, in words: what the number is and whose weight put it there (the three
    heaviest actors, their share of the weight and their positions on the issue's scale)."""
    w_all = _weights(c) if model != "nash" else np.where(c.present, c.capability, 0.0)
    out = [{
        "compromise": "Each issue's forecast is the mean of the positions weighted by "
                      "capability × salience (Achen 2006).",
        "median": "Each issue's forecast is the weighted median position (capability × "
                  "salience weights): no side of it holds more than half the weight (Black "
                  "1948).",
        "nash": "Each issue's forecast is the asymmetric Nash bargaining solution: the point "
                "that maximises the product of the actors' gains over the status quo, each "
                "gain raised to the actor's capability (Nash 1950; Achen 2006); actors who "
                "would lose by any move away from the status quo hold it there.",
    }[model]]
    width = c.scale_max - c.scale_min
    x = c.to_scale(unit)
    for k, iss in enumerate(sc.issues):
        w = np.where(c.present[:, k], w_all[:, k], 0.0)
        if not math.isfinite(float(x[k])) or w.sum() <= 0:
            continue
        share = w / w.sum()
        top = np.argsort(-share, kind="stable")[:3]
        pos = c.scale_min[k] + c.position[:, k] * width[k]
        who = ", ".join(f"{c.actor_ids[j]} {share[j]:.0%} (at {_fmt(float(pos[j]))})"
                        for j in top if share[j] > 0)
        what = "capability" if model == "nash" else "capability × salience"
        line = f"{iss.name or iss.id}: {_fmt(float(x[k]))}; heaviest by {what}: {who}"
        if model == "median":
            at = [c.actor_ids[j] for j in range(len(c.actor_ids))
                  if share[j] > 0 and abs(float(pos[j]) - float(x[k])) <= 1e-9 * float(width[k])]
            if at:
                line += (f"; the median voter (half the weight on either side) is "
                         f"{' and '.join(at)}")
        if model == "nash" and math.isfinite(float(c.status_quo[k])):
            sq = float(c.scale_min[k] + c.status_quo[k] * width[k])
            line += f"; status quo {_fmt(sq)}"
            if abs(float(x[k]) - sq) <= 1e-9 * max(float(width[k]), 1.0):
                line += (" (held there: no outcome is better than it for every actor with "
                         "capability and salience on the issue)")
        out.append(line + ".")
    return out


def _no_weight_notes(sc: Scenario, c: CompiledScenario, unit: np.ndarray) -> tuple[str, ...]:
    notes = []
    for k, iss in enumerate(c.issue_ids):
        if np.isnan(unit[k]) and _weights(c)[:, k].sum() <= 0:
            notes.append(
                f"issue '{iss}': no actor has both capability and salience above zero; "
                "no forecast"
            )
    return tuple(notes)


@register(
    "status_quo",
    summary="Baseline: nothing changes; the forecast is each issue's status quo.",
    reference="Achen, C. H. (2006). Evaluating political decision-making models. In Thomson, "
    "Stokman, Achen & König (eds.), The European Union Decides. Cambridge University Press "
    "(the status quo as the benchmark a model must beat).",
    baseline=True,
)
def status_quo(
    scenario: Scenario, c: CompiledScenario, *, rng: np.random.Generator | None = None
) -> Forecast:
    """Nothing changes: the forecast on each issue is its status quo (NaN, with a note, where
    the issue has none). The benchmark every model must beat."""
    notes = tuple(
        f"issue '{iss}' has no status quo, so the status-quo baseline gives no forecast there "
        "(add status_quo to the issue)"
        for k, iss in enumerate(c.issue_ids)
        if np.isnan(c.status_quo[k])
    )
    return Forecast(
        model="status_quo",
        options={},
        scenario=scenario.name,
        issue_ids=c.issue_ids,
        outcomes=c.to_scale(c.status_quo),
        actor_ids=c.actor_ids,
        notes=notes,
    )


@register(
    "compromise",
    summary="Mean of positions weighted by capability × salience.",
    reference="Achen, C. H. (2006). Evaluating political decision-making models. In Thomson, "
    "Stokman, Achen & König (eds.), The European Union Decides. Cambridge University Press.",
)
def compromise(
    scenario: Scenario, c: CompiledScenario, *, rng: np.random.Generator | None = None
) -> Forecast:
    return _result(scenario, c, "compromise", {}, weighted_mean(c.position, _weights(c)))


@register(
    "median",
    summary="Weighted median position (capability × salience weights).",
    reference="Black, D. (1948). On the rationale of group decision-making. Journal of "
    "Political Economy 56(1); Achen (2006) for its use on EU decisions.",
)
def median(
    scenario: Scenario, c: CompiledScenario, *, rng: np.random.Generator | None = None
) -> Forecast:
    return _result(scenario, c, "median", {}, weighted_median(c.position, _weights(c)))


@register(
    "nash",
    summary="Asymmetric Nash bargaining solution, status quo as disagreement point, "
    "capability as bargaining weight.",
    reference="Nash, J. (1950). The bargaining problem. Econometrica 18(2); Achen, C. H. "
    "(2006), in The European Union Decides.",
    options={
        "exponent": Option(
            2, "k in the utility −salience·|x − position|^k: 1 (linear) or 2 (quadratic)",
            choices=(1, 2, 1.0, 2.0),
        ),
    },
)
def nash(
    scenario: Scenario,
    c: CompiledScenario,
    *,
    rng: np.random.Generator | None = None,
    exponent: float = 2,
) -> Forecast:
    capability = np.where(c.present, c.capability, 0.0)
    unit = nash_bargaining(c.position, c.salience, capability, c.status_quo, float(exponent))
    notes = tuple(
        f"issue '{iss}' has no status quo: the Nash model needs one as its disagreement point, "
        "so it gives no forecast here (add status_quo to the issue)"
        for k, iss in enumerate(c.issue_ids)
        if np.isnan(c.status_quo[k])
    )
    return _result(scenario, c, "nash", {"exponent": exponent}, unit, notes)
