"""The record: a sourced ledger of agreements kept and broken, and credibility computed from it.

>>> from detente.record import credibility, load_shipped_record
>>> kappa = credibility(load_shipped_record(), "RUS", toward="USA", as_of="2022-01-10").mean
"""

from detente.record._credibility import (
    ConductDriver,
    Credibility,
    CredibilityCurve,
    CredibilitySettings,
    Driver,
    credibility,
    credibility_curve,
    event_weight,
)
from detente.record._csv import read_record_dir, write_record_dir
from detente.record._model import (
    Agreement,
    AgreementKind,
    Event,
    EventType,
    Evidence,
    PartialDate,
    Precision,
    Record,
    RecordError,
)
from detente.record._shipped import load_shipped_record
from detente.record._store import ImportReport, Store, default_url, open_store

__all__ = [
    "Agreement",
    "AgreementKind",
    "ConductDriver",
    "Credibility",
    "CredibilityCurve",
    "CredibilitySettings",
    "Driver",
    "Event",
    "EventType",
    "ImportReport",
    "Evidence",
    "PartialDate",
    "Precision",
    "Record",
    "RecordError",
    "Store",
    "credibility",
    "credibility_curve",
    "default_url",
    "event_weight",
    "load_shipped_record",
    "open_store",
    "read_record_dir",
    "write_record_dir",
]
