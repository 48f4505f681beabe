"""Tests for news-style date parsing: `parse_date`, `resolve_weekday` and `Weekday`."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomodel.dates import PartialDate, Precision, Weekday, parse_date, resolve_weekday

THURSDAY = date(2024, 8, 22)  # the dateline of a report on the Wednesday meeting
# English names written out: the calendar module's names follow the system locale.
MONTHS = "January February March April May June July August September October November December"
MONTH_NAMES = ("", *MONTHS.split())
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
P = PartialDate.parse


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Partial dates of every precision over years 1 to 9999."""
    year = draw(st.integers(1, 9999))
    precision = draw(st.sampled_from(Precision))
    if precision is Precision.YEAR:
        return PartialDate(year=year)
    month = draw(st.integers(1, 12))
    if precision is Precision.MONTH:
        return PartialDate(year=year, month=month)
    return PartialDate(year=year, month=month, day=draw(st.integers(1, 28)))


class TestEnglish:
    """English phrasings, with and without a dateline."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("21 August 2024", "2024-08-21"),
            ("August 21, 2024", "2024-08-21"),
            ("Aug. 21, 2024", "2024-08-21"),
            ("21 Aug 2024", "2024-08-21"),
            ("AUGUST 21 2024", "2024-08-21"),
            ("21st of August 2024", "2024-08-21"),
            ("August 21st, 2024", "2024-08-21"),
            ("on 21 August 2024", "2024-08-21"),
            ("Sept. 3, 2024", "2024-09-03"),
            ("Wednesday, 21 August 2024", "2024-08-21"),
            ("Wed., Aug. 21, 2024", "2024-08-21"),
            ("2 October 1949.", "1949-10-02"),
            ("August 2024", "2024-08"),
            ("in August 2024", "2024-08"),
            ("August of 2024", "2024-08"),
            ("2024", "2024"),
            ("in 1996", "1996"),
            ("  2024-08-21 ", "2024-08-21"),
        ],
    )
    def test_explicit_dates(self, text, expected):
        """Dates that carry their own year need no dateline and keep their precision."""
        assert str(parse_date(text)) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Aug. 21", "2024-08-21"),
            ("August 21", "2024-08-21"),
            ("21 August", "2024-08-21"),
            ("on Aug. 21", "2024-08-21"),
            ("Wednesday, Aug. 21", "2024-08-21"),
            ("August", "2024-08"),
        ],
    )
    def test_year_from_dateline(self, text, expected):
        """A month and day without a year take the dateline's year."""
        assert str(parse_date(text, dateline=THURSDAY)) == expected

    def test_missing_year_without_dateline(self):
        """'Aug. 21' without a dateline is an error, not this year."""
        with pytest.raises(ValueError, match="no year"):
            parse_date("Aug. 21")

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Wednesday", date(2024, 8, 21)),
            ("on Wednesday", date(2024, 8, 21)),
            ("on Wed.", date(2024, 8, 21)),
            ("last Wednesday", date(2024, 8, 21)),
            ("next Wednesday", date(2024, 8, 28)),
            ("on Thursday", THURSDAY),
            ("last Thursday", date(2024, 8, 15)),
            ("next Thursday", date(2024, 8, 29)),
            ("on Friday", date(2024, 8, 16)),
            ("on Tues", date(2024, 8, 20)),
        ],
    )
    def test_weekdays(self, text, expected):
        """Weekdays resolve against the dateline; 'last' and 'next' never mean the dateline."""
        assert parse_date(text, dateline=THURSDAY) == PartialDate.from_date(expected)

    def test_weekday_without_dateline(self):
        """A bare weekday cannot be resolved without a dateline."""
        with pytest.raises(ValueError, match="dateline"):
            parse_date("on Wednesday")


class TestRussian:
    """Russian phrasings: genitive months, year words, weekday accusatives."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("21 августа 2024 года", "2024-08-21"),
            ("21 августа 2024 г.", "2024-08-21"),
            ("21 августа 2024", "2024-08-21"),
            ("21 авг. 2024", "2024-08-21"),
            ("2 октября 1949 года", "1949-10-02"),
            ("среда, 21 августа 2024 года", "2024-08-21"),
            ("21.08.2024", "2024-08-21"),
            ("21.08.2024 г.", "2024-08-21"),
            ("август 2024", "2024-08"),
            ("в августе 2024", None),
            ("в 1996 году", "1996"),
            ("2024 год", "2024"),
        ],
    )
    def test_explicit_dates(self, text, expected):
        """Russian dates with a year; the prepositional 'августе' is not a CLDR form."""
        if expected is None:
            with pytest.raises(ValueError, match="not part of a date"):
                parse_date(text, locale="ru")
        else:
            assert str(parse_date(text, locale="ru")) == expected

    def test_day_month_from_dateline(self):
        """'21 августа' takes the dateline's year."""
        assert str(parse_date("21 августа", dateline=THURSDAY, locale="ru")) == "2024-08-21"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("в среду", date(2024, 8, 21)),
            ("В среду", date(2024, 8, 21)),
            ("среда", date(2024, 8, 21)),
            ("во вторник", date(2024, 8, 20)),
            ("в пятницу", date(2024, 8, 16)),
            ("в субботу", date(2024, 8, 17)),
            ("в четверг", THURSDAY),
            ("в прошлую среду", date(2024, 8, 21)),
            ("в прошлый четверг", date(2024, 8, 15)),
            ("в следующую среду", date(2024, 8, 28)),
            ("в следующее воскресенье", date(2024, 8, 25)),
        ],
    )
    def test_weekdays(self, text, expected):
        """Russian weekdays in the nominative and the accusative resolve against the dateline."""
        assert parse_date(text, dateline=THURSDAY, locale="ru").to_date() == expected

    def test_regional_locale(self):
        """A regional identifier in either spelling uses the language's names."""
        assert str(parse_date("21 августа 2024 года", locale="ru-RU")) == "2024-08-21"
        assert str(parse_date("21 августа 2024 года", locale="ru_RU")) == "2024-08-21"


class TestChinese:
    """Chinese phrasings: 年月日, 周/星期/礼拜 weekdays and week-relative 上周."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2024年8月21日", "2024-08-21"),
            ("2024 年 8 月 21 日", "2024-08-21"),
            ("２０２４年８月２１日", "2024-08-21"),
            ("2024年8月21号", "2024-08-21"),
            ("于2024年8月21日", "2024-08-21"),
            ("2024年8月21日（星期三）", "2024-08-21"),
            ("2024年8月21日周三", "2024-08-21"),
            ("1949年10月2日", "1949-10-02"),
            ("2024年八月", "2024-08"),
            ("2024年8月", "2024-08"),
            ("2024年12月", "2024-12"),
            ("2024年", "2024"),
            ("2024/8/21", "2024-08-21"),
        ],
    )
    def test_explicit_dates(self, text, expected):
        """Chinese dates with a year."""
        assert str(parse_date(text, locale="zh")) == expected

    def test_month_day_from_dateline(self):
        """'8月21日' takes the dateline's year."""
        assert str(parse_date("8月21日", dateline=THURSDAY, locale="zh")) == "2024-08-21"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("周三", date(2024, 8, 21)),
            ("星期三", date(2024, 8, 21)),
            ("礼拜三", date(2024, 8, 21)),
            ("在周三", date(2024, 8, 21)),
            ("周四", THURSDAY),
            ("星期天", date(2024, 8, 18)),
            ("周日", date(2024, 8, 18)),
            ("上周三", date(2024, 8, 14)),
            ("上个星期三", date(2024, 8, 14)),
            ("上周日", date(2024, 8, 18)),
            ("本周三", date(2024, 8, 21)),
            ("这周五", date(2024, 8, 23)),
            ("下周三", date(2024, 8, 28)),
        ],
    )
    def test_weekdays(self, text, expected):
        """Bare weekdays look back; 上/本/下 pick a day in the previous, same or next week."""
        assert parse_date(text, dateline=THURSDAY, locale="zh").to_date() == expected

    def test_traditional_script(self):
        """zh_Hant uses CLDR's traditional names (週三)."""
        assert parse_date("週三", dateline=THURSDAY, locale="zh_Hant").to_date() == date(
            2024, 8, 21
        )


class TestYearEnds:
    """Weekdays and relative phrases across a year boundary."""

    def test_last_tuesday_in_the_old_year(self):
        """A report of Thursday 2 January 2025 about 'last Tuesday' means 31 December 2024."""
        assert parse_date("last Tuesday", dateline=date(2025, 1, 2)).to_date() == date(2024, 12, 31)

    @pytest.mark.parametrize(
        ("text", "locale"), [("on Wednesday", "en"), ("в среду", "ru"), ("周三", "zh")]
    )
    def test_on_wednesday_in_the_old_year(self, text, locale):
        """'On Wednesday' reported on Tuesday 2 January 2024 is 27 December 2023."""
        day = parse_date(text, dateline=date(2024, 1, 2), locale=locale).to_date()
        assert day == date(2023, 12, 27)

    def test_on_monday_in_the_old_year(self):
        """'On Monday' reported on Thursday 2 January 2025 is 30 December 2024."""
        assert parse_date("on Monday", dateline=date(2025, 1, 2)).to_date() == date(2024, 12, 30)

    def test_next_friday_in_the_new_year(self):
        """'Next Friday' announced on 30 December 2024 is 3 January 2025."""
        assert parse_date("next Friday", dateline=date(2024, 12, 30)).to_date() == date(2025, 1, 3)

    def test_shang_zhou_across_the_year(self):
        """上周一 seen from Thursday 2 January 2025 is Monday 23 December 2024."""
        day = parse_date("上周一", dateline=date(2025, 1, 2), locale="zh").to_date()
        assert day == date(2024, 12, 23)


class TestNumericAndIso:
    """All-digit dates: the dayfirst rule, and ISO 8601 forms."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("21.08.2024", "2024-08-21"),
            ("03.04.2024", "2024-04-03"),
            ("21/08/2024", "2024-08-21"),
            ("08/21/2024", "2024-08-21"),
            ("21-08-2024", "2024-08-21"),
            ("04/04/2024", "2024-04-04"),
            ("08/2024", "2024-08"),
            ("2024/08/21", "2024-08-21"),
            ("2024-08-21", "2024-08-21"),
            ("2024-08", "2024-08"),
            ("20240821", "2024-08-21"),
            ("2024-W34-3", "2024-08-21"),
            ("2024-234", "2024-08-21"),
            ("2024-08-21T23:30:00-05:00", "2024-08-21"),
        ],
    )
    def test_unambiguous(self, text, expected):
        """Dotted dates are day-first; a number above 12 settles the order; ISO is ISO."""
        assert str(parse_date(text)) == expected

    @pytest.mark.parametrize("text", ["03/04/2024", "03-04-2024"])
    def test_ambiguous_needs_dayfirst(self, text):
        """'03/04/2024' could be 3 April or 4 March: no guess without dayfirst."""
        with pytest.raises(ValueError, match="ambiguous"):
            parse_date(text)
        assert str(parse_date(text, dayfirst=True)) == "2024-04-03"
        assert str(parse_date(text, dayfirst=False)) == "2024-03-04"

    def test_dayfirst_overrides_dots(self):
        """An explicit dayfirst=False reads even a dotted date month-first."""
        assert str(parse_date("03.04.2024", dayfirst=False)) == "2024-03-04"

    def test_dayfirst_contradicted(self):
        """dayfirst=False with 21/08/2024 names a 21st month: an error, not a swap."""
        with pytest.raises(ValueError, match="'month'"):
            parse_date("21/08/2024", dayfirst=False)

    @pytest.mark.parametrize("text", ["21/08/24", "2024-13-45T00:00", "13/13/2024"])
    def test_bad_numbers(self, text):
        """Two-digit years, impossible ISO dates and impossible months are errors."""
        with pytest.raises(ValueError):  # noqa: PT011 - the messages differ by case
            parse_date(text)


class TestRejections:
    """Text that is not exactly one date raises ValueError."""

    @pytest.mark.parametrize(
        ("text", "locale", "match"),
        [
            ("75th anniversary", "en", "neither a day of the month nor a year"),
            ("the 75th anniversary of diplomatic ties", "en", "neither a day"),
            ("the 29th regular meeting", "en", "not part of a date"),
            ("the 29th", "en", "needs a month"),
            ("29", "en", "needs a month"),
            ("75", "en", "neither a day"),
            ("", "en", "no date"),
            ("   ", "en", "no date"),
            ("on the", "en", "no date"),
            ("last", "en", "no date"),
            ("mid-August 2024", "en", "not part of a date"),
            ("August 2024 21", "en", "next to the month"),
            ("21 22 August 2024", "en", "two days"),
            ("21 August 2024 2025", "en", "two years"),
            ("21 August 2024, 2 October 1949", "en", "two"),
            ("21st August 2024 1st", "en", "two days"),
            ("21nd August 2024", "en", "neither a day"),
            ("last 21 August 2024", "en", "weekday alone"),
            ("last August", "en", "weekday alone"),
            ("года 2024", "ru", "must follow a year"),
            ("21 August 2024", "ru", "not part of a date"),
            ("第29次定期会晤", "zh", "not part of a date"),
            ("2024年8月21日 2024年8月22日", "zh", "two"),
            ("31 June 2024", "en", "'day' must be from 1 to 30"),
            ("29 February 2023", "en", "'day' must be from 1 to 28"),
        ],
    )
    def test_not_a_date(self, text, locale, match):
        """Ordinals, stray words, repeated parts and impossible days are rejected."""
        with pytest.raises(ValueError, match=match):
            parse_date(text, dateline=THURSDAY, locale=locale)

    @pytest.mark.parametrize(
        ("text", "locale"),
        [
            ("Wednesday, 22 August 2024", "en"),
            ("Tuesday, Aug. 21", "en"),
            ("четверг, 21 августа 2024 года", "ru"),
            ("2024年8月21日（星期四）", "zh"),
            ("21.08.2024, Friday", "en"),
        ],
    )
    def test_contradicting_weekday(self, text, locale):
        """A weekday that the explicit date does not fall on is an error."""
        with pytest.raises(ValueError, match="not a"):
            parse_date(text, dateline=THURSDAY, locale=locale)

    @pytest.mark.parametrize("text", ["Wednesday, August 2024", "Wednesday 2024"])
    def test_weekday_without_day(self, text):
        """A weekday with only a month or a year says nothing checkable."""
        with pytest.raises(ValueError, match="without a day"):
            parse_date(text)

    @pytest.mark.parametrize("locale", ["xx", "", "not a locale", "en_XX_YY_ZZ"])
    def test_unknown_locale(self, locale):
        """An unknown locale is a ValueError, even for ISO text."""
        with pytest.raises(ValueError, match="locale"):
            parse_date("2024-08-21", locale=locale)

    @pytest.mark.parametrize(
        ("kwargs", "error"),
        [
            ({"text": 20240821}, TypeError),
            ({"text": b"2024"}, TypeError),
            ({"text": "on Wednesday", "dateline": "2024-08-22"}, TypeError),
            ({"text": "03/04/2024", "dayfirst": 1}, TypeError),
            ({"text": "2024", "locale": None}, TypeError),
        ],
    )
    def test_wrong_types(self, kwargs, error):
        """Wrong argument types raise TypeError; no locale or dateline is ever defaulted."""
        text = kwargs.pop("text")
        with pytest.raises(error):
            parse_date(text, **kwargs)


class TestSeedReport:
    """The facts of the 2024 heads-of-government report."""

    def test_meeting_day(self):
        """'On Wednesday' in a report dated Thursday 22 August 2024 is the meeting day."""
        assert str(parse_date("on Wednesday", dateline=THURSDAY)) == "2024-08-21"

    def test_same_day_in_three_languages(self):
        """The meeting day written in English, Russian and Chinese is one date."""
        texts = [("21 August 2024", "en"), ("21 августа 2024 года", "ru"), ("2024年8月21日", "zh")]
        assert {parse_date(t, locale=loc) for t, loc in texts} == {P("2024-08-21")}

    def test_ties_established(self):
        """2 October 1949 parses in every language."""
        for text, locale in [("2 October 1949", "en"), ("2 октября 1949 г.", "ru")]:
            assert parse_date(text, locale=locale) == P("1949-10-02")
        assert parse_date("1949年10月2日", locale="zh") == P("1949-10-02")

    def test_datetime_dateline(self):
        """A datetime dateline counts by its calendar day only."""
        dateline = datetime(2024, 8, 22, 23, 59)  # noqa: DTZ001 - a naive wall-clock time
        assert str(parse_date("on Wednesday", dateline=dateline)) == "2024-08-21"


class TestResolveWeekday:
    """`resolve_weekday` in both directions."""

    @pytest.mark.parametrize(
        ("name", "direction", "expected"),
        [
            ("Wednesday", "past", date(2024, 8, 21)),
            ("wednesday", "past", date(2024, 8, 21)),
            ("WED", "past", date(2024, 8, 21)),
            ("We", "past", date(2024, 8, 21)),
            ("Thursday", "past", THURSDAY),
            ("Thursday", "future", THURSDAY),
            ("Friday", "past", date(2024, 8, 16)),
            ("Friday", "future", date(2024, 8, 23)),
            ("Wednesday", "future", date(2024, 8, 28)),
            (Weekday.WEDNESDAY, "past", date(2024, 8, 21)),
            (Weekday.MONDAY, "future", date(2024, 8, 26)),
        ],
    )
    def test_english(self, name, direction, expected):
        """Past looks back from the dateline, future forward; the same weekday is the dateline."""
        assert resolve_weekday(name, THURSDAY, direction) == expected

    @pytest.mark.parametrize(
        ("name", "locale"),
        [
            ("среда", "ru"),
            ("Среда", "ru"),
            ("среду", "ru"),
            ("ср", "ru"),
            ("周三", "zh"),
            ("星期三", "zh"),
            ("礼拜三", "zh"),
        ],
    )
    def test_other_languages(self, name, locale):
        """CLDR names of every width, in Russian and Chinese."""
        assert resolve_weekday(name, THURSDAY, locale=locale) == date(2024, 8, 21)

    def test_default_direction_is_past(self):
        """Reports look back unless told otherwise."""
        assert resolve_weekday("Monday", THURSDAY) == date(2024, 8, 19)

    @pytest.mark.parametrize(
        ("args", "kwargs", "error"),
        [
            (("Wednesday", THURSDAY, "backwards"), {}, ValueError),
            (("Wednesday", THURSDAY, "Past"), {}, ValueError),
            (("Mittwoch", THURSDAY), {}, ValueError),
            (("Wednesday", THURSDAY), {"locale": "ru"}, ValueError),
            (("on Wednesday", THURSDAY), {}, ValueError),
            (("Wednesday", THURSDAY), {"locale": "xx"}, ValueError),
            ((Weekday.WEDNESDAY, THURSDAY), {"locale": "xx"}, ValueError),
            (("Wednesday", "2024-08-22"), {}, TypeError),
            ((2, THURSDAY), {}, TypeError),
        ],
    )
    def test_rejections(self, args, kwargs, error):
        """Unknown directions, names and locales are ValueErrors; wrong types TypeErrors."""
        with pytest.raises(error):
            resolve_weekday(*args, **kwargs)

    def test_edge_of_the_calendar(self):
        """Looking back from 1 January 1 (a Monday) past the calendar's start is a ValueError."""
        with pytest.raises(ValueError, match="outside years"):
            resolve_weekday("Sunday", date(1, 1, 1))

    @given(
        st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 31)),
        st.sampled_from(Weekday),
        st.sampled_from(["past", "future"]),
    )
    def test_property(self, dateline, weekday, direction):
        """The result has the named weekday and lies 0 to 6 days from the dateline that way."""
        day = resolve_weekday(weekday, dateline, direction)
        assert Weekday.from_date(day) is weekday
        offset = (day - dateline).days if direction == "future" else (dateline - day).days
        assert 0 <= offset <= 6

    @given(st.dates(min_value=date(2, 1, 1), max_value=date(9998, 12, 31)), st.integers(0, 6))
    def test_names_agree_with_enum(self, dateline, number):
        """Every wide English name resolves like its Weekday member."""
        name = DAY_NAMES[number]
        assert resolve_weekday(name, dateline) == resolve_weekday(Weekday(number), dateline)


class TestWeekdayEnum:
    """The `Weekday` enum."""

    def test_numbering(self):
        """Members are numbered like datetime.date.weekday()."""
        day = date(2024, 8, 19)
        assert [Weekday.from_date(day + timedelta(days=n)).value for n in range(7)] == list(
            range(7)
        )

    def test_not_an_int(self):
        """A Weekday is its own type, not an int."""
        assert Weekday.MONDAY != 0  # type: ignore[comparison-overlap]

    def test_from_date_rejects_text(self):
        """from_date needs a date."""
        with pytest.raises(TypeError):
            Weekday.from_date("2024-08-21")  # type: ignore[arg-type]


class TestNoHiddenContext:
    """Results depend on the arguments only, never on the environment."""

    @pytest.mark.parametrize(
        "environment",
        [
            {"TZ": "Pacific/Kiritimati", "LANG": "ru_RU.UTF-8", "LC_ALL": "ru_RU.UTF-8"},
            {"TZ": "America/Adak", "LANG": "zh_CN.UTF-8", "LC_TIME": "zh_CN.UTF-8"},
        ],
    )
    def test_environment_is_ignored(self, monkeypatch, environment):
        """Time zone and locale variables change nothing; the locale defaults to 'en'."""
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        assert str(parse_date("on Wednesday", dateline=THURSDAY)) == "2024-08-21"
        assert resolve_weekday("Wednesday", THURSDAY) == date(2024, 8, 21)
        with pytest.raises(ValueError, match="not part of a date"):
            parse_date("в среду", dateline=THURSDAY)


class TestRoundTrip:
    """parse_date reads what PartialDate writes."""

    @given(partial_dates())
    def test_iso_text(self, value):
        """parse_date(str(d)) == d for every partial date."""
        assert parse_date(str(value)) == value

    @given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
    def test_english_long_form(self, day):
        """A day written like '21 August 2024' reads back."""
        text = f"{day.day} {MONTH_NAMES[day.month]} {day.year}"
        assert parse_date(text).to_date() == day

    @given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
    def test_chinese_form(self, day):
        """A day written 年月日 reads back."""
        assert parse_date(f"{day.year}年{day.month}月{day.day}日", locale="zh").to_date() == day
