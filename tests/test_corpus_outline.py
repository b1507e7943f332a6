"""The outline of every real agreement in ../shared/corpus/agreements, checked against facts
read by hand from each file (document type, parties, pasal numbers and titles, signature blocks;
None where the part is truly absent). Skipped when the corpus is not beside the checkout."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
from modelbuild import pack_values

from naskah_lint.model import Story
from naskah_lint.outline import segment
from naskah_lint.outline.model import Outline
from naskah_lint.reader import read_document

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "agreements"

UNS_NK_PASAL = (
    (1, "KETENTUAN UMUM"),
    (2, "MAKSUD DAN TUJUAN"),
    (3, "RUANG LINGKUP"),
    (4, "PELAKSANAAN"),
    (5, "PEMBIAYAAN"),
    (6, "JANGKA WAKTU"),
    (7, "KORESPONDENSI"),
    (8, "LAIN-LAIN"),
    (9, "PENUTUP"),
)
UNS_PERIHAL = (
    "PENYELENGGARAAN TRI DHARMA PERGURUAN TINGGI DAN PENYELENGGARAAN "
    "MERDEKA BELAJAR – KAMPUS MERDEKA"
)
UNS_PKS_PERIHAL = "……………………………………………………. ………………………………….……………….."
UNS_PKS_PASAL = (
    (1, "UMUM"),
    (2, "MAKSUD DAN TUJUAN"),
    (3, "LOKASI KEGIATAN"),
    (4, "RUANG LINGKUP"),
    (5, "HAK DAN KEWAJIBAN"),
    (6, "PEMBIAYAAN"),
    (7, "KEWAJIBAN INSTITUTIONAL FEE"),
    (8, "JANGKA WAKTU"),
    (9, "KORESPONDENSI"),
    (10, "PENYELESAIAN PERSELISIHAN"),
    (11, "PENUTUP"),
)


@dataclass(frozen=True)
class Facts:
    document_type: str
    language: str
    parties: tuple[str, ...]  # aliases in komparisi order
    pasal: tuple[tuple[int, str], ...]
    signatures: tuple[str | None, ...]  # labels in reading order
    nomor: int
    opening_date: dt.date | None = None
    perihal: str | None = None
    institutions: tuple[str, ...] = ()
    witnesses: int = 0
    rangkap: int | None = 2
    extra: dict[str, object] = field(default_factory=dict)


FACTS: dict[str, Facts] = {
    # MoU template, Indonesian body: "PASAL 1\nMAKSUD DAN TUJUAN" in one paragraph, parties as
    # "1. Nama : ... (Selanjutnya disebut PIHAK PERTAMA)", "dalam dua rangkap" (words only),
    # signatures as one tab-separated paragraph; no ANTARA/TENTANG in the title.
    "agris-template_mou.docx": Facts(
        "NK",
        "id",
        ("PIHAK PERTAMA", "PIHAK KEDUA"),
        (
            (1, "MAKSUD DAN TUJUAN"),
            (2, "RUANG LINGKUP"),
            (3, "HAK DAN KEWAJIBAN"),
            (4, "JANGKA WAKTU"),
            (5, "PENUTUP"),
        ),
        ("PIHAK PERTAMA", "PIHAK KEDUA"),
        nomor=1,
    ),
    # Rental form: no PIHAK, no Pasal, no opening or closing; the signers sit in text boxes.
    "bumdes-dokumen_perjanjian_sewa.docx": Facts(
        "OTHER", "id", (), (), (None, None), nomor=0, rangkap=None
    ),
    # English MoU: OTHER/en, ARTICLE headings, FIRST/SECOND PARTY.
    "mitrakampus-Template_MOU_-_Bahasa_Inggris.docx": Facts(
        "OTHER",
        "en",
        ("FIRST PARTY", "SECOND PARTY"),
        (
            (1, "OBJECTIVE"),
            (2, "SCOPE"),
            (3, "IMPLEMENTATION"),
            (4, "TIME PERIOD"),
            (5, "CLOSING"),
        ),
        ("FIRST PARTY", "SECOND PARTY"),
        nomor=2,
        opening_date=dt.date(2022, 12, 9),
        perihal="THREE PILLARS OF HIGER EDUCATION",
        institutions=("COMPANY NAME", "POLITEKNIK NEGERI BALI"),
    ),
    # Pemda KESEPAKATAN BERSAMA: 7 typed pasal, mirrored signature table (PIHAK KEDUA left).
    "mitraku-Template_MOU.docx": Facts(
        "NK",
        "id",
        ("PIHAK KESATU", "PIHAK KEDUA"),
        (
            (1, "MAKSUD DAN TUJUAN"),
            (2, "OBJEK"),
            (3, "RUANG LINGKUP"),
            (4, "PELAKSANAAN"),
            (5, "JANGKA WAKTU"),
            (6, "KORESPONDENSI"),
            (7, "PENYELESAIAN PERSELISIHAN"),
        ),
        ("PIHAK KEDUA", "PIHAK KESATU"),
        nomor=2,
        perihal="…………………………………………………………..",
        institutions=(".................................", "PEMERINTAH DAERAH KOTA GORONTALO"),
    ),
    # Employment contract (Perjanjian Kerja PPPK): OTHER, "Pihak Kesatu" in title case.
    "pppk-Template_Perjanjian_Kerja_PPPK_A4.docx": Facts(
        "OTHER",
        "id",
        ("PIHAK KESATU", "PIHAK KEDUA"),
        (
            (1, "Masa Perjanjian Kerja, Jabatan, dan Unit Kerja"),
            (2, "Tugas Pekerjaan"),
            (3, "Target Kinerja"),
            (4, "Hari Kerja dan Jam Kerja"),
            (5, "Disiplin"),
            (6, "Gaji dan Tunjangan"),
            (7, "Cuti"),
            (8, "Pengembangan Kompetensi"),
            (9, "Penghargaan"),
            (10, "Perlindungan"),
            (11, "Pemutusan Hubungan Perjanjian Kerja"),
            (12, "Penyelesaian Perselisihan"),
            (13, "Lain-lain"),
        ),
        ("PIHAK KESATU", "PIHAK KEDUA"),
        nomor=1,
    ),
    # Named "Addendum PKS" but the content is an NK draft UNS x PT Shopee.
    "sikasi-Addendum_PKSPT_SHOPEE_Tahun_2024.docx": Facts(
        "NK",
        "id",
        ("PIHAK KESATU", "PIHAK KEDUA"),
        UNS_NK_PASAL,
        ("PIHAK KESATU", "PIHAK KEDUA"),
        nomor=2,
        opening_date=dt.date(2024, 5, 29),
        perihal=UNS_PERIHAL,
        institutions=("UNIVERSITAS SEBELAS MARET", "PT SHOPEE"),
    ),
    # PHPWord output: paragraph per line, party rows "I. NAME" | ": details".
    "sikasi-MOU2022.docx": Facts(
        "NK",
        "id",
        ("PIHAK KESATU", "PIHAK KEDUA"),
        (*UNS_NK_PASAL[:7], (8, "LAIN - LAIN"), (9, "PENUTUP")),
        ("PIHAK KESATU", "PIHAK KEDUA"),
        nomor=2,
        perihal=UNS_PERIHAL,
        institutions=("UNIVERSITAS SEBELAS MARET", "BCA"),
    ),
    "sikasi-MOU_PT._ARINDO_JAYA_MANDIRI_Tahun_2022.docx": Facts(
        "NK",
        "id",
        ("PIHAK KESATU", "PIHAK KEDUA"),
        UNS_NK_PASAL,
        ("PIHAK KESATU", "PIHAK KEDUA"),
        nomor=2,
        opening_date=dt.date(2022, 7, 19),
        perihal=UNS_PERIHAL,
        institutions=("UNIVERSITAS SEBELAS MARET", "PT. ARINDO JAYA MANDIRI"),
    ),
    # Half-filled PKS: dotted perihal, a "Mengetahui" witness row under the signatures: the
    # Wakil Rektor on the left and the partner's leader on the right are both witnesses.
    "sikasi-PKS_Jagakarsa_Tahun_2022.docx": Facts(
        "PKS",
        "id",
        ("PIHAK KESATU", "PIHAK KEDUA"),
        UNS_PKS_PASAL,
        ("PIHAK KESATU", "PIHAK KEDUA"),
        nomor=2,
        opening_date=dt.date(2022, 7, 22),
        perihal=UNS_PKS_PERIHAL,
        institutions=("Jagakarsa", "SEKOLAH VOKASI UNIVERSITAS SEBELAS MARET"),
        witnesses=2,
    ),
    "sikasi-mou.docx": Facts(
        "NK",
        "id",
        ("PIHAK KESATU", "PIHAK KEDUA"),
        UNS_NK_PASAL,
        ("PIHAK KESATU", "PIHAK KEDUA"),
        nomor=2,
        perihal=UNS_PERIHAL,
        institutions=("UNIVERSITAS SEBELAS MARET", "${mitra}"),
    ),
    "sikasi-pks.docx": Facts(
        "PKS",
        "id",
        ("PIHAK KESATU", "PIHAK KEDUA"),
        UNS_PKS_PASAL,
        ("PIHAK KESATU", "PIHAK KEDUA"),
        nomor=2,
        perihal=UNS_PKS_PERIHAL,
        institutions=("${mitra}", "FAKULTAS/ LEMBAGA ……………………………… UNIVERSITAS SEBELAS MARET"),
        witnesses=2,
    ),
}


@cache
def outline(name: str) -> Outline:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"corpus file {name} not available")
    return segment(read_document(path), pack_values())


@pytest.mark.parametrize("name", sorted(FACTS))
def test_corpus_outline_facts(name: str) -> None:
    facts = FACTS[name]
    o = outline(name)
    assert o.document_type == facts.document_type
    assert o.language == facts.language
    assert tuple(p.alias for p in o.parties) == facts.parties
    assert tuple((p.number, p.title) for p in o.pasal) == facts.pasal
    assert tuple(s.label for s in o.signatures) == facts.signatures
    assert len(o.nomor) == facts.nomor
    assert len(o.witnesses) == facts.witnesses
    if facts.opening_date is not None:
        assert o.opening is not None and o.opening.date == facts.opening_date
    if o.title is not None:
        assert o.title.perihal == facts.perihal
        assert o.title.institutions == facts.institutions
    closing = o.closing
    if facts.rangkap is None:
        assert closing is None
    else:
        assert closing is not None
        assert (closing.rangkap_digits or closing.rangkap_words) == facts.rangkap


def test_corpus_file_list_is_covered() -> None:
    if not CORPUS.exists():
        pytest.skip("corpus not available")
    assert sorted(p.name for p in CORPUS.glob("*.docx")) == sorted(FACTS)


def test_sikasi_pks_template_details() -> None:
    o = outline("sikasi-pks.docx")
    assert [n.text for n in o.nomor] == ["Nomor: ……/UN27……/KS/2021", "Nomor: ……………………… /2021"]
    assert all(n.placeholder for n in o.nomor)
    assert o.opening is not None and o.opening.placeholder and o.opening.date is None
    assert o.parties[1].institution == "${mitra}"
    # no "bertindak untuk dan atas nama": the Dekan acts for the body the jabatan names
    assert o.parties[0].jabatan == "Dekan Sekolah Vokasi Universitas Sebelas Maret"
    assert o.parties[0].institution == "Sekolah Vokasi Universitas Sebelas Maret"
    assert not o.parties[0].has_acting  # still missing for STRUCT-KOMPARISI
    assert any(p.text == "${mitra}" for p in o.placeholders)
    # Pasal 1 "UMUM" holds general provisions: Ketentuan Umum (spec §3)
    assert [p.clause for p in o.pasal][:2] == ["ketentuan-umum", "maksud-tujuan"]
    assert o.pasal[9].clause == "penyelesaian-perselisihan"
    assert o.closing is not None and o.closing.meterai


def test_sikasi_pks_witness_row_is_apart_from_the_signatures() -> None:
    # signature table: row 1 PIHAK KESATU (140-144) | PIHAK KEDUA (145-149); row 2 opens with
    # "Mengetahui" (150-155, the Wakil Rektor), so its right cell (156-163) is a witness too
    o = outline("sikasi-pks.docx")
    assert [(s.label, s.blocks) for s in o.signatures] == [
        ("PIHAK KESATU", (140, 144)),
        ("PIHAK KEDUA", (145, 149)),
    ]
    assert [(s.label, s.blocks, s.name) for s in o.witnesses] == [
        ("MENGETAHUI", (150, 151, 152, 155), "Prof. Dr. rer.nat. Sajidan, M.Si."),
        ("MENGETAHUI", (157, 158, 163), "${nama_lengkap_penandatangan}"),
    ]
    assert [o.part_of(b) for b in (140, 149, 150, 163)] == ["tanda-tangan"] * 4


def test_bumdes_text_box_signers_and_absent_parts() -> None:
    o = outline("bumdes-dokumen_perjanjian_sewa.docx")
    assert [(s.name, s.jabatan, s.story) for s in o.signatures] == [
        ("Maulana I.T Rakha", "Direktur BUMDES", Story.TEXTBOX),
        ("Abdullah Rofiq", "Kepala Desa", Story.TEXTBOX),
    ]
    assert (o.opening, o.premis, o.closing, o.lampiran) == (None, None, None, None)
    assert o.title is not None and o.title.kind_text == "DOKUMEN PERJANJIAN SEWA"


def test_pppk_title_case_aliases_and_tab_signatures() -> None:
    o = outline("pppk-Template_Perjanjian_Kerja_PPPK_A4.docx")
    assert [p.alias_as_written for p in o.parties] == ["Pihak Kesatu", "Pihak Kedua"]
    assert [s.name for s in o.signatures] == ["{{NAMA_BUPATI}}", "{{NAMA_PEGAWAI}}"]
    assert o.title is not None and o.title.kind_text == "PERJANJIAN KERJA"
    assert o.pasal[10].clause == "pengakhiran"


def test_mitraku_opening_and_mirrored_signatures() -> None:
    o = outline("mitraku-Template_MOU.docx")
    assert o.opening is not None
    assert o.opening.numeric_text == "(00-00-0000)" and o.opening.numeric_date is None
    assert [(s.label, s.name) for s in o.signatures] == [
        ("PIHAK KEDUA", "ADHAN DAMBEA"),
        ("PIHAK KESATU", "…………………………….."),
    ]
    assert o.parties[1].name == "ADHAN DAMBEA"
    assert o.parties[1].jabatan == "Wali Kota Gorontalo"


def test_shopee_addendum_named_file_is_nk() -> None:
    o = outline("sikasi-Addendum_PKSPT_SHOPEE_Tahun_2024.docx")
    assert o.title is not None and o.title.kind_text == "NOTA KESEPAHAMAN"
    assert o.opening is not None and o.opening.weekday == "Rabu"
    assert [(s.name, s.jabatan) for s in o.signatures] == [
        ("Prof. Dr. JAMAL WIWOHO, S.H., M.Hum.", "REKTOR UNIVERSITAS SEBELAS MARET"),
        ("Danu diraja", "Direktur Utama"),
    ]


def test_english_mou_parties() -> None:
    o = outline("mitrakampus-Template_MOU_-_Bahasa_Inggris.docx")
    assert [(p.name, p.institution) for p in o.parties] == [
        ("COMPANY CHIEF NAME", "COMPANY NAME"),
        ("I NYOMAN ABDI, S.E., M.eCom.", "the Bali State Polytechnic"),
    ]
    # the English headings map to the canonical clauses through the pack's English synonyms
    assert [p.clause for p in o.pasal] == [
        "maksud-tujuan",
        "ruang-lingkup",
        "pelaksanaan",
        "jangka-waktu",
        "penutup",
    ]


def test_english_mou_opening_date_and_place() -> None:
    o = outline("mitrakampus-Template_MOU_-_Bahasa_Inggris.docx")
    assert o.opening is not None
    # "Friday the ninth day of December in the year two thousand and twenty-two in Badung"
    assert (o.opening.weekday, o.opening.date, o.opening.place) == (
        "Friday",
        dt.date(2022, 12, 9),
        "Badung",
    )


def test_phpword_opening_keeps_an_unbracketed_numeric_date() -> None:
    o = outline("sikasi-MOU2022.docx")
    assert o.opening is not None
    # "tahun ................, 22-07-2022 kami": the words are blank, the digits are not
    assert (o.opening.date, o.opening.numeric_text, o.opening.numeric_date) == (
        None,
        "22-07-2022",
        dt.date(2022, 7, 22),
    )


def test_rental_form_body_is_not_part_of_the_title() -> None:
    o = outline("bumdes-dokumen_perjanjian_sewa.docx")
    assert [o.part_of(b) for b in (3, 4, 5, 28, 52, 53)] == [
        "judul",
        "judul",
        "dokumen",
        "dokumen",
        "dokumen",
        "tanda-tangan",
    ]


def test_template_control_tags_are_not_placeholders() -> None:
    o = outline("pppk-Template_Perjanjian_Kerja_PPPK_A4.docx")
    texts = {p.text for p in o.placeholders}
    assert "{{NAMA_BUPATI}}" in texts
    assert not {"{{#perjanjian}}", "{{/perjanjian}}", "{{#tandatangan}}"} & texts


def test_uns_pks_payment_list_levels() -> None:
    o = outline("sikasi-PKS_Jagakarsa_Tahun_2022.docx")
    pasal6 = o.pasal[5]
    assert [(i.label, i.level) for i in pasal6.lists] == [
        ("1.", 1),
        ("2.", 1),
        ("3.", 1),
        ("a.", 2),
        ("1)", 3),
        ("2)", 3),
        ("a.", 2),  # the slip "a." for "b." that CONS-LIST-SEQUENCE reports
    ]


OTHER = CORPUS.parent / "other"


def test_indonesian_mou_misnamed_doc() -> None:
    path = OTHER / "mitrakampus-Template_MOU_-_Bahasa_Indonesia.doc"
    if not path.exists():
        pytest.skip("corpus file not available")
    o = segment(read_document(path), pack_values())
    assert (o.document_type, o.language) == ("NK", "id")
    assert o.title is not None and o.title.institutions == (
        "LEMBAGA SERTIFIKASI PROFESI TELEKOMUNIKASI DIGITAL INDONESIA",
        "POLITEKNIK NEGERI BALI",
    )
    assert o.title.perihal == "TRI DHARMA PERGURUAN TINGGI"
    assert [n.text for n in o.nomor] == [
        "Nomor : 002/MOU/LSPTDI/V/2023",
        "Nomor : (Nomor dari PNB)",
    ]
    assert o.opening is not None
    assert (o.opening.weekday, o.opening.date, o.opening.date_in_words) == (
        "Selasa",
        dt.date(2023, 5, 16),
        True,
    )
    assert [(p.alias, p.institution) for p in o.parties] == [
        ("PIHAK KESATU", "LSP Telekomunikasi Digital Indonesia"),
        ("PIHAK KEDUA", "Politeknik Negeri Bali"),
    ]
    assert [(p.number, p.title, p.clause) for p in o.pasal] == [
        (1, "TUJUAN", "maksud-tujuan"),
        (2, "RUANG LINGKUP", "ruang-lingkup"),
        (3, "PELAKSANAAN", "pelaksanaan"),
        (4, "JANGKA WAKTU", "jangka-waktu"),
        (5, "PENUTUP", "penutup"),
    ]
    assert o.premis is not None and o.premis.recitals == ()
    assert o.closing is not None and (o.closing.rangkap_digits, o.closing.meterai) == (2, True)
    assert [(s.label, s.name) for s in o.signatures] == [
        ("PIHAK KESATU", "Ir.LINGGA WARDHANA ST., IPM., MBA"),
        ("PIHAK KEDUA", "I NYOMAN ABDI, S.E.,M.eCom."),
    ]
