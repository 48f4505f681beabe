"""Reading dates out of news-style text (private; use `diplomodel.parse_date`).

The parser is deliberately literal. Text is cut into tokens, every token must
be recognised, and the recognised parts must make exactly one date; anything
else is an error. Nothing is guessed: there is no fuzzy mode, no two-digit
year, no "nearest" year for a month and day.

Month and weekday names come from CLDR through babel, in every width a
newspaper uses (wide and abbreviated, "format" and "stand-alone" contexts, so
the Russian genitive "августа" and the nominative "август" are both known).
What CLDR does not hold is written out here, in the small tables below, and
only for English, Russian and Chinese:

* words around a date: "on", "the", "of", "in"; "в", "во"; "于", "在";
* relative weekdays: "last"/"next"; "прошлую"/"следующую" (and the other
  genders); the Chinese week prefixes 上 (last week), 本/这 (this week),
  下 (next week);
* Russian year words after a number: "год", "года", "году", "г.";
* Russian weekday accusatives ("в среду"): a weekday name ending in -а also
  ends in -у (среда → среду, пятница → пятницу, суббота → субботу);
* Chinese weekday prefixes beyond CLDR's 星期 and 周: 週, 礼拜, 禮拜, each
  followed by CLDR's one-character day name, and 天 for Sunday (星期天);
* English spellings CLDR lacks: "Sept", "Tues", "Thur", "Thurs", "Weds".

Any other CLDR locale gets its month and weekday names but no extra words.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import Any

from attrs import frozen
from babel import Locale
from babel.dates import get_day_names, get_month_names
from dateutil.parser import isoparse

from diplomodel._locale_ids import parse_locale

__all__ = ["Lexicon", "Reading", "Relative", "fold", "lexicon", "read"]


class Relative(enum.Enum):
    """How a weekday given without a date relates to the dateline."""

    LATEST = "latest"  # "Wednesday", "on Wednesday": the dateline or the days before
    LAST = "last"  # "last Wednesday": strictly before the dateline, within 7 days
    NEXT = "next"  # "next Wednesday": strictly after the dateline, within 7 days
    PREVIOUS_WEEK = "previous_week"  # 上周三: that day in the week before (weeks start Monday)
    THIS_WEEK = "this_week"  # 本周三, 这周三
    NEXT_WEEK = "next_week"  # 下周三


@frozen(kw_only=True)
class Reading:
    """The parts of a date that a text gave, not yet checked against a calendar."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # Monday is 0, as in `datetime.date.weekday()`
    relative: Relative | None = None


@frozen(kw_only=True)
class Lexicon:
    """The words of one locale that the parser knows, casefolded."""

    language: str
    months: Mapping[str, int]
    weekdays: Mapping[str, int]


_EXTRA_MONTHS: Mapping[str, Mapping[str, int]] = {"en": {"sept": 9}}
_EXTRA_WEEKDAYS: Mapping[str, Mapping[str, int]] = {
    "en": {"tues": 1, "weds": 2, "thur": 3, "thurs": 3},
}
_FILLERS: Mapping[str, frozenset[str]] = {
    "en": frozenset({"on", "the", "of", "in"}),
    "ru": frozenset({"в", "во"}),
}
_YEAR_WORDS: Mapping[str, frozenset[str]] = {"ru": frozenset({"год", "года", "году", "г", "г."})}
_MODIFIERS: Mapping[str, Mapping[str, Relative]] = {
    "en": {"last": Relative.LAST, "next": Relative.NEXT},
    "ru": {
        **dict.fromkeys(("прошлый", "прошлую", "прошлое"), Relative.LAST),
        **dict.fromkeys(("следующий", "следующую", "следующее"), Relative.NEXT),
    },
}
_ZH_WEEK_PREFIXES = ("周", "週", "星期", "礼拜", "禮拜")
_ZH_MODIFIERS: Mapping[str, Relative] = {
    "上": Relative.PREVIOUS_WEEK,
    "本": Relative.THIS_WEEK,
    "这": Relative.THIS_WEEK,
    "這": Relative.THIS_WEEK,
    "下": Relative.NEXT_WEEK,
}
_ORDINAL_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}


def _unique(pairs: Iterable[tuple[str, int]]) -> dict[str, int]:
    """A name table without the names that mean two different things."""
    table: dict[str, int] = {}
    clashes: set[str] = set()
    for name, value in pairs:
        if table.setdefault(name, value) != value:
            clashes.add(name)
    return {name: value for name, value in table.items() if name not in clashes}


def fold(text: str) -> str:
    """Compatibility-normalise (full-width digits) and casefold."""
    return unicodedata.normalize("NFKC", text).casefold().strip()


def _with_dotless(names: Mapping[int, str]) -> Iterator[tuple[str, int]]:
    """Casefolded names, and abbreviations also without their final dot ("авг.", "авг")."""
    for number, name in names.items():
        folded = fold(name)
        yield folded, number
        if folded.endswith(".") and len(folded) > 1:
            yield folded[:-1], number


def _cldr_names(locale: Locale, *, months: bool) -> Iterator[tuple[str, int]]:
    for context in ("format", "stand-alone"):
        if months:
            yield from _with_dotless(get_month_names("wide", context, locale))
            yield from _with_dotless(get_month_names("abbreviated", context, locale))
        else:
            yield from _with_dotless(get_day_names("wide", context, locale))
            yield from _with_dotless(get_day_names("abbreviated", context, locale))
            yield from _with_dotless(get_day_names("short", context, locale))


def _weekday_names(locale: Locale) -> Iterator[tuple[str, int]]:
    yield from _cldr_names(locale, months=False)
    language = locale.language
    yield from _EXTRA_WEEKDAYS.get(language, {}).items()
    if language == "ru":
        for number, name in get_day_names("wide", "format", locale).items():
            if name.endswith("а"):
                yield fold(name[:-1] + "у"), number
    if language == "zh":
        for number, name in get_day_names("narrow", "format", locale).items():
            for prefix in _ZH_WEEK_PREFIXES:
                yield prefix + name, number
                if number == 6:
                    yield prefix + "天", number


@functools.lru_cache(maxsize=64)
def lexicon(locale: str) -> Lexicon:
    """The month and weekday names of a locale ("en", "ru", "zh_Hant", "pt-BR").

    Raises:
        TypeError: The locale is not a string.
        ValueError: CLDR does not know the locale.
    """
    parsed = parse_locale(locale)
    extra = _EXTRA_MONTHS.get(parsed.language, {})
    months = _unique([*_cldr_names(parsed, months=True), *extra.items()])
    weekdays = _unique(_weekday_names(parsed))
    return Lexicon(
        language=parsed.language,
        months=MappingProxyType(months),
        weekdays=MappingProxyType(weekdays),
    )


# -- tokens -----------------------------------------------------------------

_NUMERIC = (
    r"(?P<ymd>(?P<y1>\d{4})(?P<s1>[./-])(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2}))(?!\d)"
    r"|(?P<dmy>(?P<a2>\d{1,2})(?P<s2>[./-])(?P<b2>\d{1,2})(?P=s2)(?P<y2>\d{4}))(?!\d)"
    r"|(?P<my>(?P<m3>\d{1,2})[./](?P<y3>\d{4})|(?P<y4>\d{4})-(?P<m4>\d{1,2}))(?![\d./-])"
)
_SPACED = re.compile(
    _NUMERIC + r"|(?P<num>\d+)(?!\d)(?P<suffix>st|nd|rd|th)?(?![^\W\d_])"
    r"|(?P<word>[^\W\d_]+\.?)|(?P<punct>[,.()]|\s+)"
)
_DIGIT_SPACING = re.compile(r"(?<=\d)\s+(?!\d)|(?<!\d)\s+(?=\d)")
_ISO_WHOLE = re.compile(  # extended or basic calendar, week and ordinal dates, maybe a time
    r"\d{4}(?:-\d{2}-\d{2}(?:T.+)?|\d{4}(?:T.+)?|-W\d{2}-\d|W\d{3}|-\d{3}|\d{3})", re.IGNORECASE
)


@frozen
class _Token:
    kind: str  # year, month, day, date, weekday, modifier, year_word
    value: Any  # an int, a (year, month, day) tuple or a Relative, by kind
    text: str


def _numeric_date(match: re.Match[str], *, dayfirst: bool | None) -> tuple[int, int, int]:
    """Year, month and day of an all-digit date: see `diplomodel.parse_date` for the rule."""
    if match["ymd"]:
        return int(match["y1"]), int(match["m1"]), int(match["d1"])
    first, second, year = int(match["a2"]), int(match["b2"]), int(match["y2"])
    if dayfirst is None:
        if match["s2"] == "." or (first > 12 >= second) or first == second:
            dayfirst = True
        elif second > 12 >= first:
            dayfirst = False
        else:
            raise ValueError(
                f"{match[0]!r} is ambiguous (day/month or month/day?): pass dayfirst=True or False"
            )
    return (year, second, first) if dayfirst else (year, first, second)


def _number(text: str, suffix: str | None) -> _Token:
    value = int(text)
    if suffix is None and len(text) == 4:
        return _Token("year", value, text)
    if len(text) <= 2 and 1 <= value <= 31:
        expected = "th" if 10 <= value % 100 <= 20 else _ORDINAL_SUFFIXES.get(value % 10, "th")
        if suffix in {None, expected}:
            return _Token("day", value, text + (suffix or ""))
    raise ValueError(f"{text + (suffix or '')!r} is neither a day of the month nor a year")


def _word(word: str, words: Lexicon) -> _Token | None:
    language = words.language
    bare = word.removesuffix(".")
    for key in (word, bare):
        if key in words.months:
            return _Token("month", words.months[key], word)
        if key in words.weekdays:
            return _Token("weekday", words.weekdays[key], word)
        if key in _YEAR_WORDS.get(language, ()):
            return _Token("year_word", None, word)
        if key in _MODIFIERS.get(language, {}):
            return _Token("modifier", _MODIFIERS[language][key], word)
    if bare in _FILLERS.get(language, ()):
        return None
    raise ValueError(f"{word!r} is not part of a date")


def _numeric_token(match: re.Match[str], *, dayfirst: bool | None) -> _Token | None:
    """The token of an all-digit date ("21.08.2024", "2024-08"), if the match is one."""
    if match["ymd"] or match["dmy"]:
        return _Token("date", _numeric_date(match, dayfirst=dayfirst), match[0])
    if match["my"]:
        year, month = match["y3"] or match["y4"], match["m3"] or match["m4"]
        return _Token("date", (int(year), int(month), None), match[0])
    return None


def _spaced_tokens(text: str, words: Lexicon, *, dayfirst: bool | None) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        match = _SPACED.match(text, position)
        if match is None:
            raise ValueError(f"{text[position:]!r} is not part of a date")
        position = match.end()
        numeric = _numeric_token(match, dayfirst=dayfirst)
        if numeric is not None:
            tokens.append(numeric)
        elif match["num"]:
            tokens.append(_number(match["num"], match["suffix"]))
        elif match["word"]:
            token = _word(match["word"], words)
            if token is not None:
                tokens.append(token)
    return tokens


@functools.lru_cache(maxsize=16)
def _chinese_pattern(locale: str) -> re.Pattern[str]:
    words = lexicon(locale)

    def alternation(names: Mapping[str, int]) -> str:
        return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))

    return re.compile(
        _NUMERIC + r"|(?P<year>\d{4})年|(?P<day>\d{1,2})[日号號]"
        f"|(?P<month>{alternation(words.months)})"
        f"|(?P<modifier>[{''.join(_ZH_MODIFIERS)}])[个個]?(?=(?:{alternation(words.weekdays)}))"
        f"|(?P<weekday>{alternation(words.weekdays)})"
        r"|(?P<filler>[于於在])|(?P<punct>[,.()、]|\s+)"
    )


def _chinese_tokens(text: str, locale: str, *, dayfirst: bool | None) -> list[_Token]:
    words = lexicon(locale)
    pattern = _chinese_pattern(locale)
    tokens: list[_Token] = []
    position = 0
    while position < len(text):
        match = pattern.match(text, position)
        if match is None:
            raise ValueError(f"{text[position:]!r} is not part of a date")
        position = match.end()
        numeric = _numeric_token(match, dayfirst=dayfirst)
        if numeric is not None:
            tokens.append(numeric)
        elif match["year"]:
            tokens.append(_Token("year", int(match["year"]), match[0]))
        elif match["day"]:
            tokens.append(_number(match["day"], None))
        elif match["month"]:
            tokens.append(_Token("month", words.months[match["month"]], match[0]))
        elif match["modifier"]:
            tokens.append(_Token("modifier", _ZH_MODIFIERS[match["modifier"]], match[0]))
        elif match["weekday"]:
            tokens.append(_Token("weekday", words.weekdays[match["weekday"]], match[0]))
    return tokens


# -- grammar ----------------------------------------------------------------


def _collect(tokens: list[_Token]) -> dict[str, _Token]:
    """The tokens by kind, each kind at most once; year words must follow a year."""
    parts: dict[str, _Token] = {}
    for index, token in enumerate(tokens):
        if token.kind == "year_word":
            if index == 0 or tokens[index - 1].kind not in {"year", "date"}:
                raise ValueError(f"{token.text!r} must follow a year")
            continue
        if token.kind in parts:
            raise ValueError(f"two {token.kind}s: {parts[token.kind].text!r} and {token.text!r}")
        parts[token.kind] = token
    return parts


def _check_combination(tokens: list[_Token], parts: Mapping[str, _Token]) -> None:
    """Reject parts that do not make one date together."""
    if not parts.keys() - {"modifier"}:
        raise ValueError("no date in the text")
    if "date" in parts and parts.keys() & {"year", "month", "day"}:
        raise ValueError(f"{parts['date'].text!r} is already a whole date")
    if "modifier" in parts and parts.keys() != {"modifier", "weekday"}:
        raise ValueError(f"{parts['modifier'].text!r} goes with a weekday alone")
    if "day" in parts:
        if "month" not in parts:
            raise ValueError(f"{parts['day'].text!r} needs a month to be a date")
        if abs(tokens.index(parts["day"]) - tokens.index(parts["month"])) != 1:
            raise ValueError(f"{parts['day'].text!r} must stand next to the month")


def _assemble(tokens: list[_Token]) -> Reading:
    """Combine tokens into one reading, or explain why they do not make a date."""
    parts = _collect(tokens)
    _check_combination(tokens, parts)
    values = {kind: token.value for kind, token in parts.items()}
    if "date" in values:
        values["year"], values["month"], values["day"] = values.pop("date")
    relative = values.get("modifier")
    if values.keys() == {"weekday"}:
        relative = Relative.LATEST
    return Reading(
        year=values.get("year"),
        month=values.get("month"),
        day=values.get("day"),
        weekday=values.get("weekday"),
        relative=relative,
    )


def read(text: str, *, locale: str, dayfirst: bool | None) -> Reading:
    """Read the date parts in `text`; the caller applies the dateline and the calendar.

    Raises:
        ValueError: The text does not hold exactly one date, or the locale is unknown.

    >>> read("21 августа 2024 года", locale="ru", dayfirst=None)
    Reading(year=2024, month=8, day=21, weekday=None, relative=None)
    >>> read("上周三", locale="zh", dayfirst=None).relative
    <Relative.PREVIOUS_WEEK: 'previous_week'>
    """
    words = lexicon(locale)
    folded = fold(text)
    if _ISO_WHOLE.fullmatch(folded):
        try:
            moment = isoparse(folded.upper())
        except ValueError as error:
            raise ValueError(f"not a valid ISO 8601 date: {text!r}") from error
        return Reading(year=moment.year, month=moment.month, day=moment.day)
    if words.language == "zh":
        # Typesetting may space Arabic digits off from Chinese: "2024 年 8 月".
        folded = _DIGIT_SPACING.sub("", folded)
        tokens = _chinese_tokens(folded, locale, dayfirst=dayfirst)
    else:
        tokens = _spaced_tokens(folded, words, dayfirst=dayfirst)
    return _assemble(tokens)
