"""Key assumptions and indicators to watch, derived from the inputs rather than written per case.

A *what-if sweep*: the report's discrete judgements (the likelihood term of P(escalation) in the
crisis model, whether a bilateral deal beats walking away at the record's trust, and which issues
the Nash deal moves) are recomputed by library calls while one input at a time moves across its
range: the most salient stance of each key actor (position, then salience), the challenger's
capability and the trust between the two sides. Where a judgement changes, the bracket is
narrowed by bisection and stated as an observable indicator ("if X's stated position on Y moves
past Z ..."). Inputs whose whole range leaves every judgement unchanged are reported as robust.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from detente.errors import InputError
from detente.report._crisis_section import CHEAP_DRAWS, RESOLVE_SD, replace_scenario
from detente.report._html import e, table
from detente.scenario import Scenario

__all__ = ["BISECT", "GRID", "Indicator", "Judge", "build_indicators", "indicator_text",
           "indicators_section", "judge", "sweep"]

#: Points tried across each input's range, then bisection steps toward the change.
GRID = 4
BISECT = 3

JUDGEMENT_NAMES = {
    "escalation": "the likelihood of escalation (crisis model)",
    "deal": "whether a deal beats walking away at the record's trust",
    "nash": "the issues the Nash deal moves from the status quo",
}


@dataclass(frozen=True)
class Judge:
    """What the judgements are computed from: the dyad, the record's trust pair, the crisis
    model's challenger and the settings."""

    a: str | None
    b: str | None
    pair: tuple[float, float] | None
    challenger: str | None
    counterpart: str | None
    crisis_trust: tuple[float, float] | None
    seed: int
    as_of: str | None
    grid: int


def shifted(pair: tuple[float, float], value: float) -> tuple[float, float]:
    """The trust pair with both credibilities moved together until the lower one is ``value``
    (each kept in [0, 1]): at ``value = min(pair)`` it is the record's pair itself."""
    d = value - min(pair)
    return (min(1.0, max(0.0, pair[0] + d)), min(1.0, max(0.0, pair[1] + d)))


def judge(sc: Scenario, j: Judge, *, crisis_trust: tuple[float, float] | None = None,
          bargain_trust: tuple[float, float] | None = None) -> dict[str, str]:
    """The report's discrete judgements on ``sc`` (``crisis_trust``, ``bargain_trust``: the trust
    pair in the crisis dyad or the bargaining dyad, replacing the record's)."""
    from detente.crisis import crisis_forecast
    from detente.report._case_report import likelihood_term

    out: dict[str, str] = {}
    if j.challenger is not None:
        r = crisis_forecast(sc, rng=j.seed, draws=CHEAP_DRAWS, resolve_sd=RESOLVE_SD,
                            channel="public",
                            trust="record" if crisis_trust is None else crisis_trust,
                            challenger=j.challenger, as_of=j.as_of)
        out["escalation"] = likelihood_term(float(r.episode["escalation"]))
    if j.a is not None and j.b is not None and j.pair is not None:
        from detente.bargaining import analyse, domain_from_scenario

        pair = j.pair if bargain_trust is None else bargain_trust
        dom = domain_from_scenario(sc, j.a, j.b, steps=j.grid)
        res = analyse(dom, pair, trust_source="record")
        out["deal"] = "a deal exists" if res.zopa_trust.exists else "no deal"
        nash = res.zopa_trust.best.get("nash")
        if nash is not None and dom.status_quo is not None:
            moved = [i.label for i, q in zip(dom.issues, dom.status_quo, strict=True)
                     if nash.options[i.id] != i.options[q]]
            out["nash"] = ", ".join(moved) or "none (the status quo)"
        else:
            out["nash"] = "no Nash deal"
    return out


@dataclass(frozen=True)
class Indicator:
    """One input swept: where (if anywhere) a judgement changes."""

    kind: str  # position | salience | capability | trust
    actor: str
    issue: str | None
    now: float
    lo: float
    hi: float
    same_at: float | None = None  # last value tried with the baseline judgements
    flips_at: float | None = None  # first value tried where one changes
    judgement: str | None = None
    before: str | None = None
    after: str | None = None
    confidence: str | None = None  # the stance's own confidence (positions, saliences)
    pair: tuple[float, float] | None = None  # trust: the record's pair, moved by `shifted`

    @property
    def distance(self) -> float:
        """How far the change lies, as a share of the input's range (inf: none in range)."""
        if self.flips_at is None:
            return float("inf")
        return abs(self.flips_at - self.now) / (self.hi - self.lo)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _first_change(base: dict[str, str], got: dict[str, str]) -> str | None:
    for k in base:
        if got.get(k) != base[k]:
            return k
    return None


def sweep(evaluate: Callable[[float], dict[str, str]], base: dict[str, str], now: float,
          lo: float, hi: float, *, grid: int = GRID, bisect: int = BISECT
          ) -> tuple[float | None, float | None, str | None, str | None]:
    """Move one input from ``now`` across ``[lo, hi]``: try ``grid`` evenly spaced values, take
    the change nearest to ``now`` and narrow its bracket by ``bisect`` halvings. Returns
    ``(same_at, flips_at, judgement, after)`` (``None``s when nothing changes). A value the
    models refuse (an :class:`InputError`, e.g. a salience of 0 leaves a party nothing to
    bargain over) gives no judgement: skipped on the grid, counted as unchanged in the
    bisection."""

    def at(p: float) -> dict[str, str] | None:
        try:
            return evaluate(p)
        except InputError:
            return None

    points = [lo + (hi - lo) * k / (grid - 1) for k in range(grid)]
    # the ends exactly (``x * k / k`` may miss ``hi`` by an ulp: a change at the end would be lost)
    points[0], points[-1] = lo, hi
    points = [p for p in points if abs(p - now) > 1e-9 * max(1.0, hi - lo)]
    tried = sorted(points, key=lambda p: (abs(p - now), p))
    for p in tried:
        got = at(p)
        if got is None:
            continue
        key = _first_change(base, got)
        if key is None:
            continue
        inside, outside, after = now, p, got[key]
        for _ in range(bisect):
            mid = (inside + outside) / 2
            g = at(mid)
            k2 = None if g is None else _first_change(base, g)
            if g is None or k2 is None:
                inside = mid
            else:
                outside, key, after = mid, k2, g[k2]
        return inside, outside, key, after
    return None, None, None, None


def _key_stances(sc: Scenario, actors: Sequence[str]) -> list[Any]:
    out = []
    for a in actors:
        mine = [s for s in sc.stances if s.actor == a]
        if mine:
            out.append(max(mine, key=lambda s: (s.salience, -sc.issue_ids.index(s.issue))))
    return out


def _with_stance(sc: Scenario, stance: Any, **update: Any) -> Scenario:
    return sc.with_stances([s.model_copy(update=update) if s is stance else s
                            for s in sc.stances])


def _with_capability(sc: Scenario, actor: str, value: float) -> Scenario:
    return replace_scenario(sc, actors=tuple(
        x.model_copy(update={"capability": value}) if x.id == actor else x for x in sc.actors))


def _indicator(kind: str, actor: str, issue: str | None, now: float, lo: float, hi: float,
               base: dict[str, str], evaluate: Callable[[float], dict[str, str]],
               confidence: str | None = None, pair: tuple[float, float] | None = None
               ) -> Indicator:
    same, flips, key, after = sweep(evaluate, base, now, lo, hi)
    return Indicator(kind, actor, issue, now, lo, hi, same, flips, key,
                     None if key is None else base[key], after, confidence, pair)


def build_indicators(sc: Scenario, j: Judge, actors: Sequence[str]
                     ) -> tuple[dict[str, str], list[Indicator]]:
    """The baseline judgements and one :class:`Indicator` per swept input (``actors``: whose
    most salient stance to sweep)."""
    base = judge(sc, j)
    if not base:
        return base, []
    out: list[Indicator] = []
    for st in _key_stances(sc, list(dict.fromkeys(actors))):
        iss = sc.issue(st.issue)

        def at_position(v: float, st: Any = st) -> dict[str, str]:
            return judge(_with_stance(sc, st, position=v), j)

        out.append(_indicator("position", st.actor, st.issue, st.position, iss.scale_min,
                              iss.scale_max, base, at_position, st.confidence))
    for st in _key_stances(sc, [x for x in (j.a, j.b) if x is not None]):
        def at_salience(v: float, st: Any = st) -> dict[str, str]:
            return judge(_with_stance(sc, st, salience=v), j)

        out.append(_indicator("salience", st.actor, st.issue, st.salience, 0.0, 100.0, base,
                              at_salience, st.confidence))
    if j.challenger is not None:
        ch = j.challenger
        cap = sc.actor(ch).capability
        top = max(max(x.capability for x in sc.actors), 2 * cap)

        def at_capability(v: float) -> dict[str, str]:
            return judge(_with_capability(sc, ch, v), j)

        out.append(_indicator("capability", ch, None, cap, 0.0, top, base, at_capability))
    # Trust: both credibilities of a dyad move together (their gap kept), so that the sweep
    # starts from the record's own pair and its judgements are the baseline's.
    bpair, cpair = j.pair, j.crisis_trust
    if bpair is not None and j.a is not None and j.b is not None:
        def at_bargain_trust(v: float, p: tuple[float, float] = bpair) -> dict[str, str]:
            return judge(sc, j, bargain_trust=shifted(p, v))

        out.append(_indicator("trust", f"{j.a} and {j.b}", None, min(bpair), 0.0, 1.0, base,
                              at_bargain_trust, pair=bpair))
    if cpair is not None and j.challenger is not None and j.counterpart is not None:
        def at_crisis_trust(v: float, p: tuple[float, float] = cpair) -> dict[str, str]:
            return judge(sc, j, crisis_trust=shifted(p, v))

        out.append(_indicator("trust", f"{j.challenger} and {j.counterpart}", None,
                              min(cpair), 0.0, 1.0, base, at_crisis_trust, pair=cpair))
    return base, out


def _fmt(x: float, kind: str) -> str:
    return f"{x:.2f}" if kind == "trust" else f"{x:.3g}"


def indicator_text(sc: Scenario, ind: Indicator) -> str:
    """The indicator as an observable statement."""
    if ind.flips_at is None or ind.judgement is None:
        return "nothing in range changes a judgement"
    up = ind.flips_at > ind.now
    past = _fmt((ind.flips_at + (ind.same_at if ind.same_at is not None else ind.now)) / 2,
                ind.kind)
    now = _fmt(ind.now, ind.kind)
    if ind.kind == "position":
        assert ind.issue is not None
        iss = sc.issue(ind.issue)
        toward = iss.high if up else iss.low
        what = (f"If {ind.actor}'s stated position on {iss.label} moves past {past} (now {now}"
                + (f"; toward “{toward}”)" if toward else ")"))
    elif ind.kind == "salience":
        assert ind.issue is not None
        what = (f"If {sc.issue(ind.issue).label} comes to matter {'more' if up else 'less'} "
                f"to {ind.actor} (salience past {past}, now {now}: watch the priority its "
                "leaders give it)")
    elif ind.kind == "capability":
        what = (f"If {ind.actor}'s capability were past {past} (now {now}; military spending, "
                "GDP, warheads, personnel — or a shift in the balance on the ground)")
    else:
        what = (f"If trust between {ind.actor} moves past {past} (the lower of the record's "
                f"two credibilities, now {now}, both moving together; watch agreements "
                f"{'kept' if up else 'broken'})")
    return (f"{what}: {JUDGEMENT_NAMES[ind.judgement]} changes from “{ind.before}” to "
            f"“{ind.after}”.")


def indicators_section(sc: Scenario, base: dict[str, str], inds: Sequence[Indicator]) -> str:
    """The section's HTML body: judgements swept, indicators (nearest change first), then the
    assumptions that no change in range disturbs."""
    order = sorted(inds, key=lambda i: (i.distance, i.kind, i.actor, i.issue or ""))
    judged = "".join(f"<li>{e(JUDGEMENT_NAMES[k])}: <b>{e(v)}</b></li>" for k, v in base.items())
    rows = []
    for ind in order:
        name = "" if ind.issue is None else sc.issue(ind.issue).label
        label = {"position": f"{ind.actor}'s position on {name}",
                 "salience": f"salience of {name} to {ind.actor}",
                 "capability": f"{ind.actor}'s capability",
                 "trust": f"trust between {ind.actor}"}[ind.kind]
        rows.append([
            label, _fmt(ind.now, ind.kind), f"{_fmt(ind.lo, ind.kind)}–{_fmt(ind.hi, ind.kind)}",
            ind.confidence or "—",
            "—" if ind.flips_at is None else
            f"{_fmt(ind.same_at if ind.same_at is not None else ind.now, ind.kind)} → "
            f"{_fmt(ind.flips_at, ind.kind)}",
            "—" if ind.flips_at is None else f"{ind.distance:.0%}",
        ])
    watch = [indicator_text(sc, i) for i in order if i.flips_at is not None]
    robust = [r[0] for r, i in zip(rows, order, strict=True) if i.flips_at is None]
    return (
        "<p>Derived from the inputs, not written for the case: each judgement below is "
        "recomputed while one input at a time moves across its range — the most salient stance "
        "of each key actor (its position, and for the two sides its salience), the challenger's "
        "capability, and the trust within the bargaining and the crisis dyads — "
        f"{GRID} values across the range, then {BISECT} bisection steps toward the nearest "
        f"change (crisis runs with {CHEAP_DRAWS} draws, same seed). The assumptions whose change "
        "lies nearest are the ones to watch.</p>"
        f"<h3>Judgements swept</h3><ul>{judged}</ul>"
        "<h3>Indicators to watch (nearest change first)</h3>"
        + ("<ol>" + "".join(f"<li>{e(w)}</li>" for w in watch) + "</ol>" if watch else
           "<p>No input in range changes a judgement.</p>")
        + "<h3>Key assumptions</h3>"
        + table(["input (assumed value)", "now", "range tried", "stance confidence",
                 "change between", "distance (share of range)"], rows)
        + (f"<p>Robust: {e('; '.join(robust))} — no value in range changes a judgement.</p>"
           if robust else "")
    )
