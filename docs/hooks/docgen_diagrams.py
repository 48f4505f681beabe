"""Pictures of the model drawn as SVG from the code, when the site is built.

- `class_diagram` draws every model class with its fields, the id references
  between classes (solid arrows), the value objects each class embeds (dashed
  arrows) and the kinds of a class (hollow arrows); it reads them with
  `docgen_model.read_model`, so a new class or field appears by itself.
- `relation_timeline` draws a relation of a dossier on a time line: when
  diplomatic ties began, its partnership levels, its round-number
  anniversaries, the meeting series and themed years of the same parties.

The SVG needs no script and no font download: it is plain markup, styled by
classes (``dm-*``) with colours that follow the site's light and dark schemes
and fall back to fixed ones when the file is opened on its own.

>>> svg = class_diagram()
>>> svg.startswith("<svg") and ">Meeting</text>" in svg
True
"""

# ruff: noqa: INP001 - docs/hooks holds build scripts, not a package

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import docgen_model

import diplomodel

FONT = 12
CHAR = 7.25  # width of one character of the monospace font at FONT px
ROW = 17
HEAD = 26
PAD = 10
GAP_X = 40
GAP_Y = 64
ARROW_ROOM = 24  # how far an arrow runs straight before it enters a box
WIDTH = 900  # the widest a layer of the class diagram may be before it wraps

STYLE = """
.dm-svg text { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: 12px; fill: var(--md-default-fg-color, #1f2328); }
.dm-svg .dm-title { font-weight: 700; fill: var(--md-primary-bg-color, #fff); }
.dm-svg .dm-head { fill: var(--md-primary-fg-color, #3f51b5); }
.dm-svg .dm-head-value { fill: var(--md-default-fg-color--light, #6b6f76); }
.dm-svg .dm-head-ref { fill: #00897b; }
.dm-svg .dm-box { fill: var(--md-default-bg-color, #fff);
  stroke: var(--md-default-fg-color--lighter, #b8bcc2); }
.dm-svg .dm-id { fill: var(--md-accent-fg-color, #3d5afe); font-weight: 600; }
.dm-svg .dm-muted { fill: var(--md-default-fg-color--light, #6b6f76); }
.dm-svg .dm-edge { fill: none; stroke-width: 1.3; }
.dm-svg .dm-edge-id { stroke: var(--md-accent-fg-color, #3d5afe); }
.dm-svg .dm-edge-embed { stroke: var(--md-default-fg-color--light, #6b6f76);
  stroke-dasharray: 5 3; }
.dm-svg .dm-edge-kind { stroke: var(--md-default-fg-color--light, #6b6f76); }
.dm-svg .dm-fill-id { fill: var(--md-accent-fg-color, #3d5afe); }
.dm-svg .dm-fill-muted { fill: var(--md-default-fg-color--light, #6b6f76); }
.dm-svg .dm-hollow { fill: var(--md-default-bg-color, #fff);
  stroke: var(--md-default-fg-color--light, #6b6f76); }
.dm-svg .dm-axis { stroke: var(--md-default-fg-color--light, #6b6f76); stroke-width: 1; }
.dm-svg .dm-grid { stroke: var(--md-default-fg-color--lightest, #e3e5e8); stroke-width: 1; }
.dm-svg .dm-bar { fill: var(--md-primary-fg-color, #3f51b5); opacity: 0.85; }
.dm-svg .dm-bar-ties { fill: #00897b; opacity: 0.85; }
.dm-svg .dm-bar-year { fill: #f9a825; }
.dm-svg .dm-dot { fill: var(--md-accent-fg-color, #3d5afe); }
"""


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _svg(width: float, height: float, title: str, body: Iterable[str]) -> str:
    """An SVG element with its style, a title for screen readers, and no blank line."""
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="dm-svg" role="img" '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'aria-label="{_esc(title)}">'
    )
    defs = (
        "<defs>"
        '<marker id="dm-arrow-id" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path class="dm-fill-id" '
        'd="M0,0L10,5L0,10z"/></marker>'
        '<marker id="dm-arrow-embed" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path class="dm-fill-muted" '
        'd="M0,0L10,5L0,10z"/></marker>'
        '<marker id="dm-arrow-kind" viewBox="0 0 12 12" refX="11" refY="6" markerWidth="11" '
        'markerHeight="11" orient="auto-start-reverse"><path class="dm-hollow" '
        'd="M1,1L11,6L1,11z"/></marker>'
        "</defs>"
    )
    style = "<style>" + " ".join(STYLE.split()) + "</style>"
    return "".join([head, f"<title>{_esc(title)}</title>", style, defs, *body, "</svg>"])


# -- the class diagram ---------------------------------------------------------------


@dataclass
class _Box:
    cls: type[Any]
    kind: str  # "entity", "value" or "reference"
    rows: list[tuple[str, docgen_model.Field | None]]
    rank: int = 0
    x: float = 0.0
    y: float = 0.0
    order: float = 0.0
    edges: list[tuple[int, _Box, str]] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.cls.__name__

    @property
    def width(self) -> float:
        longest = max([len(self.name) + 9, *(len(text) for text, _ in self.rows)])
        return longest * CHAR + 2 * PAD

    @property
    def height(self) -> float:
        return HEAD + ROW * len(self.rows) + PAD / 2

    def row_y(self, index: int) -> float:
        return self.y + HEAD + ROW * index + ROW * 0.7


def short_type(text: str) -> str:
    """A field's type in the diagram's short notation: ``X[]`` a tuple, ``X?`` optional.

    >>> short_type("tuple[Source, ...]"), short_type("PartialDate | None")
    ('Source[]', 'PartialDate?')
    """
    text = re.sub(r"tuple\[([\w.]+), \.\.\.\]", r"\1[]", text)
    return re.sub(r"^([^|]+) \| None$", r"\1?", text)


def _row_text(f: docgen_model.Field) -> str:
    if f.actor and f.target is not None:
        marks = f"{'[]' if f.many else ''}{'?' if f.optional else ''}"
        return f"{f.name}: Actor{marks} → {f.target.__name__}"
    if f.link == "id" and f.target is not None:
        arrow = f"{f.target.__name__}{'[]' if f.many else ''}{'?' if f.optional else ''}"
        return f"{f.name} → {arrow}"
    return f"{f.name}: {short_type(f.type_text)}"


def _boxes(model: docgen_model.Model) -> list[_Box]:
    boxes: dict[type[Any], _Box] = {}
    for cls in model.classes:
        own = model.fields_of(cls.__name__)
        for base in model.bases_of(cls):
            inherited = {f.name for f in model.fields_of(base.__name__)}
            own = tuple(f for f in own if f.name not in inherited)
        kind = "entity" if model.is_entity(cls) else "value"
        boxes[cls] = _Box(cls, kind, [(_row_text(f), f) for f in own])
    for cls in model.reference:
        boxes[cls] = _Box(cls, "reference", [("written as its code", None)])
    for box in boxes.values():
        for index, (_, f) in enumerate(box.rows):
            if f is not None and f.link in {"id", "embed"} and f.target in boxes:
                box.edges.append((index, boxes[f.target], f.link))
        for base in model.bases_of(box.cls):
            box.edges.append((-1, boxes[base], "kind"))
    return list(boxes.values())


def _rank(boxes: list[_Box]) -> None:
    """Columns by the longest chain of references to the right; cycles are cut."""
    done: set[int] = set()
    active: set[int] = set()
    cut: set[tuple[int, int, int]] = set()

    def visit(box: _Box) -> int:
        if id(box) in done:
            return box.rank
        active.add(id(box))
        rank = 0
        for index, target, _ in box.edges:
            if target is box:
                continue
            if id(target) in active:
                cut.add((id(box), index, id(target)))
                continue
            rank = max(rank, visit(target) + 1)
        active.discard(id(box))
        done.add(id(box))
        box.rank = rank
        return rank

    for box in sorted(boxes, key=lambda b: -len(b.edges)):
        visit(box)
    _pull_left(boxes, cut)
    for box in boxes:
        if box.kind == "reference":
            box.rank = 0


def _pull_left(boxes: list[_Box], cut: set[tuple[int, int, int]]) -> None:
    """Move each box that points nowhere next to the nearest box that points at it.

    The arrows get shorter and still all run from left to right.
    """
    for box in sorted(boxes, key=lambda b: -b.rank):
        if any(target is not box for _, target, _ in box.edges):
            continue
        pointing = [
            b.rank
            for b in boxes
            for index, target, _ in b.edges
            if target is box and b is not box and (id(b), index, id(box)) not in cut
        ]
        if pointing:
            box.rank = max(box.rank, min(pointing) - 1)


def _order(boxes: list[_Box], columns: dict[int, list[_Box]]) -> None:
    """Order the boxes of each layer by the mean position of their neighbours."""
    for box in boxes:
        box.order = float(boxes.index(box))
    neighbours: dict[int, list[_Box]] = {id(b): [] for b in boxes}
    for box in boxes:
        for _, target, _ in box.edges:
            if target is not box:
                neighbours[id(box)].append(target)
                neighbours[id(target)].append(box)
    for _ in range(6):  # barycentre sweeps: fewer crossings
        for rank in sorted(columns, reverse=True):
            column = columns[rank]
            for box in column:
                near = [n.order for n in neighbours[id(box)] if n.rank != rank]
                box.order = sum(near) / len(near) if near else box.order
            column.sort(key=lambda b: b.order)
            for position, box in enumerate(column):
                box.order = float(position)


def _place(boxes: list[_Box], max_width: float) -> tuple[float, float]:
    """Lay the layers out from top to bottom; a layer wider than the page wraps."""
    layers: dict[int, list[_Box]] = {}
    for box in boxes:
        layers.setdefault(box.rank, []).append(box)
    _order(boxes, layers)
    rows: list[list[_Box]] = []
    for rank in sorted(layers, reverse=True):
        row: list[_Box] = []
        for box in layers[rank]:
            if row and sum(b.width + GAP_X for b in row) + box.width > max_width:
                rows.append(row)
                row = []
            row.append(box)
        rows.append(row)
    width = max(sum(b.width for b in row) + GAP_X * (len(row) - 1) for row in rows) + 2 * PAD
    y = PAD + ARROW_ROOM
    for row in rows:
        x = PAD  # left-aligned: a narrow screen shows the start of every layer
        for box in row:
            box.x, box.y = x, y
            x += box.width + GAP_X
        y += max(b.height for b in row) + GAP_Y
    return width, y - GAP_Y + PAD


def _edge(box: _Box, index: int, target: _Box, link: str) -> str:
    """A curve from a field's row (or a box's title, for a kind) to the box it points at."""
    row_y = box.y + HEAD / 2 if index < 0 else box.row_y(index) - 4
    centre = target.x + target.width / 2
    if target is box:  # to itself: out on the right, back into the title
        x1 = box.x + box.width
        y2 = box.y + HEAD / 2
        loop = x1 + 34
        d = f"M{x1:.1f},{row_y:.1f} C{loop:.1f},{row_y:.1f} {loop:.1f},{y2:.1f} {x1:.1f},{y2:.1f}"
    else:
        right = centre >= box.x + box.width / 2
        x1 = box.x + box.width if right else box.x
        out = 30.0 if right else -30.0
        if target.y > box.y:  # below: into the top of the box
            y2 = target.y
            c2 = y2 - ARROW_ROOM
        else:  # above or beside: into the bottom
            y2 = target.y + target.height
            c2 = y2 + ARROW_ROOM
        d = (
            f"M{x1:.1f},{row_y:.1f} C{x1 + out:.1f},{row_y:.1f} {centre:.1f},{c2:.1f} "
            f"{centre:.1f},{y2:.1f}"
        )
    return f'<path class="dm-edge dm-edge-{link}" d="{d}" marker-end="url(#dm-arrow-{link})"/>'


def _draw_box(box: _Box) -> Iterable[str]:
    head = {"entity": "dm-head", "value": "dm-head-value", "reference": "dm-head-ref"}[box.kind]
    yield f'<g class="dm-class" id="dm-class-{_esc(box.name)}">'
    yield (
        f'<rect class="dm-box" x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" '
        f'height="{box.height:.1f}" rx="4"/>'
    )
    yield (
        f'<rect class="{head}" x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" '
        f'height="{HEAD}" rx="4"/>'
    )
    yield (
        f'<text class="dm-title" x="{box.x + PAD:.1f}" y="{box.y + HEAD * 0.68:.1f}">'
        f"{_esc(box.name)}</text>"
    )
    yield (
        f'<text class="dm-title" x="{box.x + box.width - PAD:.1f}" y="{box.y + HEAD * 0.68:.1f}" '
        f'text-anchor="end" font-weight="400">{box.kind}</text>'
    )
    for index, (text, f) in enumerate(box.rows):
        css = "dm-id" if f is not None and f.link == "id" else ("dm-muted" if f is None else "")
        attr = f' class="{css}"' if css else ""
        yield f'<text{attr} x="{box.x + PAD:.1f}" y="{box.row_y(index):.1f}">{_esc(text)}</text>'
    yield "</g>"


def class_diagram(model: docgen_model.Model | None = None) -> str:
    """The model's classes, their fields, and the references between them, as SVG.

    Args:
        model: The model to draw (default: diplomodel's, read from its code).

    Returns:
        An ``<svg>`` element on one line.
    """
    boxes = _boxes(model or docgen_model.read_model())
    _rank(boxes)
    width, height = _place(boxes, WIDTH)
    body: list[str] = []
    for box in boxes:
        body.extend(_edge(box, index, target, link) for index, target, link in box.edges)
    for box in boxes:
        body += _draw_box(box)
    return _svg(width, height, "The classes of diplomodel's model and their references", body)


# -- the relation's time line ------------------------------------------------------------


def _year_fraction(day: date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 365.25


def _lanes(
    dossier: diplomodel.Dossier, relation: diplomodel.BilateralRelation, end: date
) -> list[tuple[str, float, float, str]]:
    """(label, start, end, kind) of each bar: ties, levels, series, themed years."""
    lanes: list[tuple[str, float, float, str]] = []
    last = _year_fraction(end)
    if relation.established is not None:
        lanes.append(
            (
                f"diplomatic ties, since {relation.established}",
                _year_fraction(relation.established.earliest()),
                last,
                "ties",
            )
        )
    levels = list(relation.levels)
    for level, after in zip(levels, [*levels[1:], None], strict=True):
        stop = _year_fraction(after.since.earliest()) if after is not None else last
        lanes.append(
            (f"{level.name} ({level.since})", _year_fraction(level.since.earliest()), stop, "")
        )
    parties = set(relation.parties)
    for series in dossier.series:
        if set(series.parties) == parties and series.established is not None:
            count = len(dossier.series_meetings(series.id))
            lanes.append(
                (
                    f"{series.title} (since {series.established}; {count} recorded)",
                    _year_fraction(series.established.earliest()),
                    last,
                    "series",
                )
            )
    lanes.extend(
        (
            f"{year.title} ({year.start}–{year.end})",
            _year_fraction(year.start.earliest()),
            _year_fraction(year.end.latest()),
            "year",
        )
        for year in dossier.thematic_years
        if set(year.parties) == parties
    )
    return lanes


def relation_timeline(dossier: diplomodel.Dossier, relation_id: str, *, width: float = 680) -> str:
    """A relation's history on a time line, from the records of a dossier.

    Args:
        dossier: Where the relation, its series, meetings and themed years are.
        relation_id: The relation's id.
        width: The picture's width in pixels.

    Returns:
        An ``<svg>`` element on one line.
    """
    relation = dossier.relation_by_id(relation_id)
    days = [m.start.latest() for m in dossier.meetings]
    days += [y.end.latest() for y in dossier.thematic_years]
    end = max(days) if days else date.today()  # noqa: DTZ011 - an empty dossier only
    lanes = _lanes(dossier, relation, end)
    first = min(start for _, start, _, _ in lanes)
    start_year = int(first // 10 * 10)
    stop_year = end.year + 1
    left, right, top = 2.5 * PAD, width - 2.5 * PAD, 40
    lane_height = 34

    def x(value: float) -> float:
        return left + (value - start_year) / (stop_year - start_year) * (right - left)

    body: list[str] = []
    ties = relation.established is not None
    lane_tops = [top + lane_height * i + (16 if ties and i else 0) for i in range(len(lanes))]
    bottom = lane_tops[-1] + lane_height + 8
    for tick in range(start_year, stop_year + 1, 10):
        body.append(
            f'<line class="dm-grid" x1="{x(tick):.1f}" y1="{top - 14}" x2="{x(tick):.1f}" '
            f'y2="{bottom}"/>'
        )
        body.append(
            f'<text class="dm-muted" x="{x(tick):.1f}" y="{bottom + 16}" '
            f'text-anchor="middle">{tick}</text>'
        )
    body.append(f'<line class="dm-axis" x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}"/>')
    css = {"ties": "dm-bar-ties", "series": "dm-bar", "year": "dm-bar-year", "": "dm-bar"}
    for y, (label, begin, stop, kind) in zip(lane_tops, lanes, strict=True):
        bar_x = x(begin)
        bar_width = max(x(stop) - bar_x, 3.0)
        # Every label starts at the left edge, over its bar's row: read on a narrow
        # screen without scrolling, like the row labels of a chart.
        body.append(f'<text x="{left:.1f}" y="{y + 2}">{_esc(label)}</text>')
        body.append(
            f'<rect class="{css[kind]}" x="{bar_x:.1f}" y="{y + 7}" width="{bar_width:.1f}" '
            f'height="10" rx="2"/>'
        )
    if relation.established is not None:
        tie_lane = lane_tops[0] + 7
        for anniversary in diplomodel.anniversaries(
            relation.established.earliest(),
            relation.established.earliest(),
            end,
            jubilee_only=True,
        ):
            if anniversary.number % 25 and anniversary.number % 10:
                continue
            at = x(_year_fraction(anniversary.date.earliest()))
            body.append(f'<circle class="dm-dot" cx="{at:.1f}" cy="{tie_lane + 5}" r="4"/>')
            body.append(
                f'<text class="dm-muted" x="{at:.1f}" y="{tie_lane + 24}" '
                f'text-anchor="middle" font-size="10">{anniversary.number}</text>'
            )
    names = " and ".join(p.name for p in relation.parties)
    return _svg(width, bottom + 26, f"{names}: the relation on a time line", body)


def legend(items: Sequence[tuple[str, str]]) -> str:
    """A Markdown list that explains a picture's marks.

    >>> legend([("solid arrow", "an id reference")])
    '- **solid arrow**: an id reference'
    """
    return "\n".join(f"- **{mark}**: {meaning}" for mark, meaning in items)
