"""Raw property parsing: rPr/pPr elements to plain dicts of set values, read defensively.

Word files carry values outside the schema (`jc="start"`, fractional `sz`, `b val="off"`,
universal measures such as "1in"); none of them may raise. Unset properties are absent keys,
so dicts layer with `dict.update` in precedence order.
"""

from __future__ import annotations

import math
from typing import Any

from lxml import etree

from naskah_lint.reader import ns

PropDict = dict[str, Any]

_FALSE = frozenset({"0", "false", "off", "no", "none"})
_UNIT_TWIPS = {"mm": 1440 / 25.4, "cm": 14400 / 25.4, "in": 1440.0, "pt": 20.0, "pc": 240.0}
_UNIT_TWIPS["pi"] = 240.0
TWIPS_PER_MM = 1440 / 25.4

_TOGGLES = {
    ns.W_B: "bold",
    ns.W_I: "italic",
    ns.W_CAPS: "caps",
    ns.W_SMALLCAPS: "small_caps",
    ns.W_VANISH: "hidden",
    ns.W_STRIKE: "strike",
    ns.W_DSTRIKE: "strike",
}
_JC = {
    "start": "left",
    "left": "left",
    "end": "right",
    "right": "right",
    "center": "center",
    "both": "both",
    "justify": "both",
    "distribute": "distribute",
    "lowkashida": "both",
    "mediumkashida": "both",
    "highkashida": "both",
    "thaidistribute": "distribute",
}


def first_child(el: etree._Element, tag: str) -> etree._Element | None:
    """The first child with this tag (properties come first, so this is cheaper than find)."""
    for child in el:
        if child.tag == tag:
            return child
    return None


def on(el: etree._Element) -> bool:
    """An OOXML on/off element: present means on unless val says 0/false/off."""
    val = el.get(ns.W_VAL)
    return val is None or val.strip().lower() not in _FALSE


def to_float(value: str | None) -> float | None:
    """A finite number, or None for absent or garbage."""
    if value is None:
        return None
    try:
        f = float(value)
    except ValueError:
        return None
    return f if math.isfinite(f) else None


def to_int(value: str | None) -> int | None:
    """An integer (fractions truncated), or None for absent or garbage."""
    f = to_float(value)
    return int(f) if f is not None else None


def twips(value: str | None) -> float | None:
    """A length in twips from a number of twips or a universal measure ("2.5cm", "12pt")."""
    if value is None:
        return None
    try:  # the usual plain number first (no float() input ends in a unit's letters)
        f = float(value)
    except ValueError:
        pass
    else:
        return f if math.isfinite(f) else None
    v = value.strip().lower()
    unit = v[-2:]
    if unit in _UNIT_TWIPS:
        number = to_float(v[:-2])
        return number * _UNIT_TWIPS[unit] if number is not None else None
    return to_float(v)


def twips_to_mm(value: float | None) -> float | None:
    return round(value / TWIPS_PER_MM, 2) if value is not None else None


_RPR_CODES = {
    ns.W_RFONTS: 1,
    ns.W_SZ: 2,
    ns.W_U: 3,
    ns.W_HIGHLIGHT: 4,
    ns.W_SHD: 5,
    ns.W_COLOR: 6,
    ns.W_RSTYLE: 7,
    ns.W_RPRCHANGE: 8,
    **dict.fromkeys(_TOGGLES, 0),
}
# The rPr children parse_rpr reads: a run format depends on these (and their attributes) only.
RPR_TAGS = frozenset(_RPR_CODES)
_FILL = ns.w("fill")
W_VAL = ns.W_VAL
# rFonts: the Latin font as (theme slot, explicit name); the theme slot wins when resolvable
_ASCII_THEME = ns.w("asciiTheme")
_HANSI_THEME = ns.w("hAnsiTheme")
_ASCII = ns.w("ascii")
_HANSI = ns.w("hAnsi")


def rpr_key(head: list[Any], rpr: etree._Element) -> tuple[Any, ...]:
    """`head` followed by the tag and (name, value) attribute pairs of each child of `rpr` a
    run format depends on (RPR_TAGS), as one flat tuple: a cache key for what the rPr means,
    cheaper to collect than to interpret. Names count: `w:ascii="X"` and `w:cs="X"`, or a
    shd's `w:fill` and `w:color`, mean different things."""
    tags = RPR_TAGS
    for child in rpr:
        tag = child.tag
        if tag in tags:
            head.append(tag)
            head += child.items()
    return tuple(head)


def parse_rpr(rpr: etree._Element | None) -> PropDict:
    """The run properties an rPr element sets (font as (theme slot, explicit name))."""
    out: PropDict = {}
    if rpr is not None:
        _rpr_into(rpr, out)
    return out


def run_props(rpr: etree._Element) -> tuple[str | None, PropDict, etree._Element | None]:
    """(character style id, direct properties, rPrChange element) of a run's rPr."""
    out: PropDict = {}
    rstyle, change = _rpr_into(rpr, out)
    return rstyle, out, change


def _rpr_into(rpr: etree._Element, out: PropDict) -> tuple[str | None, etree._Element | None]:
    """Fill `out` from an rPr element. This is the reader's hottest loop (once per run): one
    dict lookup per child, the common properties first, no helper calls for them."""
    rstyle = change = None
    codes = _RPR_CODES
    for child in rpr:
        code = codes.get(child.tag)
        if code is None:
            continue
        if code == 1:
            get = child.get
            theme = get(_ASCII_THEME) or get(_HANSI_THEME) or ""
            name = get(_ASCII) or get(_HANSI) or ""
            if theme or name:
                out["font"] = (theme, name)
        elif code == 2:
            try:
                half = float(child.get(W_VAL) or "")
            except ValueError:
                continue
            if 0 < half < 32768:
                out["size_pt"] = half / 2
        elif code == 0:
            key = _TOGGLES[child.tag]
            val = child.get(W_VAL)
            value = val is None or val.strip().lower() not in _FALSE
            out[key] = value or (key == "strike" and out.get(key, False))
        elif code == 3:
            val = (child.get(W_VAL) or "single").strip()
            out["underline"] = val.lower() != "none"
        elif code == 4:
            val = (child.get(W_VAL) or "").strip()
            out["highlight"] = None if val.lower() in ("", "none") else val
        elif code == 5:
            fill = (child.get(_FILL) or "").strip()
            if fill and fill.lower() not in ("auto", "ffffff"):
                out["shd"] = fill
        elif code == 6:
            val = (child.get(W_VAL) or "").strip()
            out["color"] = None if val.lower() in ("", "auto") else val
        elif code == 7:
            rstyle = child.get(W_VAL)
        else:
            change = child
    return rstyle, change


# What one pPr holds: (direct paragraph properties, pStyle value, numPr, sectPr, paragraph mark
# rPr, pPrChange), the elements to be read separately. A tuple: built once per paragraph.
ParaProps = tuple[
    PropDict,
    str | None,
    etree._Element | None,
    etree._Element | None,
    etree._Element | None,
    etree._Element | None,
]


_PPR_CODES = {
    ns.W_JC: 0,
    ns.W_SPACING: 1,
    ns.W_IND: 2,
    ns.W_OUTLINELVL: 3,
    ns.W_PAGEBREAKBEFORE: 4,
    ns.W_PSTYLE: 5,
    ns.W_NUMPR: 6,
    ns.W_SECTPR: 7,
    ns.W_RPR: 8,
    ns.W_PPRCHANGE: 9,
}


def parse_ppr(ppr: etree._Element | None) -> PropDict:
    """The paragraph properties a pPr element sets (numPr, style and rPr excluded)."""
    if ppr is None:
        return {}
    return paragraph_props(ppr)[0]


def paragraph_props(ppr: etree._Element) -> ParaProps:
    """Read a paragraph's pPr in one pass over its children. (The walker reads a pPr it has
    seen before from its cache by `ppr_key`: drafts repeat a few paragraph formats.)"""
    style = numpr = sectpr = mark_rpr = change = None
    codes = _PPR_CODES
    direct: list[tuple[int, etree._Element]] = []
    for child in ppr:
        code = codes.get(child.tag)
        if code is None:
            continue
        if code <= 4:
            direct.append((code, child))
        elif code == 5:
            style = child.get(W_VAL)
        elif code == 6:
            numpr = child
        elif code == 7:
            sectpr = child
        elif code == 8:
            mark_rpr = child
        else:
            change = child
    return _direct_props(direct), style, numpr, sectpr, mark_rpr, change


def ppr_key(ppr: etree._Element) -> tuple[tuple[Any, ...] | None, etree._Element | None]:
    """(key, paragraph mark rPr) of a pPr. The key, for a read's cache of paragraph formats
    and numbering: the code and attributes of each child read as a direct property or the
    style, and the tags and attributes of a numPr's children, in order. The mark rPr does not
    enter the key (it is read anew for each paragraph). (None, None) when the pPr holds a
    sectPr or pPrChange (elements read anew for each paragraph)."""
    codes = _PPR_CODES
    key: list[Any] = []
    mark = None
    for child in ppr:
        code = codes.get(child.tag)
        if code is None:
            continue
        if code <= 5:
            key.append(code)
            key += child.items()
        elif code == 8:
            mark = child
        elif code == 6:
            key.append(code)
            for sub in child:
                key.append(sub.tag)
                key += sub.items()
        else:
            return None, None
    return tuple(key), mark


def _direct_props(children: list[tuple[int, etree._Element]]) -> PropDict:
    """The direct paragraph properties of pPr children (code from _PPR_CODES, element)."""
    out: PropDict = {}
    for code, child in children:
        if code == 0:
            jc = _JC.get((child.get(W_VAL) or "").strip().lower())
            if jc:
                out["alignment"] = jc
        elif code == 1:
            _spacing(child, out)
        elif code == 2:
            _indent(child, out)
        elif code == 3:
            level = to_int(child.get(W_VAL))
            if level is not None:
                out["outline_level"] = level if 0 <= level <= 8 else None  # 9 = body text
        else:
            out["page_break_before"] = on(child)
    return out


_BEFORE, _AFTER, _LINE, _LINE_RULE = (ns.w(n) for n in ("before", "after", "line", "lineRule"))
_LEFT, _START, _RIGHT, _END = (ns.w(n) for n in ("left", "start", "right", "end"))
_HANGING, _FIRST_LINE = ns.w("hanging"), ns.w("firstLine")


def _spacing(el: etree._Element, out: PropDict) -> None:
    before = twips(el.get(_BEFORE))
    if before is not None:
        out["space_before_pt"] = round(before / 20, 2)
    after = twips(el.get(_AFTER))
    if after is not None:
        out["space_after_pt"] = round(after / 20, 2)
    line = to_float(el.get(_LINE))
    rule = el.get(_LINE_RULE)
    if line is not None:
        out["line"] = line
        out["line_rule"] = (rule or "auto").strip()
    elif rule:
        out["line_rule"] = rule.strip()


def _indent(el: etree._Element, out: PropDict) -> None:
    get = el.get
    left = twips(get(_LEFT) or get(_START))
    if left is not None:
        out["indent_left"] = left
    right = twips(get(_RIGHT) or get(_END))
    if right is not None:
        out["indent_right"] = right
    hanging = twips(get(_HANGING))
    first = twips(get(_FIRST_LINE))
    if hanging is not None:
        out["indent_first"] = -hanging
    elif first is not None:
        out["indent_first"] = first


def parse_numpr(numpr: etree._Element | None) -> tuple[int | None, int | None]:
    """(numId, ilvl) from a numPr element; either may be None when absent or garbage."""
    if numpr is None:
        return None, None
    num_id = ilvl = None
    for child in numpr:
        if child.tag == ns.W_NUMID:
            num_id = to_int(child.get(ns.W_VAL))
        elif child.tag == ns.W_ILVL:
            ilvl = to_int(child.get(ns.W_VAL))
    return num_id, ilvl
