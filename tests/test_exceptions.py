"""The exception rule, checked on the source: deliberate raises derive from DiplomodelError.

Public functions raise `DiplomodelError` subclasses (which are also the
natural built-in: `DataError` a `ValueError`, `UnknownIdError` a `KeyError`,
`ArgumentTypeError` a `TypeError` ...), never a bare built-in. Three places
may raise bare built-ins, because what they raise never reaches a caller as
such (see `diplomodel.errors`):

- attrs validators, which attrs expects to raise `TypeError`/`ValueError` and
  which loaders turn into `DataError` problems;
- the converter's hooks (`_hooks`), whose errors cattrs collects for the
  loader to report as one `DataError`;
- the private parsers whose every caller turns their errors into a
  `DataError` (`_parse`, and the `json.loads` hooks of `serialization`).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import diplomodel as dm

SOURCE = Path(dm.__file__).parent
BARE = {"ValueError", "TypeError", "KeyError", "LookupError", "IndexError", "Exception"}
INTERNAL: dict[str, set[str] | None] = {
    "_hooks.py": None,  # every function: converter hooks, collected by cattrs
    "_parse.py": None,  # every function: parse_date reports its errors as DataError
    "_jsontext.py": None,  # json.loads hooks: parse_json reports their errors as DataError
    "dates.py": {"_read_date", "_check_weekday"},  # parse_date reports them as DataError
    "_states_data.py": {"_str_list", "_from_record"},  # the data loader collects them
    "organizations/_load.py": {"_membership"},  # the data loader collects them
    "_actor_hooks.py": None,  # a converter hook, collected by cattrs like those of _hooks
    "_validators.py": None,  # validator factories and the helpers their checks call
    "arrow/_convert.py": {"_structure_date"},  # a converter hook, collected like _hooks'
}
PENDING: set[str] = {
    # In files other engineers are restructuring; each should become an
    # InvalidArgumentError / ArgumentTypeError when they land (see the report).
}


def _is_validator(function: ast.FunctionDef) -> bool:
    """An attrs validator: decorated ``@x.validator``, or shaped ``(inst, attribute, value)``."""
    for decorator in function.decorator_list:
        if isinstance(decorator, ast.Attribute) and decorator.attr == "validator":
            return True
    if function.name in {"__attrs_post_init__", "__attrs_pre_init__"}:
        return True
    names = [a.arg for a in function.args.args]
    return len(names) == 3 and names[1].lstrip("_") in {"attribute", "attr"}


def _bare_raises(path: Path) -> list[str]:
    """`raise Builtin(...)` statements outside the allowed places, as ``file:line in function``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed = INTERNAL.get(path.relative_to(SOURCE).as_posix(), set())
    found: list[str] = []

    def visit(node: ast.AST, stack: tuple[ast.FunctionDef, ...]) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, (*stack, child))  # type: ignore[arg-type]
                continue
            if isinstance(child, ast.Raise) and child.exc is not None:
                raised = child.exc.func if isinstance(child.exc, ast.Call) else child.exc
                if isinstance(raised, ast.Name) and raised.id in BARE:
                    exempt = allowed is None or any(
                        _is_validator(f) or f.name in allowed for f in stack
                    )
                    where = stack[-1].name if stack else "<module>"
                    relative = path.relative_to(SOURCE)
                    if not exempt and f"{relative}:{where}" not in PENDING:
                        found.append(f"{relative}:{child.lineno} in {where}: raise {raised.id}")
            visit(child, stack)

    visit(tree, ())
    return found


def test_no_bare_builtin_raises():
    """No public code path raises a bare ValueError/TypeError/KeyError/LookupError."""
    found = [hit for path in sorted(SOURCE.rglob("*.py")) for hit in _bare_raises(path)]
    assert found == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("raise ValueError('x')", 1),
        ("raise KeyError", 1),
        ("def f(a, b):\n    raise TypeError('x')", 1),
        ("def check(inst, attribute, value):\n    raise ValueError('x')", 0),
        ("@x.validator\ndef _c(self, a, v):\n    raise ValueError('x')", 0),
        ("raise dm.DataError([])", 0),
        ("raise InvalidArgumentError('x')", 0),
    ],
)
def test_the_check_itself(tmp_path, code, expected):
    """The checker flags bare raises and spares validators and library errors."""
    sample = tmp_path / "sample.py"
    sample.write_text(code + "\n", encoding="utf-8")
    global SOURCE  # noqa: PLW0603 - point the checker at the sample for this test
    saved, SOURCE = SOURCE, tmp_path
    try:
        assert len(_bare_raises(sample)) == expected
    finally:
        SOURCE = saved


class TestPublicErrors:
    """What users meet: each failure is a DiplomodelError and the natural built-in."""

    def test_unknown_id(self):
        """A dossier lookup of an unknown id is an UnknownIdError, still a KeyError."""
        example = dm.load_example()
        with pytest.raises(dm.UnknownIdError) as info:
            example.person("nobody")
        assert isinstance(info.value, KeyError)
        assert isinstance(info.value, dm.DiplomodelError)
        assert str(info.value) == "no Person with id 'nobody' in dossier 'china-russia-2024'"

    def test_unknown_example(self):
        """load_example of an unknown name lists the names there are."""
        with pytest.raises(LookupError) as info:
            dm.load_example("nope")
        assert isinstance(info.value, dm.UnknownExampleError)
        assert "china-russia-2024" in info.value.known

    @pytest.mark.parametrize("text", ["75th anniversary", "2024-02-30", "Wednesday", ""])
    def test_parse_date(self, text):
        """parse_date of text that is not a date is a DataError (so still a ValueError)."""
        with pytest.raises(dm.DataError) as info:
            dm.parse_date(text)
        assert isinstance(info.value, ValueError)
        assert info.value.problems[0].path == "$"

    def test_parse_date_wrong_type(self):
        """parse_date of a non-string is an ArgumentTypeError (a TypeError)."""
        with pytest.raises(dm.ArgumentTypeError):
            dm.parse_date(20240821)  # type: ignore[arg-type]
