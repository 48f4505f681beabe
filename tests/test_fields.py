"""The one description of fields, and the generic tools that read it."""

from __future__ import annotations

import itertools
import pathlib
import re
from collections.abc import Iterator

import attrs
import pytest
from attrs import field, frozen
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomodel import _validators as v
from diplomodel import testing
from diplomodel.dates import PartialDate
from diplomodel.dossier import load_example
from diplomodel.interchange._common import referenced_states
from diplomodel.model._fields import TABLES, entity_of_id, fields_of, references, values_of
from diplomodel.model.documents import Communique, Document
from diplomodel.model.ids import MeetingId, PersonId
from diplomodel.model.meetings import Meeting, MeetingSeries
from diplomodel.model.people import Office, Person
from diplomodel.model.places import Place
from diplomodel.states import State, states
from tests.profiles import examples

SRC = pathlib.Path(__file__).resolve().parents[1] / "src" / "diplomodel"


@frozen(kw_only=True)
class Visit:
    """A class the library has never seen: nothing is registered for it anywhere."""

    host: PersonId = field(validator=v.identifier())
    guests: tuple[PersonId, ...] = field(
        default=(), validator=v.tuple_of(v.identifier(), unique=True)
    )
    follows: MeetingId | None = field(default=None, validator=v.optional(v.identifier()))
    place: Place | None = field(default=None, validator=v.optional(v.instance(Place)))
    start: PartialDate = field(validator=v.date())
    end: PartialDate | None = field(
        default=None, validator=[v.optional_date(), v.not_before("start")]
    )


class TestDescription:
    def test_every_id_field_names_an_entity(self):
        """Every field typed with an id NewType (other than an entity's own id) has a target."""
        for cls in testing.classes():
            if cls in (PartialDate, State):
                continue
            for spec in fields_of(cls):
                is_id_type = hasattr(spec.item, "__supertype__")
                identity = spec.name == "id" and issubclass(cls, tuple(TABLES.values()))
                if is_id_type and not identity:
                    assert spec.target is not None, (cls.__name__, spec.name)

    def test_identity_is_not_a_reference(self):
        """An entity's own `id` names nothing, nor does a document kind's (its table's class)."""
        (spec,) = (s for s in fields_of(Person) if s.name == "id")
        assert spec.target is None
        (spec,) = (s for s in fields_of(Communique) if s.name == "id")
        assert spec.target is None
        (spec,) = (s for s in fields_of(Communique) if s.name == "revises")
        assert spec.target is Document

    def test_id_types_map_to_their_entities(self):
        """The mapping comes from the entities' own `id` fields."""
        assert entity_of_id(PersonId) is Person
        assert entity_of_id(MeetingId) is Meeting
        assert entity_of_id(str) is None

    def test_shapes(self):
        """Optional and tuple fields are told apart from their hints."""
        specs = {s.name: s for s in fields_of(Meeting)}
        assert specs["end"].optional
        assert not specs["end"].many
        assert specs["outcomes"].many
        assert not specs["outcomes"].optional
        assert specs["outcomes"].target.__name__ == "Document"
        assert specs["series"].target is MeetingSeries
        assert specs["end"].facts["not_before"] == "start"
        assert specs["ordinal"].facts["needs"] == "series"
        assert specs["participants"].facts["key"] is not None


class TestWalks:
    def test_references_of_the_example_meeting(self):
        """Each id a meeting names, with its path, from nested value objects too."""
        meeting = load_example().meetings[0]
        found = list(references(meeting))
        assert found[0] == (".series", MeetingSeries, meeting.series)
        assert (".participants[0].person", Person, meeting.participants[0].person) in found
        offices = [ref for ref in found if ref[1] is Office]
        assert len(offices) == sum(p.office is not None for p in meeting.participants)
        assert [ref[2] for ref in found if ref[0].startswith(".outcomes")] == list(meeting.outcomes)

    def test_a_new_class_is_walked_without_registration(self):
        """A class never seen before: its id and state fields are found from its hints."""
        visit = Visit(
            host="li-qiang",
            guests=("a", "b"),
            follows="m1",
            place=Place(state=states.get("RU"), locality="Moscow"),
            start=PartialDate(year=2024),
        )
        assert list(references(visit)) == [
            (".host", Person, "li-qiang"),
            (".guests[0]", Person, "a"),
            (".guests[1]", Person, "b"),
            (".follows", Meeting, "m1"),
        ]
        assert list(values_of(visit, State)) == [(".place.state", states.get("RU"))]

    def test_referenced_states_reads_every_state_field(self):
        """The exporters' list of states comes from the same walk."""
        assert [s.code for s in referenced_states(load_example())] == ["CN", "RU", "SU"]

    @settings(max_examples=examples(15))
    @given(testing.dossiers())
    def test_states_walk_matches_attributes(self, dossier):
        """Every state the walk finds is really held at its path."""
        for path, state in values_of(dossier, State):
            target: object = dossier
            for part in re.findall(r"\.(\w+)(?:\[(\d+)\])?", path):
                target = getattr(target, part[0])
                if part[1]:
                    target = target[int(part[1])]  # type: ignore[index]
            assert target is state

    @settings(max_examples=examples(25))
    @given(testing.dossiers())
    def test_references_skip_no_field(self, dossier):
        """The walk that skips fields of text, numbers and enums finds what a walk of all finds."""
        assert list(references(dossier)) == list(_every_reference(dossier, ""))
        for entity in itertools.chain.from_iterable(getattr(dossier, n) for n in TABLES):
            assert list(references(entity)) == list(_every_reference(entity, ""))


def _every_reference(obj: object, path: str) -> Iterator[tuple[str, type, str]]:
    """References found by reading every field of every attrs object, skipping nothing."""
    for spec in fields_of(type(obj)):
        value = getattr(obj, spec.name)
        items = enumerate(value) if spec.many and value is not None else [(None, value)]
        for index, item in items:
            at = f"{path}.{spec.name}" + ("" if index is None else f"[{index}]")
            if spec.target is not None and isinstance(item, str):
                yield at, spec.target, item
            elif attrs.has(type(item)):
                yield from _every_reference(item, at)


class TestDerivedStrategies:
    @given(testing._strategy(Visit, 2))
    def test_a_new_class_gets_a_strategy(self, visit):
        """The strategy of an unseen class builds valid objects, end not before start."""
        assert isinstance(visit, Visit)
        if visit.end is not None:
            assert visit.end.latest() >= visit.start.earliest()

    @given(testing.meetings())
    def test_meetings_keep_their_invariants(self, meeting):
        """An ordinal only with a series; participants unique by person and role."""
        assert meeting.ordinal is None or meeting.series is not None
        keys = [(p.person, p.role) for p in meeting.participants]
        assert len(keys) == len(set(keys))

    @given(testing.relations())
    def test_relations_have_two_parties_and_ordered_levels(self, relation):
        """Exactly two parties; each level surely after the one before."""
        assert len(relation.parties) == 2
        for earlier, later in zip(relation.levels, relation.levels[1:], strict=False):
            assert later.since.earliest() > earlier.since.latest()

    @settings(max_examples=examples(15))
    @given(testing.dossiers(max_size=3))
    def test_dossier_tables_hold_each_id_once(self, dossier):
        """Entities of one table have distinct ids, as loaders require."""
        for name in TABLES:
            table_ids = [e.id for e in getattr(dossier, name)]
            assert len(table_ids) == len(set(table_ids))

    def test_unknown_class_is_refused(self):
        """`from_class` names what it cannot build."""
        with pytest.raises(TypeError, match="no strategy"):
            testing.from_class(Visit)

    def test_classes_are_those_a_dossier_holds(self):
        """Every class reachable from a dossier's fields, and no other."""
        names = {cls.__name__ for cls in testing.classes()}
        assert {"Dossier", "Meeting", "Participation", "Communique", "Place", "State"} <= names
        assert "Visit" not in names

    @given(st.data())
    def test_every_class_round_trips_through_its_strategy(self, data):
        """Each strategy builds an instance of its class."""
        cls = data.draw(st.sampled_from(testing.classes()))
        assert isinstance(data.draw(testing.from_class(cls)), cls)


class TestOnePlace:
    def test_end_before_start_is_stated_once(self):
        """ "Not before its start" has one implementation: the `not_before` validator."""
        sources = [p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")]
        assert sum(text.count("must not be before") for text in sources) == 1


class TestSchema:
    def test_id_fields_are_described(self):
        """The JSON Schema says which entity an id field names."""
        from diplomodel import json_schema

        defs = json_schema(Meeting)["$defs"]
        assert defs["Participation"]["properties"]["person"]["description"] == "Id of a Person."
        assert defs["Meeting"]["properties"]["outcomes"]["description"] == (
            "Ids of Document records."
        )
