"""review17: the crisis explanation's "what would reopen it" names an outside option's cost and
red lines; --set can now make exactly those changes, and doing so reopens the zone."""

from __future__ import annotations

import pytest

from detente.cases import load_case
from detente.collective import forecast
from detente.errors import InputError
from detente.uncertainty import apply_whatif


def text(sc) -> str:  # type: ignore[no-untyped-def]
    return " ".join(forecast(sc, "crisis", rng=0).explanation)


def test_setting_the_cost_and_red_lines() -> None:
    sc = load_case("falklands-1982")
    s2 = apply_whatif(sc, ["GBR.cost=0.84", "GBR.sovereignty.red_line=70"])
    (o,) = [o for o in s2.outside_options if o.actor == "GBR"]
    assert o.cost == 0.84
    (st,) = [s for s in s2.stances if s.actor == "GBR" and s.issue == "sovereignty"]
    assert st.red_line is not None and st.red_line.value == 70 and st.red_line.side == "above"
    assert sc.outside_options[0].cost == 0.3  # the original is untouched


def test_reopen_claim_holds_when_the_change_is_made() -> None:
    sc = load_case("falklands-1982")
    before = text(sc)
    assert "no zone of agreement" in before
    assert "GBR's cost of conflict between 0.84 and 0.87" in before
    assert "A zone of agreement exists" in text(apply_whatif(sc, ["GBR.cost=0.84"]))
    assert "no zone of agreement" in text(apply_whatif(sc, ["GBR.cost=0.83"]))
    assert "A zone of agreement exists" in text(
        apply_whatif(sc, ["GBR.sovereignty.red_line=70"]))


@pytest.mark.parametrize(("edit", "msg"), [
    ("ARG.cost=0.5", "holds 0 outside options"),
    ("GBR.administration.red_line=10", "no red line on 'administration'"),
    ("GBR.sovereignty.red_line=uniform(40, 60)",
     "is not a red line's value; a red line is moved by its value alone, a number"),
    ("GBR.cost=1.5", "GBR.cost=1.5"),
    ("GBR.bogus=1", "outside option's ACTOR.cost|target_cost|p_prevail"),
])
def test_bad_edits_are_named(edit: str, msg: str) -> None:
    with pytest.raises(InputError, match=msg.replace("|", r"\|").replace("(", r"\(")):
        apply_whatif(load_case("falklands-1982"), [edit])


def test_crisis_command_takes_set() -> None:
    from typer.testing import CliRunner

    from detente.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["crisis", "falklands-1982", "--set", "GBR.cost=0.84"])
    assert res.exit_code == 0, res.stdout + res.stderr
    assert "cost 0.84 of its stake" in res.stdout and "A zone of agreement exists" in res.stdout
    res = runner.invoke(app, ["crisis", "falklands-1982", "--set", "GBR.cost=2"])
    assert res.exit_code == 2 and "--set GBR.cost=2" in res.stderr
