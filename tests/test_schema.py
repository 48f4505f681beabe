"""json_schema: valid draft 2020-12 schemas that accept what we write and reject what we refuse."""

import json

import pytest
from hypothesis import given, settings

import diplomodel as dm
from diplomodel import testing
from tests.profiles import examples

jsonschema = pytest.importorskip("jsonschema")

CLASSES = testing.classes()
EXAMPLE = dm.load_example()


def validator(cls, **kwargs):
    schema = dm.json_schema(cls, **kwargs)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


class TestSchemas:
    @pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
    def test_is_a_valid_schema(self, cls):
        """Each class's schema is valid against the draft 2020-12 metaschema."""
        schema = dm.json_schema(cls)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        json.dumps(schema)

    def test_envelope_schema(self):
        """The dossier file schema requires the header and accepts a saved file."""
        check = validator(dm.Dossier, envelope="dossier")
        assert check.is_valid(EXAMPLE.to_file_dict())
        body = dm.to_dict(EXAMPLE)
        assert not check.is_valid(body)
        assert not check.is_valid({**EXAMPLE.to_file_dict(), "kind": "meeting"})

    @pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
    def test_generated_objects_validate(self, cls):
        """Every generated object's JSON form validates against its class's schema."""
        check = validator(cls)

        @settings(max_examples=examples(10 if cls is dm.Dossier else 15))
        @given(testing.from_class(cls))
        def run(obj):
            data = dm.to_dict(obj)
            errors = [e.message for e in check.iter_errors(data)]
            assert errors == []

        run()

    def test_example_entities_validate(self):
        """Every entity of the example validates against its own schema."""
        for cls, table in [
            (dm.Person, EXAMPLE.people),
            (dm.Meeting, EXAMPLE.meetings),
            (dm.Document, EXAMPLE.documents),
            (dm.BilateralRelation, EXAMPLE.relations),
        ]:
            check = validator(cls)
            for entity in table:
                assert check.is_valid(dm.to_dict(entity)), entity.id

    @pytest.mark.parametrize(
        ("change", "path"),
        [
            ({"id": "has space"}, "id"),
            ({"title": " padded"}, "title"),
            ({"kind": "party"}, "kind"),
            ({"start": "21 August 2024"}, "start"),
            ({"parties": ["CN", "XX"]}, "parties"),
            ({"ordinal": 0}, "ordinal"),
            ({"sectors": ["energy", "energy"]}, "sectors"),
            ({"extra": 1}, None),
        ],
    )
    def test_schema_rejects_what_the_loader_rejects(self, change, path):
        """A value the loader refuses is also invalid under the schema."""
        data = dm.to_dict(EXAMPLE.meetings[0]) | change
        with pytest.raises(dm.DataError):
            dm.from_dict(data, dm.Meeting)
        assert not validator(dm.Meeting).is_valid(data), path

    def test_documents_are_tagged(self):
        """A document must carry a known type tag."""
        check = validator(dm.Document)
        data = dm.to_dict(EXAMPLE.documents[0])
        assert check.is_valid(data)
        assert not check.is_valid({**data, "type": "letter"})
        assert not check.is_valid({k: v for k, v in data.items() if k != "type"})

    def test_defaults_are_described(self):
        """Fields with simple defaults carry them, as the converter writes them."""
        series = dm.json_schema(dm.MeetingSeries)["$defs"]["MeetingSeries"]
        assert series["properties"]["cadence"]["default"] == "annual"
        assert "cadence" not in series["required"]

    def test_unknown_type(self):
        """A class the converter does not handle has no schema."""
        with pytest.raises(TypeError, match="no JSON Schema"):
            dm.json_schema(complex)
