"""`Dossier`: an immutable collection of every kind of entity, with files and lookups."""

from __future__ import annotations

import json
import os
import tempfile
from importlib import resources
from pathlib import Path
from typing import Any, Final, TypeVar

from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel.errors import DataError
from diplomodel.model.cooperation import Committee
from diplomodel.model.documents import Document
from diplomodel.model.meetings import Meeting, MeetingSeries
from diplomodel.model.people import Office, Person
from diplomodel.model.relations import BilateralRelation, ThematicYear
from diplomodel.model.statements import Statement
from diplomodel.serialization import _parse_json as parse_json
from diplomodel.serialization import envelope, from_dict, open_envelope, to_dict

__all__ = ["Dossier", "Entity", "load_example"]

_KIND: Final = "dossier"
_EXAMPLES: Final = ("china-russia-2024",)

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
)
"""Any object with an ``id`` that a dossier holds."""

E = TypeVar("E")


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
        meetings: Meetings.
        series: Series of meetings.
        documents: Communiqués and agreements.
        committees: Committees and commissions.
        relations: Bilateral relations.
        thematic_years: Themed years.
        statements: Positions stated.

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
    meetings: tuple[Meeting, ...] = _entities(Meeting)
    series: tuple[MeetingSeries, ...] = _entities(MeetingSeries)
    documents: tuple[Document, ...] = _entities(Document)
    committees: tuple[Committee, ...] = _entities(Committee)
    relations: tuple[BilateralRelation, ...] = _entities(BilateralRelation)
    thematic_years: tuple[ThematicYear, ...] = _entities(ThematicYear)
    statements: tuple[Statement, ...] = _entities(Statement)
    _index: dict[tuple[type[Any], str], Any] | None = field(
        default=None, init=False, eq=False, repr=False, hash=False
    )

    # -- lookups ---------------------------------------------------------------

    def _lookup(self, kind: type[E], id_: str) -> E:
        index = self._index
        if index is None:
            index = self._build_index()
        try:
            found: E = index[kind, id_]
        except KeyError:
            raise KeyError(f"no {kind.__name__} with id {id_!r} in dossier {self.id!r}") from None
        return found

    def _tables(self) -> tuple[tuple[type[Any], tuple[Any, ...]], ...]:
        return (
            (Person, self.people),
            (Office, self.offices),
            (Meeting, self.meetings),
            (MeetingSeries, self.series),
            (Document, self.documents),
            (Committee, self.committees),
            (BilateralRelation, self.relations),
            (ThematicYear, self.thematic_years),
            (Statement, self.statements),
        )

    def _build_index(self) -> dict[tuple[type[Any], str], Any]:
        index: dict[tuple[type[Any], str], Any] = {}
        for kind, table in self._tables():
            for entity in table:
                index.setdefault((kind, entity.id), entity)  # the first of duplicates wins
        object.__setattr__(self, "_index", index)
        return index

    def person(self, id_: str) -> Person:
        """The person with this id.

        Raises:
            KeyError: No such person.
        """
        return self._lookup(Person, id_)

    def office(self, id_: str) -> Office:
        """The office with this id. Raises `KeyError` if there is none."""
        return self._lookup(Office, id_)

    def meeting(self, id_: str) -> Meeting:
        """The meeting with this id. Raises `KeyError` if there is none."""
        return self._lookup(Meeting, id_)

    def meeting_series(self, id_: str) -> MeetingSeries:
        """The meeting series with this id. Raises `KeyError` if there is none."""
        return self._lookup(MeetingSeries, id_)

    def document(self, id_: str) -> Document:
        """The document with this id. Raises `KeyError` if there is none."""
        return self._lookup(Document, id_)

    def committee(self, id_: str) -> Committee:
        """The committee with this id. Raises `KeyError` if there is none."""
        return self._lookup(Committee, id_)

    def relation_by_id(self, id_: str) -> BilateralRelation:
        """The bilateral relation with this id. Raises `KeyError` if there is none."""
        return self._lookup(BilateralRelation, id_)

    def thematic_year(self, id_: str) -> ThematicYear:
        """The thematic year with this id. Raises `KeyError` if there is none."""
        return self._lookup(ThematicYear, id_)

    def statement(self, id_: str) -> Statement:
        """The statement with this id. Raises `KeyError` if there is none."""
        return self._lookup(Statement, id_)

    def __len__(self) -> int:
        """How many entities the dossier holds, of every kind."""
        return sum(len(table) for _, table in self._tables())

    # -- files -----------------------------------------------------------------

    def to_file_dict(self) -> dict[str, Any]:
        """The dossier as it is written to a file: the data with a format header.

        Inverse of `from_file_dict`.

        >>> header = load_example().to_file_dict()
        >>> header["diplomodel"], header["kind"]
        ('1.0', 'dossier')
        """
        return envelope(_KIND, to_dict(self))

    @classmethod
    def from_file_dict(cls, data: Any, *, source: str | None = None) -> Dossier:
        """Read a dossier from parsed file content, checking its header and data.

        Inverse of `to_file_dict`.

        Content without a header is read as a bare dossier object (format
        version 0, as `to_json` writes it).

        Raises:
            DataError: The header names another kind or a newer major format
                version, or the data is invalid.
        """
        return from_dict(open_envelope(data, _KIND, source=source), cls, source=source)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the dossier to a JSON file, atomically.

        The file is written beside its destination and then renamed over it,
        so a reader never sees half a file and a failed write leaves any old
        file untouched.

        Args:
            path: Where to write.
        """
        target = Path(path)
        text = json.dumps(self.to_file_dict(), ensure_ascii=False, indent=2) + "\n"
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            Path(temporary).replace(target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Dossier:
        """Read a dossier from a JSON file written by `save` (or by hand).

        Inverse of `save`.

        Raises:
            DataError: The file cannot be read or its content is invalid; the
                error lists every problem with its path.
        """
        name = os.fspath(path)
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise DataError.single("$", f"cannot read file: {exc.strerror}", source=name) from None
        return cls.from_file_dict(parse_json(raw, source=name), source=name)


def load_example(name: str = "china-russia-2024") -> Dossier:
    """The bundled example dossier.

    ``"china-russia-2024"`` is the 29th regular meeting of the Chinese and
    Russian heads of government (Moscow, 21 August 2024) with everything
    around it: people, offices, committees, documents, the relation and the
    Years of Culture.

    Args:
        name: Which example.

    Raises:
        ValueError: There is no example of that name.

    >>> load_example().meeting("cn-ru-heads-of-government-29").place.locality
    'Moscow'
    """
    if name not in _EXAMPLES:
        raise ValueError(f"no example named {name!r}; choose from {', '.join(_EXAMPLES)}")
    resource = resources.files("diplomodel") / "_data" / "examples" / f"{name}.json"
    raw = resource.read_bytes()
    return Dossier.from_file_dict(parse_json(raw, source=name), source=name)
