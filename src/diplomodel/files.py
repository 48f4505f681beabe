"""Files and streams: atomic writes and JSON Lines, built on the converter.

JSON Lines hold one record a line, so files of any size are written from a
generator and read back one record at a time, in constant memory. Every line
is read as strictly as `from_json` reads a document, and a bad line's problems
carry its line number.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Final, Literal, TextIO, TypeVar, cast

import attrs

from diplomodel._paths import open_regular, path_name
from diplomodel.errors import (
    MAX_PROBLEMS,
    DataError,
    InvalidArgumentError,
    Problem,
    ProblemCollector,
)
from diplomodel.serialization import dumps, from_json, to_dict

__all__ = ["JsonlReader", "atomic_writer", "iter_jsonl", "write_jsonl"]

T = TypeVar("T")


_TEMPORARY_SUFFIX: Final = ".tmp"


def _temporary_name(target: Path) -> Path:
    """A fresh name for the temporary file beside `target`: ``.<name>.<8 hex digits>.tmp``."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}{_TEMPORARY_SUFFIX}")


def _destination(path: str | os.PathLike[str]) -> tuple[str, Path, int | None]:
    """The name to report, the file to replace (symlinks followed) and its mode, if it exists."""
    name = path_name(path)
    target = Path(os.path.realpath(name))  # a symlink is written through, and stays a link
    try:
        info = target.stat()
    except FileNotFoundError:
        return name, target, None
    except OSError as exc:
        raise _naming(exc, name) from None
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "it is a directory; not replacing it", name)
    if not stat.S_ISREG(info.st_mode):  # a device or a FIFO: replacing it would break it
        raise OSError(errno.EINVAL, "it is not a regular file; not replacing it", name)
    return name, target, stat.S_IMODE(info.st_mode)


def _naming(exc: OSError, name: str) -> OSError:
    """The same error, naming the destination instead of the temporary file."""
    if exc.errno is None:
        return exc
    return type(exc)(exc.errno, exc.strerror, name)


def _create(target: Path, name: str) -> tuple[int, Path]:
    for _ in range(100):
        temporary = _temporary_name(target)
        try:
            # 0o666 filtered by the umask (and any default ACL), as open() creates a file.
            return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temporary
        except FileExistsError:
            continue
        except OSError as exc:
            raise _naming(exc, name) from None
    raise FileExistsError(errno.EEXIST, "no free temporary name beside it", name)


@contextlib.contextmanager
def atomic_writer(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    r"""Open a text file that replaces `path` only once it is completely written.

    The text goes to a temporary file beside the destination, named
    ``.<name>.<8 hex digits>.tmp``, which is flushed to disk and renamed over
    it on success: a reader never sees half a file and an old file survives a
    failed write.

    - An existing file keeps its permission mode. A new file gets the mode
      `open` would give it: ``0o666`` less the umask. The umask is never read
      or changed (`os.umask` changes it for the whole process); the
      temporary file is created with ``0o666`` and the system applies it.
    - A symlink is written through: its target is replaced and the link stays.
    - A directory, FIFO or device at `path` is refused, not replaced.
    - The temporary file is removed however the block ends: on success (by
      the rename), on an exception, on `KeyboardInterrupt`, or when the
      writer is closed before the end. Errors name `path`, never the
      temporary file.

    Only a process killed outright (``kill -9``, a power cut) can leave the
    temporary file behind: a file ``.<name>.XXXXXXXX.tmp`` beside the
    destination, which is safe to delete; the destination itself is then
    either the old file or the new one, whole.

    Args:
        path: The file to write.

    Yields:
        A UTF-8 text stream with ``\n`` line endings.

    Raises:
        DataError: `path` is not a usable path (wrong type, a NUL character).
        OSError: The file cannot be written; the error names `path`.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_writer(target) as stream:
    ...     _ = stream.write("done\n")
    >>> target.read_text()
    'done\n'
    """
    name, target, mode = _destination(path)
    fd, temporary = _create(target, name)
    renamed = False
    try:
        try:
            stream = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        except BaseException:
            os.close(fd)
            raise
        with stream:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(stream.fileno(), mode)
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(target)
        renamed = True
    except OSError as exc:
        if exc.filename in (None, str(temporary)):
            raise _naming(exc, name) from None
        raise
    finally:
        if not renamed:
            temporary.unlink(missing_ok=True)


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
    if callable(getattr(destination, "write", None)):
        return _write_lines(cast("TextIO", destination), records)
    with atomic_writer(cast("str", destination)) as stream:
        return _write_lines(stream, records)


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
        source: A file path (a regular file: a FIFO or a device is refused
            before it is opened), or an open text or binary stream.
        cls: The class of every record.
        errors: ``"raise"`` or ``"collect"``.
        strict: Reject keys the model does not know (the default).

    Raises:
        ValueError: `errors` is neither ``"raise"`` nor ``"collect"``.
        DataError: The path is unusable (not a str or os.PathLike, a NUL
            character) or names what cannot be read as a regular file; or,
            while iterating, a text stream's bytes are not UTF-8 (even with
            ``errors="collect"``: the rest of the stream cannot be read).

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
            raise InvalidArgumentError(f"errors must be 'raise' or 'collect' (got {errors!r})")
        self._cls = cls
        self._errors = errors
        self._strict = strict
        self._collector = ProblemCollector()
        self._line = 0
        if isinstance(source, str | os.PathLike | bytes | bytearray | memoryview) or not hasattr(
            source, "__iter__"
        ):
            self._name: str | None = path_name(source)
            self._stream: IO[Any] = open_regular(self._name)
            self._owned = True
        else:
            name = getattr(source, "name", None)
            self._name = name if isinstance(name, str) else None
            self._stream = source
            self._owned = False
        self._lines: Iterator[str | bytes] = iter(self._stream)

    @property
    def problems(self) -> list[Problem]:
        """The problems of the bad lines skipped so far (with ``errors="collect"``).

        At most `MAX_PROBLEMS` are kept; the rest are counted in `error()`.
        """
        return self._collector.problems

    @property
    def line(self) -> int:
        """The number of the last line read (1-based; 0 before the first)."""
        return self._line

    def __iter__(self) -> JsonlReader[T]:
        return self

    def __next__(self) -> T:
        while True:
            try:
                raw = next(self._lines)
            except StopIteration:
                self.close()
                raise
            except UnicodeDecodeError as exc:  # a text stream over bytes that are not UTF-8
                self.close()
                # The decoder failed on a chunk that starts on the line after the last one read.
                line = self._line + 1 + bytes(exc.object[: exc.start]).count(b"\n")
                message = f"not valid UTF-8 text: {exc.reason}"
                problem = Problem(path="$", message=message, line=line)
                self._collector.add(problem)
                error = self._collector.error(source=self._name)
                raise error or DataError([problem], source=self._name) from None
            self._line += 1
            record = self._read(raw)
            if record is not _SKIPPED:
                return cast("T", record)

    def _read(self, raw: object) -> object:
        if not isinstance(raw, str | bytes | bytearray):  # an iterable of something else
            message = f"expected a line of text, got {type(raw).__name__}"
            return self._bad([Problem(path="$", message=message, line=self._line)])
        text = raw.strip() if isinstance(raw, str) else bytes(raw).strip()
        if not text:
            return _SKIPPED
        full = self._collector.full  # past the cap, a bad line is only counted: check it cheaply
        try:
            return from_json(
                text, self._cls, strict=self._strict, max_problems=1 if full else MAX_PROBLEMS
            )
        except DataError as exc:
            if full and self._errors == "collect":
                self._collector.extend((), omitted=exc.total)
                return _SKIPPED
            return self._bad([attrs.evolve(p, line=self._line) for p in exc.problems])

    def _bad(self, found: list[Problem]) -> object:
        """Raise the problems of a bad line, or collect them and skip it."""
        if self._errors == "raise":
            self.close()
            raise DataError(found, source=self._name)
        self._collector.extend(found)
        return _SKIPPED

    def error(self) -> DataError | None:
        """The collected problems as one `DataError`, or None if every line was good."""
        return self._collector.error(source=self._name)

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
        DataError: The path is unusable or not a regular file (see
            `JsonlReader`), or, while iterating, a line is bad (with
            ``errors="raise"``) or a text stream's bytes are not UTF-8; each
            problem names its line.

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
