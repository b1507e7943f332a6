"""Effective formatting: docDefaults -> paragraph style chain -> character style -> direct, theme
fonts, toggles, odd values read defensively, paragraph spacing and indents in our units."""

from __future__ import annotations

from pathlib import Path

import pytest
from docxbuild import p, r, write

from naskah_lint.errors import UnreadableFile
from naskah_lint.model import Document, ParaFormat, RunFormat
from naskah_lint.reader import read_document

STYLES = (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" '
    'w:hAnsiTheme="minorHAnsi"/><w:sz w:val="22"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr>'
    "</w:pPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '<w:pPr><w:jc w:val="both"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Naskah"><w:name w:val="Naskah"/>'
    '<w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii="Bookman Old Style" '
    'w:hAnsi="Bookman Old Style"/><w:sz w:val="24"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Judul1"><w:name w:val="heading 1"/>'
    '<w:basedOn w:val="Naskah"/><w:pPr><w:jc w:val="center"/><w:outlineLvl w:val="0"/>'
    '<w:spacing w:before="240"/></w:pPr><w:rPr><w:b/><w:caps/><w:sz w:val="28"/></w:rPr>'
    "</w:style>"
    '<w:style w:type="character" w:styleId="Tegas"><w:name w:val="Strong"/>'
    '<w:basedOn w:val="Dasar"/><w:rPr><w:i/></w:rPr></w:style>'
    '<w:style w:type="character" w:styleId="Dasar"><w:name w:val="Dasar"/>'
    '<w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/>'
    '<w:color w:val="FF0000"/></w:rPr></w:style>'
    # a basedOn loop must not hang
    '<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/>'
    '<w:rPr><w:sz w:val="30"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/>'
    "</w:style>"
)


def _read(tmp_path: Path, body: str, styles: str | None = STYLES) -> Document:
    return read_document(
        write(tmp_path, "s.docx", body, styles=styles, theme_fonts=("Cambria", "Calibri"))
    )


def _fmt(doc: Document, block: int = 0, run: int = 0) -> RunFormat:
    return doc.body[block].runs[run].fmt


def test_default_style_docdefaults_and_theme_fonts(tmp_path: Path) -> None:
    doc = _read(tmp_path, p("biasa"))
    block = doc.body[0]
    assert (block.para.style_id, block.para.style_name) == ("Normal", "Normal")
    assert _fmt(doc) == RunFormat(font="Calibri", size_pt=11.0)
    assert block.para == ParaFormat(
        style_id="Normal",
        style_name="Normal",
        alignment="both",
        line_spacing=1.08,
        line_spacing_rule="auto",
        space_after_pt=8.0,
    )


def test_paragraph_style_chain_and_character_style_chain(tmp_path: Path) -> None:
    body = (
        '<w:p><w:pPr><w:pStyle w:val="Judul1"/></w:pPr>'
        + r("PASAL")
        + r("tegas", '<w:rStyle w:val="Tegas"/>')
        + "</w:p>"
    )
    doc = _read(tmp_path, body)
    block = doc.body[0]
    assert (block.para.style_id, block.para.style_name) == ("Judul1", "heading 1")
    assert (block.para.alignment, block.para.outline_level, block.para.space_before_pt) == (
        "center",
        0,
        12.0,
    )
    assert block.para.space_after_pt == 8.0  # from docDefaults through the chain
    assert _fmt(doc, 0, 0) == RunFormat(
        font="Bookman Old Style", size_pt=14.0, bold=True, caps=True
    )
    assert _fmt(doc, 0, 1) == RunFormat(
        font="Cambria", size_pt=14.0, bold=True, italic=True, caps=True, color="FF0000"
    )


def test_direct_formatting_wins_and_toggles_read_off_values(tmp_path: Path) -> None:
    body = (
        '<w:p><w:pPr><w:pStyle w:val="Judul1"/></w:pPr>'
        + "".join(
            r(text, rpr)
            for text, rpr in (
                ("a", '<w:b w:val="0"/><w:caps w:val="false"/>'),
                ("b", '<w:b w:val="off"/><w:i w:val="1"/><w:i w:val="true"/>'),
                ("c", '<w:rFonts w:ascii="Arial" w:eastAsia="SimSun"/><w:sz w:val="23.5"/>'),
                ("d", '<w:sz w:val="abc"/><w:rFonts w:eastAsia="SimSun"/>'),
                ("e", '<w:u w:val="single"/><w:strike/><w:vanish/><w:smallCaps/>'),
                ("f", '<w:u w:val="none"/><w:dstrike w:val="1"/><w:color w:val="auto"/>'),
                ("g", '<w:highlight w:val="yellow"/>'),
                ("h", '<w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/>'),
            )
        )
        + "</w:p>"
    )
    doc = _read(tmp_path, body)
    fmts = [run.fmt for run in doc.body[0].runs]
    base = {"font": "Bookman Old Style", "size_pt": 14.0, "bold": True, "caps": True}
    assert fmts[0] == RunFormat(font="Bookman Old Style", size_pt=14.0)
    assert fmts[1] == RunFormat(font="Bookman Old Style", size_pt=14.0, italic=True, caps=True)
    assert fmts[2] == RunFormat(font="Arial", size_pt=11.75, bold=True, caps=True)
    assert fmts[3] == RunFormat(**base)  # garbage size ignored, eastAsia-only font ignored
    assert fmts[4] == RunFormat(**base, underline=True, strike=True, hidden=True, small_caps=True)
    assert fmts[5] == RunFormat(**base, strike=True)
    assert fmts[6] == RunFormat(**base, highlight="yellow")
    assert fmts[7] == RunFormat(**base, highlight="FFFF00")


def test_paragraph_direct_properties_in_our_units(tmp_path: Path) -> None:
    cases = [
        ('<w:jc w:val="start"/>', {"alignment": "left"}),
        ('<w:jc w:val="end"/>', {"alignment": "right"}),
        ('<w:jc w:val="distribute"/>', {"alignment": "distribute"}),
        ('<w:jc w:val="bogus"/>', {"alignment": "both"}),
        ('<w:spacing w:line="360" w:lineRule="auto"/>', {"line_spacing": 1.5}),
        (
            '<w:spacing w:line="240" w:lineRule="exact"/>',
            {"line_spacing": None, "line_spacing_rule": "exact", "line_spacing_pt": 12.0},
        ),
        (
            '<w:spacing w:before="1in" w:after="6pt"/>',
            {"space_before_pt": 72.0, "space_after_pt": 6.0},
        ),
        (
            '<w:ind w:left="1440" w:right="720" w:hanging="360"/>',
            {"indent_left_mm": 25.4, "indent_right_mm": 12.7, "indent_first_line_mm": -6.35},
        ),
        (
            '<w:ind w:start="567" w:firstLine="283.5"/>',
            {"indent_left_mm": 10.0, "indent_first_line_mm": 5.0},
        ),
        ('<w:ind w:left="x1"/>', {}),
        ('<w:outlineLvl w:val="1"/>', {"outline_level": 1}),
        ('<w:outlineLvl w:val="9"/>', {"outline_level": None}),
        ("<w:pageBreakBefore/>", {"page_break_before": True}),
        ('<w:pageBreakBefore w:val="0"/>', {"page_break_before": False}),
    ]
    doc = _read(tmp_path, "".join(p("x", ppr) for ppr, _ in cases))
    for block, (ppr, expected) in zip(doc.body, cases, strict=True):
        para = block.para
        for key, value in expected.items():
            assert getattr(para, key) == value, (ppr, key)


def test_unknown_style_falls_back_to_default_and_loops_end(tmp_path: Path) -> None:
    doc = _read(
        tmp_path,
        p("x", '<w:pStyle w:val="TidakAda"/>') + p("y", '<w:pStyle w:val="A"/>'),
    )
    assert doc.body[0].para.style_id == "Normal"
    assert doc.body[1].para.style_id == "A"
    assert _fmt(doc, 1).size_pt == 15.0


def test_style_ids_match_case_insensitively(tmp_path: Path) -> None:
    doc = _read(tmp_path, p("x", '<w:pStyle w:val="judul1"/>'))
    assert doc.body[0].para.style_name == "heading 1"


def test_no_styles_part_gives_unknown_formats(tmp_path: Path) -> None:
    doc = _read(tmp_path, p("x") + p("y", '<w:jc w:val="center"/>'), styles=None)
    assert _fmt(doc) == RunFormat()
    assert doc.body[0].para == ParaFormat()
    assert doc.body[1].para.alignment == "center"


def test_numbering_label_format_uses_paragraph_mark_and_level(tmp_path: Path) -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:lvlText w:val="(%1)"/><w:pPr><w:ind w:left="720" '
        'w:hanging="360"/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    )
    body = (
        '<w:p><w:pPr><w:pStyle w:val="Naskah"/><w:numPr><w:ilvl w:val="0"/>'
        '<w:numId w:val="1"/></w:numPr><w:rPr><w:sz w:val="20"/></w:rPr></w:pPr>'
        + r("isi")
        + "</w:p>"
    )
    doc = read_document(
        write(tmp_path, "n.docx", body, styles=STYLES, numbering=numbering, theme_fonts=("C", "D"))
    )
    block = doc.body[0]
    label, text = block.runs
    assert label.fmt == RunFormat(font="Bookman Old Style", size_pt=10.0, bold=True)
    assert text.fmt == RunFormat(font="Bookman Old Style", size_pt=12.0)
    assert (block.para.indent_left_mm, block.para.indent_first_line_mm) == (12.7, -6.35)


def test_cached_run_formats_tell_attribute_names_and_order_apart(tmp_path: Path) -> None:
    # Formats are cached by each rPr's properties: the same values under other attribute names,
    # or the same toggles in another order, are other formats.
    body = (
        "<w:p>"
        + r("a", '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>')
        + r("b", '<w:rFonts w:eastAsia="Arial" w:cs="Arial"/>')
        + r("c", '<w:shd w:val="clear" w:fill="FFFF00"/>')
        + r("d", '<w:shd w:val="clear" w:color="FFFF00"/>')
        + r("e", '<w:b/><w:b w:val="0"/>')
        + r("f", '<w:b w:val="0"/><w:b/>')
        + "</w:p>"
    )
    doc = _read(tmp_path, body)
    assert [run.text for run in doc.body[0].runs] == ["a", "b", "c", "d", "e", "f"]
    assert [_fmt(doc, 0, i) for i in range(6)] == [
        RunFormat(font="Arial", size_pt=11.0),
        RunFormat(font="Calibri", size_pt=11.0),
        RunFormat(font="Calibri", size_pt=11.0, highlight="FFFF00"),
        RunFormat(font="Calibri", size_pt=11.0),
        RunFormat(font="Calibri", size_pt=11.0),
        RunFormat(font="Calibri", size_pt=11.0, bold=True),
    ]


def test_run_formats_ignore_properties_they_do_not_show(tmp_path: Path) -> None:
    # language and complex-script size do not change the format; the paragraph style does
    body = (
        p("a", "", '<w:sz w:val="24"/><w:lang w:val="id-ID"/>')
        + p("b", "", '<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US"/>')
        + p("c", '<w:pStyle w:val="Judul1"/>', '<w:sz w:val="24"/><w:lang w:val="id-ID"/>')
    )
    doc = _read(tmp_path, body)
    assert _fmt(doc, 0) == _fmt(doc, 1) == RunFormat(font="Calibri", size_pt=12.0)
    assert _fmt(doc, 2) == RunFormat(font="Bookman Old Style", size_pt=12.0, bold=True, caps=True)


def test_repeated_paragraph_properties_read_alike_and_names_count(tmp_path: Path) -> None:
    body = (
        p("a", '<w:spacing w:before="120" w:after="0"/><w:ind w:left="720"/>')
        + p("b", '<w:ind w:right="720"/>')
        + p("c", '<w:spacing w:before="120" w:after="0"/><w:ind w:left="720"/>')
        + p("d", '<w:spacing w:before="0" w:after="120"/><w:ind w:left="720"/>')
    )
    a, b, c, d = (block.para for block in _read(tmp_path, body).body)
    assert (a.space_before_pt, a.space_after_pt, a.indent_left_mm, a.indent_right_mm) == (
        6.0,
        0.0,
        12.7,
        None,
    )
    assert (b.indent_left_mm, b.indent_right_mm) == (None, 12.7)
    assert c == a
    assert (d.space_before_pt, d.space_after_pt, d.indent_left_mm) == (0.0, 6.0, 12.7)


def test_drafts_sharing_a_template_read_alike_and_other_styles_are_not_mixed_up(
    tmp_path: Path,
) -> None:
    # the styles index is kept between reads, keyed by the part's bytes
    centred = STYLES.replace('<w:jc w:val="both"/>', '<w:jc w:val="center"/>')

    def read(name: str, body: str, styles: str = STYLES) -> Document:
        return read_document(
            write(tmp_path, name, body, styles=styles, theme_fonts=("Cambria", "Calibri"))
        )

    first = read("a.docx", p("satu", '<w:pStyle w:val="Judul1"/>'))
    again = read("b.docx", p("dua") + p("tiga", '<w:pStyle w:val="Judul1"/>'))
    other = read("c.docx", p("empat"), styles=centred)
    assert first.body[0].para == again.body[1].para
    assert (
        _fmt(first)
        == _fmt(again, 1)
        == RunFormat(font="Bookman Old Style", size_pt=14.0, bold=True, caps=True)
    )
    assert (again.body[0].para.alignment, other.body[0].para.alignment) == ("both", "center")
    assert _fmt(again) == _fmt(other) == RunFormat(font="Calibri", size_pt=11.0)


def test_a_broken_styles_part_is_corrupt_at_every_read(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.docx", p("x"), styles="<w:style></w:styles>")
    for _ in range(2):
        with pytest.raises(UnreadableFile) as info:
            read_document(path)
        assert (info.value.code, str(info.value.params["detail"])[:16]) == (
            "CORRUPT",
            "word/styles.xml:",
        )
