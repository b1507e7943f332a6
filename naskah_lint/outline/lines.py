"""Body text as visual lines: the unit the segmenter works on.

A Word paragraph may hold several visual lines (line breaks, or a whole block of CR/LF text as
PHPWord writes it), and a visual line may hold several columns (tab-separated signature rows).
Splitting paragraphs into lines lets one set of rules handle "PASAL 1\\nMAKSUD DAN TUJUAN" and
paragraph-per-line files alike; every line keeps its body block number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from naskah_lint.lang.normalize import find_placeholders
from naskah_lint.model import Block, Document, Story

_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009]+")
# A list label written in the text: "(1)", "1.", "a.", "b)", "IV." (roman numerals for parties).
_TEXT_LABEL = re.compile(
    r"^\s*(?P<label>\(\s*\d{1,3}\s*\)|\d{1,3}[.)]|[a-zA-Z][.)]|[IVX]{1,5}\.)(?=\s|$)"
)


def clean(text: str) -> str:
    """Whitespace collapsed (tabs and no-break spaces become one space), ends stripped."""
    if (  # most lines have single spaces only: string tests instead of a regex substitution
        "  " in text
        or "\t" in text
        or (
            not text.isascii()  # the other spaces are not ASCII: skip their tests on most lines
            and ("\u00a0" in text or "\u2002" in text or "\u2003" in text or "\u2009" in text)
        )
    ):
        text = _SPACES.sub(" ", text)
    return text.strip()


def split_typed_label(raw: str, text: str) -> tuple[str | None, str]:
    """(label, rest) of a line whose label, if any, is typed in the text ("(1)", "a."):
    `raw` as in the block, `text` the cleaned line."""
    m = _TEXT_LABEL.match(raw)
    if m is None:
        return None, text
    rest = raw[m.end() :]
    # a raw line equal to its cleaned text has no runs of spaces to collapse
    return m.group("label"), rest.strip() if raw == text else clean(rest)


class Line(NamedTuple):
    """One visual line of a body paragraph (a named tuple, not a frozen dataclass: a document
    makes one per line and a tuple is built in half the time)."""

    block: int  # body block index (1-based)
    pos: int  # line number within the block (0 = first)
    raw: str  # as in Block.text (tabs kept, numbering label included on line 0)
    text: str  # `raw` cleaned
    source: Block

    @property
    def numbering_label(self) -> str | None:
        """Word's numbering label, for the first line of an auto-numbered paragraph."""
        if self.pos == 0 and self.source.numbering is not None:
            return self.source.numbering.label
        return None

    def split_label(self) -> tuple[str | None, str]:
        """(label, rest): the numbering label or a label typed in the text, and the content."""
        label = self.numbering_label
        if label is not None:
            content = self.source.content.split("\n", 1)[0]
            inner = _TEXT_LABEL.match(content)
            if label.strip() in ("", "\uf0b7", "•", "-", "o") and inner:
                return inner.group("label"), clean(content[inner.end() :])
            return label.strip(), clean(content)
        return split_typed_label(self.raw, self.text)

    @property
    def content(self) -> str:
        """The line without its list label."""
        return self.split_label()[1]

    @property
    def in_table(self) -> bool:
        return self.source.cell is not None


def body_lines(document: Document) -> tuple[Line, ...]:
    """Every visual line of the body story, in order."""
    out: list[Line] = []
    append = out.append
    # Runs once per body line: the tuple is built without Line.__new__'s Python frame, and a
    # plain ASCII line without double spaces or tabs is cleaned by strip() alone (as `clean`).
    make = tuple.__new__
    body = Story.BODY
    for block in document.blocks:
        if block.story is not body:
            continue
        text = block.text
        if "\n" not in text:  # most paragraphs are one line: no split, no enumerate
            if "  " in text or "\t" in text or not text.isascii():
                append(make(Line, (block.index, 0, text, clean(text), block)))
            else:
                append(make(Line, (block.index, 0, text, text.strip(), block)))
            continue
        for pos, raw in enumerate(text.split("\n")):
            append(make(Line, (block.index, pos, raw, clean(raw), block)))
    return tuple(out)


def has_placeholder(text: str) -> bool:
    """True when the text holds a template field, dotted blank or other placeholder."""
    return bool(find_placeholders(text))


def first_index(
    lines: Sequence[Line], start: int, end: int, pattern: re.Pattern[str]
) -> int | None:
    """Index of the first line in [start, end) whose text matches `pattern`."""
    for i in range(max(start, 0), min(end, len(lines))):
        if pattern.search(lines[i].text):
            return i
    return None


def blocks_of(lines: Sequence[Line]) -> tuple[int, ...]:
    """The distinct body blocks of some lines, ascending."""
    return tuple(sorted({line.block for line in lines}))


def strip_end(text: str, chars: str = " ,.;:") -> str:
    """Text without trailing punctuation such as the comma before "selanjutnya"."""
    return text.strip().rstrip(chars).strip()


def tidy(text: str) -> str:
    """A value cut out of a sentence: no trailing comma or semicolon, one closing full stop
    removed, an unmatched closing bracket dropped; dotted blanks ("……", "....") are kept."""
    value = clean(text).rstrip(" ,;:")
    if value.endswith(".") and not value.endswith("..") and not value.endswith("…."):
        value = value[:-1].rstrip(" ,;:")
    if value.endswith(")") and value.count(")") > value.count("("):
        value = value[:-1].rstrip()
    return value


_CONTROL_TAG = re.compile(r"^\{\{\s*[#/^][^{}]*\}\}$")


def is_control_tag(text: str) -> bool:
    """True for template loop/section tags such as "{{#perjanjian}}" or "{{/tandatangan}}"."""
    if "{{" not in text:  # most texts (dotted blanks, plain lines): no part can be a tag
        return False
    parts = re.findall(r"\{\{[^{}]*\}\}|\S+", text.strip())
    return bool(parts) and all(_CONTROL_TAG.match(p) for p in parts)
