"""Regexes compiled on first use: a module's rarely needed patterns cost nothing at import.

Compiling a large regex takes 0.1-1 ms; a typical run never needs several of the toolkit's
(English dates, roman pasal numbers, term dates), so they are compiled when first asked for.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

__all__ = ["lazy_regex"]


def lazy_regex(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """An accessor that compiles `pattern` with `flags` on its first call and returns that
    compiled regex from then on (one cached call, no lookup in `re`'s pattern cache)."""

    @functools.cache
    def compiled() -> re.Pattern[str]:
        return re.compile(pattern, flags)

    return compiled
