"""Design revision 14 of docs/crisis.md (round ``crisis15``): ``several_challengers`` δ — whether
a challenger's counterpart is every other actor weighted by capability (δ = 0, the model before
the revision) or, where several actors hold outside options, the other holders it threatens,
each of whom must accept for itself (δ = 1).

Prints, seed 0, calibrated at the default ε (revision 9; π as the model computes it):

1. δ ∈ {0, 1} on the odd half, the even half and all cases — crisis MAE (pooled issues), Brier
   of P(escalation), multi-class Brier, calibrated and structural — with the status quo's and
   the compromise model's MAE and the base rate on the same cases (what ``detente evaluate
   cases --subset odd|even -m crisis -o several_challengers=δ`` prints);
2. the rule of the round on the odd half: δ = 1 is kept if its Brier of P(escalation) is below
   δ = 0's, its multi-class Brier not above δ = 0's and its crisis MAE below the status quo's
   and the compromise model's;
3. the nested leave-one-case-out estimate: for each case the same rule chooses δ on the other
   cases (π of each of them leaving out both it and the held-out case), and the held-out case is
   forecast at that δ (π the other cases) — against δ = 0 and the base rate on the same cases;
4. per case, P(escalation) at each δ and, calibrated, at δ = 0 and at the odd half's choice.

Run: PYTHONPATH=src python scripts/crisis_several_challengers.py [--json]
"""

from __future__ import annotations

import sys

from _crisis_revision import main

GRID = (0.0, 1.0)

if __name__ == "__main__":
    main(sys.argv[1:], "several_challengers", "δ", GRID, neutral=0.0)
