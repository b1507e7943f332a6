"""The toolkit on real drafts from the shared corpus (skipped when the corpus is absent), and
on arbitrary text (never raises)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from naskah_lint.lang import dates, money, normalize, ordinals, quantities, references, terbilang

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "agreements"


def _paragraphs(name: str) -> list[str]:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"corpus file absent: {path}")
    import docx  # test-only: the toolkit itself never reads Word files

    return [p.text for p in docx.Document(str(path)).paragraphs]


@pytest.mark.parametrize(
    ("name", "pasal"),
    [
        ("agris-template_mou.docx", 5),
        ("mitraku-Template_MOU.docx", 7),
        ("pppk-Template_Perjanjian_Kerja_PPPK_A4.docx", 13),
        ("sikasi-mou.docx", 9),
        ("sikasi-pks.docx", 11),
        ("sikasi-PKS_Jagakarsa_Tahun_2022.docx", 11),
    ],
)
def test_typed_pasal_headings_are_found_in_order(name: str, pasal: int) -> None:
    numbers = [n for p in _paragraphs(name) if (n := references.is_pasal_heading(p)) is not None]
    assert numbers == list(range(1, pasal + 1))


@pytest.mark.parametrize(
    ("name", "weekday", "expected"),
    [
        ("sikasi-Addendum_PKSPT_SHOPEE_Tahun_2024.docx", "Rabu", date(2024, 5, 29)),
        ("sikasi-MOU_PT._ARINDO_JAYA_MANDIRI_Tahun_2022.docx", "Selasa", date(2022, 7, 19)),
        ("sikasi-PKS_Jagakarsa_Tahun_2022.docx", "Jumat", date(2022, 7, 22)),
    ],
)
def test_filled_openings_have_consistent_weekdays(name: str, weekday: str, expected: date) -> None:
    found = [w for p in _paragraphs(name) if (w := dates.find_word_date(p)) is not None]
    assert found[0].weekday == weekday
    assert found[0].as_date == expected
    assert dates.weekday_of(expected) == weekday
    assert found[0].in_words is False  # these drafts use digits, against ANRI


@pytest.mark.parametrize(
    "name",
    [
        "sikasi-mou.docx",
        "sikasi-pks.docx",
        "pppk-Template_Perjanjian_Kerja_PPPK_A4.docx",
        "agris-template_mou.docx",
        "mitraku-Template_MOU.docx",
    ],
)
def test_template_openings_are_blanks(name: str) -> None:
    found = [w for p in _paragraphs(name) if (w := dates.find_word_date(p)) is not None]
    assert (found[0].day, found[0].month, found[0].weekday) == (None, None, None)
    assert found[0].day_text is not None
    assert normalize.is_placeholder_only(found[0].day_text)


def test_english_template_is_detected() -> None:
    english = "\n".join(_paragraphs("mitrakampus-Template_MOU_-_Bahasa_Inggris.docx"))
    indonesian = "\n".join(_paragraphs("sikasi-mou.docx"))
    assert normalize.looks_english(english) is True
    assert normalize.looks_english(indonesian) is False


def test_pppk_party_aliases_use_kesatu_series() -> None:
    text = "\n".join(_paragraphs("pppk-Template_Perjanjian_Kerja_PPPK_A4.docx"))
    canon = {c for _, _, _, c in ordinals.find_party_aliases(text)}
    assert canon == {"PIHAK KESATU", "PIHAK KEDUA"}


ALL_FINDERS = (
    terbilang.words_to_int,
    terbilang.words_to_decimal,
    terbilang.find_number_words,
    dates.normalize_weekday,
    dates.parse_month,
    dates.parse_date,
    dates.find_word_date,
    dates.find_numeric_date_in_brackets,
    dates.find_dates,
    money.find_rupiah,
    quantities.find_number_with_words,
    quantities.find_bare_quantities,
    quantities.find_duration,
    quantities.find_end_date,
    quantities.find_start_date,
    ordinals.ordinal_value,
    ordinals.series_of,
    ordinals.find_party_aliases,
    references.find_references,
    references.is_pasal_heading,
    references.split_pasal_heading,
    normalize.fold,
    normalize.find_placeholders,
    normalize.is_placeholder_only,
    normalize.is_upper,
    normalize.looks_english,
)


def test_every_corpus_paragraph_is_handled() -> None:
    names = sorted(p.name for p in CORPUS.glob("*.docx")) if CORPUS.is_dir() else []
    if not names:
        pytest.skip("corpus absent")
    for name in names:
        for paragraph in _paragraphs(name):
            for fn in ALL_FINDERS:
                fn(paragraph)


_PIECES = st.sampled_from(
    [
        "Pasal",
        "5",
        "ayat",
        "(1)",
        "huruf",
        "a",
        "dan",
        "Rp",
        "Rp.",
        "10.000",
        ",00",
        ",-",
        "(",
        ")",
        "sepuluh",
        "juta",
        "rupiah",
        "koma",
        "se-",
        "ribu",
        "tanggal",
        "bulan",
        "tahun",
        "Juli",
        "Pada hari ini",
        "Senin",
        "Jum'at",
        "……",
        "...",
        "${x}",
        "{{y}}",
        "PIHAK",
        "KE-",
        "KEDUA",
        "BELAS",
        "berlaku",
        "selama",
        "sampai dengan",
        "s.d.",
        "sejak",
        "ditandatangani",
        "08-07-2024",
        "31-02-2024",
        "\n",
        " ",
        "-",
        "–",
        "/",
        "XXXX",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map(" ".join) | st.text(max_size=200))
def test_finders_never_raise(text: str) -> None:
    for fn in ALL_FINDERS:
        fn(text)
