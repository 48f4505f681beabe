"""Where something happened."""

from __future__ import annotations

from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel.states import State

__all__ = ["Place"]


@frozen(kw_only=True)
class Place:
    """A place: a state, and optionally a locality and a venue in it.

    Args:
        state: The state the place is in.
        locality: The city or town ("Moscow"), if known.
        venue: The building or site ("Kremlin"), if known.

    >>> from diplomodel.states import states
    >>> Place(locality="Moscow", state=states.get("RU"))
    Place(state=State(code='RU', ...), locality='Moscow', venue=None)
    """

    state: State = field(validator=v.instance(State))
    locality: str | None = field(default=None, validator=v.optional(v.text(max_length=200)))
    venue: str | None = field(default=None, validator=v.optional(v.text(max_length=200)))

    def __str__(self) -> str:
        parts = [p for p in (self.venue, self.locality) if p]
        return ", ".join([*parts, self.state.name])
