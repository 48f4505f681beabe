"""Records of a state's history and coming anniversaries, as `Dossier` queries return them.

The functions here read a dossier's tables; `Dossier.timeline` and
`Dossier.upcoming_anniversaries` are the way to call them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Final, Protocol, TypeVar

from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel.anniversaries import Anniversary, anniversaries
from diplomodel.dates import PartialDate
from diplomodel.errors import InvalidArgumentError
from diplomodel.model.actors import Actor
from diplomodel.model.cooperation import Committee
from diplomodel.model.documents import Document
from diplomodel.model.meetings import Meeting, MeetingSeries
from diplomodel.model.people import Office, Person
from diplomodel.model.relations import BilateralRelation, RelationEventKind, ThematicYear
from diplomodel.model.statements import Statement

__all__ = ["TimelineEntry", "UpcomingAnniversary"]

E = TypeVar("E")


class Tables(Protocol):
    """What the timeline reads from a dossier."""

    def actor_name(self, actor: Actor, *, locale: str) -> str:
        """The name of a state, organisation or body."""
        ...

    @property
    def people(self) -> tuple[Person, ...]:
        """The people."""
        ...

    @property
    def offices(self) -> tuple[Office, ...]:
        """The offices."""
        ...

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        """The meetings."""
        ...

    @property
    def series(self) -> tuple[MeetingSeries, ...]:
        """The series."""
        ...

    @property
    def documents(self) -> tuple[Document, ...]:
        """The documents."""
        ...

    @property
    def committees(self) -> tuple[Committee, ...]:
        """The committees."""
        ...

    @property
    def relations(self) -> tuple[BilateralRelation, ...]:
        """The relations."""
        ...

    @property
    def thematic_years(self) -> tuple[ThematicYear, ...]:
        """The thematic years."""
        ...

    @property
    def statements(self) -> tuple[Statement, ...]:
        """The statements."""
        ...

    def get(self, kind: type[E], id_: str) -> E | None:
        """The entity of a kind with an id, or None."""
        ...


_TIMELINE_ORDER: Final = {
    kind: rank
    for rank, kind in enumerate(
        (
            "relation",
            "relation_event",
            "succession",
            "partnership_level",
            "series",
            "committee",
            "tenure",
            "thematic_year",
            "meeting",
            "document",
            "statement",
        )
    )
}


@frozen(kw_only=True, order=False)
class TimelineEntry:
    """One dated record in a state's timeline (see `Dossier.timeline`).

    Args:
        date: When it happened, at the precision recorded.
        kind: What kind of record it is: ``"meeting"``, ``"document"``,
            ``"relation"`` (diplomatic ties established), ``"relation_event"``
            (ties suspended, severed, restored, downgraded, upgraded; a
            recognition), ``"succession"`` (a successor state took the ties
            over), ``"partnership_level"``,
            ``"series"`` (a series set up), ``"committee"`` (a body set up),
            ``"tenure"`` (someone took office), ``"thematic_year"`` or ``"statement"``.
        id: Id of the entity the record comes from (for a partnership level, a
            relation event or a succession, the relation's id; for a tenure, the
            person's id).
        title: A short description.

    >>> from diplomodel import load_example, states
    >>> entry = load_example().timeline(states.get("CN"))[0]
    >>> str(entry.date), entry.kind, entry.title
    ('1949-10-02', 'relation', 'Diplomatic ties: China–Soviet Union')
    """

    date: PartialDate = field(validator=v.date())
    kind: str = field(validator=v.text(max_length=50))
    id: str = field(validator=v.identifier())
    title: str = field(validator=v.text())


@frozen(kw_only=True)
class UpcomingAnniversary:
    """An anniversary of diplomatic ties, of an event in their history, or of a series.

    `Dossier.upcoming_anniversaries` lists them.

    Args:
        subject: Id of the relation or series.
        kind: ``"relation"`` (diplomatic ties, counted from their original
            date across successions), ``"relation_event"`` (ties restored,
            suspended, severed, downgraded or upgraded; a recognition) or
            ``"series"`` (a series set up).
        title: What is being celebrated.
        anniversary: Which anniversary, and when it falls.

    >>> from datetime import date
    >>> from diplomodel import load_example
    >>> found = load_example().upcoming_anniversaries(date(2024, 8, 21), date(2024, 12, 31))
    >>> [(a.kind, a.anniversary.number, str(a.anniversary.date)) for a in found]
    [('series', 28, '2024'), ('relation', 75, '2024-10-02')]
    """

    subject: str = field(validator=v.identifier())
    kind: str = field(validator=v.text(max_length=50))
    title: str = field(validator=v.text())
    anniversary: Anniversary = field(validator=v.instance(Anniversary))


def timeline_key(entry: TimelineEntry) -> tuple[PartialDate, int, str, str]:
    return (
        entry.date,
        _TIMELINE_ORDER.get(entry.kind, len(_TIMELINE_ORDER)),
        entry.id,
        entry.title,
    )


def timeline_entries(tables: Tables, state: Actor) -> Iterator[TimelineEntry]:
    yield from _relation_entries(tables, state)
    yield from _setup_entries(tables, state)
    yield from _tenure_entries(tables, state)
    yield from _event_entries(tables, state)
    yield from _statement_entries(tables, state)


_EVENT_TITLES: Final = {
    RelationEventKind.RECOGNITION: "Recognition",
    RelationEventKind.SUSPENSION: "Diplomatic ties suspended",
    RelationEventKind.RESTORATION: "Diplomatic ties restored",
    RelationEventKind.SEVERANCE: "Diplomatic ties severed",
    RelationEventKind.DOWNGRADE: "Diplomatic representation downgraded",
    RelationEventKind.UPGRADE: "Diplomatic representation upgraded",
}
"""The title of each relation event in a timeline (an establishment is the relation's own)."""


def _relation_entries(tables: Tables, state: Actor) -> Iterator[TimelineEntry]:
    """A relation's entries for each state that held its ties, predecessors included.

    A party now gets the whole history, from the original establishment (which
    names the parties of the day: China–Soviet Union); a predecessor gets what
    happened while it held the ties, and the succession that ended it.
    """
    for relation in tables.relations:
        if state in relation.parties or any(s.predecessor == state for s in relation.successions):
            yield from _history(tables, relation, state)


def _history(tables: Tables, relation: BilateralRelation, state: Actor) -> Iterator[TimelineEntry]:
    def pair(parties: tuple[Actor, ...]) -> str:
        return "–".join(tables.actor_name(s, locale="en") for s in parties)

    def held(on: PartialDate) -> bool:
        return state in relation.parties or state in relation.parties_on(on.earliest())

    if relation.established is not None:
        title = f"Diplomatic ties: {pair(relation.original_parties)}"
        yield TimelineEntry(date=relation.established, kind="relation", id=relation.id, title=title)
    for step in relation.successions:
        if state in (step.predecessor, step.successor) or held(step.date):
            successor, predecessor = (
                tables.actor_name(s, locale="en") for s in (step.successor, step.predecessor)
            )
            title = f"Diplomatic ties: {successor} continues those of {predecessor}"
            yield TimelineEntry(date=step.date, kind="succession", id=relation.id, title=title)
    for event in relation.events:
        what = _EVENT_TITLES.get(event.kind)
        if what is not None and held(event.date):
            title = f"{what}: {pair(relation.parties_on(event.date.latest()))}"
            yield TimelineEntry(date=event.date, kind="relation_event", id=relation.id, title=title)
    for level in relation.levels:
        if held(level.since):
            yield TimelineEntry(
                date=level.since, kind="partnership_level", id=relation.id, title=level.name
            )


def _setup_entries(tables: Tables, state: Actor) -> Iterator[TimelineEntry]:
    for series in tables.series:
        if state in series.parties and series.established is not None:
            yield TimelineEntry(
                date=series.established, kind="series", id=series.id, title=series.title
            )
    for committee in tables.committees:
        if state in committee.parties and committee.established is not None:
            yield TimelineEntry(
                date=committee.established,
                kind="committee",
                id=committee.id,
                title=committee.name,
            )


def _tenure_entries(tables: Tables, state: Actor) -> Iterator[TimelineEntry]:
    offices = {o.id: o for o in reversed(tables.offices) if o.state == state}
    for person in tables.people:
        for tenure in person.tenures:
            office = offices.get(tenure.office)
            if office is not None and tenure.start is not None:
                yield TimelineEntry(
                    date=tenure.start,
                    kind="tenure",
                    id=person.id,
                    title=f"{person.name} takes office: {office.title}",
                )


def _event_entries(tables: Tables, state: Actor) -> Iterator[TimelineEntry]:
    for year in tables.thematic_years:
        if state in year.parties:
            yield TimelineEntry(date=year.start, kind="thematic_year", id=year.id, title=year.title)
    for meeting in tables.meetings:
        if state in meeting.parties:
            yield TimelineEntry(
                date=meeting.start, kind="meeting", id=meeting.id, title=meeting.title
            )
    for document in tables.documents:
        if state in document.parties and document.signed is not None:
            yield TimelineEntry(
                date=document.signed, kind="document", id=document.id, title=document.title
            )


def _statement_entries(tables: Tables, state: Actor) -> Iterator[TimelineEntry]:
    for statement in tables.statements:
        if statement.on_behalf_of != state:
            continue
        when = statement.date
        if when is None and statement.meeting is not None:
            held = tables.get(Meeting, statement.meeting)
            when = None if held is None else held.start
        if when is not None:
            speaker = tables.get(Person, statement.speaker)
            who = statement.speaker if speaker is None else speaker.name
            yield TimelineEntry(
                date=when,
                kind="statement",
                id=statement.id,
                title=f"{who}: {statement.summary}",
            )


def upcoming_anniversaries(
    tables: Tables, after: date, until: date, *, jubilee_only: bool
) -> tuple[UpcomingAnniversary, ...]:
    """Anniversaries of ties, relation events and series: `Dossier.upcoming_anniversaries`."""
    if until < after:
        raise InvalidArgumentError(f"'until' ({until}) is before 'after' ({after})")
    if until == after:
        return ()
    start = after + timedelta(days=1)
    subjects: list[tuple[str, str, str, PartialDate]] = []
    for relation in tables.relations:
        if relation.established is not None:
            pair = "–".join(tables.actor_name(s, locale="en") for s in relation.parties)
            title = f"Diplomatic ties: {pair}"
            subjects.append((relation.id, "relation", title, relation.established))
        for event in relation.events:
            what = _EVENT_TITLES.get(event.kind)
            if what is not None:
                held = relation.parties_on(event.date.latest())
                pair = "–".join(tables.actor_name(s, locale="en") for s in held)
                subjects.append((relation.id, "relation_event", f"{what}: {pair}", event.date))
    subjects += [
        (series.id, "series", series.title, series.established)
        for series in tables.series
        if series.established is not None
    ]
    found = [
        UpcomingAnniversary(subject=id_, kind=kind, title=title, anniversary=anniversary)
        for id_, kind, title, since in subjects
        for anniversary in anniversaries(since, start, until, jubilee_only=jubilee_only)
    ]
    return tuple(sorted(found, key=lambda a: (a.anniversary.date, a.kind, a.subject)))
