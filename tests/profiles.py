"""Example counts that follow the loaded Hypothesis profile (see tests/conftest.py)."""

from hypothesis import settings


def examples(default: int) -> int:
    """`default` examples under the default profile, scaled like the loaded profile.

    Under `fast` (10 of the default 60) a test asking for 300 gets 50; under `slow`
    (1 000) it gets 5 000. Use it as `@settings(max_examples=examples(300))`.
    """
    base = settings.get_profile("default").max_examples
    return max(1, round(default * settings().max_examples / base))
