"""Mutated dossiers whose full validation reports were recorded before validate was sped up.

`mutated(seed)` builds one dossier deterministically: the benchmark's
synthetic dossier or a bundled example, merged with a few bodies (nested,
one with a missing parent), then changed at random with ids that mostly
resolve, so that the rules find things: offices, delegations, roles,
signatories, meetings of documents, revisions, amendments, dates, hosts,
attendance, repeated ids. ``tests/data/validation-reference.json`` holds, for
each seed, the SHA-256 of the report's JSON and the count of findings of each
code, as the previous implementation of `validate` gave them (``python -m
tests.validation_reference --write`` records them again; do that only when a
rule is meant to change its findings).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import random
import sys
from pathlib import Path
from typing import Any

import attrs

import diplomodel as dm

ROOT = Path(__file__).resolve().parents[1]
RECORDED = ROOT / "tests" / "data" / "validation-reference.json"
SEEDS = range(64)
EXAMPLES = ("china-russia-2024", "brics-2023", "sco-2023", "eu-china-2023", "g20-2023")


def _benchmark() -> Any:
    spec = importlib.util.spec_from_file_location(
        "diplomodel_validation_benchmark", ROOT / "benchmarks" / "validation.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_BUILD = _benchmark().build


def _body(id_: str, state: dm.State, parent: str | None = None) -> dm.Body:
    return dm.Body(
        id=id_, name=id_.upper(), kind=dm.BodyKind.MINISTRY, belongs_to=state, parent=parent
    )


def _bodies(states: list[dm.State]) -> tuple[dm.Body, ...]:
    """Ministries of some states, each with a department; one department's parent is missing."""
    found: list[dm.Body] = []
    for state in states[:3]:
        code = state.code.lower()
        found += [_body(f"{code}-mfa", state), _body(f"{code}-dept", state, f"{code}-mfa")]
    if len(states) > 1:  # a department sitting in another state's ministry: DM130
        found.append(_body("odd-dept", states[0], f"{states[1].code.lower()}-mfa"))
    if states:
        found.append(_body("lost-dept", states[0], "no-such-body"))
    return tuple(found)


def _base(rng: random.Random) -> dm.Dossier:
    which = rng.randrange(len(EXAMPLES) + 2)
    if which >= len(EXAMPLES):
        dossier = _BUILD(rng.randint(20, 70), seed=rng.randrange(1000))
    else:
        dossier = dm.load_example(EXAMPLES[which])
    states = sorted(
        {p for m in dossier.meetings for p in m.parties if isinstance(p, dm.State)},
        key=lambda s: s.code,
    )
    return attrs.evolve(dossier, bodies=(*dossier.bodies, *_bodies(states)))


def _date(rng: random.Random, near: dm.PartialDate | None) -> dm.PartialDate:
    year = (near.year if near is not None else 2015) + rng.randint(-3, 3)
    precision = rng.randrange(3)
    if precision == 0:
        return dm.PartialDate(year=year)
    month = rng.randint(1, 12)
    if precision == 1:
        return dm.PartialDate(year=year, month=month)
    return dm.PartialDate(year=year, month=month, day=rng.randint(1, 28))


class _Mutator:
    def __init__(self, dossier: dm.Dossier, rng: random.Random) -> None:
        self.rng = rng
        self.rate = rng.choice((0.05, 0.2, 0.5))
        self.people = [p.id for p in dossier.people] + ["no-such-person"]
        self.offices = [o.id for o in dossier.offices] + ["no-such-office"]
        self.meetings = [m.id for m in dossier.meetings] + ["no-such-meeting"]
        self.documents = [d.id for d in dossier.documents] + ["no-such-document"]
        states = {p for m in dossier.meetings for p in m.parties}
        states.update(dm.states.get(c) for c in ("CN", "RU", "FR", "IN"))
        self.actors: list[Any] = sorted(states, key=dm.actor_key)
        self.actors += [b.id for b in dossier.bodies]

    def hit(self) -> bool:
        return self.rng.random() < self.rate

    def pick(self, pool: list[Any], *extra: Any) -> Any:
        return self.rng.choice([*pool, *extra])

    def evolve(self, obj: Any, **changes: Any) -> Any:
        """`obj` with the changes, or `obj` itself when construction refuses them."""
        try:
            return attrs.evolve(obj, **changes)
        except (ValueError, TypeError):
            return obj

    def participation(self, p: dm.Participation) -> dm.Participation:
        if not self.hit():
            return p
        return self.evolve(
            p,
            office=self.pick(self.offices, None),
            delegation=self.pick(self.actors),
            role=self.rng.choice(list(dm.Role)),
        )

    def attendance(self, a: dm.Attendance) -> dm.Attendance:
        if not self.hit():
            return a
        return self.evolve(a, role=self.rng.choice(list(dm.AttendanceRole)))

    def meeting(self, m: dm.Meeting) -> dm.Meeting:
        m = self.evolve(
            m,
            participants=tuple(self.participation(p) for p in m.participants),
            attendance=tuple(self.attendance(a) for a in m.attendance),
        )
        if self.hit():
            m = self.evolve(m, host=self.pick(self.actors, None))
        if self.hit():
            m = self.evolve(m, within=self.pick(self.meetings, None))
        if self.hit():
            m = self.evolve(m, outcomes=(*m.outcomes, self.pick(self.documents)))
        if self.hit():
            m = self.evolve(m, start=_date(self.rng, m.start), end=None)
        if self.hit() and m.series is not None:
            m = self.evolve(m, ordinal=self.rng.randint(1, 5))
        return m

    def signature(self, s: dm.Signature) -> dm.Signature:
        if not self.hit():
            return s
        return self.evolve(
            s,
            person=self.pick(self.people),
            state=self.pick(self.actors),
            office=self.pick(self.offices, None),
        )

    def document(self, d: dm.Document) -> dm.Document:
        d = self.evolve(d, signatories=tuple(self.signature(s) for s in d.signatories))
        if self.hit():
            d = self.evolve(d, meeting=self.pick(self.meetings, None))
        if self.hit():
            d = self.evolve(d, revises=self.pick(self.documents, None))
        if self.hit():
            d = self.evolve(d, amends=(self.pick(self.documents),))
        if self.hit():
            d = self.evolve(d, supersedes=(self.pick(self.documents),))
        if self.hit():
            d = self.evolve(d, signed=_date(self.rng, d.signed))
        if self.hit():
            d = self.evolve(d, witnesses=(self.pick(self.people),))
        return d

    def statement(self, s: dm.Statement) -> dm.Statement:
        if not self.hit():
            return s
        return self.evolve(s, speaker=self.pick(self.people), meeting=self.pick(self.meetings))

    def person(self, p: dm.Person) -> dm.Person:
        if not self.hit() or not p.tenures:
            return p
        first = p.tenures[0]
        start = _date(self.rng, first.start)
        return self.evolve(p, tenures=(self.evolve(first, start=start, end=None), *p.tenures[1:]))

    def again(self, table: tuple[Any, ...]) -> tuple[Any, ...]:
        """The table, with one of its entities repeated at the end now and then (DM102)."""
        if table and self.rng.random() < 0.3:
            return (*table, self.rng.choice(table))
        return table


def mutated(seed: int) -> dm.Dossier:
    """The dossier of one seed: the same seed always gives the same dossier."""
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    dossier = _base(rng)
    change = _Mutator(dossier, rng)
    return attrs.evolve(
        dossier,
        people=change.again(tuple(change.person(p) for p in dossier.people)),
        meetings=change.again(tuple(change.meeting(m) for m in dossier.meetings)),
        documents=change.again(tuple(change.document(d) for d in dossier.documents)),
        statements=tuple(change.statement(s) for s in dossier.statements),
    )


def digest(report: dm.Report) -> dict[str, Any]:
    """What is recorded of a report: the hash of its whole JSON, and its codes counted."""
    counts: dict[str, int] = {}
    for finding in report:
        counts[finding.code] = counts.get(finding.code, 0) + 1
    return {"sha256": hashlib.sha256(report.to_json().encode()).hexdigest(), "codes": counts}


def reports() -> dict[str, Any]:
    """The digest of the report of each seed."""
    return {str(seed): digest(dm.validate(mutated(seed))) for seed in SEEDS}


if __name__ == "__main__":
    if sys.argv[1:] != ["--write"]:
        raise SystemExit("usage: python -m tests.validation_reference --write")
    RECORDED.write_text(json.dumps(reports(), indent=1, ensure_ascii=False) + "\n")
