"""Tests for the model classes in `diplomodel.model` and the validators behind them."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from types import MappingProxyType
from typing import Any

import attrs
import pytest

import diplomodel as dm
from diplomodel import (
    AgreementForm,
    Attendance,
    AttendanceRole,
    BilateralRelation,
    Body,
    BodyKind,
    Cadence,
    Committee,
    CommitteeKind,
    CommitteeReport,
    Communique,
    CooperationAgreement,
    Declaration,
    Document,
    DocumentBatch,
    DocumentEvent,
    DocumentEventKind,
    DocumentStatus,
    JointStatement,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MeetingLevel,
    MeetingSeries,
    Office,
    OfficeKind,
    PartialDate,
    Participation,
    PartnershipLevel,
    Person,
    Place,
    Role,
    Sector,
    Signature,
    Source,
    Statement,
    Tenure,
    ThematicYear,
    states,
)
from diplomodel import _validators as v
from diplomodel.model._fields import DOCUMENT_KINDS

D = PartialDate.parse
CN = states.get("CN")
RU = states.get("RU")
KZ = states.get("KZ")

WIRE = Source(publisher="Example Wire")
PAPER = Source(
    publisher="The Example Times",
    title="Premiers meet in Moscow",
    url="https://news.example/2024/08/21/premiers",
    published=D("2024-08-21"),
    dateline="Moscow",
    language="en",
)
MOSCOW = Place(state=RU, locality="Moscow", venue="Kremlin")
LI_CN = Participation(person="li-qiang", delegation=CN, role=Role.CO_CHAIR, office="cn-premier")
MI_RU = Participation(person="mishustin", delegation=RU, role=Role.CO_CHAIR)
AIDE_RU = Participation(person="aide", delegation=RU, role=Role.MEMBER)
ENERGY_REPORT = CommitteeReport(committee="energy", presenter="novak", summary="Gas deliveries.")
LEVEL_1996 = PartnershipLevel(name="strategic partnership", since=D("1996"))
LEVEL_2019 = PartnershipLevel(
    name="comprehensive strategic partnership of coordination for a new era",
    since=D("2019-06-05"),
)

MINIMAL_ATTENDANCE = Attendance(actor=CN, role=AttendanceRole.MEMBER)

#: The fewest arguments each concrete class needs.
MINIMAL: dict[type, dict[str, Any]] = {
    Office: {
        "id": "cn-premier",
        "title": "Premier of the State Council",
        "kind": OfficeKind.HEAD_OF_GOVERNMENT,
        "state": CN,
    },
    Tenure: {"office": "cn-premier"},
    Person: {"id": "li-qiang", "name": "Li Qiang"},
    Place: {"state": RU},
    Source: {"publisher": "Example Wire"},
    Participation: {"person": "li-qiang", "delegation": CN, "role": Role.CO_CHAIR},
    CommitteeReport: {"committee": "energy"},
    MeetingSeries: {
        "id": "cn-ru-hog",
        "title": "Regular meetings of heads of government",
        "kind": MeetingKind.REGULAR_MEETING,
        "parties": (CN, RU),
    },
    Meeting: {
        "id": "m1",
        "title": "Talks",
        "kind": MeetingKind.TALKS,
        "start": D("2024-08-21"),
        "parties": (CN,),
    },
    Signature: {"person": "li-qiang", "state": CN},
    Communique: {"id": "c1", "title": "Joint communique", "parties": (CN,)},
    JointStatement: {"id": "j1", "title": "Joint statement", "parties": (CN,)},
    Declaration: {"id": "d1", "title": "Joint declaration", "parties": (CN,)},
    CooperationAgreement: {"id": "a1", "title": "Investment plan", "parties": (CN,)},
    DocumentBatch: {"id": "b1", "title": "Memoranda", "parties": (CN,), "count": 28},
    DocumentEvent: {"kind": DocumentEventKind.EXPIRY, "date": D("2026-02-05")},
    Committee: {"id": "energy", "name": "Energy cooperation committee", "parties": (CN,)},
    PartnershipLevel: {"name": "strategic partnership", "since": D("1996")},
    BilateralRelation: {"id": "cn-ru", "parties": (CN, RU)},
    ThematicYear: {
        "id": "culture-years",
        "title": "Years of Culture",
        "parties": (RU,),
        "start": D("2024"),
        "end": D("2025"),
    },
    Statement: {"id": "s1", "speaker": "li-qiang", "summary": "Ready to deepen cooperation."},
    Body: {
        "id": "cn-moe",
        "name": "Ministry of Education",
        "kind": BodyKind.MINISTRY,
        "belongs_to": CN,
    },
    Attendance: {"actor": CN, "role": AttendanceRole.MEMBER},
}

_DOCUMENT_FULL: dict[str, Any] = {
    "title": "Joint communique of the 29th regular meeting",
    "parties": (CN, RU),
    "signed": D("2024-08-21"),
    "place": MOSCOW,
    "meeting": "m29",
    "sectors": (Sector.ENERGY, Sector.FINANCE),
    "other_topics": ("Arctic shipping routes",),
    "signatories": (
        Signature(person="li-qiang", state=CN),
        Signature(person="mishustin", state=RU),
    ),
    "witnesses": ("putin",),
    "revises": "c0",
    "amends": ("c-1",),
    "supersedes": ("c-2", "c-3"),
    "status": DocumentStatus.IN_FORCE,
    "legally_binding": False,
    "events": (
        DocumentEvent(kind=DocumentEventKind.RATIFICATION, party=RU, date=D("2024-08")),
        DocumentEvent(kind=DocumentEventKind.ENTRY_INTO_FORCE, date=D("2024-09")),
    ),
    "summary": "Both sides agreed to expand trade.",
    "sources": (WIRE, PAPER),
}

#: Every field of each concrete class set to a value other than its default.
FULL: dict[type, dict[str, Any]] = {
    Office: MINIMAL[Office],
    Tenure: {"office": "cn-premier", "start": D("2023-03-11"), "end": D("2028-03")},
    Person: {
        "id": "li-qiang",
        "name": "Li Qiang",
        "names": {"zh": "\u674e\u5f3a", "ru": "\u041b\u0438 \u0426\u044f\u043d"},
        "tenures": (Tenure(office="cn-premier", start=D("2023-03-11")),),
    },
    Place: {"state": RU, "locality": "Moscow", "venue": "Kremlin", "names": {"fr": "Moscou"}},
    Source: {
        "publisher": "The Example Times",
        "title": "Premiers meet in Moscow",
        "url": "https://news.example/2024/08/21/premiers",
        "published": D("2024-08-21"),
        "dateline": "Moscow",
        "language": "zh_Hant",
    },
    Participation: {
        "person": "li-qiang",
        "delegation": CN,
        "role": Role.HEAD_OF_DELEGATION,
        "office": "cn-premier",
    },
    CommitteeReport: {"committee": "energy", "presenter": "novak", "summary": "Gas deliveries."},
    MeetingSeries: {
        **MINIMAL[MeetingSeries],
        "level": OfficeKind.HEAD_OF_GOVERNMENT,
        "cadence": Cadence.SEMIANNUAL,
        "established": D("1996"),
    },
    Meeting: {
        "id": "m29",
        "title": "29th regular meeting of heads of government",
        "kind": MeetingKind.REGULAR_MEETING,
        "start": D("2024-08-20"),
        "end": D("2024-08-21"),
        "place": MOSCOW,
        "host": RU,
        "parties": (CN, RU),
        "series": "cn-ru-hog",
        "ordinal": 29,
        "participants": (LI_CN, MI_RU, AIDE_RU),
        "sectors": (Sector.ENERGY, Sector.INVESTMENT),
        "other_topics": ("Arctic shipping routes",),
        "committee_reports": (ENERGY_REPORT, CommitteeReport(committee="investment")),
        "outcomes": ("c29", "a29-plan"),
        "summary": "The premiers reviewed cooperation.",
        "sources": (WIRE, PAPER),
        "level": MeetingLevel.LEADERS,
        "format": MeetingFormat.HYBRID,
        "within": "m-summit",
        "on_sidelines": True,
        "attendance": (
            Attendance(actor=RU, role=AttendanceRole.HOST, place=MOSCOW),
            Attendance(actor="cn-moe", role=AttendanceRole.GUEST),
        ),
    },
    Signature: {"person": "li-qiang", "state": CN, "office": "cn-premier"},
    Communique: {"id": "c29", **_DOCUMENT_FULL},
    JointStatement: {"id": "j29", **_DOCUMENT_FULL},
    Declaration: {"id": "d29", **_DOCUMENT_FULL},
    CooperationAgreement: {"id": "a29", **_DOCUMENT_FULL, "form": AgreementForm.PLAN},
    DocumentBatch: {
        "id": "b29",
        **_DOCUMENT_FULL,
        "count": 28,
        "form": AgreementForm.MEMORANDUM,
    },
    DocumentEvent: {
        "kind": DocumentEventKind.EXTENSION,
        "date": D("2021-02-03"),
        "party": RU,
        "until": D("2026-02-05"),
        "note": "Extended by five years",
        "sources": (WIRE,),
    },
    Committee: {
        "id": "energy",
        "name": "Energy cooperation committee",
        "kind": CommitteeKind.SUBCOMMISSION,
        "parties": (CN, RU),
        "sectors": (Sector.ENERGY,),
        "other_topics": ("hydrogen",),
        "co_chairs": ("ding-xuexiang", "novak"),
        "parent": "hog-commission",
        "established": D("2018-11"),
    },
    PartnershipLevel: MINIMAL[PartnershipLevel],
    BilateralRelation: {
        "id": "cn-ru",
        "parties": (CN, RU),
        "established": D("1949-10-02"),
        "levels": (LEVEL_1996, LEVEL_2019),
        "events": (
            dm.RelationEvent(kind=dm.RelationEventKind.DOWNGRADE, date=D("1966"), sources=(WIRE,)),
            dm.RelationEvent(kind=dm.RelationEventKind.UPGRADE, date=D("1970"), note="Envoys"),
        ),
        "successions": (
            dm.Succession(predecessor=dm.states.get("SU"), successor=RU, date=D("1991-12-27")),
        ),
        "sources": (WIRE,),
    },
    ThematicYear: {
        **MINIMAL[ThematicYear],
        "sectors": (Sector.CULTURE, Sector.TOURISM),
        "other_topics": ("cinema co-production",),
        "sources": (WIRE,),
    },
    Statement: {
        **MINIMAL[Statement],
        "on_behalf_of": CN,
        "meeting": "m29",
        "date": D("2024-08-21"),
        "topics": (Sector.INVESTMENT, Sector.ENERGY),
        "other_topics": ("the Northern Sea Route",),
        "sources": (PAPER,),
    },
}

FULL[Body] = {
    **MINIMAL[Body],
    "names": {"ru": "Министерство образования", "zh": "教育部"},
    "parent": "cn-state-council",
    "established": D("1949-11"),
    "sources": (WIRE,),
}
FULL[Attendance] = {"actor": KZ, "role": AttendanceRole.OBSERVER, "place": MOSCOW}

CLASSES = list(MINIMAL)
ENUMS: list[type[enum.Enum]] = [
    OfficeKind,
    MeetingKind,
    Role,
    Cadence,
    AgreementForm,
    DocumentStatus,
    CommitteeKind,
    Sector,
    MeetingLevel,
    MeetingFormat,
    AttendanceRole,
    BodyKind,
]


def make(cls: type, **changes: Any) -> Any:
    """Build `cls` from its minimal arguments with `changes` applied."""
    return cls(**{**MINIMAL[cls], **changes})


def _ids(value: object) -> str | None:
    return value.__name__ if isinstance(value, type) else None


# --- invalid values -----------------------------------------------------------

BAD_IDS = ["has space", "-lead", "lead-", "", "x" * 300, "x" * 201, "li\u00e9", "a\nb"]


def _bad_id(cls: type, name: str) -> list[Any]:
    return [
        *((cls, {name: bad}, ValueError, f"'{name}'") for bad in BAD_IDS),
        (cls, {name: 42}, TypeError, f"'{name}' must be an id string"),
    ]


def _bad_text(cls: type, name: str, max_length: int) -> list[Any]:
    return [
        (cls, {name: ""}, ValueError, f"'{name}' must not be blank"),
        (cls, {name: " \t"}, ValueError, f"'{name}' must not be blank"),
        (cls, {name: " padded"}, ValueError, f"'{name}' must not start or end with whitespace"),
        (cls, {name: "padded\n"}, ValueError, f"'{name}' must not start or end with whitespace"),
        (cls, {name: "x" * (max_length + 1)}, ValueError, f"'{name}' must be at most {max_length}"),
        (cls, {name: 42}, TypeError, f"'{name}' must be a str"),
        (cls, {name: b"bytes"}, TypeError, f"'{name}' must be a str"),
    ]


def _bad_enum(cls: type, name: str, kind: type[enum.Enum], *, optional: bool = False) -> list[Any]:
    member = next(iter(kind))
    other = Role.HOST if kind is not Role else Cadence.ANNUAL
    cases = [
        (cls, {name: member.value}, TypeError, f"'{name}' must be a {kind.__name__}"),
        (cls, {name: other}, TypeError, f"'{name}' must be a {kind.__name__}"),
    ]
    if not optional:
        cases.append((cls, {name: None}, TypeError, f"'{name}' must be a {kind.__name__}"))
    return cases


def _bad_state(cls: type, name: str, *, optional: bool = False) -> list[Any]:
    cases = [
        (cls, {name: "CN"}, TypeError, f"'{name}' must be a State"),
        (cls, {name: CN.code}, TypeError, f"'{name}' must be a State"),
    ]
    if not optional:
        cases.append((cls, {name: None}, TypeError, f"'{name}' must be a State"))
    return cases


def _bad_actor(cls: type, name: str, *, optional: bool = False) -> list[Any]:
    cases = [
        (cls, {name: "CN"}, ValueError, f"'{name}' \\('CN'\\) reads as the code of a state"),
        (cls, {name: "has space"}, ValueError, f"'{name}' must be an id"),
        (cls, {name: 42}, TypeError, f"'{name}' must be a State, an Organization or a body id"),
        (cls, {name: MOSCOW}, TypeError, f"'{name}' must be a State, an Organization"),
    ]
    if not optional:
        cases.append((cls, {name: None}, TypeError, f"'{name}' must be a State, an Organization"))
    return cases


def _bad_date(cls: type, name: str, *, optional: bool = True) -> list[Any]:
    cases = [
        (cls, {name: date(2024, 8, 21)}, TypeError, f"'{name}' must be a PartialDate"),
        (cls, {name: "2024-08-21"}, TypeError, f"'{name}' must be a PartialDate"),
        (cls, {name: 2024}, TypeError, f"'{name}' must be a PartialDate"),
    ]
    if not optional:
        cases.append((cls, {name: None}, TypeError, f"'{name}' must be a PartialDate"))
    return cases


def _bad_parties(cls: type, name: str = "parties") -> list[Any]:
    return [
        (cls, {name: [CN, RU]}, TypeError, f"'{name}' must be a tuple"),
        (cls, {name: CN}, TypeError, f"'{name}' must be a tuple"),
        (cls, {name: ()}, ValueError, f"'{name}' must have at least"),
        (cls, {name: (CN, RU, CN)}, ValueError, f"'{name}' must not repeat an item"),
        (cls, {name: ("CN",)}, ValueError, rf"'{name}\[0\]' \('CN'\) reads as the code"),
        (cls, {name: (CN, "RU")}, ValueError, rf"'{name}\[1\]' \('RU'\) reads as the code"),
        (cls, {name: (CN, 7)}, TypeError, rf"'{name}\[1\]' must be a State, an Organization"),
    ]


def _bad_sectors(cls: type, name: str = "sectors") -> list[Any]:
    return [
        (cls, {name: [Sector.ENERGY]}, TypeError, f"'{name}' must be a tuple"),
        (cls, {name: ("energy",)}, TypeError, rf"'{name}\[0\]' must be a Sector"),
        (cls, {name: (Sector.ENERGY, Sector.ENERGY)}, ValueError, f"'{name}' must not repeat"),
    ]


def _bad_topics(cls: type) -> list[Any]:
    return [
        (cls, {"other_topics": ["hydrogen"]}, TypeError, "'other_topics' must be a tuple"),
        (cls, {"other_topics": ("",)}, ValueError, r"'other_topics\[0\]' must not be blank"),
        (cls, {"other_topics": ("a", "a")}, ValueError, "'other_topics' must not repeat"),
    ]


def _bad_sources(cls: type) -> list[Any]:
    return [
        (cls, {"sources": [WIRE]}, TypeError, "'sources' must be a tuple"),
        (cls, {"sources": ("Example Wire",)}, TypeError, r"'sources\[0\]' must be a Source"),
        (cls, {"sources": (WIRE, None)}, TypeError, r"'sources\[1\]' must be a Source"),
    ]


def _bad_id_tuple(cls: type, name: str) -> list[Any]:
    return [
        (cls, {name: ["a"]}, TypeError, f"'{name}' must be a tuple"),
        (cls, {name: "a"}, TypeError, f"'{name}' must be a tuple"),
        (cls, {name: ("a", "has space")}, ValueError, rf"'{name}\[1\]' must be an id"),
        (cls, {name: (7,)}, TypeError, rf"'{name}\[0\]' must be an id string"),
        (cls, {name: ("a", "b", "a")}, ValueError, f"'{name}' must not repeat an item"),
    ]


def _bad_optional_text(cls: type, name: str) -> list[Any]:
    return [
        (cls, {name: ""}, ValueError, f"'{name}' must not be blank"),
        (cls, {name: " padded "}, ValueError, f"'{name}' must not start or end"),
        (cls, {name: 3}, TypeError, f"'{name}' must be a str"),
    ]


def _document_cases(cls: type) -> list[Any]:
    return [
        *_bad_id(cls, "id"),
        *_bad_text(cls, "title", 1000),
        *_bad_parties(cls),
        *_bad_date(cls, "signed"),
        (cls, {"place": "Moscow"}, TypeError, "'place' must be a Place"),
        (cls, {"place": RU}, TypeError, "'place' must be a Place"),
        (cls, {"meeting": "has space"}, ValueError, "'meeting'"),
        *_bad_sectors(cls),
        *_bad_topics(cls),
        (cls, {"signatories": [Signature(person="a", state=CN)]}, TypeError, "'signatories'"),
        (cls, {"signatories": ("li-qiang",)}, TypeError, r"'signatories\[0\]' must be a Signature"),
        (
            cls,
            {"signatories": (Signature(person="a", state=CN), Signature(person="a", state=CN))},
            ValueError,
            "'signatories' must not repeat",
        ),
        *_bad_id_tuple(cls, "witnesses"),
        (
            cls,
            {"revises": MINIMAL[cls]["id"]},
            ValueError,
            "'revises' must name another record than its own 'id'",
        ),
        (cls, {"revises": "-old"}, ValueError, "'revises'"),
        *_bad_enum(cls, "status", DocumentStatus),
        *_bad_id_tuple(cls, "amends"),
        *_bad_id_tuple(cls, "supersedes"),
        (cls, {"amends": (MINIMAL[cls]["id"],)}, ValueError, "'amends' must name other"),
        (cls, {"supersedes": (MINIMAL[cls]["id"],)}, ValueError, "'supersedes' must name other"),
        (cls, {"legally_binding": 1}, TypeError, "'legally_binding' must be True or False"),
        (cls, {"events": [EXPIRY]}, TypeError, "'events' must be a tuple"),
        (cls, {"events": ("expiry",)}, TypeError, r"'events\[0\]' must be a DocumentEvent"),
        *_bad_optional_text(cls, "summary"),
        *_bad_sources(cls),
    ]


EXPIRY = DocumentEvent(kind=DocumentEventKind.EXPIRY, date=D("2026-02-05"))


INVALID: list[Any] = [
    # Office
    *_bad_id(Office, "id"),
    *_bad_text(Office, "title", 300),
    *_bad_enum(Office, "kind", OfficeKind),
    *_bad_actor(Office, "state"),
    # Tenure
    *_bad_id(Tenure, "office"),
    *_bad_date(Tenure, "start"),
    *_bad_date(Tenure, "end"),
    (Tenure, {"start": D("2024-03"), "end": D("2024-02")}, ValueError, "'end'"),
    (Tenure, {"start": D("2024-03-11"), "end": D("2024-03-10")}, ValueError, "'end'"),
    (Tenure, {"start": D("2024"), "end": D("2023-12-31")}, ValueError, "'end'"),
    # Person
    *_bad_id(Person, "id"),
    *_bad_text(Person, "name", 300),
    (Person, {"names": [("zh", "x")]}, TypeError, "'names' must be a mapping"),
    (Person, {"names": "zh"}, TypeError, "'names' must be a mapping"),
    (
        Person,
        {"names": {"xx_NOPE": "x"}},
        ValueError,
        "'names' has a key that is not a locale identifier",
    ),
    (Person, {"names": {"klingon": "x"}}, ValueError, "'names' has a key"),
    (Person, {"names": {"": "x"}}, ValueError, "'names' has a key"),
    (Person, {"names": {5: "x"}}, ValueError, "'names' has a key"),
    (Person, {"names": {"en": "x", 5: "y"}}, ValueError, "'names' has a key"),
    (Person, {"names": {"zh": ""}}, ValueError, r"'names\[zh\]' must be non-blank"),
    (Person, {"names": {"zh": "  "}}, ValueError, r"'names\[zh\]'"),
    (Person, {"names": {"ru": " Li"}}, ValueError, r"'names\[ru\]'"),
    (Person, {"names": {"ru": 5}}, ValueError, r"'names\[ru\]'"),
    (Person, {"tenures": [Tenure(office="a")]}, TypeError, "'tenures' must be a tuple"),
    (Person, {"tenures": ("cn-premier",)}, TypeError, r"'tenures\[0\]' must be a Tenure"),
    # Place
    *_bad_state(Place, "state"),
    *_bad_optional_text(Place, "locality"),
    (Place, {"locality": "x" * 201}, ValueError, "'locality' must be at most 200"),
    *_bad_optional_text(Place, "venue"),
    (Place, {"venue": "x" * 201}, ValueError, "'venue' must be at most 200"),
    (Place, {"names": {"klingon": "x"}}, ValueError, "'names' has a key"),
    # Source
    *_bad_text(Source, "publisher", 300),
    *_bad_optional_text(Source, "title"),
    (Source, {"title": "x" * 501}, ValueError, "'title' must be at most 500"),
    (Source, {"url": "ftp://files.example/report"}, ValueError, "'url' must be an http"),
    (Source, {"url": "news.example/report"}, ValueError, "'url' must be an http"),
    (Source, {"url": "mailto:press@example.org"}, ValueError, "'url' must be an http"),
    (Source, {"url": "javascript:alert(1)"}, ValueError, "'url' must be an http"),
    (Source, {"url": "https://"}, ValueError, "'url' must be an http"),
    (Source, {"url": " https://news.example/"}, ValueError, "'url' must not start or end"),
    (Source, {"url": ""}, ValueError, "'url' must not be blank"),
    (Source, {"url": "https://x.example/" + "a" * 2000}, ValueError, "'url' must be at most"),
    (Source, {"url": 80}, TypeError, "'url' must be a str"),
    *_bad_date(Source, "published"),
    *_bad_optional_text(Source, "dateline"),
    (Source, {"language": "xx_NOPE"}, ValueError, "'language' must be a locale identifier"),
    (Source, {"language": ""}, ValueError, "'language' must be a locale identifier"),
    (Source, {"language": 5}, ValueError, "'language' must be a locale identifier"),
    # Participation
    *_bad_id(Participation, "person"),
    *_bad_actor(Participation, "delegation"),
    *_bad_enum(Participation, "role", Role),
    (Participation, {"office": "has space"}, ValueError, "'office'"),
    (Participation, {"office": 3}, TypeError, "'office'"),
    # CommitteeReport
    *_bad_id(CommitteeReport, "committee"),
    (CommitteeReport, {"presenter": "-novak"}, ValueError, "'presenter'"),
    *_bad_optional_text(CommitteeReport, "summary"),
    # MeetingSeries
    *_bad_id(MeetingSeries, "id"),
    *_bad_text(MeetingSeries, "title", 500),
    *_bad_enum(MeetingSeries, "kind", MeetingKind),
    *_bad_parties(MeetingSeries),
    *_bad_enum(MeetingSeries, "level", OfficeKind, optional=True),
    *_bad_enum(MeetingSeries, "cadence", Cadence),
    *_bad_date(MeetingSeries, "established"),
    # Body
    *_bad_text(Body, "name", 500),
    (Body, {"names": {"xx-nope": "x"}}, ValueError, "'names' has a key that is not a locale"),
    (Body, {"names": {"zh": " "}}, ValueError, r"'names\[zh\]' must be non-blank"),
    *_bad_enum(Body, "kind", BodyKind),
    (Body, {"id": "CN"}, ValueError, "'id' \\('CN'\\) reads as the code"),
    (Body, {"belongs_to": "cn-gov"}, TypeError, "'belongs_to' must be a State"),
    (Body, {"parent": "cn-moe"}, ValueError, "'parent' must name another record"),
    *_bad_date(Body, "established"),
    *_bad_sources(Body),
    # Attendance
    *_bad_actor(Attendance, "actor"),
    *_bad_enum(Attendance, "role", AttendanceRole),
    (Attendance, {"place": "Moscow"}, TypeError, "'place' must be a Place"),
    # Meeting
    *_bad_enum(Meeting, "level", MeetingLevel, optional=True),
    *_bad_enum(Meeting, "format", MeetingFormat),
    (Meeting, {"within": "m1"}, ValueError, "'within' must name another record"),
    (Meeting, {"on_sidelines": True}, ValueError, "'on_sidelines' \\(True\\) needs a 'within'"),
    (
        Meeting,
        {"within": "s", "on_sidelines": 1},
        TypeError,
        "'on_sidelines' must be True or False",
    ),
    (
        Meeting,
        {"attendance": (MINIMAL_ATTENDANCE, MINIMAL_ATTENDANCE)},
        ValueError,
        "'attendance' must not repeat",
    ),
    *_bad_id(Meeting, "id"),
    *_bad_text(Meeting, "title", 500),
    *_bad_enum(Meeting, "kind", MeetingKind),
    *_bad_date(Meeting, "start", optional=False),
    *_bad_date(Meeting, "end"),
    (Meeting, {"end": D("2024-08-20")}, ValueError, r"'end' \(2024-08-20\) must not be before"),
    (Meeting, {"end": D("2024-07")}, ValueError, "'end'"),
    (Meeting, {"end": D("2023")}, ValueError, "'end'"),
    (Meeting, {"place": "Moscow"}, TypeError, "'place' must be a Place"),
    *_bad_actor(Meeting, "host", optional=True),
    *_bad_parties(Meeting),
    (Meeting, {"series": "has space"}, ValueError, "'series'"),
    (Meeting, {"ordinal": 29}, ValueError, "'ordinal' .* needs a 'series'"),
    (Meeting, {"series": "s", "ordinal": 0}, ValueError, "'ordinal' must be a positive int"),
    (Meeting, {"series": "s", "ordinal": -1}, ValueError, "'ordinal' must be a positive int"),
    (Meeting, {"series": "s", "ordinal": True}, ValueError, "'ordinal' must be a positive int"),
    (Meeting, {"series": "s", "ordinal": 1.0}, ValueError, "'ordinal' must be a positive int"),
    (Meeting, {"series": "s", "ordinal": "29"}, ValueError, "'ordinal' must be a positive int"),
    (Meeting, {"participants": [LI_CN]}, TypeError, "'participants' must be a tuple"),
    (Meeting, {"participants": ("li-qiang",)}, TypeError, r"'participants\[0\]'"),
    (Meeting, {"participants": (LI_CN, LI_CN)}, ValueError, "'participants' must not repeat"),
    (
        Meeting,
        {"participants": (LI_CN, attrs.evolve(LI_CN, delegation=RU, office=None))},
        ValueError,
        r"'participants' must not repeat an item \(got \('li-qiang', <Role.CO_CHAIR",
    ),
    *_bad_sectors(Meeting),
    *_bad_topics(Meeting),
    (Meeting, {"committee_reports": [ENERGY_REPORT]}, TypeError, "'committee_reports'"),
    (Meeting, {"committee_reports": ("energy",)}, TypeError, r"'committee_reports\[0\]'"),
    (
        Meeting,
        {"committee_reports": (ENERGY_REPORT, CommitteeReport(committee="energy"))},
        ValueError,
        "'committee_reports' must not repeat an item",
    ),
    *_bad_id_tuple(Meeting, "outcomes"),
    *_bad_optional_text(Meeting, "summary"),
    *_bad_sources(Meeting),
    # Signature
    *_bad_id(Signature, "person"),
    *_bad_actor(Signature, "state"),
    (Signature, {"office": "cn premier"}, ValueError, "'office'"),
    # Documents
    *_document_cases(Communique),
    *_document_cases(JointStatement),
    *_document_cases(Declaration),
    *_document_cases(CooperationAgreement),
    *_document_cases(DocumentBatch),
    (CooperationAgreement, {"form": "plan"}, TypeError, "'form' must be a AgreementForm"),
    (CooperationAgreement, {"form": Sector.ENERGY}, TypeError, "'form'"),
    (DocumentBatch, {"form": "memorandum"}, TypeError, "'form' must be a AgreementForm"),
    (DocumentBatch, {"count": 0}, ValueError, "'count' must be a whole number"),
    (DocumentBatch, {"count": True}, ValueError, "'count' must be a whole number"),
    (DocumentBatch, {"count": 2.0}, ValueError, "'count' must be a whole number"),
    # DocumentEvent
    *_bad_enum(DocumentEvent, "kind", DocumentEventKind),
    *_bad_date(DocumentEvent, "date", optional=False),
    (DocumentEvent, {"party": "cn mofa"}, ValueError, "'party'"),
    (DocumentEvent, {"until": "2026"}, TypeError, "'until' must be a PartialDate"),
    (DocumentEvent, {"until": D("2026")}, ValueError, "'until' .* is only for an entry"),
    (
        DocumentEvent,
        {"kind": DocumentEventKind.EXTENSION, "until": D("2020")},
        ValueError,
        "'until' .* must not be before 'date'",
    ),
    *_bad_optional_text(DocumentEvent, "note"),
    *_bad_sources(DocumentEvent),
    # Committee
    *_bad_id(Committee, "id"),
    *_bad_text(Committee, "name", 500),
    *_bad_enum(Committee, "kind", CommitteeKind),
    *_bad_parties(Committee),
    *_bad_sectors(Committee),
    *_bad_topics(Committee),
    *_bad_id_tuple(Committee, "co_chairs"),
    (
        Committee,
        {"parent": "energy"},
        ValueError,
        "'parent' must name another record than its own 'id'",
    ),
    (Committee, {"parent": "has space"}, ValueError, "'parent'"),
    *_bad_date(Committee, "established"),
    # PartnershipLevel
    *_bad_text(PartnershipLevel, "name", 500),
    *_bad_date(PartnershipLevel, "since", optional=False),
    # BilateralRelation
    *_bad_id(BilateralRelation, "id"),
    (BilateralRelation, {"parties": (CN,)}, ValueError, "'parties' must hold exactly 2 items"),
    (BilateralRelation, {"parties": ()}, ValueError, "'parties' must hold exactly 2 items"),
    (
        BilateralRelation,
        {"parties": (CN, RU, KZ)},
        ValueError,
        "'parties' must hold exactly 2 items",
    ),
    (BilateralRelation, {"parties": (CN, CN)}, ValueError, "'parties' must not repeat"),
    (BilateralRelation, {"parties": [CN, RU]}, TypeError, "'parties' must be a tuple"),
    (BilateralRelation, {"parties": ("CN", "RU")}, ValueError, r"'parties\[0\]' \('CN'\) reads as"),
    *_bad_date(BilateralRelation, "established"),
    (BilateralRelation, {"levels": [LEVEL_1996]}, TypeError, "'levels' must be a tuple"),
    (BilateralRelation, {"levels": ("x",)}, TypeError, r"'levels\[0\]' must be a PartnershipLevel"),
    (BilateralRelation, {"levels": (LEVEL_2019, LEVEL_1996)}, ValueError, "'levels' must be in"),
    (
        BilateralRelation,
        {"levels": (LEVEL_1996, attrs.evolve(LEVEL_2019, since=D("1996")))},
        ValueError,
        "'levels' must be in date order, each after the one before",
    ),
    (
        BilateralRelation,
        {"levels": (attrs.evolve(LEVEL_1996, since=D("1996-04")), LEVEL_1996)},
        ValueError,
        "'levels' must be in date order",
    ),
    (BilateralRelation, {"events": ("x",)}, TypeError, r"'events\[0\]' must be a RelationEvent"),
    (
        BilateralRelation,
        {
            "established": D("1949"),
            "events": (dm.RelationEvent(kind=dm.RelationEventKind.RESTORATION, date=D("1950")),),
        },
        ValueError,
        r"'events' \[0\] has a restoration on 1950 while ties were active",
    ),
    (
        BilateralRelation,
        {"successions": (dm.Succession(predecessor=RU, successor=CN, date=D("1991")),)},
        ValueError,
        r"'successions' \[0\] names Russia as predecessor, a party",
    ),
    *_bad_sources(BilateralRelation),
    # ThematicYear
    *_bad_id(ThematicYear, "id"),
    *_bad_text(ThematicYear, "title", 500),
    *_bad_parties(ThematicYear),
    *_bad_date(ThematicYear, "start", optional=False),
    *_bad_date(ThematicYear, "end", optional=False),
    (ThematicYear, {"end": D("2023")}, ValueError, r"'end' \(2023\) must not be before"),
    (ThematicYear, {"start": D("2024-06"), "end": D("2024-05-31")}, ValueError, "'end'"),
    *_bad_sectors(ThematicYear),
    *_bad_topics(ThematicYear),
    *_bad_sources(ThematicYear),
    # Statement
    *_bad_id(Statement, "id"),
    *_bad_id(Statement, "speaker"),
    *_bad_text(Statement, "summary", 10_000),
    *_bad_actor(Statement, "on_behalf_of", optional=True),
    (Statement, {"meeting": "m 29"}, ValueError, "'meeting'"),
    *_bad_date(Statement, "date"),
    *_bad_sectors(Statement, "topics"),
    *_bad_topics(Statement),
    *_bad_sources(Statement),
]


def _case_id(case: Any) -> str:
    cls, changes, exc, _ = case
    shown = ",".join(f"{k}={v!r}"[:40] for k, v in changes.items())
    return f"{cls.__name__}-{exc.__name__}-{shown}"


# --- construction --------------------------------------------------------------


class TestConstruction:
    """Building every model class: defaults, frozen, keyword-only, slotted."""

    @pytest.mark.parametrize("cls", CLASSES, ids=_ids)
    def test_minimal(self, cls):
        """The minimal arguments build an object; every other field takes its default."""
        obj = make(cls)
        for field in attrs.fields(cls):
            value = getattr(obj, field.name)
            if field.name in MINIMAL[cls]:
                assert value == MINIMAL[cls][field.name]
            elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                factory = field.default.factory
                assert value == (factory(obj) if field.default.takes_self else factory())
            else:
                assert value == field.default

    @pytest.mark.parametrize("cls", CLASSES, ids=_ids)
    def test_full(self, cls):
        """Every field given is stored as given."""
        obj = cls(**FULL[cls])
        for name, value in FULL[cls].items():
            assert getattr(obj, name) == value

    @pytest.mark.parametrize("cls", CLASSES, ids=_ids)
    def test_full_covers_every_field(self, cls):
        """The FULL fixtures set every field (so test_full checks them all)."""
        assert set(FULL[cls]) == {f.name for f in attrs.fields(cls)}

    @pytest.mark.parametrize("cls", CLASSES, ids=_ids)
    def test_frozen(self, cls):
        """Assigning to any field raises FrozenInstanceError."""
        obj = cls(**FULL[cls])
        for field in attrs.fields(cls):
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(obj, field.name, getattr(obj, field.name))

    @pytest.mark.parametrize("cls", CLASSES, ids=_ids)
    def test_keyword_only(self, cls):
        """Positional arguments raise TypeError."""
        with pytest.raises(TypeError):
            cls(*MINIMAL[cls].values())

    @pytest.mark.parametrize("cls", CLASSES, ids=_ids)
    def test_slotted(self, cls):
        """Classes have slots and instances have no __dict__."""
        assert "__slots__" in vars(cls)
        assert not hasattr(make(cls), "__dict__")

    @pytest.mark.parametrize("cls", CLASSES, ids=_ids)
    def test_equal_and_hashable(self, cls):
        """Two builds from equal arguments are equal, hash equal and dedupe in a set."""
        a, b = cls(**FULL[cls]), cls(**FULL[cls])
        assert a == b
        assert hash(a) == hash(b)
        assert len({a, b, make(cls)}) == (1 if FULL[cls] == MINIMAL[cls] else 2)

    @pytest.mark.parametrize("cls", CLASSES, ids=_ids)
    def test_evolve_keeps_valid(self, cls):
        """`attrs.evolve` with no changes gives an equal, separate object."""
        obj = cls(**FULL[cls])
        again = attrs.evolve(obj)
        assert again == obj
        assert type(again) is cls

    @pytest.mark.parametrize(
        ("obj", "changes", "exc", "match"),
        [
            (make(Meeting), {"end": D("2024-08-20")}, ValueError, "'end'"),
            (make(Meeting), {"ordinal": 1}, ValueError, "'ordinal'"),
            (make(Meeting), {"parties": ()}, ValueError, "'parties'"),
            (make(Person), {"names": {"nope_NOPE": "x"}}, ValueError, "'names'"),
            (make(Tenure, start=D("2024")), {"end": D("2023")}, ValueError, "'end'"),
            (make(Committee), {"parent": "energy"}, ValueError, "'parent'"),
            (make(Communique), {"revises": "c1"}, ValueError, "'revises'"),
            (make(Communique), {"status": "signed"}, TypeError, "'status'"),
            (make(BilateralRelation), {"parties": (CN,)}, ValueError, "'parties'"),
            (make(Source), {"url": "ftp://x.example"}, ValueError, "'url'"),
        ],
        ids=lambda value: type(value).__name__ if attrs.has(type(value)) else None,
    )
    def test_evolve_revalidates(self, obj, changes, exc, match):
        """`attrs.evolve` runs the validators again."""
        with pytest.raises(exc, match=match):
            attrs.evolve(obj, **changes)

    def test_evolve_applies_change(self):
        """`attrs.evolve` returns a new object with the change and leaves the old one alone."""
        meeting = make(Meeting)
        later = attrs.evolve(meeting, end=D("2024-08-22"))
        assert later.end == D("2024-08-22")
        assert meeting.end is None


class TestDefaults:
    """Defaults and derived values."""

    def test_meeting_series_cadence(self):
        """A meeting series is annual unless told otherwise."""
        assert make(MeetingSeries).cadence is Cadence.ANNUAL

    @pytest.mark.parametrize("cls", DOCUMENT_KINDS, ids=_ids)
    def test_document_status(self, cls):
        """A document is signed unless told otherwise."""
        assert make(cls).status is DocumentStatus.SIGNED

    def test_agreement_form(self):
        """An agreement's form is unknown by default."""
        assert make(CooperationAgreement).form is None

    def test_committee_kind(self):
        """A committee is a committee unless told otherwise."""
        assert make(Committee).kind is CommitteeKind.COMMITTEE

    def test_person_names(self):
        """A person has an empty, read-only names map by default."""
        names = make(Person).names
        assert isinstance(names, MappingProxyType)
        assert dict(names) == {}

    def test_person_names_not_shared(self):
        """Default names maps of two people are independent objects."""
        assert make(Person).names is not make(Person, id="other").names

    @pytest.mark.parametrize(
        ("participants", "expected"),
        [
            ((), ()),
            ((AIDE_RU,), ()),
            ((LI_CN, MI_RU, AIDE_RU), ("li-qiang", "mishustin")),
            ((MI_RU, AIDE_RU, LI_CN), ("mishustin", "li-qiang")),
            (
                (LI_CN, attrs.evolve(LI_CN, role=Role.HOST)),
                ("li-qiang",),
            ),
        ],
    )
    def test_meeting_co_chairs(self, participants, expected):
        """`co_chairs` lists the co-chairs' ids in the order the participants are listed."""
        assert make(Meeting, participants=participants).co_chairs == expected

    def test_same_person_in_two_roles(self):
        """One person may take part in two different roles."""
        meeting = make(Meeting, participants=(LI_CN, attrs.evolve(LI_CN, role=Role.HOST)))
        assert len(meeting.participants) == 2

    def test_committee_reports_distinct_committees(self):
        """Reports from different committees may share a presenter and summary."""
        other = attrs.evolve(ENERGY_REPORT, committee="finance")
        assert make(Meeting, committee_reports=(ENERGY_REPORT, other)).committee_reports == (
            ENERGY_REPORT,
            other,
        )

    @pytest.mark.parametrize(
        ("start", "end"),
        [
            ("2024-08-21", "2024-08-21"),
            ("2024-08-21", "2024-08"),
            ("2024-08-21", "2024"),
            ("2024", "2024-01-01"),
            ("2024-08", "2024-08-01"),
        ],
    )
    def test_end_may_overlap_start(self, start, end):
        """An end whose span reaches the start is accepted, at any precision."""
        assert make(Meeting, start=D(start), end=D(end)).end == D(end)
        assert make(Tenure, start=D(start), end=D(end)).end == D(end)
        assert make(ThematicYear, start=D(start), end=D(end)).end == D(end)

    def test_tenure_end_without_start(self):
        """A tenure may have an end and no start."""
        assert make(Tenure, end=D("2012")).start is None

    @pytest.mark.parametrize("ordinal", [1, 29, 10_000])
    def test_ordinal_with_series(self, ordinal):
        """Any positive ordinal is accepted with a series."""
        assert make(Meeting, series="s", ordinal=ordinal).ordinal == ordinal

    @pytest.mark.parametrize("ident", ["x", "1", "a.b_c:d/e-f", "X" * 200, "cn-ru-29"])
    def test_valid_ids(self, ident):
        """Ids of letters, digits and ``._:/-`` up to 200 characters are accepted."""
        assert make(Meeting, id=ident).id == ident

    @pytest.mark.parametrize("url", ["http://a.example", "https://news.example/a?b=1#c"])
    def test_valid_urls(self, url):
        """http and https URLs with a host are accepted."""
        assert make(Source, url=url).url == url


class TestDocument:
    """The abstract `Document` and its kinds."""

    def test_abstract(self):
        """Instantiating Document itself raises TypeError."""
        with pytest.raises(TypeError, match="Document is abstract"):
            Document(id="d", title="A document", parties=(CN,))

    def test_abstract_before_validation(self):
        """Document refuses even when the arguments are invalid."""
        with pytest.raises(TypeError, match="Document is abstract"):
            Document(id="d d", title="", parties=())

    @pytest.mark.parametrize("cls", DOCUMENT_KINDS, ids=_ids)
    def test_kinds_are_documents(self, cls):
        """Communiques and agreements are Documents."""
        assert isinstance(make(cls), Document)

    def test_kinds_differ(self):
        """A communique never equals an agreement with the same fields."""
        fields = {"id": "d", "title": "Same", "parties": (CN,)}
        assert Communique(**fields) != CooperationAgreement(**fields)
        assert Communique(**fields) != JointStatement(**fields) != Declaration(**fields)


class TestPerson:
    """`Person`: localised names and tenures."""

    PERSON = Person(
        id="li-qiang",
        name="Li Qiang",
        names={
            "zh": "\u674e\u5f3a",
            "zh_Hant": "\u674e\u5f37",
            "ru": "\u041b\u0438 \u0426\u044f\u043d",
        },
        tenures=(
            Tenure(office="zj-governor", start=D("2012"), end=D("2016")),
            Tenure(office="cn-premier", start=D("2023-03-11")),
            Tenure(office="zj-governor", start=D("2017")),
        ),
    )

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("zh", "\u674e\u5f3a"),
            ("ru", "\u041b\u0438 \u0426\u044f\u043d"),
            ("zh_Hant", "\u674e\u5f37"),
            ("zh_Hans_CN", "\u674e\u5f3a"),
            ("zh_Hant_TW", "\u674e\u5f37"),
            ("zh-Hant-TW", "\u674e\u5f37"),
            ("zh-Hans", "\u674e\u5f3a"),
            ("ru_RU", "\u041b\u0438 \u0426\u044f\u043d"),
            ("ru-RU", "\u041b\u0438 \u0426\u044f\u043d"),
            ("fr", "Li Qiang"),
            ("fr_CA", "Li Qiang"),
            ("en", "Li Qiang"),
            ("zh_CN", "\u674e\u5f3a"),
        ],
    )
    def test_name_in(self, locale, expected):
        """Exact locale first, then broader ones ("-" or "_"), then the English name."""
        assert self.PERSON.name_in(locale) == expected

    @pytest.mark.parametrize("locale", ["", "xx", "not a locale"])
    def test_name_in_unknown_locale(self, locale):
        """A locale babel does not know is an error, as everywhere else in the library."""
        with pytest.raises(ValueError, match="unknown locale"):
            self.PERSON.name_in(locale)

    @pytest.mark.parametrize(
        ("written", "stored"), [("zh-Hans", "zh_Hans"), ("pt-br", "pt_BR"), ("RU", "ru")]
    )
    def test_names_keys_respelled(self, written, stored):
        """Keys of `names` are stored in babel's spelling, as `name_in` reads them."""
        person = Person(id="p", name="P", names={written: "x"})
        assert dict(person.names) == {stored: "x"}
        assert person.name_in(written) == "x"

    def test_names_key_unknown_locale_rejected(self):
        """A key that babel does not know is still refused, naming the key."""
        with pytest.raises(ValueError, match="'zh_CN'"):
            Person(id="p", name="P", names={"zh_CN": "x"})

    def test_name_in_english_key(self):
        """An explicit "en" name is used for English locales."""
        person = make(Person, names={"en": "Li Keqiang"})
        assert person.name_in("en_GB") == "Li Keqiang"

    @pytest.mark.parametrize(
        ("office", "expected"),
        [
            ("cn-premier", (1,)),
            ("zj-governor", (0, 2)),
            ("us-president", ()),
        ],
    )
    def test_tenures_of(self, office, expected):
        """`tenures_of` returns the terms in one office, in recorded order."""
        assert self.PERSON.tenures_of(office) == tuple(self.PERSON.tenures[i] for i in expected)

    def test_names_read_only(self):
        """The names map is a MappingProxyType that cannot be written."""
        assert isinstance(self.PERSON.names, MappingProxyType)
        with pytest.raises(TypeError):
            self.PERSON.names["fr"] = "Li Qiang"  # type: ignore[index]

    def test_names_copied(self):
        """Changing the dict passed in afterwards does not change the person."""
        given = {"zh": "\u674e\u5f3a"}
        person = make(Person, names=given)
        given["ru"] = "\u041b\u0438"
        given["zh"] = "changed"
        assert dict(person.names) == {"zh": "\u674e\u5f3a"}

    def test_names_sorted(self):
        """Names are stored sorted by locale."""
        person = make(Person, names={"zh": "a", "ar": "b", "ru": "c"})
        assert list(person.names) == ["ar", "ru", "zh"]

    def test_names_order_irrelevant(self):
        """People whose names differ only in key order are equal and hash equal."""
        a = make(Person, names={"zh": "a", "ru": "b"})
        b = make(Person, names={"ru": "b", "zh": "a"})
        assert a == b
        assert hash(a) == hash(b)

    def test_names_in_equality(self):
        """People with different names maps are not equal."""
        assert make(Person, names={"zh": "a"}) != make(Person, names={"zh": "b"})

    def test_names_not_in_hash(self):
        """`names` is left out of the hash, so people differing only in names hash equal."""
        a = make(Person, names={"zh": "a"})
        b = make(Person, names={"zh": "b", "ru": "c"})
        assert hash(a) == hash(b)
        assert len({a, b}) == 2

    def test_names_proxy_copied(self):
        """A read-only view passed in is copied too, so the person stays unchanged."""
        given = {"zh": "\u674e\u5f3a"}
        person = make(Person, names=MappingProxyType(given))
        given["ru"] = "\u041b\u0438"
        assert dict(person.names) == {"zh": "\u674e\u5f3a"}

    @pytest.mark.parametrize("key", ["../en", "x/zh", "/etc/ru"])
    def test_names_rejects_path_like_keys(self, key):
        """A names key with a path in it is not a locale identifier."""
        with pytest.raises(ValueError, match="'names'"):
            make(Person, names={key: "x"})


class TestTenure:
    """`Tenure.covers` at every precision."""

    @pytest.mark.parametrize(
        ("start", "end", "day", "expected"),
        [
            ("2023-03", None, date(2023, 3, 1), True),
            ("2023-03", None, date(2023, 2, 28), False),
            ("2023-03-11", None, date(2023, 3, 11), True),
            ("2023-03-11", None, date(2023, 3, 10), False),
            ("2023", None, date(2023, 1, 1), True),
            ("2023", None, date(9999, 12, 31), True),
            ("2020", "2024", date(2024, 12, 31), True),
            ("2020", "2024", date(2025, 1, 1), False),
            ("2020", "2024-06", date(2024, 6, 30), True),
            ("2020", "2024-06", date(2024, 7, 1), False),
            ("2020", "2024-06-15", date(2024, 6, 15), True),
            ("2020", "2024-06-15", date(2024, 6, 16), False),
            (None, "2024", date(1, 1, 1), True),
            (None, "2024", date(2025, 1, 1), False),
            (None, None, date(2024, 8, 21), True),
        ],
    )
    def test_covers(self, start, end, day, expected):
        """Partial starts count from their first day, partial ends to their last."""
        tenure = Tenure(
            office="x",
            start=None if start is None else D(start),
            end=None if end is None else D(end),
        )
        assert tenure.covers(day) is expected

    def test_covers_datetime(self):
        """A datetime is judged by its calendar day, like a date."""
        tenure = Tenure(office="x", start=D("2020"))
        assert tenure.covers(datetime(2021, 1, 1, tzinfo=UTC))


class TestMeeting:
    """`Meeting.participants_for`."""

    MEETING = make(Meeting, participants=(LI_CN, MI_RU, AIDE_RU), parties=(CN, RU))

    @pytest.mark.parametrize(
        ("state", "expected"),
        [(CN, (LI_CN,)), (RU, (MI_RU, AIDE_RU)), (KZ, ())],
        ids=["CN", "RU", "KZ"],
    )
    def test_participants_for(self, state, expected):
        """A state's delegation, in listed order; empty for a state with nobody there."""
        assert self.MEETING.participants_for(state) == expected


class TestPlace:
    """`Place.__str__`."""

    @pytest.mark.parametrize(
        ("kwargs", "expected"),
        [
            ({"state": RU}, "Russia"),
            ({"state": RU, "locality": "Moscow"}, "Moscow, Russia"),
            ({"state": RU, "venue": "Kremlin"}, "Kremlin, Russia"),
            ({"state": RU, "locality": "Moscow", "venue": "Kremlin"}, "Kremlin, Moscow, Russia"),
            ({"state": CN, "locality": "Beijing"}, "Beijing, China"),
        ],
    )
    def test_str(self, kwargs, expected):
        """Venue, locality and the state's name, most specific first, skipping unknowns."""
        assert str(Place(**kwargs)) == expected


class TestBilateralRelation:
    """`level_on`, `involves` and `other`."""

    RELATION = BilateralRelation(
        id="cn-ru",
        parties=(CN, RU),
        levels=(
            PartnershipLevel(name="constructive partnership", since=D("1994-09")),
            PartnershipLevel(name="strategic partnership", since=D("1996-04-25")),
            PartnershipLevel(name="comprehensive strategic partnership", since=D("2011")),
        ),
    )

    @pytest.mark.parametrize(
        ("on", "expected"),
        [
            (date(1900, 1, 1), None),
            (date(1994, 9, 29), None),
            (date(1994, 9, 30), "constructive partnership"),
            (date(1996, 4, 24), "constructive partnership"),
            (date(1996, 4, 25), "strategic partnership"),
            (date(2011, 12, 30), "strategic partnership"),
            (date(2011, 12, 31), "comprehensive strategic partnership"),
            (date(2024, 8, 21), "comprehensive strategic partnership"),
            (D("1996-04-25"), "strategic partnership"),
            (D("1996-04-24"), "constructive partnership"),
            (datetime(1996, 4, 25, 8, 0, tzinfo=UTC), "strategic partnership"),
        ],
    )
    def test_level_on(self, on, expected):
        """Levels count from their last possible day; day-precision PartialDates work too."""
        level = self.RELATION.level_on(on)
        assert (None if level is None else level.name) == expected

    def test_level_on_no_levels(self):
        """A relation without levels has none on any day."""
        assert make(BilateralRelation).level_on(date(2024, 1, 1)) is None

    @pytest.mark.parametrize("on", [D("2024-08"), D("2024")])
    def test_level_on_needs_day(self, on):
        """A partial date not known to the day raises ValueError."""
        with pytest.raises(ValueError, match="not known to the day"):
            self.RELATION.level_on(on)

    @pytest.mark.parametrize("on", ["2024-08-21", 2024, None])
    def test_level_on_rejects_other_types(self, on):
        """Anything but a date or PartialDate raises TypeError."""
        with pytest.raises(TypeError, match="expected a date"):
            self.RELATION.level_on(on)

    @pytest.mark.parametrize(("state", "expected"), [(CN, True), (RU, True), (KZ, False)])
    def test_involves(self, state, expected):
        """Only the two parties are involved."""
        assert self.RELATION.involves(state) is expected

    def test_other(self):
        """`other` gives the party that is not the one given, in either direction."""
        assert self.RELATION.other(CN) is RU
        assert self.RELATION.other(RU) is CN

    def test_other_non_party(self):
        """`other` raises ValueError for a state that is not a party."""
        with pytest.raises(ValueError, match="KZ is not a party to relation 'cn-ru'"):
            self.RELATION.other(KZ)


class TestEnums:
    """The model's enums: values are stable snake_case identifiers."""

    @pytest.mark.parametrize("kind", ENUMS, ids=_ids)
    def test_values(self, kind):
        """Every value is the lower-case form of its member name."""
        for member in kind:
            assert member.value == member.name.lower()

    @pytest.mark.parametrize("kind", ENUMS, ids=_ids)
    def test_round_trip(self, kind):
        """Looking up a member by its value gives the member back."""
        for member in kind:
            assert kind(member.value) is member

    @pytest.mark.parametrize(
        ("kind", "expected"),
        [
            (
                Role,
                {"co_chair", "chair", "host", "guest", "head_of_delegation", "member", "witness"},
            ),
            (MeetingFormat, {"in_person", "video_link", "phone", "hybrid"}),
            (
                MeetingLevel,
                {
                    "leaders",
                    "ministerial",
                    "vice_ministerial",
                    "senior_officials",
                    "working_group",
                    "parliamentary",
                    "party",
                },
            ),
            (
                AttendanceRole,
                {"member", "chair", "host", "observer", "guest", "dialogue_partner"},
            ),
            (Cadence, {"annual", "semiannual", "biennial", "irregular"}),
            (
                DocumentStatus,
                {
                    "draft",
                    "signed",
                    "ratified",
                    "provisionally_applied",
                    "in_force",
                    "suspended",
                    "expired",
                    "terminated",
                    "superseded",
                    "withdrawn",
                },
            ),
            (
                AgreementForm,
                {
                    "agreement",
                    "memorandum",
                    "plan",
                    "protocol",
                    "programme",
                    "treaty",
                    "convention",
                    "exchange_of_notes",
                    "action_plan",
                    "road_map",
                    "decision",
                    "charter",
                    "letter_of_intent",
                    "contract",
                    "minutes",
                },
            ),
            (
                CommitteeKind,
                {"committee", "commission", "subcommission", "working_group", "council"},
            ),
        ],
        ids=_ids,
    )
    def test_members(self, kind, expected):
        """The small vocabularies have exactly the documented values."""
        assert {m.value for m in kind} == expected


class TestValidation:
    """Every field of every class rejects bad values with a message naming it."""

    @pytest.mark.parametrize(
        ("cls", "changes", "exc", "match"),
        [pytest.param(*case, id=_case_id(case)) for case in INVALID],
    )
    def test_rejects(self, cls, changes, exc, match):
        """The bad value raises the documented exception type naming the field."""
        with pytest.raises(exc, match=match):
            make(cls, **changes)

    @pytest.mark.parametrize("cls", CLASSES, ids=_ids)
    def test_every_field_covered(self, cls):
        """The INVALID table has at least one case for every field of every class."""
        covered = {name for c, changes, _, _ in INVALID if c is cls for name in changes}
        assert covered >= {f.name for f in attrs.fields(cls)}

    @pytest.mark.parametrize("cls", CLASSES, ids=_ids)
    def test_required_fields(self, cls):
        """Leaving out any required field raises TypeError."""
        required = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
        for name in required:
            kwargs = {k: val for k, val in MINIMAL[cls].items() if k != name}
            with pytest.raises(TypeError, match=f"'{name}'"):
                cls(**kwargs)


# --- the validator factories ----------------------------------------------------


@attrs.define
class _Box:
    value: object = None


ATTR = attrs.fields(_Box).value


class TestValidatorFactories:
    """The private validator factories in `diplomodel._validators`."""

    @pytest.mark.parametrize(
        ("validator", "value"),
        [
            (v.text(), "ok"),
            (v.text(max_length=3), "abc"),
            (v.text(), "x" * 10_000),
            (v.identifier(), "x"),
            (v.identifier(), "a" * 200),
            (v.identifier(), "A.b_c:d/e-9"),
            (v.enum_member(Role), Role.HOST),
            (v.instance(int), 3),
            (v.instance(object), None),
            (v.date(), D("2024")),
            (v.locale(), "en"),
            (v.locale(), "zh_Hant"),
            (v.locale(), "pt_BR"),
            (v.optional(v.text()), None),
            (v.optional(v.text()), "ok"),
            (v.optional_date(), None),
            (v.optional_date(), D("2024-08")),
            (v.ordinal(), 1),
            (v.tuple_of(v.instance(int)), ()),
            (v.tuple_of(v.instance(int), unique=True, min_length=2), (1, 2)),
            (v.tuple_of(v.instance(str), unique=True, key=str.lower), ("a", "B")),
        ],
    )
    def test_accepts(self, validator, value):
        """Valid values pass and the validator returns None."""
        assert validator(None, ATTR, value) is None

    @pytest.mark.parametrize(
        ("validator", "value", "exc", "match"),
        [
            (v.text(), 1, TypeError, r"'value' must be a str \(got 1, a int\)"),
            (v.text(), None, TypeError, "'value' must be a str"),
            (v.text(), "", ValueError, "'value' must not be blank"),
            (v.text(), "\u3000", ValueError, "'value' must not be blank"),
            (v.text(), "a ", ValueError, "'value' must not start or end with whitespace"),
            (v.text(), "\u00a0a", ValueError, "must not start or end with whitespace"),
            (v.text(max_length=3), "abcd", ValueError, r"at most 3 characters \(got 4\)"),
            (v.text(), "x" * 10_001, ValueError, "at most 10000 characters"),
            (v.identifier(), "a" * 201, ValueError, "at most 200 characters"),
            (v.identifier(), "a_", ValueError, "'value' must be an id"),
            (v.identifier(), ".a", ValueError, "'value' must be an id"),
            (v.identifier(), "a b", ValueError, "'value' must be an id"),
            (v.identifier(), "a\u00e9", ValueError, "'value' must be an id"),
            (v.identifier(), "", ValueError, "'value' must be an id"),
            (v.identifier(), None, TypeError, "'value' must be an id string"),
            (v.enum_member(Cadence), "annual", TypeError, r"'value' must be a Cadence \('annual'"),
            (v.enum_member(Cadence), Role.HOST, TypeError, "'value' must be a Cadence"),
            (v.instance(int), "3", TypeError, r"'value' must be a int \(got '3', a str\)"),
            (v.date(), date(2024, 1, 1), TypeError, "'value' must be a PartialDate"),
            (v.locale(), "xx_NOPE", ValueError, "'value' must be a locale identifier"),
            (v.locale(), None, ValueError, "'value' must be a locale identifier"),
            (v.optional(v.text()), "", ValueError, "'value' must not be blank"),
            (v.optional_date(), "2024", TypeError, "'value' must be a PartialDate"),
            (v.ordinal(), 0, ValueError, r"'value' must be a positive int \(got 0\)"),
            (v.ordinal(), True, ValueError, r"'value' must be a positive int \(got True\)"),
            (v.ordinal(), 2.0, ValueError, "'value' must be a positive int"),
            (v.ordinal(), None, ValueError, "'value' must be a positive int"),
            (v.tuple_of(v.instance(int)), [1], TypeError, r"'value' must be a tuple .*a list"),
            (
                v.tuple_of(v.instance(int), min_length=1),
                (),
                ValueError,
                r"'value' must have at least 1 item \(got 0\)",
            ),
            (
                v.tuple_of(v.instance(int), min_length=2),
                (1,),
                ValueError,
                r"'value' must have at least 2 items \(got 1\)",
            ),
            (
                v.tuple_of(v.instance(int)),
                (1, 2, "3"),
                TypeError,
                r"'value\[2\]' must be a int",
            ),
            (
                v.tuple_of(v.instance(int), unique=True),
                (1, 2, 1),
                ValueError,
                r"'value' must not repeat an item \(got 1 twice\)",
            ),
            (
                v.tuple_of(v.instance(str), unique=True, key=str.lower),
                ("a", "A"),
                ValueError,
                r"must not repeat an item \(got 'a' twice\)",
            ),
        ],
    )
    def test_rejects(self, validator, value, exc, match):
        """Bad values raise the right exception, naming the field and the value."""
        with pytest.raises(exc, match=match):
            validator(None, ATTR, value)

    def test_not_unique_allows_repeats(self):
        """Without `unique`, repeated items are allowed."""
        assert v.tuple_of(v.instance(int))(None, ATTR, (1, 1)) is None

    def test_member_checked_before_unique(self):
        """A bad member is reported before a repeat, with its index."""
        with pytest.raises(TypeError, match=r"'value\[1\]'"):
            v.tuple_of(v.instance(int), unique=True)(None, ATTR, (1, "x", 1))

    def test_long_values_shortened(self):
        """Values with a repr longer than 60 characters are cut to 57 plus '...'."""
        with pytest.raises(TypeError) as info:
            v.text()(None, ATTR, list(range(100)))
        shown = str(info.value).split("(got ")[1].split(", a list")[0]
        assert shown == repr(list(range(100)))[:57] + "..."
        assert len(shown) == 60

    def test_short_values_shown_whole(self):
        """Values with a short repr are shown in full."""
        with pytest.raises(ValueError, match=r"\(got 'a b'\)"):
            v.identifier()(None, ATTR, "a b")

    def test_optional_delegates(self):
        """`optional` runs the wrapped validator for values other than None."""
        calls = []

        def spy(inst, attribute, value):
            calls.append((inst, attribute.name, value))

        v.optional(spy)("inst", ATTR, None)
        v.optional(spy)("inst", ATTR, 0)
        assert calls == [("inst", "value", 0)]

    @pytest.mark.parametrize("value", ["../en", "x/zh", "/etc/ru"])
    def test_locale_rejects_path_like(self, value):
        """A path is not a locale identifier."""
        with pytest.raises(ValueError, match="'value' must be a locale identifier"):
            v.locale()(None, ATTR, value)


class TestStrictLocalesAndLevels:
    @pytest.mark.parametrize("key", ["ZH", "zh-Hant", "zh_hant", "EN"])
    def test_locale_keys_are_spelled_as_babel_spells_them(self, key):
        """A locale key in another spelling is stored as babel spells it, so it always matches."""
        person = Person(id="p", name="P", names={key: "x"})
        (stored,) = person.names
        assert stored in {"zh", "zh_Hant", "en"}
        assert person.name_in(stored) == "x"

    def test_levels_may_not_overlap_in_precision(self):
        """A month-precision level inside a year-precision one is out of order."""
        cn, ru = states.get("CN"), states.get("RU")
        levels = (
            PartnershipLevel(name="a", since=PartialDate(year=1996)),
            PartnershipLevel(name="b", since=PartialDate(year=1996, month=4)),
        )
        with pytest.raises(ValueError, match="'levels' must be in date order"):
            BilateralRelation(id="r", parties=(cn, ru), levels=levels)


class TestPlaceNames:
    @pytest.mark.parametrize(
        ("locale", "expected"),
        [("zh", "莫斯科"), ("ru", "Москва"), ("ar", "موسكو"), ("en", "Moscow")],
    )
    def test_cldr_cities(self, locale, expected):
        """A city CLDR knows is named in the locale without being typed in."""
        assert Place(state=RU, locality="Moscow").locality_in(locale) == expected

    def test_own_names_win(self):
        """Names the place carries come before CLDR's, with locale fallbacks."""
        place = Place(state=RU, locality="Moscow", names={"zh_Hant": "莫斯科市"})
        assert place.locality_in("zh-Hant-TW") == "莫斯科市"
        assert place.locality_in("zh") == "莫斯科"

    def test_unknown_city_stays_as_recorded(self):
        """A city CLDR does not know keeps its recorded name; no locality gives None."""
        assert Place(state=CN, locality="Beijing").locality_in("ru") == "Beijing"
        assert Place(state=CN).locality_in("ru") is None
