"""Static plot of a scenario and its forecasts: positions, salience as size, each model marked."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from detente._atomic import save_figure
from detente.collective import Forecast
from detente.scenario import Scenario

__all__ = ["plot_forecasts"]

_MARKERS = ["v", "^", "D", "s", "P", "X", "*", "o"]


def plot_forecasts(
    scenario: Scenario, forecasts: Sequence[Forecast], path: str | os.PathLike[str]
) -> Path:
    """One panel per issue: actors at their positions (marker area ∝ salience, colour by actor),
    the status quo as a dashed line and each model's forecast as a labelled marker."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    issues = scenario.issues
    n = len(issues)
    fig, axes = plt.subplots(n, 1, figsize=(10, 1.0 + 1.8 * n), squeeze=False)
    cmap = plt.get_cmap("tab20")
    actor_colour = {a.id: cmap(k % 20) for k, a in enumerate(scenario.actors)}
    for k, (issue, ax) in enumerate(zip(issues, axes[:, 0], strict=True)):
        stances = [s for s in scenario.stances if s.issue == issue.id]
        xs = np.array([s.position for s in stances])
        sal = np.array([s.salience for s in stances])
        # spread actors at equal positions vertically so that none hides another
        ys = np.zeros(len(stances))
        for x in np.unique(xs):
            idx = np.flatnonzero(xs == x)
            ys[idx] = np.linspace(-0.45, 0.35, len(idx)) if len(idx) > 1 else 0.0
        for s, x, y, sv in zip(stances, xs, ys, sal, strict=True):
            ax.scatter([x], [y], s=20 + 3.0 * sv, color=actor_colour[s.actor], alpha=0.8,
                       edgecolor="black", linewidth=0.4, zorder=3)
            ax.annotate(s.actor, (x, y), xytext=(7, 0), textcoords="offset points",
                        ha="left", va="center", fontsize=7)
        if issue.status_quo is not None:
            ax.axvline(issue.status_quo, color="grey", linestyle="--", linewidth=1)
            ax.annotate("status quo", (issue.status_quo, -0.68), fontsize=7, color="grey",
                        ha="center")
        for m, fc in enumerate(forecasts):
            x = fc.outcomes[k]
            if np.isnan(x):
                continue
            ax.scatter([x], [0.62], marker=_MARKERS[m % len(_MARKERS)], s=70,
                       color=f"C{m}", zorder=4, label=fc.model if k == 0 else None)
        pad = 0.03 * (issue.scale_max - issue.scale_min)
        ax.set_xlim(issue.scale_min - pad, issue.scale_max + pad)
        ax.set_ylim(-0.8, 0.85)
        ax.set_yticks([])
        ax.set_title(issue.label, fontsize=9, loc="left")
        if issue.low or issue.high:
            ax.set_xlabel(f"{issue.scale_min:g} = {issue.low}   ·   "
                          f"{issue.scale_max:g} = {issue.high}", fontsize=7)
        ax.tick_params(axis="x", labelsize=7)
    fig.suptitle(f"{scenario.name}: positions (size = salience) and forecasts", fontsize=10,
                 x=0.01, ha="left")
    if forecasts:
        fig.legend(loc="upper right", fontsize=8, ncols=min(len(forecasts), 5))
    fig.tight_layout()
    out = save_figure(fig, path)
    plt.close(fig)
    return out
