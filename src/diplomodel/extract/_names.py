"""Reading a name after a title, in each script, and telling two written names apart.

Latin and Cyrillic names are runs of capitalised words (particles such as bin,
von, аль inside); Arabic names run to a word that ends them; Chinese names are
two to ten characters (a middle dot joins the parts of a transliterated one).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from diplomodel.extract import _vocab
from diplomodel.extract._context import Context
from diplomodel.extract._lexicon import Category, Hit
from diplomodel.extract._text import Token, russian_stems

__all__ = [
    "STATEFUL",
    "STOPPING",
    "and_name",
    "complement",
    "genitive_name",
    "name_keys",
    "name_span",
    "names_match",
    "second_state",
]

STATEFUL: Final = (Category.STATE, Category.DEMONYM)
STOPPING: Final = (
    Category.DOCUMENT,
    Category.STATE,
    Category.DEMONYM,
    Category.CAPITAL,
    Category.TITLE,
    Category.EVENT,
    Category.COUNTERPART,
    Category.LOCATIVE,
)
_ZH_NAME_MAX: Final = 10
_ZH_NOT_NAME: Final = frozenset("第了们级")
_ZH_NAME_MIN: Final = 2
_ZH_NAME_DOTS: Final = frozenset("·・•‧")  # 宋赛·西潘敦: a transliterated name's parts
_AR_NAME_MAX: Final = 7  # عبد الله بن زايد آل نهيان
_SHORT_NAME: Final = 5
_ABBREVIATION: Final = 2
_COMPLEMENT_WORDS: Final = 4
_NISBA_AFTER: Final = 2
_AND: Final = frozenset({"and", "et", "und", "и"})
_AND_LINKS: Final = 2
_LINKS: Final = frozenset({"of", "the", "de", "la", "du", "des", "der", "l"})
_ZH_DOTTED_MAX: Final = 16  # a transliterated name in parts: 卡西姆若马尔特·托卡耶夫
_RU_NAME_ENDINGS: Final = ("ом", "ем", "ым", "ой", "ей", "а", "я", "у", "ю", "е")  # Ыном, Ына


def name_keys(name: str) -> list[frozenset[str]]:
    words = name.casefold().replace("ё", "е").replace("-", " ").split()
    return [frozenset(_name_stems(w)) if w.isalpha() else frozenset({w}) for w in words]


def _name_stems(word: str) -> tuple[str, ...]:
    """`russian_stems`, and for a short Cyrillic name word (Ыном, Ламом) its two-letter stem."""
    stems = russian_stems(word)
    if "а" <= word[:1] <= "я" and len(word) <= _SHORT_NAME:
        stems += tuple(
            word[: -len(e)]
            for e in _RU_NAME_ENDINGS
            if word.endswith(e) and len(word) - len(e) == 2
        )
    return stems


def names_match(a: str, b: str) -> bool:
    """Whether two written names are one person's (Russian case endings ignored).

    One name may be the other's surname alone ("Mishustin", "Li Qiang").

    Args:
        a: A name as a report writes it.
        b: Another.

    Returns:
        True when both can be one person's name.

    >>> names_match("Абдель Фаттахом аль-Бурханом", "Абдель Фаттах аль-Бурхан")
    True
    >>> names_match("Mishustin", "Mikhail Mishustin"), names_match("Li", "Wang Yi")
    (True, False)
    """
    left, right = name_keys(a), name_keys(b)
    if not left or not right:
        return False
    if len(left) == len(right):
        return all(not x.isdisjoint(y) for x, y in zip(left, right, strict=True))
    short, long = (left, right) if len(left) < len(right) else (right, left)
    return len(short) == 1 and any(not short[0].isdisjoint(w) for w in long)


def _name_tokens_latin(ctx: Context, start: int) -> tuple[int, int]:
    """The capitalised tokens of a name from `start`: (first, last exclusive)."""
    tokens = ctx.tokens
    i = start
    while i < len(tokens) and i - start < 6:
        token = tokens[i]
        if i > start:
            gap = ctx.text[tokens[i - 1].end : token.start]
            if gap not in {" ", "-", "\u2011", "'"}:
                break
        if ctx.starting(i, *STOPPING):
            break
        if (token.upper and not token.raw.isupper()) or (token.upper and len(token.raw) <= 3):
            i += 1
            continue
        if token.key in _vocab.NAME_PARTICLES and i > start:
            i += 1
            continue
        break
    while i > start and tokens[i - 1].key in _vocab.NAME_PARTICLES:
        i -= 1
    return start, i


def _name_tokens_arabic(ctx: Context, start: int) -> tuple[int, int]:
    tokens = ctx.tokens
    i = start
    while i < len(tokens) and i - start < _AR_NAME_MAX:
        token = tokens[i]
        if i > start:
            gap = ctx.text[tokens[i - 1].end : token.start]
            if gap.strip():
                break
            if token.key.startswith("و") and i - start >= 2:
                break
        if token.key in _vocab.NAME_STOPS_AR or token.raw.isdigit():
            break
        nisba = bool(ctx.starting(i, Category.DEMONYM))
        if i - start >= 2 and not nisba and _definite_pair(tokens, i):  # "الجلسة الافتتاحية"
            break
        if i - start >= 2 and tokens[i - 2].key == "ال":  # آل ثاني: the family name ends it
            break
        stopping = ctx.starting(i, *STOPPING)
        # Inside a name a bare one-word title is a name (حسين أمير عبد اللهيان), and so is a
        # nisba after two words of it (محمد شياع السوداني), not "the Sudanese".
        if stopping and not (i > start and all(_name_part(ctx, h, i - start) for h in stopping)):
            break
        i += 1
    return start, i


def _definite_pair(tokens: Sequence[Token], i: int) -> bool:
    following = tokens[i + 1].key if i + 1 < len(tokens) else ""
    # آل ("the family of", folded to ال) is a word of a name: عبد الرحمن آل ثاني.
    return tokens[i].key.startswith("ال") and following.startswith("ال") and len(following) > 2


def _name_part(ctx: Context, hit: Hit, read: int) -> bool:
    one_word = hit.last - hit.first == 1
    if hit.entry.category is Category.DEMONYM:
        return one_word and read >= _NISBA_AFTER
    return (
        hit.entry.category is Category.TITLE
        and one_word
        and not ctx.tokens[hit.first].key.startswith("ال")
    )


def _name_chars_chinese(ctx: Context, start: int) -> tuple[int, int]:
    tokens = ctx.tokens
    i = start
    limit = _ZH_NAME_MAX
    while i < len(tokens) and i - start < limit:
        token = tokens[i]
        gap = ctx.text[tokens[i - 1].end : token.start] if i > start else ""
        if gap and not (gap in _ZH_NAME_DOTS and i - start >= 1):
            break
        limit = _ZH_DOTTED_MAX if gap else limit
        if len(token.raw) != 1 or not "\u3400" <= token.raw <= "\u9fff":
            break
        rest = ctx.text[token.start : token.start + 3]
        if any(rest.startswith(s) for s in _vocab.NAME_STOPS_ZH) or token.raw in _ZH_NOT_NAME:
            break
        if ctx.starting(i, *STOPPING, Category.DOCUMENT, Category.SERIES):
            break
        i += 1
    return start, (i if i - start >= _ZH_NAME_MIN else start)  # 部长级: no one-character name


def complement(ctx: Context, index: int) -> bool:
    """An abbreviation after a Russian title (ООН, ЦК): its genitive complement, not a name."""
    raw = ctx.tokens[index].raw
    return len(raw) >= _ABBREVIATION and raw.isupper() and not ctx.starting(index, *STATEFUL)


def genitive_name(ctx: Context, first: int, end: int) -> tuple[int, int, Hit] | None:
    """The name after a Russian genitive complement that names a state.

    "генеральным секретарём ЦК Компартии Вьетнама Нгуен Фу Чонгом": what was
    read as the name (Компартии) begins the complement, which runs (a few
    words, no punctuation) to a state; the name follows the state.
    """
    if ctx.language != "ru" or end - first != 1:  # one capitalised word: Компартии, Народно
        return None
    tokens = ctx.tokens
    for index in range(end, min(end + _COMPLEMENT_WORDS, len(tokens))):
        if ctx.text[tokens[index - 1].end : tokens[index].start] not in {" ", "-"}:
            return None
        for hit in ctx.starting(index, *STATEFUL):
            later_first, later_end = _name_tokens_latin(ctx, hit.last)
            if later_end > later_first and tokens[later_first].start == hit.end + 1:
                return later_first, later_end, hit
        # Between the word and the state, only the complement's lower-case words.
        if tokens[index].upper or ctx.starting(index, *STOPPING) or tokens[index].key == "и":
            return None
    return None


def name_span(ctx: Context, index: int) -> tuple[int, int]:
    if index < len(ctx.tokens):
        gap = ctx.text[ctx.tokens[index - 1].end : ctx.tokens[index].start] if index else ""
        if gap.strip() not in {"", ","}:
            return index, index
    if ctx.language == "zh":
        return _name_chars_chinese(ctx, index)
    if ctx.language == "ar":
        return _name_tokens_arabic(ctx, index)
    return _name_tokens_latin(ctx, index)


def second_state(ctx: Context, index: int) -> tuple[Hit, int] | None:
    """The second state of a plural title ("presidents of Russia and the United States").

    At `index`, a conjunction, at most two linking words and a state; the
    index returned is the token after the state (a comma there is the name's).
    """
    tokens = ctx.tokens
    if index >= len(tokens) or tokens[index].key not in _AND or ctx.language in {"zh", "ar"}:
        return None
    at = index + 1
    while at < len(tokens) and at - index <= _AND_LINKS and tokens[at].key in _LINKS:
        at += 1
    hits = ctx.starting(at, *STATEFUL) if at < len(tokens) else []
    return (hits[0], hits[0].last) if hits else None


def and_name(ctx: Context, end: int) -> tuple[int, int] | None:
    """The second name after a first one, when a conjunction joins them ("… and Obama")."""
    tokens = ctx.tokens
    if end >= len(tokens) or tokens[end].key not in _AND:
        return None
    first, last = name_span(ctx, end + 1)
    return (first, last) if last > first else None
