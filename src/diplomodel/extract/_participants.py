"""Which of the states a report names take part in what it tells.

A state takes part when one of its officials does; when it is the subject of
a sentence that tells of an event (named before the sentence's first event
word — in Arabic, right after a sentence-opening verb); or when its leaders
are said to attend ("the leaders of Chad, Libya and …", 中日韩领导人). A
state that is only a destination ("travelled to Kenya") or a place does not.
"""

from __future__ import annotations

from typing import Final

from attrs import evolve

from diplomodel.extract._context import Context
from diplomodel.extract._lexicon import Category
from diplomodel.extract._results import OfficialMention, StateMention

__all__ = ["participants"]

_SUBJECT_REACH: Final = 8  # tokens from a sentence's start where its subject stands
_VERB_FIRST: Final = 1  # an Arabic sentence opens with its verb within this many tokens
_AFTER_VERB: Final = 4  # ... and names its subject within this many after it
_LEADERS_REACH: Final = 8  # tokens after "the leaders of" (before 领导人 in Chinese)


def _subject(ctx: Context, index: int, first: int, event: int | None) -> bool:
    if event is None:
        return False
    if ctx.language == "ar" and event - first <= _VERB_FIRST:
        return 0 < index - event <= _AFTER_VERB
    return index < event and index - first < _SUBJECT_REACH


def _led(ctx: Context) -> set[int]:
    """Token indexes within the reach of a "leaders of" phrase."""
    reach: set[int] = set()
    for hit in ctx.of(Category.LEADERS):
        sentence = ctx.sentence_of(hit.first)
        if ctx.language in {"zh", "de"}:  # 中日韩领导人; deutsch-französische Regierungschefs
            window = range(max(0, hit.first - _LEADERS_REACH), hit.first)
        else:
            window = range(hit.last, min(len(ctx.tokens), hit.last + _LEADERS_REACH))
        reach.update(i for i in window if ctx.sentence_of(i) == sentence)
    return reach


def participants(
    ctx: Context, mentions: list[StateMention], officials: list[OfficialMention]
) -> list[StateMention]:
    """One mention per state taking part, its first mention, marked as participating."""
    acting: set[str] = {o.state.code for o in officials if o.state is not None}
    first_token: dict[int, int] = {}
    for index, sentence in enumerate(ctx.sentences):
        first_token.setdefault(sentence, index)
    first_event: dict[int, int] = {}
    for hit in ctx.of(Category.EVENT):
        first_event.setdefault(ctx.sentence_of(hit.first), hit.first)
    led = _led(ctx)
    for mention in mentions:
        index = ctx.token_at(mention.span[0])
        if ctx.ending(index, Category.DESTINATION, Category.LOCATIVE):
            continue
        sentence = ctx.sentence_of(index)
        subject = _subject(ctx, index, first_token.get(sentence, index), first_event.get(sentence))
        if subject or index in led:
            acting.add(mention.state.code)
    chosen: dict[str, StateMention] = {}
    for mention in mentions:
        if mention.state.code in acting and mention.state.code not in chosen:
            chosen[mention.state.code] = evolve(mention, participating=True)
    return list(chosen.values())
