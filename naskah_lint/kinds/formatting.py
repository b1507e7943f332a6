"""Rule kinds: page and font formatting (paper size, margins, body font).

Values (sizes, minimum margins, allowed fonts) are parameters from the pack, so an institution
with other conventions edits YAML, not Python.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from naskah_lint.engine.api import Context, Hit, Kind
from naskah_lint.model import Block, RunFormat, Section, Story

_EPS = 0.01


def _section_block(section: Section) -> int | None:
    """The first body block of a section (None when the section holds no paragraph)."""
    if section.last_block >= section.first_block >= 1:
        return section.first_block
    return None


# --------------------------------------------------------------------------- paper size


@dataclass(frozen=True, slots=True)
class PaperSize:
    name: str
    width_mm: float
    height_mm: float

    def fits(self, width: float, height: float, tolerance: float) -> bool:
        """Whether a page matches this size within the tolerance, in either orientation."""
        short, long = sorted((width, height))
        mine_short, mine_long = sorted((self.width_mm, self.height_mm))
        return (
            abs(short - mine_short) <= tolerance + _EPS
            and abs(long - mine_long) <= tolerance + _EPS
        )


@dataclass(frozen=True, slots=True)
class PaperSizeParams:
    sizes: tuple[PaperSize, ...] = (
        PaperSize("A4", 210.0, 297.0),
        PaperSize("F4", 215.0, 330.0),
        PaperSize("Folio", 215.9, 330.2),
        PaperSize("F4 (210 × 330)", 210.0, 330.0),
    )
    tolerance_mm: float = 1.0


def check_paper_size(ctx: Context, params: PaperSizeParams) -> Iterator[Hit]:
    """One hit per section whose page size is none of the allowed sizes (info when unset)."""
    allowed = ", ".join(s.name for s in params.sizes)
    for section in ctx.document.sections:
        block = _section_block(section)
        number = section.index + 1
        width, height = section.page_width_mm, section.page_height_mm
        if width is None or height is None:
            yield Hit(
                block=block,
                message="unset",
                params={"section": number, "allowed": allowed},
                key=f"section-{number}-unset",
                severity="info",
            )
            continue
        if any(size.fits(width, height, params.tolerance_mm) for size in params.sizes):
            continue
        yield Hit(
            block=block,
            params={
                "section": number,
                "width": round(width, 1),
                "height": round(height, 1),
                "allowed": allowed,
            },
            key=f"{round(min(width, height))}x{round(max(width, height))}",
        )


# --------------------------------------------------------------------------- margins


@dataclass(frozen=True, slots=True)
class MarginParams:
    left_mm: float = 30.0
    right_mm: float = 20.0
    top_mm: float = 20.0
    bottom_mm: float = 25.0
    tolerance_mm: float = 0.5  # Word stores twips: 3 cm may be saved as 29.98 mm


def check_margins(ctx: Context, params: MarginParams) -> Iterator[Hit]:
    """One hit per section with a margin below its minimum; the message gives all four values."""
    minimum = {
        "left": params.left_mm,
        "right": params.right_mm,
        "top": params.top_mm,
        "bottom": params.bottom_mm,
    }
    for section in ctx.document.sections:
        found: dict[str, float | None] = {
            "left": section.margin_left_mm,
            "right": section.margin_right_mm,
            "top": section.margin_top_mm,
            "bottom": section.margin_bottom_mm,
        }
        narrow = [
            side
            for side, value in found.items()
            if value is not None and value < minimum[side] - params.tolerance_mm - _EPS
        ]
        if not narrow:
            continue
        values: dict[str, Any] = {
            side: ("?" if value is None else round(value, 1)) for side, value in found.items()
        }
        values.update({f"min_{side}": value for side, value in minimum.items()})
        values["section"] = section.index + 1
        yield Hit(
            block=_section_block(section),
            params=values,
            key="narrow:" + ",".join(narrow),
        )


# --------------------------------------------------------------------------- body font


@dataclass(frozen=True, slots=True)
class FontParams:
    fonts: tuple[str, ...] = ("Arial", "Bookman Old Style")
    min_size_pt: float = 11.0
    max_size_pt: float = 12.0
    # Symbol fonts draw bullets and check boxes, not text: never counted.
    ignore_fonts: tuple[str, ...] = (
        "Symbol",
        "Wingdings",
        "Wingdings 2",
        "Wingdings 3",
        "Webdings",
        "Marlett",
        "MT Extra",
        "Zapf Dingbats",
        "ZapfDingbats",
    )
    max_findings: int = 10  # beyond this many paragraphs, one summary finding per document


class _BadRun(NamedTuple):
    font: str | None
    size: float | None


@functools.lru_cache(maxsize=64)
def _casefolded(names: tuple[str, ...]) -> frozenset[str]:
    """Font names in comparison form (once per list, not once per paragraph)."""
    return frozenset(name.casefold() for name in names)


# What a run format says about a run of visible text in it (see `_format_verdict`).
_SKIP, _OK, _BAD, _TOO_LARGE = 0, 1, 2, 3


def _format_verdict(fmt: RunFormat, params: FontParams) -> int:
    """_SKIP for hidden text and symbol fonts, _BAD for a font or size that is never allowed,
    _TOO_LARGE for a size allowed only in the title, else _OK."""
    if fmt.hidden:
        return _SKIP
    font, size = fmt.font, fmt.size_pt
    if font is not None and font.strip().casefold() in _casefolded(params.ignore_fonts):
        return _SKIP
    if font is not None and font.strip().casefold() not in _casefolded(params.fonts):
        return _BAD
    if size is not None and size < params.min_size_pt - _EPS:
        return _BAD
    if size is not None and size > params.max_size_pt + _EPS:
        return _TOO_LARGE
    return _OK


def _bad_run(
    block: Block, params: FontParams, in_title: bool, verdicts: dict[int, int] | None = None
) -> _BadRun | None:
    """The first visible text run of a paragraph whose font family or size is not allowed.
    `verdicts` remembers each format's verdict by id: a document has a few distinct formats
    shared by thousands of runs, so each is judged once (the formats outlive the call)."""
    if verdicts is None:
        verdicts = {}
    for run in block.runs:
        if run.kind != "text":
            continue
        fmt = run.fmt
        verdict = verdicts.get(id(fmt))
        if verdict is None:
            verdict = verdicts[id(fmt)] = _format_verdict(fmt, params)
        if (verdict == _BAD or (verdict == _TOO_LARGE and not in_title)) and run.text.strip():
            return _BadRun(font=fmt.font, size=fmt.size_pt)
    return None


def check_font(ctx: Context, params: FontParams) -> Iterator[Hit]:
    """One hit per body paragraph with a font or size outside the allowed ones; one summary hit
    for the whole document when more than `max_findings` paragraphs offend."""
    outline = ctx.outline
    title = set(outline.title.blocks) if outline.title is not None else set()
    offending: list[tuple[Block, _BadRun]] = []
    verdicts: dict[int, int] = {}
    if all(_format_verdict(f, params) in (_OK, _SKIP) for f in ctx.facts.formats):
        return  # no format in the document is ever wrong: no run needs a look
    for block in ctx.document.iter_story(Story.BODY):
        bad = _bad_run(block, params, block.index in title, verdicts)
        if bad is not None:
            offending.append((block, bad))
    common = {
        "allowed": ", ".join(params.fonts),
        "min_size": params.min_size_pt,
        "max_size": params.max_size_pt,
    }

    def shown(bad: _BadRun) -> dict[str, Any]:
        return {"font": bad.font or "?", "size": "?" if bad.size is None else bad.size}

    if len(offending) > params.max_findings:
        first_block, first_bad = offending[0]
        yield Hit(
            block=first_block.index,
            message="summary",
            params={**common, **shown(first_bad), "count": len(offending)},
            key="summary",
        )
        return
    for block, bad in offending:
        yield Hit(block=block.index, params={**common, **shown(bad)})


KINDS: tuple[Kind[Any], ...] = (
    Kind(
        name="paper-size",
        params=PaperSizeParams,
        check=check_paper_size,
        doc="Each section's page size is one of the allowed sizes (either orientation).",
    ),
    Kind(
        name="margins",
        params=MarginParams,
        check=check_margins,
        doc="Each section's margins are at least the configured minimums.",
    ),
    Kind(
        name="body-font",
        params=FontParams,
        check=check_font,
        doc="Body text uses an allowed font family and size (title may be larger).",
    ),
)
