"""The words of diplomatic reporting in six languages, curated for `extract`.

State names come from CLDR (babel) and `_data/lexicon.json`; the closed
vocabulary around them lives in `_data/vocabulary.json`, curated for this
project from common press usage, and is exposed here, typed:

- ``TITLES`` — title of office -> `OfficialKind` value; ``"@XX"`` after the
  kind when the title itself names the state (Bundeskanzler, 国家主席), ``"@-"``
  when it serves no state (a secretary-general);
  ``"foreign_secretary"`` is settled by the state (the minister in the United
  Kingdom, a senior diplomat elsewhere), and so is ``"secretary_of_state"``
  (the foreign minister in the United States, a junior minister elsewhere);
- ``COUNTERPARTS`` ("his counterpart": the other official's kind of office),
  ``HONORIFICS`` (between a title and a name), ``NAME_PARTICLES`` (lower-case
  words inside names: bin, аль), ``NAME_STOPS_ZH`` and ``NAME_STOPS_AR`` (words
  that end a name written straight after a title);
- ``EVENTS`` — event word -> `EventKind` value; ``SERIES_NOUNS`` — what a
  series ordinal numbers; ``DOCUMENTS`` — document word -> `DocumentKind`
  value, ``"+pl"`` for a plural form; ``SECTORS`` — field -> `Sector` value;
- ``ANNIVERSARY_WORDS``; ``ANNIVERSARY_WHAT`` — word -> `AnniversaryKind` value;
- ``FUTURE`` (an announcement: its weekdays lie ahead), ``LOCATIVES``
  (prepositions that make a capital a place), ``DESTINATIONS`` (where someone
  goes: not the state an official serves), ``LEADERS`` ("the leaders of":
  the states named with them take part), ``NEGATIONS`` (a document "not
  signed"), ``US_STATE_MARKS`` ("the state
  of"), ``RELATIVE_DAYS`` (phrase -> days from the reported day);
- numbers: ``NUMBER_WORDS`` (cardinals for counts), ``ORDINAL_WORDS``,
  ``TENS`` (the tens of compound ordinals), ``RU_ORDINAL_STEMS`` with
  ``RU_ADJECTIVE_ENDINGS``, ``DE_UNITS``, ``DE_TENS``, ``DE_SMALL`` and
  ``ZH_DIGITS``.

Phrases are in dictionary form; `_lexicon` adds inflected forms (Russian
endings are matched by stem; German and French endings are generated).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources
from typing import Any, Final

__all__ = [
    "ANNIVERSARY_WHAT",
    "ANNIVERSARY_WORDS",
    "COUNTERPARTS",
    "DESTINATIONS",
    "DE_SMALL",
    "DE_TENS",
    "DE_UNITS",
    "DOCUMENTS",
    "EVENTS",
    "FUTURE",
    "HONORIFICS",
    "LOCATIVES",
    "NAME_PARTICLES",
    "NAME_STOPS_AR",
    "NAME_STOPS_ZH",
    "NUMBER_WORDS",
    "ORDINAL_WORDS",
    "RELATIVE_DAYS",
    "RU_ADJECTIVE_ENDINGS",
    "RU_ORDINAL_STEMS",
    "SECTORS",
    "SERIES_NOUNS",
    "TENS",
    "TITLES",
    "US_STATE_MARKS",
    "ZH_DIGITS",
]

_RAW: Final[dict[str, Any]] = json.loads(
    (resources.files("diplomodel.extract") / "_data" / "vocabulary.json").read_text("utf-8")
)


def _words(name: str) -> Mapping[str, frozenset[str]]:
    return {language: frozenset(words) for language, words in _RAW[name].items()}


TITLES: Final[Mapping[str, Mapping[str, str]]] = _RAW["TITLES"]
COUNTERPARTS: Final = _words("COUNTERPARTS")
HONORIFICS: Final = _words("HONORIFICS")
NAME_PARTICLES: Final = frozenset(_RAW["NAME_PARTICLES"])
NAME_STOPS_ZH: Final = tuple(_RAW["NAME_STOPS_ZH"])
NAME_STOPS_AR: Final = frozenset(_RAW["NAME_STOPS_AR"])
EVENTS: Final[Mapping[str, Mapping[str, str]]] = _RAW["EVENTS"]
SERIES_NOUNS: Final = _words("SERIES_NOUNS")
DOCUMENTS: Final[Mapping[str, Mapping[str, str]]] = _RAW["DOCUMENTS"]
SECTORS: Final[Mapping[str, Mapping[str, str]]] = _RAW["SECTORS"]
ANNIVERSARY_WORDS: Final = _words("ANNIVERSARY_WORDS")
ANNIVERSARY_WHAT: Final[Mapping[str, Mapping[str, str]]] = _RAW["ANNIVERSARY_WHAT"]
FUTURE: Final = _words("FUTURE")
LOCATIVES: Final = _words("LOCATIVES")
DESTINATIONS: Final = _words("DESTINATIONS")
LEADERS: Final = _words("LEADERS")
NEGATIONS: Final = _words("NEGATIONS")
US_STATE_MARKS: Final = _words("US_STATE_MARKS")
RELATIVE_DAYS: Final[Mapping[str, Mapping[str, int]]] = _RAW["RELATIVE_DAYS"]
NUMBER_WORDS: Final[Mapping[str, Mapping[str, int]]] = _RAW["NUMBER_WORDS"]
ORDINAL_WORDS: Final[Mapping[str, Mapping[str, int]]] = _RAW["ORDINAL_WORDS"]
TENS: Final[Mapping[str, Mapping[str, int]]] = _RAW["TENS"]
RU_ORDINAL_STEMS: Final[Mapping[str, int]] = _RAW["RU_ORDINAL_STEMS"]
RU_ADJECTIVE_ENDINGS: Final = frozenset(_RAW["RU_ADJECTIVE_ENDINGS"])
DE_UNITS: Final[Mapping[str, int]] = _RAW["DE_UNITS"]
DE_TENS: Final[Mapping[str, int]] = _RAW["DE_TENS"]
DE_SMALL: Final[Mapping[str, int]] = _RAW["DE_SMALL"]
ZH_DIGITS: Final[Mapping[str, int]] = _RAW["ZH_DIGITS"]
