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
- the *writer* functions of `JsonWriter` (made by `_Inline`) return the
  dict for one ``orjson.dumps`` call, made by statements alone: the dict
  of each nested model object is built in place (its class's statements,
  inlined) and each tuple by a loop, with no Python call per value, and
  tuples of text are left for orjson to write. The writer of the object
  asked for leaves its tuples of model objects (a dossier's tables) to
  `JsonWriter.default`, which writes one entity at a time by its class's
  writer: a dossier is written by one ``orjson.dumps`` call, one entity's
  data alive at a time, never a copy of the whole. Enum members are
  written by their ``_value_``: orjson writes them as well, but through
  `enum.Enum.value`, a Python property, which costs more than the dict
  lookup (measured: about 1 800 machine instructions a member against 100).

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

    The writer of the object's class gives the top dict, whose tuples of
    model objects (a dossier's entities, a meeting's participants) orjson
    hands to `default` one item at a time: each is written from the dict of
    its class's writer, which is freed as soon as it is written.
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
        """Orjson's `default`: the dict of a nested model object (`ArgumentTypeError`, a
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
                    write = _Inline(self._converter, top=True).function(cls, tag)
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
        """Write `obj` through its class's function, made and remembered for the next ones."""
        cls = obj.__class__
        if self._generated(cls) is None:
            raise ArgumentTypeError(f"diplomodel writes no {cls.__qualname__} here")
        write = _Inline(self._converter, top=False).function(cls, _TAGS.get(cls))
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
        if _is_hook("_make_tuple_unstructure_hook", hint, hook):
            return self._items(hint.__args__[0], var)
        if _is_hook("_make_optional_unstructure_hook", hint, hook):
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
        unstructure = _generate(cls, converter, tag)
    finally:
        classes.discard(cls)
    setattr(unstructure, _WRITES, cls)
    return unstructure


def _layout(
    cls: type[Any], w: _Writer, owner: str
) -> tuple[list[tuple[str, Any]], list[tuple[str, Any, str]]]:
    """The fields of `cls` in the order its functions write them, and when.

    First (name, hint) of each field without a default, then (name, hint,
    test) of each other field, written when `test` of `owner`'s field holds.
    A field whose default is None is written only when it is not None: its
    hint is then the type without ``| None``.
    """
    hints = typing.get_type_hints(cls)
    fields = [a for a in attrs.fields(cls) if a.init]
    required = [(a.name, hints[a.name]) for a in fields if a.default is attrs.NOTHING]
    others = []
    for a in fields:
        if a.default is not attrs.NOTHING:
            hint = hints[a.name]
            if a.default is None and _hooks._is_optional(hint):  # noqa: SLF001
                hint = _hooks._inner(hint)  # noqa: SLF001
            others.append((a.name, hint, _differs(w, a.default, f"{owner}.{a.name}", owner)))
    return required, others


def _generate(cls: type[Any], converter: Converter, tag: str | None) -> Write:
    w = _Writer(converter, direct=False)
    required, others = _layout(cls, w, "o")
    items = ([f"{_hooks.TAG!r}: {tag!r}"] if tag else []) + [
        f"{name!r}: {w.value(hint, f'o.{name}')}" for name, hint in required
    ]
    lines = ["def unstructure(o):", f"    res = {{{', '.join(items)}}}"]
    for name, hint, test in others:
        lines.append(f"    if {test}:")
        lines.append(f"        res[{name!r}] = {w.value(hint, f'o.{name}')}")
    lines.append("    return res")
    source = "\n".join(lines) + "\n"
    filename = f"<diplomodel generated unstructure {cls.__module__}.{cls.__qualname__}>"
    exec(compile(source, filename, "exec"), w.names)  # noqa: S102 - code generated from attrs fields
    unstructure: Write = w.names["unstructure"]
    unstructure.__doc__ = source
    return unstructure


def _differs(w: _Writer, default: Any, var: str, owner: str) -> str:
    """The test that `var`, a field of `owner`, is not its default (cattrs' ``omit_if_default``)."""
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory = w.name(default.factory)
        return f"{var} != {factory}({owner})" if default.takes_self else f"{var} != {factory}()"
    if default is None:
        return f"{var} is not None"
    if type(default) is tuple and not default:
        return f"{var} != ()"
    if isinstance(default, enum.Enum) and type(default).__eq__ is object.__eq__:
        return f"{var} is not {w.name(default)}"  # members are equal only to themselves
    return f"{var} != {w.name(default)}"


class _Inline:
    """Generates the function `JsonWriter` writes a class with: statements, no call per value.

    The function builds the object's dict as the converter's unstructure
    function does, with the dict of each nested model object built in place
    (its class's statements, inlined) and each tuple by a loop, so that no
    Python function is called per nested value. It differs from the
    unstructure function only where orjson writes the same JSON itself:
    tuples of text are left as tuples, and in the `top` function (of the
    object asked for) tuples of model objects are left to
    `JsonWriter.default`, which writes one item at a time (a dossier's tables
    are never copied whole), as it writes documents. Where a class holds
    itself, the value is written as `_Writer` (direct) writes it.
    """

    def __init__(self, converter: Converter, *, top: bool) -> None:
        self.converter = converter
        self.top = top
        self.w = _Writer(converter, direct=True)
        self.lines: list[str] = []
        self.inlining: set[type[Any]] = set()
        self.counter = itertools.count()

    def function(self, cls: type[Any], tag: str | None) -> Write:
        """The function that writes an object of `cls` (tagged with `tag` if given)."""
        result = self.obj(cls, "o", 1, tag)
        source = "\n".join(["def direct(o):", *self.lines, f"    return {result}"]) + "\n"
        kind = "top" if self.top else "nested"
        filename = f"<diplomodel generated {kind} writer {cls.__module__}.{cls.__qualname__}>"
        exec(compile(source, filename, "exec"), self.w.names)  # noqa: S102 - code generated from attrs fields
        direct: Write = self.w.names["direct"]
        direct.__doc__ = source
        return direct

    def fresh(self, prefix: str) -> str:
        """A new local name."""
        return f"_{prefix}{next(self.counter)}"

    def emit(self, depth: int, line: str, at: int | None = None) -> None:
        """Add `line` indented `depth` levels, at the end or at index `at`."""
        self.lines.insert(len(self.lines) if at is None else at, "    " * depth + line)

    def obj(self, cls: type[Any], var: str, depth: int, tag: str | None) -> str:
        """Emit the statements that build the dict of `var`, a `cls`; return the dict's name."""
        if not var.isidentifier():
            name = self.fresh("o")
            self.emit(depth, f"{name} = {var}")
            var = name
        required, others = _layout(cls, self.w, var)
        self.inlining.add(cls)
        items = [f"{_hooks.TAG!r}: {tag!r}"] if tag else []
        items += [
            f"{name!r}: {self.value(hint, f'{var}.{name}', depth)}" for name, hint in required
        ]
        out = self.fresh("r")
        self.emit(depth, f"{out} = {{{', '.join(items)}}}")
        for name, hint, test in others:
            self.emit(depth, f"if {test}:")
            written = self.value(hint, f"{var}.{name}", depth + 1)
            self.emit(depth + 1, f"{out}[{name!r}] = {written}")
        self.inlining.discard(cls)
        return out

    def value(self, hint: Any, var: str, depth: int) -> str:
        """The expression for `var`, a value of type `hint`, after statements it may emit."""
        if mentions(hint, self.inlining):
            return self.w.value(hint, var)  # a class that holds itself
        hook = self.converter.get_unstructure_hook(hint)
        expression = self.w._scalar(hint, hook, var)  # noqa: SLF001
        if expression is None and _left_to_orjson(hint, hook):
            documents = getattr(hook, _KINDS, None) is not None  # written by JsonWriter.default
            expression = var if documents else self.obj(hint, var, depth, None)
        elif expression is None and hook is list:  # a tuple of text, written by orjson
            expression = var
        elif expression is None and _is_hook("_make_tuple_unstructure_hook", hint, hook):
            expression = self.items(hint.__args__[0], var, depth)
        elif expression is None and _is_hook("_make_optional_unstructure_hook", hint, hook):
            expression = self.optional(_hooks._inner(hint), var, depth)  # noqa: SLF001
        return self.w._other(hint, hook, var) if expression is None else expression  # noqa: SLF001

    def items(self, item_hint: Any, var: str, depth: int) -> str:
        """The tuple `var` itself where orjson writes its items, else a list built by a loop."""
        if self.top and _left_to_orjson(item_hint, self.converter.get_unstructure_hook(item_hint)):
            return var  # JsonWriter.default writes each item, one at a time
        mark, item = len(self.lines), self.fresh("i")
        expression = self.value(item_hint, item, depth + 1)
        if expression == item and len(self.lines) == mark:
            return var  # text or numbers: orjson writes a tuple as a list
        built = self.fresh("l")
        self.emit(depth, f"for {item} in {var}:", at=mark)
        self.emit(depth, f"{built} = []", at=mark)
        self.emit(depth + 1, f"{built}.append({expression})")
        return built

    def optional(self, inner: Any, var: str, depth: int) -> str:
        """The expression for `var`, None or an `inner` value."""
        mark = len(self.lines)
        expression = self.value(inner, var, depth + 1)
        if len(self.lines) == mark:
            return var if expression == var else f"(None if {var} is None else {expression})"
        written = self.fresh("v")
        self.emit(depth, f"if {var} is not None:", at=mark)
        self.emit(depth, f"{written} = None", at=mark)
        self.emit(depth + 1, f"{written} = {expression}")
        return written


def _is_hook(factory: str, hint: Any, hook: Any) -> bool:
    """Whether `hook` is the converter's hook made by `factory` of `_hooks` for `hint`."""
    if factory == "_make_tuple_unstructure_hook":
        shaped = _hooks._is_homogeneous_tuple(hint)  # noqa: SLF001
    else:
        shaped = _hooks._is_optional(hint)  # noqa: SLF001
    return shaped and getattr(hook, "__qualname__", "").startswith(factory)


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
