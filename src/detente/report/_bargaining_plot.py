"""Figures: the utility plane and the zone of agreement against trust (matplotlib, Agg)."""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from detente._atomic import save_figure
from detente.bargaining._domain import Domain
from detente.bargaining._space import SOLUTIONS, pareto_frontier, solve
from detente.bargaining._trust import trust_pair, trust_values

__all__ = ["plot_trust_curve", "plot_utility_plane"]

_MAX_POINTS = 30_000


def _figure() -> Any:
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    return Figure(figsize=(7.0, 6.0))


def plot_utility_plane(
    domain: Domain,
    path: str | os.PathLike[str],
    *,
    trust: float | tuple[float, float] = 1.0,
    breach: Any = None,
) -> None:
    """The utility plane: every outcome (a sample when there are many), the Pareto frontier,
    the Nash, Kalai–Smorodinsky, utilitarian and egalitarian points, the reservation values,
    and the outcomes in the zone of agreement at the given trust."""

    ka, kb = trust_pair(trust)
    ua, ub = domain.utilities()
    va, vb = trust_values(domain, (ka, kb), breach=breach, utilities=(ua, ub))
    ra, rb = domain.a.reservation_value, domain.b.reservation_value
    inside = (va > ra) & (vb > rb)
    n = ua.shape[0]
    sample = np.arange(n)
    if n > _MAX_POINTS:
        sample = np.sort(np.random.default_rng(0).choice(n, _MAX_POINTS, replace=False))
    fig = _figure()
    ax = fig.add_subplot(1, 1, 1)
    s = sample[~inside[sample]]
    ax.scatter(ua[s], ub[s], s=4, color="0.75", label="outcomes", rasterized=True)
    s = sample[inside[sample]]
    trust_txt = f"κ={ka:g}" if ka == kb else f"κ=({ka:g}, {kb:g})"
    ax.scatter(ua[s], ub[s], s=5, color="tab:green", alpha=0.6, rasterized=True,
               label=f"zone of agreement at {trust_txt} ({int(inside.sum()):,} outcomes)")
    f = pareto_frontier(ua, ub)
    ax.plot(ua[f], ub[f], "-o", color="tab:blue", ms=3, lw=1.2, label="Pareto frontier")
    ax.axvline(ra, color="tab:red", ls="--", lw=1)
    ax.axhline(rb, color="tab:red", ls="--", lw=1, label="reservation values")
    markers = {"nash": "*", "kalai": "D", "utilitarian": "s", "egalitarian": "^"}
    for name in SOLUTIONS:
        sol = solve(domain, name, utilities=(ua, ub))
        if sol is not None:
            ax.scatter([sol.utility_a], [sol.utility_b], marker=markers[name], s=90,
                       edgecolor="black", zorder=5, label=name)
    ax.set_xlabel(f"utility of {domain.a.label}")
    ax.set_ylabel(f"utility of {domain.b.label}")
    ax.set_title(domain.name)
    ax.legend(fontsize=7, loc="lower left")
    save_figure(fig, path)


def plot_trust_curve(curve: Any, path: str | os.PathLike[str], *, title: str = "") -> None:
    """ZOPA size (share of outcomes) against trust, with the threshold ``kappa*`` marked."""
    fig = _figure()
    ax = fig.add_subplot(1, 1, 1)
    ax.plot(curve.trust, 100 * curve.share, "-", color="tab:green", lw=2,
            label="zone of agreement (% of outcomes)")
    ax.set_xlabel("trust κ (counterpart's credibility)")
    ax.set_ylabel("zone of agreement, % of outcomes")
    ax2 = ax.twinx()
    ax2.plot(curve.trust, curve.surplus, ":", color="tab:purple", lw=1.5,
             label="largest joint surplus")
    ax2.set_ylabel("largest joint surplus (utility)")
    if curve.threshold is not None:
        ax.axvline(curve.threshold, color="tab:red", ls="--",
                   label=f"κ* = {curve.threshold:.3f}: no deal worth signing below")
    ax.set_xlim(0, 1)
    ax.set_ylim(bottom=0)
    ax2.set_ylim(bottom=0)
    ax.set_title(title or "zone of agreement against trust")
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, fontsize=8, loc="upper left")
    save_figure(fig, path)
