"""Ordinals, anniversaries and document counts.

An ordinal is written with digits as each language writes one (29th, 29e,
29., 29-я, 第29, الـ29) — the forms `diplomodel.ordinal` produces — or with
words (twenty-ninth, двадцать восьмую, siebten, 第二十九次, الثانية
والثلاثين). It numbers a meeting series when a meeting word follows it (in
Arabic: stands beside it), and not when it is "the first … since" or "the first
time". Ordinals inside dates and before "anniversary" are not ordinals here:
the latter are anniversaries.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Final, NamedTuple

from diplomodel.extract import _vocab
from diplomodel.extract._context import Context, Spans
from diplomodel.extract._lexicon import Category
from diplomodel.extract._text import Token, fold

__all__ = ["Number", "anniversary_number", "chinese_number", "numbers", "roman", "series_or_not"]

_NUMERIC: Final = {
    "en": re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(\d{1,3})(?:e|er|re|ère|ème|eme)\b"),
    "de": re.compile(r"\b(\d{1,3})\.(?=\s+\w)"),
    "ru": re.compile(
        r"\b(\d{1,3})-(?:(?:й|я|е|го|м|ю|х|ой|ая|ое|ую|ого|ом|ему|ому|ые|ых)\b|(?=лети))"
    ),
    "zh": re.compile(r"第\s*(\d{1,3})"),
    "ar": re.compile(r"(?:الـ|ال)\s?(\d{1,3})(?!\d)"),
}
_ZH_YEARS: Final = re.compile(r"(\d{1,3}|[一二三四五六七八九十百]{1,5})(?=周年)")
_ZH_WORD: Final = re.compile(r"第([零〇一二两三四五六七八九十百]{1,6})|(首)(?=届)")
_DE_ORDINAL: Final = re.compile(
    r"^(?:(?:(?P<unit>ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)und)?"
    r"(?P<tens>zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig)st"
    r"|(?P<small>erst|zweit|dritt|viert|fünft|sechst|siebent|siebt|acht|neunt|zehnt|elft|zwölft"
    r"|dreizehnt|vierzehnt|fünfzehnt|sechzehnt|siebzehnt|achtzehnt|neunzehnt))(?:e|er|en|es|em)$"
)
_ZH_MEASURES: Final = frozenset("次届轮期")
# A Roman numeral before a meeting word: "XVI саммит", "XIXe Sommet", "the XV Summit".
_ROMAN: Final = re.compile(
    r"\b(?=[MDCLXVI]{2})(M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
    r"(?:e|er|re|ème|\.)?(?!\w)"
)
_ROMAN_VALUES: Final = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
# Arabic: units written only inside a compound (الحادية والأربعون, الحادي عشر), and the teens.
_AR_COMPOUND_UNITS: Final = ("الحادي", "الحادية")
_AR_TEENS: Final = ("عشر", "عشرة")
_SINCE: Final = frozenset({"since", "seit", "depuis", "منذ", "с", "以来"})
_TIME_WORDS: Final = frozenset({"time", "fois", "mal", "раз", "مرة", "للمرة"})


class Number(NamedTuple):
    """An ordinal found in the text: character span, token span and value."""

    start: int
    end: int
    first: int  # token index
    last: int  # token index, exclusive
    value: int


def chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral up to 999.

    >>> chinese_number("二十九"), chinese_number("十"), chinese_number("一百零五")
    (29, 10, 105)
    """
    total, current = 0, 0
    for char in text:
        if char in _vocab.ZH_DIGITS:
            current = _vocab.ZH_DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current or None


@functools.cache
def _folded_table(table_id: int, language: str) -> dict[str, int]:
    table = _TABLES[table_id]
    return {fold(k, language): v for k, v in table.get(language, {}).items()}


_TABLES: Final = {id(_vocab.TENS): _vocab.TENS, id(_vocab.ORDINAL_WORDS): _vocab.ORDINAL_WORDS}


def _folded(table: Mapping[str, Mapping[str, int]], language: str) -> dict[str, int]:
    return _folded_table(id(table), language)


_RU_ORDINAL: Final = re.compile(
    "^({})({})$".format(
        "|".join(sorted(_vocab.RU_ORDINAL_STEMS, key=len, reverse=True)),
        "|".join(sorted(_vocab.RU_ADJECTIVE_ENDINGS, key=len, reverse=True)),
    )
)


def _russian(token: Token) -> int | None:
    match = _RU_ORDINAL.match(token.key)
    return _vocab.RU_ORDINAL_STEMS[match.group(1)] if match else None


def _german(key: str) -> int | None:
    match = _DE_ORDINAL.match(key)
    if match is None:
        return None
    if match["small"]:
        return _vocab.DE_SMALL[match["small"]]
    return _vocab.DE_UNITS.get(match["unit"] or "", 0) + _vocab.DE_TENS[match["tens"]]


def roman(text: str) -> int:
    """The value of a valid Roman numeral (0 for an empty one).

    >>> roman("XVI"), roman("XIX"), roman("MCMXLIX"), roman("")
    (16, 19, 1949, 0)
    """
    values = [_ROMAN_VALUES[c] for c in text]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=False))


def _roman(ctx: Context, dates: Spans) -> Iterator[Number]:
    """Roman numerals that number a meeting of a series (and nothing else: Louis XIV)."""
    if ctx.language in {"zh", "ar"}:
        return
    for match in _ROMAN.finditer(ctx.text):
        value = roman(match.group(1))
        start, end = match.span()
        if not value or dates.covers(start):
            continue
        first = ctx.token_at(start)
        number = Number(start, end, first, first + 1, value)
        if series_or_not(ctx, number):
            yield number


def _compound(ctx: Context, i: int, words: Mapping[str, int]) -> int | None:
    """Tens and a unit: twenty-ninth, vingt-neuvième, двадцать восьмую, الثانية والثلاثين."""
    tokens, language = ctx.tokens, ctx.language
    if i + 1 >= len(tokens):
        return None
    tens = _folded(_vocab.TENS, language)
    first, second = tokens[i], tokens[i + 1]
    if language == "ar":
        units = {fold(w, language) for w in _AR_COMPOUND_UNITS}
        unit = words.get(first.key, 1 if first.key in units else None)
        if unit is not None and second.key in {fold(w, language) for w in _AR_TEENS}:
            return 10 + unit  # الحادي عشر, الثانية عشرة
        return unit + tens[second.key] if unit is not None and second.key in tens else None
    if first.key not in tens:
        return None
    unit = _russian(second) if language == "ru" else words.get(second.key)
    hyphen = ctx.text[first.end : second.start] in {"-", "\u2011"}
    if unit is None or unit >= 10 or (language != "ru" and not hyphen):
        return None
    return tens[first.key] + unit


def _word_value(ctx: Context, i: int) -> tuple[int, int] | None:
    """The value of a word ordinal starting at token i, and the token after it."""
    key = ctx.tokens[i].key
    if ctx.language == "de":
        value = _german(key)
        return None if value is None else (value, i + 1)
    words = _folded(_vocab.ORDINAL_WORDS, ctx.language)
    compound = _compound(ctx, i, words)
    if compound is not None:
        return compound, i + 2
    if ctx.language == "ru":
        value = _russian(ctx.tokens[i])
    elif ctx.language == "ar":  # والرابعة: the ordinal behind a clitic
        value = next((words[k] for k in ctx.tokens[i].keys if k in words), None)
    else:
        value = words.get(key)
    return None if value is None else (value, i + 1)


def _chinese(ctx: Context) -> Iterator[Number]:
    """第二十九, 首届, and the count of years before 周年."""
    for match in _ZH_YEARS.finditer(ctx.text):
        raw = match.group(1)
        value = int(raw) if raw.isdecimal() else chinese_number(raw)
        if value:
            first, last = ctx.token_at(match.start()), ctx.token_at(match.end(1))
            yield Number(match.start(), match.end(1), first, last, value)
    for match in _ZH_WORD.finditer(ctx.text):
        value = 1 if match.group(2) else chinese_number(match.group(1))
        if value:
            first = ctx.token_at(match.start())
            yield Number(match.start(), match.end(), first, first + len(match.group()), value)


def _words(ctx: Context, taken: set[int], dates: Spans) -> Iterator[Number]:
    i = 0
    while i < len(ctx.tokens):
        read = _word_value(ctx, i) if i not in taken else None
        if read is None:
            i += 1
            continue
        value, after = read
        token = ctx.tokens[i]
        if not dates.covers(token.start):
            yield Number(token.start, ctx.tokens[after - 1].end, i, after, value)
        i = after


def numbers(ctx: Context, date_spans: list[tuple[int, int]]) -> list[Number]:
    """Every ordinal in the text outside dates."""
    dates = Spans(date_spans)
    found: list[Number] = []
    for match in _NUMERIC[ctx.language].finditer(ctx.text):
        start, end = match.span()
        if dates.covers(start):
            continue
        first = last = ctx.token_at(start)
        while last < len(ctx.tokens) and ctx.tokens[last].start < end:
            last += 1
        found.append(Number(start, end, first, max(last, first + 1), int(match.group(1))))
    if ctx.language == "zh":
        found.extend(_chinese(ctx))
    else:
        found.extend(_roman(ctx, dates))
        taken = {n.first for n in found}
        taken |= {i for h in ctx.of(Category.TITLE) for i in range(h.first, h.last)}
        found.extend(_words(ctx, taken, dates))
    return sorted(n for n in found if n.value >= 1)  # "0th" is no ordinal


def _window(ctx: Context, first: int, last: int, before: int, after: int) -> Iterator[int]:
    sentence = ctx.sentence_of(first)
    for index in range(max(0, first - before), min(len(ctx.tokens), last + after)):
        if not first <= index < last and ctx.sentence_of(index) == sentence:
            yield index


def anniversary_number(ctx: Context, number: Number) -> bool:
    """Whether an ordinal counts an anniversary ("75th anniversary", "الذكرى الخامسة")."""
    before, after = (3, 1) if ctx.language == "ar" else (0, 4)
    if ctx.language == "zh":
        return ctx.text.startswith("周年", number.end)
    return any(
        ctx.starting(i, Category.ANNIVERSARY)
        for i in _window(ctx, number.first, number.last, before, after)
    )


def _since(ctx: Context, i: int) -> bool:
    """A word of "since" at token i; Russian с only before a year ("с 2019 года", not "с 22 по")."""
    tokens = ctx.tokens
    if tokens[i].key not in _SINCE:
        return False
    if tokens[i].key != "с":
        return True
    following = [t.key for t in tokens[i + 1 : i + 3]]
    return bool(following) and following[0].isdigit() and following[1:] != ["по"]


def series_or_not(ctx: Context, number: Number) -> bool | None:
    """True: numbers a meeting series; False: another ordinal; None: not an ordinal here."""
    tokens = ctx.tokens
    after = [tokens[i].key for i in _window(ctx, number.first, number.last, 0, 3)]
    before = [tokens[i].key for i in _window(ctx, number.first, number.last, 2, 0)]
    if any(w in _TIME_WORDS for w in after[:2] + before):
        return None
    if any(_since(ctx, i) for i in _window(ctx, number.first, number.last, 0, 6)):
        return False
    reach = {"ar": (3, 3), "zh": (0, 8)}.get(ctx.language, (0, 4))
    if ctx.language == "zh" and ctx.text[number.end : number.end + 1] in _ZH_MEASURES:
        return True  # 第…次, 第…届: Chinese counts meetings with these measure words
    return any(
        ctx.starting(i, Category.SERIES)
        for i in _window(ctx, number.first, number.last, reach[0], reach[1])
    )
