"""JSON-LD nodes for relation histories and claims.

Each event of a relation's history is a schema.org ``Event`` about the
parties who held the ties that day; each claim a schema.org ``Claim`` about
its record (a meeting, a document or a series; the parties of a relation),
with its source as ``author`` and ``appearance`` and the day it was said as
``datePublished``. schema.org has no type for a relation or a succession.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from diplomodel.dossier import Dossier
from diplomodel.interchange._history import claim_name, claim_parties, exported_events
from diplomodel.interchange._jsonld_terms import (
    Json,
    compact,
    iri,
    source_node,
    source_nodes,
    typed_date,
)
from diplomodel.model.actors import Actor
from diplomodel.model.claims import Claim, ClaimSubject
from diplomodel.model.relations import BilateralRelation

__all__ = ["claim_node", "relation_event_nodes"]


class Nodes(Protocol):
    """What these builders need of the node builder under way."""

    def actors(self, actors: Iterable[Actor]) -> list[Json]:
        """The actors' nodes."""
        ...

    def refs(self, kind: str, ids: Iterable[str | None]) -> list[Json]:
        """References to the entities of a kind the export holds."""
        ...


def relation_event_nodes(nodes: Nodes, dossier: Dossier, relation: BilateralRelation) -> list[Json]:
    """Each event of a relation's history as an ``Event`` about the parties of the day."""
    return [
        compact(
            {
                "@id": iri("relation-event", f"{relation.id}.{index}"),
                "@type": "Event",
                "name": name,
                "startDate": typed_date(event.date),
                "about": nodes.actors(parties),
                "keywords": [event.kind.value],
                "description": event.note,
                "subjectOf": source_nodes(event.sources),
            }
        )
        for index, event, name, parties in exported_events(dossier, relation)
    ]


def claim_node(nodes: Nodes, dossier: Dossier, claim: Claim) -> Json:
    """A claim as schema.org's ``Claim``: about its record, said by its source, when."""
    if claim.about in {ClaimSubject.RELATION, ClaimSubject.SERIES}:
        about = nodes.actors(claim_parties(dossier, claim))
        about += nodes.refs("series", [claim.series])
    else:
        about = nodes.refs(claim.about.value, [claim.subject])
    return compact(
        {
            "@id": iri("claim", claim.id),
            "@type": "Claim",
            "name": claim_name(dossier, claim),
            "about": about,
            "author": {"@type": "Organization", "name": claim.source.publisher},
            "datePublished": typed_date(claim.when),
            "appearance": source_node(claim.source),
            "text": claim.quote,
            "keywords": ["claim", claim.what.value, *(["evidence"] if claim.evidence else [])],
        }
    )
