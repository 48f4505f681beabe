"""Arrow schemas and tables: derived from the fields, lossless, strict on the way in."""

import subprocess
import sys

import pytest

pa = pytest.importorskip("pyarrow")

from hypothesis import given, settings  # noqa: E402 - after the skip
from hypothesis import strategies as st  # noqa: E402

import diplomodel as dm  # noqa: E402
from diplomodel import testing  # noqa: E402
from diplomodel.arrow import from_arrow, schema_of, to_arrow  # noqa: E402
from diplomodel.model._fields import TABLES, fields_of  # noqa: E402
from tests.profiles import examples  # noqa: E402

EXAMPLE = dm.load_example()


def _rows(records):
    return to_arrow(records).to_pylist()


def _table(rows, cls):
    return pa.Table.from_pylist(rows, schema=schema_of(cls))


def _paths(error):
    return [problem.path for problem in error.value.problems]


class TestLazyImport:
    def test_import_diplomodel_imports_no_pyarrow(self):
        """`import diplomodel` loads neither pyarrow nor duckdb; the names are still there."""
        code = (
            "import sys, diplomodel; "
            "assert diplomodel.to_arrow and diplomodel.read_parquet; "
            "print(sorted(m for m in ('pyarrow', 'duckdb') if m in sys.modules))"
        )
        out = subprocess.run(  # noqa: S603 - our own interpreter on our own code
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "[]"

    def test_missing_pyarrow_names_the_extra(self):
        """Without pyarrow, calling a function says which extra to install."""
        code = (
            "import sys; sys.modules['pyarrow'] = None\n"
            "import diplomodel\n"
            "try:\n"
            "    diplomodel.schema_of(diplomodel.Person)\n"
            "except ImportError as exc:\n"
            "    print(exc)\n"
        )
        out = subprocess.run(  # noqa: S603 - our own interpreter on our own code
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert "diplomodel[arrow]" in out.stdout


class TestSchema:
    @pytest.mark.parametrize("name", list(TABLES))
    def test_every_table_has_a_schema_of_its_fields(self, name):
        """A table's columns are its class's fields, nullable where None is allowed."""
        cls = TABLES[name]
        schema = schema_of(cls)
        if cls is dm.Document:
            assert schema.names[0] == "type"
            return
        specs = [spec for spec in fields_of(cls) if spec.attribute.init]
        assert schema.names == [spec.name for spec in specs]
        for spec in specs:
            assert schema.field(spec.name).nullable == spec.optional, spec.name

    def test_types_follow_the_contract(self):
        """Dates are structs, actors and enums strings, tuples lists, names maps."""
        schema = schema_of(dm.Meeting)
        date = schema.field("start").type
        assert [date.field(i).name for i in range(3)] == ["year", "month", "day"]
        assert date.field("year").type == pa.int16()
        assert date.field("month").type == pa.int8()
        assert schema.field("host").type == pa.string()
        assert schema.field("kind").type == pa.string()
        assert schema.field("ordinal").type == pa.int64()
        assert schema.field("on_sidelines").type == pa.bool_()
        participants = schema.field("participants").type
        assert pa.types.is_list(participants)
        assert pa.types.is_struct(participants.value_type)
        assert pa.types.is_map(schema_of(dm.Person).field("names").type)

    def test_documents_are_one_table_of_every_kind(self):
        """The document table holds every kind's fields; one kind's own are nullable."""
        schema = schema_of(dm.Document)
        assert schema_of(dm.Communique) == schema_of(dm.CooperationAgreement) == schema
        for kind in dm.DOCUMENT_TAGS:
            for spec in fields_of(kind):
                assert spec.name in schema.names
        assert schema.field("form").nullable

    def test_metadata_holds_the_format_version(self):
        """The schema metadata names the file-format version and the class."""
        metadata = schema_of(dm.Meeting).metadata
        assert metadata[b"diplomodel"] == dm.FORMAT_VERSION.encode()
        assert metadata[b"diplomodel.class"] == b"Meeting"

    def test_not_a_model_class(self):
        """A class the model does not know has no schema."""
        with pytest.raises(dm.ArgumentTypeError):
            schema_of(int)


class TestRoundTrip:
    def test_example_tables(self):
        """Every table of the example comes back equal."""
        for name, cls in TABLES.items():
            records = getattr(EXAMPLE, name)
            assert from_arrow(to_arrow(records, cls), cls) == records, name

    @pytest.mark.parametrize("name", list(TABLES))
    def test_generated_records(self, name):
        """from_arrow(to_arrow(records)) == records for generated records of every table."""
        cls = TABLES[name]

        @settings(max_examples=examples(40))
        @given(st.lists(testing.from_class(cls), max_size=4, unique_by=lambda r: r.id))
        def check(records):
            records = tuple(records)
            assert from_arrow(to_arrow(records, cls), cls) == records

        check()

    def test_partial_dates_keep_their_precision(self):
        """A year, a month and a day come back as the same partial dates."""
        dates = [dm.PartialDate.parse(text) for text in ("1996", "2024-08", "2024-08-21")]
        years = [
            dm.ThematicYear(
                id=f"y{i}",
                title="Year",
                parties=EXAMPLE.thematic_years[0].parties,
                start=date,
                end=date,
            )
            for i, date in enumerate(dates)
        ]
        table = to_arrow(years)
        assert table.column("start").to_pylist() == [
            {"year": 1996, "month": None, "day": None},
            {"year": 2024, "month": 8, "day": None},
            {"year": 2024, "month": 8, "day": 21},
        ]
        assert [y.start for y in from_arrow(table, dm.ThematicYear)] == dates

    def test_actors_are_keys(self):
        """States, organisations and bodies are written as their keys, and read back."""
        body = dm.Body(
            id="cn-moe",
            name="Ministry of Education",
            kind=dm.BodyKind.MINISTRY,
            belongs_to=dm.states.get("CN"),
        )
        office = dm.Office(
            id="minister", title="Minister", kind=dm.OfficeKind.MINISTER, state=body.id
        )
        offices = (*dm.load_example("eu-china-2023").offices, office)
        states = [row["state"] for row in _rows(offices)]
        assert "CN" in states
        assert "org:EU" in states
        assert states[-1] == "body:cn-moe"
        assert from_arrow(to_arrow(offices), dm.Office) == offices

    def test_empty_needs_a_class(self):
        """No records make an empty table of the class given; without one, an error."""
        assert to_arrow([], dm.Meeting).schema == schema_of(dm.Meeting)
        with pytest.raises(dm.InvalidArgumentError):
            to_arrow([])

    def test_one_class_a_table(self):
        """Records of two classes cannot share a table."""
        with pytest.raises(dm.ArgumentTypeError, match="record 1 is a Meeting"):
            to_arrow([EXAMPLE.people[0], EXAMPLE.meetings[0]])

    def test_record_batch_and_streams(self):
        """A record batch, a batch reader and any Arrow stream source are read too."""
        table = to_arrow(EXAMPLE.people)
        batch = table.to_batches()[0]
        assert from_arrow(batch, dm.Person) == EXAMPLE.people
        reader = pa.RecordBatchReader.from_batches(table.schema, table.to_batches())
        assert from_arrow(reader, dm.Person) == EXAMPLE.people
        with pytest.raises(dm.DataError, match="expected an Arrow table"):
            from_arrow([{"id": "x"}], dm.Person)


class TestBadInput:
    def test_bad_value_names_row_and_column(self):
        """A bad value deep in a row is named by its row and column path; nothing is returned."""
        meetings = (EXAMPLE.meetings[0], EXAMPLE.meetings[0])
        rows = _rows(meetings)
        rows[1]["id"] = "other"
        rows[1]["participants"][1]["person"] = "Not An Id"
        rows[1]["kind"] = "picnic"
        with pytest.raises(dm.DataError) as error:
            from_arrow(_table(rows, dm.Meeting), dm.Meeting)
        assert sorted(_paths(error)) == [
            "$.meetings[1].kind",
            "$.meetings[1].participants[1].person",
        ]

    def test_bad_date_parts(self):
        """A month of 13 is refused at the date's path."""
        rows = _rows(EXAMPLE.meetings)
        rows[0]["start"] = {"year": 2024, "month": 13, "day": None}
        with pytest.raises(dm.DataError) as error:
            from_arrow(_table(rows, dm.Meeting), dm.Meeting)
        assert _paths(error) == ["$.meetings[0].start"]

    def test_null_in_a_required_column(self):
        """A null where the model needs a value is a problem at that cell."""
        rows = _rows(EXAMPLE.people)
        rows[2]["name"] = None
        with pytest.raises(dm.DataError) as error:
            from_arrow(_table(rows, dm.Person), dm.Person)
        assert _paths(error) == ["$.people[2].name"]

    def test_unknown_and_missing_columns(self):
        """A foreign column and a missing required column are both named."""
        table = pa.table({"id": ["x"], "nickname": ["X"]})
        with pytest.raises(dm.DataError) as error:
            from_arrow(table, dm.Person)
        assert sorted(_paths(error)) == ["$.people[*].name", "$.people[*].nickname"]
        assert "required column missing" in str(error.value)

    def test_wrong_column_type(self):
        """A column of the wrong type is refused, naming it and both types."""
        table = pa.table({"id": ["x"], "name": [1]})
        with pytest.raises(dm.DataError, match=r"\$\.people\[\*\]\.name: column has type int64"):
            from_arrow(table, dm.Person)

    def test_narrower_types_are_cast(self):
        """Integers of another width and dictionary-encoded text read as the schema's types."""
        table = to_arrow(EXAMPLE.meetings)
        ordinal = table.column("ordinal").cast(pa.int32())
        kind = table.column("kind").dictionary_encode()
        table = table.set_column(table.schema.get_field_index("ordinal"), "ordinal", ordinal)
        table = table.set_column(table.schema.get_field_index("kind"), "kind", kind)
        assert from_arrow(table, dm.Meeting) == EXAMPLE.meetings

    def test_out_of_range_cast(self):
        """A value that does not fit the schema's integer is refused, naming the column."""
        table = to_arrow(EXAMPLE.thematic_years)
        rows = table.to_pylist()
        schema = table.schema
        wide = pa.struct([("year", pa.int64()), ("month", pa.int8()), ("day", pa.int8())])
        schema = schema.set(schema.get_field_index("start"), pa.field("start", wide))
        rows[0]["start"]["year"] = 10**6
        with pytest.raises(dm.DataError, match=r"\$\.thematic_years\[\*\]\.start"):
            from_arrow(pa.Table.from_pylist(rows, schema=schema), dm.ThematicYear)

    def test_documents_of_another_kind(self):
        """Reading documents as one kind refuses a row of another kind."""
        table = to_arrow(EXAMPLE.documents)
        with pytest.raises(dm.DataError, match="expected a Communique"):
            from_arrow(table, dm.Communique)

    def test_document_field_of_another_kind(self):
        """A value in a column that the row's kind does not have is an unknown key."""
        rows = _rows(EXAMPLE.documents)
        communique = next(i for i, row in enumerate(rows) if row["type"] == "communique")
        rows[communique]["form"] = "plan"
        with pytest.raises(dm.DataError) as error:
            from_arrow(_table(rows, dm.Document), dm.Document)
        assert _paths(error) == [f"$.documents[{communique}]"]
        assert "unknown key 'form'" in str(error.value)

    def test_problems_are_bounded(self):
        """A table of many bad rows gives at most MAX_PROBLEMS problems and stops."""
        rows = _rows(EXAMPLE.people) * 400
        for index, row in enumerate(rows):
            row["id"] = f"Bad Id {index}"
        with pytest.raises(dm.DataError) as error:
            from_arrow(_table(rows, dm.Person), dm.Person)
        assert len(error.value.problems) == dm.MAX_PROBLEMS


class TestColumnarEqualsConverter:
    """Reading column by column gives what the converter gives row by row, or defers to it."""

    @staticmethod
    def _both(table, cls):
        from diplomodel.arrow import _columns, _convert
        from diplomodel.errors import ProblemCollector

        batch = pa.RecordBatch.from_struct_array(table.to_struct_array().combine_chunks())
        target = _convert._target(cls)
        columnar = _columns.decode_records(batch, target, _convert._converters()[0], _convert._date)
        collector = ProblemCollector()
        rows = _convert.read_rows(batch, target, collector=collector)
        assert not collector.problems
        return columnar, rows

    @pytest.mark.parametrize("name", list(TABLES))
    def test_same_records(self, name):
        """Both paths give equal records for generated records of every table."""
        cls = TABLES[name]

        @settings(max_examples=examples(30))
        @given(st.lists(testing.from_class(cls), min_size=1, max_size=4, unique_by=lambda r: r.id))
        def check(records):
            columnar, rows = self._both(to_arrow(records, cls), cls)
            assert columnar == rows == records

        check()

    def test_left_out_columns_take_defaults(self):
        """A column left out reads as the field's default on both paths."""
        table = to_arrow(EXAMPLE.people).drop_columns(["names", "tenures"])
        columnar, rows = self._both(table, dm.Person)
        assert columnar == rows
        assert all(person.tenures == () for person in columnar)

    def test_null_nested_value_defers_to_the_converter(self):
        """A null where a nested field needs a value is refused with its path."""
        rows = _rows(EXAMPLE.meetings)
        rows[0]["participants"][0]["person"] = None
        with pytest.raises(dm.DataError) as error:
            from_arrow(_table(rows, dm.Meeting), dm.Meeting)
        assert _paths(error) == ["$.meetings[0].participants[0].person"]

    def test_null_list_item_defers_to_the_converter(self):
        """A null item of a list is refused with its path."""
        rows = _rows(EXAMPLE.meetings)
        rows[0]["parties"] = ["CN", None]
        with pytest.raises(dm.DataError) as error:
            from_arrow(_table(rows, dm.Meeting), dm.Meeting)
        assert _paths(error) == ["$.meetings[0].parties[1]"]

    def test_repeated_map_key(self):
        """A names map holding a key twice is refused."""
        table = to_arrow(EXAMPLE.people[:1])
        names = pa.MapArray.from_arrays(
            pa.array([0, 2], pa.int32()), pa.array(["ru", "ru"]), pa.array(["a", "b"])
        )
        table = table.set_column(table.schema.get_field_index("names"), "names", names)
        with pytest.raises(dm.DataError, match="same key twice"):
            from_arrow(table, dm.Person)
