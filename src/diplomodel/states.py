"""States, current and historical: their ISO codes and their names in many languages.

Every state is a frozen `State` record. The module-level registry `states`
finds one by code (`StateRegistry.get`) or by almost any name a report might
use (`StateRegistry.lookup`): ISO names, common English forms, the CLDR names
babel knows, the official long forms (``"Bundesrepublik Deutschland"``,
``"中华人民共和国"``) and former names (``"Ceylon"``, ``"Сиам"``), in the
languages of ``LOOKUP_LOCALES``: Arabic, Belarusian, Chinese (simplified and
traditional), Dutch, English, French, German, Hebrew, Hindi, Indonesian,
Italian, Japanese, Kazakh, Korean, Persian, Polish, Portuguese (Brazil and
Portugal), Russian, Spanish, Turkish, Ukrainian and Vietnamese.

Codes and ISO names come from ISO 3166-1 (current states) and ISO 3166-3
(states that were withdrawn, such as the Soviet Union), generated into
``_data/states.json`` by ``scripts/generate_states.py``. Common names in other
languages are read from babel's CLDR data when they are first needed. Official
names in other languages, and the names of historical states, which CLDR
lacks, are the iso-codes project's translations that pycountry ships, generated
by ``scripts/generate_state_names.py`` into ``_data/state_names.json``;
never typed by hand.

How names are matched:

* Only whole names match: ``"Niger"`` is Niger, never Nigeria.
* Text is compared after normalisation (`diplomodel._names.normalise`):
  Unicode NFKC and case folding, accents stripped from Latin letters
  (``"Côte d'Ivoire"`` matches ``"Cote d'Ivoire"``), Arabic vowel marks,
  tatweel and the hamza or madda on alef ignored, Russian ё read as е,
  apostrophes and most punctuation dropped, hyphens read as spaces, and a
  leading English "the" ignored. Other scripts keep their marks.
* Text written in capitals or digits is read as a code first (``"NGA"`` is
  Nigeria); other text as a name first, then as a code (Vietnamese ``"Nga"``
  is Russia, while ``"rus"`` is still Russia's alpha-3 code).
* When two states claim the same normalised name, a current state beats a
  historical one (``"Burma"`` is Myanmar; the historical entry keeps its code
  ``BU``); then ISO names beat curated English aliases, which beat CLDR English
  names, which beat CLDR names in other languages, which beat the translated
  ISO names, which beat former names. A name claimed by two different states
  at the same best rank is dropped as ambiguous and raises (three iso-codes
  translations that name the wrong state are dropped that way).
* ``"Congo"`` alone is the Republic of the Congo (CG), because that is its ISO
  short name; the other Congo is ``"DR Congo"``, ``"DRC"`` or ``"COD"``.

Data is loaded lazily and once, under a lock: importing this module reads
nothing, the first `StateRegistry.get` reads ``states.json``, and the first
`StateRegistry.lookup` (or official or historical name) also reads
``state_names.json`` and builds the name index. After that every lookup is a
dictionary hit.

>>> states.get("CN").name_in("ru")
'Китай'
>>> states.lookup("Россия") is states.get("RU")
True
"""

from __future__ import annotations

import enum
import re
import threading
import typing
from collections.abc import Iterator, Mapping
from typing import Final, TypeVar, overload

import attrs
from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel._names import NameIndex, build_index, code_key, normalise
from diplomodel._states_data import (
    CODE,
    LocalNames,
    Tables,
    check_alpha4,
    check_successors,
    check_withdrawn,
    locale_keys,
    matches,
    name_claims,
    parse_local_names,
    parse_tables,
    read_data,
    territory_names,
)
from diplomodel.dates import PartialDate
from diplomodel.errors import (
    ArgumentTypeError,
    UnknownStateError,
)

__all__ = ["State", "StateRegistry", "states"]

T = TypeVar("T")

_ALPHA3: Final = re.compile(r"[A-Z]{3}")
_NUMERIC: Final = re.compile(r"[0-9]{3}")


# --- State --------------------------------------------------------------------


class ByCode:
    """Equality and hash of reference records (states, organisations), kept cheap.

    The registries hand out one object per record, so two records are mostly
    compared by identity, or else by their codes; only a copy of a record (an
    unpickled one, one built by hand) with the same code is compared field by
    field, which gives what comparing every field gives. The hash is the code's.
    """

    __slots__ = ()

    code: str

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self is other or (self.code == other.code and self._same_fields(other))

    def _same_fields(self, other: object) -> bool:
        """Whether two records of one class and code agree in every compared field."""
        return all(
            getattr(self, a.name) == getattr(other, a.name)
            for a in attrs.fields(typing.cast("type[attrs.AttrsInstance]", self.__class__))
            if a.eq
        )

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    def __hash__(self) -> int:
        return hash(self.code)


@frozen(kw_only=True, eq=False)
class State(ByCode):
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

    code: str = field(validator=matches(CODE, "2 or 4 upper-case ASCII letters"))
    alpha3: str = field(validator=matches(_ALPHA3, "3 upper-case ASCII letters"))
    numeric: str | None = field(
        default=None, validator=v.optional(matches(_NUMERIC, "3 ASCII digits or None"))
    )
    name: str = field(validator=v.text(max_length=200))
    iso_name: str = field(validator=v.text(max_length=200))
    official_name: str | None = field(default=None, validator=v.optional(v.text(max_length=200)))
    alpha4: str | None = field(default=None, validator=check_alpha4)
    withdrawn: PartialDate | None = field(default=None, validator=check_withdrawn)
    successors: tuple[str, ...] = field(default=(), validator=check_successors)

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
        """The state's name in a language.

        Current states are named as CLDR (through babel) names them. CLDR has
        no historical states: they are named from the iso-codes translations
        of their ISO 3166-3 names (generated into the package's data). When
        neither has the language, the English `name` is returned.

        Args:
            locale: A locale identifier: ``"ru"``, ``"zh_Hant"``, ``"pt-BR"``.

        Returns:
            The localised name.

        Raises:
            ValueError: The locale is malformed or unknown to babel.

        >>> states.get("CN").name_in("ru"), states.get("RU").name_in("zh")
        ('Китай', '俄罗斯')
        >>> states.get("SU").name_in("ru"), states.get("SU").name_in("zh")
        ('Союз Советских Социалистических Республик', '苏维埃社会主义共和国联盟')
        >>> states.get("DD").name_in("de")
        'Deutsche Demokratische Republik'
        """
        names = territory_names(locale)
        if self.alpha4 is None:
            return names.get(self.code, self.name)
        if locale_keys(locale)[-1] == "en":
            return self.name
        local = states._local()  # noqa: SLF001 - the registry of this module
        return self._localised((local.short, local.official), locale) or self.name

    def official_name_in(self, locale: str) -> str:
        """The state's official (long) name in a language.

        Taken from the iso-codes translations of the ISO official name (or of
        the ISO name, when ISO gives no separate official one), generated into
        the package's data; never typed by hand. A language those translations
        lack gives the short name in that language (`name_in`).

        Args:
            locale: A locale identifier: ``"de"``, ``"zh"``, ``"fr-CA"``.

        Returns:
            The official name.

        Raises:
            ValueError: The locale is malformed or unknown to babel.

        >>> states.get("DE").official_name_in("de")
        'Bundesrepublik Deutschland'
        >>> states.get("CN").official_name_in("zh"), states.get("RU").official_name_in("ru")
        ('中华人民共和国', 'Российская Федерация')
        >>> states.get("MX").official_name_in("fr"), states.get("KR").official_name_in("en")
        ('États-Unis du Mexique', 'Republic of Korea')
        """
        found = self._localised((states._local().official,), locale)  # noqa: SLF001
        return found or self.name_in(locale)

    def _localised(
        self, tables: tuple[Mapping[str, Mapping[str, str]], ...], locale: str
    ) -> str | None:
        """The first name the tables give for a locale, trying its most specific key first."""
        for key in locale_keys(locale):
            for table in tables:
                name = table.get(self.code, {}).get(key)
                if name is not None:
                    return name
        return None

    @property
    def former_names(self) -> tuple[str, ...]:
        """Names the state went by before it took its present one, in several languages.

        Curated with their provenance in ``scripts/generate_state_names.py``;
        `StateRegistry.lookup` finds the state by them.

        >>> "Ceylon" in states.get("LK").former_names
        True
        """
        return states._local().former.get(self.code, ())  # noqa: SLF001

    def __str__(self) -> str:
        """The English `name`."""
        return self.name


def _parse_tables(text: str) -> Tables[State]:
    """Read the text of ``states.json`` into the registry's tables."""
    return parse_tables(text, State)


def _build_index(tables: Tables[State], local: LocalNames) -> NameIndex[State]:
    """Index every name of every state by its normalised key, settling clashes."""
    return build_index(name_claims(tables, local))


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

    __slots__ = ("_index_cache", "_local_cache", "_lock", "_tables_cache")

    def __init__(self) -> None:
        """Make an empty registry that loads its data when first used."""
        self._lock = threading.Lock()
        self._tables_cache: Tables[State] | None = None
        self._local_cache: LocalNames | None = None
        self._index_cache: NameIndex[State] | None = None

    def __repr__(self) -> str:
        """Say whether the data has been loaded, without loading it."""
        tables = self._tables_cache
        status = "not loaded" if tables is None else f"{len(tables.ordered)} states"
        return f"<StateRegistry: {status}>"

    def _tables(self) -> Tables[State]:
        tables = self._tables_cache
        if tables is None:
            with self._lock:
                tables = self._tables_cache
                if tables is None:
                    tables = _parse_tables(read_data("states.json"))
                    self._tables_cache = tables
        return tables

    def _local(self) -> LocalNames:
        """The names in other languages and the former names (read on first use)."""
        local = self._local_cache
        if local is None:
            tables = self._tables()  # outside the lock: it takes the lock itself
            with self._lock:
                local = self._local_cache
                if local is None:
                    known = {state.code: state for state in tables.ordered}
                    local = parse_local_names(read_data("state_names.json"), known)
                    self._local_cache = local
        return local

    def _index(self) -> NameIndex[State]:
        index = self._index_cache
        if index is None:
            tables, local = self._tables(), self._local()
            with self._lock:
                index = self._index_cache
                if index is None:
                    index = _build_index(tables, local)
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
        key = code_key(code)
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
        key = code_key(text)
        by_code = tables.codes.get(key)
        if by_code is not None and key == text.strip():
            return by_code  # written as a code: no need for the name index
        index = self._index()
        name = normalise(text)
        state = index.names.get(name) or by_code
        if state is not None:
            return state
        if key in tables.ambiguous_codes:
            raise _ambiguous(f"code {text!r}", tables.ambiguous_codes[key])
        if name in index.dropped:
            raise _ambiguous(f"name {text!r}", index.dropped[name])
        raise UnknownStateError(f"no state is known as {text!r}{self._suggest(name, index)}")

    @staticmethod
    def _suggest(name: str, index: NameIndex[State]) -> str:
        shown = [f"{state.name} ({state.code})" for state in index.suggest(name)]
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
