"""Generate ``src/diplomodel/_data/states.json`` from ISO 3166 data.

The codes and ISO names of current states (ISO 3166-1) and of states that no
longer exist (ISO 3166-3) come from the ``pycountry`` package, pinned to
`REVISION`. ISO says nothing about what people call those states or what
replaced them, so this file also holds two hand-curated tables:

* `HISTORICAL`: for each ISO 3166-3 entry, a readable English name, the codes
  of the states that succeeded it (the continuator or main successor first)
  and further English names it went by;
* `ALIASES`: unambiguous English names and abbreviations of current states
  that neither ISO nor CLDR gives (``"PRC"``, ``"Ivory Coast"``, ``"Burma"``).

Common names in other languages are *not* stored: the runtime takes them from
the CLDR data that ships with babel. Official names in other languages, the
names of historical states and former names are in ``state_names.json``,
which ``scripts/generate_state_names.py`` builds from this file.

Run it from the repository root with the ``data`` dependency group installed::

    python scripts/generate_states.py          # rewrite the data file
    python scripts/generate_states.py --check  # exit 1 if the file is stale

The output is deterministic: the same pycountry revision and tables always
give byte-identical JSON, and a test checks that the committed file matches.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, Final, NamedTuple

#: The pycountry release whose ISO 3166 data the committed file was built from.
REVISION: Final = "26.2.16"

#: Bumped when the layout of the generated file changes.
FORMAT: Final = 1

DATA_DIR: Final = Path(__file__).resolve().parent.parent / "src" / "diplomodel" / "_data"
OUTPUT: Final = DATA_DIR / "states.json"


class Historical(NamedTuple):
    """What the curated table knows about one ISO 3166-3 entry."""

    name: str
    """The English name people use for it."""
    successors: tuple[str, ...]
    """Codes of the states that took its place, continuator or main successor first."""
    aliases: tuple[str, ...] = ()
    """Further English (and a few well-known native) names, unambiguous."""


# Keyed by ISO 3166-3 alpha-4 code. A successor is written as the registry code
# of the state: alpha-2 for a current state, the registry code (former alpha-2
# or alpha-4) for a historical one. When no state is the main successor, the
# codes are in alphabetical order.
HISTORICAL: Final[dict[str, Historical]] = {
    "AIDJ": Historical(
        "French Afars and Issas", ("DJ",), ("French Territory of the Afars and the Issas",)
    ),
    "ANHH": Historical("Netherlands Antilles", ("CW", "SX", "BQ")),
    "BQAQ": Historical("British Antarctic Territory", ("AQ",)),
    "BUMM": Historical("Burma", ("MM",), ("Union of Burma",)),
    "BYAA": Historical(
        "Byelorussian SSR",
        ("BY",),
        ("Byelorussian Soviet Socialist Republic", "Belorussian SSR"),
    ),
    "CSHH": Historical(
        "Czechoslovakia",
        ("CZ", "SK"),
        ("Czechoslovak Socialist Republic", "Czech and Slovak Federative Republic"),
    ),
    "CSXX": Historical(
        "Serbia and Montenegro", ("RS", "ME"), ("State Union of Serbia and Montenegro",)
    ),
    "CTKI": Historical("Canton and Enderbury Islands", ("KI",)),
    "DDDE": Historical("East Germany", ("DE",), ("GDR",)),
    "DYBJ": Historical("Dahomey", ("BJ",), ("Republic of Dahomey",)),
    "FQHH": Historical("French Southern and Antarctic Territories", ("TF", "AQ")),
    "FXFR": Historical("Metropolitan France", ("FR",)),
    "GEHH": Historical("Gilbert and Ellice Islands", ("KI", "TV")),
    "HVBF": Historical("Upper Volta", ("BF",)),
    "JTUM": Historical("Johnston Island", ("UM",), ("Johnston Atoll",)),
    "MIUM": Historical("Midway Islands", ("UM",), ("Midway Atoll",)),
    "NHVU": Historical("New Hebrides", ("VU",)),
    "NQAQ": Historical("Dronning Maud Land", ("AQ",), ("Queen Maud Land",)),
    "NTHH": Historical("Neutral Zone", ("IQ", "SA"), ("Saudi-Iraqi Neutral Zone",)),
    "PCHH": Historical(
        "Trust Territory of the Pacific Islands",
        ("FM", "MH", "MP", "PW"),
        ("Pacific Islands Trust Territory",),
    ),
    "PUUM": Historical(
        "US Miscellaneous Pacific Islands",
        ("UM",),
        ("United States Miscellaneous Pacific Islands",),
    ),
    "PZPA": Historical("Panama Canal Zone", ("PA",), ("Canal Zone",)),
    "RHZW": Historical("Southern Rhodesia", ("ZW",), ("Rhodesia",)),
    "SKIN": Historical("Sikkim", ("IN",), ("Kingdom of Sikkim",)),
    # Russia is the continuator; the other eleven are the successor states that
    # came out of the union in 1991. Estonia, Latvia and Lithuania are left out
    # on purpose: they hold that they restored their pre-1940 statehood and are
    # not successors of the USSR, a view most states share.
    "SUHH": Historical(
        "Soviet Union",
        ("RU", "AM", "AZ", "BY", "GE", "KG", "KZ", "MD", "TJ", "TM", "UA", "UZ"),
        ("USSR", "Union of Soviet Socialist Republics", "СССР", "Советский Союз", "苏联"),
    ),
    "TPTL": Historical("East Timor", ("TL",), ("Portuguese Timor",)),
    "VDVN": Historical(
        "North Vietnam", ("VN",), ("North Viet Nam", "Democratic Republic of Vietnam")
    ),
    "WKUM": Historical("Wake Island", ("UM",)),
    "YDYE": Historical(
        "South Yemen", ("YE",), ("People's Democratic Republic of Yemen", "Democratic Yemen")
    ),
    # ISO kept YU from the socialist federation (SFRY) through the federal
    # republic (FRY) until its 2003 renaming as Serbia and Montenegro, the main
    # successor; the other four are the republics that left in 1991-1992.
    "YUCS": Historical(
        "Yugoslavia",
        ("CSXX", "BA", "HR", "MK", "SI"),
        (
            "SFRY",
            "FRY",
            "Socialist Federal Republic of Yugoslavia",
            "Federal Republic of Yugoslavia",
        ),
    ),
    "ZRCD": Historical("Zaire", ("CD",)),
}

# Keyed by ISO 3166-1 alpha-2 code. Only names that mean one state and nothing
# else. "Korea" and "Congo" alone are deliberately absent (the ISO short name
# "Congo" still makes CG the answer for "Congo").
ALIASES: Final[dict[str, tuple[str, ...]]] = {
    "AE": ("UAE",),
    "BA": ("Bosnia",),
    "BN": ("Brunei",),
    "BO": ("Bolivia",),
    "CD": ("DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of the Congo"),
    "CG": ("Republic of the Congo", "Congo-Brazzaville", "Congo Republic"),
    "CI": ("Ivory Coast",),
    "CN": ("PRC", "PR China"),
    "CV": ("Cape Verde", "Cabo Verde"),
    "CZ": ("Czech Republic", "Czechia"),
    "FM": ("Micronesia",),
    "GB": ("UK", "Great Britain", "Britain", "United Kingdom"),
    "IE": ("Republic of Ireland",),
    "IR": ("Iran",),
    "KP": ("DPRK", "North Korea"),
    "KR": ("ROK", "South Korea"),
    "LA": ("Laos", "Lao PDR"),
    "MD": ("Moldova",),
    "MK": (
        "Macedonia",
        "North Macedonia",
        "Republic of North Macedonia",
        "FYROM",
        "Former Yugoslav Republic of Macedonia",
    ),
    "MM": ("Burma", "Myanmar"),
    "MO": ("Macau",),
    "PS": ("Palestine", "State of Palestine"),
    "RU": ("Russia",),
    "SA": ("KSA",),
    "SK": ("Slovak Republic",),
    "SY": ("Syria",),
    "SZ": ("Swaziland", "Eswatini", "Kingdom of Eswatini"),
    "TL": ("East Timor", "Timor-Leste"),
    "TR": ("Turkey", "Türkiye", "Republic of Türkiye"),
    "TW": ("Taiwan", "Republic of China", "ROC"),
    "TZ": ("Tanzania",),
    "US": ("US", "USA", "America", "United States", "United States of America"),
    "VA": ("Holy See", "Vatican", "Vatican City", "Vatican City State"),
    "VE": ("Venezuela",),
    "VN": ("Vietnam", "Viet Nam"),
}


_CODE = re.compile(r"[A-Z]{2}|[A-Z]{4}")
# "Korea, Republic of" -> "Republic of Korea"; only this one shape is turned round.
INVERTIBLE = re.compile(r"(?P<head>[^,]+), (?P<tail>[^,]+ of(?: the)?)")


def check_revision() -> None:
    """Refuse to run against another pycountry release than `REVISION`."""
    try:
        found = metadata.version("pycountry")
    except metadata.PackageNotFoundError:
        sys.exit(f"pycountry=={REVISION} is needed (install the 'data' dependency group)")
    if found != REVISION:
        sys.exit(f"pycountry=={REVISION} is needed, found {found}; update REVISION deliberately")


def _field(record: Any, name: str) -> str | None:
    value = getattr(record, name, None)
    return None if value is None else str(value)


def _forms(iso_name: str) -> list[str]:
    """Extra readings of an ISO name in inverted "Name, Form of" style."""
    match = INVERTIBLE.fullmatch(iso_name)
    return [f"{match['tail']} {match['head']}"] if match else []


def _unique(values: list[str], *, exclude: set[str]) -> list[str]:
    seen = set(exclude)
    out = []
    for value in values:
        if value not in seen:
            seen.add(value)
            out.append(value)
    return out


def compact(record: dict[str, Any]) -> dict[str, Any]:
    """Drop empty optional fields so the file stays small."""
    return {key: value for key, value in record.items() if value not in (None, [], "", {})}


def _current_records(countries: list[Any]) -> list[dict[str, Any]]:
    unknown = set(ALIASES) - {c.alpha_2 for c in countries}
    if unknown:
        raise ValueError(f"ALIASES names codes that ISO 3166-1 lacks: {sorted(unknown)}")
    records = []
    for country in sorted(countries, key=lambda c: str(c.alpha_2)):
        code = str(country.alpha_2)
        iso_name = str(country.name)
        official = _field(country, "official_name")
        common = _field(country, "common_name")
        names = {iso_name} | ({official} if official else set())
        forms = _unique(_forms(iso_name), exclude=names)
        aliases = _unique(
            [*([common] if common else []), *ALIASES.get(code, ())],
            exclude=names | set(forms),
        )
        records.append(
            compact(
                {
                    "code": code,
                    "alpha3": str(country.alpha_3),
                    "numeric": _field(country, "numeric"),
                    "iso_name": iso_name,
                    "official_name": official,
                    "forms": forms,
                    "aliases": aliases,
                }
            )
        )
    return records


def _historical_records(countries: list[Any], historic: list[Any]) -> list[dict[str, Any]]:
    alpha4s = {str(h.alpha_4) for h in historic}
    if alpha4s != set(HISTORICAL):
        missing, extra = sorted(alpha4s - set(HISTORICAL)), sorted(set(HISTORICAL) - alpha4s)
        raise ValueError(f"HISTORICAL is out of step with ISO 3166-3: {missing=} {extra=}")
    current_alpha2 = {str(c.alpha_2) for c in countries}
    former = [str(h.alpha_2) for h in historic]
    records = []
    for entry in historic:
        alpha4 = str(entry.alpha_4)
        alpha2 = str(entry.alpha_2)
        if alpha4[:2] != alpha2:
            raise ValueError(f"{alpha4}: alpha-4 does not start with former alpha-2 {alpha2}")
        taken = alpha2 in current_alpha2 or former.count(alpha2) > 1
        curated = HISTORICAL[alpha4]
        iso_name = str(entry.name)
        names = {iso_name, curated.name}
        forms = _unique(_forms(iso_name), exclude=names)
        records.append(
            compact(
                {
                    "code": alpha4 if taken else alpha2,
                    "alpha3": str(entry.alpha_3),
                    "numeric": _field(entry, "numeric"),
                    "name": curated.name,
                    "iso_name": iso_name,
                    "alpha4": alpha4,
                    "withdrawn": str(entry.withdrawal_date),
                    "successors": list(curated.successors),
                    "forms": forms,
                    "aliases": _unique(list(curated.aliases), exclude=names | set(forms)),
                }
            )
        )
    records.sort(key=lambda r: str(r["code"]))
    return records


def _check_successors(records: list[dict[str, Any]]) -> None:
    codes = {str(r["code"]) for r in records}
    for record in records:
        successors = record.get("successors", [])
        if len(set(successors)) != len(successors) or record["code"] in successors:
            raise ValueError(f"{record['code']}: repeated or self-referring successors")
        for code in successors:
            if not _CODE.fullmatch(code) or code not in codes:
                raise ValueError(f"{record['code']}: successor {code!r} is not a state code")


def build() -> dict[str, Any]:
    """Build the content of the data file from pycountry and the curated tables.

    Returns:
        A JSON-ready mapping: the format number, the source, and every state,
        current states first, each group sorted by code.
    """
    import pycountry  # noqa: PLC0415 - a build-time dependency, never needed at runtime

    countries = list(pycountry.countries)
    historic = list(pycountry.historic_countries)
    records = _current_records(countries) + _historical_records(countries, historic)
    _check_successors(records)
    return {
        "format": FORMAT,
        "source": f"ISO 3166-1 and ISO 3166-3 as packaged by pycountry {REVISION}",
        "states": records,
    }


def dump(value: Any, *, sort: bool = False) -> str:
    """Compact JSON text, non-ASCII kept as it is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=sort)


def layout(data: dict[str, Any], rows: list[str], brackets: str) -> str:
    """The file text: the header keys sorted, then one row of ``states`` a line."""
    head = {key: value for key, value in data.items() if key != "states"}
    lines = [f" {dump(key)}:{dump(value)}," for key, value in sorted(head.items())]
    body = ",\n".join(f"  {row}" for row in rows)
    opening, closing = brackets
    return "{\n" + "\n".join(lines) + f'\n "states":{opening}\n' + body + f"\n {closing}\n}}\n"


def render(data: dict[str, Any]) -> str:
    """Serialise `build`'s result: UTF-8 text, one state a line, in a fixed order.

    Records keep the order `build` gave their keys (code first) for readability.

    Args:
        data: What `build` returned.

    Returns:
        The file content, ending with a newline.
    """
    return layout(data, [dump(record) for record in data["states"]], "[]")


def run(
    argv: list[str] | None, *, doc: str, path: Path, script: str, make: Callable[[], str]
) -> int:
    """The command line of a generator: write its file, or with ``--check`` compare.

    Args:
        argv: Command-line arguments (defaults to ``sys.argv[1:]``).
        doc: The generator's module docstring (its first line is the help).
        path: The file it generates.
        script: The generator's path, named when the file is stale.
        make: Builds the file's content; called once the pycountry release is checked.

    Returns:
        The process exit status: 1 when checking found the file stale.
    """
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    check_revision()
    text = make()
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if args.check:
        if current != text:
            print(f"{path} is stale; run {script}")
            return 1
        return 0
    path.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Write the data file, or with ``--check`` report whether it is current.

    Args:
        argv: Command-line arguments (defaults to ``sys.argv[1:]``).

    Returns:
        The process exit status.
    """
    return run(
        argv,
        doc=__doc__,
        path=OUTPUT,
        script="scripts/generate_states.py",
        make=lambda: render(build()),
    )


if __name__ == "__main__":
    sys.exit(main())
