"""The expected utility model (``eum``): published-replication numbers, closed forms, robustness
on DEU III, explanation and options.

Peer numbers below were produced by running the public replications (jmckib/bdm-scholz-
expected-utility-model, dmasad/BDM_DecisionModel_Replication) outside this project on the same
inputs; only their numbers are kept here.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest

from detente.collective import evaluate, forecast, forecast_many, get_model
from detente.collective._eum_kernel import (
    GIVE,
    LOSE,
    EUMSettings,
    condorcet_median,
    eum_kernel,
)
from detente.errors import InputError
from detente.examples import example_path, load_example
from detente.scenario import Actor, Issue, Scenario, Stance, load_scenario, read_deu

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "reference" / "cases"
BDM = SHARED / "bdm"
DEU = SHARED / "deu3" / "deu3.csv"

# jmckib replication (reproduces Scholz et al.'s published EC tables), EC emissions, 10 rounds
JMCKIB_EC = np.array([
    (4.0, 7.0, 4.0, 4.0, 10.0, 10.0, 10.0, 7.0, 4.0, 7.0),
    (4.0, 8.4159323154, 7.0, 4.0, 10.0, 10.0, 10.0, 4.0, 4.0, 7.0),
    (4.0, 9.6108591341, 8.4159323154, 4.0, 10.0, 10.0, 10.0, 7.0, 4.0, 7.0),
    (4.0, 9.9619795904, 9.6108591341, 4.0, 10.0, 10.0, 10.0, 8.4159323154, 4.0, 7.0),
    (4.0, 4.8008811406, 9.9619795904, 4.0, 10.0, 10.0, 10.0, 9.6108591341, 4.0, 7.0),
    (4.0, 5.5242376942, 4.8008811406, 4.0, 10.0, 10.0, 10.0, 9.9619795904, 4.0, 7.0),
    (4.0, 7.4720463619, 5.5242376942, 4.0, 10.0, 10.0, 10.0, 5.5242376942, 4.0, 7.0),
    (4.0, 8.8245938553, 7.4720463619, 4.0, 10.0, 10.0, 10.0, 7.4720463619, 4.0, 7.0),
    (4.0, 9.6711297698, 8.8245938553, 4.0, 10.0, 10.0, 10.0, 8.8245938553, 4.0, 7.0),
    (4.0, 4.1448490625, 9.6711297698, 4.0, 10.0, 10.0, 10.0, 9.6711297698, 4.0, 7.0),
    (4.0, 4.291541225, 4.1448490625, 4.0, 10.0, 10.0, 10.0, 4.1448490625, 4.0, 7.0),
])
JMCKIB_EC_RISK1 = [1.4056527842, 0.7541959272, 0.508863791, 1.4056527842, 1.0465238961,
                   1.0465238961, 1.9648982295, 0.5, 2.0, 1.1121249709]
JMCKIB_EC_MEAN = [7.3899556869, 7.4613143783, 7.5525008659, 7.5901449975, 7.3581305313,
                  7.3491739897, 7.4148775454, 7.5104571837, 7.5724470976, 7.3249890657,
                  7.2421309585]
JMCKIB_EC_MEDIAN = [7.0, 8.4159323154, 9.6108591341, 9.9619795904, 9.9619795904, 9.9619795904,
                    7.4720463619, 8.8245938553, 9.6711297698, 9.6711297698, 7.0]

# dmasad replication, EC emissions, 10 rounds: only Luxembourg and Ireland ever move
DMASAD_EC_LU = [4.0, 10.0, 4.0, 10.0, 4.0, 10.0, 4.0, 10.0, 4.0, 10.0, 4.0]
DMASAD_EC_IE = [7.0, 7.188031156, 7.1236879645, 6.9665250598, 7.1537474113, 6.9914464527,
                7.1804114095, 7.0136190593, 7.2040450458, 7.0333249721, 7.2249850207]
DMASAD_EC_RISK1 = [1.1271980463, 0.7809178391, 0.5, 1.1271980463, 1.0778922989, 1.0778922989,
                   2.0, 0.5247821722, 1.471696545, 1.140479448]
DMASAD_EC_MEAN = [7.3899556869, 7.444520171, 7.3908691873, 7.4428842323, 7.3910911921,
                  7.4430682899, 7.3912881197, 7.4432320462, 7.3914626665, 7.4433775847,
                  7.3916173192]

# dmasad replication, China 1989 (24 actors), positions after rounds 1..5
DMASAD_CHINA = np.array([
    (25.0, 15.0, 15.0, 35.0, 30.0, 20.0, 35.0, 15.0, 20.0, 15.0, 15.0, 25.0, 20.0, 10.0, 20.0,
     15.0, 100.0, 100.0, 100.0, 100.0, 60.0, 90.0, 100.0, 50.0),
    (25.0, 15.0, 15.0, 35.0, 30.0, 20.0, 33.335627383, 15.0, 20.0, 15.0, 15.0, 25.0, 20.0, 20.0,
     20.0, 15.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0),
    (15.0, 15.0, 15.0, 26.190856944, 20.0, 20.0, 20.0, 15.0, 20.0, 15.0, 15.0, 20.0, 20.0, 20.0,
     20.0, 15.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0),
    (15.0, 15.0, 15.0, 15.0, 20.0, 15.0, 20.0, 15.0, 20.0, 15.0, 15.0, 20.0, 20.0, 20.0, 20.0,
     15.0, 20.0, 20.0, 20.0, 15.0, 20.0, 15.0, 20.0, 20.0),
    (15.0, 15.0, 15.0, 15.0, 20.0, 20.0, 20.0, 15.0, 20.0, 15.0, 15.0, 20.0, 20.0, 20.0, 20.0,
     15.0, 20.0, 20.0, 20.0, 20.0, 20.0, 18.2491746907, 20.0, 20.0),
    (20.0, 15.0, 15.0, 20.0, 20.0, 15.0, 20.0, 15.0, 20.0, 15.0, 15.0, 20.0, 20.0, 20.0, 20.0,
     15.0, 20.0, 20.0, 20.0, 15.0, 20.0, 16.5072296665, 20.0, 20.0),
])


def _one_issue(points: list[tuple[float, float, float]], **issue: float) -> Scenario:
    """Scenario from (position, capability, salience) triples on a 0-100 issue."""
    actors = tuple(Actor(id=f"a{k}", capability=c) for k, (_, c, _) in enumerate(points))
    stances = tuple(
        Stance(actor=f"a{k}", issue="x", position=p, salience=s)
        for k, (p, _, s) in enumerate(points)
    )
    return Scenario(name="t", actors=actors, issues=(Issue(id="x", **issue),), stances=stances)


@pytest.mark.parametrize(
    "source", [pytest.param("yaml", id="shipped-example"), pytest.param("csv", id="jmckib-csv")]
)
def test_ec_emissions_matches_jmckib_replication_of_scholz_tables(source: str) -> None:
    sc = (
        load_example("ec-emissions")
        if source == "yaml"
        else load_scenario(BDM / "jmckib_ExampleActors_EC_emissions.csv")
    )
    fc = forecast(sc, "eum", variant="scholz_code", rounds=10, outcome="mean")
    assert fc.trajectory is not None
    np.testing.assert_allclose(fc.trajectory[:, :, 0], JMCKIB_EC, atol=1e-9)
    np.testing.assert_allclose(fc.diagnostics["risk"][0, :, 0], JMCKIB_EC_RISK1, atol=1e-9)
    np.testing.assert_allclose(fc.diagnostics["mean"][:, 0], JMCKIB_EC_MEAN, atol=1e-9)
    np.testing.assert_allclose(fc.diagnostics["median"][:, 0], JMCKIB_EC_MEDIAN, atol=1e-9)
    assert fc.outcomes[0] == pytest.approx(JMCKIB_EC_MEAN[-1], abs=1e-9)


def test_ec_emissions_matches_dmasad_replication() -> None:
    sc = load_scenario(BDM / "dmasad_ExampleActors.csv")
    fc = forecast(sc, "eum", variant="masad", rounds=10, outcome="mean")
    assert fc.trajectory is not None
    ids = list(fc.actor_ids)
    np.testing.assert_allclose(fc.trajectory[:, ids.index("Luxembourg"), 0], DMASAD_EC_LU)
    np.testing.assert_allclose(fc.trajectory[:, ids.index("Ireland"), 0], DMASAD_EC_IE, atol=1e-9)
    others = [k for k, a in enumerate(ids) if a not in ("Luxembourg", "Ireland")]
    np.testing.assert_array_equal(
        fc.trajectory[:, others, 0], np.repeat(fc.trajectory[:1, others, 0], 11, axis=0)
    )
    np.testing.assert_allclose(fc.diagnostics["risk"][0, :, 0], DMASAD_EC_RISK1, atol=1e-9)
    np.testing.assert_allclose(fc.round_outcomes[:, 0], DMASAD_EC_MEAN, atol=1e-9)


def test_china_matches_dmasad_replication() -> None:
    fc = forecast(load_scenario(BDM / "dmasad_ChinaData.csv"), "eum", variant="masad", rounds=5)
    assert fc.trajectory is not None
    np.testing.assert_allclose(fc.trajectory[:, :, 0], DMASAD_CHINA, atol=1e-9)


def test_sultan_nobody_moves_under_scholz_code_as_in_jmckib() -> None:
    # jmckib's run of its own Sultan case: the all-contests denominator makes every probability
    # tiny, so no pressure succeeds and every position stays put for 5 rounds.
    fc = forecast(load_scenario(BDM / "jmckib_Sultan.csv"), "eum", variant="scholz_code", rounds=5)
    assert fc.trajectory is not None
    np.testing.assert_array_equal(fc.trajectory, np.repeat(fc.trajectory[:1], 6, axis=0))
    assert int(fc.diagnostics["stopped"][0]) == 0


def test_capitulation_never_arises_in_the_ec_tables() -> None:
    # jmckib's capitulation test can never hold (a typo); on the EC case no actor would
    # capitulate anyway, so the published tables do not depend on it
    off = forecast(load_example("ec-emissions"), "eum", variant="scholz_code")
    on = forecast(load_example("ec-emissions"), "eum", variant="scholz_code", capitulation=True)
    assert off.trajectory is not None and on.trajectory is not None
    np.testing.assert_allclose(off.trajectory[:, :, 0], JMCKIB_EC, atol=1e-9)
    np.testing.assert_array_equal(on.trajectory, off.trajectory)
    # it does matter elsewhere: on DEU III issues capitulations occur
    cases = read_deu(DEU).scored().cases[:60]
    a = forecast_many([c.scenario for c in cases], "eum", variant="scholz_code")
    b = forecast_many([c.scenario for c in cases], "eum", variant="scholz_code", capitulation=True)
    assert any(not np.allclose(x.outcomes, y.outcomes) for x, y in zip(a, b, strict=True))


def test_two_actors_closed_form() -> None:
    """Two actors at 0 and 100: P_01 = w0/(w0+w1) (share), security with r=1 is
    S_i = 2 (1 - 2 s_i P_ji') ... and R = ±1 gives r = 0.5 (threatened) or 2 (secure)."""
    w0, w1, s0, s1 = 0.3 * 0.9, 0.7 * 0.4, 0.9, 0.4
    sc = _one_issue([(0.0, 0.3, 90.0), (100.0, 0.7, 40.0)])
    fc = forecast(sc, "eum", rounds=1)
    p01 = w0 / (w0 + w1)
    prob = fc.diagnostics["probability"][0, :, :, 0]
    assert prob[0, 1] == pytest.approx(p01)
    assert prob[1, 0] == pytest.approx(1 - p01)
    # EU of j challenging i with r = 1 and d = 1: s_i (2P_ji - 2(1-P_ji)) + (1 - s_i) 2
    sec0 = s0 * (2 * (1 - p01) - 2 * p01) + (1 - s0) * 2
    sec1 = s1 * (2 * p01 - 2 * (1 - p01)) + (1 - s1) * 2
    np.testing.assert_allclose(fc.diagnostics["security"][0, :, 0], [sec0, sec1])
    r = fc.diagnostics["risk"][0, :, 0]
    assert sorted(r) == pytest.approx([0.5, 2.0])
    assert r[0] == pytest.approx(0.5 if sec0 > sec1 else 2.0)
    # a[0, 1]: actor 0 challenging 1, valued with r_0 (d = 1: U_s = 2, U_f = 2 - 4, U_sq)
    r0 = r[0]
    us, uf, usq = 2 - 4 * 0.0**r0, 2 - 4 * 1.0**r0, 2 - 4 * 0.5**r0
    a01 = s1 * (p01 * us + (1 - p01) * uf) + (1 - s1) * us - usq
    assert fc.diagnostics["eu_own"][0, 0, 1, 0] == pytest.approx(a01)


@pytest.mark.parametrize("variant", ["scholz", "scholz_code", "masad"])
@pytest.mark.parametrize(
    "points",
    [
        pytest.param([(20.0, 1.0, 50.0), (80.0, 1.0, 50.0)], id="two-equal-actors"),
        pytest.param([(30.0, 1.0, 60.0)] * 4, id="identical-positions"),
        pytest.param([(10.0, 1.0, 0.0), (90.0, 2.0, 0.0)], id="zero-salience-all"),
        pytest.param([(10.0, 1.0, 0.0), (90.0, 2.0, 70.0), (50, 1.0, 30)], id="one-zero-salience"),
        pytest.param([(0.0, 1.0, 50.0), (100.0, 1.0, 50.0), (0.0, 1.0, 50.0),
                      (100.0, 1.0, 50.0)], id="two-positions-equal-security"),
        pytest.param([(40.0, 0.0, 80.0), (60.0, 1.0, 80.0)], id="zero-capability"),
        pytest.param([(55.0, 1.0, 100.0)], id="single-actor"),
    ],
)
def test_degenerate_issues_run_clean(
    variant: str, points: list[tuple[float, float, float]]
) -> None:
    sc = _one_issue(points, status_quo=50.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fc = forecast(sc, "eum", variant=variant, q=0.5, t="eftekhari")
        fc2 = forecast(sc, "eum", variant=variant)
    for f in (fc, fc2):
        assert f.trajectory is not None
        assert not np.isnan(f.trajectory).any()
        weight = sum(c * s for _, c, s in points)
        assert np.isnan(f.outcomes[0]) == (weight == 0)
        assert np.all((f.diagnostics["risk"] >= 0.5) & (f.diagnostics["risk"] <= 2.0))
        lo, hi = min(p for p, _, _ in points), max(p for p, _, _ in points)
        assert np.all((f.trajectory >= lo - 1e-9) & (f.trajectory <= hi + 1e-9))
    if len({p for p, _, _ in points}) == 1:  # identical positions: nothing to contest
        assert fc2.rounds == 10 and int(fc2.diagnostics["stopped"][0]) == 0


@pytest.mark.parametrize("variant", ["scholz", "scholz_code", "masad"])
def test_deu3_all_scored_issues_batched_without_nan_or_warning(variant: str) -> None:
    data = read_deu(DEU)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ev = evaluate(data, "eum", variant=variant, pairs=False)
    assert ev.n == 353 and ev.skipped == 0
    assert np.isfinite(ev.errors).all()
    assert 15.0 < ev.mae < 40.0  # the baselines score 23.7 (compromise) to 51 (status quo)


def test_batch_equals_one_by_one() -> None:
    cases = read_deu(DEU).scored().cases[:25]
    scenarios = [c.scenario for c in cases]
    many = forecast_many(scenarios, "eum", variant="scholz")
    for sc, fc in zip(scenarios, many, strict=True):
        one = forecast(sc, "eum", variant="scholz")
        assert one.trajectory is not None and fc.trajectory is not None
        np.testing.assert_allclose(fc.trajectory, one.trajectory, atol=1e-12)
        np.testing.assert_allclose(fc.outcomes, one.outcomes, atol=1e-12)
        assert fc.explanation == one.explanation


def test_monte_carlo_draws_on_leading_axis_equal_separate_runs() -> None:
    rng = np.random.default_rng(7)
    n, draws = 6, 40
    pos = np.tile(rng.uniform(0, 1, n), (draws, 1))
    cap = np.tile(rng.uniform(0.1, 1, n), (draws, 1))
    sal = np.clip(rng.uniform(0.2, 0.9, n) + rng.normal(0, 0.1, (draws, n)), 0, 1)
    present = np.ones((draws, n), dtype=bool)
    batch = eum_kernel(pos, cap, sal, present, EUMSettings(rounds=6))
    for d in (0, 17, 39):
        one = eum_kernel(pos[d : d + 1], cap[d : d + 1], sal[d : d + 1], present[d : d + 1],
                         EUMSettings(rounds=6))
        np.testing.assert_allclose(batch.positions[:, d], one.positions[:, 0], atol=1e-12)
    assert len({round(float(m), 9) for m in batch.mean[-1]}) > 1  # the draws do differ


def test_multi_issue_scenario_runs_each_issue_independently() -> None:
    a = _one_issue([(0, 1, 80), (40, 1, 50), (100, 2, 30)])
    b = _one_issue([(90, 1, 20), (10, 1, 90), (50, 2, 60)])
    both = Scenario(
        name="two",
        actors=a.actors,
        issues=(Issue(id="x"), Issue(id="y")),
        stances=a.stances + tuple(s.model_copy(update={"issue": "y"}) for s in b.stances),
    )
    fc = forecast(both, "eum")
    assert fc.outcomes[0] == pytest.approx(forecast(a, "eum").outcomes[0])
    assert fc.outcomes[1] == pytest.approx(forecast(b, "eum").outcomes[0])
    assert any(line.startswith("Issue ") for line in fc.explanation)


def test_condorcet_median_is_the_weighted_median() -> None:
    rng = np.random.default_rng(3)
    x = rng.uniform(0, 1, (50, 7))
    w = rng.uniform(0, 1, (50, 7))
    med = condorcet_median(x, w, np.ones_like(x, dtype=bool))
    for b in range(50):
        order = np.argsort(x[b])
        cum = np.cumsum(w[b, order])
        k = int(np.searchsorted(cum, cum[-1] / 2))
        assert med[b] == pytest.approx(x[b, order[k]])


def test_outcome_option_chooses_median_or_mean() -> None:
    sc = load_example("ec-emissions")
    med = forecast(sc, "eum", variant="scholz_code")
    mean = forecast(sc, "eum", variant="scholz_code", outcome="mean")
    assert med.outcomes[0] == pytest.approx(JMCKIB_EC_MEDIAN[-1])
    assert mean.outcomes[0] == pytest.approx(JMCKIB_EC_MEAN[-1])
    np.testing.assert_allclose(med.round_outcomes[:, 0], JMCKIB_EC_MEDIAN, atol=1e-9)


def test_explicit_option_overrides_variant_and_options_record_the_choices() -> None:
    fc = forecast(load_example("ec-emissions"), "eum", variant="masad", accept="nearest")
    assert fc.options["accept"] == "nearest"
    assert fc.options["probability"] == "net"
    assert fc.options["variant"] == "masad"


@pytest.mark.parametrize(
    "options, message",
    [
        ({"q": 1.5}, "'q' must be a number in [0, 1]"),
        ({"t": "sometimes"}, "'t' must be a number in [0, 1] or 'eftekhari'"),
        ({"rounds": -1}, "'rounds' must be a whole number"),
        ({"rounds": 2.5}, "'rounds' must be a whole number"),
        ({"accept": "best"}, "option 'accept' must be one of"),
        ({"variant": "bdm"}, "option 'variant' must be one of"),
        ({"tolerance": -0.1}, "'tolerance' must be a number"),
        ({"speed": 3}, "has no option 'speed'"),
    ],
)
def test_bad_options_are_clear_errors(options: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
        forecast(load_example("ec-emissions"), "eum", **options)


def test_explanation_says_who_pressed_whom_and_why_it_ended() -> None:
    fc = forecast(load_example("ec-emissions"), "eum", variant="scholz_code")
    text = "\n".join(fc.explanation)
    # round 1 of the jmckib table: Belgium compromises with France (7 -> 8.416), Luxembourg
    # loses a conflict with Belgium (4 -> 7), Ireland loses one with Luxembourg (7 -> 4)
    assert "Round 1: Belgium compromised with France (7 → 8.416)" in text
    assert "Luxembourg lost a conflict with Belgium (4 → 7)" in text
    assert "Who pressed whom: Belgium" in text
    assert "positions cycle" in text or "still moving" in text
    rel = fc.diagnostics["relation"]
    ids = list(fc.actor_ids)
    be, fr, lu = ids.index("BE"), ids.index("FR"), ids.index("LU")
    assert rel[0, be, fr, 0] == GIVE and rel[0, lu, be, 0] == LOSE
    converged = forecast(load_example("ec-emissions"), "eum")
    assert any("no actor accepts an offer" in line for line in converged.explanation)


def test_pairs_false_keeps_outcomes_and_explanation() -> None:
    sc = load_example("ec-emissions")
    full = forecast(sc, "eum")
    lean = forecast(sc, "eum", pairs=False)
    np.testing.assert_array_equal(full.outcomes, lean.outcomes)
    assert full.explanation == lean.explanation
    assert "relation" in full.diagnostics and "relation" not in lean.diagnostics


def test_registered_with_reference_and_documented_options() -> None:
    spec = get_model("eum")
    assert "Scholz" in spec.reference and "1997" in spec.reference
    assert spec.batch is not None
    for name in ("variant", "probability", "q", "t", "risk_update", "accept", "outcome"):
        assert spec.options[name].doc


def test_cli_forecast_explain(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from detente.cli import app

    runner = CliRunner()
    res = runner.invoke(
        app, ["forecast", str(example_path("ec-emissions")), "--model", "eum", "--explain"]
    )
    assert res.exit_code == 0, res.output
    assert "eum: why" in res.output and "Why it ends here" in res.output
    bad = runner.invoke(
        app, ["forecast", str(example_path("ec-emissions")), "--model", "eum", "-o", "q=2"]
    )
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_relations_mirror_when_each_side_uses_its_own_risk() -> None:
    # with perception='actual' i's view of (i, j) is j's view of (j, i) mirrored: a compromise
    # i makes is one j wins, a capitulation is a compulsion, a lost conflict one j prevails in
    from detente.collective._eum import _rows
    from detente.collective._eum_kernel import COMPEL, STALEMATE, TAKE, WIN, YIELD

    cases = read_deu(DEU).scored().cases[::4]
    pos, cap, sal, present, _ = _rows([c.scenario.compile() for c in cases])
    tr = eum_kernel(pos, cap, sal, present, EUMSettings(perception="actual", rounds=4))
    rel = tr.relation
    assert rel is not None
    back = np.swapaxes(rel, 2, 3)
    for mine, theirs in [(GIVE, TAKE), (YIELD, COMPEL), (STALEMATE, STALEMATE)]:
        np.testing.assert_array_equal(rel == mine, back == theirs)
    assert np.all(back[rel == LOSE] == WIN)
    assert (rel == GIVE).any() and (rel == YIELD).any() and (rel == LOSE).any()


def test_bdm_risk_three_actors_by_hand() -> None:
    """risk="bdm" (Bueno de Mesquita 1985, 1994, 1997) on A, B, C at 0, 20, 100 (d = 0, 0.2,
    1), capability 1, 2, 1, salience 1 (w = 1, 2, 1). With r = 1 and s = 1 the expected
    utility of j challenging i is d (4 P_ji − 2); P_ji counts votes w_k (d_ki − d_kj).

    A at 0: B (P = 3/4): 0.2·1 = 1/5; C (P = 5/16): 1·(−3/4); S = −11/20.
    A moved to 20: B at d 0 adds 0; C (P = 1/4): 0.8·(−1) = −4/5.  A moved to 100: C adds 0,
    B (P = 1/2): 0.  So R_A = (2·(−11/20) − 0 + 4/5) / (4/5) = −3/8, r_A = (9/8)/(7/8) = 9/7.
    B: −1 at every position (−1/5 − 4/5 where it is; −1 at 0 and at 100): R_B = 0, r_B = 1.
    C at 100: A (P = 11/16) 3/4, B (P = 3/4) 4/5: S = 31/20, above 0 (at 0) and −1/5 (at 20):
    R_C = 1, r_C = 1/2.
    Scholz's reading compares −11/20, −1, 31/20 across actors instead: R_A = −11/17,
    r_A = 31/20."""
    sc = _one_issue([(0.0, 1.0, 100.0), (20.0, 2.0, 100.0), (100.0, 1.0, 100.0)])
    bdm = forecast(sc, "eum", risk="bdm", rounds=1)
    np.testing.assert_allclose(bdm.diagnostics["security"][0, :, 0], [-11 / 20, -1, 31 / 20],
                               atol=1e-12)
    np.testing.assert_allclose(bdm.diagnostics["risk"][0, :, 0], [9 / 7, 1.0, 0.5], atol=1e-12)
    scholz = forecast(sc, "eum", rounds=1)
    np.testing.assert_allclose(scholz.diagnostics["security"][0, :, 0],
                               [-11 / 20, -1, 31 / 20], atol=1e-12)
    assert scholz.diagnostics["risk"][0, 0, 0] == pytest.approx(31 / 20)
    assert bdm.options["risk"] == "bdm"
    # the explanation says what the exponents compare
    assert any("(a2, whose position is more exposed" in line and "(a0, whose position is safer"
               in line for line in bdm.explanation)
    assert not any("others it could take" in line for line in scholz.explanation)


@pytest.mark.parametrize(
    "points",
    [
        pytest.param([(20.0, 1.0, 50.0), (80.0, 1.0, 50.0)], id="two-equal-actors"),
        pytest.param([(30.0, 1.0, 60.0)] * 4, id="identical-positions"),
        pytest.param([(10.0, 1.0, 0.0), (90.0, 2.0, 0.0)], id="zero-salience-all"),
        pytest.param([(10.0, 1.0, 0.0), (90.0, 2.0, 70.0), (50, 1.0, 30)], id="one-zero-salience"),
        pytest.param([(0.0, 1.0, 50.0), (100.0, 1.0, 50.0), (0.0, 1.0, 50.0),
                      (100.0, 1.0, 50.0)], id="two-positions-equal-security"),
        pytest.param([(40.0, 0.0, 80.0), (60.0, 1.0, 80.0)], id="zero-capability"),
        pytest.param([(55.0, 1.0, 100.0)], id="single-actor"),
    ],
)
@pytest.mark.parametrize("variant", ["scholz", "scholz_code", "masad"])
def test_bdm_risk_degenerate_issues_run_clean(
    variant: str, points: list[tuple[float, float, float]]
) -> None:
    sc = _one_issue(points, status_quo=50.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        runs = [forecast(sc, "eum", variant=variant, risk="bdm", **extra)
                for extra in ({}, {"q": 0.5, "t": "eftekhari"})]
    for f in runs:
        assert f.trajectory is not None and not np.isnan(f.trajectory).any()
        assert np.all((f.diagnostics["risk"] >= 0.5) & (f.diagnostics["risk"] <= 2.0))
        if len({p for p, _, _ in points}) == 1:  # one position: nowhere else to be
            np.testing.assert_array_equal(f.diagnostics["risk"], 1.0)


@pytest.mark.parametrize("variant", ["scholz", "scholz_code", "masad"])
def test_bdm_risk_deu3_all_scored_issues_without_nan_or_warning(variant: str) -> None:
    data = read_deu(DEU)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ev = evaluate(data, "eum", variant=variant, risk="bdm", pairs=False)
    assert ev.n == 353 and ev.skipped == 0
    assert np.isfinite(ev.errors).all()
    assert 15.0 < ev.mae < 40.0  # the baselines score 23.7 (compromise) to 51 (status quo)
