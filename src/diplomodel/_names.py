"""Matching names of reference data (states, organisations) against free text.

Private: the registries in `diplomodel.states` and `diplomodel.organizations`
use these helpers; users call the registries' ``lookup``.

A name is matched on its *key* (`normalise`): Unicode NFKC and case folding;
accents stripped from Latin letters; Arabic vowel marks (harakat), tatweel and
the hamza or madda on alef dropped; apostrophes and most punctuation dropped;
hyphens read as spaces; Russian ё read as е; a leading English "the" ignored. Other scripts keep
their marks.

>>> normalise("  The Côte d\u2019Ivoire "), normalise("Россия")
('cote divoire', 'россия')
>>> normalise("جُمْهُورِيَّة") == normalise("جمهورية")
True
"""

from __future__ import annotations

import unicodedata
from collections.abc import Hashable, Iterable, Mapping
from typing import Final, Generic, TypeVar

__all__ = ["NameIndex", "build_index", "code_key", "normalise", "suggest"]

T = TypeVar("T")
R = TypeVar("R", bound=Hashable)

#: How many keys' suggestions a `NameIndex` remembers before it starts afresh.
SUGGESTIONS_KEPT: Final = 1024

# Apostrophe look-alikes that are not Unicode punctuation (and so would survive
# the punctuation rule below); NFKC would also turn the acute accent into a
# space plus a combining mark.
_APOSTROPHES: Final = str.maketrans(
    dict.fromkeys("\u0060\u00b4\u02b9\u02bb\u02bc\u02bd\u02c8", None)
)

# Arabic letters folded into one form each before matching: alef wasla and the
# alef maqsura are written as plain alef and ya by many writers. (Alef with
# hamza or madda decomposes under NFKD into alef plus a mark, which is dropped.)
_ARABIC_FOLD: Final = str.maketrans({"\u0671": "\u0627", "\u0649": "\u064a", "\u0640": None})

# Russian writes ё as е more often than not ("Объединенных Наций").
_CYRILLIC_FOLD: Final = str.maketrans({"\u0451": "\u0435"})


# ASCII punctuation as the general rule below treats it: dashes and "/" become
# spaces, the rest goes. Plain ASCII text (most names) takes this fast path.
_ASCII_PUNCTUATION: Final = str.maketrans(
    {
        char: " " if unicodedata.category(char) == "Pd" or char == "/" else None
        for char in map(chr, range(128))
        if unicodedata.category(char).startswith("P")
    }
)


def _is_latin(char: str) -> bool:
    return char < "\u0250" or "\u1e00" <= char <= "\u1eff"


def _is_arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f"


def normalise(text: str) -> str:
    r"""The key under which a name is indexed and looked up.

    Args:
        text: Any text.

    Returns:
        The normalised key; empty when nothing but punctuation or space was given.

    >>> normalise("Bosnia & Herzegovina"), normalise("Guinea-Bissau")
    ('bosnia and herzegovina', 'guinea bissau')
    >>> normalise("U.S.A."), normalise("ベトナム")
    ('usa', 'ベトナム')
    >>> normalise("إِيرَان") == normalise("ايران") == normalise("ايـــران")
    True
    >>> normalise("Объединённые") == normalise("Объединенные")
    True
    """
    text = text.translate(_APOSTROPHES).replace("&", " and ")
    if text.isascii():
        words = text.lower().translate(_ASCII_PUNCTUATION).split()
    else:
        words = _unicode_words(text)
    if len(words) > 1 and words[0] == "the":
        del words[0]
    return " ".join(words)


def _unicode_words(text: str) -> list[str]:
    """The words of `normalise` for text beyond ASCII."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(_ARABIC_FOLD).translate(_CYRILLIC_FOLD)
    kept: list[str] = []
    strip = False  # whether marks on the current letter are dropped
    for char in unicodedata.normalize("NFKD", text):
        category = unicodedata.category(char)
        if category == "Mn":
            if not (strip or _is_arabic(char)):
                kept.append(char)
            continue
        strip = _is_latin(char) or _is_arabic(char)
        if category == "Pd" or char == "/":
            kept.append(" ")
        elif not category.startswith("P"):
            kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept)).split()


def code_key(code: str) -> str:
    """The spelling of a code as the registries store it: upper case, numbers padded.

    >>> code_key(" rus "), code_key("4")
    ('RUS', '004')
    """
    key = code.strip().upper()
    if key.isascii() and key.isdigit() and len(key) < 3:
        key = key.zfill(3)
    return key


class NameIndex(Generic[T]):
    """Normalised names and what they stand for; names claimed twice at one rank are dropped.

    It also answers "did you mean" for keys it lacks (`suggest`), remembering
    the answers: the index never changes, so neither do they.
    """

    __slots__ = ("_by_length", "_suggested", "dropped", "names")

    def __init__(self, names: dict[str, T], dropped: dict[str, tuple[T, ...]]) -> None:
        """Hold the names and the dropped names; suggestions are worked out when first asked."""
        self.names = names
        self.dropped = dropped
        self._by_length: dict[int, list[str]] | None = None
        self._suggested: dict[str, list[T]] = {}

    def suggest(self, key: str) -> list[T]:
        """`suggest` over these names, each key worked out once (up to `SUGGESTIONS_KEPT` keys).

        >>> index = build_index([("Russia", 1, "RU"), ("Prussia", 1, "PR")])
        >>> index.suggest("rusia"), index.suggest("rusia") is index.suggest("rusia")
        (['RU', 'PR'], True)
        """
        found = self._suggested.get(key)
        if found is None:
            by_length = self._by_length
            if by_length is None:
                by_length = {}
                for name in self.names:
                    by_length.setdefault(len(name), []).append(name)
                self._by_length = by_length
            # A name can be close (ratio >= 0.8) only if 2 * min(la, lb) / (la + lb) >= 0.8,
            # that is if its length is from 2/3 to 3/2 of the key's: difflib would drop the
            # others at its first, cheapest test, after a Python-level call each.
            size = len(key)
            near = {
                name: self.names[name]
                for length, group in by_length.items()
                if 3 * length >= 2 * size and 2 * length <= 3 * size
                for name in group
            }
            found = suggest(key, near)
            if len(self._suggested) >= SUGGESTIONS_KEPT:
                self._suggested.clear()  # a flood of misses must not grow without bound
            self._suggested[key] = found
        return found


def build_index(claims: Iterable[tuple[str, R, T]]) -> NameIndex[T]:
    """Index names by their key; the lowest rank wins a clash, a tie drops the name.

    Args:
        claims: ``(name, rank, item)`` triples. Ranks are compared with ``<``;
            items by identity.

    Returns:
        The index.

    >>> index = build_index([("Niger", 1, "NE"), ("niger", 2, "NG"), ("Congo", 1, "CG"),
    ...                      ("Congo", 1, "CD")])
    >>> index.names, index.dropped
    ({'niger': 'NE'}, {'congo': ('CG', 'CD')})
    """
    best: dict[str, tuple[R, list[T]]] = {}
    keys: dict[str, str] = {}  # many names recur across languages and sources
    for text, rank, item in claims:
        key = keys.get(text)
        if key is None:
            key = keys[text] = normalise(text)
        if not key:
            continue
        held = best.get(key)
        if held is None or rank < held[0]:  # type: ignore[operator]
            best[key] = (rank, [item])
        elif rank == held[0] and all(other is not item for other in held[1]):
            held[1].append(item)
    return NameIndex(
        names={key: found[0] for key, (_, found) in best.items() if len(found) == 1},
        dropped={key: tuple(found) for key, (_, found) in best.items() if len(found) > 1},
    )


def suggest(key: str, names: Mapping[str, T], *, limit: int = 5) -> list[T]:
    """The items whose names come closest to a key, best first, each once.

    >>> suggest("rusia", {"russia": "RU", "prussia": "PR", "chile": "CL"})
    ['RU', 'PR']
    """
    import difflib  # noqa: PLC0415 - only an unknown name needs it

    close = difflib.get_close_matches(key, names, n=limit * 2, cutoff=0.8)
    found: list[T] = []
    for name in close:
        item = names[name]
        if all(other is not item for other in found):
            found.append(item)
    return found[:limit]
