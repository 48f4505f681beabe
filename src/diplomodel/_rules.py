"""The built-in validation rules. Private: use them through `diplomodel.validation`.

Each check takes the object it applies to and the dossier around it (None
when an entity is validated on its own) and yields a `Hit` for each thing
wrong, with the path of the offending value relative to the object. Checks
that need other entities stay silent without a dossier.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import groupby, pairwise
from operator import attrgetter
from typing import Final

from diplomodel import _rules_multilateral as multi
from diplomodel._rule_support import (
    Check,
    Days,
    Facts,
    Hit,
    Spec,
    all_resolve,
    every_reference_resolves,
    label,
    related,
    side_of,
    spec,
    spec_of,
    spec_only,
    terms_of,
    unresolved,
)
from diplomodel.dates import PartialDate
from diplomodel.dossier import Dossier
from diplomodel.model._fields import TABLES, references
from diplomodel.model.actors import Actor, Body, actor_key, actor_label
from diplomodel.model.documents import Document, Signature
from diplomodel.model.meetings import Meeting, MeetingSeries, Participation, Role
from diplomodel.model.people import Person
from diplomodel.model.relations import BilateralRelation
from diplomodel.model.statements import Statement

__all__ = ["BUILTIN", "Check", "Hit", "Spec"]


# -- references and ids ------------------------------------------------------------


_LABELS: Final = {MeetingSeries: "meeting series", BilateralRelation: "relation"}


def check_references(dossier: Dossier, _dossier: Dossier | None) -> Iterator[Hit]:
    """Every id reference resolves to an entity of the kind it names."""
    if every_reference_resolves(dossier):
        return  # the usual case, answered by comparing sets of ids
    for path, entity in dossier.entities():
        if all_resolve(entity, dossier):
            continue  # the usual case; only an entity with a dangling id is walked for paths
        for at, kind, ref in references(entity):
            if dossier.get(kind, ref) is None:
                label = _LABELS.get(kind, kind.__name__.lower())
                yield Hit(
                    message=f"{ref!r} names no {label} in the dossier",
                    at=path[1:] + at,
                    ids=(entity.id, ref),
                )


def check_unique_ids(dossier: Dossier, _dossier: Dossier | None) -> Iterator[Hit]:
    """No two entities of one kind share an id."""
    index = dossier._ids()  # noqa: SLF001 - the dossier's own index, read, never changed
    for name, kind in TABLES.items():
        table = getattr(dossier, name)
        if len(index[kind]) == len(table):
            continue  # as many ids as entities: each id once (the usual case)
        first: dict[str, int] = {}
        for position, entity in enumerate(table):
            seen = first.setdefault(entity.id, position)
            if seen != position:
                yield Hit(
                    message=f"id {entity.id!r} is already used by $.{name}[{seen}]",
                    at=f".{name}[{position}].id",
                    ids=(entity.id,),
                )


# -- meetings ----------------------------------------------------------------------


def check_actors_attend(subject: Meeting | Document, facts: Facts) -> Iterator[Hit]:
    """Co-chairs, presenters, signers and witnesses are the meeting's participants."""
    if isinstance(subject, Meeting):
        if not subject.committee_reports or not subject.participants:
            return
        present = facts.attendees(subject)
        for i, report in enumerate(subject.committee_reports):
            if report.presenter is not None and report.presenter not in present:
                yield Hit(
                    message=f"presenter {report.presenter!r} is not a participant of the meeting",
                    at=f".committee_reports[{i}].presenter",
                    ids=(report.presenter,),
                )
        return
    meeting = facts.meeting_of(subject)
    if meeting is None or not meeting.participants:
        return
    present = facts.attendees(meeting)
    for i, signature in enumerate(subject.signatories):
        if signature.person not in present:
            yield Hit(
                message=f"signatory {signature.person!r} is not a participant of {meeting.id!r}",
                at=f".signatories[{i}].person",
                ids=(signature.person, meeting.id),
            )
    for i, witness in enumerate(subject.witnesses):
        if witness not in present:
            yield Hit(
                message=f"witness {witness!r} is not a participant of {meeting.id!r}",
                at=f".witnesses[{i}]",
                ids=(witness, meeting.id),
            )


def _listed(actor: Actor, parties: tuple[Actor, ...]) -> bool:
    """Whether the actor is one of the parties, the very object (no comparison of fields)."""
    for party in parties:  # noqa: SIM110 - a loop: no generator per signatory
        if party is actor:
            return True
    return False


def check_co_chairs_per_side(meeting: Meeting, dossier: Dossier | None) -> Iterator[Hit]:
    """A bilateral meeting has at most one co-chair for each party."""
    if len(meeting.parties) != 2:
        return
    chairs: dict[str, str] = {}
    for i, p in enumerate(meeting.participants):
        if p.role is not Role.CO_CHAIR:
            continue
        side = side_of(p.delegation, meeting.parties, dossier) or p.delegation
        other = chairs.setdefault(actor_key(side), p.person)
        if other != p.person:
            yield Hit(
                message=f"{actor_label(side)} has a second co-chair, {p.person!r}, "
                f"besides {other!r}",
                at=f".participants[{i}]",
                ids=(p.person, other),
            )


def check_host_is_party(meeting: Meeting, dossier: Dossier | None) -> Iterator[Hit]:
    """The host is one of the parties (a warning: third-country hosts exist)."""
    host = meeting.host
    if host is None or meeting.kind in multi.VISITS or unresolved(host, dossier):
        return  # a visit's host is DM132's to judge
    if side_of(host, meeting.parties, dossier) is None:
        yield Hit(message=f"host {label(host, dossier)} is not a party to the meeting", at=".host")


def check_delegations_are_parties(meeting: Meeting, dossier: Dossier | None) -> Iterator[Hit]:
    """Every participant's delegation is a party to the meeting, or a body of one."""
    for i, p in enumerate(meeting.participants):
        if _listed(p.delegation, meeting.parties):
            continue  # the usual case: a party itself
        if unresolved(p.delegation, dossier):
            continue
        if side_of(p.delegation, meeting.parties, dossier) is None:
            yield Hit(
                message=f"{p.person!r} is in the delegation of {label(p.delegation, dossier)}, "
                "which is not a party to the meeting",
                at=f".participants[{i}].delegation",
                ids=(p.person,),
            )


def _covers(days: Days, day: date) -> bool:
    """Whether one of the terms may have included the day, as `Tenure.covers` judges it."""
    for start, end in days:
        if (start is None or start <= day) and (end is None or day <= end):
            return True
    return False


def _may_hold(days: Days, first: date, last: date) -> bool:
    """Whether one of the terms may have covered some day from `first` to `last`.

    Each day judged as `Tenure.covers` judges it: a term covers `first` or
    `last`, or it starts between them.
    """
    if _covers(days, first) or _covers(days, last):
        return True
    return any(start is not None and first <= start <= last for start, _ in days)


_Officials = tuple[
    str, tuple[Participation | Signature, ...], PartialDate | None, PartialDate | None
]


def _officials(subject: Meeting | Document, facts: Facts) -> _Officials:
    """(field, its items, from, to): those who may act in an office at a meeting or signing.

    The path of one is ``f".{field}[{position}]"``; each has ``person`` and ``office``.
    """
    if isinstance(subject, Meeting):
        return "participants", subject.participants, subject.start, subject.end
    when = subject.signed
    if when is None:
        when = getattr(facts.meeting_of(subject), "start", None)
    return "signatories", subject.signatories, when, None


def check_tenure(subject: Meeting | Document, facts: Facts) -> Iterator[Hit]:
    """An official held the office they act in on the meeting's or signing's date."""
    dossier = facts.dossier
    if dossier is None:
        return
    field, officials, start, end = _officials(subject, facts)
    if start is None:
        return
    days_of = facts.term_days()
    first: date | None = None  # the subject's days, worked out once for all its officials
    last: date | None = None
    for i, official in enumerate(officials):
        person_id, office_id = official.person, official.office
        if office_id is None:
            continue
        if first is None:
            first = start.earliest()
        days = days_of.get((person_id, office_id), ())
        if _covers(days, first):
            continue  # the usual case, told by the first day alone
        if last is None:
            last = (end or start).latest()
        if _may_hold(days, first, last):
            continue
        person = dossier.get(Person, person_id)  # only now: the message names the person
        if person is None:
            continue
        when = str(start) if end is None else f"{start} to {end}"
        terms = terms_of(dossier).get((person_id, office_id), ())
        known = "; ".join(f"{t.start or '?'} to {t.end or 'open'}" for t in terms)
        yield Hit(
            message=f"{person.name} did not hold office {office_id!r} on {when} "
            + (f"(recorded terms: {known})" if known else "(no recorded term)"),
            at=f".{field}[{i}].office",
            ids=(person_id, office_id),
        )


def check_office_state(subject: Meeting | Document, facts: Facts) -> Iterator[Hit]:
    """The office in which someone acts belongs to the state they act for."""
    dossier = facts.dossier
    if dossier is None:
        return
    offices = facts.offices
    field, officials, _, _ = _officials(subject, facts)
    for i, official in enumerate(officials):
        office = None if official.office is None else offices.get(official.office)
        if office is None:
            continue
        state = official.delegation if isinstance(official, Participation) else official.state
        if office.state is state:  # one actor: related, nothing to say
            continue
        if facts.unresolved(state) or facts.unresolved(office.state):
            continue
        if not related(office.state, state, dossier):
            yield Hit(
                message=f"{official.person!r} acts for {label(state, dossier)} in "
                f"{office.title!r}, an office of {label(office.state, dossier)}",
                at=f".{field}[{i}].office",
                ids=(official.person, office.id),
            )


def check_outcome_links(subject: Meeting | Document, facts: Facts) -> Iterator[Hit]:
    """A meeting's outcomes and the documents' meetings agree with each other."""
    if facts.dossier is None:
        return
    if isinstance(subject, Meeting):
        documents = facts.documents
        for i, outcome in enumerate(subject.outcomes):
            document = documents.get(outcome)
            if document is not None and document.meeting not in (None, subject.id):
                yield Hit(
                    message=f"outcome {outcome!r} says it came from meeting {document.meeting!r}",
                    at=f".outcomes[{i}]",
                    ids=(outcome,),
                )
        return
    meeting = facts.meeting_of(subject)
    if meeting is not None and meeting.outcomes and subject.id not in meeting.outcomes:
        yield Hit(
            message=f"meeting {meeting.id!r} does not list this document among its outcomes",
            at=".meeting",
            ids=(meeting.id,),
        )


# -- documents ---------------------------------------------------------------------


def check_signed_after_meeting(document: Document, facts: Facts) -> Iterator[Hit]:
    """A document signed at a meeting is dated on or after the meeting's start."""
    meeting = facts.meeting_of(document)
    signed = document.signed
    if meeting is None or signed is None or signed >= meeting.start:
        return  # in ISO order on or after the start: its last day is not before the first
    if signed.latest() < meeting.start.earliest():
        yield Hit(
            message=f"signed {signed}, before meeting {meeting.id!r} began on {meeting.start}",
            at=".signed",
            ids=(meeting.id,),
        )


def check_signatory_delegation(document: Document, facts: Facts) -> Iterator[Hit]:
    """A signatory signs for a party, and for their own delegation at the meeting."""
    dossier = facts.dossier
    meeting = facts.meeting_of(document)
    delegations = {} if meeting is None else facts.delegations(meeting)
    parties = document.parties
    for i, s in enumerate(document.signatories):
        state = s.state
        if delegations.get(s.person, state) is state and _listed(state, parties):
            continue  # the usual case: a party, in its own delegation
        if facts.unresolved(state):
            continue
        if side_of(s.state, document.parties, dossier) is None:
            yield Hit(
                message=f"{s.person!r} signs for {label(s.state, dossier)}, which is not a party",
                at=f".signatories[{i}].state",
                ids=(s.person,),
            )
        elif not related(delegations.get(s.person, s.state), s.state, dossier):
            yield Hit(
                message=f"{s.person!r} signs for {label(s.state, dossier)} but took part in the "
                f"meeting in the delegation of {label(delegations[s.person], dossier)}",
                at=f".signatories[{i}].state",
                ids=(s.person,),
            )


def _revised(document: Document, facts: Facts) -> Document | None:
    return None if document.revises is None else facts.documents.get(document.revises)


def check_revision_date(document: Document, facts: Facts) -> Iterator[Hit]:
    """A revision is dated after the document it revises."""
    earlier = _revised(document, facts)
    if earlier is None or earlier.signed is None or document.signed is None:
        return
    if document.signed.latest() <= earlier.signed.earliest():
        yield Hit(
            message=f"dated {document.signed}, not after {earlier.id!r} "
            f"({earlier.signed}) which it revises",
            at=".signed",
            ids=(earlier.id,),
        )


def check_revision_parties(document: Document, facts: Facts) -> Iterator[Hit]:
    """A revision has the same parties as the document it revises."""
    earlier = _revised(document, facts)
    if earlier is not None and set(earlier.parties) != set(document.parties):
        mine = ", ".join(sorted(actor_key(s) for s in document.parties))
        theirs = ", ".join(sorted(actor_key(s) for s in earlier.parties))
        yield Hit(
            message=f"parties {mine} differ from those of {earlier.id!r} ({theirs})",
            at=".parties",
            ids=(earlier.id,),
        )


# -- series ------------------------------------------------------------------------


def _numbered(dossier: Dossier) -> dict[str, list[tuple[int, int, Meeting]]]:
    """Numbered meetings by series: (ordinal, position in the dossier, meeting), by ordinal.

    Worked out once per dossier, for the three rules on series (read, never changed).
    """

    def build() -> dict[str, list[tuple[int, int, Meeting]]]:
        groups: dict[str, list[tuple[int, int, Meeting]]] = {}
        for position, m in enumerate(dossier.meetings):
            if m.series is not None and m.ordinal is not None:
                groups.setdefault(m.series, []).append((m.ordinal, position, m))
        for group in groups.values():
            group.sort(key=lambda item: (item[0], item[1]))
        return groups

    found: dict[str, list[tuple[int, int, Meeting]]] = dossier._cached("numbered", build)  # noqa: SLF001
    return found


def check_ordinal_order(dossier: Dossier, _dossier: Dossier | None) -> Iterator[Hit]:
    """The ordinals of a series rise with the meetings' dates."""
    for series, group in _numbered(dossier).items():
        peak: Meeting | None = None  # of the lower numbers, the one surely begun last
        for ordinal, same in groupby(group, key=lambda item: item[0]):
            batch = list(same)
            for _, position, m in batch:
                if peak is not None and m.start.latest() < peak.start.earliest():
                    yield Hit(
                        message=f"number {ordinal} of series {series!r} ({m.start}) is dated "
                        f"before number {peak.ordinal} ({peak.start})",
                        at=f".meetings[{position}].ordinal",
                        ids=(m.id, peak.id),
                    )
            for _, _, m in batch:
                if peak is None or m.start.earliest() > peak.start.earliest():
                    peak = m


def check_ordinal_unique(dossier: Dossier, _dossier: Dossier | None) -> Iterator[Hit]:
    """No two meetings of a series share an ordinal."""
    for series, group in _numbered(dossier).items():
        first: dict[int, Meeting] = {}
        for ordinal, position, m in group:
            other = first.setdefault(ordinal, m)
            if other is not m:
                yield Hit(
                    message=f"number {ordinal} of series {series!r} is also {other.id!r}",
                    at=f".meetings[{position}].ordinal",
                    ids=(m.id, other.id),
                )


def check_ordinal_gaps(dossier: Dossier, _dossier: Dossier | None) -> Iterator[Hit]:
    """Missing numbers between the recorded meetings of a series (for information)."""
    for series, group in _numbered(dossier).items():
        for (before, _, _), (after, position, m) in pairwise(group):
            if after > before + 1:
                missing = str(before + 1) if after == before + 2 else f"{before + 1} to {after - 1}"
                yield Hit(
                    message=f"series {series!r} has no meeting numbered {missing}",
                    at=f".meetings[{position}].ordinal",
                    ids=(m.id,),
                )


# -- relations, years, statements --------------------------------------------------


def check_levels_after_ties(relation: BilateralRelation, _dossier: Dossier | None) -> Iterator[Hit]:
    """No partnership level predates the establishment of diplomatic ties."""
    if relation.established is None:
        return
    for i, level in enumerate(relation.levels):
        if level.since.latest() < relation.established.earliest():
            yield Hit(
                message=f"level {level.name!r} ({level.since}) predates the ties "
                f"established {relation.established}",
                at=f".levels[{i}].since",
            )


def check_speaker_attended(statement: Statement, facts: Facts) -> Iterator[Hit]:
    """A statement's speaker took part in the meeting where it was made."""
    meeting = None if statement.meeting is None else facts.meetings.get(statement.meeting)
    if meeting is None or not meeting.participants:
        return
    if statement.speaker not in facts.attendees(meeting):
        yield Hit(
            message=f"speaker {statement.speaker!r} is not a participant of {meeting.id!r}",
            at=".speaker",
            ids=(statement.speaker, meeting.id),
        )


def _visit(meeting: Meeting) -> bool:
    return meeting.kind in multi.VISITS


_AT_MEETING: Final = (Meeting, Document)
_MEETING: Final = attrgetter("meeting")
_ATTENDANCE: Final = attrgetter("attendance")
_WITHIN: Final = attrgetter("within")
_REVISES: Final = attrgetter("revises")

BUILTIN: Final = (
    spec("DM101", "error", (Dossier,), check_references),
    spec("DM102", "error", (Dossier,), check_unique_ids),
    spec_of("DM103", "warning", _AT_MEETING, check_actors_attend),
    spec("DM104", "warning", (Meeting,), check_co_chairs_per_side),
    spec("DM105", "warning", (Meeting,), check_host_is_party),
    spec("DM106", "error", (Meeting,), check_delegations_are_parties),
    spec_of("DM107", "error", _AT_MEETING, check_tenure),
    spec_of("DM108", "error", _AT_MEETING, check_office_state),
    spec_of("DM109", "error", (Document,), check_signed_after_meeting, _MEETING),
    spec_of("DM110", "error", (Document,), check_signatory_delegation),
    spec_of("DM111", "error", (Document,), check_revision_date, _REVISES),
    spec_of("DM112", "error", (Document,), check_revision_parties, _REVISES),
    spec("DM113", "error", (Dossier,), check_ordinal_order),
    spec("DM114", "error", (Dossier,), check_ordinal_unique),
    spec("DM115", "info", (Dossier,), check_ordinal_gaps),
    spec("DM117", "error", (BilateralRelation,), check_levels_after_ties),
    spec_of("DM119", "warning", (Statement,), check_speaker_attended, _MEETING),
    spec_of("DM120", "warning", _AT_MEETING, check_outcome_links),
    spec_only("DM121", "error", (Meeting,), _ATTENDANCE, multi.check_attendee_membership),
    spec("DM122", "warning", (Meeting,), multi.check_party_membership),
    spec_only("DM123", "warning", (Meeting,), _ATTENDANCE, multi.check_chair_attended),
    spec("DM124", "error", (Meeting,), multi.check_one_chair),
    spec_only("DM125", "error", (Meeting,), _WITHIN, multi.check_within_dates),
    spec("DM126", "error", (Dossier,), multi.check_within_cycles),
    spec("DM127", "warning", (Meeting,), multi.check_remote_place),
    spec("DM128", "info", (Meeting,), multi.check_hybrid_places),
    spec("DM129", "error", (Meeting,), multi.check_kind_format),
    spec("DM130", "error", (Body,), multi.check_body_parent_state),
    spec_only("DM131", "info", (Meeting,), _visit, multi.check_visit_has_host),
    spec_only("DM132", "error", (Meeting,), _visit, multi.check_visit_host_is_party),
)
"""Every built-in rule, in code order."""
