"""Anniversaries: which one falls in a year, how many years are complete.

Diplomatic ties set up on 2 October 1949 have their 75th anniversary on
2 October 2024. A report of 21 August 2024 already "marks the 75th
anniversary", because that is the one falling in 2024, although only 74 years
were complete that day. `anniversary_in_year` answers the first question and
`anniversary_number` the second.

The starting point (`since`) may be a `datetime.date` or a `PartialDate` of
any precision, and every anniversary has the precision of `since`: ties known
only to have begun "in 1996" have anniversaries known only to the year.
Whenever a day (``on``, ``after``, ``start``, ``end``) is compared with such
an anniversary, the day is first cut down to that precision. With a
year-precision `since`, the anniversary of year Y has happened on every day of
Y, is "after" a day only when Y is later than that day's year, and lies in
``[start, end]`` when ``start.year <= Y <= end.year``; month precision works
the same way with (year, month). So ``next_anniversary(since, d).number ==
anniversary_number(since, d) + 1`` holds at every precision.

29 February has one explicit rule, `LeapDayPolicy`, passed as ``leap_day=``.
Nothing here reads today's date: every day is an argument.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from datetime import date, datetime, time

from attrs import field, frozen
from attrs.validators import instance_of

from diplomodel.dates import PartialDate, Precision, as_day
from diplomodel.errors import ArgumentTypeError, DataError, InvalidArgumentError

__all__ = [
    "Anniversary",
    "LeapDayPolicy",
    "anniversaries",
    "anniversary_in_year",
    "anniversary_number",
    "is_jubilee",
    "next_anniversary",
]


class LeapDayPolicy(enum.Enum):
    """Where the anniversary of something begun on 29 February falls in a common year.

    In leap years it is always 29 February. In the other years:

    - `FEB_28` (the default) keeps it in February, on the 28th: the year is
      complete at the end of February, as most legal systems count ages;
    - `MAR_1` moves it to 1 March, the day after 28 February.

    >>> anniversary_in_year(date(2000, 2, 29), 2001).date
    PartialDate(year=2001, month=2, day=28)
    >>> anniversary_in_year(date(2000, 2, 29), 2001, leap_day=LeapDayPolicy.MAR_1).date
    PartialDate(year=2001, month=3, day=1)
    """

    FEB_28 = "feb_28"
    """In common years, on 28 February (the default)."""
    MAR_1 = "mar_1"
    """In common years, on 1 March."""


def _check_int(value: object, name: str, minimum: int) -> int:
    if type(value) is not int:
        raise ArgumentTypeError(f"'{name}' must be an int (got {type(value).__name__})")
    if value < minimum:
        raise InvalidArgumentError(f"'{name}' must be at least {minimum} (got {value})")
    return value


def _check_number(_instance: object, _attribute: object, value: int) -> None:
    _check_int(value, "number", 1)


def is_jubilee(n: int, *, every: int = 5) -> bool:
    """Whether the `n`-th anniversary is a round one: a multiple of `every`.

    Args:
        n: The anniversary number, 1 or more.
        every: The step of round anniversaries, 2 or more (5 by default; 10,
            25 and 50 are other common choices).

    Returns:
        True for the 5th, 10th, ... 75th (with the default `every`).

    Raises:
        TypeError: `n` or `every` is not an int (a bool is not one).
        ValueError: `n` is below 1 or `every` below 2.

    >>> is_jubilee(75), is_jubilee(74), is_jubilee(75, every=10)
    (True, False, False)
    """
    _check_int(n, "n", 1)
    _check_int(every, "every", 2)
    return n % every == 0


@frozen(kw_only=True)
class Anniversary:
    """The `number`-th anniversary of something, and when it falls.

    Args:
        number: Which anniversary, 1 or more (the 75th is 75).
        date: When it falls, at the precision of the starting date.

    Raises:
        TypeError: `number` is not an int.
        ValueError: `number` is below 1.

    >>> a = anniversary_in_year(date(1949, 10, 2), 2024)
    >>> a.number, str(a.date), a.jubilee
    (75, '2024-10-02', True)
    """

    number: int = field(validator=_check_number)
    date: PartialDate = field(validator=instance_of(PartialDate))

    @property
    def jubilee(self) -> bool:
        """Whether this is a round anniversary (a multiple of 5; see `is_jubilee`).

        >>> Anniversary(number=30, date=PartialDate(year=2026)).jubilee
        True
        """
        return is_jubilee(self.number)

    @property
    def precision(self) -> Precision:
        """How precisely the anniversary is known: that of its starting date.

        >>> Anniversary(number=28, date=PartialDate(year=2024)).precision
        <Precision.YEAR: 'year'>
        """
        return self.date.precision

    def is_jubilee(self, *, every: int = 5) -> bool:
        """Whether this is a round anniversary for another step than 5.

        Args:
            every: The step of round anniversaries, 2 or more.

        Returns:
            Whether `number` is a multiple of `every`.

        >>> Anniversary(number=30, date=PartialDate(year=2026)).is_jubilee(every=20)
        False
        """
        return is_jubilee(self.number, every=every)


def _since(value: object) -> PartialDate:
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, date):
        return PartialDate(year=value.year, month=value.month, day=value.day)
    raise ArgumentTypeError(f"'since' must be a date or PartialDate (got {type(value).__name__})")


def _day(value: object, name: str) -> date:
    if not isinstance(value, date):
        raise ArgumentTypeError(f"'{name}' must be a datetime.date (got {type(value).__name__})")
    return as_day(value)


def _policy(value: object) -> LeapDayPolicy:
    if not isinstance(value, LeapDayPolicy):
        raise ArgumentTypeError(f"'leap_day' must be a LeapDayPolicy (got {value!r})")
    return value


def _key(value: PartialDate) -> tuple[int, ...]:
    """The known parts of a partial date, for comparisons at its precision."""
    return tuple(part for part in (value.year, value.month, value.day) if part is not None)


def _cut(day: date, precision: Precision) -> tuple[int, ...]:
    """A day cut down to a precision, comparable with `_key`."""
    return (day.year, day.month, day.day)[: {"year": 1, "month": 2, "day": 3}[precision.value]]


def _falls(since: PartialDate, year: int, leap_day: LeapDayPolicy) -> PartialDate:
    """The date of the anniversary of `since` in `year` (which may be since's own year)."""
    if not 1 <= year <= date.max.year:
        # A DiplomodelError (and a ValueError): the calendar ends, the input is not a bug.
        raise DataError.single(
            "$", f"no anniversary in year {year}: the calendar runs from year 1 to 9999"
        )
    if (since.month, since.day) == (2, 29) and not _is_leap(year):
        if leap_day is LeapDayPolicy.MAR_1:
            return PartialDate(year=year, month=3, day=1)
        return PartialDate(year=year, month=2, day=28)
    return PartialDate(year=year, month=since.month, day=since.day)


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def anniversary_number(
    since: date | PartialDate, on: date, *, leap_day: LeapDayPolicy = LeapDayPolicy.FEB_28
) -> int:
    """How many whole years have passed since `since` on the day `on`.

    An anniversary falling on `on` counts as complete. For a `since` known
    only to the year (or month), `on` is cut to that precision first: see the
    module documentation.

    Args:
        since: The starting date (ties established, a series begun).
        on: The day to count on.
        leap_day: Where a 29 February anniversary falls in a common year.

    Returns:
        0 before the first anniversary, then 1, 2, ...

    Raises:
        ValueError: `on` is before `since`.
        TypeError: An argument has the wrong type.

    >>> anniversary_number(date(1949, 10, 2), date(2024, 8, 21))
    74
    >>> anniversary_number(date(1949, 10, 2), date(2024, 10, 2))
    75
    >>> anniversary_number(PartialDate(year=1996), date(2024, 8, 21))
    28
    """
    start, day, policy = _since(since), _day(on, "on"), _policy(leap_day)
    seen = _cut(day, start.precision)
    if seen < _key(start):
        raise InvalidArgumentError(f"'on' ({day}) is before 'since' ({start})")
    years = day.year - start.year
    if years > 0 and _key(_falls(start, day.year, policy)) > seen:
        years -= 1
    return years


def anniversary_in_year(
    since: date | PartialDate, year: int, *, leap_day: LeapDayPolicy = LeapDayPolicy.FEB_28
) -> Anniversary:
    """The anniversary of `since` that falls in `year`.

    Args:
        since: The starting date.
        year: A year after that of `since`, at most 9999.
        leap_day: Where a 29 February anniversary falls in a common year.

    Returns:
        The anniversary, at the precision of `since`.

    Raises:
        ValueError: `year` is not after the year of `since`.
        DataError: `year` is beyond 9999, where the calendar ends (a
            `DiplomodelError` and a `ValueError`).
        TypeError: An argument has the wrong type (a bool is not a year).

    >>> anniversary_in_year(date(1949, 10, 2), 2024)
    Anniversary(number=75, date=PartialDate(year=2024, month=10, day=2))
    >>> anniversary_in_year(date(2000, 2, 29), 2004).date
    PartialDate(year=2004, month=2, day=29)
    """
    start, policy = _since(since), _policy(leap_day)
    _check_int(year, "year", start.year + 1)
    return Anniversary(number=year - start.year, date=_falls(start, year, policy))


def next_anniversary(
    since: date | PartialDate, after: date, *, leap_day: LeapDayPolicy = LeapDayPolicy.FEB_28
) -> Anniversary:
    """The first anniversary of `since` that falls strictly after the day `after`.

    An anniversary on `after` itself has already happened. With a partial
    `since`, the anniversary must fall in a later year (or month) than
    `after`.

    Args:
        since: The starting date.
        after: The day to look forward from.
        leap_day: Where a 29 February anniversary falls in a common year.

    Returns:
        The next anniversary (the first one if `after` precedes `since`).

    Raises:
        DataError: The next anniversary would fall after the year 9999,
            where the calendar ends (a `DiplomodelError` and a `ValueError`).
        TypeError: An argument has the wrong type.

    >>> next_anniversary(date(1949, 10, 2), date(2024, 8, 21))
    Anniversary(number=75, date=PartialDate(year=2024, month=10, day=2))
    >>> next_anniversary(date(1949, 10, 2), date(2024, 10, 2)).number
    76
    """
    start, day, policy = _since(since), _day(after, "after"), _policy(leap_day)
    seen = _cut(day, start.precision)
    year = max(day.year, start.year + 1)
    candidate = anniversary_in_year(start, year, leap_day=policy)
    if _key(candidate.date) > seen:
        return candidate
    return anniversary_in_year(start, year + 1, leap_day=policy)


def _days(start: PartialDate, first: int, end: date, leap_day: LeapDayPolicy) -> Iterator[date]:
    """Anniversary days of a day-precision `start` from year `first` to `end`, by rrule."""
    month, day = start.to_date().month, start.to_date().day
    if (month, day) == (2, 29):
        # rrule skips 29 February in common years; name the fallback day instead:
        # the last day of February, or the 60th day of the year (1 March or 29 February).
        if leap_day is LeapDayPolicy.FEB_28:
            rule = {"bymonth": 2, "bymonthday": -1}
        else:
            rule = {"byyearday": 60}
    else:
        rule = {"bymonth": month, "bymonthday": day}
    from dateutil.rrule import YEARLY, rrule  # noqa: PLC0415 - dateutil is loaded on first use

    occurrences = rrule(
        YEARLY,
        dtstart=datetime.combine(date(first, 1, 1), time()),
        until=datetime.combine(end, time()),
        bymonth=rule.get("bymonth"),
        bymonthday=rule.get("bymonthday"),
        byyearday=rule.get("byyearday"),
    )
    for moment in occurrences:
        yield moment.date()


def anniversaries(  # noqa: PLR0913 - the signature is the public contract
    since: date | PartialDate,
    start: date,
    end: date,
    *,
    jubilee_only: bool = False,
    every: int = 5,
    leap_day: LeapDayPolicy = LeapDayPolicy.FEB_28,
) -> tuple[Anniversary, ...]:
    """Every anniversary of `since` from `start` to `end`, both included, in order.

    For a partial `since`, the window is cut to its precision: see the module
    documentation.

    Args:
        since: The starting date.
        start: The first day of the window.
        end: The last day of the window, not before `start`.
        jubilee_only: Keep only round anniversaries (multiples of `every`).
        every: The step of round anniversaries, 2 or more; used with `jubilee_only`.
        leap_day: Where a 29 February anniversary falls in a common year.

    Returns:
        The anniversaries, earliest first; empty if none falls in the window.

    Raises:
        ValueError: `end` is before `start`, or `every` is below 2.
        TypeError: An argument has the wrong type.

    >>> [a.number for a in anniversaries(date(1949, 10, 2), date(2019, 1, 1), date(2024, 12, 31))]
    [70, 71, 72, 73, 74, 75]
    >>> [str(a.date) for a in anniversaries(
    ...     date(1949, 10, 2), date(1950, 1, 1), date(2024, 12, 31), jubilee_only=True, every=25)]
    ['1974-10-02', '1999-10-02', '2024-10-02']
    """
    origin, policy = _since(since), _policy(leap_day)
    first_day, last_day = _day(start, "start"), _day(end, "end")
    _check_int(every, "every", 2)
    if not isinstance(jubilee_only, bool):
        raise ArgumentTypeError(f"'jubilee_only' must be a bool (got {jubilee_only!r})")
    if last_day < first_day:
        raise InvalidArgumentError(f"'end' ({last_day}) is before 'start' ({first_day})")
    first = max(first_day.year, origin.year + 1)
    if first > last_day.year:
        return ()
    if origin.precision is Precision.DAY:
        found = (
            Anniversary(number=day.year - origin.year, date=PartialDate.from_date(day))
            for day in _days(origin, first, last_day, policy)
            if day >= first_day
        )
    else:
        low, high = _cut(first_day, origin.precision), _cut(last_day, origin.precision)
        found = (
            anniversary
            for year in range(first, last_day.year + 1)
            if low <= _key((anniversary := anniversary_in_year(origin, year)).date) <= high
        )
    return tuple(a for a in found if not jubilee_only or a.is_jubilee(every=every))
