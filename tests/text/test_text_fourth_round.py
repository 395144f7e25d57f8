"""Fourth round (issue 14): the sixth blind set's leaks and error kinds, one phenomenon per case,
on sentences composed for these tests (not taken from the gold texts).

Leaks closed by general scopes: an act that is the object of a directive (asked, urged, called
on, pressed, demanded, appealed to, "faced calls to be scrapped"), however long its object and
through coordinated infinitives; an act inside a rejected, denied or dismissed report,
speculation, rumour or claim (nominalised or finite), a report called false after it, and a
rumour not denied. Controls: the same cues with the act outside their scope stay facts.
"""

from __future__ import annotations

import pytest
from _text_cases import (
    Want,
    assert_facts,
    assert_no_fact,
    candidates,
    fact_params,
    facts,
    text_params,
    w,
)
from hypothesis import given, settings
from hypothesis import strategies as st

# --- 1. leaks: directives ------------------------------------------------------------------
DIRECTED = [
    ("asking-long-object", "\u201cWe are asking the Americans to seriously comply with the "
     "contents of the Doha agreement,\u201d the Taliban said."),
    ("asking-coordinated", "The Taliban are asking Washington to stop the raids and to alert "
     "its allies to fully abide by the Doha agreement."),
    ("called-on-long", "NATO called on the government of the Russian Federation to immediately "
     "return to full compliance with the INF Treaty."),
    ("urged-long", "The European Union urged the leadership in Tehran and its negotiators to "
     "abide by the JCPOA."),
    ("pressed", "Diplomats pressed Moscow to extend New START before it expires."),
    ("appealed", "The foreign minister appealed to both Armenia and Azerbaijan to respect the "
     "Trilateral Statement."),
    ("demanded-of", "Kabul demanded of the Taliban that they abide by the Doha agreement."),
    ("implored", "Allies implored the United States not to leave the Open Skies Treaty."),
    ("passive-asked", "Iran was asked to implement its commitments under the JCPOA."),
    ("told-to", "The president told the Senate to ratify the CTBT."),
    ("calls-noun", "The pact has faced calls to be scrapped or suspended by critics of the "
     "Inter-Korean Comprehensive Military Agreement."),
    ("pressure-noun", "There was growing pressure on Seoul to suspend the Comprehensive Military "
     "Agreement."),
    ("nominal-under-directive", "Washington urged Moscow to announce its withdrawal from the "
     "Minsk II agreement."),
]

# --- 1. leaks: rejected or denied reports, speculation, rumour ---------------------------
REPORTED_DENIED = [
    ("rejected-speculation-nominal", "The Foreign Office has rejected speculation about the "
     "cancellation of the Simla Agreement."),
    ("dismissed-reports-finite", "Pakistan dismissed reports that it had withdrawn from the "
     "Simla Agreement."),
    ("denied-that", "The ministry denied that Pakistan had suspended the Simla Agreement."),
    ("denied-gerund", "Islamabad denied suspending the Simla Agreement."),
    ("refuted-rumours", "Officials refuted rumours of a Russian withdrawal from the Open Skies "
     "Treaty."),
    ("downplayed-talk", "The Kremlin played down talk of an exit from New START."),
    ("brushed-aside-media", "Tehran brushed aside media reports that it had left the JCPOA."),
    ("poured-cold-water", "Seoul poured cold water on suggestions that it would quit the "
     "Comprehensive Military Agreement."),
    ("reports-false", "Reports that Pakistan had withdrawn from the Simla Agreement were false, "
     "the Foreign Office said."),
    ("rumour-undenied", "Amid rumours that India had suspended the Simla Agreement, the two "
     "armies met."),
    ("speculation-undenied", "Speculation grew about a US withdrawal from the Open Skies "
     "Treaty."),
]


@pytest.mark.parametrize("text", text_params(DIRECTED + REPORTED_DENIED))
def test_never_a_fact(text: str) -> None:
    assert_no_fact(text)


_WITH_ACTOR = [(k, t) for k, t in REPORTED_DENIED if k in {
    "dismissed-reports-finite", "denied-that", "denied-gerund", "brushed-aside-media",
    "reports-false"}]


@pytest.mark.parametrize("text", text_params(_WITH_ACTOR))
def test_denied_report_is_found_as_negated(text: str) -> None:
    # a denied act with its actor named is still a candidate (the claim is reported), flagged
    # negated, not silently dropped
    got = candidates(text)
    assert any(c.negated for c in got), [(c.type, c.trigger) for c in got]


# controls: the cue is there, the act is outside its scope
CONTROLS: list[tuple[str, str, list[Want]]] = [
    ("directive-then-act", "Washington urged Moscow to talk, but Russia withdrew from the Open "
     "Skies Treaty in 2021.", [w("open_skies_1992", "RUS", "withdrew")]),
    ("denial-after-act", "Pakistan withdrew from the Simla Agreement in 2025, the minister "
     "said, dismissing reports of a delay.", [w("simla_1972", "PAK", "withdrew")]),
    ("relative-after-directive", "Britain urged Iran to be careful about the Paris Agreement, "
     "whereby Iran suspended its enrichment in 2004.", []),
    ("asked-then-signed", "The Taliban asked for talks, and the United States signed the Doha "
     "agreement with the Taliban in February 2020.", [w("doha_2020", "USA;TALIBAN", "signed")]),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(CONTROLS))
def test_control_stays_a_fact(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants, exact=False)


# --- property: any directive frame over any act is never a fact ---------------------------
_DIRECTIVES = ["urged", "asked", "is asking", "called on", "pressed", "implored",
               "appealed to", "has repeatedly urged", "wants", "told"]
_OBJECTS = ["Russia", "the government of Iran", "the leadership in Moscow and its allies",
            "Washington and its European partners"]
_ADVERBS = ["", "immediately ", "seriously ", "fully "]
_ACTS = [("withdraw from", "the INF Treaty"), ("comply with", "the JCPOA"),
         ("ratify", "the CTBT"), ("extend", "New START"), ("suspend", "the Open Skies Treaty"),
         ("abide by", "the Minsk II agreement"), ("return to compliance with", "the INF Treaty"),
         ("leave", "the Open Skies Treaty"), ("sign", "the CTBT")]
_SUBJECTS = ["The United States", "NATO", "Britain", "The foreign minister"]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.sampled_from(_SUBJECTS), st.sampled_from(_DIRECTIVES), st.sampled_from(_OBJECTS),
       st.sampled_from(_ADVERBS), st.sampled_from(_ACTS), st.booleans())
def test_directed_act_is_never_a_fact(subject: str, verb: str, obj: str, adv: str,
                                      act: tuple[str, str], coordinated: bool) -> None:
    v, agreement = act
    body = f"to {adv}{v} {agreement}"
    if coordinated:
        body = f"to stop the tests and {body}"
    assert_no_fact(f"{subject} {verb} {obj} {body} in 2019.")


_DENIALS = ["rejected", "dismissed", "has denied", "refuted", "played down", "brushed aside"]
_HEADS = ["speculation", "reports", "rumours", "media reports", "claims", "suggestions"]
_LINKS = [("regarding", "the"), ("about", "the"), ("of", "a"), ("that", None)]
_NOMINAL = [("withdrawal from", "withdrawn from"), ("suspension of", "suspended"),
            ("cancellation of", "cancelled"), ("exit from", "left")]
_AGREEMENTS = ["the Simla Agreement", "the Open Skies Treaty", "New START", "the JCPOA"]


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.sampled_from(_DENIALS), st.sampled_from(_HEADS), st.sampled_from(_LINKS),
       st.sampled_from(_NOMINAL), st.sampled_from(_AGREEMENTS),
       st.sampled_from(["Pakistan", "Russia", "the government"]))
def test_denied_report_is_never_a_fact(denial: str, head: str, link: tuple[str, str | None],
                                       act: tuple[str, str], agreement: str,
                                       actor: str) -> None:
    prep, det = link
    noun, verb = act
    if det is None:  # a finite report: "reports that Russia had withdrawn from ..."
        tail = f"that {actor} had {verb} {agreement}"
    else:
        tail = f"{prep} {det} {noun} {agreement}"
    assert_no_fact(f"The foreign ministry {denial} {head} {tail}.")


# --- 2. error kinds of the sixth blind set, fixed by general mechanisms --------------------
MECHANISMS: list[tuple[str, str, list[Want]]] = [
    # an agreement's adaptation, from the record's names ("Agreement on Adaptation of the CFE
    # Treaty"): "the adapted/amended/re-drafted ..."; "X was amended"; a ratification asked of
    # a treaty long in force while its adaptation awaits it
    ("adapted-named", "NATO members refused to ratify the adapted CFE Treaty in 2007.",
     [w("acfe_1999", "NATO", "not_ratified")]),
    ("amended-passive", "The CFE Treaty was amended in 1999 and has only been ratified by "
     "Russia and Belarus.", [w("acfe_1999", "*", "signed"), w("acfe_1999", "RUS;BLR",
                                                                  "ratified")]),
    ("redrafted-anaphor", "Russia suspended the CFE Treaty in 2007. NATO's reluctance to ratify "
     "the re-drafted pact angered Moscow.", [w("cfe_1990", "RUS", "suspended"),
                                              w("acfe_1999", "NATO", "not_ratified")]),
    ("ratify-after-in-force", "In 2007 Georgia and Moldova refused to ratify the CFE Treaty.",
     [w("acfe_1999", "GEO;MDA", "not_ratified")]),
    # an agreement introduced as new and dated: the record's agreement signed that day
    ("new-treaty-by-date", "Bush and Putin signed a new strategic reductions treaty on May 24, "
     "2002.", [w("sort_2002", "USA;RUS", "signed")]),
    ("new-treaty-by-month", "Obama and Medvedev signed a new arms control treaty in Prague in "
     "April 2010.", [w("new_start_2010", "USA;RUS", "signed")]),
    # a ceasefire described, not named: the record's ceasefire of the sentence's states
    ("ceasefire-by-parties", "Armenia and Azerbaijan accused each other of violating the "
     "ceasefire in December 2020.", [w("nk_trilateral_2020", "ARM", "violation_alleged"),
                                     w("nk_trilateral_2020", "AZE", "violation_alleged")]),
    ("agreed-to-ceasefire", "Armenia, Azerbaijan and Russia agreed to the ceasefire on 9 "
     "November 2020.", [w("nk_trilateral_2020", "ARM;AZE;RUS", "signed")]),
    ("reciprocal-participle", "Armenia and Azerbaijan reported losses in December 2020, while "
     "accusing each other of breaching the ceasefire.",
     [w("nk_trilateral_2020", "ARM", "violation_alleged"),
      w("nk_trilateral_2020", "AZE", "violation_alleged")]),
    ("titles-and-names", "Azerbaijani President Ilham Aliyev, Armenian Prime Minister Nikol "
     "Pashinyan and Russian President Vladimir Putin issued a statement agreeing to the "
     "ceasefire in November 2020.", [w("nk_trilateral_2020", "AZE;ARM;RUS", "signed")]),
    # event nouns and verbs
    ("moratorium-on-compliance", "Putin declared a moratorium on Russia's compliance with the "
     "CFE Treaty in July 2007.", [w("cfe_1990", "RUS", "suspended")]),
    ("contravention", "Russia deployed the 9M729 missile in 2017, in direct contravention of "
     "the INF Treaty.", [w("inf_1987", "RUS", "violation_alleged")]),
    ("no-longer-considered-bound", "In June 2002 Russia declared it no longer considered "
     "itself legally bound by START II.", [w("start2_1993", "RUS", "withdrew")]),
    # a zero relative with a pronoun subject and a partner; its date is its own
    ("zero-relative", "South Korea suspended part of the Comprehensive Military Agreement it "
     "signed with Pyongyang in 2018 on November 22, 2023.",
     [w("inter_korean_cma_2018", "KOR", "suspended"),
      w("inter_korean_cma_2018", "KOR;PRK", "signed")]),
    ("zero-relative-described", "South Korea suspended part of a military agreement it signed "
     "with Pyongyang in 2018 on November 22, 2023. The pact, known as the Comprehensive "
     "Military Agreement, had eased tension.",
     [w("inter_korean_cma_2018", "KOR", "suspended"),
      w("inter_korean_cma_2018", "KOR;PRK", "signed")]),
    # a reduced relative right after the name keeps its own, factual clause; "by 30 countries"
    # are the parties
    ("reduced-relative-after-name", "Moscow considers the original CFE Treaty, signed in 1990 by "
     "30 countries, outdated.", [w("cfe_1990", "*", "signed")]),
    # "they" after two parties: a joint act
    ("they-signed", "The Taliban accused the United States of violating the Doha agreement "
     "they signed in February 2020.", [w("doha_2020", "USA", "violation_alleged"),
                                       w("doha_2020", "USA;TALIBAN", "signed")]),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(MECHANISMS))
def test_mechanism(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


MECHANISMS_BY_ID = {k: t for k, t, _ in MECHANISMS}

NO_FACT = [
    # a new treaty the record does not have signed that day is not the one named before
    ("new-treaty-unknown", "Russia withdrew from the INF Treaty in 2019. Moscow and Minsk "
     "signed a new treaty in March 2021."),
    # the agent left open is not filled in from earlier sentences
    ("agent-unspecified", "Armenia accused Azerbaijan of violating the ceasefire in December "
     "2020. The Russian Defence Ministry reported a violation of the ceasefire, but did not "
     "specify which side opened fire."),
    # suspending an activity, not a treaty
    ("suspended-activity", "Iran kept faith with the E3 in November 2004, whereby Iran "
     "suspended its nuclear programs."),
    ("halted-testing", "Under the CTBT debate in 2021, Russia halted its missile tests."),
    # an indefinite agent is no actor
    ("indefinite-agent", "Britain refused to support another country in walking away from the "
     "INF Treaty in 2019."),
    # an undertaking, not a suspension
    ("moratorium-on-testing", "Russia kept its moratorium on nuclear testing under the CTBT "
     "in 2021."),
]


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_no_fact_here(text: str) -> None:
    # (two texts state a fact in their first sentence: only the second is the trap)
    assert_no_fact(text, from_sentence=1 if "Defence Ministry" in text or "Minsk" in text
                   else 0)


def test_zero_relative_dates_are_apart() -> None:
    got = {c.type: c.date for c in facts(MECHANISMS_BY_ID["zero-relative"])}
    assert got == {"suspended": "2023-11-22", "signed": "2018"}, got


def test_headline_with_month_year_dateline_is_a_header() -> None:
    text = ("Taliban accuse US of violating Doha agreement. Example Wire (Kabul), April 2020.\n\n"
            "The Taliban on Sunday accused the United States of violating the Doha agreement.")
    got = facts(text)
    assert got and all(c.sentence_index > 1 for c in got), [(c.sentence_index, c.type)
                                                            for c in got]
