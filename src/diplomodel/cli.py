"""The ``diplomodel`` command: a thin layer over the public API.

Run ``diplomodel`` (or ``python -m diplomodel``) with no subcommand for the
main job, ``example``. Every subcommand has ``--help``.

- ``example [--locale L] [--on DAY] [--until DAY]``: the bundled example: a
  paragraph from `describe`, its facts, its coming anniversaries, its checks
  and its validation report. The anniversaries are those after ``--on``,
  which defaults to the day of the example's latest meeting (not today: the
  library never reads the clock), up to ``--until`` (default: 31 December of
  the following year).
- ``validate FILE...``: check dossier files (``.json``), dossier directories
  (see below) or JSON Lines files of records of one class (``.jsonl``, with
  ``--class Meeting``); ``--format json|jsonl`` when the name does not tell;
  ``--json`` for one JSON object per file (``source``, the `Report` as
  ``report``, the ``lines`` of its findings for JSON Lines, and the
  ``problems`` of unusable input).
- ``convert IN OUT``: a dossier between its JSON file and its JSON Lines
  directory (``OUT`` ending in ``.json`` is a file, anything else a
  directory), ``--to parquet`` for a Parquet dataset (`write_parquet`; an
  input directory with ``_diplomodel.json`` is read as one), or ``--to
  ftm|popolo|jsonld|ics`` (``OUT`` may be ``-``) with the optional
  ``diplomodel.interchange``.
- ``describe FILE [--id ID] [--locale L]``: `describe` of the dossier or of
  the meeting, document or relation with that id.
- ``anniversaries --since DATE (--on DAY | --year YEAR | --from DATE --to DATE)``
  and ``anniversaries FILE --from DATE --to DATE``, with ``--jubilee`` and
  ``--locale``: ``--on`` prints the number of whole years on that day; the
  others print each anniversary's date and name in the locale. With a FILE,
  the anniversaries of its relations' ties and of its series' founding.
- ``schema [CLASS]``: `json_schema` of a public class as JSON (default: the
  dossier file, with its header).
- ``state TEXT``: a state's codes, names in six languages, status and successor.

Dates are ISO 8601 (``2024``, ``2024-08``, ``2024-08-21``) or news text
(``21 August 2024``), read by `parse_date`. ``--from`` starts at the first
day of a partial date, ``--to`` ends at its last.

The JSON Lines form of a dossier is a directory, read and written by
`Dossier.load` and `Dossier.save`: ``dossier.json`` holds the file header,
id and title (a dossier file with no entities), and each table is
``<table>.jsonl`` (``people``, ``offices``, ``meetings``, ``series``,
``documents``, ``committees``, ``relations``, ``thematic_years``,
``statements``) with one entity a line, as `write_jsonl` writes it.
``convert`` writes every table file, empty or not; a missing one reads as
an empty table. Converting JSON to JSON Lines and back gives the same dossier.
Every file is written atomically (see `atomic_writer`).

Inputs are read only if they are regular files (or dossier directories): a
FIFO, a device or a socket is refused at once, before it is opened.

Exit status: 0 success; 1 the validation report holds an error; 2 a usage
error or unusable input (a missing or special file, bad JSON, invalid data,
an unknown locale, state, id or class, a date the calendar cannot hold, an
output that cannot be written): what diplomodel raises on purpose (a
`DiplomodelError`) or the command itself refuses, reported on standard error
as one line ``diplomodel: error: ...`` (the problems of invalid data follow
it), with no traceback unless ``--debug`` is given; 70 anything else, which
is a bug in diplomodel: one line ``diplomodel: error: internal error ...``
(run again with ``--debug`` and report the traceback). Output is plain text, never
coloured; a progress bar appears on standard error only when it is a
terminal and reading takes more than half a second.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, NoReturn, TextIO

from diplomodel import __version__
from diplomodel._cli_commands import (
    INTERCHANGE,
    anniversaries_command,
    convert_command,
    describe_command,
    org_command,
    schema_command,
    state_command,
    upcoming_lines,
    validate_command,
)
from diplomodel._cli_io import (
    Failure,
    as_failure,
    check_locale,
    day,
    partial_date,
    report_failure,
)
from diplomodel.dossier import Dossier, load_example
from diplomodel.extract._cli import run as run_extract
from diplomodel.i18n import describe
from diplomodel.model.documents import Communique, CooperationAgreement, Document
from diplomodel.model.meetings import Meeting, Participation, Role
from diplomodel.serialization import from_json, to_json
from diplomodel.validation import DEFAULT_RULES, Report, validate

__all__ = ["main", "summarize"]

Handler = Callable[[argparse.Namespace, TextIO, TextIO], int]


def _document_label(document: Document) -> str:
    if isinstance(document, Communique):
        return "joint communiqué"
    if isinstance(document, CooperationAgreement) and document.form is not None:
        return document.form.value
    return "cooperation document"


def summarize(dossier: Dossier) -> str:
    """A plain-text summary of a dossier's meetings, relations and themed years.

    >>> print(summarize(load_example()).splitlines()[0])
    Dossier china-russia-2024: China and Russia in 2024: the 29th regular meeting of ...
    """
    lines = [f"Dossier {dossier.id}: {dossier.title}"]
    for meeting in sorted(dossier.meetings, key=lambda m: m.start):
        lines += ["", *_meeting_lines(dossier, meeting)]
    for relation in dossier.relations:
        a, b = (dossier.actor_name(party, locale="en") for party in relation.parties)
        lines += ["", f"Relation {a}–{b}"]
        if relation.established is not None:
            lines.append(f"  diplomatic ties since {relation.established}")
        lines += [f"  {level.since}: {level.name}" for level in relation.levels]
    for year in dossier.thematic_years:
        lines += ["", f"{year.title}: {year.start} to {year.end}"]
    return "\n".join(lines)


def _meeting_lines(dossier: Dossier, meeting: Meeting) -> list[str]:
    day = meeting.start.to_date().strftime(" (%A)") if meeting.start.day else ""
    lines = [meeting.title, f"  when:      {meeting.start}{day}"]
    if meeting.place is not None:
        lines.append(f"  where:     {meeting.place}")
    if meeting.series is not None:
        series = dossier.series_by_id(meeting.series)
        since = f", since {series.established}" if series.established else ""
        lines.append(f"  series:    {series.title}{since}; number {meeting.ordinal}")
    chairs = [
        _person_in_office(dossier, p) for p in meeting.participants if p.role is Role.CO_CHAIR
    ]
    if chairs:
        lines.append(f"  co-chairs: {'; '.join(chairs)}")
    if meeting.committee_reports:
        lines.append(f"  reports heard from {len(meeting.committee_reports)} bodies:")
        lines += [f"    - {dossier.committee(r.committee).name}" for r in meeting.committee_reports]
    if meeting.outcomes:
        lines.append(f"  outcomes ({len(meeting.outcomes)} documents):")
        for document_id in meeting.outcomes:
            document = dossier.document(document_id)
            revises = f", revising {document.revises!r}" if document.revises else ""
            lines.append(f"    - {document.title} [{_document_label(document)}{revises}]")
    return lines


def _person_in_office(dossier: Dossier, participation: Participation) -> str:
    name = dossier.person(participation.person).name
    if participation.office is None:
        return name
    return f"{name} ({dossier.office(participation.office).title})"


def _checks(dossier: Dossier) -> str:
    again = from_json(to_json(dossier), Dossier)
    same = "identical" if again == dossier else "DIFFERENT"
    return (
        f"Checks: {len(dossier)} entities loaded; every field passed its validators; "
        f"JSON round trip {same}."
    )


def _validation(report: Report) -> str:
    return f"Validation ({len(DEFAULT_RULES)} rules): {report.to_text()}"


def _latest_meeting_day(dossier: Dossier) -> date:
    if not dossier.meetings:
        raise Failure(f"dossier {dossier.id!r} holds no meeting; give --on")
    return max(m.start for m in dossier.meetings).latest()


def _end_of_next_year(day: date) -> date:
    """31 December of the year after `day`'s, or the calendar's last day if there is none."""
    return date(day.year + 1, 12, 31) if day.year < date.max.year else date.max


def _example(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    """The main job: the bundled example described, summarised, checked and validated."""
    locale = check_locale(args.locale)
    dossier = load_example()
    report = validate(dossier)
    after = args.on if args.on is not None else _latest_meeting_day(dossier)
    until = args.until if args.until is not None else _end_of_next_year(after)
    if until < after:
        raise Failure(f"--until ({until}) is before --on ({after})")
    upcoming = upcoming_lines(dossier.upcoming_anniversaries(after, until), locale)
    sections = [
        describe(dossier, dossier, locale),
        summarize(dossier),
        f"Coming anniversaries (after {after}, up to {until}):\n"
        + "".join(f"  {line}" for line in upcoming.splitlines(keepends=True)).rstrip("\n"),
        _checks(dossier),
        _validation(report),
    ]
    out.write("\n\n".join(sections) + "\n")
    return 0 if report.ok else 1


# -- the parser -------------------------------------------------------------------


class _Exit(Exception):  # noqa: N818 - not an error: argparse is done (--help, --version)
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """An argument parser that writes help to the given stream and raises instead of exiting."""

    def __init__(self, *args: Any, out: TextIO, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.out = out

    def _print_message(self, message: str, file: Any = None) -> None:  # noqa: ARG002
        if message:
            self.out.write(message)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise _Exit(status)

    def error(self, message: str) -> NoReturn:
        raise Failure(f"{message} (see '{self.prog} --help')")


def _add_locale(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--locale", default="en", metavar="L", help="language of the text: en, ru, zh... (en)"
    )


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("json", "jsonl"),
        help="the input's format, when its name does not tell (.json, .jsonl, a directory)",
    )


Command = Callable[[str, Handler, str, str], _Parser]
"""Adds a subcommand: its name, handler, one-line summary and description."""


def _build_parser(out: TextIO) -> _Parser:
    """The complete parser of the ``diplomodel`` command; help goes to `out`.

    Each subcommand is added by its own function (`_add_example`, ...).
    """
    parser = _Parser(
        prog="diplomodel",
        out=out,
        description="A typed domain model of diplomacy, on the command line. "
        "With no command, runs 'example'.",
        epilog="Exit status: 0 success, 1 validation errors, 2 usage error or unusable input, "
        "70 a bug in diplomodel.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"diplomodel {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show the traceback of an error (for bug reports)"
    )
    parser.set_defaults(handler=_example, locale="en", on=None, until=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    common = _Parser(add_help=False, out=out)
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )

    def command(name: str, handler: Handler, summary: str, text: str) -> _Parser:
        sub: _Parser = commands.add_parser(
            name, out=out, parents=[common], help=summary, description=text
        )
        sub.set_defaults(handler=handler)
        return sub

    for add in (
        _add_example,
        _add_validate,
        _add_convert,
        _add_describe,
        _add_anniversaries,
        _add_schema,
        _add_state,
        _add_org,
        _add_extract,
    ):
        add(command)
    return parser


def _add_example(command: Command) -> None:
    example = command(
        "example",
        _example,
        "the main job: the bundled example, summarised, checked and validated",
        "Describe, summarise, check and validate the bundled example dossier, and list its "
        "coming anniversaries. The default command.",
    )
    _add_locale(example)
    example.add_argument(
        "--on",
        type=day,
        metavar="DAY",
        help="list anniversaries after this day (default: the day of the example's latest "
        "meeting; never today, as the library does not read the clock)",
    )
    example.add_argument(
        "--until",
        type=day,
        metavar="DAY",
        help="list anniversaries up to this day (default: 31 December of the next year)",
    )


def _add_validate(command: Command) -> None:
    check = command(
        "validate",
        validate_command,
        "check files and report what is wrong",
        "Check dossier files (.json), dossier directories (JSON Lines) or JSON Lines files of "
        "records of one class (.jsonl, with --class). Exit status 0 when valid, 1 when a "
        "finding is an error, 2 when an input is unusable.",
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="the files to check")
    _add_format(check)
    check.add_argument(
        "--class",
        dest="cls",
        metavar="CLASS",
        help="the class of the input (Meeting, Person...); "
        "required for .jsonl; default Dossier for .json",
    )
    check.add_argument("--json", action="store_true", help="one JSON object per file")


def _add_convert(command: Command) -> None:
    convert = command(
        "convert",
        convert_command,
        "convert a dossier between JSON, JSON Lines and Parquet, or to another format",
        "Convert a dossier (a .json file, a JSON Lines directory or a Parquet dataset) to OUT: "
        "a .json file, a JSON Lines directory (any other name), with --to parquet a Parquet "
        "dataset (diplomodel[arrow]), or with --to one of "
        f"{', '.join(INTERCHANGE)} (OUT may be - for standard output).",
    )
    convert.add_argument("input", metavar="IN", help="the dossier: a .json file or a directory")
    convert.add_argument("output", metavar="OUT", help="where to write")
    convert.add_argument(
        "--to",
        choices=("json", "jsonl", "parquet", *INTERCHANGE),
        help="the output's format (default: from OUT's name)",
    )


def _add_describe(command: Command) -> None:
    tell = command(
        "describe",
        describe_command,
        "describe a dossier, or one meeting, document or relation in it",
        "Print a readable paragraph about a dossier, or about the entity with --id.",
    )
    tell.add_argument("file", metavar="FILE", help="the dossier: a .json file or a directory")
    tell.add_argument("--id", help="the id of a meeting, a document or a relation")
    _add_locale(tell)
    _add_format(tell)


def _add_anniversaries(command: Command) -> None:
    dates = command(
        "anniversaries",
        anniversaries_command,
        "anniversaries of a date, or of a dossier's ties and series",
        "With --since: the number of whole years on a day (--on), the anniversary in a year "
        "(--year), or every anniversary in a window (--from, --to). With a dossier FILE: the "
        "anniversaries of its relations' ties and its series in the window. Dates are ISO "
        "(2024-08-21, 2024-08, 2024) or news text (21 August 2024).",
    )
    dates.add_argument("file", nargs="?", metavar="FILE", help="a dossier (instead of --since)")
    dates.add_argument("--since", type=partial_date, metavar="DATE", help="the starting date")
    dates.add_argument("--on", type=day, metavar="DAY", help="count whole years on this day")
    dates.add_argument("--year", type=int, metavar="YEAR", help="the anniversary in this year")
    dates.add_argument(
        "--from", dest="start", type=partial_date, metavar="DATE", help="first day of the window"
    )
    dates.add_argument(
        "--to", dest="end", type=partial_date, metavar="DATE", help="last day of the window"
    )
    dates.add_argument("--jubilee", action="store_true", help="only round anniversaries")
    _add_locale(dates)
    _add_format(dates)


def _add_schema(command: Command) -> None:
    schema = command(
        "schema",
        schema_command,
        "print the JSON Schema of a class",
        "Print the JSON Schema of a public class; by default that of a dossier file.",
    )
    schema.add_argument("cls", nargs="?", default="Dossier", metavar="CLASS")


def _add_state(command: Command) -> None:
    state = command(
        "state",
        state_command,
        "look a state up by name or code",
        "Resolve a state's name (in many languages) or code, and print its codes, names, "
        "status and successor.",
    )
    state.add_argument("text", nargs="+", metavar="TEXT", help="a name or a code")


def _add_org(command: Command) -> None:
    org = command(
        "org",
        org_command,
        "look an organisation up by name, acronym or code",
        "Resolve an intergovernmental organisation's name or acronym (in the six UN languages "
        "and German) or its code, and print its names, kind, dates and, with --on, its members "
        "on that day.",
    )
    org.add_argument("text", nargs="+", metavar="TEXT", help="a name, an acronym or a code")
    org.add_argument("--on", type=day, metavar="DAY", help="list the full members on this day")


def _extract(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    out.write(
        run_extract(
            args.report,
            dateline=args.dateline,
            published=args.published,
            language=args.language,
            dossier=args.dossier,
            records=args.records,
        )
        + "\n"
    )
    return 0


def _add_extract(command: Command) -> None:
    read = command(
        "extract",
        _extract,
        "read a news report into an extraction or proposed records",
        "Read a UTF-8 news report and print what it states (states, organisations, officials, "
        "dated events, ordinals, anniversaries, documents, each with its span) as JSON, or with "
        "--records the records it proposes.",
    )
    read.add_argument("report", metavar="REPORT", help="the report, a UTF-8 text file")
    read.add_argument("--dateline", metavar="DAY", help="the dateline's date (ISO 8601)")
    read.add_argument("--published", metavar="DAY", help="the publication date (ISO 8601)")
    read.add_argument("--language", help="the report's language (en, ru, zh, fr, de, ar)")
    read.add_argument("--dossier", metavar="FILE", help="a dossier to resolve known records in")
    read.add_argument(
        "--records", action="store_true", help="print the proposed records, not the extraction"
    )


# -- running ----------------------------------------------------------------------


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else "(no message)"


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command; returns the exit status.

    Args:
        argv: The arguments after the program name (default: ``sys.argv[1:]``).
        out: Where to write (default: standard output). Errors go to standard error.

    Returns:
        0; 1 when a validation report holds an error; 2 for a usage error or
        unusable input; 70 for a bug.
    """
    stream = out if out is not None else sys.stdout
    errors = sys.stderr
    arguments = list(sys.argv[1:] if argv is None else argv)
    debug = False
    try:
        args = _build_parser(stream).parse_args(arguments)
        debug = bool(args.debug)
        handler: Handler = args.handler
        status = handler(args, stream, errors)
        stream.flush()
    except _Exit as done:
        return done.status
    except BrokenPipeError:
        if stream is sys.__stdout__:  # the reader has gone: say nothing more
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if debug:
            raise
        failure = as_failure(exc)
        if failure is None:
            report_failure(
                errors,
                Failure(
                    f"internal error {type(exc).__name__}: {_first_line(exc)} "
                    "(a bug in diplomodel: run again with --debug and report the traceback)"
                ),
            )
            return 70
        report_failure(errors, failure)
        return 2
    return status
