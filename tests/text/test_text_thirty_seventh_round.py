"""Thirty-seventh round (issue 14): the right parties of an act.

The largest class of wrong parties in the read groups is a bilateral agreement's signing given
to one of its two parties though the sentence names the other too ("signed by Gandhi and
Bhutto", "which Putin signed with Bush"): signing a two-party agreement takes both, so such a
signing is read as the two parties' joint act; of a larger agreement, only when the sentence
names all its parties. The sentences here were composed for these tests, not taken from the
gold texts. The traps keep one party: the other party is not named in the sentence, the
agreement has more than two parties and not all are named, the act is no signing, or the
signing is told as one side's assent ("agreed to", "accepted"), or the other party's capital
is the place of the signing ("in Pyongyang").
"""

from __future__ import annotations

import pytest
from _text_cases import Want, assert_facts, fact_params, w

JOINT: list[tuple[str, str, list[Want]]] = [
    ("passive-between", "History\n\nSigned in January 2010, New START was a treaty between "
     "Russia and the United States.", [w("new_start_2010", "RUS;USA", "signed")]),
    ("with-clause", "History\n\nIn 2002 Putin, who signed the Moscow Treaty with the United "
     "States in May, asked the Duma to approve it.",
     [w("sort_2002", "RUS;USA", "signed")]),
    ("all-three-named", "Karabakh\n\nSigned in November 2020, the Nagorno-Karabakh ceasefire "
     "statement bound Armenia, Azerbaijan and Russia.",
     [w("nk_trilateral_2020", "ARM;AZE;RUS", "signed")]),
]

ONE_PARTY: list[tuple[str, str, list[Want]]] = [
    ("other-not-named", "History\n\nIn 1972 Pakistan signed the Simla Agreement after the war.",
     [w("simla_1972", "PAK", "signed")]),
    ("more-than-two-parties", "History\n\nIn 2015 Iran signed the JCPOA, which France "
     "welcomed.", [w("jcpoa_2015", "IRN", "signed")]),
    ("some-of-three-named", "Karabakh\n\nIn November 2020 Armenia signed the Nagorno-Karabakh "
     "ceasefire statement, which Azerbaijan welcomed.", [w("nk_trilateral_2020", "ARM", "signed")]),
    ("one-side-agreed-to", "Korea\n\nUnder the 1994 Agreed Framework, North Korea agreed to "
     "freeze its reactors in exchange for American fuel oil.",
     [w("agreed_framework_1994", "PRK", "signed")]),
    ("one-side-accepted", "Kashmir\n\nIn 1972 Pakistan accepted the Simla Agreement, which "
     "India had drafted.", [w("simla_1972", "PAK", "signed")]),
    ("other-capital-as-place", "Korea\n\nIn 2018 the Comprehensive Military Agreement was "
     "signed at a summit in Pyongyang by Seoul's defence minister.",
     [w("inter_korean_cma_2018", "KOR", "signed")]),
    ("not-a-signing", "History\n\nIn 2025 Pakistan suspended the Simla Agreement after "
     "India's move.", [w("simla_1972", "PAK", "suspended")]),
    ("successor-states-many-parties", "History\n\nIn 1991 the treaty was signed by "
     "Washington; START I bound Moscow and Washington.", [w("start1_1991", "USA", "signed")]),
]


@pytest.mark.parametrize("text,wants", fact_params(JOINT))
def test_bilateral_signing_with_other_party_named_is_joint(text: str,
                                                           wants: list[Want]) -> None:
    assert_facts(text, wants, exact=False)


@pytest.mark.parametrize("text,wants", fact_params(ONE_PARTY))
def test_one_party_kept_when_other_not_named(text: str, wants: list[Want]) -> None:
    assert_facts(text, wants, exact=False)
