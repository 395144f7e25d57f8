"""The episode forecast mixed with the case bank's base rate (design revision 9 of
docs/crisis.md): ``P = (1 − ε)·P_model + ε·π``; ε = 0 is the structural model draw for draw; π
leaves a bank case out, and is the whole bank's for any other scenario."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from detente.cases import list_cases, load_case
from detente.cli import app
from detente.collective import forecast
from detente.crisis import crisis_forecast
from detente.crisis._calibrate import climatology, parse_base_rate, parse_weight
from detente.errors import InputError
from detente.scenario import read_yaml
from detente.scenario._model import OUTCOME_KINDS


def _bank_kinds(without: str = "") -> list[str]:
    # through the full scenario reader, independently of the mixture's light-weight read
    from detente.cases import case_path

    out = []
    for n in list_cases():
        if n == without:
            continue
        sc = read_yaml(case_path(n))
        if sc.outcome is not None:
            out.append(sc.outcome.kind)
    return out


def _freq(kinds: list[str]) -> dict[str, float]:
    return {k: kinds.count(k) / len(kinds) for k in OUTCOME_KINDS}


@pytest.mark.parametrize("case,channel", [("gulf-geneva-1991", "public"),
                                          ("geneva-2022", "private"),
                                          ("syria-cw-2013", "public"),
                                          ("cyprus-1974", "public")])
def test_weight_zero_is_the_structural_model_draw_for_draw(case: str, channel: str) -> None:
    sc = load_case(case)
    zero = crisis_forecast(sc, rng=3, channel=channel, draws=400, base_rate_weight=0.0)
    mixed = crisis_forecast(sc, rng=3, channel=channel, draws=400, base_rate_weight=0.4)
    assert zero.episode == zero.episode_model  # bit-identical, not approximately
    assert mixed.episode_model == zero.episode_model
    # the draws and outcome kinds are the structural model's whatever the weight
    assert np.array_equal(zero.draws, mixed.draws)
    assert np.array_equal(zero.kind, mixed.kind)
    # and the structural episode is what the draws count
    counted = {"agreement": float((zero.kind == 0).mean()),
               "no_agreement": float((zero.kind == 1).mean()),
               "escalation": float((zero.kind == 2).mean())}
    assert zero.episode == counted
    f0 = forecast(sc, "crisis", rng=3, channel=channel, draws=400, base_rate_weight=0.0)
    f4 = forecast(sc, "crisis", rng=3, channel=channel, draws=400, base_rate_weight=0.4)
    assert dict(f0.episode or {}) == counted
    assert np.array_equal(f0.outcomes, f4.outcomes, equal_nan=True)  # issues untouched


def test_mixture_exact_on_a_hand_computed_case() -> None:
    # Gulf 1991: the structural model is certain of agreement at seed 0 (docs/crisis.md)
    sc = load_case("gulf-geneva-1991")
    r = crisis_forecast(sc, rng=0, draws=400, base_rate_weight=0.25, base_rate="0.5,0.1,0.4")
    assert r.episode_model == {"agreement": 1.0, "no_agreement": 0.0, "escalation": 0.0}
    # 0.75 × (1, 0, 0) + 0.25 × (0.5, 0.1, 0.4)
    assert r.episode == pytest.approx({"agreement": 0.875, "no_agreement": 0.025,
                                       "escalation": 0.1}, abs=1e-15)
    assert r.base_rate is not None and r.base_rate["source"] == "given"
    # with the bank: the other cases' frequencies, counted by hand
    kinds = _bank_kinds(without="gulf-geneva-1991")
    esc = kinds.count("escalation")
    r = crisis_forecast(sc, rng=0, draws=400, base_rate_weight=0.3)
    assert r.episode["escalation"] == pytest.approx(0.3 * esc / len(kinds), abs=1e-15)
    assert r.episode["agreement"] == pytest.approx(
        0.7 + 0.3 * kinds.count("agreement") / len(kinds), abs=1e-15)


def test_base_rate_leaves_a_bank_case_out_and_uses_the_whole_bank_otherwise() -> None:
    pi = climatology("cuba-1962")
    assert pi.source == "bank_loo" and pi.left_out == "cuba-1962"
    assert pi.probabilities == pytest.approx(_freq(_bank_kinds(without="cuba-1962")))
    assert pi.n_cases == len(_bank_kinds()) - 1
    # a scenario that is not a bank case: the whole bank
    sc = load_case("gulf-geneva-1991").model_copy(update={"name": "my-own-crisis"})
    r = crisis_forecast(sc, rng=0, draws=400, base_rate_weight=0.3)
    whole = _freq(_bank_kinds())
    assert r.base_rate is not None and r.base_rate["source"] == "bank"
    assert r.base_rate["probabilities"] == pytest.approx(whole)
    assert r.episode["escalation"] == pytest.approx(0.3 * whole["escalation"], abs=1e-15)
    # the case under its own name leaves its outcome (an escalation) out: a lower π
    own = crisis_forecast(load_case("gulf-geneva-1991"), rng=0, draws=400, base_rate_weight=0.3)
    assert own.episode["escalation"] < r.episode["escalation"]


@pytest.mark.parametrize("eps", [0.0, 0.1, 0.3, 0.5, 1.0])
def test_probabilities_sum_to_one(eps: float) -> None:
    for case in ("geneva-2022", "berlin-1948"):
        r = crisis_forecast(load_case(case), rng=1, draws=300, base_rate_weight=eps)
        assert sum(r.episode.values()) == pytest.approx(1.0, abs=1e-12)
        assert all(0.0 <= v <= 1.0 for v in r.episode.values())
    r = crisis_forecast(load_case("geneva-2022"), rng=1, draws=300, base_rate_weight=1.0)
    assert r.episode == pytest.approx(climatology("geneva-2022").probabilities)


@pytest.mark.parametrize("value", [-0.1, 1.5, "lots", float("nan"), True])
def test_bad_weight_is_refused(value: object) -> None:
    with pytest.raises(InputError, match="base_rate_weight"):
        parse_weight(value)


@pytest.mark.parametrize("value", ["0.5,0.5,0.5", "0.5,0.5", "a,b,c", "1.2,-0.1,-0.1",
                                   {"agreement": 1.0}, 3])
def test_bad_base_rate_is_refused(value: object) -> None:
    with pytest.raises(InputError, match="base_rate"):
        parse_base_rate(value)


def test_base_rate_forms() -> None:
    assert parse_base_rate("bank") is None
    assert parse_base_rate("0.5, 0.1, 0.4") == {"agreement": 0.5, "no_agreement": 0.1,
                                                "escalation": 0.4}
    assert parse_base_rate({"agreement": 0.2, "no_agreement": 0.3, "escalation": 0.5}) == {
        "agreement": 0.2, "no_agreement": 0.3, "escalation": 0.5}


@pytest.mark.parametrize("opt,word", [("base_rate_weight=1.5", "base_rate_weight"),
                                      ("base_rate_weight=x", "base_rate_weight"),
                                      ("base_rate=0.5,0.5,0.5", "base_rate"),
                                      ("base_rate=0.5,0.5", "base_rate")])
def test_bad_options_exit_2_with_the_option_named(opt: str, word: str) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["forecast", "gulf-geneva-1991", "-m", "crisis", "-o", opt,
                              "-o", "draws=50"])
    assert res.exit_code == 2, res.output
    assert word in res.output and "Traceback" not in res.output


def test_json_carries_the_calibrated_and_the_structural_figures() -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["forecast", "gulf-geneva-1991", "-m", "crisis", "-f", "json",
                              "-o", "base_rate_weight=0.3", "-o", "draws=200"])
    assert res.exit_code == 0, res.output
    fc = json.loads(res.output)["forecasts"][0]
    assert fc["episode"]["escalation"] > 0.05  # mixed
    assert fc["episode_model"]["escalation"] == 0.0  # structural
    assert fc["base_rate_weight"] == 0.3
    assert fc["base_rate"]["source"] == "bank_loo"
    res = runner.invoke(app, ["crisis", "gulf-geneva-1991", "-f", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    assert set(doc["episode"]) == set(doc["episode_model"]) == set(OUTCOME_KINDS)
    assert "base_rate_weight" in doc and doc["base_rate"]["left_out"] == "gulf-geneva-1991"


def test_text_faces_say_what_the_figure_is() -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["forecast", "gulf-geneva-1991", "-m", "crisis", "--explain",
                              "-o", "base_rate_weight=0.3", "-o", "draws=200"])
    assert res.exit_code == 0, res.output
    out = " ".join(res.output.split())
    assert "model 0.00, mixed with the base rate of the other" in out
    assert "not from the structure" in out


def test_no_outside_option_keeps_the_structural_certainty() -> None:
    sc = load_case("gulf-geneva-1991")
    bare = sc.model_copy(update={"outside_options": []})
    r = crisis_forecast(bare, rng=0, draws=100, base_rate_weight=0.3)
    assert r.episode["escalation"] == 0.0 and r.base_rate is None
