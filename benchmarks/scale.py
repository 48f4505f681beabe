"""Scale: a dossier of N meetings as partitioned Parquet, and what it costs to use it.

Generates N meetings with people, offices, documents and series in
proportion (one person for 20 meetings, one office for 50, one document for 2,
one series for 100), written table by table in streaming batches through
`diplomodel.arrow` (never N objects in memory), with a few errors injected
(an unknown person in one meeting of 1000, a host that is no party in one of
5000). Then each phase runs in a process of its own, so that its peak RSS is
its own:

- ``write``: generate and write the dataset;
- ``read``: every record of every table through `diplomodel.arrow.iter_parquet`;
- ``duckdb``: three queries (meetings a year a pair of states, who held an office
  on a day, the anniversaries of the next year) through `duckdb_connect`;
- ``stream``: `diplomodel.spark.validate_streaming`, the single-process validation
  in bounded memory (DuckDB on disk, the rules over streamed batches);
- ``spark1`` / ``spark2``: `diplomodel.spark.validate_dataset` on a local Spark
  session with 1 and 2 worker threads, counting the findings by code (the peak
  RSS of the JVM is reported apart, as the children's);
- ``validate`` (only up to ``--check-up-to`` meetings): `validate` on the whole
  dossier in memory, whose findings Spark's must equal, as sets.

The last line printed is JSON: the timings, the peak RSS and the ratios.
Run ``python benchmarks/scale.py --size 10000`` for a run of about a minute;
``--phases write,stream --memory-limit 256MB`` measures the single-process
validation alone (its peak RSS should not grow with ``--size``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

import diplomodel as dm
from diplomodel.model._fields import TABLES
from diplomodel.serialization import FORMAT_VERSION, dumps

STATES = ("CN", "RU", "FR", "DE", "IN", "BR", "ZA", "US", "GB", "JP", "KZ", "TR", "EG", "AR")
YEARS = (1990, 2025)
BATCH = 50_000


@attrs.frozen
class Plan:
    """How many records of each kind a dataset of `size` meetings holds."""

    size: int

    @property
    def offices(self) -> int:
        """One office for 50 meetings, at least one a state."""
        return max(len(STATES), self.size // 50)

    @property
    def people(self) -> int:
        """One person for 20 meetings, at least one an office."""
        return max(self.offices, self.size // 20)

    @property
    def documents(self) -> int:
        """One document for 2 meetings."""
        return self.size // 2

    @property
    def series(self) -> int:
        """One series for 100 meetings."""
        return max(1, self.size // 100)


def _date(i: int, n: int) -> dm.PartialDate:
    """The i-th of n dates, rising from 1990 to 2025."""
    days = (YEARS[1] - YEARS[0]) * 365
    day = i * days // max(n, 1)
    year, rest = YEARS[0] + day // 365, day % 365
    return dm.PartialDate(year=year, month=1 + rest // 31 % 12, day=1 + rest % 28)


def offices(plan: Plan) -> Iterator[dm.Office]:
    for j in range(plan.offices):
        yield dm.Office(
            id=f"o{j}",
            title=f"Minister {j}",
            kind=dm.OfficeKind.MINISTER,
            state=dm.states.get(STATES[j % len(STATES)]),
        )


def people(plan: Plan) -> Iterator[dm.Person]:
    start = dm.PartialDate(year=1980)
    for k in range(plan.people):
        tenure = dm.Tenure(office=f"o{k % plan.offices}", start=start)
        yield dm.Person(id=f"p{k}", name=f"Person {k}", tenures=(tenure,))


def series(plan: Plan) -> Iterator[dm.MeetingSeries]:
    for s in range(plan.series):
        a, b = STATES[s % len(STATES)], STATES[(s + 1) % len(STATES)]
        yield dm.MeetingSeries(
            id=f"s{s}",
            title=f"Series {s}",
            kind=dm.MeetingKind.REGULAR_MEETING,
            parties=(dm.states.get(a), dm.states.get(b)),
        )


def _person_of(state_index: int, r: int, plan: Plan) -> tuple[str, str]:
    """A person holding an office of a state: (person id, office id)."""
    per_state = max(1, plan.offices // len(STATES))
    office = state_index + len(STATES) * (r % per_state)
    holders = max(1, plan.people // plan.offices)
    person = office + plan.offices * ((r // per_state) % holders)
    return f"p{person}", f"o{office}"


def meetings(plan: Plan) -> Iterator[dm.Meeting]:
    ordinals = [0] * plan.series
    kind = dm.MeetingKind.REGULAR_MEETING
    for i in range(plan.size):
        s = i % plan.series
        a, b = s % len(STATES), (s + 1) % len(STATES)
        ordinals[s] += 1
        participants = []
        for side in (a, b):
            person, office = _person_of(side, i // plan.series, plan)
            if i % 1000 == 999 and side == a:
                person = f"nobody-{i}"  # DM101
            participants.append(
                dm.Participation(
                    person=person,
                    delegation=dm.states.get(STATES[side]),
                    role=dm.Role.CO_CHAIR,
                    office=office,
                )
            )
        host = (
            STATES[b] if i % 5000 != 4999 else "AR" if "AR" not in (STATES[a], STATES[b]) else "EG"
        )
        outcomes = (f"d{i // 2}",) if i % 2 == 0 and i // 2 < plan.documents else ()
        yield dm.Meeting(
            id=f"m{i}",
            title=f"Meeting {i}",
            kind=kind,
            start=_date(i, plan.size),
            host=dm.states.get(host),
            parties=(dm.states.get(STATES[a]), dm.states.get(STATES[b])),
            series=f"s{s}",
            ordinal=ordinals[s],
            participants=tuple(participants),
            outcomes=outcomes,
        )


def documents(plan: Plan) -> Iterator[dm.Communique]:
    for j in range(plan.documents):
        i = 2 * j
        s = i % plan.series
        a, b = s % len(STATES), (s + 1) % len(STATES)
        signers = []
        for side in (a, b):
            person, office = _person_of(side, i // plan.series, plan)
            signers.append(
                dm.Signature(person=person, state=dm.states.get(STATES[side]), office=office)
            )
        yield dm.Communique(
            id=f"d{j}",
            title=f"Communique {j}",
            parties=(dm.states.get(STATES[a]), dm.states.get(STATES[b])),
            signed=_date(i, plan.size),
            meeting=f"m{i}",
            signatories=tuple(signers) if i % 1000 != 999 else (),
        )


def write(directory: Path, plan: Plan) -> dict[str, int]:
    """Write the dataset table by table, streaming; the manifest last."""
    from diplomodel.arrow import _parquet
    from diplomodel.arrow._schema import date_field

    directory.mkdir(parents=True, exist_ok=True)
    made = {
        "offices": offices(plan),
        "people": people(plan),
        "series": series(plan),
        "meetings": meetings(plan),
        "documents": documents(plan),
    }
    rows = {}
    for name in TABLES:
        counted = _Counted(made.get(name, iter(())))
        _parquet._write_table(directory, name, counted, BATCH)  # noqa: SLF001 - its streaming writer
        rows[name] = counted.n
    manifest = {
        "format": _parquet.FORMAT_NAME,
        "version": FORMAT_VERSION,
        "tables": list(TABLES),
        "rows": rows,
        "partitioned_by": {
            name: date for name, cls in TABLES.items() if (date := date_field(cls)) is not None
        },
        "id": "scale",
        "title": f"{plan.size} generated meetings",
    }
    (directory / _parquet.MANIFEST).write_text(dumps(manifest) + "\n")
    return rows


class _Counted:
    def __init__(self, items: Iterator[Any]) -> None:
        self.items, self.n = items, 0

    def __iter__(self) -> Iterator[Any]:
        for item in self.items:
            self.n += 1
            yield item


# -- phases, each in its own process ----------------------------------------------------


def phase_read(directory: Path) -> dict[str, Any]:
    from diplomodel.arrow import iter_parquet

    counts = {name: sum(len(batch) for batch in iter_parquet(directory, name)) for name in TABLES}
    return {"records": sum(counts.values())}


def phase_duckdb(directory: Path) -> dict[str, Any]:
    from diplomodel.arrow import duckdb_connect

    con = duckdb_connect(directory)
    queries = {
        "per_year_pair": """
            SELECT start.year AS year, list_sort(parties) AS pair, count(*) AS n
            FROM meetings GROUP BY ALL ORDER BY n DESC LIMIT 5""",
        "holder_on_day": """
            SELECT p.id, t.office FROM people p, unnest(p.tenures) AS u(t)
            WHERE t.office = 'o3' AND dm_earliest(t.start) <= DATE '2010-05-01'
              AND (t."end" IS NULL OR dm_latest(t."end") >= DATE '2010-05-01')""",
        "anniversaries": """
            SELECT id, 2025 - start.year AS years FROM meetings
            WHERE start.month IS NOT NULL AND (2025 - start.year) % 5 = 0
              AND make_date(2025, start.month, coalesce(start.day, 1))
                  BETWEEN DATE '2025-01-01' AND DATE '2025-12-31'""",
    }
    found = {}
    for name, sql in queries.items():
        start = time.perf_counter()
        rows = con.execute(sql).fetchall()
        found[name] = {"seconds": round(time.perf_counter() - start, 3), "rows": len(rows)}
    return {"queries": found}


def phase_spark(directory: Path, workers: int, driver_memory: str, size: int) -> dict[str, Any]:
    """`validate_dataset` on a local session of `workers` threads, all running in one JVM.

    The joins spread the records over 4 groups a worker, and over one for each
    50 000 meetings past that (Spark's own default of 200 at 10^7). At 10^7
    meetings a 4 GB heap is enough for one worker and for two.
    """
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    from diplomodel.spark import validate_dataset

    spark = (
        SparkSession.builder.master(f"local[{workers}]")
        .appName("diplomodel-scale")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", str(max(4 * workers, size // 50_000)))
        .config("spark.driver.memory", driver_memory)
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    start = time.perf_counter()
    found = validate_dataset(spark, str(directory))
    if os.environ.get("SCALE_FINDINGS"):
        found.write.mode("overwrite").parquet(os.environ["SCALE_FINDINGS"])
        by_code = {
            r["code"]: r["count"]
            for r in spark.read.parquet(os.environ["SCALE_FINDINGS"])
            .groupBy("code")
            .count()
            .collect()
        }
    else:
        by_code = {r["code"]: r["count"] for r in found.groupBy("code").count().collect()}
    seconds = time.perf_counter() - start
    jvm = spark.sparkContext._gateway.proc.pid  # noqa: SLF001 - the JVM this process started
    memory = _tree_peak_mb(jvm)
    spark.stop()
    return {
        "validate_seconds": round(seconds, 2),
        "findings": dict(sorted(by_code.items())),
        "jvm_peak_rss_mb": memory[0],
        "python_workers_peak_rss_mb": memory[1],
    }


def _peak_mb(pid: int) -> int:
    """A process's peak RSS (VmHWM), in MB; 0 if it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    line = next((x for x in status.splitlines() if x.startswith("VmHWM:")), "VmHWM: 0 kB")
    return int(line.split()[1]) // 1024


def _tree_peak_mb(root: int) -> tuple[int, int]:
    """The JVM's peak RSS, and the sum of the peaks of the Python workers under it."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])

    def under(pid: int) -> bool:
        while pid in parents and pid != root:
            pid = parents[pid]
        return pid == root

    workers = [pid for pid in parents if pid != root and under(pid)]
    return _peak_mb(root), sum(_peak_mb(pid) for pid in workers)


def phase_stream(directory: Path, memory_limit: str) -> dict[str, Any]:
    """The single-process validation: DuckDB on disk, batches streamed through the rules."""
    from diplomodel.spark import validate_streaming

    by_code: dict[str, int] = {}
    for f in validate_streaming(directory, memory_limit=memory_limit):
        by_code[f.code] = by_code.get(f.code, 0) + 1
    return {"findings": dict(sorted(by_code.items()))}


def phase_validate(directory: Path, findings: str) -> dict[str, Any]:
    """Run `validate` on the whole dossier in memory: equal to Spark's findings, as sets?"""
    import pyarrow.parquet as pq

    from diplomodel.arrow import read_parquet

    report = dm.validate(read_parquet(directory))
    mine = {(f.code, f.severity.value, f.path, f.message, f.ids) for f in report}
    theirs = {
        (r["code"], r["severity"], r["path"], r["message"], tuple(r["ids"]))
        for r in pq.read_table(findings).to_pylist()
    }
    by_code: dict[str, int] = {}
    for f in report:
        by_code[f.code] = by_code.get(f.code, 0) + 1
    return {"findings": dict(sorted(by_code.items())), "spark_equal": mine == theirs}


def _run_phase(args: argparse.Namespace) -> None:
    import duckdb  # noqa: F401 - imported before the clock starts, as every phase's libraries
    import pyarrow as pa  # noqa: F401

    import diplomodel.arrow  # noqa: F401

    directory = Path(args.dir)
    start = time.perf_counter()
    if args.phase == "write":
        result: dict[str, Any] = {"rows": write(directory, Plan(args.size))}
    elif args.phase == "read":
        result = phase_read(directory)
    elif args.phase == "duckdb":
        result = phase_duckdb(directory)
    elif args.phase == "stream":
        result = phase_stream(directory, args.memory_limit)
    elif args.phase.startswith("spark"):
        result = phase_spark(directory, int(args.phase[5:]), args.driver_memory, args.size)
    else:
        result = phase_validate(directory, args.findings)
    result["seconds"] = round(time.perf_counter() - start, 2)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    result["children_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(json.dumps(result))


def _phase(name: str, directory: Path, size: int, **extra: str) -> dict[str, Any]:
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable}
    if name.startswith("spark") and "findings" in extra:  # where Spark writes them: not an option
        env["SCALE_FINDINGS"] = extra.pop("findings")
    command = [sys.executable, __file__, "--phase", name, "--dir", str(directory)]
    command += ["--size", str(size)]
    for key, value in extra.items():
        command += [f"--{key}", value]
    done = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"{name:>9}: {json.dumps(result)}", flush=True)
    return result


def _options(name: str, findings: str, args: argparse.Namespace) -> dict[str, str]:
    """The options a phase takes from the command line."""
    if name == "spark2":
        return {"driver-memory": args.driver_memory, "findings": findings}
    if name == "spark1":
        return {"driver-memory": args.driver_memory}
    if name == "validate":
        return {"findings": findings}
    if name == "stream":
        return {"memory-limit": args.memory_limit}
    return {}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="meetings (default 10^6)")
    parser.add_argument("--dir", help="where to write the dataset (default: a temporary one)")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--findings", help=argparse.SUPPRESS)
    parser.add_argument(
        "--phases",
        default="write,read,duckdb,stream,spark1,spark2,validate",
        help="which phases to run, in order",
    )
    parser.add_argument(
        "--memory-limit", default="256MB", help="DuckDB's memory limit in the stream phase"
    )
    parser.add_argument(
        "--driver-memory",
        default="4g",
        help="the local Spark session's heap, where all its tasks run",
    )
    parser.add_argument(
        "--check-up-to",
        type=int,
        default=20_000,
        help="run `validate` in memory, to compare with Spark, only up to this many meetings",
    )
    args = parser.parse_args()
    if args.phase:
        _run_phase(args)
        return
    root = Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="diplomodel-scale-"))
    directory = root / "dataset"
    findings = str(root / "findings")
    wanted = args.phases.split(",")
    if args.size > args.check_up_to and "validate" in wanted:
        wanted.remove("validate")
    results: dict[str, dict[str, Any]] = {}
    for name in wanted:
        results[name] = _phase(name, directory, args.size, **_options(name, findings, args))
    summary: dict[str, Any] = {"size": args.size}
    for name, result in results.items():
        summary[f"{name}_s"] = result["seconds"]
        summary[f"{name}_rss_mb"] = result["peak_rss_mb"]
    if "spark1" in results and "spark2" in results:
        summary["spark_2_workers_speedup"] = round(
            results["spark1"]["validate_seconds"] / results["spark2"]["validate_seconds"], 2
        )
        summary["spark2_jvm_rss_mb"] = results["spark2"]["jvm_peak_rss_mb"]
        summary["spark2_workers_rss_mb"] = results["spark2"]["python_workers_peak_rss_mb"]
        summary["spark_findings_same_counts"] = (
            results["spark1"]["findings"] == results["spark2"]["findings"]
        )
    if "stream" in results and "spark2" in results:
        summary["spark2_vs_stream_speedup"] = round(
            results["stream"]["seconds"] / results["spark2"]["validate_seconds"], 2
        )
        summary["stream_findings_same_counts_as_spark"] = (
            results["stream"]["findings"] == results["spark2"]["findings"]
        )
    if "validate" in results:
        summary["spark_equals_validate"] = results["validate"]["spark_equal"]
    if "write" in results and "read" in results:
        records = results["read"]["records"]
        summary["records"] = records
        summary["write_records_per_s"] = round(records / results["write"]["seconds"])
        summary["read_records_per_s"] = round(records / results["read"]["seconds"])
    if not args.dir:
        shutil.rmtree(root, ignore_errors=True)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
