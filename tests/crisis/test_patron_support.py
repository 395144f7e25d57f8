"""A target's expected support from aligned third parties (``patron_support`` α, design revision
11 of docs/crisis.md): α = 0 is the model before the revision (revision 9) draw for draw; a
scenario with no patron, or with ``p_prevail`` given, does not move at any α; the patron set
and the targets' reading of the odds ``p_B = C_A / (C_A + C_T + α·C_P)`` match their closed
form; at complete information on one issue the episode escalates exactly when the zone as the
targets read it is empty, so P(escalation) does not fall as α rises."""

from __future__ import annotations

from typing import Any

import pytest
from _crisis_same import assert_same_forecast
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from detente.cases import load_case
from detente.cli import app
from detente.crisis import crisis_forecast
from detente.crisis._model import DEFAULTS, analyse, believed_p, patrons
from detente.errors import InputError
from detente.scenario import Scenario


def three(c_a: float, c_b: float, c_p: float, cost_a: float, cost_b: float, *,
          y_p: float = 0.0, p_given: float | None = None) -> Scenario:
    """One issue x, status quo 0: A wants 100 and its war imposes 100, its target B wants 0, a
    third actor P (no cost of conflict, no option) wants ``y_p``. No audience costs; none of the
    three is a state of the shipped record, so trust is full each way. P is B's patron exactly
    when ``y_p < 50`` (nearer B's 0 than A's 100)."""
    opt: dict[str, Any] = {"actor": "A", "target": ["B"], "cost": cost_a,
                           "target_cost": cost_b, "imposes": {"x": 100}, "action": "war"}
    if p_given is not None:
        opt["p_prevail"] = p_given
    return Scenario.model_validate({
        "name": "patron",
        "outside_options": [opt],
        "actors": [{"id": "A", "capability": c_a}, {"id": "B", "capability": c_b},
                   {"id": "P", "capability": c_p}],
        "issues": [{"id": "x", "status_quo": 0}],
        "stances": [
            {"actor": "A", "issue": "x", "position": 100, "salience": 50, "commitment": 0},
            {"actor": "B", "issue": "x", "position": 0, "salience": 50, "commitment": 0},
            {"actor": "P", "issue": "x", "position": y_p, "salience": 50, "commitment": 0},
        ],
    })


def test_the_default_is_no_support() -> None:
    assert DEFAULTS["patron_support"] == 0.0


@pytest.mark.parametrize("case,channel", [("july-1914", "public"),
                                          ("iraq-kuwait-1990", "private"),
                                          ("munich-1938", "public")])
def test_no_support_is_revision_9_draw_for_draw(case: str, channel: str) -> None:
    # cases where the targets have patrons, so that α > 0 would move them
    sc = load_case(case)
    base = crisis_forecast(sc, rng=3, channel=channel, draws=400)
    zero = crisis_forecast(sc, rng=3, channel=channel, draws=400, patron_support=0.0)
    assert_same_forecast(base, zero)
    an = base.analysis
    assert an.dyad is not None
    assert patrons(an.setup, an.dyad.options[an.option])


@pytest.mark.parametrize("case", ["czechoslovakia-1968", "gulf-geneva-1991",
                                  "eritrea-ethiopia-1998"])
def test_a_case_without_patrons_does_not_move(case: str) -> None:
    sc = load_case(case)
    an = analyse(sc)
    assert an.dyad is not None
    assert not patrons(an.setup, an.dyad.options[an.option])
    assert_same_forecast(crisis_forecast(sc, rng=2, draws=400),
          crisis_forecast(sc, rng=2, draws=400, patron_support=1.0))


def test_a_given_chance_of_prevailing_does_not_move() -> None:
    sc = three(1.0, 1.0, 5.0, 0.1, 0.3, p_given=0.8)
    an = analyse(sc)
    assert an.dyad is not None
    o = an.dyad.options[0]
    assert patrons(an.setup, o) == (2,)
    assert believed_p(an.setup, o, 1.0) == 0.8
    assert_same_forecast(crisis_forecast(sc, rng=1, draws=300),
          crisis_forecast(sc, rng=1, draws=300, patron_support=1.0))


@settings(max_examples=40, deadline=None)
@given(c_a=st.floats(0.5, 10), c_b=st.floats(0.1, 10), c_p=st.floats(0.1, 10),
       y_p=st.sampled_from([0.0, 20.0, 45.0, 55.0, 80.0, 100.0]),
       alpha=st.floats(0.0, 1.0), gamma=st.sampled_from([1.0, 2.0]))
def test_patrons_and_believed_p_closed_form(c_a: float, c_b: float, c_p: float, y_p: float,
                                            alpha: float, gamma: float) -> None:
    sc = three(c_a, c_b, c_p, 0.2, 0.4, y_p=y_p)
    an = analyse(sc, contest_exponent=gamma)
    assert an.dyad is not None
    s, o = an.setup, an.dyad.options[0]
    assert o.p == pytest.approx(c_a**gamma / (c_a**gamma + c_b**gamma))
    is_patron = y_p < 50
    assert patrons(s, o) == ((2,) if is_patron else ())
    pb = believed_p(s, o, alpha, gamma)
    expected = (c_a**gamma / (c_a**gamma + (c_b + alpha * c_p)**gamma) if is_patron
                else o.p)
    assert pb == pytest.approx(expected)
    # the targets' side reads the odds as no better for A, and the more so the more it counts on
    assert pb <= o.p + 1e-15
    assert believed_p(s, o, min(1.0, alpha + 0.25), gamma) <= pb + 1e-15


def test_patrons_on_a_bank_case_are_the_aligned_third_parties() -> None:
    # July 1914: Austria-Hungary's threat against Serbia; Russia stands with Serbia on the
    # issues the threat imposes, Germany with Austria-Hungary (docs/crisis.md, round crisis12)
    an = analyse(load_case("july-1914"))
    assert an.dyad is not None
    s, o = an.setup, an.dyad.options[an.option]
    assert s.actor_ids[o.holder] == "AUT"
    assert [s.actor_ids[i] for i in patrons(s, o)] == ["RUS"]
    c = dict(zip(s.actor_ids, s.capability, strict=True))
    assert believed_p(s, o, 0.5) == pytest.approx(
        c["AUT"] / (c["AUT"] + c["SRB"] + 0.5 * c["RUS"]))


@settings(max_examples=30, deadline=None)
@given(c_a=st.floats(1.0, 6.0), c_b=st.floats(0.2, 3.0), c_p=st.floats(0.5, 8.0),
       cost_a=st.floats(0.0, 0.4), cost_b=st.floats(0.05, 0.6), alpha=st.floats(0.0, 1.0))
def test_complete_information_escalates_exactly_when_the_targets_zone_is_empty(
        c_a: float, c_b: float, c_p: float, cost_a: float, cost_b: float,
        alpha: float) -> None:
    # A's threat is credible iff p > c_A (its war is worth p − 1 − c_A against the standoff's
    # −1); it takes a deal x (0–1) iff x ≥ p − c_A. B's side (B and P weighted by capability,
    # β_B = C_B / (C_B + C_P); P bears no cost) reads the war at p_B: if A's threat is credible
    # at p_B (p_B > c_A) it takes x iff −x ≥ −p_B − β_B c_B, else it holds out for the standoff
    # (x ≤ 0). So the episode escalates iff p > c_A and (p_B ≤ c_A or p − c_A > p_B + β_B c_B).
    p = c_a / (c_a + c_b)
    p_b = c_a / (c_a + c_b + alpha * c_p)
    beta_b = c_b / (c_b + c_p)
    assume(abs(p - cost_a) > 0.02 and abs(p_b - cost_a) > 0.02)
    assume(abs(p - cost_a - p_b - beta_b * cost_b) > 0.02)  # away from the deal grid's edge
    sc = three(c_a, c_b, c_p, cost_a, cost_b)
    res = crisis_forecast(sc, rng=0, draws=20, resolve_sd=0.0, patron_support=alpha)
    war = p > cost_a and (p_b <= cost_a or p - cost_a > p_b + beta_b * cost_b)
    assert res.episode_model["escalation"] == (1.0 if war else 0.0), (p, p_b, beta_b)


def test_complete_information_escalation_does_not_fall_as_support_rises() -> None:
    # p = 0.8, c_A = 0.2, c_B = 0.4, β_B = 1/9: at α = 0 the zone is [0.6, 0.84]; p_B =
    # 4 / (5 + 8α) falls with α, and the zone closes once p_B + 0.044 < 0.6, i.e. α > 0.275
    sc = three(4.0, 1.0, 8.0, 0.2, 0.4)
    grid = (0.0, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0)
    p = [crisis_forecast(sc, rng=0, draws=20, resolve_sd=0.0,
                         patron_support=a).episode_model["escalation"] for a in grid]
    assert p == [0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0]
    # a third party standing with the challenger is no patron: nothing moves
    with_a = three(4.0, 1.0, 8.0, 0.2, 0.4, y_p=90.0)
    assert [crisis_forecast(with_a, rng=0, draws=20, resolve_sd=0.0,
                            patron_support=a).episode_model["escalation"]
            for a in grid] == [0.0] * len(grid)


@pytest.mark.parametrize("bad", [1.5, -0.1, float("nan")])
def test_bad_patron_support_is_an_error(bad: float) -> None:
    with pytest.raises(InputError, match="patron_support must be a number in"):
        crisis_forecast(three(1.0, 1.0, 1.0, 0.2, 0.3), rng=0, draws=10, patron_support=bad)


def test_cli_option_and_its_error() -> None:
    runner = CliRunner()
    bad = runner.invoke(app, ["forecast", "july-1914", "-m", "crisis", "-o",
                              "patron_support=2"])
    assert bad.exit_code == 2, bad.output
    assert "patron_support must be a number in [0, 1]" in bad.output
    ok = runner.invoke(app, ["forecast", "july-1914", "-m", "crisis", "-o",
                             "patron_support=0.5", "--seed", "0"])
    assert ok.exit_code == 0, ok.output
