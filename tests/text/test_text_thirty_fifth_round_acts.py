"""Thirty-fifth round, second part (issue 14): acts told without the usual verbs.
Tested on sentences composed for these tests (not taken from the gold texts), varied in
agreement, actor and wording; each class with traps — the same phrasing urged, denied,
conditional, planned or aimed at something else — that must give no fact.

Classes: membership given up ("ceased to be a party to", "is no longer a party to"); a
declaration that one will never be bound ("will never be bound by", without "again"); an
agreement worked against as object ("undermined", "sabotaged"); an agreement carried out
("began implementing", "carried out its obligations under", "commitment to implementing"), not
as a purpose ("steps to implement", "agreed to start implementing", "hesitating in
implementing"); its implementation avoided, delayed or obstructed (a violation, not the keeping
inside it); a decision to withdraw or suspend reversed (a return, not the withdrawal); turning
away from an agreement's implementation; returning to implementing; dropping out of; remaining
within limits; signatures affixed; participation or the agreement's inspections stopped; an
act asked about by inversion ("from what moment does Russia stop ...") is no fact.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

NO_FACT: list[tuple[str, str]] = []
FACTS: list[tuple[str, str, list[Want]]] = []

_D93 = "World news\n1993-01-04\n\n"
_D02 = "World news\n2002-06-14\n\n"
_D03 = "World news\n2003-01-10\n\n"
_D07 = "World news\n2007-12-20\n\n"
_D16 = "World news\n2016-01-18\n\n"
_D18 = "World news\n2018-02-05\n\n"
_D19 = "World news\n2019-08-05\n\n"
_D21 = "World news\n2021-12-20\n\n"

# (1) membership given up
FACTS += [
    ("ceased-to-be-a-party", _D21 + "Russia ceased to be a party to the Open Skies Treaty on "
     "December 18.", [w("open_skies_1992", "RUS", "withdrew")]),
    ("no-longer-a-party", _D19 + "The United States is no longer a party to the INF Treaty, "
     "the State Department said.", [w("inf_1987", "USA", "withdrew")]),
]
NO_FACT += [
    ("ceases-to-be-a-party-if", _D07 + "If Russia ceases to be a party to the CFE Treaty, NATO "
     "will respond."),
    ("urged-to-cease", _D07 + "Some Duma deputies urged Moscow to cease to be a party to the "
     "CFE Treaty."),
    ("party-to-talks", _D07 + "Russia ceased to be a party to the talks on the CFE Treaty."),
]

# (2) never to be bound, declared
FACTS += [
    ("never-be-bound", _D03 + "Pyongyang said on Friday that its government will never be "
     "bound by the Agreed Framework.", [w("agreed_framework_1994", "PRK", "withdrew")]),
]
NO_FACT += [
    ("never-be-bound-if", _D03 + "Pyongyang warned that it would never be bound by the Agreed "
     "Framework if the sanctions stayed."),
    ("was-never-bound", _D03 + "North Korea was never bound by the Agreed Framework."),
]

# (3) an agreement worked against
FACTS += [
    ("has-undermined", "World news\n2018-12-04\n\nWashington says Russia has undermined the "
     "INF Treaty for years.", [w("inf_1987", "RUS", "violation_alleged")]),
    ("sabotaged", "World news\n2021-04-02\n\nKyiv said Russia had sabotaged the Minsk "
     "agreements.", [w("minsk2_2015", "RUS", "violation_alleged")]),
]
NO_FACT += [
    ("denied-undermining", "World news\n2018-12-04\n\nRussia denied that it had undermined the "
     "INF Treaty."),
    ("could-undermine", "World news\n2018-12-04\n\nThe new missile could undermine the INF "
     "Treaty, analysts said."),
]

# (4) an agreement carried out; (5) its implementation avoided or obstructed
FACTS += [
    ("began-implementing", _D16 + "The IAEA confirmed that Iran had begun implementing the "
     "JCPOA.", [w("jcpoa_2015", "IRN", "kept")]),
    ("carried-out-obligations", "World news\n1991-06-01\n\nThe Soviet Union carried out its "
     "obligations under the INF Treaty, the inspectors said.", [w("inf_1987", "SUN", "kept")]),
    ("avoided-implementing", "World news\n2017-01-10\n\nRussia has avoided implementing the "
     "Minsk agreements, Kyiv said.", [w("minsk2_2015", "RUS", "violation_alleged")]),
    ("dragged-feet", "World news\n2017-01-10\n\nRussia has dragged its feet on implementing the "
     "Minsk agreements.", [w("minsk2_2015", "RUS", "violation_alleged")]),
]
NO_FACT += [
    ("plans-to-implement", _D16 + "Iran plans to start implementing the JCPOA next month."),
    ("agreed-to-start-implementing", _D16 + "Iran and the six powers agreed to start "
     "implementing the JCPOA on Monday."),
    ("steps-to-implement", _D16 + "The two sides are taking concrete steps to implement the "
     "JCPOA."),
    ("hesitating-in-implementing", _D16 + "Tehran said Washington was hesitating in "
     "implementing the JCPOA."),
    ("urged-to-carry-out", "World news\n1991-06-01\n\nWashington urged the Soviet Union to carry "
     "out its obligations under the INF Treaty."),
    ("could-block", "World news\n2017-01-10\n\nRussia could block the implementation of the "
     "Minsk agreements."),
]

# (6) a decision to withdraw or suspend reversed; (7) turning away; (8) returning to it
FACTS += [
    ("rescinded-decision", _D07 + "Moscow rescinded its decision to suspend the CFE Treaty.",
     [w("cfe_1990", "RUS", "compliance_restored")]),
    ("turned-face-away", "World news\n2002-10-20\n\nThe envoy said the United States has turned "
     "its face away from the implementation of the Agreed Framework.",
     [w("agreed_framework_1994", "USA", "violation_alleged")]),
    ("returned-to-implementation", "World news\n2024-01-01\n\nIran returned to full "
     "implementation of the JCPOA.", [w("jcpoa_2015", "IRN", "compliance_restored")]),
]
NO_FACT += [
    ("may-reverse", _D07 + "Russia said it may reverse its decision to suspend the CFE Treaty."),
    ("urged-to-return", "World news\n2024-01-01\n\nThe E3 urged Iran to return to full "
     "implementation of the JCPOA."),
]

# (9) dropping out; remaining within limits; signatures affixed
FACTS += [
    ("dropped-out", _D02 + "The United States dropped out of the ABM Treaty on Thursday.",
     [w("abm_1972", "USA", "withdrew")]),
    ("remained-within", _D18 + "Russia has remained within the New START limits, the State "
     "Department said.", [w("new_start_2010", "RUS", "kept")]),
    ("affixed-signatures", _D93 + "Bush and Yeltsin affixed their signatures to START II in "
     "Moscow.", [w("start2_1993", "USA;RUS", "signed")]),
]
NO_FACT += [
    ("threatened-to-drop-out", _D02 + "The United States threatened to drop out of the ABM "
     "Treaty."),
    ("will-affix", _D93 + "Bush and Yeltsin will affix their signatures to START II next week."),
]


# (10) participation or the agreement's inspections stopped (a suspension); an act asked about
# by inversion is no fact
FACTS += [
    ("stopped-participating", "World news\n2019-03-10\n\nMoscow stopped participating in the "
     "INF Treaty in February.", [w("inf_1987", "RUS", "suspended")]),
    ("paused-inspections", "World news\n2022-09-01\n\nRussia paused inspections under New "
     "START in August.", [w("new_start_2010", "RUS", "suspended")]),
]
NO_FACT += [
    ("asked-when-stop", "World news\n2023-02-22\n\nAsked from what moment does Russia stop "
     "participating in New START, he gave no date."),
    ("threatened-to-pause", "World news\n2022-09-01\n\nRussia threatened to pause "
     "inspections under New START."),
]

@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
