"""Cutting a report into tokens and sentences, and the keys tokens are looked up by.

Everything here runs in time linear in the text: one pass of a simple
character-class regex for the tokens, one for sentence ends, no backtracking.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import Final, NamedTuple

__all__ = [
    "LANGUAGES",
    "Token",
    "arabic_variants",
    "detect_language",
    "fold",
    "russian_stems",
    "sentence_ids",
    "tokenize",
    "word_keys",
]

#: The languages `extract` reads.
LANGUAGES: Final = ("en", "ru", "zh", "fr", "de", "ar")

# Word characters, plus the Arabic marks and tatweel, and combining accents,
# which `\w` alone would cut words at.
_TOKEN: Final = re.compile(r"[\w\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u0640]+")
_CJK: Final = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# In Chinese text every character is a token; runs of other letters or digits stay whole.
_ZH_TOKEN: Final = re.compile(f"[{_CJK}]|[^\\W{_CJK}]+")
_ARABIC_MARKS: Final = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_ARABIC_LETTERS: Final = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"})
_SENTENCE_END: Final = re.compile(r"[.!?;]+[\"”»’)]*(?=\s)|[。！？؟；]|\n\s*\n")
_NO_END_BEFORE: Final = frozenset(
    {"u.s", "mr", "mrs", "dr", "st", "sept", "jan", "feb", "aug", "oct", "nov", "dec", "gen"}
)
_STOPWORDS: Final = {
    "en": frozenset({"the", "and", "of", "with", "on", "was", "said", "in", "to", "by"}),
    "fr": frozenset({"le", "la", "les", "des", "et", "du", "avec", "a", "une", "est", "au"}),
    "de": frozenset({"der", "die", "das", "und", "mit", "den", "ist", "am", "ein", "eine", "im"}),
}
# Russian case endings, longest first; stripping one leaves the stem a name and its
# inflected forms share (России, Россией -> росси; Китаем -> кита; Судане -> судан).
_RU_ENDINGS: Final = tuple(
    sorted(
        [
            *("ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ой", "ей", "ий", "ый"),
            *("ая", "яя", "ое", "ее", "ую", "юю", "ые", "ие", "ых", "их", "ым", "им", "ом"),
            *("ем", "ам", "ям", "ах", "ях", "ов", "ев", "а", "я", "у", "ю", "е", "ы", "и"),
            *("о", "й", "ь"),
        ],
        key=len,
        reverse=True,
    )
)
_MAX_SENTENCE: Final = 300  # tokens
_AR_PREFIXES: Final = ("وال", "بال", "فال", "كال", "لل", "و", "ف", "ب", "ل", "ك")


class Token(NamedTuple):
    """A word of the text: its offsets, its text and the keys it is looked up by."""

    start: int
    end: int
    raw: str
    key: str  # the folded word
    keys: tuple[str, ...]  # the folded word and its variants (stems, words behind clitics)
    upper: bool  # starts with a capital letter


def fold(text: str, language: str) -> str:
    """The comparison form of a word or phrase in a language.

    >>> fold("Ёлка", "ru"), fold("الصِّين", "ar"), fold("Pékin", "fr")
    ('елка', 'الصين', 'pékin')
    """
    folded = unicodedata.normalize("NFC", text).casefold()
    if language == "ru":
        return folded.replace("ё", "е")
    if language == "ar":
        return _ARABIC_MARKS.sub("", folded).translate(_ARABIC_LETTERS)
    return folded


def russian_stems(word: str) -> tuple[str, ...]:
    """A folded Russian word and what is left of it without each case ending it may have.

    A name and its inflected forms share at least one of these (России,
    Россией -> росси; Китай, Китая, Китаем -> кита; Судане -> судан). Stems
    shorter than three letters are not made.

    >>> russian_stems("китая")
    ('китая', 'кит', 'кита')
    >>> russian_stems("сша")
    ('сша',)
    """
    stems = [word[: -len(e)] for e in _RU_ENDINGS if word.endswith(e) and len(word) - len(e) >= 3]
    return (word, *stems)


def arabic_variants(word: str) -> tuple[str, ...]:
    """A folded Arabic word and the words its attached clitics may hide.

    و, ف, ب, ك, ل and their combinations with the article are peeled off:
    والصين is also الصين; للصين (ل with the article, its alef dropped) is الصين.

    >>> arabic_variants("والصين")
    ('والصين', 'الصين', 'صين')
    >>> arabic_variants("للصين")
    ('للصين', 'الصين', 'صين')
    """
    found = [word]
    for prefix in _AR_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= 2:
            if prefix == "لل" or prefix.endswith("ال"):
                found.append("ال" + rest)
            else:
                found.append(rest)
            break
    last = found[-1]
    if last.startswith("ال") and len(last) > 3:
        found.append(last[2:])
    return tuple(dict.fromkeys(found))


def word_keys(folded: str, language: str) -> tuple[str, ...]:
    """The keys a folded word is looked up by in a language.

    >>> word_keys("россией", "ru"), word_keys("chinese", "en")
    (('россией', 'росси', 'россие'), ('chinese',))
    """
    if language == "ru":
        return russian_stems(folded)
    if language == "ar":
        return arabic_variants(folded)
    return (folded,)


def tokenize(text: str, language: str) -> list[Token]:
    """The words of the text with their keys.

    >>> [t.key for t in tokenize("Li met Mishustin.", "en")]
    ['li', 'met', 'mishustin']
    """
    tokens = []
    for match in (_ZH_TOKEN if language == "zh" else _TOKEN).finditer(text):
        raw = match.group()
        folded, keys, upper = _read_word(raw, language)
        tokens.append(Token(match.start(), match.end(), raw, folded, keys, upper))
    return tokens


@functools.lru_cache(maxsize=1 << 16)
def _read_word(raw: str, language: str) -> tuple[str, tuple[str, ...], bool]:
    """A word's folded form, keys and capitalisation (words repeat: they are read once)."""
    folded = fold(raw, language)
    return folded, word_keys(folded, language), raw[:1].isupper()


def sentence_ids(text: str, tokens: Sequence[Token]) -> list[int]:
    """The number of the sentence each token is in.

    >>> text = "He met her. They talked on 20. Juni in Berlin."
    >>> sentence_ids(text, tokenize(text, "de"))
    [0, 0, 0, 1, 1, 1, 1, 1, 1, 1]
    >>> text = "The first since 2021. The talks"
    >>> sentence_ids(text, tokenize(text, "en"))
    [0, 0, 0, 0, 1, 1]
    """
    ends: list[int] = []
    for match in _SENTENCE_END.finditer(text):
        start = match.start()
        if text[start] == ".":
            before = text[max(0, start - 12) : start].rsplit(None, 1)[-1:] or [""]
            word = before[0].casefold()
            # "20. Juni" goes on; a year ends a sentence ("… since 2021. The talks …").
            number = word[-1:].isdigit() and not (len(word) >= 4 and word[-4:].isdigit())
            if not word or number or len(word) == 1 or word in _NO_END_BEFORE:
                continue
        ends.append(match.end())
    ids: list[int] = []
    current, sentence, length = 0, 0, 0
    for token in tokens:
        while current < len(ends) and ends[current] <= token.start:
            current += 1
            sentence, length = sentence + 1, 0
        if length >= _MAX_SENTENCE:  # a run-on "sentence" is cut, to keep every reading linear
            sentence, length = sentence + 1, 0
        ids.append(sentence)
        length += 1
    return ids


def detect_language(text: str) -> str:
    """The language of a report, from its script and, for Latin text, common words.

    >>> detect_language("Путин"), detect_language("习近平"), detect_language("وزير")
    ('ru', 'zh', 'ar')
    >>> detect_language("Le président et la Chine"), detect_language("Der Kanzler und die")
    ('fr', 'de')
    """
    counts = {"ru": 0, "zh": 0, "ar": 0, "latin": 0}
    for char in text[:20000]:
        if "\u0400" <= char <= "\u04ff":
            counts["ru"] += 1
        elif "\u4e00" <= char <= "\u9fff":
            counts["zh"] += 3  # a Chinese character carries a word's weight
        elif "\u0600" <= char <= "\u06ff":
            counts["ar"] += 1
        elif char.isalpha():
            counts["latin"] += 1
    script = max(counts, key=lambda name: counts[name])
    if script != "latin":
        return script
    words = [m.group().casefold() for m in _TOKEN.finditer(text[:20000])]
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    return max(("en", "fr", "de"), key=lambda lang: scores[lang])
