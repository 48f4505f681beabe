"""Hostile input: whatever arrives, loaders raise DataError and nothing else, in bounded memory."""

import json
import math
import tracemalloc

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

    @pytest.mark.parametrize(
        ("outcomes", "path"),
        [
            (["bad id"] * 200_000, "$.outcomes[0]"),
            ([f"doc-{i}" for i in range(199_999)] + ["bad id"], "$.outcomes[199999]"),
        ],
        ids=["all-bad", "last-bad"],
    )
    def test_huge_list(self, outcomes, path):
        """A list of 200 000 ids is one problem at its first bad item, in a short message."""
        data = dm.to_dict(EXAMPLE.meetings[0]) | {"outcomes": outcomes}
        with pytest.raises(dm.DataError) as info:
            dm.from_dict(data, dm.Meeting)
        problems = info.value.problems
        assert [p.path for p in problems] == [path]
        assert "must be an id" in problems[0].message
        assert "'bad id'" in problems[0].message
        assert len(str(info.value)) < 1000


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
