"""Static plot of a scenario and its forecasts: positions, salience as size, each model marked."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from detente._atomic import save_figure
from detente._glyphs import figure_text
from detente.collective import Forecast
from detente.scenario import Scenario

__all__ = ["plot_forecasts"]

_MARKERS = ["v", "^", "D", "s", "P", "X", "*", "o"]
MAX_PANELS = 12
"""Most issues drawn (one panel each); the figure says when issues are left out."""
MAX_LABELS = 40
"""Actor names are written on a panel with at most this many actors."""


def plot_forecasts(
    scenario: Scenario, forecasts: Sequence[Forecast], path: str | os.PathLike[str]
) -> Path:
    """One panel per issue: actors at their positions (marker area ∝ salience, colour by actor),
    the status quo as a dashed line and each model's forecast as a labelled marker."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    issues = scenario.issues[:MAX_PANELS]
    n = len(issues)
    fig, axes = plt.subplots(n, 1, figsize=(10, 1.0 + 1.8 * n), squeeze=False)
    cmap = plt.get_cmap("tab20")
    actor_colour = {a.id: cmap(k % 20) for k, a in enumerate(scenario.actors)}
    by_issue: dict[str, list[Any]] = {i.id: [] for i in issues}
    for st in scenario.stances:
        if st.issue in by_issue:
            by_issue[st.issue].append(st)
    crowded = False
    labelled: set[str] = set()  # each model in the legend once, from the first panel it is on
    for issue, ax in zip(issues, axes[:, 0], strict=True):
        stances = by_issue[issue.id]
        xs = np.array([s.position for s in stances], dtype=float)
        sal = np.array([s.salience for s in stances], dtype=float)
        # spread actors at equal positions vertically so that none hides another
        ys = np.zeros(len(stances))
        order = np.argsort(xs, kind="stable")
        uniq, start, counts = np.unique(xs[order], return_index=True, return_counts=True)
        for b, c in zip(start, counts, strict=True):
            if c > 1:
                ys[order[b:b + c]] = np.linspace(-0.45, 0.35, c)
        # one scatter call per panel: fast with thousands of actors
        ax.scatter(xs, ys, s=20 + 3.0 * sal, c=[actor_colour[s.actor] for s in stances],
                   alpha=0.8 if len(stances) <= 200 else 0.3, edgecolor="black",
                   linewidth=0.4 if len(stances) <= 200 else 0.0, zorder=3)
        if len(stances) <= MAX_LABELS:
            for s, x, y in zip(stances, xs, ys, strict=True):
                ax.annotate(s.actor, (x, y), xytext=(7, 0), textcoords="offset points",
                            ha="left", va="center", fontsize=7)
        else:
            crowded = True
        if issue.status_quo is not None:
            ax.axvline(issue.status_quo, color="grey", linestyle="--", linewidth=1)
            ax.annotate("status quo", (issue.status_quo, -0.68), fontsize=7, color="grey",
                        ha="center")
        for m, fc in enumerate(forecasts):
            x = fc.outcome(issue.id)
            if np.isnan(x):
                continue
            ax.scatter([x], [0.62], marker=_MARKERS[m % len(_MARKERS)], s=70,
                       color=f"C{m}", zorder=4,
                       label=None if fc.model in labelled else fc.model)
            labelled.add(fc.model)
        pad = 0.03 * (issue.scale_max - issue.scale_min)
        ax.set_xlim(issue.scale_min - pad, issue.scale_max + pad)
        ax.set_ylim(-0.8, 0.85)
        ax.set_yticks([])
        ax.set_title(issue.label, fontsize=9, loc="left")
        if issue.low or issue.high:
            ax.set_xlabel(f"{issue.scale_min:g} = {issue.low}   ·   "
                          f"{issue.scale_max:g} = {issue.high}", fontsize=7)
        ax.tick_params(axis="x", labelsize=7)
    shown = []
    if len(scenario.issues) > n:
        shown.append(f"first {n} of {len(scenario.issues)} issues")
    if crowded:
        shown.append(f"actor names left out where more than {MAX_LABELS}")
    if forecasts and not labelled:
        shown.append("no model gives a forecast on the issues drawn")
    extra = f" ({'; '.join(shown)})" if shown else ""
    fig.suptitle(f"{scenario.name}: positions (size = salience) and forecasts{extra}",
                 fontsize=10, x=0.01, ha="left")
    if labelled:
        fig.legend(loc="upper right", fontsize=8, ncols=min(len(labelled), 5))
    with figure_text(fig, path):
        fig.tight_layout()
        out = save_figure(fig, path)
    plt.close(fig)
    return out
