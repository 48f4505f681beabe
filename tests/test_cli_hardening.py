"""The command on hostile input: special files, the calendar's ends, exit statuses, outputs."""

import argparse
import io
import json
import os
import sys

import attrs
import pytest

import diplomodel as dm
from diplomodel import cli
from diplomodel.cli import _build_parser
from tests.test_files import no_hang

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs")


def main(*args):
    """Run the command in this process: (status, standard output)."""
    out = io.StringIO()
    status = cli.main([str(a) for a in args], out=out)
    return status, out.getvalue()


@pytest.fixture
def example_file(tmp_path):
    path = tmp_path / "example.json"
    dm.load_example().save(path)
    return path


@posix_only
class TestSpecialFiles:
    @pytest.mark.parametrize(
        "args",
        [
            ["validate"],
            ["validate", "--class", "Meeting"],
            ["validate", "--class", "Meeting", "--format", "jsonl"],
            ["describe"],
            ["convert", "--to", "json"],
        ],
    )
    def test_fifo_is_refused_at_once(self, tmp_path, capsys, args):
        """A FIFO given as input is refused (status 2) instead of waiting for a writer."""
        fifo = tmp_path / "pipe.json"
        os.mkfifo(fifo)
        extra = ["-"] if args[0] == "convert" else []
        with no_hang():
            status, _ = main(*args, fifo, *extra)
        err = capsys.readouterr().err
        assert status == 2
        assert "a FIFO (named pipe), not a regular file" in err
        assert len(err.splitlines()) == 1

    def test_nul_in_a_name(self, capsys):
        """A file name with a NUL character is one error line, status 2."""
        assert main("validate", "a\0b.json")[0] == 2
        assert "NUL" in capsys.readouterr().err


class TestCalendarEnds:
    def test_window_from_the_first_day(self, example_file):
        """A dossier's anniversaries from the calendar's first day are listed (no overflow)."""
        status, out = main("anniversaries", example_file, "--from", "0001", "--to", "1950")
        assert (status, out) == (
            0,
            "October 2, 1950: 1st anniversary — Diplomatic ties: China–Russia\n",
        )

    def test_window_to_the_last_day(self, example_file):
        """... and up to its last day."""
        status, out = main("anniversaries", example_file, "--from", "9999-10", "--to", "9999")
        assert status == 0
        assert out.splitlines()[-1] == (
            "October 2, 9999: 8050th anniversary — Diplomatic ties: China–Russia"
        )

    def test_example_on_the_last_day(self):
        """The example on 9999-12-31 has no coming anniversaries, and says so plainly."""
        status, out = main("example", "--on", "9999-12-31")
        assert status == 0
        assert "Coming anniversaries (after 9999-12-31, up to 9999-12-31):" in out

    def test_anniversary_beyond_the_calendar(self, capsys):
        """An anniversary past 9999 is one clear line (status 2), not an OverflowError."""
        assert main("anniversaries", "--since", "2000", "--year", "10000")[0] == 2
        err = capsys.readouterr().err
        assert err == (
            "diplomodel: error: no anniversary in year 10000: "
            "the calendar runs from year 1 to 9999\n"
        )

    def test_library_raises_a_diplomodel_error(self):
        """The library says the calendar ends with a DataError, which is also a ValueError."""
        since = dm.PartialDate(year=2000, month=1, day=1)
        with pytest.raises(dm.DataError, match="year 10000"):
            dm.next_anniversary(since, dm.PartialDate(year=9999, month=12, day=31).to_date())
        with pytest.raises(ValueError, match="year 10000"):
            dm.anniversary_in_year(since, 10000)

    def test_ical_export_of_the_last_day(self, tmp_path, capsys):
        """A meeting on 9999-12-31 is exported as a one-day event (DURATION, no DTEND overflow)."""
        pytest.importorskip("icalendar")
        example = dm.load_example()
        last = dm.PartialDate(year=9999, month=12, day=31)
        meeting = attrs.evolve(example.meetings[0], start=last, end=None)
        relation = attrs.evolve(
            example.relations[0], established=dm.PartialDate(year=9999, month=3, day=1), levels=()
        )
        path = tmp_path / "last.json"
        attrs.evolve(example, meetings=(meeting,), relations=(relation,)).save(path)
        status, out = main("convert", "--to", "ics", path, "-")
        assert status == 0, capsys.readouterr().err
        lines = out.splitlines()
        assert "DTSTART;VALUE=DATE:99991231" in lines
        assert "DURATION:P1D" in lines
        assert not any(line.startswith("DTEND") for line in lines)
        assert "RRULE" not in out  # ties set up in 9999 have no anniversary left


class TestValidateOutput:
    def test_every_line_bad_prints_no_report(self, tmp_path, capsys):
        """When no record could be read, there is no "No findings." beside the error."""
        path = tmp_path / "bad.jsonl"
        path.write_text('{"id": "x"}\nnot json\n', encoding="utf-8")
        status, out = main("validate", "--class", "Meeting", path)
        assert (status, out) == (2, "")
        assert "5 problems in" in capsys.readouterr().err

    def test_every_line_bad_in_json(self, tmp_path, capsys):
        """With --json, such a file gives its problems and no report."""
        path = tmp_path / "bad.jsonl"
        path.write_text("not json\n", encoding="utf-8")
        status, out = main("validate", "--json", "--class", "Meeting", path)
        assert status == 2
        body = json.loads(out)
        assert "report" not in body
        assert "not valid JSON" in body["problems"][0]
        capsys.readouterr()

    def test_json_report_is_not_parsed_again(self, example_file, monkeypatch):
        """--json builds the report's JSON once, not by parsing what Report.to_json wrote."""

        def refuse(*_args, **_kwargs):
            raise AssertionError("the CLI re-parsed its own JSON")

        monkeypatch.setattr(dm.Report, "to_json", refuse)
        status, out = main("validate", "--json", example_file)
        assert status == 0
        assert out == (
            f'{{"source":"{example_file}","report":{{"ok":true,'
            '"counts":{"error":0,"warning":0,"info":0},"findings":[]}}\n'
        )


class TestExitStatus:
    @pytest.mark.parametrize(
        "error",
        [KeyError("x"), ValueError("x"), LookupError("x"), OverflowError("x"), OSError(5, "x")],
    )
    def test_anything_but_a_diplomodel_error_is_a_bug(self, monkeypatch, capsys, error):
        """A built-in exception escaping a command is a bug: status 70, one line."""

        def broken():
            raise error

        monkeypatch.setattr(cli, "load_example", broken)
        assert main()[0] == 70
        err = capsys.readouterr().err
        assert err.startswith("diplomodel: error: internal error ")
        assert len(err.splitlines()) == 1

    def test_a_diplomodel_error_is_bad_input(self, monkeypatch, capsys):
        """A DiplomodelError escaping a command is bad input: status 2."""

        def broken():
            raise dm.UnknownStateError("no state 'XX'")

        monkeypatch.setattr(cli, "load_example", broken)
        assert main()[0] == 2
        assert capsys.readouterr().err == "diplomodel: error: no state 'XX'\n"

    def test_unwritable_output_names_it(self, example_file, tmp_path, capsys):
        """An output that cannot be written is one line naming it, status 2."""
        target = tmp_path / "missing" / "out.json"
        assert main("convert", example_file, target)[0] == 2
        assert capsys.readouterr().err == (
            f"diplomodel: error: {target}: cannot write: No such file or directory\n"
        )


class TestParser:
    def test_build_parser_is_complete(self):
        """_build_parser(out) returns the whole parser, every subcommand with its options."""
        parser = _build_parser(io.StringIO())
        assert isinstance(parser, argparse.ArgumentParser)
        args = parser.parse_args(["anniversaries", "--since", "1949", "--year", "2024"])
        assert args.year == 2024
        assert parser.parse_args(["convert", "a.json", "b", "--to", "jsonl"]).to == "jsonl"
        assert parser.parse_args(["validate", "--json", "x.json"]).json
        assert parser.parse_args(["state", "Russia"]).text == ["Russia"]
        assert parser.parse_args(["schema"]).cls == "Dossier"
        assert parser.parse_args(["describe", "x.json", "--id", "m"]).id == "m"
        assert parser.parse_args([]).handler is cli._example
