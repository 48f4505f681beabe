"""The built-in rules on relation history and on claims (DM140-DM148). Private.

Claims keep what a source said about a record; these checks compare each
claim with its record and with other claims, and report every contradiction
with both values. Like `diplomodel._rules`, each check yields a `Hit` with a
path relative to the object it applies to.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Final

from diplomodel._rule_support import Hit
from diplomodel._rule_support import spec as _spec
from diplomodel.anniversaries import anniversary_in_year, anniversary_number
from diplomodel.dates import PartialDate
from diplomodel.dossier import Dossier
from diplomodel.model.actors import Actor, actor_label
from diplomodel.model.claims import Claim, ClaimKind, ClaimSubject
from diplomodel.model.documents import Document
from diplomodel.model.meetings import Meeting, MeetingSeries
from diplomodel.model.relations import BilateralRelation, RelationStatus

__all__ = ["BUILTIN"]


def check_one_relation_per_pair(dossier: Dossier, _dossier: Dossier | None) -> Iterator[Hit]:
    """No two relation records are for the same pair of parties, in either order."""
    first: dict[frozenset[Actor], tuple[int, BilateralRelation]] = {}
    for position, relation in enumerate(dossier.relations):
        pair = frozenset(relation.parties)
        _, other = first.setdefault(pair, (position, relation))
        if other is not relation:
            names = " and ".join(actor_label(p) for p in relation.parties)
            yield Hit(
                message=f"relation {relation.id!r} is a second record of {names}, "
                f"besides {other.id!r}",
                at=f".relations[{position}].parties",
                ids=(relation.id, other.id),
            )


def check_level_while_broken(
    relation: BilateralRelation, _dossier: Dossier | None
) -> Iterator[Hit]:
    """No partnership level is declared while ties were suspended or severed."""
    changes = relation.status_changes()
    for i, level in enumerate(relation.levels):
        first, last = level.since.earliest(), level.since.latest()
        status = relation.status_on(first)
        changed = any(first < when.latest() <= last for when, _ in changes)
        if status in (RelationStatus.SUSPENDED, RelationStatus.SEVERED) and not changed:
            yield Hit(
                message=f"level {level.name!r} ({level.since}) is declared while ties "
                f"were {status.value}",
                at=f".levels[{i}].since",
                ids=(relation.id,),
            )


_ABOUT: Final = {
    ClaimSubject.MEETING: Meeting,
    ClaimSubject.SERIES: MeetingSeries,
    ClaimSubject.RELATION: BilateralRelation,
    ClaimSubject.DOCUMENT: Document,
}


def _claimed(claim: Claim, dossier: Dossier | None, *kinds: ClaimKind) -> Any:
    """The record a claim of one of `kinds` is about, or None (no dossier, no record)."""
    if dossier is None or claim.what not in kinds:
        return None
    return dossier.get(_ABOUT[claim.about], claim.subject)


def _shown(claim: Claim) -> str:
    said = f" on {claim.when}" if claim.when is not None else ""
    return f"{claim.source.publisher}{said}"


def _founded(record: Any) -> PartialDate | None:
    found: PartialDate | None = getattr(record, "established", None)
    return found


def check_claimed_anniversary(claim: Claim, dossier: Dossier | None) -> Iterator[Hit]:
    """A claimed anniversary is the one that falls in the year it was said."""
    record = _claimed(claim, dossier, ClaimKind.ANNIVERSARY)
    since, said = _founded(record), claim.when
    if since is None or said is None or claim.number is None or said.year <= since.year:
        return
    expected = anniversary_in_year(since, said.year).number
    allowed = {expected}
    if said.day is not None:
        allowed.add(anniversary_number(since, said.to_date()))
    if claim.number not in allowed:
        by = ""
        if isinstance(record, BilateralRelation) and record.successions:
            by = " (by " + " and ".join(actor_label(p) for p in record.original_parties) + ")"
        yield Hit(
            message=f"{_shown(claim)} claims anniversary {claim.number}, but {record.id!r} "
            f"was established {since}{by}, so {said.year} marks anniversary {expected}",
            at=".number",
            ids=(claim.id, record.id),
        )


def _span(record: Any) -> tuple[str, PartialDate, PartialDate] | None:
    """(what, first, last) of a record's own date."""
    if isinstance(record, Meeting):
        return "was held", record.start, record.end or record.start
    when = getattr(record, "signed", None) or _founded(record)
    if when is None:
        return None
    return ("was signed" if isinstance(record, Document) else "was established"), when, when


def check_claimed_date(claim: Claim, dossier: Dossier | None) -> Iterator[Hit]:
    """A claimed date can be the date of the record."""
    span = _span(_claimed(claim, dossier, ClaimKind.DATE))
    if span is None or claim.date is None:
        return
    verb, first, last = span
    if claim.date.latest() < first.earliest() or claim.date.earliest() > last.latest():
        recorded = str(first) if first == last else f"{first} to {last}"
        yield Hit(
            message=f"{_shown(claim)} dates it {claim.date}, but it {verb} {recorded}",
            at=".date",
            ids=(claim.id, claim.subject),
        )


def _fold(text: str) -> str:
    return " ".join(text.replace(".", " ").replace("-", " ").split()).casefold()


def check_claimed_place(claim: Claim, dossier: Dossier | None) -> Iterator[Hit]:
    """A claimed place is the locality or venue of the record."""
    record = _claimed(claim, dossier, ClaimKind.PLACE)
    place = getattr(record, "place", None)
    if place is None or place.locality is None or claim.text is None:
        return
    known = {_fold(name) for name in (place.locality, place.venue) if name is not None}
    if _fold(claim.text) not in known:
        yield Hit(
            message=f"{_shown(claim)} places it in {claim.text}, but the record says "
            f"{place.locality}",
            at=".text",
            ids=(claim.id, record.id),
        )


def check_claimed_ordinal(claim: Claim, dossier: Dossier | None) -> Iterator[Hit]:
    """A claimed ordinal is the meeting's number in its series."""
    record = _claimed(claim, dossier, ClaimKind.ORDINAL)
    recorded = getattr(record, "ordinal", None)
    if recorded is not None and claim.number != recorded:
        yield Hit(
            message=f"{_shown(claim)} numbers it {claim.number}, but the record says {recorded}",
            at=".number",
            ids=(claim.id, record.id),
        )


def check_claimed_level(claim: Claim, dossier: Dossier | None) -> Iterator[Hit]:
    """A claimed partnership level is the one in force on the day it was said."""
    record = _claimed(claim, dossier, ClaimKind.PARTNERSHIP_LEVEL)
    said = claim.when
    if not isinstance(record, BilateralRelation) or said is None or claim.text is None:
        return
    level = record.level_on(said.latest())
    if level is None or record.level_on(said.earliest()) != level:
        return
    if _fold(level.name) != _fold(claim.text):
        yield Hit(
            message=f"{_shown(claim)} calls it a {claim.text!r}, but the level in force "
            f"was {level.name!r} (since {level.since})",
            at=".text",
            ids=(claim.id, record.id),
        )


def check_claimed_party(claim: Claim, dossier: Dossier | None) -> Iterator[Hit]:
    """A claimed party is a party (or an original party) of the record."""
    record = _claimed(claim, dossier, ClaimKind.PARTY)
    if record is None or claim.party is None:
        return
    parties = set(record.parties)
    if isinstance(record, BilateralRelation):
        parties.update(record.original_parties)
    if claim.party not in parties:
        yield Hit(
            message=f"{_shown(claim)} names {actor_label(claim.party)} as a party, "
            f"which the record does not",
            at=".party",
            ids=(claim.id, record.id),
        )


def _compared(claim: Claim) -> tuple[Any, ...] | None:
    """What two claims about the same record must agree on, or None if they need not."""
    if claim.what is ClaimKind.ANNIVERSARY:
        said = claim.when
        return None if said is None or claim.number is None else (said.year - claim.number,)
    if claim.what is ClaimKind.PARTNERSHIP_LEVEL:
        return None if claim.text is None else (claim.when, _fold(claim.text))
    if claim.what is ClaimKind.PARTY:
        return None  # sources naming different parties each name one of them
    if claim.what is ClaimKind.PLACE and claim.text is not None:
        return (_fold(claim.text),)
    return (claim.value,)


def _conflict(one: Any, other: Any) -> bool:
    """Whether two claimed values cannot both be right (dates that cannot overlap)."""
    if isinstance(one, PartialDate) and isinstance(other, PartialDate):
        return one.latest() < other.earliest() or other.latest() < one.earliest()
    return bool(one != other)


def check_sources_agree(dossier: Dossier, _dossier: Dossier | None) -> Iterator[Hit]:
    """Two sources do not claim different values of one field of one record."""
    first: dict[tuple[Any, ...], tuple[Claim, tuple[Any, ...]]] = {}
    for position, claim in enumerate(dossier.claims):
        value = _compared(claim)
        if value is None:
            continue
        key = (claim.about, claim.subject, claim.what, *value[:-1])
        other, theirs = first.setdefault(key, (claim, value))
        if other is claim or not _conflict(theirs[-1], value[-1]):
            continue
        yield Hit(
            message=f"{_shown(claim)} claims {claim.what.value} {claim.value} of "
            f"{claim.subject!r}; {_shown(other)} claims {other.value} ({other.id!r})",
            at=f".claims[{position}]",
            ids=(claim.id, other.id),
        )


BUILTIN: Final = (
    _spec("DM140", "error", (Dossier,), check_one_relation_per_pair),
    _spec("DM141", "error", (BilateralRelation,), check_level_while_broken),
    _spec("DM142", "warning", (Claim,), check_claimed_anniversary),
    _spec("DM143", "warning", (Claim,), check_claimed_date),
    _spec("DM144", "warning", (Claim,), check_claimed_place),
    _spec("DM145", "warning", (Claim,), check_claimed_ordinal),
    _spec("DM146", "warning", (Claim,), check_claimed_level),
    _spec("DM147", "warning", (Claim,), check_claimed_party),
    _spec("DM148", "warning", (Dossier,), check_sources_agree),
)
"""The rules on relation history and claims, in code order."""
