"""Plumbing for the command line: errors, arguments, files, progress. Private.

Nothing here knows more about diplomodel than its public API tells: these are
the small adapters between argparse, files and the library.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any, Final, Literal, TextIO, TypeVar

import diplomodel
from diplomodel.dates import PartialDate, Precision, parse_date
from diplomodel.dossier import _TABLES, Dossier
from diplomodel.errors import DataError, DiplomodelError, Problem
from diplomodel.files import iter_jsonl, write_jsonl

T = TypeVar("T")

Format = Literal["json", "jsonl"]

#: The JSON Lines form of a dossier is a directory: this file holds the
#: dossier's header (format version, id, title) and no entities...
HEADER_FILE: Final = "dossier.json"

#: ... and each table is ``<name>.jsonl``, one entity of its class a line.
TABLES: Final = _TABLES


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


# -- reading ----------------------------------------------------------------------


def _open(path: Path) -> IO[bytes]:
    try:
        return path.open("rb")
    except OSError as exc:
        raise Failure(f"{path}: cannot read file: {exc.strerror}") from None


def records(
    path: Path, cls: type[T], progress: Progress, problems: list[DataError], done: int = 0
) -> Iterator[tuple[int, T]]:
    """The good records of a JSON Lines file with their line numbers, one at a time.

    The bad lines' problems (every one, with its line) are appended to
    `problems` once the file is read.
    """
    with _open(path) as stream:
        reader = iter_jsonl(stream, cls, errors="collect")
        for record in reader:
            yield reader.line, record
            progress.update(done + stream.tell())
        error = reader.error()
    if error is not None:
        problems.append(error)


def file_size(path: Path) -> int:
    """The size of a file in bytes; 0 if it cannot be read (reading it will say why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def read_dossier_directory(directory: Path, progress_stream: TextIO) -> Dossier:
    """Read the JSON Lines form of a dossier: the header file and one file per table.

    A missing table file is an empty table. Every bad line of every file is
    reported.
    """
    head = Dossier.load(directory / HEADER_FILE)
    if len(head) > 0:
        raise Failure(f"{directory / HEADER_FILE}: the header of a JSONL dossier holds no entities")
    files = {name: directory / f"{name}.jsonl" for name in TABLES}
    present = {name: file for name, file in files.items() if file.is_file()}
    progress = Progress(
        progress_stream, f"reading {directory}", sum(file_size(f) for f in present.values())
    )
    problems: list[DataError] = []
    tables: dict[str, tuple[Any, ...]] = {}
    done = 0
    try:
        for name, file in present.items():
            tables[name] = tuple(
                record for _, record in records(file, TABLES[name], progress, problems, done)
            )
            done += file_size(file)
    finally:
        progress.close()
    if problems:
        raise several(problems)
    return Dossier(id=head.id, title=head.title, **tables)


def several(errors: list[DataError]) -> Failure:
    """One failure for the data errors of several files."""
    if len(errors) == 1:
        return data_failure(errors[0])
    count = sum(len(e.problems) for e in errors)
    lines = tuple(line for e in errors for line in str(e).splitlines())
    return Failure(f"{count} problems in {len(errors)} files:", lines)


def load_dossier(path: Path, given: Format | None, progress_stream: TextIO) -> Dossier:
    """A dossier from a JSON file or from its JSON Lines directory."""
    form = input_format(path, given)
    if form == "json":
        return Dossier.load(path)
    if not path.is_dir():
        raise Failure(
            f"{path}: a dossier in JSON Lines is a directory "
            f"({HEADER_FILE} and one .jsonl file per table)"
        )
    return read_dossier_directory(path, progress_stream)


def write_dossier_directory(dossier: Dossier, directory: Path) -> None:
    """Write the JSON Lines form of a dossier; every table file is written, empty or not."""
    directory.mkdir(parents=True, exist_ok=True)
    Dossier(id=dossier.id, title=dossier.title).save(directory / HEADER_FILE)
    for name in TABLES:
        write_jsonl(directory / f"{name}.jsonl", getattr(dossier, name))


def as_failure(exc: Exception) -> Failure | None:
    """An expected error (bad input or usage) as the failure to report; None for a bug."""
    if isinstance(exc, Failure):
        return exc
    if isinstance(exc, DataError):
        return data_failure(exc)
    if isinstance(exc, OSError):
        where = f"{os.fsdecode(exc.filename)}: " if exc.filename else ""
        return Failure(f"{where}{exc.strerror or exc}")
    if isinstance(exc, KeyError) and exc.args:
        return Failure(str(exc.args[0]))
    if isinstance(exc, DiplomodelError | ValueError | LookupError | OverflowError):
        return Failure(str(exc))
    return None
