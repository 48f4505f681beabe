"""Export to Popolo JSON: persons, organizations, posts, memberships and events.

Popolo (popoloproject.com) is the open government data standard for people in
public office. The export is plain data: no extra package is needed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from diplomodel.dossier import Dossier
from diplomodel.interchange._common import (
    actor_ref,
    first_of_each,
    named_memberships,
    referenced_organizations,
    referenced_states,
    undescribed_bodies,
)
from diplomodel.model.actors import Actor, Body, actor_key
from diplomodel.model.cooperation import Committee
from diplomodel.model.meetings import Meeting, MeetingSeries
from diplomodel.model.people import Office, Person
from diplomodel.model.relations import ThematicYear
from diplomodel.model.sources import Source
from diplomodel.organizations import Membership, Organization
from diplomodel.states import State

__all__ = ["to_popolo"]

Json = dict[str, Any]


def _pid(kind: str, id_: str) -> str:
    """A Popolo id: the kind, a colon, our id; kinds keep ids of different tables apart."""
    return f"{kind}:{id_}"


def _compact(**fields: Any) -> Json:
    """The fields that have a value (Popolo readers treat a missing key as unknown)."""
    return {k: v for k, v in fields.items() if v is not None and v != []}


def _links(sources: Sequence[Source]) -> list[Json]:
    """Sources with a URL, as Popolo links (a link needs a URL; the others are left out)."""
    return [
        _compact(url=s.url, note=" — ".join(x for x in (s.publisher, s.title) if x))
        for s in sources
        if s.url is not None
    ]


class _Export:
    def __init__(self, dossier: Dossier) -> None:
        self.dossier = dossier
        self.people: dict[str, Person] = {p.id: p for p in reversed(dossier.people)}
        self.offices = {o.id for o in dossier.offices}
        self.committees = {c.id for c in dossier.committees}
        self.bodies = {b.id for b in dossier.bodies}
        self.series = {s.id for s in dossier.series}
        self.meetings = {m.id for m in dossier.meetings}
        self.organizations = set(referenced_organizations(dossier))
        self.memberships: list[Json] = []

    def state(self, state: State) -> Json:
        identifiers = [
            {"scheme": "iso-3166-1-alpha-2", "identifier": state.code}
            if state.alpha4 is None
            else {"scheme": "iso-3166-3-alpha-4", "identifier": state.alpha4},
            {"scheme": "iso-3166-1-alpha-3", "identifier": state.alpha3},
        ]
        if state.numeric is not None:
            identifiers.append({"scheme": "iso-3166-1-numeric", "identifier": state.numeric})
        other = [
            {"name": name, "note": note}
            for name, note in (
                (state.iso_name, "ISO short name"),
                (state.official_name, "official"),
            )
            if name is not None and name != state.name
        ]
        return _compact(
            id=_pid("state", state.code),
            name=state.name,
            classification="state",
            identifiers=identifiers,
            other_names=other,
        )

    def person(self, person: Person) -> Json:
        other = [{"name": name, "note": locale} for locale, name in person.names.items()]
        return _compact(id=_pid("person", person.id), name=person.name, other_names=other)

    def post(self, office: Office) -> Json:
        return _compact(
            id=_pid("office", office.id),
            label=office.title,
            role=office.kind.value,
            organization_id=self.organization(office.state),
        )

    def tenures(self, person: Person, offices: dict[str, Office]) -> None:
        for position, tenure in enumerate(person.tenures):
            office = offices.get(tenure.office)
            if office is None:
                continue
            self.memberships.append(
                _compact(
                    id=_pid("tenure", f"{person.id}/{position}"),
                    person_id=_pid("person", person.id),
                    organization_id=self.organization(office.state),
                    post_id=_pid("office", office.id),
                    role=office.title,
                    start_date=None if tenure.start is None else tenure.start.isoformat(),
                    end_date=None if tenure.end is None else tenure.end.isoformat(),
                )
            )

    def committee(self, committee: Committee) -> Json:
        org = _pid("committee", committee.id)
        for party in committee.parties:
            member = self.organization(party)
            self.memberships.append(
                {
                    "id": _pid("party", f"{committee.id}/{actor_key(party)}"),
                    "member": {"@type": "Organization", "id": member},
                    "organization_id": org,
                    "role": "party",
                }
            )
        for chair in committee.co_chairs:
            if chair in self.people:
                self.memberships.append(
                    {
                        "id": _pid("co-chair", f"{committee.id}/{chair}"),
                        "person_id": _pid("person", chair),
                        "organization_id": org,
                        "role": "co-chair",
                    }
                )
        parent = committee.parent if committee.parent in self.committees else None
        return _compact(
            id=org,
            name=committee.name,
            classification=committee.kind.value,
            parent_id=None if parent is None else _pid("committee", parent),
            founding_date=None if committee.established is None else str(committee.established),
        )

    @staticmethod
    def organization(actor: Actor) -> str:
        """The Popolo id of an actor's organisation (every actor the dossier names has one)."""
        return _pid(*actor_ref(actor))

    def membership(self, organization: Organization, record: Membership) -> None:
        """A state's or an organisation's standing in an organisation, with its dates."""
        member = self.organization(record.member)
        self.memberships.append(
            _compact(
                id=_pid("membership", f"{organization.code}/{member}/{record.since}"),
                label=record.note,
                member={"@type": "Organization", "id": member},
                organization_id=_pid("organization", organization.code),
                role=record.status.value,
                start_date=str(record.since),
                end_date=None if record.until is None else str(record.until),
            )
        )

    def organization_record(self, organization: Organization) -> Json:
        acronyms = [
            {"name": form, "note": f"acronym ({locale})"}
            for locale, forms in organization.acronyms.items()
            for form in forms
        ]
        names = [{"name": name, "note": locale} for locale, name in organization.names.items()]
        parent = organization.parent if organization.parent in self.organizations else None
        return _compact(
            id=_pid("organization", organization.code),
            name=organization.name,
            classification=organization.kind.value,
            parent_id=None if parent is None else _pid("organization", parent.code),
            founding_date=None if organization.founded is None else str(organization.founded),
            dissolution_date=None
            if organization.dissolved is None
            else str(organization.dissolved),
            other_names=names + acronyms,
        )

    def body(self, body: Body) -> Json:
        parent = body.parent if body.parent in self.bodies else None
        return _compact(
            id=_pid("body", body.id),
            name=body.name,
            classification=body.kind.value,
            # A body's parent is its parent body, else the state it belongs to.
            parent_id=_pid("state", body.belongs_to.code)
            if parent is None
            else _pid("body", parent),
            founding_date=None if body.established is None else str(body.established),
            other_names=[{"name": name, "note": locale} for locale, name in body.names.items()],
            sources=_links(body.sources),
        )

    def attendees(self, ids: Iterable[str]) -> list[Json]:
        found: list[Json] = []
        for id_ in dict.fromkeys(ids):
            person = self.people.get(id_)
            if person is not None:
                found.append({"id": _pid("person", person.id), "name": person.name})
        return found

    def series_event(self, series: MeetingSeries) -> Json:
        return _compact(
            id=_pid("series", series.id),
            name=series.title,
            classification="series",
            start_date=None if series.established is None else str(series.established),
        )

    def meeting(self, meeting: Meeting) -> Json:
        """A meeting; its parent is the meeting it was held within, else its series."""
        if meeting.within in self.meetings:
            parent: str | None = _pid("meeting", meeting.within)
        elif meeting.series in self.series:
            parent = _pid("series", meeting.series)
        else:
            parent = None
        return _compact(
            id=_pid("meeting", meeting.id),
            name=meeting.title,
            description=meeting.summary,
            classification=meeting.kind.value,
            start_date=str(meeting.start),
            end_date=None if meeting.end is None else str(meeting.end),
            location=None if meeting.place is None else str(meeting.place),
            organization_id=None if meeting.host is None else self.organization(meeting.host),
            attendees=self.attendees(p.person for p in meeting.participants),
            parent_id=parent,
            sources=_links(meeting.sources),
        )

    def thematic_year(self, year: ThematicYear) -> Json:
        return _compact(
            id=_pid("thematic-year", year.id),
            name=year.title,
            classification="thematic_year",
            start_date=str(year.start),
            end_date=str(year.end),
            sources=_links(year.sources),
        )

    def run(self) -> Json:
        dossier = self.dossier
        offices: dict[str, Office] = {o.id: o for o in first_of_each(dossier.offices)}
        persons = [self.person(p) for p in first_of_each(dossier.people)]
        posts = [self.post(o) for o in offices.values()]
        for person in first_of_each(dossier.people):
            self.tenures(person, offices)
        organizations = [self.state(s) for s in referenced_states(dossier)]
        organizations += [self.organization_record(o) for o in referenced_organizations(dossier)]
        organizations += [self.body(b) for b in first_of_each(dossier.bodies)]
        organizations += [self.committee(c) for c in first_of_each(dossier.committees)]
        # A body named but not described in the dossier: an organisation known by its id.
        organizations += [
            {"id": _pid("body", body), "name": body, "classification": "body"}
            for body in undescribed_bodies(dossier)
        ]
        for organization, record in named_memberships(dossier):
            self.membership(organization, record)
        events = [self.series_event(s) for s in first_of_each(dossier.series)]
        events += [self.meeting(m) for m in first_of_each(dossier.meetings)]
        events += [self.thematic_year(y) for y in first_of_each(dossier.thematic_years)]
        return {
            "persons": persons,
            "organizations": organizations,
            "posts": posts,
            "memberships": self.memberships,
            "events": events,
        }


def to_popolo(dossier: Dossier) -> dict[str, Any]:
    """A dossier as Popolo JSON: persons, organizations, posts, memberships and events.

    States, organisations, bodies and committees are organizations (each
    membership record between an organisation and a member the dossier both
    name is a membership whose ``member`` is that organization), offices are
    posts of their state, and each term in office is a membership with its
    post; committee parties and co-chairs are memberships of the committee.
    Meetings, meeting series and themed years are events (a meeting's
    ``parent_id`` is the meeting it was held within, else its series; its
    host is its ``organization_id``), with the people taking part as
    attendees. Ids are our ids prefixed with their kind (``person:li-qiang``,
    ``state:CN``), so ids from different tables never clash. Dates keep their
    precision (``"1996"``, ``"2024-08"``).

    Documents, relations (with their events and successions), claims and
    statements have no Popolo class and are left out, as are references to
    entities the dossier does not hold, except a body named but not
    described: it is an organization named by its id.

    Args:
        dossier: The dossier to export.

    Returns:
        Plain JSON data; `json.dumps` writes it.

    >>> from diplomodel import load_example
    >>> popolo = to_popolo(load_example())
    >>> [p["id"] for p in popolo["posts"]][:2]
    ['office:cn-premier', 'office:cn-president']
    >>> popolo["memberships"][0]["post_id"], popolo["memberships"][0]["start_date"]
    ('office:cn-premier', '2023-03-11')
    """
    return _Export(dossier).run()
