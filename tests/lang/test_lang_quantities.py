"""Quantities "N (words) unit", bare quantities, and the duration and dates of a term."""

from __future__ import annotations

from datetime import date

import pytest

from naskah_lint.lang.quantities import (
    DEFAULT_UNITS,
    Duration,
    NumberWithWords,
    find_bare_quantities,
    find_duration,
    find_end_date,
    find_number_with_words,
    find_start_date,
)

WITH_WORDS = [
    ("12 (dua belas) bulan", [("12 (dua belas) bulan", (0, 20), 12, "dua belas", 12, "bulan")]),
    ("dalam rangkap 2 (dua), masing", [("rangkap 2 (dua)", (6, 21), 2, "dua", 2, "rangkap")]),
    ("rangkap 1 (dua)", [("rangkap 1 (dua)", (0, 15), 1, "dua", 2, "rangkap")]),
    ("1 (dua)", [("1 (dua)", (0, 7), 1, "dua", 2, None)]),
    (
        "14 (empat belas) hari kalender",
        [
            ("14 (empat belas) hari kalender", (0, 30), 14, "empat belas", 14, "hari kalender"),
        ],
    ),
    ("7 (tujuh) hari kerja", [("7 (tujuh) hari kerja", (0, 20), 7, "tujuh", 7, "hari kerja")]),
    ("3 (Tiga)  Bulan", [("3 (Tiga)  Bulan", (0, 15), 3, "Tiga", 3, "bulan")]),
    ("1.000 (seribu) orang", [("1.000 (seribu) orang", (0, 20), 1000, "seribu", 1000, "orang")]),
    (
        "30 (tiga puluh) hari sejak",
        [
            ("30 (tiga puluh) hari", (0, 20), 30, "tiga puluh", 30, "hari"),
        ],
    ),
    (
        "24 ( dua  puluh empat ) bulan",
        [
            ("24 ( dua  puluh empat ) bulan", (0, 29), 24, "dua puluh empat", 24, "bulan"),
        ],
    ),
    ("2 (dua belass) tahun", [("2 (dua belass) tahun", (0, 20), 2, "dua belass", None, "tahun")]),
    ("5 (lima)", [("5 (lima)", (0, 8), 5, "lima", 5, None)]),
    ("1 (jabatan)", []),
    ("Pasal 1 (Ketentuan Umum)", []),
    ("Rp10.000 (sepuluh ribu rupiah)", []),
    ("Rp 5 (lima ribu)", []),
    ("ayat (1) dan (2)", []),
    ("…. (……….) tahun", []),
    (
        "paling lambat 3 (tiga) bulan dan 7 (tujuh) hari",
        [
            ("3 (tiga) bulan", (14, 28), 3, "tiga", 3, "bulan"),
            ("7 (tujuh) hari", (33, 47), 7, "tujuh", 7, "hari"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), WITH_WORDS)
def test_find_number_with_words(
    text: str, expected: list[tuple[str, tuple[int, int], int, str, int | None, str | None]]
) -> None:
    assert find_number_with_words(text) == [NumberWithWords(*e) for e in expected]


BARE = [
    ("berlaku 3 bulan", [("3 bulan", (8, 15), 3, "bulan")]),
    ("dalam 14 hari kalender", [("14 hari kalender", (6, 22), 14, "hari kalender")]),
    ("dibuat 2 rangkap", [("2 rangkap", (7, 16), 2, "rangkap")]),
    ("dalam rangkap 2, masing-masing", [("rangkap 2", (6, 15), 2, "rangkap")]),
    ("kontrak sewa 1 tahun dengan", [("1 tahun", (13, 20), 1, "tahun")]),
    ("selama 2 Tahun", [("2 Tahun", (7, 14), 2, "tahun")]),
    ("7 x 24 jam", [("24 jam", (4, 10), 24, "jam")]),
    ("3 (tiga) bulan", []),
    ("rangkap 2 (dua)", []),
    ("Pasal 3 hari", []),
    ("sebagaimana dimaksud ayat 2 bulan", []),
    ("Undang-Undang Nomor 7 Tahun 2017", []),
    ("UU 7 Tahun 2017 tentang Pemilihan Umum", []),
    ("Peraturan KPU No. 8 Tahun 2021", []),
    ("tanggal 3 bulan Juli", []),
    ("tanggal 3 bulan", []),
    ("pada 8 Juli 2024", []),
    ("Rp10.000 orang", []),
    ("nomor 12/PR.07 hari", []),
    ("1,5 tahun", []),
    ("hari ke-3 bulan", []),
]


@pytest.mark.parametrize(("text", "expected"), BARE)
def test_find_bare_quantities(
    text: str, expected: list[tuple[str, tuple[int, int], int, str]]
) -> None:
    assert find_bare_quantities(text) == expected


def test_find_bare_quantities_custom_units() -> None:
    text = "3 bulan dan 5 paket"
    assert find_bare_quantities(text, units=("paket",)) == [("5 paket", (12, 19), 5, "paket")]
    assert find_bare_quantities(text, units=()) == []
    assert "hari kalender" in DEFAULT_UNITS


DURATIONS = [
    ("berlaku 1 (satu) tahun sejak", Duration(1, 0, 0, "berlaku 1 (satu) tahun")),
    ("jangka waktu 2 (dua) tahun", Duration(2, 0, 0, "jangka waktu 2 (dua) tahun")),
    ("selama 6 (enam) bulan", Duration(0, 6, 0, "selama 6 (enam) bulan")),
    (
        "berlaku selama 24 (dua puluh empat) bulan",
        Duration(0, 24, 0, "berlaku selama 24 (dua puluh empat) bulan"),
    ),
    ("berlaku selama dua tahun", Duration(2, 0, 0, "berlaku selama dua tahun")),
    (
        "Perjanjian ini berlaku selama 1 (satu) tahun 6 (enam) bulan",
        Duration(1, 6, 0, "berlaku selama 1 (satu) tahun 6 (enam) bulan"),
    ),
    (
        "untuk jangka waktu 14 (empat belas) hari kerja",
        Duration(0, 0, 14, "jangka waktu 14 (empat belas) hari kerja"),
    ),
    (
        "berlaku untuk jangka waktu 5 (lima) tahun",
        Duration(5, 0, 0, "berlaku untuk jangka waktu 5 (lima) tahun"),
    ),
    ("Masa berlaku: 3 (tiga) tahun", Duration(3, 0, 0, "Masa berlaku: 3 (tiga) tahun")),
    ("berlaku 2 (dua) minggu", Duration(0, 0, 14, "berlaku 2 (dua) minggu")),
    ("Berlaku 6 (tujuh) bulan", Duration(0, 6, 0, "Berlaku 6 (tujuh) bulan")),  # digits win
    (
        # the first term is the validity, not the notice period after it
        "berlaku selama 5 (lima) tahun; pemberitahuan paling lambat 3 (tiga) bulan",
        Duration(5, 0, 0, "berlaku selama 5 (lima) tahun"),
    ),
    ("berlaku untuk jangka waktu ........... (............) tahun sejak", None),
    ("berlaku sejak ditandatangani", None),
    ("Pasal 6 JANGKA WAKTU", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), DURATIONS)
def test_find_duration(text: str, expected: Duration | None) -> None:
    assert find_duration(text) == expected


ENDS = [
    ("sampai dengan 7 Juli 2025", date(2025, 7, 7)),
    ("s.d. tanggal 31 Desember 2025", date(2025, 12, 31)),
    ("s.d tanggal 31 Desember 2025", date(2025, 12, 31)),
    ("s/d 31-12-2025", date(2025, 12, 31)),
    ("hingga 7 Juli 2025", date(2025, 7, 7)),
    ("berakhir pada tanggal 7 Juli 2025.", date(2025, 7, 7)),
    (
        "berlaku 1 (satu) tahun sejak tanggal ditandatangani sampai dengan 7 Juli 2025.",
        date(2025, 7, 7),
    ),
    ("terhitung sejak 8 Juli 2024 sampai dengan 7 Juli 2025", date(2025, 7, 7)),
    ("sampai dengan tanggal ditandatangani", None),
    ("sejak 8 Juli 2024", None),
    ("hingga berakhirnya perjanjian", None),
]


@pytest.mark.parametrize(("text", "expected"), ENDS)
def test_find_end_date(text: str, expected: date | None) -> None:
    assert find_end_date(text) == expected


STARTS: list[tuple[str, date | str | None]] = [
    ("berlaku 1 (satu) tahun sejak tanggal ditandatangani sampai dengan 7 Juli 2025", "signing"),
    ("berlaku sejak ditandatangani", "signing"),
    ("terhitung sejak tanggal ditandatanganinya", "signing"),
    ("mulai berlaku sejak ditandatangani oleh PARA PIHAK", "signing"),
    ("terhitung sejak tanggal 8 Juli 2024 sampai dengan 7 Juli 2025", date(2024, 7, 8)),
    ("mulai berlaku pada tanggal 1 Januari 2025", date(2025, 1, 1)),
    ("sejak 12-03-2024", date(2024, 3, 12)),
    ("berlaku 1 tahun", None),
    ("sampai dengan 7 Juli 2025", None),
]


@pytest.mark.parametrize(("text", "expected"), STARTS)
def test_find_start_date(text: str, expected: date | str | None) -> None:
    assert find_start_date(text) == expected
