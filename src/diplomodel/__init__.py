"""diplomodel: a typed, immutable domain model of diplomacy.

Everything public is importable from here and listed in `__all__`.

>>> import diplomodel
>>> dossier = diplomodel.load_example()
>>> meeting = dossier.meeting("cn-ru-heads-of-government-29")
>>> meeting.ordinal, str(meeting.start), meeting.place.locality
(29, '2024-08-21', 'Moscow')
"""

from diplomodel.dates import PartialDate, Precision
from diplomodel.dossier import Dossier, Entity, load_example
from diplomodel.errors import DataError, DiplomodelError, Problem, UnknownStateError
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
    Cadence,
    CommitteeReport,
    Meeting,
    MeetingKind,
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
from diplomodel.serialization import (
    DOCUMENT_TAGS,
    FORMAT_VERSION,
    MIGRATIONS,
    Migration,
    envelope,
    from_dict,
    from_json,
    make_converter,
    open_envelope,
    to_dict,
    to_json,
)
from diplomodel.states import State, StateRegistry, states

__version__ = "0.1.0"

__all__ = [
    "DOCUMENT_TAGS",
    "FORMAT_VERSION",
    "MIGRATIONS",
    "AgreementForm",
    "BilateralRelation",
    "Cadence",
    "Committee",
    "CommitteeId",
    "CommitteeKind",
    "CommitteeReport",
    "Communique",
    "CooperationAgreement",
    "DataError",
    "DiplomodelError",
    "Document",
    "DocumentId",
    "DocumentStatus",
    "Dossier",
    "Entity",
    "Meeting",
    "MeetingId",
    "MeetingKind",
    "MeetingSeries",
    "Migration",
    "Office",
    "OfficeId",
    "OfficeKind",
    "PartialDate",
    "Participation",
    "PartnershipLevel",
    "Person",
    "PersonId",
    "Place",
    "Precision",
    "Problem",
    "RelationId",
    "Role",
    "Sector",
    "SeriesId",
    "Signature",
    "Source",
    "State",
    "StateRegistry",
    "Statement",
    "StatementId",
    "Tenure",
    "ThematicYear",
    "ThematicYearId",
    "UnknownStateError",
    "__version__",
    "envelope",
    "from_dict",
    "from_json",
    "load_example",
    "make_converter",
    "open_envelope",
    "states",
    "to_dict",
    "to_json",
]
