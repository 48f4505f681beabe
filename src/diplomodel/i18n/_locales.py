"""Locale parsing and the gettext catalogs shipped with the package.

The locale is always an argument: nothing here reads the environment, the
system locale or the clock.
"""

from __future__ import annotations

import functools
import gettext
from importlib import resources
from typing import Final

from babel import Locale, UnknownLocaleError

from diplomodel.errors import ArgumentTypeError, InvalidArgumentError

__all__ = ["CATALOG_LANGUAGES", "DOMAIN", "Translator", "parse_locale", "translator"]

DOMAIN: Final = "diplomodel"

#: Languages with a message catalog under ``locales/``. English is the source
#: language and needs none. The Chinese catalog is written in simplified
#: characters, so it serves ``zh`` and ``zh_Hans`` but not ``zh_Hant``.
CATALOG_LANGUAGES: Final = ("ru", "zh")

_TRADITIONAL_TERRITORIES: Final = frozenset({"TW", "HK", "MO"})


@functools.lru_cache(maxsize=256)
def parse_locale(locale: str) -> Locale:
    """The babel `Locale` for an identifier such as ``"ru"``, ``"zh_Hans_CN"`` or ``"pt-BR"``.

    Raises:
        TypeError: `locale` is not a str.
        ValueError: babel has no data for the locale.
    """
    if not isinstance(locale, str):
        raise ArgumentTypeError(
            f"a locale must be a str such as 'en' (got {type(locale).__name__})"
        )
    try:
        return Locale.parse(locale.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise InvalidArgumentError(f"unknown locale {locale!r}: {exc}") from None


def catalog_language(parsed: Locale) -> str | None:
    """The language of the shipped catalog that serves a locale, or None for English text."""
    if parsed.language not in CATALOG_LANGUAGES:
        return None
    if parsed.language == "zh" and (
        parsed.script == "Hant"
        or (parsed.script is None and parsed.territory in _TRADITIONAL_TERRITORIES)
    ):
        return None
    return parsed.language


class Translator:
    """Looks messages up in one catalog; the method names are the extraction keywords.

    Args:
        catalog: The loaded gettext catalog (`gettext.NullTranslations` for English).
        language: The catalog's language, or None when the text is English.
        locale: The babel locale that names, dates and lists are formatted for.
    """

    __slots__ = ("_catalog", "language", "locale")

    def __init__(
        self, catalog: gettext.NullTranslations, language: str | None, locale: Locale
    ) -> None:
        self._catalog = catalog
        self.language = language
        self.locale = locale

    def _(self, message: str) -> str:
        """The translation of a message."""
        return self._catalog.gettext(message)

    def p_(self, context: str, message: str) -> str:
        """The translation of a message in a context."""
        return self._catalog.pgettext(context, message)

    def n_(self, singular: str, plural: str, count: int) -> str:
        """The translation of a message whose form depends on a count."""
        return self._catalog.ngettext(singular, plural, count)


@functools.lru_cache(maxsize=len(CATALOG_LANGUAGES) + 1)
def _catalog(language: str | None) -> gettext.NullTranslations:
    if language is None:
        return gettext.NullTranslations()
    resource = (
        resources.files("diplomodel.i18n") / "locales" / language / "LC_MESSAGES" / f"{DOMAIN}.mo"
    )
    with resource.open("rb") as stream:
        return gettext.GNUTranslations(stream)


def translator(locale: str) -> Translator:
    """The translator for a locale: its catalog, or English text when there is none.

    Raises:
        TypeError: `locale` is not a str.
        ValueError: babel has no data for the locale.
    """
    parsed = parse_locale(locale)
    language = catalog_language(parsed)
    return Translator(_catalog(language), language, parsed)
