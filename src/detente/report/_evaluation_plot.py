"""Forecast against what happened: one panel per case, each scored issue a row, every model a
marker, the observed outcome a black bar (all on 0–100)."""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import numpy as np

from detente._atomic import save_figure
from detente._glyphs import figure_text

__all__ = ["plot_evaluation"]

_MARKERS = ["o", "v", "^", "D", "s", "P", "X", "*", "<", ">"]


def plot_evaluation(report: Any, path: str | os.PathLike[str]) -> Path:
    """Draw an :class:`~detente.evaluation.EvaluationReport`: per case, per issue, each model's
    forecast and the observed value on the issue's scale mapped to 0–100; the legend gives each
    model's pooled MAE. Missing forecasts are left out."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    models = [m for m in report.models if m.gives_positions]
    cases = [c for c in report.cases if any(r.case == c for r in report.issues)]
    if not cases or not models:
        raise ValueError("nothing to plot: no scored issue")
    issues_of = {
        c: list(dict.fromkeys(r.issue for r in report.issues if r.case == c)) for c in cases
    }
    ncols = 1 if len(cases) <= 6 else 2
    nrows = -(-len(cases) // ncols)
    grid = [cases[r * ncols:(r + 1) * ncols] for r in range(nrows)]
    heights = [max(max(1, len(issues_of[c])) for c in row) for row in grid]
    fig, axs = plt.subplots(
        nrows, ncols, figsize=(10 * ncols, 1.2 * nrows + 0.45 * sum(heights)),
        gridspec_kw={"height_ratios": heights}, squeeze=False,
    )
    for k in range(len(cases), nrows * ncols):
        axs[k // ncols, k % ncols].set_visible(False)
    axes = np.array([[axs[k // ncols, k % ncols]] for k in range(len(cases))])
    cmap = plt.get_cmap("tab10")
    colour = {m.model: cmap(k % 10) for k, m in enumerate(models)}
    offset = {m.model: (k - (len(models) - 1) / 2) * 0.08 for k, m in enumerate(models)}
    for case, ax in zip(cases, axes[:, 0], strict=True):
        names = issues_of[case]
        rows = [r for r in report.issues if r.case == case]
        for r in rows:
            y = names.index(r.issue)
            span = r.scale_max - r.scale_min

            def unit(v: float, lo: float = r.scale_min, s: float = span) -> float:
                return (v - lo) / s * 100.0

            if r.model == models[0].model:
                ax.plot([unit(r.observed)] * 2, [y - 0.35, y + 0.35], color="black", lw=2.5,
                        zorder=3)
            if not math.isnan(r.forecast) and r.model in colour:
                k = [m.model for m in models].index(r.model)
                ax.scatter(unit(r.forecast), y + offset[r.model], color=colour[r.model],
                           marker=_MARKERS[k % len(_MARKERS)], s=36, zorder=4)
        ax.set_yticks(range(len(names)), names, fontsize=8)
        row_height = heights[cases.index(case) // ncols]
        ax.set_ylim(row_height - 0.5, -0.5)
        ax.set_xlim(-3, 103)
        ax.grid(axis="x", alpha=0.3)
        outcome = report.outcomes.get(case)
        ax.set_title(case + (f"  (outcome: {outcome})" if outcome else ""), fontsize=9,
                     loc="left")
    for ax in axs[-1, :]:
        ax.set_xlabel("position on the issue's scale, 0-100 (black bar: observed)")
    handles = [
        plt.Line2D([], [], color=colour[m.model], marker=_MARKERS[k % len(_MARKERS)],
                   linestyle="", label=f"{m.model} (MAE {m.mae:.1f})")
        for k, m in enumerate(models)
    ]
    handles.append(plt.Line2D([], [], color="black", lw=2.5, label="observed"))
    fig.legend(handles=handles, loc="upper center", ncol=min(4, len(handles)), fontsize=8,
               bbox_to_anchor=(0.5, 1.0 + 0.25 / max(1, nrows)))
    with figure_text(fig, path):
        fig.tight_layout()
        out = save_figure(fig, path)
    plt.close(fig)
    return out
