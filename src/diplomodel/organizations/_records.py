"""The records of the organisations registry: `Organization`, `Membership` and their enums.

Private: import them from `diplomodel.organizations` (or `diplomodel`).
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, Final, TypeAlias, TypeVar

from attrs import Attribute, field, frozen

from diplomodel import _validators as v
from diplomodel._states_data import locale_keys
from diplomodel.dates import PartialDate
from diplomodel.errors import ArgumentTypeError
from diplomodel.states import ByCode, State, states

__all__ = ["Membership", "MembershipStatus", "Organization", "OrganizationKind"]

T = TypeVar("T")

_CODE: Final = re.compile(r"[A-Z][A-Z0-9]{1,11}")


class OrganizationKind(enum.Enum):
    """What sort of body an organisation is.

    >>> OrganizationKind("military_alliance")
    <OrganizationKind.MILITARY_ALLIANCE: 'military_alliance'>
    """

    INTERGOVERNMENTAL = "intergovernmental"
    """A treaty-based intergovernmental organisation of worldwide reach (the UN, OPEC)."""
    REGIONAL = "regional"
    """A regional organisation or union (the EU, ASEAN, the AU, the SCO)."""
    FORUM = "forum"
    """A forum or grouping without a founding treaty (the G20, BRICS, APEC, FOCAC)."""
    SPECIALIZED_AGENCY = "specialized_agency"
    """A specialised agency of the United Nations (the WHO, the IMF, UNESCO)."""
    UN_PROGRAMME = "un_programme"
    """A fund, programme or office of the United Nations (UNDP, UNICEF, UNHCR)."""
    RELATED_ORGANIZATION = "related_organization"
    """An organisation related to the UN system by agreement (the IAEA, the WTO)."""
    MILITARY_ALLIANCE = "military_alliance"
    """A collective defence organisation (NATO, the CSTO)."""
    DEVELOPMENT_BANK = "development_bank"
    """A multilateral development bank (the AIIB, the New Development Bank)."""


class MembershipStatus(enum.Enum):
    """The standing of a state or organisation in an organisation.

    >>> MembershipStatus("dialogue_partner").name
    'DIALOGUE_PARTNER'
    """

    MEMBER = "member"
    """A full member."""
    OBSERVER = "observer"
    """An observer."""
    DIALOGUE_PARTNER = "dialogue_partner"
    """A dialogue partner (a status of the SCO and ASEAN)."""
    PARTNER = "partner"
    """A partner (BRICS partner countries since 2025)."""
    ASSOCIATE = "associate"
    """An associate member or associated state."""
    SUSPENDED = "suspended"
    """A member whose rights are suspended."""
    INVITED = "invited"
    """Invited to join, not (yet) a member."""


# --- validators ------------------------------------------------------------------


def _check_code(_inst: Any, attribute: Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or _CODE.fullmatch(value) is None:
        raise ValueError(
            f"'{attribute.name}' must be 2-12 upper-case ASCII letters or digits, starting"
            f" with a letter (got {value!r})"
        )


def _freeze(value: Any) -> Any:
    """An immutable, locale-sorted copy of a mapping; anything else is left to the validator."""
    if not isinstance(value, Mapping):
        return value
    try:
        return MappingProxyType(dict(sorted(value.items())))
    except TypeError:
        return value


def _locale_map(item: v.Validator) -> v.Validator:
    """A mapping from locale identifiers to values that pass `item`."""

    def check(inst: Any, attribute: Attribute[Any], value: Any) -> None:
        if not isinstance(value, Mapping):
            raise TypeError(f"'{attribute.name}' must be a mapping of locale to text")
        for locale, text in value.items():
            if not v.is_locale(locale):
                raise ValueError(f"'{attribute.name}' has a key that is not a locale: {locale!r}")
            item(inst, attribute.evolve(name=f"{attribute.name}[{locale}]"), text)

    return check


def _check_parent(inst: Any, attribute: Attribute[Any], value: Any) -> None:
    if not isinstance(value, Organization):
        raise TypeError(f"'{attribute.name}' must be an Organization (got {type(value).__name__})")
    if value.code == inst.code:
        raise ValueError(f"'{attribute.name}' must be another organization than {inst.code}")


def _check_member(_inst: Any, attribute: Attribute[Any], value: Any) -> None:
    if not isinstance(value, State | Organization):
        raise TypeError(
            f"'{attribute.name}' must be a State or an Organization (got {type(value).__name__})"
        )


def _member_key(member: Member) -> tuple[bool, str]:
    return (isinstance(member, Organization), member.code)


def _check_memberships(inst: Organization, attribute: Attribute[Any], value: Any) -> None:
    by_member: dict[tuple[bool, str], list[Membership]] = {}
    for membership in value:
        if _member_key(membership.member) == (True, inst.code):
            raise ValueError(f"'{attribute.name}' must not make {inst.code} a member of itself")
        by_member.setdefault(_member_key(membership.member), []).append(membership)
    for (_, code), held in by_member.items():
        ordered = sorted(held, key=lambda m: m.since.earliest())
        for before, after in itertools.pairwise(ordered):
            if before.until is None or before.until.latest() >= after.since.earliest():
                raise ValueError(
                    f"'{attribute.name}' has overlapping records for {code}:"
                    f" {before.status.value} since {before.since} and"
                    f" {after.status.value} since {after.since}"
                )


# --- records ------------------------------------------------------------------------


@frozen(kw_only=True)
class Membership:
    """A state's or an organisation's standing in an organisation over a span of time.

    ``since`` and ``until`` are the first and last days of the standing, as
    precisely as known; an open ``until`` means it still holds.

    Args:
        member: The `State` or `Organization` that holds the standing.
        status: The standing.
        since: The first day.
        until: The last day, or None while it lasts.
        note: What a reader should know (a disputed status, a predecessor).
        sources: Titles of the documents that establish it.

    >>> m = Membership(member=states.get("IN"), status=MembershipStatus.MEMBER,
    ...                since=PartialDate.parse("2017-06-09"))
    >>> m
    Membership(member='IN', status=<MembershipStatus.MEMBER: 'member'>, since=PartialDate(year=2017, month=6, day=9), until=None, note=None, sources=())
    >>> m.covers(date(2017, 6, 9)), m.covers(date(2017, 6, 8))
    (True, False)
    """  # noqa: E501

    member: State | Organization = field(validator=_check_member, repr=lambda m: repr(m.code))
    status: MembershipStatus = field(validator=v.enum_member(MembershipStatus))
    since: PartialDate = field(validator=v.date())
    until: PartialDate | None = field(
        default=None, validator=[v.optional_date(), v.not_before("since")]
    )
    note: str | None = field(default=None, validator=v.optional(v.text(max_length=2000)))
    sources: tuple[str, ...] = field(default=(), validator=v.tuple_of(v.text(max_length=500)))

    def covers(self, on: date | PartialDate) -> bool:
        """Whether the standing certainly held on a day (or throughout a partial date).

        A record known only to the month or year counts from the last day its
        start may have been and up to the first day its end may have been.

        Args:
            on: A `datetime.date`, or a `PartialDate` whose whole span is tested.

        >>> m = Membership(member=states.get("BY"), status=MembershipStatus.OBSERVER,
        ...                since=PartialDate.parse("2015-07"))
        >>> m.covers(date(2015, 7, 10)), m.covers(date(2015, 8, 1))
        (False, True)
        """
        first, last = (on.earliest(), on.latest()) if isinstance(on, PartialDate) else (on, on)
        if not isinstance(first, date):
            raise ArgumentTypeError(f"'on' must be a date or PartialDate (got {type(on).__name__})")
        return self.since.latest() <= first and (
            self.until is None or last <= self.until.earliest()
        )


@frozen(kw_only=True, eq=False)
class Organization(ByCode):
    """An intergovernmental organisation, agency or forum.

    Get organisations from the registry (`organizations.get`,
    `organizations.lookup`) rather than building them.

    Args:
        code: The registry code, its best-known Latin acronym (``"SCO"``, ``"G20"``).
        name: The official name in English.
        names: The official name in other languages, by locale (``"ru"``, ``"zh"``).
        acronyms: Acronyms and short forms by locale, best known first
            (``{"ru": ("ШОС",), "zh": ("上合组织", "上合")}``).
        aliases: Other names it goes by, in any language (a former name,
            another spelling).
        kind: What sort of body it is.
        founded: When it was founded.
        dissolved: When it ceased to exist, if it has.
        headquarters: The city of its seat or secretariat, in English.
        parent: The organisation whose system it belongs to (the WHO is a
            specialised agency of the UN).
        memberships: Who belonged, or had another standing, and when.
        members_recorded: Whether `memberships` holds every full member it ever had.
        note: What a reader should know about the record.
        sources: Titles of the treaties and documents the record rests on.

    Raises:
        ValueError: A field breaks its rule (a lower-case code, two
            overlapping records for one member, a dissolution before founding).

    >>> from diplomodel import organizations
    >>> g20 = organizations.get("G20")
    >>> g20.name, g20.kind.value, str(g20.founded)
    ('Group of Twenty', 'forum', '1999-09-25')
    >>> organizations.get("AU") in g20.members_on(date(2023, 9, 9))
    True
    """

    code: str = field(validator=_check_code)
    name: str = field(validator=v.text(max_length=300))
    names: Mapping[str, str] = field(
        factory=dict, converter=_freeze, validator=_locale_map(v.text(max_length=300)), hash=False
    )
    acronyms: Mapping[str, tuple[str, ...]] = field(
        factory=dict,
        converter=_freeze,
        validator=_locale_map(v.tuple_of(v.text(max_length=50), unique=True, min_length=1)),
        hash=False,
    )
    aliases: tuple[str, ...] = field(
        default=(), validator=v.tuple_of(v.text(max_length=300), unique=True)
    )
    kind: OrganizationKind = field(validator=v.enum_member(OrganizationKind))
    founded: PartialDate | None = field(default=None, validator=v.optional_date())
    dissolved: PartialDate | None = field(
        default=None, validator=[v.optional_date(), v.not_before("founded")]
    )
    headquarters: str | None = field(default=None, validator=v.optional(v.text(max_length=200)))
    parent: Organization | None = field(
        default=None,
        validator=v.optional(_check_parent),
        repr=lambda o: "None" if o is None else repr(o.code),
    )
    memberships: tuple[Membership, ...] = field(
        default=(), validator=[v.tuple_of(v.instance(Membership)), _check_memberships]
    )
    members_recorded: bool = field(default=False, validator=v.instance(bool))
    note: str | None = field(default=None, validator=v.optional(v.text(max_length=2000)))
    sources: tuple[str, ...] = field(default=(), validator=v.tuple_of(v.text(max_length=500)))

    def __str__(self) -> str:
        """The English `name`."""
        return self.name

    def _in_locale(self, table: Mapping[str, T], locale: str) -> T | None:
        keys = locale_keys(locale)
        if keys[0] == "zh_Hant":
            keys = keys[:1]  # simplified characters are no answer to a traditional request
        return next((table[key] for key in keys if key in table), None)

    def name_in(self, locale: str) -> str:
        """The official name in a language; English when the record lacks it.

        Args:
            locale: A locale identifier (``"ru"``, ``"zh_Hans_CN"``, ``"fr-CA"``).

        Raises:
            ValueError: The locale is malformed or unknown to babel.

        >>> from diplomodel import organizations
        >>> organizations.get("EU").name_in("de"), organizations.get("EU").name_in("en")
        ('Europäische Union', 'European Union')
        """
        return self._in_locale(self.names, locale) or self.name

    def acronym_in(self, locale: str) -> str | None:
        """The best-known acronym or short form in a language, if it has one.

        >>> from diplomodel import organizations
        >>> organizations.get("CSTO").acronym_in("ru"), organizations.get("UN").acronym_in("zh")
        ('ОДКБ', None)
        """
        found = self._in_locale(self.acronyms, locale)
        return found[0] if found else None

    def memberships_of(self, member: Member | str) -> tuple[Membership, ...]:
        """Every record of one state or organisation, oldest first.

        Args:
            member: A `State`, an `Organization`, or a state code.

        >>> from diplomodel import organizations
        >>> [m.status.value for m in organizations.get("SCO").memberships_of("IN")]
        ['observer', 'member']
        """
        key = _member_key(_as_member(member))
        held = [m for m in self.memberships if _member_key(m.member) == key]
        return tuple(sorted(held, key=lambda m: m.since.earliest()))

    def status_of(self, member: Member | str, on: date | PartialDate) -> MembershipStatus | None:
        """The standing a state or organisation held on a day, or None.

        Args:
            member: A `State`, an `Organization`, or a state code.
            on: The day (or a partial date, tested throughout).

        >>> from diplomodel import organizations
        >>> organizations.get("BRICS").status_of("SA", date(2024, 6, 1)).value
        'invited'
        """
        return next((m.status for m in self.memberships_of(member) if m.covers(on)), None)

    def is_member(self, member: Member | str, on: date | PartialDate) -> bool:
        """Whether a state or organisation was a full member on a day.

        See `members_recorded`: when it is false, False means "not recorded".

        >>> from diplomodel import organizations
        >>> eu = organizations.get("EU")
        >>> eu.is_member("GB", date(2020, 1, 31)), eu.is_member("GB", date(2020, 2, 1))
        (True, False)
        """
        return self.status_of(member, on) is MembershipStatus.MEMBER

    def members_on(
        self, on: date | PartialDate, status: MembershipStatus = MembershipStatus.MEMBER
    ) -> tuple[Member, ...]:
        """Who held a standing (full membership unless told) on a day: states, then organisations.

        >>> from diplomodel import organizations
        >>> [s.code for s in organizations.get("SCO").members_on(date(2001, 6, 15))]
        ['CN', 'KG', 'KZ', 'RU', 'TJ', 'UZ']
        """
        found = {
            _member_key(m.member): m.member
            for m in self.memberships
            if m.status is status and m.covers(on)
        }
        return tuple(found[key] for key in sorted(found))


#: Who can hold a `Membership`: a state or an organisation.
Member: TypeAlias = State | Organization


def _as_member(member: Member | str) -> Member:
    if isinstance(member, str):
        return states.get(member)
    if isinstance(member, State | Organization):
        return member
    raise ArgumentTypeError(
        f"a member must be a State, an Organization or a state code (got {member!r})"
    )
