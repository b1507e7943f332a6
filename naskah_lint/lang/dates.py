"""Indonesian dates: month and weekday names, numeric and worded dates, the opening sentence.

The opening of an agreement states its date in words ("Pada hari ini Senin, tanggal delapan
bulan Juli tahun dua ribu dua puluh empat"), often followed by the numeric date in brackets;
body text writes dates as "8 Juli 2024". Everything here is pure and never raises on odd text.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType

from naskah_lint.lang._lazy import lazy_regex
from naskah_lint.lang._memo import per_text
from naskah_lint.lang.terbilang import NUMBER_WORDS, words_to_int

__all__ = [
    "MONTHS",
    "MONTH_NAMES",
    "WEEKDAYS",
    "WordDate",
    "add_duration",
    "english_words_to_int",
    "find_dates",
    "find_english_date",
    "find_numeric_date",
    "find_numeric_date_in_brackets",
    "find_numeric_dates_in_brackets",
    "find_word_date",
    "format_date",
    "format_date_en",
    "month_name",
    "normalize_weekday",
    "parse_date",
    "parse_month",
    "weekday_en",
    "weekday_of",
]

#: Canonical month names, index 0 = January.
MONTH_NAMES: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

#: Month names as written in drafts (canonical and old/common spellings) -> month number.
MONTHS: Mapping[str, int] = MappingProxyType(
    {
        **{name: i for i, name in enumerate(MONTH_NAMES, start=1)},
        "Pebruari": 2,
        "Febuari": 2,
        "Pebuari": 2,
        "Nopember": 11,
        "Augustus": 8,
        "Nopembre": 11,
        "Desembre": 12,
    }
)
_MONTHS_LOWER = {name.lower(): number for name, number in MONTHS.items()}

#: Weekday names, Monday first to match `date.weekday()`.
WEEKDAYS: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
_WEEKDAYS_LOWER = {name.lower(): name for name in WEEKDAYS} | {"ahad": "Minggu"}

_APOSTROPHES = re.compile(r"['’‘`´ʼ]")
_DASHES = r"[-‐‑–—/.]"
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_ALT = r"senin|selasa|rabu|kamis|jum['’‘`´ʼ]?at|sabtu|minggu|ahad"


def normalize_weekday(word: str) -> str | None:
    """Canonical weekday for `word` ("Jum'at", "JUMAT" -> "Jumat", "Ahad" -> "Minggu") or None."""
    key = _APOSTROPHES.sub("", word).strip().strip(",.;:").strip().lower()
    return _WEEKDAYS_LOWER.get(key)


def weekday_of(d: date) -> str:
    """The Indonesian weekday name of a date."""
    return WEEKDAYS[d.weekday()]


def parse_month(word: str) -> int | None:
    """Month number for a month name in any case and common old spelling, else None."""
    return _MONTHS_LOWER.get(word.strip().strip(",.;:").strip().lower())


def month_name(m: int) -> str:
    """Canonical Indonesian month name (1 -> "Januari"); ValueError outside 1..12."""
    if not 1 <= m <= 12:
        raise ValueError(f"month out of range: {m}")
    return MONTH_NAMES[m - 1]


def format_date(d: date) -> str:
    """A date the way body text writes it: "8 Juli 2024" (no leading zero)."""
    return f"{d.day} {month_name(d.month)} {d.year}"


_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def format_date_en(d: date) -> str:
    """A date for an English message: "8 July 2024"."""
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year}"


def weekday_en(name: str) -> str | None:
    """The English name of an Indonesian weekday ("Jum'at" -> "Friday"), else None."""
    canonical = normalize_weekday(name)
    return _WEEKDAYS_EN[WEEKDAYS.index(canonical)] if canonical else None


def _make_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the parts do not form one (e.g. 31 Februari, 00-00-0000)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


# `parse_date`'s regexes, compiled on first use (a lint may parse no whole-string date).
_NUMERIC_DMY = lazy_regex(
    rf"(\d{{1,2}})\s*({_DASHES})\s*(\d{{1,2}})\s*({_DASHES})\s*(\d{{4}})",
)
_ISO = lazy_regex(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORD_MONTH_DATE = lazy_regex(
    rf"(?:(?:{_WEEKDAY_ALT})\s*,?\s*)?(?:tanggal\s+|tgl\.?\s*)?(\d{{1,2}})\s+({_MONTH_ALT})\s*,?\s+(\d{{4}})",
    re.IGNORECASE,
)


def parse_date(text: str) -> date | None:
    """Parse a whole string holding one date: "27-11-2025", "27/11/2025", "27.11.2025",
    "(9 -12 - 2016)", "27 November 2025", "Kamis, 27 Nopember 2025", ISO "2025-11-27"."""
    s = text.strip().strip("()[]").strip().rstrip(".,;").strip()
    if m := _ISO().fullmatch(s):
        return _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _NUMERIC_DMY().fullmatch(s):
        return _make_date(int(m.group(5)), int(m.group(3)), int(m.group(1)))
    if m := _WORD_MONTH_DATE().fullmatch(s):
        month = parse_month(m.group(2))
        if month is None:
            return None
        return _make_date(int(m.group(3)), month, int(m.group(1)))
    return None


_BRACKETED = re.compile(
    rf"\(\s*(\d{{1,2}})\s*{_DASHES}\s*(\d{{1,2}})\s*{_DASHES}\s*(\d{{4}})\s*\)",
)


def find_numeric_dates_in_brackets(
    text: str,
) -> list[tuple[str, date | None, tuple[int, int]]]:
    """Every "(dd-mm-yyyy)" with any dash, slash or dot and spaces; date None if invalid."""
    return [
        (
            m.group(0),
            _make_date(int(m.group(3)), int(m.group(2)), int(m.group(1))),
            (m.start(), m.end()),
        )
        for m in _BRACKETED.finditer(text)
    ]


def find_numeric_date_in_brackets(text: str) -> tuple[str, date | None, tuple[int, int]] | None:
    """The first "(08-07-2024)" / "(28 – 09 - 2022)" in text: (as written, date or None, span)."""
    found = find_numeric_dates_in_brackets(text)
    return found[0] if found else None


_LOOSE_NUMERIC = re.compile(
    rf"(?<![\w.,/-])(\d{{1,2}})\s*{_DASHES}\s*(\d{{1,2}})\s*{_DASHES}\s*(\d{{4}})(?![\w/-])"
)


def find_numeric_date(text: str) -> tuple[str, date | None, tuple[int, int]] | None:
    """The first numeric date, bracketed "(08-07-2024)" or not ("…, 22-07-2022 kami …"):
    (as written, date or None when impossible such as 00-00-0000, span)."""
    bracketed = find_numeric_date_in_brackets(text)
    m = _LOOSE_NUMERIC.search(text)
    if m is None or (bracketed is not None and bracketed[2][0] <= m.start()):
        return bracketed
    found = _make_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return m.group(0), found, (m.start(), m.end())


# Each body date pattern starts with a digit (the look-behind after it checks the character before
# it), so the engine skips to digits in C instead of trying every position.
_BODY_WORD_DATE = re.compile(
    rf"(\d(?<![\w.,/-]\d)\d?)\s+({_MONTH_ALT})\s*,?\s+(\d{{4}})(?![\w/-])",
    re.IGNORECASE,
)
_BODY_NUMERIC_DATE = re.compile(
    r"(\d(?<![\w.,/-]\d)\d?)\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\w/-]|[.,]\d)",
)
_BODY_ISO_DATE = re.compile(r"(\d(?<![\w.,/-]\d)\d{3})-(\d{2})-(\d{2})(?![\w/-])")


@per_text
def find_dates(text: str) -> list[tuple[tuple[int, int], date]]:
    """Dates written in body text ("8 Juli 2024", "12-03-2024", "2024-03-12"), sorted by position.

    Spans cover the date itself (not a "tanggal" before it); impossible dates are skipped.
    """
    found: list[tuple[tuple[int, int], date]] = []
    for m in _BODY_WORD_DATE.finditer(text):
        month = parse_month(m.group(2))
        d = _make_date(int(m.group(3)), month, int(m.group(1))) if month else None
        if d is not None:
            found.append(((m.start(), m.end()), d))
    for m in _BODY_NUMERIC_DATE.finditer(text):
        d = _make_date(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        if d is not None:
            found.append(((m.start(), m.end()), d))
    for m in _BODY_ISO_DATE.finditer(text):
        d = _make_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d is not None:
            found.append(((m.start(), m.end()), d))
    return sorted(found)


def add_duration(start: date, years: int = 0, months: int = 0, days: int = 0) -> date:
    """`start` moved by years and months (clamped to the month's end: 31 Jan + 1 month = 29 Feb
    in a leap year), then by days. Raises ValueError if the result leaves the calendar."""
    total = start.year * 12 + (start.month - 1) + years * 12 + months
    year, month0 = divmod(total, 12)
    if not 1 <= year <= 9999:
        raise ValueError(f"date out of range: {start} + {years}y {months}m")
    day = min(start.day, calendar.monthrange(year, month0 + 1)[1])
    try:
        return date(year, month0 + 1, day) + timedelta(days=days)
    except OverflowError as exc:
        raise ValueError(f"date out of range: {start} + {days}d") from exc


# ---------------------------------------------------------------------------------------------
# The opening sentence: "Pada hari ini Senin, tanggal delapan bulan Juli tahun dua ribu ..."


@dataclass(frozen=True, slots=True)
class WordDate:
    """The date of an opening sentence, field by field as written and as understood.

    `*_text` are the raw pieces (placeholders included); the ints are None when a piece is
    missing, a placeholder or unreadable. `in_words` is True when day and year were both read
    and both were written in words rather than digits.
    """

    weekday: str | None
    day_text: str | None
    month_text: str | None
    year_text: str | None
    day: int | None
    month: int | None
    year: int | None
    in_words: bool
    span: tuple[int, int]
    weekday_text: str | None = None  # the weekday as written (also when misspelt or a blank)

    @property
    def as_date(self) -> date | None:
        """The full date when day, month and year were all read and form a real date."""
        if self.day is None or self.month is None or self.year is None:
            return None
        return _make_date(self.year, self.month, self.day)


_ANCHOR = re.compile(r"(?:\bpada\s+)?\bhari\s+ini\b|\bpada\s+hari\b", re.IGNORECASE)
_TANGGAL_ANCHOR = re.compile(r"\btanggal\b", re.IGNORECASE)
# Tokens of the opening: template fields, runs of dots/ellipses, words, digits, punctuation.
_TOKEN = re.compile(
    r"(?P<ph>\$\{[^{}]*\}|\{\{[^{}]*\}\}|\{[^{}\s]*\}|«[^«»]*»|\[[^\[\]]*\]|<[^<>]*>"
    r"|(?:[.…]\s*){2,}|…)"
    r"|(?P<word>[A-Za-z]+(?:['’‘`´ʼ][A-Za-z]+)?)"
    r"|(?P<num>\d+)"
    r"|(?P<punct>[^\sA-Za-z\d])",
)
_WINDOW = 400


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str
    text: str
    start: int
    end: int


def _tokenize(text: str, start: int) -> list[_Tok]:
    """Tokens of text[start:start+_WINDOW] with absolute offsets."""
    window = text[start : start + _WINDOW]
    out: list[_Tok] = []
    for m in _TOKEN.finditer(window):
        kind = m.lastgroup or "punct"
        raw = m.group(0).rstrip()
        out.append(_Tok(kind, raw, start + m.start(), start + m.start() + len(raw)))
    return out


def _is_kw(tok: _Tok, word: str) -> bool:
    return tok.kind == "word" and tok.text.lower() == word


class _Cursor:
    """A tiny cursor over opening-sentence tokens."""

    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.i = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def skip_commas(self) -> None:
        while (tok := self.peek()) is not None and tok.kind == "punct" and tok.text in ",:;-–":
            self.i += 1

    def keyword(self, word: str) -> _Tok | None:
        tok = self.peek()
        if tok is not None and _is_kw(tok, word):
            self.i += 1
            return tok
        return None

    def number(self, stop_words: frozenset[str]) -> list[_Tok]:
        """A run of number words, or one digit run, or placeholders (mixed with number words)."""
        taken: list[_Tok] = []
        while (tok := self.peek()) is not None:
            if tok.kind == "num":
                if any(t.kind == "num" for t in taken):
                    break
                taken.append(tok)
            elif tok.kind == "ph" or (
                tok.kind == "word"
                and tok.text.lower() in NUMBER_WORDS
                and tok.text.lower() not in stop_words
            ):
                taken.append(tok)
            else:
                break
            self.i += 1
        return taken


def _text_of(text: str, toks: list[_Tok]) -> str | None:
    return text[toks[0].start : toks[-1].end].strip() if toks else None


def _value_of(toks: list[_Tok]) -> tuple[int | None, bool]:
    """(value, written in words) of a day or year token run."""
    if not toks or any(t.kind == "ph" for t in toks):
        return None, False
    if len(toks) == 1 and toks[0].kind == "num":
        return int(toks[0].text), False
    if any(t.kind == "num" for t in toks):
        return None, False
    return words_to_int(" ".join(t.text for t in toks)), True


def _read_opening(
    text: str, anchor_start: int, anchor_end: int, need_tanggal: bool
) -> WordDate | None:
    """Read weekday, day, month and year after an anchor; None if nothing date-like follows."""
    cur = _Cursor(_tokenize(text, anchor_end))
    last_end = anchor_end
    cur.skip_commas()
    weekday: str | None = None
    weekday_tok: _Tok | None = None
    tok = cur.peek()
    after = cur.toks[cur.i + 1 :]
    next_word = next((t for t in after if not (t.kind == "punct" and t.text in ",:;")), None)
    if tok is not None and tok.kind == "word" and normalize_weekday(tok.text) is not None:
        weekday = normalize_weekday(tok.text)
        weekday_tok = tok
    elif tok is not None and (
        tok.kind == "ph"
        or (tok.kind == "word" and next_word is not None and _is_kw(next_word, "tanggal"))
    ):
        weekday_tok = tok  # a placeholder or a misspelt weekday ("Snin") before "tanggal"
    if weekday_tok is not None:
        last_end = weekday_tok.end
        cur.i += 1
    cur.skip_commas()
    tanggal = cur.keyword("tanggal") or cur.keyword("tgl")
    if tanggal is None and need_tanggal:
        return None
    if tanggal is not None:
        last_end = tanggal.end
        if (dot := cur.peek()) is not None and dot.text == ".":
            cur.i += 1
    cur.skip_commas()
    day_toks = cur.number(frozenset())
    cur.skip_commas()
    bulan = cur.keyword("bulan")
    cur.skip_commas()
    month_tok: _Tok | None = None
    tok = cur.peek()
    if tok is not None and (tok.kind == "ph" or (tok.kind == "word" and parse_month(tok.text))):
        month_tok = tok
        cur.i += 1
    elif tok is not None and bulan is not None and tok.kind in ("word", "num"):
        month_tok = tok  # "bulan 7" or a misspelt month: keep the text, value below
        cur.i += 1
    cur.skip_commas()
    tahun = cur.keyword("tahun")
    cur.skip_commas()
    year_toks = cur.number(frozenset()) if (tahun is not None or month_tok is not None) else []

    if not (day_toks or month_tok or year_toks):
        return None
    for piece in (day_toks[-1:], [bulan] if bulan else [], [month_tok] if month_tok else []):
        if piece:
            last_end = max(last_end, piece[-1].end)
    if tahun is not None:
        last_end = max(last_end, tahun.end)
    if year_toks:
        last_end = max(last_end, year_toks[-1].end)

    day, day_words = _value_of(day_toks)
    year, year_words = _value_of(year_toks)
    month: int | None = None
    if month_tok is not None and month_tok.kind == "word":
        month = parse_month(month_tok.text)
    elif month_tok is not None and month_tok.kind == "num":
        month = int(month_tok.text)
    if day is not None and not 1 <= day <= 31:
        day = None
    if month is not None and not 1 <= month <= 12:
        month = None
    return WordDate(
        weekday=weekday,
        day_text=_text_of(text, day_toks),
        month_text=month_tok.text if month_tok else None,
        year_text=_text_of(text, year_toks),
        day=day,
        month=month,
        year=year,
        in_words=day is not None and year is not None and day_words and year_words,
        span=(anchor_start, last_end),
        weekday_text=weekday_tok.text if weekday_tok else None,
    )


def find_word_date(text: str) -> WordDate | None:
    """The opening-sentence date ("Pada hari ini Senin, tanggal delapan bulan Juli tahun dua
    ribu dua puluh empat"), with or without commas, "bulan"/"tahun", in words or digits, or with
    placeholders ("……", "${tanggal}") in place of the values. None if there is no such phrase.

    Looks for "(pada) hari ini" first; failing that, for "tanggal <day> (bulan) <month> ...".
    """
    for m in _ANCHOR.finditer(text):
        found = _read_opening(text, m.start(), m.end(), need_tanggal=False)
        if found is not None:
            return found
    for m in _TANGGAL_ANCHOR.finditer(text):
        found = _read_opening(text, m.start(), m.start(), need_tanggal=True)
        if found is not None and found.month_text is not None:
            return found
    return None


# --------------------------------------------------------------------------- English dates
# English-language MoUs open with "On this day, Friday the ninth day of December in the year two
# thousand and twenty-two in Badung": enough of English numerals to read that back.

_EN_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_EN_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip


def english_words_to_int(text: str) -> int | None:
    """ "two thousand and twenty-two" -> 2022, "ninth" -> 9, "twenty-first" -> 21, "9th" -> 9;
    None for anything else. Cardinals below a million, ordinals below a hundred."""
    words = re.sub(r"[-\s]+", " ", text.strip().lower()).split()
    if len(words) == 1 and (m := re.fullmatch(r"(\d{1,4})(?:st|nd|rd|th)?", words[0])):
        return int(m.group(1))
    words = [w for w in words if w != "and"]
    if not words:
        return None
    total = current = 0
    for i, w in enumerate(words):
        last = i == len(words) - 1
        if w in _EN_UNITS:
            current += _EN_UNITS[w]
        elif w in _EN_TENS:
            current += _EN_TENS[w]
        elif last and w in _EN_ORDINALS:
            current += _EN_ORDINALS[w]
        elif last and w.endswith("ieth") and w[:-4] + "y" in _EN_TENS:
            current += _EN_TENS[w[:-4] + "y"]
        elif w == "hundred" and current:
            current *= 100
        elif w == "thousand" and current:
            total += current * 1000
            current = 0
        else:
            return None
    return total + current


_EN_MONTH_ALT = "|".join(_MONTHS_EN)
# compiled on first use: only an English-language draft needs it
_EN_DATE = lazy_regex(
    r"\b(?P<day>\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:[- ][a-z]+)?)\s+(?:day\s+)?of\s+"
    rf"(?P<month>{_EN_MONTH_ALT})\s*,?\s*(?:in\s+the\s+year\s+|of\s+)?"
    r"(?P<year>\d{4}|[a-z]+(?:[- ](?:and|[a-z]+))*?)(?=\s*[,.;(]|\s+(?:in|at|we)\b|$)",
    re.IGNORECASE,
)


def find_english_date(text: str) -> tuple[date, tuple[int, int]] | None:
    """The date of an English opening ("the ninth day of December in the year two thousand and
    twenty-two", "9th of December 2022"): (date, span), or None."""
    for m in _EN_DATE().finditer(text):
        day = english_words_to_int(m.group("day").removeprefix("the ").strip())
        year = english_words_to_int(m.group("year"))
        month = _MONTHS_EN.index(m.group("month").capitalize()) + 1
        if day is None or year is None:
            continue
        found = _make_date(year, month, day)
        if found is not None:
            return found, (m.start(), m.end())
    return None
