"""`extract` on any text: never raises, every span holds its surface, linear time."""

from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel import Extraction, extract
from tests.profiles import examples

DEVSET = Path(__file__).parent / "data" / "extraction"
REPORTS = [(DEVSET, p.stem) for p in sorted(DEVSET.glob("*.txt"))] + [
    (DEVSET.with_name("extraction-heldout"), p.stem)
    for p in sorted(DEVSET.with_name("extraction-heldout").glob("*.txt"))
]
LANGUAGES = ("en", "ru", "zh", "fr", "de", "ar")

# Words that make the rules fire, mixed with anything at all.
_WORDS = st.sampled_from(
    [
        "President",
        "Premier",
        "Li Qiang",
        "Russia",
        "China",
        "Chinese",
        "29th",
        "75th",
        "anniversary",
        "on",
        "Wednesday",
        "21 August 2024",
        "signed",
        "28",
        "memoranda",
        "in",
        "Moscow",
        "and",
        "Beijing",
        "the",
        "meeting",
        "председатель",
        "КНР",
        "России",
        "во",
        "вторник",
        "国家主席",
        "习近平",
        "中俄",
        "第二十九次",
        "周年",
        "8月21日",
        "الرئيس",
        "الصيني",
        "يوم",
        "الجمعة",
        "والصين",
        "Bundeskanzler",
        "am",
        "Freitag",
        "20.",
        "Juni",
        "Premier ministre",
        "russe",
        "mercredi",
        "du 26 au 28 mai",
        ",",
        ".",
        "—",
        "-",
        "'",
        "Guinea-Bissau's",
        "0th",
        "0周年",
        "第0次",
        "第",
        "年",
        "月",
        "日",
        "\n\n",
        "ال",
        "الـ29",
        "diplomatic relations",
        "regular meeting",
        "from Tuesday to Thursday",
        "ended",
        "two-day",
        "presidents of",
        "Secretary of State",
        "XVI",
        "since 2019",
    ]
)
_TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_WORDS, st.text(max_size=5)), max_size=60).map(" ".join),
    st.lists(_WORDS, max_size=60).map("".join),
)


def _check_spans(found: Extraction) -> None:
    for name, item in found.items():
        start, end = item.span
        assert found.text[start:end] == item.surface, (name, item)


class TestAnyText:
    @settings(max_examples=examples(300), deadline=None)
    @given(
        text=_TEXTS,
        language=st.sampled_from((None, *LANGUAGES)),
        dateline=st.one_of(st.none(), st.dates()),  # the edges of the calendar included
    )
    @example(text="¹:MEMORANDA", language=None, dateline=None)  # a digit int() cannot read
    @example(text="② memoranda and ³ agreements", language="en", dateline=None)
    def test_never_raises_and_spans_hold(
        self, text: str, language: str | None, dateline: date | None
    ) -> None:
        """Any text in any language gives an Extraction whose spans hold their surfaces."""
        found = extract(text, language=language, dateline=dateline, published=dateline)
        assert isinstance(found, Extraction)
        _check_spans(found)

    @settings(max_examples=examples(60), deadline=None)
    @given(
        text=_TEXTS,
        language=st.sampled_from(LANGUAGES),
        dateline=st.one_of(st.none(), st.dates()),
    )
    def test_proposed_records_always_validate(
        self, text: str, language: str, dateline: date | None
    ) -> None:
        """Any text's proposed records and claims, alone or against the example, are valid."""
        found = extract(text, language=language, dateline=dateline)
        for known in (None, dm.load_example()):
            report = dm.validate(found.to_dossier(known))
            assert report.ok, [f.message for f in report.errors]

    @pytest.mark.parametrize(("folder", "stem"), REPORTS, ids=lambda x: getattr(x, "name", x))
    def test_development_set_spans(self, folder: Path, stem: str) -> None:
        """On every report of the development and held-out sets, every span holds its surface."""
        text = (folder / f"{stem}.txt").read_text(encoding="utf-8")
        gold = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
        found = extract(
            text,
            language=gold["language"],
            published=date.fromisoformat(gold["published"]),
            dateline=date.fromisoformat(gold["dateline"]) if gold["dateline"] else None,
        )
        _check_spans(found)
        assert found.states_mentioned


class TestLinearTime:
    @pytest.mark.parametrize(
        "fragment",
        [
            "21 21 21 21 August ",
            "President President Premier of of ",
            "第第第第二十九十九次",
            "الرئيس الرئيس والصين وال ",
            "Li Qiang Li Qiang Li Qiang ",
            "aaaa" * 20 + " ",
            "- - - — — , , . . ",
            "двадцать двадцать восьмую ",
            "с 1 по 2 по 3 мая с ",
            "from Tuesday to Wednesday to Thursday to ",
            "since since 12 May 2019 ",
            "周二至周三至周四至",
            "ЦК Партии партии партии Лаоса ",
            "卡·西·姆·若·马·尔·特·",
            "عبد الله آل آل آل ",
            "two-day summit ended on Tuesday, ",
            "presidents of Russia and China and Li and ",
            "on Monday for a two-day visit, talks on Tuesday; ",
        ],
    )
    def test_adversarial_input_scales_linearly(self, fragment: str) -> None:
        """200 KB of a repeated fragment takes about 10 times what 20 KB takes, not 100."""

        def timed(size: int) -> float:
            text = fragment * (size // len(fragment.encode()) + 1)  # size in UTF-8 bytes
            # The algorithm's growth, not the collector's: CPython's full collections
            # grow with the number of live objects, which a 200 KB report has many of.
            with dm.paused_gc():
                start = time.process_time()  # CPU time: other processes do not count
                extract(text, language=None, dateline=date(2024, 8, 21))
                return time.process_time() - start

        timed(2_000)  # warm-up: tables and patterns
        small = min(timed(20_000) for _ in range(3))
        large = timed(200_000)
        assert large / max(small, 1e-4) < 35  # linear: about 10; quadratic would be 100
