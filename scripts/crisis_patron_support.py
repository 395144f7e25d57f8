"""Design revision 11 of docs/crisis.md (round ``crisis12``): ``patron_support`` α, the share of
its patrons' capability (third parties nearer the targets than the challenger on the issues the
threat imposes) the targets' side counts on when it reads the war (0 before the revision).

Prints, seed 0, calibrated at the default ε (revision 9; π as the model computes it):

1. the grid α ∈ {0, 0.25, 0.5, 0.75, 1} on the odd half, the even half and all cases — crisis
   MAE (pooled issues), Brier of P(escalation), multi-class Brier, calibrated and structural —
   with the status quo's and the compromise model's MAE and the base rate on the same cases
   (what ``detente evaluate cases --subset odd|even -m crisis -o patron_support=α`` prints);
2. the rule of the round on the odd half: a value is kept if its Brier of P(escalation) is
   below α = 0's, its multi-class Brier not above α = 0's and its crisis MAE below the status
   quo's and the compromise model's; among kept values the lowest Brier of P(escalation), ties
   within 0.001 to the smaller α; none kept: 0;
3. the nested leave-one-case-out estimate: for each case the same rule chooses α on the other
   cases (π of each of them leaving out both it and the held-out case), and the held-out case is
   forecast at that α (π the other cases) — against α = 0 and the base rate on the same cases;
4. per case, P(escalation) at α = 0 and at the odd half's choice.

Run: PYTHONPATH=src python scripts/crisis_patron_support.py [--json] [--grid 0,1]
"""

from __future__ import annotations

import sys

from _crisis_revision import main

GRID = (0.0, 0.25, 0.5, 0.75, 1.0)

if __name__ == "__main__":
    main(sys.argv[1:], "patron_support", "α", GRID, neutral=0.0)
