"""The reference pages' entries, chosen from ``diplomodel.__all__`` when the site is built.

A reference page names the modules it covers in a marker,
``<!-- docgen: api diplomodel.model.meetings diplomodel.model.places -->``; the
build replaces the marker with one ``::: identifier`` entry for each public
name that ``diplomodel/__init__.py`` imports from those modules. A name added
to ``__all__`` appears on its module's page by itself; a name from a module
that no page claims appears on the page marked ``api-rest``, so nothing public
is ever missing from the site.

Entries come in reading order: registries, classes and functions, then
enumerations, then constants and types, each group in source order. A marker
may put some names first: ``first:validate,Report``.

>>> where = exported_from()
>>> where["Meeting"], where["states"]
('diplomodel.model.meetings', 'diplomodel.states')
>>> identifier("Meeting"), identifier("states")
('diplomodel.Meeting', 'diplomodel.states.states')
"""

# ruff: noqa: INP001 - docs/hooks holds build scripts, not a package

from __future__ import annotations

import ast
import enum
import importlib
import importlib.util
import inspect
import re
from collections.abc import Iterable
from pathlib import Path

import diplomodel

MARKER = re.compile(r"^<!-- docgen: (api(?:-rest|-index)?)((?: [\w.:,]+)*) -->$", re.MULTILINE)
FIRST = "first:"


def exported_from() -> dict[str, str]:
    """The module each public name is imported from in ``diplomodel/__init__.py``."""
    tree = ast.parse(Path(diplomodel.__file__).read_text("utf-8"))
    found: dict[str, str] = {}
    for node in ast.walk(tree):  # the lazily loaded names are imported under TYPE_CHECKING
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                found[alias.asname or alias.name] = node.module
    return {name: found.get(name, "diplomodel") for name in diplomodel.__all__}


def identifier(name: str) -> str:
    """The identifier mkdocstrings renders a public name from.

    ``diplomodel.X`` unless a submodule is also called X (the function
    `anniversaries`, the registry `states`): then the name inside its module,
    so the page shows the object, not the module.
    """
    if importlib.util.find_spec(f"diplomodel.{name}") is not None:
        return f"{exported_from()[name]}.{name}"
    return f"diplomodel.{name}"


def _line(module: str, name: str) -> int:
    """Where a name is defined in its module's source (a large number if elsewhere)."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
        return 10**6
    for node in ast.parse(Path(spec.origin).read_text("utf-8")).body:
        if isinstance(node, ast.ClassDef | ast.FunctionDef) and node.name == name:
            return node.lineno
        targets = node.targets if isinstance(node, ast.Assign) else []
        targets += [node.target] if isinstance(node, ast.AnnAssign) else []
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            return node.lineno
    listed = list(getattr(importlib.import_module(module), "__all__", ()))
    return 10**6 + (listed.index(name) if name in listed else len(listed))


def _group(name: str) -> int:
    """Registries, then classes and functions, then enumerations, then constants and types."""
    obj = getattr(diplomodel, name)
    if type(obj).__name__ in diplomodel.__all__ and not inspect.isclass(obj):
        return -1  # an instance of a public class, such as the registry `states`
    if inspect.isclass(obj):
        return 1 if issubclass(obj, enum.Enum) else 0
    return 0 if callable(obj) and inspect.isroutine(obj) else 2


def names_of(modules: Iterable[str]) -> list[str]:
    """The public names exported from those modules, in reading order.

    Args:
        modules: Module paths, and optionally ``first:A,B`` to put A and B first.

    Returns:
        The names, each once.
    """
    where = exported_from()
    first: list[str] = []
    out: list[str] = []
    for module in modules:
        if module.startswith(FIRST):
            first += module.removeprefix(FIRST).split(",")
            continue
        mine = [n for n, m in where.items() if m == module and n != "__version__"]
        out += sorted(mine, key=lambda n: (_group(n), _line(module, n), n))
    return [n for n in first if n in out] + [n for n in out if n not in first]


def entries(names: Iterable[str]) -> str:
    """Markdown entries that render each name."""
    return "\n\n".join(f"::: {identifier(n)}" for n in names)


def claimed(pages: dict[str, str]) -> dict[str, list[str]]:
    """The arguments of each page's ``api`` marker (modules, and ``first:`` hints), by page."""
    out: dict[str, list[str]] = {}
    for page, text in pages.items():
        for kind, args in MARKER.findall(text):
            if kind == "api":
                out.setdefault(page, []).extend(args.split())
    return out


def modules_of(args: Iterable[str]) -> list[str]:
    """The module paths among a marker's arguments."""
    return [a for a in args if not a.startswith(FIRST)]


def unclaimed(pages: dict[str, str]) -> list[str]:
    """The public names that no page's ``api`` marker covers."""
    modules = {m for args in claimed(pages).values() for m in modules_of(args)}
    where = exported_from()
    rest = [n for n, m in where.items() if m not in modules and n != "__version__"]
    return sorted(rest, key=lambda n: (where[n], n))


def index_table(pages: dict[str, str], titles: dict[str, str], here: str) -> str:
    """A table of the reference pages and the names on each, linked from ``here``."""
    rows = ["| Page | Names |", "| --- | --- |"]
    base = Path(here).parent
    for page, modules in claimed(pages).items():
        link = Path(page).relative_to(base).as_posix() if page.startswith(str(base)) else page
        names = ", ".join(f"`{n}`" for n in names_of(modules))
        rows.append(f"| [{titles.get(page, page)}]({link}) | {names} |")
    rest = unclaimed(pages)
    for page, text in pages.items():
        if "<!-- docgen: api-rest -->" in text and rest:
            link = Path(page).relative_to(base).as_posix()
            rows.append(
                f"| [{titles.get(page, page)}]({link}) | {', '.join(f'`{n}`' for n in rest)} |"
            )
    return "\n".join(rows)
