"""Stated bounds on the work of each model, checked before a model starts.

The work of a model grows with actors (n), issues (m) and rounds (r): the expected utility model
compares every ordered pair of actors on every issue each round (r·n²·m), the exchange model
every pair of actors on every pair of issues each round (r·n²·m²), the baselines look at every
stance once (n·m; the Nash solution bisects 100 times). A run beyond the bound is refused with a
:class:`~detente.errors.LimitError` giving the bound and the estimate; below it, the estimate
(in seconds, from a rate measured on the development machine) lets the command line say how long
a big run will take before it starts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from detente.errors import LimitError

__all__ = ["MAX_STANCES", "WORK_BOUNDS", "WorkEstimate", "check_work", "estimate_work"]

MAX_STANCES = 50_000_000
"""Most actor × issue cells of one scenario, for any model."""

SECONDS_PER_UNIT = {"eum": 1.5e-6, "exchange": 1.2e-6, "nash": 2e-9, "compromise": 2e-9,
                    "median": 1e-8}
"""Measured seconds per unit of work (2-core development machine, December 2026)."""

WORK_BOUNDS = {
    "eum": 5e7,         # r·n²·m with the pairwise record (pairs=true): ~400 MB per pair array
    "eum-nopairs": 2e8,  # r·n²·m with pairs=false
    "exchange": 2e8,     # r·n²·m²
    "crisis": 5e4,       # draws: Geneva (14 × 6) at 20,000 draws held 1.2 GB, 19 s; at
}                        # 200,000 draws 11 GB, 112 s; a 40 × 20 scenario at 2,000: 62 MB
"""Largest work (in the model's units) accepted, per model."""


@dataclass(frozen=True)
class WorkEstimate:
    """How big a model run is: its units of work, the formula, the bound and the seconds."""

    model: str
    units: float
    formula: str
    bound: float | None
    seconds: float | None

    @property
    def within(self) -> bool:
        return self.bound is None or self.units <= self.bound

    def describe(self) -> str:
        t = "" if self.seconds is None else f", about {_duration(self.seconds)}"
        return f"{self.model}: {self.formula}{t}"


def _duration(s: float) -> str:
    if s < 90:
        return f"{s:.0f} s"
    if s < 5400:
        return f"{s / 60:.0f} min"
    return f"{s / 3600:.1f} h"


def estimate_work(model: str, n_actors: int, n_issues: int,
                  options: Mapping[str, Any] | None = None) -> WorkEstimate:
    """The work of running ``model`` on ``n_actors`` × ``n_issues`` with ``options``."""
    opts = dict(options or {})
    n, m = int(n_actors), int(n_issues)
    rounds = opts.get("rounds", 10)
    r = int(rounds) if isinstance(rounds, (int, float)) and rounds == rounds else 10
    r = max(r, 1)
    if model == "eum":
        units = float(r) * n * n * m
        pairs = opts.get("pairs", True)
        bound = WORK_BOUNDS["eum" if pairs else "eum-nopairs"]
        formula = f"{r} rounds × {n:,}² actors × {m:,} issues = {units:.3g}"
    elif model == "exchange":
        units = float(r) * n * n * m * m
        bound = WORK_BOUNDS["exchange"]
        formula = f"{r} rounds × {n:,}² actors × {m:,}² issues = {units:.3g}"
    elif model == "crisis":  # its memory follows the draws (and the dyad's issues, not n·m)
        draws = opts.get("draws", 2000)
        d = int(draws) if isinstance(draws, (int, float)) and draws == draws else 2000
        units = float(max(d, 1))
        bound = WORK_BOUNDS["crisis"]
        formula = f"{d:,} draws"
    else:
        units = float(n) * m * (100 if model == "nash" else 1)
        bound = None
        formula = f"{n:,} actors × {m:,} issues"
    rate = SECONDS_PER_UNIT.get(model)
    return WorkEstimate(model, units, formula, bound, None if rate is None else units * rate)


def check_work(model: str, n_actors: int, n_issues: int,
               options: Mapping[str, Any] | None = None) -> WorkEstimate:
    """The estimate, or a :class:`LimitError` when the run is beyond its stated bound."""
    if n_actors * n_issues > MAX_STANCES:
        raise LimitError(f"{n_actors:,} actors × {n_issues:,} issues is more than the "
                         f"{MAX_STANCES:,} cells a scenario may have")
    est = estimate_work(model, n_actors, n_issues, options)
    if not est.within:
        assert est.bound is not None
        hint = ""
        if model == "eum" and (options or {}).get("pairs", True):
            hint = " (pairs=false raises the bound to 2e8: it keeps no pairwise record)"
        elif model == "eum" or model == "exchange":
            hint = " (fewer rounds, actors or issues)"
        elif model == "crisis":
            hint = (" (on Geneva 2022, 20,000 draws held 1.2 GB and 200,000 needed 11 GB; the "
                    "default 2,000 keeps a probability's Monte Carlo error ≤ 0.011)")
        raise LimitError(
            f"model '{model}' on {n_actors:,} actors × {n_issues:,} issues: work "
            f"{est.formula}, beyond the bound of {est.bound:.3g}"
            + ("" if est.seconds is None else f" (estimated {_duration(est.seconds)})") + hint
        )
    return est
