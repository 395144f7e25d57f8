"""Outcome-space analysis: Pareto frontier, bargaining solutions, zone of possible agreement.

Everything works on the two parties' utility vectors over all outcomes (numpy arrays), so a
domain of a million outcomes is analysed in a fraction of a second.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from detente.bargaining._domain import Domain
from detente.bargaining._trust import trust_pair, trust_values
from detente.errors import InputError

__all__ = [
    "SOLUTIONS",
    "Solution",
    "Zopa",
    "pareto_frontier",
    "pareto_frontier_brute",
    "pareto_frontier_chunked",
    "pareto_mask",
    "solve",
    "solve_points",
    "zopa",
]

SolutionName = Literal["nash", "kalai", "utilitarian", "egalitarian"]
#: The bargaining solutions :func:`solve` knows, with their references.
SOLUTIONS: dict[str, str] = {
    "nash": "Nash (1950): maximises the product of gains over the reservation values",
    "kalai": "Kalai & Smorodinsky (1975): gains proportional to each party's ideal gain",
    "utilitarian": "maximises the sum of utilities",
    "egalitarian": "Kalai (1977): maximises the smaller of the two gains",
}


def pareto_mask(ua: np.ndarray, ub: np.ndarray) -> np.ndarray:
    """Boolean mask of the Pareto-optimal points among ``(ua[k], ub[k])``, in O(n log n).

    A point is dominated when another is at least as good for both and better for one.
    Sort by ``ua`` descending and group equal ``ua``; a point is optimal exactly when its
    ``ub`` is the largest of its group and that largest exceeds every ``ub`` at a strictly
    larger ``ua`` (a running maximum over the earlier groups). Identical points are all kept
    (none dominates the other). One unstable argsort does the work.
    """
    ua = np.asarray(ua, dtype=float)
    ub = np.asarray(ub, dtype=float)
    n = ua.shape[0]
    mask = np.zeros(n, dtype=bool)
    if n == 0:
        return mask
    order = np.argsort(-ua)
    a = ua[order]
    b = ub[order]
    new_group = np.empty(n, dtype=bool)
    new_group[0] = True
    np.not_equal(a[1:], a[:-1], out=new_group[1:])
    starts = np.flatnonzero(new_group)
    gmax = np.maximum.reduceat(b, starts)
    prev = np.empty_like(gmax)
    prev[0] = -np.inf
    np.maximum.accumulate(gmax[:-1], out=prev[1:])
    good_group = gmax > prev
    gid = np.cumsum(new_group) - 1
    keep = good_group[gid] & (b == gmax[gid])
    mask[order[keep]] = True
    return mask


def pareto_frontier_brute(ua: np.ndarray, ub: np.ndarray) -> np.ndarray:
    """O(n²) reference: indices of the Pareto-optimal points (for tests)."""
    ua = np.asarray(ua, dtype=float)[:, None]
    ub = np.asarray(ub, dtype=float)[:, None]
    dom = (ua.T >= ua) & (ub.T >= ub) & ((ua.T > ua) | (ub.T > ub))
    return np.flatnonzero(~dom.any(axis=1))


def pareto_frontier(ua: np.ndarray, ub: np.ndarray) -> np.ndarray:
    """Indices of the Pareto-optimal points, ordered by ``ua`` ascending (``ub`` descending)."""
    idx = np.flatnonzero(pareto_mask(ua, ub))
    ua = np.asarray(ua)
    ub = np.asarray(ub)
    return idx[np.lexsort((-ub[idx], ua[idx]))]


def pareto_frontier_chunked(
    chunks: Iterable[tuple[np.ndarray, np.ndarray, np.ndarray]],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Frontier of a lazily enumerated space (e.g. :meth:`Domain.chunks`).

    The frontier of a union is the frontier of the union of the parts' frontiers, so memory
    stays proportional to the chunk size. Returns ``(flat_indices, ua, ub)``.
    """
    keep_i = np.empty(0, dtype=np.int64)
    keep_a = np.empty(0)
    keep_b = np.empty(0)
    for flat, ua, ub in chunks:
        m = pareto_mask(ua, ub)
        cat_i = np.concatenate([keep_i, flat[m]])
        cat_a = np.concatenate([keep_a, ua[m]])
        cat_b = np.concatenate([keep_b, ub[m]])
        m2 = pareto_mask(cat_a, cat_b)
        keep_i, keep_a, keep_b = cat_i[m2], cat_a[m2], cat_b[m2]
    order = np.lexsort((-keep_b, keep_a))
    return keep_i[order], keep_a[order], keep_b[order]


@dataclass(frozen=True)
class Solution:
    """A bargaining solution: the outcome (flat index) and both parties' utilities."""

    name: str
    index: int
    utility_a: float
    utility_b: float
    options: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "index": self.index,
            "utility_a": self.utility_a,
            "utility_b": self.utility_b,
            "options": dict(self.options),
        }


def solve_points(
    ua: np.ndarray, ub: np.ndarray, ra: float, rb: float, name: str, *,
    nash_weight: float = 0.5,
) -> int | None:
    """Index of the ``name`` solution among outcomes with utilities ``ua``, ``ub``.

    Solutions are chosen among the individually rational outcomes (``ua ≥ ra`` and
    ``ub ≥ rb``; the disagreement point is the reservation values), and always on the Pareto
    frontier; ``None`` when no outcome is individually rational. Ties go to the lowest index.

    - ``nash``: maximises ``(ua - ra)(ub - rb)`` (Nash 1950); with ``nash_weight`` α ≠ 1/2,
      the asymmetric Nash solution ``(ua - ra)^α (ub - rb)^(1-α)`` (α: a's bargaining power,
      in (0, 1); the limit of Rubinstein's game as offers speed up, with α = r_b/(r_a + r_b)
      for discount rates r).
    - ``kalai``: Kalai–Smorodinsky (1975): maximises ``min(ga / Ga, gb / Gb)``, the gains
      ``g = u - r`` relative to each party's ideal gain ``G`` over the rational set; on a
      discrete set, the frontier point nearest the line from the disagreement to the ideal
      point in the max-min sense.
    - ``utilitarian``: maximises ``ua + ub``.
    - ``egalitarian``: maximises ``min(ua - ra, ub - rb)`` (Kalai 1977).
    """
    alpha = float(nash_weight)
    if not (math.isfinite(alpha) and 0.0 < alpha < 1.0):
        raise InputError(f"nash_weight (a's bargaining power) must be strictly between 0 and 1, "
                         f"got {nash_weight}")
    if alpha != 0.5 and name != "nash":
        raise InputError(f"nash_weight applies to the nash solution only, not '{name}'")
    ua = np.asarray(ua, dtype=float)
    ub = np.asarray(ub, dtype=float)
    rational = np.flatnonzero((ua >= ra) & (ub >= rb))
    if rational.size == 0:
        return None
    fa = ua[rational]
    fb = ub[rational]
    front = pareto_mask(fa, fb)
    cand = rational[front]
    ga = ua[cand] - ra
    gb = ub[cand] - rb
    if name == "nash" and alpha == 0.5:
        score = ga * gb
    elif name == "nash":
        with np.errstate(divide="ignore"):
            score = alpha * np.log(ga) + (1.0 - alpha) * np.log(gb)
    elif name == "kalai":
        Ga = float(fa.max() - ra)
        Gb = float(fb.max() - rb)
        score = np.minimum(ga / Ga if Ga > 0 else np.ones_like(ga),
                           gb / Gb if Gb > 0 else np.ones_like(gb))
    elif name == "utilitarian":
        score = ua[cand] + ub[cand]
    elif name == "egalitarian":
        score = np.minimum(ga, gb)
    else:
        raise InputError(f"unknown solution '{name}'; expected one of {', '.join(SOLUTIONS)}")
    best = np.flatnonzero(score >= score.max() - 1e-12)
    return int(cand[best].min())


def solve(domain: Domain, name: str = "nash",
          utilities: tuple[np.ndarray, np.ndarray] | None = None, *,
          nash_weight: float = 0.5) -> Solution | None:
    """The ``name`` bargaining solution of ``domain`` (see :func:`solve_points`;
    ``nash_weight`` is party a's bargaining power in the asymmetric Nash solution)."""
    ua, ub = utilities if utilities is not None else domain.utilities()
    k = solve_points(ua, ub, domain.a.reservation_value, domain.b.reservation_value, name,
                     nash_weight=nash_weight)
    if k is None:
        return None
    return Solution(name, k, float(ua[k]), float(ub[k]), domain.outcome(k))


@dataclass(frozen=True)
class Zopa:
    """The zone of possible agreement: outcomes both parties value above walking away.

    ``trust`` is ``(kappa_a, kappa_b)``, each party's trust in the counterpart (1 = full trust,
    valuations are the plain utilities); ``value_a``/``value_b`` of the best points are the
    trust-adjusted values.
    """

    exists: bool
    size: int
    share: float
    n_outcomes: int
    trust: tuple[float, float]
    best: dict[str, Solution]
    surplus: float

    def as_dict(self) -> dict[str, Any]:
        return {
            "exists": self.exists,
            "size": self.size,
            "share": self.share,
            "n_outcomes": self.n_outcomes,
            "trust": list(self.trust),
            "max_joint_surplus": self.surplus,
            "best": {k: v.as_dict() for k, v in self.best.items()},
        }


def zopa(domain: Domain, trust: float | tuple[float, float] = 1.0, *,
         values: tuple[np.ndarray, np.ndarray] | None = None) -> Zopa:
    """The zone of possible agreement of ``domain`` at the given trust.

    An outcome is in the zone when each party's (trust-adjusted, see
    :func:`detente.bargaining.trust_values`) value of it is strictly above its reservation
    value. ``size`` counts such outcomes, ``share`` is their fraction of the outcome space,
    ``surplus`` the largest sum of gains over the reservation values, and ``best`` the Nash,
    Kalai–Smorodinsky, utilitarian and egalitarian points within the zone (computed on the
    trust-adjusted values).
    """
    ka, kb = trust_pair(trust)
    va, vb = values if values is not None else trust_values(domain, (ka, kb))
    ra, rb = domain.a.reservation_value, domain.b.reservation_value
    inside = (va > ra) & (vb > rb)
    size = int(np.count_nonzero(inside))
    best: dict[str, Solution] = {}
    surplus = 0.0
    if size:
        idx = np.flatnonzero(inside)
        sa, sb = va[idx], vb[idx]
        surplus = float(np.max(sa + sb - ra - rb))
        for name in SOLUTIONS:
            k = solve_points(sa, sb, ra, rb, name)
            if k is not None:
                j = int(idx[k])
                best[name] = Solution(name, j, float(va[j]), float(vb[j]), domain.outcome(j))
    n = domain.n_outcomes
    return Zopa(size > 0, size, size / n, n, (ka, kb), best, surplus)
