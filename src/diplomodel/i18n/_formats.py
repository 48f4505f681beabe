"""Dates, lists and names formatted for a locale, with babel's CLDR data."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Final, Literal

import babel
import babel.dates
import babel.lists

from diplomodel.dates import PartialDate, Precision, as_day
from diplomodel.errors import ArgumentTypeError, InvalidArgumentError
from diplomodel.i18n._locales import parse_locale
from diplomodel.model.people import Person
from diplomodel.states import State

__all__ = ["format_date", "format_date_range", "format_list", "person_name", "state_name"]

DateFormat = Literal["short", "medium", "long", "full"]
ListStyle = Literal[
    "standard", "standard-short", "or", "or-short", "unit", "unit-short", "unit-narrow"
]

_FORMATS: Final = ("short", "medium", "long", "full")
_LIST_STYLES: Final = (
    "standard",
    "standard-short",
    "or",
    "or-short",
    "unit",
    "unit-short",
    "unit-narrow",
)

#: CLDR skeletons for a date known to the month, by length. "full" has no
#: weekday to add, so it is "long".
_MONTH_SKELETONS: Final = {"short": "yM", "medium": "yMMM", "long": "yMMMM", "full": "yMMMM"}


def format_date(
    value: PartialDate | dt.date,
    locale: str,
    format: DateFormat = "long",  # noqa: A002
) -> str:
    """A date as the locale writes it, at the precision it is known to.

    A day-precision date (or a `dt.date`) uses the locale's standard
    date format of that length. A date known to the month or the year uses the
    CLDR skeleton ``yMMMM``, ``yMMM`` or ``yM``, or ``y``, so that it never
    shows a day it does not have. Year formats are CLDR's: ``"2024"`` in
    Russian, ``"2024年"`` in Chinese.

    Args:
        value: A `PartialDate`, or a `dt.date` (a datetime's time is
            ignored).
        locale: A locale identifier such as ``"en"``, ``"ru"`` or ``"zh"``.
        format: ``"short"``, ``"medium"``, ``"long"`` or ``"full"``.

    Returns:
        The formatted date.

    Raises:
        TypeError: `value` is not a date.
        ValueError: The locale is unknown or the format is not one of the four.

    >>> from diplomodel.dates import PartialDate
    >>> day = PartialDate.parse("2024-08-21")
    >>> format_date(day, "en"), format_date(day, "en_GB"), format_date(day, "zh")
    ('August 21, 2024', '21 August 2024', '2024年8月21日')
    >>> month = PartialDate.parse("2024-08")
    >>> format_date(month, "en"), format_date(month, "ru"), format_date(month, "zh")
    ('August 2024', 'август 2024\u202fг.', '2024年8月')
    >>> format_date(PartialDate(year=2024), "zh")
    '2024年'
    """
    if format not in _FORMATS:
        raise InvalidArgumentError(
            f"'format' must be one of {', '.join(_FORMATS)} (got {format!r})"
        )
    parsed = parse_locale(locale)
    if isinstance(value, PartialDate):
        precision = value.precision
        day = value.earliest()
    elif isinstance(value, dt.date):
        precision = Precision.DAY
        day = as_day(value)
    else:
        raise ArgumentTypeError(
            f"format_date() needs a PartialDate or a date (got {type(value).__name__})"
        )
    if precision is Precision.DAY:
        return babel.dates.format_date(day, format=format, locale=parsed)
    skeleton = _MONTH_SKELETONS[format] if precision is Precision.MONTH else "y"
    return babel.dates.format_skeleton(skeleton, day, locale=parsed)


def format_list(items: Iterable[str], locale: str, *, style: ListStyle = "standard") -> str:
    """Texts joined into a list as the locale writes one ("A, B and C").

    Args:
        items: The texts, in order.
        locale: A locale identifier.
        style: A CLDR list style: ``"standard"`` (and), ``"or"``, ``"unit"``,
            or one of their ``-short`` / ``-narrow`` variants.

    Returns:
        The list as one text; an empty string for no items.

    Raises:
        TypeError: An item is not a str.
        ValueError: The locale or the style is unknown.

    >>> format_list(["China", "Russia"], "en"), format_list(["中国", "俄罗斯", "印度"], "zh")
    ('China and Russia', '中国、俄罗斯和印度')
    >>> format_list(["Китай", "Россия"], "ru", style="or")
    'Китай или Россия'
    """
    if style not in _LIST_STYLES:
        raise InvalidArgumentError(
            f"'style' must be one of {', '.join(_LIST_STYLES)} (got {style!r})"
        )
    parsed = parse_locale(locale)
    texts = list(items)
    for text in texts:
        if not isinstance(text, str):
            raise ArgumentTypeError(f"format_list() needs texts (got {type(text).__name__})")
    return babel.lists.format_list(texts, style=style, locale=parsed)


def state_name(state: State, locale: str) -> str:
    """The state's name in the locale's language (see `State.name_in`).

    Args:
        state: The state.
        locale: A locale identifier.

    Returns:
        The name, such as "Russia", "Россия" or "俄罗斯".

    Raises:
        TypeError: `state` is not a `State`.
        ValueError: The locale is unknown.

    >>> from diplomodel.states import states
    >>> state_name(states.get("RU"), "zh"), state_name(states.get("CN"), "ru")
    ('俄罗斯', 'Китай')
    """
    if not isinstance(state, State):
        raise ArgumentTypeError(f"state_name() needs a State (got {type(state).__name__})")
    return state.name_in(str(parse_locale(locale)))


def person_name(person: Person, locale: str) -> str:
    """The person's name for the locale: the exact locale, then its language, then English.

    Args:
        person: The person.
        locale: A locale identifier (``"zh_Hans_CN"`` falls back to ``"zh_Hans"``
            and then ``"zh"``).

    Returns:
        The name as written in that locale, or the English `Person.name`.

    Raises:
        TypeError: `person` is not a `Person`.
        ValueError: The locale is unknown.

    >>> from diplomodel.model.people import Person
    >>> p = Person(id="li-qiang", name="Li Qiang", names={"ru": "Ли Цян", "zh": "李强"})
    >>> person_name(p, "ru_RU"), person_name(p, "zh_Hans_CN"), person_name(p, "fr")
    ('Ли Цян', '李强', 'Li Qiang')
    """
    if not isinstance(person, Person):
        raise ArgumentTypeError(f"person_name() needs a Person (got {type(person).__name__})")
    return person.name_in(locale)


#: The month field of a date pattern ("MMM", "LLLL" ...).
_MONTH_FIELD: Final = re.compile(r"(?<![ML'])([ML]{1,5})(?![ML])")


def _month_width(locale: babel.Locale) -> int:
    """The width of the month in the locale's long date format ("d MMMM y": 4, "y年M月d日": 1)."""
    found = _MONTH_FIELD.search(locale.date_formats["long"].pattern)
    return 4 if found is None else len(found.group(1))


def _widen(field: str, width: int) -> str:
    """A month field as wide as `width`, if that is wider and both are names (3+ letters)."""
    return field[0] * width if 3 <= len(field) < width else field


def format_date_range(start: PartialDate, end: PartialDate, locale: str) -> str:
    r"""Two dates as a range that the locale writes ("August 22 – 24, 2023").

    The range follows CLDR's interval formats at the coarser precision of the
    two dates. As TR35 allows when it looks up an interval format, the
    month is widened to the width the locale's long date format uses, so a
    range reads like a single long date ("22—24 августа 2023 г."). Equal
    dates give a single date.

    Args:
        start: The first day, month or year.
        end: The last one, not before `start`.
        locale: A locale identifier.

    Returns:
        The range.

    Raises:
        TypeError: A date is not a `PartialDate`.
        ValueError: The locale is unknown.

    >>> from diplomodel.dates import PartialDate
    >>> start, end = PartialDate.parse("2023-08-22"), PartialDate.parse("2023-08-24")
    >>> format_date_range(start, end, "en_GB"), format_date_range(start, end, "zh")
    ('22\u2009–\u200924 August 2023', '2023年8月22日\u2009–\u200924日')
    >>> format_date_range(start, end, "ru")
    '22—24 августа 2023\u202fг.'
    >>> format_date_range(PartialDate.parse("2023-08"), PartialDate.parse("2023-09"), "en")
    'August\u2009–\u2009September 2023'
    """
    for value in (start, end):
        if not isinstance(value, PartialDate):
            raise ArgumentTypeError(
                f"format_date_range() needs PartialDates (got {type(value).__name__})"
            )
    parsed = parse_locale(locale)
    order = (Precision.YEAR, Precision.MONTH, Precision.DAY)
    precision = min(start.precision, end.precision, key=order.index)
    first, last = start.earliest(), end.earliest()
    if precision is Precision.DAY:
        skeleton, fields = "yMMMd", "yMd"
    elif precision is Precision.MONTH:
        skeleton, fields = "yMMMM", "yM"
    else:
        skeleton, fields = "y", "y"
    changed = [
        f
        for f in fields
        if babel.dates.format_skeleton(f, first, locale=parsed)
        != babel.dates.format_skeleton(f, last, locale=parsed)
    ]
    if not changed:
        return format_date(start if precision is start.precision else end, locale)
    parts = parsed.interval_formats[skeleton][changed[0]]
    width = _month_width(parsed)
    texts = []
    for pattern, day in zip(parts, (first, last), strict=True):
        widened = _MONTH_FIELD.sub(lambda m: _widen(m.group(1), width), pattern)
        texts.append(babel.dates.parse_pattern(widened).apply(day, parsed))
    return "".join(texts)
