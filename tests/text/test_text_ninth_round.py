"""Ninth round (issue 14): recall on unseen text without losing precision, by general
mechanisms tested on sentences composed for these tests (not taken from the gold texts), with
precision traps beside them (negated, hypothetical, mis-dated or unrelated acts must stay out).

Mechanisms: agreement names generated from the record (the acronym of a proper name, a joint
document named by a word of its own: "the Singapore statement"; a treaty noun phrase whose
modifiers are words of one agreement's names: "the 2018 military pact with South Korea"); a
declaration that one will no longer (or never again) be bound by an agreement is the
withdrawal, as a notice is, unless it is conditional, hedged or a warning; a negative object
("violated nothing", "breached no provision") negates the act; first person inside a
quotation is the speaker, with the partner of a joint act ("'we made an agreement with
Russia,' he said"), also when the attribution comes first with a colon or the quotation was
opened at the end of the sentence before; "a deal ... in Sochi" names the one agreement of
that place; a person named as a modifier ("the Assad regime") or an unknown speaker ('...,"
Fahrettin Altun said') is not the "he" of a later attribution; a violation recorded or
reported by an observer ("the OSCE reported two violations of") names its violator only by an
agent of its own ("by Azerbaijan", "Russian violations"), never the reporter or the parties
named after it; the accused read from a pronoun or the sentence at large is not the accuser
(the quotation's speaker, also "White House spokesman X said"); firing told without an event
word ("opened fire on", "fired mortar shells at", "fired across the line", "carried out drone
strikes on") is a hostile act like "shelled", hence the breach of the one ceasefire an article
is about when dated after it; "renew" and "extend" are no treaty act when what is renewed
or extended is talks, fighting, an offensive, sanctions and the like; a reduced relative
("a treaty signed on ... between X and Y") inside a question is presupposed, not asked; the
agents after "signed on <a full date> between" are read (the date's words were miscounted); an
act stated as contrary to an agreement ("inconsistent with its obligations under", "contrary
to", "at odds with", "runs counter to", "in defiance of"; not "the spirit of") or as doing what
it bans ("deployed missiles prohibited by", "tested a device banned under") is an alleged
violation; an undertaking as a noun ("a pledge made by X", "X made the promise on ...",
"the commitments made by X") is a consent like "pledged to", concluding an agreement only on
the record's date of signature, and a year alone will do when the agreement is named in the
sentence; a joint statement, communique or declaration issued, released or adopted is
concluded (the record's one joint document of the article's actors at that date), a press
statement is not; an agreement that "has held" or "is holding" is kept by its parties; a
treaty noun after a compound of two actors ("the India-China agreements", "the Israel-Lebanon
truce") is the one agreement between exactly those two (a ceasefire for a ceasefire noun); "with"
after a noun of relation ("the border with Israel", "tensions with") names no partner of a joint
act; a bare verb coordinated with an infinitive ("declared its intention to sign ... and accede
to") shares its head's modality and its subject.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, facts, text_params, w

from detente.text._gazetteer import acronyms, shipped_gazetteer


def dated(dateline: str, body: str) -> str:
    """An article: a headline with its dateline, then the body."""
    return f"Example headline. Example Wire, {dateline}.\n\n{body}"


FACTS: list[tuple[str, str, list[Want]]] = [
    # --- acronyms of the record's names --------------------------------------------------------
    ("acronym-cma", "North Korea scrapped the CMA in November 2023.",
     [w("inter_korean_cma_2018", "PRK", "withdrew", "2023-11")]),
    ("acronym-bsgi", "Russia quit the BSGI in July 2023, the UN said.",
     [w("bsgi_2022", "RUS", "withdrew", "2023-07")]),
    # --- a joint document named by a word of its own -------------------------------------------
    ("place-statement", "Trump and Kim Jong Un signed the Singapore statement in June 2018.",
     [w("singapore_2018", "USA;PRK", "signed", "2018-06")]),
    ("place-summit-declaration", "Pyongyang said it had scrapped the Singapore summit "
     "declaration in 2020.",
     [w("singapore_2018", "PRK", "withdrew", "2020")]),
    # --- a treaty noun phrase described by words of one agreement's names ----------------------
    ("worded-pact-with", "North Korea scrapped the military pact with South Korea in November "
     "2023.",
     [w("inter_korean_cma_2018", "PRK", "withdrew", "2023-11")]),
    ("worded-year-pact", "North Korea said it had torn up the 2018 military agreement with South "
     "Korea in November 2023.",
     [w("inter_korean_cma_2018", "PRK", "withdrew", "2023-11")]),
    # --- a declaration that one will no longer be bound is the withdrawal ----------------------
    ("said-would-no-longer-be-bound", "Russia said on March 3, 2023 it would no longer be bound "
     "by New START.",
     [w("new_start_2010", "RUS", "withdrew", "2023-03")]),
    ("announced-never-again-bound", "Pyongyang announced in November 2023 that its army will "
     "never again be bound by the Comprehensive Military Agreement.",
     [w("inter_korean_cma_2018", "PRK", "withdrew", "2023-11")]),
    ("quoted-never-again-bound", "\u201cOur army will never again be bound by the Comprehensive "
     "Military Agreement,\u201d Pyongyang said in November 2023.",
     [w("inter_korean_cma_2018", "PRK", "withdrew", "2023-11")]),
    ("no-longer-bound-to", "Iran said in 2005 it was no longer bound to the Paris Agreement on "
     "suspension of enrichment-related activities.",
     [w("iran_e3_paris_2004", "IRN", "withdrew", "2005")]),
    # --- first person inside a quotation: the speaker, and the partner of a joint act ----------
    ("quoted-we-with-partner", "\u201cWe signed the Sochi agreement with Russia in 2018,\u201d "
     "Erdogan said on Friday.",
     [w("sochi_idlib_2018", "TUR;RUS", "signed", "2018")]),
    ("colon-attribution", "Turkey's communications director said on Friday: \u201cWe made an "
     "agreement with Russia in Sochi in September 2018.\u201d",
     [w("sochi_idlib_2018", "TUR;RUS", "signed", "2018-09")]),
    ("agreement-in-place", "Turkey made a deal with Russia in Sochi, Ankara said on Friday.",
     [w("sochi_idlib_2018", "TUR;RUS", "signed")]),
    # a quotation opened at the end of the sentence before (the mark left with it)
    ("carried-quote-he", "Lavrov spoke to reporters on February 22, 2023. Russia's position was "
     "clear, he said. \u201cWe have suspended our participation in New START. We will not "
     "return to it,\u201d he added.",
     [w("new_start_2010", "RUS", "suspended")]),
    ("carried-quote-named", "\u201cThe treaty matters,\u201d Lavrov stated. \u201cWe have "
     "suspended our participation in New START.\u201d",
     [w("new_start_2010", "RUS", "suspended")]),
    # --- a recorded violation names its violator only by an agent of its own -----------------
    ("recorded-by-agent", "The Russian military has reported a violation of the November 2020 "
     "ceasefire by Azerbaijan.",
     [w("nk_trilateral_2020", "AZE", "violation_alleged", by="RUS")]),
    ("recorded-with-modifier", "The OSCE reported two Russian violations of the Minsk II "
     "ceasefire on Tuesday.",
     [w("minsk2_2015", "RUS", "violation_alleged", by="OSCE")]),
    ("quoted-accusation-with-title", "\u201cRussia is in material breach of New START,\u201d "
     "White House spokesman John Kirby said.",
     [w("new_start_2010", "RUS", "violation_alleged", by="USA")]),
    # --- an extension of an agreement (controls for the traps below) --------------------------
    ("extended-treaty", "Russia and the United States extended New START in February 2021.",
     [w("new_start_2010", "RUS;USA", "extended", "2021-02")]),
    ("renewed-treaty", "Moscow and Washington renewed New START for five years in February "
     "2021.",
     [w("new_start_2010", "RUS;USA", "extended", "2021-02")]),
    # --- a reduced relative inside a question is presupposed; agents after a full date -------
    ("question-reduced-relative", "Who still remembers the Algiers Accords, a treaty signed on "
     "January 19, 1981 between the United States and Iran?",
     [w("algiers_accords_1981", "USA;IRN", "signed", "1981-01")]),
    ("agents-after-full-date", "The Algiers Accords were signed on January 19, 1981 between the "
     "United States of America and the Islamic Republic of Iran.",
     [w("algiers_accords_1981", "USA;IRN", "signed", "1981-01")]),
    ("agents-after-place", "New START was signed in Prague by Russia and the United States in "
     "April 2010.",
     [w("new_start_2010", "RUS;USA", "signed", "2010-04")]),
    # --- an act stated as contrary to an agreement, or as doing what it bans ------------------
    ("inconsistent-with-obligations", "Washington said Russia's deployment of the 9M729 missile "
     "was inconsistent with its obligations under the INF Treaty.",
     [w("inf_1987", "RUS", "violation_alleged", by="USA")]),
    ("contrary-to", "Washington said Russia's deployment of the 9M729 missile was contrary to "
     "the INF Treaty.",
     [w("inf_1987", "RUS", "violation_alleged", by="USA")]),
    ("runs-counter-to", "NATO said Russia's missile deployment runs counter to the INF Treaty.",
     [w("inf_1987", "RUS", "violation_alleged", by="NATO")]),
    ("at-odds-with", "Russia's missile deployment is at odds with the INF Treaty, NATO said.",
     [w("inf_1987", "RUS", "violation_alleged", by="NATO")]),
    ("deployed-prohibited-by", "Russia deployed missiles prohibited by the INF Treaty, NATO said "
     "in 2019.",
     [w("inf_1987", "RUS", "violation_alleged", "2019", by="NATO")]),
    ("tested-banned-under", "North Korea tested a device banned under the CTBT in 2017, "
     "Washington said.",
     [w("ctbt_1996", "PRK", "violation_alleged", "2017", by="USA")]),
    # --- an undertaking as a noun, or with a year under an agreement named beside it -----------
    ("pledged-under-named-year", "Under the Algiers Accords, the United States pledged in 1981 "
     "not to intervene in Iran's internal affairs.",
     [w("algiers_accords_1981", "USA", "signed", "1981")]),
    ("pledge-made-by", "This week marks the anniversary of a pledge made by the United States in "
     "the Algiers Accords in 1981.",
     [w("algiers_accords_1981", "USA", "signed", "1981")]),
    ("made-the-promise", "Xi made the promise on September 25, 2015.",
     [w("xi_spratly_pledge_2015", "CHN", "signed", "2015-09")]),
    ("commitments-made-by", "The commitments made by Moscow under New START in April 2010 were "
     "honoured, Washington said.",
     [w("new_start_2010", "RUS", "signed", "2010-04")]),
    # --- a joint document issued is concluded -------------------------------------------------
    ("released-joint-communique", dated("March 11, 2023", "Saudi Arabia and Iran released a "
                                        "joint communique with China on March 10, 2023."),
     [w("iran_saudi_beijing_2023", "SAU;IRN;CHN", "signed", "2023-03-10")]),
    ("issued-joint-statement", dated("June 13, 2018", "The United States and North Korea issued "
                                     "a joint statement on June 12, 2018."),
     [w("singapore_2018", "USA;PRK", "signed", "2018-06-12")]),
    # --- an agreement that holds is kept by its parties ---------------------------------------
    ("ceasefire-has-held", "The Minsk II ceasefire has largely held since February 2015, the "
     "OSCE said.",
     [w("minsk2_2015", "*", "kept")]),
    ("truce-is-holding", "The Minsk II truce is holding, Kyiv said on Tuesday.",
     [w("minsk2_2015", "*", "kept")]),
    # --- an agreement named by the compound of its two parties -------------------------------
    ("compound-bilateral", "India said China violated the India-China agreements in 2020.",
     [w("india_china_lac_1993_1996", "CHN", "violation_alleged", "2020", by="IND")]),
    ("compound-holding", "The India-China agreements have substantially held for decades, New "
     "Delhi said.",
     [w("india_china_lac_1993_1996", "*", "kept")]),
    ("compound-truce", "Israel accused Hezbollah of violating the Israel-Lebanon truce in "
     "December 2024.",
     [w("israel_lebanon_ceasefire_2024", "HEZBOLLAH", "violation_alleged", "2024-12",
        by="ISR")]),
    # --- "with" after a noun of relation names no partner -------------------------------------
    ("partner-with", dated("February 4, 2021", "Russia extended New START with the United "
                           "States on February 3, 2021."),
     [w("new_start_2010", "RUS;USA", "extended", "2021-02-03")]),
    ("relation-with-no-partner", dated("February 4, 2021", "Russia extended New START amid "
                                       "tensions with the United States on February 3, 2021."),
     [w("new_start_2010", "RUS", "extended", "2021-02-03")]),
    # --- a bare verb coordinated with an infinitive shares its head and its subject ------------
    ("coordinated-implicative", "Libya agreed in January 2004 to sign the IAEA Additional "
     "Protocol and accede to the Chemical Weapons Convention.",
     [w("cwc_1993", "LBY", "signed", "2004-01")]),
    ("coordinated-decided", "The United States decided to leave talks with Russia and withdraw "
     "from the INF Treaty in 2019.",
     [w("inf_1987", "USA", "withdrew", "2019")]),
]

NO_FACT: list[tuple[str, str]] = [
    # an acronym in a threatened or negated act
    ("acronym-threatened", "North Korea threatened to scrap the CMA."),
    ("acronym-not", "Russia did not quit the BSGI in May 2023."),
    # a press statement is no joint document; nor is a statement on a topic
    ("statement-on-topic", "Russia said in a statement on grain exports that it would quit the "
     "talks."),
    # the modifiers match, the year does not
    ("worded-wrong-year", "North Korea said it had violated the 2015 military agreement with "
     "South Korea."),
    # the modifiers match no agreement of these actors
    ("worded-no-parties", "Russia and Ukraine accused each other of violating the military "
     "agreement."),
    # evaluative words only: no agreement is described
    ("worded-evaluative", "Russia and Ukraine quit the landmark deal."),
    # no longer bound: warned, conditional, hedged, or never bound at all (no withdrawal)
    ("bound-warned", "Russia warned it would no longer be bound by New START."),
    ("bound-if", "Russia said it would no longer be bound by New START if NATO expanded."),
    ("bound-could", "Russia could say it will no longer be bound by New START."),
    ("bound-until", "Russia said it will no longer be bound by New START until the United States "
     "returns to compliance."),
    ("never-bound", "Russia said it would never be bound by New START."),
    ("never-been-bound", "Iran has never been bound by the CTBT, Tehran said."),
    # a negative object: a denial, not an act
    ("violated-nothing", "\u201cWe have violated nothing,\u201d Lavrov said of New START."),
    ("breached-no-provision", "Russia has breached no provision of New START, Lavrov said."),
    ("violated-none", "Russia violated none of its obligations under New START, Moscow said."),
    ("signed-no-agreement", "Russia signed no agreement with Ukraine in 2019 besides the Minsk "
     "II."),
    # a place named with no agreement of its own, or two agreements: no agreement is described
    ("place-two-agreements", "Turkey and Russia made a deal in Minsk, Ankara said on Friday."),
    # a violation recorded by an observer, with no violator named: not the reporter, not the
    # parties named after it
    ("recorded-no-agent", "The Russian military has reported a violation of the November 2020 "
     "ceasefire that ended the conflict between Azerbaijan and Armenia."),
    ("recorded-count", "The OSCE reported two violations of the Minsk II ceasefire on Tuesday."),
    ("first-report-of", "It was Russia's first report of a violation of the November 2020 "
     "ceasefire between Azerbaijan and Armenia."),
    # "they" in a quotation is not the speaker who accuses them
    # what is renewed or extended is no agreement
    ("renewed-talks", "Russia and the United States renewed talks on New START in February "
     "2021."),
    ("extended-sanctions", "Washington extended its sanctions on Moscow despite New START in "
     "February 2021."),
    ("renewed-fighting", "The renewal of fighting in Donbas tested Minsk II in February 2015."),
    ("extended-offensive", "Russia extended its offensive despite the Minsk II ceasefire in "
     "February 2015."),
    # contrary to an agreement: denied, negated, hypothetical, "the spirit of", no treaty object
    ("contrary-denied", "Russia denied that its missile was inconsistent with the INF Treaty."),
    ("contrary-negated", "Moscow insisted its missile was not inconsistent with the INF Treaty."),
    ("contrary-would", "A Russian deployment would be contrary to the INF Treaty, NATO said."),
    ("at-odds-spirit", "Russia said the U.S. missile defense plan was at odds with the spirit of "
     "New START."),
    ("contrary-interests", "Trump said the INF Treaty was contrary to American interests in "
     "2018."),
    # what the agreement bans, destroyed or not deployed
    ("banned-destroyed", "The missiles banned under the INF Treaty were destroyed by 1991."),
    ("destroyed-prohibited", "The United States destroyed all missiles prohibited by the INF "
     "Treaty by 1991."),
    ("did-not-deploy-prohibited", "Russia did not deploy missiles prohibited by the INF Treaty, "
     "Moscow said."),
    # an undertaking in another year or month than the agreement's, undated, modal or negated
    ("pledged-wrong-year", "Russia pledged in 2012 to cut its warheads under New START."),
    ("promise-other-matter", "Xi made the promise to visit Washington on March 3, 2016."),
    ("promise-undated", "The promise made by Russia was broken."),
    ("may-make-pledge", "Iran may make a pledge under the JCPOA in July 2015."),
    ("made-no-pledge", "Iran made no pledge under the JCPOA in July 2015."),
    # a press statement, or a joint one only expected
    ("issued-a-statement", dated("March 11, 2023", "Iran issued a statement on March 10, 2023 "
                                 "about Saudi Arabia.")),
    ("may-issue-joint", dated("March 11, 2023", "Saudi Arabia and Iran may issue a joint "
                              "statement with China next week.")),
    # not held, may hold, held talks, whether it held
    ("has-not-held", "The Minsk II ceasefire has not held, the OSCE said."),
    ("may-hold", "The Minsk II ceasefire may hold if both sides withdraw heavy weapons."),
    ("held-talks", "The Minsk II ceasefire held talks in Minsk."),
    ("whether-held", "Whether the Minsk II ceasefire has held is unclear."),
    # a compound of parties to many agreements names none
    ("compound-ambiguous", "Russia accused the United States of violating the US-Russia treaty "
     "in 2019."),
    # an intention or a wish, shared by the coordinated bare verb
    ("coordinated-intention", "Libya declared its intention to sign the IAEA Additional Protocol "
     "and accede to the Chemical Weapons Convention."),
    ("coordinated-wants", "Russia wants to suspend New START and withdraw from the Open Skies "
     "Treaty."),
    # a question asks about the act itself
    ("question-did-sign", "Did Russia sign New START in 2010?"),
    ("question-was-signed", "Was New START signed by India in 2010?"),
    ("question-treaty-was-signed", "Is it true that the treaty was signed by India, New START?"),
    ("quoted-they-not-speaker", "\u201cThey are in material breach of the Agreed "
     "Framework,\u201d White House spokesman Sean McCormack said."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_fact(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_no_fact(text: str) -> None:
    assert_no_fact(text)


CEASEFIRE = "Armenia and Azerbaijan signed a ceasefire on November 9, 2020. "

# firing told without an event word, dated after the ceasefire the article is about: its breach
FIRING: list[tuple[str, str]] = [
    ("opened-fire", "Azerbaijani troops opened fire on an Armenian village on February 27, "
     "2021."),
    ("fired-shells-at", "Azerbaijani troops fired mortar shells at an Armenian village on "
     "February 27, 2021."),
    ("fired-across", "Azerbaijani troops fired across the line of contact on February 27, 2021."),
    ("carried-out-strikes", "Azerbaijani forces carried out drone strikes on Armenian positions "
     "on February 27, 2021."),
]
FIRING_TRAPS: list[tuple[str, str]] = [
    ("fired-a-minister", "Azerbaijan fired its defence minister on February 27, 2021."),
    ("did-not-open-fire", "Azerbaijani troops did not open fire on February 27, 2021."),
    ("threatened-to-open-fire", "Azerbaijani troops threatened to open fire on February 27, "
     "2021."),
    ("fired-before-ceasefire", "Azerbaijani troops had opened fire on an Armenian village on "
     "October 27, 2020."),
    ("was-fired", "An Azerbaijani general was fired on February 27, 2021."),
]


@pytest.mark.parametrize("text", text_params(FIRING))
def test_firing_after_the_ceasefire_is_its_breach(text: str) -> None:
    got = [c for c in facts(dated("March 3, 2021", CEASEFIRE + text))
           if c.type == "violation_alleged"]
    assert [(c.agreement, c.actors) for c in got] == [("nk_trilateral_2020", ("AZE",))], got


@pytest.mark.parametrize("text", text_params(FIRING_TRAPS))
def test_firing_that_is_no_breach(text: str) -> None:
    got = [c for c in facts(dated("March 3, 2021", CEASEFIRE + text))
           if c.type == "violation_alleged"]
    assert not got, got


def test_quote_speaker_is_not_a_person_named_as_a_modifier() -> None:
    # "the Assad regime" names a government, and the quotation's speaker, named after it, is
    # no actor of the record: the "we" of the quotation carried on is nobody known
    text = ("Putin spoke to Erdogan on Monday. The Assad regime worsens the situation, Fahrettin "
            "Altun said. Referring to the Sochi Agreement, he urged all sides to keep their "
            "word. \u201cWe made an agreement with Russia in Sochi. Nobody should test our "
            "resolve,\u201d he said.")
    got = [c for c in facts(text) if c.type == "signed"]
    assert all("SYR" not in c.actors and c.actors != ("RUS",) for c in got), got


def test_acronyms_of_proper_names_only() -> None:
    names = {"Comprehensive Military Agreement": "a", "Treaty on Open Skies": "b",
             "Black Sea Grain Initiative": "c", "Black Sea Grain Initiation": "d",
             "grain deal": "e", "Joint Plan": "f"}
    # a name opening with its head noun, one in lower case and one of two words give none;
    # an acronym two agreements share is dropped
    assert acronyms(names) == {"CMA": "a"}
    assert acronyms(names, frozenset({"cma"})) == {}


def test_shipped_acronyms_only_where_none_exists() -> None:
    g = shipped_gazetteer()
    assert g.agreements["CMA"] == "inter_korean_cma_2018"
    assert g.agreements["BSGI"] == "bsgi_2022"
    # INCSEA has its own acronym: "Incidents at Sea Agreement" gives no "ISA"
    assert "ISA" not in g.agreements
