"""Columnar files: Apache Arrow tables and Parquet datasets of diplomodel records.

Install with the ``arrow`` extra (``pip install "diplomodel[arrow]"``), which
brings in pyarrow and DuckDB. Importing this module needs neither: each
function imports pyarrow when it is called, and ``import diplomodel`` never
does.

Schemas come from the same field descriptions as the JSON Schema: a text,
id, enum, state or actor field is a ``string`` (an actor as ``"CN"``,
``"org:SCO"`` or ``"body:<id>"``), a `PartialDate` a struct of its year,
month and day (month and day null where the date lacks them), a value object
a struct, a tuple a list, names a map, and documents one table whose first
column ``type`` is the kind's tag.

>>> import diplomodel as dm
>>> from diplomodel.arrow import from_arrow, to_arrow
>>> meetings = dm.load_example().meetings
>>> table = to_arrow(meetings)
>>> table.num_rows, table.schema.field("start").type
(1, StructType(struct<year: int16, month: int8, day: int8>))
>>> from_arrow(table, dm.Meeting) == meetings
True
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    import duckdb
    import pyarrow as pa

    from diplomodel.dossier import Dossier

__all__ = [
    "duckdb_connect",
    "from_arrow",
    "iter_parquet",
    "read_parquet",
    "schema_of",
    "to_arrow",
    "write_parquet",
]

T = TypeVar("T")

MANIFEST = "_diplomodel.json"
"""The file of a Parquet dataset that names its format, version, tables and the dossier's fields."""


def _part(name: str) -> ModuleType:
    """An implementation module, which imports pyarrow; a clear error if it is missing."""
    try:
        return importlib.import_module(f"diplomodel.arrow.{name}")
    except ModuleNotFoundError as exc:
        if exc.name not in {"pyarrow", "duckdb"}:
            raise
        raise ImportError(f"diplomodel.arrow needs {exc.name}: install diplomodel[arrow]") from exc


def schema_of(cls: type[Any]) -> pa.Schema:
    """The Arrow schema of a table of `cls` records, derived from the class's fields.

    Any document kind gives the one document schema: the ``type`` tag, then
    every kind's fields. The schema's metadata holds the file-format version
    and the class.

    Args:
        cls: A class of the model (`Meeting`, `Document`, `Place`...).

    Returns:
        A `pyarrow.Schema`; a field is nullable exactly where the model allows None.

    Raises:
        ArgumentTypeError: `cls` is not a class of the model.

    >>> import diplomodel as dm
    >>> schema_of(dm.Person).names
    ['id', 'name', 'names', 'tenures']
    >>> schema_of(dm.Communique).names[:3]
    ['type', 'id', 'title']
    """
    result: pa.Schema = _part("_schema").schema_of(cls)
    return result


def to_arrow(records: Iterable[Any], cls: type[Any] | None = None) -> pa.Table:
    """An Arrow table of records of one class, one row a record.

    Inverse of `from_arrow`. Each row is what `to_dict` writes, with every
    field present (defaults too) and dates as structs.

    Args:
        records: Records of one class (documents of any kind together).
        cls: The class, needed only when `records` is empty.

    Returns:
        A `pyarrow.Table` with `schema_of` the class.

    Raises:
        ArgumentTypeError: The records are not all of one class.
        InvalidArgumentError: No records, and no `cls`.

    >>> import diplomodel as dm
    >>> table = to_arrow(dm.load_example().documents)
    >>> table.column("type").to_pylist()[:2]
    ['communique', 'cooperation_agreement']
    >>> to_arrow([], dm.Person).num_rows
    0
    """
    result: pa.Table = _part("_convert").to_arrow(records, cls)
    return result


def from_arrow(
    table: pa.Table | pa.RecordBatch, cls: type[T], *, source: str | None = None
) -> tuple[T, ...]:
    """The records of an Arrow table, each built and checked as `from_dict` builds it.

    Inverse of `to_arrow`. The table may come from elsewhere (DuckDB,
    pandas, Polars, Spark): columns are matched by name, a column the class
    does not need may be left out if its field has a default, and a column
    whose type differs only in width or encoding (``int32``, a dictionary of
    strings) is cast.

    Args:
        table: A `pyarrow.Table` or `pyarrow.RecordBatch`.
        cls: The class of the rows; `Document` reads every kind by its ``type``.
        source: Optional name of the input, used in error messages.

    Returns:
        The records, in row order.

    Raises:
        DataError: A column is unknown, missing or of the wrong type, or a
            row is invalid: every problem with its row and column path
            (``$.meetings[17].participants[2].person``). Nothing is returned
            half-built.

    >>> import pyarrow as pa
    >>> import diplomodel as dm
    >>> from_arrow(pa.table({"id": ["li-qiang"], "name": ["Li Qiang"]}), dm.Person)
    (Person(id='li-qiang', name='Li Qiang', names=mappingproxy({}), tenures=()),)
    >>> from_arrow(pa.table({"id": ["Li Qiang"], "name": ["Li Qiang"]}), dm.Person)
    Traceback (most recent call last):
    ...
    diplomodel.errors.DataError: 1 problem in input:
      $.people[0].id: ...
    """
    result: tuple[T, ...] = _part("_convert").from_arrow(table, cls, source=source)
    return result


def write_parquet(dossier: Dossier, directory: str | os.PathLike[str]) -> None:
    """Write a dossier as a directory of Parquet datasets, one per table, in streaming batches.

    Inverse of `read_parquet`. The directory (made if need be) gets
    ``_diplomodel.json`` (format ``"diplomodel-parquet"``, its version, the
    tables and the dossier's id and title) and a directory per table. A
    table with a primary date (its records' first date field: a meeting's
    ``start``, a document's ``signed``) is Hive-partitioned by its year,
    ``meetings/year=2024/part-0.parquet``, undated rows in
    ``year=__HIVE_DEFAULT_PARTITION__`` (a null year to DuckDB, Spark and
    pyarrow), with an ``_index`` column holding each row's position in the
    dossier so that reading restores the order. Others are one file,
    ``people/part-0.parquet``. Every file's schema metadata holds the format
    version. Writing again over a dataset replaces its files and removes
    those the new write did not make; the manifest is removed first and
    written last, so an interrupted write is not mistaken for a dataset.

    Args:
        dossier: The dossier.
        directory: Where to write.

    Raises:
        InvalidArgumentError: `dossier` is not a `Dossier`.
        OSError: A file cannot be written.

    >>> import pathlib, tempfile
    >>> import diplomodel as dm
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "example"
    >>> write_parquet(dm.load_example(), target)
    >>> sorted(p.name for p in (target / "meetings").iterdir())
    ['year=2024']
    >>> read_parquet(target) == dm.load_example()
    True
    """
    _part("_parquet").write_parquet(dossier, directory)


def read_parquet(directory: str | os.PathLike[str]) -> Dossier:
    """Read a dossier written by `write_parquet`, a batch at a time, checking everything.

    Inverse of `write_parquet`. Every row is built as `from_dict` builds it;
    ids must be unique in each table.

    Args:
        directory: The dataset's directory.

    Returns:
        The dossier, its tables in the order they were written.

    Raises:
        DataError: The directory holds no ``_diplomodel.json``; the dataset
            or a file has a newer (or otherwise unreadable) format version; a
            file is not Parquet or has a foreign schema, a missing column or
            a column of the wrong type; or a row is invalid. Every problem
            has its path (``$.meetings[17].start``); nothing half-loads.

    >>> read_parquet("no-such-directory")
    Traceback (most recent call last):
    ...
    diplomodel.errors.DataError: 1 problem in no-such-directory:
      $: not a diplomodel Parquet dataset: cannot read _diplomodel.json: No such file or directory
    """
    result: Dossier = _part("_parquet").read_parquet(directory)
    return result


def iter_parquet(directory: str | os.PathLike[str], table: str) -> Iterator[tuple[Any, ...]]:
    """The records of one table of a Parquet dataset, a batch at a time, in bounded memory.

    Batches come file by file, partitions in order of their year (undated
    last), so a partitioned table's records come grouped by year rather than
    in the dossier's order.

    Args:
        directory: The dataset's directory (written by `write_parquet`).
        table: The table's name (``"meetings"``; see `diplomodel.model._fields.TABLES`).

    Yields:
        Tuples of records, each from one record batch.

    Raises:
        InvalidArgumentError: There is no such table.
        DataError: As `read_parquet`, for the batch where the problem is.

    >>> import pathlib, tempfile
    >>> import diplomodel as dm
    >>> target = pathlib.Path(tempfile.mkdtemp())
    >>> write_parquet(dm.load_example(), target)
    >>> [len(batch) for batch in iter_parquet(target, "people")]
    [4]
    """
    return _part("_parquet").iter_parquet(directory, table)  # type: ignore[no-any-return]


def duckdb_connect(
    directory: str | os.PathLike[str], connection: duckdb.DuckDBPyConnection | None = None
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with a view per table of a Parquet dataset, and date macros.

    Each table of the dataset is a view of the same name (``meetings``,
    ``people``...) over its Parquet files; a partitioned table's view has the
    ``year`` partition column too. Three macros work on the date structs:
    ``dm_earliest(d)`` and ``dm_latest(d)`` (the first and last day a partial
    date may mean, as DuckDB dates) and ``dm_iso(d)`` (its ISO text).

    Args:
        directory: The dataset's directory (written by `write_parquet`).
        connection: A connection to add the views to; by default a new in-memory one.

    Returns:
        The connection.

    Raises:
        DataError: The directory is not a dataset this diplomodel reads.

    >>> import pathlib, tempfile
    >>> import diplomodel as dm
    >>> target = pathlib.Path(tempfile.mkdtemp())
    >>> write_parquet(dm.load_example(), target)
    >>> con = duckdb_connect(target)
    >>> con.sql("SELECT id, dm_iso(start) FROM meetings").fetchall()
    [('cn-ru-heads-of-government-29', '2024-08-21')]
    """
    result: duckdb.DuckDBPyConnection = _part("_duckdb").duckdb_connect(directory, connection)
    return result
