"""The crisis model: coercive bargaining on a scenario (registered as ``crisis``).

Two layers, each stated so that it can be checked:

1. **Collective layer** (the stated baseline). Every issue is settled by the asymmetric Nash
   bargaining solution among the actors whose consent it needs, with the status quo as
   disagreement point (Nash 1950; Achen 2006; the registry's ``nash`` model, exponent 2):
   ``collective`` issues need everyone, ``joint: [A, B]`` issues the listed parties; a
   ``unilateral: D`` issue goes to D's position (within D's own red line). Red lines are vetoes
   (non-compensatory): a deal is clipped to the interval every red line allows, and an issue
   whose consent set and red-line interval do not meet stays at the status quo; a ``package``
   is agreed all together or not at all; a ``conditional`` issue moves only under its branch.
   With no outside options this layer *is* the forecast (P(escalation) = 0), and with no red
   lines and no unilateral issues it equals the ``nash`` model exactly.

2. **Crisis layer** (Schelling 1960; Fearon 1995). The actor with the most attractive outside
   option (A) faces the rest (B: the other actors, weighted by capability). Escalation is worth
   ``EV_i = p U_i(x_win) + (1 - p) U_i(x_lose) - c_i`` to each actor, where A prevails with
   ``p`` (given, or ``C_A / (C_A + C_T)`` over the targets' capabilities: Bueno de Mesquita
   1981), the winner imposes its positions on the issues A's option names (A's ``imposes``,
   else B's capability × salience weighted position), ``c`` is the actor's cost (A: ``cost``;
   targets: ``target_cost``). The threat is credible when ``EV_A > U_A(standoff)``. A deal
   ``x`` is worth ``V_i(x) = κ_i U_i(x) + (1 - κ_i) U_i(standoff) - AC_i(x)``: a promise is
   kept with the other side's credibility κ (Fearon's commitment problem; Powell 2006), and
   signing costs the audience cost ``AC_i`` of conceding away from the public position
   (Fearon 1994; Tomz 2007). The zone of agreement is the set of deals, crossing no red line,
   with ``V_A ≥ r_A = max(U_A(standoff), EV_A)``, ``V_B ≥ r_B`` (B's escalation value if A's
   threat is credible, else its standoff value), and every joint party's consent. On one issue
   with no audience costs and full trust this is Fearon's range ``[p - c_A, p + c_B]``.

   Private information (Fearon 1995): each side's cost of conflict is known to itself only; the
   other side knows it up to a mean-preserving log-normal factor ``exp(σZ - σ²/2)``. The
   proposal is the Nash point of the zone as both sides believe it (nominal costs); in each of
   ``draws`` Monte Carlo draws of the true costs each side accepts iff the proposal is worth its
   true reservation value. Breakdown is escalation if A's true threat is credible, else a
   standoff. The odds of prevailing are one draw both sides know, or with ``power_info =
   "private"`` each side's own estimate (design revision 7 of docs/crisis.md; not the default).
   With ``input_sd`` s > 0 the analyst's uncertainty about the coding is added on top (design
   revision 8; not the default): the draws fall in :data:`INPUT_WORLDS` blocks, each with its
   own drawn costs (× exp(sZ)) and log-odds of prevailing (+ sZ), known to both sides; the
   forecast is the mixture of the blocks.
   Hence P(agreement), P(no_agreement), P(escalation), and per issue the
   probability-weighted outcome (deal, standoff, or what the winner imposes) with its spread.

   Deals are chosen among candidates drawn from a fixed seed (:data:`CANDIDATE_SEED`), and
   deals within :data:`NEAR_TIE` of the best gain count as tied, the one nearest their centroid
   being taken: with linear utilities Nash's solution (Nash 1950) is unique in utilities but
   not in deals, and the point forecast must not move with the seed (docs/crisis.md).

The **standoff** outcome is the status quo on negotiated issues and, on unilateral issues, the
decider's best reply to A's threat (deterrence: a decider threatened by A picks, on a grid of
its issue, the position that maximises its value given whether A would then escalate); without
a credible threat that is the decider's own position.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from detente._rng import as_generator
from detente.collective._baselines import nash_bargaining
from detente.collective._forecast import Forecast
from detente.collective._registry import Option, register
from detente.crisis._calibrate import (
    climatology,
    mix,
    mixture_line,
    parse_base_rate,
    parse_weight,
)
from detente.crisis._setup import (
    Channel,
    CrisisSetup,
    OptionSetup,
    contest_probability,
    setup,
)
from detente.errors import InputError
from detente.scenario import CompiledScenario, Scenario

__all__ = [
    "AUDIENCE_COST_SCALE",
    "CrisisAnalysis",
    "DEFAULTS",
    "analyse",
    "collective_layer",
    "crisis_forecast",
]

#: λ, the audience cost of conceding a whole stake at full commitment, in stake units: at
#: commitment 1 backing down by a distance costs as much again as the distance itself.
AUDIENCE_COST_SCALE = 1.0

#: Deals whose gain to the challenger (over its reservation value; the Nash product's geometric
#: mean of gains with ``power < 1``) is within this fraction of the best candidate's are treated
#: as equally good: the candidate grid resolves values only to about this (a random candidate
#: set, ≈ 0.003 of a scale per issue), and with linear utilities a multi-issue bargaining
#: problem can have a whole face of optimal deals (Nash 1950's solution is unique in utilities,
#: not in deals). Among the near-best deals the one nearest their centroid is taken — the set
#: of maximisers of a concave objective over the convex zone is convex, so its centre is a
#: stable, deterministic representative (see docs/crisis.md, "Stable point forecast"); each
#: weighs in the centroid by how far inside the band it scores (round ``crisis17``).
NEAR_TIE = 0.01

#: The candidate deals are drawn from this fixed seed, not from the forecast's random stream
#: (common random numbers across seeds): the seed then moves only the private-information draws,
#: not the set of deals the parties can choose from.
CANDIDATE_SEED = 0

#: With ``input_sd`` s > 0 (the analyst's uncertainty about the coded inputs, design revision 8
#: of docs/crisis.md) the draws are split into this many blocks, one drawn coding ("world") of
#: the costs of conflict and the chance of prevailing per block; within a block the sides bargain
#: exactly as at s = 0 (both know the block's inputs; each side's cost is private up to σ), over
#: ``draws / INPUT_WORLDS`` private-information draws. The forecast is the mixture over blocks.
INPUT_WORLDS = 50

#: ε, the weight of the case bank's base rate π in the episode forecast
#: ``P = (1 − ε)·P_model + ε·π`` (design revision 9 of docs/crisis.md): chosen by a rule stated
#: in advance on the odd half of the bank, grid {0, 0.1, …, 0.5}. 0 = the structural model.
BASE_RATE_WEIGHT = 0.2

#: κ₀, the trust each way in a dyad the record has no events for (design revision 10 of
#: docs/crisis.md, ``silent_trust``): 1 is full trust (the model before the revision); the
#: record's own credibility of such a dyad is its Beta(1, 1) prior's mean, 0.5. Trust read from
#: events, or given as a number, is not affected.
SILENT_TRUST = 1.0

#: α, the share of its patrons' capability the targets' side counts on when it reads the war
#: (design revision 11 of docs/crisis.md, ``patron_support``): 0 is the model before the
#: revision (the targets weigh the war alone). See :func:`patrons` and :func:`believed_p`.
PATRON_SUPPORT = 0.0

#: ρ, the cost to the challenger's counterpart of yielding to its threat (design revision 12 of
#: docs/crisis.md, ``yield_cost``): each actor of B's side pays ρ times what a deal concedes on
#: the issues the challenger's options impose, measured from the standoff (a reputation for
#: resolve lost by giving in under threat: Schelling 1966; Sechser 2010). 0 is the model before
#: the revision. See :func:`yield_concession`.
YIELD_COST = 0.0

#: τ, whether the challenger's counterpart is the targets of its threat, each deciding for itself
#: (design revision 13 of docs/crisis.md, ``target_consent``): 1 = B's side is the actors the
#: threat imposes on (:func:`threat_targets`), capability-weighted among themselves, and every one
#: of them must accept; 0 = the model before the revision (every other actor, by capability).
TARGET_CONSENT = 0.0

#: δ, whether each challenger bargains with the other challengers it threatens (design revision
#: 14 of docs/crisis.md, ``several_challengers``): 1 = where several actors hold outside options,
#: a challenger's counterpart is the other holders that are coded targets of its options
#: (:func:`rival_holders`), capability-weighted among themselves, and every one of them must
#: accept; 0 = the model before the revision (every other actor, by capability).
SEVERAL_CHALLENGERS = 0.0

#: ψ, what a broken promise leaves the challenger's counterpart (design revision 15 of
#: docs/crisis.md, ``appeasement``): 1 = every actor but the challenger, if the challenger does
#: not keep its word, is left at what the challenger's threat imposes (it holds the concession
#: and takes the rest: Fearon 1995's appeasement problem, Powell 2006); 0 = the model before the
#: revision (a broken promise returns the standoff to both sides). The default since round
#: ``crisis16``: kept on the odd half by the stated rule, nested leave-one-case-out Brier of
#: P(escalation) 0.2230 against 0.2385. See :func:`appeasement_value`.
APPEASEMENT = 1.0

#: The largest ``yield_cost`` accepted (a concession under threat then costs six times the issue).
YIELD_COST_MAX = 5.0

#: The model's defaults. Fixed by rule, not fitted: σ = 0.5 (each side's cost of conflict known
#: to the other within a factor of about 1.6 either way, one log-sd), 2000 draws, the
#: capability-ratio contest (γ = 1), λ = 1, full trust where the record has no events for the
#: dyad. Chosen on half the case bank (the cases whose as_of year is odd), between two values
#: fixed in advance: ω = 0.5 (MAE 38.85 against 39.11 for ω = 1); reported on the other half.
DEFAULTS: dict[str, Any] = {
    "draws": 2000, "resolve_sd": 0.5, "contest_exponent": 1.0, "trust": "record",
    "channel": "public", "challenger": "", "counterpart": "", "power": 0.5,
    "standoff_info": "common", "broken_promise": "standoff", "power_shift": 0.0,
    "power_info": "common", "input_sd": 0.0, "silent_trust": SILENT_TRUST,
    "patron_support": PATRON_SUPPORT, "yield_cost": YIELD_COST,
    "target_consent": TARGET_CONSENT, "several_challengers": SEVERAL_CHALLENGERS,
    "appeasement": APPEASEMENT, "base_rate_weight": BASE_RATE_WEIGHT, "base_rate": "bank",
}


# ---------------------------------------------------------------------------------------------
# collective layer
def _nash_interval(pos: np.ndarray, sal: np.ndarray, weight: np.ndarray, sq: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The interval of outcomes every consenting actor prefers to the status quo (as in
    :func:`nash_bargaining`), and whether it is non-empty."""
    active = (weight > 0) & (sal > 0) & ~np.isnan(pos)
    p = np.where(active, pos, 0.0)
    r = np.abs(sq[None, :] - p)
    lo = np.where(active, p - r, -np.inf).max(axis=0)
    hi = np.where(active, p + r, np.inf).min(axis=0)
    return lo, hi, (hi > lo) & active.any(axis=0)


def _package_deal(s: CrisisSetup, idx: list[int], consent: np.ndarray, cap: np.ndarray,
                  n: int = 4000) -> np.ndarray | None:
    """A package agreed all together (Putnam 1988; Stokman & Van Oosten 1994 on trading across
    issues): the asymmetric Nash solution over the package's issues jointly, each consenting
    actor's utility ``-Σ_k s_ik |x_k - y_ik|^2`` as in the per-issue solution, status quo as the
    disagreement point, inside the red lines; ``None`` when no package deal makes every
    consenting actor better off. Deterministic: a fixed quasi-random set of candidate deals."""
    sq = s.status_quo[idx]
    blo, bhi = s.box
    lo, hi = blo[idx], bhi[idx]
    if np.any(lo > hi + 1e-12):
        return None
    sub_present = s.present[:, idx] & consent[:, idx]
    who = sub_present.any(axis=1) & (cap[:, idx].max(axis=1) > 0)
    if not who.any():
        return None
    y = np.nan_to_num(s.ideal[:, idx])
    sal = np.where(sub_present, s.salience[:, idx], 0.0)
    pos = np.where(sub_present, s.ideal[:, idx], np.nan)
    span_lo = np.clip(np.nanmin(np.vstack([pos, sq[None, :]]), axis=0), lo, hi)
    span_hi = np.clip(np.nanmax(np.vstack([pos, sq[None, :]]), axis=0), lo, hi)
    gen = np.random.default_rng(20260101)  # fixed: the layer is deterministic
    cands = span_lo + (span_hi - span_lo) * gen.random((n, len(idx)))
    levels = [np.unique(np.r_[span_lo[j], span_hi[j], np.clip(pos[:, j][~np.isnan(pos[:, j])],
                                                                 span_lo[j], span_hi[j])])
              for j in range(len(idx))]
    if math.prod(len(v) for v in levels) <= 20000:
        cands = np.vstack([cands, np.array(list(itertools.product(*levels)))])

    def util(xx: np.ndarray) -> np.ndarray:
        out: np.ndarray = -(sal[None, :, :] * (xx[:, None, :] - y[None, :, :]) ** 2).sum(axis=2)
        return out

    gain = util(cands) - util(sq[None, :])  # (m, n_actors)
    active = who & (sal.sum(axis=1) > 0)
    if not active.any():
        return None
    g = gain[:, active]
    ok = (g > 1e-12).all(axis=1)
    if not ok.any():
        return None
    w = cap[active][:, idx].max(axis=1)
    score = np.where(ok, (w[None, :] * np.log(np.where(g > 0, g, 1.0))).sum(axis=1), -np.inf)
    best: np.ndarray = cands[int(np.argmax(score))]
    return best


@dataclass(frozen=True, eq=False)
class CollectiveLayer:
    """The collective layer's outcome per issue (unit scale) and which issues were agreed."""

    outcome: np.ndarray
    agreed: np.ndarray
    unconditional: np.ndarray  # outcomes before the branch of conditional issues is applied


def collective_layer(s: CrisisSetup) -> CollectiveLayer:
    """Settle every issue by consent (Nash, status quo as disagreement), red lines as vetoes,
    unilateral issues by their decider, packages all or nothing, conditional issues by branch."""
    n_a, n_i = s.n_actors, s.n_issues
    cap = np.where(s.present, s.issue_capability, 0.0)
    consent = np.ones((n_a, n_i), dtype=bool)
    for k in range(n_i):
        if s.kind[k] == "joint":
            consent[:, k] = False
            consent[list(s.joint[k]), k] = True
    w = np.where(consent, cap, 0.0)
    sq = s.status_quo
    x = nash_bargaining(s.ideal, s.salience, w, sq, 2.0)
    lo, hi, feasible = _nash_interval(s.ideal, s.salience, w, sq)
    blo, bhi = s.box
    lo2, hi2 = np.maximum(lo, blo), np.minimum(hi, bhi)
    ok = feasible & (lo2 <= hi2)
    x = np.where(ok, np.clip(x, lo2, hi2), sq)
    agreed = ok & (np.abs(x - sq) > 1e-9)
    for k in range(n_i):
        if s.kind[k] == "unilateral":
            d = s.decider[k]
            y = s.ideal[d, k]
            x[k] = sq[k] if np.isnan(y) else float(np.clip(y, s.rl_lo[d, k], s.rl_hi[d, k]))
            agreed[k] = False
    for pkg in s.packages:
        negotiated = [k for k in pkg if s.kind[k] != "unilateral"]
        if not negotiated:
            continue
        deal = _package_deal(s, negotiated, consent, cap)
        if deal is None:
            x[negotiated] = sq[negotiated]
            agreed[negotiated] = False
        else:
            x[negotiated] = deal
            agreed[negotiated] = np.abs(deal - sq[negotiated]) > 1e-9
    unconditional = x.copy()
    any_agreed = bool(agreed[[k for k in range(n_i) if k not in s.conditional]].any()) \
        if n_i > len(s.conditional) else False
    for k, branch in s.conditional.items():
        live = (branch == "agreement" and any_agreed) or (
            branch == "no_agreement" and not any_agreed)
        if not live:
            x[k] = sq[k]
            agreed[k] = False
    return CollectiveLayer(x, agreed, unconditional)


# ---------------------------------------------------------------------------------------------
# crisis layer
@dataclass(frozen=True, eq=False)
class Dyad:
    """The challenger A (its options), the rest B and the vectors of each branch (unit scale)."""

    a: int
    options: tuple[OptionSetup, ...]
    beta: np.ndarray  # B's weights over actors (0 for A)
    issues: np.ndarray  # bool (n_issues,): negotiated in the dyad
    vetoes: tuple[int, ...]
    standoff: np.ndarray
    agreement_base: np.ndarray  # outcomes off the dyad's issues under agreement
    win: np.ndarray  # (n_options, n_issues)
    lose: np.ndarray
    kappa_a: float
    kappa_b: float
    counterpart: int


def _weighted_position(s: CrisisSetup, who: np.ndarray, k: int) -> float:
    w = np.where(s.present[:, k] & who, s.capability * s.salience[:, k], 0.0)
    if w.sum() <= 0:
        return float(s.status_quo[k])
    return float((np.nan_to_num(s.ideal[:, k]) * w).sum() / w.sum())


def _branch(s: CrisisSetup, base: np.ndarray, col: CollectiveLayer, branch: str, a: int
            ) -> np.ndarray:
    x = base.copy()
    others = np.arange(s.n_actors) != a
    for k, on in s.conditional.items():
        if on != branch:
            x[k] = s.status_quo[k]
        elif branch == "escalation":
            x[k] = _weighted_position(s, others, k)  # the responders' compromise
        else:
            x[k] = col.unconditional[k]
    return x


def _p_draws(p: float, shift: np.ndarray | None) -> np.ndarray:
    """The chance of prevailing per draw: its odds known up to the factor ``exp(shift)``."""
    if shift is None or p <= 0.0 or p >= 1.0:
        return np.full(1 if shift is None else shift.size, p)
    with np.errstate(over="ignore"):  # odds beyond 1e308 against: exp → inf, p → 0, its limit
        out: np.ndarray = 1.0 / (1.0 + np.exp(-(math.log(p / (1 - p)) + shift)))
    return out


def patrons(s: CrisisSetup, o: OptionSetup) -> tuple[int, ...]:
    """The targets' patrons for option ``o`` (design revision 11): the actors other than its
    holder A and its targets T that have a position on at least one issue ``o`` imposes and are
    nearer the targets there than A is — over those issues (where A and some target have a
    position too) ``Σ_k w_ik |y_ik − ȳ_Tk| < Σ_k w_ik |y_ik − y_Ak|``, with w the actor's stake
    weights, y the channel's positions and ȳ_T the targets' capability-weighted position."""
    out = []
    for i in range(s.n_actors):
        if i == o.holder or i in o.targets:
            continue
        d_a = d_t = 0.0
        seen = False
        for k in o.imposes:
            if not (s.present[i, k] and s.weight[i, k] > 0) or math.isnan(s.ideal[i, k]):
                continue
            y_a = s.ideal[o.holder, k]
            on = [t for t in o.targets if s.present[t, k] and not math.isnan(s.ideal[t, k])]
            if math.isnan(y_a) or not on:
                continue
            c = s.capability[on]
            w = c / c.sum() if c.sum() > 0 else np.full(len(on), 1.0 / len(on))
            y_t = float((w * s.ideal[on, k]).sum())
            d_a += float(s.weight[i, k]) * abs(float(s.ideal[i, k]) - float(y_a))
            d_t += float(s.weight[i, k]) * abs(float(s.ideal[i, k]) - y_t)
            seen = True
        if seen and d_t < d_a - 1e-12:
            out.append(i)
    return tuple(out)


def believed_p(s: CrisisSetup, o: OptionSetup, alpha: float,
               contest_exponent: float = 1.0) -> float:
    """The chance that A prevails as the targets' side reads it (design revision 11):
    ``C_A^γ / (C_A^γ + (C_T + α·C_P)^γ)``, C_P the capability of the targets' :func:`patrons`;
    the coded p where α = 0, where no actor is a patron, or where ``p_prevail`` is given."""
    if alpha <= 0 or o.p_given:
        return o.p
    pats = patrons(s, o)
    if not pats:
        return o.p
    c_t = float(s.capability[list(o.targets)].sum()) + alpha * float(
        s.capability[list(pats)].sum())
    return contest_probability(float(s.capability[o.holder]), c_t, contest_exponent)


def check_patron_support(value: float) -> None:
    if not (isinstance(value, int | float) and 0.0 <= value <= 1.0):
        raise InputError(f"patron_support must be a number in [0, 1] (the share of its patrons' "
                         f"capability the targets' side counts on; 0 = none), got {value!r}")


def _ev(s: CrisisSetup, d: Dyad, j: int, u_win: np.ndarray, u_lose: np.ndarray,
        f_a: np.ndarray, f_b: np.ndarray, shift: np.ndarray | None = None, dp: float = 0.0,
        world: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """EV of option j to every actor, per draw: (n_actors, n_draws); ``dp`` shifts the chance of
    prevailing (the later distribution of power, Powell 2006); ``world`` = (g_A, g_B) per draw
    scales the coded costs (the analyst's coding noise, ``input_sd``; a drawn cost is capped
    at the whole stake, 1, before the private factor acts, as a coded cost is)."""
    o = d.options[j]
    if dp:
        o = dataclasses.replace(o, p=float(np.clip(o.p + dp, 0.0, 1.0)))
    c_a: Any = o.cost
    c_b: Any = o.target_cost
    if world is not None:
        c_a = np.minimum(o.cost * world[0], 1.0)
        c_b = np.minimum(o.target_cost * world[1], 1.0)
    cost = np.zeros((s.n_actors, f_a.size))
    cost[o.holder] = np.minimum(c_a * f_a, 1.0)
    for t in o.targets:
        cost[t] = np.minimum(c_b * f_b, 1.0)
    p = _p_draws(o.p, shift)[None, :]
    ev: np.ndarray = p * u_win[:, j][:, None] + (1 - p) * u_lose[:, j][:, None] - cost
    return ev


def _record_trust(a: str, b: str, as_of: str | None, record: Any = None
                  ) -> tuple[float, float] | None:
    """(a's trust in b, b's trust in a) from ``record`` (None: the shipped record), None if the
    dyad has no events there."""
    if record is None:
        return _record_trust_cached(a, b, as_of)
    return _dyad_credibility(record, a, b, as_of)


def _dyad_credibility(rec: Any, a: str, b: str, as_of: str | None
                      ) -> tuple[float, float] | None:
    from detente.record import credibility

    try:
        ka = credibility(rec, b, toward=a, as_of=as_of)
        kb = credibility(rec, a, toward=b, as_of=as_of)
    except (KeyError, ValueError, InputError):
        return None
    if getattr(ka, "n_events", 0) == 0 and getattr(kb, "n_events", 0) == 0:
        return None
    return float(ka.mean), float(kb.mean)


def is_record(trust: Any) -> bool:
    """Whether a ``trust`` option reads the record: ``'record'`` (the shipped one) or a record
    of one's own (a :class:`detente.record.Record`, as ``detente crisis --db`` passes)."""
    if isinstance(trust, str):
        return trust == "record"
    from detente.record import Record

    return isinstance(trust, Record)


@functools.lru_cache(maxsize=256)
def _record_trust_cached(a: str, b: str, as_of: str | None) -> tuple[float, float] | None:
    rec = _shipped()
    if rec is None:
        return None
    return _dyad_credibility(rec, a, b, as_of)


@functools.lru_cache(maxsize=1)
def _shipped() -> Any:
    try:
        from detente.record import load_shipped_record

        return load_shipped_record()
    except Exception:  # pragma: no cover - a broken install leaves trust to the option
        return None


def _as_of(scenario: Scenario) -> str | None:
    """The day the record's trust is read at: the scenario's as_of (else its date), checked
    (:func:`detente.record._credibility.scenario_as_of`)."""
    from detente.record._credibility import scenario_as_of

    return scenario_as_of(getattr(scenario, "as_of", None), scenario.date)


def _trust(trust: Any, a: str, b: str, as_of: str | None, silent: float = SILENT_TRUST
           ) -> tuple[float, float, str]:
    """(a's trust in b, b's trust in a, how): from the record as of ``as_of`` (``silent`` each
    way where it has no events for the dyad: design revision 10), or as given."""
    if isinstance(trust, str) or is_record(trust):
        if isinstance(trust, str) and trust != "record":
            raise InputError(f"trust must be a number in [0, 1] or 'record', got {trust!r}")
        own = not isinstance(trust, str)  # a record of one's own (--db), not the shipped one
        got = _record_trust(a, b, as_of, trust if own else None)
        which = "the given record" if own else "the record"
        if got is None:
            if silent >= 1.0:
                return 1.0, 1.0, f"No events for {a}–{b} in {which}: full trust assumed"
            return silent, silent, (f"No events for {a}–{b} in {which}: trust {silent:g} "
                                    f"assumed each way (silent_trust)")
        return got[0], got[1], (f"Trust from {which} as of {as_of or 'today'}: {a} in {b} "
                                f"{got[0]:.2f}, {b} in {a} {got[1]:.2f}")
    if isinstance(trust, tuple):
        return float(trust[0]), float(trust[1]), f"Trust {trust[0]:.2f} / {trust[1]:.2f}"
    t = float(trust)
    if not 0.0 <= t <= 1.0 or math.isnan(t):
        raise InputError(f"trust must be in [0, 1], got {trust!r}")
    return t, t, f"Trust {t:g} (given)"


def check_silent_trust(value: float) -> None:
    """κ₀ must be a number in [0, 1] (a located error otherwise)."""
    if not (isinstance(value, (int, float)) and 0.0 <= float(value) <= 1.0):
        raise InputError(f"silent_trust must be a number in [0, 1] (the trust each way in a "
                         f"dyad the record has no events for; 1 = full trust), got {value!r}")


def _holder_margin(s: CrisisSetup, col: CollectiveLayer, a: int) -> float:
    opts = [o for o in s.options if o.holder == a]
    base = col.outcome.copy()
    u_s = s.utility(base)[a] - s.audience_cost(base, deal=False)[a]
    best = -np.inf
    for o in opts:
        xw = base.copy()
        for k, v in o.imposes.items():
            xw[k] = v
        xl = base.copy()
        for k in o.imposes:
            xl[k] = _weighted_position(s, np.arange(s.n_actors) != a, k)
        ev = o.p * s.utility(xw)[a] + (1 - o.p) * s.utility(xl)[a] - o.cost
        best = max(best, float(ev - u_s))
    return best


def _standoff(s: CrisisSetup, col: CollectiveLayer, a: int, opts: tuple[OptionSetup, ...],
              dyad_issues: np.ndarray) -> np.ndarray:
    """Status quo on the dyad's negotiated issues, the collective layer elsewhere, unilateral
    issues at the decider's best reply to A's threat (deterrence)."""
    x = col.unconditional.copy()
    threatened = {k for o in opts for k in o.imposes}
    for k in np.flatnonzero(dyad_issues).tolist():
        if s.kind[k] != "unilateral" or (s.decider[k] == a and k in threatened):
            x[k] = s.status_quo[k]
    others = np.arange(s.n_actors) != a
    for k in range(s.n_issues):
        if s.kind[k] != "unilateral":
            continue
        dcd = s.decider[k]
        if dcd == a or not any(dcd in o.targets for o in opts) or np.isnan(s.ideal[dcd, k]):
            continue
        lo = max(0.0, float(s.rl_lo[dcd, k]))
        hi = min(1.0, float(s.rl_hi[dcd, k]))
        grid = np.unique(np.r_[np.linspace(lo, hi, 41), np.clip(s.ideal[dcd, k], lo, hi)])
        best_v, best_x = -np.inf, x[k]
        for g in grid:
            xg = x.copy()
            xg[k] = g
            u = s.utility(xg)
            evs = []
            for o in opts:
                xw, xl = xg.copy(), xg.copy()
                for kk, v in o.imposes.items():
                    xw[kk] = v
                    xl[kk] = _weighted_position(s, others, kk)
                uw, ul = s.utility(xw), s.utility(xl)
                ev_a = o.p * uw[a] + (1 - o.p) * ul[a] - o.cost
                ev_d = o.p * uw[dcd] + (1 - o.p) * ul[dcd] - o.target_cost
                evs.append((ev_a, ev_d))
            ev_a, ev_d = max(evs)
            v = ev_d if ev_a > u[a] else u[dcd]
            if v > best_v + 1e-12 or (abs(v - best_v) <= 1e-12
                                      and abs(g - s.ideal[dcd, k]) < abs(best_x - s.ideal[dcd, k])):
                best_v, best_x = v, g
        x[k] = best_x
    return x


def threat_targets(s: CrisisSetup, a: int, opts: tuple[OptionSetup, ...], standoff: np.ndarray
                   ) -> tuple[int, ...]:
    """The actors the challenger ``a``'s threat is aimed at and would impose on (design revision
    13): a coded target t ≠ a of at least one of its options o (the option's ``target``, else
    every other actor) whom o's imposition moves away from its own positions,
    ``Σ_{k∈I_o} w_tk (|v_ok − y_tk| − |s_k − y_tk|) > 1e-9`` (I_o the issues o imposes, v_o the
    imposed values, y_t t's positions on the channel — an issue where t holds none counts zero —
    w_t its stake weights, s the standoff)."""
    out: set[int] = set()
    for o in opts:
        for t in o.targets:
            if t == a or t in out:
                continue
            loss = 0.0
            for k, v in o.imposes.items():
                y = s.ideal[t, k]
                if not s.present[t, k] or math.isnan(y):
                    continue
                loss += float(s.weight[t, k]) * (abs(v - float(y))
                                                  - abs(float(standoff[k]) - float(y)))
            if loss > 1e-9:
                out.add(t)
    return tuple(sorted(out))


def _check_switch(name: str, value: Any, one: str) -> None:
    """A revision's 0/1 switch (revisions 13 and 14): 0 is the model before it, 1 ``one``."""
    if isinstance(value, bool) or value not in (0, 1):
        raise InputError(f"{name} must be 0 (the challenger's counterpart is every other actor, "
                         f"by capability) or 1 ({one}), got {value!r}")


def check_target_consent(value: Any) -> None:
    _check_switch("target_consent", value, "the targets of its threat, each deciding for itself")


def rival_holders(s: CrisisSetup, a: int) -> tuple[int, ...]:
    """The other challengers the challenger ``a`` threatens (design revision 14): the actors
    j ≠ a that hold an outside option of their own and are a coded target of at least one of
    ``a``'s options (the option's ``target``, else every other actor)."""
    holders = {o.holder for o in s.options} - {a}
    return tuple(sorted({t for o in s.options if o.holder == a for t in o.targets} & holders))


def check_several_challengers(value: Any) -> None:
    _check_switch("several_challengers", value, "the other holders of an outside option that it "
                  "threatens, each deciding for itself")


def check_appeasement(value: Any) -> None:
    if isinstance(value, bool) or value not in (0, 1):
        raise InputError(f"appeasement must be 0 (a broken promise returns the standoff to both "
                         f"sides) or 1 (a broken promise leaves the challenger's counterpart at "
                         f"what its threat imposes), got {value!r}")


def appeasement_value(s: CrisisSetup, d: Dyad, option: int) -> np.ndarray:
    """(n_actors,): what a broken promise leaves each actor under ``appeasement`` ψ = 1 (design
    revision 15; Fearon 1995, "commitment, strategic territory, and the problem of appeasement";
    Powell 2006): for every actor but the challenger A, its utility of ``z_A`` — the standoff
    with the issues of A's ``option`` set to what that option imposes (A, not keeping its word,
    holds the concession and takes the rest); for A, the standoff's (a broken promise of its
    counterpart returns the standoff, as before)."""
    z = d.standoff.copy()
    for k, v in d.options[option].imposes.items():
        z[k] = v
    out: np.ndarray = s.utility(z).astype(float).copy()
    out[d.a] = float(s.utility(d.standoff)[d.a])
    return out


def _consenting_side(s: CrisisSetup, members: tuple[int, ...], vetoes: tuple[int, ...]
                     ) -> tuple[np.ndarray, tuple[int, ...]]:
    """B's side made of ``members`` alone, each deciding for itself (design revisions 13 and
    14): their capability weights normalised among themselves (equal weights if none has
    capability), and each added to the ``vetoes``."""
    idx = list(members)
    beta = np.zeros(s.n_actors)
    beta[idx] = s.capability[idx]
    if beta.sum() <= 0:
        beta[idx] = 1.0
    return beta / beta.sum(), tuple(sorted(set(vetoes) | set(idx)))


def _dyad(s: CrisisSetup, col: CollectiveLayer, a: int, trust: Any, as_of: str | None,
          counterpart: str, silent_trust: float = SILENT_TRUST,
          target_consent: float = TARGET_CONSENT,
          several_challengers: float = SEVERAL_CHALLENGERS) -> tuple[Dyad, str]:
    opts = tuple(o for o in s.options if o.holder == a)
    n_a = s.n_actors
    others = np.arange(n_a) != a
    beta = np.where(others & s.present.any(axis=1), s.capability, 0.0)
    if beta.sum() <= 0:
        beta = others.astype(float)
    beta = beta / beta.sum()
    issues = s.present[a] & (s.weight[a] > 0)
    for k in s.conditional:
        issues[k] = False
    vetoes = tuple(sorted({j for k in np.flatnonzero(issues) if s.kind[k] == "joint"
                           for j in s.joint[k] if j != a}))
    standoff = _standoff(s, col, a, opts, issues)
    # design revision 13: B's side is the threat's targets, each with its own veto
    if target_consent and (tset := threat_targets(s, a, opts, standoff)):
        beta, vetoes = _consenting_side(s, tset, vetoes)
    # design revision 14: B's side is the other challengers A threatens, each with its veto
    if several_challengers and (rset := rival_holders(s, a)):
        beta, vetoes = _consenting_side(s, rset, vetoes)
    agreement_base = col.unconditional.copy()
    win = np.empty((len(opts), s.n_issues))
    lose = np.empty((len(opts), s.n_issues))
    for j, o in enumerate(opts):
        xw = standoff.copy()
        xl = standoff.copy()
        for k, v in o.imposes.items():
            xw[k] = v
            xl[k] = _weighted_position(s, others, k)
        win[j] = _branch(s, xw, col, "escalation", a)
        lose[j] = _branch(s, xl, col, "escalation", a)
    if counterpart:
        if counterpart not in s.actor_ids:
            raise InputError(f"counterpart '{counterpart}' is not an actor of the scenario; "
                             f"expected one of: {', '.join(s.actor_ids)}")
        cp = s.actor_ids.index(counterpart)
    else:  # the most capable target of A's threats (every other actor when none is named)
        targets = np.zeros(n_a, dtype=bool)
        for o in opts:
            targets[list(o.targets)] = True
        cp = int(np.argmax(np.where(targets & others, s.capability, -np.inf)))
    ka, kb, how = _trust(trust, s.actor_ids[a], s.actor_ids[cp], as_of, silent_trust)
    return Dyad(a, opts, beta, issues, vetoes, standoff, agreement_base, win, lose, ka, kb,
                cp), how


def _closed(s: CrisisSetup) -> np.ndarray:
    """(n_issues,) bool: issues no deal can settle. An issue is closed when the red lines leave
    it no value (``lo > hi``); a ``package`` is agreed all together or not at all (as in the
    collective layer), so one closed issue closes every issue of its package."""
    blo, bhi = s.box
    closed: np.ndarray = blo > bhi + 1e-12
    for pkg in s.packages:
        if closed[list(pkg)].any():
            closed[list(pkg)] = True
    return closed


def _candidates(s: CrisisSetup, d: Dyad, rng: np.random.Generator, n_random: int = 3000
                ) -> np.ndarray:
    """Deals over the dyad's issues inside the red-line box: corners (each issue at A's ideal,
    B's weighted ideal, the status quo, public positions), the two-party frontier path, and
    uniform draws; off the dyad's issues, the agreement branch of the collective layer. On a
    unilateral issue every candidate lies between the decider's position and the other side's."""
    idx = np.flatnonzero(d.issues)
    blo, bhi = s.box
    base = _branch(s, d.agreement_base, collective_layer(s), "agreement", d.a)
    if idx.size == 0:
        return base[None, :]
    closed = _closed(s)
    base[closed] = d.standoff[closed]  # red lines leave no deal there: the issue stays open
    idx = idx[~closed[idx]]
    if idx.size == 0:
        return base[None, :]
    others = np.arange(s.n_actors) != d.a
    y_a = s.ideal[d.a, idx]
    y_b = np.array([_weighted_position(s, others, int(k)) for k in idx])
    pa = np.nan_to_num(s.public[d.a, idx], nan=y_a)
    pts = np.vstack([y_a, y_b, s.status_quo[idx], pa, d.standoff[idx]])
    lo = np.clip(np.maximum(pts.min(axis=0), blo[idx]), None, bhi[idx])
    hi = np.clip(np.minimum(pts.max(axis=0), bhi[idx]), lo, None)
    lo = np.clip(lo, blo[idx], bhi[idx])
    hi = np.clip(hi, blo[idx], bhi[idx])
    # A unilateral issue is its decider's to set: a deal can have the decider concede toward
    # the side it bargains with (A, or the others when A decides), never move it past its own
    # position away from that side -- a third party's wish is not the decider's to grant
    for j, k in enumerate(idx.tolist()):
        dcd = s.decider[k]
        if s.kind[k] != "unilateral" or np.isnan(s.ideal[dcd, k]):
            continue
        own = float(np.clip(s.ideal[dcd, k], max(s.rl_lo[dcd, k], lo[j]),
                            min(s.rl_hi[dcd, k], hi[j])))
        toward = float(np.clip(y_b[j] if dcd == d.a else y_a[j], lo[j], hi[j]))
        lo[j], hi[j] = min(own, toward), max(own, toward)
    rows: list[np.ndarray] = []
    levels = [np.unique(np.clip(np.r_[pts[:, j], lo[j], hi[j]], lo[j], hi[j]))
              for j in range(idx.size)]
    if math.prod(len(v) for v in levels) <= 20000:
        rows.extend(np.array(list(itertools.product(*levels))))
    # frontier path: concede issues to A in the order of A's relative stake
    wa = s.weight[d.a, idx]
    wb = (d.beta[:, None] * s.weight[:, idx]).sum(axis=0)
    order = np.argsort(-(wa + 1e-12) / (wb + 1e-12), kind="stable")
    ca = np.clip(y_a, lo, hi)
    cb = np.clip(y_b, lo, hi)
    cur = cb.copy()
    for j in order:
        for t in np.linspace(0, 1, 21):
            v = cur.copy()
            v[j] = (1 - t) * cb[j] + t * ca[j]
            rows.append(v)
        cur[j] = ca[j]
    rows.extend(lo + (hi - lo) * rng.random((n_random, idx.size)))
    sub = np.unique(np.round(np.array(rows), 12), axis=0)
    out = np.repeat(base[None, :], sub.shape[0], axis=0)
    out[:, idx] = sub
    return out


@dataclass(frozen=True, eq=False)
class CrisisAnalysis:
    """The crisis layer at the nominal (believed) values, for explanation and CLI tables."""

    setup: CrisisSetup
    collective: CollectiveLayer
    dyad: Dyad | None
    trust_note: str
    candidates: np.ndarray
    value: np.ndarray  # V_i of each candidate: (n_actors, m)
    value_b: np.ndarray  # V_B (m,)
    ev: np.ndarray  # nominal EV of the chosen option to each actor (n_actors,)
    option: int  # index into dyad.options
    credible: bool
    r_a: float
    r_b: float
    r: np.ndarray  # each actor's reservation value
    zone: np.ndarray  # bool (m,)
    proposal: np.ndarray | None
    u_standoff: np.ndarray  # each actor's value of the standoff, audience costs included
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def zone_exists(self) -> bool:
        return bool(self.zone.any())


def yield_concession(s: CrisisSetup, d: Dyad, x: np.ndarray) -> np.ndarray:
    """(n_actors, m): what each deal of ``x`` (m, n_issues) concedes, for each actor of the
    challenger's counterpart, on the issues the challenger's options impose (design revision 12):
    ``Y_i(x) = Σ_k w_ik max(0, |x_k − y_ik| − |s_k − y_ik|)`` over those issues, w the actor's
    stake weights, y its position on the channel, s the standoff; 0 for the challenger and on
    every other issue."""
    x = np.atleast_2d(x)
    imposed = np.zeros(s.n_issues, dtype=bool)
    for o in d.options:
        imposed[list(o.imposes)] = True
    y = np.nan_to_num(s.ideal)
    w = np.where(imposed[None, :] & s.present & ~np.isnan(s.ideal), s.weight, 0.0)
    w[d.a] = 0.0
    dx = np.abs(x[None, :, :] - y[:, None, :])
    d0 = np.abs(d.standoff[None, None, :] - y[:, None, :])
    out: np.ndarray = (w[:, None, :] * np.maximum(dx - d0, 0.0)).sum(axis=-1)
    return out


def check_yield_cost(value: float) -> None:
    if not (isinstance(value, int | float) and math.isfinite(value)
            and 0.0 <= value <= YIELD_COST_MAX):
        raise InputError(f"yield_cost must be a number in [0, {YIELD_COST_MAX:g}] (ρ: the cost "
                         f"to the challenger's counterpart of yielding to its threat, per unit "
                         f"conceded on the issues the threat imposes; 0 = none), got {value!r}")


def _values(s: CrisisSetup, d: Dyad, x: np.ndarray, u_s: np.ndarray, ac_scale: float,
            broken: np.ndarray | None = None, yield_cost: float = YIELD_COST
            ) -> tuple[np.ndarray, np.ndarray]:
    """``V_i(x) = κ_i U_i(x) + (1 − κ_i) B_i − AC_i(x) − ρ Y_i(x)``: a promise is kept with the
    other side's credibility κ; a broken one is worth ``B_i`` — the standoff by default, or
    ``broken`` (``broken_promise = "crisis"``: the crisis resumed at the later power, Powell
    2006); ``Y_i`` is what the deal concedes under the threat (:func:`yield_concession`, design
    revision 12), paid on signing by B's side at ``yield_cost`` ρ."""
    kappa = np.full(s.n_actors, d.kappa_b)
    kappa[d.a] = d.kappa_a
    u = s.utility(x)
    u_plain = s.utility(d.standoff) if broken is None else broken
    del u_s
    v = kappa[:, None] * u + ((1 - kappa) * u_plain)[:, None] - s.audience_cost(x, ac_scale)
    if yield_cost > 0:
        v = v - yield_cost * yield_concession(s, d, x)
    return v, (d.beta[:, None] * v).sum(axis=0)


def _zone(v: np.ndarray, vb: np.ndarray, r: np.ndarray, rb: Any, a: int, vetoes: tuple[int, ...]
          ) -> np.ndarray:
    """(m,) or (m, draws) acceptance of candidates given reservations r (n_actors[, draws])."""
    if np.ndim(r) == 1:
        ok = (v[a] >= r[a] - 1e-12) & (vb >= rb - 1e-12)
        for j in vetoes:
            ok &= v[j] >= r[j] - 1e-12
        out: np.ndarray = ok
        return out
    ok = (v[a][:, None] >= r[a][None, :] - 1e-12) & (vb[:, None] >= rb[None, :] - 1e-12)
    for j in vetoes:
        ok &= v[j][:, None] >= r[j][None, :] - 1e-12
    return ok


def _reservations(s: CrisisSetup, d: Dyad, u_s: np.ndarray, f_a: np.ndarray, f_b: np.ndarray,
                  shift: np.ndarray | None = None, dp: float = 0.0,
                  world: tuple[np.ndarray, np.ndarray] | None = None
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per draw: chosen option, EV (n_actors, draws), credible (draws,), r (n_actors, draws).
    ``u_s`` is each actor's standoff value, (n_actors,) or per draw (n_actors, draws)."""
    u_win = s.utility(d.win).reshape(s.n_actors, -1)
    u_lose = s.utility(d.lose).reshape(s.n_actors, -1)
    evs = np.stack([_ev(s, d, j, u_win, u_lose, f_a, f_b, shift, dp, world)
                    for j in range(len(d.options))])
    choice = np.argmax(evs[:, d.a, :], axis=0)
    ev = np.take_along_axis(evs, choice[None, None, :], axis=0)[0]
    us = np.broadcast_to(u_s if u_s.ndim == 2 else u_s[:, None], ev.shape)
    credible = ev[d.a] > us[d.a] + 1e-12
    r = np.where(credible[None, :], ev, us)
    r[d.a] = np.maximum(us[d.a], ev[d.a])
    return choice, ev, credible, r


def broken_promise_value(s: CrisisSetup, d: Dyad, f_a: np.ndarray, f_b: np.ndarray,
                         shift: np.ndarray | None, power_shift: float, *, a_known: bool = True,
                         world: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """(n_actors, draws): what a broken promise leaves each actor under ``broken_promise =
    "crisis"`` (Fearon 1995 § commitment problems; Powell 2006): the crisis resumes, each
    actor back at its reservation value — the standoff or the outside option — with the
    challenger's chance of prevailing shifted by ``power_shift`` (its later power). Without a
    shift a broken promise costs the challenger nothing it could not still get by fighting, so
    trust only matters as power shifts. Measured on the plain standoff (audience costs are
    paid at signing). ``a_known=False``: B's side judges A's threat at its nominal cost."""
    u_plain = s.utility(d.standoff)
    fa = f_a if a_known else np.ones_like(f_a)
    _c, _e, _cr, r = _reservations(s, d, u_plain, fa, f_b, shift, power_shift, world)
    if not a_known:
        _c2, _e2, _cr2, r_true = _reservations(s, d, u_plain, f_a, f_b, shift, power_shift,
                                               world)
        r[d.a] = r_true[d.a]
    return r


def standoff_scale(d: Dyad, n_actors: int) -> np.ndarray:
    """(n_actors,): each actor's cost of conflict in the dyad — the challenger's ``cost``, each
    target's ``target_cost`` (the largest over the challenger's options), 0 for bystanders. With
    ``standoff_info = "private"`` an actor's value of the standoff is known to the other side
    up to a normal error of standard deviation σ times this (see :func:`crisis_forecast`)."""
    c = np.zeros(n_actors)
    for o in d.options:
        c[o.holder] = max(c[o.holder], o.cost)
        for t in o.targets:
            c[t] = max(c[t], o.target_cost)
    return c


def _proposal(v: np.ndarray, vb: np.ndarray, r: np.ndarray, rb: float, a: int,
              zone: np.ndarray, power: float = 1.0, cands: np.ndarray | None = None
              ) -> int | None:
    """The deal under complete information: the asymmetric Nash point of the zone with the
    challenger's bargaining power ω (ω = 1: its take-it-or-leave-it demand, Fearon 1995; ω = ½:
    the symmetric split, Nash 1950 / Rubinstein 1982 with equal patience); outside the zone,
    the deal that comes closest to acceptable. With ``cands`` (the candidates' positions), deals
    within :data:`NEAR_TIE` of the best gain tie and the one nearest their centroid is taken."""
    if v.shape[1] == 0:
        return None
    if zone.any():
        score = np.where(zone, _nash_score(v[a] - r[a], vb - rb, power), -np.inf)
        gain = np.exp(score) if power < 1 else score
        best = float(gain.max())
        if best > 0 and cands is not None:
            return int(_central(gain[:, None], cands, np.array([(1 - NEAR_TIE) * best]))[0])
        tied = np.flatnonzero(score >= score.max() - 1e-12)
        return int(tied[np.argmax(vb[tied] if power >= 1 else v[a][tied])])
    return int(np.argmax(np.minimum(v[a] - r[a], vb - rb)))


def _central(score: np.ndarray, cands: np.ndarray, cut: np.ndarray) -> np.ndarray:
    """Per column of ``score`` (m, u): the index of the near-best candidate (``score ≥ cut`` of
    the column) nearest the centroid of the near-best ones (Euclidean on the unit scale; the
    lowest index on an exact tie). Each near-best candidate weighs in the centroid by how far
    inside the band it scores, ``(score − cut)/(best − cut)``: 1 for the best, 0 at the cut, so
    a candidate that the Monte Carlo noise of B's estimated acceptance moves across the cut
    does not move the centre (round ``crisis17``; on a face of exact ties every weight is 1)."""
    near = score >= cut[None, :]
    rows = np.flatnonzero(near.any(axis=1))  # the candidates ever near the best
    near = near[rows]
    x = cands[rows]
    sc = score[rows]
    top = sc.max(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        w = np.where(near, np.clip((sc - cut[None, :]) / (top - cut)[None, :], 0.0, 1.0), 0.0)
    w = np.where(np.isfinite(w), w, 1.0) * near
    centre = (w.T @ x) / w.sum(axis=0)[:, None]  # (u, n_issues)
    dist = (x * x).sum(axis=1)[:, None] - 2.0 * x @ centre.T
    out: np.ndarray = rows[np.where(near, dist, np.inf).argmin(axis=0)]
    return out


def _nash_score(ga: np.ndarray, gb: np.ndarray, power: float) -> np.ndarray:
    """ω log g_A + (1 − ω) log g_B (−inf where a gain is negative; ω = 1 ignores g_B)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        la = np.log(np.maximum(ga, 0.0) + 1e-15)
        lb = np.log(np.maximum(gb, 0.0) + 1e-15)
    out: np.ndarray = power * la + (1 - power) * lb if power < 1 else ga
    return out


def _challenger(s: CrisisSetup, col: CollectiveLayer, challenger: str) -> int | None:
    holders = sorted({o.holder for o in s.options})
    if not holders:
        if challenger:
            raise InputError(f"challenger '{challenger}' has no outside option: no actor in "
                             "the scenario has one (no threat to analyse; leave the "
                             "challenger out)")
        return None
    if challenger:
        if challenger not in s.actor_ids:
            raise InputError(f"challenger '{challenger}' is not an actor of the scenario; "
                             f"expected one of: {', '.join(s.actor_ids)}")
        a = s.actor_ids.index(challenger)
        if a not in holders:
            raise InputError(f"challenger '{challenger}' has no outside option in the scenario")
        return a
    return max(holders, key=lambda h: _holder_margin(s, col, h))


def analyse(
    scenario: Scenario,
    *,
    channel: Channel = "public",
    trust: Any = "record",
    contest_exponent: float = 1.0,
    challenger: str = "",
    counterpart: str = "",
    rng: np.random.Generator | int | None = CANDIDATE_SEED,
    audience_cost_scale: float = AUDIENCE_COST_SCALE,
    setup_override: CrisisSetup | None = None,
    as_of: str | None = None,
    power: float = 0.5,
    broken_promise: str = "standoff",
    power_shift: float = 0.0,
    silent_trust: float = SILENT_TRUST,
    yield_cost: float = YIELD_COST,
    target_consent: float = TARGET_CONSENT,
    several_challengers: float = SEVERAL_CHALLENGERS,
    appeasement: float = APPEASEMENT,
) -> CrisisAnalysis:
    """The crisis layer at the believed (nominal) costs: reservation values, the zone of
    agreement, the proposal. ``setup_override`` runs it on a modified setup (counterfactuals).
    ``rng`` seeds only the random part of the candidate deals; :func:`crisis_forecast` always
    uses :data:`CANDIDATE_SEED`, whatever its own seed. ``silent_trust`` is κ₀, the trust each
    way where the record has no events for the dyad (design revision 10); ``yield_cost`` is ρ,
    the counterpart's cost of yielding to the threat (design revision 12)."""
    check_silent_trust(silent_trust)
    check_yield_cost(yield_cost)
    check_target_consent(target_consent)
    check_several_challengers(several_challengers)
    check_appeasement(appeasement)
    s = setup_override or setup(scenario, channel, contest_exponent)
    col = collective_layer(s)
    gen = as_generator(rng)
    a = _challenger(s, col, challenger)
    empty = np.empty((0, s.n_issues))
    if a is None:
        return CrisisAnalysis(s, col, None, "", empty, np.empty((s.n_actors, 0)),
                              np.empty(0), np.zeros(s.n_actors), -1, False, 0.0, 0.0,
                              np.zeros(s.n_actors), np.zeros(0, dtype=bool), None,
                              s.utility(col.outcome))
    when = as_of or (_as_of(scenario) if is_record(trust) else None)  # record trust only
    d, how = _dyad(s, col, a, trust, when, counterpart, silent_trust, target_consent,
                   several_challengers)
    u_s = s.utility(d.standoff) - s.audience_cost(d.standoff, audience_cost_scale, deal=False)
    one = np.ones(1)
    choice, ev, credible, r = _reservations(s, d, u_s, one, one)
    rb = float((d.beta * r[:, 0]).sum())
    cands = _candidates(s, d, gen)
    broken = None
    if broken_promise == "crisis":
        broken = broken_promise_value(s, d, one, one, None, power_shift)[:, 0]
    elif appeasement:  # design revision 15: the counterpart is left at A's imposition (a
        # resumed crisis, broken_promise = "crisis", is another reading and takes precedence)
        broken = appeasement_value(s, d, int(choice[0]))
    v, vb = _values(s, d, cands, u_s, audience_cost_scale, broken, yield_cost)
    zone = _zone(v, vb, r[:, 0], rb, a, d.vetoes)
    k = _proposal(v, vb, r[:, 0], rb, a, zone, power, cands)
    return CrisisAnalysis(
        s, col, d, how, cands, v, vb, ev[:, 0], int(choice[0]), bool(credible[0]),
        float(r[a, 0]), rb, r[:, 0], zone, None if k is None else cands[k], u_s,
        {"proposal_index": k, "audience_cost_scale": audience_cost_scale,
         "broken_promise": broken_promise, "power_shift": power_shift, "broken": broken,
         "yield_cost": yield_cost, "target_consent": target_consent,
         "several_challengers": several_challengers, "appeasement": appeasement},
    )


@dataclass(frozen=True, eq=False)
class CrisisResult:
    """Monte Carlo result: episode probabilities and per-draw outcomes (unit scale)."""

    analysis: CrisisAnalysis
    episode: dict[str, float]
    draws: np.ndarray  # (n_draws, n_issues) unit scale
    kind: np.ndarray  # (n_draws,) 0 agreement, 1 standoff, 2 escalation
    demand: np.ndarray | None = None  # (n_draws, n_issues) A's demand in each draw
    others: dict[str, float] = field(default_factory=dict)  # other challengers' P(escalation)
    #: with ``input_sd`` > 0: each world's drawn factors on the challenger's and the targets'
    #: costs and shift of the log-odds of prevailing (n_worlds,), and each draw's world
    inputs: dict[str, np.ndarray] = field(default_factory=dict)
    #: the structural model's episode probabilities (what ``kind`` counts); ``episode`` is
    #: them mixed with the bank's base rate at weight ``base_rate_weight`` (design revision 9)
    episode_model: dict[str, float] = field(default_factory=dict)
    base_rate_weight: float = 0.0
    #: π, where it came from and how many cases (None where nothing was mixed: no outside option)
    base_rate: dict[str, Any] | None = None

    def __repr__(self) -> str:
        # a notebook line, not the draws and the crisis layer's arrays
        an = self.analysis
        who = ("no challenger (no outside option)" if an.dyad is None
               else f"challenger={an.setup.actor_ids[an.dyad.a]!r}")
        ep = ", ".join(f"{k!r}: {float(v):.3g}" for k, v in self.episode.items())
        others = f", others={dict(self.others)!r}" if self.others else ""
        return (f"CrisisResult({who}, episode={{{ep}}}, draws={self.draws.shape[0]}"
                f"{others})")


def crisis_forecast(
    scenario: Scenario,
    *,
    rng: np.random.Generator | int | None = None,
    challenger: str = "",
    base_rate_weight: Any = BASE_RATE_WEIGHT,
    base_rate: Any = "bank",
    **options: Any,
) -> CrisisResult:
    """Run the crisis model (see the module docstring) and return its draws.

    The episode probabilities are the structural model's mixed with the case bank's base rate
    (``base_rate_weight`` ε, ``base_rate`` π: ``"bank"`` or three probabilities; design revision
    9): ``episode = (1 − ε)·episode_model + ε·π``, π left-one-out for a bank case. The draws,
    ``kind`` and the per-issue forecast are the structural model's.

    Every actor holding an outside option is a potential challenger of the rest. The one whose
    option is most attractive against the standoff (the principal challenger) bargains; in each
    draw the episode escalates if any challenger, bargaining as the principal would, escalates
    (the first in order of threat margin sets the outcome); otherwise the principal's
    bargaining decides. ``challenger`` restricts the crisis to one of them.
    """
    unknown = sorted(set(options) - _ONE_OPTIONS)
    if unknown:
        raise InputError(f"crisis_forecast has no option {', '.join(map(repr, unknown))}; its "
                         f"options are: "
                         f"{', '.join(sorted((_ONE_OPTIONS | _MIX_OPTIONS) - {'rng'}))}")
    eps = parse_weight(base_rate_weight)
    given = parse_base_rate(base_rate)
    res = _structural(scenario, rng=rng, challenger=challenger, **options)
    return calibrated(res, scenario.name, eps, given)


def calibrated(res: CrisisResult, case: str | None, weight: float,
               given: Mapping[str, float] | None = None) -> CrisisResult:
    """``res`` with its episode mixed with the base rate π at ``weight`` (design revision 9).

    ``episode_model`` keeps the structural probabilities. Where no actor holds an outside
    option nothing can escalate and the structural certainty stands (nothing is mixed).
    """
    model = dict(res.episode)
    if res.analysis.dyad is None:
        return dataclasses.replace(res, episode_model=model, base_rate_weight=0.0,
                                   base_rate=None)
    pi = climatology(case, given)
    return dataclasses.replace(res, episode=mix(model, weight, pi.probabilities),
                               episode_model=model, base_rate_weight=weight,
                               base_rate=pi.as_dict())


def _structural(scenario: Scenario, *, rng: np.random.Generator | int | None,
                challenger: str, **options: Any) -> CrisisResult:
    gen = as_generator(rng)
    first = _crisis_forecast_one(scenario, rng=gen, challenger=challenger, **options)
    an = first.analysis
    if challenger or an.dyad is None:
        return first
    s = an.setup
    holders = sorted({o.holder for o in s.options} - {an.dyad.a},
                     key=lambda h: -_holder_margin(s, an.collective, h))
    if not holders:
        return first
    out, kind = first.draws.copy(), first.kind.copy()
    others: dict[str, float] = {}
    for h in holders:
        res = _crisis_forecast_one(scenario, rng=gen, challenger=s.actor_ids[h], **options)
        esc = (res.kind == 2) & (kind != 2)
        out[esc] = res.draws[esc]
        kind[esc] = 2
        others[s.actor_ids[h]] = float((res.kind == 2).mean())
    ep = {"agreement": float((kind == 0).mean()), "no_agreement": float((kind == 1).mean()),
          "escalation": float((kind == 2).mean())}
    return CrisisResult(an, ep, out, kind, demand=first.demand, others=others,
                        inputs=first.inputs)


def _crisis_forecast_one(
    scenario: Scenario,
    *,
    rng: np.random.Generator | int | None = None,
    draws: int = 2000,
    resolve_sd: float = 0.5,
    channel: Channel = "public",
    trust: Any = "record",
    contest_exponent: float = 1.0,
    challenger: str = "",
    counterpart: str = "",
    audience_cost_scale: float = AUDIENCE_COST_SCALE,
    setup_override: CrisisSetup | None = None,
    as_of: str | None = None,
    power: float = 0.5,
    standoff_info: str = "common",
    broken_promise: str = "standoff",
    power_shift: float = 0.0,
    power_info: str = "common",
    input_sd: float = 0.0,
    silent_trust: float = SILENT_TRUST,
    patron_support: float = PATRON_SUPPORT,
    yield_cost: float = YIELD_COST,
    target_consent: float = TARGET_CONSENT,
    several_challengers: float = SEVERAL_CHALLENGERS,
    appeasement: float = APPEASEMENT,
) -> CrisisResult:
    """One challenger's crisis (see :func:`crisis_forecast`)."""
    if draws < 1:
        raise InputError(f"draws must be ≥ 1, got {draws}")
    if not 0.0 <= power <= 1.0:
        raise InputError(f"power must be in [0, 1], got {power}")
    if not (resolve_sd >= 0 and math.isfinite(resolve_sd)):
        raise InputError(f"resolve_sd must be ≥ 0, got {resolve_sd}")
    if standoff_info not in ("common", "private"):
        raise InputError(f"standoff_info must be 'common' or 'private', got {standoff_info!r}")
    if broken_promise not in ("standoff", "crisis"):
        raise InputError(f"broken_promise must be 'standoff' or 'crisis', got "
                         f"{broken_promise!r}")
    if not (-1.0 <= power_shift <= 1.0):
        raise InputError(f"power_shift must be in [-1, 1], got {power_shift}")
    if power_info not in ("common", "private"):
        raise InputError(f"power_info must be 'common' or 'private', got {power_info!r}")
    if not (input_sd >= 0 and math.isfinite(input_sd)):
        raise InputError(f"input_sd must be a finite number ≥ 0 (the log-sd of the analyst's "
                         f"coding noise on costs and the log-odds of prevailing), got {input_sd}")
    check_patron_support(patron_support)
    gen = as_generator(rng)
    an = analyse(scenario, channel=channel, trust=trust, contest_exponent=contest_exponent,
                 challenger=challenger, counterpart=counterpart, rng=CANDIDATE_SEED,
                 audience_cost_scale=audience_cost_scale, setup_override=setup_override,
                 as_of=as_of, power=power, broken_promise=broken_promise,
                 power_shift=power_shift, silent_trust=silent_trust, yield_cost=yield_cost,
                 target_consent=target_consent, several_challengers=several_challengers,
                 appeasement=appeasement)
    s, d = an.setup, an.dyad
    if d is None:
        x = an.collective.outcome
        moved = an.collective.agreed.any()
        ep = {"agreement": 1.0 if moved else 0.0, "no_agreement": 0.0 if moved else 1.0,
              "escalation": 0.0}
        return CrisisResult(an, ep, x[None, :], np.array([0 if moved else 1]))
    z = gen.standard_normal((3, draws))
    f = np.exp(resolve_sd * z[:2] - resolve_sd**2 / 2)
    shift = resolve_sd * z[2]  # the odds of prevailing, known up to a factor exp(σZ)
    # private standoff values (revision 3, ``standoff_info = "private"``): each party's value of
    # the standoff is its own, known to the other side up to N(0, (σ c_i)²)
    eta = np.zeros((s.n_actors, draws))
    if standoff_info == "private" and resolve_sd > 0:
        eta = (resolve_sd * standoff_scale(d, s.n_actors))[:, None] \
            * gen.standard_normal((s.n_actors, draws))
    # private estimates of the chance of prevailing (design revision 7, ``power_info =
    # "private"``): A's estimate of its odds is off the coded odds by the factor exp(shift), B's
    # side's by exp(shift_b), independently — each side's own information about relative power
    # (Fearon 1995; Blainey 1973; Slantchev & Tarar 2011); the war itself is fought at the
    # coded p. By default both sides share one draw (shift_b = shift) and the war is fought at it.
    private_power = power_info == "private" and resolve_sd > 0
    shift_b = resolve_sd * gen.standard_normal(draws) if private_power else shift
    # the analyst's uncertainty about the coding (design revision 8, ``input_sd`` s): the draws
    # fall in n_w blocks ("worlds"); each world draws the challenger's and the targets' costs
    # ×exp(s Z) and the log-odds of prevailing + s Z, which both sides then know (they are the
    # world's facts; only the analyst does not know which world holds). s = 0: one world, the
    # coded inputs, today's model draw for draw.
    n_w = min(INPUT_WORLDS, draws) if input_sd > 0 else 1
    block = np.arange(draws) * n_w // draws  # (draws,) the world of each draw
    world: tuple[np.ndarray, np.ndarray] | None = None
    w_shift: np.ndarray | None = None
    inputs: dict[str, np.ndarray] = {}
    if input_sd > 0:
        zw = gen.standard_normal((3, n_w))
        g = np.exp(input_sd * zw[:2])
        inputs = {"cost_factor": g[0], "target_cost_factor": g[1],
                  "logit_shift": input_sd * zw[2], "block": block}
        world = (g[0][block], g[1][block])
        w_shift = input_sd * zw[2][block]
        shift = shift + w_shift
        shift_b = shift_b + w_shift
    u_s_true = an.u_standoff[:, None] + eta
    choice, _ev_, credible, r = _reservations(s, d, u_s_true, f[0], f[1], shift, world=world)
    # the targets' side reads the war with its patrons' capability added at the share α it
    # counts on (design revision 11, ``patron_support``): its own value of escalation and its
    # judgement of A's threat; A's values and the war itself stay at the coded p
    d_b = d
    p_b = tuple(believed_p(s, o, patron_support, contest_exponent) for o in d.options)
    if any(pb != o.p for pb, o in zip(p_b, d.options, strict=True)):
        d_b = dataclasses.replace(d, options=tuple(
            dataclasses.replace(o, p=pb) for pb, o in zip(p_b, d.options, strict=True)))
    # B's side knows its own cost (f[1]) and standoff value and believes A's threat as
    # nominally assessed
    one = np.ones(draws)
    u_s_belief = u_s_true.copy()
    u_s_belief[d.a] = an.u_standoff[d.a]
    _c, _e, _cr, r_belief = _reservations(s, d_b, u_s_belief, one, f[1], shift_b, world=world)
    if world is None:
        credible_b = an.credible
        if d_b is not d:
            credible_b = bool(_reservations(s, d_b, an.u_standoff, one[:1], one[:1])[2][0])
        if not credible_b:
            r_belief = u_s_belief.copy()
    else:  # the threat as nominally assessed in each draw's world
        _c, _e, cred_w, _r = _reservations(s, d_b, an.u_standoff, one, one, w_shift,
                                           world=world)
        r_belief = np.where(cred_w[None, :], r_belief, u_s_belief)
    # a broken promise returns the standoff: a deal's value moves with (1 − κ) of the shock
    kappa = np.full(s.n_actors, d.kappa_b)
    kappa[d.a] = d.kappa_a
    v_shift = (1 - kappa)[:, None] * eta  # (n_actors, draws)
    if broken_promise == "crisis":
        # each side's value of a broken promise per draw, against the nominal one in an.value
        bp = broken_promise_value(s, d_b, f[0], f[1], shift_b, power_shift, a_known=False,
                                  world=world)
        if d_b is not d:  # A's own value of a resumed crisis is at the coded p
            bp[d.a] = broken_promise_value(s, d, f[0], f[1], shift_b, power_shift,
                                           a_known=False, world=world)[d.a]
        if private_power:  # A judges the resumed crisis at its own estimate
            bp[d.a] = broken_promise_value(s, d, f[0], f[1], shift, power_shift,
                                           world=world)[d.a]
        v_shift = v_shift + (1 - kappa)[:, None] * (bp - an.extra["broken"][:, None])
    vb_shift = (d.beta[:, None] * v_shift).sum(axis=0)
    r_b_side = r_belief.copy()
    r_b_side[d.a] = -np.inf
    rb = (d.beta[:, None] * np.where(np.isfinite(r_b_side), r_b_side, 0.0)).sum(axis=0)
    if an.candidates.shape[0] == 0:
        agree = np.zeros(draws, dtype=bool)
        x_star_draws = np.repeat(d.standoff[None, :], draws, axis=0)
    else:
        # B's side accepts candidate c in draw d' iff each of its conditions holds: B's value
        # against its reservation, each joint party's against its own. Each condition is
        # "value of c ≥ a threshold of d'", so draws with the same thresholds share a column.
        thr = np.vstack([rb - vb_shift] + [r_belief[j] - v_shift[j] for j in d.vetoes])
        vals = np.vstack([an.value_b] + [an.value[j] for j in d.vetoes])  # (k, m)
        u_thr, inv_thr, n_thr = np.unique(thr, axis=1, return_inverse=True, return_counts=True)
        inv_thr = inv_thr.reshape(-1)
        acc_u = vals[0][:, None] >= u_thr[0][None, :] - 1e-12  # (m, distinct thresholds)
        for k in range(1, vals.shape[0]):
            acc_u &= vals[k][:, None] >= u_thr[k][None, :] - 1e-12
        p_acc = (acc_u @ n_thr) / draws  # P(B's side accepts c), over the draws
        va = an.value[d.a]
        t = r[d.a] - v_shift[d.a]
        if world is None:
            p_acc_w = p_acc[:, None]  # (m, worlds): one world
            u_t, inv_t = np.unique(t, return_inverse=True)
            w_t = np.zeros(u_t.size, dtype=int)
        else:
            # P(B's side accepts c) within each world, over that world's draws
            counts = np.zeros((u_thr.shape[1], n_w), dtype=np.int64)
            np.add.at(counts, (inv_thr, block), 1)
            p_acc_w = (acc_u @ counts) / np.bincount(block, minlength=n_w)[None, :]
            u_wt, inv_t = np.unique(np.stack([block.astype(float), t], axis=1), axis=0,
                                    return_inverse=True)
            w_t, u_t = u_wt[:, 0].astype(int), u_wt[:, 1]
        inv_t = inv_t.reshape(-1)
        # A's demand: the risk–return trade-off (Fearon 1995), or the asymmetric Nash split at
        # the believed reservation of B's side where some split is believed acceptable. Both
        # depend on the draw only through its world and A's true reservation net of its
        # standoff shock, t.
        # only a candidate some draw of B's side accepts can carry a positive gain
        live = np.flatnonzero(p_acc > 0)
        if live.size == 0:
            live = np.arange(p_acc.size)
        pl, vl = p_acc_w[live][:, w_t], va[live]  # (live, distinct (world, t))
        g_a = vl[:, None] - u_t[None, :]  # A's gain over its true reservation (live, distinct t)
        gain = pl * g_a
        best = gain.max(axis=0)
        pos = best > 0
        cut = (1 - NEAR_TIE) * best
        if power < 1:
            # log of p_acc · g_A^ω · g_B^(1−ω) (the split, as in _nash_score), B's believed
            # reservation averaged over the draws of the world
            rb_w = np.bincount(block, weights=rb - vb_shift, minlength=n_w) \
                / np.bincount(block, minlength=n_w)
            if world is None:
                rb_w = np.array([float(np.mean(rb - vb_shift))])
            with np.errstate(divide="ignore"):
                lb = (1 - power) * np.log(np.maximum(an.value_b[live][:, None]
                                                     - rb_w[None, :], 0.0) + 1e-15)
                lsplit = power * np.log(np.maximum(g_a, 0.0) + 1e-15) \
                    + (np.log(p_acc_w[live]) + lb)[:, w_t]
            best_s = lsplit.max(axis=0)
            has = best_s > math.log(1e-12)
            if has.any():
                gain = np.where(has[None, :], lsplit, gain)
                pos |= has
                cut = np.where(has, best_s + math.log(1 - NEAR_TIE), cut)
        dem_t = np.zeros(u_t.size, dtype=int)
        if (~pos).any():  # no gain anywhere: the best over every candidate (no deal follows)
            dem_t[~pos] = np.argmax(p_acc_w[:, w_t[~pos]] * (va[:, None] - u_t[None, ~pos])
                                    + 1e-12 * va[:, None], axis=0)
        if pos.any():
            dem_t[pos] = live[_central(gain[:, pos], an.candidates[live], cut[pos])]
        demand = dem_t[inv_t]
        agree = acc_u[demand, inv_thr] & (va[demand] + v_shift[d.a] >= r[d.a] - 1e-12)
        x_star_draws = an.candidates[demand]
    escalate = ~agree & credible
    p = np.empty(draws)
    for j in np.unique(choice).tolist():
        on = choice == j
        war_shift = (None if w_shift is None else w_shift[on]) if private_power else shift[on]
        p[on] = _p_draws(d.options[j].p, war_shift)
    won = gen.random(draws) < p
    esc = np.where(won[:, None], d.win[choice], d.lose[choice])
    standoff = _branch(s, d.standoff, an.collective, "no_agreement", d.a)
    agreed = x_star_draws
    if s.conditional:
        u_x, inv_x = np.unique(x_star_draws, axis=0, return_inverse=True)
        agreed = np.array([_branch(s, x, an.collective, "agreement", d.a)
                           for x in u_x])[inv_x.reshape(-1)]
    out = np.where(agree[:, None], agreed,
                   np.where(escalate[:, None], esc, standoff[None, :]))
    kind = np.where(agree, 0, np.where(escalate, 2, 1))
    ep = {"agreement": float(agree.mean()), "no_agreement": float((kind == 1).mean()),
          "escalation": float(escalate.mean())}
    return CrisisResult(an, ep, out, kind, demand=x_star_draws, inputs=inputs)


def _describe(res: CrisisResult) -> dict[str, Any]:
    an = res.analysis
    s = an.setup
    scaled = s.to_scale(res.draws)
    diag: dict[str, Any] = {
        "spread": {i: float(v) for i, v in zip(s.issue_ids, scaled.std(axis=0), strict=True)},
        "interval_80": {i: (float(lo), float(hi)) for i, lo, hi in zip(
            s.issue_ids, np.quantile(scaled, 0.1, axis=0), np.quantile(scaled, 0.9, axis=0),
            strict=True)},
        "collective_layer": dict(zip(s.issue_ids, s.to_scale(an.collective.outcome).tolist(),
                                     strict=True)),
        # the episode: ``Forecast.episode`` is the calibrated mixture (design revision 9),
        # this the structural model's, with the weight and π it was mixed with
        "episode_model": {k: float(v) for k, v in res.episode_model.items()},
        "base_rate_weight": float(res.base_rate_weight),
        "base_rate": res.base_rate,
    }
    d = an.dyad
    if d is not None:
        o = d.options[an.option]
        diag.update({
            "challenger": s.actor_ids[d.a],
            "counterpart": s.actor_ids[d.counterpart],
            "option": {"action": o.action, "p_prevail": o.p,
                       "p_from": "given" if o.p_given else "capabilities (contest)",
                       "cost": o.cost, "target_cost": o.target_cost,
                       "targets": [s.actor_ids[t] for t in o.targets]},
            "trust": {"challenger_in_counterpart": d.kappa_a,
                      "counterpart_in_challenger": d.kappa_b, "how": an.trust_note},
            "escalation_value": {s.actor_ids[i]: float(v) for i, v in enumerate(an.ev)},
            "standoff_value": {s.actor_ids[i]: float(v) for i, v in enumerate(an.u_standoff)},
            "credible_threat": an.credible,
            "other_challengers": dict(res.others),
            "zone_exists": an.zone_exists,
            "zone_size": int(an.zone.sum()),
            "standoff": dict(zip(s.issue_ids, s.to_scale(d.standoff).tolist(), strict=True)),
            "deal": (None if an.proposal is None else
                     dict(zip(s.issue_ids, s.to_scale(an.proposal).tolist(), strict=True))),
        })
    return diag


_OPTIONS = {
    "draws": Option(2000, "Monte Carlo draws of each side's private cost of conflict"),
    "resolve_sd": Option(0.5, "σ: log-sd of a side's cost of conflict as the other side knows "
                              "it (private information, Fearon 1995); 0 = complete information"),
    "channel": Option("public", "positions and saliences: public, or private (closed "
                                "channels, where the scenario gives them)",
                      choices=("public", "private")),
    "trust": Option("record", "κ, how far a promise is believed (Powell 2006): a number in "
                              "[0, 1], or 'record' (credibility from the record as of the "
                              "scenario's date; full trust when the dyad has no events)",
                    words=("record",)),
    "power": Option(0.5, "ω, the challenger's bargaining power over the zone: 1 = its "
                         "take-it-or-leave-it demand (Fearon 1995), 0.5 = the symmetric "
                         "Nash split (chosen between the two on the odd-year cases of the "
                         "case bank)"),
    "standoff_info": Option("common", "each side's value of the standoff: 'common' (known "
                                      "to both) or 'private' (known to the other side up to "
                                      "a normal error of sd σ × its cost of conflict; Fearon "
                                      "1995, Banks 1990)", choices=("common", "private")),
    "broken_promise": Option("standoff", "what a broken promise leaves a side: 'standoff' (the "
                                         "standoff), or 'crisis' (the crisis resumed with the "
                                         "outside option at the later power: Fearon 1995, "
                                         "Powell 2006)", choices=("standoff", "crisis")),
    "power_shift": Option(0.0, "with broken_promise=crisis: the change in the challenger's "
                               "chance of prevailing by the time a promise could be broken "
                               "(Powell 2006); 0 = no shift coded"),
    "power_info": Option("common", "each side's estimate of the chance of prevailing: "
                                   "'common' (one draw both sides know) or 'private' (each "
                                   "side's own, off the coded odds by an independent "
                                   "log-normal factor of log-sd σ; the war is fought at the "
                                   "coded p: Fearon 1995, Slantchev & Tarar 2011)",
                         choices=("common", "private")),
    "input_sd": Option(0.0, "s: the analyst's uncertainty about the coded inputs — each "
                            "draw's world scales the costs of conflict by exp(sZ) and moves "
                            "the log-odds of prevailing by sZ, known to both sides; the "
                            "forecast mixes the worlds (design revision 8); 0 = the coded "
                            "values"),
    "patron_support": Option(PATRON_SUPPORT, "α: the share of its patrons' capability (third "
                                             "parties nearer the targets than the challenger "
                                             "on the issues the threat imposes) the targets' "
                                             "side counts on when it reads the war (design "
                                             "revision 11); 0 = the targets weigh it alone"),
    "yield_cost": Option(YIELD_COST, "ρ: the cost to the challenger's counterpart of yielding "
                                     "to its threat — each of its actors pays ρ × what a deal "
                                     "concedes on the issues the threat imposes (reputation "
                                     "for resolve: Schelling 1966, Sechser 2010; design "
                                     "revision 12); 0 = none"),
    "target_consent": Option(TARGET_CONSENT, "τ: who accepts or refuses the challenger's "
                                             "demand — 0: every other actor, weighted by "
                                             "capability; 1: the targets of its threat (those "
                                             "its imposition moves away from their positions), "
                                             "each of whom must accept (design revision 13)",
                             choices=(0.0, 1.0)),
    "several_challengers": Option(SEVERAL_CHALLENGERS, "δ: where several actors hold outside "
                                                       "options, who accepts or refuses a "
                                                       "challenger's demand — 0: every other "
                                                       "actor, weighted by capability; 1: the "
                                                       "other holders of an outside option "
                                                       "that it threatens, each of whom must "
                                                       "accept (design revision 14)",
                                  choices=(0.0, 1.0)),
    "appeasement": Option(APPEASEMENT, "ψ: what a broken promise leaves the challenger's "
                                       "counterpart — 0: the standoff, as for the challenger; "
                                       "1: what the challenger's threat imposes (it holds the "
                                       "concession and takes the rest; Fearon 1995's "
                                       "appeasement problem, design revision 15), at the "
                                       "record's trust in the challenger's word",
                          choices=(0.0, 1.0)),
    "silent_trust": Option(SILENT_TRUST, "κ₀: the trust each way in a dyad the record has no "
                                         "events for (design revision 10); 1 = full trust, "
                                         "0.5 = the record's own prior mean; trust from events "
                                         "or given as a number is not affected"),
    "base_rate_weight": Option(BASE_RATE_WEIGHT, "ε: the episode forecast is (1 − ε) × the "
                                                 "structural model's + ε × the case bank's "
                                                 "outcome frequencies (design revision 9; "
                                                 "chosen on the odd half); 0 = the structural "
                                                 "model"),
    "base_rate": Option("bank", "π for the mixture: 'bank' (the bank's frequencies, without "
                                "the case itself for a bank case) or P(agreement),"
                                "P(no_agreement),P(escalation), e.g. 0.5,0.1,0.4",
                        words=("bank",)),
    "contest_exponent": Option(1.0, "γ in p = C_A^γ / (C_A^γ + C_T^γ) when p_prevail is not "
                                    "given (Bueno de Mesquita 1981: γ = 1)"),
    "challenger": Option("", "the actor whose outside option drives the crisis (default: the "
                             "one with the most attractive option)", words=("",)),
    "counterpart": Option("", "the actor whose record sets the trust (default: the most "
                              "capable target of the challenger's threat)", words=("",)),
}


@register(
    "crisis",
    summary="Coercive bargaining: outside options, red lines, audience costs, unilateral "
    "issues, private information; P(agreement / standoff / escalation).",
    reference="Fearon, J. D. (1995). Rationalist explanations for war. International "
    "Organization 49(3); Fearon (1994) APSR 88(3); Schelling (1960) The Strategy of Conflict; "
    "Powell (2006) IO 60(1); Tomz (2007) IO 61(4); Bueno de Mesquita (1981) The War Trap.",
    options=_OPTIONS,
)
def crisis(scenario: Scenario, c: CompiledScenario, *, rng: np.random.Generator | None = None,
           **opts: Any) -> Forecast:
    trust = opts.get("trust", "record")
    if isinstance(trust, str) and trust != "record":
        try:
            trust = float(trust)
        except ValueError:
            raise InputError(f"model 'crisis' option 'trust' must be a number in [0, 1] or "
                             f"'record', got {trust!r}") from None
    res = crisis_forecast(
        scenario, rng=rng, draws=int(opts["draws"]), resolve_sd=float(opts["resolve_sd"]),
        channel=opts["channel"], trust=trust, contest_exponent=float(opts["contest_exponent"]),
        challenger=str(opts["challenger"]), counterpart=str(opts["counterpart"]),
        power=float(opts["power"]), standoff_info=str(opts["standoff_info"]),
        broken_promise=str(opts["broken_promise"]), power_shift=float(opts["power_shift"]),
        power_info=str(opts["power_info"]), input_sd=float(opts["input_sd"]),
        silent_trust=float(opts["silent_trust"]),
        patron_support=float(opts["patron_support"]),
        yield_cost=float(opts["yield_cost"]),
        target_consent=float(opts["target_consent"]),
        several_challengers=float(opts["several_challengers"]),
        appeasement=float(opts["appeasement"]),
        base_rate_weight=opts["base_rate_weight"], base_rate=opts["base_rate"],
    )
    s = res.analysis.setup
    from detente.crisis._explain import escalation_source, explain

    # as the baselines: no forecast on an issue where no actor has weight (notes say so)
    weighted = (c.present & (c.capability > 0) & (c.salience > 0)
                & ~np.isnan(c.position)).any(axis=0)
    outcomes = np.where(weighted, s.to_scale(res.draws.mean(axis=0)), np.nan)
    notes = tuple(s.notes) + tuple(
        f"issue '{i}': no actor has both capability and salience above zero; no forecast"
        for i, w in zip(c.issue_ids, weighted, strict=True) if not w)
    return Forecast(
        # a record of one's own is named, not printed (options are shown and serialised)
        model="crisis", options={**opts, **({"trust": "given record"} if is_record(trust)
                                            and not isinstance(trust, str) else {})},
        scenario=scenario.name, issue_ids=s.issue_ids,
        outcomes=outcomes, actor_ids=s.actor_ids,
        diagnostics=_describe(res), notes=notes,
        explanation=tuple(explain(res.analysis)) + tuple(
            line for line in (escalation_source(res),) if line) + tuple(
            f"{who} also holds an outside option: bargaining as the principal challenger, it "
            f"would escalate with probability {p:.2f} (structural); the forecast counts its "
            f"escalation too."
            for who, p in res.others.items()) + tuple(
            line for line in (mixture_line(res.episode, res.episode_model,
                                           res.base_rate_weight, res.base_rate),) if line),
        episode=res.episode,
    )


def with_setup(s: CrisisSetup, **changes: Any) -> CrisisSetup:
    """A copy of ``s`` with fields replaced (counterfactuals)."""
    return dataclasses.replace(s, **changes)


def mapping_float(m: Mapping[str, Any]) -> dict[str, float]:
    return {k: float(v) for k, v in m.items()}


# the keyword options crisis_forecast passes on to one challenger's crisis
_ONE_OPTIONS = frozenset(inspect.signature(_crisis_forecast_one).parameters) - {"scenario"}
# the options of the mixture with the base rate (design revision 9), crisis_forecast's own
_MIX_OPTIONS = frozenset({"base_rate_weight", "base_rate"})
