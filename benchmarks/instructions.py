"""Instructions, not seconds, that each library executes to decode the same bytes.

On a machine shared with other jobs, timings of the same call move by a
quarter from one run to the next; the number of instructions a call
executes does not depend on load. This script counts them with valgrind's
callgrind for the corpus of `serialization.py` (the same bytes, the same peer
models): each library decodes the text once to warm up (diplomodel generates
its structure functions on first use), then `--calls` more times with the
garbage collector paused, in a fresh interpreter; the same interpreter
without the extra calls is counted too, and the difference, divided by the
number of calls, is one decode's instructions. Cases run two at a time, each
under ``PYTHONHASHSEED=0`` so that runs repeat exactly.

Instructions are not time: compiled code (pydantic's, msgspec's and orjson's)
retires more instructions per cycle than the interpreter does, so the ratios
here tend to flatter diplomodel a little against the timed ones.

    python benchmarks/instructions.py               # 2 000 meetings, 2 counted calls
    python benchmarks/instructions.py --meetings 500 --calls 1

Needs valgrind, the `bench` dependency group (pydantic, msgspec) and orjson.
The last line printed is one JSON object of the figures.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

CALLS = {
    "diplomodel": "dm.from_json(raw, dm.Dossier)",
    "pydantic": "pydantic_dossier.model_validate_json(raw)",
    "msgspec": "msgspec_decoder.decode(raw)",
    "orjson (raw parse)": "orjson.loads(raw)",
}

CHILD = """
import gc, sys
sys.path.insert(0, {here!r})
import msgspec, orjson
import diplomodel as dm
import serialization as bench
raw = open({path!r}, "rb").read()
pydantic_dossier = bench._pydantic_models()
msgspec_decoder = msgspec.json.Decoder(bench._msgspec_models())
result = {call}
del result
gc.collect()
gc.disable()
for _ in range({calls}):
    result = {call}
    del result
"""


def count(valgrind: str, call: str, path: str, calls: int) -> int:
    """Instructions of a fresh interpreter that reads `path` and makes `call` 1 + `calls` times."""
    code = CHILD.format(here=str(HERE), path=path, call=call, calls=calls)
    tool = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    done = subprocess.run(
        [*tool, sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    found = re.search(r"Collected : ([0-9]+)", done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=2_000)
    parser.add_argument("--calls", type=int, default=2)
    args = parser.parse_args()
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        sys.exit("valgrind is needed: apt-get install valgrind")
    sys.path.insert(0, str(HERE))
    import serialization as bench  # this directory, put on the path above

    import diplomodel as dm

    raw = dm.to_json_bytes(bench.corpus(args.meetings))
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / "corpus.json")
        Path(path).write_bytes(raw)
        jobs = [(name, n) for name in CALLS for n in (0, args.calls)]
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            found = pool.map(lambda job: count(valgrind, CALLS[job[0]], path, job[1]), jobs)
            counted = dict(zip(jobs, found, strict=True))
    per_call = {name: (counted[name, args.calls] - counted[name, 0]) / args.calls for name in CALLS}
    print(
        f"corpus: {args.meetings} meetings, {len(raw) / 2**20:.1f} MiB of JSON; "
        f"instructions of one decode (callgrind, {args.calls} counted calls, collector paused)"
    )
    for name, n in per_call.items():
        print(f"{name:<20} {n / 1e6:10.0f} M  {n / per_call['diplomodel']:6.2f} of diplomodel")
    figures = {
        "meetings": args.meetings,
        "instructions_m": {name: round(n / 1e6) for name, n in per_call.items()},
        "decode_instructions_vs_pydantic": round(per_call["diplomodel"] / per_call["pydantic"], 3),
        "decode_instructions_vs_msgspec": round(per_call["diplomodel"] / per_call["msgspec"], 3),
        "decode_instructions_vs_raw_parse": round(
            per_call["diplomodel"] / per_call["orjson (raw parse)"], 3
        ),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
