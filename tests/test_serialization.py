"""The converter: JSON forms, round trips, strictness and error paths."""

import json

import pytest
from hypothesis import given, settings

import diplomodel as dm
from tests import strategies as s
from tests.profiles import examples

EXAMPLE = dm.load_example()
MEETING = EXAMPLE.meeting("cn-ru-heads-of-government-29")


class TestRoundTrip:
    @pytest.mark.parametrize("cls", list(s.BY_CLASS), ids=lambda c: c.__name__)
    def test_every_class_round_trips_through_json(self, cls):
        """from_json(to_json(x), type(x)) == x for generated objects of every class."""

        @settings(max_examples=examples(15 if cls is dm.Dossier else 30))
        @given(s.BY_CLASS[cls])
        def check(obj):
            assert dm.from_json(dm.to_json(obj), cls) == obj
            assert dm.from_json(dm.to_json(obj), type(obj)) == obj
            assert dm.from_dict(dm.to_dict(obj), type(obj)) == obj

        check()

    def test_example_round_trips(self):
        """The bundled example survives a JSON round trip unchanged."""
        assert dm.from_json(dm.to_json(EXAMPLE), dm.Dossier) == EXAMPLE

    @settings(max_examples=examples(20))
    @given(s.dossiers)
    def test_dict_form_is_pure_json(self, dossier):
        """to_dict gives only JSON types, so json.dumps never needs a default."""
        data = dm.to_dict(dossier)
        assert json.loads(json.dumps(data)) == data


class TestJsonForms:
    def test_state_is_its_code(self):
        """A State is written as its code."""
        assert dm.to_dict(dm.states.get("RU")) == "RU"

    def test_partial_dates_are_iso_text(self):
        """Partial dates keep their precision in files."""
        assert [dm.to_dict(dm.PartialDate.parse(t)) for t in ("1996", "2024-08", "2024-08-21")] == [
            "1996",
            "2024-08",
            "2024-08-21",
        ]

    def test_enums_are_values(self):
        """Enums are written as their values."""
        assert dm.to_dict(MEETING)["kind"] == "regular_meeting"
        assert dm.to_dict(MEETING)["participants"][0]["role"] == "co_chair"

    def test_defaults_are_omitted(self):
        """Fields at their default do not clutter files."""
        data = dm.to_dict(dm.Place(state=dm.states.get("RU")))
        assert data == {"state": "RU"}

    @pytest.mark.parametrize(
        ("cls", "tag"),
        [(dm.Communique, "communique"), (dm.CooperationAgreement, "cooperation_agreement")],
    )
    def test_documents_carry_their_pinned_tag_first(self, cls, tag):
        """Each document kind is tagged under "type", whatever class is asked for."""
        document = cls(id="d", title="T", parties=(dm.states.get("CN"),))
        data = dm.to_dict(document)
        assert next(iter(data)) == "type"
        assert data["type"] == tag == dm.DOCUMENT_TAGS[cls]
        assert dm.from_dict(data, dm.Document) == document
        assert dm.from_dict(data, cls) == document

    def test_names_are_an_object(self):
        """Localised names are a JSON object keyed by locale."""
        person = EXAMPLE.person("li-qiang")
        assert dm.to_dict(person)["names"] == {"ru": "Ли Цян", "zh": "李强"}

    def test_json_keeps_non_ascii_text(self):
        """to_json writes UTF-8 text, not escapes."""
        assert "李强" in dm.to_json(EXAMPLE.person("li-qiang"))

    def test_compact_json(self):
        """indent=None gives one line."""
        assert "\n" not in dm.to_json(MEETING, indent=None)

    def test_make_converter_is_independent(self):
        """make_converter returns a fresh converter each time."""
        first, second = dm.make_converter(), dm.make_converter()
        assert first is not second
        assert first.unstructure(MEETING) == second.unstructure(MEETING) == dm.to_dict(MEETING)


def problems_of(data, cls):
    with pytest.raises(dm.DataError) as info:
        dm.from_dict(data, cls)
    return {(p.path, p.message) for p in info.value.problems}


def paths_of(data, cls):
    return {path for path, _ in problems_of(data, cls)}


def place(**changes):
    return {"state": "RU", "locality": "Moscow", **changes}


class TestStrictness:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (123, "expected a string, got an integer"),
            (True, "expected a string, got a boolean"),
            (["Moscow"], "expected a string, got an array"),
        ],
    )
    def test_no_coercion_to_str(self, value, expected):
        """Only JSON strings become text."""
        assert problems_of(place(locality=value), dm.Place) == {("$.locality", expected)}

    @pytest.mark.parametrize("value", ["29", 29.0, True])
    def test_no_coercion_to_int(self, value):
        """Only JSON integers become ints; booleans are not integers."""
        data = dm.to_dict(MEETING) | {"ordinal": value}
        assert paths_of(data, dm.Meeting) == {"$.ordinal"}

    def test_string_is_not_a_list(self):
        """A string where an array belongs is an error, not a list of characters."""
        data = dm.to_dict(MEETING) | {"outcomes": "abc"}
        assert problems_of(data, dm.Meeting) == {("$.outcomes", "expected an array, got a string")}

    def test_object_is_not_a_list(self):
        """An object where an array belongs is an error."""
        data = dm.to_dict(MEETING) | {"parties": {"CN": 1}}
        assert paths_of(data, dm.Meeting) == {"$.parties"}

    def test_unknown_keys_are_errors(self):
        """Keys the model does not know are reported, not dropped."""
        assert problems_of(place(town="x", zip="y"), dm.Place) == {
            ("$", "unknown keys 'town', 'zip'")
        }

    def test_missing_required_field(self):
        """A missing required field is named by its path."""
        assert problems_of({"locality": "Moscow"}, dm.Place) == {
            ("$.state", "required field missing")
        }

    @pytest.mark.parametrize("code", ["rus", "ru", "RUS", "643", "XX", ""])
    def test_state_codes_are_exact(self, code):
        """Only a state's canonical code is accepted in files."""
        assert paths_of(place(state=code), dm.Place) == {"$.state"}

    def test_historical_state_code(self):
        """Historical states are read by their code."""
        assert dm.from_dict(place(state="SU"), dm.Place).state == dm.states.get("SU")

    @pytest.mark.parametrize("text", ["2024-02-30", "21 August 2024", "2024/08/21", 2024])
    def test_dates_are_strict_iso(self, text):
        """Dates must be ISO text of a real day, month or year."""
        data = dm.to_dict(MEETING) | {"start": text}
        assert paths_of(data, dm.Meeting) == {"$.start"}

    def test_enum_value_unknown(self):
        """An unknown enum value is reported at its path."""
        data = dm.to_dict(MEETING)
        data["participants"][1]["role"] = "chairman"
        assert paths_of(data, dm.Meeting) == {"$.participants[1].role"}

    @pytest.mark.parametrize("value", ["x", 1, None, []])
    def test_object_required(self, value):
        """A value where an object belongs is an error, not a crash."""
        assert problems_of(value, dm.Place) == {
            ("$", f"expected an object, got {_json_type(value)}")
        }


def _json_type(value):
    return {str: "a string", int: "an integer", type(None): "null", list: "an array"}[type(value)]


class TestErrors:
    def test_every_problem_is_listed_with_its_path(self):
        """All field problems of one input come back together."""
        data = dm.to_dict(MEETING)
        data["kind"] = "party"
        data["start"] = "2024-13"
        data["parties"] = ["CN", "XX"]
        data["participants"][0]["extra"] = 1
        data["sectors"] = ["energy", 5]
        assert paths_of(data, dm.Meeting) == {
            "$.kind",
            "$.start",
            "$.parties[1]",
            "$.participants[0]",
            "$.sectors[1]",
        }

    def test_validator_messages_are_kept_and_point_at_the_field(self):
        """An attrs validator's message survives, with the field in the path."""
        data = dm.to_dict(MEETING) | {"end": "2024-08-01"}
        assert problems_of(data, dm.Meeting) == {
            ("$.end", "'end' (2024-08-01) must not be before 'start' (2024-08-21)")
        }

    def test_nested_validator_path(self):
        """A validator failing deep inside a dossier is located exactly."""
        data = EXAMPLE.to_file_dict()
        del data["diplomodel"], data["kind"]
        data["meetings"][0]["participants"][1]["person"] = "bad id"
        assert paths_of(data, dm.Dossier) == {"$.meetings[0].participants[1].person"}

    def test_missing_document_tag(self):
        """A document without "type" says so."""
        data = dm.to_dict(EXAMPLE.documents[0])
        del data["type"]
        assert problems_of(data, dm.Document) == {
            (
                "$",
                (
                    "a document needs a 'type' tag, one of 'communique', 'joint_statement', "
                    "'declaration', 'cooperation_agreement', 'document_batch'"
                ),
            )
        }

    def test_unknown_document_tag(self):
        """An unknown "type" is named."""
        data = dm.to_dict(EXAMPLE.documents[0]) | {"type": "letter"}
        ((path, message),) = problems_of(data, dm.Document)
        assert path == "$"
        assert "unknown document type 'letter'" in message

    def test_wrong_document_kind_for_class(self):
        """Asking for a CooperationAgreement and reading a communiqué is an error."""
        data = dm.to_dict(EXAMPLE.documents[0])
        assert paths_of(data, dm.CooperationAgreement) == {"$.type"}

    def test_source_is_named(self):
        """The source name appears in the message."""
        with pytest.raises(dm.DataError, match=r"in meetings\.json"):
            dm.from_dict({}, dm.Meeting, source="meetings.json")

    def test_error_is_a_value_error_and_chains_nothing(self):
        """DataError replaces the cattrs error instead of wrapping it."""
        with pytest.raises(ValueError, match="required field missing") as info:
            dm.from_dict({}, dm.Place)
        assert info.value.__cause__ is None
        assert info.value.__suppress_context__


class TestFromJson:
    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("[1, 2", "not valid JSON"),
            ('{"a": 1, "a": 2}', "duplicate key 'a'"),
            ("NaN", "NaN is not allowed"),
            ('{"x": Infinity}', "Infinity is not allowed"),
            (b"\xff\xfe\x00", "not valid"),
            ("[" * 100_000, "nested too deeply"),
            ("", "not valid JSON"),
        ],
    )
    def test_unreadable_json(self, text, message):
        """Text that is not acceptable JSON gives one DataError at $."""
        with pytest.raises(dm.DataError, match=message) as info:
            dm.from_json(text, dm.Dossier)
        assert [p.path for p in info.value.problems] == ["$"]

    def test_not_text(self):
        """A non-text argument is a DataError too."""
        with pytest.raises(dm.DataError, match="expected JSON text"):
            dm.from_json(123, dm.Place)  # type: ignore[arg-type]

    def test_bytes_are_utf8(self):
        """UTF-8 bytes are accepted."""
        raw = dm.to_json(EXAMPLE.person("li-qiang")).encode()
        assert dm.from_json(raw, dm.Person) == EXAMPLE.person("li-qiang")

    @pytest.mark.parametrize("cls", [dm.Dossier, dm.Meeting, dm.Document, dm.Place, dm.PartialDate])
    @pytest.mark.parametrize("text", ["0", "[]", '"x"', "null", "{}", "true", '{"id": {}}'])
    def test_wrong_top_level_types(self, cls, text):
        """Any well-formed JSON of the wrong shape gives DataError, never another exception."""
        with pytest.raises(dm.DataError):
            dm.from_json(text, cls)


class TestEveryProblem:
    def test_type_errors_and_validator_messages_together(self):
        """Structuring errors and attrs validator messages come back in one DataError."""
        data = dm.to_dict(MEETING) | {
            "id": "has space",
            "title": " padded",
            "kind": "party",
            "outcomes": ["x", "x"],
            "ordinal": True,
        }
        assert paths_of(data, dm.Meeting) == {
            "$.id",
            "$.title",
            "$.kind",
            "$.outcomes",
            "$.ordinal",
        }

    def test_cross_field_messages(self):
        """Every failing cross-field check is reported, each at its field."""
        data = dm.to_dict(MEETING) | {"end": "2024-01-01", "parties": ["CN", "CN"]}
        del data["series"]
        assert paths_of(data, dm.Meeting) == {"$.end", "$.parties", "$.ordinal"}

    def test_item_validator_points_at_the_item(self):
        """A bad id inside a list is located at its index."""
        data = dm.to_dict(MEETING) | {"outcomes": ["ok", "bad id"]}
        assert paths_of(data, dm.Meeting) == {"$.outcomes[1]"}

    def test_duplicate_ids_in_a_dossier(self):
        """A loader refuses two entities of one kind with the same id, naming both places."""
        data = dm.to_dict(EXAMPLE)
        data["people"].append(dict(data["people"][0], name="Someone Else"))
        assert problems_of(data, dm.Dossier) == {
            ("$.people[4].id", "duplicate id 'li-qiang': already used at index 0")
        }

    def test_same_id_in_different_kinds_is_fine(self):
        """Ids are unique per kind: a person and an office may share one."""
        data = dm.to_dict(EXAMPLE)
        data["offices"][0]["id"] = "li-qiang"
        data["people"][0]["tenures"][0]["office"] = "li-qiang"
        data["meetings"][0]["participants"][0]["office"] = "li-qiang"
        for document in data["documents"]:
            for signature in document.get("signatories", []):
                if signature["person"] == "li-qiang":
                    signature["office"] = "li-qiang"
        assert (
            dm.from_dict(data, dm.Dossier).office("li-qiang").kind
            is dm.OfficeKind.HEAD_OF_GOVERNMENT
        )


class TestLenient:
    def test_unknown_keys_ignored_on_request(self):
        """strict=False ignores unknown keys at every depth."""
        data = dm.to_dict(MEETING) | {"note": "x"}
        data["place"] = data["place"] | {"geo": [1, 2]}
        assert dm.from_dict(data, dm.Meeting, strict=False) == MEETING
        assert dm.from_json(json.dumps(data), dm.Meeting, strict=False) == MEETING

    def test_lenient_keeps_every_other_rule(self):
        """strict=False relaxes nothing but unknown keys."""
        data = dm.to_dict(MEETING) | {"note": "x", "ordinal": "29"}
        assert paths_of_lenient(data) == {"$.ordinal"}

    def test_lenient_documents(self):
        """Unknown keys in a tagged document are ignored too."""
        data = dm.to_dict(EXAMPLE.documents[1]) | {"annex": "A"}
        assert dm.from_dict(data, dm.Document, strict=False) == EXAMPLE.documents[1]


def paths_of_lenient(data):
    with pytest.raises(dm.DataError) as info:
        dm.from_dict(data, dm.Meeting, strict=False)
    return {p.path for p in info.value.problems}


class TestGarbageCollector:
    """The library never switches the collector; `paused_gc` does so only when asked."""

    def test_public_functions_leave_the_collector_alone(self, monkeypatch):
        """Loading and writing, good input or bad, never call gc.disable/enable/set_threshold."""
        import gc

        calls = []
        for name in ("disable", "enable", "set_threshold", "freeze"):
            monkeypatch.setattr(gc, name, lambda *_a, _n=name: calls.append(_n))
        text = dm.to_json(EXAMPLE)
        dm.to_json_bytes(EXAMPLE)
        dm.to_dict(EXAMPLE)
        dm.from_json(text, dm.Dossier)
        with pytest.raises(dm.DataError):
            dm.from_dict({"id": 1}, dm.Dossier)
        assert calls == []

    def test_state_and_thresholds_untouched(self):
        """A caller's disabled collector and tuned thresholds survive a load as they were."""
        import gc

        before = gc.get_threshold()
        gc.disable()
        gc.set_threshold(12345, 17, 19)
        try:
            dm.from_json(dm.to_json(EXAMPLE), dm.Dossier)
            assert not gc.isenabled()
            assert gc.get_threshold() == (12345, 17, 19)
        finally:
            gc.set_threshold(*before)
            gc.enable()

    def test_paused_gc_restores_on_success(self):
        """The context manager pauses collection and restores state and thresholds."""
        import gc

        before = gc.get_threshold()
        gc.set_threshold(999, 11, 12)
        try:
            with dm.paused_gc():
                assert not gc.isenabled()
                dm.from_json(dm.to_json(EXAMPLE), dm.Dossier)
            assert gc.isenabled()
            assert gc.get_threshold() == (999, 11, 12)
        finally:
            gc.set_threshold(*before)

    def test_paused_gc_restores_on_exception(self):
        """An exception in the block still switches the collector back on."""
        import gc

        with pytest.raises(dm.DataError), dm.paused_gc():
            dm.from_dict({"id": 1}, dm.Dossier)
        assert gc.isenabled()
        with pytest.raises(MemoryError), dm.paused_gc():
            raise MemoryError
        assert gc.isenabled()

    def test_paused_gc_keeps_a_disabled_collector_off(self):
        """A collector the caller had switched off stays off after the block."""
        import gc

        gc.disable()
        try:
            with dm.paused_gc():
                pass
            assert not gc.isenabled()
        finally:
            gc.enable()


class TestAcceleratorFreePaths:
    def test_fast_and_detailed_converters_agree(self):
        """The detailed converter builds the same objects as the fast one."""
        detailed = dm.make_converter(detailed=True)
        fast = dm.make_converter()
        data = dm.to_dict(EXAMPLE)
        assert detailed.structure(data, dm.Dossier) == fast.structure(data, dm.Dossier) == EXAMPLE


BAD_MEETING = {"id": " ", "title": "", "kind": "talk", "start": "2024-13", "parties": ["XX"]}


class TestMaxProblems:
    """`max_problems` bounds how far a rejected input is explained."""

    def test_default_reports_everything(self):
        """By default every problem (up to MAX_PROBLEMS) is listed."""
        with pytest.raises(dm.DataError) as info:
            dm.from_dict(BAD_MEETING, dm.Meeting)
        assert len(info.value.problems) == 5
        assert not info.value.stopped

    @pytest.mark.parametrize("limit", [1, 2])
    def test_stops_early(self, limit):
        """With a small limit, only that many are listed and the error says it stopped."""
        with pytest.raises(dm.DataError) as info:
            dm.from_json(json.dumps(BAD_MEETING), dm.Meeting, max_problems=limit)
        assert len(info.value.problems) == limit
        assert info.value.stopped
        assert str(info.value).startswith(f"at least {limit} problem")

    @pytest.mark.parametrize("limit", [0, -1, 1.5, True, None])
    def test_bad_limit(self, limit):
        """A limit that is not a positive int is an InvalidArgumentError, even for good data."""
        with pytest.raises(dm.InvalidArgumentError, match="'max_problems'"):
            dm.from_dict(dm.to_dict(EXAMPLE), dm.Dossier, max_problems=limit)
