"""Claims: what a source said about a record, kept beside the record so the two can be compared.

Reports contain errors (a wrong anniversary count, a wrong city). A `Claim`
keeps what a source asserted, typed, with the source and the day it was
said; the record keeps what is known. Nothing is lost, and validation
(``DM142`` to ``DM148``) reports each claim that contradicts its record or
another source.
"""

from __future__ import annotations

import enum
from typing import Any, Final, NewType

from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel.dates import PartialDate
from diplomodel.model.actors import Actor, actor
from diplomodel.model.ids import DocumentId, MeetingId, RelationId, SeriesId
from diplomodel.model.sources import Source

__all__ = ["Claim", "ClaimId", "ClaimKind", "ClaimSubject"]

ClaimId = NewType("ClaimId", str)


class ClaimSubject(enum.Enum):
    """The kind of record a claim is about; the field of that name holds its id.

    >>> ClaimSubject("meeting")
    <ClaimSubject.MEETING: 'meeting'>
    """

    MEETING = "meeting"
    """A meeting (its id goes in `Claim.meeting`)."""
    SERIES = "series"
    """A series of meetings (its id goes in `Claim.series`)."""
    RELATION = "relation"
    """A bilateral relation (its id goes in `Claim.relation`)."""
    DOCUMENT = "document"
    """A document (its id goes in `Claim.document`)."""


class ClaimKind(enum.Enum):
    """What a claim says about its record, and so which value field it fills.

    >>> ClaimKind("anniversary").name
    'ANNIVERSARY'
    """

    ANNIVERSARY = "anniversary"
    """Which anniversary falls in the year it was said ("the 75th anniversary"): `number`."""
    DATE = "date"
    """When it happened, was established or signed: `date`."""
    PLACE = "place"
    """Where it took place or was signed, a city or a venue: `text`."""
    ORDINAL = "ordinal"
    """Its number in its series ("the 29th regular meeting"): `number`."""
    PARTNERSHIP_LEVEL = "partnership_level"
    """The name of the partnership level in force on the day it was said: `text`."""
    PARTY = "party"
    """A state or organisation that took part: `party`."""
    COUNT = "count"
    """How many of something ("28 documents were signed"): `number`."""


_K: Final = ClaimKind
APPLIES_TO: Final[dict[ClaimKind, frozenset[ClaimSubject]]] = {
    _K.ANNIVERSARY: frozenset({ClaimSubject.RELATION, ClaimSubject.SERIES}),
    _K.DATE: frozenset(ClaimSubject),
    _K.PLACE: frozenset({ClaimSubject.MEETING, ClaimSubject.DOCUMENT}),
    _K.ORDINAL: frozenset({ClaimSubject.MEETING}),
    _K.PARTNERSHIP_LEVEL: frozenset({ClaimSubject.RELATION}),
    _K.PARTY: frozenset(ClaimSubject),
    _K.COUNT: frozenset(ClaimSubject),
}
"""The kinds of record each kind of claim can be about."""


def _what_problem(inst: Any, what: ClaimKind) -> str | None:
    about = getattr(inst, "about", None)
    if about in APPLIES_TO.get(what, ()):
        return None
    return f"({what.value!r}) cannot be said about a {getattr(about, 'value', about)}"


def _what_kept(values: dict[str, Any], what: ClaimKind) -> ClaimKind:
    return what if values.get("about") in APPLIES_TO[what] else ClaimKind.DATE


def _about(subject: ClaimSubject) -> Any:
    return v.only_for("about", (subject,))


@frozen(kw_only=True)
class Claim:
    """What a source said about one record: a typed value, the source, the day it was said.

    A claim is about one record: `about` names its kind and the field of that
    name holds its id. `what` says what is claimed, and exactly the value
    field it needs is filled: `number` for an anniversary, an ordinal or a
    count; `date`; `text` for a place or a partnership level; `party`.

    Args:
        id: Stable id.
        source: Where it was said.
        said_on: The day (or month, year) it was said; anniversaries are
            counted in its year. Without it, the source's publication date.
        about: The kind of record it is about.
        meeting: The meeting's id, when `about` is a meeting.
        series: The series' id, when `about` is a series.
        relation: The relation's id, when `about` is a relation.
        document: The document's id, when `about` is a document.
        what: What is claimed.
        number: The anniversary, ordinal or count claimed.
        date: The date claimed.
        text: The place or partnership level claimed.
        party: The party claimed.
        quote: The source's own words, if kept.
        evidence: True if the claim is kept as evidence for the record (the
            record's fact comes from this source); False if it is only noted.

    Raises:
        ValueError: The id field of the `about` kind is missing or another is
            given; the value field `what` needs is missing or another is given;
            or `what` cannot be said about that kind of record (an ordinal of
            a relation).

    >>> claim = Claim(id="c1", source=Source(publisher="Wire"),
    ...               said_on=PartialDate.parse("2019-10-01"), about=ClaimSubject.RELATION,
    ...               relation="cn-ru", what=ClaimKind.ANNIVERSARY, number=75)
    >>> claim.subject, claim.value
    ('cn-ru', 75)
    """

    id: ClaimId = field(validator=v.identifier())
    source: Source = field(validator=v.instance(Source))
    said_on: PartialDate | None = field(default=None, validator=v.optional_date())
    about: ClaimSubject = field(validator=v.enum_member(ClaimSubject))
    meeting: MeetingId | None = field(
        default=None, validator=[v.optional(v.identifier()), _about(ClaimSubject.MEETING)]
    )
    series: SeriesId | None = field(
        default=None, validator=[v.optional(v.identifier()), _about(ClaimSubject.SERIES)]
    )
    relation: RelationId | None = field(
        default=None, validator=[v.optional(v.identifier()), _about(ClaimSubject.RELATION)]
    )
    document: DocumentId | None = field(
        default=None, validator=[v.optional(v.identifier()), _about(ClaimSubject.DOCUMENT)]
    )
    what: ClaimKind = field(
        validator=[v.enum_member(ClaimKind), v.coherent(_what_problem, _what_kept)]
    )
    number: int | None = field(
        default=None,
        validator=[
            v.optional(v.ordinal()),
            v.only_for("what", (_K.ANNIVERSARY, _K.ORDINAL, _K.COUNT)),
        ],
    )
    date: PartialDate | None = field(
        default=None, validator=[v.optional_date(), v.only_for("what", (_K.DATE,))]
    )
    text: str | None = field(
        default=None,
        validator=[
            v.optional(v.text(max_length=500)),
            v.only_for("what", (_K.PLACE, _K.PARTNERSHIP_LEVEL)),
        ],
    )
    party: Actor | None = field(
        default=None, validator=[v.optional(actor()), v.only_for("what", (_K.PARTY,))]
    )
    quote: str | None = field(default=None, validator=v.optional(v.text(max_length=2000)))
    evidence: bool = field(default=False, validator=v.boolean())

    @property
    def subject(self) -> str:
        """The id of the record the claim is about."""
        found: str = getattr(self, self.about.value)
        return found

    @property
    def value(self) -> int | PartialDate | str | Actor:
        """The value claimed, whichever field holds it."""
        for candidate in (self.number, self.date, self.text, self.party):
            if candidate is not None:
                return candidate
        raise AssertionError("a constructed claim always holds a value")  # pragma: no cover

    @property
    def when(self) -> PartialDate | None:
        """When it was said: `said_on`, else the source's publication date, else None."""
        return self.said_on if self.said_on is not None else self.source.published
