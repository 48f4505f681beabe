"""Officials, the offices they hold, and their terms in office."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType

from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel.dates import PartialDate, as_day
from diplomodel.model._common import freeze_names, locale_names, name_for_locale
from diplomodel.model.actors import Actor, actor
from diplomodel.model.ids import OfficeId, PersonId

__all__ = ["Office", "OfficeKind", "Person", "Tenure"]


class OfficeKind(enum.Enum):
    """The kind of an office, as far as diplomacy cares.

    >>> OfficeKind("head_of_government")
    <OfficeKind.HEAD_OF_GOVERNMENT: 'head_of_government'>
    """

    HEAD_OF_STATE = "head_of_state"
    """A head of state: a president, a monarch, a chairperson."""
    HEAD_OF_GOVERNMENT = "head_of_government"
    """A head of government: a premier, a prime minister, a chancellor."""
    DEPUTY_HEAD_OF_GOVERNMENT = "deputy_head_of_government"
    """A vice-premier or deputy prime minister."""
    FOREIGN_MINISTER = "foreign_minister"
    """The minister of foreign affairs."""
    MINISTER = "minister"
    """Any other minister or head of a government department."""
    AMBASSADOR = "ambassador"
    """An ambassador."""
    OTHER = "other"
    """Any other office."""


@frozen(kw_only=True)
class Office:
    """A public office of a state, such as the Premier of the State Council of China.

    Args:
        id: Stable id of the office ("cn-premier").
        title: Its English title.
        kind: What kind of office it is.
        state: The state it belongs to (or the organisation or body: the EU's High
            Representative is an office of the European Union).

    >>> from diplomodel.states import states
    >>> office = Office(id="ru-prime-minister", title="Prime Minister of Russia",
    ...                 kind=OfficeKind.HEAD_OF_GOVERNMENT, state=states.get("RU"))
    >>> office.kind.value
    'head_of_government'
    """

    id: OfficeId = field(validator=v.identifier())
    title: str = field(validator=v.text(max_length=300))
    kind: OfficeKind = field(validator=v.enum_member(OfficeKind))
    state: Actor = field(validator=actor())


@frozen(kw_only=True)
class Tenure:
    """A term in an office: from a start to an end, either of which may be unknown.

    An open `end` means the term was still running when the data was recorded
    (or that its end is not known).

    Args:
        office: Id of the office held.
        start: When the term began.
        end: When it ended, or None.

    Raises:
        ValueError: The end is before the start.

    >>> t = Tenure(office="cn-premier", start=PartialDate.parse("2023-03-11"))
    >>> t.covers(date(2024, 8, 21))
    True
    """

    office: OfficeId = field(validator=v.identifier())
    start: PartialDate | None = field(default=None, validator=v.optional_date())
    end: PartialDate | None = field(
        default=None, validator=[v.optional_date(), v.not_before("start")]
    )

    def covers(self, on: date) -> bool:
        """Whether the term may have included the day `on`, given the dates' precision.

        A start known only to the month counts from the first of that month; an
        end known only to the year counts to 31 December. An unknown start or
        end does not limit the term.

        >>> Tenure(office="x", start=PartialDate(year=2020), end=PartialDate(year=2024)).covers(
        ...     date(2025, 1, 1))
        False
        """
        on = as_day(on)
        if self.start is not None and on < self.start.earliest():
            return False
        return self.end is None or on <= self.end.latest()


@frozen(kw_only=True)
class Person:
    """A person who acts in diplomacy: a leader, minister, envoy or official.

    Args:
        id: Stable id ("li-qiang").
        name: The name in English, as usually written.
        names: The name in other languages, keyed by locale ("ru", "zh").
        tenures: The offices held, each with its dates.

    >>> p = Person(id="li-qiang", name="Li Qiang", names={"zh": "李强"})
    >>> p.name_in("zh"), p.name_in("zh_Hans_CN"), p.name_in("fr")
    ('李强', '李强', 'Li Qiang')
    """

    id: PersonId = field(validator=v.identifier())
    name: str = field(validator=v.text(max_length=300))
    names: Mapping[str, str] = field(
        factory=lambda: MappingProxyType({}),
        converter=freeze_names,
        validator=locale_names,
        hash=False,
    )
    tenures: tuple[Tenure, ...] = field(default=(), validator=v.tuple_of(v.instance(Tenure)))

    def name_in(self, locale: str) -> str:
        """The person's name for a locale, falling back to broader locales, then English.

        "zh_Hans_CN" looks for "zh_Hans_CN", then "zh_Hans", then "zh".

        Args:
            locale: A locale identifier, with "_" or "-" separators.

        Returns:
            The name in that locale, or the English `name`.

        Raises:
            ValueError: babel has no data for the locale.
        """
        return name_for_locale(self.names, self.name, locale)

    def tenures_of(self, office: OfficeId) -> tuple[Tenure, ...]:
        """The person's terms in one office, in the order recorded.

        >>> p = Person(id="p", name="P", tenures=(Tenure(office="a"), Tenure(office="b")))
        >>> p.tenures_of("b")
        (Tenure(office='b', start=None, end=None),)
        """
        return tuple(t for t in self.tenures if t.office == office)
