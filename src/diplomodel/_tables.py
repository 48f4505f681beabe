"""The tables of a dossier: their classes, merging them, and a dossier's two file forms. Private.

`Dossier.merge`, `Dossier.load` and `Dossier.save` are the way to call these. The directory
form holds the file header, id and title in ``dossier.json`` (a dossier file
without entities) and each table in ``<table>.jsonl``, one entity a line.
It is read and written one table at a time, one line at a time, and each
file is replaced atomically.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Final, Literal, Protocol, Self, TypeVar, cast

import attrs

from diplomodel import _jsonstream
from diplomodel._paths import is_directory, open_regular, path_name, read_regular
from diplomodel.errors import DataError, InvalidArgumentError, Problem, UnknownExampleError
from diplomodel.files import atomic_writer, iter_jsonl, write_jsonl
from diplomodel.model import _fields
from diplomodel.model.actors import Actor
from diplomodel.model.meetings import Meeting
from diplomodel.model.people import Office, OfficeKind, Person, Tenure
from diplomodel.model.relations import BilateralRelation
from diplomodel.serialization import (
    dumps,
    envelope,
    file_text,
    from_dict,
    open_envelope,
    parse_json,
)

__all__ = [
    "EXAMPLES",
    "HEADER_FILE",
    "TABLES",
    "Format",
    "example",
    "index_by_id",
    "latest_holder",
    "load",
    "meetings_by_series",
    "merge",
    "relations_by_pair",
    "save",
    "terms_by_office",
]

TABLES: Final = _fields.TABLES
"""Each table of a dossier and the class of its entities, in file order."""

EXAMPLES: Final = ("china-russia-2024", "brics-2023", "sco-2023", "eu-china-2023", "g20-2023")
"""The names of the bundled example dossiers."""

HEADER_FILE: Final = "dossier.json"
"""The file of a dossier directory that holds its header, id and title."""

Format = Literal["json", "jsonl"]
"""A dossier's file form: one JSON file, or a directory of JSON Lines."""

_FORMATS: Final = ("json", "jsonl")


class DossierClass(Protocol):
    """What this module needs of the `Dossier` class (which imports it)."""

    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    def __init__(self, *, id: str, title: str, **tables: Any) -> None: ...  # noqa: A002

    def to_file_dict(self) -> dict[str, Any]: ...

    @classmethod
    def from_file_dict(cls, data: Any, *, source: str | None = None) -> Self: ...


D = TypeVar("D", bound=DossierClass)


def save_format(path: str, form: str | None) -> Format:
    """The form to save in: as given, else a directory for an existing one or a trailing separator.

    Raises:
        InvalidArgumentError: `form` is neither ``"json"`` nor ``"jsonl"`` (a `ValueError`).
    """
    if form is None:
        separators = tuple(s for s in (os.sep, os.altsep) if s)
        return "jsonl" if path.endswith(separators) or Path(path).is_dir() else "json"
    if form not in _FORMATS:
        raise InvalidArgumentError(f"format must be 'json' or 'jsonl' (got {form!r})")
    return "json" if form == "json" else "jsonl"


def save(dossier: DossierClass, path: object, form: str | None) -> None:
    """Write a dossier to a JSON file or to its JSON Lines directory, atomically per file."""
    name = path_name(path)
    header = type(dossier)(id=dossier.id, title=dossier.title)
    if save_format(name, form) == "json":  # the file's kind as the class writes it, in one pass
        _write_text(file_text(header.to_file_dict()[_KIND_KEY], dossier), name)
        return
    try:
        Path(name).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise type(exc)(exc.errno, exc.strerror, name) from None
    _write_json(header.to_file_dict(), str(Path(name, HEADER_FILE)))
    for table in TABLES:
        write_jsonl(Path(name, f"{table}.jsonl"), getattr(dossier, table))


def _write_json(data: dict[str, Any], name: str) -> None:
    _write_text(dumps(data, indent=2) + "\n", name)


def _write_text(text: str, name: str) -> None:
    with atomic_writer(name) as stream:
        stream.write(text)


def load(cls: type[D], path: object) -> D:
    """Read a dossier from a JSON file or from its JSON Lines directory.

    A JSON file in the shape `save` writes is read a record at a time (see
    `_jsonstream`); any other file, and any file with something wrong in it,
    is read whole, which words every problem.
    """
    name = path_name(path)
    if is_directory(name):
        return _load_directory(cls, name)
    streamed = _load_streaming(cls, name)
    if streamed is not None:
        return streamed
    return cls.from_file_dict(parse_json(read_regular(name), source=name), source=name)


_, _KIND_KEY = envelope("", {})  # the keys of a file's header, in order: format, kind


def _load_streaming(cls: type[D], name: str) -> D | None:
    """The dossier in a JSON file, read a table and a record at a time; None if that fails.

    Each record is structured as soon as it is parsed, as `from_dict` (the
    one converter) structures the items of its table, and its parsed form is
    dropped. The members of the file that are not such tables form the
    header, read by `from_file_dict` as the whole file would be (format
    version, kind, unknown keys). Each table's ids are checked to be unique,
    as structuring a table checks them, and the tables join the header
    through the class's ``__init__``, whose validators check them. A file of
    another major format version (to be migrated), or not in the shape
    `_jsonstream` reads, or with anything wrong in it gives None: nothing
    half-built is kept, and reading the file whole then gives the dossier or
    the error.
    """

    def before_tables(header: dict[str, Any]) -> None:  # records are read as this version's
        open_envelope(dict(header), str(header.get(_KIND_KEY)), migrations={})

    def structure(record: Any, kind: type[Any]) -> Any:
        return from_dict(record, kind, max_problems=1)

    try:
        with open_regular(name) as stream:
            header, tables = _jsonstream.read_tables(stream, TABLES, structure, before_tables)
        found: Any = cls.from_file_dict(header, source=name)  # an attrs class, as Dossier is
        return cast("D", attrs.evolve(found, **tables))
    except Exception:  # noqa: BLE001 - _jsonstream.Unproved or a fault: the whole reading words it
        return None


def _load_directory(cls: type[D], directory: str) -> D:
    header_file = str(Path(directory, HEADER_FILE))
    if not os.path.lexists(header_file):
        raise DataError.single(
            "$",
            f"not a dossier directory: it has no {HEADER_FILE} "
            "(a dossier in JSON Lines is that file and one <table>.jsonl per table)",
            source=directory,
        )
    header = cls.from_file_dict(
        parse_json(read_regular(header_file), source=header_file), source=header_file
    )
    problems = [
        Problem(
            path=f"$.{table}", message=f"{HEADER_FILE} holds no entities: put them in {table}.jsonl"
        )
        for table in TABLES
        if getattr(header, table)
    ]
    tables: dict[str, tuple[Any, ...]] = {}
    bad_files: list[str] = [header_file] if problems else []
    for table, kind in TABLES.items():
        file = str(Path(directory, f"{table}.jsonl"))
        if os.path.lexists(file):  # a missing file is an empty table
            found = len(problems)
            tables[table] = _read_table(table, file, kind, problems)
            bad_files += [file] if len(problems) > found else []
    if problems:  # the source is the one bad file, or else the directory
        raise DataError(problems, source=bad_files[0] if len(bad_files) == 1 else directory)
    return cls(id=header.id, title=header.title, **tables)


def _read_table(table: str, file: str, kind: type[Any], problems: list[Problem]) -> tuple[Any, ...]:
    """One table file's good records; the bad lines' problems go to `problems`.

    A problem's path is the record's place in the dossier, as in its JSON
    form (``$.meetings[11].participants[0].role``: the twelfth record of
    ``meetings.jsonl``), and its line is the line in that file.
    """
    try:
        reader = iter_jsonl(file, kind, errors="collect")
    except DataError as error:
        problems += [
            Problem(path=f"$.{table}", message=f"{table}.jsonl: {p.message}")
            for p in error.problems
        ]
        return ()
    records: list[Any] = []
    position = 0  # the number of non-blank lines before the next one
    placed = 0  # the number of the reader's problems placed so far

    def place_bad_lines() -> None:
        nonlocal position, placed
        lines: list[int | None] = []
        for problem in reader.problems[placed:]:
            if problem.line not in lines:
                lines.append(problem.line)
            index = position + lines.index(problem.line)
            path = f"$.{table}[{index}]{problem.path[1:]}"
            problems.append(Problem(path=path, message=problem.message, line=problem.line))
        position += len(lines)
        placed = len(reader.problems)

    first: dict[str, int] = {}  # where each id was first used, as the JSON form checks
    with reader:
        for record in reader:
            place_bad_lines()
            seen = first.setdefault(record.id, position)
            if seen != position:
                problems.append(
                    Problem(
                        path=f"$.{table}[{position}].id",
                        message=f"duplicate id {record.id!r}: already used at index {seen}",
                        line=reader.line,
                    )
                )
            records.append(record)
            position += 1
        place_bad_lines()
    return tuple(records)


def merge(dossier: DossierClass, other: DossierClass) -> dict[str, tuple[Any, ...]]:
    """The tables of `dossier` with the entities of `other` added: see `Dossier.merge`."""
    merged: dict[str, tuple[Any, ...]] = {}
    problems: list[Problem] = []
    for name in TABLES:
        mine: tuple[Any, ...] = getattr(dossier, name)
        held: dict[str, Any] = {}
        for entity in mine:
            held.setdefault(entity.id, entity)
        added: list[Any] = []
        for position, entity in enumerate(getattr(other, name)):
            known = held.get(entity.id)
            if known is None:
                held[entity.id] = entity
                added.append(entity)
            elif known != entity:
                problems.append(
                    Problem(
                        path=f"$.{name}[{position}]",
                        message=f"{type(entity).__name__} {entity.id!r} differs from "
                        f"the one already in dossier {dossier.id!r}",
                    )
                )
        merged[name] = (*mine, *added)
    if problems:
        raise DataError(problems, source=other.id)
    return merged


def example(cls: type[D], name: str) -> D:
    """The bundled example dossier of this name: see `load_example`."""
    if name not in EXAMPLES:
        raise UnknownExampleError(name, EXAMPLES)
    resource = resources.files("diplomodel") / "_data" / "examples" / f"{name}.json"
    return cls.from_file_dict(parse_json(resource.read_bytes(), source=name), source=name)


def relations_by_pair(
    relations: tuple[BilateralRelation, ...],
) -> dict[frozenset[Any], BilateralRelation]:
    """Each relation under the set of its two parties; the first of duplicates wins."""
    pairs: dict[frozenset[Any], BilateralRelation] = {}
    for relation in relations:
        pairs.setdefault(frozenset(relation.parties), relation)
    return pairs


def meetings_by_series(meetings: tuple[Meeting, ...]) -> dict[str, tuple[Meeting, ...]]:
    """The meetings of each series: by ordinal, then date; unnumbered ones last, by date."""
    groups: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        if meeting.series is not None:
            groups.setdefault(meeting.series, []).append(meeting)
    return {
        series: tuple(sorted(found, key=lambda m: (m.ordinal is None, m.ordinal or 0, m.start)))
        for series, found in groups.items()
    }


def index_by_id(
    tables: tuple[tuple[type[Any], tuple[Any, ...]], ...],
) -> dict[type[Any], dict[str, Any]]:
    """Every entity under its table's class, then its id; the first of duplicates wins.

    One dictionary a table, keyed by text: no key object per entity for the
    garbage collector to track.
    """
    index: dict[type[Any], dict[str, Any]] = {}
    for kind, table in tables:
        ids = index.setdefault(kind, {})
        for entity in table:
            ids.setdefault(entity.id, entity)
    return index


def terms_by_office(
    people: tuple[Person, ...], offices: tuple[Office, ...]
) -> dict[tuple[OfficeKind, Actor], list[tuple[Person, Tenure]]]:
    """Each (office kind, holder actor) with the people and terms of its offices."""
    known: dict[str, Office] = {}
    for office in offices:
        known.setdefault(office.id, office)
    terms: dict[tuple[OfficeKind, Actor], list[tuple[Person, Tenure]]] = {}
    for person in people:
        for tenure in person.tenures:
            held = known.get(tenure.office)
            if held is not None:
                terms.setdefault((held.kind, held.state), []).append((person, tenure))
    return terms


def latest_holder(terms: Iterable[tuple[Person, Tenure]], on: date) -> Person | None:
    """Of the terms that may cover a day, the holder of the one that began last."""
    best: tuple[date, int] | None = None
    chosen: Person | None = None
    for position, (person, tenure) in enumerate(terms):
        if tenure.covers(on):
            began = tenure.start.earliest() if tenure.start is not None else date.min
            if best is None or (began, -position) > best:
                best, chosen = (began, -position), person
    return chosen
