"""`describe` for organisations and government bodies, and who attended a meeting as what."""

from __future__ import annotations

from collections.abc import Sequence

from diplomodel.i18n._phrases import BODY_KINDS, ORGANIZATION_KINDS
from diplomodel.i18n._writer import Base, full_stop, sentence
from diplomodel.model.actors import Actor, Body
from diplomodel.model.meetings import AttendanceRole, Meeting, Role
from diplomodel.model.statements import Statement
from diplomodel.organizations import Organization

__all__ = ["ActorTexts"]


class ActorTexts(Base):
    """Sentences about organisations, bodies and the attendance of a meeting."""

    # -- organisations and bodies -------------------------------------------------

    def organization(self, organization: Organization) -> str:
        name = organization.name_in(self.locale)
        acronym = organization.acronym_in(self.locale)
        if acronym is not None and acronym not in name:
            subject = self.t._("{name} ({acronym})").format(
                name=self.actor(organization), acronym=acronym
            )
        else:
            subject = self.actor(organization)
        kind = self.tr(ORGANIZATION_KINDS[organization.kind])
        if organization.founded is not None:
            text = self.t._("{organization} is {kind}, founded {when}.").format(
                organization=subject,
                kind=kind,
                when=self.when(organization.founded),
                date=self.date(organization.founded),
            )
        else:
            text = self.t._("{organization} is {kind}.").format(organization=subject, kind=kind)
        sentences = [sentence(text)]
        if organization.dissolved is not None:
            sentences.append(
                self.t._("It was dissolved {when}.").format(
                    when=self.when(organization.dissolved),
                    date=self.date(organization.dissolved),
                )
            )
        return self.gap.join(map(full_stop, sentences))

    def body(self, body: Body) -> str:
        text = self.t._("{body} is {kind} of {state}.").format(
            body=self.in_text(body.name_in(self.locale)),
            kind=self.tr(BODY_KINDS[body.kind]),
            state=self.actor(body.belongs_to),
        )
        sentences = [sentence(text)]
        if body.established is not None:
            sentences.append(
                self.t._("It was established {when}.").format(
                    when=self.when(body.established), date=self.date(body.established)
                )
            )
        return self.gap.join(map(full_stop, sentences))

    def statement(self, statement: Statement, at: str | None) -> str:
        """Say who spoke on whose behalf, when, on what and at which meeting (`at`)."""
        t = self.t
        speaker = self.people([statement.speaker])
        setting = self.setting(statement.date, None)
        principal = None if statement.on_behalf_of is None else self.actor(statement.on_behalf_of)
        if setting is not None and principal is not None:
            text = t._("{setting}, {speaker} made a statement on behalf of {principal}.")
        elif setting is not None:
            text = t._("{setting}, {speaker} made a statement.")
        elif principal is not None:
            text = t._("{speaker} made a statement on behalf of {principal}.")
        else:
            text = t._("{speaker} made a statement.")
        sentences = [sentence(text.format(setting=setting, speaker=speaker, principal=principal))]
        if statement.topics or statement.other_topics:
            sentences.append(
                t._("It concerned {sectors}.").format(
                    sectors=self.sectors(statement.topics, statement.other_topics)
                )
            )
        if at is not None:
            sentences.append(t._("It was made at {meeting}.").format(meeting=at))
        return self.gap.join(map(full_stop, sentences))

    # -- who attended a meeting as what -------------------------------------------

    def attendees(self, meeting: Meeting, role: AttendanceRole) -> list[Actor]:
        return [a.actor for a in meeting.attendance if a.role is role]

    def chair_and_host(self, meeting: Meeting, *, multilateral: bool) -> list[str]:
        """Say who chaired a meeting (unless a person did) and who hosted a multilateral one."""
        person_chairs = any(p.role in (Role.CHAIR, Role.CO_CHAIR) for p in meeting.participants)
        chairs = [] if person_chairs else self.attendees(meeting, AttendanceRole.CHAIR)
        hosts: list[Actor] = []
        if multilateral:
            hosts = self.attendees(meeting, AttendanceRole.HOST)
            if meeting.host is not None and meeting.host not in hosts:
                hosts.insert(0, meeting.host)
        if chairs and chairs == hosts:
            return [
                sentence(
                    self.t._("{host} hosted and chaired the meeting.").format(
                        host=self.join(self.states(hosts))
                    )
                )
            ]
        sentences = []
        if hosts:
            sentences.append(
                sentence(
                    self.t._("{host} hosted the meeting.").format(
                        host=self.join(self.states(hosts))
                    )
                )
            )
        if chairs:
            sentences.append(
                self.t._("{chair} was in the chair.").format(chair=self.join(self.states(chairs)))
            )
        return sentences

    def guests(self, meeting: Meeting) -> list[str]:
        """Say who attended as members, observers, guests and dialogue partners."""
        t = self.t
        sentences = []
        for role in (
            AttendanceRole.MEMBER,
            AttendanceRole.OBSERVER,
            AttendanceRole.GUEST,
            AttendanceRole.DIALOGUE_PARTNER,
        ):
            actors = self.attendees(meeting, role)
            count = len(actors)
            if not count:
                continue
            if role is AttendanceRole.MEMBER:
                text = t.n_("{names} attended as a member.", "{names} attended as members.", count)
            elif role is AttendanceRole.OBSERVER:
                text = t.n_(
                    "{names} attended as an observer.", "{names} attended as observers.", count
                )
            elif role is AttendanceRole.GUEST:
                text = t.n_("{names} attended as a guest.", "{names} attended as guests.", count)
            else:
                text = t.n_(
                    "{names} attended as a dialogue partner.",
                    "{names} attended as dialogue partners.",
                    count,
                )
            sentences.append(sentence(text.format(names=self.join(self.states(actors)))))
        return sentences

    def participants_sentence(self, parties: Sequence[Actor]) -> str:
        return self.t._("The participants were {parties}.").format(
            parties=self.join(self.states(parties))
        )
