"""The case runners shared by the text phenomenon tests (``test_text_phenomena.py`` and the
third to sixth rounds): a case is an id, a text and (for facts) the claims it must give.

A *fact case* lists the factual claims the text makes (agreement, actors, type, and where
given the date prefix and the alleger); :func:`assert_facts` checks that each is output as a
fact and, when ``exact``, that no other fact is. A *non-fact case* is a negated, hypothetical,
urged, denied or otherwise unasserted act, or a precision trap: :func:`assert_no_fact` checks
that nothing is output as a fact (the hard rule).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from detente.text import Article, Candidate
from detente.text._extract import extract

__all__ = ["Want", "assert_facts", "assert_no_fact", "candidates", "fact_params", "facts",
           "matches", "text_params", "w"]

#: (agreement, actors, type, date prefix or None, alleger or None)
Want = tuple[str, frozenset[str], str, str | None, frozenset[str] | None]


def w(agreement: str, actors: str, etype: str, when: str | None = None,
      by: str | None = None) -> Want:
    """A wanted claim: actors and alleger as ``;``-separated codes."""
    return (agreement, frozenset(actors.split(";")), etype, when,
            frozenset(by.split(";")) if by else None)


def candidates(text: str) -> list[Candidate]:
    """Every candidate (facts and non-facts) of ``text`` read as one article."""
    return extract(Article("probe", text))


def facts(text: str) -> list[Candidate]:
    return [c for c in candidates(text) if c.is_fact]


def matches(c: Candidate, want: Want) -> bool:
    agreement, actors, etype, _, _ = want
    return (c.agreement, frozenset(c.actors), c.type) == (agreement, actors, etype)


def _brief(cs: Sequence[Candidate]) -> list[tuple[Any, ...]]:
    return [(c.agreement, c.actors, c.type, c.date, c.alleged_by, c.trigger) for c in cs]


def assert_facts(text: str, wants: Sequence[Want], *, exact: bool = True) -> None:
    """Each wanted claim is a fact of ``text`` (with its date prefix and alleger where given);
    when ``exact``, no other fact is output."""
    got = facts(text)
    for want in wants:
        hits = [c for c in got if matches(c, want)]
        assert hits, (want, _brief(got))
        if want[3] is not None:
            assert (hits[0].date or "").startswith(want[3]), (want, hits[0].date)
        if want[4] is not None:
            assert frozenset(hits[0].alleged_by) == want[4], (want, hits[0].alleged_by)
    if exact:
        extra = [c for c in got if not any(matches(c, x) for x in wants)]
        assert not extra, _brief(extra)


def assert_no_fact(text: str, *, from_sentence: int = 0) -> None:
    """No fact in ``text`` (in its sentences from ``from_sentence`` on)."""
    got = [c for c in facts(text) if c.sentence_index >= from_sentence]
    assert not got, _brief(got)


def fact_params(rows: Sequence[tuple[str, str, Sequence[Want]]]) -> list[Any]:
    """``(id, text, wants)`` rows as pytest parameters ``(text, wants)`` with their ids."""
    return [pytest.param(text, list(wants), id=key) for key, text, wants in rows]


def text_params(rows: Sequence[tuple[str, str]]) -> list[Any]:
    """``(id, text)`` rows as pytest parameters ``text`` with their ids."""
    return [pytest.param(text, id=key) for key, text in rows]
