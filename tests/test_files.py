"""Paths and files: what loaders refuse, and how atomic writes treat the file system."""

import contextlib
import io
import os
import signal
import stat
import subprocess
import sys

import pytest

import diplomodel as dm

EXAMPLE = dm.load_example()

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, devices and modes")


@contextlib.contextmanager
def no_hang(seconds=5):
    """Fail (instead of hanging the suite) if the block blocks for `seconds`."""

    def expire(*_):
        raise TimeoutError("blocked")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _read_dossier(path):
    return dm.Dossier.load(path)


def _read_jsonl(path):
    return list(dm.iter_jsonl(path, dm.Person))


def _read_with_reader(path):
    with dm.JsonlReader(path, dm.Person, errors="collect") as reader:
        return list(reader)


LOADERS = [_read_dossier, _read_jsonl, _read_with_reader]


@pytest.mark.parametrize("load", LOADERS)
class TestPathsLoadersRefuse:
    @pytest.mark.parametrize(
        ("path", "message"),
        [
            (None, "expected a str or os.PathLike path, got NoneType"),
            (b"people.jsonl", "expected a str or os.PathLike path, got bytes"),
            (3, "expected a str or os.PathLike path, got int"),
            ("a\0b.jsonl", "the path contains a NUL character"),
            ("a\ud800.jsonl", "the path cannot be a file name: surrogates not allowed"),
        ],
    )
    def test_unusable_paths(self, load, path, message):
        """A path of the wrong type or with a NUL character is a DataError, not a TypeError."""
        with pytest.raises(dm.DataError) as caught:
            load(path)
        assert caught.value.problems[0].message == message

    def test_missing_file(self, load, tmp_path):
        """A missing file is a DataError naming it."""
        with pytest.raises(dm.DataError, match="No such file") as caught:
            load(tmp_path / "missing.jsonl")
        assert caught.value.source == str(tmp_path / "missing.jsonl")

    @posix_only
    def test_fifo_is_refused_without_blocking(self, load, tmp_path):
        """A FIFO is refused before it is opened: nothing waits for a writer."""
        fifo = tmp_path / "pipe.json"
        os.mkfifo(fifo)
        with no_hang(), pytest.raises(dm.DataError, match="a FIFO"):
            load(fifo)


DEVICE_SCRIPT = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))  # a regression fails fast
import diplomodel as dm
for load in (
    dm.Dossier.load,
    lambda p: list(dm.iter_jsonl(p, dm.Person)),
    lambda p: list(dm.JsonlReader(p, dm.Person, errors="collect")),
):
    try:
        load("/dev/zero")
    except dm.DataError as error:
        print(error.problems[0].message)
    except BaseException as error:
        print(type(error).__name__)
from diplomodel import cli
print(cli.main(["validate", "--class", "Meeting", "--format", "jsonl", "/dev/zero"]))
"""


@posix_only
def test_device_is_refused():
    """/dev/zero, which never ends, is refused by the loaders and the command before any read.

    In a child process with a time and memory limit, so that a regression fails, not hangs.
    """
    result = subprocess.run(  # noqa: S603 - this interpreter
        [sys.executable, "-c", DEVICE_SCRIPT],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    refused = "cannot read file: it is a device, not a regular file"
    assert result.stdout.splitlines() == [refused] * 3 + ["2"]
    assert result.stderr == f"diplomodel: error: /dev/zero: {refused}\n"


class TestOddSources:
    def test_bytearray_is_not_a_stream(self):
        """A bytearray is a path of the wrong type, not an iterable of lines."""
        with pytest.raises(dm.DataError, match="got bytearray"):
            dm.iter_jsonl(bytearray(b"x.jsonl"), dm.Person)

    @pytest.mark.parametrize("errors", ["raise", "collect"])
    def test_iterable_of_non_text(self, errors):
        """An iterable yielding something other than text gives a DataError for that line."""
        reader = dm.iter_jsonl(['"2024"', 7], dm.PartialDate, errors=errors)
        if errors == "raise":
            with pytest.raises(dm.DataError, match="expected a line of text, got int"):
                list(reader)
        else:
            assert len(list(reader)) == 1
            assert [p.line for p in reader.problems] == [2]


class TestDirectories:
    def test_jsonl_reader_refuses_a_directory(self, tmp_path):
        """A directory where a file of records is expected is a DataError."""
        with pytest.raises(dm.DataError, match="a directory, not a regular file"):
            dm.iter_jsonl(tmp_path, dm.Person)

    def test_dossier_directory_without_header(self, tmp_path):
        """A directory that is not a dossier's JSON Lines form is a DataError."""
        with pytest.raises(dm.DataError, match=r"dossier\.json"):
            dm.Dossier.load(tmp_path)


class TestBadTextStreams:
    @pytest.mark.parametrize("errors", ["raise", "collect"])
    def test_bad_utf8_under_a_text_stream(self, errors):
        """Bytes that are not UTF-8 under a text stream give a DataError with the line."""
        raw = b'{"id": "a", "name": "A"}\n{"id": "b", "name": "\xff"}\n'
        stream = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
        reader = dm.iter_jsonl(stream, dm.Person, errors=errors)
        with pytest.raises(dm.DataError, match="not valid UTF-8") as caught:
            list(reader)
        assert caught.value.problems[-1].line == 2

    def test_bad_utf8_after_many_lines(self):
        """The line is right when the bad bytes come in a later chunk of the stream."""
        good = b'{"id": "a", "name": "A"}\n' * 1000
        stream = io.TextIOWrapper(io.BytesIO(good + b"\xc3\n"), encoding="utf-8")
        with pytest.raises(dm.DataError) as caught:
            list(dm.iter_jsonl(stream, dm.Person))
        assert caught.value.problems[-1].line == 1001

    def test_bad_utf8_in_a_binary_file_is_collected(self, tmp_path):
        """In a file read as bytes, a bad line is one collected problem among the good lines."""
        path = tmp_path / "p.jsonl"
        path.write_bytes(b'{"id": "a", "name": "A"}\n"\xff"\n{"id": "b", "name": "B"}\n')
        reader = dm.iter_jsonl(path, dm.Person, errors="collect")
        assert [p.id for p in reader] == ["a", "b"]
        assert [p.line for p in reader.problems] == [2]


def _temporaries(directory):
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


WRITERS = {
    "save": EXAMPLE.save,
    "write_jsonl": lambda path: dm.write_jsonl(path, EXAMPLE.people),
}


@posix_only
@pytest.mark.parametrize("write", WRITERS.values(), ids=WRITERS.keys())
class TestAtomicWrites:
    def test_existing_mode_is_kept(self, write, tmp_path):
        """Replacing a 0644 (or 0640) file keeps its mode."""
        for mode in (0o644, 0o640):
            path = tmp_path / f"out-{mode:o}.json"
            path.write_text("old")
            path.chmod(mode)
            write(path)
            assert stat.S_IMODE(path.stat().st_mode) == mode

    @pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
    def test_new_file_honours_the_umask(self, write, tmp_path, umask):
        """A new file gets 0o666 less the umask, as open() would give it."""
        previous = os.umask(umask)
        try:
            write(tmp_path / "new.json")
        finally:
            os.umask(previous)
        assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o666 & ~umask

    def test_symlink_is_written_through(self, write, tmp_path):
        """A symlink stays a symlink; its target gets the new content."""
        target = tmp_path / "real.json"
        target.write_text("old")
        link = tmp_path / "link.json"
        link.symlink_to(target)
        write(link)
        assert link.is_symlink()
        assert target.read_text() != "old"
        assert _temporaries(tmp_path) == []

    def test_errors_name_the_target(self, write, tmp_path):
        """An error names the file the caller gave, not the temporary file."""
        path = tmp_path / "no-such-directory" / "out.json"
        with pytest.raises(FileNotFoundError) as caught:
            write(path)
        assert caught.value.filename == str(path)


@posix_only
class TestTemporaryFile:
    def test_name_is_recognisable(self, tmp_path):
        """While writing, the temporary file is '.<name>.<8 hex>.tmp' beside the target."""
        with dm.atomic_writer(tmp_path / "out.json") as stream:
            stream.write("x")
            (name,) = _temporaries(tmp_path)
        assert name.startswith(".out.json.")
        assert len(name) == len(".out.json.") + 8 + len(".tmp")
        assert _temporaries(tmp_path) == []

    @pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
    def test_removed_on_exceptions(self, tmp_path, error):
        """An exception, or Ctrl-C, in the middle removes the temporary file; the old one stays."""
        path = tmp_path / "people.jsonl"
        path.write_text("old")

        def records():
            yield EXAMPLE.people[0]
            raise error

        with pytest.raises(error):
            dm.write_jsonl(path, records())
        assert path.read_text() == "old"
        assert _temporaries(tmp_path) == []

    def test_removed_when_the_writer_is_closed_early(self, tmp_path):
        """A writer left unfinished and then closed removes its temporary file."""
        writer = dm.atomic_writer(tmp_path / "out.json")
        writer.__enter__().write("partial")
        assert len(_temporaries(tmp_path)) == 1
        writer.gen.close()
        assert list(tmp_path.iterdir()) == []

    def test_a_directory_is_not_replaced(self, tmp_path):
        """A directory at the target of write_jsonl is refused, never replaced by a file."""
        with pytest.raises(IsADirectoryError) as caught:
            dm.write_jsonl(tmp_path, [])
        assert caught.value.filename == str(tmp_path)

    def test_a_device_is_not_replaced(self):
        """A device at the target (/dev/null) is refused, never replaced by a file."""
        with pytest.raises(OSError, match="not a regular file") as caught:
            dm.write_jsonl("/dev/null", [])
        assert caught.value.filename == "/dev/null"

    def test_unusable_path(self):
        """A path of the wrong type, or no file name, is a DataError before anything is created."""
        with pytest.raises(dm.DataError, match="got NoneType"):
            dm.write_jsonl(None, [])
        with pytest.raises(dm.DataError, match="cannot be a file name"):
            EXAMPLE.save("x\ud800.json")
