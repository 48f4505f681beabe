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
    """Agriculture, farming and food."""
    BIOMEDICINE = "biomedicine"
    """Biomedicine and medical research."""
    CHEMICAL_INDUSTRY = "chemical_industry"
    """The chemical industry."""
    CITIZEN_EXCHANGES = "citizen_exchanges"
    """Travel and exchanges of citizens (visas, tourism groups)."""
    CROSS_BORDER_CARGO_TRANSPORT = "cross_border_cargo_transport"
    """The carriage of goods across the common border."""
    CULTURE = "culture"
    """Culture and the arts."""
    DEFENCE = "defence"
    """Defence and the armed forces."""
    DIGITAL_ECONOMY = "digital_economy"
    """The digital economy and information technology."""
    ECONOMY_AND_TRADE = "economy_and_trade"
    """The economy and trade."""
    EDUCATION = "education"
    """Education and students."""
    ENERGY = "energy"
    """Energy: oil, gas, electricity, nuclear power."""
    ENVIRONMENT = "environment"
    """The environment and its protection."""
    FINANCE = "finance"
    """Finance, banking and payments."""
    GREEN_CONSTRUCTION = "green_construction"
    """Green, low-carbon building."""
    GREEN_DEVELOPMENT = "green_development"
    """Green, low-carbon development."""
    HEALTH = "health"
    """Health and public health."""
    HUMANITIES = "humanities"
    """Humanities cooperation: culture, education, media and more together."""
    INDUSTRY = "industry"
    """Industry and manufacturing."""
    INTERGOVERNMENTAL_COORDINATION = "intergovernmental_coordination"
    """The coordination of the governments' own work."""
    INTERNATIONAL_AFFAIRS = "international_affairs"
    """International and regional questions, foreign policy."""
    INVESTMENT = "investment"
    """Investment."""
    MARITIME_SEARCH_AND_RESCUE = "maritime_search_and_rescue"
    """Search and rescue at sea."""
    MEDIA = "media"
    """The media and the press."""
    PEOPLE_TO_PEOPLE_EXCHANGES = "people_to_people_exchanges"
    """Contacts between the peoples: youth, friendship societies."""
    REGIONAL_COOPERATION = "regional_cooperation"
    """Cooperation between regions, provinces and cities."""
    SCIENCE_AND_TECHNOLOGY = "science_and_technology"
    """Science, technology and innovation."""
    SECURITY = "security"
    """Security and law enforcement."""
    SPACE = "space"
    """Space and satellites."""
    SPORT = "sport"
    """Sport."""
    TOURISM = "tourism"
    """Tourism."""
    TRANSPORT = "transport"
    """Transport and logistics."""
