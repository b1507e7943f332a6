"""Outline: judul, document type, nomor lines and the opening sentence."""

from __future__ import annotations

import datetime as dt

import pytest
from modelbuild import Item, document, pack_values, skeleton_pks

from naskah_lint.outline import segment
from naskah_lint.outline.model import Outline


def outline_of(items: list[Item]) -> Outline:
    return segment(document(items), pack_values())


def test_skeleton_title_parts() -> None:
    o = outline_of(skeleton_pks())
    assert o.document_type == "PKS"
    assert o.language == "id"
    assert o.title is not None
    assert o.title.kind_text == "PERJANJIAN KERJA SAMA"
    assert o.title.institutions == (
        "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR",
        "FAKULTAS HUKUM UNIVERSITAS CONTOH",
    )
    assert o.title.perihal == "PENDIDIKAN PEMILIH DAN KAJIAN KEPEMILUAN"
    assert o.title.blocks == (1, 2, 3, 4, 5, 6, 7)
    assert o.title.perihal_blocks == (7,)
    assert (o.title.has_antara, o.title.has_dan, o.title.has_tentang) == (True, True, True)
    assert o.title.lines[1] == "ANTARA"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("NOTA KESEPAHAMAN", "NK"),
        ("KESEPAKATAN BERSAMA", "NK"),
        ("MEMORANDUM OF UNDERSTANDING (MoU)", "NK"),
        ("PERJANJIAN KERJA SAMA", "PKS"),
        ("PERJANJIAN KERJASAMA", "PKS"),
        ("MEMORANDUM OF AGREEMENT (MoA)", "PKS"),
        ("ADENDUM PERJANJIAN KERJA SAMA", "ADDENDUM"),
        ("AMANDEMEN NOTA KESEPAHAMAN", "ADDENDUM"),
        ("NASKAH PERJANJIAN HIBAH DAERAH", "OTHER"),
        ("PERJANJIAN KERJA", "OTHER"),
        ("DOKUMEN PERJANJIAN SEWA", "OTHER"),
    ],
)
def test_document_type_from_title(title: str, kind: str) -> None:
    o = outline_of([title, "ANTARA", "A", "DAN", "B", "TENTANG", "C"])
    assert o.document_type == kind
    assert o.title is not None and o.title.kind_text == title


def test_no_title_is_other_and_null() -> None:
    o = outline_of(["Catatan rapat", "Hadir: semua peserta."])
    assert o.document_type == "OTHER"
    assert o.title is None
    assert o.nomor == ()
    assert o.opening is None


def test_three_institutions_with_trailing_commas() -> None:
    o = outline_of(
        [
            "PERJANJIAN KERJA SAMA",
            "ANTARA",
            "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN CONTOH,",
            "DINAS PENDIDIKAN KABUPATEN CONTOH,",
            "DAN",
            "UNIVERSITAS CONTOH SWASTA",
            "TENTANG",
            "PENDIDIKAN PEMILIH PEMULA",
        ]
    )
    assert o.title is not None
    assert o.title.institutions == (
        "SEKRETARIAT KOMISI PEMILIHAN UMUM KABUPATEN CONTOH",
        "DINAS PENDIDIKAN KABUPATEN CONTOH",
        "UNIVERSITAS CONTOH SWASTA",
    )


def test_title_without_antara_nomor_before_tentang() -> None:
    # sikasi-pks style: partner first, DENGAN, a two-line institution, nomor lines, TENTANG.
    o = outline_of(
        [
            "DRAFT",
            "PERJANJIAN KERJA SAMA",
            "${mitra}",
            "DENGAN",
            "FAKULTAS/ LEMBAGA ………………",
            "UNIVERSITAS SEBELAS MARET",
            "",
            "Nomor: ……/UN27……/KS/2021",
            "Nomor: ……………… /2021",
            "",
            "TENTANG",
            "……………………………",
        ]
    )
    assert o.document_type == "PKS"
    assert o.title is not None
    assert o.title.institutions == (
        "${mitra}",
        "FAKULTAS/ LEMBAGA ……………… UNIVERSITAS SEBELAS MARET",
    )
    assert o.title.has_antara is False and o.title.has_dan is True
    assert o.title.perihal == "……………………………"
    assert [n.block for n in o.nomor] == [8, 9]
    assert o.part_of(1) == "dokumen"
    assert o.part_of(2) == "judul"
    assert o.part_of(8) == "nomor"
    assert o.part_of(11) == "judul"


def test_title_in_one_paragraph_with_line_breaks() -> None:
    o = outline_of(
        ["NOTA KESEPAHAMAN\nANTARA\nKPU KOTA CONTOH\nDAN\nPT CONTOH\nTENTANG\nSOSIALISASI PEMILU"]
    )
    assert o.document_type == "NK"
    assert o.title is not None
    assert o.title.institutions == ("KPU KOTA CONTOH", "PT CONTOH")
    assert o.title.perihal == "SOSIALISASI PEMILU"
    assert o.title.blocks == (1,)
    assert len(o.title.lines) == 7


def test_nomor_values_and_placeholders() -> None:
    o = outline_of(
        [
            "NOTA KESEPAHAMAN",
            "TENTANG",
            "X",
            "NOMOR: 3/PR.07-NK/3313/2024",
            "NOMOR : ……………………",
            "Nomor: ${nomor_mitra}",
            "Number: (Company’s number)",
        ]
    )
    assert [(n.value, n.placeholder) for n in o.nomor] == [
        ("3/PR.07-NK/3313/2024", False),
        (None, True),
        ("${nomor_mitra}", True),
        ("(Company’s number)", True),
    ]
    assert o.nomor[0].text == "NOMOR: 3/PR.07-NK/3313/2024"


def test_opening_words_brackets_place() -> None:
    o = outline_of(skeleton_pks())
    op = o.opening
    assert op is not None
    assert op.block == 11
    assert op.weekday == "Senin"
    assert (op.day_text, op.month_text, op.year_text) == (
        "delapan",
        "Juli",
        "dua ribu dua puluh empat",
    )
    assert op.date == dt.date(2024, 7, 8)
    assert op.date_in_words is True
    assert op.numeric_text == "(08-07-2024)"
    assert op.numeric_date == dt.date(2024, 7, 8)
    assert op.place == "Karanganyar"
    assert op.placeholder is False


def test_opening_digits_and_wrong_weekday_kept_as_written() -> None:
    o = outline_of(
        [
            "NOTA KESEPAHAMAN",
            "Pada hari ini, Rabu tanggal 29 bulan Mei tahun 2024, kami yang bertanda tangan di "
            "bawah ini :",
        ]
    )
    op = o.opening
    assert op is not None
    assert op.weekday == "Rabu"
    assert op.date == dt.date(2024, 5, 29)
    assert op.date_in_words is False
    assert op.numeric_text is None
    assert op.place is None


def test_opening_placeholders() -> None:
    o = outline_of(
        [
            "NOTA KESEPAHAMAN",
            "Pada hari ini, ${hari} tanggal ${tanggal} bulan ${bulan} tahun ${tahun}, bertempat "
            "di ……………, kami yang bertanda tangan di bawah ini:",
        ]
    )
    op = o.opening
    assert op is not None
    assert op.placeholder is True
    assert op.weekday is None
    assert op.date is None
    assert op.day_text == "${tanggal}"
    assert op.place == "……………"


def test_english_document_is_other() -> None:
    o = outline_of(
        [
            "MEMORANDUM OF UNDERSTANDING",
            "BETWEEN",
            "COMPANY NAME",
            "AND",
            "POLITEKNIK NEGERI BALI",
            "REGARDING",
            "THREE PILLARS OF HIGHER EDUCATION",
            "Number: (Company’s number)",
            "On this day, Friday the ninth day of December in the year two thousand and "
            "twenty-two in Badung, we, the undersigned:",
            "COMPANY CHIEF NAME, acting in his capacity to represent COMPANY NAME domiciled at "
            "COMPANY LOCATION, hereinafter referred to as FIRST PARTY.",
            "ARTICLE 1",
            "OBJECTIVE",
            "THE PARTIES will assist each other in advancing cooperation under this agreement.",
        ]
    )
    assert o.language == "en"
    assert o.document_type == "OTHER"
    assert o.title is not None
    assert o.title.institutions == ("COMPANY NAME", "POLITEKNIK NEGERI BALI")
    assert o.title.perihal == "THREE PILLARS OF HIGHER EDUCATION"
    assert o.opening is not None
    assert (o.opening.weekday, o.opening.date, o.opening.place) == (
        "Friday",
        dt.date(2022, 12, 9),
        "Badung",
    )
    assert [(p.alias, p.ordinal, p.institution) for p in o.parties] == [
        ("FIRST PARTY", 1, "COMPANY NAME")
    ]
    assert [(p.number, p.title) for p in o.pasal] == [(1, "OBJECTIVE")]
