"""Ordinal numbers ("29th", "29-е", "第29") and anniversary phrases ("75-летие")."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from babel import Locale

from diplomodel.errors import ArgumentTypeError, InvalidArgumentError
from diplomodel.i18n._locales import parse_locale

__all__ = ["GENDERS", "anniversary_phrase", "ordinal"]

#: The grammatical genders `ordinal` understands.
GENDERS: Final = frozenset({"masculine", "feminine", "neuter"})

_Rule = Callable[[int, Locale, str], str]


def _english(n: int, parsed: Locale, _gender: str) -> str:
    suffix = {"one": "st", "two": "nd", "few": "rd"}.get(parsed.ordinal_form(n), "th")
    return f"{n}{suffix}"


def _french(n: int, parsed: Locale, gender: str) -> str:
    if parsed.ordinal_form(n) == "one":  # CLDR: only 1 is "one" ("1er", "1re")
        return f"{n}re" if gender == "feminine" else f"{n}er"
    return f"{n}e"


def _dot(n: int, _parsed: Locale, _gender: str) -> str:
    return f"{n}."


def _iberian(n: int, _parsed: Locale, gender: str) -> str:
    # The Real Academia Española writes a full stop before the ordinal indicator.
    return f"{n}.ª" if gender == "feminine" else f"{n}.º"


def _indicator(n: int, _parsed: Locale, gender: str) -> str:
    return f"{n}ª" if gender == "feminine" else f"{n}º"


def _dutch(n: int, _parsed: Locale, _gender: str) -> str:
    return f"{n}e"


def _swedish(n: int, parsed: Locale, _gender: str) -> str:
    return f"{n}:a" if parsed.ordinal_form(n) == "one" else f"{n}:e"


def _east_slavic(n: int, _parsed: Locale, gender: str) -> str:
    # Nominative case; the ending agrees with the noun ("29-й саммит",
    # "29-я встреча", "29-е заседание").
    return {"feminine": f"{n}-я", "neuter": f"{n}-е"}.get(gender, f"{n}-й")


def _prefix(prefix: str) -> _Rule:
    def rule(n: int, _parsed: Locale, _gender: str) -> str:
        return f"{prefix}{n}"

    return rule


def _arabic(n: int, _parsed: Locale, _gender: str) -> str:
    # CLDR puts every Arabic number in the ordinal category "other": there is no
    # suffix to choose. Arabic news text writes a numeric ordinal as the number
    # after the definite article and a tatweel ("الاجتماع الـ29"), in the
    # Western digits that CLDR's default Arabic number system uses.
    return f"الـ{n}"


_RULES: Final[dict[str, _Rule]] = {
    "en": _english,
    "fr": _french,
    "de": _dot,
    "da": _dot,
    "nb": _dot,
    "no": _dot,
    "fi": _dot,
    "cs": _dot,
    "sk": _dot,
    "pl": _dot,
    "tr": _dot,
    "hu": _dot,
    "es": _iberian,
    "it": _indicator,
    "pt": _indicator,
    "nl": _dutch,
    "sv": _swedish,
    "ru": _east_slavic,
    "uk": _east_slavic,
    "be": _east_slavic,
    "zh": _prefix("第"),
    "ja": _prefix("第"),
    "ko": _prefix("제"),
    "ar": _arabic,
}


def _check_number(n: object, *, minimum: int, what: str) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise ArgumentTypeError(f"{what} needs an int (got {type(n).__name__})")
    if n < minimum:
        raise InvalidArgumentError(f"{what} needs a number of at least {minimum} (got {n})")
    return n


def _rule(parsed: Locale, locale: str) -> _Rule:
    try:
        return _RULES[parsed.language]
    except KeyError:
        known = ", ".join(sorted(_RULES))
        raise InvalidArgumentError(
            f"no ordinal rule for locale {locale!r}; languages known: {known}"
        ) from None


def ordinal(n: int, locale: str, *, gender: str | None = None) -> str:
    """The ordinal of a number written with digits, as the locale writes it.

    The suffix is chosen by the CLDR ordinal plural category of the number
    (``babel.Locale.ordinal_form``) where the language has such suffixes
    (English "st", "nd", "rd", "th"; French "er" for 1; Swedish ":a"). Languages
    whose ordinal agrees with a noun take `gender`: Russian, Ukrainian and
    Belarusian (nominative "-й", "-я", "-е"), French ("1er", "1re"), Spanish,
    Italian and Portuguese ("º", "ª"). Other languages ignore it. Arabic gets
    the number after the definite article ("الـ29"), since CLDR gives Arabic
    no ordinal suffixes.

    Args:
        n: The number, 0 or more.
        locale: A locale identifier such as ``"en"``, ``"ru"`` or ``"zh_Hans"``.
        gender: ``"masculine"`` (the default form), ``"feminine"`` or ``"neuter"``.

    Returns:
        The ordinal, such as ``"29th"``.

    Raises:
        TypeError: `n` is not an int (a bool is refused).
        ValueError: `n` is negative, the locale is unknown or has no ordinal
            rule, or the gender is not one of the three.

    >>> [ordinal(n, "en") for n in (1, 2, 3, 11, 12, 13, 29, 101, 111)]
    ['1st', '2nd', '3rd', '11th', '12th', '13th', '29th', '101st', '111th']
    >>> ordinal(1, "fr"), ordinal(1, "fr", gender="feminine"), ordinal(29, "fr")
    ('1er', '1re', '29e')
    >>> ordinal(29, "de"), ordinal(29, "es"), ordinal(29, "es", gender="feminine")
    ('29.', '29.º', '29.ª')
    >>> ordinal(29, "ru"), ordinal(29, "ru", gender="feminine"), ordinal(29, "ru", gender="neuter")
    ('29-й', '29-я', '29-е')
    >>> ordinal(29, "zh")
    '第29'
    """
    number = _check_number(n, minimum=0, what="an ordinal")
    if gender is not None and gender not in GENDERS:
        raise InvalidArgumentError(
            f"'gender' must be one of {', '.join(sorted(GENDERS))} or None (got {gender!r})"
        )
    parsed = parse_locale(locale)
    return _rule(parsed, locale)(number, parsed, gender or "masculine")


def _anniversary_en(n: int, parsed: Locale) -> str:
    return f"{ordinal(n, str(parsed))} anniversary"


def _anniversary_ru(n: int, _parsed: Locale) -> str:
    # "1-летие" is not used: the first is "1-я годовщина".
    return "1-я годовщина" if n == 1 else f"{n}-летие"


def _anniversary_zh(n: int, _parsed: Locale) -> str:
    return f"{n}周年"


def _anniversary_fr(n: int, parsed: Locale) -> str:
    return f"{ordinal(n, str(parsed))} anniversaire"


def _anniversary_de(n: int, _parsed: Locale) -> str:
    return f"{n}. Jahrestag"


def _anniversary_es(n: int, _parsed: Locale) -> str:
    return f"{n}.º aniversario"


_ANNIVERSARIES: Final[dict[str, Callable[[int, Locale], str]]] = {
    "en": _anniversary_en,
    "ru": _anniversary_ru,
    "zh": _anniversary_zh,
    "fr": _anniversary_fr,
    "de": _anniversary_de,
    "es": _anniversary_es,
}


def anniversary_phrase(n: int, locale: str) -> str:
    """The name of the n-th anniversary in a language: "75th anniversary", "75-летие".

    Args:
        n: Which anniversary, 1 or more.
        locale: A locale identifier; its language must be English, Russian,
            Chinese, French, German or Spanish.

    Returns:
        The phrase, without an article.

    Raises:
        TypeError: `n` is not an int (a bool is refused).
        ValueError: `n` is less than 1, or the locale is unknown or its
            language has no phrase here.

    >>> anniversary_phrase(75, "en"), anniversary_phrase(75, "ru"), anniversary_phrase(75, "zh")
    ('75th anniversary', '75-летие', '75周年')
    >>> anniversary_phrase(75, "fr"), anniversary_phrase(75, "de"), anniversary_phrase(75, "es")
    ('75e anniversaire', '75. Jahrestag', '75.º aniversario')
    """
    number = _check_number(n, minimum=1, what="an anniversary")
    parsed = parse_locale(locale)
    try:
        phrase = _ANNIVERSARIES[parsed.language]
    except KeyError:
        known = ", ".join(sorted(_ANNIVERSARIES))
        raise InvalidArgumentError(
            f"no anniversary phrase for locale {locale!r}; languages known: {known}"
        ) from None
    return phrase(number, parsed)
