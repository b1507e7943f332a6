"""Rupiah amounts in text: the amount, its terbilang in brackets, and how far the writing is from
the EYD form ``Rp10.000.000,00 (sepuluh juta rupiah)``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from naskah_lint.lang._memo import per_text
from naskah_lint.lang.prefilter import literal_starts, lower_for_search, matches_at
from naskah_lint.lang.terbilang import words_to_decimal

__all__ = ["PROBLEM_CODES", "RUPIAH_NEEDS", "Rupiah", "find_rupiah", "parse_amount"]

#: Every code `Rupiah.problems` may hold, in the order they are reported.
PROBLEM_CODES: tuple[str, ...] = (
    "space_after_rp",  # "Rp 10.000,00"
    "dot_after_rp",  # "Rp.10.000,00"
    "dash_suffix",  # "Rp10.000,-" (reported instead of no_decimals)
    "no_decimals",  # "Rp10.000", "Rp10 juta"
    "bad_grouping",  # "Rp10000,00", "Rp10,000,000.00", "Rp10.00.000"
    "words_missing",  # no "(… rupiah)" after the amount
    "words_mismatch",  # the words are a number, but not the amount
)

_SCALE_WORDS = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "milyar": 10**9, "triliun": 10**12}

_RUPIAH = re.compile(
    r"(?=[Rr])(?<![A-Za-z])(?P<rp>Rp)(?P<dot>\.)?(?P<space>[ \t\u00a0\u202f]*)"
    r"(?P<num>\d[\d.,]*\d|\d)"
    r"(?P<dash>,\s?-{1,2}|\.-{1,2}|,\s?[–—])?"
    r"(?:\s+(?P<scale>ribu|juta|miliar|milyar|triliun)\b)?"
    r"(?P<words>\s*\((?P<inner>[^()]*)\))?",
    re.IGNORECASE,
)
_CANONICAL_NUM = re.compile(r"\d{1,3}(?:\.\d{3})*(?:,\d{2})?")
_TRAILING_RUPIAH = re.compile(r"\s*\brupiah\b\s*\.?$", re.IGNORECASE)
_LEADING_TERBILANG = re.compile(r"^\s*terbilang\s*:?\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Rupiah:
    """One rupiah amount as written, what it is worth, and what is wrong with its writing.

    `canonical` is True for exactly ``Rp<d.ddd>,dd (<lower-case words> rupiah)`` whose words
    equal the amount. `words_value` is None when the words are missing or not a number.
    """

    text: str
    span: tuple[int, int]
    amount: Decimal | None
    canonical: bool
    problems: tuple[str, ...]
    words_text: str | None
    words_value: Decimal | None


# (pattern, thousands separator, decimal separator) for the non-canonical writings, in order.
_NON_CANONICAL_NUMS = tuple(
    (re.compile(pattern), thousands, decimal)
    for pattern, thousands, decimal in (
        (r"\d+(?:,\d+)?", "", ","),  # no grouping
        (r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", ".", ","),  # odd number of decimals
        (r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?", ",", "."),  # English
        (r"\d+\.\d{2}", "", "."),  # English decimals without grouping
        (r"\d+(?:\.\d+)*(?:,\d+)?", ".", ","),  # misplaced dots
    )
)


def parse_amount(digits: str) -> tuple[Decimal | None, bool]:
    """Digits as written after "Rp" -> (value, grouping is the Indonesian one).

    "10.000.000,00" -> (10000000.00, True); "10000000" -> (10000000, False);
    "10,000,000.00" (English) -> (10000000.00, False); unreadable -> (None, False).
    """
    if _CANONICAL_NUM.fullmatch(digits):
        return Decimal(digits.replace(".", "").replace(",", ".")), True
    for pattern, thousands, decimal in _NON_CANONICAL_NUMS:
        if pattern.fullmatch(digits):
            plain = digits.replace(thousands, "") if thousands else digits
            try:
                return Decimal(plain.replace(decimal, ".")), False
            except InvalidOperation:  # pragma: no cover - the patterns only admit digits
                return None, False
    return None, False


def _words_value(inner: str) -> Decimal | None:
    """The number in "(sepuluh juta rupiah)" / "(terbilang: sepuluh juta rupiah)"."""
    core = _TRAILING_RUPIAH.sub("", _LEADING_TERBILANG.sub("", inner)).strip()
    return words_to_decimal(core) if core else None


def _rupiah(m: re.Match[str]) -> Rupiah:
    """Build the record for one match."""
    problems: list[str] = []
    if m.group("space"):
        problems.append("space_after_rp")
    if m.group("dot"):
        problems.append("dot_after_rp")
    num = m.group("num")
    amount, grouped = parse_amount(num)
    scale = m.group("scale")
    if scale and amount is not None:
        amount *= _SCALE_WORDS[scale.lower()]
    cents = r",\d{2}$" if grouped else r"[,.]\d{2}$"
    has_cents = re.search(cents, num) is not None and not scale
    if m.group("dash"):
        problems.append("dash_suffix")
    elif not has_cents:
        problems.append("no_decimals")
    if not grouped and not (scale and re.fullmatch(r"\d{1,3}(?:,\d+)?", num)):
        problems.append("bad_grouping")
    inner = m.group("inner")
    words_value = _words_value(inner) if inner is not None else None
    if inner is None:
        problems.append("words_missing")
    elif words_value is not None and amount is not None and words_value != amount:
        problems.append("words_mismatch")
    words_text = inner.strip() if inner is not None else None
    canonical = (
        not problems
        and m.group("rp") == "Rp"
        and words_value is not None
        and words_text is not None
        and words_text == words_text.lower()
        and words_text.endswith("rupiah")
        and not _LEADING_TERBILANG.match(words_text)
    )
    return Rupiah(
        text=m.group(0),
        span=(m.start(), m.end()),
        amount=amount,
        canonical=canonical,
        problems=tuple(problems),
        words_text=words_text,
        words_value=words_value,
    )


#: What every amount `find_rupiah` finds holds, as `lower_for_search` writes it (a caller that
#: has the lower-cased text may skip the call without it).
RUPIAH_NEEDS = "rp"
_RUPIAH_STARTS = (RUPIAH_NEEDS,)


@per_text
def find_rupiah(text: str) -> list[Rupiah]:
    """Every rupiah amount in text ("Rp10.000.000,00 (sepuluh juta rupiah)", "Rp. 5.000.000,-",
    "Rp 10.000.000", "Rp10 juta"), with its problems (see PROBLEM_CODES)."""
    low = lower_for_search(text)
    if RUPIAH_NEEDS not in low:
        return []  # most paragraphs: a string test instead of a regex scan
    # every amount starts where "rp" does ("terpisah", "berpedoman" hold it too): the regex is
    # tried only there, not at every character of the text
    return [_rupiah(m) for m in matches_at(_RUPIAH, text, literal_starts(_RUPIAH_STARTS, low))]
