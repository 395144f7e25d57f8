"""The crisis model in words: what closes the zone of agreement and what would reopen it.

Each statement is computed, not templated: counterfactual runs of the crisis layer at the
believed values without red lines, without audience costs, at full trust and without the outside
option, and thresholds found by bisection (the challenger's cost of conflict, the trust needed).
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np

from detente.crisis._model import CrisisAnalysis, analyse

__all__ = ["escalation_source", "explain", "reopening"]


def _on(s: Any, k: int, u: float) -> float:
    return round(float(s.scale_min[k] + u * (s.scale_max[k] - s.scale_min[k])), 2)


def _rerun(an: CrisisAnalysis, **changes: Any) -> CrisisAnalysis:
    s = dataclasses.replace(an.setup, **{k: v for k, v in changes.items() if k != "trust"})
    d = an.dyad
    assert d is not None
    trust = changes.get("trust", (d.kappa_a, d.kappa_b))
    return analyse(_SCENARIO_STUB, trust=trust, setup_override=s,
                   challenger=s.actor_ids[d.a] if s.options else "",
                   counterpart=s.actor_ids[d.counterpart],
                   audience_cost_scale=an.extra.get("audience_cost_scale", 1.0),
                   broken_promise=an.extra.get("broken_promise", "standoff"),
                   power_shift=an.extra.get("power_shift", 0.0),
                   yield_cost=an.extra.get("yield_cost", 0.0),
                   target_consent=an.extra.get("target_consent", 0.0),
                   several_challengers=an.extra.get("several_challengers", 0.0),
                   appeasement=an.extra.get("appeasement", 0.0))


class _Stub:
    """Stands in for the scenario in counterfactual runs (only its date is read)."""

    date = ""
    as_of = None


_SCENARIO_STUB: Any = _Stub()


def _scale_option_cost(an: CrisisAnalysis, cost: float) -> Any:
    d = an.dyad
    assert d is not None
    chosen = d.options[an.option]
    opts = tuple(dataclasses.replace(o, cost=cost) if o is chosen else o
                 for o in an.setup.options)
    return opts


def reopening(an: CrisisAnalysis) -> dict[str, Any]:
    """Thresholds that would open a zone of agreement (None when none in range)."""
    out: dict[str, Any] = {}
    d = an.dyad
    if d is None or an.zone_exists:
        return out
    o = d.options[an.option]

    def opens(alt: CrisisAnalysis) -> bool:
        """A zone with a deal that concedes something (a zone holding only the standoff is a
        standoff: nothing would be agreed)."""
        if not alt.zone_exists or alt.proposal is None or alt.dyad is None:
            return False
        on = np.flatnonzero(alt.dyad.issues)
        return not np.allclose(alt.proposal[on], alt.dyad.standoff[on], atol=1e-9)

    def deal_at_cost(c: float) -> bool:
        return opens(_rerun(an, options=_scale_option_cost(an, c)))

    # a higher cost of conflict lowers the challenger's reservation value, until the threat
    # stops being credible: then only deals both prefer to the standoff remain, which may be
    # none. So the costs that open a deal form a window, not a half-line: scan, then bisect
    # both ends
    grid = np.linspace(o.cost, 1.0, 41)[1:]
    hits = [bool(deal_at_cost(float(c))) for c in grid]
    if any(hits):
        first = hits.index(True)
        lo, hi = (o.cost if first == 0 else float(grid[first - 1])), float(grid[first])
        for _ in range(30):
            mid = (lo + hi) / 2
            lo, hi = (lo, mid) if deal_at_cost(mid) else (mid, hi)
        out["challenger_cost"] = hi
        last = len(hits) - 1 - hits[::-1].index(True)
        if last < len(hits) - 1:
            lo, hi = float(grid[last]), float(grid[last + 1])
            for _ in range(30):
                mid = (lo + hi) / 2
                lo, hi = (mid, hi) if deal_at_cost(mid) else (lo, mid)
            out["challenger_cost_max"] = lo
    if min(d.kappa_a, d.kappa_b) < 1.0 and _rerun(an, trust=1.0).zone_exists:
        lo, hi = min(d.kappa_a, d.kappa_b), 1.0
        for _ in range(30):
            mid = (lo + hi) / 2
            lo, hi = (lo, mid) if _rerun(an, trust=mid).zone_exists else (mid, hi)
        out["trust"] = hi
    # single inputs whose removal alone opens the zone to a deal that concedes something (a
    # zone holding only the standoff is a standoff): one actor's red line on one issue, one
    # actor's public commitment on one issue (each a `--set` away: ACTOR.ISSUE.red_line /
    # ACTOR.ISSUE.commitment)
    s = an.setup
    lines_: list[tuple[str, str]] = []
    for name in ("rl_lo", "rl_hi"):
        bound = getattr(s, name)
        for i, k in zip(*np.nonzero(np.isfinite(bound)), strict=True):
            free = bound.copy()
            free[i, k] = -np.inf if name == "rl_lo" else np.inf
            if opens(_rerun(an, **{name: free})):
                lines_.append((s.actor_ids[i], s.issue_ids[k]))
    if lines_:
        out["red_lines"] = lines_
    commits: list[tuple[str, str]] = []
    for i, k in zip(*np.nonzero(s.commitment > 0), strict=True):
        c = s.commitment.copy()
        c[i, k] = 0.0
        if opens(_rerun(an, commitment=c)):
            commits.append((s.actor_ids[i], s.issue_ids[k]))
    if commits:
        out["commitments"] = commits
    return out


def escalation_source(res: Any) -> str | None:
    """Where P(escalation) comes from when the explanation has just said that the challenger's
    threat is not credible (at the believed values): the private costs and odds of the draws.
    None when the threat is credible or nothing escalates. ``res``: a ``CrisisResult``."""
    an = res.analysis
    d = an.dyad
    p = float((res.episode_model or res.episode).get("escalation", 0.0))
    if d is None or an.credible or p <= 0 or res.others:  # others: their escalations count too
        return None
    a = an.setup.actor_ids[d.a]
    return (f"Escalation all the same in {p:.0%} of the draws (the model's P(escalation), "
            f"before calibration): the threat is not credible at the believed costs and odds, "
            f"but each side knows the other's only up to a factor (private information, Fearon "
            f"1995); in those draws {a}'s cost of conflict was lower, or its odds better, than "
            f"believed, its threat was credible and its demand was refused.")


def explain(an: CrisisAnalysis) -> list[str]:
    """Plain-language account of the crisis layer (see the module docstring)."""
    s = an.setup
    lines: list[str] = []
    names = s.actor_ids
    blo, bhi = s.box
    blocked = [k for k in range(s.n_issues) if blo[k] > bhi[k] + 1e-12]
    for k in blocked:
        who_lo = [names[i] for i in range(s.n_actors) if s.rl_lo[i, k] > bhi[k] + 1e-12]
        who_hi = [names[i] for i in range(s.n_actors) if s.rl_hi[i, k] < blo[k] - 1e-12]
        lines.append(
            f"Red lines leave no deal on '{s.issue_label(k)}': "
            f"{', '.join(who_hi) or '?'} will not accept above {_on(s, k, bhi[k]):g}, "
            f"{', '.join(who_lo) or '?'} not below {_on(s, k, blo[k]):g}.")
    for pkg in s.packages:
        shut = [s.issue_label(k) for k in pkg if k in blocked]
        if shut:
            rest = [s.issue_label(k) for k in pkg if k not in blocked]
            if rest:
                lines.append(
                    f"The package [{', '.join(s.issue_label(k) for k in pkg)}] is agreed all "
                    f"together or not at all, so no deal settles {', '.join(rest)} either.")
    d = an.dyad
    if d is None:
        lines.insert(0, "No actor has an outside option: the collective layer decides (each "
                        "issue by the consent it needs, status quo as disagreement point, red "
                        "lines as vetoes); P(escalation) = 0.")
        return lines
    a = names[d.a]
    o = d.options[an.option]
    p_how = ("given" if o.p_given else
             f"from capabilities {s.capability[d.a]:g} vs "
             f"{sum(s.capability[t] for t in o.targets):g} "
             f"({', '.join(names[t] for t in o.targets)})")
    lines.insert(0, f"Challenger {a}: outside option '{o.action or 'act alone'}' "
                    f"(prevails with p = {o.p:.2f}, {p_how}; cost {o.cost:g} of its stake, "
                    f"{o.target_cost:g} to each target). {an.trust_note}.")
    for k in np.flatnonzero(d.issues).tolist():
        if s.status_quo[k] > s.rl_hi[d.a, k] + 1e-12 or s.status_quo[k] < s.rl_lo[d.a, k] - 1e-12:
            lines.append(f"The status quo on '{s.issue_label(k)}' ({_on(s, k, s.status_quo[k]):g}) "
                         f"crosses {a}'s red line.")
    ev_a, u_a = an.ev[d.a], an.u_standoff[d.a]
    if an.credible:
        lines.append(f"The outside option is worth {ev_a:.3f} to {a} against {u_a:.3f} for the "
                     f"standoff: the threat is credible, so {a} needs a deal worth at least "
                     f"{an.r_a:.3f}.")
    else:
        lines.append(f"The outside option is worth {ev_a:.3f} to {a}, less than the standoff "
                     f"({u_a:.3f}): the threat is not credible; only deals both sides prefer to "
                     "the standoff can be agreed.")
    if an.zone_exists:
        assert an.proposal is not None
        deal = ", ".join(f"{s.issue_label(k)} at {_on(s, k, an.proposal[k]):g}"
                         for k in np.flatnonzero(d.issues).tolist())
        on = np.flatnonzero(d.issues)
        if np.allclose(an.proposal[on], d.standoff[on], atol=1e-9):
            lines.append(f"The only deal inside the zone ({int(an.zone.sum())} of "
                         f"{an.zone.size} candidate deals) leaves every issue where the standoff "
                         f"does ({deal}): nothing is conceded, so the episode is a standoff.")
        else:
            lines.append(f"A zone of agreement exists ({int(an.zone.sum())} of "
                         f"{an.zone.size} candidate deals); the expected deal: {deal}.")
        return lines
    if an.candidates.shape[0] == 0:
        lines.append("No deal is possible at all: conflicting red lines close the zone.")
    else:
        ok_b = an.value_b >= an.r_b - 1e-12
        best_a = float(an.value[d.a][ok_b].max()) if ok_b.any() else None
        if best_a is None:
            lines.append("No deal within the red lines is acceptable to the others.")
        else:
            lines.append(f"The best deal the others accept is worth {best_a:.3f} to {a}, below "
                         f"its reservation value {an.r_a:.3f}: there is no zone of agreement.")
    causes = []
    if np.isfinite(s.rl_lo).any() or np.isfinite(s.rl_hi).any():
        if _rerun(an, rl_lo=np.full_like(s.rl_lo, -np.inf),
                  rl_hi=np.full_like(s.rl_hi, np.inf)).zone_exists:
            causes.append("the red lines (without them a deal exists)")
    if (s.commitment > 0).any():
        if _rerun(an, commitment=np.zeros_like(s.commitment)).zone_exists:
            causes.append("audience costs of public commitments (without them a deal exists)")
    if min(d.kappa_a, d.kappa_b) < 1 and _rerun(an, trust=1.0).zone_exists:
        causes.append(f"missing trust (κ = {min(d.kappa_a, d.kappa_b):.2f}; with full trust "
                      "a deal exists)")
    if an.credible:
        causes.append(f"{a}'s outside option, which beats every deal the others would accept")
    if causes:
        lines.append("What closes the zone: " + "; ".join(causes) + ".")
    re = reopening(an)
    fixes = []
    if "challenger_cost" in re:
        # rounded inward, so that the printed figures themselves open the zone
        c_lo = math.ceil(re["challenger_cost"] * 100 - 1e-9) / 100
        if "challenger_cost_max" in re:
            c_hi = math.floor(re["challenger_cost_max"] * 100 + 1e-9) / 100
            fixes.append(f"{a}'s cost of conflict between {c_lo:.2f} and {c_hi:.2f} (now "
                         f"{o.cost:g}; above that its threat is no longer credible and only "
                         "the standoff remains)")
        else:
            fixes.append(f"{a}'s cost of conflict at or above {c_lo:.2f} (now {o.cost:g})")
    if "trust" in re:
        fixes.append(f"trust of at least {math.ceil(re['trust'] * 100 - 1e-9) / 100:.2f}")
    for k in blocked:
        fixes.append(f"a red line on '{s.issue_label(k)}' moved or dropped")
    closed_ids = {s.issue_ids[k] for k in blocked}
    label = dict(zip(s.issue_ids, (s.issue_label(k) for k in range(s.n_issues)), strict=True))
    for who, iss in re.get("red_lines", ()):
        if iss not in closed_ids:
            fixes.append(f"{who}'s red line on '{label[iss]}' moved or dropped")
    for who, iss in re.get("commitments", ()):
        fixes.append(f"{who}'s public commitment on '{label[iss]}' withdrawn (no audience cost)")
    if fixes:
        lines.append("What would reopen it: " + "; or ".join(fixes) + ".")
    elif an.credible:
        lines.append(f"Nothing in range reopens it: even at full cost of conflict {a} prefers "
                     "its outside option or the red lines leave no deal.")
    return lines
