"""Document-level facts: sections and page setup, headers and footers (PAGE fields, paraf),
notes, comments with anchors and resolution, metadata, approximate pages, story order."""

from __future__ import annotations

from pathlib import Path

from docxbuild import p, r, write

from naskah_lint.model import Story
from naskah_lint.reader import read_document

PAGE_SIMPLE = f'<w:p><w:fldSimple w:instr=" PAGE \\* MERGEFORMAT ">{r("1")}</w:fldSimple></w:p>'
PAGE_COMPLEX = (
    "<w:p>"
    + r("Halaman ")
    + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    + '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    + r("2")
    + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    + r(" dari ")
    + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    + "<w:r><w:instrText>NUMPAGES</w:instrText></w:r>"
    + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    + r("9")
    + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    + "</w:p>"
)
PARAF_TABLE = (
    "<w:tbl><w:tr><w:tc>" + p("Paraf PIHAK KESATU") + "</w:tc><w:tc>" + p("") + "</w:tc>"
    "</w:tr></w:tbl>" + p("")
)


def _sect(refs: str = "", extra: str = "") -> str:
    return f"<w:sectPr>{refs}{extra}</w:sectPr>"


def test_sections_page_setup_and_header_footer_facts(tmp_path: Path) -> None:
    a4 = (
        '<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1701" w:right="1134" w:bottom="1134" w:left="1701"/>'
    )
    landscape = '<w:pgSz w:w="16838" w:h="11906" w:orient="portrait"/>'
    body = (
        p("judul")
        + p(
            "akhir bagian 1",
            ppr=_sect(
                '<w:headerReference w:type="default" r:id="h1"/>'
                '<w:footerReference w:type="default" r:id="f1"/>'
                '<w:footerReference w:type="first" r:id="f2"/><w:titlePg/>',
                a4,
            ),
        )
        + p("lampiran")
        + "<w:tbl><w:tr><w:tc>"
        + p("sel")
        + "</w:tc></w:tr></w:tbl>"
        + _sect('<w:footerReference w:type="default" r:id="f3"/>', landscape)
    )
    doc = read_document(
        write(
            tmp_path,
            "s.docx",
            body,
            headers={"h1": p("DRAFT")},
            footers={"f1": PAGE_SIMPLE, "f2": PARAF_TABLE, "f3": PAGE_COMPLEX},
        )
    )
    first, second = doc.sections
    assert (first.page_width_mm, first.page_height_mm, first.orientation) == (
        210.01,
        297.0,
        "portrait",
    )
    assert (
        first.margin_top_mm,
        first.margin_right_mm,
        first.margin_bottom_mm,
        first.margin_left_mm,
    ) == (
        30.0,
        20.0,
        20.0,
        30.0,
    )
    assert (first.first_block, first.last_block) == (1, 2)
    assert first.header_parts == ("word/header1.xml",)
    assert first.footer_parts == ("word/footer1.xml", "word/footer2.xml")
    assert (first.footer_has_page_number, first.footer_has_paraf) == (True, True)
    assert (first.header_has_page_number, first.header_has_paraf) == (False, False)
    # the second section inherits the header and the first-page footer it does not override
    assert second.orientation == "landscape"  # from the size, not w:orient
    assert second.margin_top_mm is None
    assert (second.first_block, second.last_block) == (3, 4)
    assert second.header_parts == ("word/header1.xml",)
    assert second.footer_parts == ("word/footer3.xml", "word/footer2.xml")
    assert [b.section for b in doc.body] == [0, 0, 1, 1]
    footers = doc.story(Story.FOOTER)
    assert [(b.index, b.text, b.story_part, b.has_page_field) for b in footers] == [
        (1, "1", "word/footer1.xml", True),
        (2, "Paraf PIHAK KESATU", "word/footer2.xml", False),
        (3, "", "word/footer2.xml", False),
        (4, "", "word/footer2.xml", False),
        (5, "Halaman 2 dari 9", "word/footer3.xml", True),
    ]
    assert footers[1].cell is not None and footers[1].cell.table == 0
    assert [(b.story, b.index, b.text) for b in doc.story(Story.HEADER)] == [
        (Story.HEADER, 1, "DRAFT")
    ]


def test_no_sectpr_and_no_page_size(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "g.docx", p("a") + p("b")))
    (only,) = doc.sections
    assert (only.page_width_mm, only.orientation, only.margin_left_mm) == (None, None, None)
    assert (only.first_block, only.last_block) == (1, 2)
    doc = read_document(write(tmp_path, "h.docx", p("a") + _sect(extra='<w:pgMar w:top="-1440"/>')))
    assert doc.sections[0].margin_top_mm == 25.4
    assert doc.sections[0].page_width_mm is None


def test_blocks_are_ordered_by_story_and_numbered_per_story(tmp_path: Path) -> None:
    textbox = (
        "<w:r><w:pict><v:shape><v:textbox><w:txbxContent>"
        + p("kotak")
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    body = (
        f"<w:p>{r('isi')}{textbox}</w:p>"
        + '<w:p><w:r><w:t>catatan</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
        + _sect('<w:headerReference w:type="default" r:id="h1"/>')
    )
    footnotes = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p/></w:footnote>'
        f'<w:footnote w:id="2">{p("isi catatan")}</w:footnote>'
    )
    endnotes = f'<w:endnote w:id="1">{p("akhir")}</w:endnote>'
    comments = f'<w:comment w:id="0" w:author="A" w:initials="A">{p("komentar")}</w:comment>'
    doc = read_document(
        write(
            tmp_path,
            "o.docx",
            body,
            headers={"h1": p("kepala")},
            footnotes=footnotes,
            endnotes=endnotes,
            comments=comments,
        )
    )
    assert [(b.story.value, b.index, b.text) for b in doc.blocks] == [
        ("body", 1, "isi"),
        ("body", 2, "catatan"),
        ("header", 1, "kepala"),
        ("footnote", 1, "isi catatan"),
        ("footnote", 2, "akhir"),
        ("comment", 1, "komentar"),
        ("textbox", 1, "kotak"),
    ]
    note = doc.story(Story.FOOTNOTE)[0]
    assert (note.anchor_block, note.story_part, note.locator.ordinal) == (
        2,
        "word/footnotes.xml#2",
        2,
    )
    assert doc.story(Story.TEXTBOX)[0].anchor_block == 1


def test_comments_anchor_author_date_and_resolution(tmp_path: Path) -> None:
    body = (
        p("satu")
        + '<w:commentRangeStart w:id="5"/>'  # between paragraphs: anchors on the next one
        + p("dua")
        + "<w:p>"
        + r("tiga ")
        + '<w:commentRangeStart w:id="6"/>'
        + r("empat")
        + '<w:commentRangeEnd w:id="6"/><w:r><w:commentReference w:id="6"/></w:r></w:p>'
        + '<w:p><w:r><w:commentReference w:id="7"/></w:r></w:p>'
    )
    comments = (
        '<w:comment w:id="5" w:author="Budi" w:initials="BS" w:date="2024-07-01T08:00:00Z">'
        '<w:p w14:paraId="0A0B0C0D">' + r("Periksa tanggal") + "</w:p></w:comment>"
        '<w:comment w:id="6" w:author="naskah-lint" w:initials="NL">'
        + p("baris 1")
        + '<w:p w14:paraId="11111111">'
        + r("baris 2")
        + "</w:p></w:comment>"
        '<w:comment w:id="7" w:author="Ani" w:initials="A"><w:p w14:paraId="22222222"/></w:comment>'
        '<w:comment w:id="8" w:author="Lepas" w:initials="L">' + p("tanpa jangkar") + "</w:comment>"
    )
    extended = (
        '<w15:commentEx w15:paraId="0A0B0C0D" w15:done="1"/>'
        '<w15:commentEx w15:paraId="11111111" w15:done="0"/>'
    )
    doc = read_document(
        write(tmp_path, "c.docx", body, comments=comments, comments_extended=extended)
    )
    got = [
        (c.id, c.author, c.initials, c.date, c.text, c.anchor_story, c.anchor_block, c.resolved)
        for c in doc.comments
    ]
    assert got == [
        ("5", "Budi", "BS", "2024-07-01T08:00:00Z", "Periksa tanggal", Story.BODY, 2, True),
        ("6", "naskah-lint", "NL", None, "baris 1\nbaris 2", Story.BODY, 3, False),
        ("7", "Ani", "A", None, "", Story.BODY, 4, False),
        ("8", "Lepas", "L", None, "tanpa jangkar", None, None, False),
    ]
    comment_blocks = doc.story(Story.COMMENT)
    # our own annotation (#6, author naskah-lint) is listed but gives no blocks to lint
    assert [(b.index, b.story_part, b.anchor_block) for b in comment_blocks] == [
        (1, "word/comments.xml#5", 2),
        (2, "word/comments.xml#7", 4),
        (3, "word/comments.xml#8", None),
    ]


def test_metadata_from_core_and_app(tmp_path: Path) -> None:
    doc = read_document(
        write(
            tmp_path,
            "m.docx",
            p("x"),
            core={
                "dc:title": "Perjanjian Kerja Sama",
                "dc:subject": "PKS",
                "dc:creator": "Budi",
                "cp:lastModifiedBy": "Ani",
                "dcterms:created": "2024-07-01T08:00:00Z",
                "dcterms:modified": "2024-07-02T09:00:00Z",
            },
            app={"Application": "Microsoft Office Word", "AppVersion": "16.0000", "Company": "KPU"},
        )
    )
    m = doc.metadata
    assert (m.title, m.subject, m.creator, m.last_modified_by) == (
        "Perjanjian Kerja Sama",
        "PKS",
        "Budi",
        "Ani",
    )
    assert (m.created, m.modified) == ("2024-07-01T08:00:00Z", "2024-07-02T09:00:00Z")
    assert (m.application, m.app_version, m.company) == ("Microsoft Office Word", "16.0000", "KPU")
    bare = read_document(write(tmp_path, "n.docx", p("x"))).metadata
    assert (bare.title, bare.application) == (None, None)


def test_pages_from_rendered_breaks(tmp_path: Path) -> None:
    marker = "<w:r><w:lastRenderedPageBreak/><w:t>{}</w:t></w:r>"
    body = (
        p("satu")
        + p("dua")
        + f"<w:p>{marker.format('tiga')}</w:p>"
        + f"<w:p>{r('empat ')}{marker.format('lima')}</w:p>"  # the break is mid-paragraph
        + p("enam")
        + '<w:p><w:r><w:t>tujuh</w:t><w:br w:type="page"/></w:r></w:p>'
        # Word marks the paragraph after a hard break: one page change, not two
        + f"<w:p>{marker.format('delapan')}</w:p>"
        # a row that moves to the next page has a marker in every cell: counted once
        + "<w:tbl><w:tr>"
        + f"<w:tc><w:p>{marker.format('sel 1')}</w:p></w:tc>"
        + f"<w:tc><w:p>{marker.format('sel 2')}</w:p></w:tc>"
        + "</w:tr></w:tbl>"
        + p("sembilan")
    )
    doc = read_document(write(tmp_path, "r.docx", body))
    assert [b.page for b in doc.body] == [1, 1, 2, 2, 3, 3, 4, 5, 5, 5]


def test_pages_from_explicit_breaks_and_none_without_breaks(tmp_path: Path) -> None:
    body = (
        p("satu")
        + '<w:p><w:r><w:t>dua</w:t><w:br w:type="page"/><w:t>tiga</w:t></w:r></w:p>'
        + p("empat", "<w:pageBreakBefore/>")
        + p("lima", _sect())  # a nextPage section break
        + p("enam")
    )
    doc = read_document(write(tmp_path, "e.docx", body))
    assert [b.page for b in doc.body] == [1, 1, 3, 3, 4]
    assert doc.body[1].text == "dua\ntiga"
    plain = read_document(write(tmp_path, "p.docx", p("a") + p("b")))
    assert [b.page for b in plain.body] == [None, None]


def test_first_page_images_include_first_page_header(tmp_path: Path) -> None:
    image = '<w:r><w:pict><v:shape><v:imagedata r:id="x"/></v:shape></w:pict></w:r>'
    body = (
        f"<w:p>{image}</w:p>"
        + "<w:p><w:r><w:lastRenderedPageBreak/><w:t>hal 2</w:t></w:r></w:p>"
        + f"<w:p>{image}</w:p>"
        + _sect(
            '<w:headerReference w:type="default" r:id="h1"/>'
            '<w:headerReference w:type="first" r:id="h2"/>',
            "<w:titlePg/>",
        )
    )
    doc = read_document(
        write(
            tmp_path, "i.docx", body, headers={"h1": p("biasa"), "h2": f"<w:p>{image}{image}</w:p>"}
        )
    )
    assert [b.has_image for b in doc.body] == [True, False, True]
    assert doc.first_page_images == 3


def test_page_count_fields_are_not_page_numbers(tmp_path: Path) -> None:
    numpages = f'<w:p><w:fldSimple w:instr=" NUMPAGES ">{r("9")}</w:fldSimple></w:p>'
    lower = f'<w:p><w:fldSimple w:instr=" page \\* arabic ">{r("1")}</w:fldSimple></w:p>'
    pgnum = "<w:p><w:r><w:pgNum/></w:r></w:p>"
    body = p("x") + _sect(
        '<w:footerReference w:type="default" r:id="f1"/>'
        '<w:headerReference w:type="default" r:id="h1"/>'
    )
    doc = read_document(
        write(tmp_path, "n.docx", body, footers={"f1": numpages}, headers={"h1": lower})
    )
    assert (doc.sections[0].footer_has_page_number, doc.sections[0].header_has_page_number) == (
        False,
        True,
    )
    doc = read_document(
        write(tmp_path, "g.docx", body, footers={"f1": pgnum}, headers={"h1": p("")})
    )
    assert doc.sections[0].footer_has_page_number is True
