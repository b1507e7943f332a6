"""Text as Word shows it: runs, breaks, fields, symbols, tracked changes, content controls,
text boxes read once, tables with merged and nested cells, and locators a writer can follow."""

from __future__ import annotations

from pathlib import Path

from docxbuild import W, p, r, write
from lxml import etree

from naskah_lint.model import Document, Story
from naskah_lint.reader import read_document


def _read(tmp_path: Path, body: str, **kwargs: object) -> Document:
    return read_document(write(tmp_path, "t.docx", body, **kwargs))


def _texts(doc: Document, story: Story = Story.BODY) -> list[str]:
    return [b.text for b in doc.story(story)]


def test_split_runs_join_and_keep_offsets(tmp_path: Path) -> None:
    doc = _read(tmp_path, "<w:p>" + r("${mi") + r("tra}", "<w:b/>") + r(" dan PIHAK") + "</w:p>")
    block = doc.body[0]
    assert block.text == "${mitra} dan PIHAK"
    assert [(run.text, run.start, run.fmt.bold, run.locator) for run in block.runs] == [
        ("${mi", 0, False, 0),
        ("tra}", 4, True, 1),
        (" dan PIHAK", 8, False, 2),
    ]


def test_cr_lf_inside_text_tabs_breaks_and_hyphens(tmp_path: Path) -> None:
    body = (
        "<w:p><w:r><w:t>NOTA KESEPAHAMAN\r\nANTARA\rKPU\nDAN</w:t></w:r>"
        "<w:r><w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t><w:cr/><w:t>c</w:t>"
        "<w:noBreakHyphen/><w:t>d</w:t><w:softHyphen/><w:t>e</w:t></w:r></w:p>"
    )
    assert _texts(_read(tmp_path, body)) == ["NOTA KESEPAHAMAN\nANTARA\nKPU\nDAN\ta\nb\nc-de"]


def test_inline_wrappers_all_contribute_text(tmp_path: Path) -> None:
    body = (
        "<w:p>"
        f'<w:hyperlink r:id="x">{r("link ")}</w:hyperlink>'
        f'<w:smartTag w:uri="u" w:element="e"><w:smartTag w:element="f">{r("tag ")}'
        "</w:smartTag></w:smartTag>"
        f'<w:customXml w:element="c">{r("custom ")}</w:customXml>'
        f"<w:sdt><w:sdtPr/><w:sdtContent>{r('control ')}</w:sdtContent></w:sdt>"
        f'<w:fldSimple w:instr=" MERGEFIELD nama ">{r("«nama»")}</w:fldSimple>'
        '<w:bookmarkStart w:id="0" w:name="b"/><w:proofErr w:type="spellStart"/>'
        "</w:p>"
    )
    block = _read(tmp_path, body).body[0]
    assert block.text == "link tag custom control «nama»"
    assert [run.kind for run in block.runs] == ["text"] * 4 + ["field"]


def test_block_level_content_controls_and_custom_xml(tmp_path: Path) -> None:
    body = (
        f"<w:sdt><w:sdtContent>{p('satu')}<w:sdt><w:sdtContent>{p('dua')}"
        f"</w:sdtContent></w:sdt></w:sdtContent></w:sdt>"
        f'<w:customXml w:element="x">{p("tiga")}</w:customXml>{p("empat")}'
    )
    assert _texts(_read(tmp_path, body)) == ["satu", "dua", "tiga", "empat"]


def test_complex_fields_show_results_not_codes(tmp_path: Path) -> None:
    body = (
        "<w:p>"
        + r("Hal ")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>'
        # a field nested in the instruction: its result is part of the code, not shown
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText>'
        + '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("9")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve"> = 1 "a" "b" </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("b")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + r(" selesai")
        + "</w:p>"
    )
    block = _read(tmp_path, body).body[0]
    assert block.text == "Hal b selesai"
    assert [(run.text, run.kind) for run in block.runs] == [
        ("Hal ", "text"),
        ("b", "field"),
        (" selesai", "text"),
    ]
    # a PAGE field nested in an IF (e.g. { IF { PAGE } > 1 ... }) still numbers the pages
    assert block.has_page_field is True


def test_field_result_spanning_paragraphs(tmp_path: Path) -> None:
    body = (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \\o</w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + r("Pasal 1")
        + "</w:p><w:p>"
        + r("Pasal 2")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        + p("isi")
    )
    doc = _read(tmp_path, body)
    assert _texts(doc) == ["Pasal 1", "Pasal 2", "isi"]
    assert [b.runs[0].kind for b in doc.body] == ["field", "field", "text"]


def test_symbols_from_their_char_code(tmp_path: Path) -> None:
    body = (
        '<w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t>x</w:t>'
        '<w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:char="00A7"/>'
        '<w:sym w:char="zz"/></w:r></w:p>'
    )
    block = _read(tmp_path, body).body[0]
    assert block.text == "•x✓§"
    assert [(run.text, run.kind, run.locator) for run in block.runs] == [
        ("•", "sym", 0),
        ("x", "text", 0),
        ("✓", "sym", 0),
        ("§", "sym", 0),
    ]


def test_tracked_changes(tmp_path: Path) -> None:
    body = (
        "<w:p>"
        + r("Jangka waktu ")
        + '<w:del w:id="1" w:author="Budi" w:date="2024-07-01T10:00:00Z"><w:r>'
        "<w:delText>dua</w:delText></w:r></w:del>"
        + f'<w:ins w:id="2" w:author="Ani" w:date="2024-07-02T10:00:00Z">{r("tiga")}</w:ins>'
        + r(" tahun")
        + "</w:p><w:p>"
        + f'<w:moveFrom w:id="3" w:author="Ani">{r("pindah ")}</w:moveFrom>'
        + r("tetap")
        + f'<w:moveTo w:id="4" w:author="Ani">{r(" pindah")}</w:moveTo>'
        + "</w:p>"
        + "<w:p><w:pPr><w:pPrChange w:id='5' w:author='Cici'><w:pPr/></w:pPrChange></w:pPr>"
        + '<w:r><w:rPr><w:b/><w:rPrChange w:id="6" w:author="Cici"><w:rPr/></w:rPrChange>'
        + "</w:rPr><w:t>tebal</w:t></w:r></w:p>"
    )
    doc = _read(tmp_path, body)
    assert _texts(doc) == ["Jangka waktu tiga tahun", "tetap pindah", "tebal"]
    assert [(run.text, run.inserted) for run in doc.body[0].runs] == [
        ("Jangka waktu ", False),
        ("tiga", True),
        (" tahun", False),
    ]
    assert doc.body[1].runs[0].locator == 1  # the moved-away run still counts for the writer
    assert [(v.kind, v.author, v.block, v.text) for v in doc.revisions] == [
        ("del", "Budi", 1, "dua"),
        ("ins", "Ani", 1, "tiga"),
        ("moveFrom", "Ani", 2, "pindah "),
        ("moveTo", "Ani", 2, " pindah"),
        ("pPrChange", "Cici", 3, ""),
        ("rPrChange", "Cici", 3, ""),
    ]
    assert doc.revisions[0].date == "2024-07-01T10:00:00Z"
    assert all(v.story is Story.BODY for v in doc.revisions)


def _textbox(text: str) -> str:
    """A DrawingML text box with its VML fallback copy, as Word writes it."""
    return (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        "<a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
        f"{p(text)}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic>"
        "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>"
        f"<w:txbxContent>{p(text)}</w:txbxContent></v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_text_boxes_read_once_with_anchor_and_locators(tmp_path: Path) -> None:
    body = p("Judul") + "<w:p>" + r("Logo:") + _textbox("${logo}") + r(" akhir") + "</w:p>"
    body += p("sesudah")
    path = write(tmp_path, "tb.docx", body)
    doc = read_document(path)
    assert _texts(doc) == ["Judul", "Logo: akhir", "sesudah"]
    boxes = doc.story(Story.TEXTBOX)
    assert [(b.text, b.index, b.anchor_block, b.story_part) for b in boxes] == [
        ("${logo}", 1, 2, "word/document.xml")
    ]
    # locators follow root.iter(w:p) and p.iter(w:r), fallback copies included
    root = etree.fromstring(__import__("zipfile").ZipFile(path).read("word/document.xml"))
    paragraphs = list(root.iter(f"{{{W}}}p"))
    assert len(paragraphs) == 5
    for block in doc.blocks:
        el = paragraphs[block.locator.ordinal]
        assert "".join(el.itertext()).startswith(block.text[:4])
    host = doc.body[1]
    assert [run.locator for run in host.runs] == [0, 4]  # 1 box run + 1 fallback run between
    assert (
        list(paragraphs[host.locator.ordinal].iter(f"{{{W}}}r"))[4].findtext(f"{{{W}}}t")
        == " akhir"
    )
    assert doc.body[2].locator.ordinal == 4


def test_tables_merged_and_nested_cells(tmp_path: Path) -> None:
    def tc(content: str, props: str = "") -> str:
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{content}</w:tc>"

    nested = f"<w:tbl><w:tr>{tc(p('n1'))}{tc(p('n2'))}</w:tr></w:tbl>"
    body = (
        "<w:tbl><w:tblPr/><w:tblGrid/>"
        + "<w:tr>"
        + tc(p("A"), '<w:gridSpan w:val="2"/>')
        + tc(p("B"), '<w:vMerge w:val="restart"/>')
        + "</w:tr><w:tr>"
        + tc(p("C"))
        + tc(p("D") + nested)
        + tc(p("hidden continuation"), "<w:vMerge/>")
        + '</w:tr><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
        + tc(p("E"))
        + "</w:tr></w:tbl>"
        + p("after")
        + f"<w:tbl><w:tr>{tc(p('second'))}</w:tr></w:tbl>"
    )
    doc = _read(tmp_path, body)
    assert _texts(doc) == ["A", "B", "C", "D", "n1", "n2", "E", "after", "second"]
    cells = [
        (b.text, b.cell.table, b.cell.row, b.cell.col, b.cell.depth) for b in doc.body if b.cell
    ]
    assert cells == [
        ("A", 0, 0, 0, 1),
        ("B", 0, 0, 2, 1),
        ("C", 0, 1, 0, 1),
        ("D", 0, 1, 1, 1),
        ("n1", 0, 1, 1, 2),
        ("n2", 0, 1, 1, 2),
        ("E", 0, 2, 1, 1),
        ("second", 1, 0, 0, 1),
    ]
    n2 = doc.body[5].cell
    assert n2 is not None and n2.path == ((0, 1, 1), (0, 0, 1))
    assert doc.body[7].cell is None
    assert doc.body[7].locator.ordinal == 8  # the skipped continuation paragraph is counted


def test_paragraph_without_runs_and_empty_body(tmp_path: Path) -> None:
    doc = _read(tmp_path, "<w:p/><w:p><w:pPr/></w:p>")
    assert [(b.index, b.text, b.runs) for b in doc.body] == [(1, "", ()), (2, "", ())]
    assert _read(tmp_path, "").blocks == ()


def test_images_are_flagged(tmp_path: Path) -> None:
    drawing = (
        "<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill>"
        '<a:blip r:embed="rId9"/></pic:blipFill></pic:pic></a:graphicData></a:graphic>'
        "</wp:inline></w:drawing></w:r>"
    )
    vml = '<w:r><w:pict><v:shape><v:imagedata r:id="rId8"/></v:shape></w:pict></w:r>'
    doc = _read(tmp_path, f"<w:p>{drawing}</w:p><w:p>{vml}</w:p>{p('teks')}")
    assert [b.has_image for b in doc.body] == [True, True, False]
    assert doc.first_page_images == 2
