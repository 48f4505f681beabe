"""Finding states and organisations in a report.

A state is named by its name (any CLDR form, or an alias), a demonym or
adjective, a Chinese one-character abbreviation (中俄, 俄方), a capital that
acts ("Moscow and Beijing agreed"), or a title that carries it (Bundeskanzler,
国家主席). What is not a state: a territory (Taiwan, Hong Kong, Macao), a
capital that only places an event ("talks in Moscow"), a US state ("the state
of Georgia"), and a name inside an organisation's name.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from diplomodel.extract._context import Context, Spans
from diplomodel.extract._lexicon import Category, Hit, _data
from diplomodel.extract._results import OrganizationMention, StateForm, StateMention
from diplomodel.states import State, states

__all__ = ["find_organizations", "find_states", "places"]

_FORMS: Final = {
    Category.STATE: StateForm.NAME,
    Category.DEMONYM: StateForm.DEMONYM,
    Category.CAPITAL: StateForm.CAPITAL,
}
_CONFIDENCE: Final = {
    StateForm.NAME: 0.95,
    StateForm.DEMONYM: 0.85,
    StateForm.ABBREVIATION: 0.85,
    StateForm.CAPITAL: 0.7,
    StateForm.TITLE: 0.8,
}
# Pairs of Chinese abbreviations that are everyday words, not two states.
_ZH_NOT_STATES: Final = frozenset({"美德", "日中", "中日", "德法"})
_ZH_BEFORE_NOT: Final = frozenset("0123456789月年今明昨每当同本次首节其")


def _us_state(ctx: Context, hit: Hit) -> bool:
    """'the state of Georgia', 'US-Bundesstaat Georgia', 'Atlanta, Georgia'."""
    return bool(ctx.ending(hit.first, Category.US_STATE)) or bool(
        ctx.ending(hit.first - 1, Category.US_STATE)
    )


def _is_place(ctx: Context, hit: Hit) -> bool:
    """A capital that places an event: after a preposition, or in the dateline."""
    if ctx.ending(hit.first, Category.LOCATIVE):
        return True
    if hit.start < 60:
        before = ctx.text[: hit.start]
        after = ctx.text[hit.end : hit.end + 25]
        capitals_only = ctx.text[hit.start : hit.end].isupper() and after[:1] == "."  # ВЬЕНТЬЯН.
        if not any(c.islower() for c in before) and (
            capitals_only or any(mark in after for mark in ("—", "–", " - ", "电", ",", "،"))
        ):
            return True
    return False


def _state(code: str) -> State | None:
    return states.get(code, None)


def _zh_abbreviations(ctx: Context, taken: Spans) -> Iterator[StateMention]:
    """中俄, 中日韩: runs of one-character abbreviations, each naming its state."""
    table: dict[str, str] = _data()["zh_abbreviations"]
    tokens = ctx.tokens
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and tokens[j].raw in table and tokens[j].end - tokens[j].start == 1:
            if j > i and tokens[j].start != tokens[j - 1].end:
                break
            j += 1
        run = "".join(t.raw for t in tokens[i:j])
        before = ctx.text[tokens[i].start - 1] if tokens[i].start else ""
        if (
            j - i >= 2
            and run not in _ZH_NOT_STATES
            and before not in _ZH_BEFORE_NOT
            and not taken.covers(tokens[i].start)
        ):
            for token in tokens[i:j]:
                state = _state(table[token.raw])
                if state is not None:
                    yield StateMention(
                        span=(token.start, token.end),
                        surface=token.raw,
                        rule="state.zh_abbreviation",
                        confidence=_CONFIDENCE[StateForm.ABBREVIATION],
                        state=state,
                        form=StateForm.ABBREVIATION,
                    )
            i = j
        else:
            i = max(j, i + 1)


def _resolve(hits: list[Hit]) -> dict[int, str]:
    """The code of each hit; a name of two states goes to the one named plainly elsewhere.

    Of the hits starting at one place the longest wins ("Dominican Republic",
    not the demonym "Dominican").
    """
    longest: dict[int, int] = {}
    for hit in hits:
        longest[hit.start] = max(longest.get(hit.start, 0), hit.end)
    by_start: dict[int, list[str]] = {}
    for hit in hits:
        if hit.end == longest[hit.start]:
            by_start.setdefault(hit.start, []).append(hit.entry.value)
    plain = {codes[0] for codes in by_start.values() if len(set(codes)) == 1}
    chosen: dict[int, str] = {}
    for start, codes in by_start.items():
        unique = sorted(set(codes))
        if len(unique) == 1:
            chosen[start] = unique[0]
        else:
            named = [c for c in unique if c in plain]
            if len(named) == 1:
                chosen[start] = named[0]
    return chosen


def find_states(ctx: Context, organizations: list[OrganizationMention]) -> list[StateMention]:
    """Every mention of a state, in text order."""
    blocked = Spans(
        [*((h.start, h.end) for h in ctx.of(Category.BLOCK)), *(m.span for m in organizations)]
    )
    candidates = [
        h
        for h in ctx.of(Category.STATE, Category.DEMONYM, Category.CAPITAL)
        if not blocked.covers(h.start, h.end) and not _us_state(ctx, h)
    ]
    codes = _resolve(candidates)
    found: list[StateMention] = []
    done: set[int] = set()
    ends = {h.start: h.end for h in candidates if codes.get(h.start) == h.entry.value}
    for hit in candidates:
        code = codes.get(hit.start)
        if ends.get(hit.start) != hit.end:
            continue
        state = _state(code) if code else None
        if state is None or hit.start in done:
            continue
        done.add(hit.start)
        form = _FORMS[hit.entry.category]
        if form is StateForm.CAPITAL and _is_place(ctx, hit):
            continue
        found.append(
            StateMention(
                span=(hit.start, hit.end),
                surface=ctx.text[hit.start : hit.end],
                rule=f"state.{form.value}",
                confidence=_CONFIDENCE[form],
                state=state,
                form=form,
            )
        )
    for hit in ctx.of(Category.TITLE):
        _, _, code = hit.entry.value.partition("@")
        state = _state(code) if code else None
        if state is not None:
            found.append(
                StateMention(
                    span=(hit.start, hit.end),
                    surface=ctx.text[hit.start : hit.end],
                    rule="state.title",
                    confidence=_CONFIDENCE[StateForm.TITLE],
                    state=state,
                    form=StateForm.TITLE,
                )
            )
    if ctx.language == "zh":
        found.extend(_zh_abbreviations(ctx, Spans(m.span for m in found)))
    found.sort(key=lambda m: m.span)
    return found


def places(ctx: Context) -> list[Hit]:
    """Capitals that place an event (not counted as states)."""
    return [h for h in ctx.of(Category.CAPITAL) if _is_place(ctx, h)]


def find_organizations(ctx: Context) -> list[OrganizationMention]:
    """Organisations of the `organizations` registry named in the text."""
    return [
        OrganizationMention(
            span=(hit.start, hit.end),
            surface=ctx.text[hit.start : hit.end],
            rule="organization.name",
            confidence=0.9,
            code=hit.entry.value,
        )
        for hit in ctx.of(Category.ORGANIZATION)
    ]
