"""Public and private channels: every model on either set of positions, and the gap.

Public talks can be a show while closed channels carry the real bargaining (Putnam 1988's two
levels; Schelling 1960 on bargaining positions as commitments). The private channel swaps in each
stance's ``private`` position and salience where the scenario gives them (the public ones
elsewhere). The crisis model reads both itself (preferences from the channel, audience costs from
the public positions); every other model runs on the swapped scenario.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from detente.collective._forecast import Forecast
from detente.errors import InputError
from detente.scenario import Scenario

__all__ = ["ChannelGap", "channel_forecast", "channel_gap", "has_private", "with_channel"]

CHANNELS = ("public", "private")


def _check(channel: str) -> None:
    if channel not in CHANNELS:
        raise InputError(f"channel must be public or private, got {channel!r}")


def has_private(scenario: Scenario) -> bool:
    """Whether any stance gives a private position or salience."""
    return any(s.private is not None for s in scenario.stances)


def with_channel(scenario: Scenario, channel: str) -> Scenario:
    """The scenario as seen on ``channel``: ``private`` swaps in private positions and saliences
    (the public ones where none is given); ``public`` returns the scenario unchanged."""
    _check(channel)
    if channel == "public" or not has_private(scenario):
        return scenario
    stances = []
    for s in scenario.stances:
        p = s.private
        if p is None:
            stances.append(s)
            continue
        stances.append(s.model_copy(update={
            "position": s.position if p.position is None else p.position,
            "salience": s.salience if p.salience is None else p.salience,
        }))
    return scenario.with_stances(stances)


def channel_forecast(scenario: Scenario, model: str, channel: str, *, rng: Any = None,
                     **options: Any) -> Forecast:
    """``forecast`` on ``channel`` (the crisis model takes the channel as its option)."""
    from detente.collective import forecast

    _check(channel)
    if model == "crisis":
        return forecast(scenario, model, rng=rng, channel=channel, **options)
    return forecast(with_channel(scenario, channel), model, rng=rng, **options)


@dataclass(frozen=True, eq=False)
class ChannelGap:
    """A model's forecast on both channels and the difference (private − public)."""

    model: str
    public: Forecast
    private: Forecast

    @property
    def gap(self) -> np.ndarray:
        out: np.ndarray = self.private.outcomes - self.public.outcomes
        return out

    @property
    def episode_gap(self) -> dict[str, float] | None:
        if self.public.episode is None or self.private.episode is None:
            return None
        return {k: float(self.private.episode[k] - self.public.episode[k])
                for k in self.public.episode}

    def as_dict(self) -> dict[str, Any]:
        def num(x: float) -> float | None:
            return None if np.isnan(x) else float(x)

        out: dict[str, Any] = {
            "model": self.model,
            "issues": [{"issue": i, "public": num(a), "private": num(b), "gap": num(b - a)}
                       for i, a, b in zip(self.public.issue_ids, self.public.outcomes,
                                          self.private.outcomes, strict=True)],
        }
        if self.episode_gap is not None:
            assert self.public.episode is not None and self.private.episode is not None
            out["episode"] = {"public": dict(self.public.episode),
                              "private": dict(self.private.episode), "gap": self.episode_gap}
        return out


def channel_gap(scenario: Scenario, model: str, *, seed: int | None = None, **options: Any
                ) -> ChannelGap:
    """``model`` on the public and the private channel, with the same seed."""
    pub = channel_forecast(scenario, model, "public", rng=seed, **options)
    priv = channel_forecast(scenario, model, "private", rng=seed, **options)
    return ChannelGap(model, pub, priv)
