"""Dates: month and weekday names, numeric and worded dates, the opening sentence."""

from __future__ import annotations

from datetime import date

import pytest

from naskah_lint.lang.dates import (
    MONTH_NAMES,
    MONTHS,
    WEEKDAYS,
    WordDate,
    add_duration,
    english_words_to_int,
    find_dates,
    find_english_date,
    find_numeric_date,
    find_numeric_date_in_brackets,
    find_numeric_dates_in_brackets,
    find_word_date,
    format_date,
    format_date_en,
    month_name,
    normalize_weekday,
    parse_date,
    parse_month,
    weekday_en,
    weekday_of,
)


def test_weekdays_are_monday_first() -> None:
    assert WEEKDAYS == ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
    assert WEEKDAYS[date(2024, 7, 8).weekday()] == "Senin"


def test_months_cover_canonical_and_old_spellings() -> None:
    assert [MONTHS[name] for name in MONTH_NAMES] == list(range(1, 13))
    assert MONTHS["Pebruari"] == 2
    assert MONTHS["Nopember"] == 11


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2024, 7, 8), "Senin"),
        (date(2024, 3, 12), "Selasa"),
        (date(2019, 2, 19), "Selasa"),
        (date(2022, 9, 28), "Rabu"),
        (date(2025, 11, 27), "Kamis"),
        (date(2022, 7, 22), "Jumat"),
        (date(2024, 5, 29), "Rabu"),
        (date(2022, 7, 19), "Selasa"),
        (date(2024, 7, 13), "Sabtu"),
        (date(2024, 7, 14), "Minggu"),
    ],
)
def test_weekday_of(d: date, expected: str) -> None:
    assert weekday_of(d) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Senin", "Senin"),
        ("senin", "Senin"),
        ("SELASA", "Selasa"),
        ("Jumat", "Jumat"),
        ("Jum'at", "Jumat"),
        ("Jum’at", "Jumat"),
        ("JUMAT", "Jumat"),
        ("JUM'AT", "Jumat"),
        ("Ahad", "Minggu"),
        ("Minggu,", "Minggu"),
        (" Kamis ", "Kamis"),
        ("Snin", None),
        ("Friday", None),
        ("", None),
    ],
)
def test_normalize_weekday(word: str, expected: str | None) -> None:
    assert normalize_weekday(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Januari", 1),
        ("januari", 1),
        ("FEBRUARI", 2),
        ("Pebruari", 2),
        ("Febuari", 2),
        ("Agustus", 8),
        ("Nopember", 11),
        ("November", 11),
        ("Desember,", 12),
        ("July", None),
        ("Juli", 7),
        ("Bulan", None),
        ("", None),
    ],
)
def test_parse_month(word: str, expected: int | None) -> None:
    assert parse_month(word) == expected


def test_month_name() -> None:
    assert [month_name(m) for m in (1, 2, 8, 11, 12)] == [
        "Januari",
        "Februari",
        "Agustus",
        "November",
        "Desember",
    ]
    for bad in (0, 13, -1):
        with pytest.raises(ValueError, match="month out of range"):
            month_name(bad)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2024, 7, 8), "8 Juli 2024"),
        (date(2024, 3, 12), "12 Maret 2024"),
        (date(2025, 1, 1), "1 Januari 2025"),
        (date(2022, 9, 28), "28 September 2022"),
    ],
)
def test_format_date(d: date, expected: str) -> None:
    assert format_date(d) == expected


PARSE = [
    ("27-11-2025", date(2025, 11, 27)),
    ("27/11/2025", date(2025, 11, 27)),
    ("27.11.2025", date(2025, 11, 27)),
    ("27 - 11 - 2025", date(2025, 11, 27)),
    ("(9 -12 - 2016)", date(2016, 12, 9)),
    ("(28 – 09 - 2022)", date(2022, 9, 28)),
    ("08-07-2024", date(2024, 7, 8)),
    ("27 November 2025", date(2025, 11, 27)),
    ("27 Nopember 2025", date(2025, 11, 27)),
    ("27 november 2025", date(2025, 11, 27)),
    ("Kamis, 27 November 2025", date(2025, 11, 27)),
    ("tanggal 8 Juli 2024", date(2024, 7, 8)),
    ("2025-11-27", date(2025, 11, 27)),
    ("29 Februari 2024", date(2024, 2, 29)),
    ("00-00-0000", None),
    ("31 Februari 2024", None),
    ("29-02-2023", None),
    ("13-13-2024", None),
    ("8 Juli", None),
    ("27-11-25", None),
    ("Juli 2024", None),
    ("hello", None),
    ("", None),
    ("8 Juli 2024 dan 9 Juli 2024", None),
]


@pytest.mark.parametrize(("text", "expected"), PARSE)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


BRACKETS = [
    (
        "tahun dua ribu dua puluh empat (08-07-2024), bertempat",
        ("(08-07-2024)", date(2024, 7, 8), (31, 43)),
    ),
    ("(28 – 09 - 2022)", ("(28 – 09 - 2022)", date(2022, 9, 28), (0, 16))),
    ("x (9 -12 - 2016)", ("(9 -12 - 2016)", date(2016, 12, 9), (2, 16))),
    ("(25/11/2013)", ("(25/11/2013)", date(2013, 11, 25), (0, 12))),
    ("(19—02—2019)", ("(19—02—2019)", date(2019, 2, 19), (0, 12))),
    ("(00-00-0000)", ("(00-00-0000)", None, (0, 12))),
    ("(dd-mm-yyyy)", None),
    ("tanpa tanggal", None),
]


@pytest.mark.parametrize(("text", "expected"), BRACKETS)
def test_find_numeric_date_in_brackets(
    text: str, expected: tuple[str, date | None, tuple[int, int]] | None
) -> None:
    assert find_numeric_date_in_brackets(text) == expected


def test_find_numeric_dates_in_brackets_finds_all() -> None:
    found = find_numeric_dates_in_brackets("(01-02-2024) lalu (03-04-2024)")
    assert [d for _, d, _ in found] == [date(2024, 2, 1), date(2024, 4, 3)]


FIND_DATES = [
    ("berlaku sampai dengan 7 Juli 2025.", [((22, 33), date(2025, 7, 7))]),
    (
        "tanggal 12 Maret 2024 dan 8 Juli 2024",
        [((8, 21), date(2024, 3, 12)), ((26, 37), date(2024, 7, 8))],
    ),
    ("sampai 31-12-2025", [((7, 17), date(2025, 12, 31))]),
    ("ISO 2025-11-27", [((4, 14), date(2025, 11, 27))]),
    ("tanggal 11 April 2019 tentang", [((8, 21), date(2019, 4, 11))]),
    ("31 Februari 2024", []),
    ("Nomor 12/PR.07-PKS/3313/2024", []),
    ("1.12.2024.5", []),
    ("Rp1.500.000", []),
    ("periode Tahun 2019 – 2023", []),
    ("8 Juli", []),
]


@pytest.mark.parametrize(("text", "expected"), FIND_DATES)
def test_find_dates(text: str, expected: list[tuple[tuple[int, int], date]]) -> None:
    assert find_dates(text) == expected


ADD = [
    (date(2024, 7, 8), (1, 0, 0), date(2025, 7, 8)),
    (date(2024, 7, 8), (1, 0, -1), date(2025, 7, 7)),
    (date(2024, 1, 31), (0, 1, 0), date(2024, 2, 29)),
    (date(2023, 1, 31), (0, 1, 0), date(2023, 2, 28)),
    (date(2024, 2, 29), (1, 0, 0), date(2025, 2, 28)),
    (date(2024, 8, 31), (0, 6, 0), date(2025, 2, 28)),
    (date(2024, 3, 12), (0, 24, 0), date(2026, 3, 12)),
    (date(2024, 12, 15), (0, 1, 0), date(2025, 1, 15)),
    (date(2024, 3, 1), (0, 0, -1), date(2024, 2, 29)),
    (date(2024, 5, 31), (0, -1, 0), date(2024, 4, 30)),
    (date(2024, 7, 8), (0, 0, 14), date(2024, 7, 22)),
]


@pytest.mark.parametrize(("start", "delta", "expected"), ADD)
def test_add_duration(start: date, delta: tuple[int, int, int], expected: date) -> None:
    years, months, days = delta
    assert add_duration(start, years=years, months=months, days=days) == expected


def test_add_duration_out_of_calendar_raises_value_error() -> None:
    with pytest.raises(ValueError, match="out of range"):
        add_duration(date(9999, 6, 1), years=1)
    with pytest.raises(ValueError, match="out of range"):
        add_duration(date(9999, 12, 31), days=1)


def _wd(
    weekday: str | None,
    day_text: str | None,
    month_text: str | None,
    year_text: str | None,
    day: int | None,
    month: int | None,
    year: int | None,
    in_words: bool,
    span: tuple[int, int],
    weekday_text: str | None = None,
) -> WordDate:
    return WordDate(
        weekday,
        day_text,
        month_text,
        year_text,
        day,
        month,
        year,
        in_words,
        span,
        weekday_text if weekday_text is not None else weekday,
    )


OPENINGS = [
    (
        "Pada hari ini Senin, tanggal delapan bulan Juli tahun dua ribu dua puluh empat "
        "(08-07-2024), bertempat di Karanganyar",
        _wd("Senin", "delapan", "Juli", "dua ribu dua puluh empat", 8, 7, 2024, True, (0, 78)),
    ),
    (
        "Pada hari ini Selasa, tanggal sembilan belas, bulan Februari, tahun dua ribu sembilan "
        "belas, bertempat di",
        _wd(
            "Selasa",
            "sembilan belas",
            "Februari",
            "dua ribu sembilan belas",
            19,
            2,
            2019,
            True,
            (0, 91),
        ),
    ),
    (
        "Pada hari ini Rabu, tanggal dua puluh delapan, bulan September, tahun dua ribu dua "
        "puluh dua (28 – 09 - 2022)",
        _wd(
            "Rabu",
            "dua puluh delapan",
            "September",
            "dua ribu dua puluh dua",
            28,
            9,
            2022,
            True,
            (0, 92),
        ),
    ),
    (
        "Pada hari ini Senin, tanggal 8 bulan Juli tahun 2024, bertempat",
        _wd("Senin", "8", "Juli", "2024", 8, 7, 2024, False, (0, 52)),
    ),
    (
        "Pada hari ini, Rabu tanggal 29  bulan Mei  tahun 2024, kami yang",
        _wd("Rabu", "29", "Mei", "2024", 29, 5, 2024, False, (0, 53)),
    ),
    (
        "Pada hari ini Jum'at tanggal Dua Puluh Satu Februari Dua Ribu Sembilan Belas (21-02-2018)",
        _wd(
            "Jumat",
            "Dua Puluh Satu",
            "Februari",
            "Dua Ribu Sembilan Belas",
            21,
            2,
            2019,
            True,
            (0, 76),
            "Jum'at",
        ),
    ),
    (
        "PADA HARI INI SELASA TANGGAL DUA BELAS BULAN MARET TAHUN DUA RIBU DUA PULUH EMPAT",
        _wd(
            "Selasa",
            "DUA BELAS",
            "MARET",
            "DUA RIBU DUA PULUH EMPAT",
            12,
            3,
            2024,
            True,
            (0, 81),
            "SELASA",
        ),
    ),
    (
        "Pada hari ini Senin tanggal delapan Juli dua ribu dua puluh empat",
        _wd("Senin", "delapan", "Juli", "dua ribu dua puluh empat", 8, 7, 2024, True, (0, 65)),
    ),
    (
        "Pada hari ini Senin, tanggal delapan bulan Juli tahun dua ribu dua puluh empat, dua orang",
        _wd("Senin", "delapan", "Juli", "dua ribu dua puluh empat", 8, 7, 2024, True, (0, 78)),
    ),
    (
        "Pada hari ini, ............ tanggal ............ bulan ............ tahun ............, "
        "bertempat di",
        _wd(
            None,
            "............",
            "............",
            "............",
            None,
            None,
            None,
            False,
            (0, 86),
            "............",
        ),
    ),
    (
        "Pada  hari  ini, ……., tanggal ………………. bulan …….tahun dua ribu dua puluh ….. "
        "(00-00-0000), kami",
        _wd(
            None,
            "……………….",
            "…….",
            "dua ribu dua puluh …..",
            None,
            None,
            None,
            False,
            (0, 75),
            "…….",
        ),
    ),
    (
        "Pada hari ini {{KONTRAK_HARI}} tanggal {{KONTRAK_TANGGAL_TERBILANG}} bulan "
        "{{KONTRAK_BULAN}} tahun {{KONTRAK_TAHUN_TERBILANG}} yang",
        _wd(
            None,
            "{{KONTRAK_TANGGAL_TERBILANG}}",
            "{{KONTRAK_BULAN}}",
            "{{KONTRAK_TAHUN_TERBILANG}}",
            None,
            None,
            None,
            False,
            (0, 126),
            "{{KONTRAK_HARI}}",
        ),
    ),
    (
        "Pada hari ini, ${hari} tanggal ${tanggal}  bulan ${bulan}  tahun ${tahun}, kami",
        _wd(
            None, "${tanggal}", "${bulan}", "${tahun}", None, None, None, False, (0, 73), "${hari}"
        ),
    ),
    (
        "Pada hari ini Snin, tanggal delapan bulan Juli tahun dua ribu dua puluh empat",
        _wd(None, "delapan", "Juli", "dua ribu dua puluh empat", 8, 7, 2024, True, (0, 77), "Snin"),
    ),
    (
        "Pada hari ini Senin, tanggal tiga puluh dua bulan Juli tahun dua ribu",
        _wd("Senin", "tiga puluh dua", "Juli", "dua ribu", None, 7, 2000, False, (0, 69)),
    ),
    (
        "Bertempat di Jakarta. Pada hari ini Kamis tanggal dua puluh tujuh bulan November tahun "
        "dua ribu dua puluh lima",
        _wd(
            "Kamis",
            "dua puluh tujuh",
            "November",
            "dua ribu dua puluh lima",
            27,
            11,
            2025,
            True,
            (22, 110),
        ),
    ),
    (
        "tanggal dua puluh delapan, bulan September, tahun dua ribu dua puluh dua",
        _wd(
            None,
            "dua puluh delapan",
            "September",
            "dua ribu dua puluh dua",
            28,
            9,
            2022,
            True,
            (0, 72),
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), OPENINGS)
def test_find_word_date(text: str, expected: WordDate) -> None:
    assert find_word_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "dibayarkan pada hari kerja pertama bulan berkenaan",
        "dibuat di Jakarta pada hari dan tanggal tersebut di atas",
        "sejak tanggal ditandatangani",
        "Pasal 1",
        "",
    ],
)
def test_find_word_date_none(text: str) -> None:
    assert find_word_date(text) is None


def test_word_date_as_date() -> None:
    found = find_word_date(
        "Pada hari ini Senin, tanggal delapan bulan Juli tahun dua ribu dua puluh empat"
    )
    assert found is not None
    assert found.as_date == date(2024, 7, 8)
    assert weekday_of(found.as_date) == found.weekday
    blank = find_word_date("Pada hari ini, …… tanggal …… bulan …… tahun ……")
    assert blank is not None
    assert blank.as_date is None
    bad = find_word_date("Pada hari ini tanggal tiga puluh satu bulan Februari tahun dua ribu")
    assert bad is not None
    assert (bad.day, bad.month, bad.year, bad.as_date) == (31, 2, 2000, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tahun ……, 22-07-2022 kami yang bertanda", ("22-07-2022", date(2022, 7, 22))),
        (
            "tahun dua ribu dua puluh empat (08-07-2024), bertempat",
            ("(08-07-2024)", date(2024, 7, 8)),
        ),
        ("(28 – 09 - 2022)", ("(28 – 09 - 2022)", date(2022, 9, 28))),
        ("tanggal …… (00-00-0000)", ("(00-00-0000)", None)),
        ("pada 31/02/2024 pukul", ("31/02/2024", None)),
        ("Nomor 12/PR.07-PKS/3313/2024", None),
        ("Rp1.500.000,00", None),
    ],
)
def test_find_numeric_date_bracketed_or_not(
    text: str, expected: tuple[str, date | None] | None
) -> None:
    found = find_numeric_date(text)
    assert (found[:2] if found else None) == expected
    if found:
        start, end = found[2]
        assert text[start:end] == found[0]


def test_english_renderings_for_messages() -> None:
    assert format_date_en(date(2024, 7, 8)) == "8 July 2024"
    assert [weekday_en(w) for w in ("Senin", "JUM'AT", "Ahad", "Senen")] == [
        "Monday",
        "Friday",
        "Sunday",
        None,
    ]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("ninth", 9),
        ("twenty-first", 21),
        ("thirtieth", 30),
        ("twelfth", 12),
        ("9th", 9),
        ("two thousand and twenty-two", 2022),
        ("two thousand twenty four", 2024),
        ("nineteen hundred and ninety-nine", 1999),
        ("2024", 2024),
        ("first second", None),
        ("hundred", None),
        ("sembilan", None),
    ],
)
def test_english_words_to_int(words: str, value: int | None) -> None:
    assert english_words_to_int(words) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On this day, Friday the ninth day of December in the year two thousand and "
            "twenty-two in Badung, we, the undersigned:",
            (
                date(2022, 12, 9),
                "the ninth day of December in the year two thousand and twenty-two",
            ),
        ),
        ("signed on the 1st of March, 2024.", (date(2024, 3, 1), "1st of March, 2024")),
        ("the thirtieth day of February in the year two thousand", None),
        ("Pada hari ini Senin, tanggal delapan bulan Juli", None),
    ],
)
def test_find_english_date(text: str, expected: tuple[date, str] | None) -> None:
    found = find_english_date(text)
    if expected is None:
        assert found is None
        return
    assert found is not None
    (start, end) = found[1]
    assert (found[0], text[start:end]) == expected
