"""Helpers the exporters share: optional imports, unique entities, the actors a dossier names.

Two rules hold in every export:

- **Organisation memberships**: an organisation's membership records are
  exported when both the organisation and the member (a state or another
  organisation) are named somewhere in the dossier (`named_memberships`), so a
  summit of BRICS exports the standing of the states that took part, never
  all 193 members of the UN.
- **Bodies the dossier does not describe**: an actor reference to a body id
  that has no record in ``bodies`` still becomes an organisation, named by
  its id (`undescribed_bodies`), so every reference resolves and nothing the
  dossier says is dropped.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from types import ModuleType
from typing import Protocol, TypeVar

from diplomodel.dossier import Dossier
from diplomodel.model._fields import references, values_of
from diplomodel.model.actors import Actor, Body
from diplomodel.model.meetings import Meeting
from diplomodel.organizations import Membership, Organization
from diplomodel.states import State

__all__ = [
    "actor_ref",
    "first_of_each",
    "named_memberships",
    "optional_module",
    "referenced_organizations",
    "referenced_states",
    "roles_at",
    "states_among",
    "undescribed_bodies",
]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


E = TypeVar("E", bound=_HasId)


def optional_module(name: str, *, extra: str, purpose: str) -> ModuleType:
    """Import an optional dependency, or explain which extra installs it.

    Args:
        name: The module to import ("followthemoney").
        extra: The diplomodel extra that installs it ("ftm").
        purpose: What needs it, for the message ("to_ftm()").

    Raises:
        ImportError: The module is not installed; the message names the extra.

    >>> optional_module("json", extra="none", purpose="a test").__name__
    'json'
    >>> try:
    ...     optional_module("nope", extra="ftm", purpose="to_ftm()")
    ... except ImportError as exc:
    ...     print(exc)
    to_ftm() needs the optional package 'nope': install it with pip install 'diplomodel[ftm]'
    """
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        message = (
            f"{purpose} needs the optional package {name!r}: install it with "
            f"pip install 'diplomodel[{extra}]'"
        )
        raise ImportError(message, name=name) from exc


def first_of_each(table: Iterable[E]) -> Iterator[E]:
    """The entities of a table, skipping any whose id came earlier (the first one wins).

    That is the rule `Dossier` lookups follow, so an export never holds two
    records under one id.
    """
    seen: set[str] = set()
    for entity in table:
        if entity.id not in seen:
            seen.add(entity.id)
            yield entity


def referenced_states(dossier: Dossier) -> tuple[State, ...]:
    """Every state a dossier mentions, once each, ordered by code.

    >>> from diplomodel.dossier import load_example
    >>> [s.code for s in referenced_states(load_example())]
    ['CN', 'RU', 'SU']

    The members of an organisation the dossier names are not among them:

    >>> import diplomodel as dm
    >>> sco = dm.Committee(id="c", name="C", parties=(dm.organizations.get("SCO"),))
    >>> referenced_states(dm.Dossier(id="d", title="D", committees=(sco,)))
    ()
    """
    inside = {path for path, _ in values_of(dossier, Organization)}
    found = {
        state.code: state for path, state in values_of(dossier, State) if not _within(path, inside)
    }
    return tuple(found[code] for code in sorted(found))


def _within(path: str, roots: set[str]) -> bool:
    """Whether a value's path lies inside one of the values at `roots`.

    The states an organisation's own record holds (its members) are reference
    data, not states the dossier names.
    """
    return any(path[:cut] in roots for cut, char in enumerate(path) if char == ".")


def actor_ref(actor: Actor) -> tuple[str, str]:
    """The kind and key an export names an actor by: ``("state", "CN")``, ``("body", "cn-moe")``.

    >>> from diplomodel.states import states
    >>> from diplomodel.organizations import organizations
    >>> actor_ref(states.get("CN")), actor_ref(organizations.get("EU")), actor_ref("cn-moe")
    (('state', 'CN'), ('organization', 'EU'), ('body', 'cn-moe'))
    """
    if isinstance(actor, str):
        return "body", actor
    if isinstance(actor, Organization):
        return "organization", actor.code
    return "state", actor.code


def referenced_organizations(dossier: Dossier) -> tuple[Organization, ...]:
    """Every organisation a dossier names, once each, ordered by code.

    >>> from diplomodel.dossier import load_example
    >>> referenced_organizations(load_example())
    ()
    """
    found = {org.code: org for _, org in values_of(dossier, Organization)}
    return tuple(found[code] for code in sorted(found))


def states_among(actors: Iterable[Actor]) -> list[State]:
    """The states among some actors, in order (exports use them as countries).

    >>> from diplomodel.states import states
    >>> [s.code for s in states_among([states.get("CN"), "cn-moe", states.get("RU")])]
    ['CN', 'RU']
    """
    return [actor for actor in actors if isinstance(actor, State)]


def undescribed_bodies(dossier: Dossier) -> tuple[str, ...]:
    """The body ids a dossier names without describing them in ``bodies``, in order of mention.

    Every export turns each into an organisation known only by its id.

    >>> import diplomodel as dm
    >>> meeting = dm.Meeting(id="m", title="Talks", kind=dm.MeetingKind.TALKS,
    ...     start=dm.PartialDate(year=2024), parties=("cn-moe", "ru-mon"))
    >>> body = dm.Body(id="cn-moe", name="Ministry of Education",
    ...     kind=dm.BodyKind.MINISTRY, belongs_to=dm.states.get("CN"))
    >>> undescribed_bodies(dm.Dossier(id="d", title="D", meetings=(meeting,), bodies=(body,)))
    ('ru-mon',)
    """
    described = {body.id for body in dossier.bodies}
    named = (key for _, target, key in references(dossier) if target is Body)
    return tuple(key for key in dict.fromkeys(named) if key not in described)


def named_memberships(dossier: Dossier) -> tuple[tuple[Organization, Membership], ...]:
    """The membership records between actors a dossier names: organisation and member both named.

    Ordered by organisation code, then by member, oldest record first.

    >>> import diplomodel as dm
    >>> sco, india = dm.organizations.get("SCO"), dm.states.get("IN")
    >>> summit = dm.Meeting(id="m", title="SCO summit", kind=dm.MeetingKind.SUMMIT,
    ...     start=dm.PartialDate.parse("2023-07-04"), parties=(sco, india))
    >>> dossier = dm.Dossier(id="d", title="D", meetings=(summit,))
    >>> [(o.code, m.member.code, m.status.value) for o, m in named_memberships(dossier)]
    [('SCO', 'IN', 'observer'), ('SCO', 'IN', 'member')]
    """
    named = {actor_ref(s) for s in referenced_states(dossier)}
    groups = referenced_organizations(dossier)
    named |= {actor_ref(o) for o in groups}
    found: list[tuple[Organization, Membership]] = []
    for group in groups:
        held = [m for m in group.memberships if actor_ref(m.member) in named]
        held.sort(key=lambda m: (actor_ref(m.member), m.since.earliest()))
        found += [(group, m) for m in held]
    return tuple(found)


def roles_at(meeting: Meeting) -> dict[Actor, tuple[str, ...]]:
    """Each actor at a meeting and the roles it had there, parties first.

    A party is a ``"party"``, the host the ``"host"``, and each `Attendance`
    adds its role (``"chair"``, ``"observer"``, ``"guest"`` …); an actor that
    only attended (an observer) is listed after the parties.

    >>> import diplomodel as dm
    >>> cn, ru = dm.states.get("CN"), dm.states.get("RU")
    >>> meeting = dm.Meeting(id="m", title="Talks", kind=dm.MeetingKind.TALKS,
    ...     start=dm.PartialDate(year=2024), parties=(cn, ru), host=cn,
    ...     attendance=(dm.Attendance(actor=ru, role=dm.AttendanceRole.CHAIR),))
    >>> {actor.code: roles for actor, roles in roles_at(meeting).items()}
    {'CN': ('party', 'host'), 'RU': ('party', 'chair')}
    """
    found: dict[Actor, list[str]] = {party: ["party"] for party in meeting.parties}
    if meeting.host is not None:
        found.setdefault(meeting.host, []).append("host")
    for attendance in meeting.attendance:
        held = found.setdefault(attendance.actor, [])
        if attendance.role.value not in held:
            held.append(attendance.role.value)
    return {actor: tuple(roles) for actor, roles in found.items()}
