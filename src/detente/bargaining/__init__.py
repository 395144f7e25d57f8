"""Bilateral bargaining: outcome space, solutions, zone of agreement under distrust, protocols
and strategies, ultimatums and crisis bargaining.

Typical use::

    from detente.bargaining import domain_from_scenario, zopa, solve, trust_threshold
    dom = domain_from_scenario(scenario, "USA", "RUS")
    zopa(dom, trust=0.6), solve(dom, "nash"), trust_threshold(dom)
"""

from detente.bargaining._analysis import Analysis, analyse
from detente.bargaining._domain import (
    BargainingIssue,
    Domain,
    Party,
    domain_from_dict,
    domain_from_scenario,
    load_domain,
)
from detente.bargaining._protocol import (
    BatchResult,
    Offer,
    Strategy,
    Tournament,
    Trace,
    negotiate,
    negotiate_batch,
    parse_strategy,
    tournament,
)
from detente.bargaining._record import RecordUnavailable, TrustFromRecord, record_trust
from detente.bargaining._space import (
    SOLUTIONS,
    Solution,
    Zopa,
    pareto_frontier,
    pareto_frontier_brute,
    pareto_frontier_chunked,
    pareto_mask,
    solve,
    solve_points,
    zopa,
)
from detente.bargaining._theory import (
    Commitment,
    CrisisBargaining,
    DomainUltimatum,
    InformationProblem,
    SubgamePerfect,
    Ultimatum,
    commitment_problem,
    crisis_bargaining,
    information_problem,
    rubinstein_split,
    subgame_perfect,
    ultimatum,
    ultimatum_curve,
    ultimatum_offer,
    ultimatum_offer_curve,
)
from detente.bargaining._trust import (
    TrustCurve,
    broken_utilities,
    solution_trust_needed,
    trust_curve,
    trust_threshold,
    trust_threshold_bisect,
    trust_values,
)

__all__ = [
    "SOLUTIONS",
    "Analysis",
    "BargainingIssue",
    "BatchResult",
    "Commitment",
    "CrisisBargaining",
    "Domain",
    "DomainUltimatum",
    "InformationProblem",
    "Offer",
    "Party",
    "RecordUnavailable",
    "Solution",
    "Strategy",
    "SubgamePerfect",
    "Tournament",
    "Trace",
    "TrustCurve",
    "TrustFromRecord",
    "Ultimatum",
    "Zopa",
    "analyse",
    "broken_utilities",
    "commitment_problem",
    "crisis_bargaining",
    "domain_from_dict",
    "domain_from_scenario",
    "information_problem",
    "load_domain",
    "negotiate",
    "negotiate_batch",
    "pareto_frontier",
    "pareto_frontier_brute",
    "pareto_frontier_chunked",
    "pareto_mask",
    "parse_strategy",
    "record_trust",
    "rubinstein_split",
    "solution_trust_needed",
    "solve",
    "solve_points",
    "subgame_perfect",
    "tournament",
    "trust_curve",
    "trust_threshold",
    "trust_threshold_bisect",
    "trust_values",
    "ultimatum",
    "ultimatum_curve",
    "ultimatum_offer",
    "ultimatum_offer_curve",
    "zopa",
]
