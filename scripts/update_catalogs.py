"""Extract, update and compile diplomodel's gettext catalogs with babel's Python API.

Run from anywhere, with the dev dependencies installed::

    python scripts/update_catalogs.py          # rewrite what changed
    python scripts/update_catalogs.py --check  # exit 1 if anything is out of date

Steps, as ``pybabel extract`` / ``update`` / ``compile`` would do them:

1. extract every marked message from the files ``babel.cfg`` maps into
   ``src/diplomodel/i18n/diplomodel.pot``;
2. merge the template into each ``locales/<lang>/LC_MESSAGES/diplomodel.po``
   (new messages arrive untranslated; no fuzzy guesses are made);
3. compile each ``.po`` into the ``.mo`` beside it (fuzzy entries left out).

Files are only written when their content changes, and line numbers are left
out of the references, so reruns do not churn the repository.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
from pathlib import Path
from typing import Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "diplomodel" / "i18n"
TEMPLATE = PACKAGE / "diplomodel.pot"
LOCALES = PACKAGE / "locales"
LANGUAGES = ("ru", "zh")  # keep in step with diplomodel.i18n._locales.CATALOG_LANGUAGES
DOMAIN = "diplomodel"
WIDTH = 100

#: The Translator methods and the `mark` function of diplomodel.i18n.
KEYWORDS: dict[str, Any] = {
    "_": None,
    "p_": ((1, "c"), 2),
    "n_": (1, 2),
    "mark": ((1, "c"), 2),
}


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, include_lineno=False, sort_output=False)
    return buffer.getvalue()


def _read(path: Path, locale: str | None = None) -> Catalog | None:
    if not path.exists():
        return None
    with path.open("rb") as stream:
        return read_po(stream, locale=locale, domain=DOMAIN)


def extract() -> Catalog:
    """A template catalog of every marked message."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as stream:
        method_map, options_map = parse_mapping_cfg(stream)
    previous = _read(TEMPLATE)
    created = previous.creation_date if previous is not None else dt.datetime.now(tz=dt.UTC)
    template = Catalog(
        project="diplomodel",
        domain=DOMAIN,
        creation_date=created,
        msgid_bugs_address="https://github.com/diplomodel/diplomodel/issues",
        charset="utf-8",
        fuzzy=False,
    )
    for filename, lineno, message, comments, context in extract_from_dir(
        ROOT, method_map, options_map, keywords=KEYWORDS, comment_tags=("Translators:",)
    ):
        path = Path(filename).as_posix()
        template.add(message, None, [(path, lineno)], auto_comments=comments, context=context)
    return template


def _write(path: Path, content: bytes, *, check: bool, changed: list[Path]) -> None:
    if path.exists() and path.read_bytes() == content:
        return
    changed.append(path)
    if not check:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)


def compile_po(path: Path) -> bytes:
    """The .mo bytes of a .po file, fuzzy entries left out (as the tests recompute them)."""
    buffer = io.BytesIO()
    with path.open("rb") as stream:
        write_mo(buffer, read_po(stream), use_fuzzy=False)
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Run the three steps; with ``--check``, only report what is out of date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    args = parser.parse_args(argv)
    changed: list[Path] = []

    template = extract()
    _write(TEMPLATE, _po_bytes(template), check=args.check, changed=changed)

    for language in LANGUAGES:
        po_path = LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"
        catalog = _read(po_path, locale=language)
        if catalog is None:
            catalog = Catalog(locale=language, domain=DOMAIN, fuzzy=False)
        catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        catalog.project = "diplomodel"
        _write(po_path, _po_bytes(catalog), check=args.check, changed=changed)
        if not args.check:
            _write(po_path.with_suffix(".mo"), compile_po(po_path), check=False, changed=changed)
        elif po_path.exists():
            _write(po_path.with_suffix(".mo"), compile_po(po_path), check=True, changed=changed)

    for path in changed:
        print(f"{'out of date' if args.check else 'wrote'}: {path.relative_to(ROOT)}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
