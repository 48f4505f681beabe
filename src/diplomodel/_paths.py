"""Paths given to loaders and writers: checked, and opened without surprises. Private.

Every loader takes a path from its caller. Before anything is opened the path
is checked: it must be a `str` or an `os.PathLike` naming text, and hold no
NUL character. A file to read must be a regular file: a FIFO would block the
reader until some writer came along, and a device such as ``/dev/zero`` never
ends. So the path is looked at with `os.stat` first, and then opened without
blocking and looked at again through the open descriptor, in case it was
replaced in between. Every failure is a `DataError` naming the path.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO, Final

from diplomodel.errors import DataError

__all__ = ["is_directory", "open_regular", "path_name", "read_regular"]

_NONBLOCK: Final = getattr(os, "O_NONBLOCK", 0)
_NOCTTY: Final = getattr(os, "O_NOCTTY", 0)


def path_name(path: object) -> str:
    """The text of a path, checked: a `str` or `os.PathLike` of text that can name a file.

    Raises:
        DataError: `path` is of another type (None, bytes, a number), holds a
            NUL or cannot be encoded as a file name (a lone surrogate).

    >>> path_name(b"x.json")
    Traceback (most recent call last):
    ...
    diplomodel.errors.DataError: 1 problem in input:
      $: expected a str or os.PathLike path, got bytes
    """
    name: object = path
    if isinstance(path, os.PathLike):
        try:
            name = os.fspath(path)
        except TypeError as exc:
            raise DataError.single("$", f"not a usable path: {exc}") from None
    if not isinstance(name, str):
        raise DataError.single(
            "$", f"expected a str or os.PathLike path, got {type(name).__name__}"
        )
    if "\0" in name:
        raise DataError.single(
            "$", "the path contains a NUL character", source=name.replace("\0", "\\0")
        )
    try:
        os.fsencode(name)
    except UnicodeEncodeError as exc:  # a lone surrogate, say: no file can have this name
        shown = name.encode("utf-8", "backslashreplace").decode("utf-8")
        message = f"the path cannot be a file name: {exc.reason}"
        raise DataError.single("$", message, source=shown) from None
    return name


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _refuse_special(mode: int, name: str) -> None:
    if not stat.S_ISREG(mode):
        raise DataError.single(
            "$", f"cannot read file: it is {_kind(mode)}, not a regular file", source=name
        )


def _status(name: str) -> os.stat_result:
    try:
        return Path(name).stat()
    except OSError as exc:
        raise DataError.single("$", f"cannot read file: {exc.strerror}", source=name) from None
    except ValueError as exc:  # a name the system cannot represent
        raise DataError.single("$", f"cannot read file: {exc}", source=name) from None


def is_directory(path: object) -> bool:
    """Whether a checked path names an existing directory (following symlinks).

    Raises:
        DataError: The path is unusable (see `path_name`) or cannot be looked at.
    """
    return stat.S_ISDIR(_status(path_name(path)).st_mode)


def open_regular(path: object) -> IO[bytes]:
    """Open a regular file for reading in binary, refusing anything else without blocking.

    Raises:
        DataError: The path is unusable, missing, unreadable, a directory, a
            FIFO, a device or a socket.
    """
    name = path_name(path)
    _refuse_special(_status(name).st_mode, name)
    try:
        fd = os.open(name, os.O_RDONLY | _NONBLOCK | _NOCTTY)
    except OSError as exc:
        raise DataError.single("$", f"cannot read file: {exc.strerror}", source=name) from None
    try:
        _refuse_special(os.fstat(fd).st_mode, name)  # replaced since it was looked at?
        if _NONBLOCK:
            os.set_blocking(fd, True)
        stream = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    stream.raw.name = name  # type: ignore[attr-defined]  # the path, not the descriptor
    return stream


def read_regular(path: object) -> bytes:
    """The bytes of a regular file (see `open_regular`).

    Raises:
        DataError: As `open_regular`, or the file cannot be read to its end.
    """
    with open_regular(path) as stream:
        try:
            return stream.read()
        except OSError as exc:
            raise DataError.single(
                "$", f"cannot read file: {exc.strerror}", source=path_name(path)
            ) from None
