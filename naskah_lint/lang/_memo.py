"""Memoise the toolkit's text scanners: many rules (and the outline) scan the same paragraph with
the same function, and a folder of drafts from one template repeats most paragraphs.

The cache keeps the results as tuples of frozen records and hands every caller its own list, so
a caller that changes its list cannot change what the next one gets. It is bounded in entries
and skips long texts, so the memory it may keep after a document is done stays small.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

MAX_TEXTS = 4096  # entries per function (a 100-page draft has ~1,500 paragraphs)
MAX_CHARS = 2000  # longer texts (real drafts: none over 600) are scanned every time

# Every memo's cache_clear, filled at import time only (see `forget`).
_CLEARS: list[Callable[[], None]] = []


def remembered(function: F) -> F:
    """`function` (pure, hashable arguments) behind a bounded LRU cache that `forget` empties."""
    memo = functools.lru_cache(maxsize=MAX_TEXTS)(function)
    _CLEARS.append(memo.cache_clear)
    return memo  # type: ignore[return-value]


def per_text(scan: Callable[[str], list[T]]) -> Callable[[str], list[T]]:
    """`scan` (a pure function of one text) with its results remembered per text."""

    @remembered
    def memo(text: str) -> tuple[T, ...]:
        return tuple(scan(text))

    @functools.wraps(scan)
    def cached(text: str) -> list[T]:
        if len(text) > MAX_CHARS:
            return scan(text)
        return list(memo(text))

    return cached


def forget() -> None:
    """Empty every memo: the benchmark times each lint as that of a text never seen before."""
    for clear in _CLEARS:
        clear()
