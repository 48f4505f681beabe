"""The Spark plan of validation: joins and group-bys around the rules. Private.

Nothing here collects records to the driver: every step is a DataFrame
transformation, and the loops (the bodies above a body, the meetings that
may sit within themselves) run until a count stops changing.

The records' JSON is the bulk of the data. It is cached on disk, not in the
JVM's heap (in local mode every task shares that one heap), and the joins,
de-duplications and groupings run on positions; the JSON joins in only at
the last step before the rules that read it.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pyspark import StorageLevel
from pyspark.sql import functions as F  # noqa: N812 - the name every Spark program uses
from pyspark.sql.pandas.types import from_arrow_schema

from diplomodel.spark._families import FAMILIES, record_tables
from diplomodel.spark._tasks import (
    ENTITY_SCHEMA,
    FINDING_SCHEMA,
    Context,
    entity_rows,
    group_findings,
    record_findings,
)

if TYPE_CHECKING:
    from pyspark.sql import DataFrame

__all__ = ["findings"]

_FINDINGS = from_arrow_schema(FINDING_SCHEMA)
_ENTITIES = from_arrow_schema(ENTITY_SCHEMA)


def _entities(tables: Mapping[str, DataFrame]) -> DataFrame:
    """Every entity of every table as one DataFrame of `ENTITY_SCHEMA` rows."""
    parts = [
        frame.mapInArrow(functools.partial(entity_rows, name), _ENTITIES)
        for name, frame in tables.items()
    ]
    return functools.reduce(lambda a, b: a.unionByName(b), parts)


def _firsts(entities: DataFrame) -> DataFrame:
    """(table, id, pos) of the first entity of each id: the one a dossier's lookups find."""
    return entities.groupBy("table", "id").agg(F.min("pos").alias("pos"))


def _first_of(entities: DataFrame, firsts: DataFrame, table: str) -> DataFrame:
    """The entities of `table` that are the first with their id."""
    return entities.where(F.col("table") == table).join(
        firsts.where(F.col("table") == table), ["table", "id", "pos"], "left_semi"
    )


def _missing_references(entities: DataFrame, firsts: DataFrame) -> DataFrame:
    """DM101: each reference that names no entity of its table."""
    refs = entities.select("table", "pos", "id", F.explode("refs").alias("r"))
    known = firsts.select(F.col("table").alias("t"), F.col("id").alias("i"))  # one row an id
    missing = refs.join(known, (refs.r.table == known.t) & (refs.r.ref == known.i), "left_anti")
    return missing.select(
        F.lit("DM101").alias("code"),
        F.concat(F.lit("$."), "table", F.lit("["), "pos", F.lit("]"), "r.at").alias("path"),
        F.concat(
            F.lit("'"), "r.ref", F.lit("' names no "), "r.label", F.lit(" in the dossier")
        ).alias("message"),
        F.array("id", "r.ref").alias("ids"),
    )


def _duplicate_ids(entities: DataFrame, firsts: DataFrame) -> DataFrame:
    """DM102: each entity whose id an earlier entity of its table already has."""
    first = firsts.select("table", "id", F.col("pos").alias("first"))
    later = entities.select("table", "id", "pos").join(first, ["table", "id"])
    later = later.where(F.col("pos") > F.col("first"))
    return later.select(
        F.lit("DM102").alias("code"),
        F.concat(F.lit("$."), "table", F.lit("["), "pos", F.lit("].id")).alias("path"),
        F.concat(
            F.lit("id '"),
            "id",
            F.lit("' is already used by $."),
            "table",
            F.lit("["),
            "first",
            F.lit("]"),
        ).alias("message"),
        F.array("id").alias("ids"),
    )


def _body_ancestors(entities: DataFrame, firsts: DataFrame) -> DataFrame:
    """(body, ancestor) for each body and every body above it, itself included."""
    bodies = _first_of(entities, firsts, "bodies").select(F.col("id").alias("b"), "refs")
    edges = (
        bodies.select("b", F.explode("refs").alias("r"))
        .where((F.col("r.at") == ".parent") & (F.col("r.table") == "bodies"))
        .select("b", F.col("r.ref").alias("parent"))
        .join(bodies.select(F.col("b").alias("parent")), "parent", "left_semi")
    )
    up = bodies.select("b", F.col("b").alias("a")).localCheckpoint()
    size = up.count()
    while True:
        step = up.join(edges.select(F.col("b").alias("a"), F.col("parent").alias("n")), "a")
        grown = up.unionByName(step.select("b", F.col("n").alias("a"))).distinct()
        grown = grown.localCheckpoint()
        now = grown.count()
        if now == size:
            return grown
        up, size = grown, now


def _near(entities: DataFrame, firsts: DataFrame, tables: list[str]) -> DataFrame:
    """For each entity of `tables`: the entities it names and all the bodies above them."""
    own = entities.where(F.col("table").isin(tables))
    refs = (
        own.select("table", "pos", F.explode("refs").alias("r"))
        .select("table", "pos", F.col("r.table").alias("rt"), F.col("r.ref").alias("rid"))
        .distinct()
    )
    targets = firsts.select(
        F.col("table").alias("rt"), F.col("id").alias("rid"), F.col("pos").alias("npos")
    )
    hop = refs.join(targets, ["rt", "rid"])
    bodies_named_by = (
        entities.select(
            F.col("table").alias("rt"), F.col("pos").alias("npos"), F.explode("refs").alias("r")
        )
        .where(F.col("r.table") == "bodies")
        .select("rt", "npos", F.col("r.ref").alias("rid"))
    )
    named_bodies = refs.where(F.col("rt") == "bodies").select("table", "pos", "rid")
    their_bodies = hop.select("table", "pos", "rt", "npos").join(bodies_named_by, ["rt", "npos"])
    up = _body_ancestors(entities, firsts)
    above = (
        named_bodies.unionByName(their_bodies.select("table", "pos", "rid"))
        .distinct()
        .join(up.select(F.col("b").alias("rid"), "a"), "rid")
        .select("table", "pos", F.lit("bodies").alias("rt"), F.col("a").alias("rid"))
        .distinct()
        .join(targets, ["rt", "rid"])
    )
    near = (
        hop.select("table", "pos", "rt", "npos")
        .unionByName(above.select("table", "pos", "rt", "npos"))
        .distinct()
    )
    texts = entities.select(
        F.col("table").alias("rt"), F.col("pos").alias("npos"), F.col("json").alias("njson")
    )
    grouped = (
        near.join(texts, ["rt", "npos"])
        .groupBy("table", "pos")
        .agg(
            F.collect_list(
                F.struct(
                    F.col("rt").alias("table"),
                    F.col("npos").alias("pos"),
                    F.col("njson").alias("json"),
                )
            ).alias("near")
        )
    )
    return own.select("table", "pos", "json").join(grouped, ["table", "pos"], "left")


def _cycle_candidates(entities: DataFrame, firsts: DataFrame) -> DataFrame:
    """The meetings that sit within themselves, through others or directly.

    Meetings that point at nothing, or that nothing points at, are peeled off
    until only loops remain; then their JSON joins them.
    """
    nodes = (
        _first_of(entities, firsts, "meetings")
        .select("id", "pos", F.explode("refs").alias("r"))
        .where(F.col("r.at") == ".within")
        .select("id", "pos", F.col("r.ref").alias("parent"))
        .localCheckpoint()
    )
    size = nodes.count()
    while True:
        kept = nodes.join(nodes.select(F.col("id").alias("parent")), "parent", "left_semi").join(
            nodes.select(F.col("parent").alias("id")), "id", "left_semi"
        )
        kept = kept.localCheckpoint()
        now = kept.count()
        if now == size:
            texts = entities.where(F.col("table") == "meetings").select("pos", "json")
            return kept.join(texts, "pos")
        nodes, size = kept, now


def _grouped(entities: DataFrame, firsts: DataFrame, context: Context, family: str) -> DataFrame:
    if family == "within":
        rows = _cycle_candidates(entities, firsts).select(F.lit("").alias("key"), "pos", "json")
    else:
        rows = (
            entities.where(F.col("table") == FAMILIES[family].table)
            .select("pos", "json", F.explode("keys").alias("k"))
            .where(F.col("k.family") == family)
            .select(F.col("k.key").alias("key"), "pos", "json")
        )
    ordered = rows.repartition("key").sortWithinPartitions("key", "pos")
    return ordered.mapInArrow(functools.partial(group_findings, context, family), _FINDINGS)


def findings(tables: Mapping[str, DataFrame], context: Context) -> DataFrame:
    """The findings of `context.rules` on the tables (each with its position column)."""
    codes = {r.code: r for r in context.rules}
    entities = _entities(tables).persist(StorageLevel.DISK_ONLY)
    firsts = _firsts(entities).persist(StorageLevel.DISK_ONLY)
    parts: list[DataFrame] = []
    severities: dict[str, str] = {}
    if "DM101" in codes:
        parts.append(_missing_references(entities, firsts))
        severities["DM101"] = codes["DM101"].severity.value
    if "DM102" in codes:
        parts.append(_duplicate_ids(entities, firsts))
        severities["DM102"] = codes["DM102"].severity.value
    for family, spec in FAMILIES.items():
        if any(c in codes for c in spec.codes):
            parts.append(_grouped(entities, firsts, context, family))
    with_records = [name for name in record_tables(context.rules) if name in tables]
    if with_records:
        near = _near(entities, firsts, with_records)
        parts.append(near.mapInArrow(functools.partial(record_findings, context), _FINDINGS))
    if not parts:
        return entities.sparkSession.createDataFrame([], _FINDINGS)
    shaped = [_with_severity(severities)(part) for part in parts]
    result: DataFrame = functools.reduce(lambda a, b: a.unionByName(b), shaped)
    return result


def _with_severity(severities: Mapping[str, str]) -> Any:
    def add(frame: DataFrame) -> DataFrame:
        if "severity" in frame.columns:
            return frame.select("code", "severity", "path", "message", "ids")
        severity = F.lit(None).cast("string")
        for code, value in severities.items():
            severity = F.when(F.col("code") == code, value).otherwise(severity)
        return frame.select("code", severity.alias("severity"), "path", "message", "ids")

    return add
