"""Folding, name normalisation, placeholders, case and language detection."""

from __future__ import annotations

import pytest

from naskah_lint.lang.normalize import (
    PlaceholderHit,
    find_placeholders,
    fold,
    is_placeholder_only,
    is_upper,
    looks_english,
    normalize_name,
    strip_placeholders,
)

FOLD = [
    ("  Maksud &  Tujuan. ", "MAKSUD DAN TUJUAN"),
    ("Keadaan\u00a0Kahar", "KEADAAN KAHAR"),
    ("“Keadaan Kahar”", "KEADAAN KAHAR"),
    ("PIHAK’S", "PIHAK'S"),
    ("Hak dan\nKewajiban:", "HAK DAN KEWAJIBAN"),
    ("(Force Majeure)", "FORCE MAJEURE"),
    ("Jangka\u202fWaktu;", "JANGKA WAKTU"),
    ("R&D", "R DAN D"),
    ("", ""),
    ("...", ""),
]


@pytest.mark.parametrize(("text", "expected"), FOLD)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


TITLES = [
    "S.H.",
    "M.H.",
    "Dr.",
    "Dr",
    "Drs.",
    "Prof.",
    "SE",
    "MA",
    "H.",
    "Ph.D.",
    "M.Kn.",
    "S.Kom.",
]
ABBREVIATIONS = {
    "KPU": "KOMISI PEMILIHAN UMUM",
    "KAB.": "KABUPATEN",
    "KAB": "KABUPATEN",
    "PROV.": "PROVINSI",
    "RI": "REPUBLIK INDONESIA",
    "JL.": "JALAN",
}

NAMES = [
    ("Dr. NAMA DUA, M.H.", "NAMA DUA"),
    ("Dr. Nama Dua, M.H.", "NAMA DUA"),
    ("NAMA SATU, S.H.", "NAMA SATU"),
    ("Nama Satu, SH, MH", "NAMA SATU"),
    ("Nama Satu, S. H.", "NAMA SATU"),
    ("Prof. Dr. Budi Santoso, S.H., M.H., Ph.D.", "BUDI SANTOSO"),
    ("Nama S.H.", "NAMA"),
    ("H. Ahmad Se", "AHMAD SE"),  # a bare "SE" ending a name is kept
    ("Drs. Slamet", "SLAMET"),
    ("Drajat", "DRAJAT"),  # "Dr" inside a word is not a title
    ("KPU Kab. Karanganyar", "KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR"),
    ("Komisi Pemilihan Umum Kabupaten Karanganyar", "KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR"),
    ("KPU KAB KARANGANYAR", "KOMISI PEMILIHAN UMUM KABUPATEN KARANGANYAR"),
    ("Sekretariat KPU RI", "SEKRETARIAT KOMISI PEMILIHAN UMUM REPUBLIK INDONESIA"),
    ("KPU Prov. Jawa Tengah", "KOMISI PEMILIHAN UMUM PROVINSI JAWA TENGAH"),
    ("Jl. Contoh No. 1", "JALAN CONTOH NO 1"),
    ("KPUD", "KPUD"),  # no expansion inside a longer word
    ("Kabupaten/Kota", "KABUPATEN KOTA"),
    ("  Nama\u00a0Satu  ", "NAMA SATU"),
]


@pytest.mark.parametrize(("text", "expected"), NAMES)
def test_normalize_name(text: str, expected: str) -> None:
    assert normalize_name(text, TITLES, ABBREVIATIONS) == expected


def test_normalize_name_without_tables() -> None:
    assert normalize_name("Dr. Nama Dua, M.H.") == "DR NAMA DUA M H"
    assert normalize_name("KPU Kab. X", (), {}) == "KPU KAB X"


def test_normalize_name_makes_komparisi_and_signature_equal() -> None:
    komparisi = normalize_name("Dr. NAMA DUA, M.H.", TITLES, ABBREVIATIONS)
    signature = normalize_name("Dr. Nama Dua, M.H", TITLES, ABBREVIATIONS)
    assert komparisi == signature == "NAMA DUA"


PLACEHOLDERS = [
    ("${mitra}", [("${mitra}", (0, 8), "template")]),
    ("{{nama}}", [("{{nama}}", (0, 8), "template")]),
    ("{{#perjanjian}}", [("{{#perjanjian}}", (0, 15), "template")]),
    ("{{/tandatangan}}", [("{{/tandatangan}}", (0, 16), "template")]),
    ("«Nama»", [("«Nama»", (0, 6), "template")]),
    ("Nomor: ……", [("……", (7, 9), "dots")]),
    ("Nomor: .....", [(".....", (7, 12), "dots")]),
    ("Nomor: …..", [("…..", (7, 10), "dots")]),
    ("Nomor: ……/UN27……/KS/2021", [("……", (7, 9), "dots"), ("……", (14, 16), "dots")]),
    ("[…]", [("[…]", (0, 3), "bracket")]),
    ("[nama]", [("[nama]", (0, 6), "bracket")]),
    ("XXXX", [("XXXX", (0, 4), "x")]),
    ("Kota xxx", [("xxx", (5, 8), "x")]),
    ("dd-mm-yyyy", [("dd-mm-yyyy", (0, 10), "date_mask")]),
    ("00-00-0000", [("00-00-0000", (0, 10), "date_mask")]),
    ("(00-00-0000)", [("00-00-0000", (1, 11), "date_mask")]),
    ("(nama)", [("(nama)", (0, 6), "paren")]),
    ("(jabatan)", [("(jabatan)", (0, 9), "paren")]),
    ("(Nama tanpa gelar)", [("(Nama tanpa gelar)", (0, 18), "paren")]),
    ("(tanggal)", [("(tanggal)", (0, 9), "paren")]),
    ("<nama>", [("<nama>", (0, 6), "angle")]),
    ("tanggal ... bulan", [("...", (8, 11), "dots")]),
    ("Nomor: …", [("…", (7, 8), "dots")]),
    # prose, not blanks
    ("dan seterusnya...", []),
    ("dst..", []),
    ("S.H., M.H.", []),
    ("Rp1.000.000,00", []),
    ("(tanggal ditandatangani)", []),
    ("(tahun anggaran 2024)", []),
    ("[1]", []),
    ("XX", []),
    ("Lampiran XXL", []),
    ("Pasal 5", []),
]


@pytest.mark.parametrize(("text", "expected"), PLACEHOLDERS)
def test_find_placeholders(text: str, expected: list[tuple[str, tuple[int, int], str]]) -> None:
    assert find_placeholders(text) == [PlaceholderHit(*e) for e in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("……………, ……", True),
        ("(………)", True),
        ("${nama_lengkap_penandatangan}", True),
        (" ${alamat_mitra} ", True),
        ("……………., dst.", False),
        ("Nomor: ……", False),
        ("", False),
        ("   ", False),
        ("PIHAK KESATU", False),
    ],
)
def test_is_placeholder_only(text: str, expected: bool) -> None:
    assert is_placeholder_only(text) is expected


def test_strip_placeholders() -> None:
    assert strip_placeholders("NOMOR : ......../UN27/KS/${tahun}") == "NOMOR :  /UN27/KS/ "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PERJANJIAN KERJA SAMA", True),
        ("PASAL 1", True),
        ("PASAL 1.", True),
        ("NOTA KESEPAHAMAN ANTARA ${mitra}", True),
        ("DRAFT NOTA KESEPAHAMAN (Nama)", True),
        ("Pasal 1", False),
        ("Perjanjian Kerja Sama", False),
        ("123", False),
        ("", False),
        ("…………", False),
        ("TENTANG PENDIDIKAN PEMILIH DAN KAJIAN KEPEMILUAN", True),
    ],
)
def test_is_upper(text: str, expected: bool) -> None:
    assert is_upper(text) is expected


ENGLISH = (
    "This Memorandum of Understanding is made by and between the parties. The Parties shall "
    "cooperate in the field of education and this agreement shall be valid for two years."
)
INDONESIAN = (
    "Nota Kesepahaman ini dibuat oleh dan antara PARA PIHAK dengan ketentuan sebagaimana "
    "dimaksud dalam Pasal 1, yang berlaku untuk jangka waktu 2 (dua) tahun."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ENGLISH, True),
        (INDONESIAN, False),
        (ENGLISH + " " + INDONESIAN + " " + INDONESIAN, False),
        ("the and of", False),  # too little evidence
        ("", False),
    ],
)
def test_looks_english(text: str, expected: bool) -> None:
    assert looks_english(text) is expected
