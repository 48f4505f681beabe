"""The fuzz harness (benchmarks/fuzz.py) counts and classifies what loaders do.

These tests prove the harness works, not that the library is already clean: the full run
(`python benchmarks/fuzz.py`) is what must end with no exception other than DataError.
"""

import contextlib
import importlib.util
import json
import sys
import time
from pathlib import Path

import pytest

import diplomodel as dm

HARNESS = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz.py"


@pytest.fixture(scope="module")
def fuzz():
    spec = importlib.util.spec_from_file_location("diplomodel_fuzz", HARNESS)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


@pytest.fixture(scope="module")
def pool(fuzz):
    return fuzz.Pool.build(seed=0, per_class=2)


def data_error(_arg):
    raise dm.DataError.single("$", "bad")


def unknown_state(_arg):
    raise dm.UnknownStateError("Atlantis")


def key_error(arg):
    if 7 in arg:
        raise KeyError(7)


def type_error(_arg):
    raise TypeError("wrong type")


def hang(_arg):
    time.sleep(10)


class TestClassify:
    def test_outcomes(self, fuzz):
        """ok, DataError and lookup errors are allowed; anything else is named by its type."""
        assert fuzz.classify(None) == "ok"
        assert fuzz.classify(dm.DataError.single("$", "x")) == "DataError"
        assert fuzz.classify(dm.UnknownStateError("x")) == "lookup"
        assert fuzz.classify(KeyError("x")) == "KeyError"
        assert fuzz.classify(LookupError("x")) == "LookupError"
        assert fuzz.classify(dm.DiplomodelError("x")) == "DiplomodelError"
        assert fuzz.classify(fuzz.Timeout()) == "Timeout"


class TestFuzz:
    def test_counts_by_loader_and_outcome(self, fuzz):
        """200 cases of known outcome are each counted once, under the right heading."""
        meeting = dm.load_example().meetings[0]
        cases = (
            [fuzz.Case("ok", lambda _arg: meeting, None)] * 60
            + [fuzz.Case("data", data_error, None)] * 50
            + [fuzz.Case("state", unknown_state, None)] * 30
            + [fuzz.Case("key", key_error, [1, 2, 3, 7, 9, 11])] * 35
            + [fuzz.Case("key", key_error, [1])] * 5
            + [fuzz.Case("type", type_error, "some text")] * 18
            + [fuzz.Case("hang", hang, None)] * 2
        )
        tally = fuzz.fuzz(cases, timeout=0.5, minimise_budget=1.0)
        assert tally.inputs == 200
        assert tally.outcomes == {
            ("ok", "ok"): 60,
            ("data", "DataError"): 50,
            ("state", "lookup"): 30,
            ("key", "KeyError"): 35,
            ("key", "ok"): 5,
            ("type", "TypeError"): 18,
            ("hang", "Timeout"): 2,
        }
        assert tally.by_type == {"KeyError": 35, "TypeError": 18, "Timeout": 2}
        assert tally.non_dataerror == 55
        assert set(tally.examples) == {
            ("KeyError", "key"),
            ("TypeError", "type"),
            ("Timeout", "hang"),
        }
        key = tally.examples["KeyError", "key"]
        assert key.arg == "[7]"  # minimised
        assert key.stage == "load"
        assert "key_error" in key.where
        assert tally.examples["TypeError", "type"].message == "wrong type"
        assert tally.longest_message > 0
        assert tally.peak_rss_mb > 0

    def test_a_swallowed_timeout_still_counts(self, fuzz):
        """A loader that swallows the alarm's exception is interrupted again, or counted."""

        def swallows_once(_arg):
            with contextlib.suppress(BaseException):
                time.sleep(10)
            time.sleep(10)

        def swallows_always(_arg):
            for _ in range(4):
                with contextlib.suppress(BaseException):
                    time.sleep(0.3)

        cases = [fuzz.Case("once", swallows_once, None), fuzz.Case("always", swallows_always, None)]
        tally = fuzz.fuzz(cases, timeout=0.1, minimise_budget=0)
        assert tally.outcomes == {("once", "Timeout"): 1, ("always", "Timeout"): 1}

    def test_last_line(self, fuzz):
        """The summary has the figures the run prints as JSON on its last line."""
        tally = fuzz.fuzz([fuzz.Case("type", type_error, 1)], minimise_budget=0)
        summary = json.loads(json.dumps(tally.summary()))
        assert summary["inputs"] == 1
        assert summary["non_dataerror"] == 1
        assert summary["by_type"] == {"TypeError": 1}
        assert summary["peak_rss_mb"] > 0

    def test_written_back(self, fuzz, monkeypatch):
        """What loads must also write: an error there counts, at the write-back stage."""

        def cannot_write(_obj, **_kw):
            raise UnicodeEncodeError("utf-8", "\ud800", 0, 1, "surrogates not allowed")

        monkeypatch.setattr(fuzz.dm, "to_json_bytes", cannot_write)
        meeting = dm.load_example().meetings[0]
        tally = fuzz.fuzz([fuzz.Case("loader", lambda _arg: meeting, None)], minimise_budget=0)
        assert tally.by_type == {"UnicodeEncodeError": 1}
        assert tally.examples["UnicodeEncodeError", "loader"].stage == "write back and validate"

    def test_time_budget(self, fuzz):
        """A budget of no time runs no case."""
        tally = fuzz.fuzz([fuzz.Case("ok", lambda _arg: None, None)] * 10, seconds=0)
        assert tally.inputs == 0


class TestGenerated:
    def test_two_hundred_generated_inputs(self, fuzz, pool):
        """Generated inputs reach the loaders and are all counted; some load, some do not."""
        files = fuzz.Files()
        try:
            cases = list(fuzz.generated_cases(200, 0, pool, files))
            tally = fuzz.fuzz(cases, timeout=5.0, minimise_budget=0)
        finally:
            files.close()
        assert tally.inputs == 200
        assert sum(tally.outcomes.values()) == 200
        outcomes = {outcome for _target, outcome in tally.outcomes}
        assert {"ok", "DataError"} <= outcomes
        loaders = {target.split("(")[0] for target, _outcome in tally.outcomes}
        assert {"from_dict", "from_json", "iter_jsonl", "parse_date"} <= loaders

    def test_reproducible(self, fuzz, pool):
        """Case i of a seed is the same case on every run; another seed gives others."""
        files = fuzz.Files()
        try:
            first = [fuzz.generated_case(i, 3, pool, files) for i in range(30)]
            again = [fuzz.generated_case(i, 3, pool, files) for i in range(30)]
            other = [fuzz.generated_case(i, 4, pool, files) for i in range(30)]
        finally:
            files.close()

        def shown(cases):
            return [(c.target, fuzz._shown(c.arg, 10_000)) for c in cases]

        assert shown(first) == shown(again)
        assert shown(first) != shown(other)

    def test_hazards_reach_the_loaders(self, fuzz):
        """Giant numbers, NaN and deep nesting are written as JSON text the way files hold them."""
        import random

        rng = random.Random(0)  # noqa: S311 - a seeded choice of text, not cryptography
        tree = {"a": fuzz.SPECIALS[0], "b": [fuzz.SPECIALS[2]], "c": "\ud800"}
        text = fuzz.to_text(tree, rng)
        assert '"a": ' + "9" * 5000 in text
        assert '"b": [NaN]' in text
        value = fuzz.to_value(tree)
        assert value["a"] == 10**5000 - 1
        assert value["c"] == "\ud800"
