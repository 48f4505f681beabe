"""How long `validate` takes as a dossier grows: it should grow linearly.

Builds a deterministic synthetic dossier of N meetings (4 to 8 participants
each, 3 to 10 documents each, signed by the co-chairs, some revising earlier
ones, one statement each; one meeting in 97 hosted by a third country, which
DM105 reports), with people holding offices over time and one
series per pair of states, then times `validate` (median of 3 runs).

    python benchmarks/validation.py           # N = 2 000 and 20 000
    python benchmarks/validation.py --quick   # N = 200 and 2 000

The last line printed is a JSON object with the figures and the ratio of the
largest time to the smallest; for linear time it is close to the ratio of the
sizes (10).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import date, timedelta

import diplomodel as dm
from diplomodel.validation import validate

STATES = tuple(dm.states)[:24]
OUTSIDER = tuple(dm.states)[40]
PAIRS = tuple((a, b) for i, a in enumerate(STATES) for b in STATES[i + 1 :])[:60]
PEOPLE_PER_STATE = 12
OFFICE_KINDS = (
    dm.OfficeKind.HEAD_OF_GOVERNMENT,
    dm.OfficeKind.FOREIGN_MINISTER,
    dm.OfficeKind.MINISTER,
)
EPOCH = date(1990, 1, 1)


def _offices() -> tuple[dm.Office, ...]:
    return tuple(
        dm.Office(id=f"{s.code}-{k.value}", title=f"{k.value} of {s.name}", kind=k, state=s)
        for s in STATES
        for k in OFFICE_KINDS
    )


def _people() -> tuple[dm.Person, ...]:
    people = []
    for s in STATES:
        for n in range(PEOPLE_PER_STATE):
            office = f"{s.code}-{OFFICE_KINDS[n % len(OFFICE_KINDS)].value}"
            tenures = (
                dm.Tenure(
                    office=office, start=dm.PartialDate(year=1985), end=dm.PartialDate(year=2010)
                ),
                dm.Tenure(office=office, start=dm.PartialDate.parse("2010-06")),
            )
            people.append(
                dm.Person(id=f"{s.code}-p{n}", name=f"Person {n} of {s.name}", tenures=tenures)
            )
    return tuple(people)


def _people_of(state: dm.State, rng: random.Random, count: int) -> list[tuple[str, str]]:
    chosen = rng.sample(range(PEOPLE_PER_STATE), count)
    return [
        (f"{state.code}-p{n}", f"{state.code}-{OFFICE_KINDS[n % len(OFFICE_KINDS)].value}")
        for n in chosen
    ]


def build(n: int, seed: int = 2024) -> dm.Dossier:
    """A synthetic dossier of `n` meetings; the same `n` and `seed` always give the same one."""
    rng = random.Random(seed)
    meetings, documents, statements = [], [], []
    last_document: dict[int, dm.Document] = {}
    for i in range(n):
        pair_index = i % len(PAIRS)
        a, b = PAIRS[pair_index]
        ordinal = i // len(PAIRS) + 1
        day = EPOCH + timedelta(days=ordinal * 20 + pair_index % 20)
        start = dm.PartialDate.from_date(day)
        size = rng.randint(4, 8)
        side_a = _people_of(a, rng, size // 2)
        side_b = _people_of(b, rng, size - size // 2)
        participants = tuple(
            dm.Participation(
                person=person,
                delegation=state,
                role=dm.Role.CO_CHAIR if k == 0 else dm.Role.MEMBER,
                office=office,
            )
            for state, side in ((a, side_a), (b, side_b))
            for k, (person, office) in enumerate(side)
        )
        meeting_id = f"m{i}"
        outcomes = []
        for d in range(rng.randint(3, 10)):
            previous = last_document.get(pair_index) if d == 0 else None
            document = dm.CooperationAgreement(
                id=f"m{i}-d{d}",
                title=f"Document {d} of meeting {i}",
                parties=(a, b),
                signed=start,
                meeting=meeting_id,
                signatories=(
                    dm.Signature(person=side_a[0][0], state=a, office=side_a[0][1]),
                    dm.Signature(person=side_b[0][0], state=b, office=side_b[0][1]),
                ),
                witnesses=(side_a[-1][0],),
                revises=None if previous is None else previous.id,
            )
            documents.append(document)
            outcomes.append(document.id)
            if d == 0:
                last_document[pair_index] = document
        meetings.append(
            dm.Meeting(
                id=meeting_id,
                title=f"Meeting {i}",
                kind=dm.MeetingKind.REGULAR_MEETING,
                start=start,
                host=OUTSIDER if i % 97 == 0 else a,  # a few third-country hosts: DM105
                parties=(a, b),
                series=f"series-{pair_index}",
                ordinal=ordinal,
                participants=participants,
                outcomes=tuple(outcomes),
            )
        )
        statements.append(
            dm.Statement(
                id=f"m{i}-s",
                speaker=side_a[0][0],
                summary="Ready to cooperate.",
                on_behalf_of=a,
                meeting=meeting_id,
                date=start,
            )
        )
    series = tuple(
        dm.MeetingSeries(
            id=f"series-{k}",
            title=f"Series {k}",
            kind=dm.MeetingKind.REGULAR_MEETING,
            parties=pair,
            established=dm.PartialDate(year=1990),
        )
        for k, pair in enumerate(PAIRS)
    )
    return dm.Dossier(
        id=f"synthetic-{n}",
        title=f"{n} synthetic meetings",
        people=_people(),
        offices=_offices(),
        meetings=tuple(meetings),
        series=series,
        documents=tuple(documents),
        statements=tuple(statements),
    )


def timed(dossier: dm.Dossier, runs: int = 3) -> tuple[float, int]:
    """The median time of `runs` validations, and the number of findings."""
    times, findings = [], 0
    for _ in range(runs):
        began = time.perf_counter()
        report = validate(dossier)
        times.append(time.perf_counter() - began)
        findings = len(report)
    return statistics.median(times), findings


def main() -> None:
    """Run the benchmark and print a table, then the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N = 200 and 2 000")
    args = parser.parse_args()
    sizes = (200, 2_000) if args.quick else (2_000, 20_000)
    rows = []
    print(f"{'meetings':>9} {'entities':>9} {'findings':>9} {'seconds':>9} {'µs/entity':>10}")
    for n in sizes:
        dossier = build(n)
        seconds, findings = timed(dossier)
        rows.append(
            {"meetings": n, "entities": len(dossier), "findings": findings, "seconds": seconds}
        )
        print(
            f"{n:>9} {len(dossier):>9} {findings:>9} {seconds:>9.3f} "
            f"{seconds / len(dossier) * 1e6:>10.1f}"
        )
    ratio = rows[-1]["seconds"] / rows[0]["seconds"]
    print(
        json.dumps(
            {"benchmark": "validation", "runs": 3, "results": rows, "ratio": round(ratio, 2)}
        )
    )


if __name__ == "__main__":
    main()
