"""Export to iCalendar, parsed back with the icalendar package."""

import sys
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel import testing
from diplomodel.interchange import to_ical
from tests.profiles import examples
from tests.test_interchange_common import EXAMPLES, bodies_dossier

icalendar = pytest.importorskip("icalendar")

CN, RU = dm.states.get("CN"), dm.states.get("RU")
YEAR_2024 = {"start": date(2024, 1, 1), "end": date(2024, 12, 31)}


def parse(text):
    """The VEVENTs of a calendar, after checking the text is well-formed iCalendar."""
    assert text.endswith("\r\n")
    for line in text.split("\r\n"):
        assert len(line.encode()) <= 75, line
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    events = calendar.walk("VEVENT")
    for event in events:
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            assert name in event, name
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date, "all-day events: DATE values"
        assert type(end) is date
        assert end > start
    return events


def categories(event):
    found = event.get("CATEGORIES")
    if found is None:
        return []
    parts = found if isinstance(found, list) else [found]
    return [str(c) for part in parts for c in part.cats]


def occurrences(event, until):
    """The days a recurring all-day event falls on, up to `until`, by dateutil."""
    start = event.decoded("DTSTART")
    rule = event["RRULE"].to_ical().decode()
    text = f"DTSTART:{start:%Y%m%d}\nRRULE:{rule}"
    return [
        d.date()
        for d in rrulestr(text).between(
            datetime.combine(date.min, datetime.min.time()),
            datetime.combine(until, datetime.min.time()),
            inc=True,
        )
    ]


def dossier(**tables):
    return dm.Dossier(id="d", title="D", **tables)


def meeting(start, end=None, **fields):
    return dm.Meeting(
        id=fields.pop("id", "m"),
        title=fields.pop("title", "Talks"),
        kind=dm.MeetingKind.TALKS,
        start=dm.PartialDate.parse(start),
        end=None if end is None else dm.PartialDate.parse(end),
        parties=(CN, RU),
        **fields,
    )


def relation(established):
    return dm.BilateralRelation(
        id="r", parties=(CN, RU), established=dm.PartialDate.parse(established)
    )


@pytest.fixture(scope="module")
def example():
    return parse(to_ical(dm.load_example(), **YEAR_2024))


class TestExample:
    def test_meeting(self, example):
        """The meeting is an all-day event on its day, with its place."""
        (event,) = [e for e in example if "meeting" in str(e["UID"])]
        assert str(event["SUMMARY"]).startswith("29th regular meeting")
        assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (
            date(2024, 8, 21),
            date(2024, 8, 22),
        )
        assert str(event["LOCATION"]) == "Moscow, Russia"
        assert categories(event) == ["regular meeting"]
        assert "X-DIPLOMODEL-PRECISION" not in event

    def test_anniversaries_recur_yearly(self, example):
        """The ties recur every year from their first anniversary, 2 October 1950."""
        (event,) = [e for e in example if "RRULE" in e]
        assert event["RRULE"]["FREQ"] == ["YEARLY"]
        assert event.decoded("DTSTART") == date(1950, 10, 2)
        assert occurrences(event, date(1953, 1, 1)) == [
            date(1950, 10, 2),
            date(1951, 10, 2),
            date(1952, 10, 2),
        ]

    def test_jubilee_in_the_window(self, example):
        """The 75th anniversary, in the window, is an instance marked as a jubilee."""
        (event,) = [e for e in example if "RECURRENCE-ID" in e]
        assert event.decoded("RECURRENCE-ID") == date(2024, 10, 2)
        assert str(event["SUMMARY"]) == (
            "75th anniversary of diplomatic ties: China–Russia (jubilee)"
        )
        assert categories(event) == ["anniversary", "jubilee"]
        (series,) = [e for e in example if "RRULE" in e]
        assert event["UID"] == series["UID"]

    def test_no_window_no_instances(self):
        """Without a window the calendar holds every meeting and only the recurring rule."""
        events = parse(to_ical(dm.load_example()))
        assert len(events) == 2
        assert not any("RECURRENCE-ID" in e for e in events)

    def test_reproducible(self):
        """The same dossier gives the same text; DTSTAMP defaults to the Unix epoch."""
        text = to_ical(dm.load_example())
        assert text == to_ical(dm.load_example())
        assert "DTSTAMP:19700101T000000Z" in text


class TestPrecision:
    def test_month_precision_meeting_spans_the_month(self):
        """A meeting known to the month spans it, as free time, with its precision noted."""
        (event,) = parse(to_ical(dossier(meetings=(meeting("2024-08"),))))
        assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (
            date(2024, 8, 1),
            date(2024, 9, 1),
        )
        assert str(event["TRANSP"]) == "TRANSPARENT"
        assert str(event["X-DIPLOMODEL-PRECISION"]) == "month"
        assert "known only to the month" in str(event["DESCRIPTION"])

    def test_year_precision_meeting_spans_the_year(self):
        """A meeting known to the year spans the whole year."""
        (event,) = parse(to_ical(dossier(meetings=(meeting("2024"),))))
        assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (
            date(2024, 1, 1),
            date(2025, 1, 1),
        )

    def test_meeting_of_several_days(self):
        """DTEND is the day after the last day (exclusive, as RFC 5545 says)."""
        (event,) = parse(to_ical(dossier(meetings=(meeting("2024-08-20", "2024-08-22"),))))
        assert event.decoded("DTEND") == date(2024, 8, 23)

    def test_month_precision_ties(self):
        """Ties dated to the month recur as month-long events; the window numbers them."""
        events = parse(to_ical(dossier(relations=(relation("1994-09"),)), **YEAR_2024))
        rule, instance = events
        assert (rule.decoded("DTSTART"), rule.decoded("DTEND")) == (
            date(1995, 9, 1),
            date(1995, 10, 1),
        )
        assert instance.decoded("RECURRENCE-ID") == date(2024, 9, 1)
        assert str(instance["SUMMARY"]).startswith("30th anniversary")

    def test_year_precision_ties_are_left_out(self):
        """Ties dated only to the year have no day or month to recur on."""
        assert parse(to_ical(dossier(relations=(relation("1996"),)), **YEAR_2024)) == []


class TestLeapDay:
    @pytest.mark.parametrize(
        ("policy", "common"),
        [(dm.LeapDayPolicy.FEB_28, date(2001, 2, 28)), (dm.LeapDayPolicy.MAR_1, date(2001, 3, 1))],
    )
    def test_29_february(self, policy, common):
        """Ties of 29 February recur on the policy's day in common years, the 29th in leap years."""
        window = {"start": date(2001, 1, 1), "end": date(2004, 12, 31)}
        events = parse(
            to_ical(dossier(relations=(relation("2000-02-29"),)), leap_day=policy, **window)
        )
        rule = events[0]
        days = occurrences(rule, date(2004, 12, 31))
        assert days[0] == common
        assert date(2004, 2, 29) in days
        expected = [
            a.date.to_date()
            for a in dm.anniversaries(dm.PartialDate.parse("2000-02-29"), leap_day=policy, **window)
        ]
        assert days == expected
        assert [e.decoded("RECURRENCE-ID") for e in events[1:]] == expected


class TestArguments:
    def test_window_limits_meetings(self):
        """Only meetings overlapping the window are written."""
        two = (meeting("2023-05-01", id="a"), meeting("2024-05-01", id="b"))
        events = parse(to_ical(dossier(meetings=two), **YEAR_2024))
        assert [str(e["UID"]) for e in events] == ["diplomodel:d:meeting:b"]

    def test_stamp(self):
        """A timezone-aware stamp is written as DTSTAMP in UTC."""
        moscow = timezone(timedelta(hours=3))
        text = to_ical(dm.load_example(), stamp=datetime(2024, 8, 21, 12, 0, tzinfo=moscow))
        assert "DTSTAMP:20240821T090000Z" in text

    @pytest.mark.parametrize(
        ("kwargs", "error"),
        [
            ({"start": date(2024, 1, 1)}, ValueError),
            ({"start": date(2024, 1, 2), "end": date(2024, 1, 1)}, ValueError),
            ({"every": 1}, ValueError),
            ({"every": 5.0}, TypeError),
            ({"stamp": datetime(2024, 1, 1)}, ValueError),  # noqa: DTZ001 - naive on purpose
            ({"start": datetime(2024, 1, 1, tzinfo=UTC), "end": date(2024, 2, 1)}, TypeError),
            ({"leap_day": "feb_28"}, TypeError),
        ],
    )
    def test_bad_arguments(self, kwargs, error):
        """Bad options are refused before anything is written."""
        with pytest.raises(error):
            to_ical(dm.load_example(), **kwargs)

    def test_every(self):
        """Jubilees follow `every`: the 75th is not one when every tenth counts."""
        events = parse(to_ical(dm.load_example(), every=10, **YEAR_2024))
        (instance,) = [e for e in events if "RECURRENCE-ID" in e]
        assert "jubilee" not in categories(instance)

    def test_missing_package(self, monkeypatch):
        """Without icalendar, to_ical raises ImportError naming the extra."""
        monkeypatch.setitem(sys.modules, "icalendar", None)
        with pytest.raises(ImportError, match=r"pip install 'diplomodel\[ical\]'"):
            to_ical(dm.load_example())


class TestGenerated:
    @settings(max_examples=examples(20))
    @given(testing.dossiers())
    def test_any_dossier(self, generated):
        """Any dossier gives a calendar with each meeting's title and span, and each rule."""
        events = parse(to_ical(generated))
        by_uid = {str(e["UID"]): e for e in events}
        meetings = {m.id: m for m in reversed(generated.meetings)}
        for id_, m in meetings.items():
            event = by_uid[f"diplomodel:{generated.id}:meeting:{id_}"]
            assert str(event["SUMMARY"]) == m.title
            assert event.decoded("DTSTART") == m.start.earliest()
            assert event.decoded("DTEND") == (m.end or m.start).latest() + timedelta(days=1)
            if "RELATED-TO" in event:
                assert str(event["RELATED-TO"]) in by_uid  # the parent meeting is there
            assert ("LOCATION" in event) == (
                m.place is not None and m.format.value not in ("video_link", "phone")
            )
        rules = [e for e in events if "RRULE" in e]
        expected = {
            r.id
            for r in generated.relations
            if r.established is not None and r.established.precision is not dm.Precision.YEAR
        }
        assert len(rules) == len(expected)
        documents = {d.id: d for d in reversed(generated.documents)}
        lives = sum(len(d.events) for d in documents.values())
        assert len(events) == len(meetings) + len(rules) + lives

    @settings(max_examples=examples(40))
    @given(
        testing.partial_dates(min_year=1900, max_year=2000),
        st.integers(2001, 2090),
        st.sampled_from(dm.LeapDayPolicy),
    )
    def test_instances_are_occurrences_of_the_rule(self, established, year, policy):
        """Every numbered anniversary in a window is an occurrence of the recurring rule."""
        window = {"start": date(year, 1, 1), "end": date(year + 9, 12, 31)}
        d = dossier(
            relations=(dm.BilateralRelation(id="r", parties=(CN, RU), established=established),)
        )
        events = parse(to_ical(d, leap_day=policy, **window))
        if established.precision is dm.Precision.YEAR:
            assert events == []
            return
        rule, *instances = events
        days = set(occurrences(rule, window["end"]))
        assert len(instances) == 10
        for instance in instances:
            assert instance.decoded("RECURRENCE-ID") in days
            assert instance.decoded("DTSTART") == instance.decoded("RECURRENCE-ID")


def by_uid(events):
    return {str(e["UID"]).rsplit(":", 1)[-1]: e for e in events}


def attendees(event):
    found = event.get("ATTENDEE", [])
    return found if isinstance(found, list) else [found]


class TestActorsBeyondStates:
    @pytest.mark.parametrize("name", sorted(EXAMPLES))
    def test_real_examples_parse(self, name):
        """Each example of issue 12 is a well-formed calendar with one event per meeting."""
        example = EXAMPLES[name]()
        events = [e for e in parse(to_ical(example)) if ":meeting:" in str(e["UID"])]
        assert len(events) == len({m.id for m in example.meetings})
        for event in events:
            assert str(event["X-DIPLOMODEL-FORMAT"])
            for address in attendees(event):
                assert str(address).startswith("urn:diplomodel:")
                assert address.params["CN"]
                assert address.params["CUTYPE"] == "GROUP"

    def test_summit_of_several_days_with_a_chair(self):
        """The BRICS summit spans 22–24 August; South Africa hosts and chairs, BRICS attends."""
        events = by_uid(parse(to_ical(EXAMPLES["brics"]())))
        summit = events["brics-15"]
        assert (summit.decoded("DTSTART"), summit.decoded("DTEND")) == (
            date(2023, 8, 22),
            date(2023, 8, 25),
        )
        assert str(summit["LOCATION"]).startswith("Sandton Convention Centre")
        assert str(summit["ORGANIZER"]) == "urn:diplomodel:state:ZA"
        assert summit["ORGANIZER"].params["CN"] == "South Africa"
        found = {str(a): a.params for a in attendees(summit)}
        assert found["urn:diplomodel:state:ZA"]["ROLE"] == "CHAIR"
        assert found["urn:diplomodel:state:ZA"]["X-DIPLOMODEL-ROLE"] == "party,host,chair"
        assert found["urn:diplomodel:organization:BRICS"]["CN"] == "BRICS"
        assert found["urn:diplomodel:state:CN"]["ROLE"] == "REQ-PARTICIPANT"
        assert summit["X-DIPLOMODEL-LEVEL"] == "leaders"

    def test_within_and_sidelines(self):
        """A meeting within the summit, and one on its sidelines, are related to it as parent."""
        events = by_uid(parse(to_ical(EXAMPLES["brics"]())))
        summit_uid = str(events["brics-15"]["UID"])
        for inner, how in (("brics-plus-2023", "within"), ("cn-in-2023-08", "on_sidelines")):
            related = events[inner]["RELATED-TO"]
            assert str(related) == summit_uid
            assert related.params["RELTYPE"] == "PARENT"
            assert related.params["X-DIPLOMODEL-RELATION"] == how
        guests = {str(a): a.params["ROLE"] for a in attendees(events["brics-plus-2023"])}
        assert guests["urn:diplomodel:state:ET"] == "OPT-PARTICIPANT"

    def test_video_link_has_no_location(self):
        """The SCO summit by video link has no LOCATION; its format says why."""
        (event,) = parse(to_ical(EXAMPLES["sco"]()))
        assert "LOCATION" not in event
        assert event["X-DIPLOMODEL-FORMAT"] == "video_link"
        observer = dm.Attendance(actor=dm.states.get("MN"), role=dm.AttendanceRole.OBSERVER)
        placed = meeting(
            "2023-07-04",
            format=dm.MeetingFormat.HYBRID,
            place=dm.Place(state=CN, locality="Beijing"),
            attendance=(observer,),
        )
        (event,) = parse(to_ical(dossier(meetings=(placed,))))
        assert str(event["LOCATION"]) == "Beijing, China"
        roles = {str(a): a.params["ROLE"] for a in attendees(event)}
        assert roles["urn:diplomodel:state:MN"] == "NON-PARTICIPANT"

    def test_bodies_are_named(self):
        """A described body is named by its name, an undescribed one by its id."""
        (event,) = parse(to_ical(bodies_dossier()))
        names = {str(a): a.params["CN"] for a in attendees(event)}
        assert names["urn:diplomodel:body:cn-mfa-ea"] == "Department of European Affairs"
        assert "ru-mid" in names["urn:diplomodel:body:ru-mid"]
        assert event["ORGANIZER"].params["CN"] == "Department of European Affairs"
