"""Griffe extensions that mkdocs loads to render diplomodel's API pages.

- `AttrsSignatures` gives every attrs class the ``__init__`` that attrs
  generates at run time, which static analysis cannot see: griffe then shows
  the real signature and checks the ``Args:`` sections against it.
- `DoctestFences` shows docstring examples as highlighted Python sessions.
  diplomodel's docstrings put their examples after the summary and the Google
  sections as plain ``>>>`` lines (pytest runs them with ``--doctest-modules``);
  Markdown would read ``>>>`` as three nested block quotes, so every top-level
  doctest block is fenced as ``pycon`` before mkdocstrings renders it.

Nothing in the source changes. This file is not collected as a test module
(see ``docs/conftest.py``); ``tests/test_docs.py`` tests it.
"""

# ruff: noqa: INP001 - docs/ is a folder of pages, not a package

from __future__ import annotations

import enum
import importlib
from typing import Any

import attrs
import griffe

_PROMPT = ">>>"
_FENCE = "```"


def fence_doctests(text: str) -> str:
    r"""Wrap each unindented doctest block of a docstring in a ``pycon`` fence.

    A block starts at a line beginning with ``>>>`` and runs to the next blank
    line, as doctest itself reads it. Lines already inside a fence are left
    alone.

    Args:
        text: The docstring's text.

    Returns:
        The text with its doctest blocks fenced.

    >>> print(fence_doctests("Summary.\n\n>>> 1 + 1\n2"))
    Summary.
    <BLANKLINE>
    ```pycon
    >>> 1 + 1
    2
    ```
    """
    out: list[str] = []
    in_fence = in_block = False
    for line in text.splitlines():
        if in_block and not line.strip():
            out.append(_FENCE)
            in_block = False
        if not in_block and line.lstrip().startswith(_FENCE):
            in_fence = not in_fence
        elif not in_fence and not in_block and line.startswith(_PROMPT):
            if out and out[-1].strip():
                out.append("")
            out.append(f"{_FENCE}pycon")
            in_block = True
        out.append(line)
    if in_block:
        out.append(_FENCE)
    return "\n".join(out)


class DoctestFences(griffe.Extension):
    """Fence the doctests of every docstring in the loaded packages."""

    def on_object(self, *, obj: griffe.Object, **_kwargs: Any) -> None:
        """Rewrite the object's docstring, once the object tree is complete."""
        if obj.docstring is not None:
            obj.docstring.value = fence_doctests(obj.docstring.value)


def _runtime(cls: griffe.Class) -> Any:
    """The live class behind a griffe class, or None if it cannot be imported."""
    try:
        found: Any = importlib.import_module(cls.module.path)
        for part in cls.path.removeprefix(cls.module.path + ".").split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError):
        return None
    return found


def _annotation(cls: griffe.Class, name: str, fallback: Any) -> str | griffe.Expr | None:
    """A field's annotation as griffe parsed it (so it cross-references), else as text."""
    for owner in (cls, *cls.mro()):
        member = owner.members.get(name)
        if isinstance(member, griffe.Attribute) and member.annotation is not None:
            return member.annotation
    return None if fallback is None else str(fallback)


def _default(field: attrs.Attribute[Any]) -> str | None:
    """How a field's default reads in a signature; None when the field is required."""
    default = field.default
    if default is attrs.NOTHING:
        return None
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        if default.takes_self:
            return "..."
        default = default.factory()
    if isinstance(default, enum.Enum):
        return f"{type(default).__name__}.{default.name}"
    if isinstance(default, type(type.__dict__)):  # a MappingProxyType
        return repr(dict(default))
    return repr(default)


def attrs_parameters(cls: griffe.Class, live: type[Any]) -> list[griffe.Parameter]:
    """The parameters of the ``__init__`` attrs generated for a class.

    Args:
        cls: The class as griffe loaded it.
        live: The same class, imported.

    Returns:
        One parameter per field that ``__init__`` takes, in order.
    """
    return [
        griffe.Parameter(
            field.alias,
            annotation=_annotation(cls, field.name, field.type),
            kind=(
                griffe.ParameterKind.keyword_only
                if field.kw_only
                else griffe.ParameterKind.positional_or_keyword
            ),
            default=_default(field),
        )
        for field in attrs.fields(live)
        if field.init
    ]


class AttrsSignatures(griffe.Extension):
    """Give attrs classes the ``__init__`` signature attrs makes for them."""

    def on_package(self, *, pkg: griffe.Module, **_kwargs: Any) -> None:
        """Add the ``__init__`` of every attrs class in the package."""
        self._visit(pkg)

    def _visit(self, obj: griffe.Module | griffe.Class) -> None:
        for member in obj.members.values():
            if member.is_alias:
                continue
            if isinstance(member, griffe.Module):
                self._visit(member)
            elif isinstance(member, griffe.Class):
                self._add_init(member)
                self._visit(member)

    def _add_init(self, cls: griffe.Class) -> None:
        if "__init__" in cls.members:
            return
        live = _runtime(cls)
        if not (isinstance(live, type) and attrs.has(live)):
            return
        code = getattr(live.__init__, "__code__", None)
        if code is None or not code.co_filename.startswith("<attrs generated"):
            return  # a hand-written __init__, which griffe already sees
        init = griffe.Function(
            "__init__",
            lineno=0,
            endlineno=0,
            parent=cls,
            parameters=griffe.Parameters(
                griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword),
                *attrs_parameters(cls, live),
            ),
            returns="None",
        )
        cls.set_member("__init__", init)
