"""Thirty-eighth round, part two (issue 14): acts whose sentence does not name the agreement.

The largest class of misses on unseen text is an act told in a sentence that names no
agreement while the article names it elsewhere. The older fallbacks read a treaty noun or a
pronoun object anywhere, any act within the paragraph that named the agreement, and an article
that names one agreement only; left out was a *bare* act (no agreement, treaty noun or pronoun
object in its sentence) in the paragraph after the one that named the agreement. The discourse
resolver (``Extractor._near_antecedent``) takes the most recent agreement named when it was
named in one of the two sentences before, is the article's main agreement (named most often)
and admits the act; such candidates carry ``resolved == "discourse"``.

The sentences here were composed for these tests, not taken from the gold texts. The traps give
no act under an agreement named elsewhere: the last agreement named is a side one (two agreements
in the article), it was named three sentences or more before, the act has an object of its own
that is no agreement, the sentence speaks of agreements in the plural, the act is quantified
("any violation") or passive with another subject, or the last name was an aside in a quotation.
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_no_fact, fact_params, facts, matches, w

RESOLVED: list[tuple[str, str, list[Want]]] = [
    ("violation-noun-next-paragraph",
     "Radar dispute\n\nIn 1985 Washington said the Krasnoyarsk radar breached the ABM Treaty. "
     "The ABM Treaty bans such radars outside national territory.\n\nThe Soviet violation at "
     "Krasnoyarsk went unaddressed for years, officials said.",
     [w("abm_1972", "SUN", "violation_alleged")]),
    ("noncompliance-next-paragraph",
     "Helsinki\n\nIn 1975 thirty-five states signed the Helsinki Final Act. Dissidents in "
     "Moscow formed groups to monitor the Helsinki Final Act.\n\nThe State Department said "
     "Soviet noncompliance continued through 1986.",
     [w("helsinki_final_act_1975", "SUN", "violation_alleged")]),
    ("main-of-two-agreements",
     "Arms limits\n\nIn 1979 Carter and Brezhnev signed SALT II, which built on the ABM Treaty. "
     "SALT II capped launchers at 2,400.\n\nSoviet cheating continued, the Pentagon charged in "
     "1984.", [w("salt2_1979", "SUN", "violation_alleged")]),
    ("demonstrative-object-of-its-kind",
     "Budapest\n\nIn 1994 Russia, Britain and the United States signed the Budapest Memorandum. "
     "The Budapest Memorandum gave Ukraine security assurances.\n\nIn 2014 Russia broke those "
     "assurances when it seized Crimea.", [w("budapest_memo_1994", "RUS", "violation_alleged")]),
]

#: (id, text, the index of the sentence that must give no fact)
TRAPS: list[tuple[str, str, int]] = [
    ("last-named-is-a-side-agreement",
     "Arms control\n\nIn 1972 the superpowers signed the ABM Treaty. The ABM Treaty limited "
     "missile defences. SALT II was signed in 1979.\n\nSoviet cheating continued, the Pentagon "
     "charged in 1984.", 4),
    ("named-three-sentences-before",
     "Radar dispute\n\nIn 1985 Washington said the Krasnoyarsk radar breached the ABM Treaty. "
     "The ABM Treaty bans such radars outside national territory. Moscow denied it. The talks "
     "stalled.\n\nThe Soviet violation at Krasnoyarsk went unaddressed for years, officials "
     "said.", 5),
    ("object-of-its-own",
     "Helsinki\n\nIn 1975 thirty-five states signed the Helsinki Final Act. Dissidents in "
     "Moscow formed groups to monitor the Helsinki Final Act.\n\nThe State Department said the "
     "Soviet Union violated international law in Afghanistan.", 3),
    ("agreements-in-the-plural",
     "Helsinki\n\nIn 1975 thirty-five states signed the Helsinki Final Act. Dissidents in "
     "Moscow formed groups to monitor the Helsinki Final Act.\n\nThe State Department said the "
     "Soviet Union violated several arms control agreements in 1984.", 3),
    ("passive-with-another-subject",
     "Helsinki\n\nIn 1975 thirty-five states signed the Helsinki Final Act. Dissidents in "
     "Moscow formed groups to monitor the Helsinki Final Act.\n\nIn 1986 the right to emigrate "
     "was violated across the Soviet Union.", 3),
    ("quantified-act",
     "Radar dispute\n\nIn 1985 Washington said the Krasnoyarsk radar breached the ABM Treaty. "
     "The ABM Treaty bans such radars outside national territory.\n\nWashington reserved the "
     "right to answer any Soviet violation in kind.", 3),
    ("quoted-other-deal-last",
     "Radar dispute\n\nIn 1985 Washington said the Krasnoyarsk radar breached the ABM Treaty. "
     "The ABM Treaty bans such radars outside national territory. One aide called the dispute "
     "\"another SALT II.\"\n\nSoviet cheating continued, the Pentagon charged in 1986.", 4),
]


@pytest.mark.parametrize("text,wants", fact_params(RESOLVED))
def test_bare_act_takes_the_main_agreement_named_just_before(text: str,
                                                             wants: list[Want]) -> None:
    got = facts(text)
    for want in wants:
        hits = [c for c in got if matches(c, want)]
        assert hits, (want, [(c.agreement, c.actors, c.type) for c in got])
        assert hits[0].resolved == "discourse"


@pytest.mark.parametrize("text,sentence", [pytest.param(t, k, id=key) for key, t, k in TRAPS])
def test_no_act_from_the_discourse_in_traps(text: str, sentence: int) -> None:
    assert_no_fact(text, from_sentence=sentence)


def test_named_in_the_sentence_is_not_discourse() -> None:
    got = facts("Budapest\n\nIn 1994 Russia, Britain and the United States signed the Budapest "
                "Memorandum.")
    assert got and all(c.resolved == "" for c in got)


@pytest.mark.xfail(strict=True, reason="not done: the older anaphor rule takes the last "
                   "agreement named whatever the noun's kind (a 'treaty' after a ceasefire); a "
                   "kind check there moved no read-group fact and was not kept")
def test_treaty_noun_after_a_ceasefire_is_not_the_ceasefire() -> None:
    assert_no_fact("Karabakh\n\nIn November 2020 Armenia, Azerbaijan and Russia signed the "
                   "Nagorno-Karabakh ceasefire statement. The Nagorno-Karabakh ceasefire "
                   "statement ended six weeks of war.\n\nIn 2021 Azerbaijan accused Armenia of "
                   "violating the treaty.", from_sentence=3)
