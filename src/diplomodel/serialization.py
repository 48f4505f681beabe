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

import contextlib
import gc
import json
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final, TypeVar

from cattrs import Converter

from diplomodel import _hooks, _jsonstream, _jsontext, _schema, _structure
from diplomodel._migrations import from_bare_object, from_v1
from diplomodel._unstructure import OnePass
from diplomodel._unstructure import register as _register_writers
from diplomodel.errors import MAX_PROBLEMS, DataError, InvalidArgumentError, Problem, shown
from diplomodel.model.documents import Document

__all__ = [
    "DOCUMENT_TAGS",
    "FORMAT_VERSION",
    "MIGRATIONS",
    "Migration",
    "envelope",
    "from_dict",
    "from_json",
    "json_schema",
    "make_converter",
    "open_envelope",
    "parse_json",
    "paused_gc",
    "to_dict",
    "to_json",
    "to_json_bytes",
]

T = TypeVar("T")

DOCUMENT_TAGS: Final[Mapping[type[Document], str]] = _hooks.DOCUMENT_TAGS
"""The ``"type"`` tag of each document kind in files. Pinned: renaming a class never changes it."""

FORMAT_VERSION: Final = "2.0"
"""The version of the file format this diplomodel writes: ``"major.minor"``.

A reader accepts every minor version of its own major version (new minors
only add optional fields), migrates older majors, and refuses newer ones.
"""

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""Turns the body of a file of one major format version into the next one's."""


MIGRATIONS: Final[Mapping[int, Migration]] = {0: from_bare_object, 1: from_v1}
"""The built-in migrations, keyed by the major version they read.

Version 0 is a bare object with no header, as `to_json` writes it; its body
is already the version 1 body. Version 1 (diplomodel 0.1) is read by
turning meeting kinds that named a format or a level into the version 2
fields `Meeting.format` and `Meeting.level`.
"""

_FORMAT_KEY: Final = "diplomodel"
_MAX_VERSION_DIGITS: Final = 9
_KIND_KEY: Final = "kind"


def make_converter(*, strict: bool = True, detailed: bool = False) -> Converter:
    """Make a new converter configured for every diplomodel type.

    The library's own functions use converters made here. Make your own to
    register hooks for types of yours that embed diplomodel objects, without
    touching the library's.

    Args:
        strict: Reject unknown keys (True) or ignore them (False).
        detailed: Structure field by field and report every problem (slower;
            the library uses it only to explain input the fast one rejected).

    Returns:
        A cattrs `Converter` that omits defaults when writing.

    >>> from diplomodel.dates import PartialDate
    >>> from diplomodel.states import states
    >>> conv = make_converter()
    >>> conv.unstructure(states.get("RU"))
    'RU'
    >>> conv.structure("2024-08", PartialDate)
    PartialDate(year=2024, month=8, day=None)
    """
    converter = reference_converter(strict=strict, detailed=detailed)
    if not detailed:
        _structure.register(converter, forbid_extra_keys=strict)
        _register_writers(converter)
    return converter


def reference_converter(*, strict: bool = True, detailed: bool = False) -> Converter:
    """A converter that reads attrs classes with cattrs' own functions and their ``__init__``.

    What `make_converter` made before structure functions were generated per
    class: the reference the differential tests hold them to. Not for use.
    """
    converter = Converter(
        forbid_extra_keys=strict, omit_if_default=True, detailed_validation=detailed
    )
    _hooks.configure(converter, detailed=detailed, forbid_extra_keys=strict)
    return converter


class _Converters:
    """The library's converters, made on first use: (fast, detailed) for each strictness."""

    def __init__(self) -> None:
        self._made: dict[bool, tuple[Converter, Converter]] = {}
        self._lock = threading.Lock()

    def __call__(self, *, strict: bool) -> tuple[Converter, Converter]:
        pair = self._made.get(strict)
        if pair is None:
            with self._lock:
                pair = self._made.get(strict)
                if pair is None:
                    pair = (
                        make_converter(strict=strict),
                        make_converter(strict=strict, detailed=True),
                    )
                    self._made[strict] = pair
        return pair


_converters: Final = _Converters()


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for a bulk load or write, then put it back.

    diplomodel never touches the collector on its own: `from_json`, `to_json`
    and the other functions run with it as the caller left it. Decoding makes
    many objects and no reference cycles, so a caller loading large inputs can
    save the collector's passes (about a third of decode time in
    ``benchmarks/serialization.py``) by opting in here. On exit, however the
    block ends, the collector's enabled state and its thresholds are exactly
    what they were on entry; a collector already off stays off.

    It changes process-wide state for as long as the block runs: other
    threads allocate without cyclic collection meanwhile.

    Yields:
        Nothing; the block runs with the collector paused.

    >>> import gc
    >>> with paused_gc():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    thresholds = gc.get_threshold()
    gc.disable()
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if was_enabled:
            gc.enable()


def _route(cls: type[T]) -> type[Any]:
    """Documents of every kind go through `Document`, so their tag is always written and read."""
    if isinstance(cls, type) and issubclass(cls, Document):
        return Document
    return cls


def to_dict(obj: Any) -> Any:
    """The JSON-ready form of a diplomodel object: dicts, lists, strings, numbers.

    Inverse of `from_dict`.

    Args:
        obj: Any diplomodel object (a document is written with its ``"type"`` tag).

    Returns:
        Plain data that ``json.dumps`` writes as is.

    >>> from diplomodel.states import states
    >>> from diplomodel.model.places import Place
    >>> to_dict(Place(locality="Moscow", state=states.get("RU")))
    {'state': 'RU', 'locality': 'Moscow'}
    """
    return _unstructure(obj)


def _unstructure(obj: Any) -> Any:
    fast, _ = _converters(strict=True)
    if isinstance(obj, Document):
        return fast.unstructure(obj, Document)
    return fast.unstructure(obj)


def from_dict(
    data: Any,
    cls: type[T],
    *,
    source: str | None = None,
    strict: bool = True,
    max_problems: int = MAX_PROBLEMS,
) -> T:
    """Build a `cls` from its JSON-ready form, checking everything.

    Inverse of `to_dict`.

    Args:
        data: Parsed JSON (dicts, lists, strings, numbers, booleans, None).
        cls: The class to build.
        source: Optional name of the input, used in error messages.
        strict: Reject keys the model does not know (the default); with
            False they are ignored. Nothing else is ever relaxed.
        max_problems: Stop looking for problems after this many (at most
            `MAX_PROBLEMS`, the default); 1 only says what is wrong first,
            cheaply, as a collector that is already full may want.

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
    if type(max_problems) is not int or max_problems < 1:
        raise InvalidArgumentError(f"'max_problems' must be a positive int (got {max_problems!r})")
    fast, detailed = _converters(strict=strict)
    target = _route(cls)
    try:
        result: Any = fast.structure(data, target)
    except Exception:  # noqa: BLE001 - explained by the detailed converter below
        result = _explain(detailed, data, target, source, max_problems)
    if not isinstance(result, cls):
        found = DOCUMENT_TAGS.get(type(result), type(result).__name__)
        raise DataError.single(
            "$.type", f"expected a {cls.__name__}, found a {found!r}", source=source
        )
    return result


def _explain(
    detailed: Converter, data: Any, target: type[Any], source: str | None, limit: int
) -> Any:
    """Re-read rejected input field by field and raise a DataError listing every problem.

    The re-read stops once `limit` problems are found, so that a huge bad
    input costs bounded time and memory; the error then says so.
    """
    with _hooks.budget(limit) as spent:
        try:
            return detailed.structure(data, target)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a DataError
            problems = _hooks.problems(exc)
    stopped = spent.stopped or len(problems) > limit
    raise DataError(problems[:limit], source=source, stopped=stopped) from None


def dumps_bytes(data: Any, *, indent: int | None = None) -> bytes:
    """UTF-8 JSON of JSON-ready data: the bytes of `dumps`, without a detour through `str`.

    >>> dumps_bytes({"a": "中"}) == '{"a":"中"}'.encode()
    True
    """
    raw = _jsontext.orjson_dumps(data, indent)
    return raw if raw is not None else _jsontext.stdlib_dumps(data, indent).encode()


def dumps(data: Any, *, indent: int | None = 2) -> str:
    """JSON text of JSON-ready data, as diplomodel writes it.

    Compact (``indent=None``: no spaces) or indented by 2 spaces; non-ASCII
    text is written as is. With the ``fast`` extra installed (orjson) the
    same text is produced faster; the standard library writes it otherwise,
    and for anything orjson cannot write (integers beyond 64 bits).

    >>> dumps({"b": [1, 2], "a": "中"}, indent=None)
    '{"b":[1,2],"a":"中"}'
    """
    raw = _jsontext.orjson_dumps(data, indent)
    return raw.decode() if raw is not None else _jsontext.stdlib_dumps(data, indent)


_direct: Final = OnePass(lambda: _converters(strict=True)[0])


def to_json_bytes(obj: Any, *, indent: int | None = None) -> bytes:
    """Serialise a diplomodel object to UTF-8 JSON bytes (compact by default).

    The bytes of ``to_json(obj, indent=indent)``, made without an intermediate
    string: the form to send over a network or write to a binary file.

    Args:
        obj: Any diplomodel object.
        indent: None for one compact line, or spaces per level.

    Returns:
        The JSON text, encoded as UTF-8.

    >>> from diplomodel.dates import PartialDate
    >>> to_json_bytes(PartialDate(year=1996))
    b'"1996"'
    """
    raw = _direct(obj, indent)
    return raw if raw is not None else dumps_bytes(_unstructure(obj), indent=indent)


def to_json(obj: Any, *, indent: int | None = 2) -> str:
    """Serialise a diplomodel object to JSON text.

    Inverse of `from_json`. Non-ASCII text is written as is (UTF-8).

    Args:
        obj: Any diplomodel object.
        indent: Spaces per level, or None for one compact line.

    Returns:
        The JSON text.

    >>> from diplomodel.dates import PartialDate
    >>> to_json(PartialDate(year=1949, month=10, day=2))
    '"1949-10-02"'
    """
    raw = _direct(obj, indent)
    return raw.decode() if raw is not None else dumps(_unstructure(obj), indent=indent)


def file_text(kind: str, obj: Any) -> str:
    """What `save` writes: `obj` under its header (`envelope`), indented by two, and a newline."""
    raw = _direct(obj, 2, wrap=lambda body: envelope(kind, body))
    if raw is not None:
        return raw.decode() + "\n"
    return dumps(envelope(kind, _unstructure(obj)), indent=2) + "\n"


def from_json(
    text: str | bytes,
    cls: type[T],
    *,
    source: str | None = None,
    strict: bool = True,
    max_problems: int = MAX_PROBLEMS,
) -> T:
    """Read a `cls` from JSON text, checking everything.

    Inverse of `to_json`. Rejects what JSON itself allows but data should not
    hold: ``NaN`` and ``Infinity``, and an object with the same key twice. A
    `Dossier` indented as `to_json` writes it is read a record at a time.

    Args:
        text: JSON text, or UTF-8 bytes.
        cls: The class to build.
        source: Optional name of the input, used in error messages.
        strict: Reject keys the model does not know (the default).
        max_problems: Stop looking for problems after this many (see `from_dict`).

    Returns:
        A valid `cls` instance.

    Raises:
        DataError: The text is not JSON, or the data is not a valid `cls`.

    >>> from diplomodel.dates import PartialDate
    >>> from_json('"2024-08"', PartialDate)
    PartialDate(year=2024, month=8, day=None)
    """
    streamed = _jsonstream.from_text(  # a dossier as to_json indents it: a record at a time
        text, cls, lambda data, kind: from_dict(data, kind, strict=strict, max_problems=1)
    )
    if streamed is not None:
        return streamed
    data = parse_json(text, source=source)
    return from_dict(data, cls, source=source, strict=strict, max_problems=max_problems)


def json_schema(cls: type[Any], *, envelope: str | None = None) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for the JSON form of a class.

    Derived from the class's attrs fields and the converter's rules: field
    names, which are required, defaults, enum values, state codes, date
    patterns and the constraints the validators enforce (id pattern, text
    lengths, unique items, positive ordinals). Documents are a ``oneOf`` on
    their ``"type"`` tag. The schema cannot express rules that relate two
    fields (an end not before its start); loading still checks those.

    Args:
        cls: Any class the converter reads and writes.
        envelope: Describe a whole file of this kind (``"dossier"``): the
            object with its ``diplomodel`` and ``kind`` header.

    Returns:
        The schema document, ready for ``json.dumps``.

    Raises:
        TypeError: `cls` is not a class the converter handles.

    >>> from diplomodel.model.places import Place
    >>> schema = json_schema(Place)
    >>> schema["$ref"], schema["$defs"]["Place"]["required"]
    ('#/$defs/Place', ['state'])
    """
    fast, _ = _converters(strict=True)
    return _schema.build(cls, fast, envelope=envelope)


def envelope(kind: str, body: dict[str, Any]) -> dict[str, Any]:
    """Put a file's header in front of a body: what the file holds and its format version.

    Inverse of `open_envelope`.

    Args:
        kind: What the file holds (``"dossier"``).
        body: The JSON-ready data (from `to_dict`).

    Returns:
        A new dict: the header keys first, then the body's.

    >>> envelope("dossier", {"id": "d", "title": "T"})
    {'diplomodel': '2.0', 'kind': 'dossier', 'id': 'd', 'title': 'T'}
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

    >>> open_envelope({"diplomodel": "2.3", "kind": "dossier", "id": "d"}, "dossier")
    {'id': 'd'}
    >>> open_envelope({"diplomodel": "3.0", "kind": "dossier"}, "dossier")
    Traceback (most recent call last):
    ...
    diplomodel.errors.DataError: 1 problem in input:
      $.diplomodel: format version 3.0 is newer than this diplomodel reads (2.0); upgrade diplomodel
    """
    if not isinstance(data, dict):
        raise DataError.single(
            "$", f"expected a JSON object, got {_hooks.type_name(data)}", source=source
        )
    body = dict(data)
    version = body.pop(_FORMAT_KEY, None)
    found_kind = body.pop(_KIND_KEY, None) if version is not None else kind
    major = _major(version)
    problems = []
    if major is None:
        problems.append(
            Problem(
                path=f"$.{_FORMAT_KEY}",
                message=f"invalid format version {shown(version, 80)}",
            )
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
            Problem(
                path=f"$.{_KIND_KEY}",
                message=f"expected {kind!r}, got {shown(found_kind, 80)}",
            )
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
    # A version of thousands of digits is malformed, not "newer" (and int() refuses it).
    return int(major) if ok and len(major) <= _MAX_VERSION_DIGITS else None


def parse_json(text: str | bytes, *, source: str | None = None) -> Any:
    """Parse JSON text as strictly as diplomodel reads its files.

    The one JSON reader of the library: `from_json`, `Dossier.load`, JSON
    Lines and `Report.from_json` all read through it, so they refuse the same
    things: what JSON allows but data should not hold (``NaN``,
    ``Infinity``, an object with the same key twice, an integer of more than
    20 digits), bytes that are not UTF-8 (a leading byte-order mark is
    allowed), and nesting too deep to read.

    Args:
        text: JSON text, or UTF-8 bytes.
        source: Optional name of the input, used in error messages.

    Returns:
        The parsed value: dicts, lists, strings, numbers, booleans, None.

    Raises:
        DataError: The text is not such JSON.

    >>> parse_json('{"a": [1, "x"]}')
    {'a': [1, 'x']}
    >>> parse_json('{"a": 1, "a": 2}')
    Traceback (most recent call last):
    ...
    diplomodel.errors.DataError: 1 problem in input:
      $: not valid JSON: duplicate key 'a' in an object
    """
    if not isinstance(text, str | bytes | bytearray):
        raise DataError.single(
            "$", f"expected JSON text or bytes, got {type(text).__name__}", source=source
        )
    if isinstance(text, str | bytes):  # a bytearray goes to the strict parser
        value = _jsontext.proved_loads(text)
        if value is not _jsontext.UNPROVED:
            return value
    try:
        if not isinstance(text, str):  # files are UTF-8 (a leading byte-order mark is allowed)
            text = bytes(text).decode("utf-8-sig")
        return _jsontext.strict_loads(text)
    except json.JSONDecodeError as exc:
        message = f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
    except UnicodeDecodeError as exc:
        message = f"not valid UTF-8 text: {exc.reason} at byte {exc.start}"
    except RecursionError:
        message = "not readable: JSON nested too deeply"
    except ValueError as exc:
        message = f"not valid JSON: {exc}"
    raise DataError.single("$", message, source=source)
