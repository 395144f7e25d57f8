"""The scenario language: who is at the table, on which issues, wanting what, caring how much."""

from detente.scenario._dataset import Case, Dataset, read_deu
from detente.scenario._io import (
    atomic_write_text,
    dump_scenario_yaml,
    load_scenario,
    read_decide,
    read_ktab,
    read_one_issue_csv,
    read_stances_csv,
    read_yaml,
    write_scenario,
)
from detente.scenario._model import (
    OUTCOME_KINDS,
    Actor,
    CompiledScenario,
    EpisodeOutcome,
    Issue,
    Observation,
    Problem,
    Scenario,
    ScenarioError,
    Stance,
    date_span,
)

__all__ = [
    "OUTCOME_KINDS",
    "Actor",
    "Case",
    "CompiledScenario",
    "Dataset",
    "EpisodeOutcome",
    "Issue",
    "Observation",
    "Problem",
    "Scenario",
    "ScenarioError",
    "Stance",
    "atomic_write_text",
    "date_span",
    "dump_scenario_yaml",
    "load_scenario",
    "read_decide",
    "read_deu",
    "read_ktab",
    "read_one_issue_csv",
    "read_stances_csv",
    "read_yaml",
    "write_scenario",
]
