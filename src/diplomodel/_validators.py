"""Small reusable attrs validators that name the field in their messages.

Every message starts with the field name in quotes, says what was expected,
and shows what was given, so that a `DataError` built from it reads well.
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
from collections.abc import Callable, Hashable, Iterable
from typing import Any, Final

import attrs

from diplomodel.dates import PartialDate
from diplomodel.errors import shown

__all__ = [
    "accepting",
    "boolean",
    "check_unicode",
    "checked_types",
    "coherent",
    "date",
    "described",
    "enum_member",
    "facts_of",
    "identifier",
    "instance",
    "is_locale",
    "locale",
    "needs",
    "not_before",
    "only_for",
    "optional",
    "optional_date",
    "ordinal",
    "other_than",
    "passes_at_once",
    "passing",
    "schema_of",
    "text",
    "tuple_of",
    "tuple_shape",
]
# Shared with the model's own validators.
__all__ += ["ID_PATTERN", "LOCALE_SHAPE", "TRIMMED", "is_identifier", "is_locale"]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_ID = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._:/-]{0,198}[A-Za-z0-9])?")
_MAX_TEXT = 10_000
ID_PATTERN = f"^{_ID.pattern}$"
LOCALE_SHAPE = r"^[a-z]{2,3}(?:_[A-Za-z0-9]{2,8})*$"
TRIMMED = r"^\S(?:[\s\S]*\S)?$"


SCHEMA_KEY = "json_schema"
"""The attribute on which a validator carries the JSON Schema keywords it enforces."""

FACTS_KEY = "diplomodel_facts"
"""The attribute on which a validator carries what it enforces, for generic tools.

JSON Schema cannot say everything a validator checks ("not before 'start'",
"unique by person and role"); these facts can. The hypothesis strategies of
`diplomodel.testing` read them, so a new field or invariant is described once,
here, and never again per class.
"""


def described(check: Validator, schema: dict[str, Any], **facts: Any) -> Validator:
    """Attach to a validator the JSON Schema keywords that express it, and its facts."""
    setattr(check, SCHEMA_KEY, schema)
    if facts:
        setattr(check, FACTS_KEY, facts)
    return check


TYPES_KEY = "diplomodel_checked_types"
"""The attribute on which a validator that checks only a type carries the types it accepts."""

SHAPE_KEY = "diplomodel_tuple_shape"
"""The attribute on which a `tuple_of` validator carries its item validator and its other checks."""


def checked_types(validator: object) -> tuple[type, ...] | None:
    """The types a validator accepts, if checking the type is all it does (else None).

    Code that has already proved a value's type (the generated structure
    functions) skips such a validator.

    >>> checked_types(optional(date()))
    (<class 'diplomodel.dates.PartialDate'>, <class 'NoneType'>)
    >>> checked_types(identifier()) is None
    True
    """
    found: tuple[type, ...] | None = getattr(validator, TYPES_KEY, None)
    return found


def tuple_shape(validator: object) -> tuple[Validator, Validator | None] | None:
    """For a `tuple_of` validator: (its item validator, the check of everything else or None).

    "Everything else" is the length, uniqueness and order of the items, for a
    value already known to be a tuple; None when there is nothing else to check.
    """
    found: tuple[Validator, Validator | None] | None = getattr(validator, SHAPE_KEY, None)
    return found


_RELATING: Final = frozenset({"not_before", "needs", "other_than", "only_for", "coherent"})
"""The facts of validators that judge a value against other fields of its object."""


def judges_alone(validator: object) -> bool:
    """Whether a validator judges its value alone, whatever the object around it.

    Only validators described here are so known (a bare function may read the
    object); of those, the ones that compare the value with another field
    (`not_before`, `needs`, `other_than`, `only_for`, `coherent`) do not.
    Code that builds objects may then run such a check as soon as it has read
    the value, and skip it for a default that passes it.

    >>> judges_alone(text()), judges_alone(optional(not_before("start")))
    (True, False)
    """
    return hasattr(validator, SCHEMA_KEY) and not (_RELATING & facts_of(validator).keys())


PASSES_KEY = "diplomodel_passes_at_once"
"""The attribute on which a validator carries what it lets pass without its own call."""


def accepting(check: Validator, *types: type) -> Validator:
    """Mark that `check` passes every value of one of `types`, whatever the object around it.

    Code that knows a value's type can then skip calling it for those values.
    """
    setattr(check, PASSES_KEY, (types, None))
    return check


def passing(check: Validator, test: Callable[[str], object]) -> Validator:
    """Mark that `check` passes every str for which `test` is true (a compiled pattern's match)."""
    setattr(check, PASSES_KEY, ((), test))
    return check


def passes_at_once(
    validator: object,
) -> tuple[tuple[type, ...], Callable[[str], object] | None] | None:
    """(types whose values pass, a test that a str passes) for a validator so marked, or None.

    >>> types_, test = passes_at_once(identifier())
    >>> types_, bool(test("li-qiang")), bool(test("-x"))
    ((), True, False)
    """
    found: tuple[tuple[type, ...], Callable[[str], object] | None] | None = getattr(
        validator, PASSES_KEY, None
    )
    return found


def _checks_type(check: Validator, *allowed: type) -> Validator:
    setattr(check, TYPES_KEY, allowed)
    return check


def parts_of(validator: object) -> tuple[Any, ...]:
    """The validators combined in an attrs ``and_``, the validator itself, or none for None.

    >>> import attrs
    >>> len(parts_of(attrs.validators.and_(date(), not_before("start")))), parts_of(None)
    (2, ())
    """
    if validator is None:
        return ()
    parts: tuple[Any, ...] = getattr(validator, "_validators", (validator,))
    return parts


def schema_of(validator: object) -> dict[str, Any]:
    """The JSON Schema keywords a validator (or an attrs ``and_`` of them) enforces."""
    merged: dict[str, Any] = {}
    for part in parts_of(validator):
        merged.update(getattr(part, SCHEMA_KEY, {}))
    return merged


def facts_of(validator: object) -> dict[str, Any]:
    """What a validator (or an attrs ``and_`` of them) enforces, as named facts.

    >>> import attrs
    >>> facts_of(attrs.validators.and_(optional(date()), not_before("start")))
    {'not_before': 'start'}
    """
    merged: dict[str, Any] = {}
    for part in parts_of(validator):
        merged.update(getattr(part, FACTS_KEY, {}))
    return merged


def _shown(value: object) -> str:
    if isinstance(value, int):  # repr() refuses an int of more than 4 300 digits
        return shown(value)
    code = getattr(value, "code", None)  # a State reads best as its code
    text = repr(code) if isinstance(code, str) else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_unicode(name: str, value: str) -> None:
    """Refuse text that holds a lone surrogate (U+D800 to U+DFFF), which UTF-8 cannot encode.

    JSON escapes and Python strings can carry one; written out it would fail
    with `UnicodeEncodeError`, so it is refused where it comes in. ASCII text
    is passed at once, without a scan.

    Raises:
        ValueError: The text holds a surrogate code point; the message names `name`.
    """
    if not value.isascii():
        found = _SURROGATE.search(value)
        if found is not None:
            raise ValueError(
                f"'{name}' must be valid Unicode text: it holds a lone surrogate "
                f"U+{ord(found.group()):04X} at index {found.start()}"
            )


def text(*, max_length: int = _MAX_TEXT) -> Validator:
    """A non-blank string without leading or trailing whitespace."""

    def check(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str):
            raise TypeError(
                f"'{attribute.name}' must be a str (got {_shown(value)}, a {type(value).__name__})"
            )
        stripped = value.strip()
        if not stripped:
            raise ValueError(f"'{attribute.name}' must not be blank")
        if value != stripped:
            raise ValueError(
                f"'{attribute.name}' must not start or end with whitespace (got {_shown(value)})"
            )
        if len(value) > max_length:
            raise ValueError(
                f"'{attribute.name}' must be at most {max_length} characters (got {len(value)})"
            )
        if not value.isascii() and _SURROGATE.search(value):
            check_unicode(attribute.name, value)  # raises, saying where

    return described(
        check, {"type": "string", "minLength": 1, "maxLength": max_length, "pattern": TRIMMED}
    )


def identifier() -> Validator:
    """A stable id: letters, digits and ``. _ : / -``, starting and ending alphanumeric."""

    def check(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str):
            raise TypeError(
                f"'{attribute.name}' must be an id string (got {_shown(value)}, "
                f"a {type(value).__name__})"
            )
        if not _ID.fullmatch(value):
            raise ValueError(
                f"'{attribute.name}' must be an id of letters, digits and '._:/-', starting "
                f"and ending with a letter or digit, at most 200 characters (got {_shown(value)})"
            )

    return passing(described(check, {"type": "string", "pattern": ID_PATTERN}), _ID.fullmatch)


def enum_member(kind: type[enum.Enum]) -> Validator:
    """A member of the enum `kind` (not its value)."""

    def check(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind):
            allowed = ", ".join(repr(m.value) for m in kind)
            raise TypeError(
                f"'{attribute.name}' must be a {kind.__name__} ({allowed}) (got {_shown(value)})"
            )

    return _checks_type(described(check, {"enum": [m.value for m in kind]}), kind)


def instance(kind: type[Any]) -> Validator:
    """An instance of `kind`."""

    def check(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, kind):
            raise TypeError(
                f"'{attribute.name}' must be a {kind.__name__} "
                f"(got {_shown(value)}, a {type(value).__name__})"
            )

    return _checks_type(check, kind)


def date() -> Validator:
    """A `PartialDate`."""
    return instance(PartialDate)


def boolean() -> Validator:
    """True or False (not 0 or 1)."""

    def check(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, bool):
            raise TypeError(f"'{attribute.name}' must be True or False (got {_shown(value)})")

    return _checks_type(described(check, {"type": "boolean"}), bool)


def not_before(other: str) -> Validator:
    """A `PartialDate` (or None) that does not end before the field `other` begins.

    The one statement of "an end is not before its start", for every class
    that has both. Either date may be None (unknown), and then nothing is checked.
    """

    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        start = getattr(inst, other, None)
        if (
            isinstance(value, PartialDate)
            and isinstance(start, PartialDate)
            and value.latest() < start.earliest()
        ):
            raise ValueError(f"'{attribute.name}' ({value}) must not be before '{other}' ({start})")

    return accepting(described(check, {}, not_before=other), type(None))


def needs(other: str) -> Validator:
    """A value (or True) allowed only when the field `other` is given (an ordinal needs a series).

    False counts as not given, like None.
    """

    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and value is not False and getattr(inst, other, None) is None:
            raise ValueError(f"'{attribute.name}' ({_shown(value)}) needs a '{other}'")

    return accepting(described(check, {}, needs=other), type(None))


def other_than(other: str) -> Validator:
    """A value different from the field `other` (a document does not revise itself)."""

    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and value == getattr(inst, other, None):
            raise ValueError(
                f"'{attribute.name}' must name another record than its own '{other}' "
                f"(got {_shown(value)})"
            )

    return accepting(described(check, {}, other_than=other), type(None))


def only_for(other: str, members: Iterable[enum.Enum]) -> Validator:
    """A value given exactly when the field `other` is one of `members` (a claimed number).

    None is the value's absence: it is required when `other` is one of
    `members` and nothing else is allowed otherwise.
    """
    allowed = frozenset(members)
    shown = ", ".join(sorted(repr(m.value) for m in allowed))

    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        chosen = getattr(inst, other, None)
        if chosen in allowed and value is None:
            raise ValueError(f"'{attribute.name}' is needed when '{other}' is {chosen.value!r}")
        if chosen not in allowed and value is not None:
            raise ValueError(
                f"'{attribute.name}' ({_shown(value)}) is only for '{other}' {shown} "
                f"(got {getattr(chosen, 'value', chosen)!r})"
            )

    return described(check, {}, only_for=(other, allowed))


def coherent(
    problem: Callable[[Any, Any], str | None],
    keep: Callable[[dict[str, Any], Any], Any],
    *,
    passes_empty: bool = False,
) -> Validator:
    """A value that agrees with the rest of its object, as `problem` judges.

    Args:
        problem: Given the object and the value, what is wrong (None: nothing).
        keep: Given the object's other field values by name and the value, a
            value that agrees with them: the largest part of it (the events
            that make sense in order) or, for a single value, the nearest one
            that does. Generic tools use it, such as the hypothesis strategies,
            which draw fields one by one.
        passes_empty: An empty value (no events, no ids) agrees with any
            object: code that builds objects need not ask `problem` about it.
    """

    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        wrong = problem(inst, value)
        if wrong is not None:
            raise ValueError(f"'{attribute.name}' {wrong}")

    if passes_empty:
        return described(check, {}, coherent=keep, passes_empty=True)
    return described(check, {}, coherent=keep)


def passes_empty(validator: object) -> bool:
    """Whether a validator passes every empty value whatever its object (a `coherent` so marked).

    >>> passes_empty(coherent(lambda inst, value: None, lambda values, value: value))
    False
    """
    return bool(facts_of(validator).get("passes_empty"))


@functools.cache
def _locale_identifiers() -> frozenset[str]:
    from babel import localedata  # noqa: PLC0415 - babel is loaded on first use

    return frozenset(localedata.locale_identifiers())


def is_identifier(value: object) -> bool:
    """Whether `value` is a valid id ("li-qiang", "cn-ru/2024")."""
    return isinstance(value, str) and _ID.fullmatch(value) is not None


def is_locale(value: object) -> bool:
    """Whether `value` is exactly a locale identifier babel has data for ("zh_Hant")."""
    return isinstance(value, str) and value in _locale_identifiers()


def locale() -> Validator:
    """A locale identifier that babel knows, spelled as babel spells it ("en", "zh_Hant")."""

    def check(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not is_locale(value):
            raise ValueError(
                f"'{attribute.name}' must be a locale identifier such as 'en' or 'zh_Hant' "
                f"(got {_shown(value)})"
            )

    return described(check, {"type": "string", "pattern": LOCALE_SHAPE})


def optional(validator: Validator) -> Validator:
    """None, or a value that passes `validator`."""

    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            validator(inst, attribute, value)

    checked = described(check, schema_of(validator), **facts_of(validator))
    inner = checked_types(validator)
    if inner is not None:
        _checks_type(checked, *inner, type(None))
    shortcut = passes_at_once(validator)
    if shortcut is not None:
        types_, test = shortcut
        setattr(checked, PASSES_KEY, ((*types_, type(None)), test))
    return checked


def optional_date() -> Validator:
    """None or a `PartialDate`."""
    return optional(date())


MAX_ORDINAL = 1_000_000
"""The largest ordinal: no series of meetings runs to a million (and such a number still prints)."""


def ordinal() -> Validator:
    """An int from 1 to `MAX_ORDINAL` (bools are not ints here)."""

    def check(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not int or not 1 <= value <= MAX_ORDINAL:
            raise ValueError(
                f"'{attribute.name}' must be a positive int (got {_shown(value)}): "
                f"ordinals run from 1 to {MAX_ORDINAL:,}"
            )

    return described(check, {"type": "integer", "minimum": 1, "maximum": MAX_ORDINAL})


def tuple_of(  # noqa: C901, PLR0913 - one check per constraint
    member: Validator,
    *,
    unique: bool = False,
    min_length: int = 0,
    max_length: int | None = None,
    key: Callable[[Any], Hashable] | None = None,
    chronological: Callable[[Any], PartialDate] | None = None,
) -> Validator:
    """A tuple whose members all pass `member`.

    Args:
        member: Validator run on each item; its message gets the item's index.
        unique: Reject repeated items (compared by `key`, default the item).
        min_length: The fewest items allowed.
        max_length: The most items allowed (None: no limit).
        key: What makes two items "the same" for `unique`.
        chronological: The date of an item: each item must come surely after
            the one before it (partnership levels, in the order declared).
    """

    def check(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        name = attribute.name
        if not isinstance(value, tuple):
            raise TypeError(
                f"'{name}' must be a tuple (got {_shown(value)}, a {type(value).__name__})"
            )
        _check_length(name, len(value), min_length, max_length)
        for index, item in enumerate(value):
            try:
                member(inst, attribute, item)
            except (ValueError, TypeError):
                member(inst, _indexed(attribute, index), item)  # raises again, naming the item
                raise
        check_items_apart(name, value)

    def check_items_apart(name: str, value: tuple[Any, ...]) -> None:
        if unique and len(value) > 1:
            keys = value if key is None else [key(item) for item in value]
            if len(set(keys)) != len(keys):
                _check_unique(name, keys)
        if chronological is not None:
            _check_chronological(name, [chronological(item) for item in value])

    def check_rest(_inst: Any, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        """Length, uniqueness and order, for a tuple whose items are known to be right."""
        _check_length(attribute.name, len(value), min_length, max_length)
        check_items_apart(attribute.name, value)

    schema: dict[str, Any] = {"type": "array", "items": schema_of(member)}
    if min_length:
        schema["minItems"] = min_length
    if max_length is not None:
        schema["maxItems"] = max_length
    if unique and key is None:
        schema["uniqueItems"] = True
    trivial = not unique and not min_length and max_length is None and chronological is None
    setattr(check, SHAPE_KEY, (member, None if trivial else check_rest))
    return described(
        check,
        schema,
        item=member,
        unique=unique,
        key=key,
        min_length=min_length,
        max_length=max_length,
        chronological=chronological,
    )


def _check_length(name: str, count: int, least: int, most: int | None) -> None:
    if least == most and count != least:
        raise ValueError(f"'{name}' must hold exactly {least} items (got {count})")
    if count < least:
        raise ValueError(
            f"'{name}' must have at least {least} item{'s' if least != 1 else ''} (got {count})"
        )
    if most is not None and count > most:
        raise ValueError(
            f"'{name}' must have at most {most} item{'s' if most != 1 else ''} (got {count})"
        )


def _check_chronological(name: str, dates: list[PartialDate]) -> None:
    for earlier, later in itertools.pairwise(dates):
        if later.earliest() <= earlier.latest():
            raise ValueError(
                f"'{name}' must be in date order, each after the one before "
                f"(got {later} after {earlier})"
            )


def _check_unique(name: str, items: Iterable[Hashable]) -> None:
    """Name the first repeated item (called once a repeat is known to exist)."""
    seen: set[Hashable] = set()
    for item in items:
        if item in seen:
            raise ValueError(f"'{name}' must not repeat an item (got {_shown(item)} twice)")
        seen.add(item)


def _indexed(attribute: attrs.Attribute[Any], index: int) -> attrs.Attribute[Any]:
    """The same attribute, renamed ``name[index]`` so item messages say where they are."""
    return attribute.evolve(name=f"{attribute.name}[{index}]")
