"""Where something happened."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel._cities import city_in
from diplomodel.model._common import freeze_names, locale_names, name_for_locale
from diplomodel.states import State

__all__ = ["Place"]


@frozen(kw_only=True)
class Place:
    """A place: a state, and optionally a locality and a venue in it.

    Args:
        state: The state the place is in.
        locality: The city or town ("Moscow"), if known.
        venue: The building or site ("Kremlin"), if known.
        names: The locality's name in other languages, by locale, where CLDR's
            names (see `locality_in`) are missing or not the ones wanted.

    >>> from diplomodel.states import states
    >>> str(Place(locality="Moscow", venue="Kremlin", state=states.get("RU")))
    'Kremlin, Moscow, Russia'
    """

    state: State = field(validator=v.instance(State))
    locality: str | None = field(default=None, validator=v.optional(v.text(max_length=200)))
    venue: str | None = field(default=None, validator=v.optional(v.text(max_length=200)))
    names: Mapping[str, str] = field(
        factory=lambda: MappingProxyType({}),
        converter=freeze_names,
        validator=locale_names,
        hash=False,
    )

    def locality_in(self, locale: str) -> str | None:
        """The locality's name in a locale: from `names`, else from CLDR, else as recorded.

        CLDR names the cities of its time zones (Moscow, Johannesburg, but not
        Beijing, which shares Shanghai's zone); give other names in `names`.

        Args:
            locale: A locale identifier ("ru", "zh_Hant", "pt-BR").

        Returns:
            The name, or None when the place records no locality.

        Raises:
            ValueError: babel has no data for the locale.

        >>> from diplomodel.states import states
        >>> moscow = Place(state=states.get("RU"), locality="Moscow")
        >>> moscow.locality_in("zh"), moscow.locality_in("ru"), moscow.locality_in("en")
        ('莫斯科', 'Москва', 'Moscow')
        >>> beijing = Place(state=states.get("CN"), locality="Beijing", names={"ru": "Пекин"})
        >>> beijing.locality_in("ru"), beijing.locality_in("zh")
        ('Пекин', 'Beijing')
        """
        if self.locality is None:
            return None
        own = name_for_locale(self.names, "", locale)
        return own or city_in(self.locality, locale) or self.locality

    def __str__(self) -> str:
        parts = [p for p in (self.venue, self.locality) if p]
        return ", ".join([*parts, self.state.name])
