"""Files and streams: atomic writes and JSON Lines, built on the converter.

JSON Lines hold one record a line, so files of any size are written from a
generator and read back one record at a time, in constant memory. Every line
is read as strictly as `from_json` reads a document, and a bad line's problems
carry its line number.
"""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Final, Literal, TextIO, TypeVar, cast

import attrs

from diplomodel.errors import DataError, Problem
from diplomodel.serialization import dumps, from_json, to_dict

__all__ = ["JsonlReader", "atomic_writer", "iter_jsonl", "write_jsonl"]

T = TypeVar("T")


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    r"""Open a text file that replaces `path` only once it is completely written.

    The text goes to a temporary file beside the destination, which is flushed
    to disk and renamed over it on success, and removed on any failure: a
    reader never sees half a file and an old file survives a failed write.

    Args:
        path: The file to write.

    Yields:
        A UTF-8 text stream with ``\n`` line endings.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_writer(target) as stream:
    ...     _ = stream.write("done\n")
    >>> target.read_text()
    'done\n'
    """
    target = Path(path)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_jsonl(destination: str | os.PathLike[str] | TextIO, records: Iterable[Any]) -> int:
    r"""Write records as JSON Lines: one compact JSON object per line.

    Records are written one at a time as the iterable yields them, so a
    generator of any length can be written in constant memory. A path is
    written atomically (see `atomic_writer`); an open text stream is written
    to as is.

    Inverse of `iter_jsonl`.

    Args:
        destination: A file path, or a text stream open for writing.
        records: diplomodel objects (of any classes).

    Returns:
        How many records were written.

    >>> import io
    >>> from diplomodel.dates import PartialDate
    >>> out = io.StringIO()
    >>> write_jsonl(out, [PartialDate(year=1996), PartialDate(year=2024, month=8)])
    2
    >>> out.getvalue()
    '"1996"\n"2024-08"\n'
    """
    if isinstance(destination, str | os.PathLike):
        with atomic_writer(destination) as stream:
            return _write_lines(stream, records)
    return _write_lines(destination, records)


def _write_lines(stream: TextIO, records: Iterable[Any]) -> int:
    count = 0
    for record in records:
        stream.write(dumps(to_dict(record), indent=None))
        stream.write("\n")
        count += 1
    return count


class JsonlReader(Iterator[T]):
    r"""Records read one at a time from a JSON Lines file; made by `iter_jsonl`.

    Iterating yields one valid object per non-blank line. With
    ``errors="raise"`` the first bad line raises a `DataError` whose problems
    carry its line number. With ``errors="collect"`` bad lines are skipped and
    their problems gathered in `problems`, so that every good line is loaded
    in one pass and the bad ones can be reported together afterwards.

    The reader holds one line at a time: memory does not grow with the file.
    It closes a file it opened itself when exhausted, on `close`, or at the
    end of a ``with`` block.

    Args:
        source: A file path, or an open text or binary stream.
        cls: The class of every record.
        errors: ``"raise"`` or ``"collect"``.
        strict: Reject keys the model does not know (the default).

    Raises:
        ValueError: `errors` is neither ``"raise"`` nor ``"collect"``.
        DataError: The file cannot be opened.

    >>> import io
    >>> from diplomodel.dates import PartialDate
    >>> with JsonlReader(io.StringIO('"2024"\n"x"\n'), PartialDate, errors="collect") as reader:
    ...     dates = list(reader)
    >>> dates, reader.line, [p.line for p in reader.problems]
    ([PartialDate(year=2024, month=None, day=None)], 2, [2])
    """

    def __init__(
        self,
        source: str | os.PathLike[str] | IO[str] | IO[bytes],
        cls: type[T],
        *,
        errors: Literal["raise", "collect"] = "raise",
        strict: bool = True,
    ) -> None:
        if errors not in ("raise", "collect"):
            raise ValueError(f"errors must be 'raise' or 'collect' (got {errors!r})")
        self._cls = cls
        self._errors = errors
        self._strict = strict
        self.problems: list[Problem] = []
        """The problems of the bad lines skipped so far (with ``errors="collect"``)."""
        self._line = 0
        if isinstance(source, str | os.PathLike):
            self._name: str | None = os.fspath(source)
            try:
                self._stream: IO[Any] = Path(source).open("rb")  # noqa: SIM115 - closed by close()
            except OSError as exc:
                raise DataError.single(
                    "$", f"cannot read file: {exc.strerror}", source=self._name
                ) from None
            self._owned = True
        else:
            self._name = getattr(source, "name", None) if isinstance(source, io.IOBase) else None
            self._stream = source
            self._owned = False

    @property
    def line(self) -> int:
        """The number of the last line read (1-based; 0 before the first)."""
        return self._line

    def __iter__(self) -> JsonlReader[T]:
        return self

    def __next__(self) -> T:
        for raw in self._stream:
            self._line += 1
            record = self._read(raw)
            if record is not _SKIPPED:
                return cast("T", record)
        self.close()
        raise StopIteration

    def _read(self, raw: str | bytes) -> object:
        text = raw.strip()
        if not text:
            return _SKIPPED
        try:
            return from_json(text, self._cls, strict=self._strict)
        except DataError as exc:
            found = [attrs.evolve(p, line=self._line) for p in exc.problems]
        if self._errors == "raise":
            self.close()
            raise DataError(found, source=self._name)
        self.problems.extend(found)
        return _SKIPPED

    def error(self) -> DataError | None:
        """The collected problems as one `DataError`, or None if every line was good."""
        return DataError(self.problems, source=self._name) if self.problems else None

    def close(self) -> None:
        """Close the file if the reader opened it."""
        if self._owned:
            self._stream.close()

    def __enter__(self) -> JsonlReader[T]:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


_SKIPPED: Final = object()


def iter_jsonl(
    source: str | os.PathLike[str] | IO[str] | IO[bytes],
    cls: type[T],
    *,
    errors: Literal["raise", "collect"] = "raise",
    strict: bool = True,
) -> JsonlReader[T]:
    r"""Stream records of one class from a JSON Lines file, one line at a time.

    Inverse of `write_jsonl`. Blank lines are skipped; every other line must
    be one JSON value that is a valid `cls`.

    Args:
        source: A file path, or an open text or binary stream.
        cls: The class of every record.
        errors: ``"raise"`` to stop at the first bad line, ``"collect"`` to
            skip bad lines and gather their problems in the reader's
            ``problems``.
        strict: Reject keys the model does not know (the default).

    Returns:
        An iterator of records; see `JsonlReader`.

    Raises:
        DataError: The file cannot be opened, or (with ``errors="raise"``,
            while iterating) a line is bad; each problem names its line.

    >>> import io
    >>> from diplomodel.dates import PartialDate
    >>> reader = iter_jsonl(io.StringIO('"1996"\n"1996-13"\n\n"2024-08"\n'), PartialDate,
    ...                     errors="collect")
    >>> [str(d) for d in reader]
    ['1996', '2024-08']
    >>> print(reader.error())
    1 problem in input:
      line 2: $: 'month' must be an int from 1 to 12 or None (got 13)
    """
    return JsonlReader(source, cls, errors=errors, strict=strict)
