"""Checking an Arrow table against the schema of a class before reading its rows.

A column the class does not have, a required column that is missing, or a
column of an incompatible type is a `DataError` naming the column. Columns
whose type differs only in width or encoding (``int32`` for ``int64``, a
dictionary of strings, a large list) are cast to the schema's type, so that
tables made by other engines (DuckDB, pandas, Spark) read as well as ours.
"""

from __future__ import annotations

import collections
from typing import Any, Final

import pyarrow as pa

from diplomodel._hooks import DOCUMENT_TAGS, TAG
from diplomodel.arrow._schema import columns_of, root_of, schema_of
from diplomodel.errors import DataError, Problem
from diplomodel.model.documents import Document

__all__ = ["compatible", "conform", "plan", "relaxed"]

_STRINGS: Final = (pa.types.is_string, pa.types.is_large_string, pa.types.is_string_view)
_LISTS: Final = (
    pa.types.is_list,
    pa.types.is_large_list,
    pa.types.is_fixed_size_list,
    pa.types.is_list_view,
    pa.types.is_large_list_view,
)


def _any(tests: tuple[Any, ...], kind: pa.DataType) -> bool:
    return any(test(kind) for test in tests)


def compatible(actual: pa.DataType, expected: pa.DataType) -> bool:  # noqa: PLR0911 - one case a kind
    """Whether a column of type `actual` can be cast to `expected` without changing its meaning.

    >>> compatible(pa.int32(), pa.int64()), compatible(pa.string(), pa.int64())
    (True, False)
    """
    if actual.equals(expected) or pa.types.is_null(actual):
        return True
    if pa.types.is_dictionary(actual):
        return compatible(actual.value_type, expected)
    if pa.types.is_integer(expected):
        return bool(pa.types.is_integer(actual))
    if pa.types.is_string(expected):
        return _any(_STRINGS, actual)
    if pa.types.is_boolean(expected):
        return bool(pa.types.is_boolean(actual))
    if pa.types.is_map(expected):
        return pa.types.is_map(actual) and (
            compatible(actual.key_type, expected.key_type)
            and compatible(actual.item_type, expected.item_type)
        )
    if pa.types.is_list(expected):
        return _any(_LISTS, actual) and compatible(actual.value_type, expected.value_type)
    if pa.types.is_struct(expected):
        if not pa.types.is_struct(actual):
            return False
        have = {actual.field(i).name: actual.field(i).type for i in range(actual.num_fields)}
        want = {expected.field(i).name: expected.field(i).type for i in range(expected.num_fields)}
        return have.keys() == want.keys() and all(compatible(have[k], want[k]) for k in want)
    return False


def _required(cls: type[Any]) -> set[str]:
    """The columns a table of `cls` must have: its required fields (for documents, every kind's)."""
    if cls is Document:
        each = [{spec.name for spec in columns_of(kind) if spec.required} for kind in DOCUMENT_TAGS]
        return {TAG}.union(set.intersection(*each))
    return {spec.name for spec in columns_of(cls) if spec.required}


def relaxed(kind: pa.DataType) -> pa.DataType:
    """The same type with every nested field nullable: what reading needs, and what engines give.

    >>> relaxed(pa.list_(pa.field("item", pa.int8(), nullable=False)))
    ListType(list<item: int8>)
    """
    if pa.types.is_struct(kind):
        return pa.struct(
            [
                pa.field(f.name, relaxed(f.type))
                for f in (kind.field(i) for i in range(kind.num_fields))
            ]
        )
    if pa.types.is_map(kind):
        return pa.map_(kind.key_type, relaxed(kind.item_type))
    if pa.types.is_list(kind):
        return pa.list_(relaxed(kind.value_type))
    return kind


def plan(schema: pa.Schema, cls: type[Any], *, source: str | None) -> pa.Schema:
    """The schema a table's batches are cast to, once its columns are checked against `cls`.

    Raises:
        DataError: A column is unknown, appears twice, is missing or is of an
            incompatible type; each problem names the column.
    """
    expected = schema_of(cls)
    root = root_of(cls)
    problems = []
    names = schema.names
    for name, count in collections.Counter(names).items():
        if count > 1:
            problems.append(Problem(path=f"{root}[*].{name}", message="column appears twice"))
    problems += [
        Problem(path=f"{root}[*].{name}", message="required column missing")
        for name in sorted(_required(cls) - set(names))
    ]
    fields = []
    for name in dict.fromkeys(names):
        index = expected.get_field_index(name)
        if index < 0:
            problems.append(
                Problem(path=f"{root}[*].{name}", message=f"unknown column for {cls.__name__}")
            )
            continue
        have = schema.field(name).type
        want = expected.field(index).type
        if not compatible(have, want):
            problems.append(
                Problem(
                    path=f"{root}[*].{name}", message=f"column has type {have}; expected {want}"
                )
            )
            continue
        fields.append(pa.field(name, relaxed(want)))
    if problems:
        raise DataError(problems, source=source)
    return pa.schema(fields)


def conform(
    batch: pa.RecordBatch, target: pa.Schema, cls: type[Any], *, source: str | None
) -> pa.RecordBatch:
    """The batch with its columns cast to the `plan`'s types.

    Raises:
        DataError: A value cannot be cast (an integer out of range).
    """
    if batch.schema.equals(target):
        return batch
    root = root_of(cls)
    columns = []
    for field in target:
        column = batch.column(field.name)
        try:
            columns.append(column if column.type.equals(field.type) else column.cast(field.type))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
            raise DataError.single(
                f"{root}[*].{field.name}", f"cannot read the column: {exc}", source=source
            ) from None
    return pa.RecordBatch.from_arrays(columns, schema=target)
