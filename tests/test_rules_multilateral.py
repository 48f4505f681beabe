"""The rules for organisations, bodies and meetings of many (DM121 onwards), on real summits.

The dossier below holds, in our own words, the SCO summit of 4 July 2023
(held by video link, India in the chair, Iran's first as a member), the 15th
BRICS summit in Johannesburg (22-24 August 2023) with a meeting on its
sidelines, the G20 summit in New Delhi (9-10 September 2023, the African
Union's first as a member), the 24th EU-China summit in Beijing (7 December
2023) with China's foreign ministry as a delegation, and a state visit.
"""

import attrs
import pytest

import diplomodel as dm
from diplomodel.validation import DEFAULT_RULES, Rules, validate

P = dm.PartialDate.parse
S = dm.states.get
ORG = dm.organizations.get
CN, RU, IN, ZA, BR, KZ, KG, TJ, UZ, PK, IR = map(
    S, ("CN", "RU", "IN", "ZA", "BR", "KZ", "KG", "TJ", "UZ", "PK", "IR")
)
SCO, BRICS, G20, EU, AU = map(ORG, ("SCO", "BRICS", "G20", "EU", "AU"))
A, R = dm.Attendance, dm.AttendanceRole


def _place(state, locality, venue=None):
    return dm.Place(state=state, locality=locality, venue=venue)


def _person(id_, name, office, since, until=None):
    tenure = dm.Tenure(office=office, start=P(since), end=None if until is None else P(until))
    return dm.Person(id=id_, name=name, tenures=(tenure,))


def _office(id_, title, kind, state):
    return dm.Office(id=id_, title=title, kind=dm.OfficeKind[kind], state=state)


def _body(id_, name, kind, state, parent=None):
    return dm.Body(id=id_, name=name, kind=dm.BodyKind[kind], belongs_to=state, parent=parent)


SCO_MEMBERS = (IN, CN, RU, KZ, KG, TJ, UZ, PK, IR)
CAPITALS = {"IN": "New Delhi", "CN": "Beijing", "RU": "Moscow", "KZ": "Astana"}

SCO_2023 = dm.Meeting(
    id="sco-2023",
    title="Meeting of the SCO Council of Heads of State",
    kind=dm.MeetingKind.SUMMIT,
    level=dm.MeetingLevel.LEADERS,
    format=dm.MeetingFormat.VIDEO_LINK,
    start=P("2023-07-04"),
    series="sco-heads-of-state",
    parties=SCO_MEMBERS,
    attendance=tuple(
        A(
            actor=s,
            role=R.CHAIR if s == IN else R.MEMBER,
            place=_place(s, CAPITALS[s.code]) if s.code in CAPITALS else None,
        )
        for s in SCO_MEMBERS
    ),
    participants=(
        dm.Participation(
            person="narendra-modi", delegation=IN, role=dm.Role.CHAIR, office="in-prime-minister"
        ),
        dm.Participation(person="xi-jinping", delegation=CN, role=dm.Role.HEAD_OF_DELEGATION),
    ),
)

BRICS_15 = dm.Meeting(
    id="brics-15",
    title="15th BRICS Summit",
    kind=dm.MeetingKind.SUMMIT,
    level=dm.MeetingLevel.LEADERS,
    start=P("2023-08-22"),
    end=P("2023-08-24"),
    place=_place(ZA, "Johannesburg", "Sandton Convention Centre"),
    host=ZA,
    series="brics-summits",
    ordinal=15,
    parties=(BR, RU, IN, CN, ZA),
    attendance=(A(actor=ZA, role=R.CHAIR),),
)

BRICS_SIDELINES = dm.Meeting(
    id="in-cn-2023-08",
    title="Conversation of the leaders of India and China",
    kind=dm.MeetingKind.TALKS,
    start=P("2023-08-23"),
    parties=(IN, CN),
    within="brics-15",
    on_sidelines=True,
)

G20_2023 = dm.Meeting(
    id="g20-2023",
    title="G20 Leaders' Summit",
    kind=dm.MeetingKind.SUMMIT,
    level=dm.MeetingLevel.LEADERS,
    start=P("2023-09-09"),
    end=P("2023-09-10"),
    place=_place(IN, "New Delhi", "Bharat Mandapam"),
    host=IN,
    series="g20-leaders",
    parties=(IN, CN, BR, ZA, EU, AU),
    attendance=(A(actor=IN, role=R.CHAIR), A(actor=AU, role=R.MEMBER), A(actor=EU, role=R.MEMBER)),
)

EU_CN_24 = dm.Meeting(
    id="eu-cn-24",
    title="24th EU-China Summit",
    kind=dm.MeetingKind.SUMMIT,
    level=dm.MeetingLevel.LEADERS,
    start=P("2023-12-07"),
    place=_place(CN, "Beijing"),
    host=CN,
    parties=(EU, CN),
    attendance=(A(actor=EU, role=R.GUEST), A(actor=CN, role=R.HOST)),
    participants=(
        dm.Participation(
            person="xi-jinping", delegation=CN, role=dm.Role.CO_CHAIR, office="cn-president"
        ),
        dm.Participation(
            person="charles-michel",
            delegation=EU,
            role=dm.Role.CO_CHAIR,
            office="eu-council-president",
        ),
        dm.Participation(
            person="wang-yi",
            delegation="cn-mofa",
            role=dm.Role.MEMBER,
            office="cn-foreign-minister",
        ),
    ),
)

STATE_VISIT = dm.Meeting(
    id="cn-za-state-visit-2023",
    title="State visit of the President of China to South Africa",
    kind=dm.MeetingKind.STATE_VISIT,
    start=P("2023-08-21"),
    end=P("2023-08-22"),
    place=_place(ZA, "Pretoria"),
    host=ZA,
    parties=(CN, ZA),
)

MEETINGS = (SCO_2023, BRICS_15, BRICS_SIDELINES, G20_2023, EU_CN_24, STATE_VISIT)

DOSSIER = dm.Dossier(
    id="summits-2023",
    title="Summits of 2023",
    people=(
        _person("narendra-modi", "Narendra Modi", "in-prime-minister", "2014-05-26"),
        _person("xi-jinping", "Xi Jinping", "cn-president", "2013-03-14"),
        _person("charles-michel", "Charles Michel", "eu-council-president", "2019-12-01"),
        _person("wang-yi", "Wang Yi", "cn-foreign-minister", "2023-07-25"),
    ),
    offices=(
        _office("in-prime-minister", "Prime Minister of India", "HEAD_OF_GOVERNMENT", IN),
        _office("cn-president", "President of China", "HEAD_OF_STATE", CN),
        _office("eu-council-president", "President of the European Council", "OTHER", EU),
        _office(
            "cn-foreign-minister", "Minister of Foreign Affairs of China", "FOREIGN_MINISTER", CN
        ),
        _office(
            "ru-foreign-minister",
            "Minister of Foreign Affairs of Russia",
            "FOREIGN_MINISTER",
            "ru-mfa",
        ),
    ),
    bodies=(
        _body("cn-mofa", "Ministry of Foreign Affairs", "MINISTRY", CN),
        _body("cn-mofa-europe", "Department of European Affairs", "OTHER", CN, parent="cn-mofa"),
        _body("ru-mfa", "Ministry of Foreign Affairs", "MINISTRY", RU),
    ),
    series=(
        dm.MeetingSeries(
            id="sco-heads-of-state",
            title="SCO Council of Heads of State",
            kind=dm.MeetingKind.SUMMIT,
            parties=(SCO,),
        ),
        dm.MeetingSeries(
            id="brics-summits", title="BRICS summits", kind=dm.MeetingKind.SUMMIT, parties=(BRICS,)
        ),
        dm.MeetingSeries(
            id="g20-leaders",
            title="G20 Leaders' Summits",
            kind=dm.MeetingKind.SUMMIT,
            parties=(G20,),
        ),
    ),
    meetings=MEETINGS,
)


def with_meeting(meeting_id, **changes):
    """The dossier with one meeting changed (validators off: a broken copy may break them)."""
    with attrs.validators.disabled():
        meetings = tuple(
            attrs.evolve(m, **changes) if m.id == meeting_id else m for m in DOSSIER.meetings
        )
    return attrs.evolve(DOSSIER, meetings=meetings)


def with_attendance(meeting_id, *extra, **changes):
    meeting = next(m for m in DOSSIER.meetings if m.id == meeting_id)
    attendance = tuple(attrs.evolve(a, **changes.get(a.actor.code, {})) for a in meeting.attendance)
    return with_meeting(meeting_id, attendance=attendance + extra)


def with_participant(meeting_id, person, **changes):
    meeting = next(m for m in DOSSIER.meetings if m.id == meeting_id)
    participants = tuple(
        attrs.evolve(p, **changes) if p.person == person else p for p in meeting.participants
    )
    return with_meeting(meeting_id, participants=participants)


def with_body(body_id, **changes):
    bodies = tuple(attrs.evolve(b, **changes) if b.id == body_id else b for b in DOSSIER.bodies)
    return attrs.evolve(DOSSIER, bodies=bodies)


def at(meeting_id):
    return f"$.meetings[{next(i for i, m in enumerate(MEETINGS) if m.id == meeting_id)}]"


BY = S("BY")
AR = S("AR")
FR = S("FR")

BROKEN = {
    "DM121": (
        lambda: with_attendance("sco-2023", A(actor=BY, role=R.MEMBER)),
        at("sco-2023") + ".attendance[9].actor",
    ),
    "DM122": (
        lambda: with_meeting("brics-15", parties=(*BRICS_15.parties, AR)),
        at("brics-15") + ".parties[5]",
    ),
    "DM123": (
        lambda: with_attendance("eu-cn-24", A(actor=KZ, role=R.CHAIR)),
        at("eu-cn-24") + ".attendance[2].actor",
    ),
    "DM124": (
        lambda: with_attendance("sco-2023", CN={"role": R.CHAIR}),
        at("sco-2023") + ".attendance[1].role",
    ),
    "DM125": (
        lambda: with_meeting("in-cn-2023-08", start=P("2023-08-25")),
        at("in-cn-2023-08") + ".start",
    ),
    "DM126": (lambda: with_meeting("brics-15", within="in-cn-2023-08"), at("brics-15") + ".within"),
    "DM127": (
        lambda: with_meeting("sco-2023", place=_place(IN, "New Delhi")),
        at("sco-2023") + ".place",
    ),
    "DM128": (
        lambda: with_meeting(
            "sco-2023",
            format=dm.MeetingFormat.HYBRID,
            attendance=tuple(attrs.evolve(a, place=None) for a in SCO_2023.attendance),
        ),
        at("sco-2023") + ".attendance",
    ),
    "DM129": (
        lambda: with_meeting(
            "sco-2023", kind=dm.MeetingKind.VIDEO_CONFERENCE, format=dm.MeetingFormat.IN_PERSON
        ),
        at("sco-2023") + ".format",
    ),
    "DM130": (lambda: with_body("cn-mofa-europe", parent="ru-mfa"), "$.bodies[1].parent"),
    "DM131": (
        lambda: with_meeting("cn-za-state-visit-2023", host=None),
        at("cn-za-state-visit-2023") + ".host",
    ),
    "DM132": (
        lambda: with_meeting("cn-za-state-visit-2023", host=RU),
        at("cn-za-state-visit-2023") + ".host",
    ),
}


def findings(dossier, code):
    return list(validate(dossier).filter(code=code))


class TestMultilateralRules:
    def test_codes_follow_the_older_ones(self):
        """The new rules are DM121 onwards, all registered."""
        assert set(BROKEN) <= set(DEFAULT_RULES.codes)
        assert sorted(BROKEN) == [f"DM{n}" for n in range(121, 121 + len(BROKEN))]

    def test_intact_dossier_is_clean(self):
        """The real summits, recorded as they happened, trigger no rule at all."""
        assert list(validate(DOSSIER)) == []

    def test_example_is_clean(self):
        """The bundled example still triggers nothing."""
        assert list(validate(dm.load_example())) == []

    @pytest.mark.parametrize("code", sorted(BROKEN))
    def test_rule_is_silent_on_intact_data(self, code):
        """Run alone, each rule finds nothing in the intact dossier or the example."""
        alone = Rules((DEFAULT_RULES[code],))
        assert list(validate(DOSSIER, rules=alone)) == []
        assert list(validate(dm.load_example(), rules=alone)) == []

    @pytest.mark.parametrize("code", sorted(BROKEN))
    def test_rule_fires_on_a_broken_copy(self, code):
        """Each rule reports the broken copy at the offending path, with its severity."""
        build, path = BROKEN[code]
        found = findings(build(), code)
        assert path in {f.path for f in found}, found
        assert {f.severity for f in found} == {DEFAULT_RULES[code].severity}
        assert all(f.message and f.ids for f in found)

    def test_membership_message_names_both_sides(self):
        """Belarus was an SCO observer in July 2023: the finding says so, with the records."""
        (finding,) = findings(BROKEN["DM121"][0](), "DM121")
        assert finding.message == (
            "Belarus attends as member, but was not a member of SCO on 2023-07-04 "
            "(SCO records it as observer from 2015-07-10 to 2024-07-03)"
        )

    def test_membership_from_the_first_day_counts(self):
        """Iran joined the SCO at the 2023 summit itself; a day earlier it was an observer."""
        assert not findings(DOSSIER, "DM121")
        day_before = with_meeting("sco-2023", start=P("2023-07-03"))
        (finding,) = findings(day_before, "DM121")
        assert finding.path == at("sco-2023") + ".attendance[8].actor"
        assert "Iran" in finding.message

    def test_membership_on_some_day_of_a_long_meeting(self):
        """The African Union became a G20 member on the summit's first day; a month-date fits."""
        assert not findings(with_meeting("g20-2023", start=P("2023-09"), end=None), "DM121")
        assert findings(with_meeting("g20-2023", start=P("2023-09-08"), end=None), "DM121")

    def test_unrecorded_members_prove_nothing(self):
        """Without `members_recorded`, only a record of another standing proves absence."""

        def sco_as(**changes):
            sco = attrs.evolve(SCO, **changes)
            series = tuple(
                attrs.evolve(s, parties=(sco,)) if s.id == "sco-heads-of-state" else s
                for s in DOSSIER.series
            )
            return attrs.evolve(BROKEN["DM121"][0](), series=series)

        others = tuple(m for m in SCO.memberships if m.member != BY)
        assert findings(sco_as(members_recorded=False), "DM121")  # the observer record
        assert not findings(sco_as(members_recorded=False, memberships=others), "DM121")
        (finding,) = findings(sco_as(memberships=others), "DM121")
        assert finding.message.endswith("(SCO records no membership of it)")

    def test_organisation_as_only_party(self):
        """A meeting whose only party is the SCO belongs to it; India's chair is a member."""
        meeting = dm.Meeting(
            id="sco-ministers",
            title="Council of Foreign Ministers",
            kind=dm.MeetingKind.MINISTERIAL_MEETING,
            start=P("2023-05-04"),
            parties=(SCO,),
            attendance=(A(actor=IN, role=R.CHAIR), A(actor=BY, role=R.OBSERVER)),
        )
        assert list(validate(meeting)) == []
        broken = attrs.evolve(
            meeting, attendance=(A(actor=IN, role=R.CHAIR), A(actor=BY, role=R.MEMBER))
        )
        assert [f.code for f in validate(broken)] == ["DM121"]

    def test_invited_party_at_the_summit_that_invited_it(self):
        """Argentina was invited on the summit's last day: a party, but never a member."""
        (finding,) = findings(BROKEN["DM122"][0](), "DM122")
        assert "Argentina is a party to a meeting of BRICS" in finding.message
        assert "invited from 2023-08-24 to 2023-12-29" in finding.message

    def test_guest_party_is_no_member(self):
        """A party recorded as guest in the attendance is not held to membership."""
        guest = with_meeting(
            "brics-15",
            parties=(*BRICS_15.parties, AR),
            attendance=(*BRICS_15.attendance, A(actor=AR, role=R.GUEST)),
        )
        assert not findings(guest, "DM122")
        assert not findings(guest, "DM121")

    def test_chair_of_other_side(self):
        """The chairing person sits in the chairing state's delegation."""
        dossier = with_participant("sco-2023", "narendra-modi", delegation=CN)
        (finding,) = findings(dossier, "DM124")
        assert finding.message == (
            "the chair 'narendra-modi' is in the delegation of China, but the attendance "
            "gives the chair to India"
        )

    def test_two_chairing_people(self):
        """Two people with the chair role is a contradiction."""
        dossier = with_participant("sco-2023", "xi-jinping", role=dm.Role.CHAIR)
        assert [f.path for f in findings(dossier, "DM124")] == [
            at("sco-2023") + ".participants[1].role"
        ]

    def test_chair_person_of_no_party(self):
        """A chairing person whose delegation is no party is DM106's (not reported twice)."""
        dossier = with_participant("sco-2023", "narendra-modi", delegation=S("MN"))
        assert [f.code for f in validate(dossier)] == ["DM106", "DM108", "DM124"]

    def test_chair_member_of_a_party_organisation(self):
        """A chair that is a member of an organisation among the parties did attend."""
        assert not findings(with_attendance("eu-cn-24", A(actor=FR, role=R.CHAIR)), "DM123")

    def test_sideline_dates_honour_partial_dates(self):
        """A sideline meeting known only to the month may fall within its summit's dates."""
        assert not findings(with_meeting("in-cn-2023-08", start=P("2023-08")), "DM125")
        (finding,) = findings(with_meeting("in-cn-2023-08", start=P("2023-08-21")), "DM125")
        assert finding.message == (
            "starts 2023-08-21, before 'brics-15' (from 2023-08-22 to 2023-08-24) it was held "
            "on the sidelines of"
        )

    def test_within_a_missing_meeting(self):
        """A parent the dossier lacks is DM101's, not DM125's."""
        dossier = with_meeting("in-cn-2023-08", within="nowhere")
        assert [f.code for f in validate(dossier)] == ["DM101"]

    def test_cycle_is_reported_once(self):
        """A cycle of `within` is one finding, naming the loop."""
        (finding,) = findings(BROKEN["DM126"][0](), "DM126")
        assert finding.message == (
            "'brics-15' is held within itself: 'brics-15' within 'in-cn-2023-08' within 'brics-15'"
        )

    def test_phone_call_in_person(self):
        """A phone call held in person contradicts itself; held by phone it is fine."""
        call = with_meeting("eu-cn-24", kind=dm.MeetingKind.PHONE_CALL, place=None)
        assert findings(call, "DM129")
        fine = with_meeting(
            "eu-cn-24", kind=dm.MeetingKind.PHONE_CALL, place=None, format=dm.MeetingFormat.PHONE
        )
        assert list(validate(fine)) == []

    def test_remote_place_message(self):
        """The finding names the format and the place."""
        (finding,) = findings(BROKEN["DM127"][0](), "DM127")
        assert finding.message.startswith("held by video link, yet has one place (New Delhi")

    def test_body_parent_message(self):
        """A department of China's ministry cannot sit within Russia's."""
        (finding,) = findings(BROKEN["DM130"][0](), "DM130")
        assert finding.message == ("belongs to China but sits within 'ru-mfa', a body of Russia")

    def test_visit_host_is_not_also_dm105(self):
        """A visit's host outside the parties is DM132 (an error), not also DM105."""
        dossier = BROKEN["DM132"][0]()
        assert [f.code for f in validate(dossier)] == ["DM132"]


class TestBodiesActForTheirState:
    """DM104, DM105, DM106, DM108 and DM110 see a body of a party on that party's side."""

    def test_ministry_delegation_is_on_its_states_side(self):
        """Wang Yi in the delegation of China's foreign ministry is on China's side (DM106)."""
        assert not findings(DOSSIER, "DM106")
        dossier = with_participant("eu-cn-24", "wang-yi", delegation="ru-mfa")
        (finding,) = findings(dossier, "DM106")
        assert finding.message == (
            "'wang-yi' is in the delegation of body 'ru-mfa' of Russia, which is not a party "
            "to the meeting"
        )

    def test_department_of_a_ministry(self):
        """A department within the ministry is on China's side too."""
        dossier = with_participant("eu-cn-24", "wang-yi", delegation="cn-mofa-europe")
        assert list(validate(dossier)) == []

    def test_second_co_chair_through_a_ministry(self):
        """A co-chair in China's ministry is a second co-chair for China (DM104)."""
        dossier = with_participant("eu-cn-24", "wang-yi", role=dm.Role.CO_CHAIR)
        (finding,) = findings(dossier, "DM104")
        assert finding.message.startswith("China has a second co-chair, 'wang-yi'")

    def test_ministry_as_host(self):
        """A ministry of a party hosting is no third-party host (DM105)."""
        assert not findings(with_meeting("eu-cn-24", host="cn-mofa"), "DM105")
        assert findings(with_meeting("eu-cn-24", host="ru-mfa"), "DM105")

    def test_office_of_another_states_body(self):
        """Acting for China's ministry in an office of Russia's ministry is DM108."""
        dossier = with_participant("eu-cn-24", "wang-yi", office="ru-foreign-minister")
        (finding,) = findings(dossier, "DM108")
        assert finding.message == (
            "'wang-yi' acts for body 'cn-mofa' of China in 'Minister of Foreign Affairs of "
            "Russia', an office of body 'ru-mfa' of Russia"
        )

    def test_signature_for_a_ministry(self):
        """A minister signing for the ministry of a party signs for that party (DM110)."""
        note = dm.Communique(
            id="eu-cn-24-press",
            title="Press communique of the 24th EU-China summit",
            parties=(EU, CN),
            signed=P("2023-12-07"),
            meeting="eu-cn-24",
            signatories=(
                dm.Signature(person="wang-yi", state="cn-mofa", office="cn-foreign-minister"),
            ),
        )
        dossier = attrs.evolve(DOSSIER, documents=(note,))
        assert not findings(dossier, "DM110")
        other = attrs.evolve(note, signatories=(dm.Signature(person="wang-yi", state="ru-mfa"),))
        (finding,) = findings(attrs.evolve(DOSSIER, documents=(other,)), "DM110")
        assert (
            finding.message == "'wang-yi' signs for body 'ru-mfa' of Russia, which is not a party"
        )

    def test_without_a_dossier_bodies_are_not_judged(self):
        """Validated alone, a meeting cannot see its bodies and says nothing about them."""
        assert list(validate(EU_CN_24)) == []
