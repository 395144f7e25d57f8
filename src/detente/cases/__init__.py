"""The case bank: real negotiations between states, coded ex ante, with what happened.

Each case is a scenario file with ``as_of``, an episode ``outcome`` and ``observed`` values
(``src/detente/cases/data/<id>.yaml``, coding protocol in ``docs/case-protocol.md``); the shipped
example ``geneva-2022`` belongs to the bank too. Load a case by name like an example.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from detente.errors import InputError
from detente.scenario import Scenario, read_yaml

__all__ = ["case_path", "list_cases", "load_bank", "load_case"]

_DATA = "data"
_FROM_EXAMPLES = ("geneva-2022",)


def _own() -> dict[str, Path]:
    root = resources.files(__name__).joinpath(_DATA)
    if not root.is_dir():
        return {}
    return {
        p.name[: -len(".yaml")]: Path(str(p))
        for p in root.iterdir()
        if p.name.endswith(".yaml")
    }


def _paths() -> dict[str, Path]:
    from detente.examples import example_path, list_examples

    paths = {n: example_path(n) for n in _FROM_EXAMPLES if n in list_examples()}
    paths.update(_own())  # a bank file of the same name wins over the example
    return dict(sorted(paths.items()))


def list_cases() -> list[str]:
    """Names of the cases in the bank, sorted."""
    return list(_paths())


def case_path(name: str) -> Path:
    """Path of case ``name``'s YAML file."""
    paths = _paths()
    if name not in paths:
        raise InputError(f"no case named '{name}'; the bank has: {', '.join(paths) or '(none)'}")
    return paths[name]


def load_case(name: str) -> Scenario:
    """Load the case ``name`` (e.g. ``"geneva-2022"``)."""
    return read_yaml(case_path(name))


def load_bank() -> list[Scenario]:
    """Every case in the bank, in name order."""
    return [read_yaml(p) for p in _paths().values()]
