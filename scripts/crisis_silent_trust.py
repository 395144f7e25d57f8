"""Design revision 10 of docs/crisis.md (round ``crisis11``): ``silent_trust`` κ₀, the trust each
way in a dyad the record has no events for (1 before the revision).

Prints, seed 0, calibrated at the default ε (revision 9; π as the model computes it):

1. the grid κ₀ ∈ {1, 0.9, …, 0.5} on the odd half, the even half and all cases — crisis MAE
   (pooled issues), Brier of P(escalation), multi-class Brier, calibrated and structural — with
   the status quo's and the compromise model's MAE and the base rate on the same cases (what
   ``detente evaluate cases --subset odd|even -m crisis -o silent_trust=κ₀`` prints);
2. the rule of the round on the odd half: a value is kept if its Brier of P(escalation) is
   below κ₀ = 1's, its multi-class Brier not above κ₀ = 1's and its crisis MAE below the status
   quo's and the compromise model's; among kept values the lowest Brier of P(escalation), ties
   within 0.001 to the larger κ₀; none kept: 1;
3. the nested leave-one-case-out estimate: for each case the same rule chooses κ₀ on the other
   cases (π of each of them leaving out both it and the held-out case), and the held-out case is
   forecast at that κ₀ (π the other cases) — against κ₀ = 1 and the base rate on the same cases;
4. per case, P(escalation) at κ₀ = 1 and at the odd half's choice.

Run: PYTHONPATH=src python scripts/crisis_silent_trust.py [--json] [--grid 1,0.5]
"""

from __future__ import annotations

import sys

from _crisis_revision import main

GRID = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)

if __name__ == "__main__":
    main(sys.argv[1:], "silent_trust", "κ₀", GRID, neutral=1.0)
