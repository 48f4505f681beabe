"""The subcommands of the `diplomodel` command, run as real processes on good and bad input."""

import importlib
import io
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import diplomodel as dm
from diplomodel import cli
from diplomodel._cli_io import Progress

SCRIPT = Path(sys.executable).parent / "diplomodel"


def interchange_ready():
    """Whether diplomodel.interchange is there with its four writers."""
    try:
        module = importlib.import_module("diplomodel.interchange")
    except ImportError:
        return False
    return all(hasattr(module, f) for f in ("to_ftm", "to_popolo", "to_jsonld", "to_ical"))


HAS_INTERCHANGE = interchange_ready()
COMMANDS = (
    "example",
    "validate",
    "convert",
    "describe",
    "anniversaries",
    "schema",
    "state",
    "org",
    "extract",
)


def run(*args, script=False):
    """Run the installed command, as `python -m diplomodel` or as the console script."""
    program = [str(SCRIPT)] if script else [sys.executable, "-m", "diplomodel"]
    return subprocess.run(  # noqa: S603 - our own installed command
        [*program, *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        timeout=60,
    )


def one_error_line(result, *fragments):
    """Check a run failed with status 2 and one clear error line, no traceback."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    first, *_ = result.stderr.splitlines()
    assert first.startswith("diplomodel: error: "), result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in first, (fragment, first)


def broken_meeting():
    """The example's meeting with a French participant: error DM106, on its own."""
    meeting = dm.load_example().meetings[0]
    stray = attrs.evolve(meeting.participants[0], delegation=dm.states.get("FR"))
    return attrs.evolve(meeting, participants=(stray, *meeting.participants[1:]))


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """The example saved, and broken copies of it."""
    root = tmp_path_factory.mktemp("cli")
    example = dm.load_example()
    example.save(root / "example.json")
    (root / "not-json.json").write_text('{"id": "x",', encoding="utf-8")
    data = json.loads((root / "example.json").read_text(encoding="utf-8"))
    data["meetings"][0]["ordinal"] = "29th"
    data["people"][0]["age"] = 60
    (root / "invalid.json").write_text(json.dumps(data), encoding="utf-8")
    meeting = broken_meeting()
    attrs.evolve(example, meetings=(meeting,)).save(root / "errors.json")
    good = dm.to_json(example.meetings[0], indent=None)
    bad = dm.to_json(meeting, indent=None)
    (root / "meetings.jsonl").write_text(
        f'{good}\n{{"id": "m"}}\n\n{bad}\nnot json\n', encoding="utf-8"
    )
    (root / "errors.jsonl").write_text(f"{good}\n{bad}\n", encoding="utf-8")
    return root


class TestEntryPoints:
    def test_console_script_version(self):
        """The `diplomodel` script next to the interpreter answers --version."""
        result = run("--version", script=True)
        assert (result.returncode, result.stdout) == (0, f"diplomodel {dm.__version__}\n")

    def test_help_lists_every_command(self):
        """`python -m diplomodel --help` names every subcommand and the exit statuses."""
        result = run("--help")
        assert result.returncode == 0
        for command in COMMANDS:
            assert command in result.stdout
        assert "Exit status" in result.stdout

    @pytest.mark.parametrize("command", COMMANDS)
    def test_each_command_has_help(self, command):
        """Every subcommand answers --help with its own usage line."""
        out = io.StringIO()
        assert cli.main([command, "--help"], out=out) == 0
        assert out.getvalue().startswith(f"usage: diplomodel {command}")

    def test_no_command_is_the_main_job(self):
        """The script with no subcommand runs the main job, ending with the report."""
        result = run(script=True)
        assert result.returncode == 0, result.stderr
        assert "Li Qiang" in result.stdout
        last = result.stdout.splitlines()[-1]
        assert last == f"Validation ({len(dm.DEFAULT_RULES)} rules): No findings."

    def test_unknown_command(self):
        """An unknown subcommand is a usage error on one line."""
        one_error_line(run("frobnicate"), "invalid choice: 'frobnicate'")


class TestExample:
    def test_localised_paragraph_and_anniversaries(self):
        """`example --locale ru` describes the example in Russian and lists coming anniversaries."""
        result = run("example", "--locale", "ru")
        assert result.returncode == 0, result.stderr
        assert "Ли Цян и Михаил Мишустин" in result.stdout
        assert "Coming anniversaries (after 2024-08-21, up to 2025-12-31):" in result.stdout
        assert "  2 октября 2024\u202fг.: 75-летие — Diplomatic ties: China–Russia" in result.stdout
        assert "Checks: 31 entities loaded" in result.stdout

    def test_on_moves_the_window(self):
        """--on replaces the latest meeting's day as the day after which anniversaries count."""
        out = io.StringIO()
        assert cli.main(["example", "--on", "2024-10-02", "--until", "2025-12-31"], out=out) == 0
        text = out.getvalue()
        assert "after 2024-10-02, up to 2025-12-31" in text
        assert "October 2, 2024" not in text
        assert "October 2, 2025: 76th anniversary" in text

    def test_bad_locale_and_date(self, capsys):
        """An unknown locale or a day that does not exist fails on one line with status 2."""
        assert cli.main(["example", "--locale", "xx"], out=io.StringIO()) == 2
        assert capsys.readouterr().err.startswith("diplomodel: error: unknown locale 'xx'")
        assert cli.main(["example", "--on", "2024-02-30"], out=io.StringIO()) == 2
        err = capsys.readouterr().err
        assert err.startswith("diplomodel: error: argument --on: 'day' must be from 1 to 29")
        assert len(err.splitlines()) == 1


class TestValidate:
    def test_valid_dossier(self, files):
        """A valid dossier file gives status 0 and says so."""
        result = run("validate", files / "example.json", script=True)
        assert (result.returncode, result.stdout) == (
            0,
            f"{files / 'example.json'}: No findings.\n",
        )

    def test_findings_of_severity_error(self, files):
        """A dossier whose report holds an error gives status 1 and lists the finding."""
        result = run("validate", files / "errors.json")
        assert result.returncode == 1
        assert "error DM106 $.meetings[0].participants[0].delegation" in result.stdout

    def test_unusable_inputs(self, files):
        """A missing file, bad JSON and invalid data each give status 2; the rest are checked."""
        names = ["missing.json", "not-json.json", "invalid.json", "example.json"]
        result = run("validate", *(files / n for n in names))
        assert result.returncode == 2
        err = result.stderr.splitlines()
        missing = f"{files / 'missing.json'}: cannot read file: No such file or directory"
        assert err[0] == f"diplomodel: error: {missing}"
        assert err[1].startswith(f"diplomodel: error: {files / 'not-json.json'}: not valid JSON")
        assert err[2] == f"diplomodel: error: 2 problems in {files / 'invalid.json'}"
        assert any("$.meetings[0].ordinal" in line for line in err[3:])
        assert "Traceback" not in result.stderr
        assert result.stdout == f"{files / 'example.json'}: No findings.\n"

    def test_jsonl_reports_every_bad_line(self, files):
        """JSON Lines records are checked one by one; every bad line is named, status 2."""
        result = run("validate", "--class", "Meeting", files / "meetings.jsonl")
        assert result.returncode == 2
        assert "line 4: error DM106" in result.stdout
        assert result.stderr.startswith("diplomodel: error: ")
        assert "line 2: " in result.stderr
        assert "line 5: not valid JSON" in result.stderr

    def test_json_output(self, files):
        """--json prints one object per file holding the Report's JSON, lines for JSON Lines."""
        result = run(
            "validate", "--json", "--class", "Meeting", files / "errors.jsonl", files / "none.jsonl"
        )
        assert result.returncode == 2
        first, second = (json.loads(line) for line in result.stdout.splitlines())
        assert first["source"] == str(files / "errors.jsonl")
        assert first["lines"] == [2]
        report = dm.Report.from_json(json.dumps(first["report"]))
        assert [f.code for f in report] == ["DM106"]
        assert "cannot read file" in second["problems"][0]

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["x.jsonl"], "give --class"),
            (["--class", "Nope", "x.json"], "unknown class 'Nope'"),
            (["--class", "Place", "x.json"], "not a Place"),
            (["x.txt"], "cannot tell the format"),
        ],
    )
    def test_usage_errors(self, capsys, args, message):
        """A missing or wrong class, or an unknown format, is one error line, status 2."""
        assert cli.main(["validate", *args], out=io.StringIO()) == 2
        err = capsys.readouterr().err
        assert message in err
        assert len(err.splitlines()) == 1


class TestConvert:
    def test_json_to_jsonl_and_back_is_lossless(self, files, tmp_path):
        """JSON -> JSON Lines directory -> JSON gives back the example, equal and validated."""
        directory, again = tmp_path / "example", tmp_path / "again.json"
        assert run("convert", files / "example.json", directory).returncode == 0
        assert sorted(p.name for p in directory.iterdir()) == sorted(
            ["dossier.json", *(f"{table}.jsonl" for table in cli_tables())]
        )
        first = (directory / "people.jsonl").read_text(encoding="utf-8").splitlines()[0]
        assert dm.from_json(first, dm.Person).id == "li-qiang"
        result = run("convert", directory, again, script=True)
        assert result.returncode == 0, result.stderr
        assert dm.Dossier.load(again) == dm.load_example()
        assert run("validate", directory).stdout == f"{directory}: No findings.\n"

    def test_bad_line_in_directory(self, tmp_path):
        """A bad line in a table file of a JSON Lines dossier is named with its file and line."""
        directory = tmp_path / "d"
        dm.load_example().save(tmp_path / "e.json")
        assert cli.main(["convert", str(tmp_path / "e.json"), str(directory)]) == 0
        with (directory / "people.jsonl").open("a", encoding="utf-8") as stream:
            stream.write('{"id": "x"}\n')
        result = run("convert", directory, tmp_path / "out.json")
        one_error_line(result, "people.jsonl", "line 5")
        assert not (tmp_path / "out.json").exists()

    def test_interchange_missing(self, files, monkeypatch, capsys):
        """Without diplomodel.interchange, --to ftm says what to install on one line, status 2."""
        monkeypatch.setitem(sys.modules, "diplomodel.interchange", None)  # as if not installed
        args = ["convert", str(files / "example.json"), "-", "--to", "ftm"]
        assert cli.main(args, out=io.StringIO()) == 2
        err = capsys.readouterr().err
        assert err.startswith("diplomodel: error: cannot convert to ftm:")
        assert err.endswith("install diplomodel[ftm]\n")
        assert len(err.splitlines()) == 1

    @pytest.mark.skipif(not HAS_INTERCHANGE, reason="diplomodel.interchange is not installed")
    def test_interchange_formats(self, files, tmp_path):
        """--to writes FtM as JSON Lines, Popolo and JSON-LD as JSON, iCalendar as text."""
        for target in ("ftm", "popolo", "jsonld", "ics"):
            result = run(
                "convert", files / "example.json", tmp_path / f"out.{target}", "--to", target
            )
            if result.returncode == 2 and "diplomodel[" in result.stderr:
                continue  # the format's optional dependency is missing: the clear error
            assert result.returncode == 0, result.stderr
        ftm = tmp_path / "out.ftm"
        if ftm.exists():
            for line in ftm.read_text(encoding="utf-8").splitlines():
                json.loads(line)


def cli_tables():
    """The table names of the JSON Lines form of a dossier."""
    return [f.name for f in attrs.fields(dm.Dossier) if not f.name.startswith("_")][2:]


class TestDescribe:
    def test_dossier_and_entity(self, files):
        """describe prints the dossier's paragraph, or an entity's in the locale."""
        result = run("describe", files / "example.json")
        assert result.returncode == 0
        assert result.stdout.startswith("The dossier holds 1 meeting")
        result = run(
            "describe",
            files / "example.json",
            "--id",
            "cn-ru-heads-of-government-29",
            "--locale",
            "zh",
        )
        assert result.stdout.startswith("2024年8月21日，在莫斯科，李强和米哈伊尔·米舒斯京")

    def test_unknown_and_undescribable_ids(self, files, capsys):
        """An unknown id, or the id of a person, is one error line with status 2."""
        path = str(files / "example.json")
        assert cli.main(["describe", path, "--id", "nobody"], out=io.StringIO()) == 2
        assert "no entity has the id 'nobody'" in capsys.readouterr().err
        assert cli.main(["describe", path, "--id", "li-qiang"], out=io.StringIO()) == 2
        assert "nothing about a Person" in capsys.readouterr().err


class TestAnniversaries:
    def test_since(self):
        """--since with --on counts whole years; --year and a window name them in the locale."""
        assert run("anniversaries", "--since", "1949-10-02", "--on", "2024-08-21").stdout == "74\n"
        out = io.StringIO()
        assert cli.main(["anniversaries", "--since", "1949-10-02", "--year", "2024",
                         "--locale", "ru"], out=out) == 0  # fmt: skip
        assert out.getvalue() == "2 октября 2024\u202fг.: 75-летие\n"
        out = io.StringIO()
        args = ["--since", "2 October 1949", "--from", "2019", "--to", "2030", "--jubilee"]
        assert cli.main(["anniversaries", *args, "--locale", "zh"], out=out) == 0
        assert out.getvalue().splitlines() == [
            "2019年10月2日: 70周年",
            "2024年10月2日: 75周年",
            "2029年10月2日: 80周年",
        ]

    def test_dossier_window(self, files):
        """With a dossier FILE, the anniversaries of its ties and series in the window."""
        result = run("anniversaries", files / "example.json", "--from", "2024-09", "--to", "2025")
        assert result.returncode == 0
        series = "Regular meetings of the Chinese and Russian heads of government"
        assert result.stdout.splitlines() == [
            f"2024: 28th anniversary — {series}",
            "October 2, 2024: 75th anniversary — Diplomatic ties: China–Russia",
            f"2025: 29th anniversary — {series}",
            "October 2, 2025: 76th anniversary — Diplomatic ties: China–Russia",
        ]

    def test_bad_input(self):
        """A bad date is one error line naming the argument, status 2."""
        one_error_line(run("anniversaries", "--since", "1949-13", "--year", "2000"), "--since")

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--year", "2000"], "give either --since DATE or a dossier FILE"),
            (["--since", "1949"], "give one of --on, --year"),
            (["--since", "1949", "--on", "2000-01-01", "--year", "2000"], "give one of"),
            (["--since", "1949", "--year", "2000", "--jubilee"], "--jubilee goes with"),
            (["--since", "1949", "--from", "2000"], "give both --from and --to"),
            (["--since", "1949", "--from", "2001", "--to", "2000"], "is before --from"),
            (["--since", "1949", "--year", "1900"], "'year'"),
            (["--since", "1949", "--year", "2000", "--locale", "xx"], "unknown locale"),
            (["--since", "1949-10-02", "--on", "21 Augustus 2024"], "--on"),
        ],
    )
    def test_usage_errors(self, capsys, args, message):
        """Missing, clashing or impossible options fail on one line with status 2."""
        assert cli.main(["anniversaries", *args], out=io.StringIO()) == 2
        err = capsys.readouterr().err
        assert message in err
        assert len(err.splitlines()) == 1


class TestSchema:
    def test_default_is_the_dossier_file(self):
        """schema prints the JSON Schema of a dossier file, with its header."""
        result = run("schema")
        assert result.returncode == 0
        schema = json.loads(result.stdout)
        assert schema == dm.json_schema(dm.Dossier, envelope="dossier")

    def test_named_and_unknown_class(self, capsys):
        """A public class's schema is printed; an unknown or unsuitable name is one error line."""
        out = io.StringIO()
        assert cli.main(["schema", "Meeting"], out=out) == 0
        assert json.loads(out.getvalue()) == dm.json_schema(dm.Meeting)
        assert cli.main(["schema", "Nope"], out=io.StringIO()) == 2
        assert "unknown class 'Nope'" in capsys.readouterr().err
        assert cli.main(["schema", "DataError"], out=io.StringIO()) == 2
        assert "DataError has no JSON form" in capsys.readouterr().err


class TestState:
    def test_current_state(self):
        """A name in Russian resolves to Russia, with codes and names in six languages."""
        result = run("state", "Россия", script=True)
        assert result.returncode == 0
        lines = result.stdout.splitlines()
        for expected in ["code:", "RU", "RUS", "643", "Russie", "俄罗斯", "روسيا", "current"]:
            assert any(expected in line for line in lines), expected

    def test_historical_state(self):
        """A historical state shows its status and successor; words need no quotes."""
        out = io.StringIO()
        assert cli.main(["state", "Soviet", "Union"], out=out) == 0
        text = out.getvalue()
        assert "historical (SUHH, code withdrawn 1992-08-30)" in text
        assert "successor:" in text
        assert "Russia (RU)" in text

    def test_unknown_state(self):
        """An unknown state is one error line with status 2."""
        one_error_line(run("state", "Atlantis"), "no state is known as 'Atlantis'")


class TestErrorsAndOutput:
    def test_debug_shows_the_traceback(self, files):
        """--debug lets the error's traceback through, for bug reports."""
        result = run("--debug", "describe", files / "missing.json")
        assert result.returncode == 1
        assert "Traceback" in result.stderr
        assert "DataError" in result.stderr

    def test_debug_after_the_command(self, files):
        """--debug may follow the subcommand too."""
        with pytest.raises(dm.DataError):
            cli.main(["describe", str(files / "missing.json"), "--debug"], out=io.StringIO())

    def test_bug_is_reported_in_one_line(self, monkeypatch, capsys):
        """An unexpected exception is one line and status 70, unless --debug."""

        def broken():
            raise ZeroDivisionError("boom")

        monkeypatch.setattr(cli, "load_example", broken)
        assert cli.main([], out=io.StringIO()) == 70
        assert capsys.readouterr().err == (
            "diplomodel: error: internal error ZeroDivisionError: boom "
            "(a bug in diplomodel: run again with --debug and report the traceback)\n"
        )

    def test_pipe_output_is_plain(self, tmp_path):
        """Output to a pipe has no escape codes and no progress bar."""
        big = tmp_path / "big.jsonl"
        line = dm.to_json(dm.load_example().meetings[0], indent=None)
        big.write_text((line + "\n") * 50, encoding="utf-8")
        result = run("validate", "--class", "Meeting", big)
        assert result.returncode == 0
        assert "\x1b" not in result.stdout + result.stderr
        assert "\r" not in result.stderr


class _Terminal(io.StringIO):
    def isatty(self):
        return True


class TestProgress:
    def test_draws_on_a_terminal_and_erases(self):
        """On a terminal the bar is drawn once the delay has passed, and erased at the end."""
        stream = _Terminal()
        progress = Progress(stream, "reading", 200, delay=0)
        progress.update(100)
        assert stream.getvalue() == "\rreading [###############---------------]  50%"
        progress.close()
        assert stream.getvalue().endswith("\r\x1b[K")

    def test_silent_elsewhere_and_before_the_delay(self):
        """Nothing is drawn on a non-terminal, nor on a terminal before the delay."""
        plain = io.StringIO()
        Progress(plain, "reading", 10, delay=0).update(5)
        terminal = _Terminal()
        progress = Progress(terminal, "reading", 10, delay=60)
        progress.update(5)
        progress.close()
        assert plain.getvalue() == terminal.getvalue() == ""


class TestInterchangeHints:
    def test_missing_dependency_names_its_own_extra(self, monkeypatch, capsys, tmp_path):
        """A missing optional package is named with the extra that installs it."""
        from diplomodel import interchange

        def missing(_dossier):
            raise ImportError("to_ical() needs 'icalendar': pip install 'diplomodel[ical]'")

        monkeypatch.setattr(interchange, "to_ical", missing)
        path = tmp_path / "d.json"
        dm.load_example().save(path)
        assert cli.main(["convert", str(path), "-", "--to", "ics"], out=io.StringIO()) == 2
        err = capsys.readouterr().err
        assert err == (
            "diplomodel: error: cannot convert to ics: "
            "to_ical() needs 'icalendar': pip install 'diplomodel[ical]'\n"
        )
