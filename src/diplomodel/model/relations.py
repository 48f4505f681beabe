"""Relations between two parties with their dated history, and the themed years they celebrate.

A relation's history is read from three fields. `established` is the day
diplomatic ties were first established, by whoever held them then; `events`
are what happened to the ties later (suspended, severed, restored,
downgraded ...); `successions` say which states continued ties set up by a
predecessor (Russia continuing the Soviet Union's ties with China). So
anniversaries always count from `established`, the original date.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from datetime import date
from operator import attrgetter
from typing import Any, Final

from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel.dates import PartialDate, as_day
from diplomodel.errors import ArgumentTypeError, InvalidArgumentError
from diplomodel.model._common import other_topics
from diplomodel.model.actors import Actor, actor, actor_key, actor_label
from diplomodel.model.ids import RelationId, ThematicYearId
from diplomodel.model.sectors import Sector
from diplomodel.model.sources import Source

__all__ = [
    "BilateralRelation",
    "PartnershipLevel",
    "RelationEvent",
    "RelationEventKind",
    "RelationStatus",
    "Succession",
    "ThematicYear",
]


@frozen(kw_only=True)
class PartnershipLevel:
    """A named level of a relationship, in force from a date until the next level.

    Args:
        name: The name the parties use ("comprehensive strategic partnership
            of coordination for a new era").
        since: When the parties declared it.

    >>> PartnershipLevel(name="strategic partnership", since=PartialDate(year=1996)).since.year
    1996
    """

    name: str = field(validator=v.text(max_length=500))
    since: PartialDate = field(validator=v.date())


def _as_day(on: date | PartialDate) -> date:
    if isinstance(on, PartialDate):
        return on.to_date()
    if isinstance(on, date):
        return as_day(on)
    raise ArgumentTypeError(
        f"expected a date or a day-precision PartialDate (got {type(on).__name__})"
    )


class RelationEventKind(enum.Enum):
    """What happened to diplomatic ties on a day (partnership levels are kept in `levels`).

    >>> RelationEventKind("severance")
    <RelationEventKind.SEVERANCE: 'severance'>
    """

    RECOGNITION = "recognition"
    """One party recognised the other or its government; the ties do not change."""
    ESTABLISHMENT = "establishment"
    """Diplomatic ties were established: the event form of `BilateralRelation.established`."""
    SUSPENSION = "suspension"
    """Ties were suspended (missions closed or recalled) without being broken off."""
    RESTORATION = "restoration"
    """Ties were restored after a suspension or a severance."""
    SEVERANCE = "severance"
    """Ties were broken off."""
    DOWNGRADE = "downgrade"
    """The level of representation was lowered (ambassadors recalled); ties go on."""
    UPGRADE = "upgrade"
    """The level of representation was raised (to embassies); ties go on."""


class RelationStatus(enum.Enum):
    """The state of diplomatic ties on a day (see `BilateralRelation.status_on`).

    >>> RelationStatus("suspended").name
    'SUSPENDED'
    """

    NONE = "none"
    """No diplomatic ties: before they were established."""
    ACTIVE = "active"
    """Ties in force (at whatever level of representation)."""
    SUSPENDED = "suspended"
    """Ties suspended, not broken off."""
    SEVERED = "severed"
    """Ties broken off."""


@frozen(kw_only=True)
class RelationEvent:
    """One dated event in the history of diplomatic ties.

    Args:
        kind: What happened.
        date: When.
        note: What else to know, in words.
        sources: Where the facts come from.

    >>> RelationEvent(kind=RelationEventKind.SEVERANCE, date=PartialDate.parse("2016-01-03")).kind
    <RelationEventKind.SEVERANCE: 'severance'>
    """

    kind: RelationEventKind = field(validator=v.enum_member(RelationEventKind))
    date: PartialDate = field(validator=v.date())
    note: str | None = field(default=None, validator=v.optional(v.text(max_length=2000)))
    sources: tuple[Source, ...] = field(default=(), validator=v.tuple_of(v.instance(Source)))


@frozen(kw_only=True)
class Succession:
    """A state that took over the ties of a predecessor, from a day on.

    Args:
        predecessor: Who held the ties before (the Soviet Union).
        successor: Who continues them: a party of the relation, or the
            predecessor of a later succession (a chain: Yugoslavia, Serbia
            and Montenegro, Serbia).
        date: From when the successor continues them.
        note: What else to know, in words (how the continuity was agreed).
        sources: Where the facts come from.

    >>> from diplomodel.states import states
    >>> Succession(predecessor=states.get("SU"), successor=states.get("RU"),
    ...            date=PartialDate.parse("1991-12-27")).predecessor.name
    'Soviet Union'
    """

    predecessor: Actor = field(validator=actor())
    successor: Actor = field(validator=actor())
    date: PartialDate = field(validator=v.date())
    note: str | None = field(default=None, validator=v.optional(v.text(max_length=2000)))
    sources: tuple[Source, ...] = field(default=(), validator=v.tuple_of(v.instance(Source)))


_K, _S = RelationEventKind, RelationStatus
_AFTER: Final[dict[tuple[RelationStatus | None, RelationEventKind], RelationStatus]] = {
    (_S.NONE, _K.ESTABLISHMENT): _S.ACTIVE,
    (_S.ACTIVE, _K.SUSPENSION): _S.SUSPENDED,
    (_S.ACTIVE, _K.SEVERANCE): _S.SEVERED,
    (_S.SUSPENDED, _K.SEVERANCE): _S.SEVERED,
    (_S.SUSPENDED, _K.RESTORATION): _S.ACTIVE,
    (_S.SEVERED, _K.RESTORATION): _S.ACTIVE,
    (_S.ACTIVE, _K.DOWNGRADE): _S.ACTIVE,
    (_S.ACTIVE, _K.UPGRADE): _S.ACTIVE,
}
"""The status after an event, for each status in which the event can happen."""

_UNKNOWN_BEFORE: Final = {
    _K.SUSPENSION: _S.SUSPENDED,
    _K.SEVERANCE: _S.SEVERED,
    _K.RESTORATION: _S.ACTIVE,
    _K.DOWNGRADE: _S.ACTIVE,
    _K.UPGRADE: _S.ACTIVE,
}
"""The status after an event when the record does not say what came before."""


def _history_steps(
    established: PartialDate | None, events: tuple[RelationEvent, ...]
) -> Iterator[tuple[int | None, PartialDate, RelationStatus | None, str | None]]:
    """Each step of the history: (event index or None, date, status after, what is wrong).

    The date in `established` is a step of its own (index None), placed before
    the first event not surely earlier than it, unless an establishment event
    says the same. A wrong step ends the walk.
    """
    status: RelationStatus | None = None if established is None else _S.NONE
    pending = established is not None and not any(e.kind is _K.ESTABLISHMENT for e in events)
    for index, event in enumerate(events):
        if pending and established is not None and event.date.latest() >= established.earliest():
            pending, status = False, _S.ACTIVE
            yield None, established, status, None
        if event.kind is _K.ESTABLISHMENT and event.date != established:
            said = (
                "no 'established' date" if established is None else f"'established' {established}"
            )
            yield index, event.date, status, f"has an establishment on {event.date}, but {said}"
            return
        if event.kind is _K.RECOGNITION:
            yield index, event.date, status, None
            continue
        after = (
            _UNKNOWN_BEFORE.get(event.kind) if status is None else _AFTER.get((status, event.kind))
        )
        if after is None:
            state = "not established" if status is _S.NONE else str(getattr(status, "value", ""))
            yield (
                index,
                event.date,
                status,
                (f"has a {event.kind.value} on {event.date} while ties were {state}"),
            )
            return
        status = after
        yield index, event.date, status, None
    if pending and established is not None:
        yield None, established, _S.ACTIVE, None


def _events_problem(inst: Any, events: tuple[RelationEvent, ...]) -> str | None:
    if not events:  # no event, nothing to contradict
        return None
    for index, _, _, wrong in _history_steps(getattr(inst, "established", None), events):
        if wrong is not None:
            return f"[{index}] {wrong}"
    return None


def _events_kept(values: dict[str, Any], events: tuple[RelationEvent, ...]) -> tuple[Any, ...]:
    kept: list[RelationEvent] = []
    for event in events:
        trial = (*kept, event)
        if all(wrong is None for *_, wrong in _history_steps(values.get("established"), trial)):
            kept.append(event)
    return tuple(kept)


def _chain(
    parties: tuple[Actor, ...], successions: tuple[Succession, ...]
) -> Iterator[tuple[int, tuple[Actor, ...], str | None]]:
    """Walk the successions from the latest back: (index, parties before it, what is wrong)."""
    held = tuple(parties)
    for index in reversed(range(len(successions))):
        step = successions[index]
        if step.successor not in held:
            yield index, held, f"names {actor_label(step.successor)} as successor, not a party"
            return
        if step.predecessor in held:
            yield index, held, f"names {actor_label(step.predecessor)} as predecessor, a party"
            return
        held = tuple(step.predecessor if p == step.successor else p for p in held)
        yield index, held, None


def _successions_problem(inst: Any, successions: tuple[Succession, ...]) -> str | None:
    for index, _, wrong in _chain(getattr(inst, "parties", ()), successions):
        if wrong is not None:
            return f"[{index}] {wrong}"
    return None


def _successions_kept(
    values: dict[str, Any], successions: tuple[Succession, ...]
) -> tuple[Any, ...]:
    kept: list[Succession] = []
    for step in reversed(successions):
        trial = (step, *kept)
        if all(wrong is None for *_, wrong in _chain(values.get("parties", ()), trial)):
            kept.insert(0, step)
    return tuple(kept)


@frozen(kw_only=True)
class BilateralRelation:
    """The relationship between two parties: diplomatic ties and partnership levels over time.

    The parties are usually two states; either may be an organisation (EU–China
    relations). The parties are those who hold the ties now; ties set up by a
    predecessor state keep their original `established` date and say who
    continues them in `successions`, so anniversaries count from that date.

    Args:
        id: Stable id.
        parties: The two states or organisations, in any order.
        established: When diplomatic relations were first established (by the
            predecessor, if ties were continued by a successor).
        levels: The partnership levels, earliest first.
        events: What happened to the ties, earliest first (see `status_on`).
        successions: Successor states that continued the ties, earliest first.
        sources: Where the facts come from.

    Raises:
        ValueError: There are not exactly two different parties; the levels or
            events are not in date order; an event cannot follow the ones
            before it (a restoration while ties were active, a suspension
            while they were severed, an establishment on another day than
            `established`); or a succession names a successor that is not a
            party (or the predecessor of a later succession).

    >>> from diplomodel.states import states
    >>> r = BilateralRelation(
    ...     id="cn-ru", parties=(states.get("CN"), states.get("RU")),
    ...     established=PartialDate.parse("1949-10-02"),
    ...     levels=(PartnershipLevel(name="strategic partnership", since=PartialDate(year=1996)),),
    ... )
    >>> r.level_on(date(2000, 1, 1)).name
    'strategic partnership'
    >>> r.level_on(date(1990, 1, 1)) is None
    True
    """

    id: RelationId = field(validator=v.identifier())
    parties: tuple[Actor, ...] = field(
        validator=v.tuple_of(actor(), unique=True, min_length=2, max_length=2)
    )
    established: PartialDate | None = field(default=None, validator=v.optional_date())
    levels: tuple[PartnershipLevel, ...] = field(
        default=(),
        validator=v.tuple_of(v.instance(PartnershipLevel), chronological=attrgetter("since")),
    )
    events: tuple[RelationEvent, ...] = field(
        default=(),
        validator=[
            v.tuple_of(v.instance(RelationEvent), chronological=attrgetter("date")),
            v.coherent(_events_problem, _events_kept, passes_empty=True),
        ],
    )
    successions: tuple[Succession, ...] = field(
        default=(),
        validator=[
            v.tuple_of(v.instance(Succession), chronological=attrgetter("date")),
            v.coherent(_successions_problem, _successions_kept, passes_empty=True),
        ],
    )
    sources: tuple[Source, ...] = field(default=(), validator=v.tuple_of(v.instance(Source)))

    def involves(self, state: Actor) -> bool:
        """Whether `state` is one of the two parties.

        Args:
            state: The state.

        Returns:
            True if it is a party.
        """
        return state in self.parties

    def other(self, state: Actor) -> Actor:
        """The party that is not `state`.

        Args:
            state: One of the parties.

        Returns:
            The other party.

        Raises:
            InvalidArgumentError: `state` is not a party (a `ValueError`).
        """
        if state not in self.parties:
            raise InvalidArgumentError(f"{actor_key(state)} is not a party to relation {self.id!r}")
        return self.parties[1] if self.parties[0] == state else self.parties[0]

    def level_on(self, on: date | PartialDate) -> PartnershipLevel | None:
        """The partnership level in force on a day, or None before the first one.

        A level whose date is known only to the month or year counts from the
        last day it could have begun, so the answer is never premature.

        Args:
            on: A `datetime.date` or a day-precision `PartialDate`.

        Returns:
            The level, or None if none was yet in force.

        Raises:
            ValueError: `on` is a `PartialDate` not known to the day.
        """
        day = _as_day(on)
        current = None
        for level in self.levels:
            if level.since.latest() <= day:
                current = level
        return current

    def status_changes(self) -> tuple[tuple[PartialDate, RelationStatus], ...]:
        """Each change of the ties' status, earliest first: (date, status from then on).

        The `established` date makes the ties active; then each event that
        changes the status (a recognition, a downgrade or an upgrade does not)
        follows. Without `established`, the record starts at the first event.

        >>> from diplomodel.states import states
        >>> r = BilateralRelation(id="sa-ir", parties=(states.get("SA"), states.get("IR")),
        ...     events=(RelationEvent(kind=RelationEventKind.SEVERANCE,
        ...                           date=PartialDate.parse("2016-01-03")),))
        >>> [(str(d), s.value) for d, s in r.status_changes()]
        [('2016-01-03', 'severed')]
        """
        changes: list[tuple[PartialDate, RelationStatus]] = []
        for _, when, status, _ in _history_steps(self.established, self.events):
            if status is not None and (not changes or changes[-1][1] is not status):
                changes.append((when, status))
        return tuple(changes)

    def status_on(self, on: date | PartialDate) -> RelationStatus | None:
        """The status of diplomatic ties on a day.

        Before `established` there are no ties (`RelationStatus.NONE`); from
        then on they are active until an event changes that. A date known only
        to the month or year counts from the last day it could be, as in
        `level_on`. A relation without `established` has no known status
        before its first event: then the answer is None.

        Args:
            on: A `datetime.date` or a day-precision `PartialDate`.

        Returns:
            The status, or None if the record does not say.

        Raises:
            ValueError: `on` is a `PartialDate` not known to the day.

        >>> from diplomodel.states import states
        >>> r = BilateralRelation(id="cn-ru", parties=(states.get("CN"), states.get("RU")),
        ...                       established=PartialDate.parse("1949-10-02"))
        >>> r.status_on(date(1949, 10, 1)).value, r.status_on(date(2024, 8, 21)).value
        ('none', 'active')
        """
        day = _as_day(on)
        status = None if self.established is None else RelationStatus.NONE
        for when, changed in self.status_changes():
            if when.latest() <= day:
                status = changed
        return status

    @property
    def original_parties(self) -> tuple[Actor, ...]:
        """The two parties that established the ties, predecessors in place of successors.

        >>> from diplomodel.states import states
        >>> cn, ru, su = states.get("CN"), states.get("RU"), states.get("SU")
        >>> r = BilateralRelation(id="cn-ru", parties=(cn, ru),
        ...     established=PartialDate.parse("1949-10-02"),
        ...     successions=(Succession(predecessor=su, successor=ru,
        ...                             date=PartialDate.parse("1991-12-27")),))
        >>> [s.name for s in r.original_parties]
        ['China', 'Soviet Union']
        >>> [s.code for s in r.parties_on(date(1990, 1, 1))], r.established
        (['CN', 'SU'], PartialDate(year=1949, month=10, day=2))
        """
        return self.parties_on(None)

    def parties_on(self, on: date | PartialDate | None) -> tuple[Actor, ...]:
        """The two parties that held the ties on a day (None: when they were established).

        A succession known only to the month or year counts from its last
        possible day, as in `level_on`.

        Args:
            on: A `datetime.date`, a day-precision `PartialDate`, or None.

        Raises:
            ValueError: `on` is a `PartialDate` not known to the day.

        >>> from diplomodel.dossier import load_example
        >>> [s.code for s in load_example().relations[0].parties_on(date(1990, 1, 1))]
        ['CN', 'SU']
        >>> [s.code for s in load_example().relations[0].parties_on(date(2024, 8, 21))]
        ['CN', 'RU']
        """
        day = None if on is None else _as_day(on)
        held = self.parties
        for index, before, _ in _chain(self.parties, self.successions):
            if day is None or self.successions[index].date.latest() > day:
                held = before
        return held


@frozen(kw_only=True)
class ThematicYear:
    """Themed years two or more states hold together ("Years of Culture").

    Args:
        id: Stable id.
        title: Its English name.
        parties: The states holding it.
        start: When it begins.
        end: When it ends.
        sectors: The fields it promotes.
        other_topics: Topics the `Sector` vocabulary lacks, in words, kept as written.
        sources: Where the facts come from.

    Raises:
        ValueError: The end is before the start.

    >>> from diplomodel.states import states
    >>> ThematicYear(id="y", title="Years of Culture", parties=(states.get("RU"),),
    ...              start=PartialDate(year=2024), end=PartialDate(year=2025)).end.year
    2025
    """

    id: ThematicYearId = field(validator=v.identifier())
    title: str = field(validator=v.text(max_length=500))
    parties: tuple[Actor, ...] = field(validator=v.tuple_of(actor(), unique=True, min_length=1))
    start: PartialDate = field(validator=v.date())
    end: PartialDate = field(validator=[v.date(), v.not_before("start")])
    sectors: tuple[Sector, ...] = field(
        default=(), validator=v.tuple_of(v.enum_member(Sector), unique=True)
    )
    other_topics: tuple[str, ...] = field(default=(), validator=other_topics())
    sources: tuple[Source, ...] = field(default=(), validator=v.tuple_of(v.instance(Source)))
