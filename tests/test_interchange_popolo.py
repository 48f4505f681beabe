"""Export to Popolo JSON, checked by the specification's own JSON Schemas."""

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

import diplomodel as dm
from diplomodel import testing
from diplomodel.interchange import to_popolo
from tests.profiles import examples
from tests.test_interchange_common import EXAMPLES, bodies_dossier

# The specification's schemas, vendored with their licence (CC-BY-4.0) and source: see SOURCE.md.
SCHEMAS = Path(__file__).resolve().parent / "data" / "popolo-schemas"
KINDS = {
    "persons": "person",
    "organizations": "organization",
    "posts": "post",
    "memberships": "membership",
    "events": "event",
}
DATE = re.compile(r"[0-9]{4}(-[0-9]{2}){0,2}")


def _validators():
    schemas = {
        path.stem: json.loads(path.read_text(encoding="utf-8")) for path in SCHEMAS.glob("*.json")
    }
    registry = Registry().with_resources(
        (schema["id"], Resource.from_contents(schema, default_specification=DRAFT3))
        for schema in schemas.values()
    )
    return {
        kind: Draft3Validator(
            schemas[kind], registry=registry, format_checker=Draft3Validator.FORMAT_CHECKER
        )
        for kind in KINDS.values()
    }


@pytest.fixture(scope="module")
def validators():
    return _validators()


@pytest.fixture(scope="module")
def example():
    return to_popolo(dm.load_example())


def check(popolo, validators):
    """Validate every object by its schema, then what the permissive schemas let pass."""
    assert set(popolo) == set(KINDS)
    json.dumps(popolo)  # plain JSON data
    ids = {}
    for key, kind in KINDS.items():
        for item in popolo[key]:
            errors = [e.message for e in validators[kind].iter_errors(item)]
            assert errors == [], (kind, item)
            assert isinstance(item["id"], str)
            assert item["id"] not in ids, item["id"]
            ids[item["id"]] = kind
            for field in ("start_date", "end_date", "founding_date"):
                if field in item:
                    assert DATE.fullmatch(item[field]), item
    for person in popolo["persons"]:
        assert person["name"]
    for org in popolo["organizations"]:
        assert org["name"]
        assert org["classification"]
        if "parent_id" in org:
            assert ids[org["parent_id"]] == "organization"
    for post in popolo["posts"]:
        assert post["label"]
        assert ids[post["organization_id"]] == "organization"
    for membership in popolo["memberships"]:
        assert ids[membership["organization_id"]] == "organization"
        if "person_id" in membership:
            assert ids[membership["person_id"]] == "person"
        else:
            assert ids[membership["member"]["id"]] == "organization"
        if "post_id" in membership:
            assert ids[membership["post_id"]] == "post"
        assert membership["role"]
    for event in popolo["events"]:
        assert event["name"]
        assert event["classification"]
        for attendee in event.get("attendees", ()):
            assert ids[attendee["id"]] == "person"
        if "parent_id" in event:
            assert ids[event["parent_id"]] == "event"
        if "organization_id" in event:
            assert ids[event["organization_id"]] == "organization"
    return ids


def by_id(popolo, key):
    return {item["id"]: item for item in popolo[key]}


def refs(node):
    """Every `$ref` anywhere in a schema."""
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


class TestVendoredSchemas:
    def test_the_schemas_are_in_the_repository(self):
        """All of the specification's schemas, each naming itself, every reference resolvable."""
        schemas = {
            p.stem: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMAS.glob("*.json")
        }
        assert len(schemas) == 16
        assert set(KINDS.values()) <= set(schemas)
        base = "http://www.popoloproject.com/schemas/"
        ids = {schema["id"] for schema in schemas.values()}
        assert ids == {f"{base}{stem}.json#" for stem in schemas}
        assert {ref for schema in schemas.values() for ref in refs(schema)} <= ids

    def test_licence_and_source_are_beside_them(self):
        """CC-BY-4.0 asks for the licence and the source: both travel with the copies."""
        licence = (SCHEMAS / "LICENSE").read_text(encoding="utf-8")
        assert licence.startswith("Attribution 4.0 International")
        assert "Creative Commons Attribution 4.0 International Public License" in licence
        source = (SCHEMAS / "SOURCE.md").read_text(encoding="utf-8")
        assert "popolo-project/popolo-spec" in source
        assert "f4b5fb78c035e0eddb11c868e1cfe5945ae09caf" in source
        assert "http://creativecommons.org/licenses/by/4.0/" in source


class TestExample:
    def test_schemas_are_in_force(self, validators):
        """The validators reject what the schemas forbid, through their references too."""
        assert not validators["membership"].is_valid({"start_date": "21 August 2024"})
        assert not validators["person"].is_valid({"other_names": [{"name": 1}]})

    def test_every_object_is_valid(self, example, validators):
        """Every object passes its Popolo schema and our reference checks."""
        ids = check(example, validators)
        assert len(ids) > 15

    def test_people(self, example):
        """People keep their names in other languages, with the locale as the note."""
        person = by_id(example, "persons")["person:li-qiang"]
        assert person["name"] == "Li Qiang"
        assert {"name": "李强", "note": "zh"} in person["other_names"]

    def test_states_are_organizations(self, example):
        """A state is an organization with its ISO codes as identifiers."""
        state = by_id(example, "organizations")["state:RU"]
        assert state["classification"] == "state"
        assert {"scheme": "iso-3166-1-alpha-3", "identifier": "RUS"} in state["identifiers"]

    def test_offices_are_posts(self, example):
        """An office is a post of its state's organization."""
        post = by_id(example, "posts")["office:ru-prime-minister"]
        assert post == {
            "id": "office:ru-prime-minister",
            "label": "Prime Minister of Russia",
            "role": "head_of_government",
            "organization_id": "state:RU",
        }

    def test_tenures_are_memberships_with_posts(self, example):
        """Each term in office is a membership holding the post, with its dates."""
        terms = [
            (m["start_date"], m.get("end_date"))
            for m in example["memberships"]
            if m.get("person_id") == "person:vladimir-putin"
        ]
        assert terms[0] == ("1999-08-16", "2000-05-07")
        assert len(terms) == 4

    def test_committees(self, example):
        """Committees are organizations; their parties are organization memberships."""
        assert (
            by_id(example, "organizations")["committee:cn-ru-energy-commission"]["classification"]
            == "commission"
        )
        parties = [
            m["member"]["id"]
            for m in example["memberships"]
            if m["organization_id"] == "committee:cn-ru-energy-commission"
        ]
        assert parties == ["state:CN", "state:RU"]

    def test_meeting_is_an_event_in_its_series(self, example):
        """The meeting is an event whose parent is its series, with its co-chairs attending."""
        meeting = by_id(example, "events")["meeting:cn-ru-heads-of-government-29"]
        assert meeting["start_date"] == "2024-08-21"
        assert meeting["location"] == "Moscow, Russia"
        assert meeting["parent_id"] == "series:cn-ru-heads-of-government"
        assert [a["name"] for a in meeting["attendees"]] == ["Li Qiang", "Mikhail Mishustin"]
        series = by_id(example, "events")["series:cn-ru-heads-of-government"]
        assert series["start_date"] == "1996"


class TestEdgeCases:
    def test_sources_with_urls_are_links(self, validators):
        """Sources with a URL become links; those without one cannot be."""
        sources = (
            dm.Source(publisher="Wire", url="https://example.org/a"),
            dm.Source(publisher="Paper"),
        )
        meeting = dm.Meeting(
            id="m",
            title="Talks",
            kind=dm.MeetingKind.TALKS,
            start=dm.PartialDate(year=2024, month=8),
            parties=(dm.states.get("FR"),),
            sources=sources,
        )
        popolo = to_popolo(dm.Dossier(id="d", title="D", meetings=(meeting,)))
        check(popolo, validators)
        (event,) = popolo["events"]
        assert event["sources"] == [{"url": "https://example.org/a", "note": "Wire"}]
        assert event["start_date"] == "2024-08"

    def test_dangling_references_are_left_out(self, validators):
        """A tenure in an unknown office and an unknown parent committee are dropped."""
        dossier = dm.Dossier(
            id="d",
            title="D",
            people=(dm.Person(id="p", name="P", tenures=(dm.Tenure(office="x"),)),),
            committees=(
                dm.Committee(id="c", name="C", parties=(dm.states.get("CN"),), parent="gone"),
            ),
        )
        popolo = to_popolo(dossier)
        check(popolo, validators)
        assert "parent_id" not in popolo["organizations"][-1]
        assert all("post_id" not in m for m in popolo["memberships"])


class TestGenerated:
    # One property for both checks: generating dossiers is most of the cost, so each
    # generated dossier is checked against the schemas and counted in the same example.
    @settings(max_examples=examples(20))
    @given(testing.dossiers())
    def test_any_dossier_is_valid_popolo_and_loses_nothing(self, validators, dossier):
        """Any dossier passes the Popolo schemas and the reference checks, and every person,
        office, series, meeting and themed year (first of each id) is exported."""
        popolo = to_popolo(dossier)
        check(popolo, validators)
        assert len(popolo["persons"]) == len({p.id for p in dossier.people})
        assert len(popolo["posts"]) == len({o.id for o in dossier.offices})
        events = [dossier.series, dossier.meetings, dossier.thematic_years]
        assert len(popolo["events"]) == sum(len({e.id for e in table}) for table in events)


class TestActorsBeyondStates:
    @pytest.mark.parametrize("name", sorted(EXAMPLES))
    def test_real_examples_are_valid(self, validators, name):
        """Each example of issue 12 passes the Popolo schemas and the reference checks."""
        check(to_popolo(EXAMPLES[name]()), validators)

    def test_organisation_memberships_between_named_actors(self):
        """Iran's two standings in the SCO are memberships with dates; unnamed members are not."""
        popolo = to_popolo(EXAMPLES["sco"]())
        iran = [m for m in popolo["memberships"] if m.get("member", {}).get("id") == "state:IR"]
        assert [(m["role"], m["start_date"], m.get("end_date")) for m in iran] == [
            ("observer", "2005-07", "2023-07-03"),
            ("member", "2023-07-04", None),
        ]
        assert iran[0]["member"]["@type"] == "Organization"
        assert {m["organization_id"] for m in iran} == {"organization:SCO"}
        members = {m["member"]["id"] for m in popolo["memberships"] if "member" in m}
        assert "state:BY" not in members  # an SCO member later, not named in the dossier

    def test_african_union_joins_the_g20(self):
        """An organisation is a member of another: the AU in the G20 from 9 September 2023."""
        popolo = to_popolo(EXAMPLES["g20"]())
        (au,) = [m for m in popolo["memberships"] if m["member"]["id"] == "organization:AU"]
        assert (au["organization_id"], au["start_date"]) == ("organization:G20", "2023-09-09")
        orgs = by_id(popolo, "organizations")
        assert orgs["organization:AU"]["classification"] == "regional"

    def test_meeting_within_and_host(self):
        """A meeting within a summit has the summit as parent event; the host organises."""
        events = by_id(to_popolo(EXAMPLES["brics"]()), "events")
        assert events["meeting:cn-in-2023-08"]["parent_id"] == "meeting:brics-15"
        assert events["meeting:brics-plus-2023"]["parent_id"] == "meeting:brics-15"
        assert events["meeting:brics-15"]["organization_id"] == "state:ZA"

    def test_bodies(self, validators):
        """A described body has its parent; an undescribed one is an organisation named by id."""
        popolo = to_popolo(bodies_dossier())
        check(popolo, validators)
        orgs = by_id(popolo, "organizations")
        assert orgs["body:cn-mfa-ea"]["parent_id"] == "body:cn-mfa"
        assert orgs["body:cn-mfa"]["parent_id"] == "state:CN"
        assert orgs["body:ru-mid"] == {
            "id": "body:ru-mid",
            "name": "ru-mid",
            "classification": "body",
        }
