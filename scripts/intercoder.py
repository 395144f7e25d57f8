"""Inter-coder agreement on the text gold set: a second, independent coding against the first.

The gold set's rows were each coded by one person. To know how far two careful coders agree on
the same texts (the ceiling against which the extractor's figures are read), the 81 texts of
eight read groups were coded again by four coders who saw only the texts, the record and the
gold README's general rules (``tests/text/gold/second/``; how they were coded: its README).
This script scores the second coding against the first with the extractor's own scorer
(:func:`detente.text._gold.score`: a fact matches when sentence, agreement, actors and type
agree), then the extractor against each coding on the same texts.

Agreement between two codings is symmetric in F1; precision of coder 2 against coder 1 is the
recall of coder 1 against coder 2. A "leak" here is a row the compared source (coder 2 or the
rules) calls a fact where the reference coding calls it negated or hypothetical.

Run from the repository root (about 10 s):

    PYTHONPATH=src python scripts/intercoder.py
    PYTHONPATH=src python scripts/intercoder.py --json
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from detente.record import load_shipped_record
from detente.text._extract import Candidate, Extractor
from detente.text._gold import GoldEvent, Scores, group_of, load_gold, score
from detente.text._read import Article, read_article

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "text" / "gold"
SECOND = GOLD / "second"


@dataclass(frozen=True)
class Agreement:
    """Facts matched between two sources on the same texts (``a`` is the reference)."""

    tp: int
    fp: int
    fn: int
    leaks: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "leaks": self.leaks,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3)}


def _as_candidates(rows: list[GoldEvent], texts: dict[str, list[str]]) -> list[Candidate]:
    """A coding's rows as the scorer's predictions (each placed in its one sentence)."""
    out = []
    for g in rows:
        hits = [i for i, s in enumerate(texts[g.doc]) if g.sentence in s]
        if len(hits) != 1:
            raise ValueError(f"{g.doc}: sentence {g.sentence!r} found {len(hits)} times")
        date = None
        if g.year is not None:
            date = f"{g.year:04d}" + (f"-{g.month:02d}" if g.month else "")
        out.append(Candidate(
            doc=g.doc, sentence_index=hits[0], sentence=texts[g.doc][hits[0]], start=0, end=0,
            agreement=g.agreement, agreement_text="", actors=tuple(sorted(g.actors)),
            type=g.type, date=date, date_text="", alleged_by=tuple(sorted(g.alleged_by)),
            negated=g.negated, hypothetical=g.hypothetical, confidence=1.0, trigger=""))
    return out


def _agreement(sc: Scores) -> Agreement:
    return Agreement(sc.tp, sc.fp, sc.fn, len(sc.leaks))


def compare(first: list[GoldEvent], second: list[GoldEvent],
            docs: list[str]) -> dict[str, Agreement]:
    """Coder 2 against coder 1, and the extractor against each, on ``docs``."""
    rec = load_shipped_record()
    ex = Extractor()
    articles = {}
    for d in docs:
        a = read_article(GOLD / f"{d}.txt")
        articles[d] = Article(name=d, text=a.text, url=a.url)
    texts = {d: ex.sentences(a) for d, a in articles.items()}
    one = [g for g in first if g.doc in articles]
    two = [g for g in second if g.doc in articles]
    rules = [c for a in articles.values() for c in ex.extract(a)]
    return {
        "coder 2 against coder 1": _agreement(score(_as_candidates(two, texts), one, texts, rec)),
        "rules against coder 1": _agreement(score(rules, one, texts, rec)),
        "rules against coder 2": _agreement(score(rules, two, texts, rec)),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)
    first = load_gold(GOLD / "gold.csv")
    results: dict[str, dict[str, Agreement]] = {}
    for path in sorted(SECOND.glob("*.csv")):
        second = load_gold(path)
        docs = sorted({g.doc for g in second})
        results[path.stem] = compare(first, second, docs)
        groups = sorted({group_of(d) for d in docs})
        if len(groups) > 1:
            for grp in groups:
                results[f"{path.stem}: {grp}"] = compare(
                    first, second, [d for d in docs if group_of(d) == grp])
    if len(results) > 1:
        pooled: dict[str, Agreement] = {}
        for what in ("coder 2 against coder 1", "rules against coder 1", "rules against coder 2"):
            parts = [v[what] for k, v in results.items() if ":" not in k]
            pooled[what] = Agreement(*(sum(getattr(a, f) for a in parts)
                                       for f in ("tp", "fp", "fn", "leaks")))
        results["all"] = pooled
    if args.json:
        print(json.dumps({k: {n: a.as_dict() for n, a in v.items()} for k, v in results.items()},
                         indent=2))
        return 0
    for name, res in results.items():
        print(name)
        for what, a in res.items():
            print(f"  {what:<24} P {a.precision:.2f} R {a.recall:.2f} F1 {a.f1:.2f} "
                  f"(tp {a.tp}, fp {a.fp}, fn {a.fn}; fact/non-fact disagreements {a.leaks})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
