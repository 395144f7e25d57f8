"""`detente extract` and `detente check` from the command line, review into a store."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from detente.cli import app
from detente.record import open_store

runner = CliRunner()
ARTICLE = ("URL: https://example.org/inf\n\nIn 2019, the United States withdrew from the INF "
           "Treaty. The State Department said in December 2018 that Russia violated the INF "
           "Treaty. Russia threatened to withdraw from the New START Treaty.\n")


def _file(tmp_path: Path, text: str = ARTICLE, name: str = "a.txt") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_extract_json_and_stdin(tmp_path: Path) -> None:
    r = runner.invoke(app, ["extract", str(_file(tmp_path)), "-f", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert [(x["type"], x["is_fact"]) for x in rows] == [
        ("withdrew", True), ("violation_alleged", True), ("withdrew", False)]
    r2 = runner.invoke(app, ["extract", "-", "-f", "json"], input=ARTICLE)
    assert json.loads(r2.stdout) == [dict(x, doc="<stdin>") for x in rows]


def test_extract_csv_in_the_record_import_format(tmp_path: Path) -> None:
    r = runner.invoke(app, ["extract", str(_file(tmp_path)), "-f", "csv"])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0].startswith("id,agreement,date,actors,type,alleged_by")
    assert len(lines) == 3  # two facts; the threat is left out
    out = tmp_path / "events.csv"
    out.write_text(r.stdout, encoding="utf-8")
    with open_store(str(tmp_path / "s.sqlite")) as store:
        report = store.import_csv(out)
    assert report.added["events"] == 2


def test_bad_input_exit_2_and_nothing_written(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    with open_store(db) as store:
        before = len(store.record().events)
    bad = tmp_path / "b.bin"
    bad.write_bytes(b"\x00\x01\x02binary")
    good = _file(tmp_path)
    for args in (["extract", str(good), str(bad), "--accept-all", "--db", db],
                 ["extract", str(tmp_path / "none.txt"), "--accept-all", "--db", db],
                 ["check", str(bad)]):
        r = runner.invoke(app, args)
        assert r.exit_code == 2, r.output
        assert "error" in r.output
    empty = _file(tmp_path, "", "e.txt")
    assert runner.invoke(app, ["extract", str(empty)]).exit_code == 2
    with open_store(db) as store:
        assert len(store.record().events) == before


def test_accept_all_writes_through_the_store(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    r = runner.invoke(app, ["extract", str(_file(tmp_path)), "--accept-all", "--db", db])
    assert r.exit_code == 0, r.output
    with open_store(db) as store:
        new = [e for e in store.record().events if e.id.startswith("TX")]
    assert {(e.agreement, e.type.value) for e in new} == {("inf_1987", "withdrew"),
                                                          ("inf_1987", "violation_alleged")}
    assert all(e.source == "https://example.org/inf" and "From the text" in e.note for e in new)
    # running it again replaces the same events (stable ids), adds nothing
    runner.invoke(app, ["extract", str(_file(tmp_path)), "--accept-all", "--db", db])
    with open_store(db) as store:
        assert len([e for e in store.record().events if e.id.startswith("TX")]) == 2
    r = runner.invoke(app, ["extract", str(_file(tmp_path)), "--accept-all",
                            "--min-confidence", "0.99", "--db", db])
    assert "nothing to import" in r.stdout


def test_review_accept_edit_reject(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    # first: edit the date to 2019-08-02; second: reject
    answers = "e\n\n\n\n2019-08-02\n\nr\n"
    r = runner.invoke(app, ["extract", str(_file(tmp_path)), "--review", "--db", db],
                      input=answers)
    assert r.exit_code == 0, r.output
    with open_store(db) as store:
        new = [e for e in store.record().events if e.id.startswith("TX")]
    assert [(e.type.value, str(e.date)) for e in new] == [("withdrew", "2019-08-02")]


def test_without_a_source_url_nothing_is_written(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    p = _file(tmp_path, ARTICLE.replace("URL: https://example.org/inf\n\n", ""))
    r = runner.invoke(app, ["extract", str(p), "--accept-all", "--db", db])
    assert "no source URL" in r.output
    r = runner.invoke(app, ["extract", str(p), "--accept-all", "--db", db,
                            "--source", "https://example.org/x"])
    assert "2 added" in r.stdout


def test_check_markdown_and_json(tmp_path: Path) -> None:
    r = runner.invoke(app, ["check", str(_file(tmp_path)), "-f", "markdown"])
    assert r.exit_code == 0, r.output
    # the 2018 allegation restates the first one (2014): "not in the record", never confirmed
    assert "2 factual claims: 1 confirmed, 0 contradicted, 1 not in the record" in r.stdout
    r = runner.invoke(app, ["check", str(_file(tmp_path)), "-f", "json"])
    data = json.loads(r.stdout)
    assert data[0]["years"] == [2018, 2019]


def test_extract_table_in_a_narrow_terminal_is_one_candidate_per_line(tmp_path: Path) -> None:
    r = runner.invoke(app, ["extract", str(_file(tmp_path))], terminal_width=80)
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == "3 candidate events"
    assert any(ln.startswith("USA withdrew inf_1987 2019") for ln in lines)
    assert any("hypothetical" in ln and "new_start_2010" in ln for ln in lines)
    assert "┃" not in r.stdout  # no folded table
