"""`diplomodel convert` to and from a Parquet dataset."""

import io
import subprocess
import sys

import pytest

pytest.importorskip("pyarrow")

import diplomodel as dm
from diplomodel import cli

EXAMPLE = dm.load_example()


def run(*args):
    """Run the installed command as `python -m diplomodel`."""
    return subprocess.run(  # noqa: S603 - our own installed command
        [sys.executable, "-m", "diplomodel", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        timeout=120,
    )


class TestConvertParquet:
    def test_json_to_parquet_and_back(self, tmp_path):
        """JSON -> Parquet dataset -> JSON Lines -> JSON gives back the example."""
        EXAMPLE.save(tmp_path / "example.json")
        dataset = tmp_path / "parquet"
        result = run("convert", tmp_path / "example.json", dataset, "--to", "parquet")
        assert result.returncode == 0, result.stderr
        assert (dataset / "_diplomodel.json").is_file()
        assert (dataset / "meetings" / "year=2024" / "part-0.parquet").is_file()
        assert dm.read_parquet(dataset) == EXAMPLE
        assert cli.main(["convert", str(dataset), str(tmp_path / "lines")]) == 0
        assert dm.Dossier.load(tmp_path / "lines") == EXAMPLE
        assert cli.main(["convert", str(dataset), str(tmp_path / "back.json")]) == 0
        assert dm.Dossier.load(tmp_path / "back.json") == EXAMPLE

    def test_not_to_standard_output(self, tmp_path, capsys):
        """A Parquet dataset is a directory: '-' is refused with one line."""
        EXAMPLE.save(tmp_path / "example.json")
        args = ["convert", str(tmp_path / "example.json"), "-", "--to", "parquet"]
        assert cli.main(args, out=io.StringIO()) == 2
        err = capsys.readouterr().err
        assert (
            err == "diplomodel: error: a dossier in Parquet is a directory: give its name, not -\n"
        )

    def test_bad_dataset_is_named(self, tmp_path, capsys):
        """A dataset of a newer version is a clear error, no traceback."""
        dataset = tmp_path / "parquet"
        dm.write_parquet(EXAMPLE, dataset)
        manifest = dataset / "_diplomodel.json"
        manifest.write_text(manifest.read_text("utf-8").replace('"2.0"', '"9.0"'), "utf-8")
        assert cli.main(["convert", str(dataset), str(tmp_path / "out.json")]) == 2
        err = capsys.readouterr().err
        assert "format version 9.0 is newer" in err
        assert "Traceback" not in err
        assert not (tmp_path / "out.json").exists()

    def test_missing_pyarrow(self, tmp_path, monkeypatch, capsys):
        """Without pyarrow, --to parquet names the extra to install."""
        EXAMPLE.save(tmp_path / "example.json")
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        monkeypatch.delitem(sys.modules, "diplomodel.arrow._parquet", raising=False)
        args = ["convert", str(tmp_path / "example.json"), str(tmp_path / "p"), "--to", "parquet"]
        assert cli.main(args) == 2
        err = capsys.readouterr().err
        assert err.startswith("diplomodel: error: cannot read or write Parquet:")
        assert "diplomodel[arrow]" in err
