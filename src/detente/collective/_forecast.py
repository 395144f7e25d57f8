"""The one result type of every collective forecasting model."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from detente.errors import InputLookupError

__all__ = ["Forecast", "median_tie", "tie_note"]

_TIE_TOL = 1e-9
"""Relative tolerance of :func:`median_tie` (the models' own is 1e-12 of the total weight on
their unit scale; this flag reads the issue's scale, so a little wider)."""


def median_tie(position: np.ndarray, weight: np.ndarray, span: float
               ) -> tuple[float, float] | None:
    """Where a weighted median rests on an exact tie: the lowest and highest positions that
    minimise the weighted distance ``Σ_k w_k |x_k − x_j|`` (equally good medians; the models
    take their midpoint), or None where one position wins. ``position``, ``weight``:
    ``(n_actors,)`` on the issue's scale (NaN: absent); ``span``: the scale's length. Reads the
    positions only: no forecast number changes."""
    from detente.collective._eum_kernel import median_range  # the models' own tie set

    ok = ~np.isnan(position)
    x, w = position[ok], np.where(np.isnan(weight[ok]), 0.0, weight[ok])
    if x.size < 2 or not float(w.sum()) > 0 or not span > 0:
        return None
    lows, highs, _ = median_range(x[None, :], w[None, :], np.ones((1, x.size), dtype=bool),
                                  tol=_TIE_TOL * span)
    lo, hi = float(lows[0]), float(highs[0])
    return (lo, hi) if hi - lo > _TIE_TOL * span else None


def tie_note(issue_id: str, tie: tuple[float, float]) -> str:
    """The plain-language note on an issue whose median forecast rests on an exact tie."""
    lo, hi = tie
    return (f"issue '{issue_id}': the median rests on an exact tie: every position from {lo:g} "
            f"to {hi:g} has half the weight on either side, and the forecast is their midpoint "
            f"{(lo + hi) / 2:g} (a rule, not the actors' choice: docs/eum.md, ties)")


@dataclass(frozen=True, eq=False)
class Forecast:
    """What a model predicts for a scenario.

    A frozen value, its arrays read-only: it pickles and copies with its diagnostics and
    explanation built (so a forecast stored or sent to another process reads the same), and
    :meth:`as_dict` is its JSON summary. Equality is identity (its arrays have no single truth
    value): compare ``as_dict()`` or the arrays.

    Attributes
    ----------
    model, options:
        The registered model's name and the options it ran with (defaults filled in).
    scenario:
        The scenario's name.
    issue_ids:
        Issues in order; ``outcomes[k]`` is the forecast on issue ``issue_ids[k]``, on that
        issue's own scale (NaN where the model gives no forecast; ``notes`` says why).
    actor_ids:
        Actors in order (the trajectory's second axis).
    trajectory:
        Positions per round, ``(rounds + 1, n_actors, n_issues)`` on the issues' scales, for
        models that iterate (``None`` otherwise). Row 0 is the input.
    round_outcomes:
        The forecast after each round, ``(rounds + 1, n_issues)``, where the model iterates.
    diagnostics:
        Model-specific detail (for the EUM: risk exponents, pairwise relations, offers). Costly
        entries may be built on first access (:class:`~detente.collective._lazy.LazyMapping`).
    notes:
        Plain-language remarks (e.g. an issue without status quo for the Nash model).
    explanation:
        Plain-language account of why the forecast ended where it did, where the model gives one
        (the EUM writes it on first access).
    episode:
        Probabilities of the episode's outcome, for models that give them (the crisis model):
        keys ``agreement``, ``no_agreement`` (a standoff) and ``escalation``, summing to 1;
        ``None`` for models that only forecast issue positions.
    ties:
        Issues whose forecast is a weighted median resting on an exact tie (the EUM with
        ``outcome=median``, the median baseline): issue id → the lowest and highest tied
        positions, whose midpoint is the forecast (see :func:`median_tie`).
    """

    model: str
    options: Mapping[str, Any]
    scenario: str
    issue_ids: tuple[str, ...]
    outcomes: np.ndarray
    actor_ids: tuple[str, ...] = ()
    trajectory: np.ndarray | None = None
    round_outcomes: np.ndarray | None = None
    diagnostics: Mapping[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    explanation: Sequence[str] = ()
    episode: Mapping[str, float] | None = None
    ties: Mapping[str, tuple[float, float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # frozen down to the arrays: read-only views (no copy; whoever built them keeps theirs)
        for name in ("outcomes", "trajectory", "round_outcomes"):
            arr = getattr(self, name)
            if isinstance(arr, np.ndarray) and arr.flags.writeable:
                view = arr.view()
                view.flags.writeable = False
                object.__setattr__(self, name, view)

    def outcome(self, issue_id: str) -> float:
        """The forecast on one issue (on its own scale)."""
        try:
            k = self.issue_ids.index(issue_id)
        except ValueError:
            raise InputLookupError(
                f"no issue '{issue_id}' in forecast of '{self.scenario}'"
            ) from None
        return float(self.outcomes[k])

    def __repr__(self) -> str:
        # a notebook line, not the arrays and the (lazy) diagnostics
        outs = ", ".join(f"{i!r}: {float(o):.4g}"
                         for i, o in zip(self.issue_ids, self.outcomes, strict=True))
        extra = f", rounds={self.rounds}" if self.trajectory is not None else ""
        if self.episode is not None:
            extra += ", episode={" + ", ".join(f"{k!r}: {float(v):.3g}"
                                               for k, v in self.episode.items()) + "}"
        if self.notes:
            extra += f", notes={len(self.notes)}"
        return (f"Forecast(model={self.model!r}, scenario={self.scenario!r}, "
                f"outcomes={{{outs}}}{extra})")

    @property
    def rounds(self) -> int:
        return 0 if self.trajectory is None else self.trajectory.shape[0] - 1

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary: model, options and per-issue outcomes (NaN becomes null)."""

        def num(x: float) -> float | None:
            x = float(x)
            return None if np.isnan(x) else x

        out: dict[str, Any] = {
            "model": self.model,
            "options": {k: _jsonable(v) for k, v in self.options.items()},
            "issues": [
                {"issue": i, "outcome": num(o),
                 **({"tie": list(self.ties[i])} if i in self.ties else {})}
                for i, o in zip(self.issue_ids, self.outcomes, strict=True)
            ],
        }
        if self.episode is not None:
            out["episode"] = {k: float(v) for k, v in self.episode.items()}
            # a model whose episode is calibrated (the crisis model's mixture with the bank's
            # base rate) also says what its structure gave, and what it was mixed with
            diag = self.diagnostics or {}
            if diag.get("episode_model"):
                out["episode_model"] = {k: float(v) for k, v in diag["episode_model"].items()}
                out["base_rate_weight"] = float(diag.get("base_rate_weight", 0.0))
                out["base_rate"] = diag.get("base_rate")
        if self.notes:
            out["notes"] = list(self.notes)
        if self.round_outcomes is not None:
            out["rounds"] = [[num(x) for x in row] for row in self.round_outcomes]
        return out


def _jsonable(v: Any) -> Any:
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    if isinstance(v, np.generic):
        return v.item()
    return str(v)
