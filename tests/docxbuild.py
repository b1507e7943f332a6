"""Build small .docx packages from XML strings for reader tests (no python-docx involved).

`build(...)` returns the package bytes; `write(tmp_path, name, ...)` writes them to a file. XML
fragments use the usual prefixes (w, r, mc, wp, wps, a, pic, v, w14, w15); the builder wraps
them in the part's root element with those namespaces declared.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from pathlib import Path
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"

NAMESPACES = {
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "w14": "http://schemas.microsoft.com/office/word/2010/wordml",
    "w15": "http://schemas.microsoft.com/office/word/2012/wordml",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
}


def ns_decls(strict: bool = False) -> str:
    """xmlns declarations for the w and r prefixes plus the drawing/VML/compat ones."""
    w_uri, r_uri = (W_STRICT, R_STRICT) if strict else (W, R)
    extra = " ".join(f'xmlns:{k}="{v}"' for k, v in NAMESPACES.items())
    return f'xmlns:w="{w_uri}" xmlns:r="{r_uri}" {extra}'


def p(text: str = "", ppr: str = "", rpr: str = "") -> str:
    """A paragraph with one run of text (pPr and rPr given as inner XML)."""
    ppr_xml = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f"<w:p>{ppr_xml}{r(text, rpr) if text else ''}</w:p>"


def r(text: str, rpr: str = "") -> str:
    """A run of text."""
    rpr_xml = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{rpr_xml}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def numbered(text: str, num_id: int, ilvl: int = 0, extra_ppr: str = "") -> str:
    """A paragraph numbered directly with numPr."""
    numpr = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return p(text, ppr=extra_ppr + numpr)


def _root(tag: str, inner: str, strict: bool = False, attrs: str = "") -> bytes:
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return f"{head}<w:{tag} {ns_decls(strict)}{attrs}>{inner}</w:{tag}>".encode()


def build(
    body: str,
    *,
    styles: str | None = None,
    numbering: str | None = None,
    theme_fonts: tuple[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
    footers: Mapping[str, str] | None = None,
    comments: str | None = None,
    comments_extended: str | None = None,
    footnotes: str | None = None,
    endnotes: str | None = None,
    core: Mapping[str, str] | None = None,
    app: Mapping[str, str] | None = None,
    strict: bool = False,
    main_part: str = "word/document.xml",
    main_type: str = DOCX_MAIN,
    document_xml: bytes | None = None,
    extra_parts: Mapping[str, bytes] | None = None,
) -> bytes:
    """A complete package. `headers`/`footers` map a relationship id (used in the sectPr's
    headerReference r:id) to the inner XML of the part; `theme_fonts` = (major, minor)."""
    folder = main_part.rsplit("/", 1)[0]
    main_name = main_part.rsplit("/", 1)[1]
    parts: dict[str, bytes] = {}
    overrides: dict[str, str] = {main_part: main_type}
    rels: list[tuple[str, str, str]] = []

    def add(rid: str, rtype: str, name: str, data: bytes, ctype: str) -> None:
        parts[f"{folder}/{name}"] = data
        overrides[f"{folder}/{name}"] = ctype
        rels.append((rid, REL_BASE + rtype, name))

    wml = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    if styles is not None:
        add(
            "rIdStyles", "styles", "styles.xml", _root("styles", styles, strict), wml + "styles+xml"
        )
    if numbering is not None:
        add(
            "rIdNum",
            "numbering",
            "numbering.xml",
            _root("numbering", numbering, strict),
            wml + "numbering+xml",
        )
    if theme_fonts is not None:
        major, minor = theme_fonts
        theme = (
            '<?xml version="1.0" encoding="UTF-8"?><a:theme '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="T">'
            '<a:themeElements><a:fontScheme name="F">'
            f'<a:majorFont><a:latin typeface="{major}"/><a:ea typeface=""/><a:cs typeface=""/>'
            f'</a:majorFont><a:minorFont><a:latin typeface="{minor}"/><a:ea typeface=""/>'
            '<a:cs typeface=""/></a:minorFont></a:fontScheme></a:themeElements></a:theme>'
        ).encode()
        add(
            "rIdTheme",
            "theme",
            "theme/theme1.xml",
            theme,
            "application/vnd.openxmlformats-officedocument.theme+xml",
        )
    for kind, mapping in (("header", headers), ("footer", footers)):
        for n, (rid, inner) in enumerate((mapping or {}).items(), start=1):
            tag = "hdr" if kind == "header" else "ftr"
            add(rid, kind, f"{kind}{n}.xml", _root(tag, inner, strict), wml + f"{kind}+xml")
    if comments is not None:
        add(
            "rIdComments",
            "comments",
            "comments.xml",
            _root("comments", comments, strict),
            wml + "comments+xml",
        )
    if comments_extended is not None:
        data = (
            '<?xml version="1.0" encoding="UTF-8"?><w15:commentsEx '
            f'xmlns:w15="{NAMESPACES["w15"]}">{comments_extended}</w15:commentsEx>'
        ).encode()
        parts[f"{folder}/commentsExtended.xml"] = data
        overrides[f"{folder}/commentsExtended.xml"] = wml + "commentsExtended+xml"
        rels.append(
            (
                "rIdCx",
                "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
                "commentsExtended.xml",
            )
        )
    for kind, inner in (("footnotes", footnotes), ("endnotes", endnotes)):
        if inner is not None:
            add(f"rId{kind}", kind, f"{kind}.xml", _root(kind, inner, strict), wml + f"{kind}+xml")

    if document_xml is None:
        document_xml = _root("document", f"<w:body>{body}</w:body>", strict)
    parts[main_part] = document_xml
    package_rels = [("rIdMain", REL_BASE + "officeDocument", main_part)]
    if core is not None:
        items = "".join(
            f"<{k}>{escape(v)}</{k}>" for k, v in core.items()
        )  # keys carry their prefix, e.g. "dc:title"
        parts["docProps/core.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
            f"{items}</cp:coreProperties>"
        ).encode()
        overrides["docProps/core.xml"] = (
            "application/vnd.openxmlformats-package.core-properties+xml"
        )
        package_rels.append(
            (
                "rIdCore",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                "core-properties",
                "docProps/core.xml",
            )
        )
    if app is not None:
        items = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in app.items())
        parts["docProps/app.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.'
            f'openxmlformats.org/officeDocument/2006/extended-properties">{items}</Properties>'
        ).encode()
        overrides["docProps/app.xml"] = (
            "application/vnd.openxmlformats-officedocument.extended-properties+xml"
        )
        package_rels.append(("rIdApp", REL_BASE + "extended-properties", "docProps/app.xml"))
    parts.update(extra_parts or {})

    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        + "".join(
            f'<Override PartName="/{name}" ContentType="{ctype}"/>'
            for name, ctype in overrides.items()
        )
        + "</Types>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", content_types)
        zf.writestr("_rels/.rels", _rels(package_rels))
        zf.writestr(f"{folder}/_rels/{main_name}.rels", _rels(rels))
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _rels(rels: list[tuple[str, str, str]]) -> str:
    items = "".join(
        f'<Relationship Id="{rid}" Type="{rtype}" Target="{target}"/>'
        for rid, rtype, target in rels
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships '
        f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}'
        "</Relationships>"
    )


def write(folder: Path, name: str, body: str = "", **kwargs: object) -> Path:
    """Build a package and write it to folder/name."""
    path = folder / name
    path.write_bytes(build(body, **kwargs))  # type: ignore[arg-type]
    return path


def zip_bytes(entries: Mapping[str, bytes | str]) -> bytes:
    """A plain zip with the given entries (for packages that are not Word files)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()
