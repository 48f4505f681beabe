"""The one description of the model's fields that generic tools read.

Every attrs class of the model is described here from its own field
declarations, never from a list written by hand: the type hints say what a
field holds (an id of some entity, a state, a date, a nested value object, a
tuple of those, or None), and the validators say what they enforce
(`diplomodel._validators.facts_of`). Reference checks, the states a dossier
names, the hypothesis strategies and the JSON Schema all walk this
description, so adding a field touches its class and nothing else.

An id field names the entity whose own ``id`` field has the same NewType: a
field typed `PersonId` refers to a `Person`. The ``id`` field of an entity is
its identity, not a reference.
"""

from __future__ import annotations

import enum
import functools
import types
import typing
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any, Final

import attrs
from attrs import frozen

from diplomodel import _validators as v
from diplomodel.model.actors import Body
from diplomodel.model.claims import Claim
from diplomodel.model.cooperation import Committee
from diplomodel.model.documents import (
    Communique,
    CooperationAgreement,
    Declaration,
    Document,
    DocumentBatch,
    JointStatement,
)
from diplomodel.model.meetings import Meeting, MeetingSeries
from diplomodel.model.people import Office, Person
from diplomodel.model.relations import BilateralRelation, ThematicYear
from diplomodel.model.statements import Statement

__all__ = [
    "DOCUMENT_KINDS",
    "TABLES",
    "FieldSpec",
    "entity_of_id",
    "fields_of",
    "reference_plan",
    "references",
    "values_of",
]

TABLES: Final[Mapping[str, type[Any]]] = types.MappingProxyType(
    {
        "people": Person,
        "offices": Office,
        "bodies": Body,
        "meetings": Meeting,
        "series": MeetingSeries,
        "documents": Document,
        "committees": Committee,
        "relations": BilateralRelation,
        "thematic_years": ThematicYear,
        "statements": Statement,
        "claims": Claim,
    }
)
"""Each table of a dossier and the class of its entities, in file order."""

DOCUMENT_KINDS: Final = (
    Communique,
    JointStatement,
    Declaration,
    CooperationAgreement,
    DocumentBatch,
)
"""The concrete kinds of `Document`, each a tagged variant in files."""


@frozen
class FieldSpec:
    """What one attrs field holds, read from its type hint and its validator.

    Attributes:
        name: The field's name.
        item: The type of one value: the hint without ``| None`` and ``tuple[..., ...]``.
        optional: Whether None is allowed.
        many: Whether the field is a tuple of `item`.
        target: For an id field, the entity class it names; else None.
        facts: What the validator enforces (`diplomodel._validators.facts_of`).
        attribute: The attrs attribute itself.
    """

    name: str
    item: Any
    optional: bool
    many: bool
    target: type[Any] | None
    facts: Mapping[str, Any]
    attribute: attrs.Attribute[Any]

    @property
    def required(self) -> bool:
        """Whether the field has no default."""
        return self.attribute.default is attrs.NOTHING


@functools.cache
def _id_types() -> Mapping[object, type[Any]]:
    """Each id NewType and the entity class whose ``id`` has that type."""
    return {typing.get_type_hints(cls)["id"]: cls for cls in TABLES.values()}


def entity_of_id(hint: object) -> type[Any] | None:
    """The entity class an id type names (`PersonId` → `Person`), or None.

    In a union (`Actor` is a state, an organisation or a `BodyId`), the id
    member decides: a text value of such a field is an id of that entity.

    >>> from diplomodel.model.ids import PersonId
    >>> entity_of_id(PersonId).__name__
    'Person'
    >>> entity_of_id(str) is None
    True
    """
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        found = [_id_types().get(member) for member in typing.get_args(hint)]
        return next((kind for kind in found if kind is not None), None)
    return _id_types().get(hint)


def _unwrap(hint: Any) -> tuple[Any, bool, bool]:
    """(item type, optional, many) of a field's hint."""
    optional = False
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        optional = len(args) < len(typing.get_args(hint))
        hint = args[0] if len(args) == 1 else typing.Union[tuple(args)]  # noqa: UP007 - runtime union
    many = typing.get_origin(hint) is tuple
    if many:
        hint = typing.get_args(hint)[0]
    return hint, optional, many


_DESCRIBED: dict[type[Any], tuple[FieldSpec, ...]] = {}


def fields_of(cls: type[Any]) -> tuple[FieldSpec, ...]:
    """The description of every field of an attrs class, in declaration order.

    >>> from diplomodel.model.meetings import Participation
    >>> [(f.name, getattr(f.target, "__name__", None)) for f in fields_of(Participation)]
    [('person', 'Person'), ('delegation', 'Body'), ('role', None), ('office', 'Office')]
    """
    known = _DESCRIBED.get(cls)
    if known is not None:
        return known
    hints = typing.get_type_hints(cls)
    specs = []
    for attribute in attrs.fields(cls):
        item, optional, many = _unwrap(hints[attribute.name])
        is_identity = attribute.name == "id" and issubclass(cls, tuple(_id_types().values()))
        specs.append(
            FieldSpec(
                name=attribute.name,
                item=item,
                optional=optional,
                many=many,
                target=None if is_identity else entity_of_id(item),
                facts=types.MappingProxyType(v.facts_of(attribute.validator)),
                attribute=attribute,
            )
        )
    described = _DESCRIBED[cls] = tuple(specs)  # the same every time: a race is harmless
    return described


def _nested(value: object) -> bool:
    return attrs.has(type(value))


Plan = tuple[tuple[str, type[Any] | None, bool], ...]
"""Per class, the fields that may hold an id or a value holding one: (name, target, many)."""

_PLANS: dict[type[Any], Plan] = {}
_LEAVES: tuple[type[Any], ...] = (str, int, float, bool, date, type(None), enum.Enum)


def _may_refer(hint: Any, seen: frozenset[type[Any]]) -> bool:  # noqa: PLR0911 - one case a line
    """Whether a value of this hint may be, or hold, a reference (when unsure: yes)."""
    if isinstance(hint, typing.NewType):
        return _may_refer(hint.__supertype__, seen)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_may_refer(arg, seen) for arg in typing.get_args(hint))
    if origin is typing.Literal:
        return False
    if origin is not None:  # Mapping[str, str], tuple[...]: the value itself is no attrs object
        return attrs.has(origin)
    if not isinstance(hint, type) or hint is object:
        return True
    if not attrs.has(hint):
        return not issubclass(hint, _LEAVES) and hint.__module__ != "builtins"
    if hint in seen:
        return False  # what a cycle would add, the class's other fields already say
    if any("__attrs_attrs__" in vars(sub) for sub in hint.__subclasses__()):
        return True  # an attrs subclass (a kind of document) may add fields that refer
    inner = seen | {hint}
    return any(spec.target is not None or _may_refer(spec.item, inner) for spec in fields_of(hint))


def reference_plan(cls: type[Any]) -> Plan:
    """The fields of `cls` that a walk of references reads (empty: nothing in it can refer).

    An id field, or one whose values may be or hold a value object that names
    an entity; states, dates, text and enums are skipped. Empty for a class
    that is not an attrs class.
    """
    plan = _PLANS.get(cls)
    if plan is None:
        plan = ()
        if attrs.has(cls):
            plan = tuple(
                (spec.name, spec.target, spec.many)
                for spec in fields_of(cls)
                if spec.target is not None or _may_refer(spec.item, frozenset({cls}))
            )
        _PLANS[cls] = plan  # the same every time: a race is harmless
    return plan


def references(obj: object, path: str = "") -> Iterator[tuple[str, type[Any], str]]:
    """Each id that `obj` (and the value objects inside it) names: (path, entity class, id).

    Paths are relative to `obj` (``.participants[2].person``). Entities inside
    a collection (a dossier's tables) are walked too, with their table path.

    >>> from diplomodel.dossier import load_example
    >>> meeting = load_example().meetings[0]
    >>> next(references(meeting))
    ('.series', <class 'diplomodel.model.meetings.MeetingSeries'>, 'cn-ru-heads-of-government')
    """
    for name, target, many in reference_plan(type(obj)):
        value = getattr(obj, name)
        if value is None:
            continue
        items = enumerate(value) if many else ((None, value),)
        for index, item in items:
            if target is not None and isinstance(item, str):
                yield _path(path, name, index), target, item
            elif reference_plan(type(item)):  # a value object that may name something
                yield from references(item, _path(path, name, index))


def _path(path: str, name: str, index: int | None) -> str:
    return f"{path}.{name}" if index is None else f"{path}.{name}[{index}]"


def values_of(obj: object, kind: type[Any], path: str = "") -> Iterator[tuple[str, Any]]:
    """Each value of type `kind` held anywhere in `obj`: (relative path, value).

    Used to find every state a record names, wherever the field is.

    >>> from diplomodel.dossier import load_example
    >>> from diplomodel.states import State
    >>> sorted({s.code for _, s in values_of(load_example(), State)})
    ['CN', 'RU', 'SU']
    """
    for spec in fields_of(type(obj)):
        value = getattr(obj, spec.name)
        if value is None:
            continue
        items = enumerate(value) if spec.many else ((None, value),)
        for index, item in items:
            at = f"{path}.{spec.name}" if index is None else f"{path}.{spec.name}[{index}]"
            if isinstance(item, kind):
                yield at, item
            elif isinstance(item, str):
                continue
            elif _nested(item):
                yield from values_of(item, kind, at)
