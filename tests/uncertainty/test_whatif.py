"""What-if: --set, --drop and diff."""

from __future__ import annotations

import pytest

from detente.collective import forecast
from detente.errors import InputError
from detente.examples import load_example
from detente.uncertainty import apply_whatif, diff_scenarios, parse_set


def test_set_and_drop() -> None:
    g = load_example("geneva-2022")
    b = apply_whatif(g, ["RUS.open_door.salience=90", "USA.capability=40",
                         "open_door.status_quo=30", "RUS.open_door.position=60 ± 10"],
                     ["CHN"])
    assert b.stance("RUS", "open_door").salience == 90  # type: ignore[union-attr]
    assert b.actor("USA").capability == 40
    assert b.issue("open_door").status_quo == 30
    s = b.stance("RUS", "open_door")
    assert s is not None and s.position == 60 and s.uncertain is not None
    assert "CHN" not in b.actor_ids and all(x.actor != "CHN" for x in b.stances)
    # the forecast is that of the edited scenario
    ref = g.with_stances([x.model_copy(update={"salience": 90}) if (x.actor, x.issue) == (
        "RUS", "open_door") else x for x in g.stances])
    got = forecast(apply_whatif(g, ["RUS.open_door.salience=90"]), "compromise")
    assert got.outcomes.tolist() == forecast(ref, "compromise").outcomes.tolist()
    assert apply_whatif(g) is g


@pytest.mark.parametrize("text, words", [
    ("RUS.open_door.salience", "expected ACTOR.ISSUE.FIELD=VALUE"),
    ("RUS.open_door.salience=abc", "not a number"),
    ("XXX.open_door.salience=3", "no actor 'XXX'"),
    ("RUS.nope.salience=3", "no issue 'nope'"),
    ("RUS.open_door.height=3", "field is one of"),
    ("RUS.open_door.position=300", "outside issue 'open_door'"),
    ("RUS.open_door.salience=300", "100"),
    ("RUS.nope=3", "ACTOR.capability"),
])
def test_bad_settings_say_what_is_expected(text: str, words: str) -> None:
    g = load_example("geneva-2022")
    with pytest.raises(InputError, match=words):
        apply_whatif(g, [text])


def test_drop_unknown_actor() -> None:
    with pytest.raises(InputError, match="no actor 'ZZZ'"):
        apply_whatif(load_example("geneva-2022"), drop=["ZZZ"])


def test_drop_cleans_crisis_references() -> None:
    from detente.cases import load_bank

    sc = next(s for s in load_bank() if s.outside_options)
    who = sc.outside_options[0].actor
    b = apply_whatif(sc, drop=[who])
    assert all(o.actor != who and who not in o.target for o in b.outside_options)


def test_parse_set_values() -> None:
    assert parse_set("USA.capability=40").value == 40.0
    assert parse_set("A.x.position=uniform(1, 2)").value == "uniform(1, 2)"


def test_diff() -> None:
    g = load_example("geneva-2022")
    b = apply_whatif(g, ["RUS.open_door.salience=90"], ["CHN"])
    d = diff_scenarios(g, b, ["compromise", "median"])
    whats = {c.what for c in d.changes}
    assert "actor CHN" in whats and "RUS.open_door.salience" in whats
    moves = {(m, i): (x, y) for m, i, x, y in d.moves}
    assert moves[("compromise", "open_door")] == (
        forecast(g, "compromise").outcome("open_door"),
        forecast(b, "compromise").outcome("open_door"))
    same = diff_scenarios(g, g)
    assert same.changes == () and all(x == y for _, _, x, y in same.moves)
    assert d.as_dict()["forecasts"]
