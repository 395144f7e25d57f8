"""One exception family for the mistakes a user can make.

Every error a user can cause by what they give detente (a file, an option, a record import, an
HTTP request) is an :class:`InputError`: it carries one or more :class:`Problem` s, each saying
where (file, line or row, field) and what was expected. The faces map this family, and only this
family, to a user error (CLI exit status 2, HTTP 4xx). Any other exception is a bug in detente
and is reported as one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["DetenteError", "InputError", "InputLookupError", "InputNote", "LimitError", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and what was expected."""

    message: str
    field: str = ""
    file: str | None = None
    line: int | None = None
    row: int | None = None
    loc: tuple[str | int, ...] = ()

    def __str__(self) -> str:
        # no file (a request's field, a model's check of a scenario in memory): no placeholder
        # for it, the field and the message alone (the web shows these on its error pages)
        where = ", ".join([*([self.file] if self.file else []),
                           *([f"line {self.line}"] if self.line is not None else []),
                           *([f"row {self.row}"] if self.row is not None else [])])
        what = f"field '{self.field}': " if self.field else ""
        return f"{where}: {what}{self.message}" if where else f"{what}{self.message}"


class DetenteError(Exception):
    """Base of every exception detente raises on purpose."""


class InputError(DetenteError):
    """A mistake in what the user gave detente; ``problems`` lists every problem found.

    Built from a list of :class:`Problem` s, or from a single message (a problem without a
    location, e.g. a command-line option). It is deliberately not a :class:`ValueError`: a
    pydantic validator raising it is not turned into a ``ValidationError``, and a ``ValueError``
    from a bug is never mistaken for the user's mistake.
    """

    def __init__(self, problems: Sequence[Problem] | str) -> None:
        if isinstance(problems, str):
            self.problems: tuple[Problem, ...] = ()
            super().__init__(problems)
        else:
            self.problems = tuple(problems)
            super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def messages(self) -> tuple[str, ...]:
        """One line per problem (or the single message)."""
        return tuple(str(p) for p in self.problems) or (str(self),)

    def located(
        self, file: str, locate: Callable[[tuple[str | int, ...]], int | None] | None = None
    ) -> InputError:
        """A copy with ``file`` set and lines filled by ``locate(loc) -> line``."""
        if not self.problems:
            return type(self)(f"{file}: {self}")
        out = []
        for p in self.problems:
            line = p.line
            if line is None and locate is not None:
                line = locate(p.loc)
            out.append(Problem(p.message, p.field, p.file or file, line, p.row, p.loc))
        return type(self)(out)


class LimitError(InputError):
    """An input beyond a stated size limit (bytes, actors, issues, draws, outcomes)."""


class InputLookupError(InputError, KeyError):
    """A name the user gave (actor, issue, model, record item) that does not exist.

    Also a :class:`KeyError` for library callers; ``str()`` is the plain message.
    """

    def __str__(self) -> str:
        return "\n".join(self.messages) if self.problems else str(self.args[0] if self.args else "")


class InputNote(UserWarning):
    """Not a mistake, but something the user should know about how an input was read (a
    column rescaled, a value that looks like it is on another scale). Issued with
    :func:`warnings.warn`; the command line prints each as ``note: …`` on stderr."""
