"""Decode, encode, import time and memory of diplomodel against pydantic v2, msgspec and orjson.

The corpus is a deterministic synthetic dossier that fills every one of its
eleven tables: N meetings with 4-8 participants and 3-10 documents each, and
people, offices, bodies, series, committees, relations, thematic years,
statements and claims in proportion. Each library reads the same JSON bytes
into its own version of the same model, and the peers enforce the same
constraints on every field the corpus uses: id patterns, non-blank trimmed
text with the same length limits, enum values, state and actor codes, ISO
dates that exist in the calendar, locale identifiers as the keys of names,
unique parties, participants (by person and role), sectors, outcomes,
signatories and ids within each table, ends not before starts, partnership
levels in date order, and unknown keys refused.

Before anything is timed the script checks that the peers agree: every
library decodes the corpus to data equal to the parsed JSON, and every
library rejects each input of a list of invalid ones (one constraint broken
at a time). What only diplomodel refuses (a key repeated in one object) is listed
apart.

Timing is interleaved: each repetition calls every library once, in an order
that rotates, and each figure is the median over the repetitions. Every
figure is measured twice, with the garbage collector as each library leaves
it (as called: diplomodel never switches it) and with the collector paused
for every library. The raw parse is orjson, the reader and writer
diplomodel's own JSON goes through when orjson is installed. Import time is
the median of fresh interpreters; peak memory is each case's peak RSS above
its baseline in a fresh process, divided by the size of the JSON text it reads
(the compact text; for `Dossier.load`, the indented file or the JSON Lines files).

    python benchmarks/serialization.py            # 20 000 meetings, 1 000 000 JSONL records
    python benchmarks/serialization.py --quick    # a small corpus, about a minute

The last line printed is one JSON object of ratios and figures. Needs the
`bench` dependency group (pydantic, msgspec) and orjson (the `fast` extra).
"""

# No `from __future__ import annotations`: the peer models resolve their local type aliases.

import argparse
import calendar
import copy
import datetime as dt
import functools
import gc
import itertools
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

import msgspec
import orjson
import pydantic
from babel import localedata

import diplomodel as dm

# -- the constraints, stated once for both peers ------------------------------------------------

ID = r"^[A-Za-z0-9](?:[A-Za-z0-9._:/-]{0,198}[A-Za-z0-9])?$"
TEXT = r"^\S(?:[\s\S]*\S)?$"
DATE = r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"
STATE_CODES = sorted(s.code for s in dm.states)
ORG_CODES = sorted(o.code for o in dm.organizations)
STATE = "^(?:" + "|".join(STATE_CODES) + ")$"
ACTOR = (
    "^(?:"
    + "|".join(STATE_CODES + [f"org:{c}" for c in ORG_CODES])
    + r"|body:[A-Za-z0-9](?:[A-Za-z0-9._:/-]{0,198}[A-Za-z0-9])?)$"
)
LOCALE = "^(?:" + "|".join(sorted(localedata.locale_identifiers())) + ")$"


@functools.lru_cache(maxsize=8192)
def real_date(text: str) -> bool:
    """Whether ISO text of the shape DATE names a date that exists (year 1 to 9999)."""
    parts = [int(p) for p in text.split("-")]
    if parts[0] < 1 or (len(parts) > 1 and not 1 <= parts[1] <= 12):
        return False
    return len(parts) < 3 or 1 <= parts[2] <= calendar.monthrange(parts[0], parts[1])[1]


def date_bounds(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day a partial date may mean."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    day = dt.date(*parts)
    return day, day


def check_not_before(end: str | None, start: str | None) -> None:
    if end is not None and start is not None and date_bounds(end)[1] < date_bounds(start)[0]:
        raise ValueError("end before start")


def check_unique(items: Any, key: Callable[[Any], Any] | None = None) -> None:
    keys = list(items) if key is None else [key(i) for i in items]
    if len(set(keys)) != len(keys):
        raise ValueError("repeated item")


def check_chronological(dates: list[str]) -> None:
    for earlier, later in itertools.pairwise(dates):
        if date_bounds(later)[0] <= date_bounds(earlier)[1]:
            raise ValueError("not in date order")


# -- the corpus -------------------------------------------------------------------


def corpus(meetings: int, seed: int = 29) -> dm.Dossier:
    """A deterministic dossier of `meetings` meetings with every other table filled."""
    rng = random.Random(seed)
    codes = [s.code for s in dm.states.current()]
    day0 = dt.date(2000, 1, 1)

    def date(days: int) -> dm.PartialDate:
        return dm.PartialDate.from_date(day0 + dt.timedelta(days=days))

    offices = [
        dm.Office(
            id=f"office-{i}",
            title=f"Office {i}",
            kind=rng.choice(list(dm.OfficeKind)),
            state=dm.states.get(codes[i % len(codes)]),
        )
        for i in range(500)
    ]
    people = [
        dm.Person(
            id=f"person-{i}",
            name=f"Person {i}",
            names={"ru": f"Лицо {i}", "zh": f"人物{i}"},
            tenures=(
                dm.Tenure(office=f"office-{i % 500}", start=dm.PartialDate(year=2000)),
                dm.Tenure(office=f"office-{(i + 1) % 500}", start=date(i % 9000)),
            ),
        )
        for i in range(max(50, meetings // 2))
    ]
    bodies = [
        dm.Body(
            id=f"ministry-{i}",
            name=f"Ministry {i}",
            names={"en": f"Ministry {i}"},
            kind=rng.choice(list(dm.BodyKind)),
            belongs_to=dm.states.get(codes[i % len(codes)]),
            established=dm.PartialDate(year=1950 + i % 70),
        )
        for i in range(max(20, meetings // 100))
    ]
    series = [
        dm.MeetingSeries(
            id=f"series-{i}",
            title=f"Series {i}",
            kind=dm.MeetingKind.REGULAR_MEETING,
            parties=tuple(dm.states.get(c) for c in rng.sample(codes, 2)),
            established=dm.PartialDate(year=1990 + i % 30),
        )
        for i in range(max(10, meetings // 100))
    ]
    all_meetings = []
    documents: list[dm.Document] = []
    statements = []
    claims = []
    for m in range(meetings):
        a, b = rng.sample(codes, 2)
        start = date(rng.randrange(9000))
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
        in_series = m % 3 == 0
        all_meetings.append(
            dm.Meeting(
                id=f"meeting-{m}",
                title=f"Meeting {m} between {a} and {b}",
                kind=rng.choice(list(dm.MeetingKind)),
                start=start,
                end=date(start.to_date().toordinal() - day0.toordinal() + 1) if m % 4 else None,
                place=dm.Place(state=parties[1], locality=f"City {m % 300}"),
                host=parties[1],
                parties=parties,
                series=series[m % len(series)].id if in_series else None,
                ordinal=m // 3 + 1 if in_series else None,
                participants=participants,
                sectors=tuple(rng.sample(list(dm.Sector), 3)),
                outcomes=tuple(outcome_ids),
                summary=f"Summary of meeting {m}.",
            )
        )
        if m % 4 == 0:
            statements.append(
                dm.Statement(
                    id=f"statement-{m}",
                    speaker=participants[0].person,
                    summary=f"A position stated at meeting {m}.",
                    on_behalf_of=parties[0],
                    meeting=f"meeting-{m}",
                    date=start,
                    topics=tuple(rng.sample(list(dm.Sector), 2)),
                )
            )
            claims.append(
                dm.Claim(
                    id=f"claim-{m}",
                    source=dm.Source(publisher="Wire", url=f"https://news.example/{m}"),
                    said_on=start,
                    about=dm.ClaimSubject.MEETING,
                    meeting=f"meeting-{m}",
                    what=dm.ClaimKind.DATE,
                    date=start,
                )
            )
    committees = [
        dm.Committee(
            id=f"committee-{i}",
            name=f"Committee {i}",
            parties=tuple(dm.states.get(c) for c in rng.sample(codes, 2)),
            sectors=tuple(rng.sample(list(dm.Sector), 2)),
            co_chairs=(people[i % len(people)].id, people[(i + 1) % len(people)].id),
            established=dm.PartialDate(year=1995 + i % 25, month=1 + i % 12),
        )
        for i in range(max(20, meetings // 50))
    ]
    relations = [
        dm.BilateralRelation(
            id=f"relation-{i}",
            parties=tuple(dm.states.get(c) for c in rng.sample(codes, 2)),
            established=dm.PartialDate(year=1950 + i % 50, month=10, day=2),
            levels=(
                dm.PartnershipLevel(name="partnership", since=dm.PartialDate(year=2001)),
                dm.PartnershipLevel(name="strategic partnership", since=dm.PartialDate(year=2010)),
            ),
        )
        for i in range(max(20, meetings // 50))
    ]
    years = [
        dm.ThematicYear(
            id=f"year-{i}",
            title=f"Years of Culture {i}",
            parties=tuple(dm.states.get(c) for c in rng.sample(codes, 2)),
            start=dm.PartialDate(year=2000 + i % 24),
            end=dm.PartialDate(year=2001 + i % 24),
            sectors=(dm.Sector.CULTURE,),
        )
        for i in range(max(10, meetings // 100))
    ]
    return dm.Dossier(
        id="synthetic",
        title="Synthetic corpus",
        people=tuple(people),
        offices=tuple(offices),
        bodies=tuple(bodies),
        meetings=tuple(all_meetings),
        series=tuple(series),
        documents=tuple(documents),
        committees=tuple(committees),
        relations=tuple(relations),
        thematic_years=tuple(years),
        statements=tuple(statements),
        claims=tuple(claims),
    )


# -- the same model in pydantic v2 ----------------------------------------------------


def _pydantic_models() -> type[pydantic.BaseModel]:  # noqa: C901 - one model per class
    from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

    def text(n: int) -> Any:
        return Annotated[str, Field(pattern=TEXT, min_length=1, max_length=n)]

    def must_exist(value: str) -> str:
        if not real_date(value):
            raise ValueError("no such date")
        return value

    def unique(value: tuple[Any, ...]) -> tuple[Any, ...]:
        check_unique(value)
        return value

    def unique_ids(value: tuple[Any, ...]) -> tuple[Any, ...]:
        check_unique(value, lambda item: item.id)
        return value

    Id = Annotated[str, Field(pattern=ID)]  # noqa: N806
    Date = Annotated[str, Field(pattern=DATE), AfterValidator(must_exist)]  # noqa: N806
    State = Annotated[str, Field(pattern=STATE)]  # noqa: N806
    Actor = Annotated[str, Field(pattern=ACTOR)]  # noqa: N806
    Names = dict[Annotated[str, Field(pattern=LOCALE)], text(10_000)]  # noqa: N806
    Actors = Annotated[tuple[Actor, ...], Field(min_length=1), AfterValidator(unique)]  # noqa: N806

    def values(kind: Any) -> Any:
        return Literal[tuple(m.value for m in kind)]

    def uniq(item: Any) -> Any:
        return Annotated[tuple[item, ...], AfterValidator(unique)]

    def table(item: Any) -> Any:
        return Annotated[tuple[item, ...], AfterValidator(unique_ids)]

    strict = ConfigDict(extra="forbid", strict=True, frozen=True)

    class Source(BaseModel):
        model_config = strict
        publisher: text(300)
        title: text(500) | None = None
        url: Annotated[str, Field(pattern=r"^https?://[^/?#]+", max_length=2000)] | None = None

    class Span(BaseModel):
        """A model with a start and an end that must not come before it."""

        @model_validator(mode="after")
        def ordered(self) -> "Span":
            check_not_before(getattr(self, "end", None), getattr(self, "start", None))
            return self

    class Tenure(Span):
        model_config = strict
        office: Id
        start: Date | None = None
        end: Date | None = None

    class Person(BaseModel):
        model_config = strict
        id: Id
        name: text(300)
        names: Names = {}
        tenures: tuple[Tenure, ...] = ()

    class Office(BaseModel):
        model_config = strict
        id: Id
        title: text(300)
        kind: values(dm.OfficeKind)
        state: Actor

    class Body(BaseModel):
        model_config = strict
        id: Annotated[str, Field(pattern=ID)]
        name: text(500)
        names: Names = {}
        kind: values(dm.BodyKind)
        belongs_to: State
        established: Date | None = None

    class Place(BaseModel):
        model_config = strict
        state: State
        locality: text(200) | None = None
        venue: text(200) | None = None

    class Participation(BaseModel):
        model_config = strict
        person: Id
        delegation: Actor
        role: values(dm.Role)
        office: Id | None = None

    class Meeting(BaseModel):
        model_config = strict
        id: Id
        title: text(500)
        kind: values(dm.MeetingKind)
        start: Date
        end: Date | None = None
        place: Place | None = None
        host: Actor | None = None
        parties: Actors
        series: Id | None = None
        ordinal: Annotated[int, Field(ge=1, le=1_000_000)] | None = None
        participants: tuple[Participation, ...] = ()
        sectors: uniq(values(dm.Sector)) = ()
        outcomes: uniq(Id) = ()
        summary: text(10_000) | None = None

        @model_validator(mode="after")
        def coherent(self) -> "Meeting":
            check_not_before(self.end, self.start)
            check_unique(self.participants, lambda p: (p.person, p.role))
            if self.ordinal is not None and self.series is None:
                raise ValueError("an ordinal needs a series")
            return self

    class MeetingSeries(BaseModel):
        model_config = strict
        id: Id
        title: text(500)
        kind: values(dm.MeetingKind)
        parties: Actors
        established: Date | None = None

    class Signature(BaseModel):
        model_config = strict
        person: Id
        state: Actor
        office: Id | None = None

    class DocumentFields(BaseModel):
        model_config = strict
        id: Id
        title: text(1000)
        parties: Actors
        signed: Date | None = None
        meeting: Id | None = None
        sectors: uniq(values(dm.Sector)) = ()
        signatories: uniq(Signature) = ()

    class Communique(DocumentFields):
        type: Literal["communique"]

    class CooperationAgreement(DocumentFields):
        type: Literal["cooperation_agreement"]
        form: values(dm.AgreementForm) | None = None

    Document = Annotated[Communique | CooperationAgreement, Field(discriminator="type")]  # noqa: N806

    class Committee(BaseModel):
        model_config = strict
        id: Id
        name: text(500)
        parties: Actors
        sectors: uniq(values(dm.Sector)) = ()
        co_chairs: uniq(Id) = ()
        established: Date | None = None

    class PartnershipLevel(BaseModel):
        model_config = strict
        name: text(500)
        since: Date

    class BilateralRelation(BaseModel):
        model_config = strict
        id: Id
        parties: Annotated[tuple[Actor, ...], Field(min_length=2, max_length=2)]
        established: Date | None = None
        levels: tuple[PartnershipLevel, ...] = ()

        @model_validator(mode="after")
        def coherent(self) -> "BilateralRelation":
            check_unique(self.parties)
            check_chronological([level.since for level in self.levels])
            return self

    class ThematicYear(Span):
        model_config = strict
        id: Id
        title: text(500)
        parties: Actors
        start: Date
        end: Date
        sectors: uniq(values(dm.Sector)) = ()

    class Statement(BaseModel):
        model_config = strict
        id: Id
        speaker: Id
        summary: text(10_000)
        on_behalf_of: Actor | None = None
        meeting: Id | None = None
        date: Date | None = None
        topics: uniq(values(dm.Sector)) = ()

    class Claim(BaseModel):
        model_config = strict
        id: Id
        source: Source
        said_on: Date | None = None
        about: Literal["meeting"]
        meeting: Id
        what: Literal["date"]
        date: Date

    class Dossier(BaseModel):
        model_config = strict
        id: Id
        title: text(500)
        people: table(Person) = ()
        offices: table(Office) = ()
        bodies: table(Body) = ()
        meetings: table(Meeting) = ()
        series: table(MeetingSeries) = ()
        documents: table(Document) = ()
        committees: table(Committee) = ()
        relations: table(BilateralRelation) = ()
        thematic_years: table(ThematicYear) = ()
        statements: table(Statement) = ()
        claims: table(Claim) = ()

    return Dossier


# -- the same model in msgspec ------------------------------------------------------------


def _msgspec_models() -> type[msgspec.Struct]:  # noqa: C901 - one model per class
    from msgspec import Meta, Struct

    def text(n: int) -> Any:
        return Annotated[str, Meta(pattern=TEXT, min_length=1, max_length=n)]

    def dates(*values: str | None) -> None:
        for value in values:
            if value is not None and not real_date(value):
                raise ValueError("no such date")

    Id = Annotated[str, Meta(pattern=ID)]  # noqa: N806
    Date = Annotated[str, Meta(pattern=DATE)]  # noqa: N806
    State = Annotated[str, Meta(pattern=STATE)]  # noqa: N806
    Actor = Annotated[str, Meta(pattern=ACTOR)]  # noqa: N806
    Names = dict[Annotated[str, Meta(pattern=LOCALE)], text(10_000)]  # noqa: N806
    Actors = Annotated[tuple[Actor, ...], Meta(min_length=1)]  # noqa: N806

    def values(kind: Any) -> Any:
        return Literal[tuple(m.value for m in kind)]

    options: dict[str, Any] = {"forbid_unknown_fields": True, "frozen": True, "omit_defaults": True}

    class Source(Struct, **options):
        publisher: text(300)
        title: text(500) | None = None
        url: Annotated[str, Meta(pattern=r"^https?://[^/?#]+", max_length=2000)] | None = None

    class Tenure(Struct, **options):
        office: Id
        start: Date | None = None
        end: Date | None = None

        def __post_init__(self) -> None:
            dates(self.start, self.end)
            check_not_before(self.end, self.start)

    class Person(Struct, **options):
        id: Id
        name: text(300)
        names: Names = {}
        tenures: tuple[Tenure, ...] = ()

    class Office(Struct, **options):
        id: Id
        title: text(300)
        kind: values(dm.OfficeKind)
        state: Actor

    class Body(Struct, **options):
        id: Id
        name: text(500)
        kind: values(dm.BodyKind)
        belongs_to: State
        names: Names = {}
        established: Date | None = None

        def __post_init__(self) -> None:
            dates(self.established)

    class Place(Struct, **options):
        state: State
        locality: text(200) | None = None
        venue: text(200) | None = None

    class Participation(Struct, **options):
        person: Id
        delegation: Actor
        role: values(dm.Role)
        office: Id | None = None

    class Meeting(Struct, **options):
        id: Id
        title: text(500)
        kind: values(dm.MeetingKind)
        start: Date
        parties: Actors
        end: Date | None = None
        place: Place | None = None
        host: Actor | None = None
        series: Id | None = None
        ordinal: Annotated[int, Meta(ge=1, le=1_000_000)] | None = None
        participants: tuple[Participation, ...] = ()
        sectors: tuple[values(dm.Sector), ...] = ()
        outcomes: tuple[Id, ...] = ()
        summary: text(10_000) | None = None

        def __post_init__(self) -> None:
            dates(self.start, self.end)
            check_not_before(self.end, self.start)
            check_unique(self.parties)
            check_unique(self.participants, lambda p: (p.person, p.role))
            check_unique(self.sectors)
            check_unique(self.outcomes)
            if self.ordinal is not None and self.series is None:
                raise ValueError("an ordinal needs a series")

    class MeetingSeries(Struct, **options):
        id: Id
        title: text(500)
        kind: values(dm.MeetingKind)
        parties: Actors
        established: Date | None = None

        def __post_init__(self) -> None:
            dates(self.established)
            check_unique(self.parties)

    class Signature(Struct, **options):
        person: Id
        state: Actor
        office: Id | None = None

    class Communique(Struct, tag="communique", tag_field="type", **options):
        id: Id
        title: text(1000)
        parties: Actors
        signed: Date | None = None
        meeting: Id | None = None
        sectors: tuple[values(dm.Sector), ...] = ()
        signatories: tuple[Signature, ...] = ()

        def __post_init__(self) -> None:
            dates(self.signed)
            check_unique(self.parties)
            check_unique(self.sectors)
            check_unique(self.signatories)

    class CooperationAgreement(Communique, tag="cooperation_agreement", **options):
        form: values(dm.AgreementForm) | None = None

    class Committee(Struct, **options):
        id: Id
        name: text(500)
        parties: Actors
        sectors: tuple[values(dm.Sector), ...] = ()
        co_chairs: tuple[Id, ...] = ()
        established: Date | None = None

        def __post_init__(self) -> None:
            dates(self.established)
            check_unique(self.parties)
            check_unique(self.sectors)
            check_unique(self.co_chairs)

    class PartnershipLevel(Struct, **options):
        name: text(500)
        since: Date

        def __post_init__(self) -> None:
            dates(self.since)

    class BilateralRelation(Struct, **options):
        id: Id
        parties: Annotated[tuple[Actor, ...], Meta(min_length=2, max_length=2)]
        established: Date | None = None
        levels: tuple[PartnershipLevel, ...] = ()

        def __post_init__(self) -> None:
            dates(self.established)
            check_unique(self.parties)
            check_chronological([level.since for level in self.levels])

    class ThematicYear(Struct, **options):
        id: Id
        title: text(500)
        parties: Actors
        start: Date
        end: Date
        sectors: tuple[values(dm.Sector), ...] = ()

        def __post_init__(self) -> None:
            dates(self.start, self.end)
            check_not_before(self.end, self.start)
            check_unique(self.parties)
            check_unique(self.sectors)

    class Statement(Struct, **options):
        id: Id
        speaker: Id
        summary: text(10_000)
        on_behalf_of: Actor | None = None
        meeting: Id | None = None
        date: Date | None = None
        topics: tuple[values(dm.Sector), ...] = ()

        def __post_init__(self) -> None:
            dates(self.date)
            check_unique(self.topics)

    class Claim(Struct, **options):
        id: Id
        source: Source
        about: Literal["meeting"]
        meeting: Id
        what: Literal["date"]
        date: Date
        said_on: Date | None = None

        def __post_init__(self) -> None:
            dates(self.said_on, self.date)

    class Dossier(Struct, **options):
        id: Id
        title: text(500)
        people: tuple[Person, ...] = ()
        offices: tuple[Office, ...] = ()
        bodies: tuple[Body, ...] = ()
        meetings: tuple[Meeting, ...] = ()
        series: tuple[MeetingSeries, ...] = ()
        documents: tuple[Communique | CooperationAgreement, ...] = ()
        committees: tuple[Committee, ...] = ()
        relations: tuple[BilateralRelation, ...] = ()
        thematic_years: tuple[ThematicYear, ...] = ()
        statements: tuple[Statement, ...] = ()
        claims: tuple[Claim, ...] = ()

        def __post_init__(self) -> None:
            for name in self.__struct_fields__[2:]:
                check_unique(getattr(self, name), lambda item: item.id)

    return Dossier


# -- the peers agree ------------------------------------------------------------------------


def _edit(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """An edit of parsed JSON: set (or, with `...`, delete) the item at a dotted path."""

    def apply(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        key: Any = int(last) if last.isdigit() else last
        if value is ...:
            del node[key]
        else:
            node[key] = value(node[key]) if callable(value) else value

    return apply


INVALID: dict[str, Callable[[dict[str, Any]], None]] = {
    "unknown key": _edit("meetings.0.venue", "Hall"),
    "missing field": _edit("meetings.0.title", ...),
    "number for text": _edit("meetings.0.title", 5),
    "blank text": _edit("meetings.0.title", " "),
    "text with outer space": _edit("people.0.name", "Person 0 "),
    "text too long": _edit("meetings.0.title", "x" * 501),
    "bad id": _edit("meetings.0.id", "-meeting"),
    "unknown enum value": _edit("meetings.0.kind", "picnic"),
    "unknown state": _edit("meetings.0.parties.0", "XX"),
    "organisation where a state belongs": _edit("meetings.0.place.state", "org:SCO"),
    "date not in the calendar": _edit("meetings.0.start", "2023-02-29"),
    "year 0": _edit("meetings.0.start", "0000"),
    "month 13": _edit("people.0.tenures.1.start", "2001-13"),
    "date of another shape": _edit("meetings.0.start", "21 August 2024"),
    "end before start": _edit("meetings.1.end", "1999"),
    "ordinal without series": _edit("meetings.1.ordinal", 3),
    "ordinal 0": _edit("meetings.0.ordinal", 0),
    "boolean for integer": _edit("meetings.0.ordinal", True),  # noqa: FBT003
    "unknown locale key": _edit("people.0.names", {"xx_Nowhere": "X"}),
    "blank name in a locale": _edit("people.0.names", {"ru": " "}),
    "repeated party": _edit("meetings.0.parties", lambda p: [p[0], p[0]]),
    "no parties": _edit("meetings.0.parties", []),
    "repeated participant": _edit("meetings.0.participants", lambda p: [p[0], p[0], *p[1:]]),
    "repeated outcome": _edit("meetings.0.outcomes", lambda o: [o[0], o[0]]),
    "repeated sector": _edit("documents.0.sectors", lambda s: [s[0], s[0]]),
    "repeated signatory": _edit("documents.0.signatories", lambda s: [s[0], s[0]]),
    "repeated co-chair": _edit("committees.0.co_chairs", lambda c: [c[0], c[0]]),
    "repeated id in a table": _edit("meetings.1.id", "meeting-0"),
    "repeated id among documents": _edit("documents.1.id", "doc-0-0"),
    "unknown document type": _edit("documents.0.type", "memo"),
    "document without type": _edit("documents.0.type", ...),
    "levels out of order": _edit("relations.0.levels", lambda lv: lv[::-1]),
    "three parties to a relation": _edit("relations.0.parties", lambda p: [*p, "FR"]),
    "thematic year ends before it starts": _edit("thematic_years.0.end", "1999"),
    "array where an object belongs": _edit("meetings.0.place", []),
    "object where an array belongs": _edit("meetings.0.sectors", {}),
    "not a URL": _edit("claims.0.source.url", "news.example"),
    "null for a required field": _edit("claims.0.date", None),
}
"""Invalid inputs, each one edit of the valid corpus, that every library must reject."""

ONLY_DIPLOMODEL: dict[str, bytes] = {
    "a key repeated in one object": b'{"id": "d", "id": "d", "title": "T"}',
}
"""Inputs diplomodel refuses at the JSON level and the peers' parsers let through."""


def check_agreement(
    raw: bytes, decoders: dict[str, Callable[[bytes], Any]], small: bytes
) -> list[str]:
    """Assert every decoder gives data equal to the parsed JSON and rejects every INVALID input.

    The invalid inputs are edits of `small`, a small corpus of the same shape.

    Returns:
        The ONLY_DIPLOMODEL cases, with which peers accepted them.
    """
    for name, decode in decoders.items():
        assert plain(name, decode(raw)) == orjson.loads(raw), f"{name} decodes to other data"
    parsed = orjson.loads(small)
    for label, edit in INVALID.items():
        data = copy.deepcopy(parsed)
        edit(data)
        bad = orjson.dumps(data)
        for name, decode in decoders.items():
            try:
                decode(bad)
            except (dm.DataError, pydantic.ValidationError, msgspec.ValidationError, ValueError):
                continue
            raise AssertionError(f"{name} accepts invalid input: {label}")
    notes = []
    for label, bad in ONLY_DIPLOMODEL.items():
        accepted = []
        for name, decode in decoders.items():
            try:
                decode(bad)
            except (dm.DataError, pydantic.ValidationError, msgspec.ValidationError, ValueError):
                continue
            accepted.append(name)
        assert "diplomodel" not in accepted, label
        notes.append(f"{label}: accepted by {', '.join(accepted) or 'none'}")
    return notes


def plain(name: str, decoded: Any) -> Any:
    """A decoded object as plain JSON data, defaults omitted, to compare across libraries."""
    if name == "diplomodel":
        return dm.to_dict(decoded)
    if name == "pydantic":
        return decoded.model_dump(mode="json", exclude_defaults=True)
    if name == "msgspec":
        return orjson.loads(msgspec.json.encode(decoded))
    return decoded


# -- measuring ---------------------------------------------------------------------------


def interleaved(
    calls: dict[str, Callable[[], object]], repeats: int, *, pause_gc: bool
) -> dict[str, float]:
    """Median seconds of each call, the calls taken in turn (rotating order) in each repetition."""
    times: dict[str, list[float]] = {name: [] for name in calls}
    names = list(calls)
    for rep in range(repeats):
        for name in names[rep % len(names) :] + names[: rep % len(names)]:
            gc.collect()
            was = gc.isenabled()
            if pause_gc:
                gc.disable()
            try:
                start = time.perf_counter()
                result = calls[name]()
                elapsed = time.perf_counter() - start
            finally:
                if was:
                    gc.enable()
            del result
            times[name].append(elapsed)
    return {name: statistics.median(t) for name, t in times.items()}


def _fresh(code: str, *args: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True
    )
    return out.stdout.strip()


def import_time(module: str, runs: int) -> float:
    """Median seconds to import `module` in a fresh interpreter."""
    code = (
        "import time\nstart = time.perf_counter()\n"
        f"import {module}\nprint(time.perf_counter() - start)\n"
    )
    return statistics.median(float(_fresh(code)) for _ in range(runs))


_RSS = (
    "def rss(key):\n"
    "    import re\n"
    "    text = open('/proc/self/status').read()\n"
    "    return int(re.search(key + r':\\s+(\\d+) kB', text).group(1)) * 1024\n"
)

MEMORY_CASES: dict[str, tuple[str, str]] = {
    "diplomodel from_json": (
        "import diplomodel as dm",
        "x = dm.from_json(open(path, 'rb').read(), dm.Dossier)",
    ),
    "diplomodel Dossier.load (JSON file)": (
        "import diplomodel as dm",
        "x = dm.Dossier.load(file)",
    ),
    "diplomodel Dossier.load (JSON Lines directory)": (
        "import diplomodel as dm",
        "x = dm.Dossier.load(folder)",
    ),
    "pydantic": (
        (
            "import sys; sys.path.insert(0, bench); import serialization as b\n"
            "m = b._pydantic_models()"
        ),
        "x = m.model_validate_json(open(path, 'rb').read())",
    ),
    "msgspec": (
        (
            "import sys; sys.path.insert(0, bench); import serialization as b, msgspec\n"
            "d = msgspec.json.Decoder(b._msgspec_models())"
        ),
        "x = d.decode(open(path, 'rb').read())",
    ),
    "orjson.loads": ("import orjson", "x = orjson.loads(open(path, 'rb').read())"),
}


def peak_memory(setup: str, load: str, paths: dict[str, str], warm: dict[str, str]) -> int:
    """Bytes of peak RSS above the baseline of a fresh process running `load`.

    The baseline is taken after `setup` and after `load` has run once on the
    small inputs of `warm` (the same names as `paths`), with the peak then
    reset: what a library builds on first use (diplomodel's converters and
    reference data, as pydantic's models and msgspec's decoder in their
    setup) is a fixed cost, not memory per byte of JSON.
    """
    code = (
        _RSS
        + "import sys, json\n"
        + "globals().update(json.loads(sys.argv[2]))\n"
        + setup
        + "\n"
        + load
        + "\ndel x\n"
        + "globals().update(json.loads(sys.argv[1]))\n"
        + "open('/proc/self/clear_refs', 'w').write('5')\n"  # the peak starts again from here
        + "base = rss('VmRSS')\n"
        + load
        + "\nprint(rss('VmHWM') - base)\n"
    )
    return int(_fresh(code, json.dumps(paths), json.dumps(warm)))


def _jsonl_lines(meetings: int) -> Iterator[dm.Meeting]:
    template = corpus(200).meetings
    for i in range(meetings):
        yield template[i % len(template)]


def jsonl_peak_rss(records: int) -> float:
    """Peak RSS (MB) of a fresh process streaming `records` meetings through iter_jsonl."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "meetings.jsonl"
        dm.write_jsonl(path, _jsonl_lines(records))
        code = (
            _RSS + "import sys, diplomodel as dm\n"
            "n = sum(1 for _ in dm.iter_jsonl(sys.argv[1], dm.Meeting))\n"
            "assert n == int(sys.argv[2]), n\n"
            "print(rss('VmHWM'))\n"
        )
        return int(_fresh(code, str(path), str(records))) / 2**20


def memory_figures(dossier: dm.Dossier, raw: bytes) -> dict[str, float]:
    """Peak RSS above baseline, as a multiple of the JSON text's size, for each case.

    Each case reads its input in a fresh process, once warmed up on the same
    forms of a 40-meeting corpus (see `peak_memory`).
    """
    with tempfile.TemporaryDirectory() as folder:
        paths, warm = (
            {
                "path": str(Path(folder, f"{prefix}corpus.json")),
                "file": str(Path(folder, f"{prefix}dossier.json")),
                "folder": str(Path(folder, f"{prefix}dossier")),
                "bench": str(Path(__file__).parent),
            }
            for prefix in ("", "warm-")
        )
        for names, written in ((paths, dossier), (warm, corpus(40))):
            Path(names["path"]).write_bytes(dm.to_json_bytes(written) if names is warm else raw)
            written.save(names["file"])
            written.save(names["folder"], format="jsonl")
        sizes = {  # each case against the size of the text it reads
            "path": len(raw),
            "file": Path(paths["file"]).stat().st_size,
            "folder": sum(p.stat().st_size for p in Path(paths["folder"]).iterdir()),
        }
        return {
            name: peak_memory(setup, load, paths, warm) / sizes[_reads(load)]
            for name, (setup, load) in MEMORY_CASES.items()
        }


def _reads(load: str) -> str:
    """Which input a memory case reads: the compact text, the saved file or the directory."""
    return (
        next(key for key in ("folder", "file") if f"({key})" in load) if "load(" in load else "path"
    )


def _paused(call: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        with dm.paused_gc():
            return call()

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small corpus, about a minute")
    parser.add_argument("--meetings", type=int, default=None)
    parser.add_argument("--repeats", type=int, default=None)
    parser.add_argument("--jsonl-records", type=int, default=None)
    args = parser.parse_args()
    meetings = args.meetings or (2_000 if args.quick else 20_000)
    repeats = args.repeats or (5 if args.quick else 7)
    jsonl_records = args.jsonl_records or (50_000 if args.quick else 1_000_000)

    dossier = corpus(meetings)
    raw = dm.to_json_bytes(dossier)
    pydantic_dossier = _pydantic_models()
    msgspec_decoder = msgspec.json.Decoder(_msgspec_models())
    msgspec_encoder = msgspec.json.Encoder()
    decoders: dict[str, Callable[[bytes], Any]] = {
        "diplomodel": lambda b: dm.from_json(b, dm.Dossier),
        "pydantic": pydantic_dossier.model_validate_json,
        "msgspec": msgspec_decoder.decode,
    }
    notes = check_agreement(raw, decoders, dm.to_json_bytes(corpus(40)))
    assert dm.from_json(raw, dm.Dossier) == dossier
    pyd = pydantic_dossier.model_validate_json(raw)
    msg = msgspec_decoder.decode(raw)
    parsed = orjson.loads(raw)

    decode_calls: dict[str, Callable[[], object]] = {
        "diplomodel": lambda: dm.from_json(raw, dm.Dossier),
        "pydantic": lambda: pydantic_dossier.model_validate_json(raw),
        "msgspec": lambda: msgspec_decoder.decode(raw),
        "orjson (raw parse)": lambda: orjson.loads(raw),
    }
    encode_calls: dict[str, Callable[[], object]] = {
        "diplomodel": lambda: dm.to_json_bytes(dossier),
        "pydantic": lambda: pyd.__pydantic_serializer__.to_json(pyd, exclude_defaults=True),
        "msgspec": lambda: msgspec_encoder.encode(msg),
        "orjson (raw parse)": lambda: orjson.dumps(parsed),
    }
    for name, call in encode_calls.items():
        assert orjson.loads(call()) == parsed, f"{name} encodes other data"  # type: ignore[arg-type]
    as_called = dict(
        decode_calls, **{"diplomodel in paused_gc()": _paused(decode_calls["diplomodel"])}
    )
    decode = interleaved(as_called, repeats, pause_gc=False)
    decode_paused = interleaved(decode_calls, repeats, pause_gc=True)
    encode = interleaved(encode_calls, repeats, pause_gc=False)
    encode_paused = interleaved(encode_calls, repeats, pause_gc=True)
    imports = {m: import_time(m, repeats) for m in ("diplomodel", "pydantic", "msgspec", "orjson")}
    memory = memory_figures(dossier, raw)
    rss = jsonl_peak_rss(jsonl_records)

    print(
        f"{platform.machine()} {platform.processor() or ''} {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, pydantic {pydantic.VERSION}, "
        f"msgspec {msgspec.__version__}, orjson {orjson.__version__}; "
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"
    )
    print(
        f"corpus: {meetings} meetings, {len(dossier)} entities in 11 tables, "
        f"{len(raw) / 2**20:.1f} MiB of JSON; all decode to equal data and reject "
        f"{len(INVALID)} invalid inputs alike; medians of {repeats} interleaved runs, seconds"
    )
    print(f"{'':<28} {'decode':>8} {'decode*':>8} {'encode':>8} {'encode*':>8}")
    for name in as_called:
        row = [decode[name], decode_paused.get(name), encode.get(name), encode_paused.get(name)]
        print(f"{name:<28} " + " ".join(f"{x:>8.3f}" if x else f"{'':>8}" for x in row))
    print("(* = garbage collector paused for every library)")
    print("only diplomodel refuses: " + "; ".join(notes))
    print("import, ms: " + ", ".join(f"{m} {t * 1000:.0f}" for m, t in imports.items()))
    print("peak RSS above baseline / JSON size:")
    for name, ratio in memory.items():
        print(f"  {name:<48} {ratio:5.2f}x")
    print(f"iter_jsonl over {jsonl_records} meetings: peak RSS {rss:.0f} MB")

    figures: dict[str, Any] = {
        "decode_vs_pydantic": decode["diplomodel"] / decode["pydantic"],
        "decode_vs_msgspec": decode["diplomodel"] / decode["msgspec"],
        "decode_gc_paused_vs_pydantic": decode_paused["diplomodel"] / decode_paused["pydantic"],
        "decode_gc_paused_vs_msgspec": decode_paused["diplomodel"] / decode_paused["msgspec"],
        "decode_gc_paused_vs_raw_parse": decode_paused["diplomodel"]
        / decode_paused["orjson (raw parse)"],
        "encode_vs_pydantic": encode["diplomodel"] / encode["pydantic"],
        "encode_gc_paused_vs_pydantic": encode_paused["diplomodel"] / encode_paused["pydantic"],
        "encode_vs_msgspec": encode["diplomodel"] / encode["msgspec"],
        "encode_vs_raw": encode["diplomodel"] / encode["orjson (raw parse)"],
        "import_diplomodel_ms": imports["diplomodel"] * 1000,
        "import_pydantic_ms": imports["pydantic"] * 1000,
        "load_peak_vs_json": memory["diplomodel Dossier.load (JSON file)"],
        "load_jsonl_dir_peak_vs_json": memory["diplomodel Dossier.load (JSON Lines directory)"],
        "pydantic_peak_vs_json": memory["pydantic"],
        "jsonl_records": jsonl_records,
        "jsonl_peak_rss_mb": rss,
        "meetings": meetings,
        "json_mb": len(raw) / 2**20,
    }
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in figures.items()}))


if __name__ == "__main__":
    main()
