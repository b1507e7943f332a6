"""Outline: komparisi (each party), the PARA PIHAK definition and the premis."""

from __future__ import annotations

import datetime as dt

from modelbuild import Item, document, pack_values, skeleton_pks, table

from naskah_lint.outline import segment
from naskah_lint.outline.model import Outline

OPENING = (
    "Pada hari ini Senin, tanggal delapan bulan Juli tahun dua ribu dua puluh empat, kami yang "
    "bertanda tangan di bawah ini:"
)


def outline_of(items: list[Item]) -> Outline:
    return segment(document(items), pack_values())


def test_sentence_form_parties() -> None:
    o = outline_of(skeleton_pks())
    first, second = o.parties
    assert (first.index, first.alias, first.alias_as_written, first.ordinal, first.series) == (
        1,
        "PIHAK KESATU",
        "PIHAK KESATU",
        1,
        "KESATU",
    )
    assert first.name == "NAMA SATU, S.H."
    assert first.jabatan == "Sekretaris Komisi Pemilihan Umum Kabupaten Karanganyar"
    assert first.institution == "Sekretariat Komisi Pemilihan Umum Kabupaten Karanganyar"
    assert first.address == "Jalan Contoh Nomor 1, Karanganyar"
    assert first.legal_basis is None
    assert first.blocks == (12,)
    assert (first.has_acting, first.has_address, first.has_alias) == (True, True, True)
    assert first.placeholder is False
    assert second.name == "Dr. NAMA DUA, M.H."
    assert second.jabatan == "Dekan Fakultas Hukum Universitas Contoh"
    assert second.legal_basis == "Keputusan Rektor Nomor 10 Tahun 2023"
    assert second.ordinal == 2 and second.series is None
    assert o.premis is not None and o.premis.para_pihak_block == 14
    assert o.part_of(12) == "komparisi" and o.part_of(14) == "komparisi"


def test_nama_jabatan_form_with_title_case_alias() -> None:
    o = outline_of(
        [
            "PERJANJIAN KERJA",
            OPENING,
            {"text": "Nama\t: H. AHMAD, S.Sos.", "label": "1."},
            "Jabatan\t: Bupati Hulu Sungai Utara",
            "Dalam hal ini bertindak untuk dan atas nama Pemerintah Kabupaten Hulu Sungai Utara, "
            "untuk selanjutnya disebut Pihak Pertama.",
            {"text": "Nama\t: BUDI", "label": "2."},
            "Alamat\t: Jalan Melati 3, Amuntai",
            "Dalam hal ini bertindak untuk dan atas nama diri sendiri, untuk selanjutnya disebut "
            "Pihak Kedua.",
        ]
    )
    assert [
        (p.alias, p.alias_as_written, p.series, p.name, p.jabatan, p.institution, p.address)
        for p in o.parties
    ] == [
        (
            "PIHAK PERTAMA",
            "Pihak Pertama",
            "PERTAMA",
            "H. AHMAD, S.Sos.",
            "Bupati Hulu Sungai Utara",
            "Pemerintah Kabupaten Hulu Sungai Utara",
            None,
        ),
        (
            "PIHAK KEDUA",
            "Pihak Kedua",
            None,
            "BUDI",
            None,
            "diri sendiri",
            "Jalan Melati 3, Amuntai",
        ),
    ]
    assert o.parties[0].blocks == (3, 4, 5)
    assert o.parties[1].has_address is True and o.parties[0].has_address is False


def test_party_table_rows() -> None:
    o = outline_of(
        [
            "NOTA KESEPAHAMAN",
            OPENING,
            *table(
                [
                    [
                        "I.",
                        "Prof. Dr. JAMAL WIWOHO, S.H., M.Hum.",
                        ":",
                        "Rektor Universitas Sebelas Maret, yang diangkat berdasarkan Surat "
                        "Keputusan Menteri Nomor 12449/M/KP/2019, dalam hal ini secara sah "
                        "bertindak untuk dan atas nama Universitas Sebelas Maret, berkedudukan di "
                        "Jalan Ir. Sutami No. 36A, Surakarta, yang selanjutnya disebut "
                        "PIHAK KESATU;",
                    ],
                    [
                        "II.",
                        "${nama_lengkap_penandatangan}",
                        ":",
                        "${jabatan_penandatangan_mitra}, dalam hal ini bertindak untuk dan atas "
                        "nama ${mitra}, berkedudukan di ${alamat_mitra}, selanjutnya disebut "
                        "PIHAK KEDUA.",
                    ],
                ]
            ),
        ]
    )
    first, second = o.parties
    assert first.name == "Prof. Dr. JAMAL WIWOHO, S.H., M.Hum."
    assert first.jabatan == "Rektor Universitas Sebelas Maret"
    assert first.legal_basis == "Surat Keputusan Menteri Nomor 12449/M/KP/2019"
    assert first.institution == "Universitas Sebelas Maret"
    assert first.address == "Jalan Ir. Sutami No. 36A, Surakarta"
    assert first.blocks == (3, 4, 5, 6)
    assert (second.name, second.jabatan, second.institution, second.address) == (
        "${nama_lengkap_penandatangan}",
        "${jabatan_penandatangan_mitra}",
        "${mitra}",
        "${alamat_mitra}",
    )
    assert second.placeholder is True and first.placeholder is False


def test_three_parties_and_collective_definition() -> None:
    o = outline_of(
        [
            "PERJANJIAN KERJA SAMA",
            OPENING,
            "1.\tRINA, S.E., Sekretaris KPU Kabupaten Contoh, dalam hal ini bertindak untuk dan "
            "atas nama Sekretariat KPU Kabupaten Contoh, berkedudukan di Jalan A, selanjutnya "
            "disebut PIHAK PERTAMA;",
            "2.\tDrs. BAMBANG, M.Pd., Kepala Dinas Pendidikan, dalam hal ini bertindak untuk dan "
            "atas nama Dinas Pendidikan, berkedudukan di Jalan B, selanjutnya disebut PIHAK "
            "KEDUA; dan",
            "3.\tProf. Dr. DEWI, M.Hum., Rektor Universitas Contoh, dalam hal ini bertindak untuk "
            "dan atas nama Universitas Contoh, berkedudukan di Jalan C, selanjutnya disebut "
            "PIHAK KETIGA.",
            "PIHAK PERTAMA, PIHAK KEDUA, dan PIHAK KETIGA secara bersama-sama disebut PARA PIHAK.",
            "Pasal 1",
            "MAKSUD DAN TUJUAN",
            "Isi.",
        ]
    )
    assert [(p.alias, p.ordinal, p.name) for p in o.parties] == [
        ("PIHAK PERTAMA", 1, "RINA, S.E."),
        ("PIHAK KEDUA", 2, "Drs. BAMBANG, M.Pd."),
        ("PIHAK KETIGA", 3, "Prof. Dr. DEWI, M.Hum."),
    ]
    assert [p.series for p in o.parties] == ["PERTAMA", None, None]
    assert o.premis is not None
    assert o.premis.para_pihak_block == 6
    assert o.premis.recitals == ()


def test_party_in_one_paragraph_after_opening() -> None:
    # PHPWord writes the opening and the parties as one paragraph with CR/LF inside.
    o = outline_of(
        [
            "NOTA KESEPAHAMAN",
            OPENING + "\nI. NAMA SATU, Kepala Dinas, selanjutnya disebut PIHAK KESATU;"
            "\nII. NAMA DUA, Direktur PT X, selanjutnya disebut PIHAK KEDUA.",
        ]
    )
    assert [(p.name, p.jabatan, p.blocks) for p in o.parties] == [
        ("NAMA SATU", "Kepala Dinas", (2,)),
        ("NAMA DUA", "Direktur PT X", (2,)),
    ]
    assert o.part_of(2) == "pembukaan"
    # no "atas nama": the institution is the body the jabatan names, if it names one
    assert [(p.institution, p.has_acting) for p in o.parties] == [(None, False), ("PT X", False)]


def test_institution_from_the_jabatan_without_acting_for() -> None:
    # UNS PKS template: "Dekan Sekolah Vokasi Universitas …, yang berkedudukan di …"
    o = outline_of(
        [
            "PERJANJIAN KERJA SAMA",
            OPENING,
            "I. Drs. SANTOSO, M.Acc., Dekan Sekolah Vokasi Universitas Sebelas Maret, yang "
            "berkedudukan di Surakarta, selanjutnya disebut PIHAK KESATU.",
            "II. NAMA DUA, ${jabatan_mitra}, yang berkedudukan di Jakarta, selanjutnya disebut "
            "PIHAK KEDUA.",
        ]
    )
    assert [(p.jabatan, p.institution, p.has_acting) for p in o.parties] == [
        (
            "Dekan Sekolah Vokasi Universitas Sebelas Maret",
            "Sekolah Vokasi Universitas Sebelas Maret",
            False,
        ),
        ("${jabatan_mitra}", None, False),
    ]


def test_premis_recitals_letters_endings_and_cited_nk() -> None:
    o = outline_of(skeleton_pks())
    p = o.premis
    assert p is not None
    assert p.intro_block == 15
    assert [(r.letter, r.label, r.block, r.starts_bahwa, r.ending) for r in p.recitals] == [
        ("a", "a.", 16, True, ";"),
        ("b", "b.", 17, True, "; dan"),
        ("c", "c.", 18, True, "."),
    ]
    assert p.recitals[0].text.startswith("bahwa PIHAK KESATU")
    assert p.cited_nk is not None
    assert p.cited_nk.nomor == "3/PR.07-NK/3313/2024"
    assert p.cited_nk.date == dt.date(2024, 3, 12)
    assert p.cited_nk.block == 18
    assert p.agreement_block == 19
    assert p.dasar_hukum_blocks == ()
    assert o.part_of(16) == "premis"


def test_premis_numbered_recitals_without_bahwa_and_dasar_hukum() -> None:
    o = outline_of(
        [
            "KESEPAKATAN BERSAMA",
            OPENING,
            "NAMA SATU, Wali Kota, selanjutnya disebut PIHAK KESATU.",
            "NAMA DUA, Ketua KPU Kota, selanjutnya disebut PIHAK KEDUA.",
            "PARA PIHAK terlebih dahulu menerangkan hal-hal sebagai berikut :",
            {"text": "PIHAK KESATU adalah pemerintah daerah;", "label": "a."},
            {"text": "PIHAK KEDUA merupakan penyelenggara Pemilu.", "label": "b."},
            "Dengan memperhatikan peraturan perundang-undangan sebagai berikut:",
            {"text": "Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum;", "label": "1."},
            {"text": "Peraturan Pemerintah Nomor 28 Tahun 2018.", "label": "2."},
            "PARA PIHAK setuju dan sepakat untuk melakukan Kesepakatan Bersama dengan ketentuan "
            "sebagai berikut:",
            "Pasal 1",
            "MAKSUD DAN TUJUAN",
        ]
    )
    p = o.premis
    assert p is not None
    assert p.intro_block == 5
    assert [(r.letter, r.starts_bahwa, r.ending) for r in p.recitals] == [
        ("a", False, ";"),
        ("b", False, "."),
    ]
    assert p.dasar_hukum_blocks == (8, 9, 10)
    assert p.agreement_block == 11
    assert p.cited_nk is None
    assert p.para_pihak_block is None


def test_no_parties_no_premis() -> None:
    o = outline_of(["NOTA KESEPAHAMAN", OPENING, "Pasal 1", "MAKSUD DAN TUJUAN", "Isi."])
    assert o.parties == ()
    assert o.premis is None


def test_acting_in_office_representing_counts_as_acting_for() -> None:
    # "bertindak dalam jabatannya tersebut mewakili X" (mitrakampus MoU) = "untuk dan atas nama X"
    o = outline_of(
        [
            "NOTA KESEPAHAMAN",
            OPENING,
            "1. Ir. LINGGA WARDHANA, M.B.A., Ketua LSP Telekomunikasi Digital Indonesia dalam hal "
            "ini bertindak dalam jabatannya tersebut mewakili LSP Telekomunikasi Digital "
            "Indonesia berkedudukan di Kota Depok selanjutnya disebut PIHAK KESATU.",
            "2. BUDI, Direktur, dalam hal ini bertindak untuk dan atas nama Politeknik Negeri "
            "Bali, berkedudukan di Badung, selanjutnya disebut PIHAK KEDUA.",
        ]
    )
    first, second = o.parties
    assert (first.has_acting, first.institution, first.address) == (
        True,
        "LSP Telekomunikasi Digital Indonesia",
        "Kota Depok",
    )
    assert (second.has_acting, second.institution) == (True, "Politeknik Negeri Bali")
