"""`outline --blocks`: the reader's paragraphs as JSON and as text lines."""

from __future__ import annotations

import json
from pathlib import Path

from docxbuild import p, r, write

from naskah_lint.reader import read_document
from naskah_lint.report.blocks import blocks_json, blocks_text

STYLES = (
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/><w:sz w:val="24"/></w:rPr></w:style>'
)
NUMBERING = (
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
    '<w:numFmt w:val="decimal"/><w:lvlText w:val="(%1)"/><w:rPr><w:rFonts w:ascii="Symbol"/>'
    "</w:rPr></w:lvl></w:abstractNum>"
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
)


def _doc(tmp_path: Path):  # type: ignore[no-untyped-def]
    body = (
        '<w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
        + r("PASAL 1", "<w:b/>")
        + "</w:p>"
        + '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        + r("Para ", "<w:b/>")
        + r("Pihak sepakat\tdan")
        + r(" setuju", '<w:sz w:val="20"/>')
        + "</w:p>"
        + "<w:tbl><w:tr><w:tc>"
        + p("sel")
        + "</w:tc></w:tr></w:tbl>"
    )
    return read_document(write(tmp_path, "b.docx", body, styles=STYLES, numbering=NUMBERING))


def test_blocks_json(tmp_path: Path) -> None:
    data = blocks_json(_doc(tmp_path))
    json.dumps(data)  # serialisable as is
    assert data["schema_version"] == 1
    assert data["package_kind"] == "docx"
    assert [b["text"] for b in data["blocks"]] == [
        "PASAL 1",
        "(1)\tPara Pihak sepakat\tdan setuju",
        "sel",
    ]
    first, second, cell = data["blocks"]
    assert (first["style"], first["font"], first["size_pt"], first["bold"], first["alignment"]) == (
        "Normal",
        "Arial",
        12.0,
        True,
        "center",
    )
    # the dominant font/size ignores the label run; bold only when all visible text is bold
    assert (second["label"], second["font"], second["size_pt"], second["bold"]) == (
        "(1)",
        "Arial",
        12.0,
        False,
    )
    assert cell["cell"] == {"table": 0, "row": 0, "col": 0, "depth": 1}
    assert first["cell"] is None
    assert data["sections"][0]["first_block"] == 1


def test_blocks_text_lines(tmp_path: Path) -> None:
    doc = _doc(tmp_path)
    assert blocks_text(doc, "en").splitlines() == [
        "body    1 <Normal; Arial 12 B center> PASAL 1",
        "body    2 <Normal; Arial 12> (1) | Para Pihak sepakat\\tdan setuju",
        "body    3 [t1 r1 c1] <Normal; Arial 12> sel",
    ]
    assert blocks_text(doc, "id").splitlines()[0] == "isi    1 <Normal; Arial 12 B center> PASAL 1"
