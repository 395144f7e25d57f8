"""(thirty-third round) The agreement an article is about when no sentence names it.

An article that names no agreement in any sentence ("Kyiv and Moscow swapped 390 prisoners each
on Friday under the deal reached in Istanbul ...") is still about one: the coders map what it
tells to the record's agreement. :func:`article_topic` reads that agreement from the record's
own data, so a new agreement in the record works without code changes. An agreement is the
article's topic when

- a *proper word* of its names (:func:`proper_words`: a word of its record name or aliases that
  the record's notes write as a proper noun, no kind of agreement, no actor's name, no month:
  "Istanbul", "Sochi", "Singapore", "Helsinki") is written capitalised inside a sentence of
  the article;
- at least two of the article's actors, and at least half of them, are among its parties;
- the article's year (its dateline's; with none, a year written in it; with none either, the
  present) is within its life: signed by then and not ended before;
- and it is the only agreement of the record that fits (the one with the most of the article's
  actors among its parties, if one has most); several fit, or none: no topic.

Talks (a negotiation track) and drafts are never a topic: an article about talks for a new
treaty is not about an agreement concluded. The extractor reads an act told with no agreement in
its sentence as under the topic, as it reads one in an article that names a single agreement,
with a lower confidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

__all__ = ["article_topic", "proper_words"]

#: kinds of agreement that are never an article's topic
_NOT_TOPIC = frozenset({"talks", "draft"})
_MONTHS = frozenset("""january february march april june july august september october november
december""".split())
#: a word written capitalised inside a sentence (after a lower-case word or a comma), or an
#: acronym: not a sentence's first word
_INNER_CAPITAL = re.compile(r"(?<=[a-z,;]\s)[A-Z][a-z]{3,}\b|\b[A-Z]{4,}\b")
_YEAR = re.compile(r"\b(?:19[4-9]\d|20\d\d)\b")


def proper_words(names: Mapping[str, Collection[str]], notes: str, record_text: str,
                 kind_words: Collection[str],
                 is_actor: Callable[[str], bool]) -> dict[str, frozenset[str]]:
    """Each agreement's proper words: the words of its names (record name and aliases, four
    letters or more) that the record's notes write capitalised inside a sentence and the record
    never writes in lower case (a proper noun: "Istanbul", "Sochi"; not "Nuclear" or "Arms",
    capitalised only in a title-case name), no kind of agreement ("Memorandum"), no actor's
    name or a word of one's stem ("Russia", "Russian") and no month."""
    lower = frozenset(re.findall(r"\b[a-z]{4,}\b", record_text))
    proper = frozenset(w.lower() for w in _INNER_CAPITAL.findall(notes))
    return {aid: frozenset(w for n in ns for w in re.findall(r"[a-z]+", n.lower())
                           if w in proper and w not in lower and w not in kind_words and
                           w not in _MONTHS and not is_actor(w))
            for aid, ns in names.items()}


def article_topic(text: str, codes: Collection[str], year: int | None,
                  words: Mapping[str, frozenset[str]], parties: Mapping[str, frozenset[str]],
                  signed_year: Mapping[str, int], ended: Mapping[str, int],
                  kinds: Mapping[str, str]) -> str | None:
    """The one agreement of the record an article naming none is about, or None.

    ``text``: the article; ``codes``: the actor codes it names; ``year``: its dateline's year
    (None if it has none); ``words``: each agreement's proper words (:func:`proper_words`); the
    rest: the record's parties, years of signature and of ending, and kinds, by agreement
    id."""
    codes = frozenset(codes)
    if len(codes) < 2:
        return None
    written = frozenset(w.lower() for w in _INNER_CAPITAL.findall(text))
    # the word or its plural or adjective ("Spratlys", "Sochi's" is "Sochi")
    capital = written | {w[:-1] for w in written if w.endswith("s")}
    years = {year} if year is not None else {int(y) for y in _YEAR.findall(text)}
    fit: dict[str, int] = {}
    for aid, ws in words.items():
        signed = signed_year.get(aid)
        if not ws & capital or kinds.get(aid) in _NOT_TOPIC or signed is None:
            continue
        end = ended.get(aid, 9999)
        if not (any(signed <= y <= end for y in years) if years else end == 9999):
            continue
        overlap = len(codes & parties.get(aid, frozenset()))
        # two of the article's actors at least, and at least half of them: an article naming
        # many states is not about an agreement of two of them
        if overlap >= 2 and 2 * overlap >= len(codes):
            fit[aid] = overlap
    best = max(fit.values(), default=0)
    top = [aid for aid, n in fit.items() if n == best]
    return top[0] if len(top) == 1 else None
