"""One pass over a story part's XML: paragraphs (with tables, content controls, text boxes) in
document order, their displayed text, runs, formats, numbering labels and tracked changes.

Every w:p of a part is counted in `root.iter(w:p)` order, including those the walk skips
(mc:Fallback copies, vMerge continuation cells, deleted drawings), so Locator ordinals match
what a writer finds by iterating the same XML; run locators count `p.iter(w:r)` likewise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from naskah_lint._builder import record_builder
from naskah_lint.model import (
    Block,
    CellPos,
    Locator,
    Numbering,
    ParaFormat,
    Revision,
    Run,
    RunFormat,
    Story,
)
from naskah_lint.reader import ns
from naskah_lint.reader.fold import FOLD_MARK
from naskah_lint.reader.numbering import PUA_GLYPHS, Counters
from naskah_lint.reader.package import too_large
from naskah_lint.reader.props import (
    RPR_TAGS,
    PropDict,
    first_child,
    paragraph_props,
    parse_numpr,
    parse_rpr,
    ppr_key,
    rpr_key,
    to_int,
)
from naskah_lint.reader.styles import ParaStyle, StyleSheet

M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
M_T = f"{{{M_NS}}}t"
M_OMATH = f"{{{M_NS}}}oMath"
M_OMATHPARA = f"{{{M_NS}}}oMathPara"
_BODY = Story.BODY
_W_PPR = ns.W_PPR
_W_P = ns.W_P
_W_R = ns.W_R
_W_T = ns.W_T
_W_RPR = ns.W_RPR
_PAGE_FIELD = re.compile(r"(?<![A-Za-z])PAGE(?![A-Za-z])", re.IGNORECASE)  # not NUMPAGES, PAGEREF
# Dispatch codes for run-level content other than w:r (tested first, by equality): one dict
# lookup per child instead of a chain of string comparisons; pPr maps to a code that does nothing.
_WRAPPER, _INSERTED, _DELETED, _SDT, _FLDSIMPLE, _ALTERNATE, _COMMENT, _MATH, _PPR = range(9)
_INLINE_CODES = {
    **dict.fromkeys((ns.W_HYPERLINK, ns.W_SMARTTAG, ns.W_CUSTOMXML, ns.W_DIR, ns.W_BDO), _WRAPPER),
    ns.W_INS: _INSERTED,
    ns.W_MOVETO: _INSERTED,
    ns.W_DEL: _DELETED,
    ns.W_MOVEFROM: _DELETED,
    ns.W_SDT: _SDT,
    ns.W_FLDSIMPLE: _FLDSIMPLE,
    ns.MC_ALTERNATE: _ALTERNATE,
    ns.W_COMMENTSTART: _COMMENT,
    M_OMATH: _MATH,
    M_OMATHPARA: _MATH,
    ns.W_PPR: _PPR,
}
# Dispatch codes for the children of a w:r.
(
    _T,
    _RPR_,
    _FLDCHAR,
    _INSTR,
    _GRAPHIC,
    _RENDERED,
    _NOTEREF,
    _COMMENTREF,
    _PGNUM,
    _TAB,
    _BR,
    _CR,
    _NBHYPHEN,
    _SYM,
) = range(14)
_RUN_CODES = {
    ns.W_T: _T,
    ns.W_RPR: _RPR_,
    ns.W_FLDCHAR: _FLDCHAR,
    ns.W_INSTRTEXT: _INSTR,
    **dict.fromkeys((ns.W_DRAWING, ns.W_PICT, ns.W_OBJECT, ns.MC_ALTERNATE), _GRAPHIC),
    ns.W_LASTRENDERED: _RENDERED,
    ns.W_FOOTNOTEREF: _NOTEREF,
    ns.W_ENDNOTEREF: _NOTEREF,
    ns.W_COMMENTREF: _COMMENTREF,
    ns.W_PGNUM: _PGNUM,
    ns.W_TAB: _TAB,
    ns.W_PTAB: _TAB,
    ns.W_BR: _BR,
    ns.W_CR: _CR,
    ns.W_NOBREAKHYPHEN: _NBHYPHEN,
    ns.W_SYM: _SYM,
}
_ROW_REVISIONS = {ns.W_INS: "ins", ns.W_DEL: "del", ns.w("cellIns"): "ins", ns.w("cellDel"): "del"}
_SUFFIX = {"tab": "\t", "space": " ", "nothing": ""}
# The model records a read makes by the thousand, built without their frozen __init__
# (naskah_lint/_builder.py): every field, in field order.
new_run: Callable[[str, int, RunFormat, str, bool, int], Run] = record_builder(Run)
new_locator: Callable[[str, int], Locator] = record_builder(Locator)
new_block: Callable[..., Block] = record_builder(Block)  # called with field names


class _Field:
    """A complex field being read: its instruction and whether its result has started."""

    __slots__ = ("instr", "result")

    def __init__(self) -> None:
        self.instr: list[str] = []
        self.result = False


@dataclass(slots=True)
class Para:
    """A paragraph being built (mutable); finished into a Block by `finish`."""

    story: Story
    index: int
    part: str
    ordinal: int
    style: ParaStyle
    para: ParaFormat
    cell: CellPos | None
    section: int
    anchor: int | None
    story_part: str | None
    numbering: Numbering | None = None
    parts: list[str] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    length: int = 0
    content_start: int = 0  # length of the numbering label and its suffix
    run_ordinal: int = 0
    images: int = 0
    page_field: bool = False
    page: int = 1

    def add(self, text: str, run: Run) -> None:
        self.parts.append(text)
        self.runs.append(run)
        self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def finish(self, page: int | None) -> Block:
        return new_block(
            story=self.story,
            index=self.index,
            text="".join(self.parts),
            runs=tuple(self.runs),
            para=self.para,
            numbering=self.numbering,
            cell=self.cell,
            section=self.section,
            locator=new_locator(self.part, self.ordinal),
            anchor_block=self.anchor,
            story_part=self.story_part,
            has_image=self.images > 0,
            has_page_field=self.page_field,
            page=page,
        )


@dataclass(slots=True)
class _Cell:
    """Where the walk is inside tables: (table, row, col) per depth, and nested tables seen."""

    path: tuple[tuple[int, int, int], ...]
    nested: int = 0
    _pos: CellPos | None = None

    def pos(self) -> CellPos:
        """The CellPos of this cell's paragraphs (built once per cell)."""
        if self._pos is None:
            table, row, col = self.path[0]
            self._pos = CellPos(table=table, row=row, col=col, depth=len(self.path), path=self.path)
        return self._pos


# What a pPr key determines (Collector.para_cache): the paragraph style, its format, and the
# numId and level (resolved through the style; the level is meaningless without a numId).
_ParaFacts = tuple[ParaStyle, ParaFormat, int | None, int]


@dataclass(slots=True)
class Collector:
    """Everything one read accumulates across parts (mutable, lives for one read_document)."""

    styles: StyleSheet
    max_paragraphs: int
    paras: dict[Story, list[Para]] = field(default_factory=lambda: {s: [] for s in Story})
    revisions: list[Revision] = field(default_factory=list)
    comment_anchors: dict[str, tuple[Story, int]] = field(default_factory=dict)
    note_anchors: dict[tuple[str, str], int] = field(default_factory=dict)
    tables: dict[Story, int] = field(default_factory=lambda: dict.fromkeys(Story, 0))
    para_cache: dict[tuple[Any, ...], _ParaFacts] = field(default_factory=dict)
    # numbering labels' formats by paragraph style, numId, level and mark rPr content
    label_cache: dict[tuple[Any, ...], RunFormat] = field(default_factory=dict)
    paragraphs: int = 0
    # body page tracking. Rendered breaks (w:lastRenderedPageBreak) and explicit ones (page
    # breaks, pageBreakBefore, section breaks) both count, but a break right after another
    # with no text between is the same page change (Word writes a rendered marker after each
    # hard break), and a table row counts once (Word marks every cell of a row that moves).
    page: int = 1
    breaks: int = 0
    break_pending: bool = False
    break_row: tuple[int, int] | None = None
    rendered_markers: int = 0  # w:lastRenderedPageBreak seen: Word laid the file out

    def page_break(self) -> bool:
        """Count a page change unless one was counted with no text since; True if counted."""
        if self.break_pending:
            return False
        self.page += 1
        self.breaks += 1
        self.break_pending = True
        return True


class PartWalker:
    """Walks one part (document, header, footer, notes, comments) in one pass."""

    __slots__ = (
        "c",
        "counters",
        "fields",
        "folded",
        "forms",
        "hidden_fields",
        "p_ordinal",
        "paras",
        "part",
        "pending_comments",
        "section",
        "section_breaks",
        "story_part",
        "styles",
    )

    def __init__(
        self,
        collector: Collector,
        part: str,
        counters: Counters,
        story_part: str | None = None,
    ) -> None:
        self.c = collector
        self.styles = collector.styles
        self.part = part
        self.counters = counters
        self.story_part = story_part
        self.p_ordinal = 0
        self.fields: list[_Field] = []
        self.hidden_fields = 0  # fields on the stack still in their instruction part
        self.pending_comments: list[str] = []
        self.section = 0
        self.section_breaks: list[tuple[etree._Element, int]] = []  # (sectPr, last body block)
        self.paras: list[Para] = []  # every paragraph this walker produced, all stories
        # the rPr forms folded in this part's bytes (reader/fold.py), by number, and the
        # formats of folded rPr by paragraph style id and marker text
        self.forms: list[etree._Element] = []
        self.folded: dict[str | None, dict[str, tuple[RunFormat, etree._Element | None]]] = {}

    # ---- block level -------------------------------------------------------------------------

    def container(
        self, el: etree._Element, story: Story, cell: _Cell | None, anchor: int | None
    ) -> None:
        """Walk block-level content: paragraphs, tables, content controls, custom XML."""
        for child in el:
            tag = child.tag
            if tag == ns.W_P:
                self.paragraph(child, story, cell, anchor)
            elif tag == ns.W_TBL:
                self.table(child, story, cell, anchor)
            elif tag == ns.W_SDT:
                content = first_child(child, ns.W_SDTCONTENT)
                if content is not None:
                    self.container(content, story, cell, anchor)
            elif tag == ns.W_CUSTOMXML:
                self.container(child, story, cell, anchor)
            elif tag == ns.MC_ALTERNATE:
                self._alternate(child, lambda ch: self.container(ch, story, cell, anchor))
            elif tag == ns.W_COMMENTSTART:
                cid = child.get(ns.W_ID)
                if cid is not None:
                    self.pending_comments.append(cid)
            elif len(child) and tag != ns.W_SECTPR:
                self.skip(child)

    def _alternate(self, el: etree._Element, walk: Callable[[etree._Element], None]) -> None:
        """mc:AlternateContent: read the first mc:Choice, count paragraphs in the others."""
        chosen = False
        for child in el:
            if child.tag == ns.MC_CHOICE and not chosen:
                chosen = True
                walk(child)
            else:
                self.skip(child)

    def skip(self, el: etree._Element, para: Para | None = None) -> None:
        """Count the paragraphs (and runs) inside a subtree the walk does not read. Outside a
        paragraph only w:p count: a one-tag iteration is cheaper (table cell properties are
        skipped once per cell)."""
        if para is None:
            for _ in el.iter(_W_P):
                self.p_ordinal += 1
            return
        for sub in el.iter(_W_P, ns.W_R):
            if sub.tag == _W_P:
                self.p_ordinal += 1
            else:
                para.run_ordinal += 1

    def table(
        self, tbl: etree._Element, story: Story, outer: _Cell | None, anchor: int | None
    ) -> None:
        """Walk a table row by row; merged cells are read once (vMerge continuations skipped)."""
        if outer is None:
            index = self.c.tables[story]
            self.c.tables[story] += 1
            prefix: tuple[tuple[int, int, int], ...] = ()
        else:
            index = outer.nested
            outer.nested += 1
            prefix = outer.path
        for row, tr in enumerate(_table_items(tbl, ns.W_TR, _TABLE_PROPS, self)):
            col = 0
            trpr = first_child(tr, ns.W_TRPR)
            if trpr is not None:
                for child in trpr:
                    if child.tag == ns.W_GRIDBEFORE:
                        col = max(to_int(child.get(ns.W_VAL)) or 0, 0)
                    elif child.tag in _ROW_REVISIONS:
                        self._revision(_ROW_REVISIONS[child.tag], child, story, None, "")
            for tc in _table_items(tr, ns.W_TC, _ROW_PROPS, self):
                span = 1
                continuation = False
                tcpr = first_child(tc, ns.W_TCPR)
                if tcpr is not None:
                    for child in tcpr:
                        tag = child.tag
                        if tag == ns.W_GRIDSPAN:
                            span = max(to_int(child.get(ns.W_VAL)) or 1, 1)
                        elif tag == ns.W_VMERGE:
                            val = (child.get(ns.W_VAL) or "continue").strip().lower()
                            continuation = val != "restart"
                        elif tag in _ROW_REVISIONS:
                            self._revision(_ROW_REVISIONS[tag], child, story, None, "")
                if continuation:
                    self.skip(tc)
                else:
                    cell = _Cell((*prefix, (index, row, col)))
                    self.container(tc, story, cell, anchor)
                col += span

    # ---- paragraphs --------------------------------------------------------------------------

    def paragraph(
        self, p: etree._Element, story: Story, cell: _Cell | None, anchor: int | None
    ) -> Para:
        """Read one w:p into a Para (appended to the collector's story list)."""
        c = self.c
        ordinal = self.p_ordinal
        self.p_ordinal += 1
        c.paragraphs += 1
        if c.paragraphs > c.max_paragraphs:
            raise too_large(f"max_paragraphs = {c.max_paragraphs}", str(c.paragraphs))
        story_paras = c.paras[story]
        index = len(story_paras) + 1
        sectpr = mark_rpr = None
        numbering = None
        label_rpr: PropDict = {}
        # The pPr, if any, is the first child: read it from the iterator the runs are then
        # read from, so that it is not fetched (as a new proxy) a second time.
        children: Iterable[etree._Element] = p
        ppr = None
        key: tuple[Any, ...] | None = ()  # an absent pPr reads as an empty one
        for first in p:
            if first.tag == _W_PPR:
                children = first.itersiblings()
                ppr = first
                key, mark_rpr = ppr_key(first)
            break
        # Drafts repeat a few pPr: a paragraph's style, format and numbering definition (not
        # its number: the counters advance per paragraph) are cached by the pPr's key.
        hit = c.para_cache.get(key) if key is not None else None
        if hit is not None:
            style, fmt, num_id, ilvl = hit
            if num_id:
                numbering = self.counters.number(num_id, ilvl)
                if numbering is not None:
                    label_rpr = self.counters.defs.level_props(num_id, numbering.ilvl)[1]
        else:
            pstyle_id: str | None = None
            num_id = ilvl = None
            direct: PropDict = {}
            if ppr is not None:
                direct, pstyle_id, numpr, sectpr, mark_rpr, change = paragraph_props(ppr)
                if numpr is not None:
                    num_id, ilvl = parse_numpr(numpr)
                if change is not None:
                    self._revision("pPrChange", change, story, index, "")
            style = self.styles.paragraph(pstyle_id)
            level_ppr = None
            if num_id is None:
                num_id = style.num_id
            if num_id:
                if ilvl is None:
                    ilvl = style.ilvl
                if ilvl is None:
                    ilvl = self.counters.defs.level_for_style(num_id, style.id) or 0
                numbering = self.counters.number(num_id, ilvl)
                if numbering is not None:
                    level_ppr, label_rpr = self.counters.defs.level_props(num_id, numbering.ilvl)
            fmt = self.styles.para_format(style, level_ppr or {}, direct)
            if key is not None:
                c.para_cache[key] = (style, fmt, num_id, ilvl or 0)
        if mark_rpr is not None and self.forms:
            mark_rpr = self._form(mark_rpr)
        b = Para(
            story,
            index,
            self.part,
            ordinal,
            style,
            fmt,
            cell.pos() if cell is not None else None,
            self.section,
            anchor,
            self.story_part,
            numbering,
        )
        story_paras.append(b)
        self.paras.append(b)
        if self.pending_comments:
            for cid in self.pending_comments:
                c.comment_anchors.setdefault(cid, (story, index))
            self.pending_comments.clear()
        body = story is _BODY
        if body:
            if fmt.page_break_before and index > 1:
                c.page_break()
            b.page = c.page
        if mark_rpr is not None:
            self._mark_revisions(mark_rpr, story, index)
        if numbering is not None and numbering.label:
            # the label's format: the mark rPr's properties, the level's over them; cached by
            # what determines it (a few combinations label hundreds of paragraphs)
            label_head: list[Any] = [style.id, numbering.num_id, numbering.ilvl]
            frozen = rpr_key(label_head, mark_rpr) if mark_rpr is not None else tuple(label_head)
            label_fmt = c.label_cache.get(frozen)
            if label_fmt is None:
                mark = parse_rpr(mark_rpr) if mark_rpr is not None else {}
                mark.update(label_rpr)
                label_fmt = c.label_cache[frozen] = self.styles.run_format(style, None, mark)
            text = numbering.label + _SUFFIX.get(numbering.suffix, "\t")
            b.add(text, new_run(text, 0, label_fmt, "label", False, -1))
            b.content_start = b.length
        self.inline(children, b, False)
        if sectpr is not None and body and cell is None and anchor is None:
            self.section_breaks.append((sectpr, index))
            self.section += 1
            if _starts_new_page(sectpr):
                c.page_break()
        return b

    def _mark_revisions(self, rpr: etree._Element, story: Story, index: int) -> None:
        for child in rpr:
            if child.tag == ns.W_INS:
                self._revision("ins", child, story, index, "¶")
            elif child.tag == ns.W_DEL:
                self._revision("del", child, story, index, "¶")

    def _revision(
        self, kind: str, el: etree._Element, story: Story, block: int | None, text: str
    ) -> None:
        self.c.revisions.append(
            Revision(
                kind=kind,
                author=el.get(ns.W_AUTHOR),
                date=el.get(ns.W_DATE),
                story=story,
                block=block,
                text=text,
            )
        )

    # ---- inline content ----------------------------------------------------------------------

    def inline(self, parent: Iterable[etree._Element], b: Para, inserted: bool) -> None:
        """Walk run-level content of a paragraph (or of a wrapper inside it): the children of
        `parent` (an element, or an iterator over a paragraph's children after its pPr)."""
        codes = _INLINE_CODES
        # The common w:r (an rPr and at most one w:t, ~all runs of a draft) is read here, not in
        # `run`: the reader's hottest loop, so the method call, the format lookup's call and its
        # key (props.rpr_key, as StyleSheet.rpr_format makes it, on the same cache) are inlined.
        styles = self.styles
        rpr_cache = styles.rpr_cache
        rpr_tags = RPR_TAGS
        style = b.style
        style_id = style.id
        fields = self.fields  # the same list after any nested call (text boxes restore it)
        forms = self.forms
        folded = self.folded.get(style_id)
        if folded is None:
            folded = self.folded[style_id] = {}
        body = b.story is _BODY
        parts = b.parts
        runs = b.runs
        for child in parent:
            tag = child.tag
            if tag == _W_R:  # the common child, told apart without hashing its tag
                rpr = text = None
                for sub in child:
                    sub_tag = sub.tag
                    if sub_tag == _W_T and text is None:
                        text = sub.text or ""
                    elif sub_tag == _W_RPR:
                        rpr = sub
                    else:  # anything else: the general reader, from the run's start
                        self.run(child, b, inserted)
                        break
                else:
                    locator = b.run_ordinal
                    b.run_ordinal = locator + 1
                    if text and not self.hidden_fields:
                        if "\r" in text or "\n" in text:
                            text = text.replace("\r\n", "\n").replace("\r", "\n")
                        if rpr is None:
                            fmt = styles.plain_format(style)
                        else:
                            marker = rpr.text if forms else None
                            if marker is not None and marker[0] == FOLD_MARK:  # a folded rPr
                                found = folded.get(marker)
                                if found is None:
                                    found = folded[marker] = styles.rpr_format(
                                        style, forms[int(marker[1:])]
                                    )
                                fmt, change = found
                            else:
                                key: list[Any] = [style_id]
                                for prop in rpr:
                                    prop_tag = prop.tag
                                    if prop_tag in rpr_tags:
                                        key.append(prop_tag)
                                        key += prop.items()
                                hit = rpr_cache.get(tuple(key))
                                if hit is None:
                                    fmt, change = styles.rpr_format(style, rpr)
                                else:
                                    fmt = hit[0]
                                    change = first_child(rpr, ns.W_RPRCHANGE) if hit[1] else None
                            if change is not None:
                                self._revision("rPrChange", change, b.story, b.index, "")
                        if body and not text.isspace():
                            self.c.break_pending = False
                        start = b.length
                        parts.append(text)
                        runs.append(
                            new_run(
                                text, start, fmt, "field" if fields else "text", inserted, locator
                            )
                        )
                        b.length = start + len(text)
                continue
            code = codes.get(tag)
            if code == _WRAPPER:
                self.inline(child, b, inserted)
            elif code is None:
                if len(child):
                    self.skip(child, b)
            elif code == _INSERTED:
                start = b.length
                self.inline(child, b, True)
                kind = "ins" if child.tag == ns.W_INS else "moveTo"
                self._revision(kind, child, b.story, b.index, b.text[start:])
            elif code == _DELETED:
                kind = "del" if child.tag == ns.W_DEL else "moveFrom"
                gone = "".join(t.text or "" for t in child.iter(ns.W_DELTEXT, ns.W_T))
                self._revision(kind, child, b.story, b.index, gone)
                self.skip(child, b)
            elif code == _SDT:
                content = first_child(child, ns.W_SDTCONTENT)
                if content is not None:
                    self.inline(content, b, inserted)
            elif code == _FLDSIMPLE:
                if _PAGE_FIELD.search(child.get(ns.W_INSTR) or ""):
                    b.page_field = True
                fld = _Field()
                fld.result = True
                self.fields.append(fld)
                self.inline(child, b, inserted)
                self.fields.pop()
            elif code == _ALTERNATE:
                self._alternate(child, lambda ch: self.inline(ch, b, inserted))
            elif code == _COMMENT:
                cid = child.get(ns.W_ID)
                if cid is not None:
                    self.c.comment_anchors.setdefault(cid, (b.story, b.index))
            elif code == _MATH:
                self._math(child, b)

    def _math(self, el: etree._Element, b: Para) -> None:
        text = "".join(t.text or "" for t in el.iter(M_T))
        self.skip(el, b)
        if text and self.hidden_fields == 0:
            fmt = self.styles.run_format(b.style, None, {})
            b.add(text, Run(text=text, start=b.length, fmt=fmt, kind="text"))

    def run(self, r: etree._Element, b: Para, inserted: bool) -> None:
        """Read one w:r: its displayed text split by kind (text, field result, symbol).

        The general reader, for runs with more than an rPr and one w:t (fields, tabs, breaks,
        symbols, drawings...): `inline` reads the common run itself."""
        locator = b.run_ordinal
        b.run_ordinal = locator + 1
        rpr: etree._Element | None = None
        pieces: list[str] = []
        kind = "field" if self.fields else "text"
        fmt: RunFormat | None = None
        codes = _RUN_CODES
        for child in r:
            # w:t and w:rPr, nearly every child, are told apart by equality (a fresh tag
            # string compared to a constant), the rest by one dict lookup (which hashes it)
            tag = child.tag
            if tag == _W_T:
                if not self.hidden_fields:
                    text = child.text
                    if text:
                        if "\r" in text or "\n" in text:
                            text = text.replace("\r\n", "\n").replace("\r", "\n")
                        pieces.append(text)
                continue
            if tag == _W_RPR:
                rpr = self._form(child) if self.forms else child
                continue
            code = codes.get(tag)
            if code is None:
                continue
            if code == _FLDCHAR:
                if pieces:
                    fmt = self._emit(b, rpr, fmt, pieces, kind, inserted, locator)
                self._field_char(child, b)
                kind = "field" if self.fields else "text"
            elif code == _INSTR:
                if self.fields and not self.fields[-1].result:
                    self.fields[-1].instr.append(child.text or "")
            elif code == _GRAPHIC:
                self._graphic(child, b)
                for _ in child.iter(ns.W_R):
                    b.run_ordinal += 1
            elif code == _RENDERED:
                if pieces:
                    fmt = self._emit(b, rpr, fmt, pieces, kind, inserted, locator)
                self._page_break(b, True)
            elif code == _NOTEREF:
                nid = child.get(ns.W_ID)
                if nid is not None and b.story is _BODY:
                    which = "footnote" if child.tag == ns.W_FOOTNOTEREF else "endnote"
                    self.c.note_anchors.setdefault((which, nid), b.index)
            elif code == _COMMENTREF:
                cid = child.get(ns.W_ID)
                if cid is not None:
                    self.c.comment_anchors.setdefault(cid, (b.story, b.index))
            elif code == _PGNUM:
                b.page_field = True
            elif self.hidden_fields:
                continue
            elif code == _TAB:
                pieces.append("\t")
            elif code == _BR:
                if (child.get(ns.W_TYPE) or "") == "page":
                    if pieces:
                        fmt = self._emit(b, rpr, fmt, pieces, kind, inserted, locator)
                    self._page_break(b, False)
                pieces.append("\n")
            elif code == _CR:
                pieces.append("\n")
            elif code == _NBHYPHEN:
                pieces.append("-")
            else:  # w:sym
                char = _sym(child)
                if char:
                    if pieces:
                        fmt = self._emit(b, rpr, fmt, pieces, kind, inserted, locator)
                    fmt = self._emit(b, rpr, fmt, [char], "sym", inserted, locator)
        if pieces:  # _emit inlined: most runs end here with one piece
            if fmt is None:
                if rpr is None:
                    fmt = self.styles.plain_format(b.style)
                else:
                    fmt, change = self.styles.rpr_format(b.style, rpr)
                    if change is not None:
                        self._revision("rPrChange", change, b.story, b.index, "")
            text = pieces[0] if len(pieces) == 1 else "".join(pieces)
            if b.story is _BODY and not text.isspace():
                self.c.break_pending = False
            start = b.length
            b.parts.append(text)
            b.runs.append(new_run(text, start, fmt, kind, inserted, locator))
            b.length = start + len(text)

    def _form(self, rpr: etree._Element) -> etree._Element:
        """The rPr element to read for an rPr of the walked tree: its form if it was folded."""
        marker = rpr.text
        if marker is not None and marker[:1] == FOLD_MARK:
            return self.forms[int(marker[1:])]
        return rpr

    def _run_format(self, b: Para, rpr: etree._Element | None) -> RunFormat:
        """The format of a w:r (computed once per w:r); records an rPrChange revision."""
        if rpr is None:
            return self.styles.plain_format(b.style)
        fmt, change = self.styles.rpr_format(b.style, rpr)
        if change is not None:
            self._revision("rPrChange", change, b.story, b.index, "")
        return fmt

    def _emit(
        self,
        b: Para,
        rpr: etree._Element | None,
        fmt: RunFormat | None,
        pieces: list[str],
        kind: str,
        inserted: bool,
        locator: int,
    ) -> RunFormat:
        """Append one Run for the pieces read so far (then emptied) and return its format."""
        if fmt is None:
            fmt = self._run_format(b, rpr)
        text = "".join(pieces)
        pieces.clear()
        if b.story is _BODY and not text.isspace():
            self.c.break_pending = False
        b.add(text, new_run(text, b.length, fmt, kind, inserted, locator))
        return fmt

    def _field_char(self, el: etree._Element, b: Para) -> None:
        kind = el.get(ns.W_FLDCHARTYPE)
        if kind == "begin":
            self.fields.append(_Field())
            self.hidden_fields += 1
        elif kind == "separate" and self.fields:
            top = self.fields[-1]
            if not top.result:
                top.result = True
                self.hidden_fields -= 1
                if _PAGE_FIELD.search("".join(top.instr)):
                    b.page_field = True
        elif kind == "end" and self.fields:
            top = self.fields.pop()
            if not top.result:
                self.hidden_fields -= 1
                if _PAGE_FIELD.search("".join(top.instr)):
                    b.page_field = True

    def end_part(self) -> None:
        """Forget fields left open at the end of a part (malformed files)."""
        self.fields.clear()
        self.hidden_fields = 0

    def _page_break(self, b: Para, rendered: bool) -> None:
        """A page break inside a body paragraph; one that comes before the paragraph's text
        puts the paragraph on the new page."""
        if b.story is not Story.BODY:
            return
        c = self.c
        c.rendered_markers += rendered
        if rendered and b.cell is not None:
            row = b.cell.path[0][:2]
            if row == c.break_row:
                return
            c.break_row = (row[0], row[1])
        c.page_break()
        if b.length == b.content_start:
            b.page = c.page

    # ---- drawings and text boxes -------------------------------------------------------------

    def _graphic(self, el: etree._Element, b: Para) -> None:
        """Count pictures and read text boxes (once) inside a drawing, VML shape or object.

        The subtree (dozens to thousands of elements) is searched in C for the four tags that
        matter, in document order; what is found inside a found element was handled with it
        (a text box's own pictures, an mc:AlternateContent's branches) and is passed over."""
        handled = None
        for found in el.iter(*_GRAPHIC_TAGS):
            if handled is not None and _within(found, handled):
                continue
            handled = found
            tag = found.tag
            if tag == ns.W_TXBXCONTENT:
                self._textbox(found, b)
            elif tag == ns.MC_ALTERNATE:  # an mc:Choice is searched as a plain container
                self._alternate(found, lambda choice: self._graphic(choice, b))
            else:  # a:blip, v:imagedata
                b.images += 1

    def _textbox(self, content: etree._Element, host: Para) -> None:
        if host.story is Story.BODY:
            anchor: int | None = host.index
        elif host.story is Story.TEXTBOX:
            anchor = host.anchor
        else:
            anchor = None
        fields, hidden = self.fields, self.hidden_fields
        self.fields, self.hidden_fields = [], 0
        section = self.section
        start = len(self.c.paras[Story.TEXTBOX])
        self.container(content, Story.TEXTBOX, None, anchor)
        for para in self.c.paras[Story.TEXTBOX][start:]:
            para.section = section
            para.page = host.page
            if para.story_part is None:
                para.story_part = self.part
        self.fields, self.hidden_fields = fields, hidden


_GRAPHIC_TAGS = (ns.W_TXBXCONTENT, ns.A_BLIP, ns.V_IMAGEDATA, ns.MC_ALTERNATE)
_TABLE_PROPS = (ns.w("tblPr"), ns.w("tblGrid"))
_ROW_PROPS = (ns.W_TRPR, ns.w("tblPrEx"))


def _table_items(
    el: etree._Element, want: str, props: tuple[str, ...], walker: PartWalker
) -> list[etree._Element]:
    """The children tagged `want` (w:tr of a table, w:tc of a row), looking through content
    controls and custom XML; other content (not `props`) is skipped, counting its paragraphs."""
    out: list[etree._Element] = []
    for child in el:
        tag = child.tag
        if tag == want:
            out.append(child)
        elif tag in (ns.W_SDT, ns.W_CUSTOMXML):
            inner = first_child(child, ns.W_SDTCONTENT) if tag == ns.W_SDT else child
            if inner is not None:
                out.extend(_table_items(inner, want, props, walker))
        elif len(child) and tag not in props:
            walker.skip(child)
    return out


def _within(el: etree._Element, outer: etree._Element) -> bool:
    """Whether `outer` is an ancestor of `el` (lxml gives a live node one proxy object)."""
    return any(anc is outer for anc in el.iterancestors())


def _sym(el: etree._Element) -> str:
    raw = (el.get(ns.W_CHAR) or "").strip()
    try:
        code = int(raw, 16)
    except ValueError:
        return ""
    if code in PUA_GLYPHS:
        return PUA_GLYPHS[code]  # symbol fonts address their glyphs through the private-use area
    return chr(code) if 0 < code < 0x110000 else ""


def _starts_new_page(sectpr: etree._Element) -> bool:
    kind = sectpr.find(ns.W_TYPE)
    val = (kind.get(ns.W_VAL) or "nextPage") if kind is not None else "nextPage"
    return val != "continuous"
