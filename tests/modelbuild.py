"""Build `naskah_lint.model.Document` objects from plain lists, for fast unit tests without .docx.

An item is either a string (one body paragraph; "\\n" inside is a line break) or a dict:
  {"text": "...", "label": "(1)", "fmt": "decimal", "ilvl": 0, "num_id": 1,   # Word numbering
   "cell": (table, row, col), "story": "textbox", "anchor": 12, "align": "center",
   "style": "Heading1", "bold": True}
`table(rows)` turns a grid of cells (each a string or a list of paragraph strings) into items.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from naskah_lint.model import (
    Block,
    CellPos,
    Document,
    Numbering,
    ParaFormat,
    Run,
    RunFormat,
    Story,
)

Item = str | Mapping[str, Any]


def _value_of_label(label: str) -> int:
    """The counter value a numbering label shows: "(3)" -> 3, "c." -> 3, "Pasal 4" -> 4."""
    digits = re.search(r"\d+", label)
    if digits:
        return int(digits.group())
    letter = re.search(r"[A-Za-z]", label)
    return ord(letter.group().lower()) - 96 if letter else 1


def _fmt_of_label(label: str) -> str:
    """A plausible w:numFmt for a label."""
    if re.search(r"\d", label):
        return "decimal"
    if re.fullmatch(r"[a-z][.)]", label):
        return "lowerLetter"
    if re.fullmatch(r"[A-Z][.)]", label):
        return "upperLetter"
    return "bullet"


def block(item: Item, index: int, story: Story = Story.BODY) -> Block:
    """One Block from an item (see the module docstring)."""
    spec: Mapping[str, Any] = {"text": item} if isinstance(item, str) else item
    content = str(spec.get("text", ""))
    numbering = None
    label = spec.get("label")
    text = content
    if label is not None:
        numbering = Numbering(
            num_id=int(spec.get("num_id", 1)),
            ilvl=int(spec.get("ilvl", 0)),
            abstract_id=None,
            label=str(label),
            fmt=str(spec.get("fmt", _fmt_of_label(str(label)))),
            value=int(spec.get("value", _value_of_label(str(label)))),
        )
        text = f"{label}\t{content}"
    cell = None
    if "cell" in spec:
        t, r, c = spec["cell"]
        cell = CellPos(table=t, row=r, col=c, depth=1, path=((t, r, c),))
    fmt = RunFormat(font="Arial", size_pt=12.0, bold=bool(spec.get("bold", False)))
    runs: list[Run] = []
    if label is not None:
        runs.append(Run(text=str(label), start=0, fmt=fmt, kind="label"))
    if content:
        runs.append(Run(text=content, start=len(text) - len(content), fmt=fmt, locator=0))
    para = ParaFormat(
        style_id=spec.get("style"),
        alignment=spec.get("align"),
        line_spacing=1.0,
        line_spacing_rule="auto",
    )
    return Block(
        story=story,
        index=index,
        text=text,
        runs=tuple(runs),
        para=para,
        numbering=numbering,
        cell=cell,
        anchor_block=spec.get("anchor"),
    )


def document(items: Iterable[Item], path: str = "test.docx") -> Document:
    """A Document whose stories hold the items in order (each story numbered from 1)."""
    counters: dict[Story, int] = {}
    by_story: dict[Story, list[Block]] = {}
    for item in items:
        story = Story(item.get("story", "body")) if not isinstance(item, str) else Story.BODY
        counters[story] = counters.get(story, 0) + 1
        by_story.setdefault(story, []).append(block(item, counters[story], story))
    order = [Story.BODY, Story.HEADER, Story.FOOTER, Story.FOOTNOTE, Story.COMMENT, Story.TEXTBOX]
    blocks = tuple(b for s in order for b in by_story.get(s, []))
    return Document(path=path, sha256="0" * 64, blocks=blocks)


def table(rows: Sequence[Sequence[str | Sequence[str]]], number: int = 0) -> list[Item]:
    """Items for a table: rows of cells, each cell a string or a list of paragraph strings."""
    items: list[Item] = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            paragraphs = [cell] if isinstance(cell, str) else list(cell)
            items.extend({"text": p, "cell": (number, r, c)} for p in paragraphs)
    return items


def numbered(label_texts: Iterable[tuple[str, str]], **extra: Any) -> list[Item]:
    """Auto-numbered paragraphs from (label, text) pairs, e.g. [("(1)", "..."), ("(2)", "...")]."""
    return [{"text": text, "label": label, **extra} for label, text in label_texts]
