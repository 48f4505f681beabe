"""Validation's fast paths report exactly what the plain walk reported (issue 17 item 6).

The oracle is the previous implementation, restored by patching: every
reference walked with its path (`references`), terms read from the person with
`Person.tenures_of`, and actors related through their whole chains. Findings of
`validate` must be equal, on generated dossiers and on the bundled examples with
faults put in.
"""

from collections.abc import Iterable
from typing import Any

import attrs
import pytest
from hypothesis import given, reject, settings
from hypothesis import strategies as st

import diplomodel as dm
from diplomodel import _rule_support, _rules, _rules_multilateral, testing
from diplomodel.model import _fields
from diplomodel.model._fields import reference_plan, references
from diplomodel.model.actors import actor_key
from tests import strategies as s
from tests.profiles import examples

EXAMPLES = ("china-russia-2024", "brics-2023", "sco-2023", "eu-china-2023", "g20-2023")


def _slow_side_of(actor: Any, sides: Iterable[Any], dossier: Any) -> Any:
    listed = tuple(sides)
    return next((a for a in _rule_support.chain_of(actor, dossier) if a in listed), None)


def _slow_related(one: Any, other: Any, dossier: Any) -> bool:
    mine = {actor_key(a) for a in _rule_support.chain_of(one, dossier)}
    return any(actor_key(a) in mine for a in _rule_support.chain_of(other, dossier))


class _TermsOfPerson:
    """The terms as the rules read them before the indexes: from the person, every time."""

    def __init__(self, dossier: dm.Dossier) -> None:
        self.dossier = dossier

    def get(self, key: tuple[str, str], default: Any) -> Any:
        person = self.dossier.get(dm.Person, key[0])
        return default if person is None else person.tenures_of(key[1])


def _slow_may_hold(terms: Iterable[dm.Tenure], first: Any, last: Any) -> bool:
    """Whether a term may have covered a day from `first` to `last`, asked of each `Tenure`."""
    return any(
        t.covers(first)
        or t.covers(last)
        or (t.start is not None and first <= t.start.earliest() <= last)
        for t in terms
    )


def plain(dossier: dm.Dossier) -> dm.Report:
    """`validate` run the way it ran before the fast paths."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_rules, "all_resolve", lambda _obj, _dossier: False)
        patch.setattr(_rules, "terms_of", _TermsOfPerson)
        patch.setattr(_rule_support.Facts, "term_days", lambda facts: _TermsOfPerson(facts.dossier))
        patch.setattr(_rules, "_may_hold", _slow_may_hold)
        patch.setattr(_rules, "_covers", lambda terms, day: any(t.covers(day) for t in terms))
        for module in (_rules, _rules_multilateral):
            patch.setattr(module, "side_of", _slow_side_of)
            patch.setattr(module, "related", _slow_related)
        return dm.validate(dossier)


@st.composite
def faulty_examples(draw: st.DrawFn) -> dm.Dossier:
    """A bundled example with some participants, signatories and references changed."""
    dossier = dm.load_example(draw(st.sampled_from(EXAMPLES)))
    offices = [o.id for o in dossier.offices] + ["no-such-office"]
    people = [p.id for p in dossier.people] + ["no-such-person"]
    actors: list[Any] = [dm.states.get(c) for c in ("CN", "RU", "FR", "IN")]
    actors += [b.id for b in dossier.bodies] + ["no-such-body"]

    def participation(p: dm.Participation) -> dm.Participation:
        if not draw(st.booleans()):
            return p
        return attrs.evolve(
            p,
            office=draw(st.sampled_from([None, *offices])),
            delegation=draw(st.sampled_from(actors)),
        )

    def meeting(m: dm.Meeting) -> dm.Meeting:
        return attrs.evolve(m, participants=tuple(participation(p) for p in m.participants))

    def document(d: dm.Document) -> dm.Document:
        signatories = tuple(
            attrs.evolve(
                sig,
                person=draw(st.sampled_from(people)),
                state=draw(st.sampled_from(actors)),
                office=draw(st.sampled_from([None, *offices])),
            )
            if draw(st.booleans())
            else sig
            for sig in d.signatories
        )
        meeting_id = draw(st.sampled_from([d.meeting, "no-such-meeting"]))
        return attrs.evolve(d, signatories=signatories, meeting=meeting_id)

    try:
        return attrs.evolve(
            dossier,
            meetings=tuple(meeting(m) for m in dossier.meetings),
            documents=tuple(document(d) for d in dossier.documents),
        )
    except ValueError:  # a change that repeats a signatory: not a dossier
        reject()


class TestSameFindings:
    @pytest.mark.parametrize("name", EXAMPLES)
    def test_examples(self, name):
        """The bundled examples get the same report both ways."""
        dossier = dm.load_example(name)
        assert dm.validate(dossier) == plain(dm.load_example(name))

    @settings(max_examples=examples(40), deadline=None)
    @given(faulty_examples())
    def test_examples_with_faults(self, dossier):
        """Examples with wrong offices, delegations, signatories and meetings: same findings."""
        fast = dm.validate(dossier)
        assert fast == plain(attrs.evolve(dossier))  # a fresh copy: no cached index

    @settings(max_examples=examples(40), deadline=None)
    @given(s.dossiers)
    def test_generated_dossiers(self, dossier):
        """Generated dossiers (mostly dangling references): same findings."""
        assert dm.validate(dossier) == plain(attrs.evolve(dossier))

    def test_the_oracle_is_used(self, monkeypatch):
        """The plain run really takes the slow paths (else the comparison proves nothing)."""
        calls: list[str] = []
        slow = _TermsOfPerson

        class Counting(slow):
            def get(self, key: tuple[str, str], default: Any) -> Any:
                calls.append(key[0])
                return super().get(key, default)

        monkeypatch.setattr(f"{__name__}._TermsOfPerson", Counting)
        plain(dm.load_example())
        assert calls


class TestAllResolve:
    @settings(max_examples=examples(60), deadline=None)
    @given(s.dossiers | faulty_examples())
    def test_agrees_with_references(self, dossier):
        """all_resolve is True exactly when every reference `references` finds resolves."""
        for _, entity in dossier.entities():
            walked = all(dossier.get(kind, ref) is not None for _, kind, ref in references(entity))
            assert _rule_support.all_resolve(entity, dossier) is walked

    @settings(max_examples=examples(60), deadline=None)
    @given(s.dossiers | faulty_examples())
    def test_all_at_once(self, dossier):
        """every_reference_resolves is all_resolve of every entity, gathered by kind."""
        each = all(_rule_support.all_resolve(e, dossier) for _, e in dossier.entities())
        assert _rule_support.every_reference_resolves(dossier) is each

    @pytest.mark.parametrize("name", EXAMPLES)
    def test_all_at_once_on_examples(self, name):
        """The bundled examples resolve; a dangling outcome anywhere makes them not."""
        dossier = dm.load_example(name)
        assert _rule_support.every_reference_resolves(dossier)
        meetings = list(dossier.meetings)
        meetings[-1] = attrs.evolve(meetings[-1], outcomes=(*meetings[-1].outcomes, "nowhere"))
        broken = attrs.evolve(dossier, meetings=tuple(meetings))
        assert not _rule_support.every_reference_resolves(broken)

    def test_skips_what_cannot_refer(self):
        """States, organisations and dates hold no references: nothing of them is walked."""
        assert reference_plan(dm.State) == ()
        assert reference_plan(dm.PartialDate) == ()
        assert reference_plan(dm.Organization) == ()
        names = {name for name, _, _ in reference_plan(dm.Meeting)}
        assert {"participants", "outcomes", "parties", "series"} <= names
        assert "start" not in names

    def test_a_document_kind_is_walked(self):
        """A field typed with a class that has subclasses is walked (a subclass may refer)."""
        assert _fields._may_refer(dm.Document, frozenset())


class TestRelated:
    @settings(max_examples=examples(100), deadline=None)
    @given(
        st.sampled_from(EXAMPLES),
        st.data(),
    )
    def test_same_as_chains(self, name, data):
        """related and side_of agree with the walk of whole chains, for any two actors."""
        dossier = dm.load_example(name)
        pool: list[Any] = [dm.states.get(c) for c in ("CN", "RU", "IN", "SU")]
        pool += [dm.organizations.get("SCO"), "no-such-body"]
        pool += [b.id for b in dossier.bodies]
        one, other = data.draw(st.sampled_from(pool)), data.draw(st.sampled_from(pool))
        sides = data.draw(st.lists(st.sampled_from(pool), max_size=3))
        assert _rule_support.related(one, other, dossier) is _slow_related(one, other, dossier)
        assert _rule_support.side_of(one, sides, dossier) == _slow_side_of(one, sides, dossier)


class TestTermsIndex:
    def test_first_person_of_an_id_wins(self):
        """The index reads the terms of the person `Dossier.get` finds: the first of an id."""
        first = dm.Person(id="p", name="First", tenures=(dm.Tenure(office="a"),))
        second = dm.Person(id="p", name="Second", tenures=(dm.Tenure(office="b"),))
        dossier = dm.Dossier(id="d", title="D", people=(first, second))
        terms = _rule_support.terms_of(dossier)
        assert terms == {("p", "a"): (dm.Tenure(office="a"),)}

    def test_built_once(self):
        """The index is built once per dossier and reused."""
        dossier = dm.load_example()
        assert _rule_support.terms_of(dossier) is _rule_support.terms_of(dossier)

    def test_keeps_recorded_order(self):
        """Terms of one office keep the order in which the person lists them."""
        tenures = (
            dm.Tenure(office="a", start=dm.PartialDate(year=2010)),
            dm.Tenure(office="b"),
            dm.Tenure(office="a", start=dm.PartialDate(year=2000)),
        )
        dossier = dm.Dossier(
            id="d", title="D", people=(dm.Person(id="p", name="P", tenures=tenures),)
        )
        assert _rule_support.terms_of(dossier)[("p", "a")] == (tenures[0], tenures[2])


class TestNoWorkForNothing:
    def test_stated_status_skips_documents_without_events(self, monkeypatch):
        """DM152 works a document's life out only when it has events to compare with."""

        def worked_out(self, *_party):
            raise AssertionError(f"status_changes of {self.id} was computed")

        dossier = dm.load_example()
        assert any(not d.events for d in dossier.documents)
        without = attrs.evolve(
            dossier, documents=tuple(d for d in dossier.documents if not d.events)
        )
        monkeypatch.setattr(dm.Document, "status_changes", worked_out)
        assert "DM152" not in {f.code for f in dm.validate(without).findings}


_DAYS = testing.partial_dates(min_year=2000, max_year=2010)


@st.composite
def _tenures(draw: st.DrawFn) -> dm.Tenure:
    """Terms in one of two offices, over the same few years as the days asked about."""
    try:
        return dm.Tenure(
            office=draw(st.sampled_from(("a", "b"))),
            start=draw(st.none() | _DAYS),
            end=draw(st.none() | _DAYS),
        )
    except ValueError:  # an end before its start
        reject()


class TestMayHold:
    @settings(max_examples=examples(300), deadline=None)
    @given(st.lists(_tenures(), max_size=3), _DAYS, _DAYS)
    def test_same_as_each_tenure(self, terms, one, other):
        """The days of the terms give what `Tenure.covers` gives, in either order of the days."""
        dossier = dm.Dossier(
            id="d", title="D", people=(dm.Person(id="p", name="P", tenures=tuple(terms)),)
        )
        days = _rule_support.Facts(dossier).term_days()
        for office in {t.office for t in terms} | {"other"}:
            held = days.get(("p", office), ())
            mine = tuple(t for t in terms if t.office == office)
            for first, last in ((one.earliest(), other.latest()), (other.latest(), one.earliest())):
                assert _rules._may_hold(held, first, last) is _slow_may_hold(mine, first, last)
                assert _rules._covers(held, first) is any(t.covers(first) for t in mine)


class TestFacts:
    def test_without_a_dossier_nothing_is_found(self):
        """An entity on its own: no meeting, document or body is found, every body unresolved."""
        dossier = dm.load_example()
        facts = _rule_support.Facts(None)
        assert facts.meeting_of(dossier.documents[0]) is None
        assert facts.documents == {}
        assert facts.term_days() == {}
        assert facts.unresolved("cn-mofa")
        assert not facts.unresolved(dm.states.get("CN"))

    def test_first_of_an_id_is_found(self):
        """Lookups find what `Dossier.get` finds: the first entity of an id."""
        dossier = dm.load_example()
        meeting = dossier.meetings[0]
        twin = attrs.evolve(meeting, title="A second meeting with the same id")
        doubled = attrs.evolve(dossier, meetings=(meeting, twin))
        facts = _rule_support.Facts(doubled)
        document = next(d for d in doubled.documents if d.meeting == meeting.id)
        assert facts.meeting_of(document) is doubled.get(dm.Meeting, meeting.id) is meeting

    def test_attendees_worked_out_once_per_meeting(self):
        """Who attended a meeting is worked out once for a run, then reused."""
        meeting = dm.load_example().meetings[0]
        facts = _rule_support.Facts(None)
        assert facts.attendees(meeting) is facts.attendees(meeting)
        assert facts.attendees(meeting) == {p.person for p in meeting.participants}
        assert facts.delegations(meeting) is facts.delegations(meeting)


class TestIsoOrder:
    @settings(max_examples=examples(300), deadline=None)
    @given(_DAYS, _DAYS)
    def test_on_or_after_in_iso_order(self, signed, start):
        """A date on or after another in ISO order cannot end before the other begins (DM109)."""
        if signed >= start:
            assert signed.latest() >= start.earliest()
