"""GitHub workflow commands: one annotation per finding, escaped data and properties."""

from __future__ import annotations

import pytest
from report_samples import PACK, check_golden, sample_report

from naskah_lint.findings import FileResult, Finding, Location, Severity
from naskah_lint.report import github


def test_escape_data_and_properties() -> None:
    assert github.escape_data("100%\r\nx: a, b") == "100%25%0D%0Ax: a, b"
    assert github.escape_property("100%\r\nx: a, b") == "100%25%0D%0Ax%3A a%2C b"
    # `%` first: an escaped sequence in the input is not mistaken for an escape
    assert github.escape_data("%0A") == "%250A"


def test_lines_for_the_sample_report() -> None:
    lines = github.render(sample_report(), PACK, "id").splitlines()
    assert lines == [
        "::notice file=drafts/pks universitas.docx,line=3,title=CLAUSE-MONEV::"
        "Pasal monitoring dan evaluasi tidak ditemukan. (Dokumen)",
        "::error file=drafts/pks universitas.docx,line=12,title=CONS-WEEKDAY-DATE::"
        "Hari 'Rabu' tidak sesuai: 8 Juli 2024 (Senin), bukan 100%25%0Abaris kedua%0D<b>& "
        "(Pembukaan, paragraf 12)",
        "::error file=drafts/pks universitas.docx,line=31,title=CONS-AYAT-SEQUENCE::"
        "Ayat (3) muncul setelah ayat (1); ayat (2) hilang. (Pasal 5 ayat (2), paragraf 31)",
        "::warning file=drafts/pks universitas.docx,line=3,title=FMT-FONT::"
        "Huruf 'Calibri' 10 pt; gunakan Arial atau Bookman Old Style 12 pt. "
        "(Kaki halaman, paragraf 2)",
        "::warning file=drafts/pks universitas.docx,line=40,title=META-UNUSED-SUPPRESSION::"
        "Komentar 'naskah-lint: abaikan FMT' tidak membungkam apa pun. (Penutup, paragraf 40)",
        "::error file=rusak%2C lama%3A1.docx,title=CORRUPT::"
        "berkas rusak (zip terpotong): buka dan simpan ulang di Word",
        "naskah-lint: 3 berkas diperiksa, 2 galat, 2 peringatan, 1 info, 1 tidak terbaca",
    ]


def test_summary_line_is_not_a_command_and_follows_lang() -> None:
    last = github.render(sample_report(), PACK, "en").splitlines()[-1]
    assert last == "naskah-lint: 3 files checked, 2 errors, 2 warnings, 1 info, 1 unreadable"
    assert not last.startswith("::")


def test_properties_escaped_in_path_and_title() -> None:
    finding = Finding(
        rule="FMT-FONT",
        severity=Severity.INFO,
        message="a\nb",
        location=Location(story="body", block=2, part="judul", label=""),
    )
    result = FileResult(
        path="dir\\a,b:c%.docx", sha256=None, document_type="PKS", findings=(finding,)
    )
    report = sample_report(files=(result,))
    first = github.render(report, PACK, "id").splitlines()[0]
    assert first == "::notice file=dir/a%2Cb%3Ac%25.docx,line=2,title=FMT-FONT::a%0Ab"


def test_every_command_is_one_line() -> None:
    text = github.render(sample_report(), PACK, "id")
    commands = [line for line in text.splitlines() if line.startswith("::")]
    assert len(commands) == 6  # five findings and one unreadable file
    assert text.endswith("\n")


def test_deterministic() -> None:
    report = sample_report()
    assert github.render(report, PACK, "id") == github.render(report, PACK, "id")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_golden(lang: str) -> None:
    check_golden(f"sample.{lang}.github.txt", github.render(sample_report(lang), PACK, lang))
