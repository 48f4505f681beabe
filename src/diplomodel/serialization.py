"""The one converter, and everything built on it.

All (un)structuring of diplomodel objects goes through a single cattrs
`Converter` made by `make_converter`. Classes carry no serialisation code: the
converter's hooks say how each type looks in JSON.

- A `State` is written as its code (``"RU"``).
- A `PartialDate` is written as ISO text (``"2024-08"``).
- Enums are written as their values (``"co_chair"``).
- Tuples are JSON arrays; localised names are JSON objects.
- Documents carry a ``"type"`` tag naming their kind (``"communique"``).
- Fields left at their default are omitted.

Input is read strictly: unknown keys, a number where text belongs, text where
a list belongs, or an unknown state code are all errors. Every loader raises a
`DataError` listing each problem with its path, never anything else.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

import attrs
from cattrs import Converter
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.strategies import configure_tagged_union

from diplomodel.dates import PartialDate
from diplomodel.errors import DataError, Problem, UnknownStateError
from diplomodel.model.documents import Communique, CooperationAgreement, Document
from diplomodel.states import State, states

__all__ = [
    "DOCUMENT_TAGS",
    "FORMAT_VERSION",
    "MIGRATIONS",
    "Migration",
    "envelope",
    "from_dict",
    "from_json",
    "make_converter",
    "open_envelope",
    "to_dict",
    "to_json",
]

T = TypeVar("T")

DOCUMENT_TAGS: Final[Mapping[type[Document], str]] = {
    Communique: "communique",
    CooperationAgreement: "cooperation_agreement",
}
"""The ``"type"`` tag of each document kind in files. Pinned: renaming a class never changes it."""

FORMAT_VERSION: Final = "1.0"
"""The version of the file format this diplomodel writes: ``"major.minor"``.

A reader accepts every minor version of its own major version (new minors
only add optional fields), migrates older majors, and refuses newer ones.
"""

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""Turns the body of a file of one major format version into the next one's."""


def _from_bare_object(body: dict[str, Any]) -> dict[str, Any]:
    return body


MIGRATIONS: Final[Mapping[int, Migration]] = {0: _from_bare_object}
"""The built-in migrations, keyed by the major version they read.

Version 0 is a bare object with no header, as `to_json` writes it; its body
is already the version 1 body.
"""

_FORMAT_KEY: Final = "diplomodel"
_KIND_KEY: Final = "kind"

_DocumentUnion = Communique | CooperationAgreement
_TAG: Final = "type"
_FIELD_IN_MESSAGE = re.compile(r"'([A-Za-z_][A-Za-z0-9_]*(?:\[\d+\])?)'")


def _type_name(value: object) -> str:
    return {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _structure_str(value: object, _type: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {_type_name(value)}")
    return value


def _structure_int(value: object, _type: object) -> int:
    if type(value) is not int:
        raise TypeError(f"expected an integer, got {_type_name(value)}")
    return value


def _structure_bool(value: object, _type: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError(f"expected true or false, got {_type_name(value)}")
    return value


def _structure_partial_date(value: object, _type: object) -> PartialDate:
    if not isinstance(value, str):
        raise TypeError(
            f"expected an ISO date string such as '2024-08-21', got {_type_name(value)}"
        )
    return PartialDate.parse(value)


def _structure_state(value: object, _type: object) -> State:
    if not isinstance(value, str):
        raise TypeError(f"expected a state code such as 'RU', got {_type_name(value)}")
    try:
        state = states.get(value)
    except UnknownStateError as exc:
        raise ValueError(str(exc)) from None
    if state.code != value:
        raise ValueError(f"state codes are written as {state.code!r} in files (got {value!r})")
    return state


def _is_homogeneous_tuple(type_: Any) -> bool:
    origin = getattr(type_, "__origin__", None)
    args: tuple[Any, ...] = getattr(type_, "__args__", ())
    return origin is tuple and args[1:] == (Ellipsis,) and len(args) == 2


def _make_tuple_hook(type_: Any, converter: Converter) -> Callable[[Any, Any], Any]:
    """Structure ``tuple[X, ...]`` from a JSON array only (never from a string or an object)."""
    item_type = type_.__args__[0]
    item_hook = converter.get_structure_hook(item_type)

    def structure_tuple(value: Any, _type: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected an array, got {_type_name(value)}")
        items: list[Any] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as exc:  # noqa: BLE001 - collected, then raised as one group
                exc.add_note(IterableValidationNote(f"item {index}", index, item_type))
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"while structuring {type_!r}", errors, type_)
        return tuple(items)

    return structure_tuple


def _make_names_hook(_type: Any, _converter: Converter) -> Callable[[Any, Any], Any]:
    """Structure a locale → text map from a JSON object of strings."""

    def structure_names(value: Any, _type: Any) -> dict[str, str]:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object of locale to text, got {_type_name(value)}")
        errors: list[Exception] = []
        for key, text in value.items():
            if not isinstance(text, str):
                exc = TypeError(f"expected a string, got {_type_name(text)}")
                exc.add_note(IterableValidationNote(f"key {key!r}", key, str))
                errors.append(exc)
        if errors:
            raise IterableValidationError("while structuring names", errors, dict)
        return dict(value)

    return structure_names


def _is_str_mapping(type_: Any) -> bool:
    origin = getattr(type_, "__origin__", None)
    return origin is Mapping and getattr(type_, "__args__", ()) == (str, str)


def _unstructure_document(converter: Converter) -> Callable[[Document], dict[str, Any]]:
    union_hook = converter.get_unstructure_hook(_DocumentUnion)

    def unstructure(document: Document) -> dict[str, Any]:
        data: dict[str, Any] = union_hook(document)
        return {_TAG: data.pop(_TAG), **data}

    return unstructure


def _structure_document(converter: Converter) -> Callable[[Any, Any], Document]:
    union_hook = converter.get_structure_hook(_DocumentUnion)
    tags = ", ".join(repr(t) for t in DOCUMENT_TAGS.values())
    known = set(DOCUMENT_TAGS.values())

    def structure(value: Any, _type: Any) -> Document:
        if not isinstance(value, dict):
            raise TypeError(f"expected a document object, got {_type_name(value)}")
        if _TAG not in value:
            raise ValueError(f"a document needs a {_TAG!r} tag, one of {tags}")
        tag = value[_TAG]
        if tag not in known:
            raise ValueError(f"unknown document type {tag!r}; expected one of {tags}")
        document: Document = union_hook(value, _DocumentUnion)
        return document

    return structure


def _make_attrs_hook(cls: Any, converter: Converter) -> Callable[[Any, Any], Any]:
    """Cattrs' generated hook for an attrs class, accepting only a JSON object."""
    generated = converter.gen_structure_attrs_fromdict(cls)

    def structure(value: Any, type_: Any) -> Any:
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {_type_name(value)}")
        return generated(value, type_)

    return structure


def make_converter() -> Converter:
    """Make a new converter configured for every diplomodel type.

    The library's own functions use one such converter. Make your own to
    register hooks for types of yours that embed diplomodel objects, without
    touching the library's.

    Returns:
        A cattrs `Converter` that forbids unknown keys and omits defaults.

    >>> from diplomodel.states import states
    >>> conv = make_converter()
    >>> conv.unstructure(states.get("RU"))
    'RU'
    >>> conv.structure("2024-08", PartialDate)
    PartialDate(year=2024, month=8, day=None)
    """
    converter = Converter(forbid_extra_keys=True, omit_if_default=True)
    converter.register_structure_hook_factory(attrs.has, _make_attrs_hook)
    converter.register_structure_hook(str, _structure_str)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(bool, _structure_bool)
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_structure_hook(State, _structure_state)
    converter.register_unstructure_hook(State, lambda state: state.code)
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _make_tuple_hook)
    converter.register_structure_hook_factory(_is_str_mapping, _make_names_hook)
    converter.register_unstructure_hook_func(_is_str_mapping, dict)
    configure_tagged_union(
        _DocumentUnion,
        converter,
        tag_generator=DOCUMENT_TAGS.__getitem__,
        tag_name=_TAG,
    )
    converter.register_unstructure_hook(Document, _unstructure_document(converter))
    converter.register_structure_hook(Document, _structure_document(converter))
    return converter


_CONVERTER: Final = make_converter()


def _route(cls: type[T]) -> type[Any]:
    """Documents of every kind go through `Document`, so their tag is always written and read."""
    if isinstance(cls, type) and issubclass(cls, Document):
        return Document
    return cls


def to_dict(obj: Any) -> Any:
    """The JSON-ready form of a diplomodel object: dicts, lists, strings, numbers.

    Inverse of `from_dict`.

    >>> from diplomodel.states import states
    >>> from diplomodel.model.places import Place
    >>> to_dict(Place(locality="Moscow", state=states.get("RU")))
    {'state': 'RU', 'locality': 'Moscow'}
    """
    if isinstance(obj, Document):
        return _CONVERTER.unstructure(obj, Document)
    return _CONVERTER.unstructure(obj)


def from_dict(data: Any, cls: type[T], *, source: str | None = None) -> T:
    """Build a `cls` from its JSON-ready form, checking everything.

    Inverse of `to_dict`.

    Args:
        data: Parsed JSON (dicts, lists, strings, numbers, booleans, None).
        cls: The class to build.
        source: Optional name of the input, used in error messages.

    Returns:
        A valid `cls` instance.

    Raises:
        DataError: Anything is wrong; it lists every problem with its path.

    >>> from diplomodel.model.places import Place
    >>> from_dict({"state": "RU", "locality": "Moscow"}, Place).locality
    'Moscow'
    >>> from_dict({"state": "XX", "town": "Atlantis"}, Place)
    Traceback (most recent call last):
    ...
    diplomodel.errors.DataError: 2 problems in input:
      $.state: no state has the code 'XX'
      $: unknown key 'town'
    """
    try:
        result: Any = _CONVERTER.structure(data, _route(cls))
    except Exception as exc:  # noqa: BLE001 - every failure becomes a DataError
        raise DataError(_problems(exc, "$"), source=source) from None
    if not isinstance(result, cls):
        found = DOCUMENT_TAGS.get(type(result), type(result).__name__)
        raise DataError.single(
            "$.type", f"expected a {cls.__name__}, found a {found!r}", source=source
        )
    return result


def to_json(obj: Any, *, indent: int | None = 2) -> str:
    """Serialise a diplomodel object to JSON text.

    Inverse of `from_json`. Non-ASCII text is written as is (UTF-8).

    Args:
        obj: Any diplomodel object.
        indent: Spaces per level, or None for one compact line.

    >>> from diplomodel.dates import PartialDate
    >>> to_json(PartialDate(year=1949, month=10, day=2))
    '"1949-10-02"'
    """
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes, cls: type[T], *, source: str | None = None) -> T:
    """Read a `cls` from JSON text, checking everything.

    Inverse of `to_json`. Rejects what JSON itself allows but data should not
    hold: ``NaN`` and ``Infinity``, and an object with the same key twice.

    Args:
        text: JSON text, or UTF-8 bytes.
        cls: The class to build.
        source: Optional name of the input, used in error messages.

    Raises:
        DataError: The text is not JSON, or the data is not a valid `cls`.

    >>> from diplomodel.dates import PartialDate
    >>> from_json('"2024-08"', PartialDate)
    PartialDate(year=2024, month=8, day=None)
    """
    return from_dict(_parse_json(text, source=source), cls, source=source)


def envelope(kind: str, body: dict[str, Any]) -> dict[str, Any]:
    """Put a file's header in front of a body: what the file holds and its format version.

    Inverse of `open_envelope`.

    Args:
        kind: What the file holds (``"dossier"``).
        body: The JSON-ready data (from `to_dict`).

    >>> envelope("dossier", {"id": "d", "title": "T"})
    {'diplomodel': '1.0', 'kind': 'dossier', 'id': 'd', 'title': 'T'}
    """
    return {_FORMAT_KEY: FORMAT_VERSION, _KIND_KEY: kind, **body}


def open_envelope(
    data: Any,
    kind: str,
    *,
    source: str | None = None,
    migrations: Mapping[int, Migration] = MIGRATIONS,
) -> dict[str, Any]:
    """Check a file's header and return its body in the current format.

    A file without a header is read as format version 0 (a bare object). A
    file of an older major version is passed through `migrations`, one major
    version at a time.

    Args:
        data: The parsed file content.
        kind: What the file must hold.
        source: Optional name of the input, used in error messages.
        migrations: Functions that turn major version N's body into N+1's.

    Returns:
        The body, without the header, as the current format lays it out.

    Raises:
        DataError: The content is not an object, names another kind, has an
            invalid or newer major version, or no migration reads its version.

    >>> open_envelope({"diplomodel": "1.3", "kind": "dossier", "id": "d"}, "dossier")
    {'id': 'd'}
    >>> open_envelope({"diplomodel": "2.0", "kind": "dossier"}, "dossier")
    Traceback (most recent call last):
    ...
    diplomodel.errors.DataError: 1 problem in input:
      $.diplomodel: format version 2.0 is newer than this diplomodel reads (1.0); upgrade diplomodel
    """
    if not isinstance(data, dict):
        raise DataError.single(
            "$", f"expected a JSON object, got {_type_name(data)}", source=source
        )
    body = dict(data)
    version = body.pop(_FORMAT_KEY, None)
    found_kind = body.pop(_KIND_KEY, None) if version is not None else kind
    major = _major(version)
    problems = []
    if major is None:
        problems.append(
            Problem(path=f"$.{_FORMAT_KEY}", message=f"invalid format version {version!r}")
        )
    elif major > _major_of_current():
        problems.append(
            Problem(
                path=f"$.{_FORMAT_KEY}",
                message=f"format version {version} is newer than this diplomodel reads "
                f"({FORMAT_VERSION}); upgrade diplomodel",
            )
        )
    if found_kind != kind:
        problems.append(
            Problem(path=f"$.{_KIND_KEY}", message=f"expected {kind!r}, got {found_kind!r}")
        )
    if problems:
        raise DataError(problems, source=source)
    assert major is not None  # noqa: S101 - checked above; narrows the type
    while major < _major_of_current():
        migrate = migrations.get(major)
        if migrate is None:
            raise DataError.single(
                f"$.{_FORMAT_KEY}", f"no migration reads format version {major}", source=source
            )
        body = migrate(body)
        major += 1
    return body


def _major_of_current() -> int:
    return int(FORMAT_VERSION.partition(".")[0])


def _major(version: object) -> int | None:
    """The major number of a ``"major.minor"`` version; 0 for a file without a header."""
    if version is None:
        return 0
    if not isinstance(version, str):
        return None
    major, dot, minor = version.partition(".")
    ok = bool(dot) and major.isascii() and major.isdigit() and minor.isascii() and minor.isdigit()
    return int(major) if ok else None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in diplomodel files")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r} in an object")
        result[key] = value
    return result


def _parse_json(text: str | bytes, *, source: str | None) -> Any:
    if not isinstance(text, str | bytes | bytearray):
        raise DataError.single(
            "$", f"expected JSON text or bytes, got {type(text).__name__}", source=source
        )
    try:
        return json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        message = f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
    except UnicodeDecodeError as exc:
        message = f"not valid UTF-8 text: {exc.reason} at byte {exc.start}"
    except RecursionError:
        message = "not readable: JSON nested too deeply"
    except ValueError as exc:
        message = f"not valid JSON: {exc}"
    raise DataError.single("$", message, source=source)


def _problems(exc: BaseException, path: str, *, from_validator: bool = False) -> list[Problem]:
    """Every problem inside a (nested) cattrs error, with its path."""
    if isinstance(exc, IterableValidationError):
        with_index, without = exc.group_exceptions()
        found = [p for sub, n in with_index for p in _problems(sub, f"{path}[{n.index!r}]")]
        return found + [p for sub in without for p in _problems(sub, path)]
    if isinstance(exc, ClassValidationError):
        with_name, others = exc.group_exceptions()
        found = [p for sub, n in with_name for p in _problems(sub, f"{path}.{n.name}")]
        # The rest were raised by the class's own validators, or are unknown keys.
        return found + [p for sub in others for p in _problems(sub, path, from_validator=True)]
    return [_problem(exc, path, from_validator=from_validator)]


def _problem(exc: BaseException, path: str, *, from_validator: bool) -> Problem:
    """One leaf error as a problem a person can read."""
    if isinstance(exc, ForbiddenExtraKeysError):
        keys = sorted(exc.extra_fields)
        label = "unknown key" if len(keys) == 1 else "unknown keys"
        return Problem(path=path, message=f"{label} {', '.join(repr(k) for k in keys)}")
    if isinstance(exc, KeyError):
        return Problem(path=path, message="required field missing")
    if isinstance(exc, RecursionError):
        return Problem(path=path, message="nested too deeply")
    message = str(exc) or type(exc).__name__
    if isinstance(exc, AttributeError):
        message = f"invalid value ({message})"
    field_match = _FIELD_IN_MESSAGE.match(message)
    if from_validator and field_match is not None:
        path = f"{path}.{field_match.group(1)}"  # a validator names its field: point at it
    return Problem(path=path, message=message)
