"""Meetings, the series they belong to, and who took part in what role."""

from __future__ import annotations

import enum

from attrs import Factory, field, frozen

from diplomodel import _validators as v
from diplomodel.dates import PartialDate
from diplomodel.model._common import other_topics
from diplomodel.model.actors import Actor, actor
from diplomodel.model.ids import CommitteeId, DocumentId, MeetingId, OfficeId, PersonId, SeriesId
from diplomodel.model.people import OfficeKind
from diplomodel.model.places import Place
from diplomodel.model.sectors import Sector
from diplomodel.model.sources import Source

__all__ = [
    "Attendance",
    "AttendanceRole",
    "Cadence",
    "CommitteeReport",
    "Meeting",
    "MeetingFormat",
    "MeetingKind",
    "MeetingLevel",
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
    DIALOGUE = "dialogue"
    """A round of a standing dialogue (the 11th round of a strategic dialogue)."""
    OTHER = "other"
    """Any other kind of meeting."""


class Role(enum.Enum):
    """The part a person plays in a meeting.

    >>> Role("co_chair")
    <Role.CO_CHAIR: 'co_chair'>
    """

    CO_CHAIR = "co_chair"
    """Chairs the meeting together with the other side's co-chair."""
    CHAIR = "chair"
    """Chairs the meeting alone (the chair of a multilateral summit)."""
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


class MeetingLevel(enum.Enum):
    """The rank of those who meet, apart from the form the meeting takes.

    >>> MeetingLevel("ministerial")
    <MeetingLevel.MINISTERIAL: 'ministerial'>
    """

    LEADERS = "leaders"
    """Heads of state or government, in any mix (a prime minister meeting a president)."""
    MINISTERIAL = "ministerial"
    """Ministers."""
    VICE_MINISTERIAL = "vice_ministerial"
    """Deputy or vice ministers."""
    SENIOR_OFFICIALS = "senior_officials"
    """Senior officials below ministerial rank (directors-general, special envoys)."""
    WORKING_GROUP = "working_group"
    """Experts of a working group or sub-commission."""
    PARLIAMENTARY = "parliamentary"
    """Members or speakers of legislatures."""
    PARTY = "party"
    """Leaders or officials of political parties."""


class MeetingFormat(enum.Enum):
    """How the people met: in one room, by video link, by phone, or some of each.

    >>> MeetingFormat("video_link")
    <MeetingFormat.VIDEO_LINK: 'video_link'>
    """

    IN_PERSON = "in_person"
    """Everyone in one place."""
    VIDEO_LINK = "video_link"
    """By video link, each side where it was."""
    PHONE = "phone"
    """By telephone."""
    HYBRID = "hybrid"
    """Some in one place, others by video link."""


class AttendanceRole(enum.Enum):
    """The part a state or organisation plays at a meeting, beside the people who came.

    >>> AttendanceRole("observer")
    <AttendanceRole.OBSERVER: 'observer'>
    """

    MEMBER = "member"
    """A member of the grouping that meets."""
    CHAIR = "chair"
    """The member holding the chair (the SCO chair in 2023: India)."""
    HOST = "host"
    """The one hosting the meeting."""
    OBSERVER = "observer"
    """An observer state or organisation."""
    GUEST = "guest"
    """An invited guest."""
    DIALOGUE_PARTNER = "dialogue_partner"
    """A dialogue partner of the grouping."""


@frozen(kw_only=True)
class Attendance:
    """A state or organisation at a meeting: in what capacity, and, when remote, from where.

    Args:
        actor: The state, organisation or body that attended.
        role: Its part in the meeting.
        place: Where its side was, for a meeting held by video link or phone.

    >>> from diplomodel.states import states
    >>> Attendance(actor=states.get("IN"), role=AttendanceRole.CHAIR).role.value
    'chair'
    """

    actor: Actor = field(validator=actor())
    role: AttendanceRole = field(validator=v.enum_member(AttendanceRole))
    place: Place | None = field(default=None, validator=v.optional(v.instance(Place)))


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
    """One person taking part in a meeting: for whom, in which role and office.

    Args:
        person: Id of the person.
        delegation: The state, organisation or body whose delegation they belong to.
        role: Their role at the meeting.
        office: Id of the office in which they act, if recorded.

    >>> from diplomodel.states import states
    >>> Participation(person="li-qiang", delegation=states.get("CN"), role=Role.CO_CHAIR).role
    <Role.CO_CHAIR: 'co_chair'>
    """

    person: PersonId = field(validator=v.identifier())
    delegation: Actor = field(validator=actor())
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
        parties: The states, organisations or bodies that meet.
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
    parties: tuple[Actor, ...] = field(validator=v.tuple_of(actor(), unique=True, min_length=1))
    level: OfficeKind | None = field(default=None, validator=v.optional(v.enum_member(OfficeKind)))
    cadence: Cadence = field(default=Cadence.ANNUAL, validator=v.enum_member(Cadence))
    established: PartialDate | None = field(default=None, validator=v.optional_date())


def _usual_format(kind: object) -> MeetingFormat:
    """The format a kind of meeting implies when none is given."""
    if kind is MeetingKind.PHONE_CALL:
        return MeetingFormat.PHONE
    if kind is MeetingKind.VIDEO_CONFERENCE:
        return MeetingFormat.VIDEO_LINK
    return MeetingFormat.IN_PERSON


@frozen(kw_only=True)
class Meeting:
    """A diplomatic meeting, visit, call or ceremony.

    Args:
        id: Stable id of the meeting.
        title: Its English name.
        kind: What kind of encounter it was.
        start: When it took place (or began).
        end: When it ended, for meetings of more than one day.
        place: Where it took place; None for calls and meetings by video link.
        host: The host: for a visit, the one visited.
        parties: The states, organisations or bodies that took part, at least one.
        series: Id of the series it belongs to.
        ordinal: Its number within that series (29 for the 29th); needs `series`.
        participants: Who took part, in what role.
        sectors: The fields of cooperation discussed.
        other_topics: Topics the `Sector` vocabulary lacks, in words, kept as written.
        committee_reports: Reports of committees heard at the meeting.
        outcomes: Ids of the documents it produced.
        summary: A short account in your own words.
        sources: Where the facts come from.
        level: The rank of those who met (leaders, ministers ...).
        format: In person, by video link, by phone, or hybrid; by default what the kind
            implies (a phone call by phone, a video conference by video link, else in person).
        within: Id of the meeting this one was held within (a foreign ministers'
            meeting within a summit) or on the sidelines of.
        on_sidelines: Whether it was held on the sidelines of `within` rather
            than as part of it (a bilateral meeting at a summit).
        attendance: The states and organisations present and in what capacity
            (member, chair, observer, guest ...), with where each side was
            for a remote meeting.

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
    end: PartialDate | None = field(
        default=None, validator=[v.optional_date(), v.not_before("start")]
    )
    place: Place | None = field(default=None, validator=v.optional(v.instance(Place)))
    host: Actor | None = field(default=None, validator=v.optional(actor()))
    parties: tuple[Actor, ...] = field(validator=v.tuple_of(actor(), unique=True, min_length=1))
    series: SeriesId | None = field(default=None, validator=v.optional(v.identifier()))
    ordinal: int | None = field(
        default=None, validator=[v.optional(v.ordinal()), v.needs("series")]
    )
    participants: tuple[Participation, ...] = field(
        default=(),
        validator=v.tuple_of(
            v.instance(Participation), unique=True, key=lambda p: (p.person, p.role)
        ),
    )
    sectors: tuple[Sector, ...] = field(
        default=(), validator=v.tuple_of(v.enum_member(Sector), unique=True)
    )
    other_topics: tuple[str, ...] = field(default=(), validator=other_topics())
    committee_reports: tuple[CommitteeReport, ...] = field(
        default=(),
        validator=v.tuple_of(v.instance(CommitteeReport), unique=True, key=lambda r: r.committee),
    )
    outcomes: tuple[DocumentId, ...] = field(
        default=(), validator=v.tuple_of(v.identifier(), unique=True)
    )
    summary: str | None = field(default=None, validator=v.optional(v.text()))
    sources: tuple[Source, ...] = field(default=(), validator=v.tuple_of(v.instance(Source)))
    level: MeetingLevel | None = field(
        default=None, validator=v.optional(v.enum_member(MeetingLevel))
    )
    format: MeetingFormat = field(
        default=Factory(
            lambda meeting: _usual_format(getattr(meeting, "kind", None)), takes_self=True
        ),
        validator=v.enum_member(MeetingFormat),
    )
    within: MeetingId | None = field(
        default=None, validator=[v.optional(v.identifier()), v.other_than("id")]
    )
    on_sidelines: bool = field(default=False, validator=[v.boolean(), v.needs("within")])
    attendance: tuple[Attendance, ...] = field(
        default=(),
        validator=v.tuple_of(v.instance(Attendance), unique=True, key=lambda a: a.actor),
    )

    @property
    def co_chairs(self) -> tuple[PersonId, ...]:
        """Ids of the participants whose role is `Role.CO_CHAIR`, in the order listed."""
        return tuple(p.person for p in self.participants if p.role is Role.CO_CHAIR)

    @property
    def visitors(self) -> tuple[Actor, ...]:
        """For a meeting with a host, the parties that came to it (who visited whom).

        >>> from diplomodel.states import states
        >>> cn, ru = states.get("CN"), states.get("RU")
        >>> m = Meeting(id="v", title="Visit", kind=MeetingKind.STATE_VISIT,
        ...             start=PartialDate(year=2024), parties=(cn, ru), host=ru)
        >>> [s.code for s in m.visitors]
        ['CN']
        """
        if self.host is None:
            return ()
        return tuple(p for p in self.parties if p != self.host)

    def participants_for(self, state: Actor) -> tuple[Participation, ...]:
        """The participants in one delegation, in the order listed.

        Args:
            state: The state, organisation or body whose delegation to list.

        Returns:
            Its participants; empty if it sent none.
        """
        return tuple(p for p in self.participants if p.delegation == state)
