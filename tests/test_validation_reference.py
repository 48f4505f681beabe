"""validate reports exactly what it reported before it was sped up (issue 17 item 6).

Two references: the digests of the full ordered reports of mutated dossiers,
recorded with the previous implementation (`tests.validation_reference`), and
the plain loop over the public `Rule` API (each rule's ``check`` called on one
entity at a time, entity after entity, nothing shared between calls).
"""

import json
from collections.abc import Iterable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import diplomodel as dm
from diplomodel import _checking
from diplomodel.dossier import Entity
from diplomodel.validation import DEFAULT_RULES, Finding, Issue, Report, Rules, rule
from tests import strategies as s
from tests import validation_reference as ref
from tests.profiles import examples

RECORDED: dict[str, Any] = json.loads(ref.RECORDED.read_text())


def one_by_one(subject: Any, rules: Rules = DEFAULT_RULES) -> Report:
    """The report the public API gives, rule by rule on one entity at a time, in entity order."""
    found: list[Finding] = []
    if isinstance(subject, dm.Dossier):
        dossier, items = subject, list(subject.entities())
        for r in rules:
            if dm.Dossier in r.applies_to:
                found += [_finding(r, hit, "$", None) for hit in r.check(subject, subject)]
    else:
        dossier, items = None, [("$", subject)]
    for path, entity in items:
        for r in rules:
            if dm.Dossier not in r.applies_to and isinstance(entity, r.applies_to):
                found += [_finding(r, hit, path, entity.id) for hit in r.check(entity, dossier)]
    order = {code: i for i, code in enumerate(rules.codes)}
    found.sort(key=lambda f: (-f.severity.rank, order[f.code]))
    return Report(findings=tuple(found))


def _finding(r: dm.Rule, hit: Issue, path: str, own: str | None) -> Finding:
    ids: Iterable[str] = hit.ids if own is None else (own, *(i for i in hit.ids if i != own))
    return Finding(
        code=r.code, severity=r.severity, path=path + hit.at, message=hit.message, ids=tuple(ids)
    )


class TestRecorded:
    def test_every_seed_is_recorded(self):
        """The file holds the seeds the test runs, and the seeds find much (else: no proof)."""
        assert set(RECORDED) == {str(seed) for seed in ref.SEEDS}
        codes = {code for digest in RECORDED.values() for code in digest["codes"]}
        assert {"DM101", "DM102", "DM103", "DM107", "DM108", "DM110", "DM120"} <= codes

    @pytest.mark.parametrize("seed", ref.SEEDS)
    def test_same_report_as_recorded(self, seed):
        """The whole ordered report (codes, paths, messages, ids) is the recorded one."""
        report = dm.validate(ref.mutated(seed))
        assert ref.digest(report) == RECORDED[str(seed)]

    def test_a_changed_report_is_noticed(self):
        """A report with one finding fewer does not match its record."""
        seed = next(s for s in ref.SEEDS if sum(RECORDED[str(s)]["codes"].values()) > 1)
        report = dm.validate(ref.mutated(seed))
        shorter = Report(findings=report.findings[:-1])
        assert ref.digest(shorter) != RECORDED[str(seed)]


class TestOneByOne:
    @pytest.mark.parametrize("seed", ref.SEEDS[::4])
    def test_mutated(self, seed):
        """validate gives what the rules give called one entity at a time."""
        dossier = ref.mutated(seed)
        assert dm.validate(dossier) == one_by_one(attrs.evolve(dossier))

    @settings(max_examples=examples(30), deadline=None)
    @given(s.dossiers)
    def test_generated(self, dossier):
        """Generated dossiers: the same report both ways."""
        assert dm.validate(dossier) == one_by_one(attrs.evolve(dossier))

    @pytest.mark.parametrize("seed", ref.SEEDS[:8])
    def test_lone_entities(self, seed):
        """An entity validated on its own: the same findings both ways."""
        dossier = ref.mutated(seed)
        for _, entity in list(dossier.entities())[::7]:
            if not isinstance(entity, Entity):  # a body: validate takes none on its own
                continue
            assert dm.validate(entity) == one_by_one(entity)

    def test_user_rules_run_with_the_built_in_ones(self):
        """A rule made with `rule` is run on every entity it applies to, its findings in order."""
        seen: list[str] = []

        @rule(code="ACME001", severity="error", applies_to=(dm.Meeting, dm.Document))
        def everything(entity, dossier):
            """Records every call."""
            assert dossier is not None
            seen.append(entity.id)
            yield Issue(message=f"saw {entity.id}", at=".id", ids=("x",))

        dossier = ref.mutated(3)
        rules = DEFAULT_RULES.with_rule(everything)
        report = dm.validate(dossier, rules=rules)
        assert report == one_by_one(attrs.evolve(dossier), rules)
        expected = [e.id for e in (*dossier.meetings, *dossier.documents)]
        assert seen[: len(expected)] == expected
        mine = [f for f in report if f.code == "ACME001"]
        assert [f.ids for f in mine] == [(i, "x") for i in expected]

    def test_a_rule_on_some_kinds_of_a_table(self):
        """A rule on one kind of document gets only those, with their places in the table."""

        @rule(code="ACME002", severity="info", applies_to=dm.Communique)
        def communiques(_document, _dossier):
            """Names every communiqué."""
            yield Issue(message="a communiqué", at=".title")

        dossier = dm.load_example()
        kinds = {type(d) for d in dossier.documents}
        assert dm.Communique in kinds
        assert len(kinds) > 1  # else every document would be chosen, proving nothing
        rules = DEFAULT_RULES.with_rule(communiques)
        report = dm.validate(dossier, rules=rules)
        assert report == one_by_one(attrs.evolve(dossier), rules)
        expected = [
            f"$.documents[{i}].title"
            for i, d in enumerate(dossier.documents)
            if isinstance(d, dm.Communique)
        ]
        assert [f.path for f in report.filter(code="ACME002")] == expected

    def test_in_small_slices(self, monkeypatch):
        """Tables read in slices of three entities: the reports are still the recorded ones."""
        monkeypatch.setattr(_checking, "CHUNK", 3)
        checked = 0
        for seed in ref.SEEDS:
            dossier = ref.mutated(seed)
            if len(dossier.documents) <= 3 * 2:
                continue  # a table of one or two slices proves little
            assert ref.digest(dm.validate(dossier)) == RECORDED[str(seed)], seed
            checked += 1
        assert checked >= 8
