"""A small trained sentence classifier beside the rules (experiment textml1, issue 14).

For each sentence in which the extractor's own gazetteer (its entity rulers and its reading of
described agreements) finds an agreement and at least one actor, a spaCy ``textcat_multilabel``
(bag of words and word pairs, no pretrained vectors) predicts the event types the sentence
asserts as facts about that agreement. :func:`hybrid` adds a candidate for each predicted type
the rules gave none of (that agreement, that type, that sentence), with the rules' actors, date
and alleger where the rules have a candidate on that agreement in that sentence, and never in a
sentence where the rules mark an act on that agreement negated or hypothetical or where the
rules' negation or hypothesis cues match. See ``docs/text.md``, "A trained model beside the
rules (experiment textml1)".

Everything is deterministic: a fixed seed, a fixed order of the examples, no dropout.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from detente.text._dates import find_dates
from detente.text._extract import (
    _HYP,
    _NEG,
    _TREATY_NOUN,
    Candidate,
    Extractor,
    _article_month,
    _paragraphs,
)
from detente.text._read import Article

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["LABELS", "Instance", "hybrid", "instances", "predict", "train"]

#: the event types the model predicts (the gold set's fact types but the one-off "lapsed")
LABELS: tuple[str, ...] = (
    "signed", "ratified", "withdrew", "suspended", "violation_alleged", "kept", "not_ratified",
    "entered_into_force", "extended", "expired", "compliance_restored", "deratified",
    "hostile_act_during_talks")
#: types told of the agreement's parties together (the gold codes them ``*`` mostly)
_ALL_PARTIES = frozenset({"entered_into_force", "extended", "expired"})
SEED = 0
EPOCHS = 8
BATCH = 32
NGRAM = 2
#: hashed feature table rows (small: the whole model stays well under 2 MB)
LENGTH = 2 ** 14
THRESHOLD = 0.5


@dataclass(frozen=True)
class Instance:
    """One (sentence, agreement) pair the model reads."""

    doc: str
    index: int  # the sentence's index, as ``Candidate.sentence_index`` numbers it
    agreement: str
    sentence: str
    text: str  # the sentence in lower case, the agreement, other agreements and actors masked
    codes: tuple[str, ...]  # actor codes in order of mention


def _mask(s: str, ents: Sequence[tuple[str, str, int, int]], aid: str) -> str:
    out, pos = [], 0
    for label, key, a, b in sorted(ents, key=lambda e: e[2]):
        if a < pos:
            continue
        out.append(s[pos:a].lower())
        out.append(" agrx " if label == "AGR" and key == aid else
                   " otheragr " if label == "AGR" else " actx ")
        pos = b
    out.append(s[pos:].lower())
    return "".join(out)


def instances(ex: Extractor, article: Article, rules: Iterable[Candidate],
              carry: bool = False) -> list[Instance]:
    """The (sentence, agreement) pairs of ``article`` the model reads: the agreements the
    entity rulers name in the sentence, those the rules' candidates give it, or else the one
    the extractor reads from a description; only where an actor is named too.

    ``carry`` (exploration only, not the registered experiment): a sentence with none of
    these but a treaty noun ("the pact", "its obligations") is read as about the agreement
    last named before it in the article."""
    paras = _paragraphs(article.text)
    month = _article_month(paras)
    year = int(month[:4]) if month else None
    by_sent: dict[int, set[str]] = {}
    for c in rules:
        by_sent.setdefault(c.sentence_index, set()).add(c.agreement)
    out: list[Instance] = []
    idx = 0
    last: str | None = None
    for doc in ex.nlp.pipe(c for _, c in paras):
        for sent in doc.sents:
            s = sent.text
            ents = [(e.label_, e.ent_id_ or e.text.lower(), e.start_char - sent.start_char,
                     e.end_char - sent.start_char) for e in sent.ents]
            agrs = {key for label, key, *_ in ents if label == "AGR"} | by_sent.get(idx, set())
            if not agrs and (d := ex._described_agreement(s, year)) is not None:
                agrs.add(d.key)
            if not agrs and carry and last and re.search(_TREATY_NOUN, s, re.I):
                agrs.add(last)
            named = [key for label, key, *_ in ents if label == "AGR"]
            last = named[-1] if named else (min(agrs) if agrs else last)
            codes: list[str] = []
            for label, key, *_ in ents:
                if label == "ACT" and (code := ex.gazetteer.actor_code(key, year)) and \
                        code not in codes:
                    codes.append(code)
            if codes:
                out.extend(Instance(article.name, idx, aid, s, _mask(s, ents, aid), tuple(codes))
                           for aid in sorted(agrs))
            idx += 1
    return out


def _pipeline() -> Language:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("textcat_multilabel", config={
        "threshold": THRESHOLD,
        "model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False,
                  "ngram_size": NGRAM, "no_output_layer": False, "length": LENGTH}})
    return nlp


def train(examples: Sequence[tuple[str, frozenset[str]]], seed: int = SEED,
          epochs: int = EPOCHS, learn_rate: float | None = None) -> Language:
    """A classifier trained on (masked text, fact types) pairs; the same pairs in the same
    order give the same weights. ``learn_rate`` None is spaCy's default optimiser (Adam,
    0.001), the registered setting of the experiment."""
    from spacy.training import Example
    from spacy.util import fix_random_seed

    fix_random_seed(seed)
    nlp = _pipeline()
    tc = nlp.get_pipe("textcat_multilabel")
    for label in LABELS:
        tc.add_label(label)  # type: ignore[attr-defined]
    egs = [Example.from_dict(nlp.make_doc(t), {"cats": {k: float(k in ls) for k in LABELS}})
           for t, ls in examples]
    opt = nlp.initialize(lambda: egs)
    if learn_rate is not None:
        from thinc.api import Adam

        opt = Adam(learn_rate)
    rng = random.Random(seed)
    order = list(range(len(egs)))
    for _ in range(epochs):
        rng.shuffle(order)
        for b in range(0, len(order), BATCH):
            nlp.update([egs[k] for k in order[b:b + BATCH]], sgd=opt, drop=0.0)
    return nlp


def predict(nlp: Language, insts: Sequence[Instance]) -> list[dict[str, float]]:
    """Each instance's probability per type."""
    return [dict(d.cats) for d in nlp.pipe(i.text for i in insts)]


def _actors(ex: Extractor, inst: Instance, etype: str) -> tuple[str, ...]:
    parties = ex.parties.get(inst.agreement, frozenset())
    inside = [c for c in inst.codes if c in parties]
    if etype in _ALL_PARTIES:
        return ("*",)
    if etype == "signed":
        return tuple(inside or inst.codes)
    return ((inside or list(inst.codes))[0],)


def hybrid(ex: Extractor, rules: Sequence[Candidate], insts: Sequence[Instance],
           probs: Sequence[dict[str, float]], threshold: float = THRESHOLD,
           cue_guard: bool = True) -> list[Candidate]:
    """The rules' candidates plus the model's where the rules gave none (see module doc);
    ``cue_guard=False`` (exploration only) drops the guard on the rules' negation and
    hypothesis cues, keeping the one on the rules' own non-fact candidates."""
    out = list(rules)
    by_pair: dict[tuple[int, str], list[Candidate]] = {}
    for c in rules:
        by_pair.setdefault((c.sentence_index, c.agreement), []).append(c)
    for inst, cats in zip(insts, probs, strict=True):
        here = by_pair.get((inst.index, inst.agreement), [])
        if any(not c.is_fact for c in here) or cue_guard and (
                _NEG.search(inst.sentence) or _HYP.search(inst.sentence)):
            continue
        base = next((c for c in here if c.is_fact), None)
        for etype in LABELS:
            p = cats.get(etype, 0.0)
            if p < threshold or any(c.type == etype for c in here):
                continue
            if base is not None:
                actors, when, when_text, alleger = (base.actors, base.date, base.date_text,
                                                    base.alleged_by)
            else:
                dates = find_dates(inst.sentence, None, None)
                actors = _actors(ex, inst, etype)
                when = dates[0].value if dates else None
                when_text = inst.sentence[dates[0].start:dates[0].end] if dates else ""
                alleger = ()
            out.append(Candidate(inst.doc, inst.index, inst.sentence, 0, 0, inst.agreement,
                                 inst.agreement, actors, etype, when, when_text, alleger, False,
                                 False, round(p, 3), "model", evidence="model"))
    return out
