"""The documentation covers the public API, and every public object documents itself.

The examples in ``docs/*.md`` run as tests through Sybil (``docs/conftest.py``);
this module checks what the site must contain and audits the docstrings.
"""

import argparse
import enum
import importlib
import importlib.util
import inspect
import re
import sys
from pathlib import Path

import attrs
import pytest

import diplomodel

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference"

#: Public objects whose docstrings still lack a section, in modules that the
#: docs owner may not edit. Each is a strict xfail: fixing the docstring makes
#: the test fail until the entry is removed here.
KNOWN_GAPS: dict[tuple[str, str], str] = {}


HOOKS = DOCS / "hooks"


def load_hook_module(name):
    """A module of docs/hooks, imported as the build imports it."""
    if str(HOOKS) not in sys.path:
        sys.path.insert(0, str(HOOKS))
    return importlib.import_module(name)


def pages():
    """Every page's Markdown source, by its path under docs/."""
    return {p.relative_to(DOCS).as_posix(): p.read_text("utf-8") for p in DOCS.rglob("*.md")}


def documented_objects():
    """The classes and functions of ``__all__``, by name."""
    for name in sorted(diplomodel.__all__):
        obj = getattr(diplomodel, name)
        if inspect.isclass(obj) or inspect.isfunction(obj):
            yield name, obj


def takes_arguments(obj):
    """Whether calling the object takes any argument (self and cls aside)."""
    if inspect.isclass(obj) and issubclass(obj, enum.Enum):
        return False
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return False
    return any(p.name not in {"self", "cls"} for p in signature.parameters.values())


def returns_value(obj):
    """Whether a function is annotated to return something other than None."""
    annotation = inspect.signature(obj).return_annotation
    return annotation not in {None, "None", inspect.Signature.empty}


def docstring_checks():
    """(name, aspect, passed) for every documented object and every aspect audited."""
    for name, obj in documented_objects():
        doc = inspect.getdoc(obj) or ""
        own_and_bases = "".join(
            inspect.getdoc(base) or "" for base in getattr(obj, "__mro__", (obj,))
        )
        yield name, "summary", bool(doc.strip()) and doc.splitlines()[0].rstrip().endswith(".")
        yield name, "example", ">>>" in doc
        if takes_arguments(obj):
            # A subclass may rely on its base's Args: (Communique on Document).
            yield name, "args", "Args:" in own_and_bases
        if inspect.isfunction(obj) and returns_value(obj):
            yield name, "returns", "Returns:" in doc or "Yields:" in doc


def audit_params():
    params = []
    for name, aspect, passed in docstring_checks():
        gap = KNOWN_GAPS.get((name, aspect))
        marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
        params.append(pytest.param(name, aspect, passed, id=f"{name}-{aspect}", marks=marks))
    return params


class TestReference:
    @pytest.fixture
    def api(self):
        return load_hook_module("docgen_api")

    def test_markers_name_real_modules(self, api):
        """Each module an ``api`` marker claims exists and exports a public name."""
        where = set(api.exported_from().values())
        for page, args in api.claimed(pages()).items():
            assert [m for m in api.modules_of(args) if m not in where] == [], page

    def test_no_module_is_claimed_twice(self, api):
        """Each public name has one place in the reference."""
        modules = [m for args in api.claimed(pages()).values() for m in api.modules_of(args)]
        assert sorted({m for m in modules if modules.count(m) > 1}) == []

    def test_every_public_name_has_a_page(self, api):
        """Each name of ``__all__`` is covered by a topic page or by the catch-all page."""
        claimed = {m for args in api.claimed(pages()).values() for m in api.modules_of(args)}
        covered = set(api.names_of(claimed)) | set(api.unclaimed(pages())) | {"__version__"}
        assert covered == set(diplomodel.__all__)
        assert any("<!-- docgen: api-rest -->" in text for text in pages().values())

    def test_a_new_module_lands_on_the_catch_all_page(self, api):
        """A name from a module no page claims is listed by ``unclaimed``, not lost."""
        without_meetings = {
            page: text.replace("diplomodel.model.meetings", "") for page, text in pages().items()
        }
        assert "Meeting" in api.unclaimed(without_meetings)
        assert "Meeting" not in api.unclaimed(pages())

    def test_a_page_may_put_names_first(self, api):
        """``first:`` hints reorder a page's entries without adding or dropping any."""
        plain = api.names_of(["diplomodel.validation"])
        hinted = api.names_of(["diplomodel.validation", "first:validate,Report,nothing"])
        assert hinted[:2] == ["validate", "Report"]
        assert sorted(hinted) == sorted(plain)

    def test_names_shadowed_by_modules_render_the_object(self, api):
        """``anniversaries`` and ``states`` are rendered as the function and the registry."""
        assert api.identifier("anniversaries") == "diplomodel.anniversaries.anniversaries"
        assert api.identifier("states") == "diplomodel.states.states"
        assert api.identifier("Meeting") == "diplomodel.Meeting"

    def test_every_page_is_in_the_nav(self):
        """mkdocs.yml lists every page of docs/ (the strict build would refuse otherwise)."""
        nav = (ROOT / "mkdocs.yml").read_text("utf-8")
        assert [p for p in pages() if p not in nav] == []


class TestRuleCodes:
    def test_table_matches_the_registry(self):
        """The generated table lists exactly DEFAULT_RULES, each code with its anchor."""
        table = load_hook_module("docgen_rules").rule_table()
        rows = re.findall(
            r"^\| \[`(\w+)`\]\(#(\w+)\) .*?<br>(\w+) \| (.+?)<br>Checks: (.+?)\. \|$",
            table,
            re.MULTILINE,
        )
        expected = [
            (
                r.code,
                r.code.lower(),
                r.severity.value,
                r.summary,
                ", ".join(f"[`{t.__name__}`][diplomodel.{t.__name__}]" for t in r.applies_to),
            )
            for r in diplomodel.DEFAULT_RULES
        ]
        assert rows == expected

    def test_the_rules_page_asks_for_the_table(self):
        """The rules page is generated, not typed."""
        assert "<!-- docgen: rules -->" in (REFERENCE / "rules.md").read_text("utf-8")


class TestCommandLinePage:
    def test_every_subcommand_and_option_is_listed(self):
        """The CLI page names every subcommand and every visible option of the real parser."""
        cli_doc = load_hook_module("docgen_cli")
        page = cli_doc.cli_reference()
        commands = cli_doc.subcommands()
        assert set(commands) >= {"example", "validate", "convert", "describe", "schema", "state"}
        for name, parser in commands.items():
            assert f"## `diplomodel {name}`" in page
            for action in parser._actions:
                if action.help != argparse.SUPPRESS:
                    for option in action.option_strings:
                        assert option in page, (name, option)

    def test_exit_statuses_are_listed(self):
        """The page gives the meaning of each exit status the command documents."""
        statuses = load_hook_module("docgen_cli").exit_statuses()
        for status in ("0 success", "1 ", "2 ", "70 "):
            assert status in statuses


class TestDiagrams:
    def test_the_class_diagram_lists_every_model_class(self):
        """Each attrs class of diplomodel.model that is exported has a box in the diagram."""
        svg = load_hook_module("docgen_diagrams").class_diagram()
        model_classes = [
            name
            for name in diplomodel.__all__
            if inspect.isclass(obj := getattr(diplomodel, name))
            and attrs.has(obj)
            and obj.__module__.startswith("diplomodel.model.")
        ]
        assert len(model_classes) >= 18
        for name in model_classes:
            assert f'id="dm-class-{name}"' in svg, name

    def test_id_references_come_from_the_annotations(self):
        """A field typed with an id type points at the class whose id has that type."""
        model = load_hook_module("docgen_model").read_model()
        links = {
            (cls.__name__, f.name): f.target.__name__
            for cls in model.classes
            for f in model.fields_of(cls.__name__)
            if f.link == "id"
        }
        assert links[("Meeting", "series")] == "MeetingSeries"
        assert links[("Meeting", "outcomes")] == "Document"
        assert links[("Statement", "speaker")] == "Person"
        assert links[("Tenure", "office")] == "Office"

    def test_the_timeline_shows_the_levels_and_ties(self):
        """The relation's time line names each partnership level and the ties' date."""
        dossier = diplomodel.load_example()
        svg = load_hook_module("docgen_diagrams").relation_timeline(dossier, "cn-ru")
        relation = dossier.relation_by_id("cn-ru")
        for level in relation.levels:
            assert f"{level.name} ({level.since})" in svg
        assert "since 1949-10-02" in svg
        assert ">75</text>" in svg  # the 75th anniversary, 2024


class TestChangelog:
    def test_changelog_page_includes_the_root_file(self):
        """The site's changelog is CHANGELOG.md itself, included by the build."""
        page = (DOCS / "changelog.md").read_text("utf-8")
        assert '--8<-- "CHANGELOG.md"' in page
        assert (ROOT / "CHANGELOG.md").is_file()


class TestDocstrings:
    @pytest.mark.parametrize(("name", "aspect", "passed"), audit_params())
    def test_docstring(self, name, aspect, passed):
        """Public classes and functions have a summary line, an example, Args: and Returns:."""
        assert passed, f"{name}: docstring lacks its {aspect}"

    def test_known_gaps_name_real_checks(self):
        """Every known gap names an object and an aspect that the audit checks."""
        checked = {(name, aspect) for name, aspect, _ in docstring_checks()}
        assert set(KNOWN_GAPS) <= checked


def load_extensions():
    spec = importlib.util.spec_from_file_location(
        "griffe_extensions", DOCS / "griffe_extensions.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("griffe_extensions", module)
    spec.loader.exec_module(module)
    return module


class TestDoctestFences:
    @pytest.fixture
    def fence(self):
        pytest.importorskip("griffe")
        return load_extensions().fence_doctests

    def test_fences_a_doctest(self, fence):
        """A top-level doctest block becomes a pycon fence that ends at the blank line."""
        text = "Summary.\n\n>>> 1 + 1\n2\n\nAfter."
        assert fence(text) == "Summary.\n\n```pycon\n>>> 1 + 1\n2\n```\n\nAfter."

    def test_adds_a_blank_line_before(self, fence):
        """A doctest right after text is separated from it, so Markdown sees the fence."""
        assert fence("Text.\n>>> x\n").startswith("Text.\n\n```pycon\n>>> x")

    def test_leaves_existing_fences_and_indented_examples(self, fence):
        """Fenced code and indented (section) examples are left alone."""
        text = "```python\n>>> 1\n```\n\nArgs:\n    x: An x.\n\n    >>> x\n"
        assert fence(text) == text.rstrip("\n")


def public_enums():
    return [
        name
        for name in sorted(diplomodel.__all__)
        if inspect.isclass(obj := getattr(diplomodel, name)) and issubclass(obj, enum.Enum)
    ]


@pytest.fixture(scope="module")
def package():
    """diplomodel as griffe reads it, as the docs build does."""
    griffe = pytest.importorskip("griffe")
    return griffe.load("diplomodel", search_paths=[str(ROOT / "src")])


class TestEnumMembers:
    @pytest.mark.parametrize("name", public_enums())
    def test_every_member_has_a_meaning(self, package, name):
        """Each member of a public enumeration has a one-line docstring under it."""
        cls = package[name]
        missing = [m.name for m in getattr(diplomodel, name) if not cls.members[m.name].docstring]
        assert missing == []

    def test_the_table_lists_every_member_with_its_value(self, package):
        """The reference table of an enumeration shows each member, its value and meaning."""
        table = load_extensions().enum_table(
            package["model.meetings.MeetingKind"], diplomodel.MeetingKind
        )
        for member in diplomodel.MeetingKind:
            assert (
                f"| `{member.name}` [](){{#diplomodel.model.meetings.MeetingKind.{member.name}}}"
                in table
            )
            assert f'<br>`"{member.value}"` |' in table
        phone = "`PHONE_CALL` [](){#diplomodel.model.meetings.MeetingKind.PHONE_CALL}"
        assert f'| {phone}<br>`"phone_call"` | A telephone conversation. |' in table


class TestIdTypes:
    def test_an_id_type_is_described_with_an_example(self):
        """An id type's text names its class, the fields that hold it, and a real id."""
        extensions = load_extensions()
        model = load_hook_module("docgen_model").read_model()
        text = extensions.id_docstring("SeriesId", model, diplomodel.load_example())
        assert "[`MeetingSeries`][diplomodel.MeetingSeries]" in text
        assert "`Meeting.series`" in text
        assert 'SeriesId("cn-ru-heads-of-government")' in text
