"""Documents: joint communiqués and cooperation agreements of every form."""

from __future__ import annotations

import enum

from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel.dates import PartialDate
from diplomodel.model._common import other_topics
from diplomodel.model.actors import Actor, actor
from diplomodel.model.ids import DocumentId, MeetingId, OfficeId, PersonId
from diplomodel.model.places import Place
from diplomodel.model.sectors import Sector
from diplomodel.model.sources import Source

__all__ = [
    "AgreementForm",
    "Communique",
    "CooperationAgreement",
    "Document",
    "DocumentStatus",
    "Signature",
]


class DocumentStatus(enum.Enum):
    """Where a document stands in its life.

    >>> DocumentStatus("in_force")
    <DocumentStatus.IN_FORCE: 'in_force'>
    """

    DRAFT = "draft"
    """Drafted or agreed on, not yet signed."""
    SIGNED = "signed"
    """Signed, not yet ratified or in force."""
    RATIFIED = "ratified"
    """Ratified or approved by the parties, not yet in force."""
    IN_FORCE = "in_force"
    """In force: it binds or guides the parties now."""
    EXPIRED = "expired"
    """No longer in force because its term ran out."""
    TERMINATED = "terminated"
    """Ended early by the parties or by one of them."""
    SUPERSEDED = "superseded"
    """Replaced by a later document."""


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


@frozen(kw_only=True)
class Document:
    """What every kind of diplomatic document has; not created directly.

    Use one of its kinds: `Communique` or `CooperationAgreement`. In files a
    document carries a ``"type"`` tag naming its kind.

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
        revises: Id of the earlier document that this one revises.
        status: Where it stands.
        summary: A short account in your own words.
        sources: Where the facts come from.

    Raises:
        TypeError: `Document` itself is instantiated.
        ValueError: A document revises itself, or a party, sector or witness
            is listed twice.

    >>> from diplomodel.states import states
    >>> Document(id="d", title="A document", parties=(states.get("CN"),))
    Traceback (most recent call last):
    ...
    TypeError: Document is abstract: create a Communique or a CooperationAgreement
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
    status: DocumentStatus = field(
        default=DocumentStatus.SIGNED, validator=v.enum_member(DocumentStatus)
    )
    summary: str | None = field(default=None, validator=v.optional(v.text()))
    sources: tuple[Source, ...] = field(default=(), validator=v.tuple_of(v.instance(Source)))

    def __attrs_pre_init__(self) -> None:
        if type(self) is Document:
            raise TypeError("Document is abstract: create a Communique or a CooperationAgreement")


@frozen(kw_only=True)
class Communique(Document):
    """A joint communiqué (or joint statement) recording what the parties agreed.

    >>> from diplomodel.states import states
    >>> c = Communique(id="c1", title="Joint communiqué",
    ...                parties=(states.get("CN"), states.get("RU")))
    >>> c.status
    <DocumentStatus.SIGNED: 'signed'>
    """


@frozen(kw_only=True)
class CooperationAgreement(Document):
    """An agreement, memorandum, plan, protocol, programme or treaty of cooperation.

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
