"""Validation: the built-in rules, custom rules, and the report."""

import json
import re

import attrs
import pytest
from hypothesis import given, settings

import diplomodel as dm
from diplomodel import validation
from diplomodel.validation import (
    DEFAULT_RULES,
    Finding,
    Issue,
    Report,
    Rule,
    Rules,
    Severity,
    rule,
    validate,
)
from tests import strategies as s
from tests.profiles import examples
from tests.test_claims import claims_broken
from tests.test_document_lifecycle import documents_broken

EXAMPLE = dm.load_example()
MEETING = EXAMPLE.meetings[0]
CN, RU, FR, KZ = (dm.states.get(c) for c in ("CN", "RU", "FR", "KZ"))
P = dm.PartialDate.parse


def with_meeting(**changes):
    return attrs.evolve(EXAMPLE, meetings=(attrs.evolve(MEETING, **changes),))


def add_meeting(**changes):
    extra = attrs.evolve(
        MEETING,
        id="extra",
        participants=(),
        committee_reports=(),
        outcomes=(),
        **changes,
    )
    return attrs.evolve(EXAMPLE, meetings=(MEETING, extra))


def with_document(index, **changes):
    documents = list(EXAMPLE.documents)
    documents[index] = attrs.evolve(documents[index], **changes)
    return attrs.evolve(EXAMPLE, documents=tuple(documents))


def with_participant(index, **changes):
    participants = list(MEETING.participants)
    participants[index] = attrs.evolve(participants[index], **changes)
    return with_meeting(participants=tuple(participants))


def with_relation(**changes):
    relation = attrs.evolve(EXAMPLE.relations[0], **changes)
    return attrs.evolve(EXAMPLE, relations=(relation,))


def with_statement(index, **changes):
    statements = list(EXAMPLE.statements)
    statements[index] = attrs.evolve(statements[index], **changes)
    return attrs.evolve(EXAMPLE, statements=tuple(statements))


XI_CO_CHAIR = dm.Participation(person="xi-jinping", delegation=CN, role=dm.Role.CO_CHAIR)

BROKEN = {
    "DM101": (
        lambda: with_participant(0, person="nobody"),
        "$.meetings[0].participants[0].person",
    ),
    "DM102": (
        lambda: attrs.evolve(
            EXAMPLE, people=(*EXAMPLE.people, attrs.evolve(EXAMPLE.people[0], name="Other"))
        ),
        "$.people[4].id",
    ),
    "DM103": (
        lambda: with_document(3, witnesses=("li-qiang", "xi-jinping")),
        "$.documents[3].witnesses[1]",
    ),
    "DM104": (
        lambda: with_meeting(participants=(*MEETING.participants, XI_CO_CHAIR)),
        "$.meetings[0].participants[2]",
    ),
    "DM105": (lambda: with_meeting(host=KZ), "$.meetings[0].host"),
    "DM106": (
        lambda: with_participant(0, delegation=FR),
        "$.meetings[0].participants[0].delegation",
    ),
    "DM107": (lambda: with_meeting(start=P("2022-08-21")), "$.meetings[0].participants[0].office"),
    "DM108": (
        lambda: with_participant(0, office="ru-prime-minister"),
        "$.meetings[0].participants[0].office",
    ),
    "DM109": (lambda: with_document(0, signed=P("2024-08-20")), "$.documents[0].signed"),
    "DM110": (
        lambda: with_document(
            0,
            signatories=(
                dm.Signature(person="li-qiang", state=FR),
                *EXAMPLE.documents[0].signatories[1:],
            ),
        ),
        "$.documents[0].signatories[0].state",
    ),
    "DM111": (lambda: with_document(1, signed=P("2024-08-21")), "$.documents[2].signed"),
    "DM112": (lambda: with_document(1, parties=(CN, RU, KZ)), "$.documents[2].parties"),
    "DM113": (
        lambda: add_meeting(ordinal=28, start=P("2025-08-01")),
        "$.meetings[0].ordinal",
    ),
    "DM114": (
        lambda: add_meeting(ordinal=29, start=P("2024-08-22")),
        "$.meetings[1].ordinal",
    ),
    "DM115": (lambda: add_meeting(ordinal=26, start=P("2021")), "$.meetings[0].ordinal"),
    "DM117": (lambda: with_relation(established=P("1995")), "$.relations[0].levels[0].since"),
    "DM119": (lambda: with_statement(0, speaker="xi-jinping"), "$.statements[0].speaker"),
    "DM120": (
        lambda: with_meeting(outcomes=MEETING.outcomes[1:]),
        "$.documents[0].meeting",
    ),
    **claims_broken(EXAMPLE),
    **documents_broken(EXAMPLE),
}


class TestBuiltInRules:
    def test_every_rule_has_a_broken_case(self):
        """Each built-in rule is exercised by a broken copy below."""
        assert set(BROKEN) == set(DEFAULT_RULES.codes)

    def test_intact_example_is_clean(self):
        """The bundled example triggers no rule at all."""
        report = validate(EXAMPLE)
        assert list(report) == []
        assert report.ok

    @pytest.mark.parametrize("code", sorted(BROKEN))
    def test_rule_is_silent_on_the_example(self, code):
        """Run alone, each rule finds nothing in the intact example."""
        assert list(validate(EXAMPLE, rules=Rules((DEFAULT_RULES[code],)))) == []

    @pytest.mark.parametrize("code", sorted(BROKEN))
    def test_rule_fires_on_a_broken_copy(self, code):
        """Each rule reports the broken copy at the offending path, with its severity."""
        build, path = BROKEN[code]
        findings = validate(build()).filter(code=code)
        assert path in {f.path for f in findings}, list(findings)
        assert {f.severity for f in findings} == {DEFAULT_RULES[code].severity}
        assert all(f.message and f.ids for f in findings)

    def test_reference_names_the_missing_id(self):
        """An unresolved reference says which id names nothing."""
        (finding,) = validate(with_participant(0, person="nobody")).filter(code="DM101")
        assert "'nobody' names no person" in finding.message
        assert finding.ids == ("cn-ru-heads-of-government-29", "nobody")

    def test_presenter_must_attend(self):
        """A committee report presented by someone absent is a DM103 warning."""
        reports = (attrs.evolve(MEETING.committee_reports[0], presenter="xi-jinping"),)
        report = validate(with_meeting(committee_reports=reports)).filter(code="DM103")
        assert [f.path for f in report] == ["$.meetings[0].committee_reports[0].presenter"]

    def test_no_participants_no_attendance_findings(self):
        """Attendance rules stay silent when a meeting lists no participants."""
        report = validate(with_meeting(participants=()))
        assert not report.filter(code="DM103")
        assert not report.filter(code="DM119")

    def test_signatory_of_another_delegation(self):
        """Signing for a party other than one's own delegation at the meeting is DM110."""
        signatures = (dm.Signature(person="li-qiang", state=RU),)
        report = validate(with_document(0, signatories=signatures)).filter(code="DM110")
        assert "delegation of China" in next(iter(report)).message

    def test_tenure_honours_partial_meeting_dates(self):
        """A meeting known to the month is fine if the term may have covered some day of it."""
        assert not validate(with_meeting(start=P("2023-03"))).filter(code="DM107")
        assert validate(with_meeting(start=P("2023-02"))).filter(code="DM107")

    def test_tenure_gap_is_reported(self):
        """Mishustin was between terms on 8 May 2024."""
        report = validate(with_meeting(start=P("2024-05-08"))).filter(code="DM107")
        assert [f.ids for f in report] == [
            ("cn-ru-heads-of-government-29", "mikhail-mishustin", "ru-prime-minister")
        ]
        assert "recorded terms" in next(iter(report)).message

    def test_signature_in_office(self):
        """A signatory acting in an office they did not hold on the signing date is DM107."""
        report = validate(with_document(0, signed=P("2030-01-01"))).filter(code="DM107")
        assert not report
        person = attrs.evolve(
            EXAMPLE.people[0], tenures=(dm.Tenure(office="cn-premier", end=P("2024-01")),)
        )
        broken = attrs.evolve(EXAMPLE, people=(person, *EXAMPLE.people[1:]))
        paths = {f.path for f in validate(broken).filter(code="DM107")}
        assert "$.documents[0].signatories[0].office" in paths

    def test_revision_dates_at_their_precision(self):
        """A revision dated to the year of what it revises is not certainly too early."""
        assert not validate(with_document(1, signed=P("2024"))).filter(code="DM111")
        assert validate(with_document(1, signed=P("2025"))).filter(code="DM111")

    def test_ordinal_order_with_several_meetings(self):
        """Rising ordinals with rising dates are fine; a later number dated earlier is not."""
        good = add_meeting(ordinal=28, start=P("2023-12-20"))
        assert not validate(good).filter(code="DM113")
        assert not validate(good).filter(code="DM115")

    def test_gap_message(self):
        """A gap says which numbers are missing."""
        (finding,) = validate(add_meeting(ordinal=26, start=P("2021"))).filter(code="DM115")
        assert "27 to 28" in finding.message
        assert finding.severity is Severity.INFO

    def test_bilateral_only(self):
        """Two co-chairs from one side are fine when the meeting is not bilateral."""
        dossier = with_meeting(
            parties=(CN, RU, KZ), participants=(*MEETING.participants, XI_CO_CHAIR)
        )
        assert not validate(dossier).filter(code="DM104")


class TestLoneEntities:
    def test_lone_meeting(self):
        """An entity alone is checked by the rules that need nothing else, with paths from $."""
        meeting = attrs.evolve(MEETING, host=KZ)
        report = validate(meeting)
        assert [(f.code, f.path) for f in report] == [("DM105", "$.host")]

    def test_lone_entities_of_the_example_are_clean(self):
        """Every entity of the example passes on its own."""
        for _, entity in EXAMPLE.entities():
            assert not validate(entity), entity.id

    def test_lone_relation(self):
        """A relation's levels are checked without a dossier."""
        relation = attrs.evolve(EXAMPLE.relations[0], established=P("2000"))
        assert {f.code for f in validate(relation)} == {"DM117"}

    def test_not_an_entity(self):
        """validate refuses what is neither a dossier nor an entity."""
        with pytest.raises(TypeError, match="needs a Dossier or an entity"):
            validate(CN)  # type: ignore[arg-type]


@rule(code="ACME001", severity="info", applies_to=dm.Meeting)
def has_no_end(meeting, _dossier):
    """A meeting records its end."""
    if meeting.end is None:
        yield Issue(message="no end date", at=".end", ids=("x",))


@rule(code="ACME002", severity=Severity.ERROR, applies_to=dm.Dossier, summary="Not empty.")
def too_few_people(dossier, _):
    if len(dossier.people) < 5:
        yield Issue(message="fewer than five people", at=".people")


class TestCustomRules:
    def test_decorator_makes_a_rule(self):
        """rule() turns a function into a Rule whose summary is its docstring's first line."""
        assert isinstance(has_no_end, Rule)
        assert has_no_end.summary == "A meeting records its end."
        assert too_few_people.summary == "Not empty."
        assert has_no_end.severity is Severity.INFO
        assert has_no_end.applies_to == (dm.Meeting,)

    def test_custom_rules_run(self):
        """Registered rules run beside the built-ins, with full paths and ids."""
        rules = DEFAULT_RULES.with_rule(has_no_end, too_few_people)
        report = validate(EXAMPLE, rules=rules)
        assert [(f.code, f.path, f.ids) for f in report] == [
            ("ACME002", "$.people", ()),
            ("ACME001", "$.meetings[0].end", ("cn-ru-heads-of-government-29", "x")),
        ]

    def test_no_leak_between_users(self):
        """Adding a rule makes a new set; DEFAULT_RULES and other sets are unchanged."""
        mine = DEFAULT_RULES.with_rule(has_no_end)
        theirs = DEFAULT_RULES.with_rule(too_few_people)
        assert "ACME001" in mine
        assert "ACME001" not in theirs
        assert "ACME001" not in DEFAULT_RULES
        assert not validate(EXAMPLE).filter(code="ACME001")

    def test_rules_alone(self):
        """A Rules set of one's own runs only those rules."""
        report = validate(EXAMPLE, rules=Rules((has_no_end,)))
        assert {f.code for f in report} == {"ACME001"}

    def test_duplicate_code(self):
        """Two rules with one code are refused."""
        with pytest.raises(ValueError, match="two rules have the code 'DM101'"):
            DEFAULT_RULES.with_rule(attrs.evolve(has_no_end, code="DM101"))

    @pytest.mark.parametrize("code", ["dm101", "DM1", "101", "D-101", ""])
    def test_bad_code(self, code):
        """Codes are capital letters then three digits."""
        with pytest.raises(ValueError, match="'code' must be"):
            rule(code=code, severity="error", applies_to=dm.Meeting)(lambda *_: ())

    def test_bad_severity(self):
        """The severity is error, warning or info."""
        with pytest.raises(ValueError, match="fatal"):
            rule(code="X001", severity="fatal", applies_to=dm.Meeting)(lambda *_: ())

    def test_rules_holds_rules(self):
        """A Rules set refuses anything but Rule objects."""
        with pytest.raises(TypeError, match="Rule objects"):
            Rules((lambda *_: (),))  # type: ignore[arg-type]

    def test_lookup_by_code(self):
        """Rules are looked up by code; an unknown code is a KeyError."""
        assert DEFAULT_RULES["DM107"].code == "DM107"
        with pytest.raises(KeyError, match="no rule has the code 'DM999'"):
            DEFAULT_RULES["DM999"]


class TestDisabling:
    def test_disable_by_code(self):
        """A disabled rule does not run."""
        broken = with_meeting(host=KZ)
        assert validate(broken).filter(code="DM105")
        assert not validate(broken, disable={"DM105"})

    def test_without(self):
        """Rules.without drops rules by code."""
        assert "DM105" not in DEFAULT_RULES.without("DM105", "DM101")
        assert len(DEFAULT_RULES.without("DM105")) == len(DEFAULT_RULES) - 1

    def test_unknown_code(self):
        """Disabling a code that names no rule is an UnknownRuleError, still a KeyError."""
        with pytest.raises(dm.UnknownRuleError, match="DM999") as info:
            validate(EXAMPLE, disable=["DM999"])
        assert isinstance(info.value, KeyError)
        assert isinstance(info.value, dm.DiplomodelError)
        assert str(info.value) == "no rule has the code 'DM999'"

    def test_unknown_code_by_lookup(self):
        """Rules[...] with an unknown or unhashable code raises UnknownRuleError."""
        with pytest.raises(dm.UnknownRuleError):
            DEFAULT_RULES["nope"]
        with pytest.raises(dm.UnknownRuleError):
            DEFAULT_RULES[["DM101"]]

    def test_bad_subject(self):
        """validate() of something that is not a dossier or an entity is an ArgumentTypeError."""
        with pytest.raises(dm.ArgumentTypeError, match="needs a Dossier or an entity"):
            validate("dossier.json")


class TestDocumentation:
    def test_docstring_lists_every_built_in_rule(self):
        """The module docstring lists each built-in code with its severity and meaning."""
        listed = re.findall(r"^- ``(\w+)`` \((\w+)\): (.+)$", validation.__doc__, re.MULTILINE)
        assert listed == [(r.code, r.severity.value, r.summary) for r in DEFAULT_RULES]


BROKEN_REPORT = validate(
    attrs.evolve(
        add_meeting(ordinal=26, start=P("2021"), host=KZ),
        people=(*EXAMPLE.people, EXAMPLE.people[0]),
    )
)


class TestReport:
    def test_iteration_and_order(self):
        """A report iterates over its findings, errors first."""
        findings = list(BROKEN_REPORT)
        assert [f.severity.value for f in findings] == ["error", "warning", "info"]
        assert len(BROKEN_REPORT) == 3
        assert all(isinstance(f, Finding) for f in findings)

    def test_ok(self):
        """ok means no error; warnings and infos do not spoil it."""
        assert not BROKEN_REPORT.ok
        assert BROKEN_REPORT.filter(at_least="warning").ok is False
        assert BROKEN_REPORT.filter(severity=Severity.WARNING).ok
        assert Report().ok

    def test_filters(self):
        """Reports filter by severity, by minimum severity, and by code."""
        assert [f.code for f in BROKEN_REPORT.errors] == ["DM102"]
        assert [f.code for f in BROKEN_REPORT.warnings] == ["DM105"]
        assert [f.code for f in BROKEN_REPORT.infos] == ["DM115"]
        assert len(BROKEN_REPORT.filter(at_least=Severity.WARNING)) == 2
        assert len(BROKEN_REPORT.filter(code="DM105", severity="warning")) == 1
        assert not BROKEN_REPORT.filter(code="DM105", severity="error")
        assert BROKEN_REPORT.counts() == {"error": 1, "warning": 1, "info": 1}

    def test_text(self):
        """The text form has a count line and one line per finding."""
        lines = BROKEN_REPORT.to_text().splitlines()
        assert lines[0] == "3 findings: 1 error, 1 warning, 1 info"
        assert lines[1].startswith("  error DM102 $.people[4].id: id 'li-qiang'")
        assert str(BROKEN_REPORT) == BROKEN_REPORT.to_text()
        assert Report().to_text() == "No findings."

    def test_json_round_trip(self):
        """The JSON form parses, says ok and counts, and reads back equal."""
        data = json.loads(BROKEN_REPORT.to_json())
        assert data["ok"] is False
        assert data["counts"] == {"error": 1, "warning": 1, "info": 1}
        assert data["findings"][0] == {
            "code": "DM102",
            "severity": "error",
            "path": "$.people[4].id",
            "message": "id 'li-qiang' is already used by $.people[0]",
            "ids": ["li-qiang"],
        }
        assert Report.from_json(BROKEN_REPORT.to_json(indent=None)) == BROKEN_REPORT

    def test_bad_json(self):
        """Reading something that is not a report is a DataError."""
        with pytest.raises(dm.DataError):
            Report.from_json("{")
        with pytest.raises(dm.DataError):
            Report.from_json('{"findings": [{"code": "DM101"}]}')

    @pytest.mark.parametrize(
        "text",
        [
            '{"findings": [], "findings": []}',
            '{"findings": [], "ok": NaN}',
            '{"findings": [], "ok": ' + "9" * 5000 + "}",
        ],
        ids=["duplicate-key", "nan", "giant-int"],
    )
    def test_json_read_as_strictly_as_files(self, text):
        """Report.from_json refuses what every diplomodel loader refuses (it shares parse_json)."""
        with pytest.raises(dm.DataError):
            Report.from_json(text)

    def test_json_written_as_files_are(self):
        """Report.to_json writes through the one writer: compact form has no spaces."""
        assert Report().to_json(indent=None) == (
            '{"ok":true,"counts":{"error":0,"warning":0,"info":0},"findings":[]}'
        )

    def test_raise_for_errors(self):
        """raise_for_errors raises a DataError whose problems carry the errors' paths."""
        with pytest.raises(dm.DataError) as info:
            BROKEN_REPORT.raise_for_errors(source="broken")
        assert [p.path for p in info.value.problems] == ["$.people[4].id"]
        assert info.value.problems[0].message.startswith("DM102: ")
        assert "broken" in str(info.value)

    def test_no_errors_no_raise(self):
        """A report with only warnings does not raise."""
        assert BROKEN_REPORT.filter(at_least="warning").filter(severity="warning").ok
        BROKEN_REPORT.filter(severity="warning").raise_for_errors()

    def test_severity_order(self):
        """Severities are ordered info < warning < error."""
        assert Severity.INFO < Severity.WARNING < Severity.ERROR
        assert Severity.ERROR >= Severity.ERROR
        assert sorted([Severity.ERROR, Severity.INFO]) == [Severity.INFO, Severity.ERROR]


FINDING = {
    "code": "DM105",
    "severity": Severity.WARNING,
    "path": "$.meetings[0].host",
    "message": "host is not a party",
    "ids": ("m1",),
}


class TestFinding:
    """A Finding validates every field, like every other record."""

    def test_valid(self):
        """A well-formed finding is made; user codes are allowed."""
        assert Finding(**FINDING).code == "DM105"
        assert Finding(**FINDING | {"code": "ACME001", "ids": ()}).ids == ()

    @pytest.mark.parametrize(
        ("field", "value", "match"),
        [
            ("code", "dm105", "'code' must be capital letters"),
            ("code", "DM1", "'code' must be capital letters"),
            ("code", 105, "'code' must be capital letters"),
            ("severity", "warning", "'severity' must be a Severity"),
            ("path", "meetings[0]", "'path' must be a path starting with '\\$'"),
            ("path", None, "'path' must be a path"),
            ("message", "  ", "'message' must be non-blank text"),
            ("message", None, "'message' must be non-blank text"),
            ("message", "bad \ud800", "'message' must be valid Unicode"),
            ("ids", ["m1"], "'ids' must be a tuple"),
            ("ids", ("m1", ""), "'ids\\[1\\]' must be non-blank text"),
        ],
    )
    def test_rejects(self, field, value, match):
        """Each field refuses values of the wrong shape, naming the field."""
        with pytest.raises((ValueError, TypeError), match=match):
            Finding(**FINDING | {field: value})

    def test_report_from_json_checks_findings(self):
        """A report file with a malformed finding is a DataError at the finding's field."""
        text = Report(findings=(Finding(**FINDING),)).to_json().replace('"$.meetings', '"meetings')
        with pytest.raises(dm.DataError) as info:
            Report.from_json(text)
        assert [p.path for p in info.value.problems] == ["$.findings[0].path"]


class TestNeverRaises:
    @settings(max_examples=examples(20))
    @given(s.dossiers)
    def test_generated_dossiers(self, dossier):
        """validate returns a report for any valid dossier, and the report survives JSON."""
        report = validate(dossier)
        assert isinstance(report, Report)
        assert Report.from_json(report.to_json()) == report

    @settings(max_examples=examples(20))
    @given(s.meetings() | s.documents() | s.relations() | s.statements() | s.people())
    def test_generated_entities(self, entity):
        """validate returns a report for any lone entity."""
        assert isinstance(validate(entity), Report)


# -- issue 12: the rules for organisations, bodies and meetings of many (DM121 on) are
# exercised on real summits in tests/test_rules_multilateral.py; they count here as covered.
from tests.test_rules_multilateral import BROKEN as MULTILATERAL_BROKEN  # noqa: E402

BROKEN.update(MULTILATERAL_BROKEN)
