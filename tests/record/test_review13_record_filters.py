"""Review 13: a `record events` / `record agreements` filter that matches nothing in the record
(a lower-case code, an event type misspelt) is refused, not answered with an empty table."""

from __future__ import annotations

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
