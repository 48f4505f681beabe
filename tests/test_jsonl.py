"""JSON Lines: streaming writes and reads, line-numbered errors, collect mode."""

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel import testing
from tests.profiles import examples

EXAMPLE = dm.load_example()


class TestWrite:
    def test_one_compact_object_per_line(self, tmp_path):
        """Each record is one line of compact JSON."""
        path = tmp_path / "people.jsonl"
        assert dm.write_jsonl(path, EXAMPLE.people) == len(EXAMPLE.people)
        lines = path.read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(EXAMPLE.people)
        assert json.loads(lines[0]) == dm.to_dict(EXAMPLE.people[0])
        assert ", " not in lines[0]
        assert "李强" in lines[0]

    def test_stream_destination(self):
        """An open text stream is written to directly."""
        out = io.StringIO()
        dm.write_jsonl(out, EXAMPLE.documents)
        assert out.getvalue().count("\n") == len(EXAMPLE.documents)
        assert '"type":"communique"' in out.getvalue()

    def test_generator_is_consumed_lazily(self):
        """Records are written as the generator yields them."""
        seen = []

        def records():
            for person in EXAMPLE.people:
                seen.append(person.id)
                yield person

        out = io.StringIO()
        assert dm.write_jsonl(out, records()) == 4
        assert len(seen) == 4

    def test_failed_write_keeps_old_file(self, tmp_path):
        """Writing to a path is atomic: an error midway leaves the old file."""
        path = tmp_path / "d.jsonl"
        dm.write_jsonl(path, EXAMPLE.people)
        before = path.read_bytes()

        def broken():
            yield EXAMPLE.people[0]
            raise RuntimeError("source failed")

        with pytest.raises(RuntimeError, match="source failed"):
            dm.write_jsonl(path, broken())
        assert path.read_bytes() == before
        assert [p.name for p in tmp_path.iterdir()] == ["d.jsonl"]


class TestRead:
    def test_round_trip(self, tmp_path):
        """What write_jsonl writes, iter_jsonl reads back equal."""
        path = tmp_path / "documents.jsonl"
        dm.write_jsonl(path, EXAMPLE.documents)
        assert tuple(dm.iter_jsonl(path, dm.Document)) == EXAMPLE.documents

    @settings(max_examples=examples(15))
    @given(st.lists(testing.meetings(), max_size=5))
    def test_generated_round_trip(self, meetings):
        """Any list of valid meetings survives JSON Lines."""
        out = io.StringIO()
        dm.write_jsonl(out, meetings)
        assert list(dm.iter_jsonl(io.StringIO(out.getvalue()), dm.Meeting)) == meetings

    def test_binary_stream_and_blank_lines(self):
        """A binary stream is read as UTF-8; blank lines are skipped."""
        text = "\n".join(dm.to_json(p, indent=None) for p in EXAMPLE.people)
        raw = ("\n\n" + text.replace("\n", "\n   \n") + "\n").encode()
        assert tuple(dm.iter_jsonl(io.BytesIO(raw), dm.Person)) == EXAMPLE.people

    def test_is_lazy(self):
        """Nothing is read before iteration asks for it."""
        lines = [dm.to_json(p, indent=None) + "\n" for p in EXAMPLE.people]
        consumed = []

        def source():
            for line in lines:
                consumed.append(line)
                yield line

        reader = dm.iter_jsonl(source(), dm.Person)  # type: ignore[arg-type]
        assert consumed == []
        next(reader)
        assert len(consumed) == 1
        assert reader.line == 1

    def test_error_names_line_and_path(self):
        """The first bad line raises, naming its line and the path inside the record."""
        good = dm.to_json(EXAMPLE.people[0], indent=None)
        bad = json.dumps({"id": "x", "name": "X", "names": {"ru": 5}})
        reader = dm.iter_jsonl(io.StringIO(f"{good}\n\n{bad}\n{good}\n"), dm.Person)
        assert next(reader) == EXAMPLE.people[0]
        with pytest.raises(dm.DataError) as info:
            next(reader)
        (problem,) = info.value.problems
        assert (problem.line, problem.path) == (3, "$.names['ru']")
        assert "line 3: $.names['ru']: expected a string" in str(info.value)

    def test_collect_mode_loads_every_good_line(self):
        """errors='collect' yields the good records and reports the bad ones together."""
        people = [dm.to_json(p, indent=None) for p in EXAMPLE.people]
        lines = [people[0], "{not json", people[1], '{"id": "y"}', people[2], "[]", people[3]]
        reader = dm.iter_jsonl(io.StringIO("\n".join(lines)), dm.Person, errors="collect")
        assert tuple(reader) == EXAMPLE.people
        assert [(p.line, p.path) for p in reader.problems] == [
            (2, "$"),
            (4, "$.name"),
            (6, "$"),
        ]
        error = reader.error()
        assert isinstance(error, dm.DataError)
        assert len(error.problems) == 3

    def test_collect_mode_without_problems(self):
        """error() is None when every line was good."""
        reader = dm.iter_jsonl(
            io.StringIO(dm.to_json(EXAMPLE.people[0], indent=None)), dm.Person, errors="collect"
        )
        assert len(list(reader)) == 1
        assert reader.error() is None

    def test_invalid_utf8_line(self):
        """A line that is not UTF-8 is a problem of that line."""
        good = dm.to_json(EXAMPLE.people[0], indent=None).encode()
        raw = good + b"\n\xff\xfe\n" + good + b"\n"
        reader = dm.iter_jsonl(io.BytesIO(raw), dm.Person, errors="collect")
        assert len(list(reader)) == 2
        assert reader.problems[0].line == 2
        assert "UTF-8" in reader.problems[0].message

    def test_lenient_mode(self):
        """strict=False ignores unknown keys, line by line."""
        data = dm.to_dict(EXAMPLE.people[0]) | {"wikidata": "Q123"}
        (person,) = dm.iter_jsonl(io.StringIO(json.dumps(data)), dm.Person, strict=False)
        assert person == EXAMPLE.people[0]

    def test_missing_file(self, tmp_path):
        """A missing file is a DataError naming it."""
        with pytest.raises(dm.DataError, match="cannot read file"):
            dm.iter_jsonl(tmp_path / "absent.jsonl", dm.Person)

    def test_reader_closes_its_file(self, tmp_path):
        """A reader closes the file it opened, when exhausted or leaving a with block."""
        path = tmp_path / "p.jsonl"
        dm.write_jsonl(path, EXAMPLE.people)
        reader = dm.iter_jsonl(path, dm.Person)
        list(reader)
        assert reader._stream.closed
        with dm.iter_jsonl(path, dm.Person) as early:
            next(early)
        assert early._stream.closed

    def test_bad_errors_argument(self):
        """errors must be 'raise' or 'collect'."""
        with pytest.raises(ValueError, match="errors must be"):
            dm.iter_jsonl(io.StringIO(""), dm.Person, errors="ignore")  # type: ignore[arg-type]


class TestCollectIsBounded:
    def test_problems_past_the_cap_are_counted(self):
        """With errors="collect", 1 500 bad lines keep 1 000 problems and count the rest."""
        lines = io.StringIO('{"year": "x"}\n' * 1500)
        reader = dm.JsonlReader(lines, dm.PartialDate, errors="collect")
        assert list(reader) == []
        assert len(reader.problems) == dm.MAX_PROBLEMS
        error = reader.error()
        assert error is not None
        assert error.total == 1500
        assert "500 more problems" in str(error)
