"""The expected utility model's rounds, compiled (numba): the same steps as
:func:`._eum_kernel._eum_rows` and :func:`._eum_kernel._one_round`, one row (issue or Monte Carlo
draw) at a time, every pairwise quantity in one pass over the row's ``n × n`` pairs, in cache.

Why compiled: the numpy kernel makes ~100 passes over ``(B, n, n)`` arrays per round (and sorts,
gathers and searches them); with thousands of rows those arrays leave the cache and each pass
costs its memory traffic. Here a row's round reads its inputs once and keeps its ``n × n``
scratch arrays in cache.

Same numbers, bit for bit (``tests/collective/test_eum_jit.py``): every value is computed with
the same floating-point operations in the same order as the numpy kernel (no fast-math, no
contraction into fused multiply-adds; ``error_model='numpy'``); sums are accumulated as numpy
accumulates them (``einsum`` in sequence, ``ndarray.sum`` pairwise, :func:`_pairwise_sum`); and
the powers ``x ** r`` are computed by numpy's own ``float64`` power loop (its SIMD one where the
CPU has it, which differs from the C library's ``pow`` in the last bit of a few per cent of
results), called from compiled code through its function pointer (:func:`_numpy_power_loop`,
checked against ``numpy.power`` when this module is imported: if they differ, or the pointer
cannot be read, :data:`AVAILABLE` is False and the kernel runs numpy). The weighted mean
(``einsum`` with SIMD partial sums) is computed by numpy afterwards, on the same arrays.

Positions, not actors: the vote tallies, the probabilities, the votes' powers, ``U_s`` and
``U_f`` depend on where the actors stand (and on the voter's or challenger's risk exponent),
not on who stands there, and after the first rounds the actors of an issue meet at a few
positions (30 actors of the Monte Carlo benchmark: 30 distinct positions, ~17 after one round,
~11 after three, ~3 after eight). They are computed once per distinct position (per actor and
position for the powers); the same operations on the same values give the same numbers.

Threads: each round's live rows are split into pieces run on a thread pool (the compiled code
releases the GIL); a row's numbers depend only on its own inputs, its place among the round's
live rows and the round's span, all fixed before the split, so every thread count gives the
numbers of the numpy kernel on one thread.

Covered: every :class:`EUMSettings` except ``risk='bdm'`` (which runs numpy).

This module imports numba; it is imported only when the compiled EUM path runs (see
:func:`._eum_kernel.eum_kernel`, ``engine``).
"""

from __future__ import annotations

import ctypes
import threading
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from detente.collective._numba_cache import ensure_cache_dir

__all__ = ["AVAILABLE", "covers", "loaded", "ready", "run_part"]

TOL = 1e-12  # as _eum_kernel.TOL
_TINY = float(np.finfo(float).tiny)
_PROB = {"share": 0, "net": 1, "scholz_code": 2}
_ACCEPT = {"priority": 0, "nearest": 1, "strongest": 2, "scholz_code": 3}
_RISK = {"security": 0, "bdm": 1, "neutral": 2}
_SYMBOL = "detente_eum_npy_power_f8"
_COUNT_MAX = 48  # up to this many actors, cuts are counted rather than swept


def covers(settings: Any) -> bool:
    """Whether the compiled rounds implement ``settings`` (all but ``risk='bdm'``)."""
    return bool(settings.risk != "bdm")


class _UFunc(ctypes.Structure):
    # the head of numpy's PyUFuncObject (numpy/ufuncobject.h; unchanged since numpy 1.0)
    _fields_ = [
        ("ob_refcnt", ctypes.c_ssize_t), ("ob_type", ctypes.c_void_p),
        ("nin", ctypes.c_int), ("nout", ctypes.c_int), ("nargs", ctypes.c_int),
        ("identity", ctypes.c_int),
        ("functions", ctypes.POINTER(ctypes.c_void_p)), ("data", ctypes.POINTER(ctypes.c_void_p)),
        ("ntypes", ctypes.c_int), ("reserved1", ctypes.c_int), ("name", ctypes.c_char_p),
        ("types", ctypes.POINTER(ctypes.c_char)),
    ]


_LOOP = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)


def _numpy_power_loop() -> tuple[int, int] | None:
    """Address of numpy's inner loop of ``power`` for ``float64`` (and its data pointer), or
    None if it cannot be read or does not give ``numpy.power``'s numbers on a test sample."""
    try:
        uf = _UFunc.from_address(id(np.power))
        if uf.nin != 2 or uf.nout != 1 or uf.name != b"power":
            return None
        d = np.dtype(np.float64).num
        for k in range(uf.ntypes):
            if all(ord(uf.types[3 * k + m]) == d for m in range(3)):
                fn, data = uf.functions[k], uf.data[k] or 0
                break
        else:
            return None
        if not fn:
            return None
        rng = np.random.default_rng(20260501)
        base = np.concatenate([rng.uniform(0.0, 1.0, 4093), [0.0, 0.5, 1.0, 0.25]])
        expo = np.concatenate([rng.uniform(0.5, 2.0, 4093), [1.7, 0.61, 1.3, 1.0]])
        out = np.empty_like(base)
        args = (ctypes.c_void_p * 3)(base.ctypes.data, expo.ctypes.data, out.ctypes.data)
        dims = (ctypes.c_ssize_t * 1)(base.size)
        steps = (ctypes.c_ssize_t * 3)(8, 8, 8)
        _LOOP(fn)(args, dims, steps, ctypes.c_void_p(data))
        if not np.array_equal(out, np.power(base, expo)):
            return None
        return int(fn), int(data)
    except Exception:  # pragma: no cover - an unknown numpy layout: numpy path
        return None


_LOOP_ADDR = _numpy_power_loop()
AVAILABLE = _LOOP_ADDR is not None
"""Whether the compiled path can give numpy's numbers (numpy's power loop was found)."""

ensure_cache_dir(__file__)

import llvmlite.binding as _ll  # type: ignore[import-untyped]  # noqa: E402
import numba  # noqa: E402
from numba import types as _nt  # noqa: E402

_POW_DATA = 0
if _LOOP_ADDR is not None:
    _ll.add_symbol(_SYMBOL, _LOOP_ADDR[0])
    _POW_DATA = _LOOP_ADDR[1]
_npy_power = _nt.ExternalFunction(
    _SYMBOL, _nt.void(_nt.intp, _nt.intp, _nt.intp, _nt.intp)
)


def _jit(fn: Callable[..., Any], **kw: Any) -> Any:
    """``numba.njit(cache=True, nogil=True, error_model='numpy')`` (no caching where no cache
    directory can be written)."""
    try:
        return numba.njit(cache=True, nogil=True, error_model="numpy", **kw)(fn)
    except RuntimeError:  # pragma: no cover - no writable cache location
        return numba.njit(cache=False, nogil=True, error_model="numpy", **kw)(fn)


with warnings.catch_warnings():
    warnings.simplefilter("ignore")

    @_jit
    def _power(base, expo, out, m, meta, data):  # type: ignore[no-untyped-def]
        """``out[:m] = base[:m] ** expb[:m]`` by numpy's own loop (``meta``: scratch, 7)."""
        meta[0] = base.ctypes.data
        meta[1] = expo.ctypes.data
        meta[2] = out.ctypes.data
        meta[3] = m
        meta[4] = 8
        meta[5] = 8
        meta[6] = 8
        addr = meta.ctypes.data
        _npy_power(addr, addr + 24, addr + 32, data)

    @_jit
    def _pairwise_block(a, lo, n):  # type: ignore[no-untyped-def]
        """``a[lo:lo+n].sum()`` for ``n ≤ 128``, as numpy adds it (8 partial sums)."""
        if n < 8:
            res = 0.0
            for i in range(n):
                res += a[lo + i]
            return res
        r0 = a[lo]
        r1 = a[lo + 1]
        r2 = a[lo + 2]
        r3 = a[lo + 3]
        r4 = a[lo + 4]
        r5 = a[lo + 5]
        r6 = a[lo + 6]
        r7 = a[lo + 7]
        i = 8
        end = n - (n % 8)
        while i < end:
            r0 += a[lo + i]
            r1 += a[lo + i + 1]
            r2 += a[lo + i + 2]
            r3 += a[lo + i + 3]
            r4 += a[lo + i + 4]
            r5 += a[lo + i + 5]
            r6 += a[lo + i + 6]
            r7 += a[lo + i + 7]
            i += 8
        res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        while i < n:
            res += a[lo + i]
            i += 1
        return res

    @_jit
    def _pairwise_sum(a, lo, n):  # type: ignore[no-untyped-def]
        """``a[lo:lo+n].sum()`` as numpy adds a contiguous float64 run: pairwise, halves
        rounded to multiples of 8 down to blocks of at most 128 (numpy/_core/src/umath/
        loops_utils.h), here with an explicit stack (numba caches no recursive function)."""
        if n <= 128:
            return _pairwise_block(a, lo, n)
        s_lo = np.empty(64, np.int64)
        s_n = np.empty(64, np.int64)
        s_state = np.empty(64, np.int64)
        vals = np.empty(64)
        top = 0
        nv = 0
        s_lo[0] = lo
        s_n[0] = n
        s_state[0] = 0
        while top >= 0:
            m = s_n[top]
            if m <= 128:
                vals[nv] = _pairwise_block(a, s_lo[top], m)
                nv += 1
                top -= 1
                continue
            half = m // 2
            half -= half % 8
            st = s_state[top]
            if st == 0:
                s_state[top] = 1
                s_lo[top + 1] = s_lo[top]
                s_n[top + 1] = half
                s_state[top + 1] = 0
                top += 1
            elif st == 1:
                s_state[top] = 2
                s_lo[top + 1] = s_lo[top] + half
                s_n[top + 1] = m - half
                s_state[top + 1] = 0
                top += 1
            else:
                vals[nv - 2] = vals[nv - 2] + vals[nv - 1]
                nv -= 1
                top -= 1
        return vals[0]

    @_jit
    def _stable_order(v, out):  # type: ignore[no-untyped-def]
        """``out[:] = np.argsort(v, kind="stable")``: a stable insertion sort into ``out`` (no
        allocation), by numpy's order of floats (NaN last; equal values, −0 and +0
        included, keep their order): the same permutation, since a stable order is unique."""
        n = v.shape[0]
        for k in range(n):
            vk = v[k]
            j = k
            while j > 0:
                u = v[out[j - 1]]
                if vk < u or (u != u and vk == vk):
                    out[j] = out[j - 1]
                    j -= 1
                else:
                    break
            out[j] = k

    @_jit
    def _median(x, w, present, sumw, loss):  # type: ignore[no-untyped-def]
        """:func:`._eum_kernel.condorcet_median` of one row (``loss``: scratch, ``n``)."""
        n = x.shape[0]
        best = np.inf
        for j in range(n):
            loss[j] = 0.0
        for k in range(n):  # each loss[j] sums over k in order (as numpy), all j at once
            wk = w[k]
            xk = x[k]
            for j in range(n):
                loss[j] += wk * abs(xk - x[j])
        for j in range(n):
            if not present[j]:
                loss[j] = np.inf
            if loss[j] < best:
                best = loss[j]
        if not sumw > 0:
            return np.nan
        lim = best + TOL * sumw  # relative: capability is any non-negative scale
        lo = np.inf
        hi = -np.inf
        for j in range(n):
            if loss[j] <= lim:
                lo = min(lo, x[j])
                hi = max(hi, x[j])
        return (lo + hi) / 2.0

    @_jit
    def _tallies(ux, m, n, cut, wu, prefix, noise, positive, net, pt):  # type: ignore[no-untyped-def]
        """:func:`._eum_kernel._positive_votes` of one row between its ``m`` distinct positions
        ``ux`` (ascending), from ``wu[k', P]`` (the vote of the ``k'``-th of the ``n`` voters
        by position on position ``P``, already weighted): actors at one position have the same
        tallies, summed here once. ``pt``: ``positive`` transposed (for :func:`_prob`)."""
        for i in range(m):
            prefix[0, i] = 0.0
        for k in range(n):
            for i in range(m):
                prefix[k + 1, i] = prefix[k, i] + wu[k, i]
        for i in range(m):
            ti = prefix[n, i]
            for j in range(m):
                nt = prefix[n, j] - ti
                c = cut[i, j]
                below = prefix[c, j] - prefix[c, i]
                pos = below if ux[i] - ux[j] < 0.0 else nt - below
                if pos <= noise:
                    pos = 0.0
                if abs(nt) <= noise:
                    nt = 0.0
                positive[i, j] = pos
                pt[j, i] = pos
                net[i, j] = nt

    @_jit
    def _prob(positive, pt, net, m, pid, counts, kind, p):  # type: ignore[no-untyped-def]
        """:func:`._eum_kernel._probability` of one row between its ``m`` distinct positions,
        from their tallies (``pid[i]``: actor ``i``'s position; ``scholz_code`` sums over the
        pairs of actors, in their order). ``pt[i, j]`` is ``positive[j, i]`` (rows read in
        order: the divisions run as vectors)."""
        if kind == 0:
            for i in range(m):
                for j in range(m):
                    p[i, j] = positive[i, j] / max(positive[i, j] + pt[i, j], _TINY)
        elif kind == 1:
            for i in range(m):
                for j in range(m):
                    den = positive[i, j] + pt[i, j]
                    p[i, j] = max(net[i, j], 0.0) / den if den > 0 else 0.0
        else:
            n = pid.shape[0]
            flat = np.empty(n * n)
            for i in range(n):
                pi = pid[i]
                for j in range(n):
                    pj = pid[j]
                    flat[i * n + j] = counts[i, j] * (positive[pi, pj] + positive[pj, pi])
            den = _pairwise_sum(flat, 0, n * n)
            for i in range(m):
                for j in range(m):
                    p[i, j] = positive[i, j] / den if den > 0 else 0.0

    @_jit
    def _t(eftekhari, t_value, dmu_i, dist_ij):  # type: ignore[no-untyped-def]
        """``T`` for the challenger ``i`` of ``j`` (Eftekhari & Rahimi 2014: 1 if the median
        is nearer to ``i`` than ``j`` is)."""
        if eftekhari:
            return 1.0 if dmu_i < dist_ij - TOL else 0.0
        return t_value

    @_jit
    def _least(key, n):  # type: ignore[no-untyped-def]
        """The least of ``key[:n]`` as ``min`` takes it in order (a NaN is never taken), in
        four running minima: the same value (a set's least is one value; only the sign of a
        zero may differ, which no caller reads) without a chain of ``n`` dependent
        comparisons."""
        l0 = np.inf
        l1 = np.inf
        l2 = np.inf
        l3 = np.inf
        j = 0
        while j + 4 <= n:
            l0 = min(l0, key[j])
            l1 = min(l1, key[j + 1])
            l2 = min(l2, key[j + 2])
            l3 = min(l3, key[j + 3])
            j += 4
        while j < n:
            l0 = min(l0, key[j])
            j += 1
        return min(min(l0, l1), min(l2, l3))

    @_jit
    def _ub_uw(spread):  # type: ignore[no-untyped-def]
        return max(0.5 - 0.25 * spread, 0.0), 0.5 + 0.25 * spread

    @_jit
    def _round_rows(  # type: ignore[no-untyped-def]
        lo, hi, rnd, live, span, x_lo, x_hi, x, w, s, present, mult, scale, sumw,
        median, r_fixed, has_fixed, prob_kind, vote_risk, actual, accept_kind, weighted,
        capitulation, q, t_value, eftekhari, risk_kind, first_round, tolerance, record,
        trace, risk_out, security_out, accepted_out, relation_out, stopped, pair_start, buf_rel,
        buf_a, buf_b, buf_p, buf_offer, at, pow_data, still,
    ):
        """Round ``rnd`` of the live rows ``live[lo:hi]`` (see :func:`._eum_kernel._one_round`):
        each row's ``x`` moved in place and its median updated if it moved, ``still[ll]`` set
        if it did not. A row's numbers depend only on its own inputs, its place ``ll`` among
        the round's live rows and the round's ``span`` (the offset under which the numpy
        kernel searches every live row's midpoints in one sorted array), never on ``lo:hi``:
        any split of the rows over threads gives the same numbers. ``trace`` False: the
        round's risk exponents, security levels and accepted offers are not written to
        ``risk_out`` etc. (a run that reads the outcomes only: the arrays are never touched,
        and every number computed is the same)."""
        n = x.shape[1]
        nn = n * n
        need_alt = q < 1.0

        dist = np.empty((n, n))
        counts = np.empty((n, n))  # challenges between the members of two groups
        chal = np.empty((n, n))  # counts per member of the challenged group
        pair = np.empty((n, n), np.bool_)
        dpos = np.empty((n, n))  # distances between the distinct positions
        ux = np.empty(n)  # the distinct positions, ascending
        pid = np.empty(n, np.uint64)  # actor i's position in ux (unsigned: see vo)
        cut = np.empty((n, n), np.uint32)
        prefix = np.empty((n + 1, n))
        wu = np.empty((n, n))
        positive = np.empty((n, n))
        pt = np.empty((n, n))  # positive, transposed
        net = np.empty((n, n))
        p1 = np.empty((n, n))
        p = np.empty((n, n))
        n8 = (n + 8) // 8 * 8  # (at least one +inf past the voters)
        twice = np.full(n8, np.inf)
        dmu = np.zeros(n)
        r = np.ones(n)
        security = np.zeros(n)
        lost_ = np.zeros(n)
        reach_ = np.zeros(n)
        m_pow = 3 * nn + n + (4 * nn if need_alt else 0)
        pb = np.empty(m_pow)
        pe = np.empty(m_pow)
        meta = np.empty(7, np.int64)
        a = np.empty((n, n))
        bb = np.empty((n, n))
        offer = np.empty((n, n))
        moving = np.empty((n, n), np.bool_)
        lose = np.empty((n, n), np.bool_)
        give = np.empty((n, n), np.bool_)
        capit = np.empty((n, n), np.bool_)
        key = np.empty(n)
        newx = np.empty(n)
        loss_m = np.empty(n)
        # (unsigned indices: no wraparound test before each gather they index)
        vo = np.empty(n, np.uint64)
        gap_k = np.empty(n)
        base_k = np.empty(n)
        lose_k = np.empty(n)
        b_k = np.empty(n)
        lost_k = np.empty(n)
        reach_k = np.empty(n)
        filled_unit = False
        for ll in range(lo, hi):
            b = live[ll]
            xb = x[b]
            sc = scale[b]
            off = (4.0 * span) * ll
            noise = TOL * sumw[b]
            # the row's pairs, from its groups' sizes (as :func:`._eum_kernel._eum_rows`:
            # m_j m_i − [i = j] m_j challenges, per member of the challenged group)
            mb = mult[b]
            unit = True  # every actor present, none merged: one challenge per ordered pair
            for j in range(n):
                unit = unit and mb[j] == 1.0
            if not (unit and filled_unit):  # (the scratch holds the last row's counts)
                for j in range(n):
                    mj = mb[j]
                    for i in range(n):
                        e = 1.0 if i == j else 0.0
                        c_ji = mj * mb[i] - e * mj
                        counts[j, i] = c_ji
                        pair[j, i] = c_ji > 0
            filled_unit = unit
            _stable_order(xb, vo)  # the voters in position order
            for k in range(n):
                twice[k] = 2.0 * xb[vo[k]] + off
            # the distinct positions: the tallies, probabilities and powers depend on the
            # actors' positions only, and actors meet at few of them after the first rounds
            # (30 actors: ~17 positions after one round, ~5 after six); they are computed
            # once per position (or per actor and position) with the same operations on the
            # same values, so the numbers are unchanged
            m = 0
            for k in range(n):
                v = xb[vo[k]]
                if m == 0 or v != ux[m - 1]:
                    ux[m] = v
                    m += 1
                pid[vo[k]] = m - 1
            for i in range(m):
                for j in range(m):
                    df = ux[i] - ux[j]
                    dpos[i, j] = abs(df) / sc
            for i in range(n):  # (the same values: |x_i − x_j| / scale)
                pi = pid[i]
                for j in range(n):
                    dist[i, j] = dpos[pi, pid[j]]
            # the voters below each midpoint (x_i + x_j) / 2 (numpy's searchsorted), per
            # pair of positions: counted outright for a few voters (no branch to
            # mispredict); else, the positions ascending, the midpoints ascend and one
            # sweep finds every cut
            for i in range(m):
                xio = ux[i] + off
                if n <= _COUNT_MAX:
                    for j in range(i, m):
                        v = xio + ux[j]
                        c = 0
                        for k in range(n8):  # (padded with +inf: whole vectors)
                            c += twice[k] < v
                        cut[i, j] = c
                        # j against i: the same midpoint but for rounding ((x_j + off) +
                        # x_i): from i's count, the few voters between the two sums
                        # (each loop ends at once where its sum is not the larger)
                        u = (ux[j] + off) + ux[i]
                        while twice[c] < u:
                            c += 1
                        while c > 0 and twice[c - 1] >= u:
                            c -= 1
                        cut[j, i] = c
                else:
                    c = 0
                    for j in range(m):
                        v = xio + ux[j]
                        while c < n and twice[c] < v:
                            c += 1
                        cut[i, j] = c
            if need_alt:
                mu = median[b]
                if np.isnan(mu):
                    mu = 0.0
                for i in range(n):
                    dmu[i] = abs(xb[i] - mu) / sc
            # --- risk exponents from security levels (every r = 1)
            if risk_kind == 2:
                for i in range(n):
                    r[i] = 1.0
                    security[i] = 0.0
            elif has_fixed:
                for i in range(n):
                    r[i] = r_fixed[b, i]
                    security[i] = 0.0
            else:
                for k in range(n):
                    vk = vo[k]
                    pk = pid[vk]
                    for i in range(m):
                        wu[k, i] = dpos[pk, i] * w[b, vk]
                _tallies(ux, m, n, cut, wu, prefix, noise, positive, net, pt)
                _prob(positive, pt, net, m, pid, counts, prob_kind, p1)
                if unit:
                    # every share is 1 but i's against itself, 0, at distance 0 like every
                    # actor at i's position: lost and reach depend on i's position only
                    # (the same sums: terms 0 · 0 and 1 · 0 both add +0)
                    cb = counts  # (counts / 1)
                    for i in range(m):
                        lost_k[i] = 0.0
                        reach_k[i] = 0.0
                    for j in range(n):  # (sums over j in order, positions innermost)
                        pj = pid[j]
                        for i in range(m):
                            dd = dpos[pj, i]
                            lost_k[i] += (1.0 - p1[pj, i]) * dd
                            reach_k[i] += dd
                    for i in range(n):
                        lost_[i] = lost_k[pid[i]]
                        reach_[i] = reach_k[pid[i]]
                else:
                    cb = chal
                    for j in range(n):
                        for i in range(n):
                            cb[j, i] = counts[j, i] / max(mb[i], 1.0)
                    for i in range(n):
                        lost_[i] = 0.0
                        reach_[i] = 0.0
                    for j in range(n):  # (sums over j in order, i innermost)
                        pj = pid[j]
                        for i in range(n):
                            lost_[i] += ((1.0 - p1[pj, pid[i]]) * cb[j, i]) * dist[j, i]
                            reach_[i] += cb[j, i] * dist[j, i]
                for i in range(n):
                    security[i] = 2.0 * reach_[i] - (4.0 * s[b, i]) * lost_[i]
                if need_alt:
                    for i in range(n):
                        acc = 0.0
                        for j in range(n):
                            ub, uw = _ub_uw(dmu[j] + dist[j, i])
                            ub = 2.0 - 4.0 * ub
                            uw = 2.0 - 4.0 * uw
                            t = _t(eftekhari, t_value, dmu[j], dist[j, i])
                            acc += cb[j, i] * (t * ub + (1.0 - t) * uw)
                        security[i] = security[i] - (1.0 - q) * acc
                s_max = -np.inf
                s_min = np.inf
                for i in range(n):
                    if present[b, i]:
                        s_max = max(s_max, security[i])
                        s_min = min(s_min, security[i])
                spread = s_max - s_min
                even = not spread > TOL
                for i in range(n):
                    if even:
                        big = 0.0
                    else:
                        big = (2.0 * security[i] - s_max - s_min) / spread
                    big = min(max(big, -1.0), 1.0)
                    r[i] = (1.0 - big / 3.0) / (1.0 + big / 3.0) if present[b, i] else 1.0
            # --- powers: votes, U_s, U_f, U_sq (and U_b, U_w), by numpy's loop
            # (a zero base, x ** r = 0 for every r > 0 here, is given the base 1 and
            # its power read as 0: numpy's loop takes a slow path for 0 ** r)
            # (votes: voter by position, position; U_s, U_f: actor, position)
            nm = n * m
            o_near = nm if vote_risk else 0
            if vote_risk:
                for k in range(n):
                    vk = vo[k]
                    rk = r[vk]
                    pk = pid[vk]
                    row = k * m
                    for i in range(m):
                        d = dpos[pk, i]
                        pb[row + i] = d if d > 0 else 1.0
                        pe[row + i] = rk
            for i in range(n):
                ri = r[i]
                pi = pid[i]
                row = o_near + i * m
                for j in range(m):
                    half = 0.5 * dpos[pi, j]
                    nb = max(0.5 - half, 0.0)
                    pb[row + j] = nb if nb > 0 else 1.0
                    pb[row + nm + j] = 0.5 + half
                    pe[row + j] = ri
                    pe[row + nm + j] = ri
            mp = o_near + nm
            mp += nm
            for i in range(n):
                pb[mp] = 0.5
                pe[mp] = r[i]
                mp += 1
            if need_alt:
                for i in range(n):
                    for j in range(n):
                        ub, uw = _ub_uw(dmu[i] + dist[i, j])
                        pb[mp] = ub
                        pb[mp + nn] = uw
                        pe[mp] = r[i]
                        pe[mp + nn] = r[i]
                        if not actual:
                            ub, uw = _ub_uw(dmu[j] + dist[i, j])
                            pb[mp + 2 * nn] = ub
                            pb[mp + 3 * nn] = uw
                            pe[mp + 2 * nn] = r[i]
                            pe[mp + 3 * nn] = r[i]
                        mp += 1
                mp += 3 * nn if not actual else nn
            _power(pb, pe, pb, mp, meta, pow_data)  # (in place, as numpy may)
            # --- probabilities with the risk exponents
            if (not vote_risk) and risk_kind != 2 and not has_fixed:
                for i in range(m):
                    for j in range(m):
                        p[i, j] = p1[i, j]
            else:
                if vote_risk:
                    for k in range(n):
                        vk = vo[k]
                        pk = pid[vk]
                        wk = w[b, vk]
                        for i in range(m):
                            pw = pb[k * m + i] if dpos[pk, i] > 0 else 0.0
                            wu[k, i] = pw * wk
                else:
                    for k in range(n):
                        vk = vo[k]
                        pk = pid[vk]
                        for i in range(m):
                            wu[k, i] = dpos[pk, i] * w[b, vk]
                _tallies(ux, m, n, cut, wu, prefix, noise, positive, net, pt)
                _prob(positive, pt, net, m, pid, counts, prob_kind, p)
            o_gap = o_near + nm
            o_sq = o_gap + nm
            o_alt = o_sq + n
            # --- expected utilities
            # (what depends on j's position only, once per position: U_s, U_f, the
            # probabilities, j's expected utility as i sees it; then j's salience)
            for i in range(n):
                sq = q * (2.0 - 4.0 * pb[o_sq + i])
                pi = pid[i]
                si = s[b, i]
                row = i * m
                for k in range(m):
                    nr = pb[o_near + row + k] if 0.5 - 0.5 * dpos[pi, k] > 0 else 0.0
                    gp = (pb[o_gap + row + k] - nr) * 4.0
                    base = (2.0 - 4.0 * nr) - sq
                    gap_k[k] = gp
                    base_k[k] = base
                    lose_k[k] = 1.0 - p[pi, k]
                    b_k[k] = base - (si * (1.0 - p[k, pi])) * gp
                for j in range(n):
                    k = pid[j]
                    a[i, j] = base_k[k] - (s[b, j] * lose_k[k]) * gap_k[k]
                    bb[i, j] = b_k[k]
                if not need_alt:
                    continue
                for j in range(n):
                    e = i * n + j
                    t = _t(eftekhari, t_value, dmu[i], dist[i, j])
                    ub = 2.0 - 4.0 * pb[o_alt + e]
                    uw = 2.0 - 4.0 * pb[o_alt + nn + e]
                    a[i, j] = a[i, j] - (1.0 - q) * (t * ub + (1.0 - t) * uw)
                    if not actual:
                        t = _t(eftekhari, t_value, dmu[j], dist[j, i])
                        ub = 2.0 - 4.0 * pb[o_alt + 2 * nn + e]
                        uw = 2.0 - 4.0 * pb[o_alt + 3 * nn + e]
                        bb[i, j] = bb[i, j] - (1.0 - q) * (t * ub + (1.0 - t) * uw)
            if actual:
                for i in range(n):
                    for j in range(n):
                        bb[i, j] = a[j, i]
            # --- what moves i, from i's perspective; the offer it takes
            pb_row = pair
            for i in range(n):
                xi = xb[i]
                n_lose = 0
                n_give = 0
                for j in range(n):  # (no branches: vectors over j)
                    # (bitwise & | on booleans: no branches on the signs)
                    av = a[i, j]
                    bv = bb[i, j]
                    ap = (dist[i, j] > 0) & pb_row[i, j]
                    pos_a = av > TOL
                    neg_a = (av < -TOL) & ap
                    pos_b = bv > TOL
                    lo_ = (bv > av + TOL) & pos_a & ap
                    gi = (bv > TOL - av) & neg_a
                    ca = (neg_a & pos_b) != gi
                    lose[i, j] = lo_
                    give[i, j] = gi
                    capit[i, j] = ca
                    n_lose += lo_
                    n_give += gi
                    moving[i, j] = lo_ | gi | (capitulation & ca)
                if n_give == 0:  # no compromise: every move is to the other's position
                    for j in range(n):
                        offer[i, j] = xb[j]
                elif weighted:
                    for j in range(n):
                        aa = abs(a[i, j])
                        ab = abs(bb[i, j])
                        comp = (aa * xi + ab * xb[j]) / max(aa + ab, _TINY)
                        offer[i, j] = comp if give[i, j] else xb[j]
                else:
                    for j in range(n):
                        comp = (a[i, j] / bb[i, j]) * (xi - xb[j]) + xi
                        offer[i, j] = comp if give[i, j] else xb[j]
                choice = 0
                take = False
                if accept_kind == 2:  # strongest
                    best = -np.inf
                    for j in range(n):
                        if bb[i, j] > TOL and dist[i, j] > 0 and pb_row[i, j]:
                            best = max(best, bb[i, j])
                    dmin = np.inf
                    for j in range(n):
                        sent = bb[i, j] > TOL and dist[i, j] > 0 and pb_row[i, j]
                        if sent and bb[i, j] >= best - TOL:
                            dmin = min(dmin, dist[i, j])
                    lim = dmin + TOL / sc
                    found = False
                    for j in range(n):
                        sent = bb[i, j] > TOL and dist[i, j] > 0 and pb_row[i, j]
                        if sent and bb[i, j] >= best - TOL and dist[i, j] <= lim:
                            choice = j
                            found = True
                            break
                    take = found and moving[i, choice]
                else:
                    # the candidates: lost conflicts, else compromises, else every move
                    # ("nearest": every move)
                    sel = 0  # moving (an index, not an array: no reference counting)
                    if accept_kind != 1 and n_lose > 0:
                        sel = 1  # lose
                    elif accept_kind != 1 and n_give > 0:
                        sel = 2  # give
                    if accept_kind == 3:
                        for j in range(n):
                            aa = abs(a[i, j])
                            ab = abs(bb[i, j])
                            mid = (aa * xi + ab * xb[j]) / max(aa + ab, _TINY)
                            kv = mid if give[i, j] else abs(offer[i, j] - xi)
                            ok = lose[i, j] if sel == 1 else (give[i, j] if sel == 2
                                                                else moving[i, j])
                            key[j] = kv if ok else np.inf
                    else:
                        for j in range(n):
                            kv = abs(offer[i, j] - xi)
                            ok = lose[i, j] if sel == 1 else (give[i, j] if sel == 2
                                                                else moving[i, j])
                            key[j] = kv if ok else np.inf
                    least = _least(key, n)
                    take = least < np.inf
                    lim = least + TOL
                    for j in range(n):
                        if key[j] <= lim:
                            choice = j
                            break
                if take:
                    newx[i] = offer[i, choice]
                    kind = 3 if give[i, choice] else 5  # GIVE, YIELD
                    if lose[i, choice]:
                        kind = 1  # LOSE
                    if trace:
                        accepted_out[rnd, b, i] = choice
                        relation_out[rnd, b, i] = kind
                else:
                    newx[i] = xi
                    if trace:
                        accepted_out[rnd, b, i] = -1
                        relation_out[rnd, b, i] = 0
            # --- the round's pairwise diagnostics
            if record:
                base_at = at + ll * nn
                pair_start[rnd, b] = base_at
                for i in range(n):
                    for j in range(n):
                        e = base_at + i * n + j
                        av = a[i, j]
                        bv = bb[i, j]
                        buf_a[e] = av
                        buf_b[e] = bv
                        buf_p[e] = p[pid[i], pid[j]]
                        buf_offer[e] = offer[i, j] if moving[i, j] else np.nan
                        ap = dist[i, j] > 0 and pb_row[i, j]
                        pos_a = av > TOL and ap
                        neg_a = av < -TOL and ap
                        pos_b = bv > TOL
                        neg_b = bv < -TOL
                        code = 0
                        if pos_a and pos_b:
                            code = 2  # WIN
                        if lose[i, j]:
                            code = 1  # LOSE
                        if give[i, j]:
                            code = 3  # GIVE
                        if capit[i, j]:
                            code = 5  # YIELD
                        if pos_a and neg_b:
                            code = 6  # COMPEL
                            if av > TOL - bv:
                                code = 4  # TAKE
                        if neg_a and neg_b:
                            code = 7  # STALEMATE
                        buf_rel[e] = code
            # --- the row's round
            if trace:
                for i in range(n):
                    risk_out[rnd, b, i] = r[i]
                    if rnd > 0 and has_fixed:
                        security_out[rnd, b, i] = security_out[0, b, i]
                    else:
                        security_out[rnd, b, i] = security[i]
            moved = 0.0
            for i in range(n):
                moved = max(moved, abs(newx[i] - xb[i]))
            if first_round and risk_kind != 2 and not has_fixed:
                for i in range(n):
                    r_fixed[b, i] = r[i]
            if moved <= tolerance:
                stopped[b] = rnd
                still[ll] = True
                if trace:
                    for i in range(n):
                        accepted_out[rnd, b, i] = -1
                        relation_out[rnd, b, i] = 0
            else:
                still[ll] = False
                lo_x = np.inf
                hi_x = -np.inf
                for i in range(n):
                    xb[i] = newx[i]
                    lo_x = min(lo_x, newx[i])
                    hi_x = max(hi_x, newx[i])
                x_lo[b] = lo_x  # (the next round's span, without sorting first)
                x_hi[b] = hi_x
                # a row that moved has a new median (one that stopped keeps its own)
                median[b] = _median(xb, w[b], present[b], sumw[b], loss_m)

    @_jit
    def _start_rows(x, w, present, sumw, median, x_lo, x_hi):  # type: ignore[no-untyped-def]
        """Every row's total weight (as numpy adds it), its median before the rounds and its
        lowest and highest position."""
        B, n = x.shape
        loss_m = np.empty(n)
        for b in range(B):
            sumw[b] = _pairwise_sum(w[b], 0, n)
            median[b] = _median(x[b], w[b], present[b], sumw[b], loss_m)
            x_lo[b] = x[b].min()
            x_hi[b] = x[b].max()


_PIECES = 16
"""Pieces of a round's rows per thread: a thread that gets less of a busy machine's time
takes fewer of them, and the threads wait for each other at the end of each round for at most
one piece (2,048 rows on 2 threads: 64 rows, ~2 ms; a piece's dispatch costs ~20 µs). The
split never changes the numbers."""


def _spread(pool: Any, threads: int, count: int, fn: Callable[[int, int], None]) -> None:
    """``fn(lo, hi)`` over ``0:count`` in contiguous pieces, on ``threads`` threads of
    ``pool``."""
    pieces = min(_PIECES * threads, count // 8)
    if pool is None or threads <= 1 or pieces < 2:
        fn(0, count)
        return
    edges = np.linspace(0, count, pieces + 1).astype(np.int64).tolist()
    list(pool.map(lambda k: fn(edges[k], edges[k + 1]), range(pieces)))


def _run_part(  # type: ignore[no-untyped-def]
    x, w, w1, s, present, mult, scale, R, prob_kind, vote_risk, actual,
    accept_kind, weighted, capitulation, q, t_value, eftekhari, risk_kind, first_round,
    tolerance, record, positions, median_out, risk_out, security_out, accepted_out,
    relation_out, stopped, pair_start, buf_rel, buf_a, buf_b, buf_p, buf_offer, at,
    pow_data, *, threads=1, pool=None, trace=True,
):
    """All rounds of a group of rows (see :func:`._eum_kernel._eum_rows`); ``x`` is moved in
    place. Outputs are the group's own ``(R+1, B, n)`` etc. arrays; pairwise diagnostics go to
    the flat buffers from ``at`` on when ``record``; returns where they end.

    Each round's live rows are split over ``threads`` threads of ``pool`` (the compiled
    rounds release the GIL); what a row computes does not depend on the split (see
    :func:`_round_rows`), so the numbers are the same for every thread count, and the same as
    the numpy kernel's.

    ``trace`` False (a run that reads the last round's outcomes only): ``risk_out``,
    ``security_out``, ``accepted_out`` and ``relation_out`` are neither written nor read (they
    may be empty) and ``positions`` gets the last round only (``positions[R]``); the rounds
    compute the same numbers. (Writing the per-round arrays cost ~20 MB of fresh pages per
    2,048 rows of 30 actors and 10 rounds, each page faulted in and zeroed by the system.)"""
    B, n = x.shape
    nn = n * n
    sumw = np.empty(B)
    median = np.empty(B)
    x_lo = np.empty(B)
    x_hi = np.empty(B)
    _start_rows(x, w, present, sumw, median, x_lo, x_hi)
    median_out[0] = median
    if trace:
        positions[0] = np.where(present, x, np.nan)
    live = np.arange(B)
    r_fixed = np.ones((B, n))
    has_fixed = False
    still = np.zeros(B, np.bool_)
    for rnd in range(R):
        nlive = live.size
        if nlive < B and trace:  # rows that stopped repeat their last risk and security
            idle = np.ones(B, dtype=bool)
            idle[live] = False
            risk_out[rnd, idle] = risk_out[rnd - 1, idle]
            security_out[rnd, idle] = security_out[rnd - 1, idle]
        if nlive > 0:
            # the span of the live rows (the numpy kernel searches the midpoints of every
            # live row in one sorted array, rows kept apart by offsets of 4 × span)
            row_lo, row_hi = x_lo[live], x_hi[live]
            span = float((row_hi - row_lo).max()) + 1.0
            spread = float(row_hi.max() - row_lo.min())
            if spread >= span:
                span = spread + 1.0
            fixed = has_fixed

            def rows(lo: int, hi: int, rnd: int = rnd, span: float = span,
                     fixed: bool = fixed, at: int = at, live: np.ndarray = live) -> None:
                _round_rows(
                    lo, hi, rnd, live, span, x_lo, x_hi, x, w, s, present, mult,
                    scale, sumw, median, r_fixed, fixed, prob_kind, vote_risk, actual,
                    accept_kind, weighted, capitulation, q, t_value, eftekhari, risk_kind,
                    first_round, tolerance, record, trace, risk_out, security_out,
                    accepted_out, relation_out, stopped, pair_start, buf_rel, buf_a, buf_b,
                    buf_p, buf_offer, at, pow_data, still,
                )

            _spread(pool, threads, nlive, rows)
            if record:
                at += nlive * nn
            if first_round and risk_kind != 2:
                has_fixed = True
            live = live[~still[:nlive]]
        median_out[rnd + 1] = median
        if trace:
            positions[rnd + 1] = np.where(present, x, np.nan)
    if not trace:  # (rows that stopped early hold their last positions)
        positions[R] = np.where(present, x, np.nan)
    return at


run_part: Callable[..., int] = _run_part
"""All rounds of a group of rows (:func:`_run_part`)."""

_READY = threading.Lock()
_warm: list[bool] = []


def loaded() -> bool:
    """Whether this process has the compiled rounds ready (compiled, or loaded from numba's
    cache: :func:`ready` has run)."""
    return bool(_warm)


def ready() -> None:
    """Compile (or load from the cache) the compiled rounds for their one signature, once per
    process, before threads call it (numba compiling one function from two threads at once
    is not safe)."""
    if _warm:
        return
    with _READY:
        if _warm:
            return
        B, n, R = 1, 2, 1
        f = np.zeros((B, n))
        out = [np.zeros((R + 1, B, n)), np.zeros((R + 1, B)), np.zeros((R, B, n)),
               np.zeros((R, B, n)), np.zeros((R, B, n), np.int64), np.zeros((R, B, n), np.int8),
               np.zeros(B, np.int64), np.zeros((R, B), np.int64)]
        bufs = [np.zeros(0, np.int8)] + [np.zeros(0) for _ in range(4)]
        run_part(f, f, f, f, np.zeros((B, n), np.bool_), f, np.ones(B), R, 0, True, False,
                 0, False, True, 1.0, 1.0, False, 0, False, 0.0, False, *out, *bufs, 0,
                 _POW_DATA)
        _warm.append(True)
