"""Rule kinds: layout (title block formatting, line spacing, page numbers, paraf, logo)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from naskah_lint.engine.api import Context, Hit, Kind
from naskah_lint.kinds.structure import (
    check_patterns,
    displayed_text,
    has_keyword,
    has_letters,
    lowercase_words,
    shorten,
)
from naskah_lint.model import Block, Document, Story

# --------------------------------------------------------------------------- title-format

_TITLE_CHECKS = ("caps", "center", "period")


@dataclass(frozen=True, slots=True)
class TitleFormatParams:
    """One formatting property of every title-block line (judul, ANTARA, parties, DAN/DENGAN,
    TENTANG, perihal): `check` = caps (upper case), center (centred) or period (no closing
    full stop). NOMOR lines are not title lines here (their own rules check them)."""

    check: str = "caps"
    include_nomor: bool = False

    def __post_init__(self) -> None:
        if self.check not in _TITLE_CHECKS:
            raise ValueError(
                f"check: expected one of {', '.join(_TITLE_CHECKS)}, got {self.check!r}"
            )


def title_blocks(ctx: Context, include_nomor: bool = False) -> list[Block]:
    """The non-empty body blocks of the title, in order (NOMOR lines left out by default)."""
    title = ctx.outline.title
    if title is None:
        return []
    nomor = {n.block for n in ctx.outline.nomor}
    blocks = ctx.facts.body_map
    return [
        blocks[i]
        for i in sorted(set(title.blocks))
        if i in blocks and blocks[i].text.strip() and (include_nomor or i not in nomor)
    ]


def _ends_with_period(text: str) -> bool:
    """A closing full stop, not an ellipsis or a dotted blank ("……..", "....")."""
    stripped = text.rstrip()
    if not stripped.endswith(".") or not has_letters(stripped):
        return False
    tail = stripped[len(stripped.rstrip(".… ")) :]
    return "…" not in tail and tail.count(".") < 3


def check_title_format(ctx: Context, params: TitleFormatParams) -> Iterator[Hit]:
    """One finding per title line that is not in capitals / not centred / ends with '.'; a
    title with no centred line at all gets one `all` finding on its first line."""
    lines = title_blocks(ctx, params.include_nomor)
    if params.check == "center":
        off = [b for b in lines if b.para.alignment != "center"]
        if len(lines) > 1 and len(off) == len(lines):
            yield Hit(
                block=off[0].index,
                message="all",
                params={"count": len(off), "text": shorten(off[0].text.strip(), 60)},
                key="center-all",
            )
            return
        for block in off:
            yield Hit(
                block=block.index,
                params={"text": shorten(block.text.strip(), 60)},
                key="center",
            )
        return
    for block in lines:
        text = block.text.strip()
        if params.check == "caps":
            holes = ctx.facts.placeholders_in(block.index)
            lower = lowercase_words(displayed_text(block), holes)
            if lower:
                expected = text.upper()
                if _ends_with_period(expected):
                    expected = expected.rstrip(" .")
                yield Hit(
                    block=block.index,
                    params={
                        "found": shorten(text, 60),
                        "words": ", ".join(w.strip(".,;:") for w in lower[:5]),
                        "expected": shorten(expected, 60),
                    },
                    key="caps",
                )
        elif _ends_with_period(text):
            yield Hit(
                block=block.index,
                params={"found": shorten(text, 60), "expected": shorten(text.rstrip(" ."), 60)},
                key="period",
            )


# --------------------------------------------------------------------------- line-spacing


@dataclass(frozen=True, slots=True)
class LineSpacingParams:
    """Body line spacing (multiples of single) within [minimum, maximum]; exact/at-least
    spacing and empty paragraphs are not judged; the title block may differ."""

    minimum: float = 1.0
    maximum: float = 1.5
    tolerance: float = 0.01
    skip_title: bool = True

    def __post_init__(self) -> None:
        if self.minimum > self.maximum:
            raise ValueError("minimum: must not exceed maximum")


def check_line_spacing(ctx: Context, params: LineSpacingParams) -> Iterator[Hit]:
    """One finding per document, on the first paragraph outside the range, with its spacing and
    how many paragraphs are outside it."""
    skip = set(ctx.outline.title.blocks) if ctx.outline.title and params.skip_title else set()
    offenders: list[Block] = []
    for block in ctx.document.iter_story(Story.BODY):
        spacing = block.para.line_spacing
        if not block.text.strip() or block.index in skip or spacing is None:
            continue
        if block.para.line_spacing_rule not in (None, "auto"):
            continue
        if (
            spacing < params.minimum - params.tolerance
            or spacing > params.maximum + params.tolerance
        ):
            offenders.append(block)
    if not offenders:
        return
    yield Hit(
        block=offenders[0].index,
        params={
            "count": len(offenders),
            "value": float(offenders[0].para.line_spacing or 0.0),
            "minimum": float(params.minimum),
            "maximum": float(params.maximum),
        },
        key="spacing",
    )


# --------------------------------------------------------------------------- page-number


@dataclass(frozen=True, slots=True)
class PageNumberParams:
    """Page numbers (a PAGE field in a header or footer) on drafts longer than one page: the
    page count comes from Word's rendered page breaks, else from `min_chars` of body text."""

    min_chars: int = 3500


def _multi_page(ctx: Context, min_chars: int) -> bool:
    body = ctx.document.body
    if any((b.page or 1) > 1 for b in body):
        return True
    return sum(len(b.text) for b in body) >= min_chars


def check_page_number(ctx: Context, params: PageNumberParams) -> Iterator[Hit]:
    """A multi-page draft without any page number gets one whole-document finding."""
    doc = ctx.document
    if not _multi_page(ctx, params.min_chars):
        return
    if any(s.header_has_page_number or s.footer_has_page_number for s in doc.sections):
        return
    if any(b.has_page_field for b in doc.blocks if b.story in (Story.HEADER, Story.FOOTER)):
        return
    yield Hit(block=None, key="page-number")


# --------------------------------------------------------------------------- paraf


@dataclass(frozen=True, slots=True)
class ParafParams:
    """A paraf box in the header or footer of every section: a paragraph with one of the
    `keywords`, or a table whose cells label at least `min_party_cells` parties (regex
    `party_cell`, e.g. a footer table "PIHAK KESATU | PIHAK KEDUA" with empty cells below)."""

    keywords: tuple[str, ...] = ("PARAF",)
    party_cell: str = r"^\W*PIHAK\s+(?:KE[A-Z]+|PERTAMA)\W*$"
    min_party_cells: int = 2

    def __post_init__(self) -> None:
        check_patterns((self.party_cell,), "party_cell")


def _paraf_tables(doc: Document, params: ParafParams) -> set[str | None]:
    """Header/footer parts holding a table whose cells name the parties (a paraf table)."""
    rx = re.compile(params.party_cell, re.IGNORECASE)
    cells: dict[tuple[str | None, int], set[tuple[int, int]]] = {}
    for b in (*doc.story(Story.HEADER), *doc.story(Story.FOOTER)):
        if b.cell is not None and rx.search(b.text):
            cells.setdefault((b.story_part, b.cell.table), set()).add((b.cell.row, b.cell.col))
    return {part for (part, _t), found in cells.items() if len(found) >= params.min_party_cells}


def check_paraf(ctx: Context, params: ParafParams) -> Iterator[Hit]:
    """No paraf box anywhere: one whole-document finding; some sections without: one each."""
    doc = ctx.document
    marked_parts = {
        b.story_part
        for b in (*doc.story(Story.HEADER), *doc.story(Story.FOOTER))
        if has_keyword(b.text, params.keywords)
    } | _paraf_tables(doc, params)
    sections = [s for s in doc.sections if s.last_block >= s.first_block]
    with_paraf = [
        s.header_has_paraf
        or s.footer_has_paraf
        or any(p in marked_parts for p in (*s.header_parts, *s.footer_parts))
        for s in sections
    ]
    if not sections:
        if not marked_parts:
            yield Hit(block=None, key="paraf")
        return
    if not any(with_paraf):
        yield Hit(block=None, key="paraf")
        return
    for section, ok in zip(sections, with_paraf, strict=True):
        if not ok:
            yield Hit(
                block=section.first_block,
                message="section",
                params={"section": section.index + 1},
                key=f"paraf-{section.index}",
            )


# --------------------------------------------------------------------------- kepala-logo


@dataclass(frozen=True, slots=True)
class LogoParams:
    """A logo or lambang in the kepala: an image on the first page (body before the title's end,
    the first-page header, or a text box there), or a template field for it (`placeholders`)."""

    placeholders: tuple[str, ...] = (r"\$\{\s*logo[^}]*\}", r"\{\{\s*logo[^}]*\}\}", r"\blogo\b")


def check_logo(ctx: Context, params: LogoParams) -> Iterator[Hit]:
    """No image or logo field near the title: one whole-document note."""
    doc = ctx.document
    if doc.first_page_images > 0:
        return
    title = ctx.outline.title
    limit = max(title.blocks) if title is not None and title.blocks else 5
    near = (  # the stories by themselves: a long body is not walked for its first blocks
        *(b for b in doc.story(Story.BODY) if b.index <= limit),
        *doc.story(Story.HEADER),
        *(b for b in doc.story(Story.TEXTBOX) if (b.anchor_block or 1) <= limit),
    )
    for block in near:
        if block.has_image:
            return
        if any(re.search(p, block.text, re.IGNORECASE) for p in params.placeholders):
            return
    yield Hit(block=None, key="logo")


KINDS: tuple[Kind[Any], ...] = (
    Kind(
        "title-format",
        TitleFormatParams,
        check_title_format,
        "Title lines are in capitals / centred / without a closing full stop. Variants: "
        "default {found, words, expected} (caps), default {text} and all {count, text} (center), "
        "default {found, expected} (period).",
    ),
    Kind(
        "line-spacing",
        LineSpacingParams,
        check_line_spacing,
        "Body line spacing is within the configured range. "
        "Variant: default {value, count, minimum, maximum}.",
    ),
    Kind(
        "page-number",
        PageNumberParams,
        check_page_number,
        "A multi-page draft has page numbers in a header or footer.",
    ),
    Kind(
        "paraf",
        ParafParams,
        check_paraf,
        "Every section has a paraf box in its header/footer. Variants: default, section {section}.",
    ),
    Kind("kepala-logo", LogoParams, check_logo, "The kepala has a logo or lambang."),
)
