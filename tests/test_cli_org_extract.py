"""The `org`, `state` and `extract` subcommands."""

from __future__ import annotations

import io
import json
from pathlib import Path

from diplomodel import cli

REPORTS = Path(__file__).parent / "data" / "extraction"


def call(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    status = cli.main(list(args), out=out)
    return status, out.getvalue()


class TestOrg:
    def test_names_and_members(self):
        """An acronym in Russian finds the SCO; --on lists its members that day."""
        status, text = call("org", "ШОС", "--on", "2023-07-04")
        assert status == 0
        assert "code:" in text
        assert "SCO" in text
        assert "Шанхайская организация сотрудничества" in text
        assert "9: CN, IN, IR, KG, KZ, PK, RU, TJ, UZ" in text

    def test_member_organisation(self):
        """The African Union is listed among the G20's members after September 2023."""
        _, text = call("org", "G20", "--on", "2023-09-10")
        assert "org:AU" in text

    def test_unknown(self, capsys):
        """An unknown name is a usage error (exit 2) with a one-line message."""
        status, _ = call("org", "Galactic", "Empire")
        assert status == 2
        assert "Galactic Empire" in capsys.readouterr().err


class TestState:
    def test_official_names(self):
        """`state` shows official long forms where they differ from the short name."""
        status, text = call("state", "Bundesrepublik", "Deutschland")
        assert status == 0
        assert "official name (fr): République fédérale d'Allemagne" in text


class TestExtract:
    def test_prints_an_extraction(self):
        """A report file becomes an extraction as JSON, with the states it names."""
        status, text = call("extract", str(REPORTS / "01-en.txt"), "--dateline", "2024-08-21")
        assert status == 0
        data = json.loads(text)
        assert {"states_participating", "states_mentioned", "events"} <= set(data)

    def test_bad_date(self, capsys):
        """A dateline that is not a date is a usage error."""
        status, _ = call("extract", str(REPORTS / "01-en.txt"), "--dateline", "yesterday")
        assert status == 2
        assert "yesterday" in capsys.readouterr().err
