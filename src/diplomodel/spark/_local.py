"""The Spark plan in one process: the joins in DuckDB, on disk, the rules over streamed batches.

Private: use it through `diplomodel.spark.validate_streaming`. Each step is
the one of `diplomodel.spark._plan`, written in SQL; the Python that runs the
rules is the same (`diplomodel.spark._tasks`). DuckDB keeps the entities in a
database file and spills its joins and sorts to disk, so memory stays bounded
whatever the size of the dataset. For the per-record rules it works out, in
one query a table, which entities each record names (positions, sorted by
record); their JSON is then read from a `JsonStore` beside the database,
two seeks an entity, instead of being joined in for every record.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from diplomodel.arrow._parquet import _batches, read_manifest
from diplomodel.errors import ProblemCollector
from diplomodel.model._fields import TABLES
from diplomodel.spark._families import FAMILIES, JOINED
from diplomodel.spark._store import JsonStore
from diplomodel.spark._tasks import (
    ENTITY_SCHEMA,
    POSITION,
    Context,
    RecordChecks,
    entity_rows,
    finding_batch,
    group_findings,
)
from diplomodel.validation import Finding

__all__ = ["findings"]

_ROWS = 2048

_DM101 = """
SELECT 'DM101' AS code, '$.' || e.t || '[' || e.pos || ']' || e.r.at AS path,
       '''' || e.r.ref || ''' names no ' || e.r.label || ' in the dossier' AS message,
       [e.id, e.r.ref] AS ids
FROM (SELECT "table" AS t, pos, id, unnest(refs) AS r FROM entities) e
ANTI JOIN (SELECT DISTINCT "table", id FROM entities) k
  ON e.r."table" = k."table" AND e.r.ref = k.id
"""

_DM102 = """
SELECT 'DM102' AS code, '$.' || e."table" || '[' || e.pos || '].id' AS path,
       'id ''' || e.id || ''' is already used by $.' || e."table" || '[' || f.pos || ']'
         AS message,
       [e.id] AS ids
FROM entities e JOIN first f ON e."table" = f."table" AND e.id = f.id
WHERE e.pos > f.pos
"""

_FIRST = """
CREATE TEMP TABLE first AS
SELECT e."table", e.id, e.pos, e.json, e.refs
FROM entities e
JOIN (SELECT "table", id, min(pos) AS pos FROM entities GROUP BY ALL) m
  USING ("table", id, pos)
"""

_ANCESTORS = """
CREATE TEMP TABLE ancestors AS
WITH RECURSIVE edges AS (
    SELECT b.id AS b, r.ref AS parent
    FROM (SELECT id, unnest(refs) AS r FROM first WHERE "table" = 'bodies') b
    WHERE b.r.at = '.parent' AND b.r."table" = 'bodies'
      AND b.r.ref IN (SELECT id FROM first WHERE "table" = 'bodies')
), up(b, a) AS (
    SELECT id, id FROM first WHERE "table" = 'bodies'
    UNION
    SELECT up.b, edges.parent FROM up JOIN edges ON up.a = edges.b
)
SELECT * FROM up
"""

_BODIES_NAMED = """
CREATE TEMP TABLE bodies_named AS
SELECT "table", pos, r.ref AS body
FROM (SELECT "table", pos, unnest(refs) AS r FROM first)
WHERE r."table" = 'bodies'
"""
"""The bodies each entity names: few, so the records that name it meet them without its list."""

_KEYS = """
CREATE TEMP TABLE keys AS
SELECT "table", id, pos, hash("table", id) % {parts} AS part FROM first
"""
"""Each entity's (table, id) and position, in parts by a hash of the key."""

_KEY_ROWS = 1 << 20
"""How many keys a part holds at most: the build side of one join stays this small."""

_REFS = """
CREATE OR REPLACE TEMP TABLE refs AS
SELECT pos, r."table" AS rt, r.ref AS rid, hash(r."table", r.ref) % {parts} AS part
FROM (SELECT pos, unnest(refs) AS r FROM entities WHERE "table" = '{table}')
"""
"""What each entity of one table names, in the parts of `_KEYS`."""

_NEAR_STEPS = (
    "CREATE OR REPLACE TEMP TABLE near (pos BIGINT, rt VARCHAR, npos BIGINT)",
    # One join a part: whatever the size of the dataset, a join holds about _KEY_ROWS keys at most.
    """
    INSERT INTO near
    SELECT refs.pos, refs.rt, k.pos FROM refs JOIN keys k ON k."table" = refs.rt AND k.id = refs.rid
    WHERE refs.part = {part} AND k.part = {part}
    """,
    """
    CREATE OR REPLACE TEMP TABLE named AS
    SELECT pos, rid FROM refs WHERE rt = 'bodies'
    UNION ALL
    SELECT near.pos, b.body
    FROM near JOIN bodies_named b ON b."table" = near.rt AND b.pos = near.npos
    """,
    """
    INSERT INTO near
    SELECT named.pos, 'bodies', f.pos
    FROM named JOIN ancestors a ON a.b = named.rid
    JOIN first f ON f."table" = 'bodies' AND f.id = a.a
    """,
)
"""``near``: each entity of one table with each entity it names and each body above those.

Written step by step into tables (not one query with ``DISTINCT``): DuckDB
spills tables and sorts to disk, but a single query over every (record,
neighbour) pair ran out of its memory limit at 10 million meetings. The
same pair may appear twice (a person named in two places); `_near` drops
the repeats.
"""


def _load(con: duckdb.DuckDBPyConnection, root: Path, names: list[str], store: JsonStore) -> None:
    """Every table's rows, structured and described (`ENTITY_SCHEMA`), into ``entities``.

    Each entity's JSON goes into `store` as well.
    """
    con.register("empty", ENTITY_SCHEMA.empty_table())
    _run(con, "CREATE TABLE entities AS SELECT * FROM empty")
    con.unregister("empty")
    problems = ProblemCollector()
    for name in names:
        start = 0
        for batch, index, _ in _batches(root, name, _ROWS, problems):
            place = index if index is not None else pa.array(range(start, start + batch.num_rows))
            start += batch.num_rows
            placed = batch.append_column(POSITION, place.cast(pa.int64()))
            for described in entity_rows(name, [placed]):
                store.add(name, described["pos"].to_pylist(), described["json"].to_pylist())
                con.register("described", described)
                _run(con, "INSERT INTO entities SELECT * FROM described")
                con.unregister("described")
    error = problems.error(source=str(root))
    if error is not None:
        raise error


def _run(con: duckdb.DuckDBPyConnection, sql: str) -> list[Any]:
    """Run a statement to its end (DuckDB refuses new work while a result is unread)."""
    rows: list[Any] = con.execute(sql).fetchall()
    return rows


def _batches_of(con: duckdb.DuckDBPyConnection, sql: str) -> Iterator[pa.RecordBatch]:
    reader: Any = con.sql(sql).to_arrow_reader(_ROWS)
    yield from reader


def findings(
    directory: Path, context: Context, record_tables: list[str], *, memory_limit: str
) -> Iterator[pa.RecordBatch]:
    """The findings, batch by batch (columns of `FINDING_SCHEMA`, severity aside)."""
    root = Path(directory)
    manifest = read_manifest(root)
    names = [n for n in manifest.get("tables", TABLES) if n in TABLES]
    codes = {r.code for r in context.rules}
    with tempfile.TemporaryDirectory(prefix="diplomodel-validate-") as scratch:
        con = duckdb.connect(str(Path(scratch) / "entities.duckdb"))
        store = JsonStore(Path(scratch))
        try:
            _run(con, f"SET memory_limit = '{memory_limit}'")
            _run(con, f"SET temp_directory = '{scratch}'")
            _run(con, "SET preserve_insertion_order = false")
            _load(con, root, names, store)
            _run(con, _FIRST)
            yield from _checks(con, context, codes, record_tables, store)
        except duckdb.OutOfMemoryException as error:
            raise _short_of_memory(memory_limit) from error
        except OSError as error:  # the same, raised through the Arrow reader of a result
            if not str(error).startswith("Out of Memory Error"):
                raise
            raise _short_of_memory(memory_limit) from error
        finally:
            con.close()
            store.close()


def _short_of_memory(memory_limit: str) -> MemoryError:
    return MemoryError(
        f"DuckDB could not finish within memory_limit={memory_limit!r} (it spills to disk, but "
        "each join and sort needs some memory of its own); give validate_streaming a larger one"
    )


def _checks(
    con: duckdb.DuckDBPyConnection,
    context: Context,
    codes: set[str],
    record_tables: list[str],
    store: JsonStore,
) -> Iterator[pa.RecordBatch]:
    for code, sql in zip(JOINED, (_DM101, _DM102), strict=True):
        if code in codes:
            yield from _batches_of(con, sql)
    for family, spec in FAMILIES.items():
        if not any(c in codes for c in spec.codes):
            continue
        if family == "within":
            _cycles(con)
            sql = "SELECT '' AS key, pos, json FROM loops ORDER BY pos"
        else:
            sql = f"""
                SELECT k.key AS key, pos, json
                FROM (SELECT pos, json, unnest(keys) AS k FROM entities
                      WHERE "table" = '{spec.table}')
                WHERE k.family = '{family}' ORDER BY key, pos"""  # noqa: S608 - our own names
        yield from group_findings(context, family, _batches_of(con, sql))
    if record_tables:
        _run(con, _ANCESTORS)
        _run(con, _BODIES_NAMED)
        # One thread from here on: DuckDB's joins and sorts need a share of the limit each.
        _run(con, "SET threads = 1")
        keys = int(_run(con, "SELECT count(*) FROM first")[0][0])
        parts = max(1, -(-keys // _KEY_ROWS))
        _run(con, _KEYS.format(parts=parts))
        checks = RecordChecks(context, store.text)
        for table in record_tables:
            yield from _record_findings(checks, table, store, _near(con, table, parts))


def _near(con: duckdb.DuckDBPyConnection, table: str, parts: int) -> Iterator[tuple[int, str, int]]:
    """(position, table, position) of each entity of `table` and one it names, by the first.

    Each pair once, in the order of the first position.
    """
    _run(con, _REFS.format(table=table, parts=parts))
    create, join, named, above = _NEAR_STEPS
    _run(con, create)
    for part in range(parts):
        _run(con, join.format(part=part))
    _run(con, named)
    _run(con, above)
    seen: set[tuple[int, str, int]] = set()
    at = -1
    for batch in _batches_of(con, "SELECT pos, rt, npos FROM near ORDER BY pos"):
        for pair in zip(*(batch.column(i).to_pylist() for i in range(3)), strict=True):
            if pair[0] != at:
                at = pair[0]
                seen.clear()
            if pair not in seen:
                seen.add(pair)
                yield pair


def _record_findings(
    checks: RecordChecks, table: str, store: JsonStore, near: Iterator[tuple[int, str, int]]
) -> Iterator[pa.RecordBatch]:
    """The per-record findings of every entity of `table`, in order, a batch at a time."""
    found: list[Finding] = []
    pending = next(near, None)
    for pos in store.positions(table):
        named = []
        while pending is not None and pending[0] == pos:
            named.append((pending[1], pending[2]))
            pending = next(near, None)
        found.extend(checks.findings(table, pos, named))
        if len(found) >= _ROWS:
            yield finding_batch(found)
            found = []
    yield finding_batch(found)


def _cycles(con: duckdb.DuckDBPyConnection) -> None:
    """``loops``: the meetings held within themselves, peeled as `_plan` peels them."""
    _run(
        con,
        """
        CREATE OR REPLACE TEMP TABLE loops AS
        SELECT id, pos, json, r.ref AS parent
        FROM (SELECT id, pos, json, unnest(refs) AS r FROM first WHERE "table" = 'meetings')
        WHERE r.at = '.within'""",
    )
    size = _count(con)
    while True:
        _run(
            con,
            """
            CREATE OR REPLACE TEMP TABLE loops AS
            SELECT * FROM loops
            WHERE parent IN (SELECT id FROM loops) AND id IN (SELECT parent FROM loops)""",
        )
        now = _count(con)
        if now == size:
            return
        size = now


def _count(con: duckdb.DuckDBPyConnection) -> int:
    return int(_run(con, "SELECT count(*) FROM loops")[0][0])
