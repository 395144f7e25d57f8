"""The tournament and ultimatum commands: tables, JSON equal to the library's results, and
clear errors (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scipy import stats
from typer.testing import CliRunner

from detente.bargaining import load_domain, tournament, ultimatum_offer
from detente.cli import app

ARMS = str(Path(__file__).resolve().parent / "data" / "arms-talks.yaml")
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_tournament_json_equals_the_library() -> None:
    code, out, err = run("tournament", ARMS, "--strategies", "boulware,conceder,hardliner",
                         "--steps", "30", "--repeats", "4", "--seed", "3", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    dom = load_domain(ARMS).replace(deadline=30)
    t = tournament(dom, ["boulware", "conceder", "hardliner"], repeats=4, rng=3)
    assert doc["strategies"] == ["boulware", "conceder", "hardliner"]
    assert len(doc["pairings"]) == 9
    for p in doc["pairings"]:
        i, j = t.strategies.index(p["a"]), t.strategies.index(p["b"])
        assert p["agreement_rate"] == pytest.approx(t.agreement_rate[i, j])
        assert p["utility_a"] == pytest.approx(t.utility_a[i, j])
        assert p["utility_b"] == pytest.approx(t.utility_b[i, j])
        assert p["pareto_distance"] == pytest.approx(t.pareto_distance[i, j])
        assert p["nash_distance"] == pytest.approx(t.nash_distance[i, j])
    # two hard-liners never agree: both keep their reservation values
    hh = next(p for p in doc["pairings"] if p["a"] == p["b"] == "hardliner")
    assert hh["agreement_rate"] == 0.0
    assert hh["utility_a"] == pytest.approx(dom.a.reservation_value)
    # per strategy: the mean over its row (as a) and its column (as b)
    k = t.strategies.index("conceder")
    per = doc["by_strategy"]["conceder"]
    assert per["agreement_rate"] == pytest.approx(
        (t.agreement_rate[k].mean() + t.agreement_rate[:, k].mean()) / 2)
    assert per["own_utility"] == pytest.approx(t.score()["conceder"])
    assert per["opponent_utility"] == pytest.approx(
        (t.utility_b[k].mean() + t.utility_a[:, k].mean()) / 2)
    # seeded: the same command gives the same document
    assert json.loads(run("tournament", ARMS, "--strategies", "boulware,conceder,hardliner",
                          "--steps", "30", "--repeats", "4", "--seed", "3",
                          "--format", "json")[1]) == doc


def test_tournament_table() -> None:
    code, out, err = run("tournament", ARMS, "--strategies", "linear,tft", "--repeats", "2")
    assert code == 0, err
    assert "per pairing" in out and "per strategy" in out
    t = tournament(load_domain(ARMS), ["linear", "tft"], repeats=2, rng=0)
    assert f"{t.utility_a[0, 1]:.3f}" in out and "tit-for-tat" in out


def test_tournament_on_a_scenario_with_actors() -> None:
    code, out, err = run("tournament", "geneva-2022", "--actors", "USA,RUS", "--grid", "3",
                         "--repeats", "1", "--strategies", "linear", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["parties"] == ["USA", "RUS"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--strategies", "boulware,sneaky"], "--strategies: unknown strategy 'sneaky'",
                     id="bad-strategy"),
        pytest.param(["--strategies", "time:x"], "--strategies: strategy 'time:x'",
                     id="bad-exponent"),
        pytest.param(["--strategies", "linear,,tft"], "--strategies: expected names",
                     id="empty-name"),
        pytest.param(["--strategies", "tft,tit-for-tat"], "given more than once", id="dup"),
        pytest.param(["--repeats", "0"], "--repeats must be ≥ 1", id="repeats"),
        pytest.param(["--steps", "0"], "--steps must be ≥ 1", id="steps"),
        pytest.param(["--noise", "-1"], "--noise must be ≥ 0", id="noise"),
    ],
)
def test_tournament_bad_input(args: list[str], message: str) -> None:
    code, _, err = run("tournament", ARMS, *args)
    assert code == 2 and message in err and "Traceback" not in err


def test_tournament_bad_parties_and_file() -> None:
    code, _, err = run("tournament", "geneva-2022", "--a", "USA", "--actors", "USA,RUS")
    assert code == 2 and "not both" in err
    code, _, err = run("tournament", "geneva-2022")
    assert code == 2 and "--a and --b" in err
    code, _, err = run("tournament", "no-such-file.yaml")
    assert code == 2 and "no such file" in err


def test_ultimatum_json_equals_the_library_and_table() -> None:
    code, out, err = run("ultimatum", ARMS, "--spread", "0.1", "--sweep", "0.05,0.2",
                         "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    dom = load_domain(ARMS)
    rb = dom.b.reservation_value
    u = ultimatum_offer(dom, stats.norm(rb, 0.1))
    assert doc["offer"]["index"] == u.index and doc["offer"]["options"] == u.options
    assert doc["offer"]["expected_utility"] == pytest.approx(u.expected_utility)
    assert [r["spread"] for r in doc["sweep"]] == [0.05, 0.2]
    assert doc["sweep"][1]["index"] == ultimatum_offer(dom, stats.norm(rb, 0.2)).index
    code, out, _ = run("ultimatum", ARMS, "--proposer", "B", "--family", "uniform",
                       "--mean", "0.5", "--spread", "0.2")
    assert code == 0
    v = ultimatum_offer(dom, stats.uniform(0.3, 0.4), proposer="B")
    assert f"expected utility {v.expected_utility:.3f}" in out
    assert f"accepted with probability {v.acceptance:.1%}" in out


def test_ultimatum_bad_input() -> None:
    for args, msg in ((["--sweep", "0.1,x"], "--sweep: expected numbers"),
                      (["--spread", "0"], "--spread: every spread must be > 0"),
                      (["--proposer", "Q"], "--proposer: no party 'Q'"),
                      (["--family", "cauchy"], "cauchy")):
        code, _, err = run("ultimatum", ARMS, *args)
        assert code == 2 and msg in err, (args, err)
