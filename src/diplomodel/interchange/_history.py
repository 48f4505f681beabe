"""What the exporters share about relation histories and claims: names, values, targets.

Every export names a relation event the same way ("Severance of ties: Saudi
Arabia–Iran", after the parties who held the ties that day) and a claim the
same way ("Anniversary: 75"), in English, as the exports' other names are.
"""

from __future__ import annotations

from collections.abc import Iterator

from diplomodel.dates import PartialDate
from diplomodel.dossier import Dossier
from diplomodel.i18n import label
from diplomodel.model.actors import Actor
from diplomodel.model.claims import Claim, ClaimSubject
from diplomodel.model.meetings import MeetingSeries
from diplomodel.model.relations import BilateralRelation, RelationEvent, RelationEventKind

__all__ = ["claim_name", "claim_parties", "claim_said", "claim_value", "exported_events", "pair"]


def pair(dossier: Dossier, parties: tuple[Actor, ...]) -> str:
    """The parties as one name: "Saudi Arabia–Iran"."""
    return "–".join(dossier.actor_name(party, locale="en") for party in parties)


def exported_events(
    dossier: Dossier, relation: BilateralRelation
) -> Iterator[tuple[int, RelationEvent, str, tuple[Actor, ...]]]:
    """Each event worth its own record: (index, event, name, the parties that day).

    An establishment event repeats `BilateralRelation.established`, which every
    export already carries, so it is left out.
    """
    for index, event in enumerate(relation.events):
        if event.kind is RelationEventKind.ESTABLISHMENT:
            continue
        parties = relation.parties_on(event.date.latest())
        what = label(event.kind, "en")
        yield index, event, f"{what[:1].upper()}{what[1:]}: {pair(dossier, parties)}", parties


def claim_value(dossier: Dossier, claim: Claim) -> str:
    """The value claimed, as text: a number, an ISO date, a place, a party's name."""
    value = claim.value
    if isinstance(value, PartialDate):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if claim.party is not None:
        return dossier.actor_name(claim.party, locale="en")
    return str(value)


def claim_name(dossier: Dossier, claim: Claim) -> str:
    """What a claim says in a few words: "Anniversary: 75", "Place: St Petersburg"."""
    what = label(claim.what, "en")
    return f"{what[:1].upper()}{what[1:]}: {claim_value(dossier, claim)}"


def claim_said(claim: Claim) -> str:
    """Who said it, when, about what: "Example Daily on 2019-10-01 about relation 'cn-ru'"."""
    when = "" if claim.when is None else f" on {claim.when.isoformat()}"
    return f"{claim.source.publisher}{when} about {claim.about.value} {claim.subject!r}"


def claim_parties(dossier: Dossier, claim: Claim) -> tuple[Actor, ...]:
    """The parties of a claim's relation or series (records no export has a node for)."""
    if claim.about is ClaimSubject.RELATION and claim.relation is not None:
        relation = dossier.get(BilateralRelation, claim.relation)
        return () if relation is None else relation.parties
    if claim.about is ClaimSubject.SERIES and claim.series is not None:
        series = dossier.get(MeetingSeries, claim.series)
        return () if series is None else series.parties
    return ()
