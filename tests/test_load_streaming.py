"""Dossier.load of a JSON file a record at a time: the same dossiers and errors as reading whole."""

from __future__ import annotations

import gc
import re
import tracemalloc

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel import _jsonstream, _jsontext, _tables
from diplomodel._paths import read_regular
from diplomodel.serialization import dumps, from_dict, parse_json
from tests import strategies as s
from tests.profiles import examples

EXAMPLE = dm.load_example()
FIXTURE = HealthCheck.function_scoped_fixture


def whole(path):
    """The dossier in a file read whole: text, parse, structure (the reading before streaming)."""
    name = str(path)
    return dm.Dossier.from_file_dict(parse_json(read_regular(name), source=name), source=name)


def outcome(read, path):
    """What a reader makes of a file: the dossier, or the error's source and problems."""
    try:
        return read(path)
    except dm.DataError as error:
        return (error.source, error.problems, error.omitted, error.stopped)


def same_reading(path):
    """Dossier.load and the whole reading agree; the streaming part alone is right or says no."""
    expected = outcome(whole, path)
    assert outcome(dm.Dossier.load, path) == expected
    streamed = _tables._load_streaming(dm.Dossier, str(path))
    if streamed is not None:
        assert isinstance(expected, dm.Dossier)
        assert streamed == expected
    return streamed


def many_meetings(count):
    """The example with `count` more meetings, copies of its own under new ids."""
    meeting = EXAMPLE.meetings[0]
    extra = tuple(attrs.evolve(meeting, id=f"copy-{i}") for i in range(count))
    return attrs.evolve(EXAMPLE, meetings=(*EXAMPLE.meetings, *extra))


# -- mutations of a saved file -----------------------------------------------------

_MEMBER = re.compile(rb'^( +)"([^"\\]*)": ')


def _lines(raw):
    return raw.split(b"\n")


def change_byte(raw, data):
    at = data.draw(st.integers(0, len(raw) - 1), label="at")
    byte = data.draw(st.integers(0, 255), label="byte")
    return raw[:at] + bytes([byte]) + raw[at + 1 :]


def _member_line(lines, data):
    places = [i for i, line in enumerate(lines) if _MEMBER.match(line)]
    return data.draw(st.sampled_from(places), label="line")


def repeat_key(raw, data):
    lines = _lines(raw)
    at = _member_line(lines, data)
    line = lines[at]
    copy = line if line.endswith((b",", b"[", b"{")) else line + b","
    if copy.endswith((b"[", b"{")):  # a value over lines: repeat the key with a scalar value
        copy = _MEMBER.match(line).group(0) + b"null,"
    lines.insert(at, copy)
    return b"\n".join(lines)


def rename_key(raw, data):
    lines = _lines(raw)
    at = _member_line(lines, data)
    match = _MEMBER.match(lines[at])
    suffix = data.draw(st.sampled_from([b"x", b"", b"_"]), label="suffix")
    lines[at] = match.group(1) + b'"' + match.group(2) + suffix + b'x": ' + lines[at][match.end() :]
    return b"\n".join(lines)


def drop_line(raw, data):
    lines = _lines(raw)
    del lines[data.draw(st.integers(0, len(lines) - 1), label="line")]
    return b"\n".join(lines)


def reindent(raw, data):
    lines = _lines(raw)
    at = data.draw(st.integers(0, len(lines) - 1), label="line")
    lines[at] = lines[at][1:] if data.draw(st.booleans(), label="out") else b" " + lines[at]
    return b"\n".join(lines)


def repeat_record(raw, data):
    """A table's record written twice: a repeated id."""
    lines = _lines(raw)
    starts = [i for i, line in enumerate(lines) if line == b"    {"]
    if not starts:
        return raw
    start = data.draw(st.sampled_from(starts), label="record")
    end = lines.index(b"    },", start) if b"    }," in lines[start:] else None
    if end is None:
        return raw
    return b"\n".join([*lines[: end + 1], *lines[start : end + 1], *lines[end + 1 :]])


def replace_value(raw, data):
    lines = _lines(raw)
    at = _member_line(lines, data)
    match = _MEMBER.match(lines[at])
    value = data.draw(
        st.sampled_from(
            [
                *(b"123456789012345678901234567", b"NaN", b"1e400", b"-0", b"1.0", b"true"),
                *(b"null", b'"\\ud800"', b'"x"', b"[]", b"{}", b"18446744073709551616", b"9"),
            ]
        ),
        label="value",
    )
    comma = b"," if lines[at].endswith(b",") else b""
    lines[at] = match.group(0) + value + comma
    return b"\n".join(lines)


def whole_file_change(raw, data):
    change = data.draw(
        st.sampled_from(["crlf", "bom", "no final newline", "two final newlines", "compact"]),
        label="change",
    )
    if change == "crlf":
        return raw.replace(b"\n", b"\r\n")
    if change == "bom":
        return b"\xef\xbb\xbf" + raw
    if change == "no final newline":
        return raw[:-1]
    if change == "two final newlines":
        return raw + b"\n"
    return dumps(parse_json(raw), indent=None).encode()


def change_version(raw, data):
    version = data.draw(st.sampled_from([b"1.0", b"3.0", b"2.9", b"02.0", b"2", b"x"]), label="v")
    return raw.replace(b'"diplomodel": "2.0"', b'"diplomodel": "' + version + b'"', 1)


def move_header(raw, data):
    """The header's lines after the tables (an order save never writes)."""
    lines = _lines(raw)
    header = lines[1:5]
    rest = lines[5:-2]
    if not rest:  # nothing but the header
        return raw
    last = rest[-1]
    moved = data.draw(st.integers(1, 4), label="moved")
    body = [*header[moved:], *rest[:-1], last + b",", *header[:moved]]
    body[-1] = body[-1].removesuffix(b",")
    return b"\n".join([lines[0], *body, *lines[-2:]])


MUTATIONS = (
    change_byte,
    repeat_key,
    rename_key,
    drop_line,
    reindent,
    repeat_record,
    replace_value,
    whole_file_change,
    change_version,
    move_header,
)


class TestSameAsWholeReading:
    @settings(
        max_examples=examples(40),
        deadline=None,
        suppress_health_check=[FIXTURE],
    )
    @given(s.dossiers)
    def test_saved_dossiers_stream_to_the_same_dossier(self, tmp_path, dossier):
        """A file save wrote is read a record at a time, to the dossier the whole reading gives."""
        path = tmp_path / "d.json"
        dossier.save(path)
        streamed = same_reading(path)
        assert streamed == dossier

    @settings(
        max_examples=examples(300),
        deadline=None,
        suppress_health_check=[FIXTURE],
    )
    @given(s.dossiers, st.sampled_from(MUTATIONS), st.data())
    def test_mutated_files_give_the_same_dossier_or_error(self, tmp_path, dossier, mutate, data):
        """A byte, key, line, record, indent or version changed: the same dossier or error."""
        path = tmp_path / "d.json"
        dossier.save(path)
        path.write_bytes(mutate(path.read_bytes(), data))
        same_reading(path)

    @pytest.mark.parametrize("parser", ["orjson", "stdlib"])
    @pytest.mark.parametrize("mutate", MUTATIONS, ids=lambda m: m.__name__)
    def test_each_mutation_of_the_example(self, tmp_path, monkeypatch, mutate, parser):
        """Every mutation, on the example with several meetings: the same dossier or error.

        Without orjson each piece is read by the parser of the whole text.
        """
        if parser == "stdlib":
            monkeypatch.setattr(_jsontext, "_orjson", None)
        dossier = many_meetings(3)
        path = tmp_path / "d.json"
        dossier.save(path)
        assert same_reading(path) == dossier

        @settings(max_examples=examples(15), deadline=None)
        @given(st.data())
        def check(data):
            dossier.save(path)
            path.write_bytes(mutate(path.read_bytes(), data))
            same_reading(path)

        check()


def same_decoding(text, *, strict=True):
    """from_json and the whole reading (parse, then from_dict) agree; streaming alone is right."""

    def read_whole(raw):
        return from_dict(parse_json(raw, source="t"), dm.Dossier, source="t", strict=strict)

    expected = outcome(read_whole, text)
    assert outcome(lambda raw: dm.from_json(raw, dm.Dossier, source="t", strict=strict), text) == (
        expected
    )
    streamed = _jsonstream.from_text(
        text, dm.Dossier, lambda data, kind: from_dict(data, kind, strict=strict, max_problems=1)
    )
    if streamed is not None:
        assert isinstance(expected, dm.Dossier)
        assert streamed == expected
    return streamed


class TestFromJson:
    @settings(max_examples=examples(40), deadline=None)
    @given(s.dossiers)
    def test_indented_text_streams_to_the_same_dossier(self, dossier):
        """to_json's text (indented) is read a record at a time, as bytes or as str."""
        text = dm.to_json(dossier)
        assert same_decoding(text) == dossier
        assert same_decoding(text.encode()) == dossier
        assert same_decoding(text + "\n") == dossier

    @settings(max_examples=examples(150), deadline=None)
    @given(s.dossiers, st.sampled_from(MUTATIONS), st.data(), st.booleans())
    def test_mutated_text_gives_the_same_dossier_or_error(self, dossier, mutate, data, strict):
        """Mutated indented text: the same dossier or the same error, strict or not."""
        same_decoding(mutate(dm.to_json(dossier).encode(), data), strict=strict)

    def test_compact_text_is_read_whole(self):
        """Compact text is not in the shape: from_text says so, from_json reads it whole."""
        text = dm.to_json(EXAMPLE, indent=None)
        assert same_decoding(text) is None
        assert dm.from_json(text, dm.Dossier) == EXAMPLE

    def test_other_classes_are_read_whole(self):
        """Only a class with tables of entities is read a record at a time."""
        meeting = EXAMPLE.meetings[0]
        assert _jsonstream.entity_tables(dm.Meeting) == {}
        assert _jsonstream.from_text(dm.to_json(meeting), dm.Meeting, from_dict) is None
        assert set(_jsonstream.entity_tables(dm.Dossier)) == set(_tables.TABLES)


class TestErrors:
    def test_path_holds_the_record_index_in_its_table(self, tmp_path):
        """A bad value in the 18th meeting is at $.meetings[17]..., as reading whole says."""
        data = many_meetings(20).to_file_dict()
        data["meetings"][17]["participants"][1]["role"] = "nonsense"
        path = tmp_path / "d.json"
        path.write_text(dumps(data, indent=2) + "\n", encoding="utf-8")
        with pytest.raises(dm.DataError) as caught:
            dm.Dossier.load(path)
        assert [(p.path, p.message) for p in caught.value.problems] == [
            ("$.meetings[17].participants[1].role", "'nonsense' is not a valid Role")
        ]
        assert caught.value.source == str(path)

    def test_repeated_id_in_a_table(self, tmp_path):
        """Two meetings under one id: refused with both places, nothing built."""
        dossier = many_meetings(3)
        data = dossier.to_file_dict()
        data["meetings"][3]["id"] = data["meetings"][1]["id"]
        path = tmp_path / "d.json"
        path.write_text(dumps(data, indent=2) + "\n", encoding="utf-8")
        assert _tables._load_streaming(dm.Dossier, str(path)) is None
        with pytest.raises(dm.DataError, match=r"\$\.meetings\[3\]\.id: duplicate id 'copy-0'"):
            dm.Dossier.load(path)

    def test_repeated_key_in_a_record(self, tmp_path):
        """A key twice in one record is refused, as reading whole refuses it (orjson keeps one)."""
        path = tmp_path / "d.json"
        EXAMPLE.save(path)
        raw = path.read_bytes()
        record = b'    {\n      "id": "li-qiang",\n'
        assert record in raw
        path.write_bytes(raw.replace(record, record + b'      "id": "li-qiang",\n', 1))
        with pytest.raises(dm.DataError, match="duplicate key 'id' in an object"):
            dm.Dossier.load(path)
        same_reading(path)

    def test_old_format_is_migrated(self, tmp_path):
        """A file of format 1.x is not streamed: it goes through the migration as before."""
        path = tmp_path / "d.json"
        EXAMPLE.save(path)
        path.write_bytes(path.read_bytes().replace(b'"2.0"', b'"1.0"', 1))
        assert _tables._load_streaming(dm.Dossier, str(path)) is None
        assert dm.Dossier.load(path) == whole(path)


class TestBoundedMemory:
    def test_saved_file_is_not_parsed_whole(self, tmp_path, monkeypatch):
        """A file save wrote never reaches the whole-text reader; a compact one does."""
        path = tmp_path / "d.json"
        dossier = many_meetings(5)
        dossier.save(path)
        read: list[str] = []

        def spy(*args, **kwargs):
            read.append(str(args[0]))
            return parse_json(*args, **kwargs)

        monkeypatch.setattr(_tables, "parse_json", spy)
        assert dm.Dossier.load(path) == dossier
        assert read == []
        path.write_text(dumps(dossier.to_file_dict(), indent=None), encoding="utf-8")
        assert dm.Dossier.load(path) == dossier
        assert len(read) == 1

    def test_peak_is_the_dossier_plus_a_little(self, tmp_path):
        """Loading a ~5 MB file allocates at its peak little more than the dossier it keeps."""
        path = tmp_path / "d.json"
        many_meetings(2500).save(path)
        size = path.stat().st_size
        assert size > 4_000_000
        gc.collect()
        tracemalloc.start()
        try:
            start, _ = tracemalloc.get_traced_memory()
            loaded = dm.Dossier.load(path)
            kept, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert len(loaded.meetings) == 2501
        # Reading whole holds the text and its parsed tree (about 10x the text) at once.
        assert peak - start < (kept - start) + 0.5 * size, (peak - start, kept - start, size)

    @pytest.mark.parametrize("kind", [bytes, str])
    def test_from_json_of_indented_text_holds_no_tree(self, kind):
        """from_json of ~5 MB of to_json's text (bytes or str) allocates little past the dossier."""
        text = dm.to_json(many_meetings(2500))
        given_text = text.encode() if kind is bytes else text
        size = len(text.encode())
        gc.collect()
        tracemalloc.start()
        try:
            start, _ = tracemalloc.get_traced_memory()
            loaded = dm.from_json(given_text, dm.Dossier)
            kept, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert len(loaded.meetings) == 2501
        assert peak - start < (kept - start) + 0.5 * size, (peak - start, kept - start)


class TestShapes:
    @pytest.mark.parametrize(
        ("text", "streams"),
        [
            (b'{\n  "a": 1,\n  "t": [\n    {\n      "b": 2\n    }\n  ]\n}\n', True),
            (b'{\n  "a": 1,\n  "t": []\n}\n', True),
            (b'{\n  "n": {\n    "b": 2\n  },\n  "l": [\n    1\n  ]\n}\n', True),
            (b'{"a":1}\n', False),
            (b'{\n  "a": 1,\n  "a": 2\n}\n', False),
            (b'{\n  "t": [\n    {},\n    {\n      "b": 2\n    }\n  ]\n}\n', False),
            (b'{\n  "a": 1\n}', True),
            (b'{\n  "a": 1\n}\n\n', False),
            (b'{\n  "t": [\n    {\n      "b": 2\n    }\n  ],\n}\n', False),
        ],
    )
    def test_which_texts_stream(self, tmp_path, text, streams):
        """Only the shape save writes streams, and it reads to the value of the whole text."""
        path = tmp_path / "x.json"
        path.write_bytes(text)
        with path.open("rb") as stream:
            try:
                found = {
                    k: list(v) if isinstance(v, _jsonstream.Records) else v
                    for k, v in _jsonstream.members(stream, {"t"})
                }
            except _jsonstream.Unproved:
                found = None
        assert (found is not None) == streams
        if streams:
            assert found == parse_json(text)
