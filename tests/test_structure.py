"""The generated structure functions and the proved parse agree with the reference path.

`make_converter` reads attrs classes with functions generated per class
(`diplomodel._structure`) and `parse_json` takes orjson's parse when it can
prove it equal to the strict parser's. The differential tests hold both to
the reference (cattrs' own functions with attrs validation; `strict_loads`)
on generated and mutated inputs: ``DIFFERENTIAL_N`` of them (default 3 000;
``python benchmarks/differential.py`` runs 100 000).
"""

import importlib.util
import itertools
import json
import os
import re
import sys
from collections import UserString  # equal to its text, and hashed alike
from pathlib import Path

import attrs
import pytest

import diplomodel as dm
from diplomodel import _jsontext, _structure
from diplomodel import _validators as v
from diplomodel._hooks import DOCUMENT_TAGS
from diplomodel._tables import EXAMPLES
from diplomodel.model import _fields
from diplomodel.model.meetings import Meeting
from diplomodel.model.people import Person
from diplomodel.organizations import Membership, Organization, organizations
from diplomodel.serialization import make_converter, parse_json, reference_converter
from diplomodel.states import State

_KINDS = tuple(DOCUMENT_TAGS)
HARNESS = Path(__file__).resolve().parents[1] / "benchmarks" / "differential.py"
COUNT = int(os.environ.get("DIFFERENTIAL_N", "3000"))


@pytest.fixture(scope="module")
def differential():
    spec = importlib.util.spec_from_file_location("diplomodel_differential", HARNESS)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


class TestDifferential:
    def test_same_decisions_and_objects(self, differential):
        """Generated functions accept and reject what cattrs + attrs do, and build equal objects."""
        tally = differential.compare(COUNT, seed=5)
        assert tally["ok"] > COUNT // 10
        assert tally["rejected"] > COUNT // 10

    def test_same_parse(self, differential):
        """parse_json gives what the strict standard-library parse gives, or the same refusal."""
        tally = differential.compare_parse(COUNT, seed=5)
        assert tally["proved"] > COUNT // 10
        assert tally["unproved"] > COUNT // 10

    def test_a_disagreement_is_found(self, differential, monkeypatch):
        """The comparison fails when the generated path builds other objects or accepts more."""
        real = differential.make_converter

        def lax(*, strict):
            converter = real(strict=strict)
            converter.register_structure_hook(
                dm.PartialDate, lambda _value, _type: dm.PartialDate(year=1)
            )
            return converter

        monkeypatch.setattr(differential, "make_converter", lax)
        with pytest.raises(AssertionError, match=r"^[A-Za-z]+: generated ok"):
            differential.compare(400, seed=5)


class TestGenerated:
    @pytest.mark.parametrize(
        "first",
        list(itertools.permutations([tuple[Membership, ...], Membership, Organization, State])),
        ids=lambda order: "-".join(getattr(t, "__name__", "tuple") for t in order),
    )
    def test_a_class_that_holds_itself_in_any_order(self, first):
        """Hooks asked for in any order are made without endless recursion, and read alike.

        An organisation holds memberships whose member may be an organisation:
        asking for the tuple of memberships first once recursed without end.
        """
        converter = make_converter(strict=True)
        for hint in first:
            converter.get_structure_hook(hint)
        data = dm.to_dict(organizations.get("AU"))
        assert converter.structure(data, Organization) == organizations.get("AU")

    def test_every_model_class_is_generated(self):
        """Each class of the model is read by a generated function, not cattrs' own."""
        converter = make_converter()
        for kind in (Meeting, Person, dm.Signature, dm.Dossier, dm.Claim, dm.BilateralRelation):
            hook = converter.get_structure_hook(kind)
            assert hook.__code__.co_filename.startswith("<diplomodel generated"), kind

    def test_type_checks_are_not_repeated(self):
        """A validator that only checks the type the hook already produced is not called."""
        source = make_converter().get_structure_hook(Meeting).__doc__
        place = attrs.fields(Meeting).place.validator
        kind = attrs.fields(Meeting).kind.validator
        assert v.checked_types(kind) == (dm.MeetingKind,)
        assert v.checked_types(place) == (dm.Place, type(None))

        def checked(index):
            return re.search(rf"\(self, _a\d+, f{index}\)", source) is not None

        assert not checked(2)  # kind: proved by reading an enum member
        assert not checked(5)  # place: proved by reading a Place
        assert checked(4)  # end: not before start, which reading cannot prove

    def test_cross_field_validators_still_run(self):
        """not_before, needs and other_than run on the generated path."""
        base = dm.to_dict(dm.load_example().meetings[0])
        for change in ({"end": "1990"}, {"series": None}, {"within": base["id"]}):
            data = {k: val for k, val in {**base, **change}.items() if val is not None}
            with pytest.raises(Exception):  # noqa: B017, PT011 - any refusal: from_dict explains
                make_converter().structure(data, Meeting)
            with pytest.raises(dm.DataError):
                dm.from_dict(data, Meeting)

    @pytest.mark.parametrize("check", [v.not_before("start"), v.needs("a"), v.other_than("id")])
    def test_a_check_that_relates_fields_lets_none_by(self, check):
        """None passes not_before, needs and other_than whatever the object: not called for it."""
        types_, test = v.passes_at_once(check)
        assert types_ == (type(None),)
        assert test is None
        check(object(), attrs.fields(Meeting).end, None)  # passes, on an object without fields
        source = make_converter().get_structure_hook(Meeting).__doc__
        end = next(i for i, a in enumerate(attrs.fields(Meeting)) if a.name == "end")
        assert re.search(
            rf"if f{end}.__class__ not in _c\d+:\n +_c\d+\(self, _a\d+, f{end}\)", source
        )

    @pytest.mark.parametrize(
        ("field", "value", "message"),
        [
            ("parties", ["body:CN"], "reads as the code of a state"),
            ("host", "body:CN", "reads as the code of a state"),
            ("outcomes", ["doc-1", "-doc"], "must be an id"),
            ("series", "-s", "must be an id"),
        ],
    )
    def test_a_shortcut_lets_only_sure_values_by(self, field, value, message):
        """Validators skipped for values known to pass still run for the others."""
        data = {**dm.to_dict(dm.load_example().meetings[0]), field: value}
        with pytest.raises(dm.DataError, match=message):
            dm.from_dict(data, Meeting)

    def test_own_checks_run_as_read_and_not_on_defaults(self):
        """A check of one value runs where it is read; a default that passes it is not checked."""
        source = make_converter().get_structure_hook(Meeting).__doc__
        summary = next(i for i, a in enumerate(attrs.fields(Meeting)) if a.name == "summary")
        read, default = source.split(f"f{summary} = value['summary']")[1].split("else:", 1)
        assert re.search(rf"\(self, _a\d+, f{summary}\)", read)
        assert not re.search(rf"\(self, _a\d+, f{summary}\)", default.split("self.summary =", 1)[0])
        base = dm.to_dict(dm.load_example().meetings[0])
        with pytest.raises(dm.DataError, match="must not start or end with whitespace"):
            dm.from_dict({**base, "summary": " padded"}, Meeting)

    def test_empty_values_skip_checks_that_pass_them(self):
        """A `coherent` check marked to pass empty values runs only for a non-empty one."""
        source = make_converter().get_structure_hook(dm.BilateralRelation).__doc__
        fields = attrs.fields(dm.BilateralRelation)
        events = next(i for i, a in enumerate(fields) if a.name == "events")
        assert re.search(rf"if f{events}:\n +_c\d+\(self, _a\d+, f{events}\)", source)
        base = dm.to_dict(dm.load_example().documents[0])
        wrong = [{"kind": "entry_into_force", "date": "1900-01-01"}]
        with pytest.raises(dm.DataError, match="before the parties signed it"):
            dm.from_dict({**base, "events": wrong}, dm.Document)

    def test_unknown_keys_are_counted_out(self):
        """Any key the class does not know is refused, whichever keys are present."""
        base = dm.to_dict(dm.load_example().meetings[0])
        with pytest.raises(Exception):  # noqa: B017, PT011 - from_dict explains
            make_converter().structure({**base, "hosts": "RU"}, Meeting)
        trimmed = {k: val for k, val in base.items() if k != "summary"}
        with pytest.raises(dm.DataError, match="unknown key 'summmary'"):
            dm.from_dict({**trimmed, "summmary": "x"}, Meeting)

    def test_attrs_converters_defaults_and_pre_init(self):
        """Converters, factories (with self) and __attrs_pre_init__ run as in __init__."""
        person = make_converter().structure(
            {"id": "p", "name": "P", "names": {"zh-Hans": "人"}}, Person
        )
        assert dict(person.names) == {"zh_Hans": "人"}
        call = make_converter().structure(
            {"id": "m", "title": "T", "kind": "phone_call", "start": "2024", "parties": ["RU"]},
            Meeting,
        )
        assert call.format is dm.MeetingFormat.PHONE
        with pytest.raises(TypeError, match="abstract"):
            _structure._make(dm.Document, make_converter(), forbid_extra_keys=True, tag=None)(
                {"id": "d", "title": "T", "parties": ["RU"]}, dm.Document
            )

    def test_a_mapping_of_another_class_is_read_as_before(self):
        """Input that is not a plain dict goes through cattrs' own function."""

        class Other(dict):
            pass

        data = Other(dm.to_dict(dm.load_example().meetings[0]))
        assert make_converter().structure(data, Meeting) == reference_converter().structure(
            data, Meeting
        )

    def test_lenient_converter_ignores_unknown_keys(self):
        """With strict=False an unknown key is ignored, as cattrs does."""
        data = {"state": "RU", "town": "Atlantis"}
        assert make_converter(strict=False).structure(data, dm.Place) == dm.Place(
            state=dm.states.get("RU")
        )
        with pytest.raises(Exception):  # noqa: B017, PT011
            make_converter().structure(data, dm.Place)

    def test_an_id_named_twice_is_kept_once(self):
        """Ids read from a file are shared by every record that names them (less memory)."""
        dossier = dm.from_json(dm.to_json_bytes(dm.load_example()), dm.Dossier)
        named = dossier.meetings[0].participants[0].person
        person = next(p for p in dossier.people if p.id == named)
        assert person.id is named

    def test_built_objects_are_of_the_class_itself(self):
        """Fields are stored through a private builder subclass; what comes out is the class."""
        dossier = dm.from_json(dm.to_json_bytes(dm.load_example()), dm.Dossier)
        built = [dossier, *dossier.meetings, *dossier.documents, *dossier.meetings[0].participants]
        assert {type(x) for x in built} <= {dm.Dossier, Meeting, *_KINDS, dm.Participation}
        assert all(type(x).__setattr__ is not object.__setattr__ for x in built)  # frozen
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            dossier.meetings[0].title = "changed"  # type: ignore[misc]

    def test_builders_are_no_kinds_of_their_class(self):
        """A builder adds no attrs field, so the walk of references does not take it for one."""
        make_converter().structure({"state": "RU"}, dm.Place)
        builder = _structure._builder(dm.Place)
        assert builder in dm.Place.__subclasses__()
        assert "__attrs_attrs__" not in vars(builder)
        assert _fields.reference_plan(dm.Place) == ()
        assert not _fields._may_refer(dm.Place, frozenset())

    def test_a_class_that_watches_its_subclasses_gets_no_builder(self):
        """A class with its own __init_subclass__ is read by cattrs' function, not subclassed."""
        seen = []

        @attrs.frozen(kw_only=True)
        class Watched:
            name: str = attrs.field(validator=v.text())

            def __init_subclass__(cls, **kwargs):
                super().__init_subclass__(**kwargs)
                seen.append(cls)

        assert make_converter().structure({"name": "x"}, Watched) == Watched(name="x")
        assert seen == []
        assert Watched not in _structure._builders
        with pytest.raises(Exception):  # noqa: B017, PT011 - the reference path refuses too
            make_converter().structure({"name": " x"}, Watched)

    def test_a_reference_is_taken_from_the_memo(self):
        """An id that names a record is checked once, then shared; a record's own id is not kept."""
        raw = {"person": "li-qiang-memo", "state": "CN"}
        first = make_converter().structure(dict(raw), dm.Signature)
        again = make_converter().structure(json.loads(json.dumps(raw)), dm.Signature)
        assert first.person is again.person
        memos = [m for m in _structure._memos.values() if "li-qiang-memo" in m]
        assert len(memos) == 1
        make_converter().structure({"id": "own-id-memo", "name": "X"}, Person)
        assert not any("own-id-memo" in m for m in _structure._memos.values())

    def test_a_value_that_only_equals_text_is_not_taken_from_a_table(self):
        """Tables of text (memo, states, enum members) answer only for a str: the rest is read."""

        class Text(str):
            __slots__ = ()

        converter, reference = make_converter(), reference_converter()
        converter.structure({"person": "li-qiang", "state": "CN"}, dm.Signature)  # in the memo
        for value in (
            {"person": UserString("li-qiang"), "state": "CN"},
            {"person": "li-qiang", "state": UserString("CN")},
            {"person": ["li-qiang"], "state": "CN"},
        ):
            with pytest.raises(Exception):  # noqa: B017, PT011 - as the reference refuses
                reference.structure(value, dm.Signature)
            with pytest.raises(Exception):  # noqa: B017, PT011
                converter.structure(value, dm.Signature)
        subclassed = {"person": Text("li-qiang"), "state": Text("CN")}
        built = converter.structure(subclassed, dm.Signature)
        assert built == reference.structure(subclassed, dm.Signature)
        assert type(built.person) is Text  # read, not replaced by the memo's str
        meeting = {**dm.to_dict(dm.load_example().meetings[0]), "kind": UserString("summit")}
        assert reference.structure(meeting, Meeting) == converter.structure(meeting, Meeting)

    def test_a_refused_id_never_enters_the_memo(self):
        """Only ids that passed every check of their field are remembered."""
        for _ in range(2):
            with pytest.raises(dm.DataError, match="person"):
                dm.from_dict({"person": "-bad-memo", "state": "CN"}, dm.Signature)
        assert not any("-bad-memo" in m for m in _structure._memos.values())

    def test_the_memo_is_bounded(self, monkeypatch):
        """A full memo starts again rather than growing without bound."""
        monkeypatch.setattr(_structure, "_MEMO_SIZE", 3)
        converter = make_converter()
        for n in range(10):
            converter.structure({"person": f"bounded-{n}", "state": "CN"}, dm.Signature)
        assert all(len(m) <= 3 for m in _structure._memos.values() if "bounded-9" in m)

    def test_value_objects_are_unique_by_the_fields_they_compare(self):
        """Repeated signatures are refused; signatures that differ in any field are not."""
        base = dm.to_dict(next(d for d in dm.load_example().documents if d.signatories))
        one = {"person": "li-qiang", "state": "CN"}
        with pytest.raises(dm.DataError, match="signatories"):
            dm.from_dict({**base, "signatories": [one, dict(one)]}, dm.Document)
        for other in (
            {**one, "state": "RU"},
            {**one, "person": "other"},
            {**one, "office": "cn-premier"},
            {**one, "state": "body:cn-state-council"},
        ):
            structured = make_converter().structure(
                {**base, "signatories": [one, other]}, dm.Document
            )
            assert len(structured.signatories) == 2

    @pytest.mark.parametrize(
        ("field", "items"),
        [
            ("parties", ["CN", "RU", "KZ"]),
            ("sectors", ["energy", "tourism", "education"]),
            ("outcomes", ["doc-a", "doc-b", "doc-c"]),
        ],
    )
    def test_two_items_and_more_are_unique_alike(self, field, items):
        """Two items are compared with each other, more through a set: both refuse a repeat."""
        base = dm.to_dict(dm.load_example().meetings[0])
        fast, reference = make_converter(), reference_converter()
        for chosen in (items[:2], items, [items[0], items[0]], [*items, items[1]], items[1:2]):
            data = {**base, field: chosen}
            if field == "parties":
                data["participants"], data["host"] = [], None
            try:
                expected = reference.structure(data, Meeting)
            except Exception:  # noqa: BLE001 - any refusal: the fast path must refuse too
                with pytest.raises(Exception):  # noqa: B017, PT011
                    fast.structure(data, Meeting)
                assert len(set(chosen)) < len(chosen)
            else:
                assert fast.structure(data, Meeting) == expected
                assert len(set(chosen)) == len(chosen)

    def test_items_with_a_key_are_unique_by_it_alike(self):
        """Participants are the same by person and role, for two of them and for more."""
        base = dm.to_dict(dm.load_example().meetings[0])
        fast, reference = make_converter(), reference_converter()
        li = {"person": "li-qiang", "delegation": "CN", "role": "co_chair"}
        guest = {"person": "guest", "delegation": "CN", "role": "member"}
        for participants, repeated in (
            ([li, {**li, "role": "member"}], False),
            ([li, {**li, "delegation": "RU"}], True),
            ([li, guest, {**li, "delegation": "RU"}], True),
            ([li, guest, {**li, "role": "witness"}], False),
        ):
            data = {**base, "participants": participants}
            if repeated:
                with pytest.raises(Exception):  # noqa: B017, PT011 - as the reference refuses
                    reference.structure(data, Meeting)
                with pytest.raises(Exception):  # noqa: B017, PT011
                    fast.structure(data, Meeting)
            else:
                assert fast.structure(data, Meeting) == reference.structure(data, Meeting)

    @pytest.mark.parametrize(
        ("field", "good", "bad"),
        [
            ("sectors", ["energy", "tourism", "education", "health", "space", "sport"], 7),
            ("outcomes", [f"doc-{n}" for n in range(6)], "-doc"),
            ("other_topics", [f"topic {n}" for n in range(6)], ["x"]),
        ],
    )
    def test_lists_of_every_length_are_read_alike(self, field, good, bad):
        """Short lists are read item by item, longer ones in a loop: the same result either way."""
        base = dm.to_dict(dm.load_example().meetings[0])
        fast, reference = make_converter(), reference_converter()
        for length in range(len(good) + 1):
            items = good[:length]
            assert fast.structure({**base, field: items}, Meeting) == reference.structure(
                {**base, field: items}, Meeting
            )
            for position in range(length):  # a wrong item anywhere is refused
                wrong = {**base, field: [*items[:position], bad, *items[position + 1 :]]}
                with pytest.raises(Exception):  # noqa: B017, PT011 - any refusal: from_dict explains
                    fast.structure(wrong, Meeting)
                with pytest.raises(dm.DataError, match=rf"\$\.{field}\[{position}\]"):
                    dm.from_dict(wrong, Meeting)

    def test_repeated_ids_in_a_table_are_refused(self):
        """Entities in one collection must have distinct ids on the generated path too."""
        meeting = dm.to_dict(dm.load_example().meetings[0])
        data = {"id": "d", "title": "T", "meetings": [meeting, meeting]}
        with pytest.raises(dm.DataError, match="duplicate id"):
            dm.from_dict(data, dm.Dossier)


class TestProvedParse:
    @pytest.mark.parametrize(
        "raw",
        [
            b'{"a":1,"a":2}',
            b"99999999999999999999",
            b"[-9223372036854775809]",
            b'"\\ud800"',
            b"\xef\xbb\xbf{}",
            b'{"a": 1}',
            b"1e400",
        ],
    )
    def test_unproved_text_goes_to_the_strict_parser(self, raw):
        """Text orjson would read otherwise than the strict parser is not taken from orjson."""
        assert _jsontext.proved_loads(raw) is _jsontext.UNPROVED
        try:
            want = _jsontext.strict_loads(raw.decode("utf-8-sig"))
        except ValueError:
            with pytest.raises(dm.DataError):
                parse_json(raw)
        else:
            assert parse_json(raw) == want

    @pytest.mark.parametrize(
        "text", ['{"a":1,"a":2}', "99999999999999999999", '"\ud800"', '["\ud800"]', "\ufeff{}"]
    )
    def test_text_as_str_is_read_as_the_strict_parser_reads_it(self, text):
        """A str (lone surrogates and a byte-order mark included) is refused or read as before."""
        try:
            want = _jsontext.strict_loads(text)
        except ValueError:
            with pytest.raises(dm.DataError):
                parse_json(text)
        else:
            assert parse_json(text) == want

    def test_str_takes_the_fast_parse(self, monkeypatch):
        """Text given as str is proved as its UTF-8 bytes are, not read by the standard library."""
        example = dm.load_example()
        texts, want = (dm.to_json(example, indent=None), dm.to_json(example)), dm.to_dict(example)
        monkeypatch.setattr(_jsontext, "strict_loads", None)  # would fail if it were called
        assert [parse_json(text) for text in texts] == [want, want]

    def test_text_with_spaced_separators_skips_orjson(self, monkeypatch):
        """Text that orjson did not write (``json.dumps``' separators) is not parsed twice."""
        if _jsontext._orjson is None:
            pytest.skip("orjson is not installed")
        calls = []
        real = _jsontext._orjson

        class Spy:
            JSONDecodeError = real.JSONDecodeError

            def __getattr__(self, name):
                return getattr(real, name)

            def loads(self, raw):
                calls.append(raw)
                return real.loads(raw)

        monkeypatch.setattr(_jsontext, "_orjson", Spy())
        assert parse_json('{"a": [1, "x"], "b": {"c": null}}') == {"a": [1, "x"], "b": {"c": None}}
        assert calls == []
        assert parse_json('{"a":[1,"x"],"b":{"c":null}}') == {"a": [1, "x"], "b": {"c": None}}
        assert len(calls) == 1

    def test_what_diplomodel_writes_is_proved(self, tmp_path):
        """Compact and indented files as diplomodel writes them take the fast parse."""
        example = dm.load_example()
        assert _jsontext.proved_loads(dm.to_json_bytes(example)) == dm.to_dict(example)
        example.save(tmp_path / "d.json")
        raw = (tmp_path / "d.json").read_bytes()
        assert _jsontext.proved_loads(raw) == json.loads(raw)


class TestWriters:
    def test_every_example_is_written_byte_for_byte_as_before(self):
        """The generated unstructure functions write what cattrs' own write, in the same order."""
        for name in EXAMPLES:
            example = dm.load_example(name)
            fast, reference = make_converter(), reference_converter()
            assert json.dumps(fast.unstructure(example)) == json.dumps(
                reference.unstructure(example)
            )

    def test_documents_are_tagged_first(self):
        """A document is written with its "type" first, alone or in a dossier."""
        document = dm.load_example().documents[0]
        assert next(iter(dm.to_dict(document))) == "type"
        assert "type" in dm.to_dict(dm.load_example())["documents"][0]

    def test_written_by_generated_functions(self):
        """to_dict goes through a generated function for every model class."""
        hook = make_converter().get_unstructure_hook(Meeting)
        assert hook.__code__.co_filename.startswith("<diplomodel generated unstructure")
