"""The exceptions diplomodel raises.

Every exception the library raises on purpose derives from `DiplomodelError`,
so one ``except DiplomodelError`` catches them all. Each one also derives from
the built-in exception a caller would naturally expect: a `DataError` is a
`ValueError`, an `UnknownStateError` is a `LookupError`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from attrs import field, frozen

__all__ = [
    "DataError",
    "DiplomodelError",
    "Problem",
    "UnknownOrganizationError",
    "UnknownStateError",
]


class DiplomodelError(Exception):
    """Base class of every exception raised by diplomodel.

    Catch it to handle any failure of the library at once; catch a subclass
    (or the built-in class it also derives from) to handle one kind.

    >>> import diplomodel as dm
    >>> try:
    ...     dm.states.get("XX")
    ... except DiplomodelError as error:
    ...     type(error).__name__
    'UnknownStateError'
    """


@frozen(kw_only=True)
class Problem:
    """One thing wrong with some input, and where it is.

    Args:
        path: A JSONPath-like location of the offending value, rooted at ``$``
            (``$.meetings[0].participants[2].role``).
        message: What is wrong, in words a person understands.
        line: For input read line by line (JSON Lines), the 1-based line
            number; the path is then inside that line's record.

    >>> Problem(path="$.meetings[0].start", message="invalid date")
    Problem(path='$.meetings[0].start', message='invalid date', line=None)
    >>> str(Problem(path="$.id", message="must not be empty"))
    '$.id: must not be empty'
    >>> str(Problem(path="$.role", message="unknown role", line=12))
    'line 12: $.role: unknown role'
    """

    path: str = field()
    message: str = field()
    line: int | None = field(default=None)

    @path.validator
    def _check_path(self, _attribute: object, value: str) -> None:
        if not isinstance(value, str) or not value.startswith("$"):
            raise ValueError(f"'path' must be a string starting with '$' (got {value!r})")

    @message.validator
    def _check_message(self, _attribute: object, value: str) -> None:
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"'message' must be a non-empty string (got {value!r})")

    @line.validator
    def _check_line(self, _attribute: object, value: int | None) -> None:
        if value is not None and (type(value) is not int or value < 1):
            raise ValueError(f"'line' must be a positive int or None (got {value!r})")

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}{self.path}: {self.message}"


class DataError(DiplomodelError, ValueError):
    """Input that cannot become a valid diplomodel object.

    Raised by every loader (`from_dict`, `from_json`, `Dossier.load`, ...).
    It carries *every* problem found, each with its path, so that a whole file
    can be fixed in one pass. No partially built object is ever returned.

    Args:
        problems: The problems found; at least one.
        source: Optional name of the input (a file name), shown in messages.

    >>> err = DataError([Problem(path="$.id", message="required field missing")])
    >>> print(err)
    1 problem in input:
      $.id: required field missing
    >>> isinstance(err, ValueError)
    True
    """

    problems: tuple[Problem, ...]
    source: str | None

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("a DataError needs at least one problem")
        self.source = source
        super().__init__(self._render())

    @classmethod
    def single(cls, path: str, message: str, *, source: str | None = None) -> DataError:
        """Build an error holding one problem.

        Args:
            path: Where the problem is (``$`` for the whole input).
            message: What is wrong.
            source: Optional name of the input.

        Returns:
            The error, ready to raise.

        >>> DataError.single("$", "not JSON").problems
        (Problem(path='$', message='not JSON', line=None),)
        """
        return cls([Problem(path=path, message=message)], source=source)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle and copy rebuild from the problems, not from the rendered message.
        return (_rebuild_data_error, (type(self), self.problems, self.source))

    def _render(self) -> str:
        where = f" in {self.source}" if self.source else " in input"
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''}{where}:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


def _rebuild_data_error(
    cls: type[DataError], problems: tuple[Problem, ...], source: str | None
) -> DataError:
    return cls(problems, source=source)


class UnknownStateError(DiplomodelError, LookupError):
    """A state code or name that the registry does not know.

    >>> isinstance(UnknownStateError("Atlantis"), LookupError)
    True
    """


class UnknownOrganizationError(DiplomodelError, LookupError):
    """An organisation code or name that the registry does not know, or that is ambiguous.

    The message lists the closest known organisations, or every one an
    ambiguous name may mean.

    >>> isinstance(UnknownOrganizationError("Galactic Empire"), LookupError)
    True
    """
