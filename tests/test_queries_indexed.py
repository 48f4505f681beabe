"""Dossier queries read indexes built once, and answer exactly what a full scan answers.

The oracle is the scan the queries made before (issue 17 item 7): every meeting
tested for both parties, every table read for a timeline.
"""

from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel import _indexes
from diplomodel.model._fields import references, values_of
from diplomodel.timeline import timeline_entries, timeline_key
from tests import strategies as s
from tests.profiles import examples

EXAMPLES = ("china-russia-2024", "brics-2023", "sco-2023", "eu-china-2023", "g20-2023")


def _scan_meetings_between(dossier: dm.Dossier, a: Any, b: Any) -> tuple[dm.Meeting, ...]:
    found = [m for m in dossier.meetings if a in m.parties and b in m.parties]
    return tuple(sorted(found, key=lambda m: m.start))


def _scan_timeline(dossier: dm.Dossier, actor: Any) -> tuple[Any, ...]:
    return tuple(sorted(timeline_entries(dossier, actor), key=timeline_key))


def _actors(dossier: dm.Dossier) -> list[Any]:
    """Every actor the dossier names anywhere (states, organisations, body ids), and two more.

    Wherever the queries come to look for an actor, the index must find it there too.
    """
    found: dict[Any, None] = {}
    for kind in (dm.State, dm.Organization):
        found.update((actor, None) for _, actor in values_of(dossier, kind))
    for _, entity in dossier.entities():
        found.update((ref, None) for _, kind, ref in references(entity) if kind is dm.Body)
    return [*found, dm.states.get("FR"), "no-such-body"]


def _with_shared_dates(dossier: dm.Dossier) -> dm.Dossier:
    """The dossier with every meeting moved to one of two dates: ties must keep file order."""
    dates = (dm.PartialDate(year=2020), dm.PartialDate(year=2020, month=5))
    meetings = tuple(
        attrs.evolve(m, start=dates[i % 2], end=None) for i, m in enumerate(dossier.meetings)
    )
    return attrs.evolve(dossier, meetings=meetings)


def _assert_same(dossier: dm.Dossier) -> None:
    actors = _actors(dossier)
    for a in actors:
        assert dossier.timeline(a) == _scan_timeline(dossier, a), a
        for b in actors:
            assert dossier.meetings_between(a, b) == _scan_meetings_between(dossier, a, b)


class TestSameAsScan:
    def test_examples(self):
        """Every pair and every actor of the bundled examples: same answers."""
        for name in EXAMPLES:
            dossier = dm.load_example(name)
            _assert_same(dossier)
            _assert_same(_with_shared_dates(dossier))

    @settings(max_examples=examples(40), deadline=None)
    @given(s.dossiers)
    def test_generated_dossiers(self, dossier):
        """Generated dossiers: same timelines and meetings for every actor they name."""
        _assert_same(dossier)

    @settings(max_examples=examples(20), deadline=None)
    @given(st.sampled_from(EXAMPLES), st.randoms(use_true_random=False))
    def test_shuffled_tables(self, name, rng):
        """Tables in any order (duplicated people too): the same answers as a scan."""
        dossier = dm.load_example(name)
        people = list(dossier.people) * 2
        meetings, documents = list(dossier.meetings), list(dossier.documents)
        for table in (people, meetings, documents):
            rng.shuffle(table)
        _assert_same(
            attrs.evolve(
                dossier,
                people=tuple(people),
                meetings=tuple(meetings),
                documents=tuple(documents),
            )
        )

    def test_odd_arguments(self):
        """An unhashable argument names nothing, as in a scan (no TypeError)."""
        dossier = dm.load_example()
        ru = dm.states.get("RU")
        assert dossier.meetings_between([], ru) == ()  # type: ignore[arg-type]
        assert dossier.timeline([]) == ()  # type: ignore[arg-type]


class TestCachedIndex:
    def test_built_once(self):
        """The index is built on the first query and reused by the next ones."""
        dossier = dm.load_example()
        ru, cn = dm.states.get("RU"), dm.states.get("CN")
        dossier.meetings_between(ru, cn)
        index = _indexes.of(dossier)
        dossier.timeline(ru)
        assert _indexes.of(dossier) is index

    def test_invisible(self):
        """Querying changes nothing a user sees: equality, repr, JSON, evolve."""
        queried, fresh = dm.load_example(), dm.load_example()
        queried.timeline(dm.states.get("RU"))
        queried.meetings_between(dm.states.get("RU"), dm.states.get("CN"))
        assert queried == fresh
        assert repr(queried) == repr(fresh)
        assert dm.to_json(queried) == dm.to_json(fresh)
        assert attrs.evolve(queried, title="Other")._queries == {}

    def test_later_dossier_gets_its_own_index(self):
        """A dossier made from another (merge, evolve) answers from its own records."""
        dossier = dm.load_example()
        ru, cn = dm.states.get("RU"), dm.states.get("CN")
        assert len(dossier.meetings_between(ru, cn)) == 1
        emptied = attrs.evolve(dossier, meetings=())
        assert emptied.meetings_between(ru, cn) == ()
