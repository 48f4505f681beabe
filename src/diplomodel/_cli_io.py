"""Plumbing for the command line: errors, arguments, files, progress. Private.

Nothing here knows more about diplomodel than its public API tells: these are
the small adapters between argparse, files and the library.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any, Final, Literal, TextIO, TypeVar

import diplomodel
from diplomodel._paths import open_regular, path_name
from diplomodel.dates import PartialDate, Precision, parse_date
from diplomodel.dossier import Dossier
from diplomodel.errors import DataError, DiplomodelError, Problem
from diplomodel.files import iter_jsonl
from diplomodel.i18n import anniversary_phrase

T = TypeVar("T")

Format = Literal["json", "jsonl"]


class Failure(Exception):  # noqa: N818 - it is what the user sees: the command failed
    """The command cannot do its job: a usage error or unusable input (exit status 2).

    Args:
        message: The one line saying what is wrong.
        details: Further lines (the problems of a `DataError`).
    """

    def __init__(self, message: str, details: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


# -- messages ---------------------------------------------------------------------


def report_failure(stream: TextIO, failure: Failure) -> None:
    """Write a failure: ``diplomodel: error: ...`` and any further lines."""
    lines = [f"diplomodel: error: {failure.message}", *failure.details]
    stream.write("\n".join(lines) + "\n")


def _problem_text(problem: Problem) -> str:
    """A problem as text, without the ``$`` path of a problem about the whole input."""
    if problem.path != "$":
        return str(problem)
    return f"line {problem.line}: {problem.message}" if problem.line else problem.message


def data_failure(error: DataError) -> Failure:
    """A `DataError` as a failure: one line for one problem, a count and the list for more."""
    where = f"{error.source}: " if error.source else ""
    if len(error.problems) == 1:
        return Failure(where + _problem_text(error.problems[0]))
    head = str(error).splitlines()[0].rstrip(":")
    return Failure(head, tuple(f"  {_problem_text(p)}" for p in error.problems))


# -- argument types ---------------------------------------------------------------


def partial_date(text: str) -> PartialDate:
    """An argparse type: a date at any precision, ISO (``2024-08``) or news text."""
    try:
        return parse_date(text)
    except DataError as exc:  # one problem, about the whole text
        raise argparse.ArgumentTypeError(exc.problems[0].message) from None
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def day(text: str) -> date:
    """An argparse type: one day, ISO (``2024-08-21``) or news text (``21 August 2024``)."""
    value = partial_date(text)
    if value.precision is not Precision.DAY:
        raise argparse.ArgumentTypeError(
            f"{text!r} is a {value.precision.value}, not a day (give YYYY-MM-DD)"
        )
    return value.to_date()


def public_class(name: str) -> type[Any]:
    """The public class of this name (``Meeting``), or a failure naming the problem."""
    found = getattr(diplomodel, name, None) if name in diplomodel.__all__ else None
    if not isinstance(found, type):
        raise Failure(
            f"unknown class {name!r}: give a public diplomodel class such as "
            "Dossier, Meeting, Person, Document or Place"
        )
    return found


def input_format(path: Path, given: Format | None) -> Format:
    """The format of an input: as given, else a directory or ``.jsonl`` is JSON Lines."""
    if given is not None:
        return given
    if path.is_dir() or path.suffix.lower() in (".jsonl", ".ndjson"):
        return "jsonl"
    if path.suffix.lower() == ".json":
        return "json"
    raise Failure(f"{path}: cannot tell the format from the name; give --format json or jsonl")


# -- progress ---------------------------------------------------------------------


class Progress:
    """A progress bar on a terminal, drawn only once work has taken more than a moment.

    It draws nothing unless `stream` is a terminal, so output to a pipe or a
    file stays plain. It erases itself when closed.

    Args:
        stream: Where to draw (standard error).
        label: What is being done.
        total: The amount of work (bytes).
        delay: Seconds before the bar first appears.
    """

    WIDTH: Final = 30

    def __init__(self, stream: TextIO, label: str, total: int, *, delay: float = 0.5) -> None:
        self._stream = stream
        self._label = label
        self._total = max(total, 1)
        self._enabled = stream.isatty()
        self._start = time.monotonic()
        self._delay = delay
        self._drawn_at: float | None = None

    def add(self, total: int) -> None:
        """Count more work (another file)."""
        self._total += total

    def update(self, done: int) -> None:
        """Show that `done` of the total is done (at most ten times a second)."""
        if not self._enabled:
            return
        now = time.monotonic()
        if now - self._start < self._delay:
            return
        if self._drawn_at is not None and now - self._drawn_at < 0.1:
            return
        self._drawn_at = now
        share = min(done / self._total, 1.0)
        filled = round(share * self.WIDTH)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self._stream.write(f"\r{self._label} [{bar}] {share:4.0%}")
        self._stream.flush()

    def close(self) -> None:
        """Erase the bar, if it was drawn."""
        if self._drawn_at is not None:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._drawn_at = None


class Steps:
    """The long steps of a command (reading, validating, writing), shown on standard error.

    Shown when `stream` is a terminal, or when asked for (``--progress``). On a
    terminal the current step stays on one line, with its elapsed seconds
    once done, and the line is erased at the end; elsewhere (a log file) each
    step is a line of its own once it is done, with its time. Nothing is shown
    otherwise, so output to a pipe stays plain.

    Args:
        stream: Where to write (standard error).
        asked: Show the steps even when `stream` is not a terminal.
    """

    def __init__(self, stream: TextIO, *, asked: bool = False) -> None:
        self._stream = stream
        self._terminal = stream.isatty()
        self._enabled = asked or self._terminal
        self._drawn = False

    @property
    def enabled(self) -> bool:
        """Whether anything is shown."""
        return self._enabled

    @contextlib.contextmanager
    def step(self, text: str) -> Iterator[None]:
        """Show `text` while the block runs, then how long it took."""
        if not self._enabled:
            yield
            return
        began = time.monotonic()
        if self._terminal:
            self._stream.write(f"\r\x1b[K{text} ...")
            self._stream.flush()
            self._drawn = True
        yield
        took = f"{text}: {time.monotonic() - began:.1f} s"
        self._stream.write(f"\r\x1b[K{took}" if self._terminal else f"{took}\n")
        self._stream.flush()

    def close(self) -> None:
        """Erase the line on a terminal, if one was drawn."""
        if self._drawn:
            self._stream.write("\r\x1b[K")
            self._stream.flush()
            self._drawn = False


# -- reading ---------------------------------------------------------------------


def checked_path(name: str) -> Path:
    """A path given on the command line, checked as the library checks paths (DataError)."""
    return Path(path_name(name))


def records(
    path: Path, cls: type[T], progress: Progress, problems: list[DataError]
) -> Iterator[tuple[int, T]]:
    """The good records of a JSON Lines file with their line numbers, one at a time.

    A FIFO or a device is refused before it is opened. The bad lines'
    problems (every one, with its line) are appended to `problems` once the
    file is read.
    """
    with open_regular(path) as stream:
        progress.add(file_size(stream))
        reader = iter_jsonl(stream, cls, errors="collect")
        for record in reader:
            yield reader.line, record
            progress.update(stream.tell())
        error = reader.error()
    if error is not None:
        problems.append(error)


def file_size(stream: IO[bytes]) -> int:
    """The size of an open file in bytes."""
    return os.fstat(stream.fileno()).st_size


def load_dossier(path: Path, given: Format | None) -> Dossier:
    """A dossier from a JSON file or from its JSON Lines directory, by `Dossier.load`."""
    form = input_format(path, given)
    if (form == "jsonl") != path.is_dir():
        kind = "a directory" if path.is_dir() else "not a directory"
        raise Failure(
            f"{path}: {kind}; a dossier in JSON is a file, in JSON Lines a directory "
            "(dossier.json and one .jsonl file per table)"
        )
    return Dossier.load(path)


@contextlib.contextmanager
def user_values() -> Iterator[None]:
    """Report the `ValueError` of a library call about values the user gave, as a failure.

    Only around calls whose documentation says they raise `ValueError` for
    such values (a window that ends before it starts); any other error
    stays a bug.
    """
    try:
        yield
    except DiplomodelError:
        raise
    except ValueError as exc:
        raise Failure(str(exc)) from None


def check_locale(locale: str) -> str:
    """The locale, once the library has said it knows it; else a failure (before any work)."""
    with user_values():
        anniversary_phrase(1, locale)
    return locale


@contextlib.contextmanager
def writing(target: str) -> Iterator[None]:
    """Report a failure to write `target` (a missing directory, no permission) as a failure."""
    try:
        yield
    except OSError as exc:
        raise Failure(f"{target}: cannot write: {exc.strerror or exc}") from None


def as_failure(exc: Exception) -> Failure | None:
    """An expected error as the failure to report (exit status 2); None for a bug (70).

    Expected are usage errors and the errors diplomodel raises on purpose
    (`DiplomodelError`: bad data, an unknown state or id); anything else is
    a bug in diplomodel.
    """
    if isinstance(exc, Failure):
        return exc
    if isinstance(exc, DataError):
        return data_failure(exc)
    if isinstance(exc, DiplomodelError):
        text = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc
        return Failure(str(text))
    return None
