"""The optional orjson writer gives exactly the text of the standard-library writer."""

import io

import pytest
from hypothesis import given, settings

import diplomodel as dm
from diplomodel import _jsontext, serialization, testing
from tests.profiles import examples

orjson = pytest.importorskip("orjson")

EXAMPLE = dm.load_example()


@pytest.fixture(params=["orjson", "stdlib"])
def writer(request, monkeypatch):
    """Run a test with each JSON writer."""
    monkeypatch.setattr(_jsontext, "_orjson", orjson if request.param == "orjson" else None)
    return request.param


def both(call):
    """The result of `call` with orjson and with the standard library."""
    saved = _jsontext._orjson
    try:
        _jsontext._orjson = orjson
        fast = call()
        _jsontext._orjson = None
        plain = call()
    finally:
        _jsontext._orjson = saved
    return fast, plain


class TestSameText:
    @pytest.mark.parametrize("indent", [None, 2])
    def test_example(self, indent):
        """The example is written identically either way, compact or indented."""
        fast, plain = both(lambda: dm.to_json(EXAMPLE, indent=indent))
        assert fast == plain

    @settings(max_examples=examples(20))
    @given(testing.dossiers())
    def test_generated(self, dossier):
        """Any dossier is written identically either way."""
        for indent in (None, 2):
            fast, plain = both(lambda i=indent: dm.to_json(dossier, indent=i))
            assert fast == plain

    def test_big_integer_falls_back(self):
        """An integer orjson cannot write is written by the standard library."""
        fast, plain = both(lambda: serialization.dumps({"n": 2**70}, indent=None))
        assert fast == plain == '{"n":1180591620717411303424}'

    def test_other_indents_use_the_standard_library(self):
        """Indents orjson does not offer are still honoured."""
        fast, plain = both(lambda: dm.to_json(EXAMPLE.people[0], indent=4))
        assert fast == plain
        assert '\n    "id"' in fast


class TestBothPaths:
    @pytest.mark.usefixtures("writer")
    def test_jsonl_round_trip(self):
        """JSON Lines written by either writer read back equal."""
        out = io.StringIO()
        dm.write_jsonl(out, EXAMPLE.documents)
        assert tuple(dm.iter_jsonl(io.StringIO(out.getvalue()), dm.Document)) == EXAMPLE.documents

    @pytest.mark.usefixtures("writer")
    def test_save_and_load(self, tmp_path):
        """Files saved by either writer load back equal."""
        EXAMPLE.save(tmp_path / "d.json")
        assert dm.Dossier.load(tmp_path / "d.json") == EXAMPLE

    @pytest.mark.usefixtures("writer")
    def test_errors_are_identical(self):
        """Reading never depends on the writer: errors are the same."""
        with pytest.raises(dm.DataError) as info:
            dm.from_json('{"id": "x", "id": "y"}', dm.Person)
        assert (
            str(info.value)
            == "1 problem in input:\n  $: not valid JSON: duplicate key 'id' in an object"
        )
