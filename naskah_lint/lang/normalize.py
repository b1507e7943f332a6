"""Text normalisation for comparisons (fold, names), template placeholders, case and language.

Placeholder decision: a run of four or more dots (an ellipsis character counts as three), as in
"……", "…..", "........", is always a blank to fill. Exactly three dots or one "…" is a blank
when it stands on its own ("tanggal ... bulan", "Nomor: …"), and ordinary prose when it is glued
to the end of a word ("dan seterusnya..."), because templates leave blanks between spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from naskah_lint.lang._lazy import lazy_regex
from naskah_lint.lang._memo import per_text, remembered
from naskah_lint.lang.prefilter import matches_at

__all__ = [
    "PlaceholderHit",
    "find_placeholders",
    "fold",
    "is_placeholder_only",
    "is_upper",
    "keyword_in",
    "looks_english",
    "normalize_name",
    "sector",
    "strip_placeholders",
]

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b\u2060\ufeff]+")
_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
    }
)
_END_PUNCT = " \t\n.,;:!?'\"()[]{}<>-–—…/\\|*_~"


def fold(text: str) -> str:
    """Comparison form: upper case, one space between words, NBSP as space, straight quotes,
    "&" as "DAN", no punctuation at either end ("  Maksud &  Tujuan. " -> "MAKSUD DAN TUJUAN")."""
    s = text.translate(_QUOTES).replace("&", " DAN ")
    s = _SPACES.sub(" ", s).upper()
    return s.strip(_END_PUNCT).strip()


def _loose(title: str) -> str:
    """A regex for an academic title that tolerates missing dots and spaces ("S.H." ~ "SH")."""
    letters = [c for c in title if c.isalnum()]
    return r"\.?\s*".join(map(re.escape, letters)) + r"\.?"


# A title's regex (see `_loose`) with its first and last letter in lower case, None when not
# ASCII: a title can match where the text has that letter only (see `_strip_titles`).
_Title = tuple[re.Pattern[str], str | None, str | None]


def _folded(char: str) -> str | None:
    """An ASCII character in lower case (what a case-insensitive ASCII letter matches exactly),
    None for any other: its case rules are not str.lower's."""
    return char.lower() if char.isascii() else None


def _strip_titles(segment: str, title_res: list[_Title], *, trailing_any: bool) -> str:
    """Remove titles at the start of a segment, and at its end (only dotted ones unless
    `trailing_any`, because a bare "SE" may be part of a name). A title is tried at the start
    only if the segment starts with its first letter, at the end only if the segment ends with
    its last letter (and perhaps a dot): most of the pack's ~70 titles are not tried at all."""
    s = segment.strip()
    changed = True
    while changed and s:
        changed = False
        head = _folded(s[0])
        for pat, first, _ in title_res:
            if head is not None and first is not None and head != first:
                continue  # the title starts with its first letter: no match here
            m = pat.match(s)
            if m and m.end() > 0 and (m.end() == len(s) or not s[m.end()].isalnum()):
                s = s[m.end() :].lstrip(" ,")
                changed = True
                break
    changed = True
    while changed and s:
        changed = False
        # a match ending the segment ends with the title's last letter, or that and a dot
        tail = _folded(s[-1])
        before_dot = _folded(s[-2]) if tail == "." and len(s) > 1 else "."
        for pat, _, last in title_res:
            if (
                last is not None
                and tail is not None
                and tail != last
                and before_dot is not None
                and before_dot != last
            ):
                continue  # no match of this title can end the segment
            for m in pat.finditer(s):
                if m.end() != len(s) or m.start() == 0 or s[m.start() - 1].isalnum():
                    continue
                if trailing_any or "." in m.group(0):
                    s = s[: m.start()].rstrip(" ,")
                    changed = True
                    break
            if changed:
                break
    return s


def normalize_name(
    text: str,
    titles: Iterable[str] = (),
    abbreviations: Mapping[str, str] | None = None,
) -> str:
    """Comparison form of a person's or institution's name: titles stripped ("Dr. NAMA DUA,
    M.H." -> "NAMA DUA"), abbreviations expanded ("KPU Kab. X" -> "KOMISI PEMILIHAN UMUM
    KABUPATEN X"), punctuation removed, upper case, single spaces."""
    titles = tuple(titles)
    table = tuple(abbreviations.items()) if abbreviations else ()
    return _normalize_name(text, titles, table)


@remembered
def _normalize_name(
    text: str, titles: tuple[str, ...], abbreviations: tuple[tuple[str, str], ...]
) -> str:
    """`normalize_name` with hashable lists, remembered: several rules compare the same few
    names."""
    title_res = _title_patterns(titles)
    s = text.translate(_QUOTES)
    s = _SPACES.sub(" ", s).strip()
    if title_res:
        segments = [seg.strip() for seg in s.split(",")]
        kept: list[str] = []
        for i, seg in enumerate(segments):
            stripped = _strip_titles(seg, title_res, trailing_any=i > 0)
            if stripped:
                kept.append(stripped)
        s = " ".join(kept)
    s = fold(s)
    if abbreviations:
        rule = _abbreviation_rule(abbreviations)
        if rule is not None:
            pattern, table = rule
            s = pattern.sub(lambda m: " " + table[m.group(1)] + " ", s)
    s = _NOT_WORD.sub(" ", s)
    return " ".join(s.split()).upper()


_NOT_WORD = re.compile(r"[^\w\s]|_")


# normalize_name is called per name with the pack's same title and abbreviation lists: their
# regexes are built once per list, not per call.
@lru_cache(maxsize=16)
def _title_patterns(titles: tuple[str, ...]) -> list[_Title]:
    found: list[_Title] = []
    for t in sorted(set(titles), key=lambda t: len(re.sub(r"\W", "", t)), reverse=True):
        letters = [c for c in t if c.isalnum()]
        if letters:
            pattern = re.compile(_loose(t), re.IGNORECASE)
            found.append((pattern, _folded(letters[0]), _folded(letters[-1])))
    return found


@lru_cache(maxsize=16)
def _abbreviation_rule(
    items: tuple[tuple[str, str], ...],
) -> tuple[re.Pattern[str], Mapping[str, str]] | None:
    """The abbreviation regex (longest first) and folded abbreviation -> folded expansion."""
    keys = sorted((k for k, _ in items if k.strip()), key=len, reverse=True)
    if not keys:
        return None
    table = {fold(k).rstrip("."): fold(v) for k, v in items if k.strip()}
    alt = "|".join(re.escape(fold(k).rstrip(".")) for k in keys)
    return re.compile(r"(?<![A-Z0-9])(" + alt + r")\.?(?![A-Z0-9])"), MappingProxyType(table)


@dataclass(frozen=True, slots=True)
class PlaceholderHit:
    """A leftover template blank. `kind`: template, dots, bracket, x, date_mask, paren, angle."""

    text: str
    span: tuple[int, int]
    kind: str = "dots"


# "(nama …)" may run on ("(Nama tanpa gelar)"); the generic words only count alone ("(tanggal)"),
# since "(tanggal ditandatangani)" or "(tahun anggaran 2024)" are prose.
_PAREN_OPEN = "nama|jabatan|alamat|instansi|lembaga|nip|ttd|tanda tangan|gelar|mitra|pangkat|diisi"
_PAREN_ALONE = "tempat|tanggal|tgl|nomor|no|perihal|judul|cap|stempel|kota|hari|bulan|tahun"
# The leading look-ahead lets the engine skip, in one test, every position where no alternative
# can start (3-4x faster on prose); it lists the first character of each alternative.
_PLACEHOLDER = re.compile(
    r"(?=[$\{«\[<(.…xX0dhtDHT])(?:"
    r"(?P<template>\$\{[^{}\n]{0,80}\}|\{\{[^{}\n]{0,80}\}\}|\{%[^\n]{0,80}?%\}|«[^«»\n]{1,60}»)"
    r"|(?P<bracket>\[[^\[\]\n]{0,60}\])"
    r"|(?P<date_mask>(?<![\w])(?:dd|hh|tt|tgl)[-/.](?:mm|bb|bln)[-/.](?:yyyy|yy|tttt|thn)(?![\w])"
    r"|(?<![\w.])0{1,2}[-/.]0{1,2}[-/.]0{2,4}(?![\w]))"
    r"|(?P<x>(?<![A-Za-z])[Xx]{3,}(?![A-Za-z]))"
    r"|(?P<paren>\((?:(?:" + _PAREN_OPEN + r")(?:[\s/_-][^()\n]{0,60})?"
    r"|(?:" + _PAREN_ALONE + r")\s*[.…]*)\))"
    r"|(?P<angle><[A-Za-z_][^<>\n]{0,40}>)"
    r"|(?P<single>\{[A-Za-z_][\w .-]{0,40}\})"
    # dots: only runs that can weigh 3 or more (an ellipsis, or three dots); lighter runs such
    # as a sentence's full stop never match, which saves a match object per sentence
    r"|(?P<dots>\.*…[.…]*|\.{3,}))",
    re.IGNORECASE,
)


def _dot_weight(run: str) -> int:
    return run.count(".") + 3 * run.count("…")


# One character of every placeholder, found by a scan the engine runs in C (it starts with a
# plain character class): "$", "{", "«", "[", "<"; "(" before a word a bracketed blank starts
# with; the first character of a run of dots and ellipses ("…", or "." before "." or "…"); "0"
# before "0" or a separator; a date mask's separator after "dd", "hh", "tt" or "tgl"; the first
# x of "xxx" (see `_placeholder_matches`). Only a run's first character: a match there takes
# the whole run whenever one can start in it (only "dots" start at "." or "…"), so the others
# would be skipped anyway, and a dotted blank of a template is not one anchor a character.
_PLACEHOLDER_ANCHOR = re.compile(
    r"[$\{«\[<…(.0/xX-](?:"
    r"(?<=[$\{«\[<])"
    r"|(?<=…)(?<![.…]…)"
    r"|(?<=\()(?i:" + _PAREN_OPEN + "|" + _PAREN_ALONE + r")"
    r"|(?<=\.)(?<![.…]\.)(?=[.…])"
    r"|(?<=0)(?=[0/.-])"
    r"|(?<=(?i:dd|hh|tt)[/.-])"
    r"|(?<=(?i:tgl)[/.-])"
    r"|(?<=[xX])(?=[xX]{2})"
    r")"
)


def _placeholder_matches(text: str, pos: int = 0) -> list[re.Match[str]]:
    """What `_PLACEHOLDER.finditer(text)` yields, trying the regex only where a placeholder can
    start (at an anchor, or two or three characters before a date mask's separator) instead of
    at every position of the text. `pos`: where to look for anchors from (none before it)."""
    starts: set[int] = set()
    add = starts.add  # per anchor, and a dotted blank is an anchor a dot: no generator here
    for anchor in _PLACEHOLDER_ANCHOR.finditer(text, pos):
        at = anchor.start()
        add(at)
        if text[at] in "/.-":  # a separator: the mask starts at "dd", "hh", "tt" or "tgl"
            if at >= 2:
                add(at - 2)
            if at >= 3:
                add(at - 3)
    return matches_at(_PLACEHOLDER, text, sorted(starts))


_NOTE_REFERENCE = lazy_regex(r"\[\s*\d*\s*\]")  # compiled on first use: brackets are rare


@per_text
def find_placeholders(text: str) -> list[PlaceholderHit]:
    """Every leftover blank: "${mitra}", "{{nama}}", "{{#loop}}", "……", ".....", "[…]", "[nama]",
    "XXXX", "dd-mm-yyyy", "00-00-0000", "(nama)", "(jabatan)", "<nama>" (see the module
    docstring for when three dots count)."""
    # Most texts have no anchor at all: one scan answers [] (the anchors' lookbehinds see the
    # text before `pos`, so the scan goes on from the first anchor with the same result).
    first = _PLACEHOLDER_ANCHOR.search(text)
    if first is None:
        return []
    found: list[PlaceholderHit] = []
    for m in _placeholder_matches(text, first.start()):
        kind = m.lastgroup or "dots"
        if kind == "single":
            kind = "template"
        if kind == "bracket" and _NOTE_REFERENCE().fullmatch(m.group(0)):
            continue  # "[1]" is a note reference, not a blank
        if kind == "dots":
            weight = _dot_weight(m.group(0))
            if weight < 3:
                continue
            if weight == 3:
                before = text[m.start() - 1] if m.start() > 0 else " "
                if before.isalnum() or before in ")]\"'’":
                    continue  # "dan seterusnya...": prose ellipsis
        found.append(PlaceholderHit(m.group(0), (m.start(), m.end()), kind))
    return found


def strip_placeholders(text: str) -> str:
    """`text` with every placeholder replaced by a space."""
    out = text
    for hit in reversed(find_placeholders(text)):
        out = out[: hit.span[0]] + " " + out[hit.span[1] :]
    return out


def is_placeholder_only(text: str) -> bool:
    """True when text holds at least one placeholder and nothing else but spaces/punctuation."""
    if not find_placeholders(text):
        return False
    return not any(c.isalnum() for c in strip_placeholders(text))


def is_upper(text: str) -> bool:
    """True when text has a cased letter and no lower-case one; digits, punctuation and
    placeholders ("${mitra}") are ignored."""
    letters = [c for c in strip_placeholders(text) if c.isalpha()]
    return any(c.isupper() for c in letters) and not any(c.islower() for c in letters)


_EN_WORDS = frozenset(
    {
        "the",
        "and",
        "of",
        "to",
        "in",
        "shall",
        "party",
        "parties",
        "agreement",
        "this",
        "that",
        "with",
        "for",
        "by",
        "be",
        "is",
        "are",
        "will",
        "which",
        "memorandum",
        "understanding",
        "hereby",
        "whereas",
        "herein",
        "any",
        "such",
    }
)
_ID_WORDS = frozenset(
    {
        "dan",
        "yang",
        "dengan",
        "pihak",
        "ini",
        "dalam",
        "untuk",
        "pada",
        "atau",
        "tersebut",
        "sebagaimana",
        "adalah",
        "kerja",
        "sama",
        "oleh",
        "dari",
        "akan",
        "para",
        "bahwa",
        "kesepahaman",
        "perjanjian",
    }
)


def looks_english(text: str) -> bool:
    """True when a document sample reads as English: English function words outnumber
    Indonesian ones (at least 5 of them), as in an English-language MoU template."""
    words = re.findall(r"[a-z]+", text.lower())
    english = sum(map(_EN_WORDS.__contains__, words))  # counted in C: ~3,000 words a draft
    indonesian = sum(map(_ID_WORDS.__contains__, words))
    return english >= 5 and english > indonesian


def keyword_in(text: str | None, keywords: Iterable[str]) -> str | None:
    """The longest keyword found in `text` as a whole word (case-insensitive), else None."""
    if not text:
        return None
    upper = text.upper()
    best: str | None = None
    for kw in keywords:
        key = kw.strip().upper()
        if not key or key not in upper:  # a substring test first: most keywords are absent
            continue
        if re.search(r"(?<![0-9A-Z])" + re.escape(key) + r"(?![0-9A-Z])", upper) and (
            best is None or len(key) > len(best)
        ):
            best = key
    return best


def sector(text: str | None, government: Iterable[str], private: Iterable[str]) -> str | None:
    """ "government", "private" or None (matches neither keyword list): the longer keyword found
    wins, a tie goes to private. Decides whether a party signs on meterai."""
    gov, priv = keyword_in(text, government), keyword_in(text, private)
    if gov and (not priv or len(gov) > len(priv)):
        return "government"
    return "private" if priv else None
