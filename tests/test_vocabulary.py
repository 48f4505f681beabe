"""The widened `Sector` vocabulary and its PLOVER mapping."""

import attrs
import pytest

import diplomodel as dm
from diplomodel.i18n import label
from diplomodel.plover import (
    MEETING_CODINGS,
    RELATION_EVENT_CODINGS,
    SECTOR_CONTEXTS,
    PloverCoding,
    PloverContext,
    PloverEvent,
    PloverMode,
    plover_coding,
    plover_contexts,
)

#: Fields of cooperation that reports name and issue 13 asks for.
ASKED_FOR = (
    "polar_research",
    "pharmaceuticals",
    "intellectual_property",
    "climate_change",
    "counter_terrorism",
    "drug_control",
    "artificial_intelligence",
    "satellite_navigation",
    "nuclear_energy",
    "space",
    "fisheries",
    "health",
    "customs",
    "migration",
    "water",
    "cybersecurity",
    "semiconductors",
    "mineral_resources",
)


class TestSector:
    @pytest.mark.parametrize("value", ASKED_FOR)
    def test_reports_fields_are_members(self, value):
        """Each field of cooperation the issue lists is a member."""
        assert dm.Sector(value).value == value

    @pytest.mark.parametrize("locale", ["ru", "zh"])
    @pytest.mark.parametrize("member", list(dm.Sector))
    def test_every_member_is_translated(self, member, locale):
        """Each member has a label of its own in every catalog locale."""
        english = label(member, "en")
        translated = label(member, locale)
        assert translated
        assert translated != english

    def test_labels_are_distinct(self):
        """No two sectors read the same, in any language."""
        for locale in ("en", "ru", "zh"):
            labels = [label(member, locale) for member in dm.Sector]
            assert len(set(labels)) == len(labels), locale

    def test_new_members_round_trip(self):
        """A meeting with the new sectors survives JSON."""
        meeting = dm.load_example().meeting("cn-ru-heads-of-government-29")
        widened = attrs.evolve(
            meeting, sectors=(dm.Sector.POLAR_RESEARCH, dm.Sector.ARTIFICIAL_INTELLIGENCE)
        )
        assert dm.from_json(dm.to_json(widened), dm.Meeting) == widened

    def test_schema_lists_new_members(self):
        """The JSON Schema of a meeting accepts the new values."""
        schema = dm.json_schema(dm.Meeting)
        assert "polar_research" in str(schema)


class TestPloverMapping:
    def test_every_sector_is_mapped(self):
        """Each sector is mapped, to contexts or explicitly to none."""
        assert set(SECTOR_CONTEXTS) == set(dm.Sector)
        for contexts in SECTOR_CONTEXTS.values():
            assert all(isinstance(c, PloverContext) for c in contexts)
            assert len(set(contexts)) == len(contexts)

    def test_every_meeting_kind_is_mapped(self):
        """Each meeting kind is mapped, to a coding or explicitly to None."""
        assert set(MEETING_CODINGS) == set(dm.MeetingKind)

    def test_every_relation_event_kind_is_mapped(self):
        """Each relation event kind is mapped to a coding."""
        assert set(RELATION_EVENT_CODINGS) == set(dm.RelationEventKind)
        assert all(c is not None for c in RELATION_EVENT_CODINGS.values())

    def test_mappings_are_read_only(self):
        """Nobody can change the mapping behind everyone's back."""
        with pytest.raises(TypeError):
            SECTOR_CONTEXTS[dm.Sector.CULTURE] = (PloverContext.ECONOMIC,)  # type: ignore[index]

    @pytest.mark.parametrize(
        ("sector", "context"),
        [
            (dm.Sector.COUNTER_TERRORISM, PloverContext.TERRORISM),
            (dm.Sector.DRUG_CONTROL, PloverContext.ILLEGAL_DRUGS),
            (dm.Sector.CYBERSECURITY, PloverContext.CYBER),
            (dm.Sector.MIGRATION, PloverContext.MIGRATION),
            (dm.Sector.HEALTH, PloverContext.HEALTH),
            (dm.Sector.DEFENCE, PloverContext.MILITARY),
            (dm.Sector.ARMS_CONTROL, PloverContext.CBRN),
            (dm.Sector.ECONOMY_AND_TRADE, PloverContext.ECONOMIC),
            (dm.Sector.ARTIFICIAL_INTELLIGENCE, PloverContext.TECHNOLOGY),
            (dm.Sector.CLIMATE_CHANGE, PloverContext.ENVIRONMENT),
            (dm.Sector.ANTI_CORRUPTION, PloverContext.CORRUPTION),
        ],
    )
    def test_known_contexts(self, sector, context):
        """Sectors with an obvious PLOVER context get it."""
        assert context in plover_contexts(sector)

    def test_culture_has_no_context(self):
        """A sector PLOVER has no context for maps to none, not to a near miss."""
        assert plover_contexts(dm.Sector.CULTURE) == ()

    def test_contexts_of_many_are_unique_and_ordered(self):
        """Several sectors give each context once, in the order first met."""
        found = plover_contexts([dm.Sector.SEMICONDUCTORS, dm.Sector.FINANCE, dm.Sector.SPACE])
        assert found == (PloverContext.TECHNOLOGY, PloverContext.ECONOMIC)

    def test_contexts_refuse_other_types(self):
        """A string is not a sector."""
        with pytest.raises(TypeError, match="expected a Sector"):
            plover_contexts(["energy"])  # type: ignore[list-item]

    @pytest.mark.parametrize(
        ("kind", "event", "mode"),
        [
            (dm.MeetingKind.STATE_VISIT, PloverEvent.CONSULT, PloverMode.VISIT),
            (dm.MeetingKind.PHONE_CALL, PloverEvent.CONSULT, PloverMode.PHONE),
            (dm.MeetingKind.REGULAR_MEETING, PloverEvent.CONSULT, None),
            (dm.MeetingKind.SIGNING_CEREMONY, PloverEvent.SUPPORT, None),
            (dm.RelationEventKind.ESTABLISHMENT, PloverEvent.SUPPORT, None),
            (dm.RelationEventKind.SEVERANCE, PloverEvent.SANCTION, PloverMode.DISCONTINUE),
            (dm.RelationEventKind.DOWNGRADE, PloverEvent.SANCTION, PloverMode.WITHDRAW),
        ],
    )
    def test_codings(self, kind, event, mode):
        """Meetings and relation events get the PLOVER event type and mode that fit."""
        assert plover_coding(kind) == PloverCoding(event=event, mode=mode)

    def test_unmapped_meeting_kind(self):
        """A commemoration has no PLOVER event type."""
        assert plover_coding(dm.MeetingKind.COMMEMORATION) is None

    def test_coding_refuses_other_types(self):
        """Only meeting and relation event kinds have codings."""
        with pytest.raises(TypeError, match="MeetingKind or a RelationEventKind"):
            plover_coding(dm.Sector.ENERGY)  # type: ignore[arg-type]

    def test_coding_validates(self):
        """A coding holds PLOVER members only."""
        with pytest.raises(TypeError):
            PloverCoding(event="CONSULT")  # type: ignore[arg-type]

    def test_consult_modes_only_on_consult(self):
        """The codings use CONSULT's modes with CONSULT and SANCTION's with SANCTION."""
        consult = {
            PloverMode.VISIT,
            PloverMode.THIRD_PARTY,
            PloverMode.MULTILATERAL,
            PloverMode.PHONE,
        }
        for coding in (*MEETING_CODINGS.values(), *RELATION_EVENT_CODINGS.values()):
            if coding is None or coding.mode is None:
                continue
            assert (coding.mode in consult) == (coding.event is PloverEvent.CONSULT)


ARCTIC = "Arctic shipping routes"


def _meeting_with_topics():
    dossier = dm.load_example()
    meeting = dossier.meeting("cn-ru-heads-of-government-29")
    return dossier, attrs.evolve(meeting, sectors=(dm.Sector.ENERGY,), other_topics=(ARCTIC,))


class TestOtherTopics:
    @pytest.mark.parametrize(
        "cls", [dm.Meeting, dm.Communique, dm.CooperationAgreement, dm.Committee, dm.Statement]
    )
    def test_field_exists_with_default(self, cls):
        """Every record with sectors (or topics) carries free-text topics beside them."""
        field = attrs.fields_dict(cls)["other_topics"]
        assert field.default == ()

    def test_round_trip(self):
        """A topic the vocabulary lacks survives JSON as written."""
        _, meeting = _meeting_with_topics()
        again = dm.from_json(dm.to_json(meeting), dm.Meeting)
        assert again.other_topics == (ARCTIC,)

    def test_old_files_still_load(self):
        """A record written before the field existed loads with no topics."""
        _, meeting = _meeting_with_topics()
        data = dm.to_dict(meeting)
        del data["other_topics"]
        assert dm.from_dict(data, dm.Meeting).other_topics == ()

    @pytest.mark.parametrize("bad", [("",), (" padded",), (ARCTIC, ARCTIC), ("x" * 201,)])
    def test_bad_topics_are_refused(self, bad):
        """Topics are non-blank, trimmed, distinct and short."""
        _, meeting = _meeting_with_topics()
        with pytest.raises((ValueError, TypeError), match="other_topics"):
            attrs.evolve(meeting, other_topics=bad)

    def test_loader_reports_path(self):
        """A bad topic in a file is a DataError with its path."""
        _, meeting = _meeting_with_topics()
        data = dm.to_dict(meeting)
        data["other_topics"] = [ARCTIC, "  "]
        with pytest.raises(dm.DataError, match=r"other_topics"):
            dm.from_dict(data, dm.Meeting)

    def test_json_schema(self):
        """The JSON Schema describes the field: an array of distinct strings, by default empty."""
        schema = dm.json_schema(dm.Meeting)
        meeting_schema = schema.get("$defs", {}).get("Meeting", schema)
        prop = meeting_schema["properties"]["other_topics"]
        assert prop["type"] == "array"
        assert prop["items"]["type"] == "string"
        assert prop.get("uniqueItems") is True
        assert prop["default"] == []

    @pytest.mark.parametrize(
        ("locale", "sector"), [("en", "energy"), ("ru", "энергетика"), ("zh", "能源")]
    )
    def test_describe_names_them_after_the_sectors(self, locale, sector):
        """describe lists the sectors' labels, then the other topics as written."""
        dossier, meeting = _meeting_with_topics()
        text = dm.describe(meeting, dossier, locale)
        assert sector in text
        assert ARCTIC in text
        assert text.index(sector) < text.index(ARCTIC)

    def test_exports_keep_them(self):
        """JSON-LD keeps the topics as keywords beside the sectors."""
        _, meeting = _meeting_with_topics()
        exported = dm.to_jsonld(meeting)
        assert ARCTIC in exported["keywords"]
        assert "energy" in exported["keywords"]

    def test_describe_document_names_them(self):
        """A document's topics follow its sectors in describe, as a meeting's do."""
        dossier = dm.load_example()
        document = next(d for d in dossier.documents if isinstance(d, dm.CooperationAgreement))
        widened = attrs.evolve(document, sectors=(dm.Sector.FISHERIES,), other_topics=(ARCTIC,))
        text = dm.describe(widened, dossier)
        assert "fisheries" in text
        assert ARCTIC in text
        assert text.index("fisheries") < text.index(ARCTIC)

    def test_describe_statement_names_them(self):
        """A statement's topics follow its sectors in describe."""
        statement = dm.Statement(
            id="s",
            speaker="li-qiang",
            topics=(dm.Sector.WATER,),
            other_topics=(ARCTIC,),
            summary="Ready to cooperate.",
        )
        text = dm.describe(statement, dm.load_example())
        assert "water resources" in text
        assert ARCTIC in text

    def test_document_exports_keep_them(self):
        """A document's topics are keywords in JSON-LD and FollowTheMoney."""
        dossier = dm.load_example()
        document = next(d for d in dossier.documents if isinstance(d, dm.CooperationAgreement))
        widened = attrs.evolve(document, other_topics=(ARCTIC,))
        assert ARCTIC in dm.to_jsonld(widened)["keywords"]
        pytest.importorskip("followthemoney")
        ftm = dm.to_ftm(attrs.evolve(dossier, documents=(widened,)))
        (exported,) = [e for e in ftm if e["id"] == dm.ftm_id("document", widened.id)]
        assert ARCTIC in exported["properties"]["keywords"]
