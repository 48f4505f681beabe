"""describe, timeline and anniversaries of a relation's history across state succession."""

from datetime import date

import attrs
import pytest
from hypothesis import given, settings

import diplomodel as dm
from diplomodel import testing
from tests.history_examples import CN, RU, SA, SU, K, P, cn_ru, sa_ir
from tests.profiles import examples

DOSSIER = dm.load_example()
CN_RU = cn_ru()
SA_IR = sa_ir()


def _describe(relation, locale="en"):
    """describe, with CLDR's narrow no-break spaces ("1949\u202fг.") read as spaces."""
    return dm.describe(relation, DOSSIER, locale).replace("\u202f", " ")


def _events(*pairs):
    return tuple(dm.RelationEvent(kind=kind, date=P(day)) for kind, day in pairs)


class TestDescribeSuccession:
    @pytest.mark.parametrize(
        ("locale", "origin", "continued"),
        [
            (
                "en",
                "China and the Soviet Union established diplomatic relations on October 2, 1949.",
                (
                    "Since December 27, 1991, Russia has continued them as the successor of the"
                    " Soviet Union."
                ),
            ),
            (
                "ru",
                (
                    "Китай и Союз Советских Социалистических Республик установили дипломатические"
                    " отношения 2 октября 1949 г."
                ),
                (
                    "С 27 декабря 1991 г. их продолжает Россия (до этого — Союз Советских"
                    " Социалистических Республик)."
                ),
            ),
            (
                "zh",
                "中国和苏维埃社会主义共和国联盟于1949年10月2日建立外交关系。",
                "自1991年12月27日起，俄罗斯作为苏维埃社会主义共和国联盟的继承国延续这一关系。",
            ),
        ],
    )
    def test_who_established_and_who_continues(self, locale, origin, continued):
        """The ties are established by the predecessor and continued by the successor."""
        text = _describe(CN_RU, locale)
        assert text.startswith(origin)
        assert continued in text

    def test_without_succession_the_parties_establish(self):
        """Without a succession the current parties established the ties, as before."""
        relation = attrs.evolve(DOSSIER.relation_by_id("cn-ru"), successions=())
        text = dm.describe(relation, DOSSIER)
        assert text.startswith("China and Russia established diplomatic relations")
        assert "successor" not in text

    def test_chain_of_successions(self):
        """Each step of a chain gets its own sentence, earliest first."""
        yu, cs, rs, fr = (dm.states.get(c) for c in ("YU", "CSXX", "RS", "FR"))
        relation = dm.BilateralRelation(
            id="fr-rs",
            parties=(fr, rs),
            established=P("1839"),
            successions=(
                dm.Succession(predecessor=yu, successor=cs, date=P("2003-02-04")),
                dm.Succession(predecessor=cs, successor=rs, date=P("2006-06-05")),
            ),
        )
        text = _describe(relation)
        first = text.index("as the successor of " + dm.state_name(yu, "en"))
        second = text.index("as the successor of " + dm.state_name(cs, "en"))
        assert first < second
        assert text.startswith("France and " + dm.state_name(yu, "en"))


class TestDescribeEvents:
    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "Relations were severed on January 3, 2016 and restored on March 10, 2023."),
            ("ru", "Отношения были разорваны 3 января 2016 г. и восстановлены 10 марта 2023 г."),
            ("zh", "双方于2016年1月3日断绝外交关系，于2023年3月10日恢复外交关系。"),
        ],
    )
    def test_severed_and_restored(self, locale, expected):
        """A severance and its restoration read as one sentence in each language."""
        assert expected in _describe(SA_IR, locale)

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "Relations were suspended from January 1, 1980 to June 30, 1990."),
            ("ru", "Отношения были приостановлены с 1 января 1980 г. по 30 июня 1990 г."),
            ("zh", "1980年1月1日至1990年6月30日期间，双方外交关系中止。"),
        ],
    )
    def test_suspended_from_to(self, locale, expected):
        """A suspension that ended reads "suspended from … to …"."""
        relation = attrs.evolve(
            SA_IR, events=_events((K.SUSPENSION, "1980-01-01"), (K.RESTORATION, "1990-06-30"))
        )
        assert expected in _describe(relation, locale)

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "Relations have been suspended since February 1, 2010."),
            ("ru", "Отношения приостановлены с 1 февраля 2010 г."),
            ("zh", "自2010年2月1日起，双方外交关系中止。"),
        ],
    )
    def test_still_suspended(self, locale, expected):
        """A suspension not yet ended reads as the present state."""
        relation = attrs.evolve(SA_IR, events=_events((K.SUSPENSION, "2010-02-01")))
        assert _describe(relation, locale).endswith(expected)

    @pytest.mark.parametrize(
        ("kind", "expected"),
        [
            (K.DOWNGRADE, "Diplomatic representation was downgraded in May 2000."),
            (K.UPGRADE, "Diplomatic representation was upgraded in May 2000."),
            (K.SEVERANCE, "Relations were severed in May 2000."),
            (K.RECOGNITION, "Recognition was extended in May 2000."),
        ],
    )
    def test_each_kind_of_event(self, kind, expected):
        """Each kind of event has its sentence, at the date's precision."""
        relation = attrs.evolve(SA_IR, events=_events((kind, "2000-05")))
        assert expected in _describe(relation)

    def test_suspension_then_severance(self):
        """A suspension that turned into a severance tells both, in order."""
        relation = attrs.evolve(
            SA_IR, events=_events((K.SUSPENSION, "2015"), (K.SEVERANCE, "2016-01-03"))
        )
        text = _describe(relation)
        assert "Relations were suspended in 2015. Relations were severed on January 3, 2016." in (
            text
        )

    def test_establishment_event_is_not_told_twice(self):
        """An establishment event repeats `established`: one sentence says it."""
        relation = attrs.evolve(SA_IR, events=_events((K.ESTABLISHMENT, "1929-08-24")))
        assert _describe(relation).count("established") == 1

    @pytest.mark.parametrize("locale", ["ru", "zh"])
    def test_every_event_kind_is_translated(self, locale):
        """No event sentence falls back to English in ru or zh."""
        for kind in (K.DOWNGRADE, K.UPGRADE, K.SEVERANCE, K.RECOGNITION, K.SUSPENSION):
            relation = attrs.evolve(SA_IR, events=_events((kind, "2000-05-01")))
            text = _describe(relation, locale)
            assert "Relations" not in text
            assert "representation" not in text
            assert "Recognition" not in text


HISTORY = attrs.evolve(
    CN_RU,
    events=_events((K.DOWNGRADE, "1966"), (K.UPGRADE, "1989-05")),
)
WITH_HISTORY = attrs.evolve(DOSSIER, relations=(HISTORY, SA_IR))


def _entries(state, kinds=("relation", "relation_event", "succession", "partnership_level")):
    return [(str(e.date), e.kind, e.title) for e in WITH_HISTORY.timeline(state) if e.kind in kinds]


class TestTimeline:
    def test_successor_keeps_the_original_date(self):
        """Russia's timeline starts with the ties of 1949, named as they were then."""
        assert _entries(RU)[0] == ("1949-10-02", "relation", "Diplomatic ties: China–Soviet Union")

    def test_succession_and_events_are_entries(self):
        """The succession and each relation event are dated entries of their own."""
        entries = _entries(RU, ("relation_event", "succession"))
        assert entries == [
            ("1966", "relation_event", "Diplomatic representation downgraded: China–Soviet Union"),
            ("1989-05", "relation_event", "Diplomatic representation upgraded: China–Soviet Union"),
            ("1991-12-27", "succession", "Diplomatic ties: Russia continues those of Soviet Union"),
        ]

    def test_predecessor_sees_its_own_time_only(self):
        """The Soviet Union's timeline ends with the succession: no later partnership levels."""
        entries = _entries(SU)
        assert entries[0][0] == "1949-10-02"
        assert entries[-1][1] == "succession"
        assert all(day < "1992" for day, _, _ in entries)

    def test_the_other_party_sees_everything(self):
        """China's timeline has the whole history, before and after the succession."""
        kinds = [kind for _, kind, _ in _entries(CN)]
        assert kinds[:4] == ["relation", "relation_event", "relation_event", "succession"]
        assert "partnership_level" in kinds

    def test_severance_and_restoration(self):
        """Saudi Arabia's timeline shows its ties broken off and restored."""
        assert _entries(SA, ("relation_event",)) == [
            ("2016-01-03", "relation_event", "Diplomatic ties severed: Saudi Arabia–Iran"),
            ("2023-03-10", "relation_event", "Diplomatic ties restored: Saudi Arabia–Iran"),
        ]

    def test_establishment_event_is_not_repeated(self):
        """An establishment event is the relation's own entry, not a second one."""
        relation = attrs.evolve(SA_IR, events=_events((K.ESTABLISHMENT, "1929-08-24")))
        timeline = attrs.evolve(DOSSIER, relations=(relation,)).timeline(SA)
        assert [e.kind for e in timeline if e.id == "sa-ir"] == ["relation"]

    def test_unrelated_state_sees_nothing(self):
        """A state that never held the ties has none of their entries."""
        assert _entries(dm.states.get("FR")) == []


class TestAnniversariesAcrossSuccession:
    def test_counted_from_the_original_date(self):
        """Ties continued by Russia mark their 75th anniversary in 2024, counted from 1949."""
        found = WITH_HISTORY.upcoming_anniversaries(date(2024, 1, 1), date(2024, 12, 31))
        relation = [(a.subject, a.anniversary.number, str(a.anniversary.date)) for a in found]
        assert ("cn-ru", 75, "2024-10-02") in relation

    def test_severed_ties_still_count_from_establishment(self):
        """Ties severed and restored keep their establishment date: 2029 is the 100th year."""
        found = WITH_HISTORY.upcoming_anniversaries(
            date(2029, 1, 1), date(2029, 12, 31), jubilee_only=True
        )
        assert [(a.subject, a.anniversary.number) for a in found if a.kind == "relation"] == [
            ("sa-ir", 100),
            ("cn-ru", 80),
        ]


class TestDrawnRelations:
    @settings(max_examples=examples(40), deadline=None)
    @given(testing.relations())
    def test_describe_any_history(self, relation):
        """Any valid relation is described in each language, one sentence per break at most."""
        breaks = sum(e.kind in {K.SUSPENSION, K.SEVERANCE} for e in relation.events)
        for locale in ("en", "ru", "zh"):
            text = dm.describe(relation, DOSSIER, locale)
            assert text
            assert "{" not in text
        english = _describe(relation)
        assert english.count("Relations ") + english.count("representation") >= breaks

    @settings(max_examples=examples(40), deadline=None)
    @given(testing.relations())
    def test_timeline_of_every_party_and_predecessor(self, relation):
        """Each party's timeline has every event but an establishment; a predecessor's, some."""
        dossier = attrs.evolve(DOSSIER, relations=(relation,))
        told = [e for e in relation.events if e.kind is not K.ESTABLISHMENT]
        for party in relation.parties:
            entries = [e for e in dossier.timeline(party) if e.id == relation.id]
            assert sum(e.kind == "relation_event" for e in entries) == len(told)
            assert sum(e.kind == "succession" for e in entries) == len(relation.successions)
        for step in relation.successions:
            entries = [e for e in dossier.timeline(step.predecessor) if e.id == relation.id]
            assert any(e.kind == "succession" for e in entries)


class TestEventAnniversaries:
    def test_restoration_has_anniversaries(self):
        """Ties severed in 2016 and restored in 2023 mark the 12th and 5th anniversaries in 2028."""
        found = WITH_HISTORY.upcoming_anniversaries(date(2028, 1, 1), date(2028, 12, 31))
        events = [
            (a.subject, a.title, a.anniversary.number, str(a.anniversary.date))
            for a in found
            if a.kind == "relation_event" and a.subject == "sa-ir"
        ]
        assert events == [
            ("sa-ir", "Diplomatic ties severed: Saudi Arabia–Iran", 12, "2028-01-03"),
            ("sa-ir", "Diplomatic ties restored: Saudi Arabia–Iran", 5, "2028-03-10"),
        ]

    def test_event_anniversaries_name_the_parties_of_the_day(self):
        """A downgrade of 1966 is the Soviet Union's, named so at its 60th anniversary in 2026."""
        found = WITH_HISTORY.upcoming_anniversaries(
            date(2026, 1, 1), date(2026, 12, 31), jubilee_only=True
        )
        titles = [a.title for a in found if a.kind == "relation_event"]
        assert titles == [
            "Diplomatic representation downgraded: China–Soviet Union",
            "Diplomatic ties severed: Saudi Arabia–Iran",
        ]

    def test_establishment_event_is_not_counted_twice(self):
        """An establishment event is the relation's own anniversary, listed once."""
        relation = sa_ir((K.ESTABLISHMENT, "1929-08-24"))
        dossier = attrs.evolve(DOSSIER, relations=(relation,))
        found = dossier.upcoming_anniversaries(date(2029, 1, 1), date(2029, 12, 31))
        assert [a.kind for a in found if a.subject == "sa-ir"] == ["relation"]
