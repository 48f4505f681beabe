"""The exceptions diplomodel raises, and the bounds on what an error holds.

Every exception the library raises on purpose derives from `DiplomodelError`,
so one ``except DiplomodelError`` catches them all. Each one also derives from
the built-in exception a caller would naturally expect:

- bad input to a loader: `DataError`, a `ValueError` listing every problem
  with its path;
- an argument a function cannot accept: `InvalidArgumentError` (a
  `ValueError`) or `ArgumentTypeError` (a `TypeError`);
- a lookup that finds nothing: `UnknownStateError`, `UnknownExampleError`
  (`LookupError`s), `UnknownIdError` and `UnknownRuleError` (`KeyError`s, so
  ``except KeyError`` around a lookup keeps working).

One exception to the rule, on purpose: attrs validators run inside a
constructor (``Meeting(...)``, ``PartialDate(year=0)``) raise plain
`TypeError` and `ValueError`, as attrs expects of them; the loaders turn those
into `DataError` problems with paths. Anything else that escapes the library
(an `AttributeError`, a `RecursionError` outside a loader) is a bug.

A `DataError` is bounded however bad the input: it keeps at most
`MAX_PROBLEMS` problems (saying how many more there were, or that collection
stopped), and each problem's path and message at most `MAX_MESSAGE`
characters (the middle elided with "…"). Collectors use a `ProblemCollector`
so that they stop doing work once it is full.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any, Final

from attrs import field, frozen

__all__ = [
    "MAX_MESSAGE",
    "MAX_PROBLEMS",
    "ArgumentTypeError",
    "DataError",
    "DiplomodelError",
    "InvalidArgumentError",
    "Problem",
    "ProblemCollector",
    "UnknownExampleError",
    "UnknownIdError",
    "UnknownOrganizationError",
    "UnknownRuleError",
    "UnknownStateError",
]

MAX_PROBLEMS: Final = 1000
"""The most problems a `DataError` holds; the rest are counted, or collection stops."""

MAX_MESSAGE: Final = 300
"""The most characters of a problem's path or message; longer ones are elided in the middle."""

_ELLIPSIS: Final = "…"


def elide(text: str, limit: int = MAX_MESSAGE) -> str:
    """`text` cut to `limit` characters by eliding its middle with "…".

    The start (what is wrong) and the end (the closing quote or bracket of a
    shown value) both survive.

    >>> elide("abcdefghij", 7)
    'abc…hij'
    >>> elide("short", 7)
    'short'
    """
    if len(text) <= limit:
        return text
    keep = limit - len(_ELLIPSIS)
    tail = keep // 2
    return text[: keep - tail] + _ELLIPSIS + text[len(text) - tail :]


def shown(value: object, limit: int = 60) -> str:
    """A value as a message shows it: its repr, elided to `limit` characters.

    Never fails: an integer too long for `repr` is described by its size.

    >>> shown("x" * 100, 12)
    "'xxxxx…xxxx'"
    >>> shown(10**5000)
    'an int of about 5,000 digits'
    """
    if isinstance(value, int) and value.bit_length() > _BITS_SHOWN:
        return f"an int of about {int(value.bit_length() * _DIGITS_PER_BIT):,} digits"
    return elide(repr(value), limit)


_BITS_SHOWN: Final = 256
_DIGITS_PER_BIT: Final = 0.30103


def _bounded(value: Any) -> Any:
    return elide(value) if isinstance(value, str) else value


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
            (``$.meetings[0].participants[2].role``); elided to `MAX_MESSAGE`
            characters.
        message: What is wrong, in words a person understands; elided to
            `MAX_MESSAGE` characters.
        line: For input read line by line (JSON Lines), the 1-based line
            number; the path is then inside that line's record.

    >>> Problem(path="$.meetings[0].start", message="invalid date")
    Problem(path='$.meetings[0].start', message='invalid date', line=None)
    >>> str(Problem(path="$.id", message="must not be empty"))
    '$.id: must not be empty'
    >>> str(Problem(path="$.role", message="unknown role", line=12))
    'line 12: $.role: unknown role'
    """

    path: str = field(converter=_bounded)
    message: str = field(converter=_bounded)
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
    It carries every problem found, each with its path, so that a whole file
    can be fixed in one pass, up to `MAX_PROBLEMS` of them: beyond that it
    holds the first ones and says how many more there were (`omitted`) or
    that collection stopped there (`stopped`). No partially built object is
    ever returned.

    Args:
        problems: The problems found; at least one. Only the first
            `MAX_PROBLEMS` are kept; the rest are counted into `omitted`.
        source: Optional name of the input (a file name), shown in messages.
        omitted: Problems found but not passed in (a collector that kept
            only the first ones says how many it dropped).
        stopped: Collection stopped before the end of the input, so there
            may be more problems than are counted.

    >>> err = DataError([Problem(path="$.id", message="required field missing")])
    >>> print(err)
    1 problem in input:
      $.id: required field missing
    >>> isinstance(err, ValueError)
    True
    >>> many = DataError(Problem(path=f"$[{i}]", message="bad") for i in range(1500))
    >>> len(many.problems), many.omitted, str(many).splitlines()[-1]
    (1000, 500, '  … and 500 more problems')
    """

    problems: tuple[Problem, ...]
    source: str | None
    omitted: int
    stopped: bool

    def __init__(
        self,
        problems: Iterable[Problem],
        *,
        source: str | None = None,
        omitted: int = 0,
        stopped: bool = False,
    ) -> None:
        found = iter(problems)
        self.problems = tuple(itertools.islice(found, MAX_PROBLEMS))
        if not self.problems:
            raise InvalidArgumentError("a DataError needs at least one problem")
        self.omitted = omitted + sum(1 for _ in found)
        self.stopped = stopped
        self.source = source
        super().__init__(self._render())

    @property
    def total(self) -> int:
        """How many problems were found: those held plus those omitted.

        When `stopped` is true there may be more in the input.

        >>> DataError.single("$", "not JSON").total
        1
        """
        return len(self.problems) + self.omitted

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
        return (
            _rebuild_data_error,
            (type(self), self.problems, self.source, self.omitted, self.stopped),
        )

    def _render(self) -> str:
        where = f" in {self.source}" if self.source else " in input"
        count = self.total
        plural = "s" if count != 1 else ""
        head = f"{'at least ' if self.stopped else ''}{count:,} problem{plural}{where}:"
        lines = [head, *(f"  {p}" for p in self.problems)]
        if self.omitted:
            more = "s" if self.omitted != 1 else ""
            lines.append(f"  {_ELLIPSIS} and {self.omitted:,} more problem{more}")
        if self.stopped:
            lines.append(f"  {_ELLIPSIS} stopped looking after {count:,} problems")
        return "\n".join(lines)


def _rebuild_data_error(
    cls: type[DataError],
    problems: tuple[Problem, ...],
    source: str | None,
    omitted: int = 0,
    stopped: bool = False,  # noqa: FBT001, FBT002 - positional for pickle
) -> DataError:
    return cls(problems, source=source, omitted=omitted, stopped=stopped)


class ProblemCollector:
    """Gathers problems up to a limit, then only counts them, or tells its caller to stop.

    A collector that reads a large input (the detailed re-read of a rejected
    document, a JSON Lines file read with ``errors="collect"``) keeps its
    memory bounded with one of these: `add` keeps the first `limit` problems
    and counts the rest; `full` says when to stop doing work that would only
    find more; `error` makes the `DataError`.

    Args:
        limit: The most problems kept (default `MAX_PROBLEMS`).

    >>> collector = ProblemCollector(limit=2)
    >>> for i in range(5):
    ...     collector.add(Problem(path=f"$[{i}]", message="bad"))
    >>> collector.full, len(collector.problems), collector.omitted
    (True, 2, 3)
    >>> print(collector.error(source="x.jsonl"))
    5 problems in x.jsonl:
      $[0]: bad
      $[1]: bad
      … and 3 more problems
    """

    def __init__(self, *, limit: int = MAX_PROBLEMS) -> None:
        if type(limit) is not int or limit < 1:
            raise InvalidArgumentError(f"'limit' must be a positive int (got {limit!r})")
        self.limit = limit
        self.problems: list[Problem] = []
        """The problems kept, at most `limit`."""
        self.omitted = 0
        """How many problems were added beyond `limit` (counted, not kept)."""
        self.stopped = False
        """Whether the caller stopped looking for more (see `stop`)."""

    @property
    def full(self) -> bool:
        """Whether `limit` problems are held: further ones are only counted."""
        return len(self.problems) >= self.limit

    def add(self, problem: Problem) -> None:
        """Keep a problem, or count it once the collector is full."""
        if len(self.problems) < self.limit:
            self.problems.append(problem)
        else:
            self.omitted += 1

    def extend(self, problems: Iterable[Problem], *, omitted: int = 0) -> None:
        """Add several problems, and a count of more that were not passed in."""
        for problem in problems:
            self.add(problem)
        self.omitted += omitted

    def stop(self) -> None:
        """Record that the caller stops looking, so the error says the count is a lower bound."""
        self.stopped = True

    def __len__(self) -> int:
        return len(self.problems) + self.omitted

    def __bool__(self) -> bool:
        return bool(self.problems)

    def error(self, *, source: str | None = None) -> DataError | None:
        """The problems as one `DataError`, or None if there are none."""
        if not self.problems:
            return None
        return DataError(self.problems, source=source, omitted=self.omitted, stopped=self.stopped)


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


class _KeyLookupError(DiplomodelError, KeyError):
    """A failed lookup by key whose message reads as a sentence (`KeyError` quotes it)."""

    def __str__(self) -> str:
        return str(self.args[0]) if len(self.args) == 1 else super().__str__()


class UnknownIdError(_KeyLookupError):
    """No entity of the kind asked for has this id in the dossier.

    A `KeyError`, so ``except KeyError`` around ``dossier.meeting(id)`` still works.

    >>> import diplomodel as dm
    >>> try:
    ...     dm.load_example().meeting("nope")
    ... except KeyError as error:
    ...     print(error)
    no Meeting with id 'nope' in dossier 'china-russia-2024'
    """


class UnknownRuleError(_KeyLookupError):
    """A rule code that the rule set does not hold (``validate(disable={"DM999"})``).

    A `KeyError`, as for any mapping looked up by a missing key.

    >>> isinstance(UnknownRuleError("no rule has the code 'DM999'"), KeyError)
    True
    """


class UnknownExampleError(DiplomodelError, LookupError):
    """No bundled example has this name; `known` lists the names there are.

    Args:
        name: The name asked for.
        known: The names of the bundled examples.

    >>> error = UnknownExampleError("nope", ["china-russia-2024"])
    >>> print(error)
    no example named 'nope'; choose from 'china-russia-2024'
    >>> error.known
    ('china-russia-2024',)
    """

    def __init__(self, name: str, known: Iterable[str]) -> None:
        self.name = name
        self.known = tuple(known)
        choices = ", ".join(repr(k) for k in self.known)
        super().__init__(f"no example named {shown(name, 80)}; choose from {choices}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.name, self.known))


class InvalidArgumentError(DataError):
    """An argument has a value the function cannot work with (an end before a start).

    A kind of `DataError` (and so a `ValueError`): whatever a caller passes,
    data or argument, bad input is a `DataError`. It holds one problem at
    ``$`` and reads as its message.

    Args:
        message: What is wrong with the argument.

    >>> error = InvalidArgumentError("'end' is before 'start'")
    >>> isinstance(error, DataError), isinstance(error, ValueError), str(error)
    (True, True, "'end' is before 'start'")
    """

    def __init__(self, message: str) -> None:
        self.message = elide(message)
        super().__init__([Problem(path="$", message=self.message)])

    def _render(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.message,))


class ArgumentTypeError(DiplomodelError, TypeError):
    """An argument is of a type the function does not take (a number where a date belongs).

    >>> isinstance(ArgumentTypeError("needs a date"), TypeError)
    True
    """
