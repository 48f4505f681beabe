"""The command-line reference, written from the ``diplomodel`` command's own parser.

`cli_reference` walks the parser that ``diplomodel.cli._build_parser`` returns
(the one the command runs with): every subcommand with its summary,
description and usage, and every argument and option with its choices,
default and help. The exit statuses are the "Exit status" paragraph of the
command's module documentation. Nothing is typed twice, so the page cannot
drift from the command.

>>> page = cli_reference()
>>> "## `diplomodel validate`" in page and "`--locale L`" in page
True
"""

# ruff: noqa: INP001 - docs/hooks holds build scripts, not a package

from __future__ import annotations

import argparse
import io
import re
from collections.abc import Iterator

from diplomodel import cli


def _parser() -> argparse.ArgumentParser:
    return cli._build_parser(io.StringIO())  # noqa: SLF001 - the command's own parser


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _name(action: argparse.Action) -> str:
    if action.option_strings:
        forms = ", ".join(action.option_strings)
        if action.nargs == 0:
            return f"`{forms}`"
        metavar = action.metavar or (
            "{" + ",".join(map(str, action.choices)) + "}"
            if action.choices
            else action.dest.upper()
        )
        return f"`{forms} {metavar}`"
    metavar = action.metavar or action.dest
    if action.nargs == "+":
        return f"`{metavar}...`"
    if action.nargs == "?":
        return f"`[{metavar}]`"
    return f"`{metavar}`"


def _sentence(text: str) -> str:
    text = _cell(text)
    if not text:
        return ""
    return text[0].upper() + text[1:] + ("" if text.endswith((".", ")")) else ".")


def _meaning(action: argparse.Action) -> str:
    parts = [_sentence(action.help or "")]
    if action.choices and not isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
        parts.append("One of " + ", ".join(f"`{c}`" for c in action.choices) + ".")
    shown_default = action.default not in (None, False, argparse.SUPPRESS) and not isinstance(
        action,
        argparse._VersionAction,  # noqa: SLF001
    )
    said = action.help or ""
    if shown_default and "default" not in said and f"({action.default})" not in said:
        parts.append(f"Default: `{action.default}`.")
    if action.required and action.option_strings:
        parts.append("Required.")
    return " ".join(p for p in parts if p)


def _arguments(parser: argparse.ArgumentParser) -> Iterator[str]:
    rows = [
        a
        for a in parser._actions  # noqa: SLF001 - argparse keeps them there
        if a.help != argparse.SUPPRESS and not isinstance(a, argparse._SubParsersAction)  # noqa: SLF001
    ]
    if not rows:
        return
    yield "| Argument or option | Meaning |"
    yield "| --- | --- |"
    for action in rows:
        yield f"| {_name(action)} | {_meaning(action)} |"


def _usage(parser: argparse.ArgumentParser) -> str:
    usage = " ".join(parser.format_usage().split())
    return usage.removeprefix("usage: ")


def subcommands(
    parser: argparse.ArgumentParser | None = None,
) -> dict[str, argparse.ArgumentParser]:
    """The parser of each subcommand, by name, in the order ``--help`` lists them."""
    parser = parser or _parser()
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return dict(action.choices)
    return {}


def _summaries(parser: argparse.ArgumentParser) -> dict[str, str]:
    for action in parser._actions:  # noqa: SLF001
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            return {a.dest: a.help or "" for a in action._choices_actions}  # noqa: SLF001
    return {}


def exit_statuses() -> str:
    """The "Exit status" paragraph of the command's documentation, as Markdown."""
    doc = cli.__doc__ or ""
    found = re.search(r"^Exit status:.*?(?=\n\s*\n|\Z)", doc, re.MULTILINE | re.DOTALL)
    return " ".join(found.group(0).split()) if found else ""


def cli_reference() -> str:
    """The command-line reference page's body, as Markdown.

    Returns:
        Sections for the command itself, each subcommand and the exit statuses.
    """
    parser = _parser()
    out = [
        _cell(parser.description or ""),
        "",
        "```text",
        _usage(parser),
        "```",
        "",
        *_arguments(parser),
        "",
        "| Command | What it does |",
        "| --- | --- |",
    ]
    summaries = _summaries(parser)
    commands = subcommands(parser)
    out += [f"| [`{name}`](#{name}) | {_sentence(summaries.get(name, ''))} |" for name in commands]
    for name, sub in commands.items():
        out += [
            "",
            f"## `diplomodel {name}` {{#{name}}}",
            "",
            _cell(sub.description or summaries.get(name, "")),
            "",
            "```text",
            _usage(sub),
            "```",
            "",
            *_arguments(sub),
        ]
    out += ["", "## Exit status {#exit-status}", "", exit_statuses(), ""]
    if parser.epilog:
        out += [f"`diplomodel --help` sums it up: {_cell(parser.epilog)}", ""]
    return "\n".join(out)
