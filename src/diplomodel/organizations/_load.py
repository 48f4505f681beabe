"""Reading ``_data/organizations.json`` into `Organization` records.

Private to `diplomodel.organizations`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final, NamedTuple

from diplomodel._states_data import load_json
from diplomodel.dates import PartialDate
from diplomodel.errors import DataError, Problem
from diplomodel.organizations._records import (
    Member,
    Membership,
    MembershipStatus,
    Organization,
    OrganizationKind,
)
from diplomodel.states import states

__all__ = ["DATA_NAME", "Tables", "name_claims", "parse"]

DATA_NAME: Final = "diplomodel/_data/organizations.json"


class Tables(NamedTuple):
    """The organisations sorted by code, and by code."""

    ordered: tuple[Organization, ...]
    codes: dict[str, Organization]


_ORG_KEYS: Final = frozenset(
    {
        "code",
        "name",
        "names",
        "acronyms",
        "aliases",
        "kind",
        "founded",
        "dissolved",
        "headquarters",
        "parent",
        "memberships",
        "members_recorded",
        "note",
        "sources",
    }
)
_MEMBERSHIP_KEYS: Final = frozenset(
    {"state", "organization", "status", "since", "until", "note", "sources"}
)


def _date(value: Any) -> PartialDate | None:
    return None if value is None else PartialDate.parse(value)


def _tuple(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value


def _membership(record: Any, built: Mapping[str, Organization]) -> Membership:
    if not isinstance(record, dict):
        raise TypeError("a membership must be an object")
    if unknown := set(record) - _MEMBERSHIP_KEYS:
        raise ValueError(f"unknown field(s): {', '.join(sorted(unknown))}")
    if ("state" in record) == ("organization" in record):
        raise ValueError("needs exactly one of 'state' and 'organization'")
    if "state" in record:
        member: Member = states.get(record["state"])
    elif record["organization"] in built:
        member = built[record["organization"]]
    else:
        raise ValueError(f"unknown organization {record['organization']!r}")
    return Membership(
        member=member,
        status=MembershipStatus(record.get("status")),
        since=PartialDate.parse(record.get("since", "")),
        until=_date(record.get("until")),
        note=record.get("note"),
        sources=_tuple(record.get("sources", [])),
    )


def _organization(
    record: dict[str, Any], path: str, built: Mapping[str, Organization], problems: list[Problem]
) -> Organization | None:
    if unknown := set(record) - _ORG_KEYS:
        problems.append(Problem(path=path, message=f"unknown field(s): {sorted(unknown)}"))
        return None
    items = record.get("memberships", [])
    if not isinstance(items, list):
        problems.append(Problem(path=f"{path}.memberships", message="must be a list"))
        return None
    parent = record.get("parent")
    if parent is not None and parent not in built:
        problems.append(Problem(path=f"{path}.parent", message=f"unknown organization {parent!r}"))
        return None
    memberships = []
    for number, item in enumerate(items):
        try:
            memberships.append(_membership(item, built))
        except (TypeError, ValueError, LookupError) as exc:
            problems.append(Problem(path=f"{path}.memberships[{number}]", message=str(exc)))
    acronyms = record.get("acronyms", {})
    try:
        return Organization(
            code=record.get("code", ""),
            name=record.get("name", ""),
            names=record.get("names", {}),
            acronyms={k: _tuple(a) for k, a in acronyms.items()}
            if isinstance(acronyms, dict)
            else acronyms,
            aliases=_tuple(record.get("aliases", [])),
            kind=OrganizationKind(record.get("kind")),
            founded=_date(record.get("founded")),
            dissolved=_date(record.get("dissolved")),
            headquarters=record.get("headquarters"),
            parent=None if parent is None else built[parent],
            memberships=tuple(memberships),
            members_recorded=record.get("members_recorded", False),
            note=record.get("note"),
            sources=_tuple(record.get("sources", [])),
        )
    except (TypeError, ValueError) as exc:
        problems.append(Problem(path=path, message=str(exc)))
        return None


def _needs(record: dict[str, Any]) -> set[str]:
    """The codes of the organisations a record refers to: its parent and its members."""
    items = record.get("memberships", [])
    needed = {
        item["organization"]
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, dict) and isinstance(item.get("organization"), str)
    }
    if isinstance(record.get("parent"), str):
        needed.add(record["parent"])
    return needed


def parse(text: str) -> Tables:
    """Read the text of ``organizations.json``.

    Organisations that are members of others are built first, so that a
    membership holds the member itself.

    Raises:
        DataError: The text is not a valid data file; every problem is listed.
    """
    records = load_json(text, DATA_NAME).get("organizations")
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise DataError.single("$.organizations", "must be a list of objects", source=DATA_NAME)
    problems: list[Problem] = []
    built: dict[str, Organization] = {}
    pending = dict(enumerate(records))
    while pending:
        ready = [n for n, r in pending.items() if _needs(r) <= set(built)]
        if not ready:  # the rest wait on each other or on codes that do not exist
            ready = list(pending)
        for number in ready:
            org = _organization(pending.pop(number), f"$.organizations[{number}]", built, problems)
            if org is not None and org.code in built:
                problems.append(
                    Problem(path=f"$.organizations[{number}]", message=f"{org.code} is repeated")
                )
            elif org is not None:
                built[org.code] = org
    if problems:
        raise DataError(problems, source=DATA_NAME)
    ordered = tuple(sorted(built.values(), key=lambda o: o.code))
    return Tables(ordered, {org.code: org for org in ordered})


def name_claims(ordered: Iterable[Organization]) -> Iterator[tuple[str, int, Organization]]:
    """Every name of every organisation, ranked: codes, names, acronyms, aliases."""
    for org in ordered:
        yield org.code, 0, org
        yield org.name, 1, org
        for name in org.names.values():
            yield name, 1, org
        for acronyms in org.acronyms.values():
            for acronym in acronyms:
                yield acronym, 2, org
        for alias in org.aliases:
            yield alias, 3, org
