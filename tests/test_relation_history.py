"""Relation history: dated events, status on a day, continuity across state succession."""

from datetime import date

import attrs
import pytest
from hypothesis import given, settings

import diplomodel as dm
from diplomodel import testing
from tests.profiles import examples

P = dm.PartialDate.parse
K = dm.RelationEventKind
S = dm.RelationStatus
CN, RU, SU, SA, IR = (dm.states.get(c) for c in ("CN", "RU", "SU", "SA", "IR"))


def event(kind, when, **more):
    return dm.RelationEvent(kind=kind, date=P(when), **more)


SA_IR = dm.BilateralRelation(
    id="sa-ir",
    parties=(SA, IR),
    events=(
        event(K.SEVERANCE, "2016-01-03"),
        event(
            K.RESTORATION,
            "2023-03-10",
            note="Agreement to resume ties signed in Beijing",
        ),
    ),
)

CN_RU = dm.BilateralRelation(
    id="cn-ru",
    parties=(CN, RU),
    established=P("1949-10-02"),
    successions=(dm.Succession(predecessor=SU, successor=RU, date=P("1991-12-27")),),
)


class TestStatus:
    def test_saudi_arabia_iran(self):
        """Severed on 3 January 2016, restored on 10 March 2023 (the Beijing agreement)."""
        assert SA_IR.status_on(date(2016, 1, 2)) is None  # the record starts at the severance
        assert SA_IR.status_on(date(2016, 1, 3)) is S.SEVERED
        assert SA_IR.status_on(date(2023, 3, 9)) is S.SEVERED
        assert SA_IR.status_on(date(2023, 3, 10)) is S.ACTIVE
        assert [(str(d), s) for d, s in SA_IR.status_changes()] == [
            ("2016-01-03", S.SEVERED),
            ("2023-03-10", S.ACTIVE),
        ]

    def test_established_alone_means_active_from_then(self):
        """Before `established` there are no ties; from that day on they are active."""
        assert CN_RU.status_on(date(1949, 10, 1)) is S.NONE
        assert CN_RU.status_on(P("1949-10-02")) is S.ACTIVE

    def test_suspension_and_restoration(self):
        """A suspension holds until the restoration; a downgrade keeps ties active."""
        r = attrs.evolve(
            CN_RU,
            events=(
                event(K.DOWNGRADE, "1966-05"),
                event(K.SUSPENSION, "1970"),
                event(K.RESTORATION, "1972-06-01"),
            ),
        )
        assert r.status_on(date(1967, 1, 1)) is S.ACTIVE
        assert r.status_on(date(1970, 12, 30)) is S.ACTIVE  # a year-only date counts from its end
        assert r.status_on(date(1970, 12, 31)) is S.SUSPENDED
        assert r.status_on(date(1972, 6, 1)) is S.ACTIVE

    def test_establishment_event_gives_sources_to_established(self):
        """An establishment event on the `established` day is that establishment itself."""
        wire = dm.Source(publisher="Wire")
        r = attrs.evolve(CN_RU, events=(event(K.ESTABLISHMENT, "1949-10-02", sources=(wire,)),))
        assert r.status_changes() == ((P("1949-10-02"), S.ACTIVE),)

    def test_partial_day_is_rejected(self):
        """`status_on` needs a day, as `level_on` does."""
        with pytest.raises(ValueError, match="day"):
            CN_RU.status_on(P("2020"))


class TestBadHistories:
    @pytest.mark.parametrize(
        ("events", "message"),
        [
            (
                (event(K.RESTORATION, "1960"), event(K.SUSPENSION, "1961")),
                r"'events' \[0\] has a restoration on 1960 while ties were active",
            ),
            (
                (event(K.SEVERANCE, "1960"), event(K.SUSPENSION, "1961")),
                r"'events' \[1\] has a suspension on 1961 while ties were severed",
            ),
            (
                (event(K.SUSPENSION, "1940"),),
                r"'events' \[0\] has a suspension on 1940 while ties were not established",
            ),
            (
                (event(K.ESTABLISHMENT, "1950"),),
                r"'events' \[0\] has an establishment on 1950, but 'established' 1949-10-02",
            ),
            (
                (event(K.SEVERANCE, "1960"), event(K.DOWNGRADE, "1961")),
                r"'events' \[1\] has a downgrade on 1961 while ties were severed",
            ),
        ],
    )
    def test_rejected_at_construction(self, events, message):
        """Events that cannot follow one another are rejected with the event and the status."""
        with pytest.raises(ValueError, match=message):
            attrs.evolve(CN_RU, events=events)

    def test_events_in_date_order(self):
        """Events are listed earliest first."""
        with pytest.raises(ValueError, match="'events' must be in date order"):
            attrs.evolve(
                SA_IR, events=(event(K.RESTORATION, "2023-03-10"), event(K.SEVERANCE, "2016"))
            )

    def test_establishment_event_needs_established(self):
        """Without `established`, an establishment event says what is missing."""
        with pytest.raises(ValueError, match="but no 'established'"):
            attrs.evolve(SA_IR, events=(event(K.ESTABLISHMENT, "1929"),))

    def test_successor_must_be_a_party(self):
        """A succession names a party (or a later predecessor) as successor."""
        with pytest.raises(ValueError, match="names Kazakhstan as successor, not a party"):
            attrs.evolve(
                CN_RU,
                successions=(
                    dm.Succession(predecessor=SU, successor=dm.states.get("KZ"), date=P("1991")),
                ),
            )


class TestSuccession:
    def test_who_established_the_ties(self):
        """China–Russia ties date from 2 October 1949 and were established with the USSR."""
        assert CN_RU.established == P("1949-10-02")
        assert CN_RU.original_parties == (CN, SU)
        assert CN_RU.parties_on(date(1991, 12, 26)) == (CN, SU)
        assert CN_RU.parties_on(date(1991, 12, 27)) == (CN, RU)

    def test_chain_of_successions(self):
        """Ties continued twice (Yugoslavia, Serbia and Montenegro, Serbia) go back to the first."""
        yu, cs, rs = (dm.states.get(c) for c in ("YUCS", "CSXX", "RS"))
        r = dm.BilateralRelation(
            id="cn-rs",
            parties=(CN, rs),
            established=P("1955-01-02"),
            successions=(
                dm.Succession(predecessor=yu, successor=cs, date=P("2003-02-04")),
                dm.Succession(predecessor=cs, successor=rs, date=P("2006-06")),
            ),
        )
        assert r.original_parties == (CN, yu)
        assert r.parties_on(date(2004, 1, 1)) == (CN, cs)

    def test_anniversaries_count_from_the_original_date(self):
        """The 75th anniversary of ties continued by Russia falls on 2 October 2024."""
        dossier = attrs.evolve(dm.load_example(), relations=(CN_RU,))
        (found,) = [
            a
            for a in dossier.upcoming_anniversaries(date(2024, 1, 1), date(2024, 12, 31))
            if a.kind == "relation"
        ]
        assert (found.anniversary.number, found.anniversary.date) == (75, P("2024-10-02"))

    def test_relation_is_found_by_the_successor(self):
        """`Dossier.relation(RU, CN)` finds ties the USSR established."""
        dossier = attrs.evolve(dm.load_example(), relations=(CN_RU,))
        assert dossier.relation(RU, CN) is CN_RU


class TestFiles:
    def test_json_round_trip(self):
        """History and successions survive a file."""
        for relation in (SA_IR, CN_RU):
            assert dm.from_json(dm.to_json(relation), dm.BilateralRelation) == relation

    def test_bad_event_in_a_file_is_a_data_error(self):
        """A loader reports an impossible history as a DataError with its path."""
        data = dm.to_dict(SA_IR)
        data["events"] = list(reversed(data["events"]))
        with pytest.raises(dm.DataError) as info:
            dm.from_dict(data, dm.BilateralRelation)
        assert "events" in str(info.value)

    def test_schema_describes_events(self):
        """The JSON Schema lists the event kinds."""
        schema = dm.json_schema(dm.BilateralRelation)
        text = str(schema)
        assert "severance" in text
        assert "successions" in text

    @settings(max_examples=examples(40), deadline=None)
    @given(testing.relations())
    def test_drawn_relations_have_consistent_histories(self, relation):
        """Drawn relations keep events that make sense; `status_on` answers for each event day."""
        for when, _status in relation.status_changes():
            if when.day is not None:
                assert relation.status_on(when) is not None
