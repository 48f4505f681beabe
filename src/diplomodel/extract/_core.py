"""`extract`: read a news report of diplomacy into an `Extraction`."""

from __future__ import annotations

from datetime import date, datetime
from typing import Final

from diplomodel.anniversaries import anniversary_in_year
from diplomodel.dates import PartialDate
from diplomodel.dossier import Dossier
from diplomodel.errors import DataError, Problem
from diplomodel.extract._context import Context
from diplomodel.extract._documents import find_documents
from diplomodel.extract._events import date_expressions, find_events
from diplomodel.extract._extraction import Extraction
from diplomodel.extract._lexicon import Category
from diplomodel.extract._numbers import anniversary_number, numbers, series_or_not
from diplomodel.extract._officials import find_officials
from diplomodel.extract._participants import participants as find_participants
from diplomodel.extract._results import (
    AnniversaryKind,
    AnniversaryMention,
    EventMention,
    OrdinalMention,
    StateMention,
)
from diplomodel.extract._states import find_organizations, find_states, places
from diplomodel.extract._text import LANGUAGES, detect_language
from diplomodel.states import State

__all__ = ["extract"]

_MAX_TEXT: Final = 5_000_000


def _check(
    text: object, published: object, dateline: object, language: object, dossier: object
) -> list[Problem]:
    problems: list[Problem] = []
    if not isinstance(text, str):
        problems.append(
            Problem(path="$.text", message=f"must be a str (got {type(text).__name__})")
        )
    elif len(text) > _MAX_TEXT:
        problems.append(Problem(path="$.text", message=f"is longer than {_MAX_TEXT} characters"))
    for name, value in (("published", published), ("dateline", dateline)):
        if value is not None and not isinstance(value, date):
            problems.append(
                Problem(path=f"$.{name}", message=f"must be a date (got {type(value).__name__})")
            )
    if language is not None and language not in LANGUAGES:
        known = ", ".join(LANGUAGES)
        problems.append(
            Problem(path="$.language", message=f"must be one of {known} (got {language!r})")
        )
    if dossier is not None and not isinstance(dossier, Dossier):
        problems.append(
            Problem(path="$.dossier", message=f"must be a Dossier (got {type(dossier).__name__})")
        )
    return problems


def _day(value: date | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def _anniversaries(
    ctx: Context,
    mentions: list[StateMention],
    participants: list[StateMention],
    numbers_found: list[tuple[int, int, int, int, int]],
) -> list[AnniversaryMention]:
    """Anniversaries: number, what, the states of the sentence (or of the report's pair)."""
    pair = [m.state for m in participants] if len(participants) == 2 else []
    found: list[AnniversaryMention] = []
    by_sentence: dict[int, list[State]] = {}
    for mention in mentions:
        here_states = by_sentence.setdefault(ctx.sentence_at(mention.span[0]), [])
        if mention.state not in here_states:
            here_states.append(mention.state)
    for start, end, first, _, value in numbers_found:
        sentence = ctx.sentence_of(first)
        whats = list(ctx.in_sentence(sentence, Category.ANNIVERSARY_WHAT))
        what = AnniversaryKind.OTHER
        if whats:
            nearest = min(whats, key=lambda h: abs(h.first - first))
            what = AnniversaryKind(nearest.entry.value)
        here = by_sentence.get(sentence, [])
        if len(here) < 2 and what is AnniversaryKind.DIPLOMATIC_TIES:
            here = pair or here  # "the two countries mark the 75th anniversary of ties"
        on = _anniversary_day(ctx, here, what, value)
        words = [h for h in ctx.in_sentence(sentence, Category.ANNIVERSARY) if h.first >= first - 3]
        stop = max([end] + [h.end for h in words[:1]])
        found.append(
            AnniversaryMention(
                span=(start, stop),
                surface=ctx.text[start:stop],
                rule="anniversary.ordinal",
                confidence=0.85 if whats else 0.6,
                number=value,
                what=what,
                states=tuple(here),
                on=on,
            )
        )
    return found


def _anniversary_day(
    ctx: Context, here: list[State], what: AnniversaryKind, number: int
) -> PartialDate | None:
    """The anniversary's day, when the dossier knows when the two states' ties began."""
    dossier, reference = ctx.dossier, ctx.reference
    if dossier is None or what is not AnniversaryKind.DIPLOMATIC_TIES or len(here) < 2:
        return None
    relation = dossier.relation(here[0], here[1])
    if relation is None or relation.established is None:
        return None
    since = relation.established
    year = since.year + number
    if reference is not None and abs(reference.year - year) > 1:
        return None  # the count does not fit this report's year: leave it to the claims
    try:
        return anniversary_in_year(since, year).date
    except ValueError:
        return None


def _read(ctx: Context) -> Extraction:
    organizations = find_organizations(ctx)
    mentions = find_states(ctx, organizations)
    place_hits = [(h.first, ctx.text[h.start : h.end]) for h in places(ctx)]
    officials = find_officials(ctx, mentions, [(h.first, h.entry.value) for h in places(ctx)])
    expressions = date_expressions(ctx)
    events: list[EventMention] = find_events(ctx, expressions, place_hits)
    date_spans = [(e.start, e.end) for e in expressions]
    ordinals: list[OrdinalMention] = []
    anniversary_numbers = []
    for number in numbers(ctx, date_spans):
        if anniversary_number(ctx, number):
            anniversary_numbers.append(tuple(number))
            continue
        series = series_or_not(ctx, number)
        if series is None:
            continue
        ordinals.append(
            OrdinalMention(
                span=(number.start, number.end),
                surface=ctx.text[number.start : number.end],
                rule="ordinal.series" if series else "ordinal.other",
                confidence=0.85 if series else 0.7,
                value=number.value,
                series=series,
            )
        )
    participants = find_participants(ctx, mentions, officials)
    return Extraction(
        text=ctx.text,
        language=ctx.language,
        published=PartialDate.from_date(ctx.published) if ctx.published else None,
        dateline=PartialDate.from_date(ctx.dateline) if ctx.dateline else None,
        states_participating=tuple(participants),
        states_mentioned=tuple(mentions),
        organizations=tuple(organizations),
        officials=tuple(officials),
        events=tuple(events),
        ordinals=tuple(ordinals),
        anniversaries=tuple(_anniversaries(ctx, mentions, participants, anniversary_numbers)),  # type: ignore[arg-type]
        documents=tuple(find_documents(ctx, officials)),
    )


def extract(
    text: str,
    *,
    published: date | None = None,
    dateline: date | None = None,
    language: str | None = None,
    dossier: Dossier | None = None,
) -> Extraction:
    """Read a news report of diplomacy: states, officials, events, documents and more.

    Every item found carries its ``span`` in the text, the ``surface`` there,
    the ``rule`` that found it and a ``confidence``. The reading is by rules
    and tables (CLDR names through babel, curated demonyms and titles), in
    time linear in the text; nothing is downloaded.

    Args:
        text: The report, any length, any script.
        published: Its publication date.
        dateline: The date it was filed, when the report gives one. Weekdays
            ("on Wednesday") are resolved against it, else against `published`.
        language: "en", "ru", "zh", "fr", "de" or "ar"; detected from the text
            when None.
        dossier: Known records: an anniversary gets its day from the ties the
            dossier records, and `Extraction.to_dossier` resolves people,
            offices and series against it.

    Returns:
        The `Extraction`.

    Raises:
        DataError: An argument has the wrong type or an unknown language.

    >>> found = extract(
    ...     "Chinese Premier Li Qiang and Russian Prime Minister Mikhail Mishustin held "
    ...     "the 29th regular meeting of heads of government in Moscow on Wednesday.",
    ...     dateline=date(2024, 8, 21),
    ... )
    >>> [(o.name, o.state.code, o.kind.value) for o in found.officials]
    [('Li Qiang', 'CN', 'head_of_government'), ('Mikhail Mishustin', 'RU', 'head_of_government')]
    >>> str(found.events[0].start), found.events[0].place, found.ordinals[0].value
    ('2024-08-21', 'Moscow', 29)
    """
    problems = _check(text, published, dateline, language, dossier)
    if problems:
        raise DataError(problems, source="extract()")
    published, dateline = _day(published), _day(dateline)
    language = language or detect_language(text)
    ctx = Context(text, language, published=published, dateline=dateline, dossier=dossier)
    return _read(ctx)
