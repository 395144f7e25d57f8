"""The trigger finder skips a pattern on a sentence holding none of its key words; that must
never change what is found. Compared with the exhaustive search on every gold sentence, every
probe sentence and every inflected form of the lexicon placed in sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.text import Article, Extractor, read_article
from detente.text._extract import _find_triggers
from detente.text._lexicon import LEXICON, forms

GOLD = Path(__file__).parent / "gold"


def _corpus() -> list[str]:
    import test_text_generalise as gen
    import test_text_phenomena as ph

    ex = Extractor()
    out = [s for f in sorted(GOLD.glob("*.txt"))
           for s in ex.sentences(Article(f.stem, read_article(f).text))]
    out += [t for _, t, _ in ph.FACTS + ph.FACTS_2 + ph.FACTS_3]
    out += [t for _, t in ph.NON_FACTS + ph.NON_FACTS_2 + ph.NON_FACTS_3]
    out += list(gen.NON_FACTS) + [t for t, _ in gen.FACTS]
    for e in LEXICON:
        for word in [f for v in e.verbs for f in forms(v)] + list(e.nouns):
            for frame in ("Russia {} the INF Treaty in 2019.", "The {} of its obligations under "
                          "the treaty", "{} its participation", "{} the limits of the deal"):
                out.append(frame.format(word))
                out.append(frame.format(word.upper()).capitalize())
    return out


def test_fast_trigger_search_equals_the_exhaustive_search() -> None:
    corpus = _corpus()
    assert len(corpus) > 500
    diffs = [s for s in corpus if _find_triggers(s) != _find_triggers(s, exhaustive=True)]
    assert diffs == []


@pytest.mark.parametrize("text", [
    "Moscow came back into compliance with the treaty.",
    "The accord took effect in 2016 and is in effect from today.",
    "Washington de-ratified nothing, but Moscow DERATIFIED the CTBT.",
    "Russia is no longer providing notifications and has ceased implementation.",
    "Iran launched strikes amid talks; the pact lapsed and expired.",
])
def test_hand_written_patterns_keep_their_matches(text: str) -> None:
    assert _find_triggers(text) == _find_triggers(text, exhaustive=True)
    assert _find_triggers(text)
