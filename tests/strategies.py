"""Hypothesis strategies producing valid diplomodel objects of every public class."""

from __future__ import annotations

import calendar
import string
from datetime import date
from typing import Any, TypeVar

from hypothesis import strategies as st

import diplomodel as dm

T = TypeVar("T")

ALL_STATES = tuple(dm.states)
LOCALES = ("en", "ru", "zh", "zh_Hant", "fr", "ar", "de", "ja", "pt_BR", "es")

ids = st.from_regex(r"[a-z0-9](?:[a-z0-9.:/_-]{0,20}[a-z0-9])?", fullmatch=True)
_letters = string.ascii_letters + string.digits + " ,.'-–éüøЖжк中文"
texts = st.text(alphabet=_letters, min_size=1, max_size=40).map(str.strip).filter(bool)
state = st.sampled_from(ALL_STATES)


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1800, max_year: int = 2100) -> dm.PartialDate:
    """Partial dates of every precision."""
    year = draw(st.integers(min_year, max_year))
    precision = draw(st.sampled_from(dm.Precision))
    if precision is dm.Precision.YEAR:
        return dm.PartialDate(year=year)
    month = draw(st.integers(1, 12))
    if precision is dm.Precision.MONTH:
        return dm.PartialDate(year=year, month=month)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return dm.PartialDate(year=year, month=month, day=day)


@st.composite
def date_spans(draw: st.DrawFn) -> tuple[dm.PartialDate, dm.PartialDate]:
    """A start and an end that is not before it."""
    start = draw(partial_dates())
    end = draw(partial_dates(min_year=start.year, max_year=start.year + 10))
    if end.latest() < start.earliest():
        end = start
    return start, end


def unique_tuples(
    elements: st.SearchStrategy[T], *, min_size: int = 0, max_size: int = 4, key: Any = None
) -> st.SearchStrategy[tuple[T, ...]]:
    """Tuples without repeats."""
    return st.lists(
        elements, min_size=min_size, max_size=max_size, unique_by=key or (lambda x: x)
    ).map(tuple)


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    """None or a value."""
    return st.none() | strategy


names = st.dictionaries(st.sampled_from(LOCALES), texts, max_size=3)
sectors = unique_tuples(st.sampled_from(dm.Sector))
parties = unique_tuples(state, min_size=1, max_size=3)

places = st.builds(dm.Place, state=state, locality=optional(texts), venue=optional(texts))
sources = st.builds(
    dm.Source,
    publisher=texts,
    title=optional(texts),
    url=optional(st.sampled_from(["https://example.org/a", "http://news.example/b?c=1"])),
    published=optional(partial_dates()),
    dateline=optional(texts),
    language=optional(st.sampled_from(LOCALES)),
)


@st.composite
def tenures(draw: st.DrawFn) -> dm.Tenure:
    """Tenures with consistent dates."""
    start, end = draw(date_spans())
    return dm.Tenure(
        office=draw(ids),
        start=draw(st.none() | st.just(start)),
        end=draw(st.none() | st.just(end)),
    )


people = st.builds(
    dm.Person,
    id=ids,
    name=texts,
    names=names,
    tenures=st.lists(tenures(), max_size=3).map(tuple),
)
offices = st.builds(
    dm.Office, id=ids, title=texts, kind=st.sampled_from(dm.OfficeKind), state=state
)
participations = st.builds(
    dm.Participation,
    person=ids,
    delegation=state,
    role=st.sampled_from(dm.Role),
    office=optional(ids),
)
committee_reports = st.builds(
    dm.CommitteeReport, committee=ids, presenter=optional(ids), summary=optional(texts)
)


@st.composite
def meetings(draw: st.DrawFn) -> dm.Meeting:
    """Meetings, with or without a series and an end."""
    start, end = draw(date_spans())
    series = draw(optional(ids))
    return dm.Meeting(
        id=draw(ids),
        title=draw(texts),
        kind=draw(st.sampled_from(dm.MeetingKind)),
        start=start,
        end=draw(st.none() | st.just(end)),
        place=draw(optional(places)),
        host=draw(optional(state)),
        parties=draw(parties),
        series=series,
        ordinal=None if series is None else draw(optional(st.integers(1, 500))),
        participants=draw(
            unique_tuples(participations, max_size=5, key=lambda p: (p.person, p.role))
        ),
        sectors=draw(sectors),
        committee_reports=draw(unique_tuples(committee_reports, key=lambda r: r.committee)),
        outcomes=draw(unique_tuples(ids)),
        summary=draw(optional(texts)),
        sources=draw(st.lists(sources, max_size=2).map(tuple)),
    )


meeting_series = st.builds(
    dm.MeetingSeries,
    id=ids,
    title=texts,
    kind=st.sampled_from(dm.MeetingKind),
    parties=parties,
    level=optional(st.sampled_from(dm.OfficeKind)),
    cadence=st.sampled_from(dm.Cadence),
    established=optional(partial_dates()),
)
signatures = st.builds(dm.Signature, person=ids, state=state, office=optional(ids))


def _document_fields(draw: st.DrawFn) -> dict[str, Any]:
    document_id = draw(ids)
    return {
        "id": document_id,
        "title": draw(texts),
        "parties": draw(parties),
        "signed": draw(optional(partial_dates())),
        "place": draw(optional(places)),
        "meeting": draw(optional(ids)),
        "sectors": draw(sectors),
        "signatories": draw(unique_tuples(signatures)),
        "witnesses": draw(unique_tuples(ids)),
        "revises": draw(optional(ids.filter(lambda i: i != document_id))),
        "status": draw(st.sampled_from(dm.DocumentStatus)),
        "summary": draw(optional(texts)),
        "sources": draw(st.lists(sources, max_size=2).map(tuple)),
    }


@st.composite
def communiques(draw: st.DrawFn) -> dm.Communique:
    """Joint communiqués."""
    return dm.Communique(**_document_fields(draw))


@st.composite
def cooperation_agreements(draw: st.DrawFn) -> dm.CooperationAgreement:
    """Cooperation agreements of every form."""
    return dm.CooperationAgreement(
        **_document_fields(draw), form=draw(optional(st.sampled_from(dm.AgreementForm)))
    )


documents = communiques() | cooperation_agreements()


@st.composite
def committees(draw: st.DrawFn) -> dm.Committee:
    """Committees, with a parent other than themselves."""
    committee_id = draw(ids)
    return dm.Committee(
        id=committee_id,
        name=draw(texts),
        kind=draw(st.sampled_from(dm.CommitteeKind)),
        parties=draw(parties),
        sectors=draw(sectors),
        co_chairs=draw(unique_tuples(ids)),
        parent=draw(optional(ids.filter(lambda i: i != committee_id))),
        established=draw(optional(partial_dates())),
    )


partnership_levels = st.builds(dm.PartnershipLevel, name=texts, since=partial_dates())


@st.composite
def relations(draw: st.DrawFn) -> dm.BilateralRelation:
    """Relations between two states with levels in date order."""
    pair = draw(unique_tuples(state, min_size=2, max_size=2))
    drawn = draw(st.lists(partnership_levels, max_size=4))
    levels: list[dm.PartnershipLevel] = []
    for level in sorted(drawn, key=lambda lv: lv.since):
        if not levels or level.since.earliest() > levels[-1].since.latest():
            levels.append(level)  # each level starts after the one before has surely begun
    return dm.BilateralRelation(
        id=draw(ids),
        parties=pair,
        established=draw(optional(partial_dates())),
        levels=tuple(levels),
        sources=draw(st.lists(sources, max_size=2).map(tuple)),
    )


@st.composite
def thematic_years(draw: st.DrawFn) -> dm.ThematicYear:
    """Themed years with consistent dates."""
    start, end = draw(date_spans())
    return dm.ThematicYear(
        id=draw(ids),
        title=draw(texts),
        parties=draw(parties),
        start=start,
        end=end,
        sectors=draw(sectors),
        sources=draw(st.lists(sources, max_size=2).map(tuple)),
    )


statements = st.builds(
    dm.Statement,
    id=ids,
    speaker=ids,
    summary=texts,
    on_behalf_of=optional(state),
    meeting=optional(ids),
    date=optional(partial_dates()),
    topics=sectors,
    sources=st.lists(sources, max_size=2).map(tuple),
)


def _few(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=2).map(tuple)


dossiers = st.builds(
    dm.Dossier,
    id=ids,
    title=texts,
    people=_few(people),
    offices=_few(offices),
    meetings=_few(meetings()),
    series=_few(meeting_series),
    documents=_few(documents),
    committees=_few(committees()),
    relations=_few(relations()),
    thematic_years=_few(thematic_years()),
    statements=_few(statements),
)

days = st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31))

BY_CLASS: dict[type[Any], st.SearchStrategy[Any]] = {
    dm.PartialDate: partial_dates(),
    dm.State: state,
    dm.Place: places,
    dm.Source: sources,
    dm.Tenure: tenures(),
    dm.Person: people,
    dm.Office: offices,
    dm.Participation: participations,
    dm.CommitteeReport: committee_reports,
    dm.Meeting: meetings(),
    dm.MeetingSeries: meeting_series,
    dm.Signature: signatures,
    dm.Communique: communiques(),
    dm.CooperationAgreement: cooperation_agreements(),
    dm.Document: documents,
    dm.Committee: committees(),
    dm.PartnershipLevel: partnership_levels,
    dm.BilateralRelation: relations(),
    dm.ThematicYear: thematic_years(),
    dm.Statement: statements,
    dm.Dossier: dossiers,
}
"""A strategy for every public class that the converter reads and writes."""
