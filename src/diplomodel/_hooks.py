"""The converter's hooks, and turning structuring failures into path-tagged problems.

Two kinds of converter are configured here from the same hooks:

- the *fast* one (cattrs' generated code, no detailed validation), used first
  for every input, and
- the *detailed* one, used only when the fast one failed, which structures
  every field it can, runs every attrs validator on its own, and so reports
  every problem in the input, each with its path.
"""

from __future__ import annotations

import contextlib
import contextvars
import enum
import functools
import heapq
import operator
import re
import types
import typing
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final

import attrs
from cattrs import Converter
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.fns import identity
from cattrs.strategies import configure_tagged_union

from diplomodel._actor_hooks import structure_actor, unstructure_actor
from diplomodel.dates import PartialDate
from diplomodel.errors import (
    MAX_MESSAGE,
    MAX_PROBLEMS,
    DataError,
    Problem,
    UnknownStateError,
    shown,
)
from diplomodel.model.actors import Actor
from diplomodel.model.documents import Communique, CooperationAgreement, Document
from diplomodel.states import State, states

DOCUMENT_TAGS: Final[Mapping[type[Document], str]] = {
    Communique: "communique",
    CooperationAgreement: "cooperation_agreement",
}
DocumentUnion = Communique | CooperationAgreement
TAG: Final = "type"

_FIELD_IN_MESSAGE: Final = re.compile(r"'([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)'")


class _ValidatorNote(str):
    """Marks an exception raised by an attrs validator of the named field."""

    __slots__ = ()


def type_name(value: object) -> str:
    """How a JSON value's type reads in a message ("an array")."""
    return {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


# -- scalars ------------------------------------------------------------------


def _structure_str(value: object, _type: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type_name(value)}")
    return value


def _structure_int(value: object, _type: object) -> int:
    if type(value) is not int:
        raise TypeError(f"expected an integer, got {type_name(value)}")
    return value


def _structure_bool(value: object, _type: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {type_name(value)}")
    return value


def _structure_partial_date(value: object, _type: object) -> PartialDate:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string such as '2024-08-21', got {type_name(value)}")
    try:
        return _parse_date(value)
    except DataError as exc:  # reported at this field's path, with the parser's words
        raise ValueError(exc.problems[0].message) from None


@functools.lru_cache(maxsize=8192)
def _parse_date(text: str) -> PartialDate:
    """Partial dates are immutable, so the same text can share one object."""
    return PartialDate.parse(text)


@functools.cache
def _states_by_code() -> dict[str, State]:
    return {state.code: state for state in states}


def _structure_state(value: object, _type: object) -> State:
    found = _states_by_code().get(value) if isinstance(value, str) else None
    if found is not None:
        return found
    if not isinstance(value, str):
        raise TypeError(f"expected a state code such as 'RU', got {type_name(value)}")
    try:
        state = states.get(value)
    except UnknownStateError as exc:
        raise ValueError(str(exc)) from None
    if state.code != value:
        raise ValueError(f"state codes are written as {state.code!r} in files (got {value!r})")
    return state


def _make_enum_hook(type_: Any, _converter: Converter) -> Callable[[Any, Any], Any]:
    """Read an enum member from its value; the message shows any value safely, however large."""
    members: Mapping[Any, Any] = type_._value2member_map_
    name = type_.__name__

    def structure_enum(value: Any, _type: Any) -> Any:
        if isinstance(value, str):
            member = members.get(value)
            if member is not None:
                return member
        else:
            with contextlib.suppress(ValueError, TypeError):
                return type_(value)
        raise ValueError(f"{shown(value)} is not a valid {name}")

    return structure_enum


def _is_enum(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, enum.Enum)


# -- containers ---------------------------------------------------------------


def _is_homogeneous_tuple(type_: Any) -> bool:
    args: tuple[Any, ...] = getattr(type_, "__args__", ())
    return getattr(type_, "__origin__", None) is tuple and len(args) == 2 and args[1] is Ellipsis


def _has_id(type_: Any) -> bool:
    """Whether items of this type are entities, whose ids must be unique in a collection."""
    return type_ is Document or (attrs.has(type_) and hasattr(attrs.fields(type_), "id"))


def _duplicate_ids(items: list[Any], *, first_only: bool = False) -> list[tuple[int, str, int]]:
    """(index, id, index of its first use) for each repeated id (only the first, if asked)."""
    first: dict[str, int] = {}
    repeated: list[tuple[int, str, int]] = []
    for index, item in enumerate(items):
        seen = first.setdefault(item.id, index)
        if seen != index:
            repeated.append((index, item.id, seen))
            if first_only:
                break
    return repeated


def _make_tuple_hook(type_: Any, converter: Converter) -> Callable[[Any, Any], Any]:
    """Structure ``tuple[X, ...]`` from a JSON array only, never from a string or an object.

    Entities in one collection must have distinct ids. The fast converter
    stops at the first bad item (it only needs to know that the input is
    bad); the detailed one goes on until the problem budget is spent.
    """
    item_type = type_.__args__[0]
    item_hook = converter.get_structure_hook(item_type)
    entities = _has_id(item_type)
    if converter.detailed_validation:
        return _detailed_tuple_hook(type_, item_type, item_hook, entities=entities)

    def structure_fast(value: Any, _type: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected an array, got {type_name(value)}")
        items = [item_hook(item, item_type) for item in value]
        if entities and _duplicate_ids(items, first_only=True):
            raise ValueError("duplicate id")  # explained by the detailed converter
        return tuple(items)

    return structure_fast


def _detailed_tuple_hook(
    type_: Any, item_type: Any, item_hook: Callable[[Any, Any], Any], *, entities: bool
) -> Callable[[Any, Any], Any]:
    def structure_detailed(value: Any, _type: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected an array, got {type_name(value)}")
        items = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            if errors and spent(len(value) - index):
                break
            try:
                items.append(item_hook(item, item_type))
            except Exception as exc:  # noqa: BLE001 - collected, then raised as one group
                exc.add_note(IterableValidationNote(f"item {index}", index, item_type))
                errors.append(charge(exc))
        if entities and not errors:
            errors = _duplicate_id_errors(items, item_type)
        if errors:
            raise IterableValidationError(f"while structuring {type_!r}", errors, type_)
        return tuple(items)

    return structure_detailed


def _duplicate_id_errors(items: list[Any], item_type: Any) -> list[Exception]:
    """One error for each item whose id an earlier item already has, within the budget."""
    errors: list[Exception] = []
    for index, repeated, first in _duplicate_ids(items):
        if errors and spent(1):
            break
        problem = ValueError(f"duplicate id {shown(repeated)}: already used at index {first}")
        problem.add_note(AttributeValidationNote("id", "id", str))
        group = ClassValidationError("duplicate id", [charge(problem)], item_type)
        group.add_note(IterableValidationNote(f"item {index}", index, item_type))
        errors.append(group)
    return errors


def _make_tuple_unstructure_hook(type_: Any, converter: Converter) -> Callable[[Any], Any]:
    """Write ``tuple[X, ...]`` as a list, calling the item hook directly (no per-item dispatch)."""
    item_type = type_.__args__[0]
    supertype = getattr(item_type, "__supertype__", None)
    if item_type is str or supertype is str:
        return list
    if item_type is State:
        return lambda items: [item.code for item in items]
    if isinstance(item_type, type) and issubclass(item_type, enum.Enum):
        return lambda items: [item._value_ for item in items]
    item_hook = converter.get_unstructure_hook(item_type)
    return lambda items: [item_hook(item) for item in items]


def _is_optional(type_: Any) -> bool:
    args = typing.get_args(type_)
    return (
        typing.get_origin(type_) in (typing.Union, types.UnionType)
        and len(args) >= 2
        and type(None) in args
    )


def _inner(optional: Any) -> Any:
    """X of ``X | None``, where X may itself be a union (``State | BodyId | None``)."""
    return functools.reduce(
        operator.or_, [a for a in typing.get_args(optional) if a is not type(None)]
    )


def _make_optional_unstructure_hook(type_: Any, converter: Converter) -> Callable[[Any], Any]:
    """Write ``X | None`` with X's hook found once, not looked up for every value."""
    inner = _inner(type_)
    hook = converter.get_unstructure_hook(inner)
    if hook is identity:  # cattrs then writes the value inline, with no call at all
        return identity
    return lambda value: None if value is None else hook(value)


def _enum_value(member: enum.Enum) -> Any:
    return member._value_


def _make_optional_structure_hook(type_: Any, converter: Converter) -> Callable[[Any, Any], Any]:
    """Read ``X | None`` with X's hook found once, not looked up for every value."""
    inner = _inner(type_)
    hook = converter.get_structure_hook(inner)
    return lambda value, _type: None if value is None else hook(value, inner)


def _is_str_mapping(type_: Any) -> bool:
    return getattr(type_, "__origin__", None) is Mapping and type_.__args__ == (str, str)


def _make_names_hook(_type: Any, _converter: Converter) -> Callable[[Any, Any], Any]:
    """Structure a locale → text map from a JSON object of strings."""

    def structure_names(value: Any, _type: Any) -> dict[str, str]:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object of locale to text, got {type_name(value)}")
        errors: list[Exception] = []
        for key, text in value.items():
            if not isinstance(text, str):
                if errors and spent(1):
                    break
                exc = TypeError(f"expected a string, got {type_name(text)}")
                exc.add_note(IterableValidationNote(f"key {shown(key)}", key, str))
                errors.append(charge(exc))
        if errors:
            raise IterableValidationError("while structuring names", errors, dict)
        return dict(value)

    return structure_names


# -- documents ----------------------------------------------------------------


def _unstructure_document(converter: Converter) -> Callable[[Document], dict[str, Any]]:
    """Write a document of any kind with its ``"type"`` tag first."""
    hooks = {kind: converter.get_unstructure_hook(kind) for kind in DOCUMENT_TAGS}

    def unstructure(document: Document) -> dict[str, Any]:
        kind = type(document)
        data: dict[str, Any] = {TAG: DOCUMENT_TAGS[kind]}
        data.update(hooks[kind](document))
        return data

    return unstructure


def _structure_document(converter: Converter) -> Callable[[Any, Any], Document]:
    union_hook = converter.get_structure_hook(DocumentUnion)
    tags = ", ".join(repr(t) for t in DOCUMENT_TAGS.values())
    known = set(DOCUMENT_TAGS.values())

    def structure(value: Any, _type: Any) -> Document:
        if not isinstance(value, dict):
            raise TypeError(f"expected a document object, got {type_name(value)}")
        if TAG not in value:
            raise ValueError(f"a document needs a {TAG!r} tag, one of {tags}")
        tag = value[TAG]
        if tag not in known:
            raise ValueError(f"unknown document type {shown(tag)}; expected one of {tags}")
        document: Document = union_hook(value, DocumentUnion)
        return document

    return structure


# -- the problem budget ----------------------------------------------------------


class Budget:
    """How many more problems the detailed converter may collect in one read.

    Set for the duration of one read with `budget`; the hooks `charge` every
    problem they collect and ask whether the budget is `spent` before doing
    more work, so that a file of a million bad records costs no more than
    `MAX_PROBLEMS` of them. Without a budget set, nothing is limited.
    """

    __slots__ = ("left", "stopped")

    def __init__(self, limit: int) -> None:
        self.left = limit
        self.stopped = False
        """Whether some work was skipped because the budget was spent."""


_BUDGET: Final[contextvars.ContextVar[Budget | None]] = contextvars.ContextVar(
    "diplomodel_problem_budget", default=None
)


@contextlib.contextmanager
def budget(limit: int = MAX_PROBLEMS) -> Iterator[Budget]:
    """Limit the problems collected by detailed structuring inside the block."""
    current = Budget(limit)
    token = _BUDGET.set(current)
    try:
        yield current
    finally:
        _BUDGET.reset(token)


def charge(exc: Exception) -> Exception:
    """Count a collected problem against the budget (a group was counted by its leaves)."""
    current = _BUDGET.get()
    if current is not None and not isinstance(exc, BaseExceptionGroup):
        current.left -= 1
    return exc


def spent(skipped: int) -> bool:
    """Whether the budget is spent; if so, the `skipped` pieces of work left are not done."""
    current = _BUDGET.get()
    if current is None or current.left > 0:
        return False
    if skipped:
        current.stopped = True
    return True


# -- attrs classes, in detail ---------------------------------------------------


def _make_detailed_attrs_hook(
    cls: Any, converter: Converter, *, forbid_extra_keys: bool
) -> Callable[[Any, Any], Any]:
    """Structure an attrs class field by field, collecting every problem.

    Each field is structured on its own; then every attrs validator whose
    field was read is run on its own, on a bare instance holding the values
    read so far, so that one bad field never hides another's problem.
    """
    fields = [a for a in attrs.fields(cls) if a.init]
    hints = typing.get_type_hints(cls)
    hooks = {a.name: converter.get_structure_hook(hints[a.name]) for a in fields}
    known = {a.name for a in fields}

    def structure(value: Any, _type: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {type_name(value)}")
        errors: list[Exception] = []
        extra = set(value) - known
        if extra and forbid_extra_keys:
            errors.append(charge(ForbiddenExtraKeysError("", cls, extra)))
        read = _read_fields(value, fields, hooks, hints, errors)
        if not (errors and spent(1)):
            errors += _validator_errors(cls, fields, read)
        if errors:
            raise ClassValidationError(f"while structuring {cls.__name__}", errors, cls)
        return cls(**{a.alias: read[a.name] for a in fields if a.name in read})

    return structure


def _read_fields(
    value: dict[str, Any],
    fields: list[attrs.Attribute[Any]],
    hooks: dict[str, Callable[[Any, Any], Any]],
    hints: dict[str, Any],
    errors: list[Exception],
) -> dict[str, Any]:
    """Structure each field present on its own; add the problems to `errors`, within the budget."""
    read: dict[str, Any] = {}
    for index, a in enumerate(fields):
        if errors and spent(len(fields) - index):
            break
        if a.name not in value:
            if a.default is attrs.NOTHING:
                missing = KeyError(a.name)
                missing.add_note(AttributeValidationNote(a.name, a.name, hints[a.name]))
                errors.append(charge(missing))
            continue
        try:
            read[a.name] = hooks[a.name](value[a.name], hints[a.name])
        except Exception as exc:  # noqa: BLE001 - collected, then raised as one group
            exc.add_note(AttributeValidationNote(a.name, a.name, hints[a.name]))
            errors.append(charge(exc))
    return read


def _validator_errors(
    cls: type[Any], fields: list[attrs.Attribute[Any]], read: dict[str, Any]
) -> list[Exception]:
    shell = object.__new__(cls)
    for a in fields:
        if a.name in read:
            object.__setattr__(shell, a.name, read[a.name])
        elif a.default is not attrs.NOTHING:
            default: Any = a.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                make: Any = default.factory
                default = make(shell) if default.takes_self else make()
            object.__setattr__(shell, a.name, default)
    errors: list[Exception] = []
    for a in fields:
        if a.validator is None or a.name not in read:
            continue
        try:
            a.validator(shell, a, read[a.name])
        except AttributeError:
            continue  # it needs another field, which was itself unreadable
        except (ValueError, TypeError) as exc:
            exc.add_note(_ValidatorNote(a.name))
            errors.append(charge(exc))
    return errors


# -- configuration --------------------------------------------------------------


def configure(
    converter: Converter, *, detailed: bool, forbid_extra_keys: bool, dates: Any = None
) -> None:
    """Register every diplomodel hook; `dates`: (unstructure, structure) instead of ISO text."""
    if detailed:
        converter.register_structure_hook_factory(
            attrs.has,
            lambda cls, conv: _make_detailed_attrs_hook(
                cls, conv, forbid_extra_keys=forbid_extra_keys
            ),
        )
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    write_date, read_date = dates or (PartialDate.isoformat, _structure_partial_date)
    converter.register_structure_hook(PartialDate, read_date)
    converter.register_unstructure_hook(PartialDate, write_date)
    converter.register_structure_hook(State, _structure_state)
    converter.register_unstructure_hook(State, operator.attrgetter("code"))
    converter.register_structure_hook(Actor, structure_actor)
    converter.register_unstructure_hook(Actor, unstructure_actor)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _make_tuple_hook)
    converter.register_unstructure_hook_factory(_is_homogeneous_tuple, _make_tuple_unstructure_hook)
    converter.register_unstructure_hook_factory(_is_optional, _make_optional_unstructure_hook)
    converter.register_structure_hook_factory(_is_optional, _make_optional_structure_hook)
    converter.register_unstructure_hook(enum.Enum, operator.attrgetter("_value_"))
    converter.register_structure_hook_factory(_is_enum, _make_enum_hook)
    converter.register_structure_hook_factory(_is_str_mapping, _make_names_hook)
    converter.register_unstructure_hook_func(_is_str_mapping, dict)
    configure_tagged_union(
        DocumentUnion, converter, tag_generator=DOCUMENT_TAGS.__getitem__, tag_name=TAG
    )
    converter.register_unstructure_hook(Document, _unstructure_document(converter))
    converter.register_structure_hook(Document, _structure_document(converter))


# -- problems -------------------------------------------------------------------


def problems(exc: BaseException, path: str = "$") -> list[Problem]:
    """Every problem inside a (nested) cattrs error, with its path."""
    if isinstance(exc, IterableValidationError):
        with_index, without = exc.group_exceptions()
        found = [
            p
            for sub, n in with_index
            for p in problems(sub, f"{path}[{shown(n.index, MAX_MESSAGE)}]")
        ]
        return found + [p for sub in without for p in problems(sub, path)]
    if isinstance(exc, ClassValidationError):
        with_name, others = exc.group_exceptions()
        found = []
        for sub, note in with_name:
            found += problems(sub, f"{path}.{note.name}")
        for sub in others:
            found += problems(sub, _validator_path(sub, path))
        return found
    return [_problem(exc, path)]


def _validator_path(exc: BaseException, path: str) -> str:
    """Point at the field (and item) that a validator's message names."""
    field = next((n for n in getattr(exc, "__notes__", ()) if isinstance(n, _ValidatorNote)), None)
    if field is None:
        return path
    match = _FIELD_IN_MESSAGE.match(str(exc))
    if match is not None and match.group(1) == field:
        return f"{path}.{field}{match.group(2)}"
    return f"{path}.{field}"


def _problem(exc: BaseException, path: str) -> Problem:
    """One leaf error as a problem a person can read."""
    if isinstance(exc, ForbiddenExtraKeysError):
        return Problem(path=path, message=_unknown_keys(exc.extra_fields))
    if isinstance(exc, KeyError):
        return Problem(path=path, message="required field missing")
    if isinstance(exc, RecursionError):
        return Problem(path=path, message="nested too deeply")
    message = str(exc) or type(exc).__name__
    if not isinstance(exc, ValueError | TypeError):
        message = f"invalid value ({type(exc).__name__}: {message})"
    return Problem(path=path, message=message)


_KEYS_SHOWN: Final = 10


def _unknown_keys(keys: set[Any]) -> str:
    """The message for unknown keys: the first few in sorted order, then how many more."""
    texts = [k for k in keys if type(k) is str]  # JSON keys; a dict from Python may hold others
    others = [k for k in keys if type(k) is not str] if len(texts) < len(keys) else []
    first = heapq.nsmallest(_KEYS_SHOWN, texts)
    first += heapq.nsmallest(_KEYS_SHOWN - len(first), others, key=shown)
    label = "unknown key" if len(keys) == 1 else "unknown keys"
    listed = ", ".join(shown(k) for k in first)
    more = len(keys) - len(first)
    return f"{label} {listed}" + (f" and {more:,} more" if more else "")
