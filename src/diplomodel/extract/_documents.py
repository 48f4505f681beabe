"""Finding documents: their kind, how many, the fields they cover, who signed."""

from __future__ import annotations

import re
from typing import Final

from diplomodel.extract._context import Context
from diplomodel.extract._lexicon import Category, Hit
from diplomodel.extract._results import DocumentKind, DocumentMention, OfficialMention
from diplomodel.model.sectors import Sector

__all__ = ["find_documents"]

_SEVERAL: Final = frozenset(
    {
        "several",
        "multiple",
        "various",
        "many",
        "some",
        "несколько",
        "ряд",
        "plusieurs",
        "divers",
        "mehrere",
        "zahlreiche",
        "einige",
        "عدة",
        "多",
        "若干",
    }
)
_ZH_COUNT: Final = re.compile(r"([0-9两二三四五六七八九十]+)[份项个部]?$")
_ZH_VALUES: Final = {
    "两": 2,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_SIGN: Final = frozenset(
    {"signed", "sign", "signing", "signature", "подписали", "подписал", "签署", "signé"}
    | {"unterzeichneten", "unterzeichnet", "وقع", "وقعا"}
)
_SECTOR_REACH: Final = {"zh": 30}
_NEGATION_REACH: Final = 6
_ANNIVERSARY_REACH: Final = 3  # "anniversaire du traité", "Jahrestag des Élysée-Vertrags"
_ABOUT: Final = frozenset({"о", "об", "on", "sur", "über", "zum", "zur", "关于", "حول", "بشأن"})
_INDEFINITE: Final = frozenset(
    {"a", "an", "one", "un", "une", "ein", "eine", "einen", "einer", "один", "одно", "одну", "一"}
)
_DEFAULT_REACH: Final = 25


def _count(ctx: Context, hit: Hit, *, plural: bool) -> int | None:  # noqa: PLR0911 - one way of writing a count a return
    if ctx.language == "zh":
        before = ctx.text[max(0, hit.start - 4) : hit.start]
        if "多" in before or "若干" in before or "等" in before:  # 多份, 若干, 等成果文件
            return None
        match = _ZH_COUNT.search(before)
        if match:
            raw = match.group(1)
            return int(raw) if raw.isdecimal() else _ZH_VALUES.get(raw, 1)
        return 1
    sentence = ctx.sentence_of(hit.first)
    for index in range(hit.first - 1, max(-1, hit.first - 4), -1):
        if ctx.sentence_of(index) != sentence:
            break
        token = ctx.tokens[index]
        if token.raw.isdecimal():  # int() reads decimal digits only, not "¹"
            return int(token.raw) or None
        numbers = ctx.starting(index, Category.NUMBER)
        if numbers:
            return int(numbers[0].entry.value)
        if token.key in _SEVERAL:
            return None
    return None if plural else 1


def _sectors(ctx: Context, documents: list[Hit]) -> list[tuple[Sector, ...]]:
    """The fields each document covers.

    A field belongs to the document word just before it in its sentence, or
    to the one just after it when that follows within three words ("investment
    cooperation plan"); in Chinese, to the document word after it (教育、科技等领域合作文件).
    """
    assigned: list[list[Sector]] = [[] for _ in documents]
    by_sentence: dict[int, list[tuple[int, Hit]]] = {}
    for i, document in enumerate(documents):
        by_sentence.setdefault(ctx.sentence_of(document.first), []).append((i, document))
    for sector in ctx.of(Category.SECTOR):
        same = by_sentence.get(ctx.sentence_of(sector.first), [])
        after = [(i, d) for i, d in same if d.first >= sector.last]
        before = [(i, d) for i, d in same if d.last <= sector.first]
        reach = _SECTOR_REACH.get(ctx.language, 3)
        if after and (ctx.language == "zh" or after[0][1].first - sector.last <= reach):
            if after[0][1].first - sector.last <= _SECTOR_REACH.get(ctx.language, _DEFAULT_REACH):
                target = after[0][0]
            else:
                continue
        elif (
            before and ctx.language != "zh" and sector.first - before[-1][1].last <= _DEFAULT_REACH
        ):
            target = before[-1][0]
        else:
            continue
        value = Sector(sector.entry.value)
        if value not in assigned[target]:
            assigned[target].append(value)
    return [tuple(a) for a in assigned]


def _signatories(
    ctx: Context, hit: Hit, officials: dict[int, list[OfficialMention]]
) -> tuple[str, ...]:
    sentence = ctx.sentence_of(hit.first)
    words = [ctx.tokens[i].key for i in ctx.sentence_tokens(sentence)]
    if not any(w in _SIGN for w in words) and ctx.language != "zh":
        return ()
    if ctx.language == "zh" and "签署" not in ctx.text[max(0, hit.start - 20) : hit.start]:
        return ()
    names = [o.name for o in officials.get(sentence, []) if o.span[1] <= hit.start]
    return tuple(dict.fromkeys(names))


def _negated(ctx: Context, hit: Hit) -> bool:
    """Whether a document is said not to be signed ("Ein Abkommen wurde nicht unterzeichnet")."""
    sentence = ctx.sentence_of(hit.first)
    return any(
        abs(n.first - hit.first) <= _NEGATION_REACH
        for n in ctx.in_sentence(sentence, Category.NEGATION)
    )


def _topic(ctx: Context, hit: Hit) -> bool:
    """A document word that is another document's subject ("a statement on the plan")."""
    before = hit.first - 1
    if before < 0 or ctx.tokens[before].key not in _ABOUT:
        return False
    return any(ctx.ending(i, Category.DOCUMENT) for i in range(max(0, before - 3), before + 1))


def _commemorated(ctx: Context, hit: Hit) -> bool:
    """A document an anniversary is of ("the 56th anniversary of the Élysée Treaty")."""
    sentence = ctx.sentence_of(hit.first)
    return any(
        0 < hit.first - a.last <= _ANNIVERSARY_REACH
        for a in ctx.in_sentence(sentence, Category.ANNIVERSARY)
    )


def _mentioned_again(ctx: Context, hit: Hit, earlier: dict[str, int]) -> bool:
    """A singular document word in a later sentence, without "a": the one named before."""
    kind = hit.entry.value.partition("+")[0]
    sentence = ctx.sentence_of(hit.first)
    first = earlier.setdefault(kind, sentence)
    if first == sentence or "+" in hit.entry.value:
        return False
    article = ctx.tokens[hit.first - 1].key if hit.first else ""
    return article not in _INDEFINITE


def find_documents(ctx: Context, officials: list[OfficialMention]) -> list[DocumentMention]:
    """Every document named, with its count, sectors and signatories.

    Not counted: a document said not to be signed, one that is the subject of
    another ("a statement on the plan"), one an anniversary is of ("the 60th
    anniversary of the treaty"), and one named again in a later sentence ("The
    declaration also says ...").
    """
    hits = ctx.of(Category.DOCUMENT)
    sectors = _sectors(ctx, hits)
    by_sentence: dict[int, list[OfficialMention]] = {}
    for official in officials:
        by_sentence.setdefault(ctx.sentence_at(official.span[0]), []).append(official)
    earlier: dict[str, int] = {}
    found = []
    for hit, covered in zip(hits, sectors, strict=True):
        if _negated(ctx, hit) or _topic(ctx, hit):
            continue
        # A commemorated document is still named: "Der Vertrag" later is the same one.
        if _mentioned_again(ctx, hit, earlier) or _commemorated(ctx, hit):
            continue
        kind, _, plural = hit.entry.value.partition("+")
        found.append(
            DocumentMention(
                span=(hit.start, hit.end),
                surface=ctx.text[hit.start : hit.end],
                rule="document.plural" if plural else "document.word",
                confidence=0.8,
                kind=DocumentKind(kind),
                count=_count(ctx, hit, plural=bool(plural)),
                sectors=covered,
                signatories=_signatories(ctx, hit, by_sentence),
            )
        )
    return found
