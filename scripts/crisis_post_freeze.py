"""The crisis model on the post-freeze cases alone: every case coded blind and scored after
revision 9's ε (``base_rate_weight``) was chosen on the 34 cases of round ``crisis9`` — the
rounds listed in :data:`ROUNDS` (docs/crisis.md, "Cases coded after ``crisis6``" and revision 9's
paragraphs) — with nothing re-chosen on them.

Prints, seed 0, the default model (calibrated at ε; π as the model computes it, the other bank
cases' frequencies) and the structural one (ε = 0):

* per case: outcome, P(escalation) calibrated and structural, and two base rates — the other
  bank cases' frequencies (the π the model mixes in) and the frequencies of the cases coded
  *before* the case's round (what a forecaster could have used when it was coded);
* over the post-freeze cases: Brier of P(escalation) and multi-class Brier of each, and the
  MAE (pooled issues, 0–100) of the crisis model, the status quo and the compromise model.

Run: PYTHONPATH=src python scripts/crisis_post_freeze.py
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from detente.cases import list_cases, load_case
from detente.crisis._calibrate import _frequencies as frequencies
from detente.evaluation import brier_escalation, brier_score, evaluate

SEED = 0

#: The rounds of cases coded after ε was chosen, in order (each case coded blind and frozen
#: before any model ran on it; docs/crisis.md).
ROUNDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cases35", ("soviet-finnish-1939", "czechoslovakia-1968", "india-pakistan-2002",
                 "doklam-2017")),
    ("cases39", ("fashoda-1898", "imia-1996", "eritrea-ethiopia-1998", "essequibo-2023")),
    ("cases43", ("agadir-1911", "july-1914", "sismik-1987")),
    ("cases47", ("ocalan-1998", "crimea-2014")),
    ("cases51", ("danzig-1939", "berlin-1961", "haiti-1994")),
)


def mean(xs: Sequence[float]) -> float:
    return sum(xs) / len(xs) if xs else math.nan


def main() -> None:
    bank = [n for n in list_cases() if load_case(n).outcome is not None]
    outcome = {n: load_case(n).outcome.kind for n in bank}  # type: ignore[union-attr]
    later: set[str] = set()
    before: dict[str, list[str]] = {}
    post: list[str] = []
    for _round, names in reversed(ROUNDS):
        present = [n for n in names if n in outcome]
        later |= set(names)
        for n in present:
            before[n] = [m for m in bank if m not in later]
        post = present + post
    scs = [load_case(n) for n in post]
    rep = evaluate(scs, ["crisis"], rng=SEED)
    struct = evaluate(scs, ["crisis"], options={"crisis": {"base_rate_weight": 0.0}},
                      baselines=(), rng=SEED)
    cal = {e.case: dict(e.probabilities) for e in rep.episodes if e.model == "crisis"}
    st = {e.case: dict(e.probabilities) for e in struct.episodes if e.model == "crisis"}
    rows = {"calibrated": cal, "structural": st,
            "base rate (other bank cases)": {
                n: frequencies([outcome[m] for m in bank if m != n]) for n in post},
            "base rate (cases coded before)": {
                n: frequencies([outcome[m] for m in before[n]]) for n in post}}
    print(f"seed {SEED}; {len(post)} post-freeze cases of {len(bank)} "
          f"({sum(outcome[n] == 'escalation' for n in post)} escalations)")
    print(f"\n{'case':24} {'outcome':12} " + " ".join(f"{k[:22]:>22}" for k in rows))
    for n in post:
        print(f"{n:24} {outcome[n]:12} "
              + " ".join(f"{rows[k][n]['escalation']:22.3f}" for k in rows))
    print("\nP(escalation) Brier / multi-class Brier over the post-freeze cases:")
    for k, probs in rows.items():
        be = mean([brier_escalation(probs[n], outcome[n]) for n in post])
        bm = mean([brier_score(probs[n], outcome[n]) for n in post])
        print(f"  {k:32} {be:.4f} / {bm:.4f}")
    print("\nMAE over their issues (pooled, 0–100):")
    for m in ("crisis", "status_quo", "compromise"):
        s = rep.model(m)
        print(f"  {m:12} {s.mae:.2f}  ({s.n} issues)")


if __name__ == "__main__":
    main()
