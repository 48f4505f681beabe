"""What every built-in rule module shares: `Hit`, `Spec`, `Facts`, and how actors resolve.

Private: the rules live in `diplomodel._rules` and `diplomodel._rules_multilateral`.

A built-in rule may also come with a *bulk* form, which `validate` runs once
over all the entities of a table instead of once per entity: it yields
``(position in the sequence, hit)`` and reads the dossier through one
`Facts`, shared by every rule of the run, so that what several rules need
(the meeting of a document, who attended it) is worked out once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import chain
from operator import attrgetter
from typing import Any

from attrs import frozen

from diplomodel.dossier import Dossier
from diplomodel.issues import Issue
from diplomodel.model._fields import TABLES, reference_plan
from diplomodel.model.actors import Actor, Body, actor_key, actor_label
from diplomodel.model.documents import Document
from diplomodel.model.meetings import Meeting
from diplomodel.model.people import Office, Tenure

__all__ = [
    "Bulk",
    "Check",
    "Facts",
    "Hit",
    "Spec",
    "all_resolve",
    "chain_of",
    "each",
    "every_reference_resolves",
    "label",
    "per_entity",
    "related",
    "side_of",
    "span",
    "spec",
    "spec_of",
    "spec_only",
    "unresolved",
]


Hit = Issue
"""The built-in rules' name for `Issue`, what a check yields for each thing wrong."""


Check = Callable[[Any, Dossier | None], Iterable[Hit]]

Bulk = Callable[[Sequence[Any], "Facts"], Iterable[tuple[int, Hit]]]
"""A check run over many entities at once: (entities, facts) → (position, hit) of each hit."""


@frozen(kw_only=True)
class Spec:
    """How a built-in rule is registered; `bulk`, if any, finds what `check` finds."""

    code: str
    severity: str
    applies_to: tuple[type[Any], ...]
    summary: str
    check: Check
    bulk: Bulk | None = None


def spec(
    code: str,
    severity: str,
    applies_to: tuple[type[Any], ...],
    check: Check,
    bulk: Bulk | None = None,
) -> Spec:
    """Register a check; its summary is the first line of its docstring."""
    summary = (check.__doc__ or "").strip().splitlines()[0]
    return Spec(
        code=code,
        severity=severity,
        applies_to=applies_to,
        summary=summary,
        check=check,
        bulk=bulk,
    )


Days = tuple[tuple[date | None, date | None], ...]
"""The first and last possible day of each of some terms (None: not recorded)."""

Core = Callable[[Any, "Facts"], Iterable[Hit]]
"""A check reading the dossier through `Facts`."""


def per_entity(core: Core) -> Check:
    """The public check of a rule written against `Facts`: one entity, facts of its own.

    The check keeps the core's name and docstring (the rule's summary).
    """

    def check(subject: Any, dossier: Dossier | None) -> Iterable[Hit]:
        return core(subject, Facts(dossier))

    return functools.update_wrapper(check, core)


def each(core: Core, test: Callable[[Any], object] | None = None) -> Bulk:
    """The bulk form of a rule written against `Facts`: its core on each entity in turn.

    With `test`, only on the entities that pass it: the core must find nothing
    in the others (the test is the cheap half of the rule, such as "revises
    something").
    """

    def bulk(entities: Sequence[Any], facts: Facts) -> Iterator[tuple[int, Hit]]:
        for position, entity in enumerate(entities):
            if test is None or test(entity):
                for hit in core(entity, facts):
                    yield position, hit

    return bulk


def spec_of(
    code: str,
    severity: str,
    applies_to: tuple[type[Any], ...],
    core: Core,
    test: Callable[[Any], object] | None = None,
) -> Spec:
    """Register a rule written against `Facts`: its public check and its bulk form (`each`)."""
    return spec(code, severity, applies_to, per_entity(core), each(core, test))


def spec_only(
    code: str,
    severity: str,
    applies_to: tuple[type[Any], ...],
    test: Callable[[Any], object],
    check: Check,
) -> Spec:
    """Register a plain check that finds nothing where `test` is false (see `each`).

    Its bulk form runs the check only on the entities that pass the test.
    """
    return spec(code, severity, applies_to, check, each(lambda e, f: check(e, f.dossier), test))


class Facts:
    """What several rules need from one dossier, worked out at most once per `validate` run.

    Lookups by id read the dossier's own index (what `Dossier.get` finds: the
    first entity of an id); what is worked out per meeting is kept by the
    meeting's identity, for the run. Without a dossier every lookup finds
    nothing.

    >>> from diplomodel.dossier import load_example
    >>> facts = Facts(load_example())
    >>> facts.meeting_of(facts.documents["cn-ru-heads-of-government-29-communique"]).ordinal
    29
    """

    __slots__ = (
        "_attendees",
        "_delegations",
        "bodies",
        "documents",
        "dossier",
        "meetings",
        "offices",
    )

    def __init__(self, dossier: Dossier | None) -> None:
        """Facts of `dossier` (None: an entity validated on its own)."""
        self.dossier = dossier
        index = {} if dossier is None else dossier._ids()  # noqa: SLF001 - read, never changed
        self.meetings: dict[str, Meeting] = index.get(Meeting, {})
        self.documents: dict[str, Document] = index.get(Document, {})
        self.bodies: dict[str, Body] = index.get(Body, {})
        self.offices: dict[str, Office] = index.get(Office, {})
        self._attendees: dict[int, frozenset[str]] = {}
        self._delegations: dict[int, dict[str, Actor]] = {}

    def meeting_of(self, document: Document) -> Meeting | None:
        """The meeting a document came from, if the dossier holds it."""
        return self.meetings.get(document.meeting)  # type: ignore[arg-type] # None: no key

    def attendees(self, meeting: Meeting) -> frozenset[str]:
        """The ids of the people who took part in a meeting."""
        found = self._attendees.get(id(meeting))
        if found is None:
            found = frozenset(p.person for p in meeting.participants)
            self._attendees[id(meeting)] = found
        return found

    def delegations(self, meeting: Meeting) -> dict[str, Actor]:
        """Each participant's delegation at a meeting, by person id (the last listed wins)."""
        found = self._delegations.get(id(meeting))
        if found is None:
            found = {p.person: p.delegation for p in meeting.participants}
            self._delegations[id(meeting)] = found
        return found

    def unresolved(self, actor: Actor) -> bool:
        """`unresolved`: an actor is a body the dossier does not hold (or there is no dossier)."""
        return isinstance(actor, str) and actor not in self.bodies

    def term_days(self) -> dict[tuple[str, str], Days]:
        """Each (person id, office id) with the first and last possible day of each term.

        The terms are those `Dossier.get` finds for the person, in recorded order;
        None where a start or end is not recorded. Kept with the dossier.
        """
        dossier = self.dossier
        if dossier is None:
            return {}

        def build() -> dict[tuple[str, str], Days]:
            return {
                key: tuple((_earliest(t), _latest(t)) for t in terms)
                for key, terms in terms_of(dossier).items()
            }

        found: dict[tuple[str, str], Days] = dossier._cached("term days", build)  # noqa: SLF001
        return found


def _earliest(tenure: Tenure) -> date | None:
    return None if tenure.start is None else tenure.start.earliest()


def _latest(tenure: Tenure) -> date | None:
    return None if tenure.end is None else tenure.end.latest()


def terms_of(dossier: Dossier) -> dict[tuple[str, str], tuple[Tenure, ...]]:
    """Each (person id, office id) with that person's terms in the office, in recorded order.

    Built once per dossier; the person is the one `Dossier.get` finds (the first of an id).
    """

    def build() -> dict[tuple[str, str], tuple[Tenure, ...]]:
        terms: dict[tuple[str, str], list[Tenure]] = {}
        seen: set[str] = set()
        for person in dossier.people:
            if person.id in seen:
                continue
            seen.add(person.id)
            for tenure in person.tenures:
                terms.setdefault((person.id, tenure.office), []).append(tenure)
        return {key: tuple(found) for key, found in terms.items()}

    found: dict[tuple[str, str], tuple[Tenure, ...]] = dossier._cached("terms", build)  # noqa: SLF001
    return found


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
    if not isinstance(actor, str):  # a state's or organisation's chain is itself
        return actor if actor in listed else None
    return next((a for a in chain_of(actor, dossier) if a in listed), None)


def span(meeting: Meeting) -> tuple[date, date]:
    """The first and last days a meeting may have covered."""
    return meeting.start.earliest(), (meeting.end or meeting.start).latest()


def related(one: Actor, other: Actor, dossier: Dossier | None) -> bool:
    """Whether two actors are one, or one is a body of the other, or both of one state."""
    if one is other:
        return True  # each chain starts with its actor
    if not isinstance(one, str) and not isinstance(other, str):
        return actor_key(one) == actor_key(other)  # a state's or organisation's chain is itself
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


# -- references, fast --------------------------------------------------------------


def all_resolve(obj: object, dossier: Dossier) -> bool:
    """Whether every id `obj` names (see `references`) is that of an entity in the dossier.

    The same walk as `diplomodel.model._fields.references`, without the paths
    and skipping values that cannot refer (states, dates ...): the fast answer
    for the usual case, where there is nothing to report.
    """
    ids = dossier._ids()  # noqa: SLF001 - the dossier's own index, read, never changed
    get = dossier.get

    def walk(value: object) -> bool:
        for name, target, many in reference_plan(type(value)):
            held = getattr(value, name)
            if held is None:
                continue
            for item in held if many else (held,):
                if target is not None and isinstance(item, str):
                    if item not in ids.get(target, ()) and get(target, item) is None:
                        return False
                elif reference_plan(type(item)) and not walk(item):
                    return False
        return True

    return walk(obj)


def _by_type(values: list[Any]) -> dict[type[Any], list[Any]]:
    """The values that may hold a reference (see `reference_plan`), grouped by class, in order."""
    kinds = {kind: reference_plan(kind) for kind in set(map(type, values))}
    if len(kinds) == 1:
        kind, plan = kinds.popitem()
        return {kind: values} if plan else {}
    groups: dict[type[Any], list[Any]] = {kind: [] for kind, plan in kinds.items() if plan}
    for value in values:
        group = groups.get(type(value))
        if group is not None:
            group.append(value)
    return groups


def _ids_and_rest(items: list[Any]) -> tuple[list[str], list[Any]]:
    """The ids (text) among the items, and the rest, each in order; plain text tested first."""
    ids = [i for i in items if i.__class__ is str]
    if len(ids) == len(items):
        return ids, []
    rest = [i for i in items if i.__class__ is not str]
    if any(issubclass(kind, str) for kind in set(map(type, rest))):  # text of a subclass
        ids += [i for i in rest if isinstance(i, str)]
        rest = [i for i in rest if not isinstance(i, str)]
    return ids, rest


def _gather(values: list[Any], found: dict[type[Any], set[str]]) -> None:
    """Add every id the values name (the walk of `all_resolve`) to `found`, by entity class.

    One comprehension a field for all values of a type at once, not a call a value.
    """
    for cls, group in _by_type(values).items():
        for name, target, many in reference_plan(cls):
            held = list(map(attrgetter(name), group))
            if many:  # a tuple: an empty one names nothing
                items = list(chain.from_iterable(filter(None, held)))
            else:
                items = [value for value in held if value is not None]
            if target is not None:
                ids, items = _ids_and_rest(items)
                found.setdefault(target, set()).update(ids)
            if items:
                _gather(items, found)


def every_reference_resolves(dossier: Dossier) -> bool:
    """Whether every id anywhere in the dossier names an entity of its kind there.

    The answer `all_resolve` gives entity by entity, for all of them at once:
    the ids are gathered by kind and compared with the ids each table holds.
    """
    found: dict[type[Any], set[str]] = {}
    for name in TABLES:  # table by table: the entities of one are mostly of one class
        _gather(list(getattr(dossier, name)), found)
    ids = dossier._ids()  # noqa: SLF001 - the dossier's own index, read, never changed
    for target, named in found.items():
        missing = named - ids.get(target, {}).keys()
        if any(dossier.get(target, id_) is None for id_ in missing):
            return False
    return True
