"""A public demand as a costly signal (Fearon 1997: tying hands versus sinking costs).

The challenger A publicly demands ``x_D`` (by default its public positions: an ultimatum). Its
cost of conflict is private (the crisis model's log-normal belief). Making the demand in public
ties A's hands: if the demand is rejected and A does not escalate, A pays the audience cost
``λ m_D Σ_k w_k |s_k - x_D,k|`` of backing down from it (``m_D``: the demand's commitment, 0.9 for
a public ultimatum by the head of state in the coding protocol; Tomz 2007). An optional sunk cost
``k`` (mobilisation, paid whatever happens) sinks costs instead.

Types: A is *resolved* when escalating beats backing down, ``EV_A(c) > V_back``. A resolved A
makes the demand (if rejected it fights, which it prefers); an unresolved A makes it only when
bluffing pays: ``P(accept)·V_A(x_D) + (1 - P(accept))·V_back - k ≥ V_quiet`` (its value of no
demand, the standoff). The receiver, seeing the demand, updates its belief about A's resolve by
Bayes' rule over the types. A demand that the receiver accepts with (near) zero probability was
not meant to be accepted: it announces, or gives a pretext for, the outside option.

Randomness: the deals considered are those of the crisis model (:data:`CANDIDATE_SEED`, as in
:func:`~detente.crisis.crisis_forecast`), and the sender's and receiver's private costs are
drawn from the signal's own stream, a fixed child of the seed (:func:`signal_stream`). A
generator passed as ``rng`` is never advanced, so reading the signal shifts no other draw.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from detente.crisis._model import CANDIDATE_SEED, analyse
from detente.errors import InputError
from detente.scenario import Scenario

__all__ = ["SIGNAL_STREAM", "Signal", "signal_stream", "ultimatum_signal"]

#: The spawn key appended to the seed's for the signal's own stream.
SIGNAL_STREAM = 0x5167


def signal_stream(rng: np.random.Generator | int | None) -> np.random.Generator:
    """The signal's own generator: the child ``SIGNAL_STREAM`` of the seed (of a generator's
    seed sequence), derived without drawing from ``rng``."""
    if isinstance(rng, np.random.Generator):
        ss = rng.bit_generator.seed_seq
        if not isinstance(ss, np.random.SeedSequence):
            raise InputError("the signal needs a generator made from a seed (numpy "
                             "default_rng(seed)) to derive its own stream")
    else:
        ss = np.random.SeedSequence(rng)
    child = np.random.SeedSequence(ss.entropy, spawn_key=(*ss.spawn_key, SIGNAL_STREAM),
                                   pool_size=ss.pool_size)
    return np.random.default_rng(child)


@dataclass(frozen=True)
class Signal:
    """The receiver's reading of a public demand (see the module docstring)."""

    sender: str
    demand: dict[str, float]
    prior_resolve: float  # P(resolved) before the demand (current commitments)
    # P(resolved | demand made); None when no type of sender makes the demand (Bayes' rule is
    # then undefined: the demand carries no information the model can read)
    posterior_resolve: float | None
    p_send_resolved: float
    p_send_bluff: float  # P(an unresolved sender makes the demand)
    acceptance: float  # P(the receiver accepts the demand)
    best_acceptance: float  # acceptance of the sender's best take-it-or-leave-it demand
    meant_to_be_accepted: bool
    audience_cost: float  # what backing down from the demand would cost the sender
    sunk_cost: float
    commitment: float = 0.9  # how publicly the demand would be committed
    # True when the demand is the sender's public positions (the default), False for a demand
    # the caller gave: either way a hypothetical the model reads, not a demand on record
    public_positions: bool = True

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def posterior_text(self) -> str:
        """The belief after the demand, in words: a number, or why there is none."""
        if self.posterior_resolve is None:
            return (f"undefined after it: no type of {self.sender} would make this demand in "
                    "the model (escalating is never worth it and bluffing does not pay), so "
                    "Bayes' rule has nothing to update on")
        return f"{self.posterior_resolve:.2f} after it"

    def describe(self) -> list[str]:
        """The reading in words. The demand is a hypothetical (the sender's public positions
        made a public take-it-or-leave-it demand, or the caller's), so every line is
        conditional: said as a fact, it read as if the sender had issued an ultimatum."""
        what = "its public positions" if self.public_positions else "this demand"
        lines = [
            f"Were {self.sender} to make {what} a public take-it-or-leave-it demand "
            f"(commitment {self.commitment:g}; a hypothetical the model reads, not a demand on "
            f"record), it would tie its hands: backing down from it would cost "
            f"{self.audience_cost:.3f} (stake units)"
            + (f", and it would sink {self.sunk_cost:g} up front." if self.sunk_cost else "."),
            f"Belief that {self.sender} is resolved (would rather escalate than back down): "
            f"{self.prior_resolve:.2f} before the demand, {self.posterior_text()} (a bluffing "
            f"{self.sender} would make it with probability {self.p_send_bluff:.2f}).",
        ]
        if self.meant_to_be_accepted:
            lines.append(f"It would be accepted with probability {self.acceptance:.2f}: it "
                         "would read as an offer meant to be accepted.")
        else:
            lines.append(f"It would be accepted with probability {self.acceptance:.2f} (the "
                         f"sender's best demand: {self.best_acceptance:.2f}): it would not be "
                         "meant to be accepted — it would announce, or prepare, the outside "
                         "option.")
        return lines


def ultimatum_signal(
    scenario: Scenario,
    demand: dict[str, float] | None = None,
    *,
    commitment: float = 0.9,
    sunk_cost: float = 0.0,
    draws: int = 4000,
    resolve_sd: float = 0.5,
    rng: np.random.Generator | int | None = 0,
    **analyse_options: Any,
) -> Signal:
    """Read the challenger's public demand as a signal (see the module docstring)."""
    if not 0.0 <= commitment <= 1.0:
        raise InputError(f"commitment must be in [0, 1], got {commitment}")
    if not (sunk_cost >= 0 and math.isfinite(sunk_cost)):
        raise InputError(f"sunk cost must be ≥ 0, got {sunk_cost}")
    gen = signal_stream(rng)
    an = analyse(scenario, rng=CANDIDATE_SEED, **analyse_options)
    s, d = an.setup, an.dyad
    if d is None:
        raise InputError("no actor has an outside option in this scenario: a demand carries "
                         "no threat to read")
    a = d.a
    x = d.standoff.copy()
    idx = np.flatnonzero(d.issues)
    public = np.nan_to_num(s.public[a], nan=0.0)
    x[idx] = public[idx]
    for iid, val in (demand or {}).items():
        if iid not in s.issue_ids:
            raise InputError(f"demand names unknown issue '{iid}'; expected one of: "
                             f"{', '.join(s.issue_ids)}")
        k = s.issue_ids.index(iid)
        if not s.scale_min[k] <= val <= s.scale_max[k]:
            raise InputError(f"demand {val:g} on '{iid}' is outside its scale "
                             f"[{s.scale_min[k]:g}, {s.scale_max[k]:g}]")
        x[k] = (val - s.scale_min[k]) / (s.scale_max[k] - s.scale_min[k])
    z = gen.standard_normal((2, draws))
    f = np.exp(resolve_sd * z - resolve_sd**2 / 2)
    o = d.options[an.option]
    # A's escalation value per type; the receiver's side knows its own cost (f[1])
    u_win, u_lose = s.utility(d.win[an.option]), s.utility(d.lose[an.option])
    ev_a = o.p * u_win[a] + (1 - o.p) * u_lose[a] - np.minimum(o.cost * f[0], 1.0)
    v_quiet = float(an.u_standoff[a])
    w = s.weight[a]
    tie = commitment * float((w * np.abs(d.standoff - x)).sum())
    v_back = v_quiet - tie
    prior = float((ev_a > v_quiet).mean())
    resolved = ev_a > v_back
    # the receiver accepts x_D iff it is worth its escalation value (the threat is real)
    from detente.crisis._model import _values

    v, vb = _values(s, d, x[None, :], an.u_standoff, 1.0)
    ev_b = np.repeat((o.p * u_win + (1 - o.p) * u_lose)[:, None], draws, axis=1)
    for t in o.targets:
        ev_b[t] -= np.minimum(o.target_cost * f[1], 1.0)
    rb = (d.beta[:, None] * ev_b).sum(axis=0)
    acc = vb[0] >= rb - 1e-12
    for j in d.vetoes:
        acc &= v[j, 0] >= ev_b[j] - 1e-12
    if not all(bool(s.respects(x, actor=j)) for j in range(s.n_actors) if j != a):
        acc[:] = False  # a demand across the receivers' red lines is never accepted
    p_acc = float(acc.mean())
    va = float(v[a, 0])
    bluff_value = p_acc * va + (1 - p_acc) * v_back - sunk_cost
    sends_resolved = p_acc * va + (1 - p_acc) * ev_a - sunk_cost >= v_quiet
    sends = np.where(resolved, sends_resolved | (ev_a >= v_quiet), bluff_value >= v_quiet)
    p_send = float(sends.mean())
    posterior = float((sends & resolved).mean() / p_send) if p_send > 0 else None
    p_bluff = float((sends & ~resolved).sum() / max((~resolved).sum(), 1))
    p_res_send = float((sends & resolved).sum() / max(resolved.sum(), 1))
    best = 0.0
    if an.candidates.shape[0]:
        accs = (an.value_b[:, None] >= rb[None, :] - 1e-12).mean(axis=1)
        obj = accs * an.value[a] + (1 - accs) * float(np.median(np.maximum(ev_a, v_quiet)))
        best = float(accs[int(np.argmax(obj))])
    meant = p_acc >= 0.05
    return Signal(
        sender=s.actor_ids[a],
        demand={s.issue_ids[k]: float(s.to_scale(x)[k]) for k in idx.tolist()},
        prior_resolve=prior, posterior_resolve=posterior, p_send_resolved=p_res_send,
        p_send_bluff=p_bluff, acceptance=p_acc, best_acceptance=best,
        meant_to_be_accepted=meant, audience_cost=tie, sunk_cost=sunk_cost,
        commitment=commitment, public_positions=not demand,
    )
