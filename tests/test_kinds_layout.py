"""Layout kinds and FMT rules on hand-built documents: title lines in capitals, centred and
without a closing full stop; the opening date in words; line spacing; page numbers; paraf
boxes; the kepala logo."""

from __future__ import annotations

import dataclasses

import kindkit
import pytest
from test_kinds_structure import blocks_of, clean_pks, replace_text, run

from naskah_lint.engine.loader import build_params
from naskah_lint.errors import ConfigError
from naskah_lint.kinds import layout
from naskah_lint.model import Block, CellPos, Document, Section, Story

LAYOUT_RULES = (
    "FMT-TITLE-CAPS",
    "FMT-TITLE-CENTER",
    "FMT-TITLE-NO-PERIOD",
    "FMT-OPENING-DATE-WORDS",
    "FMT-LINE-SPACING",
    "FMT-PAGE-NUMBER",
    "FMT-PARAF",
)


def with_sections(doc: Document, *sections: Section) -> Document:
    return dataclasses.replace(doc, sections=sections)


def section(index: int = 0, first: int = 1, last: int = 61, **flags: object) -> Section:
    """An A4 section over the clean PKS's 61 blocks unless told otherwise."""
    return kindkit.section(index, first, last, **flags)


def add_blocks(doc: Document, *blocks: Block) -> Document:
    return dataclasses.replace(doc, blocks=(*doc.blocks, *blocks))


def finished(doc: Document) -> Document:
    """The clean PKS with a page number, a paraf box and a logo, as a finished draft has."""
    doc = with_sections(doc, section(footer_has_page_number=True, footer_has_paraf=True))
    return dataclasses.replace(doc, first_page_images=2)


@pytest.mark.parametrize("rule", LAYOUT_RULES)
def test_clean_pks_passes_every_layout_rule(rule: str) -> None:
    doc, outline = clean_pks()
    assert run(finished(doc), outline, rule) == []


# --------------------------------------------------------------------------- title block


def test_title_caps_per_line_with_values() -> None:
    doc, outline = clean_pks()
    doc = replace_text(doc, 1, "Perjanjian Kerja Sama")
    doc = replace_text(doc, 2, "antara")
    found = run(doc, outline, "FMT-TITLE-CAPS")
    assert blocks_of(found) == [(1, "error"), (2, "error")]
    assert found[0].message == (
        "Baris judul 'Perjanjian Kerja Sama' tidak seluruhnya huruf kapital "
        "(Perjanjian, Kerja, Sama): tulis 'PERJANJIAN KERJA SAMA'."
    )


def test_title_caps_quotes_words_without_their_brackets() -> None:
    doc, outline = clean_pks()
    doc = replace_text(doc, 1, "MEMORANDUM OF UNDERSTANDING (MoU)")
    [found] = run(doc, outline, "FMT-TITLE-CAPS")
    assert found.message == (
        "Baris judul 'MEMORANDUM OF UNDERSTANDING (MoU)' tidak seluruhnya huruf kapital (MoU): "
        "tulis 'MEMORANDUM OF UNDERSTANDING (MOU)'."
    )


def test_title_caps_ignores_nomor_lines_template_fields_and_all_caps_format() -> None:
    doc, outline = clean_pks()
    doc = replace_text(doc, 8, "Nomor: 12/PR.07-PKS/3313/2024")  # a NOMOR line, not judged
    doc = replace_text(doc, 5, "${mitra}")
    assert run(doc, outline, "FMT-TITLE-CAPS") == []
    doc = replace_text(doc, 7, "pendidikan pemilih")
    blocks = []
    for b in doc.blocks:
        if b.story is Story.BODY and b.index == 7:
            caps = tuple(
                dataclasses.replace(r, fmt=dataclasses.replace(r.fmt, caps=True)) for r in b.runs
            )
            b = dataclasses.replace(b, runs=caps)
        blocks.append(b)
    assert run(dataclasses.replace(doc, blocks=tuple(blocks)), outline, "FMT-TITLE-CAPS") == []


def test_title_centre() -> None:
    doc, outline = clean_pks()
    doc = replace_text(doc, 3, "SEKRETARIAT KOMISI PEMILIHAN UMUM", alignment="left")
    doc = replace_text(doc, 6, "TENTANG", alignment=None)
    found = run(doc, outline, "FMT-TITLE-CENTER")
    assert blocks_of(found) == [(3, "warning"), (6, "warning")]
    assert found[0].message == (
        "Baris judul 'SEKRETARIAT KOMISI PEMILIHAN UMUM' tidak rata tengah: "
        "ratakan semua baris judul ke tengah."
    )


def test_title_not_centred_at_all_is_one_finding() -> None:
    doc, outline = clean_pks()
    for index in range(1, 8):
        doc = replace_text(doc, index, doc.blocks[index - 1].text, alignment="left")
    found = run(doc, outline, "FMT-TITLE-CENTER", lang="en")
    assert blocks_of(found) == [(1, "warning")]
    assert found[0].message == (
        "The title is not centred (7 lines, from 'PERJANJIAN KERJA SAMA'): centre every title line."
    )


def test_title_no_period_but_dotted_blanks_are_not_periods() -> None:
    doc, outline = clean_pks()
    doc = replace_text(doc, 7, "PENDIDIKAN PEMILIH.")
    doc = replace_text(doc, 5, "……………….")
    doc = replace_text(doc, 3, "KPU KABUPATEN ....")
    doc = replace_text(doc, 6, "………………………………….………………..")
    found = run(doc, outline, "FMT-TITLE-NO-PERIOD")
    assert blocks_of(found) == [(7, "warning")]
    assert found[0].message == (
        "Baris judul 'PENDIDIKAN PEMILIH.' diakhiri titik: hapus titiknya, "
        "tulis 'PENDIDIKAN PEMILIH'."
    )


def test_title_and_opening_rules_skip_other_documents() -> None:
    doc, outline = clean_pks()
    doc = replace_text(doc, 1, "Perjanjian sewa.", alignment="left")
    other = dataclasses.replace(
        outline,
        document_type="OTHER",
        opening=dataclasses.replace(outline.opening, day_text="8", date_in_words=False),
    )
    for rule in (
        "FMT-TITLE-CAPS",
        "FMT-TITLE-CENTER",
        "FMT-TITLE-NO-PERIOD",
        "FMT-OPENING-DATE-WORDS",
    ):
        assert run(doc, other, rule) == []
    assert blocks_of(run(doc, outline, "FMT-TITLE-NO-PERIOD")) == [(1, "warning")]


def test_title_rules_without_title_do_nothing() -> None:
    doc, outline = clean_pks()
    doc = replace_text(doc, 1, "perjanjian.", alignment="left")
    outline = dataclasses.replace(outline, title=None)
    for rule in ("FMT-TITLE-CAPS", "FMT-TITLE-CENTER", "FMT-TITLE-NO-PERIOD"):
        assert run(doc, outline, rule) == []


# --------------------------------------------------------------------------- opening date


def test_opening_date_in_digits_suggests_the_words() -> None:
    doc, outline = clean_pks()
    digits = dataclasses.replace(
        outline,
        opening=dataclasses.replace(
            outline.opening, day_text="8", year_text="2024", date_in_words=False
        ),
    )
    found = run(doc, digits, "FMT-OPENING-DATE-WORDS")
    assert blocks_of(found) == [(10, "error")]
    assert found[0].message == (
        "Tanggal dalam kalimat pembuka ditulis dengan angka (tanggal '8', tahun '2024'): tulis "
        "dengan huruf, 'tanggal delapan bulan Juli tahun dua ribu dua puluh empat'; angka boleh "
        "menyusul dalam kurung."
    )
    no_date = dataclasses.replace(digits, opening=dataclasses.replace(digits.opening, date=None))
    found = run(doc, no_date, "FMT-OPENING-DATE-WORDS", lang="en")
    assert found[0].message.startswith("The date in the opening sentence is in digits (tanggal '8'")


def test_opening_date_placeholders_are_not_digits() -> None:
    doc, outline = clean_pks()
    blank = dataclasses.replace(
        outline,
        opening=dataclasses.replace(outline.opening, day_text=None, month_text="……", date=None),
    )
    assert run(doc, blank, "FMT-OPENING-DATE-WORDS") == []


# --------------------------------------------------------------------------- line spacing


def test_line_spacing_one_finding_per_document() -> None:
    doc, outline = clean_pks()
    doc = replace_text(doc, 21, doc.blocks[20].text, line_spacing=2.0)
    doc = replace_text(doc, 24, doc.blocks[23].text, line_spacing=2.5)
    doc = replace_text(doc, 1, "PERJANJIAN KERJA SAMA", line_spacing=3.0)  # title: not judged
    doc = replace_text(doc, 27, doc.blocks[26].text, line_spacing=1.15)
    doc = replace_text(doc, 30, doc.blocks[29].text, line_spacing=None, line_spacing_rule="exact")
    found = run(doc, outline, "FMT-LINE-SPACING")
    assert blocks_of(found) == [(21, "info")]
    assert found[0].message.startswith(
        "Spasi baris 2 di luar 1–1,5 (2 paragraf, yang pertama di sini)"
    )


# --------------------------------------------------------------------------- page numbers


def test_page_number_needed_only_on_multi_page_drafts() -> None:
    doc, outline = clean_pks()
    # the builder's PKS is about 3,000 characters: under the one-page estimate
    assert run(doc, outline, "FMT-PAGE-NUMBER") == []
    long_doc = replace_text(doc, 54, "Kalimat panjang. " * 100)
    assert blocks_of(run(long_doc, outline, "FMT-PAGE-NUMBER")) == [(None, "info")]
    paged = dataclasses.replace(
        doc,
        blocks=tuple(dataclasses.replace(b, page=2) if b.index == 40 else b for b in doc.blocks),
    )
    assert blocks_of(run(paged, outline, "FMT-PAGE-NUMBER")) == [(None, "info")]
    numbered = with_sections(long_doc, section(header_has_page_number=True))
    assert run(numbered, outline, "FMT-PAGE-NUMBER") == []
    field = add_blocks(
        long_doc, Block(story=Story.HEADER, index=1, text="-2-", has_page_field=True)
    )
    assert run(field, outline, "FMT-PAGE-NUMBER") == []


# --------------------------------------------------------------------------- paraf


def test_paraf_box_per_section() -> None:
    doc, outline = clean_pks()
    assert blocks_of(run(doc, outline, "FMT-PARAF")) == [(None, "info")]
    two = with_sections(doc, section(0, 1, 30, footer_has_paraf=True), section(1, 31, 61))
    found = run(two, outline, "FMT-PARAF")
    assert blocks_of(found) == [(31, "info")]
    assert found[0].message.startswith("Bagian ke-2 naskah tidak mempunyai kotak paraf")
    by_text = add_blocks(
        with_sections(doc, section(footer_parts=("word/footer1.xml",))),
        Block(
            story=Story.FOOTER, index=1, text="Paraf PIHAK KESATU", story_part="word/footer1.xml"
        ),
    )
    assert run(by_text, outline, "FMT-PARAF") == []


def test_paraf_table_naming_the_parties_counts_without_the_word_paraf() -> None:
    doc, outline = clean_pks()
    footer = "word/footer1.xml"
    sectioned = with_sections(doc, section(footer_parts=(footer,)))

    def cell(index: int, text: str, row: int, col: int, table: int = 0) -> Block:
        return Block(
            story=Story.FOOTER,
            index=index,
            text=text,
            story_part=footer,
            cell=CellPos(table, row, col),
        )

    # the mitraku footer: PIHAK KESATU | PIHAK KEDUA over two empty cells for the initials
    table = add_blocks(
        sectioned,
        cell(1, "PIHAK KESATU", 0, 0),
        cell(2, "PIHAK KEDUA", 0, 1),
        cell(3, "", 1, 0),
        cell(4, "", 1, 1),
    )
    assert run(table, outline, "FMT-PARAF") == []
    # one party cell, or the parties named in a footer paragraph, is no paraf box
    one = add_blocks(sectioned, cell(1, "PIHAK KESATU", 0, 0), cell(2, "Halaman 1", 0, 1))
    assert blocks_of(run(one, outline, "FMT-PARAF")) == [(None, "info")]
    prose = add_blocks(
        sectioned,
        Block(story=Story.FOOTER, index=1, text="PIHAK KESATU", story_part=footer),
        Block(story=Story.FOOTER, index=2, text="PIHAK KEDUA", story_part=footer),
    )
    assert blocks_of(run(prose, outline, "FMT-PARAF")) == [(None, "info")]


# --------------------------------------------------------------------------- logo


def test_logo_image_textbox_or_template_field() -> None:
    doc, outline = clean_pks()
    assert blocks_of(run(doc, outline, "STRUCT-LOGO")) == [(None, "info")]
    assert run(dataclasses.replace(doc, first_page_images=1), outline, "STRUCT-LOGO") == []
    field = add_blocks(doc, Block(story=Story.TEXTBOX, index=1, text="${logo}", anchor_block=1))
    assert run(field, outline, "STRUCT-LOGO") == []
    late = add_blocks(doc, Block(story=Story.TEXTBOX, index=1, text="Logo", anchor_block=40))
    assert blocks_of(run(late, outline, "STRUCT-LOGO")) == [(None, "info")]


# --------------------------------------------------------------------------- params


def test_layout_params_validated() -> None:
    with pytest.raises(ConfigError, match="check"):
        build_params(layout.TitleFormatParams, {"check": "bold"}, "r.params")
    with pytest.raises(ConfigError, match="minimum"):
        build_params(layout.LineSpacingParams, {"minimum": 2.0, "maximum": 1.0}, "r.params")
