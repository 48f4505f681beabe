"""Relations between two states, and the themed years they celebrate."""

from __future__ import annotations

from datetime import date
from operator import attrgetter

from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel.dates import PartialDate, as_day
from diplomodel.errors import ArgumentTypeError, InvalidArgumentError
from diplomodel.model.actors import Actor, actor, actor_key
from diplomodel.model.ids import RelationId, ThematicYearId
from diplomodel.model.sectors import Sector
from diplomodel.model.sources import Source

__all__ = ["BilateralRelation", "PartnershipLevel", "ThematicYear"]


@frozen(kw_only=True)
class PartnershipLevel:
    """A named level of a relationship, in force from a date until the next level.

    Args:
        name: The name the parties use ("comprehensive strategic partnership
            of coordination for a new era").
        since: When the parties declared it.

    >>> PartnershipLevel(name="strategic partnership", since=PartialDate(year=1996)).since.year
    1996
    """

    name: str = field(validator=v.text(max_length=500))
    since: PartialDate = field(validator=v.date())


def _as_day(on: date | PartialDate) -> date:
    if isinstance(on, PartialDate):
        return on.to_date()
    if isinstance(on, date):
        return as_day(on)
    raise ArgumentTypeError(
        f"expected a date or a day-precision PartialDate (got {type(on).__name__})"
    )


@frozen(kw_only=True)
class BilateralRelation:
    """The relationship between two parties: diplomatic ties and partnership levels over time.

    The parties are usually two states; either may be an organisation (EU–China
    relations).

    Args:
        id: Stable id.
        parties: The two states or organisations, in any order.
        established: When diplomatic relations were established.
        levels: The partnership levels, earliest first.
        sources: Where the facts come from.

    Raises:
        ValueError: There are not exactly two different parties, or the levels
            are not in date order.

    >>> from diplomodel.states import states
    >>> r = BilateralRelation(
    ...     id="cn-ru", parties=(states.get("CN"), states.get("RU")),
    ...     established=PartialDate.parse("1949-10-02"),
    ...     levels=(PartnershipLevel(name="strategic partnership", since=PartialDate(year=1996)),),
    ... )
    >>> r.level_on(date(2000, 1, 1)).name
    'strategic partnership'
    >>> r.level_on(date(1990, 1, 1)) is None
    True
    """

    id: RelationId = field(validator=v.identifier())
    parties: tuple[Actor, ...] = field(
        validator=v.tuple_of(actor(), unique=True, min_length=2, max_length=2)
    )
    established: PartialDate | None = field(default=None, validator=v.optional_date())
    levels: tuple[PartnershipLevel, ...] = field(
        default=(),
        validator=v.tuple_of(v.instance(PartnershipLevel), chronological=attrgetter("since")),
    )
    sources: tuple[Source, ...] = field(default=(), validator=v.tuple_of(v.instance(Source)))

    def involves(self, state: Actor) -> bool:
        """Whether `state` is one of the two parties.

        Args:
            state: The state.

        Returns:
            True if it is a party.
        """
        return state in self.parties

    def other(self, state: Actor) -> Actor:
        """The party that is not `state`.

        Args:
            state: One of the parties.

        Returns:
            The other party.

        Raises:
            InvalidArgumentError: `state` is not a party (a `ValueError`).
        """
        if state not in self.parties:
            raise InvalidArgumentError(f"{actor_key(state)} is not a party to relation {self.id!r}")
        return self.parties[1] if self.parties[0] == state else self.parties[0]

    def level_on(self, on: date | PartialDate) -> PartnershipLevel | None:
        """The partnership level in force on a day, or None before the first one.

        A level whose date is known only to the month or year counts from the
        last day it could have begun, so the answer is never premature.

        Args:
            on: A `datetime.date` or a day-precision `PartialDate`.

        Returns:
            The level, or None if none was yet in force.

        Raises:
            ValueError: `on` is a `PartialDate` not known to the day.
        """
        day = _as_day(on)
        current = None
        for level in self.levels:
            if level.since.latest() <= day:
                current = level
        return current


@frozen(kw_only=True)
class ThematicYear:
    """Themed years two or more states hold together ("Years of Culture").

    Args:
        id: Stable id.
        title: Its English name.
        parties: The states holding it.
        start: When it begins.
        end: When it ends.
        sectors: The fields it promotes.
        sources: Where the facts come from.

    Raises:
        ValueError: The end is before the start.

    >>> from diplomodel.states import states
    >>> ThematicYear(id="y", title="Years of Culture", parties=(states.get("RU"),),
    ...              start=PartialDate(year=2024), end=PartialDate(year=2025)).end.year
    2025
    """

    id: ThematicYearId = field(validator=v.identifier())
    title: str = field(validator=v.text(max_length=500))
    parties: tuple[Actor, ...] = field(validator=v.tuple_of(actor(), unique=True, min_length=1))
    start: PartialDate = field(validator=v.date())
    end: PartialDate = field(validator=[v.date(), v.not_before("start")])
    sectors: tuple[Sector, ...] = field(
        default=(), validator=v.tuple_of(v.enum_member(Sector), unique=True)
    )
    sources: tuple[Source, ...] = field(default=(), validator=v.tuple_of(v.instance(Source)))
