"""Records to Arrow columns and back, a column at a time: the fast path of `_convert`.

Building a row dict per record and letting Arrow parse it (or the reverse)
spends most of its time on dicts. Here a column is built from the records'
attribute values directly and read back into the arguments of the classes'
constructors, guided by the same field descriptions as the schema. Every
value that the converter writes or reads with a hook of its own (a state, an
actor, an enum) still goes through that hook, once per distinct value, and
every record is built by its class's constructor, so every attrs validator
runs as it does for `from_dict`.

Reading is the converter's equal or nothing: where the converter would
refuse a row (a null where a value is needed, a value in a column the
document's kind lacks, a duplicate key in a map), `decode` raises
`Fallback` and the caller reads the batch row by row through the converter,
which names each problem. ``tests/test_arrow.py`` checks that both paths
give equal records.
"""

from __future__ import annotations

import itertools
import typing
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

import attrs
import pyarrow as pa
import pyarrow.compute as pc
from cattrs import Converter

from diplomodel._hooks import DOCUMENT_TAGS, TAG
from diplomodel.arrow._schema import columns_of
from diplomodel.dates import PartialDate
from diplomodel.model._fields import FieldSpec
from diplomodel.model.documents import Document

__all__ = ["Fallback", "decode", "encode"]

_PLAIN: Final = (str, int, bool)
"""Types whose Arrow values are the Python values as the converter reads and writes them."""


class Fallback(Exception):  # noqa: N818 - a signal to the caller, not an error to users
    """The batch cannot be read column by column exactly as the converter reads it."""


def _plain(hint: Any) -> bool:
    return getattr(hint, "__supertype__", hint) in _PLAIN


def _is_tuple(hint: Any) -> bool:
    return typing.get_origin(hint) is tuple


def _value_hint(hint: Any) -> Any:
    return typing.get_args(hint)[1] if typing.get_origin(hint) is Mapping else None


# -- writing ------------------------------------------------------------------------------


def _mask(values: Sequence[Any]) -> pa.Array | None:
    if any(value is None for value in values):
        return pa.array([value is None for value in values], pa.bool_())
    return None


def _offsets(values: Sequence[Any]) -> tuple[pa.Array, list[Any]]:
    lengths = [0 if value is None else len(value) for value in values]
    flat = [item for value in values if value is not None for item in value]
    return pa.array([0, *itertools.accumulate(lengths)], pa.int32()), flat


def _mapped(values: Sequence[Any], convert: Callable[[Any], Any]) -> list[Any]:
    """`convert` of each value (None stays None), called once per distinct value."""
    memo: dict[Any, Any] = {}
    result: list[Any] = []
    for value in values:
        if value is None:
            result.append(None)
            continue
        found = memo.get(value)
        if found is None:
            found = memo[value] = convert(value)
        result.append(found)
    return result


def _encode_leaf(values: Sequence[Any], hint: Any, kind: pa.DataType, conv: Converter) -> pa.Array:
    if _plain(hint):
        return pa.array(values, kind)
    hook = conv.get_unstructure_hook(hint)  # cheap for every type written as text: no memo
    if any(value is None for value in values):
        return pa.array([None if value is None else hook(value) for value in values], kind)
    return pa.array([hook(value) for value in values], kind)


def _encode_date(values: Sequence[Any], kind: pa.DataType) -> pa.Array:
    present = [value for value in values if value is not None]
    if len(present) == len(values):
        years = [value.year for value in values]
        months = [value.month for value in values]
        days = [value.day for value in values]
    else:
        years = [None if value is None else value.year for value in values]
        months = [None if value is None else value.month for value in values]
        days = [None if value is None else value.day for value in values]
    children = [pa.array(part, kind.field(i).type) for i, part in enumerate((years, months, days))]
    return pa.StructArray.from_arrays(children, fields=list(kind), mask=_mask(values))


def encode(values: Sequence[Any], hint: Any, kind: pa.DataType, conv: Converter) -> pa.Array:
    """An Arrow array of type `kind` holding `values` (of type `hint`, or None)."""
    if hint is PartialDate:
        return _encode_date(values, kind)
    if _is_tuple(hint):
        offsets, flat = _offsets(values)
        items = encode(flat, typing.get_args(hint)[0], kind.value_type, conv)
        return pa.ListArray.from_arrays(offsets, items, type=kind, mask=_mask(values))
    if pa.types.is_map(kind):
        pairs = [None if value is None else list(value.items()) for value in values]
        offsets, flat = _offsets(pairs)
        keys = pa.array([key for key, _ in flat], kind.key_type)
        items = encode([item for _, item in flat], _value_hint(hint), kind.item_type, conv)
        return pa.MapArray.from_arrays(offsets, keys, items, type=kind, mask=_mask(values))
    if pa.types.is_struct(kind) and attrs.has(hint):
        children = []
        for spec, field in zip(columns_of(hint), kind, strict=True):
            name = spec.name
            column = [None if value is None else getattr(value, name) for value in values]
            children.append(encode_field(column, spec, field.type, conv))
        return pa.StructArray.from_arrays(children, fields=list(kind), mask=_mask(values))
    return _encode_leaf(values, hint, kind, conv)


def encode_field(
    values: Sequence[Any], spec: FieldSpec, kind: pa.DataType, conv: Converter
) -> pa.Array:
    """The column of one field."""
    hint = tuple[spec.item, ...] if spec.many else spec.item  # type: ignore[name-defined]
    return encode(values, hint, kind, conv)


def encode_records(
    records: Sequence[Any], cls: type[Any], schema: pa.Schema, conv: Converter
) -> pa.RecordBatch:
    """A record batch of `records` (documents of any kind for `Document`)."""
    arrays = []
    if cls is Document:
        own = {kind: {spec.name for spec in columns_of(kind)} for kind in DOCUMENT_TAGS}
        specs = {spec.name: spec for kind in DOCUMENT_TAGS for spec in columns_of(kind)}
        for field in schema:
            if field.name == TAG:
                arrays.append(pa.array([DOCUMENT_TAGS[type(r)] for r in records], field.type))
                continue
            name = field.name
            column = [getattr(r, name) if name in own[type(r)] else None for r in records]
            arrays.append(encode_field(column, specs[name], field.type, conv))
    else:
        for spec, field in zip(columns_of(cls), schema, strict=True):
            column = [getattr(record, spec.name) for record in records]
            arrays.append(encode_field(column, spec, field.type, conv))
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


# -- reading ------------------------------------------------------------------------------


def _decode_leaf(array: pa.Array, hint: Any, conv: Converter) -> list[Any]:
    values: list[Any] = array.to_pylist()
    if _plain(hint):
        return values
    hook: Callable[[Any, Any], Any] = conv.get_structure_hook(hint)
    return _mapped(values, lambda value: hook(value, hint))


def _decode_date(array: pa.Array, make: Callable[..., PartialDate]) -> list[Any]:
    years = array.field("year").to_pylist()
    months = array.field("month").to_pylist()
    days = array.field("day").to_pylist()
    if array.null_count == 0:
        return [make(y, m, d) for y, m, d in zip(years, months, days, strict=True)]
    valid = array.is_valid().to_pylist()
    return [
        make(y, m, d) if ok else None
        for ok, y, m, d in zip(valid, years, months, days, strict=True)
    ]


def _nulls_under_valid(parent: pa.Array, child: pa.Array) -> bool:
    if child.null_count == 0:
        return False
    if parent.null_count == 0:
        return True
    return bool(pc.any(pc.and_(parent.is_valid(), child.is_null())).as_py())


def _decode_struct(array: pa.StructArray, cls: type[Any], conv: Converter, date: Any) -> list[Any]:
    kind = array.type
    names: list[str] = []
    columns: list[list[Any]] = []
    for spec in columns_of(cls):
        index = kind.get_field_index(spec.name)
        if index < 0:
            continue  # a column left out: the field's default (plan() checked it has one)
        child = array.field(index)
        if not spec.optional and _nulls_under_valid(array, child):
            raise Fallback(spec.name)
        names.append(spec.attribute.alias or spec.name)
        columns.append(decode_field(child, spec, conv, date))
    if array.null_count == 0:
        return [cls(**dict(zip(names, row, strict=True))) for row in zip(*columns, strict=True)]
    valid = array.is_valid().to_pylist()
    return [
        cls(**dict(zip(names, row, strict=True))) if ok else None
        for ok, *row in zip(valid, *columns, strict=True)
    ]


def _decode_list(array: pa.Array, item: Any, conv: Converter, date: Any) -> list[Any]:
    if array.null_count == 0:  # then the offsets delimit every row's items
        offsets = array.offsets.to_pylist()
        base = offsets[0]
        if offsets[-1] == base:  # every list empty, as most optional lists are
            return [()] * len(array)
        flat = array.values.slice(base, offsets[-1] - base)
        if flat.null_count:
            raise Fallback("null item")
        items = decode(flat, item, conv, date)
        return [
            tuple(items[start - base : end - base]) for start, end in itertools.pairwise(offsets)
        ]
    flat = array.flatten()
    if flat.null_count:
        raise Fallback("null item")
    items = decode(flat, item, conv, date)
    result: list[Any] = []
    start = 0
    for length in pc.list_value_length(array).to_pylist():
        if length is None:
            result.append(None)
            continue
        result.append(tuple(items[start : start + length]))
        start += length
    return result


def decode(array: pa.Array, hint: Any, conv: Converter, date: Any) -> list[Any]:
    """The Python values of an array of values of type `hint` (None where null).

    Raises:
        Fallback: The converter reads these values otherwise (or refuses them).
        TypeError, ValueError: A hook or a constructor refuses a value.
    """
    if hint is PartialDate:
        return _decode_date(array, date)
    if _is_tuple(hint):
        return _decode_list(array, typing.get_args(hint)[0], conv, date)
    if pa.types.is_map(array.type):
        if array.items.null_count:
            raise Fallback("null map value")
        try:
            return array.to_pylist(maps_as_pydicts="strict")  # type: ignore[no-any-return]
        except KeyError:
            raise Fallback("duplicate map key") from None
    if pa.types.is_struct(array.type) and attrs.has(hint):
        return _decode_struct(array, hint, conv, date)
    return _decode_leaf(array, hint, conv)


def decode_field(array: pa.Array, spec: FieldSpec, conv: Converter, date: Any) -> list[Any]:
    """The values of one field's column."""
    hint = tuple[spec.item, ...] if spec.many else spec.item  # type: ignore[name-defined]
    return decode(array, hint, conv, date)


def decode_records(batch: pa.RecordBatch, cls: type[Any], conv: Converter, date: Any) -> list[Any]:
    """The records of a batch whose columns `plan()` checked; `Fallback` if not the converter's."""
    if cls is not Document:
        whole = pa.StructArray.from_arrays(batch.columns, fields=list(batch.schema))
        return _decode_struct(whole, cls, conv, date)
    if TAG not in batch.schema.names or batch.column(TAG).null_count:
        raise Fallback(TAG)
    tags = batch.column(TAG).to_pylist()
    kinds = {tag: kind for kind, tag in DOCUMENT_TAGS.items()}
    rows: dict[str, list[int]] = {}
    for index, tag in enumerate(tags):
        rows.setdefault(tag, []).append(index)
    records: list[Any] = [None] * batch.num_rows
    for tag, indices in rows.items():
        kind = kinds.get(tag)
        if kind is None:
            raise Fallback(f"unknown tag {tag!r}")
        part = batch.take(pa.array(indices, pa.int64()))
        own = {spec.name for spec in columns_of(kind)}
        keep = []
        for index, name in enumerate(part.schema.names):
            if name in own:
                keep.append(index)
            elif name != TAG and part.column(index).null_count != part.num_rows:
                raise Fallback(f"{name} set for a {tag}")
        fields = [part.schema.field(i) for i in keep]
        whole = pa.StructArray.from_arrays([part.column(i) for i in keep], fields=fields)
        for index, record in zip(indices, _decode_struct(whole, kind, conv, date), strict=True):
            records[index] = record
    return records
