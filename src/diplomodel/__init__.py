"""diplomodel: a typed, immutable domain model of diplomacy.

Everything public is importable from here and listed in `__all__`.

>>> import diplomodel
>>> dossier = diplomodel.load_example()
>>> meeting = dossier.meeting("cn-ru-heads-of-government-29")
>>> meeting.ordinal, str(meeting.start), meeting.place.locality
(29, '2024-08-21', 'Moscow')
"""

from diplomodel.anniversaries import (
    Anniversary,
    LeapDayPolicy,
    anniversaries,
    anniversary_in_year,
    anniversary_number,
    is_jubilee,
    next_anniversary,
)
from diplomodel.dates import (
    Direction,
    PartialDate,
    Precision,
    Weekday,
    parse_date,
    resolve_weekday,
)
from diplomodel.dossier import Dossier, Entity, load_example
from diplomodel.errors import (
    DataError,
    DiplomodelError,
    Problem,
    UnknownOrganizationError,
    UnknownStateError,
)
from diplomodel.files import JsonlReader, atomic_writer, iter_jsonl, write_jsonl
from diplomodel.i18n import (
    anniversary_phrase,
    describe,
    format_date,
    format_date_range,
    format_list,
    label,
    ordinal,
    person_name,
    state_name,
)
from diplomodel.interchange import ftm_id, to_ftm, to_ical, to_jsonld, to_popolo
from diplomodel.model.actors import Actor, Body, BodyKind, actor_key
from diplomodel.model.cooperation import Committee, CommitteeKind
from diplomodel.model.documents import (
    AgreementForm,
    Communique,
    CooperationAgreement,
    Document,
    DocumentStatus,
    Signature,
)
from diplomodel.model.ids import (
    BodyId,
    CommitteeId,
    DocumentId,
    MeetingId,
    OfficeId,
    PersonId,
    RelationId,
    SeriesId,
    StatementId,
    ThematicYearId,
)
from diplomodel.model.meetings import (
    Attendance,
    AttendanceRole,
    Cadence,
    CommitteeReport,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MeetingLevel,
    MeetingSeries,
    Participation,
    Role,
)
from diplomodel.model.people import Office, OfficeKind, Person, Tenure
from diplomodel.model.places import Place
from diplomodel.model.relations import BilateralRelation, PartnershipLevel, ThematicYear
from diplomodel.model.sectors import Sector
from diplomodel.model.sources import Source
from diplomodel.model.statements import Statement
from diplomodel.organizations import (
    Membership,
    MembershipStatus,
    Organization,
    OrganizationKind,
    OrganizationRegistry,
    organizations,
)
from diplomodel.serialization import (
    DOCUMENT_TAGS,
    FORMAT_VERSION,
    MIGRATIONS,
    Migration,
    envelope,
    from_dict,
    from_json,
    json_schema,
    make_converter,
    open_envelope,
    to_dict,
    to_json,
    to_json_bytes,
)
from diplomodel.states import State, StateRegistry, states
from diplomodel.timeline import TimelineEntry, UpcomingAnniversary
from diplomodel.validation import (
    DEFAULT_RULES,
    Finding,
    Issue,
    Report,
    Rule,
    Rules,
    Severity,
    rule,
    validate,
)

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_RULES",
    "DOCUMENT_TAGS",
    "FORMAT_VERSION",
    "MIGRATIONS",
    "Actor",
    "AgreementForm",
    "Anniversary",
    "Attendance",
    "AttendanceRole",
    "BilateralRelation",
    "Body",
    "BodyId",
    "BodyKind",
    "Cadence",
    "Committee",
    "CommitteeId",
    "CommitteeKind",
    "CommitteeReport",
    "Communique",
    "CooperationAgreement",
    "DataError",
    "DiplomodelError",
    "Direction",
    "Document",
    "DocumentId",
    "DocumentStatus",
    "Dossier",
    "Entity",
    "Finding",
    "Issue",
    "JsonlReader",
    "LeapDayPolicy",
    "Meeting",
    "MeetingFormat",
    "MeetingId",
    "MeetingKind",
    "MeetingLevel",
    "MeetingSeries",
    "Membership",
    "MembershipStatus",
    "Migration",
    "Office",
    "OfficeId",
    "OfficeKind",
    "Organization",
    "OrganizationKind",
    "OrganizationRegistry",
    "PartialDate",
    "Participation",
    "PartnershipLevel",
    "Person",
    "PersonId",
    "Place",
    "Precision",
    "Problem",
    "RelationId",
    "Report",
    "Role",
    "Rule",
    "Rules",
    "Sector",
    "SeriesId",
    "Severity",
    "Signature",
    "Source",
    "State",
    "StateRegistry",
    "Statement",
    "StatementId",
    "Tenure",
    "ThematicYear",
    "ThematicYearId",
    "TimelineEntry",
    "UnknownOrganizationError",
    "UnknownStateError",
    "UpcomingAnniversary",
    "Weekday",
    "__version__",
    "actor_key",
    "anniversaries",
    "anniversary_in_year",
    "anniversary_number",
    "anniversary_phrase",
    "atomic_writer",
    "describe",
    "envelope",
    "format_date",
    "format_date_range",
    "format_list",
    "from_dict",
    "from_json",
    "ftm_id",
    "is_jubilee",
    "iter_jsonl",
    "json_schema",
    "label",
    "load_example",
    "make_converter",
    "next_anniversary",
    "open_envelope",
    "ordinal",
    "organizations",
    "parse_date",
    "person_name",
    "resolve_weekday",
    "rule",
    "state_name",
    "states",
    "to_dict",
    "to_ftm",
    "to_ical",
    "to_json",
    "to_json_bytes",
    "to_jsonld",
    "to_popolo",
    "validate",
    "write_jsonl",
]
