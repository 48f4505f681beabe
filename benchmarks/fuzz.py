"""Fuzz every public loader: whatever arrives, it loads or raises DataError, nothing else.

    python benchmarks/fuzz.py                      # 100 000 generated inputs, seed 0
    python benchmarks/fuzz.py --count 5000 --seed 7
    python benchmarks/fuzz.py --seconds 300        # stop generating after five minutes
    python benchmarks/fuzz.py --case 1234          # run one generated case again, verbosely

The loaders: `from_dict` and `from_json` for every public attrs class, `open_envelope`,
`Dossier.from_file_dict`, `Dossier.load` (temporary files and odd paths), `iter_jsonl` over
paths and byte and text streams, `Report.from_json`, `PartialDate.parse`, `parse_date`,
`resolve_weekday`, `states.lookup` and `states.get`, the dossier's lookups, `load_example`.
Whatever loads is also written back (`to_json_bytes`, then read again: it must be equal)
and, for dossiers and entities, validated, so that a value a loader should have refused
(a lone surrogate, a 5 000-digit ordinal) is caught where it does harm.

The run replays a fixed corpus first (odd paths, special files, one input per known hazard),
then generated inputs: random JSON; the example dossier and objects drawn from
`diplomodel.testing` (seeded), mutated in value (giant and special numbers, lone surrogates,
deep nesting, wrong types, unknown keys, huge strings) or in text (truncation, flipped bits,
duplicate keys, other encodings); then the large inputs of issue 11 (`--no-big` skips them).
Case *i* of seed *s* is the same on every run, so `--case i` replays it.

Every case runs under an alarm (`--timeout`, seconds) and the process under an address-space
limit (`--memory-limit-mb`), so a hang or a runaway allocation is counted instead of
suffered. Outcomes: `ok`, `DataError`, `lookup` (a `DiplomodelError` that is a `LookupError`,
such as `UnknownStateError`), and any other exception, counted by type with its first example
(minimised when that is cheap). The last line printed is JSON:
``{"inputs": N, "non_dataerror": K, "by_type": {...}, "peak_rss_mb": ...}``; the exit status
is 1 if K > 0.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import math
import os
import random
import re
import resource
import select
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import FrameType
from typing import Any

import attrs

import diplomodel as dm
from diplomodel import testing

# ----------------------------------------------------------------------------- outcomes

OK, DATA_ERROR, LOOKUP = "ok", "DataError", "lookup"
ALLOWED = frozenset({OK, DATA_ERROR, LOOKUP})


class Timeout(BaseException):
    """A case ran past its alarm (a BaseException, so no `except Exception` swallows it)."""


class RoundTripMismatch(AssertionError):  # noqa: N818 - reported by this name
    """An object that loaded came back different after writing and reading it again."""


def classify(exc: BaseException | None) -> str:
    """The outcome of a case: ok, DataError, lookup, or the exception's type name."""
    if exc is None:
        return OK
    if isinstance(exc, dm.DataError):
        return DATA_ERROR
    if isinstance(exc, dm.DiplomodelError) and isinstance(exc, LookupError):
        return LOOKUP
    return type(exc).__name__


@dataclass(frozen=True)
class Case:
    """One input for one loader: `call(arg)` loads it, returning what loaded."""

    target: str
    call: Callable[[Any], Any]
    arg: Any
    number: int | None = None


@dataclass
class Example:
    """The first case of an outcome that is not allowed."""

    target: str
    stage: str
    message: str
    where: str
    arg: str
    number: int | None


@dataclass
class Tally:
    """What a run found."""

    inputs: int = 0
    outcomes: Counter[tuple[str, str]] = field(default_factory=Counter)
    examples: dict[tuple[str, str], Example] = field(default_factory=dict)
    longest_message: int = 0
    peak_rss_mb: float = 0.0
    peak_case: str = ""
    big: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def by_type(self) -> Counter[str]:
        """Outcomes that are not allowed, by exception type."""
        found: Counter[str] = Counter()
        for (_target, outcome), n in self.outcomes.items():
            if outcome not in ALLOWED:
                found[outcome] += n
        return found

    @property
    def non_dataerror(self) -> int:
        """How many cases ended in an exception that is not allowed."""
        return sum(self.by_type.values())

    def summary(self) -> dict[str, Any]:
        """The figures of the last line."""
        return {
            "inputs": self.inputs,
            "non_dataerror": self.non_dataerror,
            "by_type": dict(sorted(self.by_type.items())),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "peak_rss_case": self.peak_case,
            "longest_dataerror_message": self.longest_message,
            "big": self.big,
        }


# ----------------------------------------------------------------------------- running


def _rss_mb() -> float:
    """The peak resident set size (since the last `_reset_peak`), in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _reset_peak() -> None:
    """Start measuring the peak RSS afresh (Linux; elsewhere the peak is the process's)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _after_load(value: Any) -> None:
    """What loaded must also write, read back equal, and (if it can) validate."""
    objects = value if isinstance(value, list) else [value]
    for obj in objects[:3]:
        if not attrs.has(type(obj)) or type(obj).__module__.split(".")[0] != "diplomodel":
            continue
        again = dm.from_json(dm.to_json_bytes(obj), type(obj))
        if again != obj:
            raise RoundTripMismatch(f"{type(obj).__name__} changed after writing and reading")
        if isinstance(obj, dm.Dossier | dm.Meeting | dm.Document | dm.Person):
            dm.validate(obj)


def _call(case: Case, stage: list[str]) -> None:
    """Run a case: load, then write back and validate what loaded (the alarm's only target)."""
    loaded = case.call(case.arg)
    stage[0] = "write back and validate"
    _after_load(loaded)


class _Alarm:
    """Raises `Timeout` within `_call` when it rings, and again every 0.2 s until stopped.

    Ringing again matters: Python drops an exception raised where it cannot propagate (a
    garbage-collector callback, a `__del__`), and a case must not then run on unbounded.
    A ring outside `_call` (while its exception is being kept) raises nothing, so no
    `Timeout` escapes `run_case`.
    """

    def __init__(self, seconds: float) -> None:
        self.rang = False
        self.stopped = False
        self._previous = signal.signal(signal.SIGALRM, self._ring)
        signal.setitimer(signal.ITIMER_REAL, seconds, 0.2)

    def _ring(self, _signum: int, frame: FrameType | None) -> None:
        while frame is not None and not self.stopped:
            if frame.f_code is _call.__code__:
                self.rang = True
                raise Timeout
            frame = frame.f_back

    def stop(self) -> None:
        """Silence the alarm and give the signal back its previous handler."""
        self.stopped = True
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._previous)


def run_case(case: Case, timeout: float) -> tuple[BaseException | None, str]:
    """Run one case under an alarm; the exception it ended in (or None) and at which stage."""
    stage = ["load"]
    error: BaseException | None = None
    bell = _Alarm(timeout)
    try:
        _call(case, stage)
    except (Exception, Timeout) as exc:  # noqa: BLE001 - counting every kind is the point
        error = exc
    finally:
        bell.stop()
    if error is None and bell.rang:  # a Timeout was raised where it was dropped
        error = Timeout()
    return error, stage[0]


def _where(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return ""
    last = frames[-1]
    return f"{Path(last.filename).name}:{last.lineno} in {last.name}"


def _printable(value: Any) -> Any:
    """The value with integers too long to print (over 4 300 digits) described instead."""
    if isinstance(value, int) and value.bit_length() > 14_000:
        return f"<int of about {int(value.bit_length() * math.log10(2))} digits>"
    if isinstance(value, dict):
        return {k: _printable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_printable(v) for v in value]
    return value


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else f"{text[: limit - 20]}… ({len(text)} chars)"


def _shown(arg: Any, limit: int = 240) -> str:
    try:
        text = repr(_printable(arg))
    except Exception as exc:  # noqa: BLE001 - a repr that fails is shown as such
        text = f"<unrepresentable {type(arg).__name__}: {type(exc).__name__}>"
    return _clip(text, limit)


def _smaller(value: Any) -> Iterator[Any]:
    """Candidates a little smaller than `value`, most promising first."""
    if isinstance(value, dict):
        for key in list(value):
            yield {k: v for k, v in value.items() if k != key}
        for key, child in value.items():
            for smaller in _smaller(child):
                yield {**value, key: smaller}
    elif isinstance(value, list):
        for i in range(len(value)):
            yield value[:i] + value[i + 1 :]
        for i, child in enumerate(value):
            for smaller in _smaller(child):
                yield [*value[:i], smaller, *value[i + 1 :]]
    elif isinstance(value, str | bytes) and len(value) > 1:
        half = len(value) // 2
        yield value[:half]
        yield value[half:]
        yield value[:-1]


def minimise(case: Case, outcome: str, stage: str, *, budget: float, timeout: float) -> Case:
    """A smaller input ending the same way (greedy; stops after `budget` seconds)."""
    if not isinstance(case.arg, dict | list | str | bytes):
        return case
    end = time.monotonic() + budget
    current = case
    improved = True
    while improved and time.monotonic() < end:
        improved = False
        for candidate in _smaller(current.arg):
            if time.monotonic() >= end:
                break
            trial = Case(current.target, current.call, candidate, current.number)
            exc, trial_stage = run_case(trial, min(timeout, 1.0))
            if classify(exc) == outcome and trial_stage == stage:
                current, improved = trial, True
                break
    return current


def fuzz(
    cases: Iterable[Case],
    *,
    timeout: float = 2.0,
    seconds: float | None = None,
    minimise_budget: float = 3.0,
    tally: Tally | None = None,
) -> Tally:
    """Run every case, counting outcomes by loader and keeping the first example of each.

    Args:
        cases: The cases to run (a generator is consumed lazily).
        timeout: Seconds each case may run before it counts as a `Timeout`.
        seconds: Stop taking cases after this long (None: run them all).
        minimise_budget: Seconds spent shrinking each first example (0: none).
        tally: Add to this tally instead of a new one.

    Returns:
        The tally.
    """
    tally = Tally() if tally is None else tally
    end = None if seconds is None else time.monotonic() + seconds
    for case in cases:
        if end is not None and time.monotonic() >= end:
            break
        _reset_peak()
        exc, stage = run_case(case, timeout)
        rss = _rss_mb()
        if rss > tally.peak_rss_mb:
            tally.peak_rss_mb, tally.peak_case = rss, f"{case.target}: {_shown(case.arg, 60)}"
        outcome = classify(exc)
        tally.inputs += 1
        tally.outcomes[case.target, outcome] += 1
        if outcome == DATA_ERROR and exc is not None:
            tally.longest_message = max(tally.longest_message, len(str(exc)))
        elif outcome not in ALLOWED and (outcome, case.target) not in tally.examples and exc:
            shown = case
            if minimise_budget > 0:
                shown = minimise(case, outcome, stage, budget=minimise_budget, timeout=timeout)
                if shown is not case:
                    exc = run_case(shown, timeout)[0] or exc
            tally.examples[outcome, case.target] = Example(
                target=case.target,
                stage=stage,
                message=_clip(str(exc), 200),
                where=_where(exc),
                arg=_shown(shown.arg),
                number=case.number,
            )
    return tally


# ----------------------------------------------------------------------------- inputs

EXAMPLE = dm.load_example()
FILE_TEXT = dm.to_json(EXAMPLE)
LOADER_CLASSES: tuple[type[Any], ...] = tuple(
    dict.fromkeys(
        [
            *testing.classes(),
            *(
                obj
                for name in dm.__all__
                if isinstance(obj := getattr(dm, name), type) and attrs.has(obj)
            ),
        ]
    )
)
FIELD_NAMES = sorted({a.name for cls in LOADER_CLASSES for a in attrs.fields(cls)})
STATE_TEXT = ["CN", "RU", "RUS", "156", "SU", "China", "Россия", "中国", "xx", "ZZ", "", " "]
DATE_TEXT = [
    "2024", "2024-08", "2024-08-21", "2024-02-30", "0000", "0001-01-01", "9999-12-31",
    "10000-01-01", "-1", "2024-13", "21 August 2024", "August 2024", "on Wednesday", "Wednesday",
    "last Friday", "1 October 1949", "29 February 2023", "2 октября 1949 года", "2024年8月21日",
    "1e400", "١٩٤٩", "２０２４", "24/08/21", "08/21/24", "99999999999999999999",
]  # fmt: skip
LOCALES = ["en", "ru", "zh", "zh_Hans", "zh-Hans", "fr", "pt-BR", "xx", "", "../..", "\x00"]
WORDS = [
    "co_chair", "communique", "agreement", "li-qiang", "cn-ru-heads-of-government-29",
    "dossier", "meeting", "head_of_government", "in_person", "trade", "diplomodel", "kind",
]  # fmt: skip


class Special:
    """A value with its own JSON text, where `json.dumps` cannot write it or writes it otherwise."""

    def __init__(self, value: Any, text: str) -> None:
        self.value, self.text = value, text

    def __repr__(self) -> str:
        return f"Special({_shown(self.text, 40)})"


def _nested(depth: int, inner: Any, kind: type) -> Any:
    for _ in range(depth):
        inner = [inner] if kind is list else {"a": inner}
    return inner


SPECIALS = [
    Special(10**5000 - 1, "9" * 5000),
    Special(-(10**5000) + 1, "-" + "9" * 5000),
    Special(math.nan, "NaN"),
    Special(math.inf, "Infinity"),
    Special(-math.inf, "-Infinity"),
    Special(math.inf, "1e400"),
    Special(_nested(5000, 1, list), "[" * 5000 + "1" + "]" * 5000),
    Special(_nested(5000, 1, dict), '{"a":' * 5000 + "1" + "}" * 5000),
]
PLAIN_SPECIALS: list[Any] = [
    None, True, False, 0, -1, 2**31, 2**63, 2**64 + 1, 10**300, 1.5, -0.0, 1e308, "",
    "\ud800", "a\udfffb", "\x00", "\u202e", "e\u0301", "x" * 100_000, "9" * 5000 + ".0",
    "2.0", "1.0", "99999.0", "x.y", "1.", *DATE_TEXT[:8], *STATE_TEXT[:6], *WORDS, [], {},
    [None], {"": None}, {"type": "communique"}, {"type": 1},
]  # fmt: skip


def clone(tree: Any) -> Any:
    """A copy of the containers of a tree (`Special`s and other leaves are shared)."""
    if isinstance(tree, dict):
        return {k: clone(v) for k, v in tree.items()}
    if isinstance(tree, list):
        return [clone(v) for v in tree]
    return tree


TEXTS = DATE_TEXT + STATE_TEXT + WORDS + [s for s in PLAIN_SPECIALS if isinstance(s, str)]


def to_value(tree: Any) -> Any:
    """The Python value of a tree holding `Special`s."""
    if isinstance(tree, Special):
        return tree.value
    if isinstance(tree, dict):
        return {k: to_value(v) for k, v in tree.items()}
    if isinstance(tree, list):
        return [to_value(v) for v in tree]
    return tree


def to_text(tree: Any, rng: random.Random) -> str:
    """JSON text of a tree holding `Special`s (written in place of a placeholder)."""
    texts: list[str] = []

    def mark(node: Any) -> Any:
        if isinstance(node, Special):
            texts.append(node.text)
            return f"\x01{len(texts) - 1}\x01"
        if isinstance(node, dict):
            return {k: mark(v) for k, v in node.items()}
        if isinstance(node, list):
            return [mark(v) for v in node]
        return node

    text = json.dumps(mark(tree), ensure_ascii=rng.random() < 0.5, allow_nan=True)
    return _PLACEHOLDER.sub(lambda match: texts[int(match[1])], text)  # one pass, however many


_PLACEHOLDER = re.compile(r'"\\u0001([0-9]+)\\u0001"')


def special(rng: random.Random, rare: float) -> Any:
    """A hazardous value: one of `SPECIALS` with probability `rare`, else a plain one (a copy)."""
    return rng.choice(SPECIALS) if rng.random() < rare else clone(rng.choice(PLAIN_SPECIALS))


def _scalar(rng: random.Random) -> Any:
    return rng.choices(
        [
            lambda: special(rng, 0.3),
            lambda: rng.randint(-(2**40), 2**40),
            lambda: rng.uniform(-1e6, 1e6),
            lambda: rng.choice(WORDS + DATE_TEXT + STATE_TEXT),
            lambda: "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(0, 12))),
        ],
        [2, 2, 1, 3, 2],
    )[0]()


def random_json(rng: random.Random, depth: int = 0) -> Any:
    """A random JSON value, biased to the model's keys and words."""
    roll = rng.random()
    if depth > 3 or roll < 0.45:
        return _scalar(rng)
    if roll < 0.7:
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    keys = [*FIELD_NAMES, "diplomodel", "kind", "x", ""]
    return {rng.choice(keys): random_json(rng, depth + 1) for _ in range(rng.randint(0, 6))}


def _containers(tree: Any) -> list[Any]:
    found, seen, stack = [], set(), [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict | list) and node and id(node) not in seen:
            seen.add(id(node))
            found.append(node)
            stack.extend(node.values() if isinstance(node, dict) else node)
    return found


def mutate(tree: Any, rng: random.Random) -> Any:
    """The tree (a fresh copy) with one to three changes in value."""
    tree = clone(tree)
    for _ in range(rng.randint(1, 3)):
        containers = _containers(tree)
        if not containers:
            return random_json(rng)
        node = rng.choice(containers)
        key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
        op = rng.random()
        if op < 0.35:
            node[key] = special(rng, 0.25)
        elif op < 0.55:
            node[key] = random_json(rng)
        elif op < 0.65 and isinstance(node, dict):
            del node[key]
        elif op < 0.75 and isinstance(node, dict):
            node[rng.choice([*FIELD_NAMES, "unknown", "\ud800", "id "])] = random_json(rng)
        elif op < 0.85:
            many = rng.choice([2, 50, 1000]) if not isinstance(node[key], dict | list) else 3
            node[key] = [node[key]] * many
        else:
            other = rng.choice(containers)
            chosen = rng.choice(list(other.values()) if isinstance(other, dict) else other)
            node[key] = clone(chosen)  # a copy: an ancestor placed within itself is no cycle
    return tree


def _flip_bits(text: str, rng: random.Random) -> bytes:
    raw = bytearray(text.encode("utf-8", "surrogatepass"))
    for _ in range(rng.randint(1, 4)):
        if raw:
            raw[rng.randrange(len(raw))] ^= 1 << rng.randrange(8)
    return bytes(raw)


def _insert(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    snippet = rng.choice(['"', ",", "}", "]", "\\", "\x00", "NaN", "\\ud800", "1e400", "-"])
    return text[:at] + snippet + text[at:]


def _duplicate_key(text: str, rng: random.Random) -> str:
    colons = [m.start() for m in re.finditer('": ', text)]
    if not colons:
        return text
    at = rng.choice(colons)
    key = text[text.rfind('"', 0, at) : at + 1]
    return text[: at + 3] + "1, " + key + ": " + text[at + 3 :]


def _cut(text: str, rng: random.Random) -> str:
    start = rng.randrange(len(text) + 1)
    return text[:start] + text[start + rng.randint(1, 50) :]


MANGLES: list[tuple[float, Callable[[str, random.Random], str | bytes]]] = [
    (15, lambda t, rng: t[: rng.randrange(len(t) + 1)]),  # truncated
    (15, _flip_bits),
    (15, _insert),
    (10, _duplicate_key),
    (10, lambda t, rng: t.encode(rng.choice(["utf-16", "utf-32", "latin-1", "cp1251"]), "replace")),
    (10, lambda t, rng: b"\xef\xbb\xbf" * rng.randint(1, 2) + t.encode("utf-8", "surrogatepass")),
    (10, _cut),
    (15, lambda t, _rng: t.encode("utf-8", "surrogatepass")),
]


def mangle(text: str, rng: random.Random) -> str | bytes:
    """The text with one change in its characters or bytes; sometimes bytes."""
    weights, changes = zip(*MANGLES, strict=True)
    return rng.choices(changes, weights)[0](text, rng)


# ----------------------------------------------------------------------------- loaders


def _from_dict(cls: type[Any], *, strict: bool) -> Callable[[Any], Any]:
    return lambda data: dm.from_dict(to_value(data), cls, strict=strict)


def _from_json(cls: type[Any], *, strict: bool) -> Callable[[Any], Any]:
    return lambda text: dm.from_json(text, cls, strict=strict)


def _jsonl(cls: type[Any], stream: str, errors: str) -> Callable[[bytes], Any]:
    def read(raw: bytes) -> Any:
        if stream == "bytes":
            source: Any = io.BytesIO(raw)
        elif stream == "text":
            source = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8", newline="")
        else:
            source = io.StringIO(raw.decode("utf-8", "replace"))
        reader = dm.iter_jsonl(source, cls, errors=errors)  # type: ignore[arg-type]
        records = list(reader)
        error = reader.error()
        if error is not None:
            raise error
        return records

    return read


def _load_path(path: Any) -> Any:
    return dm.Dossier.load(path)


def _jsonl_path(path: Any) -> Any:
    return list(dm.iter_jsonl(path, dm.Meeting, errors="collect"))


class Files:
    """A temporary folder for the file cases: written, loaded, removed."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="diplomodel-fuzz-")
        self.root = Path(self._dir.name)

    def load(self, suffix: str) -> Callable[[bytes], Any]:
        """A loader that writes its bytes to a file named with `suffix` and loads that."""

        def write_then_load(raw: bytes) -> Any:
            path = self.root / f"case{suffix}"
            path.write_bytes(raw)
            try:
                return dm.Dossier.load(path)
            finally:
                path.unlink()

        return write_then_load

    def close(self) -> None:
        """Remove the folder and everything in it."""
        self._dir.cleanup()


def fixed_cases(files: Files) -> list[Case]:
    """One case per known hazard: odd paths, special files, giant numbers, lone surrogates."""
    root = files.root
    fifo = root / "fifo.json"
    os.mkfifo(fifo)
    (root / "loop").symlink_to(root / "loop")
    (root / "folder").mkdir()
    paths: list[Any] = [
        None, b"dossier.json", b"\xff.json", "a\0b.json", Path("a\0b"), 123, 1.5, object(),
        "", ".", "/", str(root / "folder"), str(root / "missing.json"), str(root / "loop"),
        "a" * 5000, "\ud800.json", "/dev/null", "/proc/self/status", str(fifo), "/dev/zero",
    ]  # fmt: skip
    cases = [Case("Dossier.load(path)", _load_path, path) for path in paths]
    cases += [Case("iter_jsonl(path)", _jsonl_path, path) for path in paths]
    giant_version = '{"diplomodel": "' + "9" * 5000 + '.0", "kind": "dossier", "id": "d"}'
    meeting = dm.to_dict(EXAMPLE.meetings[0])
    texts = [
        giant_version,
        '{"diplomodel": "1e5", "kind": "dossier"}',
        '{"diplomodel": "-1.0", "kind": "dossier"}',
        FILE_TEXT.replace('"ordinal": 29', '"ordinal": ' + "9" * 5000),
        FILE_TEXT.replace('"Li Qiang"', '"Li \\ud800 Qiang"'),
        FILE_TEXT.replace('"Moscow"', '"\\udfff"'),
        "[" * 100_000,
    ]
    for text in texts:
        cases.append(Case("from_json(Dossier)", _from_json(dm.Dossier, strict=True), text))
        cases.append(Case("Dossier.load(file)", files.load(".json"), text.encode()))
    data = [
        {**meeting, "ordinal": 10**5000},
        {**meeting, "title": "\ud800"},
        {**meeting, "ordinal": math.nan},
    ]
    cases += [Case("from_dict(Meeting)", _from_dict(dm.Meeting, strict=True), d) for d in data]
    cases.append(
        Case("open_envelope", lambda d: dm.open_envelope(d, "dossier"), json.loads(giant_version))
    )
    bad_utf8 = b'{"id": "m\xff"}\n'
    for stream in ("bytes", "text"):
        for errors in ("raise", "collect"):
            target = f"iter_jsonl({stream}, {errors})"
            cases.append(Case(target, _jsonl(dm.Meeting, stream, errors), bad_utf8))
    cases += [
        Case("parse_date", dm.parse_date, text) for text in ("", "x", "31 February 2024", "\ud800")
    ]
    cases += [Case("load_example", dm.load_example, name) for name in ("nope", "", "../x", "\0")]
    cases += [Case("Dossier.meeting", EXAMPLE.meeting, "nope")]
    cases += [
        Case("validate(disable)", lambda codes: dm.validate(EXAMPLE, disable=codes), ["DM999"])
    ]
    return cases


@dataclass
class Pool:
    """Seeds for mutation: the example dossier and objects drawn from diplomodel.testing."""

    by_class: dict[type[Any], list[Any]]
    file: dict[str, Any]
    report: str

    @classmethod
    def build(cls, seed: int, per_class: int) -> Pool:
        """Draw `per_class` objects of every strategy, reproducibly from `seed`."""
        from hypothesis import HealthCheck, Phase, given, settings
        from hypothesis import seed as hypothesis_seed

        by_class: dict[type[Any], list[Any]] = {}
        quiet = settings(
            database=None,
            max_examples=per_class,
            phases=[Phase.generate],
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        found: list[Any] = []

        def keep(obj: Any) -> None:
            found.append(obj)

        for kind in testing.classes():
            found.clear()
            hypothesis_seed(seed)(quiet(given(obj=testing.from_class(kind))(keep)))()
            by_class[kind] = [dm.to_dict(obj) for obj in found]
        by_class[dm.Dossier].append(dm.to_dict(EXAMPLE))
        for table in ("meetings", "documents", "people", "relations", "statements"):
            for obj in getattr(EXAMPLE, table):
                by_class.setdefault(type(obj), []).append(dm.to_dict(obj))
        broken = dm.Dossier(id="d", title="D", meetings=(EXAMPLE.meetings[0],))
        report = dm.validate(broken)
        by_class[dm.Report] = [dm.to_dict(report)]
        by_class[dm.Finding] = [dm.to_dict(f) for f in report.findings]
        return cls(by_class=by_class, file=json.loads(FILE_TEXT), report=report.to_json())


@dataclass(frozen=True)
class Draw:
    """What one generated case is made from: its random source, a class and a seed of it."""

    rng: random.Random
    pool: Pool
    files: Files
    kind: type[Any]
    tree: Any
    strict: bool

    @property
    def name(self) -> str:
        """The class's name, for the loader's label."""
        return self.kind.__name__


Made = tuple[str, Callable[[Any], Any], Any]


def _mutated_dict(d: Draw) -> Made:
    return f"from_dict({d.name})", _from_dict(d.kind, strict=d.strict), mutate(d.tree, d.rng)


def _random_dict(d: Draw) -> Made:
    return f"from_dict({d.name})", _from_dict(d.kind, strict=d.strict), random_json(d.rng)


def _mutated_json(d: Draw) -> Made:
    text = to_text(mutate(d.tree, d.rng), d.rng)
    arg = mangle(text, d.rng) if d.rng.random() < 0.5 else text
    return f"from_json({d.name})", _from_json(d.kind, strict=d.strict), arg


def _file_dict(d: Draw) -> Made:
    return "Dossier.from_file_dict", dm.Dossier.from_file_dict, to_value(mutate(d.pool.file, d.rng))


def _envelope(d: Draw) -> Made:
    wanted = d.rng.choice(["dossier", "dossier", "meeting", "", "\ud800"])
    data = mutate(d.pool.file, d.rng)
    return "open_envelope", lambda data: dm.open_envelope(to_value(data), wanted), data


def _file(d: Draw) -> Made:
    raw = mangle(to_text(mutate(d.pool.file, d.rng), d.rng), d.rng)
    raw = raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogatepass")
    return "Dossier.load(file)", d.files.load(d.rng.choice([".json", ".jsonl", ""])), raw


def _lines(d: Draw) -> Made:
    lines = []
    for _ in range(d.rng.randint(1, 6)):
        tree = mutate(d.tree, d.rng) if d.rng.random() < 0.7 else d.tree
        text = to_text(tree, d.rng)
        piece = mangle(text, d.rng) if d.rng.random() < 0.3 else text
        lines.append(piece if isinstance(piece, bytes) else piece.encode("utf-8", "surrogatepass"))
    stream = d.rng.choice(["bytes", "text", "str"])
    errors = d.rng.choice(["raise", "collect"])
    return f"iter_jsonl({stream}, {errors})", _jsonl(d.kind, stream, errors), b"\n".join(lines)


def _report(d: Draw) -> Made:
    return "Report.from_json", dm.Report.from_json, mangle(d.pool.report, d.rng)


def _text(d: Draw) -> Made:
    """The text loaders: dates, weekdays, states, examples and dossier lookups."""
    rng = d.rng
    text = rng.choice(TEXTS)
    if text and rng.random() < 0.5:
        mangled = mangle(text, rng)
        text = mangled if isinstance(mangled, str) else mangled.decode("utf-8", "replace")
    dateline = rng.choice([None, date(2024, 8, 21), date(1, 1, 1), date(9999, 12, 31)])
    locale = rng.choice(LOCALES) if rng.random() < 0.1 else rng.choice(["en", "ru", "zh"])
    dayfirst = rng.choice([None, True, False])
    direction = rng.choice(["past", "future"])
    method = rng.choice(["meeting", "person", "document", "office", "committee", "statement"])
    codes = [text, "DM101"] if rng.random() < 0.5 else ["DM101"]
    made: list[tuple[float, Made]] = [
        (
            35,
            (
                "parse_date",
                lambda t: dm.parse_date(t, dateline=dateline, locale=locale, dayfirst=dayfirst),
                text,
            ),
        ),
        (
            10,
            (
                "resolve_weekday",
                lambda t: dm.resolve_weekday(t, dateline or date(2024, 8, 21), direction),  # type: ignore[arg-type]
                text,
            ),
        ),
        (15, ("states.lookup", dm.states.lookup, text)),
        (5, ("states.get", dm.states.get, text)),
        (10, ("PartialDate.parse", dm.PartialDate.parse, text)),
        (5, ("load_example", dm.load_example, text)),
        (10, (f"Dossier.{method}", getattr(EXAMPLE, method), text)),
        (10, ("validate(disable)", lambda c: dm.validate(EXAMPLE, disable=c), codes)),
    ]
    weights, cases = zip(*made, strict=True)
    return rng.choices(cases, weights)[0]


BUILDERS: list[tuple[float, Callable[[Draw], Made]]] = [
    (30, _mutated_dict),
    (15, _mutated_json),
    (7, _random_dict),
    (4, _file_dict),
    (4, _envelope),
    (8, _file),
    (10, _lines),
    (2, _report),
    (20, _text),
]


def generated_case(number: int, seed: int, pool: Pool, files: Files) -> Case:
    """Case `number` of a run with `seed`: the same on every run."""
    rng = random.Random(f"{seed}:{number}")
    strict = rng.random() < 0.8
    kind = rng.choice([kind for kind in LOADER_CLASSES if pool.by_class.get(kind)])
    tree = rng.choice(pool.by_class[kind])
    if rng.random() < 0.2:
        kind = rng.choice(LOADER_CLASSES)
    weights, builders = zip(*BUILDERS, strict=True)
    builder = rng.choices(builders, weights)[0]
    target, call, arg = builder(Draw(rng, pool, files, kind, tree, strict))
    return Case(target, call, arg, number)


def generated_cases(
    count: int, seed: int, pool: Pool, files: Files, *, every: int = 0
) -> Iterator[Case]:
    """`count` generated cases, numbered from 0 (telling standard error `every` so many)."""
    started = time.monotonic()
    for number in range(count):
        if every and number and number % every == 0:
            elapsed = time.monotonic() - started
            print(f"{number} generated inputs in {elapsed:.0f} s", file=sys.stderr, flush=True)
        yield generated_case(number, seed, pool, files)


def big_cases(files: Files) -> list[Case]:
    """The resource cases of issue 11: many records, many keys, many lines."""
    empty = b'{"id": "d", "title": "D", "meetings": [' + b",".join([b"{}"] * 600_000) + b"]}"
    keys = "{" + ", ".join(f'"k{i}": 1' for i in range(1_000_000)) + "}"
    lines = b"{}\n" * 1_000_000
    return [
        Case("big: 600 000 empty meetings (Dossier.load)", files.load(".json"), empty),
        Case(
            "big: 10^6 unknown keys (from_json Meeting)", _from_json(dm.Meeting, strict=True), keys
        ),
        Case(
            "big: 10^6 bad lines (iter_jsonl collect)",
            _jsonl(dm.Meeting, "bytes", "collect"),
            lines,
        ),
    ]


# ----------------------------------------------------------------------------- report


def print_table(tally: Tally) -> None:
    """Outcomes by loader, then the first example of each exception that is not allowed."""
    targets = sorted({target for target, _ in tally.outcomes})
    width = max([len(t) for t in targets] + [20])
    print(f"{'loader':<{width}} {OK:>8} {DATA_ERROR:>10} {LOOKUP:>8} {'other':>8}")
    for target in targets:
        other = sum(n for (t, o), n in tally.outcomes.items() if t == target and o not in ALLOWED)
        counts = [tally.outcomes[target, OK], tally.outcomes[target, DATA_ERROR]]
        counts += [tally.outcomes[target, LOOKUP], other]
        print(
            f"{target:<{width}} "
            + " ".join(f"{n or '':>{w}}" for n, w in zip(counts, (8, 10, 8, 8), strict=True))
        )
    print(f"\n{tally.inputs} inputs, {tally.non_dataerror} ended in another exception")
    for outcome, total in sorted(tally.by_type.items()):
        print(f"\n{outcome} × {total}")
        for (kind, target), example in sorted(tally.examples.items()):
            if kind != outcome:
                continue
            replay = "" if example.number is None else f", replay: --case {example.number}"
            print(f"  {target} × {tally.outcomes[target, outcome]}{replay}")
            print(f"    at {example.stage}, raised in {example.where}: {example.message}")
            print(f"    input: {example.arg}")
    for name, figures in tally.big.items():
        print(f"\n{name}: {figures}")
    print(f"\npeak RSS {tally.peak_rss_mb:.0f} MB (first reached in {tally.peak_case})")


def run_alone(case: Case, timeout: float, tally: Tally) -> None:
    """Run a large case in a child process, so that its peak memory is its own."""
    began = time.monotonic()
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run the case, send the tally back, leave at once
        os.close(read)
        try:
            alone = fuzz([case], timeout=timeout, minimise_budget=0)
            found = [(o, e.__dict__) for (o, _t), e in alone.examples.items()]
            message = {"outcomes": [o for _t, o in alone.outcomes], "examples": found}
            message |= {"peak": alone.peak_rss_mb, "longest": alone.longest_message}
            with os.fdopen(write, "w") as pipe:
                json.dump(message, pipe)
        finally:
            os._exit(0)
    os.close(write)
    # Near its memory limit a case can turn every alarm into a MemoryError that it swallows:
    # the child then gets twice its time and is killed, and that counts as a Timeout.
    with os.fdopen(read) as pipe:
        ready, _, _ = select.select([pipe], [], [], 2 * timeout + 10)
        text = pipe.read() if ready else ""
    if not ready:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    died = "Timeout" if not ready else "ChildDied"
    message = json.loads(text) if text else {"outcomes": [died], "examples": []}
    (outcome,) = message["outcomes"]
    tally.inputs += 1
    tally.outcomes[case.target, outcome] += 1
    for kind, example in message["examples"]:
        tally.examples[kind, case.target] = Example(**example)
    peak = message.get("peak", 0.0)
    if peak > tally.peak_rss_mb:
        tally.peak_rss_mb, tally.peak_case = peak, case.target
    tally.big[case.target] = {
        "outcome": outcome,
        "seconds": round(time.monotonic() - began, 1),
        "peak_rss_mb": round(peak, 1),
        "longest_dataerror_message": message.get("longest", 0),
    }


def _limit_memory(megabytes: int) -> None:
    if megabytes <= 0:
        return
    limit = megabytes * 1024 * 1024
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard < 0 else min(limit, hard), hard))


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer from the command line; 1 if any exception was not allowed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="generated inputs")
    parser.add_argument("--seconds", type=float, default=None, help="budget for generated inputs")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=2.0, help="seconds per case")
    parser.add_argument("--minimise", type=float, default=1.0, help="seconds to shrink an example")
    parser.add_argument("--big-timeout", type=float, default=60.0, help="seconds per big case")
    parser.add_argument("--memory-limit-mb", type=int, default=1536, help="0: no limit")
    parser.add_argument("--per-class", type=int, default=8, help="seed objects per class")
    parser.add_argument("--no-big", action="store_true", help="skip the large resource cases")
    parser.add_argument("--no-fixed", action="store_true", help="skip the fixed corpus")
    parser.add_argument("--case", type=int, default=None, help="replay one generated case")
    args = parser.parse_args(argv)

    _limit_memory(args.memory_limit_mb)
    started = time.monotonic()
    files = Files()
    try:
        pool = Pool.build(args.seed, args.per_class)
        if args.case is not None:
            case = generated_case(args.case, args.seed, pool, files)
            print(f"{case.target}: {_shown(case.arg, 2000)}")
            exc, stage = run_case(case, args.timeout)
            if exc is not None:
                traceback.print_exception(exc)
            print(f"{classify(exc)} at {stage}")
            return int(classify(exc) not in ALLOWED)
        budget = args.minimise
        fixed = [] if args.no_fixed else fixed_cases(files)
        tally = fuzz(fixed, timeout=args.timeout, minimise_budget=budget)
        generated = generated_cases(args.count, args.seed, pool, files, every=10_000)
        fuzz(
            generated,
            timeout=args.timeout,
            seconds=args.seconds,
            minimise_budget=budget,
            tally=tally,
        )
        if not args.no_big:
            for case in big_cases(files):
                run_alone(case, args.big_timeout, tally)
    finally:
        files.close()
    print_table(tally)
    print(f"\n{time.monotonic() - started:.0f} s")
    print(json.dumps(tally.summary(), ensure_ascii=False))
    return int(tally.non_dataerror > 0)


if __name__ == "__main__":
    sys.exit(main())
