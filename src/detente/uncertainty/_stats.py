"""Streaming statistics over draws, merged chunk by chunk in a fixed order.

Per column (an issue, or an episode outcome): the count of finite draws, mean and sum of
squared deviations (merged with Chan et al.'s pairwise formula), min, max, the count above a
threshold and a fixed-bin histogram on the column's range, from which quantiles are read when
the draws themselves are not kept (error at most half a bin: ``range / BINS / 2``). Memory is
independent of the number of draws.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["BINS", "Stream"]

BINS = 4096


@dataclass
class Stream:
    """Running statistics of ``k`` columns on ranges ``[lo, hi]``."""

    lo: np.ndarray
    hi: np.ndarray
    above: float | None
    n: np.ndarray
    mean: np.ndarray
    m2: np.ndarray
    vmin: np.ndarray
    vmax: np.ndarray
    n_above: np.ndarray
    hist: np.ndarray

    @classmethod
    def empty(cls, lo: np.ndarray, hi: np.ndarray, above: float | None) -> Stream:
        k = len(lo)
        return cls(np.asarray(lo, float), np.asarray(hi, float), above, np.zeros(k, np.int64),
                   np.zeros(k), np.zeros(k), np.full(k, np.inf), np.full(k, -np.inf),
                   np.zeros(k, np.int64), np.zeros((k, BINS), np.int64))

    @classmethod
    def of(cls, x: np.ndarray, lo: np.ndarray, hi: np.ndarray, above: float | None) -> Stream:
        """Statistics of the draws ``x`` ``(D, k)``."""
        s = cls.empty(lo, hi, above)
        ok = np.isfinite(x)
        n = ok.sum(axis=0)
        xs = np.where(ok, x, 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(n > 0, xs.sum(axis=0) / np.maximum(n, 1), 0.0)
        dev = np.where(ok, x - mean, 0.0)
        s.n, s.mean, s.m2 = n.astype(np.int64), mean, (dev * dev).sum(axis=0)
        s.vmin = np.where(ok, x, np.inf).min(axis=0)
        s.vmax = np.where(ok, x, -np.inf).max(axis=0)
        if above is not None:
            s.n_above = (ok & (x > above)).sum(axis=0).astype(np.int64)
        width = np.where(s.hi > s.lo, s.hi - s.lo, 1.0)
        b = np.clip(np.floor(np.where(ok, (x - s.lo) / width * BINS, 0.0)), 0,
                    BINS - 1).astype(np.int64)
        for j in range(x.shape[1]):
            s.hist[j] = np.bincount(b[ok[:, j], j], minlength=BINS)
        return s

    def merge(self, o: Stream) -> Stream:
        """Both streams as one (the order of merging is fixed by the caller)."""
        n = self.n + o.n
        with np.errstate(invalid="ignore", divide="ignore"):
            delta = o.mean - self.mean
            mean = np.where(n > 0, self.mean + delta * o.n / np.maximum(n, 1), 0.0)
            m2 = self.m2 + o.m2 + delta * delta * self.n * o.n / np.maximum(n, 1)
        return Stream(self.lo, self.hi, self.above, n, mean, m2,
                      np.minimum(self.vmin, o.vmin), np.maximum(self.vmax, o.vmax),
                      self.n_above + o.n_above, self.hist + o.hist)

    @property
    def sd(self) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.n > 1, np.sqrt(np.maximum(self.m2, 0) /
                                                np.maximum(self.n - 1, 1)), 0.0)

    @property
    def mcse(self) -> np.ndarray:
        """Monte Carlo standard error of the mean (independent draws)."""
        return self.sd / np.sqrt(np.maximum(self.n, 1))

    def quantile(self, q: float) -> np.ndarray:
        """Quantile ``q`` from the histogram (linear within a bin), clipped to [min, max]."""
        out = np.full(len(self.lo), np.nan)
        for j in range(len(self.lo)):
            if self.n[j] == 0:
                continue
            cum = np.cumsum(self.hist[j])
            target = q * self.n[j]
            b = int(np.searchsorted(cum, target, side="left"))
            b = min(b, BINS - 1)
            before = cum[b - 1] if b > 0 else 0
            inside = self.hist[j, b]
            frac = (target - before) / inside if inside > 0 else 0.5
            width = (self.hi[j] - self.lo[j]) / BINS
            out[j] = self.lo[j] + (b + min(max(frac, 0.0), 1.0)) * width
            out[j] = min(max(out[j], self.vmin[j]), self.vmax[j])
        return out

    def p_above(self) -> np.ndarray | None:
        if self.above is None:
            return None
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.n > 0, self.n_above / np.maximum(self.n, 1), np.nan)
