"""Reading news reports of diplomacy into typed, checkable data.

`extract` returns an `Extraction`; `Extraction.to_dossier` turns it into
proposed records. See the how-to "Turn a report into records".
"""

from diplomodel.extract._core import extract
from diplomodel.extract._extraction import Extraction
from diplomodel.extract._officials import names_match
from diplomodel.extract._results import (
    Anchor,
    AnniversaryKind,
    AnniversaryMention,
    DocumentKind,
    DocumentMention,
    EventKind,
    EventMention,
    Found,
    OfficialKind,
    OfficialMention,
    OrdinalMention,
    OrganizationMention,
    StateForm,
    StateMention,
)

__all__ = [
    "Anchor",
    "AnniversaryKind",
    "AnniversaryMention",
    "DocumentKind",
    "DocumentMention",
    "EventKind",
    "EventMention",
    "Extraction",
    "Found",
    "OfficialKind",
    "OfficialMention",
    "OrdinalMention",
    "OrganizationMention",
    "StateForm",
    "StateMention",
    "extract",
    "names_match",
]
