"""`describe`: a readable paragraph about a meeting, document, relation or dossier."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from diplomodel.dates import PartialDate, Precision
from diplomodel.dossier import Dossier
from diplomodel.errors import ArgumentTypeError
from diplomodel.i18n._formats import format_date, format_list, person_name, state_name
from diplomodel.i18n._labels import Message, message_for
from diplomodel.i18n._locales import Translator, translator
from diplomodel.i18n._ordinals import anniversary_phrase, ordinal
from diplomodel.i18n._phrases import (
    DOCUMENT_FORMS,
    KNOWN_LEVELS,
    KNOWN_LOCALITIES,
    LEVELS,
    MEETINGS,
    MONTHS,
    NUMBERED_MEETINGS,
    REVISED_FORMS,
)
from diplomodel.model.actors import Actor
from diplomodel.model.documents import Communique, CooperationAgreement, Document
from diplomodel.model.meetings import Meeting, Role
from diplomodel.model.people import OfficeKind
from diplomodel.model.places import Place
from diplomodel.model.relations import BilateralRelation
from diplomodel.model.sectors import Sector
from diplomodel.states import State

__all__ = ["describe"]

_NO_SPACE_BETWEEN_SENTENCES = frozenset({"zh", "ja"})

Describable = Meeting | Document | BilateralRelation | Dossier


def _sentence(text: str) -> str:
    """The text with its first letter in upper case ("on 21 August" → "On 21 August")."""
    return text[:1].upper() + text[1:]


def _full_stop(text: str) -> str:
    """One full stop at the end, where an abbreviation met the sentence's own ("1949 г..")."""
    return text[:-1] if text.endswith("..") else text


class _Writer:
    """Builds the phrases of a description in one locale from one dossier."""

    def __init__(self, dossier: Dossier, locale: str) -> None:
        self.t: Translator = translator(locale)
        self.dossier = dossier
        self.locale = locale
        # The language of the text: lists and ordinals follow it; names and
        # dates follow the locale.
        self.text_locale = self.t.language or "en"
        # Chinese sentences follow each other without a space.
        self.gap = "" if self.text_locale in _NO_SPACE_BETWEEN_SENTENCES else " "

    # -- small pieces ------------------------------------------------------------

    def tr(self, message: Message) -> str:
        return self.t.p_(message.context, message.text)

    def join(self, items: Sequence[str]) -> str:
        return format_list(items, self.text_locale)

    def states(self, parties: Iterable[Actor]) -> list[str]:
        return [
            state_name(party, self.locale)
            if isinstance(party, State)
            else self.dossier.actor_name(party, locale=self.locale)
            for party in parties
        ]

    def people(self, ids: Iterable[str]) -> str:
        names = []
        for id_ in ids:
            try:
                names.append(person_name(self.dossier.person(id_), self.locale))
            except KeyError:
                names.append(id_)
        return self.join(names)

    def sectors(self, sectors: Iterable[Sector]) -> str:
        return self.join([self.tr(message_for(sector)) for sector in sectors])

    def date(self, value: PartialDate) -> str:
        return format_date(value, self.locale)

    def when(self, value: PartialDate) -> str:
        """An adverbial of time: "on 21 August 2024", "in August 2024", "in 2024"."""
        shown = self.date(value)
        if value.precision is Precision.DAY:
            return self.t.p_("day", "on {date}").format(date=shown)
        if value.precision is Precision.YEAR:
            return self.t.p_("year", "in {date}").format(date=shown)
        if self.t.language is None:  # English text: the month as the locale names it
            return f"in {shown}"
        month = MONTHS[(value.month or 1) - 1]
        return self.tr(month).format(year=value.year)

    def where(self, place: Place | None) -> str | None:
        """An adverbial of place: "in Moscow"."""
        if place is None:
            return None
        if place.locality is not None:
            known = KNOWN_LOCALITIES.get(place.locality)
            if known is not None:
                return self.tr(known)
            return self.t._("in {locality}").format(locality=place.locality)
        return self.t._("in {state}").format(state=state_name(place.state, self.locale))

    def setting(self, on: PartialDate | None, place: Place | None) -> str | None:
        when = None if on is None else self.when(on)
        where = self.where(place)
        if when is not None and where is not None:
            return self.t._("{when}, {where}").format(when=when, where=where)
        return when if when is not None else where

    def parties(self, parties: Sequence[Actor]) -> dict[str, str]:
        names = self.states(parties)
        separator = self.t.p_("separator of the parties of a format, as in 'China – Russia'", " – ")
        return {"parties": self.join(names), "pair": separator.join(names)}

    # -- meetings ----------------------------------------------------------------

    def level(self, meeting: Meeting) -> OfficeKind | None:
        if meeting.series is None:
            return None
        try:
            return self.dossier.meeting_series(meeting.series).level
        except KeyError:
            return None

    def meeting_phrase(self, meeting: Meeting) -> str:
        """Say "the 29th regular meeting between the heads of government of China and Russia"."""
        if meeting.ordinal is not None:
            number = meeting.ordinal
            what = self.tr(NUMBERED_MEETINGS[meeting.kind]).format(
                ordinal=ordinal(number, self.text_locale), number=number
            )
        else:
            what = self.tr(MEETINGS[meeting.kind])
        level = self.level(meeting)
        parties = self.parties(meeting.parties)
        if level is not None:
            return self.t._("{meeting} between the {level} of {parties}").format(
                meeting=what, level=self.tr(LEVELS[level]), **parties
            )
        return self.t._("{meeting} between {parties}").format(meeting=what, **parties)

    def meeting(self, meeting: Meeting) -> str:
        sentences = [self.meeting_opening(meeting)]
        count = len(meeting.committee_reports)
        if count:
            sentences.append(
                self.t.n_(
                    "The meeting heard a report from {count} cooperation body.",
                    "The meeting heard reports from {count} cooperation bodies.",
                    count,
                ).format(count=count)
            )
        if meeting.sectors:
            sentences.append(
                self.t._("The discussion covered {sectors}.").format(
                    sectors=self.sectors(meeting.sectors)
                )
            )
        outcomes = self.outcomes(meeting.outcomes)
        if outcomes:
            sentences.append(self.t._("The meeting produced {outcomes}.").format(outcomes=outcomes))
        return self.gap.join(map(_full_stop, sentences))

    def meeting_opening(self, meeting: Meeting) -> str:
        setting = self.setting(meeting.start, meeting.place) or ""
        what = self.meeting_phrase(meeting)
        chairs = [p.person for p in meeting.participants if p.role is Role.CO_CHAIR]
        if len(chairs) > 1:
            text = self.t._("{setting}, {chairs} co-chaired {meeting}.")
        elif chairs:
            text = self.t._("{setting}, {chairs} chaired {meeting}.")
        else:
            text = self.t._("{setting}, {meeting} took place.")
        return _sentence(text.format(setting=setting, chairs=self.people(chairs), meeting=what))

    def outcomes(self, ids: Sequence[str]) -> str:
        """Say "a joint communiqué, a revised plan on investment and 7 other documents"."""
        named: list[str] = []
        others = 0
        other_sectors: list[Sector] = []
        for id_ in ids:
            try:
                document = self.dossier.document(id_)
            except KeyError:
                others += 1
                continue
            if isinstance(document, Communique) or document.revises is not None:
                named.append(self.document_phrase(document))
            else:
                others += 1
                other_sectors.extend(s for s in document.sectors if s not in other_sectors)
        if others:
            if named:
                rest = self.t.n_(
                    "{count} other cooperation document",
                    "{count} other cooperation documents",
                    others,
                )
            else:
                rest = self.t.n_(
                    "{count} cooperation document", "{count} cooperation documents", others
                )
            rest = rest.format(count=others)
            if other_sectors:
                rest = self.t._("{documents} covering {sectors}").format(
                    documents=rest, sectors=self.sectors(other_sectors)
                )
            named.append(rest)
        return self.join(named)

    # -- documents ---------------------------------------------------------------

    def document_phrase(self, document: Document) -> str:
        """Say "a joint communiqué" or "a revised plan on investment"."""
        if isinstance(document, Communique):
            return self.t._("a joint communiqué")
        form = document.form if isinstance(document, CooperationAgreement) else None
        table = REVISED_FORMS if document.revises is not None else DOCUMENT_FORMS
        phrase = self.tr(table[form])
        if document.sectors:
            phrase = self.t._("{document} on {sectors}").format(
                document=phrase, sectors=self.sectors(document.sectors)
            )
        return phrase

    def document(self, document: Document) -> str:
        parties = self.parties(document.parties)
        what = self.document_phrase(document)
        setting = self.setting(document.signed, document.place)
        if setting is not None:
            opening = self.t._("{setting}, {parties} signed {document}.").format(
                setting=setting, document=what, **parties
            )
        else:
            opening = self.t._("{parties} signed {document}.").format(document=what, **parties)
        sentences = [_sentence(opening)]
        signatories = [s.person for s in document.signatories]
        if signatories:
            if len(signatories) > 1:
                text = self.t.p_("several signatories", "It was signed by {names}.")
            else:
                text = self.t.p_("one signatory", "It was signed by {names}.")
            sentences.append(text.format(names=self.people(signatories)))
        if document.witnesses:
            if len(document.witnesses) > 1:
                text = self.t.p_("several witnesses", "{names} witnessed the signing.")
            else:
                text = self.t.p_("one witness", "{names} witnessed the signing.")
            sentences.append(_sentence(text.format(names=self.people(document.witnesses))))
        if document.meeting is not None:
            try:
                meeting = self.dossier.meeting(document.meeting)
            except KeyError:
                pass
            else:
                sentences.append(
                    self.t._("It was adopted at {meeting}.").format(
                        meeting=self.meeting_phrase(meeting)
                    )
                )
        if document.revises is not None:
            sentences.append(self.t._("It revises an earlier document."))
        return self.gap.join(map(_full_stop, sentences))

    # -- relations and dossiers --------------------------------------------------

    def level_name(self, name: str) -> str:
        known = KNOWN_LEVELS.get(name)
        return name if known is None else self.tr(known)

    def relation(self, relation: BilateralRelation) -> str:
        parties = self.parties(relation.parties)
        sentences = []
        if relation.established is not None:
            sentences.append(
                self.t._("{parties} established diplomatic relations {when}.").format(
                    when=self.when(relation.established), **parties
                )
            )
        if relation.levels:
            latest = relation.levels[-1]
            sentences.append(
                self.t._("Since {date}, they have called their relationship a {level}.").format(
                    date=self.date(latest.since),
                    when=self.when(latest.since),
                    level=self.level_name(latest.name),
                    **parties,
                )
            )
        if len(relation.levels) > 1:
            earlier = [
                self.t._("{level} ({date})").format(
                    level=self.level_name(level.name), date=self.date(level.since)
                )
                for level in relation.levels[:-1]
            ]
            sentences.append(
                self.t._("Earlier levels: {levels}.").format(levels=self.join(earlier))
            )
        if not sentences:
            sentences.append(self.t._("{parties} maintain bilateral relations.").format(**parties))
        return self.gap.join(_full_stop(_sentence(s)) for s in sentences)

    def contents(self, dossier: Dossier) -> str:
        t = self.t
        counts = (
            (
                len(dossier.meetings),
                t.n_("{count} meeting", "{count} meetings", len(dossier.meetings)),
            ),
            (
                len(dossier.series),
                t.n_("{count} meeting series", "{count} meeting series", len(dossier.series)),
            ),
            (
                len(dossier.documents),
                t.n_("{count} document", "{count} documents", len(dossier.documents)),
            ),
            (len(dossier.people), t.n_("{count} person", "{count} people", len(dossier.people))),
            (len(dossier.offices), t.n_("{count} office", "{count} offices", len(dossier.offices))),
            (
                len(dossier.committees),
                t.n_(
                    "{count} cooperation body",
                    "{count} cooperation bodies",
                    len(dossier.committees),
                ),
            ),
            (
                len(dossier.relations),
                t.n_(
                    "{count} bilateral relation",
                    "{count} bilateral relations",
                    len(dossier.relations),
                ),
            ),
            (
                len(dossier.thematic_years),
                t.n_(
                    "{count} thematic year", "{count} thematic years", len(dossier.thematic_years)
                ),
            ),
            (
                len(dossier.statements),
                t.n_("{count} statement", "{count} statements", len(dossier.statements)),
            ),
        )
        return self.join([text.format(count=count) for count, text in counts if count])

    def dossier_text(self, dossier: Dossier) -> str:
        if len(dossier) == 0:
            return self.t._("The dossier is empty.")
        sentences = [
            self.t._("The dossier holds {contents}.").format(contents=self.contents(dossier))
        ]
        meetings = sorted(dossier.meetings, key=lambda m: m.start)
        if meetings:
            sentences.append(self.meeting(meetings[-1]))
        for relation in dossier.relations:
            sentences.append(self.relation(relation))
            if meetings and relation.established is not None:
                sentences.extend(self.anniversary(relation, meetings[-1].start.year))
        return self.gap.join(map(_full_stop, sentences))

    def anniversary(self, relation: BilateralRelation, year: int) -> list[str]:
        """The anniversary of diplomatic relations that falls in `year`, if any."""
        if relation.established is None:
            return []
        number = year - relation.established.year
        if number < 1:
            return []
        text_locale = self.text_locale
        return [
            self.t._(
                "{year} is the year of the {anniversary} of diplomatic relations between {parties}."
            ).format(
                year=year,
                number=number,
                anniversary=anniversary_phrase(number, text_locale),
                **self.parties(relation.parties),
            )
        ]


def describe(obj: Describable, dossier: Dossier, locale: str = "en") -> str:
    """A readable paragraph about a meeting, a document, a relation or a whole dossier.

    The text comes from the package's message catalogs (English, Russian and
    Chinese); a locale without a catalog gets English text with its own
    names and dates. People's names, state names, dates and lists are
    localised; ids that the dossier cannot resolve are shown as they are.

    Args:
        obj: A `Meeting`, a `Document` (`Communique` or `CooperationAgreement`),
            a `BilateralRelation` or a `Dossier`.
        dossier: The dossier that resolves the ids `obj` refers to (people,
            series, documents, meetings). Pass the dossier itself to describe it.
        locale: A locale identifier such as ``"en"``, ``"ru"`` or ``"zh"``.

    Returns:
        The paragraph.

    Raises:
        TypeError: `obj` is of another type, or `dossier` is not a `Dossier`.
        ValueError: The locale is unknown.

    >>> from diplomodel.dossier import load_example
    >>> d = load_example()
    >>> meeting = d.meeting("cn-ru-heads-of-government-29")
    >>> describe(meeting, d).split(". ")[0]
    'On August 21, 2024, in Moscow, Li Qiang and Mikhail Mishustin co-chaired the 29th regular \
meeting between the heads of government of China and Russia'
    >>> describe(meeting, d, "zh").split("。")[0]
    '2024年8月21日，在莫斯科，李强和米哈伊尔·米舒斯京共同主持中国和俄罗斯政府首脑第29次定期会晤'
    >>> describe(d.relation_by_id("cn-ru"), d, "ru").startswith(
    ...     "Китай и Россия установили дипломатические отношения 2 октября 1949")
    True
    """
    if not isinstance(dossier, Dossier):
        raise ArgumentTypeError(
            f"describe() needs a Dossier to resolve ids (got {type(dossier).__name__})"
        )
    if isinstance(obj, Meeting):
        return _Writer(dossier, locale).meeting(obj)
    if isinstance(obj, Document):
        return _Writer(dossier, locale).document(obj)
    if isinstance(obj, BilateralRelation):
        return _Writer(dossier, locale).relation(obj)
    if isinstance(obj, Dossier):
        return _Writer(dossier, locale).dossier_text(obj)
    raise ArgumentTypeError(
        "describe() needs a Meeting, a Document, a BilateralRelation or a Dossier "
        f"(got {type(obj).__name__})"
    )
