"""PLOVER codes for diplomodel's vocabularies: sectors, meetings and relation events.

PLOVER (Political Language Ontology for Verifiable Event Records, by the Open
Event Data Alliance) codes a political event as *what* happened (one of its
event types), *how* (a mode of that type) and *why* (one or more contexts).
This module says how diplomodel's closed vocabularies line up with it, so a
dossier's meetings, relation histories and fields of cooperation can be
compared with PLOVER-coded event data such as POLECAT:

- each `Sector` maps to the PLOVER context(s) it falls under
  (`plover_contexts`); a sector that no context covers maps to an empty
  tuple, never silently to a wrong one;
- each `MeetingKind` and each `RelationEventKind` maps to a `PloverCoding`,
  an event type with its mode where PLOVER has one (`plover_coding`), or to
  None where no event type fits (a commemoration: PLOVER dropped the
  categories for statements).

The codes follow the PLOVER manual, draft version 2.0 (`PLOVER_VERSION`).

>>> from diplomodel.model.meetings import MeetingKind
>>> plover_coding(MeetingKind.STATE_VISIT)
PloverCoding(event=<PloverEvent.CONSULT: 'CONSULT'>, mode=<PloverMode.VISIT: 'visit'>)
>>> [c.value for c in plover_contexts(Sector.COUNTER_TERRORISM)]
['terrorism']
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel.errors import ArgumentTypeError
from diplomodel.model.meetings import MeetingKind
from diplomodel.model.relations import RelationEventKind
from diplomodel.model.sectors import Sector

__all__ = [
    "MEETING_CODINGS",
    "PLOVER_VERSION",
    "RELATION_EVENT_CODINGS",
    "SECTOR_CONTEXTS",
    "PloverCoding",
    "PloverContext",
    "PloverEvent",
    "PloverMode",
    "plover_coding",
    "plover_contexts",
]

PLOVER_VERSION: Final = "2.0 (draft)"
"""The version of the PLOVER manual the codes here follow."""


class PloverEvent(enum.Enum):
    """A PLOVER event type: what happened. The values are PLOVER's own upper-case names.

    >>> PloverEvent("CONSULT").name
    'CONSULT'
    """

    AGREE = "AGREE"
    """A promise or offer to cooperate, or a meeting or signature still to come."""
    CONSULT = "CONSULT"
    """Meetings, visits, talks and calls of every kind (verbal cooperation)."""
    SUPPORT = "SUPPORT"
    """Diplomatic, non-material backing: recognition, ties set up, an agreement signed."""
    CONCEDE = "CONCEDE"
    """A verbal concession without immediate material effect (verbal cooperation)."""
    COOPERATE = "COOPERATE"
    """Mutual material cooperation: economic, military, judicial, intelligence."""
    AID = "AID"
    """Material help that benefits mainly the one receiving it."""
    RETREAT = "RETREAT"
    """A concession with material effect: a withdrawal, a release, a ceasefire."""
    REQUEST = "REQUEST"
    """Asking for something (verbal conflict)."""
    ACCUSE = "ACCUSE"
    """Blaming, criticising or alleging (verbal conflict)."""
    REJECT = "REJECT"
    """Refusing a proposal, a demand or a meeting (verbal conflict)."""
    THREATEN = "THREATEN"
    """A threat of harm or of sanctions (verbal conflict)."""
    PROTEST = "PROTEST"
    """Demonstrations, strikes and boycotts (material conflict)."""
    SANCTION = "SANCTION"
    """Any cut in existing relations, not only formal sanctions (material conflict)."""
    MOBILIZE = "MOBILIZE"
    """Forces put on alert or moved (material conflict)."""
    COERCE = "COERCE"
    """Arrests, expulsions of people, seizures (material conflict)."""
    ASSAULT = "ASSAULT"
    """Violence against people or property (material conflict)."""


class PloverMode(enum.Enum):
    """A PLOVER mode: how an event happened (the modes of CONSULT and SANCTION).

    >>> PloverMode("phone").name
    'PHONE'
    """

    VISIT = "visit"
    """CONSULT: one side travels to the other, which hosts."""
    THIRD_PARTY = "third-party"
    """CONSULT: a third party hosts the meeting."""
    MULTILATERAL = "multilateral"
    """CONSULT: the meeting takes place among many, in an alliance or an organisation."""
    PHONE = "phone"
    """CONSULT: by telephone or another remote medium."""
    CONVICT = "convict"
    """SANCTION: found guilty or liable by a court."""
    EXPEL = "expel"
    """SANCTION: an entity (diplomats among them) expelled from a group or a country."""
    WITHDRAW = "withdraw"
    """SANCTION: one's own people or resources (diplomats, observers) withdrawn."""
    DISCONTINUE = "discontinue"
    """SANCTION: diplomatic, commercial or material exchanges cut or ended."""


class PloverContext(enum.Enum):
    """A PLOVER context: what an event was about. The values are PLOVER's own names.

    >>> PloverContext("natural_resource").name
    'NATURAL_RESOURCE'
    """

    MILITARY = "military"
    """The armed forces of states, and military assistance."""
    INTELLIGENCE = "intelligence"
    """State intelligence services and what they gather."""
    EXECUTIVE = "executive"
    """Governments, executive agencies and their heads."""
    LEGISLATIVE = "legislative"
    """Parliaments and their debates and coalitions."""
    ELECTION = "election"
    """Elections and campaigns."""
    POLITICAL_INSTITUTIONS = "political_institutions"
    """Changes to political bodies and parties, and unusual dealings between them."""
    PRO_DEMOCRACY = "pro_democracy"
    """Steps towards democracy."""
    PRO_AUTOCRACY = "pro_autocracy"
    """Steps towards autocracy."""
    ECONOMIC = "economic"
    """The economy: trade, finance, development, growth and monetary policy."""
    LEGAL = "legal"
    """Courts, judges, and national and international law."""
    REPARATIONS = "reparations"
    """Compensation for past harm."""
    HUMAN_RIGHTS = "human_rights"
    """Human rights in general."""
    RIGHTS_FREEDOMS = "rights_freedoms"
    """Political rights, civil liberties and the freedom of the press."""
    REPRESSION = "repression"
    """Repression by security forces."""
    HUMAN_SECURITY = "human_security"
    """Access to water, food, housing, energy and land."""
    GENDER = "gender"
    """Women's issues and gender equality."""
    LGBT = "lgbt"
    """LGBTQ issues."""
    RELIGION_ETHNICITY = "religion_ethnicity"
    """Religious, ethnic, caste and language questions."""
    INEQUALITY = "inequality"
    """The unequal sharing of resources and chances."""
    DIPLOMATIC = "diplomatic"
    """Diplomacy, between states or within one."""
    TERRITORY = "territory"
    """Disputes over territory and displacements from it."""
    PEACEKEEPING = "peacekeeping"
    """Peacekeeping operations, most often multilateral."""
    HEALTH = "health"
    """Public health, disease and epidemics."""
    ASYLUM = "asylum"
    """Asylum sought or granted."""
    MIGRATION = "migration"
    """Migrants, refugees and displaced people."""
    DISASTERS = "disasters"
    """Natural disasters and accidents."""
    NATURAL_RESOURCE = "natural_resource"
    """Natural resources: their extraction, trade and the dependence on them."""
    ENVIRONMENT = "environment"
    """Pollution, environmental policy and environmental cooperation."""
    TECHNOLOGY = "technology"
    """New technology, its development and high-tech industry."""
    TERRORISM = "terrorism"
    """Terrorist groups and the fight against them."""
    CBRN = "cbrn"
    """Chemical, biological, radiological and nuclear weapons."""
    CYBER = "cyber"
    """Cyber attacks and computer crime."""
    MISINFORMATION = "misinformation"
    """Misinformation and influence operations."""
    CRIME = "crime"
    """Crime in general, where no more specific context applies."""
    CORRUPTION = "corruption"
    """The abuse of public office: corruption, bribery, nepotism."""
    ILLEGAL_DRUGS = "illegal_drugs"
    """The making, trade and possession of illegal drugs."""
    TRAFFICKING = "trafficking"
    """The smuggling of people, drugs, animals or goods."""


@frozen(kw_only=True)
class PloverCoding:
    """A PLOVER event type with its mode, if it has one.

    Args:
        event: The event type.
        mode: The mode, or None.

    >>> PloverCoding(event=PloverEvent.SANCTION, mode=PloverMode.DISCONTINUE).mode.value
    'discontinue'
    """

    event: PloverEvent = field(validator=v.enum_member(PloverEvent))
    mode: PloverMode | None = field(default=None, validator=v.optional(v.enum_member(PloverMode)))


_C = PloverContext
_S = Sector

SECTOR_CONTEXTS: Final[Mapping[Sector, tuple[PloverContext, ...]]] = MappingProxyType(
    {
        _S.AGRICULTURE: (_C.ECONOMIC,),
        _S.ANTI_CORRUPTION: (_C.CORRUPTION,),
        _S.ARMS_CONTROL: (_C.MILITARY, _C.CBRN),
        _S.ARTIFICIAL_INTELLIGENCE: (_C.TECHNOLOGY,),
        _S.AVIATION: (_C.ECONOMIC, _C.TECHNOLOGY),
        _S.BIOMEDICINE: (_C.HEALTH, _C.TECHNOLOGY),
        _S.CHEMICAL_INDUSTRY: (_C.ECONOMIC,),
        _S.CITIZEN_EXCHANGES: (),
        _S.CLIMATE_CHANGE: (_C.ENVIRONMENT,),
        _S.COUNTER_TERRORISM: (_C.TERRORISM,),
        _S.CROSS_BORDER_CARGO_TRANSPORT: (_C.ECONOMIC,),
        _S.CULTURE: (),
        _S.CUSTOMS: (_C.ECONOMIC,),
        _S.CYBERSECURITY: (_C.CYBER,),
        _S.DEFENCE: (_C.MILITARY,),
        _S.DIGITAL_ECONOMY: (_C.ECONOMIC, _C.TECHNOLOGY),
        _S.DISASTER_MANAGEMENT: (_C.DISASTERS,),
        _S.DRUG_CONTROL: (_C.ILLEGAL_DRUGS,),
        _S.ECONOMY_AND_TRADE: (_C.ECONOMIC,),
        _S.EDUCATION: (),
        _S.ENERGY: (_C.ECONOMIC, _C.NATURAL_RESOURCE),
        _S.ENVIRONMENT: (_C.ENVIRONMENT,),
        _S.FINANCE: (_C.ECONOMIC,),
        _S.FISHERIES: (_C.ECONOMIC, _C.NATURAL_RESOURCE),
        _S.FOOD_SECURITY: (_C.HUMAN_SECURITY,),
        _S.GREEN_CONSTRUCTION: (_C.ECONOMIC, _C.ENVIRONMENT),
        _S.GREEN_DEVELOPMENT: (_C.ECONOMIC, _C.ENVIRONMENT),
        _S.HEALTH: (_C.HEALTH,),
        _S.HUMAN_RIGHTS: (_C.HUMAN_RIGHTS,),
        _S.HUMANITARIAN_AID: (_C.HUMAN_SECURITY,),
        _S.HUMANITIES: (),
        _S.INDUSTRY: (_C.ECONOMIC,),
        _S.INFRASTRUCTURE: (_C.ECONOMIC,),
        _S.INTELLECTUAL_PROPERTY: (_C.LEGAL, _C.ECONOMIC),
        _S.INTERGOVERNMENTAL_COORDINATION: (_C.EXECUTIVE,),
        _S.INTERNATIONAL_AFFAIRS: (_C.DIPLOMATIC,),
        _S.INVESTMENT: (_C.ECONOMIC,),
        _S.JUSTICE: (_C.LEGAL,),
        _S.MARITIME_SEARCH_AND_RESCUE: (_C.DISASTERS,),
        _S.MEDIA: (),
        _S.MIGRATION: (_C.MIGRATION,),
        _S.MINERAL_RESOURCES: (_C.NATURAL_RESOURCE,),
        _S.NUCLEAR_ENERGY: (_C.ECONOMIC, _C.TECHNOLOGY),
        _S.PEACEKEEPING: (_C.PEACEKEEPING,),
        _S.PEOPLE_TO_PEOPLE_EXCHANGES: (),
        _S.PHARMACEUTICALS: (_C.HEALTH, _C.ECONOMIC),
        _S.POLAR_RESEARCH: (_C.TECHNOLOGY, _C.ENVIRONMENT),
        _S.REGIONAL_COOPERATION: (),
        _S.SATELLITE_NAVIGATION: (_C.TECHNOLOGY,),
        _S.SCIENCE_AND_TECHNOLOGY: (_C.TECHNOLOGY,),
        _S.SECURITY: (_C.CRIME,),
        _S.SEMICONDUCTORS: (_C.TECHNOLOGY, _C.ECONOMIC),
        _S.SPACE: (_C.TECHNOLOGY,),
        _S.SPORT: (),
        _S.TELECOMMUNICATIONS: (_C.TECHNOLOGY, _C.ECONOMIC),
        _S.TOURISM: (_C.ECONOMIC,),
        _S.TRANSPORT: (_C.ECONOMIC,),
        _S.WATER: (_C.HUMAN_SECURITY, _C.NATURAL_RESOURCE),
    }
)
"""The PLOVER contexts of each sector, the closest first; an empty tuple: no context covers it.

Culture, education, sport, the media and exchanges between peoples have no
PLOVER context (its contexts are about politics, security and the economy),
so they are mapped to none rather than to a wrong one.
"""

_E, _M = PloverEvent, PloverMode
_CONSULT = PloverCoding(event=_E.CONSULT)
_VISIT = PloverCoding(event=_E.CONSULT, mode=_M.VISIT)
_REMOTE = PloverCoding(event=_E.CONSULT, mode=_M.PHONE)
_BACKING = PloverCoding(event=_E.SUPPORT)

MEETING_CODINGS: Final[Mapping[MeetingKind, PloverCoding | None]] = MappingProxyType(
    {
        MeetingKind.REGULAR_MEETING: _CONSULT,
        MeetingKind.SUMMIT: _CONSULT,
        MeetingKind.STATE_VISIT: _VISIT,
        MeetingKind.OFFICIAL_VISIT: _VISIT,
        MeetingKind.WORKING_VISIT: _VISIT,
        MeetingKind.TALKS: _CONSULT,
        MeetingKind.CONSULTATIONS: _CONSULT,
        MeetingKind.PHONE_CALL: _REMOTE,
        MeetingKind.VIDEO_CONFERENCE: _REMOTE,
        MeetingKind.MINISTERIAL_MEETING: _CONSULT,
        MeetingKind.COMMITTEE_SESSION: _CONSULT,
        MeetingKind.SIGNING_CEREMONY: _BACKING,
        MeetingKind.RECEPTION: _CONSULT,
        MeetingKind.COMMEMORATION: None,
        MeetingKind.DIALOGUE: _CONSULT,
        MeetingKind.OTHER: None,
    }
)
"""The PLOVER coding of each kind of meeting; None: no event type fits.

Every meeting, visit and call is a CONSULT (a visit in the VISIT mode, a
call or a video link in the PHONE mode); a signing ceremony is a SUPPORT,
which covers signing an agreement. A commemoration is a public statement,
which PLOVER does not code; "other" says too little to choose.
"""

_K = RelationEventKind
RELATION_EVENT_CODINGS: Final[Mapping[RelationEventKind, PloverCoding | None]] = MappingProxyType(
    {
        _K.RECOGNITION: _BACKING,
        _K.ESTABLISHMENT: _BACKING,
        _K.RESTORATION: _BACKING,
        _K.UPGRADE: _BACKING,
        _K.SUSPENSION: PloverCoding(event=_E.SANCTION, mode=_M.DISCONTINUE),
        _K.SEVERANCE: PloverCoding(event=_E.SANCTION, mode=_M.DISCONTINUE),
        _K.DOWNGRADE: PloverCoding(event=_E.SANCTION, mode=_M.WITHDRAW),
    }
)
"""The PLOVER coding of each relation event.

Recognising a state or a government, setting up ties, restoring them and
raising their level are SUPPORT (diplomatic cooperation begun, resumed or
improved); suspending or breaking off ties is a SANCTION that discontinues
diplomatic exchanges, and recalling diplomats (a downgrade) one that
withdraws them.
"""


def plover_contexts(sectors: Sector | Iterable[Sector]) -> tuple[PloverContext, ...]:
    """The PLOVER contexts of one sector or of several, each once, in order.

    Args:
        sectors: A `Sector`, or several (a meeting's or a document's `sectors`).

    Returns:
        The contexts; empty if none covers them.

    Raises:
        ArgumentTypeError: Something other than a `Sector` was given (a `TypeError`).

    >>> [c.value for c in plover_contexts([Sector.ENERGY, Sector.INVESTMENT, Sector.CULTURE])]
    ['economic', 'natural_resource']
    """
    given = (sectors,) if isinstance(sectors, Sector) else tuple(sectors)
    found: dict[PloverContext, None] = {}
    for sector in given:
        if not isinstance(sector, Sector):
            raise ArgumentTypeError(f"expected a Sector (got {type(sector).__name__})")
        found.update(dict.fromkeys(SECTOR_CONTEXTS[sector]))
    return tuple(found)


def plover_coding(kind: MeetingKind | RelationEventKind) -> PloverCoding | None:
    """The PLOVER event type (and mode) of a kind of meeting or of relation event.

    Args:
        kind: A `MeetingKind` or a `RelationEventKind`.

    Returns:
        The coding, or None if no PLOVER event type fits.

    Raises:
        ArgumentTypeError: `kind` is of another type (a `TypeError`).

    >>> plover_coding(RelationEventKind.SEVERANCE).event
    <PloverEvent.SANCTION: 'SANCTION'>
    >>> plover_coding(MeetingKind.COMMEMORATION) is None
    True
    """
    if isinstance(kind, MeetingKind):
        return MEETING_CODINGS[kind]
    if isinstance(kind, RelationEventKind):
        return RELATION_EVENT_CODINGS[kind]
    raise ArgumentTypeError(
        f"expected a MeetingKind or a RelationEventKind (got {type(kind).__name__})"
    )
