"""The batched kernel of Bueno de Mesquita's expected utility model (EUM).

Every array has a leading batch axis ``B`` (one row per issue, or per Monte Carlo draw) and an
actor axis ``n``; pairwise quantities are ``(B, n, n)`` with ``[b, i, j]`` read "``i`` against
``j``". There is no Python loop over actors or pairs: one round is a fixed number of numpy
operations on ``(B, n, n)`` arrays, whatever ``B`` and ``n``.

Equations (numbers are those of Scholz, Calbert & Smith 2011, who spell out Bueno de Mesquita
1994, 1997). Positions ``x`` are divided by the range of the initial positions (the *distance
scale*), so distances ``d`` lie in ``[0, 1]``; ``w_k = c_k s_k`` (capability × salience).

* votes of actor ``k`` in the contest ``i`` against ``j``: ``v_k(i, j) = w_k (d_kj^ρ_k −
  d_ki^ρ_k)`` with ``ρ_k = r_k`` (the voter's risk exponent, BDM 1997) or 1;
* probability that ``i`` prevails over ``j``: ``P_ij = Σ_k max(v_k, 0) / Σ_k |v_k|``
  (``probability="share"``, Scholz eq. 30), ``max(Σ_k v_k, 0) / Σ_k |v_k|`` (``"net"``), or
  ``Σ_k max(v_k, 0) / Σ_k Σ_a Σ_b |v_k(a, b)|`` (``"scholz_code"``: the denominator of the program
  behind Scholz et al.'s published tables, as read by the jmckib replication);
* utilities (eqs. 15–19, 24): ``U_s = 2 − 4 (0.5 − 0.5 d_ij)^r``, ``U_f = 2 − 4 (0.5 + 0.5
  d_ij)^r``, ``U_b = 2 − 4 (0.5 − 0.25 (d_iμ + d_ij))^r``, ``U_w = 2 − 4 (0.5 + 0.25 (d_iμ +
  d_ij))^r``, ``U_sq = 2 − 4 · 0.5^r``, with ``μ`` the round's median (Condorcet) position;
* expected utility of ``i`` challenging ``j`` (eq. 25): ``EU = s_j (P_ij U_s + (1 − P_ij) U_f) +
  (1 − s_j) U_s − (Q U_sq + (1 − Q)(T U_b + (1 − T) U_w))``;
* security: ``S_i = Σ_j EU(j challenges i)`` with every ``r = 1``; ``R_i = (2 S_i − S_max −
  S_min) / (S_max − S_min)`` over the actors of the issue (eq. 32); risk exponent ``r_i = (1 −
  R_i/3) / (1 + R_i/3)`` in ``[0.5, 2]`` (eq. 33); ``r_i = 1`` where all security levels are equal;
  ``risk="bdm"`` instead compares ``i``'s security with the security ``i`` would have at each
  position it could take (Bueno de Mesquita 1985, "The war trap revisited", APSR 79(1); 1994;
  1997): ``R_i = (2 S_i(x_i) − max_y S_i(y) − min_y S_i(y)) / (max_y S_i(y) − min_y S_i(y))``,
  ``y`` over the positions of the issue's actors, where ``S_i(y)`` is ``S_i`` recomputed with
  ``i`` (one actor, voting from there) moved to ``y`` and everyone else, the median and the
  distance scale as they are (``probability="scholz_code"`` keeps the denominator of the actual
  positions); ``r_i`` as in eq. 33, 1 where ``i``'s security is the same at every position;
* relations, from each actor ``i``'s own point of view (``a = EU_i(i challenges j)``, ``b =
  EU(j challenges i)`` as ``i`` perceives it): both positive: conflict (the one with the smaller
  expected utility loses and moves to the other's position); ``a < 0 < b``: ``i`` compromises
  (moves the fraction ``|a/b|`` of the way to ``x_j``) if ``b > |a|``, otherwise capitulates
  (moves to ``x_j``); both negative: stalemate;
* each actor accepts one offer per round (``accept``) and all move at once.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields, replace
from typing import Any

import numpy as np

from detente.collective._numba_cache import cached
from detente.errors import InputError, InputLookupError

__all__ = [
    "ACCEPT",
    "COMPILED_MIN_WORK",
    "COMPROMISE",
    "ENGINES",
    "EUMSettings",
    "EUMTrace",
    "PERCEPTION",
    "PROBABILITY",
    "RELATIONS",
    "RISK",
    "VARIANTS",
    "eum_final",
    "eum_kernel",
]

TOL = 1e-12
"""Expected utilities (and offer keys) closer than this count as equal (both implementations)."""

PROBABILITY = ("share", "net", "scholz_code")
PERCEPTION = ("own", "actual")
ACCEPT = ("priority", "nearest", "strongest", "scholz_code")
COMPROMISE = ("fraction", "weighted")
RISK = ("security", "bdm", "neutral")

NONE, LOSE, WIN, GIVE, TAKE, YIELD, COMPEL, STALEMATE = range(8)
RELATIONS = {
    NONE: "none",
    LOSE: "conflict, gives way",
    WIN: "conflict, prevails",
    GIVE: "compromises",
    TAKE: "wins a compromise",
    YIELD: "capitulates",
    COMPEL: "compels",
    STALEMATE: "stalemate",
}
"""Codes of ``EUMTrace.relation[r, b, i, j]``: the relation of ``i`` to ``j`` as ``i`` sees it."""


@dataclass(frozen=True)
class EUMSettings:
    """Every choice on which the sources differ; the defaults are Scholz et al. (2011)."""

    rounds: int = 10
    probability: str = "share"
    vote_risk: bool = True
    perception: str = "own"
    accept: str = "priority"
    compromise: str = "fraction"
    capitulation: bool = True
    q: float = 1.0
    t: float | str = 1.0
    risk: str = "security"
    risk_update: str = "every_round"
    distance: str = "positions"
    tolerance: float = 0.0

    def __post_init__(self) -> None:
        checks: list[tuple[str, Any, tuple[Any, ...]]] = [
            ("probability", self.probability, PROBABILITY),
            ("perception", self.perception, PERCEPTION),
            ("accept", self.accept, ACCEPT),
            ("compromise", self.compromise, COMPROMISE),
            ("risk", self.risk, RISK),
            ("risk_update", self.risk_update, ("every_round", "first_round")),
            ("distance", self.distance, ("positions", "issue")),
            ("vote_risk", self.vote_risk, (True, False)),
            ("capitulation", self.capitulation, (True, False)),
        ]
        for name, value, allowed in checks:
            if value not in allowed:
                raise InputError(
                    f"eum option '{name}' must be one of {', '.join(map(repr, allowed))}, "
                    f"got {value!r}"
                )
        if isinstance(self.rounds, bool) or not isinstance(self.rounds, int) or self.rounds < 0:
            raise InputError(f"eum option 'rounds' must be a whole number ≥ 0, got {self.rounds!r}")
        if not _unit(self.q):
            raise InputError(f"eum option 'q' must be a number in [0, 1], got {self.q!r}")
        if not (self.t == "eftekhari" or _unit(self.t)):
            raise InputError(
                f"eum option 't' must be a number in [0, 1] or 'eftekhari', got {self.t!r}"
            )
        if not (_number(self.tolerance) and float(self.tolerance) >= 0):
            raise InputError(
                f"eum option 'tolerance' must be a number ≥ 0, got {self.tolerance!r}"
            )

    def with_(self, **changes: Any) -> EUMSettings:
        return replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        """The settings as a new dict (name → value)."""
        return dict(_settings_items(self))


@functools.lru_cache(maxsize=64)
def _settings_items(settings: EUMSettings) -> tuple[tuple[str, Any], ...]:
    return tuple((f.name, getattr(settings, f.name)) for f in fields(settings))


def _number(v: Any) -> bool:
    return isinstance(v, (int, float, np.floating, np.integer)) and not isinstance(v, bool)


def _unit(v: Any) -> bool:
    return _number(v) and 0.0 <= float(v) <= 1.0


VARIANTS: dict[str, dict[str, Any]] = {
    "scholz": {},
    "scholz_code": {
        "probability": "scholz_code",
        "accept": "scholz_code",
        "capitulation": False,
    },
    "masad": {
        "probability": "net",
        "vote_risk": False,
        "perception": "actual",
        "accept": "strongest",
    },
}
"""Named sets of choices. ``scholz``: the equations as Scholz et al. (2011) print them.
``scholz_code``: the program behind their published tables, as reconstructed by the jmckib
replication (its numbers are reproduced in the tests). ``masad``: the dmasad replication."""


_PAIR_FILL: dict[str, tuple[Any, Any]] = {
    "relation": (NONE, np.int8),
    "eu_own": (0.0, float),
    "eu_other": (0.0, float),
    "probability": (0.0, float),
    "offer": (np.nan, float),
}


@dataclass(frozen=True, eq=False)
class EUMTrace:
    """Everything one run computes. Positions are on the unit scale of the input.

    ``positions (R+1, B, n)`` (NaN for absent actors); ``median``, ``mean`` ``(R+1, B)``;
    ``risk (R, B, n)`` risk exponents used in each round; ``security (R, B, n)``;
    ``accepted (R, B, n)`` the ``j`` whose offer ``i`` took (−1: none) and
    ``accepted_relation (R, B, n)`` its relation code; ``stopped (B,)`` the first round in which
    nobody moved more than the tolerance (``R`` if they still moved in the last round).

    Pairwise arrays ``(R, B, n, n)``, ``[r, b, i, j]`` = ``i`` facing ``j``, come from
    :meth:`pairwise` or the properties ``relation`` (codes of :data:`RELATIONS`), ``eu_own``
    (``a``: ``i`` challenging ``j``), ``eu_other`` (``b``: ``j`` challenging ``i`` as ``i`` sees
    it), ``probability`` (``P_ij``) and ``offer`` (where ``j``'s pressure would move ``i``; NaN:
    nowhere); ``None`` when the run did not record them. They are stored compactly: for each
    round, only the rows still moving, each as a ``w × w`` square on its merged actors (one per
    group of identical actors, ``member``; ``w`` the width of the row's group), written by the
    kernel straight into one flat buffer per array, ``pairs[name]`` (room the rows that stopped
    early did not use is never read); ``pair_start[r, s]`` is where
    the square of run row ``s`` (input row ``b`` is run row ``slot[b]``) begins in round ``r``
    (−1: not computed, the row had stopped) and ``pair_width[s]`` its ``w``. :meth:`pairwise`
    expands them to actors.
    """

    positions: np.ndarray
    median: np.ndarray
    mean: np.ndarray
    risk: np.ndarray
    security: np.ndarray
    accepted: np.ndarray
    accepted_relation: np.ndarray
    stopped: np.ndarray
    member: np.ndarray  # (B, n): each actor's group of identical actors (−1: absent)
    slot: np.ndarray  # (B,): the run row of each input row
    pairs: dict[str, np.ndarray] = field(default_factory=dict)  # {}: not recorded
    pair_start: np.ndarray | None = None  # (R, B) by run row
    pair_width: np.ndarray | None = None  # (B,) by run row
    _laid_out: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    @property
    def merged_pairs(self) -> dict[str, np.ndarray]:
        """The recorded pairwise arrays laid out as ``(R, B, u, u)`` arrays on merged actors
        (``u`` groups of identical actors; rows in run order, see ``slot``), built once when
        first asked. Rounds after a row stopped, and entries that stand for no pair of actors
        (an actor facing itself, absent actors, padding), hold no recorded value."""
        if not self.pairs or self._laid_out:
            return self._laid_out
        assert self.pair_start is not None and self.pair_width is not None
        R, B = self.pair_start.shape
        u = int(self.member.max(initial=-1)) + 1
        for name, (fill, dtype) in _PAIR_FILL.items():
            laid = np.full((R, B, u, u), fill, dtype=dtype)
            for wd in np.unique(self.pair_width).tolist():
                rs, ss = np.nonzero((self.pair_start >= 0) & (self.pair_width == wd))
                at = self.pair_start[rs, ss][:, None] + np.arange(wd * wd)
                laid[rs, ss, :wd, :wd] = self.pairs[name][at].reshape(-1, wd, wd)
            self._laid_out[name] = laid
        return self._laid_out

    def pairwise(
        self, name: str, rows: slice | np.ndarray = slice(None), actors: int | None = None
    ) -> np.ndarray | None:
        """Pairwise array ``name`` for batch rows ``rows``: ``(R, len(rows), n, n)``, or for
        their first ``actors`` actors only: ``(R, len(rows), actors, actors)``."""
        if name not in _PAIR_FILL:
            raise InputLookupError(
                f"no pairwise array '{name}'; there are: {', '.join(_PAIR_FILL)}"
            )
        buf = self.pairs.get(name)
        if buf is None:
            return None
        assert self.pair_start is not None and self.pair_width is not None
        idx = np.arange(self.member.shape[0])[rows]
        member = self.member[idx, :actors]
        k, n = member.shape
        g = np.maximum(member, 0)
        # a row that stopped repeats its last computed round (not stored again)
        R = self.pair_start.shape[0]
        src = np.minimum(np.arange(R)[:, None], self.stopped[idx][None, :])
        stored = self.slot[idx]
        start = self.pair_start[src, stored[None, :]]  # (R, k)
        within = g[:, :, None] * self.pair_width[stored][:, None, None] + g[:, None, :]
        out = buf[start[:, :, None, None] + within[None]]
        invalid = (member[:, :, None] < 0) | (member[:, None, :] < 0) | np.eye(n, dtype=bool)
        out[:, invalid] = _PAIR_FILL[name][0]
        return out

    @property
    def relation(self) -> np.ndarray | None:
        return self.pairwise("relation")

    @property
    def eu_own(self) -> np.ndarray | None:
        return self.pairwise("eu_own")

    @property
    def eu_other(self) -> np.ndarray | None:
        return self.pairwise("eu_other")

    @property
    def probability(self) -> np.ndarray | None:
        return self.pairwise("probability")

    @property
    def offer(self) -> np.ndarray | None:
        return self.pairwise("offer")


@dataclass(frozen=True, eq=False)
class _Raw:
    """The arrays of a run on merged actors (``u`` groups per row, and one column more that
    keeps the values of absent actors), filled group by group."""

    positions: np.ndarray
    median: np.ndarray
    mean: np.ndarray
    risk: np.ndarray
    security: np.ndarray
    accepted: np.ndarray
    accepted_relation: np.ndarray
    stopped: np.ndarray
    pairs: dict[str, np.ndarray] | None  # flat buffers (see EUMTrace); None: not recorded
    pair_start: np.ndarray  # (R, B): where each run row's square starts, by round
    pair_width: np.ndarray  # (B,): the side of each run row's squares


def merge_identical(
    position: np.ndarray, capability: np.ndarray, salience: np.ndarray, present: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Group actors of a row that are identical (same position, salience and capability).

    Identical actors face identical choices, make identical moves and stay identical, so the
    model runs once per group, the group voting with its members' total weight; only the pairs
    of twins inside a group need their own count (they challenge each other at distance 0).
    Returns ``member (B, n)`` (group of each actor, −1 absent), ``rep (B, u)`` (the lowest actor
    index of each group, groups in order of it; −1 past the row's last group) and
    ``mult (B, u)`` (members per group).
    """
    B, n = present.shape
    apart = B > 0 and n > 0 and bool(present.all())
    if apart and (np.diff(np.sort(position, axis=1), axis=1) != 0).all():
        # every actor present, no two at one position (as in most Monte Carlo draws): none
        # identical, each its own group (what _merge_groups gives, without its sort)
        alone = np.broadcast_to(np.arange(n), (B, n)).copy()
        return alone, alone.copy(), np.ones((B, n), dtype=np.int64)
    return _merge_groups(position, capability, salience, present)


def _merge_groups(
    position: np.ndarray, capability: np.ndarray, salience: np.ndarray, present: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`merge_identical` of any rows."""
    B, n = present.shape
    actor = np.arange(n)
    # each row's actors sorted by (absent last, position, salience, capability, index): the
    # identical ones are runs, each opened by its lowest index
    by = np.lexsort(
        (np.broadcast_to(actor, (B, n)), capability, salience, position, ~present), axis=-1
    )
    opens = np.ones((B, n), dtype=bool)
    same = np.ones((B, max(n - 1, 0)), dtype=bool)
    for v in (position, salience, capability, present):
        v = np.take_along_axis(v, by, axis=1)
        same &= v[:, 1:] == v[:, :-1]
    opens[:, 1:] = ~same
    opener = np.maximum.accumulate(np.where(opens, actor, 0), axis=1)  # run start, sorted
    first = np.empty_like(by)  # lowest index of an identical actor
    np.put_along_axis(first, by, np.take_along_axis(by, opener, axis=1), axis=1)
    lead = present & (first == actor)
    rank = np.cumsum(lead, axis=1) - 1
    member = np.where(present, np.take_along_axis(rank, first, axis=1), -1)
    leads = lead.sum(axis=1)
    u = max(int(leads.max(initial=0)), 1)
    order = np.argsort(~lead, axis=1, kind="stable")[:, :u]
    valid = np.arange(u)[None, :] < leads[:, None]
    rep = np.where(valid, order, -1)
    flat = (np.arange(B)[:, None] * (u + 1) + np.where(present, member, u)).reshape(-1)
    mult = np.bincount(flat, minlength=B * (u + 1)).reshape(B, u + 1)[:, :u]
    return member, rep, mult


def condorcet_median(x: np.ndarray, w: np.ndarray, present: np.ndarray) -> np.ndarray:
    """The actor position that wins every pairwise vote (Scholz sec. 3.2), ``(B,)``.

    With votes ``Σ_k w_k (|x_k − x_m| − |x_k − x_j|)`` a position beats another exactly when
    its weighted distance ``Σ_k w_k |x_k − x_j|`` is smaller, so the winner is the present
    actor position minimising it (the weighted median); ties give the midpoint of the tied
    positions. NaN where no actor carries weight.
    """
    lo, hi, total = median_range(x, w, present)
    return np.where(total > 0, (lo + hi) / 2.0, np.nan)


def median_range(x: np.ndarray, w: np.ndarray, present: np.ndarray, tol: float = TOL
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The lowest and highest present positions minimising ``Σ_k w_k |x_k − x_j|`` within
    ``tol`` × the total weight (equally good weighted medians), and the total weight, each
    ``(B,)``: what :func:`condorcet_median` takes the midpoint of, and what
    :func:`detente.collective._forecast.median_tie` reads a tie from."""
    gaps = np.abs(x[:, :, None] - x[:, None, :])
    loss = np.einsum("bk,bkj->bj", w, gaps)  # Σ_k w_k |x_k − x_j|, one pass
    np.copyto(loss, np.inf, where=~present)
    best = loss.min(axis=1, keepdims=True)
    total = w.sum(axis=1)
    # relative to the total weight (capability is any non-negative scale); absent: never, or NaN
    tied = loss <= best + tol * total[:, None]
    lo = np.where(tied, x, np.inf).min(axis=1)
    hi = np.where(tied, x, -np.inf).max(axis=1)
    return lo, hi, total


def weighted_mean(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Mean position weighted by capability × salience, ``(B,)``; NaN without weight."""
    total = w.sum(axis=1)
    safe = np.where(total > 0, total, 1.0)
    return np.where(total > 0, np.einsum("bk,bk->b", w, x) / safe, np.nan)


@dataclass(frozen=True, eq=False)
class _Geometry:
    """What a round's positions fix for both passes: distances, voters in position order and,
    for every pair, where their midpoint cuts that order (as flat indices into prefix sums)."""

    diff: np.ndarray  # (B, n, n) x_i − x_j (the input's unit)
    dist: np.ndarray  # (B, n, n) d_ij
    voters: np.ndarray  # (B·n,) flat index b·n + k of the k'-th voter of row b by position
    dist_sorted: np.ndarray  # (B, n, n) [b, k', i]: distance of the k'-th voter to i
    take_i: np.ndarray  # (B, n, n) flat index of prefix[b, cut_ij, i]
    take_j: np.ndarray  # (B, n, n) flat index of prefix[b, cut_ij, j]
    left: np.ndarray  # (B, n, n) x_i < x_j

    def by_position(self, v: np.ndarray) -> np.ndarray:
        """A per-actor array ``(B, n)`` with its actors in position order."""
        return v.reshape(-1)[self.voters].reshape(v.shape)


def _geometry(x: np.ndarray, scale: np.ndarray) -> _Geometry:
    B, n = x.shape
    xi, xj = x[:, :, None], x[:, None, :]
    diff = xi - xj
    dist = np.abs(diff)
    dist /= scale[:, None, None]
    order = np.argsort(x, axis=1, kind="stable")
    order += n * np.arange(B)[:, None]
    voters = order.reshape(-1)
    xs = x.reshape(-1)[voters].reshape(B, n)
    dist_sorted = dist.reshape(B * n, n)[voters].reshape(B, n, n)  # whole rows: cheap gather
    # number of voters strictly below each pair's midpoint (2 x_k < x_i + x_j): one
    # searchsorted over all rows, rows kept apart by an offset larger than any position gap
    span = float((xs[:, -1] - xs[:, 0]).max()) + 1.0  # (B ≥ 1, n ≥ 1)
    spread = float(xs[:, -1].max() - xs[:, 0].min())
    if spread >= span:  # rows at different levels (not on one unit scale): keep them apart
        span = spread + 1.0
    offset = (4.0 * span) * np.arange(B)
    twice = 2.0 * xs + offset[:, None]
    pair_sum = (xi + offset[:, None, None]) + xj
    # global index b·n + cut of the cut in the concatenated voters; the prefix sums have n + 1
    # rows of n per issue, so prefix[b, cut, col] sits at flat (b·n + cut)·n + b·n + col
    cut = np.searchsorted(twice.reshape(-1), pair_sum.reshape(-1)).reshape(B, n, n)
    cut *= n
    col = (n * np.arange(B))[:, None] + np.arange(n)  # (B, n): b·n + col
    take_i = cut + col[:, :, None]
    cut += col[:, None, :]
    return _Geometry(diff, dist, voters, dist_sorted, take_i, cut, diff < 0.0)


def _positive_votes(
    g: _Geometry, w: np.ndarray, rho: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """``N[b, i, j] = Σ_k max(v_k(i, j), 0)`` and ``net[b, i, j] = Σ_k v_k(i, j)``.

    A voter prefers ``i`` to ``j`` exactly when it sits on ``i``'s side of their midpoint,
    whatever its risk exponent, so the positive votes are a prefix sum over voters sorted by
    position, cut at the midpoint: O(n² log n) per issue instead of O(n³). (Where ``x_i = x_j``
    the two prefix columns are equal and every tally is exactly 0.) Tallies within
    ``TOL × Σ_k w_k`` of zero are set to zero: they are rounding residue of votes that cancel
    (a voter at the midpoint), whose sign would otherwise decide a challenge.
    """
    B, n = w.shape
    ws = g.by_position(w)[:, :, None]
    if rho is None:
        wu = g.dist_sorted * ws
    else:
        wu = g.dist_sorted ** g.by_position(rho)[:, :, None]
        wu *= ws  # [b, k', i] = w_k d_ki^ρ_k, voters in position order
    prefix = np.empty((B, n + 1, n))
    prefix[:, 0, :] = 0.0
    np.cumsum(wu, axis=1, out=prefix[:, 1:, :])
    total = prefix[:, n, :]  # (B, i)
    net = total[:, None, :] - total[:, :, None]  # Σ_k v_k(i, j) = A_j − A_i
    flat = prefix.reshape(-1)
    below = flat[g.take_j]
    below -= flat[g.take_i]  # Σ_{x_k < mid} v_k(i, j)
    positive = net - below  # i to the right of j: the voters above the midpoint
    np.copyto(positive, below, where=g.left)
    noise = TOL * w.sum(axis=1)[:, None, None]
    positive[positive <= noise] = 0.0
    net[np.abs(net) <= noise] = 0.0
    return positive, net


def _probability(
    g: _Geometry,
    w: np.ndarray,
    rho: np.ndarray | None,
    kind: str,
    pair: np.ndarray,
    out: np.ndarray | None = None,
) -> np.ndarray:
    """``P[b, i, j]``: probability that ``i`` prevails over ``j`` (0 where nobody votes),
    written to ``out`` if given.

    ``pair`` counts the ordered pairs of actors each entry stands for (``scholz_code``)."""
    positive, net = _positive_votes(g, w, rho)
    absolute = positive + np.swapaxes(positive, 1, 2)  # Σ_k |v_k(i, j)|
    if kind == "share":
        # 0 ≤ N_ij ≤ |v|_ij, so where nobody votes N_ij = 0 and N / tiny is exactly 0
        np.maximum(absolute, np.finfo(float).tiny, out=absolute)
        return np.divide(positive, absolute, out=positive if out is None else out)
    if kind == "net":
        num, den = np.maximum(net, 0.0), absolute
    else:  # scholz_code: all votes of all voters over all ordered pairs of actors
        num = positive
        den = np.broadcast_to(
            (pair * absolute).sum(axis=(1, 2))[:, None, None], num.shape
        )
    if out is None:
        out = np.zeros(num.shape)
    else:
        out.fill(0.0)
    return np.divide(num, den, out=out, where=den > 0)


def _alternative(
    dist: np.ndarray, dmu: np.ndarray, r: np.ndarray | float, t: np.ndarray | float
) -> np.ndarray:
    """``T U_b + (1 − T) U_w`` (Scholz eqs. 18, 19) for the challenger on the row axis."""
    spread = dmu + dist
    ub = 2.0 - 4.0 * np.maximum(0.5 - 0.25 * spread, 0.0) ** r
    uw = 2.0 - 4.0 * (0.5 + 0.25 * spread) ** r
    return t * ub + (1.0 - t) * uw


def eum_kernel(
    position: np.ndarray,
    capability: np.ndarray,
    salience: np.ndarray,
    present: np.ndarray,
    settings: EUMSettings = EUMSettings(),
    *,
    record_pairs: bool = True,
    threads: int | None = None,
    merge: bool = True,
    engine: str | None = None,
) -> EUMTrace:
    """Run the EUM on ``B`` independent issues at once; arrays are ``(B, n)``.

    ``position`` on any common unit (NaN allowed where ``present`` is False), ``salience`` on
    [0, 1], ``capability`` ≥ 0. Identical actors of a row are merged first
    (:func:`merge_identical`; ``merge=False`` runs every actor separately, with the same
    results). Rows are grouped by how many (merged) actors they have (:func:`_width_groups`), so
    that a few wide rows do not pad every narrow one: the work per round is about ``Σ_rows
    u²``; rows that have stopped moving are dropped from the rounds that follow. Rows never
    interact. Each round writes its pairwise arrays straight into one flat buffer per array
    (see :class:`EUMTrace`); ``record_pairs=False`` records none.
    ``threads`` runs on that many threads (default: 1 on the numpy path, whose groups are small
    enough that Python overhead, which threads do not share, dominates; every core on the
    compiled path when the work is large). The compiled path splits each round's rows over
    its threads and gives the numbers of the numpy kernel on one thread, whatever ``threads``;
    the numpy path runs groups of rows on the threads, which gives the same numbers up to
    rounding in the last bit where a voter sits exactly at the midpoint of a pair (its votes
    cancel; which prefix sum holds them depends on the rows run together).

    ``engine`` (default: the environment variable ``DETENTE_EUM_ENGINE``, else ``auto``) picks
    the rounds' implementation: ``numpy`` (:func:`_eum_rows`), ``compiled``
    (:mod:`._eum_jit`, numba: the same numbers bit for bit, several times faster; settings it
    does not cover, ``risk='bdm'``, run numpy), or ``auto``: numpy below
    :data:`COMPILED_MIN_WORK` of work ``Σ_rows width² × rounds`` (importing numba and loading
    the compiled code costs about half a second, which smaller runs would not repay); from
    there compiled if the compiled rounds are loaded in the process or in numba's disk cache,
    or once the work plus the numpy work already spent in the process reaches
    :data:`COMPILE_WORK` (compiling them costs ~10 s, once: see :func:`_use_compiled`).
    """
    trace = _run(position, capability, salience, present, settings, record_pairs=record_pairs,
                 threads=threads, merge=merge, engine=engine, final=False)
    assert isinstance(trace, EUMTrace)
    return trace


def eum_final(
    position: np.ndarray,
    capability: np.ndarray,
    salience: np.ndarray,
    present: np.ndarray,
    settings: EUMSettings = EUMSettings(),
    *,
    threads: int | None = None,
    engine: str | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """The weighted mean and the median of every row after the last round, ``(B,)`` each: the
    numbers of ``eum_kernel(...).mean[-1]`` and ``.median[-1]`` (the same, bit for bit),
    without building the rounds' trace (positions, risk exponents, security levels, accepted
    offers of every round), which a Monte Carlo run does not read. On the compiled path the
    trace is neither copied out nor expanded to actors, and the mean is taken of the last
    round only; the numpy path runs :func:`eum_kernel`."""
    final = _run(position, capability, salience, present, settings, record_pairs=False,
                 threads=threads, merge=True, engine=engine, final=True)
    assert isinstance(final, tuple)
    return final


def _run(
    position: np.ndarray,
    capability: np.ndarray,
    salience: np.ndarray,
    present: np.ndarray,
    settings: EUMSettings,
    *,
    record_pairs: bool,
    threads: int | None,
    merge: bool,
    engine: str | None,
    final: bool,
) -> EUMTrace | tuple[np.ndarray, np.ndarray]:
    """:func:`eum_kernel` (``final=False``) or :func:`eum_final` (``final=True``)."""
    present = np.asarray(present, dtype=bool)
    B, n = present.shape
    R = settings.rounds
    pos = np.where(present, np.nan_to_num(np.asarray(position, dtype=float)), 0.0)
    cap = np.where(present, np.asarray(capability, dtype=float), 0.0)
    sal = np.where(present, np.asarray(salience, dtype=float), 0.0)
    if merge:
        member, rep, mult = merge_identical(pos, cap, sal, present)
    else:
        member = np.where(present, np.arange(n)[None, :], -1)
        rep, mult = member.copy(), present.astype(np.int64)
    u = rep.shape[1]
    lead = np.maximum(rep, 0)
    xu, cu, su = (np.take_along_axis(a, lead, axis=1) for a in (pos, cap, sal))
    pu = (rep >= 0) & (mult > 0)
    # rows sorted by how many merged actors they have: each group is a contiguous range
    width = np.where(pu.any(axis=1), u - np.argmax(pu[:, ::-1], axis=1), 1)
    order = np.argsort(width, kind="stable")
    slot = np.empty(B, dtype=np.int64)
    slot[order] = np.arange(B)  # row b of the input is row slot[b] of the run
    xu, cu, su, pu, mult_u = xu[order], cu[order], su[order], pu[order], mult[order]
    rep_u = rep[order]
    parts = _width_groups(width[order])
    work = sum((r.stop - r.start) * wd * wd for r, wd in parts) * R
    compiled = _use_compiled(engine, settings, work)
    # the final outcomes only (compiled): no trace of the rounds (empty arrays, never written)
    lean = final and compiled
    traced = (0 if lean else R, 0 if lean else B, u + 1)
    raw = _Raw(
        positions=np.full((traced[0] + (0 if lean else 1), traced[1], u + 1), np.nan),
        median=np.empty((R + 1, B)),
        mean=np.empty((R + 1, B)),
        risk=np.ones(traced),
        security=np.zeros(traced),
        accepted=np.full(traced, -1, dtype=np.int64),
        accepted_relation=np.full(traced, NONE, dtype=np.int8),
        stopped=np.full(B, R, dtype=np.int64),
        pairs=None,
        pair_start=np.full((R, B), -1, dtype=np.int64),
        pair_width=np.ones(B, dtype=np.int64),
    )
    if threads is None:  # (threads pay off on the compiled path only, and only for large runs)
        threads = (os.cpu_count() or 1) if compiled and work >= COMPILED_MIN_WORK else 1
    if threads > 1 and B > 1 and not compiled:
        # split big groups so the threads get similar work; groups write disjoint rows of
        # ``raw`` (and disjoint parts of its pairwise buffers); numpy releases the GIL inside
        # its loops (the compiled rounds instead split each round's rows over the threads,
        # which leaves every number as one thread computes it)
        cost = sum((r.stop - r.start) * wd**2 for r, wd in parts)
        split = []
        for r, wd in parts:
            size = r.stop - r.start
            k = max(1, min(int(np.ceil(size * wd**2 * threads / max(cost, 1))), size))
            edges = np.linspace(r.start, r.stop, k + 1).astype(int)
            split += [(slice(a, b), wd) for a, b in zip(edges[:-1], edges[1:], strict=True)]
        parts = split
    # every part of the rows gets room for all its rounds in the pairwise buffers: the rounds
    # write there directly (np.empty: pages the rows that stop early never fill are never
    # touched)
    room = [(r.stop - r.start) * wd * wd * R for r, wd in parts]
    region = np.concatenate([[0], np.cumsum(room)]).astype(np.int64)
    if record_pairs:
        raw = replace(raw, pairs={
            name: np.empty(int(region[-1]), dtype=dtype)
            for name, (_, dtype) in _PAIR_FILL.items()
        })

    if compiled:
        with ThreadPoolExecutor(max_workers=threads) if threads > 1 else _no_pool() as pool:
            for k, (rows, wd) in enumerate(parts):
                _eum_rows_compiled(
                    xu[rows, :wd], cu[rows, :wd], su[rows, :wd], pu[rows, :wd],
                    mult_u[rows, :wd], rep_u[rows, :wd], settings, raw, rows, int(region[k]),
                    threads=threads, pool=pool, final=lean,
                )

    def run(k: int) -> None:
        rows, wd = parts[k]
        _eum_rows(
            xu[rows, :wd], cu[rows, :wd], su[rows, :wd], pu[rows, :wd], mult_u[rows, :wd],
            rep_u[rows, :wd], settings, raw, rows, int(region[k]),
        )

    if not compiled and threads > 1 and B > 1:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(run, sorted(range(len(parts)), key=lambda k: -room[k])))
    elif not compiled:
        for k in range(len(parts)):
            run(k)
    if final:
        return raw.mean[R, slot], raw.median[R, slot]
    # back to the input's row order, and from groups to actors: one gather per array
    # (the last column of the raw arrays is never written: it holds absent actors' values)
    where = slot[:, None] * (u + 1) + np.where(member >= 0, member, u)  # (B, n)

    def expand(arr: np.ndarray) -> np.ndarray:
        return arr.reshape(arr.shape[0], B * (u + 1))[:, where]

    return EUMTrace(
        positions=expand(raw.positions),
        median=raw.median[:, slot],
        mean=raw.mean[:, slot],
        risk=expand(raw.risk),
        security=expand(raw.security),
        accepted=expand(raw.accepted),
        accepted_relation=expand(raw.accepted_relation),
        stopped=raw.stopped[slot],
        member=member,
        slot=slot,
        pairs={} if raw.pairs is None else raw.pairs,
        pair_start=None if raw.pairs is None else raw.pair_start,
        pair_width=None if raw.pairs is None else raw.pair_width,
    )


ENGINES = ("auto", "numpy", "compiled")

COMPILED_MIN_WORK = 5_000_000
"""``engine='auto'`` may run the compiled rounds from this much work on (``Σ_rows width² ×
rounds``, widths in merged actors): ~0.5 s of numpy rounds at DEU III's widths, about what
importing numba and loading the compiled code cost. A Monte Carlo run of 2,048 draws of a
30-actor issue (one chunk, 10 rounds: 18 million) runs compiled once they are compiled (see
:data:`COMPILE_WORK`); one forecast, or all 353 DEU III issues (about 0.32 million), numpy, so
that the command line never imports numba for them."""


@contextlib.contextmanager
def _no_pool() -> Iterator[None]:
    yield None


COMPILE_WORK = 100_000_000
"""``engine='auto'`` compiles the rounds (when numba's disk cache does not hold them) once this
much numpy work has been spent in the process, this run's included: a ski-rental rule, numpy
until what it has cost approaches the price of compiling: ~10 s with an empty cache, paid once
(then the rounds load from the disk cache in every process), against ~10 million units a
second in numpy (the report's Monte Carlo run of Geneva, 400 draws, 7.9 million units: ~1 s in
numpy, 10 s compiling first)."""

_JIT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_eum_jit.py")
_JIT_ENTRIES = ("_start_rows", "_round_rows")  # the compiled functions ``_run_part`` calls
_NUMPY_SPENT = [0]  # work run by the numpy rounds in this process under ``auto``


def _jit_loaded() -> bool:
    from detente.collective._numba_cache import module_loaded

    return module_loaded("detente.collective._eum_jit")


def _use_compiled(engine: str | None, settings: EUMSettings, work: int) -> bool:
    """Whether :func:`eum_kernel` runs the compiled rounds (see its ``engine``) on ``work``
    (``Σ_rows width² × rounds``). ``auto`` from :data:`COMPILED_MIN_WORK` on: compiled when
    they are loaded in this process or in numba's disk cache (:func:`._numba_cache.cached`),
    or when the numpy work spent in this process reaches :data:`COMPILE_WORK` with this run;
    else numpy, and the work is counted."""
    if engine is None:
        engine = os.environ.get("DETENTE_EUM_ENGINE", "").strip().lower() or "auto"
    if engine not in ENGINES:
        raise InputError(
            f"eum engine must be one of {', '.join(map(repr, ENGINES))}, got {engine!r}"
        )
    if engine == "numpy" or settings.risk == "bdm" or settings.rounds == 0:
        return False
    if engine == "auto" and work < COMPILED_MIN_WORK:
        return False
    if engine == "auto" and not (
        _jit_loaded() or work + _NUMPY_SPENT[0] >= COMPILE_WORK
        or cached(_JIT_FILE, _JIT_ENTRIES)
    ):
        _NUMPY_SPENT[0] += work
        return False
    from detente.collective import _eum_jit

    return _eum_jit.AVAILABLE


GROUP_COST = 3000.0
"""Fixed cost of running one more group of rows, in padded pairs (``rows × width²``) that cost
as much: the numpy calls of a round cost about as much as ~3000 pairs' arithmetic (measured on
the DEU III issues; the grouping only affects speed, never results)."""


def _width_groups(width: np.ndarray) -> list[tuple[slice, int]]:
    """Ranges of rows (``width`` sorted ascending) run together, each padded to its widest.

    The partition of the distinct widths into contiguous groups minimises ``Σ_groups
    (GROUP_COST + rows × width²)`` (padding wastes arithmetic, each group costs a fixed number
    of numpy calls), by dynamic programming over the distinct widths.
    """
    if len(width) == 0:
        return []
    values, first = np.unique(width, return_index=True)
    edges = [*first.tolist(), len(width)]  # rows of values[k]: edges[k] to edges[k + 1]
    sizes = [float(v) ** 2 for v in values.tolist()]
    m = len(values)
    best = [0.0] + [np.inf] * m  # best[e]: cheapest partition of the first e widths
    start = [0] * (m + 1)
    for e in range(1, m + 1):
        for b in range(e):
            cost = best[b] + GROUP_COST + (edges[e] - edges[b]) * sizes[e - 1]
            if cost < best[e]:
                best[e], start[e] = cost, b
    groups: list[tuple[slice, int]] = []
    e = m
    while e > 0:
        b = start[e]
        groups.append((slice(edges[b], edges[e]), int(values[e - 1])))
        e = b
    return groups[::-1]


def _one_round(
    x: np.ndarray,
    w: np.ndarray,
    w1: np.ndarray,
    s: np.ndarray,
    present: np.ndarray,
    pair: np.ndarray,
    counts: np.ndarray,
    chal: np.ndarray,
    scale: np.ndarray,
    median: np.ndarray,
    r_fixed: np.ndarray | None,
    cfg: EUMSettings,
    record: dict[str, np.ndarray] | None,
) -> dict[str, np.ndarray]:
    """One round on the rows given (Scholz appendix steps 2-11); ``record`` holds ``(B, n, n)``
    arrays to fill with the round's pairwise diagnostics (None: record none).

    Rows hold merged actors (see :func:`eum_kernel`): ``w`` is a group's total weight, ``w1``
    that of one of its members; ``counts[b, j, i]`` is the number of
    ordered pairs of original actors that the entry ``(j, i)`` stands for (``m_j m_i`` off the
    diagonal, ``m_i (m_i − 1)`` on it: identical twins challenging each other), ``pair`` marks
    the entries that stand for at least one pair, and ``chal[b, j, i] = counts / m_i`` is the
    number of challengers from group ``j`` that each actor of group ``i`` faces.

    Expected utility (eq. 25) is evaluated as ``U_s − s_j (1 − P_ij)(U_s − U_f) − Q U_sq −
    (1 − Q) alt``, the same quantity with fewer passes over the ``(B, n, n)`` arrays; every
    step is written to make as few passes over them as it can (this function is the kernel's
    hot loop).
    """
    B, n = x.shape
    q = float(cfg.q)
    g = _geometry(x, scale)
    dist = g.dist
    apart = dist > 0  # (twins sit at distance 0)
    apart &= pair
    need_alt = q < 1.0
    dmu: np.ndarray = np.zeros((B, n, 1))
    t: np.ndarray | float = 1.0
    if need_alt:
        mu = np.nan_to_num(median, nan=0.0)
        dmu = (np.abs(x - mu[:, None]) / scale[:, None])[:, :, None]
        if cfg.t == "eftekhari":  # Eftekhari & Rahimi (2014): T = 1 if μ is nearer than x_j
            t = (dmu < dist - TOL).astype(float)
        else:
            t = float(cfg.t)
    # --- risk exponents from security levels, every r = 1 (Scholz appendix steps 2-9)
    if cfg.risk == "neutral":
        r = np.ones((B, n))
        security = np.zeros((B, n))
    elif r_fixed is not None:
        r, security = r_fixed, np.zeros((B, n))
    elif cfg.risk == "bdm":
        p1 = _probability(g, w, None, cfg.probability, counts)
        r, security = _bdm_risk(g, w, w1, s, present, chal, counts, dmu, t, q, cfg.probability)
    else:
        p1 = _probability(g, w, None, cfg.probability, counts)
        # with r = 1: U_s = 2d, U_s − U_f = 4d, U_sq = 0, so EU(j challenges i) is
        # 2 d_ji − 4 s_i (1 − P_ji) d_ji; security S_i sums it over the challengers j
        # (einsum multiplies and sums in one pass)
        lost = np.einsum("bji,bji,bji->bi", 1.0 - p1, chal, dist)  # Σ_j (1 − P_ji) d_ji
        reach = np.einsum("bji,bji->bi", chal, dist)  # Σ_j d_ji
        security = 2.0 * reach - 4.0 * s * lost
        if need_alt:
            alt1 = _alternative(dist, dmu, 1.0, t)  # [j, i]: challenger j
            security = security - (1.0 - q) * np.einsum("bji,bji->bi", chal, alt1)
        r = _risk_exponents(security, security[:, None, :], present)
    # --- expected utilities with the risk exponents
    if not cfg.vote_risk and cfg.risk != "neutral" and r_fixed is None:
        p = p1  # linear votes: the same probabilities as in the risk pass
    else:
        p = _probability(
            g, w, r if cfg.vote_risk else None, cfg.probability, counts,
            None if record is None else record["probability"],
        )
    r_row = r[:, :, None]
    # [i, j] valued with r_i (d is symmetric, so the same arrays serve a and b)
    half = 0.5 * dist
    near = np.subtract(0.5, half)
    np.maximum(near, 0.0, out=near)
    np.power(near, r_row, out=near)
    gap = np.add(0.5, half, out=half)
    np.power(gap, r_row, out=gap)
    gap -= near
    gap *= 4.0  # U_s − U_f
    base = np.multiply(4.0, near, out=near)
    np.subtract(2.0, base, out=base)  # U_s
    base -= q * (2.0 - 4.0 * 0.5**r_row)  # U_s − Q U_sq
    # a[i, j]: i challenging j, valued with r_i; b[i, j]: j challenging i
    fail = 1.0 - p  # 1 − P_ij
    loss_a = s[:, None, :] * fail
    loss_a *= gap
    a = np.subtract(base, loss_a, out=loss_a if record is None else record["eu_own"])
    if need_alt:
        a -= (1.0 - q) * _alternative(dist, dmu, r_row, t)
    if cfg.perception == "actual":
        b = np.swapaxes(a, 1, 2)  # j's own expected utility of challenging i (r_j)
    else:
        # j challenging i as i sees it: j's utilities, i's risk exponent r_i
        loss_b = s[:, :, None] * np.swapaxes(fail, 1, 2)
        loss_b *= gap
        b = np.subtract(base, loss_b, out=loss_b if record is None else record["eu_other"])
        if need_alt:
            t_ji = np.swapaxes(t, 1, 2) if isinstance(t, np.ndarray) else t
            b -= (1.0 - q) * _alternative(dist, np.swapaxes(dmu, 1, 2), r_row, t_ji)
    # --- what moves i, from i's perspective
    pos_a = a > TOL
    neg_a = a < -TOL
    neg_a &= apart
    pos_b = b > TOL
    lose = b > a + TOL  # a conflict both want, i expects less
    lose &= pos_a
    lose &= apart
    give = b > TOL - a  # i would lose more by fighting than j gains: compromise
    give &= neg_a
    capitulate = neg_a & pos_b  # (a compromise has b > TOL - a > TOL: give ⊂ neg_a & pos_b)
    capitulate ^= give
    xi, xj = x[:, :, None], x[:, None, :]
    if cfg.compromise == "fraction":
        # x_i + (x_j − x_i)|a|/|b|, written x_i + (x_i − x_j) a/b: where i compromises
        # (a < 0 < b) the two are the same floating-point number
        with np.errstate(divide="ignore", invalid="ignore"):  # (elsewhere: dropped)
            comp = np.divide(a, b)
            comp *= g.diff
            comp += xi
    else:
        abs_a, abs_b = np.abs(a), np.abs(b)
        comp = (abs_a * xi + abs_b * xj) / np.maximum(abs_a + abs_b, np.finfo(float).tiny)
    moving = lose | give
    if cfg.capitulation:
        moving |= capitulate
    offer = np.where(give, comp, xj)
    # --- which offer each actor takes
    if cfg.accept == "strongest":
        sent = pos_b & apart
        best = np.where(sent, b, -np.inf).max(axis=2, keepdims=True)
        cand = sent & (b >= best - TOL)
        dx = np.where(cand, dist, np.inf)
        cand &= dx <= dx.min(axis=2, keepdims=True) + TOL / scale[:, None, None]
        choice = np.argmax(cand, axis=2)
        take = cand.any(axis=2) & _pick(moving, choice)
    else:
        cand = moving
        if cfg.accept != "nearest":  # lost conflicts first, then compromises, capitulations
            has_lose = lose.any(axis=2, keepdims=True)
            has_give = give.any(axis=2, keepdims=True)  # (give ⊂ moving)
            cand = np.where(has_lose, lose, np.where(has_give, give, moving))
        if cfg.accept == "scholz_code":
            # the program behind Scholz et al.'s tables ranks compromises by the lowest
            # salience-weighted midpoint (|a| x_i + |b| x_j) / (|a| + |b|)
            abs_a, abs_b = np.abs(a), np.abs(b)
            key = np.where(
                give,
                (abs_a * xi + abs_b * xj) / np.maximum(abs_a + abs_b, np.finfo(float).tiny),
                np.abs(offer - xi),
            )
        else:
            key = np.subtract(offer, xi)
            np.abs(key, out=key)
        key = np.where(cand, key, np.inf)
        least = key.min(axis=2, keepdims=True)
        take = least[:, :, 0] < np.inf  # some offer is a candidate
        choice = np.argmax(key <= least + TOL, axis=2)  # the first of the nearest
    kind = np.where(_pick(give, choice), GIVE, YIELD)
    kind[_pick(lose, choice)] = LOSE
    out = {
        "x": np.where(take, _pick(offer, choice), x),
        "accepted": np.where(take, choice, -1),
        "accepted_relation": np.where(take, kind, NONE).astype(np.int8),
        "risk": r,
        "security": security,
    }
    if record is not None:
        # entries that stand for no pair of actors are left as they are: the trace never
        # shows them (EUMTrace.pairwise fills them in)
        if cfg.perception == "actual":  # (else computed in place)
            np.copyto(record["eu_other"], b)
        if p is not record["probability"]:  # (else computed in place)
            np.copyto(record["probability"], p)
        offer_rec = record["offer"]
        offer_rec.fill(np.nan)
        np.copyto(offer_rec, offer, where=moving)
        rel = record["relation"]  # the relation of i to j (disjoint cases)
        rel.fill(NONE)
        pos_a &= apart
        neg_b = b < -TOL
        np.copyto(rel, WIN, where=pos_a & pos_b)  # a conflict ...
        np.copyto(rel, LOSE, where=lose)  # ... that i loses
        np.copyto(rel, GIVE, where=give)
        np.copyto(rel, YIELD, where=capitulate)
        one_sided = pos_a & neg_b  # i could compel j ...
        np.copyto(rel, COMPEL, where=one_sided)
        one_sided &= a > TOL - b  # ... or j would rather compromise
        np.copyto(rel, TAKE, where=one_sided)
        neg_a &= neg_b
        np.copyto(rel, STALEMATE, where=neg_a)
    return out


def _bdm_risk(
    g: _Geometry,
    w: np.ndarray,
    w1: np.ndarray,
    s: np.ndarray,
    present: np.ndarray,
    chal: np.ndarray,
    counts: np.ndarray,
    dmu: np.ndarray,
    t: np.ndarray | float,
    q: float,
    kind: str,
) -> tuple[np.ndarray, np.ndarray]:
    """Risk exponents from each actor's own security across the positions it could take
    (Bueno de Mesquita 1985, 1994, 1997; ``risk="bdm"``): ``(r, S_i(x_i))``, both ``(B, n)``.

    ``S[b, i, m]`` is ``i``'s security (every ``r = 1``) with one member of group ``i`` moved to
    ``x_m``. Moving that one voter changes the tally of a contest ``j`` against ``x_m`` only by
    its own vote, so every hypothetical tally is the actual tally of ``j`` against ``m`` less
    the mover's vote from ``x_i`` (``w1_i (d_im − d_ij)``) plus its vote from ``x_m``
    (``−w1_i d_mj``): ``(B, n, n, n)`` arrays ``[b, i, j, m]``, no loop over actors.
    """
    dist = g.dist
    positive, net = _positive_votes(g, w, None)  # [j, m]: j against m, actual positions
    d_im = dist[:, :, None, :]
    d_ij = dist[:, :, :, None]
    d_jm = dist[:, None, :, :]
    mover = w1[:, :, None, None]
    shift = d_im - d_ij  # the mover's vote for j over m from x_i, over w1_i
    noise = TOL * w.sum(axis=1)[:, None, None, None]
    pos = positive[:, None, :, :] - mover * np.maximum(shift, 0.0)
    neg = np.swapaxes(positive, 1, 2)[:, None, :, :] - mover * np.maximum(-shift, 0.0)
    neg += mover * d_jm
    pos[pos <= noise] = 0.0
    neg[neg <= noise] = 0.0
    if kind == "share":
        num, den = pos, pos + neg
    elif kind == "net":
        tally = net[:, None, :, :] - mover * (shift + d_jm)
        tally[np.abs(tally) <= noise] = 0.0
        num, den = np.maximum(tally, 0.0), pos + neg
    else:  # scholz_code: the denominator of the actual positions
        absolute = positive + np.swapaxes(positive, 1, 2)
        total = (counts * absolute).sum(axis=(1, 2))[:, None, None, None]
        num, den = pos, np.broadcast_to(total, pos.shape)
    p = np.divide(num, den, out=np.zeros(num.shape), where=den > 0)  # P_j over i at x_m
    # S_i(x_m) = Σ_j chal_ji (2 d_jm − 4 s_i (1 − P) d_jm) − (1 − Q) Σ_j chal_ji alt_jm
    reach = np.einsum("bji,bjm->bim", chal, dist)
    lost = np.einsum("bji,bijm,bjm->bim", chal, 1.0 - p, dist)
    security = 2.0 * reach - 4.0 * s[:, :, None] * lost
    if q < 1.0:
        alt1 = _alternative(dist, dmu, 1.0, t)  # [j, m]: challenger j, target at x_m
        security -= (1.0 - q) * np.einsum("bji,bjm->bim", chal, alt1)
    own = np.diagonal(security, axis1=1, axis2=2)
    return _risk_exponents(own, security, present), np.where(present, own, 0.0)


def _risk_exponents(own: np.ndarray, levels: np.ndarray, present: np.ndarray) -> np.ndarray:
    """Risk exponents ``r_i = (1 − R_i/3) / (1 + R_i/3)`` (Scholz eq. 33) with ``R_i = (2 own_i
    − max − min) / (max − min)`` (eq. 32), the extremes taken over the present actors' columns
    of ``levels (B, k, n)``: ``k = 1``, every actor's security (``risk="security"``), or
    ``k = n``, row ``i`` the securities ``i`` would have at each position (``risk="bdm"``);
    ``R_i = 0`` where the extremes are within TOL, ``r = 1`` for absent actors. ``(B, n)``."""
    cand = present[:, None, :]
    s_max = np.where(cand, levels, -np.inf).max(axis=2, initial=-np.inf)  # (B, k)
    s_min = np.where(cand, levels, np.inf).min(axis=2, initial=np.inf)
    # (a row without a present actor has no security levels to compare: its extremes are
    # taken as 0, so no ∞ − ∞ is formed; its exponents are 1 anyway)
    nobody = ~present.any(axis=1)
    s_max[nobody] = 0.0
    s_min[nobody] = 0.0
    spread = s_max - s_min
    even = ~(spread > TOL)
    big_r = np.where(even, 0.0, (2.0 * own - s_max - s_min) / np.where(even, 1.0, spread))
    np.clip(big_r, -1.0, 1.0, out=big_r)
    return np.where(present, (1.0 - big_r / 3.0) / (1.0 + big_r / 3.0), 1.0)


def _pick(arr: np.ndarray, choice: np.ndarray) -> np.ndarray:
    """``arr[b, i, choice[b, i]]`` for every ``(b, i)``: ``(B, n)``."""
    B, n, m = arr.shape
    flat = choice + m * np.arange(B * n).reshape(B, n)
    return arr.reshape(-1)[flat]


def _eum_rows(
    position: np.ndarray,
    capability: np.ndarray,
    salience: np.ndarray,
    present: np.ndarray,
    mult: np.ndarray,
    rep: np.ndarray,
    cfg: EUMSettings,
    out: _Raw,
    rows: slice,
    at: int,
) -> None:
    """Run rows ``rows`` of ``out`` (their first ``n`` merged actors) through every round.

    ``mult`` counts the actors of each merged actor, ``rep`` names the one that stands for
    them (the lowest index: the actor whose offer another accepts). The rounds' pairwise
    diagnostics go to ``out.pairs`` from flat index ``at`` on, one round after the other."""
    row_ids = np.arange(rows.start, rows.stop)
    x = np.where(present, position, 0.0)
    s = np.where(present, salience, 0.0)
    w1 = np.where(present, capability, 0.0) * s  # one member's weight
    w = w1 * mult  # a group votes with all its members
    B, n = x.shape
    R = cfg.rounds
    if cfg.distance == "positions":
        hi = np.where(present, x, -np.inf).max(axis=1, initial=-np.inf)
        lo = np.where(present, x, np.inf).min(axis=1, initial=np.inf)
        span = hi - lo
        scale = np.where(np.isfinite(span) & (span > 0), span, 1.0)
    else:
        scale = np.ones(B)
    # absent actors sit at the lowest present position (masked out everywhere; this keeps every
    # distance within [0, 1] so no power of a negative number is ever taken)
    anchor = np.where(present, x, np.inf).min(axis=1, initial=np.inf)
    x = np.where(present, x, np.where(np.isfinite(anchor), anchor, 0.0)[:, None])
    m = np.where(present, mult, 0).astype(float)
    counts = m[:, :, None] * m[:, None, :] - np.eye(n)[None] * m[:, :, None]
    pair = counts > 0
    chal = counts / np.maximum(m, 1)[:, None, :]
    cols = slice(0, n)
    pairwise = out.pairs
    out.pair_width[rows] = n
    median = condorcet_median(x, w, present)
    mean = weighted_mean(x, w)
    out.positions[0][rows, cols] = np.where(present, x, np.nan)
    out.median[0][rows] = median
    out.mean[0][rows] = mean
    # the rows still moving, and their inputs: a row that stops is dropped from these (its
    # positions are frozen, so its rounds would repeat the last one exactly: copied instead)
    live = np.arange(B)
    x_all = x.copy()
    lx, lw, lw1, ls, lp, lpair, lcounts, lchal, lscale = (
        x, w, w1, s, present, pair, counts, chal, scale
    )
    r_fixed: np.ndarray | None = None
    for rnd in range(R):
        if live.size < B:
            idle = np.ones(B, dtype=bool)
            idle[live] = False
            idle_ids = row_ids[idle]
            out.risk[rnd][idle_ids, cols] = out.risk[rnd - 1][idle_ids, cols]
            out.security[rnd][idle_ids, cols] = out.security[rnd - 1][idle_ids, cols]
        if live.size:
            target = row_ids[live]
            record = None
            if pairwise is not None:
                size = live.size * n * n
                record = {k: v[at : at + size].reshape(-1, n, n) for k, v in pairwise.items()}
                out.pair_start[rnd, target] = at + n * n * np.arange(live.size)
                at += size
            got = _one_round(
                lx, lw, lw1, ls, lp, lpair, lcounts, lchal, lscale, median[live], r_fixed, cfg,
                record,
            )
            if cfg.risk_update == "first_round" and cfg.risk != "neutral" and r_fixed is None:
                r_fixed = got["risk"]
            out.risk[rnd][target, cols] = got["risk"]
            out.security[rnd][target, cols] = (
                out.security[0][target, cols] if rnd > 0 and r_fixed is not None
                else got["security"]
            )
            moved = np.abs(got["x"] - lx).max(axis=1, initial=0.0)
            still = moved <= float(cfg.tolerance)
            acc = np.where(still[:, None], -1, got["accepted"])
            # the actor standing for the group whose offer was taken
            out.accepted[rnd][target, cols] = np.where(
                acc >= 0, rep.reshape(-1)[acc + (n * live)[:, None]], -1
            )
            out.accepted_relation[rnd][target, cols] = np.where(
                acc >= 0, got["accepted_relation"], NONE
            )
            out.stopped[target[still]] = rnd
            lx = np.where(still[:, None], lx, got["x"])
            x_all[live] = lx
            if still.any():
                keep = ~still
                live = live[keep]
                lx, lw, lw1, ls, lp, lpair, lcounts, lchal, lscale = (
                    v[keep] for v in (lx, lw, lw1, ls, lp, lpair, lcounts, lchal, lscale)
                )
                if r_fixed is not None:
                    r_fixed = r_fixed[keep]
            # only rows that moved this round have a new median and mean
            median[live] = condorcet_median(lx, lw, lp)
            mean[live] = weighted_mean(lx, lw)
        out.positions[rnd + 1][rows, cols] = np.where(present, x_all, np.nan)
        out.median[rnd + 1][rows] = median
        out.mean[rnd + 1][rows] = mean


def _eum_rows_compiled(
    position: np.ndarray,
    capability: np.ndarray,
    salience: np.ndarray,
    present: np.ndarray,
    mult: np.ndarray,
    rep: np.ndarray,
    cfg: EUMSettings,
    out: _Raw,
    rows: slice,
    at: int,
    threads: int = 1,
    pool: Any = None,
    final: bool = False,
) -> None:
    """:func:`_eum_rows` through the compiled rounds of :mod:`._eum_jit` (the same numbers):
    the same inputs prepared the same way, the rounds in machine code, the weighted means by
    numpy on the positions they produce."""
    from detente.collective import _eum_jit as jit  # numba: imported only here

    x = np.where(present, position, 0.0)
    s = np.where(present, salience, 0.0)
    w1 = np.where(present, capability, 0.0) * s
    w = w1 * mult
    B, n = x.shape
    R = cfg.rounds
    if cfg.distance == "positions":
        hi = np.where(present, x, -np.inf).max(axis=1, initial=-np.inf)
        lo = np.where(present, x, np.inf).min(axis=1, initial=np.inf)
        span = hi - lo
        scale = np.where(np.isfinite(span) & (span > 0), span, 1.0)
    else:
        scale = np.ones(B)
    anchor = np.where(present, x, np.inf).min(axis=1, initial=np.inf)
    x = np.where(present, x, np.where(np.isfinite(anchor), anchor, 0.0)[:, None])
    x0 = x.copy()
    m = np.where(present, mult, 0).astype(float)  # (the pairs' counts: in the rounds)
    positions = np.empty((R + 1, B, n))  # (final: the rounds fill positions[R] only)
    median = np.empty((R + 1, B))
    if final:  # (not traced: neither written nor read by the rounds)
        risk, security = np.empty((0, 0, 0)), np.empty((0, 0, 0))
        accepted = np.empty((0, 0, 0), dtype=np.int64)
        relation = np.empty((0, 0, 0), dtype=np.int8)
    else:
        risk = np.ones((R, B, n))
        security = np.zeros((R, B, n))
        accepted = np.full((R, B, n), -1, dtype=np.int64)
        relation = np.full((R, B, n), NONE, dtype=np.int8)
    stopped = np.full(B, R, dtype=np.int64)
    pair_start = np.full((R, B), -1, dtype=np.int64)
    record = out.pairs is not None
    bufs = [out.pairs[k] if out.pairs is not None else np.empty(0, dtype=dt)
            for k, dt in (("relation", np.int8), ("eu_own", float), ("eu_other", float),
                          ("probability", float), ("offer", float))]
    t_value = 0.0 if cfg.t == "eftekhari" else float(cfg.t)
    jit.ready()
    jit.run_part(
        x, w, w1, s, np.ascontiguousarray(present), m, scale, R,
        jit._PROB[cfg.probability],
        bool(cfg.vote_risk), cfg.perception == "actual", jit._ACCEPT[cfg.accept],
        cfg.compromise == "weighted", bool(cfg.capitulation), float(cfg.q), t_value,
        cfg.t == "eftekhari", jit._RISK[cfg.risk], cfg.risk_update == "first_round",
        float(cfg.tolerance), record, positions, median, risk, security, accepted, relation,
        stopped, pair_start, *bufs, at, jit._POW_DATA, threads=threads, pool=pool,
        trace=not final,
    )
    cols = slice(0, n)
    if final:  # the outcomes after the last round only (see eum_final)
        xs = np.where(present, positions[R], x0)
        out.mean[R, rows] = weighted_mean(xs, w)
        out.median[:, rows] = median
        return
    # the weighted mean of every round, as numpy computes it (absent actors at their anchor)
    xs = np.where(present[None], positions, x0[None])
    mean = weighted_mean(xs.reshape(-1, n), np.broadcast_to(w, xs.shape).reshape(-1, n))
    out.positions[:, rows, cols] = positions
    out.median[:, rows] = median
    out.mean[:, rows] = mean.reshape(R + 1, B)
    out.risk[:, rows, cols] = risk
    out.security[:, rows, cols] = security
    out.accepted[:, rows, cols] = np.where(
        accepted >= 0, rep[np.arange(B)[None, :, None], np.maximum(accepted, 0)], -1
    )
    out.accepted_relation[:, rows, cols] = relation
    out.stopped[rows] = stopped
    out.pair_width[rows] = n
    out.pair_start[:, rows] = pair_start
