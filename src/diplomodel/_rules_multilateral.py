"""The built-in rules for organisations, bodies and meetings of many (DM121 onwards).

Private: use them through `diplomodel.validation`. They follow the
conventions of `diplomodel._rules`: each check yields a `Hit` per thing
wrong, with the path relative to the object, and stays silent on what it
cannot see (a body or meeting the dossier lacks: DM101 reports those).

A meeting *belongs to* an organisation (it is a meeting of that grouping)
when its series' parties are all organisations, when its own parties are
all organisations, or when an organisation attends it as host or chair.
Its members are then judged by `Organization.status_of`'s records: a
missing record proves absence only for an organisation whose
`Organization.members_recorded` is true.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Final

from diplomodel._rule_support import Hit, label, related, side_of, span, unresolved
from diplomodel.dossier import Dossier
from diplomodel.model.actors import Actor, Body, actor_key, actor_label
from diplomodel.model.meetings import (
    AttendanceRole,
    Meeting,
    MeetingFormat,
    MeetingKind,
    MeetingSeries,
    Role,
)
from diplomodel.organizations import Membership, MembershipStatus, Organization
from diplomodel.states import State

__all__ = [
    "VISITS",
    "check_attendee_membership",
    "check_body_parent_state",
    "check_chair_attended",
    "check_hybrid_places",
    "check_kind_format",
    "check_one_chair",
    "check_party_membership",
    "check_remote_place",
    "check_visit_has_host",
    "check_visit_host_is_party",
    "check_within_cycles",
    "check_within_dates",
    "groupings",
]

VISITS: Final = frozenset(
    {MeetingKind.STATE_VISIT, MeetingKind.OFFICIAL_VISIT, MeetingKind.WORKING_VISIT}
)
"""The kinds of meeting that are visits: someone comes to a host."""

_REMOTE: Final = {MeetingFormat.VIDEO_LINK: "by video link", MeetingFormat.PHONE: "by phone"}
_REMOTE_KINDS: Final = {MeetingKind.VIDEO_CONFERENCE, MeetingKind.PHONE_CALL}
_AS_MEMBER: Final = {AttendanceRole.MEMBER, AttendanceRole.CHAIR}
_CONVENES: Final = {AttendanceRole.HOST, AttendanceRole.CHAIR}


# -- membership --------------------------------------------------------------------


def groupings(meeting: Meeting, dossier: Dossier | None) -> tuple[Organization, ...]:
    """The organisations a meeting belongs to (see the module docstring), without repeats."""
    found: list[Actor] = [a.actor for a in meeting.attendance if a.role in _CONVENES]
    if all(isinstance(p, Organization) for p in meeting.parties):
        found.extend(meeting.parties)
    series = None
    if dossier is not None and meeting.series is not None:
        series = dossier.get(MeetingSeries, meeting.series)
    if series is not None and all(isinstance(p, Organization) for p in series.parties):
        found.extend(series.parties)
    unique = {o.code: o for o in found if isinstance(o, Organization)}
    return tuple(unique.values())


def _when(first: date, last: date) -> str:
    return f"on {first}" if first == last else f"from {first} to {last}"


def _record(m: Membership) -> str:
    return f"{m.status.value} from {m.since} to {m.until or 'now'}"


def _absence(
    org: Organization, member: State | Organization, first: date, last: date
) -> str | None:
    """Why `member` was surely no full member of `org` on any day from `first` to `last`.

    None when it may have been, or when the records cannot tell.
    """
    held = org.memberships_of(member)
    for m in held:
        ends = m.until is None or m.until.latest() >= first
        if m.status is MembershipStatus.MEMBER and m.since.earliest() <= last and ends:
            return None
    throughout = [
        m
        for m in held
        if m.since.latest() <= first and (m.until is None or last <= m.until.earliest())
    ]
    if throughout:
        return f"{org.code} records it as {_record(throughout[0])}"
    if not org.members_recorded:
        return None
    known = "; ".join(_record(m) for m in held)
    return f"{org.code} records " + (known or "no membership of it")


def _not_member(
    member: Actor, meeting: Meeting, dossier: Dossier | None
) -> tuple[str, tuple[Organization, ...]] | None:
    """For a state or organisation surely a member of none of the meeting's groupings, why."""
    orgs = tuple(o for o in groupings(meeting, dossier) if o != member)
    if not orgs or not isinstance(member, State | Organization):
        return None
    first, last = span(meeting)
    reasons = [_absence(o, member, first, last) for o in orgs]
    if any(r is None for r in reasons):
        return None
    return "; ".join(r for r in reasons if r), orgs


def _names(orgs: Iterable[Organization]) -> str:
    return " or ".join(o.code for o in orgs)


def check_attendee_membership(meeting: Meeting, dossier: Dossier | None) -> Iterator[Hit]:
    """An attendee as member or chair was a member of the meeting's organisation."""
    first, last = span(meeting)
    for i, a in enumerate(meeting.attendance):
        found = _not_member(a.actor, meeting, dossier) if a.role in _AS_MEMBER else None
        if found is not None:
            why, orgs = found
            yield Hit(
                message=f"{actor_label(a.actor)} attends as {a.role.value}, but was not a member "
                f"of {_names(orgs)} {_when(first, last)} ({why})",
                at=f".attendance[{i}].actor",
                ids=(actor_key(a.actor), *(f"org:{o.code}" for o in orgs)),
            )


def check_party_membership(meeting: Meeting, dossier: Dossier | None) -> Iterator[Hit]:
    """A state party to an organisation's meeting, with no other role, was a member."""
    if not groupings(meeting, dossier):
        return  # the meeting of no organisation: no membership to ask about
    listed = {actor_key(a.actor) for a in meeting.attendance}
    first, last = span(meeting)
    for i, party in enumerate(meeting.parties):
        if not isinstance(party, State) or actor_key(party) in listed:
            continue
        found = _not_member(party, meeting, dossier)
        if found is not None:
            why, orgs = found
            yield Hit(
                message=f"{party.name} is a party to a meeting of {_names(orgs)} but was not a "
                f"member {_when(first, last)} ({why}); if it came as observer or guest, "
                "record that in the attendance",
                at=f".parties[{i}]",
                ids=(party.code, *(f"org:{o.code}" for o in orgs)),
            )


# -- chairs ------------------------------------------------------------------------


def _present(actor: Actor, meeting: Meeting, dossier: Dossier | None) -> bool:
    if side_of(actor, meeting.parties, dossier) is not None:
        return True
    if any(related(p.delegation, actor, dossier) for p in meeting.participants):
        return True
    first, last = span(meeting)
    return isinstance(actor, State | Organization) and any(
        isinstance(o, Organization) and _absence(o, actor, first, last) is None
        for o in meeting.parties
    )


def check_chair_attended(meeting: Meeting, dossier: Dossier | None) -> Iterator[Hit]:
    """The chair is a party, a delegation, or a member of a party organisation."""
    for i, a in enumerate(meeting.attendance):
        if a.role is not AttendanceRole.CHAIR or unresolved(a.actor, dossier):
            continue
        if not _present(a.actor, meeting, dossier):
            parties = ", ".join(actor_label(p) for p in meeting.parties)
            yield Hit(
                message=f"the chair, {label(a.actor, dossier)}, is not among the parties "
                f"({parties}) nor in any delegation",
                at=f".attendance[{i}].actor",
                ids=(actor_key(a.actor),),
            )


def check_one_chair(meeting: Meeting, dossier: Dossier | None) -> Iterator[Hit]:
    """One chair: one chairing actor and one chairing person, on one side."""
    chair: Actor | None = None
    for i, a in enumerate(meeting.attendance):
        if a.role is not AttendanceRole.CHAIR:
            continue
        if chair is None:
            chair = a.actor
            continue
        yield Hit(
            message=f"a second chair, {label(a.actor, dossier)}, besides {label(chair, dossier)} "
            "(co-chairs are people with the co-chair role)",
            at=f".attendance[{i}].role",
            ids=(actor_key(a.actor), actor_key(chair)),
        )
    person: str | None = None
    for i, p in enumerate(meeting.participants):
        if p.role is not Role.CHAIR:
            continue
        if person is not None:
            yield Hit(
                message=f"a second chair, {p.person!r}, besides {person!r} (co-chairs take the "
                "co-chair role)",
                at=f".participants[{i}].role",
                ids=(p.person, person),
            )
            continue
        person = p.person
        if chair is not None and not related(p.delegation, chair, dossier):
            yield Hit(
                message=f"the chair {p.person!r} is in the delegation of "
                f"{label(p.delegation, dossier)}, but the attendance gives the chair to "
                f"{label(chair, dossier)}",
                at=f".participants[{i}].delegation",
                ids=(p.person, actor_key(chair)),
            )


# -- meetings within meetings -------------------------------------------------------


def check_within_dates(meeting: Meeting, dossier: Dossier | None) -> Iterator[Hit]:
    """A meeting held within or on the sidelines of another falls within its dates."""
    if dossier is None or meeting.within is None:
        return
    parent = dossier.get(Meeting, meeting.within)
    if parent is None:
        return
    first, last = span(parent)
    dates = _when(first, last)
    relation = "on the sidelines of" if meeting.on_sidelines else "within"
    if meeting.start.latest() < first:
        yield Hit(
            message=f"starts {meeting.start}, before {parent.id!r} ({dates}) it was held "
            f"{relation}",
            at=".start",
            ids=(parent.id,),
        )
    end = meeting.end or meeting.start
    if end.earliest() > last:
        yield Hit(
            message=f"ends {end}, after {parent.id!r} ({dates}) it was held {relation}",
            at=".end" if meeting.end is not None else ".start",
            ids=(parent.id,),
        )


def check_within_cycles(dossier: Dossier, _dossier: Dossier | None) -> Iterator[Hit]:
    """No meeting is held within itself, directly or through others."""
    position: dict[str, int] = {}
    for i, m in enumerate(dossier.meetings):
        position.setdefault(m.id, i)
    parent: dict[str, str | None] = {}
    for m in dossier.meetings:
        parent.setdefault(m.id, m.within)
    reported: set[str] = set()
    for start in position:
        path: list[str] = []
        current: str | None = start
        while current is not None and current not in path and current in parent:
            path.append(current)
            current = parent[current]
        if current is None or current not in path or current in reported:
            continue
        loop = path[path.index(current) :]
        reported.update(loop)
        first = min(loop, key=position.__getitem__)
        ring = loop[loop.index(first) :] + loop[: loop.index(first)] + [first]
        yield Hit(
            message=f"{first!r} is held within itself: " + " within ".join(map(repr, ring)),
            at=f".meetings[{position[first]}].within",
            ids=tuple(ring[:-1]),
        )


# -- formats -----------------------------------------------------------------------


def check_remote_place(meeting: Meeting, _dossier: Dossier | None) -> Iterator[Hit]:
    """A meeting by video link or phone has no single place (each side has its own)."""
    how = _REMOTE.get(meeting.format)
    if how is not None and meeting.place is not None:
        yield Hit(
            message=f"held {how}, yet has one place ({meeting.place}); record where each "
            "side was in its attendance",
            at=".place",
        )


def check_hybrid_places(meeting: Meeting, _dossier: Dossier | None) -> Iterator[Hit]:
    """A hybrid meeting says where each remote side was (for information)."""
    if meeting.format is MeetingFormat.HYBRID and not any(a.place for a in meeting.attendance):
        yield Hit(
            message="held partly in person and partly remotely, but no attendance says "
            "where any side was",
            at=".attendance",
        )


def check_kind_format(meeting: Meeting, _dossier: Dossier | None) -> Iterator[Hit]:
    """A video conference or phone call is not held in person."""
    if meeting.kind in _REMOTE_KINDS and meeting.format is MeetingFormat.IN_PERSON:
        yield Hit(
            message=f"kind {meeting.kind.value} contradicts format {meeting.format.value}",
            at=".format",
        )


# -- bodies and visits ---------------------------------------------------------------


def check_body_parent_state(body: Body, dossier: Dossier | None) -> Iterator[Hit]:
    """A body sits within a body of the same state."""
    if dossier is None or body.parent is None:
        return
    parent = dossier.get(Body, body.parent)
    if parent is not None and parent.belongs_to != body.belongs_to:
        yield Hit(
            message=f"belongs to {body.belongs_to.name} but sits within {parent.id!r}, a body "
            f"of {parent.belongs_to.name}",
            at=".parent",
            ids=(parent.id,),
        )


def check_visit_has_host(meeting: Meeting, _dossier: Dossier | None) -> Iterator[Hit]:
    """A visit names its host, the one visited (for information)."""
    if meeting.kind in VISITS and meeting.host is None:
        yield Hit(
            message=f"a {meeting.kind.value.replace('_', ' ')} with no host: who visited whom?",
            at=".host",
        )


def check_visit_host_is_party(meeting: Meeting, dossier: Dossier | None) -> Iterator[Hit]:
    """The host of a visit is a party to it."""
    host = meeting.host
    if meeting.kind not in VISITS or host is None or unresolved(host, dossier):
        return
    if side_of(host, meeting.parties, dossier) is None:
        parties = ", ".join(actor_label(p) for p in meeting.parties)
        yield Hit(
            message=f"a {meeting.kind.value.replace('_', ' ')} hosted by {label(host, dossier)}, "
            f"which is not a party ({parties})",
            at=".host",
        )
