"""Positions stated by officials."""

from __future__ import annotations

from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel.dates import PartialDate
from diplomodel.model._common import other_topics
from diplomodel.model.actors import Actor, actor
from diplomodel.model.ids import MeetingId, PersonId, StatementId
from diplomodel.model.sectors import Sector
from diplomodel.model.sources import Source

__all__ = ["Statement"]


@frozen(kw_only=True)
class Statement:
    """A position someone stated, summarised in your own words (not quoted).

    Args:
        id: Stable id.
        speaker: Id of the person who spoke.
        summary: A paraphrase of the position.
        on_behalf_of: The state for which they spoke.
        meeting: Id of the meeting where it was said.
        date: When it was said.
        topics: The fields it concerns.
        other_topics: Topics the `Sector` vocabulary lacks, in words, kept as written.
        sources: Where it was reported.

    >>> s = Statement(id="s1", speaker="li-qiang", summary="Ready to deepen cooperation.",
    ...               topics=(Sector.INVESTMENT,))
    >>> s.topics
    (<Sector.INVESTMENT: 'investment'>,)
    """

    id: StatementId = field(validator=v.identifier())
    speaker: PersonId = field(validator=v.identifier())
    summary: str = field(validator=v.text())
    on_behalf_of: Actor | None = field(default=None, validator=v.optional(actor()))
    meeting: MeetingId | None = field(default=None, validator=v.optional(v.identifier()))
    date: PartialDate | None = field(default=None, validator=v.optional_date())
    topics: tuple[Sector, ...] = field(
        default=(), validator=v.tuple_of(v.enum_member(Sector), unique=True)
    )
    other_topics: tuple[str, ...] = field(default=(), validator=other_topics())
    sources: tuple[Source, ...] = field(default=(), validator=v.tuple_of(v.instance(Source)))
