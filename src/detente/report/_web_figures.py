"""Figures for the web dashboard: plotly figure specifications as plain JSON-ready dicts.

The browser draws them with plotly.js; Python needs no plotly. Each builder takes library
results (forecasts, a bargaining domain, a credibility curve) and returns ``{"data": [...],
"layout": {...}}``. NaN never appears (it is not JSON): missing values become ``None``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from detente.bargaining import Domain
    from detente.bargaining._trust import TrustCurve
    from detente.collective import Forecast
    from detente.record import CredibilityCurve, Driver
    from detente.scenario import Scenario

__all__ = [
    "credibility_figure",
    "eum_trajectory_figure",
    "forecast_issue_figure",
    "trust_curve_figure",
    "utility_plane_data",
    "utility_plane_figure",
]

_MAX_PLANE_POINTS = 6_000
_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22", "#17becf"]


def _num(x: Any) -> float | None:
    v = float(x)
    return v if math.isfinite(v) else None


def _nums(xs: Any) -> list[float | None]:
    return [_num(x) for x in np.asarray(xs, dtype=float).ravel()]


def _short(text: str, n: int = 32) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _layout(title: str, **extra: Any) -> dict[str, Any]:
    out: dict[str, Any] = {
        "title": {"text": title, "font": {"size": 14}},
        "margin": {"l": 60, "r": 20, "t": 60, "b": 50},
        "hovermode": "closest",
        "legend": {"orientation": "h", "y": -0.25},
    }
    out.update(extra)
    return out


def forecast_issue_figure(scenario: Scenario, forecasts: Sequence[Forecast],
                          issue_id: str) -> dict[str, Any]:
    """One issue: each actor's position (marker size ∝ salience), each model's forecast on its
    own row, the status quo and, where the scenario records it, the observed outcome."""
    issue = next(i for i in scenario.issues if i.id == issue_id)
    stances = [s for s in scenario.stances if s.issue == issue_id]
    data: list[dict[str, Any]] = [{
        "type": "scatter", "mode": "markers", "name": "actors (size: salience)",
        "x": [s.position for s in stances], "y": ["actors"] * len(stances),
        "text": [f"{s.actor}: position {s.position:g}, salience {s.salience:g}" for s in stances],
        "hoverinfo": "text",
        "marker": {"size": [6 + 0.3 * s.salience for s in stances], "color": "#9ecae1",
                   "line": {"color": "#3182bd", "width": 1}, "opacity": 0.8},
    }]
    xs, ys, texts = [], [], []
    for f in forecasts:
        v = _num(f.outcome(issue_id))
        if v is None:
            continue
        xs.append(v)
        ys.append(f.model)
        texts.append(f"{f.model}: {v:.1f}")
    data.append({"type": "scatter", "mode": "markers", "name": "model forecasts", "x": xs,
                 "y": ys, "text": texts, "hoverinfo": "text",
                 "marker": {"size": 12, "symbol": "diamond", "color": "#d62728"}})
    shapes: list[dict[str, Any]] = []
    annotations: list[dict[str, Any]] = []
    for k, (value, label, colour) in enumerate((
            (issue.status_quo, "status quo", "#555555"),
            (issue.observed.value if issue.observed else None, "what happened", "#2ca02c"))):
        if value is None:
            continue
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": value, "x1": value,
                       "y0": 0, "y1": 1, "line": {"color": colour, "dash": "dash", "width": 2}})
        right = issue.to_unit(value) > 0.5
        annotations.append({"x": value, "y": 1.0 + 0.09 * (k + 1), "xref": "x", "yref": "paper",
                            "text": f"{label} {value:g}", "showarrow": False,
                            "xanchor": "right" if right else "left",
                            "font": {"color": colour, "size": 11}})
    rows = ["actors", *[f.model for f in forecasts]]
    pad = 0.06 * (issue.scale_max - issue.scale_min)
    return {"data": data, "layout": _layout(
        f"{issue.label}", shapes=shapes, annotations=annotations, height=140 + 28 * len(rows),
        xaxis={"range": [issue.scale_min - pad, issue.scale_max + pad],
               "title": {"text": f"{_short(issue.low) or issue.scale_min} ← → "
                                 f"{_short(issue.high) or issue.scale_max}",
                         "font": {"size": 11}}},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": rows[::-1],
               "automargin": True},
        showlegend=False)}


def eum_trajectory_figure(forecast: Forecast, issue_id: str, label: str | None = None
                          ) -> dict[str, Any]:
    """Each actor's position round by round on one issue, and the forecast after each round.
    ``label`` is the issue's name for the title (the id when not given)."""
    k = forecast.issue_ids.index(issue_id)
    assert forecast.trajectory is not None
    traj = forecast.trajectory[:, :, k]
    rounds = list(range(traj.shape[0]))
    data: list[dict[str, Any]] = []
    for a, actor in enumerate(forecast.actor_ids):
        col = traj[:, a]
        if np.isnan(col).all():
            continue
        data.append({"type": "scatter", "mode": "lines+markers", "name": actor, "x": rounds,
                     "y": _nums(col), "line": {"width": 1, "color": _PALETTE[a % 10]},
                     "marker": {"size": 4}, "opacity": 0.8})
    if forecast.round_outcomes is not None:
        data.append({"type": "scatter", "mode": "lines", "name": "forecast",
                     "x": rounds, "y": _nums(forecast.round_outcomes[:, k]),
                     "line": {"width": 4, "color": "black"}})
    return {"data": data, "layout": _layout(
        _short(f"{forecast.model}: positions by round on {label or issue_id}", 70), height=420,
        xaxis={"title": {"text": "round"}, "dtick": 1},
        yaxis={"title": {"text": "position"}},
        legend={"orientation": "v", "x": 1.02, "y": 1})}


def utility_plane_data(domain: Domain, breach: Any = None) -> dict[str, Any]:
    """What the browser needs to redraw the zone of agreement at any trust κ without asking the
    server: a sample of outcomes with their utilities kept (``ua``, ``ub``) and broken
    (``ba``, ``bb``), and the reservation values. At trust κ an outcome is in the zone when
    ``κ·ua + (1-κ)·ba > ra`` and likewise for b (``detente.bargaining.trust_values``)."""
    from detente.bargaining._trust import broken_utilities

    ua, ub = domain.utilities()
    ba, bb = broken_utilities(domain, breach)
    n = ua.shape[0]
    idx = np.arange(n)
    if n > _MAX_PLANE_POINTS:
        idx = np.sort(np.random.default_rng(0).choice(n, _MAX_PLANE_POINTS, replace=False))
    r4 = lambda x: [round(float(v), 4) for v in x[idx]]  # noqa: E731
    return {"ua": r4(ua), "ub": r4(ub), "ba": r4(ba), "bb": r4(bb),
            "ra": domain.a.reservation_value, "rb": domain.b.reservation_value,
            "n_outcomes": int(n), "sampled": int(idx.size)}


def utility_plane_figure(domain: Domain, plane: dict[str, Any], trust: tuple[float, float],
                         solutions: dict[str, Any]) -> dict[str, Any]:
    """The utility plane: outcomes (grey), the zone of agreement at ``trust`` (green), the
    Pareto frontier, the bargaining solutions and the reservation values."""
    from detente.bargaining import pareto_frontier

    ka, kb = trust
    ua, ub = np.asarray(plane["ua"]), np.asarray(plane["ub"])
    ba, bb = np.asarray(plane["ba"]), np.asarray(plane["bb"])
    inside = ((ka * ua + (1 - ka) * ba > plane["ra"]) & (kb * ub + (1 - kb) * bb > plane["rb"]))
    fa, fb = domain.utilities()
    f = pareto_frontier(fa, fb)
    data: list[dict[str, Any]] = [
        {"type": "scatter", "mode": "markers", "name": "outcomes", "x": ua[~inside].tolist(),
         "y": ub[~inside].tolist(), "hoverinfo": "skip",
         "marker": {"size": 3, "color": "#c7c7c7"}},
        {"type": "scatter", "mode": "markers", "name": "zone of agreement",
         "x": ua[inside].tolist(), "y": ub[inside].tolist(), "hoverinfo": "skip",
         "marker": {"size": 4, "color": "#2ca02c", "opacity": 0.6}},
        {"type": "scatter", "mode": "lines+markers", "name": "Pareto frontier",
         "x": _nums(fa[f]), "y": _nums(fb[f]), "line": {"color": "#1f77b4"},
         "marker": {"size": 4}},
    ]
    symbols = {"nash": "star", "kalai": "diamond", "utilitarian": "square",
               "egalitarian": "triangle-up"}
    for name, s in solutions.items():
        data.append({"type": "scatter", "mode": "markers", "name": name,
                     "x": [s.utility_a], "y": [s.utility_b],
                     "marker": {"size": 14, "symbol": symbols.get(name, "circle"),
                                "line": {"color": "black", "width": 1}}})
    ra, rb = plane["ra"], plane["rb"]
    shapes = [
        {"type": "line", "x0": ra, "x1": ra, "y0": 0, "y1": 1, "yref": "paper",
         "line": {"color": "#d62728", "dash": "dash", "width": 1}},
        {"type": "line", "y0": rb, "y1": rb, "x0": 0, "x1": 1, "xref": "paper",
         "line": {"color": "#d62728", "dash": "dash", "width": 1}},
    ]
    return {"data": data, "layout": _layout(
        f"{domain.name}: utility plane", height=520, shapes=shapes,
        xaxis={"title": {"text": f"utility of {domain.a.label}"}},
        yaxis={"title": {"text": f"utility of {domain.b.label}"}})}


def trust_curve_figure(curve: TrustCurve, kappa: float) -> dict[str, Any]:
    """Zone of agreement (share of outcomes) against trust, the threshold κ* and the current κ."""
    shapes = [{"type": "line", "x0": kappa, "x1": kappa, "y0": 0, "y1": 1, "yref": "paper",
               "line": {"color": "#333333", "width": 2}}]
    if curve.threshold is not None:
        shapes.append({"type": "line", "x0": curve.threshold, "x1": curve.threshold, "y0": 0,
                       "y1": 1, "yref": "paper",
                       "line": {"color": "#d62728", "dash": "dot", "width": 1}})
    return {"data": [{"type": "scatter", "mode": "lines", "name": "zone of agreement",
                      "x": _nums(curve.trust), "y": [100 * v for v in _nums(curve.share)
                                                     if v is not None],
                      "line": {"color": "#2ca02c", "width": 3}}],
            "layout": _layout("zone of agreement against trust", height=320, shapes=shapes,
                              xaxis={"title": {"text": "trust κ"}, "range": [0, 1]},
                              yaxis={"title": {"text": "% of outcomes"}, "rangemode": "tozero"},
                              showlegend=False)}


def credibility_figure(curve: CredibilityCurve, drivers: Sequence[Driver],
                       top: int = 10) -> dict[str, Any]:
    """Posterior mean and credible band over time; the top drivers as markers on the line."""
    xs = [d.isoformat() for d in curve.dates]
    data: list[dict[str, Any]] = [
        {"type": "scatter", "mode": "lines", "name": f"{curve.level:.0%} interval (high)",
         "x": xs, "y": _nums(curve.high), "line": {"width": 0}, "showlegend": False,
         "hoverinfo": "skip"},
        {"type": "scatter", "mode": "lines", "name": f"{curve.level:.0%} credible interval",
         "x": xs, "y": _nums(curve.low), "fill": "tonexty", "line": {"width": 0},
         "fillcolor": "rgba(31,119,180,0.18)", "hoverinfo": "skip"},
        {"type": "scatter", "mode": "lines", "name": "posterior mean", "x": xs,
         "y": _nums(curve.mean), "line": {"color": "#1f77b4", "width": 2}},
    ]
    shown = [d for d in drivers if d.delta != 0.0][:top]
    if shown:
        dates = [d.event.date.end for d in shown]
        day = [c.toordinal() for c in curve.dates]
        mean = np.asarray(curve.mean, dtype=float)
        ys = [_num(np.interp(x.toordinal(), day, mean)) if day else None for x in dates]
        data.append({
            "type": "scatter", "mode": "markers", "name": "drivers",
            "x": [x.isoformat() for x in dates], "y": ys,
            "text": [f"{d.event.date} {d.event.agreement}: {d.event.type.value} "
                     f"({d.delta:+.3f})" for d in shown],
            "hoverinfo": "text",
            "marker": {"size": 10, "color": ["#2ca02c" if d.delta > 0 else "#d62728"
                                             for d in shown]}})
    who = curve.actor + (f" toward {curve.toward}" if curve.toward else " toward anyone")
    return {"data": data, "layout": _layout(f"credibility of {who}", height=420,
                                            yaxis={"range": [0, 1],
                                                   "title": {"text": "P(commitment honoured)"}})}
