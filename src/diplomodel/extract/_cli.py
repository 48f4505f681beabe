"""What the ``diplomodel extract`` command does, for the command line to call.

    diplomodel extract report.txt --dateline 2024-08-21 [--published D] [--language L]
                                  [--dossier d.json] [--records]

prints the `Extraction` as JSON, or with ``--records`` the proposed records
(those not already in the ``--dossier``) as a dossier in JSON.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from diplomodel.dossier import Dossier
from diplomodel.errors import DataError, Problem
from diplomodel.extract._core import extract
from diplomodel.serialization import to_json

__all__ = ["run"]


def _day(value: str | None, name: str, problems: list[Problem]) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        problems.append(Problem(path=f"$.{name}", message=f"not an ISO date: {value!r}"))
        return None


def _new_records(result: Dossier, known: Dossier | None) -> Dossier:
    """The entities of `result` that `known` does not hold."""
    if known is None:
        return result
    return Dossier(
        id=result.id,
        title=result.title,
        people=tuple(p for p in result.people if p not in known.people),
        offices=tuple(o for o in result.offices if o not in known.offices),
        meetings=tuple(m for m in result.meetings if m not in known.meetings),
        documents=tuple(d for d in result.documents if d not in known.documents),
    )


def run(  # noqa: PLR0913 - one argument per option of the command
    path: str | Path,
    *,
    dateline: str | None = None,
    published: str | None = None,
    language: str | None = None,
    dossier: str | Path | None = None,
    records: bool = False,
) -> str:
    """The JSON text ``diplomodel extract`` prints for a report file.

    Args:
        path: The report, a UTF-8 text file.
        dateline: The dateline date, ISO 8601 ("2024-08-21").
        published: The publication date, ISO 8601.
        language: "en", "ru", "zh", "fr", "de" or "ar"; detected when None.
        dossier: A dossier file of known records to resolve against.
        records: Print the proposed records instead of the extraction.

    Returns:
        The JSON text.

    Raises:
        DataError: The file cannot be read, a date is not ISO 8601, the
            language is unknown, or the dossier file is invalid.

    >>> import tempfile, json
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     report = Path(folder) / "report.txt"
    ...     _ = report.write_text("Russia and China signed a treaty on Monday.", "utf-8")
    ...     found = json.loads(run(report, dateline="2001-07-16"))
    >>> [s["state"] for s in found["states_mentioned"]], found["events"][0]["start"]
    (['RU', 'CN'], '2001-07-16')
    """
    problems: list[Problem] = []
    day, published_day = (
        _day(dateline, "dateline", problems),
        _day(published, "published", problems),
    )
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(path="$.path", message=f"cannot read {str(path)!r}: {exc}"))
        text = ""
    if problems:
        raise DataError(problems, source="diplomodel extract")
    known = Dossier.load(dossier) if dossier is not None else None
    found = extract(text, dateline=day, published=published_day, language=language, dossier=known)
    if not records:
        return to_json(found)
    return to_json(_new_records(found.to_dossier(known), known))
