"""`Dossier`: an immutable collection of every kind of entity, with files, lookups and queries."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from typing import Any, Final, TypeVar

from attrs import field, frozen

from diplomodel import _indexes, _tables
from diplomodel import _validators as v
from diplomodel._tables import Format
from diplomodel.errors import UnknownIdError, shown
from diplomodel.model.actors import Actor, Body, actor_label
from diplomodel.model.claims import Claim
from diplomodel.model.cooperation import Committee
from diplomodel.model.documents import Document
from diplomodel.model.meetings import Meeting, MeetingSeries
from diplomodel.model.people import Office, OfficeKind, Person, Tenure
from diplomodel.model.relations import BilateralRelation, ThematicYear
from diplomodel.model.statements import Statement
from diplomodel.serialization import envelope, from_dict, open_envelope, to_dict
from diplomodel.timeline import TimelineEntry, UpcomingAnniversary, upcoming_anniversaries

__all__ = ["Dossier", "Entity", "load_example"]

_KIND: Final = "dossier"

Entity = (
    Person
    | Office
    | Meeting
    | MeetingSeries
    | Document
    | Committee
    | BilateralRelation
    | ThematicYear
    | Statement
    | Claim
)
"""Any object with an ``id`` that a dossier holds."""

E = TypeVar("E")

TABLES: Final = _tables.TABLES
"""Each table of a dossier (its attribute) and the class of its entities, in file order."""


def _entities(kind: type[Any]) -> Any:
    return field(default=(), validator=v.tuple_of(v.instance(kind)))


@frozen(kw_only=True)
class Dossier:
    """Everything known about a set of diplomatic events, as tables of entities.

    Entities refer to each other by id. A dossier looks ids up in constant
    time (the index is built on first use). Construction checks each
    collection's type; checks across entities belong to validation.

    Args:
        id: Stable id of the dossier ("china-russia-2024").
        title: What it covers.
        people: People.
        offices: Offices held by those people.
        bodies: Ministries, agencies, legislatures and other bodies that act.
        meetings: Meetings.
        series: Series of meetings.
        documents: Communiqués and agreements.
        committees: Committees and commissions.
        relations: Bilateral relations.
        thematic_years: Themed years.
        statements: Positions stated.
        claims: What sources said about the records, to check against them.

    >>> d = load_example()
    >>> d.meeting("cn-ru-heads-of-government-29").ordinal
    29
    >>> [d.person(p).name for p in d.meeting("cn-ru-heads-of-government-29").co_chairs]
    ['Li Qiang', 'Mikhail Mishustin']
    """

    id: str = field(validator=v.identifier())
    title: str = field(validator=v.text(max_length=500))
    people: tuple[Person, ...] = _entities(Person)
    offices: tuple[Office, ...] = _entities(Office)
    bodies: tuple[Body, ...] = _entities(Body)
    meetings: tuple[Meeting, ...] = _entities(Meeting)
    series: tuple[MeetingSeries, ...] = _entities(MeetingSeries)
    documents: tuple[Document, ...] = _entities(Document)
    committees: tuple[Committee, ...] = _entities(Committee)
    relations: tuple[BilateralRelation, ...] = _entities(BilateralRelation)
    thematic_years: tuple[ThematicYear, ...] = _entities(ThematicYear)
    statements: tuple[Statement, ...] = _entities(Statement)
    claims: tuple[Claim, ...] = _entities(Claim)
    _index: dict[type[Any], dict[str, Any]] | None = field(
        default=None, init=False, eq=False, repr=False, hash=False
    )
    _queries: dict[str, Any] = field(factory=dict, init=False, eq=False, repr=False, hash=False)

    # -- lookups ---------------------------------------------------------------

    def _lookup(self, kind: type[E], id_: str) -> E:
        try:
            found: E = self._ids()[kind][id_]
        except KeyError:
            raise UnknownIdError(
                f"no {kind.__name__} with id {shown(id_, 80)} in dossier {self.id!r}"
            ) from None
        return found

    def _tables(self) -> tuple[tuple[type[Any], tuple[Any, ...]], ...]:
        return tuple((kind, getattr(self, name)) for name, kind in TABLES.items())

    def _ids(self) -> dict[type[Any], dict[str, Any]]:
        """Every entity under its table's class, then its id; built on first use."""
        index = self._index
        return self._build_index() if index is None else index

    def _build_index(self) -> dict[type[Any], dict[str, Any]]:
        index = _tables.index_by_id(self._tables())
        object.__setattr__(self, "_index", index)
        return index

    def person(self, id_: str) -> Person:
        """The person with this id.

        The other lookups by id (`office`, `meeting`, `series_by_id`,
        `document`, `committee`, `relation_by_id`, `thematic_year`,
        `statement`) work the same way; `get` is the one that does not raise.
        Each is named after its kind, except where the name is taken by a
        table (`series`) or by a query (`relation` of two states): those
        end in ``_by_id``.

        Args:
            id_: The person's id.

        Returns:
            The person.

        Raises:
            KeyError: No such person.

        >>> load_example().person("li-qiang").name
        'Li Qiang'
        """
        return self._lookup(Person, id_)

    def office(self, id_: str) -> Office:
        """The office with this id.

        Args:
            id_: Its id.

        Raises:
            KeyError: There is none.
        """
        return self._lookup(Office, id_)

    def body(self, id_: str) -> Body:
        """The body (ministry, agency, legislature ...) with this id.

        Args:
            id_: Its id.

        Raises:
            KeyError: There is none.
        """
        return self._lookup(Body, id_)

    def actor_name(self, actor: Actor, *, locale: str) -> str:
        """The name of a state, organisation or body (looked up here, else its id) in a locale.

        Args:
            actor: The actor.
            locale: The locale of the name ("en", "ru", "zh_Hant").

        Raises:
            ValueError: babel has no data for the locale.

        >>> from diplomodel.states import states
        >>> d = load_example()
        >>> d.actor_name(states.get("RU"), locale="zh"), d.actor_name("ru-mfa", locale="en")
        ('俄罗斯', "body 'ru-mfa'")
        """
        if isinstance(actor, str):
            body = self.get(Body, actor)
            return actor_label(actor) if body is None else body.name_in(locale)
        return actor.name_in(locale)

    def meeting(self, id_: str) -> Meeting:
        """The meeting with this id.

        Args:
            id_: Its id.

        Raises:
            KeyError: There is none.
        """
        return self._lookup(Meeting, id_)

    def series_by_id(self, id_: str) -> MeetingSeries:
        """The meeting series with this id (not its meetings: see `series_meetings`).

        Args:
            id_: Its id.

        Raises:
            KeyError: There is none.

        >>> load_example().series_by_id("cn-ru-heads-of-government").established
        PartialDate(year=1996, month=None, day=None)
        """
        return self._lookup(MeetingSeries, id_)

    meeting_series = series_by_id
    """The older name of `series_by_id`, which is preferred; kept working."""

    def document(self, id_: str) -> Document:
        """The document with this id.

        Args:
            id_: Its id.

        Raises:
            KeyError: There is none.
        """
        return self._lookup(Document, id_)

    def committee(self, id_: str) -> Committee:
        """The committee with this id.

        Args:
            id_: Its id.

        Raises:
            KeyError: There is none.
        """
        return self._lookup(Committee, id_)

    def relation_by_id(self, id_: str) -> BilateralRelation:
        """The bilateral relation with this id.

        Args:
            id_: Its id.

        Raises:
            KeyError: There is none.
        """
        return self._lookup(BilateralRelation, id_)

    def thematic_year(self, id_: str) -> ThematicYear:
        """The thematic year with this id.

        Args:
            id_: Its id.

        Raises:
            KeyError: There is none.
        """
        return self._lookup(ThematicYear, id_)

    def statement(self, id_: str) -> Statement:
        """The statement with this id.

        Args:
            id_: Its id.

        Raises:
            KeyError: There is none.
        """
        return self._lookup(Statement, id_)

    def __len__(self) -> int:
        """How many entities the dossier holds, of every kind."""
        return sum(len(table) for _, table in self._tables())

    def get(self, kind: type[E], id_: str) -> E | None:
        """The entity of a kind with this id, or None: a lookup that does not raise.

        Args:
            kind: The entity class (`Person`, `Meeting`, `Document`, ...). A
                document kind (`Communique`) finds only documents of that kind.
            id_: The id.

        >>> d = load_example()
        >>> d.get(Person, "li-qiang").name, d.get(Person, "nobody")
        ('Li Qiang', None)
        """
        index = self._index
        if index is None:
            index = self._build_index()
        table = index.get(kind)
        found = None if table is None else table.get(id_)
        if found is None and kind is not Document and issubclass(kind, Document):
            found = index[Document].get(id_)
        return found if isinstance(found, kind) else None

    def entities(self) -> Iterator[tuple[str, Entity]]:
        """Every entity with the path of its place in the dossier, table by table.

        >>> next(load_example().entities())
        ('$.people[0]', Person(id='li-qiang', ...))
        """
        for name, (_, table) in zip(TABLES, self._tables(), strict=True):
            for position, entity in enumerate(table):
                yield f"$.{name}[{position}]", entity

    # -- queries ---------------------------------------------------------------

    def _cached(self, name: str, build: Any) -> Any:
        if name not in self._queries:
            self._queries[name] = build()
        return self._queries[name]

    def meetings_between(self, a: Actor, b: Actor) -> tuple[Meeting, ...]:
        """The meetings to which both states were parties, in date order.

        The order of `a` and `b` does not matter. Meetings on the same date
        keep the order in which the dossier lists them.

        Args:
            a: One state.
            b: The other state.

        Returns:
            The meetings, earliest first; empty if there are none.

        >>> from diplomodel.states import states
        >>> d = load_example()
        >>> [m.ordinal for m in d.meetings_between(states.get("RU"), states.get("CN"))]
        [29]
        >>> d.meetings_between(states.get("RU"), states.get("FR"))
        ()
        """
        return _indexes.meetings_between(self, a, b)

    def holder(self, kind: OfficeKind, state: Actor, on: date) -> Person | None:
        """Who held an office of a kind in a state on a day, or None if nobody recorded did.

        Terms are read from the people's tenures, honouring partial dates as
        `Tenure.covers` does. If several terms may cover the day (a change of
        office known only to the month), the term that began last wins.

        Args:
            kind: The kind of office (`OfficeKind.HEAD_OF_GOVERNMENT`).
            state: The state.
            on: The day.

        >>> from datetime import date
        >>> from diplomodel.states import states
        >>> d = load_example()
        >>> d.holder(OfficeKind.HEAD_OF_GOVERNMENT, states.get("RU"), date(2024, 8, 21)).name
        'Mikhail Mishustin'
        >>> d.holder(OfficeKind.HEAD_OF_GOVERNMENT, states.get("RU"), date(2010, 1, 1)).name
        'Vladimir Putin'
        """
        terms: dict[tuple[OfficeKind, Actor], list[tuple[Person, Tenure]]] = self._cached(
            "holders", lambda: _tables.terms_by_office(self.people, self.offices)
        )
        return _tables.latest_holder(terms.get((kind, state), ()), on)

    def relation(self, a: Actor, b: Actor) -> BilateralRelation | None:
        """The bilateral relation between two states, in either order, or None.

        Args:
            a: One state.
            b: The other state.

        Returns:
            The relation, or None if the dossier records none between them.

        >>> from datetime import date
        >>> from diplomodel.states import states
        >>> r = load_example().relation(states.get("RU"), states.get("CN"))
        >>> r.level_on(date(2024, 8, 21)).name
        'comprehensive strategic partnership of coordination for a new era'
        """
        pairs: dict[frozenset[Actor], BilateralRelation] = self._cached(
            "relations", lambda: _tables.relations_by_pair(self.relations)
        )
        return pairs.get(frozenset((a, b)))

    def series_meetings(self, series_id: str) -> tuple[Meeting, ...]:
        """The meetings of a series, by ordinal, then date; unnumbered ones last, by date.

        An id that no meeting names gives an empty tuple.

        Args:
            series_id: The id of the series.

        Returns:
            The meetings of the series, in order.

        >>> [m.ordinal for m in load_example().series_meetings("cn-ru-heads-of-government")]
        [29]
        """
        groups: dict[str, tuple[Meeting, ...]] = self._cached(
            "series", lambda: _tables.meetings_by_series(self.meetings)
        )
        return groups.get(series_id, ())

    def timeline(self, state: Actor) -> tuple[TimelineEntry, ...]:
        """Every dated record involving a state, earliest first.

        It holds the meetings and documents the state was party to, its
        relations' establishment and partnership levels, the series,
        committees and themed years it takes part in, the terms of office in
        its offices, and the statements made on its behalf (dated by the
        statement, or else by its meeting). Records without a date are left out.

        Args:
            state: The state.

        Returns:
            The entries, earliest first; empty if nothing involves the state.

        >>> from diplomodel.states import states
        >>> [e.kind for e in load_example().timeline(states.get("RU"))][:3]
        ['relation', 'succession', 'partnership_level']
        >>> load_example().timeline(states.get("FR"))
        ()
        """
        return _indexes.timeline(self, state)

    def upcoming_anniversaries(
        self, after: date, until: date, *, jubilee_only: bool = False
    ) -> tuple[UpcomingAnniversary, ...]:
        """The anniversaries of relations' ties and series' founding after a day, up to another.

        Every anniversary falling strictly after `after` and no later than
        `until` is listed, earliest first. A founding date known only to the
        year or month gives anniversaries of that precision (see
        `anniversaries`): a year-precision anniversary in the year of `after`
        counts as upcoming, since it may yet fall.

        Args:
            after: The day after which to look (today, for a newsroom).
            until: The last day to include.
            jubilee_only: Keep only round anniversaries (multiples of 5).

        Raises:
            ValueError: `until` is before `after`.

        >>> from datetime import date
        >>> [(a.subject, a.anniversary.number) for a in
        ...  load_example().upcoming_anniversaries(date(2024, 1, 1), date(2026, 12, 31))]
        [('cn-ru-heads-of-government', 28), ('cn-ru', 75), ('cn-ru-heads-of-government', 29), ...]
        """
        return upcoming_anniversaries(self, after, until, jubilee_only=jubilee_only)

    def merge(self, other: Dossier) -> Dossier:
        """This dossier with the entities of `other` added; the id and title stay this one's.

        An entity whose id (within its kind) is new is appended; one identical
        to an entity already held is dropped. One that differs from the entity
        already held under its id is a conflict: nothing is overwritten, and
        every conflict is reported at once.

        Args:
            other: The dossier to add.

        Returns:
            A new dossier.

        Raises:
            DataError: There are conflicts; each problem's path is the place of
                the conflicting entity in `other` (``$.people[3]``).

        >>> d = load_example()
        >>> d.merge(d) == d
        True
        >>> len(d.merge(Dossier(id="x", title="X", people=(Person(id="p", name="P"),)))) - len(d)
        1
        """
        tables = _tables.merge(self, other)
        return Dossier(id=self.id, title=self.title, **tables)

    # -- files -----------------------------------------------------------------

    def to_file_dict(self) -> dict[str, Any]:
        """The dossier as it is written to a file: the data with a format header.

        Inverse of `from_file_dict`.

        >>> header = load_example().to_file_dict()
        >>> header["diplomodel"], header["kind"]
        ('2.0', 'dossier')
        """
        return envelope(_KIND, to_dict(self))

    @classmethod
    def from_file_dict(cls, data: Any, *, source: str | None = None) -> Dossier:
        """Read a dossier from parsed file content, checking its header and data.

        Inverse of `to_file_dict`.

        Content without a header is read as a bare dossier object (format
        version 0, as `to_json` writes it).

        Args:
            data: The parsed JSON content of a file.
            source: Optional name of the input, used in error messages.

        Returns:
            The dossier.

        Raises:
            DataError: The header names another kind or a newer major format
                version, or the data is invalid.
        """
        return from_dict(open_envelope(data, _KIND, source=source), cls, source=source)

    def save(self, path: str | os.PathLike[str], *, format: Format | None = None) -> None:  # noqa: A002
        """Write the dossier to a JSON file, or to a directory of JSON Lines; atomically per file.

        ``format="json"`` writes one file with a format header;
        ``format="jsonl"`` a directory (made if need be) where ``dossier.json``
        holds the header, id and title and each of `TABLES` is
        ``<table>.jsonl``, one entity a line, empty or not. By default a path
        that is a directory or ends with a separator gets ``"jsonl"``.

        Each file is written beside its destination and renamed over it, so
        a reader never sees half a file; see `atomic_writer` (modes, symlinks,
        what a kill leaves). A directory is replaced file by file.

        Args:
            path: Where to write.
            format: ``"json"`` or ``"jsonl"``; by default, from `path`.

        Raises:
            DataError: `path` is not a usable path.
            ValueError: `format` is neither ``"json"`` nor ``"jsonl"``.
            OSError: A file cannot be written; the error names it.

        >>> import pathlib, tempfile
        >>> target = pathlib.Path(tempfile.mkdtemp())
        >>> load_example().save(target / "example.json")
        >>> load_example().save(target / "example", format="jsonl")
        >>> sorted(p.name for p in (target / "example").iterdir())[:3]
        ['bodies.jsonl', 'claims.jsonl', 'committees.jsonl']
        >>> Dossier.load(target / "example") == Dossier.load(target / "example.json")
        True
        """
        _tables.save(self, path, format)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Dossier:
        """Read a dossier from a JSON file or a JSON Lines directory written by `save`.

        Inverse of `save`. A JSON file as `save` writes it is read a record
        at a time (memory holds little more than the dossier); another is
        read whole. A directory is read a table and a line at a time; a
        missing table file is an empty table, other files are ignored. A
        FIFO or a device is refused before it is opened.

        Args:
            path: The JSON file, or the directory.

        Returns:
            The dossier.

        Raises:
            DataError: The path is unusable (not a str or os.PathLike, a NUL),
                a file cannot be read, or the content is invalid: every
                problem with its path; from a directory, with its line in
                ``<table>.jsonl`` (``line 12: $.meetings[11].role: ...``).

        >>> Dossier.load("no-such-file.json")
        Traceback (most recent call last):
        ...
        diplomodel.errors.DataError: 1 problem in no-such-file.json:
          $: cannot read file: No such file or directory
        """
        return _tables.load(cls, path)


def load_example(name: str = "china-russia-2024") -> Dossier:
    """The bundled example dossier.

    ``"china-russia-2024"``: the 29th regular meeting of the Chinese and Russian
    heads of government (Moscow, 21 August 2024) and everything around it.
    Organisations and attendance: ``"brics-2023"``, ``"sco-2023"``,
    ``"eu-china-2023"`` and ``"g20-2023"``.

    Args:
        name: Which example.

    Returns:
        The example's dossier, read and checked afresh on every call.

    Raises:
        UnknownExampleError: There is no example of that name (a `LookupError`).

    >>> load_example().meeting("cn-ru-heads-of-government-29").place.locality
    'Moscow'
    """
    return _tables.example(Dossier, name)
