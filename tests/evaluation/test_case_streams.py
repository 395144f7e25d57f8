"""Each case of ``evaluate`` gets its own random stream (issue 12): a model with random draws
(crisis) gives a case the same figures whatever cases precede it and whatever subset is scored,
and the figures ``detente forecast CASE --seed S`` gives."""

from __future__ import annotations

from detente.cases import load_bank
from detente.collective import forecast
from detente.evaluation import evaluate

# four cases whose crisis forecasts use Monte Carlo draws (each has an outside option)
NAMES = ("geneva-2022", "iraq-unsc-2003", "syria-cw-2013", "us-iran-2025")


def _cases() -> dict:
    bank = {s.name: s for s in load_bank()}
    return {n: bank[n] for n in NAMES}


def _crisis_rows(report) -> dict:
    issues = {(r.case, r.issue): r.forecast for r in report.issues if r.model == "crisis"}
    episodes = {e.case: dict(e.probabilities) for e in report.episodes if e.model == "crisis"}
    return {"issues": issues, "episodes": episodes}


def test_case_figures_do_not_depend_on_order_or_subset() -> None:
    cases = _cases()
    order = list(cases.values())
    full = _crisis_rows(evaluate(order, ["crisis"], rng=5))
    backwards = _crisis_rows(evaluate(order[::-1], ["crisis"], rng=5))
    assert full == backwards
    last = _crisis_rows(evaluate(order[-1:], ["crisis"], rng=5))
    name = order[-1].name
    assert last["episodes"][name] == full["episodes"][name]
    assert all(full["issues"][k] == v for k, v in last["issues"].items())


def test_case_figures_equal_the_single_forecast() -> None:
    """evaluate's figure for a case is ``forecast(case, "crisis", rng=seed)``'s."""
    cases = _cases()
    rep = _crisis_rows(evaluate(list(cases.values()), ["crisis"], rng=5))
    for name, sc in cases.items():
        f = forecast(sc, "crisis", rng=5)
        assert f.episode is not None
        assert rep["episodes"][name] == {k: v for k, v in f.episode.items()}
        for (case, issue), v in rep["issues"].items():
            if case == name:
                assert v == f.outcome(issue)


def test_the_seed_still_matters() -> None:
    """The streams are seeded: another seed gives other draws (the test can fail)."""
    sc = _cases()["iraq-unsc-2003"]
    a = _crisis_rows(evaluate([sc], ["crisis"], rng=5))["episodes"][sc.name]
    b = _crisis_rows(evaluate([sc], ["crisis"], rng=6))["episodes"][sc.name]
    assert a != b
