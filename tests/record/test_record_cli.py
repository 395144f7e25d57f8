"""`detente record ...` and `detente credibility ...`: outputs, files, exit status 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.record import credibility, load_shipped_record

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_credibility_json_matches_the_api() -> None:
    code, out, _ = run("credibility", "RUS", "--toward", "USA", "--as-of", "2022-01-10",
                       "--format", "json", "--db", "shipped", "--top", "3")
    assert code == 0
    doc = json.loads(out)
    c = credibility(load_shipped_record(), "RUS", toward="USA", as_of="2022-01-10")
    assert (doc["actor"], doc["toward"], doc["as_of"]) == ("RUS", "USA", "2022-01-10")
    assert (doc["mean"], doc["low"], doc["high"]) == pytest.approx((c.mean, c.low, c.high))
    assert [d["event"] for d in doc["drivers"]] == [d.event.id for d in c.drivers[:3]]


def test_credibility_uses_the_store_and_plots(tmp_path: Path) -> None:
    png = tmp_path / "usa_rus.png"
    code, out, _ = run("credibility", "USA", "--toward", "RUS", "--as-of", "2026-11-25",
                       "--plot", str(png), "--db", str(tmp_path / "s.sqlite"))
    assert code == 0, out
    assert "credibility of USA toward RUS as of 2026-11-25" in out
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not list(tmp_path.glob(".*.tmp"))  # atomic write left no temporary file


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["credibility", "XYZ", "--db", "shipped"], "does not appear", id="actor"),
        pytest.param(["credibility", "RUS", "--as-of", "2022-02-30", "--db", "shipped"],
                     "expected a date", id="date"),
        pytest.param(["credibility", "RUS", "--level", "2", "--db", "shipped"],
                     "invalid setting", id="setting"),
        pytest.param(["credibility", "RUS", "--plot", "x.gif", "--db", "shipped"],
                     ".png, .svg or .pdf", id="plot-format"),
        pytest.param(["record", "show", "nothing_like_this", "--db", "shipped"],
                     "no agreement or event", id="show"),
        pytest.param(["record", "events", "--agreement", "nope", "--db", "shipped"],
                     "no agreement 'nope'", id="events"),
        pytest.param(["record", "import", "missing.csv"], "no such file", id="import-missing"),
    ],
)
def test_user_mistakes_exit_2_without_traceback(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in out + err


def test_import_lists_every_bad_row(tmp_path: Path) -> None:
    bad = tmp_path / "events.csv"
    bad.write_text(
        "id,agreement,date,actors,type,source\n"
        "X1,new_start_2010,2026-13-01,USA,kept,https://example.org/a\n"
        "X2,new_start_2010,2026-02-06,usa,kept,https://example.org/b\n"
        "X3,new_start_2010,2026-02-06,USA,kept,https://example.org/c\n"
    )
    db = str(tmp_path / "s.sqlite")
    code, _, err = run("record", "import", str(bad), "--db", db)
    assert code == 2
    assert "row 2: field 'date'" in err and "row 3: field 'actors'" in err
    code, out, _ = run("record", "events", "--agreement", "new_start_2010", "--format", "json",
                       "--db", db)
    assert code == 0 and "X3" not in out  # nothing was imported


def test_export_import_round_trip_through_the_cli(tmp_path: Path) -> None:
    code, _, _ = run("record", "export", str(tmp_path / "out"), "--db", "shipped")
    assert code == 0
    from detente.record import open_store

    open_store(str(tmp_path / "fresh.sqlite"), seed=False).close()
    code, out, _ = run("record", "import", str(tmp_path / "out"), "--db",
                       str(tmp_path / "fresh.sqlite"))
    n = len(load_shipped_record().events)
    assert code == 0 and f"events: {n} added" in out
    with open_store(str(tmp_path / "fresh.sqlite"), seed=False) as s:
        assert s.record() == load_shipped_record().sorted()


def test_listing_and_show() -> None:
    code, out, _ = run("record", "events", "--actor", "RUS", "--type", "suspended",
                       "--format", "csv", "--db", "shipped")
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0].startswith("id,agreement,date,actors,type")
    assert any(line.startswith("EV0042,new_start_2010,2023-02-21,RUS,suspended") for line in lines)
    code, out, _ = run("record", "agreements", "--party", "PRK", "--format", "json",
                       "--db", "shipped")
    ids = {a["id"] for a in json.loads(out)}
    assert {"agreed_framework_1994", "singapore_2018"} <= ids
    code, out, _ = run("record", "show", "new_start_2010", "--db", "shipped")
    assert code == 0 and "EV0039" in out and "extended" in out


def test_credibility_weights_allegations_from_the_command_line(tmp_path: Path) -> None:
    """More weight on allegations can only lower (or keep) the figure; both runs agree with the
    Python API given the same settings."""
    from detente.record import CredibilitySettings, credibility, load_shipped_record

    base = ["credibility", "RUS", "--toward", "USA", "--as-of", "2022-01-10", "-f", "json",
            "--db", "shipped"]
    low = json.loads(runner.invoke(app, base).stdout)
    high = json.loads(runner.invoke(app, [*base, "--allegation-weight", "1.0"]).stdout)
    assert high["mean"] <= low["mean"]
    weights = dict(CredibilitySettings().evidence_weights, allegation=1.0)
    api = credibility(load_shipped_record(), "RUS", toward="USA", as_of="2022-01-10",
                      settings=CredibilitySettings(evidence_weights=weights))
    assert high["mean"] == pytest.approx(api.mean)


def test_credibility_settings_file_and_its_errors(tmp_path: Path) -> None:
    good = tmp_path / "s.yaml"
    good.write_text("half_life_years: 5\nlevel: 0.8\n", encoding="utf-8")
    res = runner.invoke(app, ["credibility", "RUS", "--as-of", "2022-01-10", "-f", "json",
                              "--db", "shipped", "--settings", str(good)])
    assert res.exit_code == 0, res.stderr
    doc = json.loads(res.stdout)
    from detente.record import CredibilitySettings, credibility, load_shipped_record

    api = credibility(load_shipped_record(), "RUS", as_of="2022-01-10",
                      settings=CredibilitySettings(half_life_years=5, level=0.8))
    assert (doc["mean"], doc["low"]) == pytest.approx((api.mean, api.low))
    bad = tmp_path / "bad.yaml"
    bad.write_text("half_life_years: 5\nevidence_weights: {rumour: 1}\n", encoding="utf-8")
    res = runner.invoke(app, ["credibility", "RUS", "--db", "shipped", "--settings", str(bad)])
    assert res.exit_code == 2
    assert f"{bad}, line 2: field 'evidence_weights'" in res.stderr
    assert "rumour" in res.stderr and "Traceback" not in res.stderr
