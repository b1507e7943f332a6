"""Judul, nomor and pembukaan: the head of an agreement, up to the opening sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from naskah_lint.lang._lazy import lazy_regex
from naskah_lint.lang.dates import find_english_date, find_numeric_date, find_word_date
from naskah_lint.lang.normalize import is_placeholder_only, strip_placeholders
from naskah_lint.outline.lines import Line, clean, has_placeholder, strip_end, tidy
from naskah_lint.outline.model import Nomor, Opening, Title

# Document type from the title line, most specific first. NPHD hibah, employment contracts
# (PERJANJIAN KERJA without SAMA) and rentals are OTHER.
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "ADDENDUM",
        re.compile(
            r"\b(?:AD+END[UA]M|AMANDEMEN|AMENDEMEN|AMENDMENT"
            r"|PERUBAHAN\s+(?:ATAS\s+|KE\w*\s+(?:ATAS\s+)?)?(?:NOTA|PERJANJIAN|KESEPAKATAN))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "OTHER",
        re.compile(r"\bPERJANJIAN\s+HIBAH\b|\bNPHD\b|\bHIBAH\s+DAERAH\b", re.IGNORECASE),
    ),
    (
        "PKS",
        re.compile(
            r"\bPERJANJIAN\s+KERJA\s*-?\s*SAMA\b|\bMEMORANDUM\s+OF\s+AGREEMENT\b|\bMOA\b",
            re.IGNORECASE,
        ),
    ),
    ("OTHER", re.compile(r"\bPERJANJIAN\s+KERJA\b", re.IGNORECASE)),
    (
        "NK",
        re.compile(
            r"\bNOTA\s+KESEPAHAMAN\b|\bKESEPAKATAN\s+BERSAMA\b|\bNOTA\s+KESEPAKATAN\b"
            r"|\bMEMORANDUM\s+OF\s+UNDERSTANDING\b|\bMOU\b",
            re.IGNORECASE,
        ),
    ),
    (
        "OTHER",
        re.compile(r"\bPERJANJIAN\b|\bKONTRAK\b|\bAGREEMENT\b|\bKESEPAKATAN\b", re.IGNORECASE),
    ),
)
_MAX_TITLE_LINE = 120
_OPENING = re.compile(
    r"\bpada\s+hari\s+ini\b|^\s*hari\s+ini\b|^\s*pada\s+(?:hari|tanggal)\b|^\s*on\s+this\s+day\b"
    r"|^\s*on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)
_UNDERSIGNED = re.compile(
    r"\bbertanda\s*-?\s*tangan\s+di\s*bawah\s+ini\b|\bthe\s+undersigned\b", re.IGNORECASE
)
_NOMOR = re.compile(r"^\s*(?:NOMOR|NO\.|NUMBER)\s*[:.]?\s*(?P<value>.*)$", re.IGNORECASE)
_ANTARA = frozenset({"ANTARA", "BETWEEN"})
_DAN = frozenset({"DAN", "DENGAN", "AND", "WITH"})
_TENTANG = frozenset({"TENTANG", "REGARDING", "CONCERNING", "ABOUT", "ON"})
_KEYWORD_PREFIX = re.compile(
    r"^(?P<kw>ANTARA|BETWEEN|DENGAN|TENTANG|REGARDING|CONCERNING)\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"\bbertempat\s+(?:di|pada)\s+(?P<place>.+?)(?=\s*[,;(]|\s+kami\b|\s+yang\b|$)",
    re.IGNORECASE,
)


# An English opening's patterns (compiled on first use: most drafts are Indonesian).
_EN_PLACE = lazy_regex(  # after the date: "… in Badung, we, the undersigned"
    r"\s*,?\s*(?:in|at)\s+(?P<place>[A-Z][^,;:]{0,60}?)(?=\s*[,;:]|\s+we\b|$)"
)
_EN_WEEKDAY = lazy_regex(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE
)


class Head(NamedTuple):
    """What the head of the document gave: type, title, nomor lines and the opening."""

    document_type: str
    title: Title | None
    title_line: int | None  # index into lines of the kind line
    nomor: tuple[Nomor, ...]
    opening: Opening | None
    opening_line: int | None
    end: int  # index of the first line after the head (komparisi starts here)


def document_kind(text: str) -> str | None:
    """NK, PKS, ADDENDUM or OTHER for a title line, or None if it names no agreement."""
    for kind, pattern in _KINDS:
        if pattern.search(text):
            return kind
    return None


def is_nomor_line(text: str) -> bool:
    """True for "NOMOR: 12/PR.07-PKS/3313/2024", "Nomor : ……", "Number: ..."."""
    m = _NOMOR.match(text)
    return m is not None and len(text) <= 160


def _nomor(line: Line) -> Nomor:
    m = _NOMOR.match(line.text)
    value = strip_end(m.group("value"), " :") if m else ""
    blank = not value or not re.search(r"[0-9A-Za-z]", value)
    placeholder = blank or has_placeholder(value) or is_placeholder_only(value)
    if not placeholder and re.fullmatch(r"\(.*\)", value):
        placeholder = True  # "(Company's number)"
    return Nomor(
        text=line.text, value=None if blank else value, block=line.block, placeholder=placeholder
    )


def _find_kind_line(lines: Sequence[Line], end: int) -> tuple[int, str] | None:
    for i in range(min(end, len(lines))):
        text = lines[i].text
        if not text or len(text) > _MAX_TITLE_LINE or is_nomor_line(text):
            continue
        kind = document_kind(strip_placeholders(text))
        if kind is not None and (text.upper() == text or len(text) <= 60):
            return i, kind
    return None


def find_opening(lines: Sequence[Line], start: int, end: int) -> int | None:
    """Index of the opening sentence ("Pada hari ini ...") in [start, end)."""
    for i in range(max(start, 0), min(end, len(lines))):
        if _OPENING.search(lines[i].text):
            return i
    return None


def _keyword(text: str) -> str:
    return strip_end(text, " :,.").upper()


class _TitleState:
    """What the title reader has seen so far, from the kind line (`lines`, `blocks`) on (a
    plain mutable record, not a dataclass, so that importing the outline builds less)."""

    __slots__ = (
        "blocks",
        "has_antara",
        "has_dan",
        "has_tentang",
        "institutions",
        "lines",
        "mode",
        "perihal",
        "perihal_blocks",
    )

    def __init__(self, lines: list[str], blocks: list[int]) -> None:
        self.mode = "pre"  # pre (right after the kind line) | inst | perihal | done
        self.lines = lines
        self.blocks = blocks
        self.institutions: list[list[str]] = [[]]
        self.perihal: list[str] = []
        self.perihal_blocks: list[int] = []
        self.has_antara = False
        self.has_dan = False
        self.has_tentang = False


def _next_text(lines: Sequence[Line], i: int, end: int) -> str:
    for j in range(i + 1, end):
        if lines[j].text:
            return lines[j].text
    return ""


def _is_keyword_line(text: str) -> bool:
    kw = _keyword(text)
    return (
        kw in _ANTARA
        or kw in _DAN
        or kw in _TENTANG
        or is_nomor_line(text)
        or _KEYWORD_PREFIX.match(text) is not None
    )


def _read_title(lines: Sequence[Line], kind_line: int, end: int) -> tuple[Title, int]:
    """The title block from the kind line; returns it and the index after its last line."""
    first = lines[kind_line]
    st = _TitleState(lines=[first.text], blocks=[first.block])
    last = kind_line
    i = kind_line + 1
    while i < end:
        line = lines[i]
        text = line.text
        if not text:
            if st.mode == "perihal" and st.perihal:
                st.mode = "done"
            elif st.mode == "pre" and not _is_keyword_line(_next_text(lines, i, end)):
                break
            i += 1
            continue
        if is_nomor_line(text):
            i += 1
            continue
        if len(text) > 200 or _UNDERSIGNED.search(text) or _OPENING.search(text):
            break
        kw = _keyword(text)
        prefixed = _KEYWORD_PREFIX.match(text)
        if kw in _ANTARA:
            st.has_antara, st.mode = True, "inst"
            st.institutions.append([])
        elif kw in _DAN:
            st.has_dan, st.mode = True, "inst"
            st.institutions.append([])
        elif kw in _TENTANG:
            st.has_tentang, st.mode = True, "perihal"
        elif prefixed is not None:
            word = prefixed.group("kw").upper()
            rest = prefixed.group("rest")
            if word in ("TENTANG", "REGARDING", "CONCERNING"):
                st.has_tentang, st.mode = True, "perihal"
                st.perihal.append(rest)
                st.perihal_blocks.append(line.block)
            else:
                st.has_antara = st.has_antara or word in _ANTARA
                st.has_dan = st.has_dan or word in _DAN
                st.mode = "inst"
                st.institutions.append([rest])
        elif st.mode in ("pre", "inst"):
            current = st.institutions[-1]
            if current and current[-1].endswith((",", ";")):
                st.institutions.append([text])
            else:
                current.append(text)
        elif st.mode == "perihal":
            st.perihal.append(text)
            st.perihal_blocks.append(line.block)
        else:  # done: the title is over
            break
        st.lines.append(text)
        st.blocks.append(line.block)
        last = i
        i += 1
    institutions: tuple[str, ...] = ()
    if st.has_antara or st.has_dan:
        institutions = tuple(
            strip_end(" ".join(parts), " ,;") for parts in st.institutions if parts
        )
    title = Title(
        lines=tuple(st.lines),
        blocks=tuple(sorted(set(st.blocks))),
        kind_text=first.text,
        institutions=institutions,
        perihal=clean(" ".join(st.perihal)) or None,
        perihal_blocks=tuple(sorted(set(st.perihal_blocks))),
        has_antara=st.has_antara,
        has_dan=st.has_dan,
        has_tentang=st.has_tentang,
    )
    return title, last + 1


def read_opening(line: Line, english: bool) -> Opening:
    """The opening sentence's weekday, date (words and digits) and place."""
    text = line.text
    place_m = _PLACE.search(text)
    place = tidy(place_m.group("place")) or None if place_m else None
    if english:
        weekday_m = _EN_WEEKDAY().search(text)
        en_date = find_english_date(text)
        if place is None and en_date is not None:
            place_en = _EN_PLACE().match(text, en_date[1][1])
            place = tidy(place_en.group("place")) or None if place_en else None
        return Opening(
            block=line.block,
            text=text,
            weekday=weekday_m.group(1) if weekday_m else None,
            day_text=None,
            month_text=None,
            year_text=None,
            date=en_date[0] if en_date else None,
            date_in_words=en_date is not None
            and not re.search(r"\d", text[en_date[1][0] : en_date[1][1]]),
            numeric_text=None,
            numeric_date=None,
            place=place,
            placeholder=has_placeholder(text),
        )
    wd = find_word_date(text)
    numeric = find_numeric_date(text)
    weekday = None
    if wd is not None and wd.weekday_text and not has_placeholder(wd.weekday_text):
        weekday = wd.weekday_text
    return Opening(
        block=line.block,
        text=text,
        weekday=weekday,
        day_text=wd.day_text if wd else None,
        month_text=wd.month_text if wd else None,
        year_text=wd.year_text if wd else None,
        date=wd.as_date if wd else None,
        date_in_words=bool(wd and wd.in_words and wd.month is not None),
        numeric_text=numeric[0] if numeric else None,
        numeric_date=numeric[1] if numeric else None,
        place=place,
        placeholder=has_placeholder(text),
    )


def read_head(lines: Sequence[Line], limit: int, english: bool) -> Head:
    """Type, title, nomor lines and opening, looking no further than line index `limit`."""
    opening_i = find_opening(lines, 0, limit)
    search_end = opening_i if opening_i is not None else min(limit, 60)
    found = _find_kind_line(lines, search_end)
    title: Title | None = None
    kind = "OTHER"
    title_line = None
    after_title = 0
    if found is not None:
        title_line, kind = found
        title, after_title = _read_title(lines, title_line, search_end)
    nomor_start = title_line if title_line is not None else 0
    nomor_end = opening_i if opening_i is not None else max(after_title, min(limit, 60))
    nomor = tuple(
        _nomor(lines[i]) for i in range(nomor_start, nomor_end) if is_nomor_line(lines[i].text)
    )
    opening = read_opening(lines[opening_i], english) if opening_i is not None else None
    if opening_i is not None:
        end = opening_i + 1
    else:
        last_nomor = max(
            (i for i in range(nomor_start, nomor_end) if is_nomor_line(lines[i].text)), default=-1
        )
        end = max(after_title, last_nomor + 1)
    return Head(
        document_type="OTHER" if english else kind,
        title=title,
        title_line=title_line,
        nomor=nomor,
        opening=opening,
        opening_line=opening_i,
        end=end,
    )
