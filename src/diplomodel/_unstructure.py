"""Writers generated per attrs class: plain data for `to_dict`, and JSON in one pass. Private.

One code generator makes the functions from each class's attrs fields. They
write the keys in the same order (fields without a default first, then the
others that differ from their default, each in declaration order; a
document's ``"type"`` first), test each default the cheapest way (``is not
None``, ``!= ()``, identity for an enum member) and inline the common hooks
(text and numbers as they are, enum values, state codes, the ISO text a
partial date keeps, actors):

- the *unstructure* function, the converter's hook for the class, returns
  plain data (dicts, lists, text, numbers), as cattrs' own functions do;
- the *direct* function, used by `JsonWriter` for the object asked for,
  returns its dict with tuples of text and nested model objects left as
  they are. Orjson writes the tuples itself and hands each nested object to
  `JsonWriter.default`, which returns its unstructure function's data: a
  dossier is written by one ``orjson.dumps`` call, one entity's data alive
  at a time, never a copy of the whole.

Anything else goes through the converter's own hook for its type, so both
paths give the same JSON, byte for byte (``tests/test_unstructure.py`` and
``benchmarks/differential.py`` hold them to cattrs' own functions).
"""

from __future__ import annotations

import enum
import itertools
import operator
import threading
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs
from cattrs import Converter
from cattrs.fns import identity

from diplomodel import _hooks, _jsontext
from diplomodel._structure import building, mentions
from diplomodel.dates import PartialDate
from diplomodel.errors import ArgumentTypeError
from diplomodel.model.actors import Actor
from diplomodel.model.documents import Document
from diplomodel.states import State

__all__ = ["JsonWriter", "register"]

_names = itertools.count()
_VALUE: Final = repr(operator.attrgetter("_value_"))
_CODE: Final = repr(operator.attrgetter("code"))
_KINDS: Final = "diplomodel_kinds"
"""The attribute of the document hook that holds each kind's own function."""
_WRITES: Final = "diplomodel_writes"
"""The attribute of a generated unstructure function that holds the class it writes."""

Write = Callable[[Any], Any]
_TAGS: Final[Mapping[type[Any], str]] = _hooks.DOCUMENT_TAGS
"""The tag of each document kind, looked up by any class."""


def register(converter: Converter) -> None:
    """Make `converter` unstructure every attrs class, and documents, with generated functions."""
    converter.register_unstructure_hook_factory(attrs.has, lambda cls: _make(cls, converter, None))
    kinds = {kind: _make(kind, converter, tag) for kind, tag in _hooks.DOCUMENT_TAGS.items()}
    reference = converter.get_unstructure_hook(Document)

    def unstructure_document(document: Document) -> Any:
        write = kinds.get(type(document))
        return reference(document) if write is None else write(document)

    setattr(unstructure_document, _KINDS, kinds)  # for callers to dispatch inline
    converter.register_unstructure_hook(Document, unstructure_document)


class JsonWriter:
    """Writes model objects in one ``orjson.dumps`` call, as `converter` (made by `register`) would.

    The object's direct function gives the top dict, whose nested model
    objects (a dossier's entities, a meeting's participants) orjson hands to
    `default` one at a time: each is written from its unstructure function's
    plain data, which is freed as soon as it is written.
    """

    def __init__(self, converter: Converter) -> None:
        self._converter = converter
        self._direct: dict[type[Any], Write] = {}
        self._nested: dict[type[Any], Write] = {}
        self._lock = threading.Lock()
        nested = self._nested.get
        missing = self._missing

        def default(obj: object) -> Any:
            write: Write = nested(obj.__class__, missing)
            return write(obj)

        self.default: Final[Write] = default
        """Orjson's `default`: the plain data of a nested model object (`ArgumentTypeError`, a
        `TypeError`, for any other)."""

    def top(self, obj: object) -> dict[str, Any] | None:
        """The dict of `obj` for orjson, as the converter's ``unstructure`` writes it, or None.

        None unless `obj` is of a class with a generated function or a
        document (tagged, as `to_dict` writes it).
        """
        cls = obj.__class__
        write = self._direct.get(cls)
        if write is None:
            tag = _TAGS.get(cls)
            if tag is None and self._generated(cls) is None:
                return None
            with self._lock:
                write = self._direct.get(cls)
                if write is None:
                    write = _generate(cls, self._converter, tag, direct=True)
                    self._direct[cls] = write
        result: dict[str, Any] = write(obj)
        return result

    def _generated(self, cls: type[Any]) -> Write | None:
        """The converter's generated unstructure function for `cls` (tagged for a document)."""
        document = cls in _hooks.DOCUMENT_TAGS
        hook: Write = self._converter.get_unstructure_hook(Document if document else cls)
        kinds: dict[type[Any], Write] | None = getattr(hook, _KINDS, None)
        if kinds is not None:
            return kinds.get(cls)
        return hook if getattr(hook, _WRITES, None) is cls else None

    def _missing(self, obj: object) -> Any:
        """Write `obj` through its class's function, remembered for the next ones."""
        cls = obj.__class__
        write = self._generated(cls)
        if write is None:
            raise ArgumentTypeError(f"diplomodel writes no {cls.__qualname__} here")
        self._nested[cls] = write
        return write(obj)


class _Writer:
    def __init__(self, converter: Converter, *, direct: bool) -> None:
        self.converter = converter
        self.direct = direct
        self.names: dict[str, Any] = {"_State": State, "_list": list, "_dict": dict}

    def name(self, value: Any) -> str:
        key = f"_u{next(_names)}"
        self.names[key] = value
        return key

    def value(self, hint: Any, var: str) -> str:
        """The expression that writes `var`, a value of type `hint`, as the converter does."""
        if mentions(hint, building("unstructure")):  # a class that holds itself: look up on use
            return f"{self.name(self.converter.unstructure)}({var}, {self.name(hint)})"
        hook = self.converter.get_unstructure_hook(hint)
        if self.direct and _left_to_orjson(hint, hook):
            return var
        return self._scalar(hint, hook, var) or self._other(hint, hook, var)

    def _scalar(self, hint: Any, hook: Any, var: str) -> str | None:
        """The expression for a value the converter writes as text or a number, else None."""
        if hook is identity:
            return var
        if isinstance(hint, type) and issubclass(hint, enum.Enum) and repr(hook) == _VALUE:
            return f"{var}._value_"
        if hint is State and repr(hook) == _CODE:
            return f"{var}.code"
        if hint is PartialDate and hook is PartialDate.isoformat:
            return f"{var}._iso"  # the text isoformat returns, kept by the date: no call
        if hint is Actor:
            return f"({var}.code if {var}.__class__ is _State else {self.name(hook)}({var}))"
        return None

    def _other(self, hint: Any, hook: Any, var: str) -> str:
        """The expression for a list, an optional value, a mapping or an object."""
        if hook is list:  # a tuple of text
            return self._items(str, var)
        if _hooks._is_homogeneous_tuple(hint) and hook.__qualname__.startswith(  # noqa: SLF001
            "_make_tuple_unstructure_hook"
        ):
            return self._items(hint.__args__[0], var)
        if _hooks._is_optional(hint) and hook.__qualname__.startswith(  # noqa: SLF001
            "_make_optional_unstructure_hook"
        ):
            inner = self.value(_hooks._inner(hint), var)  # noqa: SLF001
            return inner if inner == var else f"(None if {var} is None else {inner})"
        if hook is dict:
            return f"_dict({var})"
        kinds = getattr(hook, _KINDS, None)
        if kinds is not None:  # a document: its kind's function at once, by its class
            return f"{self.name(kinds)}.get({var}.__class__, {self.name(hook)})({var})"
        return f"{self.name(hook)}({var})"

    def _items(self, item_hint: Any, var: str) -> str:
        """The expression for a tuple of `item_hint` values: a list, or the tuple for orjson."""
        item = self.value(item_hint, "_i")
        if item != "_i":
            return f"[{item} for _i in {var}]"
        return var if self.direct else f"_list({var})"  # orjson writes a tuple as a list


def _left_to_orjson(hint: Any, hook: Any) -> bool:
    """Whether `JsonWriter.default` writes an object of `hint` as `hook` does: by its class."""
    if getattr(hook, _KINDS, None) is not None:  # any document: tagged by its class
        return True
    return getattr(hook, _WRITES, None) is hint and hint not in _hooks.DOCUMENT_TAGS


def _make(cls: type[Any], converter: Converter, tag: str | None) -> Write:
    """The generated unstructure function of `cls`, writing `tag` first if given."""
    classes = building("unstructure")
    classes.add(cls)
    try:
        unstructure = _generate(cls, converter, tag, direct=False)
    finally:
        classes.discard(cls)
    setattr(unstructure, _WRITES, cls)
    return unstructure


def _generate(cls: type[Any], converter: Converter, tag: str | None, *, direct: bool) -> Write:
    w = _Writer(converter, direct=direct)
    hints = typing.get_type_hints(cls)
    fields = [a for a in attrs.fields(cls) if a.init]
    required = [a for a in fields if a.default is attrs.NOTHING]
    items = ([f"{_hooks.TAG!r}: {tag!r}"] if tag else []) + [
        f"{a.name!r}: {w.value(hints[a.name], f'o.{a.name}')}" for a in required
    ]
    lines = ["def unstructure(o):", f"    res = {{{', '.join(items)}}}"]
    for a in fields:
        if a.default is attrs.NOTHING:
            continue
        var, hint = f"o.{a.name}", hints[a.name]
        if a.default is None and _hooks._is_optional(hint):  # noqa: SLF001
            hint = _hooks._inner(hint)  # noqa: SLF001 - written only when it is not None
        lines.append(f"    if {_differs(w, a.default, var)}:")
        lines.append(f"        res[{a.name!r}] = {w.value(hint, var)}")
    lines.append("    return res")
    source = "\n".join(lines) + "\n"
    kind = "direct" if direct else "unstructure"
    filename = f"<diplomodel generated {kind} {cls.__module__}.{cls.__qualname__}>"
    exec(compile(source, filename, "exec"), w.names)  # noqa: S102 - code generated from attrs fields
    unstructure: Write = w.names["unstructure"]
    unstructure.__doc__ = source
    return unstructure


def _differs(w: _Writer, default: Any, var: str) -> str:
    """The test that a field's value is not its default, as cattrs' ``omit_if_default`` tests it."""
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory = w.name(default.factory)
        return f"{var} != {factory}(o)" if default.takes_self else f"{var} != {factory}()"
    if default is None:
        return f"{var} is not None"
    if type(default) is tuple and not default:
        return f"{var} != ()"
    if isinstance(default, enum.Enum) and type(default).__eq__ is object.__eq__:
        return f"{var} is not {w.name(default)}"  # members are equal only to themselves
    return f"{var} != {w.name(default)}"


class OnePass:
    """The one-pass writer of a converter made on first use: orjson's bytes of a model object."""

    def __init__(self, converter: Callable[[], Converter]) -> None:
        self._converter = converter
        self._writer: JsonWriter | None = None

    def __call__(
        self,
        obj: Any,
        indent: int | None,
        *,
        wrap: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    ) -> bytes | None:
        """The bytes ``dumps_bytes(to_dict(obj))`` writes (of ``wrap`` of it), or None if not here.

        None without orjson, for an indent other than None or 2, for an object
        of no generated class, and where orjson refuses the data (an integer
        too large for it): the caller then writes it as before.
        """
        orjson = _jsontext._orjson  # noqa: SLF001 - the accelerator, if installed and not switched off
        if orjson is None or indent not in (None, 2):
            return None
        option = 0 if indent is None else orjson.OPT_INDENT_2
        writer = self._writer
        if writer is None:
            writer = self._writer = JsonWriter(self._converter())
        top = writer.top(obj)
        if top is None:
            return None
        try:
            raw: bytes = orjson.dumps(
                top if wrap is None else wrap(top), default=writer.default, option=option
            )
        except TypeError:  # e.g. an integer too large for orjson: written as before
            return None
        return raw
