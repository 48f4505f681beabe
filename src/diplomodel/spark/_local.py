"""The Spark plan in one process: the joins in DuckDB, on disk, the rules over streamed batches.

Private: use it through `diplomodel.spark.validate_streaming`. Each step is
the one of `diplomodel.spark._plan`, written in SQL; the Python that runs the
rules is the same (`diplomodel.spark._tasks`). DuckDB keeps the entities in a
database file and spills its joins to disk, so memory stays bounded whatever
the size of the dataset.
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
from diplomodel.spark._tasks import (
    ENTITY_SCHEMA,
    POSITION,
    Context,
    entity_rows,
    group_findings,
    record_findings,
)

__all__ = ["findings"]

_ROWS = 2048

PASS_ROWS = 20_000
"""How many entities of one table one pass of the per-record query takes.

The query joins each entity with what it names and groups the result by
entity; its hash tables hold the entities of the pass (with their JSON), so
passes of a fixed size keep DuckDB's memory the same whatever the size of
the table.
"""

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

_NEAR = """
WITH refs AS (
    SELECT DISTINCT t, pos, r."table" AS rt, r.ref AS rid
    FROM (SELECT "table" AS t, pos, unnest(refs) AS r FROM entities
          WHERE "table" = '{table}' AND pos >= {low} AND pos < {high})
), hop AS (
    SELECT refs.t, refs.pos, refs.rt, f.pos AS npos, f.json AS njson, f.refs AS nrefs
    FROM refs JOIN first f ON f."table" = refs.rt AND f.id = refs.rid
), named AS (
    SELECT t, pos, rid FROM refs WHERE rt = 'bodies'
    UNION
    SELECT t, pos, r.ref FROM (SELECT t, pos, unnest(nrefs) AS r FROM hop)
    WHERE r."table" = 'bodies'
), above AS (
    SELECT DISTINCT named.t, named.pos, 'bodies' AS rt, f.pos AS npos, f.json AS njson
    FROM named JOIN ancestors a ON a.b = named.rid
    JOIN first f ON f."table" = 'bodies' AND f.id = a.a
), near AS (
    SELECT t, pos, rt, npos, any_value(njson) AS njson
    FROM (SELECT t, pos, rt, npos, njson FROM hop UNION ALL SELECT * FROM above)
    GROUP BY ALL
), grouped AS (
    SELECT t, pos, list({{'table': rt, 'pos': npos, 'json': njson}}) AS near
    FROM near GROUP BY ALL
)
SELECT e."table", e.pos, e.json, g.near
FROM entities e LEFT JOIN grouped g ON g.t = e."table" AND g.pos = e.pos
WHERE e."table" = '{table}' AND e.pos >= {low} AND e.pos < {high}
"""


def _load(con: duckdb.DuckDBPyConnection, root: Path, names: list[str]) -> None:
    """Every table's rows, structured and described (`ENTITY_SCHEMA`), into ``entities``."""
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
        try:
            _run(con, f"SET memory_limit = '{memory_limit}'")
            _run(con, f"SET temp_directory = '{scratch}'")
            _run(con, "SET preserve_insertion_order = false")
            _load(con, root, names)
            _run(con, _FIRST)
            yield from _checks(con, context, codes, record_tables)
        finally:
            con.close()


def _checks(
    con: duckdb.DuckDBPyConnection, context: Context, codes: set[str], record_tables: list[str]
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
        yield from record_findings(context, _near(con, record_tables))


def _near(con: duckdb.DuckDBPyConnection, tables: list[str]) -> Iterator[pa.RecordBatch]:
    """The entities of `tables` with what they name, in passes of `PASS_ROWS` of one table."""
    for table in tables:
        sql = f"SELECT max(pos) FROM entities WHERE \"table\" = '{table}'"  # noqa: S608
        last = _run(con, sql)[0][0]
        for low in range(0, -1 if last is None else last + 1, PASS_ROWS):
            sql = _NEAR.format(table=table, low=low, high=low + PASS_ROWS)
            yield from _batches_of(con, sql)


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
