"""Round review19: a think-tank researcher's record of agreements (record, text evidence,
credibility, bargain) and the four leftovers of review18."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app

#: The Philippines alone decides the resupply of its outpost (position 95, status quo 100);
#: China wants it stopped and threatens a blockade; the United States wants it at 100.
SHOAL = """\
name: shoal
date: "2025-06-01"
as_of: "2025-06-01"
actors:
  - {id: CHN, name: China, capability: 60}
  - {id: PHL, name: Philippines, capability: 10}
  - {id: USA, name: United States, capability: 30}
issues:
  - {id: resupply, name: Resupply of the outpost, decision: {unilateral: PHL}, status_quo: 100}
  - {id: patrols, name: Joint patrols, status_quo: 50}
stances:
  - {actor: CHN, issue: resupply, position: 0, salience: 5, commitment: 0.6}
  - {actor: PHL, issue: resupply, position: 95, salience: 60}
  - {actor: USA, issue: resupply, position: 100, salience: SAL_USA}
  - {actor: CHN, issue: patrols, position: 0, salience: 40}
  - {actor: PHL, issue: patrols, position: 80, salience: 50}
  - {actor: USA, issue: patrols, position: 100, salience: 50}
outside_options:
  - {actor: CHN, target: [PHL], action: blockade, cost: COST, target_cost: 0.5,
     imposes: {resupply: 0}}
"""


def _shoal(tmp_path: Path, sal_usa: int = 100, cost: float = 0.2) -> Path:
    f = tmp_path / "shoal.yaml"
    f.write_text(SHOAL.replace("SAL_USA", str(sal_usa)).replace("COST", str(cost)),
                 encoding="utf-8")
    return f


@pytest.mark.parametrize(("sal_usa", "cost"), [(100, 0.2), (60, 0.05), (20, 0.05)])
def test_a_crisis_deal_never_puts_a_unilateral_issue_past_its_deciders_position(
        tmp_path: Path, sal_usa: int, cost: float) -> None:
    """PHL decides resupply alone and wants 95; CHN, the only one bargaining it down, wants 0.
    A deal may have PHL concede toward CHN, never move it past 95 away from CHN (the ally's
    wish for 100 is not PHL's to grant in a deal it would not make: it was 99.2)."""
    from detente.crisis._model import analyse
    from detente.scenario import load_scenario

    an = analyse(load_scenario(_shoal(tmp_path, sal_usa, cost)), trust=0.8)
    assert an.proposal is not None
    deal = an.setup.to_scale(an.proposal)
    assert deal[0] <= 95 + 1e-9
    # and so every candidate deal considered
    cands = an.setup.to_scale(an.candidates)
    assert cands[:, 0].max() <= 95 + 1e-9


def test_the_crisis_commands_signal_reads_as_the_hypothetical_it_is(tmp_path: Path) -> None:
    """The signal reads the challenger's public positions as if made an ultimatum; the command
    said "CHN's public demand ties its hands ... it reads as an offer", as if it had been made."""
    runner = CliRunner()
    res = runner.invoke(app, ["crisis", str(_shoal(tmp_path, 60, 0.2)), "--trust", "0.8"])
    assert res.exit_code == 0, res.output
    out = " ".join(res.output.split())
    assert "public demand ties its hands" not in out
    assert "reads as an offer" not in out and "it announces" not in out
    assert "Were CHN to make its public positions a public take-it-or-leave-it demand" in out
    assert "(commitment 0.9; a hypothetical the model reads, not a demand on record)" in out
    res = runner.invoke(app, ["crisis", str(_shoal(tmp_path, 60, 0.2)), "--trust", "0.8",
                              "--demand", "resupply=10", "--commitment", "0.6"])
    assert res.exit_code == 0, res.output
    out = " ".join(res.output.split())
    assert "Were CHN to make this demand a public take-it-or-leave-it demand (commitment 0.6;" \
        in out
    assert "would be accepted with probability" in out


def test_simulate_and_sensitivity_tables_label_issues_by_name(tmp_path: Path) -> None:
    """Every other face (forecast, report) shows an issue's name; simulate and sensitivity
    showed its id. The JSON keeps the id and adds the name."""
    runner = CliRunner()
    f = str(_shoal(tmp_path))
    res = runner.invoke(app, ["simulate", f, "-m", "compromise", "--draws", "200",
                              "--jitter", "position=10"])
    assert res.exit_code == 0, res.output
    rows = [ln for ln in res.output.splitlines() if "compromise" in ln]
    assert any("Resupply of the outpost" in ln for ln in rows), res.output
    assert not any(ln.strip("│ ").startswith("resupply ") for ln in rows), res.output
    res = runner.invoke(app, ["simulate", f, "-m", "compromise", "--draws", "200",
                              "--jitter", "position=10", "-f", "json"])
    doc = json.loads(res.output)
    row = doc["models"][0]["issues"][0]
    assert (row["issue"], row["name"]) == ("resupply", "Resupply of the outpost")
    res = runner.invoke(app, ["sensitivity", f, "-m", "compromise", "--jitter",
                              "position=10", "-n", "64"])
    assert res.exit_code == 0, res.output
    assert "Resupply of the outpost: inputs that move the forecast most" in res.output
    assert "\nresupply: inputs" not in res.output
    res = runner.invoke(app, ["sensitivity", f, "-m", "compromise", "--jitter",
                              "position=10", "-n", "64", "-f", "json"])
    assert json.loads(res.output)["issue_names"]["patrols"] == "Joint patrols"


def test_the_web_uncertainty_page_labels_issues_by_name(tmp_path: Path) -> None:
    from detente.scenario import load_scenario
    from detente.uncertainty import sensitivity, simulate
    from detente.web._uncertainty_pages import result_context

    sc = load_scenario(_shoal(tmp_path))
    sim = simulate(sc, ["compromise"], draws=200, seed=0, jitter="position=10")
    sen = sensitivity(sc, "compromise", jitter="position=10", n=64)

    class R:  # the two results the page reads
        simulation, sensitivity = sim, sen

    ctx = result_context(R())  # type: ignore[arg-type]
    assert {r["label"] for r in ctx["rows"]} == {"Resupply of the outpost", "Joint patrols"}
    assert {r["label"] for r in ctx["ranks"]} == {"Resupply of the outpost", "Joint patrols"}
    assert ctx["dfigs"][0]["spec"]["layout"]["title"]["text"].startswith("Resupply of")


DROP_NOTE = ("CHN's outside option (blockade) had no target left and is removed; 'resupply' "
             "was PHL's alone to decide and is now decided collectively")


@pytest.mark.parametrize("cmd", [
    ["forecast"], ["simulate", "--draws", "50"], ["crisis", "--trust", "0.8"],
    ["bargain", "--a", "CHN", "--b", "USA"],
    ["sensitivity", "--jitter", "position=10", "-n", "16"]])
def test_a_drops_note_reaches_the_cli_json(tmp_path: Path, cmd: list[str]) -> None:
    """Dropping PHL removes CHN's threat and PHL's unilateral decision: the note went to
    stderr only (and to /api/forecast); a JSON read by a script never said so."""
    res = CliRunner().invoke(app, [cmd[0], str(_shoal(tmp_path)), *cmd[1:], "--drop", "PHL",
                                   "-f", "json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    assert f"--drop PHL: {DROP_NOTE}" in doc["notes"]
    # no drop, or a drop that takes nothing else with it: no such note
    res = CliRunner().invoke(app, [cmd[0], str(_shoal(tmp_path)), *cmd[1:], "-f", "json"])
    assert not any("--drop" in n for n in json.loads(res.stdout).get("notes", []))


def test_a_drops_note_reaches_every_api_route_that_takes_a_whatif(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from detente.web import create_app

    client = TestClient(create_app())
    import yaml

    doc = yaml.safe_load(_shoal(tmp_path).read_text(encoding="utf-8"))
    body = {"document": doc, "drop": ["PHL"]}
    want = f"drop[0] PHL: {DROP_NOTE}"
    r = client.post("/api/forecast", json={**body, "models": ["compromise"]})
    assert r.status_code == 200, r.text
    assert want in r.json()["notes"]
    r = client.post("/api/simulate", json={**body, "draws": 50, "jitter": "position=10"})
    assert r.status_code == 200, r.text
    assert want in r.json()["notes"]
    r = client.post("/api/sensitivity", json={**body, "n": 16, "jitter": "position=10"})
    assert r.status_code == 200, r.text
    assert want in r.json()["notes"]


AGREEMENTS = ("id,name,kind,parties,domain,signed,in_force,source,note\n"
              "doc_2002,Declaration on conduct,political_commitment,CHN;PHL;VNM,maritime,"
              "SIGNED,,https://asean.org/doc,ASEAN-China declaration\n")
EVENTS = ("id,agreement,date,actors,type,alleged_by,established_by,evidence,lawful,disputed,"
          "conduct,source,note\n"
          "EVX1,doc_2002,2002-11-04,CHN;PHL,signed,,,record,,false,,https://asean.org/doc,x\n"
          "EVX2,doc_2002,2023-08-05,ACTOR,violation_alleged,ALLEGER,,allegation,,true,,"
          "https://example.org/x,Water cannon\n")


def _record_files(tmp_path: Path, signed: str = "2002-11-04", actor: str = "CHN",
                  alleger: str = "PHL", parties: str = "CHN;PHL;VNM") -> list[str]:
    a, e = tmp_path / "agreements.csv", tmp_path / "events.csv"
    a.write_text(AGREEMENTS.replace("SIGNED", signed).replace("CHN;PHL;VNM", parties),
                 encoding="utf-8")
    e.write_text(EVENTS.replace("ACTOR", actor).replace("ALLEGER", alleger), encoding="utf-8")
    return [str(a), str(e)]


def _empty_db(tmp_path: Path) -> str:
    from detente.record import open_store

    db = str(tmp_path / "mine.sqlite")
    with open_store(db, seed=False) as s:
        assert s.is_empty()
    return db


@pytest.mark.parametrize(("where", "field", "code"), [
    ({"parties": "CHN;PHL;VMN"}, "parties", "VMN"), ({"actor": "CNH"}, "actors", "CNH"),
    ({"alleger": "PHI"}, "alleged_by", "PHI")])
def test_an_unknown_three_letter_actor_code_is_refused_at_its_row_and_field(
        tmp_path: Path, where: dict[str, str], field: str, code: str) -> None:
    """ISO 3166 alpha-3, the docs say; a typo (VMN, CNH, PHI) went in silently and became an
    actor of its own, with a credibility of its own."""
    db = _empty_db(tmp_path)
    res = CliRunner().invoke(app, ["record", "import", *_record_files(tmp_path, **where),
                                   "--db", db])
    assert res.exit_code == 2, res.output
    out = " ".join(res.output.split())
    row = 2 if field == "parties" else 3
    assert f"row {row}: field '{field}': unknown actor code '{code}'" in out
    from detente.record import open_store

    with open_store(db) as s:
        assert s.is_empty()  # all or nothing


def test_known_codes_still_import(tmp_path: Path) -> None:
    """Organisations, non-state actors and former states (SUN, DDR) pass; so does every code
    of the shipped record (checked against the rule itself)."""
    from detente.record import load_shipped_record
    from detente.record._model import unknown_code

    db = _empty_db(tmp_path)
    res = CliRunner().invoke(app, ["record", "import", *_record_files(
        tmp_path, parties="CHN;PHL;ASEAN;DDR", actor="SUN", alleger="NATO"), "--db", db])
    assert res.exit_code == 0, res.output
    assert not [c for c in load_shipped_record().actors() if unknown_code(c)
                and c not in ("DPR", "LPR")]  # the two non-state codes the record holds


def test_an_agreement_signed_after_today_is_refused(tmp_path: Path) -> None:
    db = _empty_db(tmp_path)
    res = CliRunner().invoke(app, ["record", "import", *_record_files(tmp_path, "2102-11-04"),
                                   "--db", db])
    assert res.exit_code == 2, res.output
    assert "row 2: field 'signed': agreement doc_2002: signed 2102-11-04 is after today" in \
        " ".join(res.output.split())


def test_an_event_on_a_refused_agreement_row_says_so(tmp_path: Path) -> None:
    """The agreement is in the file, on a row refused for its own mistake: 'not in the store or
    the imported agreements' sent the newcomer looking for a missing row."""
    db = _empty_db(tmp_path)
    res = CliRunner().invoke(app, ["record", "import", *_record_files(tmp_path, "31/02/2021"),
                                   "--db", db])
    assert res.exit_code == 2, res.output
    out = " ".join(res.output.split())
    assert "field 'signed': expected a date YYYY-MM-DD" in out
    assert "unknown agreement 'doc_2002' (not in the store or the imported agreements, " \
        "unless on an agreement row refused above)" in out


def test_record_init_empty_starts_a_ledger_of_ones_own(tmp_path: Path) -> None:
    """A researcher keeping a ledger of their own had no way from the command line to start
    an empty record: any new --db was filled with the shipped dataset."""
    runner = CliRunner()
    db = str(tmp_path / "mine.sqlite")
    res = runner.invoke(app, ["record", "init", "--db", db, "--empty"])
    assert res.exit_code == 0, res.output
    assert "empty; add agreements and events with `detente record import FILE" in res.output
    res = runner.invoke(app, ["record", "agreements", "--db", db, "-f", "json"])
    assert json.loads(res.stdout) == []
    # it stays empty on later use, and an import fills it
    res = runner.invoke(app, ["record", "import", *_record_files(tmp_path), "--db", db])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["record", "agreements", "--db", db, "-f", "json"])
    assert [a["id"] for a in json.loads(res.stdout)] == ["doc_2002"]
    # --empty on a database that holds data is refused, and empties nothing
    res = runner.invoke(app, ["record", "init", "--db", db, "--empty"])
    assert res.exit_code == 2
    assert "already holds 1 agreement and 2 events" in " ".join(res.output.split())
    # without --empty: the shipped dataset, as on first use of any --db
    res = runner.invoke(app, ["record", "init", "--db", str(tmp_path / "full.sqlite")])
    assert res.exit_code == 0 and "62 agreements and 319 events" in res.output


ARTICLE = """Putin suspends Russia's participation in New START
February 21, 2023

Russian President Vladimir Putin said Tuesday that he is suspending Moscow's participation in
the last remaining nuclear arms control treaty between Russia and the United States.
"""


def test_accepting_candidates_never_counts_an_act_twice(tmp_path: Path) -> None:
    """The record holds Russia's New START suspension (EV0042, 2023-02-21); the article says it
    twice (headline, first sentence). --accept-all wrote both as new acts, without a conduct
    key: the one suspension counted three times in Russia's credibility. Now they are written
    as further sources of EV0042's act (its conduct key), and the figure does not move."""
    from detente.record import credibility, open_store

    art = tmp_path / "newstart.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "r.sqlite")
    runner = CliRunner()
    assert runner.invoke(app, ["record", "init", "--db", db]).exit_code == 0
    with open_store(db) as s:
        before = s.record()
    res = runner.invoke(app, ["extract", str(art), "--accept-all", "--source",
                              "https://example.org/newstart", "--db", db])
    assert res.exit_code == 0, res.output
    assert "events: 2 added" in res.output
    with open_store(db) as s:
        after = s.record()
    new = [e for e in after.events if e.id.startswith("TX")]
    assert len(new) == 2 and {e.conduct for e in new} == {"EV0042"}
    assert all("Same act as EV0042" in e.note for e in new)
    for who, toward in (("RUS", "USA"), ("RUS", None)):
        a = credibility(after, who, toward=toward, as_of="2026-11-25")
        b = credibility(before, who, toward=toward, as_of="2026-11-25")
        assert a.mean == pytest.approx(b.mean, abs=1e-12)
    # a new act is still counted: the same two sentences without EV0042 in the record
    bare = type(before)(agreements=before.agreements,
                        events=tuple(e for e in before.events if e.id != "EV0042"))
    assert credibility(bare.with_items(events=new), "RUS", toward="USA",
                       as_of="2026-11-25").mean < credibility(bare, "RUS", toward="USA",
                                                              as_of="2026-11-25").mean


def test_two_sentences_on_one_new_act_count_once(tmp_path: Path) -> None:
    """An act the record does not hold yet, said twice in an article: one conduct."""
    from detente.record import credibility, load_shipped_record
    from detente.text import Article, Extractor, to_events

    rec = load_shipped_record()
    rec = type(rec)(agreements=rec.agreements,
                    events=tuple(e for e in rec.events if e.id != "EV0042"))
    cands = [c for c in Extractor(rec).extract(Article(name="a", text=ARTICLE))
             if c.is_fact and c.type == "suspended" and c.agreement == "new_start_2010"]
    assert len(cands) == 2
    events, _ = to_events(cands, rec, "https://example.org/newstart")
    assert len(events) == 2 and events[0].conduct == "" and events[1].conduct == events[0].id
    one = credibility(rec.with_items(events=events[:1]), "RUS", toward="USA", as_of="2026-11-25")
    both = credibility(rec.with_items(events=events), "RUS", toward="USA", as_of="2026-11-25")
    apart = credibility(rec.with_items(events=[events[0], events[1].model_copy(
        update={"conduct": ""})]), "RUS", toward="USA", as_of="2026-11-25")
    # one conduct takes its largest weight (the month-dated sentence ends a week later, so it
    # is a shade less forgotten): a hair from one event, far from two acts
    assert abs(both.mean - one.mean) < 1e-4 < abs(apart.mean - one.mean) / 10


def test_the_web_review_links_an_act_the_record_holds(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from detente.record import open_store
    from detente.web import create_app
    from detente.web._settings import WebSettings

    db = tmp_path / "w.sqlite"
    assert CliRunner().invoke(app, ["record", "init", "--db", str(db)]).exit_code == 0
    settings = WebSettings(db=str(db), allow_writes=True, token="t0k3n")
    client = TestClient(create_app(settings))
    r = client.post("/api/text/extract", json={"text": ARTICLE, "name": "a.txt"})
    assert r.status_code == 200, r.text
    cands = [c for c in r.json() if c["type"] == "suspended"]
    r = client.post("/api/record/events", json={"candidates": cands[:1],
                    "source": "https://example.org/x"}, headers={"Authorization": "Bearer t0k3n"})
    assert r.status_code == 201, r.text
    (eid,) = r.json()["written"]
    with open_store(str(db)) as s:
        (ev,) = [e for e in s.record().events if e.id == eid]
    assert ev.conduct == "EV0042"


def test_bargain_reads_the_trust_from_the_researchers_record_and_settings(
        tmp_path: Path) -> None:
    """`detente credibility` takes --db, --half-life and --allegation-weight; `bargain --as-of`
    read the shipped record at the default settings whatever the researcher's own ledger and
    settings said: 'bargain at that trust' gave another number."""
    runner = CliRunner()
    cmd = ["bargain", "geneva-2022", "--a", "USA", "--b", "RUS", "--as-of", "2022-01-10",
           "-f", "json"]
    cred = ["credibility", "RUS", "--toward", "USA", "--as-of", "2022-01-10", "-f", "json"]
    opts = ["--half-life", "5", "--allegation-weight", "0.1"]
    res = runner.invoke(app, [*cmd, *opts])
    assert res.exit_code == 0, res.output
    got = json.loads(res.stdout)["trust"][0]  # USA's trust in RUS
    want = json.loads(runner.invoke(app, [*cred, *opts, "--db", "shipped"]).stdout)["mean"]
    assert got == pytest.approx(want, abs=1e-12)
    assert got != pytest.approx(json.loads(runner.invoke(app, cmd).stdout)["trust"][0])
    # the researcher's own ledger: RUS's conduct toward the US is one kept milestone
    db = str(tmp_path / "ledger.sqlite")
    assert runner.invoke(app, ["record", "init", "--db", db, "--empty"]).exit_code == 0
    (tmp_path / "a.csv").write_text(
        "id,name,kind,parties,domain,signed,in_force,source,note\n"
        "ns,New START,treaty,USA;RUS,arms_control,2010-04-08,2011-02-05,https://example.org/ns,"
        "\n", encoding="utf-8")
    (tmp_path / "e.csv").write_text(
        "id,agreement,date,actors,type,alleged_by,established_by,evidence,lawful,disputed,"
        "conduct,source,note\nE1,ns,2018-02-05,RUS,kept,,,record,,false,,"
        "https://example.org/k,limits met\n", encoding="utf-8")
    assert runner.invoke(app, ["record", "import", str(tmp_path / "a.csv"),
                               str(tmp_path / "e.csv"), "--db", db]).exit_code == 0
    res = runner.invoke(app, [*cmd, "--db", db])
    assert res.exit_code == 0, res.output
    want = json.loads(runner.invoke(app, [*cred, "--db", db]).stdout)["mean"]
    assert json.loads(res.stdout)["trust"][0] == pytest.approx(want, abs=1e-12)
    assert want > 0.6  # one kept milestone against a uniform prior
    # without --as-of the record options are refused, not ignored
    res = runner.invoke(app, ["bargain", "geneva-2022", "--a", "USA", "--b", "RUS",
                              "--trust", "0.5", "--db", db])
    assert res.exit_code == 2 and "--db: only with --as-of" in res.output
