"""JUnit XML: a testsuite per file, a testcase per finding, infos passing with system-out."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from report_samples import PACK, TRICKY, check_golden, sample_report

from naskah_lint.findings import FileResult, Finding, Location, Severity
from naskah_lint.report import junit


def _root(lang: str = "id", **overrides: object) -> ET.Element:
    text = junit.render(sample_report(lang, **overrides), PACK, lang)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def test_totals_and_suites() -> None:
    root = _root()
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("7", "4", "1")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "drafts/pks universitas.docx",
        "drafts/Nota Kesepahaman Jawa Tengah – édisi.docx",
        "rusak, lama:1.docx",
    ]
    assert [
        (s.get("tests"), s.get("failures"), s.get("errors"), s.get("skipped")) for s in suites
    ] == [
        ("5", "4", "0", "0"),
        ("1", "0", "0", "0"),
        ("1", "0", "1", "0"),
    ]


def test_testcases_per_finding() -> None:
    suite = _root().findall("testsuite")[0]
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "CLAUSE-MONEV Dokumen #CLAUSE-MONEV:dokumen:0",
        "CONS-WEEKDAY-DATE Pembukaan, paragraf 12 #CONS-WEEKDAY-DATE:pembukaan:a1b2:0",
        "CONS-AYAT-SEQUENCE Pasal 5 ayat (2), paragraf 31 "
        "#CONS-AYAT-SEQUENCE:pasal/jangka-waktu:c3d4:0",
        "FMT-FONT Kaki halaman, paragraf 2 #FMT-FONT:footer:e5f6:0",
        "META-UNUSED-SUPPRESSION Penutup, paragraf 40 #META-UNUSED-SUPPRESSION:penutup:0",
    ]
    assert {c.get("classname") for c in cases} == {"drafts/pks universitas.docx"}
    info = cases[0]
    assert info.find("failure") is None
    assert info.findtext("system-out") == "Pasal monitoring dan evaluasi tidak ditemukan.\nDokumen"
    failure = cases[1].find("failure")
    assert failure is not None
    assert failure.get("type") == "CONS-WEEKDAY-DATE"
    # attributes keep newlines and CR (escaped as character references), markup survives
    assert failure.get("message") == TRICKY
    assert failure.text is not None
    assert failure.text.startswith(
        "Hari 'Rabu' tidak sesuai: 8 Juli 2024 (Senin), bukan 100%\nbaris kedua\n<b>&\n"
    )
    assert failure.text.endswith(
        "« Pada hari ini Rabu, tanggal delapan bulan Juli … »\nSaran: Tulis hari Senin."
    )


def test_clean_file_and_unreadable_file() -> None:
    suites = _root().findall("testsuite")
    [clean] = suites[1].findall("testcase")
    assert clean.get("name") == "naskah-lint"
    assert list(clean) == []
    [broken] = suites[2].findall("testcase")
    error = broken.find("error")
    assert error is not None
    assert error.get("type") == "CORRUPT"
    assert error.get("message") == "berkas rusak (zip terpotong): buka dan simpan ulang di Word"


def test_control_characters_do_not_break_xml() -> None:
    finding = Finding(
        rule="FMT-FONT",
        severity=Severity.WARNING,
        message="teks\x0bvertikal\x00",
        location=Location(story="body", block=1, part="judul", label="Judul, paragraf 1"),
    )
    result = FileResult(path="a.docx", sha256=None, document_type="PKS", findings=(finding,))
    root = _root(files=(result,))
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "teks\ufffdvertikal\ufffd"


def test_deterministic() -> None:
    report = sample_report()
    assert junit.render(report, PACK, "id") == junit.render(report, PACK, "id")


@pytest.mark.parametrize("lang", ["id", "en"])
def test_golden(lang: str) -> None:
    check_golden(f"sample.{lang}.junit.xml", junit.render(sample_report(lang), PACK, lang))
