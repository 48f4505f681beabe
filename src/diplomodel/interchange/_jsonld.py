"""Export to schema.org JSON-LD: linked data that search engines and RDF tools read.

The output is plain JSON with its ``@context`` written inline, so reading it
needs no network. No extra package is needed to write it; to expand it or turn
it into RDF, use a JSON-LD processor such as pyld (the ``jsonld`` extra).
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from diplomodel.dossier import Dossier
from diplomodel.errors import ArgumentTypeError
from diplomodel.i18n import label
from diplomodel.interchange._common import (
    first_of_each,
    named_memberships,
    referenced_organizations,
    referenced_states,
    roles_at,
    undescribed_bodies,
)
from diplomodel.interchange._jsonld_history import claim_node, relation_event_nodes
from diplomodel.interchange._jsonld_terms import Json
from diplomodel.interchange._jsonld_terms import compact as _compact
from diplomodel.interchange._jsonld_terms import iri as _iri
from diplomodel.interchange._jsonld_terms import language_tag as _language
from diplomodel.interchange._jsonld_terms import ref as _ref
from diplomodel.interchange._jsonld_terms import source_nodes as _sources
from diplomodel.interchange._jsonld_terms import typed_date as _date
from diplomodel.model.actors import Actor, Body
from diplomodel.model.cooperation import Committee
from diplomodel.model.documents import (
    Communique,
    CooperationAgreement,
    Declaration,
    Document,
    DocumentBatch,
    DocumentStatus,
    JointStatement,
)
from diplomodel.model.lifecycle import DocumentEventKind
from diplomodel.model.meetings import Cadence, Meeting, MeetingFormat, MeetingSeries
from diplomodel.model.people import Office, Person
from diplomodel.model.places import Place
from diplomodel.model.relations import ThematicYear
from diplomodel.organizations import Membership, Organization
from diplomodel.states import State

__all__ = ["to_jsonld"]

_SCHEMA: Final = "http://schema.org/"
"""schema.org's namespace as its own JSON-LD context maps it (``http``, not ``https``)."""

_CONTEXT: Final[Mapping[str, Any]] = {
    "@vocab": _SCHEMA,
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "url": {"@id": f"{_SCHEMA}url", "@type": "@id"},
    "legislationLegalForce": {"@id": f"{_SCHEMA}legislationLegalForce", "@type": "@vocab"},
    "eventAttendanceMode": {"@id": f"{_SCHEMA}eventAttendanceMode", "@type": "@vocab"},
}

_REPEAT: Final = {Cadence.ANNUAL: "P1Y", Cadence.SEMIANNUAL: "P6M", Cadence.BIENNIAL: "P2Y"}

_MODE: Final = {
    MeetingFormat.IN_PERSON: "OfflineEventAttendanceMode",
    MeetingFormat.VIDEO_LINK: "OnlineEventAttendanceMode",
    MeetingFormat.PHONE: "OnlineEventAttendanceMode",
    MeetingFormat.HYBRID: "MixedEventAttendanceMode",
}
"""schema.org's attendance mode of each meeting format."""

_FORCE: Final = {
    DocumentStatus.IN_FORCE: "InForce",
    DocumentStatus.PROVISIONALLY_APPLIED: "PartiallyInForce",
    DocumentStatus.SUSPENDED: "NotInForce",
    DocumentStatus.EXPIRED: "NotInForce",
    DocumentStatus.TERMINATED: "NotInForce",
    DocumentStatus.SUPERSEDED: "NotInForce",
    DocumentStatus.WITHDRAWN: "NotInForce",
}

_GENRES: Final[Mapping[type[Document], str]] = {
    Communique: "joint communiqué",
    JointStatement: "joint statement",
    Declaration: "declaration",
}
"""The genre of a document that is neither an agreement nor a batch."""

_BINDING: Final = {True: "legally_binding", False: "not_legally_binding"}


def _expires(document: Document) -> Json | None:
    """When a document expired, or else the end of the term last set for all parties."""
    ended = _first(document, DocumentEventKind.EXPIRY)
    terms = [e.until for e in document.events if e.until is not None and e.party is None]
    return ended if ended is not None or not terms else _date(terms[-1])


def _first(document: Document, kind: DocumentEventKind) -> Json | None:
    """The date of the first event of a kind for all parties, typed by its precision."""
    found = [e.date for e in document.events if e.kind is kind and e.party is None]
    return _date(found[0]) if found else None


def _state(state: State) -> Json:
    names = [n for n in (state.iso_name, state.official_name) if n is not None and n != state.name]
    return _compact(
        {
            "@id": _iri("state", state.code),
            "@type": "Country",
            "name": state.name,
            "alternateName": names,
            "identifier": state.code,
        }
    )


def _organization(organization: Organization) -> Json:
    names: list[Any] = [{"@value": organization.name, "@language": "en"}]
    names += [{"@value": n, "@language": _language(loc)} for loc, n in organization.names.items()]
    acronyms = [a for forms in organization.acronyms.values() for a in forms]
    return _compact(
        {
            "@id": _iri("organization", organization.code),
            "@type": "Organization",
            "name": names,
            "alternateName": acronyms,
            "identifier": organization.code,
            "foundingDate": _date(organization.founded),
            "dissolutionDate": _date(organization.dissolved),
        }
    )


def _member_ref(member: State | Organization) -> Json:
    if isinstance(member, Organization):
        return _ref("organization", member.code)
    return _ref("state", member.code)


def _membership(organization: Organization, record: Membership) -> Json:
    """One standing in an organisation, in schema.org's role pattern (``memberOf`` in a Role)."""
    return _compact(
        {
            "@type": "OrganizationRole",
            "roleName": record.status.value,
            "memberOf": _ref("organization", organization.code),
            "startDate": _date(record.since),
            "endDate": _date(record.until),
            "description": record.note,
        }
    )


def _members(memberships: Iterable[tuple[Organization, Membership]]) -> list[Json]:
    """Each member's standings, as ``memberOf`` roles on a node that shares the member's id."""
    roles: dict[str, list[Json]] = {}
    for organization, record in memberships:
        roles.setdefault(_member_ref(record.member)["@id"], []).append(
            _membership(organization, record)
        )
    return [{"@id": member, "memberOf": held} for member, held in roles.items()]


def _undescribed_body(body: str) -> Json:
    """A body the dossier names but does not describe: a government organisation known by its id."""
    return {"@id": _iri("body", body), "@type": "GovernmentOrganization", "name": body}


def _place(place: Place | None) -> Json | None:
    if place is None:
        return None
    address = _compact(
        {
            "@type": "PostalAddress",
            "addressLocality": place.locality,
            "addressCountry": place.state.code,
        }
    )
    return _compact(
        {
            "@type": "Place",
            "name": str(place),
            "address": address,
            "containedInPlace": _state(place.state),
        }
    )


def _role(kind: str, role: str, prop: str, person: str) -> Json:
    """schema.org's role pattern: the property repeated inside a Role that names the role."""
    return {"@type": kind, "roleName": role, prop: _ref("person", person)}


class _Nodes:
    """Builds nodes; with a dossier, references to entities it lacks are left out."""

    def __init__(self, dossier: Dossier | None) -> None:
        self.dossier = dossier
        self.offices: dict[str, Office] = {}
        self.ids: dict[str, set[str]] = {}
        if dossier is not None:
            self.offices = {o.id: o for o in reversed(dossier.offices)}
            self.ids = {
                "person": {p.id for p in dossier.people},
                "series": {s.id for s in dossier.series},
                "document": {d.id for d in dossier.documents},
                "meeting": {m.id for m in dossier.meetings},
                "committee": {c.id for c in dossier.committees},
                "body": {b.id for b in dossier.bodies},
            }

    def known(self, kind: str, id_: str | None) -> bool:
        if id_ is None:
            return False
        return self.dossier is None or id_ in self.ids[kind]

    def refs(self, kind: str, ids: Iterable[str | None]) -> list[Json]:
        return [_ref(kind, i) for i in dict.fromkeys(ids) if i is not None and self.known(kind, i)]

    def actor(self, actor: Actor) -> Json:
        """A state's or organisation's node, or a reference to a body.

        A whole dossier's graph holds a node for every body it names, described
        or not; a single entity's export refers to its bodies by id.
        """
        if isinstance(actor, str):
            return _ref("body", actor)
        if isinstance(actor, Organization):
            return _organization(actor)
        return _state(actor)

    def actors(self, actors: Iterable[Actor]) -> list[Json]:
        return [self.actor(a) for a in actors]

    def attendance(self, meeting: Meeting) -> list[Json]:
        """The actors at a meeting: parties plain, other roles in a Role (chair, observer …)."""
        found: list[Json] = []
        for actor, roles in roles_at(meeting).items():
            if "party" in roles:
                found.append(self.actor(actor))
            found += [
                {"@type": "Role", "roleName": role, "attendee": self.actor(actor)}
                for role in roles
                if role not in ("party", "host")
            ]
        return found

    @staticmethod
    def organization(organization: Organization, named: Sequence[Organization]) -> Json:
        """An organisation's node, with its parent organisation when the dossier names it."""
        node = _organization(organization)
        if organization.parent in named and organization.parent is not None:
            node["parentOrganization"] = _ref("organization", organization.parent.code)
        return node

    def body(self, body: Body) -> Json:
        names: list[Any] = [{"@value": body.name, "@language": "en"}]
        names += [{"@value": n, "@language": _language(loc)} for loc, n in body.names.items()]
        parent = self.refs("body", [body.parent])
        return _compact(
            {
                "@id": _iri("body", body.id),
                "@type": "GovernmentOrganization",
                "name": names,
                "additionalType": body.kind.value,
                "parentOrganization": parent[0] if parent else _state(body.belongs_to),
                "foundingDate": _date(body.established),
                "subjectOf": _sources(body.sources),
            }
        )

    def person(self, person: Person) -> Json:
        names: list[Any] = [{"@value": person.name, "@language": "en"}]
        names += [{"@value": n, "@language": _language(loc)} for loc, n in person.names.items()]
        roles = []
        for tenure in person.tenures:
            office = self.offices.get(tenure.office)
            if office is not None:
                roles.append(
                    _compact(
                        {
                            "@type": "OrganizationRole",
                            "roleName": office.title,
                            "startDate": _date(tenure.start),
                            "endDate": _date(tenure.end),
                            "memberOf": self.actor(office.state),
                        }
                    )
                )
        return _compact(
            {"@id": _iri("person", person.id), "@type": "Person", "name": names, "memberOf": roles}
        )

    def meeting(self, meeting: Meeting) -> Json:
        attendees: list[Json] = self.attendance(meeting)
        attendees += [
            _role("Role", p.role.value, "attendee", p.person)
            for p in meeting.participants
            if self.known("person", p.person)
        ]
        within = self.refs("meeting", [meeting.within])
        level = None if meeting.level is None else meeting.level.value
        return _compact(
            {
                "@id": _iri("meeting", meeting.id),
                "@type": "Event",
                "name": meeting.title,
                "description": meeting.summary,
                "startDate": _date(meeting.start),
                "endDate": _date(meeting.end),
                "location": _place(meeting.place),
                "eventAttendanceMode": _MODE[meeting.format],
                "organizer": None if meeting.host is None else self.actor(meeting.host),
                "attendee": attendees,
                "superEvent": within + self.refs("series", [meeting.series]),
                "recordedIn": self.refs("document", meeting.outcomes),
                "keywords": [
                    meeting.kind.value,
                    *([] if level is None else [level]),
                    *(["on_sidelines"] if meeting.on_sidelines and within else []),
                    meeting.format.value,
                    *(s.value for s in meeting.sectors),
                    *meeting.other_topics,
                ],
                "subjectOf": _sources(meeting.sources),
            }
        )

    def series(self, series: MeetingSeries) -> Json:
        repeat = _REPEAT.get(series.cadence)
        return _compact(
            {
                "@id": _iri("series", series.id),
                "@type": "EventSeries",
                "name": series.title,
                "startDate": _date(series.established),
                "attendee": self.actors(series.parties),
                "eventSchedule": None
                if repeat is None
                else {"@type": "Schedule", "repeatFrequency": repeat},
                "keywords": [series.kind.value],
            }
        )

    def document(self, document: Document) -> Json:
        contributors = [
            _role("Role", "signatory", "contributor", s.person)
            for s in document.signatories
            if self.known("person", s.person)
        ]
        contributors += [
            _role("Role", "witness", "contributor", w)
            for w in document.witnesses
            if self.known("person", w)
        ]
        meeting = self.refs("meeting", [document.meeting])
        revised = self.refs("document", [document.revises])
        changed = revised + self.refs("document", (*document.amends, *document.supersedes))
        binding = (
            [_BINDING[document.legally_binding]] if document.legally_binding is not None else []
        )
        node: Json = {
            "@id": _iri("document", document.id),
            "@type": "CreativeWork",
            "name": document.title,
            "description": document.summary,
            "dateCreated": _date(document.signed),
            "locationCreated": _place(document.place),
            "author": self.actors(document.parties),
            "contributor": contributors,
            "recordedAt": meeting[0] if meeting else None,
            "creativeWorkStatus": document.status.value,
            "expires": _expires(document),
            "keywords": [*(s.value for s in document.sectors), *document.other_topics, *binding],
            "subjectOf": [*_sources(document.sources), *self.life(document)],
        }
        if isinstance(document, CooperationAgreement):
            node["@type"] = "Legislation"
            node["legislationType"] = None if document.form is None else document.form.value
            node["legislationDate"] = _date(document.signed)
            node["legislationDateOfApplicability"] = _first(
                document, DocumentEventKind.ENTRY_INTO_FORCE
            )
            node["legislationLegalForce"] = _FORCE.get(document.status)
            node["legislationChanges"] = changed
        elif isinstance(document, DocumentBatch):
            node["@type"] = "Collection"
            node["collectionSize"] = document.count
            node["genre"] = None if document.form is None else document.form.value
            node["isBasedOn"] = changed
        else:
            node["genre"] = _GENRES.get(type(document))
            node["isBasedOn"] = changed
        return _compact(node)

    def life(self, document: Document) -> list[Json]:
        """Each event in a document's life: an ``Event`` about the document, by its party."""
        return [
            _compact(
                {
                    "@id": _iri("document-event", f"{document.id}/{index}"),
                    "@type": "Event",
                    "name": label(event.kind, "en"),
                    "keywords": [event.kind.value],
                    "startDate": _date(event.date),
                    "about": _ref("document", document.id),
                    "organizer": None if event.party is None else self.actor(event.party),
                    "description": event.note,
                    "subjectOf": _sources(event.sources),
                }
            )
            for index, event in enumerate(document.events)
        ]

    def committee(self, committee: Committee) -> Json:
        members: list[Json] = self.actors(committee.parties)
        members += [
            _role("OrganizationRole", "co-chair", "member", c)
            for c in committee.co_chairs
            if self.known("person", c)
        ]
        parent = self.refs("committee", [committee.parent])
        return _compact(
            {
                "@id": _iri("committee", committee.id),
                "@type": "Organization",
                "name": committee.name,
                "foundingDate": _date(committee.established),
                "parentOrganization": parent[0] if parent else None,
                "member": members,
                "keywords": [
                    committee.kind.value,
                    *(s.value for s in committee.sectors),
                    *committee.other_topics,
                ],
            }
        )

    def thematic_year(self, year: ThematicYear) -> Json:
        return _compact(
            {
                "@id": _iri("thematic-year", year.id),
                "@type": "Event",
                "name": year.title,
                "startDate": _date(year.start),
                "endDate": _date(year.end),
                "attendee": self.actors(year.parties),
                "keywords": [*(s.value for s in year.sectors), *year.other_topics],
                "subjectOf": _sources(year.sources),
            }
        )

    def graph(self, dossier: Dossier) -> list[Json]:
        nodes: list[Json] = [
            {"@id": _iri("dossier", dossier.id), "@type": "Dataset", "name": dossier.title}
        ]
        nodes += [_state(s) for s in referenced_states(dossier)]
        groups = referenced_organizations(dossier)
        nodes += [self.organization(o, groups) for o in groups]
        nodes += _members(named_memberships(dossier))
        nodes += [self.body(b) for b in first_of_each(dossier.bodies)]
        nodes += [_undescribed_body(b) for b in undescribed_bodies(dossier)]
        nodes += [self.person(p) for p in first_of_each(dossier.people)]
        nodes += [self.series(s) for s in first_of_each(dossier.series)]
        nodes += [self.meeting(m) for m in first_of_each(dossier.meetings)]
        nodes += [self.document(d) for d in first_of_each(dossier.documents)]
        nodes += [self.committee(c) for c in first_of_each(dossier.committees)]
        nodes += [self.thematic_year(y) for y in first_of_each(dossier.thematic_years)]
        for relation in first_of_each(dossier.relations):
            nodes += relation_event_nodes(self, dossier, relation)
        nodes += [claim_node(self, dossier, c) for c in first_of_each(dossier.claims)]
        return nodes


_SUPPORTED: Final = (
    "Dossier, Person, Body, Meeting, MeetingSeries, Document (of any kind), "
    "Committee, ThematicYear or State"
)


def _node(obj: object, nodes: _Nodes) -> Json:  # noqa: PLR0911 - one return per kind
    if isinstance(obj, Person):
        return nodes.person(obj)
    if isinstance(obj, Body):
        return nodes.body(obj)
    if isinstance(obj, Meeting):
        return nodes.meeting(obj)
    if isinstance(obj, MeetingSeries):
        return nodes.series(obj)
    if isinstance(obj, Document):
        return nodes.document(obj)
    if isinstance(obj, Committee):
        return nodes.committee(obj)
    if isinstance(obj, ThematicYear):
        return nodes.thematic_year(obj)
    if isinstance(obj, State):
        return _state(obj)
    raise ArgumentTypeError(f"to_jsonld() takes a {_SUPPORTED} (got {type(obj).__name__})")


def to_jsonld(obj: object, *, dossier: Dossier | None = None) -> dict[str, Any]:
    """A dossier or one entity as schema.org JSON-LD, with the ``@context`` inline.

    Meetings and themed years are ``Event`` nodes (a meeting's series an
    ``EventSeries``), people ``Person`` with an ``OrganizationRole`` per term
    in office, states ``Country``, committees ``Organization``, communiqués
    ``CreativeWork`` and cooperation agreements ``Legislation``; sources are
    ``CreativeWork`` (``NewsArticle`` when they have a dateline) linked by
    ``subjectOf``. Roles at meetings, signatories and witnesses follow
    schema.org's role pattern. Dates are typed literals as precise as they are
    known: ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``. Organisations
    are ``Organization`` nodes, bodies ``GovernmentOrganization``; in a
    dossier's graph each membership record between actors it names is an
    ``OrganizationRole`` in the member's ``memberOf``. The chair, observers
    and guests of a meeting attend in a ``Role``, its format is its
    ``eventAttendanceMode`` and the meeting it was held within its
    ``superEvent``. Node ids are
    ``urn:diplomodel:<kind>:<id>``.

    A dossier becomes one ``@graph`` (with a ``Dataset`` node for the dossier
    itself); references to entities it does not hold are left out. Each event
    of a relation's history is an ``Event`` about the parties of the day, and
    each claim a ``Claim`` about its record. Relations themselves, successions,
    offices on their own and statements have no schema.org counterpart here.

    Args:
        obj: A `Dossier`, or a `Person`, `Meeting`, `MeetingSeries`,
            `Document`, `Committee`, `ThematicYear` or `State`.
        dossier: For one entity, the dossier it belongs to: it resolves a
            person's offices (without it their terms are left out) and lets
            dangling references be dropped.

    Returns:
        The JSON-LD document as plain JSON data.

    Raises:
        TypeError: `obj` is of another type.

    >>> from diplomodel import load_example
    >>> d = load_example()
    >>> node = to_jsonld(d.meeting("cn-ru-heads-of-government-29"))
    >>> node["@type"], node["startDate"]
    ('Event', {'@value': '2024-08-21', '@type': 'xsd:date'})
    >>> [n["@type"] for n in to_jsonld(d)["@graph"]][:5]
    ['Dataset', 'Country', 'Country', 'Country', 'Person']
    """
    context = copy.deepcopy(dict(_CONTEXT))
    if isinstance(obj, Dossier):
        return {"@context": context, "@graph": _Nodes(obj).graph(obj)}
    return {"@context": context, **_node(obj, _Nodes(dossier))}
