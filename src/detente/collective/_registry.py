"""The model registry: every forecaster is found by name, with its reference and options.

A model is a function ``(scenario, compiled, *, rng, **options) -> Forecast`` registered with
:func:`register`. ``forecast(scenario, model=NAME, **options)`` validates the options against
the declared ones and fills in defaults, so the CLI, the web page and comparisons need no special
cases.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from detente._rng import as_generator
from detente.collective._budget import check_work
from detente.collective._forecast import Forecast
from detente.errors import InputError, InputLookupError
from detente.scenario import Scenario

__all__ = [
    "ModelSpec",
    "Option",
    "UnknownModelError",
    "forecast",
    "forecast_many",
    "get_model",
    "list_models",
    "register",
]

ModelFunc = Callable[..., Forecast]
BatchFunc = Callable[..., list[Forecast]]


class UnknownModelError(InputLookupError):
    """No model of that name is registered."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Option:
    """A model option: its default, the values it may take (if a fixed set) and what it means.

    Without ``choices``, a value must be of the default's kind: a whole number where the default
    is an ``int``, a number where it is a ``float``. An option that also takes some words
    (``words``) is left to the model to check, which can say more (its range, its words).
    """

    default: Any
    doc: str
    choices: tuple[Any, ...] | None = None
    words: tuple[str, ...] = ()

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is not acceptable (None if it is)."""
        if self.choices is not None:
            if value in self.choices:
                return None
            return f"must be one of {', '.join(map(repr, self.choices))}, got {value!r}"
        if self.words:
            return None
        default = self.default
        if isinstance(default, int) and not isinstance(default, bool):
            if isinstance(value, int) and not isinstance(value, bool):
                return None
            return f"must be a whole number (default {default}), got {value!r}"
        if isinstance(default, float):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                if isinstance(value, float) and not math.isfinite(value):
                    return f"must be a finite number (default {default:g}), got {value!r}"
                return None
            return f"must be a number (default {default:g}), got {value!r}"
        return None


@dataclass(frozen=True)
class ModelSpec:
    """A registered model."""

    name: str
    func: ModelFunc
    summary: str
    reference: str
    options: Mapping[str, Option] = field(default_factory=dict)
    batch: BatchFunc | None = None
    baseline: bool = False
    """A benchmark rather than a model of the negotiation (the status quo): faces that already
    show the benchmark (a "status quo" column) may leave it out; the evaluation scores it."""

    def resolve(self, given: Mapping[str, Any]) -> dict[str, Any]:
        unknown = sorted(set(given) - set(self.options))
        if unknown:
            known = ", ".join(sorted(self.options)) or "(none)"
            raise InputError(
                f"model '{self.name}' has no option {', '.join(repr(u) for u in unknown)}; "
                f"its options are: {known}"
            )
        out = {k: o.default for k, o in self.options.items()}
        for k, v in given.items():
            why = self.options[k].problem(v)
            if why is not None:
                raise InputError(f"model '{self.name}' option '{k}' {why}")
            out[k] = v
        return out


_REGISTRY: dict[str, ModelSpec] = {}


def register(
    name: str,
    *,
    summary: str,
    reference: str,
    options: Mapping[str, Option] | None = None,
    batch: BatchFunc | None = None,
    baseline: bool = False,
) -> Callable[[ModelFunc], ModelFunc]:
    """Decorator: register ``func`` as model ``name`` (``baseline=True`` for a benchmark such
    as the status quo)."""

    def deco(func: ModelFunc) -> ModelFunc:
        if name in _REGISTRY:
            raise InputError(f"model '{name}' is already registered")
        _REGISTRY[name] = ModelSpec(name, func, summary, reference, dict(options or {}), batch,
                                    baseline)
        return func

    return deco


def _ensure_loaded() -> None:
    # Importing the package registers the shipped models.
    import detente.collective  # noqa: F401
    import detente.crisis  # noqa: F401  (registers crisis)


def get_model(name: str) -> ModelSpec:
    _ensure_loaded()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise UnknownModelError(
            f"unknown model '{name}'; registered models: {', '.join(sorted(_REGISTRY))}"
        ) from None


def list_models() -> list[ModelSpec]:
    """Every registered model, in the order registered (the baselines first)."""
    _ensure_loaded()
    return list(_REGISTRY.values())


def beside_status_quo(forecasts: Sequence[Forecast]) -> list[Forecast]:
    """The forecasts a table shows beside its own "status quo" column: all but the baselines
    (the status-quo baseline's forecast is that column; showing it again repeats it)."""
    _ensure_loaded()
    return [f for f in forecasts
            if not ((spec := _REGISTRY.get(f.model)) and spec.baseline)]


def forecast(
    scenario: Scenario,
    model: str = "compromise",
    *,
    rng: np.random.Generator | int | None = None,
    **options: Any,
) -> Forecast:
    """Forecast the outcome of ``scenario`` on each issue with the registered ``model``.

    ``rng`` is a ``numpy.random.Generator`` or a seed ≥ 0 for models with random elements
    (``None``: fresh entropy, not reproducible). Each model's paper is its
    :attr:`ModelSpec.reference` (``get_model(name).reference``, or ``detente models NAME``);
    unknown models, unknown options and bad values raise :class:`~detente.errors.InputError`.
    """
    if not isinstance(scenario, Scenario):
        raise InputError(f"forecast needs a Scenario (load_scenario(path) or "
                         f"detente.examples.load_example(name)), got {type(scenario).__name__}")
    spec = get_model(model)
    opts = spec.resolve(options)
    gen = as_generator(rng)
    check_work(model, len(scenario.actors), len(scenario.issues), opts)
    return spec.func(scenario, scenario.compile(), rng=gen, **opts)


def forecast_many(
    scenarios: Sequence[Scenario],
    model: str = "compromise",
    *,
    rng: np.random.Generator | int | None = None,
    **options: Any,
) -> list[Forecast]:
    """Forecast many scenarios; a model with a batched kernel runs them in one call."""
    spec = get_model(model)
    opts = spec.resolve(options)
    for sc in scenarios:
        if not isinstance(sc, Scenario):
            raise InputError(f"forecast_many needs Scenarios, got {type(sc).__name__}")
        check_work(model, len(sc.actors), len(sc.issues), opts)
    gen = as_generator(rng)
    if spec.batch is not None:
        return spec.batch(list(scenarios), rng=gen, **opts)
    return [spec.func(s, s.compile(), rng=gen, **opts) for s in scenarios]
