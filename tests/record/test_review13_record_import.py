"""Review 13: `detente record import` on the files a newcomer writes: an event CSV with a
mistake on line 3 writes nothing; an empty file and a semicolon- or tab-separated one are
named as such; the command's help lists the columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app

HEADER = ("id,agreement,date,actors,type,alleged_by,established_by,evidence,lawful,disputed,"
          "conduct,source,note\n")
GOOD = "MY001,jcpoa_2015,2016-01-16,IRN,kept,,,record,,false,,https://example.org/a,ok\n"
BAD = "MY002,jcpoa_2015,2019-13-01,IRN,kept,,,record,,false,,https://example.org/b,bad day\n"


def _import(db: Path, f: Path) -> tuple[int, str]:
    res = CliRunner().invoke(app, ["record", "import", "--db", str(db), str(f)])
    return res.exit_code, res.stderr


def _events(db: Path) -> str:
    res = CliRunner().invoke(app, ["record", "events", "--db", str(db), "--agreement",
                                   "jcpoa_2015", "-f", "csv"])
    assert res.exit_code == 0, res.output
    return res.stdout


def test_an_error_on_line_3_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    before = _events(db)
    f = tmp_path / "mine.csv"
    f.write_text(HEADER + GOOD + BAD, encoding="utf-8")
    code, err = _import(db, f)
    assert code == 2
    assert "mine.csv, row 3: field 'date'" in err and "2019-13-01" in err
    assert _events(db) == before and "MY001" not in before


@pytest.mark.parametrize(("text", "said"), [
    ("", "the file is empty"),
    ("\n\n", "the file is empty"),
    (HEADER.replace(",", ";") + GOOD.replace(",", ";"), "separated by semicolons"),
    (HEADER.replace(",", "\t") + GOOD.replace(",", "\t"), "separated by tabs"),
])
def test_an_unreadable_file_is_named_for_what_it_is(
        text: str, said: str, tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite"
    f = tmp_path / "mine.csv"
    f.write_text(text, encoding="utf-8")
    code, err = _import(db, f)
    assert code == 2
    assert "mine.csv" in err and said in err
    assert "Traceback" not in err


def test_import_help_lists_the_columns() -> None:
    res = CliRunner().invoke(app, ["record", "import", "--help"])
    assert res.exit_code == 0
    flat = " ".join(res.stdout.split())
    assert "id, agreement, date, actors, type" in flat
    assert "id, name, kind, parties" in flat
