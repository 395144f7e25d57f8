"""The bargain and negotiate commands: output, JSON, plots, and clear errors (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.bargaining import analyse, domain_from_scenario, load_domain
from detente.cli import app
from detente.examples import load_example

DATA = Path(__file__).resolve().parent / "data"
ARMS = str(DATA / "arms-talks.yaml")
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_bargain_table_on_domain_yaml() -> None:
    code, out, _ = run("bargain", ARMS, "--trust", "0.6")
    assert code == 0, out
    res = analyse(load_domain(ARMS), 0.6)
    assert f"κ* (no deal worth signing below it): {res.threshold:.3f}" in out
    assert "zone of possible agreement" in out and "nash" in out


def test_bargain_json_matches_the_library() -> None:
    code, out, _ = run("bargain", ARMS, "--trust", "0.9", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    res = analyse(load_domain(ARMS), 0.9)
    assert doc["trust_threshold"] == pytest.approx(res.threshold)
    assert doc["zopa_at_trust"]["size"] == res.zopa_trust.size
    assert doc["solutions"]["nash"]["index"] == res.solutions["nash"].index
    assert doc["trust"] == [0.9, 0.9]


def test_bargain_geneva_usa_rus_with_plots(tmp_path: Path) -> None:
    plane, curve = tmp_path / "plane.png", tmp_path / "curve.png"
    code, out, _ = run("bargain", "geneva-2022", "--a", "USA", "--b", "RUS", "--grid", "5",
                       "--trust", "0.5", "--plot", str(plane), "--trust-plot", str(curve),
                       "--format", "json")
    assert code == 0, out
    doc = json.loads(out)
    dom = domain_from_scenario(load_example("geneva-2022"), "USA", "RUS", steps=5)
    assert doc["domain"]["n_outcomes"] == dom.n_outcomes
    for p in (plane, curve):
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["bargain", "geneva-2022"], "pick the two parties with --a and --b",
                     id="no-parties"),
        pytest.param(["bargain", "geneva-2022", "--a", "USA", "--b", "XXX"], "no actor 'XXX'",
                     id="unknown-actor"),
        pytest.param(["bargain", ARMS, "--trust", "2"], "--trust must be in [0, 1]",
                     id="trust-range"),
        pytest.param(["bargain", ARMS, "--trust", "0.5", "--as-of", "2022-01-01"],
                     "either --trust or --as-of", id="both-trusts"),
        pytest.param(["bargain", "no-such-file.yaml"], "no such file", id="missing-file"),
        pytest.param(["bargain", ARMS, "--a", "A", "--b", "B"], "drop --a/--b", id="yaml-ab"),
        pytest.param(["negotiate", ARMS, "--a", "sneaky", "--b", "linear"], "unknown strategy",
                     id="bad-strategy"),
        pytest.param(["negotiate", "geneva-2022", "--actors", "USA", "--a", "linear", "--b",
                      "linear"], "expected two actor ids", id="bad-actors"),
    ],
)
def test_user_errors_exit_2(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert message in " ".join((out + err).split())
    assert "Traceback" not in out + err


def test_as_of_with_parties_unknown_to_the_record() -> None:
    # the arms domain's parties A and B are not in the record: a clear error, exit 2
    code, out, err = run("bargain", ARMS, "--as-of", "2022-01-10")
    text = " ".join((out + err).split())
    assert code == 2 and "record" in text and "Traceback" not in text
    code, out, err = run("bargain", "geneva-2022", "--a", "USA", "--b", "RUS", "--grid", "3",
                         "--as-of", "yesterday")
    assert code == 2 and "YYYY-MM-DD" in out + err


def test_negotiate_trace_table_and_json() -> None:
    geneva = ["negotiate", "geneva-2022", "--actors", "USA,RUS", "--grid", "3"]
    code, out, _ = run(*geneva, "--a", "boulware", "--b", "conceder")
    assert code == 0 and "agreement at step" in out
    code, out, _ = run(*geneva, "--a", "boulware", "--b", "conceder", "--format", "json",
                       "--steps", "30")
    doc = json.loads(out)
    assert doc["deadline"] == 30 and doc["agreement"] is not None
    assert doc["offers"][-1] == doc["agreement"]
    code, out, _ = run("negotiate", ARMS, "--a", "linear", "--b", "tft", "--format", "json")
    assert code == 0 and len(json.loads(out)["offers"]) >= 1
    code, out, _ = run("negotiate", "geneva-2022", "--actors", "USA,RUS", "--grid", "3",
                       "--a", "hardliner", "--b", "hardliner", "--steps", "10")
    assert code == 0 and "no agreement by the deadline" in out


def test_geneva_threshold_is_the_bisection_root() -> None:
    """The number the README states comes from the model: CLI == independent bisection."""
    code, out, _ = run("bargain", "geneva-2022", "--a", "USA", "--b", "RUS", "--grid", "5",
                       "--breach", "ideal", "--format", "json")
    assert code == 0
    from detente.bargaining import trust_threshold_bisect

    dom = domain_from_scenario(load_example("geneva-2022"), "USA", "RUS", steps=5)
    kappa = json.loads(out)["trust_threshold"]
    assert kappa == pytest.approx(trust_threshold_bisect(dom, breach="ideal"), abs=1e-8)
    assert 0 < kappa < 1


def test_reservation_option_and_size_limit() -> None:
    code, out, err = run("bargain", "ec-emissions", "--a", "DE", "--b", "FR")
    assert code == 2 and "--reservation" in " ".join((out + err).split())
    code, out, _ = run("bargain", "ec-emissions", "--a", "DE", "--b", "FR", "--reservation",
                       "0.5,0.6", "--format", "json")
    assert code == 0
    parties = json.loads(out)["domain"]["parties"]
    assert [p["reservation_value"] for p in parties] == [0.5, 0.6]
    code, out, err = run("bargain", "ec-emissions", "--a", "DE", "--b", "FR", "--reservation",
                         "0.5")
    assert code == 2 and "two numbers" in out + err
    code, out, err = run("bargain", "geneva-2022", "--a", "USA", "--b", "RUS", "--grid", "40")
    assert code == 2 and "--grid" in " ".join((out + err).split())


def test_full_trust_by_default_points_to_the_scenarios_own_date() -> None:
    code, out, _ = run("bargain", "geneva-2022", "--a", "USA", "--b", "RUS", "--grid", "3")
    assert code == 0
    trust_line = next(line for line in out.splitlines() if line.startswith("trust:"))
    assert "full trust" in trust_line and "--as-of 2022-01-10" in trust_line
    # following the hint changes the trust used
    code, out, _ = run("bargain", "geneva-2022", "--a", "USA", "--b", "RUS", "--grid", "3",
                       "--as-of", "2022-01-10")
    assert code == 0 and "trust: record as of 2022-01-10" in out


def test_a_bargaining_domain_file_gets_no_date_hint() -> None:
    code, out, _ = run("bargain", str(Path(__file__).parent / "data" / "arms-talks.yaml"))
    assert code == 0, out
    assert "full trust" in out and "the scenario is dated" not in out
