"""Design revision 15 of docs/crisis.md (round ``crisis16``): ``appeasement`` ψ — what a broken
promise of the challenger leaves its counterpart: the standoff, as for the challenger (ψ = 0, the
model before the revision), or what the challenger's threat imposes (ψ = 1: it holds the
concession and takes the rest; Fearon 1995's appeasement problem, Powell 2006), at the record's
trust in the challenger's word.

Prints, seed 0, calibrated at the default ε (revision 9; π as the model computes it):

1. ψ ∈ {0, 1} on the odd half, the even half and all cases — crisis MAE (pooled issues), Brier
   of P(escalation), multi-class Brier, calibrated and structural — with the status quo's and
   the compromise model's MAE and the base rate on the same cases (what ``detente evaluate
   cases --subset odd|even -m crisis -o appeasement=ψ`` prints);
2. the rule of the round on the odd half: ψ = 1 is kept if its Brier of P(escalation) is below
   ψ = 0's, its multi-class Brier not above ψ = 0's and its crisis MAE below the status quo's
   and the compromise model's;
3. the nested leave-one-case-out estimate: for each case the same rule chooses ψ on the other
   cases (π of each of them leaving out both it and the held-out case), and the held-out case is
   forecast at that ψ (π the other cases) — against ψ = 0 and the base rate on the same cases;
4. per case, P(escalation) at each ψ and, calibrated, at ψ = 0 and at the odd half's choice.

Run: PYTHONPATH=src python scripts/crisis_appeasement.py [--json]
"""

from __future__ import annotations

import sys

from _crisis_revision import main

GRID = (0.0, 1.0)

if __name__ == "__main__":
    main(sys.argv[1:], "appeasement", "ψ", GRID, neutral=0.0)
