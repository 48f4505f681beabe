"""The built-in rules on documents' lives and their links (DM150-DM154). Private.

Construction already refuses a life that cannot be within one document (in
force before it was signed, anything after it expired). These checks look
across documents (an amendment signed before the treaty it amends) and at
what a record states beside its events (a stated status the events
contradict, a batch of one). Like `diplomodel._rules`, each check yields a
`Hit` with a path relative to the document.
"""

from __future__ import annotations

from collections.abc import Iterator
from operator import attrgetter
from typing import Final

from diplomodel._rule_support import Hit, spec_only
from diplomodel.dates import PartialDate
from diplomodel.dossier import Dossier
from diplomodel.model.documents import Document, DocumentBatch
from diplomodel.model.lifecycle import FINAL, DocumentEventKind

__all__ = ["BUILTIN"]

_K = DocumentEventKind


def _linked(document: Document, dossier: Dossier | None) -> Iterator[tuple[str, int, Document]]:
    """Each document this one amends or supersedes that the dossier holds: (field, index, it)."""
    if dossier is None:
        return
    for name in ("amends", "supersedes"):
        for index, target in enumerate(getattr(document, name)):
            found = dossier.get(Document, target)
            if found is not None:
                yield name, index, found


def _verb(name: str) -> str:
    return "amends" if name == "amends" else "supersedes"


def _begun(document: Document) -> PartialDate | None:
    """When the record of a document begins: `signed`, else its first event."""
    if document.signed is not None:
        return document.signed
    return document.events[0].date if document.events else None


def _first(document: Document, kind: DocumentEventKind) -> PartialDate | None:
    return next((e.date for e in document.events if e.kind is kind and e.party is None), None)


def check_change_signed_after(document: Document, dossier: Dossier | None) -> Iterator[Hit]:
    """A document that amends or supersedes another is not signed before it."""
    for name, index, target in _linked(document, dossier):
        if document.signed is None or target.signed is None:
            continue
        if target.signed.earliest() > document.signed.latest():
            yield Hit(
                message=f"signed {document.signed}, before {target.id!r} ({target.signed}) "
                f"which it {_verb(name)}",
                at=f".{name}[{index}]",
                ids=(target.id,),
            )


def check_lives_in_order(document: Document, dossier: Dossier | None) -> Iterator[Hit]:
    """The lives of a document and of the one it amends or supersedes are in order.

    A document is not recorded as superseded before the document that
    supersedes it begins, and an amendment does not enter into force after
    the document it amends has ended.
    """
    begun = _begun(document)
    in_force = _first(document, _K.ENTRY_INTO_FORCE)
    for name, index, target in _linked(document, dossier):
        replaced = _first(target, _K.SUPERSESSION)
        early = replaced is not None and begun is not None and replaced.latest() < begun.earliest()
        if name == "supersedes" and early:
            yield Hit(
                message=f"{target.id!r} is recorded as superseded on {replaced}, before "
                f"this document, which supersedes it, begins ({begun})",
                at=f".{name}[{index}]",
                ids=(target.id,),
            )
        changes = target.status_changes()
        ended = changes[-1] if changes and changes[-1][1] in FINAL else None
        if name == "amends" and ended is not None and in_force is not None:
            when, status = ended
            if in_force.earliest() > when.latest():
                yield Hit(
                    message=f"enters into force on {in_force}, after {target.id!r}, which it "
                    f"amends, was {status.value} ({when})",
                    at=f".{name}[{index}]",
                    ids=(target.id,),
                )


def check_stated_status(document: Document, _dossier: Dossier | None) -> Iterator[Hit]:
    """The stated status agrees with the status the lifecycle events give."""
    if not document.events:
        return  # nothing to compare: the life is not worked out for nothing
    changes = document.status_changes()
    if not changes:
        return
    since, computed = changes[-1]
    if computed is not document.status:
        yield Hit(
            message=f"states the status {document.status.value!r}, but its events make it "
            f"{computed.value!r} since {since}",
            at=".status",
        )


def check_batch_count(document: Document, _dossier: Dossier | None) -> Iterator[Hit]:
    """A batch counts at least two documents.

    One document is recorded by itself, as a document of its kind.
    """
    if isinstance(document, DocumentBatch) and document.count < 2:
        yield Hit(
            message=f"a batch of {document.count} document: record it as a document of its own",
            at=".count",
        )


def check_expiry_at_term(document: Document, _dossier: Dossier | None) -> Iterator[Hit]:
    """A document expires on the day its last set term ends.

    The term is set by `DocumentEvent.until` of an entry into force or an
    extension for all parties.
    """
    term: PartialDate | None = None
    for index, event in enumerate(document.events):
        if event.until is not None and event.party is None:
            term = event.until
        apart = term is not None and (
            event.date.latest() < term.earliest() or event.date.earliest() > term.latest()
        )
        if event.kind is _K.EXPIRY and apart:
            yield Hit(
                message=f"expires on {event.date}, but its term was set to end on {term}",
                at=f".events[{index}].date",
            )


def _changes(document: Document) -> bool:
    """Whether a document amends or supersedes anything (else DM150 and DM151 find nothing)."""
    return bool(document.amends or document.supersedes)


def _batch(document: Document) -> bool:
    return isinstance(document, DocumentBatch)


_EVENTS: Final = attrgetter("events")
_DOCUMENT: Final = (Document,)

BUILTIN: Final = (
    spec_only("DM150", "error", _DOCUMENT, _changes, check_change_signed_after),
    spec_only("DM151", "error", _DOCUMENT, _changes, check_lives_in_order),
    spec_only("DM152", "warning", _DOCUMENT, _EVENTS, check_stated_status),
    spec_only("DM153", "warning", _DOCUMENT, _batch, check_batch_count),
    spec_only("DM154", "warning", _DOCUMENT, _EVENTS, check_expiry_at_term),
)
"""The rules on documents' lives and links, in code order."""
