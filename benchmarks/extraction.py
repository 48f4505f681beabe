"""Precision, recall and F1 of `diplomodel.extract` on the development set, and its speed.

The development set is `tests/data/extraction/` (48 reports, eight per language,
see its README). For every field the benchmark compares, per report, what
`extract` found with the gold annotation:

- states participating, states mentioned: sets of state codes;
- organisations: sets of codes/names (case-insensitive);
- officials: (name, state, kind), names compared with `names_match` (Russian
  case endings ignored, a surname alone matches the full name);
- events: (start date, end date);
- ordinals: (value, numbers a series or not);
- anniversaries: (number, what);
- documents: (kind, count).

It prints a table per field and language for the development set, for the
held-out set `tests/data/extraction-heldout/` reports 01-04 (24 reports, four
per language, annotated before the extractor was run on them, then used to
improve the rules), for its fresh reports 05-06 (12, written after those
rules) and for its final reports 07 (6, written after the rules; see its
README), with micro totals, then the throughput: reports of
about 3 KB read per second on one core after warm-up. The last line printed is
one JSON object with every figure.

    python benchmarks/extraction.py
    python benchmarks/extraction.py --quick    # fewer timing rounds
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Callable, Hashable
from datetime import date
from pathlib import Path
from typing import Any

from diplomodel import Extraction, extract
from diplomodel.extract import names_match

DEVSET = Path(__file__).resolve().parent.parent / "tests" / "data" / "extraction"
HELDOUT = DEVSET.with_name("extraction-heldout")
LANGUAGES = ("en", "ru", "zh", "fr", "de", "ar")
FIELDS = (
    "states_participating",
    "states_mentioned",
    "organizations",
    "officials",
    "events",
    "ordinals",
    "anniversaries",
    "documents",
)
Counts = tuple[int, int, int]  # true positives, false positives, false negatives


def _multiset(found: list[Hashable], gold: list[Hashable]) -> Counts:
    f, g = Counter(found), Counter(gold)
    tp = sum((f & g).values())
    return tp, sum(f.values()) - tp, sum(g.values()) - tp


def _officials(found: Extraction, gold: list[dict[str, Any]]) -> Counts:
    left = [(o.name, o.state.code if o.state else None, o.kind.value) for o in found.officials]
    tp = 0
    for item in gold:
        for i, (name, state, kind) in enumerate(left):
            if names_match(name, item["name"]) and state == item["state"] and kind == item["kind"]:
                tp += 1
                del left[i]
                break
    return tp, len(left), len(gold) - tp


def _organizations(found: Extraction, gold: list[dict[str, Any]]) -> Counts:
    names = {o.code.casefold() for o in found.organizations}
    surfaces = {o.surface.casefold() for o in found.organizations}
    wanted = {g["name"].casefold() for g in gold}
    tp = sum(
        1 for g in gold if g["name"].casefold() in names or g["surface"].casefold() in surfaces
    )
    return tp, max(0, len(names) - tp), len(wanted) - tp


SCORERS: dict[str, Callable[[Extraction, dict[str, Any]], Counts]] = {
    "states_participating": lambda x, g: _multiset(
        list(x.state_codes(participating=True)), list(dict.fromkeys(g["states_participating"]))
    ),
    "states_mentioned": lambda x, g: _multiset(
        list(x.state_codes()), list(dict.fromkeys(s["code"] for s in g["states_mentioned"]))
    ),
    "organizations": lambda x, g: _organizations(x, g["organizations"]),
    "officials": lambda x, g: _officials(x, g["officials"]),
    "events": lambda x, g: _multiset(
        list(dict.fromkeys((str(e.start), str(e.end) if e.end else None) for e in x.events)),
        list(dict.fromkeys((e["date"], e["end"]) for e in g["events"])),
    ),
    "ordinals": lambda x, g: _multiset(
        [(o.value, o.series) for o in x.ordinals],
        [(o["value"], o["series"]) for o in g["ordinals"]],
    ),
    "anniversaries": lambda x, g: _multiset(
        [(a.number, a.what.value) for a in x.anniversaries],
        [(a["number"], a["what"]) for a in g["anniversaries"]],
    ),
    "documents": lambda x, g: _multiset(
        [(d.kind.value, d.count) for d in x.documents],
        [(d["kind"], d["count"]) for d in g["documents"]],
    ),
}


def _read(stem: str, folder: Path = DEVSET) -> tuple[str, dict[str, Any]]:
    text = (folder / f"{stem}.txt").read_text(encoding="utf-8")
    gold = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8"))
    return text, gold


def _run(stem: str, folder: Path = DEVSET) -> Extraction:
    text, gold = _read(stem, folder)
    return extract(
        text,
        language=gold["language"],
        published=date.fromisoformat(gold["published"]),
        dateline=date.fromisoformat(gold["dateline"]) if gold["dateline"] else None,
    )


def _prf(counts: Counts) -> dict[str, float]:
    tp, fp, fn = counts  # with nothing to find and nothing found, precision and recall are 1
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def score(stems: list[str], folder: Path = DEVSET) -> dict[str, dict[str, dict[str, float]]]:
    """Per field: per language and "all", precision, recall, F1 and the counts."""
    table: dict[str, dict[str, list[int]]] = {f: {} for f in FIELDS}
    for stem in stems:
        language = stem.split("-")[1]
        found = _run(stem, folder)
        _, gold = _read(stem, folder)
        for field in FIELDS:
            counts = SCORERS[field](found, gold)
            for key in (language, "all"):
                row = table[field].setdefault(key, [0, 0, 0])
                for k in range(3):
                    row[k] += counts[k]
    return {f: {k: _prf((v[0], v[1], v[2])) for k, v in rows.items()} for f, rows in table.items()}


def _print(title: str, result: dict[str, dict[str, dict[str, float]]]) -> None:
    print(f"\n{title}: F1 (precision/recall)")
    print(f"{'field':22}" + "".join(f"{lang:>18}" for lang in (*LANGUAGES, "all")))
    for field, rows in result.items():
        cells = []
        for lang in (*LANGUAGES, "all"):
            cell = rows.get(lang)
            cells.append(f"{cell['f1']:.2f} ({cell['p']:.2f}/{cell['r']:.2f})" if cell else "-")
        print(f"{field:22}" + "".join(f"{c:>18}" for c in cells))


def throughput(rounds: int) -> float:
    """Reports of about 3 KB read per second of CPU time, after warm-up, on one core."""
    inputs = []
    for language in LANGUAGES:
        texts = [_read(s)[0] for s in sorted(p.stem for p in DEVSET.glob(f"*-{language}.txt"))]
        joined = "\n".join(texts)
        while len(joined.encode()) < 3000:
            joined += "\n" + joined
        cut = joined.encode()[:3000].decode(errors="ignore")
        inputs.append((cut, language))
    for text, language in inputs:  # warm-up: build every language's tables
        extract(text, language=language, dateline=date(2024, 8, 21))
    start = time.process_time()  # CPU time of this process: one core, whatever else runs
    for _ in range(rounds):
        for text, language in inputs:
            extract(text, language=language, dateline=date(2024, 8, 21))
    return rounds * len(inputs) / (time.process_time() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer timing rounds")
    args = parser.parse_args()
    stems = sorted(p.stem for p in DEVSET.glob("*.txt"))
    held_all = sorted(p.stem for p in HELDOUT.glob("*.txt"))
    held = [s for s in held_all if s[:2] in {"01", "02", "03", "04"}]
    fresh = [s for s in held_all if s[:2] in {"05", "06"}]
    final = [s for s in held_all if s not in held and s not in fresh]
    results = {
        "dev": score(stems),
        "heldout": score(held, HELDOUT),
        "fresh": score(fresh, HELDOUT),
        "final": score(final, HELDOUT),
    }
    _print(f"Development set ({len(stems)} reports, tests/data/extraction)", results["dev"])
    _print(
        f"Held-out set, 01-04 ({len(held)} reports, annotated before the extractor ran on "
        "them; the rules were then improved by what they showed)",
        results["heldout"],
    )
    _print(
        f"Held-out set, fresh 05-06 ({len(fresh)} reports, written after the first rules; "
        "a few rules were then added from their errors)",
        results["fresh"],
    )
    _print(
        f"Held-out set, final 07 ({len(final)} reports, written after the rules; three "
        "were then added from their errors)",
        results["final"],
    )
    speed = throughput(5 if args.quick else 40)
    print(f"\nthroughput: {speed:.0f} reports of 3 KB per second (one core, after warm-up)")
    summary = {
        "micro_f1": {f: results["dev"][f]["all"]["f1"] for f in FIELDS},
        "micro_f1_heldout": {f: results["heldout"][f]["all"]["f1"] for f in FIELDS},
        "micro_f1_fresh": {f: results["fresh"][f]["all"]["f1"] for f in FIELDS},
        "micro_f1_final": {f: results["final"][f]["all"]["f1"] for f in FIELDS},
        "per_language_f1": {
            f: {lang: results["dev"][f][lang]["f1"] for lang in LANGUAGES} for f in FIELDS
        },
        "per_language_f1_heldout": {
            f: {lang: results["heldout"][f][lang]["f1"] for lang in LANGUAGES} for f in FIELDS
        },
        "per_language_f1_fresh": {
            f: {lang: results["fresh"][f][lang]["f1"] for lang in LANGUAGES} for f in FIELDS
        },
        "reports": len(stems),
        "reports_heldout": len(held),
        "reports_fresh": len(fresh),
        "reports_final": len(final),
        "reports_per_second_3kb": round(speed, 1),
    }
    print(json.dumps(summary, sort_keys=True))


if __name__ == "__main__":
    main()
