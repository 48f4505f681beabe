"""Dates as reports give them: a year, a month, or a day.

A report may say "in 1996", "in August 2024" or "on 21 August 2024". A
`PartialDate` keeps exactly that much and no more, so that data never claims a
precision its source did not have.
"""

from __future__ import annotations

import calendar
import enum
import re
from datetime import date
from typing import Any

from attrs import field, frozen

__all__ = ["PartialDate", "Precision"]


class Precision(enum.Enum):
    """How much of a `PartialDate` is known.

    >>> PartialDate.parse("2024-08").precision
    <Precision.MONTH: 'month'>
    """

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


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


def _none_first(value: int | None) -> int:
    """Order key for an optional month or day: unknown sorts before known."""
    return 0 if value is None else value


@frozen(kw_only=True, order=True)
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
    month: int | None = field(default=None, validator=_check_month, order=_none_first)
    day: int | None = field(default=None, order=_none_first)

    @day.validator
    def _check_day(self, _attribute: object, value: object) -> None:
        if value is None:
            return
        if type(value) is not int:
            raise ValueError(f"'day' must be an int or None (got {value!r})")
        if self.month is None:
            raise ValueError(f"'day' needs a month (got day={value} without one)")
        last = calendar.monthrange(self.year, self.month)[1]
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
            ValueError: The text is not one of the three forms or names a day
                that does not exist.

        >>> PartialDate.parse("2024-08")
        PartialDate(year=2024, month=8, day=None)
        >>> PartialDate.parse("2024-02-30")
        Traceback (most recent call last):
        ...
        ValueError: 'day' must be from 1 to 29 in 2024-02 (got 30)
        """
        if not isinstance(text, str):
            raise TypeError(f"PartialDate.parse() needs a str (got {type(text).__name__})")
        match = _ISO.fullmatch(text)
        if match is None:
            raise ValueError(
                f"not an ISO 8601 date (expected YYYY, YYYY-MM or YYYY-MM-DD): {text!r}"
            )
        month = match["month"]
        day = match["day"]
        return cls(
            year=int(match["year"]),
            month=None if month is None else int(month),
            day=None if day is None else int(day),
        )

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
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

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
        day = self.day or calendar.monthrange(self.year, month)[1]
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
            return self.earliest() <= _as_date(value) <= self.latest()
        raise TypeError(f"contains() needs a date or PartialDate (got {type(value).__name__})")

    def to_date(self) -> date:
        """The `datetime.date` of a day-precision partial date.

        Inverse of `from_date`.

        Raises:
            ValueError: The date is not known to the day.

        >>> PartialDate.parse("2024-08-21").to_date()
        datetime.date(2024, 8, 21)
        """
        if self.month is None or self.day is None:
            raise ValueError(f"{self} is not known to the day")
        return date(self.year, self.month, self.day)


def _as_date(value: Any) -> date:
    """A plain date from a date or datetime (a datetime compares unequal to dates)."""
    return date(value.year, value.month, value.day)
