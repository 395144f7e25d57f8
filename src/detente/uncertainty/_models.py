"""Every registered model over a draw axis.

:func:`run_batch` takes the stacked inputs of ``D`` draws and returns the forecast of each draw
``(D, n_issues)`` on the issues' scales (and, for the crisis model, the episode probabilities
``(D, 3)``). The baselines and the compromise, median and Nash models are numpy over the draw
axis; the EUM solves every issue of every draw as one row of one kernel call
(:func:`detente.collective._eum_kernel.eum_final`: the last round's outcomes only); the exchange
model advances all draws side by side
(:func:`detente.collective._exchange_engine.run_exchange_batch`); any other model (the
crisis model, models registered later) gets a scenario per draw through its registered batch
function or one call per draw. Each path gives the numbers :func:`detente.collective.forecast`
gives on the same inputs (tested).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from detente.scenario import OUTCOME_KINDS

__all__ = ["ARRAY_MODELS", "run_batch"]

ARRAY_MODELS = ("status_quo", "compromise", "median", "nash", "eum", "exchange")


def _to_scale(unit: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    return lo + unit * (hi - lo)


def _weights(arr: Mapping[str, Any]) -> np.ndarray:
    return np.where(arr["present"], arr["capability"] * arr["salience"], 0.0)


def _eum(arr: Mapping[str, Any], opts: dict[str, Any], threads: int | None = None
         ) -> np.ndarray:
    from detente.collective._eum import eum_settings
    from detente.collective._eum_kernel import eum_final

    settings, outcome = eum_settings(**opts)
    pos, cap, sal = arr["position"], arr["capability"], arr["salience"]
    d, n, k = pos.shape
    present = np.broadcast_to(arr["present"], pos.shape) & ~np.isnan(pos)

    def rows(a: np.ndarray) -> np.ndarray:  # (D, n, k) -> one kernel row per draw and issue
        return np.ascontiguousarray(np.swapaxes(a, 1, 2)).reshape(d * k, n)

    mean, median = eum_final(rows(np.nan_to_num(pos)), rows(cap), rows(sal), rows(present),
                             settings, threads=threads)
    return (median if outcome == "median" else mean).reshape(d, k)


def _exchange(arr: Mapping[str, Any], opts: dict[str, Any],
              rng: np.random.Generator) -> np.ndarray:
    from detente.collective._exchange import _options
    from detente.collective._exchange_engine import run_exchange_batch

    o = _options(**opts)
    present = arr["present"]
    pos, sal, cap = arr["position"], arr["salience"], arr["capability"]
    inputs = [(pos[j] * 100.0, sal[j], np.where(present, cap[j], 0.0), present)
              for j in range(pos.shape[0])]
    runs = run_exchange_batch(inputs, rounds=o["rounds"], variant=o["variant"],
                              tie_break=o["tie_break"], salience_weight=o["salience_weight"],
                              fixed_weight=o["fixed_weight"], stop_when_stable=True,
                              edge=o["edge"], rng=rng)
    out = np.empty((pos.shape[0], pos.shape[2]))
    for j, r in enumerate(runs):
        if o["outcome"] == "voting" and len(r.voting_outcomes):
            out[j] = np.asarray(r.voting_outcomes)[-1] / 100.0
        elif o["outcome"] == "voting":
            out[j] = np.asarray(r.start_outcomes)[0] / 100.0
        else:
            out[j] = np.asarray(r.start_outcomes)[-1] / 100.0
    return out


def run_batch(model: str, opts: dict[str, Any], arr: Mapping[str, Any], space: Any,
              values: np.ndarray, rng: np.random.Generator, *, threads: int | None = None
              ) -> tuple[np.ndarray, np.ndarray | None]:
    """Forecasts of ``model`` for the draws ``values`` (see the module docstring);
    ``threads``: the EUM kernel's threads (None: its default; the numbers never depend on
    it)."""
    from detente.collective import get_model
    from detente.collective._baselines import nash_bargaining, weighted_mean, weighted_median

    opts = get_model(model).resolve(opts)  # defaults filled in (idempotent)
    lo, hi = arr["scale_min"], arr["scale_max"]
    pos = arr["position"]
    d, n, k = pos.shape
    w = _weights(arr)
    dead = w.sum(axis=1) <= 0  # (D, k): no forecast where nobody has weight
    if model == "status_quo":
        unit = np.broadcast_to(arr["status_quo"], (d, k)).copy()
        return _to_scale(unit, lo, hi), None
    if model == "compromise":
        return _to_scale(weighted_mean(pos, w), lo, hi), None
    if model == "median":
        return _to_scale(weighted_median(pos, w), lo, hi), None
    if model == "nash":
        def flat(a: np.ndarray) -> np.ndarray:  # draws as extra issues: (n, D·k)
            return np.swapaxes(a, 0, 1).reshape(n, d * k)

        capw = np.where(arr["present"], arr["capability"], 0.0)
        sq = np.tile(arr["status_quo"], d)
        unit = nash_bargaining(flat(pos), flat(arr["salience"]), flat(capw), sq,
                               float(opts.get("exponent", 2)))
        return _to_scale(unit.reshape(d, k), lo, hi), None
    if model == "eum":
        unit = np.where(dead, np.nan, _eum(arr, opts, threads))
        return _to_scale(unit, lo, hi), None
    if model == "exchange":
        unit = np.where(dead, np.nan, _exchange(arr, opts, rng))
        return _to_scale(unit, lo, hi), None
    return _by_scenario(model, opts, space, values, rng)


def _by_scenario(model: str, opts: dict[str, Any], space: Any, values: np.ndarray,
                 rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray | None]:
    from detente.collective import get_model

    spec = get_model(model)
    scenarios = [space.scenario_at(values[j]) for j in range(values.shape[0])]
    if spec.batch is not None:
        fcs = spec.batch(scenarios, rng=rng, **opts)
    else:
        fcs = [spec.func(s, s.compile(), rng=g, **opts)
               for s, g in zip(scenarios, rng.spawn(len(scenarios)), strict=True)]
    out = np.array([f.outcomes for f in fcs], dtype=float).reshape(len(fcs), -1)
    if any(f.episode is not None for f in fcs):
        ep = np.array([[float((f.episode or {}).get(kd, np.nan)) for kd in OUTCOME_KINDS]
                       for f in fcs])
        return out, ep
    return out, None
