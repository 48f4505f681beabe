"""The project's own tests use the public strategies of `diplomodel.testing`."""

from datetime import date

from hypothesis import strategies as st

from diplomodel import testing
from diplomodel.testing import *  # noqa: F403 - re-exported for the tests

BY_CLASS = {cls: testing.from_class(cls) for cls in testing.classes()}
dossiers = testing.dossiers()
days = st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31))
