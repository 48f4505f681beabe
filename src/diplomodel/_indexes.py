"""Indexes behind the dossier's queries, built once per dossier (private; see `Dossier`).

A query such as `Dossier.meetings_between` or `Dossier.timeline` would read
every table on every call. Instead, the first call builds an index by actor
(which records name an actor where those queries look for it), which the
dossier keeps; later calls read only the records of the actors asked about.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import frozen

from diplomodel.model._fields import references, values_of
from diplomodel.model.actors import Actor, Body
from diplomodel.model.cooperation import Committee
from diplomodel.model.documents import Document
from diplomodel.model.ids import BodyId
from diplomodel.model.meetings import Meeting, MeetingSeries
from diplomodel.model.people import Office, Person
from diplomodel.model.relations import BilateralRelation, ThematicYear
from diplomodel.model.statements import Statement
from diplomodel.organizations import Organization
from diplomodel.states import State
from diplomodel.timeline import TimelineEntry, timeline_entries, timeline_key

if TYPE_CHECKING:
    from diplomodel.dossier import Dossier

__all__ = [
    "ActorIndex",
    "Involving",
    "actor_index",
    "meetings_between",
    "of",
    "tables_for",
    "timeline",
]

E = TypeVar("E")

#: The tables whose records the index files under the actors in their ``parties``.
_BY_PARTIES = ("series", "committees", "thematic_years", "meetings", "documents")


def _mentioned(record: Any) -> dict[Actor, None]:
    """Every actor a record names anywhere, each once: its parties first.

    A relation concerns more states than its parties of today (a predecessor
    that held the ties before a succession), so relations are filed under all.
    """
    found: dict[Actor, None] = dict.fromkeys(record.parties)
    for kind in (State, Organization):
        found.update((actor, None) for _, actor in values_of(record, kind))
    found.update((BodyId(ref), None) for _, kind, ref in references(record) if kind is Body)
    return found


def _group(items: Iterable[tuple[Actor, Any]]) -> dict[Actor, tuple[Any, ...]]:
    """(actor, record) pairs grouped by actor, each group in the order of the pairs."""
    groups: dict[Actor, list[Any]] = {}
    for actor, record in items:
        groups.setdefault(actor, []).append(record)
    return {actor: tuple(found) for actor, found in groups.items()}


@frozen(kw_only=True)
class ActorIndex:
    """For each actor, the records that name it, in the dossier's order.

    ``tables[name][actor]`` holds the records of table `name` that list the
    actor among their ``parties`` (relations: that name the actor anywhere);
    ``offices`` those of the actor (their ``state``), ``statements`` those
    made on its behalf; ``holders`` maps an
    office id to the positions in ``people`` of those with a term in it.
    ``meetings_by_date`` holds the positions of an actor's meetings sorted by
    start (the dossier's order among equal dates), ``meeting_positions`` the
    same positions as a set.
    """

    tables: dict[str, dict[Actor, tuple[Any, ...]]]
    offices: dict[Actor, tuple[Any, ...]]
    statements: dict[Actor, tuple[Any, ...]]
    holders: dict[str, tuple[int, ...]]
    meetings_by_date: dict[Actor, tuple[int, ...]]
    meeting_positions: dict[Actor, frozenset[int]]


def actor_index(dossier: Dossier) -> ActorIndex:
    """Index the dossier's records by the actors they name (one pass over each table)."""
    tables = {
        name: _group(
            (party, record) for record in getattr(dossier, name) for party in record.parties
        )
        for name in _BY_PARTIES
    }
    tables["relations"] = _group(
        (actor, relation) for relation in dossier.relations for actor in _mentioned(relation)
    )
    meetings = dossier.meetings
    by_date = sorted(range(len(meetings)), key=lambda i: meetings[i].start)  # ties: file order
    holders: dict[str, dict[int, None]] = {}
    for position, person in enumerate(dossier.people):
        for tenure in person.tenures:
            holders.setdefault(tenure.office, {})[position] = None
    return ActorIndex(
        tables=tables,
        offices=_group((office.state, office) for office in dossier.offices),
        statements=_group(
            (s.on_behalf_of, s) for s in dossier.statements if s.on_behalf_of is not None
        ),
        holders={office: tuple(people) for office, people in holders.items()},
        meetings_by_date=_group((party, i) for i in by_date for party in meetings[i].parties),
        meeting_positions={
            actor: frozenset(positions)
            for actor, positions in _group(
                (party, i) for i, m in enumerate(meetings) for party in m.parties
            ).items()
        },
    )


def of(dossier: Dossier) -> ActorIndex:
    """The dossier's index by actor, built on its first query and kept with it."""
    index: ActorIndex = dossier._cached("actors", lambda: actor_index(dossier))  # noqa: SLF001
    return index


def meetings_between(dossier: Dossier, a: Actor, b: Actor) -> tuple[Meeting, ...]:
    """The meetings both actors were parties to, by start date: `Dossier.meetings_between`."""
    index = of(dossier)
    try:
        mine, theirs = index.meetings_by_date.get(a, ()), index.meetings_by_date.get(b, ())
    except TypeError:  # an unhashable argument is a party to nothing
        return ()
    if len(theirs) < len(mine):  # walk the shorter list, in date order; test the other's set
        mine, other = theirs, index.meeting_positions.get(a, frozenset())
    else:
        other = index.meeting_positions.get(b, frozenset())
    meetings = dossier.meetings
    return tuple(meetings[i] for i in mine if i in other)


class Involving:
    """The dossier as the timeline of one actor reads it: only the records naming the actor.

    Each table holds the records that name the actor where the timeline
    looks for it, in the dossier's order; people are those with a term in one
    of the actor's offices. Any other attribute (a table the timeline may come
    to read) is the dossier's own, whole.
    """

    def __init__(self, dossier: Dossier, index: ActorIndex, actor: Actor) -> None:
        """Select the records of `actor` from the index of `dossier`."""
        self._dossier = dossier
        tables = index.tables
        self.relations: tuple[BilateralRelation, ...] = tables["relations"].get(actor, ())
        self.series: tuple[MeetingSeries, ...] = tables["series"].get(actor, ())
        self.committees: tuple[Committee, ...] = tables["committees"].get(actor, ())
        self.thematic_years: tuple[ThematicYear, ...] = tables["thematic_years"].get(actor, ())
        self.meetings: tuple[Meeting, ...] = tables["meetings"].get(actor, ())
        self.documents: tuple[Document, ...] = tables["documents"].get(actor, ())
        self.offices: tuple[Office, ...] = index.offices.get(actor, ())
        self.statements: tuple[Statement, ...] = index.statements.get(actor, ())
        positions = {p for office in self.offices for p in index.holders.get(office.id, ())}
        self.people: tuple[Person, ...] = tuple(dossier.people[p] for p in sorted(positions))

    def __getattr__(self, name: str) -> Any:
        """A table or method the index does not narrow: the dossier's own."""
        return getattr(self._dossier, name)

    def actor_name(self, actor: Actor, *, locale: str) -> str:
        """`Dossier.actor_name`."""
        return self._dossier.actor_name(actor, locale=locale)

    def get(self, kind: type[E], id_: str) -> E | None:
        """`Dossier.get`: any entity of the dossier, not only the actor's."""
        return self._dossier.get(kind, id_)


def tables_for(dossier: Dossier, actor: Actor) -> Any:
    """What the timeline of `actor` reads: `Involving`, or the whole dossier for an odd actor."""
    try:
        return Involving(dossier, of(dossier), actor)
    except TypeError:  # an unhashable argument: read every table, as the timeline did
        return dossier


def timeline(dossier: Dossier, actor: Actor) -> tuple[TimelineEntry, ...]:
    """The timeline of an actor, read from its records only: `Dossier.timeline`."""
    return tuple(sorted(timeline_entries(tables_for(dossier, actor), actor), key=timeline_key))
