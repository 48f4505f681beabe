"""The built-in migrations of the file format, one major version at a time. Private.

`diplomodel.serialization.MIGRATIONS` is the public table of them.
"""

from __future__ import annotations

from typing import Any, Final

__all__ = ["from_bare_object", "from_v1"]


def from_bare_object(body: dict[str, Any]) -> dict[str, Any]:
    """A bare object (version 0) is already a version 1 body."""
    return body


_V1_KINDS: Final = {
    # v1 kind: the v2 fields that say the same thing
    "video_conference": {"kind": "talks", "format": "video_link"},
    "phone_call": {"kind": "phone_call", "format": "phone"},
    "ministerial_meeting": {"kind": "talks", "level": "ministerial"},
}


def _meeting_from_v1(record: Any) -> Any:
    is_v1_meeting = (
        isinstance(record, dict)
        and "start" in record
        and "format" not in record  # version 2 writes it: such a record is already new
        and "level" not in record
    )
    kind = record.get("kind") if is_v1_meeting else None
    if isinstance(kind, str) and kind in _V1_KINDS:
        return {**record, **_V1_KINDS[kind]}
    return record


def from_v1(body: dict[str, Any]) -> dict[str, Any]:
    """Version 1 mixed a meeting's form and level into its kind; version 2 keeps them apart.

    A v1 meeting of kind ``video_conference`` becomes talks held by video
    link, ``ministerial_meeting`` talks at ministerial level, and a
    ``phone_call`` says its format. Everything else reads unchanged: a state
    is still its code, and the new fields have defaults.
    """
    meetings = body.get("meetings")
    if isinstance(meetings, list):
        return {**body, "meetings": [_meeting_from_v1(m) for m in meetings]}
    migrated: dict[str, Any] = _meeting_from_v1(body)
    return migrated
