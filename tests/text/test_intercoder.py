"""The inter-coder script (scripts/intercoder.py) against an independent count, and the figures
docs/text.md prints from it."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from detente.record import load_shipped_record
from detente.text._extract import Extractor
from detente.text._gold import load_gold
from detente.text._read import read_article

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "text" / "gold"
SECOND = sorted((GOLD / "second").glob("*.csv"))


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("intercoder", ROOT / "scripts" / "intercoder.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["intercoder"] = mod
    spec.loader.exec_module(mod)
    return mod


def _keys(rows, texts, rec):  # type: ignore[no-untyped-def]
    """Each fact as (doc, sentence number, agreement, actor set with * expanded, type)."""
    out = Counter()
    for g in rows:
        if g.negated or g.hypothetical:
            continue
        (i,) = [k for k, s in enumerate(texts[g.doc]) if g.sentence in s]
        actors = set(g.actors)
        if "*" in actors and rec.has(g.agreement):
            actors = set(rec.agreement(g.agreement).parties)
        out[(g.doc, i, g.agreement, frozenset(actors), g.type)] += 1
    return out


@pytest.mark.parametrize("path", SECOND, ids=lambda p: p.stem)
def test_agreement_between_codings_equals_an_independent_multiset_count(path: Path) -> None:
    ic = _script()
    first, second = load_gold(GOLD / "gold.csv"), load_gold(path)
    docs = sorted({g.doc for g in second})
    ex, rec = Extractor(), load_shipped_record()
    texts = {d: ex.sentences(read_article(GOLD / f"{d}.txt")) for d in docs}
    a = _keys([g for g in first if g.doc in texts], texts, rec)
    b = _keys(second, texts, rec)
    both = sum((a & b).values())
    got = ic.compare(first, second, docs)["coder 2 against coder 1"]
    assert (got.tp, got.fp, got.fn) == (both, sum(b.values()) - both, sum(a.values()) - both)
    # a coding against itself agrees fully
    same = ic.compare(first, [g for g in first if g.doc in texts], docs)["coder 2 against coder 1"]
    assert same.fp == same.fn == 0 and same.tp == sum(a.values())


def test_docs_print_the_pooled_agreement() -> None:
    ic = _script()
    first = load_gold(GOLD / "gold.csv")
    ex, rec = Extractor(), load_shipped_record()
    tp = fp = fn = 0
    for path in SECOND:
        second = load_gold(path)
        docs = sorted({g.doc for g in second})
        texts = {d: ex.sentences(read_article(GOLD / f"{d}.txt")) for d in docs}
        a = _keys([g for g in first if g.doc in texts], texts, rec)
        b = _keys(second, texts, rec)
        both = sum((a & b).values())
        tp, fp, fn = tp + both, fp + sum(b.values()) - both, fn + sum(a.values()) - both
    assert ic.Agreement(tp, fp, fn, 0).f1 > 0
    doc = (ROOT / "docs" / "text.md").read_text(encoding="utf-8")
    assert re.search(rf"\({tp}, {fp}, {fn}\)", doc), (tp, fp, fn)
