"""A dossier's JSON Lines directory: Dossier.save and Dossier.load on a directory."""

import json
import os
import sys

import attrs
import pytest

import diplomodel as dm
from diplomodel import dossier as dossier_module
from tests.test_files import no_hang

EXAMPLE = dm.load_example()
TABLE_FILES = sorted(f"{name}.jsonl" for name in dossier_module.TABLES)


class TestSaveAndLoad:
    def test_round_trip(self, tmp_path):
        """format="jsonl" writes the header and one file per table; load reads it back equal."""
        EXAMPLE.save(tmp_path / "d", format="jsonl")
        names = sorted(p.name for p in (tmp_path / "d").iterdir())
        assert names == sorted(["dossier.json", *TABLE_FILES])
        assert dm.Dossier.load(tmp_path / "d") == EXAMPLE
        header = json.loads((tmp_path / "d" / "dossier.json").read_text(encoding="utf-8"))
        assert header == {
            "diplomodel": dm.FORMAT_VERSION,
            "kind": "dossier",
            "id": EXAMPLE.id,
            "title": EXAMPLE.title,
        }
        lines = (tmp_path / "d" / "people.jsonl").read_text(encoding="utf-8").splitlines()
        assert [json.loads(line)["id"] for line in lines] == [p.id for p in EXAMPLE.people]

    def test_format_from_the_path(self, tmp_path):
        """A trailing separator or an existing directory means JSON Lines; else a JSON file."""
        EXAMPLE.save(f"{tmp_path / 'new'}{os.sep}")
        assert (tmp_path / "new" / "dossier.json").is_file()
        (tmp_path / "existing").mkdir()
        EXAMPLE.save(tmp_path / "existing")
        assert (tmp_path / "existing" / "meetings.jsonl").is_file()
        EXAMPLE.save(tmp_path / "file")
        assert (tmp_path / "file").is_file()
        assert dm.Dossier.load(tmp_path / "file") == dm.Dossier.load(tmp_path / "existing")

    def test_explicit_json_format(self, tmp_path):
        """format="json" writes a file even for a name ending like a directory would not."""
        EXAMPLE.save(tmp_path / "plain", format="json")
        assert (tmp_path / "plain").is_file()
        with pytest.raises(ValueError, match="format must be 'json' or 'jsonl'"):
            EXAMPLE.save(tmp_path / "x", format="yaml")

    def test_missing_table_is_empty_and_others_are_ignored(self, tmp_path):
        """A missing table file is an empty table; files that are not tables are ignored."""
        EXAMPLE.save(tmp_path, format="jsonl")
        (tmp_path / "statements.jsonl").unlink()
        (tmp_path / "README.txt").write_text("notes", encoding="utf-8")
        assert dm.Dossier.load(tmp_path) == attrs.evolve(EXAMPLE, statements=())

    def test_saving_again_replaces_every_table(self, tmp_path):
        """Saving a smaller dossier over a directory leaves no stale records behind."""
        EXAMPLE.save(tmp_path, format="jsonl")
        smaller = dm.Dossier(id="small", title="Small", people=EXAMPLE.people[:1])
        smaller.save(tmp_path)
        assert dm.Dossier.load(tmp_path) == smaller
        assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def _break(directory, table, line, text):
    path = directory / f"{table}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = text
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


class TestProblems:
    def test_every_bad_line_with_its_line_and_place(self, tmp_path):
        """Each bad line is a problem with its line and its entity's path in the dossier."""
        EXAMPLE.save(tmp_path, format="jsonl")
        meeting = json.loads((tmp_path / "meetings.jsonl").read_text(encoding="utf-8"))
        meeting["participants"][0]["role"] = "king"
        path = tmp_path / "meetings.jsonl"
        path.write_text("\n\n" + json.dumps(meeting) + "\n", encoding="utf-8")
        with pytest.raises(dm.DataError) as caught:
            dm.Dossier.load(tmp_path)
        (problem,) = caught.value.problems
        assert problem.line == 3
        assert problem.path == "$.meetings[0].participants[0].role"
        assert caught.value.source == str(path)

    def test_problems_of_several_files(self, tmp_path):
        """Problems in several files are reported together; the source is the directory."""
        EXAMPLE.save(tmp_path, format="jsonl")
        _break(tmp_path, "people", 2, '{"id": "Bad Id", "name": "X"}')
        _break(tmp_path, "people", 4, "not json")
        _break(tmp_path, "documents", 1, '{"id": "d"}')
        with pytest.raises(dm.DataError) as caught:
            dm.Dossier.load(tmp_path)
        error = caught.value
        assert error.source == str(tmp_path)
        placed = [(p.line, p.path) for p in error.problems]
        assert (2, "$.people[1].id") in placed
        assert (4, "$.people[3]") in placed
        assert {p.path.split("[")[0] for p in error.problems} == {"$.people", "$.documents"}
        assert all(p.line == 1 for p in error.problems if p.path.startswith("$.documents"))

    def test_duplicate_ids_as_in_the_json_form(self, tmp_path):
        """Two entities of a table with one id are refused, as the JSON form refuses them."""
        EXAMPLE.save(tmp_path, format="jsonl")
        first = (tmp_path / "people.jsonl").read_text(encoding="utf-8").splitlines()[0]
        with (tmp_path / "people.jsonl").open("a", encoding="utf-8") as stream:
            stream.write(first + "\n")
        with pytest.raises(dm.DataError) as caught:
            dm.Dossier.load(tmp_path)
        (problem,) = caught.value.problems
        assert (problem.line, problem.path) == (5, "$.people[4].id")
        assert problem.message == "duplicate id 'li-qiang': already used at index 0"
        data = EXAMPLE.to_file_dict()
        data["people"].append(data["people"][0])
        with pytest.raises(dm.DataError) as json_form:
            dm.Dossier.from_file_dict(data)
        assert [(p.path, p.message) for p in json_form.value.problems] == [
            (problem.path, problem.message)
        ]

    def test_header_without_entities(self, tmp_path):
        """Entities in the header file are a problem: they belong in the table files."""
        EXAMPLE.save(tmp_path, format="jsonl")
        EXAMPLE.save(tmp_path / "dossier.json")
        with pytest.raises(dm.DataError, match=r"dossier\.json holds no entities") as caught:
            dm.Dossier.load(tmp_path)
        assert "$.people" in [p.path for p in caught.value.problems]

    def test_directory_without_header(self, tmp_path):
        """A directory without dossier.json is not a dossier."""
        (tmp_path / "people.jsonl").write_text("", encoding="utf-8")
        with pytest.raises(dm.DataError, match="not a dossier directory"):
            dm.Dossier.load(tmp_path)

    @pytest.mark.skipif(sys.platform == "win32", reason="FIFOs")
    def test_fifo_table_is_refused(self, tmp_path):
        """A table file that is a FIFO is a problem, not a reader waiting forever."""
        EXAMPLE.save(tmp_path, format="jsonl")
        (tmp_path / "offices.jsonl").unlink()
        os.mkfifo(tmp_path / "offices.jsonl")
        with no_hang(), pytest.raises(dm.DataError, match="a FIFO") as caught:
            dm.Dossier.load(tmp_path)
        assert caught.value.problems[0].path == "$.offices"


class TestNames:
    def test_series_by_id_and_its_old_name(self):
        """series_by_id is the id lookup of a series; meeting_series still works."""
        series_id = "cn-ru-heads-of-government"
        assert EXAMPLE.series_by_id(series_id) is EXAMPLE.meeting_series(series_id)
        assert EXAMPLE.series_by_id(series_id).id == series_id
        assert EXAMPLE.series_meetings(series_id)[0].ordinal == 29

    def test_tables_are_public(self):
        """The tables and their classes are a public constant of the dossier module."""
        assert dossier_module.TABLES["meetings"] is dm.Meeting
        assert list(dossier_module.TABLES) == [
            f.name for f in attrs.fields(dm.Dossier) if f.init and f.name not in ("id", "title")
        ]
