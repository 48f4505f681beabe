"""JSON text as diplomodel reads and writes it: the strict parser's hooks and the writers.

Private to `serialization`, which wraps them in `parse_json`, `dumps` and
`dumps_bytes` and turns their errors into `DataError`.
"""

from __future__ import annotations

import json
from typing import Any, Final

__all__ = ["MAX_INT_DIGITS", "orjson_dumps", "stdlib_dumps", "strict_loads"]


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
