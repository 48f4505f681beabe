"""Unstructure functions generated per attrs class: one dict per object, no copies. Private.

cattrs' own functions call a hook for every field, compare each defaulted
field with its default through ``!=`` (a Python-level ``__ne__`` for attrs
values), and the document hook copies each document's dict behind its tag.
The functions made here write the same dicts, in the same key order (fields
without a default first, then the others that differ from their default, each
in declaration order; a document's ``"type"`` first), with the common hooks
inlined (text and numbers as they are, enum values, state codes, ISO dates),
``is not None`` for a None default and truthiness for an empty-tuple default.
Anything else goes through the converter's own hook for its type, so the
output is the same JSON, byte for byte (``tests/test_structure.py`` and
``benchmarks/differential.py`` compare both).
"""

from __future__ import annotations

import enum
import itertools
import operator
import typing
from collections.abc import Callable
from typing import Any, Final

import attrs
from cattrs import Converter
from cattrs.fns import identity

from diplomodel import _hooks
from diplomodel._structure import building, mentions
from diplomodel.dates import PartialDate
from diplomodel.model.actors import Actor
from diplomodel.model.documents import Document
from diplomodel.states import State

__all__ = ["register"]

_names = itertools.count()
_VALUE: Final = repr(operator.attrgetter("_value_"))
_CODE: Final = repr(operator.attrgetter("code"))


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


_KINDS: Final = "diplomodel_kinds"
"""The attribute of the document hook that holds each kind's own function."""


class _Writer:
    def __init__(self, converter: Converter) -> None:
        self.converter = converter
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
            return f"{var}.isoformat()"
        if hint is Actor:
            return f"({var}.code if {var}.__class__ is _State else {self.name(hook)}({var}))"
        return None

    def _other(self, hint: Any, hook: Any, var: str) -> str:
        """The expression for a list, an optional value, a mapping or an object."""
        if _hooks._is_homogeneous_tuple(hint) and hook.__qualname__.startswith(  # noqa: SLF001
            "_make_tuple_unstructure_hook"
        ):
            item = self.value(hint.__args__[0], "_i")
            return "_list(" + var + ")" if item == "_i" else f"[{item} for _i in {var}]"
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


def _make(cls: type[Any], converter: Converter, tag: str | None) -> Callable[[Any], Any]:
    """The generated unstructure function of `cls`, writing `tag` first if given."""
    classes = building("unstructure")
    classes.add(cls)
    try:
        return _generate(cls, converter, tag)
    finally:
        classes.discard(cls)


def _generate(cls: type[Any], converter: Converter, tag: str | None) -> Callable[[Any], Any]:
    w = _Writer(converter)
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
        var = f"o.{a.name}"
        lines.append(f"    if {_differs(w, a.default, var)}:")
        lines.append(f"        res[{a.name!r}] = {w.value(hints[a.name], var)}")
    lines.append("    return res")
    source = "\n".join(lines) + "\n"
    filename = f"<diplomodel generated unstructure {cls.__module__}.{cls.__qualname__}>"
    exec(compile(source, filename, "exec"), w.names)  # noqa: S102 - code generated from attrs fields
    unstructure: Callable[[Any], Any] = w.names["unstructure"]
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
        return f"{var}.__class__ is not tuple or {var}"
    return f"{var} != {w.name(default)}"
