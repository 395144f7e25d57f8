"""Collective forecasting models behind one registry: ``forecast(scenario, model=NAME)``."""

from detente.collective import (
    _baselines,  # noqa: F401  (registers compromise, median, nash)
    _eum,  # noqa: F401  (registers eum)
    _exchange,  # noqa: F401  (registers exchange)
)
from detente.collective._evaluate import Evaluation, evaluate
from detente.collective._forecast import Forecast
from detente.collective._registry import (
    ModelSpec,
    Option,
    UnknownModelError,
    beside_status_quo,
    forecast,
    forecast_many,
    get_model,
    list_models,
    register,
)

__all__ = [
    "Evaluation",
    "Forecast",
    "ModelSpec",
    "Option",
    "UnknownModelError",
    "beside_status_quo",
    "evaluate",
    "forecast",
    "forecast_many",
    "get_model",
    "list_models",
    "register",
]
