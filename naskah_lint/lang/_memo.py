"""Memoise the toolkit's text scanners: many rules (and the outline) scan the same paragraph with
the same function, and a folder of drafts from one template repeats most paragraphs.

The cache keeps the results as tuples of frozen records and hands every caller its own list, so
a caller that changes its list cannot change what the next one gets (`shared` gives the tuple
itself to callers that keep results per document). It is bounded in entries and skips long
texts, so the memory it may keep after a document is done stays small.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from typing import Any, Concatenate, ParamSpec, TypeVar, cast

P = ParamSpec("P")
T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

MAX_TEXTS = 4096  # entries per function (a 100-page draft has ~1,500 paragraphs)
MAX_CHARS = 2000  # longer texts (real drafts: none over 600) are scanned every time

# Every memo's cache_clear, filled at import time only (see `forget`).
_CLEARS: list[Callable[[], None]] = []
# Each `per_text` scan's tuple form, filled at import time only (see `shared`).
_SHARED: dict[Callable[..., Any], Callable[..., Any]] = {}


def remembered(function: F) -> F:
    """`function` (pure, a text then hashable arguments) behind a bounded LRU cache that
    `forget` empties; a text longer than MAX_CHARS is passed through, not remembered."""
    memo = functools.lru_cache(maxsize=MAX_TEXTS)(function)
    _CLEARS.append(memo.cache_clear)

    @functools.wraps(function)
    def cached(text: str, /, *args: Hashable, **kwargs: Hashable) -> Any:
        if len(text) > MAX_CHARS:
            return function(text, *args, **kwargs)
        return memo(text, *args, **kwargs)

    return cast(F, cached)


def per_text(
    scan: Callable[Concatenate[str, P], list[T]],
) -> Callable[Concatenate[str, P], list[T]]:
    """`scan` (pure, a text then hashable arguments) with its results remembered per text and
    arguments, each caller getting its own list; `shared(scan)` gives them as the remembered
    tuple itself. One Python call per remembered answer: these run for every paragraph."""

    def scan_tuple(text: str, /, *args: P.args, **kwargs: P.kwargs) -> tuple[T, ...]:
        return tuple(scan(text, *args, **kwargs))

    lru = functools.lru_cache(maxsize=MAX_TEXTS)(scan_tuple)
    _CLEARS.append(lru.cache_clear)
    memo = cast(Callable[Concatenate[str, P], tuple[T, ...]], lru)  # hashable arguments only

    def tuples(text: str, /, *args: P.args, **kwargs: P.kwargs) -> tuple[T, ...]:
        if len(text) > MAX_CHARS:
            return scan_tuple(text, *args, **kwargs)
        return memo(text, *args, **kwargs)

    @functools.wraps(scan)
    def cached(text: str, /, *args: P.args, **kwargs: P.kwargs) -> list[T]:
        if len(text) > MAX_CHARS:
            return scan(text, *args, **kwargs)  # a long text is scanned, not remembered
        return list(memo(text, *args, **kwargs))

    _SHARED[cached] = tuples
    return cached


def shared(
    scan: Callable[Concatenate[str, P], list[T]],
) -> Callable[Concatenate[str, P], tuple[T, ...]]:
    """The tuple form of a `per_text` scan: the remembered tuple itself, no list copied (for
    callers that keep results per document); any other function is wrapped to give a tuple."""
    found = _SHARED.get(scan)
    if found is not None:
        return cast(Callable[Concatenate[str, P], tuple[T, ...]], found)

    def as_tuple(text: str, /, *args: P.args, **kwargs: P.kwargs) -> tuple[T, ...]:
        return tuple(scan(text, *args, **kwargs))

    return as_tuple


def forget() -> None:
    """Empty every memo: the benchmark times each lint as that of a text never seen before."""
    for clear in _CLEARS:
        clear()
