"""detente.evaluation: errors, baselines and Brier scores checked against hand computations and
an independent reading of the files."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml

from detente.collective import Forecast, list_models
from detente.collective._registry import _REGISTRY, register
from detente.evaluation import (
    base_rate,
    brier_escalation,
    brier_score,
    case_number,
    compare,
    cross_validate,
    evaluate,
    evaluate_dataset,
    leave_one_case_out,
    subset,
)
from detente.examples import example_path, load_example
from detente.scenario import Scenario, load_scenario, read_deu

DATA = Path(__file__).parent / "data"
DEU3 = Path(__file__).resolve().parents[3] / "shared" / "reference" / "cases" / "deu3" / "deu3.csv"


def _fixtures() -> list[Scenario]:
    return [load_scenario(p) for p in sorted(DATA.glob("*.yaml"))]


# -- Geneva 2022: the status-quo MAE computed by hand from the file ---------------------------
def test_geneva_status_quo_mae_from_the_file() -> None:
    raw = yaml.safe_load(example_path("geneva-2022").read_text(encoding="utf-8"))
    errors = [abs(i["status_quo"] - i["observed"]["value"]) for i in raw["issues"]]
    assert len(errors) == 6
    expected = sum(errors) / len(errors)
    report = evaluate(load_example("geneva-2022"), ["status_quo"], baselines=())
    sq = report.model("status_quo")
    assert sq.n == 6 and sq.skipped == 0
    assert sq.mae == pytest.approx(expected, abs=1e-12)
    assert sq.median_ae == pytest.approx(float(np.median(errors)), abs=1e-12)
    assert sq.case_mae == {"geneva-2022": pytest.approx(expected)}


def test_geneva_compromise_matches_an_independent_weighted_mean() -> None:
    raw = yaml.safe_load(example_path("geneva-2022").read_text(encoding="utf-8"))
    cap = {a["id"]: a["capability"] for a in raw["actors"]}
    errors = []
    for iss in raw["issues"]:
        st = [s for s in raw["stances"] if s["issue"] == iss["id"]]
        w = [cap[s["actor"]] * s["salience"] for s in st]
        mean = sum(wi * s["position"] for wi, s in zip(w, st, strict=True)) / sum(w)
        errors.append(abs(mean - iss["observed"]["value"]))
    report = evaluate(load_example("geneva-2022"), ["compromise"], baselines=())
    assert report.model("compromise").mae == pytest.approx(sum(errors) / len(errors))


def test_baselines_are_always_beside_the_models() -> None:
    report = evaluate(load_example("geneva-2022"), ["median"])
    assert [m.model for m in report.models] == ["status_quo", "compromise", "median", "base_rate"]


def test_default_is_every_registered_model() -> None:
    report = evaluate(_fixtures())
    names = [m.model for m in report.models]
    assert names[:-1] == [m.name for m in list_models()]
    assert names[-1] == "base_rate"


# -- errors on other scales, per case and pooled ---------------------------------------------
def test_errors_are_on_a_0_100_scale_and_pooled_two_ways() -> None:
    report = evaluate(_fixtures(), ["status_quo"], baselines=())
    sq = report.model("status_quo")
    # fixture-deal-2004: |0 - 40| = 40; fixture-talks-1999: |50-50| = 0 and |2-4| on 0-10 = 20
    assert sq.case_mae == {"fixture-deal-2004": 40.0, "fixture-talks-1999": 10.0}
    assert sq.mae == pytest.approx((40 + 0 + 20) / 3)
    assert sq.mean_case_mae == pytest.approx((40 + 10) / 2)
    assert sq.median_ae == 20.0
    trade = [r for r in report.issues if r.issue == "trade"][0]
    assert (trade.forecast, trade.observed, trade.error) == (2.0, 4.0, 20.0)


def test_missing_status_quo_is_skipped_with_a_note() -> None:
    sc = _fixtures()[1]
    issues = [i.model_copy(update={"status_quo": None}) if i.id == "trade" else i
              for i in sc.issues]
    sc2 = Scenario.model_validate({**sc.model_dump(), "issues": [i.model_dump() for i in issues]})
    sq = evaluate(sc2, ["status_quo"], baselines=()).model("status_quo")
    assert (sq.n, sq.skipped) == (1, 1)
    assert any("trade" in n and "no status quo" in n for n in sq.notes)


def test_json_is_valid_even_with_nan() -> None:
    sc = _fixtures()[1]
    issues = [i.model_copy(update={"status_quo": None}) for i in sc.issues]
    sc2 = Scenario.model_validate({**sc.model_dump(), "issues": [i.model_dump() for i in issues]})
    doc = evaluate(sc2, ["status_quo"], baselines=()).as_dict()
    text = json.dumps(doc, allow_nan=False)
    back = json.loads(text)
    assert back["models"][0]["mae"] is None
    assert back["issues"][0]["forecast"] is None


# -- Brier score and the base rate ------------------------------------------------------------
def test_brier_closed_forms() -> None:
    assert brier_score({"escalation": 1.0}, "escalation") == 0.0
    assert brier_score({"agreement": 1.0}, "escalation") == 2.0
    uniform = {k: 1 / 3 for k in ("agreement", "no_agreement", "escalation")}
    assert brier_score(uniform, "agreement") == pytest.approx(2 / 3)
    assert brier_score({"agreement": 0.2, "no_agreement": 0.3, "escalation": 0.5},
                       "no_agreement") == pytest.approx(0.04 + 0.49 + 0.25)


def test_binary_brier_of_escalation_closed_forms() -> None:
    assert brier_escalation({"escalation": 1.0}, "escalation") == 0.0
    assert brier_escalation({"agreement": 1.0}, "escalation") == 1.0
    assert brier_escalation({"escalation": 0.5, "agreement": 0.5}, "agreement") == 0.25
    # only P(escalation) counts: how the rest is split between agreement and standoff does not
    assert brier_escalation({"agreement": 0.7, "no_agreement": 0.0, "escalation": 0.3},
                            "no_agreement") == pytest.approx(0.09)
    assert brier_escalation({"agreement": 0.0, "no_agreement": 0.7, "escalation": 0.3},
                            "no_agreement") == pytest.approx(0.09)
    assert brier_escalation({"escalation": 0.2}, "escalation") == pytest.approx(0.64)


def test_binary_brier_of_the_base_rate_and_a_model(episode_model: str) -> None:
    fx = _fixtures()  # no_agreement (1999), agreement (2004)
    report = evaluate(fx + [load_example("geneva-2022")], [episode_model])
    base = {e.case: e for e in report.episodes if e.model == "base_rate"}
    # geneva (escalation) forecast from {agreement, no_agreement}: P(escalation) 0 -> 1.0;
    # each other case: P(escalation) 1/2 -> 0.25
    assert base["geneva-2022"].brier_escalation == pytest.approx(1.0)
    assert base["fixture-deal-2004"].brier_escalation == pytest.approx(0.25)
    assert report.model("base_rate").brier_escalation == pytest.approx((1.0 + 0.25 * 2) / 3)
    # the coin model gives P(escalation) 0.25 everywhere: 0.75² once, 0.25² twice
    m = report.model(episode_model)
    assert m.brier_escalation == pytest.approx((0.5625 + 0.0625 * 2) / 3)
    assert report.brier_skill(episode_model, escalation=True) == pytest.approx(
        1 - m.brier_escalation / report.model("base_rate").brier_escalation)
    doc = report.as_dict(per_issue=True)
    row = next(r for r in doc["models"] if r["model"] == episode_model)
    assert row["brier_escalation"] == pytest.approx(m.brier_escalation)
    assert math.isnan(report.model("compromise").brier_escalation)
    assert {e["case"]: e["brier_escalation"] for e in doc["episodes"]
            if e["model"] == "base_rate"}["geneva-2022"] == pytest.approx(1.0)


def test_base_rate_is_leave_one_case_out() -> None:
    fx = _fixtures()  # no_agreement (1999), agreement (2004)
    report = evaluate(fx + [load_example("geneva-2022")], ["status_quo"], baselines=())
    rows = {e.case: e for e in report.episodes if e.model == "base_rate"}
    # geneva (escalation) is forecast from {agreement, no_agreement}: 1/2 each, 0 escalation
    assert rows["geneva-2022"].probabilities == {
        "agreement": 0.5, "no_agreement": 0.5, "escalation": 0.0}
    assert rows["geneva-2022"].brier == pytest.approx(0.25 + 0.25 + 1.0)
    # each of the other two: the other one 1/2, escalation 1/2, its own kind 0 -> 1 + 0.25 + 0.25
    for name in ("fixture-deal-2004", "fixture-talks-1999"):
        assert rows[name].brier == pytest.approx(1.5)
        assert rows[name].probabilities[rows[name].observed] == 0.0
    assert report.model("base_rate").brier == pytest.approx(1.5)
    assert report.model("base_rate").n_episodes == 3
    assert base_rate([]) == {k: pytest.approx(1 / 3)
                             for k in ("agreement", "no_agreement", "escalation")}


@pytest.fixture
def episode_model() -> Iterator[str]:
    name = "test_episode_coin"

    @register(name, summary="test only", reference="test only")
    def _coin(scenario: Scenario, c: Any, *, rng: Any = None) -> Forecast:
        return Forecast(name, {}, scenario.name, c.issue_ids, c.to_scale(c.status_quo),
                        episode={"agreement": 0.5, "no_agreement": 0.25, "escalation": 0.25})

    yield name
    del _REGISTRY[name]


def test_models_with_episode_probabilities_get_a_brier_score(episode_model: str) -> None:
    report = evaluate(_fixtures(), [episode_model])
    m = report.model(episode_model)
    # agreement case: .25 + .0625 + .0625; no_agreement case: .25 + .5625 + .0625
    assert m.n_episodes == 2
    assert m.brier == pytest.approx(((0.25 + 0.0625 * 2) + (0.25 + 0.5625 + 0.0625)) / 2)
    assert math.isnan(report.model("compromise").brier)
    assert report.model("compromise").n_episodes == 0


# -- splits -----------------------------------------------------------------------------------
def test_subset_by_year_parity_and_leave_one_out() -> None:
    fx = _fixtures()
    assert [case_number(s) for s in fx] == [2004, 1999]
    assert [s.name for s in subset(fx, "odd")] == ["fixture-talks-1999"]
    assert [s.name for s in subset(fx, "even")] == ["fixture-deal-2004"]
    assert subset(fx, "all") == fx
    folds = list(leave_one_case_out(["a", "b", "c"]))
    assert folds == [(["b", "c"], "a"), (["a", "c"], "b"), (["a", "b"], "c")]


def test_nothing_to_score_is_an_input_error() -> None:
    from detente.errors import InputError

    sc = load_example("geneva-2022")
    bare = Scenario.model_validate({
        **sc.model_dump(), "outcome": None,
        "issues": [{**i.model_dump(), "observed": None} for i in sc.issues]})
    with pytest.raises(InputError, match="no case to score"):
        evaluate(bare)


# -- DEU III: the new evaluation agrees with the one it extends --------------------------------
@pytest.mark.skipif(not DEU3.is_file(), reason="shared DEU III data not found")
def test_deu_dataset_matches_the_single_model_evaluation() -> None:
    data = read_deu(DEU3)
    old = evaluate_dataset(data, "compromise")
    new = evaluate(data, ["compromise"], baselines=()).model("compromise")
    assert new.n == old.n == 353
    assert new.mae == pytest.approx(old.mae)
    assert new.median_ae == pytest.approx(old.median_ae)


# -- paired comparison and leave-one-case-out tuning ----------------------------------------
def _bank() -> list[Scenario]:
    return [*_fixtures(), load_example("geneva-2022")]


def test_compare_with_itself_is_zero() -> None:
    report = evaluate(_bank(), [], rng=0)
    c = compare(report, "status_quo", "status_quo")
    assert (c.difference, c.low, c.high, c.wins, c.losses) == (0.0, 0.0, 0.0, 0, 0)
    assert c.ties == c.n == 9


def test_compare_difference_and_case_bootstrap_bounds() -> None:
    report = evaluate(_bank(), ["median"])
    errs = {(r.case, r.issue, r.model): r.error for r in report.issues}
    diffs = {(c, i): errs[(c, i, "median")] - errs[(c, i, "status_quo")]
             for (c, i, m) in errs if m == "median"}
    cmp = compare(report, "median", n_boot=500, rng=1)
    assert cmp.difference == pytest.approx(np.mean(list(diffs.values())))
    assert cmp.wins + cmp.losses + cmp.ties == cmp.n == len(diffs)
    assert cmp.wins == sum(d < 0 for d in diffs.values())
    # a case-bootstrap mean is a weighted mean of the case means: it cannot leave their range
    case_means = [np.mean([d for (c, _), d in diffs.items() if c == case]) for case in
                  report.cases]
    assert min(case_means) - 1e-9 <= cmp.low
    assert cmp.low <= cmp.high <= max(case_means) + 1e-9
    assert compare(report, "median", n_boot=500, rng=1) == cmp  # seeded


def test_cross_validate_holds_each_case_out() -> None:
    bank = _bank()
    seen: list[set[str]] = []

    def tune(train: list[Scenario]) -> dict[str, Any]:
        seen.append({s.name for s in train})
        return {"exponent": 1}

    cv = cross_validate(bank, "nash", tune)
    names = {s.name for s in bank}
    assert len(seen) == 3
    assert all(len(t) == 2 for t in seen)
    assert {next(iter(names - t)) for t in seen} == names
    fixed = evaluate(bank, ["nash"], options={"nash": {"exponent": 1}}, baselines=())
    loo = cv.model("nash (leave-one-case-out)")
    assert loo.mae == pytest.approx(fixed.model("nash").mae)
    assert [m.model for m in cv.models] == [
        "status_quo", "compromise", "nash (leave-one-case-out)", "base_rate"]


def test_brier_skill_against_the_base_rate(episode_model: str) -> None:
    from typer.testing import CliRunner

    from detente.cli import app

    report = evaluate(_fixtures(), [episode_model])
    # two cases: each one's base rate is the other's outcome with certainty (Brier 2)
    assert report.model("base_rate").brier == pytest.approx(2.0)
    assert report.brier_skill(episode_model) == pytest.approx(1 - 0.625 / 2.0)
    assert math.isnan(report.brier_skill("compromise"))
    assert report.as_dict()["models"][2]["brier_skill"] == pytest.approx(0.6875)
    r = CliRunner().invoke(app, ["evaluate", str(DATA), "-m", episode_model])
    assert r.exit_code == 0, r.stderr
    assert "probability given to what happened" in r.stdout
    assert "0.50 (0.38)" in r.stdout  # agreement case: p = 0.5, Brier 0.375
    assert "0.69" in r.stdout


def test_status_quo_is_a_registered_baseline() -> None:
    from detente.collective import forecast, get_model

    assert get_model("status_quo").baseline
    assert not any(m.baseline for m in list_models() if m.name != "status_quo")
    sc = load_example("geneva-2022")
    fc = forecast(sc, "status_quo")
    assert list(fc.outcomes) == [i.status_quo for i in sc.issues]
    assert fc.notes == ()


@pytest.fixture
def picky_model() -> Iterator[str]:
    from detente.errors import InputError

    name = "test_picky"

    @register(name, summary="test only", reference="test only")
    def _picky(scenario: Scenario, c: Any, *, rng: Any = None) -> Forecast:
        if len(scenario.issues) > 1:
            raise InputError(f"{scenario.name}: this model takes one issue only")
        return Forecast(name, {}, scenario.name, c.issue_ids, c.to_scale(c.status_quo))

    yield name
    del _REGISTRY[name]


def test_a_case_the_model_cannot_take_is_noted_not_fatal(picky_model: str) -> None:
    report = evaluate(_fixtures(), [picky_model], baselines=())
    m = report.model(picky_model)
    assert (m.n, m.skipped) == (1, 2)  # the one-issue case scored, the two-issue case not
    assert any("fixture-talks-1999: the model could not run" in n and "one issue only" in n
               for n in m.notes)


def test_mae_by_episode_outcome() -> None:
    report = evaluate(_bank(), ["median"])
    by = report.mae_by_outcome()
    assert by["status_quo"] == {"agreement": 40.0, "no_agreement": 10.0,
                                "escalation": pytest.approx(22.5)}
    doc = json.loads(json.dumps(report.as_dict(), allow_nan=False))
    assert doc["mae_by_outcome"]["status_quo"]["no_agreement"] == 10.0


def test_compare_on_a_single_case_gives_no_interval() -> None:
    report = evaluate([load_example("geneva-2022")], ["median"])
    cmp = compare(report, "median", n_boot=200, rng=1)
    assert not math.isnan(cmp.difference)
    assert math.isnan(cmp.low) and math.isnan(cmp.high)
