"""What a validation rule's check yields: an `Issue` for each thing wrong.

The validation engine (`diplomodel.validation`) turns each issue into a
`Finding` with the rule's code, its severity and the full path.
"""

from __future__ import annotations

from attrs import field, frozen

from diplomodel import _validators as v

__all__ = ["Issue"]


@frozen(kw_only=True)
class Issue:
    """What a rule's check yields for each thing wrong: the engine makes it a `Finding`.

    Args:
        message: What is wrong.
        at: Where, relative to the object checked: ``".host"``,
            ``".participants[1].office"``; empty for the object itself. A
            rule that applies to the whole `Dossier` gives the path from its
            root (``".meetings[3].ordinal"``).
        ids: Ids of other entities involved (the checked entity's own id is added).

    >>> Issue(message="no summary", at=".summary").at
    '.summary'
    """

    message: str = field(validator=v.text())
    at: str = field(default="", validator=v.instance(str))
    ids: tuple[str, ...] = field(default=(), validator=v.tuple_of(v.instance(str)))
