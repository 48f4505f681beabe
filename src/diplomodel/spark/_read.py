"""Reading a diplomodel Parquet dataset into Spark DataFrames, each row with its place. Private.

The dataset's layout is `diplomodel.arrow`'s (see its documentation): the
header ``_diplomodel.json`` and one directory of Parquet files a table. A
finding's path names a record by its place in its table, as
`diplomodel.arrow.read_parquet` orders the rows; each DataFrame here carries
that place in the column `POSITION`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs
import pyarrow as pa
from pyspark.errors import AnalysisException
from pyspark.sql import functions as F  # noqa: N812 - the name every Spark program uses
from pyspark.sql.pandas.types import from_arrow_schema

from diplomodel.arrow import schema_of
from diplomodel.arrow._parquet import FORMAT_NAME, INDEX, MANIFEST, _version_problem
from diplomodel.errors import DataError
from diplomodel.model._fields import TABLES
from diplomodel.serialization import parse_json
from diplomodel.spark._tasks import POSITION

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["Header", "read_dataset"]


@attrs.frozen
class Header:
    """What `validate_dataset` needs of the dataset's header: the dossier's id and title."""

    id: str
    title: str


def _read_text(spark: SparkSession, path: str) -> str | None:
    """A small text file read through Hadoop's file systems (local, HDFS, S3...), or None.

    Spark's readers skip files whose names start with ``_``, as the header's does.
    """
    context: Any = spark.sparkContext
    jvm = context._jvm  # noqa: SLF001 - Hadoop's FileSystem is reached through the gateway
    where = jvm.org.apache.hadoop.fs.Path(path)
    system = where.getFileSystem(context._jsc.hadoopConfiguration())  # noqa: SLF001
    if not system.exists(where):
        return None
    stream = system.open(where)
    try:
        text: str = jvm.org.apache.commons.io.IOUtils.toString(stream, "UTF-8")
    finally:
        stream.close()
    return text


def _header(spark: SparkSession, directory: str) -> tuple[Header, list[str], set[str]]:
    source = f"{directory}/{MANIFEST}"
    text = _read_text(spark, source)
    if text is None:
        raise DataError.single(
            "$", f"not a diplomodel Parquet dataset: no {MANIFEST}", source=directory
        )
    data: Any = parse_json(text, source=source)
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise DataError.single("$.format", f"expected {FORMAT_NAME!r}", source=source)
    problem = _version_problem(data.get("version"), "$.version")
    if problem is not None:
        raise DataError([problem], source=source)
    tables = [t for t in data.get("tables", list(TABLES)) if t in TABLES]
    indexed = set(data.get("partitioned_by", {}))
    return Header(id=str(data["id"]), title=str(data["title"])), tables, indexed


def _positioned(frame: DataFrame, columns: list[str], *, indexed: bool) -> DataFrame:
    """The rows with their place in the table.

    A partitioned table's files hold each row's place (`INDEX`, `indexed`); the
    rows of another table are in file order, files in path order: one row a
    file (its row count) then goes to the driver, to turn counts into offsets,
    and none at all when the table is one file.
    """
    if indexed:
        return frame.select(*columns, F.col(INDEX).alias(POSITION))
    files = sorted(frame.inputFiles())
    located = frame.select(
        *columns,
        INDEX,
        F.col("_metadata.file_path").alias("_file"),
        F.col("_metadata.row_index").alias("_row"),
    )
    if len(files) <= 1:
        place = F.coalesce(INDEX, "_row")
        return located.withColumn(POSITION, place).drop(INDEX, "_file", "_row")
    counts = sorted(tuple(r) for r in located.groupBy("_file").count().collect())
    offsets, start = [], 0
    for path, count in counts:
        offsets.append((path, start))
        start += count
    starts = frame.sparkSession.createDataFrame(offsets, "_file string, _start long")
    return (
        located.join(F.broadcast(starts), "_file")
        .withColumn(POSITION, F.coalesce(INDEX, F.col("_start") + F.col("_row")))
        .drop(INDEX, "_file", "_row", "_start")
    )


def read_dataset(spark: SparkSession, directory: str) -> tuple[Header, dict[str, DataFrame]]:
    """The header and each table of a dataset as a DataFrame of its columns and `POSITION`."""
    directory = directory.rstrip("/")
    header, names, indexed = _header(spark, directory)
    tables: dict[str, DataFrame] = {}
    for name in names:
        schema = schema_of(TABLES[name])
        # Given the schema, Spark reads no file to infer one; the rows are checked in the tasks.
        expected = from_arrow_schema(schema.append(pa.field(INDEX, pa.int64())))
        try:
            frame = spark.read.schema(expected).parquet(f"{directory}/{name}")
        except AnalysisException:
            continue  # a table with no rows has no files
        tables[name] = _positioned(frame, schema.names, indexed=name in indexed)
    return header, tables
