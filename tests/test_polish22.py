"""polish22: the items review22 left (its findings, "Not fixed"), outside the web."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.errors import InputError
from detente.uncertainty._whatif import parse_set

RED_LINE_FORM = "ACTOR.ISSUE.red_line=VALUE"


@pytest.mark.parametrize("value", ["below:90", "60 ± 10"])
def test_a_red_line_set_with_its_side_says_the_form_expected(value: str) -> None:
    with pytest.raises(InputError) as e:
        parse_set(f"GBR.withdrawal.red_line={value}")
    msg = str(e.value)
    assert RED_LINE_FORM in msg and "side (above/below) stays" in msg
    assert parse_set("GBR.withdrawal.red_line=60").value == 60.0
    # a stance's other fields still take a distribution
    assert parse_set("GBR.withdrawal.position=60 ± 10").value == "60 ± 10"


def test_the_command_line_names_the_red_line_form() -> None:
    r = CliRunner().invoke(app, ["forecast", "falklands-1982", "-m", "median",
                                 "--set", "GBR.withdrawal.red_line=below:90"])
    assert r.exit_code == 2
    out = r.output
    assert "--set 'GBR.withdrawal.red_line=below:90'" in out
    assert RED_LINE_FORM in out and "Traceback" not in out
