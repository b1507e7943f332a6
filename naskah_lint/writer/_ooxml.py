"""Low-level WordprocessingML helpers for the writers: units, raw elements python-docx lacks,
a tiny PNG and deterministic zip packing. Imports lxml and docx.oxml only; callers import lazily.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterable, Sequence

from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from lxml import etree

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w10": "urn:schemas-microsoft-com:office:word",
}

TWIPS_PER_CM = 1440 / 2.54
EMU_PER_CM = 360000
FIXED_DATE = "2024-01-01T00:00:00Z"  # revisions and comments: rebuilt files diff cleanly
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def cm_to_twips(cm: float) -> int:
    """Centimetres to twips, rounded the way Word rounds its dialog values."""
    return round(cm * TWIPS_PER_CM)


def mm_to_twips(mm: float) -> int:
    """Millimetres to twips (A4 210 mm -> 11906)."""
    return round(mm / 25.4 * 1440)


def insert_ordered(
    parent: etree._Element, child: etree._Element, successors: Sequence[str]
) -> None:
    """Insert `child` before the first existing successor tag (schema order), else append."""
    for tag in successors:
        found = parent.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return
    parent.append(child)


# -- fields ------------------------------------------------------------------------------------


def field_runs(instr: str, result: str, rpr: etree._Element | None) -> list[etree._Element]:
    """The five runs of a complex field (begin, instrText, separate, result, end) as Word writes."""
    runs: list[etree._Element] = []

    def new_run() -> etree._Element:
        r = OxmlElement("w:r")
        if rpr is not None:
            r.append(_clone(rpr))
        runs.append(r)
        return r

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    new_run().append(begin)
    instr_el = OxmlElement("w:instrText")
    instr_el.set(XML_SPACE, "preserve")
    instr_el.text = f" {instr.strip()} "
    new_run().append(instr_el)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    new_run().append(sep)
    text_el = OxmlElement("w:t")
    text_el.text = result
    new_run().append(text_el)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    new_run().append(end)
    return runs


def _clone(el: etree._Element) -> etree._Element:
    """A deep copy that keeps python-docx's element classes."""
    copied: etree._Element = parse_xml(etree.tostring(el))
    return copied


# -- tracked changes ---------------------------------------------------------------------------


def revision(
    kind: str, rev_id: int, author: str, text: str, rpr: etree._Element | None
) -> etree._Element:
    """A w:ins or w:del wrapper holding one run with `text` (w:delText inside deletions)."""
    wrapper = OxmlElement(f"w:{kind}")
    wrapper.set(qn("w:id"), str(rev_id))
    wrapper.set(qn("w:author"), author)
    wrapper.set(qn("w:date"), FIXED_DATE)
    r = OxmlElement("w:r")
    if rpr is not None:
        r.append(_clone(rpr))
    t = OxmlElement("w:delText" if kind == "del" else "w:t")
    t.set(XML_SPACE, "preserve")
    t.text = text
    r.append(t)
    wrapper.append(r)
    return wrapper


# -- text boxes --------------------------------------------------------------------------------

_TEXTBOX_XML = """
<mc:AlternateContent {ns}>
  <mc:Choice Requires="wps">
    <w:drawing>
      <wp:anchor distT="45720" distB="45720" distL="114300" distR="114300" simplePos="0"
          relativeHeight="{z}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
        <wp:simplePos x="0" y="0"/>
        <wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>
        <wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
        <wp:extent cx="{cx}" cy="{cy}"/>
        <wp:effectExtent l="0" t="0" r="0" b="0"/>
        <wp:wrapTopAndBottom/>
        <wp:docPr id="{shape_id}" name="Text Box {shape_id}"/>
        <wp:cNvGraphicFramePr/>
        <a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
          <a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
            <wps:wsp>
              <wps:cNvSpPr txBox="1"/>
              <wps:spPr>
                <a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>
                <a:prstGeom prst="rect"><a:avLst/></a:prstGeom>
                <a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill>
                <a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>
              </wps:spPr>
              <wps:txbx><w:txbxContent/></wps:txbx>
              <wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720"
                  rIns="91440" bIns="45720" anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr>
            </wps:wsp>
          </a:graphicData>
        </a:graphic>
      </wp:anchor>
    </w:drawing>
  </mc:Choice>
  <mc:Fallback>
    <w:pict>
      <v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"
          path="m,l,21600r21600,l21600,xe">
        <v:stroke joinstyle="miter"/>
        <v:path gradientshapeok="t" o:connecttype="rect"/>
      </v:shapetype>
      <v:shape id="Text Box {shape_id}" o:spid="_x0000_s{spid}" type="#_x0000_t202"
          style="position:absolute;margin-left:0;margin-top:0;width:{w_pt}pt;height:{h_pt}pt;z-index:{z};visibility:visible;mso-wrap-style:square"
          fillcolor="white" strokeweight=".5pt">
        <v:textbox><w:txbxContent/></v:textbox>
        <w10:wrap type="topAndBottom"/>
      </v:shape>
    </w:pict>
  </mc:Fallback>
</mc:AlternateContent>
"""


def textbox_run(
    shape_id: int, width_cm: float, height_cm: float
) -> tuple[etree._Element, etree._Element]:
    """A run holding a text box the way Word writes it (DrawingML choice + VML fallback).

    Returns the run and the (empty) DrawingML `w:txbxContent` to fill; call
    `finish_textbox(run)` afterwards to copy the content into the VML fallback."""
    cx, cy = round(width_cm * EMU_PER_CM), round(height_cm * EMU_PER_CM)
    xml = _TEXTBOX_XML.format(
        ns=" ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in NS.items()),
        z=251659264 + shape_id,
        cx=cx,
        cy=cy,
        shape_id=shape_id,
        spid=1025 + shape_id,
        w_pt=_fmt_pt(width_cm),
        h_pt=_fmt_pt(height_cm),
    )
    alternate = parse_xml(xml)
    run = OxmlElement("w:r")
    run.append(alternate)
    content = run.find(".//wps:txbx/w:txbxContent", NS)
    assert content is not None  # built from the template above
    return run, content


def finish_textbox(run: etree._Element) -> None:
    """Copy the DrawingML text box content into the VML fallback, as Word keeps both."""
    choice = run.find(".//wps:txbx/w:txbxContent", NS)
    fallback = run.find(".//v:textbox/w:txbxContent", NS)
    assert choice is not None and fallback is not None
    for child in choice:
        fallback.append(_clone(child))


def _fmt_pt(cm: float) -> str:
    """Centimetres as a compact point value for VML styles."""
    value = round(cm / 2.54 * 72, 1)
    return str(int(value)) if value == int(value) else str(value)


# -- numbering ---------------------------------------------------------------------------------


def abstract_num(
    abstract_id: int, levels: Iterable[tuple[int, str, str, str, str, int, int, int]]
) -> etree._Element:
    """A w:abstractNum; each level is (ilvl, numFmt, lvlText, lvlJc, suff, start, left, hanging)."""
    el = OxmlElement("w:abstractNum")
    el.set(qn("w:abstractNumId"), str(abstract_id))
    nsid = OxmlElement("w:nsid")
    nsid.set(qn("w:val"), f"{0x4E4B0000 + abstract_id:08X}")
    el.append(nsid)
    mlt = OxmlElement("w:multiLevelType")
    mlt.set(qn("w:val"), "hybridMultilevel")
    el.append(mlt)
    for ilvl, fmt, text, jc, suff, start, left, hanging in levels:
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(ilvl))
        for tag, val in (("w:start", str(start)), ("w:numFmt", fmt)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), val)
            lvl.append(child)
        if suff != "tab":
            child = OxmlElement("w:suff")
            child.set(qn("w:val"), suff)
            lvl.append(child)
        for tag, val in (("w:lvlText", text), ("w:lvlJc", jc)):
            child = OxmlElement(tag)
            child.set(qn("w:val"), val)
            lvl.append(child)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        ind.set(qn("w:left"), str(left))
        ind.set(qn("w:hanging" if hanging else "w:firstLine"), str(hanging))
        ppr.append(ind)
        lvl.append(ppr)
        el.append(lvl)
    return el


def num_instance(num_id: int, abstract_id: int, start_override: int | None) -> etree._Element:
    """A w:num pointing at an abstractNum, optionally restarting level 0 (as Word's "restart")."""
    el = OxmlElement("w:num")
    el.set(qn("w:numId"), str(num_id))
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), str(abstract_id))
    el.append(ref)
    if start_override is not None:
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), str(start_override))
        override.append(start)
        el.append(override)
    return el


# -- images and packaging ----------------------------------------------------------------------


def tiny_png(rgb: tuple[int, int, int], size: int = 16) -> bytes:
    """A small solid-colour PNG with a white border, made in code (no image files shipped)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = bytearray()
    for y in range(size):
        rows.append(0)
        for x in range(size):
            edge = x in (0, size - 1) or y in (0, size - 1)
            rows.extend((255, 255, 255) if edge else rgb)
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def deterministic_zip(data: bytes) -> bytes:
    """Repack a zip with fixed timestamps and attributes so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 0
            dst.writestr(fixed, src.read(info.filename), compresslevel=6)
    return out.getvalue()
