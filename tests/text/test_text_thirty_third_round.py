"""Thirty-third round (issue 14): the agreement an article is about when no sentence names it.

An article that names no agreement anywhere, but writes a proper word of one record
agreement's names ("Istanbul", "Helsinki", "Singapore") and names at least two of its parties
(and at least half of the article's actors are among them), in a year within its life, is read
as about that one agreement: an act told with no agreement in its sentence is under it, as in an
article that names a single agreement. Sentences composed for these tests (not taken from the
gold texts), with the traps that must keep their old reading: two agreements fit; an article
about talks for a new treaty; an article that names another agreement; an article naming many
states; a word shared by several agreements' names. The resolver itself is also tested on a
record agreement made up here, so that a new agreement in the record works without code changes.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, assert_no_fact, candidates, fact_params, text_params, w

from detente.text._topic import article_topic, proper_words

_D25 = "World news\n2025-06-01\n\n"

FACTS: list[tuple[str, str, list[Want]]] = [
    ("istanbul-obligations", _D25 + "The delegations of Russia and Ukraine met in Istanbul on "
     "May 16. Kyiv accused Moscow of breaching its obligations.",
     [w("istanbul_2025_exchanges", "RUS", "violation_alleged")]),
    ("helsinki-commitments", "World news\n1986-11-05\n\nDelegates gathered in Vienna to review "
     "the Helsinki commitments of 1975. The United States accused the Soviet Union of violating "
     "its human rights obligations.", [w("helsinki_final_act_1975", "SUN", "violation_alleged")]),
    ("singapore-summit", "World news\n2019-03-01\n\nThe United States and North Korea met in "
     "Hanoi, eight months after the summit in Singapore. Pyongyang accused Washington of "
     "violating the commitments.", [w("singapore_2018", "USA", "violation_alleged")]),
]

NO_FACT: list[tuple[str, str]] = [
    # two agreements fit as well (the 2025 exchanges and the 1999 OSCE commitments, both made
    # in Istanbul, three of the article's states among the parties of each): no topic
    ("two-fit", _D25 + "Russia, Ukraine, Turkey, Georgia and Moldova sent envoys to Istanbul. "
     "Kyiv accused Moscow of breaching its obligations."),
    # talks for a new treaty, before any agreement made there: no topic (a draft is none, and
    # the exchanges were not yet agreed)
    ("talks-new-treaty", "World news\n2022-03-30\n\nRussian and Ukrainian negotiators met in "
     "Istanbul for talks on a new treaty. Kyiv accused Moscow of breaching its obligations."),
    # many states named, two of them parties: not about their agreement
    ("many-states", _D25 + "Envoys of Russia, Ukraine, China, India, Brazil and France met in "
     "Istanbul. Kyiv accused Moscow of breaching its obligations."),
    # a word in the names of several agreements ("SALT"): no topic
    ("shared-word", "World news\n1979-03-01\n\nThe SALT negotiators of the United States and "
     "the Soviet Union met again. Washington accused Moscow of violating its obligations."),
    # the proper word only as a sentence's first word: not read
    ("sentence-initial", _D25 + "Istanbul hosted the envoys of Russia and Ukraine. Kyiv "
     "accused Moscow of breaching its obligations."),
]


@pytest.mark.parametrize("text,wants", fact_params(FACTS))
def test_topic_facts(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants)


@pytest.mark.parametrize("text", text_params(NO_FACT))
def test_no_topic(text: str) -> None:
    assert_no_fact(text)


def test_named_agreement_wins_over_topic() -> None:
    # the article names New START: the act with no agreement named is under it, never under
    # the Istanbul exchanges the proper word would point to
    text = (_D25 + "Russia and Ukraine met in Istanbul. Washington said Moscow had violated the "
            "New START treaty. Kyiv accused Moscow of breaching its obligations.")
    got = {c.agreement for c in candidates(text)}
    assert "istanbul_2025_exchanges" not in got
    assert "new_start_2010" in got


def test_topic_has_a_lower_confidence() -> None:
    topic = [c for c in candidates(FACTS[0][1]) if c.agreement == "istanbul_2025_exchanges"]
    named = [c for c in candidates(_D25 + "Kyiv accused Moscow of breaching the Minsk "
                                   "agreements.") if c.agreement == "minsk2_2015"]
    assert topic and named
    assert topic[0].confidence < named[0].confidence


# the resolver on a record made up here: a new agreement works from its data alone
_NAMES = {"reykjavik_2031": ["Reykjavik Accord on Arctic fisheries"],
          "nordic_2030": ["Nordic fisheries pact"]}
_NOTES = "Signed at the summit in Reykjavik on 3 May 2031. The fisheries pact of 2030 lapsed."
_PARTIES = {"reykjavik_2031": frozenset({"ISL", "NOR"}),
            "nordic_2030": frozenset({"ISL", "NOR", "SWE"})}
_KINDS = {"reykjavik_2031": "treaty", "nordic_2030": "treaty"}


def _words() -> dict[str, frozenset[str]]:
    return proper_words(_NAMES, _NOTES, _NOTES + " " + " ".join(n for ns in _NAMES.values()
                                                                  for n in ns),
                        frozenset({"accord", "pact"}), lambda word: word in {"iceland"})


def test_proper_words_from_the_record() -> None:
    words = _words()
    assert words["reykjavik_2031"] == frozenset({"reykjavik"})  # "Arctic": not in a note
    assert words["nordic_2030"] == frozenset()  # "Nordic": never written inside a sentence


@pytest.mark.parametrize("text,codes,year,want", [
    ("Talks resumed in Reykjavik.", {"ISL", "NOR"}, 2032, "reykjavik_2031"),
    ("Talks resumed in Reykjavik.", {"ISL", "NOR"}, 2030, None),  # before its signature
    ("Talks resumed in Reykjavik.", {"ISL"}, 2032, None),  # one party named
    ("Talks resumed in Reykjavik.", {"ISL", "NOR", "USA", "CHN", "IND"}, 2032, None),
    ("Reykjavik hosted talks.", {"ISL", "NOR"}, 2032, None),  # only a first word
    ("Talks resumed in Reykjavik in 2033.", {"ISL", "NOR"}, None, "reykjavik_2031"),
    ("Talks resumed in Reykjavik in 2029.", {"ISL", "NOR"}, None, None),
])
def test_article_topic(text: str, codes: set[str], year: int | None, want: str | None) -> None:
    got = article_topic(text, codes, year, _words(), _PARTIES,
                        {"reykjavik_2031": 2031, "nordic_2030": 2030}, {"nordic_2030": 2031},
                        _KINDS)
    assert got == want


def test_an_ended_agreement_is_no_topic() -> None:
    words = {"reykjavik_2031": frozenset({"reykjavik"})}
    assert article_topic("Talks resumed in Reykjavik.", {"ISL", "NOR"}, 2040, words, _PARTIES,
                         {"reykjavik_2031": 2031}, {"reykjavik_2031": 2035}, _KINDS) is None


def test_long_title_between_partners_signed() -> None:
    # a treaty told by a long title of its own ("The Treaty between A and B on ..."), the
    # article's topic by "Prague": its signing, a reduced relative after the title, is both
    # partners' (the "between" phrase may run to 140 characters, not 80)
    text = ("World news\n2023-02-21\n\nThe Treaty between the Russian Federation and the "
            "United States of America on the limitation of their long-range nuclear weapons, "
            "signed in Prague on 8 April 2010, caps deployed warheads.")
    assert_facts(text, [w("new_start_2010", "RUS;USA", "signed", "2010-04-08")])
