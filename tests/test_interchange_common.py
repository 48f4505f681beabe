"""The interchange package as a whole: optional dependencies stay optional."""

import subprocess
import sys
import textwrap

import pytest

import diplomodel as dm
from diplomodel import interchange
from diplomodel.interchange._common import first_of_each, optional_module

OPTIONAL = ("followthemoney", "pyld", "icalendar")


class TestLazyImports:
    def test_importing_needs_no_optional_package(self):
        """Importing diplomodel and diplomodel.interchange imports none of the optional packages."""
        code = textwrap.dedent(
            f"""
            import sys
            import diplomodel
            import diplomodel.interchange
            loaded = sorted(m for m in sys.modules if m.split(".")[0] in {OPTIONAL!r})
            assert loaded == [], loaded
            """
        )
        subprocess.run([sys.executable, "-c", code], check=True, timeout=60)  # noqa: S603 - our own code

    @pytest.mark.parametrize("blocked", OPTIONAL)
    def test_plain_formats_work_without_any(self, monkeypatch, blocked):
        """Popolo and JSON-LD are written with no optional package installed."""
        monkeypatch.setitem(sys.modules, blocked, None)
        dossier = dm.load_example()
        assert interchange.to_popolo(dossier)["persons"]
        assert interchange.to_jsonld(dossier)["@graph"]

    def test_missing_module_names_the_extra(self):
        """The ImportError for a missing package says which extra installs it."""
        with pytest.raises(ImportError, match=r"to_x\(\) needs .*'nope_x'.*diplomodel\[x\]"):
            optional_module("nope_x", extra="x", purpose="to_x()")


class TestHelpers:
    def test_first_of_each(self):
        """Of entities sharing an id, the first one is kept, as Dossier lookups do."""
        people = (
            dm.Person(id="a", name="A"),
            dm.Person(id="a", name="B"),
            dm.Person(id="b", name="C"),
        )
        assert [p.name for p in first_of_each(people)] == ["A", "C"]

    def test_public_names(self):
        """The package offers the four exporters and ftm_id."""
        assert set(interchange.__all__) == {"ftm_id", "to_ftm", "to_ical", "to_jsonld", "to_popolo"}


# -- the real examples of issue 12, built by hand: every exporter's tests use them ---------

S = dm.states.get
ORG = dm.organizations.get


def _day(text):
    return dm.PartialDate.parse(text)


def brics_2023():
    """The 15th BRICS summit in Johannesburg, with the outreach dialogue and a talk aside."""
    members = tuple(S(c) for c in ("BR", "RU", "IN", "CN", "ZA"))
    summit = dm.Meeting(
        id="brics-15",
        title="15th BRICS Summit",
        kind=dm.MeetingKind.SUMMIT,
        level=dm.MeetingLevel.LEADERS,
        start=_day("2023-08-22"),
        end=_day("2023-08-24"),
        place=dm.Place(state=S("ZA"), locality="Johannesburg", venue="Sandton Convention Centre"),
        host=S("ZA"),
        parties=(ORG("BRICS"), *members),
        attendance=(dm.Attendance(actor=S("ZA"), role=dm.AttendanceRole.CHAIR),),
    )
    outreach = dm.Meeting(
        id="brics-plus-2023",
        title="BRICS–Africa Outreach and BRICS Plus Dialogue",
        kind=dm.MeetingKind.DIALOGUE,
        level=dm.MeetingLevel.LEADERS,
        start=_day("2023-08-24"),
        place=summit.place,
        host=S("ZA"),
        parties=members,
        within="brics-15",
        attendance=(
            dm.Attendance(actor=S("ET"), role=dm.AttendanceRole.GUEST),
            dm.Attendance(actor=S("IR"), role=dm.AttendanceRole.GUEST),
        ),
    )
    aside = dm.Meeting(
        id="cn-in-2023-08",
        title="Conversation of the leaders of China and India",
        kind=dm.MeetingKind.TALKS,
        level=dm.MeetingLevel.LEADERS,
        start=_day("2023-08-23"),
        parties=(S("CN"), S("IN")),
        within="brics-15",
        on_sidelines=True,
    )
    return dm.Dossier(id="brics-2023", title="BRICS 2023", meetings=(summit, outreach, aside))


def sco_2023():
    """The SCO Council of Heads of State of 4 July 2023, by video link, India in the chair."""
    members = dm.organizations.get("SCO").members_on(dm.PartialDate.parse("2023-07-04"))
    modi = dm.Person(
        id="narendra-modi",
        name="Narendra Modi",
        tenures=(dm.Tenure(office="in-pm", start=_day("2014-05-26")),),
    )
    return dm.Dossier(
        id="sco-2023",
        title="SCO 2023",
        people=(modi,),
        offices=(
            dm.Office(
                id="in-pm",
                title="Prime Minister of India",
                kind=dm.OfficeKind.HEAD_OF_GOVERNMENT,
                state=S("IN"),
            ),
        ),
        meetings=(
            dm.Meeting(
                id="sco-2023",
                title="Meeting of the SCO Council of Heads of State",
                kind=dm.MeetingKind.SUMMIT,
                level=dm.MeetingLevel.LEADERS,
                format=dm.MeetingFormat.VIDEO_LINK,
                start=_day("2023-07-04"),
                host=S("IN"),
                parties=(ORG("SCO"), *members),
                participants=(
                    dm.Participation(
                        person="narendra-modi",
                        delegation=S("IN"),
                        role=dm.Role.CHAIR,
                        office="in-pm",
                    ),
                ),
                attendance=(dm.Attendance(actor=S("IN"), role=dm.AttendanceRole.CHAIR),),
            ),
        ),
    )


def eu_china_2023():
    """The 24th EU–China summit in Beijing: the two EU presidents with Xi Jinping and Li Qiang."""
    eu, cn = ORG("EU"), S("CN")
    kinds = dm.OfficeKind
    offices = tuple(
        dm.Office(id=oid, title=title, kind=kind, state=side)
        for oid, title, kind, side in (
            ("eu-euco-president", "President of the European Council", kinds.OTHER, eu),
            ("eu-com-president", "President of the European Commission", kinds.OTHER, eu),
            ("cn-president", "President of China", kinds.HEAD_OF_STATE, cn),
            ("cn-premier", "Premier of China", kinds.HEAD_OF_GOVERNMENT, cn),
        )
    )
    holders = (
        ("charles-michel", "Charles Michel", "eu-euco-president", eu),
        ("ursula-von-der-leyen", "Ursula von der Leyen", "eu-com-president", eu),
        ("xi-jinping", "Xi Jinping", "cn-president", cn),
        ("li-qiang", "Li Qiang", "cn-premier", cn),
    )
    people = tuple(
        dm.Person(id=pid, name=name, tenures=(dm.Tenure(office=office),))
        for pid, name, office, _ in holders
    )
    summit = dm.Meeting(
        id="eu-cn-24",
        title="24th EU–China Summit",
        kind=dm.MeetingKind.SUMMIT,
        level=dm.MeetingLevel.LEADERS,
        start=_day("2023-12-07"),
        place=dm.Place(state=cn, locality="Beijing"),
        host=cn,
        parties=(eu, cn),
        participants=tuple(
            dm.Participation(person=pid, delegation=side, role=dm.Role.HEAD_OF_DELEGATION, office=o)
            if pid in ("charles-michel", "xi-jinping")
            else dm.Participation(person=pid, delegation=side, role=dm.Role.MEMBER, office=o)
            for pid, _, o, side in holders
        ),
    )
    mfa = dm.Body(
        id="cn-mfa",
        name="Ministry of Foreign Affairs",
        names={"zh": "外交部"},
        kind=dm.BodyKind.MINISTRY,
        belongs_to=cn,
    )
    return dm.Dossier(
        id="eu-cn-2023",
        title="EU–China 2023",
        people=people,
        offices=offices,
        bodies=(mfa,),
        meetings=(summit,),
    )


def g20_2023():
    """The G20 summit in New Delhi, India presiding, where the African Union became a member."""
    members = ORG("G20").members_on(dm.PartialDate.parse("2023-09-10"))
    return dm.Dossier(
        id="g20-2023",
        title="G20 2023",
        meetings=(
            dm.Meeting(
                id="g20-2023",
                title="G20 Leaders' Summit",
                kind=dm.MeetingKind.SUMMIT,
                level=dm.MeetingLevel.LEADERS,
                start=_day("2023-09-09"),
                end=_day("2023-09-10"),
                place=dm.Place(state=S("IN"), locality="New Delhi", venue="Bharat Mandapam"),
                host=S("IN"),
                parties=(ORG("G20"), *members),
                attendance=(dm.Attendance(actor=S("IN"), role=dm.AttendanceRole.CHAIR),),
            ),
        ),
    )


def bodies_dossier():
    """Talks of two bodies: one described with a parent body, one named only by its id."""
    cn = S("CN")
    bodies = (
        dm.Body(
            id="cn-mfa",
            name="Ministry of Foreign Affairs",
            kind=dm.BodyKind.MINISTRY,
            belongs_to=cn,
        ),
        dm.Body(
            id="cn-mfa-ea",
            name="Department of European Affairs",
            kind=dm.BodyKind.OTHER,
            belongs_to=cn,
            parent="cn-mfa",
        ),
    )
    meeting = dm.Meeting(
        id="m",
        title="Talks",
        kind=dm.MeetingKind.TALKS,
        start=dm.PartialDate(year=2024),
        parties=("cn-mfa-ea", "ru-mid"),
        host="cn-mfa-ea",
    )
    return dm.Dossier(id="d", title="D", bodies=bodies, meetings=(meeting,))


EXAMPLES = {
    "seed": dm.load_example,
    "brics": brics_2023,
    "sco": sco_2023,
    "eu-china": eu_china_2023,
    "g20": g20_2023,
}
"""The four examples of issue 12 and the seed example, by name."""


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_examples_are_valid_dossiers(name):
    """The hand-built examples break no validation rule of the model."""
    assert dm.validate(EXAMPLES[name]()).findings == ()
