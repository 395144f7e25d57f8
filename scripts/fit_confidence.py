"""Fit the candidates' confidence model (``src/detente/text/data/confidence.json``) and measure it.

The training data are the FACTUAL candidates of the rules (their rule scores, before the model)
on the gold groups whose errors have been read: ``dev``, ``composed`` and every group with a first
run recorded in ``benchmarks/bench_text.py`` (``FIRST_RUNS``). A group without one is never run
here. Each candidate is labelled right when it matches a gold fact by the scorer's matching
(:func:`detente.text._gold.score`; the labels' counts are checked against its tp and fp).

Run from the repository root:

    PYTHONPATH=src python scripts/fit_confidence.py            # write the shipped file
    PYTHONPATH=src python scripts/fit_confidence.py --check    # does the shipped file match?
    PYTHONPATH=src python scripts/fit_confidence.py --evaluate # leave-one-group-out tables

Deterministic: no randomness; the same rules and gold give the same file (about 2 min).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from detente.record import load_shipped_record
from detente.text import Article, Candidate, Extractor, read_article
from detente.text._confidence import FEATURES, ConfidenceModel, feature_matrix, fit
from detente.text._gold import GROUPS, _actors, group_of, load_gold, score

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "text" / "gold"
OUT = ROOT / "src" / "detente" / "text" / "data" / "confidence.json"
#: the L2 penalty on standardised coefficients (fixed before any measurement, not tuned)
L2 = 1.0
THRESHOLDS = (0.5, 0.7, 0.8, 0.9)


def first_runs() -> dict[str, tuple[int, int, int]]:
    spec = importlib.util.spec_from_file_location("bench_text", ROOT / "benchmarks" /
                                                  "bench_text.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return dict(mod.FIRST_RUNS)


def read_groups() -> list[str]:
    """The groups whose errors have been read: dev, composed, and each with a first run."""
    runs = first_runs()
    return [g for g in GROUPS if g in ("dev", "composed") or g in runs]


@dataclass
class Data:
    groups: list[str]        # per candidate
    cands: list[Candidate]   # with their rule scores as confidence
    x: np.ndarray
    y: np.ndarray


def label(pred: list[Candidate], gold: list, texts: dict[str, list[str]],
          record: object) -> list[bool]:
    """Right or wrong for each factual candidate of ``pred`` (in order), matched one to one to
    the gold facts exactly as :func:`detente.text._gold.score` does."""
    pf = [c for c in pred if c.is_fact]
    used: set[int] = set()
    for g in gold:
        if not g.is_fact:
            continue
        i = next(k for k, s in enumerate(texts[g.doc]) if g.sentence in s)
        ga = _actors(g.actors, g.agreement, record)  # type: ignore[arg-type]
        for k, c in enumerate(pf):
            if k in used or c.doc != g.doc or c.sentence_index != i:
                continue
            if c.agreement == g.agreement and c.type == g.type and \
                    _actors(c.actors, c.agreement, record) == ga:  # type: ignore[arg-type]
                used.add(k)
                break
    return [k in used for k in range(len(pf))]


def collect(groups: list[str]) -> Data:
    ex = Extractor()
    rec = load_shipped_record()
    allgold = load_gold(GOLD / "gold.csv")
    raw = Extractor.extract.__wrapped__  # type: ignore[attr-defined]
    gs: list[str] = []
    cands: list[Candidate] = []
    ys: list[bool] = []
    for group in groups:
        arts = []
        for f in sorted(GOLD.glob("*.txt")):
            if group_of(f.stem) == group:
                a = read_article(f)
                arts.append(Article(name=f.stem, text=a.text, url=a.url))
        names = {a.name for a in arts}
        gold = [g for g in allgold if g.doc in names]
        pred = [c for a in arts for c in raw(ex, a)]
        texts = {a.name: ex.sentences(a) for a in arts}
        lab = label(pred, gold, texts, rec)
        sc = score(pred, gold, texts, rec)
        if (sum(lab), len(lab) - sum(lab)) != (sc.tp, sc.fp):
            raise SystemExit(f"{group}: labels {sum(lab)} right, {len(lab) - sum(lab)} wrong "
                             f"differ from the scorer's tp {sc.tp}, fp {sc.fp}")
        facts = [c for c in pred if c.is_fact]
        gs += [group] * len(facts)
        cands += facts
        ys += lab
    return Data(gs, cands, feature_matrix(cands, ex), np.array(ys, dtype=float))


def model_for(data: Data, groups: list[str]) -> ConfidenceModel:
    keep = np.array([g in groups for g in data.groups])
    meta = {"about": "P(right) of a factual candidate; scripts/fit_confidence.py",
            "l2": L2, "groups": groups, "candidates": int(keep.sum()),
            "right": int(data.y[keep].sum())}
    return fit(data.x[keep], data.y[keep], L2, meta)


def dump(model: ConfidenceModel) -> str:
    return json.dumps(model.as_dict(), indent=1) + "\n"


# --- measurement ---------------------------------------------------------------------------

def brier(p: np.ndarray, y: np.ndarray) -> float:
    return float(np.mean((p - y) ** 2))


def logloss(p: np.ndarray, y: np.ndarray) -> float:
    q = np.clip(p, 1e-3, 1 - 1e-3)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


def auc(p: np.ndarray, y: np.ndarray) -> float:
    """The chance that a right candidate scores above a wrong one (ties count half)."""
    pos, neg = p[y == 1], p[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    return float(np.mean((pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])))


def _scores_table(rows: list[tuple[str, np.ndarray]], y: np.ndarray) -> None:
    print("| confidence | mean | Brier | log loss | AUC |")
    print("|---|---|---|---|---|")
    for name, q in rows:
        print(f"| {name} | {q.mean():.2f} | {brier(q, y):.3f} | {logloss(q, y):.3f} | "
              f"{auc(q, y):.2f} |")
    print()


def evaluate(data: Data) -> None:
    groups = read_groups()
    runs = first_runs()
    blind = [g for g in groups if g not in ("dev", "composed")]
    new = np.full(len(data.y), np.nan)
    shifted = np.full(len(data.y), np.nan)
    for held in blind:
        m = model_for(data, [g for g in groups if g != held])
        idx = np.array([g == held for g in data.groups])
        new[idx] = m.confidence(data.x[idx])
        # an experiment, not shipped: the intercept moved so that the mean confidence on the
        # training candidates equals the other groups' pooled first-run precision
        others = [v for g, v in runs.items() if g in blind and g != held]
        target = sum(v[0] for v in others) / sum(v[0] + v[1] for v in others)
        train = np.array([g != held for g in data.groups])
        shift = _shift(m, data.x[train], target)
        m2 = ConfidenceModel(m.mean, m.scale, m.coef, m.intercept + shift)
        shifted[idx] = m2.confidence(data.x[idx])
    allgold = load_gold(GOLD / "gold.csv")

    def facts_of(gs: list[str]) -> int:
        names = {f.stem for f in GOLD.glob("*.txt") if group_of(f.stem) in gs}
        return sum(1 for r in allgold if r.doc in names and r.is_fact)

    late = [g for g in blind if g in ("blind12", "blind13", "blind14", "blind15", "blind16",
                                      "blind17", "blind18")]
    for title, gs in (("all read blind groups", blind),
                      ("the later groups only (fewer of their errors fixed)", late),
                      ("blind18 alone", ["blind18"])):
        sel = np.array([g in gs for g in data.groups])
        y, old, p = data.y[sel], data.x[sel, 0], new[sel]
        n, right = len(y), int(y.sum())
        print(f"### {title}: {len(gs)} group(s), {n} factual candidates, {right} right "
              f"(precision {right / n:.2f}), {facts_of(gs)} gold facts\n")
        rows = [("rule score (old)", old), ("model, group held out (new)", p),
                (f"constant {right / n:.2f} (the held-out base rate; not available in use)",
                 np.full(n, right / n))]
        if gs == ["blind18"]:
            fr = runs.get("blind18")
            print(f"blind18's rules today: {right} right, {n - right} wrong; its first run: "
                  f"{fr[0] if fr else '?'} right, {fr[1] if fr else '?'} wrong\n")
            rows.insert(2, ("model shifted to the first-run precision (experiment)",
                            shifted[sel]))
        _scores_table(rows, y)
        if gs != ["blind18"]:
            _reliability(old, p, y)
        facts = facts_of(gs)
        print("| at or above | old: kept | old: P | old: R | new: kept | new: P | new: R |")
        print("|---|---|---|---|---|---|---|")
        for t in (0.0, *THRESHOLDS):
            cells = []
            for q in (old, p):
                b = q >= t - 1e-9
                k, r = int(b.sum()), int(y[b].sum())
                cells.append(f"{k} | {r / k if k else 1.0:.2f} | {r / facts:.2f}")
            print(f"| {t:.1f} | {cells[0]} | {cells[1]} |")
        print()
    print("per held-out group (Brier old → new; right/candidates):")
    for g in blind:
        b = np.array([x == g for x in data.groups])
        if b.any():
            print(f"  {g}: {brier(data.x[b, 0], data.y[b]):.3f} → "
                  f"{brier(new[b], data.y[b]):.3f} ({int(data.y[b].sum())}/{int(b.sum())})")
    full = model_for(data, groups)
    print("\nshipped model, standardised coefficients:")
    for f, c in sorted(zip(FEATURES, full.coef, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {f:<24} {c:+.3f}")
    print(f"  intercept {full.intercept:+.3f}")
    assert all(math.isfinite(v) for v in full.coef)


def _reliability(old: np.ndarray, p: np.ndarray, y: np.ndarray) -> None:
    print("| bin | old: n | old: mean | old: right | new: n | new: mean | new: right |")
    print("|---|---|---|---|---|---|---|")
    edges = (0.0, 0.3, 0.5, 0.7, 0.8, 0.9, 1.0001)
    for lo, hi in zip(edges, edges[1:], strict=False):
        cells = []
        for q in (old, p):
            b = (q >= lo) & (q < hi)
            k = int(b.sum())
            cells.append(f"{k} | {q[b].mean():.2f} | {y[b].mean():.2f}" if k else "0 | – | –")
        print(f"| [{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'} | {cells[0]} | "
              f"{cells[1]} |")
    print()


def _shift(m: ConfidenceModel, x: np.ndarray, target: float) -> float:
    from scipy.optimize import brentq

    z = ((x - m.mean) / m.scale) @ m.coef + m.intercept
    return float(brentq(lambda s: float(np.mean(1 / (1 + np.exp(-(z + s))))) - target,
                        -30.0, 30.0))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the shipped file")
    ap.add_argument("--evaluate", action="store_true", help="leave-one-group-out tables")
    a = ap.parse_args()
    groups = read_groups()
    data = collect(groups)
    if a.evaluate:
        evaluate(data)
        return
    text = dump(model_for(data, groups))
    if a.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("shipped confidence model is up to date" if same else
              "shipped confidence model differs: run scripts/fit_confidence.py")
        sys.exit(0 if same else 1)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data.y)} candidates, {int(data.y.sum())} right, "
          f"groups {', '.join(groups)}")


if __name__ == "__main__":
    main()
