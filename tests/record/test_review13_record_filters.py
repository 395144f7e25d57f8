"""Review 13: a `record events` / `record agreements` filter that matches nothing in the record
(a lower-case code, an event type misspelt) is refused, not answered with an empty table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app


@pytest.mark.parametrize(("args", "said"), [
    (["events", "--actor", "irn"], "--actor 'irn': no such actor in the record; did you mean "
     "'IRN'?"),
    (["events", "--actor", "Iran"], "use an ISO 3166 alpha-3 code"),
    (["events", "--type", "violated"], "--type 'violated': no such event type in the record; "
     "expected one of: compliance_restored"),
    (["agreements", "--kind", "tretay"], "--kind 'tretay': no such agreement kind"),
    (["agreements", "--party", "prk"], "did you mean 'PRK'?"),
])
def test_a_filter_that_matches_nothing_is_refused(args: list[str], said: str) -> None:
    res = CliRunner().invoke(app, ["record", *args, "--db", "shipped"])
    assert res.exit_code == 2, res.output
    assert said in " ".join(res.stderr.split())


def test_good_filters_still_list() -> None:
    res = CliRunner().invoke(app, ["record", "events", "--actor", "IRN", "--type", "kept",
                                   "--db", "shipped", "-f", "csv"])
    assert res.exit_code == 0, res.output
    rows = res.stdout.strip().splitlines()[1:]
    assert rows and all(",kept," in r and "IRN" in r for r in rows)


@pytest.mark.parametrize("cmd", [
    ["credibility", "IRN"], ["record", "events"], ["record", "import", "x.csv"],
    ["credibility-sensitivity", "IRN"], ["serve"],
])
@pytest.mark.parametrize("form", ["{p}", "sqlite:///{p}"])
def test_a_db_path_in_a_missing_folder_is_refused(
        cmd: list[str], form: str, tmp_path: Path) -> None:
    # a typo in --db had created the folders and a fresh database filled with the shipped
    # dataset, read as if it were the user's own
    db = form.format(p=tmp_path / "no" / "such" / "record.sqlite")
    res = CliRunner().invoke(app, [*cmd, "--db", db])
    assert res.exit_code == 2, res.output
    flat = re.sub(r"[│\s]+", " ", res.stderr)
    assert "--db" in flat and "does not exist (create it first)" in flat
    assert not (tmp_path / "no").exists()


def test_a_db_path_in_an_existing_folder_is_created_and_filled(tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["record", "events", "--actor", "IRN", "--db",
                                   str(tmp_path / "r.sqlite")])
    assert res.exit_code == 0, res.output
    assert "created the record database" in res.stderr
    assert (tmp_path / "r.sqlite").is_file()
