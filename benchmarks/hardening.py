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

    python benchmarks/hardening.py            # every case
    python benchmarks/hardening.py --quick    # inputs a tenth of the size
"""

from __future__ import annotations

import argparse
import json
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


def main() -> None:
    """Build each input, run it in a subprocess, print one line per case."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="inputs a tenth of the size")
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


if __name__ == "__main__":
    main()
