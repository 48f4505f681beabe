"""Validation on Spark: the same findings as `validate`, from a Parquet dataset, on a local session.

Starting Spark takes seconds and every run launches many small jobs, so the
cases are few and large: every broken copy of the rule tests, renamed apart
and put together in one dossier, is one dataset and one run.
"""

import os
import shutil
import sys

import pytest
from hypothesis import HealthCheck, given, settings

import diplomodel as dm
from diplomodel import testing
from diplomodel._tables import EXAMPLES
from diplomodel.errors import DataError, InvalidArgumentError
from diplomodel.validation import DEFAULT_RULES, Issue, rule, validate
from tests.profiles import examples
from tests.test_rules_multilateral import BROKEN as BROKEN_MULTILATERAL
from tests.test_spark_streaming import as_set, bodies_within_bodies, together
from tests.test_validation import BROKEN

pytest.importorskip("pyspark")
arrow = pytest.importorskip("diplomodel.arrow")
spark_module = pytest.importorskip("diplomodel.spark")

if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
    pytest.skip("Spark needs a JDK ('java' is not on PATH)", allow_module_level=True)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    before = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the executors need this venv's packages
    session = (
        SparkSession.builder.master("local[2]")
        .appName("diplomodel-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    if before is None:
        os.environ.pop("PYSPARK_PYTHON", None)
    else:
        os.environ["PYSPARK_PYTHON"] = before


def on_spark(spark, dossier, tmp_path, **options):
    directory = tmp_path / "dataset"
    arrow.write_parquet(dossier, directory)
    frame = spark_module.validate_dataset(spark, str(directory), **options)
    return {
        (r["code"], r["severity"], r["path"], r["message"], tuple(r["ids"]))
        for r in frame.collect()
    }


@rule(code="ACME001", severity="info", applies_to=dm.Meeting)
def named_host(meeting, dossier):
    """A meeting's host, when a body, is one the dossier holds."""
    if isinstance(meeting.host, str) and dossier and dossier.get(dm.Body, meeting.host) is None:
        yield Issue(message=f"host {meeting.host!r} is unknown", at=".host")


@rule(code="ACME002", severity="info", applies_to=dm.Dossier)
def few_meetings(dossier, _):
    """A dossier has meetings."""
    if not dossier.meetings:
        yield Issue(message="no meetings")


class TestSameFindings:
    def test_every_broken_copy(self, spark, tmp_path):
        """Every broken copy of the rule tests, in one dataset: Spark finds what validate finds."""
        cases = [build() for build, _ in (*BROKEN.values(), *BROKEN_MULTILATERAL.values())]
        dossier = together(cases)
        want = as_set(validate(dossier))
        assert {code for code, *_ in want} == set(DEFAULT_RULES.codes)
        assert on_spark(spark, dossier, tmp_path) == want

    def test_bundled_examples(self, spark, tmp_path):
        """The bundled examples, with a rule of one's own on single records."""
        dossier = together(dm.load_example(name) for name in EXAMPLES)
        rules = DEFAULT_RULES.with_rule(named_host)
        want = as_set(validate(dossier, rules=rules))
        assert on_spark(spark, dossier, tmp_path, rules=rules) == want

    @settings(
        max_examples=examples(2),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(testing.dossiers(max_size=3))
    def test_generated_dossiers(self, spark, tmp_path, dossier):
        """Generated dossiers, full of unresolved ids and odd dates, read back the same way."""
        shutil.rmtree(tmp_path / "dataset", ignore_errors=True)
        assert on_spark(spark, dossier, tmp_path) == as_set(validate(dossier))

    def test_the_bodies_above_what_a_record_names(self, spark, tmp_path):
        """A record meets the body its neighbour names and every body above it."""
        dossier = bodies_within_bodies()
        want = validate(dossier)
        assert "DM108" in {f.code for f in want.findings}
        assert on_spark(spark, dossier, tmp_path) == as_set(want)

    def test_disable(self, spark, tmp_path):
        """Disabled rules find nothing on Spark either; with all disabled, nothing at all."""
        dossier = BROKEN["DM101"][0]()
        got = on_spark(spark, dossier, tmp_path, disable={"DM101"})
        assert got == as_set(validate(dossier, disable={"DM101"}))
        assert "DM101" not in {code for code, *_ in got}
        everything = spark_module.validate_dataset(
            spark, str(tmp_path / "dataset"), disable=DEFAULT_RULES.codes
        )
        assert everything.count() == 0

    def test_rows_numbered_across_files(self, spark, tmp_path):
        """A table in several files, and a manifest that names no partitions: same places."""
        import json

        import pyarrow.parquet as pq

        dossier = BROKEN["DM102"][0]()  # a second person with the first one's id
        directory = tmp_path / "dataset"
        arrow.write_parquet(dossier, directory)
        path = directory / "people" / "part-0.parquet"
        people = pq.read_table(path)
        pq.write_table(people.slice(0, 2), path)
        pq.write_table(people.slice(2), directory / "people" / "part-1.parquet")
        manifest = directory / "_diplomodel.json"
        data = json.loads(manifest.read_text())
        del data["partitioned_by"]
        manifest.write_text(json.dumps(data))
        frame = spark_module.validate_dataset(spark, str(directory))
        got = {(r["code"], r["path"], r["message"]) for r in frame.collect()}
        assert got == {(f.code, f.path, f.message) for f in validate(dossier)}
        assert ("DM102", "$.people[4].id") in {(code, path) for code, path, _ in got}


class TestCoverage:
    def test_every_built_in_rule_is_covered(self):
        """All the built-in rules run on Spark."""
        assert set(DEFAULT_RULES.codes) == spark_module.COVERED
        assert spark_module.not_covered() == ()

    def test_a_rule_of_ones_own_over_the_dossier_is_refused(self, spark, tmp_path):
        """A rule over the whole dossier is named, and refused rather than silently skipped."""
        rules = DEFAULT_RULES.with_rule(few_meetings, named_host)
        assert spark_module.not_covered(rules) == ("ACME002",)
        with pytest.raises(InvalidArgumentError, match="ACME002"):
            spark_module.validate_dataset(spark, str(tmp_path), rules=rules)

    def test_a_built_in_code_with_another_check_is_refused(self):
        """A rule that takes a built-in code over another check is not mistaken for it."""
        impostor = rule(code="DM113", severity="error", applies_to=dm.Dossier)(few_meetings.check)
        rules = DEFAULT_RULES.without("DM113").with_rule(impostor)
        assert spark_module.not_covered(rules) == ("DM113",)


class TestBadDatasets:
    def test_no_dataset(self, spark, tmp_path):
        """A directory without the manifest is refused with a DataError."""
        with pytest.raises(DataError, match="not a diplomodel Parquet dataset"):
            spark_module.validate_dataset(spark, str(tmp_path))

    def test_newer_version(self, spark, tmp_path):
        """A dataset of a newer format version is refused."""
        arrow.write_parquet(dm.load_example(), tmp_path)
        manifest = tmp_path / "_diplomodel.json"
        manifest.write_text(manifest.read_text().replace('"version": "2.0"', '"version": "9.0"'))
        with pytest.raises(DataError, match="newer"):
            spark_module.validate_dataset(spark, str(tmp_path))


class TestReport:
    def test_to_report(self, spark, tmp_path):
        """Collected findings make a Report with errors first, as validate's."""
        dossier = BROKEN["DM105"][0]()
        arrow.write_parquet(dossier, tmp_path)
        report = spark_module.to_report(spark_module.validate_dataset(spark, str(tmp_path)))
        assert as_set(report) == as_set(validate(dossier))
        ranks = [f.severity.rank for f in report]
        assert ranks == sorted(ranks, reverse=True)
