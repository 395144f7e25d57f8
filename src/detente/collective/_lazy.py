"""Results computed on first access: what a caller never reads is never built.

A model's :class:`~detente.collective.Forecast` can carry an explanation and diagnostics that
cost more than the forecast itself (the EUM's pairwise arrays, its plain-language account). The
evaluation and the Monte Carlo layer read only the outcomes; these containers let a model hand
over a recipe instead of the result, computed once, when somebody first looks.

A copy or a pickle holds the values, not the recipe (a recipe is a closure, which pickle cannot
carry): pickling builds what was not built yet, so a forecast sent to another process or
stored reads the same as the one it came from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar, overload

__all__ = ["LazyMapping", "LazyTuple"]

T = TypeVar("T")


class LazyTuple(Sequence[T]):
    """An immutable sequence whose items come from ``make()`` on first access."""

    __slots__ = ("_items", "_make")

    def __init__(self, make: Callable[[], Sequence[T]]) -> None:
        self._make: Callable[[], Sequence[T]] | None = make
        self._items: tuple[T, ...] | None = None

    def _get(self) -> tuple[T, ...]:
        if self._items is None:
            assert self._make is not None
            self._items = tuple(self._make())
            self._make = None
        return self._items

    @property
    def built(self) -> bool:
        """Whether the items have been computed yet."""
        return self._items is not None

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[T, ...]: ...
    def __getitem__(self, i: int | slice) -> T | tuple[T, ...]:
        return self._get()[i]

    def __len__(self) -> int:
        return len(self._get())

    def __iter__(self) -> Iterator[T]:
        return iter(self._get())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyTuple):
            return self._get() == other._get()
        return self._get() == other

    def __hash__(self) -> int:
        return hash(self._get())

    def __repr__(self) -> str:
        return repr(self._get()) if self.built else "LazyTuple(<not built>)"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:  # pickle, copy: the built items
        return (tuple, (self._get(),))


class LazyMapping(Mapping[str, Any]):
    """A read-only mapping: ``ready`` values as given, ``later`` ones made by their function on
    first access (each once)."""

    __slots__ = ("_later", "_values")

    def __init__(self, ready: Mapping[str, Any],
                 later: Mapping[str, Callable[[], Any]] | None = None) -> None:
        self._values: dict[str, Any] = dict(ready)
        self._later: dict[str, Callable[[], Any]] = dict(later or {})
        clash = set(self._values) & set(self._later)
        if clash:
            raise ValueError(f"keys given both ready and lazy: {sorted(clash)}")

    def __getitem__(self, key: str) -> Any:
        if key in self._values:
            return self._values[key]
        make = self._later.pop(key)  # KeyError for an unknown key, as a dict
        value = self._values[key] = make()
        return value

    def __iter__(self) -> Iterator[str]:
        return iter([*self._values, *self._later])  # a snapshot: access may move keys

    def __len__(self) -> int:
        return len(self._values) + len(self._later)

    def __contains__(self, key: object) -> bool:
        return key in self._values or key in self._later

    def __repr__(self) -> str:
        pending = f", {len(self._later)} not built" if self._later else ""
        return f"LazyMapping({list(self._values)}{pending})"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:  # pickle, copy: every value built
        return (LazyMapping, ({k: self[k] for k in list(self)},))
