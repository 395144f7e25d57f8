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

__all__ = ["ExchangeRun", "RealisedExchange", "run_exchange_rounds"]

_MOVE_EPS = 1e-10  # decide: a move of at most 1e-10 is no move
_GAIN_EPS = 1e-10  # decide: an exchange gaining less than this does not pay
_TIE_DECIMALS = 12  # gains equal to 12 decimals are a tie (decide: 1e-20 in Decimal)
_EDGE_TOL = 1e-9  # float slack at the scale's ends (decide's Decimal arithmetic is exact there)


@dataclass(frozen=True)
class RealisedExchange:
    """One realised exchange: ``actor_i`` moves on ``issue_i`` from ``start_i`` to ``y_i`` (its
    supply issue, where ``actor_j`` wants it) in return for ``actor_j`` moving on ``issue_j``.

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


@dataclass
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


class _Round:
    """State of every possible exchange of one round (structure of arrays)."""

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
        self.total = np.where(present, np.nan_to_num(x0) * w, 0.0).sum(axis=0)
        left = np.where(present, x0 <= nbs[None, :], False)
        pp, qq = np.triu_indices(n_i, k=1)
        both = present[:, pp] & present[:, qq]  # (n_a, n_pairs)
        grp = left[:, pp].astype(np.int8) | (left[:, qq].astype(np.int8) << 1)
        grp = np.where(both, grp, -1).T  # (n_pairs, n_a)
        gi, gj = grp[:, :, None], grp[:, None, :]
        mask = np.stack([(gi == 0) & (gj == 3), (gi == 1) & (gj == 2)], axis=1)
        pr, _blk, ii, jj = np.nonzero(mask)
        p, q = pp[pr], qq[pr]
        swap = sal[ii, p] * sal[jj, q] < sal[jj, p] * sal[ii, q]
        self.Ia = np.where(swap, jj, ii)  # I supplies q, demands p
        self.Ja = np.where(swap, ii, jj)  # J supplies p, demands q
        self.p, self.q = p, q
        n = len(p)
        self.n = n
        Ia, Ja = self.Ia, self.Ja
        self.sIp, self.sIq = sal[Ia, p], sal[Ia, q]
        self.sJp, self.sJq = sal[Ja, p], sal[Ja, q]
        self.wIq, self.wJp = w[Ia, q], w[Ja, p]
        self.Dp, self.Dq = denom[p], denom[q]
        self.xIp, self.xJq = x0[Ia, p], x0[Ja, q]  # demand positions (fixed in a round)
        self.supI, self.supJ = x0[Ia, q].copy(), x0[Ja, p].copy()  # supply positions
        with np.errstate(invalid="ignore", divide="ignore"):
            if variant == "random_rate":
                lo = self.sJp / self.sJq
                hi = self.sIp / self.sIq
                u = rng.random(n)
                self.rho = lo + u * (hi - lo)
            else:
                self.rho = (self.sIp + self.sJp) / (self.sIq + self.sJq)
        self.usable = (self.wIq > 0) & (self.wJp > 0) & np.isfinite(self.rho) & (self.rho > 0)
        # move histories (decide keeps earlier computed moves of an exchange)
        z = np.zeros(n)
        self.hI_sum, self.hJ_sum = z.copy(), z.copy()
        self.hI_min, self.hJ_min = np.full(n, np.inf), np.full(n, np.inf)
        self.hI_max, self.hJ_max = np.full(n, -np.inf), np.full(n, -np.inf)
        self.mI, self.mJ = z.copy(), z.copy()
        self.yI, self.yJ = z.copy(), z.copy()
        self.gI, self.gJ = z.copy(), z.copy()
        self.gain = z.copy()
        self.valid = np.zeros(n, dtype=bool)
        self.alive = np.ones(n, dtype=bool)
        self.order = np.arange(n, dtype=np.int64)
        self.next_order = n
        # moves already made on a demanded actor-issue: U[O, k, A] (NaN: none), B[O, k] = shift
        self.round = 0
        self.edge_cap = False
        self.edge_replay: dict[tuple[int, ...], bool] | None = None
        self.edge_seen: dict[tuple[int, ...], int] = {}
        self.edge_events = 0
        self.U = np.full((n_a, n_i, n_a), np.nan)
        self.B = np.zeros((n_a, n_i))
        self._index()

    def _index(self) -> None:
        n_i = self.n_i
        self.by_supI = _groups(self.Ia * n_i + self.q)
        self.by_supJ = _groups(self.Ja * n_i + self.p)
        self.by_demI = _groups(self.Ia * n_i + self.p)
        self.by_demJ = _groups(self.Ja * n_i + self.q)

    # -- the exchange calculation ---------------------------------------------------------
    def compute(self, idx: np.ndarray) -> None:
        """(Re)calculate exchanges ``idx`` from their current supply positions and histories."""
        with np.errstate(invalid="ignore", divide="ignore"):
            self._compute(idx)

    def _compute(self, idx: np.ndarray) -> None:
        sIp, sIq, sJp, sJq = self.sIp[idx], self.sIq[idx], self.sJp[idx], self.sJq[idx]
        wIq, wJp, Dp, Dq = self.wIq[idx], self.wJp[idx], self.Dp[idx], self.Dq[idx]
        rho = self.rho[idx]
        xIp, xJq = self.xIp[idx], self.xJq[idx]
        xIq, xJp = self.supI[idx], self.supJ[idx]
        dist_p = np.abs(xIp - xJp)
        dist_q = np.abs(xJq - xIq)
        # J moves all the way to I on p; I returns the equal-gain shift on q ...
        dp = dist_p * wJp / Dp
        dq = dp * rho
        mI = dq * Dq / wIq
        mJ = dist_p
        # ... unless I would pass J: then I moves all the way and J returns less
        over = np.abs(mI) > dist_q
        dq = np.where(over, dist_q * wIq / Dq, dq)
        dp = np.where(over, dq / rho, dp)
        mI = np.where(over, dist_q, mI)
        mJ = np.where(over, dp * Dp / wJp, mJ)
        mI = np.where(xIq > xJq, -mI, mI)
        mJ = np.where(xJp > xIp, -mJ, mJ)
        yI, yJ = xIq + mI, xJp + mJ
        gI = dp * sIp - dq * sIq
        gJ = dq * sJq - dp * sJp
        gain = np.abs(gI)
        hI = (self.hI_sum[idx], self.hI_min[idx], self.hI_max[idx])
        hJ = (self.hJ_sum[idx], self.hJ_min[idx], self.hJ_max[idx])
        valid = (
            self.usable[idx]
            & _move_ok(mI, xIq, *hI)
            & _move_ok(mJ, xJp, *hJ)
            & (gain >= _GAIN_EPS)
        )
        # the outcome of q must not pass J (demander on q); then that of p must not pass I
        Ia, Ja, p, q = self.Ia[idx], self.Ja[idx], self.p[idx], self.q[idx]
        cross, delta, r_x = self._check_outcome(Ja, q, Ia, xIq, yI, wIq, Dq, xJq, valid, p)
        if cross.any():
            r_o = r_x / rho
            m_o = r_o * Dp / wJp
            mI = np.where(cross, np.where(xIq > xJq, -delta, delta), mI)
            mJ = np.where(cross, np.where(xJp > xIp, -m_o, m_o), mJ)
            yI, yJ = xIq + mI, xJp + mJ
            eu = np.abs(r_o * sJp - r_x * sJq)
            gain = np.where(cross, eu, gain)
            gI = np.where(cross, r_o * sIp - r_x * sIq, gI)
            gJ = np.where(cross, r_x * sJq - r_o * sJp, gJ)
        cross, delta, r_x = self._check_outcome(Ia, p, Ja, xJp, yJ, wJp, Dp, xIp, valid, q)
        if cross.any():
            r_o = r_x * rho
            m_o = r_o * Dq / wIq
            mJ = np.where(cross, np.where(xJp > xIp, -delta, delta), mJ)
            mI = np.where(cross, np.where(xIq > xJq, -m_o, m_o), mI)
            yI, yJ = xIq + mI, xJp + mJ
            eu = np.abs(r_o * sIq - r_x * sIp)
            gain = np.where(cross, eu, gain)
            gI = np.where(cross, r_x * sIp - r_o * sIq, gI)
            gJ = np.where(cross, r_o * sJq - r_x * sJp, gJ)
        valid = valid & _move_ok(mI, xIq, *hI) & _move_ok(mJ, xJp, *hJ)
        self.mI[idx], self.mJ[idx] = mI, mJ
        self.yI[idx], self.yJ[idx] = yI, yJ
        self.gI[idx], self.gJ[idx] = gI, gJ
        self.gain[idx] = gain
        self.valid[idx] = valid

    def _check_outcome(
        self,
        dem: np.ndarray,
        k: np.ndarray,
        sup: np.ndarray,
        x_sup: np.ndarray,
        y_sup: np.ndarray,
        w_sup: np.ndarray,
        D: np.ndarray,
        x_dem: np.ndarray,
        active: np.ndarray,
        other: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Does the supplier's move push the outcome of ``k`` past the demander's position?

        The outcome counts the moves other suppliers already made towards the same demander on
        ``k`` (``U``/``B``). Where it passes, the move is cut so that the outcome lands on the
        demander's position: returns (passes, the cut move, the cut exchange ratio).
        """
        own_u = self.U[dem, k, sup]
        has_u = ~np.isnan(own_u)
        x_model = self.x0[sup, k]
        base = self.total[k] - w_sup * x_model + self.B[dem, k]
        base = base - np.where(has_u, w_sup * (own_u - x_model), 0.0)
        nbs0 = (base + w_sup * x_sup) / D
        nbs1 = (base + w_sup * y_sup) / D
        a, b = x_dem - nbs0, x_dem - nbs1
        same = ((a >= 0) & (b >= 0)) | ((a <= 0) & (b <= 0))
        cross = active & ~same
        # Knife edge: the outcome sits on the demander's position (an earlier move was cut to
        # land it there) or this move lands it there. decide's test (">= 0 and >= 0, or <= 0
        # and <= 0") then lets the move pass in exact arithmetic; its Decimal rounding noise
        # sometimes cuts it instead. edge="pass" follows exact arithmetic, "cap" always cuts.
        knife = active & ((np.abs(a) <= _EDGE_TOL) | (np.abs(b) <= _EDGE_TOL))
        if knife.any():
            cross = cross.copy()
            for t in np.flatnonzero(knife):
                cross[t] = self._edge(int(sup[t]), int(k[t]), int(dem[t]), int(other[t]),
                                      abs(float(a[t])) <= _EDGE_TOL)
        ref = np.where(has_u, own_u, x_sup)
        delta = np.abs(D * x_dem - base - w_sup * ref) / w_sup
        return cross, delta, delta * w_sup / D

    def _edge(self, sup: int, k: int, dem: int, k_dem: int, at_edge: bool) -> bool:
        """Cut the move at a knife edge? (``edge`` option, or a replayed decision.)"""
        key = (self.round, sup, k, dem, k_dem)
        n = self.edge_seen.get(key, 0)
        self.edge_seen[key] = n + 1
        self.edge_events += 1
        if self.edge_replay is not None and (*key, n) in self.edge_replay:
            return self.edge_replay[(*key, n)]
        return self.edge_cap and at_edge

    # -- realisation ------------------------------------------------------------------------
    def realise(self, e: int) -> None:
        """Exchange ``e`` is realised: update the exchanges it touches."""
        A, B, p, q = int(self.Ia[e]), int(self.Ja[e]), int(self.p[e]), int(self.q[e])
        yA, yB = float(self.yI[e]), float(self.yJ[e])
        self.alive[e] = False
        self.alive &= self.valid
        # moves made towards a demander: B demanded q (A moved there), A demanded p
        self._note_move(B, q, A, yA)
        self._note_move(A, p, B, yB)
        n_i = self.n_i
        kA, kB = A * n_i + q, B * n_i + p
        sI_a = self.by_supI.get(kA, _EMPTY)
        sI_b = self.by_supI.get(kB, _EMPTY)
        sJ_a = self.by_supJ.get(kA, _EMPTY)
        sJ_b = self.by_supJ.get(kB, _EMPTY)
        dB, dA = B * n_i + q, A * n_i + p
        dem = [
            self.by_demI.get(dB, _EMPTY),
            self.by_demJ.get(dB, _EMPTY),
            self.by_demI.get(dA, _EMPTY),
            self.by_demJ.get(dA, _EMPTY),
        ]
        alive = self.alive
        sI_a, sI_b = sI_a[alive[sI_a]], sI_b[alive[sI_b]]
        sJ_a, sJ_b = sJ_a[alive[sJ_a]], sJ_b[alive[sJ_b]]
        # supplying the same actor-issue: start from the moved position, keep the earlier move
        for s_idx, y in ((sI_a, yA), (sI_b, yB)):
            if s_idx.size:
                m = self.mI[s_idx]
                self.hI_sum[s_idx] += m
                self.hI_min[s_idx] = np.minimum(self.hI_min[s_idx], m)
                self.hI_max[s_idx] = np.maximum(self.hI_max[s_idx], m)
                self.supI[s_idx] = y
        for s_idx, y in ((sJ_a, yA), (sJ_b, yB)):
            if s_idx.size:
                m = self.mJ[s_idx]
                self.hJ_sum[s_idx] += m
                self.hJ_min[s_idx] = np.minimum(self.hJ_min[s_idx], m)
                self.hJ_max[s_idx] = np.maximum(self.hJ_max[s_idx], m)
                self.supJ[s_idx] = y
        touched = np.concatenate([sI_a, sI_b, sJ_a, sJ_b, *dem])
        if touched.size:
            touched = np.unique(touched)
            touched = touched[alive[touched]]
            if touched.size:
                self.compute(touched)
                alive[touched] &= self.valid[touched]

    def _note_move(self, dem: int, k: int, sup: int, y: float) -> None:
        old = self.U[dem, k, sup]
        x = self.x0[sup, k]
        if np.isnan(old):
            new = y
            prev = x
        else:
            # decide keeps the smaller of the moves in the supplier's direction
            new = min(old, y) if x <= old else max(old, y)
            prev = old
        self.U[dem, k, sup] = new
        self.B[dem, k] += self.w[sup, k] * (new - prev)


_EMPTY = np.zeros(0, dtype=np.int64)


def _groups(keys: np.ndarray) -> dict[int, np.ndarray]:
    if keys.size == 0:
        return {}
    order = np.argsort(keys, kind="stable")
    sk = keys[order]
    cuts = np.flatnonzero(np.diff(sk)) + 1
    starts = np.concatenate([[0], cuts])
    return {int(sk[s]): g for s, g in zip(starts, np.split(order, cuts))}


def _move_ok(
    m: np.ndarray, x: np.ndarray, h_sum: np.ndarray, h_min: np.ndarray, h_max: np.ndarray
) -> np.ndarray:
    """decide's test of a move: real, inside the scale, not reversing earlier moves."""
    a = np.abs(m)
    y = x + m
    lo, hi = np.minimum(h_min, m), np.maximum(h_max, m)
    same_sign = ((lo < 0) & (hi < 0)) | ((lo > 0) & (hi > 0))
    return (
        (a <= 100)
        & (a > _MOVE_EPS)
        & (y >= -_EDGE_TOL)
        & (y <= 100 + _EDGE_TOL)
        & (h_sum + m <= 100)
        & same_sign
    )


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
    gen = rng if rng is not None else np.random.default_rng(0)
    present = present & ~np.isnan(position)
    x = np.where(present, position, np.nan).astype(float)
    sal = np.where(present, salience, 0.0).astype(float)
    w = np.where(present, salience * power, 0.0).astype(float)
    denom = w.sum(axis=0)
    n_a, n_i = x.shape
    starts = [x.copy()]
    votes: list[np.ndarray] = []
    start_out = [_outcome(x, w, denom)]
    vote_out: list[np.ndarray] = []
    all_ex: list[list[RealisedExchange]] = []
    ext_rows: list[np.ndarray] = []
    n_cand: list[int] = []
    ties = 0
    edge_events = 0
    converged: int | None = None
    for r in range(rounds):
        nbs = start_out[-1]
        st = _Round(x, sal, w, present, denom, nbs, variant, gen)
        st.round, st.edge_cap, st.edge_replay = r, edge == "cap", edge_replay
        n_cand.append(st.n)
        if st.n:
            st.compute(np.arange(st.n))
        realised: list[int] = []
        # decide keeps its exchanges in a list that it sorts by gain (a stable sort) before
        # each pick, so exchanges of equal gain stay in the order of earlier sorts
        perm = np.arange(st.n)
        while perm.size:
            g = st.gain[perm] if variant == "equal_gain" else np.minimum(st.gI, st.gJ)[perm]
            rk = np.round(g, _TIE_DECIMALS)
            perm = perm[np.argsort(-rk, kind="stable")]
            top = int(perm[0])
            if perm.size > 1 and rk.max() == np.round(
                (st.gain if variant == "equal_gain" else np.minimum(st.gI, st.gJ))[perm[1]],
                _TIE_DECIMALS,
            ):
                ties += 1
                take_second = tie_break == "second" or (
                    tie_break == "random" and gen.random() >= 0.5
                )
                if take_second:
                    top = int(perm[1])
                    perm = np.concatenate([perm[2:], perm[:1]])
                else:
                    perm = perm[1:]
            else:
                perm = perm[1:]
            st.alive[top] = False
            if not st.valid[top]:
                continue
            realised.append(top)
            st.realise(top)
            perm = perm[st.alive[perm]]
        vote = x.copy()
        for e in realised:
            vote[st.Ia[e], st.q[e]] = st.yI[e]
            vote[st.Ja[e], st.p[e]] = st.yJ[e]
        votes.append(vote)
        vo = _outcome(vote, w, denom)
        vote_out.append(vo)
        nxt = x.copy()
        adj = fixed_weight + salience_weight * (1.0 - sal)
        # decide takes each realised exchange's voting position in turn (the last one stands)
        for e in realised:
            a, k = st.Ia[e], st.q[e]
            nxt[a, k] = x[a, k] + adj[a, k] * (st.yI[e] - x[a, k])
            a, k = st.Ja[e], st.p[e]
            nxt[a, k] = x[a, k] + adj[a, k] * (st.yJ[e] - x[a, k])
        edge_events += st.edge_events
        rows, ext = _describe(r + 1, st, realised, x, sal, nbs)
        all_ex.append(rows)
        ext_rows.append(ext)
        x = nxt
        starts.append(x.copy())
        start_out.append(_outcome(x, w, denom))
        if not realised and converged is None:
            converged = r + 1
            if stop_when_stable:
                break
    return ExchangeRun(
        start_positions=np.stack(starts),
        voting_positions=np.stack(votes) if votes else np.zeros((0, n_a, n_i)),
        start_outcomes=np.stack(start_out),
        voting_outcomes=np.stack(vote_out) if vote_out else np.zeros((0, n_i)),
        exchanges=all_ex,
        externalities=np.stack(ext_rows) if ext_rows else np.zeros((0, n_a)),
        candidates=n_cand,
        ties=ties,
        edge_events=edge_events,
        converged=converged,
    )


def _describe(
    rnd: int, st: _Round, realised: list[int], x: np.ndarray, sal: np.ndarray, nbs: np.ndarray
) -> tuple[list[RealisedExchange], np.ndarray]:
    """The realised exchanges of a round, and each actor's externality: the salience-weighted
    change of its distance to the outcome that other actors' exchanges cause (positive: gain)."""
    rows = []
    ext = np.zeros(st.n_a)
    if not realised:
        return rows, ext
    e = np.asarray(realised)
    with np.errstate(invalid="ignore", divide="ignore"):
        shift_q = st.wIq[e] * (st.yI[e] - st.x0[st.Ia[e], st.q[e]]) / st.Dq[e]
        shift_p = st.wJp[e] * (st.yJ[e] - st.x0[st.Ja[e], st.p[e]]) / st.Dp[e]
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
                start_i=float(st.x0[st.Ia[i], st.q[i]]),
                y_i=float(st.yI[i]),
                shift_i=float(shift_q[k]),
                actor_j=int(st.Ja[i]),
                issue_j=int(st.p[i]),
                start_j=float(st.x0[st.Ja[i], st.p[i]]),
                y_j=float(st.yJ[i]),
                shift_j=float(shift_p[k]),
                gain_i=float(st.gI[i]),
                gain_j=float(st.gJ[i]),
            )
        )
    return rows, ext
