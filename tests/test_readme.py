"""The README's examples run, and its commands are the ones CI runs."""

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(language):
    return re.findall(rf"```{language}\n(.*?)```", README, flags=re.DOTALL)


class TestReadme:
    def test_python_examples_run(self, capsys):
        """Each python block runs, and the printed values match the comments."""
        (code,) = blocks("python")
        exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - our own README
        printed = capsys.readouterr().out.splitlines()
        assert printed[0] == "俄罗斯 2024-08-21"
        assert printed[1] == "comprehensive strategic partnership of coordination for a new era"

    @pytest.mark.parametrize("block", blocks("pycon"))
    def test_console_examples(self, block):
        """Each interactive example gives the output shown."""
        test = doctest.DocTestParser().get_doctest(
            block, {"dm": __import__("diplomodel")}, "README", "README.md", 0
        )
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test)
        assert runner.summarize(verbose=False).failed == 0

    def test_exactly_two_setup_commands(self):
        """The README gives one command for the main job and one for the tests."""
        commands = blocks("sh")
        assert len(commands) == 2
        assert all(c.count("\n") == 1 for c in commands)
        assert commands[0].strip().endswith("python -m diplomodel")
        assert commands[1].strip().endswith("python -m pytest -n auto --dist loadfile")

    def test_ci_runs_the_readme_test_command(self):
        """.ci/run executes the README's test command verbatim."""
        test_command = blocks("sh")[1].strip()
        assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
