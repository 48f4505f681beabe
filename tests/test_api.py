"""The public API: what `import diplomodel` offers, and where each name lives."""

import importlib
import inspect
import pkgutil

import pytest

import diplomodel


def _public_modules():
    for info in pkgutil.walk_packages(diplomodel.__path__, "diplomodel."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            yield importlib.import_module(info.name)


class TestExposedObjects:
    def test_all_names_exist(self):
        """Every name in __all__ is importable from the package."""
        missing = [name for name in diplomodel.__all__ if not hasattr(diplomodel, name)]
        assert missing == []

    def test_all_is_sorted_and_unique(self):
        """__all__ holds no duplicates."""
        assert len(set(diplomodel.__all__)) == len(diplomodel.__all__)

    @pytest.mark.parametrize(
        "name",
        [
            "DiplomodelError",
            "DataError",
            "UnknownStateError",
            "PartialDate",
            "Precision",
            "State",
            "states",
            "Person",
            "Office",
            "OfficeKind",
            "Tenure",
            "Meeting",
            "MeetingKind",
            "MeetingSeries",
            "Participation",
            "Role",
            "Place",
            "Document",
            "Communique",
            "CooperationAgreement",
            "Signature",
            "Committee",
            "Sector",
            "BilateralRelation",
            "PartnershipLevel",
            "ThematicYear",
            "Statement",
            "Source",
            "Dossier",
            "load_example",
            "to_dict",
            "from_dict",
            "to_json",
            "from_json",
            "__version__",
        ],
    )
    def test_design_contract_names(self, name):
        """The names DESIGN.md promises are exported."""
        assert name in diplomodel.__all__

    def test_every_public_module_name_is_exported(self):
        """Each public class or function defined in a public module is in diplomodel.__all__."""
        exported = {id(getattr(diplomodel, name)) for name in diplomodel.__all__}
        missing = []
        for module in _public_modules():
            for name in getattr(module, "__all__", ()):
                obj = getattr(module, name)
                if module.__name__ in {"diplomodel.cli", "diplomodel.testing", "diplomodel.spark"}:
                    continue  # the command, and the optional hypothesis and spark extras
                if id(obj) not in exported:
                    missing.append(f"{module.__name__}.{name}")
        assert missing == []


class TestSingleLocations:
    def test_classes_and_functions_are_defined_where_exported(self):
        """Each exported class or function lives in a public module that offers it by name."""
        for name in diplomodel.__all__:
            obj = getattr(diplomodel, name)
            if inspect.isclass(obj) or inspect.isfunction(obj):
                parts = obj.__module__.split(".")
                assert parts[0] == "diplomodel", name
                public = []
                for part in parts:
                    if part.startswith("_"):
                        break
                    public.append(part)
                home = importlib.import_module(".".join(public))
                assert home is not diplomodel, (name, obj.__module__)
                assert getattr(home, obj.__name__, None) is obj, (name, home.__name__)

    def test_version(self):
        """__version__ matches the installed distribution metadata."""
        from importlib.metadata import version

        assert diplomodel.__version__ == version("diplomodel")

    def test_py_typed_is_shipped(self):
        """The package marks itself as typed."""
        from importlib.resources import files

        assert files("diplomodel").joinpath("py.typed").is_file()
