"""Records to Arrow tables and back, through the library's converter configuration.

A record's Arrow row is what the converter writes to JSON (`to_dict`), with
every field present (defaults too, so a null is only ever None) and each
`PartialDate` as a struct of its parts. Batches are built and read column by
column (`diplomodel.arrow._columns`), with the converter's hooks for every
value that has one; a batch that path cannot read exactly as the converter
would is read row by row by a converter configured like the library's (the
same hooks, dates as structs), whose detailed twin then names every problem
with its row and column path.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Final

import pyarrow as pa
from cattrs import Converter

from diplomodel import _hooks
from diplomodel._hooks import DOCUMENT_TAGS, TAG, type_name
from diplomodel.arrow._check import conform, plan
from diplomodel.arrow._columns import decode_records, encode_records
from diplomodel.arrow._schema import columns_of, root_of, schema_of
from diplomodel.dates import PartialDate
from diplomodel.errors import (
    MAX_PROBLEMS,
    ArgumentTypeError,
    DataError,
    InvalidArgumentError,
    Problem,
    ProblemCollector,
)
from diplomodel.model.documents import Document

__all__ = ["BATCH_ROWS", "from_arrow", "read_batch", "read_rows", "record_batches", "to_arrow"]

BATCH_ROWS: Final = 16_384
"""How many records one Arrow record batch holds when records are streamed."""


# -- the converters ----------------------------------------------------------------


def _date_row(value: PartialDate) -> dict[str, int | None]:
    return {"year": value.year, "month": value.month, "day": value.day}


@functools.lru_cache(maxsize=65_536)
def _date(year: Any, month: Any, day: Any) -> PartialDate:
    return PartialDate(year=year, month=month, day=day)


def _structure_date(value: object, _type: object) -> PartialDate:
    if not isinstance(value, dict):
        raise TypeError(f"expected a date struct (year, month, day), got {type_name(value)}")
    parts = (value.get("year"), value.get("month"), value.get("day"))
    if any(part is not None and type(part) is not int for part in parts):
        raise TypeError(f"a date's year, month and day must be integers (got {parts!r})")
    try:
        return _date(*parts)
    except (TypeError, ValueError) as exc:
        raise ValueError(str(exc)) from None


def _make_converter(*, detailed: bool) -> Converter:
    """A converter with the library's hooks, writing every field, with dates as structs."""
    converter = Converter(
        forbid_extra_keys=True, omit_if_default=False, detailed_validation=detailed
    )
    _hooks.configure(
        converter,
        detailed=detailed,
        forbid_extra_keys=True,
        dates=(_date_row, _structure_date),
    )
    return converter


@functools.cache
def _converters() -> tuple[Converter, Converter]:
    """(fast, detailed), made on first use."""
    return _make_converter(detailed=False), _make_converter(detailed=True)


def _target(cls: type[Any]) -> type[Any]:
    return Document if isinstance(cls, type) and issubclass(cls, Document) else cls


# -- writing -------------------------------------------------------------------------


def _class_of(first: Any, cls: type[Any] | None) -> type[Any]:
    if cls is not None:
        return _target(cls)
    if first is None:
        raise InvalidArgumentError("to_arrow needs 'cls' to make a table of no records")
    return _target(type(first))


def record_batches(
    records: Iterable[Any], cls: type[Any] | None = None, *, rows: int = BATCH_ROWS
) -> Iterator[pa.RecordBatch]:
    """The records as Arrow record batches of at most `rows` rows, made one at a time."""
    stream = iter(records)
    first = next(stream, None)
    target = _class_of(first, cls)
    schema = schema_of(target)
    fast, _ = _converters()
    chained = stream if first is None else itertools.chain((first,), stream)
    while chunk := list(itertools.islice(chained, rows)):
        for index, record in enumerate(chunk):
            if not isinstance(record, target):
                raise ArgumentTypeError(
                    f"record {index} is a {type(record).__name__}, not a {target.__name__}: "
                    "a table holds records of one class"
                )
        yield encode_records(chunk, target, schema, fast)


def to_arrow(records: Iterable[Any], cls: type[Any] | None = None) -> pa.Table:
    """An Arrow table of records of one class (see `diplomodel.arrow.to_arrow`)."""
    stream = iter(records)
    first = next(stream, None)
    target = _class_of(first, cls)
    chained = stream if first is None else itertools.chain((first,), stream)
    batches = list(record_batches(chained, target))
    return pa.Table.from_batches(batches, schema=schema_of(target))


# -- reading -------------------------------------------------------------------------


def _document_row(row: dict[str, Any]) -> dict[str, Any]:
    """A document row without the null columns of the other kinds."""
    kind = _KINDS_BY_TAG.get(row.get(TAG))  # type: ignore[arg-type]
    if kind is None:
        return row  # the converter names the bad tag
    own = _OWN_FIELDS[kind]
    return {key: value for key, value in row.items() if key in own or value is not None}


_KINDS_BY_TAG: Final = {tag: kind for kind, tag in DOCUMENT_TAGS.items()}
_OWN_FIELDS: Final = {
    kind: frozenset({TAG, *(spec.name for spec in columns_of(kind))}) for kind in DOCUMENT_TAGS
}


def _structure_rows(
    rows: Sequence[dict[str, Any]],
    cls: type[Any],
    positions: Sequence[int],
    collector: ProblemCollector,
) -> list[Any]:
    """Each row as a record; problems (with row paths) go to the collector."""
    structure: Callable[[Any, Any], Any] = _converters()[0].get_structure_hook(cls)
    try:
        return [structure(row, cls) for row in rows]
    except Exception:  # noqa: BLE001 - explained row by row
        return _explain_rows(rows, cls, positions, collector)


def _explain_rows(
    rows: Sequence[dict[str, Any]],
    cls: type[Any],
    positions: Sequence[int],
    collector: ProblemCollector,
) -> list[Any]:
    """The rows one by one; a rejected row is read again field by field to name its problems."""
    fast, detailed = _converters()
    structure = fast.get_structure_hook(cls)
    explain = detailed.get_structure_hook(cls)
    root = root_of(cls)
    records = []
    for offset, row in enumerate(rows):
        if collector.full:
            collector.stop()
            break
        try:
            records.append(structure(row, cls))
        except Exception:  # noqa: BLE001 - explained by the detailed converter
            where = f"{root}[{positions[offset]}]"
            collector.extend(_problems(explain, row, cls, where, collector.limit - len(collector)))
    return records


def _problems(
    explain: Callable[[Any, Any], Any], row: dict[str, Any], cls: type[Any], where: str, limit: int
) -> list[Problem]:
    with _hooks.budget(limit):
        try:
            explain(row, cls)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a problem
            return [
                Problem(path=where + found.path.removeprefix("$"), message=found.message)
                for found in _hooks.problems(exc)
            ]
    return [Problem(path=where, message="invalid row")]  # the detailed reading found nothing


def read_batch(
    batch: pa.RecordBatch,
    cls: type[Any],
    *,
    positions: Sequence[int] | None = None,
    collector: ProblemCollector,
) -> list[Any]:
    """The records of one batch whose columns already match `schema_of(cls)`.

    Column by column first (`decode_records`); a batch that path cannot read
    exactly as the converter would is read row by row (`read_rows`), which
    names every problem.
    """
    try:
        return decode_records(batch, cls, _converters()[0], _date)
    except Exception:  # noqa: BLE001 - read again row by row, which names the problems
        return read_rows(batch, cls, positions=positions, collector=collector)


def read_rows(
    batch: pa.RecordBatch,
    cls: type[Any],
    *,
    positions: Sequence[int] | None = None,
    collector: ProblemCollector,
) -> list[Any]:
    """The records of one batch, each row structured by the converter as `from_dict` does."""
    try:
        rows = batch.to_pylist(maps_as_pydicts="strict")
    except KeyError as exc:  # Arrow maps may repeat a key; names maps may not
        message = f"a map holds the same key twice ({exc.args[0] if exc.args else exc})"
        collector.add(Problem(path=f"{root_of(cls)}[*]", message=message))
        return []
    if cls is Document:
        rows = [_document_row(row) for row in rows]
    return _structure_rows(rows, cls, positions or range(len(rows)), collector)


def batches_of(data: Any, *, source: str | None) -> tuple[pa.Schema, Iterator[pa.RecordBatch]]:
    """The schema and the record batches of a table, a batch, a stream, or any Arrow stream source.

    Anything with ``__arrow_c_stream__`` (a Polars frame, a DuckDB result) is read as a stream.
    """
    if isinstance(data, pa.Table):
        return data.schema, iter(data.to_batches(max_chunksize=BATCH_ROWS))
    if isinstance(data, pa.RecordBatch):
        return data.schema, iter((data,))
    if isinstance(data, pa.RecordBatchReader):
        return data.schema, iter(data)
    if hasattr(data, "__arrow_c_stream__"):
        reader = pa.RecordBatchReader.from_stream(data)
        return reader.schema, iter(reader)
    raise DataError.single(
        "$", f"expected an Arrow table or stream, got {type(data).__name__}", source=source
    )


def from_arrow(data: Any, cls: type[Any], *, source: str | None = None) -> tuple[Any, ...]:
    """Records from an Arrow table (see `diplomodel.arrow.from_arrow`)."""
    target = _target(cls)
    schema, batches = batches_of(data, source=source)
    types = plan(schema, target, source=source)
    collector = ProblemCollector(limit=MAX_PROBLEMS)
    records: list[Any] = []
    start = 0
    for batch in batches:
        ready = conform(batch, types, target, source=source)
        positions = range(start, start + batch.num_rows)
        records += read_batch(ready, target, positions=positions, collector=collector)
        start += batch.num_rows
        if collector.full:
            collector.stop()
            break
    error = collector.error(source=source)
    if error is not None:
        raise error
    wrong = next((r for r in records if not isinstance(r, cls)), None)
    if wrong is not None:
        found = DOCUMENT_TAGS.get(type(wrong), type(wrong).__name__)
        raise DataError.single(
            f"{root_of(target)}[{records.index(wrong)}].{TAG}",
            f"expected a {cls.__name__}, found a {found!r}",
            source=source,
        )
    return tuple(records)
