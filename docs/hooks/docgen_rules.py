"""The validation rule codes page, written from `DEFAULT_RULES` when the site is built.

Each rule gets a row in a table and an anchor named after its code in lower
case, so ``rules.md#dm107`` links to rule DM107 from anywhere.

>>> "| [`DM107`](#dm107) [](){#dm107}<br>error |" in rule_table()
True
"""

# ruff: noqa: INP001 - docs/hooks holds build scripts, not a package

from __future__ import annotations

import diplomodel


def anchor(code: str) -> str:
    """The anchor of a rule code on the rules page.

    >>> anchor("DM107")
    'dm107'
    """
    return code.lower()


def rule_table(rules: diplomodel.Rules = diplomodel.DEFAULT_RULES) -> str:
    """A Markdown table of the rules: code (linkable) and severity, meaning and what it checks.

    Two columns, so that the table fits a phone's screen.

    Args:
        rules: The rules to list.

    Returns:
        The table, one rule a row, in the rules' order.
    """
    rows = ["| Code | What must hold |", "| --- | --- |"]
    for r in rules:
        kinds = ", ".join(f"[`{t.__name__}`][diplomodel.{t.__name__}]" for t in r.applies_to)
        rows.append(
            f"| [`{r.code}`](#{anchor(r.code)}) [](){{#{anchor(r.code)}}}<br>{r.severity.value} | "
            f"{r.summary}<br>Checks: {kinds}. |"
        )
    return "\n".join(rows)
