"""Intergovernmental organisations and forums, with their names and dated memberships.

Organisations are reference data, like states: every one is a frozen
`Organization` record, and the module-level registry `organizations` finds one
by code (`OrganizationRegistry.get`) or by a name or acronym in Arabic,
Chinese, English, French, German, Russian or Spanish
(`OrganizationRegistry.lookup`), compared as `StateRegistry.lookup` compares
state names (case, accents, Arabic vowel marks and tatweel do not matter).

Codes are the organisation's best-known Latin acronym (``"SCO"``, ``"EU"``,
``"G20"``). They live apart from state codes: ``"AU"`` is the African Union
here and Australia in `states`, so a membership says whether its member is a
state or an organisation.

Each organisation lists `Membership` records: who (a `State`, or an
`Organization` such as the African Union in the G20), with which
`MembershipStatus`, since when and until when. An organisation whose
`Organization.members_recorded` is true has every full member it ever had;
for the others the records hold what has been curated so far (often nothing),
so a missing record there proves nothing.

The data is ``_data/organizations.json``, curated by hand with its sources and
checked by ``scripts/check_organizations.py``; it is read on first use, once,
under a lock.

>>> sco = organizations.lookup("ШОС")
>>> sco.code, sco.name_in("zh"), sco.acronym_in("zh")
('SCO', '上海合作组织', '上合组织')
>>> from datetime import date
>>> sco.is_member("IR", on=date(2023, 7, 4)), sco.is_member("IR", on=date(2023, 7, 3))
(True, False)
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING, Final, TypeVar, overload

from diplomodel._names import NameIndex, build_index, code_key, normalise
from diplomodel._states_data import read_data
from diplomodel.dates import PartialDate
from diplomodel.errors import ArgumentTypeError, UnknownOrganizationError
from diplomodel.organizations._records import (
    Member,
    Membership,
    MembershipStatus,
    Organization,
    OrganizationKind,
)

if TYPE_CHECKING:  # the data reader loads with the data, on first use
    from diplomodel.organizations._load import Tables

__all__ = [
    "Membership",
    "MembershipStatus",
    "Organization",
    "OrganizationKind",
    "OrganizationRegistry",
    "organizations",
]

T = TypeVar("T")


# --- the registry --------------------------------------------------------------------


class _Missing(enum.Enum):
    MISSING = enum.auto()


_MISSING: Final = _Missing.MISSING


class OrganizationRegistry:
    """The intergovernmental organisations and forums diplomatic reports name most.

    Use the module-level instance `organizations`. Its data is read on first
    use, once, even when several threads ask at the same moment.

    >>> len(organizations) >= 40, "SCO" in organizations, "XYZ" in organizations
    (True, True, False)
    """

    __slots__ = ("_index_cache", "_lock", "_tables_cache")

    def __init__(self) -> None:
        """Make an empty registry that loads its data when first used."""
        self._lock = threading.Lock()
        self._tables_cache: Tables | None = None
        self._index_cache: NameIndex[Organization] | None = None

    def __repr__(self) -> str:
        """Say whether the data has been loaded, without loading it."""
        tables = self._tables_cache
        status = "not loaded" if tables is None else f"{len(tables.ordered)} organizations"
        return f"<OrganizationRegistry: {status}>"

    def _tables(self) -> Tables:
        tables = self._tables_cache
        if tables is None:
            from diplomodel.organizations._load import parse  # noqa: PLC0415 - with the data

            with self._lock:
                tables = self._tables_cache
                if tables is None:
                    tables = parse(read_data("organizations.json"))
                    self._tables_cache = tables
        return tables

    def _index(self) -> NameIndex[Organization]:
        index = self._index_cache
        if index is None:
            tables = self._tables()  # outside the lock: it takes the lock itself
            from diplomodel.organizations._load import name_claims  # noqa: PLC0415 - with the data

            with self._lock:
                index = self._index_cache
                if index is None:
                    index = build_index(name_claims(tables.ordered))
                    self._index_cache = index
        return index

    @overload
    def get(self, code: str) -> Organization: ...

    @overload
    def get(self, code: str, default: T) -> Organization | T: ...

    def get(self, code: str, default: T | _Missing = _MISSING) -> Organization | T:
        """The organisation with a code, in any case.

        Args:
            code: The code (``"SCO"``, ``"g20"``).
            default: Returned instead of raising when no organisation has the code.

        Raises:
            UnknownOrganizationError: No organisation has the code and no default was given.
            TypeError: `code` is not a str.

        >>> organizations.get("sco").name
        'Shanghai Cooperation Organisation'
        >>> organizations.get("XYZ", None) is None
        True
        """
        if not isinstance(code, str):
            raise ArgumentTypeError(
                f"an organization code must be a str (got {type(code).__name__})"
            )
        found = self._tables().codes.get(code_key(code))
        if found is not None:
            return found
        if not isinstance(default, _Missing):
            return default
        raise UnknownOrganizationError(f"no organization has the code {code!r}")

    def lookup(self, text: str) -> Organization:
        """The organisation a code, name, acronym or alias stands for.

        Args:
            text: In any case, with or without accents or Arabic vowel marks.

        Raises:
            UnknownOrganizationError: Nothing, or more than one organisation,
                goes by that text; the message lists the candidates.
            TypeError: `text` is not a str.

        >>> organizations.lookup("上海合作组织").code, organizations.lookup("OTAN").code
        ('SCO', 'NATO')
        >>> organizations.lookup("Arab League").name_in("ar")
        'جامعة الدول العربية'
        """
        if not isinstance(text, str):
            raise ArgumentTypeError(
                f"an organization name must be a str (got {type(text).__name__})"
            )
        index = self._index()
        key = normalise(text)
        found = index.names.get(key)
        if found is not None:
            return found
        if key in index.dropped:
            listed = ", ".join(f"{o.code} ({o.name})" for o in index.dropped[key])
            raise UnknownOrganizationError(
                f"name {text!r} is ambiguous: it may mean {listed}; use one of those codes"
            )
        shown = [f"{o.name} ({o.code})" for o in index.suggest(key)]
        hint = f"; did you mean {' or '.join(shown)}?" if shown else ""
        raise UnknownOrganizationError(f"no organization is known as {text!r}{hint}")

    def member_of(
        self,
        member: Member | str,
        on: date | PartialDate,
        status: MembershipStatus = MembershipStatus.MEMBER,
    ) -> tuple[Organization, ...]:
        """The organisations in which a state or organisation held a standing on a day.

        Args:
            member: A `State`, an `Organization`, or a state code.
            on: The day.
            status: The standing (full membership unless told).

        >>> [o.code for o in organizations.member_of("IR", date(2024, 7, 1))]
        ['BRICS', 'OPEC', 'SCO', 'UN']
        """
        return tuple(org for org in self if org.status_of(member, on) is status)

    def __iter__(self) -> Iterator[Organization]:
        """Every organisation, sorted by code."""
        return iter(self._tables().ordered)

    def __len__(self) -> int:
        """How many organisations there are."""
        return len(self._tables().ordered)

    def __contains__(self, item: object) -> bool:
        """Whether a code is an organisation's, or an `Organization` is the registry's."""
        if isinstance(item, Organization):
            return self.get(item.code, None) == item
        return isinstance(item, str) and self.get(item, None) is not None


#: The registry of intergovernmental organisations and forums.
organizations: Final = OrganizationRegistry()
