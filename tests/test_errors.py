"""Tests for `diplomodel.errors`: the exception hierarchy and `Problem`."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest

import diplomodel as dm
from diplomodel import DataError, DiplomodelError, Problem, UnknownStateError

ID_MISSING = Problem(path="$.id", message="required field missing")
BAD_ROLE = Problem(path="$.meetings[0].participants[2].role", message="unknown role 'chair'")


class TestHierarchy:
    """Every exception is a `DiplomodelError` and the natural built-in."""

    @pytest.mark.parametrize(
        ("error", "builtin"),
        [
            (DataError([ID_MISSING]), ValueError),
            (UnknownStateError("Atlantis"), LookupError),
        ],
    )
    def test_bases(self, error, builtin):
        """Each error is both a DiplomodelError and its built-in counterpart."""
        assert isinstance(error, DiplomodelError)
        assert isinstance(error, builtin)
        assert isinstance(error, Exception)

    def test_base_is_exception(self):
        """DiplomodelError derives from Exception, not BaseException only."""
        assert issubclass(DiplomodelError, Exception)

    def test_data_error_caught_as_value_error(self):
        """`except ValueError` catches a DataError."""
        with pytest.raises(ValueError, match=r"\$\.id"):
            raise DataError([ID_MISSING])

    def test_unknown_state_caught_as_lookup_error(self):
        """`except LookupError` catches an UnknownStateError, keeping its message."""
        with pytest.raises(LookupError, match="Atlantis"):
            raise UnknownStateError("Atlantis")

    def test_unknown_state_not_value_error(self):
        """An unknown state is a lookup failure, not a value error."""
        assert not issubclass(UnknownStateError, ValueError)


class TestProblem:
    """`Problem`: a path and a message."""

    @pytest.mark.parametrize("path", ["$", "$.id", "$.meetings[0].participants[2].role"])
    def test_valid(self, path):
        """A path rooted at `$` and a message make a problem."""
        problem = Problem(path=path, message="bad")
        assert (problem.path, problem.message) == (path, "bad")

    def test_str(self):
        """`str()` is the path, a colon, and the message."""
        assert str(BAD_ROLE) == "$.meetings[0].participants[2].role: unknown role 'chair'"

    @pytest.mark.parametrize("path", ["", "id", ".id", " $.id", "meetings[0]", None, 5, ["$"]])
    def test_rejects_path(self, path):
        """A path that is not a str starting with `$` raises ValueError naming 'path'."""
        with pytest.raises(ValueError, match="'path'"):
            Problem(path=path, message="bad")

    @pytest.mark.parametrize("message", ["", " ", "\n\t", None, 5])
    def test_rejects_message(self, message):
        """A blank or non-str message raises ValueError naming 'message'."""
        with pytest.raises(ValueError, match="'message'"):
            Problem(path="$", message=message)

    def test_frozen(self):
        """Problems cannot be changed."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            ID_MISSING.message = "other"  # type: ignore[misc]

    def test_keyword_only(self):
        """Path and message cannot be passed positionally."""
        with pytest.raises(TypeError):
            Problem("$", "bad")  # type: ignore[misc]

    def test_equality_and_hash(self):
        """Problems with equal fields are equal and hash equal."""
        again = Problem(path="$.id", message="required field missing")
        assert again == ID_MISSING
        assert hash(again) == hash(ID_MISSING)
        assert len({again, ID_MISSING, BAD_ROLE}) == 2


class TestDataError:
    """`DataError`: every problem, with its path."""

    def test_problems_tuple(self):
        """`problems` is a tuple of the Problems given, in order."""
        err = DataError([ID_MISSING, BAD_ROLE])
        assert err.problems == (ID_MISSING, BAD_ROLE)
        assert isinstance(err.problems, tuple)
        assert all(isinstance(p, Problem) for p in err.problems)

    def test_accepts_any_iterable(self):
        """A generator of problems is read into a tuple."""
        err = DataError(p for p in (ID_MISSING, BAD_ROLE))
        assert err.problems == (ID_MISSING, BAD_ROLE)

    def test_single_problem_message(self):
        """One problem is counted in the singular and shown indented with its path."""
        assert str(DataError([ID_MISSING])) == (
            "1 problem in input:\n  $.id: required field missing"
        )

    def test_lists_every_problem(self):
        """`str()` counts the problems and lists each with its path, one per line."""
        err = DataError([ID_MISSING, BAD_ROLE])
        assert str(err) == (
            "2 problems in input:\n"
            "  $.id: required field missing\n"
            "  $.meetings[0].participants[2].role: unknown role 'chair'"
        )

    def test_source_in_message(self):
        """The source name replaces 'input' in the heading."""
        err = DataError([ID_MISSING, BAD_ROLE], source="dossier.json")
        assert err.source == "dossier.json"
        assert str(err).splitlines()[0] == "2 problems in dossier.json:"

    def test_no_source(self):
        """Without a source, `source` is None and the message says 'input'."""
        err = DataError([ID_MISSING])
        assert err.source is None
        assert " in input:" in str(err)

    def test_source_keyword_only(self):
        """The source cannot be passed positionally."""
        with pytest.raises(TypeError):
            DataError([ID_MISSING], "dossier.json")  # type: ignore[misc]

    @pytest.mark.parametrize("problems", [[], (), iter(())])
    def test_empty_rejected(self, problems):
        """A DataError without problems raises ValueError."""
        with pytest.raises(ValueError, match="at least one problem"):
            DataError(problems)

    def test_empty_rejection_is_not_data_error(self):
        """Refusing an empty DataError is a misuse of the class, not bad data."""
        with pytest.raises(ValueError, match="at least one problem") as info:
            DataError([])
        assert isinstance(info.value, dm.InvalidArgumentError)
        assert not isinstance(info.value, DataError)

    def test_single(self):
        """`DataError.single` holds exactly one problem built from path and message."""
        err = DataError.single("$", "not JSON", source="x.json")
        assert isinstance(err, DataError)
        assert err.problems == (Problem(path="$", message="not JSON"),)
        assert err.source == "x.json"
        assert str(err) == "1 problem in x.json:\n  $: not JSON"

    @pytest.mark.parametrize(
        ("path", "message", "match"), [("id", "bad", "'path'"), ("$", " ", "'message'")]
    )
    def test_single_validates(self, path, message, match):
        """`DataError.single` rejects an invalid path or message via Problem."""
        with pytest.raises(ValueError, match=match):
            DataError.single(path, message)

    @pytest.mark.parametrize(
        "clone",
        [copy.copy, lambda e: pickle.loads(pickle.dumps(e))],  # noqa: S301 - our own bytes
        ids=["copy", "pickle"],
    )
    def test_copy_keeps_message(self, clone):
        """A copied or unpickled DataError has the same message, problems and source."""
        err = DataError([ID_MISSING, BAD_ROLE], source="dossier.json")
        again = clone(err)
        assert again.problems == err.problems
        assert again.source == err.source
        assert str(again) == str(err)
