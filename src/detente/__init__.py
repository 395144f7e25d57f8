"""detente: model, forecast and explain negotiations between states.

The names below are imported on first use (PEP 562), so that ``import detente`` — and the
command line's start-up — does not pay for numpy and the models until they are needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Forecast", "Scenario", "__version__", "evaluate", "forecast", "list_models",
           "load_scenario"]

_LAZY = {
    "Forecast": "detente.collective",
    "evaluate": "detente.collective",
    "forecast": "detente.collective",
    "list_models": "detente.collective",
    "Scenario": "detente.scenario",
    "load_scenario": "detente.scenario",
}

if TYPE_CHECKING:
    from detente.collective import Forecast, evaluate, forecast, list_models
    from detente.scenario import Scenario, load_scenario


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'detente' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
