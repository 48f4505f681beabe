"""Finding dated events: a date expression in a sentence that tells of an event.

Dates are read with one precompiled expression per language built from
babel's CLDR month and weekday names: explicit dates ("21 August 2024",
"du 26 au 28 mai", "5月18日至19日", "20. Juni"), months with a year, years
after a preposition, weekdays ("on Wednesday", "во вторник", "يوم الجمعة") and
relative days ("the next day", 次日). A weekday is resolved with
`resolve_weekday` against the dateline, else the publication date: looking
back in a report, ahead in an announcement. A date in the dateline itself
("MOSCOW, 21 August —") is not an event.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Final, NamedTuple

from babel.dates import get_day_names, get_month_names

from diplomodel.dates import Direction, PartialDate, Weekday, resolve_weekday
from diplomodel.extract._context import Context, Spans
from diplomodel.extract._lexicon import Category
from diplomodel.extract._results import Anchor, EventKind, EventMention
from diplomodel.extract._text import fold

__all__ = ["DateExpression", "date_expressions", "find_events"]

_ORD: Final = r"(?:st|nd|rd|th)?"
_EN_RANGE: Final = r"\s*(?:-|–|—|to|and)\s*"
_LOCALES: Final = {"en": ("en",), "ru": ("ru",), "fr": ("fr",), "de": ("de",),
                   "ar": ("ar", "ar_LB"), "zh": ("zh",)}  # fmt: skip
_RU_ACCUSATIVE: Final = {"среду": 2, "пятницу": 4, "субботу": 5}
_RU_GENITIVE: Final = {"понедельника": 0, "вторника": 1, "среды": 2, "четверга": 3, "пятницы": 4,
                       "субботы": 5, "воскресенья": 6}  # fmt: skip
_ZH_WEEKDAYS: Final = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_MAX_DAYS_AHEAD: Final = 200
_DIGITS: Final = re.compile(r"\d+")
_AROUND: Final = 40  # characters around a number where its date expression may lie
# "a two-day summit", "deux jours", 两天: two dates this close are one event's first and last day.
_DURATION: Final = {
    "en": re.compile(r"\b(?:two|three|four|[234])[- ]days?\b", re.IGNORECASE),
    "fr": re.compile(r"\b(?:deux|trois|quatre)\s+jours\b", re.IGNORECASE),
    "de": re.compile(r"(?:zwei|drei|vier)(?:tägig|\s+tage)", re.IGNORECASE),
    "ru": re.compile(r"(?:двух|трех|трёх)дневн|\b(?:два|три)\s+дня", re.IGNORECASE),
    "zh": re.compile(r"[两三四]天"),
    "ar": re.compile(r"يومين|ثلاثة أيام"),
}
# "ended on Tuesday after two days of talks": the day an event of n days closed on.
_CLOSED: Final = {
    "en": re.compile(r"\b(?:ends|ended|closes|closed|concluded|wrapped up)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(?:s'est (?:achevée?|terminée?|clos)|a pris fin|clôturé)", re.IGNORECASE),
    "de": re.compile(r"\b(?:endet|endete|ging\s+zu\s+Ende|zu\s+Ende\s+gegangen)\b", re.IGNORECASE),
    "ru": re.compile(r"(?:завершил|закрыл|окончил)(?:ся|ась|ось|ись)", re.IGNORECASE),
    "zh": re.compile(r"闭幕|落下帷幕"),
    "ar": re.compile(r"اختتم"),
}
_DAYS: Final = {
    "en": re.compile(r"\b(two|three|four|[234])[- ]days?\b", re.IGNORECASE),
    "fr": re.compile(r"\b(deux|trois|quatre|[234])\s+jours\b", re.IGNORECASE),
    "de": re.compile(r"\b(zwei|drei|vier|[234])(?:tägig|\s+Tage)", re.IGNORECASE),
    "ru": re.compile(
        r"(двух|тр[её]х|четыр[её]х|[234]-?х)\s*дневн|\b(два|три|четыре)\s+дн", re.IGNORECASE
    ),
    "zh": re.compile(r"([两三四234])天"),
    "ar": re.compile(r"(يومين)|(ثلاثة|أربعة) أيام"),
}
_DAY_COUNTS: Final = {
    "two": 2, "three": 3, "four": 4, "deux": 2, "trois": 3, "quatre": 4, "zwei": 2, "drei": 3,
    "vier": 4, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "четырёх": 4, "два": 2, "три": 3,
    "четыре": 4, "两": 2, "三": 3, "四": 4, "يومين": 2, "ثلاثة": 3, "أربعة": 4,
}  # fmt: skip
_GATHERINGS: Final = frozenset({EventKind.SUMMIT, EventKind.MEETING})  # one event, two words
_CONTAINERS: Final = frozenset({EventKind.VISIT, EventKind.SUMMIT})  # days that hold other events
# Events that last days ("welcomed … for a two-day retreat" too).
_LASTING: Final = frozenset(
    {EventKind.SUMMIT, EventKind.MEETING, EventKind.TALKS, EventKind.VISIT, EventKind.RECEPTION}
)
_SPANNING: Final = frozenset(
    {EventKind.SUMMIT, EventKind.MEETING, EventKind.TALKS, EventKind.VISIT}
)
_MAX_SPAN_DAYS: Final = 3
_MAX_JOINED: Final = 20
_FUTURE_BEFORE: Final = 8  # tokens before a weekday where "will" makes it ahead
_FUTURE_AFTER: Final = 4
_CLAUSE: Final = re.compile("[,;:，；،]")  # events looked at for joining: reports have a handful
# "since 2019", "depuis 2019", "seit 2018", "منذ عام 2019", "с 2019 года", 自2019年以来: a time
# measured from a date, not an event on it.
_SINCE: Final = {
    "en": re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE),
    "fr": re.compile(r"\bdepuis\s+(?:le\s+|l'|la\s+)?$", re.IGNORECASE),
    "de": re.compile(r"\bseit\s+(?:dem\s+|der\s+)?$", re.IGNORECASE),
    "ru": re.compile(r"(?:^|\s)с\s+$", re.IGNORECASE),
    "ar": re.compile(r"منذ\s+$"),
    "zh": re.compile(r"自$"),
}
_ZH_SINCE_AFTER: Final = re.compile(r"以来")
# "from Tuesday to Thursday", "du mardi au jeudi", "von Dienstag bis Donnerstag", "со вторника
# по четверг", "من الثلاثاء إلى الخميس", 周二至周四: one event's first and last day.
_WEEKDAY_RANGE: Final = re.compile(
    r"\s*(?:-|–|—|to|until|through|au|à|jusqu'au|bis|по|إلى|الى|至|到)\s*", re.IGNORECASE
)
_MAX_RANGE_DAYS: Final = 6


class DateExpression(NamedTuple):
    """A date expression found in the text, not yet tied to an event."""

    start: int
    end: int
    first: PartialDate
    last: PartialDate | None
    anchor: Anchor


@functools.cache
def _names(language: str) -> tuple[dict[str, int], dict[str, int]]:
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for locale in _LOCALES[language]:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    key = fold(name, language).rstrip(".")
                    if len(key) >= 3:
                        months.setdefault(key, number)
                        months.setdefault(name.casefold().rstrip("."), number)  # as written
        for number, name in get_day_names("wide", "format", locale).items():
            weekdays.setdefault(fold(name, language), number)
            weekdays.setdefault(name.casefold(), number)  # الأربعاء as written, not folded
    if language == "en":
        months["sept"] = 9
    if language == "ru":
        weekdays.update(_RU_ACCUSATIVE)
        weekdays.update(_RU_GENITIVE)
    return months, weekdays


def _alternation(words: dict[str, int]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The date expression and the weekday expression of a language."""
    months, weekdays = _names(language)
    m = f"(?P<month>{_alternation(months)})"
    w = f"(?P<weekday>{_alternation(weekdays)})"
    y = r"(?P<year>\d{4})"
    d1, d2 = r"(?P<day>\d{1,2})", r"(?P<day2>\d{1,2})"
    if language == "zh":
        date_pattern = (
            r"(?:(?P<year>\d{4})年)?(?:(?P<month>\d{1,2})月)?(?P<day>\d{1,2})"
            r"(?:[日号]|(?=[至到—－-]\d))"  # 15日至16日, and 15-16日
            r"(?:[至到—－-](?:(?P<month2>\d{1,2})月)?(?P<day2>\d{1,2})[日号])?"
            r"|(?P<ymonth_year>\d{4})年(?P<ymonth>\d{1,2})月(?!\d)"
            r"|(?P<year_only>\d{4})年(?![\d年])"
        )
        weekday_pattern = r"(?:星期|周|礼拜|週)(?P<weekday>[一二三四五六日天])"
        return re.compile(date_pattern), re.compile(weekday_pattern)
    forms = {
        "en": [
            rf"(?:from\s+)?\b{d1}{_ORD}(?:{_EN_RANGE}{d2}{_ORD})?\s+(?:of\s+)?{m}\b(?:,?\s+{y})?",
            rf"\b{m}\b\.?\s+{d1}{_ORD}(?:\s*(?:-|–|—|to)\s*{d2}{_ORD})?\b(?:,?\s+{y})?",
            rf"\b{m}\s+{y}\b",
            r"\bin\s+(?P<year_only>\d{4})\b",
        ],
        "ru": [
            (
                rf"(?:(?P<until>до)\s+|с\s+(?=\d{{1,2}}\s+по\s))?\b{d1}(?:\s*(?:[-–—]|по)\s*{d2})?"
                rf"\s+{m}(?:\s+{y}(?:\s*(?:года|г\.))?)?"
            ),
            rf"\b{m}\s+{y}",
            r"\bв\s+(?P<year_only>\d{4})\s+году",
        ],
        "fr": [
            rf"(?:du\s+)?\b{d1}(?:er|re)?(?:\s*(?:au|-|–|et)\s*{d2}(?:er)?)?\s+{m}\b(?:\s+{y})?",
            rf"\b{m}\s+{y}\b",
        ],
        "de": [
            rf"(?:vom\s+)?\b{d1}\.(?:\s*(?:bis(?:\s+zum)?|und|-|–)\s*{d2}\.)?\s*{m}\b(?:\s+{y})?",
            rf"\b{m}\s+{y}\b",
            r"\bim\s+Jahr(?:e)?\s+(?P<year_only>\d{4})\b",
        ],
        "ar": [
            rf"{d1}(?:\s*(?:-|–|و|الى|إلى)\s*{d2})?\s+{m}(?:\s+{y})?",
            rf"{m}\s+{y}",
            r"عام\s+(?P<year_only>\d{4})",
        ],
    }[language]
    parts = [f"(?:{f})" for f in forms]
    # Group names repeat across the forms: give each form its own names.
    numbered = [re.sub(r"\(\?P<(\w+)>", rf"(?P<\g<1>_{i}>", p) for i, p in enumerate(parts)]
    weekday = {
        "en": rf"\b(?:(?P<modifier>on|last|next|from)\s+)?{w}\b",
        "ru": rf"(?:\b(?:во?|со?)\s+)?\b{w}\b",
        "fr": rf"(?:\bdu\s+)?\b{w}\b",
        "de": rf"(?:\b(?:am|von)\s+)?\b{w}\b",
        "ar": rf"(?:(?:من\s+)?يوم\s+|من\s+)?{w}",
    }[language]
    flags = re.IGNORECASE
    return re.compile("|".join(numbered), flags), re.compile(weekday, flags)


def _groups(match: re.Match[str]) -> dict[str, str]:
    """The named groups that matched, without the form number in their names."""
    found: dict[str, str] = {}
    for name, value in match.groupdict().items():
        if value is not None:
            found[name.rsplit("_", 1)[0] if name[-1].isdigit() else name] = value
    return found


def _year_for(month: int, reference: date | None) -> int | None:
    if reference is None:
        return None
    year = reference.year
    if (date(year, month, 1) - reference).days > _MAX_DAYS_AHEAD:
        year -= 1
    return year


def _explicit(  # noqa: PLR0911 - one return per form of date
    groups: dict[str, str], language: str, reference: date | None
) -> tuple[PartialDate, PartialDate | None] | None:
    months, _ = _names(language)
    if "year_only" in groups:
        return PartialDate(year=int(groups["year_only"])), None
    if "ymonth" in groups:
        return PartialDate(year=int(groups["ymonth_year"]), month=int(groups["ymonth"])), None
    raw_month = groups.get("month")
    if raw_month is None:  # Chinese: a day of the dateline's month
        if reference is None:
            return None
        month = reference.month
    else:
        month = (
            int(raw_month)
            if raw_month.isdecimal()
            else months[fold(raw_month, language).rstrip(".")]
        )
    year = int(groups["year"]) if "year" in groups else _year_for(month, reference)
    if year is None:
        return None
    if "day" not in groups:
        return PartialDate(year=year, month=month), None
    first = PartialDate(year=year, month=month, day=int(groups["day"]))
    if "day2" not in groups:
        return first, None
    month2 = int(groups["month2"]) if "month2" in groups else month
    last = PartialDate(year=year, month=month2, day=int(groups["day2"]))
    return first, last


def _in_dateline(ctx: Context, start: int, end: int) -> bool:
    if start > 80:
        return False
    before, after = ctx.text[:start], ctx.text[end : end + 4]
    if after.startswith("电"):
        return True
    # Capitals only ("MOSCOW, 21 August."): a script without case (Arabic) has no such dateline.
    plain_caps = any(c.isupper() for c in before) and not any(c.islower() for c in before)
    return (
        "—" in after or "–" in after or " - " in after or (after[:1] == "." and plain_caps)
    ) or (plain_caps and before.rstrip().endswith((",", "،")))


def _near_digits(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The pattern's matches, looked for only around digits (every date form has one)."""
    end = -1
    for run in _DIGITS.finditer(text):
        if run.start() < end:
            continue
        low, end = max(0, run.start() - _AROUND), run.end() + _AROUND
        for more in _DIGITS.finditer(text, run.end(), len(text)):  # join close runs
            if more.start() > end:
                break
            end = more.end() + _AROUND
        yield from pattern.finditer(text, low, min(end, len(text)))


def _explicit_dates(ctx: Context) -> list[DateExpression]:
    found: list[DateExpression] = []
    dates, _ = _patterns(ctx.language)
    for match in _near_digits(dates, ctx.text):
        if _in_dateline(ctx, match.start(), match.end()):
            continue
        try:
            read = _explicit(_groups(match), ctx.language, ctx.reference)
        except (ValueError, KeyError):
            continue  # 30 February, a month name CLDR spells otherwise
        if _since(ctx, match.start(), match.end()):
            continue
        if read is not None and (read[1] is None or read[0] <= read[1]):
            found.append(DateExpression(match.start(), match.end(), *read, Anchor.EXPLICIT))
    return found


def _since(ctx: Context, start: int, end: int) -> bool:
    """A date that a span of time is measured from ("since 2019"), not an event's."""
    since = _SINCE[ctx.language].search(ctx.text, max(0, start - 20), start) is not None
    if ctx.language == "zh":  # 自2019年以来
        return since and _ZH_SINCE_AFTER.match(ctx.text, end) is not None
    return since


def _announced(ctx: Context, first: int, last: int) -> bool:
    """A word of the future near a weekday, in its clause ("will meet on Friday")."""
    sentence = ctx.sentence_of(first)
    for hit in ctx.in_sentence(sentence, Category.FUTURE):
        if first - _FUTURE_BEFORE <= hit.first < first:
            between = ctx.text[ctx.tokens[hit.first].end : ctx.tokens[first].start]
        elif last < hit.first <= last + _FUTURE_AFTER:
            between = ctx.text[ctx.tokens[last].end : ctx.tokens[hit.first].start]
        else:
            continue
        if not _CLAUSE.search(between):
            return True
    return False


def _weekdays(ctx: Context, reference: date, explicit: Spans) -> Iterator[DateExpression]:
    _, names = _names(ctx.language)
    _, weekdays = _patterns(ctx.language)
    for match in weekdays.finditer(ctx.text):
        if explicit.covers(match.start()):
            continue
        raw = match.group("weekday")
        number = _ZH_WEEKDAYS[raw] if ctx.language == "zh" else names.get(raw.casefold())
        if number is None:
            continue
        future = _announced(ctx, ctx.token_at(match.start()), ctx.token_at(match.end() - 1))
        modifier = (match.groupdict().get("modifier") or "").casefold()
        direction: Direction = "future" if future or modifier == "next" else "past"
        try:
            day = resolve_weekday(Weekday(number), reference, direction)
            if modifier == "last" and day == reference:
                day -= timedelta(days=7)
        except (ValueError, OverflowError):
            continue  # a dateline at the edge of the calendar (1 January 1)
        first = PartialDate.from_date(day)
        yield DateExpression(match.start(), match.end(), first, None, Anchor.WEEKDAY)


def _weekday_ranges(ctx: Context, days: list[DateExpression]) -> list[DateExpression]:
    """Two weekdays joined by "to", "au", "bis", "по", "إلى", 至: one event's first and last day.

    The last day is counted from the first ("from Tuesday to Thursday" is two
    days after Tuesday), whichever way each was resolved alone.
    """
    joined: list[DateExpression] = []
    i = 0
    while i < len(days):
        one = days[i]
        other = days[i + 1] if i + 1 < len(days) else None
        i += 1
        if other is not None and _WEEKDAY_RANGE.fullmatch(ctx.text[one.end : other.start]):
            first, second = one.first.to_date(), other.first.to_date()
            gap = (second.weekday() - first.weekday()) % 7
            if 0 < gap <= _MAX_RANGE_DAYS:
                last = PartialDate.from_date(first + timedelta(days=gap))
                joined.append(DateExpression(one.start, other.end, one.first, last, one.anchor))
                i += 1
                continue
        joined.append(one)
    return joined


def _relative_days(
    ctx: Context, reference: date, found: list[DateExpression]
) -> Iterator[DateExpression]:
    """Days named relative to another ("the next day", 次日).

    They count from the last day named before them, else from the dateline.
    """
    days = sorted((e.end, e.first) for e in found if e.first.day is not None)
    ends = [end for end, _ in days]
    taken = Spans((e.start, e.end) for e in found)
    for hit in ctx.of(Category.RELATIVE_DAY):
        if taken.covers(hit.start):
            continue
        before = bisect.bisect_right(ends, hit.start)
        base = days[before - 1][1].to_date() if before else reference
        try:
            day = base + timedelta(days=int(hit.entry.value))
        except OverflowError:
            continue
        first = PartialDate.from_date(day)
        yield DateExpression(hit.start, hit.end, first, None, Anchor.RELATIVE)


def date_expressions(ctx: Context) -> list[DateExpression]:
    """Every date expression outside the dateline, in text order."""
    found = _explicit_dates(ctx)
    reference = ctx.reference
    if reference is not None:
        found += _weekday_ranges(
            ctx, list(_weekdays(ctx, reference, Spans((e.start, e.end) for e in found)))
        )
        found += list(_relative_days(ctx, reference, found))
    found.sort(key=lambda e: e.start)
    return found


def _place(ctx: Context, sentence: int, places: list[tuple[int, str]]) -> str | None:
    """The place a sentence names; the dateline's ("MOSCOW —") only when it names none."""
    here = [name for index, name in places if ctx.sentence_of(index) == sentence]
    here.sort(key=str.isupper)
    return here[0] if here else None


def find_events(
    ctx: Context, expressions: list[DateExpression], places: list[tuple[int, str]]
) -> list[EventMention]:
    """Dated events: each date expression in a sentence with an event word."""
    events: list[EventMention] = []
    seen: set[tuple[PartialDate, PartialDate | None]] = set()
    for expression in expressions:
        index = ctx.token_at(expression.start)
        last = max(index, ctx.token_at(expression.end - 1))
        sentence = ctx.sentence_of(index)
        words = list(ctx.in_sentence(sentence, Category.EVENT))
        if not words:
            continue
        # The nearest word to either end: "визитом, провёл во вторник переговоры" is talks.
        nearest = min(
            words, key=lambda h: h.first - last if h.first > last else max(0, index - h.last + 1)
        )
        key = (expression.first, expression.last)
        if key in seen:
            continue
        seen.add(key)
        events.append(
            EventMention(
                span=(expression.start, expression.end),
                surface=ctx.text[expression.start : expression.end],
                rule=f"event.{expression.anchor.value}",
                confidence=0.85 if expression.anchor is Anchor.EXPLICIT else 0.75,
                kind=EventKind(nearest.entry.value),
                start=expression.first,
                end=expression.last,
                anchor=expression.anchor,
                place=_place(ctx, sentence, places),
            )
        )
    return _inside_ranges(ctx, _closing_days(ctx, _join_days(ctx, events)))


def _sentence_text(ctx: Context, sentence: int) -> str:
    indexes = ctx.sentence_tokens(sentence)
    if not indexes:
        return ""
    return ctx.text[ctx.tokens[indexes[0]].start : ctx.tokens[indexes[-1]].end]


def _closing_days(ctx: Context, events: list[EventMention]) -> list[EventMention]:
    """The days of an event of n days, from the one day its sentence names.

    "Ended on Tuesday after two days": Monday to Tuesday; "on Monday … for a
    two-day retreat": Monday to Tuesday. Only for the one date of its
    sentence, when the sentence says how many days the event lasted.
    """
    by_sentence: dict[int, list[EventMention]] = {}
    for event in events:
        by_sentence.setdefault(ctx.sentence_at(event.span[0]), []).append(event)
    changed: list[EventMention] = []
    for event in events:
        sentence = ctx.sentence_at(event.span[0])
        text = _sentence_text(ctx, sentence)
        days = _DAYS[ctx.language].search(text)
        if (
            event.end is not None
            or event.kind not in _LASTING
            or event.start.day is None
            or len(by_sentence[sentence]) != 1
            or days is None
        ):
            changed.append(event)
            continue
        raw = next(g for g in days.groups() if g)
        count = int(raw[0]) if raw[0].isdecimal() else _DAY_COUNTS.get(raw.casefold(), 1)
        day = event.start.to_date()
        closing = _CLOSED[ctx.language].search(text) is not None
        # The day it closed is its last; else the day named is its first ("on Monday … for a
        # two-day retreat").
        first, last = (
            (day - timedelta(days=count - 1), day)
            if closing
            else (day, day + timedelta(days=count - 1))
        )
        changed.append(
            EventMention(
                span=event.span,
                surface=event.surface,
                rule="event.closing_day" if closing else "event.opening_day",
                confidence=0.6,
                kind=event.kind,
                start=PartialDate.from_date(first),
                end=PartialDate.from_date(last),
                anchor=event.anchor,
                place=event.place,
            )
        )
    return changed


def _inside_ranges(ctx: Context, events: list[EventMention]) -> list[EventMention]:
    """A day inside a range that its sentence gives is that event's day ("closed on Wednesday").

    Not a day of another kind of event: talks on a day of a visit are events of their own.
    """
    ranges = [
        (ctx.sentence_at(e.span[0]), e.start.earliest(), e.end.latest(), e.kind)
        for e in events
        if e.end is not None
    ]
    return [
        e
        for e in events
        if e.end is not None
        or not any(
            sentence == ctx.sentence_at(e.span[0])
            and first <= e.start.earliest() <= last
            and (kind is e.kind or {kind, e.kind} <= _GATHERINGS)
            for sentence, first, last, kind in ranges
        )
    ]


def _join_days(ctx: Context, events: list[EventMention]) -> list[EventMention]:
    """Two single days of one event ("a two-day summit … closed on Thursday") become a range."""
    duration = _DURATION[ctx.language].search(ctx.text) is not None
    days = [e for e in events if e.end is None and e.kind in _SPANNING and e.start.day is not None]
    days = days[:_MAX_JOINED]
    for first in days:
        for second in days:
            gap = (second.start.to_date() - first.start.to_date()).days
            # Without "a two-day ...", only two days of one event named in one sentence.
            one_sentence = ctx.sentence_at(first.span[0]) == ctx.sentence_at(second.span[0])
            same = first.kind is second.kind or {first.kind, second.kind} <= _GATHERINGS
            if 0 < gap <= _MAX_SPAN_DAYS and (duration or (one_sentence and same)):
                main = (
                    first
                    if first.kind is EventKind.SUMMIT or second.kind is not EventKind.SUMMIT
                    else second
                )
                if not same:  # a visit's days, and talks on one of them: both are events
                    main = first if first.kind in _CONTAINERS else second
                joined = EventMention(
                    span=first.span,
                    surface=first.surface,
                    rule="event.range_of_days",
                    confidence=0.6,
                    kind=main.kind,
                    start=first.start,
                    end=second.start,
                    anchor=first.anchor,
                    place=first.place or second.place,
                )
                kept = {id(first), id(second)} if same else {id(main)}
                rest = [e for e in events if id(e) not in kept]
                return sorted([*rest, joined], key=lambda e: e.span)
    return events
