"""diplomodel: a typed, immutable domain model of diplomacy.

Everything public is importable from here and listed in `__all__`.

>>> import diplomodel
>>> dossier = diplomodel.load_example()
>>> meeting = dossier.meeting("cn-ru-heads-of-government-29")
>>> meeting.ordinal, str(meeting.start), meeting.place.locality
(29, '2024-08-21', 'Moscow')
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any, Final

from diplomodel.dates import Direction, PartialDate, Precision, Weekday, parse_date, resolve_weekday
from diplomodel.errors import (
    MAX_MESSAGE,
    MAX_PROBLEMS,
    ArgumentTypeError,
    DataError,
    DiplomodelError,
    InvalidArgumentError,
    Problem,
    ProblemCollector,
    UnknownExampleError,
    UnknownIdError,
    UnknownOrganizationError,
    UnknownRuleError,
    UnknownStateError,
)
from diplomodel.issues import Issue
from diplomodel.model.actors import Actor, Body, BodyKind, actor_key
from diplomodel.model.claims import Claim, ClaimId, ClaimKind, ClaimSubject
from diplomodel.model.cooperation import Committee, CommitteeKind
from diplomodel.model.documents import (
    AgreementForm,
    Communique,
    CooperationAgreement,
    Declaration,
    Document,
    DocumentBatch,
    JointStatement,
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
from diplomodel.model.lifecycle import DocumentEvent, DocumentEventKind, DocumentStatus
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
from diplomodel.model.relations import (
    BilateralRelation,
    PartnershipLevel,
    RelationEvent,
    RelationEventKind,
    RelationStatus,
    Succession,
    ThematicYear,
)
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
from diplomodel.states import State, StateRegistry, states

if TYPE_CHECKING:  # the names below are loaded on first use (see _LAZY)
    from diplomodel.anniversaries import (
        Anniversary,
        LeapDayPolicy,
        anniversaries,
        anniversary_in_year,
        anniversary_number,
        is_jubilee,
        next_anniversary,
    )
    from diplomodel.arrow import (
        duckdb_connect,
        from_arrow,
        iter_parquet,
        read_parquet,
        schema_of,
        to_arrow,
        write_parquet,
    )
    from diplomodel.dossier import Dossier, Entity, load_example
    from diplomodel.extract import (
        Anchor,
        AnniversaryKind,
        AnniversaryMention,
        DocumentKind,
        DocumentMention,
        EventKind,
        EventMention,
        Extraction,
        Found,
        OfficialKind,
        OfficialMention,
        OrdinalMention,
        OrganizationMention,
        StateForm,
        StateMention,
        extract,
        names_match,
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
    from diplomodel.plover import (
        MEETING_CODINGS,
        PLOVER_VERSION,
        RELATION_EVENT_CODINGS,
        SECTOR_CONTEXTS,
        PloverCoding,
        PloverContext,
        PloverEvent,
        PloverMode,
        plover_coding,
        plover_contexts,
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
        parse_json,
        paused_gc,
        to_dict,
        to_json,
        to_json_bytes,
    )
    from diplomodel.timeline import TimelineEntry, UpcomingAnniversary
    from diplomodel.validation import (
        DEFAULT_RULES,
        Finding,
        Report,
        Rule,
        Rules,
        Severity,
        rule,
        validate,
    )

# Modules that need a parser, babel or the optional libraries load when one of their names
# is first used: `import diplomodel` stays light. Export a name from one of these modules
# by adding it to the TYPE_CHECKING imports above, to this table and to __all__.
_LAZY: Final[dict[str, str]] = {  # module: the names it exports, separated by spaces
    "diplomodel.anniversaries": (
        "Anniversary LeapDayPolicy anniversaries anniversary_in_year anniversary_number "
        "is_jubilee next_anniversary"
    ),
    "diplomodel.arrow": (
        "duckdb_connect from_arrow iter_parquet read_parquet schema_of to_arrow write_parquet"
    ),
    "diplomodel.dossier": "Dossier Entity load_example",
    "diplomodel.extract": (
        "Anchor AnniversaryKind AnniversaryMention DocumentKind DocumentMention EventKind "
        "EventMention Extraction Found OfficialKind OfficialMention OrdinalMention "
        "OrganizationMention StateForm StateMention extract names_match"
    ),
    "diplomodel.files": "JsonlReader atomic_writer iter_jsonl write_jsonl",
    "diplomodel.i18n": (
        "anniversary_phrase describe format_date format_date_range format_list label ordinal "
        "person_name state_name"
    ),
    "diplomodel.interchange": "ftm_id to_ftm to_ical to_jsonld to_popolo",
    "diplomodel.plover": (
        "MEETING_CODINGS PLOVER_VERSION RELATION_EVENT_CODINGS SECTOR_CONTEXTS PloverCoding "
        "PloverContext PloverEvent PloverMode plover_coding plover_contexts"
    ),
    "diplomodel.serialization": (
        "DOCUMENT_TAGS FORMAT_VERSION MIGRATIONS Migration envelope from_dict from_json "
        "json_schema make_converter open_envelope parse_json paused_gc to_dict to_json "
        "to_json_bytes"
    ),
    "diplomodel.timeline": "TimelineEntry UpcomingAnniversary",
    "diplomodel.validation": "DEFAULT_RULES Finding Report Rule Rules Severity rule validate",
}
_HOMES: Final[dict[str, str]] = {
    name: module for module, names in _LAZY.items() for name in names.split()
}


def __getattr__(name: str) -> Any:
    """Load a lazily exported name from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'diplomodel' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names, the lazily exported ones included."""
    return sorted({*globals(), *_HOMES})


class _Package(types.ModuleType):
    """The package's module type: a submodule never hides the public name it shares.

    ``diplomodel.extract`` is the function, as it was when every name was
    imported eagerly; importing the subpackage ``diplomodel.extract`` (which
    binds it on its parent) must not replace it.
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _HOMES and isinstance(value, types.ModuleType):
            return  # the module stays in sys.modules; the name is what __getattr__ loads
        super().__setattr__(name, value)

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        """Pickle the package by name, as a plain module is pickled.

        Spark sends functions that refer to ``diplomodel`` through cloudpickle.
        """
        return importlib.import_module, (self.__name__,)


sys.modules[__name__].__class__ = _Package

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_RULES",
    "DOCUMENT_TAGS",
    "FORMAT_VERSION",
    "MAX_MESSAGE",
    "MAX_PROBLEMS",
    "MEETING_CODINGS",
    "MIGRATIONS",
    "PLOVER_VERSION",
    "RELATION_EVENT_CODINGS",
    "SECTOR_CONTEXTS",
    "Actor",
    "AgreementForm",
    "Anchor",
    "Anniversary",
    "AnniversaryKind",
    "AnniversaryMention",
    "ArgumentTypeError",
    "Attendance",
    "AttendanceRole",
    "BilateralRelation",
    "Body",
    "BodyId",
    "BodyKind",
    "Cadence",
    "Claim",
    "ClaimId",
    "ClaimKind",
    "ClaimSubject",
    "Committee",
    "CommitteeId",
    "CommitteeKind",
    "CommitteeReport",
    "Communique",
    "CooperationAgreement",
    "DataError",
    "Declaration",
    "DiplomodelError",
    "Direction",
    "Document",
    "DocumentBatch",
    "DocumentEvent",
    "DocumentEventKind",
    "DocumentId",
    "DocumentKind",
    "DocumentMention",
    "DocumentStatus",
    "Dossier",
    "Entity",
    "EventKind",
    "EventMention",
    "Extraction",
    "Finding",
    "Found",
    "InvalidArgumentError",
    "Issue",
    "JointStatement",
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
    "OfficialKind",
    "OfficialMention",
    "OrdinalMention",
    "Organization",
    "OrganizationKind",
    "OrganizationMention",
    "OrganizationRegistry",
    "PartialDate",
    "Participation",
    "PartnershipLevel",
    "Person",
    "PersonId",
    "Place",
    "PloverCoding",
    "PloverContext",
    "PloverEvent",
    "PloverMode",
    "Precision",
    "Problem",
    "ProblemCollector",
    "RelationEvent",
    "RelationEventKind",
    "RelationId",
    "RelationStatus",
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
    "StateForm",
    "StateMention",
    "StateRegistry",
    "Statement",
    "StatementId",
    "Succession",
    "Tenure",
    "ThematicYear",
    "ThematicYearId",
    "TimelineEntry",
    "UnknownExampleError",
    "UnknownIdError",
    "UnknownOrganizationError",
    "UnknownRuleError",
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
    "duckdb_connect",
    "envelope",
    "extract",
    "format_date",
    "format_date_range",
    "format_list",
    "from_arrow",
    "from_dict",
    "from_json",
    "ftm_id",
    "is_jubilee",
    "iter_jsonl",
    "iter_parquet",
    "json_schema",
    "label",
    "load_example",
    "make_converter",
    "names_match",
    "next_anniversary",
    "open_envelope",
    "ordinal",
    "organizations",
    "parse_date",
    "parse_json",
    "paused_gc",
    "person_name",
    "plover_coding",
    "plover_contexts",
    "read_parquet",
    "resolve_weekday",
    "rule",
    "schema_of",
    "state_name",
    "states",
    "to_arrow",
    "to_dict",
    "to_ftm",
    "to_ical",
    "to_json",
    "to_json_bytes",
    "to_jsonld",
    "to_popolo",
    "validate",
    "write_jsonl",
    "write_parquet",
]
