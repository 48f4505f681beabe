"""DuckDB views over a Parquet dataset of a dossier, and macros for its partial dates."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

import duckdb

from diplomodel.arrow._parquet import INDEX, YEAR, read_manifest
from diplomodel.model._fields import TABLES

__all__ = ["MACROS", "duckdb_connect"]

MACROS: Final = {
    "dm_earliest": "make_date(d.year, coalesce(d.month, 1), coalesce(d.day, 1))",
    "dm_latest": (
        "CASE WHEN d.day IS NOT NULL THEN make_date(d.year, d.month, d.day) "
        "ELSE last_day(make_date(d.year, coalesce(d.month, 12), 1)) END"
    ),
    "dm_iso": (
        "CASE WHEN d IS NULL THEN NULL ELSE printf('%04d', d.year) "
        "|| coalesce(printf('-%02d', d.month), '') || coalesce(printf('-%02d', d.day), '') END"
    ),
}
"""Macros on a date struct ``d``: its earliest and latest day, and its ISO text."""


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def duckdb_connect(
    directory: str | os.PathLike[str], connection: duckdb.DuckDBPyConnection | None = None
) -> duckdb.DuckDBPyConnection:
    """A connection with a view per table (see `diplomodel.arrow.duckdb_connect`)."""
    root = Path(directory)
    manifest = read_manifest(root)
    partitioned = manifest.get("partitioned_by", {})
    con = connection if connection is not None else duckdb.connect()
    for name, body in MACROS.items():
        con.execute(f"CREATE OR REPLACE MACRO {name}(d) AS {body}")
    for name in TABLES:
        files = _literal(str(root.resolve() / name / "**" / "*.parquet"))
        if isinstance(partitioned, dict) and name in partitioned:
            options = f"hive_partitioning = true, hive_types = {{'{YEAR}': SMALLINT}}"
            select = f"SELECT * EXCLUDE ({INDEX}) FROM read_parquet({files}, {options})"  # noqa: S608
        else:
            select = f"SELECT * FROM read_parquet({files}, hive_partitioning = false)"  # noqa: S608
        con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {select}')
    return con
