"""Ordinal words (KESATU, PERTAMA, KEDUA …) and the party aliases built from them (PIHAK KESATU).

Government drafts use the series KESATU/KEDUA/KETIGA; others use PERTAMA/KEDUA. Mixing the two
is a real defect, so the series of the first ordinal matters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from naskah_lint.lang._memo import per_text
from naskah_lint.lang.prefilter import literal_starts, lower_for_search, matches_at
from naskah_lint.lang.terbilang import int_to_words, words_to_int

__all__ = [
    "ALIAS_NEEDS",
    "MAX_ORDINAL",
    "ORDINALS",
    "find_party_aliases",
    "ordinal_value",
    "ordinal_word",
    "series_of",
]

#: ORDINALS lists KESATU .. KE<MAX_ORDINAL>; `ordinal_value` reads any "KE" + number.
MAX_ORDINAL = 20

SERIES_KESATU = "KESATU"
SERIES_PERTAMA = "PERTAMA"


@lru_cache(maxsize=256)
def ordinal_word(n: int, series: str = SERIES_KESATU) -> str:
    """Upper-case ordinal: 1 -> "KESATU" (or "PERTAMA" in that series), 2 -> "KEDUA",
    12 -> "KEDUA BELAS". Raises ValueError for n < 1."""
    if n < 1:
        raise ValueError(f"ordinals start at 1: {n}")
    if n == 1 and series.strip().upper() == SERIES_PERTAMA:
        return SERIES_PERTAMA
    return "KE" + int_to_words(n).upper()


#: Ordinal word (upper case) -> value: KESATU/PERTAMA 1, KEDUA 2, … KEDUA PULUH 20.
ORDINALS: Mapping[str, int] = MappingProxyType(
    {SERIES_PERTAMA: 1} | {ordinal_word(n): n for n in range(1, MAX_ORDINAL + 1)}
)


@lru_cache(maxsize=1024)
def ordinal_value(word: str) -> int | None:
    """Value of an ordinal in any case: "Kesatu"/"pertama" 1, "KEDUA BELAS" 12, "KE-2"/"ke 2" 2."""
    key = " ".join(word.strip().upper().split())
    if key in ORDINALS:
        return ORDINALS[key]
    if m := re.fullmatch(r"KE\s*[-‐‑–]?\s*(\d{1,3})", key):
        value = int(m.group(1))
        return value if value >= 1 else None
    if key.startswith("KE") and len(key) > 2:
        value_w = words_to_int(key[2:])
        return value_w if value_w is not None and value_w >= 1 else None
    return None


def series_of(word: str) -> str | None:
    """ "KESATU" or "PERTAMA" for the two spellings of ordinal 1 (any case); None otherwise."""
    key = word.strip().upper()
    if key in (SERIES_KESATU, SERIES_PERTAMA):
        return key
    return None


_ORDINAL_RE = (
    r"(?:PERTAMA|KE\s*[-‐‑–]\s*\d{1,2}|KE\d{1,2}"
    r"|KE(?:SATU|DUA|TIGA|EMPAT|LIMA|ENAM|TUJUH|DELAPAN|SEMBILAN)(?:\s+(?:BELAS|PULUH))?"
    r"|KESEPULUH|KESEBELAS)"
)
# "P" first as a plain character class (the look-behind after it is the word boundary before it):
# the engine then skips to the next P in C; the rest is case-insensitive.
_PARTY = re.compile(r"(?P<pihak>[Pp](?<!\w[Pp])(?i:IHAK))(?i:\s+(?P<ord>" + _ORDINAL_RE + r")\b)")


@lru_cache(maxsize=256)
def _alias_of(written: str) -> tuple[int, str] | None:
    """(value, canonical alias) for an ordinal as written after PIHAK, None if no ordinal: a
    draft writes the same few thousands of times."""
    value = ordinal_value(written)
    if value is None:
        return None
    series = SERIES_PERTAMA if written.upper() == SERIES_PERTAMA else SERIES_KESATU
    return value, "PIHAK " + ordinal_word(value, series)


#: What every alias `find_party_aliases` finds holds, as `lower_for_search` writes it.
ALIAS_NEEDS = "pihak"
_ALIAS_STARTS = (ALIAS_NEEDS,)


@per_text
def find_party_aliases(text: str) -> list[tuple[str, tuple[int, int], int, str]]:
    """Every "PIHAK <ordinal>" in any case ("PIHAK KESATU", "Pihak Pertama", "PIHAK KE-2"):
    (text as written, span, ordinal, canonical upper case such as "PIHAK KEDUA").

    "PARA PIHAK" and "masing-masing PIHAK" are not aliases and are never returned. The canonical
    form keeps the series as written ("Pihak Pertama" -> "PIHAK PERTAMA"); digits become words.
    Generic lower-case "pihak ketiga" (third parties) is returned too: callers judge case.
    """
    found: list[tuple[str, tuple[int, int], int, str]] = []
    # the regex is tried only where "pihak" starts (every match does)
    for m in matches_at(_PARTY, text, literal_starts(_ALIAS_STARTS, lower_for_search(text))):
        alias = _alias_of(m.group("ord"))
        if alias is not None:
            found.append((m.group(0), m.span(), alias[0], alias[1]))
    return found
