"""detente bargain honours red lines and leads with the deals at the given trust."""

from __future__ import annotations

import json

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from detente.bargaining import analyse, domain_from_scenario
from detente.cli import app
from detente.scenario import Scenario


@st.composite
def dyads(draw: st.DrawFn) -> Scenario:
    issues = [{"id": f"i{k}", "status_quo": draw(st.floats(0, 100))} for k in range(2)]
    stances = []
    for a in ("A", "B"):
        for k in range(2):
            s = {"actor": a, "issue": f"i{k}", "position": draw(st.floats(0, 100)),
                 "salience": draw(st.floats(1, 100))}
            if draw(st.booleans()):
                s["red_line"] = {"side": draw(st.sampled_from(["above", "below"])),
                                 "value": draw(st.floats(0, 100))}
            stances.append(s)
    return Scenario.model_validate({"name": "d", "actors": [{"id": "A"}, {"id": "B"}],
                                    "issues": issues, "stances": stances})


@settings(max_examples=50, deadline=None)
@given(sc=dyads(), trust=st.floats(0, 1))
def test_no_bargain_crosses_a_red_line(sc: Scenario, trust: float) -> None:
    dom = domain_from_scenario(sc, "A", "B", steps=6)
    res = analyse(dom, trust, curve_points=5)
    for sol in [*res.solutions.values(), *res.solutions_trust.values()]:
        where = np.unravel_index(sol.index, dom.shape)
        for j, b_iss in enumerate(dom.issues):
            assert b_iss.points is not None
            x, iid = float(b_iss.points[where[j]]), b_iss.id
            iss = sc.issue(iid)
            for who in ("A", "B"):
                st_ = sc.stance(who, iid)
                sq = np.nan if iss.status_quo is None else iss.status_quo
                if st_ is not None and st_.red_line is not None and not np.isclose(x, sq):
                    assert st_.red_line.allows(x), (who, iid, x, st_.red_line)


def test_bargain_leads_with_deals_at_the_given_trust() -> None:
    runner = CliRunner()
    r = runner.invoke(app, ["bargain", "geneva-2022", "--a", "RUS", "--b", "USA",
                            "--trust", "0.6"])
    assert r.exit_code == 0, r.stderr
    header = r.stdout.split("deals: option per issue")[1].splitlines()
    assert "at trust κ=0.600 first" in header[0]
    r = runner.invoke(app, ["bargain", "geneva-2022", "--a", "RUS", "--b", "USA",
                            "--trust", "0.6", "-f", "json"])
    doc = json.loads(r.stdout)
    assert "solutions_at_trust" in doc
    # open door: RUS's red line (not above 60) and USA's (not below 60) leave 60 only
    for sol in doc["solutions_at_trust"].values():
        assert sol["options"]["open_door"] == "60"
