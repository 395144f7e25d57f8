"""Uncertainty: how sure a forecast is, and which number would change it.

- :func:`simulate` — Monte Carlo over the scenario's uncertain inputs (distributions in the
  scenario file, a scenario-wide :class:`Jitter`), every registered model batched over a draw
  axis, chunked with per-chunk seeds (same seed, same numbers on any backend), streaming
  statistics; locally or on Dask.
- :func:`sensitivity` — Sobol and Morris indices (SALib) of each issue's forecast.
- :func:`credibility_sensitivity` — which credibility setting (half-life, allegation weight, …)
  moves a credibility figure.
- :func:`apply_whatif`, :func:`parse_set`, :func:`diff_scenarios` — what-if without editing files.
- :func:`calibrate_deu`, :func:`calibrate_cases` — intervals checked against what happened;
  the fitted noise and quantile recalibration (:class:`Calibration`) go to
  ``simulate(calibration=...)``.
"""

from detente.scenario._uncertain import Distribution, Uncertain, parse_distribution
from detente.uncertainty._calibrate import (
    Calibration,
    CalibrationReport,
    Recalibration,
    calibrate,
    calibrate_cases,
    calibrate_deu,
    conformity,
    coverage,
    crps,
)
from detente.uncertainty._credibility import CredibilitySensitivity, credibility_sensitivity
from detente.uncertainty._inputs import InputSpace, Jitter, UncertainInput, parse_jitter
from detente.uncertainty._sensitivity import InputIndex, SensitivityResult, sensitivity
from detente.uncertainty._simulate import (
    CHUNK,
    ModelSummary,
    SimulationResult,
    check_above,
    simulate,
)
from detente.uncertainty._whatif import (
    Change,
    ScenarioDiff,
    Setting,
    apply_whatif,
    diff_scenarios,
    parse_set,
    whatif_notes,
)

__all__ = [
    "CHUNK",
    "Calibration",
    "CalibrationReport",
    "Change",
    "CredibilitySensitivity",
    "Distribution",
    "InputIndex",
    "InputSpace",
    "Jitter",
    "ModelSummary",
    "Recalibration",
    "ScenarioDiff",
    "SensitivityResult",
    "Setting",
    "SimulationResult",
    "Uncertain",
    "UncertainInput",
    "apply_whatif",
    "whatif_notes",
    "check_above",
    "calibrate",
    "calibrate_cases",
    "calibrate_deu",
    "conformity",
    "coverage",
    "credibility_sensitivity",
    "crps",
    "diff_scenarios",
    "parse_distribution",
    "parse_jitter",
    "parse_set",
    "sensitivity",
    "simulate",
]
