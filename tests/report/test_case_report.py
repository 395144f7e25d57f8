"""The case report: sections, determinism, and every number equal to what the commands print."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.errors import InputError
from detente.examples import example_path, load_example
from detente.report import build_report, likelihood_term, render_html

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "docs" / "geneva-2022-report.html"


@pytest.mark.parametrize(
    ("p", "term"),
    [(0.0, "almost no chance"), (0.049, "almost no chance"), (0.05, "very unlikely"),
     (0.2, "unlikely"), (0.45, "roughly even chance"), (0.5, "roughly even chance"),
     (0.55, "likely"), (0.8, "very likely"), (0.95, "almost certain"), (1.0, "almost certain")],
)
def test_icd203_terms(p: float, term: str) -> None:
    assert likelihood_term(p) == term


def test_likelihood_term_refuses_non_probabilities() -> None:
    for p in (-0.1, 1.1, float("nan")):
        with pytest.raises(ValueError):
            likelihood_term(p)


def test_report_is_byte_identical_across_runs(geneva_html: tuple[str, str]) -> None:
    assert geneva_html[0] == geneva_html[1]


def test_report_is_self_contained(geneva_html: tuple[str, str]) -> None:
    text = geneva_html[0]
    assert "<script" not in text
    # no resource is fetched: no src= or stylesheet link at all (links to sources are <a href>)
    assert not re.search(r"""\ssrc=["']""", text)
    assert "<link" not in text
    assert text.count("<svg") >= 3  # forecasts, two credibility curves
    assert "http-equiv=\"Content-Security-Policy\"" in text


def test_key_judgements_come_first_and_sections_are_there(geneva_html: tuple[str, str]) -> None:
    text = geneva_html[0]
    order = [text.index(f'id="{k}"') for k in
             ("key-judgements", "scenario", "forecasts", "outcome", "crisis", "bargaining",
              "credibility", "sensitivity", "indicators", "methods")]
    assert order == sorted(order)
    assert "Reproduce: <code>detente bargain geneva-2022 --a USA --b RUS --as-of 2022-01-10" in text


def test_numbers_equal_what_the_commands_print(geneva_report: Any) -> None:
    data = geneva_report.data
    runner = CliRunner()
    fc = runner.invoke(app, ["forecast", "geneva-2022", "-m", "eum", "-m", "compromise",
                             "-f", "json"])
    assert fc.exit_code == 0, fc.output
    printed = json.loads(fc.stdout)
    docs = printed["forecasts"]
    assert [d["model"] for d in docs] == ["eum", "compromise"]
    for doc in docs:
        for row in doc["issues"]:
            assert data["forecasts"][doc["model"]][row["issue"]] == pytest.approx(row["outcome"],
                                                                                   abs=1e-9)
    for actor, toward in (("RUS", "USA"), ("USA", "RUS")):
        cr = runner.invoke(app, ["credibility", actor, "--toward", toward, "--as-of",
                                 "2022-01-10", "-f", "json", "--db", "shipped"])
        assert cr.exit_code == 0, cr.output
        c = json.loads(cr.stdout)
        mine = data["credibility"][f"{actor}->{toward}"]
        assert mine["mean"] == pytest.approx(c["mean"], abs=1e-12)
        assert (mine["low"], mine["high"]) == pytest.approx((c["low"], c["high"]), abs=1e-12)
    bg = runner.invoke(app, ["bargain", "geneva-2022", "--a", "USA", "--b", "RUS", "--as-of",
                             "2022-01-10", "-f", "json"])
    assert bg.exit_code == 0, bg.output
    b = json.loads(bg.stdout)
    assert data["bargaining"]["threshold"] == pytest.approx(b["trust_threshold"], abs=1e-12)
    assert data["bargaining"]["zopa_share_at_trust"] == pytest.approx(
        b["zopa_at_trust"]["share"], abs=1e-12)
    assert data["bargaining"]["frontier_size"] == b["frontier_size"]


def test_any_scenario_gets_a_report_with_reasons_for_skipped_sections() -> None:
    sc = load_example("ec-emissions")
    rep = build_report(sc, models=["compromise", "median"])
    skipped = {s.key: s.skipped for s in rep.sections if s.skipped}
    assert set(skipped) >= {"bargaining", "credibility"}
    assert all(reason for reason in skipped.values())
    html = render_html(rep)
    assert "Skipped: no dyad given" in html


def test_unknown_dyad_is_a_user_error(tmp_path: Path) -> None:
    sc = load_example("geneva-2022")
    with pytest.raises(InputError, match="--a XYZ"):
        build_report(sc, a="XYZ", b="RUS")
    res = CliRunner().invoke(app, ["report", str(example_path("geneva-2022")), "--a", "USA",
                                   "-o", str(tmp_path / "x.html")])
    assert res.exit_code == 2
    assert "give both --a and --b" in res.output


def test_committed_geneva_report_is_current(geneva_html: tuple[str, str]) -> None:
    """docs/geneva-2022-report.html is regenerated identically by `make report`."""
    assert COMMITTED.read_text(encoding="utf-8") == geneva_html[0], (
        "docs/geneva-2022-report.html is stale: run `make report`")
