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
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = ["ExchangeRun", "RealisedExchange", "run_exchange_batch", "run_exchange_rounds"]

_MOVE_EPS = 1e-10  # decide: a move of at most 1e-10 is no move
_GAIN_EPS = 1e-10  # decide: an exchange gaining less than this does not pay
_TIE_DECIMALS = 12  # gains equal to 12 decimals are a tie (decide: 1e-20 in Decimal)
_EDGE_TOL = 1e-9  # float slack: at the scale's ends and at knife edges (see ``edge``)


@dataclass(frozen=True)
class RealisedExchange:
    """One realised exchange: ``actor_i`` moves on ``issue_i`` from ``start_i`` to ``y_i`` (its
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
    exchanges: list[list[RealisedExchange]] = field(default_factory=list)
    externalities: np.ndarray | None = None  # (rounds, n_actors): gains from others' trades
    candidates: list[int] = field(default_factory=list)  # possible exchanges per round
    ties: int = 0
    edge_events: int = 0  # knife-edge tests met (see ``edge``)
    converged: int | None = None  # first round in which no exchange was realised


def _outcome(x: np.ndarray, w: np.ndarray, denom: np.ndarray) -> np.ndarray:
    num = np.where(w > 0, np.nan_to_num(x) * w, 0.0).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(denom > 0, num / np.where(denom > 0, denom, 1.0), 0.0)


class _Part:
    """One scenario's possible exchanges of a round (local actor and issue indices)."""

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
    ) -> None:
        n_a, n_i = x0.shape
        self.n_a, self.n_i = n_a, n_i
        self.x0, self.sal, self.w, self.denom = x0, sal, w, denom
        total = np.where(present, np.nan_to_num(x0) * w, 0.0).sum(axis=0)
        left = np.where(present, x0 <= nbs[None, :], False)
        pp, qq = np.triu_indices(n_i, k=1)
        both = present[:, pp] & present[:, qq]  # (n_a, n_pairs)
        grp = left[:, pp].astype(np.int8) | (left[:, qq].astype(np.int8) << 1)
        grp = np.where(both, grp, -1).T  # (n_pairs, n_a)
        gi, gj = grp[:, :, None], grp[:, None, :]
        # decide's order: issue pairs in order; actors right of both outcomes with those left
        # of both, then those left on p only with those left on q only
        mask = np.stack([(gi == 0) & (gj == 3), (gi == 1) & (gj == 2)], axis=1)
        pr, _blk, ii, jj = np.nonzero(mask)
        p, q = pp[pr], qq[pr]
        # the one with the larger salience ratio s_p / s_q demands p (I), the other q (J)
        swap = sal[ii, p] * sal[jj, q] < sal[jj, p] * sal[ii, q]
        Ia = np.where(swap, jj, ii)
        Ja = np.where(swap, ii, jj)
        n = len(p)
        self.n = n
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
        x_start = np.stack([x0[Ia, q], x0[Ja, p]])
        self.K = np.concatenate([
            share,  # 0-1
            inv,  # 2-3
            np.stack([x0[Ja, q], x0[Ia, p]]),  # 4-5 the partner's (demander's) position
            np.stack([mean_q, mean_p]) - share * x_start,  # 6-7 outcome less own share
            x_start,  # 8-9 round-start supply positions
            np.stack([rho, irho, usable.astype(float), sIp, sIq, sJp, sJq]),  # 10-16
        ])
        self.Z = np.stack([Ia, Ja, Ja, Ia, q, p, p, q])  # supplier, demander, issue, other
        self.dem_key = np.stack([Ja * n_i + q, Ia * n_i + p])  # (demander, issue) of each side
        self.u_key = self.dem_key * n_a + np.stack([Ia, Ja])  # (demander, issue, supplier)
        self.S = np.stack([  # supply positions; earlier moves kept: sum, min, max
            x_start[0], x_start[1], np.zeros(n), np.zeros(n),
            np.full(n, np.inf), np.full(n, np.inf), np.full(n, -np.inf), np.full(n, -np.inf),
        ])
        self.sup_key = np.concatenate([Ia * n_i + q, Ja * n_i + p])


class _Round:
    """Every possible exchange of one round, of one or many scenarios, both sides stacked.

    Side 0 is I (supplies q, demands p), side 1 is J (supplies p, demands q). Arrays of shape
    ``(rows, n)`` hold one exchange per column (the scenarios' columns one after the other), so
    one fancy index gathers what a recalculation needs, for all scenarios at once.
    """

    def __init__(self, parts: list[_Part]) -> None:
        self.parts = parts
        ns = [sd.n for sd in parts]
        self.lo = np.concatenate([[0], np.cumsum(ns)[:-1]]).astype(int) if ns else np.zeros(0)
        self.n = int(sum(ns))
        u_sizes = [sd.n_a * sd.n_i * sd.n_a for sd in parts]
        b_sizes = [sd.n_a * sd.n_i for sd in parts]
        u_off = np.concatenate([[0], np.cumsum(u_sizes)[:-1]]).astype(int)
        b_off = np.concatenate([[0], np.cumsum(b_sizes)[:-1]]).astype(int)
        self.u_off, self.b_off = u_off, b_off

        def cat(arrs: list[np.ndarray], rows: int, dtype: type = float) -> np.ndarray:
            return np.concatenate(arrs, axis=1) if arrs else np.zeros((rows, 0), dtype=dtype)

        self.K = cat([sd.K for sd in parts], 17)
        self.Z = cat([sd.Z for sd in parts], 8, int)
        self.S = cat([sd.S for sd in parts], 8)
        self.dem_key = cat([sd.dem_key + b_off[k] for k, sd in enumerate(parts)], 2, int)
        self.u_key = cat([sd.u_key + u_off[k] for k, sd in enumerate(parts)], 2, int)
        self.scen = np.repeat(np.arange(len(parts)), ns)
        n = self.n
        self.R = np.zeros((7, n))  # moves, voting positions, gains (I, J), decide's gain
        self.Ia, self.Ja, self.q, self.p = self.Z[0], self.Z[1], self.Z[4], self.Z[5]
        self.mI, self.mJ, self.yI, self.yJ, self.gI, self.gJ, self.gain = self.R
        self.valid = np.zeros(n, dtype=bool)
        self.alive = np.ones(n, dtype=bool)
        self._mark = np.zeros(n, dtype=bool)
        # round-start positions and weight shares c s / Σ c s, flat per scenario
        self.x_flat = np.concatenate([sd.x0.ravel() for sd in parts]) if parts else np.zeros(0)
        with np.errstate(invalid="ignore", divide="ignore"):
            self.share_flat = (
                np.concatenate([(sd.w / np.where(sd.denom > 0, sd.denom, 1.0)).ravel()
                                for sd in parts]) if parts else np.zeros(0)
            )
        self.round = 0
        self.edge_cap = False
        self.edge_replay: dict[tuple[int, ...], bool] | None = None
        self.edge_seen: dict[tuple[int, ...], int] = {}
        self.edge_events = np.zeros(len(parts), dtype=int)
        # moves already made towards a demander: U[O, k, A] (NaN: none), flat per scenario
        self.U = np.full(int(sum(u_sizes)), np.nan)
        self.Bn = np.zeros(int(sum(b_sizes)))  # flat (demander, issue): Σ c s (U - x) / Σ c s
        # per actor-issue: the exchanges where it supplies (side, column) or demands (column)
        self.by_sup: list[dict[int, tuple[np.ndarray, np.ndarray]]] = []
        self.by_dem: list[dict[int, np.ndarray]] = []
        for k, sd in enumerate(parts):
            cols = np.concatenate([np.arange(sd.n), np.arange(sd.n)]) + self.lo[k]
            side = np.concatenate([np.zeros(sd.n, dtype=np.intp), np.ones(sd.n, dtype=np.intp)])
            self.by_sup.append({key: (side[g], cols[g]) for key, g in _groups(sd.sup_key).items()})
            self.by_dem.append({key: cols[g] for key, g in _groups(sd.dem_key.ravel()).items()})

    # -- the exchange calculation ---------------------------------------------------------
    def compute(self, idx: np.ndarray) -> None:
        """(Re)calculate exchanges ``idx`` from their current supply positions and histories."""
        K = self.K[:, idx]
        S = self.S[:, idx]
        share, inv, T, nb0, X0 = K[0:2], K[2:4], K[4:6], K[6:8], K[8:10]
        rho, irho, usable, sIp, sIq, sJp, sJq = K[10:17]
        X, HS, HMIN, HMAX = S[0:2], S[2:4], S[4:6], S[6:8]
        dist = np.abs(T - X)  # how far each supplier is from its partner
        full = dist * share  # the outcome shift if it moved all the way
        # J moves all the way to I on p and I returns the equal-gain shift on q, unless I
        # would then pass J: then I moves all the way and J returns less (Stokman & Van
        # Oosten 1994; decide's order of tests)
        dq = full[1] * rho
        dp = full[1]
        M = dist.copy()
        M[0] = dq * inv[0]
        over = M[0] > dist[0]
        if over.any():
            dq = np.where(over, full[0], dq)
            dp = np.where(over, dq * irho, dp)
            M[0] = np.where(over, dist[0], M[0])
            M[1] = np.where(over, dp * inv[1], dist[1])
        sgn = np.where(X > T, -1.0, 1.0)  # direction of each move
        M *= sgn
        gI = dp * sIp - dq * sIq
        gJ = dq * sJq - dp * sJp
        gain = np.abs(gI)
        valid = (usable > 0) & (gain >= _GAIN_EPS) & _move_ok(M, X, HS, HMIN, HMAX)
        # the outcome must not pass the demander: first on q (I's move), then on p (J's)
        u_key = self.u_key[:, idx]
        own_u = self.U[u_key]
        nb = nb0 + self.Bn[self.dem_key[:, idx]]  # outcome without the supplier
        ref = X
        has_u = own_u == own_u
        if has_u.any():
            nb = nb - np.where(has_u, share * (own_u - X0), 0.0)
            ref = np.where(has_u, own_u, X)
        a = T - nb - share * X
        b = a - share * M  # after the move; both as seen by the demander's position
        cross = valid & (a * b < 0)
        knife = valid & ((np.abs(a) <= _EDGE_TOL) | (np.abs(b) <= _EDGE_TOL))
        if cross.any() or knife.any():
            delta = np.abs(T - nb - share * ref) * inv  # the move that puts the outcome on T
            M, gI, gJ, gain = self._cut(
                idx, M, X, T, nb, share, inv, sgn, rho, irho, sIp, sIq, sJp, sJq,
                a, delta, valid, gI, gJ, gain,
            )
            valid &= _move_ok(M, X, HS, HMIN, HMAX)
        self.R[:, idx] = np.concatenate([M, X + M, [gI, gJ, gain]])
        self.valid[idx] = valid

    def _cut(
        self,
        idx: np.ndarray,
        M: np.ndarray,
        X: np.ndarray,
        T: np.ndarray,
        nb: np.ndarray,
        share: np.ndarray,
        inv: np.ndarray,
        sgn: np.ndarray,
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
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """decide's check that a move does not push the outcome past the demander's position:
        first I's move on q, then J's on p (after I's cut). Where it would, the move is cut so
        the outcome lands on that position and the partner's move scaled by the rate."""
        a_edge = np.abs(a) <= _EDGE_TOL
        for side in (0, 1):
            b = a[side] - share[side] * M[side]
            cross = valid & (a[side] * b < 0)
            knife = valid & (a_edge[side] | (np.abs(b) <= _EDGE_TOL))
            if knife.any():
                Z = self.Z[:, idx]
                for t in np.flatnonzero(knife):
                    cross[t] = self._edge(
                        int(idx[t]), int(Z[side, t]), int(Z[4 + side, t]), int(Z[2 + side, t]),
                        int(Z[6 + side, t]), bool(a_edge[side, t]),
                    )
            if not cross.any():
                continue
            other = 1 - side
            r_x = delta[side] * share[side]
            r_o = r_x * (irho if side == 0 else rho)
            M[side] = np.where(cross, delta[side] * sgn[side], M[side])
            M[other] = np.where(cross, r_o * inv[other] * sgn[other], M[other])
            dq_, dp_ = (r_x, r_o) if side == 0 else (r_o, r_x)
            gI = np.where(cross, dp_ * sIp - dq_ * sIq, gI)
            gJ = np.where(cross, dq_ * sJq - dp_ * sJp, gJ)
            gain = np.where(cross, np.abs(gJ if side == 0 else gI), gain)
        return M, gI, gJ, gain

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
    def realise(self, tops: list[int]) -> np.ndarray:
        """Exchanges ``tops`` (at most one per scenario) are realised: update the exchanges
        they touch and return those (still in play) to be recalculated by :meth:`compute`."""
        if len(tops) == 1:
            return self._realise_one(tops[0])
        e = np.asarray(tops)
        A, B, p, q = self.Ia[e], self.Ja[e], self.p[e], self.q[e]
        yA, yB = self.yI[e], self.yJ[e]
        self.alive[e] = False
        self.alive &= self.valid  # decide drops what no longer pays when it realises one
        # moves made towards a demander: B demanded q (A moved there), A demanded p
        sc = self.scen[e]
        n_a = np.array([self.parts[k].n_a for k in sc])
        n_i = np.array([self.parts[k].n_i for k in sc])
        b_key = np.concatenate([B * n_i + q, A * n_i + p])
        sup = np.concatenate([A, B])
        k_iss = np.concatenate([q, p])
        y = np.concatenate([yA, yB])
        sc2 = np.concatenate([sc, sc])
        u_key = b_key * np.concatenate([n_a, n_a]) + sup + self.u_off[sc2]
        b_key = b_key + self.b_off[sc2]
        ai = sup * np.concatenate([n_i, n_i]) + k_iss + self.b_off[sc2]
        x, wd = self.x_flat[ai], self.share_flat[ai]
        old = self.U[u_key]
        # decide keeps the smaller of the moves in the supplier's direction
        new = np.where(np.isnan(old), y,
                       np.where(x <= old, np.minimum(old, y), np.maximum(old, y)))
        self.Bn[b_key] += wd * (new - np.where(np.isnan(old), x, old))
        self.U[u_key] = new
        # supplying the same actor-issue: start from the moved position, keep the earlier move
        # (exchanges already dropped are updated too; harmless, they are never read again)
        side_l: list[np.ndarray] = []
        col_l: list[np.ndarray] = []
        y_l: list[float] = []
        n_l: list[int] = []
        mark = self._mark
        for k, a_, b_, p_, q_, ni, ya, yb in zip(
            sc.tolist(), A.tolist(), B.tolist(), p.tolist(), q.tolist(), n_i.tolist(),
            yA.tolist(), yB.tolist(), strict=True,
        ):
            sup_k, dem_k = self.by_sup[k], self.by_dem[k]
            for key, yv in ((a_ * ni + q_, ya), (b_ * ni + p_, yb)):
                hit = sup_k.get(key)
                if hit is not None:
                    side_l.append(hit[0])
                    col_l.append(hit[1])
                    y_l.append(yv)
                    n_l.append(hit[1].size)
            for key in (b_ * ni + q_, a_ * ni + p_):
                d_idx = dem_k.get(key)
                if d_idx is not None:
                    mark[d_idx] = True
        S, R = self.S, self.R
        if col_l:
            sides, cols = np.concatenate(side_l), np.concatenate(col_l)
            m = R[sides, cols]
            S[2 + sides, cols] += m
            S[4 + sides, cols] = np.minimum(S[4 + sides, cols], m)
            S[6 + sides, cols] = np.maximum(S[6 + sides, cols], m)
            S[sides, cols] = np.repeat(y_l, n_l)
            mark[cols] = True
        mark &= self.alive
        touched = np.flatnonzero(mark)
        mark[touched] = False
        return touched


    def _realise_one(self, e: int) -> np.ndarray:
        """:meth:`realise` for one exchange (fewer, scalar steps)."""
        sc = int(self.scen[e])
        part = self.parts[sc]
        A, B, p, q = int(self.Ia[e]), int(self.Ja[e]), int(self.p[e]), int(self.q[e])
        yA, yB = float(self.yI[e]), float(self.yJ[e])
        self.alive[e] = False
        self.alive &= self.valid
        n_a, n_i = part.n_a, part.n_i
        u_off, b_off = int(self.u_off[sc]), int(self.b_off[sc])
        for dem, k, sup, y in ((B, q, A, yA), (A, p, B, yB)):
            b_key = dem * n_i + k
            u_key = b_key * n_a + sup + u_off
            old = float(self.U[u_key])
            x = float(part.x0[sup, k])
            if old != old:  # NaN: no earlier move
                new, prev = y, x
            else:
                new = min(old, y) if x <= old else max(old, y)
                prev = old
            self.U[u_key] = new
            self.Bn[b_key + b_off] += float(self.share_flat[sup * n_i + k + b_off]) * (new - prev)
        mark = self._mark
        S, R = self.S, self.R
        for key, y in ((A * n_i + q, yA), (B * n_i + p, yB)):
            hit = self.by_sup[sc].get(key)
            if hit is None:
                continue
            sides, cols = hit
            m = R[sides, cols]
            S[2 + sides, cols] += m
            S[4 + sides, cols] = np.minimum(S[4 + sides, cols], m)
            S[6 + sides, cols] = np.maximum(S[6 + sides, cols], m)
            S[sides, cols] = y
            mark[cols] = True
        for key in (B * n_i + q, A * n_i + p):
            d_idx = self.by_dem[sc].get(key)
            if d_idx is not None:
                mark[d_idx] = True
        mark &= self.alive
        touched = np.flatnonzero(mark)
        mark[touched] = False
        return touched


def _groups(keys: np.ndarray) -> dict[int, np.ndarray]:
    if keys.size == 0:
        return {}
    order = np.argsort(keys, kind="stable")
    sk = keys[order]
    cuts = np.flatnonzero(np.diff(sk)) + 1
    starts = np.concatenate([[0], cuts])
    return {int(sk[s]): g for s, g in zip(starts, np.split(order, cuts), strict=True)}


def _move_ok(
    m: np.ndarray, x: np.ndarray, h_sum: np.ndarray, h_min: np.ndarray, h_max: np.ndarray
) -> np.ndarray:
    """decide's test of both moves ``m`` from ``x``: real, on the scale, not reversing (nor
    adding up to more than the scale with) the moves the exchange made before."""
    y = x + m
    ok = (
        (np.abs(m) > _MOVE_EPS)
        & (y >= -_EDGE_TOL)
        & (y <= 100 + _EDGE_TOL)
        & (h_sum + m <= 100)
        & ((np.maximum(h_max, m) < 0) | (np.minimum(h_min, m) > 0))
    )
    return ok[0] & ok[1]


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
    )[0]


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
        self.starts = [self.x.copy()]
        self.votes: list[np.ndarray] = []
        self.start_out = [_outcome(self.x, self.w, self.denom)]
        self.vote_out: list[np.ndarray] = []
        self.exchanges: list[list[RealisedExchange]] = []
        self.ext: list[np.ndarray] = []
        self.candidates: list[int] = []
        self.ties = 0
        self.edge_events = 0
        self.converged: int | None = None
        # the round in progress
        self.perm = np.zeros(0, dtype=int)
        self.realised: list[int] = []
        self.moved_from: list[tuple[float, float]] = []

    def result(self) -> ExchangeRun:
        n_a, n_i = self.x.shape
        return ExchangeRun(
            start_positions=np.stack(self.starts),
            voting_positions=np.stack(self.votes) if self.votes else np.zeros((0, n_a, n_i)),
            start_outcomes=np.stack(self.start_out),
            voting_outcomes=np.stack(self.vote_out) if self.vote_out else np.zeros((0, n_i)),
            exchanges=self.exchanges,
            externalities=np.stack(self.ext) if self.ext else np.zeros((0, n_a)),
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
) -> list[ExchangeRun]:
    """Run many scenarios ``(position, salience, power, present)`` at once (same options).

    Each scenario's exchanges are realised one after the other as in :func:`run_exchange_rounds`
    and give the same results; the scenarios advance side by side so that the recalculations
    of all of them run as one numpy call (what makes Monte Carlo runs fast). Random draws come
    from one child generator per scenario. ``edge_replay`` applies to the first scenario.
    """
    gen = rng if rng is not None else np.random.default_rng(0)
    runs = [_Scenario(*inp, rng=g) for inp, g in zip(inputs, gen.spawn(len(inputs)), strict=True)]
    active = list(range(len(runs)))
    for r in range(rounds):
        if not active:
            break
        parts = [
            _Part(runs[k].x, runs[k].sal, runs[k].w, runs[k].present, runs[k].denom,
                  runs[k].start_out[-1], variant, runs[k].rng)
            for k in active
        ]
        st = _Round(parts)
        st.round, st.edge_cap = r, edge == "cap"
        st.edge_replay = edge_replay if active and active[0] == 0 else None
        if st.n:
            st.compute(np.arange(st.n))
        key = st.gain if variant == "equal_gain" else None
        running = []
        for slot, k in enumerate(active):
            sc = runs[k]
            sc.candidates.append(parts[slot].n)
            lo = int(st.lo[slot])
            sc.perm = np.arange(lo, lo + parts[slot].n)
            sc.realised, sc.moved_from = [], []
            running.append(slot)
        while running:
            tops = []
            still = []
            if variant != "equal_gain":
                key = np.minimum(st.gI, st.gJ)
            assert key is not None
            for slot in running:
                sc = runs[active[slot]]
                top = _pick(st, sc, key, tie_break)
                if top is None:
                    continue
                still.append(slot)
                sc.realised.append(top)
                sc.moved_from.append((float(st.S[0, top]), float(st.S[1, top])))
                tops.append(top)
            if tops:
                idx = st.realise(tops)
                if idx.size:
                    st.compute(idx)
                    st.alive[idx] &= st.valid[idx]
            for slot in still:
                sc = runs[active[slot]]
                sc.perm = sc.perm[st.alive[sc.perm]]
            running = still
        for slot, k in enumerate(active):
            _finish_round(r, st, slot, runs[k], salience_weight, fixed_weight)
        if stop_when_stable:
            active = [k for k in active if runs[k].converged is None]
    return [sc.result() for sc in runs]


def _pick(st: _Round, sc: _Scenario, key: np.ndarray, tie_break: str) -> int | None:
    """decide's pick: sort the scenario's list by gain (a stable sort, so exchanges of equal
    gain keep the order of earlier sorts), take the first, or at a tie the first or the second;
    skip exchanges that do not pay. None when the list is empty."""
    perm = sc.perm
    while perm.size:
        rk = np.round(key[perm], _TIE_DECIMALS)
        order = np.argsort(-rk, kind="stable")
        perm = perm[order]
        top = int(perm[0])
        if perm.size > 1 and rk[order[0]] == rk[order[1]]:
            sc.ties += 1
            take_second = tie_break == "second" or (
                tie_break == "random" and sc.rng.random() >= 0.5
            )
            if take_second:
                top = int(perm[1])
                perm = np.concatenate([perm[2:], perm[:1]])
            else:
                perm = perm[1:]
        else:
            perm = perm[1:]
        st.alive[top] = False
        if st.valid[top]:
            sc.perm = perm
            return top
    sc.perm = perm
    return None


def _finish_round(
    r: int, st: _Round, slot: int, sc: _Scenario, salience_weight: float, fixed_weight: float
) -> None:
    """Voting positions and outcome of the round; the next round's start (decide's partial
    adjustment, each realised exchange in turn, the last one standing)."""
    x, sal = sc.x, sc.sal
    vote = x.copy()
    for e in sc.realised:
        vote[st.Ia[e], st.q[e]] = st.yI[e]
        vote[st.Ja[e], st.p[e]] = st.yJ[e]
    sc.votes.append(vote)
    sc.vote_out.append(_outcome(vote, sc.w, sc.denom))
    nxt = x.copy()
    adj = fixed_weight + salience_weight * (1.0 - sal)
    for e in sc.realised:
        a, k = st.Ia[e], st.q[e]
        nxt[a, k] = x[a, k] + adj[a, k] * (st.yI[e] - x[a, k])
        a, k = st.Ja[e], st.p[e]
        nxt[a, k] = x[a, k] + adj[a, k] * (st.yJ[e] - x[a, k])
    sc.edge_events += int(st.edge_events[slot])
    rows, ext = _describe(r + 1, st, sc.realised, sc.moved_from, x, sal, sc.start_out[-1])
    sc.exchanges.append(rows)
    sc.ext.append(ext)
    sc.x = nxt
    sc.starts.append(nxt.copy())
    sc.start_out.append(_outcome(nxt, sc.w, sc.denom))
    if not sc.realised and sc.converged is None:
        sc.converged = r + 1


def _describe(
    rnd: int,
    st: _Round,
    realised: list[int],
    moved_from: list[tuple[float, float]],
    x: np.ndarray,
    sal: np.ndarray,
    nbs: np.ndarray,
) -> tuple[list[RealisedExchange], np.ndarray]:
    """The realised exchanges of a round, and each actor's externality: the salience-weighted
    change of its distance to the outcome that other actors' exchanges cause (positive: gain)."""
    rows: list[RealisedExchange] = []
    ext = np.zeros(x.shape[0])
    if not realised:
        return rows, ext
    e = np.asarray(realised)
    K = st.K[:, e]
    start = np.asarray(moved_from).T  # where each supplier moved from
    shift_q = K[0] * (st.yI[e] - start[0])  # the outcome shifts each move caused
    shift_p = K[1] * (st.yJ[e] - start[1])
    p, q = st.p[e], st.q[e]
    xa_p, xa_q = np.nan_to_num(x[:, p]), np.nan_to_num(x[:, q])  # (n_a, n_e)
    gain_p = np.abs(nbs[p] - xa_p) - np.abs(nbs[p] + shift_p - xa_p)
    gain_q = np.abs(nbs[q] - xa_q) - np.abs(nbs[q] + shift_q - xa_q)
    per = sal[:, p] * gain_p + sal[:, q] * gain_q  # (n_a, n_e)
    traders = np.zeros_like(per, dtype=bool)
    traders[st.Ia[e], np.arange(e.size)] = True
    traders[st.Ja[e], np.arange(e.size)] = True
    ext = np.where(traders, 0.0, per).sum(axis=1)
    for k, i in enumerate(realised):
        rows.append(
            RealisedExchange(
                round=rnd,
                actor_i=int(st.Ia[i]),
                issue_i=int(st.q[i]),
                start_i=float(start[0, k]),
                y_i=float(st.yI[i]),
                shift_i=float(shift_q[k]),
                actor_j=int(st.Ja[i]),
                issue_j=int(st.p[i]),
                start_j=float(start[1, k]),
                y_j=float(st.yJ[i]),
                shift_j=float(shift_p[k]),
                gain_i=float(st.gI[i]),
                gain_j=float(st.gJ[i]),
            )
        )
    return rows, ext
