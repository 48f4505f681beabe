"""Tests for `diplomodel.dates`: `PartialDate` and `Precision`."""

from __future__ import annotations

from datetime import UTC, date, datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from diplomodel import PartialDate, Precision, testing

P = PartialDate.parse


def partial_dates() -> st.SearchStrategy[PartialDate]:
    """Partial dates of every precision over the whole supported year range."""
    return testing.partial_dates(min_year=1, max_year=9999)


class TestConstruction:
    """Building a `PartialDate` from its parts."""

    @pytest.mark.parametrize(
        ("parts", "expected"),
        [
            ({"year": 1}, "0001"),
            ({"year": 9999}, "9999"),
            ({"year": 2024, "month": 8}, "2024-08"),
            ({"year": 2024, "month": 8, "day": 21}, "2024-08-21"),
            ({"year": 2024, "month": 2, "day": 29}, "2024-02-29"),
            ({"year": 2000, "month": 2, "day": 29}, "2000-02-29"),
            ({"year": 9999, "month": 12, "day": 31}, "9999-12-31"),
        ],
    )
    def test_valid_parts(self, parts, expected):
        """Valid parts build a date whose text is zero-padded ISO."""
        assert str(PartialDate(**parts)) == expected

    def test_defaults(self):
        """Month and day default to None."""
        d = PartialDate(year=1996)
        assert (d.month, d.day) == (None, None)

    @pytest.mark.parametrize(
        ("parts", "match"),
        [
            ({"year": 0}, "'year'"),
            ({"year": 10000}, "'year'"),
            ({"year": -5}, "'year'"),
            ({"year": True}, "'year'"),
            ({"year": 2024.0}, "'year'"),
            ({"year": "2024"}, "'year'"),
            ({"year": None}, "'year'"),
            ({"year": 2024, "month": 0}, "'month'"),
            ({"year": 2024, "month": 13}, "'month'"),
            ({"year": 2024, "month": True}, "'month'"),
            ({"year": 2024, "month": "08"}, "'month'"),
            ({"year": 2024, "day": 1}, "'day' needs a month"),
            ({"year": 2024, "month": 8, "day": 0}, "'day' must be from 1 to 31"),
            ({"year": 2024, "month": 8, "day": 32}, "'day' must be from 1 to 31"),
            ({"year": 2024, "month": 2, "day": 30}, "'day' must be from 1 to 29"),
            ({"year": 2023, "month": 2, "day": 29}, "'day' must be from 1 to 28"),
            ({"year": 1900, "month": 2, "day": 29}, "'day' must be from 1 to 28"),
            ({"year": 2024, "month": 4, "day": 31}, "'day' must be from 1 to 30"),
            ({"year": 2024, "month": 8, "day": True}, "'day'"),
            ({"year": 2024, "month": 8, "day": "21"}, "'day'"),
        ],
    )
    def test_rejects_bad_parts(self, parts, match):
        """Out-of-range, non-int or bool parts, and a day without a month, raise ValueError."""
        with pytest.raises(ValueError, match=match):
            PartialDate(**parts)

    def test_keyword_only(self):
        """Parts cannot be passed positionally."""
        with pytest.raises(TypeError):
            PartialDate(2024, 8, 21)  # type: ignore[misc]

    def test_frozen(self):
        """Assigning to a part raises FrozenInstanceError."""
        d = PartialDate(year=2024)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            d.year = 2025  # type: ignore[misc]

    def test_slotted(self):
        """Partial dates have slots and no instance dict."""
        assert "__slots__" in vars(PartialDate)
        assert not hasattr(PartialDate(year=2024), "__dict__")

    def test_evolve_revalidates(self):
        """`attrs.evolve` builds a new date and runs the validators again."""
        d = PartialDate(year=2024, month=1, day=31)
        assert attrs.evolve(d, day=1) == PartialDate(year=2024, month=1, day=1)
        with pytest.raises(ValueError, match="'day' must be from 1 to 29"):
            attrs.evolve(d, month=2)


class TestParse:
    """Reading ISO 8601 text."""

    @pytest.mark.parametrize(
        ("text", "parts", "precision"),
        [
            ("1996", (1996, None, None), Precision.YEAR),
            ("0001", (1, None, None), Precision.YEAR),
            ("2024-08", (2024, 8, None), Precision.MONTH),
            ("2024-08-21", (2024, 8, 21), Precision.DAY),
            ("2024-02-29", (2024, 2, 29), Precision.DAY),
        ],
    )
    def test_three_forms(self, text, parts, precision):
        """Year, year-month and full-date text parse to the matching parts and precision."""
        d = PartialDate.parse(text)
        assert (d.year, d.month, d.day) == parts
        assert d.precision is precision

    @pytest.mark.parametrize(
        "text",
        [
            "2024-02-30",
            "2023-02-29",
            "2024-13",
            "2024-00",
            "0000",
            "24",
            "024",
            "20240",
            "2024-8",
            "2024-08-1",
            "20240821",
            "2024/08/21",
            "2024-08-21T00:00",
            "2024-08-21 ",
            " 2024",
            "2024\n",
            "",
            "-2024",
            "+2024",
            "2024-W33",
            "August 2024",
        ],
    )
    def test_rejects(self, text):
        """Anything but the three strict forms of a real date raises ValueError."""
        with pytest.raises(ValueError):  # noqa: PT011 - messages differ by cause
            PartialDate.parse(text)

    def test_rejects_with_reason(self):
        """A well-formed but impossible day is explained by the day validator."""
        with pytest.raises(ValueError, match=r"'day' must be from 1 to 28 in 2023-02 \(got 29\)"):
            PartialDate.parse("2023-02-29")

    def test_rejects_malformed_with_reason(self):
        """Malformed text is quoted in the message."""
        with pytest.raises(ValueError, match=r"not an ISO 8601 date.*'2024-8'"):
            PartialDate.parse("2024-8")

    @pytest.mark.parametrize("value", [2024, None, b"2024", date(2024, 8, 21), ["2024"]])
    def test_rejects_non_str(self, value):
        """Non-str input raises TypeError naming its type."""
        with pytest.raises(TypeError, match=type(value).__name__):
            PartialDate.parse(value)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "text",
        [
            "\u0662\u0660\u0662\u0664",  # Arabic-Indic digits for 2024
            "\uff12\uff10\uff12\uff14-\uff10\uff18",  # full-width 2024-08
        ],
    )
    def test_rejects_non_ascii_digits(self, text):
        """Digits outside ASCII are not ISO 8601 and are rejected."""
        with pytest.raises(ValueError):  # noqa: PT011
            PartialDate.parse(text)


class TestText:
    """`str`, `isoformat` and the round trip with `parse`."""

    @pytest.mark.parametrize(
        "text", ["0001", "0999", "1996", "2024-01", "2024-08-21", "0005-03-07"]
    )
    def test_round_trip(self, text):
        """`str` and `isoformat` give back exactly the parsed text."""
        d = PartialDate.parse(text)
        assert str(d) == text
        assert d.isoformat() == text
        assert PartialDate.parse(d.isoformat()) == d

    def test_repr(self):
        """The repr shows every part, including unknown ones."""
        assert repr(P("2024-08")) == "PartialDate(year=2024, month=8, day=None)"

    @given(st.dates())
    def test_round_trip_property(self, day):
        """Text of any day-precision date parses back to an equal date."""
        d = PartialDate.from_date(day)
        assert PartialDate.parse(str(d)) == d

    @given(partial_dates())
    def test_round_trip_any_precision(self, d):
        """Text of a partial date of any precision parses back to an equal one."""
        assert PartialDate.parse(d.isoformat()) == d


class TestPrecision:
    """`Precision` and the `precision` property."""

    def test_members(self):
        """Precision has exactly year, month and day, with those values."""
        assert [p.value for p in Precision] == ["year", "month", "day"]

    @pytest.mark.parametrize(
        ("d", "expected"),
        [
            (PartialDate(year=2024), Precision.YEAR),
            (PartialDate(year=2024, month=8), Precision.MONTH),
            (PartialDate(year=2024, month=8, day=21), Precision.DAY),
        ],
    )
    def test_precision(self, d, expected):
        """The precision reflects which parts are known."""
        assert d.precision is expected


class TestOrdering:
    """Total ordering, equality and hashing."""

    @pytest.mark.parametrize(
        ("lower", "higher"),
        [
            ("2023", "2024"),
            ("2023-12-31", "2024"),
            ("2024", "2024-01"),
            ("2024-01", "2024-01-01"),
            ("2024-01-01", "2024-01-02"),
            ("2024-01-31", "2024-02"),
            ("2024-01", "2024-02"),
            ("2024-12-31", "2025"),
            ("0999", "1000"),
        ],
    )
    def test_strictly_less(self, lower, higher):
        """Earlier years sort first; a containing date sorts before what it contains."""
        a, b = P(lower), P(higher)
        assert a < b
        assert b > a
        assert a <= b
        assert b >= a
        assert a != b
        assert not b < a

    def test_chain(self):
        """``2024 < 2024-01 < 2024-01-01 < 2024-02``."""
        assert P("2024") < P("2024-01") < P("2024-01-01") < P("2024-02")

    def test_sort_mixed_list(self):
        """A mixed-precision list sorts without error into the documented order."""
        texts = ["2024-02", "2024-01-01", "2023", "2024", "2024-01", "2024-01-15", "2023-12-31"]
        ordered = sorted(P(t) for t in texts)
        assert [str(d) for d in ordered] == [
            "2023",
            "2023-12-31",
            "2024",
            "2024-01",
            "2024-01-01",
            "2024-01-15",
            "2024-02",
        ]

    def test_equality_and_hash(self):
        """Equal parts make equal dates with equal hashes, whatever the route."""
        a = PartialDate(year=2024, month=8, day=21)
        b = P("2024-08-21")
        c = PartialDate.from_date(date(2024, 8, 21))
        assert a == b == c
        assert hash(a) == hash(b) == hash(c)
        assert len({a, b, c, P("2024-08"), P("2024")}) == 3

    @pytest.mark.parametrize(("a", "b"), [("2024", "2024-01"), ("2024-01", "2024-01-01")])
    def test_different_precision_not_equal(self, a, b):
        """A date and a more precise date inside it are different values."""
        assert P(a) != P(b)

    def test_not_equal_to_date(self):
        """A partial date never equals a `datetime.date`."""
        assert P("2024-08-21") != date(2024, 8, 21)

    def test_no_order_against_date(self):
        """Ordering against a `datetime.date` raises TypeError instead of guessing."""
        with pytest.raises(TypeError):
            _ = P("2024") < date(2024, 1, 1)

    @given(st.dates(), st.dates())
    def test_day_order_agrees_with_date_order(self, x, y):
        """Day-precision partial dates order exactly as their dates do."""
        a, b = PartialDate.from_date(x), PartialDate.from_date(y)
        assert (a < b) == (x < y)
        assert (a == b) == (x == y)
        assert (a > b) == (x > y)

    @given(partial_dates(), partial_dates())
    def test_total(self, a, b):
        """Any two partial dates compare in exactly one way."""
        assert [a < b, a == b, a > b].count(True) == 1


class TestSpan:
    """`earliest`, `latest` and `contains`."""

    @pytest.mark.parametrize(
        ("text", "earliest", "latest"),
        [
            ("2024", date(2024, 1, 1), date(2024, 12, 31)),
            ("2024-08", date(2024, 8, 1), date(2024, 8, 31)),
            ("2024-04", date(2024, 4, 1), date(2024, 4, 30)),
            ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
            ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
            ("1900-02", date(1900, 2, 1), date(1900, 2, 28)),
            ("2000-02", date(2000, 2, 1), date(2000, 2, 29)),
            ("2024-08-21", date(2024, 8, 21), date(2024, 8, 21)),
            ("9999", date(9999, 1, 1), date(9999, 12, 31)),
        ],
    )
    def test_bounds(self, text, earliest, latest):
        """The first and last days covered, with leap years honoured."""
        d = P(text)
        assert d.earliest() == earliest
        assert d.latest() == latest

    @pytest.mark.parametrize(
        ("text", "day", "expected"),
        [
            ("2024", date(2024, 1, 1), True),
            ("2024", date(2024, 12, 31), True),
            ("2024", date(2023, 12, 31), False),
            ("2024", date(2025, 1, 1), False),
            ("2024-02", date(2024, 2, 29), True),
            ("2024-02", date(2024, 3, 1), False),
            ("2024-02", date(2024, 1, 31), False),
            ("2024-08-21", date(2024, 8, 21), True),
            ("2024-08-21", date(2024, 8, 22), False),
        ],
    )
    def test_contains_date(self, text, day, expected):
        """A `datetime.date` is contained when it lies within the span."""
        assert P(text).contains(day) is expected

    @pytest.mark.parametrize(
        ("text", "moment", "expected"),
        [
            ("2024-08-21", datetime(2024, 8, 21, 23, 59, tzinfo=UTC), True),
            ("2024-08", datetime(2024, 8, 1, 0, 0, tzinfo=UTC), True),
            ("2024-08", datetime(2024, 9, 1, 0, 0, tzinfo=UTC), False),
        ],
    )
    def test_contains_datetime(self, text, moment, expected):
        """A datetime is judged by its calendar day."""
        assert P(text).contains(moment) is expected

    @pytest.mark.parametrize(
        ("outer", "inner", "expected"),
        [
            ("2024", "2024-08", True),
            ("2024", "2024-08-21", True),
            ("2024", "2024", True),
            ("2024-08", "2024-08-31", True),
            ("2024-08", "2024", False),
            ("2024-08-21", "2024-08", False),
            ("2024", "2025-01", False),
            ("2024-08", "2024-09-01", False),
        ],
    )
    def test_contains_partial_date(self, outer, inner, expected):
        """Another partial date is contained only when its whole span is."""
        assert P(outer).contains(P(inner)) is expected

    @pytest.mark.parametrize("value", ["2024-08-21", 2024, None, (2024, 8, 21)])
    def test_contains_rejects_other_types(self, value):
        """`contains` raises TypeError for anything but dates and partial dates."""
        with pytest.raises(TypeError, match="contains"):
            P("2024").contains(value)  # type: ignore[arg-type]

    @given(partial_dates())
    def test_span_property(self, d):
        """For any partial date, earliest <= latest and both ends are contained."""
        assert d.earliest() <= d.latest()
        assert d.contains(d.earliest())
        assert d.contains(d.latest())
        assert d.contains(d)

    @given(partial_dates())
    def test_precision_matches_span(self, d):
        """A day-precision date spans one day; coarser ones span more."""
        if d.precision is Precision.DAY:
            assert d.earliest() == d.latest()
        else:
            assert d.earliest() < d.latest()


class TestConversion:
    """`from_date` and `to_date`."""

    @pytest.mark.parametrize("day", [date(1, 1, 1), date(1949, 10, 2), date(9999, 12, 31)])
    def test_round_trip(self, day):
        """`to_date` inverts `from_date`."""
        d = PartialDate.from_date(day)
        assert d.precision is Precision.DAY
        assert d.to_date() == day

    def test_from_datetime_keeps_day(self):
        """A datetime becomes the partial date of its calendar day."""
        moment = datetime(2024, 8, 21, 15, 30, tzinfo=UTC)
        assert PartialDate.from_date(moment) == P("2024-08-21")

    @pytest.mark.parametrize("text", ["2024", "2024-08"])
    def test_to_date_needs_day(self, text):
        """`to_date` raises ValueError when the day is not known."""
        with pytest.raises(ValueError, match="not known to the day"):
            P(text).to_date()

    @given(st.dates())
    def test_round_trip_property(self, day):
        """`from_date` then `to_date` gives back any date."""
        assert PartialDate.from_date(day).to_date() == day
