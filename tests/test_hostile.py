"""Hostile input: whatever arrives, loaders raise DataError and nothing else, in bounded memory."""

import copy
import json
import math
import tracemalloc

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplomodel as dm
from tests.profiles import examples

EXAMPLE = dm.load_example()
FILE = EXAMPLE.to_file_dict()
ORIGINAL = json.loads(json.dumps(FILE))
TARGETS = [dm.Dossier, dm.Meeting, dm.Document, dm.Person, dm.PartialDate, dm.Place]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["CN", "RU", "2024-08-21", "co_chair", "communique", "li-qiang"]),
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.sampled_from(["id", "title", "type", "kind", "parties", "start", "people", "x"])
            | st.text(max_size=8),
            children,
            max_size=6,
        )
    ),
    max_leaves=30,
)


def copy_of(node):
    """A shallow copy of a JSON object or array."""
    return dict(node) if isinstance(node, dict) else list(node)


def only_data_errors(call):
    """Run a loader; it may succeed or raise DataError, nothing else."""
    error = None
    try:
        call()
    except dm.DataError as exc:
        error = exc
    if error is not None:
        assert error.problems
        assert all(p.path.startswith("$") for p in error.problems)
        assert str(error)


class TestMalformedText:
    @pytest.mark.parametrize("cut", [1, 10, 100, 1000, len(json.dumps(FILE)) - 1])
    def test_truncated_json(self, cut):
        """A file cut short is a DataError."""
        text = json.dumps(FILE)[:cut]
        with pytest.raises(dm.DataError, match="not valid JSON"):
            dm.from_json(text, dm.Dossier)

    @pytest.mark.parametrize("cls", TARGETS, ids=lambda c: c.__name__)
    @pytest.mark.parametrize("text", ["0", "1.5", "[]", "[{}]", '"x"', "null", "true", "{}"])
    def test_wrong_top_level_types(self, cls, text):
        """Well-formed JSON of the wrong shape is a DataError."""
        only_data_errors(lambda: dm.from_json(text, cls))

    def test_very_deep_nesting(self):
        """100 000 nested arrays or objects are refused without a RecursionError."""
        for text in ["[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000]:
            with pytest.raises(dm.DataError, match="nested too deeply"):
                dm.from_json(text, dm.Dossier)

    def test_deep_nesting_inside_a_field(self):
        """Deep nesting where a value belongs is one problem at that field."""
        nested: object = 1
        for _ in range(200):
            nested = [nested]
        data = dm.to_dict(EXAMPLE.meetings[0]) | {"title": nested}
        with pytest.raises(dm.DataError) as info:
            dm.from_dict(data, dm.Meeting)
        assert [p.path for p in info.value.problems] == ["$.title"]

    @pytest.mark.parametrize("text", ["NaN", "Infinity", "-Infinity", '{"ordinal": NaN}'])
    def test_nan_and_infinity(self, text):
        """NaN and Infinity are refused."""
        with pytest.raises(dm.DataError, match="not allowed"):
            dm.from_json(text, dm.Meeting)

    def test_float_where_int_belongs(self):
        """A float (even a whole one, or an infinite one from Python) is not an ordinal."""
        for value in (29.0, math.inf, math.nan):
            data = dm.to_dict(EXAMPLE.meetings[0]) | {"ordinal": value}
            with pytest.raises(dm.DataError, match="expected an integer"):
                dm.from_dict(data, dm.Meeting)

    def test_duplicate_keys(self):
        """An object with a key twice is refused, wherever it is."""
        text = json.dumps(FILE).replace('"title": ', '"title": "a", "title": ', 1)
        with pytest.raises(dm.DataError, match="duplicate key 'title'"):
            dm.from_json(text, dm.Dossier)

    @pytest.mark.parametrize(
        "raw", [b"\xff", b'{"id": "\xc3"}', b'"\xed\xa0\x80"', b"\x00\x00\x00{", b"\xfe\xff\x00{"]
    )
    def test_invalid_utf8(self, raw):
        """Bytes that are not UTF-8 are a DataError."""
        with pytest.raises(dm.DataError):
            dm.from_json(raw, dm.Dossier)

    def test_utf8_byte_order_mark(self):
        """A UTF-8 byte-order mark is allowed."""
        raw = b"\xef\xbb\xbf" + json.dumps(FILE).encode()
        assert dm.Dossier.from_file_dict(json.loads(raw.decode("utf-8-sig"))) == EXAMPLE
        assert dm.from_json(b"\xef\xbb\xbf" + dm.to_json(EXAMPLE).encode(), dm.Dossier) == EXAMPLE


class TestHugeValues:
    def test_fifty_megabyte_string(self):
        """A 50 MB string is refused with a short message, in memory near the input's size."""
        huge = "x" * (50 * 1024 * 1024)
        data = dm.to_dict(EXAMPLE.meetings[0]) | {"title": huge, "summary": huge}
        text = json.dumps(data)
        del data
        tracemalloc.start()
        try:
            with pytest.raises(dm.DataError) as info:
                dm.from_json(text, dm.Meeting)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert {p.path for p in info.value.problems} == {"$.title", "$.summary"}
        assert len(str(info.value)) < 1000
        assert peak < 4 * len(text)

    def test_huge_list(self):
        """A list of 200 000 bad items: the first MAX_PROBLEMS are reported, and that it stopped."""
        data = dm.to_dict(EXAMPLE.meetings[0]) | {"outcomes": [1] * 200_000}
        with pytest.raises(dm.DataError) as info:
            dm.from_dict(data, dm.Meeting)
        error = info.value
        assert len(error.problems) == dm.MAX_PROBLEMS
        assert error.stopped
        assert [p.path for p in error.problems[:3]] == [f"$.outcomes[{i}]" for i in range(3)]
        assert str(error).startswith(f"at least {dm.MAX_PROBLEMS:,} problems in input:")
        assert str(error).endswith(f"stopped looking after {dm.MAX_PROBLEMS:,} problems")

    @pytest.mark.parametrize(
        ("outcomes", "path"),
        [
            (["bad id"] * 200_000, "$.outcomes[0]"),
            ([f"doc-{i}" for i in range(199_999)] + ["bad id"], "$.outcomes[199999]"),
        ],
        ids=["all-bad", "last-bad"],
    )
    def test_huge_list_of_bad_ids(self, outcomes, path):
        """A list of 200 000 ids is one problem at its first bad item, in a short message."""
        data = dm.to_dict(EXAMPLE.meetings[0]) | {"outcomes": outcomes}
        with pytest.raises(dm.DataError) as info:
            dm.from_dict(data, dm.Meeting)
        problems = info.value.problems
        assert [p.path for p in problems] == [path]
        assert "must be an id" in problems[0].message
        assert "'bad id'" in problems[0].message
        assert len(str(info.value)) < 1000


class TestBoundedProblems:
    """However bad the input, an error holds at most MAX_PROBLEMS problems of bounded length."""

    def test_many_empty_meetings(self):
        """20 000 empty meetings: the detailed re-read stops at the cap instead of reading all."""
        text = '{"id": "d", "title": "T", "meetings": [' + ", ".join(["{}"] * 20_000) + "]}"
        with pytest.raises(dm.DataError) as info:
            dm.from_json(text, dm.Dossier)
        error = info.value
        assert len(error.problems) == dm.MAX_PROBLEMS
        assert error.stopped
        indices = {p.path.split("]")[0] for p in error.problems}
        assert len(indices) < 1000  # a few problems per meeting, then it stopped
        assert error.problems[0].path.startswith("$.meetings[0].")

    def test_stops_doing_work_after_the_cap(self, monkeypatch):
        """Past the cap no further meeting is even structured."""
        from diplomodel import _hooks

        calls = []
        original = _hooks._validator_errors

        def counting(*args):
            calls.append(1)
            return original(*args)

        monkeypatch.setattr(_hooks, "_validator_errors", counting)
        text = '{"id": "d", "title": "T", "meetings": [' + ", ".join(["{}"] * 20_000) + "]}"
        with pytest.raises(dm.DataError):
            dm.from_json(text, dm.Dossier)
        assert len(calls) < 2 * dm.MAX_PROBLEMS

    def test_a_million_unknown_keys(self):
        """10**5 unknown keys make one short problem that names a few and counts the rest."""
        data = {"id": "d", "title": "T"} | {f"k{i:06d}": 0 for i in range(100_000)}
        with pytest.raises(dm.DataError) as info:
            dm.from_dict(data, dm.Dossier)
        (problem,) = info.value.problems
        assert problem.path == "$"
        assert problem.message.startswith("unknown keys 'k000000', 'k000001', ")
        assert problem.message.endswith("and 99,990 more")
        assert len(str(info.value)) < 300

    def test_unknown_keys_of_mixed_types(self):
        """Keys of several types (a dict built in Python) are listed without failing to sort."""
        with pytest.raises(dm.DataError, match="unknown keys") as info:
            dm.from_dict({"id": "d", "title": "T", 1: 0, "z": 0, None: 0}, dm.Dossier)
        assert "'z'" in info.value.problems[0].message

    def test_long_messages_are_elided(self):
        """A problem about a huge value keeps its message under MAX_MESSAGE characters."""
        with pytest.raises(dm.DataError) as info:
            dm.from_dict({"type": "x" * 100_000}, dm.Document)
        message = info.value.problems[0].message
        assert len(message) <= dm.MAX_MESSAGE
        assert "…" in message


class TestGiantIntegers:
    """Integers past Python's 4 300-digit limit are refused as data, never escape as ValueError."""

    def test_format_version_of_5000_digits(self):
        """A 5 000-digit major version in a file's header is an invalid version."""
        data = {"diplomodel": "9" * 5000 + ".0", "kind": "dossier", "id": "d", "title": "T"}
        with pytest.raises(dm.DataError) as info:
            dm.Dossier.from_file_dict(data)
        (problem,) = info.value.problems
        assert problem.path == "$.diplomodel"
        assert problem.message.startswith("invalid format version")
        assert len(problem.message) < 200
        with pytest.raises(dm.DataError):
            dm.open_envelope(data, "dossier")

    def test_json_integer_literal_of_5000_digits(self):
        """JSON text with a 5 000-digit integer is a DataError that says what is wrong."""
        text = '{"id": "d", "title": "T", "x": ' + "1" * 5000 + "}"
        with pytest.raises(dm.DataError, match="integer of 5,000 digits is too large"):
            dm.from_json(text, dm.Dossier)
        with pytest.raises(dm.DataError, match="too large"):
            dm.parse_json("-" + "9" * 30)

    def test_sixty_four_bit_integers_still_read(self):
        """Integers up to 20 digits parse as before."""
        assert dm.parse_json(str(2**64 - 1)) == 2**64 - 1
        assert dm.parse_json(str(-(2**63))) == -(2**63)

    @pytest.mark.parametrize(
        "value", [10**5000, -(10**5000), 10**7, 1_000_001], ids=["giant", "-giant", "1e7", "1e6+1"]
    )
    def test_ordinal_bound(self, value):
        """An ordinal beyond MAX_ORDINAL (10**6) is a DataError at its path."""
        problem = _only_problem(lambda: dm.from_dict(_meeting(ordinal=value), dm.Meeting))
        assert problem.path == "$.ordinal"
        assert "1 to 1,000,000" in problem.message

    def test_ordinal_at_the_bound(self):
        """An ordinal of exactly 10**6 is accepted and round-trips."""
        data = dm.to_dict(EXAMPLE.meetings[0]) | {"ordinal": 1_000_000}
        meeting = dm.from_dict(data, dm.Meeting)
        assert dm.from_json(dm.to_json(meeting), dm.Meeting) == meeting

    def test_giant_integer_as_a_key(self):
        """A giant integer as a key of a names map (from Python) is a DataError."""
        data = dm.to_dict(EXAMPLE.people[0]) | {"names": {10**5000: 5}}
        with pytest.raises(dm.DataError) as info:
            dm.from_dict(data, dm.Person)
        assert info.value.problems[0].path == "$.names[an int of about 5,000 digits]"

    def test_giant_integer_anywhere(self):
        """10**5000 in place of any value of the example is a DataError with a readable message."""
        for path in _leaf_paths(FILE):
            mutated = _replaced(FILE, path, 10**5000)
            with pytest.raises(dm.DataError) as info:
                dm.Dossier.from_file_dict(mutated)
            assert "Exceeds the limit" not in str(info.value), path


class TestLoneSurrogates:
    """Text must be valid Unicode: a lone surrogate is refused at load and at construction."""

    def test_json_escape_refused_at_load(self):
        """A `\\ud800` escape in JSON text is a DataError at the field's path."""
        text = json.dumps(_meeting()).replace('"title": "', '"title": "\\ud800', 1)
        problem = _only_problem(lambda: dm.from_json(text, dm.Meeting))
        assert problem.path == "$.title"
        assert "lone surrogate U+D800" in problem.message

    def test_every_text_value_of_the_example(self):
        """A surrogate appended to any string of the example file is refused at its path."""
        for path in _leaf_paths(FILE):
            value = _get(FILE, path)
            if not isinstance(value, str) or path[0] in ("diplomodel", "kind"):
                continue
            mutated = _replaced(FILE, path, value + "\udfff")
            with pytest.raises(dm.DataError) as info:
                dm.Dossier.from_file_dict(mutated)
            where = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
            paths = [p.path for p in info.value.problems]
            assert any(where.startswith(p) or p.startswith(where) for p in paths), (where, paths)

    def test_every_text_field_of_every_class(self):
        """Every public class's text and name-map fields refuse a surrogate, naming the field."""
        from diplomodel import _validators

        checked = 0
        for name in dm.__all__:
            cls = getattr(dm, name)
            if not (isinstance(cls, type) and attrs.has(cls)):
                continue
            for field in attrs.fields(cls):
                schema = _validators.schema_of(field.validator) if field.validator else {}
                if schema.get("pattern") == _validators.TRIMMED:
                    value = "text \ud800 here"
                elif "propertyNames" in schema:
                    value = {"ru": "Ли\udc00"}
                else:
                    continue
                with pytest.raises(ValueError, match="must be valid Unicode"):
                    field.validator(None, field, value)
                checked += 1
        assert checked >= 25  # every text field there is (30 today)

    def test_locale_name_maps(self):
        """A surrogate in a localised name is refused, in a file and in a constructor."""
        person = EXAMPLE.people[0]
        data = dm.to_dict(person) | {"names": {"ru": "Ли\ud800"}}
        with pytest.raises(dm.DataError, match="surrogate") as info:
            dm.from_dict(data, dm.Person)
        assert info.value.problems[0].path.startswith("$.names")
        with pytest.raises(ValueError, match=r"'names\[ru\]' must be valid Unicode"):
            attrs.evolve(person, names={"ru": "Ли\ud800"})

    @pytest.mark.parametrize("field", ["title", "summary"])
    def test_constructor_names_the_field(self, field):
        """A Python string with a lone surrogate passed to a constructor names the field."""
        with pytest.raises(ValueError, match=f"'{field}' must be valid Unicode"):
            attrs.evolve(EXAMPLE.meetings[0], **{field: "Talks\udc80"})

    def test_ids_refused(self):
        """Ids with a surrogate are refused (the id pattern is ASCII)."""
        with pytest.raises(ValueError, match="'id'"):
            attrs.evolve(EXAMPLE.meetings[0], id="m\ud800")

    def test_nothing_loaded_fails_to_write(self):
        """What loads can be written: no UnicodeEncodeError from to_json_bytes or save."""
        data = dm.to_dict(EXAMPLE.meetings[0]) | {"summary": "ok \u00e9\U0001f600"}
        meeting = dm.from_dict(data, dm.Meeting)
        assert dm.from_json(dm.to_json_bytes(meeting), dm.Meeting) == meeting


def _meeting(**changes):
    return dm.to_dict(EXAMPLE.meetings[0]) | changes


def _only_problem(load):
    with pytest.raises(dm.DataError) as info:
        load()
    (problem,) = info.value.problems
    return problem


def _leaf_paths(node, path=()):
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _leaf_paths(child, (*path, key))
    elif isinstance(node, list):
        for index, child in enumerate(node):
            yield from _leaf_paths(child, (*path, index))
    else:
        yield path


def _get(node, path):
    for part in path:
        node = node[part]
    return node


def _replaced(data, path, value):
    copied = copy.deepcopy(data)
    _get(copied, path[:-1])[path[-1]] = value
    return copied


class TestRandomDocuments:
    @settings(max_examples=examples(300), suppress_health_check=list(HealthCheck))
    @given(json_values)
    def test_random_json_as_a_dossier(self, value):
        """Random JSON read as a dossier file: DataError or a dossier, never another exception."""
        only_data_errors(lambda: dm.Dossier.from_file_dict(value))
        only_data_errors(lambda: dm.from_json(json.dumps(value), dm.Dossier))

    @settings(max_examples=examples(300), suppress_health_check=list(HealthCheck))
    @given(st.sampled_from([dm.Meeting, dm.Document, dm.Person, dm.Place]), json_values)
    def test_random_json_as_entities(self, cls, value):
        """Random JSON read as an entity: DataError or the entity."""
        only_data_errors(lambda: dm.from_dict(value, cls))

    @settings(max_examples=examples(300), suppress_health_check=list(HealthCheck))
    @given(st.data())
    def test_mutated_example(self, data):
        """The example with one value anywhere replaced: DataError or a valid dossier."""
        # Copy only the containers on the way down: the rest is shared with FILE, unchanged.
        mutated = copy_of(FILE)
        node = mutated
        while True:
            keys = list(node) if isinstance(node, dict) else list(range(len(node)))
            if not keys:
                break
            key = data.draw(st.sampled_from(keys))
            child = node[key]
            if isinstance(child, dict | list) and child and data.draw(st.booleans()):
                node[key] = node = copy_of(child)
                continue
            node[key] = data.draw(json_values)
            break
        assert FILE == ORIGINAL
        only_data_errors(lambda: dm.Dossier.from_file_dict(mutated))
