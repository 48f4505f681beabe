"""Time and peak memory of diplomodel on hostile inputs that once ran away.

Each case runs in a fresh subprocess, so its peak resident memory
(``ru_maxrss``) is its own. The inputs are built here, deterministically:

- ``empty-meetings``: a 2.4 MB dossier file of 600 000 empty meetings
  (``{}``: every required field missing);
- ``unknown-keys``: a dossier with 10**6 keys the model does not know;
- ``giant-int``: a file whose format version has 5 000 digits;
- ``jsonl-bad-lines``: JSON Lines of 200 000 bad meetings read with
  ``errors="collect"`` (the reader in `diplomodel.files` bounds what it keeps
  only once it uses `ProblemCollector`).

Every case must end in a `DataError` of at most `MAX_PROBLEMS` problems.

``--fuzz N`` then feeds N mutated inputs to the loaders (the example's
records with one value replaced by something hostile: a giant integer, a lone
surrogate, a deep list, a huge string, a wrong type; and its JSON text cut
or with a byte flipped) and counts what they raise: anything but `DataError`
is a failure.

    python benchmarks/hardening.py                  # every case
    python benchmarks/hardening.py --quick          # inputs a tenth of the size
    python benchmarks/hardening.py --fuzz 100000    # and a fuzz run
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = ("empty-meetings", "unknown-keys", "giant-int", "jsonl-bad-lines")


def build(case: str, directory: Path, scale: float) -> Path:
    """Write the input of one case and return its path."""
    if case == "empty-meetings":
        count = int(600_000 * scale)
        meetings = ", ".join("{}" for _ in range(count))
        text = f'{{"id":"d","title":"T","meetings":[{meetings}]}}'
        path = directory / "empty-meetings.json"
    elif case == "unknown-keys":
        count = int(1_000_000 * scale)
        keys = ",".join(f'"k{i}":0' for i in range(count))
        text = f'{{"id":"d","title":"T",{keys}}}'
        path = directory / "unknown-keys.json"
    elif case == "giant-int":
        text = f'{{"diplomodel":"{"9" * 5000}.0","kind":"dossier","id":"d","title":"T"}}'
        path = directory / "giant-int.json"
    else:
        count = int(200_000 * scale)
        text = "".join(f'{{"id":"m{i}"}}\n' for i in range(count))
        path = directory / "bad-lines.jsonl"
    path.write_text(text, encoding="utf-8")
    return path


def run_one(case: str, path: str) -> None:
    """In the child: load the input, print one JSON line of what happened."""
    import diplomodel as dm

    start = time.perf_counter()
    outcome: dict[str, object] = {"case": case}
    try:
        if case == "jsonl-bad-lines":
            with dm.iter_jsonl(path, dm.Meeting, errors="collect") as reader:
                for _ in reader:
                    pass
            error = reader.error()
            if error is None:
                raise AssertionError("every line was accepted")  # noqa: TRY301
            raise error  # noqa: TRY301
        dm.Dossier.load(path)
        outcome["result"] = "accepted (wrong!)"
    except dm.DataError as exc:
        outcome["result"] = "DataError"
        outcome["problems_held"] = len(exc.problems)
        outcome["problems_total"] = exc.total
        outcome["stopped"] = exc.stopped
        outcome["message_chars"] = len(str(exc))
    except Exception as exc:  # noqa: BLE001 - reported, it is what this script looks for
        outcome["result"] = f"{type(exc).__name__} (wrong!)"
    outcome["seconds"] = round(time.perf_counter() - start, 2)
    outcome["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    print(json.dumps(outcome))


def _hostile_values(rng: random.Random) -> object:
    """One value a loader must refuse or accept, never crash on."""
    choices: list[object] = [
        10**5000,
        -(10**5000),
        2**64,
        "\ud800",
        "text\udfff",
        "x" * rng.randint(0, 20_000),
        [[[[[]]]]] * 3,
        {"": None},
        None,
        True,
        1.5,
        float("nan"),
        "",
        " padded ",
        "9" * 5000 + ".0",
        {"type": "communique"},
        ["CN"] * 3,
        "2024-02-30",
    ]
    return rng.choice(choices)


def _mutated_record(rng: random.Random, record: object) -> object:
    """A deep copy of `record` with one value somewhere replaced."""
    copied = copy.deepcopy(record)
    node = copied
    while True:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))  # type: ignore[arg-type]
        if not keys:
            return copied
        key = rng.choice(keys)
        child = node[key]  # type: ignore[index]
        if isinstance(child, dict | list) and child and rng.random() < 0.6:
            node = child
            continue
        node[key] = _hostile_values(rng)  # type: ignore[index]
        return copied


def _flipped(rng: random.Random, text: str) -> bytes:
    """The UTF-8 of `text` with a few bytes changed, and sometimes cut short."""
    raw = bytearray(text.encode())
    for _ in range(rng.randint(1, 3)):
        raw[rng.randrange(len(raw))] = rng.randrange(256)
    return bytes(raw[: rng.randint(0, len(raw))] if rng.random() < 0.3 else raw)


def _date_text(rng: random.Random) -> str:
    return "".join(rng.choice("0123456789-./ August авг年月日") for _ in range(rng.randint(0, 12)))


def fuzz(count: int, seed: int = 11) -> dict[str, int]:
    """Feed `count` hostile inputs to the loaders; count the exception types raised."""
    import diplomodel as dm

    rng = random.Random(seed)
    records = [(type(e), dm.to_dict(e)) for _, e in dm.load_example().entities()]
    loaders = (
        lambda cls, data: dm.from_dict(_mutated_record(rng, data), cls),
        lambda cls, data: dm.from_json(_flipped(rng, json.dumps(data, ensure_ascii=False)), cls),
        lambda _cls, _data: dm.parse_date(_date_text(rng)),
    )
    outcomes: dict[str, int] = {}
    for number in range(count):
        cls, data = records[number % len(records)]
        try:
            loaders[number % len(loaders)](cls, data)
            outcome = "accepted"
        except dm.DataError:
            outcome = "DataError"
        except Exception as exc:  # noqa: BLE001 - counted: this is what the run looks for
            outcome = f"{type(exc).__name__} (wrong!)"
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes


def main() -> None:
    """Build each input, run it in a subprocess, print one line per case."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="inputs a tenth of the size")
    parser.add_argument("--fuzz", type=int, default=0, metavar="N", help="also fuzz N inputs")
    parser.add_argument("--child", nargs=2, metavar=("CASE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run_one(*args.child)
        return
    scale = 0.1 if args.quick else 1.0
    with tempfile.TemporaryDirectory() as directory:
        for case in CASES:
            path = build(case, Path(directory), scale)
            size = path.stat().st_size / 2**20
            child = [sys.executable, __file__, "--child", case, str(path)]
            done = subprocess.run(child, capture_output=True, text=True, check=False)
            line = done.stdout.strip() or done.stderr.strip().splitlines()[-1]
            print(f"{case:<16} {size:6.1f} MB  {line}")
    if args.fuzz:
        start = time.perf_counter()
        outcomes = fuzz(args.fuzz)
        took = time.perf_counter() - start
        print(f"fuzz: {args.fuzz:,} inputs in {took:.0f} s: {json.dumps(outcomes)}")


if __name__ == "__main__":
    main()
