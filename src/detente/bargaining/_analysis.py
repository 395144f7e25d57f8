"""One-call analysis of a domain, as the CLI prints it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from detente.bargaining._domain import Domain
from detente.bargaining._space import (
    SOLUTIONS,
    Solution,
    Zopa,
    pareto_mask,
    solve,
    solve_points,
    zopa,
)
from detente.bargaining._trust import (
    Breach,
    TrustCurve,
    broken_utilities,
    solution_trust_needed,
    trust_curve,
    trust_pair,
    trust_values,
)

__all__ = ["Analysis", "analyse"]


@dataclass(frozen=True)
class Analysis:
    """The outcome space of a domain: frontier size, solutions, the zone of agreement at full
    trust and at the given trust, the trust threshold and the ZOPA-against-trust curve."""

    domain: Domain
    frontier_size: int
    solutions: dict[str, Solution]
    zopa_full: Zopa
    zopa_trust: Zopa
    threshold: float | None
    curve: TrustCurve
    trust_source: str
    solutions_trust: dict[str, Solution] = field(default_factory=dict)
    nash_weight: float = 0.5  # a's bargaining power in the (asymmetric) Nash solution
    #: per solution, the least common trust from which both sign it (None: no trust suffices)
    solution_trust_needed: dict[str, float | None] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "domain": self.domain.as_dict(),
            "frontier_size": self.frontier_size,
            "solutions": {k: v.as_dict() for k, v in self.solutions.items()},
            "solutions_at_trust": {k: v.as_dict() for k, v in self.solutions_trust.items()},
            "zopa_full_trust": self.zopa_full.as_dict(),
            "zopa_at_trust": self.zopa_trust.as_dict(),
            "trust_source": self.trust_source,
            "trust_threshold": self.threshold,
            "trust_curve": self.curve.as_dict(),
            "nash_weight": self.nash_weight,
            "solution_trust_needed": dict(self.solution_trust_needed),
        }


def analyse(
    domain: Domain,
    trust: float | tuple[float, float] = 1.0,
    *,
    breach: Breach | None = None,
    curve_points: int = 51,
    trust_source: str = "given",
    nash_weight: float = 0.5,
) -> Analysis:
    """Analyse ``domain`` at the given trust (``kappa_a``, ``kappa_b``); ``nash_weight`` is
    a's bargaining power in the Nash solution (½: the symmetric one)."""
    pair = trust_pair(trust)
    ua, ub = domain.utilities()
    ba, bb = broken_utilities(domain, breach)
    front = int(np.count_nonzero(pareto_mask(ua, ub)))
    sols = {}
    for name in SOLUTIONS:
        s = solve(domain, name, utilities=(ua, ub),
                  nash_weight=nash_weight if name == "nash" else 0.5)
        if s is not None:
            sols[name] = s
    z_full = zopa(domain, 1.0, values=(ua, ub))
    va, vb = trust_values(domain, pair, utilities=(ua, ub), broken=(ba, bb))
    z_trust = zopa(domain, pair, values=(va, vb))
    curve = trust_curve(domain, curve_points, utilities=(ua, ub), broken=(ba, bb))
    # the deals at the given trust: each solution on the trust-adjusted values V
    at_trust = {}
    for name in SOLUTIONS:
        k = solve_points(va, vb, domain.a.reservation_value, domain.b.reservation_value, name,
                         nash_weight=nash_weight if name == "nash" else 0.5)
        if k is not None:
            at_trust[name] = Solution(name, k, float(ua[k]), float(ub[k]), domain.outcome(k))
    need = solution_trust_needed(domain, {k: s.index for k, s in sols.items()},
                                 utilities=(ua, ub), broken=(ba, bb))
    return Analysis(domain, front, sols, z_full, z_trust, curve.threshold, curve, trust_source,
                    at_trust, float(nash_weight), need)
