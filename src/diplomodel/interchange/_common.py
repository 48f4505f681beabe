"""Helpers the exporters share: optional imports, unique entities, the states a dossier names."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from types import ModuleType
from typing import Protocol, TypeVar

from diplomodel.dossier import Dossier
from diplomodel.model._fields import values_of
from diplomodel.model.actors import Actor
from diplomodel.organizations import Organization
from diplomodel.states import State

__all__ = [
    "actor_ref",
    "first_of_each",
    "optional_module",
    "referenced_organizations",
    "referenced_states",
    "states_among",
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
    ['CN', 'RU']
    """
    found = {state.code: state for _, state in values_of(dossier, State)}
    return tuple(found[code] for code in sorted(found))


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
