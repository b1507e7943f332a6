"""Batang tubuh: pasal headings, titles, clause ids, ayat, huruf/angka lists, cross-references."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, NamedTuple

from naskah_lint._builder import record_builder
from naskah_lint.lang._lazy import lazy_regex
from naskah_lint.lang._memo import remembered
from naskah_lint.lang.prefilter import lower_for_search
from naskah_lint.lang.references import find_reference_targets, split_pasal_heading
from naskah_lint.outline.clauses import ClauseTable, match_title
from naskah_lint.outline.lines import Line, split_typed_label
from naskah_lint.outline.model import Ayat, ListItem, Pasal, XRef

_NUMBER_TEXT = re.compile(
    r"^\s*(?:pasal|article)\s*(?:\d{1,3}(?!\d)|[IVXLC]{1,6}\b)", re.IGNORECASE
)
_BAB = re.compile(r"^\s*BAB\s+(?P<num>[IVXLC]{1,6}|\d{1,3})\b\s*(?P<rest>.*)$")
_AYAT = re.compile(r"^\(\s*(\d{1,3})\s*\)$")
_HURUF = re.compile(r"^([a-zA-Z])[.)]$")
_ANGKA = re.compile(r"^(\d{1,3})[.)]$")
_WORD = re.compile(r"[A-Za-z][\w'’/-]*")
_SMALL = frozenset({"dan", "atau", "serta", "di", "ke", "dari", "yang", "untuk", "dengan", "atas"})


# An English "ARTICLE N" heading (compiled on first use: most drafts are Indonesian).
_ARTICLE = lazy_regex(r"^\s*ARTICLE\s+(?P<num>\d{1,3})\b\s*[.:]?\s*(?P<rest>.*)$", re.IGNORECASE)

# The outline's records, made by the hundred a draft, built without their frozen __init__
# (naskah_lint/_builder.py): every field, in field order.
new_ayat: Callable[[int, str, int], Ayat] = record_builder(Ayat)
new_list_item: Callable[[str, str, int, int, int, int | None], ListItem] = record_builder(ListItem)
new_xref: Callable[[str, int, int | None, int | None, str | None, int | None, bool], XRef] = (
    record_builder(XRef)
)
new_pasal: Callable[..., Pasal] = record_builder(Pasal)  # called with field names


class Heading(NamedTuple):
    """A "Pasal N" line (by line index) and what it says on the same line."""

    line: int  # index into lines
    number: int | None
    number_text: str
    title: str | None  # on the heading line itself
    numbered_by_word: bool


class Bab(NamedTuple):
    """A "BAB I" line that groups the pasal after it."""

    line: int
    label: str  # "BAB I"


def _heading(index: int, line: Line, english: bool) -> Heading | None:
    """The pasal heading that line `index` is, if it is one."""
    if not line.raw.strip() or len(line.text) > 160:
        return None
    if english:
        m = _ARTICLE().match(line.text)
        if m is None:
            return None
        rest = m.group("rest").strip() or None
        if rest is not None and not _title_like(rest):
            return None
        number: int | None = int(m.group("num"))
        title = rest
    else:
        number, title = split_pasal_heading(line.text)
        if number is None:
            return None
        # A title run on after a line break belongs to the next line, which we read ourselves.
        if title is not None and title not in line.text:
            title = None
    numtext = _NUMBER_TEXT.match(line.text)
    label = line.numbering_label
    by_word = (
        label is not None and re.match(r"\s*(?:pasal|article)\b", label, re.IGNORECASE) is not None
    )
    number_text = numtext.group(0).strip() if numtext else line.text
    return Heading(index, number, number_text, title, by_word)  # positional: builds faster


def find_headings(
    lines: Sequence[Line], start: int, english: bool
) -> tuple[list[Heading], list[Bab]]:
    """Every pasal heading and BAB line from line index `start` on."""
    headings: list[Heading] = []
    babs: list[Bab] = []
    for i in range(start, len(lines)):
        line = lines[i]
        # The text is stripped, so a heading starts with "pasal" or "article" (any case) and a
        # BAB line with "B": most lines are body text and skip the regexes.
        text = line.text
        first = text[:1]
        if english:
            maybe_heading = first in ("a", "A")
        else:
            maybe_heading = first in ("p", "P") and lower_for_search(text[:5]) == "pasal"
        if maybe_heading:
            h = _heading(i, line, english)
            if h is not None:
                headings.append(h)
        elif first == "B":
            m = _BAB.match(line.text)
            if m and len(line.text) <= 120:
                babs.append(Bab(i, f"BAB {m.group('num')}"))
    return headings, babs


@remembered
def _title_like(text: str) -> bool:
    """A short heading-like line: no sentence end, capitalised words (remembered: a draft
    repeats its pasal titles)."""
    t = text.strip()
    if not t or len(t) > 100 or (t.endswith((".", ";", ":", ",")) and not t.endswith("...")):
        return False
    words = _WORD.findall(t)
    if not words or len(words) > 14:
        return False
    if t.upper() == t:
        return True
    return all(w[0].isupper() or w.lower() in _SMALL for w in words)


def _title_line(lines: Sequence[Line], i: int, end: int) -> int | None:
    """Index of the pasal title line after heading line i, if the next text line is one."""
    for j in range(i + 1, end):
        line = lines[j]
        if not line.text:
            continue
        label, _ = line.split_label()
        if label is not None or not _title_like(line.text):
            return None
        return j
    return None


@functools.lru_cache(maxsize=512)
def _item_kind(label: str | None, fmt: str | None) -> tuple[str, int, str] | None:
    """("ayat"|"huruf"|"angka", value, label) for a list label (remembered: a draft repeats a
    few labels on most of its lines)."""
    if label is None:
        return None
    lab = label.strip()
    if m := _AYAT.match(lab):
        return "ayat", int(m.group(1)), lab
    if fmt in ("lowerRoman", "upperRoman", "bullet"):
        return None
    if m := _HURUF.match(lab):
        return "huruf", ord(m.group(1).lower()) - 96, lab
    if m := _ANGKA.match(lab):
        return "angka", int(m.group(1)), lab
    return None


class _Body(NamedTuple):
    """What a pasal's body holds: ayat, list items, references and its plain text."""

    ayat: tuple[Ayat, ...]
    lists: tuple[ListItem, ...]
    xrefs: tuple[XRef, ...]
    text: str


def _read_body(lines: Sequence[Line], start: int, end: int) -> _Body:
    """Ayat, list items and references of body lines [start, end); the hot loop of the outline
    (every body line passes here once), so the label split is inlined for unnumbered lines."""
    ayat: list[Ayat] = []
    lists: list[ListItem] = []
    xrefs: list[XRef] = []
    texts: list[str] = []
    stack: list[str] = []
    current_ayat: int | None = None
    for line in lines[start:end]:
        block, pos, raw, text, source = line  # unpacked once: no attribute lookups
        if not text:
            continue
        numbering = source.numbering if pos == 0 else None
        if numbering is None:  # most lines: Line.split_label's branch for a typed label
            typed, content = split_typed_label(raw, text)
            kind = _item_kind(typed, None) if typed is not None else None
        else:
            label, content = line.split_label()
            kind = _item_kind(label, numbering.fmt)
        texts.append(content)
        targets = find_reference_targets(content)
        if targets:  # about half the lines refer to nothing
            for written, pasal, ayat_no, huruf, pasal_to, lampiran in targets:
                xrefs.append(new_xref(written, block, pasal, ayat_no, huruf, pasal_to, lampiran))
        if kind is None:
            stack = []
            continue
        name, value, shown = kind
        if name == "ayat":
            ayat.append(new_ayat(value, shown, block))
            current_ayat = value
            stack = []
            continue
        # "1." and "1)" (or "a." and "a)") are different levels: "3. … a. … 1) 2) … b."
        style = name + (shown[-1] if shown[-1:] in ".)" else "")
        if style in stack:
            del stack[stack.index(style) + 1 :]
        else:
            stack.append(style)
        lists.append(new_list_item(name, shown, value, len(stack), block, current_ayat))
    return _Body(tuple(ayat), tuple(lists), tuple(xrefs), "\n".join(texts))


def build_pasal(
    lines: Sequence[Line],
    headings: Sequence[Heading],
    babs: Sequence[Bab],
    end: int,
    table: ClauseTable,
    pack_values: Mapping[str, Any],
) -> tuple[Pasal, ...]:
    """The pasal from their headings; the last one ends before line index `end`."""
    out: list[Pasal] = []
    bab_lines = [b.line for b in babs]
    for k, h in enumerate(headings):
        stop = headings[k + 1].line if k + 1 < len(headings) else end
        next_bab = next((b for b in bab_lines if h.line < b < stop), None)
        if next_bab is not None:
            stop = next_bab
        stop = max(stop, h.line + 1)
        title = h.title
        title_block: int | None = lines[h.line].block if title else None
        body_start = h.line + 1
        if title is None:
            t = _title_line(lines, h.line, stop)
            if t is not None:
                title = lines[t].text
                title_block = lines[t].block
                body_start = t + 1
        body = _read_body(lines, body_start, stop)
        if title is not None:
            match = match_title(title, table)
            inferred = False
        else:  # a titleless pasal (rare): imported here, not for every draft
            from naskah_lint.outline.tokens import infer_clause

            match = infer_clause(body.text, pack_values)
            inferred = match.clause is not None
        bab = None
        for b in babs:
            if b.line < h.line:
                bab = b.label
        last_line = stop - 1
        while last_line > h.line and not lines[last_line].text:
            last_line -= 1
        out.append(
            new_pasal(
                number=h.number,
                number_text=h.number_text,
                title=title,
                clause=match.clause,
                clause_score=round(match.score, 1),
                clause_matched=match.matched,
                clause_inferred=inferred,
                heading_block=lines[h.line].block,
                title_block=title_block,
                first_block=lines[h.line].block,
                last_block=max(lines[last_line].block, lines[h.line].block),
                ayat=body.ayat,
                lists=body.lists,
                xrefs=body.xrefs,
                bab=bab,
                numbered_by_word=h.numbered_by_word,
            )
        )
    return tuple(out)
