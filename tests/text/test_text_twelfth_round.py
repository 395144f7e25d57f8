"""Twelfth round (issue 14): mechanisms chosen by how many different read texts (blind5 to
blind12) they reach, tested on sentences composed for these tests (not taken from the gold
texts), each with the negated or hypothetical form that must not become a fact.

Mechanisms: a moratorium ended ("abandoned the moratorium on ...", "no longer feels bound by a
self-imposed moratorium on ...") with no agreement named is the record's one unilateral moratorium
pledged by an actor of the sentence whose record name shares two words of its topic (a moratorium
on another topic, or with no topic, is no agreement, and never the article's last named one); a
bare "the moratorium" is the one moratorium whose topic the article states elsewhere, when an actor
of the sentence pledged it; an undertaking named by its kind as the object of a breach or
observance ("has broken its pledge", "failing to keep its promise", "broke these assurances",
"going against its pledge") is the record's one pledge or assurance given by an actor of the
sentence, given no later than the act, when the article so far holds two words of what was pledged;
with no such pledge a promise of something else is no agreement (not the article's last named one:
"broke its promise to pensioners"), while a bare "its promises" is read as any treaty noun is; a
treaty noun's topic after "on" is read to six words ("an agreement with the US on the disposal of
surplus weapons-grade plutonium"); a conjunct with its own finite auxiliary has its own modality
("Russia will deploy missiles and is abandoning the moratorium ...": the second act is reported),
but not after "if", "unless" or "whether"; an abbreviation defined in parentheses right after an
agreement's name ("the Strategic Arms Reduction Treaty (START)") names that agreement wherever the
article uses it, unless the gazetteer knows it as another agreement or an actor, or the article
defines it for two agreements.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, fact_params, text_params, w

FACTS: list[tuple[str, str, list[Want]]] = [
    # --- a moratorium ended, known by its topic ---------------------------------------------
    ("abandoned-deployment-moratorium", "In August 2025 Russia abandoned the moratorium on the "
     "deployment of intermediate-range missiles.",
     [w("rus_inf_moratorium_2019", "RUS", "withdrew", "2025-08")]),
    ("scrapped-its-moratorium", "Moscow scrapped its self-declared moratorium on deploying "
     "ground-based missiles in 2025.",
     [w("rus_inf_moratorium_2019", "RUS", "withdrew", "2025")]),
    ("feels-no-longer-bound", "Kim Jong Un said in January 2020 that he no longer feels bound by "
     "the moratorium on nuclear and ICBM tests.",
     [w("prk_test_moratorium_2018", "PRK", "withdrew", "2020-01")]),
    ("lifted-test-moratorium", "North Korea lifted its moratorium on nuclear tests in 2020.",
     [w("prk_test_moratorium_2018", "PRK", "withdrew", "2020")]),
]

FACTS += [
    # --- a bare "the moratorium", its topic stated elsewhere in the article ------------------
    ("bare-moratorium-topic-later", "MOSCOW, September 4, 2025. Putin said that Russia is "
     "abandoning the moratorium. The foreign ministry recalled the moratorium on the deployment "
     "of ground-based missiles.",
     [w("rus_inf_moratorium_2019", "RUS", "withdrew")]),
]

FACTS += [
    # --- an undertaking named by its kind ---------------------------------------------------
    ("broken-its-pledge", "China has broken its pledge after militarising the Spratly Islands, "
     "the United States said in 2022.",
     [w("xi_spratly_pledge_2015", "CHN", "violation_alleged", "2022", by="USA")]),
    ("failing-to-keep-its-promise", "In 2020 the State Department blamed China for failing to "
     "keep its promise not to militarise the Spratly Islands.",
     [w("xi_spratly_pledge_2015", "CHN", "violation_alleged", "2020")]),
    ("broke-these-assurances", "NATO's expansion after German unification was debated in 1990. "
     "In 1999 the U.S. broke these assurances, Moscow said.",
     [w("not_one_inch_1990", "USA", "violation_alleged", "1999")]),
    ("going-against-its-pledge", "In 2022 China was going against its pledge not to militarise "
     "the Spratly Islands, Washington said.",
     [w("xi_spratly_pledge_2015", "CHN", "violation_alleged", "2022")]),
    # no pledge of the record fits and no other promise is said: the agreement named before
    ("bare-promises-named-agreement", "The six parties issued the Six-Party Joint Statement in "
     "September 2005. In 2006 North Korea broke its promises, Washington said.",
     [w("six_party_2005", "PRK", "violation_alleged", "2006", by="USA")]),
    ("kept-its-pledge", "In 2022 China kept its pledge not to militarise the Spratly Islands.",
     [w("xi_spratly_pledge_2015", "CHN", "kept", "2022")]),
]

FACTS += [
    # --- a described agreement's longer topic -----------------------------------------------
    ("long-topic", "In October 2016 Russia suspended an agreement with the US on the disposal "
     "of surplus weapons-grade plutonium.",
     [w("pmda_2000", "RUS", "suspended", "2016-10")]),
]

FACTS += [
    # --- a conjunct with its own auxiliary ------------------------------------------------------
    ("will-and-is", "Russia will deploy missiles and is abandoning the moratorium on the "
     "deployment of ground-based missiles, Moscow said in September 2025.",
     [w("rus_inf_moratorium_2019", "RUS", "withdrew")]),
    ("would-and-has", "Moscow would keep its troops in Moldova and has suspended the CFE "
     "Treaty, Lavrov said in 2007.",
     [w("cfe_1990", "RUS", "suspended")]),
    ("will-but-has", "Iran will talk to the Europeans but has exceeded the limits of the JCPOA, "
     "officials said in July 2019.",
     [w("jcpoa_2015", "IRN", "violation_alleged", "2019-07")]),
]

FACTS += [
    # --- an abbreviation defined by the article ---------------------------------------------
    ("defined-start", "In 1991 the two states signed the Strategic Arms Reduction Treaty "
     "(START). Ukraine ratified START in February 1994.",
     [w("start1_1991", "*", "signed", "1991"), w("start1_1991", "UKR", "ratified", "1994-02")]),
    # another agreement named in between: START is still START I, not the last one named
    ("defined-start-after-other", "In 1991 the two states signed the Strategic Arms Reduction "
     "Treaty (START). Ukraine acceded to the NPT in December 1994. Ukraine had ratified START in "
     "February 1994.",
     [w("start1_1991", "*", "signed", "1991"), w("npt_1968", "UKR", "signed", "1994-12"),
      w("start1_1991", "UKR", "ratified", "1994-02")]),
    ("defined-abmt", "The United States and the Soviet Union signed the Anti-Ballistic Missile "
     "Treaty (ABMT) in 1972. In 2002 the United States withdrew from the ABMT.",
     [w("abm_1972", "USA;SUN", "signed", "1972"), w("abm_1972", "USA", "withdrew", "2002")]),
]

NO_FACT: list[tuple[str, str]] = [
    # the act denied, conditional, threatened
    ("not-abandoned", "In August 2025 Russia has not abandoned the moratorium on the deployment "
     "of intermediate-range missiles."),
    ("may-abandon", "Russia may abandon the moratorium on the deployment of intermediate-range "
     "missiles in 2025."),
    ("threatened-to-lift", "North Korea threatened in 2019 to lift its moratorium on nuclear "
     "tests."),
    ("feels-bound-still", "Kim Jong Un said in 2019 that he still feels bound by the moratorium "
     "on nuclear tests."),
    # a moratorium on a topic of none of the record's moratoria of that actor
    ("other-topic", "Russia ended its moratorium on nuclear testing in 2025."),
    ("other-topic-missile-tests", "Russia lifted its moratorium on missile tests in 2025."),
    # no topic and another agreement named before: not that agreement
    ("no-topic-last-named", "Russia signed the CTBT in 1996. In 2025 Russia has abandoned the "
     "moratorium."),
    # the moratorium's pledger is another state
    ("other-pledger", "The United States abandoned the moratorium on the deployment of "
     "intermediate-range missiles in 2025."),
    # a bare moratorium: no topic anywhere, two topics, another pledger
    ("bare-moratorium-no-topic", "MOSCOW, September 4, 2025. Putin said that Russia is "
     "abandoning the moratorium."),
    ("bare-moratorium-two-topics", "MOSCOW, September 4, 2025. Putin said that Russia is "
     "abandoning the moratorium. The moratorium on nuclear and ICBM tests and the moratorium on "
     "the deployment of ground-based missiles were discussed."),
    ("bare-moratorium-other-pledger", "WASHINGTON, September 4, 2025. Trump said that the "
     "United States is abandoning the moratorium. Moscow recalled its moratorium on the "
     "deployment of ground-based missiles."),
    # a conjunct: conditional, its own modal, negated, expected
    ("if-and-is", "If Russia deploys missiles in 2025 and is abandoning the moratorium on the "
     "deployment of ground-based missiles, NATO will respond."),
    ("whether-and-has", "Whether Russia will deploy missiles and has abandoned the moratorium "
     "on the deployment of ground-based missiles in 2025 is unclear."),
    ("will-and-will", "Russia will deploy missiles and will abandon the moratorium on the "
     "deployment of ground-based missiles in 2025."),
    ("will-and-is-not", "Russia will deploy missiles in 2025 and is not abandoning the "
     "moratorium on the deployment of ground-based missiles."),
    ("will-and-is-expected", "Russia will deploy missiles in 2025 and is expected to abandon "
     "the moratorium on the deployment of ground-based missiles."),
    # an abbreviation never defined; defined but the act hypothetical
    ("undefined-start", "Ukraine ratified START in February 1994."),
    ("defined-start-may", "Ukraine may ratify the Strategic Arms Reduction Treaty (START) in "
     "1994."),
    # --- undertakings: denied, conditional, of another topic or giver, before the pledge ------
    ("pledge-not-broken", "China has not broken its pledge not to militarise the Spratly "
     "Islands, Beijing said in 2022."),
    ("if-breaks-pledge", "If China breaks its pledge not to militarise the Spratly Islands, "
     "Washington will respond, officials said in 2022."),
    ("may-go-against", "In 2022 China may go against its pledge not to militarise the Spratly "
     "Islands."),
    ("pledge-other-topic", "In 2022 China has broken its pledge on trade."),
    ("pledge-other-giver", "Russia broke its pledge not to militarise the Spratly Islands in "
     "2022."),
    ("pledge-before-given", "In 2010 China broke its pledge not to militarise the Spratly "
     "Islands."),
    ("went-against-the-grain", "China went against the grain in 2022."),
    ("promise-to-pensioners", "Russia signed the INF Treaty in 1987. In 2019 Russia broke its "
     "promise to pensioners."),
    ("may-suspend-long-topic", "Russia may suspend an agreement with the US on the disposal of "
     "surplus weapons-grade plutonium in 2016."),
    ("went-against-promise-to-voters", "Russia signed the INF Treaty in 1987. In 2019 Russia "
     "went against its promise to its voters."),
]


@pytest.mark.parametrize(("text", "wants"), fact_params(FACTS))
def test_fact(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_no_fact(text: str) -> None:
    assert_no_fact(text, from_sentence=1 if text.startswith(("Russia signed the CTBT",
                                                             "Russia signed the INF")) else 0)


def test_abbreviation_defined_for_two_agreements_names_neither() -> None:
    from _text_cases import facts
    got = facts("In 1991 the two states signed the Strategic Arms Reduction Treaty (START). In "
                "2002 they signed the Strategic Offensive Reductions Treaty (START). Russia "
                "ratified START in 2003.")
    assert not [c for c in got if c.sentence_index == 2 and c.agreement == "start1_1991"], got
