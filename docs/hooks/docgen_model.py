"""The shape of diplomodel's model, read from the code: classes, fields and id references.

Everything here is derived from ``attrs.fields()`` and ``typing.get_type_hints()``
of the classes that ``diplomodel`` exports, so the pictures and pages built from
it follow the code: a new class, field or id type appears without any change here.

- An *id type* is a ``typing.NewType`` of ``str``; the entity it identifies is
  the class whose ``id`` field has that type (the most general one: `Document`,
  not each kind of document).
- A field *refers* to an entity when its type (inside ``X | None``,
  ``tuple[X, ...]`` or a mapping's values) is that entity's id type; it *embeds*
  a value object when its type is another model class; it *names* reference
  data when its type is an exported class outside ``diplomodel.model`` that is
  written as its code (a `State`).

>>> model = read_model()
>>> model.entity_of("MeetingId").__name__
'Meeting'
>>> [(f.name, f.target.__name__) for f in model.fields_of("Participation") if f.link == "id"]
[('person', 'Person'), ('delegation', 'Body'), ('office', 'Office')]
"""

# ruff: noqa: INP001 - docs/hooks holds build scripts, not a package

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import attrs

import diplomodel

MODEL_PACKAGE = "diplomodel.model."


@dataclass(frozen=True)
class Field:
    """One field of a model class, with what its type points at.

    Attributes:
        name: The field's name.
        type_text: Its type, written as a reader would (``tuple[MeetingId, ...]``).
        link: ``"id"`` (refers to an entity by id), ``"embed"`` (holds value
            objects), ``"reference"`` (names reference data such as a state) or
            ``""`` (plain data).
        target: The class pointed at, if any.
        many: Whether it holds several (a tuple or a mapping).
        optional: Whether it may be None.
        actor: Whether it holds an actor: reference data (a state, an
            organisation) or the id of an entity (a body).
    """

    name: str
    type_text: str
    link: str = ""
    target: type[Any] | None = None
    many: bool = False
    optional: bool = False
    actor: bool = False


@dataclass(frozen=True)
class Model:
    """The model classes, their fields, and which class each id type identifies.

    Attributes:
        classes: Every exported attrs class of ``diplomodel.model``, in ``__all__`` order.
        reference: Exported classes outside the model that fields name (`State`).
        fields: Each class's fields, by class name.
        ids: The entity class each id type identifies, by id type name.
    """

    classes: tuple[type[Any], ...]
    reference: tuple[type[Any], ...]
    fields: Mapping[str, tuple[Field, ...]] = field(default_factory=dict)
    ids: Mapping[str, type[Any]] = field(default_factory=dict)

    def fields_of(self, name: str) -> tuple[Field, ...]:
        """The fields of the model class with that name."""
        return self.fields[name]

    def entity_of(self, id_type: str) -> type[Any]:
        """The entity class that an id type identifies."""
        return self.ids[id_type]

    def is_entity(self, cls: type[Any]) -> bool:
        """Whether instances of the class have an id of their own."""
        return any(f.name == "id" and is_id_type(_hints(cls).get("id")) for f in attrs.fields(cls))

    def bases_of(self, cls: type[Any]) -> tuple[type[Any], ...]:
        """The model classes this class derives from directly."""
        return tuple(b for b in cls.__bases__ if b in self.classes)


def is_id_type(tp: object) -> bool:
    """Whether a type is one of the id NewTypes (a NewType of ``str``).

    >>> is_id_type(diplomodel.PersonId), is_id_type(str)
    (True, False)
    """
    return isinstance(tp, typing.NewType) and tp.__supertype__ is str


def public_names() -> dict[int, str]:
    """The public name of every exported object, by object identity."""
    return {id(getattr(diplomodel, n)): n for n in diplomodel.__all__}


def _is_reference_data(cls: type[Any]) -> bool:
    """Whether a class is reference data, written in files as its ``code`` (a `State`)."""
    return attrs.has(cls) and not issubclass(cls, enum.Enum) and hasattr(attrs.fields(cls), "code")


def _hints(cls: type[Any]) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _unwrap(tp: Any) -> tuple[list[Any], bool, bool]:
    """The types inside optional, tuple and mapping wrappers; whether many; whether optional."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner: list[Any] = []
        many = False
        for arg in args:
            if arg is type(None):
                continue
            found, arg_many, _ = _unwrap(arg)
            inner += found
            many = many or arg_many
        return inner, many, type(None) in args
    if origin is tuple or origin in (list, frozenset, set):
        found, _, _ = _unwrap(args[0]) if args else ([], False, False)
        return found, True, False
    if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
        found, _, _ = _unwrap(args[-1])
        return found, True, False
    if origin is typing.Literal:
        return [], False, False
    return [tp], False, False


def type_text(tp: Any) -> str:
    """A type as a reader would write it: ``tuple[MeetingId, ...]``, ``PartialDate | None``.

    >>> type_text(tuple[diplomodel.MeetingId, ...] | None)
    'tuple[MeetingId, ...] | None'
    """
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(type_text(a) for a in args)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return f"tuple[{type_text(args[0])}, ...]"
    if origin is typing.Literal:
        return " | ".join(repr(a) for a in args)
    if origin is not None:
        name = getattr(origin, "__name__", str(origin))
        return f"{name}[{', '.join(type_text(a) for a in args)}]"
    if tp is type(None):
        return "None"
    return getattr(tp, "__name__", str(tp))


def _classify(
    tp: Any,
    name: str,
    classes: tuple[type[Any], ...],
    public: set[type[Any]],
    ids: Mapping[str, type[Any]],
) -> tuple[str, type[Any]] | None:
    """What a field's (inner) type points at: ``("id", Meeting)``, or None."""
    if is_id_type(tp) and tp.__name__ in ids and name != "id":
        return "id", ids[tp.__name__]
    if isinstance(tp, type) and tp in classes:
        return "embed", tp
    if isinstance(tp, type) and tp in public and _is_reference_data(tp):
        return "reference", tp
    return None


def read_model() -> Model:
    """Read the model from the classes ``diplomodel`` exports.

    Returns:
        The model's classes, fields and id types.
    """
    exported = [getattr(diplomodel, n) for n in diplomodel.__all__]
    classes = tuple(
        obj
        for obj in exported
        if isinstance(obj, type) and attrs.has(obj) and obj.__module__.startswith(MODEL_PACKAGE)
    )
    public = {obj for obj in exported if isinstance(obj, type)}
    ids: dict[str, type[Any]] = {}
    for cls in classes:
        id_type = _hints(cls).get("id")
        if is_id_type(id_type):
            known = ids.get(id_type.__name__)
            if known is None or issubclass(known, cls):
                ids[id_type.__name__] = cls
    reference: list[type[Any]] = []
    fields: dict[str, tuple[Field, ...]] = {}
    for cls in classes:
        hints = _hints(cls)
        row = []
        for attribute in attrs.fields(cls):
            tp = hints.get(attribute.name, attribute.type)
            inner, many, optional = _unwrap(tp)
            link, target = "", None
            kinds = set()
            for t in inner:
                found = _classify(t, attribute.name, classes, public, ids)
                if found is not None:
                    kinds.add(found[0])
                link, target = found or (link, target)
                if link == "reference" and target not in reference:
                    reference.append(target)
            actor = {"id", "reference"} <= kinds
            text = type_text(tp)
            row.append(Field(attribute.name, text, link, target, many, optional, actor))
        fields[cls.__name__] = tuple(row)
    return Model(classes=classes, reference=tuple(reference), fields=fields, ids=ids)
