"""The MkDocs hook that writes the generated parts of the site while it is built.

A page asks for generated content with a marker on a line of its own,
``<!-- docgen: NAME ARGS -->``; the hook replaces it before the page is
rendered, so the content is searchable and linkable like any other text:

- ``api MODULE...``: the reference entries of the public names from those modules;
- ``api-rest``: the public names that no page claims; ``api-index``: the table
  of reference pages and their names (see ``docgen_api``);
- ``cli``: the command-line reference (``docgen_cli``);
- ``rules``: the table of validation rule codes (``docgen_rules``);
- ``class-diagram`` and ``timeline RELATION_ID``: pictures (``docgen_diagrams``),
  inline SVG; each is also written to ``diagrams/`` as a file of its own.

The hook is listed under ``hooks:`` in ``mkdocs.yml``.
"""

# ruff: noqa: INP001 - docs/hooks holds build scripts, not a package

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

import docgen_api
import docgen_cli
import docgen_diagrams
import docgen_rules

import diplomodel

MARKER = re.compile(r"^<!-- docgen: ([\w-]+)((?: [\w.:,-]+)*) -->$", re.MULTILINE)

DIAGRAMS = "diagrams"
CLASS_DIAGRAM_LEGEND = [
    ("entity", "a record with an id of its own: a table of a dossier"),
    ("value", "a value object, stored inside the records that hold it"),
    ("reference", "reference data, written in files as its code"),
    ("solid arrow", "a field that holds the id of another record (`name → Class`)"),
    ("dashed arrow", "a field that holds value objects"),
    ("hollow arrow", "a kind of a more general class (it has all the general class's fields)"),
    ("`[]` and `?`", "a tuple of them; may be None"),
]

_pages: dict[str, str] = {}
_titles: dict[str, str] = {}


def _svgs() -> dict[str, str]:
    """Every picture, by its file name under ``diagrams/``."""
    example = diplomodel.load_example()
    pictures = {"model.svg": docgen_diagrams.class_diagram()}
    for relation in example.relations:
        pictures[f"relation-{relation.id}.svg"] = docgen_diagrams.relation_timeline(
            example, relation.id
        )
    return pictures


def _figure(svg: str, file: str, page: Any, caption: str) -> str:
    depth = page.file.src_uri.count("/")
    link = "../" * depth + f"{DIAGRAMS}/{file}"
    return (
        f'<figure class="dm-figure"><div class="dm-scroll">{svg}</div>'
        f'<figcaption>{caption} <a href="{link}">Open the picture on its own</a>.'
        "</figcaption></figure>"
    )


def _api(args: list[str], _page: Any) -> str:
    return docgen_api.entries(docgen_api.names_of(args))


def _api_rest(_args: list[str], _page: Any) -> str:
    rest = docgen_api.unclaimed(_pages)
    if not rest:
        return "None: every public name has its place on one of the topic pages."
    return docgen_api.entries(rest)


def _api_index(_args: list[str], page: Any) -> str:
    return docgen_api.index_table(_pages, _titles, page.file.src_uri)


def _cli(_args: list[str], _page: Any) -> str:
    return docgen_cli.cli_reference()


def _rules(_args: list[str], _page: Any) -> str:
    return docgen_rules.rule_table()


def _class_diagram(_args: list[str], page: Any) -> str:
    svg = docgen_diagrams.class_diagram()
    caption = "The model, drawn from its classes when this site was built."
    legend = docgen_diagrams.legend(CLASS_DIAGRAM_LEGEND)
    return _figure(svg, "model.svg", page, caption) + "\n\n" + legend


def _timeline(args: list[str], page: Any) -> str:
    (relation_id,) = args
    svg = docgen_diagrams.relation_timeline(diplomodel.load_example(), relation_id)
    caption = f"The relation <code>{relation_id}</code> of the bundled example on a time line."
    return _figure(svg, f"relation-{relation_id}.svg", page, caption)


GENERATORS = {
    "api": _api,
    "api-rest": _api_rest,
    "api-index": _api_index,
    "cli": _cli,
    "rules": _rules,
    "class-diagram": _class_diagram,
    "timeline": _timeline,
}


def _expand(name: str, args: list[str], page: Any) -> str:
    if name not in GENERATORS:
        raise ValueError(f"{page.file.src_uri}: unknown marker 'docgen: {name}'")
    return GENERATORS[name](args, page)


def on_files(files: Any, config: Any) -> Any:
    """Read every page's source (for the reference index) and add the picture files."""
    from mkdocs.structure.files import File  # noqa: PLC0415 - only while building

    _pages.clear()
    _titles.clear()
    for file in files.documentation_pages():
        text = Path(file.abs_src_path).read_text("utf-8")
        _pages[file.src_uri] = text
        title = re.search(r"^# (.+)$", text, re.MULTILINE)
        _titles[file.src_uri] = title.group(1).strip() if title else file.src_uri
    for name, svg in _svgs().items():
        files.append(File.generated(config, f"{DIAGRAMS}/{name}", content=svg))
    return files


def on_page_markdown(markdown: str, page: Any, **_kwargs: Any) -> str:
    """Replace each ``docgen`` marker of the page with what it asks for."""
    return MARKER.sub(lambda m: _expand(m.group(1), m.group(2).split(), page), markdown)
