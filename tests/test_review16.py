"""Review 16: a researcher's bad arguments from the Python API raise detente errors."""

from __future__ import annotations

import datetime

import numpy as np
import pytest

import detente
from detente import DetenteError, credibility, crisis_forecast, forecast, load_shipped_record
from detente.bargaining import analyse, domain_from_scenario
from detente.crisis import analyse as crisis_analyse
from detente.examples import load_example
from detente.scenario import Scenario


@pytest.fixture(scope="module")
def geneva() -> Scenario:
    return load_example("geneva-2022")


def test_top_level_names_cover_the_documented_tasks() -> None:
    for name in ("forecast", "simulate", "calibrate", "sensitivity", "crisis_forecast",
                 "domain_from_scenario", "credibility", "evaluate", "extract", "build_report",
                 "DetenteError", "load_example"):
        assert name in detente.__all__
    for name in detente.__all__:
        assert getattr(detente, name) is not None


@pytest.mark.parametrize("rng", ["x", -1, 1.5, True])
def test_forecast_rng_of_the_wrong_kind(geneva: Scenario, rng: object) -> None:
    with pytest.raises(DetenteError, match="rng"):
        forecast(geneva, model="eum", rng=rng)  # type: ignore[arg-type]


def test_forecast_needs_a_scenario() -> None:
    with pytest.raises(DetenteError, match="needs a Scenario.*got str"):
        forecast("geneva-2022")  # type: ignore[arg-type]


def test_forecast_same_seed_same_result(geneva: Scenario) -> None:
    a = forecast(geneva, model="exchange", rng=7)
    b = forecast(geneva, model="exchange", rng=np.random.default_rng(7))
    assert a.as_dict() == b.as_dict()


@pytest.mark.parametrize("rng", ["x", -5])
def test_crisis_rng_of_the_wrong_kind(geneva: Scenario, rng: object) -> None:
    with pytest.raises(DetenteError, match="rng"):
        crisis_forecast(geneva, rng=rng, draws=10)  # type: ignore[arg-type]


def test_crisis_unknown_option(geneva: Scenario) -> None:
    with pytest.raises(DetenteError, match="no option 'bogus'.*draws"):
        crisis_forecast(geneva, bogus=1)


def test_crisis_unknown_channel(geneva: Scenario) -> None:
    with pytest.raises(DetenteError, match="channel must be 'public' or 'private'"):
        crisis_analyse(geneva, channel="secret")  # type: ignore[arg-type]


def test_credibility_as_of_of_the_wrong_type() -> None:
    rec = load_shipped_record()
    with pytest.raises(DetenteError, match="as_of"):
        credibility(rec, "RUS", as_of=2022)  # type: ignore[arg-type]
    assert credibility(rec, "RUS", as_of=datetime.date(2022, 1, 10)).mean == \
        credibility(rec, "RUS", as_of="2022-01-10").mean


@pytest.mark.parametrize("trust", ["a", ["a", "b"], None, True])
def test_bargaining_trust_of_the_wrong_type(geneva: Scenario, trust: object) -> None:
    dom = domain_from_scenario(geneva, "USA", "RUS")
    with pytest.raises(DetenteError, match="trust"):
        analyse(dom, trust=trust)  # type: ignore[arg-type]


def test_reprs_are_one_notebook_line(geneva: Scenario) -> None:
    fc = forecast(geneva, model="eum")
    r = repr(fc)
    assert len(r) < 400 and "'open_door': 50" in r and "rounds=10" in r
    cred = credibility(load_shipped_record(), "RUS", toward="USA", as_of="2022-01-10")
    r = repr(cred)
    assert len(r) < 300 and "mean=0.577" in r and f"n_events={cred.n_events}" in r


def _two_issue_scenario(status_quo_first: float | None) -> Scenario:
    from detente.scenario import scenario_from_data

    return scenario_from_data({
        "name": "plot-legend",
        "actors": [{"id": "AAA", "capability": 60}, {"id": "BBB", "capability": 40}],
        "issues": [{"id": "x", "status_quo": status_quo_first}, {"id": "y", "status_quo": 50}],
        "stances": [{"actor": a, "issue": i, "position": p, "salience": 50}
                    for a, i, p in [("AAA", "x", 20), ("BBB", "x", 30),
                                    ("AAA", "y", 20), ("BBB", "y", 30)]],
    })


def test_forecast_plot_labels_a_model_missing_on_the_first_issue(tmp_path: object) -> None:
    import warnings
    from pathlib import Path

    from detente.report import plot_forecasts

    sc = _two_issue_scenario(None)  # Nash gives no forecast without a status quo
    fc = forecast(sc, model="nash")
    assert np.isnan(fc.outcome("x")) and not np.isnan(fc.outcome("y"))
    out = Path(str(tmp_path)) / "f.svg"
    import matplotlib

    with warnings.catch_warnings(), matplotlib.rc_context({"svg.fonttype": "none"}):
        warnings.simplefilter("error")  # matplotlib's "no artists with labels" was a warning
        plot_forecasts(sc, [fc], out)
    assert ">nash<" in out.read_text(encoding="utf-8").replace(" ", "")


_EVENT_HEADER = ("id,agreement,date,actors,type,alleged_by,established_by,evidence,lawful,"
                 "disputed,conduct,source,note\n")


def test_record_import_names_the_row_of_an_unknown_agreement_and_a_duplicate(
        tmp_path: object) -> None:
    from pathlib import Path

    from detente.record import RecordError, open_store

    tmp = Path(str(tmp_path))
    csv = tmp / "events.csv"
    csv.write_text(_EVENT_HEADER
                   + "EVX001,new_start_2010,2020-06-01,RUS,kept,,,record,,false,,https://e.org/a,ok\n"
                   + "EVX002,no_such_agreement,2020-06-02,RUS,kept,,,record,,false,,https://e.org/b,x\n"
                   + "EVX001,new_start_2010,2020-06-03,RUS,kept,,,record,,false,,https://e.org/c,y\n",
                   encoding="utf-8")
    store = open_store(f"sqlite:///{tmp / 'r.sqlite'}")
    with pytest.raises(RecordError) as info:
        store.import_csv(csv)
    text = str(info.value)
    assert "row 3: field 'agreement': event EVX002: unknown agreement" in text
    assert "row 4: field 'id': duplicate id 'EVX001' (first on row 2)" in text
    assert not any(e.id.startswith("EVX") for e in store.record().events)  # all or nothing


def test_record_json_export_imports_back_unchanged(tmp_path: object) -> None:
    import json
    from pathlib import Path

    from typer.testing import CliRunner

    from detente.cli import app

    tmp = Path(str(tmp_path))
    run = CliRunner().invoke
    for what in ("agreements", "events"):
        res = run(app, ["record", what, "--format", "json", "--db", "shipped"])
        assert res.exit_code == 0, res.output
        (tmp / f"{what}.json").write_text(res.stdout, encoding="utf-8")
    assert len(json.loads((tmp / "events.json").read_text(encoding="utf-8"))) > 300
    db = f"sqlite:///{tmp / 'fresh.sqlite'}"
    from detente.record import open_store

    with open_store(db, seed=False):
        pass  # an empty store: everything must come from the JSON
    res = run(app, ["record", "import", str(tmp), "--db", db])
    assert res.exit_code == 0, res.output
    for d, source in (("a", "shipped"), ("b", db)):
        assert run(app, ["record", "export", str(tmp / d), "--db", source]).exit_code == 0
    for name in ("agreements.csv", "events.csv"):
        assert (tmp / "a" / name).read_bytes() == (tmp / "b" / name).read_bytes()


def test_record_json_import_names_the_bad_item(tmp_path: object) -> None:
    import json
    from pathlib import Path

    from detente.record import RecordError, open_store

    tmp = Path(str(tmp_path))
    item = {"id": "EVX001", "agreement": "new_start_2010", "date": "2020-06-01",
            "actors": ["RUS"], "type": "kept", "evidence": "record", "disputed": False,
            "source": "https://e.org/a", "note": "ok"}
    bad = dict(item, id="EVX002", date="2020-13-01")
    f = tmp / "events.json"
    f.write_text(json.dumps([item, bad, item]), encoding="utf-8")
    store = open_store(f"sqlite:///{tmp / 'r.sqlite'}")
    with pytest.raises(RecordError) as info:
        store.import_csv(f)
    text = str(info.value)
    assert "events.json, item 2: field 'date'" in text
    assert "item 3: field 'id': duplicate id 'EVX001' (first as item 1)" in text
    f.write_text("{not json", encoding="utf-8")
    with pytest.raises(RecordError, match="not valid JSON"):
        store.import_csv(f)
    f.write_text(json.dumps([item]), encoding="utf-8")
    assert "1 added" in str(store.import_csv(f))


def test_crisis_result_repr_is_one_line_and_seeded_runs_agree(geneva: Scenario) -> None:
    a = crisis_forecast(geneva, rng=3, draws=200)
    b = crisis_forecast(geneva, rng=3, draws=200)
    assert a.episode == b.episode and np.array_equal(a.draws, b.draws)
    r = repr(a)
    assert len(r) < 300 and "challenger='RUS'" in r and "draws=200" in r


_RIVER = """\
name: river-talks
description: Hypothetical talks between two riparian states over a dam and water releases.
as_of: "2024-03-01"
actors:
  - {id: AAA, name: "Upstream", capability: 60}
  - {id: BBB, name: "Downstream", capability: 40}
  - {id: CCC, name: "Mediator", capability: 20}
issues:
  - {id: release, name: "Dry-season water release", low: "None", high: "Full natural flow",
     status_quo: 40}
  - {id: filling, name: "Reservoir filling speed", low: "Over 15 years", high: "Over 3 years",
     status_quo: 70}
outside_options:
  - {actor: AAA, target: [BBB], action: "fill the reservoir unilaterally", cost: 0.1,
     target_cost: 0.4, imposes: {filling: 100}}
stances:
  - {actor: AAA, issue: release, position: 30, salience: 60}
  - {actor: AAA, issue: filling, position: 90, salience: 90, commitment: 0.7}
  - {actor: BBB, issue: release, position: 90, salience: 90, red_line: {side: below, value: 30}}
  - {actor: BBB, issue: filling, position: 20, salience: 70}
  - {actor: CCC, issue: release, position: 60, salience: 30}
  - {actor: CCC, issue: filling, position: 50, salience: 30}
"""


@pytest.fixture(scope="module")
def river_md(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, object]:
    from typer.testing import CliRunner

    from detente.cli import app

    tmp = tmp_path_factory.mktemp("river")
    (tmp / "river.yaml").write_text(_RIVER, encoding="utf-8")
    res = CliRunner().invoke(app, ["report", str(tmp / "river.yaml"), "--a", "AAA", "--b",
                                   "BBB", "-o", str(tmp / "river.md")])
    assert res.exit_code == 0, res.output
    assert "1 figure(s) beside it" in res.stdout
    return tmp, res


def test_report_to_markdown_labels_its_figure_and_says_what_is_missing(
        river_md: tuple[object, object]) -> None:
    from pathlib import Path

    tmp = Path(str(river_md[0]))
    md = (tmp / "river.md").read_text(encoding="utf-8")
    assert md.startswith("# river-talks: case report\n\n## Key judgements\n\n1. ")
    assert "<svg" not in md and "<td" not in md and "<p>" not in md
    assert "![river-talks: positions (size = salience) and forecasts](river-figure-1.svg)" in md
    assert (tmp / "river-figure-1.svg").read_text(encoding="utf-8").lstrip().startswith("<svg")
    assert "## What happened\n\n*Skipped: the scenario records no observed outcome" in md
    assert "| actor | release | filling |\n|---|---|---|\n| AAA | 30 (60) | 90 (90) |" in md


def test_report_judgements_use_the_icd203_confidence_levels(
        river_md: tuple[object, object]) -> None:
    import re
    from pathlib import Path

    md = (Path(str(river_md[0])) / "river.md").read_text(encoding="utf-8")
    levels = re.findall(r"\*\(confidence: (\w+) —", md)
    assert len(levels) >= 5 and set(levels) <= {"low", "moderate", "high"}, levels


def test_report_refuses_other_suffixes(tmp_path: object) -> None:
    from pathlib import Path

    from typer.testing import CliRunner

    from detente.cli import app

    res = CliRunner().invoke(app, ["report", "geneva-2022", "-o",
                                   str(Path(str(tmp_path)) / "r.txt")])
    assert res.exit_code == 2 and "give a .html or .md file name" in res.output


def test_markdown_figure_title_is_the_largest_text() -> None:
    from detente.report._markdown import _svg_title

    svg = ('<svg><text style="font-size: 7px">2012-02-03 new_start_2010: kept (+0.017)</text>'
           '<text style="font-size: 12px">Credibility of USA toward RUS</text>'
           '<text style="font-size: 10px">P(commitment honoured)</text></svg>')
    assert _svg_title(svg) == "Credibility of USA toward RUS"
