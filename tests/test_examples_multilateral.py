"""The bundled multilateral examples: they load, round-trip, validate, and hold the real facts."""

from __future__ import annotations

import datetime as dt
import io
import json
from importlib.resources import files

import pytest

import diplomodel as dm
from diplomodel.model._fields import TABLES

NAMES = ("brics-2023", "sco-2023", "eu-china-2023", "g20-2023")
DAY = dt.date


def state(code):
    return dm.states.get(code)


def org(code):
    return dm.organizations.get(code)


@pytest.fixture(scope="module", params=NAMES)
def example(request):
    return dm.load_example(request.param)


BRICS, SCO, EU_CHINA, G20 = (dm.load_example(name) for name in NAMES)


class TestEveryExample:
    def test_loads_under_its_own_name(self, example):
        """Each name is known to load_example and its file's id is that name."""
        assert example.id in NAMES
        assert example.meetings

    def test_file_is_format_2(self, example):
        """The bundled file is written in the current major version, not migrated."""
        path = files("diplomodel") / "_data" / "examples" / f"{example.id}.json"
        assert json.loads(path.read_text(encoding="utf-8"))["diplomodel"] == "2.0"

    def test_validates_without_findings(self, example):
        """No errors, and no warnings either: the facts agree with each other."""
        report = dm.validate(example)
        assert report.ok, str(report)
        assert not report.findings, str(report)

    def test_json_round_trip(self, example, tmp_path):
        """save then load gives the same dossier."""
        target = tmp_path / f"{example.id}.json"
        example.save(target)
        assert dm.Dossier.load(target) == example

    def test_jsonl_round_trip(self, example):
        """Every table written as JSON Lines reads back equal, record by record."""
        for table, cls in TABLES.items():
            records = getattr(example, table)
            buffer = io.StringIO()
            assert dm.write_jsonl(buffer, records) == len(records)
            assert tuple(dm.iter_jsonl(io.StringIO(buffer.getvalue()), cls)) == records, table

    def test_file_matches_json_schema(self, example):
        """The saved form is accepted by the published JSON Schema."""
        jsonschema = pytest.importorskip("jsonschema")
        schema = dm.json_schema(dm.Dossier, envelope="dossier")
        jsonschema.Draft202012Validator(schema).validate(example.to_file_dict())


def test_unknown_name_lists_the_new_examples():
    """A wrong name says which examples exist, the new ones among them."""
    with pytest.raises(dm.UnknownExampleError, match="sco-2023"):
        dm.load_example("sco-2022")


class TestBrics:
    def test_summit_in_johannesburg_chaired_by_south_africa(self):
        summit = BRICS.meeting("brics-summit-15")
        assert (summit.start.earliest(), summit.end.earliest()) == (
            DAY(2023, 8, 22),
            DAY(2023, 8, 24),
        )
        assert summit.place.locality == "Johannesburg"
        assert summit.place.venue == "Sandton Convention Centre"
        chair = [a.actor for a in summit.attendance if a.role is dm.AttendanceRole.CHAIR]
        assert chair == [state("ZA")]
        assert summit.host == state("ZA")

    def test_the_five_members_attend_and_are_members_on_the_day(self):
        summit = BRICS.meeting("brics-summit-15")
        attending = {a.actor for a in summit.attendance}
        assert attending == set(org("BRICS").members_on(summit.start.earliest()))
        assert {s.code for s in attending} == {"BR", "RU", "IN", "CN", "ZA"}

    def test_hybrid_putin_by_video_lavrov_in_person(self):
        summit = BRICS.meeting("brics-summit-15")
        assert summit.format is dm.MeetingFormat.HYBRID
        russians = {p.person for p in summit.participants_for(state("RU"))}
        assert russians == {"vladimir-putin", "sergey-lavrov"}

    def test_invitation_of_six_recorded_in_the_declaration_and_registry(self):
        declaration = BRICS.document("brics-johannesburg-ii-declaration")
        assert declaration.meeting == "brics-summit-15"
        assert declaration.signed.earliest() == DAY(2023, 8, 23)
        invited = {"AR", "EG", "ET", "IR", "SA", "AE"}
        for code in invited:
            assert state(code).name.split()[-1] in declaration.summary, code
            assert org("BRICS").status_of(code, DAY(2023, 9, 1)) is dm.MembershipStatus.INVITED
        statement = BRICS.statement("brics-summit-15-ramaphosa-expansion")
        assert statement.on_behalf_of == org("BRICS")
        assert "six" in statement.summary

    def test_argentina_declined(self):
        assert org("BRICS").status_of("AR", DAY(2024, 1, 1)) is None
        assert org("BRICS").is_member("EG", DAY(2024, 1, 1))
        assert "declined" in BRICS.document("brics-johannesburg-ii-declaration").summary


class TestSco:
    def test_india_chairs_by_video_link(self):
        summit = SCO.meeting("sco-heads-of-state-23")
        assert summit.format is dm.MeetingFormat.VIDEO_LINK
        assert summit.level is dm.MeetingLevel.LEADERS
        assert summit.place is None
        chair = [a for a in summit.attendance if a.role is dm.AttendanceRole.CHAIR]
        assert [a.actor for a in chair] == [state("IN")]
        assert [p.person for p in summit.participants if p.role is dm.Role.CHAIR] == [
            "narendra-modi"
        ]

    def test_each_member_joined_from_its_capital(self):
        summit = SCO.meeting("sco-heads-of-state-23")
        members = [a for a in summit.attendance if a.role is not dm.AttendanceRole.OBSERVER]
        assert all(a.place is not None and a.place.state == a.actor for a in summit.attendance)
        assert {a.actor.code: a.place.locality for a in members}["IR"] == "Tehran"

    def test_iran_is_a_member_on_the_day_per_the_registry(self):
        day = SCO.meeting("sco-heads-of-state-23").start.earliest()
        assert org("SCO").is_member("IR", day)
        assert not org("SCO").is_member("IR", day - dt.timedelta(days=1))

    def test_attendance_agrees_with_the_registry(self):
        summit = SCO.meeting("sco-heads-of-state-23")
        day = summit.start.earliest()
        for a in summit.attendance:
            expected = (
                dm.MembershipStatus.OBSERVER
                if a.role is dm.AttendanceRole.OBSERVER
                else dm.MembershipStatus.MEMBER
            )
            assert org("SCO").status_of(a.actor, day) is expected, a.actor.code
        assert set(summit.parties) == set(org("SCO").members_on(day))

    def test_series_is_the_organisation(self):
        assert SCO.meeting_series("sco-heads-of-state").parties == (org("SCO"),)
        assert SCO.to_file_dict()["series"][0]["parties"] == ["org:SCO"]


class TestEuChina:
    def test_eu_is_an_organisation_party(self):
        summit = EU_CHINA.meeting("eu-china-summit-24")
        assert summit.parties == (org("EU"), state("CN"))
        assert summit.start.earliest() == DAY(2023, 12, 7)
        assert summit.place.locality == "Beijing"
        assert EU_CHINA.to_file_dict()["meetings"][0]["parties"] == ["org:EU", "CN"]

    def test_eu_offices_belong_to_the_eu(self):
        for office in ("eu-european-council-president", "eu-commission-president"):
            assert EU_CHINA.office(office).state == org("EU")
        day = DAY(2023, 12, 7)
        holders = {
            p.person for p in EU_CHINA.meeting("eu-china-summit-24").participants_for(org("EU"))
        }
        assert holders == {"charles-michel", "ursula-von-der-leyen"}
        assert EU_CHINA.holder(dm.OfficeKind.HEAD_OF_GOVERNMENT, state("CN"), day).id == "li-qiang"
        assert EU_CHINA.holder(dm.OfficeKind.HEAD_OF_STATE, state("CN"), day).id == "xi-jinping"

    def test_michel_left_office_after_the_summit(self):
        (tenure,) = EU_CHINA.person("charles-michel").tenures
        assert (tenure.start.earliest(), tenure.end.earliest()) == (
            DAY(2019, 12, 1),
            DAY(2024, 11, 30),
        )

    def test_meeting_with_xi_is_within_the_summit(self):
        xi = EU_CHINA.meeting("eu-china-summit-24-xi")
        assert xi.within == "eu-china-summit-24"
        assert not xi.on_sidelines
        assert [p.person for p in xi.participants if p.role is dm.Role.HOST] == ["xi-jinping"]

    def test_relation_between_a_state_and_an_organisation(self):
        assert EU_CHINA.relation(state("CN"), org("EU")).established.earliest() == DAY(1975, 5, 6)

    def test_names_in_russian(self):
        assert EU_CHINA.actor_name(org("EU"), locale="ru") == "Европейский союз"


class TestG20:
    def test_new_delhi_india_presiding(self):
        summit = G20.meeting("g20-summit-18")
        assert (summit.start.earliest(), summit.end.earliest()) == (
            DAY(2023, 9, 9),
            DAY(2023, 9, 10),
        )
        assert summit.place.venue == "Bharat Mandapam"
        assert [a.actor for a in summit.attendance if a.role is dm.AttendanceRole.CHAIR] == [
            state("IN")
        ]

    def test_african_union_attends_as_a_member_on_9_september(self):
        summit = G20.meeting("g20-summit-18")
        assert org("AU") in {a.actor for a in summit.attendance}
        assert org("G20").is_member(org("AU"), DAY(2023, 9, 9))
        assert not org("G20").is_member(org("AU"), DAY(2023, 9, 8))
        assert state("AU") in summit.parties  # Australia, not to be confused with the AU
        assert set(summit.parties) == set(org("G20").members_on(DAY(2023, 9, 9)))

    def test_au_and_australia_written_apart(self):
        parties = G20.to_file_dict()["meetings"][0]["parties"]
        assert "AU" in parties
        assert "org:AU" in parties

    def test_sideline_event_inside_the_summit_dates(self):
        summit = G20.meeting("g20-summit-18")
        event = G20.meeting("g20-summit-18-pgii-imec")
        assert event.within == summit.id
        assert event.on_sidelines
        assert summit.start.earliest() <= event.start.earliest() <= summit.end.earliest()
        assert event.co_chairs == ("narendra-modi", "joe-biden")
