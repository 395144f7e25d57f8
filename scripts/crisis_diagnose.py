"""Per case: the crisis model's episode probabilities, the outcome, and the structural quantities
behind them (each outside option's value p·V − c against the standoff, the zone, trust, the
private-cost spread). Run: python scripts/crisis_diagnose.py [case ...] [option=value ...]
(model options, e.g. ``standoff_info=private``, ``broken_promise=crisis``,
``power_info=private``, ``input_sd=0.5``, ``silent_trust=0.5``, ``patron_support=0.75``,
``yield_cost=1``, ``target_consent=1``, ``several_challengers=1`` or ``appeasement=1``: design
revisions 4, 5, 7, 8, 10, 11, 12, 13, 14 and 15 of docs/crisis.md; the per-challenger analysis
takes them too)."""

from __future__ import annotations

import sys
from typing import Any

import numpy as np

from detente.cases import list_cases, load_case
from detente.crisis._model import analyse, crisis_forecast

_ANALYSE = {"channel", "trust", "power", "contest_exponent", "broken_promise", "power_shift",
            "silent_trust", "yield_cost", "target_consent", "several_challengers",
            "appeasement"}


def _value(v: str) -> Any:
    try:
        return float(v)
    except ValueError:
        return v


def main(args: list[str]) -> None:
    opts = {k: _value(v) for k, v in (a.split("=", 1) for a in args if "=" in a)}
    names = [a for a in args if "=" not in a]
    an_opts = {k: v for k, v in opts.items() if k in _ANALYSE}
    for n in names or list_cases():
        sc = load_case(n)
        res = crisis_forecast(sc, rng=0, **opts)
        an = res.analysis
        s = an.setup
        ep = res.episode
        print(f"\n== {n}  outcome={sc.outcome.kind if sc.outcome else None}  "
              f"P(agr/none/esc)={ep['agreement']:.2f}/{ep['no_agreement']:.2f}/"
              f"{ep['escalation']:.2f}  others={res.others}")
        for h in sorted({o.holder for o in s.options}):
            a2 = analyse(sc, challenger=s.actor_ids[h], **an_opts)
            d = a2.dyad
            assert d is not None
            o = d.options[a2.option]
            one = crisis_forecast(sc, rng=0, challenger=s.actor_ids[h], **opts)
            print(f"     P(esc | this challenger)={one.episode['escalation']:.2f} "
                  f"zone share={a2.zone.mean():.2f} (deals both sides accept at believed values)")
            print(f"  challenger {s.actor_ids[h]}: p={o.p:.2f} cost={o.cost} tcost="
                  f"{o.target_cost} EV_A={a2.ev[h]:+.3f} U_A(standoff)={a2.u_standoff[h]:+.3f}"
                  f" margin={a2.ev[h]-a2.u_standoff[h]:+.3f} credible={a2.credible} "
                  f"zone={int(a2.zone.sum())}/{a2.zone.size} kappa={d.kappa_a:.2f}/"
                  f"{d.kappa_b:.2f} rB={a2.r_b:+.3f}")
            if a2.proposal is not None:
                k = a2.extra["proposal_index"]
                print(f"     proposal V_A={a2.value[h, k]:+.3f} V_B={a2.value_b[k]:+.3f} "
                      f"maxV_A={a2.value[h].max():+.3f} maxV_B={a2.value_b.max():+.3f}")
            print(f"     imposes={o.imposes} win={np.round(d.win[a2.option], 2)} "
                  f"sq={np.round(s.status_quo, 2)} ideal_A={np.round(s.ideal[h], 2)} "
                  f"w_A={np.round(s.weight[h], 2)}")


if __name__ == "__main__":
    main(sys.argv[1:])
