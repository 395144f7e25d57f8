"""detente: model, forecast and explain negotiations between states."""

from detente.collective import Forecast, evaluate, forecast, list_models
from detente.scenario import Scenario, load_scenario

__version__ = "0.1.0"

__all__ = ["Forecast", "Scenario", "__version__", "evaluate", "forecast", "list_models",
           "load_scenario"]
