"""The controlled vocabulary of fields of cooperation."""

from __future__ import annotations

import enum

__all__ = ["Sector"]


class Sector(enum.Enum):
    """A field of cooperation, as meetings, documents and committees name them.

    The values are stable identifiers written to files; labels for people come
    from the localisation layer.

    >>> Sector("maritime_search_and_rescue")
    <Sector.MARITIME_SEARCH_AND_RESCUE: 'maritime_search_and_rescue'>
    """

    AGRICULTURE = "agriculture"
    BIOMEDICINE = "biomedicine"
    CHEMICAL_INDUSTRY = "chemical_industry"
    CITIZEN_EXCHANGES = "citizen_exchanges"
    CROSS_BORDER_CARGO_TRANSPORT = "cross_border_cargo_transport"
    CULTURE = "culture"
    DEFENCE = "defence"
    DIGITAL_ECONOMY = "digital_economy"
    ECONOMY_AND_TRADE = "economy_and_trade"
    EDUCATION = "education"
    ENERGY = "energy"
    ENVIRONMENT = "environment"
    FINANCE = "finance"
    GREEN_CONSTRUCTION = "green_construction"
    GREEN_DEVELOPMENT = "green_development"
    HEALTH = "health"
    HUMANITIES = "humanities"
    INDUSTRY = "industry"
    INTERGOVERNMENTAL_COORDINATION = "intergovernmental_coordination"
    INTERNATIONAL_AFFAIRS = "international_affairs"
    INVESTMENT = "investment"
    MARITIME_SEARCH_AND_RESCUE = "maritime_search_and_rescue"
    MEDIA = "media"
    PEOPLE_TO_PEOPLE_EXCHANGES = "people_to_people_exchanges"
    REGIONAL_COOPERATION = "regional_cooperation"
    SCIENCE_AND_TECHNOLOGY = "science_and_technology"
    SECURITY = "security"
    SPACE = "space"
    SPORT = "sport"
    TOURISM = "tourism"
    TRANSPORT = "transport"
