"""Validation of a Parquet dataset on Apache Spark: the rules of `validate`, run where the data is.

`validate_dataset` reads a dataset written by `diplomodel.arrow.write_parquet`
into a Spark session and returns the findings as a DataFrame with the columns
of `Finding` (code, severity, path, message, ids). They are the findings that
`validate` gives on ``read_parquet(directory)``, path for path.

How the rules run:

- Rules on one record (DM103-DM112, DM117, DM119-DM125, DM127-DM132,
  DM141-DM147, and any rule of yours that applies to an entity class) run in
  the executors over Arrow record batches. Each record is checked in a small
  dossier of itself, the records it names by id (its meeting, its people,
  their offices, the document it revises...) and every body above the bodies
  among them. Those neighbours are brought to it by joins.
- DM101 (every id resolves) is an anti-join of the references with the ids;
  DM102 (ids are unique) a group-by on (table, id).
- DM113-DM115 (the ordinals of a series) run per series, DM140 per pair of
  parties, DM148 per (record, field) claimed: a group-by, then the rule on
  each group. DM126 (a meeting within itself) peels the chains of ``within``
  down to their loops with repeated joins, then runs the rule on the loops.

A rule of yours over the whole `Dossier` cannot be split this way:
`not_covered` names such rules, and `validate_dataset` refuses to run them
rather than skip them. A rule of yours on one record sees the record, the
records it names directly, and the bodies above them.

Running it needs pyspark (``pip install 'diplomodel[spark]'``) and a JDK;
importing this module, or ``import diplomodel``, imports neither.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from diplomodel.dossier import Dossier
from diplomodel.errors import InvalidArgumentError
from diplomodel.model._fields import TABLES
from diplomodel.spark._families import FAMILIES, JOINED
from diplomodel.validation import DEFAULT_RULES, Finding, Report, Rules, Severity

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["COVERED", "not_covered", "to_report", "validate_dataset", "validate_streaming"]

COVERED: frozenset[str] = frozenset(
    (
        *JOINED,
        *(c for family in FAMILIES.values() for c in family.codes),
        *(r.code for r in DEFAULT_RULES if Dossier not in r.applies_to),
    )
)
"""The codes of the built-in rules that `validate_dataset` runs: all of them."""


def not_covered(rules: Rules = DEFAULT_RULES) -> tuple[str, ...]:
    """The codes of the rules Spark cannot run: your own rules over the whole dossier.

    Args:
        rules: The rules you mean to run.

    Returns:
        The codes, in the order of `rules`; empty when every rule can run.

    >>> not_covered()
    ()
    """
    return tuple(
        r.code
        for r in rules
        if Dossier in r.applies_to
        and (r.code not in DEFAULT_RULES or r.check is not DEFAULT_RULES[r.code].check)
    )


def _runnable(rules: Rules, disable: Iterable[str], where: str) -> Rules:
    active = rules.without(*set(disable))
    left = not_covered(active)
    if left:
        raise InvalidArgumentError(
            f"rules {', '.join(left)} look at the whole dossier at once and cannot run on "
            f"{where}; disable them, or run diplomodel.validate on the loaded dossier"
        )
    return active


def validate_dataset(
    spark: SparkSession,
    directory: str,
    *,
    rules: Rules = DEFAULT_RULES,
    disable: Iterable[str] = (),
) -> DataFrame:
    """Check a Parquet dataset of a dossier on Spark; the findings come back as a DataFrame.

    The result is lazy, like any DataFrame: write it out, count it, or
    filter it. Its rows are the findings of `validate` on the same data (the
    order aside): columns ``code``, ``severity``, ``path``, ``message`` and
    ``ids``. The records stay cached in the session, on the executors' disk
    (``persist``), while the findings are computed;
    ``spark.catalog.clearCache()`` releases them.

    Args:
        spark: The session (local or on a cluster).
        directory: The dataset's directory, as Spark names it (a local path,
            ``hdfs://...``, ``s3a://...``).
        rules: The rules to run (default: the built-in ones).
        disable: Codes of rules to skip.

    Returns:
        The findings.

    Raises:
        DataError: The directory holds no diplomodel dataset, or one of a
            newer format version.
        InvalidArgumentError: A rule over the whole dossier that Spark cannot
            run is among `rules` (see `not_covered`).
        UnknownRuleError: `disable` names a code that is not among the rules.
    """
    active = _runnable(rules, disable, "Spark")
    from diplomodel.spark._plan import findings  # noqa: PLC0415 - pyspark only when used
    from diplomodel.spark._read import read_dataset  # noqa: PLC0415
    from diplomodel.spark._tasks import Context  # noqa: PLC0415

    header, tables = read_dataset(spark, directory)
    context = Context(dossier_id=header.id, title=header.title, rules=active)
    return findings(tables, context)


def to_report(frame: DataFrame) -> Report:
    """Collect findings to the driver as a `Report`, ordered as `validate` orders them.

    For a result small enough to hold in one process (a filtered or a small
    one); a large one is better written out (``frame.write.parquet``).

    Args:
        frame: Findings, as `validate_dataset` returns them.

    Returns:
        The report: errors first, then by code, then by path.
    """
    return _report((row.asDict() for row in frame.toLocalIterator()), DEFAULT_RULES)


def _report(rows: Iterable[Mapping[str, Any]], rules: Rules) -> Report:
    """Findings from rows, as `validate` orders them: errors first, by code, by place."""
    order = {code: i for i, code in enumerate(rules.codes)}
    found = [
        Finding(
            code=row["code"],
            severity=Severity(row["severity"] or rules[row["code"]].severity),
            path=row["path"],
            message=row["message"],
            ids=tuple(row["ids"]),
        )
        for row in rows
    ]
    found.sort(key=lambda f: (-f.severity.rank, order.get(f.code, len(order)), f.code, _place(f)))
    return Report(findings=tuple(found))


def _place(finding: Finding) -> tuple[int, int, str]:
    """A finding's table (in file order), row, and path: the order `validate` finds them in."""
    table, _, rest = finding.path[2:].partition("[")
    row, _, _ = rest.partition("]")
    position = list(TABLES).index(table) if table in TABLES else -1
    return position, int(row) if row.isdecimal() else -1, finding.path


def validate_streaming(
    directory: str | os.PathLike[str],
    *,
    rules: Rules = DEFAULT_RULES,
    disable: Iterable[str] = (),
    memory_limit: str = "256MB",
) -> Report:
    """Check a Parquet dataset in this process, in bounded memory, as Spark would.

    The same plan as `validate_dataset`, with DuckDB for the joins: the
    records are read a batch at a time, described into a DuckDB database in a
    temporary directory, and the rules run over batches streamed back from
    it. Memory stays bounded whatever the size of the dataset (DuckDB spills
    to disk past `memory_limit`); the findings are those of `validate` on the
    whole dossier. Needs the ``arrow`` extra (pyarrow and DuckDB), not Spark.

    Args:
        directory: The dataset's directory (written by `diplomodel.arrow.write_parquet`).
        rules: The rules to run (default: the built-in ones).
        disable: Codes of rules to skip.
        memory_limit: How much memory DuckDB may use before it spills to disk.

    Returns:
        The findings as a `Report`.

    Raises:
        DataError: The directory holds no diplomodel dataset, one of a newer
            format version, or a row that does not read.
        InvalidArgumentError: A rule of yours over the whole dossier is among
            `rules` (see `not_covered`).
        MemoryError: DuckDB could not finish a join or sort within
            `memory_limit` (the default is enough for 10 million meetings).

    >>> import tempfile
    >>> from diplomodel import load_example
    >>> from diplomodel.arrow import write_parquet
    >>> with tempfile.TemporaryDirectory() as directory:
    ...     write_parquet(load_example(), directory)
    ...     validate_streaming(directory).ok
    True
    """
    active = _runnable(rules, disable, "this plan")
    from diplomodel.spark._families import record_tables  # noqa: PLC0415
    from diplomodel.spark._local import findings as local_findings  # noqa: PLC0415
    from diplomodel.spark._tasks import Context  # noqa: PLC0415

    header = _manifest_header(directory)
    context = Context(dossier_id=header[0], title=header[1], rules=active)
    batches = local_findings(
        Path(directory), context, record_tables(active), memory_limit=memory_limit
    )
    rows = ({"severity": None, **row} for batch in batches for row in batch.to_pylist())
    return _report(rows, active)


def _manifest_header(directory: str | os.PathLike[str]) -> tuple[str, str]:
    from diplomodel.arrow._parquet import read_manifest  # noqa: PLC0415

    data = read_manifest(Path(directory))
    return str(data["id"]), str(data["title"])
