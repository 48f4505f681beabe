"""Hypothesis strategies that produce valid diplomodel objects, for your own tests.

Install with the ``testing`` extra (``pip install "diplomodel[testing]"``),
which brings in hypothesis. Every function returns a strategy; `from_class`
finds the one for any public class.

>>> from hypothesis import given
>>> import diplomodel as dm
>>> from diplomodel import testing
>>> @given(testing.meetings())
... def test_round_trip(meeting):
...     assert dm.from_json(dm.to_json(meeting), dm.Meeting) == meeting
>>> test_round_trip()

The objects are valid one by one (every field passes its validator) and
dossiers have distinct ids in each collection, but references between
entities are random ids: validation across objects will report them.
"""

from __future__ import annotations

import calendar
import string
from typing import Any, TypeVar

from hypothesis import strategies as st

from diplomodel.dates import PartialDate, Precision
from diplomodel.dossier import Dossier
from diplomodel.errors import ArgumentTypeError
from diplomodel.model.cooperation import Committee, CommitteeKind
from diplomodel.model.documents import (
    AgreementForm,
    Communique,
    CooperationAgreement,
    Document,
    DocumentStatus,
    Signature,
)
from diplomodel.model.meetings import (
    Cadence,
    CommitteeReport,
    Meeting,
    MeetingKind,
    MeetingSeries,
    Participation,
    Role,
)
from diplomodel.model.people import Office, OfficeKind, Person, Tenure
from diplomodel.model.places import Place
from diplomodel.model.relations import BilateralRelation, PartnershipLevel, ThematicYear
from diplomodel.model.sectors import Sector
from diplomodel.model.sources import Source
from diplomodel.model.statements import Statement
from diplomodel.states import State
from diplomodel.states import states as _registry

__all__ = [
    "classes",
    "committee_reports",
    "committees",
    "communiques",
    "cooperation_agreements",
    "documents",
    "dossiers",
    "from_class",
    "ids",
    "meeting_series",
    "meetings",
    "offices",
    "partial_dates",
    "participations",
    "partnership_levels",
    "people",
    "places",
    "relations",
    "signatures",
    "sources",
    "statements",
    "states",
    "tenures",
    "texts",
    "thematic_years",
]

T = TypeVar("T")

_LOCALES = ("en", "ru", "zh", "zh_Hant", "fr", "ar", "de", "ja", "pt_BR", "es")
_LETTERS = string.ascii_letters + string.digits + " ,.'-–éüøЖжк中文"


def ids() -> st.SearchStrategy[Any]:
    """Valid entity ids ("li-qiang", "a1.b/c"), for any of the id NewTypes."""
    return st.from_regex(r"[a-z0-9](?:[a-z0-9.:/_-]{0,20}[a-z0-9])?", fullmatch=True)


def texts() -> st.SearchStrategy[str]:
    """Non-blank text without outer whitespace, in several scripts."""
    return st.text(alphabet=_LETTERS, min_size=1, max_size=40).map(str.strip).filter(bool)


def states() -> st.SearchStrategy[State]:
    """Any state in the registry, current or historical."""
    return st.sampled_from(tuple(_registry))


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1800, max_year: int = 2100) -> PartialDate:
    """Partial dates of every precision between two years."""
    year = draw(st.integers(min_year, max_year))
    precision = draw(st.sampled_from(Precision))
    if precision is Precision.YEAR:
        return PartialDate(year=year)
    month = draw(st.integers(1, 12))
    if precision is Precision.MONTH:
        return PartialDate(year=year, month=month)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(year=year, month=month, day=day)


@st.composite
def _date_spans(draw: st.DrawFn) -> tuple[PartialDate, PartialDate]:
    """A start and an end that is not before it."""
    start = draw(partial_dates())
    end = draw(partial_dates(min_year=start.year, max_year=start.year + 10))
    if end.latest() < start.earliest():
        end = start
    return start, end


def _unique(
    elements: st.SearchStrategy[T], *, min_size: int = 0, max_size: int = 4, key: Any = None
) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(
        elements, min_size=min_size, max_size=max_size, unique_by=key or (lambda x: x)
    ).map(tuple)


def _optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


def _sectors() -> st.SearchStrategy[tuple[Sector, ...]]:
    return _unique(st.sampled_from(Sector))


def _parties() -> st.SearchStrategy[tuple[State, ...]]:
    return _unique(states(), min_size=1, max_size=3)


def _sources() -> st.SearchStrategy[tuple[Source, ...]]:
    return st.lists(sources(), max_size=2).map(tuple)


def places() -> st.SearchStrategy[Place]:
    """Places, with or without locality and venue."""
    return st.builds(Place, state=states(), locality=_optional(texts()), venue=_optional(texts()))


def sources() -> st.SearchStrategy[Source]:
    """Sources with any combination of details."""
    return st.builds(
        Source,
        publisher=texts(),
        title=_optional(texts()),
        url=_optional(st.sampled_from(["https://example.org/a", "http://news.example/b?c=1"])),
        published=_optional(partial_dates()),
        dateline=_optional(texts()),
        language=_optional(st.sampled_from(_LOCALES)),
    )


@st.composite
def tenures(draw: st.DrawFn) -> Tenure:
    """Terms in office whose end is not before their start."""
    start, end = draw(_date_spans())
    return Tenure(
        office=draw(ids()),
        start=draw(st.none() | st.just(start)),
        end=draw(st.none() | st.just(end)),
    )


def people() -> st.SearchStrategy[Person]:
    """People with localised names and tenures."""
    return st.builds(
        Person,
        id=ids(),
        name=texts(),
        names=st.dictionaries(st.sampled_from(_LOCALES), texts(), max_size=3),
        tenures=st.lists(tenures(), max_size=3).map(tuple),
    )


def offices() -> st.SearchStrategy[Office]:
    """Offices of every kind."""
    return st.builds(
        Office, id=ids(), title=texts(), kind=st.sampled_from(OfficeKind), state=states()
    )


def participations() -> st.SearchStrategy[Participation]:
    """Participations in every role."""
    return st.builds(
        Participation,
        person=ids(),
        delegation=states(),
        role=st.sampled_from(Role),
        office=_optional(ids()),
    )


def committee_reports() -> st.SearchStrategy[CommitteeReport]:
    """Committee reports."""
    return st.builds(
        CommitteeReport, committee=ids(), presenter=_optional(ids()), summary=_optional(texts())
    )


@st.composite
def meetings(draw: st.DrawFn) -> Meeting:
    """Meetings of every kind, with or without a series, an end and a place."""
    start, end = draw(_date_spans())
    series = draw(_optional(ids()))
    return Meeting(
        id=draw(ids()),
        title=draw(texts()),
        kind=draw(st.sampled_from(MeetingKind)),
        start=start,
        end=draw(st.none() | st.just(end)),
        place=draw(_optional(places())),
        host=draw(_optional(states())),
        parties=draw(_parties()),
        series=series,
        ordinal=None if series is None else draw(_optional(st.integers(1, 500))),
        participants=draw(_unique(participations(), max_size=5, key=lambda p: (p.person, p.role))),
        sectors=draw(_sectors()),
        committee_reports=draw(_unique(committee_reports(), key=lambda r: r.committee)),
        outcomes=draw(_unique(ids())),
        summary=draw(_optional(texts())),
        sources=draw(_sources()),
    )


def meeting_series() -> st.SearchStrategy[MeetingSeries]:
    """Series of meetings."""
    return st.builds(
        MeetingSeries,
        id=ids(),
        title=texts(),
        kind=st.sampled_from(MeetingKind),
        parties=_parties(),
        level=_optional(st.sampled_from(OfficeKind)),
        cadence=st.sampled_from(Cadence),
        established=_optional(partial_dates()),
    )


def signatures() -> st.SearchStrategy[Signature]:
    """Signatures."""
    return st.builds(Signature, person=ids(), state=states(), office=_optional(ids()))


def _document_fields(draw: st.DrawFn) -> dict[str, Any]:
    document_id = draw(ids())
    return {
        "id": document_id,
        "title": draw(texts()),
        "parties": draw(_parties()),
        "signed": draw(_optional(partial_dates())),
        "place": draw(_optional(places())),
        "meeting": draw(_optional(ids())),
        "sectors": draw(_sectors()),
        "signatories": draw(_unique(signatures())),
        "witnesses": draw(_unique(ids())),
        "revises": draw(_optional(ids().filter(lambda i: i != document_id))),
        "status": draw(st.sampled_from(DocumentStatus)),
        "summary": draw(_optional(texts())),
        "sources": draw(_sources()),
    }


@st.composite
def communiques(draw: st.DrawFn) -> Communique:
    """Joint communiqués."""
    return Communique(**_document_fields(draw))


@st.composite
def cooperation_agreements(draw: st.DrawFn) -> CooperationAgreement:
    """Cooperation agreements of every form."""
    return CooperationAgreement(
        **_document_fields(draw), form=draw(_optional(st.sampled_from(AgreementForm)))
    )


def documents() -> st.SearchStrategy[Document]:
    """Documents of every kind."""
    return st.one_of(communiques(), cooperation_agreements())


@st.composite
def committees(draw: st.DrawFn) -> Committee:
    """Committees, each with a parent other than itself."""
    committee_id = draw(ids())
    return Committee(
        id=committee_id,
        name=draw(texts()),
        kind=draw(st.sampled_from(CommitteeKind)),
        parties=draw(_parties()),
        sectors=draw(_sectors()),
        co_chairs=draw(_unique(ids())),
        parent=draw(_optional(ids().filter(lambda i: i != committee_id))),
        established=draw(_optional(partial_dates())),
    )


def partnership_levels() -> st.SearchStrategy[PartnershipLevel]:
    """Partnership levels."""
    return st.builds(PartnershipLevel, name=texts(), since=partial_dates())


@st.composite
def relations(draw: st.DrawFn) -> BilateralRelation:
    """Relations between two states, with levels that follow one another."""
    pair = draw(_unique(states(), min_size=2, max_size=2))
    drawn = draw(st.lists(partnership_levels(), max_size=4))
    levels: list[PartnershipLevel] = []
    for level in sorted(drawn, key=lambda lv: lv.since):
        if not levels or level.since.earliest() > levels[-1].since.latest():
            levels.append(level)
    return BilateralRelation(
        id=draw(ids()),
        parties=pair,
        established=draw(_optional(partial_dates())),
        levels=tuple(levels),
        sources=draw(_sources()),
    )


@st.composite
def thematic_years(draw: st.DrawFn) -> ThematicYear:
    """Themed years whose end is not before their start."""
    start, end = draw(_date_spans())
    return ThematicYear(
        id=draw(ids()),
        title=draw(texts()),
        parties=draw(_parties()),
        start=start,
        end=end,
        sectors=draw(_sectors()),
        sources=draw(_sources()),
    )


def statements() -> st.SearchStrategy[Statement]:
    """Statements of position."""
    return st.builds(
        Statement,
        id=ids(),
        speaker=ids(),
        summary=texts(),
        on_behalf_of=_optional(states()),
        meeting=_optional(ids()),
        date=_optional(partial_dates()),
        topics=_sectors(),
        sources=_sources(),
    )


def _few(strategy: st.SearchStrategy[Any], size: int) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=size, unique_by=lambda e: e.id).map(tuple)


def dossiers(max_size: int = 2) -> st.SearchStrategy[Dossier]:
    """Dossiers holding up to `max_size` entities of each kind, with distinct ids."""
    return st.builds(
        Dossier,
        id=ids(),
        title=texts(),
        people=_few(people(), max_size),
        offices=_few(offices(), max_size),
        meetings=_few(meetings(), max_size),
        series=_few(meeting_series(), max_size),
        documents=_few(documents(), max_size),
        committees=_few(committees(), max_size),
        relations=_few(relations(), max_size),
        thematic_years=_few(thematic_years(), max_size),
        statements=_few(statements(), max_size),
    )


_BY_CLASS: dict[type[Any], Any] = {
    PartialDate: partial_dates,
    State: states,
    Place: places,
    Source: sources,
    Tenure: tenures,
    Person: people,
    Office: offices,
    Participation: participations,
    CommitteeReport: committee_reports,
    Meeting: meetings,
    MeetingSeries: meeting_series,
    Signature: signatures,
    Communique: communiques,
    CooperationAgreement: cooperation_agreements,
    Document: documents,
    Committee: committees,
    PartnershipLevel: partnership_levels,
    BilateralRelation: relations,
    ThematicYear: thematic_years,
    Statement: statements,
    Dossier: dossiers,
}


def from_class(cls: type[T]) -> st.SearchStrategy[T]:
    """The strategy for any public diplomodel class that files can hold.

    Raises:
        TypeError: `cls` is not such a class.

    >>> from diplomodel import Meeting
    >>> from_class(Meeting)
    meetings()
    """
    try:
        make = _BY_CLASS[cls]
    except (KeyError, TypeError):
        raise ArgumentTypeError(f"no strategy for {cls!r}") from None
    strategy: st.SearchStrategy[T] = make()
    return strategy


def classes() -> tuple[type[Any], ...]:
    """Every class `from_class` knows."""
    return tuple(_BY_CLASS)
