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

Nothing here is written per class. A strategy is derived from the class's
fields: the type hints say what to draw (an id, a state, a date, a nested
value object, a tuple or None) and the validators say what holds between
fields (an end not before its start, an ordinal only with a series, items
unique by a key, levels in date order, a value given only for some kinds,
events that make sense in order). A new field needs no change here.
"""

from __future__ import annotations

import calendar
import enum
import functools
import string
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeVar

import attrs
from hypothesis import strategies as st

from diplomodel import _validators as v
from diplomodel.dates import PartialDate, Precision
from diplomodel.dossier import Dossier
from diplomodel.errors import ArgumentTypeError
from diplomodel.model._fields import DOCUMENT_KINDS, TABLES, FieldSpec, entity_of_id, fields_of
from diplomodel.model.cooperation import Committee
from diplomodel.model.documents import Communique, CooperationAgreement, Document, Signature
from diplomodel.model.meetings import CommitteeReport, Meeting, MeetingSeries, Participation
from diplomodel.model.people import Office, Person, Tenure
from diplomodel.model.places import Place
from diplomodel.model.relations import BilateralRelation, PartnershipLevel, ThematicYear
from diplomodel.model.sources import Source
from diplomodel.model.statements import Statement
from diplomodel.organizations import Organization
from diplomodel.organizations import organizations as _organizations
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
    "organizations",
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
_URLS = ("https://example.org/a", "http://news.example/b?c=1")
_MAX_ITEMS = 3
_MAX_INT_SPAN = 500


# -- the building blocks -------------------------------------------------------------


def ids() -> st.SearchStrategy[Any]:
    """Valid entity ids ("li-qiang", "a1.b/c"), for any of the id NewTypes."""
    return st.from_regex(r"[a-z0-9](?:[a-z0-9.:/_-]{0,20}[a-z0-9])?", fullmatch=True)


def texts() -> st.SearchStrategy[str]:
    """Non-blank text without outer whitespace, in several scripts."""
    return st.text(alphabet=_LETTERS, min_size=1, max_size=40).map(str.strip).filter(bool)


def states() -> st.SearchStrategy[State]:
    """Any state in the registry, current or historical."""
    return st.sampled_from(tuple(_registry))


def organizations() -> st.SearchStrategy[Organization]:
    """Any organisation in the registry."""
    return st.sampled_from(tuple(_organizations))


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


# -- strategies derived from the fields ----------------------------------------------


def _string(schema: Mapping[str, Any]) -> st.SearchStrategy[Any]:
    """Text that passes a string validator, told apart by the pattern it enforces."""
    pattern = schema.get("pattern", "")
    if pattern == v.ID_PATTERN:
        return ids()
    if pattern == v.LOCALE_SHAPE:
        return st.sampled_from(_LOCALES)
    if pattern.startswith("^https?"):
        return st.sampled_from(_URLS)
    return texts()


def _value(spec: FieldSpec, max_size: int) -> st.SearchStrategy[Any]:
    """One value of a field (one item, for a tuple field)."""
    validator = spec.facts.get("item", spec.attribute.validator)
    return _of_type(spec.item, v.schema_of(validator), max_size)


_FIXED: Final[Mapping[Any, Callable[[], st.SearchStrategy[Any]]]] = {
    PartialDate: partial_dates,
    State: states,
    Organization: organizations,
    bool: st.booleans,
}


def _of_type(item: Any, schema: Mapping[str, Any], max_size: int) -> st.SearchStrategy[Any]:  # noqa: PLR0911
    """Values of one type, meeting the JSON Schema keywords its validator enforces."""
    if typing.get_origin(item) in (typing.Union, types.UnionType):
        return st.one_of(*(_of_type(member, schema, max_size) for member in typing.get_args(item)))
    if entity_of_id(item) is not None:
        return ids()
    if item in _FIXED:
        return _FIXED[item]()
    if isinstance(item, type) and issubclass(item, enum.Enum):
        return st.sampled_from(item)
    if isinstance(item, type) and (attrs.has(item) or item is Document):
        return _strategy(item, max_size)
    if item is int:
        low = schema.get("minimum", 0)
        return st.integers(low, schema.get("maximum", low + _MAX_INT_SPAN))
    if typing.get_origin(item) is Mapping:
        return st.dictionaries(st.sampled_from(_LOCALES), texts(), max_size=3)
    return _string(schema)


def _identity(entity: Any) -> Any:
    return entity.id


def _field(spec: FieldSpec, max_size: int) -> st.SearchStrategy[Any]:
    """All values of a field: tuples of items, None where allowed."""
    value = _value(spec, max_size)
    if spec.many:
        facts = spec.facts
        entities = spec.item in TABLES.values()
        key: Callable[[Any], Any] | None = facts.get("key")
        if entities:
            key = _identity  # a table holds each id once, as loaders require
        unique_by = key or (lambda item: item) if facts.get("unique") or entities else None
        least = facts.get("min_length", 0)
        most = facts.get("max_length") or max(least, max_size if entities else _MAX_ITEMS)
        value = st.lists(value, min_size=least, max_size=most, unique_by=unique_by).map(tuple)
    if spec.optional and "only_for" not in spec.facts:  # `_repair` empties those not chosen
        return st.none() | value
    return value


def _repair(specs: tuple[FieldSpec, ...], values: dict[str, Any]) -> None:
    """Make independently drawn fields agree with the invariants between them."""
    for spec in specs:
        facts, name = spec.facts, spec.name
        value = values.get(name)
        if value is None or value is False:
            continue
        if "not_before" in facts:
            start = values.get(facts["not_before"])
            if start is not None and value.latest() < start.earliest():
                values[name] = start
        if "needs" in facts and values.get(facts["needs"]) is None:
            values[name] = None if spec.optional else spec.attribute.default
        if "other_than" in facts and value == values.get(facts["other_than"]):
            values[name] = None
        if facts.get("chronological") is not None:
            values[name] = _in_order(value, facts["chronological"])
        _agree(facts, name, values)


def _agree(facts: Mapping[str, Any], name: str, values: dict[str, Any]) -> None:
    """Empty a value its kind does not take; keep the part of a value that makes sense."""
    if "only_for" in facts:
        other, members = facts["only_for"]
        if values.get(other) not in members:
            values[name] = None
    if "coherent" in facts and values[name] is not None:
        values[name] = facts["coherent"](values, values[name])


def _in_order(items: tuple[Any, ...], when: Callable[[Any], PartialDate]) -> tuple[Any, ...]:
    """The items sorted by date, keeping only those surely after the one before."""
    kept: list[Any] = []
    for item in sorted(items, key=when):
        if not kept or when(item).earliest() > when(kept[-1]).latest():
            kept.append(item)
    return tuple(kept)


_STRATEGIES: dict[tuple[type[Any], int], st.SearchStrategy[Any]] = {}


def _strategy(cls: type[Any], max_size: int) -> st.SearchStrategy[Any]:
    known = _STRATEGIES.get((cls, max_size))
    if known is None:
        known = _STRATEGIES[cls, max_size] = st.deferred(lambda: _derive(cls, max_size))
    return known


def _derive(cls: type[Any], max_size: int) -> st.SearchStrategy[Any]:
    if cls is Document:
        return st.one_of(*(_strategy(kind, max_size) for kind in DOCUMENT_KINDS))
    specs = tuple(spec for spec in fields_of(cls) if spec.attribute.init)

    @st.composite
    def build(draw: st.DrawFn) -> Any:
        values = {spec.name: draw(_field(spec, max_size)) for spec in specs}
        _repair(specs, values)
        return cls(**values)

    return build()


def from_class(cls: type[T]) -> st.SearchStrategy[T]:
    """The strategy for any public diplomodel class that files can hold.

    Raises:
        TypeError: `cls` is not such a class.

    >>> from hypothesis import given
    >>> from diplomodel import Meeting
    >>> @given(from_class(Meeting))
    ... def test_is_meeting(meeting):
    ...     assert isinstance(meeting, Meeting)
    >>> test_is_meeting()
    """
    if cls not in classes():
        raise ArgumentTypeError(f"no strategy for {cls!r}")
    if cls is PartialDate:
        return typing.cast("st.SearchStrategy[T]", partial_dates())
    if cls is State:
        return typing.cast("st.SearchStrategy[T]", states())
    if cls is Organization:
        return typing.cast("st.SearchStrategy[T]", organizations())
    return typing.cast("st.SearchStrategy[T]", _strategy(cls, 2))


@functools.cache
def classes() -> tuple[type[Any], ...]:
    """Every class `from_class` knows: the dossier and every class reachable from it."""
    found: dict[type[Any], None] = {PartialDate: None, State: None}

    def visit(cls: type[Any]) -> None:
        if cls in found:
            return
        found[cls] = None
        kinds = DOCUMENT_KINDS if cls is Document else ()
        nested = (s.item for s in fields_of(cls)) if attrs.has(cls) else ()
        for inner in (*kinds, *nested):
            if isinstance(inner, type) and (attrs.has(inner) or inner is Document):
                visit(inner)

    visit(Dossier)
    return tuple(found)


# -- one named strategy per class, for readable tests --------------------------------


def places() -> st.SearchStrategy[Place]:
    """Places, with or without locality and venue."""
    return from_class(Place)


def sources() -> st.SearchStrategy[Source]:
    """Sources with any combination of details."""
    return from_class(Source)


def tenures() -> st.SearchStrategy[Tenure]:
    """Terms in office whose end is not before their start."""
    return from_class(Tenure)


def people() -> st.SearchStrategy[Person]:
    """People with localised names and tenures."""
    return from_class(Person)


def offices() -> st.SearchStrategy[Office]:
    """Offices of every kind."""
    return from_class(Office)


def participations() -> st.SearchStrategy[Participation]:
    """Participations in every role."""
    return from_class(Participation)


def committee_reports() -> st.SearchStrategy[CommitteeReport]:
    """Committee reports."""
    return from_class(CommitteeReport)


def meetings() -> st.SearchStrategy[Meeting]:
    """Meetings of every kind, with or without a series, an end and a place."""
    return from_class(Meeting)


def meeting_series() -> st.SearchStrategy[MeetingSeries]:
    """Series of meetings."""
    return from_class(MeetingSeries)


def signatures() -> st.SearchStrategy[Signature]:
    """Signatures."""
    return from_class(Signature)


def communiques() -> st.SearchStrategy[Communique]:
    """Joint communiqués."""
    return from_class(Communique)


def cooperation_agreements() -> st.SearchStrategy[CooperationAgreement]:
    """Cooperation agreements of every form."""
    return from_class(CooperationAgreement)


def documents() -> st.SearchStrategy[Document]:
    """Documents of every kind."""
    return from_class(Document)


def committees() -> st.SearchStrategy[Committee]:
    """Committees, each with a parent other than itself."""
    return from_class(Committee)


def partnership_levels() -> st.SearchStrategy[PartnershipLevel]:
    """Partnership levels."""
    return from_class(PartnershipLevel)


def relations() -> st.SearchStrategy[BilateralRelation]:
    """Relations between two states, with levels that follow one another."""
    return from_class(BilateralRelation)


def thematic_years() -> st.SearchStrategy[ThematicYear]:
    """Themed years whose end is not before their start."""
    return from_class(ThematicYear)


def statements() -> st.SearchStrategy[Statement]:
    """Statements of position."""
    return from_class(Statement)


def dossiers(max_size: int = 2) -> st.SearchStrategy[Dossier]:
    """Dossiers holding up to `max_size` entities of each kind, with distinct ids."""
    return typing.cast("st.SearchStrategy[Dossier]", _strategy(Dossier, max_size))
