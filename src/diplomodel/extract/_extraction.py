"""The `Extraction`: everything `extract` found in one report."""

from __future__ import annotations

from collections.abc import Iterator

from attrs import field, fields, frozen

from diplomodel import _validators as v
from diplomodel.dates import PartialDate
from diplomodel.dossier import Dossier
from diplomodel.extract._records import propose
from diplomodel.extract._results import (
    AnniversaryMention,
    DocumentMention,
    EventMention,
    Found,
    OfficialMention,
    OrdinalMention,
    OrganizationMention,
    StateMention,
)
from diplomodel.model.sources import Source

__all__ = ["Extraction"]


def _items(kind: type[Found]) -> tuple[Found, ...]:
    return field(default=(), validator=v.tuple_of(v.instance(kind)))


@frozen(kw_only=True)
class Extraction:
    """What a report states, item by item, each with its span in the text.

    Build it with `diplomodel.extract`; turn it into proposed records with
    `to_dossier`.

    Args:
        text: The report.
        language: The language it was read in ("en", "ru", "zh", "fr", "de", "ar").
        published: The publication date, if given (a day).
        dateline: The dateline date, if given (a day).
        states_participating: One mention per state taking part in what the
            report tells (its first mention).
        states_mentioned: Every mention of a state, participants included.
        organizations: Organisations named (from the `organizations` registry).
        officials: Officials, once per person.
        events: Dated events.
        ordinals: Ordinal numbers (not dates, not anniversary numbers).
        anniversaries: Anniversaries.
        documents: Documents and counted batches of documents.

    >>> from datetime import date
    >>> from diplomodel import extract
    >>> found = extract("Russia and China signed a treaty on Friday.", language="en",
    ...                 dateline=date(2001, 7, 16))
    >>> found.state_codes(), str(found.events[0].start), found.documents[0].kind.value
    (('RU', 'CN'), '2001-07-13', 'treaty')
    """

    text: str = field(validator=v.instance(str), repr=False)
    language: str = field(validator=v.text(max_length=20))
    published: PartialDate | None = field(default=None, validator=v.optional_date())
    dateline: PartialDate | None = field(default=None, validator=v.optional_date())
    states_participating: tuple[StateMention, ...] = _items(StateMention)  # type: ignore[assignment]
    states_mentioned: tuple[StateMention, ...] = _items(StateMention)  # type: ignore[assignment]
    organizations: tuple[OrganizationMention, ...] = _items(OrganizationMention)  # type: ignore[assignment]
    officials: tuple[OfficialMention, ...] = _items(OfficialMention)  # type: ignore[assignment]
    events: tuple[EventMention, ...] = _items(EventMention)  # type: ignore[assignment]
    ordinals: tuple[OrdinalMention, ...] = _items(OrdinalMention)  # type: ignore[assignment]
    anniversaries: tuple[AnniversaryMention, ...] = _items(AnniversaryMention)  # type: ignore[assignment]
    documents: tuple[DocumentMention, ...] = _items(DocumentMention)  # type: ignore[assignment]

    def items(self) -> Iterator[tuple[str, Found]]:
        """Every item found, with the name of its field, field by field.

        >>> from diplomodel import extract
        >>> found = extract("Russia and China signed a treaty.", language="en")
        >>> [(name, item.surface) for name, item in found.items()]
        [('states_participating', 'Russia'), ('states_participating', 'China'), \
('states_mentioned', 'Russia'), ('states_mentioned', 'China'), ('documents', 'treaty')]
        """
        for attribute in fields(type(self)):
            value = getattr(self, attribute.name)
            if isinstance(value, tuple):
                for item in value:
                    yield attribute.name, item

    def state_codes(self, *, participating: bool = False) -> tuple[str, ...]:
        """The codes of the states found, in order of first mention.

        >>> from diplomodel import extract
        >>> extract("Moscow and Beijing agreed.", language="en").state_codes(participating=True)
        ('RU', 'CN')
        """
        pool = self.states_participating if participating else self.states_mentioned
        return tuple(dict.fromkeys(m.state.code for m in pool))

    def to_dossier(
        self, dossier: Dossier | None = None, *, source: Source | None = None
    ) -> Dossier:
        """Proposed records and what the report claimed, merged into `dossier`.

        Records: people, offices, meeting series, meetings, documents (a
        communiqué, a `JointStatement`, a `Declaration`, an agreement; "28
        memoranda" is one `DocumentBatch`), and the relation of a pair whose
        anniversary of ties the report counts.
        People (by any of their names), offices, series (by parties, then
        level and kind), relations and meetings that `dossier` already holds
        are referred to, not duplicated.

        Claims: what the report asserted — each meeting's date and place, the
        number it gives a meeting of a series, a batch's count ("28 memoranda";
        said of the meeting when the dossier lists the meeting's documents), the
        anniversary of ties it says a year marks — as
        `Claim`s with the report as their source, said on the dateline (else
        the publication date). `diplomodel.validate` on the result reports a
        claim that contradicts the record (DM142-DM148): "the 30th" meeting
        that the dossier numbers 29, "the 75th anniversary" in 2019 of ties
        established in 1949.

        Args:
            dossier: Known records to resolve against.
            source: The report as a `Source`, the claims' source and attached
                to each proposed meeting; without it, a source built from the
                extraction ("unnamed report", its publication date).

        Returns:
            `dossier` (or a new one) with the proposed records and claims
            added; references resolve and it passes `diplomodel.validate`
            unless the report contradicts what `dossier` knows.

        >>> from datetime import date
        >>> from diplomodel import extract, load_example, validate
        >>> found = extract("China and Russia held the 30th regular meeting of their heads "
        ...                 "of government in Moscow on Wednesday.", language="en",
        ...                 dateline=date(2024, 8, 21))
        >>> [f.code for f in validate(found.to_dossier(load_example())).findings]
        ['DM145']
        """
        return propose(self, dossier, source=source)
