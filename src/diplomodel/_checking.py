"""How `validate` runs the rules: every rule over a slice of a table, then the next. Private.

The rules over the whole dossier run first. Then each table is taken in
slices of `CHUNK` entities, and every rule runs over a slice before the next
slice is read (a slice stays in the processor's caches while the rules read
it). A rule's hits come in the order of the entities, then in the order the
rule found them, as they did when every rule was called entity after entity;
the report sorts them by severity and code with a stable sort, so it is the
same. A built-in rule with a bulk form (see `diplomodel._rule_support`) is run
once over a slice, every rule of the run reading the dossier through one
`Facts`; any other rule (one of yours) has its ``check`` called on each entity.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

from diplomodel import _claim_rules, _document_rules, _rules
from diplomodel._rule_support import Bulk, Check, Facts, Hit
from diplomodel.dossier import Dossier
from diplomodel.model._fields import TABLES

__all__ = ["BULK", "hits"]

BULK: Final[dict[Check, Bulk]] = {
    spec.check: spec.bulk
    for spec in (*_rules.BUILTIN, *_claim_rules.BUILTIN, *_document_rules.BUILTIN)
    if spec.bulk is not None
}
"""The bulk form of each built-in check that has one."""


#: How many entities of a table every rule checks before the next ones: a slice small
#: enough to stay in the processor's caches while each rule reads it.
CHUNK: Final = 1024


class _Table:
    """A slice of a table's entities, where it starts, and the classes among them."""

    __slots__ = ("entities", "kinds", "name", "start")

    def __init__(self, name: str | None, entities: Sequence[Any], start: int = 0) -> None:
        self.name = name
        self.entities = entities
        self.start = start
        self.kinds = set(map(type, entities))

    def path(self, position: int) -> str:
        """The path of an entity of the slice (``$`` for an entity validated on its own)."""
        return "$" if self.name is None else f"$.{self.name}[{self.start + position}]"

    def chosen(self, applies_to: tuple[type[Any], ...]) -> tuple[Sequence[Any], list[int] | None]:
        """The entities a rule applies to, and their positions (None: all of them, in order)."""
        wanted = {kind for kind in self.kinds if issubclass(kind, applies_to)}
        if len(wanted) == len(self.kinds):
            return self.entities, None
        if not wanted:
            return (), None
        positions = [i for i, entity in enumerate(self.entities) if type(entity) in wanted]
        return [self.entities[i] for i in positions], positions


def _slices(dossier: Dossier) -> list[_Table]:
    """Every table of the dossier in slices of `CHUNK` entities, in order."""
    found = []
    for name in TABLES:
        table = getattr(dossier, name)
        found += [_Table(name, table[k : k + CHUNK], k) for k in range(0, len(table), CHUNK)]
    return found


def _plain(
    check: Check, entities: Sequence[Any], dossier: Dossier | None
) -> Iterator[tuple[int, Hit]]:
    for position, entity in enumerate(entities):
        for hit in check(entity, dossier):
            yield position, hit


def hits(rules: Iterable[Any], subject: Any) -> Iterator[tuple[Any, str, str | None, Hit]]:
    """Each (rule, path of the entity, its id, hit) the rules find in a dossier or an entity.

    The id is None for a hit of a rule over the whole dossier (its path is ``$``).

    >>> from diplomodel.dossier import load_example
    >>> from diplomodel.validation import DEFAULT_RULES
    >>> list(hits(DEFAULT_RULES, load_example()))
    []
    """
    if isinstance(subject, Dossier):
        dossier: Dossier | None = subject
        tables = _slices(subject)
    else:
        dossier, tables = None, [_Table(None, (subject,))]
    facts = Facts(dossier)
    each_entity = []
    for rule in rules:
        if Dossier not in rule.applies_to:
            each_entity.append((rule, BULK.get(rule.check)))
        elif dossier is not None:
            for hit in rule(dossier, dossier):
                yield rule, "$", None, hit
    for table in tables:  # every rule on a slice, then the next slice
        for rule, bulk in each_entity:
            entities, positions = table.chosen(rule.applies_to)
            if not entities:
                continue
            found = _plain(rule.check, entities, dossier) if bulk is None else bulk(entities, facts)
            for position, hit in found:
                at = position if positions is None else positions[position]
                yield rule, table.path(at), entities[position].id, hit
