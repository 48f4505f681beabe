"""How long `validate` takes against loading the same dossier, and whether it grows linearly.

Builds a deterministic synthetic dossier of N meetings (4 to 8 participants
each, 3 to 10 documents each, signed by the co-chairs, some revising earlier
ones, one statement each; one meeting in 97 hosted by a third country, which
DM105 reports), with people holding offices over time and one series per pair
of states. It writes the dossier as JSON, then, round after round, loads it
(`from_json`, as called: the collector is left alone) and validates what was
loaded, a fresh dossier each round; medians of the rounds are reported. The
validation straight after a load may pay for the collector's pass over all the
load made; "settled" times it again on a fresh copy after a full collection.

    python benchmarks/validation.py           # N = 10 000 and 100 000 (several GB of memory)
    python benchmarks/validation.py --quick   # N = 1 000 and 10 000

Goal (issue 17): validate takes at most 0.5 times as long as loading, at every
size, and time per entity stays flat as N grows ("linearity" near 1.0: the
largest size's time per entity over the smallest's; "linearity_settled" the
same of the settled times). The last line printed is
a JSON object with the figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import statistics
import time
from datetime import date, timedelta

import attrs

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


GOAL: float = 0.5


def timed(n: int, runs: int) -> dict[str, float | int]:
    """Median load and validate times of a dossier of `n` meetings, over `runs` rounds.

    Validation is timed twice a round: as called, straight after the load (it
    may then pay for the collector's pass over what the load made), and
    "settled", on a fresh copy once a full collection has run, untimed.
    """
    built = build(n)
    entities = len(built)
    text = dm.to_json(built)
    del built
    gc.collect()
    loads, checks, settled, findings = [], [], [], 0
    for _ in range(runs):
        began = time.perf_counter()
        loaded = dm.from_json(text, dm.Dossier)
        loads.append(time.perf_counter() - began)
        began = time.perf_counter()
        findings = len(validate(loaded))
        checks.append(time.perf_counter() - began)
        fresh = attrs.evolve(loaded)  # the same records, no index built yet
        gc.collect()
        began = time.perf_counter()
        validate(fresh)
        settled.append(time.perf_counter() - began)
        del loaded, fresh
        gc.collect()
    load, check, calm = (statistics.median(t) for t in (loads, checks, settled))
    return {
        "meetings": n,
        "entities": entities,
        "megabytes": round(len(text.encode()) / 1e6, 1),
        "findings": findings,
        "load_s": round(load, 3),
        "validate_s": round(check, 3),
        "validate_settled_s": round(calm, 3),
        "ratio": round(check / load, 3),
        "ratio_settled": round(calm / load, 3),
        "validate_us_per_entity": round(check / entities * 1e6, 2),
    }


def main() -> None:
    """Run the benchmark and print a table, then the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N = 1 000 and 10 000")
    parser.add_argument("--runs", type=int, default=3, help="rounds per size (default 3)")
    args = parser.parse_args()
    sizes = (1_000, 10_000) if args.quick else (10_000, 100_000)
    rows = []
    print(
        f"{'meetings':>9} {'entities':>9} {'MB':>7} {'findings':>9} {'load s':>8} "
        f"{'valid. s':>8} {'ratio':>6} {'settled':>8} {'µs/entity':>10}"
    )
    for n in sizes:
        row = timed(n, args.runs)
        rows.append(row)
        print(
            f"{n:>9} {row['entities']:>9} {row['megabytes']:>7} {row['findings']:>9} "
            f"{row['load_s']:>8.2f} {row['validate_s']:>8.2f} {row['ratio']:>6.2f} "
            f"{row['ratio_settled']:>8.2f} {row['validate_us_per_entity']:>10.1f}"
        )
    linearity = rows[-1]["validate_us_per_entity"] / rows[0]["validate_us_per_entity"]
    calm = [float(r["validate_settled_s"]) / int(r["entities"]) for r in rows]
    print(
        json.dumps(
            {
                "benchmark": "validation",
                "runs": args.runs,
                "results": rows,
                "ratio_validate_to_load": {str(r["meetings"]): r["ratio"] for r in rows},
                "ratio_settled": {str(r["meetings"]): r["ratio_settled"] for r in rows},
                "linearity": round(linearity, 2),
                "linearity_settled": round(calm[-1] / calm[0], 2),
                "goal_ratio": GOAL,
                "goal_met": all(float(r["ratio"]) <= GOAL for r in rows),
            }
        )
    )


if __name__ == "__main__":
    main()
