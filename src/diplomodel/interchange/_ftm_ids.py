"""FollowTheMoney ids and dates: what every FtM entity diplomodel writes is keyed and dated by."""

from __future__ import annotations

import hashlib
import re
from typing import Final

from diplomodel.dates import PartialDate

__all__ = ["ftm_date", "ftm_id"]

_PREFIX: Final = "dm"

_FTM_ID: Final = re.compile(r"[0-9A-Za-z](?:[0-9A-Za-z.-]*[0-9A-Za-z])?")
_MAX_PLAIN_ID: Final = 150  # FtM allows 200; leave room for the prefix and kind


def ftm_id(kind: str, *parts: str) -> str:
    """The FollowTheMoney id of a record: a namespace, its kind, and its diplomodel id.

    An id FtM accepts as it is stays readable (``dm-person-li-qiang``). One
    with characters FtM does not allow in ids (``_ : /``), a record built from
    several ids (an occupancy, a membership) or a very long id gets a SHA-1
    digest instead (``dm-occupancy.3f2a...``); the dot after the kind keeps
    the two forms apart, so different records never share an id.

    Args:
        kind: What the record is ("person", "state", "occupancy").
        parts: The ids it is made from.

    Returns:
        An id that FtM's entity type accepts, at most 200 characters.

    >>> ftm_id("person", "li-qiang")
    'dm-person-li-qiang'
    >>> ftm_id("document", "un/a_1")
    'dm-document.7aee32ddcca0fa17dc2d8cdd69195dbe9fe80256'
    """
    if len(parts) == 1 and len(parts[0]) <= _MAX_PLAIN_ID and _FTM_ID.fullmatch(parts[0]):
        return f"{_PREFIX}-{kind}-{parts[0]}"
    digest = hashlib.sha1("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()
    return f"{_PREFIX}-{kind}.{digest}"


def ftm_date(value: PartialDate | None) -> str | None:
    """A date as FtM writes it: ISO 8601 text at its own precision ("1996", "2024-08-21")."""
    return None if value is None else value.isoformat()
