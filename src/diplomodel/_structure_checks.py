"""What the generated structure functions check, and what reading a value already proved. Private.

`diplomodel._structure` writes one function per attrs class; this module
writes the part of it that calls each field's validators: it knows which
types each of the converter's hooks can produce, skips the validators that
reading has already proved, and writes the length and uniqueness checks of
a tuple as one line where its items are compared as themselves.
"""

from __future__ import annotations

import enum
import typing
from typing import Any, Final, Protocol

import attrs

from diplomodel import _hooks
from diplomodel import _validators as v
from diplomodel.dates import PartialDate
from diplomodel.model.actors import Actor
from diplomodel.model.documents import Document
from diplomodel.organizations import Organization
from diplomodel.states import State

__all__ = ["Emitter", "emit_checks", "is_str_newtype", "optional_inner", "produces", "proved"]

_NONE: Final = type(None)


class Emitter(Protocol):
    """Where generated lines go: names for values in its namespace, and indented lines."""

    def name(self, value: Any, prefix: str = "_c") -> str: ...

    def emit(self, indent: int, line: str) -> None: ...


# -- what a hook can produce ---------------------------------------------------------


def optional_inner(hint: Any) -> Any | None:
    """X of ``X | None`` (X may be a union), or None if `hint` is not optional."""
    if not _hooks._is_optional(hint):  # noqa: SLF001 - the converter's own test
        return None
    return _hooks._inner(hint)  # noqa: SLF001


def produces(hint: Any) -> frozenset[type] | None:
    """The types of every value the converter's hook for `hint` returns; None if unknown."""
    inner = optional_inner(hint)
    if inner is not None:
        found = produces(inner)
        return None if found is None else found | {_NONE}
    if hint is Actor:
        return frozenset({State, Organization, str})
    if hint in (str, int, bool, PartialDate, State) or is_str_newtype(hint):
        return frozenset({str if is_str_newtype(hint) else hint})
    if (isinstance(hint, type) and issubclass(hint, enum.Enum)) or attrs.has(hint):
        return frozenset({hint})
    if hint is Document:
        return frozenset({Document})
    return None


def is_str_newtype(hint: Any) -> bool:
    return getattr(hint, "__supertype__", None) is str


def proved(types_: frozenset[type] | None, allowed: tuple[type, ...] | None) -> bool:
    """Whether every type the hook produces passes a check that only accepts `allowed`."""
    return (
        types_ is not None and allowed is not None and all(issubclass(t, allowed) for t in types_)
    )


def emit_checks(  # noqa: PLR0913, PLR0917 - where, which field, which checks
    w: Emitter, indent: int, var: str, a: attrs.Attribute[Any], hint: Any, parts: list[Any]
) -> None:
    """Emit the calls of the validators in `parts` of one field that reading it has not proved."""
    produced = None if a.converter is not None else produces(hint)
    item_types = None
    if a.converter is None and _hooks._is_homogeneous_tuple(hint):  # noqa: SLF001
        item_types = produces(hint.__args__[0])
    attribute = w.name(a, "_a")
    for part in parts:
        call = f"{w.name(part)}(self, {attribute}, {var})"
        if proved(produced, v.checked_types(part)):
            continue
        if item_types is not None and _emit_tuple_check(
            w, indent, part, item_types, var, attribute
        ):
            continue
        guard = _guard(w, part, produced, var)
        if v.passes_empty(part):  # nothing to ask about an empty value
            guard = var if guard is None else f"{var} and ({guard})"
        if guard is not None:
            w.emit(indent, f"if {guard}:")
            w.emit(indent + 1, call)
        else:
            w.emit(indent, call)


def _emit_tuple_check(  # noqa: PLR0913, PLR0917 - where, which check, what is proved
    w: Emitter,
    indent: int,
    part: Any,
    item_types: frozenset[type] | None,
    var: str,
    attribute: str,
) -> bool:
    """Emit a `tuple_of` check that skips what reading proved; False if `part` is no such check."""
    shape = v.tuple_shape(part)
    if shape is None:
        return False
    member, rest = shape
    call = f"{w.name(part)}(self, {attribute}, {var})"
    rest_call = None if rest is None else f"{w.name(rest)}(self, {attribute}, {var})"
    if item_types is not None and proved(item_types, v.checked_types(member)):
        if rest_call is not None:
            for line in _inline_rest(w, part, item_types, var) or [rest_call]:
                w.emit(indent, line)
        return True
    guard = _guard(w, member, item_types, "_i")
    if guard is None:
        return False
    w.emit(indent, f"for _i in {var}:")  # the whole check runs only for an item the guard lets by
    w.emit(indent + 1, f"if {guard}:")
    w.emit(indent + 2, call)
    w.emit(indent + 2, "break")
    if rest_call is not None:  # every item is of a type the guard let by
        shortcut = v.passes_at_once(member)
        accepted, test = shortcut if shortcut is not None else ((), None)
        passed = frozenset(accepted) | ({str} if test is not None else set())
        w.emit(indent, "else:")
        for line in _inline_rest(w, part, passed, var) or [rest_call]:
            w.emit(indent + 1, line)
    return True


def _guard(w: Emitter, check: Any, types_: frozenset[type] | None, var: str) -> str | None:
    """A test of `var` that is false only where `check` surely passes (None: call it always)."""
    shortcut = v.passes_at_once(check)
    if shortcut is None:
        return None
    accepted, test = shortcut
    tests = []
    if accepted:
        tests.append(f"{var}.__class__ not in {w.name(frozenset(accepted))}")
    if test is not None and (types_ is None or str in types_):
        tests.append(f"({var}.__class__ is not str or not {w.name(test)}({var}))")
    return " and ".join(tests) or None


_SINGLETONS: Final = (enum.Enum, State, Organization)
"""Types whose equal values are one object: registry entries and enum members."""

_PLAIN: Final = frozenset({str, int, bool, _NONE})
"""Types compared and hashed by value in C: a tuple of them is equal where its items are."""


def _compared_fields(item_types: frozenset[type]) -> list[tuple[str, str]] | None:
    """For items of one attrs class compared by attrs' own equality, the fields it compares.

    Each comes with how its values are compared (a key of `_KEYS`): by value
    (text, numbers, None), by identity (enum members and registry entries,
    one object for equal values as the hooks read them), or text by value
    and the rest by identity (an actor: a body's id, a state or an
    organisation; an int never equals a str). Two such items are equal
    exactly where the tuples of those keys are; None for any other items.
    """
    if len(item_types) != 1:
        return None
    (cls,) = item_types
    eq = getattr(getattr(cls, "__eq__", None), "__code__", None)
    if not attrs.has(cls) or eq is None or not eq.co_filename.startswith("<attrs generated"):
        return None
    hints = typing.get_type_hints(cls)
    compared = []
    for a in attrs.fields(cls):
        if not a.eq:
            continue
        made = produces(hints[a.name])
        if a.eq_key is not None or a.converter is not None or made is None:
            return None
        ones = {t for t in made if issubclass(t, _SINGLETONS)} | ({_NONE} & made)
        if made <= _PLAIN:
            compared.append((a.name, "value"))
        elif made == ones:
            compared.append((a.name, "identity"))
        elif made - ones == {str}:
            compared.append((a.name, "text or identity"))
        else:
            return None
    return compared if compared and all(n.isidentifier() for n, _ in compared) else None


_KEYS: Final = {
    "value": "{0}",
    "identity": "_id({0})",
    "text or identity": "({0} if {0}.__class__ is str else _id({0}))",
}


def _inline_rest(w: Emitter, part: Any, item_types: frozenset[type], var: str) -> list[str] | None:
    """The length and uniqueness checks of a `tuple_of` as lines that raise, where they can be.

    Not for items in date order (None). Items with a key are compared by
    their keys, as the check compares them; others as themselves: by
    identity where equal values are one object (enum members, registry
    entries), else by their own equality and hash, as the check compares them.
    Two items, the usual number, are compared with each other at once, without
    the set that more items need (several times cheaper).
    """
    facts = v.facts_of(part)
    if facts.get("chronological") is not None:
        return None
    first, second = f"{var}[0]", f"{var}[1]"
    if facts.get("key") is not None:  # "the same" by a key: a participant's person and role
        key = w.name(facts["key"])
        distinct = f"_len(set(map({key}, {var})))"
        same: str | None = f"{key}({first}) == {key}({second})"
    elif item_types and all(issubclass(t, _SINGLETONS) for t in item_types):
        distinct = f"_len(set(map(_id, {var})))"
        same = f"{first} is {second}"
    elif (fields := _compared_fields(item_types)) is not None:  # value objects, field by field
        key = ", ".join(_KEYS[how].format(f"_i.{name}") for name, how in fields)
        distinct = f"_len({{({key},) for _i in {var}}})"
        same = " and ".join(  # their keys, field by field, without making the tuples
            f"{_KEYS[how].format(f'{first}.{name}')} == {_KEYS[how].format(f'{second}.{name}')}"
            for name, how in fields
        )
    else:  # compared by their own equality, as the check compares them
        distinct = f"_len(set({var}))"
        same = f"{first} == {second}" if item_types and item_types <= _PLAIN else None
    tests = []
    if facts.get("min_length"):
        tests.append(f"_k < {int(facts['min_length'])}")
    if facts.get("max_length") is not None:
        tests.append(f"_k > {int(facts['max_length'])}")
    if facts.get("unique"):
        if same is None:
            tests.append(f"{distinct} != _k")
        else:
            tests.append(f"_k > 1 and (({same}) if _k == 2 else {distinct} != _k)")
    if not tests:
        return ["pass"]
    return [f"_k = _len({var})", f"if {' or '.join(tests)}: raise _Rejected"]
