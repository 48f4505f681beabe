"""Actors: who acts in diplomacy — a state, an organisation, or a body defined in a dossier.

States and organisations are reference data (`diplomodel.states`,
`diplomodel.organizations`); a `Body` (a ministry, an agency, a legislature)
is an entity of a dossier and is named by its id. A field typed `Actor`
takes any of the three. In files a state is its code (``"CN"``), an
organisation its code after ``org:`` (``"org:SCO"``) and a body its id after
``body:`` (``"body:cn-mofa"``), so a state code never collides with an
organisation code (``EU`` and ``UN`` are reserved ISO 3166 codes too).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final, TypeAlias

import attrs
from attrs import field, frozen

from diplomodel import _validators as v
from diplomodel.dates import PartialDate
from diplomodel.model._common import freeze_names, locale_names, name_for_locale
from diplomodel.model.ids import BodyId
from diplomodel.model.sources import Source
from diplomodel.organizations import Organization
from diplomodel.states import State

__all__ = ["Actor", "Body", "BodyKind", "actor_key"]

Actor: TypeAlias = State | Organization | BodyId
"""A state, an organisation, or the id of a `Body` in the same dossier."""


BODY_PREFIX: Final = "body:"
"""What comes before a body's id where an actor is written as text."""

ORG_PREFIX: Final = "org:"
"""What comes before an organisation's code where an actor is written as text."""


def actor_key(value: Actor) -> str:
    """An actor as text, as files write it: ``CN``, ``org:SCO`` or ``body:cn-moe``.

    It is unique across kinds, so it sorts and keys actors of any kind.

    Args:
        value: A state, an organisation, or a body's id.

    Returns:
        The state's code, ``"org:"`` and the organisation's code, or ``"body:"`` and the id.

    >>> from diplomodel.states import states
    >>> from diplomodel.organizations import organizations
    >>> actor_key(states.get("CN")), actor_key(organizations.get("SCO")), actor_key("cn-moe")
    ('CN', 'org:SCO', 'body:cn-moe')
    """
    if isinstance(value, str):
        return BODY_PREFIX + value
    if isinstance(value, Organization):
        return ORG_PREFIX + value.code
    return value.code


def actor_label(value: Actor) -> str:
    """A short English label for an actor, for messages: a name, or a body's id in quotes.

    >>> from diplomodel.states import states
    >>> actor_label(states.get("CN")), actor_label("cn-mofa")
    ('China', "body 'cn-mofa'")
    """
    if isinstance(value, str):
        return f"body {value!r}"
    return value.name


def _check_body_id(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    v.identifier()(inst, attribute, value)
    if value.isupper() and value.isalpha():
        raise ValueError(
            f"'{attribute.name}' ({value!r}) reads as the code of a state or organisation: pass "
            f"states.get({value!r}) for a state; a body's id has lowercase letters ('cn-moe')"
        )


def _check_actor(inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if isinstance(value, State | Organization):
        return
    if isinstance(value, str):
        _check_body_id(inst, attribute, value)
        return
    raise TypeError(
        f"'{attribute.name}' must be a State, an Organization or a body id "
        f"(got {value!r}, a {type(value).__name__})"
    )


def actor() -> v.Validator:
    """Validator: a state, an organisation, or the id of a body."""
    return v.accepting(v.described(_check_actor, {}), State, Organization)


class BodyKind(enum.Enum):
    """What kind of body acts: part of a government, a legislature, a party, a company.

    >>> BodyKind("ministry")
    <BodyKind.MINISTRY: 'ministry'>
    """

    GOVERNMENT = "government"
    """A whole government or cabinet (the State Council of China)."""
    MINISTRY = "ministry"
    """A ministry or department (the Ministry of Foreign Affairs)."""
    AGENCY = "agency"
    """An agency, service or commission of a government."""
    LEGISLATURE = "legislature"
    """A parliament or one of its chambers or committees."""
    REGIONAL_GOVERNMENT = "regional_government"
    """The government of a province, region, state or city."""
    POLITICAL_PARTY = "political_party"
    """A political party or one of its organs."""
    STATE_COMPANY = "state_company"
    """A company owned or controlled by a state."""
    CENTRAL_BANK = "central_bank"
    """A central bank or monetary authority."""
    COURT = "court"
    """A court or tribunal."""
    ORGAN = "organ"
    """An organ of an international organisation (the European Commission)."""
    OTHER = "other"
    """Anything else."""


@frozen(kw_only=True)
class Body:
    """A ministry, agency, legislature, party or company that acts for a state or organisation.

    Args:
        id: Stable id ("cn-moe").
        name: Its English name.
        names: Its name in other languages, keyed by locale.
        kind: What kind of body it is.
        belongs_to: The state or organisation it is part of.
        parent: Id of the body it sits within (a department within a ministry).
        established: When it was set up.
        sources: Where the facts come from.

    >>> from diplomodel.states import states
    >>> moe = Body(id="cn-moe", name="Ministry of Education", names={"zh": "教育部"},
    ...            kind=BodyKind.MINISTRY, belongs_to=states.get("CN"))
    >>> moe.name_in("zh"), moe.name_in("fr")
    ('教育部', 'Ministry of Education')
    """

    id: BodyId = field(validator=v.described(_check_body_id, v.schema_of(v.identifier())))
    name: str = field(validator=v.text(max_length=500))
    names: Mapping[str, str] = field(
        factory=lambda: MappingProxyType({}),
        converter=freeze_names,
        validator=locale_names,
        hash=False,
    )
    kind: BodyKind = field(validator=v.enum_member(BodyKind))
    belongs_to: State = field(validator=v.instance(State))
    parent: BodyId | None = field(
        default=None, validator=[v.optional(v.identifier()), v.other_than("id")]
    )
    established: PartialDate | None = field(default=None, validator=v.optional_date())
    sources: tuple[Source, ...] = field(default=(), validator=v.tuple_of(v.instance(Source)))

    def name_in(self, locale: str) -> str:
        """The body's name for a locale, falling back to broader locales, then English.

        Raises:
            ValueError: babel has no data for the locale.
        """
        return name_for_locale(self.names, self.name, locale)
