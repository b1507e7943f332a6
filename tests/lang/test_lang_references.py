"""Cross-references in body text and pasal headings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from naskah_lint.lang.references import (
    Reference,
    find_references,
    is_pasal_heading,
    roman_to_int,
    split_pasal_heading,
)


def _ref(
    text: str,
    span: tuple[int, int],
    pasal: int | None = None,
    pasal_to: int | None = None,
    ayat: tuple[int, ...] = (),
    huruf: tuple[str, ...] = (),
    angka: tuple[int, ...] = (),
    lampiran: bool = False,
    label: str | None = None,
) -> Reference:
    current = pasal is None and not lampiran
    return Reference(text, span, pasal, pasal_to, ayat, huruf, angka, lampiran, current, label)


REFS = [
    (
        "sebagaimana dimaksud dalam Pasal 5 ayat (2) huruf b.",
        [_ref("Pasal 5 ayat (2) huruf b", (27, 51), 5, ayat=(2,), huruf=("b",))],
    ),
    ("Pasal 3 sampai dengan Pasal 5", [_ref("Pasal 3 sampai dengan Pasal 5", (0, 29), 3, 5)]),
    ("Pasal 3 s.d. Pasal 5", [_ref("Pasal 3 s.d. Pasal 5", (0, 20), 3, 5)]),
    ("Pasal 3 s/d 5", [_ref("Pasal 3 s/d 5", (0, 13), 3, 5)]),
    ("Pasal 3 - Pasal 5", [_ref("Pasal 3 - Pasal 5", (0, 17), 3, 5)]),
    ("ayat (1) dan ayat (2)", [_ref("ayat (1) dan ayat (2)", (0, 21), ayat=(1, 2))]),
    ("ayat (1) dan (2)", [_ref("ayat (1) dan (2)", (0, 16), ayat=(1, 2))]),
    ("pada ayat (1).", [_ref("ayat (1)", (5, 13), ayat=(1,))]),
    ("huruf a dan huruf b", [_ref("huruf a dan huruf b", (0, 19), huruf=("a", "b"))]),
    ("huruf a, b, dan c.", [_ref("huruf a, b, dan c", (0, 17), huruf=("a", "b", "c"))]),
    (
        "Pasal 4 ayat (1) huruf a angka 2",
        [_ref("Pasal 4 ayat (1) huruf a angka 2", (0, 32), 4, ayat=(1,), huruf=("a",), angka=(2,))],
    ),
    (
        "tercantum dalam Lampiran yang merupakan",
        [_ref("Lampiran", (16, 24), lampiran=True)],
    ),
    (
        "Lampiran I dan Lampiran II",
        [
            _ref("Lampiran I", (0, 10), lampiran=True, label="I"),
            _ref("Lampiran II", (15, 26), lampiran=True, label="II"),
        ],
    ),
    ("lampiran ini", [_ref("lampiran", (0, 8), lampiran=True)]),
    ("dalam pasal 5 ayat (2), Pihak", [_ref("pasal 5 ayat (2)", (6, 22), 5, ayat=(2,))]),
    (
        "pada ayat (2), ayat (3), ayat (4) dan ayat (5) diberikan",
        [_ref("ayat (2), ayat (3), ayat (4) dan ayat (5)", (5, 46), ayat=(2, 3, 4, 5))],
    ),
    (
        "ayat (1) huruf a, huruf b, huruf c, dan huruf d dilakukan",
        [
            _ref(
                "ayat (1) huruf a, huruf b, huruf c, dan huruf d",
                (0, 47),
                ayat=(1,),
                huruf=("a", "b", "c", "d"),
            )
        ],
    ),
    (
        "ayat (1) sampai dengan ayat (3)",
        [_ref("ayat (1) sampai dengan ayat (3)", (0, 31), ayat=(1, 2, 3))],
    ),
    (
        "huruf a sampai dengan huruf c",
        [
            _ref("huruf a sampai dengan huruf c", (0, 29), huruf=("a", "b", "c")),
        ],
    ),
    ("angka 1 dan angka 3", [_ref("angka 1 dan angka 3", (0, 19), angka=(1, 3))]),
    (
        "Pasal 6 ayat (1) huruf a, dibayarkan",
        [_ref("Pasal 6 ayat (1) huruf a", (0, 24), 6, ayat=(1,), huruf=("a",))],
    ),
    (
        "Pasal 2 dan Pasal 14",
        [_ref("Pasal 2", (0, 7), 2), _ref("Pasal 14", (12, 20), 14)],
    ),
    ("Pasal 5, ayat (3)", [_ref("Pasal 5, ayat (3)", (0, 17), 5, ayat=(3,))]),
    (
        "PASAL 5 AYAT (3) HURUF C",
        [
            _ref("PASAL 5 AYAT (3) HURUF C", (0, 24), 5, ayat=(3,), huruf=("c",)),
        ],
    ),
    ("Pasal 5", []),  # a heading line, not a reference
    ("PASAL 5 MAKSUD DAN TUJUAN", []),
    ("Pasal ini berlaku", []),
    ("Nomor 12/2024", []),
    ("huruf kapital", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), REFS)
def test_find_references(text: str, expected: list[Reference]) -> None:
    assert find_references(text) == expected


HEADINGS = [
    ("Pasal 5", 5, None),
    ("PASAL 5", 5, None),
    ("  Pasal 12  ", 12, None),
    ("Pasal 5.", 5, None),
    ("Pasal 5MAKSUD DAN TUJUAN", 5, "MAKSUD DAN TUJUAN"),
    ("Pasal 5 MAKSUD DAN TUJUAN", 5, "MAKSUD DAN TUJUAN"),
    ("Pasal 5 - MAKSUD", 5, "MAKSUD"),
    ("Pasal 5\tRUANG LINGKUP", 5, "RUANG LINGKUP"),
    ("Pasal 5 Maksud dan Tujuan", 5, "Maksud dan Tujuan"),
    ("PASAL V", 5, None),
    ("Pasal IX PENUTUP", 9, "PENUTUP"),
    ("Pasal 5\nMAKSUD", 5, "MAKSUD"),
    ("PASAL 1\nMAKSUD DAN TUJUAN", 1, "MAKSUD DAN TUJUAN"),
    ("pasal 12\n\nPENUTUP", 12, "PENUTUP"),
    ("Pasal 5\nPara pihak sepakat bahwa semua hal diatur.", 5, None),
    ("Pasal 5 ayat (2) mengatur hal ini", None, None),
    ("Pasal ini berlaku sejak ditandatangani", None, None),
    ("Pasal 3 sampai dengan Pasal 5", None, None),
    ("PASAL IIII", None, None),
    ("Sebagaimana dimaksud dalam Pasal 5", None, None),
    ("MAKSUD DAN TUJUAN", None, None),
    ("", None, None),
]


@pytest.mark.parametrize(("text", "number", "title"), HEADINGS)
def test_pasal_headings(text: str, number: int | None, title: str | None) -> None:
    assert is_pasal_heading(text) == number
    assert split_pasal_heading(text) == (number, title)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I", 1),
        ("iv", 4),
        ("IX", 9),
        ("XII", 12),
        ("XL", 40),
        ("MCMXC", 1990),
        ("IIII", None),
        ("VV", None),
        ("", None),
        ("ABC", None),
    ],
)
def test_roman_to_int(text: str, expected: int | None) -> None:
    assert roman_to_int(text) == expected


def test_a_letter_range_ending_in_a_non_ascii_letter_is_not_expanded() -> None:
    """ "İ" matches [a-z] case-insensitively but lowers to two characters: kept, not a range."""
    (ref,) = find_references("sebagaimana dimaksud pada huruf a sampai dengan huruf İ")
    assert ref.huruf == ("a", "İ".lower())


_WORDS = ("huruf", "ayat", "angka", "pasal", "sampai dengan", "dan", ",", "(1)", "a", "c")
_ODD = ("İ", "ı", "ſ", "\u212a", "12", "lampiran", "II", "s.d.")  # [a-z] under IGNORECASE


@given(st.lists(st.sampled_from(_WORDS + _ODD), max_size=12))
def test_find_references_never_raises_on_reference_like_text(words: list[str]) -> None:
    refs = find_references(" ".join(words))
    assert all(ref.text for ref in refs)
