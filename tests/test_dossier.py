"""Dossier: collections, lookups, files, and the bundled example's facts."""

import json
import os
from datetime import date

import attrs
import pytest
from hypothesis import given, settings

import diplomodel as dm
from tests import strategies as s
from tests.profiles import examples

EXAMPLE = dm.load_example()
CN, RU = dm.states.get("CN"), dm.states.get("RU")
MEETING_ID = "cn-ru-heads-of-government-29"


class TestConstruction:
    def test_empty(self):
        """A dossier needs only an id and a title."""
        dossier = dm.Dossier(id="empty", title="Nothing yet")
        assert len(dossier) == 0
        assert dossier.people == ()

    @pytest.mark.parametrize(
        "field",
        [
            "people",
            "offices",
            "meetings",
            "series",
            "documents",
            "committees",
            "relations",
            "thematic_years",
            "statements",
        ],
    )
    def test_collections_hold_their_kind(self, field):
        """A collection rejects objects of another kind and lists."""
        with pytest.raises(TypeError, match=f"'{field}"):
            dm.Dossier(id="d", title="t", **{field: (dm.states.get("CN"),)})
        with pytest.raises(TypeError, match=f"'{field}' must be a tuple"):
            dm.Dossier(id="d", title="t", **{field: []})

    def test_index_is_not_part_of_equality(self):
        """Looking something up does not change equality or the serialised form."""
        fresh = dm.load_example()
        fresh.person("li-qiang")
        assert fresh == EXAMPLE
        assert "_index" not in dm.to_dict(fresh)
        assert "index" not in dm.to_dict(fresh)


class TestLookups:
    @pytest.mark.parametrize(
        ("method", "entity_id"),
        [
            ("person", "li-qiang"),
            ("office", "ru-prime-minister"),
            ("meeting", MEETING_ID),
            ("meeting_series", "cn-ru-heads-of-government"),
            ("document", "cn-ru-investment-plan-2024"),
            ("committee", "cn-ru-energy-commission"),
            ("relation_by_id", "cn-ru"),
            ("thematic_year", "cn-ru-years-of-culture-2024-2025"),
            ("statement", "cn-ru-hog-29-mishustin-international"),
        ],
    )
    def test_lookup_by_id(self, method, entity_id):
        """Each kind of entity is found by its id."""
        assert getattr(EXAMPLE, method)(entity_id).id == entity_id

    def test_unknown_id(self):
        """An unknown id raises KeyError naming it."""
        with pytest.raises(KeyError, match="no Person with id 'nobody'"):
            EXAMPLE.person("nobody")

    def test_kinds_do_not_mix(self):
        """A meeting id is not a person id."""
        with pytest.raises(KeyError):
            EXAMPLE.person(MEETING_ID)

    def test_first_duplicate_wins(self):
        """With a duplicated id, lookups return the first (validation reports duplicates)."""
        a = dm.Person(id="p", name="First")
        b = dm.Person(id="p", name="Second")
        assert dm.Dossier(id="d", title="t", people=(a, b)).person("p") is a

    def test_len_counts_every_entity(self):
        """len() counts the entities of every kind."""
        assert len(EXAMPLE) == 4 + 4 + 1 + 1 + 10 + 5 + 1 + 1 + 4


class TestFiles:
    def test_save_and_load(self, tmp_path):
        """A saved dossier loads back equal."""
        path = tmp_path / "example.json"
        EXAMPLE.save(path)
        assert dm.Dossier.load(path) == EXAMPLE

    def test_saved_file_has_a_header(self, tmp_path):
        """The file says what it is and which format wrote it."""
        path = tmp_path / "example.json"
        EXAMPLE.save(str(path))
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["diplomodel"] == dm.FORMAT_VERSION
        assert data["kind"] == "dossier"

    def test_bundled_file_is_canonical(self):
        """Saving the example reproduces the bundled file's data exactly."""
        from importlib.resources import files

        bundled = json.loads(
            (files("diplomodel") / "_data" / "examples" / "china-russia-2024.json").read_text(
                encoding="utf-8"
            )
        )
        assert EXAMPLE.to_file_dict() == bundled

    def test_save_is_atomic(self, tmp_path, monkeypatch):
        """A failed write leaves the old file intact and no temporary file behind."""
        path = tmp_path / "d.json"
        EXAMPLE.save(path)
        before = path.read_bytes()

        def broken_fsync(_fd):
            raise OSError("disk full")

        monkeypatch.setattr(os, "fsync", broken_fsync)
        other = dm.Dossier(id="other", title="Other")
        with pytest.raises(OSError, match="disk full"):
            other.save(path)
        assert path.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir()) == ["d.json"]

    def test_save_replaces(self, tmp_path):
        """Saving over an existing file replaces it."""
        path = tmp_path / "d.json"
        EXAMPLE.save(path)
        small = dm.Dossier(id="small", title="Small")
        small.save(path)
        assert dm.Dossier.load(path) == small

    @settings(max_examples=examples(10))
    @given(s.dossiers)
    def test_generated_dossiers_survive_files(self, dossier):
        """Any valid dossier survives save and load."""
        import tempfile
        from pathlib import Path

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "d.json"
            dossier.save(path)
            assert dm.Dossier.load(path) == dossier

    def test_missing_file(self, tmp_path):
        """A missing file is a DataError naming the file."""
        with pytest.raises(dm.DataError, match="cannot read file") as info:
            dm.Dossier.load(tmp_path / "absent.json")
        assert "absent.json" in str(info.value)

    @pytest.mark.parametrize(
        ("content", "path", "message"),
        [
            (
                {"diplomodel": "3.0", "kind": "dossier", "id": "d", "title": "t"},
                "$.diplomodel",
                "newer",
            ),
            (
                {"diplomodel": "one", "kind": "dossier", "id": "d", "title": "t"},
                "$.diplomodel",
                "invalid",
            ),
            (
                {"diplomodel": 1, "kind": "dossier", "id": "d", "title": "t"},
                "$.diplomodel",
                "invalid",
            ),
            (
                {"diplomodel": "1.0", "kind": "meeting", "id": "d", "title": "t"},
                "$.kind",
                "expected 'dossier'",
            ),
            ({"diplomodel": "1.0", "id": "d", "title": "t"}, "$.kind", "expected 'dossier'"),
            ([], "$", "expected a JSON object"),
        ],
    )
    def test_bad_headers(self, tmp_path, content, path, message):
        """The header is checked before the data."""
        file = tmp_path / "d.json"
        file.write_text(json.dumps(content), encoding="utf-8")
        with pytest.raises(dm.DataError, match=message) as info:
            dm.Dossier.load(file)
        assert path in {p.path for p in info.value.problems}

    def test_bare_object_is_format_0(self, tmp_path):
        """A file holding just to_json(dossier), with no header, is migrated and read."""
        file = tmp_path / "bare.json"
        file.write_text(dm.to_json(EXAMPLE), encoding="utf-8")
        assert dm.Dossier.load(file) == EXAMPLE

    def test_migration_hook(self):
        """An older major version goes through the migrations, one version at a time."""
        old = {"diplomodel": "0.9", "kind": "dossier", "ident": "d", "title": "t"}

        def rename(body):
            return {("id" if k == "ident" else k): v for k, v in body.items()}

        body = dm.open_envelope(old, "dossier", migrations={0: rename, 1: dm.MIGRATIONS[1]})
        assert body == {"id": "d", "title": "t"}
        with pytest.raises(dm.DataError, match="no migration reads format version 0"):
            dm.open_envelope(old, "dossier", migrations={})

    def test_minor_version_is_read(self, tmp_path):
        """A newer minor version of the same major format is read."""
        file = tmp_path / "d.json"
        file.write_text(
            json.dumps({"diplomodel": "2.7", "kind": "dossier", "id": "d", "title": "t"})
        )
        assert dm.Dossier.load(file).id == "d"

    def test_bad_data_lists_every_problem(self, tmp_path):
        """Errors in the data come back together, with paths, and nothing is half-built."""
        data = EXAMPLE.to_file_dict()
        data["people"][0]["name"] = 5
        data["documents"][3]["type"] = "memo"
        data["relations"][0]["established"] = "1949-13-01"
        file = tmp_path / "d.json"
        file.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(dm.DataError) as info:
            dm.Dossier.load(file)
        assert {p.path for p in info.value.problems} == {
            "$.people[0].name",
            "$.documents[3]",
            "$.relations[0].established",
        }

    def test_unknown_example(self):
        """Asking for an example that does not exist is a lookup error naming the known ones."""
        with pytest.raises(dm.UnknownExampleError, match="no example named 'mars'") as info:
            dm.load_example("mars")
        assert isinstance(info.value, LookupError)
        assert "china-russia-2024" in info.value.known
        assert "china-russia-2024" in str(info.value)


class TestExampleFacts:
    """The bundled example says everything the seed report says."""

    meeting = EXAMPLE.meeting(MEETING_ID)

    def test_meeting(self):
        """The 29th regular meeting: Moscow, Wednesday 21 August 2024, hosted by Russia."""
        m = self.meeting
        assert m.kind is dm.MeetingKind.REGULAR_MEETING
        assert m.ordinal == 29
        assert m.start == dm.PartialDate(year=2024, month=8, day=21)
        assert m.start.to_date().strftime("%A") == "Wednesday"
        assert m.place == dm.Place(state=RU, locality="Moscow")
        assert m.host == RU
        assert set(m.parties) == {CN, RU}

    def test_series(self):
        """It belongs to the regular meetings of heads of government, held since 1996."""
        series = EXAMPLE.meeting_series(self.meeting.series)
        assert series.established == dm.PartialDate(year=1996)
        assert series.level is dm.OfficeKind.HEAD_OF_GOVERNMENT
        assert series.cadence is dm.Cadence.ANNUAL
        # 1996 is the 1st, so the 29th falls in 2024 when held yearly.
        assert series.established.year + self.meeting.ordinal - 1 == self.meeting.start.year

    def test_co_chairs_and_their_offices(self):
        """Li Qiang and Mikhail Mishustin co-chaired, each in office as head of government."""
        assert [EXAMPLE.person(p).name for p in self.meeting.co_chairs] == [
            "Li Qiang",
            "Mikhail Mishustin",
        ]
        day = self.meeting.start.to_date()
        for participation in self.meeting.participants:
            office = EXAMPLE.office(participation.office)
            assert office.kind is dm.OfficeKind.HEAD_OF_GOVERNMENT
            assert office.state == participation.delegation
            person = EXAMPLE.person(participation.person)
            assert any(t.covers(day) for t in person.tenures_of(office.id))

    def test_heads_of_state(self):
        """Xi Jinping and Vladimir Putin were the presidents at the time."""
        day = date(2024, 8, 21)
        for person_id, office_id in [
            ("xi-jinping", "cn-president"),
            ("vladimir-putin", "ru-president"),
        ]:
            office = EXAMPLE.office(office_id)
            assert office.kind is dm.OfficeKind.HEAD_OF_STATE
            assert any(t.covers(day) for t in EXAMPLE.person(person_id).tenures_of(office_id))

    def test_five_committees_reported(self):
        """The investment, energy, regular-meetings, regional and humanities bodies reported."""
        reported = [EXAMPLE.committee(r.committee) for r in self.meeting.committee_reports]
        assert len(reported) == 5
        assert {sector for c in reported for sector in c.sectors} >= {
            dm.Sector.INVESTMENT,
            dm.Sector.ENERGY,
            dm.Sector.INTERGOVERNMENTAL_COORDINATION,
            dm.Sector.REGIONAL_COOPERATION,
            dm.Sector.HUMANITIES,
        }

    def test_communique(self):
        """The two premiers signed a joint communiqué at the meeting."""
        (communique,) = [d for d in EXAMPLE.documents if isinstance(d, dm.Communique)]
        assert communique.meeting == MEETING_ID
        assert communique.id in self.meeting.outcomes
        assert {sig.person for sig in communique.signatories} == {"li-qiang", "mikhail-mishustin"}
        assert communique.signed == self.meeting.start

    def test_revised_investment_plan(self):
        """A revised investment cooperation plan replaced an earlier one."""
        revised = EXAMPLE.document("cn-ru-investment-plan-2024")
        assert isinstance(revised, dm.CooperationAgreement)
        assert revised.form is dm.AgreementForm.PLAN
        earlier = EXAMPLE.document(revised.revises)
        assert earlier.status is dm.DocumentStatus.SUPERSEDED
        assert {sig.person for sig in revised.signatories} == {"li-qiang", "mikhail-mishustin"}

    def test_witnessed_cooperation_documents(self):
        """Seven cooperation documents were signed in the premiers' presence, one per field."""
        witnessed = [d for d in EXAMPLE.documents if d.witnesses]
        assert {sector for d in witnessed for sector in d.sectors} == {
            dm.Sector.EDUCATION,
            dm.Sector.SCIENCE_AND_TECHNOLOGY,
            dm.Sector.CHEMICAL_INDUSTRY,
            dm.Sector.GREEN_CONSTRUCTION,
            dm.Sector.MARITIME_SEARCH_AND_RESCUE,
            dm.Sector.CROSS_BORDER_CARGO_TRANSPORT,
            dm.Sector.CITIZEN_EXCHANGES,
        }
        assert len(witnessed) == 7
        assert all(set(d.witnesses) == {"li-qiang", "mikhail-mishustin"} for d in witnessed)
        assert all(d.id in self.meeting.outcomes for d in witnessed)

    def test_sectors_discussed(self):
        """Traditional and emerging fields named at the meeting are recorded."""
        assert set(self.meeting.sectors) >= {
            dm.Sector.ECONOMY_AND_TRADE,
            dm.Sector.INVESTMENT,
            dm.Sector.AGRICULTURE,
            dm.Sector.ENERGY,
            dm.Sector.DIGITAL_ECONOMY,
            dm.Sector.BIOMEDICINE,
            dm.Sector.GREEN_DEVELOPMENT,
        }

    def test_relation(self):
        """Ties since 2 October 1949; 'for a new era' since 2019 and in force in 2024."""
        relation = EXAMPLE.relation_by_id("cn-ru")
        assert set(relation.parties) == {CN, RU}
        assert relation.established == dm.PartialDate(year=1949, month=10, day=2)
        level = relation.level_on(date(2024, 8, 21))
        assert level is not None
        assert level.name == "comprehensive strategic partnership of coordination for a new era"
        assert level.since.year == 2019
        # 2024 is the year of the 75th anniversary of the ties.
        assert 2024 - relation.established.year == 75

    def test_years_of_culture(self):
        """The Russia–China Years of Culture run through 2024 and 2025."""
        year = EXAMPLE.thematic_year("cn-ru-years-of-culture-2024-2025")
        assert (year.start, year.end) == (dm.PartialDate(year=2024), dm.PartialDate(year=2025))
        assert dm.Sector.CULTURE in year.sectors
        assert set(year.parties) == {CN, RU}

    def test_statements(self):
        """Each premier's stated positions are recorded, at the meeting, for his state."""
        by_speaker = {}
        for statement in EXAMPLE.statements:
            by_speaker.setdefault(statement.speaker, []).append(statement)
            assert statement.meeting == MEETING_ID
            assert statement.speaker in self.meeting.co_chairs
        assert {k: len(v) for k, v in by_speaker.items()} == {"li-qiang": 2, "mikhail-mishustin": 2}
        assert all(s.on_behalf_of == CN for s in by_speaker["li-qiang"])
        assert any(dm.Sector.ENERGY in s.topics for s in by_speaker["mikhail-mishustin"])

    def test_source(self):
        """The facts cite the source report and its dateline."""
        (source,) = self.meeting.sources
        assert source.publisher == "The Gulf Observer"
        assert source.dateline == "Moscow"

    def test_every_reference_resolves(self):
        """Every id the example mentions names an entity of the right kind."""
        for m in EXAMPLE.meetings:
            for p in m.participants:
                EXAMPLE.person(p.person)
                if p.office:
                    EXAMPLE.office(p.office)
            for r in m.committee_reports:
                EXAMPLE.committee(r.committee)
            for d in m.outcomes:
                EXAMPLE.document(d)
            if m.series:
                EXAMPLE.meeting_series(m.series)
        for d in EXAMPLE.documents:
            if d.meeting:
                EXAMPLE.meeting(d.meeting)
            if d.revises:
                EXAMPLE.document(d.revises)
            for sig in d.signatories:
                EXAMPLE.person(sig.person)
            for w in d.witnesses:
                EXAMPLE.person(w)
        for person in EXAMPLE.people:
            for tenure in person.tenures:
                EXAMPLE.office(tenure.office)
        for statement in EXAMPLE.statements:
            EXAMPLE.person(statement.speaker)

    def test_example_objects_are_frozen(self):
        """The example cannot be changed in place."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            self.meeting.ordinal = 30  # type: ignore[misc]
