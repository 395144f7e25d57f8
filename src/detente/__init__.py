"""detente: model, forecast and explain negotiations between states.

The names below are imported on first use (PEP 562), so that ``import detente`` — and the
command line's start-up — does not pay for numpy and the models until they are needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# One name per documented task; each subpackage's own ``__all__`` has the rest.
__all__ = [
    "DetenteError",  # every error detente raises on bad input
    "Forecast", "Scenario", "__version__",
    "build_report",  # the case report
    "calibrate", "sensitivity", "simulate",  # uncertainty
    "credibility", "load_shipped_record",  # the record
    "crisis_forecast",  # crisis bargaining
    "domain_from_scenario",  # bilateral bargaining (then detente.bargaining.analyse)
    "evaluate", "forecast", "list_models",  # forecasting
    "extract",  # evidence from text
    "load_example", "load_scenario",
]

_LAZY = {
    "DetenteError": "detente.errors",
    "Forecast": "detente.collective",
    "evaluate": "detente.collective",
    "forecast": "detente.collective",
    "list_models": "detente.collective",
    "Scenario": "detente.scenario",
    "load_scenario": "detente.scenario",
    "load_example": "detente.examples",
    "build_report": "detente.report",
    "calibrate": "detente.uncertainty",
    "sensitivity": "detente.uncertainty",
    "simulate": "detente.uncertainty",
    "credibility": "detente.record",
    "load_shipped_record": "detente.record",
    "crisis_forecast": "detente.crisis",
    "domain_from_scenario": "detente.bargaining",
    "extract": "detente.text",
}

if TYPE_CHECKING:
    from detente.bargaining import domain_from_scenario
    from detente.collective import Forecast, evaluate, forecast, list_models
    from detente.crisis import crisis_forecast
    from detente.errors import DetenteError
    from detente.examples import load_example
    from detente.record import credibility, load_shipped_record
    from detente.report import build_report
    from detente.scenario import Scenario, load_scenario
    from detente.text import extract
    from detente.uncertainty import calibrate, sensitivity, simulate


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'detente' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
