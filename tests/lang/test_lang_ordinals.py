"""Ordinal words and party aliases (PIHAK KESATU / PIHAK PERTAMA)."""

from __future__ import annotations

import pytest

from naskah_lint.lang.ordinals import (
    ORDINALS,
    find_party_aliases,
    ordinal_value,
    ordinal_word,
    series_of,
)


def test_ordinals_table() -> None:
    assert ORDINALS["KESATU"] == 1
    assert ORDINALS["PERTAMA"] == 1
    assert ORDINALS["KEDUA"] == 2
    assert ORDINALS["KESEPULUH"] == 10
    assert ORDINALS["KESEBELAS"] == 11
    assert ORDINALS["KEDUA BELAS"] == 12
    assert ORDINALS["KEDUA PULUH"] == 20
    assert sorted(set(ORDINALS.values())) == list(range(1, 21))


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("KESATU", 1),
        ("kesatu", 1),
        ("Pertama", 1),
        ("KEDUA", 2),
        ("Ketiga", 3),
        ("KEEMPAT", 4),
        ("kelima", 5),
        ("KESEMBILAN", 9),
        ("KESEPULUH", 10),
        ("KESEBELAS", 11),
        ("KEDUA BELAS", 12),
        ("ketiga  belas", 13),
        ("KEDUA PULUH", 20),
        ("KEDUA PULUH SATU", 21),
        ("KE-2", 2),
        ("ke 2", 2),
        ("ke2", 2),
        ("KE–3", 3),
        ("KE-0", None),
        ("KE", None),
        ("PIHAK", None),
        ("KEDUAPULUH", None),
        ("SATU", None),
        ("", None),
    ],
)
def test_ordinal_value(word: str, expected: int | None) -> None:
    assert ordinal_value(word) == expected


@pytest.mark.parametrize(
    ("n", "series", "expected"),
    [
        (1, "KESATU", "KESATU"),
        (1, "PERTAMA", "PERTAMA"),
        (1, "pertama", "PERTAMA"),
        (2, "PERTAMA", "KEDUA"),
        (2, "KESATU", "KEDUA"),
        (3, "KESATU", "KETIGA"),
        (10, "KESATU", "KESEPULUH"),
        (11, "KESATU", "KESEBELAS"),
        (12, "KESATU", "KEDUA BELAS"),
        (21, "KESATU", "KEDUA PULUH SATU"),
    ],
)
def test_ordinal_word(n: int, series: str, expected: str) -> None:
    assert ordinal_word(n, series) == expected


def test_ordinal_word_default_series_and_errors() -> None:
    assert ordinal_word(1) == "KESATU"
    with pytest.raises(ValueError, match="ordinals start at 1"):
        ordinal_word(0)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("KESATU", "KESATU"),
        ("Kesatu", "KESATU"),
        ("pertama", "PERTAMA"),
        (" PERTAMA ", "PERTAMA"),
        ("KEDUA", None),
        ("SATU", None),
    ],
)
def test_series_of(word: str, expected: str | None) -> None:
    assert series_of(word) == expected


ALIASES = [
    ("selanjutnya disebut PIHAK KESATU;", [("PIHAK KESATU", (20, 32), 1, "PIHAK KESATU")]),
    ("Pihak Pertama", [("Pihak Pertama", (0, 13), 1, "PIHAK PERTAMA")]),
    ("PIHAK KE-2", [("PIHAK KE-2", (0, 10), 2, "PIHAK KEDUA")]),
    ("PIHAK  KETIGA", [("PIHAK  KETIGA", (0, 13), 3, "PIHAK KETIGA")]),
    ("PIHAK KEDUA BELAS", [("PIHAK KEDUA BELAS", (0, 17), 12, "PIHAK KEDUA BELAS")]),
    ("Pihak Kedua berhak", [("Pihak Kedua", (0, 11), 2, "PIHAK KEDUA")]),
    ("PARA PIHAK", []),
    ("masing-masing PIHAK", []),
    ("PIHAK KEDUANYA", []),
    ("kedua belah pihak", []),
    ("pihak lain", []),
    (
        "PIHAK KESATU dan PIHAK KEDUA secara bersama-sama disebut PARA PIHAK",
        [
            ("PIHAK KESATU", (0, 12), 1, "PIHAK KESATU"),
            ("PIHAK KEDUA", (17, 28), 2, "PIHAK KEDUA"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ALIASES)
def test_find_party_aliases(
    text: str, expected: list[tuple[str, tuple[int, int], int, str]]
) -> None:
    assert find_party_aliases(text) == expected
