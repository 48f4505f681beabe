"""Structure functions generated per attrs class: read each field, check it once, build. Private.

cattrs' own functions structure every field through a hook and then call the
class, whose attrs validators check every value again. The functions made
here do the same work once. For each class they are generated from its
attrs fields and type hints (nothing is listed per class), and then cached
by the converter like any cattrs hook:

- each field is read as the converter's hook would read it, with the
  common hooks (text, integers, enums, states, tuples) inlined: text that
  names an enum member or a state is one lookup in a table, and a list of
  up to four items is read item by item, without a loop;
- the instance is built as its attrs ``__init__`` builds it (converters,
  defaults and factories in field order, ``__attrs_pre_init__`` and
  ``__attrs_post_init__``), without running that ``__init__``: its fields
  are stored as a private builder subclass's plain slots, and it then
  becomes an instance of the class itself (`_builder`);
- an id that names another record is checked once and then taken from a
  memo of ids that passed its field's checks (`_memo`);
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

import abc
import enum
import inspect
import itertools
import keyword
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
from diplomodel._structure_checks import (
    emit_checks,
    is_str_newtype,
    optional_inner,
)
from diplomodel.model._fields import fields_of
from diplomodel.model.actors import Actor
from diplomodel.model.documents import Document
from diplomodel.states import State

__all__ = ["building", "mentions", "register"]

Hook = Callable[[Any, Any], Any]

_names = itertools.count()


_NOKEY: Final = object()
"""The key under which no table of text holds anything (see `_keyed`)."""


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
            "_NOKEY": _NOKEY,
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
        inner = optional_inner(hint)
        if inner is not None and hook.__qualname__.startswith("_make_optional_structure_hook"):
            self.emit(indent, f"if {var} is not None:")
            self.read(indent + 1, var, inner)
            return
        tuple_hook = hook.__qualname__.startswith("_make_tuple_hook")
        if tuple_hook and _hooks._is_homogeneous_tuple(hint):  # noqa: SLF001
            self._read_tuple(indent, var, hint, hook)
            return
        wrong = self._wrong(hint, hook)
        if wrong is not None and is_str_newtype(hint):  # an id, named again by others: kept once
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
            self.emit(indent, "try:")  # one lookup for text the table holds, the usual case
            self.emit(indent + 1, f"{var} = {found}[{_keyed(var)}]")
            self.emit(indent, "except KeyError:")
            self.emit(indent + 1, f"{var} = {h}({var}, {t})")
            return
        self.emit(indent, f"{var} = {self.name(hook)}({var}, {self.name(hint)})")

    def _wrong(self, hint: Any, hook: Hook) -> str | None:
        """For a hook that returns the value itself or raises, the test (of ``{}``) for raising."""
        if is_str_newtype(hint):  # cattrs reads a NewType with its base type's hook
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
            if item is str or is_str_newtype(item):  # the exact class first: the usual case
                test = f"_i.__class__ is not str and {test}"
            self.emit(indent + 1, f"for _i in {var}:")
            self.emit(indent + 2, f"if {test}:")
            self.emit(indent + 3, "raise _Rejected")
            if not is_str_newtype(item):
                self.emit(indent + 1, f"{var} = _tuple({var})")
                return
            read = "(_intern({0}) if {0}.__class__ is str else {0})"  # ids: kept once
        elif table is not None:
            found, h, ti = self.name(table), self.name(item_hook), self.name(item)
            read = f"({found}[{{0}}] if {{0}}.__class__ is str and {{0}} in {found} "
            read += f"else {h}({{0}}, {ti}))"
        else:
            h, ti = self.name(item_hook), self.name(item)
            read = f"{h}({{0}}, {ti})"
        self._emit_items(indent + 1, var, read)
        if _hooks._has_id(item):  # noqa: SLF001 - entities in one collection have distinct ids
            self.emit(indent + 1, f"if _len({{_i.id for _i in {var}}}) != _len({var}):")
            self.emit(indent + 2, "raise _Rejected")

    def _emit_items(self, indent: int, var: str, read: str) -> None:
        """Emit the reading of every item of the list in `var` into a tuple, `read` for each.

        A list of one to four items (`_UNROLLED`), the usual length, is read item by
        item into a tuple display, without the comprehension's function, frame
        and list (about half the cost for two items); a longer one through a
        comprehension. Both read the items in order, through the same expression.
        """
        self.emit(indent, f"_k = _len({var})")
        for n, length in enumerate(_UNROLLED):
            items = [f"_i{i}" for i in range(length)]
            self.emit(indent, f"{'elif' if n else 'if'} _k == {length}:")
            self.emit(indent + 1, f"{', '.join(items)}, = {var}")
            self.emit(indent + 1, f"{var} = ({', '.join(read.format(i) for i in items)},)")
        self.emit(indent, "elif _k == 0:")
        self.emit(indent + 1, f"{var} = ()")
        self.emit(indent, "else:")
        self.emit(indent + 1, f"{var} = _tuple([{read.format('_i')} for _i in {var}])")


_UNROLLED: Final = (2, 1, 3, 4)
"""The lengths of list a generated function reads item by item, the likeliest tested first."""

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
    if not _quiet_subclassing(cls):
        return False
    return all(_plain_field(a) for a in attrs.fields(cls))


def _quiet_subclassing(cls: type[Any]) -> bool:
    """Whether making a builder subclass of `cls` runs nothing of its own.

    A class (or a base) with its own ``__init_subclass__``, or a metaclass
    other than `type` and `abc.ABCMeta`, may register or refuse subclasses:
    such a class is read by cattrs' own function instead.
    """
    if type(cls) not in (type, abc.ABCMeta):
        return False
    return not any("__init_subclass__" in vars(klass) for klass in cls.__mro__[:-1])


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
    if getattr(cls, "__attrs_pre_init__", None) is not None:  # it sees the class itself
        w.emit(1, f"self = _new({w.name(cls)})")
        w.emit(1, "self.__attrs_pre_init__()")
        w.emit(1, f"_set(self, '__class__', {w.name(_builder(cls))})")
    else:
        w.emit(1, f"self = _new({w.name(_builder(cls))})")
    if forbid_extra_keys:  # counts the known keys it reads: any other key makes more
        w.emit(1, "_n = 0")
    referring = {spec.name for spec in fields_of(cls) if spec.target is not None}
    for index, a in enumerate(fields):
        _emit_field(
            w, cls, index, a, hints[a.name], count=forbid_extra_keys, refers=a.name in referring
        )
    if forbid_extra_keys:
        required = sum(a.init and a.default is attrs.NOTHING for a in fields) + (tag is not None)
        w.emit(1, f"if _len(value) != _n + {required}:")
        w.emit(2, "raise _Rejected")
    w.emit(1, f"self.__class__ = {w.name(cls)}")  # built: an instance of the class itself
    for index, a in enumerate(fields):  # checks that relate fields, once every field is set
        relating = [part for part in v.parts_of(a.validator) if not v.judges_alone(part)]
        emit_checks(w, 1, f"f{index}", a, hints[a.name], relating)
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


def _emit_field(  # noqa: PLR0913 - where, which field, whether to count its key, whether it refers
    w: _Writer,
    cls: type[Any],
    index: int,
    a: attrs.Attribute[Any],
    hint: Any,
    *,
    count: bool,
    refers: bool,
) -> None:
    """Emit the reading of one field and the checks that judge its value alone.

    Those checks run as soon as the value is read from the input; a default
    that passes them (tried here, once) is not checked again. Checks that
    relate fields run once every field is set (`emit_checks`).
    """
    var = f"f{index}"
    default: Any = a.default
    own = [part for part in v.parts_of(a.validator) if v.judges_alone(part)]
    if a.init and default is attrs.NOTHING:
        w.emit(1, f"{var} = value[{a.name!r}]")
        _emit_value(w, 1, var, a, hint, own, refers=refers)
    elif a.init:
        w.emit(1, f"if {a.name!r} in value:")
        if count:
            w.emit(2, "_n += 1")
        w.emit(2, f"{var} = value[{a.name!r}]")
        _emit_value(w, 2, var, a, hint, own, refers=refers)
        w.emit(1, "else:")
        w.emit(2, f"{var} = {_default(w, default)}")
        _emit_converted(w, 2, a, var)
        emit_checks(w, 2, var, a, hint, [p for p in own if not _passes(p, a, default)])
    else:
        w.emit(1, f"{var} = {_default(w, default)}")
        _emit_converted(w, 1, a, var)
        emit_checks(w, 1, var, a, hint, own)
    if _slot(cls, a.name) is not None and a.name.isidentifier() and not keyword.iskeyword(a.name):
        w.emit(1, f"self.{a.name} = {var}")  # a plain store into the builder's slot
    else:
        w.emit(1, f"_set(self, {a.name!r}, {var})")


def _emit_value(  # noqa: PLR0913, PLR0917 - where, which field, which checks
    w: _Writer,
    indent: int,
    var: str,
    a: attrs.Attribute[Any],
    hint: Any,
    own: list[Any],
    *,
    refers: bool,
) -> None:
    """Emit the reading of a field's value from the input and the checks that judge it alone.

    An id that names another record (`refers`), which other records name
    again, is taken from the field's memo of ids that passed those checks
    (`_memo`) when it is there: the one object that every record naming it
    then shares, not read or checked again, since those checks look at the
    text alone. A record's own id is unique: it is read and checked, never
    kept.
    """
    inner = optional_inner(hint)
    memo = None
    if refers and a.converter is None and is_str_newtype(hint if inner is None else inner):
        memo = w.name(_memo(tuple(own)), "_m")
        w.emit(indent, f"_g = {memo}.get({_keyed(var)})")  # misses are common: no KeyError
        w.emit(indent, "if _g is not None:")
        w.emit(indent + 1, f"{var} = _g")
        w.emit(indent, "else:")
        indent += 1
    w.read(indent, var, hint)
    _emit_converted(w, indent, a, var)
    emit_checks(w, indent, var, a, hint, own)
    if memo is not None:
        w.emit(indent, f"if {var}.__class__ is str:")
        w.emit(indent + 1, f"if _len({memo}) >= {_MEMO_SIZE}:")
        w.emit(indent + 2, f"{memo}.clear()")
        w.emit(indent + 1, f"{memo}[{var}] = {var}")


def _keyed(var: str) -> str:
    """The key to look `var` up by in a table of text: itself if a str, else a key none holds.

    A lookup of text is one probe of the table (a test ``in`` it and then a
    read were two), and the KeyError of a miss sends the value, or anything
    that is not a str (an unhashable value too), to the full reading, which
    decides as the converter's hook does: the table never sees a value that
    merely equals a str. A KeyError costs about ten hits: tables that hold
    every valid value (enum members, states) are so read, and a memo of ids,
    which misses once for each id it meets, is read with ``get``.
    """
    return f"{var} if {var}.__class__ is str else _NOKEY"


_MEMO_SIZE: Final = 1 << 16
"""The most ids a memo holds; a full one starts again, so that it never grows without bound."""

_memos: dict[tuple[Any, ...], dict[str, str]] = {}
_lock = threading.Lock()
"""Guards `_builders` and `_memos`, which every thread's converters share."""


def _memo(checks: tuple[Any, ...]) -> dict[str, str]:
    """The memo of ids that passed `checks`, each mapped to itself, interned (one per `checks`)."""
    with _lock:
        return _memos.setdefault(checks, {})


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


_builders: dict[type[Any], type[Any]] = {}


def _builder(cls: type[Any]) -> type[Any]:
    """The private subclass of `cls` whose instances are filled in before they become `cls`'s.

    A frozen class refuses attribute stores, so its fields are set through
    `object.__setattr__`, a call per field. Its builder adds nothing but
    `object`'s own ``__setattr__`` and ``__delattr__``: storing a field in a
    builder is the interpreter's plain store into a slot, several times
    cheaper. Once every field is set, the instance's class becomes `cls`
    (the two share one layout), before any check that relates fields and
    before ``__attrs_post_init__``. One builder per class, for every
    converter; it is an attrs class only by inheritance and adds no field.
    """
    with _lock:
        found = _builders.get(cls)
        if found is None:
            body = {
                "__slots__": (),
                "__setattr__": object.__setattr__,
                "__delattr__": object.__delattr__,
                "__module__": cls.__module__,
                "__qualname__": f"{cls.__qualname__}.<building>",
                "__doc__": f"A {cls.__name__} being read (private to diplomodel).",
            }
            metaclass: Any = type(cls)  # an attrs class's own metaclass (ABCMeta, or type)
            found = _builders[cls] = metaclass(cls.__name__, (cls,), body)
        return found


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
