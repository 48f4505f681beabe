"""The JSON of every entity of a dataset on disk, read back by table and position. Private.

The single-process validation (`diplomodel.spark._local`) keeps each
entity's JSON here as it loads the dataset, so that the per-record checks
can read the few entities a record names without a join over all of them:
each read costs two seeks, whatever the size of the dataset, and nothing is
held in memory but the open files.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Final

from diplomodel.errors import UnknownIdError

__all__ = ["JsonStore"]

_ENTRY: Final = struct.Struct("<QQ")
"""Where an entity's JSON starts in its table's data file, and its length in bytes."""

_BLOCK: Final = 4096
"""How many index entries `positions` reads at once."""


class JsonStore:
    """Entities' JSON by (table, position), in a data file and an index file a table.

    The index file holds one entry per position (a fixed-width place in the
    data file), so a position is found by seeking, not by searching; a
    position no entity has reads as length 0.
    """

    def __init__(self, directory: Path) -> None:
        self._directory = directory
        self._data: dict[str, BinaryIO] = {}
        self._index: dict[str, BinaryIO] = {}
        self._ends: dict[str, int] = {}

    def _files(self, table: str) -> tuple[BinaryIO, BinaryIO]:
        if table not in self._data:
            self._data[table] = (self._directory / f"{table}.json").open("w+b")
            self._index[table] = (self._directory / f"{table}.index").open("w+b")
            self._ends[table] = 0
        return self._data[table], self._index[table]

    def add(self, table: str, positions: list[int], texts: list[str]) -> None:
        """Keep the JSON `texts` of the entities at `positions` of `table`."""
        if not texts:
            return
        data, index = self._files(table)
        encoded = [text.encode() for text in texts]
        start = self._ends[table]
        data.seek(start)
        data.write(b"".join(encoded))
        entries = []
        for raw in encoded:
            entries.append(_ENTRY.pack(start, len(raw)))
            start += len(raw)
        self._ends[table] = start
        if positions == list(range(positions[0], positions[0] + len(positions))):
            index.seek(positions[0] * _ENTRY.size)  # in order: one write
            index.write(b"".join(entries))
            return
        for position, entry in zip(positions, entries, strict=True):
            index.seek(position * _ENTRY.size)
            index.write(entry)

    def text(self, table: str, position: int) -> str:
        """The JSON of the entity at `position` of `table`.

        Raises:
            UnknownIdError: No entity of `table` is at `position` (a `KeyError`).
        """
        data, index = self._data[table], self._index[table]
        index.seek(position * _ENTRY.size)
        entry = index.read(_ENTRY.size)
        start, length = _ENTRY.unpack(entry) if len(entry) == _ENTRY.size else (0, 0)
        if not length:
            raise UnknownIdError(f"no entity at $.{table}[{position}] in the dataset")
        data.seek(start)
        return data.read(length).decode()

    def positions(self, table: str) -> Iterator[int]:
        """The positions of `table` that hold an entity, in order."""
        if table not in self._index:
            return
        index = self._index[table]
        index.seek(0)
        first = 0
        while block := index.read(_BLOCK * _ENTRY.size):
            for offset, (_, length) in enumerate(_ENTRY.iter_unpack(block)):
                if length:
                    yield first + offset
            first += len(block) // _ENTRY.size
            index.seek(first * _ENTRY.size)

    def close(self) -> None:
        """Close every file (the directory itself is the caller's)."""
        for file in (*self._data.values(), *self._index.values()):
            file.close()
