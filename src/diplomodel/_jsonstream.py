r"""Reading a JSON file that `save` wrote one member and one record at a time. Private.

`Dossier.load` of a JSON file reads it through `members`, so that it never
holds the whole text, nor the whole parsed tree: only a chunk of the file
and the record being read. A file streams when it is in the shape `save`
writes: an object indented by two spaces (as orjson or `dumps` indents),
UTF-8 with no byte-order mark, lines ending in ``\n`` (not ``\r\n``), a
final newline. JSON text cannot hold a raw newline inside a string, so such
a file can be cut by its lines: a member of the top object is a line
indented by 2 spaces (its value may run on to a line that closes it at that
indent), and an entity of a table is an object that opens with a line of 4
spaces and ``{`` and ends at the first line of 4 spaces and ``}``.

Each piece is parsed on its own and *proved* (`_jsontext.proved_piece`):
written back, indented for its depth, it gives exactly its bytes. The text
between the pieces is checked byte for byte. A file made of proved pieces
is therefore one that `_jsontext.proved_loads` proves whole, so it reads
to the same values, and refuses the same repeated keys, huge integers and
NaN. Anything else raises `Unproved` (compact text, other indents, a BOM,
CRLF, a repeated key at the top, a piece that does not prove): the caller
then reads the file whole, as it always did, and that reading words any
error.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from typing import IO, Any, Final

from diplomodel._jsontext import UNPROVED, proved_piece

__all__ = ["Records", "Unproved", "members"]

CHUNK: Final = 1 << 18
"""Bytes read from the file at a time."""

_RECORD: Final = b"    {\n"
_RECORD_END: Final = b"\n    }"
_TABLE_END: Final = b"\n  ]"


class Unproved(Exception):  # noqa: N818 - not an error: the caller reads the file whole
    """The text is not in the shape read a piece at a time, or a piece of it does not prove."""


class _Buffer:
    """A binary stream's bytes from the reading position, read a chunk at a time."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self._data = b""
        self._pos = 0

    def _more(self) -> bool:
        """Read on; False at the end of the stream. Positions shift to start at the reading one.

        A piece longer than a chunk (a compact file is one long line) doubles
        what is held at each read, so that reading it costs linear time.
        """
        chunk = self._stream.read(max(CHUNK, len(self._data) - self._pos))
        if not chunk:
            return False
        self._data = self._data[self._pos :] + chunk
        self._pos = 0
        return True

    def find(self, marker: bytes) -> int:
        """Where `marker` next starts, reading on as needed.

        Raises:
            Unproved: The stream ends first.
        """
        searched = self._pos
        while (found := self._data.find(marker, searched)) < 0:
            searched = max(len(self._data) - len(marker) + 1, self._pos) - self._pos
            if not self._more():
                raise Unproved
        return found

    def take(self, end: int) -> bytes:
        """The bytes from the reading position up to `end`, which becomes the reading position."""
        piece = self._data[self._pos : end]
        self._pos = end
        return piece

    def line(self) -> bytes:
        """The next line, without its newline (Unproved if it has none)."""
        line = self.take(self.find(b"\n"))
        self._pos += 1
        return line

    def skip(self, literal: bytes) -> bool:
        """Whether the next bytes are `literal`; if so they are read."""
        while len(self._data) - self._pos < len(literal):
            if not self._more():
                return False
        if not self._data.startswith(literal, self._pos):
            return False
        self._pos += len(literal)
        return True

    def at_end(self) -> bool:
        """Whether everything has been read."""
        return self._pos == len(self._data) and not self._more()


def _proved(raw: bytes, depth: int) -> Any:
    value = proved_piece(raw, depth)
    if value is UNPROVED:
        raise Unproved
    return value


class Records:
    """The entities of a table, each parsed as it is read; to be read through once, to its end."""

    def __init__(self, buffer: _Buffer) -> None:
        self._buffer = buffer
        self.more = False
        """Whether members of the top object follow the table (known once it is read)."""

    def __iter__(self) -> Iterator[Any]:
        """Each record, parsed and proved.

        Raises:
            Unproved: As `members`.
        """
        buffer = self._buffer
        while True:
            if not buffer.skip(_RECORD):
                raise Unproved
            end = buffer.find(_RECORD_END) + len(_RECORD_END)
            yield _proved(b"{\n" + buffer.take(end), 2)
            if buffer.skip(b",\n"):
                continue
            if not buffer.skip(_TABLE_END + b"\n"):
                self.more = buffer.skip(_TABLE_END + b",\n")
                if not self.more:
                    raise Unproved
            return


def members(stream: IO[bytes], tables: Container[str]) -> Iterator[tuple[str, Any]]:
    """Each member of the top object of `stream`: its key, and its value or its `Records`.

    The value of a key in `tables` written over several lines is given as
    `Records`, to be read through before the next member is asked for;
    every other value is parsed whole.

    Raises:
        Unproved: The text is not in the shape described above, a piece of it
            does not prove, or a key is repeated. What was read is then of no
            use: read the text whole.
    """
    buffer = _Buffer(stream)
    if not buffer.skip(b"{\n"):  # compact text, a byte-order mark...: known at once
        raise Unproved
    keys: set[str] = set()
    more = True
    while more:
        line = buffer.line()
        if not line.startswith(b'  "'):
            raise Unproved
        if line.endswith((b": [", b": {")):  # a value spread over lines, to its closing line
            key = _key(_proved(line[2:-3], 0), keys)
            opener = line[-1:]
            if opener == b"[" and key in tables:
                records = Records(buffer)
                yield key, records
                more = records.more
                continue
            closer = b"\n  ]" if opener == b"[" else b"\n  }"
            end = buffer.find(closer) + len(closer)
            value = _proved(opener + b"\n" + buffer.take(end), 1)
            more = buffer.skip(b",\n")
            if not (more or buffer.skip(b"\n")):
                raise Unproved
        else:  # the whole member on its line
            more = line.endswith(b",")
            pair = _proved(b"{\n" + (line[:-1] if more else line) + b"\n}", 0)
            if len(pair) != 1:
                raise Unproved
            ((key, value),) = pair.items()
            _key(key, keys)
        yield key, value
    if not (buffer.skip(b"}\n") and buffer.at_end()):
        raise Unproved


def _key(key: object, keys: set[str]) -> str:
    """A member's key, noted in `keys`; Unproved if it is not text or is already there."""
    if not isinstance(key, str) or key in keys:
        raise Unproved
    keys.add(key)
    return key
