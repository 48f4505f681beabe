"""Validation of a Parquet dataset in one process, in bounded memory: the findings of `validate`.

`diplomodel.spark.validate_streaming` runs the plan of the Spark validation
with DuckDB for the joins; it needs the arrow extra, not Spark.
"""

import pytest
from hypothesis import HealthCheck, given, settings

import diplomodel as dm
from diplomodel import testing
from diplomodel._tables import EXAMPLES
from diplomodel.errors import DataError, InvalidArgumentError
from diplomodel.model._fields import TABLES
from diplomodel.serialization import from_dict, to_dict
from diplomodel.spark import validate_streaming
from diplomodel.spark._families import record_tables
from diplomodel.validation import DEFAULT_RULES, Issue, rule, validate
from tests.profiles import examples
from tests.test_rules_multilateral import BROKEN as BROKEN_MULTILATERAL
from tests.test_validation import BROKEN

arrow = pytest.importorskip("diplomodel.arrow")
pytest.importorskip("duckdb")


def renamed(dossier, prefix):
    """The dossier with every id (and every reference to one) given a prefix."""
    ids = {entity.id for _, entity in dossier.entities()}

    def walk(value):
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, str):
            if value in ids:
                return prefix + value
            if value.startswith("body:") and value[5:] in ids:
                return "body:" + prefix + value[5:]
        return value

    tables = {
        name: tuple(from_dict(walk(to_dict(e)), cls) for e in getattr(dossier, name))
        for name, cls in TABLES.items()
    }
    return dm.Dossier(id=dossier.id, title=dossier.title, **tables)


def together(dossiers):
    """One dossier holding the tables of all of them, in order."""
    parts = [renamed(d, f"c{i}-") for i, d in enumerate(dossiers)]
    tables = {name: tuple(e for d in parts for e in getattr(d, name)) for name in TABLES}
    return dm.Dossier(id="together", title="Many dossiers", **tables)


def as_set(findings):
    return {(f.code, f.severity.value, f.path, f.message, f.ids) for f in findings}


def streamed(dossier, tmp_path, **options):
    directory = tmp_path / "dataset"
    arrow.write_parquet(dossier, directory)
    return validate_streaming(directory, **options)


def bodies_within_bodies():
    """A meeting where one holds an office of an agency, within a ministry, within a government."""
    russia, china = dm.states.get("RU"), dm.states.get("CN")

    def body(id_, kind, parent=None):
        return dm.Body(
            id=id_, name=id_.title(), kind=dm.BodyKind[kind], belongs_to=russia, parent=parent
        )

    office = dm.Office(
        id="ru-trade-head", title="Head of trade", kind=dm.OfficeKind.MINISTER, state="ru-trade"
    )
    person = dm.Person(
        id="p",
        name="A. Person",
        tenures=(dm.Tenure(office=office.id, start=dm.PartialDate(year=2020)),),
    )
    talks = dm.Meeting(
        id="trade-talks",
        title="Trade talks",
        kind=dm.MeetingKind.TALKS,
        start=dm.PartialDate(year=2024, month=5, day=1),
        parties=(russia, china),
        participants=(
            dm.Participation(person="p", delegation=china, role=dm.Role.MEMBER, office=office.id),
        ),
    )
    return dm.Dossier(
        id="bodies",
        title="Bodies within bodies",
        bodies=(
            body("ru-gov", "GOVERNMENT"),
            body("ru-economy", "MINISTRY", "ru-gov"),
            body("ru-trade", "AGENCY", "ru-economy"),
        ),
        offices=(office,),
        people=(person,),
        meetings=(talks,),
    )


@rule(code="ACME003", severity="warning", applies_to=dm.Document)
def meeting_known(document, dossier):
    """A document from a meeting names one the dossier holds."""
    if document.meeting and dossier and dossier.get(dm.Meeting, document.meeting) is None:
        yield Issue(message="unknown meeting", at=".meeting")


class TestSameFindings:
    def test_every_broken_copy(self, tmp_path):
        """Every broken copy of the rule tests, in one dataset: the findings of validate."""
        dossier = together(
            build() for build, _ in (*BROKEN.values(), *BROKEN_MULTILATERAL.values())
        )
        want = validate(dossier)
        assert {f.code for f in want} == set(DEFAULT_RULES.codes)
        got = streamed(dossier, tmp_path)
        assert as_set(got) == as_set(want)
        assert [f.code for f in got] == [f.code for f in want]

    def test_bundled_examples(self, tmp_path):
        """The bundled examples, with a rule of one's own on single records, and one disabled."""
        dossier = together(dm.load_example(name) for name in EXAMPLES)
        rules = DEFAULT_RULES.with_rule(meeting_known)
        want = validate(dossier, rules=rules, disable={"DM105"})
        assert as_set(streamed(dossier, tmp_path, rules=rules, disable={"DM105"})) == as_set(want)

    @settings(
        max_examples=examples(10),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(testing.dossiers(max_size=3))
    def test_generated_dossiers(self, tmp_path, dossier):
        """Generated dossiers, full of unresolved ids, duplicates and odd dates."""
        assert as_set(streamed(dossier, tmp_path)) == as_set(validate(dossier))

    def test_nothing_to_run(self, tmp_path):
        """With every rule disabled there is nothing to find."""
        assert list(streamed(dm.load_example(), tmp_path, disable=DEFAULT_RULES.codes)) == []


class TestRefusals:
    def test_a_rule_over_the_dossier(self, tmp_path):
        """A rule of one's own over the whole dossier is refused, not skipped."""

        @rule(code="ACME004", severity="info", applies_to=dm.Dossier)
        def anything(_dossier, _):
            """Never."""
            yield from ()

        with pytest.raises(InvalidArgumentError, match="ACME004"):
            validate_streaming(tmp_path, rules=DEFAULT_RULES.with_rule(anything))

    def test_not_a_dataset(self, tmp_path):
        """A directory with no manifest is refused with a DataError."""
        with pytest.raises(DataError, match="not a diplomodel Parquet dataset"):
            validate_streaming(tmp_path)

    def test_a_bad_row_is_named(self, tmp_path):
        """A row that does not read stops the check with a DataError naming it."""
        import pyarrow.parquet as pq

        directory = tmp_path / "dataset"
        arrow.write_parquet(dm.load_example(), directory)
        path = directory / "people" / "part-0.parquet"
        table = pq.read_table(path)
        names = table.column("name").to_pylist()
        names[1] = ""
        pq.write_table(
            table.set_column(1, "name", __import__("pyarrow").array(names)),
            path,
        )
        with pytest.raises(DataError, match=r"people\[1\]"):
            validate_streaming(directory)


class TestOneQueryATable:
    def test_what_records_name_is_worked_out_once_a_table(self, tmp_path, monkeypatch):
        """One sorted read a record table gives positions only; each entity's JSON from disk."""
        from diplomodel.spark import _local
        from diplomodel.spark._store import JsonStore

        queries, reads = [], []
        original_batches, original_text = _local._batches_of, JsonStore.text

        def counted(con, sql):
            batches = list(original_batches(con, sql))
            if "FROM near ORDER BY pos" in sql:
                queries.append([b.schema.names for b in batches])
            yield from batches

        def read(store, table, position):
            reads.append((table, position))
            return original_text(store, table, position)

        monkeypatch.setattr(_local, "_batches_of", counted)
        monkeypatch.setattr(JsonStore, "text", read)
        dossier = together(build() for build, _ in BROKEN.values())
        got = streamed(dossier, tmp_path)
        assert as_set(got) == as_set(validate(dossier))
        tables = [name for name in record_tables(DEFAULT_RULES) if getattr(dossier, name)]
        assert len(queries) == len(tables)
        assert all(names == ["pos", "rt", "npos"] for batches in queries for names in batches)
        assert len(reads) == len(set(reads))  # each entity read once: the dossier is small
        assert {t for t, _ in reads} >= set(tables)

    @pytest.mark.parametrize("key_rows", [1, 3])
    def test_keys_in_parts(self, tmp_path, monkeypatch, key_rows):
        """Ids resolved part by part (as at 10 million meetings) give the same findings."""
        from diplomodel.spark import _local

        monkeypatch.setattr(_local, "_KEY_ROWS", key_rows)
        dossier = together([bodies_within_bodies(), *(build() for build, _ in BROKEN.values())])
        assert as_set(streamed(dossier, tmp_path)) == as_set(validate(dossier))

    def test_the_bodies_above_what_a_record_names(self, tmp_path):
        """A record meets the body its neighbour names and every body above it, as validate does."""
        dossier = bodies_within_bodies()
        want = validate(dossier)
        assert "DM108" in {f.code for f in want.findings}  # an office of Russia, for China
        assert as_set(streamed(dossier, tmp_path)) == as_set(want)


class TestJsonStore:
    def test_positions_in_any_order(self, tmp_path):
        """Texts come back by position, written in order or not; gaps are no entity."""
        from diplomodel.spark._store import JsonStore

        store = JsonStore(tmp_path)
        try:
            store.add("people", [0, 1, 2], ['{"id":"a"}', '{"id":"b"}', '{"id":"é"}'])
            store.add("people", [7, 4], ['{"id":"h"}', '{"id":"e"}'])
            store.add("people", [], [])
            assert [store.text("people", p) for p in (0, 2, 4, 7)] == [
                '{"id":"a"}',
                '{"id":"é"}',
                '{"id":"e"}',
                '{"id":"h"}',
            ]
            assert list(store.positions("people")) == [0, 1, 2, 4, 7]
            assert list(store.positions("meetings")) == []
            with pytest.raises(KeyError):
                store.text("people", 5)
            with pytest.raises(KeyError):
                store.text("people", 99)
        finally:
            store.close()

    def test_positions_past_one_block(self, tmp_path):
        """Positions are read block by block, text reads between them changing nothing."""
        from diplomodel.spark import _store

        store = _store.JsonStore(tmp_path)
        try:
            count = _store._BLOCK * 2 + 5
            store.add("meetings", list(range(count)), [f'"{i}"' for i in range(count)])
            seen = []
            for position in store.positions("meetings"):
                seen.append(position)
                assert store.text("meetings", count - 1 - position) == f'"{count - 1 - position}"'
            assert seen == list(range(count))
        finally:
            store.close()


class TestShortOfMemory:
    def test_a_limit_too_small_is_a_memory_error_naming_it(self, tmp_path):
        """DuckDB's own out-of-memory error comes out as MemoryError, with the limit to raise."""
        with pytest.raises(MemoryError, match=r"memory_limit='1MB'") as caught:
            streamed(dm.load_example(), tmp_path, memory_limit="1MB")
        assert type(caught.value.__cause__).__name__ == "OutOfMemoryException"
