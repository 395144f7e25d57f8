"""Thirty-second round (issue 14): blind53's leak, one general mechanism per class, and the
left-overs of the thirty-first round. Tested on sentences composed for these tests (not taken
from the gold texts), each with the traps that must keep their old reading.

Classes: a later act told as a future in the past under a reporting or intention verb
("announced that they would join the treaty", "declared it was going to accede to", "said it
was to sign") — an act still to come, not a fact, whatever the reporting verb: an announcement
that a state will sign, accede to, ratify or extend is not the signing, accession, ratification
or extension (an announced exit stays one, as the gold README codes "announced it will
withdraw": the notice is the act); the traps both ways: "announced that it had joined" and "it
joined, as it had said it would" are facts. A document signed that names an agreement after it
("signed a Joint Statement ... that mentioned ratifying the CTBT", "signed a declaration
supporting the CTBT") — the signing of the document, not of the agreement; and an act a document
calls for, urges or seeks ("a statement calling for the ratification of") — not the act. A
put-off idiom with no act after it ("has dragged its feet ever since") — neither makes nor
unmakes an act elsewhere in the sentence. Consent whose whole object is an agreement the
record holds ("agreed on the Sochi memorandum", "have agreed on a 'Framework for Elimination of
Syrian Chemical Weapons'") — its signing by the consenting parties, on the record's date of
signature as every consent (or with no dateline, as a conclusion told by "reached" is); not
consent to its talks, terms or future, not negated, conditional or future.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

NO_FACT: list[tuple[str, str]] = []
FACTS: list[tuple[str, str, list[Want]]] = []

_D93 = "World news\n1993-03-15\n\n"
_D96 = "World news\n1996-10-01\n\n"
_D99 = "World news\n1999-10-01\n\n"
_D07 = "World news\n2007-07-20\n\n"
_D20 = "World news\n2020-12-01\n\n"

# (1) a later act told as a future in the past under a reporting or intention verb
NO_FACT += [
    ("announced-would-join", _D93 + "Last year Beijing and Paris announced that they would "
     "join the Non-Proliferation Treaty."),
    ("declared-would-accede", _D93 + "Ukraine declared it would accede to the NPT as a "
     "non-nuclear state."),
    ("announced-would-ratify", _D96 + "The French government announced that France would "
     "ratify the CTBT."),
    ("announced-would-sign-ctbt", _D96 + "India announced on Tuesday it would sign the "
     "Comprehensive Test Ban Treaty."),
    ("declared-would-extend", _D20 + "The Kremlin declared that Moscow would extend New START "
     "by five years."),
    ("announced-going-to-join", _D93 + "China announced it was going to join the NPT."),
    ("declared-were-to-ratify", _D99 + "The two governments declared that they were to ratify "
     "the CTBT together."),
    ("announced-would-not-join", _D93 + "Israel announced that it would not join the NPT."),
    ("formally-announced-would-sign", _D93 + "Minsk formally announced that Belarus would "
     "sign the Non-Proliferation Treaty."),
    ("declaration-would-ratify", _D99 + "In a declaration on Monday, Moscow said that it "
     "would ratify the Chemical Weapons Convention."),
    ("promised-would-accede", _D93 + "Kazakhstan promised that it would accede to the NPT."),
]
FACTS += [
    # traps: an announcement of an act done; an act done as announced; an announced exit
    # stays a withdrawal (the notice is the act, as the gold codes "announced it will
    # withdraw"); a refusal to ratify stays one withheld
    ("announced-had-joined", _D93 + "China announced that it had joined the NPT.",
     [w("npt_1968", "CHN", "signed")]),
    ("joined-as-said-would", _D93 + "China joined the NPT last year, as it had said it "
     "would.", [w("npt_1968", "CHN", "signed")]),
    ("announced-has-ratified", _D96 + "Paris announced that France has ratified the CTBT.",
     [w("ctbt_1996", "FRA", "ratified")]),
    ("announced-would-withdraw", _D07 + "The Kremlin announced that Russia would withdraw "
     "from the CFE Treaty.", [w("cfe_1990", "RUS", "withdrew")]),
    ("announced-would-not-ratify", _D99 + "The Senate leadership announced that the Senate "
     "would not ratify the CTBT.", [w("ctbt_1996", "USA", "not_ratified")]),
]

_D00 = "World news\n2000-06-10\n\n"
_D23 = "World news\n2023-11-01\n\n"

# (2) a document signed, or one that calls for an act, is not the agreement or the act
NO_FACT += [
    ("signed-statement-mentioned", _D00 + "In June the two presidents signed a Joint Statement "
     "on Strategic Stability Cooperation that mentioned the ratification of the CTBT."),
    ("signed-declaration-supporting", _D23 + "Moscow and Beijing signed a declaration "
     "supporting the Comprehensive Test Ban Treaty."),
    ("signed-communique-calling-for", _D23 + "The two leaders signed a joint communique "
     "calling for the extension of New START."),
    ("signed-declaration-referred", "World news\n2010-04-08\n\nBoth presidents signed a "
     "Joint Declaration on Nuclear Security which referred to the NPT."),
    ("signed-letter-calling-for", _D23 + "Forty senators signed a letter calling for the "
     "ratification of the CTBT."),
    ("issued-communique-urging", _D23 + "The ministers issued a communique urging the "
     "extension of New START."),
]
FACTS += [
    # traps: the agreement signed with a statement beside it; a document of accession is the
    # accession; a statement that welcomes a ratification tells it done
    ("signed-treaty-and-statement", "World news\n1996-09-25\n\nRussia and the United States "
     "signed the CTBT and a joint statement on it.", [w("ctbt_1996", "RUS;USA", "signed")]),
    ("signed-declaration-of-accession", "World news\n1992-09-25\n\nBelarus signed a "
     "declaration of accession to the NPT.", [w("npt_1968", "BLR", "signed")]),
    ("statement-welcomed-ratification", _D00 + "A NATO statement welcomed Russia's "
     "ratification of the CTBT.", [w("ctbt_1996", "RUS", "ratified")]),
]

# (3) a put-off idiom with no act after it makes and unmakes nothing: the signing told before
# it stays, and no act is read from it
FACTS += [
    ("signed-then-dragged-feet", "World news\n1999-10-01\n\nThe United States signed the CTBT "
     "in 1996 but has dragged its feet ever since.", [w("ctbt_1996", "USA", "signed")]),
    ("dragged-feet-then-ratified", "World news\n1997-05-01\n\nMoscow has dragged its feet "
     "ever since, while the Senate ratified the CWC in April.", [w("cwc_1993", "USA",
                                                                    "ratified")]),
]
NO_FACT += [
    ("dragged-feet-alone", "World news\n1999-10-01\n\nThe Senate has dragged its feet on the "
     "test ban ever since."),
]

# (4) consent whose whole object is a named agreement of the record
_D18 = "World news\n2018-09-20\n\n"
FACTS += [
    ("agreed-on-framework", "World news\n2013-09-20\n\nWashington and Moscow agreed on the "
     "Framework for Elimination of Syrian Chemical Weapons last week.",
     [w("syria_cw_framework_2013", "USA;RUS", "signed")]),
    ("agreed-on-memorandum", _D18 + "Erdogan and Putin agreed on the Sochi memorandum on "
     "Monday.", [w("sochi_idlib_2018", "TUR;RUS", "signed")]),
    ("no-dateline-agreed-on", "World news\n\nRussia and the United States have agreed on a "
     "\"Framework for Elimination of Syrian Chemical Weapons.\"",
     [w("syria_cw_framework_2013", "RUS;USA", "signed")]),
    # trap: consent to do, with a date in between, stays the earlier reading
    ("agreed-on-date-to-sign", _D18 + "The two presidents agreed on September 17 to sign the "
     "Sochi memorandum.", [w("sochi_idlib_2018", "*", "signed")]),
]
NO_FACT += [
    ("agreed-to-its-talks", "World news\n2013-09-20\n\nRussia and the United States agreed "
     "to the Framework for Elimination of Syrian Chemical Weapons talks."),
    ("agreed-on-its-terms", _D18 + "Russia and Turkey agreed on the Sochi memorandum's terms."),
    ("agreed-not-on-signing-date", "World news\n2019-05-01\n\nErdogan and Putin agreed on "
     "the Sochi memorandum on Monday."),
    ("has-not-agreed-to", _D18 + "Turkey has not agreed to the Sochi memorandum."),
    ("would-agree-to", _D18 + "Ankara said it would agree to the Sochi memorandum."),
    ("if-agreed-to", _D18 + "If Turkey agreed to the Sochi memorandum, Russia would hold off."),
]


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
