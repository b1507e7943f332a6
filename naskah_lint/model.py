"""The document model: what the reader makes of a Word file, with no python-docx object inside.

Everything here is a frozen, slotted dataclass or a tuple, so it can cross process boundaries
(pickle) and be shared by every later stage without copies. Lengths are millimetres or points,
never twips or EMUs: the reader converts.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class Story(StrEnum):
    """Where a paragraph lives. Values are the contract's `location.story` strings."""

    BODY = "body"
    HEADER = "header"
    FOOTER = "footer"
    FOOTNOTE = "footnote"  # footnotes and endnotes
    COMMENT = "comment"
    TEXTBOX = "textbox"


@dataclass(frozen=True, slots=True)
class RunFormat:
    """Effective run formatting after direct -> character style -> paragraph style -> basedOn ->
    docDefaults -> theme resolution. `None` means "not determinable" (e.g. no styles part)."""

    font: str | None = None  # ascii/hAnsi font family name, theme fonts resolved
    size_pt: float | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    caps: bool = False
    small_caps: bool = False
    hidden: bool = False  # w:vanish
    highlight: str | None = None  # w:highlight value or a w:shd fill used as highlight
    color: str | None = None


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of paragraph text with one effective format.

    `start` is the offset of this run's text within `Block.text`. `kind` says where the text came
    from: `text` (w:t, w:tab, w:br...), `field` (a field's displayed result), `sym` (w:sym),
    `label` (the numbering label Word draws before the paragraph; not in the XML runs).
    """

    text: str
    start: int
    fmt: RunFormat
    kind: str = "text"
    inserted: bool = False  # inside w:ins / w:moveTo (tracked, unresolved)
    locator: int = -1  # ordinal of the w:r within its paragraph (writer use); -1 for labels


@dataclass(frozen=True, slots=True)
class ParaFormat:
    """Effective paragraph formatting."""

    style_id: str | None = None
    style_name: str | None = None
    alignment: str | None = None  # left|center|right|both|distribute (start/end normalised)
    line_spacing: float | None = None  # multiple of single for rule=auto; None if exact/atLeast
    line_spacing_rule: str | None = None  # auto|exact|atLeast
    line_spacing_pt: float | None = None  # for exact/atLeast
    indent_left_mm: float | None = None
    indent_right_mm: float | None = None
    indent_first_line_mm: float | None = None  # negative for hanging
    space_before_pt: float | None = None
    space_after_pt: float | None = None
    outline_level: int | None = None  # 0 = Heading 1
    page_break_before: bool = False


@dataclass(frozen=True, slots=True)
class Numbering:
    """The auto-numbering that Word draws for a paragraph (w:numPr, direct or via style)."""

    num_id: int
    ilvl: int
    abstract_id: int | None
    label: str  # e.g. "Pasal 3", "(2)", "a.", "1.2."
    fmt: str  # decimal|lowerLetter|upperLetter|lowerRoman|upperRoman|bullet|none|...
    value: int  # the counter value at this level (3 for "Pasal 3")
    suffix: str = "tab"  # tab|space|nothing (w:suff)


@dataclass(frozen=True, slots=True)
class CellPos:
    """Position of a paragraph inside a table, outermost table first for nested ones."""

    table: int  # 0-based index of the top-level table within its story
    row: int  # 0-based
    col: int  # 0-based grid column (gridSpan accounted for)
    depth: int = 1  # 1 = top-level table, 2 = a table nested in a cell, ...
    path: tuple[tuple[int, int, int], ...] = ()  # (table, row, col) per depth, outermost first


@dataclass(frozen=True, slots=True)
class Locator:
    """Internal address of a paragraph so a writer can find it again. Never shown to users.

    `part` is the package part name (e.g. "word/document.xml"); `ordinal` is the index of the
    w:p element in `root.iter(w:p)` document order of that part's XML (including paragraphs in
    mc:Fallback, which the reader skips but still counts)."""

    part: str
    ordinal: int


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph, as Word shows it.

    `text` is the displayed text: the numbering label (if any) followed by its suffix ("\\t" or
    " ") and then the content; tabs are "\\t", line breaks (w:br, w:cr, CR/LF in w:t) are "\\n";
    deleted text is absent, inserted text present. `index` is 1-based in document order within
    its story (contract: `location.block`).
    """

    story: Story
    index: int
    text: str
    runs: tuple[Run, ...] = ()
    para: ParaFormat = field(default_factory=ParaFormat)
    numbering: Numbering | None = None
    cell: CellPos | None = None
    section: int = 0  # index into Document.sections
    locator: Locator = field(default_factory=lambda: Locator("word/document.xml", -1))
    anchor_block: int | None = None  # for textbox/footnote/comment stories: the body block
    story_part: str | None = None  # header/footer/comment id etc., e.g. "word/header1.xml"
    has_image: bool = False
    has_page_field: bool = False  # PAGE field inside
    page: int | None = None  # approximate page from w:lastRenderedPageBreak, if Word saved it

    @property
    def label(self) -> str | None:
        """The numbering label Word draws, if the paragraph is auto-numbered."""
        return self.numbering.label if self.numbering else None

    @property
    def content(self) -> str:
        """The paragraph text without its numbering label."""
        if self.numbering is None:
            return self.text
        label = self.numbering.label
        rest = self.text[len(label) :] if self.text.startswith(label) else self.text
        return rest[1:] if rest[:1] in ("\t", " ") else rest


@dataclass(frozen=True, slots=True)
class Section:
    """Page setup of one section (w:sectPr). Sizes in mm; `None` when the file does not set it."""

    index: int
    page_width_mm: float | None
    page_height_mm: float | None
    orientation: str | None  # portrait|landscape, from the size (w:orient only if size missing)
    margin_top_mm: float | None
    margin_bottom_mm: float | None
    margin_left_mm: float | None
    margin_right_mm: float | None
    header_parts: tuple[str, ...] = ()  # part names of headers referenced (default/first/even)
    footer_parts: tuple[str, ...] = ()
    header_has_page_number: bool = False
    footer_has_page_number: bool = False
    header_has_paraf: bool = False  # a table or text mentioning PARAF
    footer_has_paraf: bool = False
    first_block: int = 1  # first body block index in this section
    last_block: int = 0  # last body block index (inclusive); 0 if the section has no paragraphs


@dataclass(frozen=True, slots=True)
class Comment:
    """A Word comment. Anchor is the body (or other story) block where its range starts."""

    id: str
    author: str
    initials: str
    date: str | None
    text: str
    anchor_story: Story | None
    anchor_block: int | None
    resolved: bool = False  # w15:done in commentsExtended


@dataclass(frozen=True, slots=True)
class Revision:
    """An unresolved tracked change."""

    kind: str  # ins|del|moveFrom|moveTo|rPrChange|pPrChange|...
    author: str | None
    date: str | None
    story: Story
    block: int | None
    text: str


@dataclass(frozen=True, slots=True)
class Metadata:
    """Core and app properties."""

    title: str | None = None
    subject: str | None = None
    creator: str | None = None
    last_modified_by: str | None = None
    created: str | None = None
    modified: str | None = None
    company: str | None = None
    application: str | None = None  # e.g. "Microsoft Office Word", "LibreOffice/7.5", "PHPWord"
    app_version: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A read .docx. `blocks` holds every story's paragraphs: body first, then headers, footers,
    footnotes, comments and text boxes, each story numbered from 1 on its own."""

    path: str
    sha256: str
    blocks: tuple[Block, ...]
    sections: tuple[Section, ...] = ()
    comments: tuple[Comment, ...] = ()
    revisions: tuple[Revision, ...] = ()
    metadata: Metadata = field(default_factory=Metadata)
    package_kind: str = "docx"  # docx|docm|dotx|dotm (from the main part's content type)
    strict: bool = False  # ISO 29500 Strict namespaces
    first_page_images: int = 0  # images in the first page's body area or first-page header
    main_part: str = "word/document.xml"
    # Built on first use so that story() and block() cost O(1) rather than a scan of all blocks
    # (rules call them per finding); not an input, never compared or shown.
    _index: _BlockIndex | None = field(
        default=None, init=False, repr=False, compare=False, hash=False
    )

    def _blocks_index(self) -> _BlockIndex:
        index = self._index
        if index is None:
            index = _BlockIndex.build(self.blocks)
            object.__setattr__(self, "_index", index)
        return index

    def story(self, story: Story) -> tuple[Block, ...]:
        """The blocks of one story, in order."""
        return self._blocks_index().stories.get(story, ())

    @property
    def body(self) -> tuple[Block, ...]:
        return self.story(Story.BODY)

    def block(self, story: Story, index: int) -> Block | None:
        """The block with this 1-based index in that story, or None."""
        return self._blocks_index().by_index.get((story, index))

    def iter_story(self, story: Story) -> Iterator[Block]:
        return iter(self.story(story))


@dataclass(frozen=True, slots=True)
class _BlockIndex:
    """Blocks grouped by story, and the first block of each (story, index)."""

    stories: dict[Story, tuple[Block, ...]]
    by_index: dict[tuple[Story, int], Block]

    @staticmethod
    def build(blocks: tuple[Block, ...]) -> _BlockIndex:
        grouped: dict[Story, list[Block]] = {}
        by_index: dict[tuple[Story, int], Block] = {}
        for b in blocks:
            grouped.setdefault(b.story, []).append(b)
            by_index.setdefault((b.story, b.index), b)
        return _BlockIndex({s: tuple(bs) for s, bs in grouped.items()}, by_index)
