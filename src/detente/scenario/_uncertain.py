"""Uncertain inputs: a number of the scenario language may be a distribution.

A position, salience or capability (and the crisis inputs: private positions, the probability
of prevailing, costs) may be given as

- ``60 ± 10`` or ``60 +- 10``: a normal distribution, mean 60, standard deviation 10;
- text ``normal(60, 10)``, ``uniform(40, 80)``, ``triangular(40, 60, 80)``, ``beta(2, 5)``
  (on the field's range, e.g. the issue's scale), ``discrete(40:0.3, 60:0.7)``; keyword
  arguments too (``normal(mean=60, sd=10, value=55)``);
- a YAML mapping: ``{normal: {mean: 60, sd: 10}}``, ``{uniform: [40, 80]}``,
  ``{discrete: {40: 0.3, 60: 0.7}}``, optionally with ``value:`` beside it.

Every draw is kept within the field's bounds (normal: truncated there; others: clipped). The
number the models see when they run once is the distribution's *point value*: ``value`` if
given, else the mean (normal, uniform, beta) or the mode (triangular, discrete). So a scenario
with distributions forecasts exactly as the same scenario with those numbers.

This module only parses and describes; sampling lives in :mod:`detente.uncertainty`.
"""

from __future__ import annotations

import math
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

__all__ = [
    "KINDS",
    "Distribution",
    "Uncertain",
    "parse_distribution",
    "dump_uncertain",
    "split_uncertain",
]

KINDS: tuple[str, ...] = ("normal", "uniform", "triangular", "beta", "discrete")
_ARGS: dict[str, tuple[str, ...]] = {
    "normal": ("mean", "sd"),
    "uniform": ("low", "high"),
    "triangular": ("low", "mode", "high"),
    "beta": ("a", "b", "low", "high"),
}
_OPTIONAL = {"beta": 2}  # beta's low and high default to the field's range
_FORMS = ("'60 ± 10', 'normal(60, 10)', 'uniform(40, 80)', 'triangular(40, 60, 80)', "
          "'beta(2, 5)', 'discrete(40:0.3, 60:0.7)' or a mapping such as "
          "{normal: {mean: 60, sd: 10}}")
_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Distribution(BaseModel):
    """One uncertain number: ``kind`` and its parameters.

    ``params`` are, by kind: normal ``(mean, sd)``; uniform ``(low, high)``; triangular
    ``(low, mode, high)``; beta ``(a, b)`` on the field's range; discrete the values (with
    ``weights``, normalised when sampling). ``value`` overrides the point value.
    """

    model_config = _FROZEN

    kind: Literal["normal", "uniform", "triangular", "beta", "discrete"]
    params: tuple[float, ...]
    weights: tuple[float, ...] = ()
    value: float | None = None

    @model_validator(mode="after")
    def _check(self) -> Distribution:
        p, k = self.params, self.kind
        if not all(math.isfinite(x) for x in (*p, *self.weights)):
            raise ValueError(f"{k}: parameters must be finite numbers")
        if self.value is not None and not math.isfinite(self.value):
            raise ValueError(f"{k}: value must be a finite number")
        if k == "discrete":
            if not p:
                raise ValueError("discrete: expected at least one value")
            if self.weights and len(self.weights) != len(p):
                raise ValueError("discrete: one weight per value")
            if any(w < 0 for w in self.weights) or (self.weights and sum(self.weights) <= 0):
                raise ValueError("discrete: weights must be ≥ 0 with a positive sum")
            return self
        if not _OPTIONAL.get(k, len(_ARGS[k])) <= len(p) <= len(_ARGS[k]):
            raise ValueError(f"{k}: expected {len(_ARGS[k])} parameters "
                             f"({', '.join(_ARGS[k])}), got {len(p)}")
        if k == "normal" and p[1] < 0:
            raise ValueError(f"normal: sd must be ≥ 0, got {p[1]:g}")
        if k == "uniform" and not p[0] <= p[1]:
            raise ValueError(f"uniform: low {p[0]:g} must not exceed high {p[1]:g}")
        if k == "triangular" and not p[0] <= p[1] <= p[2]:
            raise ValueError(f"triangular: expected low ≤ mode ≤ high, got {p[0]:g}, "
                             f"{p[1]:g}, {p[2]:g}")
        if k == "beta" and not (p[0] > 0 and p[1] > 0):
            raise ValueError(f"beta: a and b must be > 0, got {p[0]:g}, {p[1]:g}")
        if k == "beta" and len(p) == 3:
            raise ValueError("beta: give both low and high, or neither")
        if k == "beta" and len(p) == 4 and not p[2] < p[3]:
            raise ValueError(f"beta: low {p[2]:g} must be below high {p[3]:g}")
        return self

    def point(self, low: float = 0.0, high: float = 100.0) -> float:
        """The number a single run uses (``value``, else mean or mode); beta on [low, high]."""
        if self.value is not None:
            return self.value
        p = self.params
        if self.kind == "normal":
            return p[0]
        if self.kind == "uniform":
            return (p[0] + p[1]) / 2.0
        if self.kind == "triangular":
            return p[1]
        if self.kind == "beta":
            lo, hi = self.support(low, high)
            return lo + (hi - lo) * p[0] / (p[0] + p[1])
        w = self.weights or (1.0,) * len(p)
        return p[max(range(len(p)), key=lambda i: (w[i], -i))]

    def support(self, low: float, high: float) -> tuple[float, float]:
        """Beta's range: its own low and high if given, else the field's."""
        if self.kind == "beta" and len(self.params) == 4:
            return self.params[2], self.params[3]
        return low, high

    @property
    def text(self) -> str:
        """The distribution in the text form the parser reads back."""
        if self.kind == "discrete":
            w = self.weights or (1.0,) * len(self.params)
            args = [f"{x:g}:{y:g}" for x, y in zip(self.params, w, strict=True)]
        else:
            args = [f"{x:.17g}" for x in self.params]
        if self.value is not None:
            args.append(f"value={self.value:.17g}")
        return f"{self.kind}({', '.join(args)})"

    def __str__(self) -> str:
        return self.text


class Uncertain(BaseModel):
    """The distributions of a record's uncertain numbers, by field name (``None``: a point)."""

    model_config = _FROZEN

    position: Distribution | None = None
    salience: Distribution | None = None
    capability: Distribution | None = None
    p_prevail: Distribution | None = None
    cost: Distribution | None = None
    target_cost: Distribution | None = None

    def items(self) -> list[tuple[str, Distribution]]:
        return [(k, getattr(self, k)) for k in type(self).model_fields
                if getattr(self, k) is not None]


_PM = re.compile(r"^\s*([-+]?[\d.eE+_-]+?)\s*(?:±|\+-|\+/-)\s*([\d.eE+_-]+)\s*$")
_CALL = re.compile(r"^\s*([A-Za-z_]+)\s*\((.*)\)\s*$", re.S)


def _num(text: Any, what: str) -> float:
    if isinstance(text, bool):
        raise ValueError(f"{what}: expected a number, got {text!r}")
    try:
        x = float(str(text).strip().replace("_", ""))
    except ValueError:
        raise ValueError(f"{what}: expected a number, got {str(text)[:40]!r}") from None
    if not math.isfinite(x):
        raise ValueError(f"{what}: expected a finite number, got {str(text)[:40]!r}")
    return x


def looks_uncertain(v: Any) -> bool:
    """Whether ``v`` is meant as a distribution (a mapping, or text with ± or a call)."""
    if isinstance(v, Distribution):
        return True
    if isinstance(v, dict):
        return bool(set(map(str, v)) & {*KINDS, "value"})
    if isinstance(v, str):
        return bool(_PM.match(v) or _CALL.match(v) or "±" in v or "+-" in v)
    return False


def _make(**kw: Any) -> Distribution:
    try:
        return Distribution(**kw)
    except ValidationError as e:
        msg = "; ".join(str(x.get("msg", "")).removeprefix("Value error, ")
                        for x in e.errors())
        raise ValueError(msg) from None


def _build(kind: str, args: list[Any], kwargs: dict[str, Any]) -> Distribution:
    kind = kind.strip().lower()
    if kind not in KINDS:
        raise ValueError(f"unknown distribution {kind!r}: expected one of {', '.join(KINDS)}")
    value = _num(kwargs.pop("value"), "value") if "value" in kwargs else None
    if kind == "discrete":
        vals: list[float] = []
        ws: list[float] = []
        for a in args:
            if isinstance(a, str) and ":" in a:
                x, _, w = a.partition(":")
                vals.append(_num(x, "discrete value"))
                ws.append(_num(w, "discrete weight"))
            elif isinstance(a, (list, tuple)) and len(a) == 2:
                vals.append(_num(a[0], "discrete value"))
                ws.append(_num(a[1], "discrete weight"))
            else:
                vals.append(_num(a, "discrete value"))
                ws.append(1.0)
        for x, w in kwargs.items():
            vals.append(_num(x, "discrete value"))
            ws.append(_num(w, "discrete weight"))
        return _make(kind="discrete", params=tuple(vals),
                            weights=() if all(w == 1.0 for w in ws) else tuple(ws), value=value)
    names = _ARGS[kind]
    if len(args) > len(names):
        raise ValueError(f"{kind}: expected {len(names)} parameters ({', '.join(names)}), "
                         f"got {len(args)}")
    got = dict(zip(names, args, strict=False))
    aliases = {"sigma": "sd", "std": "sd", "mu": "mean", "min": "low", "max": "high",
               "alpha": "a", "beta": "b", "c": "mode"}
    for k, v in kwargs.items():
        k = aliases.get(k, k)
        if k not in names:
            raise ValueError(f"{kind}: unknown parameter {k!r}; expected {', '.join(names)}"
                             " (and value)")
        got[k] = v
    need = names[: _OPTIONAL.get(kind, len(names))]
    if kind == "beta" and ("low" in got or "high" in got):
        need = names
    missing = [n for n in need if n not in got]
    if missing:
        raise ValueError(f"{kind}: missing {', '.join(missing)}; expected {', '.join(names)}")
    return _make(kind=kind, params=tuple(_num(got[n], f"{kind} {n}") for n in names
                                                if n in got),
                        value=value)


def _split_args(body: str) -> tuple[list[Any], dict[str, Any]]:
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for part in (p.strip() for p in body.replace(";", ",").split(",")):
        if not part:
            continue
        if "=" in part:
            k, _, v = part.partition("=")
            kwargs[k.strip().lower()] = v.strip()
        else:
            args.append(part)
    return args, kwargs


def parse_distribution(v: Any) -> Distribution:
    """A :class:`Distribution` from text or a mapping; ``ValueError`` says what was expected."""
    if isinstance(v, Distribution):
        return v
    if isinstance(v, str):
        m = _PM.match(v)
        if m:
            return _make(kind="normal", params=(_num(m.group(1), "mean"),
                                                _num(m.group(2), "sd")))
        c = _CALL.match(v)
        if c:
            args, kwargs = _split_args(c.group(2))
            return _build(c.group(1), args, kwargs)
        raise ValueError(f"cannot read {v[:60]!r} as a distribution: expected {_FORMS}")
    if isinstance(v, dict):
        d = {str(k): x for k, x in v.items()}
        if set(d) == {"kind", "params"} or {"kind", "params"} <= set(d):  # model_dump form
            return _make(**d)
        kinds = [k for k in d if k in KINDS]
        extra = [k for k in d if k not in KINDS and k != "value"]
        if len(kinds) != 1 or extra:
            raise ValueError(f"expected one distribution ({', '.join(KINDS)}) and optionally "
                             f"'value', got keys {', '.join(map(repr, d))}")
        kind, spec = kinds[0], d[kinds[0]]
        kwargs = {"value": d["value"]} if "value" in d else {}
        if isinstance(spec, dict):
            if kind == "discrete":
                return _build(kind, [], {**{str(k): w for k, w in spec.items()}, **kwargs})
            return _build(kind, [], {str(k).lower(): x for k, x in spec.items()} | kwargs)
        if isinstance(spec, (list, tuple)):
            return _build(kind, list(spec), kwargs)
        if isinstance(spec, str):
            args, kw = _split_args(spec)
            return _build(kind, args, kw | kwargs)
        raise ValueError(f"{kind}: expected a list or mapping of parameters, got {spec!r}")
    raise ValueError(f"expected a number or a distribution ({_FORMS}), got {v!r}")


def split_uncertain(data: Any, fields: tuple[str, ...], bounds: dict[str, tuple[float, float]]
                    ) -> Any:
    """Before validation of a record: replace each distribution among ``fields`` by its point
    value and collect the distributions under ``uncertain`` (pydantic ``mode="before"``)."""
    if not isinstance(data, dict):
        return data
    found: dict[str, Distribution] = {}
    for f in fields:
        if f in data and looks_uncertain(data[f]):
            try:
                found[f] = parse_distribution(data[f])
            except ValueError as e:
                raise ValueError(f"{f}: {e}") from None
    if not found:
        return data
    out = dict(data)
    prior = out.get("uncertain")
    merged: dict[str, Any] = {}
    if isinstance(prior, Uncertain):
        merged = {k: d for k, d in prior.items()}
    elif isinstance(prior, dict):
        merged = dict(prior)
    for f, d in found.items():
        lo, hi = bounds.get(f, (0.0, 100.0))
        out[f] = d.point(lo, hi)
        merged[f] = d
    out["uncertain"] = merged
    return out


def distribution_problems(data: Any) -> list[tuple[tuple[str | int, ...], str]]:
    """Every unreadable distribution in a scenario document, with its path (for located
    errors before validation)."""
    out: list[tuple[tuple[str | int, ...], str]] = []
    if not isinstance(data, dict):
        return out

    def scan(items: Any, key: str, fields: tuple[str, ...], nested: str | None = None) -> None:
        if not isinstance(items, list):
            return
        for k, rec in enumerate(items):
            if not isinstance(rec, dict):
                continue
            targets: list[tuple[tuple[str | int, ...], dict[str, Any], tuple[str, ...]]] = [
                ((key, k), rec, fields)]
            if nested and isinstance(rec.get(nested), dict):
                targets.append(((key, k, nested), rec[nested], ("position", "salience")))
            for loc, r, fs in targets:
                for f in fs:
                    if f in r and looks_uncertain(r[f]):
                        try:
                            parse_distribution(r[f])
                        except ValueError as e:
                            out.append(((*loc, f), str(e)))

    scan(data.get("actors"), "actors", ("capability",))
    scan(data.get("stances"), "stances", ("position", "salience", "capability"), "private")
    scan(data.get("outside_options"), "outside_options", ("p_prevail", "cost", "target_cost"))
    return out


def dump_uncertain(scenario: Any, doc: dict[str, Any]) -> None:
    """Write each distribution back in place of its point value in a YAML document being
    dumped (the ``uncertain`` blocks become the fields' text form)."""

    def put(model: Any, d: dict[str, Any]) -> None:
        d.pop("uncertain", None)
        if model.uncertain is not None:
            for f, dist in model.uncertain.items():
                d[f] = dist.text

    for key in ("actors", "stances", "outside_options"):
        for m, d in zip(getattr(scenario, key), doc.get(key, ()), strict=False):
            put(m, d)
            if key == "stances" and m.private is not None and isinstance(d.get("private"), dict):
                put(m.private, d["private"])
