"""Tests for `diplomodel.anniversaries`."""

from __future__ import annotations

import calendar
from datetime import date, datetime

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from diplomodel.anniversaries import (
    Anniversary,
    LeapDayPolicy,
    anniversaries,
    anniversary_in_year,
    anniversary_number,
    is_jubilee,
    next_anniversary,
)
from diplomodel.dates import PartialDate, Precision

TIES = date(1949, 10, 2)  # diplomatic ties between the PRC and the USSR
SERIES = PartialDate(year=1996)  # regular heads-of-government meetings since 1996
MEETING = date(2024, 8, 21)  # the 29th regular meeting, in Moscow
LEAP = date(2000, 2, 29)
P = PartialDate.parse

days = st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31))
policies = st.sampled_from(LeapDayPolicy)


@st.composite
def starts(draw: st.DrawFn) -> date | PartialDate:
    """A `since` of any kind: a date, or a partial date of any precision."""
    day = draw(st.one_of(days, st.just(LEAP), st.just(date(1996, 2, 29))))
    precision = draw(st.sampled_from([None, *Precision]))
    if precision is None:
        return day
    if precision is Precision.YEAR:
        return PartialDate(year=day.year)
    if precision is Precision.MONTH:
        return PartialDate(year=day.year, month=day.month)
    return PartialDate.from_date(day)


def brute_force_number(since: date, on: date, policy: LeapDayPolicy) -> int:
    """Completed years, counted one anniversary at a time with the calendar module."""
    completed = 0
    while True:
        year = since.year + completed + 1
        if calendar.isleap(year) or (since.month, since.day) != (2, 29):
            falls = date(year, since.month, since.day)
        elif policy is LeapDayPolicy.FEB_28:
            falls = date(year, 2, 28)
        else:
            falls = date(year, 3, 1)
        if falls > on:
            return completed
        completed += 1


def cut(day: date, precision: Precision) -> PartialDate:
    """A day cut down to a precision."""
    if precision is Precision.YEAR:
        return PartialDate(year=day.year)
    if precision is Precision.MONTH:
        return PartialDate(year=day.year, month=day.month)
    return PartialDate.from_date(day)


def precision_of(since: date | PartialDate) -> Precision:
    """The precision of a `since` argument."""
    return since.precision if isinstance(since, PartialDate) else Precision.DAY


class TestSeedFacts:
    """The anniversary facts in the 2024 report."""

    def test_seventy_fifth_falls_in_2024(self):
        """Ties of 2 October 1949 have their 75th anniversary on 2 October 2024."""
        assert anniversary_in_year(TIES, 2024) == Anniversary(number=75, date=P("2024-10-02"))

    def test_report_marks_the_75th_with_74_years_complete(self):
        """On 21 August 2024 only 74 years are complete, yet the 75th falls that year."""
        assert anniversary_number(TIES, MEETING) == 74
        assert anniversary_in_year(TIES, MEETING.year).number == 75
        assert next_anniversary(TIES, MEETING) == anniversary_in_year(TIES, 2024)

    def test_seventy_fifth_is_a_jubilee(self):
        """The 75th is round by fives and by twenty-fives, not by tens."""
        anniversary = anniversary_in_year(TIES, 2024)
        assert anniversary.jubilee
        assert anniversary.is_jubilee(every=25)
        assert not anniversary.is_jubilee(every=10)

    def test_twenty_ninth_regular_meeting(self):
        """Annual meetings since 1996: 28 full years by August 2024, so this is the 29th."""
        assert anniversary_number(SERIES, MEETING) + 1 == 29
        assert anniversary_in_year(SERIES, 2024) == Anniversary(number=28, date=P("2024"))

    def test_jubilees_of_the_ties(self):
        """The round anniversaries of the ties up to 2024, by tens."""
        found = anniversaries(
            TIES, date(1949, 1, 1), date(2024, 12, 31), jubilee_only=True, every=10
        )
        assert [a.number for a in found] == [10, 20, 30, 40, 50, 60, 70]


class TestAnniversaryNumber:
    """`anniversary_number` counts completed years."""

    @pytest.mark.parametrize(
        ("on", "expected"),
        [
            (date(1949, 10, 2), 0),
            (date(1950, 10, 1), 0),
            (date(1950, 10, 2), 1),
            (date(2024, 10, 1), 74),
            (date(2024, 10, 2), 75),
            (date(2024, 12, 31), 75),
        ],
    )
    def test_day_precision(self, on, expected):
        """A year is complete on the anniversary day itself."""
        assert anniversary_number(TIES, on) == expected

    @pytest.mark.parametrize(
        ("since", "on", "expected"),
        [
            (P("1996"), date(1996, 6, 1), 0),
            (P("1996"), date(1997, 1, 1), 1),
            (P("1949-10"), date(2024, 9, 30), 74),
            (P("1949-10"), date(2024, 10, 1), 75),
            (P("1949-10-02"), date(2024, 10, 2), 75),
        ],
    )
    def test_partial_precision(self, since, on, expected):
        """With a partial since, the day is cut to its precision before comparing."""
        assert anniversary_number(since, on) == expected

    @pytest.mark.parametrize(
        ("since", "on"),
        [
            (TIES, date(1949, 10, 1)),
            (P("1996"), date(1995, 12, 31)),
            (P("1949-10"), date(1949, 9, 30)),
        ],
    )
    def test_before_since(self, since, on):
        """Counting before the start is an error."""
        with pytest.raises(ValueError, match="before 'since'"):
            anniversary_number(since, on)

    def test_datetime_arguments(self):
        """A datetime counts by its calendar day."""
        on = datetime(2024, 10, 2, 0, 0)  # noqa: DTZ001 - a naive wall-clock time
        assert anniversary_number(datetime(1949, 10, 2, 15), on) == 75  # noqa: DTZ001

    @given(days, days, policies)
    def test_against_brute_force(self, since, on, policy):
        """The count matches counting anniversaries one by one, under both leap-day policies."""
        since, on = min(since, on), max(since, on)
        assert anniversary_number(since, on, leap_day=policy) == brute_force_number(
            since, on, policy
        )

    @given(st.dates(min_value=date(1804, 2, 29), max_value=date(2200, 12, 31)), policies)
    def test_leap_day_against_brute_force(self, on, policy):
        """Starts on 29 February are counted like the brute force under both policies."""
        assert anniversary_number(date(1804, 2, 29), on, leap_day=policy) == brute_force_number(
            date(1804, 2, 29), on, policy
        )


class TestLeapDays:
    """Ties set up on 29 February follow `LeapDayPolicy`."""

    @pytest.mark.parametrize(
        ("policy", "expected"),
        [(LeapDayPolicy.FEB_28, "2001-02-28"), (LeapDayPolicy.MAR_1, "2001-03-01")],
    )
    def test_common_year(self, policy, expected):
        """In 2001 the anniversary of 29 February 2000 falls as the policy says."""
        assert str(anniversary_in_year(LEAP, 2001, leap_day=policy).date) == expected

    @pytest.mark.parametrize("policy", list(LeapDayPolicy))
    def test_leap_year(self, policy):
        """In 2004 it falls on the 29th under either policy."""
        assert str(anniversary_in_year(LEAP, 2004, leap_day=policy).date) == "2004-02-29"

    def test_default_is_feb_28(self):
        """The default policy is FEB_28."""
        assert str(anniversary_in_year(LEAP, 2001).date) == "2001-02-28"

    def test_count_on_28_february(self):
        """On 28 February 2001 a year is complete under FEB_28 but not under MAR_1."""
        on = date(2001, 2, 28)
        assert anniversary_number(LEAP, on) == 1
        assert anniversary_number(LEAP, on, leap_day=LeapDayPolicy.MAR_1) == 0

    @pytest.mark.parametrize(
        ("policy", "expected"),
        [
            (LeapDayPolicy.FEB_28, ["2001-02-28", "2002-02-28", "2003-02-28", "2004-02-29"]),
            (LeapDayPolicy.MAR_1, ["2001-03-01", "2002-03-01", "2003-03-01", "2004-02-29"]),
        ],
    )
    def test_series(self, policy, expected):
        """anniversaries() (by rrule) applies the policy every common year."""
        found = anniversaries(LEAP, date(2000, 1, 1), date(2004, 12, 31), leap_day=policy)
        assert [str(a.date) for a in found] == expected

    def test_century_rule(self):
        """1900 was not a leap year, 2000 was."""
        since = date(1896, 2, 29)
        assert str(anniversary_in_year(since, 1900).date) == "1900-02-28"
        assert str(anniversary_in_year(since, 2000).date) == "2000-02-29"

    def test_policy_must_be_the_enum(self):
        """A string is not a policy."""
        with pytest.raises(TypeError, match="LeapDayPolicy"):
            anniversary_in_year(LEAP, 2001, leap_day="mar_1")  # type: ignore[arg-type]


class TestAnniversaryInYear:
    """`anniversary_in_year` at every precision."""

    @pytest.mark.parametrize(
        ("since", "year", "expected"),
        [
            (TIES, 1950, Anniversary(number=1, date=P("1950-10-02"))),
            (P("1949-10"), 2024, Anniversary(number=75, date=P("2024-10"))),
            (P("1996"), 2024, Anniversary(number=28, date=P("2024"))),
        ],
    )
    def test_precision_is_kept(self, since, year, expected):
        """The anniversary has the precision of since."""
        assert anniversary_in_year(since, year) == expected

    @pytest.mark.parametrize(
        ("year", "error"),
        [
            (1949, ValueError),
            (1000, ValueError),
            (10000, ValueError),
            (True, TypeError),
            (2024.0, TypeError),
        ],
    )
    def test_bad_years(self, year, error):
        """Years up to since's own, beyond 9999 or not an int are rejected."""
        with pytest.raises(error):
            anniversary_in_year(TIES, year)

    @pytest.mark.parametrize("since", ["1949-10-02", 1949, None])
    def test_bad_since(self, since):
        """since must be a date or a PartialDate."""
        with pytest.raises(TypeError, match="'since'"):
            anniversary_in_year(since, 2024)


class TestNextAnniversary:
    """`next_anniversary` looks strictly after a day."""

    @pytest.mark.parametrize(
        ("since", "after", "expected"),
        [
            (TIES, date(2024, 8, 21), (75, "2024-10-02")),
            (TIES, date(2024, 10, 1), (75, "2024-10-02")),
            (TIES, date(2024, 10, 2), (76, "2025-10-02")),
            (TIES, date(1900, 1, 1), (1, "1950-10-02")),
            (TIES, date(1949, 10, 2), (1, "1950-10-02")),
            (P("1996"), date(2024, 8, 21), (29, "2025")),
            (P("1996"), date(2024, 12, 31), (29, "2025")),
            (P("1949-10"), date(2024, 9, 30), (75, "2024-10")),
            (P("1949-10"), date(2024, 10, 31), (76, "2025-10")),
            (LEAP, date(2001, 2, 28), (2, "2002-02-28")),
        ],
    )
    def test_cases(self, since, after, expected):
        """The first anniversary after the day, compared at since's precision."""
        found = next_anniversary(since, after)
        assert (found.number, str(found.date)) == expected

    def test_mar_1_policy(self):
        """Under MAR_1, the day after 28 February 2001 still awaits the 1st anniversary."""
        found = next_anniversary(LEAP, date(2001, 2, 28), leap_day=LeapDayPolicy.MAR_1)
        assert (found.number, str(found.date)) == (1, "2001-03-01")

    def test_no_anniversary_after_9999(self):
        """There is no anniversary after the end of the calendar."""
        with pytest.raises(ValueError, match="9999"):
            next_anniversary(TIES, date(9999, 10, 2))

    @given(starts(), days, policies)
    def test_strictly_after(self, since, after, policy):
        """The next anniversary falls after the day, at since's precision, and counts one more."""
        found = next_anniversary(since, after, leap_day=policy)
        precision = precision_of(since)
        assert found.date > cut(after, precision)
        if found.date.precision is Precision.DAY:
            assert found.date.to_date() > after
        if cut(after, precision) >= (
            since if isinstance(since, PartialDate) else cut(since, precision)
        ):
            assert found.number == anniversary_number(since, after, leap_day=policy) + 1


class TestAnniversaries:
    """`anniversaries` lists a window."""

    def test_window_is_inclusive(self):
        """Anniversaries on start and end are included."""
        found = anniversaries(TIES, date(2019, 10, 2), date(2024, 10, 2))
        assert [a.number for a in found] == [70, 71, 72, 73, 74, 75]

    def test_window_excludes_outside(self):
        """Anniversaries a day outside are not."""
        found = anniversaries(TIES, date(2019, 10, 3), date(2024, 10, 1))
        assert [a.number for a in found] == [71, 72, 73, 74]

    def test_year_precision_window(self):
        """A year-precision anniversary is in the window when its year is."""
        found = anniversaries(SERIES, date(2024, 12, 31), date(2026, 1, 1))
        assert [str(a.date) for a in found] == ["2024", "2025", "2026"]

    def test_month_precision_window(self):
        """A month-precision anniversary is in the window when its month is."""
        found = anniversaries(P("1949-10"), date(2023, 10, 31), date(2024, 10, 1))
        assert [str(a.date) for a in found] == ["2023-10", "2024-10"]

    def test_before_first_anniversary(self):
        """A window entirely before the first anniversary is empty."""
        assert anniversaries(TIES, date(1900, 1, 1), date(1950, 10, 1)) == ()

    def test_jubilee_only(self):
        """jubilee_only keeps multiples of every (5 by default)."""
        found = anniversaries(TIES, date(1950, 1, 1), date(2024, 12, 31), jubilee_only=True)
        assert [a.number for a in found] == list(range(5, 76, 5))

    @pytest.mark.parametrize(
        ("kwargs", "error"),
        [
            ({"every": 1}, ValueError),
            ({"every": 0}, ValueError),
            ({"every": True}, TypeError),
            ({"every": 5.0}, TypeError),
            ({"jubilee_only": 1}, TypeError),
            ({"leap_day": None}, TypeError),
        ],
    )
    def test_bad_options(self, kwargs, error):
        """every must be an int of 2 or more; jubilee_only a bool; leap_day the enum."""
        with pytest.raises(error):
            anniversaries(TIES, date(2000, 1, 1), date(2024, 1, 1), **kwargs)

    def test_end_before_start(self):
        """A window that ends before it starts is an error."""
        with pytest.raises(ValueError, match="before 'start'"):
            anniversaries(TIES, date(2024, 1, 1), date(2023, 1, 1))

    def test_end_of_calendar(self):
        """Windows reaching 9999 and starts in 9999 work."""
        assert len(anniversaries(date(9998, 1, 1), date(9000, 1, 1), date(9999, 12, 31))) == 1
        assert anniversaries(date(9999, 1, 1), date(9999, 1, 1), date(9999, 12, 31)) == ()

    @given(
        starts(), days, st.integers(0, 60), st.tuples(policies, st.booleans(), st.integers(2, 25))
    )
    def test_agrees_with_anniversary_in_year(self, since, start, length, options):
        """The window holds exactly the anniversary_in_year results that fall inside it."""
        policy, only, every = options
        end = date(min(start.year + length, 9999), 12, 31) if length else start
        found = anniversaries(since, start, end, jubilee_only=only, every=every, leap_day=policy)
        precision = precision_of(since)
        since_year = since.year
        expected = [
            a
            for year in range(max(since_year + 1, start.year), end.year + 1)
            if cut(start, precision)
            <= (a := anniversary_in_year(since, year, leap_day=policy)).date
            <= cut(end, precision)
            and (not only or is_jubilee(a.number, every=every))
        ]
        assert list(found) == expected
        assert list(found) == sorted(found, key=lambda a: a.date)


class TestIsJubilee:
    """`is_jubilee` and the `Anniversary` helpers."""

    @pytest.mark.parametrize(
        ("n", "every", "expected"),
        [
            (5, 5, True),
            (75, 5, True),
            (74, 5, False),
            (1, 5, False),
            (50, 25, True),
            (75, 10, False),
            (2, 2, True),
        ],
    )
    def test_values(self, n, every, expected):
        """Multiples of every are jubilees."""
        assert is_jubilee(n, every=every) is expected

    @pytest.mark.parametrize(
        ("args", "kwargs", "error"),
        [
            ((0,), {}, ValueError),
            ((-5,), {}, ValueError),
            ((True,), {}, TypeError),
            ((5.0,), {}, TypeError),
            ((10,), {"every": 1}, ValueError),
            ((10,), {"every": False}, TypeError),
        ],
    )
    def test_rejections(self, args, kwargs, error):
        """n >= 1 and every >= 2, both real ints."""
        with pytest.raises(error):
            is_jubilee(*args, **kwargs)


class TestAnniversaryClass:
    """The `Anniversary` value object."""

    def test_frozen(self):
        """Anniversaries are immutable; evolve makes a new one."""
        a = Anniversary(number=75, date=P("2024-10-02"))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            a.number = 76  # type: ignore[misc]
        assert attrs.evolve(a, number=76).number == 76

    def test_keyword_only(self):
        """Fields are keyword-only."""
        with pytest.raises(TypeError):
            Anniversary(75, P("2024-10-02"))  # type: ignore[call-arg]

    @pytest.mark.parametrize(
        ("number", "day", "error"),
        [
            (0, P("2024"), ValueError),
            (True, P("2024"), TypeError),
            ("75", P("2024"), TypeError),
            (75, date(2024, 10, 2), TypeError),
            (75, "2024-10-02", TypeError),
        ],
    )
    def test_validation(self, number, day, error):
        """number is an int >= 1 and date a PartialDate."""
        with pytest.raises(error):
            Anniversary(number=number, date=day)

    def test_precision(self):
        """precision is that of the date."""
        assert Anniversary(number=1, date=P("1997-04")).precision is Precision.MONTH

    @given(starts(), st.integers(1, 300), policies)
    def test_precision_follows_since(self, since, offset, policy):
        """Every anniversary has the precision of its since."""
        year = since.year + offset
        assume(year <= 9999)
        found = anniversary_in_year(since, year, leap_day=policy)
        assert found.precision is precision_of(since)
        assert found.number == offset
