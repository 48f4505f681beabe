"""`Extraction.to_dossier`, the command's `run`, serialisation and the organisations hook."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import attrs
import pytest

from diplomodel import (
    AgreementForm,
    ClaimKind,
    ClaimSubject,
    Communique,
    CooperationAgreement,
    DataError,
    Declaration,
    DocumentBatch,
    Dossier,
    Extraction,
    JointStatement,
    MeetingKind,
    MeetingSeries,
    OfficeKind,
    Role,
    Source,
    extract,
    from_json,
    load_example,
    to_json,
    validate,
)
from diplomodel.extract import _lexicon
from diplomodel.extract._cli import run

DEVSET = Path(__file__).parent / "data" / "extraction"
HELDOUT = DEVSET.with_name("extraction-heldout")
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
        assert [type(d) for d in records.documents] == [
            Communique,
            CooperationAgreement,
            DocumentBatch,
        ]

    def test_counted_batches_are_one_record(self) -> None:
        """A count ("28 memoranda") is one batch of 28 memoranda, never 28 invented records."""
        (batch,) = [d for d in _read().to_dossier().documents if isinstance(d, DocumentBatch)]
        assert (batch.count, batch.form, batch.meeting) == (
            28,
            AgreementForm.MEMORANDUM,
            "extracted-2024-08-21-meeting-1",
        )

    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("They adopted a joint statement.", JointStatement),
            ("They adopted a declaration.", Declaration),
            ("They adopted a joint communique.", Communique),
        ],
    )
    def test_statements_by_kind(self, text: str, kind: type) -> None:
        """A joint statement, a declaration and a communiqué are each recorded as such."""
        found = extract(f"China and Russia met on 3 May 2025. {text}", language="en")
        assert [type(d) for d in found.to_dossier().documents] == [kind]

    def test_a_count_of_a_meeting_whose_outcomes_are_known(self) -> None:
        """A known meeting that lists its documents: the count is said of it, no batch is added."""
        merged = _read().to_dossier(load_example())
        assert merged.documents == load_example().documents
        (count,) = [c for c in merged.claims if c.what is ClaimKind.COUNT]
        assert (count.about, count.meeting, count.number) == (
            ClaimSubject.MEETING,
            "cn-ru-heads-of-government-29",
            28,
        )

    def test_known_records_are_reused(self) -> None:
        """Against the example dossier, nothing is duplicated: only the report's claims are new."""
        known = load_example()
        merged = _read().to_dossier(known)
        assert attrs.evolve(merged, claims=()) == known
        assert {c.meeting for c in merged.claims} == {"cn-ru-heads-of-government-29"}
        assert not any(c.evidence for c in merged.claims)  # the record is not this report's
        report = validate(merged)
        assert report.ok
        assert not [f for f in report.findings if f.code.startswith("DM14")]

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

    @pytest.mark.parametrize(
        ("folder", "stem"),
        [(f, p.stem) for f in (DEVSET, HELDOUT) for p in sorted(f.glob("*.txt"))],
        ids=lambda x: getattr(x, "name", x),
    )
    def test_every_development_report_gives_valid_records(self, folder: Path, stem: str) -> None:
        """Proposed records, claims included, of every report of both sets pass `validate`."""
        text = (folder / f"{stem}.txt").read_text(encoding="utf-8")
        gold = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
        found = extract(
            text, language=gold["language"], published=date.fromisoformat(gold["published"])
        )
        report = validate(found.to_dossier())
        assert report.ok, [f.message for f in report.errors]


def _codes(dossier: Dossier) -> list[str]:
    return sorted(f.code for f in validate(dossier).findings)


class TestClaims:
    def test_what_the_report_asserted(self) -> None:
        """Date, place, number and count of the meeting, from the report, said on its day."""
        records = _read().to_dossier(source=Source(publisher="Wire"))
        claimed = {c.what: c for c in records.claims}
        assert set(claimed) == {
            ClaimKind.DATE,
            ClaimKind.PLACE,
            ClaimKind.ORDINAL,
            ClaimKind.COUNT,
        }
        (meeting,) = records.meetings
        assert {c.meeting for c in records.claims if c.what is not ClaimKind.COUNT} == {meeting.id}
        (batch,) = [d for d in records.documents if isinstance(d, DocumentBatch)]
        assert claimed[ClaimKind.COUNT].document == batch.id
        assert str(claimed[ClaimKind.DATE].date) == "2024-08-21"
        assert claimed[ClaimKind.PLACE].text == "Moscow"
        assert (claimed[ClaimKind.ORDINAL].number, claimed[ClaimKind.ORDINAL].quote) == (29, "29th")
        assert claimed[ClaimKind.COUNT].number == 28
        assert all(c.source.publisher == "Wire" for c in records.claims)
        assert {str(c.when) for c in records.claims} == {"2024-08-21"}
        assert claimed[ClaimKind.DATE].evidence  # the proposed meeting rests on this report
        assert validate(records).ok

    def test_a_wrong_ordinal_is_reported(self) -> None:
        """A report calling the 29th regular meeting the 30th: DM145, and no duplicate meeting."""
        text = REPORT.replace("29th", "30th")
        merged = extract(text, language="en", dateline=date(2024, 8, 21)).to_dossier(load_example())
        assert len(merged.meetings) == len(load_example().meetings)
        findings = [f for f in validate(merged).findings if f.code == "DM145"]
        assert len(findings) == 1
        assert "numbers it 30, but the record says 29" in findings[0].message

    def test_a_wrong_anniversary_is_reported(self) -> None:
        """2019 called "the 75th anniversary" of ties established in 1949: DM142."""
        text = (
            "BEIJING — China and Russia marked the 75th anniversary of diplomatic relations "
            "on Tuesday with a reception attended by Chinese Foreign Minister Wang Yi."
        )
        found = extract(text, language="en", published=date(2019, 10, 1))
        merged = found.to_dossier(load_example())
        (claim,) = [c for c in merged.claims if c.what is ClaimKind.ANNIVERSARY]
        assert (claim.relation, claim.number, str(claim.when)) == ("cn-ru", 75, "2019-10-01")
        assert "DM142" in _codes(merged)
        right = extract(text.replace("75th", "70th"), language="en", published=date(2019, 10, 1))
        assert "DM142" not in _codes(right.to_dossier(load_example()))

    def test_an_unknown_relation_is_proposed_once(self) -> None:
        """Without a dossier, the pair's relation is proposed so the claim has a record."""
        text = "China and Russia mark the 75th anniversary of diplomatic relations."
        records = extract(text, language="en", published=date(2024, 10, 2)).to_dossier()
        (relation,) = records.relations
        assert {p.code for p in relation.parties} == {"CN", "RU"}
        assert [c.relation for c in records.claims] == [relation.id]
        assert validate(records).ok

    def test_the_same_claims_twice_are_one(self) -> None:
        """Reading the same report into its own records again adds nothing: claim ids are stable."""
        first = _read().to_dossier()
        assert _read().to_dossier(first) == first


class TestResolution:
    def _two_series(self) -> Dossier:
        known = load_example()
        summits = MeetingSeries(
            id="cn-ru-summits",
            title="China-Russia summits",
            kind=MeetingKind.SUMMIT,
            parties=known.series[0].parties,
            level=OfficeKind.HEAD_OF_STATE,
        )
        return attrs.evolve(known, series=(summits, *known.series))

    def test_series_by_parties_and_level(self) -> None:
        """Of two series of the same pair, the one of the leaders' level is taken."""
        text = REPORT.replace("Wednesday", "Thursday").replace("29th", "30th")
        merged = extract(text, language="en", dateline=date(2025, 11, 4)).to_dossier(
            self._two_series()
        )
        (new,) = [m for m in merged.meetings if m.ordinal == 30]
        assert (new.series, new.kind) == ("cn-ru-heads-of-government", MeetingKind.REGULAR_MEETING)
        assert validate(merged).ok

    def test_unknown_series_is_proposed(self) -> None:
        """A numbered bilateral meeting with no known series gets one, at the leaders' level."""
        records = _read().to_dossier()
        (series,) = records.series
        assert (series.level, {p.code for p in series.parties}) == (
            OfficeKind.HEAD_OF_GOVERNMENT,
            {"CN", "RU"},
        )
        assert (records.meetings[0].series, records.meetings[0].ordinal) == (series.id, 29)

    def test_people_by_name_in_any_language(self) -> None:
        """ "Ли Цян" in a Russian report is the known Li Qiang, not a new person."""
        text = (
            "Председатель Госсовета КНР Ли Цян и Председатель Правительства России "
            "Михаил Мишустин провели в Москве переговоры 3 мая 2025 года."
        )
        merged = extract(text, language="ru").to_dossier(load_example())
        assert len(merged.people) == len(load_example().people)
        (new,) = [m for m in merged.meetings if m not in load_example().meetings]
        assert {p.person for p in new.participants} == {"li-qiang", "mikhail-mishustin"}
        place = new.place.locality if new.place else None
        assert place == "Moscow"  # one spelling, whatever the report's language
        assert validate(merged).ok


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
