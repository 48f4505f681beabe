"""Skip the examples that need an optional tool which is not installed.

The FollowTheMoney examples (doctests and the how-to page) need the
`followthemoney` package, which builds PyICU and so needs the ICU headers; the
plain test command runs without it, and CI installs it and runs them (see
`.ci/run`). Test modules skip themselves with `pytest.importorskip`.
"""

import importlib.util

import pytest

_NEEDS = {
    "followthemoney": ("interchange/_ftm.py", "export-ftm.md"),
    "icalendar": ("interchange/_ical.py", "export-ical.md"),
    "pyld": ("export-jsonld.md",),
    "pyarrow": ("arrow/__init__.py", "columnar.md"),
    "duckdb": ("columnar.md",),
    "pandas": ("columnar.md",),
    "polars": ("columnar.md",),
}

# diplomodel.arrow's implementation modules import pyarrow (and DuckDB) at the top, and
# two of diplomodel.spark's import pyspark: without them, their doctests are not even
# collected (the README's test command installs no pyspark; CI's spark stage does).
collect_ignore_glob = [
    f"src/diplomodel/{module}"
    for package, module in (
        ("pyarrow", "arrow/_[a-z]*.py"),
        ("duckdb", "arrow/_duckdb.py"),
        ("pyspark", "spark/_plan.py"),
        ("pyspark", "spark/_read.py"),
    )
    if importlib.util.find_spec(package) is None
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark examples whose optional package is missing as skipped, naming it."""
    for package, places in _NEEDS.items():
        if importlib.util.find_spec(package) is not None:
            continue
        reason = f"needs the optional package {package!r}"
        for item in items:
            if any(place in item.nodeid for place in places):
                item.add_marker(pytest.mark.skip(reason=reason))
