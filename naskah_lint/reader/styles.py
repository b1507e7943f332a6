"""Style resolution: docDefaults -> paragraph style chain -> character style chain -> direct,
with theme fonts, cached per (paragraph style, character style, direct properties)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree

from naskah_lint.model import ParaFormat, RunFormat
from naskah_lint.reader import ns
from naskah_lint.reader.package import parse_xml
from naskah_lint.reader.props import (
    PropDict,
    first_child,
    parse_numpr,
    parse_ppr,
    parse_rpr,
    rpr_key,
    run_props,
    twips_to_mm,
)

A_NS = ns.A_NS
_MAX_CHAIN = 32
_THEME_SLOTS = {"Ascii": "latin", "HAnsi": "latin", "EastAsia": "ea", "Bidi": "cs"}


@dataclass(frozen=True, slots=True)
class StyleDef:
    """One w:style as read: its own properties, not yet merged with its basedOn chain."""

    id: str
    name: str | None
    type: str
    based_on: str | None
    ppr: PropDict
    rpr: PropDict
    num_id: int | None
    ilvl: int | None
    has_numpr: bool


@dataclass(frozen=True, slots=True)
class ParaStyle:
    """A paragraph style merged along its chain, on top of docDefaults."""

    id: str | None
    name: str | None
    ppr: PropDict
    rpr: PropDict
    num_id: int | None  # numbering linked from the style chain (nearest numPr wins)
    ilvl: int | None


def theme_fonts(theme: etree._Element | None) -> dict[str, str]:
    """Theme font slots ("minorHAnsi", "majorEastAsia", ...) to typeface names."""
    out: dict[str, str] = {}
    if theme is None:
        return out
    for scheme in theme.iter(f"{{{A_NS}}}fontScheme"):
        for major_minor, tag in (("major", "majorFont"), ("minor", "minorFont")):
            font = scheme.find(f"{{{A_NS}}}{tag}")
            if font is None:
                continue
            faces = {}
            for child in font:
                local = etree.QName(child).localname if isinstance(child.tag, str) else ""
                if local in ("latin", "ea", "cs"):
                    faces[local] = (child.get("typeface") or "").strip()
            for slot, local in _THEME_SLOTS.items():
                if faces.get(local):
                    out[major_minor + slot] = faces[local]
        break
    return out


def _read_style(el: etree._Element) -> StyleDef | None:
    sid = el.get(ns.w("styleId"))
    if sid is None:
        return None
    name = based_on = None
    ppr = rpr = None
    for child in el:
        tag = child.tag
        if tag == ns.w("name"):
            name = child.get(ns.W_VAL)
        elif tag == ns.w("basedOn"):
            based_on = child.get(ns.W_VAL)
        elif tag == ns.W_PPR:
            ppr = child
        elif tag == ns.W_RPR:
            rpr = child
    numpr = ppr.find(ns.W_NUMPR) if ppr is not None else None
    num_id, ilvl = parse_numpr(numpr)
    return StyleDef(
        id=sid,
        name=name,
        type=el.get(ns.W_TYPE) or "paragraph",
        based_on=based_on,
        ppr=parse_ppr(ppr),
        rpr=parse_rpr(rpr),
        num_id=num_id,
        ilvl=ilvl,
        has_numpr=numpr is not None,
    )


@dataclass(frozen=True, slots=True)
class StyleIndex:
    """styles.xml indexed: its w:style elements by id (each parsed on first use: most are
    never used), the case-folded ids and docDefaults. Shared between reads: never mutated."""

    raw: dict[str, etree._Element]
    folded: dict[str, str]
    default_para: str | None = None
    default_ppr: PropDict = field(default_factory=dict)
    default_rpr: PropDict = field(default_factory=dict)


def index_styles(root: etree._Element | None) -> StyleIndex:
    """Index a styles part's root (None: no styles part)."""
    raw: dict[str, etree._Element] = {}
    folded: dict[str, str] = {}
    default_para: str | None = None
    default_ppr: PropDict = {}
    default_rpr: PropDict = {}
    if root is None:
        return StyleIndex(raw, folded)
    style_tag, style_id, defaults_tag = ns.w("style"), ns.w("styleId"), ns.w("docDefaults")
    for child in root:
        if child.tag == style_tag:
            sid = child.get(style_id)
            if sid is None or sid in raw:
                continue
            raw[sid] = child
            folded.setdefault(sid.lower(), sid)
            if (
                default_para is None
                and (child.get(ns.W_TYPE) or "paragraph") == "paragraph"
                and _is_default(child)
            ):
                default_para = sid
        elif child.tag == defaults_tag:
            rpr = child.find(f"{ns.w('rPrDefault')}/{ns.W_RPR}")
            ppr = child.find(f"{ns.w('pPrDefault')}/{ns.W_PPR}")
            default_rpr = parse_rpr(rpr)
            default_ppr = parse_ppr(ppr)
    return StyleIndex(raw, folded, default_para, default_ppr, default_rpr)


# Drafts of one folder usually share their template's styles and theme parts byte for byte,
# and python-docx's template writes a 350 KB styles.xml (most of a 2-page draft's parse): the
# parsed index is kept for the last few parts seen, keyed by their bytes. Larger parts are not
# kept (their trees would hold tens of MB).
_CACHE_PARTS = 2
_CACHE_MAX_BYTES = 1024 * 1024


@lru_cache(maxsize=_CACHE_PARTS)
def _cached_index(name: str, data: bytes) -> StyleIndex:
    return index_styles(parse_xml(data, name))


@lru_cache(maxsize=_CACHE_PARTS)
def _cached_fonts(name: str, data: bytes) -> dict[str, str]:
    return theme_fonts(parse_xml(data, name))


def load_styles(read: Callable[[str], bytes], name: str | None) -> StyleIndex:
    """The index of a styles part (`read` gives a part's bytes; name None: no part)."""
    if name is None:
        return index_styles(None)
    data = read(name)
    if len(data) > _CACHE_MAX_BYTES:
        return index_styles(parse_xml(data, name))
    return _cached_index(name, data)


def load_theme_fonts(read: Callable[[str], bytes], name: str | None) -> dict[str, str]:
    """The font slots of a theme part (name None: no part)."""
    if name is None:
        return {}
    data = read(name)
    if len(data) > _CACHE_MAX_BYTES:
        return theme_fonts(parse_xml(data, name))
    return _cached_fonts(name, data)


class StyleSheet:
    """Styles, docDefaults and theme fonts of one document, with per-read caches."""

    def __init__(self, index: StyleIndex, fonts: dict[str, str]) -> None:
        self.fonts = fonts
        self._raw = index.raw
        self._folded = index.folded
        self.default_para = index.default_para
        self.default_ppr = index.default_ppr
        self.default_rpr = index.default_rpr
        self._parsed: dict[str, StyleDef | None] = {}
        self._para_cache: dict[str | None, ParaStyle] = {}
        self._char_cache: dict[str | None, PropDict] = {}
        self._run_cache: dict[tuple[Any, ...], RunFormat] = {}
        # rpr_format's cache: key -> (format, whether the rPr holds an rPrChange)
        self.rpr_cache: dict[tuple[Any, ...], tuple[RunFormat, bool]] = {}
        self._pfmt_cache: dict[tuple[Any, ...], ParaFormat] = {}
        self._plain_cache: dict[str | None, RunFormat] = {}

    def get(self, style_id: str | None) -> StyleDef | None:
        """A style by id (ids compared exactly, then case-insensitively)."""
        if style_id is None:
            return None
        if style_id in self._parsed:
            return self._parsed[style_id]
        el = self._raw.get(style_id)
        if el is None:
            real = self._folded.get(style_id.lower())
            el = self._raw.get(real) if real else None
        style = _read_style(el) if el is not None else None
        self._parsed[style_id] = style
        return style

    def chain(self, style_id: str | None) -> list[StyleDef]:
        """The style and its basedOn ancestors, root ancestor first (cycles cut)."""
        out: list[StyleDef] = []
        seen: set[str] = set()
        style = self.get(style_id)
        while style is not None and style.id not in seen and len(out) < _MAX_CHAIN:
            seen.add(style.id)
            out.append(style)
            style = self.get(style.based_on)
        out.reverse()
        return out

    def paragraph(self, style_id: str | None) -> ParaStyle:
        """The merged paragraph style for a pStyle value (None or unknown -> default style)."""
        cached = self._para_cache.get(style_id)
        if cached is not None:
            return cached
        style = self.get(style_id)
        if style is None or style.type not in ("paragraph", ""):
            style = self.get(self.default_para)
        ppr = dict(self.default_ppr)
        rpr = dict(self.default_rpr)
        num_id = ilvl = None
        for s in self.chain(style.id if style else None):
            ppr.update(s.ppr)
            rpr.update(s.rpr)
            if s.has_numpr:
                if s.num_id is not None:
                    num_id = s.num_id
                if s.ilvl is not None:
                    ilvl = s.ilvl
        result = ParaStyle(
            id=style.id if style else None,
            name=style.name if style else None,
            ppr=ppr,
            rpr=rpr,
            num_id=num_id,
            ilvl=ilvl,
        )
        self._para_cache[style_id] = result
        return result

    def _char(self, rstyle: str | None) -> PropDict:
        cached = self._char_cache.get(rstyle)
        if cached is None:
            cached = {}
            for s in self.chain(rstyle):
                cached.update(s.rpr)
            self._char_cache[rstyle] = cached
        return cached

    def rpr_format(
        self, para: ParaStyle, rpr: etree._Element
    ) -> tuple[RunFormat, etree._Element | None]:
        """(RunFormat, rPrChange element or None) of a run's rPr. Drafts repeat a handful of
        rPr thousands of times, so the result is cached by the paragraph style and the rPr's
        `rpr_key` (language, complex script size and the like are skipped). PartWalker.inline
        computes the same key inline on `rpr_cache` for the common run: keep the two in step."""
        frozen = rpr_key([para.id], rpr)
        hit = self.rpr_cache.get(frozen)
        if hit is None:
            rstyle, direct, change = run_props(rpr)
            hit = (self.run_format(para, rstyle, direct), change is not None)
            self.rpr_cache[frozen] = hit
        return hit[0], (first_child(rpr, ns.W_RPRCHANGE) if hit[1] else None)

    def plain_format(self, para: ParaStyle) -> RunFormat:
        """The format of a run without rPr in a paragraph of this style (cached by style)."""
        fmt = self._plain_cache.get(para.id)
        if fmt is None:
            fmt = self._plain_cache[para.id] = self.run_format(para, None, {})
        return fmt

    def run_format(self, para: ParaStyle, rstyle: str | None, direct: PropDict) -> RunFormat:
        """The effective RunFormat of a run (cached; direct properties win)."""
        key = (para.id, rstyle, tuple(direct.items()))
        cached = self._run_cache.get(key)
        if cached is not None:
            return cached
        merged = dict(para.rpr)
        if rstyle is not None:
            merged.update(self._char(rstyle))
        merged.update(direct)
        result = self._run_format(merged)
        self._run_cache[key] = result
        return result

    def _run_format(self, p: PropDict) -> RunFormat:
        return RunFormat(
            font=self._font(p.get("font")),
            size_pt=p.get("size_pt"),
            bold=bool(p.get("bold", False)),
            italic=bool(p.get("italic", False)),
            underline=bool(p.get("underline", False)),
            strike=bool(p.get("strike", False)),
            caps=bool(p.get("caps", False)),
            small_caps=bool(p.get("small_caps", False)),
            hidden=bool(p.get("hidden", False)),
            highlight=p.get("highlight") or p.get("shd"),
            color=p.get("color"),
        )

    def _font(self, font: tuple[str, str] | None) -> str | None:
        if font is None:
            return None
        theme, name = font
        if theme:
            resolved = self.fonts.get(_theme_key(theme))
            if resolved:
                return resolved
        return name.strip() or None

    def para_format(self, para: ParaStyle, level_ppr: PropDict, direct: PropDict) -> ParaFormat:
        """The effective ParaFormat: style chain, then numbering level indents, then direct."""
        key = (para.id, tuple(level_ppr.items()), tuple(direct.items()))
        cached = self._pfmt_cache.get(key)
        if cached is not None:
            return cached
        p = dict(para.ppr)
        p.update(level_ppr)
        p.update(direct)
        rule = p.get("line_rule")
        line = p.get("line")
        spacing = spacing_pt = None
        if line is not None:
            if rule in (None, "auto"):
                spacing = round(line / 240, 2)
            else:
                spacing_pt = round(line / 20, 2)
        result = ParaFormat(
            style_id=para.id,
            style_name=para.name,
            alignment=p.get("alignment"),
            line_spacing=spacing,
            line_spacing_rule=(rule or "auto") if line is not None else rule,
            line_spacing_pt=spacing_pt,
            indent_left_mm=twips_to_mm(p.get("indent_left")),
            indent_right_mm=twips_to_mm(p.get("indent_right")),
            indent_first_line_mm=twips_to_mm(p.get("indent_first")),
            space_before_pt=p.get("space_before_pt"),
            space_after_pt=p.get("space_after_pt"),
            outline_level=p.get("outline_level"),
            page_break_before=bool(p.get("page_break_before", False)),
        )
        self._pfmt_cache[key] = result
        return result


def _theme_key(value: str) -> str:
    """Normalise a theme font attribute ("minorHAnsi", "majorBidi") to a fonts() key."""
    value = value.strip()
    for prefix in ("major", "minor"):
        if value.lower().startswith(prefix):
            rest = value[len(prefix) :]
            for slot in _THEME_SLOTS:
                if rest.lower() == slot.lower():
                    return prefix + slot
    return value


def _is_default(el: etree._Element) -> bool:
    val = (el.get(ns.w("default")) or "").strip().lower()
    return val in ("1", "true", "on")
