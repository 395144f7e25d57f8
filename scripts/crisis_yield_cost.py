"""Design revision 12 of docs/crisis.md (round ``crisis13``): ``yield_cost`` ρ, the cost to the
challenger's counterpart of yielding to its threat — each actor of B's side pays ρ times what a
deal concedes on the issues the threat imposes, measured from the standoff (0 before the
revision).

Prints, seed 0, calibrated at the default ε (revision 9; π as the model computes it):

1. the grid ρ ∈ {0, 0.5, 1, 1.5, 2} on the odd half, the even half and all cases — crisis MAE
   (pooled issues), Brier of P(escalation), multi-class Brier, calibrated and structural — with
   the status quo's and the compromise model's MAE and the base rate on the same cases (what
   ``detente evaluate cases --subset odd|even -m crisis -o yield_cost=ρ`` prints);
2. the rule of the round on the odd half: a value is kept if its Brier of P(escalation) is
   below ρ = 0's, its multi-class Brier not above ρ = 0's and its crisis MAE below the status
   quo's and the compromise model's; among kept values the lowest Brier of P(escalation), ties
   within 0.001 to the smaller ρ; none kept: 0;
3. the nested leave-one-case-out estimate: for each case the same rule chooses ρ on the other
   cases (π of each of them leaving out both it and the held-out case), and the held-out case is
   forecast at that ρ (π the other cases) — against ρ = 0 and the base rate on the same cases;
4. per case, P(escalation) at each ρ and, calibrated, at ρ = 0 and at the odd half's choice.

Run: PYTHONPATH=src python scripts/crisis_yield_cost.py [--json] [--grid 0,1]
"""

from __future__ import annotations

import sys

from _crisis_revision import main

GRID = (0.0, 0.5, 1.0, 1.5, 2.0)

if __name__ == "__main__":
    main(sys.argv[1:], "yield_cost", "ρ", GRID, neutral=0.0)
