"""Where a fact comes from."""

from __future__ import annotations

from typing import Any

import attrs
from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel._locale_ids import respell
from diplomodel.dates import PartialDate

__all__ = ["Source"]


def _check_url_value(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    v.text(max_length=2000)(_inst, attribute, value)
    from urllib.parse import urlsplit  # noqa: PLC0415 - on first use: `import diplomodel` stays light

    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ValueError(f"'{attribute.name}' must be an http(s) URL (got {value!r})")


_check_url = v.described(
    _check_url_value, {"type": "string", "maxLength": 2000, "pattern": "^https?://[^/?#]+"}
)


@frozen(kw_only=True)
class Source:
    """A report or document that a record is based on.

    Args:
        publisher: Who published it ("The Gulf Observer").
        title: Its headline or title, if recorded.
        url: Where it can be read, an http(s) URL.
        published: When it was published.
        dateline: The place line of a news report ("Moscow").
        language: The locale of the text ("en").

    >>> Source(publisher="Example Wire", dateline="Moscow").publisher
    'Example Wire'
    """

    publisher: str = field(validator=v.text(max_length=300))
    title: str | None = field(default=None, validator=v.optional(v.text(max_length=500)))
    url: str | None = field(default=None, validator=_check_url)
    published: PartialDate | None = field(default=None, validator=v.optional_date())
    dateline: str | None = field(default=None, validator=v.optional(v.text(max_length=200)))
    language: str | None = field(default=None, converter=respell, validator=v.optional(v.locale()))
