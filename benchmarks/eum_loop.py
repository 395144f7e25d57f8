"""The straightforward implementation of the expected utility model: plain Python loops over
issues, pairs of actors and voters, the equations written out one by one as Scholz, Calbert &
Smith (2011) print them (see ``detente.collective._eum_kernel`` for the list).

It is the baseline that ``bench_eum.py`` times the batched kernel against, and the independent
implementation the tests compare the kernel with (same settings, same tie rules). It returns
positions, medians, means and risk exponents per round, on the input's unit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from detente.collective._eum_kernel import TOL, EUMSettings

__all__ = ["LoopResult", "eum_loop"]


@dataclass(frozen=True)
class LoopResult:
    positions: np.ndarray  # (R+1, B, n), NaN for absent actors
    median: np.ndarray  # (R+1, B)
    mean: np.ndarray  # (R+1, B)
    risk: np.ndarray  # (R, B, n)
    accepted: np.ndarray  # (R, B, n)


def eum_loop(
    position: np.ndarray,
    capability: np.ndarray,
    salience: np.ndarray,
    present: np.ndarray,
    settings: EUMSettings = EUMSettings(),
) -> LoopResult:
    B, n = np.shape(present)
    R = settings.rounds
    positions = np.full((R + 1, B, n), np.nan)
    median = np.full((R + 1, B), np.nan)
    mean = np.full((R + 1, B), np.nan)
    risk = np.ones((R, B, n))
    accepted = np.full((R, B, n), -1, dtype=np.int64)
    for b in range(B):
        actors = [k for k in range(n) if present[b][k]]
        x = {k: float(position[b][k]) for k in actors}
        s = {k: float(salience[b][k]) for k in actors}
        w = {k: float(capability[b][k]) * s[k] for k in actors}
        run = _Issue(actors, x, s, w, settings)
        r_now: dict[int, float] = {}
        for k in actors:
            positions[0, b, k] = x[k]
        median[0, b], mean[0, b] = run.median(), run.mean()
        for rnd in range(R):
            if run.stopped:  # positions frozen: the same risk exponents, nobody moves
                acc = {}
            else:
                r_now, acc = run.round()
            for k in actors:
                positions[rnd + 1, b, k] = run.x[k]
                risk[rnd, b, k] = r_now[k]
                accepted[rnd, b, k] = acc.get(k, -1)
            median[rnd + 1, b], mean[rnd + 1, b] = run.median(), run.mean()
    return LoopResult(positions, median, mean, risk, accepted)


class _Issue:
    def __init__(
        self,
        actors: list[int],
        x: dict[int, float],
        s: dict[int, float],
        w: dict[int, float],
        cfg: EUMSettings,
    ) -> None:
        self.actors, self.x, self.s, self.w, self.cfg = actors, dict(x), s, w, cfg
        span = max(x.values()) - min(x.values()) if actors else 0.0
        self.scale = span if (cfg.distance == "positions" and span > 0) else 1.0
        self.r_first: dict[int, float] | None = None
        self.stopped = False

    # --- positions summarised
    def mean(self) -> float:
        total = sum(self.w.values())
        if total <= 0:
            return math.nan
        return sum(self.w[k] * self.x[k] for k in self.actors) / total

    def median(self) -> float:
        total = sum(self.w.values())
        if total <= 0:
            return math.nan
        loss = {
            j: sum(self.w[k] * abs(self.x[k] - self.x[j]) for k in self.actors)
            for j in self.actors
        }
        best = min(loss.values())
        tied = [self.x[j] for j in self.actors if loss[j] <= best + TOL * total]
        return (min(tied) + max(tied)) / 2.0

    # --- the equations
    def d(self, a: float, b: float) -> float:
        return abs(a - b) / self.scale

    def probability(self, i: int, j: int, r: dict[int, float] | None) -> float:
        """P that i prevails over j; votes use the voters' risk exponents when ``r`` given."""
        if self.x[i] == self.x[j]:
            return 0.0
        positive = negative = net = 0.0
        for k in self.actors:
            v = self.vote(k, i, j, r)
            positive += max(v, 0.0)
            negative += max(-v, 0.0)
            net += v
        # tallies at rounding-noise level count as zero (votes that cancel), as in the kernel
        noise = TOL * sum(self.w[k] for k in self.actors)
        positive = 0.0 if positive <= noise else positive
        negative = 0.0 if negative <= noise else negative
        net = 0.0 if abs(net) <= noise else net
        absolute = positive + negative
        if self.cfg.probability == "share":
            num, den = positive, absolute
        elif self.cfg.probability == "net":
            num, den = max(net, 0.0), absolute
        else:
            num, den = positive, self._all_votes
        return num / den if den > 0 else 0.0

    def vote(self, k: int, i: int, j: int, r: dict[int, float] | None) -> float:
        rho = 1.0 if r is None else r[k]
        return self.w[k] * (
            self.d(self.x[k], self.x[j]) ** rho - self.d(self.x[k], self.x[i]) ** rho
        )

    def expected_utility(
        self, i: int, j: int, risk: float, p: float, mu: float
    ) -> float:
        """EU of i challenging j, valued with risk exponent ``risk`` (Scholz eq. 25)."""
        d = self.d(self.x[i], self.x[j])
        us = 2.0 - 4.0 * max(0.5 - 0.5 * d, 0.0) ** risk
        uf = 2.0 - 4.0 * (0.5 + 0.5 * d) ** risk
        usq = 2.0 - 4.0 * 0.5**risk
        sj = self.s[j]
        eu = sj * (p * us + (1.0 - p) * uf) + (1.0 - sj) * us - self.cfg.q * usq
        if self.cfg.q < 1.0:
            dmu = self.d(self.x[i], mu)
            ub = 2.0 - 4.0 * max(0.5 - 0.25 * (dmu + d), 0.0) ** risk
            uw = 2.0 - 4.0 * (0.5 + 0.25 * (dmu + d)) ** risk
            if self.cfg.t == "eftekhari":
                t = 1.0 if dmu < d - TOL else 0.0
            else:
                t = float(self.cfg.t)
            eu -= (1.0 - self.cfg.q) * (t * ub + (1.0 - t) * uw)
        return eu

    def _set_all_votes(self, r: dict[int, float] | None) -> None:
        self._all_votes = 0.0
        if self.cfg.probability == "scholz_code":
            for a in self.actors:
                for b in self.actors:
                    for k in self.actors:
                        self._all_votes += abs(self.vote(k, a, b, r))

    def risk_exponents(self, mu: float) -> dict[int, float]:
        ones = {k: 1.0 for k in self.actors}
        if self.cfg.risk == "neutral":
            return ones
        if self.r_first is not None:
            return self.r_first
        self._set_all_votes(None)
        security = {i: self.security(i, mu) for i in self.actors}
        hi, lo = max(security.values(), default=0.0), min(security.values(), default=0.0)
        r = {}
        for i in self.actors:
            if self.cfg.risk == "bdm":
                # BDM (1985, 1994, 1997): i's security where it stands against the security
                # it would have at each position it could take, everyone else staying put
                here = self.x[i]
                levels = []
                for y in sorted({self.x[k] for k in self.actors}):
                    self.x[i] = y
                    levels.append(self.security(i, mu))
                self.x[i] = here
                hi, lo = max(levels), min(levels)
            big = 0.0 if hi - lo <= TOL else (2 * security[i] - hi - lo) / (hi - lo)
            big = min(max(big, -1.0), 1.0)
            r[i] = (1 - big / 3) / (1 + big / 3)
        if self.cfg.risk_update == "first_round":
            self.r_first = r
        return r

    def security(self, i: int, mu: float) -> float:
        """S_i: the sum of the expected utilities of challenging i, every r = 1."""
        total = 0.0
        for j in self.actors:
            if i != j:
                p = self.probability(j, i, None)
                total += self.expected_utility(j, i, 1.0, p, mu)
        return total

    def round(self) -> tuple[dict[int, float], dict[int, int]]:
        cfg = self.cfg
        m = self.median()
        mu = 0.0 if math.isnan(m) else m
        r = self.risk_exponents(mu)
        votes_r = r if cfg.vote_risk else None
        self._set_all_votes(votes_r)
        p = {
            (i, j): self.probability(i, j, votes_r)
            for i in self.actors
            for j in self.actors
            if i != j
        }
        new_x = dict(self.x)
        accepted: dict[int, int] = {}
        for i in self.actors:
            offers = []  # (kind rank, key, j, position)
            sent: list[tuple[float, float, int]] = []  # challenges i receives: (b, gap, j)
            for j in self.actors:
                if j == i or self.x[i] == self.x[j]:
                    continue
                a = self.expected_utility(i, j, r[i], p[i, j], mu)
                if cfg.perception == "actual":
                    b = self.expected_utility(j, i, r[j], p[j, i], mu)
                else:
                    b = self.expected_utility(j, i, r[i], p[j, i], mu)
                kind, pos = self.relation(i, j, a, b)
                if kind is not None and pos is not None:
                    if cfg.accept == "scholz_code" and kind == 1:
                        key = (abs(a) * self.x[i] + abs(b) * self.x[j]) / (abs(a) + abs(b))
                    else:
                        key = abs(pos - self.x[i])
                    offers.append((kind, key, j, pos))
                if cfg.accept == "strongest" and b > TOL:
                    sent.append((b, abs(self.x[j] - self.x[i]), j))
            choice = self.choose(offers, sent)
            if choice is not None:
                new_x[i] = choice[1]
                accepted[i] = choice[0]
        moved = max((abs(new_x[k] - self.x[k]) for k in self.actors), default=0.0)
        if moved <= cfg.tolerance:
            self.stopped = True
            return r, {}
        self.x = new_x
        return r, accepted

    def relation(self, i: int, j: int, a: float, b: float) -> tuple[int | None, float | None]:
        """Kind of pressure on i (0 lost conflict, 1 compromise, 2 capitulation) and where it
        would move i; (None, None) if i does not give way to j."""
        xi, xj = self.x[i], self.x[j]
        if a > TOL and b > TOL:
            return (0, xj) if b > a + TOL else (None, None)
        if a < -TOL and b > TOL:
            if b > -a + TOL:
                if self.cfg.compromise == "fraction":
                    return 1, xi + (xj - xi) * abs(a) / abs(b)
                return 1, (abs(a) * xi + abs(b) * xj) / (abs(a) + abs(b))
            return (2, xj) if self.cfg.capitulation else (None, None)
        return None, None

    def choose(
        self,
        offers: list[tuple[int, float, int, float]],
        sent: list[tuple[float, float, int]],
    ) -> tuple[int, float] | None:
        if self.cfg.accept == "strongest":
            if not sent:
                return None
            top = max(e[0] for e in sent)
            near = [e for e in sent if e[0] >= top - TOL]
            gap = min(e[1] for e in near)
            j_best = next(e[2] for e in near if e[1] <= gap + TOL)
            for _kind, _key, j, pos in offers:
                if j == j_best:
                    return j, pos
            return None
        if not offers:
            return None
        if self.cfg.accept != "nearest":
            first = min(o[0] for o in offers)
            offers = [o for o in offers if o[0] == first]
        best = min(o[1] for o in offers)
        for _kind, key, j, pos in offers:  # actor order: the first of equal keys
            if key <= best + TOL:
                return j, pos
        return None
