"""Dates as reports give them: a year, a month, or a day.

A report may say "in 1996", "in August 2024" or "on 21 August 2024". A
`PartialDate` keeps exactly that much and no more, so that data never claims a
precision its source did not have. `parse_date` reads such phrases (in English,
Russian, Chinese and the month names of any CLDR locale), and
`resolve_weekday` turns "on Wednesday" into a day, given the report's dateline.
Nothing here reads the clock, the system locale or a time zone: the dateline
and the locale are always arguments.
"""

from __future__ import annotations

import enum
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal

from attrs import field, frozen

from diplomodel.errors import ArgumentTypeError, DataError, InvalidArgumentError, shown

if TYPE_CHECKING:
    from diplomodel import _parse

# The text parser (`_parse`: babel's CLDR names, dateutil's ISO reader) is imported by the
# functions that read text, on first use: `PartialDate` alone must stay light to import.

__all__ = ["Direction", "PartialDate", "Precision", "Weekday", "parse_date", "resolve_weekday"]


class Precision(enum.Enum):
    """How much of a `PartialDate` is known.

    >>> PartialDate.parse("2024-08").precision
    <Precision.MONTH: 'month'>
    """

    YEAR = "year"
    """Only the year is known: ``2024``."""
    MONTH = "month"
    """The year and the month are known: ``2024-08``."""
    DAY = "day"
    """The whole calendar day is known: ``2024-08-21``."""


_ISO = re.compile(r"(?P<year>[0-9]{4})(?:-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?")
_MIN_YEAR = 1
_MAX_YEAR = 9999


def _check_year(_instance: object, _attribute: object, value: Any) -> None:
    if type(value) is not int or not _MIN_YEAR <= value <= _MAX_YEAR:
        raise ValueError(f"'year' must be an int from 1 to 9999 (got {value!r})")


def _check_month(_instance: object, _attribute: object, value: Any) -> None:
    if value is None:
        return
    if type(value) is not int or not 1 <= value <= 12:
        raise ValueError(f"'month' must be an int from 1 to 12 or None (got {value!r})")


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _last_day(year: int, month: int) -> int:
    """The last day of a month (what ``calendar.monthrange`` gives, without its weekday)."""
    if month != 2:
        return _DAYS_IN_MONTH[month]
    import calendar  # noqa: PLC0415 - only February asks; `import diplomodel` stays light

    return 29 if calendar.isleap(year) else 28


@frozen(kw_only=True, eq=False)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    Construct one from its parts or from ISO 8601 text with `parse`; `str()`
    gives the ISO text back. Partial dates are totally ordered: an earlier year
    sorts first, and a less precise date sorts before a more precise one that
    it contains (``2024 < 2024-08 < 2024-08-01``), so sorting never fails.

    Args:
        year: The year, 1 to 9999.
        month: The month, 1 to 12, or None when only the year is known.
        day: The day of the month, or None. A day needs a month.

    Raises:
        ValueError: A part is out of range, a day is given without a month, or
            the day does not exist in that month (30 February).

    >>> d = PartialDate(year=2024, month=8, day=21)
    >>> str(d), d.precision.value
    ('2024-08-21', 'day')
    >>> PartialDate(year=1996) < PartialDate(year=1996, month=4) < d
    True
    """

    year: int = field(validator=_check_year)
    month: int | None = field(default=None, validator=_check_month)
    day: int | None = field(default=None)
    _iso: str = field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Written once: a date is immutable and is written out far more often than built.
        if self.month is None:
            iso = f"{self.year:04d}"
        elif self.day is None:
            iso = f"{self.year:04d}-{self.month:02d}"
        else:
            iso = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        object.__setattr__(self, "_iso", iso)

    # The ISO text is the sort key: zero-padded and at most as long as the precision, it
    # orders as the parts do with an unknown month or day first ("2024" < "2024-08" <
    # "2024-08-01" < "2024-09"), and it stands for exactly one date. So comparing two
    # dates is one short string comparison.

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._iso == other._iso

    def __ne__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._iso != other._iso

    def __hash__(self) -> int:
        return hash(self._iso)

    def __lt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._iso < other._iso

    def __le__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._iso <= other._iso

    def __gt__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._iso > other._iso

    def __ge__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._iso >= other._iso

    @day.validator
    def _check_day(self, _attribute: object, value: object) -> None:
        if value is None:
            return
        if type(value) is not int:
            raise ValueError(f"'day' must be an int or None (got {value!r})")
        if self.month is None:
            raise ValueError(f"'day' needs a month (got day={value} without one)")
        last = _last_day(self.year, self.month)
        if not 1 <= value <= last:
            raise ValueError(
                f"'day' must be from 1 to {last} in {self.year:04d}-{self.month:02d} "
                f"(got {value!r})"
            )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ISO 8601 calendar text: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Inverse of `isoformat` (and of `str`). Only these strict forms are
        read; nothing is guessed.

        Args:
            text: The ISO text.

        Returns:
            The partial date, with the precision the text gave.

        Raises:
            DataError: The text is not one of the three forms or names a day
                that does not exist (a `ValueError`).
            ArgumentTypeError: `text` is not a str.

        >>> PartialDate.parse("2024-08")
        PartialDate(year=2024, month=8, day=None)
        >>> PartialDate.parse("2024-02-30")
        Traceback (most recent call last):
        ...
        diplomodel.errors.DataError: 1 problem in input:
          $: 'day' must be from 1 to 29 in 2024-02 (got 30)
        """
        if not isinstance(text, str):
            raise ArgumentTypeError(f"PartialDate.parse() needs a str (got {type(text).__name__})")
        match = _ISO.fullmatch(text)
        if match is None:
            raise DataError.single(
                "$", f"not an ISO 8601 date (expected YYYY, YYYY-MM or YYYY-MM-DD): {shown(text)}"
            )
        month = match["month"]
        day = match["day"]
        try:
            return cls(
                year=int(match["year"]),
                month=None if month is None else int(month),
                day=None if day is None else int(day),
            )
        except ValueError as exc:  # a day the month does not have
            raise DataError.single("$", str(exc)) from None

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        """Make a day-precision partial date from a `datetime.date`.

        Inverse of `to_date`.

        >>> PartialDate.from_date(date(1949, 10, 2))
        PartialDate(year=1949, month=10, day=2)
        """
        return cls(year=value.year, month=value.month, day=value.day)

    @property
    def precision(self) -> Precision:
        """How much of the date is known.

        >>> PartialDate(year=1996).precision
        <Precision.YEAR: 'year'>
        """
        if self.month is None:
            return Precision.YEAR
        if self.day is None:
            return Precision.MONTH
        return Precision.DAY

    def isoformat(self) -> str:
        """The ISO 8601 text of the date at its own precision.

        Inverse of `parse`.

        >>> PartialDate(year=2024, month=8).isoformat()
        '2024-08'
        """
        return self._iso

    def __str__(self) -> str:
        return self.isoformat()

    def earliest(self) -> date:
        """The first calendar day the partial date covers.

        >>> PartialDate(year=2024, month=8).earliest()
        datetime.date(2024, 8, 1)
        """
        return date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> date:
        """The last calendar day the partial date covers.

        >>> PartialDate(year=2024, month=2).latest()
        datetime.date(2024, 2, 29)
        """
        month = self.month or 12
        day = self.day or _last_day(self.year, month)
        return date(self.year, month, day)

    def contains(self, value: date | PartialDate) -> bool:
        """Whether a day (or every day of another partial date) falls within this one.

        Args:
            value: A `datetime.date`, or a `PartialDate` whose whole span is tested.

        >>> PartialDate(year=2024).contains(date(2024, 8, 21))
        True
        >>> PartialDate(year=2024, month=8).contains(PartialDate(year=2024))
        False
        """
        if isinstance(value, PartialDate):
            return self.earliest() <= value.earliest() and value.latest() <= self.latest()
        if isinstance(value, date):
            return self.earliest() <= as_day(value) <= self.latest()
        raise ArgumentTypeError(
            f"contains() needs a date or PartialDate (got {type(value).__name__})"
        )

    def to_date(self) -> date:
        """The `datetime.date` of a day-precision partial date.

        Inverse of `from_date`.

        Raises:
            InvalidArgumentError: The date is not known to the day (a `ValueError`).

        >>> PartialDate.parse("2024-08-21").to_date()
        datetime.date(2024, 8, 21)
        """
        if self.month is None or self.day is None:
            raise InvalidArgumentError(f"{self} is not known to the day")
        return date(self.year, self.month, self.day)


def as_day(value: date) -> date:
    """A plain date from a date or datetime (a datetime does not compare with dates)."""
    return date(value.year, value.month, value.day)


class Weekday(enum.Enum):
    """A day of the week, numbered like `datetime.date.weekday()` (Monday is 0).

    >>> Weekday.from_date(date(2024, 8, 21))
    <Weekday.WEDNESDAY: 2>
    >>> Weekday(6).name
    'SUNDAY'
    """

    MONDAY = 0
    """Monday, the first day of the ISO week."""
    TUESDAY = 1
    """Tuesday."""
    WEDNESDAY = 2
    """Wednesday."""
    THURSDAY = 3
    """Thursday."""
    FRIDAY = 4
    """Friday."""
    SATURDAY = 5
    """Saturday."""
    SUNDAY = 6
    """Sunday, the last day of the ISO week."""

    @classmethod
    def from_date(cls, value: date) -> Weekday:
        """The weekday a calendar day falls on.

        Args:
            value: A `datetime.date` (or `datetime.datetime`).

        Returns:
            Its weekday.

        Raises:
            TypeError: `value` is not a date.

        >>> Weekday.from_date(date(1949, 10, 2))
        <Weekday.SUNDAY: 6>
        """
        return cls(_check_dateline(value, "value").weekday())


Direction = Literal["past", "future"]
"""Which way `resolve_weekday` looks from the dateline: ``"past"`` or ``"future"``."""


def _check_dateline(value: object, name: str = "dateline") -> date:
    if not isinstance(value, date):
        raise ArgumentTypeError(f"'{name}' must be a datetime.date (got {type(value).__name__})")
    return as_day(value)


def _weekday_of(name: object, locale: str) -> Weekday:
    from diplomodel import _parse  # noqa: PLC0415 - the text parser loads on first use

    names = _parse.lexicon(locale).weekdays  # checks the locale even for a Weekday
    if isinstance(name, Weekday):
        return name
    if not isinstance(name, str):
        raise ArgumentTypeError(f"a weekday must be a str or a Weekday (got {type(name).__name__})")
    folded = _parse.fold(name)
    for key in (folded, folded.removesuffix(".")):
        if key in names:
            return Weekday(names[key])
    raise InvalidArgumentError(f"{shown(name)} is not a weekday name in locale {locale!r}")


def _shift(dateline: date, days: int) -> date:
    try:
        return dateline + timedelta(days=days)
    except OverflowError:
        raise InvalidArgumentError(
            f"{days:+d} days from {dateline} is outside years 1 to 9999"
        ) from None


def resolve_weekday(
    name: str | Weekday,
    dateline: date,
    direction: Direction = "past",
    *,
    locale: str = "en",
) -> date:
    """The day a report means by a bare weekday ("on Wednesday").

    Reports look back: a report dated Thursday 22 August 2024 that says
    "on Wednesday" means 21 August 2024. Announcements look ahead: pass
    ``direction="future"``. Either way a weekday equal to the dateline's own
    means the dateline itself, so the result is 0 to 6 days from it.

    Args:
        name: A weekday name in `locale`, wide, abbreviated or short, in any
            case ("Wednesday", "wed", "среда", "ср", "周三", "星期三"), or a
            `Weekday`. One-letter (narrow) names are too ambiguous to accept.
        dateline: The date the report was written.
        direction: ``"past"`` (the default) or ``"future"``.
        locale: The language of `name`, a CLDR locale identifier.

    Returns:
        The day, within six days of the dateline in the given direction.

    Raises:
        InvalidArgumentError: The name is not a weekday in the locale, the
            locale or the direction is unknown (a `ValueError`).
        ArgumentTypeError: `dateline` is not a date or `name` is neither str
            nor `Weekday` (a `TypeError`).

    >>> resolve_weekday("Wednesday", date(2024, 8, 22))
    datetime.date(2024, 8, 21)
    >>> resolve_weekday("ср", date(2024, 8, 22), "future", locale="ru")
    datetime.date(2024, 8, 28)
    >>> resolve_weekday(Weekday.THURSDAY, date(2024, 8, 22))
    datetime.date(2024, 8, 22)
    """
    if direction not in {"past", "future"}:
        raise InvalidArgumentError(
            f"'direction' must be 'past' or 'future' (got {shown(direction)})"
        )
    day = _check_dateline(dateline)
    weekday = _weekday_of(name, locale).value
    if direction == "past":
        return _shift(day, -((day.weekday() - weekday) % 7))
    return _shift(day, (weekday - day.weekday()) % 7)


def _relative_day(weekday: int, relative: _parse.Relative, dateline: date) -> date:
    """The day a weekday without a date names, seen from the dateline."""
    from diplomodel import _parse  # noqa: PLC0415 - the text parser loads on first use

    anchor = dateline.weekday()
    if relative is _parse.Relative.LATEST:
        return _shift(dateline, -((anchor - weekday) % 7))
    if relative is _parse.Relative.LAST:
        return _shift(dateline, -((anchor - weekday - 1) % 7 + 1))
    if relative is _parse.Relative.NEXT:
        return _shift(dateline, (weekday - anchor - 1) % 7 + 1)
    weeks = {
        _parse.Relative.PREVIOUS_WEEK: -1,
        _parse.Relative.THIS_WEEK: 0,
        _parse.Relative.NEXT_WEEK: 1,
    }[relative]
    return _shift(dateline, 7 * weeks + weekday - anchor)


def parse_date(
    text: str,
    *,
    dateline: date | None = None,
    locale: str = "en",
    dayfirst: bool | None = None,
) -> PartialDate:
    """Read a date as news reports write it, with the precision the text gave.

    Understood forms (months and weekdays by their CLDR names in `locale`,
    any case, abbreviated or not):

    - day, month and year: "21 August 2024", "August 21, 2024",
      "Wednesday, 21st of August 2024", "21 августа 2024 года", "2024年8月21日";
    - month and year: "August 2024", "август 2024", "2024年8月", "08/2024";
    - a year: "2024", "2024 г.", "2024年";
    - ISO 8601: "2024-08-21", "2024-08", "20240821", "2024-W34-3", "2024-234",
      "2024-08-21T09:30+03:00" (the date as written; no time zone conversion);
    - all-digit dates, year last: "21.08.2024" is day-first, as dotted dates
      always are; with slashes or hyphens, "21/08/2024" and "08/21/2024" are
      clear because a number above 12 cannot be a month, but "03/04/2024" is
      ambiguous and needs ``dayfirst=True`` or ``False``. When given,
      `dayfirst` decides every all-digit date, dotted ones too. Year-first
      all-digit dates ("2024/8/21") are year, month, day. Two-digit years are
      never read;
    - with the year taken from `dateline`: "Aug. 21", "21 августа", "8月21日";
    - a weekday alone, resolved against `dateline`: "Wednesday", "on
      Wednesday", "в среду", "周三", "星期三" mean the latest such day on or before
      the dateline (see `resolve_weekday`); "last Wednesday" / "в прошлую
      среду" the latest strictly before it and "next Wednesday" / "в
      следующую среду" the first strictly after it; Chinese 上周三, 本周三 and
      下周三 mean Wednesday of the previous, the same or the next Monday-based
      week.

    A weekday next to a full date must agree with it. Every word must be part
    of the date: "the 29th regular meeting" and "75th anniversary" are errors,
    not dates.

    Args:
        text: The phrase holding the date and nothing else.
        dateline: The date of the report: it supplies a missing year and
            anchors a bare weekday. Never defaults to today.
        locale: The language of the text, a CLDR identifier ("en", "ru", "zh",
            "ru_RU", "zh-Hant").
        dayfirst: How to read an all-digit date whose day and month could be
            swapped; None (the default) reads only the unambiguous ones.

    Returns:
        A `PartialDate` of year, month or day precision.

    Raises:
        DataError: The text is not exactly one date; the date does not exist
            (30 February); a year or weekday needs a dateline that was not
            given; a weekday contradicts the date; or an all-digit date is
            ambiguous. It is a `ValueError`; its one problem, at ``$``, says
            what is wrong.
        InvalidArgumentError: The locale is unknown (a `ValueError`).
        ArgumentTypeError: `text` is not a str or `dateline` is not a date
            (a `TypeError`).

    >>> parse_date("21 August 2024")
    PartialDate(year=2024, month=8, day=21)
    >>> str(parse_date("август 2024", locale="ru"))
    '2024-08'
    >>> str(parse_date("on Wednesday", dateline=date(2024, 8, 22)))
    '2024-08-21'
    >>> str(parse_date("上周三", dateline=date(2024, 8, 22), locale="zh"))
    '2024-08-14'
    >>> parse_date("75th anniversary")
    Traceback (most recent call last):
    ...
    diplomodel.errors.DataError: 1 problem in input:
      $: '75th' is neither a day of the month nor a year
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"parse_date() needs a str (got {type(text).__name__})")
    if dateline is not None:
        dateline = _check_dateline(dateline)
    if dayfirst is not None and not isinstance(dayfirst, bool):
        raise ArgumentTypeError(f"'dayfirst' must be True, False or None (got {dayfirst!r})")
    from diplomodel import _parse  # noqa: PLC0415 - the text parser loads on first use

    try:
        _parse.lexicon(locale)  # an unknown locale is an error even for ISO text
    except ValueError as exc:
        raise InvalidArgumentError(str(exc)) from None
    try:
        return _read_date(text, dateline, locale=locale, dayfirst=dayfirst)
    except DataError:
        raise
    except ValueError as exc:  # the text is not exactly one date
        raise DataError.single("$", str(exc)) from None


def _read_date(
    text: str, dateline: date | None, *, locale: str, dayfirst: bool | None
) -> PartialDate:
    """The date in `text`; ValueError (with what is wrong) if it holds none."""
    from diplomodel import _parse  # noqa: PLC0415 - the text parser loads on first use

    folded = _parse.fold(text)
    if _ISO.fullmatch(folded):
        return PartialDate.parse(folded)
    reading = _parse.read(folded, locale=locale, dayfirst=dayfirst)
    if reading.relative is not None and reading.weekday is not None:
        if dateline is None:
            raise ValueError(f"{shown(text)} names a weekday: a dateline is needed to resolve it")
        day = _relative_day(reading.weekday, reading.relative, dateline)
        return PartialDate.from_date(day)
    year = reading.year
    if year is None:
        if dateline is None:
            raise ValueError(f"{shown(text)} has no year: pass the report's dateline")
        year = dateline.year
    result = PartialDate(year=year, month=reading.month, day=reading.day)
    if reading.weekday is not None:
        _check_weekday(text, result, Weekday(reading.weekday))
    return result


def _check_weekday(text: str, result: PartialDate, named: Weekday) -> None:
    """Reject a weekday that comes without a day or contradicts it."""
    if result.precision is not Precision.DAY:
        raise ValueError(f"{text!r} gives a weekday without a day of the month")
    actual = Weekday.from_date(result.to_date())
    if actual is not named:
        raise ValueError(
            f"{text!r}: {result} is a {actual.name.title()}, not a {named.name.title()}"
        )
