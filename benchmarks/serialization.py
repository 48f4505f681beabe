"""Decode, encode and memory of diplomodel against pydantic v2 and msgspec, in one run.

The corpus is a deterministic synthetic dossier: N meetings with 4-8
participants and 3-10 documents each, the people and the documents in their
own collections. Each library reads the same JSON bytes into its own version
of the same model, with the same checks (id patterns, non-blank text, enums,
ISO dates, state codes, tagged documents), and writes it back.

Every time is the median of several repeats, measured twice: with the
garbage collector as each library leaves it (how users call it; diplomodel
never switches it itself), and with the collector paused for every library.
The row "diplomodel paused_gc" is diplomodel called inside its opt-in
`paused_gc()` context manager, as a bulk loader may choose to. The last line printed is one JSON
object of ratios and figures.

    python benchmarks/serialization.py            # 20 000 meetings, 1 000 000 JSONL records
    python benchmarks/serialization.py --quick    # a small corpus, under a minute

Needs the `bench` dependency group (pydantic, msgspec).
"""

# No `from __future__ import annotations`: the peer models resolve their local type aliases.

import argparse
import datetime as dt
import enum
import gc
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
import pydantic

import diplomodel as dm

ID = r"^[A-Za-z0-9](?:[A-Za-z0-9._:/-]{0,198}[A-Za-z0-9])?$"
TEXT = r"^\S(?:[\s\S]*\S)?$"
DATE = r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"
CODES = frozenset(s.code for s in dm.states)

# -- the corpus -------------------------------------------------------------------


def corpus(meetings: int, seed: int = 29) -> dm.Dossier:
    """A deterministic dossier of `meetings` meetings with their people and documents."""
    rng = random.Random(seed)
    codes = [s.code for s in dm.states.current()]
    people = [
        dm.Person(
            id=f"person-{i}",
            name=f"Person {i}",
            names={"ru": f"Лицо {i}", "zh": f"人物{i}"},
            tenures=(dm.Tenure(office=f"office-{i % 500}", start=dm.PartialDate(year=2000)),),
        )
        for i in range(max(50, meetings // 2))
    ]
    all_meetings = []
    documents = []
    for m in range(meetings):
        a, b = rng.sample(codes, 2)
        day = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000))
        start = dm.PartialDate.from_date(day)
        parties = (dm.states.get(a), dm.states.get(b))
        participants = tuple(
            dm.Participation(
                person=person.id,
                delegation=parties[k % 2],
                role=dm.Role.CO_CHAIR if k < 2 else rng.choice(list(dm.Role)),
                office=person.tenures[0].office,
            )
            for k, person in enumerate(rng.sample(people, rng.randint(4, 8)))
        )
        outcome_ids = []
        for d in range(rng.randint(3, 10)):
            doc_id = f"doc-{m}-{d}"
            outcome_ids.append(doc_id)
            fields: dict[str, Any] = {
                "id": doc_id,
                "title": f"Document {d} of meeting {m}",
                "parties": parties,
                "signed": start,
                "meeting": f"meeting-{m}",
                "sectors": tuple(rng.sample(list(dm.Sector), 2)),
                "signatories": (
                    dm.Signature(person=participants[0].person, state=parties[0]),
                    dm.Signature(person=participants[1].person, state=parties[1]),
                ),
            }
            if d == 0:
                documents.append(dm.Communique(**fields))
            else:
                documents.append(
                    dm.CooperationAgreement(**fields, form=rng.choice(list(dm.AgreementForm)))
                )
        all_meetings.append(
            dm.Meeting(
                id=f"meeting-{m}",
                title=f"Meeting {m} between {a} and {b}",
                kind=rng.choice(list(dm.MeetingKind)),
                start=start,
                place=dm.Place(state=parties[1], locality=f"City {m % 300}"),
                host=parties[1],
                parties=parties,
                participants=participants,
                sectors=tuple(rng.sample(list(dm.Sector), 3)),
                outcomes=tuple(outcome_ids),
                summary=f"Summary of meeting {m}.",
            )
        )
    return dm.Dossier(
        id="synthetic",
        title="Synthetic corpus",
        people=tuple(people),
        meetings=tuple(all_meetings),
        documents=tuple(documents),
    )


# -- the same model in pydantic v2 ----------------------------------------------------


def _pydantic_models() -> type[pydantic.BaseModel]:
    from pydantic import BaseModel, ConfigDict, Field, field_validator

    Id = Annotated[str, Field(pattern=ID, max_length=200)]  # noqa: N806
    Text = Annotated[str, Field(pattern=TEXT, min_length=1, max_length=1000)]  # noqa: N806
    Date = Annotated[str, Field(pattern=DATE)]  # noqa: N806

    def check_code(value: str) -> str:
        if value not in CODES:
            raise ValueError(f"unknown state {value!r}")
        return value

    Code = Annotated[str, pydantic.AfterValidator(check_code)]  # noqa: N806
    Role = enum.Enum("Role", {r.name: r.value for r in dm.Role})  # type: ignore[misc]  # noqa: N806
    Kind = enum.Enum("Kind", {k.name: k.value for k in dm.MeetingKind})  # type: ignore[misc]  # noqa: N806
    Sector = enum.Enum("Sector", {s.name: s.value for s in dm.Sector})  # type: ignore[misc]  # noqa: N806
    Form = enum.Enum("Form", {f.name: f.value for f in dm.AgreementForm})  # type: ignore[misc]  # noqa: N806

    strict = ConfigDict(extra="forbid", strict=True, frozen=True)

    class Tenure(BaseModel):
        model_config = strict
        office: Id
        start: Date | None = None
        end: Date | None = None

    class Person(BaseModel):
        model_config = strict
        id: Id
        name: Text
        names: dict[str, Text] = {}
        tenures: tuple[Tenure, ...] = ()

    class Place(BaseModel):
        model_config = strict
        state: Code
        locality: Text | None = None
        venue: Text | None = None

    class Participation(BaseModel):
        model_config = strict
        person: Id
        delegation: Code
        role: Role
        office: Id | None = None

    class Meeting(BaseModel):
        model_config = strict
        id: Id
        title: Text
        kind: Kind
        start: Date
        end: Date | None = None
        place: Place | None = None
        host: Code | None = None
        parties: tuple[Code, ...]
        series: Id | None = None
        ordinal: int | None = None
        participants: tuple[Participation, ...] = ()
        sectors: tuple[Sector, ...] = ()
        outcomes: tuple[Id, ...] = ()
        summary: Text | None = None

        @field_validator("parties")
        @classmethod
        def unique(cls, value: tuple[str, ...]) -> tuple[str, ...]:
            if len(set(value)) != len(value):
                raise ValueError("repeated party")
            return value

    class Signature(BaseModel):
        model_config = strict
        person: Id
        state: Code
        office: Id | None = None

    class DocumentFields(BaseModel):
        model_config = strict
        id: Id
        title: Text
        parties: tuple[Code, ...]
        signed: Date | None = None
        meeting: Id | None = None
        sectors: tuple[Sector, ...] = ()
        signatories: tuple[Signature, ...] = ()

    class Communique(DocumentFields):
        type: Literal["communique"]

    class CooperationAgreement(DocumentFields):
        type: Literal["cooperation_agreement"]
        form: Form | None = None

    Document = Annotated[Communique | CooperationAgreement, Field(discriminator="type")]  # noqa: N806

    class Dossier(BaseModel):
        model_config = strict
        id: Id
        title: Text
        people: tuple[Person, ...] = ()
        meetings: tuple[Meeting, ...] = ()
        documents: tuple[Document, ...] = ()

    return Dossier


# -- the same model in msgspec ------------------------------------------------------------


def _msgspec_models() -> type[msgspec.Struct]:
    from msgspec import Meta, Struct

    Id = Annotated[str, Meta(pattern=ID, max_length=200)]  # noqa: N806
    Text = Annotated[str, Meta(pattern=TEXT, min_length=1, max_length=1000)]  # noqa: N806
    Date = Annotated[str, Meta(pattern=DATE)]  # noqa: N806
    Code = Literal[tuple(sorted(CODES))]  # type: ignore[valid-type]  # noqa: N806
    Role = Literal[tuple(r.value for r in dm.Role)]  # type: ignore[valid-type]  # noqa: N806
    Kind = Literal[tuple(k.value for k in dm.MeetingKind)]  # type: ignore[valid-type]  # noqa: N806
    Sector = Literal[tuple(s.value for s in dm.Sector)]  # type: ignore[valid-type]  # noqa: N806
    Form = Literal[tuple(f.value for f in dm.AgreementForm)]  # type: ignore[valid-type]  # noqa: N806
    options = {"forbid_unknown_fields": True, "frozen": True, "omit_defaults": True}

    class Tenure(Struct, **options):  # type: ignore[call-arg]
        office: Id
        start: Date | None = None
        end: Date | None = None

    class Person(Struct, **options):  # type: ignore[call-arg]
        id: Id
        name: Text
        names: dict[str, Text] = {}
        tenures: tuple[Tenure, ...] = ()

    class Place(Struct, **options):  # type: ignore[call-arg]
        state: Code
        locality: Text | None = None
        venue: Text | None = None

    class Participation(Struct, **options):  # type: ignore[call-arg]
        person: Id
        delegation: Code
        role: Role
        office: Id | None = None

    class Meeting(Struct, **options):  # type: ignore[call-arg]
        id: Id
        title: Text
        kind: Kind
        start: Date
        parties: tuple[Code, ...]
        end: Date | None = None
        place: Place | None = None
        host: Code | None = None
        series: Id | None = None
        ordinal: int | None = None
        participants: tuple[Participation, ...] = ()
        sectors: tuple[Sector, ...] = ()
        outcomes: tuple[Id, ...] = ()
        summary: Text | None = None

        def __post_init__(self) -> None:
            if len(set(self.parties)) != len(self.parties):
                raise ValueError("repeated party")

    class Signature(Struct, **options):  # type: ignore[call-arg]
        person: Id
        state: Code
        office: Id | None = None

    class Communique(Struct, tag="communique", tag_field="type", **options):  # type: ignore[call-arg]
        id: Id
        title: Text
        parties: tuple[Code, ...]
        signed: Date | None = None
        meeting: Id | None = None
        sectors: tuple[Sector, ...] = ()
        signatories: tuple[Signature, ...] = ()

    class CooperationAgreement(Struct, tag="cooperation_agreement", tag_field="type", **options):  # type: ignore[call-arg]
        id: Id
        title: Text
        parties: tuple[Code, ...]
        signed: Date | None = None
        meeting: Id | None = None
        sectors: tuple[Sector, ...] = ()
        signatories: tuple[Signature, ...] = ()
        form: Form | None = None

    class Dossier(Struct, **options):  # type: ignore[call-arg]
        id: Id
        title: Text
        people: tuple[Person, ...] = ()
        meetings: tuple[Meeting, ...] = ()
        documents: tuple[Communique | CooperationAgreement, ...] = ()

    return Dossier


def paused_decode(raw: bytes) -> object:
    """Decode inside diplomodel's opt-in `paused_gc()`, as a bulk loader may choose to."""
    with dm.paused_gc():
        return dm.from_json(raw, dm.Dossier)


def paused_encode(dossier: object) -> bytes:
    """Encode inside diplomodel's opt-in `paused_gc()`."""
    with dm.paused_gc():
        return dm.to_json_bytes(dossier)


# -- measuring ---------------------------------------------------------------------------


def median_time(call: Callable[[], object], repeats: int, *, pause_gc: bool) -> float:
    """Median seconds of `call`, with the collector paused around each call if asked."""
    times = []
    for _ in range(repeats):
        gc.collect()
        if pause_gc:
            gc.disable()
        try:
            start = time.perf_counter()
            result = call()
            elapsed = time.perf_counter() - start
        finally:
            gc.enable()
        del result
        times.append(elapsed)
    return statistics.median(times)


def peak_memory(call: Callable[[], object]) -> tuple[float, float]:
    """(peak MB while running, MB still held by the result) as tracemalloc counts them."""
    gc.collect()
    tracemalloc.start()
    try:
        result = call()
        held, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del result
    return peak / 2**20, held / 2**20


def _jsonl_lines(meetings: int) -> Iterator[dm.Meeting]:
    template = corpus(200).meetings
    for i in range(meetings):
        yield template[i % len(template)]


def jsonl_peak_rss(records: int) -> float:
    """Peak RSS (MB) of a fresh process streaming `records` meetings through iter_jsonl."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "meetings.jsonl"
        dm.write_jsonl(path, _jsonl_lines(records))
        # VmHWM is this process's own peak (ru_maxrss would carry the parent's over the exec).
        code = (
            "import re, sys, diplomodel as dm\n"
            "n = sum(1 for _ in dm.iter_jsonl(sys.argv[1], dm.Meeting))\n"
            "assert n == int(sys.argv[2]), n\n"
            "status = open('/proc/self/status').read()\n"
            "print(re.search(r'VmHWM:\\s+(\\d+) kB', status).group(1))\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, str(path), str(records)],
            check=True,
            capture_output=True,
            text=True,
        )
    return int(out.stdout.strip()) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small corpus, under a minute")
    parser.add_argument("--meetings", type=int, default=None)
    parser.add_argument("--repeats", type=int, default=None)
    parser.add_argument("--jsonl-records", type=int, default=None)
    args = parser.parse_args()
    meetings = args.meetings or (2_000 if args.quick else 20_000)
    repeats = args.repeats or 5
    jsonl_records = args.jsonl_records or (50_000 if args.quick else 1_000_000)

    dossier = corpus(meetings)
    raw = dm.to_json(dossier, indent=None).encode()
    parsed = json.loads(raw)
    PydanticDossier = _pydantic_models()  # noqa: N806
    MsgspecDossier = _msgspec_models()  # noqa: N806
    msgspec_decoder = msgspec.json.Decoder(MsgspecDossier)
    msgspec_encoder = msgspec.json.Encoder()
    pyd = PydanticDossier.model_validate_json(raw)
    msg = msgspec_decoder.decode(raw)
    assert dm.from_json(raw, dm.Dossier) == dossier

    decoders: dict[str, Callable[[], object]] = {
        "diplomodel": lambda: dm.from_json(raw, dm.Dossier),
        "diplomodel paused_gc": lambda: paused_decode(raw),
        "pydantic": lambda: PydanticDossier.model_validate_json(raw),
        "msgspec": lambda: msgspec_decoder.decode(raw),
        "json.loads (floor)": lambda: json.loads(raw),
    }
    encoders: dict[str, Callable[[], object]] = {
        "diplomodel": lambda: dm.to_json_bytes(dossier),
        "diplomodel paused_gc": lambda: paused_encode(dossier),
        "pydantic": lambda: pyd.__pydantic_serializer__.to_json(pyd, exclude_defaults=True),
        "msgspec": lambda: msgspec_encoder.encode(msg),
        "json.dumps (floor)": lambda: json.dumps(parsed, ensure_ascii=False).encode(),
    }
    results: dict[str, dict[str, float]] = {}
    for name, call in decoders.items():
        peak, held = peak_memory(call)
        results[name] = {
            "decode": median_time(call, repeats, pause_gc=False),
            "decode_gc_paused": median_time(call, repeats, pause_gc=True),
            "decode_peak_mb": peak,
            "decoded_mb": held,
        }
    for name, call in encoders.items():
        key = name if name in results else name.replace("dumps", "loads")
        results[key]["encode"] = median_time(call, repeats, pause_gc=False)
        results[key]["encode_gc_paused"] = median_time(call, repeats, pause_gc=True)

    floor = "json.loads (floor)"
    size = len(raw) / 2**20
    print(f"corpus: {meetings} meetings, {len(dossier)} entities, {size:.1f} MB of JSON")
    print(f"medians of {repeats} runs; seconds; memory from tracemalloc")
    header = ("library", "decode", "decode*", "encode", "encode*", "peak MB", "held MB")
    print("{:<20} {:>8} {:>8} {:>8} {:>8} {:>9} {:>9}".format(*header))
    for name, row in results.items():
        print(
            f"{name:<20} {row['decode']:>8.3f} {row['decode_gc_paused']:>8.3f} "
            f"{row['encode']:>8.3f} {row['encode_gc_paused']:>8.3f} "
            f"{row['decode_peak_mb']:>9.1f} {row['decoded_mb']:>9.1f}"
        )
    print("(* = garbage collector paused for every library)")
    rss = jsonl_peak_rss(jsonl_records)
    print(f"iter_jsonl over {jsonl_records} meetings: peak RSS {rss:.0f} MB")

    ours, pydantic_row, msgspec_row = results["diplomodel"], results["pydantic"], results["msgspec"]
    figures = {
        "decode_vs_pydantic": ours["decode"] / pydantic_row["decode"],
        "decode_vs_msgspec": ours["decode"] / msgspec_row["decode"],
        "encode_vs_pydantic": ours["encode"] / pydantic_row["encode"],
        "encode_vs_floor": ours["encode"] / results[floor]["encode"],
        "decode_vs_pydantic_gc_paused": ours["decode_gc_paused"] / pydantic_row["decode_gc_paused"],
        "encode_vs_pydantic_gc_paused": ours["encode_gc_paused"] / pydantic_row["encode_gc_paused"],
        "decode_peak_vs_decoded": ours["decode_peak_mb"] / ours["decoded_mb"],
        "decoded_mb_vs_pydantic": ours["decoded_mb"] / pydantic_row["decoded_mb"],
        "jsonl_records": jsonl_records,
        "jsonl_1m_peak_rss_mb" if jsonl_records == 1_000_000 else "jsonl_peak_rss_mb": rss,
        "meetings": meetings,
        "json_mb": len(raw) / 2**20,
    }
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in figures.items()}))


if __name__ == "__main__":
    main()
