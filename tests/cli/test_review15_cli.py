"""Review 15: a third demanding user (an analyst, then a researcher, then a journalist), on
scenarios of their own (a 2015 Iran round with crisis inputs)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from detente.cli import app


def _run(args: list[str]) -> Result:
    return CliRunner().invoke(app, args)


IRAN = """\
name: jcpoa-2015
date: "DATE"
as_of: "AS_OF"
actors:
  - {id: IRN, name: Iran, capability: 10}
  - {id: USA, name: United States, capability: 45}
  - {id: FRA, name: France, capability: 5}
issues:
  - {id: sanctions, name: Sanctions relief, status_quo: 0}
  - {id: inspections, name: Inspection access, status_quo: 20}
stances:
  - {actor: IRN, issue: sanctions, position: 100, salience: 95, commitment: 0.9}
  - {actor: USA, issue: sanctions, position: 40, salience: 60}
  - {actor: FRA, issue: sanctions, position: 30, salience: 50}
  - {actor: IRN, issue: inspections, position: 30, salience: 70}
  - {actor: USA, issue: inspections, position: 90, salience: 80}
  - {actor: FRA, issue: inspections, position: 95, salience: 70}
outside_options:
  - {actor: USA, target: [IRN], action: walk away, cost: 0.1, target_cost: 0.2,
     imposes: {sanctions: 0}}
"""


def _iran(tmp_path: Path, as_of: str | None = "2015-06-27", date: str = "2015-06-27") -> Path:
    text = IRAN.replace("DATE", date)
    text = text.replace("AS_OF", as_of) if as_of is not None else text.replace(
        'as_of: "AS_OF"\n', "")
    f = tmp_path / "iran.yaml"
    f.write_text(text, encoding="utf-8")
    return f


# -- the scenario's own as_of / date, where the crisis model reads the record at it -----------
def test_a_partial_as_of_reads_the_record_at_its_first_day(tmp_path: Path) -> None:
    # as_of "2015-06" is a valid scenario date; the crisis model passed it to the record, which
    # refused it, and the refusal was swallowed: "no events for USA–IRN: full trust assumed"
    from detente.crisis import crisis_forecast
    from detente.record import credibility, load_shipped_record
    from detente.scenario import load_scenario

    sc = load_scenario(_iran(tmp_path, "2015-06"))
    an = crisis_forecast(sc, draws=50, rng=0).analysis
    assert "Trust from the record as of 2015-06-01" in an.trust_note, an.trust_note
    want = credibility(load_shipped_record(), "IRN", toward="USA", as_of="2015-06-01").mean
    assert an.dyad is not None and an.dyad.kappa_a == pytest.approx(want)


def test_the_scenario_date_stands_in_for_a_missing_as_of(tmp_path: Path) -> None:
    from detente.crisis import crisis_forecast
    from detente.scenario import load_scenario

    sc = load_scenario(_iran(tmp_path, None, "2015"))
    assert "from the record as of 2015-01-01" in crisis_forecast(sc, draws=50).analysis.trust_note


def test_a_free_text_date_is_refused_where_trust_is_read_from_it(tmp_path: Path) -> None:
    f = _run(["crisis", str(_iran(tmp_path, None, "June 27, 2015"))])
    assert f.exit_code == 2, f.output
    # refused on reading since round review18 (it was refused only where trust read it)
    assert "iran.yaml, line 2: field 'date': not a date" in f.stderr, f.stderr
    assert "(got 'June 27, 2015')" in f.stderr
    assert "Traceback" not in f.output


def test_a_future_as_of_is_refused_as_the_cli_refuses_a_future_as_of(tmp_path: Path) -> None:
    later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    path = str(_iran(tmp_path, later))
    for args in (["crisis", path], ["forecast", path, "-m", "crisis"]):
        res = _run(args)
        assert res.exit_code == 2, res.output
        assert f"iran.yaml, line 3: field 'as_of': {later}: after today" in res.stderr
    # the models that do not read the record, and a trust given as a number, are unaffected
    assert _run(["forecast", path, "-m", "compromise"]).exit_code == 0
    assert _run(["forecast", path, "-m", "crisis", "-o", "trust=0.5"]).exit_code == 0


def test_bargain_suggests_an_as_of_the_command_line_takes(tmp_path: Path) -> None:
    res = _run(["bargain", str(_iran(tmp_path, "2015-06")), "--a", "IRN", "--b", "USA"])
    assert res.exit_code == 0, res.output
    assert "--as-of 2015-06-01 reads trust" in res.stdout
    assert _run(["bargain", str(_iran(tmp_path, "2015-06")), "--a", "IRN", "--b", "USA",
                 "--as-of", "2015-06-01"]).exit_code == 0


# -- bargaining grids -------------------------------------------------------------------------
def test_negotiate_a_huge_grid_on_many_issues_is_refused_with_the_limit() -> None:
    # an internal error (numpy's flat index overflowed before the size check ran)
    res = _run(["negotiate", "geneva-2022", "--a", "boulware", "--b", "conceder",
                "--actors", "USA,RUS", "--grid", "100000"])
    assert res.exit_code == 2, res.output
    assert "outcomes, more than the 20,000,000 held in memory" in res.stderr
    assert "internal error" not in res.output


@pytest.mark.parametrize("grid", ["1", "100001"])
def test_negotiate_a_grid_outside_the_library_bound_names_it(grid: str, tmp_path: Path) -> None:
    res = _run(["negotiate", str(_iran(tmp_path)), "--a", "boulware", "--b", "conceder",
                "--actors", "IRN,USA", "--grid", grid])
    assert res.exit_code == 2, res.output
    assert f"--grid must be from 2 to 100,000 (points per issue scale), got {int(grid):,}" \
        in res.stderr


def test_domain_from_scenario_refuses_more_steps_than_an_issue_may_hold(tmp_path: Path) -> None:
    from detente.bargaining import domain_from_scenario
    from detente.errors import InputError
    from detente.scenario import load_scenario

    sc = load_scenario(_iran(tmp_path))
    with pytest.raises(InputError, match="steps must be from 2 to 100,000"):
        domain_from_scenario(sc, "IRN", "USA", steps=100_001)
    dom = domain_from_scenario(sc, "IRN", "USA", steps=5)
    ua, ub = dom.utilities()
    i = dom.outcome_index(dom.status_quo)
    assert dom.status_quo_utilities() == pytest.approx((ua[i], ub[i]))


# -- determinism ------------------------------------------------------------------------------
def test_forecast_with_the_crisis_model_is_the_same_on_every_run() -> None:
    # forecast's --seed defaulted to None (a fresh seed each run): P(escalation) moved between
    # two runs of the same command, while `detente crisis` (seed 0) did not
    path = "geneva-2022"
    runs = [_run(["forecast", path, "-m", "crisis", "-f", "json"]) for _ in range(2)]
    assert all(r.exit_code == 0 for r in runs), runs[0].output
    assert runs[0].stdout == runs[1].stdout
    assert runs[0].stdout == _run(["forecast", path, "-m", "crisis", "-f", "json",
                                   "--seed", "0"]).stdout


def test_negotiate_with_a_random_strategy_is_the_same_on_every_run(tmp_path: Path) -> None:
    args = ["negotiate", str(_iran(tmp_path)), "--a", "random", "--b", "random",
            "--actors", "IRN,USA", "-f", "json"]
    assert _run(args).stdout == _run(args).stdout == _run([*args, "--seed", "0"]).stdout


# -- diff --------------------------------------------------------------------------------------
def test_diff_names_the_crisis_inputs_that_changed(tmp_path: Path) -> None:
    # "the scenarios' inputs are the same" for two files whose as_of (the record's trust),
    # linkage and an outside option's cost differed; outside options were only counted
    import json

    a = _iran(tmp_path)
    b = tmp_path / "b.yaml"
    b.write_text(a.read_text(encoding="utf-8").replace('as_of: "2015-06-27"', 'as_of: "2015-06"')
                 .replace("cost: 0.1,", "cost: 0.3,")
                 + "linkage:\n  - {package: [sanctions, inspections]}\n", encoding="utf-8")
    res = _run(["diff", str(a), str(b), "-f", "json"])
    assert res.exit_code == 0, res.output
    got = {c["what"]: (c["a"], c["b"]) for c in json.loads(res.stdout)["changes"]}
    assert got == {"as_of": ("2015-06-27", "2015-06"),
                   "outside option USA→IRN.cost": (0.1, 0.3),
                   "linkage package [sanctions, inspections]": (None, "present")}
    assert _run(["diff", str(a), str(a), "-f", "json"]).stdout.count('"what"') == 0


def test_a_tiny_capability_gives_no_stray_numpy_warning(tmp_path: Path) -> None:
    # capability 1e-320 against 10: the odds of prevailing overflowed exp() and numpy's
    # "RuntimeWarning: overflow encountered in exp" was printed among the results
    f = tmp_path / "tiny.yaml"
    f.write_text(_iran(tmp_path).read_text(encoding="utf-8").replace(
        "capability: 45", "capability: 1e-320"), encoding="utf-8")
    import warnings

    from detente.crisis import crisis_forecast
    from detente.scenario import load_scenario

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = crisis_forecast(load_scenario(f), draws=200, rng=0)
    assert 0.0 <= res.episode["escalation"] <= 1.0


@pytest.mark.parametrize("cmd", ["simulate", "sensitivity", "diff", "report"])
def test_every_command_running_the_crisis_model_names_the_file_at_fault(
        cmd: str, tmp_path: Path) -> None:
    later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    good, bad = str(_iran(tmp_path)), tmp_path / "later.yaml"
    bad.write_text(IRAN.replace("DATE", later).replace("AS_OF", later), encoding="utf-8")
    args = {"simulate": ["simulate", str(bad), "-m", "crisis", "--draws", "2"],
            "sensitivity": ["sensitivity", str(bad), "-m", "crisis", "--method", "morris",
                            "-n", "2", "--jitter", "position=5"],
            "diff": ["diff", good, str(bad), "-m", "crisis"],
            "report": ["report", str(bad), "--a", "IRN", "--b", "USA", "-o",
                       str(tmp_path / "r.html")]}[cmd]
    res = _run(args)
    assert res.exit_code == 2, res.output
    assert f"later.yaml{', line 3' if cmd != 'diff' else ''}: field 'as_of': {later}: " \
        "after today" in res.stderr, res.stderr
    assert "<input>" not in res.stderr


def test_one_of_a_thing_is_singular_in_extract_record_and_credibility(tmp_path: Path) -> None:
    art = tmp_path / "a.txt"
    art.write_text("The IAEA confirmed that Iran had complied with the interim agreement.\n",
                   encoding="utf-8")
    got = _run(["extract", str(art)]).stdout.splitlines()[0]
    assert got == "1 candidate event"
    ev = _run(["record", "events", "--actor", "IRN", "--since", "2015-07-14",
               "--until", "2015-07-15"]).stdout.splitlines()[0]
    assert ev == "1 event"


# -- the long CSV --------------------------------------------------------------------------------
LONG = """\
# name: grain-2022
# AS_OF: 2022-07-12
actor,CAP,issue,position,salience,remarks
RUS,40,corridor,30,90,hard line
UKR,20,corridor,90,95,
TUR,15,corridor,60,70,mediator
"""


@pytest.mark.parametrize(("meta", "cap", "said"), [
    ("as_of", "capabilty", "line 3: field 'capabilty': unknown column 'capabilty': expected "
     "'capability'"),
    ("as-of", "capability", "line 2: field 'as-of': unknown '# as-of:' line: expected "
     "'# as_of:'"),
])
def test_a_long_csv_column_or_comment_key_nearly_spelt_is_refused(
        meta: str, cap: str, said: str, tmp_path: Path) -> None:
    # 'capabilty' was ignored in silence and every capability read as 1
    f = tmp_path / "grain.csv"
    f.write_text(LONG.replace("AS_OF", meta).replace("CAP", cap), encoding="utf-8")
    res = _run(["show", str(f)])
    assert res.exit_code == 2, res.output
    assert f"grain.csv, {said}" in res.stderr


def test_a_long_csv_keeps_ignoring_the_analysts_own_columns(tmp_path: Path) -> None:
    from detente.scenario import load_scenario

    f = tmp_path / "grain.csv"
    f.write_text(LONG.replace("AS_OF", "as_of").replace("CAP", "capability")
                 + "", encoding="utf-8")
    sc = load_scenario(f)
    assert [a.capability for a in sc.actors] == [40, 20, 15]
    assert sc.as_of == "2022-07-12"


# -- the record ----------------------------------------------------------------------------------
def test_record_import_refuses_an_event_dated_after_today(tmp_path: Path) -> None:
    # a typo (2031 for 2021) was stored, and would count in every credibility read after it
    later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    head = ("id,agreement,date,actors,type,alleged_by,established_by,evidence,lawful,disputed,"
            "conduct,source,note\n")
    row = "EVX1,jcpoa_2015,{d},IRN;USA,kept,,,record,,false,,https://example.org/a,x\n"
    bad = tmp_path / "events.csv"
    bad.write_text(head + row.format(d="2015-07-14") + row.replace("EVX1", "EVX2")
                   .format(d=later), encoding="utf-8")
    db = str(tmp_path / "r.db")
    res = _run(["record", "import", "--db", db, str(bad)])
    assert res.exit_code == 2, res.output
    assert f"events.csv, row 3: field 'date': event EVX2: date {later} is after today" \
        in res.stderr
    bad.write_text(head + row.format(d="2015-07-14"), encoding="utf-8")
    assert _run(["record", "import", "--db", db, str(bad)]).exit_code == 0


def test_drop_with_a_comma_list_says_to_give_one_actor_each_time(tmp_path: Path) -> None:
    res = _run(["forecast", str(_iran(tmp_path)), "--drop", "FRA,USA"])
    assert res.exit_code == 2, res.output
    assert "--drop FRA,USA: no actor 'FRA,USA' (one actor each time: a list is not split)" \
        in res.stderr
    assert _run(["forecast", str(_iran(tmp_path)), "--drop", "FRA", "--drop", "USA"]
                ).exit_code == 0


def test_credibility_sensitivity_refuses_an_as_of_after_today_as_credibility_does() -> None:
    later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    for cmd in ("credibility", "credibility-sensitivity"):
        res = _run([cmd, "IRN", "--toward", "USA", "--as-of", later])
        assert res.exit_code == 2, (cmd, res.output)
        assert f"--as-of {later}: after today" in res.stderr
