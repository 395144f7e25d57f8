"""Closed forms and equilibria: Rubinstein, backward induction, ultimatums, crisis bargaining."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from detente.bargaining._domain import Domain
from detente.bargaining._space import pareto_frontier
from detente.errors import InputError

__all__ = [
    "Commitment",
    "CrisisBargaining",
    "DomainUltimatum",
    "InformationProblem",
    "SubgamePerfect",
    "Ultimatum",
    "commitment_problem",
    "crisis_bargaining",
    "information_problem",
    "rubinstein_split",
    "subgame_perfect",
    "ultimatum",
    "ultimatum_curve",
    "ultimatum_offer",
    "ultimatum_offer_curve",
]


def _number(name: str, value: float, lo: float | None = None, hi: float | None = None) -> float:
    """``value`` as a float, or a clear error naming ``name`` and the range expected (a NaN
    or an infinity would otherwise travel silently into the results)."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a number, got {value!r}") from None
    if not math.isfinite(v) or (lo is not None and v < lo) or (hi is not None and v > hi):
        where = ("a finite number" if lo is None and hi is None
                 else f"a finite number ≥ {lo:g}" if hi is None
                 else f"a number in [{lo:g}, {hi:g}]")
        raise InputError(f"{name} must be {where}, got {value!r}")
    return v


def rubinstein_split(delta_1: float, delta_2: float) -> tuple[float, float]:
    """Subgame-perfect shares of a unit pie, player 1 proposing first (Rubinstein 1982):
    ``x1 = (1 - d2) / (1 - d1 d2)``, ``x2 = 1 - x1``; defined for discount factors in [0, 1]
    except both 1 (a perfectly patient player facing an impatient one takes the whole pie)."""
    for d in (delta_1, delta_2):
        if not (math.isfinite(d) and 0 <= d <= 1) or (delta_1 == 1 and delta_2 == 1):
            raise InputError(f"discount factors must be in [0, 1] and not both 1, got "
                             f"{delta_1}, {delta_2}")
    x1 = (1 - delta_2) / (1 - delta_1 * delta_2)
    return x1, 1 - x1


@dataclass(frozen=True)
class SubgamePerfect:
    """Backward-induction equilibrium of finite-horizon alternating offers: the offer made at
    step 0 (accepted at once), its utilities, and each step's proposer-offer utilities."""

    index: int
    utility_a: float
    utility_b: float
    offers: np.ndarray  # (deadline, 2): utilities of the equilibrium offer at each step


def subgame_perfect(domain: Domain, deadline: int | None = None, *,
                    outside_options: bool = True) -> SubgamePerfect:
    """Subgame-perfect equilibrium of alternating offers on ``domain`` with discounting, by
    backward induction (Ståhl 1972; Rubinstein 1982 as the horizon grows).

    Values are in current-step utility: a responder accepts when the offer is worth at least
    what rejecting is worth — the discounted value of the continuation (the equilibrium offer
    of the next step, or its reservation value after the last) or, with ``outside_options``
    (default), its reservation value, since it may walk away instead of countering (Binmore,
    Shaked & Sutton 1989). The proposer offers the outcome best for itself among those the
    responder accepts, unless being refused is worth more to it. With a unit pie,
    ``u_a = x``, ``u_b = 1 - x`` and zero reservation values, the step-0 share tends to
    :func:`rubinstein_split` as the deadline grows (up to the grid's resolution).

    The outside-option principle: a reservation value changes the equilibrium only if it
    exceeds what the party gets inside; on the unit pie with b's reservation value ``w_b``
    (and a's zero), a's share is ``min(x1, 1 − w_b)``, ``x1`` Rubinstein's. When no outcome
    gives both at least their reservation values, nobody agrees: ``index = −1`` and the
    utilities are the reservation values. ``outside_options=False`` allows walking away only
    after the deadline (the reservation values are then only the deadline's disagreement
    point, which discounting makes irrelevant over a long horizon).
    """
    T = domain.deadline if deadline is None else deadline
    ua, ub = domain.utilities()
    da, db = domain.a.discount, domain.b.discount
    # continuation after the last offer: reservation values (not discounted further)
    ra, rb = float(domain.a.reservation_value), float(domain.b.reservation_value)
    cont = np.array([ra, rb])
    first_cont = True
    offers = np.zeros((T, 2))
    index = -1
    for t in range(T - 1, -1, -1):
        prop_a = t % 2 == 0
        u_p, u_r = (ua, ub) if prop_a else (ub, ua)
        c_p, c_r = (cont[0], cont[1]) if prop_a else (cont[1], cont[0])
        d_p, d_r = (da, db) if prop_a else (db, da)
        if first_cont:
            need, fall = c_r, c_p
        else:
            need, fall = d_r * c_r, d_p * c_p
            w_p, w_r = (ra, rb) if prop_a else (rb, ra)
            if outside_options and w_r > need:
                # the responder walks away rather than counter: both get their outside options
                need, fall = w_r, w_p
        ok = u_r >= need - 1e-12
        if ok.any():
            cand = np.flatnonzero(ok)
            best = cand[np.lexsort((-u_r[cand], -u_p[cand]))[0]]
            if u_p[best] >= fall - 1e-12:
                index = int(best)
                val = (float(ua[best]), float(ub[best]))
            else:
                index = -1
                val = (fall, need) if prop_a else (need, fall)
        else:
            index = -1
            val = (fall, need) if prop_a else (need, fall)
        offers[t] = val
        cont = np.array(val)
        first_cont = False
    return SubgamePerfect(index, float(offers[0, 0]), float(offers[0, 1]), offers)


# ---------------------------------------------------------------------------------------------
# ultimatums
@dataclass(frozen=True)
class Ultimatum:
    """An optimal take-it-or-leave-it offer: the share offered to the receiver, the chance it is
    accepted, the risk of rejection, and the proposer's expected utility."""

    offer: float
    acceptance: float
    rejection: float
    expected_utility: float

    def as_dict(self) -> dict[str, float]:
        return {"offer": self.offer, "acceptance": self.acceptance,
                "rejection": self.rejection, "expected_utility": self.expected_utility}


def _cdf(dist: Any) -> Callable[[np.ndarray], np.ndarray]:
    if hasattr(dist, "cdf"):
        return lambda x: np.asarray(dist.cdf(x), dtype=float)
    if callable(dist):
        return lambda x: np.asarray(dist(x), dtype=float)
    raise TypeError("dist must have a .cdf method (e.g. a scipy.stats distribution) or be a CDF")


def ultimatum(
    dist: Any,
    *,
    pie: float = 1.0,
    proposer_reservation: float = 0.0,
    grid: int = 20001,
) -> Ultimatum:
    """Optimal ultimatum when the receiver's reservation value ``r`` is known only by its
    distribution ``dist`` (a scipy.stats distribution or a CDF).

    The proposer keeps ``pie - x`` and offers ``x``; the receiver accepts when ``x ≥ r``, with
    probability ``F(x)``. The proposer maximises ``(pie - x) F(x) + d (1 - F(x))``, ``d`` its
    own reservation value: a larger offer is accepted more often but leaves less (the
    risk–return trade-off). Solved on a grid refined around the best point by golden-section
    search. For ``r ~ U[a, b]`` the optimum is ``x* = (pie + a - d) / 2`` clipped to ``[a, b]``.
    """
    F = _cdf(dist)
    d = _number("proposer_reservation", proposer_reservation)
    if _number("pie", pie) <= 0:
        raise InputError(f"pie must be > 0, got {pie!r}")

    def eu(x: np.ndarray) -> np.ndarray:
        p = np.clip(F(x), 0.0, 1.0)
        return (pie - x) * p + d * (1.0 - p)

    xs = np.linspace(0.0, pie, grid)
    vals = eu(xs)
    k = int(np.argmax(vals))
    lo, hi = xs[max(k - 1, 0)], xs[min(k + 1, grid - 1)]
    g = (math.sqrt(5) - 1) / 2
    for _ in range(80):
        c, e = hi - g * (hi - lo), lo + g * (hi - lo)
        if eu(np.array(c)) >= eu(np.array(e)):
            hi = e
        else:
            lo = c
    x = 0.5 * (lo + hi)
    if eu(np.array(x)) < vals[k]:
        x = float(xs[k])
    p = float(np.clip(F(np.array(x)), 0.0, 1.0))
    if p == 0.0:
        # no offer worth making is accepted: every offer the receiver surely refuses ties, so
        # report the plain one — offer nothing, keep the reservation value
        x = 0.0
        p = float(np.clip(F(np.array(x)), 0.0, 1.0))
    return Ultimatum(float(x), p, 1.0 - p, float(eu(np.array(x))))


def ultimatum_curve(
    mean: float, spreads: Sequence[float], *, family: str = "normal", pie: float = 1.0,
    proposer_reservation: float = 0.0,
) -> list[tuple[float, Ultimatum]]:
    """How the optimal ultimatum moves with the proposer's uncertainty about the receiver's
    reservation value: ``family`` ``"normal"`` (standard deviation = spread) or ``"uniform"``
    (half-width = spread), centred on ``mean``."""
    from scipy import stats

    mean = _number("mean", mean)
    out = []
    for s in spreads:
        if _number("spread", s) <= 0:
            raise InputError(f"spread must be > 0, got {s}")
        if family == "normal":
            dist = stats.norm(mean, s)
        elif family == "uniform":
            dist = stats.uniform(mean - s, 2 * s)
        else:
            raise InputError(f"family must be normal or uniform, got {family!r}")
        out.append((float(s), ultimatum(dist, pie=pie,
                                        proposer_reservation=proposer_reservation)))
    return out


# ---------------------------------------------------------------------------------------------
# ultimatums over a multi-issue domain
@dataclass(frozen=True)
class DomainUltimatum:
    """An optimal take-it-or-leave-it offer on a domain: the outcome offered (flat index, -1
    when no offer is worth making: every outcome is worth less to the proposer than walking
    away), both parties' utilities of it, the chance the receiver accepts, and the proposer's
    expected utility."""

    proposer: str
    receiver: str
    index: int
    options: dict[str, str]
    utility_proposer: float
    utility_receiver: float
    acceptance: float
    rejection: float
    expected_utility: float
    frontier_size: int

    def as_dict(self) -> dict[str, Any]:
        return {"proposer": self.proposer, "receiver": self.receiver, "index": self.index,
                "options": dict(self.options), "utility_proposer": self.utility_proposer,
                "utility_receiver": self.utility_receiver, "acceptance": self.acceptance,
                "rejection": self.rejection, "expected_utility": self.expected_utility,
                "frontier_size": self.frontier_size}


def _proposer_frontier(
    domain: Domain, proposer: str, utilities: tuple[np.ndarray, np.ndarray] | None,
) -> tuple[str, str, np.ndarray, np.ndarray, np.ndarray, float]:
    p = domain.party(proposer)
    r = domain.b if p is domain.a else domain.a
    ua, ub = utilities if utilities is not None else domain.utilities()
    front = pareto_frontier(ua, ub)
    up, ur = (ua[front], ub[front]) if p is domain.a else (ub[front], ua[front])
    return p.id, r.id, front, up, ur, float(p.reservation_value)


def _best_offers(domain: Domain, roles: tuple[str, str, np.ndarray, np.ndarray, np.ndarray,
                 float], accept: np.ndarray) -> list[DomainUltimatum]:
    """The best frontier offer for each row of ``accept`` (rows: beliefs; columns: frontier
    outcomes; entries: acceptance probabilities)."""
    pid, rid, front, up, ur, d = roles
    accept = np.clip(np.atleast_2d(accept), 0.0, 1.0)
    eu = np.where(up >= d, d + (up - d) * accept, -np.inf)
    top = eu.max(axis=1, keepdims=True)
    # ties: the offer most likely accepted
    k = np.where(eu >= top - 1e-12, accept, -1.0).argmax(axis=1)
    out = []
    for row, j in enumerate(k):
        if not np.isfinite(top[row, 0]):
            out.append(DomainUltimatum(pid, rid, -1, {}, d, math.nan, 0.0, 1.0, d, front.size))
            continue
        p = float(accept[row, j])
        i = int(front[j])
        out.append(DomainUltimatum(pid, rid, i, domain.outcome(i), float(up[j]), float(ur[j]),
                                   p, 1.0 - p, float(eu[row, j]), front.size))
    return out


def ultimatum_offer(
    domain: Domain,
    dist: Any,
    *,
    proposer: str = "a",
    utilities: tuple[np.ndarray, np.ndarray] | None = None,
) -> DomainUltimatum:
    """The take-it-or-leave-it offer on ``domain`` that maximises the proposer's expected
    utility when the receiver's reservation value ``r`` is known only by its distribution
    ``dist`` (a scipy.stats distribution or a CDF, as for :func:`ultimatum`).

    The receiver accepts outcome ``x`` when ``u_R(x) ≥ r``, with probability ``F(u_R(x))``;
    the proposer, with reservation value ``d``, expects ``d + (u_P(x) − d) F(u_R(x))``. For
    outcomes it values at least at ``d`` that is non-decreasing in both utilities, so a
    Pareto-dominated outcome never beats the outcome dominating it: the search runs over the
    Pareto frontier only, in one vectorised evaluation. With a unit pie (``u_P = 1 − x``,
    ``u_R = x``) this is :func:`ultimatum` on the pie's grid. Ties go to the offer more
    likely accepted.
    """
    roles = _proposer_frontier(domain, proposer, utilities)
    return _best_offers(domain, roles, _cdf(dist)(roles[4])[None, :])[0]


def ultimatum_offer_curve(
    domain: Domain,
    spreads: Sequence[float],
    *,
    mean: float | None = None,
    family: str = "normal",
    proposer: str = "a",
    utilities: tuple[np.ndarray, np.ndarray] | None = None,
) -> list[tuple[float, DomainUltimatum]]:
    """How the optimal domain ultimatum moves with the proposer's uncertainty: the receiver's
    reservation value is ``normal`` (standard deviation = spread) or ``uniform`` (half-width =
    spread), centred on ``mean`` (default: the receiver's stated reservation value). All
    spreads are solved in one (spreads × frontier) array.

    For such symmetric beliefs, ``F(y)`` falls with the spread wherever ``y ≥ mean``, so the
    proposer's optimal expected utility cannot rise with the spread while the optimal offer
    is accepted with probability ≥ 1/2; beyond that (a gamble on a low reservation value,
    cheap when the proposer's own reservation value is high) more uncertainty can help it.
    """
    from scipy import stats

    s = np.asarray(spreads, dtype=float)
    if s.ndim != 1 or s.size == 0:
        raise InputError("spreads: expected a non-empty list of numbers")
    if not np.all(np.isfinite(s) & (s > 0)):
        raise InputError(f"spreads must be > 0, got {list(map(float, s))}")
    roles = _proposer_frontier(domain, proposer, utilities)
    receiver = domain.party(roles[1])
    mu = float(receiver.reservation_value if mean is None else mean)
    if not math.isfinite(mu):
        raise InputError(f"mean must be a finite number, got {mean}")
    z = roles[4][None, :] - mu
    if family == "normal":
        accept = stats.norm.cdf(z / s[:, None])
    elif family == "uniform":
        accept = np.clip((z + s[:, None]) / (2 * s[:, None]), 0.0, 1.0)
    else:
        raise InputError(f"family must be normal or uniform, got {family!r}")
    return list(zip(s.tolist(), _best_offers(domain, roles, accept), strict=True))


# ---------------------------------------------------------------------------------------------
# crisis bargaining (Fearon 1995)
@dataclass(frozen=True)
class CrisisBargaining:
    """Fearon's (1995) bargaining range on a unit issue: A's share ``x``, A wins a war with
    probability ``p``; war is worth ``p - cost_a`` to A and ``1 - p - cost_b`` to B, so both
    prefer any ``x`` in ``[p - cost_a, p + cost_b]`` to fighting."""

    p: float
    cost_a: float
    cost_b: float
    low: float
    high: float

    @property
    def width(self) -> float:
        return self.high - self.low

    def contains(self, x: float) -> bool:
        return self.low <= x <= self.high

    def as_dict(self) -> dict[str, float]:
        return {"p": self.p, "cost_a": self.cost_a, "cost_b": self.cost_b,
                "low": self.low, "high": self.high, "width": self.width}


def crisis_bargaining(capability_a: float, capability_b: float, cost_a: float,
                      cost_b: float) -> CrisisBargaining:
    """The bargaining range when A prevails with probability ``p = c_a / (c_a + c_b)`` (the
    capability-ratio contest; Fearon leaves p general) and fighting costs each side its cost
    (in shares of the issue). Positive costs make the range non-empty: war is inefficient."""
    capability_a = _number("capability_a", capability_a, 0.0)
    capability_b = _number("capability_b", capability_b, 0.0)
    if capability_a + capability_b <= 0:
        raise InputError("capabilities must be ≥ 0 and not both 0")
    cost_a = _number("cost_a (a cost of fighting)", cost_a, 0.0)
    cost_b = _number("cost_b (a cost of fighting)", cost_b, 0.0)
    p = capability_a / (capability_a + capability_b)
    return CrisisBargaining(p, cost_a, cost_b, max(0.0, p - cost_a), min(1.0, p + cost_b))


@dataclass(frozen=True)
class Commitment:
    """Fearon's (1995) commitment problem with a power shift (Powell 2006): A wins with
    probability ``p_now`` today and ``p_later`` from the next period on; per-period shares of a
    unit flow, discount ``delta``, war is absorbing with per-period payoffs ``p - cost``.

    ``low``/``high`` bound today's share ``x0`` for A at which neither side prefers war now,
    given that from tomorrow A gets at most ``p_later + cost_b`` (the most B concedes once
    stronger); the agreements in that interval are self-enforcing. ``war`` is True when the
    interval is empty: the declining side prefers fighting now to any deal B can commit to.
    """

    p_now: float
    p_later: float
    delta: float
    low: float
    high: float
    empty: bool = False

    @property
    def war(self) -> bool:
        return self.empty or self.low > self.high

    def self_enforcing(self, x0: float) -> bool:
        return self.low <= x0 <= self.high

    def as_dict(self) -> dict[str, Any]:
        return {"p_now": self.p_now, "p_later": self.p_later, "delta": self.delta,
                "low": self.low, "high": self.high, "war": self.war}


def commitment_problem(p_now: float, p_later: float, cost_a: float, cost_b: float,
                       delta: float) -> Commitment:
    """Self-enforcing agreements under a power shift (see :class:`Commitment`).

    A (declining) keeps the peace if ``x0 + delta/(1-delta) * (p_later + cost_b) ≥
    (p_now - cost_a)/(1-delta)``; B keeps it if ``(1 - x0) + delta/(1-delta) * (1 - p_later -
    cost_b) ≥ (1 - p_now - cost_b)/(1-delta)``. War is unavoidable iff even ``x0 = 1`` fails
    A's condition: ``p_now - cost_a > (1 - delta) + delta (p_later + cost_b)``.
    """
    if not 0 <= delta < 1:
        raise InputError(f"delta must be in [0, 1), got {delta}")
    for name, v in (("p_now", p_now), ("p_later", p_later)):
        if not 0 <= v <= 1:
            raise InputError(f"{name} must be in [0, 1], got {v}")
    cost_a = _number("cost_a (a cost of fighting)", cost_a, 0.0)
    cost_b = _number("cost_b (a cost of fighting)", cost_b, 0.0)
    future_a = min(1.0, p_later + cost_b)
    k = delta / (1 - delta)
    low = (p_now - cost_a) / (1 - delta) - k * future_a
    high = 1 - (1 - p_now - cost_b) / (1 - delta) + k * (1 - future_a)
    # today's share lies in [0, 1]: bounds are reported there; the interval is empty (war) when
    # the raw bounds cross or fall outside [0, 1]
    empty = low > high or low > 1.0 or high < 0.0
    return Commitment(p_now, p_later, delta, min(1.0, max(0.0, low)), max(0.0, min(1.0, high)),
                      empty)


@dataclass(frozen=True)
class InformationProblem:
    """Private costs (Fearon 1995): A proposes ``x`` (its share) without knowing B's cost of
    fighting; B accepts iff ``1 - x ≥ 1 - p - cost_b``. The optimal offer risks war."""

    offer: float
    breakdown: float
    expected_utility: float


def information_problem(p: float, cost_a: float, cost_b_dist: Any) -> InformationProblem:
    """A's optimal demand and the probability that bargaining breaks down (war) at it, when
    B's cost is drawn from ``cost_b_dist`` (a scipy.stats distribution).

    An ultimatum in disguise: B's reservation share is ``1 - p - cost_b``, A's is
    ``p - cost_a``. For ``cost_b ~ U[0, c]`` and ``c > cost_a``, A demands
    ``x* = p + (c - cost_a)/2`` and war breaks out with probability ``(c - cost_a) / (2c)``.
    """
    p = _number("p (A's chance of prevailing)", p, 0.0, 1.0)
    cost_a = _number("cost_a (a cost of fighting)", cost_a, 0.0)

    class _ReceiverReservation:
        def cdf(self, y: np.ndarray) -> np.ndarray:
            # P(1 - p - C ≤ y) = P(C ≥ 1 - p - y)
            return 1.0 - np.asarray(cost_b_dist.cdf(1.0 - p - np.asarray(y)), dtype=float)

    u = ultimatum(_ReceiverReservation(), proposer_reservation=p - cost_a)
    return InformationProblem(1.0 - u.offer, u.rejection, u.expected_utility)
