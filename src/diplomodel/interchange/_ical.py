"""Export to iCalendar (RFC 5545): meetings, and the yearly anniversaries of diplomatic ties.

The calendar is written with the ``icalendar`` package (the ``ical`` extra).
Every event is an all-day event: the model records days, not times.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from datetime import UTC, date, datetime, timedelta
from typing import Any, Final

from diplomodel.anniversaries import LeapDayPolicy, anniversaries, anniversary_in_year
from diplomodel.dates import PartialDate, Precision
from diplomodel.dossier import Dossier
from diplomodel.errors import ArgumentTypeError, InvalidArgumentError
from diplomodel.i18n import label, ordinal
from diplomodel.interchange._common import actor_ref, first_of_each, optional_module, roles_at
from diplomodel.interchange._history import exported_events, pair
from diplomodel.model.actors import Actor
from diplomodel.model.documents import Document
from diplomodel.model.meetings import Meeting, MeetingFormat
from diplomodel.model.relations import BilateralRelation

__all__ = ["to_ical"]

_EPOCH: Final = datetime(1970, 1, 1, tzinfo=UTC)
_PRODID: Final = "-//diplomodel//diplomodel//EN"
_DAY: Final = timedelta(days=1)

_REMOTE: Final = frozenset({MeetingFormat.VIDEO_LINK, MeetingFormat.PHONE})
"""Formats with no one place: such a meeting has no LOCATION."""

_PARTICIPATION: Final = {
    "chair": "CHAIR",
    "guest": "OPT-PARTICIPANT",
    "observer": "NON-PARTICIPANT",
}
"""RFC 5545's ROLE of an actor by its role at the meeting; any other is REQ-PARTICIPANT."""


def _span(start: PartialDate, end: PartialDate | None = None) -> tuple[date, date]:
    """The first and the last day of an all-day event (DTSTART, and DTEND less a day)."""
    return start.earliest(), (end or start).latest()


def _precision_note(value: PartialDate) -> str | None:
    if value.precision is Precision.DAY:
        return None
    return f"The date is known only to the {value.precision.value} ({value})."


def _check_window(start: date | None, end: date | None) -> tuple[date, date] | None:
    if start is None and end is None:
        return None
    if start is None or end is None:
        raise InvalidArgumentError("give both 'start' and 'end' for a window, or neither")
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, datetime) or not isinstance(value, date):
            raise ArgumentTypeError(f"'{name}' must be a date (got {type(value).__name__})")
    if end < start:
        raise InvalidArgumentError(f"'end' ({end}) is before 'start' ({start})")
    return start, end


def _check_stamp(stamp: datetime | None) -> datetime:
    if stamp is None:
        return _EPOCH
    if not isinstance(stamp, datetime):
        raise ArgumentTypeError(f"'stamp' must be a datetime (got {type(stamp).__name__})")
    if stamp.tzinfo is None or stamp.utcoffset() is None:
        raise InvalidArgumentError(
            "'stamp' must be timezone-aware (datetime.now(UTC), not datetime.now())"
        )
    return stamp.astimezone(UTC)


def _check_every(every: int) -> int:
    if type(every) is not int:
        raise ArgumentTypeError(f"'every' must be an int (got {type(every).__name__})")
    if every < 2:
        raise InvalidArgumentError(f"'every' must be at least 2 (got {every})")
    return every


class _Calendar:
    def __init__(self, ical: Any, dossier: Dossier, stamp: datetime) -> None:
        self.ical = ical
        self.dossier = dossier
        self.stamp = stamp
        self.calendar = ical.Calendar()
        self.calendar.add("prodid", _PRODID)
        self.calendar.add("version", "2.0")
        self.calendar.add("calscale", "GREGORIAN")
        self.calendar.add("x-wr-calname", dossier.title)

    def uid(self, kind: str, id_: str) -> str:
        return f"diplomodel:{self.dossier.id}:{kind}:{id_}"

    def event(self, uid: str, summary: str, span: tuple[date, date], **extra: Any) -> Any:
        event = self.ical.Event()
        event.add("uid", uid)
        event.add("dtstamp", self.stamp)
        event.add("summary", summary)
        event.add("dtstart", span[0])
        if span[1] < date.max:
            event.add("dtend", span[1] + _DAY)  # DTEND is exclusive: the day after the last
        else:  # the calendar's last day has no day after it: say how many days instead
            event.add("duration", span[1] - span[0] + _DAY)
        for name, value in extra.items():
            if value is not None and value != []:
                event.add(name.replace("_", "-"), value)
        self.calendar.add_component(event)
        return event

    def address(self, actor: Actor, roles: tuple[str, ...] = ()) -> Any:
        """An actor as a calendar address: its URN, named in CN, a group (CUTYPE=GROUP).

        With roles (an attendee), ROLE says how it took part in RFC 5545's
        terms and ``X-DIPLOMODEL-ROLE`` lists its roles in the model's.
        """
        kind, key = actor_ref(actor)
        address = self.ical.vCalAddress(f"urn:diplomodel:{kind}:{key}")
        address.params["CN"] = self.dossier.actor_name(actor, locale="en")
        address.params["CUTYPE"] = "GROUP"
        if roles:
            ranked = [_PARTICIPATION[r] for r in roles if r in _PARTICIPATION]
            address.params["ROLE"] = ranked[0] if ranked else "REQ-PARTICIPANT"
            address.params["X-DIPLOMODEL-ROLE"] = ",".join(roles)
        return address

    def meeting(self, meeting: Meeting, meetings: AbstractSet[str]) -> None:
        notes = [meeting.summary, _precision_note(meeting.start)]
        imprecise = meeting.start.precision is not Precision.DAY
        urls = [s.url for s in meeting.sources if s.url is not None]
        remote = meeting.format in _REMOTE
        event = self.event(
            self.uid("meeting", meeting.id),
            meeting.title,
            _span(meeting.start, meeting.end),
            location=None if meeting.place is None or remote else str(meeting.place),
            description="\n\n".join(n for n in notes if n) or None,
            categories=[label(meeting.kind, "en")],
            url=urls[0] if urls else None,
            transp="TRANSPARENT" if imprecise else None,
            organizer=None if meeting.host is None else self.address(meeting.host),
            x_diplomodel_precision=meeting.start.precision.value if imprecise else None,
            x_diplomodel_format=meeting.format.value,
            x_diplomodel_level=None if meeting.level is None else meeting.level.value,
        )
        for actor, roles in roles_at(meeting).items():
            event.add("attendee", self.address(actor, roles))
        if meeting.within is not None and meeting.within in meetings:
            how = "on_sidelines" if meeting.on_sidelines else "within"
            event.add(
                "related-to",
                self.uid("meeting", meeting.within),
                parameters={"RELTYPE": "PARENT", "X-DIPLOMODEL-RELATION": how},
            )

    def document(self, document: Document, window: tuple[date, date] | None) -> None:
        """Each event in a document's life, an all-day event ("Entry into force: New START")."""
        urls = [s.url for s in document.sources if s.url is not None]
        for index, event in enumerate(document.events):
            span = _span(event.date)
            if window is not None and (span[0] > window[1] or span[1] < window[0]):
                continue
            kind = label(event.kind, "en")
            who = (
                ""
                if event.party is None
                else f"{self.dossier.actor_name(event.party, locale='en')}: "
            )
            term = None if event.until is None else f"The term runs to {event.until}."
            notes = [event.note, term, _precision_note(event.date)]
            imprecise = event.date.precision is not Precision.DAY
            found = self.event(
                self.uid("document-event", f"{document.id}/{index}"),
                f"{who}{kind[:1].upper()}{kind[1:]}: {document.title}",
                span,
                description="\n\n".join(n for n in notes if n) or None,
                categories=["document", kind],
                url=urls[0] if urls else None,
                transp="TRANSPARENT",
                x_diplomodel_precision=event.date.precision.value if imprecise else None,
                x_diplomodel_document=document.id,
            )
            for party in document.parties if event.party is None else (event.party,):
                found.add("attendee", self.address(party))

    def relation(
        self,
        relation: BilateralRelation,
        window: tuple[date, date] | None,
        every: int,
        leap_day: LeapDayPolicy,
    ) -> None:
        since = relation.established
        if since is None or since.precision is Precision.YEAR or since.year == date.max.year:
            return  # no yearly day to recur on, or no anniversary left in the calendar
        pair = "–".join(self.dossier.actor_name(s, locale="en") for s in relation.parties)
        title = f"Anniversary of diplomatic ties: {pair}"
        first = anniversary_in_year(since, since.year + 1, leap_day=leap_day).date
        rule: dict[str, Any] = {"freq": "yearly"}
        if (since.month, since.day) == (2, 29):
            # A plain yearly rule skips common years; name the day that stands in for 29 February.
            if leap_day is LeapDayPolicy.FEB_28:
                rule.update(bymonth=2, bymonthday=-1)
            else:
                rule.update(byyearday=60)
        description = " ".join(
            n
            for n in (
                _established(self.dossier, relation, since),
                *_history_notes(self.dossier, relation),
                _precision_note(since),
            )
            if n
        )
        imprecise = since.precision is not Precision.DAY
        uid = self.uid("relation", relation.id)
        shared: dict[str, Any] = {
            "description": description,
            "transp": "TRANSPARENT",
            "x_diplomodel_precision": since.precision.value if imprecise else None,
        }
        self.event(uid, title, _span(first), rrule=rule, categories=["anniversary"], **shared)
        if window is None:
            return
        for found in anniversaries(since, window[0], window[1], leap_day=leap_day):
            jubilee = found.is_jubilee(every=every)
            summary = f"{ordinal(found.number, 'en')} anniversary of diplomatic ties: {pair}"
            self.event(
                uid,
                f"{summary} (jubilee)" if jubilee else summary,
                _span(found.date),
                recurrence_id=found.date.earliest(),
                categories=["anniversary", "jubilee"] if jubilee else ["anniversary"],
                **shared,
            )


def _established(dossier: Dossier, relation: BilateralRelation, since: PartialDate) -> str:
    """When ties were established, and between whom when a successor holds them now."""
    if not relation.successions:
        return f"Diplomatic relations were established on {since}."
    first = pair(dossier, relation.original_parties)
    return f"Diplomatic relations were established between {first} on {since}."


def _history_notes(dossier: Dossier, relation: BilateralRelation) -> list[str]:
    """The successions, then the events of the ties, one short sentence each."""
    notes = []
    for step in relation.successions:
        successor, predecessor = (
            dossier.actor_name(s, locale="en") for s in (step.successor, step.predecessor)
        )
        notes.append(f"{successor} continues them as successor of {predecessor} since {step.date}.")
    for _, event, _, _ in exported_events(dossier, relation):
        what = label(event.kind, "en")
        notes.append(f"{what[:1].upper()}{what[1:]} on {event.date}.")
    return notes


def _overlaps(meeting: Meeting, window: tuple[date, date] | None) -> bool:
    if window is None:
        return True
    first, last = _span(meeting.start, meeting.end)
    return first <= window[1] and last >= window[0]


def to_ical(  # noqa: PLR0913 - every option is a keyword with a default
    dossier: Dossier,
    *,
    start: date | None = None,
    end: date | None = None,
    every: int = 5,
    leap_day: LeapDayPolicy = LeapDayPolicy.FEB_28,
    stamp: datetime | None = None,
) -> str:
    """A dossier's meetings, documents' lives and anniversaries of ties as an iCalendar file.

    Each meeting is an all-day event (``DTSTART;VALUE=DATE``) spanning every
    day its dates may cover: a meeting known only to the month spans the
    month, one known only to the year spans the year. Such an event is marked
    free time (``TRANSP:TRANSPARENT``), its description says how precisely the
    date is known, and ``X-DIPLOMODEL-PRECISION`` holds ``month`` or ``year``.

    Each relation with a date of ties gets one recurring event
    (``RRULE:FREQ=YEARLY``) from its first anniversary; ties dated to the month
    recur as month-long events, ties dated only to the year are left out. A
    29 February date recurs on the day `leap_day` names in common years. With
    a window (`start` and `end`), every anniversary in it is written out as an
    instance (``RECURRENCE-ID``) that gives its number, and round ones
    (`is_jubilee`) are marked ``(jubilee)`` and filed under the category
    ``jubilee``; the window also limits the meetings to those it overlaps.

    The actors at a meeting are ``ATTENDEE`` group addresses
    (``urn:diplomodel:state:IN``, ``CN`` their English name, ``ROLE=CHAIR``
    for the chair, ``OPT-PARTICIPANT`` for a guest, ``NON-PARTICIPANT`` for an
    observer, and ``X-DIPLOMODEL-ROLE`` their roles in the model's terms), the
    host is the ``ORGANIZER``, a meeting held within another is
    ``RELATED-TO`` it (``RELTYPE=PARENT``), and ``X-DIPLOMODEL-FORMAT`` and
    ``X-DIPLOMODEL-LEVEL`` hold the format and level; a meeting by video link
    or phone has no ``LOCATION``.

    Each event in a document's life (`Document.events`: its entry into force,
    an extension, a party's suspension, its expiry ...) is an all-day event
    marked free time, ``SUMMARY`` "Entry into force: <title>" (after the
    party's name for an event of one party), filed under the categories
    ``document`` and the kind of event, with the parties concerned as
    attendees and ``X-DIPLOMODEL-DOCUMENT`` the document's id; the window
    limits them too. A signing recorded only in `Document.signed` is not
    written: the meeting where it happened usually is.

    The library never reads the clock: ``DTSTAMP``, which RFC 5545 requires,
    is `stamp`, or the Unix epoch so that output is reproducible.

    Args:
        dossier: The dossier to export.
        start: The first day of the window, or None for no window.
        end: The last day of the window, or None.
        every: The step of round anniversaries, 2 or more.
        leap_day: Where a 29 February anniversary falls in common years.
        stamp: When the calendar is made, timezone-aware; written as DTSTAMP.

    Returns:
        The iCalendar text (CRLF line endings, lines folded at 75 octets).

    Raises:
        ImportError: The ``icalendar`` package is not installed (install
            ``diplomodel[ical]``).
        ValueError: Only one end of the window is given, `end` is before
            `start`, `every` is below 2 or `stamp` is naive.
        TypeError: An argument has the wrong type.

    >>> from datetime import date
    >>> from diplomodel import load_example
    >>> text = to_ical(load_example(), start=date(2024, 1, 1), end=date(2024, 12, 31))
    >>> [line for line in text.splitlines() if line.startswith("SUMMARY")][-1]
    'SUMMARY:75th anniversary of diplomatic ties: China–Russia (jubilee)'
    >>> "RRULE:FREQ=YEARLY" in text
    True
    """
    window = _check_window(start, end)
    every = _check_every(every)
    if not isinstance(leap_day, LeapDayPolicy):
        raise ArgumentTypeError(f"'leap_day' must be a LeapDayPolicy (got {leap_day!r})")
    moment = _check_stamp(stamp)
    ical = optional_module("icalendar", extra="ical", purpose="to_ical()")
    calendar = _Calendar(ical, dossier, moment)
    meetings = {m.id for m in dossier.meetings}
    for meeting in first_of_each(dossier.meetings):
        if _overlaps(meeting, window):
            calendar.meeting(meeting, meetings)
    for document in first_of_each(dossier.documents):
        calendar.document(document, window)
    for relation in first_of_each(dossier.relations):
        calendar.relation(relation, window, every, leap_day)
    text: str = calendar.calendar.to_ical().decode("utf-8")
    return text
