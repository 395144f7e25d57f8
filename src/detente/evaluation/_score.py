"""Scoring forecasts against what happened: issue errors, the episode's Brier score, baselines.

Issue positions are scored by the absolute error on a 0–100 scale (the issue's own scale mapped
to 0–100, so cases on other scales pool fairly), summarised as the mean (MAE) and the median
absolute error, as in Achen (2006) and Thomson et al. (2006) on the DEU data. The episode outcome
(agreement / no_agreement / escalation) is scored by the multi-class Brier score (Brier 1950)

    BS = Σ_k (p_k − o_k)²,   k ∈ {agreement, no_agreement, escalation},

with ``o_k`` = 1 for the outcome that happened and 0 otherwise (0 is perfect; 2 is certain and
wrong; the uniform forecast scores 2/3). Beside it, the binary Brier score of P(escalation),
``(p_escalation − o_escalation)²`` (0 perfect, 1 certain and wrong, 0.25 for a coin), the one
question a crisis forecast must answer: does it come to force? Their baseline is the base rate:
each case is forecast by the frequencies of the outcomes of the *other* cases scored
(leave-one-case-out), so a case's own outcome never informs its baseline.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from detente._rng import as_generator
from detente.collective import Forecast, forecast_many, get_model
from detente.errors import InputError
from detente.scenario import OUTCOME_KINDS, Dataset, Scenario

__all__ = [
    "BASE_RATE",
    "BASELINES",
    "Comparison",
    "EpisodeScore",
    "EvaluationReport",
    "IssueScore",
    "ModelScore",
    "base_rate",
    "brier_escalation",
    "brier_score",
    "compare",
    "cross_validate",
    "evaluate",
]

BASELINES: tuple[str, ...] = ("status_quo", "compromise")
"""Models always scored beside the ones asked for: nothing changes, and the field's standard."""

BASE_RATE = "base_rate"
"""Name of the episode-outcome baseline (leave-one-case-out frequencies) in reports."""


def brier_score(probabilities: Mapping[str, float], observed: str) -> float:
    """Multi-class Brier score ``Σ_k (p_k − o_k)²`` over :data:`OUTCOME_KINDS` (Brier 1950).

    Kinds missing from ``probabilities`` count as probability 0.
    """
    if observed not in OUTCOME_KINDS:
        raise InputError(
            f"unknown outcome kind {observed!r}; expected one of {', '.join(OUTCOME_KINDS)}"
        )
    return float(
        sum((float(probabilities.get(k, 0.0)) - (k == observed)) ** 2 for k in OUTCOME_KINDS)
    )


def brier_escalation(probabilities: Mapping[str, float], observed: str) -> float:
    """Binary Brier score of P(escalation): ``(p_escalation − [observed = escalation])²``.

    A missing ``escalation`` key counts as probability 0.
    """
    if observed not in OUTCOME_KINDS:
        raise InputError(
            f"unknown outcome kind {observed!r}; expected one of {', '.join(OUTCOME_KINDS)}"
        )
    return float((float(probabilities.get("escalation", 0.0)) - (observed == "escalation")) ** 2)


def base_rate(outcomes: Sequence[str]) -> dict[str, float]:
    """Relative frequency of each outcome kind in ``outcomes`` (uniform if there are none)."""
    if not outcomes:
        return {k: 1.0 / len(OUTCOME_KINDS) for k in OUTCOME_KINDS}
    return {k: sum(o == k for o in outcomes) / len(outcomes) for k in OUTCOME_KINDS}


@dataclass(frozen=True)
class IssueScore:
    """One model's forecast on one issue of one case, and its error.

    ``error`` is ``|forecast − observed|`` on the issue's scale mapped to 0–100 (NaN where the
    model gives no forecast).
    """

    case: str
    issue: str
    model: str
    forecast: float
    observed: float
    error: float
    scale_min: float = 0.0
    scale_max: float = 100.0


@dataclass(frozen=True)
class EpisodeScore:
    """One model's probabilities for a case's episode outcome, and their Brier scores
    (multi-class, and binary on P(escalation))."""

    case: str
    model: str
    observed: str
    probabilities: Mapping[str, float]
    brier: float

    @property
    def brier_escalation(self) -> float:
        """Binary Brier score of P(escalation) (see :func:`brier_escalation`)."""
        return brier_escalation(self.probabilities, self.observed)


@dataclass(frozen=True)
class ModelScore:
    """A model's summary over the cases scored.

    ``mae``/``median_ae`` pool every scored issue (each issue counts once); ``case_mae`` is the
    MAE within each case and ``mean_case_mae`` their mean (each case counts once). ``brier`` is
    the mean Brier score over the ``n_episodes`` cases where the model gave probabilities,
    ``brier_escalation`` the mean binary Brier score of P(escalation) over the same cases.
    """

    model: str
    n: int
    skipped: int
    mae: float
    median_ae: float
    case_mae: Mapping[str, float]
    mean_case_mae: float
    brier: float = math.nan
    n_episodes: int = 0
    notes: tuple[str, ...] = ()
    brier_escalation: float = math.nan

    @property
    def gives_positions(self) -> bool:
        return self.n > 0 or self.skipped > 0


@dataclass(frozen=True)
class EvaluationReport:
    """Every model's scores on a set of cases, the status-quo and base-rate baselines included."""

    cases: tuple[str, ...]
    models: tuple[ModelScore, ...]
    issues: tuple[IssueScore, ...]
    episodes: tuple[EpisodeScore, ...]
    outcomes: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    def model(self, name: str) -> ModelScore:
        for m in self.models:
            if m.model == name:
                return m
        raise KeyError(f"no model '{name}' in this evaluation")

    def mae_by_outcome(self) -> dict[str, dict[str, float]]:
        """Pooled MAE per model over the issues of the cases with each episode outcome
        (``{model: {kind: MAE}}``; kinds without a case are left out)."""
        out: dict[str, dict[str, list[float]]] = {}
        for r in self.issues:
            kind = self.outcomes.get(r.case)
            if kind is None or math.isnan(r.error):
                continue
            out.setdefault(r.model, {}).setdefault(kind, []).append(r.error)
        return {m: {k: float(np.mean(v)) for k, v in d.items()} for m, d in out.items()}

    def brier_skill(self, model: str, *, escalation: bool = False) -> float:
        """Brier skill score against the base rate, ``1 − BS_model / BS_base``, on the cases
        where ``model`` gave probabilities (> 0: better than the base rate; NaN: none);
        ``escalation=True`` scores the binary Brier score of P(escalation) instead."""

        def score(e: EpisodeScore) -> float:
            return e.brier_escalation if escalation else e.brier

        own = {e.case: score(e) for e in self.episodes if e.model == model}
        base = {e.case: score(e) for e in self.episodes if e.model == BASE_RATE}
        cases = [c for c in own if c in base]
        if not cases or model == BASE_RATE:
            return math.nan
        ref = float(np.mean([base[c] for c in cases]))
        if ref == 0:
            return math.nan
        return 1.0 - float(np.mean([own[c] for c in cases])) / ref

    def as_dict(self, per_issue: bool = True) -> dict[str, Any]:
        """JSON-ready: every NaN becomes ``null``."""
        doc: dict[str, Any] = {
            "cases": list(self.cases),
            "error_scale": "absolute error in points of a 0-100 scale",
            "brier": "multi-class Brier score over agreement, no_agreement, escalation (0-2)",
            "models": [
                {
                    "model": m.model,
                    "n": m.n,
                    "skipped": m.skipped,
                    "mae": _num(m.mae),
                    "median_ae": _num(m.median_ae),
                    "mean_case_mae": _num(m.mean_case_mae),
                    "case_mae": {c: _num(v) for c, v in m.case_mae.items()},
                    "brier": _num(m.brier),
                    "brier_skill": _num(self.brier_skill(m.model)),
                    "brier_escalation": _num(m.brier_escalation),
                    "brier_escalation_skill": _num(self.brier_skill(m.model,
                                                                    escalation=True)),
                    "n_episodes": m.n_episodes,
                    **({"notes": list(m.notes)} if m.notes else {}),
                }
                for m in self.models
            ],
            "outcomes": dict(self.outcomes),
            "mae_by_outcome": {m: {k: _num(v) for k, v in d.items()}
                               for m, d in self.mae_by_outcome().items()},
        }
        if per_issue:
            doc["issues"] = [
                {
                    "case": s.case,
                    "issue": s.issue,
                    "model": s.model,
                    "forecast": _num(s.forecast),
                    "observed": _num(s.observed),
                    "error": _num(s.error),
                }
                for s in self.issues
            ]
            doc["episodes"] = [
                {
                    "case": e.case,
                    "model": e.model,
                    "observed": e.observed,
                    "probabilities": {k: _num(v) for k, v in e.probabilities.items()},
                    "brier": _num(e.brier),
                    "brier_escalation": _num(e.brier_escalation),
                }
                for e in self.episodes
            ]
        if self.notes:
            doc["notes"] = list(self.notes)
        return doc


def _num(x: float) -> float | None:
    x = float(x)
    return None if math.isnan(x) or math.isinf(x) else x


@dataclass(frozen=True)
class _Case:
    name: str
    scenario: Scenario
    observed: Mapping[str, float]
    outcome: str | None


def _cases(items: Scenario | Dataset | Sequence[Scenario]) -> tuple[list[_Case], list[str]]:
    notes: list[str] = []
    out: list[_Case] = []
    seen: dict[str, int] = {}

    def name_of(base: str) -> str:
        seen[base] = seen.get(base, 0) + 1
        return base if seen[base] == 1 else f"{base}#{seen[base]}"

    if isinstance(items, Dataset):
        for c in items.scored().cases:
            out.append(_Case(name_of(c.scenario.name), c.scenario, dict(c.observed), None))
        return out, notes
    scenarios = [items] if isinstance(items, Scenario) else list(items)
    for sc in scenarios:
        obs = sc.observed
        kind = sc.outcome.kind if sc.outcome is not None else None
        if not obs and kind is None:
            notes.append(f"case '{sc.name}' has no observed outcome and was not scored")
            continue
        out.append(_Case(name_of(sc.name), sc, obs, kind))
    return out, notes


def _episode(fc_episode: Mapping[str, float] | None) -> tuple[dict[str, float] | None, str]:
    """The model's episode probabilities if usable, else ``None`` and why."""
    if fc_episode is None:
        return None, ""
    probs = {str(k): float(v) for k, v in fc_episode.items()}
    unknown = set(probs) - set(OUTCOME_KINDS)
    if unknown:
        return None, f"unknown outcome kind(s) {', '.join(sorted(unknown))}"
    if any(not 0.0 <= v <= 1.0 for v in probs.values()) or abs(sum(probs.values()) - 1) > 1e-6:
        return None, "probabilities are not in [0, 1] or do not sum to 1"
    return probs, ""


def evaluate(
    cases: Scenario | Dataset | Sequence[Scenario],
    models: Sequence[str] | None = None,
    *,
    options: Mapping[str, Mapping[str, Any]] | None = None,
    baselines: Sequence[str] = BASELINES,
    rng: int | None = 0,
) -> EvaluationReport:
    """Score ``models`` (``None``: every registered model) on cases with observed outcomes.

    ``cases`` are scenarios with ``observed`` issues and/or an episode ``outcome`` (cases with
    neither are left out with a note), or a DEU :class:`~detente.scenario.Dataset`. The
    ``baselines`` (the status quo and the compromise model) are always scored beside the models;
    the episode outcome is scored for models whose forecast gives probabilities
    (``Forecast.episode``), beside the leave-one-case-out base rate. ``options`` maps a model name
    to its options; ``rng`` seeds models with random elements (the same seed for each model).
    """
    from detente.collective import list_models

    scored, notes = _cases(cases)
    if not scored:
        given = ([] if isinstance(cases, Dataset) else
                 [cases] if isinstance(cases, Scenario) else list(cases))
        named = ", ".join(f"'{s.name}'" for s in given) or "(none given)"
        raise InputError(
            f"no case to score among {named}: expected scenarios with an 'observed' value on "
            "at least one issue or an episode 'outcome' (see docs/evaluation.md)"
        )
    names = list(models) if models is not None else [m.name for m in list_models()]
    for base in reversed(baselines):
        if base not in names:
            names.insert(0, base)
    opts = dict(options or {})
    for n in names:
        get_model(n)  # unknown names fail before any work
    for n in opts:
        if n not in names:
            raise InputError(f"options given for model '{n}', which is not being evaluated")

    issue_rows: list[IssueScore] = []
    episode_rows: list[EpisodeScore] = []
    summaries: list[ModelScore] = []
    for name in names:
        rows: list[IssueScore] = []
        model_notes: list[str] = []
        briers: list[float] = []
        esc: list[float] = []
        forecasts = _run(name, scored, opts.get(name, {}), rng, model_notes)
        for case, fc in zip(scored, forecasts, strict=True):
            missing = []
            for issue_id, obs in case.observed.items():
                iss = case.scenario.issue(issue_id)
                pred = math.nan if fc is None else fc.outcome(issue_id)
                span = iss.scale_max - iss.scale_min
                err = abs(pred - obs) / span * 100.0 if not math.isnan(pred) else math.nan
                rows.append(IssueScore(case.name, issue_id, name, pred, obs, err,
                                       iss.scale_min, iss.scale_max))
                if math.isnan(pred):
                    missing.append(issue_id)
            if fc is None:
                continue
            if missing:
                why = "; ".join(fc.notes) or "no reason given"
                model_notes.append(
                    f"{case.name}: no forecast on {', '.join(missing)} ({why})"
                )
            if case.outcome is not None:
                probs, problem = _episode(fc.episode)
                if probs is not None:
                    b = brier_score(probs, case.outcome)
                    briers.append(b)
                    esc.append(brier_escalation(probs, case.outcome))
                    episode_rows.append(EpisodeScore(case.name, name, case.outcome, probs, b))
                elif problem:
                    model_notes.append(f"{case.name}: episode probabilities not scored: "
                                       f"{problem}")
        issue_rows.extend(rows)
        summaries.append(_summary(name, rows, briers, tuple(model_notes), esc))

    # the base rate, leave-one-case-out
    with_outcome = [c for c in scored if c.outcome is not None]
    if with_outcome:
        kinds = [c.outcome for c in with_outcome if c.outcome is not None]
        base_briers: list[float] = []
        base_esc: list[float] = []
        for k, case in enumerate(with_outcome):
            probs = base_rate(kinds[:k] + kinds[k + 1:])
            score = brier_score(probs, kinds[k])
            base_briers.append(score)
            base_esc.append(brier_escalation(probs, kinds[k]))
            episode_rows.append(EpisodeScore(case.name, BASE_RATE, kinds[k], probs, score))
        base_note = (
            "each case forecast by the outcome frequencies of the other cases scored "
            "(leave-one-case-out)" + ("; a single case gets the uniform 1/3" if
                                      len(with_outcome) == 1 else "")
        )
        summaries.append(_summary(BASE_RATE, [], base_briers, (base_note,), base_esc))
    return EvaluationReport(
        cases=tuple(c.name for c in scored),
        models=tuple(summaries),
        issues=tuple(issue_rows),
        episodes=tuple(episode_rows),
        outcomes={c.name: c.outcome for c in scored if c.outcome is not None},
        notes=tuple(notes),
    )


def _run(
    name: str, scored: Sequence[_Case], opts: Mapping[str, Any], rng: int | None,
    notes: list[str],
) -> list[Forecast | None]:
    """Forecasts of every case; a case the model cannot take (an input error, e.g. inputs the
    model needs and the case lacks) gets ``None`` and a note instead of stopping the run.

    Each case gets its own random stream, seeded with ``rng`` as ``detente forecast CASE
    --seed RNG`` seeds it, so a case's figures do not depend on which cases precede it or on
    the subset scored. Only a model with a batched kernel (EUM, exchange) runs the cases in one
    call, with the streams its kernel gives them."""
    results: list[Forecast | None] = []
    from detente.collective import get_model

    spec = get_model(name)
    spec.resolve(opts)  # a wrong option is the user's mistake, not the case's
    if len(scored) > 1 and spec.batch is not None:
        try:
            results.extend(forecast_many([c.scenario for c in scored], name, rng=rng, **opts))
            return results
        except InputError:
            pass  # find which case, one at a time
    for case in scored:
        try:
            results.append(forecast_many([case.scenario], name, rng=rng, **opts)[0])
        except InputError as e:
            notes.append(f"{case.name}: the model could not run: {e}")
            results.append(None)
    return results


def _summary(
    name: str, rows: Sequence[IssueScore], briers: Sequence[float], notes: tuple[str, ...],
    esc: Sequence[float] = (),
) -> ModelScore:
    errs = np.array([r.error for r in rows], dtype=float)
    ok = errs[~np.isnan(errs)]
    by_case: dict[str, list[float]] = {}
    for r in rows:
        if not math.isnan(r.error):
            by_case.setdefault(r.case, []).append(r.error)
    case_mae = {c: float(np.mean(v)) for c, v in by_case.items()}
    return ModelScore(
        model=name,
        n=int(ok.size),
        skipped=int(errs.size - ok.size),
        mae=float(ok.mean()) if ok.size else math.nan,
        median_ae=float(np.median(ok)) if ok.size else math.nan,
        case_mae=case_mae,
        mean_case_mae=float(np.mean(list(case_mae.values()))) if case_mae else math.nan,
        brier=float(np.mean(briers)) if briers else math.nan,
        n_episodes=len(briers),
        notes=notes,
        brier_escalation=float(np.mean(esc)) if esc else math.nan,
    )


@dataclass(frozen=True)
class Comparison:
    """Model ``model`` against ``baseline`` on the issues both forecast.

    ``difference`` is MAE(model) − MAE(baseline) on those issues (negative: the model is better);
    ``low``/``high`` bound its ``level`` percentile interval from a bootstrap that resamples whole
    cases (issues of one case are not independent; Efron & Tibshirani 1993, ch. 13), NaN with a
    single case (resampling it says nothing about other cases); ``wins``,
    ``losses`` and ``ties`` count issues where the model's error is smaller, larger or equal.
    """

    model: str
    baseline: str
    n: int
    difference: float
    low: float
    high: float
    level: float
    wins: int
    losses: int
    ties: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "model": self.model, "baseline": self.baseline, "n": self.n,
            "difference": _num(self.difference), "low": _num(self.low), "high": _num(self.high),
            "level": self.level, "wins": self.wins, "losses": self.losses, "ties": self.ties,
        }


def compare(
    report: EvaluationReport,
    model: str,
    baseline: str = "status_quo",
    *,
    level: float = 0.95,
    n_boot: int = 4000,
    rng: np.random.Generator | int | None = 0,
) -> Comparison:
    """Paired comparison of two models' absolute errors, with a case-bootstrap interval."""
    if not 0 < level < 1:
        raise InputError(f"level must be between 0 and 1, got {level}")
    a = {(r.case, r.issue): r.error for r in report.issues if r.model == model}
    b = {(r.case, r.issue): r.error for r in report.issues if r.model == baseline}
    if not a:
        raise InputError(f"no model '{model}' in this evaluation")
    if not b:
        raise InputError(f"no model '{baseline}' in this evaluation")
    keys = [k for k in a if k in b and not math.isnan(a[k]) and not math.isnan(b[k])]
    if not keys:
        return Comparison(model, baseline, 0, math.nan, math.nan, math.nan, level, 0, 0, 0)
    d = np.array([a[k] - b[k] for k in keys])
    cases = list(dict.fromkeys(k[0] for k in keys))
    index = {c: i for i, c in enumerate(cases)}
    case_of = np.array([index[k[0]] for k in keys])
    sums = np.bincount(case_of, weights=d, minlength=len(cases))
    counts = np.bincount(case_of, minlength=len(cases)).astype(float)
    if len(cases) < 2:  # resampling one case gives that case back: no interval, not [d, d]
        lo = hi = math.nan
    else:
        gen = as_generator(rng)
        draws = gen.integers(0, len(cases), size=(n_boot, len(cases)))
        boot = sums[draws].sum(axis=1) / counts[draws].sum(axis=1)
        alpha = (1 - level) / 2
        lo, hi = np.quantile(boot, [alpha, 1 - alpha])
    return Comparison(
        model, baseline, len(keys), float(d.mean()), float(lo), float(hi), level,
        int((d < 0).sum()), int((d > 0).sum()), int((d == 0).sum()),
    )


def cross_validate(
    cases: Sequence[Scenario],
    model: str,
    tune: Any,
    *,
    rng: int | None = 0,
) -> EvaluationReport:
    """Leave-one-case-out scores of a tuned ``model``: for each case, ``tune(other_cases)``
    returns the model's options, which then forecast the held-out case only.

    The report has one model row, named ``"<model> (leave-one-case-out)"``, beside the status
    quo and the compromise scored on the same cases; ``diagnostics`` of each fold are not kept.
    """
    from detente.evaluation._splits import leave_one_case_out

    scored = [c for c in cases if c.observed or c.outcome is not None]
    if len(scored) < 2:
        raise InputError("cross-validation needs at least two cases with observed outcomes")
    label = f"{model} (leave-one-case-out)"
    rows: list[IssueScore] = []
    episodes: list[EpisodeScore] = []
    briers: list[float] = []
    esc: list[float] = []
    notes: list[str] = []
    for train, held in leave_one_case_out(scored):
        opts = dict(tune(train) or {})
        one = evaluate([held], [model], options={model: opts}, baselines=(), rng=rng)
        rows.extend(IssueScore(r.case, r.issue, label, r.forecast, r.observed, r.error,
                               r.scale_min, r.scale_max)
                    for r in one.issues if r.model == model)
        for e in one.episodes:
            if e.model == model:
                episodes.append(EpisodeScore(e.case, label, e.observed, e.probabilities,
                                             e.brier))
                briers.append(e.brier)
                esc.append(e.brier_escalation)
        notes.extend(one.model(model).notes)
    base = evaluate(scored, [], rng=rng)
    summary = _summary(label, rows, briers, tuple(notes), esc)
    return EvaluationReport(
        cases=base.cases,
        models=(*[m for m in base.models if m.model != BASE_RATE], summary,
                *[m for m in base.models if m.model == BASE_RATE]),
        issues=(*base.issues, *rows),
        episodes=(*base.episodes, *episodes),
        outcomes=base.outcomes,
        notes=base.notes,
    )
