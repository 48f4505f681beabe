"""Check ``src/diplomodel/_data/organizations.json``, the curated organisations file.

The file is written by hand, so this script checks what the loader alone does
not insist on:

* it loads: every field has the right type and shape, state codes resolve
  in the states registry, organisation codes (parents, members) in the file,
  no date runs backwards and no member holds two overlapping records (the
  loader's own checks, every problem with its path);
* the file's layout: known top-level keys, organisations sorted by code;
* completeness: the official name in each of `LANGUAGES` (the six UN
  languages and German), at least one source per organisation, at least one
  full member for an organisation whose ``members_recorded`` is true;
* time: no membership starts before its organisation was founded or ends
  after it was dissolved; no organisation is a member before it was founded;
  no state holds a standing after ISO withdrew its code;
* lookup: no name, acronym or alias is claimed by two organisations at the
  same rank (such a name would be dropped and could never be found).

Run it from the repository root::

    python scripts/check_organizations.py            # prints a summary; exit 1 on problems

A test runs it on the committed file.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path
from typing import Any, Final

from diplomodel._names import build_index
from diplomodel.errors import DataError
from diplomodel.organizations import Organization
from diplomodel.organizations._load import name_claims, parse
from diplomodel.states import State

#: Every organisation is named in these languages (besides English, its `name`).
LANGUAGES: Final = ("ar", "de", "es", "fr", "ru", "zh")

DATA: Final = (
    Path(__file__).resolve().parent.parent / "src" / "diplomodel" / "_data" / "organizations.json"
)

_TOP_KEYS: Final = frozenset({"format", "about", "organizations"})


def _layout(raw: Any) -> list[str]:
    problems = []
    if isinstance(raw, dict):
        if unknown := set(raw) - _TOP_KEYS:
            problems.append(f"$: unknown top-level key(s) {sorted(unknown)}")
        codes = [r.get("code") for r in raw.get("organizations", []) if isinstance(r, dict)]
        if all(isinstance(c, str) for c in codes) and codes != sorted(codes):
            problems.append("$.organizations: not sorted by code")
    return problems


def _completeness(org: Organization, path: str) -> list[str]:
    problems = [
        f"{path}.names: no {language!r} name" for language in LANGUAGES if language not in org.names
    ]
    if not org.sources:
        problems.append(f"{path}.sources: empty")
    if org.members_recorded and not any(m.status.value == "member" for m in org.memberships):
        problems.append(f"{path}: members_recorded but no member")
    return problems


def _timing(org: Organization, path: str) -> list[str]:
    problems = []
    for number, membership in enumerate(org.memberships):
        where = f"{path}.memberships[{number}]"
        member = membership.member
        if org.founded is not None and membership.since.latest() < org.founded.earliest():
            problems.append(f"{where}: starts {membership.since}, before {org.code} was founded")
        end = membership.until
        if org.dissolved is not None and (end is None or end.earliest() > org.dissolved.latest()):
            problems.append(f"{where}: lasts after {org.code} was dissolved")
        born = member.founded if isinstance(member, Organization) else None
        if born is not None and membership.since.latest() < born.earliest():
            problems.append(f"{where}: {member.code} did not exist yet")
        gone = member.withdrawn if isinstance(member, State) else None
        if gone is not None and (end is None or end.earliest() > gone.latest()):
            problems.append(f"{where}: {member.code} outlives its ISO code")
    return problems


def check(text: str) -> tuple[list[str], tuple[Organization, ...]]:
    """Every problem with the file's text, and the organisations it holds.

    Args:
        text: The content of ``organizations.json``.

    Returns:
        The problems, each starting with its path, and the organisations
        (empty when the file does not load).
    """
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        return [f"$: not JSON: {exc}"], ()
    problems = _layout(raw)
    try:
        tables = parse(text)
    except DataError as error:
        return problems + [str(problem) for problem in error.problems], ()
    for number, org in enumerate(raw["organizations"]):
        built = tables.codes[org["code"]]
        path = f"$.organizations[{number}]"
        problems += _completeness(built, path) + _timing(built, path)
    dropped = build_index(name_claims(tables.ordered)).dropped
    problems += [
        f"$: the name {key!r} is claimed by {', '.join(o.code for o in found)}"
        for key, found in sorted(dropped.items())
    ]
    return problems, tables.ordered


def summary(orgs: tuple[Organization, ...]) -> str:
    """Figures about the data: organisations, languages per name, memberships."""
    languages = [1 + len(org.names) for org in orgs]
    recorded = [org.code for org in orgs if org.members_recorded]
    memberships = sum(len(org.memberships) for org in orgs)
    return (
        f"{len(orgs)} organisations; languages per name: min {min(languages)},"
        f" median {statistics.median(languages):g}, max {max(languages)};"
        f" {memberships} membership records; members recorded for {len(recorded)}:"
        f" {', '.join(recorded)}"
    )


def main(argv: list[str] | None = None) -> int:
    """Check the file and print the problems, or a summary when there are none.

    Args:
        argv: Command-line arguments (defaults to ``sys.argv[1:]``).

    Returns:
        The process exit status: 0 when the file is sound, 1 otherwise.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DATA, help="the file to check")
    args = parser.parse_args(argv)
    problems, orgs = check(args.path.read_text(encoding="utf-8"))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {args.path}")
        return 1
    print(summary(orgs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
