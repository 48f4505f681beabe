"""Export to other projects' formats: FollowTheMoney, Popolo, schema.org JSON-LD, iCalendar.

Each format is optional. `to_popolo` and `to_jsonld` build plain dicts and
need nothing beyond diplomodel itself; `to_ftm` cleans every value with the
``followthemoney`` package (``pip install 'diplomodel[ftm]'``) and `to_ical`
writes the calendar with the ``icalendar`` package (``diplomodel[ical]``).
Those packages are imported only when the function that needs them is called:
importing this module never requires them, and a missing one raises
`ImportError` naming the extra to install.

>>> import diplomodel as dm
>>> from diplomodel.interchange import to_jsonld
>>> to_jsonld(dm.load_example().meeting("cn-ru-heads-of-government-29"))["@type"]
'Event'
"""

from diplomodel.interchange._ftm import ftm_id, to_ftm
from diplomodel.interchange._ical import to_ical
from diplomodel.interchange._jsonld import to_jsonld
from diplomodel.interchange._popolo import to_popolo

__all__ = ["ftm_id", "to_ftm", "to_ical", "to_jsonld", "to_popolo"]
