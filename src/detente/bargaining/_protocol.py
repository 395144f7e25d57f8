"""Alternating offers with a deadline, concession strategies, batched runs and tournaments.

The protocol is the bilateral stacked alternating offers protocol (Aydoğan et al. 2017): party
a offers at step 0, then the parties alternate; at each step the party whose turn it is either
accepts the offer on the table or makes a counter-offer. The deadline is the number of offers;
after the last offer the other party may still accept it, else no agreement (each party gets
its reservation value). An agreement on the offer made at step ``t`` is worth ``delta**t``
times its utility to each party (Rubinstein 1982).

Strategies:

- **time-based** concession (Faratin, Sierra & Jennings 1998): the party's aspiration at
  relative time ``tau = t / (deadline - 1)`` is ``r + (u_max - r)(1 - tau**(1/e))``, from its
  best utility to its reservation value ``r``: Boulware ``e < 1`` (holds firm, concedes at the
  end), linear ``e = 1``, conceder ``e > 1``. Named presets: ``boulware`` (e = 0.25),
  ``linear``, ``conceder`` (e = 4), or ``time:E``.
- **tit-for-tat** (behaviour-based, Faratin et al.'s absolute imitation): concedes, in its own
  utility, as much as the opponent's last offer improved on the one before (retreats if it got
  worse), plus a small ``kindness`` per turn so two imitators do not deadlock.
- **hard-liner**: always offers its best outcome and accepts only its best.
- **random**: offers a random outcome it values at least at its reservation value, accepts any
  such offer (a baseline; uses the seed).

Offers: the outcome with the lowest own utility at or above the aspiration (ties: the best for
the opponent). Acceptance is AC_next (Baarslag et al. 2013): accept when the offer is worth at
least what the party would offer now.

Many negotiations run at once (:func:`negotiate_batch`): every step is a handful of numpy
operations over all of them, which is what makes tournaments cheap. One negotiation of
stateless strategies (:func:`negotiate`) runs in Python floats over each party's ranking of
the outcomes, kept on the domain: the same arithmetic, so the same trace.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from detente._rng import as_generator
from detente.bargaining._domain import Domain, check_outcomes
from detente.bargaining._space import pareto_frontier, solve_points
from detente.errors import InputError

__all__ = [
    "BatchResult",
    "Offer",
    "Strategy",
    "Tournament",
    "Trace",
    "negotiate",
    "negotiate_batch",
    "parse_strategy",
    "tournament",
]

Kind = Literal["time", "tft", "hardliner", "random"]
_EPS = 1e-12


@dataclass(frozen=True)
class Strategy:
    """A negotiation strategy: ``kind`` and its parameters (see the module docstring)."""

    kind: Kind
    e: float = 1.0
    kindness: float = 0.01
    name: str = ""
    floor: Literal["reservation", "minimum"] = "reservation"

    def __post_init__(self) -> None:
        if self.kind not in ("time", "tft", "hardliner", "random"):
            raise InputError(f"unknown strategy kind {self.kind!r}")
        if self.kind == "time" and not (math.isfinite(self.e) and self.e > 0):
            raise InputError(f"time-based strategy: exponent e must be > 0, got {self.e!r}")
        if self.floor not in ("reservation", "minimum"):
            raise InputError(f"floor must be 'reservation' or 'minimum', got {self.floor!r}")

    @property
    def label(self) -> str:
        if self.name:
            return self.name
        return f"time(e={self.e:g})" if self.kind == "time" else self.kind


_PRESETS: dict[str, Strategy] = {
    "boulware": Strategy("time", 0.25, name="boulware"),
    "linear": Strategy("time", 1.0, name="linear"),
    "conceder": Strategy("time", 4.0, name="conceder"),
    "tft": Strategy("tft", name="tit-for-tat"),
    "tit-for-tat": Strategy("tft", name="tit-for-tat"),
    "hardliner": Strategy("hardliner", name="hardliner"),
    "hard-liner": Strategy("hardliner", name="hardliner"),
    "random": Strategy("random", name="random"),
}


def parse_strategy(spec: str | Strategy) -> Strategy:
    """A strategy from its name: boulware, linear, conceder (optionally ``NAME:E`` to set the
    exponent, e.g. ``boulware:0.1``), ``time:E``, tft (tit-for-tat, ``tft:KINDNESS``),
    hardliner, random."""
    if isinstance(spec, Strategy):
        return spec
    name, _, arg = spec.strip().lower().partition(":")
    if name == "time" or (name in ("boulware", "linear", "conceder") and arg):
        try:
            e = float(arg)
        except ValueError:
            raise InputError(
                f"strategy {spec!r}: expected a number after ':', e.g. time:0.5"
            ) from None
        return Strategy("time", e, name=f"{name if name != 'time' else 'time'}(e={e:g})")
    if name in ("tft", "tit-for-tat") and arg:
        try:
            kind = float(arg)
        except ValueError:
            raise InputError(f"strategy {spec!r}: expected a kindness number after ':'") from None
        return Strategy("tft", kindness=kind, name=f"tit-for-tat({kind:g})")
    if name in _PRESETS and not arg:
        return _PRESETS[name]
    raise InputError(
        f"unknown strategy {spec!r}; expected boulware, linear, conceder, time:E, tft, "
        "hardliner or random"
    )


Clock = Literal["deadline", "shifted"]


def relative_time(step: int, deadline: int, clock: Clock = "deadline") -> float:
    """Relative time of offer ``step``: ``step / (deadline - 1)`` (0 at the first offer, 1 at
    the last: Faratin et al.'s ``t / t_max``), or with ``clock="shifted"``
    ``(step + 1) / (deadline + 1)`` (NegMAS's convention, used to cross-check against it)."""
    if clock == "shifted":
        return min(1.0, (step + 1) / (deadline + 1))
    return 1.0 if deadline <= 1 else min(1.0, step / (deadline - 1))


def _concede(rv: Any, umax: Any, tau: float, e: float) -> Any:
    """A time-based aspiration: from ``umax`` at τ = 0 down to ``rv`` at τ = 1 (Faratin et
    al. 1998), for arrays or float64 scalars alike (τ a Python float: the same power)."""
    return rv + (umax - rv) * (1.0 - tau ** (1.0 / e))


class _Side:
    """One role (a or b) of a batch: sorted utility tables and per-row strategy state."""

    def __init__(self, own: np.ndarray, opp: np.ndarray, rows: np.ndarray, rv: np.ndarray,
                 strategy: Strategy, rng: np.random.Generator) -> None:
        r, n = own.shape
        order = np.argsort(own, axis=-1)
        sorted_own = own[0][order] if r == 1 else np.take_along_axis(own, order, axis=-1)
        if np.any(sorted_own[:, 1:] == sorted_own[:, :-1]):
            # ties in own utility: order them best-for-the-opponent first (rarely needed)
            order = np.lexsort((-opp, own), axis=-1)
            sorted_own = np.take_along_axis(own, order, axis=-1)
        self.order = order
        lo = float(sorted_own[:, 0].min())  # rows are sorted: their ends bound them
        span = float(sorted_own[:, -1].max() - lo) + 1.0
        self.offset = span * np.arange(r)
        self.flat = (sorted_own - lo + self.offset[:, None]).reshape(-1)
        self.lo = lo
        self.n = n
        self.own = own
        self.rows = rows
        self.umax = sorted_own[:, -1][rows]
        self.rv = rv if strategy.floor == "reservation" else sorted_own[:, 0][rows]
        self.strategy = strategy
        self.rng = rng
        b = rows.shape[0]
        self.target = self.umax.copy()
        self.seen_last = np.full(b, np.nan)
        self.seen_prev = np.full(b, np.nan)

    def utility(self, active: np.ndarray, outcome: np.ndarray) -> np.ndarray:
        return self.own[self.rows[active], outcome]

    def observe(self, active: np.ndarray, offer: np.ndarray) -> None:
        u = self.utility(active, offer)
        self.seen_prev[active] = self.seen_last[active]
        self.seen_last[active] = u

    def aspiration(self, active: np.ndarray, tau: float) -> np.ndarray:
        s = self.strategy
        umax = self.umax[active]
        rv = np.minimum(self.rv[active], umax)
        if s.kind == "time":
            return _concede(rv, umax, tau, s.e)
        if s.kind == "hardliner":
            return umax
        if s.kind == "random":
            return rv
        # tit-for-tat: concede what the opponent conceded (in own utility), plus kindness
        last, prev = self.seen_last[active], self.seen_prev[active]
        delta = np.where(np.isnan(prev) | np.isnan(last), 0.0, last - prev)
        t = self.target[active] - delta - s.kindness * (umax - rv)
        t = np.clip(t, rv, umax)
        self.target[active] = t
        return t

    def select(self, active: np.ndarray, target: np.ndarray) -> np.ndarray:
        """The outcome with the lowest own utility ≥ target (ties: best for the opponent)."""
        rows = self.rows[active]
        base = rows * self.n
        if self.strategy.kind == "random":
            pos_lo = np.searchsorted(self.flat, target - self.lo + self.offset[rows] - _EPS)
            pos_lo = np.minimum(pos_lo, base + self.n - 1)
            span = base + self.n - pos_lo
            pos = pos_lo + np.floor(self.rng.random(rows.shape[0]) * span).astype(np.int64)
        else:
            pos = np.searchsorted(self.flat, target - self.lo + self.offset[rows] - _EPS)
            pos = np.minimum(pos, base + self.n - 1)
        return self.order[rows, pos - base]


@dataclass(frozen=True)
class BatchResult:
    """Results of many negotiations: per negotiation, the agreement (flat outcome index, -1 for
    none), the step of the accepted offer, both parties' (undiscounted and discounted)
    utilities; and optionally every offer (``offers[k, t]``, -1 after the end)."""

    agreement: np.ndarray
    step: np.ndarray
    utility_a: np.ndarray
    utility_b: np.ndarray
    discounted_a: np.ndarray
    discounted_b: np.ndarray
    offers: np.ndarray | None = None

    @property
    def agreed(self) -> np.ndarray:
        return self.agreement >= 0


def negotiate_batch(
    ua: np.ndarray,
    ub: np.ndarray,
    strategy_a: Strategy | str,
    strategy_b: Strategy | str,
    *,
    deadline: int,
    reservation_a: float | np.ndarray,
    reservation_b: float | np.ndarray,
    rows: np.ndarray | None = None,
    discount: tuple[float, float] = (1.0, 1.0),
    rng: np.random.Generator | int | None = None,
    keep_offers: bool = False,
    clock: Clock = "deadline",
) -> BatchResult:
    """Run many alternating-offers negotiations at once.

    ``ua``, ``ub`` have shape ``(R, n_outcomes)`` (or ``(n_outcomes,)``): R utility tables
    (e.g. R perturbed domains); ``rows`` maps each negotiation to its table (default: one
    negotiation per table). Reservation values are per table.
    """
    sa, sb = parse_strategy(strategy_a), parse_strategy(strategy_b)
    ua = np.atleast_2d(np.asarray(ua, dtype=float))
    ub = np.atleast_2d(np.asarray(ub, dtype=float))
    if ua.shape != ub.shape:
        raise InputError("ua and ub must have the same shape")
    rep = np.arange(ua.shape[0]) if rows is None else np.asarray(rows, dtype=np.int64)
    ra = np.broadcast_to(np.asarray(reservation_a, dtype=float), (ua.shape[0],))[rep]
    rb = np.broadcast_to(np.asarray(reservation_b, dtype=float), (ua.shape[0],))[rep]
    if deadline < 1:
        raise InputError(f"deadline must be at least 1, got {deadline}")
    # a generator only where a strategy draws (making one costs as much as a short negotiation)
    gen = rng if isinstance(rng, np.random.Generator) else (
        as_generator(rng) if "random" in (sa.kind, sb.kind) else _NO_RNG)
    side_a = _Side(ua, ub, rep, ra, sa, gen)
    side_b = _Side(ub, ua, rep, rb, sb, gen)
    nb = rep.shape[0]
    agreement = np.full(nb, -1, dtype=np.int64)
    step = np.full(nb, -1, dtype=np.int64)
    last = np.zeros(nb, dtype=np.int64)
    active = np.arange(nb)
    offers = np.full((nb, deadline), -1, dtype=np.int64) if keep_offers else None
    if nb == 1 and sa.kind in _STATELESS and sb.kind in _STATELESS:
        # one negotiation between strategies that ignore the other's offers: every step at once
        _all_steps(side_a, side_b, deadline, clock, agreement, step, offers)
        return _result(ua, ub, rep, ra, rb, agreement, step, discount, offers)
    for t in range(deadline + 1):
        if active.size == 0:
            break
        me, other = (side_a, side_b) if t % 2 == 0 else (side_b, side_a)
        tau = relative_time(t, deadline, clock)
        if t > 0:
            me.observe(active, last[active])
        target = me.aspiration(active, tau)
        planned = me.select(active, target)
        if t > 0:
            u_in = me.utility(active, last[active])
            accept = u_in >= me.utility(active, planned) - _EPS
            done = active[accept]
            agreement[done] = last[done]
            step[done] = t - 1
            active = active[~accept]
            planned = planned[~accept]
        if t == deadline:
            break
        last[active] = planned
        if offers is not None:
            offers[active, t] = planned
    return _result(ua, ub, rep, ra, rb, agreement, step, discount, offers)


#: stands for the generator where no strategy draws (never called)
_NO_RNG: np.random.Generator = np.random.Generator(np.random.PCG64(0))

#: strategies whose offers depend on time alone (not on the other side's offers)
_STATELESS = ("time", "hardliner")


def _all_steps(side_a: _Side, side_b: _Side, deadline: int, clock: Clock,
               agreement: np.ndarray, step: np.ndarray, offers: np.ndarray | None) -> None:
    """One negotiation of two stateless strategies, the same steps as the loop of
    :func:`negotiate_batch` computed for every step at once: the offer each side plans at
    step t, and the first step at which the side to move accepts the other's last offer
    (worth at least its own planned offer). Element for element the same arithmetic."""
    ts = range(deadline + 1)
    planned = np.empty(deadline + 1, dtype=np.int64)
    for side, first in ((side_a, 0), (side_b, 1)):
        mine = ts[first::2]
        if not mine:
            continue
        umax = float(side.umax[0])
        if side.strategy.kind == "time":  # `_Side.aspiration`, in float64 scalars
            rv, e = min(float(side.rv[0]), umax), side.strategy.e
            # `relative_time`, inlined; t <= deadline, so only t = deadline can pass 1
            if clock == "shifted":
                taus = [(t + 1) / (deadline + 1) for t in mine]
            elif deadline <= 1:
                taus = [1.0 for t in mine]
            else:
                taus = [t / (deadline - 1) if t < deadline else 1.0 for t in mine]
            asp = np.array([_concede(rv, umax, tau, e) for tau in taus])
        else:  # hardliner
            asp = np.full(len(mine), umax)
        planned[first::2] = side.select(np.zeros(len(mine), dtype=np.int64), asp)
    # at step t >= 1 the side to move (a on even t) weighs the last offer against its own plan
    row = int(side_a.rows[0])
    own_a, own_b = side_a.own[row], side_b.own[row]
    mover_own = np.where(np.arange(1, deadline + 1) % 2 == 0, 0, 1)
    u_in = np.where(mover_own == 0, own_a[planned[:-1]], own_b[planned[:-1]])
    u_plan = np.where(mover_own == 0, own_a[planned[1:]], own_b[planned[1:]])
    accept = u_in >= u_plan - _EPS
    hit = int(np.argmax(accept)) if accept.any() else -1
    end = deadline if hit < 0 else hit + 1  # offers made: steps 0 .. end-1
    if hit >= 0:
        agreement[0] = planned[hit]
        step[0] = hit
    if offers is not None:
        offers[0, :end] = planned[:end]


def _result(ua: np.ndarray, ub: np.ndarray, rep: np.ndarray, ra: np.ndarray, rb: np.ndarray,
            agreement: np.ndarray, step: np.ndarray, discount: tuple[float, float],
            offers: np.ndarray | None) -> BatchResult:
    got = agreement >= 0
    idx = np.where(got, agreement, 0)
    u_a = np.where(got, ua[rep, idx], ra)
    u_b = np.where(got, ub[rep, idx], rb)
    st = np.maximum(step, 0)
    d_a = np.where(got, u_a * discount[0] ** st, ra)
    d_b = np.where(got, u_b * discount[1] ** st, rb)
    return BatchResult(agreement, step, u_a, u_b, d_a, d_b, offers)


@dataclass(frozen=True)
class Offer:
    """One offer of a trace: step, who offered, the outcome and both utilities."""

    step: int
    proposer: str
    index: int
    utility_a: float
    utility_b: float
    options: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Trace:
    """A negotiation's offers, and its agreement (``None``: no agreement by the deadline)."""

    strategy_a: str
    strategy_b: str
    offers: tuple[Offer, ...]
    agreement: Offer | None
    utility_a: float
    utility_b: float
    discounted_a: float
    discounted_b: float
    deadline: int

    def as_dict(self) -> dict[str, Any]:
        def off(o: Offer) -> dict[str, Any]:
            return {"step": o.step, "proposer": o.proposer, "index": o.index,
                    "utility_a": o.utility_a, "utility_b": o.utility_b, "options": o.options}

        return {
            "strategy_a": self.strategy_a,
            "strategy_b": self.strategy_b,
            "deadline": self.deadline,
            "offers": [off(o) for o in self.offers],
            "agreement": None if self.agreement is None else off(self.agreement),
            "utility_a": self.utility_a,
            "utility_b": self.utility_b,
            "discounted_a": self.discounted_a,
            "discounted_b": self.discounted_b,
        }


def negotiate(
    domain: Domain,
    strategy_a: Strategy | str,
    strategy_b: Strategy | str,
    *,
    deadline: int | None = None,
    rng: np.random.Generator | int | None = None,
    clock: Clock = "deadline",
) -> Trace:
    """One negotiation on ``domain`` (party a offers first), with its full trace."""
    sa, sb = parse_strategy(strategy_a), parse_strategy(strategy_b)
    T = domain.deadline if deadline is None else deadline
    if (sa.kind in _STATELESS and sb.kind in _STATELESS and type(T) is int and T >= 1
            and _finite(domain.a.reservation_value) and _finite(domain.b.reservation_value)):
        fast = _rankings(domain)
        if fast is not None:
            return _negotiate_scalar(domain, fast, sa, sb, T, clock)
    return _negotiate_general(domain, sa, sb, T, rng, clock)


def _negotiate_general(domain: Domain, sa: Strategy, sb: Strategy, T: int,
                       rng: np.random.Generator | int | None, clock: Clock) -> Trace:
    """:func:`negotiate` through :func:`negotiate_batch` (every strategy, any domain)."""
    ua, ub = domain.utilities()
    res = negotiate_batch(
        ua, ub, sa, sb, deadline=T,
        reservation_a=domain.a.reservation_value, reservation_b=domain.b.reservation_value,
        discount=(domain.a.discount, domain.b.discount), rng=rng, keep_offers=True,
        clock=clock,
    )
    assert res.offers is not None
    row = res.offers[0]
    made = row[:int(np.argmax(row < 0))] if (row < 0).any() else row
    cols = [c.tolist() for c in np.unravel_index(made, domain.shape)]  # all offers at once
    ids = [(i.id, i.options) for i in domain.issues]
    offers = [Offer(t, domain.a.id if t % 2 == 0 else domain.b.id, k, va, vb,
                    {iid: opts[c[t]] for (iid, opts), c in zip(ids, cols, strict=True)})
              for t, (k, va, vb) in enumerate(zip(made.tolist(), ua[made].tolist(),
                                                  ub[made].tolist(), strict=True))]
    agreement = offers[int(res.step[0])] if res.agreed[0] else None
    return Trace(sa.label, sb.label, tuple(offers), agreement, float(res.utility_a[0]),
                 float(res.utility_b[0]), float(res.discounted_a[0]), float(res.discounted_b[0]),
                 T)


#: the largest domain whose rankings :func:`negotiate` keeps as Python tuples (larger domains
#: take the array path of :func:`negotiate_batch`)
_SCALAR_MAX = 1 << 16


@dataclass(frozen=True)
class _Ranking:
    """One party's outcomes from worst to best for it (ties: best for the other first), as
    :class:`_Side` orders them, in Python scalars: ``order[k]`` the outcome at rank ``k``,
    ``shifted[k]`` its utility minus the lowest (``lo``, also the floor ``minimum``),
    ``own`` the utility of every outcome."""

    order: tuple[int, ...]
    shifted: tuple[float, ...]
    own: tuple[float, ...]
    lo: float
    umax: float


@dataclass(frozen=True)
class _Rankings:
    """Both parties' rankings of a domain's outcomes and the issue layout of an outcome index,
    computed once per domain (read-only; not pickled: see ``Domain.__getstate__``)."""

    a: _Ranking
    b: _Ranking
    axes: tuple[tuple[str, tuple[str, ...], int, int], ...]  # id, options, stride, size


def _rankings(domain: Domain) -> _Rankings | None:
    """The domain's cached :class:`_Rankings`, or ``None`` when the scalar path does not apply
    (too many outcomes, or a utility that is not finite)."""
    got: _Rankings | None = domain.__dict__.get("_rankings")
    if got is not None:
        return got
    if domain.n_outcomes > _SCALAR_MAX:
        return None
    ua, ub = domain.utilities()
    if not (np.isfinite(ua).all() and np.isfinite(ub).all()):
        return None
    zero = np.zeros(1, dtype=np.int64)
    ranks = []
    for own, opp in ((ua, ub), (ub, ua)):
        side = _Side(own[None], opp[None], zero, np.zeros(1), _PRESETS["linear"], _NO_RNG)
        ranks.append(_Ranking(tuple(side.order[0].tolist()), tuple(side.flat.tolist()),
                              tuple(own.tolist()),
                              side.lo, float(side.umax[0])))
    shape = domain.shape
    axes = tuple((iss.id, iss.options, math.prod(shape[k + 1:]), shape[k])
                 for k, iss in enumerate(domain.issues))
    got = _Rankings(ranks[0], ranks[1], axes)
    object.__setattr__(domain, "_rankings", got)  # a cache, not a field
    return got


def _finite(x: Any) -> bool:
    return isinstance(x, (int, float)) and math.isfinite(x)


_new = object.__new__
_set = object.__setattr__


def _negotiate_scalar(domain: Domain, rk: _Rankings, sa: Strategy, sb: Strategy, T: int,
                      clock: Clock) -> Trace:
    """:func:`negotiate` for two stateless strategies in Python scalars over the domain's
    cached rankings, stopping at the accepted offer: the same steps and the same float64
    arithmetic as :func:`_all_steps` (so the same trace, bit for bit)."""
    pa, pb = domain.a, domain.b
    plans = []
    for s, rank, rv_party in ((sa, rk.a, pa.reservation_value), (sb, rk.b, pb.reservation_value)):
        umax = rank.umax
        rv = min(float(rv_party) if s.floor == "reservation" else rank.lo, umax)
        plans.append((s.kind == "time", rv, umax - rv, 1.0 / s.e, umax, rank.lo, rank.shifted,
                      rank.order, rank.own))
    own_a, own_b = rk.a.own, rk.b.own
    last_rank = len(own_a) - 1
    shifted_clock = clock == "shifted"
    made: list[int] = []
    agreed = -1
    last = -1
    for t in range(T + 1):
        timed, rv, span, inv, umax, lo, shifted, order, own = plans[t & 1]
        if timed:  # `relative_time` and `_concede`
            if shifted_clock:
                tau = (t + 1) / (T + 1)
            elif T <= 1 or t >= T:
                tau = 1.0
            else:
                tau = t / (T - 1)
            target = rv + span * (1.0 - tau ** inv)
        else:  # hard-liner
            target = umax
        pos = bisect_left(shifted, target - lo - _EPS)  # `_Side.select`
        planned = order[pos if pos < last_rank else last_rank]
        if t and own[last] >= own[planned] - _EPS:  # AC_next
            agreed = t - 1
            break
        if t == T:
            break
        made.append(planned)
        last = planned
    ida, idb = pa.id, pb.id
    axes = rk.axes
    offers = []
    for t, k in enumerate(made):
        o = _new(Offer)
        _set(o, "__dict__", {
            "step": t, "proposer": idb if t & 1 else ida, "index": k,
            "utility_a": own_a[k], "utility_b": own_b[k],
            "options": {iid: opts[k // stride % size] for iid, opts, stride, size in axes}})
        offers.append(o)
    ra, rb = float(pa.reservation_value), float(pb.reservation_value)
    if agreed < 0:
        agreement, u_a, u_b, d_a, d_b = None, ra, rb, ra, rb
    else:
        agreement = offers[agreed]
        k = made[agreed]
        u_a, u_b = own_a[k], own_b[k]
        d_a = u_a if pa.discount == 1.0 else _discounted(u_a, pa.discount, agreed)
        d_b = u_b if pb.discount == 1.0 else _discounted(u_b, pb.discount, agreed)
    trace = _new(Trace)
    _set(trace, "__dict__", {
        "strategy_a": sa.label, "strategy_b": sb.label, "offers": tuple(offers),
        "agreement": agreement, "utility_a": u_a, "utility_b": u_b, "discounted_a": d_a,
        "discounted_b": d_b, "deadline": T})
    return trace


def _discounted(u: float, discount: float, step: int) -> float:
    """``u * discount**step`` exactly as :func:`_result` computes it (numpy's power)."""
    return float((np.array([u]) * discount ** np.array([step], dtype=np.int64))[0])


# ---------------------------------------------------------------------------------------------
# tournament
@dataclass(frozen=True)
class Tournament:
    """Every ordered pair of strategies (row: party a's strategy, column: party b's) on
    ``repeats`` perturbed copies of the domain; per pair the agreement rate, the mean
    utilities, and the mean distance (in the utility plane) of the result to the Pareto
    frontier and to the Nash point (Baarslag et al. 2013). A failed negotiation counts at the
    reservation values."""

    strategies: tuple[str, ...]
    repeats: int
    agreement_rate: np.ndarray
    utility_a: np.ndarray
    utility_b: np.ndarray
    pareto_distance: np.ndarray
    nash_distance: np.ndarray
    steps: np.ndarray

    def as_dict(self) -> dict[str, Any]:
        return {
            "strategies": list(self.strategies),
            "repeats": self.repeats,
            "agreement_rate": self.agreement_rate.tolist(),
            "utility_a": self.utility_a.tolist(),
            "utility_b": self.utility_b.tolist(),
            "pareto_distance": self.pareto_distance.tolist(),
            "nash_distance": self.nash_distance.tolist(),
            "steps": self.steps.tolist(),
        }

    def by_strategy(self) -> dict[str, dict[str, float]]:
        """Per strategy, averaged over its pairings as party a (its row) and as party b (its
        column), each weighted alike: agreement rate, its own and its opponents' mean utility,
        and the mean distances to the Pareto frontier and to the Nash point."""
        out = {}
        for k, s in enumerate(self.strategies):
            def both(m: np.ndarray, k: int = k) -> float:
                return float((np.nanmean(m[k, :]) + np.nanmean(m[:, k])) / 2)

            out[s] = {
                "agreement_rate": both(self.agreement_rate),
                "own_utility": float((self.utility_a[k, :].mean()
                                      + self.utility_b[:, k].mean()) / 2),
                "opponent_utility": float((self.utility_b[k, :].mean()
                                           + self.utility_a[:, k].mean()) / 2),
                "pareto_distance": both(self.pareto_distance),
                "nash_distance": both(self.nash_distance)
                if np.isfinite(self.nash_distance).any() else math.nan,
            }
        return out

    def score(self) -> dict[str, float]:
        """Each strategy's mean own utility over all its games, as a or as b."""
        out = {}
        for k, s in enumerate(self.strategies):
            out[s] = float((self.utility_a[k, :].mean() + self.utility_b[:, k].mean()) / 2)
        return out


def _perturbed_tables(domain: Domain, repeats: int, noise: float,
                      gen: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    ua = np.empty((repeats, domain.n_outcomes))
    ub = np.empty((repeats, domain.n_outcomes))
    for r in range(repeats):
        for side, out in ((domain.a, ua), (domain.b, ub)):
            tables = []
            for w, v in zip(side.weights, side.values, strict=False):
                vv = v if r == 0 or noise == 0 else np.clip(
                    v + gen.normal(0.0, noise, v.shape), 0.0, 1.0)
                tables.append(w * vv)
            out[r] = domain.additive(tables)
    return ua, ub


def tournament(
    domain: Domain,
    strategies: Sequence[Strategy | str],
    *,
    repeats: int = 10,
    noise: float = 0.1,
    rng: np.random.Generator | int | None = None,
    deadline: int | None = None,
) -> Tournament:
    """Seeded tournament: each ordered pair of strategies on ``repeats`` versions of the domain
    (the first unperturbed, the others with per-option values perturbed by N(0, noise), clipped
    to [0, 1]). All games of a pairing run in one batch."""
    strats = [parse_strategy(s) for s in strategies]
    if not strats:
        raise InputError("a tournament needs at least one strategy")
    if repeats < 1:
        raise InputError(f"repeats must be ≥ 1, got {repeats}")
    check_outcomes(domain, repeats, 50_000_000)
    gen = as_generator(rng)
    ua, ub = _perturbed_tables(domain, repeats, noise, gen)
    ra, rb = domain.a.reservation_value, domain.b.reservation_value
    fronts = []
    nash = np.full((repeats, 2), np.nan)
    for r in range(repeats):
        f = pareto_frontier(ua[r], ub[r])
        fronts.append(np.stack([ua[r, f], ub[r, f]], axis=1))
        k = solve_points(ua[r], ub[r], ra, rb, "nash")
        if k is not None:
            nash[r] = (ua[r, k], ub[r, k])
    T = domain.deadline if deadline is None else deadline
    n = len(strats)
    shape = (n, n)
    rate, mua, mub, dpar, dnash, steps = (np.zeros(shape) for _ in range(6))
    rows = np.arange(repeats)
    for i, sa in enumerate(strats):
        for j, sb in enumerate(strats):
            res = negotiate_batch(ua, ub, sa, sb, deadline=T, reservation_a=ra, reservation_b=rb,
                                  rows=rows, rng=gen)
            pts = np.stack([res.utility_a, res.utility_b], axis=1)
            dp = np.array([np.min(np.linalg.norm(fronts[r] - pts[r], axis=1))
                           for r in range(repeats)])
            dn = np.linalg.norm(nash - pts, axis=1)
            rate[i, j] = res.agreed.mean()
            mua[i, j] = res.utility_a.mean()
            mub[i, j] = res.utility_b.mean()
            dpar[i, j] = dp.mean()
            dnash[i, j] = np.nanmean(dn) if np.isfinite(dn).any() else np.nan
            steps[i, j] = np.where(res.agreed, res.step, T).mean()
    return Tournament(tuple(s.label for s in strats), repeats, rate, mua, mub, dpar, dnash,
                      steps)
