"""The exchange model's round, compiled (numba): the same steps as :class:`._exchange_engine._Round`
and :class:`._exchange_engine._Queue`, one exchange at a time in machine code.

Why compiled: a round realises thousands of exchanges one after the other (8,000 at 100 actors
× 50 issues, out of 1.5 million possible ones), and each realisation recalculates the few hundred
exchanges it touches before the next pick. numpy pays a fixed cost per call whatever the length,
so the numpy round loop of :mod:`._exchange_engine` spends its time in call overhead once a
scenario is large; here a step costs what its arithmetic costs.

What is stored per possible exchange (memory grows with their number, 49 bytes each): its
supply state (the sum of its earlier moves and the direction they still allow, per side), its
last calculation (the two moves, decide's sort key, whether it pays, whether it met a knife
edge) and the sequence number of its entry in the queue. The exchanges themselves are not
listed: per issue pair each actor's group (right of both outcomes, left of both, left on one
only) and rank in it fix exchange ``e``'s actors (``_layout``, ``_decode``), and the exchanges a
move touches are generated from those groups (``_touch``), skipping pairs where an actor has
none in play. Everything else is read from per-actor-issue arrays kept in one array (the supply
position: every exchange supplying the same actor-issue starts from the same moved position;
salience, weight shares, the moves made towards each demander), so that a calculation costs
few reference counts.

A realised exchange moves two supply positions and the moves made towards two demanders. The
exchanges in which a moved actor-issue supplies are recalculated. Those touched on a demand
side only see nothing change but the moves made towards their demander, which enter only
decide's knife-edge test; when their last calculation met no knife edge and the test on their
last move on the changed side meets none now (``_edge_free``, the same operations; the other
side has not changed), their calculation would give the same moves, key and validity, and
they are not recalculated: ``_touch`` leaves them out.

At 100 × 50 the per-exchange arrays (~75 MB) are far larger than the caches and a step reads a
few hundred scattered records, so the time goes to cache misses: a supply touch first marks
the exchanges it finds and prefetches their records, keys and the shares their recalculation
reads (``_prefetch``), then adds their moves up; a demand touch looks only at the suppliers
near the knife edge; the first calculation leaves out the moves made towards the demanders
(all zero then); the large arrays come from numpy, which asks for huge pages (``workspace``).

The list decide sorts before every pick is a binary heap ordered by ``(key, seq)`` exactly as
:class:`._exchange_engine._Queue` orders it (same sequence numbers for exchanges whose key
changes, same treatment of ties). An exchange whose key changes gets a new entry; its old one
stays in the heap, stale (its seq is no longer the exchange's), as do exchanges that stop
paying, until they surface or until dead entries are three times the live ones, when the heap
is rebuilt from the live ones. Entries do not know their place, so a swap moves two numbers
and nothing else. After the first realisation every exchange in play pays and has a number as
key, so ``(key, seq)`` orders the heap totally: when it is rebuilt does not change any pick.
The heap holds only the exchanges whose key is at most a threshold (about the best
``HEAP_WANT``); the others wait, listed, with their key and seq, and are put in when the heap
has no live entry left and the threshold is raised (``_refill``). Every exchange below the
threshold comes before every one above it, so the picks and the tie tests are those of one
heap holding all of them; a round no longer heapifies 1.5 million entries at 100 × 50.

Every value is computed with the same floating-point operations in the same order as
:meth:`._exchange_engine._Round.compute` (``error_model='numpy'``: division by zero gives
inf/NaN as numpy does; no fast-math), so both engines give the same results bit for bit
(``tests/collective/test_exchange_jit.py``).

This module imports numba; it is imported only when an exchange model runs.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from detente.collective._numba_cache import ensure_cache_dir

_MOVE_EPS = 1e-10
_GAIN_EPS = 1e-10
_EDGE_TOL = 1e-9
_TOP = 100 + _EDGE_TOL
_TIE_SCALE = 1e12
HEAP_WANT = 1 << 16  # about how many exchanges the round's heap takes at a time (``_refill``)


def _jit(fn: Callable[..., Any], **kw: Any) -> Any:
    """``numba.njit(cache=True, error_model='numpy')``; without caching where no cache
    directory can be written (a read-only install without ``NUMBA_CACHE_DIR``: numba then
    compiles once per process)."""
    import numba

    try:
        return numba.njit(cache=True, error_model="numpy", **kw)(fn)
    except RuntimeError:  # pragma: no cover - no writable cache location
        return numba.njit(cache=False, error_model="numpy", **kw)(fn)


def _inline(fn: Callable[..., Any]) -> Any:
    """:func:`_jit`, inlined where it is called (no call with twenty array arguments)."""
    return _jit(fn, inline="always")


ensure_cache_dir(__file__)


def _make_prefetch() -> Any:
    """``_prefetch(a, i, j, k, m)``: ask the CPU to bring element ``[i, j, k, m]`` of ``a`` (the
    first ``a.ndim`` indices count) into its caches, without waiting (LLVM's
    ``llvm.prefetch``, read, high locality). No effect on any value."""
    from llvmlite import ir  # type: ignore[import-untyped]
    from numba.core import cgutils, types
    from numba.core.extending import intrinsic

    @intrinsic
    def _prefetch(typingctx, a, i, j, k, m):  # type: ignore[no-untyped-def]
        sig = types.void(a, i, j, k, m)

        def codegen(context, builder, signature, args):  # type: ignore[no-untyped-def]
            aty = signature.args[0]
            ary = context.make_array(aty)(context, builder, args[0])
            idx = [context.cast(builder, args[t + 1], signature.args[t + 1], types.intp)
                   for t in range(aty.ndim)]
            ptr = cgutils.get_item_pointer(context, builder, aty, ary, idx)
            i8p = ir.IntType(8).as_pointer()
            i32 = ir.IntType(32)
            fn = cgutils.get_or_insert_function(
                builder.module, ir.FunctionType(ir.VoidType(), [i8p, i32, i32, i32]),
                "llvm.prefetch.p0")
            builder.call(fn, [builder.bitcast(ptr, i8p), i32(0), i32(3), i32(1)])
            return context.get_dummy_value()

        return sig, codegen

    return _prefetch


_prefetch = _make_prefetch()

with warnings.catch_warnings():
    warnings.simplefilter("ignore")

    # -- enumeration ----------------------------------------------------------------------
    @_jit
    def _enumerate(x0, sal, present, nbs):  # type: ignore[no-untyped-def]
        """The possible exchanges of a round in decide's order (see ``_Part``): per issue pair
        p < q, actors right of both outcomes with those left of both, then those left on p only
        with those left on q only; I is the one with the larger salience ratio s_p / s_q."""
        n_a, n_i = x0.shape
        left = np.zeros((n_a, n_i), np.int8)
        for a in range(n_a):
            for k in range(n_i):
                if present[a, k]:
                    left[a, k] = 1 if x0[a, k] <= nbs[k] else 0
        n = 0
        cnt = np.zeros(4, np.int64)
        for p in range(n_i):
            for q in range(p + 1, n_i):
                cnt[:] = 0
                for a in range(n_a):
                    if present[a, p] and present[a, q]:
                        cnt[left[a, p] | (left[a, q] << 1)] += 1
                n += cnt[0] * cnt[3] + cnt[1] * cnt[2]
        idx = np.empty((n, 4), np.int32)  # I, J, p, q
        g = np.empty(n_a, np.int8)
        e = 0
        for p in range(n_i):
            for q in range(p + 1, n_i):
                for a in range(n_a):
                    if present[a, p] and present[a, q]:
                        g[a] = left[a, p] | (left[a, q] << 1)
                    else:
                        g[a] = -1
                for blk in range(2):
                    gi = 0 if blk == 0 else 1
                    gj = 3 if blk == 0 else 2
                    for ii in range(n_a):
                        if g[ii] != gi:
                            continue
                        for jj in range(n_a):
                            if g[jj] != gj:
                                continue
                            if sal[ii, p] * sal[jj, q] < sal[jj, p] * sal[ii, q]:
                                idx[e, 0] = jj
                                idx[e, 1] = ii
                            else:
                                idx[e, 0] = ii
                                idx[e, 1] = jj
                            idx[e, 2] = p
                            idx[e, 3] = q
                            e += 1
        return idx

    # -- flags per exchange: bit 0 alive (in play), bit 1 valid (pays), bit 2 marked (touched
    # in this step), bits 3-4 and 5-6 the direction side 0 / side 1 may still move (0: none,
    # 1: up, 2: down), bit 7 its last calculation met a knife edge (see ``_edge_free``)
    @_jit
    def _dir(fl, side):  # type: ignore[no-untyped-def]
        v = (fl >> (3 + 2 * side)) & 3
        return 0.0 if v == 0 else (1.0 if v == 1 else -1.0)

    # -- one exchange's calculation (``_Round.compute`` and ``_cut_few``) ------------------
    @_inline
    def _rate(e, A, B, p, q, draws, random_rate, G):  # type: ignore[no-untyped-def]
        """dq / dp: equal gain, or ``random_rate``'s lo + u (hi − lo) (as ``_Part``)."""
        if random_rate:
            lo = G[0, B, p] / G[0, B, q]
            hi = G[0, A, p] / G[0, A, q]
            return lo + draws[e] * (hi - lo)
        return (G[0, A, p] + G[0, B, p]) / (G[0, A, q] + G[0, B, q])

    @_inline
    def _shift(U, G, dem, k, sup):  # type: ignore[no-untyped-def]
        """Supplier ``sup``'s share of the outcome's shift on ``k`` from its moves towards
        ``dem``: its weight share times how far it moved (0 before it moved). Worked out from
        where it moved to (``U``), the same operation as when it moved, rather than stored."""
        u = U[dem, k, sup]
        v = G[2, sup, k] * (u - G[5, sup, k])  # (NaN if not moved: a select, not a branch)
        return v if u == u else 0.0

    @_inline
    def _calc(e, A, B, p, q, draws, random_rate, G, U, S, flags, edge_cap, fresh):  # type: ignore[no-untyped-def]
        """Moves, gains, sort key, whether it pays; and how many knife-edge tests it met.
        Exchange ``e`` is (I, J, p, q) = (A, B, p, q); ``S[e]`` = per side the sum of earlier
        moves, then the last moves; ``flags[e]`` holds the directions earlier moves allow (see
        ``_dir``). Per actor-issue ``G`` holds salience, weight, weight share, its inverse, the
        outcome less own share, the round's start position, the current position, the moves
        made towards the actor as demander, and the issue's mean (one array: fewer reference
        counts per call); ``U`` per (demander, issue, supplier) where the supplier moved to
        (its share of the outcome's shift: ``_shift``). ``fresh``: the round's first
        calculation, before any move, when ``U`` (NaN: not moved) and the moves made
        (``G[7]``) are still empty and zero and are
        not read (``U`` is large, and read across it one exchange after the other; the same
        operations on the same values)."""
        sIp = G[0, A, p]
        sIq = G[0, A, q]
        sJp = G[0, B, p]
        sJq = G[0, B, q]
        rho = _rate(e, A, B, p, q, draws, random_rate, G)
        irho = 1.0 / rho
        if G[1, A, q] > 0 and G[1, B, p] > 0 and np.isfinite(rho) and rho > 0:
            s0 = G[2, A, q]
            s1 = G[2, B, p]
            i0 = G[3, A, q]
            i1 = G[3, B, p]
            base0 = G[4, A, q]
            base1 = G[4, B, p]
        else:
            s0 = 0.0
            s1 = 0.0
            i0 = 0.0
            i1 = 0.0
            rho = 1.0
            irho = 1.0
            base0 = G[8, A, q]  # mean - 0 * x
            base1 = G[8, B, p]
        T0 = G[5, B, q]
        T1 = G[5, A, p]
        X0 = G[6, A, q]
        X1 = G[6, B, p]
        h0 = S[e, 0]
        h1 = S[e, 1]
        fl = flags[e]
        dd0 = _dir(fl, 0)
        dd1 = _dir(fl, 1)
        d0 = T0 - X0
        d1 = T1 - X1
        dist0 = abs(d0)
        dist1 = abs(d1)
        full0 = dist0 * s0
        full1 = dist1 * s1
        dq = full1 * rho
        M0 = dq * i0
        over = M0 > dist0
        if over:
            dq = full0
        dp = full1
        if over:
            dp = dq * irho
        m0 = np.minimum(M0, dist0)
        m1 = dist1
        if over:
            m1 = dp * i1
        m0 = math.copysign(m0, d0)
        m1 = math.copysign(m1, d1)
        gI = dp * sIp - dq * sIq
        gJ = dq * sJq - dp * sJp
        gain = abs(gI)
        y0 = X0 + m0
        y1 = X1 + m1
        ok0 = (m0 * dd0 > _MOVE_EPS) and (y0 >= -_EDGE_TOL) and (y0 <= _TOP) and (h0 + m0 <= 100)
        ok1 = (m1 * dd1 > _MOVE_EPS) and (y1 >= -_EDGE_TOL) and (y1 <= _TOP) and (h1 + m1 <= 100)
        valid = (gain >= _GAIN_EPS) and ok0 and ok1
        if fresh:  # before any move: no move made towards anyone (the same values, unread)
            nb0 = base0 + 0.0 - 0.0
            nb1 = base1 + 0.0 - 0.0
        else:
            nb0 = base0 + G[7, B, q] - _shift(U, G, B, q, A)
            nb1 = base1 + G[7, A, p] - _shift(U, G, A, p, B)
        a0 = T0 - nb0 - s0 * X0
        a1 = T1 - nb1 - s1 * X1
        b0 = a0 - s0 * m0
        b1 = a1 - s1 * m1
        edges = 0
        trig0 = valid and (np.fmin(a0, b0) <= _EDGE_TOL) and (np.fmax(a0, b0) >= -_EDGE_TOL)
        trig1 = valid and (np.fmin(a1, b1) <= _EDGE_TOL) and (np.fmax(a1, b1) >= -_EDGE_TOL)
        if trig0 or trig1:
            for side in range(2):
                if side == 0:
                    a_s, sh, iv, T, nb, X, d = a0, s0, i0, T0, nb0, X0, d0
                    m_s = m0
                else:
                    a_s, sh, iv, T, nb, X, d = a1, s1, i1, T1, nb1, X1, d1
                    m_s = m1
                b = a_s - sh * m_s
                cross = a_s * b < 0
                if abs(a_s) <= _EDGE_TOL or abs(b) <= _EDGE_TOL:
                    edges += 1
                    cross = edge_cap and abs(a_s) <= _EDGE_TOL
                if not cross:
                    continue
                if fresh:
                    own_u = np.nan
                else:
                    own_u = U[B, q, A] if side == 0 else U[A, p, B]
                ref = own_u if own_u == own_u else X
                delta = abs(T - nb - sh * ref) * iv
                r_x = delta * sh
                if side == 0:
                    r_o = r_x * irho
                    m0 = math.copysign(delta, d)
                    m1 = math.copysign(r_o * i1, d1)
                    dq, dp = r_x, r_o
                else:
                    r_o = r_x * rho
                    m1 = math.copysign(delta, d)
                    m0 = math.copysign(r_o * i0, d0)
                    dq, dp = r_o, r_x
                gI = dp * sIp - dq * sIq
                gJ = dq * sJq - dp * sJp
                gain = abs(gJ) if side == 0 else abs(gI)
            y0 = X0 + m0
            y1 = X1 + m1
            ok = ((m0 * dd0 > _MOVE_EPS) and (-_EDGE_TOL <= y0) and (y0 <= 100 + _EDGE_TOL)
                  and (h0 + m0 <= 100))
            ok = ok and ((m1 * dd1 > _MOVE_EPS) and (-_EDGE_TOL <= y1)
                         and (y1 <= 100 + _EDGE_TOL) and (h1 + m1 <= 100))
            valid = valid and ok
        key = min(gI, gJ) if random_rate else gain
        key = np.rint(key * _TIE_SCALE) / -_TIE_SCALE
        return m0, m1, gI, gJ, key, valid, edges, trig0 or trig1

    @_inline
    def _edge_free(e, A, B, p, q, side, G, U, S):  # type: ignore[no-untyped-def]
        """Whether side ``side`` of exchange ``e`` = (A, B, p, q), in play, meets no knife
        edge with the moves made towards its demander as they stand now: ``_calc``'s test on
        its last move (in play it pays, so it has the shares ``_calc`` uses when it pays), the
        same operations. When nothing but those moves changed since a calculation that met
        none, the exchange's moves, key and validity are those of that calculation."""
        if side == 0:
            s0 = G[2, A, q]
            nb0 = G[4, A, q] + G[7, B, q] - _shift(U, G, B, q, A)
            a0 = G[5, B, q] - nb0 - s0 * G[6, A, q]
            b0 = a0 - s0 * S[e, 2]
            return not ((np.fmin(a0, b0) <= _EDGE_TOL) and (np.fmax(a0, b0) >= -_EDGE_TOL))
        s1 = G[2, B, p]
        nb1 = G[4, B, p] + G[7, A, p] - _shift(U, G, A, p, B)
        a1 = G[5, A, p] - nb1 - s1 * G[6, B, p]
        b1 = a1 - s1 * S[e, 3]
        return not ((np.fmin(a1, b1) <= _EDGE_TOL) and (np.fmax(a1, b1) >= -_EDGE_TOL))

    # -- the queue: a binary heap over (key, seq) -----------------------------------------
    # An entry is a key ``hk[i]`` and ``hx[i] = seq << 32 | e`` (one integer: comparing it
    # compares seq, as seqs are distinct). Exchange ``e``'s current entry is the one whose seq
    # is ``Q[e]``; the others are stale. No entry knows its place in the heap: a changed
    # exchange gets a new entry, so places are never looked up and need no upkeep on a swap.
    @_jit
    def _less(hk, hx, i, j):  # type: ignore[no-untyped-def]
        return hk[i] < hk[j] or (hk[i] == hk[j] and hx[i] < hx[j])

    @_jit
    def _swap(hk, hx, i, j):  # type: ignore[no-untyped-def]
        hk[i], hk[j] = hk[j], hk[i]
        hx[i], hx[j] = hx[j], hx[i]

    @_jit
    def _up(hk, hx, i):  # type: ignore[no-untyped-def]
        while i > 0:
            par = (i - 1) >> 1
            if _less(hk, hx, i, par):
                _swap(hk, hx, i, par)
                i = par
            else:
                break

    @_jit
    def _down(hk, hx, i, size):  # type: ignore[no-untyped-def]
        while True:
            c = 2 * i + 1
            if c >= size:
                break
            if c + 1 < size and _less(hk, hx, c + 1, c):
                c += 1
            if _less(hk, hx, c, i):
                _swap(hk, hx, i, c)
                i = c
            else:
                break

    @_jit
    def _pop(hk, hx, size):  # type: ignore[no-untyped-def]
        """Remove the root; the new size."""
        size -= 1
        if size > 0:
            hk[0], hx[0] = hk[size], hx[size]
            _down(hk, hx, 0, size)
        return size

    @_jit
    def _live(hx, i, Q, flags):  # type: ignore[no-untyped-def]
        """Whether entry ``i`` is its exchange's current one and the exchange in play."""
        e = hx[i] & 0xFFFFFFFF
        return (flags[e] & 1) != 0 and Q[e] == (hx[i] >> 32)

    @_jit
    def _compact(hk, hx, size, Q, flags):  # type: ignore[no-untyped-def]
        """Rebuild the heap from its live entries (in play, current); the new size."""
        j = 0
        for i in range(size):
            if _live(hx, i, Q, flags):
                hk[j], hx[j] = hk[i], hx[i]
                j += 1
        _heapify(hk, hx, j)
        return j

    @_jit
    def _insert(hk, hx, size, Q, e, k, s):  # type: ignore[no-untyped-def]
        hk[size] = k
        hx[size] = (np.int64(s) << 32) | e
        Q[e] = s
        _up(hk, hx, size)
        return size + 1

    @_jit
    def _heapify(hk, hx, size):  # type: ignore[no-untyped-def]
        for i in range((size >> 1) - 1, -1, -1):
            _down(hk, hx, i, size)

    @_jit
    def _room(hk, hx, size, Q, flags):  # type: ignore[no-untyped-def]
        """The heap is full: rebuild it from its live entries and, if that frees less than
        a quarter, double its room. Returns the arrays and the new size."""
        size = _compact(hk, hx, size, Q, flags)
        if 4 * size > 3 * hk.shape[0]:
            nk = np.empty(2 * hk.shape[0])
            nx = np.empty(2 * hk.shape[0], np.int64)
            nk[:size] = hk[:size]
            nx[:size] = hx[:size]
            return nk, nx, size
        return hk, hx, size

    @_inline
    def _enqueue(hk, hx, size, Q, flags, rest, n_rest, inr, e, k, s, theta):  # type: ignore[no-untyped-def]
        """Exchange ``e``'s new current entry, key ``k`` and seq ``s``: into the heap when
        ``k`` is at most the threshold ``theta``, else listed in ``rest`` (unless already
        there, or all exchanges still wait: ``n_rest < 0``). Returns the heap's arrays and
        size, the length of ``rest`` and whether the heap was full (``_room`` rebuilt it
        without dead entries)."""
        Q[e] = s
        full = False
        if not k > theta:
            if size == hk.shape[0]:
                hk, hx, size = _room(hk, hx, size, Q, flags)
                full = True
            size = _insert(hk, hx, size, Q, e, k, s)
        elif n_rest >= 0 and not (inr[e >> 3] >> (e & 7)) & 1:
            inr[e >> 3] |= np.uint8(1 << (e & 7))
            rest[n_rest] = e
            n_rest += 1  # its key rose above the threshold
        return hk, hx, size, n_rest, full

    @_jit
    def _refill(hk, hx, Q, flags, KEY, theta, level, want, sample, rest, n_rest, inr,  # type: ignore[no-untyped-def]
                pending):
        """The heap holds no live entry: raise the threshold ``theta`` and put in the heap the
        exchanges in play whose key lies between the old and the new one. The new one is the
        next level's key in ``sample`` (the sorted first keys of every few exchanges: about
        ``want``, then 3, 7, ... ``want`` exchanges at or below it), or infinite once few
        are left. The exchanges in play above the threshold are listed in ``rest[:n_rest]``
        (``inr`` marks them, one bit each; ``n_rest < 0``: all exchanges, before the first
        refill); each refill drops from it those no longer in play or above it. Returns the
        arrays, the heap's size, the threshold, the level and the length of ``rest``."""
        n = KEY.shape[0]
        ns = sample.shape[0]
        size = 0
        while size == 0 and theta < np.inf:
            cnt = n if n_rest < 0 else n_rest
            new = np.inf
            while cnt > 2 * want:
                level += 1
                rk = (want * ((1 << level) - 1) * ns) // n
                if rk >= ns:
                    break
                if sample[rk] > theta:  # (not passed already, not NaN)
                    new = sample[rk]
                    break
            m = 0
            for t in range(cnt):
                e = t if n_rest < 0 else rest[t]
                k = KEY[e]
                if not (flags[e] & 1) or not k > theta:
                    inr[e >> 3] &= ~np.uint8(1 << (e & 7))
                    continue
                if k <= new and e != pending:
                    inr[e >> 3] &= ~np.uint8(1 << (e & 7))
                    if size == hk.shape[0]:
                        nk = np.empty(2 * hk.shape[0])
                        nx = np.empty(2 * hk.shape[0], np.int64)
                        nk[:size] = hk[:size]
                        nx[:size] = hx[:size]
                        hk, hx = nk, nx
                    hk[size] = k
                    hx[size] = (np.int64(Q[e]) << 32) | e
                    size += 1
                else:
                    inr[e >> 3] |= np.uint8(1 << (e & 7))
                    rest[m] = e  # m <= t
                    m += 1
            n_rest = m
            theta = new
        _heapify(hk, hx, size)
        return hk, hx, size, theta, level, n_rest

    # -- one round ------------------------------------------------------------------------
    @_jit
    def _layout(x0, sal, present, nbs):  # type: ignore[no-untyped-def]
        """The round's possible exchanges without listing them: per issue pair p < q (``pp``,
        ``qq``; ``pair_of[p, q]``) each actor's group (``grp``: 0 right of both outcomes, 3
        left of both, 1 left on p only, 2 left on q only; -1 absent), its rank in the group,
        the group's members in actor order (``mem[pair, gstart[pair, g] + rank]``) and sizes
        (``gcnt``). Exchange ``e`` is number ``e - off[pair]`` of its pair in decide's order
        (see ``_enumerate``): block 0 (group 0 × group 3), then block 1 (group 1 × group 2),
        each row by row."""
        n_a, n_i = x0.shape
        left = np.zeros((n_a, n_i), np.int8)
        for a in range(n_a):
            for k in range(n_i):
                if present[a, k]:
                    left[a, k] = 1 if x0[a, k] <= nbs[k] else 0
        n_pairs = n_i * (n_i - 1) // 2
        pp = np.empty(n_pairs, np.int64)
        qq = np.empty(n_pairs, np.int64)
        pair_of = np.zeros((n_i, n_i), np.int64)
        off = np.zeros(n_pairs + 1, np.int64)
        gcnt = np.zeros((n_pairs, 4), np.int64)
        gstart = np.zeros((n_pairs, 4), np.int64)
        grp = np.full((n_pairs, n_a), -1, np.int8)
        rank = np.zeros((n_pairs, n_a), np.int32)  # (32 bits: read at random by the touches)
        mem = np.zeros((n_pairs, n_a), np.int32)
        pi = 0
        for p in range(n_i):
            for q in range(p + 1, n_i):
                pp[pi] = p
                qq[pi] = q
                pair_of[p, q] = pi
                pair_of[q, p] = pi
                for a in range(n_a):
                    if present[a, p] and present[a, q]:
                        g = left[a, p] | (left[a, q] << 1)
                        grp[pi, a] = g
                        rank[pi, a] = gcnt[pi, g]
                        gcnt[pi, g] += 1
                for g in range(1, 4):
                    gstart[pi, g] = gstart[pi, g - 1] + gcnt[pi, g - 1]
                for a in range(n_a):
                    g = grp[pi, a]
                    if g >= 0:
                        mem[pi, gstart[pi, g] + rank[pi, a]] = a
                off[pi + 1] = off[pi] + gcnt[pi, 0] * gcnt[pi, 3] + gcnt[pi, 1] * gcnt[pi, 2]
                pi += 1
        return pp, qq, pair_of, off, gcnt, gstart, grp, rank, mem

    @_jit
    def _decode(e, pp, qq, off, gcnt, gstart, mem, sal):  # type: ignore[no-untyped-def]
        """Exchange ``e``'s pair and (I, J, p, q)."""
        pi = np.searchsorted(off, e, side="right") - 1
        r = e - off[pi]
        c03 = gcnt[pi, 0] * gcnt[pi, 3]
        gi, gj = 0, 3
        if r >= c03:
            r -= c03
            gi, gj = 1, 2
        ii = mem[pi, gstart[pi, gi] + r // gcnt[pi, gj]]
        jj = mem[pi, gstart[pi, gj] + r % gcnt[pi, gj]]
        p = pp[pi]
        q = qq[pi]
        if sal[ii, p] * sal[jj, q] < sal[jj, p] * sal[ii, q]:
            return pi, jj, ii, p, q
        return pi, ii, jj, p, q

    @_jit
    def _count_alive(pp, qq, off, gcnt, gstart, mem, sal, flags, cntI, cntJ):  # type: ignore[no-untyped-def]
        """Per pair and actor, the exchanges in play in which the actor is I (``cntI``) or J
        (``cntJ``): pairs where an actor has none are skipped when a move touches it."""
        cntI[:, :] = 0
        cntJ[:, :] = 0
        for pi in range(pp.shape[0]):
            p = pp[pi]
            q = qq[pi]
            e = off[pi]
            for blk in range(2):
                gi = 0 if blk == 0 else 1
                gj = 3 if blk == 0 else 2
                for ri in range(gcnt[pi, gi]):
                    ii = mem[pi, gstart[pi, gi] + ri]
                    for rj in range(gcnt[pi, gj]):
                        if flags[e] & 1:
                            jj = mem[pi, gstart[pi, gj] + rj]
                            if sal[ii, p] * sal[jj, q] < sal[jj, p] * sal[ii, q]:
                                cntI[pi, jj] += 1
                                cntJ[pi, ii] += 1
                            else:
                                cntI[pi, ii] += 1
                                cntJ[pi, jj] += 1
                        e += 1

    @_inline
    def _supplied(e, sd, S, flags):  # type: ignore[no-untyped-def]
        """Exchange ``e``'s supplier on side ``sd`` moved: its last move adds to its earlier
        ones, and if that move did not go the way they allow, no further move on that side
        is allowed (``_dir``)."""
        m = S[e, 2 + sd]
        S[e, sd] += m
        fl = flags[e]
        if not (m * _dir(fl, sd) > 0):
            flags[e] = fl & ~np.uint8(3 << (3 + 2 * sd))

    @_jit
    def _touch(a, k, supply, n_i, pp, qq, pair_of, off, gcnt, gstart, grp, rank, mem, sal,  # type: ignore[no-untyped-def]
               cntI, cntJ, S, flags, touched, tA, tB, tP, nt, G, U, hot, near, KEY):
        """Mark the exchanges in play in which actor ``a`` supplies (``supply``) or demands
        issue ``k`` and append them to ``touched`` (with their I, J and pair); a supplier's
        exchanges add their last move to their earlier moves. Side 0 of (I, J, p, q) is I
        supplying q to J, side 1 J supplying p to I. Demanders are touched after suppliers:
        an exchange touched on its demand side only is left out when its calculation would
        give what its last one gave (no knife edge then nor now, ``_edge_free``). Returns the
        new length of ``touched``.

        Demand side: every exchange in which ``a`` demands ``k`` from a supplier ``b`` has
        the same ``a0`` in ``_edge_free`` (it depends on ``a``, ``k`` and ``b`` only) and a
        last move of at most the supplier's distance ``|T - X|`` (``_calc`` without a knife
        edge: ``min(M, dist)``, or ``dist`` scaled down, to rounding). When ``|a0|`` exceeds
        ``s dist`` with a margin far above rounding, none of them meets the edge; when
        besides none has a knife edge at its last calculation (``hot[a, k, b]`` counts those
        flagged), all of them would be left out, and ``b`` is skipped without reading
        them. The others (``near``, in actor order, as groups list their members) are the
        only partners a demand touch looks at, in each pair where they are in the partners'
        group."""
        nt0 = nt
        n_near = 0
        if not supply:
            n_a = near.shape[0]
            T = G[5, a, k]
            mv = G[7, a, k]
            for b in range(n_a):
                sh = G[2, b, k]
                nb = G[4, b, k] + mv - _shift(U, G, a, k, b)
                x = G[6, b, k]
                a0 = T - nb - sh * x
                if not (hot[a, k, b] == 0
                        and abs(a0) > sh * abs(T - x) * (1.0 + 1e-6) + 1e-6):
                    near[n_near] = b
                    n_near += 1
        for r in range(n_i):
            if r == k:
                continue
            pi = pair_of[k, r]
            p = pp[pi]
            q = qq[pi]
            isq = k == q
            need_i = supply == isq  # whether a must be I
            if need_i:
                if cntI[pi, a] == 0:
                    continue
            elif cntJ[pi, a] == 0:
                continue
            ga = grp[pi, a]
            ra = rank[pi, a]
            c03 = gcnt[pi, 0] * gcnt[pi, 3]
            if ga == 0:
                base, step, gb, a_ii = off[pi] + ra * gcnt[pi, 3], 1, 3, True
            elif ga == 3:
                base, step, gb, a_ii = off[pi] + ra, gcnt[pi, 3], 0, False
            elif ga == 1:
                base, step, gb, a_ii = off[pi] + c03 + ra * gcnt[pi, 2], 1, 2, True
            else:
                base, step, gb, a_ii = off[pi] + c03 + ra, gcnt[pi, 2], 1, False
            sap = sal[a, p]
            saq = sal[a, q]
            s0 = gstart[pi, gb]
            sd = 0 if isq else 1
            for j in range(gcnt[pi, gb] if supply else n_near):
                if supply:
                    r2 = j
                    b = mem[pi, s0 + r2]
                else:
                    b = near[j]
                    if grp[pi, b] != gb:
                        continue
                    r2 = rank[pi, b]
                if a_ii:
                    a_is_i = not (sap * sal[b, q] < sal[b, p] * saq)
                else:
                    a_is_i = sal[b, p] * saq < sap * sal[b, q]
                if a_is_i != need_i:
                    continue
                e = base + r2 * step
                fl = flags[e]
                if not (fl & 1):
                    continue
                if supply:
                    if fl & 4:  # (not met: supply touches do not overlap) marked already
                        _supplied(e, sd, S, flags)
                        continue
                    _prefetch(S, e, 0, 0, 0)  # its earlier moves add up below
                elif fl & 4:  # touched as a supplier already
                    continue
                elif not (fl & 128) and _edge_free(e, a if a_is_i else b, b if a_is_i else a,
                                                   p, q, sd, G, U, S):
                    continue  # the same calculation as last time
                if not (fl & 4):
                    fl |= 4
                    touched[nt] = e
                    ta = a if a_is_i else b
                    tb = b if a_is_i else a
                    tA[nt] = ta
                    tB[nt] = tb
                    tP[nt] = pi
                    nt += 1
                    # what its recalculation reads from large arrays (see ``_calc``), on its
                    # way to the cache while the scan goes on
                    _prefetch(KEY, e, 0, 0, 0)
                    _prefetch(U, tb, q, ta, 0)
                    _prefetch(U, ta, p, tb, 0)
                flags[e] = fl
        if supply:  # a second pass, when the exchanges' records are on their way to the cache
            for t in range(nt0, nt):
                _supplied(touched[t], 0 if qq[tP[t]] == k else 1, S, flags)
        return nt

    @_jit
    def _workspace(n, n_a, n_i):  # type: ignore[no-untyped-def]
        """:func:`workspace` in compiled code (for small rounds)."""
        U = np.full((n_a, n_i, n_a), np.nan)
        return (np.zeros((n, 4)), np.empty(n), np.zeros(n, np.uint8), np.empty(n, np.int32),
                np.empty(n, np.int32), np.zeros((n >> 3) + 1, np.uint8), U,
                np.zeros((n_a, n_i, n_a), np.int16))

    @_jit
    def _round(x0, sal, w, mean, share_w, lay, work, draws, random_rate,  # type: ignore[no-untyped-def]
               take_second, edge_cap, want):
        """Realise the round's exchanges in decide's order. Returns the realised exchanges
        (I, J, p, q and ``(y_i, y_j, gain_i, gain_j, start_i, start_j)``), the ties and the
        knife-edge tests met."""
        pp, qq, pair_of, off, gcnt, gstart, grp, rank, mem = lay
        n_a, n_i = x0.shape
        n_pairs = pp.shape[0]
        n = off[n_pairs]
        # per actor-issue (see ``_calc``): salience, weight, weight share, its inverse, the
        # outcome less own share, start position, current position, moves towards it, mean
        G = np.empty((9, n_a, n_i))
        for a in range(n_a):
            for k in range(n_i):
                G[0, a, k] = sal[a, k]
                G[1, a, k] = w[a, k]
                G[2, a, k] = share_w[a, k]
                G[3, a, k] = 1.0 / share_w[a, k]
                G[4, a, k] = mean[k] - share_w[a, k] * x0[a, k]
                G[5, a, k] = x0[a, k]
                G[6, a, k] = x0[a, k]
                G[7, a, k] = 0.0
                G[8, a, k] = mean[k]
        # the large arrays come from numpy (``workspace``), see there; for a small round they
        # are made here (no call into Python per round)
        if work[0].shape[0] < n:
            work = _workspace(n, n_a, n_i)
        S, KEY, flags, Q, rest, inr, U, hot = work
        near = np.zeros(n_a, np.int64)  # the suppliers a demand touch looks at (``_touch``)
        edges = 0
        ties = 0
        # the queue: a heap over (key, seq) of the exchanges whose key is at most ``theta``
        # (about the best ``want``), the others implicit in ``KEY`` and ``Q`` until the heap
        # has no live entry left and ``_refill`` raises the threshold
        hk = np.empty(min(n, 2 * want) + 64)
        hx = np.empty(hk.shape[0], np.int64)
        stride = n // 4096 + 1  # the first keys of every stride-th exchange, to choose the
        sample = np.empty(4096)  # thresholds: the want-th, 3 want-th, 7 want-th best, ...
        theta = -np.inf
        level = 0
        size = 0
        n_rest = -1  # (all in ``rest``, until the first refill)
        # exchanges in play per pair and actor as I and as J (see ``_count_alive``; 16 bits:
        # at most one per partner, fewer than ``MAX_SIDE``; read at random, the smaller the
        # more of them in the cache)
        cntI = np.zeros((n_pairs, n_a), np.int16)
        cntJ = np.zeros((n_pairs, n_a), np.int16)
        # the supply state before any move (any move towards the partner allowed), the first
        # calculation: every exchange in order
        e = 0
        for pi in range(n_pairs):
            p = pp[pi]
            q = qq[pi]
            for blk in range(2):
                gi = 0 if blk == 0 else 1
                gj = 3 if blk == 0 else 2
                for ri in range(gcnt[pi, gi]):
                    ii = mem[pi, gstart[pi, gi] + ri]
                    for rj in range(gcnt[pi, gj]):
                        jj = mem[pi, gstart[pi, gj] + rj]
                        if sal[ii, p] * sal[jj, q] < sal[jj, p] * sal[ii, q]:
                            A, B = jj, ii
                        else:
                            A, B = ii, jj
                        cntI[pi, A] += 1
                        cntJ[pi, B] += 1
                        rho = _rate(e, A, B, p, q, draws, random_rate, G)
                        fl = 1
                        if w[A, q] > 0 and w[B, p] > 0 and np.isfinite(rho) and rho > 0:
                            s0 = np.sign(x0[B, q] - x0[A, q])
                            s1 = np.sign(x0[A, p] - x0[B, p])
                            fl |= (1 if s0 > 0 else (2 if s0 < 0 else 0)) << 3
                            fl |= (1 if s1 > 0 else (2 if s1 < 0 else 0)) << 5
                        flags[e] = fl
                        m0, m1, gI, gJ, key0, v, ed, tr = _calc(e, A, B, p, q, draws,
                                                                random_rate, G, U, S, flags,
                                                                edge_cap, True)
                        S[e, 2] = m0
                        S[e, 3] = m1
                        KEY[e] = key0
                        Q[e] = e
                        if e % stride == 0:
                            sample[e // stride] = key0
                        if not key0 > theta:  # -inf or NaN: in the heap from the start
                            if size == hk.shape[0]:
                                hk, hx, size = _room(hk, hx, size, Q, flags)
                            size = _insert(hk, hx, size, Q, e, key0, e)
                        if v:
                            flags[e] |= 2
                        if tr:
                            flags[e] |= 128
                            hot[B, q, A] += 1
                            hot[A, p, B] += 1
                        edges += ed
                        e += 1
        sample = np.sort(sample[:(n + stride - 1) // stride])  # NaN last
        widest = 4 * max(n_i - 1, 1) * n_a  # a move touches at most this many exchanges
        touched = np.empty(widest, np.int64)
        tA = np.empty(widest, np.int64)
        tB = np.empty(widest, np.int64)
        tP = np.empty(widest, np.int64)
        t_old = np.empty(widest)
        t_new = np.empty(widest)
        t_seq = np.empty(widest, np.int64)
        t_ord = np.empty(widest, np.int64)
        low = -1
        hi = n
        pending = -1
        pend_key = 0.0
        dead = 0  # dead entries in the heap
        first = True
        cap = 64
        out_e = np.empty((cap, 4), np.int64)
        out_r = np.empty((cap, 6))
        n_out = 0
        while True:
            # -- decide's pick ------------------------------------------------------------
            top = -1
            while True:
                if pending >= 0:
                    Q[pending] = hi
                    if flags[pending] & 1:
                        hk, hx, size, n_rest, full = _enqueue(hk, hx, size, Q, flags, rest,
                                                              n_rest, inr, pending, pend_key, hi,
                                                              theta)
                        if full:
                            dead = 0
                    hi += 1
                    pending = -1
                while size > 0 and not _live(hx, 0, Q, flags):
                    size = _pop(hk, hx, size)
                    dead -= 1
                if size == 0:
                    hk, hx, size, theta, level, n_rest = _refill(
                        hk, hx, Q, flags, KEY, theta, level, want, sample, rest, n_rest, inr,
                        pending)
                    dead = 0
                if size == 0:
                    break
                f = hx[0] & 0xFFFFFFFF
                fk = hk[0]
                size = _pop(hk, hx, size)
                while size > 0 and not _live(hx, 0, Q, flags):
                    size = _pop(hk, hx, size)
                    dead -= 1
                if size == 0:  # the next in the list, for the tie
                    hk, hx, size, theta, level, n_rest = _refill(
                        hk, hx, Q, flags, KEY, theta, level, want, sample, rest, n_rest, inr,
                        pending)
                    dead = 0
                cand = f
                if size > 0 and hk[0] == fk:
                    ties += 1
                    if take_second:
                        cand = hx[0] & 0xFFFFFFFF
                        size = _pop(hk, hx, size)
                        pending = f
                        pend_key = fk
                        hi += 1  # the first's entry is no longer current
                flags[cand] &= ~np.uint8(1)
                pi, A, B, p, q = _decode(cand, pp, qq, off, gcnt, gstart, mem, sal)
                cntI[pi, A] -= 1
                cntJ[pi, B] -= 1
                if flags[cand] & 2:
                    top = cand
                    break
            if top < 0:
                break
            # -- realisation --------------------------------------------------------------
            if first:  # decide drops what does not pay once it realises an exchange
                for e in range(n):
                    fl = flags[e]
                    if (fl & 1) and not (fl & 2):
                        flags[e] = fl & ~np.uint8(1)
                        if e != pending and not KEY[e] > theta:  # in the heap
                            dead += 1
                _count_alive(pp, qq, off, gcnt, gstart, mem, sal, flags, cntI, cntJ)
                first = False
            m0, m1, gA, gB, _k, _v, _ed, _tr = _calc(top, A, B, p, q, draws, random_rate, G, U, S,
                                                flags, edge_cap, False)
            xA = G[6, A, q]
            xB = G[6, B, p]
            yA = xA + S[top, 2]
            yB = xB + S[top, 3]
            if n_out == cap:
                cap *= 2
                ne = np.empty((cap, 4), np.int64)
                ne[:n_out] = out_e
                nr = np.empty((cap, 6))
                nr[:n_out] = out_r
                out_e, out_r = ne, nr
            out_e[n_out, 0] = A
            out_e[n_out, 1] = B
            out_e[n_out, 2] = p
            out_e[n_out, 3] = q
            out_r[n_out, 0] = yA
            out_r[n_out, 1] = yB
            out_r[n_out, 2] = gA
            out_r[n_out, 3] = gB
            out_r[n_out, 4] = xA
            out_r[n_out, 5] = xB
            n_out += 1
            # moves made towards a demander (decide keeps the smaller in the supplier's way)
            for side in range(2):
                if side == 0:
                    dem, k, sup, y = B, q, A, yA
                else:
                    dem, k, sup, y = A, p, B, yB
                old = U[dem, k, sup]
                x = G[5, sup, k]
                if old != old:
                    new = y
                    prev = x
                else:
                    if x <= old:
                        new = old if not (y < old) else y
                    else:
                        new = old if not (y > old) else y
                    prev = old
                U[dem, k, sup] = new  # its share of the shift: ``_shift``
                wd = G[2, sup, k]
                G[7, dem, k] = G[7, dem, k] + wd * (new - prev)
            # touched: the exchanges in play in which A supplies q or B supplies p (their
            # earlier moves add up), and those in which B demands q or A demands p
            nt = _touch(A, q, True, n_i, pp, qq, pair_of, off, gcnt, gstart, grp, rank, mem,
                        sal, cntI, cntJ, S, flags, touched, tA, tB, tP, 0, G, U, hot, near, KEY)
            nt = _touch(B, p, True, n_i, pp, qq, pair_of, off, gcnt, gstart, grp, rank, mem,
                        sal, cntI, cntJ, S, flags, touched, tA, tB, tP, nt, G, U, hot, near, KEY)
            G[6, A, q] = yA
            G[6, B, p] = yB
            nt = _touch(B, q, False, n_i, pp, qq, pair_of, off, gcnt, gstart, grp, rank, mem,
                        sal, cntI, cntJ, S, flags, touched, tA, tB, tP, nt, G, U, hot, near, KEY)
            nt = _touch(A, p, False, n_i, pp, qq, pair_of, off, gcnt, gstart, grp, rank, mem,
                        sal, cntI, cntJ, S, flags, touched, tA, tB, tP, nt, G, U, hot, near, KEY)
            # recalculate them; those whose key changed move in the list
            nm = 0
            for t in range(nt):
                ee = touched[t]
                flags[ee] &= ~np.uint8(4)
                in_heap = ee != pending
                old_k = KEY[ee]
                a2 = tA[t]
                b2 = tB[t]
                pi2 = tP[t]
                m0, m1, gI, gJ, k2, v, ed, tr = _calc(ee, a2, b2, pp[pi2], qq[pi2], draws,
                                                      random_rate, G, U, S, flags, edge_cap,
                                                      False)
                if tr:
                    if not (flags[ee] & 128):
                        flags[ee] |= 128
                        hot[b2, qq[pi2], a2] += 1
                        hot[a2, pp[pi2], b2] += 1
                elif flags[ee] & 128:
                    flags[ee] &= ~np.uint8(128)
                    hot[b2, qq[pi2], a2] -= 1
                    hot[a2, pp[pi2], b2] -= 1
                edges += ed
                S[ee, 2] = m0
                S[ee, 3] = m1
                if not v:
                    flags[ee] &= ~np.uint8(3)
                    cntI[pi2, a2] -= 1
                    cntJ[pi2, b2] -= 1
                    if in_heap and not old_k > theta:
                        dead += 1
                elif not in_heap:
                    pend_key = k2
                    KEY[ee] = k2
                elif k2 != old_k:
                    touched[nm] = ee  # nm <= t: reuse the buffer
                    t_old[nm] = old_k
                    t_new[nm] = k2
                    nm += 1
            if nm:
                es = touched[:nm]
                olds = t_old[:nm]
                news = t_new[:nm]
                for t in range(nm):
                    t_seq[t] = Q[es[t]]
                # their order in the list before the step, by (old key, seq): both unique
                # together and no key NaN (an exchange in play pays), so any sort gives it
                order = t_ord
                if nm <= 32:  # a few: insertion sort, no allocation
                    for t in range(nm):
                        j = t - 1
                        while j >= 0 and (olds[t] < olds[order[j]] or (
                                olds[t] == olds[order[j]] and t_seq[t] < t_seq[order[j]])):
                            order[j + 1] = order[j]
                            j -= 1
                        order[j + 1] = t
                else:
                    o1 = np.argsort(t_seq[:nm], kind="mergesort")
                    o2 = np.argsort(olds[o1], kind="mergesort")
                    order[:nm] = o1[o2]
                # key grew: to the front of its new group (in reverse, so they keep their
                # order); fell: to its back. The old entry stays in the heap, stale, and a new
                # one goes in (a cheap sift up, where moving the old one down would be long).
                for t in range(nm - 1, -1, -1):
                    o = order[t]
                    if news[o] > olds[o]:
                        if not olds[o] > theta:
                            dead += 1  # its old entry
                        KEY[es[o]] = news[o]
                        hk, hx, size, n_rest, full = _enqueue(hk, hx, size, Q, flags, rest,
                                                              n_rest, inr, es[o], news[o], low,
                                                              theta)
                        if full:
                            dead = 0
                        low -= 1
                for t in range(nm):
                    o = order[t]
                    if not news[o] > olds[o]:
                        if not olds[o] > theta:
                            dead += 1  # its old entry
                        KEY[es[o]] = news[o]
                        hk, hx, size, n_rest, full = _enqueue(hk, hx, size, Q, flags, rest,
                                                              n_rest, inr, es[o], news[o], hi,
                                                              theta)
                        if full:
                            dead = 0
                        hi += 1
            # dead and stale entries three times the live ones: rebuild the heap from the live
            # ones (they seldom surface, so they cost room more than time; a rebuild costs a
            # pass over the heap, here and when it is full)
            if dead > 1024 and 4 * dead > 3 * size:
                size = _compact(hk, hx, size, Q, flags)
                dead = 0
        return out_e[:n_out].copy(), out_r[:n_out].copy(), ties, edges


def enumerate_exchanges(
    x0: np.ndarray, sal: np.ndarray, present: np.ndarray, nbs: np.ndarray
) -> np.ndarray:
    """The round's possible exchanges in decide's order: ``(n, 4)`` rows (I, J, p, q)."""
    c = np.ascontiguousarray
    out: np.ndarray = _enumerate(c(x0, dtype=float), c(sal, dtype=float), c(present, dtype=bool),
                                 c(nbs, dtype=float))
    return out


def layout(
    x0: np.ndarray, sal: np.ndarray, present: np.ndarray, nbs: np.ndarray
) -> tuple[np.ndarray, ...]:
    """The round's possible exchanges as per-pair groups (see ``_layout``); the number of
    exchanges is the last entry of the fourth array."""
    c = np.ascontiguousarray
    out: tuple[np.ndarray, ...] = _layout(c(x0, dtype=float), c(sal, dtype=float),
                                          c(present, dtype=bool), c(nbs, dtype=float))
    return out


def decode(e: int, lay: tuple[np.ndarray, ...], sal: np.ndarray) -> tuple[int, int, int, int]:
    """Exchange ``e`` of a layout as (I, J, p, q) (the row ``enumerate_exchanges`` gives)."""
    pp, qq, _, off, gcnt, gstart, _, _, mem = lay
    _, a, b, p, q = _decode(e, pp, qq, off, gcnt, gstart, mem,
                            np.ascontiguousarray(sal, dtype=float))
    return int(a), int(b), int(p), int(q)


def workspace(n: int, n_a: int, n_i: int) -> tuple[np.ndarray, ...]:
    """The round's large arrays, for ``n`` possible exchanges among ``n_a`` actors on ``n_i``
    issues. Per exchange: per side the sum of its earlier moves, then its last moves
    (``S``, 32 bytes: one exchange in one cache line), its current key, its flags (see
    ``_dir``), the seq of its current entry in the queue, the list of those waiting above the
    heap's threshold and whether each is in it (one bit; 49 bytes in all). Per (demander,
    issue, supplier): where the supplier moved to (NaN: not yet; its share of the outcome's
    shift follows, ``_shift``); how many exchanges met a knife edge at their last calculation
    (see ``_touch``).

    Made by numpy rather than in compiled code: numpy asks the kernel for huge pages for
    large arrays (``madvise``), and the round reads these at random, one exchange here and
    one there, so that fewer page-table misses and page faults make it faster."""
    S = np.zeros((n, 4))
    key = np.empty(n)
    flags = np.zeros(n, np.uint8)
    seq = np.empty(n, np.int32)
    rest = np.empty(n, np.int32)
    inr = np.zeros((n >> 3) + 1, np.uint8)  # one bit per exchange
    U = np.full((n_a, n_i, n_a), np.nan)
    hot = np.zeros((n_a, n_i, n_a), np.int16)  # at most one per other issue: < ``MAX_SIDE``
    return S, key, flags, seq, rest, inr, U, hot


_NO_WORK = workspace(0, 0, 0)


def loaded() -> bool:
    """Whether this process has the compiled round ready (compiled, or loaded from numba's
    cache): running it again costs nothing more than its arithmetic."""
    return bool(_round.signatures)


def cached() -> bool:
    """Whether numba's disk cache holds the compiled round for this source and numba (loading
    it costs ~0.5 s; compiling it 30-40 s): :func:`._numba_cache.cached`."""
    from detente.collective._numba_cache import cached as in_cache

    return in_cache(__file__, ENTRIES)


MAX_SIDE = 1 << 15
"""Actors and issues a round takes at most: its per-(pair, actor) and per-(actor, issue,
actor) counts are 16-bit (far beyond what fits in memory: ``U`` alone holds ``n_a² n_i``
numbers)."""

ENTRIES = ("_layout", "_round")
"""The compiled functions :func:`layout` and :func:`run_round` call."""


def run_round(
    x0: np.ndarray,
    sal: np.ndarray,
    w: np.ndarray,
    mean: np.ndarray,
    share_w: np.ndarray,
    lay: tuple[np.ndarray, ...],
    draws: np.ndarray | None,
    *,
    take_second: bool,
    edge_cap: bool,
) -> tuple[np.ndarray, np.ndarray, int, int]:
    """One round over the exchanges of ``lay`` (:func:`layout`); ``draws``: one uniform draw
    per exchange for ``random_rate``, else None. Returns the realised exchanges' (I, J, p, q)
    rows, their records ``(y_i, y_j, gain_i, gain_j, start_i, start_j)``, the ties and the
    knife-edge tests met."""
    c = np.ascontiguousarray
    d = draws if draws is not None else np.zeros(0)
    n_a, n_i = x0.shape
    if max(n_a, n_i) >= MAX_SIDE:
        raise ValueError(f"the compiled exchange round takes fewer than {MAX_SIDE} actors and "
                         f"issues; got {n_a} actors, {n_i} issues (use engine='numpy')")
    n = int(lay[3][-1])
    # huge pages pay for large rounds only; a small one makes its arrays itself (``_round``)
    work = workspace(n, n_a, n_i) if n >= 1 << 15 else _NO_WORK
    e, rec, ties, edges = _round(c(x0, dtype=float), c(sal, dtype=float), c(w, dtype=float),
                                 c(mean, dtype=float), c(share_w, dtype=float), lay, work, d,
                                 draws is not None, take_second, edge_cap, HEAP_WANT)
    return e, rec, int(ties), int(edges)
