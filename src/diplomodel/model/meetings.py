"""Meetings, the series they belong to, and who took part in what role."""

from __future__ import annotations

import enum

from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel.dates import PartialDate
from diplomodel.model.ids import CommitteeId, DocumentId, MeetingId, OfficeId, PersonId, SeriesId
from diplomodel.model.people import OfficeKind
from diplomodel.model.places import Place
from diplomodel.model.sectors import Sector
from diplomodel.model.sources import Source
from diplomodel.states import State

__all__ = [
    "Cadence",
    "CommitteeReport",
    "Meeting",
    "MeetingKind",
    "MeetingSeries",
    "Participation",
    "Role",
]


class MeetingKind(enum.Enum):
    """The form a diplomatic encounter takes.

    >>> MeetingKind("regular_meeting").name
    'REGULAR_MEETING'
    """

    REGULAR_MEETING = "regular_meeting"
    """A numbered meeting of a standing series (the 29th regular meeting...)."""
    SUMMIT = "summit"
    """A meeting of heads of state or government."""
    STATE_VISIT = "state_visit"
    """A visit by a head of state at the highest protocol level."""
    OFFICIAL_VISIT = "official_visit"
    """An official visit by a head of state or government, or a minister."""
    WORKING_VISIT = "working_visit"
    """A working visit, with less ceremony than an official one."""
    TALKS = "talks"
    """Talks between officials, not otherwise classed."""
    CONSULTATIONS = "consultations"
    """Consultations, usually between foreign ministries."""
    PHONE_CALL = "phone_call"
    """A telephone conversation."""
    VIDEO_CONFERENCE = "video_conference"
    """A meeting held by video link."""
    MINISTERIAL_MEETING = "ministerial_meeting"
    """A meeting of ministers."""
    COMMITTEE_SESSION = "committee_session"
    """A session of a committee or commission."""
    SIGNING_CEREMONY = "signing_ceremony"
    """A ceremony held to sign documents."""
    RECEPTION = "reception"
    """A reception, a banquet or another social occasion."""
    COMMEMORATION = "commemoration"
    """An event marking an anniversary or a memorial."""
    OTHER = "other"
    """Any other kind of meeting."""


class Role(enum.Enum):
    """The part a person plays in a meeting.

    >>> Role("co_chair")
    <Role.CO_CHAIR: 'co_chair'>
    """

    CO_CHAIR = "co_chair"
    """Chairs the meeting together with the other side's co-chair."""
    HOST = "host"
    """Receives the other side on behalf of the host state."""
    GUEST = "guest"
    """Is received by the host."""
    HEAD_OF_DELEGATION = "head_of_delegation"
    """Leads a state's delegation."""
    MEMBER = "member"
    """A member of a delegation."""
    WITNESS = "witness"
    """Attends a signing as a witness."""


class Cadence(enum.Enum):
    """How often the meetings of a series are held.

    >>> Cadence.ANNUAL.value
    'annual'
    """

    ANNUAL = "annual"
    """Once a year."""
    SEMIANNUAL = "semiannual"
    """Twice a year."""
    BIENNIAL = "biennial"
    """Once every two years."""
    IRREGULAR = "irregular"
    """With no fixed rhythm."""


@frozen(kw_only=True)
class Participation:
    """One person taking part in a meeting: for which state, in which role and office.

    Args:
        person: Id of the person.
        delegation: The state whose delegation they belong to.
        role: Their role at the meeting.
        office: Id of the office in which they act, if recorded.

    >>> from diplomodel.states import states
    >>> Participation(person="li-qiang", delegation=states.get("CN"), role=Role.CO_CHAIR).role
    <Role.CO_CHAIR: 'co_chair'>
    """

    person: PersonId = field(validator=v.identifier())
    delegation: State = field(validator=v.instance(State))
    role: Role = field(validator=v.enum_member(Role))
    office: OfficeId | None = field(default=None, validator=v.optional(v.identifier()))


@frozen(kw_only=True)
class CommitteeReport:
    """A committee's report heard at a meeting.

    Args:
        committee: Id of the committee that reported.
        presenter: Id of the person who presented it, if known.
        summary: A short account of the report, in your own words.

    >>> CommitteeReport(committee="cn-ru-energy-committee").presenter is None
    True
    """

    committee: CommitteeId = field(validator=v.identifier())
    presenter: PersonId | None = field(default=None, validator=v.optional(v.identifier()))
    summary: str | None = field(default=None, validator=v.optional(v.text()))


@frozen(kw_only=True)
class MeetingSeries:
    """A standing series of meetings, such as the regular meetings of two heads of government.

    Args:
        id: Stable id of the series.
        title: Its English name.
        kind: The kind of its meetings.
        parties: The states that meet.
        level: The office kind of those who lead the meetings.
        cadence: How often it meets.
        established: When the series was set up.

    >>> from diplomodel.states import states
    >>> s = MeetingSeries(id="s", title="Annual talks", kind=MeetingKind.REGULAR_MEETING,
    ...                   parties=(states.get("CN"), states.get("RU")))
    >>> s.cadence
    <Cadence.ANNUAL: 'annual'>
    """

    id: SeriesId = field(validator=v.identifier())
    title: str = field(validator=v.text(max_length=500))
    kind: MeetingKind = field(validator=v.enum_member(MeetingKind))
    parties: tuple[State, ...] = field(
        validator=v.tuple_of(v.instance(State), unique=True, min_length=1)
    )
    level: OfficeKind | None = field(default=None, validator=v.optional(v.enum_member(OfficeKind)))
    cadence: Cadence = field(default=Cadence.ANNUAL, validator=v.enum_member(Cadence))
    established: PartialDate | None = field(default=None, validator=v.optional_date())


@frozen(kw_only=True)
class Meeting:
    """A diplomatic meeting, visit, call or ceremony.

    Args:
        id: Stable id of the meeting.
        title: Its English name.
        kind: The form it took.
        start: When it took place (or began).
        end: When it ended, for meetings of more than one day.
        place: Where it took place; None for calls and video conferences.
        host: The hosting state.
        parties: The states that took part, at least one.
        series: Id of the series it belongs to.
        ordinal: Its number within that series (29 for the 29th); needs `series`.
        participants: Who took part, in what role.
        sectors: The fields of cooperation discussed.
        committee_reports: Reports of committees heard at the meeting.
        outcomes: Ids of the documents it produced.
        summary: A short account in your own words.
        sources: Where the facts come from.

    Raises:
        ValueError: The end is before the start, an ordinal has no series, a
            party, sector, outcome or committee report is listed twice, or a
            person holds the same role twice.

    >>> from diplomodel.states import states
    >>> cn, ru = states.get("CN"), states.get("RU")
    >>> m = Meeting(
    ...     id="m1", title="Talks", kind=MeetingKind.TALKS, start=PartialDate(year=2024),
    ...     parties=(cn, ru),
    ...     participants=(
    ...         Participation(person="a", delegation=cn, role=Role.CO_CHAIR),
    ...         Participation(person="b", delegation=ru, role=Role.CO_CHAIR),
    ...         Participation(person="c", delegation=ru, role=Role.MEMBER),
    ...     ),
    ... )
    >>> m.co_chairs
    ('a', 'b')
    """

    id: MeetingId = field(validator=v.identifier())
    title: str = field(validator=v.text(max_length=500))
    kind: MeetingKind = field(validator=v.enum_member(MeetingKind))
    start: PartialDate = field(validator=v.date())
    end: PartialDate | None = field(default=None, validator=v.optional_date())
    place: Place | None = field(default=None, validator=v.optional(v.instance(Place)))
    host: State | None = field(default=None, validator=v.optional(v.instance(State)))
    parties: tuple[State, ...] = field(
        validator=v.tuple_of(v.instance(State), unique=True, min_length=1)
    )
    series: SeriesId | None = field(default=None, validator=v.optional(v.identifier()))
    ordinal: int | None = field(default=None, validator=v.optional(v.ordinal()))
    participants: tuple[Participation, ...] = field(
        default=(),
        validator=v.tuple_of(
            v.instance(Participation), unique=True, key=lambda p: (p.person, p.role)
        ),
    )
    sectors: tuple[Sector, ...] = field(
        default=(), validator=v.tuple_of(v.enum_member(Sector), unique=True)
    )
    committee_reports: tuple[CommitteeReport, ...] = field(
        default=(),
        validator=v.tuple_of(v.instance(CommitteeReport), unique=True, key=lambda r: r.committee),
    )
    outcomes: tuple[DocumentId, ...] = field(
        default=(), validator=v.tuple_of(v.identifier(), unique=True)
    )
    summary: str | None = field(default=None, validator=v.optional(v.text()))
    sources: tuple[Source, ...] = field(default=(), validator=v.tuple_of(v.instance(Source)))

    @end.validator
    def _check_end(self, _attribute: object, value: PartialDate | None) -> None:
        if value is not None and value.latest() < self.start.earliest():
            raise ValueError(f"'end' ({value}) must not be before 'start' ({self.start})")

    @ordinal.validator
    def _check_ordinal(self, _attribute: object, value: int | None) -> None:
        if value is not None and self.series is None:
            raise ValueError(f"'ordinal' ({value}) needs a 'series' to count in")

    @property
    def co_chairs(self) -> tuple[PersonId, ...]:
        """Ids of the participants whose role is `Role.CO_CHAIR`, in the order listed."""
        return tuple(p.person for p in self.participants if p.role is Role.CO_CHAIR)

    def participants_for(self, state: State) -> tuple[Participation, ...]:
        """The participants in one state's delegation, in the order listed.

        Args:
            state: The state whose delegation to list.

        Returns:
            Its participants; empty if it sent none.
        """
        return tuple(p for p in self.participants if p.delegation == state)
