"""Parquet datasets of a dossier: layout, streaming, versions, and strict reading."""

import json
import tempfile

import attrs
import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from hypothesis import given, settings  # noqa: E402 - after the skip

import diplomodel as dm  # noqa: E402
from diplomodel import testing  # noqa: E402
from diplomodel.arrow import _parquet, iter_parquet, read_parquet, schema_of, write_parquet  # noqa: E402
from diplomodel.model._fields import TABLES  # noqa: E402
from tests.profiles import examples  # noqa: E402

EXAMPLE = dm.load_example()


@pytest.fixture
def dataset(tmp_path):
    """The example, written as a Parquet dataset."""
    target = tmp_path / "example"
    write_parquet(EXAMPLE, target)
    return target


def _paths(error):
    return [problem.path for problem in error.value.problems]


def _rewrite(path, change):
    """Rewrite one Parquet file with its rows changed by `change(rows)`, keeping its schema."""
    table = pq.read_table(path)
    rows = table.to_pylist(maps_as_pydicts="strict")
    change(rows)
    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), path)


class TestLayout:
    def test_tables_and_manifest(self, dataset):
        """One directory per table and a manifest naming format, version, tables and the dossier."""
        manifest = json.loads((dataset / "_diplomodel.json").read_text("utf-8"))
        assert manifest["format"] == "diplomodel-parquet"
        assert manifest["version"] == dm.FORMAT_VERSION
        assert manifest["tables"] == list(TABLES)
        assert manifest["id"] == EXAMPLE.id
        assert manifest["title"] == EXAMPLE.title
        assert manifest["rows"]["meetings"] == len(EXAMPLE.meetings)
        assert manifest["partitioned_by"]["meetings"] == "start"
        assert {p.name for p in dataset.iterdir()} == {"_diplomodel.json", *TABLES}

    def test_meetings_are_partitioned_by_year(self, dataset):
        """Dated tables are Hive-partitioned by year; undated rows go to the null partition."""
        assert (dataset / "meetings" / "year=2024" / "part-0.parquet").is_file()
        assert (dataset / "people" / "part-0.parquet").is_file()
        undated = [d for d in EXAMPLE.documents if d.signed is None]
        assert undated
        null = dataset / "documents" / "year=__HIVE_DEFAULT_PARTITION__" / "part-0.parquet"
        assert pq.read_table(null).num_rows == len(undated)

    def test_every_file_carries_the_version(self, dataset):
        """Each file's schema metadata holds the format version; the year is not stored twice."""
        files = list(dataset.rglob("*.parquet"))
        assert len(files) >= len(TABLES)
        for path in files:
            schema = pq.read_schema(path)
            assert schema.metadata[b"diplomodel"] == dm.FORMAT_VERSION.encode(), path
            assert "year" not in schema.names

    def test_empty_tables_keep_a_schema(self, dataset):
        """An empty table is one empty file with its schema."""
        assert not EXAMPLE.claims
        (path,) = (dataset / "claims").rglob("*.parquet")
        table = pq.read_table(path)
        assert table.num_rows == 0
        assert set(schema_of(dm.Claim).names) <= set(table.schema.names)

    def test_writing_again_replaces_the_tables(self, dataset):
        """A second write replaces what the first wrote, table by table."""
        smaller = dm.Dossier(id="x", title="X", people=EXAMPLE.people[:1])
        write_parquet(smaller, dataset)
        assert read_parquet(dataset) == smaller
        assert not list((dataset / "meetings").glob("year=2024"))


class TestRoundTrip:
    def test_example(self, dataset):
        """The example dossier comes back equal."""
        assert read_parquet(dataset) == EXAMPLE

    def test_every_example(self, tmp_path):
        """Every bundled example comes back equal."""
        for name in ("brics-2023", "sco-2023", "eu-china-2023", "g20-2023"):
            dossier = dm.load_example(name)
            write_parquet(dossier, tmp_path / name)
            assert read_parquet(tmp_path / name) == dossier, name

    def test_order_is_kept_across_partitions(self, tmp_path):
        """Rows come back in the dossier's order, though partitions group them by year."""
        meeting = EXAMPLE.meetings[0]
        years = [2024, 1999, 2000, 2024, 1999]
        meetings = tuple(
            attrs.evolve(meeting, id=f"m{i}", start=dm.PartialDate(year=year), end=None)
            for i, year in enumerate(years)
        )
        dossier = dm.Dossier(id="d", title="D", meetings=meetings)
        write_parquet(dossier, tmp_path / "d")
        assert read_parquet(tmp_path / "d").meetings == meetings

    @settings(max_examples=examples(15))
    @given(testing.dossiers())
    def test_generated_dossiers(self, dossier):
        """read_parquet(write_parquet(d)) == d for generated dossiers."""
        with tempfile.TemporaryDirectory() as target:
            write_parquet(dossier, target)
            assert read_parquet(target) == dossier


class TestStreaming:
    def test_iter_parquet_yields_batches(self, tmp_path):
        """Records come a batch at a time, and the files hold one row group per batch."""
        people = tuple(dm.Person(id=f"p{i}", name=f"Person {i}") for i in range(25))
        dossier = dm.Dossier(id="d", title="D", people=people)
        _parquet.write_parquet(dossier, tmp_path, batch_rows=10)
        assert pq.ParquetFile(tmp_path / "people" / "part-0.parquet").num_row_groups == 3
        batches = list(_parquet.iter_parquet(tmp_path, "people", batch_rows=10))
        assert [len(b) for b in batches] == [10, 10, 5]
        assert sum(batches, ()) == people

    def test_iter_parquet_public(self, dataset):
        """The public iterator reads a table of the dataset."""
        assert sum(iter_parquet(dataset, "documents"), ()) == tuple(
            sorted(EXAMPLE.documents, key=lambda d: d.signed is None)
        )

    def test_partitions_come_in_order_of_year(self, tmp_path):
        """iter_parquet reads partitions by year as numbers (999 before 1999), undated last."""
        document = EXAMPLE.documents[0]
        years = [2024, None, 999, 1999]
        documents = tuple(
            attrs.evolve(
                document, id=f"d{i}", signed=None if year is None else dm.PartialDate(year=year)
            )
            for i, year in enumerate(years)
        )
        write_parquet(dm.Dossier(id="d", title="D", documents=documents), tmp_path)
        read = sum(_parquet.iter_parquet(tmp_path, "documents", batch_rows=1), ())
        assert [d.id for d in read] == ["d2", "d3", "d0", "d1"]
        assert read_parquet(tmp_path).documents == documents

    def test_unknown_table(self, dataset):
        """A table name that is not one of the dossier's is refused."""
        with pytest.raises(dm.InvalidArgumentError, match="no table 'meeting'"):
            list(iter_parquet(dataset, "meeting"))


class TestBadInput:
    def test_not_a_dataset(self, tmp_path):
        """A directory without a manifest is refused."""
        with pytest.raises(dm.DataError, match="not a diplomodel Parquet dataset"):
            read_parquet(tmp_path)

    def test_newer_version_in_the_manifest(self, dataset):
        """A dataset of a newer major version is refused, naming the version."""
        path = dataset / "_diplomodel.json"
        manifest = json.loads(path.read_text("utf-8"))
        path.write_text(json.dumps({**manifest, "version": "3.0"}), "utf-8")
        with pytest.raises(dm.DataError, match=r"format version 3\.0 is newer"):
            read_parquet(dataset)

    def test_newer_version_in_a_file(self, dataset):
        """A file of a newer major version is refused, naming the file and table."""
        path = dataset / "people" / "part-0.parquet"
        table = pq.read_table(path)
        metadata = {**table.schema.metadata, b"diplomodel": b"3.1"}
        pq.write_table(table.replace_schema_metadata(metadata), path)
        with pytest.raises(dm.DataError) as error:
            read_parquet(dataset)
        assert _paths(error) == ["$.people[*]"]
        assert "format version 3.1 is newer" in str(error.value)

    def test_foreign_file(self, dataset):
        """A Parquet file of another schema and no version is refused."""
        path = dataset / "people" / "part-0.parquet"
        pq.write_table(pa.table({"x": [1]}), path)
        with pytest.raises(dm.DataError, match="no diplomodel format version"):
            read_parquet(dataset)

    def test_foreign_columns(self, dataset):
        """A file with the version but foreign, missing and mistyped columns names each column."""
        path = dataset / "people" / "part-0.parquet"
        metadata = pq.read_schema(path).metadata
        table = pa.table({"id": ["x"], "name": [1], "colour": ["red"]})
        pq.write_table(table.replace_schema_metadata(metadata), path)
        with pytest.raises(dm.DataError) as error:
            read_parquet(dataset)
        assert sorted(_paths(error)) == ["$.people[*].colour", "$.people[*].name"]

    def test_missing_column(self, dataset):
        """A required column that a file lacks is named."""
        path = dataset / "offices" / "part-0.parquet"
        table = pq.read_table(path)
        pq.write_table(table.drop_columns(["kind"]), path)
        with pytest.raises(dm.DataError, match=r"\$\.offices\[\*\]\.kind: required column missing"):
            read_parquet(dataset)

    def test_bad_row_names_row_and_column(self, tmp_path):
        """A bad value in a partitioned table is named by its row in the dossier, not the file."""
        meetings = tuple(
            attrs.evolve(EXAMPLE.meetings[0], id=f"m{i}", start=dm.PartialDate(year=year), end=None)
            for i, year in enumerate([2024, 1999, 2024])
        )
        write_parquet(dm.Dossier(id="d", title="D", meetings=meetings), tmp_path)

        def change(rows):
            rows[0]["participants"][1]["person"] = "Not An Id"

        _rewrite(tmp_path / "meetings" / "year=2024" / "part-0.parquet", change)
        with pytest.raises(dm.DataError) as error:
            read_parquet(tmp_path)
        assert _paths(error) == ["$.meetings[0].participants[1].person"]
        assert error.value.source == str(tmp_path)
        _rewrite(tmp_path / "meetings" / "year=1999" / "part-0.parquet", change)
        with pytest.raises(dm.DataError) as error:
            read_parquet(tmp_path)
        assert _paths(error) == [
            "$.meetings[1].participants[1].person",
            "$.meetings[0].participants[1].person",
        ]

    def test_stale_files_are_removed(self, tmp_path):
        """Writing again removes partitions and files the new dossier does not have."""
        write_parquet(EXAMPLE, tmp_path)
        stray = tmp_path / "people" / "part-7.parquet"
        stray.write_bytes((tmp_path / "people" / "part-0.parquet").read_bytes())
        later = attrs.evolve(EXAMPLE.meetings[0], start=dm.PartialDate(year=2025), end=None)
        write_parquet(attrs.evolve(EXAMPLE, meetings=(later,)), tmp_path)
        assert not stray.exists()
        assert [p.name for p in (tmp_path / "meetings").iterdir()] == ["year=2025"]
        assert read_parquet(tmp_path).meetings == (later,)

    def test_every_problem_of_every_table(self, dataset):
        """Problems in two tables are reported together; nothing half-loads."""
        _rewrite(
            dataset / "people" / "part-0.parquet",
            lambda rows: rows[3].update(name=""),
        )
        _rewrite(
            dataset / "offices" / "part-0.parquet",
            lambda rows: rows[1].update(kind="king"),
        )
        with pytest.raises(dm.DataError) as error:
            read_parquet(dataset)
        assert _paths(error) == ["$.people[3].name", "$.offices[1].kind"]

    def test_duplicate_ids(self, dataset):
        """Two rows of a table with one id are refused, as the JSON form refuses them."""
        _rewrite(
            dataset / "people" / "part-0.parquet",
            lambda rows: rows[2].update(id=rows[0]["id"]),
        )
        with pytest.raises(dm.DataError, match=r"\$\.people\[2\]\.id: duplicate id"):
            read_parquet(dataset)

    def test_bad_index(self, dataset):
        """An _index that is not each row's position is refused."""
        (path,) = (dataset / "meetings").rglob("*.parquet")
        _rewrite(path, lambda rows: rows[0].update(_index=7))
        with pytest.raises(dm.DataError, match="_index"):
            read_parquet(dataset)

    def test_not_parquet(self, dataset):
        """A file that is not Parquet is named."""
        (dataset / "people" / "part-0.parquet").write_bytes(b"not parquet")
        with pytest.raises(dm.DataError, match="not a readable Parquet file"):
            read_parquet(dataset)

    def test_write_checks_its_arguments(self, tmp_path):
        """Only a dossier is written."""
        with pytest.raises(dm.InvalidArgumentError):
            write_parquet(EXAMPLE.meetings, tmp_path)
