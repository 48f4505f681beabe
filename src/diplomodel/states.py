"""States, current and historical: their ISO codes and their names in many languages.

Every state is a frozen `State` record. The module-level registry `states`
finds one by code (`StateRegistry.get`) or by almost any name a report might
use (`StateRegistry.lookup`): ISO names, common English forms, and the CLDR
names babel knows in the languages of `_LOOKUP_LOCALES`: Arabic, Belarusian,
Chinese (simplified and traditional), Dutch, English, French, German, Hebrew,
Hindi, Indonesian, Italian, Japanese, Kazakh, Korean, Persian, Polish,
Portuguese (Brazil and Portugal), Russian, Spanish, Turkish, Ukrainian and
Vietnamese.

Codes and ISO names come from ISO 3166-1 (current states) and ISO 3166-3
(states that were withdrawn, such as the Soviet Union), generated into
``_data/states.json`` by ``scripts/generate_states.py``. Names in other
languages are read from babel's CLDR data when they are first needed.

How names are matched:

* Only whole names match: ``"Niger"`` is Niger, never Nigeria.
* Text is compared after normalisation (`_normalise`): Unicode NFKC and case
  folding, accents stripped from Latin letters (``"Côte d'Ivoire"`` matches
  ``"Cote d'Ivoire"``), apostrophes and most punctuation dropped, hyphens read
  as spaces, and a leading English "the" ignored. Other scripts keep their
  marks.
* Text written in capitals or digits is read as a code first (``"NGA"`` is
  Nigeria); other text as a name first, then as a code (Vietnamese ``"Nga"``
  is Russia, while ``"rus"`` is still Russia's alpha-3 code).
* When two states claim the same normalised name, a current state beats a
  historical one (``"Burma"`` is Myanmar; the historical entry keeps its code
  ``BU``); then ISO names beat curated English aliases, which beat CLDR English
  names, which beat CLDR names in other languages. A name claimed by two
  different states at the same best rank is dropped as ambiguous and raises.
* ``"Congo"`` alone is the Republic of the Congo (CG), because that is its ISO
  short name; the other Congo is ``"DR Congo"``, ``"DRC"`` or ``"COD"``.

Data is loaded lazily and once, under a lock: importing this module reads
nothing, the first `StateRegistry.get` reads the JSON file, and the first
`StateRegistry.lookup` also builds the name index. After that every lookup is a
dictionary hit.

>>> states.get("CN").name_in("ru")
'Китай'
>>> states.lookup("Россия") is states.get("RU")
True
"""

from __future__ import annotations

import difflib
import enum
import functools
import json
import re
import threading
import types
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from importlib import resources
from typing import Any, Final, NamedTuple, TypeVar, overload

from attrs import Attribute, field, frozen
from babel import Locale, UnknownLocaleError

from diplomodel import _validators as v
from diplomodel.dates import PartialDate
from diplomodel.errors import (
    ArgumentTypeError,
    DataError,
    InvalidArgumentError,
    Problem,
    UnknownStateError,
)

__all__ = ["State", "StateRegistry", "states"]

T = TypeVar("T")

_FORMAT: Final = 1
_DATA_NAME: Final = "diplomodel/_data/states.json"

#: Locales whose CLDR names `StateRegistry.lookup` understands. English names
#: outrank the others in a clash (see `_Source`), whatever the order here.
_LOOKUP_LOCALES: Final = (
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

_CODE: Final = re.compile(r"[A-Z]{2}(?:[A-Z]{2})?")
_ALPHA3: Final = re.compile(r"[A-Z]{3}")
_ALPHA4: Final = re.compile(r"[A-Z]{4}")
_NUMERIC: Final = re.compile(r"[0-9]{3}")

_Validator = Callable[[Any, "Attribute[Any]", Any], None]


# --- validators ---------------------------------------------------------------


def _matches(pattern: re.Pattern[str], expected: str) -> _Validator:
    """A validator requiring a str that matches `pattern` exactly."""

    def check(_inst: Any, attribute: Attribute[Any], value: Any) -> None:
        if not isinstance(value, str) or pattern.fullmatch(value) is None:
            raise ValueError(f"'{attribute.name}' must be {expected} (got {value!r})")

    return check


def _check_alpha4(inst: State, attribute: Attribute[Any], value: object) -> None:
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


def _check_withdrawn(inst: State, attribute: Attribute[Any], value: object) -> None:
    if inst.alpha4 is None:
        if value is not None:
            raise ValueError(f"'{attribute.name}' must be None for a current state (got {value!r})")
    elif not isinstance(value, PartialDate):
        raise ValueError(
            f"'{attribute.name}' must be a PartialDate for a historical state (got {value!r})"
        )


def _check_successors(inst: State, attribute: Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple):
        raise TypeError(f"'{attribute.name}' must be a tuple of codes (got {value!r})")
    for code in value:
        if not isinstance(code, str) or _CODE.fullmatch(code) is None:
            raise ValueError(f"'{attribute.name}' must hold 2- or 4-letter codes (got {code!r})")
    if len(set(value)) != len(value) or inst.code in value:
        raise ValueError(f"'{attribute.name}' must not repeat a code or name the state itself")
    if value and inst.alpha4 is None:
        raise ValueError(f"'{attribute.name}' must be empty for a current state (got {value!r})")


# --- State --------------------------------------------------------------------


@frozen(kw_only=True, cache_hash=True)
class State:
    """A sovereign state or other ISO 3166 territory, current or historical.

    Get states from the registry (`states.get`, `states.lookup`, or
    `State.from_code`) rather than building them: the registry hands out one
    object per state, so ``is`` comparisons work.

    Args:
        code: The registry code. For a current state its ISO alpha-2 code; for
            a historical state its former alpha-2 code when no other state uses
            it (``"SU"``), else its ISO 3166-3 alpha-4 code (``"CSHH"``).
        alpha3: The ISO alpha-3 code.
        numeric: The ISO numeric code as three digits, or None when ISO has none.
        name: The common English name: CLDR's for current states ("Russia"),
            a curated one for historical states ("Soviet Union").
        iso_name: The ISO short name ("Russian Federation").
        official_name: The ISO official name, when ISO gives one.
        alpha4: The ISO 3166-3 code of a historical state; None for current ones.
        withdrawn: When ISO withdrew the code of a historical state.
        successors: Codes of the states that took a historical state's place,
            the continuator or main successor first.

    Raises:
        ValueError: A field breaks its rule (``code="ru"``, ``numeric="0643"``,
            an empty name, successors on a current state ...).

    >>> ru = states.get("RU")
    >>> ru.alpha3, ru.numeric, ru.name, ru.iso_name
    ('RUS', '643', 'Russia', 'Russian Federation')
    >>> su = states.get("SU")
    >>> su.name, su.alpha4, str(su.withdrawn), su.successor is ru
    ('Soviet Union', 'SUHH', '1992-08-30', True)
    >>> str(su)
    'Soviet Union'
    """

    code: str = field(validator=_matches(_CODE, "2 or 4 upper-case ASCII letters"))
    alpha3: str = field(validator=_matches(_ALPHA3, "3 upper-case ASCII letters"))
    numeric: str | None = field(
        default=None, validator=v.optional(_matches(_NUMERIC, "3 ASCII digits or None"))
    )
    name: str = field(validator=v.text(max_length=200))
    iso_name: str = field(validator=v.text(max_length=200))
    official_name: str | None = field(default=None, validator=v.optional(v.text(max_length=200)))
    alpha4: str | None = field(default=None, validator=_check_alpha4)
    withdrawn: PartialDate | None = field(default=None, validator=_check_withdrawn)
    successors: tuple[str, ...] = field(default=(), validator=_check_successors)

    @classmethod
    def from_code(cls, code: str) -> State:
        """The registered state with a code; the same as ``states.get(code)``.

        Args:
            code: An alpha-2, alpha-3, numeric or alpha-4 code, in any case.

        Returns:
            The state.

        Raises:
            UnknownStateError: No state, or more than one, has that code.

        >>> State.from_code("fr").name
        'France'
        """
        return states.get(code)

    @property
    def historical(self) -> bool:
        """Whether ISO has withdrawn the state's code (ISO 3166-3).

        >>> states.get("DD").historical, states.get("DE").historical
        (True, False)
        """
        return self.alpha4 is not None

    @property
    def successor(self) -> State | None:
        """The continuator or main successor of a historical state, else None.

        >>> states.get("ZR").successor.name
        'Congo - Kinshasa'
        >>> states.get("CN").successor is None
        True
        """
        return states.get(self.successors[0]) if self.successors else None

    def name_in(self, locale: str) -> str:
        """The state's name in a language, from CLDR (through babel).

        Historical states have no CLDR names; for them, and for any state the
        locale does not name, the English `name` is returned.

        Args:
            locale: A locale identifier: ``"ru"``, ``"zh_Hant"``, ``"pt-BR"``.

        Returns:
            The localised name.

        Raises:
            ValueError: The locale is malformed or unknown to babel.

        >>> states.get("CN").name_in("ru"), states.get("RU").name_in("zh")
        ('Китай', '俄罗斯')
        >>> states.get("SU").name_in("fr")
        'Soviet Union'
        """
        names = _territory_names(locale)
        if self.alpha4 is not None:
            return self.name
        return names.get(self.code, self.name)

    def __str__(self) -> str:
        """The English `name`."""
        return self.name


@functools.lru_cache(maxsize=64)
def _territory_names(locale: str) -> Mapping[str, str]:
    """CLDR territory names for a locale, keyed by region code."""
    if not isinstance(locale, str):
        raise ArgumentTypeError(f"a locale must be a str (got {type(locale).__name__})")
    try:
        parsed = Locale.parse(locale.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise InvalidArgumentError(f"unknown locale {locale!r}: {exc}") from None
    return types.MappingProxyType(dict(parsed.territories))


# --- normalisation -----------------------------------------------------------

# Apostrophe look-alikes that are not Unicode punctuation (and so would survive
# the punctuation rule below); NFKC would also turn the acute accent into a
# space plus a combining mark.
_APOSTROPHES: Final = str.maketrans(
    dict.fromkeys("\u0060\u00b4\u02b9\u02bb\u02bc\u02bd\u02c8", None)
)


def _is_latin(char: str) -> bool:
    return char < "\u0250" or "\u1e00" <= char <= "\u1eff"


def _normalise(text: str) -> str:
    r"""The key under which a name is indexed and looked up.

    >>> _normalise("  The Côte d\u2019Ivoire ")
    'cote divoire'
    >>> _normalise("Bosnia & Herzegovina"), _normalise("Guinea-Bissau")
    ('bosnia and herzegovina', 'guinea bissau')
    >>> _normalise("U.S.A."), _normalise("Россия"), _normalise("ベトナム")
    ('usa', 'россия', 'ベトナム')
    """
    text = text.translate(_APOSTROPHES).replace("&", " and ")
    text = unicodedata.normalize("NFKC", text).casefold()
    kept: list[str] = []
    latin = False
    for char in unicodedata.normalize("NFKD", text):
        category = unicodedata.category(char)
        if category == "Mn":
            if not latin:
                kept.append(char)
            continue
        latin = _is_latin(char)
        if category == "Pd" or char == "/":
            kept.append(" ")
        elif not category.startswith("P"):
            kept.append(char)
    words = unicodedata.normalize("NFC", "".join(kept)).split()
    if len(words) > 1 and words[0] == "the":
        del words[0]
    return " ".join(words)


def _code_key(code: str) -> str:
    """The spelling of a code as the registry stores it: upper case, numbers padded."""
    key = code.strip().upper()
    if key.isascii() and key.isdigit() and len(key) < 3:
        key = key.zfill(3)
    return key


# --- loading ----------------------------------------------------------------


class _Source(enum.IntEnum):
    """Where a name comes from; a lower value wins a clash."""

    ISO = 1
    CURATED = 2
    CLDR_EN = 3
    CLDR_OTHER = 4


class _Tables(NamedTuple):
    ordered: tuple[State, ...]
    codes: dict[str, State]
    ambiguous_codes: dict[str, tuple[State, ...]]
    names: tuple[tuple[str, _Source, State], ...]


class _NameIndex(NamedTuple):
    names: dict[str, State]
    dropped: dict[str, tuple[State, ...]]


_REQUIRED: Final = frozenset({"code", "alpha3", "iso_name"})
_OPTIONAL: Final = frozenset(
    {"numeric", "name", "official_name", "alpha4", "withdrawn", "successors", "forms", "aliases"}
)


def _str_list(record: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = record.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"'{key}' must be a list of strings (got {value!r})")
    return tuple(value)


def _state_from_record(
    record: object, english: Mapping[str, str]
) -> tuple[State, list[tuple[str, _Source]]]:
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
    else:
        if "name" not in record:
            raise ValueError("missing field(s): name")
        name = record["name"]
    state = State(
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
    claims = [(state.iso_name, _Source.ISO)]
    if state.official_name is not None:
        claims.append((state.official_name, _Source.ISO))
    claims += [(form, _Source.ISO) for form in _str_list(record, "forms")]
    if state.historical:
        claims.append((state.name, _Source.CURATED))
    claims += [(alias, _Source.CURATED) for alias in _str_list(record, "aliases")]
    return state, claims


def _code_spellings(state: State) -> list[str]:
    spellings = [state.code, state.alpha3]
    if state.numeric is not None:
        spellings.append(state.numeric)
    if state.alpha4 is not None:
        spellings += [state.alpha4, state.alpha4[:2]]
    return spellings


def _index_codes(
    ordered: tuple[State, ...],
) -> tuple[dict[str, State], dict[str, tuple[State, ...]]]:
    """Map every code spelling to its state; current states win over historical ones."""
    best: dict[str, tuple[bool, list[State]]] = {}
    for state in ordered:
        for spelling in _code_spellings(state):
            rank = state.historical
            held = best.get(spelling)
            if held is None or rank < held[0]:
                best[spelling] = (rank, [state])
            elif rank == held[0] and all(other is not state for other in held[1]):
                held[1].append(state)
    codes = {key: found[0] for key, (_, found) in best.items() if len(found) == 1}
    ambiguous = {key: tuple(found) for key, (_, found) in best.items() if len(found) > 1}
    return codes, ambiguous


def _cross_check(ordered: tuple[State, ...]) -> list[Problem]:
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


def _parse_tables(text: str) -> _Tables:
    """Read the data file's text into the registry's tables.

    Raises:
        DataError: The text is not a valid data file; every problem is listed.
    """
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError.single("$", f"not JSON: {exc}", source=_DATA_NAME) from None
    if not isinstance(raw, dict) or raw.get("format") != _FORMAT:
        raise DataError.single("$.format", f"must be {_FORMAT}", source=_DATA_NAME)
    records = raw.get("states")
    if not isinstance(records, list):
        raise DataError.single("$.states", "must be a list", source=_DATA_NAME)
    english = _territory_names("en")
    problems: list[Problem] = []
    built: list[State] = []
    claims: list[tuple[str, _Source, State]] = []
    for number, record in enumerate(records):
        try:
            state, names = _state_from_record(record, english)
        except (TypeError, ValueError) as exc:
            message = str(exc) or type(exc).__name__
            problems.append(Problem(path=f"$.states[{number}]", message=message))
            continue
        built.append(state)
        claims += [(name, source, state) for name, source in names]
    ordered = tuple(sorted(built, key=lambda s: (s.historical, s.code)))
    problems += _cross_check(ordered)
    if problems:
        raise DataError(problems, source=_DATA_NAME)
    codes, ambiguous = _index_codes(ordered)
    return _Tables(ordered, codes, ambiguous, tuple(claims))


def _read_data() -> str:
    return (resources.files("diplomodel") / "_data" / "states.json").read_text(encoding="utf-8")


def _build_index(tables: _Tables) -> _NameIndex:
    """Index every name of every state by its normalised key, settling clashes."""
    claims = list(tables.names)
    for locale in _LOOKUP_LOCALES:
        source = _Source.CLDR_EN if locale == "en" else _Source.CLDR_OTHER
        names = _territory_names(locale)
        claims += [
            (names[state.code], source, state)
            for state in tables.ordered
            if not state.historical and state.code in names
        ]
    best: dict[str, tuple[tuple[bool, _Source], list[State]]] = {}
    for text, source, state in claims:
        key = _normalise(text)
        if not key:
            continue
        rank = (state.historical, source)
        held = best.get(key)
        if held is None or rank < held[0]:
            best[key] = (rank, [state])
        elif rank == held[0] and all(other is not state for other in held[1]):
            held[1].append(state)
    return _NameIndex(
        names={key: found[0] for key, (_, found) in best.items() if len(found) == 1},
        dropped={key: tuple(found) for key, (_, found) in best.items() if len(found) > 1},
    )


def _ambiguous(what: str, candidates: tuple[State, ...]) -> UnknownStateError:
    listed = ", ".join(f"{s.code} ({s.name})" for s in candidates)
    return UnknownStateError(f"{what} is ambiguous: it may mean {listed}; use one of those codes")


# --- the registry -------------------------------------------------------------


class _Missing(enum.Enum):
    MISSING = enum.auto()


_MISSING: Final = _Missing.MISSING


class StateRegistry:
    """All ISO 3166 states, current and historical, found by code or by name.

    Use the module-level instance `states`. Its data is read on first use,
    once, even when several threads ask at the same moment.

    >>> len(states) == len(states.current()) + len(states.historical())
    True
    >>> "RU" in states, "XX" in states
    (True, False)
    """

    __slots__ = ("_index_cache", "_lock", "_tables_cache")

    def __init__(self) -> None:
        """Make an empty registry that loads its data when first used."""
        self._lock = threading.Lock()
        self._tables_cache: _Tables | None = None
        self._index_cache: _NameIndex | None = None

    def __repr__(self) -> str:
        """Say whether the data has been loaded, without loading it."""
        tables = self._tables_cache
        status = "not loaded" if tables is None else f"{len(tables.ordered)} states"
        return f"<StateRegistry: {status}>"

    def _tables(self) -> _Tables:
        tables = self._tables_cache
        if tables is None:
            with self._lock:
                tables = self._tables_cache
                if tables is None:
                    tables = _parse_tables(_read_data())
                    self._tables_cache = tables
        return tables

    def _index(self) -> _NameIndex:
        index = self._index_cache
        if index is None:
            tables = self._tables()  # outside the lock: it takes the lock itself
            with self._lock:
                index = self._index_cache
                if index is None:
                    index = _build_index(tables)
                    self._index_cache = index
        return index

    @overload
    def get(self, code: str) -> State: ...

    @overload
    def get(self, code: str, default: T) -> State | T: ...

    def get(self, code: str, default: T | _Missing = _MISSING) -> State | T:
        """The state with a code.

        Accepts alpha-2 (``"RU"``), alpha-3 (``"RUS"``), numeric (``"643"``;
        shorter digit strings are zero-padded) and, for historical states,
        alpha-4 codes (``"SUHH"``) and former alpha-2 codes (``"SU"``), in any
        case. When a current and a historical state share a code, the current
        one has it (``"BY"`` is Belarus; the Byelorussian SSR is ``"BYAA"``).

        Args:
            code: The code.
            default: Returned instead of raising when no single state has the code.

        Returns:
            The state, or `default`.

        Raises:
            UnknownStateError: No state has the code, or several do (``"CS"``
                was used by Czechoslovakia and by Serbia and Montenegro), and
                no default was given.
            TypeError: `code` is not a str.

        >>> states.get("rus") is states.get("643") is states.get("RU")
        True
        >>> states.get("XX", None) is None
        True
        >>> states.get("CS")
        Traceback (most recent call last):
        ...
        diplomodel.errors.UnknownStateError: code 'CS' is ambiguous: it may mean CSHH (Czechoslovakia), CSXX (Serbia and Montenegro); use one of those codes
        """  # noqa: E501
        if not isinstance(code, str):
            raise ArgumentTypeError(f"a state code must be a str (got {type(code).__name__})")
        tables = self._tables()
        key = _code_key(code)
        state = tables.codes.get(key)
        if state is not None:
            return state
        if not isinstance(default, _Missing):
            return default
        if key in tables.ambiguous_codes:
            raise _ambiguous(f"code {code!r}", tables.ambiguous_codes[key])
        raise UnknownStateError(f"no state has the code {code!r}")

    def lookup(self, text: str) -> State:
        """The state a code or a name stands for.

        Text in capitals or digits is tried as a code first (as `get` reads
        codes), any other text as a name first; then the other way. Names are
        whole names: ISO short and official
        names, curated English forms ("PRC", "UK", "Ivory Coast"), and CLDR
        names in English and the other lookup languages. See the module
        documentation for how text is normalised and clashes are settled.

        Args:
            text: A code or a name, in any case and with or without accents.

        Returns:
            The state.

        Raises:
            UnknownStateError: Nothing, or more than one state, goes by that text.
            TypeError: `text` is not a str.

        >>> states.lookup("Russian Federation") is states.lookup("Россия") is states.get("RU")
        True
        >>> states.lookup("中国").code, states.lookup("Chine").code, states.lookup("PRC").code
        ('CN', 'CN', 'CN')
        >>> states.lookup("Cote d'Ivoire") is states.lookup("Ivory Coast")
        True
        >>> states.lookup("Niger").code
        'NE'
        """
        if not isinstance(text, str):
            raise ArgumentTypeError(f"a state name must be a str (got {type(text).__name__})")
        tables = self._tables()
        key = _code_key(text)
        by_code = tables.codes.get(key)
        if by_code is not None and key == text.strip():
            return by_code  # written as a code: no need for the name index
        index = self._index()
        name = _normalise(text)
        state = index.names.get(name) or by_code
        if state is not None:
            return state
        if key in tables.ambiguous_codes:
            raise _ambiguous(f"code {text!r}", tables.ambiguous_codes[key])
        if name in index.dropped:
            raise _ambiguous(f"name {text!r}", index.dropped[name])
        raise UnknownStateError(f"no state is known as {text!r}{self._suggest(name, index)}")

    @staticmethod
    def _suggest(name: str, index: _NameIndex) -> str:
        close = difflib.get_close_matches(name, index.names, n=5, cutoff=0.8)
        shown = list(
            dict.fromkeys(f"{index.names[key].name} ({index.names[key].code})" for key in close)
        )
        return f"; did you mean {' or '.join(shown)}?" if shown else ""

    def current(self) -> tuple[State, ...]:
        """The states ISO 3166-1 lists today, sorted by code.

        >>> len(states.current()), states.current()[0].code
        (249, 'AD')
        """
        return tuple(s for s in self._tables().ordered if not s.historical)

    def historical(self) -> tuple[State, ...]:
        """The states whose codes ISO 3166-3 records as withdrawn, sorted by code.

        >>> "SU" in [s.code for s in states.historical()]
        True
        """
        return tuple(s for s in self._tables().ordered if s.historical)

    def __iter__(self) -> Iterator[State]:
        """Every state: the current ones, then the historical ones, each sorted by code.

        >>> [s.code for s in states][:3]
        ['AD', 'AE', 'AF']
        """
        return iter(self._tables().ordered)

    def __len__(self) -> int:
        """How many states there are, current and historical.

        >>> len(states) > 249
        True
        """
        return len(self._tables().ordered)

    def __contains__(self, item: object) -> bool:
        """Whether a code resolves to one state, or a `State` is the registry's.

        >>> "rus" in states, states.get("SU") in states, "CS" in states, 643 in states
        (True, True, False, False)
        """
        if isinstance(item, State):
            return self.get(item.code, None) == item
        if isinstance(item, str):
            return self.get(item, None) is not None
        return False


#: The registry of all states.
states: Final = StateRegistry()
