"""How an `Actor` is written in files, and read back.

A state is its code (``"CN"``), a body its id after ``body:``
(``"body:cn-mofa"``). The prefixes keep every kind apart, so no state code
can be mistaken for another kind of actor.
"""

from __future__ import annotations

from typing import Final

from diplomodel import _validators as v
from diplomodel.errors import UnknownStateError
from diplomodel.model.actors import BODY_PREFIX, Actor, actor_key
from diplomodel.model.ids import BodyId
from diplomodel.states import states

__all__ = ["ACTOR_PATTERN", "structure_actor", "unstructure_actor"]

unstructure_actor: Final = actor_key
"""The text of an actor in a file (`diplomodel.model.actors.actor_key`)."""

ACTOR_PATTERN: Final = f"^(?:[A-Z]{{2}}|[A-Z]{{4}}|{BODY_PREFIX}{v.ID_PATTERN[1:-1]})$"
"""What an actor looks like in a file: a state code, or ``body:`` and an id."""


def structure_actor(value: object, _type: object = None) -> Actor:
    """The actor a file's text names.

    Raises:
        TypeError: The value is not text.
        ValueError: The text names no known state and is no ``body:`` id.

    >>> structure_actor("RU").name, structure_actor("body:ru-mfa")
    ('Russia', 'ru-mfa')
    """
    if not isinstance(value, str):
        raise TypeError(
            f"expected an actor: a state code such as 'RU' or 'body:<id>' "
            f"(got a {type(value).__name__})"
        )
    if value.startswith(BODY_PREFIX):
        body = value.removeprefix(BODY_PREFIX)
        if not v.is_identifier(body):
            raise ValueError(f"'body:' must be followed by an id such as 'cn-mofa' (got {value!r})")
        return BodyId(body)
    try:
        state = states.get(value)
    except UnknownStateError as exc:
        raise ValueError(f"{exc} (a body is written 'body:<id>')") from None
    if state.code != value:
        raise ValueError(f"state codes are written as {state.code!r} in files (got {value!r})")
    return state
