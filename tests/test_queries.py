"""Dossier queries: meetings, office holders, relations, series, anniversaries, timelines, merge."""

from datetime import date

import attrs
import pytest

import diplomodel as dm
from diplomodel.timeline import TimelineEntry, UpcomingAnniversary

EXAMPLE = dm.load_example()
MEETING = EXAMPLE.meetings[0]
CN, RU, FR, KZ = (dm.states.get(c) for c in ("CN", "RU", "FR", "KZ"))
P = dm.PartialDate.parse
HOG = dm.OfficeKind.HEAD_OF_GOVERNMENT
SERIES = "cn-ru-heads-of-government"


def numbered(ordinal, start, **changes):
    return attrs.evolve(MEETING, id=f"m{ordinal}", ordinal=ordinal, start=P(start), **changes)


class TestLookups:
    def test_get(self):
        """get finds an entity by kind and id, or gives None."""
        assert EXAMPLE.get(dm.Person, "li-qiang").name == "Li Qiang"
        assert EXAMPLE.get(dm.Person, "cn-premier") is None
        assert EXAMPLE.get(dm.Document, "cn-ru-investment-plan").form is dm.AgreementForm.PLAN

    def test_get_document_kind(self):
        """get with a document kind finds only documents of that kind."""
        communique = "cn-ru-heads-of-government-29-communique"
        assert EXAMPLE.get(dm.Communique, communique).id == communique
        assert EXAMPLE.get(dm.CooperationAgreement, communique) is None

    def test_entities(self):
        """entities walks every entity with its path, table by table."""
        walked = list(EXAMPLE.entities())
        assert len(walked) == len(EXAMPLE)
        assert walked[4] == ("$.offices[0]", EXAMPLE.offices[0])
        assert walked[-1] == ("$.statements[3]", EXAMPLE.statements[3])


class TestMeetingsBetween:
    def test_example(self):
        """The example's meeting is between China and Russia, in either order."""
        assert EXAMPLE.meetings_between(CN, RU) == (MEETING,)
        assert EXAMPLE.meetings_between(RU, CN) == (MEETING,)

    def test_unknown_pair(self):
        """States that never met give an empty tuple."""
        assert EXAMPLE.meetings_between(CN, FR) == ()

    def test_date_order(self):
        """Meetings come in date order whatever the dossier's order."""
        later = numbered(30, "2025-11-04")
        earlier = numbered(28, "2023-12-20")
        other = numbered(5, "2001", parties=(CN, KZ))
        dossier = attrs.evolve(EXAMPLE, meetings=(later, MEETING, other, earlier))
        assert [m.ordinal for m in dossier.meetings_between(RU, CN)] == [28, 29, 30]
        assert [m.ordinal for m in dossier.meetings_between(KZ, CN)] == [5]


class TestHolder:
    def test_heads_of_government_2024(self):
        """Mishustin headed Russia's government and Li Qiang China's on 21 August 2024."""
        day = date(2024, 8, 21)
        assert EXAMPLE.holder(HOG, RU, day).id == "mikhail-mishustin"
        assert EXAMPLE.holder(HOG, CN, day).id == "li-qiang"

    def test_earlier_holder(self):
        """Putin was Russia's prime minister in 2010."""
        assert EXAMPLE.holder(HOG, RU, date(2010, 1, 1)).id == "vladimir-putin"
        assert EXAMPLE.holder(dm.OfficeKind.HEAD_OF_STATE, RU, date(2010, 1, 1)) is None

    def test_heads_of_state(self):
        """Xi and Putin were presidents in 2024."""
        day = date(2024, 8, 21)
        assert EXAMPLE.holder(dm.OfficeKind.HEAD_OF_STATE, CN, day).id == "xi-jinping"
        assert EXAMPLE.holder(dm.OfficeKind.HEAD_OF_STATE, RU, day).id == "vladimir-putin"

    def test_between_terms(self):
        """Nobody recorded held the office between Mishustin's two terms."""
        assert EXAMPLE.holder(HOG, RU, date(2024, 5, 8)) is None

    def test_unknown_state_or_kind(self):
        """A state or kind with no recorded office gives None."""
        assert EXAMPLE.holder(HOG, FR, date(2024, 8, 21)) is None
        assert EXAMPLE.holder(dm.OfficeKind.AMBASSADOR, CN, date(2024, 8, 21)) is None

    def test_partial_precision_tenures(self):
        """Terms known to the year or month cover every day of that year or month."""
        office = dm.Office(id="x-pm", title="PM", kind=HOG, state=FR)
        a = dm.Person(
            id="a", name="A", tenures=(dm.Tenure(office="x-pm", start=P("2020"), end=P("2021-06")),)
        )
        b = dm.Person(id="b", name="B", tenures=(dm.Tenure(office="x-pm", start=P("2021-06-20")),))
        dossier = dm.Dossier(id="d", title="t", people=(a, b), offices=(office,))
        assert dossier.holder(HOG, FR, date(2020, 1, 1)).id == "a"
        assert dossier.holder(HOG, FR, date(2021, 6, 1)).id == "a"
        assert dossier.holder(HOG, FR, date(2021, 6, 25)).id == "b"  # the later start wins
        assert dossier.holder(HOG, FR, date(2019, 12, 31)) is None

    def test_open_start(self):
        """A term with no recorded start covers every day up to its end."""
        office = dm.Office(id="x-pm", title="PM", kind=HOG, state=FR)
        a = dm.Person(id="a", name="A", tenures=(dm.Tenure(office="x-pm", end=P("1990")),))
        dossier = dm.Dossier(id="d", title="t", people=(a,), offices=(office,))
        assert dossier.holder(HOG, FR, date(1900, 1, 1)).id == "a"
        assert dossier.holder(HOG, FR, date(1991, 1, 1)) is None


class TestRelation:
    def test_either_order(self):
        """The relation is found whichever state comes first."""
        assert EXAMPLE.relation(CN, RU) is EXAMPLE.relation(RU, CN) is EXAMPLE.relations[0]

    def test_no_relation(self):
        """No recorded relation gives None."""
        assert EXAMPLE.relation(CN, FR) is None
        assert EXAMPLE.relation(CN, CN) is None

    def test_level_on(self):
        """The relation's level on a day is the one then in force."""
        relation = EXAMPLE.relation(RU, CN)
        assert relation.level_on(date(2000, 1, 1)).name == "strategic partnership of coordination"


class TestSeriesMeetings:
    def test_example(self):
        """The example's series has its 29th meeting."""
        assert EXAMPLE.series_meetings(SERIES) == (MEETING,)

    def test_unknown_series(self):
        """An id no meeting names gives an empty tuple."""
        assert EXAMPLE.series_meetings("nothing") == ()

    def test_order(self):
        """Meetings come by ordinal, then date; unnumbered ones last, by date."""
        loose_late = attrs.evolve(MEETING, id="loose-late", ordinal=None, start=P("2026"))
        loose_early = attrs.evolve(MEETING, id="loose-early", ordinal=None, start=P("1990"))
        dossier = attrs.evolve(
            EXAMPLE,
            meetings=(
                loose_late,
                numbered(30, "2025"),
                MEETING,
                loose_early,
                numbered(1, "1996-12"),
            ),
        )
        assert [m.id for m in dossier.series_meetings(SERIES)] == [
            "m1",
            MEETING.id,
            "m30",
            "loose-early",
            "loose-late",
        ]


class TestUpcomingAnniversaries:
    def test_75th_anniversary_of_ties(self):
        """After the meeting, the 75th anniversary of the ties falls on 2 October 2024."""
        found = EXAMPLE.upcoming_anniversaries(date(2024, 8, 21), date(2024, 12, 31))
        relation = [a for a in found if a.kind == "relation"]
        assert len(relation) == 1
        (upcoming,) = relation
        assert isinstance(upcoming, UpcomingAnniversary)
        assert upcoming.subject == "cn-ru"
        assert upcoming.title == "Diplomatic ties: China–Russia"
        assert upcoming.anniversary.number == 75
        assert upcoming.anniversary.date == P("2024-10-02")

    def test_strictly_after(self):
        """An anniversary on the day `after` is not upcoming; on `until` it is."""
        on_the_day = EXAMPLE.upcoming_anniversaries(date(2024, 10, 2), date(2025, 10, 2))
        assert [a.anniversary.number for a in on_the_day if a.kind == "relation"] == [76]
        assert EXAMPLE.upcoming_anniversaries(date(2024, 10, 1), date(2024, 10, 2))[
            -1
        ].anniversary.date == P("2024-10-02")

    def test_sorted_and_both_kinds(self):
        """Relations and series are listed together in date order."""
        found = EXAMPLE.upcoming_anniversaries(date(2024, 12, 31), date(2026, 12, 31))
        assert [(a.kind, a.anniversary.number) for a in found] == [
            ("series", 29),
            ("relation", 76),
            ("series", 30),
            ("relation", 77),
        ]
        assert [a.anniversary.date for a in found] == sorted(a.anniversary.date for a in found)

    def test_jubilee_only(self):
        """Only round anniversaries when asked."""
        found = EXAMPLE.upcoming_anniversaries(
            date(2024, 12, 31), date(2026, 12, 31), jubilee_only=True
        )
        assert [(a.subject, a.anniversary.number) for a in found] == [(SERIES, 30)]

    def test_empty_window(self):
        """An empty window or a dossier without dates gives nothing; a reversed one is an error."""
        assert EXAMPLE.upcoming_anniversaries(date(2024, 1, 1), date(2024, 1, 1)) == ()
        assert (
            dm.Dossier(id="d", title="t").upcoming_anniversaries(date(2024, 1, 1), date(2030, 1, 1))
            == ()
        )
        with pytest.raises(ValueError, match="before 'after'"):
            EXAMPLE.upcoming_anniversaries(date(2024, 1, 2), date(2024, 1, 1))


class TestTimeline:
    def test_russia(self):
        """Russia's timeline runs from the ties of 1949 to the statements of 2024, in order."""
        entries = EXAMPLE.timeline(RU)
        assert all(isinstance(e, TimelineEntry) for e in entries)
        assert [e.date for e in entries] == sorted(e.date for e in entries)
        assert entries[0].kind == "relation"
        assert entries[0].date == P("1949-10-02")
        kinds = {e.kind for e in entries}
        assert kinds == {
            "relation",
            "succession",
            "partnership_level",
            "series",
            "tenure",
            "thematic_year",
            "meeting",
            "document",
            "statement",
        }

    def test_only_the_states_own_records(self):
        """Statements and terms of office of the other state are left out."""
        entries = EXAMPLE.timeline(CN)
        statements = [e.id for e in entries if e.kind == "statement"]
        assert statements == [
            "cn-ru-hog-29-li-qiang-anniversary",
            "cn-ru-hog-29-li-qiang-partnership",
        ]
        assert {e.id for e in entries if e.kind == "tenure"} == {"li-qiang", "xi-jinping"}

    def test_undated_records_are_left_out(self):
        """The undated original investment plan is not in the timeline."""
        assert "cn-ru-investment-plan" not in {e.id for e in EXAMPLE.timeline(CN)}
        assert "cn-ru-investment-plan-2024" in {e.id for e in EXAMPLE.timeline(CN)}

    def test_statement_dated_by_its_meeting(self):
        """A statement with no date of its own takes its meeting's date."""
        statement = attrs.evolve(EXAMPLE.statements[0], date=None)
        dossier = attrs.evolve(EXAMPLE, statements=(statement,))
        (entry,) = [e for e in dossier.timeline(CN) if e.kind == "statement"]
        assert entry.date == MEETING.start
        assert entry.title.startswith("Li Qiang: ")

    def test_unknown_state(self):
        """A state with no records has an empty timeline."""
        assert EXAMPLE.timeline(FR) == ()


class TestMerge:
    def test_disjoint(self):
        """Entities of the other dossier are appended; id and title stay this one's."""
        extra = dm.Person(id="sergey-lavrov", name="Sergey Lavrov")
        merged = EXAMPLE.merge(dm.Dossier(id="other", title="Other", people=(extra,)))
        assert merged.people == (*EXAMPLE.people, extra)
        assert (merged.id, merged.title) == (EXAMPLE.id, EXAMPLE.title)
        assert len(merged) == len(EXAMPLE) + 1
        assert merged.person("sergey-lavrov") == extra

    def test_identical_duplicates_collapse(self):
        """Merging a dossier with itself changes nothing."""
        assert EXAMPLE.merge(EXAMPLE) == EXAMPLE
        assert dm.Dossier(id="e", title="E").merge(EXAMPLE).people == EXAMPLE.people

    def test_same_id_in_different_kinds(self):
        """The same id in two kinds is no conflict."""
        person = dm.Person(id="cn-premier", name="Not an office")
        merged = EXAMPLE.merge(dm.Dossier(id="o", title="O", people=(person,)))
        assert merged.person("cn-premier") == person

    def test_conflicts(self):
        """Different content under the same id is a DataError listing every conflict."""
        other = dm.Dossier(
            id="other",
            title="Other",
            people=(
                dm.Person(id="new", name="New"),
                attrs.evolve(EXAMPLE.people[1], name="M. Mishustin"),
            ),
            documents=(attrs.evolve(EXAMPLE.documents[1], status=dm.DocumentStatus.IN_FORCE),),
        )
        with pytest.raises(dm.DataError) as info:
            EXAMPLE.merge(other)
        assert [p.path for p in info.value.problems] == ["$.people[1]", "$.documents[0]"]
        assert "'mikhail-mishustin' differs" in info.value.problems[0].message
        assert info.value.source == "other"

    def test_conflict_within_the_other(self):
        """Two different entities with one id in the other dossier conflict too."""
        a, b = dm.Person(id="p", name="A"), dm.Person(id="p", name="B")
        with pytest.raises(dm.DataError) as info:
            EXAMPLE.merge(dm.Dossier(id="o", title="O", people=(a, b)))
        assert [p.path for p in info.value.problems] == ["$.people[1]"]

    def test_merge_does_not_change_either(self):
        """Merging builds a new dossier."""
        other = dm.Dossier(id="o", title="O", people=(dm.Person(id="p", name="P"),))
        before = (len(EXAMPLE), len(other))
        EXAMPLE.merge(other)
        assert (len(EXAMPLE), len(other)) == before


class TestCaches:
    def test_caches_do_not_affect_equality(self):
        """Query caches are not part of equality or the serialised form."""
        fresh = dm.load_example()
        fresh.holder(HOG, RU, date(2024, 8, 21))
        fresh.relation(CN, RU)
        fresh.series_meetings(SERIES)
        assert fresh == EXAMPLE
        assert dm.to_dict(fresh) == dm.to_dict(EXAMPLE)

    def test_evolve_starts_afresh(self):
        """An evolved dossier answers from its own data, not its parent's caches."""
        EXAMPLE.relation(CN, RU)
        emptied = attrs.evolve(EXAMPLE, relations=())
        assert emptied.relation(CN, RU) is None
