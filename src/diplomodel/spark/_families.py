"""How the rules over a whole dossier split into groups that can be checked apart. Private.

Pure Python: `diplomodel.spark` imports it without pyspark or pyarrow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import attrs

from diplomodel.dossier import Dossier
from diplomodel.model._fields import DOCUMENT_KINDS, TABLES
from diplomodel.model.actors import actor_key
from diplomodel.validation import Rules

__all__ = ["FAMILIES", "JOINED", "Family", "record_tables"]

JOINED: Final = ("DM101", "DM102")
"""The rules over the whole dossier that are joins of their own (ids resolve, ids are unique)."""


def _series_key(meeting: Any) -> str | None:
    return meeting.series if meeting.series is not None and meeting.ordinal is not None else None


def _pair_key(relation: Any) -> str:
    return "|".join(sorted(actor_key(p) for p in relation.parties))


def _claim_key(claim: Any) -> str:
    return f"{claim.about.value}|{claim.subject}|{claim.what.value}"


@attrs.frozen
class Family:
    """Rules over the whole dossier that hold within groups of one table's records.

    Two records of different groups never bear on each other's findings, so
    each group can be checked on its own, wherever it is.
    """

    table: str
    codes: tuple[str, ...]
    key: Callable[[Any], str | None]


FAMILIES: Final = {
    "series": Family("meetings", ("DM113", "DM114", "DM115"), _series_key),
    "pair": Family("relations", ("DM140",), _pair_key),
    "claim": Family("claims", ("DM148",), _claim_key),
    "within": Family("meetings", ("DM126",), lambda _: None),
}
"""How each rule over the whole dossier splits into independent groups.

DM101 and DM102 are joins of their own; the groups of DM126 (meetings within
themselves) are found by peeling the chains of ``within`` down to their loops,
so its key gives no group from a single record.
"""


def record_tables(rules: Rules) -> list[str]:
    """The tables whose entities some rule checks one at a time, in table order."""
    found = []
    for name, cls in TABLES.items():
        kinds = (cls, *DOCUMENT_KINDS) if name == "documents" else (cls,)
        if any(
            Dossier not in r.applies_to and any(issubclass(k, r.applies_to) for k in kinds)
            for r in rules
        ):
            found.append(name)
    return found
