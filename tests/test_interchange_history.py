"""Relation history and claims in the exports, each checked by its format's own tool."""

import json

import attrs
import pytest

import diplomodel as dm
from tests.history_examples import (
    MEETING,
    RU,
    SUCCESSION,
    WIRE,
    K,
    P,
    cn_ru,
    sa_ir,
    wrong_claims,
)


def _dossier():
    restored = dm.RelationEvent(
        kind=K.RESTORATION,
        date=P("2023-03-10"),
        note="Agreement signed in Beijing",
        sources=(WIRE,),
    )
    relation = sa_ir((K.ESTABLISHMENT, "1929-08-24"), (K.SEVERANCE, "2016-01-03"))
    relation = attrs.evolve(relation, events=(*relation.events, restored))
    party = dm.Claim(
        id="wire-party",
        source=WIRE,
        about=dm.ClaimSubject.MEETING,
        meeting=MEETING,
        what=dm.ClaimKind.PARTY,
        party=RU,
        evidence=True,
    )
    lost = dm.Claim(
        id="lost",
        source=WIRE,
        about=dm.ClaimSubject.DOCUMENT,
        document="no-such-document",
        what=dm.ClaimKind.COUNT,
        number=28,
    )
    succession = attrs.evolve(SUCCESSION, note="Minutes of talks")
    return attrs.evolve(
        dm.load_example(),
        relations=(cn_ru(successions=(succession,)), relation),
        claims=(*wrong_claims()[:2], party, lost),
    )


DOSSIER = _dossier()


@pytest.fixture(scope="module")
def entities():
    """The dossier in FtM, checked as the FtM tests check every export."""
    pytest.importorskip("followthemoney")
    from tests.test_interchange_ftm import check

    found = dm.to_ftm(DOSSIER)
    return found, check(found)


class TestFtM:
    def test_relation_events_are_events(self, entities):
        """A severance and a restoration are FtM Events involving the parties, with their note."""
        found, _ = entities
        events = [
            e["properties"] for e in found if "severance" in e["properties"].get("keywords", [])
        ]
        assert events == [
            {
                "name": ["Severance of ties: Saudi Arabia–Iran"],
                "date": ["2016-01-03"],
                "involved": ["dm-state-SA", "dm-state-IR"],
                "country": ["sa", "ir"],
                "keywords": ["severance"],
            }
        ]
        restored = [
            e["properties"] for e in found if "restoration" in e["properties"].get("keywords", [])
        ]
        assert restored[0]["summary"] == ["Agreement signed in Beijing"]
        assert restored[0]["proof"]

    def test_establishment_event_is_not_repeated(self, entities):
        """The establishment is the relation's UnknownLink; no Event repeats it."""
        found, _ = entities
        assert not [e for e in found if "establishment" in e["properties"].get("keywords", [])]

    def test_succession(self, entities):
        """Russia continuing the Soviet Union's ties with China is an FtM Succession."""
        found, by_id = entities
        (succession,) = [e for e in found if e["schema"] == "Succession"]
        props = succession["properties"]
        assert props["predecessor"] == ["dm-state-SU"]
        assert props["successor"] == ["dm-state-RU"]
        assert props["date"] == ["1991-12-27"]
        assert props["description"] == ["Diplomatic relations with China"]
        assert props["summary"] == ["Minutes of talks"]
        assert by_id["dm-state-SU"]["schema"] == "PublicBody"

    def test_status_of_the_ties(self, entities):
        """The diplomatic-relations link says the ties' latest known status."""
        _, by_id = entities
        assert by_id["dm-relation-sa-ir"]["properties"]["status"] == ["active"]

    def test_claims_are_notes(self, entities):
        """Each claim is a Note on its record, naming what was claimed, with its source."""
        _, by_id = entities
        anniversary = by_id["dm-claim-daily-75th"]["properties"]
        assert anniversary["name"] == ["Anniversary: 75"]
        assert anniversary["entity"] == ["dm-state-CN", "dm-state-RU"]
        assert anniversary["description"] == ["the 75th anniversary of diplomatic ties"]
        assert anniversary["summary"] == ["Example Daily on 2019-10-01 about relation 'cn-ru'"]
        place = by_id["dm-claim-wire-place"]["properties"]
        assert place["entity"] == [f"dm-meeting-{MEETING}"]
        assert place["name"] == ["Place: St Petersburg"]
        party = by_id["dm-claim-wire-party"]["properties"]
        assert party["name"] == ["Party: Russia"]
        assert party["keywords"] == ["claim", "party", "evidence"]

    def test_claim_about_a_missing_record_is_left_out(self, entities):
        """A claim whose record is not exported would dangle: it is left out."""
        _, by_id = entities
        assert "dm-claim-lost" not in by_id


@pytest.fixture(scope="module")
def graph():
    """The dossier in JSON-LD, expanded and made RDF offline by pyld."""
    pytest.importorskip("pyld")
    from tests.test_interchange_jsonld import check

    doc = dm.to_jsonld(DOSSIER)
    return doc["@graph"], check(doc)


class TestJsonLd:
    def test_relation_events(self, graph):
        """Relation events are Events about the parties of the day."""
        nodes, triples = graph
        node = next(n for n in nodes if n["@id"] == "urn:diplomodel:relation-event:sa-ir.1")
        assert node["@type"] == "Event"
        assert node["name"] == "Severance of ties: Saudi Arabia–Iran"
        assert node["startDate"] == {"@value": "2016-01-03", "@type": "xsd:date"}
        assert (
            "urn:diplomodel:relation-event:sa-ir.1",
            "http://schema.org/about",
            ("urn:diplomodel:state:SA"),
        ) in triples

    def test_claims(self, graph):
        """Claims are schema.org Claims about their record, by their source, with their day."""
        nodes, triples = graph
        claim = "urn:diplomodel:claim:wire-place"
        s = "http://schema.org/"
        rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
        assert (claim, rdf_type, s + "Claim") in triples
        assert (claim, s + "about", f"urn:diplomodel:meeting:{MEETING}") in triples
        node = next(n for n in nodes if n["@id"] == claim)
        assert node["name"] == "Place: St Petersburg"
        assert node["author"] == {"@type": "Organization", "name": "Example Wire"}
        assert node["datePublished"] == {"@value": "2024-08-21", "@type": "xsd:date"}
        relation_claim = next(n for n in nodes if n["@id"] == "urn:diplomodel:claim:daily-75th")
        assert [a["@id"] for a in relation_claim["about"]] == [
            "urn:diplomodel:state:CN",
            "urn:diplomodel:state:RU",
        ]
        assert relation_claim["text"] == "the 75th anniversary of diplomatic ties"

    def test_claim_about_missing_record_has_no_about(self, graph):
        """A reference the dossier cannot resolve is left out, as everywhere in the export."""
        nodes, _ = graph
        lost = next(n for n in nodes if n["@id"] == "urn:diplomodel:claim:lost")
        assert "about" not in lost


class TestICalendar:
    def test_anniversary_tells_the_history(self):
        """The anniversary event says who established the ties and what befell them."""
        icalendar = pytest.importorskip("icalendar")
        calendar = icalendar.Calendar.from_ical(dm.to_ical(DOSSIER))
        descriptions = {
            str(e["UID"]).rsplit(":", 1)[-1]: str(e["DESCRIPTION"])
            for e in calendar.walk("VEVENT")
            if ":relation:" in str(e["UID"])
        }
        assert descriptions["cn-ru"] == (
            "Diplomatic relations were established between China–Soviet Union on 1949-10-02."
            " Russia continues them as successor of Soviet Union since 1991-12-27."
        )
        assert descriptions["sa-ir"] == (
            "Diplomatic relations were established on 1929-08-24."
            " Severance of ties on 2016-01-03. Restoration of ties on 2023-03-10."
        )


class TestPopolo:
    def test_relations_and_claims_have_no_popolo_form(self):
        """Popolo has no relations or claims: none of their facts appear in its export."""
        text = json.dumps(dm.to_popolo(DOSSIER), ensure_ascii=False)
        for fact in ("St Petersburg", "Agreement signed in Beijing", "2016-01-03", "1991-12-27"):
            assert fact not in text
