"""Plain-language account of one EUM run on one issue: who pressed whom, who gave way, and why
the forecast ended where it did."""

from __future__ import annotations

from collections import Counter

import numpy as np

from detente.collective._eum_kernel import GIVE, LOSE, YIELD

__all__ = ["explain_issue"]

_VERB = {
    LOSE: "lost a conflict with",
    GIVE: "compromised with",
    YIELD: "capitulated to",
}
_MAX_ROUNDS_SHOWN = 4
_MAX_MOVES_SHOWN = 5


def _num(x: float) -> str:
    return f"{x:.4g}"


def _names(labels: list[str], limit: int = 6) -> str:
    if len(labels) <= limit:
        return ", ".join(labels)
    return ", ".join(labels[:limit]) + f" and {len(labels) - limit} more"


def explain_issue(
    *,
    labels: tuple[str, ...],
    present: np.ndarray,
    weight: np.ndarray,
    positions: np.ndarray,
    median: np.ndarray,
    mean: np.ndarray,
    risk: np.ndarray,
    accepted_relation: np.ndarray,
    accepted: np.ndarray,
    stopped: int,
    outcome: str,
    indent: str = "",
    risk_basis: str = "security",
) -> list[str]:
    """Lines for one issue. Arrays are per round: ``positions (R+1, n)`` on the issue's scale,
    ``risk (R, n)``, ``accepted (R, n)`` and ``accepted_relation (R, n)``."""
    rounds = positions.shape[0] - 1
    idx = [i for i in range(len(labels)) if present[i]]
    final = median[-1] if outcome == "median" else mean[-1]
    other = ("weighted mean", mean[-1]) if outcome == "median" else ("median", median[-1])
    out = [
        f"The forecast is {_num(final)}: the {outcome} position after {rounds} round"
        f"{'s' if rounds != 1 else ''} (the {other[0]} is {_num(other[1])}); at the start the "
        f"median was {_num(median[0])} and the weighted mean {_num(mean[0])}."
    ]
    if rounds == 0 or not idx:
        return [indent + line for line in out]
    r1 = risk[0]
    bold = min(idx, key=lambda i: r1[i])
    timid = max(idx, key=lambda i: r1[i])
    if r1[timid] - r1[bold] > 1e-9 and risk_basis == "bdm":
        out.append(
            f"Round 1 risk exponents run from {_num(r1[bold])} ({labels[bold]}, whose position "
            "is more exposed to challenges than the others it could take, so risk-acceptant) "
            f"to {_num(r1[timid])} ({labels[timid]}, whose position is safer than the others "
            "it could take, so risk-averse)."
        )
    elif r1[timid] - r1[bold] > 1e-9:
        out.append(
            f"Round 1 risk exponents run from {_num(r1[bold])} ({labels[bold]}, the most "
            f"threatened, so the most risk-acceptant) to {_num(r1[timid])} ({labels[timid]}, "
            "the most secure, so the most risk-averse)."
        )
    pressed: Counter[str] = Counter()
    whom: dict[str, Counter[str]] = {}
    gave: Counter[str] = Counter()
    shown = 0
    for r in range(rounds):
        moves = []
        for i in idx:
            j = int(accepted[r, i])
            if j < 0:
                continue
            kind = int(accepted_relation[r, i])
            before, after = positions[r, i], positions[r + 1, i]
            pressed[labels[j]] += 1
            whom.setdefault(labels[j], Counter())[labels[i]] += 1
            gave[labels[i]] += 1
            moves.append(
                f"{labels[i]} {_VERB.get(kind, 'gave way to')} {labels[j]} "
                f"({_num(before)} → {_num(after)})"
            )
        if moves and shown < _MAX_ROUNDS_SHOWN:
            extra = len(moves) - _MAX_MOVES_SHOWN
            text = "; ".join(moves[:_MAX_MOVES_SHOWN])
            if extra > 0:
                text += f"; and {extra} more move{'s' if extra > 1 else ''}"
            out.append(f"Round {r + 1}: {text}.")
            shown += 1
    hidden = sum(1 for r in range(rounds) if (accepted[r, idx] >= 0).any()) - shown
    if hidden > 0:
        out.append(f"({hidden} later round{'s' if hidden > 1 else ''} with moves not listed.)")
    if pressed:

        def counted(c: Counter[str]) -> list[str]:
            return [f"{name} ({k}×)" if k > 1 else name for name, k in c.most_common()]

        out.append(
            "Who pressed whom: "
            + "; ".join(
                f"{name} moved {_names(counted(whom[name]))}" for name, _ in pressed.most_common(3)
            )
            + (
                f"; and {len(pressed) - 3} other{'s' if len(pressed) > 4 else ''}"
                if len(pressed) > 3
                else ""
            )
            + "."
        )
        out.append(f"Who gave way: {_names(counted(gave), limit=8)}.")
    else:
        out.append(
            "Nobody gave way: in every pair either both sides expected to lose from a "
            "challenge (stalemate) or the actor under pressure expected to prevail."
        )
    # why it ended here
    if stopped < rounds:
        out.append(
            f"Why it ends here: from round {stopped + 1} on no actor accepts an offer (each "
            "either prevails, faces only stalemates, or is not worth challenging), so the "
            "positions and the forecast stay put."
        )
    else:
        last = positions[-1]
        cycle = next(
            (
                rounds - r
                for r in range(rounds - 1, -1, -1)
                if np.allclose(positions[r][present], last[present], atol=1e-9)
            ),
            None,
        )
        series = median if outcome == "median" else mean
        tail = series[max(0, rounds - 3) :]
        if cycle is not None:
            out.append(
                f"Why it ends here: positions cycle (they repeat every {cycle} round"
                f"{'s' if cycle > 1 else ''}), so the forecast depends on where the "
                f"{rounds} rounds stop; over the last rounds it ranged "
                f"{_num(float(np.nanmin(tail)))}–{_num(float(np.nanmax(tail)))}."
            )
        else:
            out.append(
                f"Why it ends here: actors were still moving in round {rounds}, the last one "
                f"run; over the last rounds the forecast ranged {_num(float(np.nanmin(tail)))}"
                f"–{_num(float(np.nanmax(tail)))} (more rounds may move it further)."
            )
    total = float(weight[idx].sum())
    if total > 0 and np.isfinite(final):
        near = [i for i in idx if abs(positions[-1, i] - final) <= 1e-9 * max(1.0, abs(final))]
        if near:
            share = float(weight[near].sum()) / total
            out.append(
                f"At the end {_names([labels[i] for i in near])} "
                f"{'holds' if len(near) == 1 else 'hold'} the forecast position "
                f"({share:.0%} of capability × salience)."
            )
    return [indent + line for line in out]
