"""Text: an article in, candidate record events out, every claim checked against the record.

>>> from detente.text import extract_text
>>> [c.type for c in extract_text("In 2019, the United States withdrew from the INF Treaty.")]
['withdrew']

Rule-based on a blank spaCy English pipeline (no model download) with gazetteers generated from
the record, ``dateparser`` for dates; see ``docs/text.md``.
"""

from __future__ import annotations

from datetime import date

from detente.record import Record
from detente.text._check import BREACHES, BalanceRow, Verdict, balance, check, check_markdown
from detente.text._extract import Candidate, Extractor, extract
from detente.text._read import MAX_BYTES, Article, article_from_bytes, read_article
from detente.text._review import (
    Decision,
    accept_all,
    already_recorded,
    apply_decision,
    candidate_to_event,
    event_id,
    review,
    same_act,
    to_events,
    write_events,
)

__all__ = [
    "BREACHES",
    "MAX_BYTES",
    "Article",
    "BalanceRow",
    "Candidate",
    "Decision",
    "Extractor",
    "Verdict",
    "accept_all",
    "already_recorded",
    "apply_decision",
    "article_from_bytes",
    "balance",
    "candidate_to_event",
    "check",
    "check_markdown",
    "event_id",
    "extract",
    "extract_text",
    "read_article",
    "review",
    "same_act",
    "to_events",
    "write_events",
]


def extract_text(text: str, record: Record | None = None, ref_date: date | None = None,
                 name: str = "<text>") -> list[Candidate]:
    """Candidates from a plain-text string."""
    return extract(Article(name=name, text=text), record, ref_date)
