"""The built-in validation rules. Private: use them through `diplomodel.validation`.

Each check takes the object it applies to and the dossier around it (None
when an entity is validated on its own) and yields a `Hit` for each thing
wrong, with the path of the offending value relative to the object. Checks
that need other entities stay silent without a dossier.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import groupby, pairwise
from typing import Any, Final

from attrs import frozen

from diplomodel.dates import PartialDate
from diplomodel.dossier import Dossier
from diplomodel.issues import Issue
from diplomodel.model._fields import references
from diplomodel.model.actors import Actor, actor_key, actor_label
from diplomodel.model.documents import Document
from diplomodel.model.ids import OfficeId
from diplomodel.model.meetings import Meeting, MeetingSeries, Role
from diplomodel.model.people import Office, Person, Tenure
from diplomodel.model.relations import BilateralRelation
from diplomodel.model.statements import Statement

__all__ = ["BUILTIN", "Check", "Hit", "Spec"]


Hit = Issue
"""The built-in rules' name for `Issue`."""


Check = Callable[[Any, Dossier | None], Iterable[Hit]]


@frozen(kw_only=True)
class Spec:
    """How a built-in rule is registered."""

    code: str
    severity: str
    applies_to: tuple[type[Any], ...]
    summary: str
    check: Check


# -- references and ids ------------------------------------------------------------


_LABELS: Final = {MeetingSeries: "meeting series", BilateralRelation: "relation"}


def check_references(dossier: Dossier, _dossier: Dossier | None) -> Iterator[Hit]:
    """Every id reference resolves to an entity of the kind it names."""
    for path, entity in dossier.entities():
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
    first: dict[tuple[str, str], str] = {}
    for path, entity in dossier.entities():
        table = path[2 : path.index("[")]
        seen = first.setdefault((table, entity.id), path)
        if seen != path:
            yield Hit(
                message=f"id {entity.id!r} is already used by {seen}",
                at=path[1:] + ".id",
                ids=(entity.id,),
            )


# -- meetings ----------------------------------------------------------------------


def _attendees(meeting: Meeting) -> frozenset[str]:
    return frozenset(p.person for p in meeting.participants)


def _meeting_of(document: Document, dossier: Dossier | None) -> Meeting | None:
    if dossier is None or document.meeting is None:
        return None
    return dossier.get(Meeting, document.meeting)


def check_actors_attend(subject: Meeting | Document, dossier: Dossier | None) -> Iterator[Hit]:
    """Co-chairs, presenters, signers and witnesses are the meeting's participants."""
    if isinstance(subject, Meeting):
        present = _attendees(subject)
        if not present:
            return
        for i, report in enumerate(subject.committee_reports):
            if report.presenter is not None and report.presenter not in present:
                yield Hit(
                    message=f"presenter {report.presenter!r} is not a participant of the meeting",
                    at=f".committee_reports[{i}].presenter",
                    ids=(report.presenter,),
                )
        return
    meeting = _meeting_of(subject, dossier)
    if meeting is None or not meeting.participants:
        return
    present = _attendees(meeting)
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


def check_co_chairs_per_side(meeting: Meeting, _dossier: Dossier | None) -> Iterator[Hit]:
    """A bilateral meeting has at most one co-chair for each party."""
    if len(meeting.parties) != 2:
        return
    chairs: dict[str, str] = {}
    for i, p in enumerate(meeting.participants):
        if p.role is not Role.CO_CHAIR:
            continue
        other = chairs.setdefault(actor_key(p.delegation), p.person)
        if other != p.person:
            yield Hit(
                message=f"{actor_label(p.delegation)} has a second co-chair, {p.person!r}, "
                f"besides {other!r}",
                at=f".participants[{i}]",
                ids=(p.person, other),
            )


def check_host_is_party(meeting: Meeting, _dossier: Dossier | None) -> Iterator[Hit]:
    """The host is one of the parties (a warning: third-country hosts exist)."""
    if meeting.host is not None and meeting.host not in meeting.parties:
        yield Hit(
            message=f"host {actor_label(meeting.host)} is not a party to the meeting", at=".host"
        )


def check_delegations_are_parties(meeting: Meeting, _dossier: Dossier | None) -> Iterator[Hit]:
    """Every participant's delegation is a party to the meeting."""
    for i, p in enumerate(meeting.participants):
        if p.delegation not in meeting.parties:
            yield Hit(
                message=f"{p.person!r} is in the delegation of {actor_label(p.delegation)}, "
                "which is not a party to the meeting",
                at=f".participants[{i}].delegation",
                ids=(p.person,),
            )


def _may_hold(tenure: Tenure, first: date, last: date) -> bool:
    """Whether a term may have covered some day from `first` to `last` (see `Tenure.covers`)."""
    if tenure.covers(first) or tenure.covers(last):
        return True
    return tenure.start is not None and first <= tenure.start.earliest() <= last


def _acting(
    subject: Meeting | Document, dossier: Dossier | None
) -> Iterator[tuple[str, str, OfficeId, Actor, PartialDate | None, PartialDate | None]]:
    """Each (path, person, office id, state acted for, from, to) of people acting in an office."""
    if isinstance(subject, Meeting):
        for i, p in enumerate(subject.participants):
            if p.office is not None:
                yield (
                    f".participants[{i}]",
                    p.person,
                    p.office,
                    p.delegation,
                    subject.start,
                    (subject.end),
                )
        return
    meeting = _meeting_of(subject, dossier)
    when = subject.signed if subject.signed is not None else getattr(meeting, "start", None)
    for i, s in enumerate(subject.signatories):
        if s.office is not None:
            yield f".signatories[{i}]", s.person, s.office, s.state, when, None


def check_tenure(subject: Meeting | Document, dossier: Dossier | None) -> Iterator[Hit]:
    """An official held the office they act in on the meeting's or signing's date."""
    if dossier is None:
        return
    for at, person_id, office_id, _, start, end in _acting(subject, dossier):
        person = dossier.get(Person, person_id)
        if person is None or start is None:
            continue
        first, last = start.earliest(), (end or start).latest()
        terms = person.tenures_of(office_id)
        if not any(_may_hold(t, first, last) for t in terms):
            when = str(start) if end is None else f"{start} to {end}"
            known = "; ".join(f"{t.start or '?'} to {t.end or 'open'}" for t in terms)
            yield Hit(
                message=f"{person.name} did not hold office {office_id!r} on {when} "
                + (f"(recorded terms: {known})" if known else "(no recorded term)"),
                at=at + ".office",
                ids=(person_id, office_id),
            )


def check_office_state(subject: Meeting | Document, dossier: Dossier | None) -> Iterator[Hit]:
    """The office in which someone acts belongs to the state they act for."""
    if dossier is None:
        return
    for at, person_id, office_id, state, _, _ in _acting(subject, dossier):
        office = dossier.get(Office, office_id)
        if office is not None and office.state != state:
            yield Hit(
                message=f"{person_id!r} acts for {actor_label(state)} in {office.title!r}, "
                f"an office of {actor_label(office.state)}",
                at=at + ".office",
                ids=(person_id, office_id),
            )


def check_outcome_links(subject: Meeting | Document, dossier: Dossier | None) -> Iterator[Hit]:
    """A meeting's outcomes and the documents' meetings agree with each other."""
    if dossier is None:
        return
    if isinstance(subject, Meeting):
        for i, outcome in enumerate(subject.outcomes):
            document = dossier.get(Document, outcome)
            if document is not None and document.meeting not in (None, subject.id):
                yield Hit(
                    message=f"outcome {outcome!r} says it came from meeting {document.meeting!r}",
                    at=f".outcomes[{i}]",
                    ids=(outcome,),
                )
        return
    meeting = _meeting_of(subject, dossier)
    if meeting is not None and meeting.outcomes and subject.id not in meeting.outcomes:
        yield Hit(
            message=f"meeting {meeting.id!r} does not list this document among its outcomes",
            at=".meeting",
            ids=(meeting.id,),
        )


# -- documents ---------------------------------------------------------------------


def check_signed_after_meeting(document: Document, dossier: Dossier | None) -> Iterator[Hit]:
    """A document signed at a meeting is dated on or after the meeting's start."""
    meeting = _meeting_of(document, dossier)
    signed = document.signed
    if meeting is not None and signed is not None and signed.latest() < meeting.start.earliest():
        yield Hit(
            message=f"signed {signed}, before meeting {meeting.id!r} began on {meeting.start}",
            at=".signed",
            ids=(meeting.id,),
        )


def check_signatory_delegation(document: Document, dossier: Dossier | None) -> Iterator[Hit]:
    """A signatory signs for a party, and for their own delegation at the meeting."""
    meeting = _meeting_of(document, dossier)
    delegations = {} if meeting is None else {p.person: p.delegation for p in meeting.participants}
    for i, s in enumerate(document.signatories):
        if s.state not in document.parties:
            yield Hit(
                message=f"{s.person!r} signs for {actor_label(s.state)}, which is not a party",
                at=f".signatories[{i}].state",
                ids=(s.person,),
            )
        elif delegations.get(s.person, s.state) != s.state:
            yield Hit(
                message=f"{s.person!r} signs for {actor_label(s.state)} but took part in the "
                f"meeting in the delegation of {actor_label(delegations[s.person])}",
                at=f".signatories[{i}].state",
                ids=(s.person,),
            )


def _revised(document: Document, dossier: Dossier | None) -> Document | None:
    if dossier is None or document.revises is None:
        return None
    return dossier.get(Document, document.revises)


def check_revision_date(document: Document, dossier: Dossier | None) -> Iterator[Hit]:
    """A revision is dated after the document it revises."""
    earlier = _revised(document, dossier)
    if earlier is None or earlier.signed is None or document.signed is None:
        return
    if document.signed.latest() <= earlier.signed.earliest():
        yield Hit(
            message=f"dated {document.signed}, not after {earlier.id!r} "
            f"({earlier.signed}) which it revises",
            at=".signed",
            ids=(earlier.id,),
        )


def check_revision_parties(document: Document, dossier: Dossier | None) -> Iterator[Hit]:
    """A revision has the same parties as the document it revises."""
    earlier = _revised(document, dossier)
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
    """Numbered meetings by series: (ordinal, position in the dossier, meeting), by ordinal."""
    groups: dict[str, list[tuple[int, int, Meeting]]] = {}
    for position, m in enumerate(dossier.meetings):
        if m.series is not None and m.ordinal is not None:
            groups.setdefault(m.series, []).append((m.ordinal, position, m))
    for group in groups.values():
        group.sort(key=lambda item: (item[0], item[1]))
    return groups


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


def check_speaker_attended(statement: Statement, dossier: Dossier | None) -> Iterator[Hit]:
    """A statement's speaker took part in the meeting where it was made."""
    if dossier is None or statement.meeting is None:
        return
    meeting = dossier.get(Meeting, statement.meeting)
    if meeting is None or not meeting.participants:
        return
    if statement.speaker not in _attendees(meeting):
        yield Hit(
            message=f"speaker {statement.speaker!r} is not a participant of {meeting.id!r}",
            at=".speaker",
            ids=(statement.speaker, meeting.id),
        )


def _spec(code: str, severity: str, applies_to: tuple[type[Any], ...], check: Check) -> Spec:
    summary = (check.__doc__ or "").strip().splitlines()[0]
    return Spec(code=code, severity=severity, applies_to=applies_to, summary=summary, check=check)


_AT_MEETING: Final = (Meeting, Document)

BUILTIN: Final = (
    _spec("DM101", "error", (Dossier,), check_references),
    _spec("DM102", "error", (Dossier,), check_unique_ids),
    _spec("DM103", "warning", _AT_MEETING, check_actors_attend),
    _spec("DM104", "warning", (Meeting,), check_co_chairs_per_side),
    _spec("DM105", "warning", (Meeting,), check_host_is_party),
    _spec("DM106", "error", (Meeting,), check_delegations_are_parties),
    _spec("DM107", "error", _AT_MEETING, check_tenure),
    _spec("DM108", "error", _AT_MEETING, check_office_state),
    _spec("DM109", "error", (Document,), check_signed_after_meeting),
    _spec("DM110", "error", (Document,), check_signatory_delegation),
    _spec("DM111", "error", (Document,), check_revision_date),
    _spec("DM112", "error", (Document,), check_revision_parties),
    _spec("DM113", "error", (Dossier,), check_ordinal_order),
    _spec("DM114", "error", (Dossier,), check_ordinal_unique),
    _spec("DM115", "info", (Dossier,), check_ordinal_gaps),
    _spec("DM117", "error", (BilateralRelation,), check_levels_after_ties),
    _spec("DM119", "warning", (Statement,), check_speaker_attended),
    _spec("DM120", "warning", _AT_MEETING, check_outcome_links),
)
"""Every built-in rule, in code order."""
