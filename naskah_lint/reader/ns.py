"""OOXML namespaces and the Clark names the reader compares tags against (computed once)."""

from __future__ import annotations

from functools import cache

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC_NS = "http://schemas.openxmlformats.org/drawingml/2006/picture"
V_NS = "urn:schemas-microsoft-com:vml"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W15_NS = "http://schemas.microsoft.com/office/word/2012/wordml"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"

# ISO 29500 Strict namespace URIs and their transitional twins. Replacing the URI bytes before
# parsing lets one code path read both (the URIs are unique strings, so a byte replace is safe).
STRICT_TO_TRANSITIONAL: tuple[tuple[bytes, bytes], ...] = (
    (
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        W_NS.encode(),
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        R_NS.encode(),
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/main",
        A_NS.encode(),
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    ),
    (
        b"http://purl.oclc.org/ooxml/drawingml/picture",
        PIC_NS.encode(),
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/math",
        b"http://schemas.openxmlformats.org/officeDocument/2006/math",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/sharedTypes",
        b"http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes",
    ),
    (
        b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
        b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    ),
)
STRICT_MARKER = b"http://purl.oclc.org/ooxml/"


@cache
def w(local: str) -> str:
    """The Clark name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{local}"


# Block level and tables
W_BODY = w("body")
W_P = w("p")
W_TBL = w("tbl")
W_TR = w("tr")
W_TC = w("tc")
W_TCPR = w("tcPr")
W_TRPR = w("trPr")
W_GRIDSPAN = w("gridSpan")
W_GRIDBEFORE = w("gridBefore")
W_VMERGE = w("vMerge")
W_SDT = w("sdt")
W_SDTCONTENT = w("sdtContent")
W_CUSTOMXML = w("customXml")
W_SMARTTAG = w("smartTag")
W_HYPERLINK = w("hyperlink")
W_FLDSIMPLE = w("fldSimple")
W_SECTPR = w("sectPr")
W_TXBXCONTENT = w("txbxContent")
W_DIR = w("dir")
W_BDO = w("bdo")

# Runs and their content
W_R = w("r")
W_RPR = w("rPr")
W_PPR = w("pPr")
W_T = w("t")
W_TAB = w("tab")
W_PTAB = w("ptab")
W_BR = w("br")
W_CR = w("cr")
W_NOBREAKHYPHEN = w("noBreakHyphen")
W_SYM = w("sym")
W_FLDCHAR = w("fldChar")
W_INSTRTEXT = w("instrText")
W_DRAWING = w("drawing")
W_PICT = w("pict")
W_OBJECT = w("object")
W_LASTRENDERED = w("lastRenderedPageBreak")
W_PGNUM = w("pgNum")
W_FOOTNOTEREF = w("footnoteReference")
W_ENDNOTEREF = w("endnoteReference")
W_COMMENTREF = w("commentReference")
W_COMMENTSTART = w("commentRangeStart")

# Tracked changes
W_INS = w("ins")
W_DEL = w("del")
W_MOVEFROM = w("moveFrom")
W_MOVETO = w("moveTo")
W_DELTEXT = w("delText")
W_RPRCHANGE = w("rPrChange")
W_PPRCHANGE = w("pPrChange")

# Properties
W_PSTYLE = w("pStyle")
W_RSTYLE = w("rStyle")
W_NUMPR = w("numPr")
W_ILVL = w("ilvl")
W_NUMID = w("numId")
W_JC = w("jc")
W_SPACING = w("spacing")
W_IND = w("ind")
W_OUTLINELVL = w("outlineLvl")
W_PAGEBREAKBEFORE = w("pageBreakBefore")
W_RFONTS = w("rFonts")
W_SZ = w("sz")
W_B = w("b")
W_I = w("i")
W_U = w("u")
W_STRIKE = w("strike")
W_DSTRIKE = w("dstrike")
W_CAPS = w("caps")
W_SMALLCAPS = w("smallCaps")
W_VANISH = w("vanish")
W_HIGHLIGHT = w("highlight")
W_SHD = w("shd")
W_COLOR = w("color")

# Common attributes
W_VAL = w("val")
W_ID = w("id")
W_TYPE = w("type")
W_AUTHOR = w("author")
W_DATE = w("date")
W_INITIALS = w("initials")
W_INSTR = w("instr")
W_FLDCHARTYPE = w("fldCharType")
W_CHAR = w("char")
R_ID = f"{{{R_NS}}}id"
W14_PARAID = f"{{{W14_NS}}}paraId"
W15_PARAID = f"{{{W15_NS}}}paraId"
W15_DONE = f"{{{W15_NS}}}done"

# Markup compatibility and drawings
MC_ALTERNATE = f"{{{MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{MC_NS}}}Choice"
A_BLIP = f"{{{A_NS}}}blip"
V_IMAGEDATA = f"{{{V_NS}}}imagedata"
