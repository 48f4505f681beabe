"""Standing bodies of cooperation: committees, commissions and their subdivisions."""

from __future__ import annotations

import enum

from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel.dates import PartialDate
from diplomodel.model._common import other_topics
from diplomodel.model.actors import Actor, actor
from diplomodel.model.ids import CommitteeId, PersonId
from diplomodel.model.sectors import Sector

__all__ = ["Committee", "CommitteeKind"]


class CommitteeKind(enum.Enum):
    """What a standing body of cooperation is called.

    >>> CommitteeKind("commission").name
    'COMMISSION'
    """

    COMMITTEE = "committee"
    """A committee (the China–Russia committee on energy cooperation)."""
    COMMISSION = "commission"
    """A commission, usually chaired at the level of deputy heads of government."""
    SUBCOMMISSION = "subcommission"
    """A subcommission working under a commission."""
    WORKING_GROUP = "working_group"
    """A working group on one field or question."""
    COUNCIL = "council"
    """A council."""


@frozen(kw_only=True)
class Committee:
    """A standing intergovernmental body: a cooperation committee or commission.

    Args:
        id: Stable id.
        name: Its English name.
        kind: Committee, commission, subcommission, working group or council.
        parties: The states it brings together.
        sectors: The fields it covers.
        other_topics: Topics the `Sector` vocabulary lacks, in words, kept as written.
        co_chairs: Ids of its co-chairs, when recorded.
        parent: Id of the body it reports to.
        established: When it was set up.

    Raises:
        ValueError: It is its own parent, or a party, sector or co-chair is
            listed twice.

    >>> from diplomodel.states import states
    >>> Committee(id="energy", name="Energy cooperation committee",
    ...           parties=(states.get("CN"), states.get("RU")),
    ...           sectors=(Sector.ENERGY,)).kind
    <CommitteeKind.COMMITTEE: 'committee'>
    """

    id: CommitteeId = field(validator=v.identifier())
    name: str = field(validator=v.text(max_length=500))
    kind: CommitteeKind = field(
        default=CommitteeKind.COMMITTEE, validator=v.enum_member(CommitteeKind)
    )
    parties: tuple[Actor, ...] = field(validator=v.tuple_of(actor(), unique=True, min_length=1))
    sectors: tuple[Sector, ...] = field(
        default=(), validator=v.tuple_of(v.enum_member(Sector), unique=True)
    )
    other_topics: tuple[str, ...] = field(default=(), validator=other_topics())
    co_chairs: tuple[PersonId, ...] = field(
        default=(), validator=v.tuple_of(v.identifier(), unique=True)
    )
    parent: CommitteeId | None = field(
        default=None, validator=[v.optional(v.identifier()), v.other_than("id")]
    )
    established: PartialDate | None = field(default=None, validator=v.optional_date())
