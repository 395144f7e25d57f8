"""Bueno de Mesquita's expected utility model, registered as ``eum``.

Follows Scholz, Calbert & Smith (2011), "Unravelling Bueno De Mesquita's group decision model"
(ICAART), who spell out Bueno de Mesquita (1994), "Political forecasting: an expected utility
method" (in *European Community Decision Making*) and (1997), "A decision making model: its
structure and form" (*International Interactions* 23). The equations and every option on which
the sources differ are documented in :mod:`detente.collective._eum_kernel`; this module turns
scenarios into kernel rows, the kernel's trace into :class:`Forecast` objects, and the trace into
plain words.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from detente.collective._eum_kernel import (
    ACCEPT,
    COMPROMISE,
    PERCEPTION,
    PROBABILITY,
    RELATIONS,
    RISK,
    VARIANTS,
    EUMSettings,
    EUMTrace,
    eum_kernel,
)
from detente.collective._forecast import Forecast, median_tie, tie_note
from detente.collective._lazy import LazyMapping, LazyTuple
from detente.collective._registry import Option, register
from detente.errors import InputError
from detente.scenario import CompiledScenario, Scenario
from detente.scenario._dataset import StackedCases

__all__ = ["eum", "eum_batch", "eum_outcomes", "eum_settings"]

#: Above this many values per pairwise array (rounds × issues × actors²), pairs='auto' keeps none.
PAIRS_AUTO_LIMIT = 4_000_000

_REFERENCE = (
    "Scholz, J. B., Calbert, G. J. & Smith, G. A. (2011). Unravelling Bueno De Mesquita's group "
    "decision model. ICAART 2011 proceedings; Bueno de Mesquita, B. (1994). Political "
    "forecasting: an expected utility method. In Bueno de Mesquita & Stokman (eds.), European "
    "Community Decision Making, Yale UP; Bueno de Mesquita, B. (1997). A decision making model: "
    "its structure and form. International Interactions 23(3-4), 235-266."
)

_FROM_VARIANT = " (default: as the variant says)"

OPTIONS: dict[str, Option] = {
    "variant": Option(
        "scholz",
        "named set of the choices below: 'scholz' (the equations as Scholz et al. 2011 print "
        "them), 'scholz_code' (the program behind their published tables, as the jmckib "
        "replication reads it), 'masad' (the dmasad replication); options given explicitly "
        "override the variant",
        tuple(VARIANTS),
    ),
    "rounds": Option(10, "number of rounds of challenges (each actor moves at most once a round)"),
    "outcome": Option(
        "median",
        "the forecast of a round: 'median' (the Condorcet / weighted-median position, BDM's "
        "forecast) or 'mean' (capability × salience weighted mean of positions)",
        ("median", "mean"),
    ),
    "probability": Option(
        None,
        "denominator of the probability of success: 'share' (i's votes over all votes in the "
        "contest, Scholz eq. 30), 'net' (net votes for i over all votes), 'scholz_code' (over "
        "all votes in all contests)" + _FROM_VARIANT,
        (None, *PROBABILITY),
    ),
    "vote_risk": Option(
        None,
        "votes use each voter's risk exponent (BDM 1997) rather than linear distance"
        + _FROM_VARIANT,
        (None, True, False),
    ),
    "perception": Option(
        None,
        "whose risk exponent values j's expected utility of challenging i when i weighs an "
        "offer: 'own' (i's, Scholz) or 'actual' (j's)" + _FROM_VARIANT,
        (None, *PERCEPTION),
    ),
    "accept": Option(
        None,
        "which offer an actor accepts: 'priority' (lost conflicts, then compromises, then "
        "capitulations; the least move within a kind), 'nearest' (the least move), 'strongest' "
        "(the challenger expecting most), 'scholz_code' (priority, compromises ranked by their "
        "weighted midpoint)" + _FROM_VARIANT,
        (None, *ACCEPT),
    ),
    "compromise": Option(
        None,
        "where a compromise lands: 'fraction' (the share |EU_i/EU_j| of the way to j, Scholz) or "
        "'weighted' ((|EU_i| x_i + |EU_j| x_j) / (|EU_i| + |EU_j|))" + _FROM_VARIANT,
        (None, *COMPROMISE),
    ),
    "capitulation": Option(
        None,
        "an actor that expects to lose more than its challenger gains gives in completely "
        "(False: it stays, as in the program behind Scholz's tables)" + _FROM_VARIANT,
        (None, True, False),
    ),
    "q": Option(
        1.0,
        "Q, probability that the status quo holds if i does not challenge (Scholz: 1; "
        "Eftekhari & Rahimi 2014: 0.5)",
    ),
    "t": Option(
        1.0,
        "T, probability that things improve for i without a challenge, or 'eftekhari' (1 when "
        "the median is nearer to i than j is, else 0); matters only when q < 1",
        words=("eftekhari",),
    ),
    "risk": Option(
        "security",
        "'security': risk exponents from each actor's security level compared across actors "
        "(Scholz eqs. 32-33); 'bdm': from each actor's security where it stands compared with "
        "the security it would have at each other actor's position (Bueno de Mesquita 1985, "
        "1994, 1997); 'neutral': every risk exponent 1",
        RISK,
    ),
    "risk_update": Option(
        "every_round",
        "recompute risk exponents 'every_round' (Scholz) or keep those of the 'first_round'",
        ("every_round", "first_round"),
    ),
    "distance": Option(
        "positions",
        "distances are divided by the range of the initial positions ('positions', Scholz) or "
        "by the issue's whole scale ('issue')",
        ("positions", "issue"),
    ),
    "pairs": Option(
        "auto",
        "keep every round's pairwise arrays in diagnostics (relation, eu_own, eu_other, "
        "probability, offer: rounds × actors × actors × issues; laid out on first access): "
        f"'auto' keeps them up to {PAIRS_AUTO_LIMIT:,} values per array (about "
        f"{PAIRS_AUTO_LIMIT * 33 // 10**6} MB in all) and says so in the notes above it; True "
        "always, False never (the explanation does not need them)",
        ("auto", True, False),
    ),
    "tolerance": Option(
        0.0,
        "stop an issue once no actor moves more than this (share of the issue's scale) in a "
        "round; 0 stops only when nobody moves",
    ),
}


def _record_pairs(option: Any, rows: int, width: int, rounds: int) -> tuple[bool, str]:
    """Whether the kernel records pairwise arrays, and the note when 'auto' declines."""
    if option is True or option is False:
        return option, ""
    size = rounds * rows * width * width
    if size <= PAIRS_AUTO_LIMIT:
        return True, ""
    return False, (
        f"pairwise diagnostics not kept: {rows} issue(s) × {width}² actor pairs × {rounds} "
        f"rounds = {size:,} values per array, above pairs='auto''s limit of "
        f"{PAIRS_AUTO_LIMIT:,}; give the option pairs=true to keep them"
    )


def eum_settings(**options: Any) -> tuple[EUMSettings, str]:
    """Kernel settings from registry options: the variant's choices, then explicit ones."""
    opts = {k: v for k, v in options.items() if v is not None}
    opts.pop("pairs", None)
    variant = opts.pop("variant", "scholz")
    outcome = opts.pop("outcome", "median")
    if variant not in VARIANTS:
        raise InputError(
            f"eum option 'variant' must be one of {', '.join(map(repr, VARIANTS))}, "
            f"got {variant!r}"
        )
    if outcome not in ("median", "mean"):
        raise InputError(f"eum option 'outcome' must be 'median' or 'mean', got {outcome!r}")
    merged = {**VARIANTS[variant], **opts}
    if isinstance(merged.get("rounds"), float) and float(merged["rounds"]).is_integer():
        merged["rounds"] = int(merged["rounds"])
    return EUMSettings(**merged), outcome


def _rows(
    compiled: Sequence[CompiledScenario],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[int]]:
    """Stack every issue of every scenario as one kernel row, actors padded to the widest."""
    width = max((c.n_actors for c in compiled), default=0)
    total = sum(c.n_issues for c in compiled)
    pos = np.zeros((total, width))
    cap = np.zeros((total, width))
    sal = np.zeros((total, width))
    present = np.zeros((total, width), dtype=bool)
    starts = []
    row = 0
    for c in compiled:
        starts.append(row)
        k, n = c.n_issues, c.n_actors
        pos[row : row + k, :n] = np.nan_to_num(c.position.T)
        cap[row : row + k, :n] = c.capability.T
        sal[row : row + k, :n] = c.salience.T
        present[row : row + k, :n] = c.present.T & ~np.isnan(c.position.T)
        row += k
    return pos, cap, sal, present, starts


def _forecast(
    scenario: Scenario,
    c: CompiledScenario,
    trace: EUMTrace,
    start: int,
    settings: EUMSettings,
    outcome: str,
    options: dict[str, Any],
    note: str = "",
    paired: Callable[[], EUMTrace] | None = None,
    scaled: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> Forecast:
    """The forecast of one scenario from its rows of ``trace`` (from ``start``). ``paired``
    gives the same run with pairwise arrays recorded, if they are to be kept (called on
    first access of one of them); ``scaled``: the trace's positions, medians and means on the
    issues' own scales, all rows at once (see :func:`_scaled`)."""
    k, n = c.n_issues, c.n_actors
    sl = slice(start, start + k)
    lo, span = c.scale_min, c.scale_max - c.scale_min

    def scale(u: np.ndarray) -> np.ndarray:  # unit values, issues on the last axis
        return lo + u * span

    if scaled is None:
        scaled = _scaled(trace, lo, span)
        sl = slice(0, k)
    traj = scaled[0][:, sl, :n].transpose(0, 2, 1).copy()  # (R+1, n, k)
    median = scaled[1][:, sl].copy()
    mean = scaled[2][:, sl].copy()
    rounds_out = median if outcome == "median" else mean
    pairwise = (0, 2, 3, 1)  # (R, B, n, n) -> (R, n, n, k)

    def pairs(name: str) -> np.ndarray | None:
        source = paired() if paired is not None else trace
        arr = source.pairwise(name, sl, actors=n)
        return None if arr is None else np.transpose(arr, pairwise)

    def offer() -> np.ndarray | None:
        arr = pairs("offer")
        return None if arr is None else scale(arr)

    ready: dict[str, Any] = {
        "settings": settings.as_dict(),
        "outcome": outcome,
        "median": median,
        "mean": mean,
        "risk": trace.risk[:, sl, :n].transpose(0, 2, 1),
        "security": trace.security[:, sl, :n].transpose(0, 2, 1),
        "relation_codes": dict(RELATIONS),
        "accepted": trace.accepted[:, sl, :n].transpose(0, 2, 1),
        "accepted_relation": trace.accepted_relation[:, sl, :n].transpose(0, 2, 1),
        "stopped": trace.stopped[sl].copy(),
    }
    # the pairwise arrays (rounds x actors x actors x issues) are laid out on first access
    later: dict[str, Any] = {}
    if trace.pairs or paired is not None:
        later = {name: functools.partial(pairs, name)
                 for name in ("relation", "eu_own", "eu_other", "probability")}
        later["offer"] = offer
    diagnostics = LazyMapping(ready, later)
    notes = [note] if note else []
    for i, issue_id in enumerate(c.issue_ids):
        if np.isnan(rounds_out[-1, i]):
            notes.append(
                f"issue '{issue_id}': no actor has both capability and salience above zero; "
                "no forecast"
            )

    ties: dict[str, tuple[float, float]] = {}
    if outcome == "median":  # the last round's median: an exact tie of the final positions
        for i, issue_id in enumerate(c.issue_ids):
            if np.isnan(rounds_out[-1, i]):
                continue
            weight = np.where(c.present[:, i], c.capability[:, i] * c.salience[:, i], 0.0)
            tie = median_tie(traj[-1, :, i], weight, float(span[i]))
            if tie is not None:
                ties[issue_id] = tie
                notes.append(tie_note(issue_id, tie))

    def explain() -> list[str]:
        from detente.collective._eum_explain import explain_issue

        label = {a.id: a.label for a in scenario.actors}
        labels = tuple(label[a] for a in c.actor_ids)
        explanation: list[str] = []
        for i, issue_id in enumerate(c.issue_ids):
            issue = scenario.issue(issue_id)
            if np.isnan(rounds_out[-1, i]):
                continue
            if k > 1:
                explanation.append(f"Issue {issue.label}:")
            explanation.extend(
                explain_issue(
                    labels=labels,
                    present=c.present[:, i] & ~np.isnan(c.position[:, i]),
                    weight=np.where(c.present[:, i], c.capability[:, i] * c.salience[:, i], 0.0),
                    positions=traj[:, :, i],
                    median=median[:, i],
                    mean=mean[:, i],
                    risk=ready["risk"][:, :, i],
                    accepted_relation=ready["accepted_relation"][:, :, i],
                    accepted=ready["accepted"][:, :, i],
                    stopped=int(ready["stopped"][i]),
                    outcome=outcome,
                    indent="  " if k > 1 else "",
                    risk_basis=settings.risk,
                )
            )
        return explanation

    return Forecast(
        model="eum",
        options={**options, **settings.as_dict(), "outcome": outcome},  # choices in effect
        scenario=scenario.name,
        issue_ids=c.issue_ids,
        outcomes=rounds_out[-1].copy(),
        actor_ids=c.actor_ids,
        trajectory=traj,
        round_outcomes=rounds_out,
        diagnostics=diagnostics,
        notes=tuple(notes),
        explanation=LazyTuple(explain),
        ties=ties,
    )


def eum_batch(
    scenarios: Sequence[Scenario], *, rng: np.random.Generator | None = None, **options: Any
) -> list[Forecast]:
    """Forecast many scenarios with one kernel call (every issue of every scenario a row)."""
    settings, outcome = eum_settings(**options)
    compiled = [s.compile() for s in scenarios]
    if not compiled:
        return []
    pos, cap, sal, present, starts = _rows(compiled)
    trace, paired, note = _run(pos, cap, sal, present, settings, options)
    lo = np.concatenate([c.scale_min for c in compiled])
    span = np.concatenate([c.scale_max - c.scale_min for c in compiled])
    scaled = _scaled(trace, lo, span)
    return [
        _forecast(s, c, trace, st, settings, outcome, dict(options), note, paired, scaled)
        for s, c, st in zip(scenarios, compiled, starts, strict=True)
    ]


def eum_outcomes(rows: StackedCases, **options: Any) -> np.ndarray:
    """The forecast on every row of ``rows`` (each issue's last-round median or mean, on its
    own scale): the numbers :func:`eum_batch` gives for the same cases, from one kernel run
    without pairwise arrays and without building scenarios or forecasts (evaluation)."""
    settings, outcome = eum_settings(**options)
    if rows.position.shape[0] == 0:
        return np.zeros(0)
    pos = np.nan_to_num(rows.position)
    present = rows.present & ~np.isnan(rows.position)
    trace = eum_kernel(pos, rows.capability, rows.salience, present, settings,
                       record_pairs=False)
    unit = trace.median[-1] if outcome == "median" else trace.mean[-1]
    return rows.scale_min + unit * (rows.scale_max - rows.scale_min)


def _scaled(
    trace: EUMTrace, lo: np.ndarray, span: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions ``(R+1, B, n)``, medians and means ``(R+1, B)`` of ``trace`` on each row's own
    scale (``lo + u · span``, row by row; the same numbers as scaling each forecast's rows)."""
    return (lo[None, :, None] + trace.positions * span[None, :, None],
            lo + trace.median * span, lo + trace.mean * span)


def _run(
    pos: np.ndarray, cap: np.ndarray, sal: np.ndarray, present: np.ndarray,
    settings: EUMSettings, options: dict[str, Any],
) -> tuple[EUMTrace, Callable[[], EUMTrace] | None, str]:
    """The kernel's run without pairwise arrays; if they are to be kept, a recipe for the
    same run with them (the same inputs and settings, so the same numbers bit for bit), run
    once when one of them is first read: evaluation and Monte Carlo, which read only
    outcomes, never pay for them."""
    record, note = _record_pairs(options.get("pairs", "auto"), pos.shape[0], pos.shape[1],
                                 settings.rounds)
    trace = eum_kernel(pos, cap, sal, present, settings, record_pairs=False)
    if not record:
        return trace, None, note

    @functools.cache
    def paired() -> EUMTrace:
        return eum_kernel(pos, cap, sal, present, settings, record_pairs=True)

    return trace, paired, note


@register(
    "eum",
    summary="Bueno de Mesquita's expected utility model: rounds of challenges, compromises and "
    "capitulations (Scholz et al. 2011).",
    reference=_REFERENCE,
    options=OPTIONS,
    batch=eum_batch,
)
def eum(
    scenario: Scenario,
    c: CompiledScenario,
    *,
    rng: np.random.Generator | None = None,
    **options: Any,
) -> Forecast:
    settings, outcome = eum_settings(**options)
    pos, cap, sal, present, starts = _rows([c])
    trace, paired, note = _run(pos, cap, sal, present, settings, options)
    return _forecast(scenario, c, trace, 0, settings, outcome, dict(options), note, paired)
