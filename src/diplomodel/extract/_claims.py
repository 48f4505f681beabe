"""What a report asserted, as `Claim`s: counts, ordinals, dates, places, anniversaries.

The records proposed from a report say what happened; the claims keep what
the report *said*, with the report as their source and the day it was said,
so that `diplomodel.validate` can compare them with what a dossier already
knows (DM142 to DM148): a report calling 2019 "the 75th anniversary" of ties
established in 1949, or calling the 29th meeting of a series the 30th.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Final

from diplomodel.dates import PartialDate
from diplomodel.dossier import Dossier
from diplomodel.extract._results import AnniversaryKind, DocumentMention, OrdinalMention
from diplomodel.model.claims import Claim, ClaimId, ClaimKind, ClaimSubject
from diplomodel.model.documents import Document
from diplomodel.model.ids import RelationId
from diplomodel.model.meetings import Meeting
from diplomodel.model.relations import BilateralRelation
from diplomodel.model.sources import Source
from diplomodel.states import State

if TYPE_CHECKING:  # the extraction module imports this one, through _records
    from diplomodel.extract._extraction import Extraction

__all__ = ["ClaimMaker", "report_source"]

_QUOTE: Final = 2000


def report_source(extraction: Extraction, source: Source | None) -> Source:
    """The report as a `Source`: the one given, else one built from the extraction.

    >>> from diplomodel import extract
    >>> report_source(extract("Hello.", language="en"), None).publisher
    'unnamed report'
    """
    if source is not None:
        return source
    return Source(
        publisher="unnamed report",
        published=extraction.published or extraction.dateline,
    )


class ClaimMaker:
    """Claims of one report, each with a stable id (the same claim twice is one claim).

    Args:
        extraction: The report read.
        known: The dossier the report is resolved against.
        source: The report as a source.
    """

    def __init__(self, extraction: Extraction, known: Dossier, source: Source) -> None:
        self.extraction = extraction
        self.known = known
        self.source = source
        self.said_on: PartialDate | None = extraction.dateline or extraction.published
        self.claims: dict[str, Claim] = {}
        self.relations: dict[str, BilateralRelation] = {}

    def _add(self, subject: ClaimSubject, record: str, what: ClaimKind, **value: Any) -> None:
        said = "|".join(
            str(x)
            for x in (self.source.publisher, self.source.title, self.source.url, self.said_on)
        )
        shown = "|".join(f"{k}={value[k]}" for k in sorted(value) if k not in {"quote", "evidence"})
        digest = hashlib.sha1(f"{said}|{shown}".encode(), usedforsecurity=False).hexdigest()
        claim_id = ClaimId(f"claim-{record}-{what.value.replace('_', '-')}-{digest[:8]}")
        value[subject.value] = record
        held = self.known.get(Claim, claim_id)  # said before and recorded: kept as it is
        self.claims.setdefault(
            claim_id,
            held
            or Claim(
                id=claim_id,
                source=self.source,
                said_on=self.said_on,
                about=subject,
                what=what,
                **value,
            ),
        )

    def _quote(self, span: tuple[int, int]) -> str:
        """The report's own words at `span`, spaces folded."""
        return " ".join(self.extraction.text[span[0] : span[1]].split())[:_QUOTE]

    def meeting(self, meeting: Meeting, ordinal: OrdinalMention | None) -> None:
        """What the report said of one meeting: its date, its place and its number."""
        subject, record = ClaimSubject.MEETING, meeting.id
        # Evidence when the record is proposed from this report; only noted when known.
        new = self.known.get(Meeting, meeting.id) is None
        self._add(subject, record, ClaimKind.DATE, date=meeting.start, evidence=new)
        if meeting.place is not None and meeting.place.locality is not None:
            locality = meeting.place.locality
            self._add(subject, record, ClaimKind.PLACE, text=locality, evidence=new)
        if ordinal is not None:
            quote = self._quote(ordinal.span)
            self._add(subject, record, ClaimKind.ORDINAL, number=ordinal.value, quote=quote)

    def count(self, record: Document | Meeting, mention: DocumentMention, *, new: bool) -> None:
        """How many documents the report counted ("28 memoranda"): of their batch, or meeting."""
        subject = ClaimSubject.MEETING if isinstance(record, Meeting) else ClaimSubject.DOCUMENT
        self._add(
            subject,
            record.id,
            ClaimKind.COUNT,
            number=mention.count,
            quote=self._quote(mention.span),
            evidence=new,
        )

    def anniversaries(self) -> None:
        """Anniversaries of diplomatic ties, each about the pair's relation (known or new)."""
        for mention in self.extraction.anniversaries:
            if mention.what is not AnniversaryKind.DIPLOMATIC_TIES or len(mention.states) != 2:
                continue
            relation = self.relation(*mention.states)
            quote = self._quote(mention.span)
            self._add(
                ClaimSubject.RELATION,
                relation,
                ClaimKind.ANNIVERSARY,
                number=mention.number,
                quote=quote,
            )

    def relation(self, one: State, other: State) -> RelationId:
        """The id of the relation of two states: the dossier's, else a proposed one."""
        held = self.known.relation(one, other)
        if held is not None:
            return held.id
        relation_id = RelationId("-".join(sorted(s.code.lower() for s in (one, other))))
        taken = {r.id for r in self.known.relations}
        while relation_id in taken:
            relation_id = RelationId(f"{relation_id}-2")
        self.relations.setdefault(
            relation_id, BilateralRelation(id=relation_id, parties=(one, other))
        )
        return relation_id

    def all(self) -> Iterable[Claim]:
        """Every claim made, in the order made."""
        return self.claims.values()
