"""Twenty-sixth round (issue 14): recall's large classes and the wrong party, read on
blind36–39. Tested on sentences composed for these tests (not taken from the gold texts), each
with the traps that must keep their old reading.

Mechanisms: a keeping told as observance of an agreement named without an article ("has
honoured SALT II", "stuck to New START", "kept to the JCPOA", "has been compliant with the
CTBT"); a violation whose subject is an act told in the sentence before ("Washington says the
deployment is a clear violation of the INF Treaty") given to that act's doer, not the alleger;
a moratorium or truce told by its topic ("the moratorium on strikes against energy
infrastructure") is the one agreement whose record names hold its words, dated or not; "has been
compliant" with no object is a keeping of the agreement of the text before.
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

_D88 = "World news\n1988-02-10\n\n"
_D21 = "World news\n2021-08-06\n\n"

# (2) the wrong party: a violation whose subject is an act told before ("the deployment is a
# violation of") is the act's doer, the previous sentence's one subject, a party to the
# agreement and not the sentence's reporter (never the alleger, never one of two)
FACTS += [
    ("deployment-is-violation", _D19 + "Russia has deployed the 9M729 cruise missile. "
     "Washington says the deployment is a clear violation of the INF Treaty.",
     [w("inf_1987", "RUS", "violation_alleged", by="USA")]),
    ("radar-was-in-violation", _D88 + "The Soviet Union built a large radar near Krasnoyarsk. "
     "The State Department said the radar was in violation of the ABM Treaty.",
     [w("abm_1972", "SUN", "violation_alleged", by="USA")]),
    ("move-flagrant", _D21 + "India revoked the special status of Kashmir on Monday. Islamabad "
     "said the move was in flagrant violation of the Simla Agreement.",
     [w("simla_1972", "IND", "violation_alleged", by="PAK")]),
    ("this-again-quoted", _D21 + "India revoked the special status of Kashmir on Monday. "
     "\"This, again, is a breach of the Simla Agreement,\" Islamabad said.",
     [w("simla_1972", "IND", "violation_alleged")]),
]
NO_FACT += [
    # traps: the previous subject is the alleger; not a party; two subjects; the violation
    # hypothetical or denied
    ("prev-subject-alleger", _D19 + "Washington has protested for months. Washington says "
     "the deployment is a clear violation of the INF Treaty."),
    ("prev-subject-no-party", _D19 + "Japan has raised its concerns. The United States says "
     "the deployment is a violation of the INF Treaty."),
    ("prev-two-subjects", _D19 + "Russia and China deployed new missiles. Washington says the "
     "deployment is a violation of the INF Treaty."),
    ("would-be-violation", _D19 + "Russia may deploy the missile in Europe. Washington says "
     "such a deployment would be a violation of the INF Treaty."),
    ("denies-violation", _D19 + "Russia has deployed the 9M729 cruise missile. Moscow denies "
     "that the deployment is a violation of the INF Treaty."),
]

_UNDATED = "Ceasefire news\n\n"

# (3) an agreement named by description: a moratorium or truce told by its topic is the one
# agreement whose record names hold its words, in an article with no date too
FACTS += [
    ("undated-energy-moratorium", _UNDATED + "Moscow accused Kyiv of breaching the pause on "
     "attacks against energy infrastructure. The Kremlin said Russia had adhered to the "
     "moratorium on strikes against energy facilities.",
     [w("energy_moratorium_2025", "UKR", "violation_alleged", by="RUS"),
      w("energy_moratorium_2025", "RUS", "kept")]),
    ("undated-moratorium-violated", _UNDATED + "Kyiv has repeatedly violated the moratorium "
     "on energy infrastructure strikes, the Russian defence ministry claimed.",
     [w("energy_moratorium_2025", "UKR", "violation_alleged")]),
    ("dated-moratorium-expired", "World news\n2025-04-18\n\nThe US-brokered moratorium on "
     "strikes on energy sites expired on Thursday, the Kremlin said.",
     [w("energy_moratorium_2025", "*", "expired")]),
]
NO_FACT += [
    # traps: a moratorium whose words fit no agreement, or more than one; a moratorium only
    # proposed
    ("moratorium-on-whaling", _UNDATED + "Norway has violated the moratorium on commercial "
     "whaling, Greenpeace said."),
    ("moratorium-on-tests-two", _UNDATED + "Washington accused Moscow of breaching the "
     "moratorium on nuclear tests."),
    # (written after the change: a moratorium whose topic fits only one signed after the
    # article's year)
    ("moratorium-signed-later", "World news\n2012-03-20\n\nWashington said Pyongyang had "
     "broken a moratorium on long-range missile launches."),
    ("proposed-moratorium", _UNDATED + "Kyiv proposed a moratorium on strikes against energy "
     "infrastructure, but Moscow has not agreed to it."),
]

_D19J = "World news\n2019-06-10\n\n"

# (4) a keeping told as observance with no object: "has been compliant" at the clause's end is
# a keeping of the agreement of the text before, with a state or "it"/"they" as the subject
FACTS += [
    ("so-far-compliant", _D19J + "Iran accepted strict limits under the JCPOA in 2015. So far "
     "Iran has been compliant, the IAEA says.", [w("jcpoa_2015", "IRN", "kept")]),
    ("insists-it-compliant", _D19J + "The IAEA inspected Iran's sites under the JCPOA last "
     "month. Tehran insists it has been fully compliant.", [w("jcpoa_2015", "IRN", "kept")]),
]
NO_FACT += [
    # traps: no agreement in the text; a subject that is no state; compliance only asked about
    ("compliant-no-agreement", _D19J + "Iran has been compliant, officials said."),
    ("centrifuges-compliant", _D19J + "The IAEA inspected Iran's sites under the JCPOA last "
     "month. Its new centrifuges are compliant, Tehran says."),
    ("whether-compliant", _D19J + "The IAEA inspected Iran's sites under the JCPOA last month. "
     "Officials asked whether Iran is compliant."),
]


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_not_a_fact(text: str) -> None:
    assert_no_fact(text)


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)
