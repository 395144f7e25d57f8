"""The round loop of the exchange model (Stokman & Van Oosten 1994), vectorised over exchanges.

Everything here works on decide's internal scale: positions on 0–100 per issue, salience and
power as given (salience 0–1). One round:

1. The outcome of each issue is the mean of positions weighted by power × salience (decide's
   "Nash bargaining solution", ``O = Σ c s x / Σ c s``).
2. Two actors i, j can exchange on issues p, q when they sit on opposite sides of the outcome on
   both. The one whose salience ratio ``s_p / s_q`` is larger (I) demands p and supplies q;
   the other (J) demands q and supplies p. Each supplier moves towards the other's position on its
   supply issue. A move m of a supplier with weight ``w = c s`` shifts the outcome by
   ``m w / Σ c s`` (the exchange ratio).
3. Equal gain: the shifts ``dp`` (by J on p) and ``dq`` (by I on q) are set so that both gain
   the same, ``dp s_Ip − dq s_Iq = dq s_Jq − dp s_Jp``, i.e. ``dq = dp (s_Ip + s_Jp) /
   (s_Iq + s_Jq)``; the larger of the two is limited so that no supplier passes its partner's
   position and no outcome passes the demander's position.
4. Exchanges are realised in order of gain. After each, the exchanges that share a supplying
   actor–issue with it start again from the moved position, and those that share a demanding
   actor–issue take the moves already made into account; exchanges that no longer pay, or would
   reverse an earlier move, drop out.
5. The realised moves give the voting positions and the round's outcome; the next round starts
   from a partial adjustment ``x + (f + w (1 − s)) (y − x)`` (decide's rule, f = 0.1, w = 0.4).

The module does not use decide's code; it reproduces the behaviour decide 2022.1.28 shows
(including the way it carries earlier moves) so that results can be compared number for number.

How it is fast. Step 4 is sequential: each realised exchange changes the ~30 exchanges it
touches before the next can be chosen (about 130 realisations per round on a 15 × 13 scenario),
so one run is ~1300 small steps and every numpy call on a tiny array costs the same fixed
overhead whatever its length. The list of possible exchanges is built and computed once per
round with numpy; after that a step is:

- one recalculation of the touched exchanges (:meth:`_Round.compute`), ~50 array operations on
  one gathered block: fixed data and supply state in one array, the direction earlier moves
  still allow as one number per side instead of their minimum and maximum, no operation for a
  case that cannot occur; the rare exchanges whose move would push an outcome past the
  demander's position (one to three per step, when any) are cut one by one in Python floats;
- the realisation's bookkeeping in Python floats, with index tables built once per round (the
  exchanges that supply or demand a given actor–issue are a slice of one radix-sorted array);
- decide's pick, which sorts the remaining list by the gain rounded to 12 decimals before
  every pick: kept in order incrementally instead (:class:`_Queue`: only the exchanges whose
  gain changed move, through a heap), with the same picks and ties.

Every value is computed with the same floating-point operations in the same order as the
plain formulation (``np.round`` is spelled out as its own three steps; ``copysign`` replaces a
multiplication by ±1), so the optimisations change no result, bit for bit.
"""

from __future__ import annotations

import heapq
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

import numpy as np

from detente.collective._lazy import LazyTuple
from detente.collective._numba_cache import cached
from detente.errors import InputError

__all__ = [
    "ExchangeRun",
    "RealisedExchange",
    "choose_engine",
    "exchange_work",
    "run_exchange_batch",
    "run_exchange_rounds",
]

_MOVE_EPS = 1e-10  # decide: a move of at most 1e-10 is no move
_GAIN_EPS = 1e-10  # decide: an exchange gaining less than this does not pay
_TIE_DECIMALS = 12  # gains equal to 12 decimals are a tie (decide: 1e-20 in Decimal)
_EDGE_TOL = 1e-9  # float slack: at the scale's ends and at knife edges (see ``edge``)
_TIE_SCALE = 10.0**_TIE_DECIMALS
_TOP = 100 + _EDGE_TOL  # the top of the scale, with slack
_FEW = 16  # at most this many exchanges to cut: one by one in Python floats


class RealisedExchange(NamedTuple):
    """One realised exchange (an immutable record; a named tuple, cheap to make by the
    hundred per round): ``actor_i`` moves on ``issue_i`` from ``start_i`` to ``y_i`` (its
    supply issue, towards ``actor_j``) in return for ``actor_j`` moving on ``issue_j``. The
    start is where the supplier stood when the exchange was realised (an earlier exchange of the
    round may have moved it already).

    Indices refer to the scenario's actors and issues; positions are on 0–100. ``shift_i`` is the
    move of the outcome of ``issue_i`` that ``actor_i``'s move causes (towards ``actor_j``).
    ``gain_i``/``gain_j`` are the utility gains (salience-weighted outcome shifts) of each.
    """

    round: int
    actor_i: int
    issue_i: int
    start_i: float
    y_i: float
    shift_i: float
    actor_j: int
    issue_j: int
    start_j: float
    y_j: float
    shift_j: float
    gain_i: float
    gain_j: float


@dataclass(frozen=True)
class ExchangeRun:
    """What :func:`run_exchange_rounds` returns (arrays on the 0–100 scale)."""

    start_positions: np.ndarray  # (rounds + 1, n_actors, n_issues): row r = start of round r+1
    voting_positions: np.ndarray  # (rounds, n_actors, n_issues)
    start_outcomes: np.ndarray  # (rounds + 1, n_issues)
    voting_outcomes: np.ndarray  # (rounds, n_issues)
    # per round, the realised exchanges (built on first access: the evaluation and Monte
    # Carlo runs read only positions and outcomes)
    exchanges: Sequence[list[RealisedExchange]] = field(default_factory=tuple)
    candidates: list[int] = field(default_factory=list)  # possible exchanges per round
    ties: int = 0
    edge_events: int = 0  # knife-edge tests met (see ``edge``)
    converged: int | None = None  # first round in which no exchange was realised
    realised: list[int] = field(default_factory=list)  # realised exchanges per round
    make_externalities: Callable[[], np.ndarray] | None = field(
        default=None, repr=False, compare=False
    )

    @cached_property
    def externalities(self) -> np.ndarray | None:
        """(rounds, n_actors): each actor's gain from others' trades (computed on first
        access)."""
        return self.make_externalities() if self.make_externalities is not None else None


def _outcome(x: np.ndarray, w: np.ndarray, denom: np.ndarray) -> np.ndarray:
    # no floating-point exception can occur: x is a number or NaN (absent; a NaN operand is
    # quiet), w finite, and the divisor positive
    num = np.where(w > 0, x * w, 0.0).sum(axis=0)
    return np.where(denom > 0, num / np.where(denom > 0, denom, 1.0), 0.0)


class _Part:
    """One scenario's possible exchanges of a round (local actor and issue indices).

    Columns are exchanges in decide's order (issue pairs p < q in order; actors right of both
    outcomes with those left of both, then those left on p only with those left on q only).
    """

    def __init__(
        self,
        x0: np.ndarray,
        sal: np.ndarray,
        w: np.ndarray,
        present: np.ndarray,
        denom: np.ndarray,
        nbs: np.ndarray,
        variant: str,
        rng: np.random.Generator,
        pairs: tuple[np.ndarray, np.ndarray],
    ) -> None:
        n_a, n_i = x0.shape
        self.n_a, self.n_i = n_a, n_i
        self.x0, self.sal, self.w, self.denom = x0, sal, w, denom
        total = np.where(present, np.nan_to_num(x0) * w, 0.0).sum(axis=0)
        left = np.where(present, x0 <= nbs[None, :], False)
        pp, qq = pairs
        both = present[:, pp] & present[:, qq]  # (n_a, n_pairs)
        grp = left[:, pp].astype(np.int8) | (left[:, qq].astype(np.int8) << 1)
        grp = np.where(both, grp, -1).T  # (n_pairs, n_a)
        gi, gj = grp[:, :, None], grp[:, None, :]
        mask = np.stack([(gi == 0) & (gj == 3), (gi == 1) & (gj == 2)], axis=1)
        flat = np.flatnonzero(mask)  # np.nonzero(mask), in fewer steps
        pr = flat // (2 * n_a * n_a)
        pair_of_actors = flat % (n_a * n_a)  # (ii, jj); the block (0 or 1) dropped
        ii, jj = pair_of_actors // n_a, pair_of_actors % n_a
        p, q = pp[pr], qq[pr]
        # the one with the larger salience ratio s_p / s_q demands p (I), the other q (J)
        swap = sal[ii, p] * sal[jj, q] < sal[jj, p] * sal[ii, q]
        Ia = np.where(swap, jj, ii)
        Ja = np.where(swap, ii, jj)
        n = len(p)
        self.n = n
        self.Ia: np.ndarray = Ia
        self.Ja: np.ndarray = Ja
        self.p: np.ndarray = p
        self.q: np.ndarray = q
        sIp, sIq, sJp, sJq = sal[Ia, p], sal[Ia, q], sal[Ja, p], sal[Ja, q]
        with np.errstate(invalid="ignore", divide="ignore"):
            if variant == "random_rate":
                lo, hi = sJp / sJq, sIp / sIq
                rho = lo + rng.random(n) * (hi - lo)
            else:
                rho = (sIp + sJp) / (sIq + sJq)  # equal gain: dq / dp
        wIq, wJp = w[Ia, q], w[Ja, p]
        usable = (wIq > 0) & (wJp > 0) & np.isfinite(rho) & (rho > 0)
        with np.errstate(invalid="ignore", divide="ignore"):
            share = np.stack([wIq / denom[q], wJp / denom[p]])  # a move's effect on the outcome
            inv = 1.0 / share
            irho = 1.0 / rho
            mean_q = np.where(denom[q] > 0, total[q] / denom[q], 0.0)
            mean_p = np.where(denom[p] > 0, total[p] / denom[p], 0.0)
        # unusable exchanges (a supplier without weight) get harmless finite numbers
        share = np.where(usable, share, 0.0)
        inv = np.where(usable, inv, 0.0)
        rho = np.where(usable, rho, 1.0)
        irho = np.where(usable, irho, 1.0)
        K = self.K = np.empty((20, n))
        x_start, target = K[14:16], K[4:6]
        x_start[0], x_start[1] = x0[Ia, q], x0[Ja, p]
        target[0], target[1] = x0[Ja, q], x0[Ia, p]  # the partner's (demander's) position
        K[0:2] = share
        K[2:4] = inv
        K[6:8] = np.stack([mean_q, mean_p]) - share * x_start  # outcome less own share
        K[8], K[9], K[10], K[11], K[12], K[13] = rho, irho, sIp, sJq, sIq, sJp
        # rows 14-19, the supply state of each side: position (x_start), the sum of the
        # exchange's earlier moves, and the direction still allowed (+1 / -1; 0: none). With
        # no earlier move any move towards the partner is allowed, i.e. the sign of target −
        # start; an unusable exchange: none.
        K[16:18] = 0.0
        K[18:20] = np.where(usable, np.sign(target - x_start), 0.0)
        self.dem_key = np.stack([Ja * n_i + q, Ia * n_i + p])  # (demander, issue) of each side
        self.u_key = self.dem_key * n_a + np.stack([Ia, Ja])  # (demander, issue, supplier)
        self.sup_key = np.stack([Ia * n_i + q, Ja * n_i + p])  # (supplier, issue)


def _index(keys: np.ndarray, n_keys: int) -> tuple[np.ndarray, list[int]]:
    """Group ``keys`` (one per entry): entry numbers sorted by key, and where each key's
    group starts (``order[ptr[k]:ptr[k + 1]]`` are the entries with key k)."""
    # a stable sort of small integers is a radix sort (fast) in 16 bits
    small = keys.astype(np.uint16) if n_keys <= np.iinfo(np.uint16).max else keys
    order = small.argsort(kind="stable")
    ptr = np.zeros(n_keys + 1, dtype=np.intp)
    np.cumsum(np.bincount(keys, minlength=n_keys), out=ptr[1:])
    return order, ptr.tolist()


class _Round:
    """Every possible exchange of one round, of one or many scenarios.

    Column ``e`` is one exchange (the scenarios' columns one after the other); side 0 is I
    (supplies q, demands p), side 1 is J (supplies p, demands q). Arrays:

    - ``K`` (20, n): rows 0-13 what stays fixed in the round, rows 14-19 the supply state:
      each side's supply position, the sum of its earlier moves, the direction still allowed
      (see :class:`_Part`); one array, so that a recalculation gathers it at once;
    - ``res`` (5, n): the last calculation: the two moves, the two gains, minus the rounded
      gain decide sorts by; ``valid``: whether the exchange pays;
    - ``ub``: per (demander, issue) the outcome shift the moves towards it made (``Σ c s (u −
      x) / Σ c s``), then per (demander, issue, supplier) the supplier's share of it; ``u``:
      per (demander, issue, supplier) where the supplier moved to (NaN: not yet).

    A realisation updates the touched entries in place and :meth:`compute` recalculates the
    touched exchanges in one call, for all scenarios of a batch at once.
    """

    def __init__(self, parts: list[_Part], variant: str) -> None:
        self.parts = parts
        self.variant = variant
        ns = [sd.n for sd in parts]
        self.lo = np.concatenate([[0], np.cumsum(ns)[:-1]]).astype(int).tolist() if ns else []
        n = self.n = int(sum(ns))
        u_sizes = [sd.n_a * sd.n_i * sd.n_a for sd in parts]
        b_sizes = [sd.n_a * sd.n_i for sd in parts]
        self.u_off = np.concatenate([[0], np.cumsum(u_sizes)[:-1]]).astype(int).tolist()
        self.b_off = np.concatenate([[0], np.cumsum(b_sizes)[:-1]]).astype(int).tolist()
        n_u, n_b = int(sum(u_sizes)), int(sum(b_sizes))

        def cat(arrs: list[np.ndarray], shape: tuple[int, ...], dtype: type = float) -> np.ndarray:
            if len(arrs) == 1:
                return arrs[0]
            return np.concatenate(arrs, axis=-1) if arrs else np.zeros(shape, dtype=dtype)

        b_off = [np.intp(o) for o in self.b_off]
        self.K = cat([sd.K for sd in parts], (20, 0))
        # flat views of the supply state's fields: entry side * n + e
        self.SX, self.SH, self.SD = (self.K[r:r + 2].reshape(2 * n) for r in (14, 16, 18))
        dem_key = cat([sd.dem_key + b_off[k] for k, sd in enumerate(parts)], (2, 0), int)
        u_key = cat([sd.u_key + self.u_off[k] for k, sd in enumerate(parts)], (2, 0), int)
        sup_key = cat([sd.sup_key + b_off[k] for k, sd in enumerate(parts)], (2, 0), int)
        self.keys = np.concatenate([dem_key, u_key + n_b])  # into ``ub``
        self.scen = np.repeat(np.arange(len(parts)), ns)
        self.Ia = cat([sd.Ia for sd in parts], (0,), int)
        self.Ja = cat([sd.Ja for sd in parts], (0,), int)
        self.p = cat([sd.p for sd in parts], (0,), int)
        self.q = cat([sd.q for sd in parts], (0,), int)
        self.Ia_list, self.Ja_list = self.Ia.tolist(), self.Ja.tolist()
        self.p_list, self.q_list = self.p.tolist(), self.q.tolist()
        self.scen_list = self.scen.tolist()
        self.res = np.zeros((5, n))
        self.M_flat = self.res[0:2].reshape(2 * n)  # the moves, entry side * n + e
        self.valid = np.zeros(n, dtype=bool)
        self.alive = np.ones(n, dtype=bool)
        # each exchange's place in its scenario's list (see _Queue): first its index there
        self.seq = (np.concatenate([np.arange(k, dtype=np.int64) for k in ns]) if ns
                    else np.zeros(0, dtype=np.int64))
        self.first = True
        self.ub = np.zeros(n_b + n_u)
        self.u = np.full(n_u, np.nan)
        self.n_b = n_b
        # round-start positions and weight shares c s / Σ c s, flat per scenario
        self.x_flat = np.concatenate([sd.x0.ravel() for sd in parts]) if parts else np.zeros(0)
        with np.errstate(invalid="ignore", divide="ignore"):
            self.share_flat = (
                np.concatenate([(sd.w / np.where(sd.denom > 0, sd.denom, 1.0)).ravel()
                                for sd in parts]) if parts else np.zeros(0)
            )
        self.x_list, self.share_list = self.x_flat.tolist(), self.share_flat.tolist()
        # index tables: per (actor, issue), the sides that supply it (entries side * n + e of
        # the flat fields of S and of res' move rows) and the exchanges that demand it
        order, self.sup_ptr = _index(sup_key.ravel(), n_b)
        self.sup_r = order
        self.sup_col = order % n if n else order
        order, self.dem_ptr = _index(dem_key.T.ravel(), n_b)
        self.dem_col = order >> 1
        self.round = 0
        self.edge_cap = False
        self.edge_replay: dict[tuple[int, ...], bool] | None = None
        self.edge_seen: dict[tuple[int, ...], int] = {}
        self.edge_events = [0] * len(parts)

    # -- the exchange calculation ---------------------------------------------------------
    def compute(self, idx: np.ndarray) -> None:
        """(Re)calculate exchanges ``idx`` from their current supply positions and the moves
        made towards their demanders (``idx`` may repeat an exchange)."""
        k = idx.size
        G = self.K.take(idx, axis=1)
        share, inv, T, nb0 = G[0:2], G[2:4], G[4:6], G[6:8]
        rho, irho = G[8], G[9]
        s_gain, s_loss = G[10:12], G[12:14]  # (s_Ip, s_Jq) and (s_Iq, s_Jp)
        X, HS, D = G[14:16], G[16:18], G[18:20]  # supply state, each (side, k)
        out = np.empty((7, k))
        M, g, gI, gJ = out[0:2], out[2:4], out[2], out[3]
        shift = out[5:7]  # the outcome shifts dp (J on p), dq (I on q)
        d = T - X
        dist = np.abs(d)  # how far each supplier is from its partner
        full = dist * share  # the outcome shift if it moved all the way
        # J moves all the way to I on p and I returns the equal-gain shift on q, unless I
        # would then pass J: then I moves all the way and J returns less (Stokman & Van
        # Oosten 1994; decide's order of tests)
        dp, dq = shift
        np.multiply(full[1], rho, out=dq)
        M0 = dq * inv[0]
        over = M0 > dist[0]
        np.copyto(dq, full[0], where=over)
        np.copyto(dp, full[1])
        np.copyto(dp, dq * irho, where=over)
        np.minimum(M0, dist[0], out=M[0])
        np.copyto(M[1], dist[1])
        np.copyto(M[1], dp * inv[1], where=over)
        np.copysign(M, d, out=M)  # towards the partner
        # gI = dp s_Ip − dq s_Iq, gJ = dq s_Jq − dp s_Jp
        np.subtract(shift * s_gain, shift[::-1] * s_loss, out=g)
        gain = out[4]  # decide's gain (|gI|; after a cut, of the side not cut)
        np.abs(gI, out=gain)
        # decide's test of the moves (see _move_ok), and of the gain
        y = X + M
        ok = M * D > _MOVE_EPS
        ok &= y >= -_EDGE_TOL
        ok &= y <= _TOP
        ok &= HS + M <= 100
        valid = gain >= _GAIN_EPS
        valid &= ok[0]
        valid &= ok[1]
        # the outcome must not pass the demander: first on q (I's move), then on p (J's)
        keys = self.keys.take(idx, axis=1)
        v = self.ub.take(keys)
        nb = nb0 + v[0:2] - v[2:4]  # outcome without the supplier, moves towards it counted
        a = T - nb - share * X
        b = a - share * M  # after the move; both as seen by the demander's position
        # a crossing (a b < 0) or a knife edge (|a| or |b| ≤ tol) anywhere? (fmin/fmax: the
        # same test, in fewer steps, NaN included)
        trig = (np.fmin(a, b) <= _EDGE_TOL) & (np.fmax(a, b) >= -_EDGE_TOL) & valid
        if np.count_nonzero(trig):
            few = np.flatnonzero(trig[0] | trig[1])
            if few.size <= _FEW:  # the usual case: one to three exchanges, in Python floats
                self._cut_few(idx, few.tolist(), G, M, d, a, nb, X, HS, D, keys, valid, g,
                              gain)
            else:
                sIp, sJq, sIq, sJp = G[10], G[11], G[12], G[13]
                own_u = self.u.take(keys[2:4] - self.n_b)
                ref = np.where(own_u == own_u, own_u, X)
                delta = np.abs(T - nb - share * ref) * inv  # the move putting the outcome on T
                self._cut(idx, M, d, share, inv, rho, irho, sIp, sIq, sJp, sJq, a, delta,
                          valid, gI, gJ, gain)
                valid &= self._move_ok(M, X, HS, D)
        # decide's sort key, minus the gain rounded to 12 decimals (np.round's own steps)
        key = out[4]
        if self.variant != "equal_gain":
            np.minimum(gI, gJ, out=key)
        np.multiply(key, _TIE_SCALE, out=key)
        np.rint(key, out=key)
        np.divide(key, -_TIE_SCALE, out=key)
        self.res[:, idx] = out[:5]
        self.valid[idx] = valid

    @staticmethod
    def _move_ok(M: np.ndarray, X: np.ndarray, HS: np.ndarray, D: np.ndarray) -> np.ndarray:
        """decide's test of both moves ``M`` from ``X``: real, on the scale, not reversing (nor
        adding up to more than the scale with) the moves the exchange made before.

        ``D`` is the direction the earlier moves allow (``M D > ε`` is ``|M| > ε`` in that
        direction), ``HS`` their sum."""
        y = X + M
        ok = (M * D > _MOVE_EPS) & (y >= -_EDGE_TOL) & (y <= 100 + _EDGE_TOL) & (HS + M <= 100)
        return ok[0] & ok[1]

    def _cut(
        self,
        idx: np.ndarray,
        M: np.ndarray,
        d: np.ndarray,
        share: np.ndarray,
        inv: np.ndarray,
        rho: np.ndarray,
        irho: np.ndarray,
        sIp: np.ndarray,
        sIq: np.ndarray,
        sJp: np.ndarray,
        sJq: np.ndarray,
        a: np.ndarray,
        delta: np.ndarray,
        valid: np.ndarray,
        gI: np.ndarray,
        gJ: np.ndarray,
        gain: np.ndarray,
    ) -> None:
        """decide's check that a move does not push the outcome past the demander's position:
        first I's move on q, then J's on p (after I's cut). Where it would, the move is cut so
        the outcome lands on that position and the partner's move scaled by the rate.
        ``M``, ``gI``, ``gJ`` and ``gain`` are updated in place."""
        a_edge = np.abs(a) <= _EDGE_TOL
        decided: dict[tuple[int, int], bool] = {}  # knife-edge decisions (idx may repeat)
        for side in (0, 1):
            b = a[side] - share[side] * M[side]
            cross = valid & (a[side] * b < 0)
            knife = valid & (a_edge[side] | (np.abs(b) <= _EDGE_TOL))
            if np.count_nonzero(knife):
                Z = (self.Ia, self.Ja)
                iss = (self.q, self.p)
                for t in np.flatnonzero(knife).tolist():
                    col = int(idx[t])
                    if (col, side) not in decided:
                        decided[col, side] = self._edge(
                            col, int(Z[side][col]), int(iss[side][col]), int(Z[1 - side][col]),
                            int(iss[1 - side][col]), bool(a_edge[side, t]),
                        )
                    cross[t] = decided[col, side]
            if not np.count_nonzero(cross):
                continue
            other = 1 - side
            r_x = delta[side] * share[side]
            r_o = r_x * (irho if side == 0 else rho)
            M[side] = np.where(cross, np.copysign(delta[side], d[side]), M[side])
            M[other] = np.where(cross, np.copysign(r_o * inv[other], d[other]), M[other])
            dq_, dp_ = (r_x, r_o) if side == 0 else (r_o, r_x)
            gI[...] = np.where(cross, dp_ * sIp - dq_ * sIq, gI)
            gJ[...] = np.where(cross, dq_ * sJq - dp_ * sJp, gJ)
            gain[...] = np.where(cross, np.abs(gJ if side == 0 else gI), gain)

    def _cut_few(
        self,
        idx: np.ndarray,
        few: list[int],
        G: np.ndarray,
        M: np.ndarray,
        d: np.ndarray,
        a: np.ndarray,
        nb: np.ndarray,
        X: np.ndarray,
        HS: np.ndarray,
        D: np.ndarray,
        keys: np.ndarray,
        valid: np.ndarray,
        g: np.ndarray,
        gain: np.ndarray,
    ) -> None:
        """:meth:`_cut` and the move test after it for the few exchanges ``few`` (positions in
        ``idx``), one by one in Python floats: the same operations in the same order."""
        u, n_b = self.u, self.n_b
        decided: dict[tuple[int, int], bool] = {}
        for t in few:
            col = int(idx[t])
            share = (G.item(0, t), G.item(1, t))
            inv = (G.item(2, t), G.item(3, t))
            rate = (G.item(9, t), G.item(8, t))  # r_o = r_x · rate: 1/ρ after I's cut, ρ after J's
            sIp, sJq, sIq, sJp = G.item(10, t), G.item(11, t), G.item(12, t), G.item(13, t)
            m = [M.item(0, t), M.item(1, t)]
            gI, gJ, gn = g.item(0, t), g.item(1, t), gain.item(t)
            for side in (0, 1):
                a_s = a.item(side, t)
                b = a_s - share[side] * m[side]
                cross = a_s * b < 0
                if abs(a_s) <= _EDGE_TOL or abs(b) <= _EDGE_TOL:
                    if (col, side) not in decided:
                        Z = (self.Ia_list, self.Ja_list)
                        iss = (self.q_list, self.p_list)
                        decided[col, side] = self._edge(
                            col, Z[side][col], iss[side][col], Z[1 - side][col],
                            iss[1 - side][col], abs(a_s) <= _EDGE_TOL,
                        )
                    cross = decided[col, side]
                if not cross:
                    continue
                other = 1 - side
                own_u = u.item(keys.item(2 + side, t) - n_b)
                ref = own_u if own_u == own_u else X.item(side, t)
                delta = abs(G.item(4 + side, t) - nb.item(side, t) - share[side] * ref) * inv[side]
                r_x = delta * share[side]
                r_o = r_x * rate[side]
                m[side] = math.copysign(delta, d.item(side, t))
                m[other] = math.copysign(r_o * inv[other], d.item(other, t))
                dq, dp = (r_x, r_o) if side == 0 else (r_o, r_x)
                gI = dp * sIp - dq * sIq
                gJ = dq * sJq - dp * sJp
                gn = abs(gJ if side == 0 else gI)
            ok = True
            for side in (0, 1):
                y = X.item(side, t) + m[side]
                ok = ok and (
                    m[side] * D.item(side, t) > _MOVE_EPS
                    and -_EDGE_TOL <= y <= 100 + _EDGE_TOL
                    and HS.item(side, t) + m[side] <= 100
                )
            M[0, t], M[1, t] = m
            g[0, t], g[1, t], gain[t] = gI, gJ, gn
            valid[t] = valid[t] and ok

    def _edge(self, col: int, sup: int, k: int, dem: int, k_dem: int, at_edge: bool) -> bool:
        """Cut the move at a knife edge? (``edge`` option, or a replayed decision.)"""
        sc = int(self.scen[col])
        key = (self.round, sup, k, dem, k_dem)
        n = self.edge_seen.get((sc, *key), 0)
        self.edge_seen[(sc, *key)] = n + 1
        self.edge_events[sc] += 1
        if sc == 0 and self.edge_replay is not None and (*key, n) in self.edge_replay:
            return self.edge_replay[(*key, n)]
        return self.edge_cap and at_edge

    # -- realisation ------------------------------------------------------------------------
    def realise(self, tops: list[int]) -> tuple[list[tuple[float, ...]], np.ndarray]:
        """Exchanges ``tops`` (at most one per scenario) are realised: record them, update what
        they touch, and return their records ``(y_i, y_j, gain_i, gain_j, start_i, start_j)``
        and the touched exchanges still in play (to be recalculated by :meth:`compute`)."""
        alive = self.alive
        for e in tops:
            alive[e] = False
        if self.first:  # decide drops what does not pay once it realises an exchange
            alive &= self.valid
            self.first = False
        res, SX, ub, u = self.res, self.SX, self.ub, self.u
        n_b, x_flat, share_flat = self.n_b, self.x_list, self.share_list
        Ia, Ja, P, Q, scen = self.Ia_list, self.Ja_list, self.p_list, self.q_list, self.scen_list
        sup_ptr, dem_ptr, sup_r, n = self.sup_ptr, self.dem_ptr, self.sup_r, self.n
        records: list[tuple[float, ...]] = []
        r_l: list[np.ndarray] = []
        y_l: list[float] = []
        c_l: list[np.ndarray] = []
        for e in tops:
            sc = scen[e]
            part = self.parts[sc]
            n_a, n_i, b_off, u_off = part.n_a, part.n_i, self.b_off[sc], self.u_off[sc]
            A, B, p, q = Ia[e], Ja[e], P[e], Q[e]
            xA, xB = SX.item(e), SX.item(n + e)
            mA, mB, gA, gB = res.item(0, e), res.item(1, e), res.item(2, e), res.item(3, e)
            yA, yB = xA + mA, xB + mB
            records.append((yA, yB, gA, gB, xA, xB))
            # moves made towards a demander: B demanded q (A moved there), A demanded p;
            # decide keeps the smaller of the moves in the supplier's direction
            for dem, k, sup, y in ((B, q, A, yA), (A, p, B, yB)):
                b_key = dem * n_i + k
                u_key = b_key * n_a + sup + u_off
                i_flat = sup * n_i + k + b_off
                old = u.item(u_key)
                x = x_flat[i_flat]
                if old != old:  # NaN: no earlier move
                    new, prev = y, x
                else:
                    new = min(old, y) if x <= old else max(old, y)
                    prev = old
                u[u_key] = new
                wd = share_flat[i_flat]
                ub[b_key + b_off] = ub.item(b_key + b_off) + wd * (new - prev)
                ub[n_b + u_key] = wd * (new - x)
            # supplying the same actor-issue: start from the moved position, keep the
            # exchange's own earlier move (dropped exchanges too; they are never read again)
            for key, y in ((A * n_i + q + b_off, yA), (B * n_i + p + b_off, yB)):
                lo, hi = sup_ptr[key], sup_ptr[key + 1]
                r = sup_r[lo:hi]
                r_l.append(r)
                c_l.append(self.sup_col[lo:hi])
                y_l.append(y)
            # demanding the same actor-issue: the moves towards it count
            for key in (B * n_i + q + b_off, A * n_i + p + b_off):
                c_l.append(self.dem_col[dem_ptr[key]:dem_ptr[key + 1]])
        r = np.concatenate(r_l)
        m = self.M_flat.take(r)
        self.SH[r] += m
        dirn = self.SD.take(r)
        dirn *= m * dirn > 0  # a move against the earlier ones: no more moves
        self.SD[r] = dirn
        for r, y in zip(r_l, y_l, strict=True):
            SX[r] = y
        touched = np.concatenate(c_l)
        return records, touched[alive[touched]]



def run_exchange_rounds(
    position: np.ndarray,
    salience: np.ndarray,
    power: np.ndarray,
    present: np.ndarray,
    *,
    rounds: int = 10,
    variant: str = "equal_gain",
    tie_break: str = "first",
    salience_weight: float = 0.4,
    fixed_weight: float = 0.1,
    stop_when_stable: bool = False,
    edge: str = "pass",
    edge_replay: dict[tuple[int, ...], bool] | None = None,
    rng: np.random.Generator | None = None,
    engine: str | None = None,
) -> ExchangeRun:
    """Run the exchange model for ``rounds`` rounds.

    ``position`` is on 0–100 per issue (NaN where absent), ``salience`` 0–1, ``power`` ≥ 0, all
    ``(n_actors, n_issues)``. ``variant``: ``equal_gain`` or ``random_rate`` (rate drawn
    uniformly between the two at which one side gains nothing). ``tie_break`` between exchanges
    of equal gain: ``first`` (the earlier in issue-pair, actor order), ``second`` (decide with its
    coin showing ≥ 0.5) or ``random`` (a fair coin from ``rng``). ``edge``: at a knife edge (the
    outcome already on the demander's position) let the move ``pass`` (decide's rule in exact
    arithmetic) or ``cap`` it. ``edge_replay`` maps ``(round, supplier, issue, demander,
    demander's supply issue, occurrence)`` to a decision (for replaying decide's own, in tests).
    """
    return run_exchange_batch(
        [(position, salience, power, present)], rounds=rounds, variant=variant,
        tie_break=tie_break, salience_weight=salience_weight, fixed_weight=fixed_weight,
        stop_when_stable=stop_when_stable, edge=edge, edge_replay=edge_replay, rng=rng,
        engine=engine,
    )[0]


class _Queue:
    """decide's list of one scenario's exchanges, kept in order without re-sorting it.

    decide sorts the whole remaining list by gain before every pick, with a stable sort, so that
    exchanges of equal gain keep the order of the sort before. Only the exchanges a realisation
    touched change their gain, so the order is kept incrementally: every exchange has a sequence
    number ``seq`` such that the list is ordered by ``(key, seq)`` (``key`` = minus the rounded
    gain). An exchange whose key changes moves to its new group of equal keys: before the
    group's other members if its key grew (it stood before all of them in the last order), after
    them if it fell; several that move at once keep their last order among themselves (see
    :meth:`rekey`). The first order is one stable argsort; later entries live in a heap. An
    entry is current while its exchange is in play and its ``seq`` is still the exchange's.
    Each pick is then O(log n) instead of a sort of the whole list (Stokman & Van Oosten's
    procedure as decide implements it, same picks and ties).
    """

    __slots__ = ("heap", "hi", "lo", "low", "order", "pending", "ptr")

    def __init__(self, lo: int, n: int, nrk: np.ndarray) -> None:
        self.lo = lo
        # the first sort; seq of exchange lo + k is k (its place in the list before it)
        self.order: list[int] = (np.argsort(nrk[lo:lo + n], kind="stable") + lo).tolist()
        self.ptr = 0
        self.heap: list[tuple[float, int, int]] = []
        self.low = -1  # next seq at the front of a group (counts down)
        self.hi = n  # next seq at the back of a group (counts up)
        self.pending: list[int] = []  # sent to the very end of the list by a tie (see pick)

    def _head(self, st: _Round, nrk: np.ndarray) -> tuple[float, int, int] | None:
        """The first current entry (stale ones are dropped), not removed."""
        alive, seq, order, heap = st.alive, st.seq, self.order, self.heap
        while self.ptr < len(order):
            e = order[self.ptr]
            if alive.item(e) and seq.item(e) == e - self.lo:
                break
            self.ptr += 1
        while heap:
            k, q, e = heap[0]
            if alive.item(e) and seq.item(e) == q:
                break
            heapq.heappop(heap)
        a = None
        if self.ptr < len(order):
            e = order[self.ptr]
            a = (nrk.item(e), e - self.lo, e)
        h = heap[0] if heap else None
        if a is None or (h is not None and (h[0], h[1]) < (a[0], a[1])):
            return h
        return a

    def _drop(self, entry: tuple[float, int, int]) -> None:
        if self.heap and self.heap[0] is entry:
            heapq.heappop(self.heap)
        else:
            self.ptr += 1

    def pick(self, st: _Round, sc: _Scenario, nrk: np.ndarray, tie_break: str) -> int | None:
        """decide's pick: the first of the list, or at a tie the first or the second; skip
        exchanges that do not pay. None when the list is empty."""
        valid, alive = st.valid, st.alive
        while True:
            # an exchange sent to the end of the list stands behind every other exchange,
            # whatever the keys that changed since: the next sort puts it at the back of its
            # group of equal keys
            for e in self.pending:
                self.push(st, e, nrk.item(e), self.hi)
                self.hi += 1
            self.pending.clear()
            first = self._head(st, nrk)
            if first is None:
                return None
            self._drop(first)
            top = first[2]
            second = self._head(st, nrk)
            if second is not None and second[0] == first[0]:
                sc.ties += 1
                take_second = tie_break == "second" or (
                    tie_break == "random" and sc.rng.random() >= 0.5
                )
                if take_second:  # the first goes to the end of the list
                    self._drop(second)
                    top = second[2]
                    self.pending.append(first[2])
                    st.seq[first[2]] = self.hi  # its list entry is no longer current
                    self.hi += 1
            alive[top] = False
            if valid.item(top):
                return top

    def push(self, st: _Round, e: int, key: float, q: int) -> None:
        st.seq[e] = q
        heapq.heappush(self.heap, (key, q, e))

    def rekey(self, st: _Round, es: np.ndarray, old: np.ndarray, new: np.ndarray) -> None:
        """Exchanges ``es`` (distinct, in play) changed key from ``old`` to ``new``."""
        if self.pending:  # placed at the next pick, behind everything
            keep = ~np.isin(es, self.pending)
            es, old, new = es[keep], old[keep], new[keep]
        seq = st.seq.take(es)
        by_old = np.lexsort((seq, old))  # their order in the list before the change
        es, old, new = es[by_old], old[by_old], new[by_old]
        later = new > old
        for e, k in zip(es[later][::-1].tolist(), new[later][::-1].tolist(), strict=True):
            self.push(st, e, k, self.low)  # to the front of its new group
            self.low -= 1
        for e, k in zip(es[~later].tolist(), new[~later].tolist(), strict=True):
            self.push(st, e, k, self.hi)  # to the back of its new group
            self.hi += 1


class _Scenario:
    """One scenario's inputs and results while a batch runs."""

    def __init__(self, position: np.ndarray, salience: np.ndarray, power: np.ndarray,
                 present: np.ndarray, rng: np.random.Generator) -> None:
        present = present & ~np.isnan(position)
        self.present = present
        self.x = np.where(present, position, np.nan).astype(float)
        self.sal = np.where(present, salience, 0.0).astype(float)
        self.w = np.where(present, salience * power, 0.0).astype(float)
        self.denom = self.w.sum(axis=0)
        self.rng = rng
        self.pairs = np.triu_indices(self.x.shape[1], k=1)  # issue pairs p < q
        self.starts = [self.x.copy()]
        self.votes: list[np.ndarray] = []
        self.start_out = [_outcome(self.x, self.w, self.denom)]
        self.vote_out: list[np.ndarray] = []
        self.describe: list[tuple[Any, ...]] = []  # per round: the inputs of ``_describe``
        self.realised_n: list[int] = []
        self.candidates: list[int] = []
        self.ties = 0
        self.edge_events = 0
        self.converged: int | None = None
        # the round in progress: the list decide sorts, the realised exchanges and records
        self.queue: _Queue | None = None
        self.realised: list[int] = []
        self.records: list[tuple[float, ...]] = []

    def result(self) -> ExchangeRun:
        n_a, n_i = self.x.shape
        inputs = self.describe
        described = LazyTuple(lambda: [_describe(*args) for args in inputs])
        return ExchangeRun(
            start_positions=np.stack(self.starts),
            voting_positions=np.stack(self.votes) if self.votes else np.zeros((0, n_a, n_i)),
            start_outcomes=np.stack(self.start_out),
            voting_outcomes=np.stack(self.vote_out) if self.vote_out else np.zeros((0, n_i)),
            exchanges=LazyTuple(lambda: [rows for rows, _ in described]),
            realised=self.realised_n,
            make_externalities=lambda: (np.stack([ext for _, ext in described]) if len(described)
                                        else np.zeros((0, n_a))),
            candidates=self.candidates,
            ties=self.ties,
            edge_events=self.edge_events,
            converged=self.converged,
        )


def run_exchange_batch(
    inputs: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]],
    *,
    rounds: int = 10,
    variant: str = "equal_gain",
    tie_break: str = "first",
    salience_weight: float = 0.4,
    fixed_weight: float = 0.1,
    stop_when_stable: bool = False,
    edge: str = "pass",
    edge_replay: dict[tuple[int, ...], bool] | None = None,
    rng: np.random.Generator | None = None,
    engine: str | None = None,
) -> list[ExchangeRun]:
    """Run many scenarios ``(position, salience, power, present)`` at once (same options).

    Each scenario's exchanges are realised one after the other as in :func:`run_exchange_rounds`
    and give the same results; the scenarios advance side by side so that the recalculations
    of all of them run as one numpy call (what makes Monte Carlo runs fast). Random draws come
    from one child generator per scenario. ``edge_replay`` applies to the first scenario.

    ``engine``: ``compiled`` (or ``numba``) runs each scenario's rounds in
    :mod:`._exchange_jit` (numba; the same results, bit for bit), ``numpy`` the vectorised
    round loop here, ``auto`` picks one (:func:`choose_engine`); None (default) reads the
    environment variable ``DETENTE_EXCHANGE_ENGINE``, else ``auto``.
    """
    gen = rng if rng is not None else np.random.default_rng(0)
    runs = [_Scenario(*inp, rng=g) for inp, g in zip(inputs, gen.spawn(len(inputs)), strict=True)]
    work = sum(exchange_work(inp[3].shape[0], inp[3].shape[1], rounds) for inp in inputs)
    compiled = choose_engine(work, engine, tie_break=tie_break,
                             edge_replay=edge_replay is not None) == "compiled"
    if compiled:
        for sc in runs:
            _run_compiled(sc, rounds, variant, tie_break, salience_weight, fixed_weight,
                          stop_when_stable, edge)
        return [sc.result() for sc in runs]
    _NUMPY_SPENT[0] += work
    active = list(range(len(runs)))
    for r in range(rounds):
        if not active:
            break
        parts = [
            _Part(runs[k].x, runs[k].sal, runs[k].w, runs[k].present, runs[k].denom,
                  runs[k].start_out[-1], variant, runs[k].rng, runs[k].pairs)
            for k in active
        ]
        st = _Round(parts, variant)
        st.round, st.edge_cap = r, edge == "cap"
        st.edge_replay = edge_replay if active and active[0] == 0 else None
        if st.n:
            st.compute(np.arange(st.n))
        running = []
        for slot, k in enumerate(active):
            sc = runs[k]
            sc.candidates.append(parts[slot].n)
            lo = st.lo[slot]
            sc.queue = _Queue(lo, parts[slot].n, st.res[4])
            sc.realised, sc.records = [], []
            running.append(sc)
        nrk = st.res[4]  # minus the rounded gain: decide's sort key
        queues = [runs[k].queue for k in active]
        alive, valid = st.alive, st.valid
        if len(running) == 1:  # one scenario: the same steps, without the batch's lists
            sc = running[0]
            queue = sc.queue
            assert queue is not None
            while (top := queue.pick(st, sc, nrk, tie_break)) is not None:
                records, idx = st.realise([top])
                sc.realised.append(top)
                sc.records.append(records[0])
                if idx.size:
                    old = nrk.take(idx)
                    st.compute(idx)
                    alive[idx] = valid.take(idx)
                    _rekey(st, [queue], idx, old, nrk)
            running = []
        while running:
            tops = []
            still = []
            for sc in running:
                assert sc.queue is not None
                top = sc.queue.pick(st, sc, nrk, tie_break)
                if top is not None:
                    still.append(sc)
                    tops.append(top)
            if tops:
                records, idx = st.realise(tops)
                for sc, top, rec in zip(still, tops, records, strict=True):
                    sc.realised.append(top)
                    sc.records.append(rec)
                if idx.size:
                    old = nrk.take(idx)
                    st.compute(idx)
                    alive[idx] = valid.take(idx)  # all were alive: drop what stopped paying
                    _rekey(st, queues, idx, old, nrk)
            running = still
        for slot, k in enumerate(active):
            _finish_round(r, st, slot, runs[k], salience_weight, fixed_weight)
        if stop_when_stable:
            active = [k for k in active if runs[k].converged is None]
    return [sc.result() for sc in runs]


ENGINES = ("auto", "compiled", "numba", "numpy")

SMALL_WORK = 1_000_000
"""``auto`` runs the numpy loop below this much work (:func:`exchange_work`) unless the
compiled round is already loaded in the process. numpy does about a million units a second
(Geneva, 14 actors × 6 issues, 29,400 units: ~50 ms; decide's cop21, 15 × 13, 175,500: ~0.2 s);
loading the compiled round from numba's disk cache costs ~0.6 s (importing numba included),
compiling it with an empty cache 30–40 s."""

COMPILE_WORK = 10_000_000
"""``auto`` compiles from this much work on (when the disk cache does not hold the compiled
round), counting the numpy work already spent in the process: a ski-rental rule, numpy
("renting") until what it has cost approaches the price of compiling ("buying"): ~10 s of numpy
against 30–40 s of compiling, which is paid once: the round then loads from the disk cache in
every process. 60 × 30 actors × issues (15.7 million units) takes ~21 s in numpy."""

_JIT_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_exchange_jit.py")
_JIT_ENTRIES = ("_layout", "_round")  # the kernels this module calls (through layout, run_round)
_NUMPY_SPENT = [0]  # work run by the numpy loop in this process (``auto``'s ski-rental rule)


def exchange_work(n_actors: int, n_issues: int, rounds: int) -> int:
    """Units of work of one scenario: ``actors² × issue pairs × rounds``, the bound on the
    possible exchanges of all rounds (the numpy loop's time grows about in proportion)."""
    return n_actors * n_actors * (n_issues * (n_issues - 1) // 2) * rounds


def _jit_loaded() -> bool:
    from detente.collective._numba_cache import module_loaded

    return module_loaded("detente.collective._exchange_jit")


def choose_engine(work: int, engine: str | None = None, *, tie_break: str = "first",
                  edge_replay: bool = False) -> str:
    """``numpy`` or ``compiled`` for a batch of ``work`` units (:func:`exchange_work`).

    ``engine`` None reads ``DETENTE_EXCHANGE_ENGINE`` (``auto`` when unset). ``auto``: numpy
    when ties are broken by a random coin or knife edges are replayed (the compiled round does
    neither); otherwise compiled when it is already loaded in this process (then it is the
    faster at any size), numpy below :data:`SMALL_WORK`, compiled when numba's disk cache holds
    it (:func:`._numba_cache.cached`: loading costs ~0.6 s), or when ``work`` plus the numpy
    work already spent in this process reaches :data:`COMPILE_WORK`; numpy otherwise. Both
    engines give the same results, bit for bit: the choice changes only the time."""
    if engine is None:
        engine = os.environ.get("DETENTE_EXCHANGE_ENGINE", "").strip().lower() or "auto"
        if engine not in ENGINES:  # the user's setting: a user error (CLI exit 2)
            raise InputError(f"DETENTE_EXCHANGE_ENGINE must be one of {', '.join(ENGINES)}, "
                             f"got {engine!r}")
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, got {engine!r}")
    exotic = tie_break == "random" or edge_replay
    if engine in ("compiled", "numba"):
        if exotic:
            raise ValueError("the compiled engine breaks no ties at random and replays no edges")
        return "compiled"
    if engine == "numpy" or exotic:
        return "numpy"
    if _jit_loaded():
        return "compiled"
    if work < SMALL_WORK:
        return "numpy"
    if work + _NUMPY_SPENT[0] >= COMPILE_WORK or cached(_JIT_FILE, _JIT_ENTRIES):
        return "compiled"
    return "numpy"


def _run_compiled(
    sc: _Scenario, rounds: int, variant: str, tie_break: str, salience_weight: float,
    fixed_weight: float, stop_when_stable: bool, edge: str,
) -> None:
    """All rounds of one scenario through the compiled round (:mod:`._exchange_jit`)."""
    from detente.collective import _exchange_jit as jit  # numba: imported only here

    present, w, denom = sc.present, sc.w, sc.denom
    with np.errstate(invalid="ignore", divide="ignore"):
        share_flat = w / np.where(denom > 0, denom, 1.0)
    safe_denom = np.where(denom > 0, denom, 1.0)
    for r in range(rounds):
        x0 = sc.x
        x0n = np.where(present, x0, 0.0)  # positions are NaN exactly where absent
        nbs = sc.start_out[-1]
        lay = jit.layout(x0, sc.sal, present, nbs)
        n = int(lay[3][-1])
        draws = sc.rng.random(n) if variant == "random_rate" else None
        total = np.where(present, x0n * w, 0.0).sum(axis=0)
        mean = np.where(denom > 0, total / safe_denom, 0.0)
        ijpq, rec, ties, edges = jit.run_round(
            x0n, sc.sal, w, mean, share_flat, lay, draws,
            take_second=tie_break == "second", edge_cap=edge == "cap",
        )
        sc.candidates.append(n)
        sc.ties += ties
        Ia, Ja, p, q = (ijpq[:, k] for k in range(4))
        del lay, draws
        # an exchange moves issues with weight: their denominators are positive
        share_q, share_p = w[Ia, q] / denom[q], w[Ja, p] / denom[p]
        _finish(r, sc, Ia, Ja, p, q, share_q, share_p, rec.T.copy(), edges, salience_weight,
                fixed_weight, x0n)
        if stop_when_stable and sc.converged is not None:
            break


def _rekey(st: _Round, queues: list[_Queue | None], idx: np.ndarray, old: np.ndarray,
           nrk: np.ndarray) -> None:
    """Tell each scenario's queue which of the recalculated exchanges ``idx`` (still in play)
    changed key (``old`` before the recalculation)."""
    new = nrk.take(idx)
    moved = (new != old) & st.alive.take(idx)
    if not moved.any():
        return
    es, first = np.unique(idx[moved], return_index=True)
    o, nw = old[moved][first], new[moved][first]
    if len(queues) == 1:
        q = queues[0]
        assert q is not None
        q.rekey(st, es, o, nw)
        return
    slots = st.scen.take(es)
    for slot in np.unique(slots).tolist():
        q = queues[slot]
        assert q is not None
        sel = slots == slot
        q.rekey(st, es[sel], o[sel], nw[sel])


def _finish_round(
    r: int, st: _Round, slot: int, sc: _Scenario, salience_weight: float, fixed_weight: float
) -> None:
    """Voting positions and outcome of the round (numpy engine's round state)."""
    e = np.asarray(sc.realised, dtype=int)
    rec = np.asarray(sc.records, dtype=float).reshape(-1, 6).T  # yI, yJ, gI, gJ, from I, J
    _finish(r, sc, st.Ia[e], st.Ja[e], st.p[e], st.q[e], st.K[0, e], st.K[1, e], rec,
            st.edge_events[slot], salience_weight, fixed_weight)


def _finish(
    r: int, sc: _Scenario, Ia: np.ndarray, Ja: np.ndarray, p: np.ndarray, q: np.ndarray,
    share_q: np.ndarray, share_p: np.ndarray, rec: np.ndarray, edge_events: int,
    salience_weight: float, fixed_weight: float, xn: np.ndarray | None = None,
) -> None:
    """Voting positions and outcome of the round; the next round starts from decide's partial
    adjustment (each realised exchange in turn, the last one standing)."""
    x, sal = sc.x, sc.sal
    # each realised move in turn (I's, then J's), so that the last move of an actor on an
    # issue stands: keep the last occurrence of each actor-issue
    n_i = x.shape[1]
    flat = np.stack([Ia * n_i + q, Ja * n_i + p], axis=1).ravel()
    y = rec[0:2].T.ravel()
    at = np.full(x.size, -1)
    np.maximum.at(at, flat, np.arange(flat.size))  # each cell's last move
    last = at[at >= 0]
    cell, y = flat[last], y[last]
    vote = x.copy()
    nxt = x.copy()
    vote.flat[cell] = y
    x_c = x.flat[cell]
    adj = fixed_weight + salience_weight * (1.0 - sal.flat[cell])
    nxt.flat[cell] = x_c + adj * (y - x_c)
    sc.votes.append(vote)
    sc.vote_out.append(_outcome(vote, sc.w, sc.denom))
    sc.edge_events += edge_events
    if xn is None:
        xn = np.nan_to_num(x)
    sc.describe.append((r + 1, share_q, share_p, rec, Ia, Ja, p, q, xn, sal, sc.start_out[-1]))
    sc.realised_n.append(int(Ia.size))
    sc.x = nxt
    sc.starts.append(nxt.copy())
    sc.start_out.append(_outcome(nxt, sc.w, sc.denom))
    if rec.shape[1] == 0 and sc.converged is None:
        sc.converged = r + 1


def _describe(
    rnd: int,
    share_q: np.ndarray,
    share_p: np.ndarray,
    rec: np.ndarray,
    Ia: np.ndarray,
    Ja: np.ndarray,
    p: np.ndarray,
    q: np.ndarray,
    x: np.ndarray,
    sal: np.ndarray,
    nbs: np.ndarray,
) -> tuple[list[RealisedExchange], np.ndarray]:
    """The realised exchanges of a round, and each actor's externality: the salience-weighted
    change of its distance to the outcome that other actors' exchanges cause (positive: gain)."""
    if not Ia.size:
        return [], np.zeros(x.shape[0])
    yI, yJ, gI, gJ, from_i, from_j = rec
    shift_q = share_q * (yI - from_i)  # the outcome shifts each move caused
    shift_p = share_p * (yJ - from_j)
    xa_p, xa_q = x[:, p], x[:, q]  # (n_a, n_e); x without NaN (absent: 0)
    gain_p = np.abs(nbs[p] - xa_p) - np.abs(nbs[p] + shift_p - xa_p)
    gain_q = np.abs(nbs[q] - xa_q) - np.abs(nbs[q] + shift_q - xa_q)
    per = sal[:, p] * gain_p + sal[:, q] * gain_q  # (n_a, n_e)
    traders = np.zeros_like(per, dtype=bool)
    traders[Ia, np.arange(Ia.size)] = True
    traders[Ja, np.arange(Ia.size)] = True
    ext = np.where(traders, 0.0, per).sum(axis=1)
    rows = [
        RealisedExchange(rnd, *t)  # fields in order: actor_i, issue_i, start_i, y_i, ...
        for t in zip(
            Ia.tolist(), q.tolist(), from_i.tolist(), yI.tolist(), shift_q.tolist(),
            Ja.tolist(), p.tolist(), from_j.tolist(), yJ.tolist(), shift_p.tolist(),
            gI.tolist(), gJ.tolist(), strict=True,
        )
    ]
    return rows, ext
