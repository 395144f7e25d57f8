"""Trust-adjusted valuation: what a deal is worth when the counterpart may break it.

A party values a deal ``x`` at ``V(x) = kappa * u(x) + (1 - kappa) * u(broken(x))``, where
``kappa`` is the counterpart's credibility toward the party (the probability it keeps its side,
e.g. the posterior mean of detente's record) and ``broken(x)`` is the deal as the counterpart
breaks it: the party has delivered its own concessions, but on every issue where the
counterpart conceded to the party (the counterpart values the deal's option below its reference
option and the party values it above), the counterpart reverts to its reference: it takes back
what it gave. So a broken deal is never worth more to the party than the kept one, and the zone
of agreement only grows with trust. The reference is the status quo (``breach="status_quo"``, the
default when the domain has one: the counterpart takes back what it gave) or the counterpart's
ideal option (``breach="ideal"``, a worst case). Reputation is partner-specific (Downs & Jones
2002), hence one ``kappa`` per direction.

Because utilities are additive, ``u(broken(x))`` is additive too: each issue's table holds the
party's value of the reference option where the counterpart conceded and of the deal's option
elsewhere. So the whole space is valued with the same outer sums as the plain utilities.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from detente.bargaining._domain import Domain
from detente.errors import InputError

__all__ = [
    "Breach",
    "TrustCurve",
    "broken_utilities",
    "solution_trust_needed",
    "trust_curve",
    "trust_pair",
    "trust_threshold",
    "trust_threshold_bisect",
    "trust_values",
]

Breach = Literal["status_quo", "ideal"]
_TOL = 1e-12


def trust_pair(trust: float | Sequence[float]) -> tuple[float, float]:
    """``(kappa_a, kappa_b)`` from one number (both) or a pair; each must be in [0, 1]."""
    def number(x: object) -> float:
        if isinstance(x, bool) or not isinstance(x, (int, float, np.integer, np.floating)):
            raise InputError(f"trust: expected a number in [0, 1] or a pair of them, got {x!r}")
        return float(x)

    if isinstance(trust, (int, float, np.integer, np.floating)) and not isinstance(trust, bool):
        pair = (float(trust), float(trust))
    elif isinstance(trust, (str, bytes)) or not isinstance(trust, Sequence | np.ndarray):
        raise InputError(f"trust: expected a number in [0, 1] or a pair of them, got {trust!r}")
    else:
        t = [number(x) for x in trust]
        if len(t) != 2:
            raise InputError(f"trust: expected one number or two, got {len(t)}")
        pair = (t[0], t[1])
    for k in pair:
        if not (math.isfinite(k) and 0.0 <= k <= 1.0):
            raise InputError(f"trust must be in [0, 1], got {k!r}")
    return pair


def _reference(domain: Domain, breach: Breach | None, who: str) -> np.ndarray:
    mode = breach or ("status_quo" if domain.status_quo is not None else "ideal")
    if mode == "status_quo":
        if domain.status_quo is None:
            raise InputError(
                f"domain '{domain.name}' has no status quo: a broken deal cannot revert to it; "
                "use breach='ideal'"
            )
        return np.asarray(domain.status_quo)
    if mode == "ideal":
        return domain.party(who).best_options()
    raise InputError(f"breach must be 'status_quo' or 'ideal', got {mode!r}")


def broken_tables(domain: Domain, party: str, breach: Breach | None = None) -> list[np.ndarray]:
    """Per-issue tables of ``party``'s utility of a deal broken by its counterpart."""
    me = domain.party(party)
    other_id = "b" if me is domain.a else "a"
    other = domain.party(other_id)
    ref = _reference(domain, breach, other_id)
    out = []
    for k, (w, v_me, v_other) in enumerate(zip(me.weights, me.values, other.values, strict=False)):
        # the counterpart gave something to the party on this issue: it values the deal's
        # option below its reference and the party values it above the reference
        conceded = (v_other < v_other[ref[k]] - _TOL) & (v_me > v_me[ref[k]] + _TOL)
        out.append(w * np.where(conceded, v_me[ref[k]], v_me))
    return out


def broken_utilities(domain: Domain, breach: Breach | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Each party's utility of every outcome as broken by the counterpart."""
    return (
        domain.additive(broken_tables(domain, "a", breach)),
        domain.additive(broken_tables(domain, "b", breach)),
    )


def trust_values(
    domain: Domain,
    trust: float | Sequence[float] = 1.0,
    *,
    breach: Breach | None = None,
    utilities: tuple[np.ndarray, np.ndarray] | None = None,
    broken: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Trust-adjusted values ``kappa u + (1 - kappa) u_broken`` of every outcome, both parties."""
    ka, kb = trust_pair(trust)
    ua, ub = utilities if utilities is not None else domain.utilities()
    if ka == 1.0 and kb == 1.0:
        return ua, ub
    ba, bb = broken if broken is not None else broken_utilities(domain, breach)
    return ka * ua + (1 - ka) * ba, kb * ub + (1 - kb) * bb


def _trust_interval(u: np.ndarray, ub: np.ndarray, r: float) -> tuple[np.ndarray, np.ndarray]:
    """Per outcome, the trust levels at which ``kappa u + (1 - kappa) ub > r``: ``(lo, hi)``.

    The value is linear in kappa (``ub`` at 0, ``u`` at 1), so the acceptable set is an
    interval: all of [0, 1], ``(lo, 1]`` when the kept deal beats walking away but the broken
    one does not, ``[0, hi)`` in the unusual reverse case, or empty (``lo = inf``).
    """
    lo = np.full(u.shape, np.inf)
    hi = np.full(u.shape, np.inf)
    ok_broken = ub > r
    ok_kept = u > r
    both = ok_broken & ok_kept
    lo[both] = 0.0
    rising = ok_kept & ~ok_broken
    lo[rising] = (r - ub[rising]) / (u[rising] - ub[rising])
    falling = ok_broken & ~ok_kept
    lo[falling] = 0.0
    hi[falling] = (ub[falling] - r) / (ub[falling] - u[falling])
    return lo, hi


def _need(domain: Domain, ua: np.ndarray, ub: np.ndarray, ba: np.ndarray,
          bb: np.ndarray) -> np.ndarray:
    """Per outcome, the least common trust from which both value it above walking away."""
    lo_a, hi_a = _trust_interval(ua, ba, domain.a.reservation_value)
    lo_b, hi_b = _trust_interval(ub, bb, domain.b.reservation_value)
    lo = np.maximum(lo_a, lo_b)
    hi = np.minimum(hi_a, hi_b)
    return np.where((lo <= 1.0) & (lo < hi), lo, np.inf)


def solution_trust_needed(
    domain: Domain,
    indices: Mapping[str, int],
    *,
    breach: Breach | None = None,
    utilities: tuple[np.ndarray, np.ndarray] | None = None,
    broken: tuple[np.ndarray, np.ndarray] | None = None,
) -> dict[str, float | None]:
    """Per named deal (its outcome index, e.g. each bargaining solution's), the least common
    trust ``kappa`` from which both parties value it above walking away; ``None`` when no
    trust up to 1 makes it worth signing for both. This is the "trust needed" column of
    ``detente bargain`` and ``solution_trust_needed`` of its JSON and of ``/api/bargain``."""
    ua, ub = utilities if utilities is not None else domain.utilities()
    ba, bb = broken if broken is not None else broken_utilities(domain, breach)
    need = _need(domain, ua, ub, ba, bb)
    out: dict[str, float | None] = {}
    for name, k in indices.items():
        x = float(need[k])
        out[name] = x if math.isfinite(x) else None
    return out


def trust_threshold(
    domain: Domain,
    *,
    breach: Breach | None = None,
    utilities: tuple[np.ndarray, np.ndarray] | None = None,
    broken: tuple[np.ndarray, np.ndarray] | None = None,
) -> float | None:
    """The trust ``kappa*`` below which no deal is worth signing (both parties trusting alike).

    The zone of agreement at a common trust ``kappa`` is non-empty iff ``kappa > kappa*``
    (or ``kappa >= 0`` when ``kappa* = 0``: some deal is worth signing even with no trust).
    Each outcome's value is linear in ``kappa``, so its least acceptable trust solves a linear
    equation per party; ``kappa*`` is the minimum over outcomes of the larger of the two.
    ``None`` when no deal beats walking away even at full trust.
    """
    ua, ub = utilities if utilities is not None else domain.utilities()
    ba, bb = broken if broken is not None else broken_utilities(domain, breach)
    need = _need(domain, ua, ub, ba, bb)
    k = float(need.min()) if need.size else math.inf
    return None if not k <= 1.0 else k


def trust_threshold_bisect(
    domain: Domain, *, breach: Breach | None = None, tol: float = 1e-10
) -> float | None:
    """``kappa*`` by bisection on "the zone is non-empty" (an independent check of
    :func:`trust_threshold`; assumes the zone grows with trust, true when every deal is worth
    at least as much kept as broken)."""
    ua, ub = domain.utilities()
    ba, bb = broken_utilities(domain, breach)
    ra, rb = domain.a.reservation_value, domain.b.reservation_value

    def exists(k: float) -> bool:
        va = k * ua + (1 - k) * ba
        vb = k * ub + (1 - k) * bb
        return bool(np.any((va > ra) & (vb > rb)))

    if not exists(1.0):
        return None
    if exists(0.0):
        return 0.0
    lo, hi = 0.0, 1.0
    while hi - lo > tol:
        mid = 0.5 * (lo + hi)
        if exists(mid):
            hi = mid
        else:
            lo = mid
    return hi


@dataclass(frozen=True)
class TrustCurve:
    """ZOPA size as a function of trust (both parties trusting alike)."""

    trust: np.ndarray
    size: np.ndarray
    share: np.ndarray
    surplus: np.ndarray
    threshold: float | None
    n_outcomes: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "trust": self.trust.tolist(),
            "size": self.size.tolist(),
            "share": self.share.tolist(),
            "max_joint_surplus": self.surplus.tolist(),
            "threshold": self.threshold,
            "n_outcomes": self.n_outcomes,
        }


def trust_curve(
    domain: Domain,
    points: int | Sequence[float] = 51,
    *,
    breach: Breach | None = None,
    utilities: tuple[np.ndarray, np.ndarray] | None = None,
    broken: tuple[np.ndarray, np.ndarray] | None = None,
) -> TrustCurve:
    """ZOPA size (outcomes, share) and the largest joint surplus for each trust level.

    Only the outcomes in the zone at full trust can be in it at lower trust (a broken deal
    is never worth more than the kept one), so each level is evaluated on those alone.
    """
    grid = np.linspace(0.0, 1.0, points) if isinstance(points, int) else np.asarray(points, float)
    ua, ub = utilities if utilities is not None else domain.utilities()
    ba, bb = broken if broken is not None else broken_utilities(domain, breach)
    ra, rb = domain.a.reservation_value, domain.b.reservation_value
    cand = np.flatnonzero((ua > ra) & (ub > rb))
    ua, ub, ba, bb = ua[cand], ub[cand], ba[cand], bb[cand]
    size = np.zeros(grid.shape, dtype=np.int64)
    surplus = np.zeros(grid.shape)
    for j, k in enumerate(grid):
        va = k * ua + (1 - k) * ba
        vb = k * ub + (1 - k) * bb
        inside = (va > ra) & (vb > rb)
        size[j] = int(np.count_nonzero(inside))
        if size[j]:
            surplus[j] = float(np.max((va + vb)[inside])) - ra - rb
    need = _need(domain, ua, ub, ba, bb)
    thr = float(need.min()) if need.size and need.min() <= 1.0 else None
    n = domain.n_outcomes
    return TrustCurve(grid, size, size / n, surplus, thr, n)
