"""Cross-references in body text ("sebagaimana dimaksud dalam Pasal 5 ayat (2) huruf b") and
pasal headings ("Pasal 5", "PASAL V", "Pasal 5 MAKSUD DAN TUJUAN").

Body text is searched for references; a heading line is not a reference, so `find_references`
returns nothing for text that `is_pasal_heading` accepts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from naskah_lint.lang._memo import per_text
from naskah_lint.lang.prefilter import find_all, lower_for_search, matches_at

__all__ = [
    "REFERENCE_WORDS",
    "Reference",
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
_ROMAN_RE = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")


def roman_to_int(text: str) -> int | None:
    """Value of a well-formed Roman numeral in any case ("IV" -> 4); None otherwise."""
    s = text.strip().upper()
    if not s or not _ROMAN_RE.fullmatch(s):
        return None
    total = 0
    for i, ch in enumerate(s):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(s) and _ROMAN[s[i + 1]] > value else value
    return total


_RANGE = r"(?:sampai\s+dengan|s\.\s?d\.?|s/d|sd|hingga|sampai|[-–—])"
_RANGE_SEP = re.compile(r"\s*" + _RANGE + r"\s*", re.IGNORECASE)
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
        if i > 0 and _RANGE_SEP.fullmatch(seps[i - 1]):
            prev = out[-1]
            if convert is int:
                lo, hi = int(prev), int(item)
                out.extend(str(v) for v in range(lo + 1, hi + 1) if hi - lo <= 100)
            else:
                lo_c, hi_c = ord(prev), ord(item)
                out.extend(chr(v) for v in range(lo_c + 1, hi_c + 1))
            if out[-1] != item:
                out.append(item)
        else:
            out.append(item)
    return tuple(out)


def _items(part: str | None, keyword: str, item: str) -> tuple[list[str], list[str]]:
    """Split "ayat (1), (2) dan ayat (3)" into items ["1","2","3"] and the separators between."""
    if not part:
        return [], []
    body = re.sub(rf"\b{keyword}\b", " ", part, flags=re.IGNORECASE)
    pieces = list(re.finditer(item, body, re.IGNORECASE))
    items = [m.group(1) for m in pieces]
    seps = [body[a.end() : b.start()] for a, b in itertools.pairwise(pieces)]
    return items, seps


def _ints(part: str | None, keyword: str, item: str) -> tuple[int, ...]:
    items, seps = _items(part, keyword, item)
    return tuple(int(v) for v in _expand(items, seps, int))


def _letters(part: str | None) -> tuple[str, ...]:
    items, seps = _items(part, "huruf", r"\b([a-z])\b")
    return _expand([i.lower() for i in items], seps, str)


# Every reference starts with one of these words (any case).
REFERENCE_WORDS = ("pasal", "ayat", "huruf", "angka", "lampiran")


def may_refer(text: str) -> bool:
    """Whether `text` holds one of the words a reference starts with (any case): a quick test
    for callers that skip lines without references."""
    low = lower_for_search(text)
    return any(word in low for word in REFERENCE_WORDS)


def _matches(text: str) -> Iterator[re.Match[str]]:
    """What `_REFERENCE.finditer(text)` yields, trying the regex only where one of the
    `REFERENCE_WORDS` starts (every match starts with one) instead of at every position."""
    low = lower_for_search(text)
    starts = (at for word in REFERENCE_WORDS for at in find_all(low, word))
    return matches_at(_REFERENCE, text, starts)


@per_text
def find_references(text: str) -> list[Reference]:
    """Every reference in body text: "Pasal 5 ayat (2) huruf b", "Pasal 3 sampai dengan Pasal 5",
    "ayat (1) dan (2)", "pada ayat (1)" (current pasal), "huruf a dan huruf b",
    "Pasal 4 ayat (1) huruf a angka 2", "Lampiran", "Lampiran I". A heading line gives []."""
    if is_pasal_heading(text) is not None:
        return []
    found: list[Reference] = []
    for m in _matches(text):
        # A "Lampiran" match leaves every pasal, ayat, huruf and angka group empty.
        lampiran = m.group("lampiran") is not None
        label = m.group("label")
        pasal = int(m.group("pasal")) if m.group("pasal") else None
        pasal_to = int(m.group("pasal_to")) if m.group("pasal_to") else None
        ayat_part = m.group("ayat1") or m.group("ayat2")
        huruf_part = m.group("huruf1") or m.group("huruf2") or m.group("huruf3")
        angka_part = (
            m.group("angka1") or m.group("angka2") or m.group("angka3") or m.group("angka4")
        )
        found.append(
            Reference(
                text=m.group(0),
                span=(m.start(), m.end()),
                pasal=pasal,
                pasal_to=pasal_to,
                ayat=_ints(ayat_part, "ayat", r"\(\s*(\d{1,3})\s*\)"),
                huruf=_letters(huruf_part),
                angka=_ints(angka_part, "angka", r"\b(\d{1,3})\b"),
                lampiran=lampiran,
                current_pasal=pasal is None and not lampiran,
                lampiran_label=label.upper() if label else None,
            )
        )
    return found


_HEADING = re.compile(
    r"^\s*pasal\s*(?:(?P<num>\d{1,3})|(?P<roman>[IVXLC]+)(?![A-Za-z]))"
    r"[ \t\u00a0]*[.:\-–—]?(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_NOT_TITLE = re.compile(
    r"\b(?:pasal\s+\d|pasal\s+[IVXLC]+\b|ayat\s*\(|huruf\s+[a-z]\b|angka\s+\d)"
    r"|^(?:dan|atau|serta|sampai|s\.\s?d|s/d|hingga|sebagaimana)\b",
    re.IGNORECASE,
)
_SMALL_WORDS = frozenset({"dan", "atau", "serta", "di", "ke", "dari", "yang", "untuk", "dengan"})


def _title_like(rest: str) -> bool:
    """True when `rest` reads as a heading title: short, capitalised words, no sentence end."""
    line = rest.strip()
    if not line:
        return True
    if len(line) > 100 or (line.endswith((".", ";", ",")) and not line.endswith("...")):
        return False
    if _NOT_TITLE.search(line):
        return False  # "Pasal 2 dan Pasal 14", "PASAL 5 AYAT (3)": a reference, not a title
    words = re.findall(r"[A-Za-z][\w'’/-]*", line)
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
    lines = [ln.strip() for ln in re.split(r"[\n\r\v\u2028\u2029]+", rest)]
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
