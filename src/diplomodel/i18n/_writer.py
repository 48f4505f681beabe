"""The shared pieces of `describe`'s writers: names, dates, places and lists in one locale."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from diplomodel.dates import PartialDate, Precision
from diplomodel.dossier import Dossier
from diplomodel.i18n._formats import (
    format_date,
    format_date_range,
    format_list,
    person_name,
    state_name,
)
from diplomodel.i18n._labels import Message, message_for
from diplomodel.i18n._locales import Translator, translator
from diplomodel.i18n._phrases import KNOWN_LOCALITIES, MONTHS
from diplomodel.model.actors import Actor
from diplomodel.model.places import Place
from diplomodel.model.sectors import Sector
from diplomodel.organizations import Organization
from diplomodel.states import State

__all__ = ["Base", "full_stop", "sentence"]

_NO_SPACE_BETWEEN_SENTENCES = frozenset({"zh", "ja"})

#: English names of states that read with "the" inside a sentence: those
#: ending in a common noun ("the Soviet Union", "the United States") and
#: plural ones.
_THE_LAST_WORDS = frozenset(
    {"Union", "Republic", "States", "Kingdom", "Emirates", "Islands", "See", "Federation"}
)
_THE_NAMES = frozenset({"Netherlands", "Philippines", "Bahamas", "Gambia", "Maldives", "Comoros"})


def sentence(text: str) -> str:
    """The text with its first letter in upper case ("on 21 August" → "On 21 August")."""
    return text[:1].upper() + text[1:]


def full_stop(text: str) -> str:
    """One full stop at the end, where an abbreviation met the sentence's own ("1949 г..")."""
    return text[:-1] if text.endswith("..") else text


class Base:
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

    def actor(self, actor: Actor) -> str:
        """A state, organisation or body named as it reads inside a sentence.

        English puts "the" before the name of an organisation or a body unless
        the name is an acronym ("the European Union", "BRICS"), and before the
        name of a state that ends in a common noun or is plural ("the Soviet
        Union", "the Netherlands").
        """
        if isinstance(actor, State):
            name = state_name(actor, self.locale)
            if self.text_locale == "en" and (
                name in _THE_NAMES or name.rsplit(" ", 1)[-1] in _THE_LAST_WORDS
            ):
                return f"the {name}"
            return name
        if isinstance(actor, Organization):
            return self.in_text(actor.name_in(self.locale))
        return self.in_text(self.dossier.actor_name(actor, locale=self.locale))

    def in_text(self, name: str) -> str:
        """The name of an organisation or body inside a sentence ("the European Union")."""
        if self.text_locale == "en" and name != name.upper() and not name.startswith("the "):
            return f"the {name}"
        return name

    def states(self, parties: Iterable[Actor]) -> list[str]:
        return [self.actor(party) for party in parties]

    def people(self, ids: Iterable[str]) -> str:
        names = []
        for id_ in ids:
            try:
                names.append(person_name(self.dossier.person(id_), self.locale))
            except KeyError:
                names.append(id_)
        return self.join(names)

    def sectors(self, sectors: Iterable[Sector], other_topics: Iterable[str] = ()) -> str:
        """The sectors' labels, then the topics the vocabulary lacks as written."""
        return self.join([*(self.tr(message_for(sector)) for sector in sectors), *other_topics])

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

    def span(self, start: PartialDate, end: PartialDate | None) -> str:
        """An adverbial of time for one date or a range ("on August 22 – 24, 2023")."""
        if end is None or format_date_range(start, end, self.locale) == self.date(start):
            return self.when(start)
        dates = format_date_range(start, end, self.locale)
        if start.precision is Precision.DAY and end.precision is Precision.DAY:
            return self.t.p_("days", "on {dates}").format(dates=dates)
        return self.t.p_("months or years", "in {dates}").format(dates=dates)

    def where(self, place: Place | None) -> str | None:
        """An adverbial of place: "in Moscow"."""
        if place is None:
            return None
        if place.locality is not None:
            known = KNOWN_LOCALITIES.get(place.locality)
            if known is not None:
                return self.tr(known)
            locality = place.locality_in(self.locale) or place.locality
            return self.t._("in {locality}").format(locality=locality)
        return self.t._("in {state}").format(state=state_name(place.state, self.locale))

    def setting(
        self, on: PartialDate | None, place: Place | None, end: PartialDate | None = None
    ) -> str | None:
        when = None if on is None else self.span(on, end)
        where = self.where(place)
        if when is not None and where is not None:
            return self.t._("{when}, {where}").format(when=when, where=where)
        return when if when is not None else where

    def short(self, actor: Actor) -> str:
        """An actor as it reads in a format's name: an organisation by its acronym ("ЕС")."""
        if isinstance(actor, Organization):
            acronym = actor.acronym_in(self.locale)
            if acronym is not None:
                return acronym
        return self.actor(actor)

    def parties(self, parties: Sequence[Actor]) -> dict[str, str]:
        """The parties as a list ("the European Union and China") and a format ("ЕС – Китай")."""
        separator = self.t.p_("separator of the parties of a format, as in 'China – Russia'", " – ")
        return {
            "parties": self.join(self.states(parties)),
            "pair": separator.join(self.short(party) for party in parties),
        }
