"""Export to FollowTheMoney, checked by the followthemoney package itself."""

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel import testing
from diplomodel.interchange import ftm_id, to_ftm
from tests.profiles import examples
from tests.test_interchange_common import EXAMPLES, bodies_dossier

ftm = pytest.importorskip("followthemoney")
model = ftm.model
registry = ftm.registry

CN, RU = dm.states.get("CN"), dm.states.get("RU")


def _required(schema):
    """Required properties of a schema and of every schema it extends (stricter than FtM)."""
    return {name for parent in schema.schemata for name in parent.required}


def check(entities):
    """Everything FtM checks, and what it does not: names, required values, references."""
    by_id = {}
    for entity in entities:
        assert set(entity) == {"id", "schema", "properties"}
        assert registry.entity.validate(entity["id"]), entity["id"]
        assert entity["id"] not in by_id, entity["id"]
        by_id[entity["id"]] = entity
    for entity in entities:
        schema = model.get(entity["schema"])
        assert schema is not None
        assert not schema.abstract
        schema.validate(entity)  # raises InvalidData
        for name in _required(schema):
            assert entity["properties"].get(name), (entity["id"], name)
        for name, values in entity["properties"].items():
            prop = schema.get(name)
            assert prop is not None, (entity["schema"], name)
            assert not prop.stub
            assert values
            assert len(values) == len(set(values))
            for value in values:
                assert prop.type.validate(value), (entity["id"], name, value)
                if prop.type == registry.entity:
                    target = by_id.get(value)
                    assert target is not None, (entity["id"], name, value)
                    assert model.get(target["schema"]).is_a(prop.range), (name, target)
        cleaned = model.get_proxy(entity, cleaned=False).to_dict()["properties"]
        assert {k: sorted(v) for k, v in cleaned.items()} == {
            k: sorted(v) for k, v in entity["properties"].items()
        }, "FtM's own cleaning changes nothing"
    return by_id


def of_schema(entities, name):
    return [e for e in entities if e["schema"] == name]


@pytest.fixture(scope="module")
def example():
    return to_ftm(dm.load_example())


@pytest.fixture(scope="module")
def by_id(example):
    return check(example)


class TestExample:
    def test_every_entity_is_valid(self, by_id):
        """Every entity of the example passes FtM's checks and ours."""
        assert len(by_id) > 50

    def test_states_are_public_bodies(self, by_id):
        """Each state named is a PublicBody with its country code."""
        assert by_id["dm-state-RU"]["schema"] == "PublicBody"
        assert by_id["dm-state-RU"]["properties"]["country"] == ["ru"]
        assert by_id["dm-state-CN"]["properties"]["name"] == ["China"]

    def test_people_with_localised_names(self, by_id):
        """People are Person entities; their names in other languages are aliases."""
        person = by_id["dm-person-li-qiang"]
        assert person["schema"] == "Person"
        assert person["properties"]["alias"] == ["Ли Цян", "李强"]

    def test_tenures_are_occupancies(self, example):
        """Each term in office is an Occupancy of a Position, with its dates."""
        terms = [
            e["properties"]
            for e in of_schema(example, "Occupancy")
            if e["properties"]["holder"] == ["dm-person-mikhail-mishustin"]
        ]
        assert [(t["startDate"], t.get("endDate")) for t in terms] == [
            (["2020-01-16"], ["2024-05-07"]),
            (["2024-05-10"], None),
        ]
        assert {t["post"][0] for t in terms} == {"dm-office-ru-prime-minister"}

    def test_offices_are_positions_of_their_state(self, by_id):
        """An office is a Position whose organization is its state."""
        office = by_id["dm-office-cn-premier"]["properties"]
        assert office["organization"] == ["dm-state-CN"]
        assert office["name"] == ["Premier of the State Council of China"]

    def test_meeting_is_an_event(self, by_id):
        """The meeting is an Event with its date, place, host and who took part."""
        event = by_id["dm-meeting-cn-ru-heads-of-government-29"]["properties"]
        assert event["startDate"] == ["2024-08-21"]
        assert event["location"] == ["Moscow, Russia"]
        assert event["organizer"] == ["dm-state-RU"]
        assert {"dm-state-CN", "dm-person-li-qiang", "dm-person-mikhail-mishustin"} <= set(
            event["involved"]
        )
        assert "dm-committee-cn-ru-energy-commission" in event["involved"]

    def test_sources_are_proofs(self, by_id):
        """A source is an Article that the meeting cites as proof."""
        event = by_id["dm-meeting-cn-ru-heads-of-government-29"]["properties"]
        (article,) = (by_id[i] for i in event["proof"])
        assert article["schema"] == "Article"
        assert article["properties"]["publisher"] == ["The Gulf Observer"]
        assert article["properties"]["language"] == ["eng"]

    def test_documents_and_their_links(self, example):
        """Documents link to parties, signatories, witnesses, their meeting and what they revise."""
        links = {
            (
                e["properties"]["document"][0],
                e["properties"]["entity"][0],
                e["properties"]["role"][0],
            )
            for e in of_schema(example, "Documentation")
        }
        plan = "dm-document-cn-ru-investment-plan-2024"
        assert (plan, "dm-state-CN", "party") in links
        assert (plan, "dm-person-li-qiang", "signatory") in links
        assert (plan, "dm-document-cn-ru-investment-plan", "revises") in links
        assert (plan, "dm-meeting-cn-ru-heads-of-government-29", "outcome of meeting") in links
        assert ("dm-document-cn-ru-2024-education", "dm-person-li-qiang", "witness") in links

    def test_committee_parties_are_memberships(self, example):
        """Each party to a committee is a Membership of it."""
        members = {
            (e["properties"]["member"][0], e["properties"]["organization"][0])
            for e in of_schema(example, "Membership")
        }
        assert ("dm-state-RU", "dm-committee-cn-ru-energy-commission") in members

    def test_relation_and_levels(self, example):
        """Ties and partnership levels are links between the two states, with dates."""
        links = {
            (
                e["properties"]["role"][0],
                e["properties"]["startDate"][0],
                *e["properties"].get("endDate", []),
            )
            for e in of_schema(example, "UnknownLink")
        }
        assert ("diplomatic relations", "1949-10-02") in links
        assert ("strategic partnership of coordination", "1996-04", "2011-06") in links
        assert (
            "comprehensive strategic partnership of coordination for a new era",
            "2019-06-05",
        ) in links

    def test_thematic_year_is_an_event(self, by_id):
        """The Years of Culture are an Event spanning their years."""
        year = by_id["dm-thematic-year-cn-ru-years-of-culture-2024-2025"]["properties"]
        assert (year["startDate"], year["endDate"]) == (["2024"], ["2025"])

    def test_deterministic(self, example):
        """The same dossier gives the same entities, in the same order."""
        assert to_ftm(dm.load_example()) == example

    def test_loads_as_proxies(self, example):
        """Every entity loads as an FtM proxy with the same id and schema."""
        for entity in example:
            proxy = model.get_proxy(entity)
            assert (proxy.id, proxy.schema.name) == (entity["id"], entity["schema"])


class TestIds:
    def test_plain_ids_stay_readable(self):
        """An id FtM accepts is kept, after a namespace and the kind."""
        assert ftm_id("person", "li-qiang") == "dm-person-li-qiang"

    def test_other_ids_are_hashed(self):
        """An id with characters FtM refuses becomes a digest FtM accepts."""
        made = ftm_id("document", "un:a/b_c")
        assert made.startswith("dm-document.")
        assert registry.entity.validate(made)

    @given(st.lists(st.tuples(st.sampled_from(["person", "state"]), testing.ids()), unique=True))
    def test_distinct_records_get_distinct_ids(self, records):
        """Different (kind, id) pairs never share an FtM id, and every id is valid."""
        made = [ftm_id(kind, id_) for kind, id_ in records]
        assert len(set(made)) == len(made)
        assert all(registry.entity.validate(m) for m in made)


class TestEdgeCases:
    def test_dangling_references_are_left_out(self):
        """A term in an office the dossier lacks gives no Occupancy; a missing signatory no link."""
        dossier = dm.Dossier(
            id="d",
            title="D",
            people=(dm.Person(id="p", name="P", tenures=(dm.Tenure(office="nowhere"),)),),
            documents=(
                dm.Communique(
                    id="c",
                    title="C",
                    parties=(CN,),
                    signatories=(dm.Signature(person="ghost", state=CN),),
                    revises="older",
                ),
            ),
        )
        entities = to_ftm(dossier)
        check(entities)
        assert of_schema(entities, "Occupancy") == []
        roles = {e["properties"]["role"][0] for e in of_schema(entities, "Documentation")}
        assert roles == {"party"}

    def test_historical_states(self):
        """A historical state gets FtM's code when FtM knows it, and no country otherwise."""
        relation = dm.BilateralRelation(
            id="r",
            parties=(dm.states.get("SU"), dm.states.get("DY")),
            established=dm.PartialDate(year=1962),
        )
        by_id = check(to_ftm(dm.Dossier(id="d", title="D", relations=(relation,))))
        assert by_id["dm-state-SU"]["properties"]["country"] == ["suhh"]
        assert "country" not in by_id["dm-state-DY"]["properties"]

    def test_long_text_is_shortened(self):
        """A title longer than FtM allows for a name is cut with an ellipsis, still valid."""
        meeting = dm.Meeting(
            id="m",
            title="x" * 500,
            kind=dm.MeetingKind.TALKS,
            start=dm.PartialDate(year=2024),
            parties=(CN,),
        )
        (event,) = of_schema(to_ftm(dm.Dossier(id="d", title="D", meetings=(meeting,))), "Event")
        name = event["properties"]["name"][0]
        assert name.endswith("…")
        assert len(name) == registry.name.max_length

    def test_dates_ftm_refuses_are_left_out(self):
        """A date FtM cannot hold (before the year 1000) is dropped, the entity kept."""
        meeting = dm.Meeting(
            id="m",
            title="Old",
            kind=dm.MeetingKind.TALKS,
            start=dm.PartialDate(year=800),
            parties=(CN, RU),
        )
        (event,) = of_schema(to_ftm(dm.Dossier(id="d", title="D", meetings=(meeting,))), "Event")
        assert "startDate" not in event["properties"]

    def test_missing_package(self, monkeypatch):
        """Without followthemoney, to_ftm raises ImportError naming the extra."""
        monkeypatch.setitem(sys.modules, "followthemoney", None)
        with pytest.raises(ImportError, match=r"pip install 'diplomodel\[ftm\]'"):
            to_ftm(dm.load_example())


class TestGenerated:
    @settings(max_examples=examples(40))
    @given(testing.dossiers())
    def test_any_dossier_exports_valid_entities(self, dossier):
        """Any dossier gives entities that pass every check, with unique ids."""
        check(to_ftm(dossier))

    @settings(max_examples=examples(20))
    @given(testing.dossiers())
    def test_every_person_and_meeting_is_exported(self, dossier):
        """Each person and meeting (first of duplicates) has its entity."""
        ids = {e["id"] for e in to_ftm(dossier)}
        assert {ftm_id("person", p.id) for p in dossier.people} <= ids
        assert {ftm_id("meeting", m.id) for m in dossier.meetings} <= ids


class TestNamesFtmDrops:
    def test_punctuation_only_title_still_has_a_name(self):
        """A title FtM's name cleaning drops ("''") falls back to the entity's id."""
        document = dm.Communique(id="c1", title="''", parties=(dm.states.get("AD"),))
        dossier = dm.Dossier(id="d", title="t", documents=(document,))
        (entity,) = [e for e in dm.to_ftm(dossier) if e["schema"] == "Document"]
        assert entity["properties"]["name"]


def links_to(entities, target):
    """(subject, role) of each UnknownLink whose object is `target`."""
    return {
        (e["properties"]["subject"][0], e["properties"]["role"][0])
        for e in of_schema(entities, "UnknownLink")
        if e["properties"]["object"] == [target]
    }


class TestActorsBeyondStates:
    @pytest.mark.parametrize("name", sorted(EXAMPLES))
    def test_real_examples_are_valid(self, name):
        """Each example of issue 12 passes FtM's checks and ours, references resolving."""
        check(to_ftm(EXAMPLES[name]()))

    def test_organisations(self):
        """An organisation is an Organization of topic gov.igo, its acronyms among its aliases."""
        by_id = check(to_ftm(EXAMPLES["sco"]()))
        sco = by_id["dm-organization-SCO"]
        assert sco["schema"] == "Organization"
        assert sco["properties"]["topics"] == ["gov.igo"]
        assert {"ШОС", "SCO"} <= set(sco["properties"]["alias"])

    def test_memberships_between_named_actors(self):
        """Iran's observer and member standings in the SCO; no standing of an unnamed state."""
        entities = to_ftm(EXAMPLES["sco"]())
        held = {
            (m["properties"]["member"][0], m["properties"]["role"][0]): m["properties"]
            for m in of_schema(entities, "Membership")
            if m["properties"]["organization"] == ["dm-organization-SCO"]
        }
        iran = held["dm-state-IR", "member"]
        assert iran["startDate"] == ["2023-07-04"]
        assert "endDate" not in iran
        assert held["dm-state-IR", "observer"]["endDate"] == ["2023-07-03"]
        assert not any(member == "dm-state-BY" for member, _ in held)

    def test_african_union_in_the_g20(self):
        """The AU's membership of the G20 starts on 9 September 2023."""
        entities = to_ftm(EXAMPLES["g20"]())
        (au,) = [
            m
            for m in of_schema(entities, "Membership")
            if m["properties"]["member"] == ["dm-organization-AU"]
        ]
        assert au["properties"]["organization"] == ["dm-organization-G20"]
        assert au["properties"]["startDate"] == ["2023-09-09"]

    def test_attendance_roles_and_meetings_within(self):
        """Chair and guests are UnknownLinks to the event; so are meetings held within it."""
        entities = to_ftm(EXAMPLES["brics"]())
        by_id = check(entities)
        summit = ftm_id("meeting", "brics-15")
        assert ("dm-state-ZA", "chair") in links_to(entities, summit)
        assert ("dm-state-ZA", "host") in links_to(entities, summit)
        assert (ftm_id("meeting", "brics-plus-2023"), "within") in links_to(entities, summit)
        assert (ftm_id("meeting", "cn-in-2023-08"), "on the sidelines of") in links_to(
            entities, summit
        )
        plus = ftm_id("meeting", "brics-plus-2023")
        assert ("dm-state-ET", "guest") in links_to(entities, plus)
        assert "dm-state-ET" in by_id[plus]["properties"]["involved"]
        assert {"summit", "leaders", "in_person"} <= set(by_id[summit]["properties"]["keywords"])

    def test_video_link_is_a_keyword(self):
        """The SCO summit's format is among its keywords."""
        by_id = check(to_ftm(EXAMPLES["sco"]()))
        assert "video_link" in by_id[ftm_id("meeting", "sco-2023")]["properties"]["keywords"]

    def test_bodies(self):
        """Bodies are PublicBody entities with country and parent; an undescribed one is kept."""
        entities = to_ftm(bodies_dossier())
        by_id = check(entities)
        department = by_id["dm-body-cn-mfa-ea"]["properties"]
        assert department["parent"] == ["dm-body-cn-mfa"]
        assert department["country"] == ["cn"]
        assert by_id["dm-body-ru-mid"]["schema"] == "PublicBody"
        assert by_id["dm-body-ru-mid"]["properties"]["name"] == ["ru-mid"]
        meeting = by_id[ftm_id("meeting", "m")]["properties"]
        assert set(meeting["involved"]) >= {"dm-body-cn-mfa-ea", "dm-body-ru-mid"}
        assert meeting["organizer"] == ["dm-body-cn-mfa-ea"]
