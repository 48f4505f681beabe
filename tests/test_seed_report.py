"""The canonical report stays outside the project: an optional check that nothing copies it.

The example dossier models the facts of `shared/seed-article.txt`, the report DESIGN.md names
as the canonical example, in its own words. The report is not ours to copy, so it is not in the
repository: this check runs where it sits beside the repository (`../shared/seed-article.txt`,
as in the development set-up) or where `DIPLOMODEL_SEED_REPORT` names a copy, and skips,
saying what it needs, everywhere else (`pytest -m seed_report` runs it alone).
"""

import os
from pathlib import Path

import pytest

import diplomodel as dm

ROOT = Path(__file__).resolve().parents[1]
SEED = Path(os.environ.get("DIPLOMODEL_SEED_REPORT", ROOT.parent / "shared" / "seed-article.txt"))
NEEDS = "needs shared/seed-article.txt beside the repository; it is not ours to copy"

# The partnership's official name is a proper name, not the report's prose.
NAME = "comprehensive strategic partnership of coordination for a new era"


def runs(text, size=8):
    """Every run of `size` consecutive words, lower-cased, leaving out the partnership's name."""
    text = text.lower().replace(NAME, " ")
    words = "".join(c if c.isalnum() else " " for c in text).split()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


@pytest.fixture(scope="module")
def seed_runs():
    if not SEED.is_file():
        pytest.skip(NEEDS)
    return runs(SEED.read_text(encoding="utf-8"))


class TestRuns:
    def test_runs(self):
        """Runs are lower-case words of eight, across punctuation, without the name."""
        assert runs("One, two three four five six seven EIGHT nine") == {
            ("one", "two", "three", "four", "five", "six", "seven", "eight"),
            ("two", "three", "four", "five", "six", "seven", "eight", "nine"),
        }
        assert runs(f"a {NAME.title()} b") == set()


@pytest.mark.seed_report
class TestSeedReport:
    def test_no_sentence_of_the_seed_is_copied(self, seed_runs):
        """The example is written in its own words: it shares no 8-word run with the report."""
        assert not runs(dm.to_json(dm.load_example())) & seed_runs
