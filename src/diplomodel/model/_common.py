"""Pieces shared by the model modules: localised-name maps, free-text topics."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from diplomodel import _validators as v
from diplomodel._locale_ids import locale_fallbacks, respell
from diplomodel._validators import LOCALE_SHAPE, TRIMMED, check_unicode, described, is_locale

__all__ = ["freeze_names", "locale_names", "name_for_locale", "other_topics"]


def freeze_names(value: Mapping[str, str]) -> Mapping[str, str]:
    """An immutable copy of a locale → text map, sorted by locale, keys in babel's spelling.

    "zh-Hans" becomes "zh_Hans"; a key that is no locale identifier is kept as
    written for the validator to report.

    A value that is not a mapping is passed through unchanged so that the
    validator, not this converter, reports it.
    """
    if not isinstance(value, Mapping):
        return value
    try:
        ordered = dict(sorted((respell(k), text) for k, text in value.items()))
    except TypeError:  # keys of mixed types: the validator explains
        return MappingProxyType(dict(value))
    return MappingProxyType(ordered)


def _check_locale_names(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A map from known locale identifiers ("ru", "zh_Hant") to non-blank text."""
    name = attribute.name
    if not isinstance(value, Mapping):
        raise TypeError(f"'{name}' must be a mapping of locale to text (got {value!r})")
    for locale, text in value.items():
        if not is_locale(locale):
            raise ValueError(
                f"'{name}' has a key that is not a locale identifier such as 'ru' or "
                f"'zh_Hant': {locale!r}"
            )
        if not isinstance(text, str) or not text.strip() or text != text.strip():
            raise ValueError(
                f"'{name}[{locale}]' must be non-blank text without outer spaces (got {text!r})"
            )
        check_unicode(f"{name}[{locale}]", text)


locale_names = described(
    _check_locale_names,
    {
        "type": "object",
        "propertyNames": {"pattern": LOCALE_SHAPE},
        "additionalProperties": {"type": "string", "minLength": 1, "pattern": TRIMMED},
    },
)
"""Validator: a map from locale identifiers ("ru", "zh_Hant") to non-blank text."""


def name_for_locale(names: Mapping[str, str], default: str, locale: str) -> str:
    """The name for a locale, trying broader ones ("zh_Hans_CN", "zh_Hans", "zh"), else `default`.

    Raises:
        ValueError: babel has no data for the locale.

    >>> name_for_locale({"zh": "李强"}, "Li Qiang", "zh-Hans-CN")
    '李强'
    """
    for key in locale_fallbacks(locale):
        found = names.get(key)
        if found is not None:
            return found
    return default


def other_topics() -> v.Validator:
    """The validator of an ``other_topics`` field: distinct topics in words, beside `Sector`.

    A topic the `Sector` vocabulary lacks ("Arctic shipping routes") is kept
    as written rather than forced into the nearest sector or dropped.
    """
    return v.tuple_of(v.text(max_length=200), unique=True)
