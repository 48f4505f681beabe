"""What `extract` finds in a report: typed, immutable items with their provenance.

Every item records where it came from: its ``span`` (``[start, end)``
character offsets into the text), the ``surface`` there, the ``rule`` that
found it and a ``confidence`` between 0 and 1.
"""

from __future__ import annotations

import enum
from typing import Any

from attrs import Attribute, field, frozen

from diplomodel import _validators as v
from diplomodel.dates import PartialDate
from diplomodel.model.people import OfficeKind
from diplomodel.model.sectors import Sector
from diplomodel.states import State

__all__ = [
    "Anchor",
    "AnniversaryKind",
    "AnniversaryMention",
    "DocumentKind",
    "DocumentMention",
    "EventKind",
    "EventMention",
    "Found",
    "OfficialKind",
    "OfficialMention",
    "OrdinalMention",
    "OrganizationMention",
    "StateForm",
    "StateMention",
]


class StateForm(enum.Enum):
    """How a report named a state.

    >>> StateForm("demonym")
    <StateForm.DEMONYM: 'demonym'>
    """

    NAME = "name"
    """The state's name in some form ("Russia", "России", "الصين")."""
    DEMONYM = "demonym"
    """An adjective or demonym ("Chinese", "российско-", "الصيني")."""
    ABBREVIATION = "abbreviation"
    """A one-character abbreviation (中 in 中俄, 俄方)."""
    CAPITAL = "capital"
    """A capital standing for its state ("Moscow and Beijing agreed")."""
    TITLE = "title"
    """A title that implies the state ("Bundeskanzler", 国家主席)."""


class OfficialKind(enum.Enum):
    """The kind of office an official holds, as a report says it.

    Finer than `OfficeKind`: spokespeople and senior diplomats (a vice
    minister, India's Foreign Secretary) map to `OfficeKind.OTHER`.

    >>> OfficialKind.HEAD_OF_GOVERNMENT.office_kind
    <OfficeKind.HEAD_OF_GOVERNMENT: 'head_of_government'>
    """

    HEAD_OF_STATE = "head_of_state"
    """A head of state (a president, a monarch)."""
    HEAD_OF_GOVERNMENT = "head_of_government"
    """A head of government (a prime minister, a premier, a chancellor)."""
    DEPUTY_HEAD_OF_GOVERNMENT = "deputy_head_of_government"
    """A deputy or vice premier or prime minister."""
    FOREIGN_MINISTER = "foreign_minister"
    """A minister of foreign affairs."""
    MINISTER = "minister"
    """Another minister."""
    AMBASSADOR = "ambassador"
    """An ambassador or envoy heading a mission."""
    SPOKESPERSON = "spokesperson"
    """A spokesperson of a ministry or government."""
    SENIOR_DIPLOMAT = "senior_diplomat"
    """A senior diplomat below ministerial rank (a vice minister, a foreign secretary)."""
    OTHER = "other"
    """Any other official."""

    @property
    def office_kind(self) -> OfficeKind:
        """The model's `OfficeKind` for this kind.

        >>> OfficialKind.SPOKESPERSON.office_kind
        <OfficeKind.OTHER: 'other'>
        """
        return OfficeKind.__members__.get(self.name, OfficeKind.OTHER)


class EventKind(enum.Enum):
    """What happened on a dated occasion of a report.

    >>> EventKind("talks")
    <EventKind.TALKS: 'talks'>
    """

    MEETING = "meeting"
    """A meeting not otherwise classed."""
    SUMMIT = "summit"
    """A summit."""
    VISIT = "visit"
    """A visit to another country."""
    TALKS = "talks"
    """Talks or negotiations."""
    SIGNING = "signing"
    """The signing of documents."""
    CALL = "call"
    """A telephone call or video call."""
    RECEPTION = "reception"
    """A reception or courtesy call."""
    OTHER = "other"
    """Any other event."""


class Anchor(enum.Enum):
    """How an event's date was fixed.

    >>> Anchor("weekday")
    <Anchor.WEEKDAY: 'weekday'>
    """

    EXPLICIT = "explicit"
    """The text gave the date ("21 August", "8月21日")."""
    WEEKDAY = "weekday"
    """A weekday resolved against the dateline or the publication date."""
    RELATIVE = "relative"
    """A day counted from another ("the next day", "the same day", 当天)."""


class AnniversaryKind(enum.Enum):
    """What an anniversary commemorates.

    >>> AnniversaryKind("diplomatic_ties")
    <AnniversaryKind.DIPLOMATIC_TIES: 'diplomatic_ties'>
    """

    DIPLOMATIC_TIES = "diplomatic_ties"
    """The establishment of diplomatic relations."""
    TREATY = "treaty"
    """The signing of a treaty."""
    VICTORY = "victory"
    """A victory or the end of a war."""
    PARTNERSHIP = "partnership"
    """The founding of a partnership or organisation."""
    OTHER = "other"
    """Anything else commemorated."""


class DocumentKind(enum.Enum):
    """The kind of a document a report names.

    >>> DocumentKind("joint_statement")
    <DocumentKind.JOINT_STATEMENT: 'joint_statement'>
    """

    COMMUNIQUE = "communique"
    """A joint communiqué."""
    JOINT_STATEMENT = "joint_statement"
    """A joint statement."""
    DECLARATION = "declaration"
    """A declaration."""
    AGREEMENT = "agreement"
    """An agreement."""
    MEMORANDUM = "memorandum"
    """A memorandum of understanding."""
    PLAN = "plan"
    """A plan or road map."""
    PROTOCOL = "protocol"
    """A protocol."""
    PROGRAMME = "programme"
    """A programme."""
    TREATY = "treaty"
    """A treaty."""
    OTHER = "other"
    """Any other document."""


def _check_span(_inst: Any, attribute: Attribute[Any], value: Any) -> None:
    if (
        not isinstance(value, tuple)
        or len(value) != 2
        or not all(type(x) is int for x in value)
        or not 0 <= value[0] < value[1]
    ):
        raise ValueError(f"'{attribute.name}' must be (start, end) with 0 <= start < end")


def _check_confidence(_inst: Any, attribute: Attribute[Any], value: Any) -> None:
    if not isinstance(value, float) or not 0.0 <= value <= 1.0:
        raise ValueError(f"'{attribute.name}' must be a float from 0 to 1 (got {value!r})")


def _check_count(_inst: Any, attribute: Attribute[Any], value: Any) -> None:
    if value is not None and (type(value) is not int or value < 1):
        raise ValueError(f"'{attribute.name}' must be None or a positive int (got {value!r})")


@frozen(kw_only=True)
class Found:
    """What every found item has: where it is, what it says, what found it.

    Args:
        span: ``(start, end)``: character offsets into the text, end excluded.
        surface: The text there.
        rule: The name of the rule that found it.
        confidence: From 0 to 1: how far the rule is to be trusted.

    >>> Found(span=(0, 6), surface="Russia", rule="state.name", confidence=0.9).span
    (0, 6)
    """

    span: tuple[int, int] = field(validator=_check_span)
    surface: str = field(validator=v.text(max_length=2000))
    rule: str = field(validator=v.text(max_length=100))
    confidence: float = field(validator=_check_confidence)


@frozen(kw_only=True)
class StateMention(Found):
    """A state the report names, and how.

    Args:
        state: The state.
        form: Name, demonym, abbreviation, capital or title.
        participating: The state takes part in what the report tells.

    >>> from diplomodel import extract
    >>> mention = extract("Moscow and Beijing agreed.", language="en").states_participating[0]
    >>> mention.state.code, mention.form, mention.surface
    ('RU', <StateForm.CAPITAL: 'capital'>, 'Moscow')
    """

    state: State = field(validator=v.instance(State))
    form: StateForm = field(validator=v.enum_member(StateForm))
    participating: bool = field(default=False, validator=v.instance(bool))


@frozen(kw_only=True)
class OrganizationMention(Found):
    """An organisation the report names (never counted as a state).

    Args:
        code: The code of the organisation in the `organizations` registry.

    >>> OrganizationMention(span=(0, 3), surface="SCO", rule="organization.name",
    ...                     confidence=0.9, code="SCO").code
    'SCO'
    """

    code: str = field(validator=v.text(max_length=100))


@frozen(kw_only=True)
class OfficialMention(Found):
    """An official: name, state and kind of office, with the whole surface.

    Args:
        name: The name as written (inflected in Russian text).
        state: The state the official serves, when the report says or implies it.
        kind: The kind of office.
        title: The title as written ("Prime Minister", "председатель Госсовета").

    >>> from diplomodel import extract
    >>> official = extract("Председатель Госсовета КНР Ли Цян прибыл.", language="ru").officials[0]
    >>> official.name, official.state.code, official.kind.value, official.title
    ('Ли Цян', 'CN', 'head_of_government', 'Председатель Госсовета')
    """

    name: str = field(validator=v.text(max_length=300))
    state: State | None = field(validator=v.optional(v.instance(State)))
    kind: OfficialKind = field(validator=v.enum_member(OfficialKind))
    title: str = field(validator=v.text(max_length=300))


@frozen(kw_only=True)
class EventMention(Found):
    """A dated event; the surface is the date expression.

    Args:
        kind: Meeting, summit, visit, talks, signing, call, reception or other.
        start: Its (first) day, or month or year when that is all the text says.
        end: Its last day, for events of several days.
        anchor: How the date was fixed.
        place: Where it took place, as written, when the sentence says.

    >>> from datetime import date
    >>> from diplomodel import extract
    >>> event = extract("They met in Berlin on Friday.", language="en",
    ...                 dateline=date(2023, 6, 20)).events[0]
    >>> str(event.start), event.anchor.value, event.place, event.surface
    ('2023-06-16', 'weekday', 'Berlin', 'on Friday')
    """

    kind: EventKind = field(validator=v.enum_member(EventKind))
    start: PartialDate = field(validator=v.date())
    end: PartialDate | None = field(default=None, validator=v.optional_date())
    anchor: Anchor = field(validator=v.enum_member(Anchor))
    place: str | None = field(default=None, validator=v.optional(v.text(max_length=300)))


@frozen(kw_only=True)
class OrdinalMention(Found):
    """An ordinal number ("the 29th", 第二十九次, "siebten").

    Args:
        value: The number.
        series: Whether it numbers a meeting in a series (rather than a trip,
            a term of office, a plenum or a plan).

    >>> from diplomodel import extract
    >>> [(o.value, o.series) for o in extract("第九次中日韩领导人会议", language="zh").ordinals]
    [(9, True)]
    """

    value: int = field(validator=v.ordinal())
    series: bool = field(validator=v.instance(bool))


@frozen(kw_only=True)
class AnniversaryMention(Found):
    """An anniversary ("the 75th anniversary of diplomatic ties").

    Args:
        number: The anniversary's number.
        what: What it commemorates.
        states: The states it concerns, as the sentence names them.
        on: The day of the anniversary, when a dossier knows the base date.

    >>> from diplomodel import extract
    >>> found = extract("今年是中法建交60周年。", language="zh").anniversaries[0]
    >>> found.number, found.what.value, [s.code for s in found.states]
    (60, 'diplomatic_ties', ['CN', 'FR'])
    """

    number: int = field(validator=v.ordinal())
    what: AnniversaryKind = field(validator=v.enum_member(AnniversaryKind))
    states: tuple[State, ...] = field(default=(), validator=v.tuple_of(v.instance(State)))
    on: PartialDate | None = field(default=None, validator=v.optional_date())


@frozen(kw_only=True)
class DocumentMention(Found):
    """A document, or a counted batch of them ("28 memoranda").

    Args:
        kind: The kind of document.
        count: The number stated; 1 for a singular; None for a plural without number.
        sectors: The fields of cooperation it covers, from `Sector`.
        signatories: Names of the officials said to sign it.

    >>> from diplomodel import extract
    >>> document = extract("They signed 28 memoranda on trade.", language="en").documents[0]
    >>> document.kind.value, document.count, [s.value for s in document.sectors]
    ('memorandum', 28, ['economy_and_trade'])
    """

    kind: DocumentKind = field(validator=v.enum_member(DocumentKind))
    count: int | None = field(default=None, validator=_check_count)
    sectors: tuple[Sector, ...] = field(default=(), validator=v.tuple_of(v.enum_member(Sector)))
    signatories: tuple[str, ...] = field(default=(), validator=v.tuple_of(v.text()))
