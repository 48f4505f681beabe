"""Actors: states, organisations and bodies wherever someone acts."""

from __future__ import annotations

import attrs
import jsonschema
import pytest

import diplomodel as dm

CN = dm.states.get("CN")
EU = dm.organizations.get("EU")
MOE = dm.Body(id="cn-moe", name="Ministry of Education", kind=dm.BodyKind.MINISTRY, belongs_to=CN)

SUMMIT = dm.Meeting(
    id="eu-cn-24",
    title="24th EU–China summit",
    kind=dm.MeetingKind.SUMMIT,
    start=dm.PartialDate.parse("2023-12-07"),
    parties=(EU, CN),
    host=CN,
    level=dm.MeetingLevel.LEADERS,
    attendance=(
        dm.Attendance(actor=EU, role=dm.AttendanceRole.GUEST),
        dm.Attendance(actor=CN, role=dm.AttendanceRole.HOST),
    ),
)


class TestFiles:
    def test_every_kind_is_written_apart(self):
        """A state is its code, an organisation 'org:' and its code, a body 'body:' and its id."""
        meeting = attrs.evolve(SUMMIT, parties=(EU, CN, "cn-moe"))
        assert dm.to_dict(meeting)["parties"] == ["org:EU", "CN", "body:cn-moe"]

    def test_round_trip(self):
        """Every kind of actor comes back as it was."""
        meeting = attrs.evolve(SUMMIT, parties=(EU, CN, "cn-moe"))
        assert dm.from_json(dm.to_json(meeting), dm.Meeting) == meeting

    def test_eu_is_not_a_state_code(self):
        """'EU' alone is a (reserved) state code, never the organisation."""
        data = dm.to_dict(SUMMIT)
        data["parties"] = ["EU", "CN"]
        with pytest.raises(dm.DataError) as info:
            dm.from_dict(data, dm.Meeting)
        (problem,) = info.value.problems
        assert problem.path == "$.parties[0]"
        assert "did you mean 'org:EU'" in problem.message

    def test_unknown_organisation_names_candidates(self):
        """An unknown code is an error at its path that offers the closest codes."""
        data = dm.to_dict(SUMMIT)
        data["host"] = "org:SOC"
        with pytest.raises(dm.DataError) as info:
            dm.from_dict(data, dm.Meeting)
        (problem,) = info.value.problems
        assert problem.path == "$.host"
        assert "did you mean 'org:SCO'" in problem.message

    @pytest.mark.parametrize("text", ["org:", "body:", "body:has space", "org:eu"])
    def test_malformed(self, text):
        """Malformed actor text is refused at its path."""
        data = dm.to_dict(SUMMIT)
        data["host"] = text
        with pytest.raises(dm.DataError) as info:
            dm.from_dict(data, dm.Meeting)
        assert [p.path for p in info.value.problems] == ["$.host"]

    def test_schema_describes_actors(self):
        """The JSON Schema accepts what is written and refuses a bare organisation code."""
        schema = dm.json_schema(dm.Meeting)
        jsonschema.validate(dm.to_dict(attrs.evolve(SUMMIT, parties=(EU, CN, "cn-moe"))), schema)
        bad = dm.to_dict(SUMMIT) | {"host": "SCO"}
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


class TestNames:
    def test_actor_key(self):
        """One text per actor, unique across kinds."""
        assert [dm.actor_key(a) for a in (CN, EU, "cn-moe")] == ["CN", "org:EU", "body:cn-moe"]

    def test_actor_name_in_a_dossier(self):
        """A dossier names states, organisations and its bodies in a locale."""
        dossier = dm.Dossier(id="d", title="D", bodies=(MOE,), meetings=(SUMMIT,))
        assert dossier.actor_name(EU, locale="de") == "Europäische Union"
        assert dossier.actor_name("cn-moe", locale="en") == "Ministry of Education"
        assert dossier.actor_name("cn-other", locale="en") == "body 'cn-other'"

    def test_body_names(self):
        """A body's name falls back to broader locales, then English."""
        body = attrs.evolve(MOE, names={"zh": "教育部"})
        assert body.name_in("zh_Hans_CN") == "教育部"
        assert body.name_in("fr") == "Ministry of Education"


class TestReferences:
    def test_body_reference_is_checked(self):
        """A body id in an actor field must name a body of the dossier (DM101)."""
        meeting = attrs.evolve(SUMMIT, parties=(CN, "cn-moe"))
        missing = dm.validate(dm.Dossier(id="d", title="D", meetings=(meeting,)))
        assert [(f.code, f.path) for f in missing if f.code == "DM101"] == [
            ("DM101", "$.meetings[0].parties[1]")
        ]
        present = dm.Dossier(id="d", title="D", meetings=(meeting,), bodies=(MOE,))
        assert not [f for f in dm.validate(present) if f.code == "DM101"]

    def test_visitors(self):
        """For a meeting with a host, the other parties are the visitors."""
        assert SUMMIT.visitors == (EU,)
