"""The subcommands of the ``diplomodel`` command, except the main job. Private.

Each takes the parsed arguments and the output and error streams, and
returns the exit status. `diplomodel.cli` documents them.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Final, TextIO, TypeVar

from diplomodel._cli_io import (
    Failure,
    Progress,
    as_failure,
    check_locale,
    checked_path,
    data_failure,
    input_format,
    load_dossier,
    public_class,
    records,
    report_failure,
    user_values,
    writing,
)
from diplomodel._paths import read_regular
from diplomodel.anniversaries import (
    Anniversary,
    anniversaries,
    anniversary_in_year,
    anniversary_number,
)
from diplomodel.arrow import MANIFEST as PARQUET_MANIFEST
from diplomodel.arrow import read_parquet, write_parquet
from diplomodel.dossier import Dossier, Entity
from diplomodel.errors import DataError
from diplomodel.files import atomic_writer
from diplomodel.i18n import anniversary_phrase, describe, format_date, state_name
from diplomodel.model.actors import actor_key
from diplomodel.model.documents import Document
from diplomodel.model.meetings import Meeting
from diplomodel.model.relations import BilateralRelation
from diplomodel.organizations import organizations
from diplomodel.serialization import dumps, from_json, json_schema, to_dict
from diplomodel.states import states
from diplomodel.timeline import UpcomingAnniversary
from diplomodel.validation import Finding, Report, validate

__all__ = [
    "INTERCHANGE",
    "anniversaries_command",
    "anniversary_line",
    "convert_command",
    "describe_command",
    "org_command",
    "schema_command",
    "state_command",
    "upcoming_lines",
    "validate_command",
]

#: The languages `state` shows a state's name in.
STATE_LOCALES: Final = ("en", "fr", "es", "ru", "zh", "ar")

T = TypeVar("T")

#: What `convert --to` writes, and the extra that installs what it needs.
INTERCHANGE: Final = ("ftm", "popolo", "jsonld", "ics")
#: The extra that brings each format's optional dependency (Popolo needs none).
_EXTRAS: Final = {"ftm": "ftm", "ics": "ical", "jsonld": "jsonld", "popolo": None}


def _json_line(data: Any) -> str:
    return dumps(data, indent=None) + "\n"


# -- validate ---------------------------------------------------------------------


def _checkable(cls: type[Any]) -> type[Any]:
    if cls is Dossier or issubclass(cls, Entity):
        return cls
    raise Failure(
        f"validate checks a Dossier or an entity (Meeting, Person, ...), not a {cls.__name__}"
    )


def _validate_file(path: Path, args: argparse.Namespace, err: TextIO) -> tuple[Report, list[int]]:
    """The report on one input, with the line of each finding for JSON Lines records."""
    cls = _checkable(public_class(args.cls)) if args.cls else None
    form = input_format(path, args.format)
    if cls is None and form == "jsonl" and not path.is_dir():
        raise Failure(f"{path}: give --class, the class of every record of a JSON Lines file")
    if path.is_dir() or cls in (None, Dossier):
        if cls not in (None, Dossier):
            raise Failure(f"{path}: a directory holds a dossier; --class does not apply")
        return validate(load_dossier(path, form)), []
    assert cls is not None  # noqa: S101 - narrowed above
    if form == "json":
        return validate(from_json(read_regular(path), cls, source=str(path))), []
    progress = Progress(err, f"validating {path}", 0)
    findings: list[Finding] = []
    lines: list[int] = []
    problems: list[DataError] = []
    read = 0
    try:
        for line, record in records(path, cls, progress, problems):
            read += 1
            found = validate(record).findings
            findings += found
            lines += [line] * len(found)
    finally:
        progress.close()
    report = Report(findings=tuple(findings))
    if problems and read == 0:  # nothing could be checked: no report, only the problems
        raise problems[0]
    if problems:
        raise _Unusable(report, lines, data_failure(problems[0]))
    return report, lines


class _Unusable(Exception):  # noqa: N818 - carries a partial report, not an error of its own
    """Some records of a file could not be read; the report covers the others."""

    def __init__(self, report: Report, lines: list[int], failure: Failure) -> None:
        super().__init__(failure.message)
        self.report = report
        self.lines = lines
        self.failure = failure


def _text_report(path: Path, report: Report, lines: list[int]) -> str:
    head, *rest = report.to_text().splitlines()
    if lines:
        rest = [f"  line {n}: {f}" for n, f in zip(lines, report.findings, strict=True)]
    return "\n".join([f"{path}: {head}", *rest]) + "\n"


def _json_report(path: Path, report: Report, lines: list[int], failure: Failure | None) -> str:
    body: dict[str, Any] = {
        "source": str(path),
        "report": {
            "ok": report.ok,
            "counts": report.counts(),
            "findings": to_dict(report.findings),
        },
    }
    if lines:
        body["lines"] = lines
    if failure is not None:
        body["problems"] = [failure.message, *(d.strip() for d in failure.details)]
    return _json_line(body)


def validate_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``diplomodel validate FILE...``: check files; 0 valid, 1 errors found, 2 unusable."""
    status = 0
    for name in args.files:
        failure: Failure | None = None
        try:
            path = checked_path(name)
            report, lines = _validate_file(path, args, err)
        except _Unusable as partial:
            report, lines, failure = partial.report, partial.lines, partial.failure
        except Exception as exc:
            unusable = as_failure(exc)
            if unusable is None or args.debug:
                raise
            report_failure(err, unusable)
            if args.json:
                problems = [unusable.message, *(d.strip() for d in unusable.details)]
                out.write(_json_line({"source": name, "problems": problems}))
            status = 2
            continue
        out.write(
            _json_report(path, report, lines, failure)
            if args.json
            else _text_report(path, report, lines)
        )
        if failure is not None:
            report_failure(err, failure)
            status = 2
        elif not report.ok:
            status = max(status, 1)
    return status


# -- convert ----------------------------------------------------------------------


def _target_format(args: argparse.Namespace) -> str:
    if args.to is not None:
        return str(args.to)
    suffix = Path(args.output).suffix.lower()
    if suffix == ".json":
        return "json"
    if suffix == ".ics":
        return "ics"
    if args.output == "-":
        raise Failure("give --to to write to standard output")
    return "jsonl"


_WRITERS: Final = {"ftm": "to_ftm", "popolo": "to_popolo", "jsonld": "to_jsonld", "ics": "to_ical"}


def _interchange(target: str, dossier: Dossier) -> str:
    """The dossier in another project's format, by the optional `diplomodel.interchange`."""
    name = _WRITERS[target]
    try:
        writer = getattr(importlib.import_module("diplomodel.interchange"), name, None)
        if writer is None:
            raise ImportError(f"diplomodel.interchange has no {name}")  # noqa: TRY301
        data = writer(dossier)
    except ImportError as exc:
        message = f"cannot convert to {target}: {exc}"
        extra = _EXTRAS.get(target)
        if extra is not None and "diplomodel[" not in message:
            message += f"; install diplomodel[{extra}]"
        raise Failure(message) from None
    if target == "ftm":
        return "".join(_json_line(entity) for entity in data)
    if target == "ics":
        return str(data)
    return dumps(data, indent=2) + "\n"


def _write_text(target: str, text: str, out: TextIO) -> None:
    if target == "-":
        out.write(text)
        return
    with writing(target), atomic_writer(target) as stream:
        stream.write(text)


def _parquet(call: Callable[[], T]) -> T:
    """A call of `diplomodel.arrow`, its missing extra reported as a failure."""
    try:
        return call()
    except ImportError as exc:
        raise Failure(f"cannot read or write Parquet: {exc}") from None


def _load_any(path: Path) -> Dossier:
    """A dossier from JSON, a JSON Lines directory, or a Parquet dataset (its manifest tells)."""
    if path.is_dir() and (path / PARQUET_MANIFEST).is_file():
        return _parquet(lambda: read_parquet(path))
    return load_dossier(path, None)


def convert_command(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    """``diplomodel convert IN OUT``: a dossier from JSON to JSON Lines, back, or elsewhere."""
    target = _target_format(args)
    dossier = _load_any(checked_path(args.input))
    if target == "parquet":
        if args.output == "-":
            raise Failure("a dossier in Parquet is a directory: give its name, not -")
        with writing(args.output):
            _parquet(lambda: write_parquet(dossier, checked_path(args.output)))
    elif target in ("json", "jsonl") and args.output != "-":
        with writing(args.output):
            dossier.save(checked_path(args.output), format="json" if target == "json" else "jsonl")
    elif target == "json":
        out.write(dumps(dossier.to_file_dict(), indent=2) + "\n")
    elif target == "jsonl":
        raise Failure("a dossier in JSON Lines is a directory: give its name, not -")
    else:
        _write_text(args.output, _interchange(target, dossier), out)
    return 0


# -- describe ---------------------------------------------------------------------


def _describable(dossier: Dossier, id_: str) -> Meeting | Document | BilateralRelation:
    found = (
        dossier.get(Meeting, id_)
        or dossier.get(Document, id_)
        or dossier.get(BilateralRelation, id_)
    )
    if found is not None:
        return found
    for _, entity in dossier.entities():
        if entity.id == id_:
            raise Failure(
                f"describe says nothing about a {type(entity).__name__} ({id_!r}); "
                "give the id of a meeting, a document or a relation"
            )
    raise Failure(f"no entity has the id {id_!r} in dossier {dossier.id!r}")


def describe_command(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    """``diplomodel describe FILE``: a paragraph about a dossier or one of its entities."""
    locale = check_locale(args.locale)
    dossier = load_dossier(checked_path(args.file), args.format)
    subject = dossier if args.id is None else _describable(dossier, args.id)
    out.write(describe(subject, dossier, locale) + "\n")
    return 0


# -- anniversaries ----------------------------------------------------------------


def anniversary_line(anniversary: Anniversary, locale: str, title: str | None = None) -> str:
    """One anniversary as a line: its date and name in the locale, and what it celebrates."""
    what = f" — {title}" if title else ""
    return (
        f"{format_date(anniversary.date, locale)}: "
        f"{anniversary_phrase(anniversary.number, locale)}{what}\n"
    )


def upcoming_lines(found: tuple[UpcomingAnniversary, ...], locale: str) -> str:
    """Anniversaries of a dossier's relations and series, one a line."""
    return "".join(anniversary_line(a.anniversary, locale, a.title) for a in found)


def _window(args: argparse.Namespace) -> tuple[date, date]:
    if args.start is None or args.end is None:
        raise Failure("give both --from and --to")
    start, end = args.start.earliest(), args.end.latest()
    if end < start:
        raise Failure(f"--to ({args.end}) is before --from ({args.start})")
    return start, end


def anniversaries_command(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    """``diplomodel anniversaries``: anniversaries of a date, or of a dossier's ties and series."""
    locale = check_locale(args.locale)  # an unknown locale fails before any work is done
    if (args.file is None) == (args.since is None):
        raise Failure("give either --since DATE or a dossier FILE")
    chosen = [o for o, v in (("--on", args.on), ("--year", args.year)) if v is not None]
    if args.start is not None or args.end is not None:
        chosen.append("--from/--to")
    if args.jubilee and chosen and chosen[0] != "--from/--to":
        raise Failure("--jubilee goes with --from and --to")
    if args.file is not None and chosen != ["--from/--to"]:
        raise Failure("with a dossier FILE, give --from and --to")
    if len(chosen) != 1:
        raise Failure("give one of --on, --year, or --from with --to")
    with user_values():  # a day before --since, a year out of the calendar
        out.write(_anniversaries(args, locale))
    return 0


def _anniversaries(args: argparse.Namespace, locale: str) -> str:
    if args.on is not None:
        return f"{anniversary_number(args.since, args.on)}\n"
    if args.year is not None:
        return anniversary_line(anniversary_in_year(args.since, args.year), locale)
    start, end = _window(args)
    if args.file is None:
        found = anniversaries(args.since, start, end, jubilee_only=args.jubilee)
        return "".join(anniversary_line(a, locale) for a in found)
    dossier = load_dossier(checked_path(args.file), args.format)
    # From the day before the window; nothing can fall on the calendar's first day.
    after = start - timedelta(days=1) if start > date.min else start
    upcoming = dossier.upcoming_anniversaries(after, end, jubilee_only=args.jubilee)
    return upcoming_lines(upcoming, locale)


# -- schema and state -------------------------------------------------------------


def schema_command(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    """``diplomodel schema [CLASS]``: a JSON Schema, by default that of a dossier file."""
    cls = public_class(args.cls)
    try:
        schema = json_schema(cls, envelope="dossier") if cls is Dossier else json_schema(cls)
    except TypeError as exc:
        raise Failure(f"{args.cls} has no JSON form ({exc})") from None
    out.write(dumps(schema, indent=2) + "\n")
    return 0


def state_command(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    """``diplomodel state TEXT``: a state's codes, names, status and successor."""
    state = states.lookup(" ".join(args.text))
    rows = [
        ("code", state.code),
        ("alpha-3", state.alpha3),
        ("numeric", state.numeric or "none"),
        ("name", state.name),
        ("ISO name", state.iso_name),
    ]
    if state.official_name:
        rows.append(("official name", state.official_name))
    rows += [(f"name ({locale})", state_name(state, locale)) for locale in STATE_LOCALES]
    rows += [
        (f"official name ({locale})", official)
        for locale in STATE_LOCALES
        if (official := state.official_name_in(locale)) != state_name(state, locale)
    ]
    if state.historical:
        withdrawn = f", code withdrawn {state.withdrawn}" if state.withdrawn else ""
        rows += [("status", f"historical ({state.alpha4}{withdrawn})")]
        named = [f"{s.name} ({s.code})" for s in map(states.get, state.successors)]
        rows.append(("successor", named[0] if named else "none"))
        if len(named) > 1:
            rows.append(("other successors", ", ".join(named[1:])))
    else:
        rows.append(("status", "current"))
    width = max(len(key) for key, _ in rows) + 2
    out.write("".join(f"{key + ':':<{width}}{value}\n" for key, value in rows))
    return 0


#: The languages `org` shows an organisation's name in: the six UN languages and German.
ORG_LOCALES: Final = ("en", "fr", "es", "ru", "zh", "ar", "de")


def org_command(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    """``diplomodel org TEXT``: an organisation's names, kind, dates and members on a day."""
    org = organizations.lookup(" ".join(args.text))
    rows = [("code", org.code), ("name", org.name), ("kind", org.kind.value)]
    rows += [(f"name ({locale})", org.name_in(locale)) for locale in ORG_LOCALES[1:]]
    acronyms = {form for locale in ORG_LOCALES if (form := org.acronym_in(locale))}
    if acronyms:
        rows.append(("acronyms", ", ".join(sorted(acronyms))))
    for key, value in (
        ("founded", org.founded),
        ("dissolved", org.dissolved),
        ("headquarters", org.headquarters),
        ("part of", None if org.parent is None else f"{org.parent.name} ({org.parent.code})"),
    ):
        if value is not None:
            rows.append((key, str(value)))
    if args.on is not None:
        members = org.members_on(args.on)
        codes = ", ".join(actor_key(m) for m in members) or "none recorded"
        note = "" if org.members_recorded else " (the record of members is incomplete)"
        rows.append((f"members on {args.on}", f"{len(members)}: {codes}{note}"))
    width = max(len(key) for key, _ in rows) + 2
    out.write("".join(f"{key + ':':<{width}}{value}\n" for key, value in rows))
    return 0
