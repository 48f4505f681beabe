"""The fast paths of issue 17 item 7 give exactly what the plain ones gave.

Ordering of partial dates, equality of reference records and suggestions for
unknown names are each checked against a straightforward version of the same
rule.
"""

import pickle

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplomodel import Organization, PartialDate, State, organizations, states
from diplomodel._names import SUGGESTIONS_KEPT, build_index, suggest
from tests.profiles import examples
from tests.strategies import partial_dates


def _parts(d: PartialDate) -> tuple[int, int, int]:
    """The order the parts give, an unknown month or day first (the rule before the fast path)."""
    return (d.year, d.month or 0, d.day or 0)


class TestPartialDateOrder:
    @settings(max_examples=examples(300))
    @given(partial_dates(min_year=1, max_year=9999), partial_dates(min_year=1, max_year=9999))
    def test_comparisons_follow_the_parts(self, a, b):
        """<, <=, >, >=, == and != agree with comparing (year, month or 0, day or 0)."""
        assert (a < b) is (_parts(a) < _parts(b))
        assert (a <= b) is (_parts(a) <= _parts(b))
        assert (a > b) is (_parts(a) > _parts(b))
        assert (a >= b) is (_parts(a) >= _parts(b))
        assert (a == b) is (_parts(a) == _parts(b))
        assert (a != b) is (_parts(a) != _parts(b))
        if a == b:
            assert hash(a) == hash(b)

    def test_precision_orders_within_a_period(self):
        """A less precise date sorts before the more precise ones it contains."""
        texts = ["2024-08-01", "2024", "0999-12-31", "2024-08", "2025", "2024-09"]
        ordered = sorted(PartialDate.parse(t) for t in texts)
        assert [str(d) for d in ordered] == [
            "0999-12-31",
            "2024",
            "2024-08",
            "2024-08-01",
            "2024-09",
            "2025",
        ]

    def test_other_types_do_not_compare(self):
        """Comparing with another type is refused, as before (TypeError for order, False for ==)."""
        d = PartialDate(year=2024)
        assert d != "2024"
        assert d.__lt__("2024") is NotImplemented
        with pytest.raises(TypeError):
            _ = d < "2024"  # type: ignore[operator]

    def test_pickle_and_evolve_keep_the_key(self):
        """A copy made by pickling or by attrs.evolve compares like the original."""
        d = PartialDate(year=2024, month=8)
        assert pickle.loads(pickle.dumps(d)) == d  # noqa: S301 - our own bytes
        later = attrs.evolve(d, day=21)
        assert str(later) == "2024-08-21"
        assert d < later


class TestReferenceEquality:
    @pytest.mark.parametrize(("registry", "code"), [(states, "RU"), (organizations, "SCO")])
    def test_a_copy_equals_the_record(self, registry, code):
        """A copy (built afresh from its fields) equals the registry's record and hashes alike."""
        record = registry.get(code)
        copy = attrs.evolve(record)
        assert copy is not record
        assert copy == record
        assert not copy != record  # noqa: SIM202 - __ne__ is under test
        assert hash(copy) == hash(record) == hash(code)

    def test_same_code_other_fields_differ(self):
        """A record built with a registered code but other fields is not that record."""
        ru = states.get("RU")
        fake = attrs.evolve(ru, name="Somewhere else")
        assert fake != ru
        assert fake.code == ru.code
        sco = organizations.get("SCO")
        assert attrs.evolve(sco, name="Something else") != sco

    def test_different_records_and_other_types(self):
        """Different records differ; other types are not equal."""
        assert states.get("RU") != states.get("CN")
        assert states.get("RU") != "RU"
        assert State.__eq__(states.get("RU"), "RU") is NotImplemented
        assert Organization.__eq__(organizations.get("SCO"), "SCO") is NotImplemented
        assert organizations.get("SCO") != organizations.get("NATO")

    def test_membership_in_collections(self):
        """States and organisations work as set members and dict keys."""
        found = {states.get("RU"), states.lookup("Россия"), organizations.get("SCO")}
        assert len(found) == 2


class TestSuggestions:
    @settings(max_examples=examples(200))
    @given(st.text(alphabet="abcdeinorsu ", min_size=1, max_size=14))
    def test_same_as_all_names(self, key):
        """Suggestions from the index (names filtered by length) equal those over every name."""
        index = states._index()
        assert index.suggest(key) == suggest(key, index.names)

    def test_remembered(self):
        """A second miss with the same key reuses the first answer."""
        index = build_index([("Russia", 1, "RU"), ("Prussia", 1, "PR"), ("Chile", 1, "CL")])
        first = index.suggest("rusia")
        assert first == ["RU", "PR"]
        assert index.suggest("rusia") is first

    def test_bounded(self):
        """The remembered answers never outgrow SUGGESTIONS_KEPT."""
        index = build_index([("Russia", 1, "RU")])
        for n in range(SUGGESTIONS_KEPT + 10):
            index.suggest(f"key{n}")
        assert len(index._suggested) <= SUGGESTIONS_KEPT

    def test_lookup_message(self):
        """The registries still say what was meant, from the remembered suggestions."""
        with pytest.raises(LookupError, match=r"did you mean Russia \(RU\)"):
            states.lookup("Russsia")
        with pytest.raises(LookupError, match=r"did you mean Russia \(RU\)"):
            states.lookup("Russsia")


class TestLastDay:
    def test_same_as_calendar(self):
        """The month-length table agrees with calendar.monthrange for every month of 1-9999."""
        import calendar

        from diplomodel.dates import _last_day

        assert all(
            _last_day(y, m) == calendar.monthrange(y, m)[1]
            for y in range(1, 10_000)
            for m in range(1, 13)
        )
