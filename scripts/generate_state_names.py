"""Generate ``src/diplomodel/_data/state_names.json``: states' names in many languages.

CLDR, which gives the runtime the common names of current states, has no
official long forms and no historical states. This script takes both from the
translations of ISO 3166 names that the iso-codes project makes and pycountry
ships (``locales/<lang>/LC_MESSAGES/iso3166-1.mo`` and ``iso3166-3.mo``, read
with babel), for the languages of `TRANSLATIONS`, and puts back in natural
order the names ISO writes inverted (``"Corée, République de"`` becomes
``"République de Corée"``); none is typed by hand. It adds the curated `FORMER`
names (Ceylon, Siam, Swaziland ...), each with the act that changed it.

The states come from ``states.json`` (``scripts/generate_states.py``), and the
pycountry release is the one that script pins. Run it from the repository root
with the ``data`` dependency group installed::

    python scripts/generate_state_names.py          # rewrite the data file
    python scripts/generate_state_names.py --check  # exit 1 if the file is stale

The output is deterministic, and a test checks that the committed file matches.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Final, NamedTuple


def _sibling(name: str) -> ModuleType:
    """A script of this directory, loaded as a module (scripts are not a package)."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    if spec is None or spec.loader is None:
        raise ImportError(name)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_states = _sibling("generate_states")

OUTPUT: Final = _states.DATA_DIR / "state_names.json"


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
    if not _states.INVERTIBLE.fullmatch(english):
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
        states[code] = _states.compact(entry)
    return {
        "format": _states.FORMAT,
        "source": (
            f"iso-codes translations of ISO 3166-1 and ISO 3166-3 names as packaged by pycountry"
            f" {_states.REVISION}; former names curated in scripts/generate_state_names.py"
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
        f"{_states.dump(code, sort=True)}:{_states.dump(entry, sort=True)}"
        for code, entry in data["states"].items()
    ]
    return _states.layout(data, rows, "{}")


def main(argv: list[str] | None = None) -> int:
    """Write the data file, or with ``--check`` report whether it is current.

    Args:
        argv: Command-line arguments (defaults to ``sys.argv[1:]``).

    Returns:
        The process exit status.
    """
    return _states.run(
        argv, doc=__doc__, path=OUTPUT, script="scripts/generate_state_names.py", make=output
    )


def output() -> str:
    """The content of ``state_names.json``, built from ``states.json`` and pycountry."""
    import pycountry  # noqa: PLC0415 - a build-time dependency, never needed at runtime

    records = json.loads(_states.OUTPUT.read_text(encoding="utf-8"))["states"]
    locales = Path(pycountry.__file__).resolve().parent / "locales"
    return render_names(build_names(records, locales))


if __name__ == "__main__":
    sys.exit(main())
