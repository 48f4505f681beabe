"""The development and held-out sets of `diplomodel.extract`: files, format and spans."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest

from diplomodel import Extraction

DEVSET = Path(__file__).parent / "data" / "extraction"
LANGUAGES = ("en", "ru", "zh", "fr", "de", "ar")
HELDOUT = DEVSET.with_name("extraction-heldout")
REPORTS = sorted(p.stem for p in DEVSET.glob("*.txt"))
HELD = sorted(p.stem for p in HELDOUT.glob("*.txt"))
BOTH = [(DEVSET, s) for s in REPORTS] + [(HELDOUT, s) for s in HELD]
# Every annotated list of items: the item fields of `Extraction` (participants are codes).
_NOT_ITEMS = {"text", "language", "published", "dateline", "states_participating"}
ITEM_FIELDS = tuple(a.name for a in attrs.fields(Extraction) if a.name not in _NOT_ITEMS)


def _load(stem: str, folder: Path = DEVSET) -> tuple[str, dict[str, Any]]:
    text = (folder / f"{stem}.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
    return text, gold


class TestDevelopmentSet:
    def test_six_reports_per_language(self) -> None:
        """Each of the six languages has at least six reports, each with its gold file."""
        for language in LANGUAGES:
            stems = [s for s in REPORTS if s.endswith(f"-{language}")]
            assert len(stems) >= 6, language
        for stem in REPORTS:
            assert (DEVSET / f"{stem}.json").is_file(), stem

    def test_four_held_out_reports_per_language(self) -> None:
        """The held-out set has at least four reports per language, none named as a dev one."""
        for language in LANGUAGES:
            assert len([s for s in HELD if s.endswith(f"-{language}")]) >= 4, language
        dev_texts = {(DEVSET / f"{s}.txt").read_text(encoding="utf-8") for s in REPORTS}
        for stem in HELD:
            assert (HELDOUT / f"{stem}.json").is_file(), stem
            assert _load(stem, HELDOUT)[0] not in dev_texts, stem

    @pytest.mark.parametrize(("folder", "stem"), BOTH, ids=lambda x: getattr(x, "name", x))
    def test_spans_point_at_surfaces(self, folder: Path, stem: str) -> None:
        """Every annotated item's [start, end) span holds exactly its surface."""
        text, gold = _load(stem, folder)
        for name in ITEM_FIELDS:
            for item in gold[name]:
                start, end = item["span"]
                assert text[start:end] == item["surface"], (name, item)

    @pytest.mark.parametrize(("folder", "stem"), BOTH, ids=lambda x: getattr(x, "name", x))
    def test_report_shape(self, folder: Path, stem: str) -> None:
        """Reports have 3 to 12 sentences and participants are mentioned states."""
        text, gold = _load(stem, folder)
        assert gold["language"] == stem.split("-")[1]
        ends = sum(text.count(mark) for mark in (". ", "。", ".\n"))
        assert 3 <= ends <= 12, ends
        mentioned = {item["code"] for item in gold["states_mentioned"]}
        assert set(gold["states_participating"]) <= mentioned
