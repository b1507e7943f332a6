"""Rupiah amounts: value, terbilang and the EYD writing problems."""

from __future__ import annotations

from decimal import Decimal

import pytest

from naskah_lint.lang.money import PROBLEM_CODES, Rupiah, find_rupiah, parse_amount

CASES = [
    # text, amount, canonical, problems, words_text, words_value
    (
        "Rp10.000.000,00 (sepuluh juta rupiah)",
        Decimal("10000000"),
        True,
        (),
        "sepuluh juta rupiah",
        Decimal("10000000"),
    ),
    (
        "Rp1.500.000,00 (satu juta lima ratus ribu rupiah)",
        Decimal("1500000"),
        True,
        (),
        "satu juta lima ratus ribu rupiah",
        Decimal("1500000"),
    ),
    ("Rp500,00 (lima ratus rupiah)", Decimal("500"), True, (), "lima ratus rupiah", Decimal(500)),
    (
        "Rp. 10.000.000,-",
        Decimal("10000000"),
        False,
        ("space_after_rp", "dot_after_rp", "dash_suffix", "words_missing"),
        None,
        None,
    ),
    (
        "Rp 10.000.000",
        Decimal("10000000"),
        False,
        ("space_after_rp", "no_decimals", "words_missing"),
        None,
        None,
    ),
    ("Rp10 juta", Decimal("10000000"), False, ("no_decimals", "words_missing"), None, None),
    (
        "Rp 5.000.000,- (lima juta lima ratus ribu rupiah)",
        Decimal("5000000"),
        False,
        ("space_after_rp", "dash_suffix", "words_mismatch"),
        "lima juta lima ratus ribu rupiah",
        Decimal("5500000"),
    ),
    (
        "Rp.5.000.000,00 (lima juta rupiah)",
        Decimal("5000000"),
        False,
        ("dot_after_rp",),
        "lima juta rupiah",
        Decimal("5000000"),
    ),
    (
        "Rp10000000,00 (sepuluh juta rupiah)",
        Decimal("10000000"),
        False,
        ("bad_grouping",),
        "sepuluh juta rupiah",
        Decimal("10000000"),
    ),
    (
        "Rp10,000,000.00",
        Decimal("10000000"),
        False,
        ("bad_grouping", "words_missing"),
        None,
        None,
    ),
    ("Rp10.00.000,00", Decimal("1000000"), False, ("bad_grouping", "words_missing"), None, None),
    ("Meterai Rp10.000", Decimal("10000"), False, ("no_decimals", "words_missing"), None, None),
    (
        "Rp1,5 miliar (satu koma lima miliar rupiah)",
        Decimal("1500000000"),
        False,
        ("no_decimals",),
        "satu koma lima miliar rupiah",
        Decimal("1500000000"),
    ),
    (
        # value right, but the words must be lower case: not canonical, no problem code
        "Rp1.500.000,00 (Satu Juta Lima Ratus Ribu Rupiah)",
        Decimal("1500000"),
        False,
        (),
        "Satu Juta Lima Ratus Ribu Rupiah",
        Decimal("1500000"),
    ),
    (
        "Rp10.000.000,00 (terbilang: sepuluh juta rupiah)",
        Decimal("10000000"),
        False,
        (),
        "terbilang: sepuluh juta rupiah",
        Decimal("10000000"),
    ),
    (
        # unreadable words: no mismatch can be claimed
        "Rp10.000.000,00 (sepuluh jt rupiah)",
        Decimal("10000000"),
        False,
        (),
        "sepuluh jt rupiah",
        None,
    ),
    (
        "Rp10.000.000,00 (sepuluh juta)",
        Decimal("10000000"),
        False,
        (),
        "sepuluh juta",
        Decimal("10000000"),
    ),
    (
        "RP10.000,00 (sepuluh ribu rupiah)",
        Decimal("10000"),
        False,
        (),
        "sepuluh ribu rupiah",
        Decimal("10000"),
    ),
    (
        "Rp 10.000,--",
        Decimal("10000"),
        False,
        ("space_after_rp", "dash_suffix", "words_missing"),
        None,
        None,
    ),
    (
        "Rp2.500.000,00 (dua juta rupiah)",
        Decimal("2500000"),
        False,
        ("words_mismatch",),
        "dua juta rupiah",
        Decimal("2000000"),
    ),
]


@pytest.mark.parametrize(
    ("text", "amount", "canonical", "problems", "words_text", "words_value"), CASES
)
def test_find_rupiah_single(
    text: str,
    amount: Decimal,
    canonical: bool,
    problems: tuple[str, ...],
    words_text: str | None,
    words_value: Decimal | None,
) -> None:
    found = find_rupiah(text)
    assert len(found) == 1
    r = found[0]
    assert r.amount == amount
    assert r.canonical is canonical
    assert r.problems == problems
    assert r.words_text == words_text
    assert r.words_value == words_value
    assert set(r.problems) <= set(PROBLEM_CODES)
    assert text[r.span[0] : r.span[1]] == r.text


def test_find_rupiah_in_sentence_spans() -> None:
    text = (
        "dibayar sebesar Rp10.000.000,00 (sepuluh juta rupiah) dan meterai Rp10.000, "
        "serta Rp 5.000.000,-."
    )
    found = find_rupiah(text)
    assert [r.text for r in found] == [
        "Rp10.000.000,00 (sepuluh juta rupiah)",
        "Rp10.000",
        "Rp 5.000.000,-",
    ]
    assert [r.span for r in found] == [(16, 53), (66, 74), (82, 96)]
    assert found[0] == Rupiah(
        "Rp10.000.000,00 (sepuluh juta rupiah)",
        (16, 53),
        Decimal("10000000.00"),
        True,
        (),
        "sepuluh juta rupiah",
        Decimal("10000000"),
    )


@pytest.mark.parametrize("text", ["Rp……", "Rp ………", "GRp5", "Rupiah", "tanpa uang", ""])
def test_find_rupiah_ignores(text: str) -> None:
    assert find_rupiah(text) == []


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        ("10.000.000,00", (Decimal("10000000.00"), True)),
        ("999", (Decimal("999"), True)),
        ("1.000", (Decimal("1000"), True)),
        ("10000", (Decimal("10000"), False)),
        ("10,000,000.00", (Decimal("10000000.00"), False)),
        ("10.00", (Decimal("10.00"), False)),
        ("1.000,5", (Decimal("1000.5"), False)),
        ("10.00.000", (Decimal("1000000"), False)),
    ],
)
def test_parse_amount(digits: str, expected: tuple[Decimal, bool]) -> None:
    assert parse_amount(digits) == expected
