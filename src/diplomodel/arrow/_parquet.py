"""A dossier as a directory of Parquet datasets, written and read in streaming batches.

Layout: ``<dir>/_diplomodel.json`` (the format, its version, the tables and
the dossier's own fields) and one directory per table. A table whose records
have a primary date (`date_field`) is Hive-partitioned by its year:
``<dir>/meetings/year=2024/part-0.parquet``; undated rows go to the Hive
null partition ``year=__HIVE_DEFAULT_PARTITION__``, which DuckDB, Spark and
pyarrow all read as a null year. Its files also carry ``_index``, each row's
position in the dossier's table, so that reading restores the order that
partitioning changed. Other tables are one file, ``<table>/part-0.parquet``.
Every file's schema metadata holds the format version.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import attrs
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from diplomodel._hooks import _duplicate_ids
from diplomodel.arrow import MANIFEST
from diplomodel.arrow._check import conform, plan
from diplomodel.arrow._convert import BATCH_ROWS, read_batch, record_batches
from diplomodel.arrow._schema import VERSION_KEY, date_field, schema_of
from diplomodel.dossier import Dossier
from diplomodel.errors import (
    MAX_PROBLEMS,
    DataError,
    InvalidArgumentError,
    Problem,
    ProblemCollector,
    shown,
)
from diplomodel.files import atomic_writer
from diplomodel.model._fields import TABLES
from diplomodel.serialization import FORMAT_VERSION, dumps, parse_json

__all__ = [
    "FORMAT_NAME",
    "INDEX",
    "MANIFEST",
    "YEAR",
    "iter_parquet",
    "read_manifest",
    "read_parquet",
    "write_parquet",
]

FORMAT_NAME: Final = "diplomodel-parquet"
"""The ``format`` of a dataset's manifest."""


YEAR: Final = "year"
"""The Hive partition column of a dated table."""

INDEX: Final = "_index"
"""The column of a partitioned table holding each row's position in the dossier's table."""

_PART: Final = "part-{i}.parquet"
_NULL_PARTITION: Final = "__HIVE_DEFAULT_PARTITION__"


def _scalars() -> list[str]:
    """The dossier's own fields, not its tables: they go to the manifest."""
    return [a.name for a in attrs.fields(Dossier) if a.init and a.name not in TABLES]


# -- writing ---------------------------------------------------------------------------


def _write_table(directory: Path, name: str, records: tuple[Any, ...], rows: int) -> None:
    """Write one table's files, then remove any file of the table this write did not make."""
    cls = TABLES[name]
    schema = schema_of(cls)
    target = directory / name
    target.mkdir(parents=True, exist_ok=True)
    written = {str(path) for path in _write_files(target, cls, schema, records, rows)}
    for path in _files(directory, name):
        if str(path) not in written:
            path.unlink()
    for folder in sorted(target.rglob("*"), reverse=True):  # deepest first
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def _write_files(
    target: Path, cls: type[Any], schema: pa.Schema, records: tuple[Any, ...], rows: int
) -> list[Path]:
    """Write a table's batches, one Hive partition a year if it has a primary date."""
    batches = record_batches(records, cls, rows=rows)
    date = date_field(cls)
    if date is None:
        path = target / _PART.format(i=0)
        with pq.ParquetWriter(path, schema) as writer:
            for batch in batches:
                writer.write_batch(batch)
        return [path]
    stored = schema.append(pa.field(INDEX, pa.int64(), nullable=False))
    writers: dict[int | None, pq.ParquetWriter] = {}
    try:
        start = 0
        for batch in batches:
            index = pa.array(range(start, start + batch.num_rows), pa.int64())
            start += batch.num_rows
            whole = pa.RecordBatch.from_arrays([*batch.columns, index], schema=stored)
            for year, rows_of_year in _by_year(whole, date):
                writer = writers.get(year)
                if writer is None:
                    writer = writers[year] = _partition_writer(target, year, stored)
                writer.write_batch(rows_of_year)
        if not writers:  # an empty file keeps the table's schema readable by every engine
            writers[None] = _partition_writer(target, None, stored)
    finally:
        for writer in writers.values():
            writer.close()
    return [target / _partition(year) / _PART.format(i=0) for year in writers]


def _by_year(batch: pa.RecordBatch, date: str) -> Iterator[tuple[int | None, pa.RecordBatch]]:
    """The batch's rows of each year of its `date` column (None: undated), each in batch order."""
    years = pc.struct_field(batch.column(date), "year")
    order = pc.sort_indices(years)  # stable; nulls (undated) last
    ordered = batch.take(order)  # a stable sort: each year's rows keep their order
    runs = years.take(order).to_pylist()
    start = 0
    for year, group in itertools.groupby(runs):
        length = sum(1 for _ in group)
        yield year, ordered.slice(start, length)
        start += length


def _partition(year: int | None) -> str:
    return f"{YEAR}={_NULL_PARTITION if year is None else year}"


def _partition_writer(target: Path, year: int | None, schema: pa.Schema) -> pq.ParquetWriter:
    folder = target / _partition(year)
    folder.mkdir(exist_ok=True)
    return pq.ParquetWriter(folder / _PART.format(i=0), schema)


def _manifest(dossier: Dossier) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "tables": list(TABLES),
        "rows": {name: len(getattr(dossier, name)) for name in TABLES},
        "partitioned_by": {
            name: date for name, cls in TABLES.items() if (date := date_field(cls)) is not None
        },
        **{name: getattr(dossier, name) for name in _scalars()},
    }


def write_parquet(
    dossier: Dossier, directory: str | os.PathLike[str], *, batch_rows: int = BATCH_ROWS
) -> None:
    """Write a dossier as Parquet datasets (see `diplomodel.arrow.write_parquet`)."""
    if not isinstance(dossier, Dossier):
        raise InvalidArgumentError(f"write_parquet takes a Dossier, not {type(dossier).__name__}")
    if type(batch_rows) is not int or batch_rows < 1:
        raise InvalidArgumentError(f"'batch_rows' must be a positive int (got {batch_rows!r})")
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    manifest = root / MANIFEST
    manifest.unlink(missing_ok=True)  # a reader never mistakes a half-written dataset for one
    for name in TABLES:
        _write_table(root, name, getattr(dossier, name), batch_rows)
    with atomic_writer(manifest) as stream:
        stream.write(dumps(_manifest(dossier), indent=2) + "\n")


# -- reading ---------------------------------------------------------------------------


def _major(version: object) -> int | None:
    if not isinstance(version, str):
        return None
    major, dot, minor = version.partition(".")
    readable = dot and major.isdecimal() and minor.isdecimal() and len(major) < 9
    return int(major) if readable else None


def _version_problem(version: object, path: str) -> Problem | None:
    major = _major(version)
    current = _major(FORMAT_VERSION)
    assert current is not None  # noqa: S101 - our own version is well-formed
    if major is None:
        return Problem(path=path, message=f"invalid format version {version!r}")
    if major > current:
        return Problem(
            path=path,
            message=f"format version {version} is newer than this diplomodel reads "
            f"({FORMAT_VERSION}); upgrade diplomodel",
        )
    if major < current:
        return Problem(
            path=path,
            message=f"format version {version} is older than Parquet datasets "
            f"({FORMAT_VERSION}); read it with the diplomodel that wrote it and write it again",
        )
    return None


def read_manifest(root: Path) -> dict[str, Any]:
    path = root / MANIFEST
    source = str(path)
    try:
        text = path.read_bytes()
    except OSError as exc:
        raise DataError.single(
            "$",
            f"not a diplomodel Parquet dataset: cannot read {MANIFEST}: {exc.strerror}",
            source=str(root),
        ) from None
    data = parse_json(text, source=source)
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise DataError.single("$.format", f"expected {FORMAT_NAME!r}", source=source)
    problem = _version_problem(data.get("version"), "$.version")
    if problem is not None:
        raise DataError([problem], source=source)
    return data


def _files(root: Path, name: str) -> list[Path]:
    """The Parquet files of a table, partitions in order of year, undated last.

    Hidden files and those starting with ``_`` are not data, as engines agree.
    """
    target = root / name
    if not target.is_dir():
        return []
    found = [
        path
        for path in target.rglob("*.parquet")
        if not any(part.startswith((".", "_")) for part in path.relative_to(target).parts)
    ]
    return sorted(found, key=lambda path: _file_order(path.relative_to(target)))


def _file_order(relative: Path) -> tuple[tuple[int, int | str], ...]:
    """Sort key: a ``year=N`` folder by its number, the null partition after, names as text."""
    key: list[tuple[int, int | str]] = []
    for part in relative.parts:
        name, equals, value = part.partition("=")
        if equals and name == YEAR and value.lstrip("-").isdecimal():
            key.append((0, int(value)))
        else:
            key.append((1, part))
    return tuple(key)


def _batches(
    root: Path, name: str, rows: int, collector: ProblemCollector
) -> Iterator[tuple[pa.RecordBatch, pa.Array | None, str]]:
    """(batch without the partition columns, its ``_index`` or None, its file), file by file."""
    where = f"$.{name}[*]"
    for path in _files(root, name):
        try:
            file = pq.ParquetFile(path)
        except (OSError, pa.ArrowException) as exc:
            collector.add(
                Problem(path=where, message=f"{path}: not a readable Parquet file: {exc}")
            )
            continue
        with file:
            version = (file.metadata.metadata or {}).get(VERSION_KEY)  # not the whole schema
            if version is None:
                collector.add(Problem(path=where, message=f"{path}: no diplomodel format version"))
                continue
            problem = _version_problem(version.decode(errors="replace"), where)
            if problem is not None:
                collector.add(attrs.evolve(problem, message=f"{path}: {problem.message}"))
                continue
            small = file.metadata.num_rows <= rows  # read at once: cheaper than a batch reader
            for batch in file.read().to_batches() if small else file.iter_batches(batch_size=rows):
                index = None
                if INDEX in batch.schema.names:
                    index = batch.column(INDEX)
                    batch = batch.drop_columns([INDEX])  # noqa: PLW2901 - the same rows
                yield batch, index, str(path)


def _chunks(
    root: Path, name: str, rows: int, collector: ProblemCollector
) -> Iterator[tuple[pa.RecordBatch, list[int]]]:
    """Checked batches of about `rows` rows (small files read together), with each row's position.

    A row's position is its ``_index``, or its place in file order for files without one.

    Raises:
        DataError: A file's columns are not those of the table's class.
    """
    cls = TABLES[name]
    pending: list[pa.RecordBatch] = []
    positions: list[int] = []
    start = 0
    for batch, index, path in _batches(root, name, rows, collector):
        ready = conform(batch, plan(batch.schema, cls, source=path), cls, source=path)
        if pending and not ready.schema.equals(pending[0].schema):
            yield pa.Table.from_batches(pending).combine_chunks().to_batches()[0], positions
            pending, positions = [], []
        pending.append(ready)
        positions += index.to_pylist() if index is not None else range(start, start + len(batch))
        start += len(batch)
        if sum(len(b) for b in pending) >= rows:
            yield pa.Table.from_batches(pending).combine_chunks().to_batches()[0], positions
            pending, positions = [], []
    if pending:
        yield pa.Table.from_batches(pending).combine_chunks().to_batches()[0], positions


def _read_table(root: Path, name: str, rows: int, collector: ProblemCollector) -> tuple[Any, ...]:
    cls = TABLES[name]
    found: list[tuple[int, Any]] = []
    try:
        for chunk, positions in _chunks(root, name, rows, collector):
            records = read_batch(chunk, cls, positions=positions, collector=collector)
            found += zip(positions, records, strict=False)
    except DataError as exc:
        collector.extend(exc.problems, omitted=exc.omitted)
    if collector.problems:
        return ()
    return _in_order(found, name, collector)


def _in_order(
    found: list[tuple[int, Any]], name: str, collector: ProblemCollector
) -> tuple[Any, ...]:
    slots: list[Any] = [None] * len(found)
    for position, record in found:
        if (
            not isinstance(position, int)
            or not 0 <= position < len(found)
            or slots[position] is not None
        ):
            collector.add(
                Problem(
                    path=f"$.{name}[*].{INDEX}",
                    message=f"{INDEX} is not each row's position ({position!r})",
                )
            )
            return ()
        slots[position] = record
    return tuple(slots)


def _duplicates(name: str, records: tuple[Any, ...], collector: ProblemCollector) -> None:
    """Each id used twice in a table, as a problem: the JSON form refuses those too."""
    for index, repeated, first in _duplicate_ids(list(records)):
        message = f"duplicate id {shown(repeated)}: already used at index {first}"
        collector.add(Problem(path=f"$.{name}[{index}].id", message=message))


def read_parquet(directory: str | os.PathLike[str], *, batch_rows: int = BATCH_ROWS) -> Dossier:
    """Read a dossier written by `write_parquet` (see `diplomodel.arrow.read_parquet`)."""
    root = Path(directory)
    manifest = read_manifest(root)
    collector = ProblemCollector(limit=MAX_PROBLEMS)
    tables: dict[str, tuple[Any, ...]] = {}
    for name in TABLES:
        tables[name] = _read_table(root, name, batch_rows, collector)
        _duplicates(name, tables[name], collector)
        if collector.full:
            collector.stop()
            break
    scalars = {name: manifest.get(name) for name in _scalars()}
    for name, value in scalars.items():
        if not isinstance(value, str):
            collector.add(
                Problem(path=f"$.{name}", message=f"{MANIFEST} needs the dossier's {name!r}")
            )
    error = collector.error(source=str(root))
    if error is not None:
        raise error
    fields: dict[str, Any] = {**scalars, **tables}
    try:
        return Dossier(**fields)
    except (TypeError, ValueError) as exc:
        raise DataError.single("$", str(exc), source=str(root)) from None


def iter_parquet(
    directory: str | os.PathLike[str], table: str, *, batch_rows: int = BATCH_ROWS
) -> Iterator[tuple[Any, ...]]:
    """The records of one table, a batch at a time (see `diplomodel.arrow.iter_parquet`)."""
    if table not in TABLES:
        raise InvalidArgumentError(f"no table {table!r}; the tables are {', '.join(TABLES)}")
    root = Path(directory)
    read_manifest(root)
    cls = TABLES[table]
    collector = ProblemCollector(limit=MAX_PROBLEMS)
    for chunk, positions in _chunks(root, table, batch_rows, collector):
        if collector.problems:
            break
        records = read_batch(chunk, cls, positions=positions, collector=collector)
        if collector.problems:
            break
        yield tuple(records)
    error = collector.error(source=str(root))
    if error is not None:
        raise error
