"""Auto-numbering labels as Word draws them, from numbering.xml.

Counters are kept per abstract numbering definition, as Word does: two w:num sharing an
abstractNum continue one sequence, and a w:num with a startOverride restarts the overridden
levels the first time it is used. A level restarts after a higher level is numbered unless
lvlRestart says otherwise. Levels above the current one that were never used show start - 1
(Word's "0.1" when a list begins at level 2).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from lxml import etree

from naskah_lint._builder import record_builder
from naskah_lint.model import Numbering
from naskah_lint.reader import ns
from naskah_lint.reader.props import PropDict, on, parse_ppr, parse_rpr, to_int

LEVELS = 9
# one per numbered paragraph: built without the frozen __init__ (naskah_lint/_builder.py)
_new_numbering: Callable[[int, int, int | None, str, str, int, str], Numbering] = record_builder(
    Numbering
)
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
_CHICAGO = ("*", "†", "‡", "§")
# Private-use code points of common Symbol/Wingdings glyphs (bullets, boxes, check marks), shown
# as the character Word draws; other private-use characters are kept as they are.
PUA_GLYPHS = {
    0xF0B7: "•",
    0xF0A7: "▪",
    0xF0D8: "➢",
    0xF0FC: "✓",
    0xF076: "❖",
    0xF06E: "■",
    0xF06F: "□",
    0xF0A8: "☐",
    0xF0FE: "☑",
    0xF0FD: "☒",
    0xF0D7: "•",
}


@dataclass(frozen=True, slots=True)
class Level:
    """One w:lvl: how a list level counts and what it draws."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # lvlRestart: 0 never, n restarts after levels < n
    is_lgl: bool = False
    suffix: str = "tab"
    pstyle: str | None = None
    ppr: etree._Element | None = field(default=None, compare=False)  # parsed on use
    rpr: etree._Element | None = field(default=None, compare=False)


def _read_level(el: etree._Element) -> tuple[int, Level]:
    ilvl = to_int(el.get(ns.w("ilvl"))) or 0
    values: dict[str, object] = {}
    for child in el:
        tag = child.tag
        val = child.get(ns.W_VAL)
        if tag == ns.w("start"):
            start = to_int(val)
            if start is not None:
                values["start"] = max(start, 0)
        elif tag == ns.w("numFmt"):
            values["fmt"] = (val or "decimal").strip()
        elif tag == ns.w("lvlText"):
            values["text"] = val or ""
        elif tag == ns.w("lvlRestart"):
            values["restart"] = to_int(val)
        elif tag == ns.w("isLgl"):
            values["is_lgl"] = on(child)
        elif tag == ns.w("suff"):
            suff = (val or "tab").strip()
            values["suffix"] = suff if suff in ("tab", "space", "nothing") else "tab"
        elif tag == ns.W_PSTYLE:
            values["pstyle"] = val
        elif tag == ns.W_PPR:
            values["ppr"] = child
        elif tag == ns.W_RPR:
            values["rpr"] = child
    return ilvl, Level(**values)  # type: ignore[arg-type]


class NumDef:
    """A w:num resolved: its abstract definition with level and start overrides. Levels are
    parsed when first needed (most lists use one or two of their nine levels)."""

    __slots__ = ("_elements", "_labels", "_parsed", "_starts", "abstract_id", "restarts")

    def __init__(
        self,
        abstract_id: int,
        elements: list[etree._Element | None],
        starts: dict[int, int],
    ) -> None:
        self.abstract_id = abstract_id
        self._elements = elements
        self._starts = starts
        self._parsed: list[Level | None] = [None] * LEVELS
        self._labels: list[str | _LabelParts | None] = [None] * LEVELS
        self.restarts = tuple(starts)  # levels with a startOverride

    def level(self, ilvl: int) -> Level:
        """The effective level `ilvl` (0-8)."""
        level = self._parsed[ilvl]
        if level is None:
            el = self._elements[ilvl]
            level = _read_level(el)[1] if el is not None else Level()
            if ilvl in self._starts:
                level = replace(level, start=self._starts[ilvl])
            self._parsed[ilvl] = level
        return level

    def label_parts(self, ilvl: int) -> str | _LabelParts:
        """The label of level `ilvl` (0-8), fixed or to fill with counters (see _label)."""
        parts = self._labels[ilvl]
        if parts is None:
            parts = self._labels[ilvl] = _label_parts(self, ilvl)
        return parts


class NumberingDefs:
    """The definitions of numbering.xml, with w:num resolved to their effective levels."""

    def __init__(
        self,
        load: Callable[[], etree._Element | None],
        style_num: Callable[[str], int | None] = lambda _sid: None,
    ) -> None:
        """`load` returns the numbering part's root; it is called only when a paragraph is
        numbered (some drafts carry megabytes of unused list definitions)."""
        self._load_root: Callable[[], etree._Element | None] | None = load
        self._raw_abstracts: dict[int, etree._Element] = {}
        self._abstracts: dict[int, list[etree._Element | None]] = {}
        self._style_links: dict[int, str] = {}
        self._raw_nums: dict[int, etree._Element] = {}
        self._nums: dict[int, NumDef | None] = {}
        self._props: dict[tuple[int, int], tuple[PropDict, PropDict]] = {}
        self._style_num = style_num

    def _load(self) -> None:
        """Index abstractNum and num by id on first use; levels are parsed later still."""
        if self._load_root is None:
            return
        root, self._load_root = self._load_root(), None
        if root is None:
            return
        abstract_tag, num_tag = ns.w("abstractNum"), ns.w("num")
        for child in root:
            if child.tag == abstract_tag:
                aid = to_int(child.get(ns.w("abstractNumId")))
                if aid is not None:
                    self._raw_abstracts.setdefault(aid, child)
            elif child.tag == num_tag:
                nid = to_int(child.get(ns.w("numId")))
                if nid is not None:
                    self._raw_nums.setdefault(nid, child)

    def _level_elements(self, aid: int) -> list[etree._Element | None] | None:
        """The w:lvl elements of an abstract definition by level (None when undefined)."""
        if aid in self._abstracts:
            return self._abstracts[aid]
        el = self._raw_abstracts.get(aid)
        if el is None:
            return None
        levels: list[etree._Element | None] = [None] * LEVELS
        lvl_tag, link_tag = ns.w("lvl"), ns.w("numStyleLink")
        for sub in el:
            if sub.tag == lvl_tag:
                ilvl = to_int(sub.get(ns.w("ilvl")))
                if ilvl is not None and 0 <= ilvl < LEVELS and levels[ilvl] is None:
                    levels[ilvl] = sub
            elif sub.tag == link_tag and sub.get(ns.W_VAL):
                self._style_links[aid] = sub.get(ns.W_VAL) or ""
        self._abstracts[aid] = levels
        return levels

    def _abstract_of(self, num_el: etree._Element) -> int | None:
        for child in num_el:
            if child.tag == ns.w("abstractNumId"):
                return to_int(child.get(ns.W_VAL))
        return None

    def _resolve_abstract(self, aid: int | None) -> int | None:
        """Follow numStyleLink (abstract -> numbering style -> num -> abstract) a few hops."""
        for _ in range(4):
            if aid is None:
                return None
            self._level_elements(aid)  # reads the abstract's numStyleLink
            if aid not in self._style_links:
                return aid
            num_id = self._style_num(self._style_links[aid])
            num_el = self._raw_nums.get(num_id) if num_id is not None else None
            nxt = self._abstract_of(num_el) if num_el is not None else None
            if nxt is None or nxt == aid:
                return aid
            aid = nxt
        return aid

    def num(self, num_id: int) -> NumDef | None:
        """The effective definition of a w:num (None when undefined)."""
        if num_id in self._nums:
            return self._nums[num_id]
        self._load()
        result: NumDef | None = None
        num_el = self._raw_nums.get(num_id)
        if num_el is not None:
            aid = self._resolve_abstract(self._abstract_of(num_el))
            base = self._level_elements(aid) if aid is not None else None
            if aid is not None and base is not None:
                elements = list(base)
                starts: dict[int, int] = {}
                for ov in num_el.iter(ns.w("lvlOverride")):
                    ilvl = to_int(ov.get(ns.w("ilvl")))
                    if ilvl is None or not 0 <= ilvl < LEVELS:
                        continue
                    for child in ov:
                        if child.tag == ns.w("lvl"):
                            elements[ilvl] = child
                        elif child.tag == ns.w("startOverride"):
                            start = to_int(child.get(ns.W_VAL))
                            if start is not None:
                                starts[ilvl] = max(start, 0)
                result = NumDef(aid, elements, starts)
        self._nums[num_id] = result
        return result

    def level_props(self, num_id: int, ilvl: int) -> tuple[PropDict, PropDict]:
        """(indents, run properties of the label) of a num's level, parsed once."""
        key = (num_id, ilvl)
        cached = self._props.get(key)
        if cached is None:
            nd = self.num(num_id)
            level = nd.level(ilvl) if nd is not None else Level()
            ppr = parse_ppr(level.ppr) if level.ppr is not None else {}
            indents = {k: v for k, v in ppr.items() if k.startswith("indent")}
            cached = (indents, parse_rpr(level.rpr))
            self._props[key] = cached
        return cached

    def level_for_style(self, num_id: int, style_id: str | None) -> int | None:
        """The level of a num whose w:pStyle names this paragraph style, if any."""
        nd = self.num(num_id)
        if nd is None or style_id is None:
            return None
        for i in range(LEVELS):
            if nd.level(i).pstyle == style_id:
                return i
        return None


class Counters:
    """List counters while walking one story group in document order (mutable, per read)."""

    def __init__(self, defs: NumberingDefs) -> None:
        self.defs = defs
        self._values: dict[int, list[int | None]] = {}
        self._used: set[int] = set()

    def number(self, num_id: int, ilvl: int) -> Numbering | None:
        """Advance the counter for a numbered paragraph and return its label."""
        nd = self.defs.num(num_id)
        if nd is None:
            return None
        ilvl = min(max(ilvl, 0), LEVELS - 1)
        values = self._values.setdefault(nd.abstract_id, [None] * LEVELS)
        if num_id not in self._used:
            self._used.add(num_id)
            for lvl in nd.restarts:
                values[lvl] = None
        level = nd.level(ilvl)
        current = values[ilvl]
        value = level.start if current is None else current + 1
        values[ilvl] = value
        for k in range(ilvl + 1, LEVELS):
            if values[k] is not None:  # an unused level needs no restart (nor parsing)
                restart = nd.level(k).restart
                if restart is None or (restart > 0 and ilvl < restart):
                    values[k] = None
        return _new_numbering(
            num_id, ilvl, nd.abstract_id, _label(nd, values, ilvl), level.fmt, value, level.suffix
        )


# A level's label as literal text and (level, value shown when unused, number format) slots.
_LabelParts = tuple[str | tuple[int, int, str], ...]


def _label(nd: NumDef, values: list[int | None], ilvl: int) -> str:
    parts = nd.label_parts(ilvl)
    if isinstance(parts, str):
        return parts
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        else:
            k, unused, fmt = part
            v = values[k]
            value = v if v is not None else unused
            out.append(format_number(value, fmt))
    return "".join(out)


def _label_parts(nd: NumDef, ilvl: int) -> str | _LabelParts:
    """A level's label: the whole text when fixed (bullets, "none" without %n), else its
    lvlText split into literal text and %1..%9 counter slots (levels above ilvl dropped)."""
    level = nd.level(ilvl)
    if level.fmt == "bullet":
        return "".join(PUA_GLYPHS.get(ord(c), c) for c in level.text)
    if level.fmt == "none" and "%" not in level.text:
        return ""
    text = level.text
    legal = level.is_lgl
    parts: list[str | tuple[int, int, str]] = []
    literal: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
            k = int(text[i + 1]) - 1
            if k <= ilvl:
                level_k = nd.level(k)
                fmt = "decimal" if legal and level_k.fmt != "none" else level_k.fmt
                if literal:
                    parts.append("".join(literal))
                    literal.clear()
                parts.append((k, max(level_k.start - 1, 0), fmt))
            i += 2
            continue
        literal.append(c)
        i += 1
    if literal:
        parts.append("".join(literal))
    return tuple(parts)


def format_number(n: int, fmt: str) -> str:
    """A counter value in a w:numFmt (unknown formats fall back to decimal)."""
    if fmt == "decimal":  # most labels: tested first
        return str(n)
    if fmt in ("none", "bullet"):
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in ("lowerLetter", "upperLetter"):
        letters = _letters(n)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt == "ordinal":
        return _ordinal(n)
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return f"{n}."
    if fmt == "decimalEnclosedCircle" and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt == "chicago" and n >= 1:
        return _CHICAGO[(n - 1) % 4] * ((n - 1) // 4 + 1)
    return str(n)


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, numeral in _ROMAN:
        while n >= value:
            out.append(numeral)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """Word's letter numbering: a..z, then aa..zz, aaa.. (the letter repeated)."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
