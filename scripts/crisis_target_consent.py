"""Design revision 13 of docs/crisis.md (round ``crisis14``): ``target_consent`` τ — whether the
challenger's counterpart is every other actor weighted by capability (τ = 0, the model before the
revision) or the targets of its threat, each of whom must accept for itself (τ = 1).

Prints, seed 0, calibrated at the default ε (revision 9; π as the model computes it):

1. τ ∈ {0, 1} on the odd half, the even half and all cases — crisis MAE (pooled issues), Brier
   of P(escalation), multi-class Brier, calibrated and structural — with the status quo's and
   the compromise model's MAE and the base rate on the same cases (what ``detente evaluate
   cases --subset odd|even -m crisis -o target_consent=τ`` prints);
2. the rule of the round on the odd half: τ = 1 is kept if its Brier of P(escalation) is below
   τ = 0's, its multi-class Brier not above τ = 0's and its crisis MAE below the status quo's
   and the compromise model's;
3. the nested leave-one-case-out estimate: for each case the same rule chooses τ on the other
   cases (π of each of them leaving out both it and the held-out case), and the held-out case is
   forecast at that τ (π the other cases) — against τ = 0 and the base rate on the same cases;
4. per case, P(escalation) at each τ and, calibrated, at τ = 0 and at the odd half's choice.

Run: PYTHONPATH=src python scripts/crisis_target_consent.py [--json]
"""

from __future__ import annotations

import sys

from _crisis_revision import main

GRID = (0.0, 1.0)

if __name__ == "__main__":
    main(sys.argv[1:], "target_consent", "τ", GRID, neutral=0.0)
