"""The gold set: coded before the rules; the bar on the development articles, and the hard
rules (no leak, every gold sentence placed) on all of them. Held-out scores are reported by
``benchmarks/bench_text.py``, not asserted here (they are the estimate for unseen text)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from detente.record import load_shipped_record
from detente.text import Article, Extractor, read_article
from detente.text._extract import Candidate
from detente.text._gold import GROUPS, GoldEvent, group_of, load_gold, score

GOLD = Path(__file__).parent / "gold"
HELD_OUT = GROUPS["held"]
FRESH = GROUPS["fresh"]
LAST = GROUPS["last"]  # benchmark only


@pytest.fixture(scope="module")
def run() -> dict[str, object]:
    ex = Extractor()
    rec = load_shipped_record()
    gold = load_gold(GOLD / "gold.csv")
    out: dict[str, object] = {}
    for label, held in (("dev", False), ("held", True)):
        arts = []
        for f in sorted(GOLD.glob("*.txt")):
            g = group_of(f.stem)
            if g == ("held" if held else "dev") or (held and g == "fresh"):
                a = read_article(f)
                arts.append(Article(f.stem, a.text, a.url))
        preds = [c for a in arts for c in ex.extract(a)]
        texts = {a.name: ex.sentences(a) for a in arts}
        out[label] = score(preds, [g for g in gold if g.doc in texts], texts, rec)
    return out


def test_gold_set_size_and_references() -> None:
    rows = list(csv.DictReader(open(GOLD / "gold.csv", encoding="utf-8")))
    assert len(rows) >= 80
    docs = {r["doc"] for r in rows}
    assert len(docs) >= 6 and HELD_OUT <= docs and FRESH <= docs and LAST <= docs
    # every text belongs to exactly one group; none is development text by default
    stems = {f.stem for f in GOLD.glob("*.txt")}
    assert all(group_of(d) != "unlisted" for d in stems)
    assert sum(len(v) for v in GROUPS.values()) == len(set().union(*GROUPS.values()))
    rec = load_shipped_record()
    assert all(rec.has(r["agreement"]) for r in rows)
    ex = Extractor()
    n = sum(len(ex.sentences(read_article(f))) for f in GOLD.glob("*.txt"))
    assert n >= 150
    sources = (GOLD / "SOURCES.md").read_text(encoding="utf-8")
    assert all(f"{d}.txt" in sources for d in docs)


def test_development_articles_meet_the_bar(run: dict[str, object]) -> None:
    sc = run["dev"]
    assert sc.precision >= 0.90, sc.false_positives  # type: ignore[attr-defined]
    assert sc.recall >= 0.80, sc.misses  # type: ignore[attr-defined]
    assert sc.date_accuracy >= 0.90, sc.date_errors  # type: ignore[attr-defined]
    assert sc.alleger_accuracy >= 0.85  # type: ignore[attr-defined]


@pytest.mark.parametrize("label", ["dev", "held"])
def test_no_negated_or_hypothetical_act_is_output_as_a_fact(run: dict[str, object],
                                                             label: str) -> None:
    assert run[label].leaks == []  # type: ignore[attr-defined]


def _cand(sentence_index: int, etype: str) -> Candidate:
    return Candidate("d", sentence_index, "s", 0, 1, "jcpoa_2015", "JCPOA", ("IRN",), etype,
                     None, "", (), False, False, 0.9, "t")


def _gold(etype: str, *, hypothetical: bool) -> GoldEvent:
    return GoldEvent("d", "Iran said", "jcpoa_2015", frozenset({"IRN"}), etype, None, None,
                     frozenset(), False, hypothetical)


def test_a_fact_matched_to_a_gold_fact_is_no_leak() -> None:
    """A sentence holding a fact and a hypothetical act of the same kind: one predicted fact is
    the fact's output (no leak); a second predicted fact is the hypothetical one leaked."""
    rec = load_shipped_record()
    texts = {"d": ["Iran said it had exceeded the limit and threatened more."]}
    gold = [_gold("violation_alleged", hypothetical=False),
            _gold("violation_alleged", hypothetical=True)]
    one = score([_cand(0, "violation_alleged")], gold, texts, rec)
    assert (one.tp, one.fp, one.leaks) == (1, 0, [])
    two = score([_cand(0, "violation_alleged"), _cand(0, "violation_alleged")], gold, texts, rec)
    assert (two.tp, two.fp, len(two.leaks)) == (1, 1, 1)
    # with no gold fact in the sentence, the predicted fact is a leak
    only_hyp = score([_cand(0, "violation_alleged")], gold[1:], texts, rec)
    assert (only_hyp.tp, only_hyp.fp, len(only_hyp.leaks)) == (0, 1, 1)
