"""`naskah-lint outline FILE --blocks`: the reader's paragraphs as JSON or text, to see what the
linter saw (story, index, style, effective font/size/bold, alignment, numbering label, cell)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from naskah_lint.i18n import t
from naskah_lint.model import Block, Document, Run, Story

SCHEMA_VERSION = 1


def _dominant(runs: tuple[Run, ...]) -> tuple[str | None, float | None, bool]:
    """(font, size, bold) covering most visible characters of the block's text runs; bold only
    when every visible character is bold."""
    fonts: Counter[str | None] = Counter()
    sizes: Counter[float | None] = Counter()
    visible = bold = 0
    for run in runs:
        if run.kind == "label":
            continue
        n = len(run.text) - run.text.count(" ") - run.text.count("\t") - run.text.count("\n")
        if n <= 0:
            continue
        visible += n
        fonts[run.fmt.font] += n
        sizes[run.fmt.size_pt] += n
        if run.fmt.bold:
            bold += n
    if not visible:
        return None, None, False
    return fonts.most_common(1)[0][0], sizes.most_common(1)[0][0], bold == visible


def block_dict(block: Block) -> dict[str, Any]:
    """One block as a JSON-ready dict (stable keys)."""
    font, size, bold = _dominant(block.runs)
    cell = block.cell
    return {
        "story": block.story.value,
        "index": block.index,
        "section": block.section,
        "page": block.page,
        "style": block.para.style_name or block.para.style_id,
        "style_id": block.para.style_id,
        "font": font,
        "size_pt": size,
        "bold": bold,
        "alignment": block.para.alignment,
        "label": block.label,
        "cell": (
            {"table": cell.table, "row": cell.row, "col": cell.col, "depth": cell.depth}
            if cell is not None
            else None
        ),
        "anchor_block": block.anchor_block,
        "part": block.story_part,
        "has_image": block.has_image,
        "text": block.text,
    }


def blocks_json(doc: Document) -> dict[str, Any]:
    """The whole document's blocks for `outline --blocks --format json`."""
    return {
        "schema_version": SCHEMA_VERSION,
        "path": doc.path,
        "package_kind": doc.package_kind,
        "strict": doc.strict,
        "sections": [
            {
                "index": s.index,
                "page_width_mm": s.page_width_mm,
                "page_height_mm": s.page_height_mm,
                "orientation": s.orientation,
                "margins_mm": [
                    s.margin_top_mm,
                    s.margin_right_mm,
                    s.margin_bottom_mm,
                    s.margin_left_mm,
                ],
                "first_block": s.first_block,
                "last_block": s.last_block,
            }
            for s in doc.sections
        ],
        "blocks": [block_dict(b) for b in doc.blocks],
    }


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _story_name(story: Story, lang: str) -> str:
    if story is Story.BODY:
        return "body" if lang == "en" else "isi"
    return t(f"loc.story.{story.value}", lang)


def blocks_text(doc: Document, lang: str = "id") -> str:
    """One line per block: story and index, style, font size bold alignment, cell, text."""
    lines: list[str] = []
    for block in doc.blocks:
        d = block_dict(block)
        fmt = " ".join(
            x
            for x in (
                d["font"] or "-",
                f"{d['size_pt']:g}" if d["size_pt"] is not None else "-",
                "B" if d["bold"] else "",
                d["alignment"] or "",
            )
            if x
        )
        cell = block.cell
        where = f" [t{cell.table + 1} r{cell.row + 1} c{cell.col + 1}]" if cell else ""
        anchor = f" (@{block.anchor_block})" if block.anchor_block is not None else ""
        label = f"{_escape(block.label)} | " if block.label else ""
        content = _escape(block.content)
        lines.append(
            f"{_story_name(block.story, lang)} {block.index:>4}{where}{anchor} "
            f"<{d['style'] or '-'}; {fmt}> {label}{content}"
        )
    return "\n".join(lines) + ("\n" if lines else "")
