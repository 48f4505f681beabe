"""How long `import diplomodel` takes, in fresh interpreters (goal: 60 ms or less).

Each statement below runs in its own new interpreter, round after round, the
statements interleaved so that a change of load on a shared machine moves them
all alike; the best round of each is reported (the least disturbed one). The
first round writes the byte code (``PYTHONDONTWRITEBYTECODE`` is cleared for the
children) and is not counted, as an installed package has its byte code.

    python benchmarks/import_time.py            # 20 rounds
    python benchmarks/import_time.py --rounds 5

Besides `import diplomodel` it times the interpreter alone and ``import attrs``
(floors no attrs-based package goes under), first use of the model classes and
of the converter, and lists the modules `-X importtime` finds slowest. The last
line printed is a JSON object with every figure in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

GOAL_MS = 60.0
STATEMENTS = {
    "interpreter": "pass",
    "attrs": "import attrs",
    "import diplomodel": "import diplomodel",
    "model classes": "from diplomodel import Meeting, PartialDate, Person, State",
    "dossier and converter": "from diplomodel import Dossier, from_json",
    "everything": "import diplomodel; [getattr(diplomodel, n) for n in diplomodel.__all__]",
}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _run(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env)
    return (time.perf_counter() - start) * 1000


def best_times(rounds: int) -> dict[str, float]:
    """The best wall-clock time of each statement over `rounds` interleaved rounds."""
    env = _env()
    for code in STATEMENTS.values():  # writes the byte code; not counted
        _run(code, env)
    times: dict[str, list[float]] = {name: [] for name in STATEMENTS}
    for _ in range(rounds):
        for name, code in STATEMENTS.items():
            times[name].append(_run(code, env))
    return {name: round(min(found), 1) for name, found in times.items()}


def slowest_modules(count: int = 12) -> list[tuple[str, float]]:
    """The modules with the largest own import time under ``-X importtime`` (best of 5)."""
    best: dict[str, float] = {}
    for _ in range(5):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import diplomodel"],
            check=True,
            capture_output=True,
            text=True,
            env=_env(),
        )
        for line in done.stderr.splitlines()[1:]:
            own, _cumulative, name = line.removeprefix("import time:").split("|")
            key = name.strip()
            best[key] = min(best.get(key, float("inf")), int(own) / 1000)
    ranked = sorted(best.items(), key=lambda item: -item[1])[:count]
    return [(name, round(ms, 1)) for name, ms in ranked]


def main() -> None:
    """Time the imports and print the figures, the JSON summary last."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    times = best_times(args.rounds)
    for name, ms in times.items():
        print(f"{name:>22}: {ms:7.1f} ms  ({STATEMENTS[name]})")
    print("slowest modules (own time, ms):")
    for name, ms in slowest_modules():
        print(f"  {ms:6.1f}  {name}")
    total = times["import diplomodel"]
    summary = {
        **{name.replace(" ", "_"): ms for name, ms in times.items()},
        "import_above_interpreter": round(total - times["interpreter"], 1),
        "goal_ms": GOAL_MS,
        "goal_met": total <= GOAL_MS,
        "rounds": args.rounds,
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
