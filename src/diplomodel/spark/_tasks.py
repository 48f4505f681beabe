"""What runs on Spark's executors: record batches in, entities or findings out. Private.

Every function here takes and returns Arrow record batches (the form of
`pyspark.sql.DataFrame.mapInArrow`), so the same code runs in local mode and
on a cluster. Entities travel between stages as the library's own JSON
(`diplomodel.serialization`), the one serialised form every executor can read back.
The rules themselves are the ones `diplomodel.validation.validate` runs,
applied to a small dossier that holds the record and what it refers to.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final

import attrs
import pyarrow as pa

from diplomodel._rules import _LABELS
from diplomodel.arrow import from_arrow
from diplomodel.dossier import Dossier
from diplomodel.model._fields import TABLES, references
from diplomodel.serialization import from_json, to_json
from diplomodel.spark._families import FAMILIES
from diplomodel.validation import Finding, Rule, Rules, _finding

__all__ = [
    "ENTITY_SCHEMA",
    "FINDING_SCHEMA",
    "POSITION",
    "Context",
    "RecordChecks",
    "entity_rows",
    "finding_batch",
    "group_findings",
    "record_findings",
]

POSITION: Final = "_diplomodel_position"
"""The column that holds a row's place in its table (the index in the dossier's tuple)."""

TABLE_OF: Final = {cls: name for name, cls in TABLES.items()}

FINDING_SCHEMA: Final = pa.schema(
    [
        pa.field("code", pa.string(), nullable=False),
        pa.field("severity", pa.string(), nullable=False),
        pa.field("path", pa.string(), nullable=False),
        pa.field("message", pa.string(), nullable=False),
        pa.field("ids", pa.list_(pa.string()), nullable=False),
    ]
)
"""The columns of the findings: those of `diplomodel.validation.Finding`."""

_REF: Final = pa.struct(
    [("at", pa.string()), ("table", pa.string()), ("ref", pa.string()), ("label", pa.string())]
)
_KEY: Final = pa.struct([("family", pa.string()), ("key", pa.string())])

ENTITY_SCHEMA: Final = pa.schema(
    [
        ("table", pa.string()),
        ("pos", pa.int64()),
        ("id", pa.string()),
        ("json", pa.string()),
        ("refs", pa.list_(_REF)),
        ("keys", pa.list_(_KEY)),
    ]
)
"""One row per entity of any table: where it is, its JSON, what it names, its group keys."""


def _keys(table: str, entity: Any) -> list[dict[str, str]]:
    found = []
    for name, family in FAMILIES.items():
        if family.table == table:
            key = family.key(entity)
            if key is not None:
                found.append({"family": name, "key": key})
    return found


def _refs(entity: Any) -> list[dict[str, str]]:
    return [
        {
            "at": at,
            "table": TABLE_OF[kind],
            "ref": ref,
            "label": _LABELS.get(kind, kind.__name__.lower()),
        }
        for at, kind, ref in references(entity)
    ]


def entity_rows(table: str, batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Structure each row of one table and describe it as an `ENTITY_SCHEMA` row.

    Reading through `diplomodel.arrow.from_arrow` checks every value, as
    loading a dossier does.
    """
    cls = TABLES[table]
    for batch in batches:
        positions = batch.column(POSITION).to_pylist()
        records = from_arrow(pa.Table.from_batches([batch.drop_columns([POSITION])]), cls)
        described = {
            "table": [table] * len(records),
            "pos": positions,
            "id": [r.id for r in records],
            "json": [to_json(r, indent=None) for r in records],
            "refs": [_refs(r) for r in records],
            "keys": [_keys(table, r) for r in records],
        }
        yield pa.RecordBatch.from_pydict(described, schema=ENTITY_SCHEMA)


@attrs.frozen
class Context:
    """What every task needs to rebuild a dossier and run the rules."""

    dossier_id: str
    title: str
    rules: Rules


def finding_batch(findings: list[Finding]) -> pa.RecordBatch:
    """Findings as one record batch of `FINDING_SCHEMA`."""
    return pa.RecordBatch.from_pydict(
        {
            "code": [f.code for f in findings],
            "severity": [f.severity.value for f in findings],
            "path": [f.path for f in findings],
            "message": [f.message for f in findings],
            "ids": [list(f.ids) for f in findings],
        },
        schema=FINDING_SCHEMA,
    )


class _Parsed:
    """Entities read back from JSON, remembered by (table, position) within one task."""

    def __init__(self, text: Callable[[str, int], str], limit: int = 10_000) -> None:
        self._text = text
        self._known: dict[tuple[str, int], Any] = {}
        self._limit = limit

    def get(self, table: str, pos: int) -> Any:
        key = (table, pos)
        found = self._known.get(key)
        if found is None:
            if len(self._known) >= self._limit:
                self._known.clear()
            found = self._known[key] = from_json(self._text(table, pos), TABLES[table])
        return found


def _dossier(context: Context, members: Mapping[str, Mapping[int, Any]]) -> Dossier:
    tables = {name: tuple(by_pos[p] for p in sorted(by_pos)) for name, by_pos in members.items()}
    return Dossier(id=context.dossier_id, title=context.title, **tables)


class RecordChecks:
    """The rules on single entities, each in a dossier of it and what it names.

    `text` gives the JSON of the entity at a (table, position); each entity
    is read from it once and remembered for the next records that name it.
    """

    def __init__(self, context: Context, text: Callable[[str, int], str]) -> None:
        self._context = context
        self._parsed = _Parsed(text)
        self._per_type: dict[type[Any], list[Rule]] = {}

    def findings(self, table: str, pos: int, near: Iterable[tuple[str, int]]) -> list[Finding]:
        """The findings on the entity at `pos` of `table`, which names the entities `near`."""
        entity = self._parsed.get(table, pos)
        kind = type(entity)
        applicable = self._per_type.get(kind)
        if applicable is None:
            applicable = self._per_type[kind] = [
                r
                for r in self._context.rules
                if Dossier not in r.applies_to and issubclass(kind, r.applies_to)
            ]
        if not applicable:
            return []
        members: dict[str, dict[int, Any]] = {table: {pos: entity}}
        for other, at in near:
            members.setdefault(other, {})[at] = self._parsed.get(other, at)
        small = _dossier(self._context, members)
        path = f"$.{table}[{pos}]"
        return [_finding(r, hit, path, entity.id) for r in applicable for hit in r(entity, small)]


def record_findings(
    context: Context, batches: Iterable[pa.RecordBatch]
) -> Iterator[pa.RecordBatch]:
    """Run the rules on single entities, each in a dossier of it and what it refers to.

    Each input row is an entity (table, pos, json) with ``near``: the entities
    it names, the bodies above them, each as (table, pos, json).
    """
    texts: dict[tuple[str, int], str] = {}
    checks = RecordChecks(context, lambda table, pos: texts[table, pos])
    for batch in batches:
        texts.clear()  # those of this batch: anything earlier is remembered parsed, or read again
        rows = []
        for row in batch.to_pylist():
            texts[row["table"], row["pos"]] = row["json"]
            near = []
            for other in row["near"] or ():
                texts[other["table"], other["pos"]] = other["json"]
                near.append((other["table"], other["pos"]))
            rows.append((row["table"], row["pos"], near))
        yield finding_batch([f for row in rows for f in checks.findings(*row)])


_AT: Final = re.compile(r"\.(\w+)\[(\d+)\]")


def _moved(finding: Finding, positions: Mapping[str, list[int]]) -> Finding:
    """The finding with the place in the small dossier replaced by the place in the whole."""
    match = _AT.match(finding.path, 1)
    if match is None or match.group(1) not in positions:
        return finding
    table, index = match.group(1), int(match.group(2))
    path = f"$.{table}[{positions[table][index]}]{finding.path[match.end() :]}"
    return attrs.evolve(finding, path=path)


def group_findings(
    context: Context, family: str, batches: Iterable[pa.RecordBatch]
) -> Iterator[pa.RecordBatch]:
    """Run a family's rules over whole-dossier groups: rows sorted by (key, pos) in one task.

    A group may span record batches; it is checked when its last row is read.
    """
    spec = FAMILIES[family]
    active = [r for r in context.rules if r.code in spec.codes]
    rows = itertools.chain.from_iterable(b.to_pylist() for b in batches)
    found: list[Finding] = []
    for _, group in itertools.groupby(rows, key=lambda row: row["key"]):
        members = list(group)
        records = tuple(from_json(m["json"], TABLES[spec.table]) for m in members)
        small = Dossier(id=context.dossier_id, title=context.title, **{spec.table: records})
        positions = {spec.table: [m["pos"] for m in members]}
        for r in active:
            found.extend(_moved(_finding(r, hit, "$", None), positions) for hit in r(small, small))
        if len(found) >= 10_000:
            yield finding_batch(found)
            found = []
    yield finding_batch(found)
