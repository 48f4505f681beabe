"""JSON text as diplomodel reads and writes it: the strict parser's hooks and the writers.

Private to `serialization`, which wraps them in `parse_json`, `dumps` and
`dumps_bytes` and turns their errors into `DataError`.
"""

from __future__ import annotations

import json
from typing import Any, Final

__all__ = [
    "MAX_INT_DIGITS",
    "UNPROVED",
    "orjson_dumps",
    "proved_loads",
    "proved_piece",
    "stdlib_dumps",
    "strict_loads",
]


def _load_orjson() -> Any:
    try:
        import orjson  # noqa: PLC0415 - optional accelerator, looked for once
    except ImportError:
        return None
    return orjson


_orjson: Any = _load_orjson()


def orjson_dumps(data: Any, indent: int | None) -> bytes | None:
    """Orjson's bytes for the indents it offers, or None to leave it to the standard library."""
    if _orjson is None or indent not in (None, 2):
        return None
    try:
        raw: bytes = _orjson.dumps(data, option=_orjson.OPT_INDENT_2 if indent == 2 else 0)
    except TypeError:  # e.g. an integer too large for orjson
        return None
    return raw


def stdlib_dumps(data: Any, indent: int | None) -> str:
    if indent is None:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(data, ensure_ascii=False, indent=indent)


MAX_INT_DIGITS: Final = 20
"""The most digits of an integer in a file: 64-bit integers have at most 20."""


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in diplomodel files")


def _parse_int(text: str) -> int:
    digits = len(text) - text.startswith("-")
    if digits > MAX_INT_DIGITS:
        raise ValueError(
            f"an integer of {digits:,} digits is too large (at most {MAX_INT_DIGITS} digits)"
        )
    return int(text)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(f"duplicate key {key!r} in an object")
            seen.add(key)
    return result


def strict_loads(text: str) -> Any:
    """`json.loads` refusing NaN and Infinity, repeated keys and integers past 20 digits.

    Raises:
        ValueError: What is wrong (`json.JSONDecodeError` for malformed text).
    """
    return json.loads(
        text,
        parse_constant=_reject_constant,
        parse_int=_parse_int,
        object_pairs_hook=_unique_keys,
    )


UNPROVED: Final = object()
"""What `proved_loads` returns when it cannot prove its parse is `strict_loads`'."""

_NEWLINE: Final = 0x0A


def proved_loads(raw: bytes | str) -> Any:
    """Orjson's parse of `raw` when it is provably the value `strict_loads` gives; else UNPROVED.

    Text given as `str` is proved as its UTF-8 bytes are (encoded only once
    it may be orjson's writing).

    Orjson parses several times faster, but it keeps the last of two equal
    keys, reads integers past 64 bits as floats and refuses lone surrogates,
    where `strict_loads` refuses the first two and reads the third. The
    proof: writing the parsed value back gives exactly `raw` (compact, or
    indented by two spaces, with at most a final newline), as it does for
    every file diplomodel writes. Text that orjson writes is read by both
    parsers to the same value (no repeated keys, integers of at most 20
    digits, floats that read back exactly, no NaN), so the two agree on it.
    Any other text, and any orjson error, is UNPROVED: the caller parses it
    with `strict_loads`, which also words the error.

    >>> proved_loads(b'{"a":[1,"x"]}') if _orjson else {"a": [1, "x"]}
    {'a': [1, 'x']}
    >>> proved_loads(b'{"a":1,"a":2}') is UNPROVED
    True
    """
    if _orjson is None or not _may_prove(raw):
        return UNPROVED
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogatepass")  # a lone surrogate: bytes orjson refuses
    try:
        value = _orjson.loads(raw)
    except _orjson.JSONDecodeError:
        return UNPROVED
    end = len(raw) - 1 if raw[-1:] == b"\n" else len(raw)
    indented = raw[1:2] == b"\n" and raw[:1] in (b"{", b"[")
    again: bytes = _orjson.dumps(value, option=_orjson.OPT_INDENT_2 if indented else 0)
    if len(again) == end and raw.startswith(again):  # bytes compare at memcmp's pace
        return value
    return UNPROVED


def _may_prove(raw: bytes | str) -> bool:
    """Whether `raw` may be orjson's writing, judged from its start: not worth parsing twice if not.

    Compact text has no space after a colon or a comma; indented text starts
    a new line after its first bracket. Text written otherwise (``json.dumps``
    with its default separators) goes to the strict parser at once, without
    orjson's parse and the copy that would fail to prove it.
    """
    head = raw[:4096]
    if isinstance(head, str):
        head = head.encode("utf-8", "surrogatepass")
    return head[1:2] == b"\n" or (b'": ' not in head and b'", "' not in head)


def proved_piece(raw: bytes, depth: int) -> Any:
    r"""The value of one piece of an indented text, proved as `proved_loads` proves a whole one.

    `raw` is a value as it stands at `depth` in text indented by two spaces,
    from its first byte to its last (``{`` to ``}``, with every line after
    the first indented by ``2 * depth`` more spaces): the piece of a file
    that `save` wrote. It is proved when writing its parse back, indented
    for that depth, gives exactly `raw`; a text made only of proved pieces
    (and the indented text between them) is one that `proved_loads` proves.
    Without orjson the piece is read by `strict_loads`, the parser of the
    whole text, which refuses what it refuses. Anything else is UNPROVED.

    >>> proved_piece(b'{\n    "a": 1\n  }', 1)
    {'a': 1}
    >>> proved_piece(b'{\n    "a": 1,\n    "a": 2\n  }', 1) is UNPROVED
    True
    """
    if _orjson is None:
        try:
            return strict_loads(raw.decode())
        except ValueError:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            return UNPROVED
        except RecursionError:
            return UNPROVED
    try:
        value = _orjson.loads(raw)
    except _orjson.JSONDecodeError:
        return UNPROVED
    again: bytes = _orjson.dumps(value, option=_orjson.OPT_INDENT_2)
    if depth:
        again = again.replace(b"\n", b"\n" + b"  " * depth)
    return value if again == raw else UNPROVED
