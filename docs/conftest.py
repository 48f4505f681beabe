"""Run every code example of the documentation as a test, with Sybil.

- A ``python`` fence is executed; the blocks of one page share a namespace,
  so a page reads as one program (the tutorial builds on itself).
- A ``pycon`` fence (or a ``python`` fence that starts with ``>>>``) is a
  doctest: its output must match what is shown.
- ``sh``, ``json`` and ``text`` fences are not run.
- ``<!-- skip: next -->`` before a block skips it (none does today).

Each page runs in a fresh temporary directory, so examples may write files
with relative names.
"""

from __future__ import annotations

import doctest
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sybil import Document, Region, Sybil
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.parsers.abstract.doctest import DocTestStringParser
from sybil.parsers.markdown import CodeBlockParser, PythonCodeBlockParser, SkipParser

# Not a test module: mkdocs loads it as a griffe extension.
collect_ignore = ["griffe_extensions.py"]

OPTIONFLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


class PyconParser:
    """Read ``pycon`` fences as doctests (Sybil's Python parser reads only ``python``)."""

    def __init__(self, optionflags: int) -> None:
        self._blocks = CodeBlockParser("pycon")
        self._doctests = DocTestStringParser(DocTestEvaluator(optionflags))

    def __call__(self, document: Document) -> Iterator[Region]:
        """Each doctest example of each ``pycon`` fence of the document."""
        for block in self._blocks(document):
            source = block.parsed
            for region in self._doctests(source, document.path):
                region.adjust(block, source)
                yield region


def _enter_temporary_directory(namespace: dict[str, Any]) -> None:
    namespace["_docs_cwd"] = Path.cwd()
    namespace["_docs_tmp"] = tempfile.mkdtemp(prefix="diplomodel-docs-")
    os.chdir(namespace["_docs_tmp"])


def _leave_temporary_directory(namespace: dict[str, Any]) -> None:
    os.chdir(namespace.pop("_docs_cwd"))
    shutil.rmtree(namespace.pop("_docs_tmp"), ignore_errors=True)


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=OPTIONFLAGS),
        PyconParser(OPTIONFLAGS),
        SkipParser(),
    ],
    patterns=["*.md"],
    setup=_enter_temporary_directory,
    teardown=_leave_temporary_directory,
).pytest()
