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


def test_the_trust_a_solution_needs_is_where_both_start_to_sign_it() -> None:
    from detente.bargaining import (
        analyse,
        domain_from_scenario,
        solution_trust_needed,
        trust_values,
    )
    from detente.cases import load_case

    dom = domain_from_scenario(load_case("falklands-1982"), "GBR", "ARG")
    res = analyse(dom, 0.6)
    need = solution_trust_needed(dom, {k: s.index for k, s in res.solutions.items()})
    assert need == res.solution_trust_needed == res.as_dict()["solution_trust_needed"]
    ra, rb = dom.a.reservation_value, dom.b.reservation_value
    checked = 0
    for name, s in res.solutions.items():
        n = need[name]
        if n is None:
            continue
        va, vb = trust_values(dom, min(n + 1e-6, 1.0))
        assert va[s.index] >= ra - 1e-9 and vb[s.index] >= rb - 1e-9, name
        if n > 1e-6:
            va, vb = trust_values(dom, n - 1e-6)
            assert va[s.index] < ra or vb[s.index] < rb, name
            checked += 1
    assert checked >= 2
