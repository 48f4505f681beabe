"""Differential test of the generated structure functions against cattrs' own, on many inputs.

`diplomodel.serialization.make_converter` reads attrs classes with functions
generated per class (`diplomodel._structure`); `reference_converter` reads
them as before, with cattrs' generated functions and each class's attrs
``__init__`` and validators. For every input this script asks both, strict
and lenient, and requires the same decision (accept or reject) and, when
both accept, equal objects of the same class, which both converters then
write as the same JSON bytes (the generated unstructure functions of
`diplomodel._unstructure` against cattrs' own), as `to_json_bytes` and
`to_json` (the one-pass writer) also write them, and the writer of each
model object inside another. A last pass writes as many accepted objects,
and every model object inside each, with all the writers.

The inputs are valid objects of every class (drawn from
`diplomodel.testing`, and the bundled example dossiers) as JSON-ready data,
each mutated zero to three times: a key dropped, an unknown key added, a
value replaced with one of another JSON type or with a near miss of a valid
value (a date the calendar lacks, a state code in lower case, text with an
outer space, a repeated item, an id used twice), items repeated, reordered
or dropped, an object swapped for another class's.

    python benchmarks/differential.py              # 100 000 inputs
    python benchmarks/differential.py -n 5000      # fewer

``tests/test_structure.py`` runs the same comparison on fewer inputs
(``DIFFERENTIAL_N``, default 3 000). It also compares `parse_json`, which
takes orjson's parse when it can prove it equal, with the strict parser on
as many JSON texts, written several ways and some with a flaw at the text
level (a key twice, a long integer, a byte-order mark, a lone surrogate,
NaN, a cut). The last line printed is JSON.
"""

import argparse
import copy
import importlib.util
import json
import random
import sys
import time
import warnings
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

import diplomodel as dm
from diplomodel._jsontext import UNPROVED, proved_loads, strict_loads
from diplomodel._tables import EXAMPLES
from diplomodel._unstructure import JsonWriter
from diplomodel.dossier import load_example
from diplomodel.serialization import make_converter, parse_json, reference_converter

NEAR_MISSES: tuple[Any, ...] = (
    None,
    True,
    False,
    0,
    -1,
    1,
    29,
    1_000_001,
    2.5,
    "",
    " ",
    "x",
    "x ",
    "RU",
    "ru",
    "XX",
    "SU",
    "org:SCO",
    "org:sco",
    "body:cn-mofa",
    "body:CN",
    "body:",
    "2024",
    "2024-02-29",
    "2023-02-29",
    "0000",
    "2024-13",
    "2024-8-1",
    "co_chair",
    "communique",
    "cooperation_agreement",
    "annual",
    "in_person",
    "zh_Hant",
    "zh-Hans",
    "https://example.org/a",
    "a" * 501,
    "\ud800",
    [],
    {},
    ["RU", "RU"],
    ["RU", "CN"],
    {"ru": "Россия"},
    {"xx": "X"},
)
"""Values that are right in one place and wrong in others."""


def _fuzz_harness() -> Any:
    """The fuzz harness beside this script, whose pool of seeds this comparison shares."""
    spec = importlib.util.spec_from_file_location(
        "diplomodel_fuzz", Path(__file__).with_name("fuzz.py")
    )
    assert spec is not None
    assert spec.loader is not None
    module = sys.modules.get(spec.name)
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up by name
        spec.loader.exec_module(module)
    return module


def seeds(per_class: int, seed: int) -> dict[type[Any], list[Any]]:
    """JSON-ready valid objects of every class: the fuzz harness's pool, and every example."""
    pool: dict[type[Any], list[Any]] = _fuzz_harness().Pool.build(seed, per_class).by_class
    for name in EXAMPLES:
        example = load_example(name)
        pool.setdefault(dm.Dossier, []).append(dm.to_dict(example))
        for obj in _inside(example):
            pool.setdefault(type(obj), []).append(dm.to_dict(obj))
    return pool


def _inside(obj: Any) -> Iterator[Any]:
    """Every attrs object held in `obj`, nested ones included."""
    import attrs

    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        for item in value if isinstance(value, tuple) else (value,):
            if attrs.has(type(item)):
                yield item
                yield from _inside(item)


def _spots(tree: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value inside a JSON tree (the root is the empty path)."""
    yield path
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield from _spots(value, (*path, key))
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield from _spots(value, (*path, index))


def _get(tree: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        tree = tree[step]
    return tree


def mutate(tree: Any, rng: random.Random, pool: dict[type[Any], list[Any]]) -> Any:  # noqa: C901, PLR0912 - one branch per kind of edit
    """`tree` with one random edit (a copy; `tree` is left as it was)."""
    tree = copy.deepcopy(tree)
    path = rng.choice(list(_spots(tree)))
    if not path:
        return rng.choice([*NEAR_MISSES, rng.choice(rng.choice(list(pool.values())) or [{}])])
    parent, key = _get(tree, path[:-1]), path[-1]
    value = parent[key]
    edit = rng.randrange(9)
    if edit == 0 and isinstance(parent, dict):
        del parent[key]
    elif edit == 1 and isinstance(parent, dict):
        parent[rng.choice(["extra", "type", "id", "names", key + "_"])] = copy.deepcopy(value)
    elif edit == 2 and isinstance(value, list) and value:
        choice = rng.randrange(4)
        if choice == 0:
            value.append(copy.deepcopy(rng.choice(value)))
        elif choice == 1:
            rng.shuffle(value)
        elif choice == 2:
            value.pop(rng.randrange(len(value)))
        else:
            value.reverse()
    elif edit == 3 and isinstance(value, str):
        parent[key] = rng.choice([value.lower(), value.upper(), f" {value}", value[:-1], value * 2])
    elif edit == 4 and isinstance(value, dict) and value:
        other = rng.choice(list(pool.values()))
        if other:
            parent[key] = copy.deepcopy(rng.choice(other))
    elif edit == 5 and isinstance(parent, list) and len(parent) > 1:
        other = rng.randrange(len(parent))
        if isinstance(value, dict) and isinstance(parent[other], dict) and "id" in value:
            parent[other] = dict(parent[other], id=value["id"])  # one id used twice
        else:
            parent[other] = copy.deepcopy(value)
    elif edit == 6 and isinstance(value, list):
        parent[key] = tuple(value) if rng.random() < 0.5 else {"0": value}
    elif edit == 7 and isinstance(value, dict):
        parent[key] = _Mapping(value)
    else:
        parent[key] = rng.choice(NEAR_MISSES)
    return tree


class _Mapping(dict):  # type: ignore[type-arg]
    """A dict of another class: what a caller of from_dict may pass."""


class _Refusal:
    """Why a converter refused an input: shown when the two disagree, equal to any other refusal."""

    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Refusal)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self.exc).__name__}: {str(self.exc)[:500]}"


def outcome(converter: Any, data: Any, kind: type[Any]) -> tuple[str, Any]:
    """("ok", object) or ("rejected", the refusal): what a converter makes of the input."""
    try:
        return "ok", converter.structure(data, kind)
    except Exception as exc:  # noqa: BLE001 - any refusal counts as one
        return "rejected", _Refusal(exc)


def written(converter: Any, obj: Any, option: int = 0) -> bytes:
    """The JSON a converter writes for an object, as `to_json_bytes` did (documents tagged)."""
    kind = dm.Document if isinstance(obj, dm.Document) else type(obj)
    return orjson.dumps(converter.unstructure(obj, kind), option=option)


def written_otherwise(fast: Any, reference: Any, obj: Any, writer: JsonWriter) -> str | None:
    """Which writer, if any, writes `obj` otherwise than cattrs' own functions.

    The generated unstructure functions (`to_dict`'s path), the one-pass
    writer of `to_json_bytes` and `to_json` (the writer of the object asked
    for), compact and indented, and the writer `JsonWriter.default` uses for
    a model object inside another (nested objects inlined, tuples left to
    orjson; `writer`, made from `fast`), compact and indented.
    """
    want = written(reference, obj)
    indented = written(reference, obj, orjson.OPT_INDENT_2)
    if written(fast, obj) != want:
        return "unstructure"
    if dm.to_json_bytes(obj) != want:
        return "to_json_bytes"
    if dm.to_json(obj).encode() != indented:
        return "to_json"
    if writer.top(obj) is not None:  # a model object
        for option, text in ((0, want), (orjson.OPT_INDENT_2, indented)):
            if orjson.dumps(writer.default(obj), default=writer.default, option=option) != text:
                return "JsonWriter.default"
    return None


def compare(count: int, seed: int = 17, per_class: int = 6) -> Counter[str]:
    """Compare the converters on `count` inputs; raise AssertionError at the first disagreement."""
    rng = random.Random(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pool = seeds(per_class, seed)
    pairs = [
        (make_converter(strict=strict), reference_converter(strict=strict))
        for strict in (True, False)
    ]
    writers = [JsonWriter(fast) for fast, _ in pairs]
    kinds = [kind for kind, items in pool.items() if items]
    tally: Counter[str] = Counter()
    for n in range(count):
        kind = rng.choice(kinds)
        data = rng.choice(pool[kind])
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            data = mutate(data, rng, pool)
        target = dm.Document if issubclass(kind, dm.Document) and rng.random() < 0.5 else kind
        fast, reference = pairs[n % 2]
        got, want = outcome(fast, data, target), outcome(reference, data, target)
        same = got[0] == want[0] and type(got[1]) is type(want[1]) and got[1] == want[1]
        writer = (
            written_otherwise(fast, reference, got[1], writers[n % 2])
            if same and got[0] == "ok"
            else None
        )
        if writer is not None:
            got = (f"written otherwise by {writer}", None)
            same = False
        if not same:
            shown = json.dumps(data, default=repr, ensure_ascii=False)[:2000]
            message = (
                f"{target.__name__}: generated {got[0]}, reference {want[0]} on {shown} "
                f"(generated: {got[1]!r}; reference: {want[1]!r})"
            )
            raise AssertionError(message)
        tally[want[0]] += 1
    return tally


def compare_write(count: int, seed: int = 17, per_class: int = 6) -> int:
    """Write `count` objects with every writer and compare; raise AssertionError at a difference.

    The objects are the inputs of `compare` that the generated converter
    accepts, and every model object inside each; returns how many were written.
    """
    rng = random.Random(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pool = seeds(per_class, seed)
    fast, reference = make_converter(), reference_converter()
    one_pass = JsonWriter(fast)
    kinds = [kind for kind, items in pool.items() if items]
    done = 0
    while done < count:
        kind = rng.choice(kinds)
        data = rng.choice(pool[kind])
        for _ in range(rng.choice((0, 1, 1, 2))):
            data = mutate(data, rng, pool)
        status, obj = outcome(fast, data, dm.Document if issubclass(kind, dm.Document) else kind)
        if status != "ok":
            continue
        for item in (obj, *_inside(obj)):
            writer = written_otherwise(fast, reference, item, one_pass)
            if writer is not None:
                shown = written(reference, item)[:2000].decode(errors="replace")
                raise AssertionError(f"{type(item).__name__}: {writer} writes otherwise: {shown}")
            done += 1
    return done


def _texts(tree: Any, rng: random.Random) -> bytes:
    """JSON text of `tree`, written one of several ways, sometimes with a text-level flaw."""
    form = rng.randrange(4)
    try:
        if form == 0:
            raw = orjson.dumps(tree, default=dict)
        elif form == 1:
            raw = orjson.dumps(tree, default=dict, option=orjson.OPT_INDENT_2) + b"\n"
        else:
            text = json.dumps(tree, ensure_ascii=form == 2, indent=rng.choice((None, 2)))
            raw = text.encode("utf-8", "surrogatepass")
    except TypeError:  # a lone surrogate, which orjson does not write
        raw = json.dumps(tree).encode()
    flaw = rng.randrange(8)
    if flaw == 0 and raw.startswith(b'{"'):
        key = raw[1 : raw.index(b'"', 2) + 1]
        raw = b"{" + key + b":0," + raw[1:]  # the first key twice
    elif flaw == 1:
        raw = raw.replace(b"1", b"9" * rng.choice((19, 20, 21)), 1)
    elif flaw == 2:
        raw = b"\xef\xbb\xbf" + raw
    elif flaw == 3:
        raw = raw.replace(b'"', b'"\\ud83d', 1) if rng.random() < 0.5 else raw + b" "
    elif flaw == 4:
        raw = raw[: rng.randrange(len(raw) + 1)]
    elif flaw == 5:
        raw = raw.replace(b"0", rng.choice((b"NaN", b"1e400", b"-0", b"0.0")), 1)
    return raw


def _parsed(raw: bytes | str, parse: Any) -> str:
    try:
        return repr(parse(raw))  # repr tells 1 from 1.0, and shows key order
    except dm.DataError:
        return "rejected"
    except (ValueError, RecursionError):
        return "rejected"


def _strict(raw: bytes) -> Any:
    return strict_loads(raw.decode("utf-8-sig"))


def compare_parse(count: int, seed: int = 17, per_class: int = 3) -> Counter[str]:
    """Compare parse_json with the strict parser on `count` texts; raise at the first difference."""
    rng = random.Random(seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pool = seeds(per_class, seed)
    trees = [tree for items in pool.values() for tree in items]
    tally: Counter[str] = Counter()
    for _ in range(count):
        tree = rng.choice(trees)
        for _ in range(rng.choice((0, 1, 2))):
            tree = mutate(tree, rng, pool)
        raw = _texts(tree, rng)
        got, want = _parsed(raw, parse_json), _parsed(raw, _strict)
        if got != want:
            raise AssertionError(f"parse_json: {got[:200]}; strict: {want[:200]}; on {raw[:500]!r}")
        tally["proved" if proved_loads(raw) is not UNPROVED else "unproved"] += 1
        try:
            text = raw.decode("utf-8", "surrogatepass")  # the same text given as str
        except UnicodeDecodeError:  # a text-level flaw: no str holds these bytes
            continue
        got, want = _parsed(text, parse_json), _parsed(text, strict_loads)
        if got != want:
            raise AssertionError(f"as str: {got[:200]}; strict: {want[:200]}; on {text[:500]!r}")
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000, help="how many inputs")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    start = time.perf_counter()
    tally = compare(args.n, args.seed)
    parses = compare_parse(args.n, args.seed)
    writes = compare_write(args.n, args.seed)
    elapsed = time.perf_counter() - start
    print(
        f"{args.n} inputs: the same decision on every one "
        f"({tally['ok']} accepted with equal objects, {tally['rejected']} rejected)"
    )
    print(
        f"{args.n} texts: parse_json read each as the strict parser does "
        f"({parses['proved']} through orjson, {parses['unproved']} through the strict parser)"
    )
    print(
        f"{writes} objects (accepted inputs and every object inside them): to_dict, "
        "to_json, to_json_bytes and JsonWriter.default (nested) wrote each as cattrs' own "
        "functions do"
    )
    summary = {"inputs": args.n, **tally, **parses, "written": writes}
    print(json.dumps({**summary, "seconds": round(elapsed, 1)}))
    sys.exit(0)


if __name__ == "__main__":
    main()
