"""`Extraction.to_dossier`, the command's `run`, serialisation and the organisations hook."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from diplomodel import (
    Communique,
    CooperationAgreement,
    DataError,
    Extraction,
    MeetingKind,
    Role,
    extract,
    from_json,
    load_example,
    to_json,
    validate,
)
from diplomodel.extract import _lexicon
from diplomodel.extract._cli import run

DEVSET = Path(__file__).parent / "data" / "extraction"
REPORT = (
    "MOSCOW — Chinese Premier Li Qiang and Russian Prime Minister Mikhail Mishustin held the "
    "29th regular meeting of their heads of government in Moscow on Wednesday. They signed a "
    "joint communique and a revised investment cooperation plan, and 28 memoranda."
)


def _read() -> Extraction:
    return extract(REPORT, language="en", dateline=date(2024, 8, 21))


class TestToDossier:
    def test_records_pass_validation(self) -> None:
        """Without a dossier: people, offices, a meeting and documents that validate cleanly."""
        records = _read().to_dossier()
        assert validate(records).ok
        assert [p.name for p in records.people] == ["Li Qiang", "Mikhail Mishustin"]
        (meeting,) = records.meetings
        assert (str(meeting.start), meeting.place.locality if meeting.place else None) == (
            "2024-08-21",
            "Moscow",
        )
        assert [p.role for p in meeting.participants] == [Role.HEAD_OF_DELEGATION] * 2
        assert [type(d) for d in records.documents] == [Communique, CooperationAgreement]

    def test_counted_batches_are_not_invented_records(self) -> None:
        """A count ("28 memoranda") does not become 28 records: that waits for counted batches."""
        assert len(_read().to_dossier().documents) == 2

    def test_known_records_are_reused(self) -> None:
        """Against the example dossier, nothing is duplicated: it is all known already."""
        known = load_example()
        merged = _read().to_dossier(known)
        assert merged == known
        assert validate(merged).ok

    def test_new_meeting_refers_to_known_people(self) -> None:
        """A new meeting of known people refers to them by id instead of adding them again."""
        text = (
            "Chinese Premier Li Qiang held talks with Russian Prime Minister Mikhail Mishustin "
            "on 3 May 2025."
        )
        known = load_example()
        merged = extract(text, language="en").to_dossier(known)
        assert len(merged.people) == len(known.people)
        (new,) = [m for m in merged.meetings if m not in known.meetings]
        assert new.kind is MeetingKind.TALKS
        assert {p.person for p in new.participants} == {"li-qiang", "mikhail-mishustin"}
        assert validate(merged).ok

    @pytest.mark.parametrize("stem", sorted(p.stem for p in DEVSET.glob("*.txt")))
    def test_every_development_report_gives_valid_records(self, stem: str) -> None:
        """Proposed records of every report of the development set pass `validate`."""
        text = (DEVSET / f"{stem}.txt").read_text(encoding="utf-8")
        gold = json.loads((DEVSET / f"{stem}.json").read_text(encoding="utf-8"))
        found = extract(
            text, language=gold["language"], published=date.fromisoformat(gold["published"])
        )
        report = validate(found.to_dossier())
        assert report.ok, [f.message for f in report.errors]


class TestSerialisation:
    def test_round_trip(self) -> None:
        """An extraction survives to_json and from_json unchanged."""
        found = _read()
        assert from_json(to_json(found), Extraction) == found


class TestRun:
    def test_prints_the_extraction(self, tmp_path: Path) -> None:
        """`run` reads the file and returns the extraction's JSON."""
        report = tmp_path / "report.txt"
        report.write_text(REPORT, encoding="utf-8")
        found = json.loads(run(report, dateline="2024-08-21"))
        assert found["ordinals"][0]["value"] == 29

    def test_prints_only_new_records(self, tmp_path: Path) -> None:
        """With --records and a dossier, only what the dossier lacks is printed."""
        report = tmp_path / "report.txt"
        report.write_text(REPORT, encoding="utf-8")
        known = tmp_path / "known.json"
        load_example().save(known)
        records = json.loads(run(report, dateline="2024-08-21", dossier=known, records=True))
        assert records.get("people", []) == []
        assert records.get("meetings", []) == []
        assert records["id"] == "china-russia-2024"

    def test_bad_arguments(self, tmp_path: Path) -> None:
        """A missing file and a bad date are reported together as a DataError."""
        with pytest.raises(DataError) as caught:
            run(tmp_path / "missing.txt", dateline="21/08/2024")
        assert [p.path for p in caught.value.problems] == ["$.dateline", "$.path"]


class _Organization:
    def __init__(self, code: str, names: dict[str, str]) -> None:
        self.code = code
        self._names = names
        self.aliases = ("Shanghai Cooperation Organisation",)

    def name_in(self, locale: str) -> str:
        return self._names.get(locale, "")


@pytest.fixture
def registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A stand-in `diplomodel.organizations` registry, and fresh phrase indexes."""
    module = types.ModuleType("diplomodel.organizations")
    module.organizations = [  # type: ignore[attr-defined]
        _Organization("SCO", {"en": "Shanghai Cooperation Organization", "ru": "ШОС"}),
        _Organization("AU", {"en": "African Union", "fr": "Union africaine"}),
    ]
    monkeypatch.setitem(sys.modules, "diplomodel.organizations", module)
    _lexicon._build.cache_clear()
    yield
    _lexicon._build.cache_clear()


class TestOrganizations:
    @pytest.mark.usefixtures("registry")
    def test_registry_names_are_found(self) -> None:
        """With an organisations registry, its names and codes are found, never as states."""
        found = extract("The SCO and the African Union met in South Africa.", language="en")
        assert [o.code for o in found.organizations] == ["SCO", "AU"]
        assert found.state_codes() == ("ZA",)
        assert [o.code for o in extract("Саммит ШОС прошёл.", language="ru").organizations] == [
            "SCO"
        ]
