"""Progress of the long steps of `diplomodel validate` and `convert` (issue 17 item 7).

On a terminal, or with ``--progress``, each step (reading, validating,
writing) is shown on standard error with its time; otherwise nothing is, so
piped output stays plain. Standard output and exit statuses never change.
"""

import io
import re

import pytest

import diplomodel as dm
from diplomodel import cli
from diplomodel._cli_io import Steps


class _Terminal(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def example_file(tmp_path):
    """The bundled example as a dossier file."""
    path = tmp_path / "example.json"
    dm.load_example().save(path)
    return path


def _run(monkeypatch, stderr, *argv):
    """Run the command with `stderr` as standard error; (status, stdout, stderr)."""
    monkeypatch.setattr("sys.stderr", stderr)
    out = io.StringIO()
    status = cli.main([*map(str, argv)], out=out)
    return status, out.getvalue(), stderr.getvalue()


class TestValidate:
    def test_asked_for(self, monkeypatch, example_file):
        """--progress shows reading and validating, each with its time, a line each."""
        status, out, err = _run(monkeypatch, io.StringIO(), "validate", "--progress", example_file)
        lines = err.splitlines()
        assert [re.sub(r"[\d.]+ s$", "T s", line) for line in lines] == [
            f"reading {example_file}: T s",
            f"validating {example_file} ({len(dm.load_example())} entities): T s",
        ]
        plain_status, plain_out, _ = _run(monkeypatch, io.StringIO(), "validate", example_file)
        assert (status, out) == (plain_status, plain_out)

    def test_silent_in_a_pipe(self, monkeypatch, example_file):
        """Without --progress and without a terminal, standard error stays empty."""
        _, _, err = _run(monkeypatch, io.StringIO(), "validate", example_file)
        assert err == ""

    def test_terminal(self, monkeypatch, example_file):
        """On a terminal the steps share one line, which is erased at the end."""
        _, out, err = _run(monkeypatch, _Terminal(), "validate", example_file)
        assert f"\r\x1b[Kreading {example_file} ..." in err
        assert f"\r\x1b[Kvalidating {example_file} (" in err
        assert err.endswith("\r\x1b[K")
        assert "\n" not in err
        assert out.startswith(f"{example_file}: ")

    def test_records_and_single_entities(self, monkeypatch, tmp_path):
        """A file of one entity and a JSON Lines file of records have their steps too."""
        meeting = dm.load_example().meetings[0]
        single = tmp_path / "meeting.json"
        single.write_text(dm.to_json(meeting), encoding="utf-8")
        lines = tmp_path / "meetings.jsonl"
        dm.write_jsonl(lines, [meeting, meeting])
        _, _, err = _run(
            monkeypatch, io.StringIO(), "validate", "--progress", "--class", "Meeting", single
        )
        assert f"validating {single} (Meeting): " in err
        _, _, err = _run(
            monkeypatch, io.StringIO(), "validate", "--progress", "--class", "Meeting", lines
        )
        assert f"reading and validating the records of {lines}: " in err

    def test_unusable_input(self, monkeypatch, tmp_path):
        """A file that cannot be read ends its step without a time; the error is as before."""
        broken = tmp_path / "broken.json"
        broken.write_text("{", encoding="utf-8")
        status, _, err = _run(monkeypatch, _Terminal(), "validate", broken)
        assert status == 2
        assert "diplomodel: error: " in err
        assert f"reading {broken}:" not in err


class TestConvert:
    def test_asked_for(self, monkeypatch, example_file, tmp_path):
        """--progress shows reading and writing, with the number of entities and the format."""
        target = tmp_path / "out"
        status, _, err = _run(
            monkeypatch, io.StringIO(), "convert", "--progress", example_file, target
        )
        assert status == 0
        entities = len(dm.load_example())
        assert [re.sub(r"[\d.]+ s$", "T s", line) for line in err.splitlines()] == [
            f"reading {example_file}: T s",
            f"writing {target} ({entities} entities, jsonl): T s",
        ]
        assert dm.Dossier.load(target) == dm.load_example()

    def test_silent_in_a_pipe(self, monkeypatch, example_file, tmp_path):
        """Without --progress and without a terminal, nothing is shown."""
        _, _, err = _run(monkeypatch, io.StringIO(), "convert", example_file, tmp_path / "o.json")
        assert err == ""


class TestSteps:
    def test_disabled(self):
        """A stream that is no terminal, not asked: nothing written, the block still runs."""
        stream = io.StringIO()
        steps = Steps(stream)
        ran = []
        with steps.step("working"):
            ran.append(1)
        steps.close()
        assert (ran, stream.getvalue(), steps.enabled) == ([1], "", False)

    def test_close_without_a_step(self):
        """Closing before any step writes nothing, even on a terminal."""
        stream = _Terminal()
        Steps(stream).close()
        assert stream.getvalue() == ""
