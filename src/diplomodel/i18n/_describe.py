"""`describe`: a readable paragraph about a meeting, document, relation, actor or dossier."""

from __future__ import annotations

from collections.abc import Sequence

from diplomodel.dossier import Dossier
from diplomodel.errors import ArgumentTypeError
from diplomodel.i18n._describe_documents import NAMED_KINDS, DocumentTexts
from diplomodel.i18n._describe_relations import RelationTexts
from diplomodel.i18n._ordinals import anniversary_phrase, ordinal
from diplomodel.i18n._phrases import (
    FORMAT_SENTENCES,
    FORMATS,
    LEVELS,
    MEETING_LEVELS,
    MEETINGS,
    NUMBERED_MEETINGS,
)
from diplomodel.i18n._writer import full_stop, sentence
from diplomodel.model.actors import Body
from diplomodel.model.documents import Document
from diplomodel.model.meetings import Meeting, MeetingKind, MeetingLevel, Role
from diplomodel.model.people import OfficeKind
from diplomodel.model.relations import BilateralRelation
from diplomodel.model.sectors import Sector
from diplomodel.model.statements import Statement
from diplomodel.organizations import Organization

__all__ = ["describe"]

Describable = Meeting | Document | BilateralRelation | Dossier | Organization | Body | Statement

_VISITS = frozenset(
    {MeetingKind.STATE_VISIT, MeetingKind.OFFICIAL_VISIT, MeetingKind.WORKING_VISIT}
)

#: A level that goes without saying for a kind of meeting.
_IMPLIED_LEVELS = frozenset(
    {
        (MeetingKind.SUMMIT, MeetingLevel.LEADERS),
        (MeetingKind.STATE_VISIT, MeetingLevel.LEADERS),
        (MeetingKind.MINISTERIAL_MEETING, MeetingLevel.MINISTERIAL),
    }
)


class _Writer(RelationTexts, DocumentTexts):
    """Builds the phrases of a description in one locale from one dossier."""

    # -- meetings ----------------------------------------------------------------

    def level(self, meeting: Meeting) -> OfficeKind | None:
        if meeting.series is None:
            return None
        try:
            return self.dossier.meeting_series(meeting.series).level
        except KeyError:
            return None

    def forum(self, meeting: Meeting) -> Organization | None:
        """The organisation whose meeting this is: its only party, or its series' only party."""
        parties: Sequence[object] = meeting.parties
        if len(parties) != 1 and meeting.series is not None:
            try:
                parties = self.dossier.meeting_series(meeting.series).parties
            except KeyError:
                return None
        if len(parties) == 1 and isinstance(parties[0], Organization):
            return parties[0]
        return None

    def numbered(self, meeting: Meeting) -> str:
        """Say "the 29th regular meeting" or "a summit"."""
        if meeting.ordinal is None:
            return self.tr(MEETINGS[meeting.kind])
        number = meeting.ordinal
        return self.tr(NUMBERED_MEETINGS[meeting.kind]).format(
            ordinal=ordinal(number, self.text_locale), number=number
        )

    def meeting_phrase(self, meeting: Meeting, *, with_format: bool = True) -> str:
        """Say "the 29th regular meeting between the heads of government of China and Russia".

        A meeting of an organisation is named after it ("the 15th summit of
        BRICS"); a meeting of three or more states lists them; the level and
        a remote format follow where they add something.
        """
        what = self.numbered(meeting)
        level = self.level(meeting)
        forum = self.forum(meeting)
        if level is not None:
            parties = self.parties(meeting.parties)
            phrase = self.t._("{meeting} between the {level} of {parties}").format(
                meeting=what, level=self.tr(LEVELS[level]), **parties
            )
        elif forum is not None:
            phrase = self.of_organization(what, forum)
        elif len(meeting.parties) > 2:
            phrase = self.t._("{meeting} of {parties}").format(
                meeting=what, **self.parties(meeting.parties)
            )
        elif len(meeting.parties) == 1:
            phrase = self.t._("{meeting} of {party}").format(
                meeting=what, party=self.actor(meeting.parties[0])
            )
        else:
            phrase = self.t._("{meeting} between {parties}").format(
                meeting=what, **self.parties(meeting.parties)
            )
        if (
            meeting.level is not None
            and level is None
            and (meeting.kind, meeting.level) not in _IMPLIED_LEVELS
        ):
            phrase = self.tr(MEETING_LEVELS[meeting.level]).format(meeting=phrase)
        remote = FORMATS.get(meeting.format) if with_format else None
        if remote is not None:
            phrase = self.tr(remote).format(meeting=phrase)
        return phrase

    def of_organization(self, what: str, organization: Organization) -> str:
        """Say "a summit of the Shanghai Cooperation Organisation (SCO)"."""
        name = self.actor(organization)
        acronym = organization.acronym_in(self.locale)
        if acronym is None or acronym == organization.name_in(self.locale):
            return self.t._("{meeting} of {organization}").format(meeting=what, organization=name)
        return self.t._("{meeting} of {organization} ({acronym})").format(
            meeting=what, organization=name, acronym=acronym
        )

    def meeting(self, meeting: Meeting) -> str:
        sentences = [self.meeting_opening(meeting)]
        remote = FORMAT_SENTENCES.get(meeting.format)
        if remote is not None:
            sentences.append(self.tr(remote))
        forum = self.forum(meeting)
        multilateral = forum is not None or len(meeting.parties) > 2
        if forum is not None and tuple(meeting.parties) != (forum,):
            sentences.append(self.participants_sentence(meeting.parties))
        if meeting.kind not in _VISITS or meeting.host is None:
            sentences.extend(self.chair_and_host(meeting, multilateral=multilateral))
        sentences.extend(self.guests(meeting))
        sentences.extend(self.context(meeting))
        count = len(meeting.committee_reports)
        if count:
            sentences.append(
                self.t.n_(
                    "The meeting heard a report from {count} cooperation body.",
                    "The meeting heard reports from {count} cooperation bodies.",
                    count,
                ).format(count=count)
            )
        if meeting.sectors or meeting.other_topics:
            sentences.append(
                self.t._("The discussion covered {sectors}.").format(
                    sectors=self.sectors(meeting.sectors, meeting.other_topics)
                )
            )
        outcomes = self.outcomes(meeting.outcomes)
        if outcomes:
            sentences.append(self.t._("The meeting produced {outcomes}.").format(outcomes=outcomes))
        return self.gap.join(map(full_stop, sentences))

    def meeting_opening(self, meeting: Meeting) -> str:
        setting = self.setting(meeting.start, meeting.place, meeting.end) or ""
        if meeting.kind in _VISITS and meeting.host is not None and meeting.visitors:
            return self.visit_opening(meeting, setting)
        what = self.meeting_phrase(meeting, with_format=False)
        chairs = [p.person for p in meeting.participants if p.role is Role.CO_CHAIR]
        if not chairs:
            chairs = [p.person for p in meeting.participants if p.role is Role.CHAIR]
        if len(chairs) > 1:
            text = self.t._("{setting}, {chairs} co-chaired {meeting}.")
        elif chairs:
            text = self.t._("{setting}, {chairs} chaired {meeting}.")
        else:
            text = self.t._("{setting}, {meeting} took place.")
        return sentence(text.format(setting=setting, chairs=self.people(chairs), meeting=what))

    def visit_opening(self, meeting: Meeting, setting: str) -> str:
        """Say "On April 6, 2023, in Beijing, France paid a state visit to China"."""
        assert meeting.host is not None  # noqa: S101 - checked by the caller
        leaders = [
            p.person
            for p in meeting.participants
            if p.role is Role.HEAD_OF_DELEGATION and p.delegation in meeting.visitors
        ]
        visitors = self.people(leaders) if leaders else self.join(self.states(meeting.visitors))
        text = self.t.n_(
            "{setting}, {visitors} paid {meeting} to {host}.",
            "{setting}, {visitors} paid {meeting} to {host}.",
            len(leaders) or len(meeting.visitors),
        )
        return sentence(
            text.format(
                setting=setting,
                visitors=visitors,
                meeting=self.numbered(meeting),
                host=self.actor(meeting.host),
            )
        )

    def context(self, meeting: Meeting) -> list[str]:
        """Say which meeting this one was held within or on the sidelines of."""
        if meeting.within is None:
            return []
        try:
            parent = self.dossier.meeting(meeting.within)
        except KeyError:
            return []
        phrase = self.meeting_phrase(parent)
        where = self.where(parent.place)
        if meeting.on_sidelines and where is not None:
            text = self.t._("The meeting was held on the sidelines of {meeting} {where}.")
        elif meeting.on_sidelines:
            text = self.t._("The meeting was held on the sidelines of {meeting}.")
        elif where is not None:
            text = self.t._("The meeting was held within {meeting} {where}.")
        else:
            text = self.t._("The meeting was held within {meeting}.")
        return [text.format(meeting=phrase, where=where)]

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
            if isinstance(document, NAMED_KINDS) or document.revises is not None:
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

    def document(self, document: Document) -> str:
        opening = self.document_opening(document)
        sentences = [sentence(opening)]
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
            sentences.append(sentence(text.format(names=self.people(document.witnesses))))
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
        sentences.extend(sentence(text) for text in self.life(document))
        return self.gap.join(map(full_stop, sentences))

    def statement_text(self, statement: Statement) -> str:
        at = None
        if statement.meeting is not None:
            try:
                at = self.meeting_phrase(self.dossier.meeting(statement.meeting))
            except KeyError:
                at = None
        return self.statement(statement, at)

    # -- dossiers --------------------------------------------------------------

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
        return self.gap.join(map(full_stop, sentences))

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
    """A readable paragraph about a meeting, document, statement, relation, actor or dossier.

    The text comes from the package's message catalogs (English, Russian and
    Chinese); a locale without a catalog gets English text with its own
    names and dates. People's names, state names, dates and lists are
    localised; ids that the dossier cannot resolve are shown as they are.

    Args:
        obj: A `Meeting`, a `Document` (of any kind),
            a `BilateralRelation`, an `Organization`, a `Body`, a `Statement` or a
            `Dossier`.
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
    ...     "Китай и Союз Советских Социалистических Республик установили дипломатические")
    True
    >>> from diplomodel.organizations import organizations
    >>> describe(organizations.get("SCO"), d, "zh")
    '上海合作组织（上合组织）是区域性国际组织，成立于2001年6月15日。'
    """
    if not isinstance(dossier, Dossier):
        raise ArgumentTypeError(
            f"describe() needs a Dossier to resolve ids (got {type(dossier).__name__})"
        )
    writer = _Writer(dossier, locale)
    if isinstance(obj, Meeting):
        return writer.meeting(obj)
    if isinstance(obj, Document):
        return writer.document(obj)
    if isinstance(obj, BilateralRelation):
        return writer.relation(obj)
    if isinstance(obj, Dossier):
        return writer.dossier_text(obj)
    if isinstance(obj, Statement):
        return writer.statement_text(obj)
    if isinstance(obj, Organization | Body):
        return writer.organization(obj) if isinstance(obj, Organization) else writer.body(obj)
    raise ArgumentTypeError(
        "describe() needs a Meeting, a Document, a BilateralRelation, a Dossier, "
        "an Organization, a Body or a Statement "
        f"(got {type(obj).__name__})"
    )
