"""Cross-references in body text ("sebagaimana dimaksud dalam Pasal 5 ayat (2) huruf b") and
pasal headings ("Pasal 5", "PASAL V", "Pasal 5 MAKSUD DAN TUJUAN").

Body text is searched for references; a heading line is not a reference, so `find_references`
returns nothing for text that `is_pasal_heading` accepts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from naskah_lint.lang._lazy import lazy_regex
from naskah_lint.lang._memo import per_text, remembered
from naskah_lint.lang.prefilter import literal_starts, lower_for_search, matches_at, may_match

__all__ = [
    "REFERENCE_WORDS",
    "Reference",
    "Target",
    "find_reference_targets",
    "find_references",
    "is_pasal_heading",
    "may_refer",
    "roman_to_int",
    "split_pasal_heading",
]


@dataclass(frozen=True, slots=True)
class Reference:
    """One reference. `pasal` is None for "ayat (1)" alone (`current_pasal` is then True: the
    pasal the text sits in); `pasal_to` is the end of a range ("Pasal 3 sampai dengan Pasal 5");
    ayat and angka ranges are expanded ("ayat (1) sampai dengan ayat (3)" -> (1, 2, 3))."""

    text: str
    span: tuple[int, int]
    pasal: int | None
    pasal_to: int | None
    ayat: tuple[int, ...]
    huruf: tuple[str, ...]
    angka: tuple[int, ...]
    lampiran: bool
    current_pasal: bool
    lampiran_label: str | None = None  # "I", "II", "1" in "Lampiran I"; None if unnumbered


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# compiled on first use, as `_RANGE_SEP`, `_NOT_TITLE` and `_WORD`: most runs need none
_ROMAN_RE = lazy_regex(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")


def roman_to_int(text: str) -> int | None:
    """Value of a well-formed Roman numeral in any case ("IV" -> 4); None otherwise."""
    s = text.strip().upper()
    if not s or not _ROMAN_RE().fullmatch(s):
        return None
    total = 0
    for i, ch in enumerate(s):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(s) and _ROMAN[s[i + 1]] > value else value
    return total


_RANGE = r"(?:sampai\s+dengan|s\.\s?d\.?|s/d|sd|hingga|sampai|[-–—])"
_RANGE_SEP = lazy_regex(r"\s*" + _RANGE + r"\s*", re.IGNORECASE)
_LIST = r"(?:\s*,\s*(?:dan|atau|dan/atau)?\s*|\s+(?:dan|atau|dan/atau)\s+|\s*,?\s*serta\s+)"
_AYAT_ITEM = r"\(\s*\d{1,3}\s*\)"
_AYAT = (
    r"ayat\s*"
    + _AYAT_ITEM
    + r"(?:(?:"
    + _LIST
    + r"|\s*"
    + _RANGE
    + r"\s*)(?:ayat\s*)?"
    + _AYAT_ITEM
    + r")*"
)
_HURUF = (
    r"huruf\s+[a-z]\b(?!\.\w)(?:(?:" + _LIST + r"|\s*" + _RANGE + r"\s*)(?:huruf\s+)?"
    r"[a-z]\b(?![\w/-])(?!\.\w))*"
)
_ANGKA = (
    r"angka\s+\d{1,3}\b(?!\.\d)(?:(?:" + _LIST + r"|\s*" + _RANGE + r"\s*)(?:angka\s+)?"
    r"\d{1,3}\b(?![.,]\d))*"
)
_PASAL = (
    r"pasal\s+(?P<pasal>\d{1,3})\b(?![.,/]\d)"
    r"(?:\s*" + _RANGE + r"\s*(?:pasal\s+)?(?P<pasal_to>\d{1,3})\b(?![.,/]\d))?"
)
# Every alternative starts at a word boundary with l, p, a or h: testing that first lets the
# engine skip most positions at once (3-4x faster on prose).
_REFERENCE = re.compile(
    r"\b(?=[lpah])(?:"
    r"(?P<lampiran>\blampiran\b(?:\s+(?P<label>[IVXLC]+|\d{1,2})\b(?![.\w]))?)"
    r"|\b(?:" + _PASAL + r")(?:\s*,?\s*(?P<ayat1>" + _AYAT + r"))?"
    r"(?:\s*,?\s*(?P<huruf1>" + _HURUF + r"))?(?:\s*,?\s*(?P<angka1>" + _ANGKA + r"))?"
    r"|\b(?P<ayat2>" + _AYAT + r")(?:\s*,?\s*(?P<huruf2>" + _HURUF + r"))?"
    r"(?:\s*,?\s*(?P<angka2>" + _ANGKA + r"))?"
    r"|\b(?P<huruf3>" + _HURUF + r")(?:\s*,?\s*(?P<angka3>" + _ANGKA + r"))?"
    r"|\b(?P<angka4>" + _ANGKA + r"))",
    re.IGNORECASE,
)


def _expand(items: list[str], seps: list[str], convert: type[int] | type[str]) -> tuple[str, ...]:
    """Items of a list, with "a sampai dengan c" style ranges expanded (letters or numbers)."""
    out: list[str] = []
    for i, item in enumerate(items):
        if i > 0 and _RANGE_SEP().fullmatch(seps[i - 1]):
            prev = out[-1]
            if convert is int:
                lo, hi = int(prev), int(item)
                out.extend(str(v) for v in range(lo + 1, hi + 1) if hi - lo <= 100)
            elif len(prev) == 1 and len(item) == 1:  # "İ" matches [a-z] and lowers to 2 chars
                lo_c, hi_c = ord(prev), ord(item)
                out.extend(chr(v) for v in range(lo_c + 1, hi_c + 1))
            if out[-1] != item:
                out.append(item)
        else:
            out.append(item)
    return tuple(out)


# The keyword and item patterns `_items` reads lists with: compiled on first use (most
# references are a lone "Pasal 5"), then one cached call, no lookup in `re`'s pattern cache.
_AYAT_WORD = lazy_regex(r"\bayat\b", re.IGNORECASE)
_AYAT_VALUE = lazy_regex(r"\(\s*(\d{1,3})\s*\)", re.IGNORECASE)
_HURUF_WORD = lazy_regex(r"\bhuruf\b", re.IGNORECASE)
_HURUF_VALUE = lazy_regex(r"\b([a-z])\b", re.IGNORECASE)
_ANGKA_WORD = lazy_regex(r"\bangka\b", re.IGNORECASE)
_ANGKA_VALUE = lazy_regex(r"\b(\d{1,3})\b", re.IGNORECASE)
_Regex = Callable[[], re.Pattern[str]]


def _items(part: str, keyword: _Regex, item: _Regex) -> tuple[list[str], list[str]]:
    """Split "ayat (1), (2) dan ayat (3)" into items ["1","2","3"] and the separators between."""
    body = keyword().sub(" ", part)
    pieces = list(item().finditer(body))
    items = [m.group(1) for m in pieces]
    seps = [body[a.end() : b.start()] for a, b in itertools.pairwise(pieces)]
    return items, seps


def _ints(part: str | None, keyword: _Regex, item: _Regex) -> tuple[int, ...]:
    if not part:
        return ()
    items, seps = _items(part, keyword, item)
    return tuple(int(v) for v in _expand(items, seps, int))


def _letters(part: str | None) -> tuple[str, ...]:
    if not part:
        return ()
    items, seps = _items(part, _HURUF_WORD, _HURUF_VALUE)
    return _expand([i.lower() for i in items], seps, str)


# Every reference starts with one of these words (any case).
REFERENCE_WORDS = ("pasal", "ayat", "huruf", "angka", "lampiran")


def may_refer(text: str) -> bool:
    """Whether `text` holds one of the words a reference starts with (any case): a quick test
    for callers that skip lines without references."""
    return may_match(lower_for_search(text), REFERENCE_WORDS)


def _starts(low: str) -> list[int]:
    """Every index of `low` (`lower_for_search` of a text) where one of the `REFERENCE_WORDS`
    starts, ascending."""
    return literal_starts(REFERENCE_WORDS, low)


# The groups of `_REFERENCE`, read with one `Match.group` call per match.
_GROUPS = (
    "lampiran",
    "label",
    "pasal",
    "pasal_to",
    "ayat1",
    "ayat2",
    "huruf1",
    "huruf2",
    "huruf3",
    "angka1",
    "angka2",
    "angka3",
    "angka4",
)


def _reference_matches(text: str) -> list[re.Match[str]]:
    """What `_REFERENCE.finditer(text)` yields, tried only where one of the `REFERENCE_WORDS`
    starts (every match starts with one); none for a pasal heading."""
    low = lower_for_search(text)
    starts = _starts(low)
    # no reference word: no match (and no heading, which starts with "pasal" after spaces:
    # `_HEADING`'s "^\s*pasal", tested on `low` first, as most texts are not headings)
    if not starts or (low.lstrip().startswith("pasal") and is_pasal_heading(text) is not None):
        return []
    return matches_at(_REFERENCE, text, starts)


@per_text
def find_references(text: str) -> list[Reference]:
    """Every reference in body text: "Pasal 5 ayat (2) huruf b", "Pasal 3 sampai dengan Pasal 5",
    "ayat (1) dan (2)", "pada ayat (1)" (current pasal), "huruf a dan huruf b",
    "Pasal 4 ayat (1) huruf a angka 2", "Lampiran", "Lampiran I". A heading line gives []."""
    found: list[Reference] = []
    for m in _reference_matches(text):
        (
            lampiran_part,
            label,
            pasal_part,
            pasal_to_part,
            ayat1,
            ayat2,
            huruf1,
            huruf2,
            huruf3,
            angka1,
            angka2,
            angka3,
            angka4,
        ) = m.group(*_GROUPS)
        # A "Lampiran" match leaves every pasal, ayat, huruf and angka group empty.
        lampiran = lampiran_part is not None
        pasal = int(pasal_part) if pasal_part else None
        found.append(
            Reference(
                text=m.group(0),
                span=m.span(),
                pasal=pasal,
                pasal_to=int(pasal_to_part) if pasal_to_part else None,
                ayat=_ints(ayat1 or ayat2, _AYAT_WORD, _AYAT_VALUE),
                huruf=_letters(huruf1 or huruf2 or huruf3),
                angka=_ints(angka1 or angka2 or angka3 or angka4, _ANGKA_WORD, _ANGKA_VALUE),
                lampiran=lampiran,
                current_pasal=pasal is None and not lampiran,
                lampiran_label=label.upper() if label else None,
            )
        )
    return found


class Target(NamedTuple):
    """One place a reference points to: `pasal` None for the current pasal (or a Lampiran),
    at most one ayat and one huruf (a reference naming several gives one target each)."""

    text: str  # the reference as written
    pasal: int | None
    ayat: int | None
    huruf: str | None
    pasal_to: int | None
    lampiran: bool


# The groups `find_reference_targets` reads (angka and the Lampiran label point nowhere new).
_TARGET_GROUPS = ("lampiran", "pasal", "pasal_to", "ayat1", "ayat2", "huruf1", "huruf2", "huruf3")


@remembered
def find_reference_targets(text: str) -> tuple[Target, ...]:
    """The targets of `find_references(text)`, in order: one per ayat and huruf each reference
    names ("Pasal 5 ayat (1) dan (2)" -> (5, 1, None), (5, 2, None)). For the outline, which
    reads every body line: one shared tuple per text, no Reference records built."""
    found: list[Target] = []
    make = tuple.__new__  # a Target without NamedTuple.__new__'s Python frame
    for m in _reference_matches(text):
        lampiran, pasal, pasal_to, ayat1, ayat2, huruf1, huruf2, huruf3 = m.group(*_TARGET_GROUPS)
        written = m.group(0)
        number = int(pasal) if pasal else None
        to = int(pasal_to) if pasal_to else None
        is_lampiran = lampiran is not None
        ayat_part = ayat1 or ayat2
        huruf_part = huruf1 or huruf2 or huruf3
        if not ayat_part and not huruf_part:  # most references: "Pasal 5", one target
            found.append(make(Target, (written, number, None, None, to, is_lampiran)))
            continue
        ayats: tuple[int | None, ...] = _ints(ayat_part, _AYAT_WORD, _AYAT_VALUE) or (None,)
        hurufs: tuple[str | None, ...] = _letters(huruf_part) or (None,)
        found.extend(
            make(Target, (written, number, a, h, to, is_lampiran)) for a in ayats for h in hurufs
        )
    return tuple(found)


_HEADING = re.compile(
    r"^\s*pasal\s*(?:(?P<num>\d{1,3})|(?P<roman>[IVXLC]+)(?![A-Za-z]))"
    r"[ \t\u00a0]*[.:\-–—]?(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_NOT_TITLE = lazy_regex(
    r"\b(?:pasal\s+\d|pasal\s+[IVXLC]+\b|ayat\s*\(|huruf\s+[a-z]\b|angka\s+\d)"
    r"|^(?:dan|atau|serta|sampai|s\.\s?d|s/d|hingga|sebagaimana)\b",
    re.IGNORECASE,
)
_WORD = lazy_regex(r"[A-Za-z][\w'’/-]*")
_LINE_BREAKS = re.compile(r"[\n\r\v\u2028\u2029]+")
_SMALL_WORDS = frozenset({"dan", "atau", "serta", "di", "ke", "dari", "yang", "untuk", "dengan"})


def _title_like(rest: str) -> bool:
    """True when `rest` reads as a heading title: short, capitalised words, no sentence end."""
    line = rest.strip()
    if not line:
        return True
    if len(line) > 100 or (line.endswith((".", ";", ",")) and not line.endswith("...")):
        return False
    if _NOT_TITLE().search(line):
        return False  # "Pasal 2 dan Pasal 14", "PASAL 5 AYAT (3)": a reference, not a title
    words = _WORD().findall(line)
    if not words:
        return True  # "(1)" or placeholders only: let the caller judge
    if line.upper() == line:
        return True
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS for w in words)


def _split(text: str) -> tuple[int | None, str | None]:
    m = _HEADING.match(text)
    if m is None:
        return None, None
    if m.group("num"):
        number: int | None = int(m.group("num"))
    else:
        number = roman_to_int(m.group("roman"))
        if number is None:
            return None, None
    rest = m.group("rest")
    lines = [ln.strip() for ln in _LINE_BREAKS.split(rest)]
    first_line = lines[0] if lines else ""
    if not _title_like(first_line):
        return None, None
    title = first_line
    if not title:
        following = next((ln for ln in lines[1:] if ln), "")
        title = following if _title_like(following) else ""
    title = title.strip(" \t.:-–—")
    return number, title or None


def is_pasal_heading(text: str) -> int | None:
    """The number of a pasal heading ("Pasal 5", "PASAL V", "Pasal 5MAKSUD DAN TUJUAN",
    "Pasal 5 MAKSUD DAN TUJUAN", "Pasal 5\\nMAKSUD"), or None for body text."""
    return _split(text)[0]


def split_pasal_heading(text: str) -> tuple[int | None, str | None]:
    """(number, title) of a pasal heading; the title is the rest of the line, else the next
    non-empty line of the same paragraph, else None. (None, None) for body text."""
    return _split(text)
