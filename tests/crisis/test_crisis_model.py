"""The crisis model against closed forms and properties (Fearon 1995's range, red lines as
vetoes, audience costs, unilateral issues, the stated baseline)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from detente.bargaining import crisis_bargaining
from detente.collective import forecast
from detente.crisis import analyse, collective_layer, crisis_forecast, explain, setup
from detente.errors import InputError
from detente.scenario import Scenario


def _structural(x: Any) -> Any:
    """The structural model's episode probabilities (the figure shown is mixed with the bank's
    base rate, design revision 9; these tests check the structure)."""
    if hasattr(x, "episode_model"):
        return x.episode_model
    diag = getattr(x, "diagnostics", None) or {}
    return diag.get("episode_model") or x.episode


def one_issue(p: float | None, c_a: float, c_b: float, *, cap: tuple[float, float] = (1, 1),
              commitment: float = 0.0, sq: float = 0.0, commitment_b: float = 0.0,
              **stance_a: Any) -> Scenario:
    opt: dict[str, Any] = {"actor": "A", "target": ["B"], "cost": c_a, "target_cost": c_b,
                           "imposes": {"x": 100}, "action": "war"}
    if p is not None:
        opt["p_prevail"] = p
    return Scenario.model_validate({
        "name": "fearon",
        "outside_options": [opt],
        "actors": [{"id": "A", "capability": cap[0]}, {"id": "B", "capability": cap[1]}],
        "issues": [{"id": "x", "status_quo": sq}],
        "stances": [{"actor": "A", "issue": "x", "position": 100, "salience": 50,
                     "commitment": commitment, **stance_a},
                    {"actor": "B", "issue": "x", "position": 0, "salience": 50,
                     "commitment": commitment_b}],
    })


@settings(max_examples=60, deadline=None)
@given(p=st.floats(0.05, 0.95), c_a=st.floats(0, 0.5), c_b=st.floats(0, 0.5))
def test_fearon_range_closed_form(p: float, c_a: float, c_b: float) -> None:
    """Every candidate deal is in the zone iff it lies in [p - c_A, p + c_B] (Fearon 1995),
    whenever war is A's alternative (its threat beats the status quo 0: p - c_A > 0)."""
    assume(p - c_a > 1e-6)
    an = analyse(one_issue(p, c_a, c_b), trust=1.0, rng=0)
    x = an.candidates[:, 0]
    lo, hi = max(0.0, p - c_a), min(1.0, p + c_b)
    inside = (x >= lo - 1e-9) & (x <= hi + 1e-9)
    clear = (np.abs(x - lo) > 1e-7) & (np.abs(x - hi) > 1e-7)
    assert np.array_equal(an.zone[clear], inside[clear])
    assert an.credible


def test_no_credible_threat_means_only_improvements_on_the_status_quo() -> None:
    an = analyse(one_issue(0.3, 0.4, 0.1), trust=1.0, rng=0)
    assert not an.credible
    assert np.all(an.candidates[an.zone, 0] <= 1e-9)  # B prefers nothing to the status quo 0


def test_range_from_capabilities_matches_bargaining_module() -> None:
    """p from the capability-ratio contest (Bueno de Mesquita 1981) as in crisis_bargaining."""
    an = analyse(one_issue(None, 0.1, 0.2, cap=(3, 1)), trust=1.0, rng=0, power=1.0)
    ref = crisis_bargaining(3, 1, 0.1, 0.2)
    z = an.candidates[an.zone, 0]
    assert an.dyad is not None and an.dyad.options[0].p == pytest.approx(0.75)
    assert z.min() == pytest.approx(ref.low, abs=2e-3)
    assert z.max() == pytest.approx(ref.high, abs=2e-3)
    # under complete information A's take-it-or-leave-it demand is B's edge of the range
    assert an.proposal is not None
    assert an.proposal[0] == pytest.approx(ref.high, abs=2e-3)
    # with equal bargaining power (ω = ½) the Nash split: the middle of the range
    half = analyse(one_issue(None, 0.1, 0.2, cap=(3, 1)), trust=1.0, rng=0, power=0.5)
    assert half.proposal is not None
    assert half.proposal[0] == pytest.approx((ref.low + ref.high) / 2, abs=3e-3)


def test_complete_information_agrees_in_the_range() -> None:
    f = forecast(one_issue(0.6, 0.1, 0.15), "crisis", rng=1, trust=1.0, resolve_sd=0.0,
                 power=1.0)
    assert _structural(f) == {"agreement": 1.0, "no_agreement": 0.0, "escalation": 0.0}
    assert 50 <= f.outcome("x") <= 75


def test_commitment_problem_closes_the_zone() -> None:
    """Powell 2006: a promise worth only κ of its face value can leave no deal."""
    sc = one_issue(0.6, 0.02, 0.02)
    assert analyse(sc, trust=1.0).zone_exists
    an = analyse(sc, trust=0.5)
    assert not an.zone_exists
    text = " ".join(explain(an))
    assert "missing trust" in text and "trust of at least" in text
    f = forecast(sc, "crisis", rng=2, trust=0.5)
    assert _structural(f) is not None and _structural(f)["escalation"] > 0.9


def test_private_costs_make_war_possible_inside_a_narrow_range() -> None:
    """Fearon's information problem: with a narrow range, uncertainty about costs breaks down
    bargaining in some draws; with complete information it never does."""
    sc = one_issue(0.6, 0.03, 0.03)
    full = forecast(sc, "crisis", rng=3, trust=1.0, resolve_sd=0.0, power=1.0)
    some = forecast(sc, "crisis", rng=3, trust=1.0, resolve_sd=1.0, power=1.0)
    assert _structural(full) is not None and _structural(some) is not None
    assert _structural(full)["escalation"] == 0.0
    assert full.outcome("x") == pytest.approx(63.0, abs=0.2)  # p + c_B
    assert 0.05 < _structural(some)["escalation"] < 0.95


# -- red lines ---------------------------------------------------------------------------------
@st.composite
def crisis_scenarios(draw: st.DrawFn) -> Scenario:
    n_i = draw(st.integers(1, 3))
    issues = [{"id": f"i{k}", "status_quo": draw(st.floats(0, 100))} for k in range(n_i)]
    stances = []
    for a in ("A", "B", "C"):
        for k in range(n_i):
            s: dict[str, Any] = {"actor": a, "issue": f"i{k}",
                                 "position": draw(st.floats(0, 100)),
                                 "salience": draw(st.floats(1, 100)),
                                 "commitment": draw(st.sampled_from([0.0, 0.3, 0.9]))}
            if draw(st.integers(0, 3)) == 0:
                s["red_line"] = {"side": draw(st.sampled_from(["above", "below"])),
                                 "value": draw(st.floats(0, 100))}
            stances.append(s)
    opts = []
    if draw(st.booleans()):
        opts.append({"actor": "A", "target": ["B"], "cost": draw(st.floats(0, 0.6)),
                     "target_cost": draw(st.floats(0, 0.6)),
                     "imposes": {"i0": draw(st.floats(0, 100))}})
    return Scenario.model_validate({
        "name": "h", "actors": [{"id": a, "capability": draw(st.floats(0.1, 10))}
                                for a in ("A", "B", "C")],
        "issues": issues, "stances": stances, "outside_options": opts,
    })


@settings(max_examples=60, deadline=None)
@given(sc=crisis_scenarios(), seed=st.integers(0, 2**16))
def test_no_deal_crosses_a_red_line(sc: Scenario, seed: int) -> None:
    s = setup(sc)
    col = collective_layer(s)
    lo, hi = s.box
    agreed = col.agreed
    assert np.all((col.outcome[agreed] >= lo[agreed] - 1e-9)
                  & (col.outcome[agreed] <= hi[agreed] + 1e-9))
    res = crisis_forecast(sc, rng=seed, draws=200, trust=1.0)
    deals = res.draws[res.kind == 0]
    if res.analysis.dyad is not None and deals.size:
        assert s.respects(deals).all()
    if res.analysis.proposal is not None and res.analysis.zone_exists:
        assert s.respects(res.analysis.proposal)


@settings(max_examples=60, deadline=None)
@given(p=st.floats(0.2, 0.9), c_a=st.floats(0.05, 0.4), c_b=st.floats(0.05, 0.4),
       m1=st.floats(0, 1), m2=st.floats(0, 1), power=st.sampled_from([0.5, 1.0]))
def test_more_audience_cost_never_more_concession(p: float, c_a: float, c_b: float,
                                                  m1: float, m2: float, power: float) -> None:
    """B (public position 0, status quo 0) concedes x; with a higher public commitment no
    agreed deal takes more from it (Fearon 1994: tying hands), under complete information
    about B's cost. (Under private information the demand trades risk against return and is not
    monotone in general.)"""
    sd = 0.0
    lo_m, hi_m = sorted((m1, m2))
    r1 = crisis_forecast(one_issue(p, c_a, c_b, commitment_b=lo_m), trust=1.0, rng=5,
                         draws=400, resolve_sd=sd, power=power)
    r2 = crisis_forecast(one_issue(p, c_a, c_b, commitment_b=hi_m), trust=1.0, rng=5,
                         draws=400, resolve_sd=sd, power=power)
    a1, a2 = r1.analysis, r2.analysis
    if a1.zone_exists and a2.zone_exists:
        assert a1.proposal is not None and a2.proposal is not None
        assert a2.proposal[0] <= a1.proposal[0] + 2e-3
    assert r1.demand is not None and r2.demand is not None
    # draw by draw (same seed: same costs), no agreed deal takes more from a more committed B
    both = (r1.kind == 0) & (r2.kind == 0)
    assert np.all(r2.demand[both, 0] <= r1.demand[both, 0] + 2e-3)


@settings(max_examples=40, deadline=None)
@given(p=st.floats(0.2, 0.9), c_a=st.floats(0.0, 0.1), c_b=st.floats(0.0, 0.4),
       m=st.floats(0, 1))
@example(p=0.4765625, c_a=0.0, c_b=0.3798580020988914, m=0.154296875)  # 0.0051 below the edge
def test_tied_hands_closed_form(p: float, c_a: float, c_b: float, m: float) -> None:
    """B's acceptable deals with audience cost m·x: −x − m·x ≥ −p − c_B, so the most A can
    demand is (p + c_B) / (1 + m)."""
    assume((p + c_b) / (1 + m) >= p - c_a + 0.01)
    an = analyse(one_issue(p, c_a, c_b, commitment_b=m), trust=1.0, rng=0, power=1.0)
    assert an.proposal is not None and an.zone_exists
    edge = min(1.0, (p + c_b) / (1 + m))
    # the candidates are a random grid (≈ 0.003 apart on average, so a gap below the edge can be
    # twice that) and deals within NEAR_TIE of the best gain are tied (the central one taken)
    assert an.proposal[0] == pytest.approx(edge, abs=1e-2)
    assert an.proposal[0] <= edge + 1e-9


def test_challengers_commitment_makes_its_threat_credible() -> None:
    """Tying hands (Fearon 1994): a public demand backed by a threat costs the challenger if it
    lets the demand drop, so a threat that was not worth carrying out becomes credible."""
    loose = analyse(one_issue(0.6, 0.2, 0.1, sq=50), trust=1.0)
    tied = analyse(one_issue(0.6, 0.2, 0.1, sq=50, commitment=1.0), trust=1.0)
    assert not loose.credible and tied.credible
    assert loose.proposal is not None and tied.proposal is not None
    assert tied.proposal[0] >= loose.proposal[0] - 1e-9  # and B concedes at least as much


def test_audience_cost_can_close_the_zone_and_is_named() -> None:
    sc = one_issue(0.5, 0.05, 0.05, commitment_b=1.0, sq=0)
    an = analyse(sc, trust=1.0)
    assert not an.zone_exists
    assert analyse(one_issue(0.5, 0.05, 0.05), trust=1.0).zone_exists
    assert any("audience costs" in line for line in explain(an))


# -- unilateral issues -------------------------------------------------------------------------
def _unilateral(cost: float, target_cost: float) -> Scenario:
    return Scenario.model_validate({
        "name": "u",
        "outside_options": [{"actor": "A", "target": ["D"], "cost": cost,
                             "target_cost": target_cost, "imposes": {"forces": 0}}],
        "actors": [{"id": "A", "capability": 5}, {"id": "D", "capability": 1}],
        "issues": [{"id": "forces", "status_quo": 20, "decision": {"unilateral": "D"}}],
        "stances": [{"actor": "A", "issue": "forces", "position": 0, "salience": 80},
                    {"actor": "D", "issue": "forces", "position": 90, "salience": 60}],
    })


def test_unilateral_issue_without_credible_threat_goes_to_the_decider() -> None:
    f = forecast(_unilateral(cost=1.0, target_cost=0.1), "crisis", rng=0, trust=1.0,
                 resolve_sd=0.0)
    assert f.outcome("forces") == pytest.approx(90.0)
    assert _structural(f) is not None and _structural(f)["escalation"] == 0.0
    # and without any outside option at all
    sc = _unilateral(1.0, 0.1).model_copy(update={"outside_options": ()})
    assert forecast(sc, "crisis", rng=0).outcome("forces") == pytest.approx(90.0)


def test_a_decider_or_threat_holder_without_positions_is_noted() -> None:
    """A unilateral decider with no position leaves its issue at the status quo, a joint party
    with none gives no consent to weigh, a threat holder with none values no outcome: each is
    said in the forecast's notes (nothing silent), and the outcome is what the note says."""
    base = _unilateral(1.0, 0.1)
    sc = base.model_copy(update={"stances": base.stances[:1],  # D, the decider, has none
                                 "outside_options": ()})
    f = forecast(sc, "crisis", rng=0, trust=1.0)
    assert f.outcome("forces") == pytest.approx(20.0)  # its status quo, as the note says
    assert any("decided by D alone, but D holds no position" in n for n in f.notes)
    joint = Scenario.model_validate({
        "name": "j",
        "actors": [{"id": "A", "capability": 5}, {"id": "B", "capability": 1},
                   {"id": "C", "capability": 1}],
        "issues": [{"id": "deal", "status_quo": 20, "decision": {"joint": ["A", "C"]}}],
        "stances": [{"actor": "A", "issue": "deal", "position": 60, "salience": 80},
                    {"actor": "B", "issue": "deal", "position": 90, "salience": 60}],
    })
    notes = forecast(joint, "crisis", rng=0).notes
    assert any("needs C's consent (joint), but C holds no position" in n for n in notes)
    assert not any("needs A's consent" in n for n in notes)
    idle = base.model_copy(update={"stances": base.stances[1:]})  # A, the threat holder, has none
    assert any("A has an outside option but holds no position on any issue" in n
               for n in forecast(idle, "crisis", rng=0, trust=1.0).notes)
    assert not any("holds no position" in n for n in forecast(base, "crisis", rng=0).notes)


def test_deterrence_moves_the_decider_below_its_position() -> None:
    """A credible threat against a costly target makes the decider's best reply concede."""
    s = setup(_unilateral(cost=0.05, target_cost=0.9))
    an = analyse(_unilateral(cost=0.05, target_cost=0.9), trust=1.0)
    assert an.dyad is not None
    assert s.to_scale(an.dyad.standoff)[0] < 90.0


# -- linkage and the baseline ------------------------------------------------------------------
def test_package_is_all_or_nothing_and_conditional_waits_for_its_branch() -> None:
    base = {
        "name": "l",
        "actors": [{"id": "A"}, {"id": "B"}],
        "issues": [{"id": "x", "status_quo": 0}, {"id": "y", "status_quo": 0},
                   {"id": "z", "status_quo": 0}],
        "stances": [{"actor": a, "issue": i, "position": p, "salience": 50}
                    for a, p in (("A", 60), ("B", 40)) for i in ("x", "y", "z")],
    }
    free = collective_layer(setup(Scenario.model_validate(base)))
    assert np.all(free.outcome > 0.3)
    blocked = dict(base)
    blocked["stances"] = [dict(s) for s in base["stances"]]
    blocked["stances"][1]["red_line"] = {"side": "below", "value": 90}  # A on y: ≥ 90
    blocked["stances"][4]["red_line"] = {"side": "above", "value": 50}  # B on y: ≤ 50
    blocked["linkage"] = [{"package": ["x", "y"]}, {"conditional": "z", "on": "escalation"}]
    col = collective_layer(setup(Scenario.model_validate(blocked)))
    assert list(col.outcome) == [0.0, 0.0, 0.0]


def test_a_package_closed_by_red_lines_offers_no_deal_in_the_crisis_layer() -> None:
    """A package stands or falls as one in the crisis layer too: when red lines leave no value
    on one of its issues, no candidate deal moves any issue of the package, so a credible
    threat with nothing left to settle is carried out (complete information)."""
    doc: dict[str, Any] = {
        "name": "closed-package",
        "actors": [{"id": "A", "capability": 3}, {"id": "B", "capability": 1}],
        "issues": [{"id": "x", "status_quo": 0}, {"id": "y", "status_quo": 0}],
        "stances": [
            {"actor": "A", "issue": "x", "position": 100, "salience": 80},
            {"actor": "A", "issue": "y", "position": 100, "salience": 20,
             "red_line": {"side": "below", "value": 80}},
            {"actor": "B", "issue": "x", "position": 0, "salience": 50},
            {"actor": "B", "issue": "y", "position": 0, "salience": 50,
             "red_line": {"side": "above", "value": 40}},
        ],
        "outside_options": [{"actor": "A", "target": ["B"], "cost": 0.05, "target_cost": 0.5,
                             "imposes": {"x": 100, "y": 100}}],
    }
    open_pkg = analyse(Scenario.model_validate(doc), trust=1.0, rng=0)
    assert open_pkg.zone_exists  # x alone can be traded for A's threat
    doc["linkage"] = [{"package": ["x", "y"]}]
    sc = Scenario.model_validate(doc)
    an = analyse(sc, trust=1.0, rng=0)
    assert np.allclose(an.candidates, an.setup.status_quo)  # nothing in the package moves
    assert an.credible and not an.zone_exists
    f = forecast(sc, "crisis", rng=0, trust=1.0, resolve_sd=0.0)
    assert _structural(f) is not None and _structural(f)["escalation"] == 1.0
    assert any("agreed all together or not at all, so no deal settles x" in line
               for line in f.explanation)


def test_a_package_trades_across_its_issues() -> None:
    """Each side gives on the issue it cares less about (Putnam 1988's package deal): no
    issue moves alone, the package moves both."""
    data = {
        "name": "trade",
        "actors": [{"id": "A"}, {"id": "B"}],
        "issues": [{"id": "x", "status_quo": 0}, {"id": "y", "status_quo": 0}],
        "stances": [
            {"actor": "A", "issue": "x", "position": 100, "salience": 90},
            {"actor": "A", "issue": "y", "position": 0, "salience": 10},
            {"actor": "B", "issue": "x", "position": 0, "salience": 10},
            {"actor": "B", "issue": "y", "position": 100, "salience": 90},
        ],
    }
    alone = collective_layer(setup(Scenario.model_validate(data)))
    assert list(alone.outcome) == [0.0, 0.0]
    data["linkage"] = [{"package": ["x", "y"]}]
    both = collective_layer(setup(Scenario.model_validate(data)))
    assert np.all(both.outcome > 0.3) and both.agreed.all()


@st.composite
def plain_scenarios(draw: st.DrawFn) -> Scenario:
    n_a, n_i = draw(st.integers(1, 5)), draw(st.integers(1, 4))
    return Scenario.model_validate({
        "name": "p",
        "actors": [{"id": f"a{k}", "capability": draw(st.floats(0, 10))} for k in range(n_a)],
        "issues": [{"id": f"i{k}", "status_quo": draw(st.floats(0, 100))} for k in range(n_i)],
        "stances": [{"actor": f"a{a}", "issue": f"i{k}", "position": draw(st.floats(0, 100)),
                     "salience": draw(st.floats(0, 100))}
                    for a in range(n_a) for k in range(n_i) if draw(st.booleans())],
    })


@settings(max_examples=80, deadline=None)
@given(sc=plain_scenarios())
def test_reduces_to_nash_without_crisis_inputs(sc: Scenario) -> None:
    """No red lines, no unilateral issues, no outside options: crisis == nash, no escalation."""
    f = forecast(sc, "crisis", rng=0)
    g = forecast(sc, "nash")
    np.testing.assert_array_equal(f.outcomes, g.outcomes)
    assert _structural(f) is not None and _structural(f)["escalation"] == 0.0
    sq = np.array([i.status_quo for i in sc.issues])
    moved = bool(np.any(np.abs(f.outcomes - sq) / 100 > 1e-9))
    assert _structural(f)["agreement"] == (1.0 if moved else 0.0)


def test_options_are_checked() -> None:
    sc = one_issue(0.6, 0.1, 0.1)
    with pytest.raises(InputError, match="channel"):
        forecast(sc, "crisis", channel="secret")
    with pytest.raises(InputError, match="trust"):
        forecast(sc, "crisis", trust="lots")
    with pytest.raises(InputError, match="challenger"):
        forecast(sc, "crisis", challenger="B")


def test_same_seed_same_forecast() -> None:
    sc = one_issue(0.6, 0.03, 0.03)
    a = forecast(sc, "crisis", rng=7, trust=1.0, resolve_sd=1.0)
    b = forecast(sc, "crisis", rng=7, trust=1.0, resolve_sd=1.0)
    assert _structural(a) == _structural(b) and np.array_equal(a.outcomes, b.outcomes)


# -- private standoff values (design revision 3, `standoff_info`) ------------------------------
def _logroll(c_b: float) -> Scenario:
    """A and B trade across two issues; A's option gains it nothing (it imposes the status quo
    and costs 0), so A's threat is never credible and B's alternative is the standoff."""
    return Scenario.model_validate({
        "name": "logroll",
        "outside_options": [{"actor": "A", "target": ["B"], "cost": 0.0, "target_cost": c_b,
                             "p_prevail": 0.5, "imposes": {"x": 0}, "action": "walk out"}],
        "actors": [{"id": "A", "capability": 1}, {"id": "B", "capability": 1}],
        "issues": [{"id": "x", "status_quo": 0}, {"id": "y", "status_quo": 100}],
        "stances": [
            {"actor": "A", "issue": "x", "position": 100, "salience": 80, "commitment": 0},
            {"actor": "A", "issue": "y", "position": 100, "salience": 20, "commitment": 0},
            {"actor": "B", "issue": "x", "position": 0, "salience": 20, "commitment": 0},
            {"actor": "B", "issue": "y", "position": 0, "salience": 80, "commitment": 0},
        ],
    })


@pytest.mark.parametrize(("sigma", "c_b"), [(1.0, 0.4), (0.5, 0.4), (1.0, 0.25)])
def test_private_standoff_value_take_it_or_leave_it_closed_form(sigma: float, c_b: float
                                                                 ) -> None:
    """Fearon's (1995) take-it-or-leave-it demand under one-sided private information, here
    about B's value of the standoff, ``η_B ~ N(0, (σ c_B)²)``: B accepts a deal worth ``g_B``
    over the standoff iff ``g_B ≥ η_B``, so A demands ``argmax Φ(g_B/s)·g_A`` on the Pareto
    frontier (``g_A = 0.75 − 0.25 g_B`` for ``g_B ≤ 0.6``, ``0.6 − 4(g_B − 0.6)`` above) and the
    standoff happens with probability ``1 − Φ(g_B*/s)``; escalation never (no credible
    threat). With common knowledge of the standoff (the default) the deal is always taken."""
    from scipy.optimize import minimize_scalar
    from scipy.stats import norm

    s_b = sigma * c_b

    def g_a(t: float) -> float:
        return 0.75 - 0.25 * t if t <= 0.6 else 0.6 - 4.0 * (t - 0.6)

    best = minimize_scalar(lambda t: -norm.cdf(t / s_b) * g_a(t), bounds=(-0.2, 0.8),
                           method="bounded", options={"xatol": 1e-8})
    expected = 1.0 - norm.cdf(best.x / s_b)
    sc = _logroll(c_b)
    f = forecast(sc, "crisis", rng=11, trust=1.0, power=1.0, resolve_sd=sigma,
                 draws=20000, standoff_info="private")
    assert _structural(f) is not None
    assert _structural(f)["escalation"] == 0.0
    assert _structural(f)["no_agreement"] == pytest.approx(expected, abs=0.02)
    assert 0.02 < _structural(f)["no_agreement"]
    common = forecast(sc, "crisis", rng=11, trust=1.0, power=1.0, resolve_sd=sigma)
    assert _structural(common) is not None and _structural(common)["agreement"] == 1.0


def test_private_standoff_value_is_the_default_model_at_sigma_zero() -> None:
    sc = one_issue(0.6, 0.03, 0.03)
    a = forecast(sc, "crisis", rng=5, trust=0.8, resolve_sd=0.0, standoff_info="private")
    b = forecast(sc, "crisis", rng=5, trust=0.8, resolve_sd=0.0)
    assert _structural(a) == _structural(b) and np.array_equal(a.outcomes, b.outcomes)
    with pytest.raises(InputError, match="standoff_info"):
        forecast(sc, "crisis", standoff_info="secret")


# -- private estimates of the chance of prevailing (design revision 7, `power_info`) ----------
def _private_power_closed_form(p: float, c_a: float, c_b: float, sigma: float
                               ) -> tuple[float, float]:
    """(P(agreement), P(escalation)) on ``one_issue`` (A wants 1, B 0, status quo 0, full trust,
    no audience costs) when each side's estimate of p is its own: ``p_i = logistic(logit p +
    σ Z_i)``, costs ``c_i exp(σ Z − σ²/2)``, all independent. B accepts ``x`` iff ``x ≤ p_B +
    c_B f_B`` when it judges A's threat credible at A's nominal cost (``p_B > c_A``), else iff
    ``x ≤ 0``; A (reservation ``t = max(p_A − c_A f_A, 0)``) demands ``argmax P(B accepts x)
    (x − t)`` (Fearon 1995's risk–return trade-off); a refused demand is war iff ``p_A − c_A
    f_A > 0``. Quadrature on fine grids; the inner probability over B's cost is exact."""
    from scipy.stats import norm

    th = math.log(p / (1 - p))
    z = np.linspace(-8, 8, 3201)
    wz = norm.pdf(z)
    wz /= wz.sum()
    p_b = 1 / (1 + np.exp(-(th + sigma * z)))
    xs = np.linspace(0, 1, 4001)
    gap = xs[:, None] - p_b[None, :]
    tail = np.where(gap <= 0, 1.0, norm.sf(
        (np.log(np.maximum(gap, 1e-300) / c_b) + sigma**2 / 2) / sigma))
    acc = np.where((p_b > c_a)[None, :], tail, (xs[:, None] <= 0).astype(float)) @ wz
    ts = np.linspace(0, 1, 2001)
    x_star = xs[(acc[None, :] * (xs[None, :] - ts[:, None])).argmax(axis=1)]
    acc_t = np.interp(x_star, xs, acc)
    f = np.exp(sigma * z - sigma**2 / 2)
    t_a = p_b[:, None] - c_a * f[None, :]  # p_A has the same law as p_B
    w2 = wz[:, None] * wz[None, :]
    a_t = np.interp(np.maximum(t_a, 0.0), ts, acc_t)
    return float((w2 * a_t).sum()), float((w2 * (1 - a_t) * (t_a > 0)).sum())


@pytest.mark.parametrize(("p", "c_a", "c_b", "sigma"),
                         [(0.6, 0.1, 0.1, 0.5), (0.6, 0.1, 0.1, 1.0), (0.5, 0.2, 0.05, 1.0),
                          (0.8, 0.05, 0.2, 1.0)])
def test_private_power_estimates_take_it_or_leave_it_closed_form(p: float, c_a: float,
                                                                  c_b: float, sigma: float
                                                                  ) -> None:
    """Private estimates of relative power (Fearon 1995; Slantchev & Tarar 2011): the model's
    episode matches the closed form (`_private_power_closed_form`) within Monte Carlo error."""
    agree, esc = _private_power_closed_form(p, c_a, c_b, sigma)
    f = forecast(one_issue(p, c_a, c_b), "crisis", rng=1, trust=1.0, power=1.0,
                 resolve_sd=sigma, draws=20000, power_info="private")
    assert _structural(f) is not None
    assert _structural(f)["agreement"] == pytest.approx(agree, abs=0.015)
    assert _structural(f)["escalation"] == pytest.approx(esc, abs=0.015)
    assert 0.1 < esc < 0.9


def test_private_power_estimates_differ_from_a_shared_draw() -> None:
    """With one shared draw of p (the default) both sides' reservations move together; with
    private estimates they do not, and the episode differs beyond Monte Carlo error."""
    sc = one_issue(0.6, 0.1, 0.1)
    common = forecast(sc, "crisis", rng=1, trust=1.0, power=1.0, resolve_sd=1.0, draws=20000)
    private = forecast(sc, "crisis", rng=1, trust=1.0, power=1.0, resolve_sd=1.0, draws=20000,
                       power_info="private")
    assert _structural(common) is not None and _structural(private) is not None
    assert abs(_structural(common)["escalation"] - _structural(private)["escalation"]) > 0.05


def test_private_power_estimates_are_the_default_model_at_sigma_zero() -> None:
    sc = one_issue(0.6, 0.03, 0.03)
    a = forecast(sc, "crisis", rng=5, trust=0.8, resolve_sd=0.0, power_info="private")
    b = forecast(sc, "crisis", rng=5, trust=0.8, resolve_sd=0.0)
    assert _structural(a) == _structural(b) and np.array_equal(a.outcomes, b.outcomes)
    c = forecast(sc, "crisis", rng=5, trust=0.8, power_info="common")
    d = forecast(sc, "crisis", rng=5, trust=0.8)
    assert _structural(c) == _structural(d) and np.array_equal(c.outcomes, d.outcomes)
    kw: dict[str, Any] = {"rng": 5, "trust": 0.8, "resolve_sd": 0.0, "broken_promise": "crisis",
                          "power_shift": -0.1}
    e = forecast(sc, "crisis", power_info="private", **kw)
    g = forecast(sc, "crisis", **kw)
    assert _structural(e) == _structural(g) and np.array_equal(e.outcomes, g.outcomes)
    with pytest.raises(InputError, match="power_info"):
        forecast(sc, "crisis", power_info="secret")


# -- broken promise = the crisis resumed at the later power (design revision 5) ---------------
@settings(max_examples=60, deadline=None)
@given(p=st.floats(0.2, 0.9), c_a=st.floats(0, 0.3), c_b=st.floats(0, 0.3),
       kappa=st.floats(0.3, 1.0), dp=st.floats(-0.3, 0.1))
def test_broken_promise_resumes_the_crisis_closed_form(p: float, c_a: float, c_b: float,
                                                        kappa: float, dp: float) -> None:
    """Fearon 1995 (§ commitment problems), Powell 2006: a promise is kept with κ; a broken one
    resumes the crisis at the later chance of prevailing ``p' = p + Δ``. On one issue (A wants
    1, B 0, status quo 0, no audience costs) A accepts ``x`` iff ``κ x + (1 − κ)(p' − c_A) ≥
    p − c_A`` and B iff ``κ x ≤ p + c_B − (1 − κ)(p' + c_B)``: without a shift this is Fearon's
    range ``[p − c_A, p + c_B]`` whatever κ; a falling challenger (Δ < 0) needs more, and no
    deal is left when ``p − c_A > κ + (1 − κ)(p' − c_A)`` (even the whole stake is not enough)."""
    pl = p + dp
    assume(p - c_a > 0.01 and pl - c_a > 0.01 and pl <= 1.0)
    an = analyse(one_issue(p, c_a, c_b), trust=kappa, rng=0, broken_promise="crisis",
                 power_shift=dp)
    lo = (p - c_a - (1 - kappa) * (pl - c_a)) / kappa
    hi = (p + c_b - (1 - kappa) * (pl + c_b)) / kappa
    x = an.candidates[:, 0]
    inside = (x >= lo - 1e-9) & (x <= hi + 1e-9)
    clear = (np.abs(x - lo) > 1e-7) & (np.abs(x - hi) > 1e-7)
    assert np.array_equal(an.zone[clear], inside[clear])
    if p - c_a > kappa + (1 - kappa) * (pl - c_a) + 1e-6:
        assert not an.zone_exists
    if dp == 0.0 and c_a + c_b > 0.01 and p + c_b <= 1:
        assert an.zone_exists  # no shift: trust does not close Fearon's range


def test_broken_promise_crisis_without_shift_is_trust_neutral() -> None:
    """Powell 2006: with no shift in power there is no commitment problem — the zone that
    missing trust closes under the default ('standoff') stays open."""
    sc = one_issue(0.6, 0.02, 0.02)
    assert not analyse(sc, trust=0.5).zone_exists
    assert analyse(sc, trust=0.5, broken_promise="crisis").zone_exists
    # a falling challenger: 0.58 > κ + (1 − κ)(p' − c_A) = 0.54 at p' = 0.1, no deal left
    assert not analyse(sc, trust=0.5, broken_promise="crisis", power_shift=-0.5).zone_exists
    # and the Monte Carlo forecast at trust 0.5 is the full-trust one, draw for draw
    f = forecast(sc, "crisis", rng=2, trust=0.5, broken_promise="crisis")
    g = forecast(sc, "crisis", rng=2, trust=1.0, broken_promise="crisis")
    assert _structural(f) == _structural(g) and np.allclose(f.outcomes, g.outcomes)
    with pytest.raises(InputError, match="broken_promise"):
        forecast(sc, "crisis", broken_promise="never")
