"""City names in other languages, from CLDR's exemplar cities of time zones. Private.

CLDR names one city for each time zone (``Europe/Moscow``: Москва, 莫斯科,
موسكو ...). That covers many capitals and large cities, but not all: Beijing
and New Delhi share the zones of Shanghai and Kolkata, so they are not there.
A `Place` with names of its own always wins over these.
"""

from __future__ import annotations

import functools
import unicodedata

from diplomodel._locale_ids import parse_locale

__all__ = ["city_in"]


def _key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).casefold().replace("-", " ").strip()


@functools.cache
def _zones() -> dict[str, str]:
    """Each city's English name (as a lookup key) and its time zone."""
    from babel.core import get_global  # noqa: PLC0415 - babel is loaded on first use

    english = parse_locale("en").time_zones
    zones: dict[str, str] = {}
    for zone in sorted(get_global("zone_territories")):
        city = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        zones.setdefault(_key(city), zone)
    return zones


def city_in(english: str, locale: str) -> str | None:
    """A city's name in a locale, when CLDR knows the city; else None.

    Raises:
        ArgumentTypeError: `locale` is not a str.
        InvalidArgumentError: babel has no data for the locale.

    >>> city_in("Moscow", "zh"), city_in("Johannesburg", "ru"), city_in("Beijing", "ru")
    ('莫斯科', 'Йоханнесбург', None)
    """
    zone = _zones().get(_key(english))
    if zone is None:
        return None
    found: str | None = parse_locale(locale).time_zones.get(zone, {}).get("city")
    return found
