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
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.text import Article, Candidate
from detente.text._extract import extract

Want = tuple[str, frozenset[str], str]


def w(agreement: str, actors: str, etype: str) -> Want:
    return (agreement, frozenset(actors.split(";")), etype)


def _all(text: str) -> list[Candidate]:
    return extract(Article("probe", text))


def _facts(text: str) -> list[Candidate]:
    return [c for c in _all(text) if c.is_fact]


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


@pytest.mark.parametrize("text", [t for _, t in DIRECTED + REPORTED_DENIED],
                         ids=[k for k, _ in DIRECTED + REPORTED_DENIED])
def test_never_a_fact(text: str) -> None:
    got = _facts(text)
    assert not got, [(c.agreement, c.actors, c.type, c.trigger) for c in got]


_WITH_ACTOR = [(k, t) for k, t in REPORTED_DENIED if k in {
    "dismissed-reports-finite", "denied-that", "denied-gerund", "brushed-aside-media",
    "reports-false"}]


@pytest.mark.parametrize("text", [t for _, t in _WITH_ACTOR], ids=[k for k, _ in _WITH_ACTOR])
def test_denied_report_is_found_as_negated(text: str) -> None:
    # a denied act with its actor named is still a candidate (the claim is reported), flagged
    # negated, not silently dropped
    assert any(c.negated for c in _all(text)), [(c.type, c.trigger) for c in _all(text)]


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


@pytest.mark.parametrize(("text", "wants"), [(t, ws) for _, t, ws in CONTROLS],
                         ids=[k for k, _, _ in CONTROLS])
def test_control_stays_a_fact(text: str, wants: list[Want]) -> None:
    got = {(c.agreement, frozenset(c.actors), c.type) for c in _facts(text)}
    for want in wants:
        assert want in got, (want, got)


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
    text = f"{subject} {verb} {obj} {body} in 2019."
    got = _facts(text)
    assert not got, (text, [(c.agreement, c.actors, c.type, c.trigger) for c in got])


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
    text = f"The foreign ministry {denial} {head} {tail}."
    got = _facts(text)
    assert not got, (text, [(c.agreement, c.actors, c.type, c.trigger) for c in got])
