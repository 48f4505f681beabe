"""Documents: communiqués, joint statements, declarations, agreements and batches of them.

Every kind of document shares the fields of `Document`: its parties, when
and where it was signed, who signed it, the documents it revises, amends or
supersedes, its stated status, and its life as dated events per party
(`DocumentEvent`), from which `Document.status_on` tells where it stood on
any day.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import Any

import attrs
from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel.dates import PartialDate
from diplomodel.errors import InvalidArgumentError
from diplomodel.model._common import other_topics
from diplomodel.model.actors import Actor, actor, actor_key
from diplomodel.model.ids import DocumentId, MeetingId, OfficeId, PersonId
from diplomodel.model.lifecycle import (
    DocumentEvent,
    DocumentEventKind,  # noqa: F401 - used by the doctests
    DocumentStatus,
    Lifecycle,
    combined,
    events_kept,
    events_problem,
    steps,
)
from diplomodel.model.places import Place
from diplomodel.model.relations import _as_day
from diplomodel.model.sectors import Sector
from diplomodel.model.sources import Source

__all__ = [
    "AgreementForm",
    "Communique",
    "CooperationAgreement",
    "Declaration",
    "Document",
    "DocumentBatch",
    "DocumentStatus",
    "JointStatement",
    "Signature",
]


class AgreementForm(enum.Enum):
    """The legal or customary form of a cooperation document.

    >>> AgreementForm("memorandum").name
    'MEMORANDUM'
    """

    AGREEMENT = "agreement"
    """An agreement."""
    MEMORANDUM = "memorandum"
    """A memorandum of understanding or of cooperation."""
    PLAN = "plan"
    """A plan (a cooperation plan, an investment plan)."""
    PROTOCOL = "protocol"
    """A protocol, often amending or adding to another document."""
    PROGRAMME = "programme"
    """A programme of cooperation over a period."""
    TREATY = "treaty"
    """A treaty."""
    CONVENTION = "convention"
    """A convention (a treaty under that name, often open to many parties)."""
    EXCHANGE_OF_NOTES = "exchange_of_notes"
    """An exchange of notes or letters that together make an agreement."""
    ACTION_PLAN = "action_plan"
    """An action plan (measures with dates to carry out a partnership)."""
    ROAD_MAP = "road_map"
    """A road map (steps towards a goal over a period)."""
    DECISION = "decision"
    """A decision (of a joint body, a council or a summit)."""
    CHARTER = "charter"
    """A charter (the founding document of an organisation or a partnership)."""
    LETTER_OF_INTENT = "letter_of_intent"
    """A letter or declaration of intent."""
    CONTRACT = "contract"
    """A contract (between companies or agencies, signed at an official event)."""
    MINUTES = "minutes"
    """Minutes or a record of a meeting signed by its co-chairs (a commission's protocol)."""


@frozen(kw_only=True)
class Signature:
    """A person signing a document on behalf of a party.

    Args:
        person: Id of the signatory.
        state: The state, organisation or body on whose behalf they signed.
        office: Id of the office in which they signed, if recorded.

    >>> from diplomodel.states import states
    >>> Signature(person="li-qiang", state=states.get("CN")).office is None
    True
    """

    person: PersonId = field(validator=v.identifier())
    state: Actor = field(validator=actor())
    office: OfficeId | None = field(default=None, validator=v.optional(v.identifier()))


def _names_itself(inst: Any, ids: tuple[str, ...]) -> str | None:
    own = getattr(inst, "id", None)
    if own in ids:
        return f"must name other documents than its own 'id' (got {own!r})"
    return None


def _without_itself(values: dict[str, Any], ids: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(i for i in ids if i != values.get("id"))


def _check_count(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or not 1 <= value <= _MAX_COUNT:
        raise ValueError(
            f"'{attribute.name}' must be a whole number of documents from 1 to "
            f"{_MAX_COUNT:,} (got {value!r})"
        )


_MAX_COUNT = 100_000
_count = v.described(_check_count, {"type": "integer", "minimum": 1, "maximum": _MAX_COUNT})


@frozen(kw_only=True)
class Document:
    """What every kind of diplomatic document has; not created directly.

    Use one of its kinds: `Communique`, `JointStatement`, `Declaration`,
    `CooperationAgreement` or `DocumentBatch`. In files a document carries a
    ``"type"`` tag naming its kind.

    `status` is the status the record *states* (what the source says, or the
    default "signed"); `events` give the dated life from which `status_on`
    computes where the document stood on any day, for all parties or for
    one. The two are kept apart so that nothing is lost; validation (DM152)
    reports a stated status that contradicts the events.

    Args:
        id: Stable id of the document.
        title: Its English title (or a description when the title is not known).
        parties: The states party to it.
        signed: When it was signed or adopted.
        place: Where it was signed.
        meeting: Id of the meeting it came from.
        sectors: The fields of cooperation it covers.
        other_topics: Topics the `Sector` vocabulary lacks, in words, kept as written.
        signatories: Who signed it, for which state.
        witnesses: Ids of people who witnessed the signing.
        revises: Id of the earlier document that this one revises (a new edition).
        amends: Ids of the documents this one amends (a protocol of amendment).
        supersedes: Ids of the documents this one replaces.
        status: Where it stands, as stated.
        legally_binding: Whether it binds the parties in law; None when not stated.
        events: Its life, in date order: signature, ratification, entry into
            force, extension, suspension, withdrawal, expiry ... for all
            parties or for one.
        summary: A short account in your own words.
        sources: Where the facts come from.

    Raises:
        TypeError: `Document` itself is instantiated.
        ValueError: A document revises, amends or supersedes itself; a party,
            sector or witness is listed twice; or an event cannot follow the
            ones before it (in force before it was signed, a party withdrawing
            before it signed, anything after it expired), names an actor that
            is not a party, or is out of date order.

    >>> from diplomodel.states import states
    >>> Document(id="d", title="A document", parties=(states.get("CN"),))
    Traceback (most recent call last):
    ...
    TypeError: Document is abstract: create a Communique, a JointStatement, a Declaration, \
a CooperationAgreement or a DocumentBatch
    """

    id: DocumentId = field(validator=v.identifier())
    title: str = field(validator=v.text(max_length=1000))
    parties: tuple[Actor, ...] = field(validator=v.tuple_of(actor(), unique=True, min_length=1))
    signed: PartialDate | None = field(default=None, validator=v.optional_date())
    place: Place | None = field(default=None, validator=v.optional(v.instance(Place)))
    meeting: MeetingId | None = field(default=None, validator=v.optional(v.identifier()))
    sectors: tuple[Sector, ...] = field(
        default=(), validator=v.tuple_of(v.enum_member(Sector), unique=True)
    )
    other_topics: tuple[str, ...] = field(default=(), validator=other_topics())
    signatories: tuple[Signature, ...] = field(
        default=(), validator=v.tuple_of(v.instance(Signature), unique=True)
    )
    witnesses: tuple[PersonId, ...] = field(
        default=(), validator=v.tuple_of(v.identifier(), unique=True)
    )
    revises: DocumentId | None = field(
        default=None, validator=[v.optional(v.identifier()), v.other_than("id")]
    )
    amends: tuple[DocumentId, ...] = field(
        default=(),
        validator=[
            v.tuple_of(v.identifier(), unique=True),
            v.coherent(_names_itself, _without_itself, passes_empty=True),
        ],
    )
    supersedes: tuple[DocumentId, ...] = field(
        default=(),
        validator=[
            v.tuple_of(v.identifier(), unique=True),
            v.coherent(_names_itself, _without_itself, passes_empty=True),
        ],
    )
    status: DocumentStatus = field(
        default=DocumentStatus.SIGNED, validator=v.enum_member(DocumentStatus)
    )
    legally_binding: bool | None = field(default=None, validator=v.optional(v.boolean()))
    events: tuple[DocumentEvent, ...] = field(
        default=(),
        validator=[
            v.tuple_of(v.instance(DocumentEvent)),
            v.coherent(events_problem, events_kept, passes_empty=True),
        ],
    )
    summary: str | None = field(default=None, validator=v.optional(v.text()))
    sources: tuple[Source, ...] = field(default=(), validator=v.tuple_of(v.instance(Source)))

    def __attrs_pre_init__(self) -> None:
        if type(self) is Document:
            raise TypeError(
                "Document is abstract: create a Communique, a JointStatement, a Declaration, "
                "a CooperationAgreement or a DocumentBatch"
            )

    def _life(self) -> Lifecycle:
        return Lifecycle.walk(self.parties, self.signed, self.events)

    def _party(self, party: Actor | None) -> Actor | None:
        if party is not None and party not in self.parties:
            raise InvalidArgumentError(f"{actor_key(party)} is not a party to document {self.id!r}")
        return party

    def status_changes(
        self, party: Actor | None = None
    ) -> tuple[tuple[PartialDate, DocumentStatus], ...]:
        """Each change of status, earliest first: (date, status from then on).

        Read from `signed` and `events`, for one party or for the whole
        document (the status all its parties give together, see `status_on`).

        Args:
            party: A party, or None for the whole document.

        Raises:
            InvalidArgumentError: `party` is not a party (a `ValueError`).

        >>> from diplomodel.states import states
        >>> doc = CooperationAgreement(id="t", title="A treaty",
        ...     parties=(states.get("CN"), states.get("RU")),
        ...     signed=PartialDate.parse("2001-07-16"),
        ...     events=(DocumentEvent(kind=DocumentEventKind.ENTRY_INTO_FORCE,
        ...                           date=PartialDate.parse("2002-02-28")),))
        >>> [(str(d), s.value) for d, s in doc.status_changes()]
        [('2001-07-16', 'signed'), ('2002-02-28', 'in_force')]
        """
        life = self._life()
        chosen = self._party(party)
        if chosen is not None:
            return life.of(chosen)
        current: dict[Actor, DocumentStatus] = {}
        changes: list[tuple[PartialDate, DocumentStatus]] = []
        for when, who, status in steps(life):
            current[who] = status
            whole = combined(list(current.values()))
            if whole is None:
                continue
            if changes and changes[-1][0] == when:
                changes.pop()
            if not changes or changes[-1][1] is not whole:
                changes.append((when, whole))
        return tuple(changes)

    def status_on(
        self, on: date | PartialDate, party: Actor | None = None
    ) -> DocumentStatus | None:
        """Where the document stood on a day, computed from `signed` and `events`.

        For one party, its own status; for the whole document (``party=None``)
        the status its parties give together: in force while it is in force
        for any party (Russia's suspension of its participation in New START
        did not end the treaty), else suspended or provisionally applied,
        else the least advanced of signed and ratified, else how it ended. A
        date known only to the month or year counts from its last possible
        day, so the answer is never premature. Before the first recorded step
        the answer is None: the record does not say.

        Args:
            on: A `datetime.date` or a day-precision `PartialDate`.
            party: A party, or None for the whole document.

        Returns:
            The status, or None if the record does not say.

        Raises:
            ValueError: `on` is a `PartialDate` not known to the day, or
                `party` is not a party.

        >>> from diplomodel.states import states
        >>> ru, us = states.get("RU"), states.get("US")
        >>> treaty = CooperationAgreement(id="new-start", title="New START",
        ...     parties=(ru, us), signed=PartialDate.parse("2010-04-08"),
        ...     events=(DocumentEvent(kind=DocumentEventKind.ENTRY_INTO_FORCE,
        ...                           date=PartialDate.parse("2011-02-05")),
        ...             DocumentEvent(kind=DocumentEventKind.SUSPENSION, party=ru,
        ...                           date=PartialDate.parse("2023-02-21"))))
        >>> day = date(2024, 1, 1)
        >>> treaty.status_on(day, ru).value, treaty.status_on(day, us).value
        ('suspended', 'in_force')
        >>> treaty.status_on(day).value, treaty.status_on(date(2010, 1, 1)) is None
        ('in_force', True)
        """
        day = _as_day(on)
        status = None
        for when, changed in self.status_changes(party):
            if when.latest() <= day:
                status = changed
        return status


@frozen(kw_only=True)
class Communique(Document):
    """A joint communiqué: the parties' agreed account of a meeting and its results.

    >>> from diplomodel.states import states
    >>> c = Communique(id="c1", title="Joint communiqué",
    ...                parties=(states.get("CN"), states.get("RU")))
    >>> c.status
    <DocumentStatus.SIGNED: 'signed'>
    """


@frozen(kw_only=True)
class JointStatement(Document):
    """A joint statement: positions the parties state together (a press statement too).

    >>> from diplomodel.states import states
    >>> JointStatement(id="s1", title="Joint statement on the new era",
    ...                parties=(states.get("CN"), states.get("RU"))).legally_binding is None
    True
    """


@frozen(kw_only=True)
class Declaration(Document):
    """A declaration: principles or intentions the parties proclaim (a joint declaration).

    >>> from diplomodel.states import states
    >>> Declaration(id="d1", title="Joint declaration on a multipolar world",
    ...             parties=(states.get("CN"), states.get("RU")),
    ...             legally_binding=False).legally_binding
    False
    """


@frozen(kw_only=True)
class CooperationAgreement(Document):
    """A treaty, agreement, memorandum, plan, protocol ... of cooperation (see `AgreementForm`).

    Args:
        form: Its form, when known. Reports often say only "cooperation
            documents"; leave it None then rather than guess.

    >>> from diplomodel.states import states
    >>> a = CooperationAgreement(id="a1", title="Investment cooperation plan",
    ...                          parties=(states.get("CN"), states.get("RU")),
    ...                          form=AgreementForm.PLAN)
    >>> a.form.value
    'plan'
    """

    form: AgreementForm | None = field(
        default=None, validator=v.optional(v.enum_member(AgreementForm))
    )


@frozen(kw_only=True)
class DocumentBatch(Document):
    """Several documents a report counts but does not name: one record, never one per document.

    "28 memoranda on trade, health and culture were signed" is one batch of
    28 memoranda. Its title describes the batch; its other fields (parties,
    date, meeting, sectors) hold for all the documents in it. Record a
    document of the batch that becomes known by name as a document of its own,
    and lower the count.

    Args:
        count: How many documents the report counts (a batch of one is
            flagged by validation, DM153: record that document itself).
        form: The form they share, when the report says it.

    Raises:
        ValueError: `count` is not a positive int.

    >>> from diplomodel.states import states
    >>> b = DocumentBatch(id="b1", title="Memoranda signed at the summit",
    ...                   parties=(states.get("CN"), states.get("RU")), count=28,
    ...                   form=AgreementForm.MEMORANDUM,
    ...                   sectors=(Sector.ECONOMY_AND_TRADE, Sector.HEALTH, Sector.CULTURE))
    >>> b.count, b.form.value
    (28, 'memorandum')
    """

    count: int = field(validator=_count)
    form: AgreementForm | None = field(
        default=None, validator=v.optional(v.enum_member(AgreementForm))
    )
