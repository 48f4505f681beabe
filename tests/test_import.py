"""What `import diplomodel` loads: the model, not the parsers, CLDR data or optional parts.

Each check runs in a fresh interpreter, because this one has long imported everything.
Time is measured by ``benchmarks/import_time.py``, never here.
"""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import diplomodel

#: Modules that `import diplomodel`, and the model classes, must leave unloaded.
HEAVY = (
    "babel",
    "dateutil",
    "cattrs",
    "orjson",
    "difflib",
    "importlib.resources",
    "hypothesis",
    "pyarrow",
    "duckdb",
    # Standard-library modules only some values need (February, a URL, a data file).
    "calendar",
    "json",
    "urllib",
    "diplomodel._parse",
    "diplomodel.anniversaries",
    "diplomodel.dossier",
    "diplomodel.files",
    "diplomodel.timeline",
    "diplomodel.extract",
    "diplomodel.i18n",
    "diplomodel.interchange",
    "diplomodel.organizations._load",
    "diplomodel.serialization",
    "diplomodel.validation",
)


def _loaded_after(code: str) -> list[str]:
    """The modules loaded in a fresh interpreter after running `code`."""
    script = f"{code}\nimport sys\nloaded = sorted(sys.modules)\n"
    script += "import json\nprint(json.dumps(loaded))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", script], check=True, capture_output=True, text=True, env=env
    )
    loaded: list[str] = json.loads(done.stdout.splitlines()[-1])
    return loaded


def _heavy(loaded: list[str]) -> list[str]:
    return [m for m in loaded if any(m == h or m.startswith(f"{h}.") for h in HEAVY)]


def _lazy_table() -> dict[str, tuple[str, ...]]:
    return {module: tuple(names.split()) for module, names in diplomodel._LAZY.items()}


class TestWhatImportLoads:
    def test_import_loads_nothing_heavy(self):
        """`import diplomodel` loads no parser, CLDR data, converter or optional library."""
        assert _heavy(_loaded_after("import diplomodel")) == []

    def test_model_classes_load_nothing_heavy(self):
        """Building model objects, states and dates needs none of the heavy modules either."""
        code = (
            "from diplomodel import Meeting, PartialDate, Person, State, Organization, Place\n"
            "PartialDate.parse('2024-08-21') < PartialDate(year=2025)\n"
            "Person(id='li-qiang', name='Li Qiang')\n"
        )
        assert _heavy(_loaded_after(code)) == []

    def test_reference_data_is_not_read(self):
        """The registries of states and organisations read their data on first use only."""
        code = (
            "import diplomodel\n"
            "assert diplomodel.states._tables_cache is None\n"
            "assert diplomodel.organizations._tables_cache is None\n"
        )
        _loaded_after(code)

    def test_parse_date_loads_the_parser(self):
        """The guard is not vacuous: reading text loads the parser and babel when asked."""
        loaded = _loaded_after("import diplomodel\ndiplomodel.parse_date('21 August 2024')")
        assert "diplomodel._parse" in loaded
        assert "babel" in loaded

    @pytest.mark.parametrize("name", ["validate", "Dossier", "extract", "describe", "to_ftm"])
    def test_a_lazy_name_loads_its_module(self, name):
        """Asking for a lazily exported name loads its module, in a fresh interpreter."""
        home = next(m for m, names in _lazy_table().items() if name in names)
        loaded = _loaded_after(f"import diplomodel\ndiplomodel.{name}")
        assert home in loaded


class TestLazyNames:
    def test_from_import_of_a_lazy_name(self):
        """`from diplomodel import X` gives the object its module defines."""
        from diplomodel import validate
        from diplomodel.validation import validate as defined

        assert validate is defined

    def test_every_lazy_name_is_public(self):
        """Each lazily exported name is in __all__, and `dir()` lists it."""
        names = {name for names in _lazy_table().values() for name in names}
        assert names <= set(diplomodel.__all__)
        assert names <= set(dir(diplomodel))

    def test_unknown_name(self):
        """An unknown attribute is still an AttributeError."""
        with pytest.raises(AttributeError, match="no_such_name"):
            diplomodel.no_such_name  # noqa: B018 - the access is the test

    def test_a_subpackage_does_not_hide_a_function(self):
        """`diplomodel.extract` stays the function after its subpackage is imported."""
        import diplomodel.extract._core
        from diplomodel.extract import extract

        assert diplomodel.extract is extract
        assert diplomodel.anniversaries is sys.modules["diplomodel.anniversaries"].anniversaries

    def test_type_checking_imports_match_the_table(self):
        """The names mypy sees (the TYPE_CHECKING imports) are exactly the lazy table."""
        source = Path(diplomodel.__file__).read_text(encoding="utf-8")
        seen: dict[str, tuple[str, ...]] = {}
        for node in ast.parse(source).body:
            if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
                for statement in node.body:
                    assert isinstance(statement, ast.ImportFrom)
                    seen[statement.module or ""] = tuple(a.name for a in statement.names)
        assert seen == _lazy_table()


def test_the_package_pickles_by_name():
    """The package object pickles as a reference, as a plain module does (Spark sends it)."""
    import pickle

    import diplomodel

    assert pickle.loads(pickle.dumps(diplomodel)) is diplomodel  # noqa: S301 - our own bytes
