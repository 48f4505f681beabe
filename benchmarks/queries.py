"""How long the dossier's queries and the reference data's comparisons take.

On the synthetic dossier of ``benchmarks/validation.py`` (N meetings), it
times `Dossier.meetings_between` and `Dossier.timeline` (the first call, which
builds the index, and the average of the calls after it; a timeline of
thousands of entries is mostly the making of its entries, so the timeline of a
state that hosts meetings but is party to none is timed too),
`upcoming_anniversaries`, comparing partial dates (`<` against `datetime.date`'s),
comparing states and organisations, and `states.lookup` of an unknown name
(first and repeated). Only the public API is used, so the same script times an
older version for a before-and-after comparison:

    python benchmarks/queries.py                  # N = 100 000
    python benchmarks/queries.py --quick          # N = 10 000
    PYTHONPATH=/path/to/old/src python benchmarks/queries.py --quick

The last line printed is a JSON object with every figure (milliseconds for the
queries, microseconds for the comparisons).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
import timeit
from collections.abc import Callable
from datetime import date
from pathlib import Path

import diplomodel as dm

sys.path.insert(0, str(Path(__file__).parent))
from validation import OUTSIDER, PAIRS, build


def _ms(call: Callable[[], object], repeat: int) -> float:
    """The average time of `call` in milliseconds, over `repeat` calls."""
    began = time.perf_counter()
    for _ in range(repeat):
        call()
    return (time.perf_counter() - began) / repeat * 1000


def _us(statement: Callable[[], object], number: int = 100_000) -> float:
    """The best of five averages of a cheap statement, in microseconds."""
    return min(timeit.repeat(statement, number=number, repeat=5)) / number * 1e6


def queries(dossier: dm.Dossier) -> dict[str, float]:
    """First and later calls of the dossier's queries, in milliseconds."""
    a, b = PAIRS[0]
    first_between = _ms(lambda: dossier.meetings_between(a, b), 1)
    first_timeline = _ms(lambda: dossier.timeline(a), 1)
    pairs = PAIRS[:20]
    between = _ms(lambda: [dossier.meetings_between(x, y) for x, y in pairs], 3) / len(pairs)
    parties = [x for pair in pairs[:5] for x in pair]
    timeline = _ms(lambda: [dossier.timeline(x) for x in parties], 1) / len(parties)
    few = _ms(lambda: dossier.timeline(OUTSIDER), 3)  # a host of a few meetings, never a party
    upcoming = _ms(lambda: dossier.upcoming_anniversaries(date(2020, 1, 1), date(2030, 1, 1)), 3)
    return {
        "meetings_between_first_ms": round(first_between, 2),
        "meetings_between_ms": round(between, 3),
        "timeline_first_ms": round(first_timeline, 2),
        "timeline_ms": round(timeline, 2),
        "timeline_no_records_ms": round(few, 3),
        "upcoming_anniversaries_ms": round(upcoming, 2),
    }


def comparisons() -> dict[str, float]:
    """Costs of comparing dates and reference records, in microseconds."""
    early, late = dm.PartialDate(year=2024, month=8), dm.PartialDate(year=2024, month=8, day=21)
    day, other_day = date(2024, 8, 1), date(2024, 8, 21)
    ru, cn = dm.states.get("RU"), dm.states.get("CN")
    sco, nato = dm.organizations.get("SCO"), dm.organizations.get("NATO")
    return {
        "partial_date_lt_us": round(_us(lambda: early < late), 3),
        "date_lt_us": round(_us(lambda: day < other_day), 3),
        "state_eq_same_us": round(_us(lambda: ru == ru), 3),  # noqa: PLR0124 - timed
        "state_eq_other_us": round(_us(lambda: ru == cn), 3),
        "state_hash_us": round(_us(lambda: hash(ru)), 3),
        "organization_eq_other_us": round(_us(lambda: sco == nato), 3),
        "organization_hash_us": round(_us(lambda: hash(sco), number=10_000), 3),
    }


def lookups() -> dict[str, float]:
    """`states.lookup` of an unknown name: first and repeated, in milliseconds."""

    def unknown() -> None:
        with contextlib.suppress(dm.UnknownStateError):
            dm.states.lookup("Russsia")

    dm.states.lookup("Russia")  # load the data: not what is timed
    return {
        "lookup_unknown_first_ms": round(_ms(unknown, 1), 3),
        "lookup_unknown_again_ms": round(_ms(unknown, 20), 3),
    }


def main() -> None:
    """Time everything and print it, the JSON summary last."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="N = 10 000 instead of 100 000")
    args = parser.parse_args()
    n = 10_000 if args.quick else 100_000
    figures: dict[str, float] = {**lookups(), **comparisons()}
    dossier = build(n)
    figures.update(queries(dossier))
    for name, value in figures.items():
        print(f"{name:>28}: {value}")
    print(json.dumps({"benchmark": "queries", "meetings": n, "entities": len(dossier), **figures}))


if __name__ == "__main__":
    main()
