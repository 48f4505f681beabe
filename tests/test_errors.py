"""Tests for `diplomodel.errors`: the exception hierarchy and `Problem`."""

from __future__ import annotations

import copy
import pickle

import attrs
import pytest

import diplomodel as dm
from diplomodel import DataError, DiplomodelError, Problem, UnknownStateError
from diplomodel.errors import elide, shown

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

    def test_empty_rejection_is_an_argument_error(self):
        """Refusing an empty DataError is an invalid argument, which reads as its message."""
        with pytest.raises(ValueError, match="at least one problem") as info:
            DataError([])
        assert isinstance(info.value, dm.InvalidArgumentError)
        assert str(info.value) == "a DataError needs at least one problem"

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


def _problems(count):
    return (Problem(path=f"$[{i}]", message="bad") for i in range(count))


class TestBounds:
    """However many problems or however long a message, a DataError stays small."""

    def test_keeps_at_most_max_problems(self):
        """Built from a huge iterable, it keeps MAX_PROBLEMS and counts the rest."""
        err = DataError(_problems(dm.MAX_PROBLEMS + 12_345))
        assert len(err.problems) == dm.MAX_PROBLEMS
        assert err.omitted == 12_345
        assert err.total == dm.MAX_PROBLEMS + 12_345
        assert not err.stopped
        lines = str(err).splitlines()
        assert lines[0] == f"{dm.MAX_PROBLEMS + 12_345:,} problems in input:"
        assert lines[-1] == "  … and 12,345 more problems"
        assert len(lines) == dm.MAX_PROBLEMS + 2

    def test_stopped(self):
        """A collector that stopped looking says the count is a lower bound."""
        err = DataError(_problems(3), stopped=True)
        assert str(err).splitlines()[0] == "at least 3 problems in input:"
        assert str(err).splitlines()[-1] == "  … stopped looking after 3 problems"

    def test_omitted_passed_in(self):
        """Problems a collector dropped are added to the count."""
        err = DataError(_problems(2), omitted=5)
        assert err.total == 7
        assert str(err).endswith("… and 5 more problems")

    @pytest.mark.parametrize(
        "clone",
        [copy.copy, lambda e: pickle.loads(pickle.dumps(e))],  # noqa: S301 - our own bytes
        ids=["copy", "pickle"],
    )
    def test_copy_keeps_counts(self, clone):
        """Copies keep omitted and stopped."""
        err = DataError(_problems(dm.MAX_PROBLEMS + 3), stopped=True)
        again = clone(err)
        assert (again.omitted, again.stopped, str(again)) == (3, True, str(err))

    def test_long_message_and_path_elided(self):
        """A message or path past MAX_MESSAGE characters is elided in the middle."""
        problem = Problem(path="$." + "a" * 1000, message="bad value " + "x" * 1000 + " (end)")
        assert len(problem.message) == dm.MAX_MESSAGE
        assert len(problem.path) == dm.MAX_MESSAGE
        assert problem.message.startswith("bad value ")
        assert problem.message.endswith(" (end)")
        assert "…" in problem.message

    def test_short_text_untouched(self):
        """Messages within the limit are kept exactly."""
        assert elide("x" * dm.MAX_MESSAGE) == "x" * dm.MAX_MESSAGE

    def test_shown_never_fails(self):
        """`shown` describes values repr() refuses, and cuts long ones."""
        assert shown(10**5000) == "an int of about 5,000 digits"
        assert shown(-(10**5000)) == "an int of about 5,000 digits"
        assert shown(12) == "12"
        assert len(shown("x" * 1000)) == 60


class TestProblemCollector:
    """`ProblemCollector`: the first problems, a count of the rest, and when to stop."""

    def test_keeps_then_counts(self):
        """Past the limit it only counts; `full` says so."""
        collector = dm.ProblemCollector(limit=3)
        assert not collector
        assert collector.error() is None
        collector.extend(_problems(2))
        assert not collector.full
        collector.extend(_problems(4), omitted=10)
        assert collector.full
        assert len(collector.problems) == 3
        assert collector.omitted == 13
        assert len(collector) == 16

    def test_error(self):
        """The error carries the problems, the count and the source."""
        collector = dm.ProblemCollector(limit=2)
        collector.extend(_problems(5))
        collector.stop()
        err = collector.error(source="x.jsonl")
        assert isinstance(err, DataError)
        assert (len(err.problems), err.omitted, err.stopped, err.source) == (2, 3, True, "x.jsonl")

    def test_default_limit(self):
        """The default limit is MAX_PROBLEMS."""
        assert dm.ProblemCollector().limit == dm.MAX_PROBLEMS

    @pytest.mark.parametrize("limit", [0, -1, True, 1.5])
    def test_bad_limit(self, limit):
        """A limit that is not a positive int is an InvalidArgumentError."""
        with pytest.raises(dm.InvalidArgumentError, match="'limit'"):
            dm.ProblemCollector(limit=limit)


class TestLookupErrors:
    """The lookup errors: DiplomodelErrors that are also KeyError or LookupError."""

    @pytest.mark.parametrize(
        ("cls", "builtin"),
        [
            (dm.UnknownIdError, KeyError),
            (dm.UnknownRuleError, KeyError),
            (dm.UnknownExampleError, LookupError),
            (dm.InvalidArgumentError, ValueError),
            (dm.ArgumentTypeError, TypeError),
        ],
    )
    def test_bases(self, cls, builtin):
        """Each is a DiplomodelError and its built-in."""
        assert issubclass(cls, DiplomodelError)
        assert issubclass(cls, builtin)

    def test_key_errors_read_as_sentences(self):
        """Unlike KeyError, their str() is the message, not its repr."""
        assert str(dm.UnknownIdError("no Meeting with id 'x'")) == "no Meeting with id 'x'"

    def test_unknown_example_pickles(self):
        """An UnknownExampleError survives pickling with its name and known names."""
        err = dm.UnknownExampleError("mars", ("a", "b"))
        again = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own bytes
        assert (again.name, again.known, str(again)) == ("mars", ("a", "b"), str(err))
