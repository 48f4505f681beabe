"""Phrase tables for `describe`, marked for translation.

Each table maps a model value to a message whose translation is a whole
phrase, so that translators can choose word order, case and agreement (a
Russian ordinal agrees with its noun; a Chinese one comes first).
"""

from __future__ import annotations

from typing import Final, NamedTuple

from diplomodel.i18n._labels import Message, mark
from diplomodel.model.actors import BodyKind
from diplomodel.model.documents import AgreementForm
from diplomodel.model.meetings import MeetingFormat, MeetingKind, MeetingLevel
from diplomodel.model.people import OfficeKind
from diplomodel.organizations import OrganizationKind

__all__ = [
    "BATCH_FORMS",
    "BODY_KINDS",
    "DOCUMENT_FORMS",
    "FORMATS",
    "FORMAT_SENTENCES",
    "KNOWN_LEVELS",
    "KNOWN_LOCALITIES",
    "LEVELS",
    "MEETINGS",
    "MEETING_LEVELS",
    "MONTHS",
    "NUMBERED_MEETINGS",
    "ORGANIZATION_KINDS",
    "REVISED_FORMS",
    "Plural",
]


class Plural(NamedTuple):
    """A message with a plural, marked for translation but not yet translated."""

    singular: str
    plural: str


def n_(singular: str, plural: str) -> Plural:
    """Mark a message with a plural for extraction; translate it later (`Translator.n_`)."""
    return Plural(singular, plural)


#: A meeting with its number in a series; ``{ordinal}`` is "29th", ``{number}`` is 29.
NUMBERED_MEETINGS: Final = {
    MeetingKind.REGULAR_MEETING: mark("numbered meeting", "the {ordinal} regular meeting"),
    MeetingKind.SUMMIT: mark("numbered meeting", "the {ordinal} summit"),
    MeetingKind.STATE_VISIT: mark("numbered meeting", "the {ordinal} state visit"),
    MeetingKind.OFFICIAL_VISIT: mark("numbered meeting", "the {ordinal} official visit"),
    MeetingKind.WORKING_VISIT: mark("numbered meeting", "the {ordinal} working visit"),
    MeetingKind.TALKS: mark("numbered meeting", "the {ordinal} round of talks"),
    MeetingKind.CONSULTATIONS: mark("numbered meeting", "the {ordinal} round of consultations"),
    MeetingKind.PHONE_CALL: mark("numbered meeting", "the {ordinal} phone call"),
    MeetingKind.VIDEO_CONFERENCE: mark("numbered meeting", "the {ordinal} video conference"),
    MeetingKind.MINISTERIAL_MEETING: mark("numbered meeting", "the {ordinal} ministerial meeting"),
    MeetingKind.COMMITTEE_SESSION: mark("numbered meeting", "the {ordinal} committee session"),
    MeetingKind.SIGNING_CEREMONY: mark("numbered meeting", "the {ordinal} signing ceremony"),
    MeetingKind.RECEPTION: mark("numbered meeting", "the {ordinal} reception"),
    MeetingKind.COMMEMORATION: mark("numbered meeting", "the {ordinal} commemoration"),
    MeetingKind.DIALOGUE: mark("numbered meeting", "the {ordinal} round of the dialogue"),
    MeetingKind.OTHER: mark("numbered meeting", "the {ordinal} meeting"),
}

#: A meeting without a number.
MEETINGS: Final = {
    MeetingKind.REGULAR_MEETING: mark("meeting", "a regular meeting"),
    MeetingKind.SUMMIT: mark("meeting", "a summit"),
    MeetingKind.STATE_VISIT: mark("meeting", "a state visit"),
    MeetingKind.OFFICIAL_VISIT: mark("meeting", "an official visit"),
    MeetingKind.WORKING_VISIT: mark("meeting", "a working visit"),
    MeetingKind.TALKS: mark("meeting", "talks"),
    MeetingKind.CONSULTATIONS: mark("meeting", "consultations"),
    MeetingKind.PHONE_CALL: mark("meeting", "a phone call"),
    MeetingKind.VIDEO_CONFERENCE: mark("meeting", "a video conference"),
    MeetingKind.MINISTERIAL_MEETING: mark("meeting", "a ministerial meeting"),
    MeetingKind.COMMITTEE_SESSION: mark("meeting", "a committee session"),
    MeetingKind.SIGNING_CEREMONY: mark("meeting", "a signing ceremony"),
    MeetingKind.RECEPTION: mark("meeting", "a reception"),
    MeetingKind.COMMEMORATION: mark("meeting", "a commemoration"),
    MeetingKind.DIALOGUE: mark("meeting", "a round of dialogue"),
    MeetingKind.OTHER: mark("meeting", "a meeting"),
}

#: Who meets in a series, as it reads in "the meeting between the ... of".
LEVELS: Final = {
    OfficeKind.HEAD_OF_STATE: mark("meeting level", "heads of state"),
    OfficeKind.HEAD_OF_GOVERNMENT: mark("meeting level", "heads of government"),
    OfficeKind.DEPUTY_HEAD_OF_GOVERNMENT: mark("meeting level", "deputy heads of government"),
    OfficeKind.FOREIGN_MINISTER: mark("meeting level", "foreign ministers"),
    OfficeKind.MINISTER: mark("meeting level", "ministers"),
    OfficeKind.AMBASSADOR: mark("meeting level", "ambassadors"),
    OfficeKind.OTHER: mark("meeting level", "officials"),
}

#: A cooperation document by its form.
DOCUMENT_FORMS: Final[dict[AgreementForm | None, Message]] = {
    AgreementForm.AGREEMENT: mark("document", "an agreement"),
    AgreementForm.MEMORANDUM: mark("document", "a memorandum"),
    AgreementForm.PLAN: mark("document", "a plan"),
    AgreementForm.PROTOCOL: mark("document", "a protocol"),
    AgreementForm.PROGRAMME: mark("document", "a programme"),
    AgreementForm.TREATY: mark("document", "a treaty"),
    AgreementForm.CONVENTION: mark("document", "a convention"),
    AgreementForm.EXCHANGE_OF_NOTES: mark("document", "an exchange of notes"),
    AgreementForm.ACTION_PLAN: mark("document", "an action plan"),
    AgreementForm.ROAD_MAP: mark("document", "a road map"),
    AgreementForm.DECISION: mark("document", "a decision"),
    AgreementForm.CHARTER: mark("document", "a charter"),
    AgreementForm.LETTER_OF_INTENT: mark("document", "a letter of intent"),
    AgreementForm.CONTRACT: mark("document", "a contract"),
    AgreementForm.MINUTES: mark("document", "minutes"),
    None: mark("document", "a cooperation document"),
}

#: A cooperation document that revises an earlier one, by its form.
REVISED_FORMS: Final[dict[AgreementForm | None, Message]] = {
    AgreementForm.AGREEMENT: mark("revised document", "a revised agreement"),
    AgreementForm.MEMORANDUM: mark("revised document", "a revised memorandum"),
    AgreementForm.PLAN: mark("revised document", "a revised plan"),
    AgreementForm.PROTOCOL: mark("revised document", "a revised protocol"),
    AgreementForm.PROGRAMME: mark("revised document", "a revised programme"),
    AgreementForm.TREATY: mark("revised document", "a revised treaty"),
    AgreementForm.CONVENTION: mark("revised document", "a revised convention"),
    AgreementForm.EXCHANGE_OF_NOTES: mark("revised document", "a revised exchange of notes"),
    AgreementForm.ACTION_PLAN: mark("revised document", "a revised action plan"),
    AgreementForm.ROAD_MAP: mark("revised document", "a revised road map"),
    AgreementForm.DECISION: mark("revised document", "a revised decision"),
    AgreementForm.CHARTER: mark("revised document", "a revised charter"),
    AgreementForm.LETTER_OF_INTENT: mark("revised document", "a revised letter of intent"),
    AgreementForm.CONTRACT: mark("revised document", "a revised contract"),
    AgreementForm.MINUTES: mark("revised document", "revised minutes"),
    None: mark("revised document", "a revised cooperation document"),
}

#: A batch of documents a report counts ("28 memoranda"), by their form.
BATCH_FORMS: Final[dict[AgreementForm | None, Plural]] = {
    AgreementForm.AGREEMENT: n_("{count} agreement", "{count} agreements"),
    AgreementForm.MEMORANDUM: n_("{count} memorandum", "{count} memoranda"),
    AgreementForm.PLAN: n_("{count} plan", "{count} plans"),
    AgreementForm.PROTOCOL: n_("{count} protocol", "{count} protocols"),
    AgreementForm.PROGRAMME: n_("{count} programme", "{count} programmes"),
    AgreementForm.TREATY: n_("{count} treaty", "{count} treaties"),
    AgreementForm.CONVENTION: n_("{count} convention", "{count} conventions"),
    AgreementForm.EXCHANGE_OF_NOTES: n_("{count} exchange of notes", "{count} exchanges of notes"),
    AgreementForm.ACTION_PLAN: n_("{count} action plan", "{count} action plans"),
    AgreementForm.ROAD_MAP: n_("{count} road map", "{count} road maps"),
    AgreementForm.DECISION: n_("{count} decision", "{count} decisions"),
    AgreementForm.CHARTER: n_("{count} charter", "{count} charters"),
    AgreementForm.LETTER_OF_INTENT: n_("{count} letter of intent", "{count} letters of intent"),
    AgreementForm.CONTRACT: n_("{count} contract", "{count} contracts"),
    AgreementForm.MINUTES: n_("{count} set of minutes", "{count} sets of minutes"),
    None: n_("{count} cooperation document", "{count} cooperation documents"),
}

#: "in <month> <year>", month by month: some languages inflect the month.
MONTHS: Final = (
    mark("month", "in January {year}"),
    mark("month", "in February {year}"),
    mark("month", "in March {year}"),
    mark("month", "in April {year}"),
    mark("month", "in May {year}"),
    mark("month", "in June {year}"),
    mark("month", "in July {year}"),
    mark("month", "in August {year}"),
    mark("month", "in September {year}"),
    mark("month", "in October {year}"),
    mark("month", "in November {year}"),
    mark("month", "in December {year}"),
)

#: "in <city>" for cities whose names the catalogs translate (English name as
#: recorded in `Place.locality`). Other localities are shown as recorded.
KNOWN_LOCALITIES: Final = {
    "Moscow": mark("in locality", "in Moscow"),
    "Beijing": mark("in locality", "in Beijing"),
    "Saint Petersburg": mark("in locality", "in Saint Petersburg"),
    "Shanghai": mark("in locality", "in Shanghai"),
    "Vladivostok": mark("in locality", "in Vladivostok"),
    "Harbin": mark("in locality", "in Harbin"),
    "Sochi": mark("in locality", "in Sochi"),
    "Kazan": mark("in locality", "in Kazan"),
    "Astana": mark("in locality", "in Astana"),
    "Minsk": mark("in locality", "in Minsk"),
    "Johannesburg": mark("in locality", "in Johannesburg"),
    "New Delhi": mark("in locality", "in New Delhi"),
    "Brussels": mark("in locality", "in Brussels"),
    "Paris": mark("in locality", "in Paris"),
    "Chengdu": mark("in locality", "in Chengdu"),
}

#: Partnership levels whose names the catalogs translate (English name as
#: recorded in `PartnershipLevel.name`). Other names are shown as recorded.
KNOWN_LEVELS: Final = {
    "constructive partnership": mark("partnership level", "constructive partnership"),
    "strategic partnership": mark("partnership level", "strategic partnership"),
    "comprehensive strategic partnership": mark(
        "partnership level", "comprehensive strategic partnership"
    ),
    "strategic partnership of coordination": mark(
        "partnership level", "strategic partnership of coordination"
    ),
    "comprehensive strategic partnership of coordination": mark(
        "partnership level", "comprehensive strategic partnership of coordination"
    ),
    "comprehensive strategic partnership of coordination for a new era": mark(
        "partnership level", "comprehensive strategic partnership of coordination for a new era"
    ),
}

#: A meeting at a level of `MeetingLevel`: "talks at ministerial level".
MEETING_LEVELS: Final = {
    MeetingLevel.LEADERS: mark("meeting at a level", "{meeting} at the level of leaders"),
    MeetingLevel.MINISTERIAL: mark("meeting at a level", "{meeting} at ministerial level"),
    MeetingLevel.VICE_MINISTERIAL: mark(
        "meeting at a level", "{meeting} at vice-ministerial level"
    ),
    MeetingLevel.SENIOR_OFFICIALS: mark(
        "meeting at a level", "{meeting} at the level of senior officials"
    ),
    MeetingLevel.WORKING_GROUP: mark("meeting at a level", "{meeting} at working-group level"),
    MeetingLevel.PARLIAMENTARY: mark("meeting at a level", "{meeting} between parliaments"),
    MeetingLevel.PARTY: mark("meeting at a level", "{meeting} between political parties"),
}

#: A meeting held otherwise than in person: "…, held by video link".
FORMATS: Final = {
    MeetingFormat.VIDEO_LINK: mark("meeting format", "{meeting}, held by video link"),
    MeetingFormat.PHONE: mark("meeting format", "{meeting}, held by telephone"),
    MeetingFormat.HYBRID: mark(
        "meeting format", "{meeting}, held partly in person and partly by video link"
    ),
}

#: The sentence that says how a meeting was held otherwise than in person.
FORMAT_SENTENCES: Final = {
    MeetingFormat.VIDEO_LINK: mark(
        "meeting format sentence", "The meeting was held by video link."
    ),
    MeetingFormat.PHONE: mark("meeting format sentence", "The meeting was held by telephone."),
    MeetingFormat.HYBRID: mark(
        "meeting format sentence", "The meeting was held partly in person and partly by video link."
    ),
}

#: What an organisation is, as it reads after "is": "a regional organisation".
ORGANIZATION_KINDS: Final = {
    OrganizationKind.INTERGOVERNMENTAL: mark(
        "organisation is", "an intergovernmental organisation"
    ),
    OrganizationKind.REGIONAL: mark("organisation is", "a regional organisation"),
    OrganizationKind.FORUM: mark("organisation is", "an intergovernmental forum"),
    OrganizationKind.SPECIALIZED_AGENCY: mark(
        "organisation is", "a specialised agency of the United Nations"
    ),
    OrganizationKind.UN_PROGRAMME: mark(
        "organisation is", "a programme or fund of the United Nations"
    ),
    OrganizationKind.RELATED_ORGANIZATION: mark(
        "organisation is", "an organisation related to the United Nations"
    ),
    OrganizationKind.MILITARY_ALLIANCE: mark("organisation is", "a military alliance"),
    OrganizationKind.DEVELOPMENT_BANK: mark("organisation is", "a development bank"),
}

#: What a government body is, as it reads in "… is {kind} of {state}".
BODY_KINDS: Final = {
    BodyKind.GOVERNMENT: mark("body is", "the government"),
    BodyKind.MINISTRY: mark("body is", "a ministry"),
    BodyKind.AGENCY: mark("body is", "a government agency"),
    BodyKind.LEGISLATURE: mark("body is", "a legislature"),
    BodyKind.REGIONAL_GOVERNMENT: mark("body is", "a regional government"),
    BodyKind.POLITICAL_PARTY: mark("body is", "a political party"),
    BodyKind.STATE_COMPANY: mark("body is", "a state company"),
    BodyKind.CENTRAL_BANK: mark("body is", "the central bank"),
    BodyKind.COURT: mark("body is", "a court"),
    BodyKind.ORGAN: mark("body is", "a state organ"),
    BodyKind.OTHER: mark("body is", "a public body"),
}
