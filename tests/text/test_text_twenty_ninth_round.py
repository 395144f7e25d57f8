"""Twenty-ninth round (issue 14): acts told without the usual verbs, one sub-form. Tested on
sentences composed for these tests (not taken from the gold texts), each with traps that must
keep their old reading (the act possible, feared, doubly negated or denied).

Sub-form: a non-fulfilment told without "fail" — "the inability of X to fulfil its
obligations", "X's inability to honour", "X has not sincerely implemented" (an adverb between
the negation and the verb) — is a violation alleged. (A second sub-form, a party that declares
itself no longer bound, was written and dropped: see docs/text.md, twenty-ninth round.)
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

NO_FACT: list[tuple[str, str]] = []
FACTS: list[tuple[str, str, list[Want]]] = []

_D98 = "World news\n1998-10-01\n\n"
_D16 = "World news\n2016-10-05\n\n"
_D19 = "World news\n2019-06-01\n\n"
_D21 = "World news\n2021-08-05\n\n"

# (1) a non-fulfilment told without "fail"
FACTS += [
    ("inability-of-x-to-fulfil", _D16 + "The decree cites the inability of the United States "
     "to fulfil its obligations under the Plutonium Management and Disposition Agreement.",
     [w("pmda_2000", "USA", "violation_alleged")]),
    ("possessive-inability-to-honour", _D19 + "Tehran blamed Washington's inability to honour "
     "the JCPOA for the crisis.", [w("jcpoa_2015", "USA", "violation_alleged")]),
    ("unable-to-meet", _D21 + "Baku said Armenia was unable to meet its obligations under the "
     "trilateral statement on Nagorno-Karabakh.", [w("nk_trilateral_2020", "ARM",
                                                    "violation_alleged")]),
    ("not-adverb-implemented", _D98 + "Pyongyang said the U.S. had not seriously implemented "
     "the Agreed Framework.", [w("agreed_framework_1994", "USA", "violation_alleged")]),
    ("never-fully-honoured", _D21 + "Baku said Armenia has never fully honoured the trilateral "
     "statement on Nagorno-Karabakh.", [w("nk_trilateral_2020", "ARM", "violation_alleged")]),
]
NO_FACT += [
    # traps: a possible inability, a feared one, a double negation, a denial
    ("may-be-unable", _D19 + "Washington warned that Moscow may be unable to fulfil its "
     "obligations under New START."),
    ("fear-unable", _D19 + "Officials fear that the United States will be unable to honour "
     "the JCPOA."),
    ("not-unable", _D19 + "Lavrov said Russia is not unable to fulfil its obligations under "
     "New START."),
    ("denied-not-implemented", _D98 + "Washington denied that it had not fully implemented the "
     "Agreed Framework."),
]


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
