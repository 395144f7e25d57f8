"""Properties of the scores over random inputs, against direct formulas."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.evaluation import base_rate, brier_score, evaluate
from detente.scenario import OUTCOME_KINDS, Scenario

_probs = st.lists(st.floats(0, 1), min_size=3, max_size=3).filter(lambda v: sum(v) > 0).map(
    lambda v: dict(zip(OUTCOME_KINDS, np.asarray(v) / sum(v), strict=True))
)


@given(p=_probs, obs=st.sampled_from(OUTCOME_KINDS))
def test_brier_equals_its_expanded_form(p: dict[str, float], obs: str) -> None:
    # Σ (p_k − o_k)² = 1 − 2 p_obs + Σ p_k²
    expected = 1 - 2 * p[obs] + sum(v * v for v in p.values())
    assert brier_score(p, obs) == pytest.approx(expected, abs=1e-12)
    assert 0 <= brier_score(p, obs) <= 2 + 1e-12


@given(kinds=st.lists(st.sampled_from(OUTCOME_KINDS), max_size=30))
def test_base_rate_is_a_distribution(kinds: list[str]) -> None:
    p = base_rate(kinds)
    assert sum(p.values()) == pytest.approx(1)
    for k in OUTCOME_KINDS:
        assert p[k] == (pytest.approx(kinds.count(k) / len(kinds)) if kinds else
                        pytest.approx(1 / 3))


@st.composite
def observed_cases(draw: st.DrawFn) -> list[Scenario]:
    out = []
    for c in range(draw(st.integers(1, 4))):
        issues = []
        for i in range(draw(st.integers(1, 3))):
            lo = draw(st.sampled_from([0.0, -10.0]))
            hi = lo + draw(st.sampled_from([1.0, 100.0]))
            issues.append({
                "id": f"i{i}", "scale_min": lo, "scale_max": hi,
                "status_quo": draw(st.none() | st.floats(lo, hi)),
                "observed": {"value": draw(st.floats(lo, hi))},
            })
        stances = [{"actor": a, "issue": iss["id"],
                    "position": draw(st.floats(iss["scale_min"], iss["scale_max"])),
                    "salience": draw(st.floats(1, 100))}
                   for a in ("A", "B") for iss in issues]
        out.append(Scenario.model_validate({
            "name": f"c{c}", "actors": [{"id": "A"}, {"id": "B"}], "issues": issues,
            "stances": stances,
            "outcome": {"kind": draw(st.sampled_from(OUTCOME_KINDS))},
        }))
    return out


@settings(max_examples=40, deadline=None)
@given(cases=observed_cases())
def test_status_quo_scores_equal_direct_formula(cases: list[Scenario]) -> None:
    report = evaluate(cases, ["status_quo"], baselines=())
    errs = [abs(i.status_quo - i.observed.value) / (i.scale_max - i.scale_min) * 100  # type: ignore[union-attr,operator]
            for sc in cases for i in sc.issues if i.status_quo is not None]
    sq = report.model("status_quo")
    skipped = sum(i.status_quo is None for sc in cases for i in sc.issues)
    assert (sq.n, sq.skipped) == (len(errs), skipped)
    if errs:
        assert sq.mae == pytest.approx(float(np.mean(errs)), abs=1e-9)
        assert sq.median_ae == pytest.approx(float(np.median(errs)), abs=1e-9)
    else:
        assert math.isnan(sq.mae)
    # leave-one-case-out base rate: mean Brier from the direct formula
    kinds = [sc.outcome.kind for sc in cases]  # type: ignore[union-attr]
    direct = np.mean([brier_score(base_rate(kinds[:k] + kinds[k + 1:]), kinds[k])
                      for k in range(len(kinds))])
    assert report.model("base_rate").brier == pytest.approx(direct)
    p_esc = [sum(o == "escalation" for o in kinds[:k] + kinds[k + 1:]) / max(len(kinds) - 1, 1)
             if len(kinds) > 1 else 1 / 3 for k in range(len(kinds))]
    binary = np.mean([(p - (o == "escalation")) ** 2 for p, o in zip(p_esc, kinds, strict=True)])
    assert report.model("base_rate").brier_escalation == pytest.approx(binary)
