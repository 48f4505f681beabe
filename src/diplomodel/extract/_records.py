"""Turning an extraction into proposed records: people, offices, meetings, documents.

Known records win: a person whose name (in any of their languages) matches is
referred to by id, an office of the same kind and state is reused, a series of
the same parties (and, when several, the same level and kind) and the
relation of a pair are referred to, and a meeting the dossier already holds
(same series and ordinal, or same start and parties) is not proposed again.
A counted batch of documents ("28 memoranda") is one `DocumentBatch`, never
28 invented records. What the report asserted — the meeting's date, place and
number, a batch's count, an anniversary of ties — becomes a `Claim` (see
`_claims`), so that validation compares it with the record.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import TYPE_CHECKING, Final

from diplomodel.dossier import Dossier
from diplomodel.extract._claims import ClaimMaker, report_source
from diplomodel.extract._lexicon import _capitals
from diplomodel.extract._officials import names_match
from diplomodel.extract._results import (
    DocumentKind,
    DocumentMention,
    EventKind,
    EventMention,
    OfficialKind,
    OfficialMention,
    OrdinalMention,
)
from diplomodel.extract._text import fold
from diplomodel.model.documents import (
    AgreementForm,
    Communique,
    CooperationAgreement,
    Declaration,
    Document,
    DocumentBatch,
    JointStatement,
)
from diplomodel.model.ids import DocumentId, MeetingId, OfficeId, PersonId, SeriesId
from diplomodel.model.meetings import Meeting, MeetingKind, MeetingSeries, Participation, Role
from diplomodel.model.people import Office, OfficeKind, Person, Tenure
from diplomodel.model.places import Place
from diplomodel.model.sources import Source
from diplomodel.states import State, states

if TYPE_CHECKING:  # the extraction module imports this one
    from diplomodel.extract._extraction import Extraction

__all__ = ["propose"]

_MEETING_KINDS: Final = {
    EventKind.MEETING: MeetingKind.OTHER,
    EventKind.SUMMIT: MeetingKind.SUMMIT,
    EventKind.VISIT: MeetingKind.OFFICIAL_VISIT,
    EventKind.TALKS: MeetingKind.TALKS,
    EventKind.SIGNING: MeetingKind.SIGNING_CEREMONY,
    EventKind.CALL: MeetingKind.PHONE_CALL,
    EventKind.RECEPTION: MeetingKind.RECEPTION,
}
_STATEMENTS: Final[dict[DocumentKind, type[Communique | JointStatement | Declaration]]] = {
    DocumentKind.COMMUNIQUE: Communique,
    DocumentKind.JOINT_STATEMENT: JointStatement,
    DocumentKind.DECLARATION: Declaration,
}
_FORMS: Final = {
    DocumentKind.AGREEMENT: AgreementForm.AGREEMENT,
    DocumentKind.MEMORANDUM: AgreementForm.MEMORANDUM,
    DocumentKind.PLAN: AgreementForm.PLAN,
    DocumentKind.PROTOCOL: AgreementForm.PROTOCOL,
    DocumentKind.PROGRAMME: AgreementForm.PROGRAMME,
    DocumentKind.TREATY: AgreementForm.TREATY,
}
_LEADERS: Final = {OfficialKind.HEAD_OF_STATE, OfficialKind.HEAD_OF_GOVERNMENT}


def slug(text: str, prefix: str) -> str:
    """An id from a name: ASCII words joined by hyphens, else a short hash.

    >>> slug("Li Qiang", "person"), slug("Ли Цян", "person")
    ('li-qiang', 'person-072e02ff')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.casefold())
    if words and len("".join(words)) * 2 >= len(re.sub(r"\W", "", text)):
        return "-".join(words)[:120].strip("-")
    return f"{prefix}-{hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:8]}"


class _Builder:
    def __init__(self, extraction: Extraction, known: Dossier, source: Source | None) -> None:
        self.extraction = extraction
        self.known = known
        self.source = source
        self.people: dict[str, Person] = {}
        self.offices: dict[str, Office] = {}
        self.person_of: dict[int, PersonId] = {}  # official index -> person id
        self.series: dict[str, MeetingSeries] = {}
        self.claims = ClaimMaker(extraction, known, report_source(extraction, source))

    def person(self, index: int, official: OfficialMention) -> PersonId:
        for person in self.known.people:
            if any(names_match(official.name, n) for n in (person.name, *person.names.values())):
                self.person_of[index] = person.id
                return person.id
        person_id = PersonId(slug(official.name, "person"))
        while person_id in self.people or any(p.id == person_id for p in self.known.people):
            person_id = PersonId(person_id + "-2")
        tenures: tuple[Tenure, ...] = ()
        if official.state is not None:
            tenures = (Tenure(office=self.office(official, official.state, person_id)),)
        language = self.extraction.language
        names: dict[str, str] = {} if language == "en" else {language: official.name}
        self.people[person_id] = Person(
            id=person_id, name=official.name, names=names, tenures=tenures
        )
        self.person_of[index] = person_id
        return person_id

    def office(self, official: OfficialMention, state: State, person_id: str) -> OfficeId:
        kind = official.kind.office_kind
        for office in (*self.known.offices, *self.offices.values()):
            if office.kind is kind and office.state == state and kind in _SINGLE_HOLDER:
                return office.id
        office_id = OfficeId(f"{state.code.lower()}-{official.kind.value.replace('_', '-')}")
        if kind not in _SINGLE_HOLDER:
            office_id = OfficeId(f"{office_id}-{person_id}")
        self.offices.setdefault(
            office_id, Office(id=office_id, title=official.title, kind=kind, state=state)
        )
        return office_id


_SINGLE_HOLDER: Final = {
    OfficialKind.HEAD_OF_STATE.office_kind,
    OfficialKind.HEAD_OF_GOVERNMENT.office_kind,
    OfficialKind.FOREIGN_MINISTER.office_kind,
}


def _place(event: EventMention, language: str) -> Place | None:
    """The place of an event in a capital, its locality spelt in English (Москве is Moscow)."""
    if event.place is None:
        return None
    wanted = fold(event.place, language)
    english = _capitals("en")
    for code, names in _capitals(language).items():
        # The name, or an inflected form of it: a case ending of up to two letters.
        if any(wanted.startswith(fold(n, language)[: max(4, len(n) - 2)]) for n in names):
            state = states.get(code, None)
            if state is None:
                return None
            # One spelling whatever the report's language, so that the place claimed and
            # the place recorded compare.
            locality = english.get(code, [event.place])[0]
            return Place(state=state, locality=locality)
    return None


def _level(extraction: Extraction) -> OfficeKind | None:
    """The level of the leaders who met: the highest office kind among participants' leaders."""
    parties = {m.state for m in extraction.states_participating}
    kinds = {o.kind for o in extraction.officials if o.state in parties}
    for kind in (OfficialKind.HEAD_OF_STATE, OfficialKind.HEAD_OF_GOVERNMENT):
        if kind in kinds:
            return kind.office_kind
    return None


def _series(
    builder: _Builder, parties: tuple[State, ...], event: EventMention
) -> tuple[MeetingSeries | None, OrdinalMention | None]:
    """The series the report's ordinal numbers, and that ordinal: a known series, else a new one.

    A known series is one of the same parties; when several are, the one of
    the leaders' level, then the one of the event's kind.
    """
    extraction = builder.extraction
    ordinal = next((o for o in extraction.ordinals if o.series), None)
    if ordinal is None:
        return None, None
    level = _level(extraction)
    kind = _MEETING_KINDS.get(event.kind, MeetingKind.OTHER)
    same = [s for s in builder.known.series if set(s.parties) == set(parties)]
    same.sort(key=lambda s: (s.level is not level, s.kind is not kind))
    if same:
        return same[0], ordinal
    if len(parties) != 2:
        return None, ordinal  # a multilateral series is its organisation's: not guessed
    words = (level.value if level is not None else "meetings").replace("_", "-")
    series_id = SeriesId(f"{'-'.join(p.code.lower() for p in parties)}-{words}")
    series = builder.series.get(series_id) or MeetingSeries(
        id=series_id,
        title=f"{' and '.join(p.name for p in parties)}: {words.replace('-', ' ')}",
        kind=MeetingKind.SUMMIT if kind is MeetingKind.SUMMIT else MeetingKind.REGULAR_MEETING,
        parties=parties,
        level=level,
    )
    builder.series[series_id] = series
    return series, ordinal


def _existing(known: Dossier, meeting: Meeting) -> Meeting | None:
    for held in known.meetings:
        same_series = (
            meeting.series is not None
            and held.series == meeting.series
            and held.ordinal == meeting.ordinal
        )
        same_day = held.start == meeting.start and set(held.parties) == set(meeting.parties)
        if same_series or same_day:
            return held
    return None


def _meeting(builder: _Builder, event: EventMention, number: int) -> Meeting | None:
    extraction = builder.extraction
    parties = tuple(m.state for m in extraction.states_participating)
    if not parties:
        return None
    series, ordinal = _series(builder, parties, event) if number == 0 else (None, None)
    participants: list[Participation] = []
    if number == 0:
        led: set[str] = set()
        for index, official in enumerate(extraction.officials):
            if official.state is None or official.state not in parties:
                continue
            person = builder.person(index, official)
            role = Role.MEMBER
            if official.kind in _LEADERS and official.state.code not in led:
                role = Role.HEAD_OF_DELEGATION
                led.add(official.state.code)
            participants.append(Participation(person=person, delegation=official.state, role=role))
    place = _place(event, extraction.language)
    title = f"{event.kind.value.replace('_', ' ').capitalize()} of {event.start}"
    meeting = Meeting(
        id=MeetingId(f"extracted-{event.start}-{event.kind.value}-{number + 1}"),
        title=title,
        kind=series.kind
        if series is not None
        else _MEETING_KINDS.get(event.kind, MeetingKind.OTHER),
        start=event.start,
        end=event.end,
        place=place,
        host=place.state if place is not None and place.state in parties else None,
        parties=parties,
        series=series.id if series is not None else None,
        ordinal=ordinal.value if series is not None and ordinal is not None else None,
        participants=tuple(participants),
        sources=(builder.source,) if builder.source is not None else (),
    )
    meeting = _existing(builder.known, meeting) or meeting
    builder.claims.meeting(meeting, ordinal)
    return meeting


def _document(
    mention: DocumentMention, number: int, parties: tuple[State, ...], meeting: Meeting | None
) -> Document | None:
    """The record of a document mention: one document, or one batch of those a count gives."""
    if mention.count is None or not parties:
        return None  # "documents on trade": how many is not said
    common = {
        "id": DocumentId(f"extracted-document-{number + 1}"),
        "title": mention.surface,
        "parties": parties,
        "signed": meeting.start if meeting is not None else None,
        "meeting": meeting.id if meeting is not None else None,
        "sectors": mention.sectors,
    }
    form = _FORMS.get(mention.kind)
    if mention.count > 1:  # "28 memoranda": one batch, never 28 invented records
        return DocumentBatch(count=mention.count, form=form, **common)  # type: ignore[arg-type]
    statement = _STATEMENTS.get(mention.kind)
    if statement is not None:
        return statement(**common)  # type: ignore[arg-type]
    if form is None:
        return None
    return CooperationAgreement(form=form, **common)  # type: ignore[arg-type]


def _known_document(known: Dossier, document: Document) -> Document | None:
    """The document of this kind (and form) from the same meeting that the dossier holds."""
    if document.meeting is None:
        return None
    for held in known.documents:
        if (
            held.meeting == document.meeting
            and type(held) is type(document)
            and getattr(held, "form", None) == getattr(document, "form", None)
        ):
            return held
    return None


def propose(
    extraction: Extraction, dossier: Dossier | None, *, source: Source | None = None
) -> Dossier:
    """The extraction's proposed records, merged into `dossier` (or a new one)."""
    known = dossier if dossier is not None else Dossier(id="extracted", title="Extracted records")
    builder = _Builder(extraction, known, source)
    meetings: list[Meeting] = []
    for number, event in enumerate(e for e in extraction.events if e.kind is not EventKind.OTHER):
        meeting = _meeting(builder, event, number)
        if meeting is not None and all(m.id != meeting.id for m in meetings):
            meetings.append(meeting)
    parties = tuple(m.state for m in extraction.states_participating)
    main = meetings[0] if meetings else None
    # A known meeting that lists its outcomes has its documents recorded: a count the
    # report gives is then said of the meeting, not a batch beside those records.
    listed = main is not None and main in known.meetings and bool(main.outcomes)
    documents: list[Document] = []
    for number, mention in enumerate(extraction.documents):
        document = _document(mention, number, parties, main)
        if document is None:
            continue
        if isinstance(document, DocumentBatch) and listed and main is not None:
            builder.claims.count(main, mention, new=False)
            continue
        held = _known_document(known, document)
        if held is None:
            documents.append(document)
        if isinstance(document, DocumentBatch):
            builder.claims.count(held or document, mention, new=held is None)
    for index, official in enumerate(extraction.officials):
        if index not in builder.person_of and official.state is not None:
            builder.person(index, official)
    builder.claims.anniversaries()
    held_meetings = {m.id for m in known.meetings}
    proposal = Dossier(
        id=known.id,
        title=known.title,
        people=tuple(builder.people.values()),
        offices=tuple(builder.offices.values()),
        series=tuple(builder.series.values()),
        meetings=tuple(m for m in meetings if m.id not in held_meetings),
        documents=tuple(documents),
        relations=tuple(builder.claims.relations.values()),
        claims=tuple(builder.claims.all()),
    )
    return known.merge(proposal)
