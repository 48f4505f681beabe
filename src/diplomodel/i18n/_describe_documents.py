"""`describe` for documents: what kind they are, who signed them, and their life since."""

from __future__ import annotations

from typing import Final

from diplomodel.i18n._labels import Message, mark
from diplomodel.i18n._phrases import BATCH_FORMS, DOCUMENT_FORMS, REVISED_FORMS
from diplomodel.i18n._writer import Base
from diplomodel.model.documents import (
    Communique,
    CooperationAgreement,
    Declaration,
    Document,
    DocumentBatch,
    JointStatement,
)
from diplomodel.model.lifecycle import DocumentEvent, DocumentEventKind

__all__ = ["NAMED_KINDS", "DocumentTexts"]

_K = DocumentEventKind

#: The kinds of document an account of a meeting's outcomes names one by one.
NAMED_KINDS: Final = (Communique, JointStatement, Declaration, DocumentBatch)

#: What happened, for all parties: ``{when}`` is "on 5 February 2011", ``{date}`` the date.
_FOR_ALL: Final[dict[DocumentEventKind, Message]] = {
    _K.SIGNATURE: mark("document event", "It was signed {when}."),
    _K.ADOPTION: mark("document event", "It was adopted {when}."),
    _K.RATIFICATION: mark("document event", "It was ratified {when}."),
    _K.PROVISIONAL_APPLICATION: mark("document event", "It was applied provisionally from {date}."),
    _K.ENTRY_INTO_FORCE: mark("document event", "It entered into force {when}."),
    _K.EXTENSION: mark("document event", "It was extended {when}."),
    _K.SUSPENSION: mark("document event", "Its operation was suspended {when}."),
    _K.RESUMPTION: mark("document event", "Its operation resumed {when}."),
    _K.WITHDRAWAL: mark("document event", "The parties withdrew from it {when}."),
    _K.EXPIRY: mark("document event", "It expired {when}."),
    _K.TERMINATION: mark("document event", "It was terminated {when}."),
    _K.SUPERSESSION: mark("document event", "It was superseded {when}."),
}

#: What happened for one party, ``{party}``.
_FOR_ONE: Final[dict[DocumentEventKind, Message]] = {
    _K.SIGNATURE: mark("document event of a party", "{party} signed it {when}."),
    _K.ADOPTION: mark("document event of a party", "{party} adopted it {when}."),
    _K.RATIFICATION: mark("document event of a party", "{party} ratified it {when}."),
    _K.PROVISIONAL_APPLICATION: mark(
        "document event of a party", "{party} applied it provisionally from {date}."
    ),
    _K.ENTRY_INTO_FORCE: mark(
        "document event of a party", "It entered into force for {party} {when}."
    ),
    _K.EXTENSION: mark("document event of a party", "It was extended for {party} {when}."),
    _K.SUSPENSION: mark("document event of a party", "{party} suspended its participation {when}."),
    _K.RESUMPTION: mark("document event of a party", "{party} resumed its participation {when}."),
    _K.WITHDRAWAL: mark("document event of a party", "{party} withdrew from it {when}."),
    _K.EXPIRY: mark("document event of a party", "It expired for {party} {when}."),
    _K.TERMINATION: mark("document event of a party", "{party} terminated it {when}."),
    _K.SUPERSESSION: mark("document event of a party", "It was superseded for {party} {when}."),
}

#: The same, with the end of the term it set: ``{until}`` is a date.
_WITH_TERM: Final[dict[DocumentEventKind, Message]] = {
    _K.ENTRY_INTO_FORCE: mark(
        "document event with a term", "It entered into force {when}, with a term to {until}."
    ),
    _K.EXTENSION: mark("document event with a term", "It was extended {when} to {until}."),
}


class DocumentTexts(Base):
    """Phrases and sentences about documents: their kind, their opening and their life."""

    def document_phrase(self, document: Document) -> str:
        """Say "a joint communiqué", "a revised plan on investment" or "28 memoranda on health"."""
        if isinstance(document, Communique):
            return self.t._("a joint communiqué")
        if isinstance(document, JointStatement):
            return self.t._("a joint statement")
        if isinstance(document, Declaration):
            return self.t._("a declaration")
        form = document.form if isinstance(document, CooperationAgreement | DocumentBatch) else None
        if isinstance(document, DocumentBatch):
            forms = BATCH_FORMS[form]
            phrase = self.t.n_(forms.singular, forms.plural, document.count)
            phrase = phrase.format(count=document.count)
        else:
            table = REVISED_FORMS if document.revises is not None else DOCUMENT_FORMS
            phrase = self.tr(table[form])
        if document.sectors or document.other_topics:
            phrase = self.t._("{document} on {sectors}").format(
                document=phrase, sectors=self.sectors(document.sectors, document.other_topics)
            )
        return phrase

    def document_opening(self, document: Document) -> str:
        """Say "On …, in …, China and Russia signed a memorandum"."""
        parties = self.parties(document.parties)
        what = self.document_phrase(document)
        setting = self.setting(document.signed, document.place)
        if len(document.parties) == 1:
            # One party: a singular verb, which Russian must agree with the party.
            party = self.actor(document.parties[0])
            if setting is not None:
                opening = self.t._("{setting}, {party} signed {document}.")
            else:
                opening = self.t._("{party} signed {document}.")
            return opening.format(setting=setting, party=party, document=what)
        if setting is not None:
            return self.t._("{setting}, {parties} signed {document}.").format(
                setting=setting, document=what, **parties
            )
        return self.t._("{parties} signed {document}.").format(document=what, **parties)

    def life(self, document: Document) -> list[str]:
        """One sentence for each event after the signing, then what else the record says.

        A signature for all parties on the day `signed` says is the opening
        sentence already, so it is not said twice.
        """
        sentences = [
            self.event_sentence(event)
            for event in document.events
            if not (
                event.kind is _K.SIGNATURE and event.party is None and event.date == document.signed
            )
        ]
        if document.amends:
            if len(document.amends) > 1:
                sentences.append(self.t._("It amends earlier documents."))
            else:
                sentences.append(self.t._("It amends an earlier document."))
        if document.supersedes:
            if len(document.supersedes) > 1:
                sentences.append(self.t._("It supersedes earlier documents."))
            else:
                sentences.append(self.t._("It supersedes an earlier document."))
        if document.legally_binding is True:
            sentences.append(self.t._("It is legally binding."))
        elif document.legally_binding is False:
            sentences.append(self.t._("It is not legally binding."))
        return sentences

    def event_sentence(self, event: DocumentEvent) -> str:
        """Say "It entered into force on …" or "Russia suspended its participation on …"."""
        values = {"when": self.when(event.date), "date": self.date(event.date)}
        if event.party is not None:
            values["party"] = self.actor(event.party)
            message = _FOR_ONE[event.kind]
        elif event.until is not None:
            values["until"] = self.date(event.until)
            message = _WITH_TERM[event.kind]
        else:
            message = _FOR_ALL[event.kind]
        return self.tr(message).format(**values)
