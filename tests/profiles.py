"""Example counts that follow the loaded Hypothesis profile (see tests/conftest.py)."""

from hypothesis import settings

# The example counts tests ask for are written against this many for a plain property test.
BASE = 60


def examples(wanted: int) -> int:
    """`wanted` examples per `BASE`, scaled to the loaded profile's count.

    Under `default` (40) a test asking for 300 gets 200, under `fast` (10) 50, under
    `slow` (1 000) 5 000. Use it as `@settings(max_examples=examples(300))`.
    """
    return max(1, round(wanted * settings().max_examples / BASE))
