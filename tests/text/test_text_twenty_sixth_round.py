"""Twenty-sixth round (issue 14): recall's large classes and the wrong party, read on
blind36–39. Tested on sentences composed for these tests (not taken from the gold texts), each
with the traps that must keep their old reading.

Mechanisms: a keeping told as observance of an agreement named without an article ("has
honoured SALT II", "stuck to New START", "kept to the JCPOA", "has been compliant with the
CTBT").
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

_D19 = "World news\n2019-01-20\n\n"
_D86 = "World news\n1986-05-28\n\n"
_D05 = "World news\n2005-03-10\n\n"

# (1) a keeping told as observance: the verb's object an agreement's bare name, "stuck to",
# "kept to", "compliant with"
NO_FACT: list[tuple[str, str]] = [
    # traps: observance of something that is no agreement; a keeping asked for or denied
    ("observed-ramadan", _D19 + "Iran observed Ramadan with calm, officials said."),
    ("honoured-gorbachev", _D19 + "Moscow honoured Gorbachev at a state funeral."),
    ("stuck-to-position", _D19 + "Washington stuck to its position on the talks."),
    ("urged-to-honour", _D86 + "Moscow urged Washington to honour SALT II."),
    # (written after the change: a state after a preposition is no subject of "compliant")
    ("sanctions-on-compliant", _D19 + "The sanctions on Iran are compliant with the JCPOA, "
     "Washington argues."),
    ("non-compliant-no-keeping", _D19 + "Critics call the plan non-compliant with the JCPOA "
     "terms, but no state has acted."),
]
FACTS: list[tuple[str, str, list[Want]]] = [
    ("honoured-salt2", _D86 + "For six years the United States honoured SALT II, officials "
     "said.", [w("salt2_1979", "USA", "kept")]),
    ("has-observed-new-start", _D19 + "Russia has observed New START, Lavrov said on Sunday.",
     [w("new_start_2010", "RUS", "kept")]),
    ("stuck-to-inf", _D19 + "For three decades Washington stuck to the INF Treaty.",
     [w("inf_1987", "USA", "kept")]),
    ("stuck-to-jcpoa", _D19 + "Tehran has stuck to the JCPOA despite the sanctions.",
     [w("jcpoa_2015", "IRN", "kept")]),
    ("kept-to-jcpoa", _D19 + "Iran has kept to the JCPOA, the IAEA reported.",
     [w("jcpoa_2015", "IRN", "kept")]),
    ("compliant-with-jcpoa", _D19 + "Iran has been fully compliant with the JCPOA, the IAEA "
     "said.", [w("jcpoa_2015", "IRN", "kept")]),
    ("respects-ctbt", _D19 + "China respects the CTBT, its envoy told the conference.",
     [w("ctbt_1996", "CHN", "kept")]),
    # traps: a keeping denied is a violation, as with a treaty noun; the treaty-noun object,
    # as before
    ("has-not-observed", _D86 + "The United States has not observed SALT II since May.",
     [w("salt2_1979", "USA", "violation_alleged")]),
    ("honoured-the-treaty", _D19 + "Washington has honored the INF Treaty.",
     [w("inf_1987", "USA", "kept")]),
]


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
