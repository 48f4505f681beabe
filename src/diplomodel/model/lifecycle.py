"""The life of a document: dated events per party, and its status on any day.

A document's life is read from two fields of `Document`: `signed`, the day
it was signed or adopted, and `events`, what happened to it later for all
parties or for one (ratification, entry into force, extension, suspension,
withdrawal, expiry ...). Each party goes through the statuses of
`DocumentStatus`; an event for all parties (``party=None``) moves every
party still bound by the document. The walk here says where each party
stands after each event, and what is wrong when an event cannot follow the
ones before it (in force before it was signed, a party withdrawing before it
signed, anything after the document expired).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Sequence
from typing import Any, Final, NamedTuple

from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel.dates import PartialDate
from diplomodel.model.actors import Actor, actor, actor_label
from diplomodel.model.sources import Source

__all__ = ["DocumentEvent", "DocumentEventKind", "DocumentStatus"]


class DocumentStatus(enum.Enum):
    """Where a document stands in its life, for one party or for all.

    >>> DocumentStatus("in_force")
    <DocumentStatus.IN_FORCE: 'in_force'>
    """

    DRAFT = "draft"
    """Drafted or agreed on, not yet signed."""
    SIGNED = "signed"
    """Signed or adopted, not yet ratified or in force."""
    RATIFIED = "ratified"
    """Ratified or approved by the parties, not yet in force."""
    PROVISIONALLY_APPLIED = "provisionally_applied"
    """Applied provisionally, before its entry into force."""
    IN_FORCE = "in_force"
    """In force: it binds or guides the parties now."""
    SUSPENDED = "suspended"
    """In force, but its operation (or a party's participation) is suspended."""
    EXPIRED = "expired"
    """No longer in force because its term ran out."""
    TERMINATED = "terminated"
    """Ended early by the parties or by one of them."""
    SUPERSEDED = "superseded"
    """Replaced by a later document."""
    WITHDRAWN = "withdrawn"
    """The party withdrew from it or denounced it (others may still be bound)."""


class DocumentEventKind(enum.Enum):
    """What happened to a document on a day, for one party or for all.

    >>> DocumentEventKind("entry_into_force").name
    'ENTRY_INTO_FORCE'
    """

    SIGNATURE = "signature"
    """The document was signed: the event form of `Document.signed`."""
    ADOPTION = "adoption"
    """The text was adopted (a declaration at a meeting, a treaty text by a conference)."""
    RATIFICATION = "ratification"
    """Ratified, approved, accepted or confirmed under the party's own law."""
    PROVISIONAL_APPLICATION = "provisional_application"
    """Applied provisionally from this day, pending entry into force."""
    ENTRY_INTO_FORCE = "entry_into_force"
    """Entered into force (``until``: the end of its term, when set)."""
    EXTENSION = "extension"
    """Its term was extended (``until``: the new end of its term)."""
    SUSPENSION = "suspension"
    """Its operation, or a party's participation, was suspended."""
    RESUMPTION = "resumption"
    """A suspension ended: the document operates again."""
    WITHDRAWAL = "withdrawal"
    """A party withdrew from it or denounced it."""
    EXPIRY = "expiry"
    """Its term ran out."""
    TERMINATION = "termination"
    """It was ended before its term ran out."""
    SUPERSESSION = "supersession"
    """It was replaced by another document (see `Document.supersedes`)."""


_K, _S = DocumentEventKind, DocumentStatus

_TERMED: Final = frozenset({_K.ENTRY_INTO_FORCE, _K.EXTENSION})
"""The kinds of event that may set the end of the document's term (`DocumentEvent.until`)."""

ACTIVE: Final = frozenset({_S.IN_FORCE, _S.SUSPENDED, _S.PROVISIONALLY_APPLIED})
"""The statuses in which a document applies (or its application is only suspended)."""
_PENDING: Final = frozenset({_S.SIGNED, _S.RATIFIED})
FINAL: Final = frozenset({_S.EXPIRED, _S.TERMINATED, _S.SUPERSEDED, _S.WITHDRAWN})
"""The statuses after which nothing more can happen to the document for that party."""

_NATURAL: Final = {
    _K.SIGNATURE: _S.SIGNED,
    _K.ADOPTION: _S.SIGNED,
    _K.RATIFICATION: _S.RATIFIED,
    _K.PROVISIONAL_APPLICATION: _S.PROVISIONALLY_APPLIED,
    _K.ENTRY_INTO_FORCE: _S.IN_FORCE,
    _K.EXTENSION: _S.IN_FORCE,
    _K.SUSPENSION: _S.SUSPENDED,
    _K.RESUMPTION: _S.IN_FORCE,
    _K.WITHDRAWAL: _S.WITHDRAWN,
    _K.EXPIRY: _S.EXPIRED,
    _K.TERMINATION: _S.TERMINATED,
    _K.SUPERSESSION: _S.SUPERSEDED,
}
"""The status after each kind of event."""

_FROM: Final = {
    _K.SIGNATURE: frozenset({_S.DRAFT, _S.SIGNED}),  # signed after its text was adopted
    _K.ADOPTION: frozenset({_S.DRAFT}),
    _K.RATIFICATION: frozenset({_S.SIGNED, _S.PROVISIONALLY_APPLIED}),
    _K.PROVISIONAL_APPLICATION: _PENDING,
    _K.ENTRY_INTO_FORCE: _PENDING | {_S.PROVISIONALLY_APPLIED},
    _K.EXTENSION: ACTIVE,
    _K.SUSPENSION: frozenset({_S.IN_FORCE, _S.PROVISIONALLY_APPLIED}),
    _K.RESUMPTION: frozenset({_S.SUSPENDED}),
    _K.WITHDRAWAL: _PENDING | ACTIVE,
    _K.EXPIRY: ACTIVE,
    _K.TERMINATION: _PENDING | ACTIVE,
    _K.SUPERSESSION: _PENDING | ACTIVE,
}
"""The statuses in which each kind of event can happen."""

_ENDED: Final = {
    _S.EXPIRED: "it expired",
    _S.TERMINATED: "it was terminated",
    _S.SUPERSEDED: "it was superseded",
    _S.WITHDRAWN: "{who} withdrew",
}


def _after(status: DocumentStatus | None, kind: DocumentEventKind) -> DocumentStatus | None:
    """The status after an event, or None if the event cannot happen in `status`.

    An unknown status (None: the record starts after the document was signed)
    allows any event. An extension keeps the status, and so does a
    ratification while the document is applied provisionally.
    """
    if status is not None and status not in _FROM[kind]:
        return None
    if kind is _K.EXTENSION and status is not None:
        return status
    if kind is _K.RATIFICATION and status is _S.PROVISIONALLY_APPLIED:
        return status
    return _NATURAL[kind]


def _until_problem(inst: Any, until: PartialDate | None) -> str | None:
    kind = getattr(inst, "kind", None)
    if until is not None and kind not in _TERMED:
        return (
            f"({until}) is only for an entry into force or an extension "
            f"(got {getattr(kind, 'value', kind)!r})"
        )
    return None


def _until_kept(values: dict[str, Any], until: PartialDate | None) -> PartialDate | None:
    return until if values.get("kind") in _TERMED else None


@frozen(kw_only=True)
class DocumentEvent:
    """One dated event in the life of a document, for one party or for all.

    Args:
        kind: What happened.
        date: When.
        party: The party it happened for (Russia suspending its
            participation); None for all parties.
        until: For an entry into force or an extension, the end of the term
            from then on, when set (New START was extended to 5 February 2026).
        note: What else to know, in words.
        sources: Where the facts come from.

    Raises:
        ValueError: ``until`` is before ``date``, or given for another kind of event.

    >>> from diplomodel.states import states
    >>> e = DocumentEvent(kind=DocumentEventKind.SUSPENSION,
    ...                   date=PartialDate.parse("2023-02-21"), party=states.get("RU"))
    >>> e.party.name, e.until is None
    ('Russia', True)
    """

    kind: DocumentEventKind = field(validator=v.enum_member(DocumentEventKind))
    date: PartialDate = field(validator=v.date())
    party: Actor | None = field(default=None, validator=v.optional(actor()))
    until: PartialDate | None = field(
        default=None,
        validator=[
            v.optional_date(),
            v.not_before("date"),
            v.coherent(_until_problem, _until_kept),
        ],
    )
    note: str | None = field(default=None, validator=v.optional(v.text(max_length=2000)))
    sources: tuple[Source, ...] = field(default=(), validator=v.tuple_of(v.instance(Source)))


def _a(kind: DocumentEventKind) -> str:
    words = kind.value.replace("_", " ")
    return f"{'an' if words[0] in 'aeiou' else 'a'} {words}"


class Lifecycle(NamedTuple):
    """Where each party of a document stands over time, read from `signed` and the events.

    Built with `Lifecycle.walk`; `Document.status_on` and
    `Document.status_changes` read it.

    Attributes:
        changes: For each party, in the order of the parties, its changes of
            status: (date, status from then on), earliest first.
        problem: What is wrong with the events, or None: the first event
            that cannot follow the ones before it, with its index.
    """

    changes: tuple[tuple[Actor, tuple[tuple[PartialDate, DocumentStatus], ...]], ...]
    problem: str | None

    @classmethod
    def walk(  # noqa: C901 - one walk through the events, every check in order
        cls,
        parties: Sequence[Actor],
        signed: PartialDate | None,
        events: Sequence[DocumentEvent],
    ) -> Lifecycle:
        """Follow each party through the events; stop at the first one that cannot be.

        `signed` counts as every party's signature, unless an event says when
        the party signed or adopted it; it falls before the first of the
        party's events not surely earlier than it.

        >>> from diplomodel.states import states
        >>> ru, us = states.get("RU"), states.get("US")
        >>> life = Lifecycle.walk((ru, us), PartialDate.parse("2010-04-08"), (
        ...     DocumentEvent(kind=DocumentEventKind.ENTRY_INTO_FORCE,
        ...                   date=PartialDate.parse("2010-01-01")),))
        >>> life.problem
        '[0] has an entry into force on 2010-01-01 before the parties signed it (2010-04-08)'
        """
        begun = {_K.SIGNATURE, _K.ADOPTION}
        own = {p: any(e.kind in begun and e.party in (None, p) for e in events) for p in parties}
        status: dict[Actor, DocumentStatus | None] = {
            p: _S.DRAFT if signed is not None or own[p] else None for p in parties
        }
        pending = {p for p in parties if signed is not None and not own[p]}
        changes: dict[Actor, list[tuple[PartialDate, DocumentStatus]]] = {p: [] for p in parties}

        def done() -> Lifecycle:
            return cls(tuple((p, tuple(changes[p])) for p in parties), None)

        def failed(index: int, wrong: str) -> Lifecycle:
            return cls(tuple((p, tuple(changes[p])) for p in parties), f"[{index}] {wrong}")

        allowed = set(parties)
        for index, event in enumerate(events):
            if event.party is not None and event.party not in allowed:
                return failed(index, f"names {actor_label(event.party)}, not a party")
            if index and event.date.latest() < events[index - 1].date.earliest():
                return failed(
                    index,
                    f"({event.date}) is dated earlier than the event before it "
                    f"({events[index - 1].date}): events go in date order",
                )
            if signed is not None and event.kind in begun and event.party is None:
                same = [e for e in events if e.kind in begun and e.party is None]
                if all(e.date != signed for e in same):
                    return failed(
                        index, f"has {_a(event.kind)} on {event.date}, but 'signed' is {signed}"
                    )
            who = parties if event.party is None else (event.party,)
            for party in who:
                if (
                    party in pending
                    and signed is not None
                    and event.date.latest() >= signed.earliest()
                ):
                    pending.discard(party)
                    status[party] = _S.SIGNED
                    changes[party].append((signed, _S.SIGNED))
            bound = [p for p in who if status[p] not in FINAL]
            if not bound:
                return failed(index, _wrong(event, status[who[0]], event.party, signed))
            for party in bound:
                after = _after(status[party], event.kind)
                if after is None:
                    named = None if event.party is None and len(bound) == len(parties) else party
                    return failed(index, _wrong(event, status[party], named, signed))
                status[party] = after
                changes[party].append((event.date, after))
        for party in pending:
            if signed is not None:  # always: only then is a party pending
                changes[party].append((signed, _S.SIGNED))
        return done()

    def of(self, party: Actor) -> tuple[tuple[PartialDate, DocumentStatus], ...]:
        """The changes of status of one party (nothing for an actor that is no party)."""
        return next((steps for p, steps in self.changes if p == party), ())


def _wrong(
    event: DocumentEvent,
    status: DocumentStatus | None,
    party: Actor | None,
    signed: PartialDate | None,
) -> str:
    """Why `event` cannot happen for `party` (None: for the document) in `status`."""
    said = f"has {_a(event.kind)} on {event.date}"
    if event.party is not None:
        said = f"has {_a(event.kind)} by {actor_label(event.party)} on {event.date}"
    who = "the parties" if party is None else actor_label(party)
    if status is _S.DRAFT:
        when = "" if signed is None else f" ({signed})"
        return f"{said} before {who} signed it{when}"
    if status in FINAL:
        ended = _ENDED[status].format(who=who)
        return f"{said} after {ended}"
    shown = "unknown" if status is None else status.value.replace("_", " ")
    for_whom = "" if party is None else f" for {actor_label(party)}"
    return f"{said} while it was {shown}{for_whom}"


def combined(statuses: Sequence[DocumentStatus | None]) -> DocumentStatus | None:
    """The status of the whole document from its parties' statuses.

    In force if it is in force for any party (a party's suspension or
    withdrawal does not end it for the others); else suspended, then applied
    provisionally; else the least advanced of signed and ratified; else how
    it ended. None when no party's status is known.

    >>> combined([DocumentStatus.IN_FORCE, DocumentStatus.SUSPENDED]).value
    'in_force'
    >>> combined([DocumentStatus.SIGNED, DocumentStatus.RATIFIED]).value
    'signed'
    """
    known = {s for s in statuses if s is not None}
    order = (
        _S.IN_FORCE,
        _S.SUSPENDED,
        _S.PROVISIONALLY_APPLIED,
        _S.DRAFT,
        _S.SIGNED,
        _S.RATIFIED,
        _S.SUPERSEDED,
        _S.TERMINATED,
        _S.EXPIRED,
        _S.WITHDRAWN,
    )
    return next((s for s in order if s in known), None)


def events_kept(values: dict[str, Any], events: tuple[DocumentEvent, ...]) -> tuple[Any, ...]:
    """The largest part of `events` (in date order) that makes sense, kept greedily."""
    parties = values.get("parties", ())
    signed = values.get("signed")
    kept: list[DocumentEvent] = []
    for event in sorted(events, key=lambda e: e.date.earliest()):
        trial = (*kept, event)
        if Lifecycle.walk(parties, signed, trial).problem is None:
            kept.append(event)
    return tuple(kept)


def events_problem(inst: Any, events: tuple[DocumentEvent, ...]) -> str | None:
    """What is wrong with a document's events (None: nothing)."""
    if not events:  # no event, nothing to contradict: most documents
        return None
    parties = getattr(inst, "parties", ())
    return Lifecycle.walk(parties, getattr(inst, "signed", None), events).problem


def steps(life: Lifecycle) -> Iterator[tuple[PartialDate, Actor, DocumentStatus]]:
    """Every change of every party: (date, party, status from then on), by date."""
    every = [(when, party, status) for party, changes in life.changes for when, status in changes]
    yield from sorted(every, key=lambda step: step[0].latest())
