"""Which number would change this forecast: Sobol and Morris indices (SALib).

The varying inputs are those of :class:`~detente.uncertainty.InputSpace` (distributions in the
scenario, and a jitter for the rest). SALib samples the unit hypercube; each input is its
distribution's inverse distribution function of its coordinate, so the indices are those of
the inputs as distributed (they do not change under such a monotone map of one input). The model
runs once on all the sampled rows (batched, :mod:`._models`).

- Sobol (Saltelli sampling, ``N·(k + 2)`` runs): first-order ``S1`` (the share of the
  forecast's variance an input explains alone) and total ``ST`` (with its interactions).
- Morris (elementary effects, ``r·(k + 1)`` runs): ``mu_star`` (mean absolute effect of
  moving the input across its range, in the issue's units) and ``sigma`` (non-linearity and
  interactions).

References: Sobol', I. M. (2001), Global sensitivity indices for nonlinear mathematical models
and their Monte Carlo estimates, Mathematics and Computers in Simulation 55, 271-280; Saltelli,
A. (2002), Making best use of model evaluations to compute sensitivity indices, Computer Physics
Communications 145, 280-297; Morris, M. D. (1991), Factorial sampling plans for preliminary
computational experiments, Technometrics 33(2), 161-174; Campolongo, F., Cariboni, J. &
Saltelli, A. (2007), An effective screening design for sensitivity analysis of large models,
Environmental Modelling & Software 22, 1509-1518 (``mu_star``); Herman, J. & Usher, W. (2017),
SALib: an open-source Python library for sensitivity analysis, Journal of Open Source Software
2(9), 97.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from detente.errors import InputError
from detente.scenario import Scenario
from detente.uncertainty._inputs import InputSpace, Jitter, parse_jitter
from detente.uncertainty._models import run_batch

__all__ = ["InputIndex", "SensitivityResult", "indices", "sensitivity"]


@dataclass(frozen=True)
class InputIndex:
    """One input's indices on one issue (Sobol: ``s1``, ``st`` and their 95 % confidence
    half-widths; Morris: ``mu_star``, ``sigma``, ``mu_star_conf``)."""

    input: str
    actor: str
    s1: float = float("nan")
    s1_conf: float = float("nan")
    st: float = float("nan")
    st_conf: float = float("nan")
    mu_star: float = float("nan")
    mu_star_conf: float = float("nan")
    sigma: float = float("nan")

    @property
    def key(self) -> float:
        return self.st if not np.isnan(self.st) else self.mu_star


@dataclass(frozen=True)
class SensitivityResult:
    """Per issue, every input's indices, most influential first (``ranking``), and per actor
    the sum of its inputs' indices (``actors``). Issues whose forecast no input moves (or that
    have no forecast) are left out."""

    scenario: str
    model: str
    method: str
    runs: int
    inputs: tuple[str, ...]
    ranking: Mapping[str, tuple[InputIndex, ...]]
    actors: Mapping[str, tuple[tuple[str, float], ...]]
    skipped: Mapping[str, str] = field(default_factory=dict)
    """Issues left out of ``ranking``, with the reason (no forecast, or a forecast no input
    moves)."""
    issue_names: Mapping[str, str] = field(default_factory=dict)
    """Each issue's name (its label: the id when it has none), for tables and figures."""

    def label(self, issue: str) -> str:
        """The issue's name as every face shows it (the id when it has none)."""
        return self.issue_names.get(issue, issue)

    def index(self, issue: str, name: str) -> InputIndex:
        for x in self.ranking[issue]:
            if x.input == name:
                return x
        raise InputError(f"no input '{name}' on issue '{issue}'")

    def as_dict(self) -> dict[str, Any]:
        def num(x: float) -> float | None:
            return None if np.isnan(x) else float(x)

        fields = (("s1", "s1_conf", "st", "st_conf") if self.method == "sobol"
                  else ("mu_star", "mu_star_conf", "sigma"))
        return {
            "scenario": self.scenario, "model": self.model, "method": self.method,
            "runs": self.runs, "inputs": list(self.inputs),
            "issues": {iss: [{"input": x.input, **{f: num(getattr(x, f)) for f in fields}}
                             for x in xs] for iss, xs in self.ranking.items()},
            "actors": {iss: [{"actor": a, "index": num(v)} for a, v in xs]
                       for iss, xs in self.actors.items()},
            "skipped": dict(self.skipped),
            "issue_names": {iss: self.label(iss) for iss in (*self.ranking, *self.skipped)},
        }


def sensitivity(
    scenario: Scenario,
    model: str = "compromise",
    *,
    method: str = "sobol",
    inputs: Sequence[str] = (),
    jitter: Jitter | str | None = None,
    n: int = 512,
    seed: int = 0,
    options: Mapping[str, Any] | None = None,
) -> SensitivityResult:
    """Sobol or Morris indices of each issue's forecast by ``model`` to its uncertain inputs.

    ``inputs`` keeps some (``ACTOR.ISSUE.FIELD``, ``ACTOR.FIELD``, an actor, an issue or a field
    name); ``jitter`` makes the inputs without a distribution vary; ``n`` is Sobol's base sample
    (a power of two) or Morris's number of trajectories.
    """
    from detente.collective import get_model

    if method not in ("sobol", "morris"):
        raise InputError(f"method must be 'sobol' or 'morris', got {method!r}")
    if n < 2:
        raise InputError(f"n must be ≥ 2, got {n}")
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise InputError(f"seed must be a whole number ≥ 0, got {seed!r}")
    if method == "sobol" and n & (n - 1):
        raise InputError(f"Sobol's base sample must be a power of two (Sobol' points keep "
                         f"their balance only then), e.g. {1 << max(1, (n - 1).bit_length())}; "
                         f"got {n}")
    jit = parse_jitter(jitter) if isinstance(jitter, str) or jitter is None else jitter
    space = InputSpace.of(scenario, jit, tuple(inputs))
    k = len(space.inputs)
    if k < 2:
        raise InputError(
            f"sensitivity needs at least two varying inputs, found {k}: give distributions in "
            "the scenario (e.g. position: 60 ± 10) or a jitter (e.g. position=10,salience=25%)"
            + (f"; --input kept only {', '.join(inputs)}" if inputs else ""))
    opts = get_model(model).resolve(dict(options or {}))

    seen: list[np.ndarray] = []

    def run(values: np.ndarray) -> np.ndarray:
        y, _ = run_batch(model, opts, space.arrays(values), space, values,
                         np.random.default_rng(seed))
        seen.append(np.asarray(y, dtype=float).reshape(len(values), -1))
        return y

    runs, ranking, actors = indices(space, run, scenario.issue_ids, method=method, n=n,
                                    seed=seed)
    skipped: dict[str, str] = {}
    ys = np.concatenate(seen) if seen else np.empty((0, len(scenario.issue_ids)))
    for j, iss in enumerate(scenario.issue_ids):
        if iss in ranking or ys.shape[0] == 0:
            continue
        col = ys[:, j]
        ok = np.isfinite(col)
        if not ok.any():
            skipped[iss] = f"the {model} model gives no forecast on this issue in any run"
        elif not ok.all():
            skipped[iss] = (f"the {model} model gives no forecast on this issue in "
                            f"{int((~ok).sum()):,} of {len(col):,} runs")
        else:
            skipped[iss] = (f"no varying input moves the {model} forecast: it is "
                            f"{float(col[0]):g} in every run")
    return SensitivityResult(scenario.name, model, method, runs, space.names, ranking, actors,
                             skipped, {i.id: i.label for i in scenario.issues})


def indices(space: InputSpace, func: Callable[[np.ndarray], np.ndarray],
            outputs: Sequence[str], *, method: str = "sobol", n: int = 512, seed: int = 0
            ) -> tuple[int, dict[str, tuple[InputIndex, ...]],
                       dict[str, tuple[tuple[str, float], ...]]]:
    """SALib's indices of each output of ``func`` (inputs ``(N, k)`` on their own scales →
    ``(N, len(outputs))``) to the inputs of ``space``: the number of runs, the inputs ranked
    per output and the sums per actor."""
    from SALib.analyze import morris as morris_analyze
    from SALib.analyze import sobol as sobol_analyze
    from SALib.sample import morris as morris_sample
    from SALib.sample import sobol as sobol_sample

    k = len(space.inputs)
    problem = {"num_vars": k, "names": list(space.names), "bounds": [[0.0, 1.0]] * k}
    if method == "sobol":
        u = sobol_sample.sample(problem, n, calc_second_order=False, seed=seed)
    else:
        u = morris_sample.sample(problem, n, num_levels=4, seed=seed)
    # keep clear of the bounds: the inverse functions of unbounded laws are infinite there
    u = np.clip(u, 1e-9, 1 - 1e-9)
    values = space.values(u)
    y = np.asarray(func(values), dtype=float).reshape(len(values), -1)
    ranking: dict[str, tuple[InputIndex, ...]] = {}
    actors: dict[str, tuple[tuple[str, float], ...]] = {}
    for j, iss in enumerate(outputs):
        col = y[:, j]
        if not np.all(np.isfinite(col)) or np.ptp(col) == 0:
            continue  # no forecast, or none of the inputs moves it
        idx: list[InputIndex] = []
        if method == "sobol":
            r: dict[str, Any] = sobol_analyze.analyze(
                problem, col, calc_second_order=False, seed=seed, print_to_console=False)
            for q, x in enumerate(space.inputs):
                idx.append(InputIndex(x.name, x.actor, s1=float(r["S1"][q]),
                                      s1_conf=float(r["S1_conf"][q]), st=float(r["ST"][q]),
                                      st_conf=float(r["ST_conf"][q])))
        else:
            r = morris_analyze.analyze(problem, u, col, num_levels=4, seed=seed,
                                       print_to_console=False)
            for q, x in enumerate(space.inputs):
                idx.append(InputIndex(x.name, x.actor, mu_star=float(r["mu_star"][q]),
                                      mu_star_conf=float(r["mu_star_conf"][q]),
                                      sigma=float(r["sigma"][q])))
        idx.sort(key=lambda z: -z.key if np.isfinite(z.key) else 0.0)
        ranking[iss] = tuple(idx)
        per: dict[str, float] = {}
        for z in idx:
            v = z.s1 if method == "sobol" else z.mu_star
            per[z.actor] = per.get(z.actor, 0.0) + (v if np.isfinite(v) else 0.0)
        actors[iss] = tuple(sorted(per.items(), key=lambda t: -t[1]))
    return int(values.shape[0]), ranking, actors
