"""Terbilang: Indonesian number words to numbers and back, checked against num2words."""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest
from num2words import num2words  # type: ignore[import-untyped]

from naskah_lint.lang.terbilang import (
    MAX_WORDS_VALUE,
    NumberWords,
    find_number_words,
    int_to_words,
    is_number_word,
    words_to_decimal,
    words_to_int,
)

WORDS_TO_INT = [
    ("nol", 0),
    ("satu", 1),
    ("sembilan", 9),
    ("sepuluh", 10),
    ("sebelas", 11),
    ("dua belas", 12),
    ("sembilan belas", 19),
    ("dua puluh", 20),
    ("dua puluh lima", 25),
    ("sembilan puluh sembilan", 99),
    ("seratus", 100),
    ("seratus satu", 101),
    ("seratus sebelas", 111),
    ("dua ratus lima puluh", 250),
    ("seribu", 1000),
    ("seribu satu", 1001),
    ("seribu seratus", 1100),
    ("dua ribu dua puluh empat", 2024),
    ("dua ribu sembilan belas", 2019),
    ("sepuluh ribu", 10_000),
    ("seratus ribu", 100_000),
    ("sejuta", 1_000_000),
    ("satu juta lima ratus ribu", 1_500_000),
    ("sepuluh juta", 10_000_000),
    ("lima juta lima ratus ribu", 5_500_000),
    ("satu juta seribu", 1_001_000),
    ("satu juta satu ribu", 1_001_000),  # num2words' spelling, tolerated
    ("satu miliar", 10**9),
    ("satu milyar", 10**9),  # old spelling
    ("semiliar", 10**9),
    ("satu triliun", 10**12),
    ("dua trilyun", 2 * 10**12),
    ("satu triliun satu", 10**12 + 1),
    ("satu ratus", 100),  # tolerated non-canonical
    ("satu ribu", 1000),
    # case, spaces and hyphens
    ("Dua Ribu Sembilan Belas", 2019),
    ("DUA PULUH DELAPAN", 28),
    ("  dua   puluh    lima  ", 25),
    ("dua-puluh", 20),
    ("se-ribu", 1000),
    ("se-ratus", 100),
    ("se ratus", 100),
    ("dua\tpuluh\ndua", 22),
    ("empat-belas", 14),
    (
        "sembilan ratus sembilan puluh sembilan triliun sembilan ratus sembilan puluh sembilan "
        "miliar sembilan ratus sembilan puluh sembilan juta sembilan ratus sembilan puluh sembilan "
        "ribu sembilan ratus sembilan puluh sembilan",
        MAX_WORDS_VALUE,
    ),
]


@pytest.mark.parametrize(("text", "expected"), WORDS_TO_INT)
def test_words_to_int(text: str, expected: int) -> None:
    assert words_to_int(text) == expected


NOT_NUMBERS = [
    "",
    "   ",
    "rupiah",
    "sepuluh juta rupiah",  # the unit is the caller's to strip
    "ribu",
    "juta",
    "se",
    "se-",
    "belas",
    "satu dua",
    "dua dua puluh",
    "nol nol",
    "nol satu",
    "dua puluh nol",
    "seratus nol",
    "ribu juta",
    "seribu juta",  # scales must descend
    "dua ribu tiga ribu",
    "dua juta tiga miliar",
    "sebelas ratus",
    "dua belas ratus",
    "dua puluh ratus",
    "ratus",
    "puluh dua",
    "dua puluh lima rupiah",
    "dua, puluh",
    "25",
    "dua puluh 5",
    "tigapuluh",
    "seribu triliun",  # beyond the supported range
]


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_words_to_int_rejects_non_numbers(text: str) -> None:
    assert words_to_int(text) is None


WORDS_TO_DECIMAL = [
    ("dua koma lima", Decimal("2.5")),
    ("satu koma nol lima", Decimal("1.05")),
    ("nol koma lima", Decimal("0.5")),
    ("dua koma dua lima", Decimal("2.25")),
    ("dua koma dua puluh lima", Decimal("2.25")),
    ("satu koma lima miliar", Decimal("1500000000")),
    ("sepuluh juta", Decimal("10000000")),
    ("Tiga Koma Satu Empat", Decimal("3.14")),
]


@pytest.mark.parametrize(("text", "expected"), WORDS_TO_DECIMAL)
def test_words_to_decimal(text: str, expected: Decimal) -> None:
    assert words_to_decimal(text) == expected


@pytest.mark.parametrize(
    "text", ["koma lima", "dua koma", "satu koma dua koma tiga", "dua koma rupiah", "lima rupiah"]
)
def test_words_to_decimal_rejects(text: str) -> None:
    assert words_to_decimal(text) is None


INT_TO_WORDS = [
    (0, "nol"),
    (1, "satu"),
    (10, "sepuluh"),
    (11, "sebelas"),
    (12, "dua belas"),
    (20, "dua puluh"),
    (21, "dua puluh satu"),
    (100, "seratus"),
    (110, "seratus sepuluh"),
    (111, "seratus sebelas"),
    (1000, "seribu"),
    (1001, "seribu satu"),
    (2024, "dua ribu dua puluh empat"),
    (11_000, "sebelas ribu"),
    (100_000, "seratus ribu"),
    (1_000_000, "satu juta"),
    (1_500_000, "satu juta lima ratus ribu"),
    (1_001_000, "satu juta seribu"),
    (10_000_000, "sepuluh juta"),
    (10**9, "satu miliar"),
    (10**12, "satu triliun"),
    (2_000_001_000, "dua miliar seribu"),
]


@pytest.mark.parametrize(("n", "expected"), INT_TO_WORDS)
def test_int_to_words(n: int, expected: str) -> None:
    assert int_to_words(n) == expected


@pytest.mark.parametrize("n", [-1, -1000, MAX_WORDS_VALUE + 1, 10**18])
def test_int_to_words_out_of_range(n: int) -> None:
    with pytest.raises(ValueError, match="out of range"):
        int_to_words(n)


@pytest.mark.parametrize("bad", [True, 2.5, "12"])
def test_int_to_words_rejects_non_int(bad: object) -> None:
    with pytest.raises(ValueError, match="not an integer"):
        int_to_words(bad)  # type: ignore[arg-type]


def _oracle(n: int) -> str:
    """num2words' cardinal, except that it writes "satu ribu" for a thousands group of one after
    a larger scale (1 001 000 -> "satu juta satu ribu"); Indonesian writes "seribu" there."""
    return re.sub(r"\b(juta|miliar|triliun) satu ribu\b", r"\1 seribu", num2words(n, lang="id"))


def test_oracle_adjustment_is_the_only_difference() -> None:
    assert num2words(1_001_000, lang="id") == "satu juta satu ribu"
    assert int_to_words(1_001_000) == "satu juta seribu"
    assert words_to_int(num2words(1_001_000, lang="id")) == 1_001_000


def test_every_number_up_to_2000_round_trips_and_matches_num2words() -> None:
    for n in range(2001):
        words = int_to_words(n)
        assert words == _oracle(n), n
        assert words_to_int(words) == n, words


POWERS = (
    [10**k for k in range(15)] + [10**k - 1 for k in range(1, 16)] + [2 * 10**k for k in range(14)]
)


@pytest.mark.parametrize("n", POWERS)
def test_powers_round_trip(n: int) -> None:
    words = int_to_words(n)
    assert words == _oracle(n)
    assert words_to_int(words) == n
    assert words_to_int(words.upper()) == n


def test_random_sample_round_trips_and_matches_num2words() -> None:
    rng = random.Random(20251127)
    sample = [rng.randrange(MAX_WORDS_VALUE + 1) for _ in range(3000)]
    sample += [rng.randrange(10**k) for k in range(1, 16) for _ in range(50)]
    for n in sample:
        words = int_to_words(n)
        assert words == _oracle(n), n
        assert words_to_int(words) == n, words
        assert words_to_int(num2words(n, lang="id")) == n, n


@pytest.mark.parametrize(
    ("word", "expected"),
    [("dua", True), ("Belas", True), ("MILYAR", True), ("seribu", True), ("rupiah", False)],
)
def test_is_number_word(word: str, expected: bool) -> None:
    assert is_number_word(word) is expected


FIND = [
    (
        "sebesar lima juta lima ratus ribu rupiah",
        [NumberWords("lima juta lima ratus ribu", (8, 33), 5_500_000)],
    ),
    (
        "satu dua",
        [NumberWords("satu", (0, 4), 1), NumberWords("dua", (5, 8), 2)],
    ),
    ("Pasal ini berlaku", []),
    (
        "rangkap 2 (dua) dan Se-ribu",
        [
            NumberWords("dua", (11, 14), 2),
            NumberWords("Se-ribu", (20, 27), 1000),
        ],
    ),
    ("tiga, empat", [NumberWords("tiga", (0, 4), 3), NumberWords("empat", (6, 11), 4)]),
    ("duabelas dua belas", [NumberWords("dua belas", (9, 18), 12)]),
    ("diduakan", []),
]


@pytest.mark.parametrize(("text", "expected"), FIND)
def test_find_number_words(text: str, expected: list[NumberWords]) -> None:
    assert find_number_words(text) == expected
