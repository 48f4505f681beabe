"""Export to schema.org JSON-LD, expanded and turned into RDF by pyld, offline."""

import json

import pytest
from hypothesis import given, settings

import diplomodel as dm
from diplomodel import testing
from diplomodel.interchange import to_jsonld
from tests.profiles import examples
from tests.test_interchange_common import EXAMPLES, bodies_dossier

jsonld = pytest.importorskip("pyld.jsonld")

S = "http://schema.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
MEETING = "urn:diplomodel:meeting:cn-ru-heads-of-government-29"
PLAIN = {XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}
CN, RU = dm.states.get("CN"), dm.states.get("RU")


def refuse(url, _options=None):
    """A document loader that fails the test: nothing may be fetched."""
    raise AssertionError(f"the JSON-LD processor tried to load {url}")


OPTIONS = {"documentLoader": refuse}


def triples(doc):
    """The RDF triples of a document: IRIs and blank nodes as text, literals as tuples."""
    dataset = jsonld.to_rdf(doc, OPTIONS)
    assert set(dataset) <= {"@default"}, "no named graphs"

    def term(node):
        if node["type"] == "literal":
            datatype = node.get("datatype")
            if datatype in PLAIN:
                datatype = None  # a plain string, or a string with a language tag
            return (node["value"], datatype, node.get("language"))
        return node["value"]

    return {
        (term(t["subject"]), term(t["predicate"]), term(t["object"]))
        for t in dataset.get("@default", [])
    }


def keys(data):
    """Every property name used anywhere in the compact document, keywords aside."""
    if isinstance(data, list):
        return set().union(*(keys(x) for x in data)) if data else set()
    if isinstance(data, dict):
        found = {k for k in data if not k.startswith("@")}
        for k, v in data.items():
            if k != "@context":
                found |= keys(v)
        return found
    return set()


def check(doc):
    """Expand offline, make RDF, and check that every property became a schema.org triple."""
    json.dumps(doc)
    assert isinstance(doc["@context"], dict), "the context is inline"
    expanded = jsonld.expand(doc, OPTIONS)
    assert expanded
    found = triples(doc)
    predicates = {p for _, p, _ in found}
    assert {S + k for k in keys(doc)} <= predicates, "no property was dropped"
    assert predicates <= {RDF_TYPE} | {p for p in predicates if p.startswith(S)}
    for s, _, o in found:
        assert s.startswith(("urn:diplomodel:", "_:")), s
        if isinstance(o, str):
            assert o.startswith(("urn:diplomodel:", "_:", S, "http://", "https://")), o
    return found


@pytest.fixture(scope="module")
def example():
    return check(to_jsonld(dm.load_example()))


class TestExample:
    def test_types(self, example):
        """Meetings, people, states, committees and documents get their schema.org types."""
        typed = {(s, o) for s, p, o in example if p == RDF_TYPE}
        assert (MEETING, S + "Event") in typed
        assert ("urn:diplomodel:person:li-qiang", S + "Person") in typed
        assert ("urn:diplomodel:state:RU", S + "Country") in typed
        assert ("urn:diplomodel:committee:cn-ru-energy-commission", S + "Organization") in typed
        assert ("urn:diplomodel:series:cn-ru-heads-of-government", S + "EventSeries") in typed
        assert ("urn:diplomodel:document:cn-ru-2024-education", S + "Legislation") in typed
        communique = "urn:diplomodel:document:cn-ru-heads-of-government-29-communique"
        assert (communique, S + "CreativeWork") in typed
        assert ("urn:diplomodel:dossier:china-russia-2024", S + "Dataset") in typed

    def test_dates_are_typed_by_precision(self, example):
        """Dates are xsd:date, xsd:gYearMonth or xsd:gYear literals, as precise as known."""
        assert (MEETING, S + "startDate", ("2024-08-21", XSD + "date", None)) in example
        series = "urn:diplomodel:series:cn-ru-heads-of-government"
        assert (series, S + "startDate", ("1996", XSD + "gYear", None)) in example

    def test_names_carry_their_language(self, example):
        """A person's names are language-tagged literals."""
        person = "urn:diplomodel:person:li-qiang"
        assert (person, S + "name", ("Li Qiang", None, "en")) in example
        assert (person, S + "name", ("李强", None, "zh")) in example

    def test_roles_at_a_meeting(self, example):
        """Co-chairs attend through a Role node that names the role."""
        roles = {o for s, p, o in example if s == MEETING and p == S + "attendee"}
        chairs = {
            s for s, p, o in example if s in roles and p == S + "roleName" and o[0] == "co_chair"
        }
        attendees = {o for s, p, o in example if s in chairs and p == S + "attendee"}
        assert attendees == {
            "urn:diplomodel:person:li-qiang",
            "urn:diplomodel:person:mikhail-mishustin",
        }
        assert "urn:diplomodel:state:CN" in roles

    def test_terms_in_office(self, example):
        """A term in office is an OrganizationRole of the state, with its dates."""
        person = "urn:diplomodel:person:mikhail-mishustin"
        roles = {o for s, p, o in example if s == person and p == S + "memberOf"}
        starts = {o[0] for s, p, o in example if s in roles and p == S + "startDate"}
        assert starts == {"2020-01-16", "2024-05-10"}
        assert {o for s, p, o in example if s in roles and p == S + "memberOf"} == {
            "urn:diplomodel:state:RU"
        }

    def test_documents(self, example):
        """An agreement records its meeting, what it revises and its form."""
        plan = "urn:diplomodel:document:cn-ru-investment-plan-2024"
        assert (plan, S + "recordedAt", MEETING) in example
        older = "urn:diplomodel:document:cn-ru-investment-plan"
        assert (plan, S + "legislationChanges", older) in example
        assert (plan, S + "legislationType", ("plan", None, None)) in example
        assert (older, S + "legislationLegalForce", S + "NotInForce") in example
        assert (MEETING, S + "recordedIn", plan) in example

    def test_sources(self, example):
        """A source with a dateline is a NewsArticle the meeting is the subject of."""
        (source,) = {o for s, p, o in example if s == MEETING and p == S + "subjectOf"}
        assert (source, RDF_TYPE, S + "NewsArticle") in example
        assert (source, S + "dateline", ("Moscow", None, None)) in example
        assert (source, S + "inLanguage", ("en", None, None)) in example

    def test_place(self, example):
        """A meeting's place names its locality and the country it is in."""
        (place,) = {o for s, p, o in example if s == MEETING and p == S + "location"}
        assert (place, S + "containedInPlace", "urn:diplomodel:state:RU") in example


class TestOneEntity:
    @pytest.mark.parametrize(
        ("pick", "kind"),
        [
            (lambda d: d.meeting("cn-ru-heads-of-government-29"), "Event"),
            (lambda d: d.person("li-qiang"), "Person"),
            (lambda d: d.committee("cn-ru-energy-commission"), "Organization"),
            (lambda d: d.document("cn-ru-heads-of-government-29-communique"), "CreativeWork"),
            (lambda d: d.meeting_series("cn-ru-heads-of-government"), "EventSeries"),
            (lambda d: d.thematic_years[0], "Event"),
            (lambda _: dm.states.get("SU"), "Country"),
        ],
    )
    def test_each_kind(self, pick, kind):
        """Each supported kind of entity exports on its own as a valid node."""
        doc = to_jsonld(pick(dm.load_example()))
        assert doc["@type"] == kind
        check(doc)

    def test_person_needs_its_dossier_for_offices(self):
        """A person's terms in office appear only when the dossier resolves the offices."""
        d = dm.load_example()
        assert "memberOf" not in to_jsonld(d.person("li-qiang"))
        assert to_jsonld(d.person("li-qiang"), dossier=d)["memberOf"][0]["roleName"] == (
            "Premier of the State Council of China"
        )

    def test_unsupported(self):
        """An object of another type is refused."""
        with pytest.raises(TypeError, match="to_jsonld"):
            to_jsonld(dm.load_example().offices[0])

    def test_month_precision(self):
        """A month-precision date is an xsd:gYearMonth literal."""
        meeting = dm.Meeting(
            id="m",
            title="Talks",
            kind=dm.MeetingKind.TALKS,
            start=dm.PartialDate(year=2024, month=8),
            parties=(CN, RU),
        )
        found = check(to_jsonld(meeting))
        date = ("2024-08", XSD + "gYearMonth", None)
        assert ("urn:diplomodel:meeting:m", S + "startDate", date) in found


class TestGenerated:
    @settings(max_examples=examples(15))
    @given(testing.dossiers())
    def test_any_dossier(self, dossier):
        """Any dossier expands offline and keeps every property as a schema.org triple."""
        found = check(to_jsonld(dossier))
        subjects = {s for s, _, _ in found}
        assert {f"urn:diplomodel:person:{p.id}" for p in dossier.people} <= subjects
        assert {f"urn:diplomodel:meeting:{m.id}" for m in dossier.meetings} <= subjects
        typed_targets(found)

    @settings(max_examples=examples(25))
    @given(testing.meetings())
    def test_any_meeting(self, meeting):
        """Any meeting on its own gives its title and start date as triples."""
        found = check(to_jsonld(meeting))
        subject = f"urn:diplomodel:meeting:{meeting.id}"
        assert any(s == subject and p == S + "name" and o[0] == meeting.title for s, p, o in found)
        dates = {o[0] for s, p, o in found if s == subject and p == S + "startDate"}
        assert dates == {meeting.start.isoformat()}


def typed_targets(found):
    """Every node a dossier's graph refers to has a type there: references resolve."""
    typed = {s for s, p, _ in found if p == RDF_TYPE}
    for _, p, o in found:
        if isinstance(o, str) and o.startswith("urn:diplomodel:") and p != RDF_TYPE:
            assert o in typed, (p, o)


class TestActorsBeyondStates:
    @pytest.mark.parametrize("name", sorted(EXAMPLES))
    def test_real_examples(self, name):
        """Each example expands offline to schema.org triples whose references all resolve."""
        typed_targets(check(to_jsonld(EXAMPLES[name]())))

    def test_video_link_and_chair(self):
        """The SCO summit is online, India in the chair, every member an attendee."""
        found = check(to_jsonld(EXAMPLES["sco"]()))
        meeting = "urn:diplomodel:meeting:sco-2023"
        assert (meeting, S + "eventAttendanceMode", S + "OnlineEventAttendanceMode") in found
        assert (meeting, S + "attendee", "urn:diplomodel:state:IR") in found
        chairs = {
            o for s, p, o in found if p == S + "attendee" and s.startswith("_:") and "state" in o
        }
        assert chairs == {"urn:diplomodel:state:IN"}
        assert ("chair", None, None) in {o for _, p, o in found if p == S + "roleName"}

    def test_memberships_are_member_of_roles(self):
        """Iran's standings in the SCO are OrganizationRoles with their dates."""
        found = check(to_jsonld(EXAMPLES["sco"]()))
        iran = {o for s, p, o in found if s == "urn:diplomodel:state:IR" and p == S + "memberOf"}
        assert len(iran) == 2
        held = {
            (
                next(o[0] for s, p, o in found if s == r and p == S + "roleName"),
                next(o[0] for s, p, o in found if s == r and p == S + "startDate"),
            )
            for r in iran
        }
        assert held == {("observer", "2005-07"), ("member", "2023-07-04")}
        members = {s for s, p, _ in found if p == S + "memberOf"}
        assert "urn:diplomodel:state:BY" not in members

    def test_in_person_within_and_sidelines(self):
        """Meetings held within the BRICS summit have it as superEvent; the aside says so."""
        found = check(to_jsonld(EXAMPLES["brics"]()))
        summit = "urn:diplomodel:meeting:brics-15"
        assert (summit, S + "eventAttendanceMode", S + "OfflineEventAttendanceMode") in found
        for inner in ("brics-plus-2023", "cn-in-2023-08"):
            assert (f"urn:diplomodel:meeting:{inner}", S + "superEvent", summit) in found
        aside = "urn:diplomodel:meeting:cn-in-2023-08"
        assert (aside, S + "keywords", ("on_sidelines", None, None)) in found
        guests = {
            o for s, p, o in found if p == S + "attendee" and s.startswith("_:") and "state" in o
        }
        assert {"urn:diplomodel:state:ET", "urn:diplomodel:state:IR"} <= guests

    def test_hybrid(self):
        """A hybrid meeting is of mixed attendance mode."""
        meeting = dm.Meeting(
            id="m",
            title="M",
            kind=dm.MeetingKind.SUMMIT,
            format=dm.MeetingFormat.HYBRID,
            start=dm.PartialDate(year=2024),
            parties=(CN, RU),
        )
        assert to_jsonld(meeting)["eventAttendanceMode"] == "MixedEventAttendanceMode"

    def test_bodies(self):
        """A body's parent is its parent body or its state; an undescribed body has a node."""
        doc = to_jsonld(bodies_dossier())
        found = check(doc)
        typed_targets(found)
        assert ("urn:diplomodel:body:ru-mid", RDF_TYPE, S + "GovernmentOrganization") in found
        assert (
            "urn:diplomodel:body:cn-mfa",
            S + "parentOrganization",
            "urn:diplomodel:state:CN",
        ) in found

    def test_african_union_member_of_the_g20(self):
        """An organisation's standing in another is a memberOf role of the organisation."""
        found = check(to_jsonld(EXAMPLES["g20"]()))
        au = {
            o for s, p, o in found if s == "urn:diplomodel:organization:AU" and p == S + "memberOf"
        }
        (role,) = au
        assert (role, S + "memberOf", "urn:diplomodel:organization:G20") in found
        assert (role, S + "startDate", ("2023-09-09", XSD + "date", None)) in found
