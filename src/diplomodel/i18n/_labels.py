"""Labels for the model's enumerations, marked for translation.

The enums carry stable identifiers only; what a reader sees lives here, one
table per enum, each message in the enum's own context so that "other" (a
meeting) and "other" (an office) can be translated differently. The texts are
lower-case nouns as they appear inside a sentence.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any, Final, NamedTuple

from diplomodel.errors import ArgumentTypeError
from diplomodel.i18n._locales import translator
from diplomodel.model.actors import BodyKind
from diplomodel.model.claims import ClaimKind, ClaimSubject
from diplomodel.model.cooperation import CommitteeKind
from diplomodel.model.documents import AgreementForm
from diplomodel.model.lifecycle import DocumentEventKind, DocumentStatus
from diplomodel.model.meetings import (
    AttendanceRole,
    Cadence,
    MeetingFormat,
    MeetingKind,
    MeetingLevel,
    Role,
)
from diplomodel.model.people import OfficeKind
from diplomodel.model.relations import RelationEventKind, RelationStatus
from diplomodel.model.sectors import Sector
from diplomodel.organizations import MembershipStatus, OrganizationKind

__all__ = ["LABELLED_ENUMS", "Message", "label", "mark"]


class Message(NamedTuple):
    """A message marked for translation but not yet translated."""

    context: str
    text: str


def mark(context: str, text: str) -> Message:
    """Mark a message in a context for extraction; translate it later (`Translator.p_`)."""
    return Message(context, text)


_MEETING_KINDS: Final = {
    MeetingKind.REGULAR_MEETING: mark("MeetingKind", "regular meeting"),
    MeetingKind.SUMMIT: mark("MeetingKind", "summit"),
    MeetingKind.STATE_VISIT: mark("MeetingKind", "state visit"),
    MeetingKind.OFFICIAL_VISIT: mark("MeetingKind", "official visit"),
    MeetingKind.WORKING_VISIT: mark("MeetingKind", "working visit"),
    MeetingKind.TALKS: mark("MeetingKind", "talks"),
    MeetingKind.CONSULTATIONS: mark("MeetingKind", "consultations"),
    MeetingKind.PHONE_CALL: mark("MeetingKind", "phone call"),
    MeetingKind.VIDEO_CONFERENCE: mark("MeetingKind", "video conference"),
    MeetingKind.MINISTERIAL_MEETING: mark("MeetingKind", "ministerial meeting"),
    MeetingKind.COMMITTEE_SESSION: mark("MeetingKind", "committee session"),
    MeetingKind.SIGNING_CEREMONY: mark("MeetingKind", "signing ceremony"),
    MeetingKind.RECEPTION: mark("MeetingKind", "reception"),
    MeetingKind.COMMEMORATION: mark("MeetingKind", "commemoration"),
    MeetingKind.DIALOGUE: mark("MeetingKind", "dialogue round"),
    MeetingKind.OTHER: mark("MeetingKind", "other meeting"),
}

_ROLES: Final = {
    Role.CO_CHAIR: mark("Role", "co-chair"),
    Role.CHAIR: mark("Role", "chair"),
    Role.HOST: mark("Role", "host"),
    Role.GUEST: mark("Role", "guest"),
    Role.HEAD_OF_DELEGATION: mark("Role", "head of delegation"),
    Role.MEMBER: mark("Role", "delegation member"),
    Role.WITNESS: mark("Role", "witness"),
}

_OFFICE_KINDS: Final = {
    OfficeKind.HEAD_OF_STATE: mark("OfficeKind", "head of state"),
    OfficeKind.HEAD_OF_GOVERNMENT: mark("OfficeKind", "head of government"),
    OfficeKind.DEPUTY_HEAD_OF_GOVERNMENT: mark("OfficeKind", "deputy head of government"),
    OfficeKind.FOREIGN_MINISTER: mark("OfficeKind", "foreign minister"),
    OfficeKind.MINISTER: mark("OfficeKind", "minister"),
    OfficeKind.AMBASSADOR: mark("OfficeKind", "ambassador"),
    OfficeKind.OTHER: mark("OfficeKind", "other office"),
}

_SECTORS: Final = {
    Sector.AGRICULTURE: mark("Sector", "agriculture"),
    Sector.ANTI_CORRUPTION: mark("Sector", "anti-corruption"),
    Sector.ARMS_CONTROL: mark("Sector", "arms control"),
    Sector.ARTIFICIAL_INTELLIGENCE: mark("Sector", "artificial intelligence"),
    Sector.AVIATION: mark("Sector", "aviation"),
    Sector.BIOMEDICINE: mark("Sector", "biomedicine"),
    Sector.CHEMICAL_INDUSTRY: mark("Sector", "chemical industry"),
    Sector.CITIZEN_EXCHANGES: mark("Sector", "citizen exchanges"),
    Sector.CLIMATE_CHANGE: mark("Sector", "climate change"),
    Sector.COUNTER_TERRORISM: mark("Sector", "counter-terrorism"),
    Sector.CROSS_BORDER_CARGO_TRANSPORT: mark("Sector", "cross-border cargo transport"),
    Sector.CULTURE: mark("Sector", "culture"),
    Sector.CUSTOMS: mark("Sector", "customs"),
    Sector.CYBERSECURITY: mark("Sector", "cybersecurity"),
    Sector.DEFENCE: mark("Sector", "defence"),
    Sector.DIGITAL_ECONOMY: mark("Sector", "digital economy"),
    Sector.DISASTER_MANAGEMENT: mark("Sector", "disaster management"),
    Sector.DRUG_CONTROL: mark("Sector", "drug control"),
    Sector.ECONOMY_AND_TRADE: mark("Sector", "economy and trade"),
    Sector.EDUCATION: mark("Sector", "education"),
    Sector.ENERGY: mark("Sector", "energy"),
    Sector.ENVIRONMENT: mark("Sector", "environment"),
    Sector.FINANCE: mark("Sector", "finance"),
    Sector.FISHERIES: mark("Sector", "fisheries"),
    Sector.FOOD_SECURITY: mark("Sector", "food security"),
    Sector.GREEN_CONSTRUCTION: mark("Sector", "green construction"),
    Sector.GREEN_DEVELOPMENT: mark("Sector", "green development"),
    Sector.HEALTH: mark("Sector", "health"),
    Sector.HUMANITARIAN_AID: mark("Sector", "humanitarian aid"),
    Sector.HUMANITIES: mark("Sector", "humanities"),
    Sector.HUMAN_RIGHTS: mark("Sector", "human rights"),
    Sector.INDUSTRY: mark("Sector", "industry"),
    Sector.INFRASTRUCTURE: mark("Sector", "infrastructure"),
    Sector.INTELLECTUAL_PROPERTY: mark("Sector", "intellectual property"),
    Sector.INTERGOVERNMENTAL_COORDINATION: mark("Sector", "intergovernmental coordination"),
    Sector.INTERNATIONAL_AFFAIRS: mark("Sector", "international affairs"),
    Sector.INVESTMENT: mark("Sector", "investment"),
    Sector.JUSTICE: mark("Sector", "justice and legal assistance"),
    Sector.MARITIME_SEARCH_AND_RESCUE: mark("Sector", "maritime search and rescue"),
    Sector.MEDIA: mark("Sector", "media"),
    Sector.MIGRATION: mark("Sector", "migration"),
    Sector.MINERAL_RESOURCES: mark("Sector", "mineral resources"),
    Sector.NUCLEAR_ENERGY: mark("Sector", "nuclear energy"),
    Sector.PEACEKEEPING: mark("Sector", "peacekeeping"),
    Sector.PEOPLE_TO_PEOPLE_EXCHANGES: mark("Sector", "people-to-people exchanges"),
    Sector.PHARMACEUTICALS: mark("Sector", "pharmaceuticals"),
    Sector.POLAR_RESEARCH: mark("Sector", "polar research"),
    Sector.REGIONAL_COOPERATION: mark("Sector", "regional cooperation"),
    Sector.SATELLITE_NAVIGATION: mark("Sector", "satellite navigation"),
    Sector.SCIENCE_AND_TECHNOLOGY: mark("Sector", "science and technology"),
    Sector.SECURITY: mark("Sector", "security"),
    Sector.SEMICONDUCTORS: mark("Sector", "semiconductors"),
    Sector.SPACE: mark("Sector", "space"),
    Sector.SPORT: mark("Sector", "sport"),
    Sector.TELECOMMUNICATIONS: mark("Sector", "telecommunications"),
    Sector.TOURISM: mark("Sector", "tourism"),
    Sector.TRANSPORT: mark("Sector", "transport"),
    Sector.WATER: mark("Sector", "water resources"),
}

_AGREEMENT_FORMS: Final = {
    AgreementForm.AGREEMENT: mark("AgreementForm", "agreement"),
    AgreementForm.MEMORANDUM: mark("AgreementForm", "memorandum"),
    AgreementForm.PLAN: mark("AgreementForm", "plan"),
    AgreementForm.PROTOCOL: mark("AgreementForm", "protocol"),
    AgreementForm.PROGRAMME: mark("AgreementForm", "programme"),
    AgreementForm.TREATY: mark("AgreementForm", "treaty"),
    AgreementForm.CONVENTION: mark("AgreementForm", "convention"),
    AgreementForm.EXCHANGE_OF_NOTES: mark("AgreementForm", "exchange of notes"),
    AgreementForm.ACTION_PLAN: mark("AgreementForm", "action plan"),
    AgreementForm.ROAD_MAP: mark("AgreementForm", "road map"),
    AgreementForm.DECISION: mark("AgreementForm", "decision"),
    AgreementForm.CHARTER: mark("AgreementForm", "charter"),
    AgreementForm.LETTER_OF_INTENT: mark("AgreementForm", "letter of intent"),
    AgreementForm.CONTRACT: mark("AgreementForm", "contract"),
    AgreementForm.MINUTES: mark("AgreementForm", "minutes"),
}

_DOCUMENT_STATUSES: Final = {
    DocumentStatus.DRAFT: mark("DocumentStatus", "draft"),
    DocumentStatus.SIGNED: mark("DocumentStatus", "signed"),
    DocumentStatus.RATIFIED: mark("DocumentStatus", "ratified"),
    DocumentStatus.IN_FORCE: mark("DocumentStatus", "in force"),
    DocumentStatus.EXPIRED: mark("DocumentStatus", "expired"),
    DocumentStatus.TERMINATED: mark("DocumentStatus", "terminated"),
    DocumentStatus.SUPERSEDED: mark("DocumentStatus", "superseded"),
    DocumentStatus.PROVISIONALLY_APPLIED: mark("DocumentStatus", "provisionally applied"),
    DocumentStatus.SUSPENDED: mark("DocumentStatus", "suspended"),
    DocumentStatus.WITHDRAWN: mark("DocumentStatus", "withdrawn"),
}

_DOCUMENT_EVENT_KINDS: Final = {
    DocumentEventKind.SIGNATURE: mark("DocumentEventKind", "signature"),
    DocumentEventKind.ADOPTION: mark("DocumentEventKind", "adoption"),
    DocumentEventKind.RATIFICATION: mark("DocumentEventKind", "ratification"),
    DocumentEventKind.PROVISIONAL_APPLICATION: mark("DocumentEventKind", "provisional application"),
    DocumentEventKind.ENTRY_INTO_FORCE: mark("DocumentEventKind", "entry into force"),
    DocumentEventKind.EXTENSION: mark("DocumentEventKind", "extension"),
    DocumentEventKind.SUSPENSION: mark("DocumentEventKind", "suspension"),
    DocumentEventKind.RESUMPTION: mark("DocumentEventKind", "resumption"),
    DocumentEventKind.WITHDRAWAL: mark("DocumentEventKind", "withdrawal"),
    DocumentEventKind.EXPIRY: mark("DocumentEventKind", "expiry"),
    DocumentEventKind.TERMINATION: mark("DocumentEventKind", "termination"),
    DocumentEventKind.SUPERSESSION: mark("DocumentEventKind", "supersession"),
}

_COMMITTEE_KINDS: Final = {
    CommitteeKind.COMMITTEE: mark("CommitteeKind", "committee"),
    CommitteeKind.COMMISSION: mark("CommitteeKind", "commission"),
    CommitteeKind.SUBCOMMISSION: mark("CommitteeKind", "subcommission"),
    CommitteeKind.WORKING_GROUP: mark("CommitteeKind", "working group"),
    CommitteeKind.COUNCIL: mark("CommitteeKind", "council"),
}

_CADENCES: Final = {
    Cadence.ANNUAL: mark("Cadence", "annual"),
    Cadence.SEMIANNUAL: mark("Cadence", "twice a year"),
    Cadence.BIENNIAL: mark("Cadence", "every two years"),
    Cadence.IRREGULAR: mark("Cadence", "irregular"),
}

_MEETING_LEVELS: Final = {
    MeetingLevel.LEADERS: mark("MeetingLevel", "leaders"),
    MeetingLevel.MINISTERIAL: mark("MeetingLevel", "ministerial"),
    MeetingLevel.VICE_MINISTERIAL: mark("MeetingLevel", "vice-ministerial"),
    MeetingLevel.SENIOR_OFFICIALS: mark("MeetingLevel", "senior officials"),
    MeetingLevel.WORKING_GROUP: mark("MeetingLevel", "working group"),
    MeetingLevel.PARLIAMENTARY: mark("MeetingLevel", "parliamentary"),
    MeetingLevel.PARTY: mark("MeetingLevel", "party"),
}

_MEETING_FORMATS: Final = {
    MeetingFormat.IN_PERSON: mark("MeetingFormat", "in person"),
    MeetingFormat.VIDEO_LINK: mark("MeetingFormat", "by video link"),
    MeetingFormat.PHONE: mark("MeetingFormat", "by telephone"),
    MeetingFormat.HYBRID: mark("MeetingFormat", "hybrid"),
}

_ATTENDANCE_ROLES: Final = {
    AttendanceRole.MEMBER: mark("AttendanceRole", "member"),
    AttendanceRole.CHAIR: mark("AttendanceRole", "chair"),
    AttendanceRole.HOST: mark("AttendanceRole", "host"),
    AttendanceRole.OBSERVER: mark("AttendanceRole", "observer"),
    AttendanceRole.GUEST: mark("AttendanceRole", "guest"),
    AttendanceRole.DIALOGUE_PARTNER: mark("AttendanceRole", "dialogue partner"),
}

_BODY_KINDS: Final = {
    BodyKind.GOVERNMENT: mark("BodyKind", "government"),
    BodyKind.MINISTRY: mark("BodyKind", "ministry"),
    BodyKind.AGENCY: mark("BodyKind", "government agency"),
    BodyKind.LEGISLATURE: mark("BodyKind", "legislature"),
    BodyKind.REGIONAL_GOVERNMENT: mark("BodyKind", "regional government"),
    BodyKind.POLITICAL_PARTY: mark("BodyKind", "political party"),
    BodyKind.STATE_COMPANY: mark("BodyKind", "state company"),
    BodyKind.CENTRAL_BANK: mark("BodyKind", "central bank"),
    BodyKind.COURT: mark("BodyKind", "court"),
    BodyKind.ORGAN: mark("BodyKind", "state organ"),
    BodyKind.OTHER: mark("BodyKind", "other body"),
}

_ORGANIZATION_KINDS: Final = {
    OrganizationKind.INTERGOVERNMENTAL: mark("OrganizationKind", "intergovernmental organisation"),
    OrganizationKind.REGIONAL: mark("OrganizationKind", "regional organisation"),
    OrganizationKind.FORUM: mark("OrganizationKind", "forum"),
    OrganizationKind.SPECIALIZED_AGENCY: mark("OrganizationKind", "UN specialised agency"),
    OrganizationKind.UN_PROGRAMME: mark("OrganizationKind", "UN programme or fund"),
    OrganizationKind.RELATED_ORGANIZATION: mark("OrganizationKind", "UN related organisation"),
    OrganizationKind.MILITARY_ALLIANCE: mark("OrganizationKind", "military alliance"),
    OrganizationKind.DEVELOPMENT_BANK: mark("OrganizationKind", "development bank"),
}

_MEMBERSHIP_STATUSES: Final = {
    MembershipStatus.MEMBER: mark("MembershipStatus", "member"),
    MembershipStatus.OBSERVER: mark("MembershipStatus", "observer"),
    MembershipStatus.DIALOGUE_PARTNER: mark("MembershipStatus", "dialogue partner"),
    MembershipStatus.PARTNER: mark("MembershipStatus", "partner"),
    MembershipStatus.ASSOCIATE: mark("MembershipStatus", "associate member"),
    MembershipStatus.SUSPENDED: mark("MembershipStatus", "suspended member"),
    MembershipStatus.INVITED: mark("MembershipStatus", "invited to join"),
}

_RELATION_EVENT_KINDS: Final = {
    RelationEventKind.RECOGNITION: mark("RelationEventKind", "recognition"),
    RelationEventKind.ESTABLISHMENT: mark("RelationEventKind", "establishment of ties"),
    RelationEventKind.SUSPENSION: mark("RelationEventKind", "suspension of ties"),
    RelationEventKind.RESTORATION: mark("RelationEventKind", "restoration of ties"),
    RelationEventKind.SEVERANCE: mark("RelationEventKind", "severance of ties"),
    RelationEventKind.DOWNGRADE: mark("RelationEventKind", "downgrade of ties"),
    RelationEventKind.UPGRADE: mark("RelationEventKind", "upgrade of ties"),
}

_RELATION_STATUSES: Final = {
    RelationStatus.NONE: mark("RelationStatus", "no diplomatic relations"),
    RelationStatus.ACTIVE: mark("RelationStatus", "diplomatic relations"),
    RelationStatus.SUSPENDED: mark("RelationStatus", "relations suspended"),
    RelationStatus.SEVERED: mark("RelationStatus", "relations severed"),
}

_CLAIM_KINDS: Final = {
    ClaimKind.ANNIVERSARY: mark("ClaimKind", "anniversary"),
    ClaimKind.DATE: mark("ClaimKind", "date"),
    ClaimKind.PLACE: mark("ClaimKind", "place"),
    ClaimKind.ORDINAL: mark("ClaimKind", "number in a series"),
    ClaimKind.PARTNERSHIP_LEVEL: mark("ClaimKind", "partnership level"),
    ClaimKind.PARTY: mark("ClaimKind", "party"),
    ClaimKind.COUNT: mark("ClaimKind", "count"),
}

_CLAIM_SUBJECTS: Final = {
    ClaimSubject.MEETING: mark("ClaimSubject", "meeting"),
    ClaimSubject.SERIES: mark("ClaimSubject", "meeting series"),
    ClaimSubject.RELATION: mark("ClaimSubject", "relation"),
    ClaimSubject.DOCUMENT: mark("ClaimSubject", "document"),
}

_TABLES: Final[dict[type[enum.Enum], Mapping[Any, Message]]] = {
    MeetingKind: _MEETING_KINDS,
    Role: _ROLES,
    OfficeKind: _OFFICE_KINDS,
    Sector: _SECTORS,
    AgreementForm: _AGREEMENT_FORMS,
    DocumentStatus: _DOCUMENT_STATUSES,
    DocumentEventKind: _DOCUMENT_EVENT_KINDS,
    CommitteeKind: _COMMITTEE_KINDS,
    Cadence: _CADENCES,
    MeetingLevel: _MEETING_LEVELS,
    MeetingFormat: _MEETING_FORMATS,
    AttendanceRole: _ATTENDANCE_ROLES,
    BodyKind: _BODY_KINDS,
    OrganizationKind: _ORGANIZATION_KINDS,
    MembershipStatus: _MEMBERSHIP_STATUSES,
    RelationEventKind: _RELATION_EVENT_KINDS,
    RelationStatus: _RELATION_STATUSES,
    ClaimKind: _CLAIM_KINDS,
    ClaimSubject: _CLAIM_SUBJECTS,
}

#: The enumerations `label` knows.
LABELLED_ENUMS: Final = tuple(_TABLES)


def message_for(member: enum.Enum) -> Message:
    """The untranslated label of an enum member.

    Raises:
        TypeError: `member` is not a member of one of `LABELLED_ENUMS`.
    """
    table = _TABLES.get(type(member))
    if table is None:
        names = ", ".join(kind.__name__ for kind in LABELLED_ENUMS)
        raise ArgumentTypeError(f"label() needs a member of {names} (got {member!r})")
    return table[member]


def label(member: enum.Enum, locale: str) -> str:
    """What a reader of a language calls an enum member.

    Labels are lower-case, as they read inside a sentence. Languages without
    a catalog get the English label.

    Args:
        member: A member of one of `LABELLED_ENUMS`: `MeetingKind`, `Role`,
            `OfficeKind`, `Sector`, `AgreementForm`, `DocumentStatus`,
            `CommitteeKind`, `Cadence`, `MeetingLevel`, `MeetingFormat`,
            `AttendanceRole`, `BodyKind`, `OrganizationKind` or
            `MembershipStatus`.
        locale: A locale identifier.

    Returns:
        The label.

    Raises:
        TypeError: `member` is not a member of one of those enums.
        ValueError: The locale is unknown.

    >>> from diplomodel.model.sectors import Sector
    >>> from diplomodel.model.meetings import MeetingKind
    >>> label(Sector.MARITIME_SEARCH_AND_RESCUE, "en")
    'maritime search and rescue'
    >>> label(MeetingKind.REGULAR_MEETING, "ru"), label(MeetingKind.REGULAR_MEETING, "zh")
    ('регулярная встреча', '定期会晤')
    >>> from diplomodel.model.meetings import MeetingFormat
    >>> label(MeetingFormat.VIDEO_LINK, "ru"), label(MeetingFormat.VIDEO_LINK, "zh")
    ('по видеосвязи', '视频连线')
    """
    message = message_for(member)
    return translator(locale).p_(message.context, message.text)
