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

import functools
import io
import typing
from collections.abc import Callable, Container, Iterator, Mapping
from typing import Any, Final, Protocol, TypeVar

import attrs

from diplomodel._hooks import _duplicate_ids, _has_id, _is_homogeneous_tuple
from diplomodel._jsontext import UNPROVED, proved_piece

__all__ = ["Records", "Unproved", "entity_tables", "from_text", "members", "read_tables"]

T = TypeVar("T")

Structure = Callable[[Any, type[Any]], Any]
"""Structures parsed JSON into a class, as `from_dict` does (raising on any fault)."""

CHUNK: Final = 1 << 18
"""Bytes read from the file at a time."""

_RECORD: Final = b"    {\n"
_RECORD_END: Final = b"\n    }"
_TABLE_END: Final = b"\n  ]"


class Unproved(Exception):  # noqa: N818 - not an error: the caller reads the file whole
    """The text is not in the shape read a piece at a time, or a piece of it does not prove."""


class _Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


class _Utf8Chunks:
    """Text read as a binary stream: its UTF-8 bytes, a slice at a time, never all at once."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._pos = 0

    def read(self, size: int, /) -> bytes:
        piece = self._text[self._pos : self._pos + size]
        self._pos += len(piece)
        return piece.encode()


class _Buffer:
    """A binary stream's bytes from the reading position, read a chunk at a time."""

    def __init__(self, stream: _Readable) -> None:
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


def members(stream: _Readable, tables: Container[str]) -> Iterator[tuple[str, Any]]:
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
    if not (buffer.skip(b"}") and (buffer.at_end() or (buffer.skip(b"\n") and buffer.at_end()))):
        raise Unproved  # at most a final newline, as `_jsontext.proved_loads` allows


def _key(key: object, keys: set[str]) -> str:
    """A member's key, noted in `keys`; Unproved if it is not text or is already there."""
    if not isinstance(key, str) or key in keys:
        raise Unproved
    keys.add(key)
    return key


def read_tables(
    stream: _Readable,
    tables: Mapping[str, type[Any]],
    structure: Structure,
    before_tables: Callable[[dict[str, Any]], object] | None = None,
) -> tuple[dict[str, Any], dict[str, tuple[Any, ...]]]:
    """The other members of the top object, parsed, and each table's entities, structured.

    Each record of a table is structured by `structure` as soon as it is
    read, then its parsed form is dropped. `before_tables` sees the members
    read before the first table's records (a file's header) and may refuse
    them by raising. A table whose ids repeat is refused, as structuring a
    table refuses it.

    Raises:
        Unproved: As `members`, or an id repeats in a table; or whatever
            `structure` or `before_tables` raise.
    """
    header: dict[str, Any] = {}
    found: dict[str, tuple[Any, ...]] = {}
    for key, value in members(stream, tables):
        if not isinstance(value, Records):
            header[key] = value
            continue
        if not found and before_tables is not None:
            before_tables(header)
        kind = tables[key]
        items = [structure(record, kind) for record in value]
        if _duplicate_ids(items, first_only=True):
            raise Unproved
        found[key] = tuple(items)
    return header, found


@functools.cache
def entity_tables(cls: type[Any]) -> Mapping[str, type[Any]]:
    """The fields of an attrs class that hold a tuple of entities, and the entities' class.

    >>> from diplomodel.model.meetings import Meeting
    >>> entity_tables(Meeting)
    {}
    """
    if not attrs.has(cls):
        return {}
    hints = typing.get_type_hints(cls)
    return {
        name: hint.__args__[0]
        for name, hint in hints.items()
        if _is_homogeneous_tuple(hint) and _has_id(hint.__args__[0])
    }


def from_text(text: str | bytes, cls: type[T], structure: Structure) -> T | None:
    """A `cls` read from indented JSON text a record at a time, or None to read it whole.

    For a class with tables of entities (`entity_tables`, a `Dossier`) in
    text of the shape `members` reads, as ``to_json`` writes it, only one
    record is held parsed at a time. The other members are structured by `structure`
    into a `cls` and the tables join it through its ``__init__``. Any other
    class or text, and any fault, gives None: nothing half-built is kept,
    and the whole reading gives the result or the error. Bytes are read in
    place; text is encoded a slice at a time.
    """
    tables = entity_tables(typing.cast("Any", cls))
    if not tables:
        return None
    try:
        stream = _Utf8Chunks(text) if isinstance(text, str) else io.BytesIO(text)
        header, found = read_tables(stream, tables, structure)
        built: Any = structure(header, cls)  # an attrs class, as `entity_tables` found
        return typing.cast("T", attrs.evolve(built, **found))
    except Exception:  # noqa: BLE001 - Unproved or a fault: the whole reading words it
        return None
