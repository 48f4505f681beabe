"""Locale identifiers: the one place where their spelling is read and normalised.

Users write "pt-BR", "zh-Hans", "EN" or " ru "; babel spells them "pt_BR",
"zh_Hans", "en", "ru". Every part of the library that takes a locale (names
in the model, state names, date parsing, formatting) goes through here, so
they all accept the same spellings and reject the same mistakes.
"""

from __future__ import annotations

import functools
import typing

from diplomodel.errors import ArgumentTypeError, InvalidArgumentError

if typing.TYPE_CHECKING:
    from babel import Locale

# babel is imported where it is used: importing diplomodel must not load CLDR machinery.

_T = typing.TypeVar("_T")

__all__ = ["canonical_locale", "locale_fallbacks", "parse_locale", "respell"]


@functools.cache
def _known() -> frozenset[str]:
    from babel.localedata import locale_identifiers  # noqa: PLC0415 - loaded on first use

    return frozenset(locale_identifiers())


@functools.lru_cache(maxsize=256)
def canonical_locale(text: str) -> str | None:
    """Babel's spelling of a locale identifier it has data for, or None.

    Only the spelling changes (separators, letter case, outer spaces); the
    identifier is never swapped for another one.

    >>> canonical_locale("zh-Hans"), canonical_locale(" pt-br "), canonical_locale("EN")
    ('zh_Hans', 'pt_BR', 'en')
    >>> canonical_locale("xx") is None, canonical_locale("zh_CN") is None
    (True, True)
    """
    from babel.core import get_locale_identifier  # noqa: PLC0415 - loaded on first use
    from babel.core import parse_locale as _split  # noqa: PLC0415

    try:
        spelled = get_locale_identifier(_split(text.strip().replace("-", "_")))
    except (ValueError, TypeError, AttributeError):
        return None
    return spelled if spelled in _known() else None


@functools.lru_cache(maxsize=256)
def parse_locale(locale: str) -> Locale:
    """The babel `Locale` for an identifier such as ``"ru"``, ``"zh_Hans_CN"`` or ``"pt-BR"``.

    Raises:
        ArgumentTypeError: `locale` is not a str (a `TypeError`).
        InvalidArgumentError: babel has no data for the locale (a `ValueError`).

    >>> str(parse_locale("zh-CN")), str(parse_locale("pt-BR"))
    ('zh_Hans_CN', 'pt_BR')
    """
    if not isinstance(locale, str):
        raise ArgumentTypeError(
            f"a locale must be a str such as 'en' (got {type(locale).__name__})"
        )
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415 - loaded on first use

    try:
        return Locale.parse(locale.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise InvalidArgumentError(f"unknown locale {locale!r}: {exc}") from None


@functools.lru_cache(maxsize=256)
def locale_fallbacks(locale: str) -> tuple[str, ...]:
    """The identifiers to look up for a locale, most specific first.

    Raises:
        TypeError: `locale` is not a str.
        ValueError: babel has no data for the locale.

    >>> locale_fallbacks("zh-Hans-CN")
    ('zh_Hans_CN', 'zh_Hans', 'zh')
    >>> locale_fallbacks("zh_CN")
    ('zh_CN', 'zh_Hans_CN', 'zh_Hans', 'zh')
    """
    from babel.core import get_locale_identifier  # noqa: PLC0415 - loaded on first use
    from babel.core import parse_locale as _split  # noqa: PLC0415

    parsed = parse_locale(locale)
    parts = [p for p in (parsed.language, parsed.script, parsed.territory, parsed.variant) if p]
    chain = ["_".join(parts[:end]) for end in range(len(parts), 0, -1)]
    written = get_locale_identifier(_split(locale.strip().replace("-", "_")))
    return tuple(dict.fromkeys([written, *chain]))


def respell(value: _T) -> _T:
    """A locale identifier in babel's spelling; anything else unchanged, for a validator to judge.

    The attrs converter of every field that holds a locale.

    >>> respell("zh-Hant"), respell("nonsense"), respell(None)
    ('zh_Hant', 'nonsense', None)
    """
    if isinstance(value, str):
        return typing.cast("_T", canonical_locale(value) or value)
    return value
