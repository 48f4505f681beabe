"""How an `Actor` is written in files, and read back.

A state is its code (``"CN"``), an organisation its code after ``org:``
(``"org:SCO"``), a body its id after ``body:`` (``"body:cn-mofa"``). The
prefixes keep every kind apart: ``"EU"`` and ``"UN"`` are reserved ISO 3166
codes too, and no state code can be mistaken for an organisation.
"""

from __future__ import annotations

import difflib
from typing import Final

from diplomodel import _validators as v
from diplomodel.errors import UnknownOrganizationError, UnknownStateError
from diplomodel.model.actors import BODY_PREFIX, ORG_PREFIX, Actor, actor_key
from diplomodel.model.ids import BodyId
from diplomodel.organizations import organizations
from diplomodel.states import states

__all__ = ["structure_actor", "unstructure_actor"]

unstructure_actor: Final = actor_key
"""The text of an actor in a file (`diplomodel.model.actors.actor_key`)."""


def structure_actor(value: object, _type: object = None) -> Actor:
    """The actor a file's text names.

    Raises:
        TypeError: The value is not text.
        ValueError: The text names no known state or organisation and is no ``body:`` id.

    >>> structure_actor("RU").name, structure_actor("org:SCO").code, structure_actor("body:ru-mfa")
    ('Russia', 'SCO', 'ru-mfa')
    """
    if not isinstance(value, str):
        raise TypeError(
            f"expected an actor: a state code such as 'RU', 'org:<code>' or 'body:<id>' "
            f"(got a {type(value).__name__})"
        )
    if value.startswith(ORG_PREFIX):
        code = value.removeprefix(ORG_PREFIX)
        try:
            organization = organizations.get(code)
        except UnknownOrganizationError as exc:
            known = [org.code for org in organizations]
            raise ValueError(f"{exc}{_closest(code, known, ORG_PREFIX)}") from None
        if organization.code != code:
            raise ValueError(
                f"organisation codes are written as {ORG_PREFIX}{organization.code} in files "
                f"(got {value!r})"
            )
        return organization
    if value.startswith(BODY_PREFIX):
        body = value.removeprefix(BODY_PREFIX)
        if not v.is_identifier(body):
            raise ValueError(f"'body:' must be followed by an id such as 'cn-mofa' (got {value!r})")
        return BodyId(body)
    try:
        state = states.get(value)
    except UnknownStateError as exc:
        same = organizations.get(value, None)
        near = f"; did you mean '{ORG_PREFIX}{same.code}'?" if same is not None else ""
        near = near or _closest(value, [s.code for s in states if len(s.code) == len(value)])
        raise ValueError(
            f"{exc}{near} (an organisation is written 'org:<code>', a body 'body:<id>')"
        ) from None
    if state.code != value:
        raise ValueError(f"state codes are written as {state.code!r} in files (got {value!r})")
    return state


def _closest(text: str, known: list[str], prefix: str = "") -> str:
    """A "did you mean" clause naming the closest known codes, or nothing when none is close.

    The same letters in another order come first (``SOC`` for ``SCO``), then
    codes that differ by little (``BRIC`` for ``BRICS``).

    >>> _closest("SOC", ["SCO", "OAS", "EU"], "org:")
    "; did you mean 'org:SCO'?"
    >>> _closest("XYZ", ["SCO", "OAS", "EU"], "org:")
    ''
    """
    found = [code for code in known if sorted(code) == sorted(text) and code != text]
    found = found or difflib.get_close_matches(text, known, n=3, cutoff=0.7)
    return f"; did you mean {' or '.join(repr(prefix + f) for f in found)}?" if found else ""
