"""Quantities written "N (words) unit", bare quantities, and the duration and dates of a term.

EYD allows digits followed by words in legal documents ("3 (tiga) bulan", "rangkap 2 (dua)");
the checks need the digit value, the words' value and the unit, and the Jangka Waktu pasal
needs its duration, start and end date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from naskah_lint.lang._lazy import lazy_regex
from naskah_lint.lang._memo import per_text
from naskah_lint.lang.dates import find_dates, parse_month
from naskah_lint.lang.prefilter import lower_for_search, may_match
from naskah_lint.lang.terbilang import NUMBER_WORDS, words_to_int

__all__ = [
    "DEFAULT_UNITS",
    "PAIR_NEEDS",
    "Duration",
    "NumberWithWords",
    "find_bare_quantities",
    "find_duration",
    "find_end_date",
    "find_number_with_words",
    "find_start_date",
]

#: Units of time and count that EYD wants written "N (words) unit"; longest first when matching.
DEFAULT_UNITS: tuple[str, ...] = (
    "hari kalender",
    "hari kerja",
    "tahun",
    "bulan",
    "minggu",
    "pekan",
    "hari",
    "jam",
    "menit",
    "kali",
    "rangkap",
    "eksemplar",
    "lembar",
    "orang",
    "semester",
    "triwulan",
)


def _unit_alt(units: Iterable[str]) -> str:
    """A regex alternation of units, longest first, spaces matching any whitespace."""
    ordered = sorted({u.strip().lower() for u in units if u.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, u.split())) for u in ordered)


@dataclass(frozen=True, slots=True)
class NumberWithWords:
    """A number written in digits followed by words in brackets ("12 (dua belas) bulan").

    `words_value` is None when the words are not a clean number phrase; `unit` is the unit
    after the brackets, or before the digits ("rangkap 2 (dua)"), lower-cased, else None.
    """

    text: str
    span: tuple[int, int]
    digits: int
    words_text: str
    words_value: int | None
    unit: str | None


# A digit first (the look-behind after it checks the character before it): the engine then
# skips to digits in C instead of trying every position.
_DIGITS = r"(?P<digits>\d(?<![\w.,/-]\d)(?:\d{0,2}(?:\.\d{3})+|\d{0,14}))"
_NUMBER_WITH_WORDS = re.compile(
    _DIGITS + r"\s*\(\s*(?P<words>[A-Za-z][A-Za-z\s\-]*?)\s*\)",
)
_UNIT_AFTER = re.compile(r"\s*(?P<unit>" + _unit_alt(DEFAULT_UNITS) + r")\b", re.IGNORECASE)
_UNIT_BEFORE = re.compile(r"\b(?P<unit>" + _unit_alt(DEFAULT_UNITS) + r")\s*$", re.IGNORECASE)
_RP_BEFORE = re.compile(r"Rp\.?\s*$", re.IGNORECASE)


def _norm_unit(unit: str) -> str:
    return " ".join(unit.lower().split())


def _digit_then_bracket(text: str) -> bool:
    """Whether a digit is followed by "(" (spaces between allowed) somewhere in `text`, as
    every "N (words)" match has it: a few `str.find` calls instead of a regex scan
    (str.isdecimal and str.isspace are exactly the regex's \\d and \\s)."""
    at = text.find("(")
    while at >= 0:
        before = at - 1
        while before >= 0 and text[before].isspace():
            before -= 1
        if before >= 0 and text[before].isdecimal():
            return True
        at = text.find("(", at + 1)
    return False


#: What every pair `find_number_with_words` finds holds, as `lower_for_search` writes it (a
#: caller that has the lower-cased text may skip the call without it).
PAIR_NEEDS = "("


@per_text
def find_number_with_words(text: str) -> list[NumberWithWords]:
    """Every "N (words)" whose bracket starts with a number word, with the unit if any.

    "1 (jabatan)" is not a number pair and is skipped; "1 (dua)" is kept (a mismatch for the
    caller to report); money ("Rp10.000 (sepuluh ribu rupiah)") is left to `money`.
    """
    found: list[NumberWithWords] = []
    if not _digit_then_bracket(text):
        return found  # most paragraphs: no digit before a bracket, no pair
    for m in _NUMBER_WITH_WORDS.finditer(text):
        words = m.group("words")
        first = re.split(r"[\s\-]+", words.strip())[0].lower()
        if first not in NUMBER_WORDS or re.search(r"\brupiah\b", words, re.IGNORECASE):
            continue
        if _RP_BEFORE.search(text[max(0, m.start() - 5) : m.start()]):
            continue
        end = m.end()
        start = m.start()
        unit: str | None = None
        if after := _UNIT_AFTER.match(text, end):
            unit = _norm_unit(after.group("unit"))
            end = after.end()
        elif before := _UNIT_BEFORE.search(text[max(0, start - 30) : start]):
            unit = _norm_unit(before.group("unit"))
            start = start - (len(text[max(0, start - 30) : start]) - before.start())
        found.append(
            NumberWithWords(
                text=text[start:end],
                span=(start, end),
                digits=int(m.group("digits").replace(".", "")),
                words_text=" ".join(words.split()),
                words_value=words_to_int(words),
                unit=unit,
            )
        )
    return found


# Words before a number that make it a label, not a quantity (compiled on first use).
_LABEL_BEFORE = lazy_regex(
    r"\b(?:pasal|ayat|angka|huruf|nomor|no|nomer|tanggal|tgl|ke|lampiran|butir|bab|rp)\.?\s*$",
    re.IGNORECASE,
)


_ANY_DIGIT = re.compile(r"\d")
# "R" first as a plain character class (the look-behind after it is the word boundary before it),
# so the engine skips to the next R in C.
_BARE_BEFORE = re.compile(
    r"(?P<unit>[Rr](?<!\w[Rr])(?i:angkap))\s+(?P<n>\d+)\b(?!\s*\()(?![.,/-]\d)"
)


@lru_cache(maxsize=32)
def _bare_after(units: tuple[str, ...]) -> re.Pattern[str] | None:
    """The "N unit" pattern for these units (compiled once per unit list), None for no units."""
    alt = _unit_alt(units)
    if not alt:
        return None
    return re.compile(  # a digit first: the engine skips to digits at once (see _DIGITS)
        r"(?P<n>\d(?<![\w.,/-]\d)(?:\d{0,2}(?:\.\d{3})+|\d*))\s+(?P<unit>" + alt + r")\b(?!\s*\()",
        re.IGNORECASE,
    )


@lru_cache(maxsize=32)
def _counts_rangkap(units: tuple[str, ...]) -> bool:
    return any(_norm_unit(u) == "rangkap" for u in units)


BareQuantity = tuple[str, tuple[int, int], int, str]


def find_bare_quantities(text: str, units: Iterable[str] = DEFAULT_UNITS) -> list[BareQuantity]:
    """Quantities in digits only ("3 bulan", "14 hari kalender", "rangkap 2"): (text, span,
    value, unit). Skips numbers already followed by words in brackets, dates, pasal/ayat/nomor
    labels, money, regulation citations ("Nomor 7 Tahun 2017", "UU 7 Tahun 2017") and years."""
    return _bare_quantities(text, tuple(units))


@per_text
def _bare_quantities(text: str, units: tuple[str, ...]) -> list[BareQuantity]:
    """`find_bare_quantities` with the unit list as a tuple, remembered per text and units."""
    after = _bare_after(units)
    if after is None or not _ANY_DIGIT.search(text):
        return []
    before = _BARE_BEFORE
    date_spans: list[tuple[int, int]] | None = None  # found only if a candidate needs them
    found: list[BareQuantity] = []
    for m in after.finditer(text):
        unit = _norm_unit(m.group("unit"))
        if _LABEL_BEFORE().search(text[max(0, m.start() - 12) : m.start()]):
            continue
        rest = text[m.end() : m.end() + 12]
        if unit == "tahun" and re.match(r"\s*\d{4}\b", rest):
            continue  # "7 Tahun 2017": a regulation number
        word = re.match(r"\s*([A-Za-z]+)", rest)
        if unit == "bulan" and word and parse_month(word.group(1)):
            continue  # "tanggal 3 bulan Juli"
        if date_spans is None:
            date_spans = [span for span, _ in find_dates(text)]
        if any(s <= m.start() < e for s, e in date_spans):
            continue
        found.append((m.group(0), (m.start(), m.end()), int(m.group("n").replace(".", "")), unit))
    # "rangkap" has no i, so str.lower() finds it wherever the case-insensitive regex would
    if _counts_rangkap(units) and "rangkap" in text.lower():
        for m in before.finditer(text):
            found.append((m.group(0), (m.start(), m.end()), int(m.group("n")), "rangkap"))
    return sorted(found, key=lambda f: f[1])


@dataclass(frozen=True, slots=True)
class Duration:
    """A term of validity ("berlaku 1 (satu) tahun") in years, months and days, as written."""

    years: int
    months: int
    days: int
    text: str


_NUM_WORD_ALT = "|".join(sorted(NUMBER_WORDS - {"se"}, key=len, reverse=True))
_QTY = (
    r"(?:(?P<d{i}>\d{{1,3}})\s*(?:\(\s*(?P<w{i}>[A-Za-z][A-Za-z\s\-]*?)\s*\))?"
    r"|(?P<x{i}>(?:" + _NUM_WORD_ALT.replace("{", "{{").replace("}", "}}") + r")"
    r"(?:[\s\-]+(?:" + _NUM_WORD_ALT.replace("{", "{{").replace("}", "}}") + r"))*))"
    r"\s*(?P<u{i}>tahun|bulan|minggu|pekan|hari(?:\s+(?:kalender|kerja))?)\b"
)
_DURATION_BODY = (
    _QTY.format(i=1) + r"(?:\s*(?:,|dan)?\s*" + _QTY.format(i=2) + r")?"
    r"(?:\s*(?:,|dan)?\s*" + _QTY.format(i=3) + r")?"
)
# Compiled on first use (large: ~3 ms each), and only for a text that holds one of the words its
# matches start with (`start_literals` of each, as `lower_for_search` writes them; a test checks
# them): most texts a rule asks about have none.
_DURATION_STRONG = lazy_regex(
    r"\b(?:berlaku|jangka\s+waktu|masa\s+berlaku|masa\s+kerja\s+sama)\b"
    r"(?:\s+(?:selama|untuk|dalam|jangka|waktu|masa|paling\s+lama|terhitung))*\s*:?\s*"
    + _DURATION_BODY,
    re.IGNORECASE,
)
_DURATION_WEAK = lazy_regex(r"\bselama\s+" + _DURATION_BODY, re.IGNORECASE)
_DURATION_PATTERNS = (
    (_DURATION_STRONG, ("berlaku", "jangka", "masa")),
    (_DURATION_WEAK, ("selama",)),
)


def _duration_of(m: re.Match[str]) -> Duration | None:
    """Add up the (up to three) quantities of a duration match."""
    years = months = days = 0
    seen = False
    for i in (1, 2, 3):
        unit = m.group(f"u{i}")
        if unit is None:
            continue
        if m.group(f"d{i}") is not None:
            n: int | None = int(m.group(f"d{i}"))
        else:
            n = words_to_int(m.group(f"x{i}"))
        if n is None:
            return None
        seen = True
        unit = unit.lower().split()[0]
        if unit == "tahun":
            years += n
        elif unit == "bulan":
            months += n
        elif unit in ("minggu", "pekan"):
            days += 7 * n
        else:
            days += n
    if not seen:
        return None
    return Duration(years, months, days, m.group(0))


def find_duration(text: str) -> Duration | None:
    """The term stated in a Jangka Waktu clause: "berlaku 1 (satu) tahun", "jangka waktu 2 (dua)
    tahun", "selama 6 (enam) bulan", "berlaku selama 24 (dua puluh empat) bulan". The digits win
    when digits and words disagree (CONS-TERBILANG reports that). None if no term is stated."""
    low = lower_for_search(text)
    for pattern, starts in _DURATION_PATTERNS:
        if not may_match(low, starts):
            continue  # no match can start anywhere in the text
        for m in pattern().finditer(text):
            found = _duration_of(m)
            if found is not None:
                return found
    return None


# The term's keywords, compiled on first use (only a Jangka Waktu pasal is searched).
_END_KEYWORD = lazy_regex(
    r"\b(?:sampai\s+dengan|s\.\s?d\.?|s/d|sd|hingga|sampai|berakhir(?:\s+pada)?)"
    r"(?:\s+(?:dengan|pada|hari|tanggal|tgl\.?))*\s*(?=\d|[A-Za-z]+,?\s+\d)",
    re.IGNORECASE,
)


_DATE_GAP = re.compile(r"[A-Za-z]*,?\s*")  # at most a word ("tanggal") between keyword and date


def _date_after(keyword: re.Match[str], dates: list[tuple[tuple[int, int], date]]) -> date | None:
    """The first of `dates` that follows `keyword` with at most a short word between them."""
    text = keyword.string
    for (start, _end), found in dates:
        gap = text[keyword.end() : start]
        if start >= keyword.end() and len(gap) <= 12 and _DATE_GAP.fullmatch(gap):
            return found
    return None


def find_end_date(text: str) -> date | None:
    """The end date of a term: "sampai dengan 7 Juli 2025", "s.d. tanggal 31 Desember 2025",
    "hingga 7 Juli 2025", "berakhir pada tanggal 7 Juli 2025"."""
    dates = find_dates(text)
    for m in _END_KEYWORD().finditer(text):
        if (found := _date_after(m, dates)) is not None:
            return found
    return None


_SIGNING = lazy_regex(
    r"\b(?:sejak|mulai|terhitung(?:\s+(?:sejak|mulai))?)(?:\s+(?:tanggal|tgl\.?|saat))?"
    r"\s+(?:di)?tandatangani(?:nya)?\b",
    re.IGNORECASE,
)
_START_KEYWORD = lazy_regex(
    r"\b(?:sejak|mulai(?:\s+berlaku)?|terhitung(?:\s+(?:sejak|mulai))?)"
    r"(?:\s+(?:pada|dari|hari|tanggal|tgl\.?))*\s*",
    re.IGNORECASE,
)


def find_start_date(text: str) -> date | Literal["signing"] | None:
    """The start of a term: a date ("terhitung sejak tanggal 8 Juli 2024") or the literal
    "signing" for "sejak (tanggal) ditandatangani"; whichever comes first; None if neither."""
    candidates: list[tuple[int, date | Literal["signing"]]] = []
    if m := _SIGNING().search(text):
        candidates.append((m.start(), "signing"))
    dates = find_dates(text)
    for m in _START_KEYWORD().finditer(text):
        if (found := _date_after(m, dates)) is not None:
            candidates.append((m.start(), found))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]
