"""Text extraction: accuracy on the gold set (held-out articles apart) and speed.

Accuracy: precision, recall and F1 of events (a match needs the sentence, agreement, actor set
and event type), per field (agreement, actors, type), dates right to the month, alleger right,
and "leaks" (gold negated/hypothetical acts output as facts), for the rules and for a named
baseline in the same run: **regex-only** (agreement names, actor names and trigger words by
regular expression, the nearest actor before the trigger, no clauses, negation, modality,
anaphora or reported speech). Speed: 100 articles of 2,000 words (sentences of the gold texts
drawn with a seeded generator), one process and two processes, rules and baseline.
"""

from __future__ import annotations

import re
import time
from multiprocessing import get_context
from pathlib import Path

import numpy as np

from detente.record import load_shipped_record
from detente.text import Article, Candidate, Extractor, read_article
from detente.text._dates import _parse, find_dates
from detente.text._gazetteer import shipped_gazetteer
from detente.text._gold import group_of, load_gold, score

GOLD = Path(__file__).resolve().parents[1] / "tests" / "text" / "gold"
HELD_OUT = {"crs_jcpoa_2018", "state_newstart_2023"}
FRESH = {"state_cfe_2023", "voa_cfe_2011"}
LAST = {"voa_dprk_2012", "state_dprk_2002", "voa_dprk_2002"}
#: second blind set: coded and committed before the extractor was first run on it
BLIND2 = {"state_open_skies_2020", "senate_open_skies_2020", "ap_inf_2019", "afp_inf_2019",
          "reuters_cfe_2023", "ap_cfe_2023", "politico_newstart_2023", "ap_newstart_2023",
          "tass_jcpoa_2019", "rferl_jcpoa_2019"}
_TRIG = {
    "withdrew": r"withdr[ae]w\w*|pull(?:ed)? out",
    "suspended": r"suspend\w*",
    "violation_alleged": r"violat\w+|breach\w*|non-?complian\w+",
    "signed": r"sign(?:ed|s)\b",
    "ratified": r"ratif\w+",
    "extended": r"extend\w*|extension",
    "entered_into_force": r"entered into force|took effect",
}


class RegexBaseline:
    """The simple alternative: dictionary regexes, nearest actor before the trigger."""

    def __init__(self) -> None:
        g = shipped_gazetteer()
        self.g = g
        names = sorted(g.agreements, key=len, reverse=True)
        self.agr = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in names))
        forms = sorted(g.actor_forms, key=len, reverse=True)
        self.act = re.compile("|".join(rf"(?<!\w){re.escape(n)}(?!\w)" for n in forms))
        self.trig = [(t, re.compile(rf"\b(?:{p})", re.I)) for t, p in _TRIG.items()]
        self.ex = Extractor()

    def extract(self, article: Article) -> list[Candidate]:
        out = []
        for i, s in enumerate(self.ex.sentences(article)):
            agrs = [(m.start(), self.g.agreements[m.group(0)]) for m in self.agr.finditer(s)]
            if not agrs:
                continue
            acts = [(m.start(), m.group(0)) for m in self.act.finditer(s)]
            dates = find_dates(s, None, None)
            for etype, pat in self.trig:
                for m in pat.finditer(s):
                    before = [a for a in acts if a[0] < m.start()]
                    if not before:
                        continue
                    d = dates[0].value if dates else None
                    code = self.g.actor_code(before[-1][1], int(d[:4]) if d else None)
                    aid = min(agrs, key=lambda a: abs(a[0] - m.start()))[1]
                    out.append(Candidate(article.name, i, s, 0, 0, aid, aid, (code or "?",),
                                         etype, d, "", (), False, False, 0.5, m.group(0)))
        return out


def _articles(group: str) -> list[Article]:
    out = []
    for f in sorted(GOLD.glob("*.txt")):
        g = group_of(f.stem)
        if g != group:
            continue
        a = read_article(f)
        out.append(Article(name=f.stem, text=a.text, url=a.url))
    return out


def _score(system: object, articles: list[Article]) -> dict[str, object]:
    rec = load_shipped_record()
    ex = Extractor()
    gold = [g for g in load_gold(GOLD / "gold.csv") if g.doc in {a.name for a in articles}]
    preds = [c for a in articles for c in system.extract(a)]  # type: ignore[attr-defined]
    texts = {a.name: ex.sentences(a) for a in articles}
    return score(preds, gold, texts, rec).as_dict()


def _synthetic(n: int, words: int, seed: int) -> list[Article]:
    rng = np.random.default_rng(seed)
    ex = Extractor()
    pool = [s for a in _articles("dev") for s in ex.sentences(a) if len(s.split()) > 6]
    out = []
    for k in range(n):
        parts, count = [], 0
        while count < words:
            s = pool[int(rng.integers(len(pool)))]
            parts.append(s)
            count += len(s.split())
        paras = [" ".join(parts[i:i + 5]) for i in range(0, len(parts), 5)]
        out.append(Article(name=f"synthetic-{k}", text="\n\n".join(paras)))
    return out


_WORKER: Extractor | None = None


def _work(a: Article) -> int:
    global _WORKER
    if _WORKER is None:
        _WORKER = Extractor()
    _parse.cache_clear()
    return len(_WORKER.extract(a))


def _time(fn, articles: list[Article]) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    for a in articles:
        _parse.cache_clear()
        fn(a)
    return time.perf_counter() - t0


def _fmt(d: dict[str, object]) -> str:
    ev = d["events"]
    f = d["fields"]
    assert isinstance(ev, dict) and isinstance(f, dict)
    fields = "  ".join(f"{k} P {v['precision']:.2f} R {v['recall']:.2f} F1 {v['f1']:.2f}"
                       for k, v in f.items())
    return (f"events P {ev['precision']:.2f} R {ev['recall']:.2f} F1 {ev['f1']:.2f} "
            f"(tp {ev['tp']}, fp {ev['fp']}, fn {ev['fn']}); date to month "
            f"{d['date_to_month']:.2f} (n={d['date_n']}); alleger {d['alleger']:.2f} "
            f"(n={d['alleger_n']}); leaks {d['leaks']}\n      {fields}")


def main() -> None:
    rules, base = Extractor(), RegexBaseline()
    for label, group in (
        ("development articles (rules written on them)", "dev"),
        ("first held-out pair (blind at its first run; its errors were then read)", "held"),
        ("fresh held-out pair (blind at its first run; its errors were then read)", "fresh"),
        ("last blind texts (DPRK 2002, 2012; blind at their single run, errors then read)", "last"),
    ):
        arts = _articles(group)
        print(f"{label}: {len(arts)} articles")
        print(f"  rules:       {_fmt(_score(rules, arts))}")
        print(f"  regex-only:  {_fmt(_score(base, arts))}")
    arts = _synthetic(100, 2000, seed=1)
    words = sum(len(a.text.split()) for a in arts)
    t_rules = _time(rules.extract, arts)
    t_base = _time(base.extract, arts)
    ctx = get_context("fork")
    t0 = time.perf_counter()
    with ctx.Pool(2) as pool:
        pool.map(_work, arts, chunksize=10)
    t_two = time.perf_counter() - t0
    print(f"speed: 100 articles, {words:,} words: rules {t_rules:.2f} s on 1 core, "
          f"{t_two:.2f} s on 2 processes (incl. start-up); regex-only {t_base:.2f} s on 1 core "
          f"(rules/regex time ratio {t_rules / t_base:.1f})")


if __name__ == "__main__":
    main()
