"""Generate ``states.json`` and ``state_names.json`` in ``src/diplomodel/_data``.

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
the CLDR data that ships with babel. CLDR has no official long forms and no
historical states, so ``state_names.json`` holds the translations of the ISO
short and official names that the iso-codes project makes and pycountry ships
(``locales/<lang>/LC_MESSAGES/iso3166-1.mo`` and ``iso3166-3.mo``), read with
babel and put back in natural order where ISO writes them inverted
(``"Corée, République de"`` becomes ``"République de Corée"``), for the
languages of `TRANSLATIONS`; and the curated `FORMER` names (Ceylon, Siam ...)
with the act that changed each.

Run it from the repository root with the ``data`` dependency group installed::

    python scripts/generate_states.py          # rewrite the data files
    python scripts/generate_states.py --check  # exit 1 if a file is stale

The output is deterministic: the same pycountry revision and tables always
give byte-identical JSON, and a test checks that the committed file matches.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from importlib import metadata
from pathlib import Path
from typing import Any, Final, NamedTuple

#: The pycountry release whose ISO 3166 data the committed file was built from.
REVISION: Final = "26.2.16"

#: Bumped when the layout of the generated file changes.
FORMAT: Final = 1

DATA_DIR: Final = Path(__file__).resolve().parent.parent / "src" / "diplomodel" / "_data"
OUTPUT: Final = DATA_DIR / "states.json"
NAMES_OUTPUT: Final = DATA_DIR / "state_names.json"


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


class Former(NamedTuple):
    """A name a state went by before it took its present one."""

    names: dict[str, str]
    """The former name by language (``en``, ``ru``, ...); one language per name."""
    renamed: str
    """When the present name replaced it (ISO 8601, as precise as known)."""
    source: str
    """The act or document that made the change: provenance, not a URL."""


# Keyed by ISO 3166-1 alpha-2 code. Only renamings of a state (or of the
# territory that became it) that reports still use; names that were states of
# their own and have an ISO 3166-3 entry (Zaire, Dahomey, Upper Volta) are in
# HISTORICAL instead. A language is left out when its former name is the same
# as the present one (Chinese 缅甸 for Burma and Myanmar).
FORMER: Final[dict[str, tuple[Former, ...]]] = {
    "BD": (
        Former(
            {"en": "East Pakistan", "ru": "Восточный Пакистан", "de": "Ostpakistan"},
            "1971-03-26",
            "Proclamation of Independence of Bangladesh, 26 March 1971",
        ),
    ),
    "BW": (Former({"en": "Bechuanaland"}, "1966-09-30", "Botswana Independence Act 1966"),),
    "BZ": (
        Former(
            {"en": "British Honduras", "es": "Honduras Británica"},
            "1973-06-01",
            "Belize renaming: British Honduras became Belize on 1 June 1973",
        ),
    ),
    "GH": (Former({"en": "Gold Coast"}, "1957-03-06", "Ghana Independence Act 1957"),),
    "IR": (
        Former(
            {
                "en": "Persia",
                "ru": "Персия",
                "zh": "波斯",
                "fr": "Perse",
                "de": "Persien",
                "ar": "بلاد فارس",
            },
            "1935-03-21",
            "Circular of the Government of Iran asking foreign governments to use"
            " the name Iran from Nowruz, 21 March 1935",
        ),
    ),
    "KH": (
        Former(
            {"en": "Khmer Republic", "fr": "République khmère"},
            "1975-04-17",
            "Proclaimed 9 October 1970; ended with the fall of Phnom Penh, 17 April 1975",
        ),
        Former(
            {"en": "Kampuchea", "ru": "Кампучия", "fr": "Kampuchéa", "de": "Kampuchea"},
            "1989",
            "Democratic Kampuchea (1975-1979) and People's Republic of Kampuchea"
            " (1979-1989), renamed State of Cambodia in 1989",
        ),
    ),
    "LK": (
        Former(
            {
                "en": "Ceylon",
                "ru": "Цейлон",
                "zh": "锡兰",
                "fr": "Ceylan",
                "es": "Ceilán",
                "ar": "سيلان",
            },
            "1972-05-22",
            "Constitution of the Republic of Sri Lanka, adopted 22 May 1972",
        ),
    ),
    "LS": (Former({"en": "Basutoland"}, "1966-10-04", "Lesotho Independence Act 1966"),),
    "MM": (
        Former(
            {"ru": "Бирма", "fr": "Birmanie", "es": "Birmania", "de": "Birma", "ar": "بورما"},
            "1989-06-18",
            "Adaptation of Expressions Law (State Law and Order Restoration Council"
            " Law No. 15/89), 18 June 1989",
        ),
    ),
    "MW": (Former({"en": "Nyasaland"}, "1964-07-06", "Malawi Independence Act 1964"),),
    "SZ": (
        Former(
            {
                "ru": "Свазиленд",
                "zh": "斯威士兰",
                "fr": "Swaziland",
                "es": "Suazilandia",
                "de": "Swasiland",
                "ar": "سوازيلاند",
            },
            "2018-04-19",
            "Announcement of King Mswati III, 19 April 2018",
        ),
    ),
    "TH": (
        Former(
            {"en": "Siam", "ru": "Сиам", "zh": "暹罗", "ar": "سيام"},
            "1939-06-24",
            "State Convention (Ratthaniyom) No. 1, 24 June 1939",
        ),
    ),
    "ZM": (Former({"en": "Northern Rhodesia"}, "1964-10-24", "Zambia Independence Act 1964"),),
}

#: Where each language's names come from: the key in ``state_names.json`` and
#: the directory of pycountry's ``locales`` holding its iso-codes catalogues.
TRANSLATIONS: Final = {
    "ar": "ar",
    "be": "be",
    "de": "de",
    "es": "es",
    "fa": "fa",
    "fr": "fr",
    "he": "he",
    "hi": "hi",
    "id": "id",
    "it": "it",
    "ja": "ja",
    "kk": "kk",
    "ko": "ko",
    "nl": "nl",
    "pl": "pl",
    "pt": "pt_BR",
    "pt_PT": "pt",
    "ru": "ru",
    "tr": "tr",
    "uk": "uk",
    "vi": "vi",
    "zh": "zh_CN",
    "zh_Hant": "zh_TW",
}

# ISO writes some names inverted ("Korea, Republic of") and many translators
# kept that shape ("Corée, République de"). How each language puts the two
# parts back in order: "append" puts the head after the tail ("République de
# Corée"), "join" keeps the order without the comma (Hindi, Kazakh), "tail"
# takes the tail alone because it already names the state (Arabic: "كوريا،
# جمهوريّة كوريا"). Polish translations mix shapes, so inverted Polish names
# are not used; neither are those of languages listed nowhere.
_UNINVERT: Final = {
    **dict.fromkeys(
        ("be", "de", "es", "fa", "fr", "he", "id", "it", "nl", "pt", "pt_PT", "uk", "vi"),
        "append",
    ),
    **dict.fromkeys(("hi", "kk", "ja", "tr"), "join"),
    "ar": "tail",
}

# Historical ISO names written "Short, Long" rather than inverted: the first
# part is the common name, the second the official one.
SHORT_LONG: Final = frozenset({"SUHH", "CSHH"})

# Translations known to be wrong, left out: (code, language) -> why.
MISTRANSLATED: Final = {
    ("CSHH", "ar"): "the long form reads 'Slovak Socialist Republic'",
}

_SEPARATOR = re.compile(r"\s*[,،，;]\s*")
_CODE = re.compile(r"[A-Z]{2}|[A-Z]{4}")
# "Korea, Republic of" -> "Republic of Korea"; only this one shape is turned round.
_INVERTIBLE = re.compile(r"(?P<head>[^,]+), (?P<tail>[^,]+ of(?: the)?)")


def _check_revision() -> None:
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
    match = _INVERTIBLE.fullmatch(iso_name)
    return [f"{match['tail']} {match['head']}"] if match else []


def _unique(values: list[str], *, exclude: set[str]) -> list[str]:
    seen = set(exclude)
    out = []
    for value in values:
        if value not in seen:
            seen.add(value)
            out.append(value)
    return out


def _compact(record: dict[str, Any]) -> dict[str, Any]:
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
            _compact(
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
            _compact(
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


def _catalogues(locales: Path, domain: str) -> dict[str, dict[str, str]]:
    """Each language's translations in one iso-codes domain, by English ISO name."""
    from babel.messages.mofile import read_mo  # noqa: PLC0415 - build-time only

    found: dict[str, dict[str, str]] = {}
    for key, directory in TRANSLATIONS.items():
        with (locales / directory / "LC_MESSAGES" / f"{domain}.mo").open("rb") as file:
            catalog = read_mo(file)
        found[key] = {
            str(message.id): str(message.string)
            for message in catalog
            if message.id and isinstance(message.string, str) and message.string.strip()
        }
    return found


def _uninvert(english: str, text: str, language: str, *, short_long: bool) -> tuple[str, str]:
    """The (short, official) names a translation of an ISO name gives, in natural order."""
    parts = _SEPARATOR.split(text.strip())
    if len(parts) == 1:
        return text, text
    if len(parts) != 2 or not all(parts):
        return "", ""
    head, tail = parts
    if short_long:
        return head, tail
    if not _INVERTIBLE.fullmatch(english):
        return text, text
    rule = _UNINVERT.get(language)
    if rule == "append":
        glue = "" if tail.endswith(("'", "’")) else " "
        whole = f"{tail}{glue}{head}"
    elif rule == "join":
        whole = f"{head} {tail}"
    elif rule == "tail":
        whole = tail
    else:
        return "", ""
    return whole, whole


def _names_of(
    code: str,
    english: tuple[str, str],
    catalogues: dict[str, dict[str, str]],
    *,
    short_long: bool,
) -> dict[str, dict[str, str]]:
    """The short and official names of one state in every language of `TRANSLATIONS`."""
    iso_name, official_name = english
    short: dict[str, str] = {}
    official: dict[str, str] = {}
    for language, catalogue in catalogues.items():
        if (code, language) in MISTRANSLATED:
            continue
        if iso_name in catalogue:
            name, long = _uninvert(iso_name, catalogue[iso_name], language, short_long=short_long)
            if name:
                short[language] = name
            if long:
                official[language] = long
        if official_name != iso_name and official_name in catalogue:
            _, long = _uninvert(official_name, catalogue[official_name], language, short_long=False)
            if long:
                official[language] = long
    # A short name the same as the official one is not repeated.
    short = {key: name for key, name in short.items() if official.get(key) != name}
    return {"short": short, "official": official}


def _english_official(record: dict[str, Any]) -> str:
    if record.get("alpha4") in SHORT_LONG:
        return _uninvert("", str(record["iso_name"]), "en", short_long=True)[1]
    if "official_name" in record:
        return str(record["official_name"])
    forms = record.get("forms", [])
    return str(forms[0]) if forms else str(record["iso_name"])


def build_names(records: list[dict[str, Any]], locales: Path) -> dict[str, Any]:
    """Build the content of ``state_names.json``: names in many languages, former names.

    Args:
        records: The state records `build` made.
        locales: pycountry's ``locales`` directory.

    Returns:
        A JSON-ready mapping, states sorted by code.
    """
    current = _catalogues(locales, "iso3166-1")
    historic = _catalogues(locales, "iso3166-3")
    unknown = set(FORMER) - {str(r["code"]) for r in records}
    if unknown:
        raise ValueError(f"FORMER names codes that are not states: {sorted(unknown)}")
    states: dict[str, Any] = {}
    for record in sorted(records, key=lambda r: str(r["code"])):
        code = str(record["code"])
        alpha4 = record.get("alpha4")
        iso_name = str(record["iso_name"])
        key = str(alpha4) if alpha4 else code
        entry = _names_of(
            key,
            (iso_name, str(record.get("official_name", iso_name))),
            historic if alpha4 else current,
            short_long=key in SHORT_LONG,
        )
        entry["official"]["en"] = _english_official(record)
        entry["former"] = [
            {"name": name, "language": language, "renamed": former.renamed, "source": former.source}
            for former in FORMER.get(code, ())
            for language, name in former.names.items()
        ]
        states[code] = _compact(entry)
    return {
        "format": FORMAT,
        "source": (
            f"iso-codes translations of ISO 3166-1 and ISO 3166-3 names as packaged by pycountry"
            f" {REVISION}; former names curated in scripts/generate_states.py"
        ),
        "states": states,
    }


def render_names(data: dict[str, Any]) -> str:
    """Serialise `build_names`'s result: UTF-8 text, one state a line, in a fixed order.

    Args:
        data: What `build_names` returned.

    Returns:
        The file content, ending with a newline.
    """
    rows = [
        f"{_dump(code, sort=True)}:{_dump(entry, sort=True)}"
        for code, entry in data["states"].items()
    ]
    return _layout(data, rows, "{}")


def outputs() -> dict[Path, str]:
    """Both generated files and their content."""
    import pycountry  # noqa: PLC0415 - a build-time dependency, never needed at runtime

    data = build()
    locales = Path(pycountry.__file__).resolve().parent / "locales"
    return {
        OUTPUT: render(data),
        NAMES_OUTPUT: render_names(build_names(data["states"], locales)),
    }


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


def _dump(value: Any, *, sort: bool = False) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=sort)


def _layout(data: dict[str, Any], rows: list[str], brackets: str) -> str:
    """The file text: the header keys sorted, then one row of ``states`` a line."""
    head = {key: value for key, value in data.items() if key != "states"}
    lines = [f" {_dump(key)}:{_dump(value)}," for key, value in sorted(head.items())]
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
    return _layout(data, [_dump(record) for record in data["states"]], "[]")


def main(argv: list[str] | None = None) -> int:
    """Write the data file, or with ``--check`` report whether it is current.

    Args:
        argv: Command-line arguments (defaults to ``sys.argv[1:]``).

    Returns:
        The process exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    _check_revision()
    stale = 0
    for path, text in outputs().items():
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if args.check:
            if current != text:
                print(f"{path} is stale; run scripts/generate_states.py")
                stale = 1
            continue
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {path}")
    return stale


if __name__ == "__main__":
    sys.exit(main())
