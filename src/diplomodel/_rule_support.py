"""What every built-in rule module shares: `Hit`, `Spec`, and how actors resolve to sides.

Private: the rules live in `diplomodel._rules` and `diplomodel._rules_multilateral`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import Any

from attrs import frozen

from diplomodel.dossier import Dossier
from diplomodel.issues import Issue
from diplomodel.model.actors import Actor, Body, actor_key, actor_label
from diplomodel.model.meetings import Meeting

__all__ = [
    "Check",
    "Hit",
    "Spec",
    "chain_of",
    "label",
    "related",
    "side_of",
    "span",
    "spec",
    "unresolved",
]


Hit = Issue
"""The built-in rules' name for `Issue`, what a check yields for each thing wrong."""


Check = Callable[[Any, Dossier | None], Iterable[Hit]]


@frozen(kw_only=True)
class Spec:
    """How a built-in rule is registered."""

    code: str
    severity: str
    applies_to: tuple[type[Any], ...]
    summary: str
    check: Check


def spec(code: str, severity: str, applies_to: tuple[type[Any], ...], check: Check) -> Spec:
    """Register a check; its summary is the first line of its docstring."""
    summary = (check.__doc__ or "").strip().splitlines()[0]
    return Spec(code=code, severity=severity, applies_to=applies_to, summary=summary, check=check)


def chain_of(actor: Actor, dossier: Dossier | None) -> Iterator[Actor]:
    """An actor, then for a body each body it sits within, then the state it belongs to.

    A body the dossier does not hold (DM101 reports it) ends the chain, and so
    does a loop of parents.

    >>> from diplomodel.dossier import load_example
    >>> [str(a) for a in chain_of("nowhere", load_example())]
    ['nowhere']
    """
    yield actor
    if not isinstance(actor, str) or dossier is None:
        return
    seen = {actor}
    body = dossier.get(Body, actor)
    state = None
    while body is not None:
        state = state or body.belongs_to
        parent = body.parent
        if parent is None or parent in seen:
            break
        seen.add(parent)
        yield parent
        body = dossier.get(Body, parent)
    if state is not None:
        yield state


def side_of(actor: Actor, sides: Iterable[Actor], dossier: Dossier | None) -> Actor | None:
    """The side an actor acts for: itself if listed, else the nearest body or state above it.

    A ministry acts for its state: with China a party, China's foreign
    ministry is on China's side.

    >>> from diplomodel.states import states
    >>> cn, ru = states.get("CN"), states.get("RU")
    >>> side_of(cn, (cn, ru), None).code, side_of("cn-mofa", (cn, ru), None)
    ('CN', None)
    """
    listed = tuple(sides)
    return next((a for a in chain_of(actor, dossier) if a in listed), None)


def span(meeting: Meeting) -> tuple[date, date]:
    """The first and last days a meeting may have covered."""
    return meeting.start.earliest(), (meeting.end or meeting.start).latest()


def related(one: Actor, other: Actor, dossier: Dossier | None) -> bool:
    """Whether two actors are one, or one is a body of the other, or both of one state."""
    mine = {actor_key(a) for a in chain_of(one, dossier)}
    return any(actor_key(a) in mine for a in chain_of(other, dossier))


def unresolved(actor: Actor, dossier: Dossier | None) -> bool:
    """Whether an actor is a body this check cannot see (no dossier, or not in it: DM101)."""
    return isinstance(actor, str) and (dossier is None or dossier.get(Body, actor) is None)


def label(actor: Actor, dossier: Dossier | None) -> str:
    """`actor_label`, and for a body the state it belongs to: "body 'ru-mfa' of Russia".

    >>> label("ru-mfa", None)
    "body 'ru-mfa'"
    """
    body = dossier.get(Body, actor) if isinstance(actor, str) and dossier else None
    text = actor_label(actor)
    return text if body is None else f"{text} of {body.belongs_to.name}"
