"""The ``diplomodel`` command: a thin layer over the public API."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TextIO

from diplomodel import __version__
from diplomodel.dossier import Dossier, load_example
from diplomodel.model.documents import Communique, CooperationAgreement, Document
from diplomodel.model.meetings import Meeting, Participation, Role
from diplomodel.serialization import from_json, to_json
from diplomodel.validation import DEFAULT_RULES, Report, validate

__all__ = ["main", "summarize"]

_USAGE = (
    "usage: diplomodel\n\n"
    "Prints a summary of the bundled example dossier, its checks and its validation report.\n"
)


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
        a, b = relation.parties
        lines += ["", f"Relation {a.name}–{b.name}"]
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
        series = dossier.meeting_series(meeting.series)
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


def main(argv: Sequence[str] | None = None, *, out: TextIO | None = None) -> int:
    """Run the command; returns the exit status.

    Args:
        argv: The arguments after the program name (default: ``sys.argv[1:]``).
        out: Where to write (default: standard output).

    Returns:
        0, or 1 when the validation report holds an error; 2 for a usage error.
    """
    stream = out if out is not None else sys.stdout
    args = list(sys.argv[1:] if argv is None else argv)
    if args in (["-h"], ["--help"]):
        stream.write(_USAGE)
        return 0
    if args in (["-V"], ["--version"]):
        stream.write(f"diplomodel {__version__}\n")
        return 0
    if args:
        sys.stderr.write(f"diplomodel: unexpected argument {args[0]!r}\n{_USAGE}")
        return 2
    dossier = load_example()
    report = validate(dossier)
    text = "\n\n".join([summarize(dossier), _checks(dossier), _validation(report)])
    stream.write(text + "\n")
    return 0 if report.ok else 1
