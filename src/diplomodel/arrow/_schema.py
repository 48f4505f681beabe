"""Arrow schemas derived from the model's field descriptions (`diplomodel.model._fields`).

Nothing here is written per class: the type of a column comes from the
field's type hint, as the JSON Schema's does. A value is laid out as the
converter writes it to JSON, except that a `PartialDate` is a struct of its
parts (so engines can filter on the year without parsing text) and names
maps are Arrow maps.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Iterator, Mapping
from typing import Any, Final

import attrs
import pyarrow as pa

from diplomodel._hooks import DOCUMENT_TAGS, TAG
from diplomodel.dates import PartialDate
from diplomodel.errors import ArgumentTypeError
from diplomodel.model._fields import TABLES, FieldSpec, fields_of
from diplomodel.model.documents import Document
from diplomodel.organizations import Organization
from diplomodel.serialization import FORMAT_VERSION
from diplomodel.states import State

__all__ = [
    "DATE_TYPE",
    "VERSION_KEY",
    "arrow_type",
    "columns_of",
    "date_field",
    "root_of",
    "schema_of",
    "table_of",
]

DATE_TYPE: Final = pa.struct(
    [pa.field("year", pa.int16()), pa.field("month", pa.int8()), pa.field("day", pa.int8())]
)
"""A `PartialDate`: its year, and its month and day where it has them."""

VERSION_KEY: Final = b"diplomodel"
"""The schema metadata key holding the file-format version."""

CLASS_KEY: Final = b"diplomodel.class"
"""The schema metadata key naming the class of the rows."""

_TEXT_TYPES: Final = (str, State, Organization)


def _is_union(hint: Any) -> bool:
    return typing.get_origin(hint) in (typing.Union, types.UnionType)


def _text_like(hint: Any) -> bool:
    """Whether the converter writes a value of this type as text (ids, states, actors)."""
    hint = getattr(hint, "__supertype__", hint)
    if _is_union(hint):
        return all(_text_like(member) for member in typing.get_args(hint))
    return hint in _TEXT_TYPES


def arrow_type(hint: Any) -> pa.DataType:  # noqa: C901, PLR0911 - one branch a kind of type
    """The Arrow type of one value of a type hint (without ``| None``).

    >>> from diplomodel.model.meetings import Role
    >>> arrow_type(Role), arrow_type(tuple[int, ...])
    (DataType(string), ListType(list<item: int64>))
    """
    if _is_union(hint) and type(None) in typing.get_args(hint):
        members = [m for m in typing.get_args(hint) if m is not type(None)]
        return arrow_type(functools.reduce(lambda a, b: a | b, members))
    if _text_like(hint):
        return pa.string()
    if hint is bool:
        return pa.bool_()
    if hint is int:
        return pa.int64()
    if hint is PartialDate:
        return DATE_TYPE
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        if all(isinstance(member.value, str) for member in hint):
            return pa.string()
        return pa.int64()
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return pa.list_(arrow_type(args[0]))
    if origin is Mapping and len(args) == 2:
        return pa.map_(arrow_type(args[0]), arrow_type(args[1]))
    if isinstance(hint, type) and attrs.has(hint) and hint is not Document:
        return pa.struct([_field_of(spec, nullable=True) for spec in columns_of(hint)])
    raise ArgumentTypeError(f"no Arrow type for {hint!r}")


def _field_of(spec: FieldSpec, *, nullable: bool = False) -> pa.Field:
    item = arrow_type(spec.item)
    kind = pa.list_(item) if spec.many else item
    return pa.field(spec.name, kind, nullable=nullable or spec.optional)


def _fields(cls: type[Any]) -> Iterator[pa.Field]:
    for spec in columns_of(cls):
        yield _field_of(spec)


def columns_of(cls: type[Any]) -> tuple[FieldSpec, ...]:
    """The fields of a class that are columns: those its constructor takes."""
    return tuple(spec for spec in fields_of(cls) if spec.attribute.init)


def _document_fields() -> Iterator[pa.Field]:
    """The tag, then the union of every document kind's fields (nullable where a kind lacks one)."""
    yield pa.field(TAG, pa.string(), nullable=False)
    kinds = list(DOCUMENT_TAGS)
    seen: dict[str, pa.Field] = {}
    for kind in kinds:
        for spec in columns_of(kind):
            in_all = all(spec.name in attrs.fields_dict(other) for other in kinds)
            made = _field_of(spec, nullable=not in_all)
            known = seen.setdefault(spec.name, made)
            if not known.type.equals(made.type):
                raise ArgumentTypeError(
                    f"document kinds disagree on the type of {spec.name!r}: "
                    f"{known.type} and {made.type}"
                )
    yield from seen.values()


_SCHEMAS: dict[type[Any], pa.Schema] = {}


def schema_of(cls: type[Any]) -> pa.Schema:
    """The Arrow schema of a table of `cls` records (see `diplomodel.arrow.schema_of`)."""
    known = _SCHEMAS.get(cls)
    if known is None:
        known = _SCHEMAS[cls] = _derive(cls)  # the same every time: a race is harmless
    return known


def _derive(cls: type[Any]) -> pa.Schema:
    if isinstance(cls, type) and issubclass(cls, Document):
        fields = list(_document_fields())
        name = "Document"
    elif isinstance(cls, type) and attrs.has(cls):
        fields = list(_fields(cls))
        name = cls.__name__
    else:
        raise ArgumentTypeError(f"schema_of takes a diplomodel class, not {cls!r}")
    metadata = {VERSION_KEY: FORMAT_VERSION.encode(), CLASS_KEY: name.encode()}
    return pa.schema(fields, metadata=metadata)


def table_of(cls: type[Any]) -> str | None:
    """The dossier table that holds `cls` records, or None."""
    for name, kind in TABLES.items():
        if kind is cls or (kind is Document and issubclass(cls, Document)):
            return name
    return None


def date_field(cls: type[Any]) -> str | None:
    """The primary date of a table's records: its first top-level `PartialDate` field.

    Tables with one are partitioned by its year in a Parquet dataset.

    >>> from diplomodel.model.meetings import Meeting
    >>> from diplomodel.model.people import Person
    >>> date_field(Meeting), date_field(Person)
    ('start', None)
    """
    for column in schema_of(cls):
        if column.type.equals(DATE_TYPE):
            return str(column.name)
    return None


def root_of(cls: type[Any]) -> str:
    """The path of a table's rows in problems: ``$.meetings`` for a dossier table, else ``$``."""
    table = table_of(cls)
    return f"$.{table}" if table is not None else "$"
