"""One phrase index per language, built once, and the scan that finds phrases in tokens.

The index holds every phrase `extract` looks for — state names (CLDR, through
babel), demonyms and capitals (`_data/lexicon.json`), organisation names (the
`organizations` registry, when the library has one) and the vocabulary of
`_vocab` — keyed by its first word. A scan looks each token up once and checks
the few phrases that start with it, so its time is linear in the text.
"""

from __future__ import annotations

import enum
import functools
import json
import re
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import import_module, resources
from typing import Any, Final, NamedTuple

from attrs import frozen
from babel import Locale
from babel.core import get_global
from babel.dates import get_timezone_location

from diplomodel.extract import _vocab
from diplomodel.extract._text import Token, fold, tokenize, word_keys

__all__ = ["Category", "Entry", "Hit", "Lexicon", "lexicon"]


class Category(enum.Enum):
    """What a phrase of the index is."""

    STATE = "state"  # a state's name; value: the code
    DEMONYM = "demonym"  # an adjective or demonym; value: the code
    CAPITAL = "capital"  # a capital city; value: the state's code
    BLOCK = "block"  # a territory that is not a state (Taiwan, Hong Kong): found, never a state
    ORGANIZATION = "organization"  # value: the registry code
    TITLE = "title"  # value: OfficialKind value, "@XX" when the title names the state
    COUNTERPART = "counterpart"
    HONORIFIC = "honorific"
    EVENT = "event"  # value: EventKind value
    DOCUMENT = "document"  # value: DocumentKind value, "+pl" for a plural
    SECTOR = "sector"  # value: Sector value
    ANNIVERSARY = "anniversary"
    ANNIVERSARY_WHAT = "anniversary_what"  # value: AnniversaryKind value
    SERIES = "series"  # a noun a series ordinal numbers
    FUTURE = "future"
    LOCATIVE = "locative"
    DESTINATION = "destination"  # "to", "au", "nach": where someone goes
    US_STATE = "us_state"
    LEADERS = "leaders"  # "the leaders of", 领导人: the states after (before) them take part
    NEGATION = "negation"  # "not", "nicht", 未: a document not signed
    RELATIVE_DAY = "relative_day"  # value: days from the dateline
    NUMBER = "number"  # value: the number


@frozen
class Entry:
    """What a phrase means: its category, its value and whether it must be capitalised."""

    category: Category
    value: str
    cased: bool = False  # the first word must be capitalised
    acronym: bool = False  # the first word must be in capitals ("UN", not "Un")


class Hit(NamedTuple):
    """A phrase found in the tokens: token range, character range and its meaning."""

    first: int
    last: int  # exclusive
    start: int
    end: int
    entry: Entry


# Between the words of a name: spaces, dashes, an apostrophe, a dot, a bracket (刚果（金）).
_GAP: Final = re.compile(r"[\s\-\u2010-\u2014'\u2019.()（）]{0,3}")
_PARENTHESES: Final = re.compile(r"\s*[(（][^)）]*[)）]")
_MIN_INNER_NAME: Final = 4
_DEPENDENT: Final = {
    "en": ("Hong Kong", "Macao", "Macau", "Taiwan"),
    "ru": ("Гонконг", "Макао", "Аомынь", "Тайвань"),
    "zh": ("香港", "澳门", "台湾", "台湾地区"),
    "fr": ("Hong Kong", "Macao", "Taïwan", "Taiwan"),
    "de": ("Hongkong", "Macau", "Taiwan"),
    "ar": ("هونغ كونغ", "ماكاو", "تايوان"),
}
# Names that are also everyday words in a language, too ambiguous to read alone.
_TOO_AMBIGUOUS: Final = {"ar": frozenset({"مالي", "بنين"}), "en": frozenset({"turkey"})}


def _tokens_of(phrase: str, language: str) -> list[Token]:
    return tokenize(phrase, language)


class _Phrase(NamedTuple):
    words: tuple[frozenset[str], ...]  # the keys each following word may have
    entry: Entry
    head: str  # the first word as written (folded): an exact match wins a tie


class Lexicon:
    """The phrase index of one language."""

    def __init__(self, language: str, phrases: Iterable[tuple[str, Entry]]) -> None:
        self.language = language
        index: dict[str, list[_Phrase]] = {}
        seen: set[tuple[tuple[frozenset[str], ...], Entry]] = set()
        for text, entry in phrases:
            tokens = _tokens_of(text, language)
            if not tokens:
                continue
            # Russian phrases match by stem; an Arabic phrase as written (the text's
            # words are the ones stripped of clitics), other languages as folded.
            words = tuple(
                frozenset(word_keys(t.key, language) if language == "ru" else (t.key,))
                for t in tokens
            )
            if (words, entry) in seen:
                continue
            seen.add((words, entry))
            for key in words[0]:
                index.setdefault(key, []).append(_Phrase(words[1:], entry, tokens[0].key))
        for bucket in index.values():
            bucket.sort(key=lambda p: -len(p.words))
        self._index = index

    def scan(self, text: str, tokens: Sequence[Token]) -> list[Hit]:
        """Every phrase in the tokens: per category the longest one starting at a token.

        A phrase inside a longer one of the same category is dropped ("Sudan"
        inside "South Sudan", "minister" inside "Prime Minister").
        """
        hits: list[Hit] = []
        covered: dict[Category, int] = {}
        for i, token in enumerate(tokens):
            for category, (length, _, entries) in self._best_at(text, tokens, i).items():
                last = i + length
                if covered.get(category, 0) >= last:
                    continue
                covered[category] = last
                end = tokens[last - 1].end
                hits.extend(Hit(i, last, token.start, end, e) for e in entries)
        return hits

    def _best_at(
        self, text: str, tokens: Sequence[Token], i: int
    ) -> dict[Category, tuple[int, bool, list[Entry]]]:
        """Per category, the longest phrases starting at token i (exact first words win ties)."""
        token = tokens[i]
        best: dict[Category, tuple[int, bool, list[Entry]]] = {}
        for key in token.keys:
            for phrase in self._index.get(key, ()):
                length, entry = 1 + len(phrase.words), phrase.entry
                rank = (length, phrase.head == token.key)
                held = best.get(entry.category)
                if held is not None and (held[0], held[1]) > rank:
                    continue
                if (entry.cased and not token.upper) or (entry.acronym and not token.raw.isupper()):
                    continue
                if length > 1 and not self._follows(text, tokens, i, phrase.words, len(tokens)):
                    continue
                if held is not None and (held[0], held[1]) == rank:
                    # One entry per meaning: a singular and a plural form that one
                    # Russian stem reaches are one document word, not two.
                    base = entry.value.partition("+")[0]
                    if all(e.value.partition("+")[0] != base for e in held[2]):
                        held[2].append(entry)
                else:
                    best[entry.category] = (*rank, [entry])
        return best

    @staticmethod
    def _follows(
        text: str,
        tokens: Sequence[Token],
        i: int,
        words: tuple[frozenset[str], ...],
        count: int,
    ) -> bool:
        if i + len(words) >= count:
            return False
        for offset, keys in enumerate(words, start=1):
            token = tokens[i + offset]
            if keys.isdisjoint(token.keys):
                return False
            gap = text[tokens[i + offset - 1].end : token.start]
            if not _GAP.fullmatch(gap):
                return False
        return True


# --- the data ----------------------------------------------------------------


@functools.cache
def _data() -> Mapping[str, Any]:
    raw = (resources.files("diplomodel.extract") / "_data" / "lexicon.json").read_text("utf-8")
    loaded: Mapping[str, Any] = json.loads(raw)
    return loaded


def _cldr_names(language: str, codes: Iterable[str]) -> Iterator[tuple[str, str]]:
    territories = Locale.parse(language).territories
    for code in codes:
        name = territories.get(code)
        if not name:
            continue
        yield code, name
        bare = _PARENTHESES.sub("", name).strip()
        if bare != name:
            yield code, bare
            for inner in re.findall(r"[(（]([^)）]+)[)）]", name):
                if len(inner) >= _MIN_INNER_NAME:  # "Burma", not 布 of 刚果（布）
                    yield code, inner


def _english_iso_names(sovereign: frozenset[str]) -> Iterator[tuple[str, str]]:
    raw = resources.files("diplomodel") / "_data" / "states.json"
    for record in json.loads(raw.read_text("utf-8"))["states"]:
        if record["code"] not in sovereign:
            continue
        for key in ("iso_name", "official_name", "common_name"):
            name = record.get(key)
            if name and "," not in name:
                yield record["code"], name
        for alias in record.get("aliases", ()):
            if "," not in alias:
                yield record["code"], alias


def _inflect(word: str, language: str) -> Iterator[str]:
    """The inflected forms of an adjective (German and French; others match by stem)."""
    yield word
    if language == "de":
        for ending in ("e", "er", "en", "es", "em"):
            yield word + ending
    elif language == "fr":
        if word.endswith("e"):
            yield word + "s"
        elif word.endswith("ien"):
            yield from (word + "ne", word + "nes", word + "s")
        elif word.endswith("s"):
            yield from (word + "e", word + "es")
        else:
            yield from (word + "e", word + "es", word + "s")
    elif language == "en" and not word.endswith(("s", "ese", "sh", "ch")):
        yield word + "s"


def _arabic_adjective(word: str) -> Iterator[str]:
    """الصيني, الصينية, صينيون ...: a nisba adjective with article and endings."""
    parts = word.split()
    stems = [[p + s for s in ("", "ة", "ين", "ون", "ان")] for p in parts]
    if len(parts) == 1:
        for form in stems[0]:
            yield form
            yield "ال" + form
    else:
        for first, second in zip(stems[0], stems[1], strict=True):
            yield f"{first} {second}"
            yield f"ال{first} ال{second}"


def _organization_names(language: str) -> Iterator[tuple[str, str]]:
    """Names, acronyms and aliases of the organisations of the library's registry.

    The registry (`diplomodel.organizations`) is used when the library has
    one; until then no organisation is found.
    """
    try:
        registry = import_module("diplomodel.organizations").organizations
    except (ImportError, AttributeError):
        return
    for organization in registry:
        code = str(organization.code)
        acronyms: Mapping[str, Sequence[str]] = getattr(organization, "acronyms", {})
        yield code, code
        yield code, str(organization.name_in(language))
        yield code, str(organization.name_in("en"))
        for extra in (*acronyms.get(language, ()), *getattr(organization, "aliases", ())):
            yield code, str(extra)


def _names(language: str, sovereign: frozenset[str]) -> Iterator[tuple[str, str]]:
    """(code, name) of every state: CLDR, ISO (English) and the curated aliases."""
    yield from _cldr_names(language, sorted(sovereign))
    if language == "en":
        yield from _english_iso_names(sovereign)
    for code, names in _data()["aliases"].get(language, {}).items():
        for name in names:
            yield code, name


def _state_phrases(language: str) -> Iterator[tuple[str, Entry]]:
    data = _data()
    cased = language not in {"zh", "ar"}
    skip = _TOO_AMBIGUOUS.get(language, frozenset())
    for code, name in _names(language, frozenset(data["sovereign"])):
        if fold(name, language) in skip:
            continue
        yield name, Entry(Category.STATE, code, cased=cased and name[:1].isupper())
        if language == "de" and " " not in name and not name.endswith(("s", "x", "z")):
            yield name + "s", Entry(Category.STATE, code, cased=True)  # Russlands
    for name in _DEPENDENT[language]:
        yield name, Entry(Category.BLOCK, "", cased=cased)
    yield from _demonym_phrases(language, cased=cased)
    state_names = {fold(n, language) for _, n in _names(language, frozenset(data["sovereign"]))}
    for code, forms in _capitals(language).items():
        for form in forms:
            if form in data["capitals"].get(language, {}).get(code, ()) or (
                fold(form, language) not in state_names  # الجزائر, Koweït: the state's name
            ):
                yield form, Entry(Category.CAPITAL, code, cased=cased)


def _capitals(language: str) -> dict[str, list[str]]:
    """Capitals by state: the curated ones, and CLDR's names of the capitals that name a zone.

    Warsaw is Warschau, Varsovie, Варшава, 华沙 and وارسو without being typed in:
    CLDR names the cities of its time zones in every language.
    """
    data = _data()
    found = {code: list(forms) for code, forms in data["capitals"].get(language, {}).items()}
    zones: Mapping[str, list[str]] = get_global("territory_zones")
    for code, english in data["capitals"]["en"].items():
        for zone in zones.get(code, ()):
            if get_timezone_location(zone, "en", return_city=True) in english:
                city = get_timezone_location(zone, language, return_city=True)
                if city not in found.setdefault(code, []):
                    found[code].append(city)
    return found


def _demonym_phrases(language: str, *, cased: bool) -> Iterator[tuple[str, Entry]]:
    data = _data()
    for code, forms in data["demonyms"].get(language, {}).items():
        for form in forms:
            expanded = _arabic_adjective(form) if language == "ar" else _inflect(form, language)
            for word in expanded:
                yield word, Entry(Category.DEMONYM, code, cased=cased and word[:1].isupper())
    for code, forms in data["prefixes"].get(language, {}).items():
        for form in forms:
            yield form, Entry(Category.DEMONYM, code)


def _vocabulary(language: str) -> Iterator[tuple[str, Entry]]:
    tables: list[tuple[Mapping[str, object], Category]] = [
        (_vocab.TITLES[language], Category.TITLE),
        (_vocab.EVENTS[language], Category.EVENT),
        (_vocab.DOCUMENTS[language], Category.DOCUMENT),
        (_vocab.SECTORS[language], Category.SECTOR),
        (_vocab.ANNIVERSARY_WHAT[language], Category.ANNIVERSARY_WHAT),
        (_vocab.RELATIVE_DAYS[language], Category.RELATIVE_DAY),
        (_vocab.NUMBER_WORDS[language], Category.NUMBER),
    ]
    for table, category in tables:
        for phrase, value in table.items():
            yield phrase, Entry(category, str(value))
    sets = [
        (_vocab.COUNTERPARTS, Category.COUNTERPART),
        (_vocab.HONORIFICS, Category.HONORIFIC),
        (_vocab.ANNIVERSARY_WORDS, Category.ANNIVERSARY),
        (_vocab.SERIES_NOUNS, Category.SERIES),
        (_vocab.FUTURE, Category.FUTURE),
        (_vocab.LOCATIVES, Category.LOCATIVE),
        (_vocab.DESTINATIONS, Category.DESTINATION),
        (_vocab.LEADERS, Category.LEADERS),
        (_vocab.NEGATIONS, Category.NEGATION),
        (_vocab.US_STATE_MARKS, Category.US_STATE),
    ]
    for words, category in sets:
        for phrase in words[language]:
            yield phrase, Entry(category, "")
    yield from _inflected_titles(language)


def _inflected_titles(language: str) -> Iterator[tuple[str, Entry]]:
    """Titles with their endings: Ministerin, Präsidenten; présidente; presidents."""
    for phrase, kind in _vocab.TITLES[language].items():
        if language == "de":
            for ending in ("in", "en", "innen", "s", "n"):
                yield phrase + ending, Entry(Category.TITLE, kind)
        elif language == "fr":
            for form in _inflect(phrase, "fr"):
                yield form, Entry(Category.TITLE, kind)
        elif language == "en":
            yield phrase + "s", Entry(Category.TITLE, kind)


def _organizations(language: str) -> Iterator[tuple[str, Entry]]:
    for code, name in _organization_names(language):
        acronym = name.isupper()
        yield name, Entry(Category.ORGANIZATION, code, cased=name[:1].isupper(), acronym=acronym)
        words = name.split()
        if language == "de" and len(words) > 1 and words[0].endswith("e"):
            # Europäische Union -> der Europäischen Union
            inflected = " ".join([words[0] + "n", *words[1:]])
            yield inflected, Entry(Category.ORGANIZATION, code, cased=True)


_LOCK: Final = threading.Lock()


@functools.cache
def _build(language: str) -> Lexicon:
    phrases = [*_state_phrases(language), *_vocabulary(language), *_organizations(language)]
    return Lexicon(language, phrases)


def lexicon(language: str) -> Lexicon:
    """The phrase index of a language, built on first use (thread-safe)."""
    with _LOCK:
        return _build(language)
