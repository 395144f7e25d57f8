"""Coercive bargaining on a scenario: outside options, red lines, audience costs, unilateral
issues, public and private channels, ultimatums as signals (Schelling 1960; Fearon 1994, 1995,
1997; Putnam 1988; Powell 2006; Tomz 2007; Bueno de Mesquita 1981). The ``crisis`` model is
registered like the others: ``forecast(scenario, "crisis", rng=...)``.
"""

from detente.crisis._channel import (
    ChannelGap,
    channel_forecast,
    channel_gap,
    has_private,
    with_channel,
)
from detente.crisis._explain import explain, reopening
from detente.crisis._model import (
    AUDIENCE_COST_SCALE,
    DEFAULTS,
    CrisisAnalysis,
    CrisisResult,
    analyse,
    collective_layer,
    crisis_forecast,
)
from detente.crisis._setup import CrisisSetup, contest_probability, setup

__all__ = [
    "AUDIENCE_COST_SCALE",
    "ChannelGap",
    "DEFAULTS",
    "CrisisAnalysis",
    "CrisisResult",
    "CrisisSetup",
    "analyse",
    "channel_forecast",
    "channel_gap",
    "collective_layer",
    "contest_probability",
    "crisis_forecast",
    "explain",
    "has_private",
    "reopening",
    "setup",
    "with_channel",
]
