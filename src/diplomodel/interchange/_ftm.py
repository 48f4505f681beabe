"""Export to FollowTheMoney (FtM 4): the entity graph that Aleph and OpenSanctions read.

Every value passes through FtM's own type cleaning, so the `followthemoney`
package is needed (the ``ftm`` extra); values FtM rejects (a date before the
year 1000, say) are left out, and text longer than FtM allows for its type is
shortened with an ellipsis.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Final

from diplomodel.dossier import Dossier
from diplomodel.interchange._common import (
    actor_ref,
    first_of_each,
    named_memberships,
    optional_module,
    referenced_organizations,
    referenced_states,
    roles_at,
    states_among,
    undescribed_bodies,
)
from diplomodel.interchange._ftm_history import claim_note, relation_history
from diplomodel.interchange._ftm_ids import ftm_date as _date
from diplomodel.interchange._ftm_ids import ftm_id
from diplomodel.model.actors import Actor, Body
from diplomodel.model.cooperation import Committee
from diplomodel.model.documents import CooperationAgreement, Document, DocumentBatch
from diplomodel.model.meetings import Meeting
from diplomodel.model.people import Office, Person
from diplomodel.model.relations import BilateralRelation, ThematicYear
from diplomodel.model.sources import Source
from diplomodel.organizations import Membership, Organization
from diplomodel.serialization import DOCUMENT_TAGS, to_dict
from diplomodel.states import State

__all__ = ["ftm_id", "to_ftm"]

_ELLIPSIS: Final = "…"

Values = Iterable[str | None]


def _settled(kind: Any, raw: str) -> str | None:
    """A value cleaned by FtM until cleaning it again changes nothing.

    Some of FtM's cleaners take more than one pass to settle (an address with
    empty parts loses one comma a pass), and readers clean again on loading.
    """
    value: str | None = raw
    for _ in range(5):
        cleaned: str | None = kind.clean(value)
        if cleaned is None or cleaned == value:
            return cleaned
        value = cleaned
    return value


class _Graph:
    """The entities being written, with FtM's model to check and clean each value."""

    def __init__(self, ftm: Any) -> None:
        self._model = ftm.model
        self._registry = ftm.registry
        self.entities: list[dict[str, Any]] = []
        self._ids: set[str] = set()

    def country(self, state: State) -> str | None:
        """FtM's code for a state: its alpha-2, or a historical code FtM knows, else None."""
        for candidate in (state.alpha4, state.code):
            if candidate is not None and self._registry.country.validate(candidate.lower()):
                return candidate.lower()
        return None

    def add(self, schema_name: str, entity_id: str, **properties: Values) -> str:
        """Write one entity (once per id); return its id."""
        if entity_id in self._ids:
            return entity_id
        schema = self._model.get(schema_name)
        if schema is None:  # pragma: no cover - a programming error
            raise RuntimeError(f"FollowTheMoney has no schema {schema_name!r}")
        cleaned: dict[str, list[str]] = {}
        for name in sorted(properties):
            prop = schema.get(name)
            if prop is None:  # pragma: no cover - a programming error
                raise RuntimeError(f"FtM schema {schema_name} has no property {name!r}")
            values = self._clean(prop.type, properties[name])
            if values:
                cleaned[name] = values
        required = {name for parent in schema.schemata for name in parent.required}
        if "name" in required and "name" not in cleaned:
            # FtM's name cleaning drops text with no letters or digits ("''"): name the
            # entity by its id rather than export it without its required name.
            cleaned["name"] = self._clean(schema.get("name").type, [entity_id]) or [entity_id]
        self._ids.add(entity_id)
        self.entities.append({"id": entity_id, "schema": schema_name, "properties": cleaned})
        return entity_id

    @staticmethod
    def _clean(kind: Any, values: Values) -> list[str]:
        found: list[str] = []
        for raw in values:
            if raw is None:
                continue
            value = _settled(kind, raw)
            if value is None:
                continue
            limit: int = kind.max_length
            if len(value) > limit:
                value = value[: limit - 1].rstrip() + _ELLIPSIS
            if value not in found:
                found.append(value)
        return found


class _Export:
    """One dossier being turned into FtM entities."""

    def __init__(self, dossier: Dossier, graph: _Graph) -> None:
        self.dossier = dossier
        self.graph = graph
        self.people = {p.id for p in dossier.people}
        self.offices = {o.id for o in dossier.offices}
        self.bodies = {b.id for b in dossier.bodies}
        self.meetings = {m.id for m in dossier.meetings}
        self.documents = {d.id for d in dossier.documents}
        self.committees = {c.id for c in dossier.committees}
        self.organizations: set[Organization] = set()

    # -- shared pieces -----------------------------------------------------------

    def countries(self, states: Iterable[State]) -> list[str | None]:
        return [self.graph.country(s) for s in states]

    def proofs(self, sources: Sequence[Source]) -> list[str | None]:
        """Write each source as an Article; return their ids."""
        found: list[str | None] = []
        for source in sources:
            key = json.dumps(to_dict(source), sort_keys=True, ensure_ascii=False)
            label = source.title or source.publisher
            found.append(
                self.graph.add(
                    "Article",
                    ftm_id("source", key),
                    name=[label],
                    fileName=[label],
                    title=[source.title],
                    publisher=[source.publisher],
                    sourceUrl=[source.url],
                    publishedAt=[_date(source.published)],
                    language=[source.language],
                )
            )
        return found

    def link(self, document_id: str, target: str, role: str) -> None:
        self.graph.add(
            "Documentation",
            ftm_id("documentation", document_id, target, role),
            document=[ftm_id("document", document_id)],
            entity=[target],
            role=[role],
        )

    def member(self, committee: Committee, member: str, role: str) -> None:
        self.graph.add(
            "Membership",
            ftm_id("membership", committee.id, member, role),
            member=[member],
            organization=[ftm_id("committee", committee.id)],
            role=[role],
        )

    # -- one method per table ----------------------------------------------------

    def state(self, state: State) -> None:
        self.graph.add(
            "PublicBody",
            ftm_id("state", state.code),
            name=[state.name],
            alias=[n for n in (state.iso_name, state.official_name) if n != state.name],
            country=[self.graph.country(state)],
            topics=["gov.national"],
        )

    def organization(self, organization: Organization) -> None:
        acronyms = [a for forms in organization.acronyms.values() for a in forms]
        parent = organization.parent if organization.parent in self.organizations else None
        self.graph.add(
            "Organization",
            ftm_id("organization", organization.code),
            name=[organization.name],
            alias=[*organization.names.values(), *acronyms, *organization.aliases],
            incorporationDate=[_date(organization.founded)],
            dissolutionDate=[_date(organization.dissolved)],
            parent=[None if parent is None else self.actor(parent)],
            topics=["gov.igo"],
            keywords=[organization.kind.value],
        )

    def membership(self, organization: Organization, record: Membership) -> None:
        member = ftm_id(*actor_ref(record.member))
        self.graph.add(
            "Membership",
            ftm_id("org-membership", organization.code, member, record.since.isoformat()),
            member=[member],
            organization=[ftm_id("organization", organization.code)],
            role=[record.status.value],
            status=[record.status.value],
            startDate=[_date(record.since)],
            endDate=[_date(record.until)],
            summary=[record.note],
        )

    def undescribed_body(self, body: str) -> None:
        """A body the dossier names but does not describe: a public body known by its id."""
        self.graph.add("PublicBody", ftm_id("body", body), name=[body])

    def body(self, body: Body) -> None:
        parent = body.parent if body.parent in self.bodies else None
        self.graph.add(
            "PublicBody",
            ftm_id("body", body.id),
            name=[body.name],
            alias=list(body.names.values()),
            country=[self.graph.country(body.belongs_to)],
            parent=[None if parent is None else ftm_id("body", parent)],
            incorporationDate=[_date(body.established)],
            keywords=[body.kind.value],
            proof=self.proofs(body.sources),
        )

    @staticmethod
    def actor(actor: Actor) -> str:
        """The id of the entity an actor is (a body the dossier lacks has one too)."""
        return ftm_id(*actor_ref(actor))

    def person(self, person: Person) -> None:
        self.graph.add(
            "Person",
            ftm_id("person", person.id),
            name=[person.name],
            alias=list(person.names.values()),
        )

    def office(self, office: Office) -> None:
        self.graph.add(
            "Position",
            ftm_id("office", office.id),
            name=[office.title],
            country=self.countries(states_among([office.state])),
            organization=[self.actor(office.state)],
            keywords=[office.kind.value],
        )

    def tenures(self, person: Person) -> None:
        for position, tenure in enumerate(person.tenures):
            if tenure.office not in self.offices:
                continue
            self.graph.add(
                "Occupancy",
                ftm_id("occupancy", person.id, str(position)),
                holder=[ftm_id("person", person.id)],
                post=[ftm_id("office", tenure.office)],
                startDate=[_date(tenure.start)],
                endDate=[_date(tenure.end)],
            )

    def meeting(self, meeting: Meeting) -> None:
        event = ftm_id("meeting", meeting.id)
        roles = roles_at(meeting)
        involved: list[str | None] = [self.actor(a) for a in roles]
        involved += [
            ftm_id("person", p.person) for p in meeting.participants if p.person in self.people
        ]
        for report in meeting.committee_reports:
            if report.committee in self.committees:
                involved.append(ftm_id("committee", report.committee))
            if report.presenter in self.people:
                involved.append(ftm_id("person", report.presenter))
        place = meeting.place
        self.graph.add(
            "Event",
            event,
            name=[meeting.title],
            summary=[meeting.summary],
            startDate=[_date(meeting.start)],
            endDate=[_date(meeting.end)],
            location=[None if place is None else str(place)],
            country=self.countries(
                [*states_among(meeting.parties), *([] if place is None else [place.state])]
            ),
            organizer=[None if meeting.host is None else self.actor(meeting.host)],
            involved=involved,
            keywords=[
                meeting.kind.value,
                None if meeting.level is None else meeting.level.value,
                meeting.format.value,
                *(s.value for s in meeting.sectors),
                *meeting.other_topics,
            ],
            proof=self.proofs(meeting.sources),
        )
        for actor, held in roles.items():
            for role in held:
                if role != "party":
                    self.role(meeting, self.actor(actor), role)
        if meeting.within in self.meetings:
            self.graph.add(
                "UnknownLink",
                ftm_id("within", meeting.id),
                subject=[event],
                object=[ftm_id("meeting", meeting.within)],
                role=["on the sidelines of" if meeting.on_sidelines else "within"],
                startDate=[_date(meeting.start)],
                endDate=[_date(meeting.end)],
            )

    def role(self, meeting: Meeting, actor: str, role: str) -> None:
        """An actor's role at a meeting (chair, observer …), which ``involved`` cannot say."""
        self.graph.add(
            "UnknownLink",
            ftm_id("attendance", meeting.id, actor, role),
            subject=[actor],
            object=[ftm_id("meeting", meeting.id)],
            role=[role],
            startDate=[_date(meeting.start)],
            endDate=[_date(meeting.end)],
        )

    def document(self, document: Document) -> None:
        kinds = CooperationAgreement | DocumentBatch
        form = document.form if isinstance(document, kinds) else None
        binding = {True: "legally binding", False: "not legally binding", None: None}
        self.graph.add(
            "Document",
            ftm_id("document", document.id),
            name=[document.title],
            title=[document.title],
            fileName=[document.title],
            date=[_date(document.signed)],
            summary=[document.summary],
            address=[None if document.place is None else str(document.place)],
            country=self.countries(states_among(document.parties)),
            keywords=[
                DOCUMENT_TAGS.get(type(document)),
                None if form is None else form.value,
                document.status.value,
                binding[document.legally_binding],
                f"{document.count} documents" if isinstance(document, DocumentBatch) else None,
                *(s.value for s in document.sectors),
                *document.other_topics,
            ],
            proof=self.proofs(document.sources),
        )
        self.document_links(document)
        self.lifecycle(document)

    def document_links(self, document: Document) -> None:
        """A document's parties, signatories, witnesses, meeting and the documents it changes."""
        for party in document.parties:
            self.link(document.id, self.actor(party), "party")
        for signature in document.signatories:
            if signature.person in self.people:
                self.link(document.id, ftm_id("person", signature.person), "signatory")
        for witness in document.witnesses:
            if witness in self.people:
                self.link(document.id, ftm_id("person", witness), "witness")
        if document.meeting in self.meetings:
            self.link(document.id, ftm_id("meeting", document.meeting), "outcome of meeting")
        revised = () if document.revises is None else (document.revises,)
        changed = (("revises", revised), ("amends", document.amends))
        for role, targets in (*changed, ("supersedes", document.supersedes)):
            for target in targets:
                if target in self.documents:
                    self.link(document.id, ftm_id("document", target), role)

    def lifecycle(self, document: Document) -> None:
        """Each event in a document's life as an ``Event`` that the document documents."""
        for index, event in enumerate(document.events):
            who = document.parties if event.party is None else (event.party,)
            kind = event.kind.value.replace("_", " ")
            term = None if event.until is None else f"The term runs to {event.until}."
            entity = self.graph.add(
                "Event",
                ftm_id("document-event", document.id, str(index)),
                name=[f"{kind.capitalize()}: {document.title}"],
                date=[_date(event.date)],
                involved=[self.actor(party) for party in who],
                country=self.countries(states_among(who)),
                summary=[" ".join(t for t in (event.note, term) if t) or None],
                keywords=[event.kind.value, *(["for all parties"] if event.party is None else [])],
                proof=self.proofs(event.sources),
            )
            self.link(document.id, entity, kind)

    def committee(self, committee: Committee) -> None:
        parent = committee.parent if committee.parent in self.committees else None
        self.graph.add(
            "PublicBody",
            ftm_id("committee", committee.id),
            name=[committee.name],
            country=self.countries(states_among(committee.parties)),
            parent=[None if parent is None else ftm_id("committee", parent)],
            incorporationDate=[_date(committee.established)],
            topics=["gov.igo"],
            keywords=[
                committee.kind.value,
                *(s.value for s in committee.sectors),
                *committee.other_topics,
            ],
        )
        for party in committee.parties:
            self.member(committee, self.actor(party), "party")
        for chair in committee.co_chairs:
            if chair in self.people:
                self.member(committee, ftm_id("person", chair), "co-chair")

    def relation(self, relation: BilateralRelation) -> None:
        a, b = (self.actor(s) for s in relation.parties)
        proofs = self.proofs(relation.sources)
        changes = relation.status_changes()
        if relation.established is not None:
            self.graph.add(
                "UnknownLink",
                ftm_id("relation", relation.id),
                subject=[a],
                object=[b],
                role=["diplomatic relations"],
                startDate=[_date(relation.established)],
                status=[changes[-1][1].value if changes else None],
                proof=proofs,
            )
        for position, level in enumerate(relation.levels):
            following = relation.levels[position + 1 : position + 2]
            self.graph.add(
                "UnknownLink",
                ftm_id("partnership", relation.id, str(position)),
                subject=[a],
                object=[b],
                role=[level.name],
                startDate=[_date(level.since)],
                endDate=[_date(n.since) for n in following],
                proof=proofs,
            )
        relation_history(self, relation)

    def thematic_year(self, year: ThematicYear) -> None:
        self.graph.add(
            "Event",
            ftm_id("thematic-year", year.id),
            name=[year.title],
            startDate=[_date(year.start)],
            endDate=[_date(year.end)],
            involved=[self.actor(s) for s in year.parties],
            country=self.countries(states_among(year.parties)),
            keywords=[*(s.value for s in year.sectors), *year.other_topics],
            proof=self.proofs(year.sources),
        )

    def run(self) -> None:
        dossier = self.dossier
        for state in referenced_states(dossier):
            self.state(state)
        self.organizations.update(referenced_organizations(dossier))
        for organization in referenced_organizations(dossier):
            self.organization(organization)
        for organization, record in named_memberships(dossier):
            self.membership(organization, record)
        for body in undescribed_bodies(dossier):
            self.undescribed_body(body)
        steps: tuple[tuple[Iterable[Any], Callable[[Any], None]], ...] = (
            (dossier.bodies, self.body),
            (dossier.people, self.person),
            (dossier.offices, self.office),
            (dossier.people, self.tenures),
            (dossier.committees, self.committee),
            (dossier.meetings, self.meeting),
            (dossier.documents, self.document),
            (dossier.relations, self.relation),
            (dossier.thematic_years, self.thematic_year),
            (dossier.claims, lambda claim: claim_note(self, claim)),
        )
        for table, write in steps:
            for entity in first_of_each(table):
                write(entity)


def to_ftm(dossier: Dossier) -> list[dict[str, Any]]:
    """A dossier as FollowTheMoney entities, in FtM's JSON form.

    Each entity is a dict ``{"id", "schema", "properties"}`` whose properties
    map FtM property names to lists of strings, ready for ``ftm`` tools
    (one JSON object a line) or `followthemoney.model.get_proxy`. States become
    ``PublicBody`` entities, people ``Person``, offices ``Position`` with an
    ``Occupancy`` per term, committees ``PublicBody`` with a ``Membership`` per
    party and co-chair, meetings and themed years ``Event``, documents of every
    kind ``Document`` with ``Documentation`` links to their parties,
    signatories, witnesses, meeting and the documents they revise, amend or
    supersede (a batch says its count in ``keywords``), each event in a
    document's life an ``Event`` its document documents, relations and
    partnership levels ``UnknownLink``, relation events ``Event``, successions
    ``Succession``, claims ``Note`` on their record, and sources ``Article``
    entities that other entities cite as ``proof``. Ids are stable: see `ftm_id`.

    Organisations are ``Organization`` entities (topic ``gov.igo``), bodies
    ``PublicBody`` with their state's country, and each membership record
    between an organisation and a member that the dossier both name a
    ``Membership`` (see `diplomodel.interchange._common`). The roles of
    actors at a meeting (host, chair, observer, guest …) and a meeting held
    within another are ``UnknownLink`` entities to the ``Event``.

    References to entities the dossier does not hold (an office missing from
    ``offices``) are left out, so every entity reference resolves. Meeting
    series and statements have no FtM counterpart and are not exported.

    Args:
        dossier: The dossier to export.

    Returns:
        The entities, states first, in a stable order.

    Raises:
        ImportError: The ``followthemoney`` package is not installed (install
            ``diplomodel[ftm]``).

    >>> from diplomodel import load_example
    >>> entities = to_ftm(load_example())
    >>> [e["properties"]["name"] for e in entities if e["schema"] == "Person"][0]
    ['Li Qiang']
    >>> sorted({e["schema"] for e in entities})[:4]
    ['Article', 'Document', 'Documentation', 'Event']
    """
    ftm = optional_module("followthemoney", extra="ftm", purpose="to_ftm()")
    graph = _Graph(ftm)
    _Export(dossier, graph).run()
    return graph.entities
