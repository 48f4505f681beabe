"""Arrow round trips on generated records, and Parquet against JSON Lines for one dossier.

Two parts, one run:

1. **Lossless**: for every table class and each document kind, `--objects`
   records go through `to_arrow` and back with `from_arrow`, and through a
   Parquet file and back; both must be equal to what went in. A pool of
   `--pool` records a class is drawn from the `diplomodel.testing` strategies
   (hypothesis, about 50 ms a record), and the rest are crosses of its records
   made with `attrs.evolve`, which runs every validator (`varied`).
2. **Speed**: one deterministic dossier (N meetings with their people and
   documents) written and read as JSON Lines (`Dossier.save` to a directory,
   `Dossier.load`) and as a Parquet dataset (`write_parquet`, `read_parquet`),
   each the median of several repeats. Two ratios are printed: *records*,
   the whole trip from records to files and back to checked records, and
   *files*, the formats alone (JSON-ready dicts to JSON Lines text and back,
   against Arrow tables to Parquet files and back), which is what a query
   engine reading the data pays. It also times `from_arrow`'s reading of
   Arrow tables into records against the generated structure functions.

    python benchmarks/arrow_roundtrip.py            # 10 000 objects a class, 20 000 meetings
    python benchmarks/arrow_roundtrip.py --quick    # 1 000 objects a class, 2 000 meetings
    python benchmarks/arrow_roundtrip.py --only lossless   # part 1 only (about 4 minutes)

The last line printed is one JSON object of the figures and ratios.
"""

import argparse
import datetime as dt
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel import _structure, testing
from diplomodel.arrow import _convert
from diplomodel.model._fields import DOCUMENT_KINDS, TABLES

TARGET = 5.0
"""The issue's target: Parquet at least this many times faster than JSON Lines."""

# -- 1. lossless round trips on generated records ---------------------------------------


def drawn(cls: type[Any], count: int) -> list[Any]:
    """`count` records of `cls` drawn by the testing strategies (hypothesis, slow).

    One record an example: a list of many records of a large class overruns
    hypothesis' buffer and is drawn again: 25 a draw was ten times slower a record.
    """
    found: list[Any] = []
    per_example = 1

    @settings(
        max_examples=count,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(testing.from_class(cls), min_size=per_example, max_size=per_example))
    def draw(records: list[Any]) -> None:
        found.extend(records)

    draw()
    return found[:count]


def varied(pool: list[Any], count: int, rng: random.Random) -> tuple[list[Any], int]:
    """`count` records: the pool, then crosses of its records made with `attrs.evolve`.

    Each new record is a record of the pool with the values of a few of its
    fields taken from another record of the pool (of the same class) and, for
    an entity, an id of its own. `attrs.evolve` builds it through the class's
    ``__init__``, so every validator runs: a cross that breaks an invariant
    between fields is refused there and not kept. Returns the records and the
    number of crosses refused.
    """
    by_class: dict[type[Any], list[Any]] = {}
    for record in pool:
        by_class.setdefault(type(record), []).append(record)
    records, refused = list(pool), 0
    while len(records) < count:
        base = rng.choice(pool)
        donor = rng.choice(by_class[type(base)])
        fields = [a for a in attrs.fields(type(base)) if a.init]
        chosen = rng.sample(fields, rng.randint(1, min(3, len(fields))))
        changes = {a.alias: getattr(donor, a.name) for a in chosen}
        if hasattr(base, "id"):
            changes["id"] = f"{base.id[:180]}-v{len(records)}"
        try:
            records.append(attrs.evolve(base, **changes))
        except (TypeError, ValueError):  # the validators refuse this cross
            refused += 1
    return records, refused


def generated(cls: type[Any], count: int, pool: int, rng: random.Random) -> tuple[list[Any], int]:
    """At least `count` valid records of `cls` from a drawn pool (see `varied`)."""
    return varied(drawn(cls, min(pool, count)), count, rng)


def _round_trip(records: tuple[Any, ...], cls: type[Any], path: Path) -> None:
    table = dm.to_arrow(records, cls)
    assert dm.from_arrow(table, cls) == records, cls.__name__
    pq.write_table(table, path)
    assert dm.from_arrow(pq.read_table(path), cls) == records, cls.__name__


def lossless(count: int, pool: int, folder: Path, seed: int = 16) -> dict[str, dict[str, Any]]:
    """Round-trip generated records of every class a table holds; what was checked, per class.

    Every table class, and each kind of document on its own (the documents
    table is then checked with every kind in it).
    """
    rng = random.Random(seed)
    checked: dict[str, dict[str, Any]] = {}
    classes = [(name, cls) for name, cls in TABLES.items() if cls is not dm.Document]
    classes += [(kind.__name__, kind) for kind in DOCUMENT_KINDS]
    kept: dict[type[Any], list[Any]] = {}
    for name, cls in classes:
        start = time.perf_counter()
        records, refused = generated(cls, count, pool, rng)
        made = time.perf_counter() - start
        _round_trip(tuple(records), cls, folder / f"{name}.parquet")
        checked[name] = {
            "records": len(records),
            "drawn": min(pool, count),
            "refused_crosses": refused,
            "generate_s": round(made, 1),
            "round_trip_s": round(time.perf_counter() - start - made, 1),
        }
        if cls in DOCUMENT_KINDS:
            kept[cls] = records
        print(
            f"  {name:<21}{len(records):>7} records ({min(pool, count)} drawn, "
            f"{refused} crosses refused) in {made:.0f} s: equal after Arrow and Parquet",
            flush=True,
        )
    documents = tuple(r for kind in DOCUMENT_KINDS for r in kept[kind])
    mixed = tuple(random.Random(seed).sample(documents, len(documents)))
    _round_trip(mixed, dm.Document, folder / "documents.parquet")
    checked["documents"] = {"records": len(mixed)}
    print(f"  {'documents (all kinds)':<21}{len(mixed):>7} records: equal after Arrow and Parquet")
    return checked


# -- 2. Parquet against JSON Lines ---------------------------------------------------------


def dossier(meetings: int, seed: int = 75) -> dm.Dossier:
    """A deterministic dossier: meetings of pairs of states, their people and documents."""
    rng = random.Random(seed)
    codes = [state.code for state in dm.states.current()]
    people = tuple(
        dm.Person(id=f"p{i}", name=f"Official {i}", names={"ru": f"Чиновник {i}"})
        for i in range(max(20, meetings // 4))
    )
    found: list[dm.Meeting] = []
    papers: list[dm.Document] = []
    for number in range(meetings):
        pair = tuple(dm.states.get(code) for code in rng.sample(codes, 2))
        start = dm.PartialDate.from_date(dt.date(1990, 1, 1) + dt.timedelta(rng.randrange(12000)))
        chairs = rng.sample(people, 2)
        roles = (dm.Role.CO_CHAIR, dm.Role.CO_CHAIR)
        outcome = f"d{number}"
        papers.append(
            dm.CooperationAgreement(
                id=outcome,
                title=f"Memorandum {number}",
                parties=pair,
                signed=start,
                meeting=f"m{number}",
                sectors=(rng.choice(list(dm.Sector)),),
                signatories=tuple(
                    dm.Signature(person=p.id, state=s) for p, s in zip(chairs, pair, strict=True)
                ),
                form=dm.AgreementForm.MEMORANDUM,
            )
        )
        found.append(
            dm.Meeting(
                parties=pair,
                host=pair[0],
                place=dm.Place(state=pair[0], locality=f"Town {number % 97}"),
                start=start,
                id=f"m{number}",
                title=f"Talks {number}",
                kind=rng.choice(list(dm.MeetingKind)),
                participants=tuple(
                    dm.Participation(person=p.id, delegation=s, role=r)
                    for p, s, r in zip(chairs, pair, roles, strict=True)
                ),
                outcomes=(outcome,),
            )
        )
    return dm.Dossier(
        id="bench", title="Benchmark", people=people, meetings=tuple(found), documents=tuple(papers)
    )


def median(call: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _jsonl_text(rows: dict[str, list[Any]], folder: Path) -> None:
    for name, table in rows.items():
        text = "".join(dm.serialization.dumps(row, indent=None) + "\n" for row in table)
        (folder / f"{name}.jsonl").write_text(text, "utf-8")


def _jsonl_rows(folder: Path) -> dict[str, list[Any]]:
    return {
        path.stem: [dm.parse_json(line) for line in path.read_text("utf-8").splitlines()]
        for path in folder.glob("*.jsonl")
    }


def _parquet_files(tables: dict[str, pa.Table], folder: Path) -> None:
    for name, table in tables.items():
        pq.write_table(table, folder / f"{name}.parquet")


def _parquet_tables(folder: Path) -> dict[str, pa.Table]:
    return {path.stem: ds.dataset(path).to_table() for path in folder.glob("*.parquet")}


def decoders(tables: dict[str, pa.Table], repeats: int) -> dict[str, float]:
    """Arrow tables to checked records, two ways that give equal records.

    `from_arrow`'s column-by-column reading, which builds each record with its
    class's ``__init__`` (every validator runs), against rows as dicts
    (``to_pylist``) read by the converter's generated structure functions
    (`diplomodel._structure`), which skip the validators their reading proved.
    """
    fast = _convert._make_converter(detailed=False)  # noqa: SLF001 - the one configuration
    _structure.register(fast, forbid_extra_keys=True)  # as make_converter does

    def generated() -> list[Any]:
        found = []
        for name, table in tables.items():
            cls = _convert._target(TABLES[name])  # noqa: SLF001
            hook = fast.get_structure_hook(cls)
            rows = table.to_pylist(maps_as_pydicts="strict")
            if cls is dm.Document:
                rows = [_convert._document_row(row) for row in rows]  # noqa: SLF001
            found += [hook(row, cls) for row in rows]
        return found

    def columns() -> list[Any]:
        return [r for name, table in tables.items() for r in dm.from_arrow(table, TABLES[name])]

    assert generated() == columns()
    return {
        "decode_columns": median(columns, repeats),
        "decode_generated_rows": median(generated, repeats),
    }


def speed(meetings: int, repeats: int, folder: Path) -> dict[str, float]:
    data = dossier(meetings)
    jsonl, parquet = folder / "jsonl", folder / "parquet"
    data.save(jsonl, format="jsonl")
    dm.write_parquet(data, parquet)
    assert dm.Dossier.load(jsonl) == data == dm.read_parquet(parquet)
    rows = {name: [dm.to_dict(r) for r in getattr(data, name)] for name in TABLES}
    tables = {name: dm.to_arrow(getattr(data, name), cls) for name, cls in TABLES.items()}
    text, files = folder / "text", folder / "files"
    text.mkdir()
    files.mkdir()
    figures = {
        "jsonl_write": median(lambda: data.save(jsonl, format="jsonl"), repeats),
        "jsonl_read": median(lambda: dm.Dossier.load(jsonl), repeats),
        "parquet_write": median(lambda: dm.write_parquet(data, parquet), repeats),
        "parquet_read": median(lambda: dm.read_parquet(parquet), repeats),
        "jsonl_files_write": median(lambda: _jsonl_text(rows, text), repeats),
        "jsonl_files_read": median(lambda: _jsonl_rows(text), repeats),
        "parquet_files_write": median(lambda: _parquet_files(tables, files), repeats),
        "parquet_files_read": median(lambda: _parquet_tables(files), repeats),
    }
    figures |= decoders(tables, repeats)
    records = len(data) if hasattr(data, "__len__") else meetings
    print(f"\n{records:,} records ({meetings:,} meetings), median of {repeats}:")
    print(
        "  (records: from model objects to files and back to checked model objects;"
        " files: the formats alone, JSON-ready dicts <-> JSON Lines text against"
        " Arrow tables <-> Parquet files)"
    )
    print(f"  {'':<22}{'write s':>9}{'read s':>9}")
    for label, key in (
        ("records, JSON Lines", "jsonl"),
        ("records, Parquet", "parquet"),
        ("files, JSON Lines", "jsonl_files"),
        ("files, Parquet", "parquet_files"),
    ):
        print(f"  {label:<22}{figures[key + '_write']:>9.3f}{figures[key + '_read']:>9.3f}")
    print(
        f"  Arrow tables to checked records: column by column (from_arrow)"
        f" {figures['decode_columns']:.3f} s, rows through the generated structure"
        f" functions {figures['decode_generated_rows']:.3f} s"
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, about a minute")
    parser.add_argument("--objects", type=int, default=None, help="records per class")
    parser.add_argument(
        "--pool", type=int, default=500, help="records per class drawn by hypothesis, then crossed"
    )
    parser.add_argument("--meetings", type=int, default=None)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--only", choices=("lossless", "speed"), help="run one of the two parts (default: both)"
    )
    args = parser.parse_args()
    objects = args.objects or (1_000 if args.quick else 10_000)
    meetings = args.meetings or (2_000 if args.quick else 20_000)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        checked: dict[str, Any] = {}
        if args.only != "speed":
            print(f"Lossless round trips, at least {objects:,} generated records a class:")
            start = time.perf_counter()
            checked = lossless(objects, args.pool, folder)
            print(f"  in {time.perf_counter() - start:.0f} s")
        if args.only == "lossless":
            print(json.dumps({"lossless": True, "objects_checked": checked}))
            return
        figures = speed(meetings, args.repeats, folder)

    def ratio(slow: str, fast: str) -> float:
        jsonl = figures[f"{slow}_write"] + figures[f"{slow}_read"]
        return round(jsonl / (figures[f"{fast}_write"] + figures[f"{fast}_read"]), 2)

    records_ratio = ratio("jsonl", "parquet")
    files_ratio = ratio("jsonl_files", "parquet_files")
    print(f"\nParquet vs JSON Lines, write + read: records {records_ratio}x, files {files_ratio}x")
    print(
        json.dumps(
            {
                "lossless": bool(checked),
                "objects_checked": checked,
                "meetings": meetings,
                "seconds": {key: round(value, 4) for key, value in figures.items()},
                "ratio_records": records_ratio,
                "ratio_files": files_ratio,
                "target": TARGET,
                "target_met_records": records_ratio >= TARGET,
                "target_met_files": files_ratio >= TARGET,
            }
        )
    )


if __name__ == "__main__":
    main()
