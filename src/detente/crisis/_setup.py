"""The crisis model's numeric form of a scenario: ideal points, stakes, red-line boxes, who
decides each issue, linkage and outside options, all on the unit scale.

Utilities are linear losses over issues (Bueno de Mesquita 1981; Achen 2006 for the salience
weights): ``U_i(x) = -Σ_k w_ik |x_k - y_ik|`` with ``w_ik = s_ik / Σ_k s_ik``, so that an
actor's whole stake in the scenario is 1 and costs of conflict (``cost``, ``target_cost``:
fractions of the whole stake, Fearon 1995's ``c``) are in the same unit. The audience cost of
signing a deal ``x`` is ``AC_i(x) = λ Σ_k m_ik w_ik |x_k - P_ik|`` (commitment ``m`` times the
distance from the *public* position ``P``; Fearon 1994, Tomz 2007), incurred only by signing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from detente.errors import InputError
from detente.scenario import Joint, Scenario, Unilateral

__all__ = ["Channel", "CrisisSetup", "OptionSetup", "contest_probability", "setup"]

Channel = Literal["public", "private"]


def contest_probability(c_a: float, c_b: float, exponent: float = 1.0) -> float:
    """Probability that A prevails: ``c_a^γ / (c_a^γ + c_b^γ)`` (the capability-ratio contest of
    Bueno de Mesquita 1981, a Tullock contest with γ = 1); 0.5 when both are zero."""
    a, b = max(c_a, 0.0) ** exponent, max(c_b, 0.0) ** exponent
    return 0.5 if a + b <= 0 else a / (a + b)


@dataclass(frozen=True, eq=False)
class OptionSetup:
    """One outside option on the unit scale (see :class:`detente.scenario.OutsideOption`)."""

    index: int
    holder: int
    targets: tuple[int, ...]
    action: str
    p: float
    p_given: bool
    cost: float
    target_cost: float
    imposes: dict[int, float]


@dataclass(frozen=True, eq=False)
class CrisisSetup:
    """Arrays ``(n_actors, n_issues)`` unless said otherwise, positions on [0, 1]."""

    actor_ids: tuple[str, ...]
    issue_ids: tuple[str, ...]
    ideal: np.ndarray  # the channel's positions (NaN where no stance)
    public: np.ndarray  # public positions (audience costs are measured from them)
    weight: np.ndarray  # stake weights, each actor's row sums to 1 (0 where no stance)
    salience: np.ndarray  # salience on [0, 1] (the channel's)
    commitment: np.ndarray
    present: np.ndarray
    capability: np.ndarray  # (n_actors,)
    issue_capability: np.ndarray  # (n_actors, n_issues): stance capability where given
    status_quo: np.ndarray  # (n_issues,), NaN where unknown
    rl_lo: np.ndarray  # each actor's red-line bounds (−inf/+inf where none)
    rl_hi: np.ndarray
    kind: tuple[str, ...]  # per issue: collective | unilateral | joint
    decider: tuple[int, ...]  # per issue: the unilateral decider (−1 otherwise)
    joint: tuple[tuple[int, ...], ...]  # per issue: the joint parties (() otherwise)
    packages: tuple[tuple[int, ...], ...]
    conditional: dict[int, str]  # issue index -> branch it applies under
    options: tuple[OptionSetup, ...]
    scale_min: np.ndarray
    scale_max: np.ndarray
    notes: tuple[str, ...] = field(default=())
    issue_names: tuple[str, ...] = field(default=())  # what the text calls each issue

    def issue_label(self, k: int) -> str:
        """Issue ``k`` as the text names it: its name, else its id."""
        return self.issue_names[k] if k < len(self.issue_names) else self.issue_ids[k]

    @property
    def n_actors(self) -> int:
        return len(self.actor_ids)

    @property
    def n_issues(self) -> int:
        return len(self.issue_ids)

    @property
    def box(self) -> tuple[np.ndarray, np.ndarray]:
        """The deals every red line allows, per issue: ``[lo, hi]`` (empty when lo > hi)."""
        return self.rl_lo.max(axis=0), self.rl_hi.min(axis=0)

    def to_scale(self, unit: np.ndarray) -> np.ndarray:
        return self.scale_min + np.asarray(unit) * (self.scale_max - self.scale_min)

    def utility(self, x: np.ndarray) -> np.ndarray:
        """``U_i(x)`` for outcome vectors ``x`` (..., n_issues) -> (n_actors, ...)."""
        y = np.nan_to_num(self.ideal)
        d = np.abs(np.asarray(x)[None, ...] - y.reshape(self.n_actors, *([1] * (np.ndim(x) - 1)),
                                                      self.n_issues))
        w = self.weight.reshape(self.n_actors, *([1] * (np.ndim(x) - 1)), self.n_issues)
        out: np.ndarray = -(w * d).sum(axis=-1)
        return out

    @property
    def holders(self) -> np.ndarray:
        """(n_actors,) bool: actors that hold an outside option (their demands carry a threat)."""
        h = np.zeros(self.n_actors, dtype=bool)
        for o in self.options:
            h[o.holder] = True
        return h

    def audience_cost(self, x: np.ndarray, scale: float = 1.0, *, deal: bool = True
                      ) -> np.ndarray:
        """Audience cost of an outcome that is not escalation -> (n_actors, ...).

        Signing a deal ``x`` costs every actor ``λ Σ_k m_ik w_ik max(0, |x_k - P_ik| - |q_k -
        P_ik|)``: conceding, i.e. leaving an issue farther from its public position ``P`` than
        the status quo ``q`` (Putnam 1988's ratification; Fearon 1994). An actor that holds an
        outside option made its demands under threat: any outcome short of them that it accepts
        without carrying out the threat, deal or standoff (``deal=False``), costs it
        ``λ Σ_k m_ik w_ik |x_k - P_ik|`` (backing down from a threat: Fearon 1994; Tomz 2007).
        """
        p = np.nan_to_num(self.public)
        shape = (self.n_actors, *([1] * (np.ndim(x) - 1)), self.n_issues)
        d = np.abs(np.asarray(x)[None, ...] - p.reshape(shape))
        d0 = np.abs(self.status_quo[None, :] - p).reshape(shape)
        mw = (self.commitment * self.weight).reshape(shape)
        concede = np.maximum(d - d0, 0.0) if deal else np.zeros_like(d)
        h = self.holders.reshape((self.n_actors, *([1] * (np.ndim(x)))))
        out: np.ndarray = scale * (mw * np.where(h, d, concede)).sum(axis=-1)
        return out

    def respects(self, x: np.ndarray, actor: int | None = None) -> np.ndarray:
        """Whether deals ``x`` (..., n_issues) cross no red line (of ``actor``, or of anyone):
        each issue lies inside the red lines, or is left at the status quo (a deal that does not
        settle an issue crosses nothing)."""
        x = np.asarray(x)
        if actor is None:
            lo, hi = self.box
        else:
            lo, hi = self.rl_lo[actor], self.rl_hi[actor]
        eps = 1e-9
        inside = (x >= lo - eps) & (x <= hi + eps)
        ok: np.ndarray = np.asarray((inside | (np.abs(x - self.status_quo) <= eps)).all(axis=-1))
        return ok


def setup(scenario: Scenario, channel: Channel = "public", contest_exponent: float = 1.0
          ) -> CrisisSetup:
    """Compile ``scenario``'s crisis inputs, positions and saliences from ``channel``."""
    if channel not in ("public", "private"):
        raise InputError(f"channel must be 'public' or 'private', got {channel!r}")
    c = scenario.compile()
    a_index = {a: k for k, a in enumerate(c.actor_ids)}
    i_index = {i: k for k, i in enumerate(c.issue_ids)}
    n_a, n_i = c.n_actors, c.n_issues
    lo, hi = c.scale_min, c.scale_max
    public = c.position.copy()
    ideal = c.position.copy()
    sal = c.salience.copy()
    commitment = np.zeros((n_a, n_i))
    rl_lo = np.full((n_a, n_i), -np.inf)
    rl_hi = np.full((n_a, n_i), np.inf)
    for s in scenario.stances:
        a, i = a_index[s.actor], i_index[s.issue]
        span = hi[i] - lo[i]
        commitment[a, i] = s.commitment
        if channel == "private" and s.private is not None:
            if s.private.position is not None:
                ideal[a, i] = (s.private.position - lo[i]) / span
            if s.private.salience is not None:
                sal[a, i] = s.private.salience / 100.0
        if s.red_line is not None:
            v = (s.red_line.value - lo[i]) / span
            if s.red_line.side == "above":
                rl_hi[a, i] = v
            else:
                rl_lo[a, i] = v
    present = c.present
    total = np.where(present, sal, 0.0).sum(axis=1, keepdims=True)
    weight = np.where(present & (total > 0), sal / np.where(total > 0, total, 1.0), 0.0)
    notes: list[str] = []
    sq = c.status_quo.copy()
    for k, iss in enumerate(c.issue_ids):
        if np.isnan(sq[k]):
            w = np.where(present[:, k], c.capability[:, k] * sal[:, k], 0.0)
            sq[k] = (float((np.nan_to_num(public[:, k]) * w).sum() / w.sum())
                     if w.sum() > 0 else 0.5)
            notes.append(f"issue '{iss}' has no status quo: the crisis model uses the "
                         "capability × salience weighted mean of the public positions instead")
    kind: list[str] = []
    decider: list[int] = []
    joint: list[tuple[int, ...]] = []
    for issue in scenario.issues:
        d = issue.decision
        if isinstance(d, Unilateral):
            kind.append("unilateral")
            decider.append(a_index[d.unilateral])
            joint.append(())
        elif isinstance(d, Joint):
            kind.append("joint")
            decider.append(-1)
            joint.append(tuple(a_index[x] for x in d.joint))
        else:
            kind.append("collective")
            decider.append(-1)
            joint.append(())
    for k, iss in enumerate(c.issue_ids):  # who decides, with no position to decide by
        if kind[k] == "unilateral" and not present[decider[k], k]:
            notes.append(f"issue '{iss}' is decided by {c.actor_ids[decider[k]]} alone, but "
                         f"{c.actor_ids[decider[k]]} holds no position on it: it stays at its "
                         "status quo unless an outside option imposes it")
        for j in joint[k]:
            if not present[j, k]:
                notes.append(f"issue '{iss}' needs {c.actor_ids[j]}'s consent (joint), but "
                             f"{c.actor_ids[j]} holds no position on it: its consent is not "
                             "weighed")
    for holder in dict.fromkeys(o.actor for o in scenario.outside_options):
        if not present[a_index[holder]].any():
            notes.append(f"{holder} has an outside option but holds no position on any issue: "
                         "it values no outcome, so its threat is never credible")
    packages = tuple(tuple(i_index[x] for x in lk.package) for lk in scenario.linkage
                     if lk.package is not None)
    conditional = {i_index[lk.conditional]: str(lk.on) for lk in scenario.linkage
                   if lk.conditional is not None}
    caps = np.array([a.capability for a in scenario.actors], dtype=float)
    options = []
    for k, o in enumerate(scenario.outside_options):
        h = a_index[o.actor]
        targets = (tuple(a_index[t] for t in o.target) if o.target
                   else tuple(j for j in range(n_a) if j != h))
        p_given = o.p_prevail is not None
        p = (float(o.p_prevail) if o.p_prevail is not None
             else contest_probability(caps[h], float(caps[list(targets)].sum()),
                                      contest_exponent))
        imposes = {i_index[i]: (v - lo[i_index[i]]) / (hi[i_index[i]] - lo[i_index[i]])
                   for i, v in o.imposes.items()}
        options.append(OptionSetup(k, h, targets, o.action, p, p_given, o.cost,
                                   o.target_cost, imposes))
    return CrisisSetup(
        actor_ids=c.actor_ids, issue_ids=c.issue_ids,
        issue_names=tuple(i.label for i in scenario.issues), ideal=ideal, public=public,
        weight=weight, salience=sal, commitment=commitment, present=present, capability=caps,
        issue_capability=c.capability,
        status_quo=sq, rl_lo=rl_lo, rl_hi=rl_hi, kind=tuple(kind), decider=tuple(decider),
        joint=tuple(joint), packages=packages, conditional=conditional,
        options=tuple(options), scale_min=lo, scale_max=hi, notes=tuple(notes),
    )
