"""The documentation covers the public API, and every public object documents itself.

The examples in ``docs/*.md`` run as tests through Sybil (``docs/conftest.py``);
this module checks what the site must contain and audits the docstrings.
"""

import enum
import importlib.util
import inspect
import re
import sys
from pathlib import Path

import pytest

import diplomodel

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
REFERENCE = DOCS / "reference"

#: Public objects whose docstrings still lack a section, in modules that the
#: docs owner may not edit. Each is a strict xfail: fixing the docstring makes
#: the test fail until the entry is removed here.
KNOWN_GAPS: dict[tuple[str, str], str] = {}


def reference_entries():
    """Every ``::: diplomodel.X`` entry of the reference pages, as the name X."""
    entries = []
    for page in sorted(REFERENCE.glob("*.md")):
        entries += re.findall(r"^::: diplomodel\.([\w.]+)$", page.read_text("utf-8"), re.MULTILINE)
    return entries


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
    def test_every_public_name_has_a_reference_entry(self):
        """Each name in diplomodel.__all__ has a ``::: diplomodel.Name`` entry."""
        missing = sorted(set(diplomodel.__all__) - set(reference_entries()))
        assert missing == []

    def test_no_name_is_documented_twice(self):
        """Each object has one place in the reference."""
        entries = reference_entries()
        assert sorted({e for e in entries if entries.count(e) > 1}) == []

    def test_entries_name_real_objects(self):
        """No reference entry names something that does not exist."""
        for entry in reference_entries():
            obj = diplomodel
            for part in entry.split("."):
                obj = getattr(obj, part, None) or importlib.import_module(f"diplomodel.{part}")
            assert obj is not None, entry

    def test_reference_index_lists_every_name(self):
        """The reference overview table mentions every public name."""
        index = (REFERENCE / "index.md").read_text("utf-8")
        missing = [n for n in diplomodel.__all__ if n != "__version__" and f"`{n}`" not in index]
        assert missing == []

    def test_every_reference_page_is_in_the_nav(self):
        """mkdocs.yml lists every page of docs/ (the strict build would refuse otherwise)."""
        nav = (ROOT / "mkdocs.yml").read_text("utf-8")
        pages = [p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")]
        assert [p for p in pages if p not in nav] == []


class TestRuleCodes:
    def rows(self):
        text = (REFERENCE / "rules.md").read_text("utf-8")
        return re.findall(r"^\| `(\w+)` \| (\w+) \| (.+?) \| (.+?) \|$", text, re.MULTILINE)

    def test_table_matches_the_registry(self):
        """The rule-code table lists exactly DEFAULT_RULES: codes, severities, kinds, summaries."""
        expected = [
            (
                r.code,
                r.severity.value,
                ", ".join(f"`{t.__name__}`" for t in r.applies_to),
                r.summary,
            )
            for r in diplomodel.DEFAULT_RULES
        ]
        assert self.rows() == expected


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
