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
import inspect
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import griffe

import diplomodel

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


# -- enumerations, constants, registries and ids ------------------------------------

sys.path.insert(0, str(Path(__file__).parent / "hooks"))

import docgen_api  # noqa: E402 - found in docs/hooks, on the path only now
import docgen_model  # noqa: E402


def _insert_before_example(text: str, addition: str) -> str:
    """Put Markdown before a docstring's first top-level example, or at its end."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if line.startswith((_PROMPT, f"{_FENCE}pycon")):
            head = "\n".join(lines[:index]).rstrip()
            return f"{head}\n\n{addition}\n\n" + "\n".join(lines[index:])
    return f"{text.rstrip()}\n\n{addition}"


def _set_docstring(obj: griffe.Object, text: str) -> None:
    if obj.docstring is None:
        obj.docstring = griffe.Docstring(text, parent=obj)
    else:
        obj.docstring.value = text


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def enum_table(cls: griffe.Class, live: type[enum.Enum]) -> str:
    """A Markdown table of an enumeration's members: name and value in files, meaning.

    The meaning is the member's docstring (the string under it in the source).
    Two columns, so that the table fits a phone's screen.

    Args:
        cls: The enumeration as griffe loaded it.
        live: The same enumeration, imported.

    Returns:
        The table, one member a row, in definition order.
    """
    rows = ["| Member and value | Meaning |", "| --- | --- |"]
    for member in live:
        found = cls.members.get(member.name)
        doc = found.docstring.value if found is not None and found.docstring else ""
        value = json.dumps(member.value, ensure_ascii=False)
        path = f"{cls.path}.{member.name}"
        rows.append(f"| `{member.name}` [](){{#{path}}}<br>`{value}` | {_one_line(doc) or '—'} |")
    return "\n".join(rows)


class EnumMembers(griffe.Extension):
    """Show each enumeration's members as one table: name, value and meaning.

    Without this, members without a docstring are not shown at all, and those
    with one take a heading each.
    """

    def on_package(self, *, pkg: griffe.Module, **_kwargs: Any) -> None:
        """Replace the member attributes of every enumeration with a table."""
        for cls in _all_classes(pkg):
            live = _runtime(cls)
            if not (isinstance(live, type) and issubclass(live, enum.Enum)):
                continue
            table = enum_table(cls, live)
            for member in live.__members__:
                if isinstance(cls.members.get(member), griffe.Attribute):
                    cls.del_member(member)
            text = cls.docstring.value if cls.docstring else ""
            _set_docstring(cls, _insert_before_example(text, table))


def _all_classes(obj: griffe.Module | griffe.Class) -> list[griffe.Class]:
    found: list[griffe.Class] = []
    for member in obj.members.values():
        if member.is_alias:
            continue
        if isinstance(member, griffe.Module | griffe.Class):
            if isinstance(member, griffe.Class):
                found.append(member)
            found += _all_classes(member)
    return found


def _shown(value: object) -> str:
    """How a value reads in a table: public names for classes and functions."""
    if isinstance(value, type):
        name = value.__name__
        return f"[`{name}`][diplomodel.{name}]" if name in diplomodel.__all__ else f"`{name}`"
    if callable(value):
        name = getattr(value, "__name__", "")
        if name.startswith("_") or name not in diplomodel.__all__:
            summary = (inspect.getdoc(value) or "").split("\n\n")[0]
            return _one_line(summary) or "a function"
        return f"[`{name}`][diplomodel.{name}]"
    if isinstance(value, str):
        return f"`{json.dumps(value, ensure_ascii=False)}`"
    return f"`{value!r}`"


def id_docstring(id_type: str, model: docgen_model.Model, example: diplomodel.Dossier) -> str:
    """What an id type identifies, which fields hold it, and an id from the example.

    Args:
        id_type: The id type's name (``MeetingId``).
        model: The model, read from the code.
        example: The bundled example, where a real id is taken from.

    Returns:
        Markdown for the id type's docstring.
    """
    cls = model.entity_of(id_type)
    name = cls.__name__
    referring = [
        f"`{owner.__name__}.{f.name}`"
        for owner in model.classes
        for f in model.fields_of(owner.__name__)
        if f.link == "id" and f.target is cls and not model.bases_of(owner)
    ]
    samples = [
        item.id
        for table in attrs.fields(type(example))
        if isinstance(getattr(example, table.name), tuple)
        for item in getattr(example, table.name)
        if isinstance(item, cls)
    ]
    text = [
        f"The id of a [`{name}`][diplomodel.{name}]: the type of its `id` field.",
        "",
        (
            f"A plain `str` at run time; to a type checker a `{id_type}` is a type of "
            "its own, so it is never taken for another kind of id. Ids are letters, "
            "digits and `._:/-`, beginning and ending with a letter or a digit."
        ),
    ]
    if referring:
        text += ["", f"Records refer to a {name} by this id in {', '.join(referring)}."]
    if samples:
        text += [
            "",
            "Example, from the bundled example:",
            "",
            "```python",
            f'{id_type}("{samples[0]}")',
            "```",
        ]
    return "\n".join(text)


class PublicValues(griffe.Extension):
    """Describe the public names that are values, not classes or functions.

    - An id type (``MeetingId``) gets a description: what it identifies, the
      fields that refer to it, and an id from the bundled example.
    - A mapping (``DOCUMENT_TAGS``, ``MIGRATIONS``) shows its entries in a table
      instead of the expression that builds it, which names private internals.
    - A collection of rules (``DEFAULT_RULES``) lists their codes, linked to
      the rule codes page.
    - A registry (``states``) without a docstring says what it is an instance of.
    """

    def on_package(self, *, pkg: griffe.Module, **_kwargs: Any) -> None:
        """Rewrite the docstring and value of each public value of the package."""
        if pkg.name != "diplomodel":
            return
        model = docgen_model.read_model()
        example = diplomodel.load_example()
        for name in diplomodel.__all__:
            path = docgen_api.identifier(name).removeprefix("diplomodel.")
            found = pkg[path]
            target = found.final_target if found.is_alias else found
            if isinstance(target, griffe.Attribute):
                self._describe(target, getattr(diplomodel, name), model, example)

    def _describe(
        self,
        attribute: griffe.Attribute,
        live: object,
        model: docgen_model.Model,
        example: diplomodel.Dossier,
    ) -> None:
        text = attribute.docstring.value if attribute.docstring else ""
        if docgen_model.is_id_type(live) and live.__name__ in model.ids:
            _set_docstring(attribute, id_docstring(live.__name__, model, example))
        elif docgen_model.is_id_type(live) and not text:
            _set_docstring(
                attribute,
                f"A `str` at run time; to a type checker a `{live.__name__}` is a type of its own.",
            )
        elif isinstance(live, Mapping):
            rows = ["| Key | Value |", "| --- | --- |"]
            rows += [f"| {_shown(k)} | {_shown(v)} |" for k, v in live.items()]
            _set_docstring(attribute, _insert_before_example(text, "\n".join(rows)))
            attribute.value = None
        elif isinstance(live, diplomodel.Rules):
            codes = ", ".join(f"[`{r.code}`][{r.code.lower()}]" for r in live)
            listed = f"The {len(live)} rules: {codes}."
            _set_docstring(attribute, _insert_before_example(text, listed))
            attribute.value = None
        elif not text and type(live).__name__ in diplomodel.__all__:
            kind = type(live).__name__
            summary = (inspect.getdoc(type(live)) or "").split("\n\n")[0]
            _set_docstring(
                attribute,
                f"{summary}\n\nThe one instance of [`{kind}`][diplomodel.{kind}], ready to use; "
                "its methods are listed on that class.",
            )
