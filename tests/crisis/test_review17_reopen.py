"""review17: every "what would reopen it" in the crisis explanation holds when the change is made
(with --set), and nothing it omits is claimed. falklands-1982: the challenger's cost of conflict
opens a deal only in a window — above it the threat stops being credible and only the standoff
remains (the text said "at or above 0.84"; at 0.88 and 1.0 the episode is a standoff). cuba-1962:
the red lines close the zone but no reopening was named; one red line alone reopens it."""

from __future__ import annotations

import re

import numpy as np

from detente.cases import load_case
from detente.collective import forecast
from detente.crisis import analyse, reopening
from detente.uncertainty import apply_whatif


def run(name: str, *sets: str):  # type: ignore[no-untyped-def]
    return forecast(apply_whatif(load_case(name), list(sets)), "crisis", rng=0)


def concedes(name: str, *sets: str) -> bool:
    """A zone holding a deal other than the standoff, at the changed inputs."""
    an = analyse(apply_whatif(load_case(name), list(sets)), rng=0)
    if not an.zone_exists or an.proposal is None or an.dyad is None:
        return False
    on = np.flatnonzero(an.dyad.issues)
    return not np.allclose(an.proposal[on], an.dyad.standoff[on], atol=1e-9)


def test_falklands_cost_window_is_what_the_text_says() -> None:
    text = " ".join(run("falklands-1982").explanation)
    m = re.search(r"GBR's cost of conflict between (\d\.\d\d) and (\d\.\d\d)", text)
    assert m, text
    lo, hi = float(m.group(1)), float(m.group(2))
    assert lo < hi
    # the printed ends open a deal; just outside them, none
    assert concedes("falklands-1982", f"GBR.cost={lo}")
    assert concedes("falklands-1982", f"GBR.cost={hi}")
    assert not concedes("falklands-1982", f"GBR.cost={lo - 0.01:.2f}")
    assert not concedes("falklands-1982", f"GBR.cost={hi + 0.02:.2f}")
    assert not concedes("falklands-1982", "GBR.cost=1")


def test_cuba_names_the_red_line_that_reopens_it() -> None:
    an = analyse(load_case("cuba-1962"), rng=0)
    assert not an.zone_exists
    re_ = reopening(an)
    assert re_.get("red_lines") == [("CUB", "soviet_missiles")]
    text = " ".join(run("cuba-1962").explanation)
    assert ("What would reopen it: CUB's red line on 'Soviet offensive missiles in Cuba' moved or "
            "dropped." in text)  # the issue's name, as every other face says it
    # CUB's red line is 'not above 80': moved to the top of the scale it binds nothing
    assert concedes("cuba-1962", "CUB.soviet_missiles.red_line=100")
    # the USA's red line, and CUB's commitment (which only leaves the standoff), do not
    assert not concedes("cuba-1962", "USA.soviet_missiles.red_line=0")
    assert not concedes("cuba-1962", "CUB.soviet_missiles.commitment=0")
