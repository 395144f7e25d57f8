"""Example scenarios shipped as package data, loaded by name (``detente demo NAME``)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from detente.errors import InputLookupError

if TYPE_CHECKING:
    from detente.scenario import Scenario

__all__ = ["example_path", "list_examples", "load_example"]

_DATA = "data"


def list_examples() -> list[str]:
    """Names of the shipped examples."""
    root = resources.files(__name__).joinpath(_DATA)
    return sorted(p.name[: -len(".yaml")] for p in root.iterdir() if p.name.endswith(".yaml"))


def example_path(name: str) -> Path:
    """Path of the shipped example ``name``'s YAML file."""
    path = Path(str(resources.files(__name__).joinpath(_DATA, f"{name}.yaml")))
    if not path.is_file():
        raise InputLookupError(
            f"no example named '{name}'; shipped examples: {', '.join(list_examples())}"
        )
    return path


def _synthetic_eum_issue(n: int, seed: int = 0) -> Scenario:
    """A synthetic one-issue scenario of ``n`` actors for benchmarks and tests (not shipped
    data): capabilities uniform in [5, 100], positions uniform in [5, 95] (one decimal) each
    uncertain by ± 10, saliences uniform in [20, 100], status quo 50; ``seed`` fixes them."""
    import numpy as np

    from detente.scenario import Scenario

    rng = np.random.default_rng(seed)
    return Scenario.model_validate({
        "name": f"eum-{n}",
        "actors": [{"id": f"A{i}", "capability": float(rng.uniform(5, 100))} for i in range(n)],
        "issues": [{"id": "x", "status_quo": 50}],
        "stances": [{"actor": f"A{i}", "issue": "x",
                     "position": f"{rng.uniform(5, 95):.1f} ± 10",
                     "salience": float(rng.uniform(20, 100))} for i in range(n)]})


def load_example(name: str) -> Scenario:
    """Load a shipped example scenario by name (e.g. ``"geneva-2022"``)."""
    from detente.scenario import read_yaml

    return read_yaml(example_path(name))
