"""Sensitivity of credibility to its settings (half-life, allegation weight, …).

Credibility (:func:`detente.record.credibility`) depends on settings an analyst chooses. Here
each chosen setting varies uniformly over a range (:data:`RANGES`), SALib samples them (Sobol or
Morris) and the posterior mean credibility is recomputed for each row: which setting moves the
figure, and how far (the range of the mean over the sample is reported too).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np

from detente.errors import InputError

__all__ = ["RANGES", "CredibilitySensitivity", "credibility_sensitivity"]

RANGES: dict[str, tuple[float, float]] = {
    "half_life_years": (2.0, 30.0),
    "allegation": (0.0, 1.0),
    "disputed_factor": (0.3, 1.0),
    "prior_kept": (0.5, 2.0),
    "prior_broken": (0.5, 2.0),
}
"""Default range of each setting (``allegation``: the weight of an allegation beside an
established finding's 1)."""


@dataclass(frozen=True)
class CredibilitySensitivity:
    """Indices of the posterior mean credibility to each setting, most influential first;
    ``low``/``high``: the smallest and largest mean over the sample."""

    actor: str
    toward: str | None
    as_of: date
    method: str
    runs: int
    base: float
    low: float
    high: float
    indices: tuple[tuple[str, float, float], ...]  # setting, S1 or mu*, ST or sigma

    def as_dict(self) -> dict[str, Any]:
        k1, k2 = ("s1", "st") if self.method == "sobol" else ("mu_star", "sigma")
        return {"actor": self.actor, "toward": self.toward, "as_of": self.as_of.isoformat(),
                "method": self.method, "runs": self.runs, "mean_at_settings": self.base,
                "mean_low": self.low, "mean_high": self.high,
                "settings": [{"setting": s, k1: a, k2: b} for s, a, b in self.indices]}


def _settings(base: Any, name: str, value: float) -> dict[str, Any]:
    if name == "allegation":
        return {"evidence_weights": {**dict(base.evidence_weights), "allegation": value}}
    return {name: value}


def credibility_sensitivity(
    record: Any, actor: str, toward: str | None = None, as_of: date | str | None = None, *,
    settings: Sequence[str] = tuple(RANGES),
    ranges: Mapping[str, tuple[float, float]] | None = None,
    method: str = "morris", n: int = 16, seed: int = 0,
) -> CredibilitySensitivity:
    """Sobol or Morris indices of ``actor``'s credibility (to ``toward``) to ``settings``."""
    from SALib.analyze import morris as morris_analyze
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import morris as morris_sample
    from SALib.sample import sobol as sobol_sample

    from detente.record import CredibilitySettings, credibility

    rng_map = {**RANGES, **dict(ranges or {})}
    names = list(dict.fromkeys(settings))
    unknown = [s for s in names if s not in rng_map]
    if unknown:
        raise InputError(f"unknown credibility setting(s) {', '.join(unknown)}; expected "
                         f"{', '.join(RANGES)}")
    if len(names) < 2:
        raise InputError("credibility sensitivity needs at least two settings")
    if method not in ("sobol", "morris"):
        raise InputError(f"method must be 'sobol' or 'morris', got {method!r}")
    problem = {"num_vars": len(names), "names": names, "bounds": [list(rng_map[s])
                                                                  for s in names]}
    x = (sobol_sample.sample(problem, n, calc_second_order=False, seed=seed)
         if method == "sobol" else morris_sample.sample(problem, n, num_levels=4, seed=seed))
    base_settings = CredibilitySettings()
    base = credibility(record, actor, toward, as_of, base_settings)
    y = np.empty(len(x))
    for j, row in enumerate(x):
        kw: dict[str, Any] = {}
        for name, v in zip(names, row, strict=True):
            upd = _settings(base_settings, name, float(v))
            if "evidence_weights" in upd and "evidence_weights" in kw:
                upd["evidence_weights"] = {**kw["evidence_weights"],
                                           **upd["evidence_weights"]}
            kw.update(upd)
        y[j] = credibility(record, actor, toward, base.as_of,
                           CredibilitySettings(**kw)).mean
    if method == "sobol":
        r = sobol_analyze.analyze(problem, y, calc_second_order=False, seed=seed)
        idx = [(s, float(r["S1"][k]), float(r["ST"][k])) for k, s in enumerate(names)]
        idx.sort(key=lambda t: -t[2])
    else:
        r = morris_analyze.analyze(problem, x, y, num_levels=4, seed=seed)
        idx = [(s, float(r["mu_star"][k]), float(r["sigma"][k])) for k, s in enumerate(names)]
        idx.sort(key=lambda t: -t[1])
    return CredibilitySensitivity(actor, toward, base.as_of, method, len(x), base.mean,
                                  float(y.min()), float(y.max()), tuple(idx))
