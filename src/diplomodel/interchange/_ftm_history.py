"""FollowTheMoney entities for relation histories and claims.

Each relation event becomes an ``Event`` involving the parties who held the
ties that day, each succession a ``Succession`` (predecessor, successor,
date), and each claim a ``Note`` on the entity of its record: the meeting's
``Event``, the ``Document``, or the parties of a relation or a series (FtM's
links cannot carry notes). A claim whose record is not exported is left out,
so every reference resolves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from diplomodel.dossier import Dossier
from diplomodel.interchange._common import states_among
from diplomodel.interchange._ftm_ids import ftm_date, ftm_id
from diplomodel.interchange._history import (
    claim_name,
    claim_parties,
    claim_said,
    exported_events,
    pair,
)
from diplomodel.model.actors import Actor
from diplomodel.model.claims import Claim, ClaimSubject
from diplomodel.model.relations import BilateralRelation
from diplomodel.model.sources import Source
from diplomodel.states import State

__all__ = ["claim_note", "relation_history"]


class Export(Protocol):
    """What these writers need of the FtM export under way."""

    dossier: Dossier
    graph: Any
    meetings: set[Any]
    documents: set[Any]

    def actor(self, actor: Actor) -> str:
        """The id of an actor's entity."""
        ...

    def countries(self, states: Iterable[State]) -> list[str | None]:
        """FtM's country codes of states."""
        ...

    def proofs(self, sources: Sequence[Source]) -> list[str | None]:
        """The ids of the sources' ``Article`` entities, written once."""
        ...


def relation_history(export: Export, relation: BilateralRelation) -> None:
    """Each relation event as an ``Event``, each succession as a ``Succession``."""
    for index, event, name, parties in exported_events(export.dossier, relation):
        export.graph.add(
            "Event",
            ftm_id("relation-event", relation.id, str(index)),
            name=[name],
            date=[ftm_date(event.date)],
            involved=[export.actor(s) for s in parties],
            country=export.countries(states_among(parties)),
            keywords=[event.kind.value],
            summary=[event.note],
            proof=export.proofs(event.sources),
        )
    for index, step in enumerate(relation.successions):
        others = tuple(p for p in relation.parties_on(step.date.latest()) if p != step.successor)
        export.graph.add(
            "Succession",
            ftm_id("succession", relation.id, str(index)),
            predecessor=[export.actor(step.predecessor)],
            successor=[export.actor(step.successor)],
            date=[ftm_date(step.date)],
            role=["diplomatic relations"],
            description=[f"Diplomatic relations with {pair(export.dossier, others)}"],
            summary=[step.note],
            proof=export.proofs(step.sources),
        )


def claim_note(export: Export, claim: Claim) -> None:
    """A claim as a ``Note`` on its record (a relation's or a series' parties)."""
    if claim.about in {ClaimSubject.MEETING, ClaimSubject.DOCUMENT}:
        held = export.meetings if claim.about is ClaimSubject.MEETING else export.documents
        targets = [ftm_id(claim.about.value, claim.subject)] if claim.subject in held else []
    else:
        targets = [export.actor(p) for p in claim_parties(export.dossier, claim)]
    if targets:
        export.graph.add(
            "Note",
            ftm_id("claim", claim.id),
            name=[claim_name(export.dossier, claim)],
            entity=targets,
            description=[claim.quote],
            summary=[claim_said(claim)],
            keywords=["claim", claim.what.value, "evidence" if claim.evidence else None],
            proof=export.proofs((claim.source,)),
        )
