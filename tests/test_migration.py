"""Reading files of format version 1 (diplomodel 0.1) into the version 2 model."""

from __future__ import annotations

import json
import pathlib

import attrs
import pytest

import diplomodel as dm

V1 = pathlib.Path(__file__).parent / "data" / "format-v1"


def v1_meeting(**changes):
    """A version 1 meeting record, as diplomodel 0.1 wrote it."""
    record = {
        "id": "m1",
        "title": "Talks",
        "kind": "talks",
        "start": "2023-07-04",
        "parties": ["CN", "RU"],
    }
    return {**record, **changes}


def v1_dossier(*meetings):
    return {
        "diplomodel": "1.0",
        "kind": "dossier",
        "id": "d",
        "title": "D",
        "meetings": [*meetings],
    }


class TestExample:
    def test_bundled_example_written_in_v1_reads_as_today(self):
        """The example as 0.1 wrote it loads into the same facts as the bundled v2 file.

        0.1 had no way to record that Russia continues the Soviet Union's ties, so
        the bundled file has that succession on top.
        """
        example = dm.load_example()
        relations = tuple(attrs.evolve(r, successions=()) for r in example.relations)
        assert dm.Dossier.load(V1 / "china-russia-2024.json") == attrs.evolve(
            example, relations=relations
        )

    def test_fixture_really_is_v1(self):
        """The fixture keeps its old header, so the test above goes through the migration."""
        data = json.loads((V1 / "china-russia-2024.json").read_text(encoding="utf-8"))
        assert data["diplomodel"] == "1.0"

    def test_saved_files_are_v2(self, tmp_path):
        """What is written now carries the new major version."""
        target = tmp_path / "d.json"
        dm.load_example().save(target)
        assert json.loads(target.read_text(encoding="utf-8"))["diplomodel"] == "2.0"


class TestMeetingKinds:
    @pytest.mark.parametrize(
        ("kind", "expected"),
        [
            ("video_conference", (dm.MeetingKind.TALKS, dm.MeetingFormat.VIDEO_LINK, None)),
            ("phone_call", (dm.MeetingKind.PHONE_CALL, dm.MeetingFormat.PHONE, None)),
            (
                "ministerial_meeting",
                (dm.MeetingKind.TALKS, dm.MeetingFormat.IN_PERSON, dm.MeetingLevel.MINISTERIAL),
            ),
            ("summit", (dm.MeetingKind.SUMMIT, dm.MeetingFormat.IN_PERSON, None)),
        ],
    )
    def test_kinds_that_named_a_format_or_level(self, kind, expected):
        """v1 kinds that said how or at what level people met become v2's format and level."""
        dossier = dm.Dossier.from_file_dict(v1_dossier(v1_meeting(kind=kind)))
        (meeting,) = dossier.meetings
        assert (meeting.kind, meeting.format, meeting.level) == expected

    def test_bare_v1_meeting(self):
        """A bare v1 meeting (no header: version 0) is migrated through version 1."""
        body = dm.open_envelope(v1_meeting(kind="video_conference"), "meeting")
        assert dm.from_dict(body, dm.Meeting).format is dm.MeetingFormat.VIDEO_LINK

    def test_bare_v2_meeting_is_left_alone(self):
        """A bare object that says its format (only version 2 does) keeps what it says."""
        record = v1_meeting(kind="video_conference", format="hybrid")
        assert dm.open_envelope(record, "meeting") == record

    def test_series_kind_is_kept(self):
        """A series has no format: its v1 kind is kept as it was."""
        data = v1_dossier()
        data["series"] = [
            {"id": "s", "title": "S", "kind": "video_conference", "parties": ["CN", "RU"]}
        ]
        (series,) = dm.Dossier.from_file_dict(data).series
        assert series.kind is dm.MeetingKind.VIDEO_CONFERENCE

    def test_bad_v1_record_names_its_path(self):
        """A v1 file that cannot become v2 data says which record and why; nothing loads."""
        broken = v1_meeting(kind="video_conference", start="21 August")
        with pytest.raises(dm.DataError) as info:
            dm.Dossier.from_file_dict(v1_dossier(v1_meeting(), broken))
        assert [p.path for p in info.value.problems] == ["$.meetings[1].start"]

    def test_v1_states_are_v2_actors(self):
        """A v1 state code is still a state in v2: parties need no rewriting."""
        (meeting,) = dm.Dossier.from_file_dict(v1_dossier(v1_meeting())).meetings
        assert meeting.parties == (dm.states.get("CN"), dm.states.get("RU"))
