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
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final

import attrs
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from diplomodel._hooks import _duplicate_ids
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

MANIFEST: Final = "_diplomodel.json"
"""The file of a dataset that names its format, version, tables and the dossier's fields."""

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


def _partitioned_schema(schema: pa.Schema) -> pa.Schema:
    return schema.append(pa.field(YEAR, pa.int16())).append(
        pa.field(INDEX, pa.int64(), nullable=False)
    )


def _with_year(batches: Iterable[pa.RecordBatch], date: str, schema: pa.Schema) -> Iterator[Any]:
    start = 0
    for batch in batches:
        years = pc.struct_field(batch.column(date), "year")
        index = pa.array(range(start, start + batch.num_rows), pa.int64())
        start += batch.num_rows
        yield pa.RecordBatch.from_arrays([*batch.columns, years, index], schema=schema)


def _write_table(directory: Path, name: str, records: tuple[Any, ...], rows: int) -> None:
    cls = TABLES[name]
    schema = schema_of(cls)
    target = directory / name
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    batches = record_batches(records, cls, rows=rows)
    date = date_field(cls)
    if date is None:
        with pq.ParquetWriter(target / _PART.format(i=0), schema) as writer:
            for batch in batches:
                writer.write_batch(batch)
        return
    full = _partitioned_schema(schema)
    first = next(batches, None)
    if first is None:  # an empty file keeps the table's schema readable by every engine
        empty = target / f"{YEAR}={_NULL_PARTITION}"
        empty.mkdir()
        pq.write_table(
            full.remove(full.get_field_index(YEAR)).empty_table(), empty / _PART.format(i=0)
        )
        return
    ds.write_dataset(
        _with_year(itertools.chain((first,), batches), date, full),
        target,
        schema=full,
        format="parquet",
        partitioning=ds.partitioning(pa.schema([full.field(YEAR)]), flavor="hive"),
        basename_template=_PART,
        existing_data_behavior="overwrite_or_ignore",
        max_rows_per_group=rows,
        min_rows_per_group=min(rows, 1 << 14),
    )


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
    return int(major) if dot and major.isdigit() and minor.isdigit() and len(major) < 9 else None


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
    """The Parquet files of a table, partitions in order (hidden and ``_`` files are not data)."""
    target = root / name
    if not target.is_dir():
        return []
    return sorted(
        path
        for path in target.rglob("*.parquet")
        if not any(part.startswith((".", "_")) for part in path.relative_to(target).parts)
    )


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
            version = (file.schema_arrow.metadata or {}).get(VERSION_KEY)
            if version is None:
                collector.add(Problem(path=where, message=f"{path}: no diplomodel format version"))
                continue
            problem = _version_problem(version.decode(errors="replace"), where)
            if problem is not None:
                collector.add(attrs.evolve(problem, message=f"{path}: {problem.message}"))
                continue
            for batch in file.iter_batches(batch_size=rows):
                index = None
                if INDEX in batch.schema.names:
                    index = batch.column(INDEX)
                    batch = batch.drop_columns([INDEX])  # noqa: PLW2901 - the same rows
                yield batch, index, str(path)


def _read_table(root: Path, name: str, rows: int, collector: ProblemCollector) -> tuple[Any, ...]:
    cls = TABLES[name]
    found: list[tuple[int, Any]] = []
    start = 0
    ordered = True
    for batch, index, path in _batches(root, name, rows, collector):
        try:
            table = conform(batch, plan(batch.schema, cls, source=path), cls, source=path)
        except DataError as exc:
            collector.extend(exc.problems, omitted=exc.omitted)
            return ()
        records = read_batch(table, cls, first_row=start, collector=collector)
        positions = index.to_pylist() if index is not None else range(start, start + len(records))
        ordered = ordered and index is not None
        found += zip(positions, records, strict=False)
        start += batch.num_rows
    if collector.problems:
        return ()
    if any(index is not None for index, _ in found) and ordered:
        return _in_order(found, name, collector)
    return tuple(record for _, record in found)


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
    start = 0
    for batch, _index, path in _batches(root, table, batch_rows, collector):
        if collector.problems:
            break
        ready = conform(batch, plan(batch.schema, cls, source=path), cls, source=path)
        records = read_batch(ready, cls, first_row=start, collector=collector)
        if collector.problems:
            break
        start += batch.num_rows
        yield tuple(records)
    error = collector.error(source=str(root))
    if error is not None:
        raise error
