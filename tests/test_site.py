"""The built documentation site holds every public name and every enum value, and works offline.

One strict ``mkdocs build`` into a temporary directory serves every test of
this module. The module is skipped when MkDocs is not installed: install the
``docs`` dependency group (``pip install --group docs``) to run it.
"""

import enum
import html
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

import diplomodel

ROOT = Path(__file__).resolve().parents[1]

pytest.importorskip("mkdocs", reason="the docs dependency group is not installed")
pytest.importorskip("mkdocstrings_handlers.python", reason="the docs group is not installed")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The site, built once with ``mkdocs build --strict``."""
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(  # noqa: S603 - our own interpreter on our own site
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def text(site):
    """The text of every page, tags removed and entities decoded, by path."""
    return {
        p.relative_to(site).as_posix(): html.unescape(p.read_text("utf-8"))
        for p in site.rglob("*.html")
    }


def reference_ids(text):
    return {
        anchor
        for path, page in text.items()
        if path.startswith("reference/")
        for anchor in re.findall(r'\bid="([^"]+)"', page)
    }


class TestContent:
    def test_every_public_name_has_its_entry(self, text):
        """Each name of diplomodel.__all__ is rendered as itself, under its own heading."""
        sys.path.insert(0, str(ROOT / "docs" / "hooks"))
        try:
            import docgen_api
        finally:
            sys.path.remove(str(ROOT / "docs" / "hooks"))
        ids = reference_ids(text)
        missing = [n for n in diplomodel.__all__ if docgen_api.identifier(n) not in ids]
        assert missing == []

    def test_every_enum_member_and_value_is_shown(self, text):
        """Each member of each public enumeration appears with its value in the reference."""
        reference = "".join(page for path, page in text.items() if path.startswith("reference/"))
        missing = []
        for name in diplomodel.__all__:
            obj = getattr(diplomodel, name)
            if inspect.isclass(obj) and issubclass(obj, enum.Enum):
                for member in obj:
                    shown = f'"{member.value}"' if isinstance(member.value, str) else member.value
                    row = f"<code>{member.name}</code>"
                    if row not in reference or f"<code>{shown}</code>" not in reference:
                        missing.append(f"{name}.{member.name}")
        assert missing == []

    def test_no_private_name_is_shown(self, text):
        """Module internals stay off the reference pages."""
        reference = "".join(page for path, page in text.items() if path.startswith("reference/"))
        for private in ("_LOOKUP_LOCALES", "_normalise", "_hooks.DOCUMENT_TAGS", "_from_bare"):
            assert private not in reference

    def test_constants_show_their_values(self, text):
        """DOCUMENT_TAGS lists each tag; FORMAT_VERSION shows the version."""
        page = text["reference/serialization.html"]
        for tag in diplomodel.DOCUMENT_TAGS.values():
            assert f'"{tag}"' in page
        assert diplomodel.FORMAT_VERSION in page

    def test_rule_codes_have_anchors(self, text):
        """Each rule code can be linked as rules.html#dm107."""
        page = text["reference/rules.html"]
        for r in diplomodel.DEFAULT_RULES:
            assert f'id="{r.code.lower()}"' in page

    def test_the_model_diagram_is_inline(self, text):
        """The model page carries the class diagram as SVG, with a box per model class."""
        page = text["model.html"]
        assert "<svg" in page
        assert 'id="dm-class-Meeting"' in page


class TestOffline:
    def test_links_are_files(self, text):
        """Pages link to .html files, so the site works opened from disk."""
        home = text["index.html"]
        assert 'href="install.html"' in home
        assert 'href="reference/index.html"' in home

    def test_search_works_without_a_server(self, site):
        """The offline plugin ships the search index as a script."""
        assert (site / "search" / "search_index.js").is_file()

    def test_nothing_is_fetched_from_the_network(self, text):
        """No page loads a script, style or font from another host."""
        for path, page in text.items():
            scripts = re.findall(r'<script[^>]+src="(https?://[^"]+)"', page)
            styles = re.findall(
                r'<link rel="(?:stylesheet|preload)"[^>]+href="(https?://[^"]+)"', page
            )
            assert scripts + styles == [], path
            # The theme's repository widget would ask the GitHub API for stars.
            assert 'data-md-component="source"' not in page, path

    def test_build_tools_are_not_published(self, site):
        """conftest.py, the griffe extensions and the hooks stay out of the site."""
        assert list(site.rglob("*.py")) == []

    def test_pictures_are_published_as_files(self, site):
        """Each picture is also a file of its own."""
        assert (site / "diagrams" / "model.svg").read_text("utf-8").startswith("<svg")
        assert (site / "diagrams" / "relation-cn-ru.svg").is_file()
