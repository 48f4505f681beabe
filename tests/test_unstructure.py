"""The generated writers write what cattrs' own functions write, byte for byte, in one pass.

`to_dict` goes through the converter's generated unstructure functions and
`to_json`/`to_json_bytes` through `JsonWriter` (one ``orjson.dumps`` call):
the writer of the object asked for (top), and of each object orjson hands
to `JsonWriter.default` (nested: model objects inlined, tuples left as they
are where orjson writes them). All are held here to `reference_converter`,
which writes attrs classes with cattrs' own ``make_dict_unstructure_fn``
functions, and the reference text to the standard library's `json`
(``benchmarks/differential.py`` compares the same on 100 000 inputs).
"""

import enum
import gc
import io
import json
import re
import tracemalloc
import typing

import attrs
import orjson
import pytest
from hypothesis import given, settings

import diplomodel as dm
from diplomodel import _jsontext, _unstructure, testing
from diplomodel._unstructure import JsonWriter
from diplomodel.serialization import make_converter, reference_converter
from tests.profiles import examples
from tests.test_structure import COUNT, differential  # noqa: F401 - the harness fixture

REFERENCE = reference_converter()
CLASSES = testing.classes()
WRITER = JsonWriter(make_converter())


def reference_data(obj):
    """What cattrs' own functions write for `obj` (a document tagged, as `to_dict` writes it)."""
    return REFERENCE.unstructure(obj, dm.Document if isinstance(obj, dm.Document) else type(obj))


def reference_text(obj, indent):
    return _jsontext.stdlib_dumps(reference_data(obj), indent)


def check_written_as_reference(obj):
    data = reference_data(obj)
    assert dm.to_dict(obj) == data
    assert json.dumps(dm.to_dict(obj)) == json.dumps(data)  # the same key order
    for indent in (None, 2, 4):
        assert dm.to_json(obj, indent=indent) == reference_text(obj, indent)
    assert dm.to_json_bytes(obj) == reference_text(obj, None).encode()
    if WRITER.top(obj) is not None:  # a model object: its nested writer too
        for indent, option in ((None, 0), (2, orjson.OPT_INDENT_2)):
            assert nested_text(obj, option) == reference_text(obj, indent).encode()


def nested_text(obj, option=0):
    """The bytes of `obj` written as orjson writes it inside another: by JsonWriter.default."""
    return orjson.dumps(WRITER.default(obj), default=WRITER.default, option=option)


class TestDifferential:
    @pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
    def test_every_class_is_written_as_cattrs_writes_it(self, cls):
        """to_dict, to_json and to_json_bytes of generated objects equal the reference output."""

        @settings(max_examples=examples(10 if cls is dm.Dossier else 30))
        @given(testing.from_class(cls))
        def check(obj):
            check_written_as_reference(obj)

        check()

    @pytest.mark.parametrize("name", ["china-russia-2024", "brics-2023", "g20-2023"])
    def test_examples_and_each_of_their_entities(self, name):
        """Each bundled example, and every entity in it, alone."""
        example = dm.load_example(name)
        check_written_as_reference(example)
        for table in ("meetings", "documents", "people", "relations", "bodies"):
            for entity in getattr(example, table):
                check_written_as_reference(entity)

    @settings(max_examples=examples(10))
    @given(testing.from_class(dm.Dossier))
    def test_save_and_jsonl_are_written_as_the_reference(self, tmp_path_factory, dossier):
        """Dossier.save (JSON and JSON Lines) and write_jsonl write the reference text."""
        folder = tmp_path_factory.mktemp("saved")
        dossier.save(folder / "d.json")
        envelope = dm.serialization.envelope("dossier", reference_data(dossier))
        want = _jsontext.stdlib_dumps(envelope, 2) + "\n"
        assert (folder / "d.json").read_text(encoding="utf-8") == want
        dossier.save(folder / "lines", format="jsonl")
        for table in ("meetings", "documents"):
            lines = (folder / "lines" / f"{table}.jsonl").read_text(encoding="utf-8")
            items = getattr(dossier, table)
            assert lines == "".join(reference_text(item, None) + "\n" for item in items)
        stream = io.StringIO()
        dm.write_jsonl(stream, dossier.documents)
        assert stream.getvalue() == "".join(
            reference_text(item, None) + "\n" for item in dossier.documents
        )

    def test_without_orjson_the_same_text(self, monkeypatch):
        """With the accelerator switched off the standard library writes the same text."""
        example = dm.load_example()
        with_orjson = dm.to_json(example), dm.to_json_bytes(example)
        monkeypatch.setattr(_jsontext, "_orjson", None)
        assert (dm.to_json(example), dm.to_json_bytes(example)) == with_orjson

    def test_what_orjson_refuses_is_written_as_before(self, monkeypatch):
        """A TypeError from orjson's one-pass write (a huge integer) falls back to to_dict."""

        class Refusing:
            OPT_INDENT_2 = orjson.OPT_INDENT_2

            @staticmethod
            def dumps(data, default=None, option=0):
                if default is not None:
                    raise orjson.JSONEncodeError("Integer exceeds 64-bit range")
                return orjson.dumps(data, option=option)

        example = dm.load_example()
        monkeypatch.setattr(_jsontext, "_orjson", Refusing)
        assert dm.to_json_bytes(example) == reference_text(example, None).encode()
        assert dm.to_json(example) == reference_text(example, 2)

    @pytest.mark.parametrize(
        "obj",
        [
            dm.states.get("RU"),
            dm.PartialDate(year=2024, month=8),
            dm.load_example().meetings,
            list(dm.load_example().documents),
        ],
        ids=["state", "date", "tuple of meetings", "list of documents"],
    )
    def test_other_objects_are_written_as_before(self, obj):
        """What is no model object at the top goes through to_dict, as before."""
        want = _jsontext.stdlib_dumps(REFERENCE.unstructure(obj), None)
        assert dm.to_json(obj, indent=None) == want
        assert dm.to_dict(obj) == REFERENCE.unstructure(obj)


def _entities(example):
    yield example
    for table in ("meetings", "documents", "people", "relations", "bodies", "series"):
        yield from getattr(example, table)


class TestWritersAreHeldToTheReference:
    """A writer that wrote an enum or a tuple otherwise would be caught by the checks above."""

    MUTATIONS = {  # noqa: RUF012 - read only
        "enum by name": lambda line: line.replace("._value_", "._name_"),
        "nested tuple reversed": lambda line: line.replace(".append(", ".insert(0, "),
        "nested tuple's first item dropped": (
            lambda line: re.sub(r"^(for \w+ in )(.+):$", r"\1(\2)[1:]:", line)
        ),
    }

    @staticmethod
    def written_otherwise(writer, objs):
        """What of `objs` `writer` writes otherwise than the reference (at the top or nested)."""
        found = []
        for obj in objs:
            for indent, option in ((None, 0), (2, orjson.OPT_INDENT_2)):
                want = reference_text(obj, indent).encode()
                top = orjson.dumps(writer.top(obj), default=writer.default, option=option)
                nested = orjson.dumps(writer.default(obj), default=writer.default, option=option)
                if top != want or nested != want:
                    found.append(obj)
                    break
        return found

    def mutated_writer(self, monkeypatch, mutate):
        """A JsonWriter whose generated lines are changed by `mutate`."""
        emit = _unstructure._Inline.emit

        def mutated(inline, depth, line, at=None):
            emit(inline, depth, mutate(line), at)

        monkeypatch.setattr(_unstructure._Inline, "emit", mutated)
        return JsonWriter(make_converter())

    @pytest.mark.parametrize("mutation", MUTATIONS)
    def test_a_mutated_writer_is_caught(self, monkeypatch, mutation):
        """Each mutation of the generated writers makes the examples come out otherwise."""
        writer = self.mutated_writer(monkeypatch, self.MUTATIONS[mutation])
        objs = list(_entities(dm.load_example("g20-2023")))
        assert self.written_otherwise(writer, objs)
        monkeypatch.undo()
        assert not self.written_otherwise(JsonWriter(make_converter()), objs)

    def test_a_tuple_left_to_orjson_and_written_otherwise_is_caught(self, monkeypatch):
        """A tuple left for orjson to write (text, a dossier's table), reversed, is caught."""
        items = _unstructure._Inline.items

        def reversed_items(inline, item_hint, var, depth):
            written = items(inline, item_hint, var, depth)
            return f"{var}[::-1]" if written == var else written

        monkeypatch.setattr(_unstructure._Inline, "items", reversed_items)
        writer = JsonWriter(make_converter())
        example = dm.load_example("g20-2023")
        otherwise = self.written_otherwise(writer, _entities(example))
        assert example in otherwise  # its tables
        assert any(isinstance(obj, dm.Meeting) for obj in otherwise)  # outcomes, text

    def test_enum_members_left_to_orjson_give_the_same_bytes(self, monkeypatch):
        """Orjson writes an enum member by its value: the same bytes as ``_value_``, slower."""
        writer = self.mutated_writer(monkeypatch, lambda line: line.replace("._value_", ""))
        example = dm.load_example("g20-2023")
        assert '"kind":' in dm.to_json(example)
        assert not self.written_otherwise(writer, _entities(example))
        enums = {
            hint
            for cls in CLASSES
            if attrs.has(cls)
            for field_hint in typing.get_type_hints(cls).values()
            for hint in (field_hint, *typing.get_args(field_hint))
            if isinstance(hint, type) and issubclass(hint, enum.Enum)
        }
        assert dm.Sector in enums
        assert all(type(member.value) is str for e in enums for member in e)  # what makes it so


@attrs.frozen(kw_only=True)
class Node:
    """A class that holds itself, as no model class does yet."""

    name: str
    kind: dm.Sector | None = None
    children: tuple["Node", ...] = ()
    parent: "Node | None" = None


class TestAClassThatHoldsItself:
    def test_written_as_the_reference(self):
        """Its writers inline it once and leave what holds it again to JsonWriter.default."""
        leaf = Node(name="leaf", kind=dm.Sector.ENERGY)
        tree = Node(name="root", children=(leaf, Node(name="b", children=(leaf,))), parent=leaf)
        writer = JsonWriter(make_converter())
        want = json.dumps(REFERENCE.unstructure(tree), separators=(",", ":")).encode()
        assert orjson.dumps(writer.top(tree), default=writer.default) == want
        assert orjson.dumps(writer.default(tree), default=writer.default) == want
        nested = writer._nested[Node].__doc__  # the nested writer leaves Node inside to default
        assert "'children'] = o.children" in nested
        assert "'parent'] = o.parent" in nested


class TestHarness:
    def test_mutated_objects_are_written_alike(self, differential):  # noqa: F811
        """The harness's write pass: accepted mutated inputs and all inside them, every writer."""
        assert differential.compare_write(COUNT // 3, seed=5) >= COUNT // 3

    def test_a_difference_is_found(self, differential, monkeypatch):  # noqa: F811
        """The write pass fails when the one-pass writer writes anything else."""
        real = dm.to_json_bytes
        monkeypatch.setattr(dm, "to_json_bytes", lambda obj: real(obj).replace(b":", b": ", 1))
        with pytest.raises(AssertionError, match="to_json_bytes writes otherwise"):
            differential.compare_write(50, seed=5)

    def test_a_difference_in_a_nested_writer_is_found(self, differential, monkeypatch):  # noqa: F811
        """The write pass fails when JsonWriter.default writes a nested object otherwise."""

        class Mutated(JsonWriter):
            def __init__(self, converter):
                super().__init__(converter)
                default = self.default
                self.default = lambda obj: {**default(obj), "extra": 1}

        monkeypatch.setattr(differential, "JsonWriter", Mutated)
        with pytest.raises(AssertionError, match=r"JsonWriter\.default writes otherwise"):
            differential.compare_write(50, seed=5)


class TestDocuments:
    def test_tagged_at_the_top_and_inside(self):
        """A document is written with its "type" first, alone or in a dossier."""
        example = dm.load_example()
        document = example.documents[0]
        assert dm.to_json_bytes(document).startswith(b'{"type":')
        written = orjson.loads(dm.to_json_bytes(example))
        assert all(next(iter(d)) == "type" for d in written["documents"])

    def test_tagged_through_its_own_kind_too(self):
        """Asked for by its own kind, a document is tagged by both converters alike."""
        document = dm.load_example().documents[0]
        written = make_converter().unstructure(document, type(document))
        assert json.dumps(written) == json.dumps(REFERENCE.unstructure(document, type(document)))
        assert next(iter(written)) == "type"


class TestOnePass:
    def test_plain_data_from_to_dict(self):
        """to_dict still gives plain JSON data: dicts, lists, text, numbers."""
        data = dm.to_dict(dm.load_example("g20-2023"))

        def plain(value):
            if isinstance(value, dict):
                return all(type(k) is str and plain(v) for k, v in value.items())
            if isinstance(value, list):
                return all(plain(v) for v in value)
            return value is None or type(value) in (str, int, float, bool)

        assert type(data) is dict
        assert plain(data)

    def test_no_copy_of_the_whole_data_is_alive(self):
        """to_json_bytes holds one entity's data at a time, far less than to_dict's copy."""
        dossier = dm.load_example()
        big = dm.Dossier(
            id="big",
            title="Big",
            documents=tuple(
                dm.serialization.from_dict(
                    {**dm.to_dict(document), "id": f"{document.id}-{n}"}, dm.Document
                )
                for n in range(60)
                for document in dossier.documents
            ),
        )

        def peak(write):
            gc.collect()
            tracemalloc.start()
            try:
                raw = write()
                return tracemalloc.get_traced_memory()[1] - len(raw)
            finally:
                tracemalloc.stop()

        one_pass = peak(lambda: dm.to_json_bytes(big))
        copied = peak(lambda: orjson.dumps(dm.to_dict(big)))
        assert one_pass < copied / 4

    def test_save_writes_in_one_pass(self, tmp_path, monkeypatch):
        """Dossier.save writes the file without a to_dict copy of the dossier, same text."""
        dossier = dm.load_example()
        dossier.save(tmp_path / "before.json")

        def no_copy(obj):  # the empty header that names the file's kind may be copied
            if getattr(obj, "meetings", ()):
                raise AssertionError(f"to_dict copy of a {type(obj).__name__}")
            return reference_data(obj)

        monkeypatch.setattr(dm.serialization, "_unstructure", no_copy)
        dossier.save(tmp_path / "after.json")
        assert (tmp_path / "after.json").read_bytes() == (tmp_path / "before.json").read_bytes()
        monkeypatch.setattr(_jsontext, "_orjson", None)  # without orjson: to_dict, as before
        with pytest.raises(AssertionError, match="to_dict copy of a Dossier"):
            dossier.save(tmp_path / "again.json")

    def test_foreign_objects_are_refused_by_default(self):
        """JsonWriter.default raises TypeError for what it does not write, as orjson expects."""
        writer = JsonWriter(make_converter())
        with pytest.raises(dm.ArgumentTypeError, match="writes no object"):
            writer.default(object())
        assert writer.top(object()) is None
        assert writer.top(dm.states.get("RU")) is None
