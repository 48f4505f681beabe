"""The interchange package as a whole: optional dependencies stay optional."""

import subprocess
import sys
import textwrap

import pytest

import diplomodel as dm
from diplomodel import interchange
from diplomodel.interchange._common import first_of_each, optional_module

OPTIONAL = ("followthemoney", "pyld", "icalendar")


class TestLazyImports:
    def test_importing_needs_no_optional_package(self):
        """Importing diplomodel and diplomodel.interchange imports none of the optional packages."""
        code = textwrap.dedent(
            f"""
            import sys
            import diplomodel
            import diplomodel.interchange
            loaded = sorted(m for m in sys.modules if m.split(".")[0] in {OPTIONAL!r})
            assert loaded == [], loaded
            """
        )
        subprocess.run([sys.executable, "-c", code], check=True, timeout=60)  # noqa: S603 - our own code

    @pytest.mark.parametrize("blocked", OPTIONAL)
    def test_plain_formats_work_without_any(self, monkeypatch, blocked):
        """Popolo and JSON-LD are written with no optional package installed."""
        monkeypatch.setitem(sys.modules, blocked, None)
        dossier = dm.load_example()
        assert interchange.to_popolo(dossier)["persons"]
        assert interchange.to_jsonld(dossier)["@graph"]

    def test_missing_module_names_the_extra(self):
        """The ImportError for a missing package says which extra installs it."""
        with pytest.raises(ImportError, match=r"to_x\(\) needs .*'nope_x'.*diplomodel\[x\]"):
            optional_module("nope_x", extra="x", purpose="to_x()")


class TestHelpers:
    def test_first_of_each(self):
        """Of entities sharing an id, the first one is kept, as Dossier lookups do."""
        people = (
            dm.Person(id="a", name="A"),
            dm.Person(id="a", name="B"),
            dm.Person(id="b", name="C"),
        )
        assert [p.name for p in first_of_each(people)] == ["A", "C"]

    def test_public_names(self):
        """The package offers the four exporters and ftm_id."""
        assert set(interchange.__all__) == {"ftm_id", "to_ftm", "to_ical", "to_jsonld", "to_popolo"}
