"""The episode forecast mixed with the case bank's base rate (design revision 9, docs/crisis.md).

The structural model's episode probabilities are nearly always 0 or 1 (private-information draws
with σ = 0.5). The calibrated forecast is the mixture ``P = (1 − ε)·P_model + ε·π`` of the
model's three-way distribution with a climatological one π, the case bank's outcome frequencies
(forecast combination: Clemen 1989, *International Journal of Forecasting* 5(4)). π is data, not
a parameter: for a bank case the frequencies of the *other* bank cases (leave-one-case-out, so a
case's own outcome never informs its forecast), for any other scenario the whole bank's. The
per-issue forecasts are not touched. ε = 0 is the structural model exactly.

A scenario is a bank case when its name is a bank case's name (the name the bank's loader sets:
``load_case("cuba-1962").name == "cuba-1962"``); a user's own scenario under a bank case's name
is treated as that case (its outcome is left out of π).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from detente.errors import InputError
from detente.scenario._model import OUTCOME_KINDS

__all__ = ["BANK", "Climatology", "bank_outcomes", "climatology", "mix", "parse_base_rate",
           "parse_weight"]

#: ``base_rate`` option value: π from the case bank (leave-one-case-out for a bank case).
BANK = "bank"


@dataclass(frozen=True)
class Climatology:
    """π and where it came from (for the faces: "the bank's base rate 0.38")."""

    probabilities: dict[str, float]
    source: str  # "bank" (whole bank), "bank_loo" (the other bank cases) or "given"
    n_cases: int  # cases π was counted over (0 when given)
    left_out: str = ""  # the bank case left out of π

    def describe(self) -> str:
        if self.source == "given":
            return "the base rate given as an option"
        if self.source == "bank_loo":
            return f"the base rate of the other {self.n_cases} bank cases"
        return f"the case bank's base rate ({self.n_cases} cases)"

    def as_dict(self) -> dict[str, Any]:
        return {"probabilities": dict(self.probabilities), "source": self.source,
                "n_cases": self.n_cases, "left_out": self.left_out or None}


@functools.lru_cache(maxsize=1)
def _bank_outcomes() -> tuple[tuple[str, str], ...]:
    import yaml

    from detente.cases import _paths

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    out: list[tuple[str, str]] = []
    for name, path in _paths().items():
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506
        kind = (doc.get("outcome") or {}).get("kind") if isinstance(doc, dict) else None
        if kind in OUTCOME_KINDS:
            out.append((name, str(kind)))
    return tuple(out)


def bank_outcomes() -> dict[str, str]:
    """Each bank case's episode outcome kind, by case name (cached for the process)."""
    return dict(_bank_outcomes())


def _frequencies(kinds: list[str]) -> dict[str, float]:
    # the same arithmetic as the evaluation's base-rate baseline
    return {k: sum(o == k for o in kinds) / len(kinds) for k in OUTCOME_KINDS}


def climatology(case: str | None, given: Mapping[str, float] | None = None) -> Climatology:
    """π for a forecast of ``case``: ``given`` if set, else the bank's frequencies without
    ``case`` when it is a bank case, else the whole bank's."""
    if given is not None:
        return Climatology(dict(given), "given", 0)
    bank = bank_outcomes()
    if not bank:
        raise InputError("the case bank holds no case with an episode outcome, so there is no "
                         "base rate to mix with; give one (option base_rate=A,N,E)")
    if case and case in bank and len(bank) > 1:
        kinds = [k for n, k in bank.items() if n != case]
        return Climatology(_frequencies(kinds), "bank_loo", len(kinds), case)
    kinds = list(bank.values())
    return Climatology(_frequencies(kinds), "bank", len(kinds))


def parse_weight(value: Any) -> float:
    """ε, checked: a number in [0, 1]."""
    where = "model 'crisis' option 'base_rate_weight'"
    try:
        eps = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{where} must be a number in [0, 1] (the weight of the bank's base "
                         f"rate in the episode forecast), got {value!r}") from None
    if isinstance(value, bool) or not (math.isfinite(eps) and 0.0 <= eps <= 1.0):
        raise InputError(f"{where} must be a number in [0, 1] (the weight of the bank's base "
                         f"rate in the episode forecast), got {value!r}")
    return eps


def parse_base_rate(value: Any) -> dict[str, float] | None:
    """π as given: ``'bank'`` (None: from the case bank), ``'A,N,E'`` (agreement, no
    agreement, escalation), a sequence of three numbers or a mapping by outcome kind. Each in
    [0, 1], summing to 1 (within 1e-6)."""
    where = "model 'crisis' option 'base_rate'"
    expect = (f"{where} must be 'bank' or three probabilities P(agreement),P(no_agreement),"
              f"P(escalation) in [0, 1] summing to 1 (e.g. 0.5,0.1,0.4)")
    if value is None or (isinstance(value, str) and value.strip().lower() == BANK):
        return None
    items: list[Any]
    if isinstance(value, Mapping):
        unknown = sorted(set(map(str, value)) - set(OUTCOME_KINDS))
        if unknown or set(map(str, value)) != set(OUTCOME_KINDS):
            raise InputError(f"{expect}; as a mapping it needs exactly the keys "
                             f"{', '.join(OUTCOME_KINDS)}, got {sorted(map(str, value))}")
        items = [value[k] for k in OUTCOME_KINDS]
    elif isinstance(value, str):
        items = [p.strip() for p in value.split(",")]
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        raise InputError(f"{expect}, got {value!r}")
    if len(items) != len(OUTCOME_KINDS):
        raise InputError(f"{expect}, got {len(items)} value(s): {value!r}")
    try:
        probs = [float(x) for x in items]
    except (TypeError, ValueError):
        raise InputError(f"{expect}, got {value!r}") from None
    if any(isinstance(x, bool) for x in items) or not all(
            math.isfinite(p) and 0.0 <= p <= 1.0 for p in probs):
        raise InputError(f"{expect}, got {value!r}")
    if abs(sum(probs) - 1.0) > 1e-6:
        raise InputError(f"{expect}; these sum to {sum(probs):.6g}: {value!r}")
    return dict(zip(OUTCOME_KINDS, probs, strict=True))


def mix(model: Mapping[str, float], weight: float, pi: Mapping[str, float]) -> dict[str, float]:
    """``(1 − weight)·model + weight·pi`` per outcome kind; ``model`` itself at weight 0."""
    if weight == 0.0:
        return {k: float(v) for k, v in model.items()}
    return {k: (1.0 - weight) * float(model.get(k, 0.0)) + weight * float(pi[k])
            for k in OUTCOME_KINDS}


_LABEL = {"agreement": "P(agreement)", "no_agreement": "P(standoff)",
          "escalation": "P(escalation)"}


def mixture_line(episode: Mapping[str, float], model: Mapping[str, float], weight: float,
                 base_rate: Mapping[str, Any] | None, kind: str = "escalation") -> str:
    """One line saying what the shown probability is: "P(escalation): model 0.00, mixed with
    the bank's base rate 0.38 at weight 0.3 → 0.11 (…)". Empty when nothing was mixed."""
    if base_rate is None:
        return ""
    pi = base_rate["probabilities"]
    src = base_rate.get("source")
    whose = {"given": "the base rate given",
             "bank_loo": f"the base rate of the other {base_rate.get('n_cases')} bank cases",
             }.get(str(src), f"the case bank's base rate ({base_rate.get('n_cases')} cases)")
    if weight == 0.0:
        return (f"{_LABEL[kind]} {float(episode[kind]):.2f} is the structural model's "
                f"(base_rate_weight 0: not mixed with the bank's base rate)")
    return (f"{_LABEL[kind]}: model {float(model[kind]):.2f}, mixed with {whose} "
            f"{float(pi[kind]):.2f} at weight {weight:g} → {float(episode[kind]):.2f} "
            f"(a calibration, design revision 9; not from the structure)")


def forecast_mixture_line(diagnostics: Mapping[str, Any], episode: Mapping[str, float],
                          kind: str = "escalation") -> str:
    """:func:`mixture_line` from a crisis ``Forecast``'s episode and diagnostics ("" if the
    forecast carries no mixture)."""
    model = diagnostics.get("episode_model")
    if not model or diagnostics.get("base_rate") is None:
        return ""
    return mixture_line(episode, model, float(diagnostics.get("base_rate_weight", 0.0)),
                        diagnostics["base_rate"], kind)


def mixture_lines_all(episode: Mapping[str, float], model: Mapping[str, float], weight: float,
                      base_rate: Mapping[str, Any] | None) -> str:
    """All three outcome kinds: the structural model's figures, π and the weight ("" if
    nothing was mixed)."""
    if base_rate is None or weight == 0.0:
        return ""
    pi = base_rate["probabilities"]
    src = base_rate.get("source")
    whose = {"given": "the base rate given",
             "bank_loo": f"the base rate of the other {base_rate.get('n_cases')} bank cases",
             }.get(str(src), f"the case bank's base rate ({base_rate.get('n_cases')} cases)")

    def three(p: Mapping[str, Any]) -> str:
        return ", ".join(f"{_LABEL[k]} {float(p[k]):.2f}" for k in OUTCOME_KINDS)

    return (f"Calibrated (design revision 9): structural model {three(model)}; mixed with "
            f"{whose} ({three(pi)}) at weight {weight:g}. The explanation below is the "
            f"structural model's.")
