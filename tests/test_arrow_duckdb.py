"""DuckDB over a Parquet dossier: views, date macros, the how-to's queries, results as records."""

import collections
import datetime as dt

import attrs
import pytest

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

from hypothesis import given, settings  # noqa: E402 - after the skip
from hypothesis import strategies as st  # noqa: E402

import diplomodel as dm  # noqa: E402
from diplomodel import testing  # noqa: E402
from diplomodel.arrow import duckdb_connect, from_arrow, write_parquet  # noqa: E402
from diplomodel.model._fields import TABLES  # noqa: E402
from tests.profiles import examples  # noqa: E402

EXAMPLE = dm.load_example()

PER_YEAR_AND_PAIR = """
SELECT year, list_sort(parties) AS pair, count(*) AS meetings
FROM meetings
WHERE len(parties) = 2
GROUP BY ALL
ORDER BY ALL
"""

HOLDER = """
SELECT p.id
FROM people AS p, unnest(p.tenures) AS t(term)
JOIN offices AS o ON o.id = term.office
WHERE o.kind = $kind AND o.state = $state
  AND (term.start IS NULL OR dm_earliest(term.start) <= $day)
  AND (term."end" IS NULL OR $day <= dm_latest(term."end"))
ORDER BY dm_earliest(term.start) DESC NULLS LAST
LIMIT 1
"""

ANNIVERSARIES = """
WITH founded AS (
    SELECT id, 'relation' AS kind, established AS since FROM relations
    UNION ALL
    SELECT id, 'series' AS kind, established AS since FROM series
), days AS (
    SELECT id, kind, y - since.year AS number,
           try(make_date(y::INTEGER, since.month, since.day)) AS day
    FROM founded, range(year($after), year($until) + 1) AS r(y)
    WHERE since.day IS NOT NULL AND y > since.year
)
SELECT id, kind, number, day FROM days
WHERE day > $after AND day <= $until
ORDER BY day, kind, id
"""


@pytest.fixture
def con(tmp_path):
    write_parquet(EXAMPLE, tmp_path)
    return duckdb_connect(tmp_path)


@pytest.fixture(scope="module")
def example_con(tmp_path_factory):
    """One connection to the example, shared by the property tests of this module."""
    return _connect(EXAMPLE, tmp_path_factory.mktemp("example"))


def _connect(dossier, folder):
    write_parquet(dossier, folder)
    return duckdb_connect(folder)


class TestViews:
    def test_a_view_per_table(self, con):
        """Every table is a view with its rows; partitioned ones have the year, not _index."""
        for name in TABLES:
            count = con.sql(f'SELECT count(*) FROM "{name}"').fetchall()[0][0]  # noqa: S608
            assert count == len(getattr(EXAMPLE, name)), name
        columns = [row[0] for row in con.sql("DESCRIBE meetings").fetchall()]
        assert "year" in columns
        assert "_index" not in columns

    def test_date_macros(self, con):
        """dm_earliest, dm_latest and dm_iso read the date structs at any precision."""
        rows = con.sql(
            "SELECT dm_iso(d), dm_earliest(d), dm_latest(d) FROM (VALUES "
            "({'year': 2024, 'month': 2, 'day': NULL}),"
            " ({'year': 1949, 'month': NULL, 'day': NULL}),"
            " ({'year': 2024, 'month': 8, 'day': 21})) AS v(d)"
        ).fetchall()
        assert rows == [
            ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
            ("1949", dt.date(1949, 1, 1), dt.date(1949, 12, 31)),
            ("2024-08-21", dt.date(2024, 8, 21), dt.date(2024, 8, 21)),
        ]

    def test_existing_connection(self, tmp_path):
        """The views can go into a connection of the caller's."""
        write_parquet(EXAMPLE, tmp_path)
        mine = duckdb.connect()
        assert duckdb_connect(tmp_path, mine) is mine
        assert mine.sql("SELECT count(*) FROM people").fetchall()[0][0] == len(EXAMPLE.people)

    def test_not_a_dataset(self, tmp_path):
        """A directory that is no dataset is refused before any view is made."""
        with pytest.raises(dm.DataError):
            duckdb_connect(tmp_path)


class TestQueries:
    def test_meetings_per_year_per_pair(self, tmp_path):
        """The per-year, per-pair counts are those of the dossier's meetings."""

        @settings(max_examples=examples(10))
        @given(testing.dossiers())
        def check(dossier):
            con = _connect(dossier, tmp_path)
            found = {(y, tuple(p)): n for y, p, n in con.sql(PER_YEAR_AND_PAIR).fetchall()}
            expected = collections.Counter(
                (m.start.year, tuple(sorted(dm.actor_key(a) for a in m.parties)))
                for m in dossier.meetings
                if len(m.parties) == 2
            )
            assert found == dict(expected)

        check()

    def test_holder_on_a_day(self, con):
        """The SQL holder is the one Dossier.holder names, on several days."""
        for state, day in [("RU", dt.date(2024, 8, 21)), ("RU", dt.date(2010, 1, 1))]:
            kind = dm.OfficeKind.HEAD_OF_GOVERNMENT
            params = {"kind": kind.value, "state": state, "day": day}
            rows = con.execute(HOLDER, params).fetchall()
            expected = EXAMPLE.holder(kind, dm.states.get(state), day)
            assert rows == [(expected.id,)]

    @settings(max_examples=examples(10))
    @given(day=st.dates(dt.date(1900, 1, 1), dt.date(2099, 1, 1)))
    def test_holder_generated_days(self, example_con, day):
        """Across days, SQL and Dossier.holder agree (or both find nobody)."""
        for office in EXAMPLE.offices:
            params = {"kind": office.kind.value, "state": dm.actor_key(office.state), "day": day}
            rows = example_con.execute(HOLDER, params).fetchall()
            expected = EXAMPLE.holder(office.kind, office.state, day)
            assert rows == ([(expected.id,)] if expected else [])

    def test_upcoming_anniversaries(self, con):
        """Anniversaries of founding days in SQL are those Dossier.upcoming_anniversaries gives."""
        after, until = dt.date(2024, 1, 1), dt.date(2030, 12, 31)
        params = {"after": after, "until": until}
        found = [(i, k, n, d) for i, k, n, d in con.execute(ANNIVERSARIES, params).fetchall()]
        by_day = {
            r.id for r in EXAMPLE.relations if r.established and r.established.day is not None
        } | {s.id for s in EXAMPLE.series if s.established and s.established.day is not None}
        expected = [
            (a.subject, a.kind, a.anniversary.number, a.anniversary.date.earliest())
            for a in EXAMPLE.upcoming_anniversaries(after, until)
            if a.subject in by_day
        ]
        assert found == expected
        assert ("cn-ru", "relation", 75, dt.date(2024, 10, 2)) in found


class TestResultsAsRecords:
    def test_query_result_reads_back(self, con):
        """A query's Arrow result reads back as records through from_arrow."""
        result = con.sql("SELECT * EXCLUDE (year) FROM meetings WHERE year = 2024")
        assert from_arrow(result.arrow(), dm.Meeting) == EXAMPLE.meetings
        assert from_arrow(result, dm.Meeting) == EXAMPLE.meetings

    def test_documents_of_one_kind(self, con):
        """Documents selected by their tag read back as that kind."""
        result = con.sql("SELECT * EXCLUDE (year) FROM documents WHERE type = 'communique'")
        expected = tuple(d for d in EXAMPLE.documents if isinstance(d, dm.Communique))
        assert sorted(from_arrow(result, dm.Communique), key=lambda d: d.id) == sorted(
            expected, key=lambda d: d.id
        )

    def test_computed_columns_are_refused(self, con):
        """A result with a column the class lacks is refused, naming the column."""
        with pytest.raises(dm.DataError, match=r"\$\.meetings\[\*\]\.year: unknown column"):
            from_arrow(con.sql("SELECT * FROM meetings"), dm.Meeting)

    def test_projection_with_defaults(self, con):
        """Leaving out columns whose fields have defaults reads as those defaults."""
        result = con.sql("SELECT id, name FROM people ORDER BY id")
        people = from_arrow(result, dm.Person)
        assert people == tuple(
            sorted(
                (attrs.evolve(p, names={}, tenures=()) for p in EXAMPLE.people), key=lambda p: p.id
            )
        )
