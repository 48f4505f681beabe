"""Shared pytest configuration: Hypothesis profiles and the optional seed-report check.

Hypothesis profiles (choose one with the environment variable `HYPOTHESIS_PROFILE`):

- `default`: what a plain `pytest` runs, 40 examples per property test.
- `fast` (or `FAST=1`): 10 examples, for a quick run while editing.
- `slow`: 1 000 examples, for CI's slow job or before a release
  (`HYPOTHESIS_PROFILE=slow .venv/bin/pytest`).

Every property test honours the loaded profile. A test that wants more or fewer examples
than its neighbours (a cheap fuzz test, an expensive export) asks for
`tests.profiles.examples(n)`: n examples where a plain property test has 60, scaled like
every other test (2/3 of n under `default`, n/6 under `fast`, 50n/3 under `slow`). None sets
a fixed `max_examples`.

Markers:

- `seed_report`: an optional check that needs `shared/seed-article.txt` beside the
  repository (the canonical report the example dossier models). The report is not ours to
  copy, so it is not in the repository and the check skips, saying so, where it is absent;
  `DIPLOMODEL_SEED_REPORT=/path/to/seed-article.txt` points the check at a copy elsewhere.
  `pytest -m seed_report` runs only that check.
"""

import os

import pytest
from hypothesis import HealthCheck, settings

_QUIET = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}

settings.register_profile("default", max_examples=40, **_QUIET)
settings.register_profile("fast", max_examples=10, **_QUIET)
settings.register_profile("slow", max_examples=1000, **_QUIET)
settings.load_profile(
    "fast" if os.environ.get("FAST") else os.environ.get("HYPOTHESIS_PROFILE", "default")
)


def pytest_configure(config: pytest.Config) -> None:
    """Register the markers of this suite (the run is `--strict-markers`)."""
    config.addinivalue_line(
        "markers",
        "seed_report: optional check that needs shared/seed-article.txt beside the repository "
        "(not ours to copy); skipped, with that reason, where it is absent",
    )
