"""Reading the states' data files: records, codes and names in many languages.

Private to `diplomodel.states`, which builds `State` records and the registry on
top of it. Two generated files are read:

* ``_data/states.json`` (``scripts/generate_states.py``): codes, ISO names and
  curated English names;
* ``_data/state_names.json`` (``scripts/generate_state_names.py``): the
  translations of the ISO short and official names in many languages (from
  the iso-codes catalogues pycountry ships), and curated former names with
  their provenance. Read only when a name is needed.
"""

from __future__ import annotations

import enum
import functools
import re
import types
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, Final, Generic, NamedTuple, Protocol, TypeVar

from attrs import Attribute

from diplomodel._locale_ids import parse_locale
from diplomodel.dates import PartialDate
from diplomodel.errors import DataError, Problem

__all__ = [
    "LOOKUP_LOCALES",
    "LocalNames",
    "Source",
    "Tables",
    "check_alpha4",
    "check_successors",
    "check_withdrawn",
    "load_json",
    "locale_keys",
    "matches",
    "name_claims",
    "parse_local_names",
    "parse_tables",
    "read_data",
    "territory_names",
]

FORMAT: Final = 1
DATA_NAME: Final = "diplomodel/_data/states.json"
NAMES_NAME: Final = "diplomodel/_data/state_names.json"

#: Locales whose CLDR names `StateRegistry.lookup` understands. English names
#: outrank the others in a clash (see `Source`), whatever the order here.
LOOKUP_LOCALES: Final = (
    "en",
    "ar",
    "be",
    "de",
    "es",
    "fa",
    "fr",
    "he",
    "hi",
    "id",
    "it",
    "ja",
    "kk",
    "ko",
    "nl",
    "pl",
    "pt",
    "pt_PT",
    "ru",
    "tr",
    "uk",
    "vi",
    "zh",
    "zh_Hant",
)

CODE: Final = re.compile(r"[A-Z]{2}(?:[A-Z]{2})?")
_ALPHA4: Final = re.compile(r"[A-Z]{4}")

Validator = Callable[[Any, "Attribute[Any]", Any], None]


# --- validators of State's fields ------------------------------------------------


def matches(pattern: re.Pattern[str], expected: str) -> Validator:
    """A validator requiring a str that matches `pattern` exactly."""

    def check(_inst: Any, attribute: Attribute[Any], value: Any) -> None:
        if not isinstance(value, str) or pattern.fullmatch(value) is None:
            raise ValueError(f"'{attribute.name}' must be {expected} (got {value!r})")

    return check


def check_alpha4(inst: Any, attribute: Attribute[Any], value: object) -> None:
    """An alpha-4 code is needed for a 4-letter registry code and must agree with it."""
    if value is None:
        if len(inst.code) != 2:
            raise ValueError(f"'{attribute.name}' is needed when 'code' has four letters")
        return
    if not isinstance(value, str) or _ALPHA4.fullmatch(value) is None:
        raise ValueError(f"'{attribute.name}' must be 4 upper-case letters or None (got {value!r})")
    if inst.code not in (value, value[:2]):
        raise ValueError(
            f"'code' must be the alpha-4 code or its first two letters (got {inst.code!r}"
            f" with alpha4={value!r})"
        )


def check_withdrawn(inst: Any, attribute: Attribute[Any], value: object) -> None:
    """Historical states have a withdrawal date, current ones none."""
    if inst.alpha4 is None:
        if value is not None:
            raise ValueError(f"'{attribute.name}' must be None for a current state (got {value!r})")
    elif not isinstance(value, PartialDate):
        raise ValueError(
            f"'{attribute.name}' must be a PartialDate for a historical state (got {value!r})"
        )


def check_successors(inst: Any, attribute: Attribute[Any], value: object) -> None:
    """Successors are distinct codes of other states, and only historical states have them."""
    if not isinstance(value, tuple):
        raise TypeError(f"'{attribute.name}' must be a tuple of codes (got {value!r})")
    for code in value:
        if not isinstance(code, str) or CODE.fullmatch(code) is None:
            raise ValueError(f"'{attribute.name}' must hold 2- or 4-letter codes (got {code!r})")
    if len(set(value)) != len(value) or inst.code in value:
        raise ValueError(f"'{attribute.name}' must not repeat a code or name the state itself")
    if value and inst.alpha4 is None:
        raise ValueError(f"'{attribute.name}' must be empty for a current state (got {value!r})")


# --- locales -------------------------------------------------------------------


@functools.lru_cache(maxsize=64)
def territory_names(locale: str) -> Mapping[str, str]:
    """CLDR territory names for a locale, keyed by region code.

    Raises:
        ValueError: The locale is malformed or unknown to babel.
        TypeError: The locale is not a str.
    """
    return types.MappingProxyType(dict(parse_locale(locale).territories))


_TRADITIONAL: Final = frozenset({"TW", "HK", "MO"})


@functools.lru_cache(maxsize=64)
def locale_keys(locale: str) -> tuple[str, ...]:
    """The keys of ``state_names.json`` to try for a locale, most specific first.

    >>> locale_keys("zh-TW"), locale_keys("pt_PT"), locale_keys("ru")
    (('zh_Hant', 'zh'), ('pt_PT', 'pt'), ('ru',))

    Raises:
        ValueError: The locale is malformed or unknown to babel.
    """
    parsed = parse_locale(locale)
    keys: list[str] = []
    if parsed.language == "zh" and (parsed.script == "Hant" or parsed.territory in _TRADITIONAL):
        keys.append("zh_Hant")
    elif parsed.territory:
        keys.append(f"{parsed.language}_{parsed.territory}")
    keys.append(parsed.language)
    return tuple(keys)


# --- states.json -----------------------------------------------------------------


class Source(enum.IntEnum):
    """Where a name comes from; a lower value wins a clash."""

    ISO = 1
    CURATED = 2
    CLDR_EN = 3
    CLDR_OTHER = 4
    TRANSLATED = 5
    FORMER = 6


class StateLike(Protocol):
    """What the tables need of a state."""

    @property
    def code(self) -> str: ...
    @property
    def alpha3(self) -> str: ...
    @property
    def numeric(self) -> str | None: ...
    @property
    def alpha4(self) -> str | None: ...
    @property
    def successors(self) -> tuple[str, ...]: ...


S = TypeVar("S", bound=StateLike)


class Tables(NamedTuple, Generic[S]):
    """The states in registry order, their codes, and the names their records claim."""

    ordered: tuple[S, ...]
    codes: dict[str, S]
    ambiguous_codes: dict[str, tuple[S, ...]]
    names: tuple[tuple[str, Source, S], ...]


_REQUIRED: Final = frozenset({"code", "alpha3", "iso_name"})
_OPTIONAL: Final = frozenset(
    {"numeric", "name", "official_name", "alpha4", "withdrawn", "successors", "forms", "aliases"}
)


def _str_list(record: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = record.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"'{key}' must be a list of strings (got {value!r})")
    return tuple(value)


def _from_record(
    record: object, english: Mapping[str, str], make: Callable[..., S]
) -> tuple[S, list[tuple[str, Source]]]:
    """One state and the names it claims, from one record of the data file."""
    if not isinstance(record, dict):
        raise TypeError(f"a state record must be an object (got {type(record).__name__})")
    keys = set(record)
    if missing := _REQUIRED - keys:
        raise ValueError(f"missing field(s): {', '.join(sorted(missing))}")
    if unknown := keys - _REQUIRED - _OPTIONAL:
        raise ValueError(f"unknown field(s): {', '.join(sorted(unknown))}")
    alpha4 = record.get("alpha4")
    withdrawn = record.get("withdrawn")
    if alpha4 is None:
        name = english.get(record["code"], record["iso_name"])
    elif "name" not in record:
        raise ValueError("missing field(s): name")
    else:
        name = record["name"]
    state = make(
        code=record["code"],
        alpha3=record["alpha3"],
        numeric=record.get("numeric"),
        name=name,
        iso_name=record["iso_name"],
        official_name=record.get("official_name"),
        alpha4=alpha4,
        withdrawn=None if withdrawn is None else PartialDate.parse(withdrawn),
        successors=_str_list(record, "successors"),
    )
    claims = [(record["iso_name"], Source.ISO)]
    if record.get("official_name") is not None:
        claims.append((record["official_name"], Source.ISO))
    claims += [(form, Source.ISO) for form in _str_list(record, "forms")]
    if alpha4 is not None:
        claims.append((name, Source.CURATED))
    claims += [(alias, Source.CURATED) for alias in _str_list(record, "aliases")]
    return state, claims


def _code_spellings(state: StateLike) -> Iterator[str]:
    yield state.code
    yield state.alpha3
    if state.numeric is not None:
        yield state.numeric
    if state.alpha4 is not None:
        yield state.alpha4
        yield state.alpha4[:2]


def _index_codes(ordered: tuple[S, ...]) -> tuple[dict[str, S], dict[str, tuple[S, ...]]]:
    """Map every code spelling to its state; current states win over historical ones."""
    best: dict[str, tuple[bool, list[S]]] = {}
    for state in ordered:
        for spelling in _code_spellings(state):
            rank = state.alpha4 is not None
            held = best.get(spelling)
            if held is None or rank < held[0]:
                best[spelling] = (rank, [state])
            elif rank == held[0] and all(other is not state for other in held[1]):
                held[1].append(state)
    codes = {key: found[0] for key, (_, found) in best.items() if len(found) == 1}
    ambiguous = {key: tuple(found) for key, (_, found) in best.items() if len(found) > 1}
    return codes, ambiguous


def _cross_check(ordered: Sequence[StateLike]) -> list[Problem]:
    """Problems between records: a repeated code, a successor that is not a state."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for state in ordered:
        if state.code in seen:
            problems.append(Problem(path="$.states", message=f"code {state.code} is repeated"))
        seen.add(state.code)
    problems.extend(
        Problem(path="$.states", message=f"{state.code}: unknown successor {code}")
        for state in ordered
        for code in state.successors
        if code not in seen
    )
    return problems


def load_json(text: str, source: str) -> dict[str, Any]:
    """A data file's top-level object, checked to be of the format this code reads.

    Raises:
        DataError: The text is not JSON, or not an object of format `FORMAT`.
    """
    import json  # noqa: PLC0415 - read on first use, not on `import diplomodel`

    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError.single("$", f"not JSON: {exc}", source=source) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise DataError.single("$.format", f"must be {FORMAT}", source=source)
    return raw


def parse_tables(text: str, make: Callable[..., S]) -> Tables[S]:
    """Read the text of ``states.json`` into the registry's tables.

    Args:
        text: The file's text.
        make: Builds one state from keyword arguments (the `State` class).

    Returns:
        The tables.

    Raises:
        DataError: The text is not a valid data file; every problem is listed.
    """
    records = load_json(text, DATA_NAME).get("states")
    if not isinstance(records, list):
        raise DataError.single("$.states", "must be a list", source=DATA_NAME)
    english = territory_names("en")
    problems: list[Problem] = []
    built: list[S] = []
    claims: list[tuple[str, Source, S]] = []
    for number, record in enumerate(records):
        try:
            state, names = _from_record(record, english, make)
        except (TypeError, ValueError) as exc:
            message = str(exc) or type(exc).__name__
            problems.append(Problem(path=f"$.states[{number}]", message=message))
            continue
        built.append(state)
        claims += [(name, source, state) for name, source in names]
    ordered = tuple(sorted(built, key=lambda s: (s.alpha4 is not None, s.code)))
    problems += _cross_check(ordered)
    if problems:
        raise DataError(problems, source=DATA_NAME)
    codes, ambiguous = _index_codes(ordered)
    return Tables(ordered, codes, ambiguous, tuple(claims))


def read_data(name: str) -> str:
    """The text of one of the package's data files (``"states.json"``)."""
    from importlib import resources  # noqa: PLC0415 - loaded with the first data file

    return (resources.files("diplomodel") / "_data" / name).read_text(encoding="utf-8")


# --- state_names.json ------------------------------------------------------------


class LocalNames(NamedTuple):
    """Names of states by code, then by locale key; and former names by code."""

    short: Mapping[str, Mapping[str, str]]
    official: Mapping[str, Mapping[str, str]]
    former: Mapping[str, tuple[str, ...]]


def _text_map(value: object, path: str, problems: list[Problem]) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()
    ):
        problems.append(Problem(path=path, message="must map locales to non-empty names"))
        return {}
    return value


def parse_local_names(text: str, known: Mapping[str, object]) -> LocalNames:
    """Read the text of ``state_names.json``.

    Args:
        text: The file's text.
        known: The registry's codes; every code in the file must be one of them.

    Returns:
        The names.

    Raises:
        DataError: The text is not a valid names file; every problem is listed.
    """
    raw = load_json(text, NAMES_NAME)
    problems: list[Problem] = []
    short: dict[str, Mapping[str, str]] = {}
    official: dict[str, Mapping[str, str]] = {}
    former: dict[str, tuple[str, ...]] = {}
    states = raw.get("states")
    if not isinstance(states, dict):
        raise DataError.single("$.states", "must be an object", source=NAMES_NAME)
    for code, entry in states.items():
        path = f"$.states.{code}"
        if code not in known:
            problems.append(Problem(path=path, message="not a state code"))
            continue
        if not isinstance(entry, dict) or set(entry) - {"short", "official", "former"}:
            problems.append(Problem(path=path, message="must hold short, official, former"))
            continue
        short[code] = _text_map(entry.get("short", {}), f"{path}.short", problems)
        official[code] = _text_map(entry.get("official", {}), f"{path}.official", problems)
        names: list[str] = []
        for number, item in enumerate(entry.get("former", [])):
            if not isinstance(item, dict) or not isinstance(item.get("name"), str):
                problems.append(Problem(path=f"{path}.former[{number}]", message="needs a name"))
                continue
            names.append(item["name"])
        former[code] = tuple(names)
    if problems:
        raise DataError(problems, source=NAMES_NAME)
    return LocalNames(short, official, former)


def name_claims(tables: Tables[S], local: LocalNames) -> list[tuple[str, tuple[bool, Source], S]]:
    """Every name of every state with its rank: current states first, then by `Source`."""
    ranked: list[tuple[str, Source, S]] = list(tables.names)
    for locale in LOOKUP_LOCALES:
        source = Source.CLDR_EN if locale == "en" else Source.CLDR_OTHER
        names = territory_names(locale)
        ranked += [
            (names[state.code], source, state)
            for state in tables.ordered
            if state.alpha4 is None and state.code in names
        ]
    for state in tables.ordered:
        for table in (local.short, local.official):
            ranked += [
                (name, Source.TRANSLATED, state) for name in table.get(state.code, {}).values()
            ]
        ranked += [(name, Source.FORMER, state) for name in local.former.get(state.code, ())]
    return [(text, (state.alpha4 is not None, source), state) for text, source, state in ranked]
