"""Structure functions generated per attrs class: read each field, check it once, build. Private.

cattrs' own functions structure every field through a hook and then call the
class, whose attrs validators check every value again. The functions made
here do the same work once. For each class they are generated from its
attrs fields and type hints (nothing is listed per class), and then cached
by the converter like any cattrs hook:

- each field is read as the converter's hook would read it, with the
  common hooks (text, integers, enums, states, tuples) inlined;
- the instance is built as its attrs ``__init__`` builds it (converters,
  defaults and factories in field order, ``__attrs_pre_init__`` and
  ``__attrs_post_init__``), without running that ``__init__``;
- each validator then runs once, except those the reading has already
  proved: a validator that only checks a value's type
  (`diplomodel._validators.checked_types`) is skipped where the field's
  hook can only produce that type, and a `tuple_of` whose items are so
  proved only checks its length, uniqueness and order. Validators that
  relate fields (``not_before``, ``other_than``, ``coherent`` ...) always run.

Any input other than a plain dict goes to cattrs' own function for the class,
so exotic input is read exactly as before. The functions only decide and
build: a failure raises some exception, and the caller explains the input
with the detailed converter (`diplomodel._hooks`), as it always has. The
differential tests (``tests/test_structure.py``, ``benchmarks/differential.py``)
hold them to cattrs' decisions and results.
"""

from __future__ import annotations

import enum
import inspect
import itertools
import sys
import threading
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs
from cattrs import Converter

from diplomodel import _hooks
from diplomodel import _validators as v
from diplomodel._actor_hooks import structure_actor
from diplomodel.dates import PartialDate
from diplomodel.model.actors import Actor
from diplomodel.model.documents import Document
from diplomodel.organizations import Organization
from diplomodel.states import State

__all__ = ["building", "mentions", "register"]

Hook = Callable[[Any, Any], Any]

_NONE: Final = type(None)
_names = itertools.count()


class _Rejected(Exception):  # noqa: N818 - never seen: the detailed converter explains
    """The fast path's own refusal (a wrong type, an unknown key, a repeated id)."""


def register(converter: Converter, *, forbid_extra_keys: bool) -> None:
    """Make `converter` structure every attrs class, and documents, with generated functions."""
    converter.register_structure_hook_factory(
        attrs.has,
        lambda cls, conv: _make(cls, conv, forbid_extra_keys=forbid_extra_keys, tag=None),
    )
    reference = converter.get_structure_hook(Document)
    kinds = {
        tag: _make(kind, converter, forbid_extra_keys=forbid_extra_keys, tag=_hooks.TAG)
        for kind, tag in _hooks.DOCUMENT_TAGS.items()
    }

    def structure_document(value: Any, type_: Any) -> Any:
        if value.__class__ is dict:
            tag = value.get(_hooks.TAG)
            structure = kinds.get(tag) if tag.__class__ is str else None
            if structure is not None:
                return structure(value, type_)
        return reference(value, type_)  # explains, or reads a mapping of another class

    converter.register_structure_hook(Document, structure_document)


# -- what a hook can produce ---------------------------------------------------------


def _optional_inner(hint: Any) -> Any | None:
    """X of ``X | None`` (X may be a union), or None if `hint` is not optional."""
    if not _hooks._is_optional(hint):  # noqa: SLF001 - the converter's own test
        return None
    return _hooks._inner(hint)  # noqa: SLF001


def _produces(hint: Any) -> frozenset[type] | None:
    """The types of every value the converter's hook for `hint` returns; None if unknown."""
    inner = _optional_inner(hint)
    if inner is not None:
        found = _produces(inner)
        return None if found is None else found | {_NONE}
    if hint is Actor:
        return frozenset({State, Organization, str})
    if hint in (str, int, bool, PartialDate, State) or _is_str_newtype(hint):
        return frozenset({str if _is_str_newtype(hint) else hint})
    if (isinstance(hint, type) and issubclass(hint, enum.Enum)) or attrs.has(hint):
        return frozenset({hint})
    if hint is Document:
        return frozenset({Document})
    return None


def _is_str_newtype(hint: Any) -> bool:
    return getattr(hint, "__supertype__", None) is str


def _proved(types_: frozenset[type] | None, allowed: tuple[type, ...] | None) -> bool:
    """Whether every type the hook produces passes a check that only accepts `allowed`."""
    return (
        types_ is not None and allowed is not None and all(issubclass(t, allowed) for t in types_)
    )


# -- generating ---------------------------------------------------------------------------


class _Writer:
    """The lines and the namespace of one generated function."""

    def __init__(self, converter: Converter) -> None:
        self.converter = converter
        self.lines: list[str] = []
        self.names: dict[str, Any] = {
            "_new": object.__new__,
            "_set": object.__setattr__,
            "_Rejected": _Rejected,
            "_isinstance": isinstance,
            "_tuple": tuple,
            "_len": len,
            "_id": id,
            "_intern": sys.intern,
        }

    def name(self, value: Any, prefix: str = "_c") -> str:
        """A name in the generated code's namespace that holds `value`."""
        key = f"{prefix}{next(_names)}"
        self.names[key] = value
        return key

    def emit(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)

    def read(self, indent: int, var: str, hint: Any) -> None:  # noqa: PLR0911 - one case a return
        """Emit code that turns the JSON value in `var` into the structured value, in place."""
        if _mentions(hint, _building()):  # a class that holds itself: look its hook up on use
            structure = self.name(self.converter.structure)
            self.emit(indent, f"{var} = {structure}({var}, {self.name(hint)})")
            return
        hook = self.converter.get_structure_hook(hint)
        inner = _optional_inner(hint)
        if inner is not None and hook.__qualname__.startswith("_make_optional_structure_hook"):
            self.emit(indent, f"if {var} is not None:")
            self.read(indent + 1, var, inner)
            return
        tuple_hook = hook.__qualname__.startswith("_make_tuple_hook")
        if tuple_hook and _hooks._is_homogeneous_tuple(hint):  # noqa: SLF001
            self._read_tuple(indent, var, hint, hook)
            return
        wrong = self._wrong(hint, hook)
        if wrong is not None and _is_str_newtype(hint):  # an id, named again by others: kept once
            self.emit(indent, f"if {var}.__class__ is str:")
            self.emit(indent + 1, f"{var} = _intern({var})")
            self.emit(indent, f"elif {wrong.format(var)}:")
            self.emit(indent + 1, "raise _Rejected")
            return
        if wrong is not None:  # the hook returns the value itself, or refuses it
            self.emit(indent, f"if {wrong.format(var)}:")
            self.emit(indent + 1, "raise _Rejected")
            return
        if hook is _hooks._structure_partial_date:  # noqa: SLF001 - its cache, without the call
            parse, t, h = self.name(_hooks._parse_date), self.name(hint), self.name(hook)  # noqa: SLF001
            self.emit(
                indent, f"{var} = {parse}({var}) if {var}.__class__ is str else {h}({var}, {t})"
            )
            return
        table = self._lookup_table(hint, hook)
        if table is not None:
            found, t, h = self.name(table), self.name(hint), self.name(hook)
            self.emit(indent, f"if {var}.__class__ is str and {var} in {found}:")
            self.emit(indent + 1, f"{var} = {found}[{var}]")
            self.emit(indent, "else:")
            self.emit(indent + 1, f"{var} = {h}({var}, {t})")
            return
        self.emit(indent, f"{var} = {self.name(hook)}({var}, {self.name(hint)})")

    def _wrong(self, hint: Any, hook: Hook) -> str | None:
        """For a hook that returns the value itself or raises, the test (of ``{}``) for raising."""
        if _is_str_newtype(hint):  # cattrs reads a NewType with its base type's hook
            hint, hook = str, self.converter.get_structure_hook(str)
        tests = {
            str: (_hooks._structure_str, "not _isinstance({}, str)"),  # noqa: SLF001
            int: (_hooks._structure_int, "{}.__class__ is not int"),  # noqa: SLF001
            bool: (_hooks._structure_bool, "{}.__class__ is not bool"),  # noqa: SLF001
        }
        expected, test = tests.get(hint, (None, None))
        return test if expected is not None and hook is expected else None

    def _lookup_table(self, hint: Any, hook: Hook) -> Mapping[str, Any] | None:
        """For a hook that reads text through a fixed table, the table (else None)."""
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            if hook.__qualname__.startswith("_make_enum_hook"):
                return dict(hint._value2member_map_)
            return None
        if hint is State and hook is _hooks._structure_state:  # noqa: SLF001
            return _hooks._states_by_code()  # noqa: SLF001
        if hint is Actor and hook is structure_actor:
            return _actors_by_code()
        return None

    def _read_tuple(self, indent: int, var: str, hint: Any, hook: Hook) -> None:
        item = hint.__args__[0]
        item_hook = self.converter.get_structure_hook(item)
        full, t = self.name(hook), self.name(hint)
        self.emit(indent, f"if {var}.__class__ is not list:")
        self.emit(indent + 1, f"{var} = {full}({var}, {t})")
        self.emit(indent, "else:")
        table = self._lookup_table(item, item_hook)
        wrong = self._wrong(item, item_hook)
        if wrong is not None:
            test = wrong.format("_i")
            if item is str or _is_str_newtype(item):  # the exact class first: the usual case
                test = f"_i.__class__ is not str and {test}"
            self.emit(indent + 1, f"for _i in {var}:")
            self.emit(indent + 2, f"if {test}:")
            self.emit(indent + 3, "raise _Rejected")
            if _is_str_newtype(item):  # ids, named again by other records: kept once
                self.emit(
                    indent + 1,
                    f"{var} = _tuple([_intern(_i) if _i.__class__ is str else _i for _i in {var}])",
                )
            else:
                self.emit(indent + 1, f"{var} = _tuple({var})")
        elif table is not None:
            found, h, ti = self.name(table), self.name(item_hook), self.name(item)
            self.emit(
                indent + 1,
                f"{var} = _tuple([{found}[_i] if _i.__class__ is str and _i in {found} "
                f"else {h}(_i, {ti}) for _i in {var}])",
            )
        else:
            h, ti = self.name(item_hook), self.name(item)
            self.emit(indent + 1, f"{var} = _tuple([{h}(_i, {ti}) for _i in {var}])")
        if _hooks._has_id(item):  # noqa: SLF001 - entities in one collection have distinct ids
            self.emit(indent + 1, f"if _len({{_i.id for _i in {var}}}) != _len({var}):")
            self.emit(indent + 2, "raise _Rejected")


_local = threading.local()


def _building(kind: str = "structure") -> set[type[Any]]:
    """The classes whose functions of `kind` this thread is generating right now."""
    found: set[type[Any]] | None = getattr(_local, kind, None)
    if found is None:
        found = set()
        setattr(_local, kind, found)
    return found


def building(kind: str) -> set[type[Any]]:
    """The classes whose functions of `kind` (``"unstructure"`` ...) this thread is generating."""
    return _building(kind)


def mentions(hint: Any, classes: set[type[Any]]) -> bool:
    """Whether `hint` is one of `classes` or holds one (in a union, a tuple ...)."""
    return _mentions(hint, classes)


def _mentions(hint: Any, classes: set[type[Any]]) -> bool:
    """Whether `hint` is one of `classes` or holds one (in a union, a tuple ...)."""
    return hint in classes or any(_mentions(arg, classes) for arg in typing.get_args(hint))


def _actors_by_code() -> dict[str, Any]:
    """Each state code and the actor the Actor hook reads from it (checked, not assumed)."""
    return {
        code: state
        for code, state in _hooks._states_by_code().items()  # noqa: SLF001
        if structure_actor(code) is state
    }


def _supported(cls: type[Any]) -> bool:
    """Whether instances can be built here exactly as the class's attrs ``__init__`` builds them."""
    if "__attrs_init__" in vars(cls) or not isinstance(getattr(cls, "__slots__", None), tuple):
        return False
    if "_attrs_cached_hash" in getattr(cls, "__slots__", ()):  # attrs would reset it
        return False
    pre = getattr(cls, "__attrs_pre_init__", None)
    if pre is not None and len(inspect.signature(pre).parameters) != 1:  # only self
        return False
    return all(_plain_field(a) for a in attrs.fields(cls))


def _plain_field(a: attrs.Attribute[Any]) -> bool:
    """A field set from the input or its default, through at most a one-argument converter."""
    if a.converter is not None and (
        not a.init or not callable(a.converter) or isinstance(a.converter, attrs.Converter)
    ):
        return False
    return a.init or a.default is not attrs.NOTHING


def _make(
    cls: type[Any], converter: Converter, *, forbid_extra_keys: bool, tag: str | None
) -> Hook:
    """The generated structure function of `cls` (cattrs' own, for a class built otherwise).

    A class asked for again while its own function is being made (an
    `Organization` holds memberships whose member may be an organisation) gets
    a function that looks the finished one up when it is first called.
    """
    building = _building()
    if cls in building:
        return _later(cls, converter) if tag is None else _untagged(_later(cls, converter), tag)
    building.add(cls)
    try:
        reference = converter.gen_structure_attrs_fromdict(cls)
        if not _supported(cls):
            return reference if tag is None else _untagged(reference, tag)
        return _generate(cls, converter, reference, forbid_extra_keys=forbid_extra_keys, tag=tag)
    finally:
        building.discard(cls)


def _later(cls: type[Any], converter: Converter) -> Hook:
    """The structure function of `cls` as the converter will hold it once it is made."""

    def structure_later(value: Any, type_: Any) -> Any:
        return converter.get_structure_hook(cls)(value, type_)

    return structure_later


def _generate(
    cls: type[Any],
    converter: Converter,
    reference: Hook,
    *,
    forbid_extra_keys: bool,
    tag: str | None,
) -> Hook:
    w = _Writer(converter)
    fields = attrs.fields(cls)
    hints = typing.get_type_hints(cls)
    w.emit(0, "def structure(value, _type=None):")
    w.emit(1, "if value.__class__ is not dict:")
    if tag is None:
        w.emit(2, f"return {w.name(reference)}(value, _type)")
    else:  # a document's own kind, tag included: as the tagged union reads it
        w.emit(2, "raise _Rejected")
    w.emit(1, f"self = _new({w.name(cls)})")
    if getattr(cls, "__attrs_pre_init__", None) is not None:
        w.emit(1, "self.__attrs_pre_init__()")
    if forbid_extra_keys:  # counts the known keys it reads: any other key makes more
        w.emit(1, "_n = 0")
    for index, a in enumerate(fields):
        _emit_field(w, cls, index, a, hints[a.name], count=forbid_extra_keys)
    if forbid_extra_keys:
        required = sum(a.init and a.default is attrs.NOTHING for a in fields) + (tag is not None)
        w.emit(1, f"if _len(value) != _n + {required}:")
        w.emit(2, "raise _Rejected")
    for index, a in enumerate(fields):  # checks that relate fields, once every field is set
        relating = [part for part in v.parts_of(a.validator) if not v.judges_alone(part)]
        _emit_checks(w, 1, f"f{index}", a, hints[a.name], relating)
    if getattr(cls, "__attrs_post_init__", None) is not None:
        w.emit(1, "self.__attrs_post_init__()")
    w.emit(1, "return self")
    source = "\n".join(w.lines) + "\n"
    filename = f"<diplomodel generated structure {cls.__module__}.{cls.__qualname__}>"
    exec(compile(source, filename, "exec"), w.names)  # noqa: S102 - code generated from attrs fields
    structure: Hook = w.names["structure"]
    structure.__doc__ = source  # readable when debugging: the code the function runs
    return structure


def _untagged(structure: Hook, tag: str) -> Hook:
    """Read a tagged variant as the tagged union does: a copy of the input without its tag."""

    def structure_untagged(value: Any, type_: Any) -> Any:
        rest = dict(value)
        del rest[tag]
        return structure(rest, type_)

    return structure_untagged


def _emit_field(  # noqa: PLR0913 - where, which field, and whether to count its key
    w: _Writer, cls: type[Any], index: int, a: attrs.Attribute[Any], hint: Any, *, count: bool
) -> None:
    """Emit the reading of one field and the checks that judge its value alone.

    Those checks run as soon as the value is read from the input; a default
    that passes them (tried here, once) is not checked again. Checks that
    relate fields run once every field is set (`_emit_checks`).
    """
    var = f"f{index}"
    default: Any = a.default
    own = [part for part in v.parts_of(a.validator) if v.judges_alone(part)]
    if a.init and default is attrs.NOTHING:
        w.emit(1, f"{var} = value[{a.name!r}]")
        w.read(1, var, hint)
        _emit_converted(w, 1, a, var)
        _emit_checks(w, 1, var, a, hint, own)
    elif a.init:
        w.emit(1, f"if {a.name!r} in value:")
        if count:
            w.emit(2, "_n += 1")
        w.emit(2, f"{var} = value[{a.name!r}]")
        w.read(2, var, hint)
        _emit_converted(w, 2, a, var)
        _emit_checks(w, 2, var, a, hint, own)
        w.emit(1, "else:")
        w.emit(2, f"{var} = {_default(w, default)}")
        _emit_converted(w, 2, a, var)
        _emit_checks(w, 2, var, a, hint, [p for p in own if not _passes(p, a, default)])
    else:
        w.emit(1, f"{var} = {_default(w, default)}")
        _emit_converted(w, 1, a, var)
        _emit_checks(w, 1, var, a, hint, own)
    slot = _slot(cls, a.name)
    if slot is not None:  # the slot's own setter: what object.__setattr__ finds, without the search
        w.emit(1, f"{w.name(slot.__set__, '_s')}(self, {var})")
    else:
        w.emit(1, f"_set(self, {a.name!r}, {var})")


def _emit_converted(w: _Writer, indent: int, a: attrs.Attribute[Any], var: str) -> None:
    if a.converter is not None:
        w.emit(indent, f"{var} = {w.name(a.converter)}({var})")


def _passes(check: Any, a: attrs.Attribute[Any], default: Any) -> bool:
    """Whether a check that judges its value alone passes a field's constant default."""
    if a.converter is not None or isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return False
    try:
        check(None, a, default)
    except Exception:  # noqa: BLE001 - a default that fails is checked every time, as attrs does
        return False
    return True


def _slot(cls: type[Any], name: str) -> Any | None:
    """The slot that holds field `name` of `cls` instances (None: not a plain slot)."""
    for klass in cls.__mro__:
        if name in vars(klass):
            found = vars(klass)[name]
            return found if isinstance(found, types.MemberDescriptorType) else None
    return None


def _default(w: _Writer, default: Any) -> str:
    """The expression of a field's default, as its attrs ``__init__`` computes it."""
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory = w.name(default.factory)
        return f"{factory}(self)" if default.takes_self else f"{factory}()"
    return w.name(default)


def _emit_checks(  # noqa: PLR0913, PLR0917 - where, which field, which checks
    w: _Writer, indent: int, var: str, a: attrs.Attribute[Any], hint: Any, parts: list[Any]
) -> None:
    """Emit the calls of the validators in `parts` of one field that reading it has not proved."""
    produced = None if a.converter is not None else _produces(hint)
    item_types = None
    if a.converter is None and _hooks._is_homogeneous_tuple(hint):  # noqa: SLF001
        item_types = _produces(hint.__args__[0])
    attribute = w.name(a, "_a")
    for part in parts:
        call = f"{w.name(part)}(self, {attribute}, {var})"
        if _proved(produced, v.checked_types(part)):
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
    w: _Writer,
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
    if item_types is not None and _proved(item_types, v.checked_types(member)):
        if rest_call is not None:
            w.emit(indent, _inline_rest(part, item_types, var) or rest_call)
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
        w.emit(indent + 1, _inline_rest(part, passed, var) or rest_call)
    return True


def _guard(w: _Writer, check: Any, types_: frozenset[type] | None, var: str) -> str | None:
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


def _inline_rest(part: Any, item_types: frozenset[type], var: str) -> str | None:
    """The length and uniqueness checks of a `tuple_of` as one line that raises, where it can be.

    Only for items compared as themselves (no key, no date order): by
    identity where equal values are one object (enum members, registry
    entries), else by their own equality and hash, as the check compares them.
    """
    facts = v.facts_of(part)
    if facts.get("key") is not None or facts.get("chronological") is not None:
        return None
    if item_types and all(issubclass(t, _SINGLETONS) for t in item_types):
        items = f"map(_id, {var})"
    else:  # compared by their own equality, as the check compares them
        items = var
    tests = []
    if facts.get("min_length"):
        tests.append(f"_len({var}) < {int(facts['min_length'])}")
    if facts.get("max_length") is not None:
        tests.append(f"_len({var}) > {int(facts['max_length'])}")
    if facts.get("unique"):
        tests.append(f"_len(set({items})) != _len({var})")
    return f"if {' or '.join(tests)}: raise _Rejected" if tests else "pass"
