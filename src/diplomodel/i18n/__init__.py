"""Localisation: ordinals, dates, lists, names, enum labels and `describe`.

Every function takes the locale as an argument; nothing reads the system
locale, the clock or the time zone. Texts come from babel's CLDR data and from
the gettext catalogs shipped in ``locales/`` (Russian and Chinese; English is
the source language).

>>> from diplomodel.i18n import ordinal, anniversary_phrase
>>> ordinal(29, "en"), anniversary_phrase(75, "zh")
('29th', '75周年')
"""

from diplomodel.i18n._describe import describe
from diplomodel.i18n._formats import (
    format_date,
    format_date_range,
    format_list,
    person_name,
    state_name,
)
from diplomodel.i18n._labels import label
from diplomodel.i18n._ordinals import anniversary_phrase, ordinal

__all__ = [
    "anniversary_phrase",
    "describe",
    "format_date",
    "format_date_range",
    "format_list",
    "label",
    "ordinal",
    "person_name",
    "state_name",
]
