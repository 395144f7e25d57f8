"""The figure of a simulation: per issue, each model's distribution of forecasts."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["plot_simulation"]


def plot_simulation(result: Any, path: str | Path) -> Path:
    """Write a figure (PNG, SVG or PDF by the name): one panel per issue; per model the
    histogram of its draws (where kept), its 50 % and 90 % intervals, median and point
    forecast."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out = Path(path)
    k = len(result.issue_ids)
    cols = min(3, k)
    rows = math.ceil(k / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(4.2 * cols, 2.6 * rows + 0.6), squeeze=False)
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    n_models = len(result.models)
    for j, iss in enumerate(result.issue_ids):
        ax = axes[j // cols][j % cols]
        lo, hi = float(result.scale_min[j]), float(result.scale_max[j])
        for m_i, m in enumerate(result.models):
            c = colours[m_i % len(colours)]
            y = -0.08 * (m_i + 1)
            if m.draws is not None and np.isfinite(m.draws[:, j]).any():
                x = m.draws[:, j][np.isfinite(m.draws[:, j])]
                h, edges = np.histogram(x, bins=40, range=(lo, hi), density=True)
                top = h.max() if h.max() > 0 else 1.0
                ax.stairs(h / top, edges, color=c, label=m.model)
            for lv, width in ((0.9, 1.2), (0.5, 4.0)):
                try:
                    a, b = m.interval(lv)
                except Exception:  # noqa: BLE001 - a level not computed: no bar
                    continue
                if np.isfinite(a[j]):
                    ax.plot([a[j], b[j]], [y, y], color=c, lw=width, solid_capstyle="butt")
            if np.isfinite(m.median[j]):
                ax.plot([m.median[j]], [y], "o", color="white", mec=c, ms=5)
            if np.isfinite(m.point[j]):
                ax.plot([m.point[j]], [y], "|", color="black", ms=9)
        ax.set_xlim(lo, hi)
        ax.set_ylim(-0.08 * (n_models + 1), 1.05)
        ax.set_yticks([])
        ax.set_title(result.label(iss), fontsize=9)
    for j in range(k, rows * cols):
        axes[j // cols][j % cols].axis("off")
    handles = [plt.Line2D([], [], color=colours[i % len(colours)], lw=3)
               for i in range(n_models)]
    fig.legend(handles, [m.model for m in result.models], loc="upper right", fontsize=8)
    fig.suptitle(f"{result.scenario}: {result.draws:,} draws (bars: 50 % and 90 % intervals, "
                 "o median, | point forecast)", fontsize=9)
    import io

    from detente._atomic import atomic_write_bytes
    from detente._glyphs import figure_text

    fmt = {".svg": "svg", ".pdf": "pdf"}.get(out.suffix.lower(), "png")
    buf = io.BytesIO()
    with figure_text(fig, fmt=fmt):
        fig.tight_layout(rect=(0, 0, 1, 0.93))
        fig.savefig(buf, format=fmt)
    plt.close(fig)
    atomic_write_bytes(out, buf.getvalue())  # a kill mid-write leaves the old file, not half
    return out
